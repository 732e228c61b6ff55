"""Renal impairment by its creatinine clearance: the PARP inhibitors' labels set their doses by
it (rule 118), and a plan with a PARP inhibitor in play asks for it where it is not recorded
(rule 119; case 1304: olaparib came first at 25 mL/min, where its label has no dose)."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from resistx.model.enums import Factor
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.capecitabine import SEVERE_BELOW
from resistx.sequencing.facts import Facts
from resistx.sequencing.hrd import parp_contraindicated, parp_findings
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.vocab.comorbidities import Comorbidity

#: per drug: the lowest creatinine clearance (mL/min) its US label gives a dose for, and what
#: it says there (not in the review)
LABELLED_DOWN_TO: MappingProxyType[str, tuple[float, str]] = MappingProxyType(
    {
        "olaparib": (
            31.0,
            "olaparib's US label has no data at a creatinine clearance of 30 mL/min or below, "
            "and its EU label advises against it there",
        ),
        "talazoparib": (
            15.0,
            "talazoparib's US label gives a lower dose down to a creatinine clearance of 15 "
            "mL/min and was not studied below it or on dialysis",
        ),
        # it led at a clearance of 25 beside its own caution (case 1385)
        # of the same payload, and with no dose there either (the recheck, 7046: it came
        # first where trastuzumab deruxtecan was held back)
        "datopotamab deruxtecan": (
            30.0,
            "datopotamab deruxtecan's US label sets no dose below a creatinine clearance of 30 "
            "mL/min, where it was not studied",
        ),
        "trastuzumab deruxtecan": (
            30.0,
            "trastuzumab deruxtecan's US label sets no dose below a creatinine clearance of 30 "
            "mL/min, and reports more interstitial lung disease in moderate renal impairment",
        ),
    }
)


#: below its labelled clearance, at best an alternative rather than a relative
#: contraindication: trastuzumab deruxtecan, whose benefit in HER2-low disease includes
#: survival, would otherwise fall below options without evidence (case 1404b)
ALTERNATIVE_BELOW = frozenset({"trastuzumab deruxtecan"})


def clearance(comorbidities: tuple[Condition, ...]) -> float | None:
    """The lowest creatinine clearance recorded for renal impairment, if any."""
    found = [
        c.creatinine_clearance
        for c in comorbidities
        if c.name is Comorbidity.RENAL_IMPAIRMENT and c.creatinine_clearance is not None
    ]
    return min(found, default=None)


def _dosed_by_clearance(spec: RegimenSpec) -> bool:
    """A regimen with olaparib, talazoparib or a deruxtecan ADC."""
    return any(d in LABELLED_DOWN_TO for d in spec.drugs)


# rule 118: a creatinine clearance below a label's lowest dose: that drug later
@rule(
    118,
    "A creatinine clearance below a drug's labelled doses: that drug later",
    Factor.BALANCE,
    condition="Renal impairment with its creatinine clearance recorded, and olaparib (no "
    "labelled dose at 30 mL/min or below), talazoparib (a lower dose down to 15 mL/min) or "
    "trastuzumab deruxtecan (no dose below 30 mL/min: case 1385) or datopotamab deruxtecan "
    "(likewise: 7046).",
    effect="Below the lowest clearance its label doses: a relative contraindication, at best a "
    "later option after every option without one (case 1304); trastuzumab deruxtecan at best an "
    "alternative, after a drug with a labelled dose (cases 1385, 1404b). Talazoparib between 15 and 30 "
    "mL/min: a caution with the lower dose its label gives there, the one caution of the "
    "kidneys it carries (rule 12's gives the dose from 30 to 59 mL/min; 9648) (the labels; not "
    "in the review).",
    codes=("renal_label_later", "renal_label_alternative", "renal_lower_dose"),
    regimens=_dosed_by_clearance,
)
def renal_labels(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    measured = clearance(i.comorbidities)
    if measured is None:
        return
    for drug in spec.drugs:
        if drug not in LABELLED_DOWN_TO:
            continue
        lowest, said = LABELLED_DOWN_TO[drug]
        if measured < lowest and drug in ALTERNATIVE_BELOW:
            yield Effect(
                code="renal_label_alternative",
                ceiling=1,
                text=f"Creatinine clearance of {measured:g} mL/min: {said} (not in the review): "
                "at best an alternative, a drug with a labelled dose first.",
                trials=spec.key_trials,
            )
        elif measured < lowest:
            yield Effect(
                code="renal_label_later",
                ceiling=2,
                demote=Precedence.RELATIVE_CONTRAINDICATION,
                text=f"Creatinine clearance of {measured:g} mL/min: {said} (not in the review): "
                "a relative contraindication, at best a later option, after every option "
                "without one.",
                trials=spec.key_trials,
            )
        elif drug == "talazoparib" and measured < SEVERE_BELOW:  # 30.5: rule 12 speaks
            yield Effect(  # rule 12's renal caution is silent here (9648: two said one thing)
                code="renal_lower_dose",
                caution=True,
                text=f"Creatinine clearance of {measured:g} mL/min: talazoparib's US label "
                "lowers its dose to 0.5 mg once daily (from 1 mg) at 15-29 mL/min; it was not "
                "studied below a creatinine clearance of 15 mL/min or on dialysis (not in the "
                "review).",
            )


# rule 119: renal impairment with no clearance, a PARP inhibitor in play: measure it first
@rule(
    119,
    "Renal impairment with no creatinine clearance and a PARP inhibitor in play: measure it",
    None,
    condition="Renal impairment recorded without its creatinine clearance, with a germline "
    "BRCA1/2 or PALB2 or a somatic BRCA1/2 mutation on record and no myelodysplastic syndrome.",
    effect="An action, before choosing: measure the creatinine clearance, as the PARP "
    "inhibitors' labels set their doses by it (olaparib has none at 30 mL/min or below; rule "
    "118 reads it once recorded; case 1304).",
    codes=("measure_creatinine_clearance",),
)
def measure_clearance(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    renal = [c for c in facts.profile.comorbidities if c.name is Comorbidity.RENAL_IMPAIRMENT]
    if not renal or clearance(tuple(renal)) is not None:
        return
    if not parp_findings(facts) or parp_contraindicated(facts):
        return
    yield PlanEffect(
        code="measure_creatinine_clearance",
        first=not facts.profile.visceral_crisis,
        text="Renal impairment with no creatinine clearance recorded: measure it before "
        "choosing a PARP inhibitor (record it as the condition's creatinine_clearance). Their "
        "labels set the dose by it: olaparib has none at 30 mL/min or below, talazoparib a "
        "lower one down to 15 mL/min (not in the review; rule 118).",
    )
