"""Elacestrant past EMERALD's chemotherapy lines (rule 159): as the PI3K, AKT and mTOR
inhibitors past theirs (rule 104), under both policies (case 7616: preferred first after
three cytotoxic lines under the review's policy, which had no such step; practice-2026's rule
35 had it)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule

H = Factor.HISTORY
#: EMERALD enrolled after at most one chemotherapy line for advanced disease (Bidard et al., J
#: Clin Oncol 2022;40:3246-56, the trial's report; not in the review or update-2026.md)
EMERALD_CHEMOTHERAPY_LINES = 1
#: where EMERALD's entry is printed (its report; not in the review or the evidence pack)
EMERALD_REPORT = "Bidard et al., J Clin Oncol 2022"


def _elacestrant(spec: RegimenSpec) -> bool:
    """What rule 159 reads: elacestrant alone."""
    return spec.id == "elacestrant"


# rule 159: elacestrant past EMERALD's chemotherapy lines
@rule(
    159,
    "Elacestrant past EMERALD's chemotherapy lines",
    H,
    condition="Elacestrant after 2 or more cytotoxic lines for metastatic disease, an ADC's "
    "counted (EMERALD enrolled after at most one chemotherapy line: its report, Bidard et al., "
    "J Clin Oncol 2022; neither the review nor update-2026.md says so).",
    effect="At best an alternative; its reason says why (as rule 104 for the PI3K, AKT and "
    "mTOR inhibitors).",
    codes=("outside_emerald_population",),
    trials=("EMERALD",),
    regimens=_elacestrant,
)
def elacestrant_past_emerald_lines(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    cytotoxic = i.chemo_lines + i.adc_lines  # an ADC's payload is cytotoxic (case 944)
    if spec.id != "elacestrant" or cytotoxic <= EMERALD_CHEMOTHERAPY_LINES:
        return
    adc = f" (of them {i.adc_lines} with an ADC, whose payload is cytotoxic)" * bool(i.adc_lines)
    yield Effect(
        code="outside_emerald_population",
        ceiling=1,
        text=f"{cytotoxic} cytotoxic lines for metastatic disease{adc}: EMERALD enrolled after "
        f"at most one chemotherapy line ({EMERALD_REPORT}; neither the review "
        "nor the evidence pack says so), so its result may not hold here; at best an "
        "alternative.",
        trials=("EMERALD",),
    )


# rule 162: elacestrant at ECOG 2 or more: outside EMERALD's entry, said as a caution
@rule(
    162,
    "Elacestrant at ECOG 2 or more: EMERALD enrolled ECOG 0-1",
    H,
    condition="ECOG 2 or more and elacestrant alone, whose trial, EMERALD, enrolled ECOG 0-1 "
    f"(its report, {EMERALD_REPORT}; not in the review), as rule 98 says of capivasertib and "
    "the ADCs (8866a).",
    effect="A caution naming the entry; its place is not changed: endocrine monotherapy is the "
    "least toxic kind of option, which rule 13 keeps before the more toxic ones at ECOG 2 "
    "and more (at ECOG 3 too: 9282).",
    codes=("elacestrant_performance_status",),
    trials=("EMERALD",),
    regimens=_elacestrant,
)
def elacestrant_performance_status(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if spec.id != "elacestrant" or (i.ecog or 0) < 2:  # ECOG 2 or more (9282)
        return
    yield Effect(
        code="elacestrant_performance_status",
        caution=True,
        text=f"ECOG {i.ecog}: EMERALD enrolled ECOG 0-1 ({EMERALD_REPORT}; not "
        "in the review), so its result may not hold here; as endocrine monotherapy it stays "
        "among the least toxic options.",
        trials=("EMERALD",),
    )
