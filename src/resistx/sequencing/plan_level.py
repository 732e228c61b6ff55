"""The plan-level rules: what a plan says before choosing (actions, the ones that change what
could be preferred first) and its notes, each naming its rule."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from resistx.model.enums import RegimenKind
from resistx.model.plan import Action
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, Rule


def plan_level(
    rules: tuple[Rule, ...],
    facts: Facts,
    ctx: Context,
    ranked: tuple[AbstractSet[RegimenKind | None], AbstractSet[str]],
) -> tuple[tuple[Action, ...], tuple[str, ...]]:
    """The actions and notes of the plan-level rules; ``ranked``: the kinds of regimen and the
    regimens the plan ranks (what an effect about some of them only is said for)."""
    kinds, ids = ranked
    first: list[Action] = []
    later: list[Action] = []
    said: list[str] = []
    for r in rules:
        if r.plan is None:
            continue
        for e in r.plan(facts, ctx):
            if (e.kinds and not e.kinds & kinds) or (e.regimens and not e.regimens & ids):
                continue  # about options the plan does not hold (the ADC question, session 57)
            if e.note:  # a plan's notes are text: the rule is named in it
                said.append(f"{e.text} (rule {r.number})")
            else:
                (first if e.first else later).append(
                    Action(
                        code=e.code,
                        text=e.text,
                        genes=e.genes,
                        rule=r.number,
                        before_choosing=e.first,
                    )
                )
    return (*first, *later), tuple(said)
