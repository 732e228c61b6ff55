"""The rule units the engine runs for each factor and regimen, once per policy: which units
concern a regimen is a function of the policy's rule tuple and the regimen's record alone."""

from __future__ import annotations

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.rule import Rule

FACTORS = (Factor.MOLECULAR, Factor.EFFICACY, Factor.HISTORY, Factor.BALANCE)

#: policies (rule tuples) kept; past it, the store starts over
POLICIES = 8


class Units:
    """A policy's rule units by factor, and for each (factor, regimen record) those that
    concern the regimen: a function of the rule tuple and the record only, so it outlives any
    one evidence base (a fresh copy of the evidence derives none of it again)."""

    __slots__ = ("_concerned", "by_factor", "planning", "rules")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.by_factor = {f: tuple(r for r in rules if r.factor is f) for f in FACTORS}
        #: the plan-level rules (actions and notes), in the policy's order
        self.planning = tuple(r for r in rules if r.plan is not None)
        self._concerned: dict[tuple[Factor, RegimenSpec], tuple[Rule, ...]] = {}

    def concerned(self, f: Factor, spec: RegimenSpec) -> tuple[Rule, ...]:
        found = self._concerned.get((f, spec))
        if found is None:
            if len(self._concerned) >= _CONCERNED_LIMIT:
                self._concerned.clear()
            found = self._concerned[f, spec] = tuple(
                r for r in self.by_factor[f] if r.regimens(spec)
            )
        return found


_CONCERNED_LIMIT = 4_096
_BY_RULES: dict[int, Units] = {}


def units_of(rules: tuple[Rule, ...]) -> Units:
    """A policy's ``Units``, kept by the identity of its rule tuple (two units can be equal as
    values and differ in the regimens they concern, so equality is not enough)."""
    found = _BY_RULES.get(id(rules))
    if found is None or found.rules is not rules:
        if len(_BY_RULES) >= POLICIES:
            _BY_RULES.clear()
        found = _BY_RULES[id(rules)] = Units(rules)
    return found
