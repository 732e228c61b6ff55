"""Factor 3, continued: one topoisomerase-I ADC after another (rules 92 and 151).

Both payloads are topoisomerase-I inhibitors. TROPiCS-02 enrolled before trastuzumab
deruxtecan reached this setting, DESTINY-Breast04 before sacituzumab govitecan did, and a
multicentre retrospective series of both ADCs given one after the other found the second the
shorter, in either order (Huppert et al., NPJ Breast Cancer 2025; 11: 34; not in the review
or the evidence pack)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.drug_classes import PAYLOAD_GROUPS

#: what is known of a second topoisomerase-I ADC (rules 92 and 151)
SERIES = (
    "a multicentre retrospective series of trastuzumab deruxtecan and sacituzumab govitecan "
    "given one after the other found the second the shorter, in either order (Huppert et al., "
    "NPJ Breast Cancer 2025; not in the review or the evidence pack)"
)


# rule 92: sacituzumab govitecan after a deruxtecan ADC: at best an alternative
@rule(
    92,
    "Sacituzumab govitecan after a deruxtecan ADC: at best an alternative",
    Factor.HISTORY,
    condition="Progression on a deruxtecan ADC (trastuzumab, datopotamab or patritumab "
    "deruxtecan: ``PAYLOAD_GROUPS``), and sacituzumab govitecan.",
    effect="At best an alternative to chemotherapy, and its reason says why: its payload "
    "is a topoisomerase-I inhibitor like deruxtecan, TROPiCS-02 enrolled almost no one after a "
    "deruxtecan ADC, and a retrospective series found the second ADC the shorter, in either "
    "order (``SERIES``; not in the review; case 640). Datopotamab deruxtecan after one already "
    "steps back (rule 11).",
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
            f"deruxtecan ADC, and {SERIES}: at best an alternative to chemotherapy.",
            trials=("TROPiCS-02",),
        )


# rule 151: trastuzumab deruxtecan after sacituzumab govitecan: a caution
@rule(
    151,
    "Trastuzumab deruxtecan after sacituzumab govitecan: a caution",
    Factor.HISTORY,
    condition="Progression on sacituzumab govitecan, and trastuzumab deruxtecan (case 4974).",
    effect="A caution: its payload, deruxtecan, is a topoisomerase-I inhibitor too, "
    "DESTINY-Breast04 enrolled before sacituzumab govitecan reached this setting, and a "
    "retrospective series found the second ADC the shorter, in either order (``SERIES``; not in "
    "the review). Its place is not changed: DESTINY-Breast04's population places it (rule 92 "
    "caps the reverse order, which TROPiCS-02 did not study either).",
    codes=("tdxd_after_sacituzumab_govitecan",),
    trials=("DESTINY-Breast04",),
    regimens=kinds.is_tdxd,
)
def tdxd_after_sacituzumab_govitecan(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if "sacituzumab govitecan" in i.progressed_drugs and kinds.is_tdxd(spec):
        yield Effect(
            code="tdxd_after_sacituzumab_govitecan",
            caution=True,
            text="Progressed on sacituzumab govitecan: trastuzumab deruxtecan's payload is a "
            "topoisomerase-I inhibitor too, DESTINY-Breast04 enrolled before sacituzumab "
            f"govitecan reached this setting, and {SERIES}.",
            trials=("DESTINY-Breast04",),
        )
