"""Compiled output: ``to_json`` without cattrs' per-value dispatch, and with orjson when installed.

Each model class is compiled once into a function that builds the dict cattrs'
unstructuring builds (enums to their values, dates to ISO strings, tuples to lists; a type
it does not know, such as a set, is left to cattrs). Indented text (``indent=2``, what the
CLI writes) is then written by orjson (the ``resistx[fast]`` extra) when it is installed,
else by ``json.dumps``. Either way it is the same text, byte for byte, as
``json.dumps(to_dict(obj), sort_keys=True, ensure_ascii=False, indent=indent)``: where
orjson would write a value otherwise (a float below 1e-4 or a non-finite one) or refuses it
(an integer beyond 64 bits, a lone surrogate), ``json.dumps`` writes the compiled dict.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

Unstructurer = Callable[[Any], Any]

#: floats orjson writes as ``json.dumps`` does (Python's repr switches to exponents outside)
_PLAIN_FLOATS = (1e-4, 1e16)


class Unsure(Exception):  # noqa: N818 -- not an error: the signal to take the plain path
    """The compiled path cannot promise the plain path's bytes for this object."""


def _orjson_float(value: Any) -> Any:
    """A float as itself, when orjson writes it as ``json.dumps`` would."""
    if (
        type(value) is float
        and value != 0.0
        and not _PLAIN_FLOATS[0] <= abs(value) < _PLAIN_FLOATS[1]
    ):
        raise Unsure  # exponent notation, NaN or infinity
    return value


def _identity(value: Any) -> Any:
    return value


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _optional(inner: Unstructurer) -> Unstructurer:
    return lambda value: None if value is None else inner(value)


def _items(inner: Unstructurer) -> Unstructurer:
    if inner is _identity:
        return list
    return lambda value: [inner(x) for x in value]


def _class(cls: type, for_orjson: bool) -> Unstructurer:
    """A function from an instance of ``cls`` to the dict of all its fields."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in attrs.fields(cls)]
    hooks = {name: compiled(hints[name], for_orjson=for_orjson) for name in names}
    # one dict display with a call per field that needs one: the loop runs at compile time
    # a subclass is unsure: cattrs dispatches on the value's own class, with its own fields
    lines = [
        "def unstructure(o):",
        "    if o.__class__ is not cls:",
        "        raise Unsure",
        "    return {",
    ]
    for name in names:
        getter = f"o.{name}" if hooks[name] is _identity else f"h_{name}(o.{name})"
        lines.append(f"        {name!r}: {getter},")
    lines.append("    }")
    namespace: dict[str, Any] = {f"h_{name}": hook for name, hook in hooks.items()}
    namespace.update(cls=cls, Unsure=Unsure)
    exec(compile("\n".join(lines), f"<resistx unstructure {cls.__name__}>", "exec"), namespace)  # noqa: S102 -- code built above from the class's own field names
    return namespace["unstructure"]  # type: ignore[no-any-return]


def _compile(t: Any, for_orjson: bool) -> Unstructurer:
    if t in (str, int, bool, type(None)) or (t is float and not for_orjson):
        return _identity
    if t is float:
        return _orjson_float
    if t is dt.date:
        return dt.date.isoformat  # the converter's own hook
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return _enum_value
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _optional(compiled(inner, for_orjson=for_orjson))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _items(compiled(args[0], for_orjson=for_orjson))
    raise NotImplementedError(t)


_COMPILED: dict[tuple[Any, bool], Unstructurer] = {}


def compiled(t: Any, *, for_orjson: bool = False) -> Unstructurer:
    """The compiled unstructurer of ``t``, built once; for a type it does not know, one that
    always raises ``Unsure``. ``for_orjson``: it also raises ``Unsure`` on a float orjson
    would write otherwise than ``json.dumps``."""
    try:
        return _COMPILED[t, for_orjson]
    except KeyError:
        pass
    try:
        fn = _class(t, for_orjson) if attrs.has(t) else _compile(t, for_orjson)
    except (NotImplementedError, RecursionError):  # RecursionError: a class that holds itself
        fn = _unsure  # a type this module does not know: always the plain path
    _COMPILED[t, for_orjson] = fn
    return fn


def _unsure(_value: Any) -> typing.NoReturn:
    raise Unsure


@functools.cache  # a missing extra is looked for once, not on every call
def _orjson() -> Any:
    try:
        import orjson  # noqa: PLC0415 -- the optional extra, on first use
    except ImportError:
        return None
    return orjson


def dumps(obj: object, indent: int | None) -> str:
    """``obj`` as ``to_json`` writes it; ``Unsure`` (or any error) where the plain path decides."""
    orjson = _orjson() if indent == 2 else None
    if orjson is not None:
        option = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
        try:
            return orjson.dumps(compiled(type(obj), for_orjson=True)(obj), option=option).decode()  # type: ignore[no-any-return]
        except (Unsure, orjson.JSONEncodeError):
            pass  # a value orjson writes otherwise, or refuses: json.dumps below
    # without indent, json's C encoder is about as fast as orjson's text with its separators
    # respaced (json.dumps writes ", " and ": "; orjson has no such mode); with an indent,
    # json.dumps runs in pure Python, where orjson is many times faster
    data = compiled(type(obj))(obj)
    return json.dumps(data, sort_keys=True, indent=indent, ensure_ascii=False)
