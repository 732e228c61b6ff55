"""Evidence packs after the review (``data/packs/<version>.json``): each extends the review's
evidence by reference, not by copy.

A pack names the evidence version it ``extends`` and brings its own ``trials`` (each with a
primary ``citation`` and a ``verification`` level on every figure), ``amendments`` (figures,
adverse events and notes added to a trial of the evidence it extends), ``discrepancies`` and
``approvals``. The loader builds the pack's ``EvidenceBase`` from the bundled review evidence,
the amendments and the pack's trials, and validates the whole through ``_load.parse``'s
converter and ``_load.integrity_problems`` (with the later regimen ids accepted).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from resistx import _data, _serde
from resistx._errors import EvidenceError, UnknownEvidenceError
from resistx.evidence._base import EvidenceBase
from resistx.evidence._load import BUNDLED, bundled, integrity_problems
from resistx.model.evidence import Trial
from resistx.vocab import regimens

#: the bundled packs by version, and where each ships
PACKS: dict[str, tuple[str, ...]] = {"2026.11": ("data", "packs", "2026.11.json")}
_AMENDABLE = ("endpoints", "hazard_ratios", "adverse_events", "notes")
_PACK_KEYS = frozenset(
    {"version", "date", "extends", "source", "trials", "amendments", "discrepancies", "approvals"}
)


def versions() -> tuple[str, ...]:
    """Every evidence version resistx ships: the review's, then the packs'."""
    return (bundled().version, *PACKS)


def evidence_for(version: str | None = None) -> EvidenceBase:
    """The bundled evidence of a version (None: the review's)."""
    if version is None or version == bundled().version:
        return bundled()
    if version not in PACKS:
        msg = f"no evidence {version!r}; known: {', '.join(versions())}"
        raise UnknownEvidenceError(msg)
    return pack(version)


@functools.cache
def pack(version: str) -> EvidenceBase:
    """A bundled evidence pack, built once and cached."""
    path = PACKS[version]
    origin = "resistx/evidence/" + "/".join(path)
    data = json.loads(_data.read_text("resistx.evidence", *path))
    return build(data, origin)


def _review_data() -> dict[str, Any]:
    text = _data.read_text("resistx.evidence", "data", BUNDLED)
    data: dict[str, Any] = json.loads(text)
    return data


def build(data: Any, origin: str, base: EvidenceBase | None = None) -> EvidenceBase:
    """The ``EvidenceBase`` of a pack's data: the review's evidence (``base``, by default the
    bundled one, whose file it reads) with the pack's amendments and trials added."""
    review = bundled() if base is None else base
    problems = list(_shape_problems(data, review))
    if problems:
        raise EvidenceError(origin, problems)
    eb = _built_on(data, review, base)
    if (
        eb is not None
        and not integrity_problems(eb, regimens.ALL_BY_ID)
        and not pack_problems(eb, review)
    ):
        return eb
    return _built_whole(data, origin, review, base)


def _built_on(
    data: dict[str, Any], review: EvidenceBase, base: EvidenceBase | None
) -> EvidenceBase | None:
    """The pack's evidence built on the review's own records: only the trials a pack amends,
    and the pack's records, are structured; the others are the review's objects. None on any
    problem: ``_built_whole`` then builds the whole again and names every problem."""
    amendments = data.get("amendments", [])
    amended = _amended(amendments, review, _raw_review(base)["trials"]) if amendments else {}
    # one structuring for all that is new: the amended trials first, then the pack's own
    document = _document(data, [*amended.values(), *data.get("trials", [])], [])
    try:
        own = _serde.structure_or_problems(document, EvidenceBase)
        structured = dict(zip(amended, own.trials, strict=False))
        return attrs.evolve(
            own,
            trials=(
                *(structured.get(t.key, t) for t in review.trials),
                *own.trials[len(amended) :],
            ),
            discrepancies=(*review.discrepancies, *own.discrepancies),
        )
    except (_serde.DataProblemsError, ValueError, TypeError):
        return None


def _raw_review(base: EvidenceBase | None) -> dict[str, Any]:
    """The review's evidence as data, built for this call: its file, or the given base's."""
    return _review_data() if base is None else _serde.to_dict(base)


def _amended(
    amendments: list[dict[str, Any]], review: EvidenceBase, raw_trials: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The review trials (as data) that ``amendments`` add to, amended in place, by key."""
    by_key = {t["key"]: t for t in raw_trials}
    amended: dict[str, dict[str, Any]] = {}
    for a in amendments:
        key = review.trial(a["trial"]).key
        target = amended.setdefault(key, by_key[key])
        for field in _AMENDABLE:
            target[field] = [*target.get(field, []), *a.get(field, [])]
    return amended


def _document(
    data: dict[str, Any], trials: list[dict[str, Any]], discrepancies: list[dict[str, Any]]
) -> dict[str, Any]:
    """An evidence file's data: the pack's own fields, these trials and discrepancies, and the
    pack's discrepancies after them."""
    return {
        "version": data["version"],
        "source": data.get("source", ""),
        "date": data.get("date"),
        "extends": data["extends"],
        "trials": trials,
        "discrepancies": [*discrepancies, *data.get("discrepancies", [])],
        "approvals": data.get("approvals", []),
    }


def _built_whole(
    data: dict[str, Any], origin: str, review: EvidenceBase, base: EvidenceBase | None
) -> EvidenceBase:
    """The pack's evidence from the data of every record, the review's and the pack's, checked
    as one file (what a pack with a problem takes, for the problems' paths and messages)."""
    raw = _raw_review(base)
    trials = raw["trials"]
    _amended(data.get("amendments", []), review, trials)  # in place: built for this call
    combined = _document(data, [*trials, *data.get("trials", [])], raw.get("discrepancies", []))
    try:
        eb = _serde.structure_or_problems(combined, EvidenceBase)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _renamed(_serde.problems_of(e), len(trials))) from None
    problems = _renamed(integrity_problems(eb, regimens.ALL_BY_ID), len(trials))
    problems += pack_problems(eb, review)
    if problems:
        raise EvidenceError(origin, problems)
    return eb


def _shape_problems(data: Any, review: EvidenceBase) -> Iterator[tuple[str, str]]:
    if not isinstance(data, dict):
        yield ("$", "an evidence pack must be a JSON object")
        return
    for key in sorted(set(data) - _PACK_KEYS):
        yield (f"$.{key}", f"unknown field; known: {', '.join(sorted(_PACK_KEYS))}")
    for key in ("version", "extends"):
        if not isinstance(data.get(key), str):
            yield (f"$.{key}", "required, a string")
    if isinstance(data.get("extends"), str) and data["extends"] != review.version:
        yield ("$.extends", f"{data['extends']!r}, but the review's evidence is {review.version!r}")
    for i, amendment in enumerate(data.get("amendments", [])):
        where = f"$.amendments[{i}]"
        if not isinstance(amendment, dict):
            yield (where, "must be an object")
            continue
        for key in sorted(set(amendment) - {"trial", *_AMENDABLE}):
            yield (f"{where}.{key}", f"unknown field; known: trial, {', '.join(_AMENDABLE)}")
        if amendment.get("trial") not in review:
            yield (f"{where}.trial", f"no trial {amendment.get('trial')!r} in the review")
        for field in _AMENDABLE:
            if not isinstance(amendment.get(field, []), list):
                yield (f"{where}.{field}", "must be a list")


def _renamed(problems: Any, review_trials: int) -> list[tuple[str, str]]:
    """A problem path in the pack's own numbering: ``$.trials[n]`` of the combined data is the
    pack's ``$.trials[n - review_trials]`` (the review's records come first)."""

    def one(path: str) -> str:
        m = re.match(r"^\$\.trials\[(\d+)\]", path)
        if m is None or int(m.group(1)) < review_trials:
            return path
        return f"$.trials[{int(m.group(1)) - review_trials}]" + path[m.end() :]

    return [(one(path), message) for path, message in problems]


def _figures(t: Trial) -> Iterator[tuple[str, object]]:
    yield from ((f"endpoints[{j}]", e) for j, e in enumerate(t.endpoints))
    yield from ((f"hazard_ratios[{j}]", h) for j, h in enumerate(t.hazard_ratios))
    yield from ((f"adverse_events[{j}]", a) for j, a in enumerate(t.adverse_events))


def pack_problems(eb: EvidenceBase, review: EvidenceBase) -> list[tuple[str, str]]:
    """What a pack owes beyond the review's checks: a primary citation on each new trial, a
    verification level on each figure it adds, approvals of regimens resistx knows."""
    problems: list[tuple[str, str]] = []
    for t in eb.trials:
        old = review.trial(t.key) if t.key in review else None
        if old is t:  # the review's own record, not amended: nothing of the pack's in it
            continue
        where = f"trial {t.key!r}"
        if old is None and not t.citation:
            problems.append((where, "a trial of a pack needs its primary citation"))
        known = set() if old is None else {id_ for _f, id_ in _figure_ids(old)}
        for field, figure in _figures(t):
            if _figure_id(figure) in known:
                continue
            if getattr(figure, "verification", None) is None:
                problems.append((f"{where} {field}", "a pack's figure needs its verification"))
    for i, a in enumerate(eb.approvals):
        if a.regimen is not None and a.regimen not in regimens.ALL_BY_ID:
            problems.append((f"$.approvals[{i}].regimen", f"{a.regimen!r} is not a regimen id"))
    return problems


def _figure_id(figure: object) -> str:
    return repr(figure)


def _figure_ids(t: Trial) -> Iterator[tuple[str, str]]:
    for field, figure in _figures(t):
        yield field, _figure_id(figure)
