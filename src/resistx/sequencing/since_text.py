"""The words of a since-review entry: where a regimen stands in each plan (``since``)."""

from __future__ import annotations

from resistx.model.enums import Tier
from resistx.model.plan import Change, Difference, Plan

#: where an option raised to an alternative stands here, by its tier
_STANDS = {Tier.LATER: "a later option here", Tier.TRIAL: "within a trial here"}
#: an option's tier as a since-review line names it beside its rank here
TIER_HERE = {
    Tier.PREFERRED: "preferred",
    Tier.ALTERNATIVE: "an alternative",
    Tier.LATER: "a later option",
    Tier.TRIAL: "within a trial",
}
#: where an alternative here stands under the other policy, by its tier there
_THERE = {Tier.LATER: "a later option", Tier.TRIAL: "within a trial"}


class Indexed:
    """A plan with its options and exclusions by regimen id (``Plan.option`` scans)."""

    __slots__ = ("excluded", "options", "plan")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.options = {o.regimen.id: o for o in plan.options}
        self.excluded = {e.regimen.id: e for e in plan.excluded}

    def holds(self, rid: str) -> bool:
        """Whether the plan ranked or left out the regimen (else its policy does not hold it)."""
        return rid in self.options or rid in self.excluded


def here(d: Difference, before: Indexed) -> str:
    """Where the regimen stands in the older plan."""
    if d.rank_before:  # with its tier (4825c: 'preferred (rank 2; rank 2 here)')
        tier = f", {TIER_HERE[d.tier_before]}" if d.tier_before else ""
        return f"rank {d.rank_before} here{tier}"
    return "left out here" if d.regimen in before.excluded else "not in this plan"


def text(  # noqa: PLR0917 - one call site
    d: Difference,
    name: str,
    before: Indexed,
    policy: str,
    waits: tuple[str, ...] = (),
    why: str = "",
    *,
    unapproved: bool = False,
) -> str:
    """``unapproved``: no approval in the newer policy's table at all (investigational), not
    one dated after the plan (7289: 'within a trial only at this plan's date' hinted that
    gedatolisib's would come)."""
    trial_only = (
        ", within a trial only (investigational: no approval in the evidence)."
        if unapproved
        else ", within a trial only at this plan's date."
    )
    if d.change is Change.LEFT_OUT_TOO:
        return f"Under {policy}, {name} is left out too, as here, but there {why}"
    if waits:
        return (
            f"Under {policy}, {name} waits on {' and '.join(waits)} (rank {d.rank_after} there; "
            f"{here(d, before)}): a result would place it by that policy's evidence"
            + (trial_only if _trial_there(d) else ".")
        )
    if d.change is Change.TOP_OPTION:
        if not before.plan.options:
            return f"Under {policy}, {name} comes first{_first_there(d)}; there is no option here."
        first = before.plan.options[0].regimen
        return (
            f"Under {policy}, {name} comes first{_first_there(d)} ({here(d, before)}), before "
            f"{first.name}, the first option here."
        )
    if d.change is Change.PREFERRED_ADDED:
        return f"Under {policy}, {name} is preferred (rank {d.rank_after}; {here(d, before)})."
    if d.change is Change.PREFERRED_REMOVED:
        there = f"rank {d.rank_after}, {d.tier_after.value}" if d.tier_after else "not an option"
        return f"Under {policy}, {name} is no longer preferred ({there} there)."
    if d.change is Change.EXCLUDED:
        return f"Under {policy}, {name} is left out ({here(d, before)})."
    if d.change is Change.MOVED and d.tier_before is Tier.ALTERNATIVE and d.tier_after:
        return (  # lowered (4779a)
            f"Under {policy}, {name} is {_THERE.get(d.tier_after, d.tier_after.value)} there "
            f"(rank {d.rank_after}; an alternative here, rank {d.rank_before})."
        )
    if d.change is Change.MOVED and d.tier_before is not None:
        return (
            f"Under {policy}, {name} is an alternative (rank {d.rank_after} there; "
            f"{_STANDS.get(d.tier_before, d.tier_before.value)}, rank {d.rank_before})."
        )
    if d.change is Change.ADDED:
        return f"Under {policy}, {name} is an alternative (rank {d.rank_after}); not in this plan."
    if _trial_there(d):
        kind = "an option within a trial only"
    elif d.tier_after is not None:  # its tier there, as the other entries say it (9584)
        kind = f"{TIER_HERE[d.tier_after]} there"
    else:
        kind = "an option"
    return f"Under {policy}, {name} is {kind} (rank {d.rank_after}); it is left out here."


def _first_there(d: Difference) -> str:
    """The tier of the newer plan's first option: not preferred, nothing there is (9442: 'comes
    first' read as that policy preferring it)."""
    if d.tier_after is Tier.PREFERRED:
        return ", preferred there"
    if d.tier_after is None:
        return ""
    return f", {TIER_HERE[d.tier_after]} there, with nothing preferred"


def _trial_there(d: Difference) -> bool:
    """The newer plan holds it within a trial only: investigational, or not yet approved at the
    plan's date (6866, 6868: 'an option', 'a result would place it', before its approval)."""
    return d.tier_after is Tier.TRIAL
