"""The bundled policies: ``ye2024`` (the review, the default)."""

from resistx.sequencing.policies.ye2024 import POLICY as YE2024

DEFAULT = YE2024

__all__ = ["DEFAULT", "YE2024"]
