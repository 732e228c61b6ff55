"""Reading a source document (a phenopacket, a FHIR bundle) with every problem at its path.

The converters read plain JSON data, so they work without the official packages; each read
here either returns the value or records a problem at its path in the SOURCE document, and
the conversion raises them all at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from resistx import _jsontext, _serde
from resistx._errors import ProfileError
from resistx.io.profile import read_file, text_or_file
from resistx.model import _show

Source = Mapping[str, Any] | str | Path

#: an ISO 8601 date, alone or at the start of a date-time (FHIR dateTime, RFC 3339 timestamp)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|T)")


def load_document(source: Source, what: str) -> Mapping[str, Any]:
    """The JSON object of a document given as a mapping, JSON text or a file path (a ``Path``,
    or a ``str`` that does not start with ``{`` and names an existing file), read as
    ``resistx.load_profile`` reads a profile (the same size limit and messages)."""
    if isinstance(source, Mapping):
        return source
    noun = what.removeprefix("the ")  # "FHIR bundle": "the path of a FHIR bundle file"
    if isinstance(source, str):
        text, _origin = text_or_file(source, noun)
    elif isinstance(source, Path):
        text = read_file(source, noun)
    else:
        msg = f"expected a mapping, JSON text or a Path, got {type(source).__name__}"
        raise ProfileError([("$", msg)])
    try:
        data = _jsontext.loads(text, what)
    except _serde.DataProblemsError as e:
        raise ProfileError(_serde.problems_of(e)) from None
    if not isinstance(data, Mapping):
        raise ProfileError([("$", f"{what} must be a JSON object, got {type(data).__name__}")])
    return data


class Reader:
    """Typed reads from JSON data; a value of the wrong type is a problem at its path."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def mapping(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem(path, f"expected an object, got {_serde._got(value)}")
            return None
        return value

    def items(self, value: Any, path: str) -> list[tuple[str, Mapping[str, Any]]]:
        """The objects of a list with their paths (an absent list is empty)."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"expected a list, got {_serde._got(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            m = self.mapping(item, f"{path}[{i}]")
            if m is not None:
                out.append((f"{path}[{i}]", m))
        return out

    def text(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(path, f"expected a string, got {_serde._got(value)}")
            return None
        return value

    def date(self, value: Any, path: str) -> str | None:
        """The ISO date of a date or date-time string (its calendar day as written)."""
        text = self.text(value, path)
        if text is None:
            return None
        m = _DATE.match(text)
        try:
            if m is None:
                raise ValueError
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            self.problem(path, f"{_show.text(text)} is not a date (YYYY-MM-DD, or a date-time)")
            return None
