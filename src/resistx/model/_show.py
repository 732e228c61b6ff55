"""How an error message shows a value it was given: bounded, and never raw control characters.

``str()`` of an integer of more than 4,300 digits raises, ``repr()`` of a list nested
10,000 deep raises, and a raw ESC in a message rewrites the user's terminal. Every message
that echoes input goes through these functions instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

#: integers with more digits are described by their size, not written out
MAX_DIGITS = 30
#: longer strings are cut, with their length given
MAX_CHARS = 60
_LOG10_2 = math.log10(2)


def digits(value: int) -> int:
    """How many decimal digits ``value`` has, without converting it to a string."""
    n = abs(value)
    if n < 10:
        return 1
    estimate = int((n.bit_length() - 1) * _LOG10_2) + 1  # the count, or one less
    if estimate > 1_000_000:  # 10**estimate would cost more than the answer is worth
        return estimate
    return estimate + 1 if n >= 10**estimate else estimate


def number(value: float) -> str:
    """A number as a message shows it: in full, or "an integer of 5,001 digits"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        count = digits(value)
        if count > MAX_DIGITS:
            sign = "a negative " if value < 0 else "an "
            return f"{sign}integer of {count:,} digits"
        return str(value)
    return repr(value)


def ratio(value: float) -> str:
    """A hazard ratio or a bound of its CI as the review and the update pack print them: two
    decimals ('0.50', '1.00'), or more where it has more (the blind reading of session 67:
    'HR 1' and 'HR 0.5' were shown for EMBER-3's 1.00 and 0.50)."""
    return f"{value:.2f}" if round(value, 2) == value else f"{value:g}"


def ratio_ci(ci95: tuple[float, float] | None, dash: str = "\u2013") -> str:
    """A hazard ratio's 95% CI as printed ('0.79\u20131.27'), or '' where none is."""
    return f"{ratio(ci95[0])}{dash}{ratio(ci95[1])}" if ci95 else ""


def text(value: str, limit: int = MAX_CHARS) -> str:
    """A string quoted, with non-printable characters escaped and its length capped."""
    if len(value) <= limit:
        return repr(value)
    cut = repr(value[:limit])
    return f"{cut[:-1]}...{cut[-1]} ({len(value):,} characters)"


def value(v: object) -> str:
    """Any JSON-like value, shown without recursing into it."""
    if v is None:
        return "null"
    if isinstance(v, bool | int | float):
        return number(v)
    if isinstance(v, str):
        return text(v)
    if isinstance(v, list | tuple):
        return f"a list of {len(v):,} item{'s' if len(v) != 1 else ''}"
    if isinstance(v, Mapping):
        return f"an object of {len(v):,} key{'s' if len(v) != 1 else ''}"
    return f"a {type(v).__name__}"


def name(v: object) -> str:
    """A name or path from outside (a file name, a record key): as is when printable, else quoted."""
    s = v if isinstance(v, str) else value(v)
    return s if s.isprintable() and len(s) <= 4 * MAX_CHARS else text(s, 4 * MAX_CHARS)


def unopenable(path: object) -> str:
    """Why the operating system refused to open a file by name (its ``ValueError``)."""
    if "\x00" in str(path):
        return "a path cannot hold a NUL character"
    return "the name is not text the file system can hold"
