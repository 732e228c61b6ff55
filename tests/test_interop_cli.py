"""``resistx convert`` and ``resistx sequence --from``: standard documents on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resistx
from resistx.cli import main

FIXTURES = Path(__file__).parent.parent / "examples" / "interop"
PACKET = FIXTURES / "06-unmapped-codes.phenopacket.json"
BUNDLE = FIXTURES / "01-esr1-mutated.fhir.json"


def test_convert_prints_the_profile_and_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--from", "phenopacket", str(PACKET)]) == 0
    captured = capsys.readouterr()
    profile = resistx.load_profile(json.loads(captured.out))
    assert profile == resistx.load_profile(FIXTURES / "06-unmapped-codes.profile.json")
    assert "Not mapped (8):" in captured.err
    assert "$.medicalActions[2].treatment.agent [DrugBank:DB00399]" in captured.err


def test_convert_json_holds_profile_and_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--from", "fhir", "--json", str(BUNDLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source_format"] == "mCODE FHIR R4 Bundle"
    assert resistx.load_profile(data["profile"]).patient_id == "patient-01"
    assert {"path": "$.entry[5].resource", "code": "89247-1", "text": "ECOG 1"} in data["used"]


def test_sequence_from_a_bundle_is_the_plan_of_the_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["sequence", "--json", "--from", "fhir", str(BUNDLE)]) == 0
    from_bundle = json.loads(capsys.readouterr().out)
    assert main(["sequence", "--json", str(FIXTURES / "01-esr1-mutated.profile.json")]) == 0
    assert from_bundle == json.loads(capsys.readouterr().out)


def test_sequence_from_says_how_many_elements_were_not_mapped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["sequence", "--from", "phenopacket", str(PACKET)]) == 0
    assert "8 elements not mapped" in capsys.readouterr().err


def test_a_malformed_document_exits_2_with_its_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bundle.json"
    bad.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": "x"}))
    assert main(["convert", "--from", "fhir", str(bad)]) == 2
    assert "$.entry" in capsys.readouterr().err


def test_convert_needs_a_known_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["convert", "--from", "hl7v2", str(BUNDLE)])
    assert info.value.code == 2
    assert "phenopacket" in capsys.readouterr().err
