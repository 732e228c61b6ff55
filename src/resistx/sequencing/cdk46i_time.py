"""What a plan's notes say of the time on a CDK4/6 inhibitor: how rule 18 (a short course)
read it, or why it could not (``notes``)."""

from __future__ import annotations

import datetime as dt

import attrs

from resistx.model.enums import DrugClass
from resistx.model.profile import Preferences, next_line_start
from resistx.sequencing.course_readings import record_gaps
from resistx.sequencing.facts import Facts
from resistx.sequencing.slots import tenths

#: the months under which a course is short unless the preferences say otherwise
DEFAULT_SHORT = float(attrs.fields(Preferences).short_cdk46i_months.default or 0)


def cdk46i_time(facts: Facts, *, said_above: bool) -> list[str]:
    """The note on the time on a CDK4/6 inhibitor, if any; ``said_above``: the note on a
    relapse after an adjuvant CDK4/6 inhibitor already says rule 18 was not applied."""
    out: list[str] = []
    if not facts.had_cdk46i:
        out.append(
            "No CDK4/6 inhibitor on record: the review is about the options after one, yet not "
            "all its trials enrolled patients after one (BOLERO-2 none, SOLAR-1 few): each "
            "option's evidence says whom its trial enrolled."
        )
    elif not facts.cdk46i_courses:
        if not said_above:  # the adjuvant note says it
            out.append(
                (
                    "No CDK4/6-inhibitor course is recorded as ended by progression (one ended "
                    "for another reason or one not recorded: rules 141 and 146)"
                    if record_gaps(facts)["cdk46i_stop_unknown"][0]
                    else "Every CDK4/6-inhibitor course ended for toxicity, by choice or as planned"
                )
                + ", so none measures time to progression: the short-duration rule (rule 18) "
                "was not applied."
            )
    elif facts.cdk46i_months is None:
        out.append(_time_unknown(facts))
    elif facts.short_cdk46i and facts.cdk46i_months >= DEFAULT_SHORT:
        # short only by a raised threshold: say that the preference moved the plan (7296s)
        going_on = _going_on(facts)  # the recheck's 7346a: the wording of a course going on
        out.append(
            f"{_longest(facts, going_on)}: short by this plan's threshold of "
            f"{facts.preferences.short_cdk46i_months:g} months (short_cdk46i_months, raised from "
            f"its default {DEFAULT_SHORT:g} by the preferences), so rule 18 put chemotherapy and "
            "the ADCs before the endocrine-based options; under the default it would not have."
            + (f" {going_on}" if going_on else "")
        )
    elif not facts.short_cdk46i and facts.cdk46i_months < 2 * facts.preferences.short_cdk46i_months:
        # near the line a preference draws: say how the course was read, and what would change it
        limit = facts.preferences.short_cdk46i_months
        set_here = "" if limit == DEFAULT_SHORT else f", default {DEFAULT_SHORT:g}"
        going_on = _going_on(facts)
        lowered = facts.cdk46i_months < DEFAULT_SHORT  # the recheck's 7347b: short by default
        out.append(
            f"{_longest(facts, going_on)}: not short by this plan's threshold of "
            f"{limit:g} months (short_cdk46i_months{set_here}; the review prefers chemotherapy "
            "and ADCs after a short course without giving a figure), so rule 18 was not "
            "applied; "
            + (
                "the preferences lowered the threshold: under the default the course would be "
                "short, and rule 18 would put chemotherapy and the ADCs before the "
                "endocrine-based options."
                if lowered
                else "a clinician who reads the course as short can raise the threshold."
            )
            + (f" {going_on}" if going_on else "")
        )
    return out


def _going_on(facts: Facts) -> str:
    """Where the longest course is the CDK4/6-inhibitor course going on (rule 53: read as
    progressed at the plan's date), under 12 months: when it reaches 12 (7281: the plan said
    it 'ended in progression', and the order turned with the date), else ""."""
    t = facts.current
    if t is None or DrugClass.CDK46_INHIBITOR not in t.drug_classes or t.started_on is None:
        return ""
    months = t.duration_months(facts.decision_date)
    if (
        months is None
        or facts.cdk46i_months is None
        or tenths(months) < tenths(facts.cdk46i_months)
    ):
        return ""
    start = t.started_on
    try:
        year_on = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        year_on = dt.date(start.year + 1, 3, 1)
    return (
        f"The course goes on: it is counted to this plan's date, and at a progression from "
        f"{year_on.isoformat()} on it will have run 12 months or more, the length of EMERALD's "
        "post hoc subgroup (practice-2026 reads it: rule 28)."
    )


def _longest(facts: Facts, going_on: str) -> str:
    months = tenths(facts.cdk46i_months or 0.0)
    if going_on:
        return (
            f"The CDK4/6-inhibitor course going on has run {months:.1f} months to this plan's "
            "date, where the options below read it as progressed (rule 53)"
        )
    return f"The longest CDK4/6-inhibitor course that ended in progression ran {months:.1f} months"


def _time_unknown(facts: Facts) -> str:
    """Time on the CDK4/6 inhibitor not measured: with a start on record and no end, the span
    to the decision date bounds it (case 1542: 'no months and no dates' with the start given)."""
    unended = [t for t in facts.cdk46i_courses if t.started_on and not t.ended_on]
    begun = [t.started_on for t in unended if t.started_on]
    if not begun:
        return (
            "Time on the CDK4/6 inhibitor is unknown (no months and no dates): the "
            "short-duration rule (rule 18) was not applied."
        )
    if facts.cdk46i_months_at_most is None:  # no decision date to bound it (case 5107)
        return (
            f"Time on the CDK4/6 inhibitor is unknown (begun on {max(begun).isoformat()}, no "
            "end date, months or decision date recorded): the short-duration rule (rule 18) "
            "was not applied."
        )
    at_most = facts.cdk46i_months_at_most
    said = (
        "short by this plan's threshold whatever the date, so rule 18 was applied"
        if facts.short_cdk46i
        else "the short-duration rule (rule 18) was not applied (rule 122 asks for the date)"
    )
    # the next line's start bounds a course with no end (case 2906b), else the decision date
    nexts = [n for t in unended if (n := next_line_start(t, facts.in_order)) is not None]
    until = f"the next line's start, {max(nexts).isoformat()}" if nexts else "the decision date"
    return (
        f"Time on the CDK4/6 inhibitor is unknown (begun on {max(begun).isoformat()}, no end "
        f"date or months recorded for its progression): at most {at_most:.1f} months to "
        f"{until}; {said}."
    )
