"""Factor 1, continued: where a drug's label is narrower than the review's reading (rule 75).
The labels are not in the review; each reason says so."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.molecular import esr1_absent

M = Factor.MOLECULAR


def is_elacestrant_alone(spec: RegimenSpec) -> bool:
    """Elacestrant given alone."""
    return spec.drugs == ("elacestrant",)


# rule 75: elacestrant without an ESR1 mutation: outside its label
@rule(
    75,
    "Elacestrant without an ESR1 mutation: outside its label",
    M,
    condition="Elacestrant alone, and ESR1 not mutated on a test since the latest progression.",
    effect="At best a later option, and it steps back as rule 62's abemaciclib does: its US "
    "label (2023, before the review; not in the review) is for ESR1-mutated disease only, and "
    "EMERALD's overall result includes the ESR1-mutated patients, who drew the greater benefit "
    "(the review), so the plan does not offer it as if that result were this patient's.",
    codes=("elacestrant_label_esr1_mutated",),
    trials=("EMERALD",),
    regimens=is_elacestrant_alone,
)
def elacestrant_label(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not is_elacestrant_alone(spec) or i.esr1 is not None or not i.esr1_negative_current:
        return
    yield Effect(
        code="elacestrant_label_esr1_mutated",
        delta=ctx.weights.outside_label,
        ceiling=2,
        text=f"{esr1_absent(i)} on a current test: elacestrant's US label is for ESR1-mutated "
        "disease only (not in the review), and EMERALD's overall result includes the "
        "ESR1-mutated patients, who drew the greater benefit: outside its label here, at best "
        "a later option.",
        trials=("EMERALD",),
    )
