"""Ovarian suppression: whether endocrine options need it, and the GnRH agonist on record to
continue (the balance Inputs, rules 40 and 63, and the plan's notes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from resistx.model.enums import DrugClass, MenopausalStatus, Sex, StopReason
from resistx.model.profile import Profile, Treatment, latest_course, suppressing
from resistx.sequencing.facts import Facts
from resistx.sequencing.once import remembered
from resistx.vocab.drugs import drug_class

#: a GnRH-agonist course that ended this close to a course's end still covered it (days)
GRACE_DAYS = 31


def unsuppressed_aromatase_inhibitor(t: Treatment) -> bool:
    """A course with an aromatase inhibitor and no GnRH agonist beside it (rules 63 and 100)."""
    classes = t.drug_classes
    return (
        DrugClass.AROMATASE_INHIBITOR in classes
        and DrugClass.OVARIAN_FUNCTION_SUPPRESSION not in classes
    )


def unsuppressed_partner(t: Treatment) -> str:
    """The aromatase inhibitor or fulvestrant of a course with no GnRH agonist in it, or ""
    (rule 63 for women: both need ovarian suppression before the menopause, rule 40)."""
    if DrugClass.OVARIAN_FUNCTION_SUPPRESSION in t.drug_classes:
        return ""
    needing = (DrugClass.AROMATASE_INHIBITOR, DrugClass.SERD)
    return next((d for d in t.drugs if drug_class(d) in needing), "")


@remembered  # asked several times in one plan
def needs_ovarian_suppression(p: Profile) -> bool:
    """A pre- or perimenopausal woman: an aromatase inhibitor or fulvestrant needs ovarian
    suppression (rule 40's cautions, rule 63's question, the plan's note). With the status not
    recorded, a GnRH agonist going on (or in the latest course) reads as before the menopause,
    on suppression (case 1029): it is given to suppress the ovaries."""
    if p.sex is Sex.MALE:
        return False
    if p.menopausal_status is MenopausalStatus.UNKNOWN:
        return bool(gnrh_agonist_now(p) or gnrh_agonist_stopped(p) or gnrh_agonist_recent(p))
    return p.menopausal_status in (MenopausalStatus.PREMENOPAUSAL, MenopausalStatus.PERIMENOPAUSAL)


@remembered  # asked several times in one plan
def gnrh_agonist_stopped(p: Profile) -> str:
    """A GnRH agonist recorded as a course of its own beside the latest course and stopped
    before it ended (``suppression_beside``: "stopped"), or "": given to suppress working
    ovaries, so with the status unknown the patient reads as before the menopause (case 1573:
    goserelin stopped 4.5 months before the progression on letrozole)."""
    if not any(t.suppression_only for t in p.treatments):
        return ""
    latest = latest_course(p.treatments_in_order)
    if latest is None:
        return ""
    how, course = suppression_beside(latest, p.treatments, p.decision_date)
    return course.drugs[0] if how == "stopped" and course is not None else ""


@remembered  # asked several times in one plan
def gnrh_agonist_recent(p: Profile) -> str:
    """A GnRH agonist that may still suppress the ovaries at the plan's date though not going
    on (``profile.suppressing``: ended within ``GNRH_SUPPRESSION_DAYS``, or with no end that a
    later course places earlier), or "": the menopause cannot be shown until it has worn off
    (cases 2676c, 2745: read as postmenopausal)."""
    gnrh = DrugClass.OVARIAN_FUNCTION_SUPPRESSION
    ordered = p.treatments_in_order
    latest, today = latest_course(ordered), p.decision_date
    for t in ordered:
        if gnrh in t.drug_classes and suppressing(t, t is latest, today, ordered):
            return next(d for d in t.drugs if drug_class(d) is gnrh)
    return ""


@remembered  # asked several times in one plan
def gnrh_agonist_now(p: Profile) -> str:
    """The GnRH agonist going on (a course of its own, or in an ongoing course) or given with
    the latest course, or ""."""
    gnrh = DrugClass.OVARIAN_FUNCTION_SUPPRESSION
    given = [t for t in p.treatments if gnrh in t.drug_classes]
    if not given:  # most records: no need to sort the history for its latest course
        return ""
    latest = latest_course(p.treatments_in_order)
    return next(
        (
            d
            for t in given
            if t.stop_reason is StopReason.ONGOING or t is latest
            for d in t.drugs
            if drug_class(d) is gnrh
        ),
        "",
    )


def _end(t: Treatment, today: dt.date | None) -> dt.date | None:
    """When ``t`` ended: its end date, or ``today`` while it goes on; None if not known."""
    if t.end_date is not None:
        return t.end_date
    return today if t.stop_reason is StopReason.ONGOING else None


def _gnrh_courses(treatments: Iterable[Treatment]) -> list[Treatment]:
    return [t for t in treatments if t.suppression_only]


def suppression_beside(
    t: Treatment, treatments: Iterable[Treatment], today: dt.date | None
) -> tuple[str, Treatment | None]:
    """How a GnRH agonist recorded as a course of its own stood beside ``t`` (cases 886, 899):
    ("covered", course) it was given when ``t`` ended (its progression came under suppression);
    ("stopped", course) it overlapped ``t`` and ended before ``t`` did; ("undated", course) the
    dates do not tell; ("", None) none on record."""
    end, start = _end(t, today), t.started_on
    stopped = undated = None
    for g in _gnrh_courses(treatments):
        g_end = _end(g, today)
        if end is None or start is None or g.started_on is None or g_end is None:
            undated = undated or g
        elif g.started_on <= end and (end - g_end).days <= GRACE_DAYS:
            return "covered", g
        elif g.started_on <= end and g_end >= start:
            stopped = stopped or g
    if stopped is not None:
        return "stopped", stopped
    return ("undated", undated) if undated is not None else ("", None)


def ai_without_suppression(t: Treatment, facts: Facts) -> bool:
    """An aromatase inhibitor in ``t`` with no GnRH agonist in it, nor a GnRH-agonist course
    that covered it (``suppression_beside``)."""
    if not unsuppressed_aromatase_inhibitor(t):
        return False
    how, _course = suppression_beside(t, facts.profile.treatments, facts.decision_date)
    return how != "covered"


@remembered  # asked several times in one plan
def suppression_on_record(facts: Facts) -> str:
    """The ovarian suppression (a GnRH agonist) given with the latest course (in it, or as a
    course of its own that covered it: ``suppression_beside``) or going on now, or "": what an
    endocrine option's caution and the plan's note ask to continue (rule 40)."""
    gnrh = DrugClass.OVARIAN_FUNCTION_SUPPRESSION
    going_on = [g for g in _gnrh_courses(facts.in_order) if g.stop_reason is StopReason.ONGOING]
    latest = latest_course(facts.in_order)
    if latest is None or going_on:
        courses = going_on or facts.in_order[-1:]
        return next((d for t in courses for d in t.drugs if drug_class(d) is gnrh), "")
    found = next((d for d in latest.drugs if drug_class(d) is gnrh), "")
    if found:  # not to be continued where the course stopped otherwise (4680f)
        return found if latest.stop_reason in _CONTINUED else ""
    how, course = suppression_beside(latest, facts.profile.treatments, facts.decision_date)
    if how != "covered" or course is None or course.stop_reason not in _CONTINUED:
        return ""  # not one to continue (4522a: stopped by choice; 4730d-f: 'completed')
    return course.drugs[0]


#: how a GnRH agonist's course ended that leaves it to continue: going on, or ended with the
#: line at its progression (or, schema 1, not said); not stopped by choice, for toxicity,
#: completed or otherwise (cases 4522a, 4680f, 4730d-f)
_CONTINUED = frozenset({StopReason.PROGRESSION, StopReason.ONGOING, None})
