"""Rule 122: a progression with no date leaves every test unplaced, and the CDK4/6
inhibitor's time unknown: ask for its date."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.sequencing.facts import PAM_GENES, Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.timing import before_choosing, for_next_line


# rule 122: a progression with no date leaves every test unplaced: ask for its date
@rule(
    122,
    "A progression with no date: record it",
    None,
    condition="A metastatic course ended in progression with no end date (months only, or no "
    "dates), not known to come before a dated one, and ESR1 or a PI3K-pathway gene tested on "
    "a recorded date.",
    effect="An action, when the retest comes before choosing, to record the course's end date "
    "(ended_on): until then no test can be shown to follow the latest progression, none is "
    "read as current (case 1030) and the retest is asked, which no new test could satisfy; "
    "the tests it leaves unplaced are named with their latest date (case 1428b). Where the "
    "course is the CDK4/6 inhibitor's and its start leaves it long enough not to be short, an "
    "action before choosing (outside a visceral crisis) to record it too: the time on it "
    "decides rule 18 and DESTINY-Breast06's entry (case 1579c).",
    codes=("date_progression", "date_cdk46i_progression"),
)
def date_progression(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    yield from _cdk46i_time_unknown(facts)
    dated = [  # a mutation found stands whenever it was found (case 1443: ESR1 was named)
        r
        for r in facts.biomarkers
        if r.gene in ("ESR1", *PAM_GENES) and r.tested_on is not None and not facts.found(r.gene)
    ]
    if not facts.unplaced or not dated:
        return
    courses = " and ".join(" + ".join(t.drugs) for t in facts.unplaced)
    genes = ", ".join(g for g in ("ESR1", *PAM_GENES) if any(r.gene == g for r in dated))
    latest = max(r.tested_on for r in dated if r.tested_on is not None)
    yield PlanEffect(
        code="date_progression",
        first=before_choosing(facts, endocrine=True),
        text=f"{courses} ended in progression with no end date on record: no test can be "
        f"shown to follow it, so the results of {genes} (the latest tested "
        f"{latest.isoformat()}) are not read as current and a retest is asked. Record when it "
        "progressed (ended_on): tests taken since then count, and need not be repeated."
        f"{for_next_line(facts, endocrine=True)}",
    )


def _cdk46i_time_unknown(facts: Facts) -> Iterator[PlanEffect]:
    """Rule 122 for the CDK4/6 inhibitor's time: measured by no course, a start on record with
    no end, long enough not to be read as short (case 1579c: the date decided the first
    option, and only a note said it was missing)."""
    if facts.cdk46i_months is not None or facts.short_cdk46i:
        return
    if facts.cdk46i_months_at_most is None:
        return
    limit = facts.preferences.short_cdk46i_months
    yield PlanEffect(
        code="date_cdk46i_progression",
        first=not facts.profile.visceral_crisis,
        text="The CDK4/6-inhibitor course that ended in progression has no end date (nor months) "
        "on record: record when it progressed (ended_on). The time on it decides whether it "
        f"was short (under {limit:g} months: rule 18 puts chemotherapy and the ADCs first) and "
        "whether the patient is within DESTINY-Breast06's entry (progression within 6 months on "
        "first-line endocrine therapy with a CDK4/6 inhibitor); until then it is read as not "
        "short.",
    )
