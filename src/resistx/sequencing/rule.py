"""A clinical rule as one unit: its condition, its effect, its codes, trials and references.

A per-regimen rule is a function of its factor's ``Inputs``, the regimen's record and the
``Context`` (evidence, weights, regimen table); it yields ``Effect`` values, which are data.
A plan-level rule is a function of the ``Facts`` that yields actions and notes. The engine
stamps each effect with its rule's number, so every reason, exclusion, caution and action a
plan shows names the rule that gave it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from resistx.model.enums import ExclusionCode, Factor, RegimenKind
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.weights import Weights

if TYPE_CHECKING:
    from resistx.evidence._base import EvidenceBase
    from resistx.sequencing.facts import Facts

T = TypeVar("T")


class Precedence(enum.IntEnum):
    """Hard orderings, in the order they apply: an option demoted at a level goes after every
    option not demoted there, whatever the scores."""

    VISCERAL_CRISIS = 1  # rule 7: chemotherapy first
    POOR_PERFORMANCE = 2  # rule 13: the least toxic first
    #: rule 13 at ECOG 3-4: any other option after endocrine monotherapy, as its reason says
    #: (case 445: a CDK4/6-inhibitor switch rule 6 no longer holds back)
    MORE_TOXIC = 3
    #: rule 12: a relative contraindication (everolimus with interstitial lung disease, ribociclib with heart disease or bradycardia) places
    #: the option after every option without one, even those waiting on a test: a test can
    #: open an option, and nothing in the plan lifts the contraindication
    RELATIVE_CONTRAINDICATION = 4
    #: rule 7: in a visceral crisis, after chemotherapy, the ADCs that its line opens (the
    #: crisis's alternatives, rule 4's ``gate``) before every other option (case 694)
    NOT_A_CRISIS_OPTION = 5
    WAITS_ON_TEST = 6  # rules 2, 3: an option that waits on a missing test is never preferred
    #: rule 148: an ADC, where the patient declines chemotherapy and has not been asked about
    #: the ADCs, after the options she or he accepts of its tier (case 3727): not a hard
    #: ordering before the tiers, but the first within one (``ranking.order_key``)
    REFUSAL_UNCLEAR = 7


@attrs.frozen(kw_only=True)
class Effect:
    """What a rule says about one regimen."""

    code: str
    text: str
    delta: float = 0.0
    exclude: ExclusionCode | None = None
    caution: bool = False
    term: str | None = None  # a caution's adverse event
    percent: float | None = None  # and its figure
    demote: Precedence | None = None
    waits_on: str | None = None  # the test it waits on (with demote=WAITS_ON_TEST)
    ceiling: int = 0  # the best tier it allows: 1 alternative at best, 2 later at best
    at_least: int = 2  # the worst tier it allows: 1 at least an alternative (a ceiling caps it)
    leads: bool = False  # its reason goes first (the rule that moves the option most)
    #: not approved at the plan's date: ranked and tiered as an investigational regimen (rule 46)
    investigational: bool = False
    #: the kind of option its reason says it comes after (a name in ``follows.KINDS``): it
    #: ranks after the first such option under the same hard precedences (9650)
    after: str = ""
    before: str = ""  # likewise the kind it comes before: it ranks above the first such one
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()


#: how an exclusion's reason says that a result the plan asks for would lift it ("...; a
#: HER2-ultralow reading of the IHC would open it"): a default plan's since-review section
#: names such an exclusion of the newer policy (``since``; case 439)
OPENS_IT = "would open it"


def left_out(
    code: ExclusionCode, text: str, trials: tuple[str, ...] = (), references: tuple[int, ...] = ()
) -> Effect:
    """An effect that leaves the regimen out, for ``code``."""
    return Effect(code=code.value, exclude=code, text=text, trials=trials, references=references)


@attrs.frozen(kw_only=True)
class PlanEffect:
    """What a plan-level rule says: an action before choosing, or a note."""

    code: str
    text: str
    genes: tuple[str, ...] = ()
    note: bool = False
    first: bool = False  # its answer could change what is preferred: before choosing
    #: the kinds of regimen it concerns: a plan that ranks none of them says nothing of it
    kinds: frozenset[RegimenKind] = frozenset()
    #: likewise the regimens (by id) it concerns (the LVEF for trastuzumab deruxtecan)
    regimens: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class Context:
    """What a rule may read besides its Inputs and the regimen: the evidence, the weights and
    the policy's regimen table. All of it is part of the memo key (policy, evidence version)."""

    evidence: EvidenceBase
    weights: Weights
    regimens: Mapping[str, RegimenSpec]
    #: canonical keys and references per cited (trials, references): a pure function of evidence
    citations: dict[object, tuple[tuple[str, ...], tuple[int, ...]]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    _calls: dict[object, object] = attrs.field(factory=dict, eq=False, repr=False)

    def call(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(self, *args)``, remembered under exactly (fn, args): for what a rule derives from
        the evidence and the regimen alone (adverse events, a study's figures for a population)."""
        key = (fn, args)
        try:
            return self._calls[key]  # type: ignore[return-value]
        except KeyError:
            value = self._calls[key] = fn(self, *args)
            return value


PerRegimen = Callable[[Any, RegimenSpec, Context], Iterable[Effect]]
PerPlan = Callable[["Facts", Context], Iterable[PlanEffect]]


@attrs.frozen(kw_only=True)
class Rule:
    number: int
    name: str
    factor: Factor | None  # None: a plan-level rule
    condition: str
    effect: str
    codes: tuple[str, ...]
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()
    assess: PerRegimen | None = attrs.field(default=None, eq=False)
    plan: PerPlan | None = attrs.field(default=None, eq=False)
    #: the regimens the rule concerns; the engine runs it for no other (a named predicate)
    regimens: Callable[[RegimenSpec], bool] = attrs.field(default=lambda _s: True, eq=False)
    #: a fallback speaks only when no other rule of its factor gave the option a reason
    fallback: bool = False


def rule(
    number: int,
    name: str,
    factor: Factor | None,
    *,
    condition: str,
    effect: str,
    codes: tuple[str, ...],
    trials: tuple[str, ...] = (),
    references: tuple[int, ...] = (),
    fallback: bool = False,
    regimens: Callable[[RegimenSpec], bool] | None = None,
) -> Callable[[Callable[..., Iterator[Any]]], Rule]:
    """Make a function a rule unit: per regimen for a factor, plan-level without one."""

    def make(fn: Callable[..., Iterator[Any]]) -> Rule:
        return Rule(
            number=number,
            name=name,
            factor=factor,
            condition=condition,
            effect=effect,
            codes=codes,
            trials=trials,
            references=references,
            assess=fn if factor is not None else None,
            plan=fn if factor is None else None,
            fallback=fallback,
            **({"regimens": regimens} if regimens is not None else {}),
        )

    return make


def gene_article(gene: str) -> str:
    """'an' before a gene name said letter by letter from a vowel sound ('an AKT1', 'an ESR1'),
    else 'a' ('a PIK3CA'; cases 934 and the third recheck of 1035)."""
    return "an" if gene[:1] in "AEFHILMNORSX" else "a"


def num(value: float) -> str:
    """A figure with no trailing zeros (a percentage, a count, a level)."""
    return f"{value:g}"


def months(value: float) -> str:
    """A median or a CI bound in months as the review and the pack print every one: one
    decimal at least ('4.0', '11.0', '16.0 vs 9.2'; 9050: printed '16 vs 9.2')."""
    shown = f"{value:g}"
    return shown if "." in shown or "e" in shown else f"{value:.1f}"


def hba1c_percent(value: float) -> str:
    """An HbA1c in percent, one decimal at least: 8.0 beside CAPItello-291's 'below 8.0%',
    never '8' (8040: read as under the limit); 7.95 as recorded."""
    shown = f"{value:g}"
    return shown if "." in shown or "e" in shown else f"{value:.1f}"
