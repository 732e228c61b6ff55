"""Readings of the course history the Inputs take whole (``build_inputs``): the time on a
CDK4/6 inhibitor, whether anything is on record (rules 6, 18, 31, 39), and how a course of
another TROP2 ADC ended (rule 30)."""

from __future__ import annotations

from typing import TypedDict

from resistx.model.enums import DrugClass, StopReason, TreatmentSetting
from resistx.model.profile import (
    UNEXPLAINED_STOPS,
    Treatment,
    cdk46i_drugs,
    combined,
    continuations,
)
from resistx.sequencing.exhausted import (
    endocrine_lines_after_cdk46i,
    targets_untested,
)
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.toxicity import other_stops
from resistx.vocab.drugs import DEGRADER_CLASSES


class Months(TypedDict):
    long_cdk46i: bool
    endocrine_line_since_long: bool
    short_cdk46i: bool
    cdk46i_under_12_months: bool


class FirstLine(TypedDict):
    untreated: bool
    early_adjuvant_relapse: bool


def cdk46i_months(facts: Facts) -> Months:
    """The molecular Inputs' readings of the time on a CDK4/6 inhibitor."""
    return {
        "long_cdk46i": facts.long_cdk46i,
        # set only after a long course (the key parts no one else): rule 6's hedge (5657)
        "endocrine_line_since_long": facts.long_cdk46i and endocrine_lines_after_cdk46i(facts) > 0,
        "short_cdk46i": facts.short_cdk46i,
        "cdk46i_under_12_months": facts.metastatic_cdk46i_months is not None
        and not facts.long_cdk46i,
    }


def first_line(facts: Facts) -> FirstLine:
    """Nothing on record (rules 31, 39), and INAVO120's population (rule 31)."""
    return {
        "untreated": not facts.profile.treatments,
        "early_adjuvant_relapse": facts.early_adjuvant_endocrine_relapse,
    }


def missing_lines(facts: Facts) -> list[int]:
    """The metastatic line numbers below the highest recorded that no course has (case 2599c:
    lines 1 and 3 on record, no line 2): rules 138 and 140."""
    numbered = {t.line for t in facts.metastatic if t.line is not None}
    return sorted(set(range(1, max(numbered, default=1))) - numbered)


def unexplained_cdk46i_stops(facts: Facts) -> tuple[Treatment, ...]:
    """The courses with a CDK4/6 inhibitor for metastatic disease that ended for another reason
    or one not recorded, but those a CDK4/6-inhibitor course continues (a dose change or a
    hold recorded as two courses: case 2969b): rules 50, 141 and 146 (case 2907)."""
    # the same CDK4/6 inhibitor resumed; a switch of drug is the pattern after progression
    # (MAINTAIN), and is asked (the final recheck, 2992f)
    ordered = facts.in_order
    continued = {h for h, t in continuations(ordered) if cdk46i_drugs((h,)) == cdk46i_drugs((t,))}
    return tuple(
        t
        for t in facts.in_order
        if t.metastatic
        and t.stop_reason in UNEXPLAINED_STOPS
        and DrugClass.CDK46_INHIBITOR in t.drug_classes
        and t not in continued
    )


class RecordGaps(TypedDict):
    lines_missing: bool
    cdk46i_stop_unknown: tuple[str, bool]


def record_gaps(facts: Facts) -> RecordGaps:
    """What the record leaves out that places the options: missing lines (rule 140), and the
    drugs of the first CDK4/6-inhibitor course ended unexplained (``unexplained_cdk46i_stops``)
    with whether a line progressed after it (rule 146), or ("", False)."""
    found = unexplained_cdk46i_stops(facts)
    since = bool(found) and any(
        t.progressed and t.started_on and found[0].started_on and t.started_on > found[0].started_on
        for t in facts.metastatic
    )
    return {
        "lines_missing": bool(missing_lines(facts)),
        "cdk46i_stop_unknown": (" + ".join(found[0].drugs), since) if found else ("", False),
    }


#: how rule 30 says a course of another TROP2 ADC ended short of progression (8372); one that
#: progressed is read by rule 11, one stopped for toxicity by its event (8209)
_ENDED = {
    StopReason.PATIENT_CHOICE: "stopped by the patient's choice",
    StopReason.COMPLETED: "completed",
    StopReason.OTHER: "stopped for another reason",
}


class OtherStops(TypedDict):
    other_toxicity_stops: frozenset[tuple[str, str]]
    trop2_adc_ended: str
    sg_lines: int


def other_courses_stopped(facts: Facts, sg_early: int) -> OtherStops:
    """The history Inputs' readings of the courses of other drugs than the CDK4/6 inhibitors
    that stopped short of progression: for toxicity (rule 61), and a TROP2 ADC however it
    ended (rule 30), which is no line before itself (rule 4's ``sg_lines``: an ADC's payload is
    cytotoxic, and a (neo)adjuvant course with an early relapse counts, ``sg_early``; 8770)."""
    ended = trop2_adc_ended(facts)
    return {
        "other_toxicity_stops": other_stops(facts),
        "trop2_adc_ended": ended,
        "sg_lines": facts.cytotoxic_lines + sg_early - bool(ended),
    }


def trop2_adc_ended(facts: Facts) -> str:
    """How the latest course of sacituzumab govitecan for metastatic disease ended short of
    progression or toxicity, as rule 30 says it; "" where none did. Another TROP2 ADC given,
    however it ended, leaves TROPION-Breast01's result for this patient unknown (8372)."""
    for t in reversed(facts.in_order):
        if t.setting is TreatmentSetting.METASTATIC and "sacituzumab govitecan" in t.drugs:
            if t.stop_reason in (StopReason.PROGRESSION, StopReason.TOXICITY, StopReason.ONGOING):
                return ""
            said = _ENDED.get(t.stop_reason) if t.stop_reason is not None else None
            return said or "ended, how not recorded"
    return ""


class Targets(TypedDict):
    endocrine_targets_found: tuple[str, ...]
    esr1_outside_label: bool
    targets_untested: bool


def esr1_not_mutated_now(m: MolecularInputs) -> bool:
    """ESR1 not mutated on a current test: an oral SERD is outside its label (rule 75), and at
    ECOG 3-4 not among the least toxic first (rule 13; 9647). One reading for both rules."""
    return m.esr1 is None and m.esr1_negative_current


def targets_read(m: MolecularInputs) -> Targets:
    """What the history Inputs read of the molecular ones: the targets found, ESR1 not mutated
    on a current test (``esr1_not_mutated_now``), and whether a gene could still give one."""
    return {
        "endocrine_targets_found": tuple(
            name for name, f in (("ESR1", m.esr1), ("PI3K pathway", m.akt_pathway)) if f
        ),
        "esr1_outside_label": esr1_not_mutated_now(m),
        "targets_untested": targets_untested(m),
    }


#: a degrader line this short ended in resistance to it (ESO-ESMO ABC 5's 6 months; rule 93)
DEGRADER_SHORT_MONTHS = 6.0


def degraders_failed(facts: Facts) -> tuple[str, ...]:
    """Rule 93's condition, read once: the courses with an oestrogen-receptor degrader
    progressed on, in time order (10250: 'the latest' is the one named last), where two or
    more did and the latest line gave its degrader for under 6 months in all; else ().
    - A course is named by its drugs ('a + b'): a combination recorded as two rows of one line
      is one, and a line's drugs count once (10303: continued past progression); the same drugs
      in a later line count again. A relapse during a (neo)adjuvant one counts (10271), and so
      does a drug outside the policy's table (10201).
    - The latest line's months are its degrader courses' months together, up to the one that
      progressed (10350, 10354: continued, or resumed after a stop for toxicity); a course of
      unknown length is not read as short.
    Rule 73 reads it too: such disease is endocrine resistant, whatever became of the CDK4/6
    inhibitor (10145)."""
    named = [
        f"(neo)adjuvant {' + '.join(sorted(t.drugs))}"
        for t in facts.in_order
        if not t.metastatic and t.progressed and t.drug_classes & DEGRADER_CLASSES
    ]
    short = False
    for line in facts.metastatic_lines:
        given = [t for t in line if t.drug_classes & DEGRADER_CLASSES]
        last = max((k for k, t in enumerate(given) if t.progressed), default=None)
        if last is None:
            continue
        ended = [t for t in line if t.progressed]
        named += dict.fromkeys(
            " + ".join(sorted({d for c in ended if c is t or combined(c, t) for d in c.drugs}))
            for t in given
            if t.progressed
        )
        months = [t.duration_months(facts.decision_date) for t in given[: last + 1]]
        short = None not in months and sum(m or 0.0 for m in months) < DEGRADER_SHORT_MONTHS
    if len(named) < 2 or not short:
        return ()
    # each course counts, the same drugs given again too (a set counted fulvestrant twice once)
    return tuple(n + " again" * (n in named[:k]) for k, n in enumerate(named))
