"""A PTEN loss found by IHC beside an NGS test of tumour tissue that found no PTEN alteration:
CAPItello-291 selected its population by NGS of tissue, so the NGS governs (case 2840)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resistx.model.enums import Assay, BiomarkerStatus, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing import germline
from resistx.sequencing.reliability import NOT_SEEN

if TYPE_CHECKING:
    from resistx.sequencing.facts import Facts


def ihc_outdone(ordered: list[BiomarkerResult]) -> frozenset[BiomarkerResult]:
    """PTEN losses found by IHC only where an NGS test of tumour tissue, of their day or later,
    found no PTEN alteration: CAPItello-291 selected its population by NGS of tissue, so the
    NGS governs (case 2840: capivasertib waited on an NGS already on record)."""
    found = [r for r in ordered if r.status in _PTEN_FOUND]
    ihc = [r for r in found if r.assay is Assay.IHC]
    if not ihc or ihc[0].gene != "PTEN" or len(ihc) < len(found):
        return frozenset()
    ngs = [
        r.tested_on
        for r in ordered
        if r.status in NOT_SEEN and r.assay is Assay.NGS and r.sample is not Sample.CTDNA
    ]
    last = max((d for d in ngs if d is not None), default=None)
    return frozenset(r for r in ihc if last is not None and r.tested_on and r.tested_on <= last)


_PTEN_FOUND = frozenset({BiomarkerStatus.LOSS, BiomarkerStatus.MUTATED})
#: the conflict a PTEN loss by IHC and a tissue NGS that found none make (``ihc_outdone``)
OUTDONE = (
    "tissue NGS as new as the IHC found no PTEN alteration, and CAPItello-291 selected its "
    "population by NGS: outside it, capivasertib would be given off its evidence"
)


def pten_unconfirmed(facts: Facts) -> str:
    """How the pathway's only alteration the trials selected, a PTEN loss, stands unconfirmed
    ("" when it does not): by IHC only (or a mutation by IHC), or a loss on ctDNA only (a
    copy-number call, plasma's least reliable; case 509). CAPItello-291 selected on tumour
    tissue by NGS: capivasertib waits on it, and rule 15 asks for it."""
    st = facts.genes.get("PTEN")
    if st is None or st.finding is None or st.finding.result.status not in _PTEN_FOUND:
        return ""
    if germline.pathway_mutation(facts):
        return ""
    pten = st.finding.result  # the result itself: the keyed finding leaves its sample a slot
    if pten.assay is Assay.IHC:
        return "by IHC only"
    on_tissue = any(
        r.gene == "PTEN"
        and r.status in {BiomarkerStatus.LOSS, BiomarkerStatus.MUTATED}
        and r.sample is not Sample.CTDNA
        for r in facts.biomarkers  # a germline PTEN result is no tumour's (germline_only)
    )
    return "on ctDNA only" if pten.status is BiomarkerStatus.LOSS and not on_tissue else ""


def akt_pathway_unconfirmed(facts: Facts) -> str:
    """``pten_unconfirmed``, or the tumour's PTEN negative that a germline variant disputes
    where no PIK3CA or AKT1 mutation decides (``germline.DISPUTED``: capivasertib waits; case
    4572a)."""
    return germline.DISPUTED if germline.pten_disputed(facts) else pten_unconfirmed(facts)
