"""Scenario tests for session 56's review of cohorts by a real-world-evidence researcher
(cases 3301-3308), each seen failing before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resistx
from resistx.cli import main
from tests.cohort_data import profiles


def _errors(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_truncated_line_is_placed_on_its_own_line(tmp_path: Path) -> None:
    """Case 3304 (MINOR): a truncated JSON line was 'not valid JSON ... at line 2, column 1'
    (the line's own newline counted); the line has no second line."""
    text = json.dumps(profiles(1)[0])
    text = text[: text.index('"treatments"')]  # ends '..., ': what follows is the newline
    source = tmp_path / "cut.jsonl"
    source.write_text(text + "\n", encoding="utf-8")
    assert main(["cohort", str(source), "--out", str(tmp_path / "out.jsonl")]) == 2  # none planned
    [error] = _errors(tmp_path / "out.errors.jsonl")
    assert "line 1, column" in str(error["message"]), error


def test_a_byte_order_mark_before_the_first_line_is_read_past(tmp_path: Path) -> None:
    """Case 3305 (MINOR): a UTF-8 byte-order mark (Excel and Windows exports) made a valid first
    profile 'not a JSON object'; a single file with one said 'Unexpected UTF-8 BOM'."""
    cohort = profiles(2)
    source = tmp_path / "bom.jsonl"
    text = "".join(json.dumps(p) + "\n" for p in cohort)
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["cohort", str(source), "--out", str(tmp_path / "out.jsonl")]) == 0
    assert _errors(tmp_path / "out.errors.jsonl") == []
    single = tmp_path / "one.json"
    single.write_bytes(b"\xef\xbb\xbf" + json.dumps(cohort[0]).encode("utf-8"))
    assert resistx.load_profile(single).patient_id == cohort[0]["patient_id"]


def test_a_profile_file_that_does_not_load_keeps_its_patient_id(tmp_path: Path) -> None:
    """Case 3306 (MINOR): for a profile read from a file that did not load, the error's
    patient_id was null, though the Result promises the id its data gives."""
    bad = profiles(1)[0] | {"patient_id": "BAD01", "as_of": "not a date"}
    path = tmp_path / "p08.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    [result] = resistx.sequence_many([path])
    assert result.error is not None
    assert result.patient_id == "BAD01"
    [result] = resistx.sequence_many([str(path)])
    assert result.patient_id == "BAD01"


def test_a_cohort_says_how_many_patient_ids_appear_more_than_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Case 3307 (MINOR): two rows of one patient id (one with another profile) were planned as
    two patients with no word of it."""
    cohort = profiles(4)
    cohort[3]["patient_id"] = cohort[1]["patient_id"]
    source = tmp_path / "dups.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in cohort), encoding="utf-8")
    assert main(["cohort", str(source), "--out", str(tmp_path / "out.jsonl")]) == 0
    said = capsys.readouterr().out
    assert "1 patient id appears more than once" in said
    assert str(cohort[1]["patient_id"]) in said
