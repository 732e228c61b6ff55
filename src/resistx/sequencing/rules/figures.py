"""Figures read from the evidence for the practice-2026 rules' texts: a trial's medians and
hazard ratio for a regimen in one population, and a regimen's approval as the table gives it.
Every figure a rule quotes comes from here, never from the rule's own text."""

from __future__ import annotations

import datetime as dt

from resistx.model._show import ratio, ratio_ci
from resistx.model.enums import EndpointKind, TrialSetting, Verification
from resistx.model.evidence import AdverseEvent, Endpoint, HazardRatio, Trial
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.rule import Context, months, num

PFS = EndpointKind.PFS


def provenance(*found: Endpoint | HazardRatio | AdverseEvent | None) -> str:
    """' (post hoc; secondary source)' after figures a plan quotes: a post hoc analysis (its
    source says so), one outside a trial's hierarchical testing, a figure verified only in a secondary report (update-2026.md's V-2nd).
    The review's own figures, and primary-verified ones, carry no tag."""
    said = tags(*found)
    return f" ({'; '.join(said)})" if said else ""


def tags(*found: Endpoint | HazardRatio | AdverseEvent | None) -> list[str]:
    """``provenance``'s tags, each a phrase ('post hoc', 'secondary source')."""
    given = [f for f in found if f is not None]
    return [
        tag
        for tag, said in (
            ("post hoc", any("post hoc" in f.source.casefold() for f in given)),
            ("exploratory", any("exploratory" in f.source.casefold() for f in given)),
            # VIKTORIA-1's doublet (update-2026.md section 9; 6850, 6862)
            (
                "outside the hierarchical testing",
                any("not in the hierarchical test" in f.source for f in given),
            ),
            ("secondary source", any(f.verification is Verification.SECONDARY for f in given)),
        )
        if said
    ]


def _hr(
    trial: Trial, regimen_id: str | None, population: str, kind: EndpointKind
) -> HazardRatio | None:
    """The hazard ratio of the regimen's arm in ``population``; with no regimen id, the
    trial's first in it (arms the table links to no regimen: SERENA-6's)."""
    arms = {a.label for a in trial.arms if a.regimen == regimen_id}
    return next(
        (
            h
            for h in trial.hazard_ratios
            if h.endpoint_kind is kind
            and h.population == population
            and (regimen_id is None or h.experimental in arms)
        ),
        None,
    )


def _median(trial: Trial, arm: str, population: str, kind: EndpointKind) -> Endpoint | None:
    return next(
        (
            e
            for e in trial.endpoints
            if e.kind is kind and e.arm == arm and e.population == population
        ),
        None,
    )


def figures(
    ctx: Context, trial_key: str, regimen_id: str | None, population: str, kind: EndpointKind = PFS
) -> str | None:
    """'median PFS 13.2 vs 8.1 months, HR 0.63' for a regimen in a trial, from the evidence."""
    if trial_key not in ctx.evidence:
        return None
    trial = ctx.evidence.trial(trial_key)
    hr = _hr(trial, regimen_id, population, kind)
    if hr is None:
        return None
    exp = _median(trial, hr.experimental, population, kind)
    ctl = _median(trial, hr.control, population, kind)
    medians = (
        f"median {kind.value} {months(exp.value)} vs {months(ctl.value)} months, "
        if exp and ctl
        else ""
    )
    inside = [f"95% CI {ratio_ci(hr.ci95)}"] if hr.ci95 else []
    inside += tags(hr, exp, ctl)  # one parenthesis: 'HR 0.41 (95% CI 0.26-0.63; post hoc)'
    return f"{medians}HR {ratio(hr.value)}" + (f" ({'; '.join(inside)})" if inside else "")


def hr_ci(hr: HazardRatio) -> str:
    """' (95% CI 0.79\u20131.27)' as printed, or '' where the source prints none."""
    return f" (95% CI {ratio_ci(hr.ci95)})" if hr.ci95 else ""


def medians(
    ctx: Context,
    trial_key: str,
    regimen_id: str,
    population: str,
    kind: EndpointKind = PFS,
    *,
    against: str | None = None,
) -> str | None:
    """'median PFS 5.5 vs 1.9 months' of a subgroup that reports medians only, from the
    evidence: the regimen's arm against the trial's other arm (``against``: the control arm's
    label, where the trial has more than two: VIKTORIA-1's doublet against alpelisib)."""
    if trial_key not in ctx.evidence:
        return None
    trial = ctx.evidence.trial(trial_key)
    found = [e for e in trial.endpoints if e.kind is kind and e.population == population]
    ours = {a.label for a in trial.arms if a.regimen == regimen_id}
    exp = next((e for e in found if e.arm in ours), None)
    ctl = next((e for e in found if e.arm not in ours and against in (None, e.arm)), None)
    if exp is None or ctl is None:
        return None
    return f"median {kind.value} {months(exp.value)} vs {months(ctl.value)} months{provenance(exp, ctl)}"


#: who reports no figures for a regimen: the review, or a pack extending it (by ``extends``)
_REPORTS = {
    True: "The review reports no",
    False: "Neither the review nor the evidence after it reports",
}


#: the evidence's population keys a reader would stumble on, as a plan words them (5808: an
#: evidence line read 'pathway-non-altered-NGS:'); a key not here reads as it is
POPULATION_WORDS = {
    "AKT-pathway-altered": "AKT pathway altered",
    "ESR1-not-detected": "ESR1 not detected",
    "HER2-low-or-ultralow": "HER2-low or -ultralow",
    "HR+/HER2- germline-PALB2": "HR+/HER2- with a germline PALB2 mutation",
    "HR+/HER2- somatic-BRCA1/2": "HR+/HER2- with a somatic BRCA1/2 mutation",
    "PIK3CA-not-mutated": "PIK3CA not mutated",
    "PIK3CA-wild-type": "PIK3CA wild-type",
    "concurrently-randomized": "the patients randomised concurrently",
    "germline-PALB2": "germline PALB2 mutation",
    "no-prior-CDK4/6i": "no prior CDK4/6 inhibitor",
    "pathway-altered-NGS": "pathway altered (NGS)",
    "pathway-altered-ddPCR": "pathway altered (ddPCR)",
    "pathway-non-altered-NGS": "pathway not altered (NGS)",
    "pathway-non-altered-ddPCR": "pathway not altered (ddPCR)",
    "prior-CDK4/6i": "after a CDK4/6 inhibitor",
    "prior-CDK4/6i, updated analysis": "after a CDK4/6 inhibitor, updated analysis",
    "somatic-BRCA1/2": "somatic BRCA1/2 mutation",
}


def population_label(population: str) -> str:
    """A population of the evidence as a reader knows it."""
    return POPULATION_WORDS.get(population, population)


def study_label(trial: Trial) -> str:
    """A study as a reader knows it: its name, or for an unnamed study its design and ref."""
    if trial.key.startswith(("retrospective-", "phase1")):
        refs = ", ".join(str(r) for r in trial.references)
        return f"a {trial.design} (ref. {refs})"
    return trial.key


def no_figures_text(ctx: Context, spec: RegimenSpec) -> str:
    """Rule 16's reason where no study of the regimen's record scores for this patient: none
    reports figures for them, or (case 3373) its trial reports the regimen for another
    population or in secondary sources only, which its other reasons quote where they apply."""
    arms = {
        a.label
        for key in spec.key_trials
        if key in ctx.evidence
        for a in ctx.evidence.trial(key).arms
        if a.regimen == spec.id
    }
    reported = [
        study_label(ctx.evidence.trial(key))
        for key in spec.key_trials
        if key in ctx.evidence and any(e.arm in arms for e in ctx.evidence.trial(key).endpoints)
    ]
    if reported:
        return (
            f"No efficacy figure for {spec.name} is scored for this patient after a CDK4/6 "
            f"inhibitor: {', '.join(reported)} reports it for another population, or in "
            "secondary sources only (its other reasons quote those figures where they apply)."
        )
    return (
        f"{_REPORTS[ctx.evidence.extends is None]} efficacy figures for {spec.name} for this "
        "patient after a CDK4/6 inhibitor."
    )


def approval(spec: RegimenSpec) -> str:
    return spec.regulatory.said()


def approved_as(ctx: Context, regimen_id: str, day: dt.date | None) -> str:
    """' (authority date)' of a regimen of the policy's table, or nothing where it has none;
    an approval dated after ``day`` (the plan's date, where known) says so."""
    spec = ctx.regimens.get(regimen_id)
    if spec is None:
        return ""
    when = approval(spec)
    if approved_later(ctx, regimen_id, day):
        when += ", after this plan's date"
    return f" ({when})"


def approved_later(ctx: Context, regimen_id: str, day: dt.date | None) -> bool:
    """The policy's table dates the regimen's approval after ``day`` (the plan's date)."""
    spec = ctx.regimens.get(regimen_id)
    return spec is not None and kinds.approved_after(spec.regulatory.date, day)


def prior_share(trial: Trial) -> str:
    """', 59.8% after a CDK4/6 inhibitor (secondary source)': who of a study's patients had
    one, as its record gives it (an assumed setting said to be one: FAKTION, case 3344)."""
    if trial.prior_cdk46i_fraction is not None:
        level = trial.prior_cdk46i_verification
        tag = " (secondary source)" * (level is Verification.SECONDARY)
        return f", {num(trial.prior_cdk46i_fraction * 100)}% after a CDK4/6 inhibitor{tag}"
    said = {
        TrialSetting.AFTER_CDK46I: ", all after a CDK4/6 inhibitor",
        TrialSetting.MIXED: ", some after a CDK4/6 inhibitor",
        TrialSetting.CDK46I_NAIVE: ", none after a CDK4/6 inhibitor",
    }.get(trial.setting, "")
    return f"{said} (assumed: the review does not say)" if said and trial.setting_assumed else said
