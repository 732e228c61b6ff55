"""Results not read as the tumour's: a germline PTEN or RB1 result, and a ctDNA one naming its
variant (case 3529; the rechecks of session 57, 4202d and 4512-4519e)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from resistx.model._biomarker_checks import TUMOUR_SUPPRESSORS
from resistx.model.enums import Assay, BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.reliability import as_read, germline_like
from resistx.vocab.variants import same_variant, written

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
    unsettled = [r for r in results if _rb1_unsettled(r, germline)]
    if not germline and not unsettled:  # most profiles
        return ()
    variants = [r for r in germline if r.status in _VARIANT_STATUSES]
    return tuple(
        r for r in results if germline_only(r) or _as_germline(r, variants) or r in unsettled
    )


def _rb1_unsettled(r: BiomarkerResult, germline: list[BiomarkerResult]) -> bool:
    """A plasma RB1 mutation at the allele fraction of an inherited variant, no germline RB1
    result settling it: one copy, not the loss of RB the review reads, until a germline test
    says otherwise (rule 150 asks it before choosing; the second recheck of session 58,
    4723b, 4725a)."""
    return (
        r.gene == "RB1"
        and r.status in _VARIANT_STATUSES  # a truncating variant reported as 'loss' (4822m)
        and germline_like(r)
        and not any(
            g.gene == "RB1" and g.status is not BiomarkerStatus.INDETERMINATE for g in germline
        )
    )


def _as_germline(r: BiomarkerResult, germline: list[BiomarkerResult]) -> bool:
    """A tumour's variant call of a gene with a germline variant on record that may be that
    variant: plasma naming it (it cannot tell the two apart: 4202d), or naming none, or naming
    one that cannot be compared with it (cDNA beside a protein change: 4617c, 4617d); and for
    RB1, tissue naming it, or one it cannot be compared with (every cell carries it: one copy,
    not the loss of RB the review reads; 4605a, 4686). A loss, or another variant, is the
    tumour's own (a second hit)."""
    if r.status is not BiomarkerStatus.MUTATED:
        return False
    ours = [written(g.variant) for g in germline if g.gene == r.gene and g.variant]
    if not ours or not r.variant:
        return r.sample is Sample.CTDNA and any(g.gene == r.gene for g in germline)
    theirs = written(r.variant)
    maybe = any(same_variant(theirs, g) is not False for g in ours)
    return maybe and (r.sample is Sample.CTDNA or r.gene == "RB1")


#: the PI3K-pathway mutations that select capivasertib whatever PTEN shows
_DECIDE = ("PIK3CA", "AKT1")
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
        if r.gene == "PTEN" and any(facts.found(g, BiomarkerStatus.MUTATED) for g in _DECIDE):
            continue  # capivasertib's place is decided whatever PTEN shows (4690a)
        if negative.assay in (Assay.NGS, None):  # an IHC can keep one copy's protein, and a
            yield r, negative  # PCR panel does not look for it (4683o)


#: how ``pten_ihc.akt_pathway_unconfirmed`` names a tumour PTEN negative a germline variant
#: disputes: capivasertib waits on the laboratory (rule 2; case 4572a)
DISPUTED = "disputed by a germline variant"


def pten_disputed(facts: Facts) -> bool:
    return any(r.gene == "PTEN" for r, _negative in beside_negative(facts))


def variant_genes(facts: Facts) -> set[str]:
    """The genes with a germline variant set aside (PTEN, RB1): a retest in plasma would show
    it again (rule 15)."""
    if len(facts.biomarkers) == len(facts.profile.biomarkers):  # none set aside: most plans
        return set()
    read = tuple(map(as_read, facts.profile.biomarkers))
    return {r.gene for r in read if germline_only(r) and r.status in _VARIANT_STATUSES}
