"""Results not read as the tumour's: a germline PTEN or RB1 result, and a ctDNA one naming its
variant (case 3529; the rechecks of session 57, 4202d and 4512-4519e)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resistx.model._biomarker_checks import TUMOUR_SUPPRESSORS
from resistx.model.enums import Assay, BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.once import remembered
from resistx.sequencing.reliability import NOT_SEEN, as_read, germline_like
from resistx.vocab.variants import might_be, written

if TYPE_CHECKING:
    from resistx.sequencing.facts import Facts


def germline_only(r: BiomarkerResult) -> bool:
    """A germline result of a gene read for the tumour's loss (PTEN, RB1), as read
    (``as_read``): a germline variant (Cowden syndrome's PTEN, hereditary retinoblastoma's RB1)
    is not the tumour's loss, nor a germline negative the tumour's status; the review reads
    the tumour's (case 3529: a germline RB1 variant left every CDK4/6 inhibitor out). The
    plan's notes name it (``unweighed``)."""
    return r.origin is Origin.GERMLINE and r.gene in TUMOUR_SUPPRESSORS


@remembered  # asked by the facts, rules 15, 21 and 150 and the notes of one plan
def read_and_aside(facts: Facts) -> tuple[tuple[BiomarkerResult, ...], tuple[BiomarkerResult, ...]]:
    """The profile's results as read (``as_read``: blood or saliva is germline), and those of
    them set aside (``set_aside``), worked out once a patient (a profile may hold 2,000)."""
    read = tuple(map(as_read, facts.profile.biomarkers))
    return read, set_aside(read)


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
    known = [written(g.variant or "") for g in germline if g.gene == r.gene]
    if r.sample is Sample.CTDNA:
        return might_be(r.variant, known)
    named = [k for k in known if k != (None, None)]  # on tissue, only a variant named in both
    return r.gene == "RB1" and bool(r.variant and named) and might_be(r.variant, named)


_VARIANT_STATUSES = frozenset({BiomarkerStatus.MUTATED, BiomarkerStatus.LOSS})


def pathway_mutation(facts: Facts) -> bool:
    """A PIK3CA or AKT1 mutation: it selects capivasertib whatever PTEN shows (4690a)."""
    return any(facts.found(g, BiomarkerStatus.MUTATED) for g in ("PIK3CA", "AKT1"))


@remembered  # asked by rules 2 (twice), 21 and the notes of one plan
def beside_negative(facts: Facts) -> tuple[tuple[BiomarkerResult, BiomarkerResult], ...]:
    """Each germline pathogenic PTEN or RB1 variant set aside, with the tumour's sequencing
    negative for the gene that stands beside it (session 57: a tumour test shows a variant
    every cell carries unless it subtracts the germline; an IHC can keep one copy's protein,
    and a PCR panel does not look for it: 4683o); not PTEN's where a PIK3CA or AKT1 mutation
    decides capivasertib anyway (4690a)."""
    return tuple(
        (r, negative)
        for r in read_and_aside(facts)[1]
        if r.origin is Origin.GERMLINE and r.status in _VARIANT_STATUSES and r.actionable
        and (state := facts.genes.get(r.gene)) is not None and state.finding is None
        and (negative := state.negative) is not None and negative.status in NOT_SEEN
        and negative.assay in (Assay.NGS, None)
        and not (r.gene == "PTEN" and pathway_mutation(facts))
    )  # fmt: skip


#: how ``pten_ihc.akt_pathway_unconfirmed`` names a tumour PTEN negative a germline variant
#: disputes: capivasertib waits on the laboratory (rule 2; case 4572a)
DISPUTED = "disputed by a germline variant"


def pten_disputed(facts: Facts) -> bool:
    return any(r.gene == "PTEN" for r, _negative in beside_negative(facts))


def variant_genes(facts: Facts) -> set[str]:
    """The genes with a germline variant set aside (PTEN, RB1): a retest in plasma would show
    it again (rule 15)."""
    aside = read_and_aside(facts)[1]
    return {r.gene for r in aside if germline_only(r) and r.status in _VARIANT_STATUSES}
