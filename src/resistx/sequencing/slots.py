"""Filling a plan's slots: memoised reasons name a finding by a slot (``keyed.keyed``), and
each plan puts the patient's own description of the result (date, sample, assay, variant) in
its place; the months on the CDK4/6 inhibitor (rule 18) likewise. Where the slots are is found
once per memoised result; only the options and exclusions whose texts hold one are copied."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

import attrs

from resistx.model.plan import Exclusion, Option, Reason
from resistx.sequencing.facts import Facts
from resistx.sequencing.findings import Finding
from resistx.sequencing.slot_marks import CDK46I_MONTHS, ESR1_BEFORE, SLOT, slot


def tenths(months: float) -> float:
    """Months to the tenth below, as a plan prints them beside a threshold: 5.97 is '5.9', never
    '6.0 (under 6)' (case 2165's recheck); at or above a whole threshold it stays so."""
    return math.floor(months * 10 + 1e-9) / 10


def descriptions(facts: Facts) -> dict[str, str]:
    """Each slot the patient's facts can fill, and the text it is filled with."""
    found = {
        slot(gene): st.finding.describe()
        for gene, st in facts.genes.items()
        if st.finding is not None
    }
    esr1 = facts.genes.get("ESR1")
    if esr1 is not None and (before := esr1.past_positive) is not None:
        found[slot(ESR1_BEFORE)] = Finding(result=before, stale=False).describe()
    if (months := facts.cdk46i_months) is not None:
        found[slot(CDK46I_MONTHS)] = f"{tenths(months):.1f}"
    elif (bound := facts.cdk46i_months_at_most) is not None:  # no end date (case 1542)
        found[slot(CDK46I_MONTHS)] = f"at most {tenths(bound):.1f}"
    return found


def _text(text: str, slots: dict[str, str]) -> str:
    # a slot is its name between two SLOT marks: the odd parts of a split are the names
    parts = text.split(SLOT)
    for k in range(1, len(parts) - 1, 2):
        mark = f"{SLOT}{parts[k]}{SLOT}"
        parts[k] = slots.get(mark, mark)
    return "".join(parts)


U = TypeVar("U", Option, Exclusion)
V = TypeVar("V", Reason, Option, Exclusion)


def _filled(items: tuple[Reason, ...], slots: dict[str, str]) -> tuple[Reason, ...]:
    return tuple(_replaced(x, text=_text(x.text, slots)) if SLOT in x.text else x for x in items)


_INIT: dict[type, tuple[str, ...]] = {}


def _replaced(x: V, **changes: object) -> V:
    """``attrs.evolve(x, **changes)`` for the plan's records, their field names looked up once
    per class rather than on every copy (a plan with slots copies a few dozen)."""
    cls = type(x)
    names = _INIT.get(cls)
    if names is None:
        names = _INIT[cls] = tuple(a.alias for a in attrs.fields(cls) if a.init)
    values = {n: getattr(x, n) for n in names}
    values.update(changes)
    return cls(**values)


def _copied(items: tuple[U, ...], where: tuple[int, ...], fill: Callable[[U], U]) -> tuple[U, ...]:
    """``items`` with the ones at ``where`` replaced by their filled copies."""
    if not where:
        return items
    copy = list(items)
    for n in where:
        copy[n] = fill(copy[n])
    return tuple(copy)


@attrs.frozen(kw_only=True, eq=False)  # one object per memoised result: a key by identity
class Ranked:
    """A memoised ranked result, and which of its options and exclusions hold a slot."""

    options: tuple[Option, ...]
    excluded: tuple[Exclusion, ...]
    slotted_options: tuple[int, ...]
    slotted_exclusions: tuple[int, ...]

    def option(self, regimen_id: str) -> Option | None:
        return next((o for o in self.options if o.regimen.id == regimen_id), None)

    def exclusion(self, regimen_id: str) -> Exclusion | None:
        return next((e for e in self.excluded if e.regimen.id == regimen_id), None)

    def filled(
        self, describe: Callable[[], dict[str, str]]
    ) -> tuple[tuple[Option, ...], tuple[Exclusion, ...]]:
        """The options and exclusions with every slot filled with the patient's own text
        (``describe()``: each slot's text, asked for only when a slot is there to fill)."""
        if not (self.slotted_options or self.slotted_exclusions):
            return self.options, self.excluded
        slots = describe()
        return (
            _copied(
                self.options,
                self.slotted_options,
                lambda o: _replaced(o, reasons=_filled(o.reasons, slots)),
            ),
            _copied(
                self.excluded,
                self.slotted_exclusions,
                lambda e: _replaced(e, reasons=_filled(e.reasons, slots)),
            ),
        )
