"""The bundled policies: ``ye2024`` (the review, the default) and ``practice-2026``."""

from resistx.sequencing.policies.practice2026 import POLICY as PRACTICE_2026
from resistx.sequencing.policies.ye2024 import POLICY as YE2024

DEFAULT = YE2024

__all__ = ["DEFAULT", "PRACTICE_2026", "YE2024"]
