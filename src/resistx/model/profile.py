"""The patient profile: what sequencing takes in (CONTRACT section 3).

``__init__`` only validates. Brand names, gene aliases and comorbidity spellings are
normalised on the way in by the converter (``resistx._serde``); the derived views
below are what the sequencing engine reads.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from resistx._errors import ItemProblemsError, PreferencesError, ProfileError, ResistxError
from resistx.model import _biomarker_checks as fits
from resistx.model import _code_types as code_types
from resistx.model import _validators as v
from resistx.model._show import number
from resistx.model.enums import (
    Assay,
    BiomarkerStatus,
    ChildPugh,
    Classification,
    DrugClass,
    Her2Score,
    Her2Status,
    HormoneReceptor,
    IshResult,
    MenopausalStatus,
    MetastaticSite,
    Origin,
    Priority,
    RegimenKind,
    Route,
    Sample,
    SampleSite,
    Sex,
    StopReason,
    TreatmentSetting,
)
from resistx.vocab import adverse_events as ae_vocab
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.comorbidities import (
    INSULIN,
    NO_ANSWER,
    NORMAL_CLEARANCE,
    Comorbidity,
    clauses_of,
    hba1c_percent,
    misspelt_condition,
    named_in_text,
)
from resistx.vocab.interactions import diabetes_drug_taken_now, insulin_taken_now, taken_now_text
from resistx.vocab.medication_names import medications_read

SCHEMA_VERSION = 2
SCHEMA_VERSIONS = (1, 2)  # schema 1 still loads, migrated (the plan says so)
MAX_OTHER_CONDITIONS = 50
#: the stops that say nothing of whether the disease progressed: another reason, or none
#: recorded ('unknown', or the stop reason left out: case 1453); never read as progression
#: (case 2907), the plan asks why the course ended (rules 50, 141)
UNEXPLAINED_STOPS = frozenset({StopReason.OTHER, StopReason.UNKNOWN, None})
#: the stops of a CDK4/6-inhibitor course that do not measure sensitivity to it: no
#: progression, or none recorded
_NOT_RESPONSE = (
    StopReason.TOXICITY,
    StopReason.PATIENT_CHOICE,
    StopReason.COMPLETED,
    StopReason.ONGOING,
    *UNEXPLAINED_STOPS,
)
DAYS_PER_MONTH = 365.25 / 12

# Limits on what one profile may hold: generous for any patient, and small enough that a
# malformed or hostile profile is refused before any per-item work (docs/limitations.md).
#: the longest a treatment may last, in months (50 years)
MAX_MONTHS = 600
MAX_TREATMENTS = 200
MAX_BIOMARKERS = 2_000
MAX_COMORBIDITIES = 100
#: drugs in one treatment
MAX_DRUGS = 20
FIRST_DATE = v.FIRST_DATE
LAST_DATE = v.LAST_DATE


def _ecog(_inst: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 0 <= value <= 4:
        msg = f"ECOG performance status must be 0, 1, 2, 3 or 4 (or null for unknown), got {number(value)}"
        raise ValueError(msg)


def _schema(_inst: object, _attribute: attrs.Attribute[Any], value: int) -> None:
    if value not in SCHEMA_VERSIONS:
        msg = f"schema_version must be 2 (or 1, read and migrated), got {number(value)}"
        raise ValueError(msg)


#: the comorbidities whose CTCAE grade a rule reads (rule 12: neuropathy, and an interstitial
#: lung disease's, case 1233; rule 111: cytopenia, its worst count's grade, case 1159)
#: a chronic lung disease's grade is its severity, 1 mild to 4 very severe (GOLD's grades for
#: COPD; 3-4 severe, on oxygen: rule 12, case 1831)
GRADED = (
    Comorbidity.NEUROPATHY,
    Comorbidity.CYTOPENIA,
    Comorbidity.INTERSTITIAL_LUNG_DISEASE,
    Comorbidity.CHRONIC_LUNG_DISEASE,
)


def _grade(inst: Any, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    name = getattr(inst, "name", None)
    if name not in GRADED:
        msg = (
            "grade is read for neuropathy, cytopenia, interstitial_lung_disease and "
            "chronic_lung_disease only"
        )
        raise ValueError(msg)
    if not 0 <= value <= 4:
        msg = f"{name.value} grade must be 0 to 4 (CTCAE), got {number(value)}"
        raise ValueError(msg)
    if value == 0 and name is Comorbidity.CHRONIC_LUNG_DISEASE:  # its scale is 1-4 (case 2180)
        msg = "chronic_lung_disease grade is 1 (mild) to 4 (very severe), GOLD's grades"
        raise ValueError(msg)
    if value == 0 and name is Comorbidity.INTERSTITIAL_LUNG_DISEASE:  # case 2145's variant
        msg = (
            "interstitial_lung_disease grade is the worst it reached (CTCAE 1-4; there is no "
            "grade 0 pneumonitis): a resolved grade 1 is grade 1"
        )
        raise ValueError(msg)


def _read_for(
    field: str, owner: Comorbidity, problem: Callable[[Any], str | None] | None = None
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A Condition's value validator: given only for ``owner`` (the comorbidity whose rules
    read it), and within its range where ``problem`` says what is wrong (else None)."""

    def check(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
        name = getattr(inst, "name", None)
        if value is None or name is None:  # a name that failed to read says so itself (6904b)
            return
        if name is not owner:
            msg = f"{field} is read for {owner.value} only"
            raise ValueError(msg)
        found = problem(value) if problem is not None else None
        if found is not None:
            raise ValueError(found)

    return check


_child_pugh = _read_for("child_pugh", Comorbidity.HEPATIC_IMPAIRMENT)
_from_metastases = _read_for("from_metastases", Comorbidity.HEPATIC_IMPAIRMENT)
_lvef = _read_for(
    "lvef",
    Comorbidity.CARDIAC_DISEASE,
    lambda value: None if 5 <= value <= 90 else f"lvef is a percentage from 5 to 90, got {value}",
)


#: below this a clearance in mL/min is read as given in mL/s (1.5 mL/s is 90 mL/min; case
#: 2123: 1.1 mL/s read as 1.1 mL/min set the PARP inhibitors back); dialysis reads below 15
SI_CLEARANCE = 1.5


_creatinine_clearance = _read_for(
    "creatinine_clearance",
    Comorbidity.RENAL_IMPAIRMENT,
    lambda value: (
        f"creatinine_clearance is in mL/min; {number(value)} looks like mL/s (SI units), which "
        f"is about {value * 60:.0f} mL/min: record that (on dialysis, a value below 15)"
        if 0 <= value < SI_CLEARANCE
        else None
        if SI_CLEARANCE <= value < NORMAL_CLEARANCE
        else f"creatinine_clearance is in mL/min, from 0 to below {NORMAL_CLEARANCE} (renal "
        f"impairment), got {number(value)}"
    ),
)


_hba1c = _read_for(
    "hba1c",
    Comorbidity.DIABETES,
    lambda value: (
        None
        if 3 <= value <= 20
        else f"hba1c is a percentage from 3 to 20, got {number(value)}{_ifcc(value)}"
    ),
)


def _ifcc(value: float) -> str:
    """What an HbA1c in mmol/mol (IFCC, as UK and EU laboratories report it) is in percent
    (NGSP), by the IFCC-NGSP master equation (cases 1680, 1691)."""
    if not 20 < value <= 200:
        return ""
    return f"; in mmol/mol (IFCC) that is about {hba1c_percent(value):.1f}% (NGSP)"


_insulin = _read_for("insulin", Comorbidity.DIABETES)
_steroids = _read_for("steroids", Comorbidity.INTERSTITIAL_LUNG_DISEASE)
_resolved = _read_for("resolved", Comorbidity.INTERSTITIAL_LUNG_DISEASE)


def _toxicity(inst: Any, _attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    # a course that progressed may name the event it also caused (case 1789: a Stevens-Johnson
    # syndrome, then progression at the first restaging): the rules read it all the same
    if getattr(inst, "stop_reason", None) not in (StopReason.TOXICITY, StopReason.PROGRESSION):
        msg = (
            "toxicity names the adverse event of a treatment stopped for toxicity, or of one "
            "that progressed after it"
        )
        raise ValueError(msg)
    if value not in ae_vocab.TERMS:
        msg = f"{value!r} is not an adverse event resistx knows (use resistx.load_profile to normalise)"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Condition:
    """A comorbidity from the closed vocabulary, with the value its rules read, if any."""

    name: Comorbidity
    grade: int | None = attrs.field(default=None, validator=_grade)  # GRADED, CTCAE 0-4
    child_pugh: ChildPugh | None = attrs.field(default=None, validator=_child_pugh)
    hba1c: float | None = attrs.field(default=None, validator=_hba1c)  # diabetes, percent
    #: diabetes that needs insulin (type 1 always does): CAPItello-291 excluded it (rule 78)
    insulin: bool | None = attrs.field(default=None, validator=_insulin)
    #: renal impairment's creatinine clearance, mL/min (on dialysis, below 15): the labels of
    #: olaparib and talazoparib set their doses by it (rule 118)
    creatinine_clearance: float | None = attrs.field(default=None, validator=_creatinine_clearance)
    #: hepatic impairment from the liver metastases (or not: cirrhosis, say); not given, rule
    #: 124 asks and reads no endocrine sensitivity beside liver metastases (cases 1481, 1526)
    from_metastases: bool | None = attrs.field(default=None, validator=_from_metastases)
    #: cardiac disease's left ventricular ejection fraction, percent: trastuzumab deruxtecan's
    #: label was not studied below 50% (rule 126; case 1618)
    lvef: int | None = attrs.field(default=None, validator=_lvef)
    #: an interstitial lung disease that needed systemic steroids, and one that has resolved:
    #: DESTINY-Breast04 left out one that needed them, or one current or suspected (its
    #: protocol; not in the review), not a grade 1 resolved without them (case 7888)
    steroids: bool | None = attrs.field(default=None, validator=_steroids)
    resolved: bool | None = attrs.field(default=None, validator=_resolved)


def _ish(inst: Any, _attribute: attrs.Attribute[Any], value: IshResult | None) -> None:
    if getattr(inst, "score", None) is Her2Score.TWO and value is None:
        msg = (
            "IHC 2+ needs its ISH result (negative, positive, or pending until it is reported) "
            "to tell HER2-low from positive"
        )
        raise ValueError(msg)


def _tumour_tissue(_inst: Any, _attribute: attrs.Attribute[Any], value: Sample | None) -> None:
    if value is not None and value is not Sample.TISSUE:
        msg = f"HER2 is scored on tumour tissue, not on a {value.value} sample; give tissue"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Her2Test:
    """One HER2 result: the IHC score and, for 2+, the in situ hybridisation."""

    score: Her2Score
    ish: IshResult | None = attrs.field(default=None, validator=_ish)
    sample: Sample | None = attrs.field(default=None, validator=_tumour_tissue)
    tested_on: dt.date | None = attrs.field(default=None, validator=v.in_date_range)
    #: the primary tumour or a metastasis, where the report says (rule 34 reads it)
    site: SampleSite | None = None


def her2_category(tests: tuple[Her2Test, ...]) -> Her2Status:
    """HER2 from its results: positive (3+ or ISH-positive) on any sample, else unknown while an
    ISH is pending (it could read positive: case 1721), else low (1+, or 2+ with ISH negative)
    on any, else ultralow, else 0 (the DESTINY-Breast04/06 categories). A test of another
    primary cancer is not read (case 1764)."""
    tests = tuple(t for t in tests if t.site is not SampleSite.OTHER_PRIMARY)
    scores = {t.score for t in tests}
    if Her2Score.THREE in scores or any(t.ish is IshResult.POSITIVE for t in tests):
        return Her2Status.POSITIVE
    if any(t.ish is IshResult.PENDING for t in tests):
        return Her2Status.UNKNOWN
    if Her2Score.ONE in scores or Her2Score.TWO in scores:
        return Her2Status.LOW
    if Her2Score.ULTRALOW in scores:
        return Her2Status.ULTRALOW
    return Her2Status.ZERO if tests else Her2Status.UNKNOWN


def _her2_agrees(inst: Any, _attribute: attrs.Attribute[Any], value: tuple[Her2Test, ...]) -> None:
    her2 = getattr(inst, "her2", None)
    if value and her2 is not None and her2 is not her2_category(value):
        msg = (
            f"her2 is {her2.value!r} but her2_tests say {her2_category(value).value!r}; give one "
            "or make them agree"
        )
        raise ValueError(msg)


def _line(_inst: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    # at most the treatments a profile holds (case 5101: 10**12 passed, and the missing lines
    # below it were listed until memory ran out)
    if value is not None and not 1 <= value <= MAX_TREATMENTS:
        msg = (
            f"line must be 1 or more and at most {MAX_TREATMENTS} (the treatments a profile may "
            f"hold), got {number(value)}"
        )
        raise ValueError(msg)


def _known_drugs(_inst: object, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        msg = "drugs must name at least one drug"
        raise ValueError(msg)
    unknown = [d for d in value if d not in drug_vocab.BY_NAME]
    if unknown:
        msg = f"not canonical drug names: {unknown} (use resistx.load_profile to normalise)"
        raise ValueError(msg)


#: classes of which one course holds one drug, each as a course's error names it (session 65's
#: adversarial review: palbociclib + ribociclib + letrozole was read as progression on both)
_ONE_OF = (
    ({DrugClass.CDK46_INHIBITOR}, "CDK4/6 inhibitors"),
    ({DrugClass.AROMATASE_INHIBITOR}, "aromatase inhibitors"),
    ({DrugClass.SERD, DrugClass.ORAL_SERD}, "oestrogen-receptor degraders"),
    ({DrugClass.PARP_INHIBITOR}, "PARP inhibitors"),
    ({c for c in DrugClass if c.is_adc}, "antibody-drug conjugates"),
    (
        {DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR, DrugClass.MTOR_INHIBITOR},
        "PI3K, AKT or mTOR inhibitors",
    ),
)


#: each class of which a course holds one drug, by its group's name (the fuzz harness draws
#: its valid courses by it too)
ONE_PER_COURSE = {c: named for classes, named in _ONE_OF for c in classes}


def _one_of_each_class(
    _inst: object, _attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    """Two drugs of one class in one course (two CDK4/6 inhibitors, two ADCs) are no regimen
    given together: a pick too many, or a switch, which is a course of its own. One pass over
    the drugs (``load_profile`` runs it on every course: issue 12's 50 us)."""
    if len(value) < 2:  # most courses
        return
    seen: dict[str, str] = {}
    for d in value:
        named = ONE_PER_COURSE.get(drug_vocab.drug_class(d))
        if named is not None and seen.setdefault(named, d) != d:
            msg = (
                f"names {seen[named]} and {d}, two {named} in one course: give each course of "
                "its own (a switch from one to the other is a new course, with its dates)"
            )
            raise ValueError(msg)


def _known_next_drugs(
    _inst: object, _attribute: attrs.Attribute[Any], value: tuple[str, ...] | None
) -> None:
    if value is None:
        return
    if not value:
        msg = "next_treatment must name at least one drug (or be left out)"
        raise ValueError(msg)
    if unknown := drug_vocab.unknown_at(value):  # as a column's cells are named (5783)
        raise ValueError("; ".join(said for _i, said in unknown))


#: no course of a drug resistx reads was given before this date: an earlier one is an
#: electronic record's placeholder for an unknown date (8651: 1900-01-01 read as 126 years)
FIRST_COURSE_DATE = dt.date(1950, 1, 1)


def _course_date(_inst: object, attribute: attrs.Attribute[Any], value: dt.date) -> None:
    if value < FIRST_COURSE_DATE:
        msg = (
            f"{attribute.name} {value.isoformat()} is before any course of a drug resistx "
            f"reads ({FIRST_COURSE_DATE.year}): a placeholder for an unknown date? Leave it "
            "out (and give months where the length is known)"
        )
        raise ValueError(msg)


def _end_after_start(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    start = getattr(inst, "started_on", None)
    if value is not None and isinstance(start, dt.date) and value < start:
        msg = f"ended_on {value.isoformat()} is before started_on {start.isoformat()}"
        raise ValueError(msg)


#: ``months`` beside both dates may round: they disagree past this many months
MONTHS_TOLERANCE = 1.0


def calendar_months(start: dt.date, end: dt.date) -> float:
    """Months from ``start`` to ``end`` as the calendar counts them: whole months to the same
    day (the last of a shorter month), then the days left over in average months. 20 October
    to 20 April is 6, not 5.98 (case 2096: a 6-month course read as 'under 6', the first option
    changed by a day); 0 where ``end`` comes first. Counted without building the anchor date
    (every plan reads many durations; ``tests/test_calendar_months.py`` checks it against the
    dates themselves)."""
    if end <= start:
        return 0.0
    whole = (end.year - start.year) * 12 + end.month - start.month
    # the anchor, ``start`` plus ``whole`` months, falls in ``end``'s month ...
    day = min(start.day, _days_in(end.year, end.month))
    if day <= end.day:
        return whole + (end.day - day) / DAYS_PER_MONTH
    # ... or after ``end``: one month fewer, the anchor in the month before ``end``'s
    year, month = (end.year, end.month - 1) if end.month > 1 else (end.year - 1, 12)
    last = _days_in(year, month)
    return whole - 1 + (last - min(start.day, last) + end.day) / DAYS_PER_MONTH


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def _months_agree(inst: Any, _attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:  # the common case first: every profile is checked
        return
    start, end = getattr(inst, "started_on", None), getattr(inst, "ended_on", None)
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return
    span = (end - start).days / DAYS_PER_MONTH
    if abs(span - value) > MONTHS_TOLERANCE:
        msg = (
            f"months {number(value)} disagrees with started_on {start.isoformat()} and ended_on "
            f"{end.isoformat()} ({span:.1f} months apart); give one or make them agree"
        )
        raise ValueError(msg)


def _ongoing_has_no_end(inst: Any, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not StopReason.ONGOING:
        return
    end = getattr(inst, "ended_on", None)
    if end is not None:
        msg = (
            f"an ongoing course has no ended_on ({end.isoformat()}): remove the date, or give "
            "how the course ended (a planned or order end date is not an end)"
        )
        raise ValueError(msg)


def _open_courses_say_how(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """Schema 2: a course with a start date and no end (``ended_on`` or ``months``) must say
    whether it goes on or how it ended: read either way, the plan differs (case 1144; an
    adjuvant one, case 1196c). Schema 1 read such a course as ended, how not given (resistx
    0.1's contract)."""
    if not _asks_how(inst):
        return
    for i, t in enumerate(value):
        ended = t.stop_reason or t.ended_on or t.months is not None
        if t.started_on and not ended:  # (neo)adjuvant too (case 1196c)
            msg = (
                f"treatments[{i}] started on {t.started_on.isoformat()} with no ended_on, "
                'months or stop_reason: give stop_reason "ongoing" if it goes on, or how it '
                "ended (and ended_on or months)"
            )
            raise ValueError(msg)


def _courses_in_order(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """Schema 2: two or more courses for metastatic disease can be put in order: none with
    neither a start date nor a line (case 1174b: months-only courses with no line numbers read
    MAINTAIN's population by chance)."""
    if not _asks_how(inst) or len(value) < 2:
        return
    metastatic = [(i, t) for i, t in enumerate(value) if t.metastatic and not t.suppression_only]
    unplaced = [i for i, t in metastatic if t.started_on is None and t.line is None]
    if len(metastatic) > 1 and unplaced:
        shown = " and ".join(f"treatments[{i}]" for i in unplaced)
        msg = (
            f"{shown}: a course for metastatic disease with neither a start date nor a line, "
            "beside another: nothing puts them in order; give each its line (or start date)"
        )
        raise ValueError(msg)


def _asks_how(inst: Any) -> bool:
    """Schema 2 asks how a dated course ended and the order of the metastatic courses; schema
    1 read them as resistx 0.1 did. The collecting path's namespace may lack the version."""
    schema = getattr(inst, "schema_version", None)
    return isinstance(schema, int) and schema >= _SCHEMA_ASKING_HOW


#: the schema from which a dated course without an end must say how it ended
_SCHEMA_ASKING_HOW = 2


def _one_line_at_a_time(_inst: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """Courses for metastatic disease going on at once are one line (ovarian suppression
    aside), and numbered lines start in their order."""
    if len(value) < 2:  # most profiles: nothing to compare
        return
    ongoing = [
        i
        for i, t in enumerate(value)
        if t.stop_reason is StopReason.ONGOING and t.metastatic and not t.suppression_only
    ]
    if len({value[i].line for i in ongoing}) > 1 or (
        len(ongoing) > 1 and any(value[i].line is None for i in ongoing)
    ):
        shown = " and ".join(f"treatments[{i}]" for i in ongoing)
        msg = (
            f"{shown} are all ongoing, in different lines: a line at a time; give how the "
            "earlier ended, or the same line number to courses given together"
        )
        raise ValueError(msg)
    dated = sorted(
        (t.line, t.started_on, i)
        for i, t in enumerate(value)
        if t.metastatic and t.line is not None and t.started_on is not None
    )
    for (line, start, i), (later, begun, j) in itertools.pairwise(dated):
        if later > line and begun < start:
            msg = (
                f"treatments[{j}] (line {later}, started {begun.isoformat()}) starts before "
                f"treatments[{i}] (line {line}, started {start.isoformat()}); a later line "
                "starts later"
            )
            raise ValueError(msg)


def _no_course_twice(_inst: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """A course entered twice is read as two lines (case 987: palbociclib + letrozole dated,
    and again as 'Ibrance + Femara, 28 months' undated): refuse two courses of the same drugs
    and setting given over the same time, and a metastatic one with neither a start date nor a
    line to place it beside another."""
    if len(value) < 2:
        return
    groups: dict[tuple[frozenset[str], bool], list[int]] = {}
    for j, t in enumerate(value):
        if not t.suppression_only:
            groups.setdefault((frozenset(t.drugs), t.metastatic), []).append(j)
    for i, j in (p for g in groups.values() if len(g) > 1 for p in itertools.combinations(g, 2)):
        a, b = value[i], value[j]
        if _same_time(a, b):
            msg = (
                f"treatments[{j}] gives the drugs of treatments[{i}] in the same setting over the "
                "same time: one course entered twice; remove the copy, or correct its dates"
            )
            raise ValueError(msg)
        if a.metastatic and any(c.started_on is None and c.line is None for c in (a, b)):
            msg = (
                f"treatments[{j}] gives the drugs of treatments[{i}] and one of them has neither "
                "a start date nor a line to place it: if it is the same course entered twice, "
                "remove one; if another course, give its start date or line"
            )
            raise ValueError(msg)


def _same_time(a: Treatment, b: Treatment) -> bool:
    """Two dated courses that start on the same day, or overlap (a course going on runs on)."""
    if a.started_on is None or b.started_on is None:
        return False
    if a.started_on == b.started_on:
        return True
    ends = [
        t.ended_on or (LAST_DATE if t.stop_reason is StopReason.ONGOING else None) for t in (a, b)
    ]
    if ends[0] is None or ends[1] is None:
        return False
    return a.started_on < ends[1] and b.started_on < ends[0]


def _menopause_of_a_man(inst: Any, _attribute: attrs.Attribute[Any], value: object) -> None:
    """A menopausal status beside sex 'male' contradicts itself (case 1103's variant): one of
    the two was miskeyed, and read as a man a premenopausal woman loses her cautions."""
    if getattr(inst, "sex", None) is Sex.MALE and value is not MenopausalStatus.UNKNOWN:
        msg = f"{value} beside sex 'male': a man has none; leave it out (or 'unknown')"
        raise ValueError(msg)


#: a GnRH agonist's depot suppresses the ovaries for up to 12 weeks after its last dose
#: (goserelin 10.8 mg, leuprorelin 11.25 mg, given every 3 months): within this many days of a
#: course's end the menopause cannot be shown (case 2571)
GNRH_SUPPRESSION_DAYS = 84


def _oophorectomy_fits(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date) -> None:
    """A bilateral oophorectomy is a woman's menopause (case 4523c)."""
    status = getattr(inst, "menopausal_status", None)
    if getattr(inst, "sex", None) is Sex.MALE:
        msg = f"oophorectomy_on {value.isoformat()} beside sex 'male': one of the two is miskeyed"
        raise ValueError(msg)
    if status is not MenopausalStatus.POSTMENOPAUSAL:
        shown = f"not {status.value!r}" if isinstance(status, MenopausalStatus) else "(none given)"
        msg = (
            f"oophorectomy_on {value.isoformat()}: a bilateral oophorectomy is the menopause; "
            f"record menopausal_status 'postmenopausal', {shown}"
        )
        raise ValueError(msg)


def _menopause_fits_suppression(inst: Any, _attribute: attrs.Attribute[Any], value: object) -> None:
    """'postmenopausal' beside a GnRH agonist going on, given with the latest course, or
    stopped within ``GNRH_SUPPRESSION_DAYS`` of the plan's date contradicts itself (cases 2502,
    2570c, 2571): on one, oestradiol and FSH are suppressed and the menopause cannot be
    established, and read as postmenopausal the woman loses the cautions that keep her
    suppression going."""
    if value is not MenopausalStatus.POSTMENOPAUSAL or getattr(inst, "sex", None) is Sex.MALE:
        return
    courses = getattr(inst, "treatments", ()) or ()
    gnrh = DrugClass.OVARIAN_FUNCTION_SUPPRESSION
    given = [(i, t) for i, t in enumerate(courses) if gnrh in t.drug_classes]
    if not given:
        return
    ordered = tuple(sorted(courses, key=Treatment._sort_key))
    latest = latest_course(ordered)
    # the plan's own date, as the reading of an unknown status measures it (``suppressing``)
    as_of = decision_date_of(inst, ordered)
    surgery = getattr(inst, "oophorectomy_on", None)
    if surgery is not None and (as_of is None or surgery <= as_of):
        return  # the menopause is the surgery's, whatever a depot still does (case 4523c)
    found = [
        f"treatments[{i}] ({', '.join(t.drugs)}) {why}"
        for i, t in given
        if (why := suppressing(t, t is latest, as_of, ordered))
    ]
    if found:
        msg = (
            f"menopausal_status 'postmenopausal' beside a GnRH agonist that still suppresses "
            f"the ovaries ({'; '.join(found)}): on one, and for up to {GNRH_SUPPRESSION_DAYS} "
            "days after its last depot, the menopause cannot be established; record "
            "'premenopausal' for a woman on ovarian suppression (or 'unknown'), or the "
            "agonist's end where it ended earlier, or oophorectomy_on where the ovaries were "
            "removed"
        )
        raise ValueError(msg)


def suppressing(
    t: Treatment, latest: bool, as_of: dt.date | None, ordered: tuple[Treatment, ...]
) -> str:
    """Why a GnRH-agonist course may still suppress the ovaries at ``as_of``, or "": going on,
    with the latest course and no end, ended within ``GNRH_SUPPRESSION_DAYS``, or with no end
    on record that a later course places earlier (one started over those days before
    ``as_of``, or that lasted them: case 2676b, 2742c). ``ordered``: the courses in time order."""
    if t.stop_reason is StopReason.ONGOING:
        return "going on"
    end = t.end_date
    if end is None and latest:
        return "with the latest course, its end not recorded"
    if end is None:
        placed = as_of is None or any(
            (u.started_on is not None and (as_of - u.started_on).days > GNRH_SUPPRESSION_DAYS)
            or (u.months is not None and u.months * DAYS_PER_MONTH > GNRH_SUPPRESSION_DAYS)
            for u in ordered[ordered.index(t) + 1 :]
        )
        return (
            ""
            if placed
            else f"its end not recorded, and no later course places it over "
            f"{GNRH_SUPPRESSION_DAYS} days before the plan's date"
        )
    if as_of is not None and (as_of - end).days <= GNRH_SUPPRESSION_DAYS:
        return f"ended {end}, {(as_of - end).days} days before the plan's date"
    return ""


def _diabetes_medications_fit(
    inst: Any, _attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    """A drug used only for diabetes taken now with no diabetes on record, or an insulin taken
    now beside diabetes recorded without it, or with no diabetes on record, contradicts the
    record the plan reads (CAPItello-291 excluded diabetes needing insulin,
    rule 78): one of the two is miskeyed (session 54; case 2771's left item: 'insulin
    glargine' beside plain diabetes left capivasertib preferred)."""
    if not value:
        return
    diabetes = [
        (i, c)
        for i, c in enumerate(getattr(inst, "comorbidities", ()))
        if c.name is Comorbidity.DIABETES
    ]
    oral = [(i, m) for i, m in enumerate(value) if diabetes_drug_taken_now(m)]
    if oral and not diabetes:  # the regression sweep, 3032m: gliclazide, no diabetes
        i, entry = oral[0]
        msg = (
            f"{entry!r} is a drug used only for diabetes, with no diabetes on record: record "
            'it under comorbidities as {"name": "diabetes"} (with "hba1c" where known), which '
            "the PI3K and AKT inhibitors read"
        )
        raise ItemProblemsError("medications", [(i, msg)])
    taken = [(i, m) for i, m in enumerate(value) if insulin_taken_now(m)]
    if not taken:
        return
    if any(c.insulin for _i, c in diabetes):
        return
    i, entry = taken[0]
    where = f"{entry!r} is an insulin taken now"
    if not diabetes:
        msg = f"{where}, with no diabetes on record: record it as {INSULIN}"
    else:
        j, c = diabetes[0]
        said = '"insulin": false' if c.insulin is False else "no insulin"
        msg = f"{where}, beside comorbidities[{j}], diabetes with {said}: record it as {INSULIN}"
    said_too = ", or say in the entry that the insulin is not taken now ('stopped')"
    raise ItemProblemsError("medications", [(i, msg + said_too)])


def _diabetes_agrees(_inst: Any, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """Diabetes recorded more than once with a different insulin or HbA1c contradicts itself
    (8343: the plan read the worse one without a word)."""
    diabetes = [c for c in value if c.name is Comorbidity.DIABETES]
    if len(diabetes) < 2:  # most profiles: nothing to compare
        return
    for field in ("insulin", "hba1c"):
        said = {getattr(c, field) for c in diabetes} - {None}
        if len(said) > 1:
            msg = (
                f"diabetes is recorded {len(diabetes)} times with different {field} values "
                f"({', '.join(sorted(map(str, said)))}): record it once"
            )
            raise ValueError(msg)


def _pregnancy_fits(inst: Any, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """A pregnancy beside sex 'male' or a postmenopausal status contradicts itself: one of the
    two was miskeyed (case 1877)."""
    if not any(c.name is Comorbidity.PREGNANCY for c in value):
        return
    if getattr(inst, "sex", None) is Sex.MALE:
        msg = "a pregnancy beside sex 'male': one of the two is miskeyed"
        raise ValueError(msg)
    if getattr(inst, "menopausal_status", None) is MenopausalStatus.POSTMENOPAUSAL:
        msg = "a pregnancy beside menopausal_status 'postmenopausal': one of the two is miskeyed"
        raise ValueError(msg)


#: words that say a text's pregnancy is not a current one ('not pregnant', 'pregnancy test
#: negative', 'wishes a pregnancy later', 'last pregnancy 2018', 'pregnancy-associated')
_NOT_PREGNANT = frozenset(
    {"no", "not", "negative", "test", "wish", "wishes", "wished", "future", "later", "previous"}
    | {"prior", "past", "history", "planned", "planning", "desire", "excluded", "ruled", "none"}
    | {"last", "associated", "during", "after", "postpartum", "g", "p", "para", "gravida"}
    | {"was", "were", "had", "n", "nil", "none"}
)
#: words that make a 'pregnancy' a current one (case 2177: an obstetric history was refused;
#: the third recheck of session 55, 3239: 'Pregnancy (current), 18/40', '..., ongoing')
_CURRENT = frozenset({"weeks", "week", "wk", "wks", "gestation", "trimester", "currently"})
_CURRENT |= {"current", "ongoing", "age", "edd", "lmp", "semaines", "ssw", "semanas", "settimane"}
_CURRENT |= {"cours", "sa"}  # 'grossesse en cours (14 SA)': weeks of amenorrhoea (3470)
#: the words of a current pregnancy's codes' titles (7234b: 'Normal pregnancy (finding)'; the
#: recheck: 'Multiple pregnancy'), current unless a year dates them ('Normal pregnancy 2019')
_TITLE = frozenset({"normal", "intrauterine", "supervision", "incidental", "finding", "high"})
_TITLE |= {"twin", "triplet", "multiple", "teenage"}
#: words of a pregnancy that ended ('diagnosed in pregnancy 2019, delivered at 36 weeks')
_DELIVERED = frozenset({"delivered", "delivery", "born", "postpartum", "miscarriage", "baby"})


def _read_fields_not_free_text(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """A current pregnancy written only as free text, which no rule reads (case 2080b:
    ribociclib + letrozole preferred beside 'pregnant, 20 weeks gestation'): record it as the
    comorbidity, and the text may stay beside it; so for a comorbidity rules read, and for the
    facts other fields hold (``_free_text``)."""
    if not value:  # most profiles
        return
    # the free-text readers on first use: about a tenth of ``import resistx`` (issue 12); most
    # profiles have no other conditions to read
    from resistx.model._free_text import fields_named, metastatic_drugs, qtc_normal_now  # noqa: PLC0415
    from resistx.model._free_text_values import values_named  # noqa: PLC0415

    recorded = {c.name for c in getattr(inst, "comorbidities", ()) or ()}
    problems: list[tuple[int, str]] = []
    for i, text in enumerate(value):
        if Comorbidity.PREGNANCY not in recorded and _current_pregnancy(text):
            problems.append(
                (
                    i,
                    f"{text!r} names a pregnancy, which no rule reads as free "
                    'text: record the comorbidity "pregnancy" (rules 134 and 135), and keep the '
                    "gestation here",
                )
            )
        elif (
            (named := named_in_text(text)) is not None
            and named[0] not in recorded
            and not (named[0] is Comorbidity.QTC_PROLONGED and qtc_normal_now(text))
        ):
            problems.append(
                (
                    i,
                    f"{text!r} names {named[0].value}, which rules read but "
                    f"not as free text: record it under comorbidities as {named[1]}, and keep the "
                    "detail here (or say here that it is not the patient's now: 'no', 'family')",
                )
            )
        elif drugs_named := metastatic_drugs(text, inst):
            problems.append(
                (  # case 6740: 'Enhertu' here, and it was preferred again
                    i,
                    f"{text!r} names {', '.join(drugs_named)}, a cancer treatment "
                    "the plan reads from the history: record the course under treatments (its "
                    "drugs, dates, setting and stop reason)",
                )
            )
        elif her2 := drug_vocab.her2_directed_in(taken_now_text(text)):  # case 6431
            problems.append(
                (
                    i,
                    f"{text!r} names {', '.join(her2)}: {drug_vocab.HER2_DIRECTED_SAID}",
                )
            )
        elif (slip := misspelt_condition(text)) is not None:  # case 6223
            problems.append(
                (
                    i,
                    f"{text!r}: {slip[0]!r} is one letter from {slip[1]!r}, a "
                    "condition the rules read: correct it and record the condition under "
                    "comorbidities (a misspelt one would be missed), or reword it",
                )
            )
        said = [*fields_named(text, inst), *values_named(text, inst)]
        problems += [(i, f"{text!r} {one}") for one in said]
    if problems:
        raise ItemProblemsError("other_conditions", problems)


def _current_pregnancy(text: str) -> bool:
    """A free text naming a current pregnancy: 'pregnant', a pregnancy or gestation with its
    weeks or trimester, 'pregnancy' alone, a positive pregnancy test (case 3151); each clause
    on its own ('pregnant 12 weeks, no nausea', 3175a), none where a clause answers no
    ('Pregnant - no') or the entry is an obstetric history ('pregnancy 2021 (healthy son)')."""
    clauses = [set(c) for c in clauses_of(text)]
    if any(c and c <= NO_ANSWER for c in clauses):
        return False
    every = set().union(*clauses)
    positive_test = {"positive", "pregnancy", "test"} <= every
    # 'pregnant' in French, German, Spanish and Italian too (3409u: 'enceinte de 12 semaines')
    pregnant = {"pregnant", "enceinte", "schwanger", "embarazada", "incinta"}
    named = pregnant | {"pregnancy", "gestation", "gestational", "grossesse"}
    named |= {"schwangerschaft", "embarazo", "gravidanza"}
    dated = re.search(r"\b\d{1,2}\s*(?:\+\s*\d\s*)?/\s*40\b|\bz33|\bedd\b", text.casefold())
    titled = every & _TITLE and not re.search(r"\b(?:19|20)\d\d\b", text)
    current = (
        bool(pregnant & every)
        or positive_test
        or bool(every & named and (every & _CURRENT or dated or titled))  # 'pregnancy 20/40'
        or text.strip().casefold() == "pregnancy"
    ) and not every & _DELIVERED
    # a denial counts in the pregnancy's own clause (a date beside it, 'LMP 2026-03-01', too)
    denial = _NOT_PREGNANT - ({"test"} if positive_test else set())
    return current and any(c & named and not c & denial for c in clauses)


def _no_metastatic_course_before(
    inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    """A course for metastatic disease cannot start before the relapse (case 1553)."""
    before = [
        f"treatments[{i}].started_on {t.started_on.isoformat()}"
        for i, t in enumerate(getattr(inst, "treatments", ()) or ())
        if value is not None and t.metastatic and t.started_on and t.started_on < value
    ]
    if before:
        msg = (
            f"relapsed_on {value} is after {', '.join(before)}, a course for metastatic "
            "disease: the relapse comes before it (or the course is (neo)adjuvant: its setting)"
        )
        raise ValueError(msg)


#: how long before the recorded relapse an early course may end in progression: the relapse is
#: its progression, diagnosed within weeks of it (resistx's allowance)
RELAPSE_WORKUP_DAYS = 92


def _relapse_fits_early_courses(
    inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    """A (neo)adjuvant course begins before the relapse, and one that ended in progression ended
    at it (case 2021's variant: a course ended by progression two years before relapsed_on was
    read as the relapse; a relapse dated before its adjuvant course was dropped)."""
    if value is None:
        return
    found = []
    courses = getattr(inst, "treatments", ()) or ()
    starts = [t.started_on for t in courses if not t.metastatic and t.started_on]
    for i, t in enumerate(courses):
        if t.metastatic:
            continue
        if t.started_on is not None and t.started_on > value:
            found.append(f"treatments[{i}] ({t.setting}) starts {t.started_on} after it")
        end = t.end_date
        early = end is not None and (value - end).days > RELAPSE_WORKUP_DAYS
        # not one followed by more early treatment: a progression on neoadjuvant therapy, or a
        # locoregional recurrence treated again (case 2077h)
        followed = end is not None and any(s > end for s in starts)
        if t.progressed and early and not followed:
            found.append(f"treatments[{i}] ({t.setting}) ended in progression on {end}")
        elif end is not None and (end - value).days > RELAPSE_WORKUP_DAYS:  # case 2423
            found.append(
                f"treatments[{i}] ({t.setting}) ends on {end}, over {RELAPSE_WORKUP_DAYS} days "
                "after it"
            )
        elif end is None and t.stop_reason is StopReason.ONGOING:  # case 2470h
            found.append(f"treatments[{i}] ({t.setting}) is recorded as going on")
    if found:
        msg = (
            f"relapsed_on {value} disagrees with {'; '.join(found)}: an early course starts "
            "before the relapse and ends by it (a course that ended in progression ended at it; "
            "one given on after it is treatment for metastatic disease); correct the relapse "
            "date, the course's dates or its stop reason"
        )
        raise ValueError(msg)


def _lines_in_their_places(_inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """A numbered line ongoing while a later line began is over (case 3146: line 1 left
    'ongoing' under a progressed line 2 was read as a CDK4/6 inhibitor never progressed on); a
    course read as metastatic, with no line, that ended before line 1 began is not a metastatic
    line (case 3144: adjuvant AC-T and tamoxifen with no setting were read as metastatic lines,
    the setting's default)."""
    numbered = [(i, t) for i, t in enumerate(value) if t.metastatic and t.line is not None]
    if not numbered:
        return
    problems = []
    if open_lines := [
        (i, t)
        for i, t in numbered
        if t.stop_reason is StopReason.ONGOING and not t.suppression_only
    ]:
        # a later line (its number says so, dated or not: session 57), or a later course of no
        # line that ended in progression (3176p), dated after the open line's start
        problems = [
            f"treatments[{i}] (line {t.line}) is ongoing, yet treatments[{j}] "
            + (f"is line {u.line}" if u.line is not None else f"began on {u.started_on} after it")
            + f": give how line {t.line} ended (its ended_on and stop_reason)"
            for i, t in open_lines
            for j, u in enumerate(value)
            if u.metastatic
            and not u.suppression_only
            and (
                (u.line is not None and u.line > t.line)
                or (
                    u.line is None
                    and u.stop_reason is StopReason.PROGRESSION
                    and t.started_on is not None
                    and u.started_on is not None
                    and u.started_on > t.started_on
                )
            )
        ]
    unlined = [
        i
        for i, t in enumerate(value)
        if t.metastatic and t.line is None and not t.suppression_only and t.ended_on is not None
    ]
    first = (
        min((t.started_on for _i, t in numbered if t.line == 1 and t.started_on), default=None)
        if unlined
        else None
    )
    before = [
        f"treatments[{i}]" for i in unlined if first is not None and value[i].ended_on < first
    ]
    if before:
        problems.append(
            f"{', '.join(before)} ended before line 1 began ({first}) and give no line, yet "
            "read as metastatic (the setting given, or its default): give their setting "
            "('adjuvant', 'neoadjuvant'), or number the lines from the first metastatic one"
        )
    if problems:
        raise ValueError("; ".join(problems))


def _early_courses_first(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """No (neo)adjuvant course starts after a course for metastatic disease began (case 1989's
    variant: a second line keyed 'adjuvant' lost its progression)."""
    if all(t.metastatic for t in value):  # most profiles: no early course
        return
    first = min((t.started_on for t in value if t.metastatic and t.started_on), default=None)
    late = [
        f"treatments[{i}] ({t.setting}, from {t.started_on})"
        for i, t in enumerate(value)
        if first is not None and not t.metastatic and t.started_on and t.started_on > first
    ]
    if late:
        msg = (
            f"{', '.join(late)} starts after a course for metastatic disease began ({first}): "
            "a course after the relapse is for metastatic disease (its setting)"
        )
        raise ValueError(msg)


def _not_before_dates(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    """The decision date cannot precede a test or a treatment date of the same profile."""
    if value is None:
        return
    later = [
        f"biomarkers[{i}].tested_on {r.tested_on.isoformat()}"
        for i, r in enumerate(getattr(inst, "biomarkers", ()) or ())
        if r.tested_on is not None and r.tested_on > value
    ] + [
        f"treatments[{i}].{name} {d.isoformat()}"
        for i, t in enumerate(getattr(inst, "treatments", ()) or ())
        for name, d in (("started_on", t.started_on), ("ended_on", t.ended_on))
        if d is not None and d > value
    ]
    for name in ("relapsed_on", "oophorectomy_on"):
        day = getattr(inst, name, None)
        later += [f"{name} {day.isoformat()}"] if day and day > value else []
    later += [  # a HER2 test too (case 1656e)
        f"her2_tests[{i}].tested_on {h.tested_on.isoformat()}"
        for i, h in enumerate(getattr(inst, "her2_tests", ()) or ())
        if h.tested_on is not None and h.tested_on > value
    ]
    if later:
        shown = ", ".join(later[:5]) + (f" and {len(later) - 5:,} more" if len(later) > 5 else "")
        ended = any(".ended_on" in later_one for later_one in later)
        msg = f"as_of {value.isoformat()} is before {shown}; the decision date comes last" + (
            ": an end date after the decision is a planned or order end, not an end; record the "
            "course as ongoing, or the date it stopped"
            if ended
            else ""
        )
        raise ValueError(msg)


def _months_fit_as_of(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    """A course with a start and ``months`` but no end: its months cannot run past the
    decision date (case 2303c: a progression dated after it made a fresh result read as older),
    and a course going on runs to that date, so its months are the span to it (case 2285b: 3
    months on a course of 18 read it as short), both within ``MONTHS_TOLERANCE``."""
    if value is None:
        return
    wrong = []
    for i, t in enumerate(getattr(inst, "treatments", ()) or ()):
        if t.started_on is None or t.months is None or t.ended_on is not None:
            continue
        span = calendar_months(t.started_on, value)
        start = f"treatments[{i}]: started_on {t.started_on.isoformat()} and months {t.months:g}"
        if t.months > span + MONTHS_TOLERANCE:
            wrong.append(
                f"{start} end after as_of {value.isoformat()}, {span:.1f} months after the start; "
                "give the months to the end, or the date it ended"
            )
        elif t.stop_reason is StopReason.ONGOING and t.months < span - MONTHS_TOLERANCE:
            wrong.append(
                f"{start} disagree: a course going on runs to as_of {value.isoformat()}, "
                f"{span:.1f} months; give the months to that date, or leave them out"
            )
    if wrong:
        raise ValueError("; ".join(wrong))


#: what each of a ctDNA draw's own fields says, as its refusal on another result names it
_CTDNA_FIELDS = {
    "tumour_fraction": "the share of tumour DNA in the plasma",
    "low_shedding": "whether the tumour sheds little DNA into the plasma",
}


def _ctdna_only(inst: Any, attribute: attrs.Attribute[Any], _value: object) -> None:
    """A ctDNA draw's own fields on another sample or a germline result (7228g: a tissue
    result's tumour cellularity entered as its tumour fraction was dropped without a word)."""
    sample = getattr(inst, "sample", None)
    if sample is not None and sample is not Sample.CTDNA:
        other = f"a {sample.value} sample"
    elif getattr(inst, "origin", None) is Origin.GERMLINE:
        other = "a germline result"
    else:
        return
    msg = f"is a ctDNA draw's ({_CTDNA_FIELDS[attribute.name]}), not read for {other}: leave it out"
    raise ValueError(msg)


@attrs.frozen(kw_only=True)
class BiomarkerResult:
    """One test result for one gene."""

    gene: str = attrs.field(validator=v.non_empty)
    status: BiomarkerStatus = attrs.field(validator=fits.status_fits)
    origin: Origin = attrs.field(default=Origin.SOMATIC, validator=fits.origin_fits)
    sample: Sample | None = attrs.field(default=None, validator=fits.sample_fits)
    assay: Assay | None = attrs.field(default=None, validator=fits.assay_fits)
    tested_on: dt.date | None = attrs.field(default=None, validator=v.in_date_range)
    variant: str | None = attrs.field(default=None, validator=fits.variant_fits)
    #: ctDNA only: the tumour fraction (0-1), or whether the tumour is known to shed little DNA;
    #: a ctDNA negative with a low fraction or low shedding is not a negative
    tumour_fraction: float | None = attrs.field(
        default=None, validator=v.when_given(v.fraction, _ctdna_only)
    )
    low_shedding: bool | None = attrs.field(default=None, validator=v.when_given(_ctdna_only))
    #: pathogenic or likely pathogenic match; a VUS or (likely) benign variant does not.
    #: None: pathogenic for mutated, amplified and loss, as resistx 0.1 read every result
    classification: Classification | None = None

    @property
    def actionable(self) -> bool:
        """A finding that can select a regimen: not a VUS or a benign variant."""
        return self.classification is None or self.classification.actionable


_SUPPRESSION = frozenset({DrugClass.OVARIAN_FUNCTION_SUPPRESSION})


@functools.lru_cache(maxsize=4_096)
def _drug_classes(drugs: tuple[str, ...]) -> frozenset[DrugClass]:
    """The classes of a course's drugs, once per distinct list (the engine asks often)."""
    return frozenset(drug_vocab.drug_class(d) for d in drugs)


@attrs.frozen(kw_only=True)
class Treatment:
    """One line of treatment the patient has had."""

    drugs: tuple[str, ...] = attrs.field(
        validator=[v.at_most(MAX_DRUGS, "drugs in one treatment"), _known_drugs, _one_of_each_class]
    )
    setting: TreatmentSetting = TreatmentSetting.METASTATIC
    line: int | None = attrs.field(default=None, validator=_line)
    started_on: dt.date | None = attrs.field(
        default=None, validator=v.when_given(v.in_date_range, _course_date)
    )
    ended_on: dt.date | None = attrs.field(
        default=None, validator=v.when_given(v.in_date_range, _course_date, _end_after_start)
    )
    months: float | None = attrs.field(
        default=None,
        validator=v.when_given(
            v.non_negative, v.not_above(MAX_MONTHS, " (50 years)"), _months_agree
        ),
    )
    stop_reason: StopReason | None = attrs.field(default=None, validator=_ongoing_has_no_end)
    toxicity: str | None = attrs.field(default=None, validator=_toxicity)  # stop_reason toxicity

    @functools.cached_property
    def drug_classes(self) -> frozenset[DrugClass]:
        return _drug_classes(self.drugs)

    @functools.cached_property  # read many times a plan: a slot after the first
    def progressed(self) -> bool:
        return self.stop_reason is StopReason.PROGRESSION

    @functools.cached_property  # read many times a plan: a slot after the first
    def metastatic(self) -> bool:
        return self.setting is TreatmentSetting.METASTATIC

    @functools.cached_property
    def suppression_only(self) -> bool:
        """Ovarian function suppression (a GnRH agonist) alone: given beside the lines, not a
        line of treatment itself (case 620)."""
        return self.drug_classes == _SUPPRESSION

    def duration_months(self, as_of: dt.date | None = None) -> float | None:
        """``months`` if given, else the span between the dates (an open treatment runs to ``as_of``)."""
        if self.months is not None:
            return self.months
        end = self.ended_on or (as_of if self.stop_reason in (None, StopReason.ONGOING) else None)
        if self.started_on is None or end is None:
            return None
        return calendar_months(self.started_on, end)

    @functools.cached_property
    def end_date(self) -> dt.date | None:
        """``ended_on``, or ``started_on`` plus ``months`` when only those are given."""
        if self.ended_on is not None:
            return self.ended_on
        if self.started_on is not None and self.months is not None:
            return self.started_on + dt.timedelta(days=round(self.months * DAYS_PER_MONTH))
        return None

    def _sort_key(self) -> tuple[Any, ...]:
        # undated courses: (neo)adjuvant before metastatic, a course still going on last, and
        # the drugs as a set (the order they are listed in says nothing about time)
        return (
            self.started_on or dt.date.min,
            _SETTING_ORDER[self.setting],
            self.line or 0,
            self.stop_reason is StopReason.ONGOING,
            self.ended_on or dt.date.min,
            tuple(sorted(self.drugs)),
            self.stop_reason or "",
            self.months if self.months is not None else -1.0,
        )


_SETTING_ORDER = {
    TreatmentSetting.NEOADJUVANT: 0,
    TreatmentSetting.ADJUVANT: 1,
    TreatmentSetting.METASTATIC: 2,
}


def sensitivity_courses(ordered: tuple[Treatment, ...]) -> tuple[Treatment, ...]:
    """The CDK4/6-inhibitor courses whose duration measures sensitivity (``Profile.cdk46i_courses``),
    from treatments already in order: a view the engine derives once from its own sorted copy.
    A course that follows one stopped for toxicity or by the patient's choice (``_HOLD_STOPS``)
    in the same setting, with no progression between, continues its disease control
    (``_control_start``): a pause or a switch is not progression (case 530; the recheck of
    case 921)."""
    return tuple(m for t, m, _ in _measured(ordered) if t.stop_reason not in _NOT_RESPONSE)


def unprogressed_exposures(ordered: tuple[Treatment, ...]) -> tuple[Treatment, ...]:
    """The metastatic CDK4/6-inhibitor courses stopped without progression (for toxicity, by
    choice, as planned), as measured: once a course has progressed, their time on the drug
    counts too (case 940: 36 months stopped by choice, then a rechallenge of 5.3 months)."""
    return tuple(
        m for t, m, _ in _measured(ordered) if t.metastatic and t.stop_reason in _UNPROGRESSED
    )


_UNPROGRESSED = (StopReason.TOXICITY, StopReason.PATIENT_CHOICE, StopReason.COMPLETED)
#: a CDK4/6-inhibitor course stopped so, then resumed (or switched) with no progression
#: between, continues its control and its line: a hold for toxicity, or a pause by the
#: patient's choice (the third recheck of case 987)
_HOLD_STOPS = (StopReason.TOXICITY, StopReason.PATIENT_CHOICE, *UNEXPLAINED_STOPS)
#: a hold's stop reason as a plan's note says it (case 1363: 'other' is no patient's choice)
HOLD_WHY = {
    StopReason.TOXICITY: "for toxicity",
    StopReason.PATIENT_CHOICE: "by the patient's choice",
    StopReason.OTHER: "for another reason (other)",
    StopReason.UNKNOWN: "for a reason not recorded (unknown)",
}


def continuations(ordered: tuple[Treatment, ...]) -> tuple[tuple[Treatment, Treatment], ...]:
    """(course held or paused, ``_HOLD_STOPS``, the CDK4/6-inhibitor course that continues
    it), as ``sensitivity_courses`` reads them: what a plan's note names (case 917)."""
    return tuple((h, t) for t, _, h in _measured(ordered) if h is not None)


Measured = tuple[tuple[Treatment, Treatment, Treatment | None], ...]
#: the last ``ordered`` measured, and its courses: a plan asks for the same history several
#: times in a row (``sensitivity_courses``, ``unprogressed_exposures``, ``continuations``);
#: held here, the tuple cannot be freed and its id reused
_last_measured: list[tuple[tuple[Treatment, ...], Measured]] = [((), ())]


def _measured(ordered: tuple[Treatment, ...]) -> Measured:
    """Each CDK4/6-inhibitor course, as measured, and the held or paused course
    (``_HOLD_STOPS``) it continues (or None)."""
    last = _last_measured[0]
    if last[0] is ordered:
        return last[1]
    found = tuple(_measuring(ordered))
    _last_measured[0] = (ordered, found)
    return found


def _measuring(
    ordered: tuple[Treatment, ...],
) -> Iterator[tuple[Treatment, Treatment, Treatment | None]]:
    held: Treatment | None = None  # the last course, if held or paused, as measured
    recorded: Treatment | None = None  # and as recorded
    bridge: Treatment | None = None  # endocrine therapy given through the hold, if recorded
    ended: list[dt.date] = []  # progressions of other courses since the hold, by date
    progressed: tuple[Treatment, Treatment] | None = None  # the last course, if it progressed
    for t in ordered:
        if DrugClass.CDK46_INHIBITOR not in t.drug_classes:
            if t.progressed and t.end_date is None:  # a progression ends the control held
                held = bridge = None
            elif t.progressed and t.end_date is not None:
                ended.append(t.end_date)  # ... if it comes before the course that resumes
            elif held is not None and _bridges(held, t):
                bridge = t
            continue
        if held is not None and _progressed_between(held, t, ended):
            held = bridge = None
        if held is not None and bridge is None:  # a partner recorded as one course (1338)
            bridge = next((b for b in ordered if _spans(held, t, b)), None)
        start = _control_start(held, t, bridge)
        line_start = _line_continued(progressed, t, ordered)  # past oligoprogression (1346b)
        measured = (
            _measured_from(t, start)
            if start is not None
            else t
            if line_start is None
            else _measured_from(t, line_start)
        )
        yield t, measured, None if start is None else recorded
        paused = t.stop_reason in _HOLD_STOPS
        held, recorded, bridge = (measured, t, None) if paused else (None, None, None)
        progressed = (t, measured) if t.progressed else None


#: a CDK4/6 inhibitor resumed or switched within this many days of one held or paused
#: (``_HOLD_STOPS``) continues its disease control from the first start (case 530), as after a longer hold
#: with endocrine therapy recorded through it (the rechecks of case 921)
SWITCH_GAP_DAYS = 62


def _control_start(
    held: Treatment | None, t: Treatment, bridge: Treatment | None = None
) -> dt.date | None:
    """Where the disease control that ``t`` continues began, or None: a course that follows
    one held or paused (``_HOLD_STOPS``) in the same setting, with no progression between, continues it.
    Within ``SWITCH_GAP_DAYS``, or with endocrine therapy recorded through the hold
    (``bridge``), from ``held``'s start; after a longer hold with nothing recorded, only the
    time on the drug counts (the time off all therapy does not: the third recheck)."""
    end = None if held is None else held.end_date
    if held is None or end is None or held.started_on is None or t.started_on is None:
        return None
    if held.setting is not t.setting or t.started_on < end:
        return None
    bridged = bridge is not None and _within(bridge.end_date, t.started_on)
    if (t.started_on - end).days <= SWITCH_GAP_DAYS or bridged:
        return held.started_on
    return t.started_on - (end - held.started_on)


def _line_continued(
    progressed: tuple[Treatment, Treatment] | None, t: Treatment, ordered: tuple[Treatment, ...]
) -> dt.date | None:
    """Where the line that ``t`` continues past a progression began (``progressed``: the
    course before, as recorded and as measured): the same drugs under its line number, within
    ``CONTINUED_WITHIN_DAYS`` of its progression (``by_line``'s reading, case 1311b), are
    measured from the line's first course (case 1346b); else None."""
    if progressed is None:
        return None
    recorded, measured = progressed
    if t.line is None or t.line != recorded.line or not _resumed(recorded, t, ordered):
        return None
    return measured.started_on


def _progressed_between(held: Treatment, t: Treatment, ended: list[dt.date]) -> bool:
    """Another course progressed after ``held`` started and before ``t`` resumed it: the
    control held has ended (a partner recorded as one course to the line's progression, at
    its end, has not: cases 1337, 1338)."""
    start = held.started_on
    return any(
        (start is None or day >= start) and (t.started_on is None or day <= t.started_on)
        for day in ended
    )


def _spans(held: Treatment, t: Treatment, b: Treatment) -> bool:
    """``b``, endocrine therapy in ``held``'s setting, given from before the hold to the
    resumption or after it: given through the hold (letrozole as one course while ribociclib
    paused, case 1338)."""
    start, end, resumed = b.started_on, b.end_date, t.started_on
    held_end = held.end_date
    return (
        b is not t
        and DrugClass.CDK46_INHIBITOR not in b.drug_classes
        and b.setting is held.setting
        and bool(b.drug_classes & drug_vocab.ENDOCRINE_CLASSES)
        and None not in (start, held_end, resumed)
        and start <= held_end  # type: ignore[operator]
        and (end is None or end >= resumed)  # type: ignore[operator]
    )


def through_hold(courses: tuple[Treatment, ...], b: Treatment) -> bool:
    """``b`` is endocrine therapy given through the hold of a CDK4/6-inhibitor course of
    ``courses`` held or paused (``_HOLD_STOPS``, ``_bridges``): part of that course's line, not
    a line of its own (case 1017), unless it ended in progression (its third recheck)."""
    return not b.progressed and any(
        _cdk46i(h) and h.stop_reason in _HOLD_STOPS and _bridges(h, b)
        for h in courses
        if h is not b
    )


def _bridges(held: Treatment, b: Treatment) -> bool:
    """``b``, endocrine therapy in ``held``'s setting, started within ``SWITCH_GAP_DAYS`` of
    its stop: given through the hold (letrozole alone while palbociclib waits)."""
    end = held.end_date
    return (
        b.setting is held.setting
        and bool(b.drug_classes & drug_vocab.ENDOCRINE_CLASSES)
        and end is not None
        and b.started_on is not None
        and abs((b.started_on - end).days) <= SWITCH_GAP_DAYS
    )


def _within(end: dt.date | None, start: dt.date) -> bool:
    """A course that ended on ``end`` (or goes on: None) reaches ``start`` within
    ``SWITCH_GAP_DAYS``."""
    return end is None or (start - end).days <= SWITCH_GAP_DAYS


def _measured_from(t: Treatment, start: dt.date | None) -> Treatment:
    """``t`` measured from ``start``: its months, where given (as the engine gives an ongoing
    course read as progressed at the plan's date, rule 53; case 921), grow by the time from
    ``start`` to its own start."""
    if t.months is None or t.started_on is None or start is None:
        return attrs.evolve(t, started_on=start)
    months = t.months + calendar_months(start, t.started_on)
    return attrs.evolve(t, started_on=start, months=min(months, MAX_MONTHS))


def cdk46i_drugs(courses: Iterable[Treatment]) -> frozenset[str]:
    """The CDK4/6 inhibitors of ``courses``."""
    return drugs_of(courses, DrugClass.CDK46_INHIBITOR)


def drugs_of(courses: Iterable[Treatment], cls: DrugClass) -> frozenset[str]:
    """The drugs of class ``cls`` in ``courses``."""
    return frozenset(d for t in courses for d in t.drugs if drug_vocab.drug_class(d) is cls)


def chemotherapy_lines(lines: tuple[tuple[Treatment, ...], ...]) -> int:
    """The lines (``by_line``) that contained chemotherapy (an ADC is not one)."""
    return sum(any(DrugClass.CHEMOTHERAPY in t.drug_classes for t in line) for line in lines)


def cytotoxic(t: Treatment) -> bool:
    """Chemotherapy, or an ADC (its payload is cytotoxic)."""
    return DrugClass.CHEMOTHERAPY in t.drug_classes or any(c.is_adc for c in t.drug_classes)


#: stop reasons that read no resistance: a hold for toxicity, a pause by the patient's choice
#: (rule 32's lines, case 1516; a line's cycles, 1629d; a partner through a hold, 1647)
NOT_RESISTANCE = (StopReason.TOXICITY, StopReason.PATIENT_CHOICE)


def stopped_for_toxicity(line: tuple[Treatment, ...], *, or_by_choice: bool = False) -> bool:
    """Every course of the line stopped for toxicity (``or_by_choice``: or by the patient's
    choice): no progression it measures (DESTINY-Breast06's lines, case 1075; postMONARCH's
    population, cases 1149, 1152; rule 32 with ``or_by_choice``, case 1516)."""
    stops = NOT_RESISTANCE if or_by_choice else (StopReason.TOXICITY,)
    return all(t.stop_reason in stops for t in line)


def by_line(treatments: tuple[Treatment, ...]) -> tuple[tuple[Treatment, ...], ...]:
    """Treatments (in order) by line: those that give one line number are one line (a drug
    switched within it, as after toxicity), until one of them ends in progression (what starts
    after that, or progresses too, is another line, whatever its number: ``_after_progression``);
    a treatment without a number is a line of its own,
    but for a CDK4/6 inhibitor resumed after one stopped for toxicity or paused by the
    patient's choice (``_in_hold``, ``_HOLD_STOPS``), and the same drugs resumed soon after a
    course that did not progress (``_cycle_of``), numbered or not (a new number given to such
    a course is the same line: case 1676e)."""
    numbered: dict[int, list[Treatment]] = {}
    lines: list[list[Treatment]] = []
    hold: Treatment | None = None  # the last line's CDK4/6 inhibitor held or paused
    for t in treatments:
        last = lines[-1] if lines else []
        # the same drugs again soon after a course of them that did not progress (cycles of
        # chemotherapy exported one course each, case 1588; a pause), or the endocrine partner
        # going on through a targeted drug's hold: the line goes on, numbered anew or not
        # (cases 1676e, 1700d, 1744)
        goes_on = bool(last) and (_cycle_of(last[-1], t) or _partner_on(last[-1], t))
        held = t.line is None and (
            (hold is not None and _in_hold(hold, t))
            or any(combined(c, t) for c in last)  # a part of a combination with the line before
            or goes_on
        )
        if held:
            lines[-1].append(t)
        elif t.line is None:
            lines.append([t])
        elif t.line in numbered and not _after_progression(numbered[t.line], t):
            numbered[t.line].append(t)
        elif goes_on:  # numbered anew by an export that numbers each course
            lines[-1].append(t)
            numbered[t.line] = lines[-1]
        else:  # a new number, or one given again after a progression within it (a new line:
            # the fourth recheck of case 1017)
            numbered[t.line] = [t]
            lines.append(numbered[t.line])
        cdk_stop = t.stop_reason in _HOLD_STOPS and _cdk46i(t)
        # endocrine therapy through the hold keeps it, unless it ended in progression: a course
        # after that starts a line of its own (the third recheck of case 1017)
        kept = held and not _cdk46i(t) and not t.progressed
        hold = t if t.line is None and cdk_stop else hold if kept else None
    return tuple(map(tuple, lines))


def _cycle_of(c: Treatment, t: Treatment) -> bool:
    """``t`` gives ``c``'s drugs again within ``CONTINUED_WITHIN_DAYS`` of ``c``'s end, which
    was no progression, or at any time after a stop for toxicity or by choice: the same line
    (case 1588: eight capecitabine cycles counted as eight lines; 1629d: a hold of 70 days)."""
    end, start = c.end_date, t.started_on
    if c.progressed or c.stop_reason is StopReason.ONGOING or end is None or start is None:
        return False
    held = c.stop_reason in NOT_RESISTANCE  # continues the line however long (case 1629d)
    gap = (start - end).days
    return set(c.drugs) == set(t.drugs) and gap >= 0 and (held or gap <= CONTINUED_WITHIN_DAYS)


#: the targeted drugs whose endocrine partner can go on through their hold, in its line
#: (``_partner_on``; the engine's ``patient.held_beside`` reads the partner of all but the mTOR
#: inhibitor as not at a progression)
HOLD_CLASSES = frozenset(
    {
        DrugClass.CDK46_INHIBITOR,
        DrugClass.PI3K_INHIBITOR,
        DrugClass.AKT_INHIBITOR,
        DrugClass.MTOR_INHIBITOR,
    }
)


def _partner_on(c: Treatment, t: Treatment) -> bool:
    """``t`` gives on endocrine drugs of ``c``, a course of a CDK4/6, PI3K, AKT or mTOR inhibitor
    stopped for toxicity or by choice, from its stop (``_bridges``): the partner through the
    hold, under a new line number (cases 1653c, 1700d) or none (case 1744)."""
    held = c.stop_reason in _HOLD_STOPS and bool(c.drug_classes & HOLD_CLASSES)
    return held and set(t.drugs) < set(c.drugs) and _bridges(c, t)


def _after_progression(line: list[Treatment], t: Treatment) -> bool:
    """``t`` is another line than ``line``, whatever its number: it starts on or after the end
    of a course of ``line`` that ended in progression (the fourth recheck of case 1017), or it
    ended in progression too, on another or an unknown date (one line holds one progression:
    the fifth recheck), unless the two started or ended on one day (two parts of a combination
    recorded apart: the sixth recheck), or ``t`` continues ``c``'s drugs from its progression
    (``_continued``)."""
    if any(c.progressed and _resumed(c, t, line) for c in line):  # the line's progression
        return False  # continued past, as often as it is (case 1324c)
    start = t.started_on
    return any(c.progressed and _apart(c, t, start) for c in line)


#: the same drugs started this soon after a progression on them, under its line number, are
#: that line continued past its progression (oligoprogression treated locally: case 1311b;
#: resumed after a hold for the local treatment's toxicity, as a hold's switch gap: 1362c)
CONTINUED_WITHIN_DAYS = 62


def _continued(c: Treatment, t: Treatment) -> bool:
    """``t`` gives ``c``'s drugs again from its progression on: the same line, continued; or
    some of them (the endocrine partner alone) through a gap before they all resume, as long
    as it does not end in progression itself (case 1362d)."""
    end, start = c.end_date, t.started_on
    same = set(c.drugs) == set(t.drugs)
    bridge = not t.progressed and set(t.drugs) < set(c.drugs)
    return (
        (same or bridge)
        and end is not None
        and start is not None
        and 0 <= (start - end).days <= CONTINUED_WITHIN_DAYS
    )


#: a partner course through a gap may end a few days before the resumption it bridges (case
#: 1405: ended the day before)
_BRIDGE_SLACK_DAYS = 7


def _resumed(c: Treatment, t: Treatment, courses: Iterable[Treatment]) -> bool:
    """``t`` continues ``c`` past its progression (``_continued``), or gives its drugs again
    after a longer gap through which a course of ``courses`` gave its endocrine partner (case
    1382e: letrozole went on while palbociclib waited 81 days)."""
    if _continued(c, t):
        return True
    end, start = c.end_date, t.started_on
    if set(c.drugs) != set(t.drugs) or end is None or start is None or start < end:
        return False
    return any(
        b is not c
        and b is not t
        and DrugClass.CDK46_INHIBITOR not in b.drug_classes
        and bool(b.drug_classes & drug_vocab.ENDOCRINE_CLASSES)
        and b.started_on is not None
        and b.started_on <= end + dt.timedelta(days=CONTINUED_WITHIN_DAYS)
        and (b.end_date is None or b.end_date >= start - dt.timedelta(days=_BRIDGE_SLACK_DAYS))
        for b in courses
    )


def continued_past(courses: tuple[Treatment, ...], t: Treatment) -> bool:
    """``t`` continues a course of ``courses`` past its progression (``_continued``): the line
    going on, not another therapy (postMONARCH's population reads it so: case 1362d)."""
    return any(c.progressed and c is not t and _continued(c, t) for c in courses)


def _apart(c: Treatment, t: Treatment, start: dt.date | None) -> bool:
    end = c.end_date
    if start is not None and end is not None and start >= end:
        return True
    return t.progressed and not combined(c, t) and not _undated_partner(c, t)


def _undated_partner(c: Treatment, t: Treatment) -> bool:
    """One of two courses of one line number has no end date and began before the other
    ended: nothing shows two progressions, and the number says one line (case 1704:
    anastrozole with its progression undated beside palbociclib begun 12 days on; 1726: six
    weeks on, a funding delay)."""
    if (c.end_date is None) == (t.end_date is None):
        return False
    undated, dated = (c, t) if c.end_date is None else (t, c)
    start, end = undated.started_on, dated.end_date
    return start is not None and end is not None and start < end


def combined(a: Treatment, b: Treatment) -> bool:
    """Two courses that are parts of one combination recorded apart: they started or ended on
    one day, or overlap for at least half of the shorter (palbociclib added to letrozole two
    weeks on, the last doses days apart: the sixth and seventh rechecks of case 1017); a switch
    that overlaps the course it replaces for days is not one."""
    if a.setting is not b.setting:
        return False
    if a.started_on is not None and a.started_on == b.started_on:
        return True
    a_end, b_end = a.end_date, b.end_date
    if a_end is not None and a_end == b_end:
        return True
    a_start, b_start = a.started_on, b.started_on
    if a_start is None or b_start is None or a_end is None or b_end is None:
        return False
    overlap = (min(a_end, b_end) - max(a_start, b_start)).days
    shorter = min((a_end - a_start).days, (b_end - b_start).days)
    return overlap > 0 and 2 * overlap >= shorter


def _in_hold(hold: Treatment, t: Treatment) -> bool:
    """Without line numbers: ``t`` resumes (or switches) the CDK4/6 inhibitor ``hold`` held or
    paused (``_HOLD_STOPS``), or is endocrine therapy given through the hold (``_bridges``): in its line
    (the rechecks of case 921)."""
    if _cdk46i(t):
        return _control_start(hold, t) is not None
    return _bridges(hold, t)


def _cdk46i(t: Treatment) -> bool:
    return DrugClass.CDK46_INHIBITOR in t.drug_classes


def exposure_months(
    courses: tuple[Treatment, ...], ordered: tuple[Treatment, ...], as_of: dt.date | None
) -> float | None:
    """The longest time on a CDK4/6 inhibitor among ``courses`` (those that measure it) and,
    once one does, the metastatic courses of ``ordered`` stopped without progression
    (``unprogressed_exposures``, case 940); None if none says."""
    more = unprogressed_exposures(ordered) if courses else ()
    return longest_months((*courses, *more), as_of)


def longest_months(courses: tuple[Treatment, ...], as_of: dt.date | None) -> float | None:
    """The longest duration among ``courses`` (``Profile.cdk46i_months``); None if none says."""
    durations = [m for t in courses if (m := t.duration_months(as_of)) is not None]
    return max(durations, default=None)


def at_most_months(
    courses: tuple[Treatment, ...],
    as_of: dt.date | None,
    known: float | None,
    ordered: tuple[Treatment, ...] = (),
) -> float | None:
    """``known`` (the longest measured), else the longest any of ``courses`` can have run: its
    duration, or where a course that ended has its start on record but not its end, the span
    from its start to the start of the next line among ``ordered`` (case 2906b), else to
    ``as_of`` (case 1542); None if a course says neither."""
    if known is not None:
        return known
    bounds = []
    for t in courses:
        months = t.duration_months(as_of)
        bound = next_line_start(t, ordered) or as_of
        if months is None and t.started_on is not None and bound is not None:
            months = calendar_months(t.started_on, bound)
        if months is None:
            return None
        bounds.append(months)
    return max(bounds, default=None)


def next_line_start(t: Treatment, ordered: tuple[Treatment, ...]) -> dt.date | None:
    """The first start after ``t``'s of a course for metastatic disease in another line (not a
    GnRH agonist alone, nor a part of ``t``'s combination): a course of ``t``'s with no end
    on record ended by then, since two lines do not go on together (case 2906b)."""
    start = t.started_on
    if start is None or not t.metastatic:
        return None
    return min(
        (
            o.started_on
            for o in ordered
            if o.started_on is not None
            and o.started_on > start
            and o.metastatic
            and not o.suppression_only
            and _another_line(t, o)
        ),
        default=None,
    )


def _another_line(a: Treatment, b: Treatment) -> bool:
    if a.line is not None and b.line is not None:
        return a.line != b.line
    return not combined(a, b)


def result_order(r: BiomarkerResult) -> tuple[Any, ...]:
    # newest last; among results of one day, a positive finding outranks a negative one,
    # then NGS over PCR, so the choice does not depend on the order of the input list
    return (
        r.tested_on or dt.date.min,
        r.status
        not in (
            BiomarkerStatus.WILD_TYPE,
            BiomarkerStatus.NOT_DETECTED,
            BiomarkerStatus.INDETERMINATE,
        ),
        r.assay is Assay.NGS,
        # the members are str enums: each compares as its value (``.value`` costs a descriptor)
        r.origin,
        r.status,
        r.sample or "",
        r.assay or "",
        r.variant or "",
        r.classification or "",
    )


def _named_once(message: str) -> Callable[[Any, attrs.Attribute[Any], tuple[Any, ...]], None]:
    """A validator: no item of the tuple given twice (``message`` says which)."""

    def check(_inst: Any, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if len(set(value)) != len(value):
            raise ValueError(message)

    return check


@attrs.frozen(kw_only=True)
class Profile:
    """A patient at the time of a treatment decision."""

    schema_version: int = attrs.field(validator=_schema)
    patient_id: str | None = attrs.field(default=None, validator=v.identifier)
    as_of: dt.date | None = attrs.field(
        default=None,
        validator=v.when_given(v.in_date_range, _not_before_dates, _months_fit_as_of),
    )
    hormone_receptor: HormoneReceptor
    her2: Her2Status
    her2_tests: tuple[Her2Test, ...] = attrs.field(default=(), validator=_her2_agrees)
    sex: Sex | None = None
    menopausal_status: MenopausalStatus = attrs.field(
        default=MenopausalStatus.UNKNOWN,
        validator=[_menopause_of_a_man, _menopause_fits_suppression],
    )
    #: a bilateral oophorectomy's date (surgical menopause): the menopause is established from
    #: it, within a GnRH depot's reach too (case 4523c); menopausal_status 'postmenopausal'
    oophorectomy_on: dt.date | None = attrs.field(
        default=None, validator=v.when_given(v.in_date_range, _oophorectomy_fits)
    )
    ecog: int | None = attrs.field(default=None, validator=_ecog)
    visceral_crisis: bool = False
    comorbidities: tuple[Condition, ...] = attrs.field(
        default=(),
        validator=v.when_given(
            v.at_most(MAX_COMORBIDITIES, "comorbidities"), _pregnancy_fits, _diabetes_agrees
        ),
    )
    #: free text resistx does not assess; the plan repeats it verbatim
    other_conditions: tuple[str, ...] = attrs.field(
        default=(),
        validator=v.when_given(
            v.at_most(MAX_OTHER_CONDITIONS, "other conditions"),
            v.each_not_blank,
            v.each_plain_text,
            _read_fields_not_free_text,
        ),
    )
    #: the medications the patient takes, as the clinic writes them: the interactions of
    #: ``vocab.interactions`` are read; the plan repeats each entry as not assessed, with what
    #: it was read as
    medications: tuple[str, ...] = attrs.field(
        default=(),
        validator=v.when_given(
            v.at_most(MAX_OTHER_CONDITIONS, "medications"),
            v.each_not_blank,
            v.each_plain_text,
            medications_read,
            _diabetes_medications_fit,
        ),
    )
    #: where the metastatic disease is, when recorded (empty: not recorded); leptomeningeal
    #: disease and brain metastases are read (rules 120, 121)
    metastatic_sites: tuple[MetastaticSite, ...] = attrs.field(
        default=(), validator=_named_once("metastatic_sites names a site twice")
    )
    #: the date the metastatic relapse was diagnosed, after treatment for early disease: the
    #: windows after (neo)adjuvant therapy are measured to it, else to the decision date
    #: (case 1553); no course for metastatic disease starts before it
    relapsed_on: dt.date | None = attrs.field(
        default=None,
        validator=v.when_given(
            v.in_date_range, _no_metastatic_course_before, _relapse_fits_early_courses
        ),
    )
    biomarkers: tuple[BiomarkerResult, ...] = attrs.field(
        default=(), validator=v.at_most(MAX_BIOMARKERS, "biomarker results")
    )
    treatments: tuple[Treatment, ...] = attrs.field(
        default=(),
        validator=[
            v.at_most(MAX_TREATMENTS, "treatments"),
            _open_courses_say_how,
            _one_line_at_a_time,
            _no_course_twice,
            _courses_in_order,
            _early_courses_first,
            _lines_in_their_places,
        ],
    )
    #: schema 2: the drugs given after this decision, when known (a cohort's concordance reads
    #: it); any spelling the drug vocabulary knows, as in a treatment's drugs
    next_treatment: tuple[str, ...] | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [v.at_most(MAX_DRUGS, "drugs in one treatment"), _known_next_drugs]
        ),
    )

    # -- derived views the sequencing engine reads ---------------------------------------

    @property
    def leptomeningeal(self) -> bool:
        return MetastaticSite.LEPTOMENINGEAL in self.metastatic_sites

    @property
    def er_low(self) -> bool:
        """ER-low disease (ER in 1-10% of cells): its endocrine options come after chemotherapy
        and the ADCs (rule 114), and what a test would open for them with it (case 1218)."""
        return self.hormone_receptor is HormoneReceptor.LOW

    @functools.cached_property
    def decision_date(self) -> dt.date | None:
        """``as_of``, or else the latest date in the profile (never the clock); unknown where
        the latest course goes on: its time on treatment runs to a date the profile does not
        give (case 1849g: read to its own start, it was 0 months, a short course)."""
        return decision_date_of(self, self.treatments_in_order)

    @functools.cached_property
    def treatments_in_order(self) -> tuple[Treatment, ...]:
        """Treatments oldest first, by start date, then line (undated ones first)."""
        return tuple(sorted(self.treatments, key=Treatment._sort_key))

    @functools.cached_property
    def metastatic_treatments(self) -> tuple[Treatment, ...]:
        return tuple(t for t in self.treatments_in_order if t.metastatic)

    @functools.cached_property
    def cdk46i_courses(self) -> tuple[Treatment, ...]:
        """Treatments with a CDK4/6 inhibitor whose duration says how long the disease stayed
        sensitive: they ended in progression (or how they ended is not given). A course stopped
        for toxicity, by choice or as planned, or still going on, does not measure that."""
        return sensitivity_courses(self.treatments_in_order)

    @property
    def had_cdk46i(self) -> bool:
        """Any treatment with a CDK4/6 inhibitor, however it ended."""
        return any(DrugClass.CDK46_INHIBITOR in t.drug_classes for t in self.treatments)

    @functools.cached_property
    def cdk46i_months(self) -> float | None:
        """The longest time on a CDK4/6 inhibitor among ``cdk46i_courses`` and, once one of
        them measures it, the metastatic courses stopped without progression
        (``unprogressed_exposures``): how long the disease stayed sensitive (a short rechallenge
        after long benefit is not early resistance). None if no course measures it."""
        return exposure_months(self.cdk46i_courses, self.treatments_in_order, self.decision_date)

    @property
    def metastatic_chemotherapy_lines(self) -> int:
        """Prior lines for metastatic disease that contained chemotherapy (an ADC is not one);
        treatments that give one line number are one line (``by_line``)."""
        return chemotherapy_lines(by_line(self.metastatic_treatments))

    @property
    def progressed_on_drugs(self) -> frozenset[str]:
        """Drugs of metastatic-setting treatments that ended in progression."""
        return frozenset(d for t in self.metastatic_treatments if t.progressed for d in t.drugs)

    @property
    def latest_progression(self) -> dt.date | None:
        """The latest date a treatment ended in progression (from its end date, or its start
        plus its months)."""
        return latest_progression(self.treatments)

    @property
    def latest_results(self) -> dict[str, BiomarkerResult]:
        """The latest result per gene (a view, not part of the model's state)."""
        latest: dict[str, BiomarkerResult] = {}
        for r in sorted(self.biomarkers, key=result_order):
            latest[r.gene] = r
        return latest


#: on while a refused ``Profile`` built in code is checked again field by field (that check
#: builds a Profile too, and must see the plain error)
_RECHECKING: contextvars.ContextVar[bool] = contextvars.ContextVar("rechecking", default=False)


def _every_problem(cls: type[Any], error: type[ProfileError], root: str = "$") -> None:
    """``cls(...)`` in code (a Profile, Preferences): a value its checks refuse raises the
    loader's error (``error``) naming every problem at its path under ``root``, as
    loading JSON does (cases 7673, 7822: a plain ``ValueError`` named the first, and fixing
    it showed the next)."""
    init = cls.__init__

    @functools.wraps(init)
    def __init__(self: object, **fields: Any) -> None:  # noqa: N807 - it replaces the class's
        if not code_types.as_given(cls, fields):
            fields = code_types.as_held(cls, fields)  # enum text, lists, numpy numbers (8340)
            texts = code_types.text_for_a_list(cls, fields, root)  # case 8090
            if texts := texts + code_types.unread_text(cls, fields, root):
                raise _all_problems(cls, fields, error, root) or error(texts)
        try:
            init(self, **fields)
        except (ValueError, TypeError, AttributeError) as e:
            if isinstance(e, ResistxError) or _RECHECKING.get():
                raise
            raise _all_problems(cls, fields, error, root) or e from None

    cls.__init__ = __init__


def _all_problems(
    cls: type[Any], fields: dict[str, Any], error: type[ProfileError], root: str
) -> ResistxError | None:
    """The error of fields that built no ``cls``: each value of a Python type the model does
    not take (8092: a TypeError naming no field), and every problem found as JSON input's
    are; None where neither finds one (the first error stands)."""
    from resistx import _serde  # noqa: PLC0415 - the loader's checks sit above the model

    found = code_types.type_problems(cls, fields, root)
    token = _RECHECKING.set(True)
    try:
        _serde.structure_collecting({k: _serde.to_dict(v) for k, v in fields.items()}, cls)
    except _serde.DataProblemsError as e:
        read = _serde.problems_of(e, root)
        found = [*read, *(t for t in found if not any(path == t[0] for path, _m in read))]
    except Exception:  # noqa: S110 - what cannot be read again leaves the types' problems
        pass
    finally:
        _RECHECKING.reset(token)
    return error(found) if found else None


for _model in (Profile, Treatment, BiomarkerResult, Condition, Her2Test):
    _every_problem(_model, ProfileError)


def _a_list(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A list of names, not one name as text (read letter by letter: the second recheck of
    session 58, ``Preferences(declines_kinds='adc')``)."""
    if isinstance(value, str):
        msg = f"{attribute.name} is a list of names, not the text {value!r}: give [{value!r}]"
        raise ValueError(msg)


def _not_also_declined(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    """A kind accepted is one a kind declined might be read to cover: the ADCs, whose payload
    is a cytotoxic drug, beside chemotherapy declined (rules 148, 149); not one also declined."""
    declined = {str(k) for k in getattr(inst, "declines_kinds", ()) or ()}
    if both := [str(k) for k in value if str(k) in declined]:
        msg = (
            f"accepts_kinds and declines_kinds both name {', '.join(both)}: the patient accepts "
            "or declines a kind, not both"
        )
        raise ValueError(msg)
    if other := [str(k) for k in value if str(k) != "adc" or "chemotherapy" not in declined]:
        msg = (
            f"accepts_kinds names {', '.join(other)}, which no kind declined could be read to "
            "cover: accepts_kinds is for the ADCs ('adc') beside chemotherapy in declines_kinds"
        )
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Preferences:
    """What the patient and clinician want weighed: the patient's priority, cost, trials, the
    CDK4/6-inhibitor time read as short, and what she or he declines or accepts (see the
    plan page's Preferences section)."""

    priority: Priority = Priority.BALANCED
    cost_sensitive: bool = False
    include_trials: bool = True
    short_cdk46i_months: float = attrs.field(
        default=6.0, validator=[v.non_negative, v.not_above(MAX_MONTHS, " (50 years)")]
    )
    #: routes of administration the patient declines (case 1000: no intravenous treatment): a
    #: regimen given by one is left out with that reason (rule 110)
    declines: tuple[Route, ...] = attrs.field(
        default=(), validator=[_a_list, _named_once("declines names a route twice")]
    )
    #: kinds of regimen the patient declines (case 1696: chemotherapy, the ADCs too, after an
    #: informed discussion): a regimen of one is left out with that reason (rule 128)
    declines_kinds: tuple[RegimenKind, ...] = attrs.field(
        default=(), validator=[_a_list, _named_once("declines_kinds names a kind twice")]
    )
    #: the patient declines blood transfusion (case 1776: a Jehovah's Witness): every option
    #: that can cause anaemia is cautioned (rule 131)
    #: kinds of regimen the patient, asked, accepts though a kind declined might be read to
    #: cover them (an ADC beside chemotherapy declined: rules 148, 149 then ask nothing)
    accepts_kinds: tuple[RegimenKind, ...] = attrs.field(
        default=(),
        validator=[_a_list, _named_once("accepts_kinds names a kind twice"), _not_also_declined],
    )
    declines_transfusion: bool = False


#: what a plan says of a decision date the profile does not give (``Profile.decision_date``)
UNKNOWN_DATE = (
    "unknown: the profile gives no date, or its latest course goes on (or ended by a "
    "progression of no known date), whose time on treatment runs to it; give as_of"
)


def decision_date_of(p: Any, ordered: tuple[Treatment, ...]) -> dt.date | None:
    """``Profile.decision_date`` of a profile or of the fields its validators see (``ordered``:
    its treatments in time order)."""
    if (as_of := getattr(p, "as_of", None)) is not None:
        return as_of  # type: ignore[no-any-return]
    if (latest := latest_course(ordered)) is not None and _open(latest):
        return None
    dates = [r.tested_on for r in getattr(p, "biomarkers", ()) or () if r.tested_on]
    # as as_of's check (case 1812)
    dates += [h.tested_on for h in getattr(p, "her2_tests", ()) or () if h.tested_on]
    dates += [relapse] if (relapse := getattr(p, "relapsed_on", None)) else []
    for t in ordered:  # an end from started_on and months too (case 1849)
        dates += [d for d in (t.started_on, t.end_date) if d]
    return max(dates, default=None)


def _open(t: Treatment) -> bool:
    """A course going on, or ended by a progression of no known date (the engine reads an
    ongoing latest course so, rule 53): its time on treatment runs to the decision date."""
    ended = t.stop_reason is StopReason.PROGRESSION and t.end_date is None
    return t.stop_reason is StopReason.ONGOING or (ended and t.started_on is not None)


def latest_course(ordered: tuple[Treatment, ...]) -> Treatment | None:
    """The newest course of treatments in order, a GnRH agonist continued alone aside (it is
    no line, case 620)."""
    return next((t for t in reversed(ordered) if not t.suppression_only), None)


def latest_progression(
    treatments: tuple[Treatment, ...], but: Treatment | None = None
) -> dt.date | None:
    """The latest end of a treatment that ended in progression, leaving out ``but`` (the same
    start and drugs: the engine's ongoing course read as progressed, rule 53)."""
    skip = None if but is None else (but.started_on, but.drugs)
    return max(
        (
            e
            for t in treatments
            if t.progressed and (e := t.end_date) is not None and (t.started_on, t.drugs) != skip
        ),
        default=None,
    )


_every_problem(Preferences, PreferencesError, "$.preferences")
