"""The one combiner: four assessments per regimen -> a total, deterministic order and tiers."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

import attrs

from resistx.model.enums import Tier
from resistx.model.plan import Caution, Exclusion, Option, Reason, Scores
from resistx.model.regimen import Regimen
from resistx.sequencing._assessment import Assessment
from resistx.sequencing._once import once

# Tiers read the clinical merit (molecular + efficacy + history): what the review's evidence
# prefers for this patient. Within a tier the balance factor orders, so preferences and
# toxicity reorder options without relabelling what the evidence says.
PREFERRED_FROM = 4.5
ALTERNATIVE_FROM = 2.0


@attrs.frozen(kw_only=True, slots=False)  # a __dict__, where ``once`` stores the scores
class Assessed:
    regimen: Regimen
    molecular: Assessment
    efficacy: Assessment
    history: Assessment
    balance: Assessment

    @once
    def parts(self) -> tuple[Assessment, ...]:
        return (self.molecular, self.efficacy, self.history, self.balance)

    @once
    def exclusions(self) -> tuple[Reason, ...]:
        return tuple(r for a in self.parts for r in a.exclusions)

    @once
    def band(self) -> int:
        merit = round(self.scores.merit, 6)  # no knife edge from float sums
        return 0 if merit >= PREFERRED_FROM else 1 if merit >= ALTERNATIVE_FROM else 2

    @once
    def scores(self) -> Scores:
        return Scores(
            molecular=round(self.molecular.score, 6),
            efficacy=round(self.efficacy.score, 6),
            history=round(self.history.score, 6),
            balance=round(self.balance.score, 6),
        )


def band(a: Assessed) -> int:
    """0 preferred, 1 alternative, 2 later: what the clinical merit says, for every option."""
    return a.band


def order_key(a: Assessed) -> tuple[int, float, str]:
    """Best first: the merit band, then the higher total, then the regimen id (the tiebreak).

    Ordering by band first keeps the tiers in rank order; a trial option takes the place its
    merit gives it and is labelled ``trial``.
    """
    return (band(a), -round(a.scores.total, 6), a.regimen.id)


def tier(a: Assessed) -> Tier:
    if a.regimen.is_trial:
        return Tier.TRIAL
    return (Tier.PREFERRED, Tier.ALTERNATIVE, Tier.LATER)[band(a)]


def combine(assessed: list[Assessed]) -> tuple[tuple[Option, ...], tuple[Exclusion, ...]]:
    eligible = sorted((a for a in assessed if not a.exclusions), key=order_key)
    options = tuple(
        Option(
            rank=i,
            regimen=a.regimen,
            tier=tier(a),
            scores=a.scores,
            reasons=tuple(chain.from_iterable(part.reasons for part in a.parts)),
            cautions=_unique(chain.from_iterable(part.cautions for part in a.parts)),
        )
        for i, a in enumerate(eligible, start=1)
    )
    excluded = tuple(
        Exclusion(regimen=a.regimen, reasons=a.exclusions)
        for a in sorted((a for a in assessed if a.exclusions), key=lambda a: a.regimen.id)
    )
    return options, excluded


def _unique(cautions: Iterable[Caution]) -> tuple[Caution, ...]:
    """Each caution once (two factors can raise the same one)."""
    seen: dict[str, Caution] = {}
    for c in cautions:
        seen.setdefault(c.text, c)
    return tuple(seen.values())
