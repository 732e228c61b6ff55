"""An ESR1 mutation and an aromatase inhibitor as the only endocrine drug (rule 60): the
mutant receptor does not need the estrogen an aromatase inhibitor takes away."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.slot_marks import ESR1_BEFORE, slot

M = Factor.MOLECULAR


# rule 60: an ESR1 mutation and an aromatase inhibitor as the endocrine partner
@rule(
    60,
    "ESR1 mutation: an aromatase inhibitor as the only endocrine drug",
    M,
    condition="An ESR1 mutation (current or not; or one a later test missed, case 967), and a regimen whose only endocrine drug is "
    "an aromatase inhibitor (ribociclib or everolimus with exemestane).",
    effect="At best a later option, and a step back (a tested biomarker that predicts less "
    "benefit), after the later options nothing speaks against (case 967): the mutant receptor is active without estrogen (the "
    "catalog's mechanism), which an aromatase inhibitor lowers; the review gives fulvestrant "
    "for ESR1-mutated disease after aromatase inhibitors (ref. 63) and oral SERDs for it.",
    codes=("esr1_mutation_aromatase_inhibitor",),
    references=(63,),
    regimens=kinds.aromatase_inhibitor_only,
)
def esr1_aromatase_inhibitor(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if (i.esr1 is None and not i.esr1_before) or not kinds.aromatase_inhibitor_only(spec):
        return
    # a mutation a later test missed (case 967): a subclone an aromatase inhibitor selected
    # can persist below a test's reach, and the aromatase inhibitor has already failed it
    found = (
        f"ESR1 mutation {i.esr1.describe()}"
        if i.esr1 is not None
        else f"ESR1 mutation on an earlier test {slot(ESR1_BEFORE)}, not detected on a later "
        "one (a subclone can persist below a test's reach)"
    )
    yield Effect(
        code="esr1_mutation_aromatase_inhibitor",
        delta=ctx.weights.against,  # and after the later options nothing speaks against
        ceiling=2,
        text=f"{found}: the mutant estrogen receptor is active without "
        "estrogen, which an aromatase inhibitor lowers; the review gives fulvestrant for "
        "ESR1-mutated disease after aromatase inhibitors (ref. 63), and oral SERDs: at best a "
        "later option.",
        references=(63,),
    )
