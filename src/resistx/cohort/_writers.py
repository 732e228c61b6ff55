"""Cohort output: JSON Lines or Parquet by the file's suffix, written as it comes.

Each ``write`` takes the complete rows of whole patients, and ``close`` leaves a readable
file: a Parquet file gets its row groups and footer, a JSON Lines file whole lines only.
"""

from __future__ import annotations

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

    def close(self) -> None: ...


class JsonLinesWriter:
    def __init__(self, path: Path) -> None:
        self.rows = 0
        self._file: IO[str] = path.open("w", encoding="utf-8")

    def write(self, rows: list[dict[str, Any]]) -> None:
        self._file.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        self._file.flush()
        self.rows += len(rows)

    def close(self) -> None:
        self._file.close()


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

    def __init__(self, path: Path, columns: tuple[tuple[str, str], ...]) -> None:
        try:
            import pyarrow.parquet as pq  # noqa: PLC0415 - the cohort extra
        except ImportError:
            raise resistx.MissingExtraError("writing Parquet needs pyarrow", "cohort") from None
        self.rows = 0
        self._schema = _arrow_schema(columns)
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._writer = pq.ParquetWriter(path, self._schema)

    def write(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa  # noqa: PLC0415

        if not rows:
            return
        columns = {name: [r[name] for r in rows] for name in self._schema.names}
        self._pending.append(pa.Table.from_pydict(columns, schema=self._schema))
        self._pending_rows += len(rows)
        self.rows += len(rows)
        if self._pending_rows >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa  # noqa: PLC0415

        if self._pending:
            self._writer.write_table(pa.concat_tables(self._pending))
            self._pending, self._pending_rows = [], 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


def check_suffix(path: Path, option: str) -> None:
    """A usage error before any work when the output's suffix names no format written."""
    if path.suffix.lower() not in (*PARQUET_SUFFIXES, *JSONL_SUFFIXES):
        msg = f"{option}: cannot write {path.name}: name it .parquet or .jsonl"
        raise resistx.ResistxError(msg)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        try:
            import pyarrow.parquet  # noqa: F401, PLC0415
        except ImportError:
            raise resistx.MissingExtraError(
                f"{option}: writing Parquet needs pyarrow", "cohort"
            ) from None


def open_writer(path: Path, columns: tuple[tuple[str, str], ...]) -> RowWriter:
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return ParquetWriter(path, columns)
    return JsonLinesWriter(path)
