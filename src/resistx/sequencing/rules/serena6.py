"""The practice-2026 rule on an ESR1 mutation during an ongoing first line (54): SERENA-6
switched the aromatase inhibitor to camizestrant and kept the CDK4/6 inhibitor on a mutation
found in ctDNA before progression (update-2026.md section 4); a plan for such a patient says
so, whether the mutation is on record or the plan asks for the test that could find it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, DrugClass, Verification
from resistx.model.profile import Treatment, calendar_months
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.figures import figures

#: SERENA-6 enrolled after 6 months or more of first-line AI + CDK4/6 inhibitor
SERENA6_MONTHS = 6.0


# rule 54: an ESR1 mutation emerging during first-line AI + CDK4/6 inhibitor: SERENA-6
@rule(
    54,
    "An ESR1 mutation emerging during first-line AI + CDK4/6 inhibitor: SERENA-6",
    None,
    condition="As rule 53 (the latest course ongoing), that course the first line for "
    "metastatic disease, an aromatase inhibitor with a CDK4/6 inhibitor, for 6 months or more "
    "(SERENA-6's population: update-2026.md section 4), counted from the line's first course "
    "of the two (a hold for toxicity and a resumption, recorded as two courses of one line, "
    "case 921); an ESR1 mutation found after the line started, or no ESR1 mutation on record. Replaces nothing: rule 53 speaks too.",
    effect="An action, before choosing: SERENA-6 switched the aromatase inhibitor to "
    "camizestrant and kept the CDK4/6 inhibitor, on the ESR1 mutation and before progression; "
    "its result (and its PIK3CA co-mutation subgroup's, for a PIK3CA mutation on record: case "
    "1063) and camizestrant's regulatory status as the pack records them. With no ESR1 "
    "mutation on record, the action says what one found by ctDNA without progression would "
    "mean: not progression, and not the options for it (case 594). An ESR1 mutation found during "
    "a first line with a CDK4/6 inhibitor outside that population (under 6 months, or no "
    "aromatase inhibitor): an action before choosing that it is not progression and that "
    "SERENA-6's switch is not shown there (8241, 8269).",
    codes=("serena6_switch", "serena6_monitoring", "serena6_outside"),
    trials=("SERENA-6",),
)
def serena6_switch(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    course = facts.current  # the ongoing course as recorded (rule 53)
    if course is None or len(facts.metastatic_lines) != 1:
        return
    if not _serena6_course(facts, course):
        yield from _outside(facts, course)  # 8241, 8269
        return
    found_figures = figures(ctx, "SERENA-6", None, "ITT")
    result = f" ({found_figures}, against continuing)" if found_figures else ""
    status = (
        f"Camizestrant: {_camizestrant_status(ctx, facts.decision_date)}; where it is not "
        "approved, within a trial."
    )
    st = facts.genes.get("ESR1")
    finding = st.finding if st is not None else None
    start = line_start(facts, course)
    if finding is None:
        yield PlanEffect(
            code="serena6_monitoring",
            first=True,
            text=f"An ESR1 test by ctDNA during first-line {' + '.join(course.drugs)}, with no "
            "progression: a mutation it finds without progression on imaging is not "
            "progression, and the options below, for progression, do not follow from it. "
            "SERENA-6 tested ctDNA every 2-3 months and, on a mutation, switched the aromatase "
            f"inhibitor to camizestrant and kept the CDK4/6 inhibitor{result}. {status}",
        )
        return
    found = finding.result
    if found.status is not BiomarkerStatus.MUTATED or (
        found.tested_on is not None and start is not None and found.tested_on < start
    ):
        return
    subgroup = figures(ctx, "SERENA-6", None, "PIK3CA-mutated")
    updated = figures(ctx, "SERENA-6", None, "ITT, updated analysis")
    if subgroup and updated and found_figures and facts.found("PIK3CA", BiomarkerStatus.MUTATED):
        # her own subgroup's result beside the whole trial's of the same analysis (1063, 1079)
        result = (
            f" ({found_figures}, against continuing; in its updated analysis {updated}, and "
            f"with a PIK3CA co-mutation {subgroup})"
        )
    yield PlanEffect(
        code="serena6_switch",
        first=True,
        text=f"ESR1 mutation {finding.describe()} during first-line {' + '.join(course.drugs)}, "
        "with no progression: SERENA-6 switched the aromatase inhibitor to camizestrant and kept "
        f"the CDK4/6 inhibitor{result}, on a mutation found before progression on imaging: "
        "restage first (CT and bone scan), since progression makes the options below apply "
        f"instead. {status}",
    )


def _outside(facts: Facts, course: Treatment) -> Iterator[PlanEffect]:
    """An ESR1 mutation found during a first line with a CDK4/6 inhibitor outside SERENA-6's
    population (under 6 months, or no aromatase inhibitor): not progression, and no switch
    shown (8241, 8269)."""
    st = facts.genes.get("ESR1")
    finding = st.finding if st is not None else None
    found = finding.result if finding is not None else None
    start = line_start(facts, course)
    if (
        finding is None
        or found is None
        or found.status is not BiomarkerStatus.MUTATED
        or DrugClass.CDK46_INHIBITOR not in course.drug_classes
        or (found.tested_on is not None and start is not None and found.tested_on < start)
    ):
        return
    why = (
        "this line gives no aromatase inhibitor"
        if not _ai_and_cdk46i(course)
        else "this line has run under 6 months"
    )
    yield PlanEffect(
        code="serena6_outside",
        first=True,
        text=f"ESR1 mutation {finding.describe()} during "
        f"first-line {' + '.join(course.drugs)}, with no progression: SERENA-6 enrolled after "
        f"6 months or more of an aromatase inhibitor with a CDK4/6 inhibitor, and {why}, so "
        "its switch to camizestrant is not shown here. A mutation found by ctDNA without "
        "progression on imaging is not progression: restage first (CT and bone scan), since "
        "the options below are for progression.",
    )


def _serena6_course(facts: Facts, course: Treatment) -> bool:
    """An aromatase inhibitor with a CDK4/6 inhibitor, started on a known date, given for 6
    months or more by the plan's date (from the line's start, ``_line_start``)."""
    months = course.duration_months(facts.decision_date)
    start = line_start(facts, course)
    return (
        _ai_and_cdk46i(course)
        and course.started_on is not None
        and start is not None
        and months is not None
        and months + calendar_months(start, course.started_on) >= SERENA6_MONTHS
    )


def _ai_and_cdk46i(course: Treatment) -> bool:
    return {DrugClass.CDK46_INHIBITOR, DrugClass.AROMATASE_INHIBITOR} <= course.drug_classes


def line_start(facts: Facts, course: Treatment) -> dt.date | None:
    """The first start of AI + CDK4/6 inhibitor in the line of the ongoing ``course``: a course
    held for toxicity and resumed, recorded as two courses of one line, is one first line
    (case 921)."""
    starts = (
        t.started_on
        for line in facts.metastatic_lines
        if any(t.started_on == course.started_on and t.drugs == course.drugs for t in line)
        for t in line
        if _ai_and_cdk46i(t) and t.started_on is not None
    )
    return min(starts, default=course.started_on)


def _camizestrant_status(ctx: Context, day: dt.date | None) -> str:
    """The pack's regulatory events for camizestrant up to the plan's date, each with its note
    (case 2199: an FDA 'no decision' dated to the ODAC vote it left out, and a CHMP opinion
    dated after the plan)."""
    return (
        "; ".join(
            f"{a.authority}: {a.status.value.replace('_', ' ')} ({a.date}"
            + (f"; {a.notes[0].rstrip('.')}" if a.notes else "")
            + ")"
            + (" (secondary reports)" if a.verification is Verification.SECONDARY else "")
            for a in ctx.evidence.approvals_for("camizestrant")
            if day is None or a.date is None or a.date <= day.isoformat()
        )
        or "no regulatory decision in the evidence pack by the plan's date"
    )
