"""Factor 4, continued: cautions that come from who the patient is rather than from a trial's
adverse-event table: ovarian suppression or a GnRH agonist with endocrine therapy (rule 40), the
PI3K and AKT inhibitors' glucose check (rule 67), glucose first above CAPItello-291's HbA1c
limit (rule 78) and with inavolisib (rule 86, practice-2026), and Child-Pugh C (rule 81). The
drug labels' own warnings are ``label_cautions``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ChildPugh, DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, num, rule
from resistx.sequencing.rules.comorbidity_risks import COMORBIDITY_RISKS
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class

B = Factor.BALANCE


# rule 40: endocrine therapy needs ovarian suppression before the menopause, and in men
@rule(
    40,
    "Ovarian suppression, or a GnRH agonist in men, with endocrine therapy",
    B,
    condition="A pre- or perimenopausal woman; or a man (schema 2's sex).",
    effect="Each option with an aromatase inhibitor or fulvestrant (pre/perimenopausal), or with "
    "an aromatase inhibitor (men), carries a caution; the plan asks for ovarian function "
    "suppression or a GnRH agonist (action), as PALOMA-3 and MONARCH-2 required of "
    "premenopausal patients (not in the review). Elacestrant's "
    "caution (pre/perimenopausal) says EMERALD enrolled postmenopausal patients, and it is at "
    "best an alternative there; another oral SERD's asks for ovarian function suppression. "
    "Alpelisib too is at best an alternative there: SOLAR-1 enrolled postmenopausal women and "
    "men, and its US label says so (case 631).",
    codes=(
        "ovarian_suppression_needed",
        "gnrh_agonist_needed",
        "elacestrant_postmenopausal_trial",
        "alpelisib_postmenopausal_trial",
    ),
    references=(9, 10, 11),
    regimens=kinds.is_endocrine_based,
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
    elif i.needs_ovarian_suppression and (ai or DrugClass.SERD in classes):
        yield Effect(
            code="ovarian_suppression_needed",
            caution=True,
            text="Before the menopause: an aromatase inhibitor or fulvestrant needs ovarian "
            f"function suppression (a GnRH agonist){keep}, as PALOMA-3 and MONARCH-2 required "
            "of premenopausal patients (not in the review).",
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
            text="Before the menopause: an oral SERD is given with ovarian function suppression "
            f"(a GnRH agonist), as endocrine therapy needs{keep}.",
        )
    if i.needs_ovarian_suppression and kinds.has_alpelisib(spec):  # case 631
        yield Effect(
            code="alpelisib_postmenopausal_trial",
            ceiling=1,
            text="Before the menopause: SOLAR-1 enrolled postmenopausal women and men only, and "
            "alpelisib's US label says so (not in the review): its result may not hold here, at "
            "best an alternative.",
            trials=("SOLAR-1",),
        )


# rule 67: the PI3K and AKT inhibitors' glucose check, from their labels (not in the review)
@rule(
    67,
    "PI3K and AKT inhibitors: glucose before starting",
    B,
    condition="A regimen with a PI3K or AKT inhibitor, unless diabetes is on record and rule 12 "
    "speaks for one of its drugs then (case 479: never neither).",
    effect="A caution: their US labels ask for fasting glucose and HbA1c before starting, "
    "brought into range, and monitored during treatment.",
    codes=("glucose_before_starting",),
    regimens=kinds.has_pi3k_or_akt_inhibitor,
)
def glucose_before_starting(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    diabetes = any(c.name is Comorbidity.DIABETES for c in i.comorbidities)
    if not kinds.has_pi3k_or_akt_inhibitor(spec) or (
        diabetes and any((Comorbidity.DIABETES, d) in COMORBIDITY_RISKS for d in spec.drugs)
    ):
        return
    yield Effect(
        code="glucose_before_starting",
        caution=True,
        text="Blood glucose: fasting glucose and HbA1c before starting, brought into range, and "
        "monitored during treatment, as the PI3K and AKT inhibitors' US labels ask (not in the "
        "review).",
    )


#: CAPItello-291's glycaemic entry limit (its report: HbA1c below 8.0%, no insulin-requiring
#: diabetes; not in the review)
CAPITELLO_HBA1C_LIMIT = 8.0


# rule 78: a PI3K or AKT inhibitor with diabetes above CAPItello-291's limit: at best later
@rule(
    78,
    "A PI3K or AKT inhibitor with an HbA1c of 8.0% or more: at best a later option",
    B,
    condition="Diabetes on record with an HbA1c of 8.0% or more, and a PI3K or AKT inhibitor "
    "(capivasertib; ipatasertib in a trial; gedatolisib, inavolisib; alpelisib is left out with "
    "diabetes by rule 12).",
    effect="A relative contraindication: at best a later option, placed after every option "
    "without such a risk (rule 12's hard ordering). CAPItello-291 excluded an HbA1c of 8.0% or "
    "more and diabetes needing insulin (its report; not in the review), and its US label gives "
    "no safety data for insulin-requiring diabetes: glucose first, with the diabetes team "
    "(case 527). The other PI3K and AKT inhibitors raise glucose by the same pathway: they step "
    "back behind the same line, a trial's glycaemic entry criteria to be checked (case 541).",
    codes=("capivasertib_diabetes_uncontrolled", "pi3k_akt_inhibitor_diabetes_uncontrolled"),
    trials=("CAPItello-291",),
    regimens=kinds.has_pi3k_or_akt_inhibitor,
)
def glucose_inhibitor_diabetes(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not kinds.has_pi3k_or_akt_inhibitor(spec):
        return
    for c in i.comorbidities:
        if c.name is Comorbidity.DIABETES and (c.hba1c or 0.0) >= CAPITELLO_HBA1C_LIMIT:
            yield _uncontrolled(num(c.hba1c or 0.0), spec)
            return


_INHIBITOR = {
    DrugClass.PI3K_INHIBITOR: "a PI3K inhibitor",
    DrugClass.AKT_INHIBITOR: "an AKT inhibitor",
}


def _uncontrolled(hba1c: str, spec: RegimenSpec) -> Effect:
    first = f"Diabetes with an HbA1c of {hba1c}%: "
    if kinds.has_capivasertib(spec):
        code, text = "capivasertib_diabetes_uncontrolled", f"{first}CAPItello-291"
    else:  # the others raise glucose by the same pathway as capivasertib
        drug, what = next(
            (d, _INHIBITOR[c]) for d in spec.drugs if (c := drug_class(d)) in _INHIBITOR
        )
        code = "pi3k_akt_inhibitor_diabetes_uncontrolled"
        text = (
            f"{first}{drug} is {what}, a class that raises blood glucose by the pathway it "
            "blocks; the AKT inhibitor's phase III trial in the review, CAPItello-291,"
        )
    return Effect(
        code=code,
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"{text} excluded an HbA1c of 8.0% or more and diabetes needing insulin (its "
        "report; not in the review), and capivasertib's US label gives no safety data for "
        "insulin-requiring diabetes: bring glucose into range first, with the diabetes team; at "
        "best a later option meanwhile, after every option without such a risk."
        + (
            " Check the trial's glycaemic entry criteria."
            if kinds.is_trial_or_investigational(spec)
            else ""
        ),
        trials=("CAPItello-291",),
    )


# rule 95: glucose above CAPItello-291's limit with a PI3K-pathway target: glucose first
@rule(
    95,
    "Glucose above CAPItello-291's limit with a PI3K-pathway target: glucose control first",
    None,
    condition="Diabetes with an HbA1c of 8.0% or more, and a PIK3CA, AKT1 or PTEN alteration "
    "found.",
    effect="An action before choosing: refer to the diabetes team now; glucose brought into "
    "range opens the PI3K and AKT inhibitors that rule 78 holds back (case 680).",
    codes=("glucose_control_opens_pathway_inhibitor",),
    trials=("CAPItello-291",),
)
def glucose_control_first(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    hba1c = max(
        (c.hba1c or 0.0 for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES),
        default=0.0,
    )
    targets = [g for g in _PATHWAY if (st := facts.genes.get(g)) and st.finding is not None]
    if hba1c < CAPITELLO_HBA1C_LIMIT or not targets:
        return
    yield PlanEffect(
        code="glucose_control_opens_pathway_inhibitor",
        first=True,
        text=f"Diabetes with an HbA1c of {num(hba1c)}% and a {' and '.join(targets)} alteration: "
        "refer to the diabetes team now. CAPItello-291 enrolled an HbA1c below 8.0% (its "
        "report; not in the review): once glucose is in range, capivasertib (and the other PI3K "
        "and AKT inhibitors rule 78 holds back) can be weighed again for this target.",
    )


_PATHWAY = ("PIK3CA", "AKT1", "PTEN")


# rule 81: Child-Pugh C: nothing is preferred before the liver is assessed (case 560)
@rule(
    81,
    "Child-Pugh C: nothing preferred before the liver is assessed",
    B,
    condition="Hepatic impairment of Child-Pugh class C on record.",
    effect="Every option is at best an alternative until rule 51's assessment (the cause, "
    "bilirubin and clotting, whether systemic therapy fits at all) is done: most drugs ranked "
    "were not studied in severe hepatic impairment, and their trials enrolled adequate liver "
    "function (case 560: trastuzumab deruxtecan was preferred with an ALT caution only).",
    codes=("severe_hepatic_impairment_first",),
)
def severe_hepatic_impairment_first(
    i: BalanceInputs, _spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if any(c.child_pugh is ChildPugh.C for c in i.comorbidities):
        yield Effect(
            code="severe_hepatic_impairment_first",
            ceiling=1,
            text="Child-Pugh C: at best an alternative until the liver is assessed (its cause, "
            "bilirubin and clotting, and whether systemic therapy fits at all): most drugs here "
            "were not studied in severe hepatic impairment.",
        )


# rule 86: inavolisib with diabetes: at best an alternative (practice-2026; case 596)
@rule(
    86,
    "Inavolisib with diabetes: at best an alternative",
    B,
    condition="Diabetes on record, whatever its HbA1c, and a regimen with inavolisib "
    "(practice-2026).",
    effect="At best an alternative, glucose first: inavolisib's US label says its safety in "
    "type 1 diabetes, or type 2 diabetes needing ongoing treatment, has not been studied, and "
    "says how often glucose rose in INAVO120; rule 12's caution gives the label's work-up. Above "
    "CAPItello-291's HbA1c limit rule 78 steps it back further.",
    codes=("inavolisib_diabetes",),
    trials=("INAVO120",),
    regimens=kinds.has_inavolisib,
)
def inavolisib_diabetes(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if kinds.has_inavolisib(spec) and any(c.name is Comorbidity.DIABETES for c in i.comorbidities):
        yield Effect(
            code="inavolisib_diabetes",
            ceiling=1,
            text="Diabetes on record: inavolisib's US label says its safety in type 1 diabetes, "
            "or type 2 diabetes needing ongoing glucose-lowering treatment, has not been "
            "studied; on it in INAVO120, fasting glucose rose in most patients, and nearly half "
            "needed glucose-lowering drugs, a few insulin (Itovebi US prescribing information, "
            "Warnings and Precautions; not in the evidence pack): glucose first, with the "
            "diabetes team; at best an alternative meanwhile.",
            trials=("INAVO120",),
        )
