"""The engine's memo: one bounded cache per (policy, evidence), keyed by factor, Inputs and
regimen. A factor's assessment is a function of exactly these, so the cache is correct by
construction: nothing outside the key can reach the rules.

First in, first out: a hit costs one dict lookup and no bookkeeping (an LRU's reordering on
every hit cost more than the few recomputations it saves on a cohort of distinct patients)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
LIMIT = 50_000  # factor tables, rows and ranked results together


class Memo(Generic[V]):
    """A bounded map; ``get_or(key, compute)`` computes on a miss and forgets the oldest entry
    once it holds ``limit``."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._data: dict[Hashable, V] = {}

    def get_or(self, key: Hashable, compute: Callable[[], V]) -> V:
        data = self._data
        value = data.get(key, _MISSING)
        if value is _MISSING:
            value = data[key] = compute()
            if len(data) > self.limit:
                del data[next(iter(data))]
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()


_MISSING: object = object()
