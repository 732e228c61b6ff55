"""The engine's memo: one bounded cache per (policy, evidence), keyed by factor, Inputs and
regimen. A factor's assessment is a function of exactly these, so the cache is correct by
construction: nothing outside the key can reach the rules.

First in, first out: a hit costs one dict lookup and no bookkeeping (an LRU's reordering on
every hit cost more than the few recomputations it saves on a cohort of distinct patients).
Its maps are ``OrderedDict``s: a plain dict leaves each deleted oldest entry as a hole
that ``next(iter(d))`` walks past, so evicting from its front costs time in proportion to the
entries evicted before (about 9 us a call at 50,000; ``popitem(last=False)`` is constant)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
LIMIT = 50_000  # columns, rankings and since-review sections: one or a few per patient
LASTING = 50_000  # rule units, factor tables, rows, results: shared by many patients


class Memo(Generic[V]):
    """A bounded map; ``get_or(key, compute)`` computes on a miss and forgets the oldest entry
    once it holds ``limit``.

    ``lasting`` is a second map for the entries every later patient builds on (a factor's rule
    units and their stores, factor tables, rows, interned results): few and costly to rebuild,
    they are not pushed out by the many per-patient entries of a cohort, and start over only
    past their own limit."""

    def __init__(self, limit: int = LIMIT, lasting: int | None = LASTING) -> None:
        self.limit = limit
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self.lasting: Memo[V] = self if lasting is None else Memo(lasting, None)

    def get_or(self, key: Hashable, compute: Callable[[], V]) -> V:
        data = self._data
        value = data.get(key, _MISSING)
        if value is _MISSING:
            value = data[key] = compute()
            if len(data) > self.limit:
                if self.lasting is self:  # lasting: start over
                    data.clear()
                    data[key] = value
                else:
                    data.popitem(last=False)
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._data) + (len(self.lasting._data) if self.lasting is not self else 0)

    def clear(self) -> None:
        self._data.clear()
        self.lasting._data.clear()


_MISSING: object = object()
