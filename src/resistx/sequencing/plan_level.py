"""The plan-level rules: what a plan says before choosing (actions, the ones that change what
could be preferred first) and its notes, each naming its rule."""

from __future__ import annotations

from resistx.model.plan import Action
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, Rule


def plan_level(
    rules: tuple[Rule, ...], facts: Facts, ctx: Context
) -> tuple[tuple[Action, ...], tuple[str, ...]]:
    first: list[Action] = []
    later: list[Action] = []
    said: list[str] = []
    for r in rules:
        if r.plan is None:
            continue
        for e in r.plan(facts, ctx):
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
