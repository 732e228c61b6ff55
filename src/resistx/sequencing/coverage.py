"""What a patient's Inputs read of a policy's regimen table: which progressed courses its
regimens can act on (the history's, rule 11 excludes on them), and which regimens it dates a
first approval for (the efficacy's, rule 46: not yet approved at an earlier decision date)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resistx.sequencing.facts import Facts


class Coverage:
    """The drug sets of a policy's regimens, asked whether a course's drugs hold one of them
    (what rule 11 can exclude on); each distinct drug list is answered once. One per
    (policy, evidence): it hashes by identity."""

    __slots__ = ("_dates", "_known", "_later", "_sets")

    def __init__(
        self, sets: Iterable[frozenset[str]], approvals: Iterable[tuple[str, str]] = ()
    ) -> None:
        """``approvals``: (ISO date, regimen id) of each first approval the table dates."""
        self._sets = tuple(sets)
        self._known: dict[tuple[str, ...], bool] = {}
        dated = sorted(approvals)
        self._dates = [date for date, _ in dated]
        # the regimens approved after the n-th date, for each n: few distinct answers
        self._later = [frozenset(rid for _, rid in dated[n:]) for n in range(len(dated) + 1)]

    def unapproved(self, day: dt.date | None) -> frozenset[str]:
        """The regimens whose first approval came after ``day`` (none where it is unknown)."""
        if day is None:
            return frozenset()
        return self._later[bisect_right(self._dates, day.isoformat())]

    def __call__(self, drugs: tuple[str, ...]) -> bool:
        found = self._known.get(drugs)
        if found is None:
            if len(self._known) >= _COVERAGE_LIMIT:
                self._known.clear()
            given = set(drugs)
            found = self._known[drugs] = any(s <= given for s in self._sets)
        return found


_COVERAGE_LIMIT = 4_096


#: the ECOG from which rule 13 ranks a regimen approved after the plan's date as investigational
POOR_PERFORMANCE = 3


def unapproved_for(facts: Facts, covers: Coverage) -> frozenset[str]:
    """The regimens approved after the plan's date, at ECOG 3-4 only: rule 13 alone reads
    them, and only there (else the history's key would part patients by date for nothing)."""
    poor = facts.profile.ecog is not None and facts.profile.ecog >= POOR_PERFORMANCE
    return covers.unapproved(facts.decision_date) if poor else frozenset()
