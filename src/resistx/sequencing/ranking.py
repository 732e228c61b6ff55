"""The one order: exclusions out, then the hard precedences, then the tier, then the total.

The sort key, in order:

1. visceral crisis: chemotherapy before everything else (rule 7);
2. ECOG 3-4: non-intensive approved options before intensive and investigational ones, and
   endocrine monotherapy before the other options (rule 13);
3. a relative contraindication (everolimus with interstitial lung disease, ribociclib with heart disease or bradycardia) after every option
   without one, even those waiting on a test (rule 12);
4. an option that waits on a missing test after every option that does not (rules 2, 3);
5. the merit band (preferred, alternative, later; a rule may cap it, or keep it at least an
   alternative: rule 4's further chemotherapy agent, under any cap), with enrolment in an open
   trial after the approved options of its band and of the bands above it, and a regimen that
   is investigational outside a listed trial (rule 24), or not yet approved at the plan's
   date (rule 46), after every approved option;
6. within the band, an ADC whose place waits on the patient's word after the options she or he
   accepts (rule 148: chemotherapy declined, not the ADCs);
7. the higher total score;
8. tied, the option its factors cap less (the sum of their caps: a label's 'at best an alternative' under a
   crisis's 'later': olaparib after talazoparib, 7299);
9. the regimen id, the deterministic tiebreak.

Then an option whose reason puts it after a kind of option (``follows``) moves to just after
the first such approved option under the same hard precedences (1-4), each kind it names on its
own, and one whose reason puts it before a kind moves to just before the first such option above
it.

Tiers read the clinical merit (molecular + efficacy + history); the balance factor orders
within a tier. A demoted or waiting option never carries a better tier than one above it.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

import attrs

from resistx.model.enums import Tier
from resistx.model.plan import Caution, Exclusion, Option, Reason, Scores
from resistx.model.regimen import Regimen, RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.assess import FactorResult
from resistx.sequencing.follows import kept_in_order
from resistx.sequencing.rule import Precedence
from resistx.sequencing.slot_marks import SLOT
from resistx.sequencing.slots import Ranked
from resistx.sequencing.weights import Weights

_TIERS = (Tier.PREFERRED, Tier.ALTERNATIVE, Tier.LATER)
#: the hard orderings before the band (iterating the enum class itself costs more on every
#: row); rule 148's orders within the band
_PRECEDENCES = tuple(p for p in Precedence if p is not Precedence.REFUSAL_UNCLEAR)


@attrs.frozen(kw_only=True)
class Assessed:
    """One regimen's four factor results, and what the order reads from them (computed once)."""

    spec: RegimenSpec
    parts: tuple[FactorResult, FactorResult, FactorResult, FactorResult]  # M, E, H, B
    exclusions: tuple[Reason, ...]
    scores: Scores
    demotions: frozenset[Precedence]
    waits_on: tuple[str, ...]
    ceiling: int  # the best tier a rule allows it (0 any, 1 alternative, 2 later)
    at_least: int  # the worst tier a rule allows it (2 any, 1 alternative), under the ceiling
    #: investigational in this setting (the table), or not yet approved at the plan's date
    investigational: bool
    after: tuple[str, ...]  # the kinds of option its reasons put before it (``follows``)
    before: tuple[str, ...]  # ... and after it

    @classmethod
    def of(
        cls, spec: RegimenSpec, parts: tuple[FactorResult, FactorResult, FactorResult, FactorResult]
    ) -> Assessed:
        m, e, h, b = parts
        waits = m.waits_on + e.waits_on + h.waits_on + b.waits_on
        return cls(
            spec=spec,
            parts=parts,
            exclusions=m.exclusions + e.exclusions + h.exclusions + b.exclusions,
            scores=Scores(molecular=m.score, efficacy=e.score, history=h.score, balance=b.score),
            demotions=m.demotions | e.demotions | h.demotions | b.demotions,
            waits_on=tuple(dict.fromkeys(waits)) if waits else (),
            ceiling=max(m.ceiling, e.ceiling, h.ceiling, b.ceiling),
            at_least=min(m.at_least, e.at_least, h.at_least, b.at_least),
            investigational=spec.regulatory.investigational
            or m.investigational
            or e.investigational
            or h.investigational
            or b.investigational,
            after=m.after + e.after + h.after + b.after,
            before=m.before + e.before + h.before + b.before,
        )


def band(a: Assessed, w: Weights) -> int:
    """0 preferred, 1 alternative, 2 later: what the clinical merit says, no worse than the tier a
    rule keeps it at (another chemotherapy agent after a chemotherapy line: rule 4), within the
    ceiling a rule sets (an ADC before its chemotherapy lines, a non-cytotoxic option in
    visceral crisis): a ceiling caps it."""
    merit = round(a.scores.merit, 6)  # no knife edge from float sums
    own = 0 if merit >= w.preferred_from else 1 if merit >= w.alternative_from else 2
    return max(min(own, a.at_least), a.ceiling)


def standing(a: Assessed, w: Weights) -> int:
    """Approved: 0, 2, 4 by band. Trial enrolment: 3 above 'later' merit, else 5. A regimen
    that is investigational in this setting, outside a listed open trial: 5, after every
    approved option; so is one not yet approved at the plan's date (rule 46)."""
    b = band(a, w)
    if not a.investigational:
        return 2 * b
    if kinds.is_trial(a.spec) and b < 2:
        return 3
    return 5


def order_key(a: Assessed, w: Weights) -> tuple[object, ...]:
    demoted = a.demotions
    return (
        *(p in demoted for p in _PRECEDENCES),
        standing(a, w),
        Precedence.REFUSAL_UNCLEAR in demoted,
        -round(a.scores.total, 6),
        sum(p.ceiling for p in a.parts),  # tied: the one more factors cap after (7299)
        a.spec.id,
    )


@attrs.frozen(kw_only=True, eq=False)
class Row:
    """One regimen's assessment with what the order and the plan read from it, computed once
    per (regimen, four factor results) and shared by every plan that has the same four."""

    assessed: Assessed
    key: tuple[object, ...]  # its order key
    regimen: Regimen
    reasons: tuple[Reason, ...]
    cautions: tuple[Caution, ...]
    slotted: bool  # a text holds a slot (``slots``) that each plan fills with its own finding
    exclusion: Exclusion | None  # when a rule leaves it out: plans share it too
    #: its own tier index before the floor (2 when it waits on a test), or None: tier trial
    own: int | None
    moves: bool  # a reason states an order to keep (``follows``): most rows have none
    #: its Option at each (rank, tier) it has been given: plans share them too
    options: dict[tuple[int, Tier], Option] = attrs.field(factory=dict)

    @classmethod
    def of(cls, a: Assessed, w: Weights) -> Row:
        return cls(
            assessed=a,
            key=order_key(a, w),
            regimen=(regimen := kinds.regimen(a.spec)),
            reasons=(reasons := tuple(chain.from_iterable(p.reasons for p in a.parts))),
            cautions=_cautions(a.parts),
            # no caution names a finding: only reasons and exclusions hold slots
            slotted=any(SLOT in t.text for t in (*reasons, *a.exclusions)),
            exclusion=Exclusion(regimen=regimen, reasons=a.exclusions) if a.exclusions else None,
            own=None if a.investigational else 2 if a.waits_on else band(a, w),
            moves=bool(a.after or a.before),
        )

    @property
    def after(self) -> tuple[str, ...]:
        return self.assessed.after

    @property
    def before(self) -> tuple[str, ...]:
        return self.assessed.before

    @property
    def spec(self) -> RegimenSpec:
        return self.assessed.spec

    @property
    def hard(self) -> tuple[object, ...]:
        """Its hard precedences (the first parts of its order key)."""
        return self.key[: len(_PRECEDENCES)]

    @property
    def band(self) -> object:
        """Its standing (``standing``: tier band, approved or not), after the hard ones."""
        return self.key[len(_PRECEDENCES)]

    @property
    def approved(self) -> bool:
        return self.own is not None

    def option(self, rank: int, tier: Tier) -> Option:
        found = self.options.get((rank, tier))
        if found is None:
            a = self.assessed
            found = self.options[rank, tier] = Option(
                rank=rank,
                regimen=self.regimen,
                tier=tier,
                scores=a.scores,
                reasons=self.reasons,
                cautions=self.cautions,
                waits_on=a.waits_on,
            )
        return found


_KEY = attrgetter("key")


def combine(rows: list[Row]) -> Ranked:
    eligible = sorted([r for r in rows if r.exclusion is None], key=_KEY)
    if any(r.moves for r in eligible):
        eligible = kept_in_order(eligible)
    options: list[Option] = []
    floor = 0  # the worst tier so far among approved options: tiers never improve down the list
    for rank, r in enumerate(eligible, start=1):
        own = r.own
        if own is None:
            options.append(r.option(rank, Tier.TRIAL))
        else:
            floor = max(floor, own)
            options.append(r.option(rank, _TIERS[floor]))
    left_out = sorted([r for r in rows if r.exclusion is not None], key=_regimen_id)
    return Ranked(
        options=tuple(options),
        excluded=tuple([r.exclusion for r in left_out if r.exclusion is not None]),
        slotted_options=tuple([n for n, r in enumerate(eligible) if r.slotted]),
        slotted_exclusions=tuple([n for n, r in enumerate(left_out) if r.slotted]),
    )


def _regimen_id(r: Row) -> str:
    return r.regimen.id


def _cautions(parts: tuple[FactorResult, ...]) -> tuple[Caution, ...]:
    """The parts' cautions, each once (most options have them from one factor only)."""
    having = [p.cautions for p in parts if p.cautions]
    if len(having) <= 1:
        return having[0] if having else ()
    return _unique(chain.from_iterable(having))


def _unique(cautions: chain[object]) -> tuple:  # type: ignore[type-arg]
    seen: dict[str, object] = {}
    for c in cautions:
        seen.setdefault(c.text, c)  # type: ignore[attr-defined]
    return tuple(seen.values())
