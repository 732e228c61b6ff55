"""The plan: what sequencing gives back (CONTRACT section 4)."""

from __future__ import annotations

import datetime as dt

import attrs

from resistx.model.enums import ExclusionCode, Factor, Tier
from resistx.model.regimen import Regimen


@attrs.frozen(kw_only=True)
class Reason:
    """One plain sentence of why, from one factor, with the trials and references behind it."""

    factor: Factor
    code: str
    text: str
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class Caution:
    """An adverse-event or comorbidity warning with its figure and trial."""

    code: str
    text: str
    term: str | None = None
    percent: float | None = None
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class Action:
    """A step to take before choosing, e.g. retest ESR1 and PIK3CA on ctDNA."""

    code: str
    text: str
    genes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Scores:
    """One number per factor; higher is better. ``total`` orders the options."""

    molecular: float
    efficacy: float
    history: float
    balance: float

    @property
    def merit(self) -> float:
        """What the evidence says for this patient, before weighing toxicity and cost."""
        return self.molecular + self.efficacy + self.history

    @property
    def total(self) -> float:
        return self.merit + self.balance


@attrs.frozen(kw_only=True)
class Option:
    """An eligible regimen at its rank, with the reasons for its place."""

    rank: int
    regimen: Regimen
    tier: Tier
    scores: Scores
    reasons: tuple[Reason, ...]
    cautions: tuple[Caution, ...] = ()


@attrs.frozen(kw_only=True)
class Exclusion:
    """A regimen considered and left out; each reason's ``code`` is an ``ExclusionCode``."""

    regimen: Regimen
    reasons: tuple[Reason, ...]

    @property
    def codes(self) -> tuple[ExclusionCode, ...]:
        return tuple(ExclusionCode(r.code) for r in self.reasons)


@attrs.frozen(kw_only=True)
class Plan:
    """A ranked, explained plan. Decision support for clinicians, not a substitute for judgment."""

    patient_id: str | None = None
    as_of: dt.date | None = None
    options: tuple[Option, ...] = ()
    excluded: tuple[Exclusion, ...] = ()
    actions: tuple[Action, ...] = ()
    notes: tuple[str, ...] = ()
    evidence_version: str
    library_version: str
    disclaimer: str

    def option(self, regimen_id: str) -> Option | None:
        return next((o for o in self.options if o.regimen.id == regimen_id), None)

    def exclusion(self, regimen_id: str) -> Exclusion | None:
        return next((e for e in self.excluded if e.regimen.id == regimen_id), None)
