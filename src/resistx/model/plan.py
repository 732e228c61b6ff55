"""The plan: what sequencing gives back, ranked options, exclusions and actions, each explained."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from resistx.model.enums import ExclusionCode, Factor, Tier
from resistx.model.regimen import Regimen

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    import pandas as pd

    from resistx.evidence._base import EvidenceBase
    from resistx.model.profile import Preferences, Profile


@attrs.frozen(kw_only=True, cache_hash=True)  # options share reason tuples: hashed once
class Reason:
    """One plain sentence of why, from one factor, with the trials and references behind it."""

    factor: Factor
    code: str
    text: str
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()
    rule: int | None = None  # the number of the rule that gave it (docs/ranking.md)


def rule_numbers(reasons: Iterable[Reason]) -> tuple[int, ...]:
    """The numbers of the rules behind reasons, sorted, each once (a cohort's rows, a plan's
    data frame, the since-review section)."""
    return tuple(sorted({r.rule for r in reasons if r.rule is not None}))


@attrs.frozen(kw_only=True)
class Caution:
    """An adverse-event or comorbidity warning with its figure and trial."""

    code: str
    text: str
    term: str | None = None
    percent: float | None = None
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()
    rule: int | None = None


@attrs.frozen(kw_only=True)
class Action:
    """A step to take, e.g. retest ESR1 and PIK3CA on ctDNA."""

    code: str
    text: str
    genes: tuple[str, ...] = ()
    rule: int | None = None
    #: whether its answer could change what is preferred: take it before choosing
    before_choosing: bool = False


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
    #: the tests this option waits on (e.g. "HER2 IHC"): never preferred until they are done
    waits_on: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"<Option {self.rank}. {self.regimen.id} [{self.tier.value}] "
            f"score {self.scores.total:.2f}>"
        )

    def __str__(self) -> str:
        from resistx.display import text  # noqa: PLC0415 - the display layer sits above the model

        return "\n".join(text.option(self))

    # notebook display; the display layer sits above the model and is imported on call
    def _repr_html_(self) -> str:
        from resistx.display import html  # noqa: PLC0415

        return html.option(self)

    def _repr_markdown_(self) -> str:
        from resistx.display import markdown  # noqa: PLC0415

        return markdown.option(self)


@attrs.frozen(kw_only=True)
class Exclusion:
    """A regimen considered and left out; each reason's ``code`` is an ``ExclusionCode``."""

    regimen: Regimen
    reasons: tuple[Reason, ...]

    @property
    def codes(self) -> tuple[ExclusionCode, ...]:
        """The exclusion's codes, each once, in the order of its reasons (case 1825)."""
        return tuple(dict.fromkeys(ExclusionCode(r.code) for r in self.reasons))


@attrs.frozen(kw_only=True)
class PolicyInfo:
    """The named, versioned policy a plan was made under (e.g. ``ye2024``)."""

    name: str
    version: str
    description: str = ""


class Change(enum.StrEnum):
    """How an option differs between two policies' plans for one patient."""

    TOP_OPTION = "top_option"  # another regimen ranks first
    PREFERRED_ADDED = "preferred_added"  # preferred under the other policy, not here
    PREFERRED_REMOVED = "preferred_removed"  # preferred here, not under the other policy
    EXCLUDED = "excluded"  # left out under the other policy, an option here
    NO_LONGER_EXCLUDED = "no_longer_excluded"  # left out here, an option under the other
    MOVED = "moved"  # an option under both, at another rank or in another tier
    ADDED = "added"  # an option under the other policy only (not considered here)
    REMOVED = "removed"  # an option here only
    #: left out under both, the other policy for a reason of its own (since-review only)
    LEFT_OUT_TOO = "left_out_too"
    #: an action the other policy alone asks before choosing: no regimen (since-review only;
    #: 9053, SERENA-6's switch)
    ASKED_FIRST = "asked_first"


@attrs.frozen(kw_only=True)
class Difference:
    """One regimen whose place differs between two plans (``resistx.compare``): its rank and
    tier in each (None where it is not an option there)."""

    change: Change
    regimen: str
    rank_before: int | None = None
    rank_after: int | None = None
    tier_before: Tier | None = None
    tier_after: Tier | None = None


@attrs.frozen(kw_only=True)
class SinceReview:
    """A difference the newer policy makes for this patient: what, the trials and approvals
    behind it, the rules that make it, and how to get the newer plan."""

    change: Change
    regimen: str
    text: str
    policy: str  # the newer policy, e.g. practice-2026
    evidence_version: str  # its evidence
    trials: tuple[str, ...] = ()
    approvals: tuple[str, ...] = ()
    rules: tuple[int, ...] = ()
    how: str = ""


def _ranked_in_order(_inst: object, _attribute: object, value: tuple[Option, ...]) -> None:
    """Ranks 1, 2, 3 ... in order, without gaps (8348: a plan read back with its options
    reversed, or two at rank 1, was accepted)."""
    ranks = [o.rank for o in value]
    if ranks != list(range(1, len(ranks) + 1)):
        shown = ", ".join(map(str, ranks[:6])) + (", ..." if len(ranks) > 6 else "")
        msg = f"options must be ranked 1, 2, 3 ... in order, without gaps; got ranks {shown}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Plan:
    """A ranked, explained plan. Decision support for clinicians, not a substitute for judgment."""

    patient_id: str | None = None
    as_of: dt.date | None = None
    options: tuple[Option, ...] = attrs.field(default=(), validator=_ranked_in_order)
    excluded: tuple[Exclusion, ...] = ()
    actions: tuple[Action, ...] = ()
    notes: tuple[str, ...] = ()
    #: what the profile records that resistx does not assess (``other_conditions``), verbatim
    not_assessed: tuple[str, ...] = ()
    policy: PolicyInfo
    evidence_version: str
    library_version: str
    disclaimer: str
    #: where the newer policy's plan for this patient differs (default plans only)
    since_review: tuple[SinceReview, ...] = ()

    def __repr__(self) -> str:
        who = "an unnamed patient" if self.patient_id is None else repr(self.patient_id)
        top = ", ".join(f"{o.regimen.id} [{o.tier.value}]" for o in self.options[:3])
        more = ", ..." if len(self.options) > 3 else ""
        actions = f"{len(self.actions)} action{'' if len(self.actions) == 1 else 's'}"
        return (
            f"<Plan for {who} as of {self.as_of.isoformat() if self.as_of else 'unknown'}: "
            f"{len(self.options)} options ({top}{more}), {len(self.excluded)} excluded, "
            f"{actions}; evidence {self.evidence_version}>"
        )

    def __str__(self) -> str:
        return self.to_text()

    def to_text(self, width: int = 100) -> str:
        """The plan as readable text, as ``resistx sequence`` prints it."""
        from resistx.display import text  # noqa: PLC0415 - the display layer sits above the model

        if type(width) is not int:  # 8350: a bare TypeError deep in the wrapping
            msg = f"width must be a whole number of characters, not {width!r}"
            raise TypeError(msg)
        return text.plan(self, width)

    def to_markdown(self) -> str:
        """The plan as Markdown tables, as ``resistx sequence --markdown`` prints it."""
        from resistx.display import markdown  # noqa: PLC0415 - the display layer sits above the model

        return markdown.plan(self)

    def to_html(
        self,
        full: bool = False,
        *,
        evidence: EvidenceBase | None = None,
        profile: Profile | Mapping[str, Any] | None = None,
        preferences: Preferences | Mapping[str, Any] | None = None,
    ) -> str:
        """The plan as a self-contained HTML fragment: escaped text, no scripts.

        With ``full=True``, the standalone tumour-board report (as ``resistx report`` writes
        it): one HTML document with its styles and a forest plot of the cited trials' hazard
        ratios inline, nothing fetched from elsewhere. ``evidence`` is where the plot reads
        (default: the bundled evidence the plan names); ``profile``, the patient the plan is
        for, adds the receptors, test results and treatments to the summary: with the
        ``preferences`` the plan was made with, it must give this plan again (a profile edited
        since is refused)."""
        if type(full) is not bool:  # 8350: 'yes' was read as true
            msg = f"full must be True or False, not {full!r}"
            raise TypeError(msg)
        if not full:
            if evidence is not None or profile is not None or preferences is not None:
                msg = "evidence and profile are for the full report: to_html(full=True, ...)"
                raise ValueError(msg)
            from resistx.display import html  # noqa: PLC0415 - the display layer sits above the model

            return html.plan(self)
        from resistx.display import report  # noqa: PLC0415

        return report.document(self, evidence=evidence, profile=profile, preferences=preferences)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def to_frame(self) -> pd.DataFrame:
        """One row per option, then one per excluded regimen (``rank`` null), each with the
        plan's ``patient_id`` and ``as_of`` (needs the ``resistx[pandas]`` extra)."""
        from resistx.display import frames  # noqa: PLC0415 - pandas only when asked for

        return frames.plan_frame(self)

    def option(self, regimen_id: str) -> Option | None:
        """The option of this regimen, or None where the plan does not rank it; ``KeyError``,
        naming the closest ids, for an id of no regimen (a typo is no 'not ranked')."""
        found = next((o for o in self.options if o.regimen.id == regimen_id), None)
        if found is None:
            self._check_known(regimen_id)
        return found

    def exclusion(self, regimen_id: str) -> Exclusion | None:
        """The exclusion of this regimen, or None where the plan does not leave it out;
        ``KeyError`` as ``option``."""
        found = next((e for e in self.excluded if e.regimen.id == regimen_id), None)
        if found is None:
            self._check_known(regimen_id)
        return found

    def _check_known(self, regimen_id: str) -> None:
        from resistx import _suggest  # noqa: PLC0415 - only a lookup that misses needs them
        from resistx.vocab.regimens import ALL_BY_ID  # noqa: PLC0415

        here = {o.regimen.id for o in self.options} | {e.regimen.id for e in self.excluded}
        if regimen_id in ALL_BY_ID or str(regimen_id).startswith("trial:"):
            return
        known = sorted(here | set(ALL_BY_ID))
        hint = _by_drugs(str(regimen_id), known) or _suggest.closest(str(regimen_id), known, n=3)
        near = f"; closest: {', '.join(hint)}" if hint else ""
        msg = f"no regimen {regimen_id!r} resistx knows{near}"
        raise KeyError(msg)


def _by_drugs(asked: str, known: list[str]) -> list[str]:
    """The regimen ids of the drugs ``asked`` names, joined by '+' in any order, by any of their
    names ('T-DXd', 'Enhertu'; case 7869); none where a part names no drug."""
    from resistx.vocab import drugs  # noqa: PLC0415 - only a lookup that misses needs it

    found = [drugs.lookup(part) for part in asked.split("+")]
    if not all(found):
        return []
    wanted = {d.name for d in found if d is not None}
    return [k for k in known if {p.replace("-", " ") for p in k.split("+")} == wanted]
