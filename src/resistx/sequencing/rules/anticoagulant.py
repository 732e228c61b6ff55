"""Rule 132: a vitamin K antagonist beside chemotherapy, whose agents include capecitabine:
its label warns that it raises the INR (case 1799: warfarin, and chemotherapy preferred)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, RegimenKind
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, rule


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
    "often and the dose adjusted, or another anticoagulant (the label; not in the review). "
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
            "dose, or change the anticoagulant (not in the review).",
        )
