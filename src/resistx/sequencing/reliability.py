"""How one result reads, before results are reconciled per gene (``findings``): a blood or
saliva sample is a germline test, a ctDNA sample may be too thin for a negative, and a "of
uncertain significance" (or benign) call on a known activating variant is doubtful.

resistx does not reclassify a variant: a doubtful call is not a match either. It only keeps such
a result from closing the question as a test with nothing found (rule 45 asks the laboratory,
and the drugs the gene selects wait on the answer). Each listed variant names its source.
``esr1_tissue_only`` reads the reconciled ESR1 state beside every ESR1 result: whether a
ctDNA test is still missing (rule 64).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from resistx.model._biomarker_checks import GERMLINE_SAMPLES
from resistx.model.enums import BiomarkerStatus, DrugClass, Origin, Sample, StopReason
from resistx.model.profile import BiomarkerResult, Treatment, result_order
from resistx.sequencing.blood_variants import germline_clear, not_tumour_proof
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.vocab.variants import (
    HOTSPOTS,
    Written,
    allele_percent,
    might_be,
    protein_change,
    written,
)

if TYPE_CHECKING:
    from resistx.sequencing.facts import Facts


def listed(r: BiomarkerResult) -> str | None:
    """Where the result's variant is listed as activating, when a VUS or benign call was made
    on it (a doubtful call); else None."""
    gene = HOTSPOTS.get(r.gene)
    if gene is None or r.classification is None or r.classification.actionable or not r.variant:
        return None
    return gene.get(protein_change(r.variant))


#: below this tumour fraction a ctDNA negative cannot rule an alteration out (resistx's threshold,
#: an assumption: ctDNA assays report reduced sensitivity at tumour fractions under 1%)
LOW_TUMOUR_FRACTION = 0.01


def thin(r: BiomarkerResult) -> bool:
    """A ctDNA sample too thin for a negative (or a VUS) to rule an alteration out: a low
    tumour fraction, or a tumour known to shed little DNA."""
    if r.sample is not Sample.CTDNA:
        return False
    low = r.tumour_fraction is not None and r.tumour_fraction < LOW_TUMOUR_FRACTION
    return low or bool(r.low_shedding)


#: results that show a draw held tumour DNA: something was found (a VUS too: a variant was seen)
_SEEN = frozenset(
    {
        BiomarkerStatus.MUTATED,
        BiomarkerStatus.AMPLIFIED,
        BiomarkerStatus.OVEREXPRESSED,
        BiomarkerStatus.LOSS,
    }
)
#: the statuses of a test that found nothing (``findings.NEGATIVE``)
NOT_SEEN = frozenset({BiomarkerStatus.NOT_DETECTED, BiomarkerStatus.WILD_TYPE})


def germline_like(r: BiomarkerResult) -> bool:
    """A plasma variant at the allele fraction of a heterozygous germline variant (40 to 60%,
    as its report writes it): it does not show that the draw held tumour DNA (case 4579b)."""
    percent = allele_percent(r.variant or "") if r.sample is Sample.CTDNA else None
    return percent is not None and 40 <= percent <= 60


def _maybe_not_tumour(
    r: BiomarkerResult, germline: list[tuple[str, Written]], clear: frozenset[str]
) -> bool:
    """A plasma variant that is, or may be, a germline variant of its gene on record (4726d),
    at a germline allele fraction (4579b), or of blood cells or an inherited-cancer gene
    (8143b)."""
    inherited = might_be(r.variant, [v for g, v in germline if g == r.gene])
    return inherited or germline_like(r) or not_tumour_proof(r, clear)


def silent_draws(results: Iterable[BiomarkerResult]) -> frozenset[BiomarkerResult]:
    """The ctDNA negatives of a draw (the ctDNA results of one date) that shows no tumour DNA:
    nothing found in any gene of it and no tumour fraction reported, so a negative there may be
    a false one (ESMO's ctDNA recommendations, Pascual et al., Ann Oncol 2022, call an
    undetected result non-informative and advise reflex tissue testing; a variant found in the
    same draw, unless it may not be the tumour's, or a tumour fraction of 1% or more, shows
    the tumour's DNA; case 534; as does ``low_shedding`` false: 1948). Undated: one draw."""
    draws: dict[dt.date | None, list[BiomarkerResult]] = {}
    germline: list[tuple[str, Written]] = []
    clear = germline_clear(results := tuple(results))  # of blood cells or inherited: 8143b
    for r in results:
        if r.sample is Sample.CTDNA:
            draws.setdefault(r.tested_on, []).append(r)
        elif r.origin is Origin.GERMLINE and r.status in _SEEN:  # named or not (4821c)
            germline.append((r.gene, written(r.variant or "")))
    return frozenset(
        r
        for draw in draws.values()
        if not any(
            (r.status in _SEEN and not _maybe_not_tumour(r, germline, clear))
            or (r.tumour_fraction or 0.0) >= LOW_TUMOUR_FRACTION  # not under it: 8227
            or r.low_shedding is False
            for r in draw
        )
        for r in draw
        if r.status in NOT_SEEN
    )


def doubted(
    vus: tuple[BiomarkerResult, ...], latest: BiomarkerResult | None
) -> BiomarkerResult | None:
    """The newest doubtful call (``listed``) when it is newer than the latest usable result: no
    negative stands, and the gene is unresolved, as after a failed test."""
    doubt = [r for r in vus if listed(r) is not None]
    if doubt and (latest is None or result_order(doubt[-1]) > result_order(latest)):
        return doubt[-1]
    return None


def as_read(r: BiomarkerResult) -> BiomarkerResult:
    """The result with its origin read from its sample: germline from blood or saliva."""
    if r.sample in GERMLINE_SAMPLES and r.origin is not Origin.GERMLINE:
        return attrs.evolve(r, origin=Origin.GERMLINE)
    return r


def endocrine_after(courses: Iterable[Treatment], day: dt.date) -> bool:
    """An endocrine course after ``day``: ended later, ongoing or undated. Without one, an ESR1
    negative from ``day`` still reads as current after a later progression: ESR1 mutations are
    acquired under endocrine therapy (case 422; ``Facts.needs_retest``)."""
    return any(
        t.ended_on is None or t.ended_on > day
        for t in courses
        if ENDOCRINE_DRUGS.intersection(t.drug_classes)
    )


def esr1_stands(courses: Iterable[Treatment], tested: dt.date, progression: dt.date) -> bool:
    """An ESR1 negative from ``tested``, before the latest ``progression``, still stands: no
    endocrine course after it (``endocrine_after``), and taken during the course that has just
    progressed (case 422); one from lines before it is asked again (cases 551, 563)."""
    given = tuple(courses)
    return not endocrine_after(given, tested) and any(
        t.progressed and t.end_date == progression and t.started_on and t.started_on <= tested
        for t in given
    )


def tested_since(r: BiomarkerResult, date: dt.date | None) -> bool:
    """Tested on or after ``date`` (any result, where no date bounds it)."""
    return date is None or (r.tested_on is not None and r.tested_on >= date)


def esr1_tissue_only(facts: Facts) -> bool:
    """The ESR1 negative that stands is from tissue, current, with no mutation on record, no
    informative ctDNA negative since the latest progression (case 899: a draw two days before
    the biopsy is a ctDNA test too) and no progression on an oral SERD: rule 64 asks for ctDNA,
    and the SERDs' exclusion says so."""
    st = facts.genes.get("ESR1")
    negative = st.negative if st is not None and st.finding is None else None
    if st is None or negative is None or negative.sample is Sample.CTDNA:
        return False
    if any(
        r.gene == "ESR1"
        and r.sample is Sample.CTDNA
        and r.status in NOT_SEEN
        and r not in st.uninformative
        and tested_since(r, facts.results_from)
        for r in facts.biomarkers
    ):
        return False
    return not facts.needs_retest("ESR1") and DrugClass.ORAL_SERD not in facts.progressed_classes


#: an ESR1 negative taken on an ongoing endocrine course, more than this many days before the
#: plan's date, is not read as the result at its progression (case 958; a test at progression
#: comes within weeks of it, case 713: resistx's reading, the review gives no window)
ESR1_ON_COURSE_DAYS = 60


def esr1_before(latest: Treatment | None, tested: dt.date | None, decision: dt.date | None) -> bool:
    """An ESR1 negative taken well before the end of the latest endocrine course for metastatic
    disease: one going on (read as progressed at the plan's date, rule 53), or one ended with no
    progression recorded (case 1442: 18 months of fulvestrant after the test). ESR1 mutations
    are acquired under endocrine therapy, so it does not stand for what the options answer."""
    if latest is None or not latest.metastatic or tested is None:
        return False
    if latest.stop_reason is StopReason.PROGRESSION or not latest.drug_classes & ENDOCRINE_DRUGS:
        return False
    end = decision if latest.stop_reason is StopReason.ONGOING else latest.end_date
    return end is not None and (end - tested).days > ESR1_ON_COURSE_DAYS


def course_for_esr1(facts: Facts) -> Treatment | None:
    """The course going on, else the last on record, a GnRH agonist alone included (unlike
    ``profile.latest_course``): what an ESR1 negative from after the latest progression is
    read against (``esr1_before``; case 1442)."""
    return facts.current or next(reversed(facts.in_order), None)


def progression_unplaced(progressed: tuple[Treatment, ...]) -> tuple[Treatment, ...]:
    """The metastatic courses that ended in progression with no end date, not known to come
    before one with a date (a lower line number than a dated one that progressed, or a start
    before the start of a dated one of another line): with any,
    no test can be shown to follow the latest progression, so no negative is current (case
    1030 and its recheck; rule 122 asks for the date). A course going on, read as progressed
    at the plan's date (rule 53), is dated by its start; without one it places nothing either."""
    dated = [t.line for t in progressed if t.end_date is not None and t.line is not None]
    top = max(dated, default=None)
    return tuple(
        t
        for t in progressed
        if t.end_date is None
        and (top is None or t.line is None or t.line >= top)
        and not _started_before_a_dated(t, progressed)
    )


def _started_before_a_dated(t: Treatment, progressed: tuple[Treatment, ...]) -> bool:
    """``t`` started before another course of another line whose progression is dated: its own
    progression came before that course began (case 2593: no line numbers, the start dates
    place it)."""
    return t.started_on is not None and any(
        u.end_date is not None
        and u.started_on is not None
        and u.started_on > t.started_on
        and (u.line is None or t.line is None or u.line != t.line)
        for u in progressed
    )


def superseded(ordered: list[BiomarkerResult]) -> frozenset[BiomarkerResult]:
    """Results (oldest first) whose variant a later result of the gene classifies again: the
    later call governs (case 1973: a germline BRCA2 variant called likely pathogenic, then a
    VUS by an amended report, still opened a PARP inhibitor). A germline call is classified
    again by a germline report only: a tumour or plasma call of the same variant is the same
    inherited variant found again (case 3085: it was read as a somatic BRCA2 mutation)."""
    found = set()
    for k, r in enumerate(ordered):
        name = (r.variant or "").strip().casefold()
        germline = r.origin is Origin.GERMLINE
        if (
            name
            and r.classification is not None
            and any(
                (later.variant or "").strip().casefold() == name
                and later.classification is not None
                and (not germline or later.origin is Origin.GERMLINE)
                for later in ordered[k + 1 :]
            )
        ):
            found.add(r)
    return frozenset(found)


#: a test drawn up to this many days before the recorded end of a course that ended in
#: progression was drawn at the progression's work-up, after it was seen: it is read as current
#: (case 2480c: a ctDNA drawn at the progression visit, the course recorded as ending days
#: later, was read as older than the progression); resistx's allowance, as no source gives one
PROGRESSION_VISIT_DAYS = 14


def work_up_start(
    day: dt.date | None, treatments: tuple[Treatment, ...], current: Treatment | None
) -> dt.date | None:
    """The first day a test counts as current (``Facts.results_from``): ``day`` (the latest
    progression, ``Facts.progressed_on``) less ``PROGRESSION_VISIT_DAYS`` where a course ended
    in progression on it, though not before that course's start; ``day`` itself where it is the
    start of the course going on (rule 53: no progression dates it)."""
    if day is None:
        return None
    skip = None if current is None else (current.started_on, current.drugs)
    starts = [
        t.started_on or day
        for t in treatments
        if t.progressed and t.end_date == day and (t.started_on, t.drugs) != skip
    ]
    if not starts:
        return day
    return max(day - dt.timedelta(days=PROGRESSION_VISIT_DAYS), *starts)
