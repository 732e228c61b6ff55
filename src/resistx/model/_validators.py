"""Validators shared by the model classes; each message says what would be right."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sized
from typing import Any

import attrs

from resistx._errors import ItemProblemsError
from resistx.model._show import number
from resistx.model._unread import UnreadFieldError

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


#: what a blank entry of a list is told
BLANK = "is blank: leave it out"


def blank(text: str) -> bool:
    """Text without a letter or a digit ('', spaces, a zero-width space)."""
    return not any(c.isalnum() for c in text)


def not_blank(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Text with a letter or a digit, where given (8670: ``patient_id: ""`` loaded, and a
    cohort's rows named an empty id)."""
    if value is not None and blank(value):
        msg = f"{attribute.name} is blank: leave it out, or give it"
        raise ValueError(msg)


def each_not_blank(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """No entry of a list of text without a letter or a digit ('', spaces, a zero-width space:
    the rechecks of session 60, where one printed as an empty line under 'not assessed')."""
    found = [(i, BLANK) for i, text in enumerate(value) if blank(text)]
    if found:  # each at its item, and the list's other checks go on (8420)
        raise ItemProblemsError(attribute.name, found)


#: characters that do not show, or show as nothing, inside a word, beyond Unicode's format and
#: control characters (which ``_hidden`` finds by category): a combining grapheme joiner, the
#: Hangul and Khmer fillers, variation selectors, a blank Braille pattern (the second recheck of
#: session 65: 'war\u034ffarin' was not read)
_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5\u2800") | {
    chr(c) for c in range(0xFE00, 0xFE10)
}
#: the white space a free text may hold
_SPACES = frozenset("\t\n\r")
#: an ASCII control character other than those
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: a word of letters
_WORD = re.compile(r"[^\W\d_]+")
#: Greek letters that look like Latin ones (a Greek letter used as a symbol, 'TNF\u03b1', is no
#: look-alike: the second recheck)
_GREEK_LOOK_ALIKES = frozenset(
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7"
)


def _hidden(text: str, allowed: frozenset[str] = _SPACES) -> tuple[int, str] | None:
    """Where an invisible character is, and which: a format or control character (not one of
    ``allowed``: in free text a tab or a line break), a line or paragraph separator, or one of
    ``_INVISIBLE``."""
    import unicodedata  # noqa: PLC0415 - only an unusual text's check

    for at, c in enumerate(text):
        kind = unicodedata.category(c)
        if c in _INVISIBLE or (kind in ("Cf", "Cc", "Zl", "Zp") and c not in allowed):
            return at, c
    return None


def identifier(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """An identifier, where given: not blank (8670), no white space at its ends, and no
    control, format or invisible character (9163: an id holding a right-to-left override
    printed as another patient's, and 'P001 ' was a second patient beside 'P001')."""
    if value is None:
        return
    not_blank(_inst, attribute, value)
    if value.isascii() and value.isprintable() and value.strip() == value:
        return  # most ids: printable ASCII, nothing around them
    name = attribute.name
    if value.strip() != value:
        end = "start" if value[:1].isspace() else "end"
        msg = f"{name} {value!r} has white space at its {end}: remove it"
        raise ValueError(msg)
    if (hidden := _hidden(value, allowed=frozenset())) is not None:  # no tab or line break
        at, found = hidden
        msg = (
            f"{name} holds an invisible or control character (U+{ord(found):04X}) at {at}: "
            "remove it (an id that prints as another patient's)"
        )
        raise ValueError(msg)


def each_plain_text(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """No entry of free text with an invisible character in it, or a word whose letters mix
    scripts (session 65's adversarial review: 'pre\u00adgnant' and 'itr\u200baconazole' passed
    every check the plain words meet, and the plan changed)."""
    problems = []
    for i, text in enumerate(value):
        if text.isascii() and not _ASCII_CONTROL.search(text):
            continue  # most entries: plain ASCII, no control character, one script
        if (hidden := _hidden(text)) is not None:
            problems.append(
                (
                    i,
                    f"{text!r} holds an invisible character (U+"
                    f"{ord(hidden[1]):04X}) at {hidden[0]}: remove it, or no check reads the word "
                    "it is in",
                )
            )
        elif mixed := next((w for w in _WORD.findall(text) if len(_scripts(w)) > 1), None):
            problems.append(
                (
                    i,
                    f"{text!r}: {mixed!r} holds letters of "
                    f"{' and '.join(sorted(_scripts(mixed)))} scripts (a look-alike letter): write it "
                    "in one, or no check reads it",
                )
            )
    if problems:  # each at its item, and the list's other checks go on (8420)
        raise ItemProblemsError(attribute.name, problems)


def _scripts(word: str) -> set[str]:
    """The scripts among Latin, Cyrillic, Armenian and Greek of a word's letters, by Unicode name;
    of Greek only its look-alikes of Latin letters (``_GREEK_LOOK_ALIKES``: the micro sign, mu
    and the symbols 'TNF\u03b1', '\u03b2-blocker' are no script)."""
    import unicodedata  # noqa: PLC0415 - only a free text's check

    found = set()
    for c in word:
        name = unicodedata.name(c, "")
        if name.startswith("GREEK") and c not in _GREEK_LOOK_ALIKES:
            continue
        script = next(
            (s for s in ("LATIN", "CYRILLIC", "ARMENIAN", "GREEK") if name.startswith(s)), ""
        )
        if script:
            found.add(script.capitalize())
    return found


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
        try:  # most values: every check passes, and nothing is gathered
            for validator in validators:
                validator(inst, attribute, value)
        except (ItemProblemsError, UnreadFieldError):
            _each_of(validators, inst, attribute, value)

    return check


def _each_of(validators: tuple[Validator, ...], inst: object, attribute: Any, value: Any) -> None:
    """``when_given``'s checks where one found a problem at an item, or read a field that did
    not structure: each check runs, each item's problems from the first check to find any
    (8420: a misspelt drug hid the insulin check after it)."""
    items: list[tuple[int, str]] = []
    unread = False
    for validator in validators:
        try:
            validator(inst, attribute, value)
        except ItemProblemsError as e:
            named = {i for i, _m in items}
            items += [(i, m) for i, m in e.items if i not in named]
        except UnreadFieldError:
            unread = True
    if items:
        raise ItemProblemsError(attribute.name, sorted(items, key=lambda item: item[0]))
    if unread:
        raise UnreadFieldError


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
