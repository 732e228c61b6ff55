"""Factor 2 (review, Discussion): comparative efficacy against the current standard (rule 16).

Each regimen's record names the studies that carry its efficacy and a population selector
for each; the study is read for the patient's population. A randomised result whose CI
excludes 1 scores its ESMO-MCBS preliminary grade; one whose CI crosses 1 scores little; a
single-arm or retrospective median scores by its length. Scores are weighted by design and
by how far the study's population resembles a patient after a CDK4/6 inhibitor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from resistx.evidence import mcbs
from resistx.model._show import ratio
from resistx.model.enums import DrugClass, EndpointKind, Factor, TrialSetting, TrialStatus
from resistx.model.evidence import Endpoint, HazardRatio, Trial
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import EfficacyInputs
from resistx.sequencing.rule import Context, Effect, months, num, rule
from resistx.sequencing.rules.endocrine import cdk46i_naive_evidence
from resistx.sequencing.rules.figures import (
    hr_ci,
    no_figures_text,
    population_label,
    prior_share,
    provenance,
    study_label,
)
from resistx.sequencing.rules.populations import SELECTORS, chemotherapy_naive, germline_brca_only
from resistx.sequencing.weights import Weights

PFS = EndpointKind.PFS


#: a listed trial's status as the evidence gives it, in a reason's words
_STATUS = {
    TrialStatus.ONGOING: "in progress",
    TrialStatus.UNKNOWN: "of unknown status",
    TrialStatus.COMPLETED: "completed",
    TrialStatus.TERMINATED: "terminated",
}


# rule 16: comparative efficacy from the regimen's trials
@rule(
    16,
    "Comparative efficacy from the regimen's trials",
    Factor.EFFICACY,
    condition="Always: each study of the regimen's record, read for the patient's population.",
    effect="Randomised benefit scores its ESMO-MCBS preliminary grade (computed by resistx) "
    "times design and resemblance weights; single-arm medians and response rates score less; "
    "no figures: a small score and a reason saying so.",
    codes=(
        "randomised_benefit",
        "randomised_harm",
        "no_significant_benefit",
        "arm_median",
        "single_arm_median",
        "response_rate",
        "no_direct_evidence",
        "cdk46i_naive_fulvestrant_partner",
        "cdk46i_naive_ai_partner",
        "approved_for_germline_brca",
        "no_results_yet",
    ),
    trials=("EMERALD", "CAPItello-291", "DESTINY-Breast04", "TROPiCS-02", "MAINTAIN"),
)
def comparative_efficacy(i: EfficacyInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if kinds.is_trial(spec):
        yield _listed_trial(ctx.evidence.trial(spec.key_trials[0]))
        return
    if spec.kind.value == "parp_inhibitor" and germline_brca_only(i):
        yield Effect(
            code="approved_for_germline_brca",
            delta=w.germline_brca,
            text=f"{spec.name}: approved for germline BRCA-mutated HER2-negative disease on "
            "trials the review cites without figures (refs 74-75), whose patients had been "
            "treated with chemotherapy and not with a CDK4/6 inhibitor; TBCRC 048 enrolled "
            "germline mutations other than BRCA.",
            references=spec.references,
        )
        return
    scored: list[Effect] = []
    for source in spec.efficacy:
        population = SELECTORS[source.population](i)
        if population is None:
            continue
        arm = source.arm_of or spec.id
        found = ctx.call(_scored, source.trial, arm, population)
        if found is None and population != "ITT":
            found, population = ctx.call(_scored, source.trial, arm, "ITT"), "ITT"
        if found is not None:
            scored.append(found if population != "ITT" else _whose(found, spec, i))
    naive = None if scored or i.cdk46i_resistant else cdk46i_naive_evidence(spec, w)
    if naive is not None:
        yield naive
        return
    if not scored:
        yield Effect(
            code="no_direct_evidence",
            delta=w.no_direct_evidence,
            # a pack after the review holds drugs the review never names (gedatolisib: case 1986)
            text=no_figures_text(ctx, spec),
            trials=spec.key_trials,
        )
        return
    best = max(scored, key=lambda s: (s.delta, s.trials))
    # the other studies explain, and do not add to the score
    said = [best, *(attrs.evolve(s, delta=0.0) for s in scored if s is not best)]
    if kinds.is_chemotherapy(spec) and not i.prior_chemotherapy:
        said = chemotherapy_naive(said)
    yield from said


def _whose(e: Effect, spec: RegimenSpec, i: EfficacyInputs) -> Effect:
    """An oral SERD's result in all patients, for a patient without an ESR1 mutation: the
    ESR1-mutated among them drew the greater benefit (the review; recheck of case 504). Not a
    combination's, which its trial compared in all patients (rule 1)."""
    if i.esr1 or kinds.classes(spec) != (DrugClass.ORAL_SERD,):
        return e
    return attrs.evolve(
        e,
        text=f"{e.text.rstrip('.')}; these are all its patients, the ESR1-mutated among "
        "them, who drew the greater benefit.",
    )


def _listed_trial(trial: Trial) -> Effect:
    """A trial offered for enrolment: what the evidence says of it, and that its status since
    is unknown to resistx (cases 362, 366: a trial the review lists as in progress had closed
    and reported by a plan's date)."""
    return Effect(
        code="no_results_yet",
        text=f"{trial.key} (phase {trial.phase}) reports no results in resistx's evidence, "
        f"which lists it as {_STATUS[trial.status]}; whether it still enrols, or has reported "
        "since, resistx does not know: check its registry entry "
        f"({trial.nct_id}) before referring.",
        trials=(trial.key,),
    )


def _scored(ctx: Context, trial: str, regimen_id: str, population: str) -> Effect | None:
    return _score(ctx.evidence.trial(trial), regimen_id, population, ctx.weights)


def _design_weight(trial: Trial, randomised: bool) -> float:
    phase = trial.phase.upper()
    if phase == "RETROSPECTIVE":
        return 0.5
    if randomised:
        return 1.0 if phase.startswith("III") else 0.85
    return 0.5 if phase in ("I", "IB") else 0.7


def _resemblance(trial: Trial, population: str) -> float:
    """How far the population resembles a patient after a CDK4/6 inhibitor (0.5 to 1)."""
    if population == "prior-CDK4/6i":
        return 1.0
    fraction = trial.prior_cdk46i_fraction
    if fraction is None:
        fraction = {TrialSetting.AFTER_CDK46I: 1.0, TrialSetting.MIXED: 0.5}.get(trial.setting, 0.0)
    return 0.5 + 0.5 * fraction


def _median(trial: Trial, arm: str, population: str, kind: EndpointKind = PFS) -> Endpoint | None:
    return next(
        (
            e
            for e in trial.endpoints
            if e.kind is kind and e.arm == arm and e.population == population
        ),
        None,
    )


def _ci(e: Endpoint) -> str:
    return f" (95% CI {months(e.ci95[0])}\u2013{months(e.ci95[1])})" if e.ci95 else ""


def arm_name(label: str) -> str:
    """An arm as a reader says it: without the letter a table prefixes it with ("A: ")."""
    return re.sub(r"^[A-Z]\d?: ", "", label)


def _score(trial: Trial, regimen_id: str, pop: str, w: Weights) -> Effect | None:
    arms = [a.label for a in trial.arms if a.regimen == regimen_id]
    design = trial.phase if trial.phase == "retrospective" else f"phase {trial.phase}"
    label = f"{study_label(trial)} ({design}{prior_share(trial)})"
    where = "" if pop == "ITT" else f", {population_label(pop)}"
    regimen_of = {a.label: a.regimen for a in trial.arms}
    for hr in trial.hazard_ratios:
        if (
            hr.endpoint_kind is PFS
            and hr.population == pop
            and hr.experimental in arms
            and regimen_of.get(hr.control) != regimen_id  # a comparison, not two populations
        ):
            return _randomised(trial, hr, pop, f"{label}{where}", w)
    for arm in arms:
        e = _median(trial, arm, pop)
        if e is None:
            continue
        weight = _design_weight(trial, randomised=False) * _resemblance(trial, pop)
        versus = [
            h
            for h in trial.hazard_ratios
            if h.control == arm and h.population == pop and h.endpoint_kind is PFS
        ]
        if versus:
            h = versus[0]
            exp = _median(trial, h.experimental, pop)
            other = f" {months(exp.value)} months" if exp else ""
            compared = f"; it was the control arm, and {arm_name(h.experimental)} did better ({other.strip() or 'median not given'}, HR {ratio(h.value)}{hr_ci(h)})"
            code = "arm_median"
        else:
            others = [
                f"{arm_name(o.arm)}: {months(o.value)}"
                for o in trial.endpoints
                if o.kind is PFS and o.population == pop and o.arm != arm
            ]
            compared = (
                f"; other arms (months): {', '.join(others)}, no hazard ratio between them"
                if others
                else ", without a randomised comparison"
            )
            code = "arm_median" if others else "single_arm_median"
        return Effect(
            code=code,
            delta=min(e.value / w.median_divisor, w.median_cap) * weight,
            text=f"{label}{where}{provenance(e)}: median PFS {months(e.value)} months{_ci(e)} on "
            f"{arm_name(arm)}{compared}.",
            trials=(trial.key,),
        )
    return _response_rate(trial, arms, pop, f"{label}{where}")


def _response_rate(trial: Trial, arms: list[str], pop: str, label: str) -> Effect | None:
    """A single-arm study's objective response rate, with how many patients it is of."""
    for arm in arms:
        orr = _median(trial, arm, pop, EndpointKind.ORR)
        if orr is not None:
            weight = _design_weight(trial, randomised=False) * _resemblance(trial, pop)
            score = 2.0 if orr.value >= 50 else 1.0 if orr.value >= 20 else 0.5
            among = f" among {orr.n} patients" if orr.n else ""
            return Effect(
                code="response_rate",
                delta=score * weight,
                text=f"{label}{provenance(orr)}: objective response rate {num(orr.value)}%{among}.",
                trials=(trial.key,),
            )
    return None


def _randomised(trial: Trial, hr: HazardRatio, pop: str, label: str, w: Weights) -> Effect:
    weight = _design_weight(trial, randomised=True) * _resemblance(trial, pop)
    exp = _median(trial, hr.experimental, pop)
    ctl = _median(trial, hr.control, pop)
    grade = mcbs.grade(
        hr, exp.value if exp else None, ctl.value if ctl else None, trial=trial.key, population=pop
    )
    # the control named (EMBER-3's combination against imlunestrant alone: case 4620a)
    medians = (
        f"median PFS {months(exp.value)} vs {months(ctl.value)} months on {hr.control}, "
        if exp and ctl
        else ""
    )
    figures = f"{label}{provenance(hr, exp, ctl)}: {medians}HR {ratio(hr.value)}{hr_ci(hr)}"
    if hr.significant and hr.value > 1:
        code, delta, tail = "randomised_harm", 0.0, "significantly worse than the control"
    elif grade.grade is not None:
        code, delta = "randomised_benefit", grade.grade * weight
        tail = f"ESMO-MCBS preliminary grade {grade.grade} (Form {grade.form}, computed by resistx)"
    elif hr.significant:  # ESMO-MCBS grades no exploratory subgroup (6100: FAKTION's NGS)
        code, delta = "randomised_benefit", w.significant_no_grade * weight
        tail = (
            "significant (an exploratory subgroup: no ESMO-MCBS grade)"
            if mcbs.subgroup_explored(hr)
            else "significant (no medians for an ESMO-MCBS grade)"
        )
    else:
        code, delta, tail = (
            "no_significant_benefit",
            w.not_significant * weight,
            "the CI includes 1",
        )
    return Effect(code=code, delta=delta, text=f"{figures}; {tail}.", trials=(trial.key,))
