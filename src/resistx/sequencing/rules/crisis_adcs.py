"""Which ADCs a visceral crisis's chemotherapy line opens as its alternative (rule 7): not
datopotamab deruxtecan before any chemotherapy line, whose trial brought no overall-survival
benefit (rule 30; 9680, 9703)."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs


def not_a_crisis_alternative(i: HistoryInputs, spec: RegimenSpec) -> bool:
    """Datopotamab deruxtecan with no chemotherapy line yet (rule 30 gates it as rule 4 does,
    and not as the crisis's alternative)."""
    return kinds.has_datopotamab_deruxtecan(spec) and not i.chemo_lines


#: rule 7's reason for such an ADC in a visceral crisis
NOT_THE_ALTERNATIVE = (
    "Visceral crisis: chemotherapy is ranked first; this ADC's payload is cytotoxic, but it is "
    "not the crisis's alternative to chemotherapy, having brought no overall-survival benefit "
    "(rule 30), so it ranks with the options that are not cytotoxic."
)
