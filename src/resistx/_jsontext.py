"""JSON text in, JSON-like data out, or every problem with its JSON path: never a stray error.

``json.loads`` alone raises ``RecursionError`` on text nested thousands deep, ``ValueError``
on an integer of more than 4,300 digits, and keeps the last of two equal keys without a word.
Here each of those is a problem, and the text has a documented maximum size.
"""

from __future__ import annotations

import contextvars
import json
from typing import Any

from resistx._serde import DataProblemsError, Problems, key_path
from resistx.model import _show

#: the most characters of profile text read (about 5 MB); profiles are a few kilobytes
MAX_PROFILE_CHARS = 5_000_000
#: the most characters of an evidence file read (the bundled one is under 150 kB)
MAX_EVIDENCE_CHARS = 50_000_000


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys its text gave more than once."""

    duplicates: dict[str, int]


#: set when the text being read gave a key twice in some object: only then is the data
#: walked to find where (most text has no repeated key, and the walk is most of the reading)
_found_duplicates: contextvars.ContextVar[bool] = contextvars.ContextVar("dup", default=False)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    repeated = _Object(out)
    repeated.duplicates = {k: n for k, n in counts.items() if n > 1}
    _found_duplicates.set(True)
    return repeated


def _duplicate_keys(data: object) -> Problems:
    """Every key given twice in one object of ``data``, with the object's path."""
    problems: Problems = []
    todo: list[tuple[object, str]] = [(data, "")]
    while todo:
        node, path = todo.pop()
        if isinstance(node, dict):
            for key, count in getattr(node, "duplicates", {}).items():
                problems.append(
                    (
                        f"{path}{key_path(key)}",
                        f"the key {_show.text(key)} is given {count} times in one object; "
                        "each key may appear once",
                    )
                )
            todo += [(v, f"{path}{key_path(k)}") for k, v in node.items()]
        elif isinstance(node, list):
            todo += [(v, f"{path}[{i}]") for i, v in enumerate(node)]
    return sorted(problems)


#: one decoder for every text (``json.loads`` with a hook builds a decoder on every call)
_DECODER = json.JSONDecoder(object_pairs_hook=_pairs)


def _decode(text: str) -> Any:
    """``json.loads(text, object_pairs_hook=_pairs)``, with its refusal of a leading BOM."""
    if text.startswith("\ufeff"):
        return json.loads(text, object_pairs_hook=_pairs)
    return _DECODER.decode(text)


def loads(text: str, what: str, max_chars: int = MAX_PROFILE_CHARS) -> Any:
    """The data of JSON ``text``, or ``DataProblemsError`` naming ``what`` was not readable."""
    data, duplicates = loads_keeping_duplicates(text, what, max_chars)
    if duplicates:
        raise DataProblemsError(duplicates)
    return data


def loads_keeping_duplicates(
    text: str, what: str, max_chars: int = MAX_PROFILE_CHARS
) -> tuple[Any, Problems]:
    """The data of JSON ``text`` (the last of equal keys kept), and a problem per repeated key.

    Unreadable text raises ``DataProblemsError``; the caller reports the repeated keys
    together with what else is wrong with the data.
    """
    if len(text) > max_chars:
        msg = f"{what} is {len(text):,} characters long; at most {max_chars:,} are read"
        raise DataProblemsError([("", msg)])
    token = _found_duplicates.set(False)
    try:
        data = _decode(text)
    except json.JSONDecodeError as e:
        reason = e.msg.removesuffix(" at")  # "Unterminated string starting at", and others
        msg = f"{what} is not valid JSON: {reason} at line {e.lineno}, column {e.colno}"
        raise DataProblemsError([("", msg)]) from None
    except (RecursionError, MemoryError):
        msg = f"{what} is nested too deeply to read"
        raise DataProblemsError([("", msg)]) from None
    except ValueError:  # what json raises for an integer of more than 4,300 digits
        msg = f"{what} holds an integer of more than 4,300 digits"
        raise DataProblemsError([("", msg)]) from None
    finally:
        found = _found_duplicates.get()
        _found_duplicates.reset(token)
    return data, _duplicate_keys(data) if found else []
