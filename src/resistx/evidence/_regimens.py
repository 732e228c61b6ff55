"""Reading a policy's regimen table (``regimens.json``): validated into the frozen model and
checked against the evidence it cites, every problem named by record and field."""

from __future__ import annotations

import functools
import json
from typing import Any

from resistx import _data, _serde
from resistx._errors import EvidenceError
from resistx.evidence._base import EvidenceBase
from resistx.model.regimen import RegimenSpec, RegimenTable
from resistx.vocab import drugs

BUNDLED = "regimens.json"
COST_LEVELS = (1.0, 3.0)


def _named(data: Any, problems: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Add the regimen id to a path like ``$.regimens[3]...``, so the record is named."""
    out = []
    for path, message in problems:
        if path.startswith("$.regimens[") and isinstance(data, dict):
            try:
                rid = data["regimens"][int(path[len("$.regimens[") : path.index("]")])].get("id")
            except (KeyError, IndexError, ValueError, AttributeError, TypeError):
                rid = None
            out.append((f"{path} (regimen {rid!r})" if isinstance(rid, str) else path, message))
        else:
            out.append((path, message))
    return out


def _trials_named(spec: RegimenSpec) -> list[tuple[str, str]]:
    """(field, trial name) for every trial a record names."""
    named = [(f"key_trials[{j}]", t) for j, t in enumerate(spec.key_trials)]
    named += [(f"efficacy[{j}].trial", s.trial) for j, s in enumerate(spec.efficacy)]
    named += [(field, t) for field, t in (("ae_trial", spec.ae_trial),) if t is not None]
    if spec.negative_trial is not None:
        named.append(("negative_trial", spec.negative_trial))
    return named


Problems = list[tuple[str, str]]


def _own_problems(table: RegimenTable) -> list[tuple[Problems, list[tuple[str, str]], Problems]]:
    """Per record: its problems before the trials it names (id, trials, drugs), the (path,
    trial name) pairs the evidence must hold, and its problems after (cost level). None of it
    depends on the evidence: worked out once per table."""
    found = _OWN.get(id(table))
    if found is not None and found[0] is table:
        return found[1]
    out = []
    seen: set[str] = set()
    for i, spec in enumerate(table.regimens):
        where = f"$.regimens[{i}]"
        label = f" (regimen {spec.id!r})"
        before: Problems = []
        if spec.id in seen:
            before.append((where + ".id" + label, "duplicate regimen id"))
        seen.add(spec.id)
        if not spec.key_trials:
            before.append((where + ".key_trials" + label, "names no trial"))
        for j, d in enumerate(spec.drugs):
            if d not in drugs.BY_NAME:
                before.append((f"{where}.drugs[{j}]{label}", f"{d!r} is not a drug resistx knows"))
        named = [(f"{where}.{field}{label}", name) for field, name in _trials_named(spec)]
        low, high = COST_LEVELS
        after: Problems = []
        if not low <= spec.cost_level <= high:
            after.append((where + ".cost_level" + label, f"must be {low:g} to {high:g}"))
        out.append((before, named, after))
    if len(_OWN) >= _OWN_KEPT:
        _OWN.clear()
    _OWN[id(table)] = (table, out)
    return out


_OWN: dict[int, tuple[RegimenTable, list[tuple[Problems, list[tuple[str, str]], Problems]]]] = {}
_OWN_KEPT = 16


def _arm_problems(table: RegimenTable, evidence: EvidenceBase) -> Problems:
    """An efficacy source's ``arm_of`` names a regimen one of the study's arms is linked to."""
    problems: Problems = []
    for i, spec in enumerate(table.regimens):
        for j, s in enumerate(spec.efficacy):
            if s.arm_of is None or s.trial not in evidence:
                continue
            linked = {a.regimen for a in evidence.trial(s.trial).arms if a.regimen}
            if s.arm_of not in linked:
                problems.append(
                    (
                        f"$.regimens[{i}].efficacy[{j}].arm_of (regimen {spec.id!r})",
                        f"no arm of {s.trial} is linked to {s.arm_of!r}",
                    )
                )
    return problems


def table_problems(table: RegimenTable, evidence: EvidenceBase) -> Problems:
    """Cross-record checks: unique ids, known drugs, trials that exist in the evidence, arms
    that an efficacy source borrows."""
    problems: Problems = []
    for before, named, after in _own_problems(table):
        problems += before
        problems += [
            (path, f"no trial {name!r} in evidence {evidence.version}")
            for path, name in named
            if name not in evidence
        ]
        problems += after
    problems += _arm_problems(table, evidence)
    if table.evidence_version != evidence.version:
        problems.append(
            (
                "$.evidence_version",
                f"{table.evidence_version!r}, but the evidence is {evidence.version!r}",
            )
        )
    return problems


def parse(data: Any, origin: str, evidence: EvidenceBase) -> RegimenTable:
    try:
        table = _serde.converter.structure(data, RegimenTable)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _named(data, _serde.problems_of(e))) from None
    problems = table_problems(table, evidence)
    if problems:
        raise EvidenceError(origin, problems)
    return table


def bundled_table(package: str, path: tuple[str, ...], evidence: EvidenceBase) -> RegimenTable:
    """A regimen table shipped inside a package, beside the evidence it cites (read and
    structured once; checked against each evidence base it is used with)."""
    origin, table = _read(package, path)
    problems = table_problems(table, evidence)
    if problems:
        raise EvidenceError(origin, problems)
    return table


@functools.cache
def _read(package: str, path: tuple[str, ...]) -> tuple[str, RegimenTable]:
    origin = "/".join((package.replace(".", "/"), *path))
    data = json.loads(_data.read_text(package, *path))
    try:
        return origin, _serde.converter.structure(data, RegimenTable)
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _named(data, _serde.problems_of(e))) from None
