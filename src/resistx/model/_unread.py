"""A field that did not structure, as the loader's validators see it.

The loader runs each field's validators before building the model, so that a range problem
is named beside a type problem. A validator that reads another field which could not be read
(a misspelt comorbidity beside an insulin among the medications) must not answer as if that
field were absent ("no diabetes on record", 8420): reading it raises ``UnreadFieldError``,
even through ``getattr`` with a default, and the check waits until that field can be read.
"""

from __future__ import annotations

import types
from collections.abc import Collection
from typing import Any


class UnreadFieldError(Exception):
    """A validator read a field that did not structure: its check is left for later."""


class LoaderView(types.SimpleNamespace):
    """The fields that did structure, as attributes; one of ``unread`` raises."""

    def __init__(self, read: dict[str, Any], unread: Collection[str]) -> None:
        super().__init__(**read)
        object.__setattr__(self, "_unread", unread)

    def __getattr__(self, name: str) -> Any:  # only for a name not set
        if name in object.__getattribute__(self, "_unread"):
            raise UnreadFieldError(name)
        raise AttributeError(name)
