"""The one cattrs converter: strict structuring that collects every problem with its JSON path.

Unstructuring is cattrs' own (enums to their values, dates to ISO strings, tuples to
lists). Structuring is strict: ``"1"`` is not an int, ``True`` is not an ECOG score, a
string is not a list, unknown keys are errors. Problems are gathered across the whole
document before anything is raised.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs

from resistx import _suggest
from resistx._errors import ConversionError, ProfileError
from resistx.model import enums
from resistx.model.profile import BiomarkerResult, Preferences, Profile, Treatment
from resistx.vocab import comorbidities, drugs, genes

T = TypeVar("T")
Problems = list[tuple[str, str]]


class DataProblemsError(Exception):
    """Problems found below one value, each with a path relative to that value."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems)
        self.problems = problems


def _type_name(value: object) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        tuple: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _fail(message: str) -> typing.NoReturn:
    raise DataProblemsError([("", message)])


# -- primitives ----------------------------------------------------------------------------


def _str(value: object, t: type) -> str:
    if t is not str:  # a StrEnum reaches the str hook through single dispatch
        return _enum(value, t)  # type: ignore[return-value]
    if not isinstance(value, str):
        _fail(f"expected a string, got {_type_name(value)}")
    return value


def _int(value: object, _t: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"expected an integer, got {_type_name(value)} {value!r}")
    return value


def _float(value: object, _t: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(f"expected a number, got {_type_name(value)} {value!r}")
    try:
        number = float(value)
    except OverflowError:
        _fail(f"the number {str(value)[:20]}... is too large")
    if not math.isfinite(number):
        _fail(f"expected a finite number, got {value!r}")
    return number


def _bool(value: object, _t: type) -> bool:
    if not isinstance(value, bool):
        _fail(f"expected true or false, got {_type_name(value)} {value!r}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: object, _t: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        _fail(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{value!r} is not a calendar date")


def _enum(value: object, t: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, t):
        return value
    allowed = [str(m.value) for m in t]
    if isinstance(value, str):
        for member in t:
            if member.value == value:
                return member
        _fail(
            f"{value!r} is not one of: {', '.join(allowed)}{_suggest.did_you_mean(value, allowed)}"
        )
    if str(value) in allowed and not isinstance(value, bool):
        _fail(f"{value!r} must be written as the string {str(value)!r}")
    _fail(f"expected one of: {', '.join(allowed)}; got {_type_name(value)} {value!r}")


# -- containers ----------------------------------------------------------------------------


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _tuple(value: object, t: Any) -> tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        _fail(f"expected a list, got {_type_name(value)}")
    args = typing.get_args(t)
    if len(args) == 2 and args[1] is Ellipsis:
        item_types = [args[0]] * len(value)
    else:
        if len(value) != len(args):
            _fail(f"expected a list of {len(args)} items, got {len(value)}")
        item_types = list(args)
    out: list[Any] = []
    problems: Problems = []
    for i, (item, item_type) in enumerate(zip(value, item_types, strict=True)):
        try:
            out.append(converter.structure(item, item_type))
        except DataProblemsError as e:
            problems += [(f"[{i}]{p}", m) for p, m in e.problems]
    if problems:
        raise DataProblemsError(problems)
    return tuple(out)


def _is_optional(t: Any) -> bool:
    origin = typing.get_origin(t)
    return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(t)


def _optional(value: object, t: Any) -> Any:
    if value is None:
        return None
    (inner,) = [a for a in typing.get_args(t) if a is not type(None)]
    return converter.structure(value, inner)


def _is_literal(t: Any) -> bool:
    return typing.get_origin(t) is typing.Literal


def _literal(value: object, t: Any) -> Any:
    allowed = typing.get_args(t)
    if value in allowed and type(value) in {type(a) for a in allowed}:
        return value
    _fail(f"{value!r} is not one of: {', '.join(map(str, allowed))}")


def _is_frozenset(t: Any) -> bool:
    return typing.get_origin(t) is frozenset


def _frozenset(value: object, t: Any) -> frozenset[Any]:
    (item_type,) = typing.get_args(t)
    return frozenset(_tuple(value, tuple[item_type, ...]))  # type: ignore[valid-type]


# -- attrs classes -------------------------------------------------------------------------

FieldHook = Callable[[Any], Any]
_FIELD_HOOKS: dict[tuple[type, str], FieldHook] = {}


@cache
def _fields(cls: type) -> tuple[tuple[attrs.Attribute[Any], Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in attrs.fields(cls) if f.init)


def _attrs(value: object, cls: type[T]) -> T:
    if not isinstance(value, Mapping):
        _fail(f"expected an object, got {_type_name(value)}")
    fields = _fields(typing.cast(type, cls))
    names = {f.name for f, _ in fields}
    problems: Problems = []
    for key in value:
        if key not in names:
            hint = _suggest.did_you_mean(str(key), names)
            expected = "; expected one of: " + ", ".join(sorted(names))
            problems.append((f".{key}", f"unknown key{hint or expected}"))
    kwargs: dict[str, Any] = {}
    for f, t in fields:
        if f.name not in value:
            if f.default is attrs.NOTHING:
                problems.append((f".{f.name}", "required field missing"))
            continue
        hook = _FIELD_HOOKS.get((cls, f.name))
        try:
            kwargs[f.name] = hook(value[f.name]) if hook else converter.structure(value[f.name], t)
        except DataProblemsError as e:
            problems += [(f".{f.name}{p}", m) for p, m in e.problems]
    # run the validators of the fields that did structure, before __init__, so that range
    # problems are reported together with type problems (a validator that reads another
    # field sees None when that one is missing or broken)
    view = types.SimpleNamespace(**kwargs)
    for f, _ in fields:
        if f.validator is not None and f.name in kwargs:
            try:
                f.validator(view, f, kwargs[f.name])
            except (ValueError, TypeError) as e:
                problems.append((f".{f.name}", str(e)))
    if problems:
        raise DataProblemsError(problems)
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as e:
        _fail(str(e))


# -- normalisation of profile input --------------------------------------------------------


def _drug_names(value: object) -> tuple[str, ...]:
    names = _tuple(value, tuple[str, ...])
    out: list[str] = []
    problems: Problems = []
    for i, name in enumerate(names):
        drug = drugs.lookup(name)
        if drug is None:
            hint = _suggest.did_you_mean(name, drugs.SPELLINGS)
            problems.append((f"[{i}]", f"{name!r} is not a drug resistx knows{hint}"))
        else:
            out.append(drug.name)
    if problems:
        raise DataProblemsError(problems)
    return tuple(out)


def _gene(value: object) -> str:
    name = _str(value, str)
    return genes.normalise(name) or name.strip()


def _comorbidities(value: object) -> tuple[str, ...]:
    names = _tuple(value, tuple[str, ...])
    empty = [
        (f"[{i}]", "a comorbidity must not be empty") for i, c in enumerate(names) if not c.strip()
    ]
    if empty:
        raise DataProblemsError(empty)
    return tuple(comorbidities.normalise(c) for c in names)


_FIELD_HOOKS[(Treatment, "drugs")] = _drug_names
_FIELD_HOOKS[(BiomarkerResult, "gene")] = _gene
_FIELD_HOOKS[(Profile, "comorbidities")] = _comorbidities


# -- the converter -------------------------------------------------------------------------

converter = cattrs.Converter(forbid_extra_keys=True)
converter.register_structure_hook(str, _str)
converter.register_structure_hook(int, _int)
converter.register_structure_hook(float, _float)
converter.register_structure_hook(bool, _bool)
converter.register_structure_hook(dt.date, _date)
converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum
)
converter.register_structure_hook_func(_is_optional, _optional)
converter.register_structure_hook_func(_is_literal, _literal)
converter.register_structure_hook_func(_is_tuple, _tuple)
converter.register_structure_hook_func(_is_frozenset, _frozenset)
converter.register_structure_hook_func(attrs.has, _attrs)

converter.register_unstructure_hook(dt.date, dt.date.isoformat)
# a str-valued enum would otherwise pass through as itself (cattrs dispatches it as a str)
for _enum_type in vars(enums).values():
    if isinstance(_enum_type, type) and issubclass(_enum_type, enum.Enum):
        converter.register_unstructure_hook(
            _enum_type, lambda e: e.value if isinstance(e, enum.Enum) else e
        )
converter.register_unstructure_hook_func(_is_tuple, lambda t: [converter.unstructure(x) for x in t])
converter.register_unstructure_hook_func(
    _is_frozenset, lambda s: sorted(converter.unstructure(x) for x in s)
)


def problems_of(exc: DataProblemsError, root: str = "$") -> tuple[tuple[str, str], ...]:
    return tuple((root + path, message) for path, message in exc.problems)


def structure(data: object, cls: type[T], error: type[ConversionError] = ConversionError) -> T:
    """Structure JSON-like ``data`` into ``cls``, raising ``error`` with every problem."""
    try:
        return converter.structure(data, cls)
    except DataProblemsError as e:
        raise error(problems_of(e)) from None


def to_dict(obj: object) -> Any:
    """JSON-compatible data for any public model object."""
    return converter.unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """The inverse of ``to_dict``; bad data raises a ``ConversionError`` listing every problem."""
    input_classes: tuple[type, ...] = (Profile, BiomarkerResult, Treatment, Preferences)
    error = ProfileError if cls in input_classes else ConversionError
    return structure(data, cls, error)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """``json.dumps(to_dict(obj))`` with stable key order."""
    return json.dumps(to_dict(obj), sort_keys=True, indent=indent, ensure_ascii=False)
