"""Cohort output: JSON Lines or Parquet by the file's suffix, written as it comes.

Each ``write`` takes the complete rows of whole patients, and ``close`` leaves a readable
file: a Parquet file gets its row groups and footer, a JSON Lines file whole lines only.
"""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path
from typing import IO, Any, Protocol

import resistx

#: rows buffered before a Parquet row group is written: bounded memory, and row groups large
#: enough to read fast
ROW_GROUP_ROWS = 65_536
PARQUET_SUFFIXES = (".parquet", ".pq")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class RowWriter(Protocol):
    rows: int

    def write(self, rows: list[dict[str, Any]]) -> None: ...

    def write_prepared(self, prepared: Any, count: int) -> None:
        """Rows already made into what the file holds (``prepare``: in a worker process)."""

    def close(self, complete: bool = True) -> None:
        """``complete``: whether every input was read and planned (not a run stopped early);
        a Parquet file with ``made_by`` says so in its metadata (9164)."""


def kind_of(path: Path) -> str:
    """``parquet`` or ``jsonl``: what a path's suffix asks for (``check_suffix`` checked it)."""
    return "parquet" if path.suffix.lower() in PARQUET_SUFFIXES else "jsonl"


def prepare(kind: str, rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...]) -> Any:
    """Rows as the file of ``kind`` holds them: an Arrow table, or JSON Lines text. A worker
    process prepares its own rows, so the process that writes the file only writes."""
    if kind == "parquet":
        names = [name for name, _kind in columns]
        return arrow_table({name: [r[name] for r in rows] for name in names}, columns)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def arrow_table(data: dict[str, list[Any]], columns: tuple[tuple[str, str], ...]) -> Any:
    """Rows given column by column as the Arrow table a Parquet file of ``columns`` holds."""
    import pyarrow as pa  # noqa: PLC0415 - the cohort extra, only for Parquet

    return pa.Table.from_pydict(data, schema=_arrow_schema(columns))


class JsonLinesWriter:
    def __init__(self, path: Path) -> None:
        self.rows = 0
        self._file: IO[str] = path.open("w", encoding="utf-8")

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.write_prepared(prepare("jsonl", rows, ()), len(rows))

    def write_prepared(self, prepared: Any, count: int) -> None:
        self._file.write(prepared)
        self._file.flush()
        self.rows += count

    def close(self, complete: bool = True) -> None:  # a JSON Lines file has no place for it
        self._file.close()


def parquet(what: str) -> Any:
    """``pyarrow.parquet``, or a ``MissingExtraError`` saying that ``what`` needs the cohort
    extra: the one check of every Parquet input and output."""
    try:
        import pyarrow.parquet as pq  # noqa: PLC0415 - the cohort extra, only for Parquet
    except ImportError:
        raise resistx.MissingExtraError(f"{what} needs pyarrow", "cohort") from None
    return pq


@functools.cache
def _arrow_schema(columns: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa  # noqa: PLC0415 - the cohort extra, only for Parquet

    kinds = {
        "int": pa.int64(),
        "str": pa.string(),
        "float": pa.float64(),
        "ints": pa.list_(pa.int64()),
        "strs": pa.list_(pa.string()),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in columns])


class ParquetWriter:
    """Rows become Arrow columns as they come (compact), and a row group once enough are in."""

    def __init__(
        self, path: Path, columns: tuple[tuple[str, str], ...], made_by: dict[str, Any] | None
    ) -> None:
        pq = parquet("writing Parquet")
        self.rows = 0
        self._columns = columns
        self._schema = _arrow_schema(columns)
        self._made_by = made_by
        if made_by is not None:  # the rows' tables have none: their columns are what is checked
            self._schema = _with_made_by(self._schema, made_by, complete=False)
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._writer = pq.ParquetWriter(path, self._schema)

    def write(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.write_prepared(prepare("parquet", rows, self._columns), len(rows))

    def write_prepared(self, prepared: Any, count: int) -> None:
        if not count:
            return
        self._pending.append(prepared)
        self._pending_rows += count
        self.rows += count
        if self._pending_rows >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa  # noqa: PLC0415

        if self._pending:
            self._writer.write_table(pa.concat_tables(self._pending))
            self._pending, self._pending_rows = [], 0

    def close(self, complete: bool = True) -> None:
        self._flush()
        if self._made_by is not None and complete:
            # the file said 'not complete' from its start; now it is. Arrow readers take a
            # Parquet file's schema, its metadata too, from the key ARROW:schema (the schema
            # in Arrow's IPC form, base64): both keys are written again, as one
            schema = _with_made_by(self._schema, self._made_by, complete=True)
            self._writer.add_key_value_metadata(
                {
                    "ARROW:schema": base64.b64encode(schema.serialize().to_pybytes()).decode(),
                    "resistx": schema.metadata[b"resistx"].decode(),
                }
            )
        self._writer.close()


def _with_made_by(schema: Any, made_by: dict[str, Any], *, complete: bool) -> Any:
    return schema.with_metadata({"resistx": json.dumps({**made_by, "complete": complete})})


def check_suffix(path: Path, option: str) -> None:
    """A usage error before any work when the output's suffix names no format written."""
    if path.suffix.lower() not in (*PARQUET_SUFFIXES, *JSONL_SUFFIXES):
        msg = f"{option}: cannot write {path.name}: name it .parquet or .jsonl"
        raise resistx.ResistxError(msg)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        parquet(f"{option}: writing Parquet")


def open_writer(
    path: Path, columns: tuple[tuple[str, str], ...], made_by: dict[str, Any] | None = None
) -> RowWriter:
    """``made_by``: what made the rows (``Settings.made_by``), in a Parquet file's metadata
    under ``resistx``; a JSON Lines file has no place for it."""
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return ParquetWriter(path, columns, made_by)
    return JsonLinesWriter(path)
