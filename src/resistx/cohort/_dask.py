"""Cohorts on Dask: the same pure function as a local run, over the partitions of a bag.

Needs the ``resistx[dask]`` extra (``dask[bag]`` and ``distributed``); nothing here is imported
by ``import resistx``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import resistx
from resistx.cohort._result import checked_settings
from resistx.cohort._rows import is_input, rows_for

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
    return sum(1 for p in partition if is_input(p))


def _planned(
    partition: list[Any], start: int, policy: str | None, preferences: resistx.Preferences | None
) -> list[dict[str, Any]]:
    return rows_for(partition, start, policy=policy, preferences=preferences)


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

    ``path_or_bag`` is a JSON Lines path or glob (read with ``dask.bag.read_text``), or a bag
    of profiles (JSON text or mappings). ``index`` counts inputs across partitions, as a local
    run does: each partition's first index is the sum of the lengths before it."""
    parts, starts, prefs = _numbered(path_or_bag, policy, preferences, blocksize)
    from dask.delayed import delayed  # noqa: PLC0415 - the dask extra

    planned = [delayed(_planned)(p, s, policy, prefs) for p, s in zip(parts, starts, strict=True)]
    return _bag_module().from_delayed(planned)


def _numbered(
    path_or_bag: str | Path | Any,
    policy: str | None,
    preferences: resistx.Preferences | Mapping[str, Any] | None,
    blocksize: int,
) -> tuple[list[Any], list[Any], resistx.Preferences]:
    """The partitions of a path's lines (or of a bag), the index each one starts at, and the
    checked preferences."""
    bag_module = _bag_module()
    from dask.delayed import delayed  # noqa: PLC0415 - the dask extra

    prefs = checked_settings(preferences, policy)
    bag: Any = path_or_bag
    if isinstance(path_or_bag, str | Path):
        bag = bag_module.read_text(str(path_or_bag), blocksize=blocksize)
    parts = bag.to_delayed()
    lengths = [delayed(_length)(p) for p in parts]
    starts: list[Any] = [0]
    for n in lengths[:-1]:
        starts.append(delayed(sum)([starts[-1], n]))
    return parts, starts, prefs


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
        parts, starts, prefs = _numbered(bag_or_path, policy, preferences, blocksize)
        tasks = [
            delayed(_plan_and_write)(p, s, policy, prefs, str(directory), i)
            for i, (p, s) in enumerate(zip(parts, starts, strict=True))
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
    start: int,
    policy: str | None,
    preferences: resistx.Preferences,
    directory: str,
    number: int,
) -> int:
    """Plan one partition and write its files, a chunk at a time (the cohort command's path)."""
    from resistx.cohort._columns import option_columns  # noqa: PLC0415
    from resistx.cohort._rows import (  # noqa: PLC0415
        CHUNK,
        ERROR_COLUMNS,
        OPTION_COLUMNS,
        Settings,
        error_rows,
        fewer_collections,
        judged,
        records_of,
    )
    from resistx.cohort._writers import arrow_table, open_writer  # noqa: PLC0415

    settings = Settings(policy=policy, preferences=preferences)
    records = records_of(partition, start)
    made_by = settings.made_by()
    options = open_writer(Path(directory) / f"part-{number:05d}.parquet", OPTION_COLUMNS, made_by)
    errors = open_writer(Path(directory) / f"part-{number:05d}.errors.jsonl", ERROR_COLUMNS)
    try:
        with fewer_collections():  # the worker's thresholds come back after its last task
            for at in range(0, len(records), CHUNK):
                chunk = judged(records[at : at + CHUNK], settings)
                columns, count = option_columns(chunk)
                options.write_prepared(arrow_table(columns, OPTION_COLUMNS), count)
                errors.write(error_rows(chunk))
    finally:
        options.close()
        errors.close()
    return options.rows
