"""The PI3K, AKT and mTOR inhibitors past their trials' chemotherapy lines (rule 104)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.exhausted import PATHWAY_TRIAL_LINES
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule

H = Factor.HISTORY

#: the drugs whose trials those are
_DRUGS = frozenset({"alpelisib", "capivasertib", "everolimus"})
_TRIALS = ("CAPItello-291", "SOLAR-1", "BOLERO-2")


def _concerned(spec: RegimenSpec) -> bool:
    """Alpelisib, capivasertib or everolimus with endocrine therapy and no CDK4/6 inhibitor,
    or enrolment in a trial of a PI3K, AKT or mTOR inhibitor (whatever else it gives)."""
    if kinds.is_trial(spec):
        return kinds.acts_on_pi3k_pathway(spec)
    return kinds.has_pathway_inhibitor_without_cdk46i(spec)


# rule 104: a PI3K, AKT or mTOR inhibitor past its trials' chemotherapy lines
@rule(
    104,
    "A PI3K, AKT or mTOR inhibitor past its trials' chemotherapy lines",
    H,
    condition="Two or more cytotoxic lines for metastatic disease (chemotherapy, or an ADC, "
    "whose payload is cytotoxic), and alpelisib, capivasertib or everolimus with endocrine "
    "therapy and no CDK4/6 inhibitor, outside a trial's enrolment: CAPItello-291 and BOLERO-2 "
    "enrolled after at most one chemotherapy line for advanced disease and SOLAR-1 after none "
    "(their reports; not in the review). Also enrolment in a trial of a PI3K, AKT or mTOR "
    "inhibitor, whose match (rule 2) borrows their evidence (case 929).",
    effect="At best an alternative (never preferred), and a step back that cancels a biomarker "
    "match: the trials' results do not reach this patient, whatever the pathway finding (case "
    "892); everolimus too, which stays below the inhibitor a pathway alteration selects (rule "
    "2). A tissue biopsy for the pathway then "
    "comes after choosing (rule 26's action does not say it would come before chemotherapy). "
    "A trial's enrolment takes the same step back and comes after the approved options: its "
    "own entry is the trial's to say.",
    codes=("pathway_past_trial_lines",),
    trials=_TRIALS,
    regimens=_concerned,
)
def pathway_past_trial_lines(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not past_pathway_trial_lines(i.chemo_lines + i.adc_lines):
        return
    if kinds.is_trial(spec):  # an enrolment whose pathway match borrows their evidence
        yield _borrowed(spec, ctx)
        return
    if kinds.is_investigational(spec) or not _DRUGS.intersection(spec.drugs):
        return  # another regimen's trial speaks for it (evERA's giredestrant with everolimus)
    yield Effect(
        code="pathway_past_trial_lines",
        delta=ctx.weights.past_trial_lines,
        ceiling=1,
        text="More cytotoxic lines for metastatic disease than the PI3K, AKT and mTOR "
        "inhibitors' trials enrolled after (CAPItello-291 and BOLERO-2 at most one "
        "chemotherapy line for advanced disease, Turner et al., N Engl J Med 2023, and "
        "Baselga et al., N Engl J Med 2012; SOLAR-1 none, André et al., N Engl J Med 2019; "
        "not in the review): their results do not reach this patient; at best an "
        "alternative.",
        trials=_TRIALS,
    )


def _borrowed(spec: RegimenSpec, ctx: Context) -> Effect:
    """Rule 104 for enrolment in a trial of a PI3K, AKT or mTOR inhibitor: its biomarker match
    (rule 2) rests on those trials' evidence, which does not reach this patient; its own entry
    is the trial's to say (case 929: TAKTIC at a fifth line ranked above every approved option)."""
    return Effect(
        code="pathway_past_trial_lines",
        delta=ctx.weights.past_trial_lines,
        ceiling=2,  # a trial's 'later' band: after every approved option
        text="More cytotoxic lines for metastatic disease than the PI3K, AKT and mTOR "
        "inhibitors' trials enrolled after (CAPItello-291 and BOLERO-2 at most one chemotherapy "
        "line for advanced disease, SOLAR-1 none; their reports, not in the review): the "
        "evidence its pathway match borrows does not reach this patient, and whether it enrols "
        "after as many lines is its own entry's to say: after the approved options.",
        trials=(*spec.key_trials, *_TRIALS),
    )


def past_pathway_trial_lines(cytotoxic_lines: int) -> bool:
    """More cytotoxic lines for metastatic disease than the pathway inhibitors' trials allowed."""
    return cytotoxic_lines > PATHWAY_TRIAL_LINES
