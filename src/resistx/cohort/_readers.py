"""Cohort input: one reader per format, in a registry a new format joins with one entry.

A reader turns a path into ``Record``s in input order, lazily: nothing holds the cohort.
A record is one profile's JSON text, data or file, a document a converter reads (``convert``),
or the problem that kept it from being one.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import io
import itertools
import math
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

import resistx
from resistx._serde import _names
from resistx._suggest import closest
from resistx.cohort._writers import parquet
from resistx.io.profile import ProfileSource


@attrs.frozen(kw_only=True)
class Record:
    """One input of a cohort: its position, where it came from (``file:line``), the profile
    (JSON text, data or a file), and the next treatment when a column beside it states it."""

    index: int
    where: str
    source: ProfileSource | None = None
    #: what kept the input from being a profile (not UTF-8, not a JSON object, an empty cell, a
    #: document a converter refused): every ``(json_path, message)``
    problems: tuple[tuple[str, str], ...] = ()
    next_treatment: tuple[str, ...] | None = None
    #: the ``resistx.interop`` converter (``from_phenopacket``, ``from_fhir``) that reads
    #: ``source``, a document's file, into a profile where the record is planned: under
    #: ``--jobs`` the conversions run in the worker processes
    convert: str | None = None


@attrs.frozen(kw_only=True)
class InputFormat:
    """A cohort input format: ``matches`` picks it for a path, ``read`` yields the records and
    ``count`` says how many there will be (for the progress bar's estimate).

    A format is one reading function: for each input, a ``Record`` with its position, where it
    is, and the profile (JSON text, a mapping, a ``Profile`` or a file; or a document's file and
    the ``resistx.interop`` converter that reads it), or the problems that kept it from being
    one."""

    name: str
    matches: Callable[[Path], bool]
    read: Callable[[Path], Iterator[Record]]
    count: Callable[[Path], int]
    #: the input in chunks of at most a given number of inputs, each a list of records or a
    #: ``Lines`` that the planning process makes into its records; by default ``read``'s
    #: records, chunked
    chunks: Callable[[Path, int], Iterator[Chunk]] | None = None
    #: raises ``ResistxError`` where the input as a whole cannot be read as asked, before any
    #: row is planned or any output opened (case 4936: columns that would go unread)
    check: Callable[[Path], None] = lambda _path: None

    def chunked(self, path: Path, size: int) -> Iterator[Chunk]:
        if self.chunks is not None:
            return self.chunks(path, size)
        return _chunked(self.read(path), size)


def _chunked(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


FORMATS: list[InputFormat] = []


def register(fmt: InputFormat) -> None:
    """Add an input format; one registered later is tried first (more specific suffixes,
    such as a Phenopacket reader's, win over plain JSON)."""
    FORMATS.insert(0, fmt)


def format_of(path: Path) -> InputFormat:
    for fmt in FORMATS:
        if fmt.matches(path):
            return fmt
    known = ", ".join(f.name for f in reversed(FORMATS))
    msg = f"cannot read {path} as a cohort: not a format resistx reads ({known})"
    raise resistx.ResistxError(msg)


# -- JSON Lines ---------------------------------------------------------------------------------


def text_record(
    index: int, where: str, text: str, what: str, next_treatment: tuple[str, ...] | None = None
) -> Record:
    """A record of one profile's JSON text, or the problem that it is no JSON object: a text
    of a cohort is never a file's path (``load_profile`` alone would read the file). Read past
    a byte-order mark however the text came (6970: ``rows_for``'s first line)."""
    text = text.removeprefix("\ufeff")
    if not text.lstrip().startswith("{"):
        problem = (("$", f"{what} is not a JSON object"),)
        return Record(index=index, where=where, problems=problem, next_treatment=next_treatment)
    return Record(index=index, where=where, source=text, next_treatment=next_treatment)


def _jsonl_record(index: int, raw: bytes, where: str) -> Record:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Record(index=index, where=where, problems=(("$", "the line is not UTF-8 text"),))
    return _line_record(index, text, where)


def _line_record(index: int, text: str, where: str) -> Record:
    # without its line end (case 3304: a truncated line's error was placed on 'line 2'),
    # and past a byte-order mark (3305: Excel's and Windows' exports begin with one)
    return text_record(index, where, text.rstrip("\r\n"), "the line")


def line_records(items: Iterable[tuple[str, str]], start: int, first_line: int) -> list[Record]:
    """Records of a JSON Lines file's (line, path) items, as ``dask.bag.read_text`` with
    ``include_path`` gives them, the first at ``first_line`` of its file and the first input
    numbered ``start``: placed and read as the local run's ``Lines`` (case 5750: on Dask a
    first line after a byte-order mark was no JSON object, and errors were placed at
    'item N')."""
    out: list[Record] = []
    for number, (text, path) in enumerate(items, first_line):
        if text.removeprefix("\ufeff").strip():
            out.append(_line_record(start + len(out), text, f"{Path(path).name}:{number}"))
    return out


@attrs.frozen
class Lines:
    """Lines of a JSON Lines file as read, the first of them at ``first_line`` and the first
    input among them numbered ``first_index``: the process that reads the file only reads, and
    the worker process that plans the lines makes them into records (a record's decoding and
    pickling cost the reading process, on the cores the workers need, a third of its time)."""

    name: str
    first_index: int
    first_line: int
    lines: list[bytes]

    def records(self) -> list[Record]:
        """One profile per non-blank line; a blank line is no input and takes no index."""
        out = []
        index = self.first_index
        for number, raw in enumerate(self.lines, self.first_line):
            if not _blank(raw):
                out.append(_jsonl_record(index, raw, f"{self.name}:{number}"))
                index += 1
        return out


#: what a planning process takes: records, or the raw lines it makes into records
Chunk = Sequence[Record] | Lines


def records_in(chunk: Chunk) -> Sequence[Record]:
    return chunk.records() if isinstance(chunk, Lines) else chunk


def jsonl_lines(path: Path, size: int) -> Iterator[Lines]:
    """The file in chunks of ``size`` lines."""
    index, number = 0, 1
    with _opened(path) as f:
        while lines := _read_lines(f, size, path):
            yield Lines(path.name, index, number, lines)
            index += sum(not _blank(raw) for raw in lines)
            number += len(lines)


def gzipped(path: Path | str) -> bool:
    """A gzipped file by its name (read whole, never split: ``dask_bag`` too)."""
    return str(path).lower().endswith(".gz")


def _opened(path: Path) -> gzip.GzipFile | io.BufferedReader:
    """The file's bytes: a gzipped file's as it holds them (9157: '.jsonl.gz' exports)."""
    return gzip.open(path, "rb") if gzipped(path) else path.open("rb")


def _read_lines(f: Iterable[bytes], size: int, path: Path) -> list[bytes]:
    """Up to ``size`` lines; a damaged gzip stream is the input's problem, named with its file
    (not a failure to write the output, as an ``OSError`` would read)."""
    try:
        return list(itertools.islice(f, size))
    except (OSError, EOFError, zlib.error) as e:
        msg = f"cannot read {path}: {e}"
        raise resistx.ResistxError(msg) from None


def read_jsonl(path: Path) -> Iterator[Record]:
    """One profile per non-blank line; a blank line is no input and takes no index."""
    for chunk in jsonl_lines(path, 1024):
        yield from chunk.records()


def count_jsonl(path: Path) -> int:
    count = 0
    with _opened(path) as f:
        while lines := _read_lines(f, 65_536, path):
            count += sum(not _blank(raw) for raw in lines)
    return count


def check_jsonl(path: Path) -> None:
    """A gzipped file is read through once before any row is planned or output opened: a
    damaged stream shows only where it breaks, and the rows before it would be planned from
    what the damage made of them (9482: a flipped byte gave 283 error rows of garbage and a
    readable Parquet file of 229 patients, then the error)."""
    if gzipped(path):
        stat = path.stat()
        _gzip_read_through(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)  # the command checks its input, then the run does again
def _gzip_read_through(path: Path, _size: int, _mtime: int) -> None:
    with path.open("rb") as f:
        if f.read(2) != b"\x1f\x8b":
            msg = f"cannot read {path}: not a gzip file"
            raise resistx.ResistxError(msg)
    with _opened(path) as f:
        while _read_lines(f, 65_536, path):
            pass


def _blank(raw: bytes) -> bool:
    """A line that is no input: white space, after a byte-order mark too (9154: a mark alone
    on the first line was counted as a patient)."""
    return not raw.removeprefix(b"\xef\xbb\xbf").strip()


# -- a directory of JSON files --------------------------------------------------------------------


def json_files(path: Path) -> list[Path]:
    """A directory's own JSON files, their suffix in any case (case 6310: 'P0001.JSON' was
    left out), in file-name order; not hidden ones (7496: macOS's '._P0001.json' became an
    error row, and '.hidden.json' moved every index by one)."""
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and p.suffix.lower() == ".json" and not p.name.startswith(".")
    )


def not_read(path: Path) -> list[str]:
    """What a directory holds that no reader of it reads (its subdirectories, named with a
    '/', first: the likeliest to hold profiles, 9484; then files other than JSON; not hidden
    ones): said, not skipped in silence (6310)."""
    return sorted(
        (
            f"{p.name}/" if p.is_dir() else p.name
            for p in path.iterdir()
            if not p.name.startswith(".") and not (p.is_file() and p.suffix.lower() == ".json")
        ),
        key=lambda name: (not name.endswith("/"), name),
    )


#: the documents of a directory other than profiles, by suffix (``_standard`` reads them)
DOCUMENTS = {".phenopacket.json": "Phenopacket", ".fhir.json": "mCODE FHIR bundle"}


def check_directory(path: Path) -> None:
    """A directory is one format: profiles, Phenopackets or FHIR bundles (case 6317: a
    Phenopacket among profiles was read as a profile, '$.id: unknown key')."""
    kinds = [
        next((k for s, k in DOCUMENTS.items() if p.name.lower().endswith(s)), "profile")
        for p in json_files(path)
    ]
    held = {k: kinds.count(k) for k in dict.fromkeys(sorted(kinds, reverse=True))}
    if len(held) > 1:
        counts = " and ".join(f"{n:,} {k}{'s' if n != 1 else ''}" for k, n in held.items())
        msg = (
            f"cannot read {path} as a cohort: it holds {counts}; a directory is one format: "
            "profiles (*.json), Phenopackets (*.phenopacket.json) or mCODE FHIR bundles "
            "(*.fhir.json): put each in a directory of its own"
        )
        raise resistx.ResistxError(msg)


def read_directory(path: Path) -> Iterator[Record]:
    """One profile per JSON file (``json_files``), in file-name order."""
    for index, file in enumerate(json_files(path)):
        yield Record(index=index, where=file.name, source=file)


# -- Parquet ------------------------------------------------------------------------------------

#: a Parquet column of this name holds one profile's JSON text per row
PROFILE_COLUMN = "profile"
NEXT_COLUMN = "next_treatment"
_BATCH_ROWS = 4096


def parquet_file(path: Path) -> Any:
    """The Parquet file at ``path``, or bad input naming it (9150: an empty, renamed or
    truncated file was an internal error)."""
    pq = parquet("reading Parquet")
    try:
        return pq.ParquetFile(path)
    except (ValueError, OSError) as e:  # pyarrow's ArrowInvalid is a ValueError
        msg = f"cannot read {path}: not a Parquet file ({e})"
        raise resistx.ResistxError(msg) from None


def _tidy(value: Any) -> Any:
    """A tidy cell as profile data: a null is a value not given, a date its ISO text (a
    timestamp at midnight too; one with a time of day is refused as the text it is)."""
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, dt.datetime) and value.time() == dt.time() and value.tzinfo is None:
        return value.date().isoformat()  # a date column as pandas writes it (case 5750)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _next_cell(value: Any) -> tuple[str, ...] | None:
    """The next-treatment column: a list of drug names, or one text of names joined by ``+``."""
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split("+"))
    return tuple(str(v) for v in value)


def _json_row(index: int, where: str, row: dict[str, Any]) -> Record:
    text = row[PROFILE_COLUMN]
    nxt = _next_cell(row.get(NEXT_COLUMN))
    if nxt == ():  # not the profile's own in its place (case 4940)
        problem = f"the {NEXT_COLUMN!r} cell is an empty list: give the drugs, or leave it null"
        problems = ((f"$.{NEXT_COLUMN}", problem),)
        source = text if isinstance(text, str) else None  # its patient id for the error row
        return Record(index=index, where=where, source=source, problems=problems)
    if isinstance(text, bytes):  # a binary column, as Hive and Impala write one (6993b)
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            problem = f"the {PROFILE_COLUMN!r} cell is binary that is not UTF-8 text"
            return Record(index=index, where=where, problems=(("$", problem),), next_treatment=nxt)
    if not isinstance(text, str):
        problem = f"the {PROFILE_COLUMN!r} cell is empty" if text is None else "not JSON text"
        return Record(index=index, where=where, problems=(("$", problem),), next_treatment=nxt)
    return text_record(index, where, text, f"the {PROFILE_COLUMN!r} cell", nxt)


def read_parquet(path: Path) -> Iterator[Record]:
    """One profile per row: JSON text in a ``profile`` column (with, optionally, a
    ``next_treatment`` column beside it), or else the profile's fields as tidy columns."""
    pf = parquet_file(path)
    json_text = _json_layout(pf, path)
    if not json_text:
        _tidy_layout(pf, path)
    narrow = _narrow_floats(pf.schema_arrow)
    index = 0
    for batch in _batches(pf, path):
        for row in batch.to_pylist():
            where = f"{path.name} row {index + 1}"  # from 1, as a file's lines (7494)
            if json_text:
                yield _json_row(index, where, row)
            else:
                yield Record(index=index, where=where, source=_tidy(narrow(row)))
            index += 1


def _batches(pf: Any, path: Path) -> Iterator[Any]:
    """The file's row batches; data that cannot be read is the input's problem, named (9304:
    corrupt data pages were 'cannot write the output')."""
    try:
        yield from pf.iter_batches(batch_size=_BATCH_ROWS)
    except (ValueError, OSError) as e:  # pyarrow's ArrowInvalid and ArrowIOError
        msg = f"cannot read {path}: {e}"
        raise resistx.ResistxError(msg) from None


def _narrow_floats(schema: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A row's float32 and float16 cells as the decimals they were written from: 0.01 in a
    float32 column reads back as 0.0099999998, under the 1% tumour-fraction threshold, where
    the same patient in JSON is at it (case 5534: every row of the plan differed). The
    shortest decimal that narrows to the same value is the one written; float64 cells are
    left as they are. Rows of a schema with no narrow float pass unchanged."""
    import pyarrow as pa  # noqa: PLC0415 - the cohort extra, as reading Parquet needs

    @functools.cache  # asked of each cell's type on every row: the schema's few types, once
    def narrow(typ: Any) -> bool:
        if pa.types.is_float32(typ) or pa.types.is_float16(typ):
            return True
        if pa.types.is_struct(typ):
            return any(narrow(f.type) for f in typ)
        if pa.types.is_list(typ) or pa.types.is_large_list(typ):
            return bool(narrow(typ.value_type))
        return False

    def convert(value: Any, typ: Any) -> Any:
        if value is None or not narrow(typ):
            return value
        if pa.types.is_struct(typ):
            return {f.name: convert(value.get(f.name), f.type) for f in typ}
        if pa.types.is_list(typ) or pa.types.is_large_list(typ):
            return [convert(v, typ.value_type) for v in value]
        return _shortest_single(value, "e" if pa.types.is_float16(typ) else "f")

    fields = [(f.name, f.type) for f in schema if narrow(f.type)]
    if not fields:
        return lambda row: row
    return lambda row: row | {name: convert(row.get(name), typ) for name, typ in fields}


def _shortest_single(value: float, code: str) -> float:
    """The shortest decimal that packs (``struct`` code 'f' or 'e') to the same bits."""
    if not math.isfinite(value):
        return value
    packed = struct.pack(code, value)
    for digits in range(1, 10):
        decimal = float(f"{value:.{digits}g}")
        if struct.pack(code, decimal) == packed:
            return decimal
    return value


def _json_layout(pf: Any, path: Path) -> bool:
    """Whether the rows are JSON text in a ``profile`` column; refused where other columns
    stand beside it, which would go unread (case 4936: 'patient_id' and 'as_of' there were
    ignored, every id null and the plan's date unread)."""
    names = pf.schema_arrow.names
    if PROFILE_COLUMN not in names:
        return False
    others = [n for n in names if n not in (PROFILE_COLUMN, NEXT_COLUMN)]
    if others:
        msg = (
            f"cannot read {path}: beside its {PROFILE_COLUMN!r} column (a profile's JSON text a "
            f"row) resistx reads only {NEXT_COLUMN!r}, and {', '.join(map(repr, others))} would "
            "go unread: put them in each profile's JSON, or give the profile's fields as "
            "columns without a 'profile' column"
        )
        raise resistx.ResistxError(msg)
    return True


def _tidy_layout(pf: Any, path: Path) -> None:
    """Fields as columns: each column must be a profile's field, refused once here where every
    row would give the same 'unknown key' error (case 5750: a registry's 'site_code' made one
    error row per patient)."""
    fields = _names(resistx.Profile)  # the profile's keys, as its check reads them
    unknown = [n for n in pf.schema_arrow.names if n not in fields]
    if not unknown:
        return
    named = [
        f"{n!r}" + (f" (did you mean {' or '.join(map(repr, hits))}?)" if hits else "")
        for n in unknown
        for hits in [closest(n, fields)]
    ]
    index = [n for n in unknown if n.startswith("__index_level_")]  # pandas' (6981)
    msg = (
        f"cannot read {path}: {', '.join(named)} {'is' if len(named) == 1 else 'are'} no field of "
        f"a profile (its fields as columns: {', '.join(fields)}); drop or rename "
        f"{'it' if len(named) == 1 else 'them'}, or give each profile as JSON text in a "
        f"{PROFILE_COLUMN!r} column"
        + (
            f" ({index[0]!r} is a data frame's index that pandas wrote: write the file with "
            "to_parquet(..., index=False))"
            if index
            else ""
        )
    )
    raise resistx.ResistxError(msg)


def check_parquet(path: Path) -> None:
    pf = parquet_file(path)
    if not _json_layout(pf, path):
        _tidy_layout(pf, path)


def count_parquet(path: Path) -> int:
    return int(parquet_file(path).metadata.num_rows)


def _suffix_is(*suffixes: str) -> Callable[[Path], bool]:
    """A file whose name ends in one of ``suffixes`` ('.jsonl.gz' too)."""
    return lambda path: path.is_file() and path.name.lower().endswith(suffixes)


register(
    InputFormat(
        name="a directory of JSON files",
        matches=Path.is_dir,
        read=read_directory,
        count=lambda p: len(json_files(p)),
        check=check_directory,
    )
)
register(
    InputFormat(
        name="JSON Lines (.jsonl, .ndjson, gzipped too: .jsonl.gz)",
        matches=_suffix_is(".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"),
        read=read_jsonl,
        count=count_jsonl,
        chunks=jsonl_lines,
        check=check_jsonl,
    )
)
register(
    InputFormat(
        name="Parquet (.parquet)",
        matches=_suffix_is(".parquet", ".pq"),
        read=read_parquet,
        count=count_parquet,
        check=check_parquet,
    )
)
