"""'Did you mean ...?' for a misspelt name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` choices nearest to ``word``, compared without regard to case."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(choice.casefold(), choice)
    hits = difflib.get_close_matches(word.casefold(), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[h] for h in hits]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    hits = closest(word, choices)
    if not hits:
        return ""
    return "; did you mean " + " or ".join(hits) + "?"
