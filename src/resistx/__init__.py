"""resistx: what to give after CDK4/6 inhibitors in HR+/HER2- metastatic breast cancer.

An evidence base, a resistance-mechanism catalog and a sequencing engine built from
Ye et al., Breast Cancer: Targets and Therapy 2024:16 (doi 10.2147/BCTT.S438366).
Decision support for clinicians, never a substitute for their judgment.
"""

from typing import TYPE_CHECKING, Any, Literal

from resistx._errors import (
    ConversionError,
    EvidenceError,
    MissingExtraError,
    OutOfScopeError,
    PreferencesError,
    ProfileError,
    ResistxError,
    UnknownEvidenceError,
    UnknownPolicyError,
)
from resistx._json import from_json
from resistx._serde import from_dict, to_dict, to_json
from resistx._version import __version__
from resistx.evidence import EvidenceBase, McbsGrade
from resistx.evidence._pack import evidence_for as _evidence_for
from resistx.evidence.mcbs import grade_trial as mcbs_grade
from resistx.io.profile import load_profile
from resistx.mechanisms import catalog as _catalog
from resistx.mechanisms import mechanisms_for
from resistx.model import (
    Action,
    AdverseEvent,
    Alteration,
    Arm,
    Assay,
    Biomarker,
    BiomarkerResult,
    BiomarkerStatus,
    Caution,
    Change,
    ChildPugh,
    Classification,
    Comorbidity,
    Condition,
    Difference,
    Discrepancy,
    Drug,
    DrugClass,
    Endpoint,
    EndpointKind,
    Exclusion,
    ExclusionCode,
    Factor,
    HazardRatio,
    Her2Score,
    Her2Status,
    Her2Test,
    HormoneReceptor,
    IshResult,
    MechanismCategory,
    MenopausalStatus,
    MetastaticSite,
    Option,
    Origin,
    Plan,
    PolicyInfo,
    Preferences,
    Priority,
    Profile,
    Reason,
    Regimen,
    RegimenKind,
    RegulatoryStatus,
    ResistanceMechanism,
    Route,
    Sample,
    SampleSite,
    Scores,
    Sex,
    SinceReview,
    StopReason,
    Tier,
    Treatment,
    TreatmentSetting,
    Trial,
    TrialSetting,
    TrialStatus,
)

if TYPE_CHECKING:
    from resistx.sequencing import Policy, compare, sequence

if TYPE_CHECKING:
    from resistx.cohort import Result, sequence_many

#: names imported on first use, by module: the engine's rules and records are about a third of
#: ``import resistx`` (loading, checking or converting profiles needs none of it), and the
#: cohort package is not needed to plan one patient
_LAZY = {
    "Policy": "resistx.sequencing",
    "compare": "resistx.sequencing",
    "sequence": "resistx.sequencing",
    "Result": "resistx.cohort",
    "sequence_many": "resistx.cohort",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib  # noqa: PLC0415

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later reads find it without this function
        return value
    msg = f"module 'resistx' has no attribute {name!r}"
    raise AttributeError(msg)


def evidence(version: str | None = None) -> EvidenceBase:
    """A bundled evidence base, loaded once and cached: the review's by default, or an
    evidence pack after it by version (``"2026.11"``)."""
    return _evidence_for(version)


def policies() -> tuple[str, ...]:
    """The names of the bundled policies ``sequence(..., policy=...)`` accepts (``ye2024``,
    the default, and ``practice-2026``)."""
    from resistx.sequencing.policy import names  # noqa: PLC0415 - the engine, on first use

    return names()


def json_schema(which: Literal["profile", "plan"]) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a profile or a plan as resistx reads and writes them."""
    from resistx.io import schema  # noqa: PLC0415 - built on first use, not at import

    return schema.json_schema(which)


def mechanisms() -> tuple[ResistanceMechanism, ...]:
    """The resistance-mechanism catalog (review Figure 1 and text)."""
    return _catalog()


__all__ = [
    "Action",
    "AdverseEvent",
    "Alteration",
    "Arm",
    "Assay",
    "Biomarker",
    "BiomarkerResult",
    "BiomarkerStatus",
    "Caution",
    "Change",
    "ChildPugh",
    "Classification",
    "Comorbidity",
    "Condition",
    "ConversionError",
    "Difference",
    "Discrepancy",
    "Drug",
    "DrugClass",
    "Endpoint",
    "EndpointKind",
    "EvidenceBase",
    "EvidenceError",
    "Exclusion",
    "ExclusionCode",
    "Factor",
    "HazardRatio",
    "Her2Score",
    "Her2Status",
    "Her2Test",
    "HormoneReceptor",
    "IshResult",
    "McbsGrade",
    "MechanismCategory",
    "MenopausalStatus",
    "MetastaticSite",
    "MissingExtraError",
    "Option",
    "Origin",
    "OutOfScopeError",
    "Plan",
    "Policy",
    "PolicyInfo",
    "Preferences",
    "PreferencesError",
    "Priority",
    "Profile",
    "ProfileError",
    "Reason",
    "Regimen",
    "RegimenKind",
    "RegulatoryStatus",
    "ResistanceMechanism",
    "ResistxError",
    "Result",
    "Route",
    "Sample",
    "SampleSite",
    "Scores",
    "Sex",
    "SinceReview",
    "StopReason",
    "Tier",
    "Treatment",
    "TreatmentSetting",
    "Trial",
    "TrialSetting",
    "TrialStatus",
    "UnknownEvidenceError",
    "UnknownPolicyError",
    "__version__",
    "compare",
    "evidence",
    "from_dict",
    "from_json",
    "json_schema",
    "load_profile",
    "mcbs_grade",
    "mechanisms",
    "mechanisms_for",
    "policies",
    "sequence",
    "sequence_many",
    "to_dict",
    "to_json",
]
