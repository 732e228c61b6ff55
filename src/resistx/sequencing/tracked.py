"""A factor's assessment of one regimen, memoised on the Inputs fields it actually read.

A factor's Inputs hold everything any of its rules may read; the rules that concern one
regimen read a few of those fields, and which ones depends on the values (a rule that finds
no ESR1 mutation reads nothing more). On a miss the rules run over a recorder that notes each
field read and its value; the result is stored under those values. Another patient whose
Inputs hold the same values in those fields would make the rules read exactly the same fields
in the same order (each read depends only on the reads before it) and say exactly the same,
so the stored result is theirs: correct by construction, with no field list to keep by hand.

The same holds for each rule on its own (``Shapes.within``): on a factor's miss, a rule whose
fields hold values it has met before gives its stored effects without running, and its reads
are passed on to the factor's recorder as if it had run (a factor's miss usually differs from
a stored one in a field or two, which most of its rules never read).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from resistx.sequencing.assess import FactorResult

#: distinct value tuples kept per (factor, regimen, fields read); past it, that store starts over
LIMIT = 4_096


class Recorder:
    """Stands in for an Inputs: each attribute read is passed through and written down."""

    __slots__ = ("inputs", "read")

    def __init__(self, inputs: object) -> None:
        self.inputs = inputs
        self.read: dict[str, object] = {}

    def __getattr__(self, name: str) -> object:
        value = getattr(self.inputs, name)
        self.read.setdefault(name, value)
        return value


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    if not names:
        return lambda _inputs: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda inputs: (one(inputs),)
    return attrgetter(*names)


class Shapes:
    """The stores of one (factor, regimen): one per set of fields its rules have read."""

    __slots__ = ("_stores",)

    def __init__(self) -> None:
        self._stores: list[tuple[tuple[str, ...], Callable[[object], Any], dict[Any, Any]]] = []

    def find(self, inputs: object) -> FactorResult | None:
        for _names, values_of, store in self._stores:
            found: FactorResult | None = store.get(values_of(inputs))
            if found is not None:
                return found
        return None

    def assess(self, inputs: object, run: Callable[[Recorder], FactorResult]) -> FactorResult:
        """The stored result for these Inputs, or ``run`` over a recorder, stored."""
        found = self.find(inputs)
        if found is not None:
            return found
        recorder = Recorder(inputs)
        result = run(recorder)
        self._keep(recorder.read, result)
        return result

    def within(self, outer: Recorder, run: Callable[[Recorder], Any]) -> Any:
        """One rule's stored effects for the Inputs ``outer`` records, or ``run`` over a
        recorder of its own, stored; either way its reads are written to ``outer`` in the order
        the rule makes them, as if it had run over ``outer`` itself."""
        inputs, read = outer.inputs, outer.read
        for names, values_of, store in self._stores:
            values = values_of(inputs)
            found = store.get(values)
            if found is not None:
                for name, value in zip(names, values, strict=True):
                    read.setdefault(name, value)
                return found
        recorder = Recorder(inputs)
        result = run(recorder)
        for name, value in recorder.read.items():
            read.setdefault(name, value)
        self._keep(recorder.read, result)
        return result

    def _keep(self, read: dict[str, object], result: Any) -> None:
        names = tuple(read)
        values = tuple(read.values())
        for known, _values_of, store in self._stores:
            if known == names:
                if len(store) >= LIMIT:
                    store.clear()
                store[values] = result
                return
        self._stores.append((names, _getter(names), {values: result}))
