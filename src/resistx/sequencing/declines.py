"""What the patient's refusals reach: the kinds of treatment a trial option gives, read from its
drugs' classes (case 7936: FINER and TAKTIC stayed in, and could lead, with targeted + endocrine
regimens declined), and a kind taken by mouth declined by its kind or its route."""

from __future__ import annotations

from resistx.model.enums import DrugClass, RegimenKind, Route
from resistx.model.profile import Preferences
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
    """The regimen's kind and each other kind its drugs give (a targeted drug with endocrine
    therapy beside a CDK4/6 inhibitor: 8050); for a trial option, each kind its drugs give (a
    trial of endocrine drugs alone gives endocrine monotherapy or a combination)."""
    found = {_BY_CLASS[c] for c in kinds.classes(spec) if c in _BY_CLASS}
    if not kinds.is_trial(spec):
        return tuple(sorted({spec.kind, *found}, key=lambda k: k.value))
    if not found and all(c in kinds.ENDOCRINE_DRUGS for c in kinds.classes(spec)):
        one = len(spec.drugs) == 1
        found = {RegimenKind.ENDOCRINE_MONOTHERAPY if one else RegimenKind.ENDOCRINE_COMBINATION}
    return tuple(sorted(found, key=lambda k: k.value))


def oral_kind_declined(prefs: Preferences, kind: RegimenKind) -> bool:
    """A kind whose every drug is taken by mouth (oral SERDs alone, a PI3K or AKT inhibitor
    with endocrine therapy, the PARP inhibitors) declined: by its kind, or drugs by mouth
    (cases 7917, 7933)."""
    return Route.ORAL in prefs.declines or kind in prefs.declines_kinds


def endocrine_partners_declined(prefs: Preferences) -> bool:
    """Every endocrine combination after a CDK4/6 inhibitor declined: its partner drugs are all
    taken by mouth (a CDK4/6, PI3K, AKT or mTOR inhibitor), so drugs by mouth declined, or both
    their kinds; only endocrine therapy alone is left (rule 32; 8355)."""
    partners = (RegimenKind.CDK46I_BASED, RegimenKind.TARGETED_ENDOCRINE)
    return all(oral_kind_declined(prefs, kind) for kind in partners)
