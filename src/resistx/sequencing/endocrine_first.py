"""Where rule 32's endocrine-based line first gives way (practice-2026): trastuzumab
deruxtecan in DESTINY-Breast04's population or for liver or lung metastases within its
approval, and an ESR1 mutation left to endocrine therapy alone (rule 6 speaks then)."""

from __future__ import annotations

from resistx.model.enums import Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs


def only_monotherapy_for_esr1(i: MolecularInputs) -> bool:
    """An ESR1 mutation whose drugs are unusable beside every endocrine partner declined:
    endocrine therapy alone is all that is left, and EMERALD's standard endocrine arm gave
    ESR1-mutated disease 1.9 months, no line to hold chemotherapy back (8355): rule 32 is
    silent, and rule 6 speaks."""
    return i.esr1 is not None and i.endocrine_partners_declined


def visceral_within_approval(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """Trastuzumab deruxtecan within its approval (after endocrine therapy for metastatic
    disease) for liver or lung metastases: postMONARCH reported its benefit larger without
    visceral metastases (a secondary source), and DESTINY-Breast06 beat chemotherapy; rule 32
    does not step it back behind another endocrine line (8571: fulvestrant alone came first).
    HER2-low disease only: the ultralow subgroup has no figure of its own in the pack (8977)."""
    low = i.her2 is Her2Status.LOW
    return low and kinds.is_tdxd(spec) and i.liver_or_lung and i.endocrine_sensitive != "adjuvant"


def destiny_breast04(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """Trastuzumab deruxtecan for HER2-low disease after chemotherapy for metastatic disease
    (induction too), or an early relapse after (neo)adjuvant chemotherapy: DESTINY-Breast04's
    population, where it beat chemotherapy, not DESTINY-Breast06's (case 1071)."""
    low = i.her2 is Her2Status.LOW and bool(i.chemotherapy_lines or i.db04_early_relapse)
    return low and kinds.is_tdxd(spec)
