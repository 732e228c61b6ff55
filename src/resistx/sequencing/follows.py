"""The orders a rule's reason states between two options ('after the PI3K/AKT-pathway
inhibitor', 'olaparib comes first, this after it'), kept by the order itself.

A rule's ceiling keeps such an order only while the two stand in different tiers: where
another rule (ER-low, a visceral crisis) makes both later options, the scores decided, and the
plan could rank an option above the one its own reason puts first (9650, 9674). An effect names
the kind of option it comes after (``Effect.after``); the ranking then moves the option to just
after the first option of that kind, where both stand under the same hard precedences (a hard
precedence, such as waiting on a test, still comes first) and that option is approved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Protocol, TypeVar

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds


def _olaparib(spec: RegimenSpec) -> bool:
    return spec.id == "olaparib"


def _endocrine_line(spec: RegimenSpec) -> bool:
    """An endocrine-based regimen with an endocrine drug: what rule 32 puts first."""
    return kinds.is_endocrine_based(spec) and kinds.has_endocrine_drug(spec)


#: the kinds of option a reason may say its option comes after
AFTER: MappingProxyType[str, Callable[[RegimenSpec], bool]] = MappingProxyType(
    {
        "pi3k_or_akt_inhibitor": kinds.has_pi3k_or_akt_inhibitor,
        "olaparib": _olaparib,
        "endocrine_line": _endocrine_line,
    }
)


class Placed(Protocol):
    """What the order reads of a ranked row (``ranking.Row``)."""

    @property
    def after(self) -> tuple[str, ...]: ...
    @property
    def spec(self) -> RegimenSpec: ...
    @property
    def hard(self) -> tuple[object, ...]: ...
    @property
    def approved(self) -> bool: ...


R = TypeVar("R", bound=Placed)


def kept_after(rows: Sequence[R]) -> list[R]:
    """``rows`` in order, each row whose reason puts it after a kind of option, none of which
    ranks above it, moved to just after the first such row below it under the same hard
    precedences. The last are moved first, so rows moved after the same option keep their
    order between them."""
    placed = list(rows)
    for row in reversed([r for r in rows if r.after]):
        i = placed.index(row)
        kinds_after = [AFTER[name] for name in row.after]
        if any(r.approved and any(k(r.spec) for k in kinds_after) for r in placed[:i]):
            continue  # one of that kind comes first already
        target = next(
            (
                k
                for k in range(i + 1, len(placed))
                if placed[k].approved
                and placed[k].hard == row.hard
                and any(is_kind(placed[k].spec) for is_kind in kinds_after)
            ),
            None,
        )
        if target is not None:
            placed.insert(target, placed.pop(i))
    return placed
