"""The sequencing engine: one module per factor of the review's Discussion, and the combiner."""

from resistx.sequencing.engine import DISCLAIMER, sequence

__all__ = ["DISCLAIMER", "sequence"]
