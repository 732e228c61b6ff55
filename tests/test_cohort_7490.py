"""Session 66's cohort review (cases 7490-7509): a Ctrl-C that reaches the worker processes
as they start, hidden files in a directory, a next treatment that is no drug treatment, and
what a ``Result`` gives as the patient's id."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.cohort import _run
from resistx.cohort._rows import Settings
from tests.cohort_data import profiles, write_jsonl
from tests.test_cohort_cli import _read_jsonl


def test_a_ctrl_c_that_breaks_the_worker_pool_is_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """7492 (MINOR): a Ctrl-C to the process group while the workers started broke the pool,
    and the run ended in 'internal error' with no row written, not the promised stop."""

    def broken(*_args: Any, **_kw: Any) -> Iterator[Any]:
        os.kill(os.getpid(), signal.SIGINT)  # the group's signal reaches the run too
        raise BrokenProcessPool("a worker was terminated abruptly")
        yield  # a generator, as the pool's is

    monkeypatch.setattr(_run, "_in_processes", broken)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(3))
    outcome = _run.run(
        source, tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl", Settings(), jobs=2
    )
    assert outcome.interrupted and outcome.patients == 0
    assert (tmp_path / "o.jsonl").exists()


def test_a_broken_pool_without_a_ctrl_c_is_a_lost_worker_not_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed worker is not the user's Ctrl-C: the run says so (9153, tests/test_cohort_9153)."""

    def broken(*_args: Any, **_kw: Any) -> Iterator[Any]:
        raise BrokenProcessPool("a worker was terminated abruptly")
        yield

    monkeypatch.setattr(_run, "_in_processes", broken)
    source = write_jsonl(tmp_path / "in.jsonl", profiles(3))
    outcome = _run.run(
        source, tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl", Settings(), jobs=2
    )
    assert outcome.worker_lost and not outcome.interrupted and outcome.patients == 0


def test_hidden_json_files_of_a_directory_are_not_read(tmp_path: Path) -> None:
    """7496 (MINOR): macOS's '._name.json' and '.hidden.json' became error rows and shifted
    every index by one; the docs say hidden files aside."""
    folder = tmp_path / "in"
    folder.mkdir()
    [one] = profiles(1)
    (folder / "a.json").write_text(json.dumps(one), "utf-8")
    (folder / "._a.json").write_bytes(b"\x00\x05\x16\x07")
    (folder / ".hidden.json").write_text(json.dumps(one), "utf-8")
    outcome = _run.run(folder, tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl", Settings())
    assert outcome.patients == 1 and outcome.failed == 0
    assert not _read_jsonl(tmp_path / "o.errors.jsonl")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["denosumab", "elacestrant"], "bone-targeted agent"),
        (["zoledronic acid"], "bone-targeted agent"),
        (["radiotherapy"], "local treatment"),
    ],
)
def test_a_next_treatment_that_is_no_drug_line_says_so(given: list[str], said: str) -> None:
    """7502 (MINOR): 'denosumab' was 'not a drug resistx knows', and 'radiotherapy' drew 'did
    you mean chemotherapy?', which would make it concordant with chemotherapy."""
    [data] = profiles(1)
    data["next_treatment"] = given
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    message = str(caught.value)
    assert said in message and "leave it out of next_treatment" in message, message
    assert "did you mean" not in message, message


def test_a_parquet_row_is_counted_from_one_as_a_line_is(tmp_path: Path) -> None:
    """7494 (MINOR): the second row's error said 'row 1', while JSON Lines count from 1."""
    import pyarrow as pa  # noqa: PLC0415 - the cohort extra
    import pyarrow.parquet as pq  # noqa: PLC0415

    good, bad = profiles(2)
    bad["ecog"] = 9
    pq.write_table(
        pa.table({"profile": [json.dumps(good), json.dumps(bad)]}), tmp_path / "i.parquet"
    )
    _run.run(tmp_path / "i.parquet", tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl", Settings())
    [error] = _read_jsonl(tmp_path / "o.errors.jsonl")
    assert error["source"] == "i.parquet row 2", error


@pytest.mark.parametrize(
    ("short", "key"), [("DB-06", "DESTINY-Breast06"), ("TB01", "TROPION-Breast01")]
)
def test_a_trial_is_found_by_its_usual_abbreviation(short: str, key: str) -> None:
    """The practice review (MINOR): 'resistx trial --pack 2026.11 DB-06' found nothing and
    suggested nothing."""
    assert resistx.evidence("2026.11").trial(short).key == key
