"""Rule 114: ER-low disease (oestrogen receptor in 1-10% of tumour cells) puts every option with
an endocrine drug or a CDK4/6 inhibitor (whose benefit rests on the oestrogen receptor's
signalling: abemaciclib alone too) after chemotherapy and the antibody-drug conjugates (case
1218)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, Precedence, rule


# rule 114: ER-low disease: the endocrine options after chemotherapy and the ADCs
@rule(
    114,
    "ER-low disease: the endocrine options after chemotherapy and the ADCs",
    Factor.MOLECULAR,
    condition="hormone_receptor low (ER in 1-10% of tumour cells) and a regimen with an "
    "endocrine drug or a CDK4/6 inhibitor.",
    effect="At best a later option, after every option without either "
    "(chemotherapy, the ADCs, a PARP inhibitor where one is matched): ASCO/CAP's 2020 "
    "guideline reports ER-low tumours as heterogeneous, often close to ER-negative disease in "
    "their biology, with limited data on endocrine benefit; the review and its trials enrolled "
    "ER-positive disease (not in the review). Rule 32 reads no endocrine sensitivity in it.",
    codes=("er_low_endocrine_later",),
    regimens=kinds.acts_through_the_receptor,
)
def er_low(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.er_low and kinds.acts_through_the_receptor(spec):
        yield Effect(
            code="er_low_endocrine_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text="ER-low disease: the guideline that defines it (ASCO/CAP's on ER testing) "
            "reports limited data on endocrine benefit and a biology often close to "
            "ER-negative disease, and the trials behind this option enrolled ER-positive "
            "disease (not in the review): at best a later option, after chemotherapy and the "
            "antibody-drug conjugates.",
            trials=spec.key_trials,
        )
