"""Factor 2: comparative efficacy against the current standard (review, Discussion).

For each regimen, the studies that speak for it are read for the population that
matches the patient. A randomised result whose hazard-ratio CI excludes 1 scores its
ESMO-MCBS grade; one whose CI crosses 1 scores little; a single-arm or retrospective
median scores by its length. Each score is weighted by design (randomised phase III
over phase II over single-arm over retrospective) and by how far the study's
population resembles a patient after a CDK4/6 inhibitor.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from resistx.evidence import mcbs
from resistx.evidence._base import EvidenceBase
from resistx.model.enums import EndpointKind, Factor, TrialSetting
from resistx.model.evidence import Endpoint, HazardRatio, Trial
from resistx.model.regimen import Regimen
from resistx.sequencing._assessment import Assessment, num, reason
from resistx.sequencing._facts import Facts
from resistx.sequencing._sources import GERMLINE_BRCA_REFERENCES, key_trials

F = Factor.EFFICACY
PFS = EndpointKind.PFS


@attrs.frozen(kw_only=True)
class Source:
    """A study that speaks for a regimen, and how to pick the patient's population in it."""

    trial: str
    #: the population of the trial that matches the patient; None: the trial does not speak for her
    population: Callable[[Facts], str | None] = lambda _facts: "ITT"


def _esr1(f: Facts) -> str:
    return "ESR1-mutated" if f.esr1 else "ITT"


def _akt(f: Facts) -> str | None:
    if f.akt_pathway:
        return "AKT-pathway-altered"
    # NGS found no alteration: FAKTION's expanded non-altered subgroup speaks, not the ITT
    return None if f.pam_negative_by_ngs else "ITT"


def _faktion(f: Facts) -> str | None:
    if f.pam_negative_by_ngs:
        return "pathway-non-altered-NGS"
    return "pathway-altered-NGS" if f.akt_pathway else None


def _pik3ca(f: Facts) -> str:
    return "PIK3CA-mutated"


def _prior(f: Facts) -> str:
    return "prior-CDK4/6i"


def _her2_low(f: Facts) -> str | None:
    return "ITT" if f.her2_low else None  # DESTINY-Breast04 enrolled HER2-low disease


def _after_palbociclib(f: Facts) -> str | None:
    """Cohorts of patients whose disease progressed on palbociclib (refs 34, 35, PACE)."""
    return "ITT" if "palbociclib" in f.prior_cdk46i_drugs else None


def _maintain(f: Facts) -> str | None:
    if "palbociclib" in f.prior_cdk46i_drugs:
        return "palbociclib-pretreated"
    if "ribociclib" in f.prior_cdk46i_drugs:
        return "ribociclib-pretreated"
    return "ITT" if f.prior_cdk46i_drugs else None  # MAINTAIN enrolled after a CDK4/6 inhibitor


def _parp(f: Facts) -> str | None:
    """TBCRC 048 reports germline PALB2 and somatic BRCA1/2; germline BRCA1/2 was not its question."""
    origins = {(x.gene, x.result.origin.value) for x in f.parp_findings}
    if ("PALB2", "germline") in origins:
        return "HR+/HER2- germline-PALB2"
    if origins & {("BRCA1", "somatic"), ("BRCA2", "somatic")}:
        return "HR+/HER2- somatic-BRCA1/2"
    return None


GERMLINE_BRCA_SCORE = 1.0


SOURCES: dict[str, tuple[Source, ...]] = {
    "elacestrant": (Source(trial="EMERALD", population=_esr1),),
    "camizestrant": (Source(trial="SERENA-2", population=_prior),),
    "amcenestrant": (Source(trial="AMEERA-3"),),
    "giredestrant": (Source(trial="acelERA"),),
    "fulvestrant": (
        Source(trial="PACE"),
        Source(trial="retrospective-ref33"),
        Source(trial="CAPItello-291"),
    ),
    "alpelisib+fulvestrant": (
        Source(trial="BYLieve"),
        Source(trial="SOLAR-1", population=_pik3ca),
        Source(trial="SOLAR-1", population=_prior),
    ),
    "capivasertib+fulvestrant": (
        Source(trial="CAPItello-291", population=_akt),
        Source(trial="FAKTION", population=_faktion),
    ),
    "everolimus+exemestane": (
        Source(trial="retrospective-ref47", population=_prior),
        Source(trial="retrospective-ref46", population=_prior),
    ),
    "ribociclib+everolimus+exemestane": (Source(trial="TRINITI-1"),),
    "ribociclib+fulvestrant": (Source(trial="MAINTAIN", population=_maintain),),
    "palbociclib+fulvestrant": (
        Source(trial="PACE", population=_after_palbociclib),
        Source(trial="retrospective-ref34", population=_after_palbociclib),
    ),
    "abemaciclib": (Source(trial="retrospective-ref35", population=_after_palbociclib),),
    "olaparib": (Source(trial="TBCRC 048", population=_parp),),
    "talazoparib": (),
    "trastuzumab-deruxtecan": (Source(trial="DESTINY-Breast04"),),
    "sacituzumab-govitecan": (Source(trial="TROPiCS-02"),),
    "chemotherapy": (
        Source(trial="retrospective-ref33"),
        Source(trial="TROPiCS-02"),
        Source(trial="DESTINY-Breast04", population=_her2_low),
    ),
    "venetoclax+fulvestrant": (Source(trial="VERONICA"),),
}


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


@attrs.frozen(kw_only=True)
class _Scored:
    score: float
    code: str
    text: str
    trial: str


def _arm_of(trial: Trial, regimen_id: str) -> list[str]:
    return [a.label for a in trial.arms if a.regimen == regimen_id]


def _regimen_of(trial: Trial, label: str) -> str | None:
    return next((a.regimen for a in trial.arms if a.label == label), None)


def _median(trial: Trial, arm: str, population: str, kind: EndpointKind = PFS) -> Endpoint | None:
    return next(
        (
            e
            for e in trial.endpoints
            if e.kind is kind and e.arm == arm and e.population == population
        ),
        None,
    )


def _ci(e: Endpoint | HazardRatio) -> str:
    return f" (95% CI {num(e.ci95[0])}-{num(e.ci95[1])})" if e.ci95 else ""


def _prior_share(trial: Trial) -> str:
    """How many of the trial's patients had a CDK4/6 inhibitor, as far as the review says."""
    if trial.prior_cdk46i_fraction is not None:
        return f", {num(trial.prior_cdk46i_fraction * 100)}% after a CDK4/6 inhibitor"
    return {
        TrialSetting.AFTER_CDK46I: ", all after a CDK4/6 inhibitor",
        TrialSetting.MIXED: ", some after a CDK4/6 inhibitor",
        TrialSetting.CDK46I_NAIVE: ", none after a CDK4/6 inhibitor",
    }.get(trial.setting, "")


def _score_source(trial: Trial, regimen_id: str, population: str) -> _Scored | None:
    arms = _arm_of(trial, regimen_id)
    pop = population
    design = trial.phase if trial.phase == "retrospective" else f"phase {trial.phase}"
    label = f"{trial.key} ({design}{_prior_share(trial)})"
    where = "" if pop == "ITT" else f", {pop}"
    hr = next(
        (
            h
            for h in trial.hazard_ratios
            if h.endpoint_kind is PFS
            and h.population == pop
            and h.experimental in arms
            # a treatment comparison, not the same regimen in two kinds of patients
            and _regimen_of(trial, h.control) != regimen_id
        ),
        None,
    )
    if hr is not None:
        weight = _design_weight(trial, randomised=True) * _resemblance(trial, pop)
        exp = _median(trial, hr.experimental, pop)
        ctl = _median(trial, hr.control, pop)
        grade = mcbs.grade(
            hr,
            exp.value if exp else None,
            ctl.value if ctl else None,
            trial=trial.key,
            population=pop,
        )
        medians = f"median PFS {num(exp.value)} vs {num(ctl.value)} months, " if exp and ctl else ""
        figures = f"{label}{where}: {medians}HR {num(hr.value)}{_ci(hr)}"
        if hr.significant and hr.value > 1:
            return _Scored(
                score=0.0,
                code="randomised_harm",
                trial=trial.key,
                text=f"{figures}; significantly worse than the control.",
            )
        if grade.grade is not None:
            return _Scored(
                score=grade.grade * weight,
                code="randomised_benefit",
                trial=trial.key,
                text=f"{figures}; ESMO-MCBS preliminary grade {grade.grade} "
                f"(Form {grade.form}, computed by resistx).",
            )
        if hr.significant:
            return _Scored(
                score=1.5 * weight,
                code="randomised_benefit",
                trial=trial.key,
                text=f"{figures}; significant (no medians for an ESMO-MCBS grade).",
            )
        return _Scored(
            score=0.5 * weight,
            code="no_significant_benefit",
            trial=trial.key,
            text=f"{figures}; the CI includes 1.",
        )
    for arm in arms:
        e = _median(trial, arm, pop)
        if e is not None:
            weight = _design_weight(trial, randomised=False) * _resemblance(trial, pop)
            others = [
                f"{o.arm} {num(o.value)}"
                for o in trial.endpoints
                if o.kind is PFS and o.population == pop and o.arm != arm
            ]
            compared = (
                f"; other arms: {', '.join(others)} months (no hazard ratio for this arm)"
                if others
                else ", without a randomised comparison"
            )
            return _Scored(
                score=min(e.value / 3.0, 2.5) * weight,
                code="arm_median" if others else "single_arm_median",
                trial=trial.key,
                text=f"{label}{where}: median PFS {num(e.value)} months{_ci(e)} in the {arm} arm{compared}.",
            )
    for arm in arms:
        orr = next(
            (
                e
                for e in trial.endpoints
                if e.kind is EndpointKind.ORR and e.arm == arm and e.population == pop
            ),
            None,
        )
        if orr is not None:
            weight = _design_weight(trial, randomised=False) * _resemblance(trial, pop)
            score = 2.0 if orr.value >= 50 else 1.0 if orr.value >= 20 else 0.5
            return _Scored(
                score=score * weight,
                code="response_rate",
                trial=trial.key,
                text=f"{label}{where}: objective response rate {num(orr.value)}%.",
            )
    return None


def assess(facts: Facts, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    if regimen.is_trial:
        trial = evidence.trial(regimen.trial_id or regimen.id)
        return Assessment(
            score=0.0,
            reasons=(
                reason(
                    F,
                    "no_results_yet",
                    f"{trial.key} (phase {trial.phase}) reports no results in the review; efficacy is unknown.",
                    evidence,
                    (trial.key,),
                ),
            ),
        )
    if regimen.id in ("olaparib", "talazoparib") and _germline_brca_only(facts):
        return evidence.memoised(
            ("efficacy", regimen.id, "gBRCA"), lambda: _germline_brca(regimen, evidence)
        )
    sources = SOURCES[regimen.id]
    populations = tuple(source.population(facts) for source in sources)
    # the result depends only on the evidence, the regimen and the populations picked
    return evidence.memoised(
        ("efficacy", regimen.id, populations),
        lambda: _assess_sources(regimen, evidence, sources, populations),
    )


def _germline_brca_only(facts: Facts) -> bool:
    found = facts.parp_findings
    return bool(found) and all(
        f.gene in ("BRCA1", "BRCA2") and f.result.origin.value == "germline" for f in found
    )


def _germline_brca(regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    return Assessment(
        score=GERMLINE_BRCA_SCORE,
        reasons=(
            reason(
                F,
                "approved_for_germline_brca",
                f"{regimen.name}: approved for germline BRCA-mutated disease on trials the review "
                "cites without figures, whose patients had not received a CDK4/6 inhibitor; "
                "TBCRC 048 enrolled germline mutations other than BRCA.",
                evidence,
                (),
                references=GERMLINE_BRCA_REFERENCES,
            ),
        ),
    )


def _assess_sources(
    regimen: Regimen,
    evidence: EvidenceBase,
    sources: tuple[Source, ...],
    populations: tuple[str | None, ...],
) -> Assessment:
    scored: list[_Scored] = []
    for source, population in zip(sources, populations, strict=True):
        if population is None or source.trial not in evidence:
            continue
        trial = evidence.trial(source.trial)
        found = _score_source(trial, regimen.id, population)
        if found is None and population != "ITT":
            found = _score_source(trial, regimen.id, "ITT")
        if found is not None:
            scored.append(found)
    if not scored:
        trials = key_trials(regimen.id)
        return Assessment(
            score=0.25,
            reasons=(
                reason(
                    F,
                    "no_direct_evidence",
                    f"The review reports no efficacy figures for {regimen.name} after a CDK4/6 inhibitor.",
                    evidence,
                    trials,
                ),
            ),
        )
    best = max(scored, key=lambda s: (s.score, s.trial))
    others = [s for s in scored if s is not best]
    reasons = [reason(F, best.code, best.text, evidence, (best.trial,))]
    reasons += [reason(F, s.code, s.text, evidence, (s.trial,)) for s in others]
    return Assessment(score=round(best.score, 6), reasons=tuple(reasons))
