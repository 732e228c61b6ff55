"""``load_profile``: a Profile from a mapping, JSON text or a path, checked strictly."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from resistx import _jsontext, _serde
from resistx._errors import OutOfScopeError, PreferencesError, ProfileError
from resistx.model import _show
from resistx.model._biomarker_checks import GERMLINE_SAMPLES
from resistx.model.enums import Her2Score, Her2Status, HormoneReceptor, IshResult, SampleSite
from resistx.model.profile import (
    Her2Test,
    Preferences,
    Profile,
    her2_category,
)

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
        profile = _serde.structure_or_problems(derive_her2(data), Profile)
    except _serde.DataProblemsError as e:
        duplicates += e.problems
    duplicates += somatic_on_germline_samples(data)
    if duplicates:
        _refuse([("$" + path, message) for path, message in duplicates], data)
    return profile


def _refuse(problems: list[tuple[str, str]], data: Any) -> NoReturn:
    """``ProfileError`` naming ``problems``; but where the data plainly give disease the review
    does not cover, ``OutOfScopeError`` first, naming them after it: whatever else is wrong, a
    HER2-positive patient is out of scope, and her anti-HER2 drugs are no error to fix (case
    5786: a cohort counted such patients as invalid profiles)."""
    scope = _scope_of(data)
    if scope is None or any(path.startswith(_SCOPE_FIELDS) for path, _ in problems):
        raise ProfileError(problems)  # what puts it out of scope is in doubt itself
    listed = "; ".join(f"{path}: {message}" for path, message in problems)
    msg = f"{scope}; the profile has other problems too ({len(problems)}): {listed}"
    raise OutOfScopeError(msg)


_SCOPE_FIELDS = ("$.her2", "$.hormone_receptor")


def _scope_of(data: Any) -> str | None:
    """Why the raw data are out of scope (``check_scope``'s message), or None."""
    if not isinstance(data, Mapping):
        return None
    if data.get("hormone_receptor") == HormoneReceptor.NEGATIVE.value:
        return _HR_NEGATIVE
    if derive_her2(data).get("her2") == Her2Status.POSITIVE.value:
        return _HER2_POSITIVE
    return None


_GERMLINE_SAMPLE_NAMES = frozenset(s.value for s in GERMLINE_SAMPLES)


def somatic_on_germline_samples(data: Any) -> list[tuple[str, str]]:
    """An explicit somatic origin on a blood or saliva sample, which are germline tests: a
    liquid biopsy entered as one would be read as germline (case 1099: talazoparib preferred on
    a plasma BRCA2). Read from the input itself, where an origin left out reads as somatic."""
    markers = data.get("biomarkers") if isinstance(data, Mapping) else None
    if not isinstance(markers, list):
        return []
    return [
        (
            f".biomarkers[{i}].sample",
            f"{_show.text(r['sample'])} is a germline test, and origin is 'somatic': a liquid "
            "biopsy (cell-free DNA from plasma) is sample 'ctdna'; a germline test on blood or "
            "saliva is origin 'germline'",
        )
        for i, r in enumerate(markers)
        if isinstance(r, Mapping)
        and r.get("origin") == "somatic"
        and isinstance(sample := r.get("sample"), str)  # not hashed before it is checked
        and sample in _GERMLINE_SAMPLE_NAMES
    ]


def read_file(source: Path, what: str = "profile") -> str:
    """A file's text: at most ``MAX_PROFILE_BYTES``, UTF-8 (documents a converter reads too)."""
    shown = _show.name(str(source))
    try:
        with source.open("rb") as f:
            raw = f.read(MAX_PROFILE_BYTES + 1)
    except OSError as e:
        raise ProfileError([("$", f"cannot read {shown}: {e.strerror or e}")]) from None
    except ValueError:  # a name the operating system refuses (a NUL, a lone surrogate)
        raise ProfileError([("$", f"cannot read {shown}: {_show.unopenable(source)}")]) from None
    if len(raw) > MAX_PROFILE_BYTES:
        msg = f"{shown} is larger than {MAX_PROFILE_BYTES:,} bytes, the most a {what} may be"
        raise ProfileError([("$", msg)])
    try:
        return raw.decode("utf-8-sig")  # past a byte-order mark, as Excel writes (case 3305)
    except UnicodeDecodeError:
        raise ProfileError([("$", f"{shown} is not UTF-8 text")]) from None


def _read(source: Path) -> Profile:
    return _parse(read_file(source), _show.name(str(source)))


def check_scope(profile: Profile) -> None:
    """Raise ``OutOfScopeError`` for a profile the review does not cover."""
    if profile.hormone_receptor == HormoneReceptor.NEGATIVE:
        raise OutOfScopeError(_HR_NEGATIVE)
    if profile.her2 == Her2Status.POSITIVE:
        raise OutOfScopeError(_HER2_POSITIVE + _her2_tests_said(profile))


def _her2_tests_said(profile: Profile) -> str:
    """Which HER2 tests read positive, and which not (6835: a 3+ primary beside a 1+ metastasis
    is a discordance for the clinician, not a keying error to be guessed at)."""
    tests = [t for t in profile.her2_tests if t.site is not SampleSite.OTHER_PRIMARY]
    if not tests:
        return ""
    positive = [t for t in tests if t.score is Her2Score.THREE or t.ish is IshResult.POSITIVE]
    other = [t for t in tests if t not in positive]
    said = f": positive by {'; '.join(map(_her2_test, positive))}"
    if other:
        said += (
            f", not by {'; '.join(map(_her2_test, other))}: a discordance between samples is the "
            "clinician's to weigh, outside resistx"
        )
    return said


def _her2_test(t: Her2Test) -> str:
    where = ", ".join(
        x
        for x in (t.tested_on.isoformat() if t.tested_on else "", t.site.value if t.site else "")
        if x
    )
    ish = f", ISH {t.ish.value}" if t.ish is not None else ""
    return f"IHC {t.score.value}{ish}" + (f" ({where})" if where else "")


_HR_NEGATIVE = "hormone-receptor-negative disease is outside the review (HR+/HER2- only)"
_HER2_POSITIVE = "HER2-positive disease is outside the review (HR+/HER2- only)"


#: profiles and preferences that passed the checks, by identity (a plain string equals its str
#: enum, so equality would let an unchecked copy through): immutable, so once checked, always
#: valid; each entry goes when its object does. A model built in code maps to the checked copy
#: its check made (None: the model is itself a checked one)
_CHECKED: dict[int, tuple[weakref.ref[Any], Any]] = {}


def _checked_form(model: Any) -> Any:
    """The checked form of a model seen before: itself, or the copy its check made; else None."""
    entry = _CHECKED.get(id(model))
    if entry is None or entry[0]() is not model:
        return None
    return model if entry[1] is None else entry[1]


def _mark_checked(model: object, copy: object = None) -> None:
    """Mark ``model`` checked (``copy``: the checked copy to give for it instead)."""
    if _checked_form(model) is not None:  # a model ``_checked`` returned: marked already
        return
    key = id(model)
    _CHECKED[key] = (weakref.ref(model, lambda _r: _CHECKED.pop(key, None)), copy)


def _checked(model: Any, cls: type[Any], root: str = "$") -> Any:
    """A model built in code goes through the same checks as JSON input, once: its data is
    structured again (so a plain string where an enum belongs, a misspelled comorbidity or a
    lone surrogate is a ``ProfileError`` at its path)."""
    if (found := _checked_form(model)) is not None:
        return found
    try:
        data = _serde.to_dict(model)
    except Exception as e:
        raise ProfileError(
            [(root, f"cannot be read as {cls.__name__}: {_show.text(str(e))}")]
        ) from None
    try:
        checked = _serde.structure_or_problems(data, cls)
    except _serde.DataProblemsError as e:
        raise ProfileError(_serde.problems_of(e, root)) from None
    _mark_checked(checked)
    _mark_checked(model, checked)  # the same object again gets the same copy, unchecked
    return checked


def derive_her2(data: Any) -> Any:
    """Schema 2: ``her2`` may be left out where ``her2_tests`` give it (derived the same way
    as ``her2_category``); a mapping is returned with it filled in, anything else unchanged."""
    if not isinstance(data, Mapping) or "her2" in data or not data.get("her2_tests"):
        return data
    try:
        tests = _serde.structure_or_problems(data["her2_tests"], tuple[Her2Test, ...])
    except (_serde.DataProblemsError, TypeError):
        # the main structuring reports the tests' problems; a stand-in keeps it from adding
        # 'her2: required field missing', which the tests' own error causes (cases 1583, 1636)
        return {**data, "her2": "unknown"}
    return {**data, "her2": her2_category(tests).value}


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):  # a name the file system cannot hold (NUL, too long)
        return False


def text_or_file(source: str, what: str = "profile") -> tuple[str, str]:
    """A string is JSON text when it starts with ``{`` (after white space); otherwise, when it
    names an existing file, that file is read; otherwise the error says which was tried.
    Returns the text and where it came from; a byte-order mark before the text is read past,
    as a file's is (case 5102: the same bytes on standard input were refused)."""
    if source.startswith("\ufeff") and source[1:].lstrip().startswith("{"):
        source = source[1:]
    if source.lstrip().startswith("{"):
        return source, f"the {what} text"
    if len(source) < 4096 and "\n" not in source and _is_file(source):
        return read_file(Path(source), what), _show.name(source)
    hint = (
        f"{_show.text(source[:80])} starts as a JSON list ('['), not an object ('{{'): a "
        f"{what} is one JSON object"
        if source.lstrip().startswith("[")
        else f"{_show.text(source[:80])} is neither JSON text (which starts with '{{') nor an "
        f"existing file; pass JSON text, a mapping, or the path of a {what} file"
    )
    raise ProfileError([("$", hint)])


def _from_string(source: str) -> Profile:
    return _parse(*text_or_file(source))


def load_profile(source: ProfileSource) -> Profile:
    """A ``Profile`` from a mapping, JSON text, or a file path (a ``pathlib.Path``, or a ``str``
    that does not start with ``{`` and names an existing file).

    Raises ``ProfileError`` naming every problem with its JSON path, and
    ``OutOfScopeError`` for HR-negative or HER2-positive disease.
    """
    if isinstance(source, Profile):
        profile: Profile = _checked(source, Profile)
    elif isinstance(source, Path):
        profile = _read(source)
    elif isinstance(source, str):
        profile = _from_string(source)
    elif isinstance(source, Mapping):
        if found := somatic_on_germline_samples(source):  # with the data's other problems
            try:
                _serde.structure_or_problems(derive_her2(source), Profile)
            except _serde.DataProblemsError as e:
                found = e.problems + found
            _refuse([("$" + path, message) for path, message in found], source)
        try:
            profile = _serde.structure(derive_her2(source), Profile, ProfileError)
        except ProfileError as e:
            _refuse(list(e.problems), source)
    else:
        raise ProfileError(
            [("$", f"expected a mapping, JSON text or a Path, got {type(source).__name__}")]
        )
    _mark_checked(profile)
    check_scope(profile)
    return profile


def load_preferences(source: Preferences | Mapping[str, Any] | None) -> Preferences:
    if source is None:
        return Preferences()
    if isinstance(source, Preferences):
        try:
            return _checked(source, Preferences, "$.preferences")  # type: ignore[no-any-return]
        except ProfileError as e:
            raise PreferencesError(e.problems) from None
    if not isinstance(source, Mapping):
        raise PreferencesError(
            [("$.preferences", f"expected a mapping or Preferences, got {type(source).__name__}")]
        )
    try:
        prefs = _serde.structure_or_problems(source, Preferences)
    except _serde.DataProblemsError as e:
        raise PreferencesError(_serde.problems_of(e, "$.preferences")) from None
    _mark_checked(prefs)
    return prefs
