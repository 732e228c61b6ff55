"""Rule 6 under practice-2026 for abemaciclib + fulvestrant in postMONARCH's population: beside
chemotherapy, as the review's rule 6 puts MAINTAIN's switch (case 870). The review has no
postMONARCH, so ``ye2024`` weighs the regimen as any endocrine line."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.postmonarch import POSTMONARCH_ENTRIES
from resistx.sequencing.rule import Effect
from resistx.sequencing.rules.mechanisms import no_cdk46i_mechanism, nothing_left_after_cdk46i
from resistx.sequencing.rules.targets import nothing_left


def postmonarch_switch(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """Rule 6's case (after a CDK4/6 inhibitor, nothing actionable left) for abemaciclib +
    fulvestrant in postMONARCH's population, with no CDK4/6-inhibitor resistance mechanism on
    record (the review: such mechanisms may tell who would benefit from a CDK4/6 inhibitor)."""
    return (
        nothing_left_after_cdk46i(i)
        and bool(i.postmonarch_population)
        and kinds.is_abemaciclib_fulvestrant(spec)
        and no_cdk46i_mechanism(i)
    )


def beside_chemotherapy(i: MolecularInputs) -> Effect:
    return Effect(
        code="no_actionable_alteration_cdk46i_switch",
        ceiling=1,
        text=f"{nothing_left(i.targets_acted_on, i.esr1_arose_on)}: the review prefers chemotherapy and ADCs; "
        "after it, postMONARCH (phase III) found abemaciclib + fulvestrant better than "
        f"fulvestrant alone in this patient's population "
        f"({_lower_first(POSTMONARCH_ENTRIES[i.postmonarch_population])}, no other line): at "
        "best an alternative beside them.",
        trials=("postMONARCH",),
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
