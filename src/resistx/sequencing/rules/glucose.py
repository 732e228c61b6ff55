"""Glucose and the PI3K and AKT inhibitors: the glucose check before starting (rule 67), glucose
first above CAPItello-291's HbA1c limit (rule 78) and with inavolisib (rule 86, practice-2026);
the action that says so before choosing is rule 95's (``glucose_first``)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.exhausted import CAPITELLO_HBA1C_LIMIT
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import (
    Context,
    Effect,
    Precedence,
    hba1c_percent,
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
            said = [f"with an HbA1c of {hba1c_percent(c.hba1c or 0.0)}%"] if high else []
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
