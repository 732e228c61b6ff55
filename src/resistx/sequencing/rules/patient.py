"""Factor 4, continued: cautions that come from who the patient is rather than from a trial's
adverse-event table: ovarian suppression or a GnRH agonist with endocrine therapy (rule 40), an
unknown menopausal status (rule 100), and Child-Pugh C (rule 81). Glucose is ``glucose``; the drug labels' own warnings are
``label_cautions``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor, MenopausalStatus, Sex
from resistx.model.profile import GNRH_SUPPRESSION_DAYS
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.sequencing.rules.comorbidity_risks import AVOID_IN_CHILD_PUGH_C
from resistx.sequencing.rules.drug_classes import endocrine_based_or_trial
from resistx.sequencing.rules.hepatic import child_pugh_c
from resistx.sequencing.rules.postmenopausal_trials import SUPPRESSED_IN, postmenopausal_trials
from resistx.sequencing.suppression import (
    ai_without_suppression,
    gnrh_agonist_now,
    gnrh_agonist_recent,
    gnrh_agonist_stopped,
)

B = Factor.BALANCE


# rule 40: endocrine therapy needs ovarian suppression before the menopause, and in men
@rule(
    40,
    "Ovarian suppression, or a GnRH agonist in men, with endocrine therapy",
    B,
    condition="A pre- or perimenopausal woman; or a man (schema 2's sex).",
    effect="Each option (enrolment in a trial too: case 882) with an aromatase inhibitor or "
    "fulvestrant (pre/perimenopausal), or with "
    "an aromatase inhibitor (men; vepdegestrant too, which VERITAC-2 gave men with an LHRH "
    "agonist: case 4541a), carries a caution; the plan asks for ovarian function "
    "suppression or a GnRH agonist (action), as MONALEESA-7 gave it with an aromatase "
    "inhibitor and PALOMA-3 and MONARCH-2 with fulvestrant (not in the review). Elacestrant's "
    "caution (pre/perimenopausal) says EMERALD enrolled postmenopausal patients, and it is at "
    "best an alternative there; another oral SERD's asks for ovarian function suppression. "
    "Alpelisib too is at best an alternative there: SOLAR-1 enrolled postmenopausal women and "
    "men, and its US label says so (case 631); so is everolimus, whose US label is for "
    "postmenopausal women (case 684), and ribociclib with fulvestrant, whose US label is for "
    "postmenopausal women and men (case 700), and palbociclib or abemaciclib with an aromatase "
    "inhibitor, whose PALOMA-2 and MONARCH-3 enrolled postmenopausal women (case 7279).",
    codes=(
        "ovarian_suppression_needed",
        "gnrh_agonist_needed",
        "elacestrant_postmenopausal_trial",
        "alpelisib_postmenopausal_trial",
        "everolimus_postmenopausal_trial",
        "ribociclib_fulvestrant_postmenopausal_label",
        "first_line_postmenopausal_trial",
    ),
    references=(9, 10, 11),
    regimens=endocrine_based_or_trial,
)
def ovarian_suppression(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    classes = kinds.classes(spec)
    ai = DrugClass.AROMATASE_INHIBITOR in classes
    given = i.suppression_on_record
    keep = f": continue {given}, given with the latest course" if given else ""
    if i.male and ai:
        yield Effect(
            code="gnrh_agonist_needed",
            caution=True,
            text=f"Male patient: an aromatase inhibitor needs a GnRH agonist with it{keep}; the "
            "trials enrolled few or no men.",
            references=(9, 10, 11),
        )
    elif i.male and kinds.is_vepdegestrant(spec):  # case 4541a
        yield Effect(
            code="gnrh_agonist_needed",
            caution=True,
            text="Male patient: VERITAC-2 required men to start or continue an LHRH (GnRH) "
            "agonist (its published eligibility criteria; not in the update pack), so its "
            f"evidence in men is with one{keep or ': give one with it'}.",
            trials=("VERITAC-2",),
        )
    elif i.needs_ovarian_suppression and (ai or DrugClass.SERD in classes):
        yield Effect(
            code="ovarian_suppression_needed",
            caution=True,
            text="Before the menopause: an aromatase inhibitor or fulvestrant needs ovarian "
            f"function suppression (a GnRH agonist){keep}, as {SUPPRESSED_IN[ai]} (not in the "
            "review).",
            references=(9, 10, 11),
        )
    elif i.needs_ovarian_suppression and "elacestrant" in spec.drugs:
        yield Effect(
            code="ovarian_suppression_needed",
            caution=True,
            text="Before the menopause: EMERALD, the review's phase III trial of elacestrant, "
            "enrolled postmenopausal patients; before the menopause it is given outside its "
            f"population (with ovarian function suppression, as endocrine therapy needs{keep}).",
            trials=("EMERALD",),
        )
        yield Effect(
            code="elacestrant_postmenopausal_trial",
            ceiling=1,
            text="Before the menopause: EMERALD enrolled postmenopausal patients only, so its "
            "result may not hold here (its US label: postmenopausal women or men; not in the "
            "review): at best an alternative.",
            trials=("EMERALD",),
        )
    elif i.needs_ovarian_suppression and DrugClass.ORAL_SERD in classes:
        yield Effect(
            code="ovarian_suppression_needed",
            caution=True,
            text="Before the menopause: an oral oestrogen-receptor degrader is given with ovarian "
            "function suppression "
            f"(a GnRH agonist), as endocrine therapy needs{keep}.",
        )
    if i.needs_ovarian_suppression:
        yield from postmenopausal_trials(spec)


# rule 81: Child-Pugh C: nothing is preferred before the liver is assessed (case 560)
@rule(
    81,
    "Child-Pugh C: nothing preferred before the liver is assessed",
    B,
    condition="Hepatic impairment of Child-Pugh class C on record.",
    effect="Every option is at best an alternative until rule 51's assessment (the cause, "
    "bilirubin and clotting, whether systemic therapy fits at all) is done: most drugs ranked "
    "were not studied in severe hepatic impairment, and their trials enrolled adequate liver "
    "function (case 560: trastuzumab deruxtecan was preferred with an ALT caution only). A drug "
    "whose label advises against it there (elacestrant) is a relative contraindication: at best "
    "a later option, after every option without one (case 707).",
    codes=("severe_hepatic_impairment_first", "label_avoids_severe_hepatic_impairment"),
)
def severe_hepatic_impairment_first(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not child_pugh_c(i.comorbidities):
        return
    yield Effect(
        code="severe_hepatic_impairment_first",
        ceiling=1,
        text="Child-Pugh C: at best an alternative until the liver is assessed (its cause, "
        "bilirubin and clotting, and whether systemic therapy fits at all): most drugs here "
        "were not studied in severe hepatic impairment.",
        trials=spec.key_trials,
        references=spec.references,
    )
    for drug in spec.drugs:
        if drug in AVOID_IN_CHILD_PUGH_C:
            yield Effect(
                code="label_avoids_severe_hepatic_impairment",
                ceiling=2,
                demote=Precedence.RELATIVE_CONTRAINDICATION,
                text=f"Child-Pugh C: {AVOID_IN_CHILD_PUGH_C[drug]} (not in the review): a "
                "relative contraindication, at best a later option, after every option without "
                "one.",
                trials=spec.key_trials,
            )


# rule 100: a woman's menopausal status unknown: establish it before choosing
@rule(
    100,
    "Menopausal status unknown: establish it before choosing",
    None,
    condition="A woman (or sex not given) whose menopausal status is unknown.",
    effect="An action before choosing (beside chemotherapy in a visceral crisis): establish it "
    "(menstrual history; oestradiol and FSH "
    "where it is unclear): before the menopause an aromatase inhibitor or fulvestrant needs "
    "ovarian function suppression (rule 40), and elacestrant's label and EMERALD are for "
    "postmenopausal women and men; meanwhile the plan reads the patient as postmenopausal "
    "(case 809), or, while a GnRH agonist goes on (or came with the latest course), as "
    "premenopausal on ovarian suppression, saying that oestradiol and FSH cannot settle it on "
    "one (case 1029); until it is established, a pregnancy test before starting (case 1126).",
    codes=("establish_menopausal_status",),
    trials=("EMERALD",),
)
def establish_menopausal_status(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    p = facts.profile
    if p.sex is Sex.MALE or p.menopausal_status is not MenopausalStatus.UNKNOWN:
        return
    yield PlanEffect(
        code="establish_menopausal_status",
        first=not p.visceral_crisis,  # in a crisis chemotherapy comes first whatever it is
        text=(
            "Sex and menopausal status not given" if p.sex is None else "Menopausal status unknown"
        )
        + ": establish it before choosing (menstrual history; "
        "oestradiol and FSH where it is unclear, as after chemotherapy, on tamoxifen or soon "
        "after an aromatase inhibitor, before any fulvestrant). Before the menopause an "
        "aromatase inhibitor or fulvestrant needs ovarian function suppression, and for an oral "
        "SERD its label and trial decide (elacestrant's US label and EMERALD are for "
        "postmenopausal women and men, as alpelisib's, everolimus's and ribociclib's with "
        "fulvestrant are; not in the review)"
        + (_UNSUPPRESSED if any(ai_without_suppression(t, facts) for t in p.treatments) else "")
        + _meanwhile(gnrh_agonist_now(p), gnrh_agonist_stopped(p), gnrh_agonist_recent(p))
        + _UNTIL_ESTABLISHED,
    )


#: before the menopause is established, a woman may be of reproductive potential (case 1126)
_UNTIL_ESTABLISHED = (
    " Until it is established, a pregnancy test before starting: the options' labels warn of "
    "embryo-fetal toxicity, and ovarian function can return after chemotherapy or on an "
    "aromatase inhibitor (the labels; not in the review)."
)


def _meanwhile(gnrh: str, stopped: str, recent: str = "") -> str:
    """How the plan reads an unrecorded status: before the menopause, on suppression, while a
    GnRH agonist goes on (case 1029), or with one stopped before the latest course ended (case
    1573) or within ``GNRH_SUPPRESSION_DAYS`` (case 2676c); else after it."""
    if recent and not (gnrh or stopped):
        return (
            f". A GnRH agonist ({recent}) ended within {GNRH_SUPPRESSION_DAYS} days of this plan: "
            "its depot may still suppress the ovaries, so oestradiol and FSH cannot show the "
            "menopause until it has worn off; this plan reads the patient as premenopausal, off "
            "suppression, meanwhile."
        )
    if stopped and not gnrh:
        return (
            f". A GnRH agonist ({stopped}) was given beside the latest course and stopped before "
            "it ended: it is given to suppress working ovaries, whose function may have "
            "returned since (ask about menses; oestradiol and FSH off it); this plan reads the "
            "patient as premenopausal, off suppression, meanwhile."
        )
    if not gnrh:
        return "; this plan reads the patient as postmenopausal meanwhile."
    return (
        f". A GnRH agonist ({gnrh}) is on record, going on or with the latest course: on it "
        "oestradiol is suppressed to the postmenopausal range and FSH and LH are suppressed "
        "too (low, not raised), whatever the ovaries would do, so neither can establish the "
        "menopause (ask for the menstrual history before it; oestradiol on it checks only that "
        "the suppression is adequate); this "
        "plan reads the patient as premenopausal on ovarian suppression meanwhile."
    )


# rule 107: performance status not recorded: assess it before choosing
@rule(
    107,
    "ECOG performance status not recorded: assess it before choosing",
    None,
    condition="No ECOG performance status in the profile.",
    effect="An action before choosing (beside chemotherapy in a visceral crisis): assess and "
    "record it; at ECOG 3-4 the least toxic options come first (rule 13), and meanwhile the "
    "plan demotes no intensive regimen for it (cases 919, 920).",
    codes=("record_ecog",),
)
def record_ecog(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    p = facts.profile
    if p.ecog is not None:
        return
    yield PlanEffect(
        code="record_ecog",
        first=not p.visceral_crisis,
        text="ECOG performance status not recorded: assess and record it before choosing. At "
        "ECOG 3-4 the least toxic options come first (rule 13), and the trials behind the "
        "combinations here enrolled patients fit for them; this plan demotes no intensive "
        "regimen for performance status meanwhile.",
    )


#: an aromatase inhibitor on record without ovarian suppression (the recheck of case 809)
_UNSUPPRESSED = (
    "; an aromatase inhibitor given before without it may not have been the endocrine therapy "
    "its progression is read as"
)
