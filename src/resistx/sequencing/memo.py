"""The engine's memo: one bounded LRU cache per (policy, evidence), keyed by factor, Inputs and
regimen. A factor's assessment is a function of exactly these, so the cache is correct by
construction: nothing outside the key can reach the rules."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
LIMIT = 20_000  # tables of one factor for one Inputs value, each a result per regimen


class LRU(Generic[V]):
    """A bounded least-recently-used map; ``get_or(key, compute)`` computes on a miss."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get_or(self, key: Hashable, compute: Callable[[], V]) -> V:
        data = self._data
        try:
            value = data[key]
        except KeyError:
            self.misses += 1
            value = data[key] = compute()
            if len(data) > self.limit:
                data.popitem(last=False)
            return value
        self.hits += 1
        data.move_to_end(key)
        return value

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()
