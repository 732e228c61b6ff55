"""``load_profile``: a Profile from a mapping, JSON text or a path, checked strictly."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from resistx import _jsontext, _serde
from resistx._errors import OutOfScopeError, ProfileError
from resistx.model import _show
from resistx.model.enums import Her2Status, HormoneReceptor
from resistx.model.profile import Preferences, Profile

ProfileSource = Profile | Mapping[str, Any] | str | Path


#: the most bytes of a profile file read, as for profile text
MAX_PROFILE_BYTES = _jsontext.MAX_PROFILE_CHARS


def _parse(text: str, origin: str) -> Profile:
    """A Profile from JSON text: a key given twice is reported with the data's other problems."""
    try:
        data, duplicates = _jsontext.loads_keeping_duplicates(text, origin)
    except _serde.DataProblemsError as e:
        raise ProfileError(_serde.problems_of(e)) from None
    try:
        profile = _serde.structure_or_problems(data, Profile)
    except _serde.DataProblemsError as e:
        duplicates += e.problems
    if duplicates:
        raise ProfileError([("$" + path, message) for path, message in duplicates])
    return profile


def _read(source: Path) -> Profile:
    shown = _show.name(str(source))
    try:
        with source.open("rb") as f:
            raw = f.read(MAX_PROFILE_BYTES + 1)
    except OSError as e:
        raise ProfileError([("$", f"cannot read {shown}: {e.strerror or e}")]) from None
    if len(raw) > MAX_PROFILE_BYTES:
        msg = f"{shown} is larger than {MAX_PROFILE_BYTES:,} bytes, the most a profile may be"
        raise ProfileError([("$", msg)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError([("$", f"{shown} is not UTF-8 text")]) from None
    return _parse(text, shown)


def check_scope(profile: Profile) -> None:
    """Raise ``OutOfScopeError`` for a profile the review does not cover."""
    if profile.hormone_receptor == HormoneReceptor.NEGATIVE:
        msg = "hormone-receptor-negative disease is outside the review (HR+/HER2- only)"
        raise OutOfScopeError(msg)
    if profile.her2 == Her2Status.POSITIVE:
        msg = "HER2-positive disease is outside the review (HR+/HER2- only)"
        raise OutOfScopeError(msg)


def _well_typed(profile: Profile) -> bool:
    """A Profile made in code can hold a plain string where the model types an enum, or a
    string that is not text (a lone surrogate); either sends it through the converter."""
    values: list[object] = [profile.her2, profile.hormone_receptor]
    values += [r.status for r in profile.biomarkers]
    if not all(isinstance(v, enum.Enum) for v in values):
        return False
    texts: list[object] = [profile.patient_id or "", *profile.comorbidities]
    texts += [t for r in profile.biomarkers for t in (r.gene, r.variant or "")]
    return all(_is_text(t) for t in texts)


def _is_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_profile(source: ProfileSource) -> Profile:
    """A ``Profile`` from a mapping, a JSON string or a ``pathlib.Path`` to a JSON file.

    Raises ``ProfileError`` naming every problem with its JSON path, and
    ``OutOfScopeError`` for HR-negative or HER2-positive disease.
    """
    if isinstance(source, Profile):
        # a Profile built in code skips the converter: check it the same way once
        profile = (
            source
            if _well_typed(source)
            else _serde.structure(_serde.to_dict(source), Profile, ProfileError)
        )
    elif isinstance(source, Path):
        profile = _read(source)
    elif isinstance(source, str):
        profile = _parse(source, "the profile text")
    elif isinstance(source, Mapping):
        profile = _serde.structure(source, Profile, ProfileError)
    else:
        raise ProfileError(
            [("$", f"expected a mapping, JSON text or a Path, got {type(source).__name__}")]
        )
    check_scope(profile)
    return profile


def load_preferences(source: Preferences | Mapping[str, Any] | None) -> Preferences:
    if source is None:
        return Preferences()
    if isinstance(source, Preferences):
        return source
    return _serde.structure(source, Preferences, ProfileError)
