"""The same cohort on a Dask LocalCluster of 2 worker processes and in one process: row for row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.bag as db
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from resistx.cli import main
from resistx.cohort import OPTION_COLUMNS, dask_bag, rows_for, summarise, write_partitions
from tests.cohort_data import profiles, write_jsonl

#: 10,000 generated profiles: 500 distinct clinical pictures, each under 20 patient ids (the
#: engine's memo makes a repeat cheap, so the test stays fast; benchmarks/cohort.py runs
#: 100,000 distinct ones)
PATIENTS, DISTINCT = 10_000, 500


def _cohort() -> list[dict[str, Any]]:
    base = profiles(DISTINCT, seed=5)
    return [{**base[i % DISTINCT], "patient_id": f"synthetic-{i:05d}"} for i in range(PATIENTS)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,  # type: ignore[no-untyped-call]
    ):
        yield c


@pytest.fixture(scope="module")
def cohort_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("dask") / "cohort.jsonl", _cohort())


def test_a_local_cluster_gives_the_single_process_rows(client: Client, cohort_path: Path) -> None:
    lines = cohort_path.read_text(encoding="utf-8").splitlines()
    local = rows_for(lines)
    bag = dask_bag(cohort_path, blocksize=len(lines[0]) * 1500)  # several partitions
    assert bag.npartitions >= 4
    on_cluster = bag.compute()
    assert len(on_cluster) == len(local) == PATIENTS
    assert [e["index"] for e in on_cluster] == list(range(PATIENTS))
    assert [r for e in on_cluster for r in e["options"]] == [r for e in local for r in e["options"]]
    errors = [r for e in on_cluster for r in e["errors"]]
    # a file's lines are placed by file and line (the local run's rows, a list's by item)
    assert [r["source"] for r in errors] == [f"cohort.jsonl:{r['index'] + 1}" for r in errors]
    assert [{**r, "source": ""} for r in errors] == [
        {**r, "source": ""} for e in local for r in e["errors"]
    ]
    assert any(e["errors"] for e in local) and any(e["next"] for e in local)
    assert summarise(on_cluster).rows() == summarise(local).rows()
    workers = client.run(lambda: __import__("sys").modules.get("resistx.cohort._rows") is not None)
    assert all(workers.values())  # the function ran on the workers, imported there


def test_written_partitions_read_back_as_the_rows(
    client: Client, cohort_path: Path, tmp_path: Path
) -> None:
    _ = client
    head = cohort_path.read_text(encoding="utf-8").splitlines()[:600]
    small = write_jsonl(tmp_path / "small.jsonl", [json.loads(line) for line in head])
    rows = write_partitions(dask_bag(small, blocksize=len(head[0]) * 200), tmp_path / "out")
    table = pq.read_table(sorted((tmp_path / "out").glob("part-*.parquet")))
    expected = [r for e in rows_for(head) for r in e["options"]]
    assert rows == table.num_rows == len(expected)
    assert table.column_names == [name for name, _kind in OPTION_COLUMNS]
    assert table.to_pylist() == expected


def test_a_bag_of_mappings_is_numbered_across_partitions(client: Client) -> None:
    _ = client
    cohort = profiles(60, seed=9)
    bag = db.from_sequence(cohort, npartitions=4)  # type: ignore[no-untyped-call]
    entries = dask_bag(bag).compute()
    assert [e["index"] for e in entries] == list(range(60))
    assert [e["options"] for e in entries] == [e["options"] for e in rows_for(cohort)]


def test_blank_lines_in_several_partitions_take_no_index(client: Client, tmp_path: Path) -> None:
    """Each partition's first index counts the inputs before it, not its lines: blank lines
    anywhere in the file are no input, as in a local run."""
    texts = [json.dumps(p) for p in profiles(120, seed=9)]
    lines = [t for i, t in enumerate(texts) for t in ((t, "") if i % 7 == 3 else (t,))]
    path = tmp_path / "blanks.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bag = dask_bag(path, blocksize=len(texts[0]) * 20)
    assert bag.npartitions >= 4
    on_cluster = bag.compute()
    assert [e["index"] for e in on_cluster] == list(range(len(texts)))
    assert [e["options"] for e in on_cluster] == [e["options"] for e in rows_for(texts)]


def test_a_path_is_planned_and_written_in_one_task_per_partition_as_the_bag_writes_it(
    client: Client, cohort_path: Path, tmp_path: Path
) -> None:
    """``write_partitions(path)`` plans each partition where it writes it, without the
    entries' dicts: the same files as ``write_partitions(dask_bag(path))``, errors included."""
    _ = client
    head = cohort_path.read_text(encoding="utf-8").splitlines()[:700]
    head[5] = head[5].replace('"positive"', '"negative"', 1)  # out of scope: an error row
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(head) + "\n\n", encoding="utf-8")  # a blank line at the end
    blocksize = len(head[0]) * 200
    by_bag = write_partitions(dask_bag(small, blocksize=blocksize), tmp_path / "bag")
    by_path = write_partitions(small, tmp_path / "path", blocksize=blocksize)
    names = sorted(p.name for p in (tmp_path / "bag").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "path").iterdir())
    assert len([n for n in names if n.endswith(".parquet")]) >= 3
    assert by_path == by_bag > 0
    for name in names:
        if name.endswith(".parquet"):
            assert pq.read_table(tmp_path / "path" / name).equals(
                pq.read_table(tmp_path / "bag" / name)
            )
            made = pq.read_schema(tmp_path / "path" / name).metadata[b"resistx"]
            assert json.loads(made)["policy"] == "ye2024"  # the bag's entries do not say it
            assert json.loads(made)["complete"] is True  # 9164
        else:
            bag_text = (tmp_path / "bag" / name).read_text(encoding="utf-8")
            assert (tmp_path / "path" / name).read_text(encoding="utf-8") == bag_text
    errors = "".join(
        (tmp_path / "path" / n).read_text(encoding="utf-8") for n in names if n.endswith("jsonl")
    )
    assert '"out_of_scope"' in errors
    with pytest.raises(TypeError, match="dask_bag's"):
        write_partitions(dask_bag(small), tmp_path / "x", policy="ye2024")


def test_a_file_s_lines_on_dask_read_and_placed_as_a_local_run_reads_and_places_them(
    client: Client, tmp_path: Path
) -> None:
    """5750 (MINOR): on Dask a file that began with a byte-order mark lost its first patient
    ('the item is not a JSON object'), a broken line's error was placed at 'line 2' of the
    text (its line end kept), and error rows named 'item 30', not the file and line. The
    local run's rows and errors, row for row, with Windows line ends and blank lines."""
    _ = client
    texts = [json.dumps(p) for p in profiles(90, seed=11)]
    texts[40] = texts[40][:-20]  # a truncated line
    texts[41] = texts[41].replace('"positive"', '"negative"', 1)  # out of scope
    lines = [t for i, t in enumerate(texts) for t in ((t, " ") if i % 9 == 4 else (t,))]
    path = tmp_path / "registry.jsonl"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert main(["cohort", str(path), "--out", str(tmp_path / "local.jsonl")]) == 0
    local = [
        json.loads(line)
        for line in (tmp_path / "local.errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    bag = dask_bag(path, blocksize=len(texts[0]) * 12)
    assert bag.npartitions >= 4
    on_cluster = bag.compute()
    assert [r for e in on_cluster for r in e["errors"]] == local
    assert {r["source"] for r in local} >= {"registry.jsonl:45"}  # 4 blank lines before it
    assert on_cluster[0]["planned"]  # the line after the byte-order mark
    options = [
        json.loads(line) for line in (tmp_path / "local.jsonl").read_text("utf-8").splitlines()
    ]
    assert [r for e in on_cluster for r in e["options"]] == options


def test_a_gzipped_file_on_dask_gives_the_local_run_s_rows(client: Client, tmp_path: Path) -> None:
    """9157: a '.jsonl.gz' file is read whole, as one partition (a compressed stream cannot
    be split), and planned and placed as the local run plans and places it."""
    _ = client
    import gzip  # noqa: PLC0415

    texts = [json.dumps(p) for p in profiles(40, seed=13)]
    texts[7] = texts[7][:-15]  # a truncated line: an error row placed at its line
    path = tmp_path / "registry.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(texts) + "\n").encode("utf-8")))
    assert main(["cohort", str(path), "--out", str(tmp_path / "local.jsonl")]) == 0
    read = (tmp_path / "local.jsonl").read_text("utf-8").splitlines()
    errors = (tmp_path / "local.errors.jsonl").read_text("utf-8").splitlines()
    on_cluster = dask_bag(path).compute()
    assert [r for e in on_cluster for r in e["options"]] == [json.loads(x) for x in read]
    assert [r for e in on_cluster for r in e["errors"]] == [json.loads(x) for x in errors]
    assert {json.loads(x)["source"] for x in errors} == {"registry.jsonl.gz:8"}
