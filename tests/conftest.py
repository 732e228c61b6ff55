"""Hypothesis profiles: a fast one by default, a thorough one with RESISTX_HYPOTHESIS=thorough."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("RESISTX_HYPOTHESIS", "fast"))
