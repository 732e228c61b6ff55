"""The orders a rule's reason states between two options ('after the PI3K/AKT-pathway
inhibitor', 'olaparib comes first, this after it', 'not below chemotherapy'), kept by the order
itself.

A rule's ceiling keeps such an order only while the two stand in different tiers: where
another rule (ER-low, a visceral crisis) makes both later options, the scores decided, and the
plan could rank an option above the one its own reason puts first (9650, 9674). An effect names
the kind of option it comes after (``Effect.after``) or before (``Effect.before``); the ranking
then moves the option to just after the first option of that kind below it, or to just before
the first one above it, where both stand under the same hard precedences (a hard precedence,
such as waiting on a test, still comes first) and that option is approved. An order one option
of the kind already keeps moves nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Protocol, TypeVar

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds


def _olaparib(spec: RegimenSpec) -> bool:
    return spec.id == "olaparib"


#: the kinds of option a reason may say its option comes after or before
KINDS: MappingProxyType[str, Callable[[RegimenSpec], bool]] = MappingProxyType(
    {
        "pi3k_or_akt_inhibitor": kinds.has_pi3k_or_akt_inhibitor,
        "olaparib": _olaparib,
        "chemotherapy": kinds.is_chemotherapy,
    }
)


class Placed(Protocol):
    """What the order reads of a ranked row (``ranking.Row``)."""

    @property
    def after(self) -> tuple[str, ...]: ...
    @property
    def before(self) -> tuple[str, ...]: ...
    @property
    def spec(self) -> RegimenSpec: ...
    @property
    def hard(self) -> tuple[object, ...]: ...
    @property
    def band(self) -> object: ...
    @property
    def approved(self) -> bool: ...


R = TypeVar("R", bound=Placed)


def _of(row: Placed, names: tuple[str, ...]) -> bool:
    """An approved row of one of the kinds named."""
    return row.approved and any(KINDS[name](row.spec) for name in names)


def _below(placed: list[R], i: int, kind: str) -> int:
    """Where the row at ``i``, said to come after ``kind``, goes: the index of the first
    approved row of that kind below it under the same hard precedences, or -1 where one ranks
    above it already (each kind on its own: 9801, sacituzumab govitecan after olaparib and
    after chemotherapy, with olaparib above it) or none is below."""
    row = placed[i]
    if any(_of(r, (kind,)) for r in placed[:i]):
        return -1
    below = (k for k in range(i + 1, len(placed)) if placed[k].hard == row.hard)
    return next((k for k in below if _of(placed[k], (kind,))), -1)


def kept_in_order(rows: Sequence[R]) -> list[R]:
    """``rows`` in order, each row whose reason puts it after kinds of option moved to just
    after the first row below it of each kind none of which ranks above it, under the same
    hard precedences (the lowest of them); then each row whose reason puts it before a kind,
    one of which ranks above it, moved to just before the first such row under the same hard
    precedences and in the same band (tier standing: no option it passes is pulled down a
    tier). The last are moved first, so rows moved after the same option keep their order
    between them."""
    placed = list(rows)
    stating = [r for r in rows if r.after]
    for _ in stating:  # again while a move undoes another's (the stated orders form no cycle)
        moved = False
        for row in reversed(stating):
            i = placed.index(row)
            target = max((_below(placed, i, kind) for kind in row.after), default=-1)
            if target > i:
                placed.insert(target, placed.pop(i))
                moved = True
        if not moved:
            break
    for row in [r for r in rows if r.before]:
        i = placed.index(row)
        above = [k for k in range(i) if _of(placed[k], row.before)]
        # and in the same band: moving up must not pull the options it passes down a tier
        if above and (placed[above[0]].hard, placed[above[0]].band) == (row.hard, row.band):
            placed.insert(above[0], placed.pop(i))
    return placed
