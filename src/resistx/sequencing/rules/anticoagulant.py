"""Rule 132: a vitamin K antagonist beside chemotherapy, whose agents include capecitabine:
its label warns that it raises the INR (case 1799: warfarin, and chemotherapy preferred).
Rule 136: an anticoagulant or a cytopenia beside fulvestrant, an intramuscular injection
(case 2229b)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, RegimenKind
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.vocab.comorbidities import Comorbidity


def _chemotherapy(spec: RegimenSpec) -> bool:
    """Chemotherapy (its agents include capecitabine)."""
    return spec.kind is RegimenKind.CHEMOTHERAPY


# rule 132: a vitamin K antagonist on record: capecitabine's INR caution on chemotherapy
@rule(
    132,
    "A vitamin K antagonist on record: capecitabine's INR caution",
    Factor.BALANCE,
    condition="A vitamin K antagonist (warfarin, acenocoumarol, phenprocoumon, fluindione) "
    "among the medications, taken now, and the regimen is chemotherapy (case 1799).",
    effect="A caution: capecitabine, among its agents, raises the INR of a vitamin K "
    "antagonist, and its US label warns of bleeding, deaths among them: the INR checked "
    "often and the dose adjusted, or another anticoagulant where its indication allows (not "
    "a mechanical heart valve: case 7267) (the label; not in the review). "
    "The order is not changed: the other agents do not share the warning.",
    codes=("vitamin_k_antagonist",),
    regimens=_chemotherapy,
)
def vitamin_k_antagonist(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.vitamin_k_antagonist and _chemotherapy(spec):
        yield Effect(
            code="vitamin_k_antagonist",
            caution=True,
            text=f"{i.vitamin_k_antagonist.capitalize()} on record: capecitabine, among the "
            "agents here, raises the INR of a vitamin K antagonist, and its US label warns of "
            "bleeding, deaths among them: if it is chosen, check the INR often and adjust the "
            "dose, or, where its indication allows (not a mechanical heart valve, an "
            "antiphospholipid syndrome or another that needs a vitamin K antagonist), change the "
            "anticoagulant (not in the review).",
        )


def _fulvestrant(spec: RegimenSpec) -> bool:
    """Regimens with fulvestrant."""
    return "fulvestrant" in spec.drugs


# rule 136: an anticoagulant or a cytopenia beside fulvestrant's intramuscular injection
@rule(
    136,
    "An anticoagulant or a cytopenia beside fulvestrant's intramuscular injection",
    Factor.BALANCE,
    condition="An anticoagulant among the medications, taken now (a vitamin K antagonist, a "
    "direct oral anticoagulant, a low-molecular-weight heparin or fondaparinux: case 4888), or "
    "a cytopenia (thrombocytopenia among them) on record, and the regimen holds fulvestrant "
    "(case 2229b).",
    effect="A caution: fulvestrant is given by intramuscular injection, which its US label "
    "asks to use with caution with thrombocytopenia, a bleeding diathesis or an anticoagulant "
    "(the label; not in the review). The order is not changed.",
    codes=("intramuscular_bleeding_risk",),
    regimens=_fulvestrant,
)
def intramuscular_bleeding(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not _fulvestrant(spec):
        return
    anticoagulant = i.vitamin_k_antagonist or i.other_anticoagulant
    why = [anticoagulant.capitalize()] if anticoagulant else []
    why += ["a cytopenia"] if any(c.name is Comorbidity.CYTOPENIA for c in i.comorbidities) else []
    if why:
        yield Effect(
            code="intramuscular_bleeding_risk",
            caution=True,
            text=f"{' and '.join(why)} on record: fulvestrant is an intramuscular injection, "
            "which its US label asks to give with caution with thrombocytopenia, a bleeding "
            "diathesis or an anticoagulant: check the platelet count"
            f"{' (and the INR)' if i.vitamin_k_antagonist else ''} before the injections (not "
            "in the review).",
        )
