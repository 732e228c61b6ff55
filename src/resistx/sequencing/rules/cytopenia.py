"""Rule 111: a cytopenia of grade 3 or worse puts the CDK4/6 and PARP inhibitors, whose labels
do not start them at such counts, after every option without that risk (case 1159)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, Precedence, rule
from resistx.vocab.comorbidities import Comorbidity

B = Factor.BALANCE
#: the CTCAE grade from which the labels do not start them
SEVERE_GRADE = 3
#: what each class's labels say of starting on low counts (not in the review)
_LABELS = {
    DrugClass.CDK46_INHIBITOR: "the CDK4/6 inhibitors' labels start them only once the "
    "neutrophils have recovered (ribociclib's and palbociclib's set a count to start from; "
    "abemaciclib's holds it at grade 3)",
    DrugClass.PARP_INHIBITOR: "the PARP inhibitors' labels start them only once the counts "
    "have recovered to grade 1 or better",
}


def _myelosuppressive(spec: RegimenSpec) -> bool:
    """A regimen with a CDK4/6 inhibitor, or a PARP inhibitor."""
    return kinds.has_cdk46i(spec) or kinds.is_parp_inhibitor(spec)


# rule 111: a cytopenia of grade 3 or worse: the CDK4/6 and PARP inhibitors after the others
@rule(
    111,
    "A cytopenia of grade 3 or worse: the CDK4/6 and PARP inhibitors after every other option",
    B,
    condition="A cytopenia on record with its CTCAE grade (the worst count's), 3 or 4, and a "
    "regimen with a CDK4/6 or a PARP inhibitor.",
    effect="A relative contraindication: at best a later option, after every option without "
    "such a risk: their labels do not start them at such counts (not in the review); the "
    "cause of the cytopenia first (marrow infiltration, an earlier treatment's toxicity, a "
    "marrow disease). At grade 0-2 or an unknown grade, rule 12's cautions stand alone (case "
    "1159).",
    codes=("cytopenia_myelosuppressive_later",),
    regimens=_myelosuppressive,
)
def severe_cytopenia(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    grade = max(
        (c.grade for c in i.comorbidities if c.name is Comorbidity.CYTOPENIA and c.grade),
        default=0,
    )
    if grade < SEVERE_GRADE or not _myelosuppressive(spec):
        return
    label = _LABELS[
        DrugClass.CDK46_INHIBITOR if kinds.has_cdk46i(spec) else DrugClass.PARP_INHIBITOR
    ]
    yield Effect(
        code="cytopenia_myelosuppressive_later",
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"A cytopenia of grade {grade} on record: {label} (not in the review): at best a "
        "later option, after every option without such a risk, once the counts and their "
        "cause are known.",
        trials=spec.key_trials,
    )
