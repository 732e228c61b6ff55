"""The errors resistx raises on purpose: one root, each also a builtin a user would catch."""

from __future__ import annotations


class ResistxError(Exception):
    """Base class of every error resistx raises on purpose."""


def _format(summary: str, problems: tuple[tuple[str, str], ...]) -> str:
    lines = [f"{summary} ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
    lines += [f"  {path}: {message}" for path, message in problems]
    return "\n".join(lines)


class ConversionError(ResistxError, ValueError):
    """Data that does not convert into a model. ``problems`` holds every ``(json_path, message)``."""

    what = "invalid data"

    def __init__(self, problems: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> None:
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        super().__init__(_format(self.what, self.problems))


class ItemProblemsError(ValueError):
    """A list field's validator found problems at some of its items: ``items`` holds each
    ``(index, message)``. The loaders place each at its item (``$.medications[2]``); a model
    built directly raises it as the one ``ValueError`` it is, each item named in the text."""

    def __init__(self, field: str, items: list[tuple[int, str]]) -> None:
        self.items: tuple[tuple[int, str], ...] = tuple(items)
        super().__init__("; ".join(f"{field}[{i}] {message}" for i, message in items))


class ProfileError(ConversionError):
    """Bad profile input. ``problems`` holds every ``(json_path, message)`` found."""

    what = "invalid profile"


class PreferencesError(ProfileError):
    """Bad preferences: a ``ProfileError`` (as before) whose problems are at ``$.preferences``
    (case 6316: they were said to be an invalid profile)."""

    what = "invalid preferences"


class OutOfScopeError(ResistxError):
    """A well-formed profile the review does not cover (HR-negative, HER2-positive)."""


class EvidenceError(ResistxError, ValueError):
    """A malformed or inconsistent evidence file; the message names file, record and field."""

    def __init__(
        self, source: str, problems: tuple[tuple[str, str], ...] | list[tuple[str, str]]
    ) -> None:
        self.source = source
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        super().__init__(_format(f"invalid evidence in {source}", self.problems))


class MissingExtraError(ResistxError, ImportError):
    """An optional extra is not installed; the message says how to install it."""

    def __init__(self, needs: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f'{needs}: pip install "resistx[{extra}]" (from a clone: pip install ".[{extra}]")'
        )


class UnknownPolicyError(ResistxError, KeyError):
    """A policy name that is not registered; the message lists the known ones."""

    def __str__(self) -> str:  # KeyError's own would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownEvidenceError(ResistxError, KeyError):
    """An evidence version resistx does not ship; the message lists the known ones."""

    def __str__(self) -> str:  # KeyError's own would quote the message
        return str(self.args[0]) if self.args else ""
