"""Session 71's cohort review, left then and fixed in session 72: a worker process killed in the
middle of a run (9153), an input with no patient in it (9305), and a gzipped JSON Lines file
(9157)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import resistx
from resistx.cli import main
from resistx.cohort import _run
from resistx.cohort._cli import EXIT_WORKER_LOST
from resistx.cohort._rows import Settings
from tests.cohort_data import profiles, write_jsonl
from tests.test_cohort_cli import _read_jsonl

RESISTX = Path(sys.executable).parent / "resistx"


def _dies_after_first_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker pool plans the first chunk, then a worker is killed (the pool breaks)."""

    def broken(chunks: Iterator[Any], *args: Any) -> Iterator[Any]:
        yield _run.plan_packed(next(iter(chunks)), *args[:2])
        raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(_run, "_in_processes", broken)


def test_a_killed_worker_ends_the_run_with_the_whole_chunks_done_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """9153: a worker killed (out of memory, say) ended the run in 'internal error', with no
    count of the patients whose rows were written."""
    monkeypatch.setattr(_run, "CHUNK", 4)
    _dies_after_first_chunk(monkeypatch)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(10))
    outcome = _run.run(
        source, tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl", Settings(), jobs=2
    )
    assert outcome.worker_lost and not outcome.interrupted
    assert outcome.patients == 4 and outcome.in_input == 10
    rows = _read_jsonl(tmp_path / "o.jsonl")
    assert sorted({r["index"] for r in rows}) == [0, 1, 2, 3]


def test_the_command_says_how_many_patients_a_killed_worker_left_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_run, "CHUNK", 4)
    _dies_after_first_chunk(monkeypatch)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(10))
    out = tmp_path / "o.parquet"
    code = main(["cohort", str(source), "--out", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == EXIT_WORKER_LOST, err
    assert "internal error" not in err
    assert "worker process ended" in err and "first 4 patients of the 10" in err, err
    assert pq.read_table(out).num_rows > 0  # a readable file: the first chunk's rows


PS = shutil.which("ps")


@pytest.mark.skipif(PS is None, reason="needs ps to find the worker processes")
def test_a_worker_killed_for_real_leaves_a_readable_file_and_a_count(tmp_path: Path) -> None:
    """The same with a worker killed by SIGKILL, as the kernel's out-of-memory killer does."""
    source = write_jsonl(tmp_path / "in.jsonl", profiles(20000))
    out = tmp_path / "o.parquet"
    run = subprocess.Popen(
        [str(RESISTX), "cohort", str(source), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
        workers = _planning_workers(run.pid)
    assert workers, "no worker process started"
    os.kill(workers[0], signal.SIGKILL)
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == EXIT_WORKER_LOST, stderr
    assert "worker process ended" in stderr and "Traceback" not in stderr, stderr
    pq.read_table(out)  # the footer is written: the file reads


def _planning_workers(pid: int) -> list[int]:
    """The run's worker processes (``ps -ww``, its lines whole: pid, parent pid, command):
    the children of its forkserver, or under spawn its own children that run ``spawn_main``."""
    listing = subprocess.run(
        [str(PS), "-ww", "-eo", "pid=,ppid=,args="], capture_output=True, text=True, check=True
    ).stdout
    procs = [
        (int(p), int(pp), a) for p, pp, a in (ln.split(None, 2) for ln in listing.splitlines())
    ]
    children = {p: a for p, pp, a in procs if pp == pid}
    forked = [p for p, pp, _a in procs if pp in children and "forkserver" in children[pp]]
    return forked or [p for p, a in children.items() if "spawn_main" in a]


def test_an_input_with_no_patient_is_not_a_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """9305: an empty file (or one of blank lines) ran 'successfully', 0 of 0 planned, exit 0:
    a pipeline that lost its input went on as if it had been read."""
    source = tmp_path / "in.jsonl"
    source.write_text("\n  \n", "utf-8")
    code = main(["cohort", str(source), "--out", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    assert code == 2
    assert "holds no patient" in err, err


def test_a_gzipped_json_lines_file_is_read_as_the_file_it_holds(tmp_path: Path) -> None:
    """9157: a '.jsonl.gz' export was 'not a format resistx reads'."""
    cohort = profiles(12)
    plain = write_jsonl(tmp_path / "in.jsonl", cohort)
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert main(["cohort", str(plain), "--out", str(tmp_path / "a.jsonl")]) == 0
    assert main(["cohort", str(packed), "--out", str(tmp_path / "b.jsonl")]) == 0
    assert _read_jsonl(tmp_path / "a.jsonl") == _read_jsonl(tmp_path / "b.jsonl")
    errors = (
        _read_jsonl(tmp_path / "b.errors.jsonl")
        if (tmp_path / "b.errors.jsonl").stat().st_size
        else []
    )
    assert [e["source"] for e in errors] == [
        e["source"].replace("in.jsonl", "in.jsonl.gz") for e in errors
    ]


def test_a_damaged_gzip_file_is_named_as_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(json.dumps(profiles(1)[0]).encode())[:-12])
    code = main(["cohort", str(packed), "--out", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "in.jsonl.gz" in err and "internal error" not in err, err


def test_a_cohort_row_says_which_tests_its_option_waits_on(tmp_path: Path) -> None:
    """9162: the rows did not say that an option waits on a test (elacestrant on ESR1,
    trastuzumab deruxtecan on the HER2 IHC), which the plan and ``to_frame`` say: a cohort
    could not find the patients whose plan waits on a test."""
    untested = json.loads(Path("examples/14-untested.json").read_text("utf-8"))
    source = write_jsonl(tmp_path / "in.jsonl", [untested])
    for out in (tmp_path / "o.jsonl", tmp_path / "o.parquet"):
        assert main(["cohort", str(source), "--out", str(out)]) == 0
        rows = _read_jsonl(out) if out.suffix == ".jsonl" else pq.read_table(out).to_pylist()
        plan = resistx.sequence(untested)
        assert [r["waits_on"] for r in rows] == [list(o.waits_on) for o in plan.options]
        assert {"ESR1", "HER2 IHC"} <= {w for r in rows for w in r["waits_on"]}


def _made_by(path: Path) -> dict[str, Any]:
    made: dict[str, Any] = json.loads(pq.read_schema(path).metadata[b"resistx"])
    return made


def test_a_parquet_file_of_a_run_stopped_early_says_it_is_not_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """9164: an interrupted run's Parquet file read like a whole cohort's: nothing in it said
    that patients of the input were never planned. Its metadata now says ``complete``."""
    source = write_jsonl(tmp_path / "in.jsonl", profiles(10))
    whole = tmp_path / "whole.parquet"
    assert (
        main(["cohort", str(source), "--out", str(whole), "--errors", str(tmp_path / "e.parquet")])
        == 0
    )
    assert _made_by(whole)["complete"] is True
    assert _made_by(tmp_path / "e.parquet")["complete"] is True
    monkeypatch.setattr(_run, "CHUNK", 4)
    _dies_after_first_chunk(monkeypatch)
    part = tmp_path / "part.parquet"
    assert main(["cohort", str(source), "--out", str(part), "--jobs", "2"]) == EXIT_WORKER_LOST
    assert _made_by(part)["complete"] is False
    assert pq.read_table(part).num_rows > 0  # and the whole chunks still read
    assert {k: v for k, v in _made_by(part).items() if k != "complete"} == {
        k: v for k, v in _made_by(whole).items() if k != "complete"
    }


def test_a_dask_part_whose_task_failed_says_it_is_not_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """9164 on Dask: a part's files are closed when its task fails midway; the Parquet part
    says it is not complete."""
    from resistx.cohort import _dask  # noqa: PLC0415
    from resistx.cohort import _rows as rows  # noqa: PLC0415

    lines = [(json.dumps(p), "in.jsonl") for p in profiles(6)]
    calls = []
    planned = rows.judged

    def fails_second_time(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise MemoryError
        return planned(*args)

    monkeypatch.setattr(rows, "CHUNK", 3)
    monkeypatch.setattr(rows, "judged", fails_second_time)
    with pytest.raises(MemoryError):
        _dask._plan_and_write(lines, (0, 1), None, resistx.Preferences(), str(tmp_path), 0)
    part = tmp_path / "part-00000.parquet"
    assert _made_by(part)["complete"] is False and pq.read_table(part).num_rows > 0


def test_a_chunk_awaited_from_a_pool_whose_worker_died_unnoticed_ends_the_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """9480 (MAJOR): a worker killed at the wrong moment left the run waiting for ever (zero
    CPU, an unreadable Parquet file), its pool never marked broken. The wait checks the
    workers and ends as a lost worker does."""
    import threading  # noqa: PLC0415
    from concurrent.futures import Future  # noqa: PLC0415
    from types import SimpleNamespace  # noqa: PLC0415

    monkeypatch.setattr(_run, "WATCH", 0.05)
    never: Future[Any] = Future()  # the pool's manager never resolves it
    alive = SimpleNamespace(exitcode=None)
    pool = SimpleNamespace(_processes={1: alive, 2: SimpleNamespace(exitcode=-9)})
    raised: list[BaseException] = []

    def wait() -> None:
        try:
            _run.watched(never, pool)
        except BaseException as e:  # what the wait ended with, asserted below
            raised.append(e)

    # in a thread of its own: a wait that never ends fails the test, not hangs it
    waiting = threading.Thread(target=wait, daemon=True)
    waiting.start()
    waiting.join(timeout=5)
    assert not waiting.is_alive(), "the wait did not end"
    assert len(raised) == 1 and isinstance(raised[0], BrokenProcessPool), raised
    assert "ended abruptly" in str(raised[0])
    done: Future[Any] = Future()
    rows = object()
    done.set_result(rows)
    assert _run.watched(done, SimpleNamespace(_processes={1: alive})) is rows


def test_a_broken_pool_whose_manager_thread_is_stuck_is_said_to_be_left_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """9480: the pool's manager thread waited for ever on the rest of a result a killed worker
    was sending, and the interpreter's exit waited for it. ``shut_down`` says so, so that the
    command ends without waiting."""
    import threading  # noqa: PLC0415
    from types import SimpleNamespace  # noqa: PLC0415

    monkeypatch.setattr(_run, "STOP_WAIT", 0.05)
    release = threading.Event()
    stuck = threading.Thread(target=release.wait, daemon=True)
    stuck.start()
    killed: list[int] = []
    worker = SimpleNamespace(kill=lambda: killed.append(1))
    pool = SimpleNamespace(_processes={1: worker}, _executor_manager_thread=stuck)

    def shutdown(**_kw: Any) -> None:  # as ProcessPoolExecutor's: it lets go of the thread
        pool._executor_manager_thread = None

    pool.shutdown = shutdown
    assert _run.shut_down(pool) is False and killed == [1]
    release.set()
    stuck.join()
    pool._executor_manager_thread = stuck
    assert _run.shut_down(pool) is True


@pytest.fixture
def ended(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The codes ``os._exit`` was called with: each call ends the test's command by
    ``SystemExit``, not the test's process."""
    codes: list[int] = []

    def end(code: int) -> None:
        codes.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", end)
    return codes


def test_the_command_ends_at_once_when_the_pool_is_left_running(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ended: list[int],
) -> None:
    monkeypatch.setattr(_run, "CHUNK", 4)

    def broken(chunks: Iterator[Any], *args: Any) -> Iterator[Any]:
        yield _run.plan_packed(next(iter(chunks)), *args[:2])
        args[-1].end_now = True  # the pool's thread could not be stopped
        raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(_run, "_in_processes", broken)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(10))
    with pytest.raises(SystemExit):
        main(["cohort", str(source), "--out", str(tmp_path / "o.jsonl"), "--jobs", "2"])
    assert ended == [EXIT_WORKER_LOST]
    assert "worker process ended" in capsys.readouterr().err


def test_a_damaged_gzip_file_leaves_no_output_and_no_rows_of_garbage(tmp_path: Path) -> None:
    """9482 (MINOR): a flipped byte in the middle of a '.jsonl.gz' gave error rows of what the
    damage made of the lines, and a readable Parquet file of the patients before, then the
    error. The stream is read through first: the command refuses it before any output."""
    plain = write_jsonl(tmp_path / "in.jsonl", profiles(400)).read_bytes()
    packed = bytearray(gzip.compress(plain))
    packed[len(packed) // 2] ^= 0xFF
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(bytes(packed))
    out = tmp_path / "o.parquet"
    assert main(["cohort", str(source), "--out", str(out)]) == 2
    assert not out.exists() and not (tmp_path / "o.errors.jsonl").exists()


def test_standard_input_a_directory_as_out_and_a_listing_of_six_are_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """9486, 9483, 9484 (MINOR): 'cohort -' said 'no such file or directory'; an existing
    directory named as --out without a suffix was told to 'name it .parquet or .jsonl'; six
    entries not read were listed as five 'and 1 more', the subdirectory of profiles unnamed."""
    source = write_jsonl(tmp_path / "in.jsonl", profiles(2))
    assert main(["cohort", "-", "--out", str(tmp_path / "o.jsonl")]) == 2
    assert "standard input" in capsys.readouterr().err
    (tmp_path / "plans").mkdir()
    assert main(["cohort", str(source), "--out", str(tmp_path / "plans")]) == 2
    assert "is a directory" in capsys.readouterr().err
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(profiles(1)[0]), "utf-8")
    for name in ("b.txt", "c.csv", "d.xml", "e.md", "f.yaml"):
        (folder / name).write_text("x", "utf-8")
    (folder / "z-more").mkdir()
    assert main(["cohort", str(folder), "--out", str(tmp_path / "f.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "6 entries" in err and "z-more/, b.txt, c.csv, d.xml, e.md, f.yaml" in err, err


def test_an_interrupt_that_left_the_pool_running_ends_at_once_with_its_signal_s_code(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ended: list[int],
) -> None:
    """SIGTERM to the run's process group kills the workers too, and one killed mid-result
    leaves the pool's thread waiting (9480): the interrupted run must not wait for it at exit
    either (CI's run of the group's SIGTERM test hung for 60 s)."""
    from resistx.cohort import _cli  # noqa: PLC0415

    done = _run.Outcome(patients=4, planned=4, interrupted=True, end_now=True)
    done.signum = int(signal.SIGTERM)
    monkeypatch.setattr(_cli, "run", lambda *_a, **_k: done)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(4))
    with pytest.raises(SystemExit):
        main(["cohort", str(source), "--out", str(tmp_path / "o.jsonl"), "--jobs", "2"])
    assert ended == [128 + int(signal.SIGTERM)]
    assert "interrupted" in capsys.readouterr().err


def test_a_broken_pool_that_cannot_be_stopped_marks_the_run_to_end_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run's own pool (not a stand-in for the whole of ``_in_processes``): where a worker
    was lost and ``shut_down`` cannot stop the pool's thread, the outcome says to end now."""
    import concurrent.futures  # noqa: PLC0415
    from concurrent.futures import Future  # noqa: PLC0415

    class BrokenPool:  # the executor as it stands once a worker was killed
        _broken = "A child process terminated abruptly"

        def __init__(self, **_kw: Any) -> None:
            self._processes: dict[int, Any] = {}

        def submit(self, *_args: Any) -> Future[Any]:
            lost: Future[Any] = Future()
            lost.set_exception(BrokenProcessPool(self._broken))
            return lost

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", BrokenPool)
    stopped: list[bool] = [False]
    monkeypatch.setattr(_run, "shut_down", lambda _pool: stopped[0])
    source = write_jsonl(tmp_path / "in.jsonl", profiles(3))
    out, errors = tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl"
    outcome = _run.run(source, out, errors, Settings(), jobs=2)
    assert outcome.worker_lost and outcome.end_now
    stopped[0] = True  # the pool's thread stopped: the exit may wait for it
    assert not _run.run(source, out, errors, Settings(), jobs=2).end_now
