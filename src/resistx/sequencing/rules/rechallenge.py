"""Rule 61's tables and its class readings: the events a label manages by dose rather than by
stopping the drug (case 1235), hyperglycaemia across the PI3K-AKT-mTOR pathway (case 935),
and a severe skin reaction across the PI3K and AKT inhibitors (case 1533)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType

from resistx.model.enums import ExclusionCode
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect, Precedence, left_out
from resistx.vocab.drugs import drug_class

_SG_LABEL = (
    "Its US label reduces the dose after each severe or febrile neutropenia, with G-CSF (by a "
    "quarter after the first, by half after the second), and stops it after a third (not in "
    "the review): count the occurrences before giving it again (the record does not say how "
    "many there were, nor the dose they came on)"
)
_SG_NEUTROPENIA = f"{_SG_LABEL}; the neutropenia does not move its place."
#: a neutropenia with fever or an infection (a neutropenic sepsis, case 1790): the label gives
#: the drug again all the same, so it stays an option, but not a preferred one
_SG_FEBRILE = (
    f"{_SG_LABEL}; after a febrile neutropenia or an infection on it (a neutropenic sepsis "
    "can be life-threatening) it is at best an alternative, weighed against the options "
    "without that history."
)
#: trastuzumab deruxtecan's US label holds it for a febrile neutropenia until it resolves, then
#: reduces the dose by one level (and for a grade 4 neutropenia; 8025)
_TDXD_LABEL = (
    "Its US label holds it until a febrile neutropenia resolves, then reduces it by one dose "
    "level, as after a grade 4 neutropenia (a grade 3 holds it without a reduction; not in the "
    "review)"
)
#: (drug, adverse event) a label manages by a reduced dose, not by stopping the drug
DOSE_MANAGED: MappingProxyType[tuple[str, str], str] = MappingProxyType(
    {
        ("sacituzumab govitecan", "febrile neutropenia"): _SG_FEBRILE,
        ("sacituzumab govitecan", "neutropenia"): _SG_NEUTROPENIA,
        ("trastuzumab deruxtecan", "febrile neutropenia"): f"{_TDXD_LABEL}; after a febrile "
        "neutropenia on it it is at best an alternative, weighed against the options without "
        "that history.",
        ("trastuzumab deruxtecan", "neutropenia"): f"{_TDXD_LABEL}; the neutropenia does not "
        "move its place.",
        ("trastuzumab deruxtecan", "thrombocytopenia"): "Its US label holds it for a grade 3-4 "
        "thrombocytopenia until it recovers to grade 1, reducing the dose by one level after a "
        "grade 4 (not in the review); the thrombocytopenia does not move its place (8204).",
        ("trastuzumab deruxtecan", "nausea"): "Nausea is its commonest adverse event in "
        "DESTINY-Breast04 (73% any grade, the review's Table 5): antiemetic prophylaxis before "
        "giving it again "
        "(resistx's reading; not in the review); after a stop for it, at best an alternative, "
        "weighed against the options without that history (8310).",
        ("trastuzumab deruxtecan", "vomiting"): "Vomiting is among its commonest adverse events "
        "in DESTINY-Breast04 (34% any grade, nausea 73%, the review's Table 5): antiemetic "
        "prophylaxis before giving it again, as after nausea (resistx's reading; not in the "
        "review); after a stop for it, at best an alternative, weighed against the options "
        "without that history (8378).",
        ("olaparib", "anemia"): "Its US label holds it for anaemia (a transfusion where needed) "
        "and reduces the dose, 300 to 250 to 200 mg twice daily (not in the review); the "
        "anaemia does not move its place (8304).",
        ("talazoparib", "anemia"): "Its US label holds it until haemoglobin recovers to 9 g/dL "
        "or more, then reduces the dose (not in the review); the anaemia does not move its "
        "place.",
        ("sacituzumab govitecan", "diarrhea"): "Its US label holds it for a severe diarrhoea "
        "until it recovers to grade 1 or less and reduces the dose after a severe "
        "non-neutropenic toxicity (not in the review); after one it is at best an alternative, "
        "weighed against the options without that history (8209).",
        # sepsis or another infection on it is neutropenic as often as not (case 1750a-s)
        ("sacituzumab govitecan", "infection"): "An infection (or sepsis) on it: if it was "
        "neutropenic, record febrile neutropenia, which its US label manages by holding the "
        "drug, reducing the dose and adding growth factor (not in the review); after it, "
        "sacituzumab govitecan is at best an alternative, weighed against the options without "
        "that history.",
        # an intramuscular injection's local reaction (case 1498): no reason to stop the drug
        ("fulvestrant", "injection site reaction"): "Its US label warns of injection-site "
        "reactions, sciatica among them near the sciatic nerve: give it again with care over "
        "injection technique (not in the review); the reaction does not move it.",
    }
)
#: what the labels say of a severe cutaneous adverse reaction (``scar_left_out``)
_LABELS_STOP = "the labels that warn of them stop the drug for good once one is confirmed"
#: of those, the events that keep the drug from being preferred again (case 1790)
NOT_PREFERRED_AGAIN = frozenset(
    {
        ("sacituzumab govitecan", "febrile neutropenia"),
        ("sacituzumab govitecan", "infection"),
        ("trastuzumab deruxtecan", "febrile neutropenia"),  # 8025
        ("sacituzumab govitecan", "diarrhea"),  # 8209
        ("trastuzumab deruxtecan", "nausea"),  # 8310
        ("trastuzumab deruxtecan", "vomiting"),  # 8378
    }
)


def not_stopped(pairs: Iterable[tuple[str, str]], arose: frozenset[tuple[str, str]]) -> bool:
    """Every (drug, event) of ``pairs`` recorded on courses not stopped for it (the history
    Inputs' ``toxicity_arose``): a reason says it arose on the drug, not that it stopped it
    (cases 7921e, 7922b)."""
    found = set(pairs)
    return bool(found) and found <= arose


def scar_left_out(
    said: str, trials: tuple[str, ...], labels: str = _LABELS_STOP, *, arose: bool = False
) -> Effect:
    """Left out after a severe cutaneous adverse reaction on a drug of the regimen (``said``:
    the drugs and events): rule 61 (case 1533) and, for a CDK4/6 inhibitor, rule 23 (1808)."""
    before = (
        f"A {SCAR} before ({said}; its course not stopped for it)"
        if arose
        else (f"Stopped before for a {SCAR} ({said})")
    )
    return left_out(
        ExclusionCode.CONTRAINDICATED,
        f"{before}: a drug that caused a Stevens-Johnson "
        "syndrome, a toxic epidermal necrolysis, a DRESS or an erythema multiforme is not "
        f"given again (standard practice; {labels}; not in the review).",
        trials,
    )


def event_before(said: str, arose: bool) -> str:
    """'Stopped before for an adverse event ({said})', or where no course was stopped for it
    'An adverse event on it before ({said}; its course not stopped for it)'."""
    if arose:
        return f"An adverse event on it before ({said}; its course not stopped for it)"
    return f"Stopped before for an adverse event ({said})"


def dose_managed(
    said: str, stops: list[tuple[str, str]], spec: RegimenSpec, *, arose: bool = False
) -> Iterator[Effect]:
    """Rule 61 where the label manages every event by dose (``DOSE_MANAGED``): a caution, and
    at best an alternative after a febrile neutropenia or an infection (case 1790)."""
    yield Effect(
        code="stopped_for_toxicity_before",
        caution=True,
        text=f"{event_before(said, arose)}. {DOSE_MANAGED[stops[0]]}",
    )
    if NOT_PREFERRED_AGAIN & set(stops):
        yield Effect(
            code="same_drug_after_toxicity",
            ceiling=1,
            text=f"{event_before(said, arose)}: at best an alternative, "
            "weighed against the options without that history.",
            trials=spec.key_trials,
        )


def class_hyperglycaemia(i: HistoryInputs, spec: RegimenSpec, delta: float) -> Iterator[Effect]:
    """After a PI3K, AKT or mTOR inhibitor stopped for hyperglycaemia (case 935): a PI3K or AKT
    inhibitor steps back; everolimus, its label warning of it too, gets a caution (case 1232)."""
    stopped = sorted(
        d
        for d, e in i.other_toxicity_stops
        if e == "hyperglycemia" and drug_class(d) in kinds.PAM_CLASSES  # everolimus too
    )
    pathway = any(drug_class(d) in kinds.PI3K_OR_AKT for d in spec.drugs)
    if not stopped or not (pathway or kinds.has_everolimus(spec)):
        return
    said = ", ".join(stopped)
    label = "every PI3K and AKT inhibitor's US label" if pathway else "everolimus's US label"
    arose = not_stopped(((d, "hyperglycemia") for d in stopped), i.toxicity_arose)
    before = (
        f"Hyperglycaemia on {said} before" if arose else f"Stopped {said} before for hyperglycaemia"
    )
    yield Effect(
        code="pathway_inhibitor_after_hyperglycaemia",
        caution=True,
        text=f"{before}: hyperglycaemia is a warning on {label} "
        "(not in the review); glucose control first, with the diabetes team, and close "
        "monitoring if it is given.",
    )
    if pathway:
        yield Effect(
            code="pathway_inhibitor_after_hyperglycaemia",
            delta=delta,
            ceiling=2,
            text=f"{before} (of the PI3K-AKT-mTOR pathway), an effect of blocking the pathway: "
            "a PI3K or AKT inhibitor is at best a later option.",
            trials=spec.key_trials,
        )


#: the adverse-event terms of a severe skin reaction (``vocab.adverse_events``; case 1533)
SCAR = "severe cutaneous adverse reaction"
SEVERE_RASH = "severe rash"


def class_skin_reaction(i: HistoryInputs, spec: RegimenSpec, delta: float) -> Iterator[Effect]:
    """After a PI3K or AKT inhibitor stopped for a severe cutaneous adverse reaction (case
    1533): another steps back, with a caution; after one stopped for a rash, of any grade or
    none recorded, a caution (case 1606: the grade is seldom written)."""
    if not any(drug_class(d) in kinds.PI3K_OR_AKT for d in spec.drugs):
        return
    for event in (SCAR, SEVERE_RASH, "maculopapular rash", "rash"):  # a rash too (1606)
        stopped = sorted(
            d
            for d, e in i.other_toxicity_stops
            if e == event and drug_class(d) in kinds.PI3K_OR_AKT
        )
        if stopped:
            break
    else:
        return
    said = (
        f"A {event} on {', '.join(stopped)} before"
        if not_stopped(((d, event) for d in stopped), i.toxicity_arose)
        else f"Stopped {', '.join(stopped)} before for a {event}"
    )
    yield Effect(
        code="pathway_inhibitor_after_skin_reaction",
        caution=True,
        text=f"{said}: alpelisib's and capivasertib's US labels warn of severe cutaneous "
        "adverse reactions (Stevens-Johnson syndrome, toxic epidermal necrolysis, DRESS, "
        "erythema multiforme) and of rash, and no trial the sources report gave one of these "
        "inhibitors after such a reaction to another (not in the review): a dermatologist's "
        "view first, and close watch of the skin if it is given.",
    )
    if event == SCAR:
        yield Effect(
            code="pathway_inhibitor_after_skin_reaction",
            delta=delta,
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,  # as it says (case 1675a)
            text=f"{said} on a PI3K or AKT inhibitor: another of them is at best a later "
            "option, after every option without that risk.",
            trials=spec.key_trials,
        )
