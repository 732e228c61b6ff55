"""A factor's assessment of one regimen, memoised on the Inputs fields it actually read.

A factor's Inputs hold everything any of its rules may read; the rules that concern one
regimen read a few of those fields, and which ones depends on the values (a rule that finds
no ESR1 mutation reads nothing more). On a miss the rules run over a recorder that notes each
field read and its value; the result is stored under those values. Another patient whose
Inputs hold the same values in those fields would make the rules read exactly the same fields
in the same order (each read depends only on the reads before it) and say exactly the same,
so the stored result is theirs: correct by construction, with no field list to keep by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from resistx.sequencing.assess import FactorResult

#: distinct value tuples kept per (factor, regimen, fields read); past it, that store starts over
LIMIT = 4_096


class _Recorder:
    """Stands in for an Inputs: each attribute read is passed through and written down."""

    __slots__ = ("_inputs", "read")

    def __init__(self, inputs: object) -> None:
        self._inputs = inputs
        self.read: dict[str, object] = {}

    def __getattr__(self, name: str) -> object:
        value = getattr(self._inputs, name)
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

    def assess(self, inputs: object, run: Callable[[object], FactorResult]) -> FactorResult:
        """The stored result for these Inputs, or ``run`` over a recorder, stored."""
        found = self.find(inputs)
        if found is not None:
            return found
        recorder = _Recorder(inputs)
        result = run(recorder)
        names = tuple(recorder.read)
        values = tuple(recorder.read.values())
        for known, _values_of, store in self._stores:
            if known == names:
                if len(store) >= LIMIT:
                    store.clear()
                store[values] = result
                return result
        self._stores.append((names, _getter(names), {values: result}))
        return result
