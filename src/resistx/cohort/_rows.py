"""From one cohort input to its rows: the pure function every process and every Dask task runs.

It lives in an importable module so that a worker imports it once and keeps the engine's
caches warm across chunks (a function defined in ``__main__`` would travel by value).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

import resistx
from resistx.cohort._concordance import Placement, place, regimen_for
from resistx.cohort._readers import Record, text_record
from resistx.cohort._result import (
    Result,
    attempt,
    attempt_conversion,
    checked_settings,
    patient_id_of,
)
from resistx.io.profile import ProfileSource
from resistx.model.plan import rule_numbers
from resistx.model.profile import Profile
from resistx.sequencing import engine
from resistx.sequencing.slots import Ranked
from resistx.vocab import drugs

#: profiles per chunk (the command's, and within a Dask partition): a worker's task, and how
#: often Ctrl-C and the progress bar are looked at
CHUNK = 256

#: the garbage collector's thresholds while a cohort is planned: a young collection every
#: 10,000 allocations, not 700 (a patient allocates thousands of short-lived objects; with
#: Python's default a worker spent about 2% of its time collecting them, measured)
COLLECTION_THRESHOLDS = (10_000, 10, 10)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """``COLLECTION_THRESHOLDS`` while any block of the process is planning (the thresholds are
    process-wide, and Dask runs tasks in threads), the process's own thresholds back when the
    last one ends."""
    global _planning, _saved  # noqa: PLW0603 - one count for the process, as the thresholds
    with _PLANNING:
        if not _planning:
            _saved = gc.get_threshold()
            gc.set_threshold(*COLLECTION_THRESHOLDS)
        _planning += 1
    try:
        yield
    finally:
        with _PLANNING:
            _planning -= 1
            if not _planning:
                gc.set_threshold(*_saved)


_PLANNING = threading.Lock()
_planning = 0  # blocks of this process planning now
_saved: tuple[int, ...] = gc.get_threshold()  # the thresholds before the first of them


#: one row per patient x option: (column, kind) where kind is int, str, float, ints or strs
OPTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", "int"),
    ("patient_id", "str"),
    ("as_of", "str"),  # the plan's decision date, null where the profile gives none (5781)
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
    ("waits_on", "strs"),  # the tests the option waits on, as the plan's (9162)
    ("next_treatment", "str"),
    ("next_rank", "int"),
    ("next_place", "str"),
)
#: the columns of a row that are the patient's (first) and the next treatment's (last); those
#: between them are the option's
HEAD_COLUMNS = ("index", "patient_id", "as_of")
TAIL_COLUMNS = ("next_treatment", "next_rank", "next_place")
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

    def made_by(self) -> dict[str, Any]:
        """What made a run's rows, for the files that can hold it (Parquet's metadata): the
        rows are read long after, away from the command (case 1189)."""
        policy = engine.policy_of(self.policy)
        return {
            "resistx": resistx.__version__,
            "policy": policy.name,
            "policy_version": policy.version,
            "evidence": policy.default_evidence().version,
            "preferences": resistx.to_dict(self.preferences),
        }


def _input_error(record: Record) -> Result | None:
    """The problem a record brings from its reader or its next-treatment column, if any."""
    problems = list(record.problems)
    named = drugs.unknown_at(record.next_treatment or ())
    problems += [(f"$.next_treatment[{i}]", said) for i, said in named]
    if not problems:
        return None
    if record.source is not None and record.convert is None:  # case 6304: not these alone
        problems += _profile_problems(record.source)
    return Result(
        index=record.index,
        patient_id=patient_id_of(record.source),
        error=resistx.ProfileError(problems),
    )


def _profile_problems(source: Any) -> list[tuple[str, str]]:
    """The problems of a record's profile beside its next-treatment column's (which takes the
    place of the profile's own field): an empty cell hid an ECOG of 7 (case 6304)."""
    try:
        resistx.load_profile(source)
    except resistx.ProfileError as e:
        return [(p, m) for p, m in e.problems if not p.startswith("$.next_treatment")]
    except resistx.OutOfScopeError:
        pass
    return []


def _option_rows(planned: Ranking, nxt: Placement | None) -> list[dict[str, Any]]:
    head = dict(zip(HEAD_COLUMNS, head_values(planned), strict=True))
    tail = dict(zip(TAIL_COLUMNS, tail_values(nxt), strict=True))
    rows = []
    for part in option_parts(planned):
        row = head | dict(zip(PART_COLUMNS, part, strict=True)) | tail
        row["rules"] = list(row["rules"])  # each row its own lists
        row["codes"] = list(row["codes"])
        row["waits_on"] = list(row["waits_on"])
        rows.append(row)
    return rows


def head_values(planned: Ranking) -> tuple[Any, ...]:
    """The values of a patient's rows in ``HEAD_COLUMNS``."""
    day = planned.profile.decision_date
    return (planned.index, planned.patient_id, day.isoformat() if day else None)


def tail_values(nxt: Placement | None) -> tuple[Any, ...]:
    """The values in ``TAIL_COLUMNS``: where the treatment given next stands, if stated."""
    return (nxt.regimen, nxt.rank, nxt.place) if nxt else (None, None, None)


#: the columns an option gives its row, in ``OPTION_COLUMNS`` order
PART_COLUMNS = tuple(
    name for name, _kind in OPTION_COLUMNS if name not in (*HEAD_COLUMNS, *TAIL_COLUMNS)
)


#: the option columns of a planned patient's one row where the plan has no option (every
#: option left out: 6992, 6980): null, and no rules, codes or tests waited on
NO_OPTION: tuple[Any, ...] = (None,) * (len(PART_COLUMNS) - 3) + ((), (), ())


def option_parts(planned: Ranking) -> list[tuple[Any, ...]]:
    """The option columns of each of a patient's rows: one per option, or ``NO_OPTION``."""
    return [option_part(o) for o in planned.ranked.options] or [NO_OPTION]


def option_part(o: resistx.Option) -> tuple[Any, ...]:
    """The values an option gives its row (``PART_COLUMNS``). Plans share their option objects
    (the engine's memo), so these are found by the option's identity; the entry holds the
    option, so no other object can have that identity while it stands."""
    found = _PARTS.get(id(o))
    if found is not None:
        return found[1]
    s = o.scores
    part = (
        o.rank,
        o.regimen.id,
        o.tier.value,
        s.molecular,
        s.efficacy,
        s.history,
        s.balance,
        s.total,
        rule_numbers(o.reasons),
        tuple(dict.fromkeys(r.code for r in o.reasons)),
        o.waits_on,
    )
    if len(_PARTS) >= _PARTS_LIMIT:
        _PARTS.clear()
    _PARTS[id(o)] = (o, part)
    return part


_PARTS: dict[int, tuple[resistx.Option, tuple[Any, ...]]] = {}
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
    #: for a converted document, its report's elements not mapped and assumptions (9152)
    reported: tuple[int, int] | None = None


def _planned(
    index: int, source: ProfileSource, settings: Settings, convert: str | None = None
) -> Ranking | Result:
    """The ranking of one profile (or converted document), or the Result of its input error."""

    def ranking(profile: Profile, reported: tuple[int, int] | None = None) -> Ranking:
        ranked = engine.ranking(profile, settings.preferences, settings.policy)
        return Ranking(index, profile.patient_id, profile, ranked, reported)

    if convert is None:
        return attempt(index, source, ranking)
    return attempt_conversion(
        index,
        source,
        lambda c: ranking(c.profile, (len(c.unmapped), len(c.assumptions))),
        convert,
    )


@attrs.frozen
class Judged:
    """One record of a chunk, planned: its ranking or its error, where it was read, and the
    ``Placement`` of the treatment given next when the column or profile states it."""

    outcome: Ranking | Result
    where: str
    next: Placement | None


def judged(records: Sequence[Record], settings: Settings) -> list[Judged]:
    """The records of a chunk planned, in order (what a worker process runs)."""
    out = []
    for record in records:
        result: Ranking | Result | None = _input_error(record)
        if result is None:
            assert record.source is not None  # noqa: S101 - a record without a problem has one
            result = _planned(record.index, record.source, settings, record.convert)
        nxt = None
        if isinstance(result, Ranking):
            given = record.next_treatment or result.profile.next_treatment
            nxt = _placed(result.ranked, regimen_for(given)) if given else None
        elif result.error is not None:
            _without_frames(result.error)
        out.append(Judged(result, record.where, nxt))
    return out


def _placed(ranked: Ranked, regimen: str) -> Placement:
    """``place`` in a ranking, kept by the ranking itself (it hashes by identity): patients
    whose four factor columns match share one ranking object (the engine's memo), and a
    cohort states few treatments given next. A Placement is frozen, so rows can share it."""
    key = (ranked, regimen)
    found = _PLACED.get(key)
    if found is None:
        if len(_PLACED) >= _PLACED_LIMIT:
            _PLACED.clear()
        found = _PLACED[key] = place(ranked, regimen)
    return found


_PLACED: dict[tuple[Ranked, str], Placement] = {}
_PLACED_LIMIT = 16_384


def _without_frames(error: BaseException) -> None:
    """A row says what the error says. The tracebacks of the error and of the exceptions it
    was raised from reach, frame by frame, the one that lists the chunk: a cycle that a
    worker's ``gc.freeze`` would keep in memory for good, chunk after chunk."""
    seen: set[int] = set()
    chain: list[BaseException | None] = [error]
    while chain:
        found = chain.pop()
        if found is not None and id(found) not in seen:
            seen.add(id(found))
            found.__traceback__ = None
            chain += (found.__cause__, found.__context__)


def error_rows(chunk: Sequence[Judged]) -> list[dict[str, Any]]:
    """One row per problem of the chunk's inputs that gave no plan."""
    return [
        row
        for j in chunk
        if isinstance(j.outcome, Result)
        for row in _error_rows(j.outcome, j.where)
    ]


def entry(j: Judged) -> dict[str, Any]:
    """One patient's rows: ``options`` (one per option), ``errors`` (one per problem), and
    ``next``, the ``Placement`` of the treatment given next."""
    o = j.outcome
    if isinstance(o, Result):
        return {
            "index": o.index,
            "patient_id": o.patient_id,
            "planned": False,
            "next": None,
            "options": [],
            "errors": _error_rows(o, j.where),
        }
    return {
        "index": o.index,
        "patient_id": o.patient_id,
        "planned": True,
        "next": j.next,
        "options": _option_rows(o, j.next),
        "errors": [],
    }


def plan_records(records: Sequence[Record], settings: Settings) -> list[dict[str, Any]]:
    """The entries of a chunk of records, in order."""
    return [entry(j) for j in judged(records, settings)]


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
    with fewer_collections():
        return plan_records(records_of(profiles, start), settings)


def records_of(profiles: Iterable[str | Mapping[str, Any]], start: int = 0) -> list[Record]:
    """A partition's inputs (JSON lines or mappings) as records numbered from ``start``; blank
    lines are skipped, as in a JSON Lines file."""
    records = []
    for offset, item in enumerate(p for p in profiles if is_input(p)):
        where = f"item {start + offset}"
        if isinstance(item, str):
            records.append(text_record(start + offset, where, item, "the item"))
        else:
            records.append(Record(index=start + offset, where=where, source=item))
    return records
