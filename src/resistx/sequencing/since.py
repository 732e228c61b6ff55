"""How two policies' plans for one patient differ: ``compare`` (every option moved, added or
removed, with ranks) and the ``since_review`` section of a default plan (the top option, the
preferred set, the exclusions and the options the newer policy makes alternatives, each with
the trials, approvals and rules behind it); what the newer policy alone asks before choosing
is in ``asked_first``."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from resistx.model.enums import Tier
from resistx.model.plan import Change, Difference, Option, Plan, SinceReview, rule_numbers
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import since_text
from resistx.sequencing.policy import Policy
from resistx.sequencing.rule import OPENS_IT
from resistx.sequencing.since_text import TIER_HERE, Indexed


def _preferred(plan: Plan) -> set[str]:
    return {o.regimen.id for o in plan.options if o.tier is Tier.PREFERRED}


def differences(
    before: Plan,
    after: Plan,
    *,
    summary: bool = False,
    left_out_too: Callable[[str], bool] = lambda _rid: True,
) -> tuple[Difference, ...]:
    """The differences of ``after`` from ``before``: the top option, the preferred set and the
    exclusions first, then (with ``summary``) the options ``after`` makes alternatives and the
    regimens left out under both for which ``left_out_too`` holds, or (without) every option
    moved, added or removed, each in rank order."""
    a = {o.regimen.id: o for o in before.options}
    b = {o.regimen.id: o for o in after.options}
    out: list[Difference] = []

    def diff(change: Change, rid: str) -> Difference:
        x, y = a.get(rid), b.get(rid)
        return Difference(
            change=change,
            regimen=rid,
            rank_before=x.rank if x else None,
            rank_after=y.rank if y else None,
            tier_before=x.tier if x else None,
            tier_after=y.tier if y else None,
        )

    top_b = after.options[0].regimen.id if after.options else None
    if top_b is not None and (not before.options or before.options[0].regimen.id != top_b):
        out.append(diff(Change.TOP_OPTION, after.options[0].regimen.id))
    pa, pb = _preferred(before), _preferred(after)
    out += [diff(Change.PREFERRED_ADDED, r) for r in _by_rank(pb - pa, b)]
    out += [diff(Change.PREFERRED_REMOVED, r) for r in _by_rank(pa - pb, a)]
    xa = {e.regimen.id for e in before.excluded}
    xb = {e.regimen.id for e in after.excluded}
    out += [diff(Change.EXCLUDED, r) for r in sorted((xb - xa) & set(a))]
    out += [diff(Change.NO_LONGER_EXCLUDED, r) for r in _by_rank((xa - xb) & set(b), b)]
    if summary:
        # an option the other policy makes an alternative, later or within a trial here, or
        # a regimen of its evidence only (cases 417-420: trastuzumab deruxtecan before
        # chemotherapy after DESTINY-Breast06)
        raised = {r for r, o in b.items() if o.tier is Tier.ALTERNATIVE and r not in xa}
        raised -= {r for r in raised & set(a) if a[r].tier in _AT_LEAST_ALTERNATIVE}
        # an option that waits on a test there: named where a rule of the other policy places
        # it, or this plan does not hold it (``_entries``; case 421: HER2 untested)
        waiting = {r for r, o in b.items() if o.waits_on and r not in xa}
        # an alternative here that is a later option or within a trial there (4779a)
        lowered = {r for r, o in a.items() if o.tier is Tier.ALTERNATIVE and r in b}
        lowered = {r for r in lowered if b[r].tier not in _AT_LEAST_ALTERNATIVE} - waiting
        out += [
            diff(Change.MOVED if r in a else Change.ADDED, r)
            for r in (*_by_rank(raised, b), *_by_rank(waiting, b), *_by_rank(lowered, b))
        ]
        # left out under both: named where a rule of the other policy leaves it out, as
        # ``_entries`` checks (case 439: trastuzumab deruxtecan before an ultralow reading)
        out += [diff(Change.LEFT_OUT_TOO, r) for r in sorted(xa & xb) if left_out_too(r)]
        return tuple(out)
    changed = (_moved(rid, a, b, (xa, xb)) for rid in _by_rank(set(a) | set(b), {**a, **b}))
    return (*out, *(diff(c, rid) for rid, c in changed if c is not None))


def _moved(
    rid: str, a: dict[str, Option], b: dict[str, Option], left: tuple[set[str], set[str]]
) -> tuple[str, Change | None]:
    """How a regimen moved between the plans (``differences`` without ``summary``): moved (in
    rank or in tier: an alternative at the same rank is a change, case 3302), added, removed,
    or not at all (None)."""
    xa, xb = left
    if rid in a and rid in b:
        x, y = a[rid], b[rid]
        return rid, Change.MOVED if (x.rank, x.tier) != (y.rank, y.tier) else None
    if rid in b and rid not in xa:
        return rid, Change.ADDED
    if rid in a and rid not in xb:
        return rid, Change.REMOVED
    return rid, None


_AT_LEAST_ALTERNATIVE = frozenset({Tier.PREFERRED, Tier.ALTERNATIVE})


def _by_rank(ids: set[str], options: dict[str, Option]) -> list[str]:
    return sorted(ids, key=lambda r: (options[r].rank if r in options else 10**6, r))


def since_review(
    before: Plan,
    after: Plan,
    newer: Policy,
    specs: Mapping[str, RegimenSpec],
    older_rules: AbstractSet[int],
) -> tuple[SinceReview, ...]:
    """The entries of a default plan's ``since_review`` section."""
    return tuple(_entries(before, after, newer, specs, older_rules))


def _entries(
    before: Plan,
    after: Plan,
    newer: Policy,
    specs: Mapping[str, RegimenSpec],
    older_rules: AbstractSet[int],
) -> Iterator[SinceReview]:
    here, there = Indexed(before), Indexed(after)
    names = {rid: o.regimen.name for rid, o in (*here.options.items(), *there.options.items())}
    names |= {rid: e.regimen.name for rid, e in (*here.excluded.items(), *there.excluded.items())}
    how = how_of(newer)
    said: set[str] = set()
    # left out under both: named only where a result would open it there
    for d in differences(before, after, summary=True, left_out_too=lambda r: _may_open(there, r)):
        rid = d.regimen
        if rid in said:  # one entry a regimen: its first difference says where it stands here
            continue
        trials, rules = _behind(there, rid, older_rules)
        waits = _waits(d, there)
        opens = _opens(there, rid, rules) if d.change is Change.LEFT_OUT_TOO else ""
        if (d.change is Change.LEFT_OUT_TOO and not opens) or (
            waits and not rules and here.holds(rid)
        ):
            continue  # left out under both, or waiting under both for this one's reasons
        said.add(rid)
        name = names.get(rid, rid)
        spec = specs.get(rid)
        unapproved = spec is not None and spec.regulatory.investigational
        text = since_text.text(d, name, here, newer.name, waits, opens, unapproved=unapproved)
        if first_moved := _first_moved(d, (here, there), older_rules):
            said_why, moved, same = first_moved  # 5014, 5044: the old first option moved
            lead = (  # its scores moved too, but not what put it first (9441)
                f"{_unmoved(newer.name, bool(rules))}:"
                if same
                else "Its tier is the same under both and its scores moved with the evidence, but"
            )
            text += f" {lead} {said_why}"
            trials, rules = () if rules else trials, moved
        elif not rules:
            text += _no_rule(d, (here, there), newer.name)
        if not trials and spec is not None:
            trials = spec.key_trials
        yield SinceReview(
            change=d.change,
            regimen=rid,
            text=text,
            policy=newer.name,
            evidence_version=after.evidence_version,
            trials=trials,
            approvals=_approvals(spec),
            rules=rules,
            how=how,
        )


def _no_rule(d: Difference, plans: tuple[Indexed, Indexed], policy: str) -> str:
    """Why a regimen no rule of the newer policy speaks for moved: a regimen of its evidence
    only; its scores, where they moved; else the options around it."""
    here, there = plans
    if not here.holds(d.regimen):
        return (
            f" No rule of {policy} differs for it: it is a regimen of the newer evidence, not of "
            "this policy."
        )
    x, y = here.options.get(d.regimen), there.options.get(d.regimen)
    if x is None or y is None or x.scores != y.scores:
        return f" No rule of {policy} differs for it: its scores moved with the evidence."
    return f" {_unmoved(policy, False)}: the options around it moved."


def _unmoved(policy: str, own_rules: bool) -> str:
    if own_rules:  # rules of the newer policy that restate the older's (29, 30: 5044)
        return "Its scores and tier are the same under both"
    return f"No rule of {policy} differs for it, and its scores are the same under both"


def _first_moved(
    d: Difference, plans: tuple[Indexed, Indexed], older_rules: AbstractSet[int]
) -> tuple[str, tuple[int, ...], bool] | None:
    """For a new first option whose tier is the same under both policies, why it comes first:
    the older first option moved, by the newer policy's rules (named; 5014: sacituzumab
    govitecan came first as rules 28 and 35 made elacestrant an alternative; 9441: so too
    where its own scores moved with the evidence), and whether its scores are the same."""
    here, there = plans
    x, y = here.options.get(d.regimen), there.options.get(d.regimen)
    if d.change is not Change.TOP_OPTION or x is None or y is None or not here.plan.options:
        return None
    if x.tier != y.tier:
        return None
    first = here.plan.options[0].regimen
    moved = _behind(there, first.id, older_rules)[1]
    if not moved:
        return None
    o = there.options.get(first.id)
    where = f"{TIER_HERE[o.tier]} there" if o else "left out there"
    rules = f"rule{'s' if len(moved) > 1 else ''} {' and '.join(map(str, moved))}"
    return f"it comes first as {first.name} is {where} ({rules}).", moved, x.scores == y.scores


def _may_open(after: Indexed, rid: str) -> bool:
    """Whether any reason the newer plan leaves the regimen out for says a result would open
    it (``_opens`` then picks those of the newer policy's own rules)."""
    left = after.excluded.get(rid)
    return left is not None and any(OPENS_IT in r.text for r in left.reasons)


def _opens(after: Indexed, rid: str, rules: tuple[int, ...]) -> str:
    """What result, by a rule of the newer policy's own, would open the regimen it leaves out
    (the clause of its reason that says so: ``OPENS_IT``), or nothing."""
    left = after.excluded.get(rid)
    reasons = [r.text for r in left.reasons if r.rule in rules] if left else []
    return next((c for t in reasons for c in t.split("; ") if OPENS_IT in c), "")


def _waits(d: Difference, after: Indexed) -> tuple[str, ...]:
    """The tests an option named as moved or added waits on (none for one raised to an
    alternative: an option that waits is at best a later one)."""
    option = after.options.get(d.regimen)
    return option.waits_on if d.change in _WAITING_CHANGES and option is not None else ()


_WAITING_CHANGES = frozenset({Change.MOVED, Change.ADDED})


def _behind(
    plan: Indexed, rid: str, older_rules: AbstractSet[int]
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The trials and rule numbers of the newer plan's reasons for the regimen that come from
    rules the older policy does not have."""
    option = plan.options.get(rid)
    reasons = option.reasons if option else (e.reasons if (e := plan.excluded.get(rid)) else ())
    newer = [r for r in reasons if r.rule is not None and r.rule not in older_rules]
    trials = tuple(dict.fromkeys(t for r in newer for t in r.trials))
    return trials, rule_numbers(newer)


def _approvals(spec: RegimenSpec | None) -> tuple[str, ...]:
    if spec is None or spec.regulatory.investigational or not spec.regulatory.date:
        return ()
    return (f"{spec.name}: {spec.regulatory.said()}",)


def how_of(newer: Policy) -> str:
    """How to get the newer policy's plan."""
    return (
        f"resistx.sequence(profile, policy={newer.name!r}), or on the command line "
        f"resistx sequence FILE --policy {newer.name}"
    )
