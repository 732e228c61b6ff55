"""A PTEN loss found by IHC beside an NGS test of tumour tissue that found no PTEN alteration:
CAPItello-291 selected its population by NGS of tissue, so the NGS governs (case 2840)."""

from __future__ import annotations

from resistx.model.enums import Assay, BiomarkerStatus, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.reliability import NOT_SEEN


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
