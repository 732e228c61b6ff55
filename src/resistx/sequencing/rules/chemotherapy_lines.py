"""Rule 4's word on chemotherapy itself: after a chemotherapy line for metastatic disease,
another agent can follow, and it is at least an alternative (9791, 9792: it was a later
option behind fulvestrant alone, while the ADCs and olaparib were 'at best an alternative to
chemotherapy')."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect

#: why: the review's Chemotherapy section, and the chemotherapy arms of the ADC trials
FURTHER_AGENT = (
    "at least an alternative: the review finds chemotherapy effective in patients pretreated "
    "with a CDK4/6 inhibitor, and the chemotherapy arms of DESTINY-Breast04 and TROPiCS-02 "
    "enrolled after 1-2 and 2-4 chemotherapy lines."
)


def further_agent(i: HistoryInputs, spec: RegimenSpec) -> Effect:
    """Chemotherapy after ``i.chemo_lines`` (one or more) chemotherapy lines, the ADC lines
    named beside them (case 97): at least an alternative, under any rule's ceiling."""
    adc = i.adc_lines
    also = f" (and {adc} ADC line{'s' if adc > 1 else ''})" if adc else ""
    return Effect(
        code="further_chemotherapy",
        text=f"Prior chemotherapy for metastatic disease: {i.chemo_lines} "
        f"line{'s' if i.chemo_lines > 1 else ''}{also}; another agent can follow, "
        f"{FURTHER_AGENT}",
        at_least=1,
        trials=spec.key_trials,
    )
