"""``resistx report``: it writes the report to ``--out`` and nothing else, with the options
of ``resistx sequence``; bad input writes nothing and names every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resistx
from resistx.cli import main
from tests.helpers import patient
from tests.test_report import example


def test_the_command_writes_the_report_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work, out = tmp_path / "cwd", tmp_path / "out"
    work.mkdir()
    out.mkdir()
    monkeypatch.chdir(work)
    target = out / "plan.html"
    argv = ["report", str(example("23")), "--out", str(target)]
    assert main([*argv, "--policy", "practice-2026", "--priority", "quality_of_life"]) == 0
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert [p.name for p in out.iterdir()] == ["plan.html"]
    assert list(work.iterdir()) == []
    profile = resistx.load_profile(example("23"))
    prefs = {"priority": "quality_of_life"}
    plan = resistx.sequence(profile, prefs, policy="practice-2026")
    assert target.read_text(encoding="utf-8") == plan.to_html(
        full=True, profile=profile, preferences=prefs
    )


def test_a_bad_profile_names_every_problem_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    profile = patient(her2="purple", ecog=9, treatments=[{"drugs": ["palbociclibb"]}])
    bad.write_text(json.dumps(profile), encoding="utf-8")
    target = tmp_path / "plan.html"
    assert main(["report", str(bad), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    for where in ("$.her2", "$.ecog", "$.treatments[0].drugs[0]"):
        assert where in err
    assert "palbociclib" in err  # did you mean
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.json"]


def test_bad_preferences_and_an_unwritable_out_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefs = tmp_path / "prefs.json"
    prefs.write_text('{"priority": "speed", "include_trials": "no"}', encoding="utf-8")
    target = tmp_path / "plan.html"
    assert (
        main(["report", str(example("01")), "--out", str(target), "--preferences", str(prefs)]) == 2
    )
    err = capsys.readouterr().err
    assert "$.priority" in err and "$.include_trials" in err
    assert not target.exists()
    missing = tmp_path / "no such dir" / "plan.html"
    assert main(["report", str(example("01")), "--out", str(missing)]) == 2
    assert "--out: cannot write" in capsys.readouterr().err


def test_the_report_never_replaces_its_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "p.json"
    text = example("01").read_text(encoding="utf-8")
    profile.write_text(text, encoding="utf-8")
    assert main(["report", str(profile), "--out", str(tmp_path / "." / "p.json")]) == 2
    assert "is the profile itself" in capsys.readouterr().err
    assert profile.read_text(encoding="utf-8") == text


def test_the_command_has_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "resistx report examples/01-esr1-mutated.json" in out
    for option in ("--out", "--policy", "--preferences", "--priority", "--no-trials"):
        assert option in out


@pytest.mark.parametrize("source", ["fhir", "phenopacket"])
def test_a_report_from_a_standard_document_is_the_report_of_its_converted_profile(
    tmp_path: Path, source: str
) -> None:
    from resistx import interop  # noqa: PLC0415

    document = Path(__file__).parent.parent / "examples" / "interop"
    document = document / f"03-pik3ca-esr1-diabetes.{source}.json"
    target = tmp_path / "plan.html"
    assert main(["report", "--from", source, str(document), "--out", str(target)]) == 0
    convert = interop.from_fhir if source == "fhir" else interop.from_phenopacket
    profile = convert(document).profile
    plan = resistx.sequence(profile)
    assert target.read_text(encoding="utf-8") == plan.to_html(full=True, profile=profile)
