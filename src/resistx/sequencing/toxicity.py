"""What adverse events that stopped a course mean for the options after it: the drugs they
are laid on (rules 23 and 61) and the comorbidity an interstitial lung disease adds (rule 12)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from resistx.model.enums import DrugClass, StopReason
from resistx.model.profile import Condition, Treatment
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.once import remembered
from resistx.sequencing.rules.lung_rechallenge import SEVERE_LUNG_GRADE, TDXD
from resistx.sequencing.rules.rechallenge import DOSE_MANAGED
from resistx.sequencing.rules.renal import LABELLED_DOWN_TO, clearance
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class

#: the LVEF (percent) below which trastuzumab deruxtecan's label has no data (rule 126)
LVEF_STUDIED = 50


def toxicity_stops(facts: Facts, *, cdk46i: bool) -> frozenset[tuple[str, str]]:
    """(drug, adverse event) for the drugs of courses stopped for one: the CDK4/6 inhibitors
    (rule 23), or the other drugs (rule 61). The record does not say which drug caused it: an
    endocrine partner (an aromatase inhibitor, fulvestrant, ovarian suppression) carries it only
    where the course held no other drug (case 381's recheck: not exemestane for everolimus's
    stomatitis)."""
    found: set[tuple[str, str]] = set()
    resumed = not cdk46i and tdxd_resumable(facts)
    for t in facts.in_order:
        # an event not recorded is an event all the same for the other drugs (case 1490b; rule
        # 48 asks which); the CDK4/6 inhibitors' cautions name the event (rule 23)
        event = t.toxicity or (UNRECORDED if t.stop_reason is StopReason.TOXICITY else None)
        if event is None or (cdk46i and t.toxicity is None) or (resumed and caused_ild(t, TDXD)):
            continue
        found.update((d, event) for d in laid_on(t)[not cdk46i])
    return frozenset(found)


@remembered  # asked by the history Inputs, rule 23's events and rule 65's reading (8025)
def other_stops(facts: Facts) -> frozenset[tuple[str, str]]:
    """``toxicity_stops`` of the drugs other than the CDK4/6 inhibitors (rule 61)."""
    return toxicity_stops(facts, cdk46i=False)


def laid_on(t: Treatment) -> tuple[list[str], list[str]]:
    """The drugs of a course stopped for toxicity that its event is laid on: its CDK4/6
    inhibitors (rule 23), and the others (rule 61): not an endocrine partner or ovarian
    suppression beside another drug, nor anything beside a CDK4/6 inhibitor (rule 23's)."""
    classes = [drug_class(d) for d in t.drugs]
    cdk46i = [d for d, c in zip(t.drugs, classes, strict=True) if c is DrugClass.CDK46_INHIBITOR]
    others = [d for d, c in zip(t.drugs, classes, strict=True) if c not in _PARTNER_CLASSES]
    return cdk46i, others or ([] if cdk46i else list(t.drugs))


#: how rule 61 names an adverse event the record does not give
UNRECORDED = "an adverse event not recorded"


#: a course's endocrine partners and ovarian suppression (rule 61 lays an event on them only
#: when the course held nothing else)
_PARTNER_CLASSES = frozenset(
    {*kinds.ENDOCRINE_DRUGS, DrugClass.OVARIAN_FUNCTION_SUPPRESSION, DrugClass.CDK46_INHIBITOR}
)


#: adverse events that stopped a treatment and are, from then on, a history rule 12 reads as a
#: comorbidity (an interstitial lung disease or pneumonitis, a peripheral neuropathy, on any drug)
TOXICITY_HISTORY = {
    "interstitial lung disease": Comorbidity.INTERSTITIAL_LUNG_DISEASE,
    "pneumonitis": Comorbidity.INTERSTITIAL_LUNG_DISEASE,
    # of unknown grade, as the profile's comorbidity would be (case 604)
    "peripheral neuropathy": Comorbidity.NEUROPATHY,
}


def from_toxicities(facts: Facts) -> tuple[tuple[Comorbidity, tuple[str, ...], bool], ...]:
    """(comorbidity, drugs, stopped) for each comorbidity that an adverse event recorded on a
    treatment makes (the first such course in the history names it), whether or not the
    profile's list names it too: rule 12 says which course it stopped (case 422), or arose on
    where the course ended otherwise (``stopped`` false; case 7803: it ended in progression)."""
    found: dict[Comorbidity, tuple[tuple[str, ...], bool]] = {}
    for t in facts.in_order:
        added = TOXICITY_HISTORY.get(t.toxicity) if t.toxicity is not None else None
        if added is not None and added not in found:
            found[added] = (t.drugs, t.stop_reason is StopReason.TOXICITY)
    return tuple(sorted((c, drugs, stopped) for c, (drugs, stopped) in found.items()))


def course_said(drugs: tuple[str, ...], stopped: bool) -> str:
    """How a reason names the course an adverse event came from, after the event's name:
    ' (it stopped ...)', or ' (arose on ...)' (case 7803); empty for no course."""
    return f" ({'it stopped' if stopped else 'arose on'} {' + '.join(drugs)})" if drugs else ""


def lung_disease(facts: Facts) -> bool:
    """Interstitial lung disease on record, or one that stopped a treatment: trastuzumab
    deruxtecan is left out whatever the HER2 result (rule 12); not where each one on record is
    a grade 0-1 resolved without steroids, within DESTINY-Breast04's entry (case 7908)."""
    ild = Comorbidity.INTERSTITIAL_LUNG_DISEASE
    recorded = [c for c in facts.profile.comorbidities if c.name is ild]
    if recorded and all(cleared(c) for c in recorded):
        return False
    return bool(recorded) or any(c is ild for c, _, _ in from_toxicities(facts))


def cleared(c: Condition) -> bool:
    """A lung disease of grade 0-1 resolved without steroids (case 7888)."""
    return c.grade is not None and c.grade <= 1 and c.steroids is False and c.resolved is True


#: the grade from which an interstitial lung disease is severe: the CDK4/6 inhibitors' labels
#: stop the drug for good at grade 3 or worse (not in the review)
SEVERE_ILD_GRADE = 3


def lung_stop_grade(facts: Facts, events: frozenset[tuple[str, str]]) -> int | None:
    """The highest grade on record of the interstitial lung disease, where a CDK4/6 inhibitor
    was stopped for pneumonitis or interstitial lung disease (``events``: ``toxicity_stops``);
    None where none was, or no grade is recorded (case 6230: a grade 3 recorded, and the plan
    still asked how severe it was)."""
    if not any(TOXICITY_HISTORY.get(e) is Comorbidity.INTERSTITIAL_LUNG_DISEASE for _, e in events):
        return None
    return recorded_ild_grade(facts)


def recorded_ild_grade(facts: Facts) -> int | None:
    """The highest grade recorded of an interstitial lung disease on record; None where none
    is recorded (a recorded grade is not asked for again: cases 6230, 7213)."""
    ild = Comorbidity.INTERSTITIAL_LUNG_DISEASE
    grades = [c.grade for c in facts.profile.comorbidities if c.name is ild and c.grade is not None]
    return max(grades, default=None)


class Cdk46iStops(TypedDict):
    toxicity_events: frozenset[tuple[str, str]]
    toxicity_arose: frozenset[tuple[str, str]]
    lung_stop_grade: int | None


def cdk46i_stops(facts: Facts) -> Cdk46iStops:
    """The history Inputs' reading of the CDK4/6 inhibitors stopped for toxicity: each
    (drug, adverse event), those of them only recorded on courses that ended otherwise (case
    7863: 'stopped for' an event on a course that ended in progression), and the grade on
    record of a lung event among them."""
    events = toxicity_stops(facts, cdk46i=True)
    stopped = {
        (d, t.toxicity)
        for t in facts.in_order
        if t.toxicity is not None and t.stop_reason is StopReason.TOXICITY
        for drugs in laid_on(t)
        for d in drugs
    }
    every = events | other_stops(facts)
    return {
        "toxicity_events": events,
        "toxicity_arose": frozenset(every - stopped),  # the other drugs' too (7921e)
        "lung_stop_grade": lung_stop_grade(facts, events),
    }


#: an event as a reason writes it, where not as recorded (7954: 'qt prolongation' beside 'QT
#: prolongation' in one plan)
_SHOWN = {"qt prolongation": "QT prolongation"}


def shown(event: str) -> str:
    """An adverse event as a reason writes it."""
    return _SHOWN.get(event, event)


def stopped_for(drug: str, event: str, arose: frozenset[tuple[str, str]]) -> str:
    """'{drug} was stopped for {event}', or '{event} arose on {drug}' where no course of it was
    stopped for the event (``Cdk46iStops.toxicity_arose``)."""
    said = shown(event)
    return f"{said} arose on {drug}" if (drug, event) in arose else f"{drug} was stopped for {said}"


def caused_ild(t: Treatment, drug: str) -> bool:
    return (
        drug in t.drugs
        and TOXICITY_HISTORY.get(t.toxicity or "") is Comorbidity.INTERSTITIAL_LUNG_DISEASE
    )


def tdxd_resumable(facts: Facts) -> bool:
    """An interstitial lung disease of grade 0-1 on record that trastuzumab deruxtecan caused:
    its label gives it again once resolved (``lung_rechallenge``), so rule 61 does not put it
    later, nor is it ruled out (cases 1233, 1246)."""
    ild = Comorbidity.INTERSTITIAL_LUNG_DISEASE
    grades = [c.grade for c in facts.profile.comorbidities if c.name is ild]
    caused = any(caused_ild(t, TDXD) for t in facts.in_order)
    return caused and bool(grades) and all(g is not None and g <= 1 for g in grades)


#: the antibody-drug conjugates with the deruxtecan payload: they share its lung toxicity
#: (rule 12), and progression on one makes another a later option (``drug_classes``)
DERUXTECAN_ADCS = frozenset(
    {"trastuzumab deruxtecan", "datopotamab deruxtecan", "patritumab deruxtecan"}
)


def deruxtecan_adcs_in(drugs: Iterable[str]) -> tuple[str, ...]:
    """The deruxtecan ADCs among ``drugs`` (those progressed on: rules 34 and 92), sorted."""
    return tuple(sorted(d for d in drugs if d in DERUXTECAN_ADCS))


def tdxd_ruled_out(facts: Facts) -> bool:
    """Interstitial lung disease (not a grade 0-1 that trastuzumab deruxtecan caused, which its
    label resumes it after), progression on a deruxtecan ADC, a stop for an adverse event its
    label does not manage by dose (rule 61: at best later, 8025), or an LVEF under 50% on
    record, which makes it a relative contraindication after every option without that risk
    (rule 126): nothing is held back for it (case 3724: chemotherapy 'at best an alternative'
    to it, and nothing preferred). Not a refusal of its route (case 2048; case 1000 read one
    so): as a refusal of the ADCs (rule 128), what is left keeps the tier the evidence gives it
    beside the drug, and a note says the refusal put it first."""
    return (
        (lung_disease(facts) and not tdxd_resumable(facts))
        # or on another deruxtecan ADC, which makes it a later option (case 5012: chemotherapy
        # stayed 'at best an alternative' to it after datopotamab deruxtecan)
        or bool(DERUXTECAN_ADCS & facts.progressed_drugs)
        or (
            (heart := cardiac_on_record(facts.profile.comorbidities)) is not None
            and heart.lvef is not None
            and heart.lvef < LVEF_STUDIED
        )
        or _held_back(facts.profile.comorbidities)
        or _stopped_for_an_event_kept(facts)
    )


def _stopped_for_an_event_kept(facts: Facts) -> bool:
    """Trastuzumab deruxtecan stopped before for an adverse event its label does not manage by
    dose: rule 61 makes it at best a later option, so nothing is held back for it (8025:
    chemotherapy stayed 'at best an alternative' to it)."""
    return any(d == TDXD and (d, e) not in DOSE_MANAGED for d, e in other_stops(facts))


def _held_back(comorbidities: tuple[Condition, ...]) -> bool:
    """A severe chronic lung disease (rule 12's relative contraindication) or a creatinine
    clearance below its labelled doses (rule 118: a drug with a labelled dose first): nothing is
    held back for trastuzumab deruxtecan either (6910, 6949: chemotherapy stayed 'at best an
    alternative' to it, which even came first below 30 mL/min)."""
    measured = clearance(comorbidities)
    return any(
        c.name is Comorbidity.CHRONIC_LUNG_DISEASE and (c.grade or 0) >= SEVERE_LUNG_GRADE
        for c in comorbidities
    ) or (measured is not None and measured < LABELLED_DOWN_TO["trastuzumab deruxtecan"][0])


def cardiac_on_record(comorbidities: Iterable[Condition]) -> Condition | None:
    """The cardiac disease on record: where it is named more than once (case 1652d: 'HFrEF'
    and cardiac_disease with its LVEF), the entry with the lowest LVEF recorded (rule 126)."""
    found = [c for c in comorbidities if c.name is Comorbidity.CARDIAC_DISEASE]
    measured = [c for c in found if c.lvef is not None]
    return min(measured, key=lambda c: c.lvef or 0) if measured else next(iter(found), None)
