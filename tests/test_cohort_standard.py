"""Cohorts of standard documents: a directory of Phenopackets or of mCODE FHIR bundles is read
through ``resistx.interop``, and each patient gets the rows of their hand-written profile."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from resistx.cli import main

INTEROP = Path(__file__).parent.parent / "examples" / "interop"


def _rows(path: Path) -> list[tuple[Any, ...]]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["index"], r["rank"], r["regimen"], r["tier"], r["total"]) for r in found]


def _cohort(tmp_path: Path, suffix: str, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for document in sorted(INTEROP.glob(f"0[1-5]-*{suffix}")):
        shutil.copy(document, folder / document.name)
    return folder


@pytest.mark.parametrize("suffix", [".phenopacket.json", ".fhir.json"])
def test_a_directory_of_documents_plans_each_patient_as_their_hand_written_profile(
    tmp_path: Path, suffix: str
) -> None:
    documents = _cohort(tmp_path, suffix, "documents")
    profiles = _cohort(tmp_path, ".profile.json", "profiles")
    out_d, out_p = tmp_path / "d.jsonl", tmp_path / "p.jsonl"
    assert main(["cohort", str(documents), "--out", str(out_d)]) == 0
    assert main(["cohort", str(profiles), "--out", str(out_p)]) == 0
    assert {r[0] for r in _rows(out_d)} == set(range(5))
    assert _rows(out_d) == _rows(out_p)


def test_a_document_the_converter_refuses_is_an_error_row_with_its_paths(tmp_path: Path) -> None:
    documents = _cohort(tmp_path, ".fhir.json", "documents")
    (documents / "00-broken.fhir.json").write_text(
        json.dumps({"resourceType": "Bundle", "entry": "not a list"}), encoding="utf-8"
    )
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    assert main(["cohort", str(documents), "--out", str(out), "--errors", str(errors)]) == 0
    problems = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert problems and {p["index"] for p in problems} == {0}
    assert all(p["source"] == "00-broken.fhir.json" and p["path"] for p in problems)
    assert {r[0] for r in _rows(out)} == {1, 2, 3, 4, 5}


def test_documents_converted_in_worker_processes_give_the_rows_and_errors_of_one_process(
    tmp_path: Path,
) -> None:
    """Under --jobs each document is converted where it is planned: the rows and the error
    rows are those of a run in one process."""
    documents = _cohort(tmp_path, ".phenopacket.json", "documents")
    (documents / "00-broken.phenopacket.json").write_text('{"subject": 3}', encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out, errors = tmp_path / f"o{jobs}.jsonl", tmp_path / f"e{jobs}.jsonl"
        assert (
            main(
                [
                    "cohort",
                    str(documents),
                    "--out",
                    str(out),
                    "--errors",
                    str(errors),
                    "--jobs",
                    jobs,
                ]
            )
            == 0
        )
        outputs.append((out.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    assert outputs[0][1] and '"00-broken.phenopacket.json"' in outputs[0][1]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_out_of_scope_document_is_an_error_row_and_the_cohort_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    """A converter ends by loading the profile, which checks the scope: hormone-receptor-
    negative disease is an ``out_of_scope`` error row naming the file, as in a JSON cohort."""
    documents = _cohort(tmp_path, ".phenopacket.json", "documents")
    first = sorted(INTEROP.glob("01-*.phenopacket.json"))[0].read_text(encoding="utf-8")
    negative = first.replace(
        '"LOINC:LA6576-8", "label": "Positive"', '"LOINC:LA6577-6", "label": "Negative"'
    )
    assert negative != first
    (documents / "00-negative.phenopacket.json").write_text(negative, encoding="utf-8")
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    command = ["cohort", str(documents), "--out", str(out), "--errors", str(errors), "--jobs", jobs]
    assert main(command) == 0
    problems = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(p["index"], p["kind"], p["source"]) for p in problems] == [
        (0, "out_of_scope", "00-negative.phenopacket.json")
    ]
    assert {r[0] for r in _rows(out)} == {1, 2, 3, 4, 5}
