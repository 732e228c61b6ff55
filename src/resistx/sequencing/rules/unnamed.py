"""Rule 147: a CDK4/6-inhibitor course recorded without its drug ('CDK4/6 inhibitor'): which
one, before choosing (case 3140: abemaciclib + fulvestrant came first with nothing asking)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.vocab.drugs import UNSPECIFIED_CDK46I


# rule 147: a CDK4/6 inhibitor on record by its class alone: which one?
@rule(
    147,
    "A CDK4/6 inhibitor recorded by its class alone: ask which",
    None,
    condition="A course whose drugs hold 'CDK4/6 inhibitor' (the class, not the drug).",
    effect="An action, before choosing, to record which CDK4/6 inhibitor it was: whether a "
    "CDK4/6-inhibitor option gives the same drug again (rule 11) or another one (MAINTAIN "
    "switched palbociclib to ribociclib) turns on it (case 3140).",
    codes=("name_the_cdk46i",),
    trials=("MAINTAIN",),
)
def cdk46i_unnamed(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    where = [
        f"treatments[{i}]"
        for i, t in enumerate(facts.profile.treatments)
        if UNSPECIFIED_CDK46I in t.drugs
    ]
    if where:
        yield PlanEffect(
            code="name_the_cdk46i",
            first=True,
            text=f"Record which CDK4/6 inhibitor {' and '.join(where)} gave (palbociclib, "
            "ribociclib or abemaciclib), where it is known: the CDK4/6-inhibitor options below read it as any of "
            "them, and whether one gives the same drug again (rule 11) or another (MAINTAIN "
            "switched palbociclib to ribociclib) turns on it.",
        )
