"""Rule 101: a trial whose population is after first-line CDK4/6-inhibitor therapy (FINER) is
not offered after a further line, nor after progression on the drug both its arms give."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule

H = Factor.HISTORY


#: trials whose population is after first-line CDK4/6-inhibitor therapy, one line (the review's
#: Table 2: FINER, "after first-line CDK4/6i"; cases 760, 814, 826)
AFTER_FIRST_LINE_CDK46I = frozenset({"FINER"})


def is_after_first_line_trial(spec: RegimenSpec) -> bool:
    """A trial's enrolment whose trial is of ``AFTER_FIRST_LINE_CDK46I``."""
    return kinds.is_trial(spec) and bool(AFTER_FIRST_LINE_CDK46I.intersection(spec.key_trials))


# rule 101: a trial after first-line CDK4/6-inhibitor therapy: not after a further line
@rule(
    101,
    "A trial after first-line CDK4/6-inhibitor therapy: not after a further line",
    H,
    condition="Enrolment in a trial whose population is after first-line CDK4/6-inhibitor "
    "therapy (FINER, the review's Table 2), and an endocrine, chemotherapy or ADC line for "
    "metastatic disease after the CDK4/6 inhibitor progressed, or any chemotherapy line (a "
    "PARP-inhibitor line is not read); or a CDK4/6 inhibitor resisted in the (neo)adjuvant "
    "setting only, with none for metastatic disease that progressed (case 833); or "
    "progression on fulvestrant, which both its arms give (case 1785).",
    effect="Excluded (out_of_population): the patient is past the trial's line, or outside "
    "its first line.",
    codes=(ExclusionCode.OUT_OF_POPULATION.value,),
    trials=("FINER",),
    regimens=is_after_first_line_trial,
)
def trial_after_first_line(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not is_after_first_line_trial(spec) or not i.cdk46i_resistant:
        return
    trial = ctx.evidence.trial(spec.key_trials[0])
    if "fulvestrant" in i.progressed_drugs:  # its partner and control arm (case 1785)
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"Progressed on fulvestrant: {trial.key} gives it to both arms (ipatasertib + "
            "fulvestrant against fulvestrant, the review's Table 2).",
            trials=(trial.key,),
        )
        return
    if not i.metastatic_cdk46i_progressed:
        why = "No CDK4/6 inhibitor for metastatic disease on record (an adjuvant one only)"
    elif i.endocrine_lines_after_cdk46i or i.chemo_lines or i.adc_lines:
        why = "Another line for metastatic disease since the CDK4/6 inhibitor"
    else:
        return
    yield left_out(
        ExclusionCode.OUT_OF_POPULATION,
        text=f"{why}: {trial.key} enrolled after first-line CDK4/6-inhibitor therapy for "
        f"metastatic disease ({trial.population}).",
        trials=(trial.key,),
    )
