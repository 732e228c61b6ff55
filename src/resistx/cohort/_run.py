"""Running a cohort from a file to files: chunks, worker processes, progress and Ctrl-C."""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import attrs

from resistx.cohort._columns import option_columns
from resistx.cohort._concordance import Summary
from resistx.cohort._readers import Chunk, format_of, records_in
from resistx.cohort._rows import (
    CHUNK,
    COLLECTION_THRESHOLDS,
    ERROR_COLUMNS,
    OPTION_COLUMNS,
    Judged,
    Ranking,
    Settings,
    entry,
    error_rows,
    fewer_collections,
    judged,
)
from resistx.cohort._writers import RowWriter, arrow_table, kind_of, open_writer, prepare

if TYPE_CHECKING:
    from concurrent.futures import Future


@attrs.define
class Outcome:
    """What a run did: patients read, planned and with errors, rows written, interrupted."""

    patients: int = 0
    planned: int = 0
    failed: int = 0
    rows: int = 0
    interrupted: bool = False
    #: a worker process ended abruptly (killed: by the kernel when memory ran out, say), and
    #: the run stopped after the whole chunks before it (9153)
    worker_lost: bool = False
    #: a worker process ended, and its pool's manager thread is left waiting for ever (a
    #: killed worker, or SIGTERM to the run's process group): the process must end without
    #: waiting for it (``shut_down``; 9480)
    end_now: bool = False
    in_input: int | None = None  # the patients of the input, counted where stopped early
    signum: int = int(signal.SIGINT)  # what interrupted it: Ctrl-C's SIGINT, or SIGTERM
    #: documents converted, their elements not mapped and their assumptions (9152)
    reported: tuple[int, int, int] = (0, 0, 0)
    summary: Summary = attrs.field(factory=Summary)
    #: the patient ids of the planned patients met so far, and those met more than once (case
    #: 3307: two rows of one id, one with another profile, were two patients with no word)
    ids: set[str] = attrs.field(factory=set, repr=False)
    repeated: dict[str, None] = attrs.field(factory=dict)


def _quiet_worker() -> None:
    """Ctrl-C is the main process's to handle: it stops at a whole chunk and closes the files."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*COLLECTION_THRESHOLDS)


@attrs.frozen
class Packed:
    """A planned chunk as the writing process takes it: the rows of each file already made
    into what the file holds (``prepare``), and what the run counts."""

    options: Any
    option_rows: int
    errors: Any
    error_rows: int
    #: the chunk's concordance counts (its planned patients and where their next treatment
    #: stood): the writing process adds them up, a few counters per chunk
    summary: Summary
    patients: int
    #: the planned patients' ids, in order (the writing process counts those met twice)
    ids: tuple[str, ...] = ()
    #: documents converted, their elements not mapped and their assumptions (9152)
    reported: tuple[int, int, int] = (0, 0, 0)


def plan_packed(chunk: Chunk, settings: Settings, kinds: tuple[str, str]) -> Packed:
    """The chunk planned (``judged``), its rows prepared for the files of ``kinds`` (options,
    errors), in the process that planned them: a Parquet file's option rows go straight from
    the rankings into columns. Then what the chunk left in the engine's memo is frozen out of
    the garbage collector's walks (``gc.freeze``): the memo is long-lived and acyclic, and
    walking it again after every chunk cost a third of a run's time. Only the command's own
    processes do this; ``rows_for`` (Dask) leaves a worker's collector as it is."""
    packed = _packed(judged(records_in(chunk), settings), kinds)
    gc.freeze()  # the chunk is gone by now: only the memo is frozen
    return packed


def _packed(chunk: list[Judged], kinds: tuple[str, str]) -> Packed:
    if kinds[0] == "parquet":
        columns, option_rows = option_columns(chunk)
        options = arrow_table(columns, OPTION_COLUMNS)
    else:
        rows = [row for e in map(entry, chunk) for row in e["options"]]
        options, option_rows = prepare(kinds[0], rows, OPTION_COLUMNS), len(rows)
    errors = error_rows(chunk)
    summary = Summary()
    reports = []
    for j in chunk:
        if isinstance(j.outcome, Ranking):
            summary.add(j.next)
            if j.outcome.reported is not None:
                reports.append(j.outcome.reported)
    return Packed(
        options=options,
        option_rows=option_rows,
        errors=prepare(kinds[1], errors, ERROR_COLUMNS),
        error_rows=len(errors),
        summary=summary,
        patients=len(chunk),
        ids=tuple(
            j.outcome.patient_id
            for j in chunk
            if isinstance(j.outcome, Ranking) and j.outcome.patient_id is not None
        ),
        reported=(len(reports), sum(u for u, _a in reports), sum(a for _u, a in reports)),
    )


def _in_processes(
    chunks: Iterator[Chunk],
    settings: Settings,
    kinds: tuple[str, str],
    jobs: int,
    result: Outcome,
) -> Iterator[Packed]:
    """Chunks planned by ``jobs`` processes, in input order, with at most two chunks per
    process in flight (the input is read no faster than it is planned); a pool that lost a
    worker and could not be stopped sets the run's ``end_now``."""
    # processes only when asked for: multiprocessing costs ``resistx cohort --help`` 20 ms
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # forkserver (or spawn): a worker starts from a clean interpreter, not a fork of this one
    # with its threads; it imports resistx once and keeps the engine's caches for every chunk
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)
    pending: deque[Future[Packed]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(plan_packed, chunk, settings, kinds))
            if len(pending) >= 2 * jobs:
                yield watched(pending.popleft(), pool)
        while pending:
            yield watched(pending.popleft(), pool)
    finally:  # broken, interrupted (its workers killed by the group's SIGTERM too) or done
        if getattr(pool, "_broken", False) or _lost(pool):  # a worker gone: never wait on it
            result.end_now = not shut_down(pool)
        else:
            pool.shutdown(wait=True, cancel_futures=True)


#: seconds to wait for a broken pool's manager thread to end
STOP_WAIT = 2.0


def shut_down(pool: Any) -> bool:
    """A broken pool shut down: its surviving workers killed (one blocked on the dead one's
    lock never returns), and whether its manager thread has ended."""
    # CPython's attribute, taken before ``shutdown`` lets go of it; none where it is gone
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in _processes(pool):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=STOP_WAIT)
    return manager is None or not manager.is_alive()


#: seconds between checks that every worker process is alive, while a chunk is awaited
WATCH = 1.0


def watched(future: Future[Packed], pool: Any) -> Packed:
    """The chunk's result, or ``BrokenProcessPool`` once a worker process has ended: the pool
    says so itself, but not always (9480: a worker killed at the wrong moment left the run
    waiting for ever, its pool never marked broken)."""
    while True:
        try:
            return future.result(timeout=WATCH)
        except TimeoutError:
            if _lost(pool):
                msg = "a worker process ended abruptly"
                raise BrokenProcessPool(msg) from None


def _lost(pool: Any) -> bool:
    """Some worker process of the pool has ended (they end only with the pool)."""
    return any(p.exitcode is not None for p in _processes(pool))


def _processes(pool: Any) -> list[Any]:
    """The pool's worker processes (``ProcessPoolExecutor`` keeps them by pid; CPython's
    attribute, read defensively: none where it is gone)."""
    found = getattr(pool, "_processes", None) or {}
    return list(found.values())


class _StopFlag:
    """The first Ctrl-C asks the run to stop after the chunk in hand; a second one stops at once.
    Signals within ``SAME_CTRL_C`` seconds of the first are that first one (case 4937: `timeout
    -s INT` signals the run, then its process group, and the second stopped it with nothing
    said). SIGTERM, what schedulers and ``timeout`` send, is taken the same way (9153: it left
    an unreadable Parquet file); ``signum`` is the first signal's."""

    SAME_CTRL_C = 1.0
    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.set = False
        self.signum = int(signal.SIGINT)
        self._previous: list[Any] = []
        self._first = 0.0

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if not self.set:
            self.set, self._first, self.signum = True, time.monotonic(), signum
        elif time.monotonic() - self._first > self.SAME_CTRL_C:
            raise KeyboardInterrupt

    def __enter__(self) -> _StopFlag:
        self._previous = [signal.signal(s, self._handle) for s in self.SIGNALS]
        return self

    def __exit__(self, *_exc: object) -> None:
        for s, previous in zip(self.SIGNALS, self._previous, strict=True):
            signal.signal(s, previous)


def _progress(total: int | None, shown: bool) -> Any:
    if not shown:
        return None
    try:
        from tqdm import tqdm  # noqa: PLC0415 - the cohort extra, only on a terminal
    except ImportError:
        return None
    # a terminal that reports no size (``script`` run without one) draws no bar unless given
    # one: tqdm hides a bar below a screen 0 lines high (session 65)
    sized = _sized()
    return tqdm(
        total=total,
        unit=" patients",
        smoothing=0.1,
        ncols=None if sized else 80,
        nrows=None if sized else 24,
    )


def _sized() -> bool:
    """The terminal of standard error reports its size (not 0 columns)."""
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (OSError, ValueError):
        return False


def run(
    source: Path,
    out: Path,
    errors: Path,
    settings: Settings,
    *,
    jobs: int = 1,
    progress: bool = False,
) -> Outcome:
    """Plan every input of ``source`` into ``out`` (one row per option) and ``errors`` (one row
    per problem), streaming. On Ctrl-C both files end after the last whole chunk."""
    fmt = format_of(source)
    fmt.check(source)
    chunks = fmt.chunked(source, CHUNK)
    kinds = (kind_of(out), kind_of(errors))
    result = Outcome()
    planned = (
        _in_processes(chunks, settings, kinds, jobs, result)
        if jobs > 1
        else (plan_packed(c, settings, kinds) for c in chunks)
    )
    bar = _progress(fmt.count(source) if progress else None, progress)
    made_by = settings.made_by()
    out_writer = open_writer(out, OPTION_COLUMNS, made_by)
    error_writer = open_writer(errors, ERROR_COLUMNS, made_by)
    stop = _StopFlag()
    complete = False  # every input read and planned: the Parquet files say so (9164)
    try:
        with stop, fewer_collections():
            for packed in planned:
                _take(packed, out_writer, error_writer, result)
                if bar is not None:
                    bar.update(packed.patients)
                if stop.set:
                    result.interrupted = True
                    break
            else:
                complete = True
    except KeyboardInterrupt:  # a second Ctrl-C: at once, the whole chunks written so far kept
        result.interrupted = True
    except BrokenProcessPool:
        # a Ctrl-C to the process group that reached the workers as they started (7492): an
        # interrupt like any; else a worker was killed (9153). Either way the whole chunks
        # written so far are kept, and the files closed
        if stop.set:
            result.interrupted = True
        else:
            result.worker_lost = True
    finally:
        if bar is not None:
            bar.close()
        out_writer.close(complete)
        error_writer.close(complete)
        close = getattr(planned, "close", None)
        if close is not None:
            close()
    result.rows = out_writer.rows
    if result.interrupted or result.worker_lost:
        result.in_input = fmt.count(source)
        result.signum = stop.signum
    return result


def _take(packed: Packed, out: RowWriter, errors: RowWriter, result: Outcome) -> None:
    out.write_prepared(packed.options, packed.option_rows)
    errors.write_prepared(packed.errors, packed.error_rows)
    result.patients += packed.patients
    result.planned += packed.summary.planned
    result.failed += packed.patients - packed.summary.planned
    result.summary.merge(packed.summary)
    (d, u, a), (d2, u2, a2) = result.reported, packed.reported
    result.reported = (d + d2, u + u2, a + a2)
    for pid in packed.ids:
        if pid in result.ids:
            result.repeated[pid] = None
        else:
            result.ids.add(pid)
