"""Argument types the command line shares (its own commands and ``resistx cohort``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def whole_number(what: str, low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number of ``what`` from ``low`` (to ``high``, if given)."""

    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            msg = f"expected a whole number of {what}, got {value!r}"
            raise argparse.ArgumentTypeError(msg) from None
        if number < low or (high is not None and number > high):
            bounds = f"{low} or more" if high is None else f"from {low} to {high}"
            msg = f"must be {bounds}, got {number}"
            raise argparse.ArgumentTypeError(msg)
        return number

    return check


def path_text(value: str) -> str:
    """An argparse type: a file name as given (``-`` for standard streams), refused when it
    holds a NUL character, which no operating system accepts in a path."""
    if "\x00" in value:
        msg = f"{value!r}: a path cannot hold a NUL character"
        raise argparse.ArgumentTypeError(msg)
    return value


def path(value: str) -> Path:
    """``path_text`` as a ``Path``."""
    return Path(path_text(value))
