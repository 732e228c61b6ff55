"""Biomarker results reconciled per gene: what the engine takes as found, as negative, or as
in conflict (rule 20). The latest result does not simply win:

- a germline result is permanent, and says nothing of the tumour's own variants (8220);
- PIK3CA, AKT1, PTEN, BRCA1/2 and PALB2 alterations are stable: a negative (a low-shedding
  ctDNA test, a different sample) does not erase a positive, before or after it;
- ESR1 mutations are acquired under endocrine therapy: a positive after the latest progression
  is current even when tissue misses it (not a later informative draw: 7280), one from before
  it may no longer hold (it counts half until retested);
- a tissue finding stands against ctDNA negatives after it (a copy number most: case 3526);
- a VUS or a benign variant is a test that found nothing actionable, not on a known activating
  variant (``hotspots``), where the call is in doubt;
- a PTEN loss by IHC gives way to tissue NGS of its day or later (case 2840), an amplification
  of ESR1, PIK3CA or AKT1 to a mutation result that stands (cases 3141-2).
Every disagreement between a positive and a negative is kept as a ``Conflict`` for the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from resistx.model._biomarker_checks import MUTATION_ONLY
from resistx.model.enums import BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult, result_order
from resistx.sequencing.pten_ihc import OUTDONE, ihc_outdone
from resistx.sequencing.reliability import NOT_SEEN as NEGATIVE
from resistx.sequencing.reliability import doubted, listed, superseded, tested_since, thin
from resistx.sequencing.slot_marks import slot

S = BiomarkerStatus
Day = dt.date | None
#: the ctDNA negatives of draws that show no tumour DNA (``reliability.silent_draws``)
Silent = frozenset[BiomarkerResult]
Results = tuple[BiomarkerResult, ...]
POSITIVE = frozenset({S.MUTATED, S.AMPLIFIED, S.OVEREXPRESSED, S.LOSS})
#: genes whose alterations do not go away under treatment
STABLE_GENES = frozenset({"PIK3CA", "AKT1", "PTEN", "BRCA1", "BRCA2", "PALB2"})
ACQUIRED_GENES = frozenset({"ESR1"})  #: somatic mutations acquired under treatment
#: the review's definite targets (ESR1 and the PI3K-AKT pathway) and the findings its trials
#: selected (an amplification is not what SOLAR-1 selected; PTEN by loss or mutation)
DEFINITE_TARGETS: dict[str, tuple[BiomarkerStatus, ...]] = {
    "ESR1": (S.MUTATED,),
    "PIK3CA": (S.MUTATED,),
    "AKT1": (S.MUTATED,),
    "PTEN": (S.LOSS, S.MUTATED),
}


@attrs.frozen(kw_only=True, cache_hash=True)
class Finding:
    """A result taken as found, and whether it predates the latest progression (half weight)."""

    result: BiomarkerResult
    stale: bool
    #: a memo key's copy (see ``keyed``): it describes itself as a slot for the gene, which the
    #: plan fills with the patient's own result
    slot: bool = False

    @property
    def gene(self) -> str:
        return self.result.gene

    def describe(self) -> str:
        """How the result reads in a reason: date, sample, assay, variant, staleness."""
        if self.slot:
            return slot(self.gene)
        r = self.result
        how = [x for x in (r.sample and r.sample.value, r.assay and r.assay.value) if x]
        if r.origin is Origin.GERMLINE:
            how.insert(0, "germline")
        if r.variant:
            how.append(r.variant)
        date = r.tested_on.isoformat() if r.tested_on else "undated"
        stale = "; it predates the latest progression and may no longer hold (it weighs less"
        stale = f"{stale} until a test after it)" if self.stale else ""
        return f"({date}{', ' + ', '.join(how) if how else ''}{stale})"


#: why neither result stands: an ESR1 mutation, then only ctDNA negatives (case 458)
UNRESOLVED = (
    "a ctDNA negative after an ESR1 mutation can miss it (a tumour that sheds little, or a "
    "subclone the draw did not catch); until a retest, ESR1 counts as untested"
)


@attrs.frozen(kw_only=True)
class Conflict:
    """A positive and a negative result for one gene, and which one the engine keeps."""

    gene: str
    positive: BiomarkerResult
    negative: BiomarkerResult
    kept: str  # "positive", "negative" or "neither" (``UNRESOLVED``)
    why: str


@attrs.frozen(kw_only=True)
class GeneState:
    """One gene, reconciled."""

    gene: str
    finding: Finding | None = None
    #: the negative that stands (no finding kept): a negative result, or a VUS or benign variant
    negative: BiomarkerResult | None = None
    indeterminate: bool = False
    not_actionable: tuple[BiomarkerResult, ...] = ()  # VUS and benign variants
    uninformative: tuple[BiomarkerResult, ...] = ()  # ctDNA negatives that rule nothing out
    #: a VUS or benign call on a known activating variant that no later result settles: the
    #: gene is unresolved, the drugs it selects wait on the laboratory's answer (rules 2, 45)
    doubtful: BiomarkerResult | None = None
    conflicts: tuple[Conflict, ...] = ()

    @property
    def past_positive(self) -> BiomarkerResult | None:
        """With no finding kept, the positive a later negative set aside (rule 60), if any."""
        if self.finding is not None:
            return None
        return next((c.positive for c in reversed(self.conflicts)), None)

    @property
    def unresolved(self) -> bool:
        """Neither result of a conflict stands (``UNRESOLVED``): a retest settles the gene."""
        return any(c.kept == "neither" for c in self.conflicts)


def uninformative(r: BiomarkerResult, silent: Silent = frozenset()) -> bool:
    """A ctDNA negative that rules nothing out: a thin sample (``thin``) or a silent draw."""
    return r.status in NEGATIVE and (thin(r) or r in silent)


def reconcile(
    gene: str, results: Iterable[BiomarkerResult], progression: Day, silent: Silent = frozenset()
) -> GeneState:
    """The state of one gene from all its results (any order) and the latest progression."""
    given = results if isinstance(results, list | tuple) else list(results)
    mut = [r for r in given if r.status is not S.AMPLIFIED] if gene in MUTATION_ONLY else given
    state = reconcile(gene, mut, progression, silent) if 0 < len(mut) < len(given) else None
    if state is not None and (state.finding or state.negative):
        return state
    if len(given) == 1:  # most genes have one result: nothing to order or reconcile
        return _one(gene, given[0], progression, silent)
    return _reconciled(gene, sorted(given, key=result_order), progression, silent)


def _one(
    gene: str, r: BiomarkerResult, progression: Day, silent: Silent = frozenset()
) -> GeneState:
    """``_reconciled`` of a single result (a test holds them equal)."""
    if r.status in POSITIVE:
        if not r.actionable:  # tested, and nothing actionable found: its date is the test's
            doubt = r if listed(r) else None
            negative = None if thin(r) or doubt else r
            return GeneState(gene=gene, negative=negative, not_actionable=(r,), doubtful=doubt)
        return GeneState(gene=gene, finding=Finding(result=r, stale=_stale(r, progression)))
    if r.status in NEGATIVE:
        if uninformative(r, silent):
            return GeneState(gene=gene, uninformative=(r,))
        return GeneState(gene=gene, negative=r)
    return GeneState(gene=gene, indeterminate=True)


def _stale(r: BiomarkerResult, progression: dt.date | None) -> bool:
    """An acquired (ESR1) somatic finding from before the latest progression."""
    if r.origin is Origin.GERMLINE or r.gene not in ACQUIRED_GENES:
        return False
    return progression is not None and not tested_since(r, progression)


def _reconciled(
    gene: str, ordered: list[BiomarkerResult], progression: Day, silent: Silent = frozenset()
) -> GeneState:
    # a variant classified again later: the later call governs; a PTEN loss by IHC that tissue
    # NGS as new found no alteration for: the NGS governs (``ihc_outdone``, case 2840)
    if gone := superseded(ordered) | (outdone := ihc_outdone(ordered)):
        ordered = [r for r in ordered if r not in gone]
    vus = tuple(r for r in ordered if r.status in POSITIVE and not r.actionable)
    blind = tuple(r for r in ordered if uninformative(r, silent))
    usable = [r for r in ordered if r not in vus and r not in blind]
    positives = [r for r in usable if r.status in POSITIVE]
    # a germline negative beside a tumour variant says nothing of it (8220)
    aside = Origin.GERMLINE if any(r.origin is not Origin.GERMLINE for r in positives) else None
    negatives = [r for r in usable if r.status in NEGATIVE and r.origin is not aside]
    germline = [r for r in positives if r.origin is Origin.GERMLINE]
    latest = usable[-1] if usable else None
    indeterminate = latest is not None and latest.status is S.INDETERMINATE

    kept, why = _kept(gene, positives, negatives, latest, progression)
    if why is UNRESOLVED:  # neither stands: the gene is untested until a retest settles it
        return _unresolved(gene, (positives[-1], negatives[-1]), vus, blind)
    conflicts: list[Conflict] = []
    if kept is not None:
        against = [r for r in negatives if r.origin is not Origin.GERMLINE or germline]
        return GeneState(
            gene=gene,
            finding=Finding(result=kept, stale=_stale(kept, progression)),
            indeterminate=indeterminate,
            not_actionable=vus,
            uninformative=blind,
            conflicts=_against_kept(gene, (kept, why), against),
        )
    # a VUS that can stand as a test without a target (not from a thin ctDNA sample); one newer
    # than a failed test clears it
    tested = [r for r in vus if not thin(r)]
    if indeterminate and tested and latest is not None:
        indeterminate = result_order(tested[-1]) < result_order(latest)
    blocked = bool(positives) or indeterminate
    doubt = doubted(vus, latest)  # no negative stands while a doubtful call is the newest
    negative = None if doubt else _standing_negative(negatives, tested, latest, blocked)
    if negative is not None and (positives or outdone):
        positive = (positives or sorted(outdone, key=result_order))[-1]
        why = f"the later negative stands: {gene} changes under treatment" if positives else OUTDONE
        conflicts.append(
            Conflict(gene=gene, positive=positive, negative=negative, kept="negative", why=why)
        )
    return GeneState(
        gene=gene,
        negative=negative,
        indeterminate=indeterminate,
        not_actionable=vus,
        uninformative=blind,
        conflicts=tuple(conflicts),
        doubtful=doubt,
    )


def _against_kept(
    gene: str, kept: tuple[BiomarkerResult, str], against: list[BiomarkerResult]
) -> tuple[Conflict, ...]:
    """The negative a kept positive disagrees with: the latest after it, else one of its day,
    else the latest before a stable one (case 1066; an ESR1 mutation after one is acquired)."""
    positive, why = kept
    later = [r for r in against if result_order(r) > result_order(positive)]
    same_time = [r for r in against if r.tested_on == positive.tested_on and r not in later]
    stable = gene in STABLE_GENES or positive.origin is Origin.GERMLINE
    earlier = [r for r in against if r not in later + same_time and stable]
    return tuple(
        Conflict(gene=gene, positive=positive, negative=neg, kept="positive", why=why)
        for neg in (later or same_time or earlier)[-1:]
    )


def _unresolved(gene: str, pair: Results, vus: Results, blind: Results) -> GeneState:
    """Neither the positive nor the negative of ``pair`` stands (``UNRESOLVED``)."""
    neither = Conflict(
        gene=gene, positive=pair[0], negative=pair[1], kept="neither", why=UNRESOLVED
    )
    return GeneState(gene=gene, not_actionable=vus, uninformative=blind, conflicts=(neither,))


def _standing_negative(
    negatives: list[BiomarkerResult],
    vus: list[BiomarkerResult],
    latest: BiomarkerResult | None,
    blocked: bool,
) -> BiomarkerResult | None:
    """The negative that stands where no positive is kept: the latest negative when the latest
    usable result is one. A VUS or benign variant is a test that found nothing actionable: the
    newest such test stands instead when it is newer, unless a positive or an indeterminate
    latest result (``blocked``) is on record."""
    negative = (
        negatives[-1] if negatives and latest is not None and latest.status in NEGATIVE else None
    )
    if vus and not blocked and (negative is None or result_order(vus[-1]) > result_order(negative)):
        negative = vus[-1]
    return negative


def _kept(
    gene: str,
    positives: list[BiomarkerResult],
    negatives: list[BiomarkerResult],
    latest: BiomarkerResult | None,
    progression: dt.date | None,
) -> tuple[BiomarkerResult | None, str]:
    """The positive result that stands for the gene, if any, and why it stands."""
    germline = [r for r in positives if r.origin is Origin.GERMLINE]
    if germline:
        return germline[-1], "a germline result is permanent"
    if positives and gene in STABLE_GENES:
        return positives[-1], f"{gene} alterations are stable; a negative test can miss one"
    later = [r for r in negatives if positives and result_order(r) > result_order(positives[-1])]
    plasma = [r for r in later if r.sample is Sample.CTDNA]  # not tissue's (the issue, 458)
    plasma_only = bool(later) and len(plasma) == len(later)
    if positives and gene in ACQUIRED_GENES:
        current = [r for r in positives if progression is not None and tested_since(r, progression)]
        if current and plasma:  # a later informative draw found none: a retest says (7280)
            return None, UNRESOLVED
        if current:
            return current[-1], "an ESR1 mutation found after the latest progression is current"
        if plasma_only:  # case 458
            return None, UNRESOLVED
        return (None, "") if later else (positives[-1], "")
    if plasma_only and positives[-1].sample is not Sample.CTDNA:  # case 3526
        return positives[-1], "plasma can miss what tissue found (a copy-number change most)"
    if positives and latest is not None and latest.status in POSITIVE:
        return latest, ""
    return None, ""
