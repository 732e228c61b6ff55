"""Rule 23's cautions after a CDK4/6 inhibitor stopped for toxicity: the same drug again, and
another whose label warns of the same adverse event (``cdk46i.cdk46i_toxicity``)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect, Precedence, left_out
from resistx.sequencing.rules.drug_classes import (
    CLASS_TOXICITIES,
    LUNG_EVENTS,
    LUNG_RECHALLENGE,
    RECHALLENGE,
)
from resistx.sequencing.rules.rechallenge import SCAR, not_stopped, scar_left_out
from resistx.sequencing.toxicity import SEVERE_ILD_GRADE, shown, stopped_for

#: the CDK4/6 inhibitors whose labels stop them for good after a severe liver injury, and the
#: adverse events on record that may have been one (case 1073)
_LIVER = dict.fromkeys(
    ("ribociclib", "abemaciclib"), frozenset({"hepatotoxicity", "increased alt"})
)
#: ... and what their caution says instead of a dose reduction
LIVER_RECHALLENGE = (
    ": its label stops it for good after a severe liver injury (a grade 4 transaminase rise, "
    "or a transaminase rise above three times the upper limit with a total bilirubin above "
    "twice it; not in the review), and a dose reduction is for a milder rise: ask how severe "
    "it was before giving it again."
)


#: how a CDK4/6 inhibitor's US label monitors the liver (not in the review; case 1150)
_LIVER_TESTS = {
    "ribociclib": "its label asks for liver tests before starting, every two weeks for the "
    "first two cycles, then at the start of each of the next four cycles",
    "abemaciclib": "its label asks for liver tests before starting, every two weeks for the "
    "first two months, then monthly for the next two",
}


def _monitoring(shared: list[str], event: str) -> str:
    """What to watch for an event that stopped another CDK4/6 inhibitor: the label's liver
    tests where one drug shares a liver event, else to monitor for it."""
    if len(shared) == 1 and event in _LIVER.get(shared[0], ()):
        return _LIVER_TESTS[shared[0]]
    if event == SCAR:  # 7921e: whether one recurs on another of the class is not known
        return (
            "it stops it for good once one is confirmed, and whether a reaction on one CDK4/6 "
            "inhibitor recurs on another is not known: weigh it with a dermatologist, and stop "
            "it at the first sign"
        )
    return "monitor for it"


def never_again(i: HistoryInputs, drugs: tuple[str, ...], trials: tuple[str, ...]) -> Effect | None:
    """Left out: a CDK4/6 inhibitor of the regimen caused a severe cutaneous adverse reaction
    (case 1808: ribociclib after a Stevens-Johnson syndrome on it, ranked above chemotherapy),
    or a lung disease on record at grade 3 or worse (``after_severe_lung``)."""
    caused = sorted(d for d, e in i.toxicity_events if d in drugs and e == SCAR)
    if not caused:
        return after_severe_lung(i, drugs, trials)
    said = ", ".join(caused)
    arose = not_stopped(((d, SCAR) for d in caused), i.toxicity_arose)  # case 7921e
    labels = "ribociclib's label stops it for good once one is confirmed"
    return scar_left_out(said, trials, labels, arose=arose)


def _severe(grade: int | None) -> bool:
    return grade is not None and grade >= SEVERE_ILD_GRADE


def after_severe_lung(
    i: HistoryInputs, drugs: tuple[str, ...], trials: tuple[str, ...]
) -> Effect | None:
    """Left out: a CDK4/6 inhibitor of the regimen was stopped for pneumonitis or interstitial
    lung disease, on record at grade 3 or worse (case 6230: palbociclib + fulvestrant stayed
    an option beside a grade 3 recorded)."""
    caused = sorted(d for d, e in i.toxicity_events if d in drugs and e in LUNG_EVENTS)
    if not (caused and _severe(i.lung_stop_grade)):
        return None
    return left_out(
        ExclusionCode.CONTRAINDICATED,
        f"{', '.join(caused)} was stopped for a lung disease on record at grade 3 or worse: its "
        "label stops it for good after a severe pneumonitis (not in the review).",
        trials,
    )


def rechallenge(
    i: HistoryInputs, drugs: tuple[str, ...], trials: tuple[str, ...]
) -> Iterator[Effect]:
    """One caution for the regimen's CDK4/6 inhibitors that were stopped for toxicity before
    (whether or not they also progressed), naming every adverse event on record for each."""
    stopped = sorted(({d for d, _ in i.toxicity_events} | i.cdk46i_toxicity) & set(drugs))
    if not stopped:
        return
    events = {
        d: " and ".join(sorted(shown(e) for x, e in i.toxicity_events if x == d)) for d in stopped
    }
    what = "; ".join(f"{d} for {events[d]}" for d in stopped if events[d])
    lungs = any(e in LUNG_EVENTS for d, e in i.toxicity_events if d in stopped)
    # the labels that stop the drug for good after a severe liver injury (case 1073)
    liver = sorted(d for d, e in i.toxicity_events if d in stopped and e in _LIVER.get(d, ()))
    said = f" ({what})" if what else ""
    yield Effect(
        code="cdk46i_toxicity_rechallenge",
        caution=True,
        text=(
            "; ".join(f"{events[d]} arose on {d}" for d in stopped if events[d]) + " before"
            if {(d, e) for d, e in i.toxicity_events if d in stopped} <= i.toxicity_arose
            and not i.cdk46i_toxicity & set(stopped)
            else f"{', '.join(stopped)} was stopped for toxicity before{said}"
        )
        + (LUNG_RECHALLENGE if lungs else LIVER_RECHALLENGE if liver else RECHALLENGE),
    )
    if liver:
        yield Effect(  # case 1073: a rechallenge ranked above chemotherapy
            code="cdk46i_toxicity_rechallenge",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            # one sentence either way (8292: the first began and was cut off)
            text=(
                f"{', '.join(liver)} was stopped for liver toxicity"
                if not {(d, e) for d, e in i.toxicity_events if d in liver} <= i.toxicity_arose
                else f"liver toxicity arose on {', '.join(liver)}"
            )
            + ", whose grade a profile does not record: its label stops it for good after a "
            "severe liver injury (not in the review), so after every option without such a "
            "risk, and only once the grade and the liver tests are known.",
            trials=trials,
        )
    if ("ribociclib", "qt prolongation") in i.toxicity_events and "ribociclib" in drugs:
        yield Effect(  # case 865: it ranked above the abemaciclib regimens
            code="cdk46i_toxicity_rechallenge",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"{stopped_for('ribociclib', 'qt prolongation', i.toxicity_arose)}: "
            "its label says to avoid it where "
            "QTc prolongation is a significant risk, and stops it for good when a severe "
            "prolongation recurs (not in the review): after every option without such a risk, "
            "and only with an ECG first.",
            trials=trials,
        )


def class_toxicity(
    i: HistoryInputs, drugs: tuple[str, ...], trials: tuple[str, ...]
) -> Iterator[Effect]:
    """Another CDK4/6 inhibitor whose label warns of the adverse event that stopped one."""
    for before, event in sorted(i.toxicity_events):
        shared = [d for d in drugs if d != before and d in CLASS_TOXICITIES.get(event, ())]
        if shared and event in LUNG_EVENTS and _severe(i.lung_stop_grade):  # case 6230
            yield Effect(
                code="cdk46i_class_toxicity",
                ceiling=2,
                demote=Precedence.RELATIVE_CONTRAINDICATION,
                text=f"{stopped_for(before, event, i.toxicity_arose)}, on record at grade 3 or worse: "
                f"{', '.join(shared)} can cause it too, and every CDK4/6 inhibitor's label "
                "stops the drug for good after a severe one (not in the review): after every "
                "option without that risk.",
                trials=trials,
            )
        elif shared and event in LUNG_EVENTS:  # case 535: the labels stop them after a severe one
            # its grade on record, short of severe (the recheck, 6230: still 'ask how severe')
            graded = i.lung_stop_grade is not None
            ask = (
                f"grade {i.lung_stop_grade} on record: ask whether it resolved"
                if graded
                else "ask how severe it was and whether it resolved"
            )
            yield Effect(
                code="cdk46i_class_toxicity",
                caution=True,
                text=f"{stopped_for(before, event, i.toxicity_arose)}: {', '.join(shared)} can cause it "
                "too, and the CDK4/6 inhibitors' labels stop them for good after a severe one "
                f"(not in the review): {ask} before another.",
            )
            yield Effect(
                code="cdk46i_class_toxicity",
                ceiling=1,
                text=f"{stopped_for(before, event, i.toxicity_arose)}, which every CDK4/6 inhibitor's label "
                "warns of: at best an alternative until its "
                f"{'resolution is' if graded else 'severity and resolution are'} known.",
                trials=trials,
            )
        elif shared:
            yield Effect(
                code="cdk46i_class_toxicity",
                caution=True,
                text=f"{stopped_for(before, event, i.toxicity_arose)}: {', '.join(shared)} can cause it "
                f"too (its label; not in the review); {_monitoring(shared, event)}.",
            )
