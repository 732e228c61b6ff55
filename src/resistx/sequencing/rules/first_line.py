"""Rule 19's words for the first-line trials and the fulvestrant trials: which population
each enrolled, and what a reason says of them for a patient (cases 468, 483, 492)."""

from __future__ import annotations

from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect

CDK46I_NAIVE_REFERENCES = (9, 10, 11, 30, 31, 32)
#: the first-line trials of a CDK4/6 inhibitor with an aromatase inhibitor (the review's refs
#: 6-8, cited as a group) and what the review says of them (Introduction; Resistance Mechanisms)
FIRST_LINE_TRIALS = ("PALOMA-2", "MONALEESA-2", "MONARCH-3")
FIRST_LINE_REFERENCES = (6, 7, 8)
FIRST_LINE_FIGURES = (
    " (PALOMA-2, MONALEESA-2, MONARCH-3, as the review sums them up: median PFS 25-28 months, "
    "HRs 0.54-0.58 against an aromatase inhibitor alone)"
)


def fulvestrant_trials(i: HistoryInputs, *, triplet: bool) -> str:
    """What rule 19 says of a CDK4/6 inhibitor + fulvestrant regimen's trials for the patient
    (a triplet's trials are its own)."""
    if i.ai_resistant:
        return "with fulvestrant after an aromatase inhibitor it doubled median PFS"
    if after_other_endocrine(i) and not triplet:
        return (
            "the review cites its fulvestrant trials for progression on an aromatase inhibitor, "
            "but two of them enrolled after first-line endocrine therapy of any kind for "
            "metastatic disease, this patient's population (MONARCH-2: Sledge et al., J Clin "
            "Oncol 2017; MONALEESA-3, up to one endocrine line for advanced disease: Slamon et "
            "al., J Clin Oncol 2018; not in the review), while its first-line trials with an "
            "aromatase inhibitor enrolled no one treated for advanced disease: these come first"
        )
    return (
        "the review cites its fulvestrant trials for progression on an aromatase inhibitor, and "
        "no progression on one is on record"
        # a triplet's trials are its own (gedatolisib's: recheck of case 468)
        + ("" if triplet else " (its first-line trials paired it with one)")
    )


def after_other_endocrine(i: HistoryInputs) -> bool:
    """Progression on endocrine therapy for metastatic disease, none of it an aromatase
    inhibitor's: the fulvestrant trials' population, not the first-line trials' (case 492)."""
    return i.endocrine_progressed and not i.ai_resistant


def after_endocrine_line(why: str, delta: float, *, after_fulvestrant: bool) -> Effect:
    """A CDK4/6 inhibitor with an aromatase inhibitor after progression on other endocrine
    therapy for metastatic disease: preferred, after the fulvestrant doublets, whose trials
    enrolled such patients (case 492 and its recheck)."""
    return Effect(
        code="cdk46i_naive_first",
        delta=delta,
        text=f"{why}: a CDK4/6 inhibitor with endocrine therapy is the preferred option without "
        "visceral crisis. The review's first-line trials of one with an aromatase inhibitor "
        "enrolled no one treated for advanced disease (their reports; not in the review), so "
        "after endocrine therapy for metastatic disease this partner extrapolates from them; "
        + (
            "the fulvestrant regimens' trials enrolled no one after fulvestrant, so "
            "after progression on fulvestrant this partner comes first."
            if after_fulvestrant
            else "the fulvestrant regimens, two of whose trials enrolled such patients "
            "(MONARCH-2, MONALEESA-3), come first."
        ),
        trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2", *FIRST_LINE_TRIALS),
        references=(*CDK46I_NAIVE_REFERENCES, *FIRST_LINE_REFERENCES),
    )


def not_resistant(i: HistoryInputs) -> str:
    """Why the disease is not known to be CDK4/6-inhibitor resistant (rules 19 and 73)."""
    if not i.had_cdk46i:
        return "No CDK4/6 inhibitor on record"
    return (
        "The CDK4/6 inhibitor was not stopped for progression, so the disease is not known to "
        "be resistant"
    )


def ai_end_unknown(why: str, delta: float) -> Effect:
    """Rule 19 for a CDK4/6 inhibitor with an aromatase inhibitor where an adjuvant one has no
    end date: the first-line trials' entry cannot be shown (case 1455; rule 123 asks)."""
    return Effect(
        code="cdk46i_ai_end_unknown",
        delta=delta,
        ceiling=1,
        text=f"{why}, but a (neo)adjuvant aromatase inhibitor has no end date: whether the "
        "relapse came within 12 months of it, which the first-line trials of a CDK4/6 "
        "inhibitor with one did not enrol (a CDK4/6 inhibitor with fulvestrant then), is not "
        "known: at best an alternative until its end date is recorded (rule 123).",
        trials=FIRST_LINE_TRIALS,
        references=FIRST_LINE_REFERENCES,
    )


def exemestane_after_ai_resistance(why: str) -> Effect:
    """Rule 19 for a CDK4/6 inhibitor with exemestane after aromatase-inhibitor resistance and
    no CDK4/6-inhibitor resistance: no trial gave it then (case 880)."""
    return Effect(
        code="cdk46i_steroidal_ai_after_ai_resistance",
        ceiling=2,
        text=f"{why}, with progression on an aromatase inhibitor or relapse within 12 months of "
        "one: the first-line trials enrolled no such patient, and no trial the review reports "
        "gave a CDK4/6 inhibitor with exemestane then (PALOMA-3, MONALEESA-3 and MONARCH-2 gave "
        "one with fulvestrant): at best a later option.",
        trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2"),
        references=CDK46I_NAIVE_REFERENCES,
    )
