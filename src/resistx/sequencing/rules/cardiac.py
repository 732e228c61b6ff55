"""Rule 126: cardiac disease and trastuzumab deruxtecan, by the left ventricular ejection
fraction (case 1618: heart failure with an LVEF of 40% put it first and preferred). Its US
label was not studied with an LVEF under 50% or clinically significant cardiac disease,
stops it for good in symptomatic heart failure, and asks for the LVEF before starting;
DESTINY-Breast04 enrolled an LVEF of 50% or more (its report; not in the review)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode, Factor, Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, left_out, rule
from resistx.sequencing.toxicity import LVEF_STUDIED, cardiac_on_record

#: the LVEF bands of its US label's dose modifications: stopped for good under the first;
#: over the second, given on where the LVEF fell 10 to 20 points on treatment (not in the review)
LVEF_STOPPED, LVEF_CONTINUED = 40, 45

_LABEL = (
    "trastuzumab deruxtecan's US label was not studied with an LVEF under 50% or clinically "
    "significant cardiac disease, and stops it for good in symptomatic heart failure "
    "(DESTINY-Breast04 enrolled an LVEF of 50% or more; not in the review)"
)


# rule 126: cardiac disease: trastuzumab deruxtecan by the LVEF
@rule(
    126,
    "Cardiac disease: trastuzumab deruxtecan by the LVEF",
    Factor.BALANCE,
    condition="Cardiac disease on record (heart failure among its names) and trastuzumab "
    "deruxtecan; its LVEF recorded under 50%, or not recorded.",
    effect="By the bands of its US label's dose modifications (not in the review): with an "
    "LVEF under 40%, at which the label stops it for good, left out (case 4592a); from 40% to "
    "45%, a relative contraindication, at best a later option, after every option without "
    "that risk (case 1618); over 45% and under 50%, where the label goes on giving it, at best "
    "an alternative (case 4610a); with none recorded: at best an alternative until it is "
    "measured (an action asks for it, before choosing where HER2 is low or ultralow). Its label "
    "was not studied under 50% and stops it for good in symptomatic heart failure. With an "
    "LVEF of 50% or more, rule 12's caution stands alone; a cardio-oncology view either way.",
    codes=(
        "lvef_reduced_tdxd_later",
        "lvef_reduced_tdxd_alternative",
        "contraindicated",
        "lvef_unknown_tdxd_alternative",
    ),
    regimens=kinds.is_tdxd,
)
def lvef_tdxd(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    cardiac = cardiac_on_record(i.comorbidities)
    if cardiac is None or not kinds.is_tdxd(spec):
        return
    if cardiac.lvef is None:
        yield Effect(
            code="lvef_unknown_tdxd_alternative",
            ceiling=1,
            text=f"Cardiac disease on record, its LVEF not: {_LABEL}: at best an alternative "
            "until the LVEF is measured (rule 126).",
            trials=spec.key_trials,
        )
    elif cardiac.lvef < LVEF_STOPPED:
        yield left_out(
            ExclusionCode.CONTRAINDICATED,
            f"Cardiac disease with an LVEF of {cardiac.lvef}% on record: trastuzumab "
            "deruxtecan's US label stops it for good at this LVEF, once confirmed, and in "
            "symptomatic heart failure (not in the review): left out, with a cardio-oncology "
            "view.",
            trials=spec.key_trials,
        )
    elif cardiac.lvef > LVEF_CONTINUED and cardiac.lvef < LVEF_STUDIED:
        yield Effect(
            code="lvef_reduced_tdxd_alternative",
            ceiling=1,
            text=f"Cardiac disease with an LVEF of {cardiac.lvef}% on record: {_LABEL}; at "
            "this LVEF its label goes on giving it where the LVEF fell on treatment: at best an "
            "alternative, with a cardio-oncology view and the LVEF checked on treatment.",
            trials=spec.key_trials,
        )
    elif cardiac.lvef < LVEF_STUDIED:
        yield Effect(
            code="lvef_reduced_tdxd_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"Cardiac disease with an LVEF of {cardiac.lvef}% on record: {_LABEL}: at best "
            "a later option, after every option without that risk, with a cardio-oncology view.",
            trials=spec.key_trials,
        )


# rule 127: cardiac disease with no LVEF: measure it where trastuzumab deruxtecan is in play
@rule(
    127,
    "Cardiac disease with no LVEF on record: measure it",
    None,
    condition="Cardiac disease on record with no LVEF, and trastuzumab deruxtecan in the "
    "policy's table.",
    effect="An action, before choosing where HER2 is low or ultralow (and no visceral crisis), "
    "to measure the LVEF (echocardiogram or MUGA) and record it (lvef), with a cardio-oncology "
    "view where heart failure is known: rule 126 reads it (case 1618).",
    codes=("measure_lvef",),
)
def measure_lvef(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    cardiac = cardiac_on_record(facts.profile.comorbidities)
    if cardiac is None or cardiac.lvef is not None or "trastuzumab-deruxtecan" not in ctx.regimens:
        return
    low = facts.her2 in (Her2Status.LOW, Her2Status.ULTRALOW)
    yield PlanEffect(
        code="measure_lvef",
        first=low and not facts.profile.visceral_crisis,
        text="Cardiac disease on record with no LVEF: measure it (echocardiogram or MUGA) and "
        "record it (lvef), with a cardio-oncology view where heart failure is known: "
        f"{_LABEL}. Until then it is at best an alternative (rule 126).",
        regimens=frozenset({"trastuzumab-deruxtecan"}),  # not where it is no option (4679b)
    )
