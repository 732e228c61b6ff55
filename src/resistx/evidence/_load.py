"""Reading evidence files: validated into the frozen model, the bundled one parsed once."""

from __future__ import annotations

import functools
import os
from collections.abc import Container
from pathlib import Path
from typing import Any

from resistx import _data, _jsontext, _serde
from resistx._errors import EvidenceError
from resistx.evidence._base import EvidenceBase, fold_key
from resistx.model import _show
from resistx.vocab import regimens

BUNDLED = "evidence.json"


def _trial_key(data: Any, index: int) -> object:
    try:
        return data["trials"][index].get("key")
    except (KeyError, IndexError, AttributeError, TypeError):
        return None


def _name_records(data: Any, problems: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Add the trial key to a problem path like ``$.trials[3]...``, so the record is named."""
    named = []
    for path, message in problems:
        if path.startswith("$.trials[") and "]" in path:
            index = path[len("$.trials[") : path.index("]")]
            key = _trial_key(data, int(index)) if index.isdigit() else None
            named.append((f"{path} (trial {_show.value(key)})" if key else path, message))
        else:
            named.append((path, message))
    return named


def integrity_problems(
    eb: EvidenceBase, regimen_ids: Container[str] = regimens.BY_ID
) -> list[tuple[str, str]]:
    """Cross-record checks the model's validators cannot make on one record."""
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, t in enumerate(eb.trials):
        record = f"$.trials[{i}] (trial {_show.text(t.key)})"
        for name in sorted({t.key, *t.aliases, *([t.nct_id] if t.nct_id else [])}):
            folded = fold_key(name)
            if seen.setdefault(folded, i) != i:
                other = eb.trials[seen[folded]]
                problems.append(
                    (
                        record,
                        f"name {_show.text(name)} also names {_show.text(other.key)} "
                        f"($.trials[{seen[folded]}])",
                    )
                )
        for j, arm in enumerate(t.arms):
            if arm.regimen is not None and arm.regimen not in regimen_ids:
                problems.append(
                    (
                        f"$.trials[{i}].arms[{j}].regimen (trial {_show.text(t.key)})",
                        f"{_show.text(arm.regimen)} is not a regimen id",
                    )
                )
    keys = {t.key for t in eb.trials}
    for i, d in enumerate(eb.discrepancies):
        if d.trial not in keys:
            problems.append((f"$.discrepancies[{i}].trial", f"no trial {_show.text(d.trial)}"))
    return problems


def parse(data: Any, origin: str, regimen_ids: Container[str] = regimens.BY_ID) -> EvidenceBase:
    try:
        eb = _serde.structure_or_problems(data, EvidenceBase)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _name_records(data, _serde.problems_of(e))) from None
    problems = integrity_problems(eb, regimen_ids)
    if problems:
        raise EvidenceError(origin, problems)
    return eb


def parse_text(
    text: str, origin: str, regimen_ids: Container[str] = regimens.BY_ID
) -> EvidenceBase:
    try:
        data = _jsontext.loads(text, "the file", _jsontext.MAX_EVIDENCE_CHARS)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _serde.problems_of(e)) from None
    return parse(data, origin, regimen_ids)


def load_file(path: object) -> EvidenceBase:
    """An evidence base from a JSON file of the bundled form."""
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        msg = f"EvidenceBase.from_file needs a path (a str or a pathlib.Path), got {type(path).__name__}"
        raise TypeError(msg)
    source = Path(path)
    origin = _show.name(str(source))
    try:
        with source.open("rb") as f:
            raw = f.read(_jsontext.MAX_EVIDENCE_CHARS + 1)
    except OSError as e:
        raise EvidenceError(origin, [("$", f"cannot read: {e.strerror or e}")]) from None
    except ValueError:  # a name the operating system refuses (a NUL, a lone surrogate)
        raise EvidenceError(origin, [("$", f"cannot read: {_show.unopenable(source)}")]) from None
    except TypeError as e:  # a PathLike whose __fspath__ gives bytes
        msg = f"EvidenceBase.from_file needs a path (a str or a pathlib.Path): {e}"
        raise TypeError(msg) from None
    if len(raw) > _jsontext.MAX_EVIDENCE_CHARS:
        msg = (
            f"larger than {_jsontext.MAX_EVIDENCE_CHARS:,} bytes, the most an evidence file may be"
        )
        raise EvidenceError(origin, [("$", msg)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EvidenceError(
            origin, [("$", f"not UTF-8 text: {e.reason} at byte {e.start:,}")]
        ) from None
    # a file may hold an evidence pack's studies: the regimens of resistx's vocabulary, the
    # review's and the later ones (case 5104: to_json of the 2026.11 pack did not load back)
    return parse_text(text, origin, regimens.ALL_BY_ID)


@functools.cache
def bundled() -> EvidenceBase:
    """The evidence base shipped with resistx, loaded once and cached."""
    text = _data.read_text("resistx.evidence", "data", BUNDLED)
    return parse_text(text, f"resistx/evidence/data/{BUNDLED}")
