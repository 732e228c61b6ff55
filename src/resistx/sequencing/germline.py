"""Results not read as the tumour's: a germline PTEN or RB1 result, and a ctDNA one naming its
variant (case 3529; the rechecks of session 57, 4202d and 4512-4519e)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from resistx.model._biomarker_checks import TUMOUR_SUPPRESSORS
from resistx.model.enums import Assay, BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.reliability import as_read
from resistx.vocab.variants import protein_change

if TYPE_CHECKING:
    from resistx.sequencing.facts import Facts


def germline_only(r: BiomarkerResult) -> bool:
    """A germline result of a gene read for the tumour's loss (PTEN, RB1), as read
    (``as_read``): a germline variant (Cowden syndrome's PTEN, hereditary retinoblastoma's RB1)
    is not the tumour's loss, nor a germline negative the tumour's status; the review reads
    the tumour's (case 3529: a germline RB1 variant left every CDK4/6 inhibitor out). The
    plan's notes name it (``unweighed``)."""
    return r.origin is Origin.GERMLINE and r.gene in TUMOUR_SUPPRESSORS


def set_aside(results: tuple[BiomarkerResult, ...]) -> tuple[BiomarkerResult, ...]:
    """The results, as read, not read as the tumour's: ``germline_only``, and a tumour result
    of PTEN or RB1 that cannot be told from a germline variant of the gene (``_as_germline``)."""
    germline = [r for r in results if germline_only(r)]
    if not germline:  # most profiles
        return ()
    variants = [r for r in germline if r.status in _VARIANT_STATUSES]
    return tuple(r for r in results if germline_only(r) or _as_germline(r, variants))


def _as_germline(r: BiomarkerResult, germline: list[BiomarkerResult]) -> bool:
    """A tumour's variant call of a gene with a germline variant on record that may be that
    variant: plasma naming it (it cannot tell the two apart: 4202d), or naming none, or naming
    one in the other notation (cDNA beside a protein change: 4617c, 4617d); and for RB1, tissue
    naming it (every cell carries it: one copy, not the loss of RB the review reads; 4605a).
    A loss, or another variant, is the tumour's own (a second hit)."""
    if r.status is not BiomarkerStatus.MUTATED:
        return False
    ours = [g for g in germline if g.gene == r.gene and g.variant]
    if r.sample is Sample.CTDNA and (not r.variant or not ours):
        return any(g.gene == r.gene for g in germline)
    same = any(_variant(g) == _variant(r) for g in ours)
    if r.sample is Sample.CTDNA:
        return same or all(_cdna(g) != _cdna(r) for g in ours)
    return same and r.gene == "RB1"


def _cdna(r: BiomarkerResult) -> bool:
    return (r.variant or "").strip().startswith("c.")


def _variant(r: BiomarkerResult) -> str:
    """A variant however a laboratory writes it: 'p.Arg130Ter', 'p.R130*', 'R130X' and
    'R130* (VAF 48%)' are one (the second recheck of session 57, 4512-4519e)."""
    text = re.sub(r"(?i)\(?\s*\bvaf\b[^)]*\)?", "", r.variant or "").strip()
    text = text.removeprefix("p.").strip("() ")
    stop = re.fullmatch(r"([A-Z][a-z]{2}\d+)Ter", text)  # 'Arg130Ter': 'R130' and a stop
    if stop:
        return protein_change(f"{stop[1]}Ala")[:-1] + "*"
    return re.sub(r"X$", "*", protein_change(text).replace(" ", ""))


_VARIANT_STATUSES = frozenset({BiomarkerStatus.MUTATED, BiomarkerStatus.LOSS})
_NEGATIVE = frozenset({BiomarkerStatus.WILD_TYPE, BiomarkerStatus.NOT_DETECTED})


def beside_negative(facts: Facts) -> Iterator[tuple[BiomarkerResult, BiomarkerResult]]:
    """Each germline pathogenic PTEN or RB1 variant set aside, with the tumour's sequencing
    negative for the gene that stands beside it (session 57: a tumour test shows a variant
    every cell carries unless it subtracts the germline; an IHC can keep one copy's protein)."""
    if len(facts.biomarkers) == len(facts.profile.biomarkers):  # none set aside: most plans
        return
    for r in set_aside(tuple(map(as_read, facts.profile.biomarkers))):
        state = facts.genes.get(r.gene)
        negative = state.negative if state is not None and state.finding is None else None
        if r.origin is not Origin.GERMLINE or r.status not in _VARIANT_STATUSES:
            continue
        if negative is None or negative.status not in _NEGATIVE or not r.actionable:
            continue
        if negative.assay is not Assay.IHC:
            yield r, negative


#: how ``pten_ihc.akt_pathway_unconfirmed`` names a tumour PTEN negative a germline variant
#: disputes: capivasertib waits on the laboratory (rule 2; case 4572a)
DISPUTED = "disputed by a germline variant"


def pten_disputed(facts: Facts) -> bool:
    return any(r.gene == "PTEN" for r, _negative in beside_negative(facts))
