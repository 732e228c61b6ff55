"""What the PARP-inhibitor trials enrolled no one after: a PARP inhibitor given for early
disease (rule 102; they reported before adjuvant olaparib existed) and platinum resistance
(rule 105)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule

#: where the evidence for a PARP inhibitor before chemotherapy stands (the review's refs 74-76)
_TRIALS = (
    "OlympiAD (Robson et al., N Engl J Med 2017) and EMBRACA (Litton et al., N Engl J Med "
    "2018), the review's refs 74-75, and TBCRC 048 (Tung et al., J Clin Oncol 2020) reported "
    "before adjuvant olaparib (OlympiA, Tutt et al., N Engl J Med 2021; not in the review), so "
    "none of their patients had a PARP inhibitor before"
)


# rule 102: a PARP inhibitor given for early disease: not preferred as if never given
@rule(
    102,
    "A PARP inhibitor given for early disease: not preferred as if never given",
    Factor.MOLECULAR,
    condition="A PARP inhibitor given in the (neo)adjuvant setting (as in OlympiA), and none "
    "progressed on for metastatic disease (a progression there is rule 11's).",
    effect="Each PARP inhibitor is at best an alternative (relapse later than 12 months after "
    "the adjuvant course ended), or at best a later option (relapse on it or within 12 months "
    "of its end): whether a second PARP-inhibitor course works is not known. Rules 44 and 49 "
    "then put neither chemotherapy nor a TROP2 ADC after the PARP inhibitor (case 846).",
    codes=("parp_inhibitor_given_for_early_disease",),
    trials=("TBCRC 048",),
    references=(74, 75, 76),
    regimens=kinds.is_parp_inhibitor,
)
def parp_given_for_early_disease(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.adjuvant_parp is None or i.after_parp or not kinds.is_parp_inhibitor(spec):
        return
    drugs, soon = i.adjuvant_parp
    given = " and ".join(drugs)
    if soon:
        when, place, ceiling = "relapse on it or within 12 months of its end", "a later option", 2
    else:
        when, place, ceiling = "relapse not within 12 months of its end", "an alternative", 1
    yield Effect(
        code="parp_inhibitor_given_for_early_disease",
        ceiling=ceiling,
        leads=True,
        text=f"{given.capitalize()} given for early disease ((neo)adjuvant), {when}: {_TRIALS}. "
        f"Whether a second PARP-inhibitor course works is not known: at best {place}.",
        trials=("TBCRC 048",),
        references=(74, 75, 76),
    )


# rule 105: platinum resistance: a PARP inhibitor outside its trials
@rule(
    105,
    "Platinum resistance: a PARP inhibitor outside its trials",
    Factor.MOLECULAR,
    condition="Progression on platinum (carboplatin, cisplatin) for metastatic disease, or "
    "relapse on or within 12 months of (neo)adjuvant platinum, and no progression on a PARP "
    "inhibitor (rule 11's).",
    effect="Each PARP inhibitor is at best an alternative, and rules 44 and 49 put neither "
    "itself first nor chemotherapy or a TROP2 ADC after it: OlympiAD and EMBRACA enrolled no "
    "one whose disease had progressed on platinum for advanced disease (their reports; not in "
    "the review), and platinum and PARP inhibitors act on the same repair defect (case 907).",
    codes=("parp_inhibitor_after_platinum_resistance",),
    references=(74, 75),
    regimens=kinds.is_parp_inhibitor,
)
def parp_after_platinum(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not i.platinum_resistant or i.after_parp or not kinds.is_parp_inhibitor(spec):
        return
    yield Effect(
        code="parp_inhibitor_after_platinum_resistance",
        ceiling=1,
        leads=True,
        text="Platinum resistance (progression on it for metastatic disease, or relapse within "
        "12 months of it as (neo)adjuvant treatment): OlympiAD and EMBRACA enrolled no one whose "
        "disease had progressed on platinum for advanced disease (Robson et al., N Engl J Med "
        "2017; Litton et al., N Engl J Med 2018; not in the review), and both drugs act on the "
        "DNA-repair defect platinum exploits: their results do not reach this patient; at best "
        "an alternative.",
        references=(74, 75),
    )
