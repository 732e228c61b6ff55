"""The sequencing engine: profile in, facts, per-factor Inputs, rule units, one order, plan out."""

from resistx.sequencing.engine import DISCLAIMER, compare, sequence
from resistx.sequencing.policy import Policy

__all__ = ["DISCLAIMER", "Policy", "compare", "sequence"]
