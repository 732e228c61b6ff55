"""Compiled structuring of the input classes: the fast path in front of ``resistx._serde``.

``_serde``'s collecting hooks dispatch every value through cattrs, gather each problem with
its path and run the validators before ``__init__`` as well as in it. For valid input that
work is wasted. Here each input class is compiled once into a function that accepts only
input it is sure of and raises on the first doubt: a value of an unexpected type, an
unknown key, a name the vocabularies do not know, a failing validator (``__init__`` runs
them, once). The caller then runs the collecting path on the same data, so every error,
message and problem list is the collecting path's own; a result of this path is equal to
the collecting path's result (``tests/test_compiled.py`` checks both on generated input).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from resistx import _serde
from resistx.model import profile as profile_model
from resistx.vocab import adverse_events, comorbidities, drugs, genes

Structurer = Callable[[Any], Any]


class Doubt(Exception):  # noqa: N818 -- not an error: the signal to take the collecting path
    """The input is not plainly valid: the collecting path decides what is wrong."""


def _doubt() -> typing.NoReturn:
    raise Doubt


# -- primitives: the collecting hooks' accepting branches, nothing else --------------------


def _str(value: Any) -> str:
    if type(value) is not str:
        _doubt()
    if not value.isascii():
        value.encode("utf-8")  # a lone surrogate raises: the collecting path names it
    return value


def _int(value: Any) -> int:
    if type(value) is not int or not -_serde.MAX_INT <= value <= _serde.MAX_INT:
        _doubt()
    return value


def _float(value: Any) -> float:
    if type(value) is float or type(value) is int:
        number = float(value)
        if math.isfinite(number):
            return number
    _doubt()


def _bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    _doubt()


def _date(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is not str:
        _doubt()
    return _iso_date(value)


# the dates of a cohort repeat from one profile to the next: each distinct date is parsed once
# (only a valid ISO date is kept: a doubt is an exception, and an exception is never cached)
@functools.lru_cache(maxsize=16_384)
def _iso_date(text: str) -> dt.date:
    if not _serde._ISO_DATE.fullmatch(text):
        _doubt()
    return dt.date.fromisoformat(text)


def _enum(t: type[enum.Enum]) -> Structurer:
    by_value = {m.value: m for m in t}

    def structure(value: Any) -> Any:
        if type(value) is t:
            return value
        if type(value) is not str:
            _doubt()
        return by_value[value]  # KeyError for a value not in the enum: a doubt

    return structure


def _optional(inner: Structurer) -> Structurer:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _items(item: Structurer, limit: int | None = None) -> Structurer:
    """A list (or tuple) of items, at most ``limit`` of them, as a tuple."""

    def structure(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or (limit is not None and len(value) > limit):
            _doubt()
        return tuple([item(x) for x in value])

    return structure


def _fixed(items: tuple[Structurer, ...]) -> Structurer:
    """A list of exactly one item per structurer (a confidence interval), as a tuple."""

    def structure(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or len(value) != len(items):
            _doubt()
        return tuple([item(x) for item, x in zip(items, value, strict=True)])

    return structure


def _set(item: Structurer) -> Structurer:
    items = _items(item)

    def structure(value: Any) -> frozenset[Any]:
        return frozenset(items(value))

    return structure


def _literal(allowed: tuple[Any, ...]) -> Structurer:
    types_allowed = {type(a) for a in allowed}

    def structure(value: Any) -> Any:
        if value in allowed and type(value) in types_allowed:
            return value
        _doubt()

    return structure


# -- the profile's normalising field hooks (``_serde._FIELD_HOOKS``), accepting branches ----


def _known(normalise: Callable[[str], Any]) -> Structurer:
    """A name that ``normalise`` knows, as it normalises it."""

    def structure(value: Any) -> Any:
        found = normalise(_str(value))
        if found is None:
            _doubt()
        return found

    return structure


def _drug_name(name: Any) -> str:
    drug = drugs.lookup(_str(name))  # its folding is cached in the vocabulary
    if drug is None:
        _doubt()
    return drug.name


def _next_drug(name: Any) -> str:
    """A drug of ``next_treatment``, kept as given where the vocabulary knows it."""
    if drugs.lookup(_str(name)) is None:
        _doubt()
    return name  # type: ignore[no-any-return]


_comorbidity_name = _known(comorbidities.known)


def _condition(fields: Structurer) -> Structurer:
    """A comorbidity by name, or an object with its name and values (``_serde._condition``);
    by the model's own __init__, as ``_attrs_class`` (the wrapper read the name again)."""
    init = vars(profile_model.Condition)["__init__"].__wrapped__

    def structure(value: Any) -> profile_model.Condition:
        if type(value) is str:
            made: profile_model.Condition = object.__new__(profile_model.Condition)
            init(made, name=_comorbidity_name(value))
            return made
        return fields(value)  # type: ignore[no-any-return]

    return structure


def _field_hook(cls: type, name: str) -> Structurer | None:
    """The twin of ``_serde._FIELD_HOOKS[cls, name]``, compiled when first asked for."""
    Profile, Treatment = profile_model.Profile, profile_model.Treatment  # noqa: N806
    makers: dict[tuple[type, str], Callable[[], Structurer]] = {
        (Treatment, "drugs"): lambda: _items(_drug_name, profile_model.MAX_DRUGS),
        (Profile, "next_treatment"): lambda: _optional(_items(_next_drug, profile_model.MAX_DRUGS)),
        (Treatment, "toxicity"): lambda: _optional(_known(adverse_events.normalise)),
        (profile_model.BiomarkerResult, "gene"): lambda: _known(genes.normalise),
        (profile_model.Condition, "name"): lambda: _comorbidity_name,
        (Profile, "comorbidities"): lambda: _items(
            compiled(profile_model.Condition), profile_model.MAX_COMORBIDITIES
        ),
        (Profile, "treatments"): lambda: _items(compiled(Treatment), profile_model.MAX_TREATMENTS),
        (Profile, "biomarkers"): lambda: _items(
            compiled(profile_model.BiomarkerResult), profile_model.MAX_BIOMARKERS
        ),
    }
    if (cls, name) not in _serde._FIELD_HOOKS:
        return None
    if (cls, name) not in makers:
        raise NotImplementedError(cls, name)  # a normalising hook this module does not mirror
    return makers[cls, name]()


# -- compiling a type ----------------------------------------------------------------------

_PRIMITIVES: dict[Any, Structurer] = {
    str: _str,
    int: _int,
    float: _float,
    bool: _bool,
    dt.date: _date,
}
_COMPILED: dict[Any, Structurer] = {}


def _attrs_class(cls: type) -> Structurer:
    """A mapping with the keys of ``cls`` (the required ones at least), each value compiled."""
    fields = _serde._fields(cls)
    by_key = {f.name: _field_hook(cls, f.name) or compiled(t) for f, t in fields}
    kept = _serde.kept_even_empty(cls)  # as the collecting path (case 7671)
    required = frozenset(f.name for f, _ in fields if f.default is attrs.NOTHING or f.name in kept)

    # the model's own __init__, not the wrapper that gathers every problem of a model built in
    # code (``profile._every_problem``): here any doubt goes to the collecting path anyway
    init: Callable[..., None] | None = getattr(vars(cls).get("__init__"), "__wrapped__", None)
    new: Callable[[type], Any] = object.__new__

    def structure(value: Any) -> Any:
        if type(value) is not dict or not required <= value.keys():  # a subclass may differ
            _doubt()
        fields = {key: by_key[key](item) for key, item in value.items()}
        if init is None:
            return cls(**fields)
        made = new(cls)
        init(made, **fields)
        return made

    return structure


def _compile(t: Any) -> Structurer:
    if t in _PRIMITIVES:
        return _PRIMITIVES[t]
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return _enum(t)
    if t is profile_model.Condition:  # the converter's own hook for it: a name or an object
        return _condition(_attrs_class(t))
    if attrs.has(t):
        return _attrs_class(t)
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _optional(compiled(inner))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _items(compiled(args[0]))
    if origin is tuple and args:
        return _fixed(tuple(compiled(a) for a in args))
    if origin is frozenset:
        return _set(compiled(args[0]))
    if origin is typing.Literal:
        return _literal(args)
    raise NotImplementedError(t)  # any other type: the collecting path


def compiled(t: Any) -> Structurer:
    """The compiled structurer of ``t`` (built once), or ``NotImplementedError``."""
    try:
        return _COMPILED[t]
    except KeyError:
        pass
    fn = _COMPILED[t] = _compile(t)
    return fn
