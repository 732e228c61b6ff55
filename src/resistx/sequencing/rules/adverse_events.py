"""The adverse events of a regimen, as the evidence prints them: from its adverse-event trial
(the regimen table's ``ae_trial``), and, for a term that trial lacks, from another trial with
an arm of the same regimen, named as such. Rules 12 and 14 read them."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.enums import DrugClass
from resistx.model.evidence import AdverseEvent, Trial
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.rule import Context, num
from resistx.sequencing.rules.figures import provenance
from resistx.vocab.adverse_events import shown as shown  # noqa: PLC0414 - for the rules

#: where the adverse events of a regimen come from a trial other than its own main one
AE_SOURCE_NOTES: MappingProxyType[str, str] = MappingProxyType(
    {
        "FAKTION": "figures from FAKTION, which the review prints with the everolimus references; "
        "CAPItello-291's adverse events are not in the review",
        # six reviewers of session 36 read them as the higher dose's; the review does not say
        "SERENA-2": "the review's Table 4 prints camizestrant's adverse events without a dose, "
        "while SERENA-2's efficacy figures are by dose: check the rates for the dose given",
        # case 3373 (its figures shown to a PIK3CA-mutated patient with no cohort named)
        "VIKTORIA-1": "its PIK3CA wild-type cohort's figures; the sources give none for its "
        "PIK3CA-mutant cohort",
    }
)


#: what a source beside the review says of an event's figure, with that source: the comparator
#: arm had it at a close rate the review does not print (FAKTION), or the trial's own report
#: gives another rate (DESTINY-Breast04): (trial, event) -> the note
BESIDE_NOTES: MappingProxyType[tuple[str, str], str] = MappingProxyType(
    {
        ("FAKTION", "hypertension"): "the placebo + fulvestrant arm had it at a close rate: 87% "
        "any grade, 24% grade 3 (Jones et al., Lancet Oncol 2020, Table 2; not in the review)",
        # the trial's own report, lower than the review's figure (case 526)
        ("DESTINY-Breast04", "left ventricular ejection fraction"): "the trial's report gives "
        "left ventricular dysfunction in 4.6%, ejection fraction decreased 4.3% (Modi et al., N "
        "Engl J Med 2022; not in the review); its label asks for LVEF (echocardiogram or MUGA) "
        "before starting and at intervals",
    }
)


def of_regimen(ctx: Context, spec: RegimenSpec) -> tuple[Trial | None, tuple[AdverseEvent, ...]]:
    """The regimen's adverse-event trial and the events of its arms there."""
    if spec.ae_trial is None:
        return None, ()
    trial = ctx.evidence.trial(spec.ae_trial)
    return trial, _events_in(trial, spec.id)


def _events_in(trial: Trial, regimen_id: str) -> tuple[AdverseEvent, ...]:
    """The events a trial reports for its arms of the regimen (no comparator's)."""
    arms = {a.label for a in trial.arms if a.regimen == regimen_id}
    return tuple(a for a in trial.adverse_events if a.arm in arms)


#: an adverse event and the trial whose figure it is
Sourced = tuple[AdverseEvent, Trial]


def lookup(ctx: Context, spec: RegimenSpec, term: str) -> Sourced | None:
    """The regimen's event ``term``: from its adverse-event trial, else from the first other
    trial, by key, with an arm of the regimen that reports it (capivasertib's hyperglycaemia
    under the pack: CAPItello-291's figures there are its rash and diarrhoea, FAKTION's
    include it)."""
    trial, events = ctx.call(of_regimen, spec)
    if trial is None:
        return None
    if (found := find(events, term)) is not None:
        return found, trial
    for other in ctx.evidence.by_regimen(spec.id):  # the evidence's order: by trial key
        if (found := find(_events_in(other, spec.id), term)) is not None:
            return found, other
    return None


def source(found: Sourced, trial: Trial, *, first: bool = True) -> str:
    """Where an event's figure comes from, said in full the first time."""
    event, where = found
    beside = BESIDE_NOTES.get((where.key, event.term.casefold()))
    beside_too = [n for n in (beside, *_comparators(event, where)) if n]
    if where.key != trial.key:
        also = "".join(f"; {n}" for n in beside_too)
        return f"in {where.key} ({trial.key}'s figures here do not include it{also})"
    note = AE_SOURCE_NOTES.get(where.key) if first else None
    said = "; ".join(n for n in (note, *beside_too) if n)
    return f"in {where.key}" + (f" ({said})" if said else "")


def _comparators(event: AdverseEvent, where: Trial) -> tuple[str, ...]:
    """The same event's rate in the trial's arms of other regimens, where it prints them: a
    rate beside its comparator's says what the regimen adds (case 1138: neutropenia on
    inavolisib's triplet, 80.2% against 78.4% on the placebo arm)."""
    regimen = {a.label: a.regimen for a in where.arms}
    graded = event.grade3plus_percent is not None
    out = []
    for a in where.adverse_events:
        if a.term != event.term or regimen.get(a.arm) == regimen.get(event.arm):
            continue
        rate = a.grade3plus_percent if graded else a.any_grade_percent
        if rate is not None:
            grade = f"grade {a.severe_grades}" if graded else "any grade"
            arm = a.arm.replace("+", " + ")
            out.append(f"{num(rate)}% {grade}{provenance(a)} in its {arm} arm")
    return tuple(out)


def is_overall(a: AdverseEvent) -> bool:
    """A figure for all adverse events together ('any treatment-related adverse event')."""
    return a.term.startswith("any ")


def find(events: tuple[AdverseEvent, ...], term: str) -> AdverseEvent | None:
    """The event named ``term`` (exactly, else the first whose name contains it)."""
    term = term.casefold()
    exact = [a for a in events if a.term.casefold() == term]
    found = exact or [a for a in events if term in a.term.casefold()]
    return found[0] if found else None


def describe(a: AdverseEvent) -> str:
    parts = []
    if a.any_grade_percent is not None:
        parts.append(f"{num(a.any_grade_percent)}% any grade")
    if a.grade3plus_percent is not None:
        parts.append(f"{num(a.grade3plus_percent)}% grade {a.severe_grades}")
    if a.fatal_patients is not None:
        share = "" if a.fatal_percent is None else f" ({num(a.fatal_percent)}%)"
        parts.append(f"{a.fatal_patients} patients{share} died of it (grade 5)")
    return ", ".join(parts) + provenance(a)


def percent(a: AdverseEvent | None) -> float | None:
    """The grade 3 or worse figure, else the any-grade one."""
    if a is None:
        return None
    return a.grade3plus_percent if a.grade3plus_percent is not None else a.any_grade_percent


def toxicity_level(spec: RegimenSpec, events: tuple[AdverseEvent, ...]) -> float:
    """resistx's ordinal toxicity level of a regimen (rule 14), from its worst grade >= 3 event,
    else by drug class."""
    worst = max(
        (a.grade3plus_percent for a in events if a.grade3plus_percent is not None), default=None
    )
    if worst is not None:
        return 4.0 if worst >= 30 else 3.0 if worst >= 10 else 2.0
    if kinds.is_endocrine_monotherapy(spec):
        return 1.0
    if DrugClass.BCL2_INHIBITOR in kinds.classes(spec):
        return 1.5
    return 3.0 if kinds.is_intensive(spec) else 2.0
