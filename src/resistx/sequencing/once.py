"""``once``: a property computed on first read and kept in the instance, like
``functools.cached_property`` without the lock Python 3.11 takes on every first read (a third
of the cost of deriving a patient's facts). A ``Facts`` is built and read by one call only."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class once(Generic[T]):  # noqa: N801 - reads as the decorator it replaces
    def __init__(self, fn: Callable[[Any], T]) -> None:
        self._fn = fn
        self._name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object, owner: type | None = None) -> T | once[T]:
        if obj is None:
            return self
        # a non-data descriptor: once stored, the instance's own value is read, not this
        value = obj.__dict__[self._name] = self._fn(obj)
        return value


R = TypeVar("R")


def remembered(fn: Callable[[T], R]) -> Callable[[T], R]:
    """``fn`` of one argument, remembering its answer for the last argument it was given (by
    identity): several rules ask the same question of one patient's facts in one plan. The
    argument is held while remembered, so its id cannot be reused meanwhile; the pair is
    replaced in one assignment, so a thread never reads one argument's answer for another."""
    last: list[tuple[object, Any]] = [(_NOTHING, None)]

    def wrapper(arg: T) -> R:
        seen, value = last[0]
        if seen is arg:
            return value  # type: ignore[no-any-return]
        value = fn(arg)
        last[0] = (arg, value)
        return value

    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


_NOTHING = object()


A = TypeVar("A", bound=Hashable)


def remembered_each(fn: Callable[[T, A], R]) -> Callable[[T, A], R]:
    """``remembered`` for a function of the facts and one more argument (a gene, a window):
    its answers for the last facts it was given, by that argument."""
    last: list[tuple[object, dict[Any, Any]]] = [(_NOTHING, {})]

    def wrapper(first: T, second: A) -> R:
        seen, answers = last[0]
        if seen is not first:
            answers = {}
            last[0] = (first, answers)
        found = answers.get(second, _NOTHING)
        if found is _NOTHING:
            found = answers[second] = fn(first, second)
        return found  # type: ignore[no-any-return]

    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper
