"""The kinds of treatment a trial option gives, read from its drugs' classes: what a patient who
declines a kind declines of it too (case 7936: FINER and TAKTIC stayed in, and could lead, with
targeted + endocrine regimens declined)."""

from __future__ import annotations

from resistx.model.enums import DrugClass, RegimenKind
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds

#: the drug classes that make a trial give each kind of treatment
_BY_CLASS = {
    DrugClass.CDK46_INHIBITOR: RegimenKind.CDK46I_BASED,
    DrugClass.PI3K_INHIBITOR: RegimenKind.TARGETED_ENDOCRINE,
    DrugClass.AKT_INHIBITOR: RegimenKind.TARGETED_ENDOCRINE,
    DrugClass.MTOR_INHIBITOR: RegimenKind.TARGETED_ENDOCRINE,
    DrugClass.PARP_INHIBITOR: RegimenKind.PARP_INHIBITOR,
    **dict.fromkeys(
        (DrugClass.ADC_HER2, DrugClass.ADC_TROP2, DrugClass.ADC_HER3, DrugClass.ADC_LIV1),
        RegimenKind.ADC,
    ),
    DrugClass.ADC_ROR2: RegimenKind.ADC,
    DrugClass.CHEMOTHERAPY: RegimenKind.CHEMOTHERAPY,
}


def kinds_given(spec: RegimenSpec) -> tuple[RegimenKind, ...]:
    """The regimen's kind; for a trial option, each kind its drugs give (a trial of endocrine
    drugs alone gives endocrine monotherapy or a combination)."""
    if not kinds.is_trial(spec):
        return (spec.kind,)
    found = {_BY_CLASS[c] for c in kinds.classes(spec) if c in _BY_CLASS}
    if not found and all(c in kinds.ENDOCRINE_DRUGS for c in kinds.classes(spec)):
        one = len(spec.drugs) == 1
        found = {RegimenKind.ENDOCRINE_MONOTHERAPY if one else RegimenKind.ENDOCRINE_COMBINATION}
    return tuple(sorted(found, key=lambda k: k.value))
