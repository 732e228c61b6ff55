"""Glucose and the PI3K and AKT inhibitors: the glucose check before starting (rule 67), glucose
first above CAPItello-291's HbA1c limit (rule 78) and with inavolisib (rule 86, practice-2026),
and the action that says so before choosing (rule 95)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.exhausted import CAPITELLO_HBA1C_LIMIT, POOR_ECOG
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import (
    Context,
    Effect,
    PlanEffect,
    Precedence,
    gene_article,
    num,
    rule,
)
from resistx.sequencing.rules.comorbidity_risks import COMORBIDITY_RISKS
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class

B = Factor.BALANCE


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


# rule 78: a PI3K or AKT inhibitor with diabetes above CAPItello-291's limit: at best later
@rule(
    78,
    "A PI3K or AKT inhibitor with an HbA1c of 8.0% or more, or on insulin: at best later",
    B,
    condition="Diabetes on record with an HbA1c of 8.0% or more, or needing insulin (case "
    "962), and a PI3K or AKT inhibitor "
    "(capivasertib; ipatasertib in a trial; gedatolisib, inavolisib; alpelisib is left out with "
    "diabetes by rule 12).",
    effect="With insulin, a relative contraindication: at best a later option, placed after "
    "every option without such a risk (rule 12's hard ordering). With an HbA1c of 8.0% or more "
    "and no insulin, the option waits on glucose control ('HbA1c below 8.0%'), as an option "
    "waits on a test: never preferred, after every option that waits on nothing (case 7792: "
    "behind every option, it ranked after trial slots while the plan asked to bring glucose "
    "into range for it). CAPItello-291 excluded an HbA1c of 8.0% or "
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
        high = (c.hba1c or 0.0) >= CAPITELLO_HBA1C_LIMIT
        if c.name is Comorbidity.DIABETES and (high or c.insulin):
            said = [f"with an HbA1c of {num(c.hba1c or 0.0)}%"] if high else []
            said += ["needing insulin"] if c.insulin else []
            yield _uncontrolled(", ".join(said), spec, insulin=bool(c.insulin))
            return


_INHIBITOR = {
    DrugClass.PI3K_INHIBITOR: "a PI3K inhibitor",
    DrugClass.AKT_INHIBITOR: "an AKT inhibitor",
}


#: what a PI3K or AKT inhibitor waits on above CAPItello-291's HbA1c limit (no insulin)
GLUCOSE_CONTROL = "HbA1c below 8.0%"


def _uncontrolled(what: str, spec: RegimenSpec, *, insulin: bool) -> Effect:
    """``what``: the diabetes as the reason names it (an HbA1c, insulin, or both)."""
    first = f"Diabetes {what}: "
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
        # insulin: outside the trial for good; an HbA1c alone: it waits on glucose control,
        # as an option waits on a test (case 7792: it ranked behind trial slots and tests)
        demote=Precedence.RELATIVE_CONTRAINDICATION if insulin else None,
        waits_on=None if insulin else GLUCOSE_CONTROL,
        text=f"{text} excluded an HbA1c of 8.0% or more and diabetes needing insulin (its "
        "report; not in the review), and capivasertib's US label gives no safety data for "
        "insulin-requiring diabetes: "
        + (
            "outside the trial's population whatever the HbA1c; at best a later option, after "
            "every option without such a risk, and only with the diabetes team."
            if insulin
            else "bring glucose into range first, with the diabetes team; until then it waits "
            "on that, after every option that waits on nothing."
        )
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
    "range opens the PI3K and AKT inhibitors that rule 78 holds back (case 680); after "
    "progression on one, the referral is for the safety of what comes next, and says so (case "
    "781). Where the diabetes needs insulin (none given yet), glucose in range opens nothing, "
    "since CAPItello-291 excluded it at any HbA1c: an action after choosing, a referral for the "
    "safety of what comes next with targets that avoid hypoglycaemia (case 998); where the "
    "profile does not say whether it needs insulin, the action asks (its recheck). With an HbA1c below the limit (or none) and no record of whether the diabetes needs "
    "insulin, with no progression on a PI3K or AKT inhibitor: an action before choosing to "
    "record it, since rule 78 holds them back for insulin (the recheck of case 962).",
    codes=(
        "glucose_control_opens_pathway_inhibitor",
        "glucose_safety_on_insulin",
        "diabetes_insulin_unknown",
    ),
    trials=("CAPItello-291",),
)
def glucose_control_first(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    hba1c = max(
        (c.hba1c or 0.0 for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES),
        default=0.0,
    )
    targets = [g for g in _PATHWAY if (st := facts.genes.get(g)) and st.finding is not None]
    if targets and hba1c < CAPITELLO_HBA1C_LIMIT:
        yield from _insulin_unknown(facts, targets)
    if hba1c < CAPITELLO_HBA1C_LIMIT or not targets:
        return
    first = f"Diabetes with an HbA1c of {num(hba1c)}% and {_named(targets)} alteration: "
    said = _after_inhibitor(facts)
    insulin = any(c.insulin for c in facts.profile.comorbidities)
    if said is None and insulin:  # glucose in range opens nothing: CAPItello-291 (case 998)
        yield PlanEffect(code="glucose_safety_on_insulin", first=False, text=first + _ON_INSULIN)
        return
    unknown = any(
        c.insulin is None for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES
    )
    yield PlanEffect(
        code="glucose_control_opens_pathway_inhibitor",
        # at ECOG 3-4 rule 13 orders the options whatever the glucose (7051)
        first=(facts.profile.ecog or 0) < POOR_ECOG,
        text=first + (said or _OPENS + _RECORD_INSULIN * unknown),
    )


#: rule 95 where no PI3K or AKT inhibitor was given: glucose in range opens them again
_OPENS = (
    "refer to the diabetes team now. CAPItello-291 enrolled an HbA1c below 8.0% and no "
    "diabetes needing insulin (its report; not in the review): once glucose is in range "
    "without insulin, capivasertib (and the other PI3K and AKT inhibitors held back for "
    "glucose) can be weighed again for this target."
)
#: ... where the profile does not say whether the diabetes needs insulin (the recheck of 998)
_RECORD_INSULIN = (
    ' Record whether it needs insulin now ("insulin": true or false): with insulin they are '
    "at best a later option whatever the HbA1c (rule 78)."
)
#: ... and where the diabetes needs insulin, which the trial excluded at any HbA1c (case 998)
_ON_INSULIN = (
    "the diabetes needs insulin, which CAPItello-291 excluded whatever the HbA1c (its report; "
    "not in the review): bringing glucose into range does not open capivasertib or the other "
    "PI3K and AKT inhibitors here (rule 78). Refer to the diabetes team for the safety of what "
    "comes next (everolimus raises glucose too), with glucose targets set for the patient that "
    "avoid hypoglycaemia."
)


def _insulin_unknown(facts: Facts, targets: list[str]) -> Iterator[PlanEffect]:
    """Rule 95's question where diabetes is on record without whether it needs insulin."""
    diabetes = [c for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES]
    if not diabetes or any(c.insulin is not None for c in diabetes):
        return
    if facts.progressed_classes & kinds.PI3K_OR_AKT:
        return
    yield PlanEffect(
        code="diabetes_insulin_unknown",
        first=True,
        text=f"Diabetes and {_named(targets)} alteration: record whether the diabetes "
        "needs insulin. CAPItello-291 excluded diabetes needing insulin (its report; not in the "
        'review): with "insulin": true the PI3K and AKT inhibitors are at best a later option '
        "(rule 78)"
        + (
            '; with "insulin": false the plan stands.'
            if any(c.hba1c is not None for c in diabetes)
            else ". Record the HbA1c too: CAPItello-291 excluded an HbA1c of 8.0% or more as well "
            "(rule 78 reads it)."
        ),
    )


def _after_inhibitor(facts: Facts) -> str | None:
    """What the referral is for: a PI3K or AKT inhibitor given now (its glucose checks while it
    continues) or progressed on (the safety of what comes next; case 781 and its recheck), or
    None: none yet (the caller says what glucose in range opens)."""
    current = facts.current.drugs if facts.current else ()
    now = [d for d in current if drug_class(d) in kinds.PI3K_OR_AKT]
    before = sorted(d for d in facts.progressed_drugs if drug_class(d) in kinds.PI3K_OR_AKT)
    if now:
        return (
            f"refer to the diabetes team now, and check glucose on {' and '.join(now)} while it "
            "continues: its US label holds, lowers or stops it by the severity of "
            "hyperglycaemia (not in the review). The options below are for its progression; "
            "everolimus raises glucose too."
        )
    if before:
        return (
            f"refer to the diabetes team now; the disease has progressed on "
            f"{' and '.join(before)}, so glucose control is for the safety of what comes next "
            "(everolimus raises glucose too), not to reopen it."
        )
    return None


_PATHWAY = ("PIK3CA", "AKT1", "PTEN")


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


def _named(genes: list[str]) -> str:
    """'a PIK3CA', 'an AKT1', 'a PIK3CA and AKT1'."""
    return f"{gene_article(genes[0])} {' and '.join(genes)}"
