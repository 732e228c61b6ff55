"""``once``: a property computed on first read and kept in the instance, like
``functools.cached_property`` without the lock Python 3.11 takes on every first read (a third
of the cost of deriving a patient's facts). A ``Facts`` is built and read by one call only."""

from __future__ import annotations

from collections.abc import Callable
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
