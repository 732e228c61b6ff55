"""'Did you mean ...?' for a misspelt name: cached per distinct word, and rationed per document."""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterable, Iterator

#: a longer word is no misspelling of a name: no suggestion is looked for
MAX_WORD = 64
#: suggestions looked for in one document; the problems after that are reported without one
HINTS_PER_DOCUMENT = 50

_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("budget", default=None)


@contextlib.contextmanager
def rationed(hints: int = HINTS_PER_DOCUMENT) -> Iterator[None]:
    """At most ``hints`` calls of ``did_you_mean`` look for a suggestion inside the block."""
    token = _budget.set([hints])
    try:
        yield
    finally:
        _budget.reset(token)


@functools.lru_cache(maxsize=256)
def _by_fold(choices: tuple[str, ...]) -> dict[str, str]:
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(choice.casefold(), choice)
    return by_fold


@functools.lru_cache(maxsize=8192)
def _closest(word: str, choices: tuple[str, ...], n: int) -> tuple[str, ...]:
    import difflib  # noqa: PLC0415 - only a misspelt name needs it; not at import time

    by_fold = _by_fold(choices)
    hits = difflib.get_close_matches(word.casefold(), list(by_fold), n=n, cutoff=0.6)
    return tuple(by_fold[h] for h in hits)


def likeness(word: str, choice: str) -> float:
    """How alike two names are, as ``closest`` weighs them (difflib's ratio, without case)."""
    import difflib  # noqa: PLC0415 - only a misspelt name needs it; not at import time

    return difflib.SequenceMatcher(None, word.casefold().strip(), choice.casefold()).ratio()


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` choices nearest to ``word``, compared without regard to case."""
    if len(word) > MAX_WORD:
        return []
    return list(_closest(word, tuple(choices), n))


def did_you_mean(
    word: str, choices: Iterable[str], keep: Callable[[str, str], bool] | None = None
) -> str:
    """'; did you mean X or Y?' of the choices nearest ``word`` (those ``keep`` keeps), or ''."""
    budget = _budget.get()
    if budget is not None:
        if budget[0] <= 0:
            return ""
        budget[0] -= 1
    hits = [h for h in closest(word, choices, 5) if keep is None or keep(word, h)][:3]
    if not hits:
        return ""
    return "; did you mean " + " or ".join(hits) + "?"


def one_slip(word: str, name: str) -> bool:
    """``word`` is ``name`` with one letter changed, added or left out, two letters next to
    each other swapped, or its letters out of order past the first two ('donezepil' for
    donepezil: session 55's left items)."""
    if len(word) == len(name):
        changed = [k for k, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(changed) == 2 and changed[1] == changed[0] + 1:  # two letters swapped anywhere
            k = changed[0]  # ('nueropathy' for neuropathy: session 65, 7264b)
            return word[k] == name[k + 1] and word[k + 1] == name[k]
        return len(changed) == 1 or (word[:2] == name[:2] and sorted(word) == sorted(name))
    if abs(len(word) - len(name)) != 1:
        return False
    short, long = sorted((word, name), key=len)
    i = next(
        (k for k, (a, b) in enumerate(zip(short, long[: len(short)], strict=True)) if a != b),
        len(short),
    )
    return short[i:] == long[i + 1 :]
