"""Hepatic impairment as the record gives it: assess it before choosing (rule 51) where it is
severe, moderate with no visceral crisis on record, or entered with no Child-Pugh class; a
drug whose label gives no starting dose there, at best an alternative (rule 137); in Child-Pugh
C the least toxic first, endocrine monotherapy (rule 144)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType

from resistx.model.enums import ChildPugh, Factor, MetastaticSite
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.sequencing.rules.comorbidity_risks import AVOID_IN_CHILD_PUGH_C
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
    if moderate and not facts.profile.visceral_crisis:
        yield _moderate(facts)
    if ChildPugh.C in classes:
        # the cause asked only where it is not on record (6139: alcohol-related cirrhosis)
        why = (
            "Child-Pugh C, recorded as not from metastases: "
            if _cause_known(facts, ChildPugh.C)
            else "Child-Pugh C, recorded as from the liver metastases, which can amount to a "
            "visceral crisis and call for its plan (rule 7): "
            if _cause_known(facts, ChildPugh.C, from_metastases=True)
            else "Child-Pugh C: establish why the liver is failing (liver metastases, which can "
            "amount to a visceral crisis and call for its plan, rule 7, or liver disease), "
        )
        yield PlanEffect(
            code="assess_severe_hepatic_impairment",
            first=True,
            text=f"{why}check bilirubin and clotting, and weigh whether systemic therapy fits at "
            "all: most drugs ranked here were not studied in severe hepatic impairment (their "
            "labels; the review gives no figures).",
        )
    if classes == {None}:  # entered by name only (case 1001): read as short of class C
        crisis = facts.profile.visceral_crisis  # then the crisis's question is answered (1829)
        text = _UNGRADED if crisis else _UNGRADED + _CRISIS_QUESTION
        yield PlanEffect(code="grade_hepatic_impairment", first=True, text=text)


def _moderate(facts: Facts) -> PlanEffect:
    """Child-Pugh B with no visceral crisis on record: its cause recorded as not from the
    metastases (case 1784b), as from them (the recheck, 6422), or to be established."""
    if _cause_known(facts):
        liver = MetastaticSite.LIVER in facts.profile.metastatic_sites  # 6024: none on record
        return PlanEffect(
            code="assess_moderate_hepatic_impairment",
            first=False,
            text=(
                "Child-Pugh B, recorded as not from the liver metastases: several drugs ranked "
                "here need a lower dose (their cautions); should the bilirubin rise with the "
                "metastases, ask again whether it is a visceral crisis (rule 7)."
                if liver
                else "Child-Pugh B, recorded as not from metastases (none in the liver on "
                "record): several drugs ranked here need a lower dose (their cautions)."
            ),
        )
    if _cause_known(facts, from_metastases=True):
        return PlanEffect(
            code="assess_moderate_hepatic_impairment",
            first=True,
            text="Child-Pugh B, recorded as from the liver metastases, with no visceral crisis "
            "on record: a rising bilirubin can amount to one, which puts chemotherapy first "
            "(rule 7), and an obstruction of the bile ducts needs its own care; several drugs "
            "ranked here need a lower dose (their cautions).",
        )
    return PlanEffect(
        code="assess_moderate_hepatic_impairment",
        first=True,
        text="Child-Pugh B with no visceral crisis on record: establish its cause. Where it "
        "comes from liver metastases, a rising bilirubin can amount to a visceral crisis, "
        "which puts chemotherapy first (rule 7), and an obstruction of the bile ducts needs "
        "its own care; several drugs ranked here need a lower dose (their cautions).",
    )


def _cause_known(
    facts: Facts, of: ChildPugh = ChildPugh.B, *, from_metastases: bool = False
) -> bool:
    """Every hepatic impairment of class ``of`` on record is recorded as not from the
    metastases (or, with ``from_metastases``, as from them)."""
    return all(
        c.from_metastases is from_metastases
        for c in facts.profile.comorbidities
        if c.name is Comorbidity.HEPATIC_IMPAIRMENT and c.child_pugh is of
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


#: drugs whose US label gives no starting dose in moderate or severe hepatic impairment
#: (Child-Pugh B or C), where their safety is not established (the labels; not in the review)
NO_DOSE_IN_CHILD_PUGH_B = MappingProxyType(
    {"sacituzumab govitecan": "sacituzumab govitecan's US label gives no starting dose there"}
)


_NO_DOSE_CLASSES = (ChildPugh.B, ChildPugh.C)


def _undosed_there(spec: RegimenSpec) -> bool:
    """A regimen with sacituzumab govitecan."""
    return any(d in NO_DOSE_IN_CHILD_PUGH_B for d in spec.drugs)


# rule 137: Child-Pugh B or C: a drug its label gives no starting dose there, at best later
@rule(
    137,
    "Moderate or severe hepatic impairment: a drug with no labelled starting dose, at best later",
    Factor.BALANCE,
    condition="Hepatic impairment of Child-Pugh class B or C on record, and sacituzumab "
    "govitecan, whose US label gives no starting dose there.",
    effect="At best a later option, after the options with a labelled dose (case 2643a: it "
    "came first and preferred in Child-Pugh B while its caution said its label gives no "
    "starting dose; 2677c: as an alternative it still came before chemotherapy, which can be "
    "chosen and dosed for the liver).",
    codes=("no_labelled_dose_in_hepatic_impairment",),
    regimens=_undosed_there,
)
def no_labelled_hepatic_dose(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    graded = [c.child_pugh for c in i.comorbidities if c.child_pugh in _NO_DOSE_CLASSES]
    if not graded:
        return
    worst = ChildPugh.C if ChildPugh.C in graded else ChildPugh.B
    for drug in spec.drugs:
        if drug in NO_DOSE_IN_CHILD_PUGH_B:
            yield Effect(
                code="no_labelled_dose_in_hepatic_impairment",
                ceiling=2,  # case 2677c: as an alternative it still came before chemotherapy
                text=f"Child-Pugh {worst.value}: {NO_DOSE_IN_CHILD_PUGH_B[drug]}, where its "
                "safety is not established (not in the review): at best a later option, after "
                "the options with a labelled dose.",
                trials=spec.key_trials,
            )


def child_pugh_c(comorbidities: Iterable[Condition]) -> bool:
    """Hepatic impairment of Child-Pugh class C among ``comorbidities`` (rules 81, 144)."""
    return any(c.child_pugh is ChildPugh.C for c in comorbidities)


# rule 144: Child-Pugh C: the least toxic first, as at ECOG 3-4 (rule 13)
@rule(
    144,
    "Child-Pugh C: endocrine monotherapy first, the least toxic",
    Factor.BALANCE,
    condition="Hepatic impairment of Child-Pugh class C on record, and no visceral crisis "
    "(where chemotherapy comes first, rule 7).",
    effect="Hard precedence: every option but approved endocrine monotherapy (trials and "
    "investigational regimens too) comes after every approved endocrine monotherapy whose "
    "label does not advise against severe hepatic impairment, as at ECOG "
    "3-4 (rule 13): whether systemic therapy fits at all is rule 51's question, and the least "
    "toxic comes first (case 2811: ribociclib + fulvestrant, hepatotoxic, came first above "
    "fulvestrant alone; case 2751d: the deruxtecan ADCs could lead).",
    codes=("severe_hepatic_impairment_more_toxic", "severe_hepatic_impairment_least_toxic"),
)
def least_toxic_in_child_pugh_c(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.visceral_crisis or not child_pugh_c(i.comorbidities):
        return
    avoided = any(d in AVOID_IN_CHILD_PUGH_C for d in spec.drugs)
    trial = kinds.is_trial(spec) or kinds.is_investigational(spec)
    if kinds.is_endocrine_monotherapy(spec) and not avoided and not trial:
        yield Effect(
            code="severe_hepatic_impairment_least_toxic",
            text="Child-Pugh C: endocrine monotherapy, the least toxic kind of option, comes "
            "first (best supportive care is the other course to discuss).",
            trials=spec.key_trials,
        )
        return
    yield Effect(
        code="severe_hepatic_impairment_more_toxic",
        demote=Precedence.MORE_TOXIC,
        text="Child-Pugh C: after endocrine monotherapy, the least toxic kind of option, as at "
        "ECOG 3-4 (rule 13)"
        + ("; trials of new agents enrol adequate liver function" if trial else "")
        + "; whether systemic therapy fits at all comes first (rule 51).",
        trials=spec.key_trials,
    )
