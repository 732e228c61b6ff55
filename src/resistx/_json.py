"""``from_json``: the inverse of ``to_json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from resistx._errors import ConversionError, ProfileError
from resistx._serde import from_dict
from resistx.model import BiomarkerResult, Preferences, Profile, Treatment

T = TypeVar("T")


def from_json(cls: type[T], text: str | bytes | Path) -> T:
    """A model object from JSON text, or a file of it (a ``pathlib.Path``), the inverse of
    ``to_json``; bad text or data raises a ``ConversionError`` listing every problem."""
    error = (
        ProfileError
        if cls in (Profile, BiomarkerResult, Treatment, Preferences)
        else ConversionError
    )
    if isinstance(text, Path):
        path = text
        try:
            text = path.read_bytes()
        except OSError as e:
            raise error([("$", f"cannot read {path}: {e.strerror or e}")]) from None
    if not isinstance(text, (str, bytes, bytearray)):
        kind = type(text).__name__
        raise error([("$", f"expected JSON text, bytes or a Path, got {kind}")])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        msg = f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
        raise error([("$", msg)]) from None
    except UnicodeDecodeError as e:
        raise error([("$", f"not UTF-8 text: {e.reason} at byte {e.start}")]) from None
    return from_dict(cls, data)
