"""``resistx cohort``: files in, files out, streaming, in processes, interrupted."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import resistx
from resistx.cli import main
from resistx.cohort import _readers, _run, rows_for
from resistx.sequencing.policy import get as get_policy
from tests.cohort_data import profiles, write_jsonl

RESISTX = Path(sys.executable).parent / "resistx"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _cohort(*args: str) -> int:
    return main(["cohort", *args])


@pytest.fixture(scope="module")
def cohort_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cohort") / "patients.jsonl"
    cohort = profiles(150)
    cohort[10]["treatments"][0]["drugs"] = ["palbocicilb"]
    cohort[20]["her2"] = "positive"
    lines = [json.dumps(p) for p in cohort]
    lines[3:3] = ["", "[1, 2]", "   "]  # blank lines are no input; a non-object line is an error
    text = "\n".join(lines).encode() + b"\n" + b'{"patient_id": "\xff"}\n'
    path.write_bytes(text)
    return path


def test_chunks_of_raw_lines_number_inputs_and_lines_as_one_reading_does(
    cohort_file: Path,
) -> None:
    """The reading process hands out raw lines; the blank lines of one chunk still shift the
    indices of the next, and every input keeps its own line number."""
    fmt = _readers.format_of(cohort_file)
    whole = list(_readers.read_jsonl(cohort_file))
    for size in (1, 2, 3, 5, 256):
        chunks = list(fmt.chunked(cohort_file, size))
        assert all(isinstance(c, _readers.Lines) for c in chunks)
        assert [r for c in chunks for r in _readers.records_in(c)] == whole, size
    assert [(r.index, r.where) for r in whole[2:5]] == [
        (2, "patients.jsonl:3"),
        (3, "patients.jsonl:5"),
        (4, "patients.jsonl:7"),
    ]


def test_jsonl_in_jsonl_out_one_row_per_option_and_every_problem(
    cohort_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plans.jsonl"
    assert _cohort(str(cohort_file), "--out", str(out)) == 0
    rows, errors = _read_jsonl(out), _read_jsonl(tmp_path / "plans.errors.jsonl")
    inputs = [ln for ln in cohort_file.read_bytes().splitlines() if ln.strip()]
    assert len(inputs) == 152
    expected = rows_for([ln.decode() for ln in inputs[:-1]])
    assert rows == [r for e in expected for r in e["options"]]
    failed = {e["index"] for e in expected if not e["planned"]} | {151}
    assert {e["index"] for e in errors} == failed
    by_index = {e["index"]: e for e in errors}
    assert by_index[3]["message"] == "the line is not a JSON object"
    assert by_index[3]["source"] == "patients.jsonl:5"  # line 4 was blank
    assert by_index[151]["message"] == "the line is not UTF-8 text"
    typo = next(e for e in errors if "palbocicilb" in e["message"])
    assert typo["path"] == "$.treatments[0].drugs[0]" and typo["patient_id"].startswith(
        "synthetic-"
    )
    assert typo["kind"] == "invalid"
    assert any(e["kind"] == "out_of_scope" and e["path"] == "$" for e in errors)
    planned = 152 - len(failed)
    said = capsys.readouterr().out
    assert f"{planned} of 152 patients planned under ye2024 " in said
    assert f"): {len(rows):,} rows in" in said
    assert f"{len(failed)} with errors" in said


def test_parquet_out_reads_in_pandas_and_polars_as_the_jsonl(
    cohort_file: Path, tmp_path: Path
) -> None:
    assert _cohort(str(cohort_file), "--out", str(tmp_path / "a.jsonl")) == 0
    assert _cohort(str(cohort_file), "--out", str(tmp_path / "a.parquet")) == 0
    rows = _read_jsonl(tmp_path / "a.jsonl")
    frame = pd.read_parquet(tmp_path / "a.parquet")
    assert len(frame) == len(rows) and list(frame.columns) == list(rows[0])
    assert frame["regimen"].tolist() == [r["regimen"] for r in rows]
    assert [list(x) for x in frame["rules"]] == [r["rules"] for r in rows]
    polars = pl.read_parquet(tmp_path / "a.parquet")
    assert polars.to_dicts() == rows
    assert polars["rank"].dtype == pl.Int64 and polars["codes"].dtype == pl.List(pl.String)


def test_two_processes_give_the_rows_of_one(cohort_file: Path, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        assert (
            _cohort(str(cohort_file), "--out", str(tmp_path / f"{jobs}.parquet"), "--jobs", jobs)
            == 0
        )
    assert pq.read_table(tmp_path / "2.parquet").equals(pq.read_table(tmp_path / "1.parquet"))
    one = (tmp_path / "1.errors.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "2.errors.jsonl").read_text(encoding="utf-8") == one != ""


def test_a_directory_and_parquet_inputs_give_the_same_rows(tmp_path: Path) -> None:
    cohort = profiles(40, seed=11)
    reference = tmp_path / "ref.jsonl"
    assert _cohort(str(write_jsonl(tmp_path / "in.jsonl", cohort)), "--out", str(reference)) == 0
    folder = tmp_path / "profiles"
    folder.mkdir()
    for i, p in enumerate(cohort):
        (folder / f"{i:03d}.json").write_text(json.dumps(p), encoding="utf-8")
    texts = [json.dumps({k: v for k, v in p.items() if k != "next_treatment"}) for p in cohort]
    nexts = ["+".join(p["next_treatment"]) if "next_treatment" in p else None for p in cohort]
    pq.write_table(pa.table({"profile": texts, "next_treatment": nexts}), tmp_path / "json.parquet")
    # tidy columns: a profile without a next treatment has a null there, as a data frame has
    tidy = [{**p, "next_treatment": p.get("next_treatment")} for p in cohort]
    pq.write_table(pa.Table.from_pylist(tidy), tmp_path / "tidy.parquet")
    for source in (folder, tmp_path / "json.parquet", tmp_path / "tidy.parquet"):
        out = tmp_path / f"{source.stem}.out.jsonl"
        assert _cohort(str(source), "--out", str(out)) == 0
        assert _read_jsonl(out) == _read_jsonl(reference), source


def test_concordance_summary_and_plot(cohort_file: Path, tmp_path: Path) -> None:
    summary, figure = tmp_path / "summary.csv", tmp_path / "concordance.png"
    out = tmp_path / "plans.jsonl"
    args = ["--out", str(out), "--concordance", str(summary), "--concordance-plot", str(figure)]
    assert _cohort(str(cohort_file), *args) == 0
    rows = _read_jsonl(out)
    by_patient = {r["index"]: r for r in rows if r["next_place"] is not None}
    lines = summary.read_text(encoding="utf-8").splitlines()
    table = {(r["by"], r["value"]): r for r in csv.DictReader(lines)}
    assert int(table[("all", "next treatment stated")]["patients"]) == len(by_patient) > 50
    first = sum(1 for r in by_patient.values() if r["next_rank"] == 1)
    assert int(table[("all", "next treatment stated")]["ranked_first"]) == first
    for place in ("preferred", "left out", "not in plan"):
        count = sum(1 for r in by_patient.values() if r["next_place"] == place)
        assert int(table[("tier", place)]["patients"]) == count
    assert any(by == "rule" for by, _v in table)
    assert figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_next_treatment_column_naming_no_drug_is_an_error(tmp_path: Path) -> None:
    [good] = profiles(1)
    table = pa.table({"profile": [json.dumps(good)], "next_treatment": ["elacestrant+fulvestrnt"]})
    pq.write_table(table, tmp_path / "in.parquet")
    assert _cohort(str(tmp_path / "in.parquet"), "--out", str(tmp_path / "o.jsonl")) == 2
    [error] = _read_jsonl(tmp_path / "o.errors.jsonl")
    assert error["path"] == "$.next_treatment[1]" and "fulvestrnt" in error["message"]


def test_a_cell_or_item_that_is_no_json_object_is_an_error_never_a_file_read(
    tmp_path: Path,
) -> None:
    """A profile cell is JSON text, never a path: a cell naming a file on disk is an error row
    (load_profile alone would read the file), in Parquet as in JSON Lines and rows_for."""
    [good] = profiles(1)
    example = str(Path(__file__).parent.parent / "examples" / "01-esr1-mutated.json")
    table = pa.table({"profile": [json.dumps(good), example, "not json"]})
    pq.write_table(table, tmp_path / "in.parquet")
    assert _cohort(str(tmp_path / "in.parquet"), "--out", str(tmp_path / "o.jsonl")) == 0
    errors = _read_jsonl(tmp_path / "o.errors.jsonl")
    assert [(e["index"], e["message"]) for e in errors] == [
        (1, "the 'profile' cell is not a JSON object"),
        (2, "the 'profile' cell is not a JSON object"),
    ]
    assert {r["index"] for r in _read_jsonl(tmp_path / "o.jsonl")} == {0}
    [entry] = rows_for([example])
    assert not entry["planned"] and entry["errors"][0]["message"] == "the item is not a JSON object"


def test_parquet_without_pyarrow_says_which_extra(
    cohort_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)
    assert _cohort(str(cohort_file), "--out", str(tmp_path / "o.parquet")) == 2
    assert 'pip install "resistx[cohort]"' in capsys.readouterr().err
    assert not (tmp_path / "o.parquet").exists()
    assert (
        _cohort(str(cohort_file), "--out", str(tmp_path / "o.jsonl")) == 0
    )  # JSON Lines needs none


def test_parquet_input_without_pyarrow_says_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pq.write_table(pa.table({"profile": [json.dumps(p) for p in profiles(2)]}), tmp_path / "in.pq")
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)
    assert _cohort(str(tmp_path / "in.pq"), "--out", str(tmp_path / "o.jsonl")) == 2
    assert 'reading Parquet needs pyarrow: pip install "resistx[cohort]"' in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl", "--out", "o.jsonl"], "no such file"),
        (["in.csv", "--out", "o.jsonl"], "not a format resistx reads"),
        (["in.jsonl", "--out", "o.csv"], "--out: cannot write o.csv"),
        (["in.jsonl", "--out", "o.jsonl", "--errors", "o.jsonl"], "three different files"),
        (["in.jsonl", "--out", "o.jsonl", "--concordance", "s.txt"], "--concordance"),
        (["in.jsonl", "--out", "o.jsonl", "--concordance-plot", "f.gif"], "--concordance-plot"),
    ],
)
def test_usage_problems_before_any_work(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", profiles(2))
    (tmp_path / "in.csv").write_text("x\n", encoding="utf-8")
    assert _cohort(*args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_no_progress_bar_when_piped(cohort_file: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(RESISTX), "cohort", str(cohort_file), "--out", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("resistx cohort: ")


def _started(source: Path, out: Path, errors: Path) -> subprocess.Popen[str]:
    """``resistx cohort`` over ``source`` in two processes, once its first chunks are done (the
    errors file grows with them)."""
    run = subprocess.Popen(
        [str(RESISTX), "cohort", str(source), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (errors.exists() and errors.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    return run


def test_ctrl_c_leaves_complete_readable_output(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "many.jsonl", profiles(2000, seed=3))
    out = tmp_path / "plans.parquet"
    errors = tmp_path / "plans.errors.jsonl"
    run = _started(source, out, errors)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to every process of the run
    _out, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    done = pd.read_parquet(out)
    patients = int(stderr.split("the complete rows of the first ")[1].split()[0].replace(",", ""))
    assert 0 < patients < 2000
    planned = done["index"].unique().tolist()
    failed = {e["index"] for e in _read_jsonl(errors)}
    assert sorted([*planned, *failed]) == list(range(patients))  # whole patients, in order
    expected = rows_for(
        source.read_text(encoding="utf-8").splitlines()[patients - 20 : patients], patients - 20
    )
    tail = done[done["index"] >= patients - 20]
    assert tail["regimen"].tolist() == [r["regimen"] for e in expected for r in e["options"]]


@pytest.mark.parametrize("size", [(40, 120), (0, 0)], ids=["120-columns", "no-size"])
def test_a_progress_bar_with_rate_on_a_terminal(
    cohort_file: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """On a terminal that reports no size (``script`` without one: session 65's data
    scientist saw no bar) the bar is drawn 80 columns wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    run = subprocess.Popen(
        [str(RESISTX), "cohort", str(cohort_file), "--out", str(tmp_path / "o.jsonl")],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert run.wait(timeout=60) == 0
    text = seen.decode("utf-8", "replace")
    assert "152/152" in text and "patients/s" in text  # count, rate and time left
    assert "resistx cohort: " in text


def test_workers_leave_ctrl_c_to_the_main_process() -> None:
    """A terminal's Ctrl-C reaches every process; a worker ignores it, so the main process
    alone decides where the files end."""
    previous = signal.getsignal(signal.SIGINT)
    try:
        _run._quiet_worker()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_new_input_format_is_one_reading_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format joins the registry with the function that reads it (as a Phenopacket or FHIR
    reader would): its records may hold data, a loaded Profile, or a converter's problems."""
    monkeypatch.setattr(_readers, "FORMATS", list(_readers.FORMATS))
    cohort = profiles(5, seed=13)

    def read_array(path: Path) -> Iterator[_readers.Record]:
        items = json.loads(path.read_text(encoding="utf-8"))
        for i, item in enumerate(items):
            where = f"{path.name}[{i}]"
            if i == 1:
                yield _readers.Record(index=i, where=where, source=resistx.load_profile(item))
            elif i == 2:
                yield _readers.Record(index=i, where=where, problems=(("$.subject", "no id"),))
            else:
                yield _readers.Record(index=i, where=where, source=item)

    _readers.register(
        _readers.InputFormat(
            name="JSON arrays (.array.json)",
            matches=lambda p: p.name.endswith(".array.json"),
            read=read_array,
            count=lambda p: len(json.loads(p.read_text(encoding="utf-8"))),
        )
    )
    source = tmp_path / "cohort.array.json"
    source.write_text(json.dumps(cohort), encoding="utf-8")
    assert _cohort(str(source), "--out", str(tmp_path / "o.jsonl")) == 0
    expected = rows_for(cohort)
    planned = [r for e in expected if e["index"] != 2 for r in e["options"]]
    assert _read_jsonl(tmp_path / "o.jsonl") == planned
    [error] = _read_jsonl(tmp_path / "o.errors.jsonl")
    assert (error["index"], error["source"], error["path"]) == (
        2,
        "cohort.array.json[2]",
        "$.subject",
    )


def test_a_run_in_this_process_leaves_its_garbage_collector_as_it_was(
    cohort_file: Path, tmp_path: Path
) -> None:
    """The command (and ``rows_for``) collects less often while it plans; a caller running it
    in-process gets its own thresholds back."""
    import gc  # noqa: PLC0415

    before = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    try:
        assert _cohort(str(cohort_file), "--out", str(tmp_path / "a.jsonl")) == 0
        assert gc.get_threshold() == (1234, 5, 6)
        assert rows_for(cohort_file.read_text(encoding="utf-8", errors="replace").splitlines()[:5])
        assert gc.get_threshold() == (1234, 5, 6)
    finally:
        gc.set_threshold(*before)


def test_a_parquet_output_says_which_policy_evidence_and_resistx_made_its_rows(
    cohort_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cohort's rows are read months later, away from the command that made them: the
    Parquet files themselves name the policy, its version, the evidence, resistx's version and
    the preferences (case 1189: the rows carried none of them), and the summary line says the
    policy. A JSON Lines file has no place for them; the summary line is where they are said."""
    out = tmp_path / "plans.parquet"
    errors = tmp_path / "plans.errors.parquet"
    args = ["--out", str(out), "--errors", str(errors), "--policy", "practice-2026"]
    assert _cohort(str(cohort_file), *args, "--short-cdk46i-months", "9") == 0
    policy = get_policy("practice-2026")
    for path in (out, errors):
        metadata = pq.read_schema(path).metadata
        made = json.loads(metadata[b"resistx"])
        assert made == {
            "resistx": resistx.__version__,
            "policy": "practice-2026",
            "policy_version": policy.version,
            "evidence": policy.default_evidence().version,
            "preferences": {**resistx.to_dict(resistx.Preferences()), "short_cdk46i_months": 9.0},
            "complete": True,  # every input read and planned (9164)
        }, path
    said = capsys.readouterr().out
    assert f"under practice-2026 version {policy.version} (evidence {made['evidence']})" in said
    assert _cohort(str(cohort_file), "--out", str(tmp_path / "default.parquet")) == 0
    default = json.loads(pq.read_schema(tmp_path / "default.parquet").metadata[b"resistx"])
    assert default["policy"] == "ye2024"


def test_columns_beside_a_profile_column_are_refused_not_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Case 4936 (MAJOR): a Parquet file with 'patient_id' and 'as_of' columns beside the
    'profile' column ran with every row's id null and the plan's date unread (alpelisib ranked
    where the date left it out), nothing said."""
    [good] = profiles(1)
    body = {k: v for k, v in good.items() if k not in ("patient_id", "as_of")}
    table = pa.table(
        {"patient_id": ["P1"], "as_of": [good["as_of"]], "profile": [json.dumps(body)]}
    )
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "o.jsonl"
    assert _cohort(str(tmp_path / "in.parquet"), "--out", str(out)) != 0
    said = capsys.readouterr().err
    assert "'as_of'" in said and "'patient_id'" in said
    assert not out.exists()


def test_an_empty_next_treatment_cell_is_an_error_not_the_profile_s_own(tmp_path: Path) -> None:
    """Case 4940 (MINOR): a next_treatment cell holding [] fell back to the profile's own
    next_treatment; in JSON an empty list is an error."""
    [good] = profiles(1)
    good["next_treatment"] = ["elacestrant"]
    table = pa.table(
        {"profile": [json.dumps(good)], "next_treatment": pa.array([[]], pa.list_(pa.string()))}
    )
    pq.write_table(table, tmp_path / "in.parquet")
    assert _cohort(str(tmp_path / "in.parquet"), "--out", str(tmp_path / "o.jsonl")) == 2
    [error] = _read_jsonl(tmp_path / "o.errors.jsonl")
    assert error["path"] == "$.next_treatment" and "empty" in error["message"]
    assert error["patient_id"] == good["patient_id"]  # case 5538: it was null


def test_two_interrupts_at_once_are_one_ctrl_c_and_the_run_says_how_many(tmp_path: Path) -> None:
    """Case 4937 (MINOR): under `timeout -s INT`, which signals the run and then its process
    group, --jobs 2 sometimes exited 130 with nothing said: the second signal, a moment after
    the first, stopped the run at once. Two signals together are one Ctrl-C; the message names
    the input's count too."""
    source = write_jsonl(tmp_path / "many.jsonl", profiles(2000, seed=3))
    run = _started(source, tmp_path / "plans.jsonl", tmp_path / "plans.errors.jsonl")
    os.kill(run.pid, signal.SIGINT)  # as timeout does: the run, then its group
    os.killpg(run.pid, signal.SIGINT)
    _out, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "interrupted" in stderr and "of the 2,000 patients of the input" in stderr, stderr


def test_an_interrupt_within_a_second_of_the_first_is_the_same_ctrl_c() -> None:
    """Case 4937: the stop flag takes a second signal a moment after the first as the same
    Ctrl-C; one after the moment stops the run at once."""
    with _run._StopFlag() as stop:
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)
        assert stop.set
        stop._first -= 2 * stop.SAME_CTRL_C  # as if the moment had passed
        with pytest.raises(KeyboardInterrupt):
            stop._handle(signal.SIGINT, None)  # the handler as the signal runs it


def test_a_float32_tumour_fraction_gives_the_plan_its_decimal_gives(tmp_path: Path) -> None:
    """Case 5534 (MAJOR): a tumour fraction of 0.01 in a float32 Parquet column, as registry
    exports write it, was widened to 0.0099999998, under the 1% threshold, and the patient's
    negatives were not read: every row differed from the same patient in JSON Lines."""
    [good] = profiles(1)
    good["biomarkers"] = [
        {"gene": g, "status": "not_detected", "sample": "ctdna", "tested_on": good["as_of"],
         "tumour_fraction": 0.01}
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]  # fmt: skip
    write_jsonl(tmp_path / "in.jsonl", [good])
    table = pa.Table.from_pylist([good])
    biomarkers = table.schema.field("biomarkers").type.value_type
    narrowed = pa.list_(
        pa.struct(
            [
                pa.field(f.name, pa.float32()) if f.name == "tumour_fraction" else f
                for f in biomarkers
            ]
        )
    )
    table = table.set_column(
        table.schema.get_field_index("biomarkers"),
        "biomarkers",
        table.column("biomarkers").cast(narrowed),
    )
    pq.write_table(table, tmp_path / "in.parquet")
    for name in ("in.jsonl", "in.parquet"):
        assert _cohort(str(tmp_path / name), "--out", str(tmp_path / f"{name}.out.jsonl")) == 0
    rows = [_read_jsonl(tmp_path / f"{n}.out.jsonl") for n in ("in.jsonl", "in.parquet")]
    assert rows[0] == rows[1]


def test_an_output_that_is_the_input_by_another_name_is_refused(tmp_path: Path) -> None:
    """Case 5535 (MAJOR): with --out a hard link to the input, the run emptied the input and
    said it planned 0 of 0 patients; paths were compared, not the files."""
    write_jsonl(tmp_path / "in.jsonl", profiles(3))
    os.link(tmp_path / "in.jsonl", tmp_path / "hard.jsonl")
    assert _cohort(str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "hard.jsonl")) != 0
    assert len(_read_jsonl(tmp_path / "in.jsonl")) == 3


def test_no_output_may_be_a_file_the_run_reads_or_another_output(tmp_path: Path) -> None:
    """The recheck of 5535 (MAJOR): a profile inside a directory IN, hard-linked as --out, was
    overwritten with rows; --concordance hard-linked to IN replaced the cohort with the CSV."""
    folder = tmp_path / "dir"
    folder.mkdir()
    for i, p in enumerate(profiles(2)):
        (folder / f"p{i}.json").write_text(json.dumps(p), encoding="utf-8")
    os.link(folder / "p0.json", tmp_path / "hard.jsonl")
    assert _cohort(str(folder), "--out", str(tmp_path / "hard.jsonl")) != 0
    assert json.loads((folder / "p0.json").read_text(encoding="utf-8"))["schema_version"]
    write_jsonl(tmp_path / "in.jsonl", profiles(2))
    os.link(tmp_path / "in.jsonl", tmp_path / "conc.csv")
    out = str(tmp_path / "o.jsonl")
    assert (
        _cohort(
            str(tmp_path / "in.jsonl"), "--out", out, "--concordance", str(tmp_path / "conc.csv")
        )
        != 0
    )
    assert len(_read_jsonl(tmp_path / "in.jsonl")) == 2
    assert _cohort(str(tmp_path / "in.jsonl"), "--out", out, "--concordance", out[:-5] + "csv") == 0


def test_no_output_may_be_the_preferences_file(tmp_path: Path) -> None:
    """The second recheck (MAJOR): --out or --concordance naming the --preferences file
    replaced it with rows, and the next run failed on it."""
    write_jsonl(tmp_path / "in.jsonl", profiles(2))
    prefs = tmp_path / "p.jsonl"
    prefs.write_text("{}", encoding="utf-8")
    assert (
        _cohort(str(tmp_path / "in.jsonl"), "--out", str(prefs), "--preferences", str(prefs)) != 0
    )
    assert prefs.read_text(encoding="utf-8") == "{}"
    os.link(prefs, tmp_path / "linked.jsonl")  # the same file by another name
    out = str(tmp_path / "linked.jsonl")
    assert _cohort(str(tmp_path / "in.jsonl"), "--out", out, "--preferences", str(prefs)) != 0
    assert prefs.read_text(encoding="utf-8") == "{}"


def test_a_tidy_column_that_is_no_profile_field_is_refused_once_not_on_every_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Case 5750 (MINOR): a registry's extra 'site_code' column in the fields-as-columns layout
    gave one identical 'unknown key' error row per patient (10,000 rows for an export of
    10,000); the 'profile' layout refuses such a column once, before planning."""
    rows = [{**p, "site_code": f"S{i}", "ecgo": 1} for i, p in enumerate(profiles(3))]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    out = tmp_path / "o.jsonl"
    assert _cohort(str(tmp_path / "in.parquet"), "--out", str(out)) != 0
    said = capsys.readouterr().err
    assert "'site_code'" in said and "'ecgo'" in said and "did you mean 'ecog'" in said, said
    assert not out.exists()


def test_a_timestamp_column_at_midnight_reads_as_its_date(tmp_path: Path) -> None:
    """Case 5750 (MINOR): pandas writes a date column as timestamp[ns]; such an 'as_of' was
    refused as 'a string 2026-05-01T00:00:00', though no cell was a string. A timestamp at
    midnight is its date; one with a time of day is still refused."""
    import datetime as dt  # noqa: PLC0415 - this test alone

    [good] = profiles(1)
    day = dt.date.fromisoformat(good["as_of"])
    for at, planned in ((dt.time(0, 0), True), (dt.time(13, 45), False)):
        row = {**good, "as_of": dt.datetime.combine(day, at)}
        table = pa.Table.from_pylist([row])
        assert pa.types.is_timestamp(table.schema.field("as_of").type)
        pq.write_table(table, tmp_path / "in.parquet")
        out = tmp_path / "o.jsonl"
        # the one patient refused: no patient planned, the exit of bad input (8667)
        assert _cohort(str(tmp_path / "in.parquet"), "--out", str(out)) == (0 if planned else 2)
        errors = _read_jsonl(tmp_path / "o.errors.jsonl")
        assert (not errors) is planned, errors
        if planned:
            assert {r["as_of"] for r in _read_jsonl(out)} == {good["as_of"]}


def test_a_planned_patient_with_no_option_has_one_row_its_option_columns_null(
    tmp_path: Path,
) -> None:
    """6992, 6980, 7300s' data scientist (MAJOR): with every route declined, a planned patient
    whose plan has no option had no row in either file, and could not be told from one lost.
    Such a patient has one row: its own columns filled, the option's null, rules and codes
    empty, in JSON Lines and Parquet alike."""
    cohort = tmp_path / "c.jsonl"
    write_jsonl(cohort, profiles(12))
    flags = ("--declines", "oral", "--declines", "intravenous", "--declines", "intramuscular")
    assert _cohort(str(cohort), "--out", str(tmp_path / "o.jsonl"), *flags) == 0
    assert _cohort(str(cohort), "--out", str(tmp_path / "o.parquet"), *flags) == 0
    rows = _read_jsonl(tmp_path / "o.jsonl")
    planned = {e["index"] for e in rows_for(cohort.read_text().splitlines()) if e["planned"]}
    assert {r["index"] for r in rows} == planned
    empty = [r for r in rows if r["regimen"] is None]
    assert empty, rows
    for r in empty:
        assert r["rank"] is None and r["tier"] is None and r["total"] is None, r
        assert r["rules"] == [] and r["codes"] == [] and r["patient_id"], r
    assert pl.read_parquet(tmp_path / "o.parquet").to_dicts() == rows
