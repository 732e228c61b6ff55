"""Factor 3, continued: sacituzumab govitecan after a deruxtecan ADC (rule 92, case 640).

Both payloads are topoisomerase-I inhibitors. TROPiCS-02 enrolled before trastuzumab
deruxtecan reached this setting, and retrospective series of one ADC after another report a
shorter benefit from the second (not in the review)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.drug_classes import PAYLOAD_GROUPS


# rule 92: sacituzumab govitecan after a deruxtecan ADC: at best an alternative
@rule(
    92,
    "Sacituzumab govitecan after a deruxtecan ADC: at best an alternative",
    Factor.HISTORY,
    condition="Progression on a deruxtecan ADC (trastuzumab, datopotamab or patritumab "
    "deruxtecan: ``PAYLOAD_GROUPS``), and sacituzumab govitecan.",
    effect="At best an alternative, beside chemotherapy, and its reason says why: its payload "
    "is a topoisomerase-I inhibitor like deruxtecan, TROPiCS-02 enrolled almost no one after a "
    "deruxtecan ADC, and retrospective series report a shorter benefit from a second such ADC "
    "(not in the review; case 640). Datopotamab deruxtecan after one already steps back "
    "(rule 11).",
    codes=("adc_after_topoisomerase_adc",),
    trials=("TROPiCS-02",),
    regimens=kinds.is_sacituzumab_govitecan,
)
def adc_after_topoisomerase_adc(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    given = sorted(d for d in i.progressed_drugs if d in PAYLOAD_GROUPS)  # the deruxtecan ADCs
    if given and kinds.is_sacituzumab_govitecan(spec):
        yield Effect(
            code="adc_after_topoisomerase_adc",
            ceiling=1,
            text=f"Progressed on {' and '.join(given)}: sacituzumab govitecan's payload is a "
            "topoisomerase-I inhibitor too, TROPiCS-02 enrolled almost no one after a "
            "deruxtecan ADC, and retrospective series of one ADC after another report a "
            "shorter benefit from the second (not in the review): at best an alternative, "
            "beside chemotherapy.",
            trials=("TROPiCS-02",),
        )
