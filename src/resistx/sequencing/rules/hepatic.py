"""Hepatic impairment as the record gives it: assess it before choosing (rule 51) where it is
severe, moderate with no visceral crisis on record, or entered with no Child-Pugh class."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ChildPugh
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.vocab.comorbidities import Comorbidity


# rule 51: hepatic impairment: its cause, its class and whether systemic therapy fits, first
@rule(
    51,
    "Severe or ungraded hepatic impairment: assess it before choosing",
    None,
    condition="Hepatic impairment of Child-Pugh class C on record; or class B with no visceral "
    "crisis on record; or hepatic impairment with no class recorded (case 1001).",
    effect="An action, before every other, to establish its cause (liver metastases, which can "
    "amount to a visceral crisis, or liver disease), check bilirubin and clotting, and weigh "
    "whether systemic therapy fits: most drugs ranked here were not studied in severe "
    "hepatic impairment (the labels; the review gives no figures). For class B, to ask whether "
    "a rising bilirubin from metastases makes it a visceral crisis (rule 7), or an obstruction. "
    "Without a class: to grade it and establish its cause, saying what the options read it as "
    "until then (short of class C: rule 81 does not speak). Class B recorded as not from the "
    "metastases (from_metastases: false): a dose reminder after choosing (case 1784b).",
    codes=(
        "assess_severe_hepatic_impairment",
        "assess_moderate_hepatic_impairment",
        "grade_hepatic_impairment",
    ),
)
def severe_hepatic_impairment(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    classes = {
        c.child_pugh
        for c in facts.profile.comorbidities
        if c.name is Comorbidity.HEPATIC_IMPAIRMENT
    }
    moderate = ChildPugh.B in classes and ChildPugh.C not in classes
    if moderate and not facts.profile.visceral_crisis and _cause_known(facts):  # case 1784b
        yield PlanEffect(
            code="assess_moderate_hepatic_impairment",
            first=False,
            text="Child-Pugh B, recorded as not from the liver metastases: several drugs ranked "
            "here need a lower dose (their cautions); should the bilirubin rise with the "
            "metastases, ask again whether it is a visceral crisis (rule 7).",
        )
    elif moderate and not facts.profile.visceral_crisis:
        yield PlanEffect(
            code="assess_moderate_hepatic_impairment",
            first=True,
            text="Child-Pugh B with no visceral crisis on record: establish its cause. Where it "
            "comes from liver metastases, a rising bilirubin can amount to a visceral crisis, "
            "which puts chemotherapy first (rule 7), and an obstruction of the bile ducts needs "
            "its own care; several drugs ranked here need a lower dose (their cautions).",
        )
    if ChildPugh.C in classes:
        yield PlanEffect(
            code="assess_severe_hepatic_impairment",
            first=True,
            text="Child-Pugh C: establish why the liver is failing (liver metastases, which can "
            "amount to a visceral crisis and call for its plan, rule 7, or liver disease), check "
            "bilirubin and clotting, and weigh whether systemic therapy fits at all: most drugs "
            "ranked here were not studied in severe hepatic impairment (their labels; the "
            "review gives no figures).",
        )
    if classes == {None}:  # entered by name only (case 1001): read as short of class C
        crisis = facts.profile.visceral_crisis  # then the crisis's question is answered (1829)
        text = _UNGRADED if crisis else _UNGRADED + _CRISIS_QUESTION
        yield PlanEffect(code="grade_hepatic_impairment", first=True, text=text)


def _cause_known(facts: Facts) -> bool:
    """Every class-B hepatic impairment on record is recorded as not from the metastases."""
    return all(
        c.from_metastases is False
        for c in facts.profile.comorbidities
        if c.name is Comorbidity.HEPATIC_IMPAIRMENT and c.child_pugh is ChildPugh.B
    )


_UNGRADED = (
    "Hepatic impairment with no Child-Pugh class recorded: grade it (bilirubin, albumin, INR, "
    "ascites, encephalopathy) and establish its cause. Until it is graded the options read it "
    "as short of class C, where most drugs ranked here were not studied and some are a "
    "relative contraindication (rule 81); at class B several need a lower dose (their "
    "cautions)."
)
#: ... and where no visceral crisis is recorded
_CRISIS_QUESTION = (
    " Where it comes from liver metastases, a rising bilirubin can amount to a visceral "
    "crisis, which puts chemotherapy first (rule 7)."
)
