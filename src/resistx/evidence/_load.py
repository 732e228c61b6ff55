"""Reading evidence files: validated into the frozen model, the bundled one parsed once."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from resistx import _serde
from resistx._errors import EvidenceError
from resistx.evidence._base import EvidenceBase, fold_key
from resistx.vocab import regimens

BUNDLED = "evidence.json"


def _name_records(data: Any, problems: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Add the trial key to a problem path like ``$.trials[3]...``, so the record is named."""
    named = []
    for path, message in problems:
        if path.startswith("$.trials[") and isinstance(data, dict):
            index = path[len("$.trials[") : path.index("]")]
            try:
                key = data["trials"][int(index)].get("key")
            except (KeyError, IndexError, ValueError, AttributeError, TypeError):
                key = None
            named.append((f"{path} (trial {key!r})" if key else path, message))
        else:
            named.append((path, message))
    return named


def integrity_problems(eb: EvidenceBase) -> list[tuple[str, str]]:
    """Cross-record checks the model's validators cannot make on one record."""
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, t in enumerate(eb.trials):
        for name in {t.key, *t.aliases, *([t.nct_id] if t.nct_id else [])}:
            folded = fold_key(name)
            if seen.setdefault(folded, i) != i:
                other = eb.trials[seen[folded]].key
                problems.append((f"$.trials[{i}]", f"name {name!r} also names {other!r}"))
        for j, arm in enumerate(t.arms):
            if arm.regimen is not None and arm.regimen not in regimens.BY_ID:
                problems.append(
                    (f"$.trials[{i}].arms[{j}].regimen", f"{arm.regimen!r} is not a regimen id")
                )
    keys = {t.key for t in eb.trials}
    for i, d in enumerate(eb.discrepancies):
        if d.trial not in keys:
            problems.append((f"$.discrepancies[{i}].trial", f"no trial {d.trial!r}"))
    return problems


def parse(data: Any, origin: str) -> EvidenceBase:
    try:
        eb = _serde.converter.structure(data, EvidenceBase)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _name_records(data, _serde.problems_of(e))) from None
    problems = integrity_problems(eb)
    if problems:
        raise EvidenceError(origin, problems)
    return eb


def load_file(path: object) -> EvidenceBase:
    """An evidence base from a JSON file of the bundled form."""
    source = Path(str(path))
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvidenceError(str(source), [("$", f"cannot read: {e.strerror or e}")]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise EvidenceError(str(source), [("$", f"not valid JSON: {e}")]) from None
    return parse(data, str(source))


@functools.cache
def bundled() -> EvidenceBase:
    """The evidence base shipped with resistx, loaded once and cached."""
    text = resources.files("resistx.evidence").joinpath("data", BUNDLED).read_text("utf-8")
    return parse(json.loads(text), f"resistx/evidence/data/{BUNDLED}")
