"""Rule 4's word on chemotherapy itself: after a chemotherapy line for metastatic disease,
another agent can follow, and it is at least an alternative (9791, 9792: it was a later
option behind fulvestrant alone, while the ADCs and olaparib were 'at best an alternative to
chemotherapy'); and rule 93's (``after_degraders``: after a degrader failed twice, 9881)."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing.exhausted import POOR_ECOG
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect

#: the chemotherapy lines for metastatic disease each ADC trial enrolled after, fewest and most
#: (the review: DESTINY-Breast04 1-2, TROPiCS-02 2-4): rules 4, 16, 65 and 72 read them
CHEMOTHERAPY_LINES_ENROLLED = {
    "DESTINY-Breast04": (1, 2),
    "TROPiCS-02": (2, 4),
    "TROPION-Breast01": (1, 2),  # update-2026.md section 7 (rule 30)
}


def _range(trial: str) -> str:
    fewest, most = CHEMOTHERAPY_LINES_ENROLLED[trial]
    return f"{fewest}-{most}"


#: why: the review's Chemotherapy section, and the chemotherapy arms of the ADC trials
FURTHER_AGENT = (
    "at least an alternative where no other rule caps it: the review finds chemotherapy "
    "effective in patients pretreated with a CDK4/6 inhibitor, and the chemotherapy arms of "
    f"DESTINY-Breast04 and TROPiCS-02 enrolled after {_range('DESTINY-Breast04')} and "
    f"{_range('TROPiCS-02')} chemotherapy lines."
)


def further_agent(i: HistoryInputs, spec: RegimenSpec) -> Effect:
    """Chemotherapy after chemotherapy lines (``i.chemo_lines``), the ADC lines named beside
    them (case 97), or after ADC lines alone (9802): at least an alternative under any rule's
    cap (9915: rule 110's, by mouth only); not at ECOG 3-4, where rule 13 puts the least toxic
    options first and the intensive ones in the order their merit gives (9845: it passed a
    matched capivasertib + fulvestrant)."""
    adc, chemo = i.adc_lines, i.chemo_lines
    lines = f"{adc} ADC line{'s' if adc > 1 else ''}"
    said = (
        f"Prior chemotherapy for metastatic disease: {chemo} line{'s' if chemo > 1 else ''}"
        + (f" (and {lines}); another agent can follow" if adc else "; another agent can follow")
        if chemo  # after an ADC line alone, its payload cytotoxic too (9802)
        else f"{lines} for metastatic disease and no chemotherapy line (an ADC's "
        "payload is cytotoxic): chemotherapy can follow"
    )
    frail = (i.ecog or 0) >= POOR_ECOG  # rule 13's least toxic first
    return Effect(
        code="further_chemotherapy",
        text=said + ("." if frail else f", {FURTHER_AGENT}"),
        at_least=2 if frail else 1,
        trials=spec.key_trials,
    )


def after_degraders(failed: str, spec: RegimenSpec) -> Effect:
    """Rule 93's word on chemotherapy (``failed``: the courses it names): the options resting on
    the degrader are later ones at best, and chemotherapy, which does not, is at least an
    alternative (9881)."""
    return Effect(
        code="chemotherapy_after_degraders",
        text=f"{failed}, and the options resting on one are at best later ones; chemotherapy "
        "does not rest on one, and is at least an alternative where no other rule caps it (the "
        "review finds chemotherapy effective in patients pretreated with a CDK4/6 inhibitor).",
        at_least=1,
        trials=spec.key_trials,
    )
