"""Validators shared by the model classes; each message says what would be right."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sized
from typing import Any

import attrs

from resistx.model._show import number

#: the dates a profile may hold: a decision in this span, treatments and tests before it
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def percent(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 100.0:
        msg = f"{attribute.name} must be a percentage from 0 to 100, got {number(value)}"
        raise ValueError(msg)


def fraction(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        msg = f"{attribute.name} must be a fraction from 0 to 1, got {number(value)}"
        raise ValueError(msg)


def non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and (_nan(value) or value < 0):
        msg = f"{attribute.name} must be zero or more, got {number(value)}"
        raise ValueError(msg)


def positive(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and (_nan(value) or value <= 0):
        msg = f"{attribute.name} must be greater than zero, got {number(value)}"
        raise ValueError(msg)


def interval(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[float, float] | None
) -> None:
    if value is not None and value[0] > value[1]:
        msg = f"{attribute.name} low end {number(value[0])} exceeds its high end {number(value[1])}"
        raise ValueError(msg)


def contains_point(inst: object, point_name: str, ci: tuple[float, float] | None) -> None:
    """A confidence interval must contain its point estimate."""
    point = getattr(inst, point_name, None)
    if ci is not None and isinstance(point, int | float) and not ci[0] <= point <= ci[1]:
        msg = f"95% CI {number(ci[0])}-{number(ci[1])} excludes its point estimate {number(point)}"
        raise ValueError(msg)


def non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise ValueError(msg)


def each_not_blank(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """No entry of a list of text without a letter or a digit ('', spaces, a zero-width space:
    the rechecks of session 60, where one printed as an empty line under 'not assessed')."""
    blank = [
        f"{attribute.name}[{i}] is blank: leave it out"
        for i, text in enumerate(value)
        if not any(c.isalnum() for c in text)
    ]
    if blank:
        raise ValueError("; ".join(blank))


#: characters that do not show but split a word (a soft hyphen, zero-width ones, a word joiner,
#: a byte-order mark): text copied from a PDF or a record carries them
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
#: a word of letters from two scripts: a Cyrillic or Greek look-alike inside a Latin word
_MIXED = re.compile(r"[^\W\d_]+")


def each_plain_text(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """No entry of free text with an invisible character inside it, or a word whose letters
    mix scripts (session 65's adversarial review: 'pre\u00adgnant' and 'itr\u200baconazole'
    passed every check the plain words meet, and the plan changed)."""
    problems = []
    for i, text in enumerate(value):
        if hidden := _INVISIBLE.search(text):
            problems.append(
                f"{attribute.name}[{i}] {text!r} holds an invisible character (U+"
                f"{ord(hidden.group()):04X}) at {hidden.start()}: remove it, or no check reads "
                "the word it splits"
            )
        elif mixed := next((w for w in _MIXED.findall(text) if len(_scripts(w)) > 1), None):
            problems.append(
                f"{attribute.name}[{i}] {text!r}: {mixed!r} holds letters of "
                f"{' and '.join(sorted(_scripts(mixed)))} scripts (a look-alike letter): write it "
                "in one, or no check reads it"
            )
    if problems:
        raise ValueError("; ".join(problems))


def _scripts(word: str) -> set[str]:
    """The scripts among Latin, Greek and Cyrillic of a word's letters, by Unicode name; the
    micro sign and mu are no script ('25 µg', 'μg')."""
    import unicodedata  # noqa: PLC0415 - only a free text's check

    names = (unicodedata.name(c, "") for c in word if c not in "\u00b5\u03bc")
    return {
        s.capitalize() for n in names for s in ("LATIN", "GREEK", "CYRILLIC") if n.startswith(s)
    }


def not_above(high: float, unit: str = "") -> Validator:
    """A number no greater than ``high`` (or None)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is not None and value > high:
            msg = f"{attribute.name} must be at most {number(high)}{unit}, got {number(value)}"
            raise ValueError(msg)

    return check


def when_given(*validators: Validator) -> Validator:
    """``validators`` in turn, for a value given: each of them passes None and an empty
    collection, so these are not asked (most fields of most profiles: a fifth of the time
    ``load_profile`` spent in validators went to fields left empty)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None or value == ():
            return
        for validator in validators:
            validator(inst, attribute, value)

    return check


def at_most(limit: int, what: str) -> Validator:
    """A collection of at most ``limit`` items."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: Sized) -> None:
        if len(value) > limit:
            msg = f"{len(value):,} {what}; at most {limit:,} are accepted"
            raise ValueError(msg)

    return check


def in_date_range(_inst: object, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    """A date from 1900-01-01 to 2100-12-31 (or None)."""
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        msg = (
            f"{attribute.name} {value.isoformat()} is outside the dates resistx reads "
            f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})"
        )
        raise ValueError(msg)
