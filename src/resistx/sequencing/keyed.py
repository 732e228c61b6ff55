"""Memo-key copies of findings: what the rules read of a result (gene, status, origin, assay,
staleness) without what only its description shows (date, sample, variant)."""

from __future__ import annotations

from resistx.model.profile import BiomarkerResult
from resistx.sequencing.findings import Finding


def keyed(f: Finding) -> Finding:
    """The finding as the rules read it (gene, status, origin, assay, staleness) without the
    date, sample and variant that only its description shows: patients who differ only in
    those share the memoised assessment, and the plan fills in each one's description.
    One object per distinct key (few exist), so memo keys holding it compare by identity."""
    r = f.result
    key = (r.gene, r.status, r.origin, r.assay, f.stale)
    found = _KEYED.get(key)
    if found is None:
        if len(_KEYED) >= _KEYED_LIMIT:
            _KEYED.clear()
        found = _KEYED[key] = Finding(
            result=BiomarkerResult(gene=r.gene, status=r.status, origin=r.origin, assay=r.assay),
            stale=f.stale,
            slot=True,
        )
    return found


_KEYED: dict[tuple[object, ...], Finding] = {}
_KEYED_LIMIT = 4_096  # gene names are free text: bounded all the same
