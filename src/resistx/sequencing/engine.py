"""``sequence(profile)``: profile -> facts -> per-factor Inputs -> rule units -> order -> Plan.

The engine reads the ``Policy`` it is given and knows no regimen by name and no rule by
number. It owns the memo: one bounded memo per (policy, evidence), keyed by the factor, its
Inputs and the regimen id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from resistx._version import version
from resistx.evidence._base import EvidenceBase
from resistx.evidence._pack import evidence_for
from resistx.io.profile import ProfileSource, load_preferences, load_profile
from resistx.model.enums import Factor, Tier
from resistx.model.plan import Action, Difference, Exclusion, Option, Plan
from resistx.model.profile import Preferences, Profile
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds, since, slots
from resistx.sequencing.asked_first import asked_first
from resistx.sequencing.assess import FactorResult
from resistx.sequencing.candidates import TrialIndex, considered
from resistx.sequencing.columns import Stores, result_of, stores_of
from resistx.sequencing.coverage import Coverage
from resistx.sequencing.memo import LASTING, Memo
from resistx.sequencing.notes import notes
from resistx.sequencing.patient import Patient
from resistx.sequencing.plan_level import nothing_preferred_yet, plan_level
from resistx.sequencing.policy import Policy, get
from resistx.sequencing.ranking import Assessed, Row, combine
from resistx.sequencing.rule import Context
from resistx.sequencing.tracked import Shapes
from resistx.sequencing.units import FACTORS, Units, units_of
from resistx.vocab.interactions import medications_as_read

DISCLAIMER = (
    "Decision support for clinicians, not a substitute for their judgment: resistx ranks "
    "options from one 2024 review (Ye et al., doi 10.2147/BCTT.S438366)."
)
_MEMOS: dict[tuple[int, int], tuple[Policy, EvidenceBase, Context, Memo[Any]]] = {}
_MEMO_POLICIES = 8


def policy_of(policy: Policy | str | None) -> Policy:
    if policy is None:
        return get("ye2024")
    if isinstance(policy, str):
        return get(policy)
    if isinstance(policy, Policy):
        return policy
    msg = f"policy must be a Policy, a policy name or None, not {type(policy).__name__}"
    raise TypeError(msg)


def evidence_of(evidence: EvidenceBase | str | None, pol: Policy) -> EvidenceBase:
    """The evidence a plan reads: the one given, a bundled one by its version ('2026.11'; case
    5104 raised AttributeError), or the policy's own."""
    if evidence is None:
        return pol.default_evidence()
    if isinstance(evidence, str):
        return evidence_for(evidence)
    if not isinstance(evidence, EvidenceBase):  # 8347: a plain error naming no argument
        msg = (
            "evidence must be an EvidenceBase, a bundled version ('2026.11') or None, "
            f"not {type(evidence).__name__}"
        )
        raise TypeError(msg)
    return evidence


def memo_for(policy: Policy, evidence: EvidenceBase) -> tuple[Context, Memo[Any]]:
    """The context and memo of (policy, evidence), by identity: everything a cached assessment
    reads besides its key (rules, weights, regimen table, evidence) belongs to these two, and a
    policy changed in code under the same name is another policy. Keeping both alive in the
    entry means their ids cannot be reused while it stands."""
    key = (id(policy), id(evidence))
    found = _MEMOS.get(key)
    if found is None or found[0] is not policy or found[1] is not evidence:
        if len(_MEMOS) >= _MEMO_POLICIES:
            _MEMOS.clear()
        ctx = Context(evidence=evidence, weights=policy.weights, regimens=policy.regimens(evidence))
        found = _MEMOS[key] = (policy, evidence, ctx, Memo())
    return found[2], found[3]


def sequence(
    profile: ProfileSource,
    preferences: Preferences | Mapping[str, Any] | None = None,
    *,
    evidence: EvidenceBase | str | None = None,
    policy: Policy | str | None = None,
    since_review: bool = True,
) -> Plan:
    """A ranked, explained plan for one patient. Same input, same output, always.

    Under a policy that a newer one updates (the default), the plan's ``since_review`` lists
    where the newer policy's plan for the same patient differs; ``since_review=False`` leaves
    that section empty and skips the newer policy's ranking (a caller that needs the options
    only; a cohort's rows read ``ranking``)."""
    if type(since_review) is not bool:  # 8099: 'no' read as true
        msg = f"since_review must be True or False, not {since_review!r}"
        raise TypeError(msg)
    p = load_profile(profile)  # checks the scope too
    prefs = load_preferences(preferences)
    pol = policy_of(policy)
    eb = evidence_of(evidence, pol)
    patient = Patient.of(p, prefs)
    plan, ranked = _plan(patient, pol, eb)
    if pol.updated_by is None or not since_review:
        return plan
    # the newer policy's ranking of the same patient (its own memo), and the differences: a
    # function of the two memoised ranked results, keyed by those objects themselves (worked
    # out only when they have not met before)
    newer = get(pol.updated_by)
    neb = newer.default_evidence()
    _ctx, memo = memo_for(pol, eb)
    theirs = _ranked(patient, newer, neb)
    # the differences read the options and exclusions (ids, ranks, tiers, rules, trials),
    # never a slot's text, an action or a note: the newer plan's ranking alone suffices
    entries = memo.get_or(
        ("since", newer.key, neb.version, ranked, theirs),
        lambda: since.since_review(
            plan,
            _plan_of(p, newer, neb, theirs.options, theirs.excluded, (), ()),
            newer,
            memo_for(newer, neb)[0].regimens,
            {r.number for r in pol.rules},
        ),
    )
    # what the newer policy alone asks before choosing (9053: SERENA-6's switch)
    asked = asked_first(pol, newer, patient.facts, memo_for(newer, neb)[0], theirs)
    entries = (*entries, *asked)
    return attrs.evolve(plan, since_review=entries) if entries else plan


def ranking(
    profile: Profile, preferences: Preferences, policy: Policy | str | None = None
) -> slots.Ranked:
    """The ranked options and exclusions of ``sequence(profile, preferences, policy=policy)``
    without the plan around them: no actions, notes or since-review section, and each finding
    still a slot in the reasons' text (what a cohort's option rows read: ranks, tiers, scores,
    rules and codes, which are the plan's own), after the checks of ``sequence``."""
    pol = policy_of(policy)
    return _ranked(
        Patient.of(load_profile(profile), load_preferences(preferences)),
        pol,
        pol.default_evidence(),
    )


def compare(
    profile: ProfileSource,
    before: Policy | str | None = None,
    after: Policy | str | None = None,
    preferences: Preferences | Mapping[str, Any] | None = None,
) -> tuple[Difference, ...]:
    """How the plan for one patient under ``after`` differs from the plan under ``before``
    (by default the default policy and the newer policy that updates it)."""
    patient = Patient.of(load_profile(profile), load_preferences(preferences))
    a = policy_of(before)
    if after is None and a.updated_by is None:
        msg = f"policy {a.name!r} names no newer policy; give the second policy"
        raise ValueError(msg)
    b = policy_of(after if after is not None else a.updated_by)
    return since.differences(
        _plan(patient, a, a.default_evidence())[0], _plan(patient, b, b.default_evidence())[0]
    )


def _plan(patient: Patient, pol: Policy, eb: EvidenceBase) -> tuple[Plan, slots.Ranked]:
    """The plan under one policy, and its memoised ranked result."""
    ranked = _ranked(patient, pol, eb)
    options, excluded = ranked.filled(lambda: slots.descriptions(patient.facts))
    planning = units_of(pol.rules).planning  # the rules with a plan-level part, found once
    ranked_here = ({o.regimen.kind for o in options}, {o.regimen.id for o in options})
    actions, plan_notes = plan_level(planning, patient.facts, memo_for(pol, eb)[0], ranked_here)
    plan_notes = (*plan_notes, *notes(patient.facts))
    if options and not any(o.tier is Tier.PREFERRED for o in options):
        actions, plan_notes = nothing_preferred_yet(actions, plan_notes, patient.facts)
    return _plan_of(patient.facts.profile, pol, eb, options, excluded, actions, plan_notes), ranked


def _ranked(patient: Patient, pol: Policy, eb: EvidenceBase) -> slots.Ranked:
    """The memoised ranked options and exclusions under one policy, their slots not filled."""
    ctx, memo = memo_for(pol, eb)
    mechanisms, findings = patient.mechanisms, patient.findings
    prefs = patient.facts.preferences
    factor_inputs = patient.inputs(ctx.call(_coverage))
    units = units_of(pol.rules)
    # the regimens considered: the policy's table, and the trials that the findings select
    # when include_trials (the mechanisms are a function of the findings: ``mechanisms_of``)
    specs: tuple[tuple[RegimenSpec, ...], tuple[str, ...]] = memo.lasting.get_or(
        ("considered", findings, prefs.include_trials),
        lambda: _with_ids(
            considered(
                ctx.call(_trial_index),
                pol.table(eb).regimens,
                mechanisms,
                findings,
                prefs.include_trials,
            )
        ),
    )
    # the ranked options are a function of the four Inputs and the regimens considered
    return _rank(pol, units, factor_inputs, specs, ctx, memo)


def _with_ids(specs: tuple[RegimenSpec, ...]) -> tuple[tuple[RegimenSpec, ...], tuple[str, ...]]:
    return specs, tuple(s.id for s in specs)


def _plan_of(  # noqa: PLR0917 - one call site, in order
    p: Profile,
    pol: Policy,
    eb: EvidenceBase,
    options: tuple[Option, ...],
    excluded: tuple[Exclusion, ...],
    actions: tuple[Action, ...],
    plan_notes: tuple[str, ...],
) -> Plan:
    return Plan(
        patient_id=p.patient_id,
        as_of=p.decision_date,
        options=options,
        excluded=excluded,
        actions=actions,
        notes=plan_notes,
        not_assessed=p.other_conditions + medications_as_read(p.medications),
        policy=pol.info,
        evidence_version=eb.version,
        library_version=version(),
        disclaimer=pol.disclaimer or DISCLAIMER,
    )


def _rank(  # noqa: PLR0917 - the one call site above passes them in order
    pol: Policy,
    units: Units,
    factor_inputs: dict[Factor, object],
    considered: tuple[tuple[RegimenSpec, ...], tuple[str, ...]],
    ctx: Context,
    memo: Memo[Any],
) -> slots.Ranked:
    specs, ids = considered

    def column(f: Factor) -> tuple[FactorResult, ...]:
        # one tree per (factor, regimens considered): the column stored by the Inputs fields
        # its rules read (``tracked``), as each regimen's result is; Inputs new to the memo
        # that agree with some before in every field read take the column in one walk
        shapes: Shapes = memo.lasting.get_or(("column shapes", f, ids), Shapes)
        stores: tuple[Stores, ...] = memo.lasting.get_or(
            ("column stores", f, ids), lambda: tuple(stores_of(memo, units, f, s) for s in specs)
        )
        found: tuple[FactorResult, ...] = shapes.assess(
            factor_inputs[f], lambda rec: tuple([result_of(memo, ctx, rec, s) for s in stores])
        )
        return found

    # a factor's results for the regimens considered, as one column (one lookup on a hit)
    columns = [
        memo.get_or(("column", f, factor_inputs[f], ids), lambda f=f: column(f))  # type: ignore[misc]
        for f in FACTORS
    ]

    # one row per (regimen, four results), shared by every plan that meets them: interned
    # FactorResults hash and compare by identity, so the zipped tuple is a cheap key
    rows: dict[tuple[Any, ...], Row] = memo.lasting.get_or(("rows",), dict)

    def ordered() -> slots.Ranked:
        found = []
        for key in zip(specs, *columns, strict=True):
            row = rows.get(key)
            if row is None:
                if len(rows) >= LASTING:
                    rows.clear()
                row = rows[key] = Row.of(Assessed.of(key[0], key[1:]), pol.weights)
            found.append(row)
        return combine(found)

    # patients with other Inputs but the same four results for every regimen share the order
    ranked: slots.Ranked = memo.get_or(("columns", ids, *columns), ordered)
    return ranked


def _trial_index(ctx: Context) -> TrialIndex:
    return TrialIndex.of(ctx.evidence)


def _coverage(ctx: Context) -> Coverage:
    """The drug sets of the policy's regimens (what a progressed course can exclude) and their
    dated first approvals, once per (policy, evidence)."""
    specs = ctx.regimens.values()
    return Coverage(
        (frozenset(spec.drugs) for spec in specs),
        ((s.regulatory.date or "", s.id) for s in specs if kinds.has_dated_approval(s)),
    )
