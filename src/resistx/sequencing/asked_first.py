"""What the newer policy alone asks before choosing, for a default plan's ``since_review``
section (9053: SERENA-6's switch was the newer plan's first step and nowhere in the default
plan)."""

from __future__ import annotations

from resistx.model.plan import Change, SinceReview
from resistx.sequencing.facts import Facts
from resistx.sequencing.plan_level import plan_level
from resistx.sequencing.policy import Policy
from resistx.sequencing.rule import Context, Rule
from resistx.sequencing.since import how_of
from resistx.sequencing.slots import Ranked
from resistx.sequencing.units import units_of


def asked_first(
    older: Policy, newer: Policy, facts: Facts, ctx: Context, theirs: Ranked
) -> tuple[SinceReview, ...]:
    """The entries for the actions the newer policy's own plan-level rules ask before choosing
    (9053: SERENA-6's switch was in the newer plan's first steps and nowhere in the default
    plan): no regimen, the action's own text, its rule and the rule's trials."""
    rules = _own_planning(older.rules, newer.rules)
    held = ({o.regimen.kind for o in theirs.options}, {o.regimen.id for o in theirs.options})
    actions, _notes = plan_level(tuple(rules.values()), facts, ctx, held)
    return tuple(
        SinceReview(
            change=Change.ASKED_FIRST,
            regimen="",
            text=f"{newer.name} asks before choosing: {a.text}",
            policy=newer.name,
            evidence_version=ctx.evidence.version,
            trials=rules[a.rule].trials if a.rule in rules else (),
            rules=(a.rule,) if a.rule is not None else (),
            how=how_of(newer),
        )
        for a in actions
        if a.before_choosing
    )


#: the newer policy's own plan-level rules, by the identity of the two rule tuples (held in
#: the entry, so that an id is not reused while it stands): worked out once, not each plan
_OWN: dict[tuple[int, int], tuple[tuple[Rule, ...], tuple[Rule, ...], dict[int, Rule]]] = {}


def _own_planning(older: tuple[Rule, ...], newer: tuple[Rule, ...]) -> dict[int, Rule]:
    found = _OWN.get((id(older), id(newer)))
    if found is None or found[0] is not older or found[1] is not newer:
        if len(_OWN) >= _OWN_LIMIT:
            _OWN.clear()
        numbers = {r.number for r in older}
        own = {r.number: r for r in units_of(newer).planning if r.number not in numbers}
        found = _OWN[(id(older), id(newer))] = (older, newer, own)
    return found[2]


_OWN_LIMIT = 8
