"""Running a factor's rule units over one regimen: effects in, one ``FactorResult`` out.

The result is a function of (rules, Inputs, regimen record, context) only, which is what the
engine's memo keys on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter

import attrs

from resistx.model.enums import Factor
from resistx.model.plan import Caution, Reason
from resistx.sequencing.rule import Context, Effect, Precedence, Rule


# part of the row memo key: the engine interns results (one object per value, ``value``), so
# they hash and compare by identity, at C speed (a plan's key holds about a hundred of them)
@attrs.frozen(kw_only=True, eq=False)
class FactorResult:
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()
    exclusions: tuple[Reason, ...] = ()
    cautions: tuple[Caution, ...] = ()
    demotions: frozenset[Precedence] = frozenset()
    waits_on: tuple[str, ...] = ()
    ceiling: int = 0
    at_least: int = 2  # the worst tier its rules allow (``Effect.at_least``)
    investigational: bool = False  # a rule found it unapproved at the plan's date
    after: tuple[str, ...] = ()  # the kinds of option its reasons say it comes after
    before: tuple[str, ...] = ()  # ... and before

    def value(self) -> tuple[object, ...]:
        """What makes two results the same: every field."""
        return _fields(self)


_fields = attrgetter(*(a.name for a in attrs.fields(FactorResult)))


def cite(
    ctx: Context, trials: Iterable[str], references: Iterable[int] = ()
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Canonical trial keys and the review references of the trials and given numbers.

    An unknown trial name is a bug in a rule or a regimen table: it raises ``KeyError``."""
    key = (tuple(trials), tuple(references))
    cited = ctx.citations.get(key)
    if cited is None:
        found = [ctx.evidence.trial(t) for t in key[0]]
        keys = tuple(dict.fromkeys(t.key for t in found))
        numbers = tuple(sorted({n for t in found for n in t.references} | set(key[1])))
        cited = ctx.citations[key] = (keys, numbers)
    return cited


def reason(rule: Rule, factor: Factor, e: Effect, ctx: Context) -> Reason:
    keys, numbers = cite(ctx, e.trials, e.references)
    return Reason(
        factor=factor, code=e.code, text=e.text, trials=keys, references=numbers, rule=rule.number
    )


def caution(rule: Rule, e: Effect, ctx: Context) -> Caution:
    keys, numbers = cite(ctx, e.trials, e.references)
    return Caution(
        code=e.code,
        text=e.text,
        term=e.term,
        percent=e.percent,
        trials=keys,
        references=numbers,
        rule=rule.number,
    )


#: the effects of the k-th rule of a factor's units for one regimen (the engine gives them
#: from a store where it can: ``tracked.Shapes.within``)
Effects = Callable[[int, Rule], Iterable[Effect]]


def assess(factor: Factor, rules: tuple[Rule, ...], effects: Effects, ctx: Context) -> FactorResult:
    """A factor's rules over one regimen, from each rule's ``effects`` (the rule run over the
    factor's Inputs, or stored); the fallback speaks only if no other rule did."""
    said: list[tuple[Rule, Effect]] = []
    warned: list[tuple[Rule, Effect]] = []
    excluded: list[Reason] = []
    for k, r in enumerate(rules):
        if r.fallback or r.assess is None:
            continue
        for e in effects(k, r):
            if e.exclude is not None:
                excluded.append(reason(r, factor, e, ctx))
            elif e.caution:
                warned.append((r, e))
            else:
                said.append((r, e))
    if excluded:
        return FactorResult(exclusions=tuple(excluded))
    if not said:
        for k, r in enumerate(rules):
            if r.fallback and r.assess is not None:
                said.extend((r, e) for e in effects(k, r))
    if any(e.leads or e.ceiling for _, e in said):
        # stable: leading reasons first, then those that cap the tier (what places the option),
        # then rule order
        said.sort(key=lambda re: (not re[1].leads, not re[1].ceiling))
    cautions: dict[str, Caution] = {}
    for r, e in warned:
        if e.text not in cautions:
            cautions[e.text] = caution(r, e, ctx)
    score = 0.0
    ceiling = 0
    at_least = 2
    demotions: set[Precedence] = set()
    waits: list[str] = []
    unapproved = False
    for _, e in said:
        unapproved = unapproved or e.investigational
        score += e.delta
        ceiling = max(ceiling, e.ceiling)
        at_least = min(at_least, e.at_least)
        if e.demote is not None:
            demotions.add(e.demote)
        if e.waits_on and e.waits_on not in waits:
            waits.append(e.waits_on)
    if waits:
        demotions.add(Precedence.WAITS_ON_TEST)
    return FactorResult(
        score=round(score, 6),
        reasons=tuple(reason(r, factor, e, ctx) for r, e in said),
        cautions=tuple(cautions.values()),
        demotions=frozenset(demotions),
        waits_on=tuple(waits),
        ceiling=ceiling,
        at_least=at_least,
        investigational=unapproved,
        after=tuple(dict.fromkeys(e.after for _, e in said if e.after)),  # each kind once
        before=tuple(dict.fromkeys(e.before for _, e in said if e.before)),
    )
