"""Cohorts on Dask: the same pure function as a local run, over the partitions of a bag.

Needs the ``resistx[dask]`` extra (``dask[bag]`` and ``distributed``); nothing here is imported
by ``import resistx``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import resistx
from resistx.cohort._readers import Record, gzipped, line_records
from resistx.cohort._result import checked_settings
from resistx.cohort._rows import Settings, fewer_collections, is_input, plan_records, records_of

#: bytes of JSON Lines per partition when a bag is read from a path (about 6,000 profiles); 1 MiB
#: ran slower on a LocalCluster (798 against 1,055 profiles/s) and its workers were no smaller
BLOCKSIZE = 4 * 2**20


def _bag_module() -> Any:
    try:
        import dask.bag  # noqa: PLC0415 - the dask extra
    except ImportError:
        raise resistx.MissingExtraError("cohorts on Dask need dask", "dask") from None
    return dask.bag


def _length(partition: list[Any]) -> int:
    return sum(1 for p in partition if is_input(p[0] if isinstance(p, tuple) else p))


def _file_lines(partition: list[tuple[str, str]]) -> tuple[str, int]:
    """The file a partition of (line, path) items comes from, and how many lines it holds."""
    return (partition[0][1] if partition else "", len(partition))


def _first_lines(counts: list[tuple[str, int]]) -> list[int]:
    """The number, in its file, of each partition's first line (partitions in file order)."""
    firsts, seen = [], dict[str, int]()
    for path, n in counts:
        firsts.append(seen.get(path, 0) + 1)
        seen[path] = seen.get(path, 0) + n
    return firsts


def _records(partition: list[Any], start: int, first_line: int | None) -> list[Record]:
    """A partition's records: a file's lines placed at their line (``first_line`` given), or a
    bag's items at 'item N'."""
    if first_line is None:
        return records_of(partition, start)
    return line_records(partition, start, first_line)


def _planned(
    partition: list[Any],
    start: int,
    first_line: int | None,
    policy: str | None,
    preferences: resistx.Preferences,
) -> list[dict[str, Any]]:
    settings = Settings(policy=policy, preferences=preferences)
    with fewer_collections():
        return plan_records(_records(partition, start, first_line), settings)


def dask_bag(
    path_or_bag: str | Path | Any,
    *,
    policy: str | None = None,
    preferences: resistx.Preferences | Mapping[str, Any] | None = None,
    blocksize: int = BLOCKSIZE,
) -> Any:
    """A Dask bag of one entry per patient, in input order, as ``resistx cohort`` plans them:
    each entry is a dict with ``index``, ``patient_id``, ``planned``, ``options`` (the output
    rows), ``errors`` (the error rows) and ``next`` (the concordance placement or None).

    ``path_or_bag`` is a JSON Lines path or glob (read with ``dask.bag.read_text``; a gzipped
    file, ``.jsonl.gz``, is one partition), or a bag
    of profiles (JSON text or mappings). ``index`` counts inputs across partitions, as a local
    run does: each partition's first index is the sum of the lengths before it."""
    parts, starts, firsts, prefs = _numbered(path_or_bag, policy, preferences, blocksize)
    from dask.delayed import delayed  # noqa: PLC0415 - the dask extra

    planned = [
        delayed(_planned)(p, s, f, policy, prefs)
        for p, s, f in zip(parts, starts, firsts, strict=True)
    ]
    return _bag_module().from_delayed(planned)


def _numbered(
    path_or_bag: str | Path | Any,
    policy: str | None,
    preferences: resistx.Preferences | Mapping[str, Any] | None,
    blocksize: int,
) -> tuple[list[Any], list[Any], list[Any], resistx.Preferences]:
    """The partitions of a path's lines (or of a bag), the index each one starts at, the line
    of its file each one starts at (None for a bag's), and the checked preferences."""
    bag_module = _bag_module()
    from dask.delayed import delayed  # noqa: PLC0415 - the dask extra

    prefs = checked_settings(preferences, policy)
    bag: Any = path_or_bag
    if isinstance(path_or_bag, str | Path):
        # a gzipped file cannot be split: one partition per file (9157)
        bag = bag_module.read_text(
            str(path_or_bag),
            blocksize=None if gzipped(path_or_bag) else blocksize,
            include_path=True,
        )
    parts = bag.to_delayed()
    lengths = [delayed(_length)(p) for p in parts]
    starts: list[Any] = [0]
    for n in lengths[:-1]:
        starts.append(delayed(sum)([starts[-1], n]))
    firsts: list[Any] = [None] * len(parts)
    if isinstance(path_or_bag, str | Path):
        found = delayed(_first_lines)([delayed(_file_lines)(p) for p in parts])
        firsts = [found[i] for i in range(len(parts))]
    return parts, starts, firsts, prefs


def _write_part(entries: list[dict[str, Any]], directory: str, number: int) -> int:
    from resistx.cohort._rows import ERROR_COLUMNS, OPTION_COLUMNS  # noqa: PLC0415
    from resistx.cohort._writers import open_writer  # noqa: PLC0415

    written = 0
    for name, key, columns in (
        (f"part-{number:05d}.parquet", "options", OPTION_COLUMNS),
        (f"part-{number:05d}.errors.jsonl", "errors", ERROR_COLUMNS),
    ):
        writer = open_writer(Path(directory) / name, columns)
        writer.write([row for e in entries for row in e[key]])
        writer.close()
        written += writer.rows if key == "options" else 0
    return written


def write_partitions(
    bag_or_path: Any,
    directory: str | Path,
    *,
    policy: str | None = None,
    preferences: resistx.Preferences | Mapping[str, Any] | None = None,
    blocksize: int = BLOCKSIZE,
) -> int:
    """Write a cohort's rows where each partition is planned: ``part-NNNNN.parquet`` (one row
    per option) and ``part-NNNNN.errors.jsonl`` per partition, in order, into ``directory``
    (made if missing; on a cluster, a path every worker can write). Returns the number of
    option rows.

    ``bag_or_path`` is a ``dask_bag`` (its entries are written as they are), or a JSON Lines
    path or glob: then each partition is planned and written in one task, its option rows
    going straight into columns, never through the entries' dicts (faster, and a worker holds
    less); ``policy``, ``preferences`` and ``blocksize`` are ``dask_bag``'s, for a path only."""
    _bag_module()
    from dask.delayed import delayed  # noqa: PLC0415

    Path(directory).mkdir(parents=True, exist_ok=True)
    if isinstance(bag_or_path, str | Path):
        parts, starts, firsts, prefs = _numbered(bag_or_path, policy, preferences, blocksize)
        tasks = [
            delayed(_plan_and_write)(p, (s, f), policy, prefs, str(directory), i)
            for i, (p, s, f) in enumerate(zip(parts, starts, firsts, strict=True))
        ]
    else:
        if policy is not None or preferences is not None or blocksize != BLOCKSIZE:
            msg = (
                "policy, preferences and blocksize are dask_bag's: give them where the bag is made"
            )
            raise TypeError(msg)
        tasks = [
            delayed(_write_part)(p, str(directory), i)
            for i, p in enumerate(bag_or_path.to_delayed())
        ]
    rows: int = delayed(sum)(tasks).compute()
    return rows


def _plan_and_write(  # noqa: PLR0917 - one task, its arguments in order
    partition: list[Any],
    start: tuple[int, int],
    policy: str | None,
    preferences: resistx.Preferences,
    directory: str,
    number: int,
) -> int:
    """Plan one partition and write its files, a chunk at a time (the cohort command's path);
    ``start``: its first index, and its first line in its file."""
    from resistx.cohort._columns import option_columns  # noqa: PLC0415
    from resistx.cohort._rows import (  # noqa: PLC0415
        CHUNK,
        ERROR_COLUMNS,
        OPTION_COLUMNS,
        error_rows,
        judged,
    )
    from resistx.cohort._writers import arrow_table, open_writer  # noqa: PLC0415

    settings = Settings(policy=policy, preferences=preferences)
    records = line_records(partition, *start)
    made_by = settings.made_by()
    options = open_writer(Path(directory) / f"part-{number:05d}.parquet", OPTION_COLUMNS, made_by)
    errors = open_writer(Path(directory) / f"part-{number:05d}.errors.jsonl", ERROR_COLUMNS)
    complete = False  # a part left by a failed task says so (9164)
    try:
        with fewer_collections():  # the worker's thresholds come back after its last task
            for at in range(0, len(records), CHUNK):
                chunk = judged(records[at : at + CHUNK], settings)
                columns, count = option_columns(chunk)
                options.write_prepared(arrow_table(columns, OPTION_COLUMNS), count)
                errors.write(error_rows(chunk))
        complete = True
    finally:
        options.close(complete)
        errors.close(complete)
    return options.rows
