"""From one cohort input to its rows: the pure function every process and every Dask task runs.

It lives in an importable module so that a worker imports it once and keeps the engine's
caches warm across chunks (a function defined in ``__main__`` would travel by value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

import resistx
from resistx.cohort._concordance import Placement, place, regimen_for, rule_numbers
from resistx.cohort._readers import Record, text_record
from resistx.cohort._result import Result, attempt, checked_settings
from resistx.io.profile import ProfileSource
from resistx.model.profile import Profile
from resistx.sequencing import engine
from resistx.sequencing.slots import Ranked
from resistx.vocab import drugs

#: one row per patient x option: (column, kind) where kind is int, str, float, ints or strs
OPTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", "int"),
    ("patient_id", "str"),
    ("rank", "int"),
    ("regimen", "str"),
    ("tier", "str"),
    ("molecular", "float"),
    ("efficacy", "float"),
    ("history", "float"),
    ("balance", "float"),
    ("total", "float"),
    ("rules", "ints"),
    ("codes", "strs"),
    ("next_treatment", "str"),
    ("next_rank", "int"),
    ("next_place", "str"),
)
#: one row per problem of an input that gave no plan
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", "int"),
    ("patient_id", "str"),
    ("source", "str"),
    ("kind", "str"),
    ("path", "str"),
    ("message", "str"),
)


@attrs.frozen(kw_only=True)
class Settings:
    """What applies to every patient of a run (checked once, before the first)."""

    policy: str | None = None
    preferences: resistx.Preferences = attrs.field(factory=resistx.Preferences)


def _input_error(record: Record) -> Result | None:
    """The problem a record brings from its reader or its next-treatment column, if any."""
    problems = list(record.problems)
    for i, name in enumerate(record.next_treatment or ()):
        if drugs.lookup(name) is None:
            problems.append((f"$.next_treatment[{i}]", f"{name!r} is not a drug resistx knows"))
    if not problems:
        return None
    return Result(index=record.index, patient_id=None, error=resistx.ProfileError(problems))


def _option_rows(planned: Ranking, nxt: Placement | None) -> list[dict[str, Any]]:
    head: dict[str, Any] = {"index": planned.index, "patient_id": planned.patient_id}
    tail: dict[str, Any] = {
        "next_treatment": nxt.regimen if nxt else None,
        "next_rank": nxt.rank if nxt else None,
        "next_place": nxt.place if nxt else None,
    }
    rows = []
    for o in planned.ranked.options:
        row = head | _option_part(o) | tail
        row["rules"] = list(row["rules"])  # each row its own lists
        row["codes"] = list(row["codes"])
        rows.append(row)
    return rows


def _option_part(o: resistx.Option) -> dict[str, Any]:
    """The columns an option gives its row. Plans share their option objects (the engine's
    memo), so these are found by the option's identity; the entry holds the option, so no
    other object can have that identity while it stands."""
    found = _PARTS.get(id(o))
    if found is not None:
        return found[1]
    part = {
        "rank": o.rank,
        "regimen": o.regimen.id,
        "tier": o.tier.value,
        "molecular": o.scores.molecular,
        "efficacy": o.scores.efficacy,
        "history": o.scores.history,
        "balance": o.scores.balance,
        "total": o.scores.total,
        "rules": rule_numbers(o.reasons),
        "codes": tuple(dict.fromkeys(r.code for r in o.reasons)),
    }
    if len(_PARTS) >= _PARTS_LIMIT:
        _PARTS.clear()
    _PARTS[id(o)] = (o, part)
    return part


_PARTS: dict[int, tuple[resistx.Option, dict[str, Any]]] = {}
_PARTS_LIMIT = 65_536


def _error_rows(result: Result, where: str) -> list[dict[str, Any]]:
    kind = "out_of_scope" if isinstance(result.error, resistx.OutOfScopeError) else "invalid"
    return [
        {
            "index": result.index,
            "patient_id": result.patient_id,
            "source": where,
            "kind": kind,
            "path": path,
            "message": message,
        }
        for path, message in result.problems
    ]


@attrs.frozen
class Ranking:
    """A planned patient as the rows read it: the engine's ranking (``engine.ranking``), the
    same options and exclusions as the plan's, without the actions, notes and the slots' own
    text that no row shows."""

    index: int
    patient_id: str | None
    profile: Profile
    ranked: Ranked


def _planned(
    index: int, source: ProfileSource, settings: Settings, convert: str | None = None
) -> Ranking | Result:
    """The ranking of one profile (or converted document), or the Result of its input error."""

    def ranking(profile: Profile) -> Ranking:
        ranked = engine.ranking(profile, settings.preferences, settings.policy)
        return Ranking(index=index, patient_id=profile.patient_id, profile=profile, ranked=ranked)

    return attempt(index, source, ranking, convert)


def entry(
    outcome: Ranking | Result, where: str, next_column: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """One patient's rows: ``options`` (one per option), ``errors`` (one per problem), and
    ``next``, the ``Placement`` of the treatment given next when the column or profile states it."""
    if isinstance(outcome, Result):
        return {
            "index": outcome.index,
            "patient_id": outcome.patient_id,
            "planned": False,
            "next": None,
            "options": [],
            "errors": _error_rows(outcome, where),
        }
    given = next_column or outcome.profile.next_treatment
    nxt = place(outcome.ranked, regimen_for(given)) if given else None
    return {
        "index": outcome.index,
        "patient_id": outcome.patient_id,
        "planned": True,
        "next": nxt,
        "options": _option_rows(outcome, nxt),
        "errors": [],
    }


def plan_records(records: Sequence[Record], settings: Settings) -> list[dict[str, Any]]:
    """The entries of a chunk of records, in order (what a worker process runs)."""
    out = []
    for record in records:
        result: Ranking | Result | None = _input_error(record)
        if result is None:
            assert record.source is not None  # noqa: S101 - a record without a problem has one
            result = _planned(record.index, record.source, settings, record.convert)
        out.append(entry(result, record.where, record.next_treatment))
    return out


def is_input(item: object) -> bool:
    """A partition's item is an input unless it is a blank line (as in a JSON Lines file): the
    one rule both the rows and the Dask numbering of partitions read."""
    return not isinstance(item, str) or bool(item.strip())


def rows_for(
    profiles: Iterable[str | Mapping[str, Any]],
    start: int = 0,
    *,
    policy: str | None = None,
    preferences: resistx.Preferences | Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The entries for a sequence of profiles (JSON lines or mappings), numbered from ``start``:
    ready for ``dask.bag.Bag.map_partitions`` (blank lines are skipped, as in a JSON Lines file)."""
    settings = Settings(policy=policy, preferences=checked_settings(preferences, policy))
    records = []
    for offset, item in enumerate(p for p in profiles if is_input(p)):
        where = f"item {start + offset}"
        if isinstance(item, str):
            records.append(text_record(start + offset, where, item, "the item"))
        else:
            records.append(Record(index=start + offset, where=where, source=item))
    return plan_records(records, settings)
