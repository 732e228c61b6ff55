"""Which progressed courses a policy's regimens can act on (rule 11 excludes on them)."""

from __future__ import annotations

from collections.abc import Iterable


class Coverage:
    """The drug sets of a policy's regimens, asked whether a course's drugs hold one of them
    (what rule 11 can exclude on); each distinct drug list is answered once. One per
    (policy, evidence): it hashes by identity."""

    __slots__ = ("_known", "_sets")

    def __init__(self, sets: Iterable[frozenset[str]]) -> None:
        self._sets = tuple(sets)
        self._known: dict[tuple[str, ...], bool] = {}

    def __call__(self, drugs: tuple[str, ...]) -> bool:
        found = self._known.get(drugs)
        if found is None:
            if len(self._known) >= _COVERAGE_LIMIT:
                self._known.clear()
            given = set(drugs)
            found = self._known[drugs] = any(s <= given for s in self._sets)
        return found


_COVERAGE_LIMIT = 4_096
