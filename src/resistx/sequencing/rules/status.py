"""Factor 3, continued: physical status (rules 13 and 98), a trial's population after a CDK4/6
inhibitor (rule 52), and the history factor's neutral reason (rule 20); rule 101 (a trial
after first-line CDK4/6-inhibitor therapy) is in ``first_line_trial``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode, Factor, TrialSetting
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, Precedence, left_out, rule
from resistx.sequencing.rules.status_texts import CRISIS_AT_ECOG_2, CRISIS_AT_ECOG_3, SINGLE_AGENT
from resistx.sequencing.weights import Weights

H = Factor.HISTORY


# rule 13: poor performance status: the least toxic first
@rule(
    13,
    "Poor performance status: the least toxic first",
    H,
    condition="ECOG 3 or 4 (ECOG 2: a smaller step).",
    effect="Hard precedence at ECOG 3-4: intensive regimens (chemotherapy, ADCs, PI3K/AKT/mTOR "
    "combinations), trial enrolment and investigational regimens (and those approved only after "
    "the plan's date, rule 46; case 901) rank after every other "
    "option and lose merit; other options come after every approved endocrine monotherapy "
    "(a second hard step) and lose less, their reason naming best supportive care (none may "
    "be left: case 1862); endocrine monotherapy nothing, and its reason says it "
    "comes first. In a visceral crisis chemotherapy, "
    "which answers it (rule 7), loses only the ECOG 2 step: at ECOG 2 a combination or a "
    "fast-acting agent where the disease brought the decline, else a single agent; at ECOG 3-4 "
    "a single agent (without saying the status weighs against it). Toxicity weighs "
    "three times as much (rule 14). After early endocrine resistance (rule 18's short time on "
    "the CDK4/6 inhibitor) an endocrine-based combination ranks with the intensive regimens, "
    "after endocrine monotherapy and no better placed than chemotherapy (case 2052). An oral "
    "SERD where ESR1 is not mutated on a current test, outside its label as rule 75 reads it, "
    "is not among the least toxic first: it comes after the endocrine options given within "
    "theirs (9647; not on an older or missing result, 9973).",
    codes=(
        "poor_performance_status_crisis",
        "poor_performance_status_intensive",
        "poor_performance_status_more_toxic",
        "poor_performance_status_least_toxic",
        "reduced_performance_status_intensive",
        "poor_performance_status_trial",
        "poor_performance_status_resistant_combination",
        "poor_performance_status_outside_label",
    ),
)
def performance_status(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if i.ecog is None:
        return
    if i.ecog >= 3 and (kinds.is_trial(spec) or kinds.is_investigational(spec) or _later(i, spec)):
        yield Effect(
            code="poor_performance_status_trial",
            delta=w.poor_ps_intensive,
            demote=Precedence.POOR_PERFORMANCE,
            text=f"ECOG {i.ecog}: trials of new agents usually enrol ECOG 0-1; after the least "
            "toxic options.",
            trials=spec.key_trials,
        )
    elif i.ecog >= 2 and i.visceral_crisis and kinds.is_chemotherapy(spec):  # case 426
        yield Effect(
            code="poor_performance_status_crisis",
            delta=w.reduced_ps_intensive,
            text=f"ECOG {i.ecog} in a visceral crisis: chemotherapy is what answers the crisis"
            + (CRISIS_AT_ECOG_2 if i.ecog == 2 else CRISIS_AT_ECOG_3),
            trials=spec.key_trials,
        )
    elif i.ecog >= 3:
        yield _poor(i, spec, w)
    elif i.ecog == 2 and kinds.is_intensive(spec):
        yield Effect(
            code="reduced_performance_status_intensive",
            delta=w.reduced_ps_intensive,
            text=f"ECOG {i.ecog} in a visceral crisis: an intensive regimen; the decline may come "
            "from the disease, so the agent and dose are chosen for the performance status."
            if i.visceral_crisis and kinds.is_cytotoxic(spec)  # case 426's recheck
            else f"ECOG {i.ecog}: an intensive regimen, which the reduced performance status "
            "weighs against (a smaller step than at ECOG 3)."
            + (SINGLE_AGENT if kinds.is_chemotherapy(spec) else ""),
            trials=spec.key_trials,
        )


def _poor(i: HistoryInputs, spec: RegimenSpec, w: Weights) -> Effect:
    """Rule 13 at ECOG 3-4 outside a visceral crisis's chemotherapy: the least toxic first."""
    if kinds.is_intensive(spec):
        return Effect(
            code="poor_performance_status_intensive",
            delta=w.poor_ps_intensive,
            demote=Precedence.POOR_PERFORMANCE,
            text=f"ECOG {i.ecog}: an intensive regimen, after the least toxic options.",
            trials=spec.key_trials,
        )
    resistant = i.short_cdk46i or i.adjuvant_primary_resistance  # cases 2052, 2072c
    if resistant and _endocrine_combination(spec):
        return Effect(
            code="poor_performance_status_resistant_combination",
            delta=w.poor_ps_intensive,
            demote=Precedence.POOR_PERFORMANCE,
            text=f"ECOG {i.ecog} after early endocrine resistance: an endocrine-based "
            "combination, no better placed than chemotherapy, which comes before it here (rule "
            "18); after endocrine monotherapy, the least toxic, and best supportive care is the "
            "other course to discuss.",
            trials=spec.key_trials,
        )
    if kinds.is_oral_serd(spec) and i.esr1_outside_label:  # 9647; 9973: not on an old result
        return Effect(
            code="poor_performance_status_outside_label",
            demote=Precedence.MORE_TOXIC,
            text=f"ECOG {i.ecog}: ESR1 not mutated on a current test, so an oral SERD is outside "
            "its label, which is for ESR1-mutated disease (rule 75): it comes after the "
            "endocrine options given within theirs, the least toxic first.",
            trials=spec.key_trials,
        )
    if not kinds.is_endocrine_monotherapy(spec):
        return Effect(
            code="poor_performance_status_more_toxic",
            delta=w.poor_ps_combination,
            demote=Precedence.MORE_TOXIC,
            text=f"ECOG {i.ecog}: more toxic than endocrine monotherapy, which comes before it "
            "where the plan has one; best supportive care is the other course to discuss.",
            trials=spec.key_trials,
        )
    # endocrine monotherapy: what the precedence above puts first
    return Effect(
        code="poor_performance_status_least_toxic",
        text=f"ECOG {i.ecog}: endocrine monotherapy, the least toxic kind of option, comes "
        "first (best supportive care is the other course to discuss).",
        trials=spec.key_trials,
    )


def _endocrine_combination(spec: RegimenSpec) -> bool:
    """An endocrine-based regimen of more than endocrine therapy (a CDK4/6, PI3K, AKT or mTOR
    inhibitor with it): what rule 18 puts after chemotherapy, not what rule 13 puts first."""
    return kinds.is_endocrine_based(spec) and not kinds.is_endocrine_monotherapy(spec)


def _later(i: HistoryInputs, spec: RegimenSpec) -> bool:
    """Approved after the plan's date, with no earlier approval of its own (rule 46's tier
    trial; trastuzumab deruxtecan's earlier one is rule 46's to weigh, and it is intensive)."""
    return spec.id in i.not_yet_approved and not spec.regulatory.earlier


#: the drugs whose only trial evidence after a CDK4/6 inhibitor enrolled ECOG 0-1, the trial,
#: and where its entry is printed (not in the review, which gives no trial's performance status;
#: CAPItello-291's Table 1 has one patient of 708 at ECOG 2). Not alpelisib: SOLAR-1 enrolled
#: ECOG 0-1, but BYLieve, its evidence after a CDK4/6 inhibitor, ECOG 2 or less (Rugo et al.,
#: Lancet Oncol 2021; case 774's reviewer). The ADCs' trials too (case 980)
ECOG_0_1_TRIALS = {
    "capivasertib": ("CAPItello-291", "Turner et al., N Engl J Med 2023"),
    "trastuzumab deruxtecan": ("DESTINY-Breast04", "Modi et al., N Engl J Med 2022"),
    "sacituzumab govitecan": ("TROPiCS-02", "Rugo et al., J Clin Oncol 2022"),
    "datopotamab deruxtecan": ("TROPION-Breast01", "Bardia et al., J Clin Oncol 2024"),
}


#: trastuzumab deruxtecan's trial before chemotherapy, where the policy's evidence has it
_DB06 = ("DESTINY-Breast06", "Bardia et al., N Engl J Med 2024")


def has_ecog_0_1_trial(spec: RegimenSpec) -> bool:
    """Regimens with a drug of ``ECOG_0_1_TRIALS``."""
    return any(d in ECOG_0_1_TRIALS for d in spec.drugs)


# rule 98: capivasertib or an ADC at ECOG 2: outside its trial's ECOG 0-1 entry
@rule(
    98,
    "Capivasertib or an ADC at ECOG 2: outside its trial's entry",
    H,
    condition="ECOG 2, and capivasertib, whose trial, CAPItello-291, enrolled ECOG 0-1 (not "
    "alpelisib: BYLieve, its evidence after a CDK4/6 inhibitor, enrolled ECOG 2 or less); or "
    "an ADC whose trial enrolled ECOG 0-1: trastuzumab deruxtecan (DESTINY-Breast04), "
    "sacituzumab govitecan (TROPiCS-02), datopotamab deruxtecan (TROPION-Breast01); their "
    "reports, not in the review (case 980). Trastuzumab deruxtecan before any chemotherapy: "
    "DESTINY-Breast06, which enrolled ECOG 0-1 too, where the policy's evidence has it (9059b).",
    effect="At best an alternative: the trial's result may not hold at ECOG 2, as rule 37 says "
    "of postMONARCH's ECOG entry; rule 13's ECOG 2 step applies too (case 756).",
    codes=("outside_trial_performance_status",),
    trials=tuple(trial for trial, _where in ECOG_0_1_TRIALS.values()),
    regimens=has_ecog_0_1_trial,
)
def trial_performance_status(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.ecog != 2:
        return
    for drug in spec.drugs:
        if found := ECOG_0_1_TRIALS.get(drug):
            trial, where = found
            if drug == "trastuzumab deruxtecan" and not i.tdxd_lines and _DB06[0] in ctx.evidence:
                trial, where = _DB06  # before chemotherapy: its trial there (9059b)
            yield Effect(
                code="outside_trial_performance_status",
                ceiling=1,
                text=f"ECOG {i.ecog}: {trial} enrolled ECOG 0-1 ({where}; not in the review), "
                f"so its result may not hold here: {drug} at best an alternative.",
                trials=(trial,),
            )


# rule 103: ribociclib after a CDK4/6 inhibitor at ECOG 2 or more: outside MAINTAIN's entry
@rule(
    103,
    "Ribociclib after a CDK4/6 inhibitor, at ECOG 2 or more: outside MAINTAIN's entry",
    H,
    condition="Progression on a CDK4/6 inhibitor, ECOG 2 or more, and ribociclib with an "
    "endocrine partner (not a trial's enrolment), whose evidence after a CDK4/6 inhibitor, "
    "MAINTAIN, enrolled ECOG 0-1 (its registry entry, NCT02632045; not in the review).",
    effect="At best a later option, as rule 37 says of postMONARCH's same entry (case 849).",
    codes=("outside_maintain_performance_status",),
    trials=("MAINTAIN",),
    regimens=kinds.has_cdk46i,
)
def maintain_performance_status(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if (i.ecog or 0) < 2 or not i.cdk46i_resistant or kinds.is_trial_or_investigational(spec):
        return
    if "ribociclib" in spec.drugs and len(spec.drugs) > 1:
        yield Effect(
            code="outside_maintain_performance_status",
            ceiling=2,
            text=f"ECOG {i.ecog}: MAINTAIN, the evidence for ribociclib after a CDK4/6 "
            "inhibitor, enrolled ECOG 0-1 (its registry entry, NCT02632045; not in the review), "
            "so its result may not hold here; at best a later option.",
            trials=("MAINTAIN",),
        )


# rule 52: a trial that enrolled after a CDK4/6 inhibitor: not without one
@rule(
    52,
    "A trial that enrolled after a CDK4/6 inhibitor: not without one",
    H,
    condition="Enrolment in a registered trial, or an investigational regimen (given within "
    "its trial: case 487), whose trial's population is after a CDK4/6 inhibitor only (the "
    "evidence's setting), and no CDK4/6 inhibitor on record.",
    effect="Excluded (out_of_population): the patient is outside the trial's population.",
    codes=(ExclusionCode.OUT_OF_POPULATION.value,),
    regimens=kinds.is_trial_or_investigational,
)
def trial_after_cdk46i(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.is_trial_or_investigational(spec) or not spec.key_trials or i.had_cdk46i:
        return
    trial = ctx.evidence.trial(spec.key_trials[0])
    if trial.setting is TrialSetting.AFTER_CDK46I:
        within = "" if kinds.is_trial(spec) else "; investigational, it is given within a trial"
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"No CDK4/6 inhibitor on record: {trial.key} enrolled patients after one "
            f"({trial.population}){within}.",
            trials=(trial.key,),
        )


# rule 20: nothing in the history speaks against it
@rule(
    20,
    "Nothing in the history speaks against it",
    H,
    condition="No other history rule speaks for or against the regimen.",
    effect="A neutral reason.",
    codes=("not_given_before", "no_cdk46i_on_record"),
    fallback=True,
)
def nothing_against(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not i.had_cdk46i:
        yield Effect(
            code="no_cdk46i_on_record",
            text="No CDK4/6 inhibitor on record: the review is about the options after one; the "
            "evidence line says whom this option's trial enrolled.",
            trials=spec.key_trials,
        )
    else:
        yield Effect(
            code="not_given_before",
            text=f"No progression on {spec.name} or its drugs on record.",
            trials=spec.key_trials,
        )
