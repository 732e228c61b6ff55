"""Fulvestrant alone with an ESR1 mutation (rule 106): what the review gives it for, and what
the oral SERD's trial found against the standard endocrine arm."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.figures import figures


def fulvestrant_alone(spec: RegimenSpec) -> bool:
    """Fulvestrant as the only drug (the SERD class alone)."""
    return set(kinds.classes(spec)) == {DrugClass.SERD}


# rule 106: fulvestrant alone with an ESR1 mutation: what EMERALD found
@rule(
    106,
    "ESR1 mutation: fulvestrant alone, against the oral SERD's trial",
    Factor.MOLECULAR,
    condition="An ESR1 mutation (current or not), and fulvestrant alone.",
    effect="A reason, no step: the review gives fulvestrant for ESR1-mutated disease after "
    "aromatase inhibitors (ref. 63), and in EMERALD's ESR1-mutated patients the standard "
    "endocrine arm (fulvestrant or an aromatase inhibitor) did worse than elacestrant (the "
    "review's figures); where an oral SERD is open it is the review's option for the mutation "
    "(cases 883, 887, 902, 906); the reason says where it was given or is declined (8750).",
    codes=("esr1_mutation_fulvestrant_alone",),
    trials=("EMERALD",),
    references=(63,),
    regimens=fulvestrant_alone,
)
def esr1_fulvestrant_alone(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.esr1 is None or not fulvestrant_alone(spec):
        return
    found = ctx.call(figures, "EMERALD", "elacestrant", "ESR1-mutated")
    yield Effect(
        code="esr1_mutation_fulvestrant_alone",
        text=f"ESR1 mutation {i.esr1.describe()}: the review gives fulvestrant for ESR1-mutated "
        "disease after aromatase inhibitors (ref. 63), but in EMERALD's ESR1-mutated patients "
        "elacestrant did better than the standard endocrine arm, fulvestrant or an aromatase "
        f"inhibitor ({found or 'the review'}): {_oral_serd(i)}.",
        trials=("EMERALD",),
        references=(63,),
    )


def _oral_serd(i: MolecularInputs) -> str:
    """Whether an oral SERD is still open for the mutation (8750: 'where one is open' beside
    the oral SERDs declined)."""
    if "ESR1" in i.targets_acted_on:
        return "the oral SERD, the review's option for the mutation, has been given"
    if i.pathway_unusable.startswith("declined"):
        return "the review's option for the mutation is an oral SERD, which the patient declines"
    return "an oral SERD, where one is open, is the review's option for the mutation"
