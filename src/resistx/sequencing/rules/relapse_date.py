"""Rule 125: the date of relapse not recorded where the window after (neo)adjuvant endocrine
therapy turns on it (cases 1553, 1567): with nothing recorded since the course ended, the
window is measured to the decision date, which can fall after it when the relapse did not."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, DrugClass
from resistx.sequencing.ai_resistance import read_to_the_decision
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule

_INAVO120 = "inavolisib+palbociclib+fulvestrant"
#: what rule 125 says the date decides
_AI_RESISTANCE = (
    "a relapse within 12 months of an aromatase inhibitor's end is aromatase-inhibitor "
    "resistance, which the first-line trials of a CDK4/6 inhibitor with one did not enrol"
)
_INAVO120_POPULATION = (
    "with this PIK3CA mutation, a relapse within 12 months of adjuvant endocrine therapy is "
    "INAVO120's population (inavolisib + palbociclib + fulvestrant)"
)


# rule 125: the date of relapse not recorded where the window after adjuvant therapy turns on it
@rule(
    125,
    "The date of relapse not recorded where the window after adjuvant endocrine therapy "
    "turns on it",
    None,
    condition="No relapse date on record (relapsed_on, a course for metastatic disease begun, "
    "a progression) after a (neo)adjuvant course with an aromatase inhibitor, or, with a "
    "PIK3CA mutation and the inavolisib triplet in the policy's table, any (neo)adjuvant "
    "endocrine course, not ended in relapse, whose end is on record; and the decision date more "
    "than 12 months after that end, within 12 more (the window is read to the decision date, "
    "which may fall after it when the relapse did not: cases 1553, 1567).",
    effect="An action, before choosing outside a visceral crisis, to record the date the "
    "relapse was diagnosed (relapsed_on): a relapse within 12 months of an aromatase "
    "inhibitor's end is aromatase-inhibitor resistance, outside the first-line trials of a "
    "CDK4/6 inhibitor with one, and within 12 months of any adjuvant endocrine therapy, with a "
    "PIK3CA mutation, INAVO120's population. A decision later than that is taken as no doubt.",
    codes=("date_relapse",),
    trials=("INAVO120",),
)
def date_relapse(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    inavo120 = _INAVO120 in ctx.regimens and facts.found("PIK3CA", BiomarkerStatus.MUTATED)
    courses = [
        t
        for t in facts.in_order
        if (inavo120 or DrugClass.AROMATASE_INHIBITOR in t.drug_classes)
        and read_to_the_decision(facts, t)
    ]
    if not courses:
        return
    named = " and ".join(
        f"{' + '.join(t.drugs)} (ended {t.end_date.isoformat()})" for t in courses if t.end_date
    )
    said = []
    if any(DrugClass.AROMATASE_INHIBITOR in t.drug_classes for t in courses):
        said.append(_AI_RESISTANCE)
    if inavo120:
        said.append(_INAVO120_POPULATION)
    yield PlanEffect(
        code="date_relapse",
        first=not facts.profile.visceral_crisis,
        text=f"The date of the relapse is not recorded: the 12-month window after (neo)adjuvant "
        f"{named} is measured to the decision date, which falls after it, so the relapse is "
        "read as after the window. Record the date the relapse was diagnosed (relapsed_on): "
        f"{'; '.join(said)}.",
    )
