"""resistx: what to give after CDK4/6 inhibitors in HR+/HER2- metastatic breast cancer.

An evidence base, a resistance-mechanism catalog and a sequencing engine built from
Ye et al., Breast Cancer: Targets and Therapy 2024:16 (doi 10.2147/BCTT.S438366).
Decision support for clinicians, never a substitute for their judgment.
"""

from importlib.metadata import PackageNotFoundError, version

from resistx._errors import (
    ConversionError,
    EvidenceError,
    OutOfScopeError,
    ProfileError,
    ResistxError,
)
from resistx._serde import from_dict, to_dict, to_json
from resistx.io.profile import load_profile
from resistx.model import (
    Action,
    AdverseEvent,
    Arm,
    Biomarker,
    BiomarkerResult,
    Caution,
    Discrepancy,
    Drug,
    Endpoint,
    Exclusion,
    HazardRatio,
    Option,
    Plan,
    Preferences,
    Profile,
    Reason,
    Regimen,
    ResistanceMechanism,
    Trial,
    Treatment,
)

try:
    __version__ = version("resistx")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "Action",
    "AdverseEvent",
    "Arm",
    "Biomarker",
    "BiomarkerResult",
    "Caution",
    "ConversionError",
    "Discrepancy",
    "Drug",
    "Endpoint",
    "EvidenceError",
    "Exclusion",
    "HazardRatio",
    "Option",
    "OutOfScopeError",
    "Plan",
    "Preferences",
    "Profile",
    "ProfileError",
    "Reason",
    "Regimen",
    "ResistanceMechanism",
    "ResistxError",
    "Treatment",
    "Trial",
    "__version__",
    "from_dict",
    "load_profile",
    "to_dict",
    "to_json",
]
