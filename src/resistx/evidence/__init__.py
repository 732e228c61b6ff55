"""The evidence base: the review's studies as frozen, queryable data, and ESMO-MCBS grading."""

from resistx.evidence._base import EvidenceBase
from resistx.evidence._load import bundled, load_file
from resistx.evidence.mcbs import McbsGrade, grade, grade_trial

__all__ = ["EvidenceBase", "McbsGrade", "bundled", "grade", "grade_trial", "load_file"]
