"""The Python types of a model's fields given in code (``Profile(...)``), checked where its own
checks raised a bare ``TypeError`` or read a text as a list letter by letter (cases 8090,
8092): each problem at its path, as ``load_profile`` names a JSON value's."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any

import attrs

_HINTS: dict[type[Any], dict[str, Any]] = {}
_LISTS: dict[type[Any], tuple[str, ...]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def list_fields(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` that hold a tuple (a list in JSON)."""
    found = _LISTS.get(cls)
    if found is None:
        found = _LISTS[cls] = tuple(
            n for n, t in _hints(cls).items() if typing.get_origin(t) is tuple
        )
    return found


_Shape = tuple[str, type[enum.Enum] | None, bool, bool]
_SHAPES: dict[type[Any], tuple[_Shape, ...]] = {}


def _shapes(cls: type[Any]) -> tuple[_Shape, ...]:
    """Each field a value given in code may need read as the model holds it: (name, its enum
    or its elements' enum, a tuple, a number)."""
    known = _SHAPES.get(cls)
    if known is not None:
        return known
    found: list[_Shape] = []
    for name, t in _hints(cls).items():
        args = [a for a in typing.get_args(t) if a is not type(None)]
        plain = args[0] if typing.get_origin(t) in (typing.Union, types.UnionType) else t
        each = typing.get_args(plain)[0] if typing.get_origin(plain) is tuple else plain
        member = each if isinstance(each, type) and issubclass(each, enum.Enum) else None
        number = plain in (int, float)
        if member or number or typing.get_origin(plain) is tuple:
            found.append((name, member, typing.get_origin(plain) is tuple, number))
    _SHAPES[cls] = tuple(found)
    return _SHAPES[cls]


def unread_text(cls: type[Any], fields: dict[str, Any], root: str) -> list[tuple[str, str]]:
    """An enum's field given a text it does not name (``as_held`` read those it names)."""
    return [
        (f"{root}.{name}", f"{fields[name]!r} is not one of: {', '.join(m.value for m in member)}")
        for name, member, many, _number in _shapes(cls)
        if member is not None and not many and type(fields.get(name)) is str
    ]


#: the Python types of a value given in code that ``as_held`` or the checks after it read
_UNLIKE = frozenset({str, list, dict, set, frozenset})


def as_given(cls: type[Any], fields: dict[str, Any]) -> bool:
    """Every value already of a type the model holds (an ``attrs.evolve`` of a loaded model, most
    calls): nothing for ``as_held`` or the checks of text and lists to do, in one pass."""
    for name, _member, _many, number in _shapes(cls):
        t = type(fields.get(name))
        if t in _UNLIKE or (number and t.__module__ == "numpy"):
            return False
    return True


def as_held(cls: type[Any], fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` as the model holds them (8340, 8341, 8344): an enum's value as text read as
    its member (one it does not name is left for the checks to refuse), a list as a tuple (not
    kept by reference), a numpy number as a Python one. The rest as given."""
    out = fields
    for name, member, many, number in _shapes(cls):
        value = fields.get(name)
        if value is None:
            continue
        new = value
        if many and type(value) is list:
            new = tuple(value)
        if member is not None:
            new = (
                tuple(_member(member, x) for x in new)
                if many and type(new) is tuple
                else _member(member, new)
            )
        elif number and type(value).__module__ == "numpy" and hasattr(value, "item"):
            new = value.item()
        if new is not value:
            out = dict(out) if out is fields else out
            out[name] = new
    return out


def _member(member: type[enum.Enum], value: object) -> object:
    if type(value) is not str:
        return value
    try:
        return member(value)
    except ValueError:
        return value


def text_for_a_list(cls: type[Any], fields: dict[str, Any], root: str) -> list[tuple[str, str]]:
    """A text given where ``cls`` takes a list: a tuple of it would be its letters (8090); a
    set or a mapping, whose order or values a tuple of it would lose (the recheck)."""
    found = []
    for n in list_fields(cls):
        value = fields.get(n)
        if isinstance(value, str):
            found.append(
                (f"{root}.{n}", f"expected a list, got a string {value!r}: give [{value!r}]")
            )
        elif isinstance(value, Mapping | AbstractSet):
            found.append((f"{root}.{n}", f"expected a list, got {_shown(value)}"))
    return found


def type_problems(cls: type[Any], fields: dict[str, Any], root: str) -> list[tuple[str, str]]:
    """Each field given a value of another Python type than ``cls`` declares, and each element
    of a list of models or enum members (a dict for a Treatment, a text for a Condition)."""
    hints = _hints(cls)
    found = []
    for name, value in fields.items():
        expected = hints.get(name)
        if expected is None:
            continue
        if not _fits(value, expected):
            found.append((f"{root}.{name}", f"expected {_named(expected)}, got {_shown(value)}"))
        elif typing.get_origin(expected) is tuple and isinstance(value, tuple | list):
            each = typing.get_args(expected)[0]
            found += [
                (f"{root}.{name}[{k}]", f"expected {_named(each)}, got {_shown(item)}")
                for k, item in enumerate(value)
                if not _fits(item, each)
            ]
    return found


def _fits(value: object, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, t) for t in typing.get_args(expected))
    if expected is type(None):
        return value is None
    if origin is tuple:
        return isinstance(value, tuple | list)
    if origin is frozenset:
        return isinstance(value, frozenset | set | tuple | list)
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is dt.date:  # not a datetime, which a date cannot be compared with
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if isinstance(expected, type) and (issubclass(expected, enum.Enum) or attrs.has(expected)):
        return isinstance(value, expected)
    return True  # text, literals and the like: the model's own checks read them


def _named(expected: Any) -> str:
    args = [t for t in typing.get_args(expected) if t is not type(None)]
    if typing.get_origin(expected) in (typing.Union, types.UnionType):
        return " or ".join([*map(_named, args), "None"])
    if typing.get_origin(expected) in (tuple, frozenset):
        return f"a tuple of {_named(args[0])}" if args else "a tuple"
    if expected is dt.date:
        return "a datetime.date (a datetime's .date(); load_profile reads an ISO date as text)"
    if isinstance(expected, type) and issubclass(expected, enum.Enum):
        return f"a {expected.__name__} (load_profile reads its value as text)"
    if attrs.has(expected):
        return f"a {expected.__name__} (load_profile reads it from a JSON object)"
    return f"{'an' if expected.__name__[0] in 'aeiou' else 'a'} {expected.__name__}"


def _shown(value: object) -> str:
    return f"{type(value).__name__} {value!r}"[:120]
