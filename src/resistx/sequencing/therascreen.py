"""Rule 90's reading of a PIK3CA variant: one of therascreen PIK3CA's 11 mutations (the
companion diagnostic on which SOLAR-1 enrolled and alpelisib was approved), or another."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resistx.vocab.variants import HOTSPOTS, position, protein_change

if TYPE_CHECKING:
    from resistx.sequencing.findings import GeneState


_ONE_RESIDUE = re.compile(r"[A-Z]\d+[A-Z]")


def outside_therascreen(st: GeneState | None) -> str:
    """The PIK3CA finding's protein change when it is not one of therascreen's 11 (rule 90,
    case 622): one residue changed, however written ('PIK3CA N345K', 'c.1035T>A p.N345K'), or
    the variant as given where only a residue none of the 11 changes can be read ('E110del');
    "" for a listed one, or a variant whose protein change is not given ('c.3140A>G')."""
    r = st.finding.result if st is not None and st.finding is not None else None
    if r is None or r.gene != "PIK3CA" or not r.variant:
        return ""
    # as written beside a gene, an allele fraction or a cDNA change (8652: 'PIK3CA N345K')
    change = protein_change(r.variant)
    if _ONE_RESIDUE.fullmatch(change):
        return "" if change in HOTSPOTS["PIK3CA"] else change
    at = position(change)  # a residue alone ('N345 K', 'E110del'): by its position
    return r.variant.strip() if at and at not in _LISTED_POSITIONS else ""


#: the residues therascreen's 11 mutations change (C420, E542, E545, Q546, H1047)
_LISTED_POSITIONS = frozenset(position(c) for c in HOTSPOTS["PIK3CA"])
