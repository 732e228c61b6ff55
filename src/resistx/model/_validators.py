"""Validators shared by the model classes; each message says what would be right."""

from __future__ import annotations

import math
from typing import Any

import attrs


def percent(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 100.0:
        msg = f"{attribute.name} must be a percentage from 0 to 100, got {value}"
        raise ValueError(msg)


def fraction(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        msg = f"{attribute.name} must be a fraction from 0 to 1, got {value}"
        raise ValueError(msg)


def non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and (math.isnan(value) or value < 0):
        msg = f"{attribute.name} must be zero or more, got {value}"
        raise ValueError(msg)


def positive(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and (math.isnan(value) or value <= 0):
        msg = f"{attribute.name} must be greater than zero, got {value}"
        raise ValueError(msg)


def interval(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[float, float] | None
) -> None:
    if value is not None and value[0] > value[1]:
        msg = f"{attribute.name} low end {value[0]} exceeds its high end {value[1]}"
        raise ValueError(msg)


def contains_point(inst: object, point_name: str, ci: tuple[float, float] | None) -> None:
    """A confidence interval must contain its point estimate."""
    point = getattr(inst, point_name, None)
    if ci is not None and isinstance(point, int | float) and not ci[0] <= point <= ci[1]:
        msg = f"95% CI {ci[0]}-{ci[1]} excludes its point estimate {point}"
        raise ValueError(msg)


def non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise ValueError(msg)
