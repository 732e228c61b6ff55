"""``ye2024``: the review's system (Ye et al. 2024), the default policy."""

from __future__ import annotations

from resistx.evidence._load import bundled
from resistx.sequencing.policy import Policy, register
from resistx.sequencing.rules import RULES
from resistx.sequencing.weights import DEFAULT

POLICY = Policy(
    name="ye2024",
    version="1",
    description="Ye et al., Breast Cancer: Targets and Therapy 2024:16 (doi 10.2147/BCTT.S438366): "
    "the review's four factors and rules, on the review's evidence.",
    rules=RULES,
    weights=DEFAULT,
    default_evidence=bundled,
    table_package="resistx.evidence",
    table_path=("data", "regimens.json"),
    updated_by="practice-2026",
)
register(POLICY)
