"""What one factor says about one regimen: a score, reasons, and any exclusion or caution."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import ExclusionCode, Factor
from resistx.model.plan import Caution, Reason


@attrs.frozen(kw_only=True)
class Assessment:
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()
    exclusions: tuple[Reason, ...] = ()
    cautions: tuple[Caution, ...] = ()


def reason(
    factor: Factor,
    code: str,
    text: str,
    evidence: EvidenceBase,
    trials: Iterable[str] = (),
    *,
    references: tuple[int, ...] = (),
) -> Reason:
    """A reason citing ``trials`` (with their review references) and any further references."""
    keys, numbers = evidence.refs(tuple(trials))
    if references:
        numbers = tuple(sorted({*numbers, *references}))
    return Reason(factor=factor, code=code, text=text, trials=keys, references=numbers)


def exclusion(
    code: ExclusionCode,
    factor: Factor,
    text: str,
    evidence: EvidenceBase,
    trials: Iterable[str] = (),
) -> Reason:
    return reason(factor, code.value, text, evidence, trials)


def num(value: float) -> str:
    """A figure as the review prints it (no trailing zeros)."""
    return f"{value:g}"
