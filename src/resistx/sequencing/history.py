"""Factor 3: treatment history, duration of response and physical status (review, Discussion).

What was given and how it ended (progressed on it -> excluded), time on the CDK4/6
inhibitor, prior chemotherapy lines (gating the ADCs as their trials did), ECOG and
visceral crisis.
"""

from __future__ import annotations

from typing import NamedTuple

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import ExclusionCode, Factor
from resistx.model.plan import Reason
from resistx.model.regimen import Regimen
from resistx.sequencing import _kinds
from resistx.sequencing._assessment import Assessment, exclusion, num, reason
from resistx.sequencing._facts import Facts
from resistx.sequencing._sources import key_trials

F = Factor.HISTORY
NEGATIVE_TRIALS = {
    "venetoclax+fulvestrant": "VERONICA",
    "amcenestrant": "AMEERA-3",
    "giredestrant": "acelERA",
}
VISCERAL_CRISIS_CHEMO = 6.0
VISCERAL_CRISIS_OTHERS = -3.0
SHORT_ENDOCRINE = -5.0  # outweighs a biomarker match: the review puts chemotherapy and ADCs first
SHORT_CYTOTOXIC = 2.0
ADC_GATED = -2.0
ADC_OPENED = 1.0
POOR_PS_INTENSIVE = -2.0


class Inputs(NamedTuple):
    """Everything this factor reads about the patient, and nothing more (the memo key)."""

    visceral_crisis: bool
    short_months: float | None  # months on the last CDK4/6 inhibitor, when under the limit
    short_limit: float
    chemo_lines: int
    ecog: int | None
    after_palbociclib: bool
    had_cdk46i: bool
    progressed: tuple[str, ...] | None  # drugs of a treatment with every drug of the regimen


def assess(facts: Facts, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    progressed = None
    if not regimen.is_trial and regimen.id != "chemotherapy":
        treatment = facts.progressed_on(regimen.drugs)
        progressed = treatment.drugs if treatment is not None else None
    inputs = Inputs(
        visceral_crisis=facts.profile.visceral_crisis,
        short_months=round(facts.cdk46i_months, 1)
        if facts.short_cdk46i and facts.cdk46i_months is not None
        else None,
        short_limit=facts.preferences.short_cdk46i_months,
        chemo_lines=facts.chemo_lines,
        ecog=facts.profile.ecog,
        after_palbociclib="palbociclib" in facts.prior_cdk46i_drugs,
        had_cdk46i=facts.had_cdk46i,
        progressed=progressed,
    )
    return evidence.memoised(
        ("history", regimen.id, inputs), lambda: _assess(inputs, regimen, evidence)
    )


def _assess(facts: Inputs, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    rid = regimen.id
    trials = key_trials(rid) if not regimen.is_trial else (rid.removeprefix("trial:"),)
    excluded = _exclusions(facts, regimen, evidence, trials)
    if excluded:
        return Assessment(exclusions=excluded)

    score = 0.0
    out: list[Reason] = []

    def add(delta: float, code: str, text: str, cited: tuple[str, ...] = trials) -> None:
        nonlocal score
        score += delta
        out.append(reason(F, code, text, evidence, cited))

    months = facts.short_months
    if facts.visceral_crisis:
        if _kinds.is_chemotherapy(regimen):
            add(
                VISCERAL_CRISIS_CHEMO,
                "visceral_crisis_chemotherapy_first",
                "Visceral crisis: chemotherapy comes first; CDK4/6 inhibitor plus endocrine therapy "
                "is for disease without visceral crisis.",
            )
        else:
            add(
                VISCERAL_CRISIS_OTHERS,
                "visceral_crisis_not_first",
                "Visceral crisis: chemotherapy comes first, this after it.",
            )
    if months is not None:
        limit = num(facts.short_limit)
        if _kinds.is_endocrine_based(regimen):
            add(
                SHORT_ENDOCRINE,
                "short_cdk46i_endocrine_resistance",
                f"Only {num(months)} months on the CDK4/6 inhibitor (under {limit}): "
                "early endocrine resistance, so endocrine-based regimens come after chemotherapy and ADCs.",
            )
        elif _kinds.is_chemotherapy(regimen) or _kinds.is_adc(regimen):
            add(
                SHORT_CYTOTOXIC,
                "short_cdk46i_prefers_chemotherapy_or_adc",
                f"Only {num(months)} months on the CDK4/6 inhibitor (under {limit}): "
                "the review prefers chemotherapy and ADCs.",
            )
    lines = facts.chemo_lines
    if rid == "trastuzumab-deruxtecan":
        if lines >= 1:
            add(
                ADC_OPENED,
                "prior_chemotherapy_opens_trastuzumab_deruxtecan",
                f"{lines} prior chemotherapy line(s) for metastatic disease, as in DESTINY-Breast04 "
                "(1-2 lines).",
            )
        else:
            add(
                ADC_GATED,
                "adc_before_chemotherapy",
                "No chemotherapy for metastatic disease yet: DESTINY-Breast04 enrolled after 1-2 "
                "lines, and ADCs usually follow one or two lines of chemotherapy.",
            )
    if rid == "sacituzumab-govitecan":
        if lines >= 2:
            add(
                ADC_OPENED + 0.5,
                "prior_chemotherapy_opens_sacituzumab_govitecan",
                f"{lines} prior chemotherapy lines for metastatic disease, as in TROPiCS-02 (2-4 lines).",
            )
        else:
            add(
                ADC_GATED,
                "adc_before_chemotherapy",
                f"{lines} prior chemotherapy line(s) for metastatic disease: TROPiCS-02 enrolled "
                "after 2-4 lines.",
            )
    if facts.after_palbociclib:
        if rid == "ribociclib+fulvestrant":
            add(
                1.0,
                "switch_cdk46i_after_palbociclib",
                "After palbociclib, switching to ribociclib with fulvestrant is an option: MAINTAIN "
                "enrolled mostly palbociclib-pretreated patients.",
                ("MAINTAIN",),
            )
        elif rid == "abemaciclib":
            add(
                0.5,
                "switch_cdk46i_after_palbociclib",
                "After palbociclib, switching to abemaciclib is an option: a multicentre cohort "
                "reports it after palbociclib, without a randomised comparison.",
                trials,
            )
    if facts.ecog is not None and facts.ecog >= 3 and _kinds.is_intensive(regimen):
        add(
            POOR_PS_INTENSIVE,
            "poor_performance_status_intensive",
            f"ECOG {facts.ecog}: an intensive regimen, demoted in favour of the least toxic options.",
        )
    elif facts.ecog == 2 and _kinds.is_intensive(regimen):
        add(
            -0.5,
            "reduced_performance_status_intensive",
            f"ECOG {facts.ecog}: an intensive regimen.",
        )
    if not out:
        if not facts.had_cdk46i:
            add(
                0.0,
                "no_cdk46i_on_record",
                "No CDK4/6 inhibitor on record; the review's evidence is for patients after one.",
            )
        else:
            add(0.0, "not_given_before", f"{regimen.name} has not failed before.")
    return Assessment(score=score, reasons=tuple(out))


def _exclusions(
    facts: Inputs, regimen: Regimen, evidence: EvidenceBase, trials: tuple[str, ...]
) -> tuple[Reason, ...]:
    rid = regimen.id
    out: list[Reason] = []
    if rid in NEGATIVE_TRIALS:
        key = NEGATIVE_TRIALS[rid]
        out.append(
            exclusion(
                ExclusionCode.NEGATIVE_TRIAL,
                F,
                f"{key} showed no significant benefit after a CDK4/6 inhibitor; "
                "outside a trial it is left out.",
                evidence,
                (key,),
            )
        )
    if rid == "palbociclib+fulvestrant" and facts.had_cdk46i:
        out.append(
            exclusion(
                ExclusionCode.NEGATIVE_TRIAL,
                F,
                "Continuing palbociclib with fulvestrant after a CDK4/6 inhibitor did "
                "not improve PFS in PACE.",
                evidence,
                ("PACE",),
            )
        )
    if facts.progressed is not None:
        out.append(
            exclusion(
                ExclusionCode.PROGRESSED_ON,
                F,
                f"Progressed on {' + '.join(facts.progressed)} for metastatic disease.",
                evidence,
                trials,
            )
        )
    return tuple(out)
