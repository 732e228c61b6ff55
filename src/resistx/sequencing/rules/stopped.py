"""Rule 50: the latest course ended without progression (for toxicity, by choice, as planned,
for another reason or for one not recorded): whether the disease progressed on it, and why it
ended, come before choosing. Rule 141: an earlier CDK4/6-inhibitor course that ended for a
reason not recorded: why it ended, before choosing."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, StopReason
from resistx.model.profile import UNEXPLAINED_STOPS, Treatment
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.course_readings import unexplained_cdk46i_stops
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.lung_rechallenge import TDXD
from resistx.sequencing.rules.rechallenge import SCAR
from resistx.sequencing.toxicity import (
    caused_ild,
    laid_on,
    recorded_ild_grade,
    tdxd_resumable,
)


# rule 50: the latest course ended without progression: is there progression?
@rule(
    50,
    "The latest course ended without progression: document progression first",
    None,
    condition="The most recent course for metastatic disease ended by the patient's choice, for "
    "toxicity, as planned, for another reason, or for a reason not recorded (stop reason "
    "unknown or left out; case 1429), and no course follows it: the record shows no "
    "progression since.",
    effect="An action, before every other, to restage and record whether the disease "
    "progressed on the course: the options read the course as not ended by progression and "
    "change if it did; a progression at the first restaging after stopping is read as "
    "progression on it (cases 1442, 1460), one found after control off treatment is not, nor "
    "its stop reason (case 1221); with stable disease the question is rather whether to "
    "resume endocrine therapy (a course without an endocrine drug: a treatment break with "
    "restaging, or the next line; case 1128), after a stop for toxicity also whether to give "
    "it again once the event has resolved (cases 1233, 1235), unless it was a severe cutaneous "
    "adverse reaction, which stops the drug for good: then what to give without it (case "
    "1789).",
    codes=("document_progression",),
)
def progression_undocumented(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    last = facts.in_order[-1] if facts.in_order else None
    if last is None or not last.metastatic or last.stop_reason not in _NOT_PROGRESSION:
        return
    drugs = " + ".join(last.drugs)
    why = _UNRECORDED.get(last.stop_reason) or str(last.stop_reason).replace("_", " ")
    stable = _STABLE[bool(last.drug_classes & ENDOCRINE_DRUGS)]
    if _stopped_for_good(facts, last):  # case 1263b
        stable = (
            f"{stable}: the label of trastuzumab deruxtecan stops it for good after an "
            "interstitial lung disease of grade 2 or worse"
            + (
                ""
                if recorded_ild_grade(facts) is not None
                else " (record the grade where it was 1)"
            )
        )
    elif last.toxicity == SCAR:  # case 1789: stopped for good
        cdk46i, others = laid_on(last)  # a CDK4/6 inhibitor carries it where one was given (8210)
        on, resume = " + ".join([*cdk46i, *others]), bool(last.drug_classes & ENDOCRINE_DRUGS)
        stable = (
            f"{_STABLE[resume] if resume else 'the next line'} without {on}, which is not "
            "given again: a drug that caused a severe "
            "cutaneous adverse reaction (Stevens-Johnson syndrome, toxic epidermal necrolysis, "
            "DRESS) is stopped for good (its labels)"
        )
    elif last.stop_reason is StopReason.TOXICITY:  # cases 1233, 1235
        stable = (
            "whether to give it again once the adverse event has resolved (its label's dose "
            f"modifications), or {stable}"
        )
    # why it ended changes the options as much as whether it progressed (case 1473)
    ask = _ASK_WHY if last.stop_reason in _UNRECORDED else ""
    acting = _FULVESTRANT_ACTS if "fulvestrant" in last.drugs else ""
    yield PlanEffect(
        code="document_progression",
        first=True,
        text=f"{drugs} ended ({why}) with no progression recorded since: restage.{ask} If the "
        "disease in fact progressed on it, record that as its stop reason (keeping its toxicity, "
        "which the options still read): the options below "
        f"read this course as not ended by progression, and change if it did. Ask what the last "
        f"assessment on {drugs} showed: a progression found at the first restaging after "
        f"stopping, with no assessment since showing control, is read as progression on it"
        f"{acting}; one found after control off treatment is not, and is not to be recorded as "
        "the course's stop reason (that would read the disease as resistant to it); with "
        f"stable disease the question is rather {stable}.",
    )


#: rule 50 where the stop reason is unknown (case 1473)
_ASK_WHY = (
    " Record why it ended: progression, toxicity (with the adverse event: a drug of the same "
    "class may share it), or the patient's choice; each places the options differently."
)
_FULVESTRANT_ACTS = " (fulvestrant also acts for months after its last injection)"


def _stopped_for_good(facts: Facts, last: Treatment) -> bool:
    """Trastuzumab deruxtecan stopped for an interstitial lung disease that is not a recorded
    grade 0-1 (``tdxd_resumable``): its label does not give it again."""
    return caused_ild(last, TDXD) and not tdxd_resumable(facts)


#: what stable disease asks after the latest course, by whether it held an endocrine drug
_STABLE = (
    "a treatment break with restaging, or the next line",
    "whether to resume endocrine therapy",
)


_NOT_PROGRESSION = frozenset(
    {StopReason.PATIENT_CHOICE, StopReason.TOXICITY, StopReason.COMPLETED, *UNEXPLAINED_STOPS}
)
_UNRECORDED = dict.fromkeys((StopReason.UNKNOWN, None), "its stop reason not recorded")


# rule 141: an earlier CDK4/6-inhibitor course ended for a reason not recorded: ask why
@rule(
    141,
    "A CDK4/6-inhibitor course ended for a reason not recorded: record why",
    None,
    condition="A course with a CDK4/6 inhibitor for metastatic disease ended for another "
    "reason, or for one not recorded (stop reason 'other', 'unknown' or left out), and a "
    "course follows it (the latest course is rule 50's), not a CDK4/6-inhibitor course that "
    "continues it (a dose change or a hold recorded as two courses: case 2969b).",
    effect="An action, before choosing, to record why it ended: the options read it as not "
    "ended by progression (no resistance to the CDK4/6 inhibitor, and its length measures no "
    "sensitivity), and change if it progressed (case 2907d: palbociclib stopped after 3 months, "
    "why not recorded, was read as a 3-month progression and chemotherapy came first, with no "
    "question asked).",
    codes=("record_cdk46i_stop",),
)
def cdk46i_stop_unrecorded(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    # the first such course before the latest (rule 50's): one question covers the record
    latest = facts.in_order[-1] if facts.in_order else None
    course = next((t for t in unexplained_cdk46i_stops(facts) if t is not latest), None)
    if course is None:
        return
    why = _UNRECORDED.get(course.stop_reason) or "for another reason"
    yield PlanEffect(
        code="record_cdk46i_stop",
        first=True,
        text=f"{' + '.join(course.drugs)} ended ({why}): record why. The options read it as not "
        "ended by progression, neither resistance to the CDK4/6 inhibitor nor a length that "
        "measures sensitivity to it; had the disease progressed on it, that is resistance "
        "(after a short course, early resistance: chemotherapy and ADCs first), and the "
        "options change. Stopped for toxicity, record the adverse event: a drug of the same "
        "class may share it.",
    )


# rule 146: a CDK4/6-inhibitor course's end unexplained: nothing preferred until it is recorded
@rule(
    146,
    "A CDK4/6-inhibitor course ended for a reason not recorded: nothing preferred until it is",
    Factor.HISTORY,
    condition="A course with a CDK4/6 inhibitor for metastatic disease ended for another reason "
    "or one not recorded (rules 50 and 141 ask why), not one the same CDK4/6 inhibitor "
    "resumed continues, and no visceral crisis (where chemotherapy comes first).",
    effect="With no line progressed since, every option is at best an alternative: whether the "
    "disease progressed on it decides between another CDK4/6 inhibitor and the options after "
    "one (case 2923b: read as not progressed, the first-line regimens were preferred, "
    "palbociclib + letrozole again among them; 2907d: read as progressed, a 3-month course put "
    "chemotherapy first). With a line progressed since, only the regimens with a CDK4/6 "
    "inhibitor: the later progression places the rest (the final recheck, 2991a: trastuzumab "
    "deruxtecan held back at a fourth line).",
    codes=("cdk46i_stop_unrecorded_first",),
)
def cdk46i_stop_unrecorded_first(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    drugs, since = i.cdk46i_stop_unknown
    if not drugs or i.visceral_crisis or (since and not kinds.has_cdk46i(spec)):
        return
    yield Effect(
        code="cdk46i_stop_unrecorded_first",
        ceiling=1,
        text=f"Why {drugs} ended is not recorded: whether the disease progressed on it decides "
        + (
            "whether another CDK4/6 inhibitor fits"
            if since
            else "between another CDK4/6 inhibitor and the options after one"
        )
        + ", so at best an alternative until it is recorded.",
        trials=spec.key_trials,
    )
