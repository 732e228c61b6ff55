"""Factor 3, continued: one topoisomerase-I ADC after another (rules 92 and 151).

Both payloads are topoisomerase-I inhibitors. TROPiCS-02 enrolled before trastuzumab
deruxtecan reached this setting, DESTINY-Breast04 before sacituzumab govitecan did, and a
multicentre retrospective series of both ADCs given one after the other found the second the
shorter, in either order (Huppert et al., NPJ Breast Cancer 2025; 11: 34; not in the review
or the evidence pack)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.toxicity import DERUXTECAN_ADCS, deruxtecan_adcs_in
from resistx.vocab.drugs import drug_class

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
    effect="At best an alternative, and its reason says why: its payload "
    "is a topoisomerase-I inhibitor like deruxtecan, TROPiCS-02 enrolled almost no one after a "
    "deruxtecan ADC, and after trastuzumab deruxtecan a retrospective series found the second "
    "ADC the shorter, in either order (``SERIES``; not in the review; case 640); after "
    "datopotamab deruxtecan, that it targets TROP2 as sacituzumab govitecan does, and that no "
    "trial or series in the sources enrolled after a TROP2 ADC (9445). Chemotherapy after a "
    "chemotherapy or ADC line is at least an alternative too (rule 4), and the order between "
    "the two is their scores' (9883: the reason said 'an alternative to chemotherapy' where it "
    "ranked above it). Datopotamab deruxtecan after one already steps back (rule 11).",
    codes=("adc_after_topoisomerase_adc",),
    trials=("TROPiCS-02",),
    regimens=kinds.is_sacituzumab_govitecan,
)
def adc_after_topoisomerase_adc(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    given = deruxtecan_adcs_in(i.progressed_drugs)
    if not given or not kinds.is_sacituzumab_govitecan(spec):
        return
    # a TROP2 ADC shares its target too; the series is of trastuzumab deruxtecan (9445)
    trop2 = [d for d in given if drug_class(d) is DrugClass.ADC_TROP2]
    other = [d for d in given if d not in trop2]
    why = []
    if trop2:
        why.append(
            f"{' and '.join(trop2) if other else 'it'} targets TROP2, as sacituzumab govitecan "
            "does, with a topoisomerase-I inhibitor payload too, and no trial or series in the "
            "sources enrolled after a TROP2 ADC"
        )
    if other:
        why.append(
            (f"after {' and '.join(other)} " if trop2 else "")
            + "sacituzumab govitecan's payload is a topoisomerase-I inhibitor too, TROPiCS-02 "
            "enrolled almost no one after a deruxtecan ADC"
            + (f", and {SERIES}" if "trastuzumab deruxtecan" in other else "")
        )
    yield Effect(
        code="adc_after_topoisomerase_adc",
        ceiling=1,
        text=f"Progressed on {' and '.join(given)}: {'; '.join(why)}: at best an alternative.",
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


#: the ADCs whose payload is a topoisomerase-I inhibitor
_TOPOISOMERASE_ADCS = DERUXTECAN_ADCS | {"sacituzumab govitecan"}
_NEUTROPENIA = frozenset({"neutropenia", "febrile neutropenia"})


def topoisomerase_adc(spec: RegimenSpec) -> bool:
    """The ADCs with a topoisomerase-I inhibitor payload (the deruxtecan ADCs, sacituzumab
    govitecan)."""
    return bool(_TOPOISOMERASE_ADCS & set(spec.drugs))


# rule 161: a neutropenia on one topoisomerase-I ADC: a caution on another
@rule(
    161,
    "A neutropenia on one topoisomerase-I ADC: a caution on another",
    Factor.HISTORY,
    condition="A neutropenia or a febrile neutropenia on a deruxtecan ADC or sacituzumab "
    "govitecan (a course stopped for it, or on which it arose), and another of them (8202, "
    "8206).",
    effect="A caution naming the event and the drug: the payloads are topoisomerase-I "
    "inhibitors both, so blood counts before each dose, and, after a febrile one, G-CSF "
    "weighed from the first cycle (resistx's reading; not in the review). Its place is not "
    "changed: the event is the other drug's, and its own label manages it by dose.",
    codes=("neutropenia_on_topoisomerase_adc",),
    regimens=topoisomerase_adc,
)
def neutropenia_on_topoisomerase_adc(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not topoisomerase_adc(spec):
        return
    events = sorted(
        (d, e)
        for d, e in i.other_toxicity_stops
        if d in _TOPOISOMERASE_ADCS and d not in spec.drugs and e in _NEUTROPENIA
    )
    if not events:
        return
    febrile = [x for x in events if x[1] == "febrile neutropenia"]  # the graver one named
    drug, event = (febrile or events)[0]
    yield Effect(
        code="neutropenia_on_topoisomerase_adc",
        caution=True,
        text=f"A {event} on {drug} before: its payload and {spec.name}'s are both "
        "topoisomerase-I inhibitors: blood counts before each dose"
        + (", and G-CSF weighed from the first cycle" if febrile else "")
        + " (resistx's reading; not in the review).",
    )
