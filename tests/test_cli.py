"""The ``resistx`` command: a readable ranked plan, JSON on request, clean failures."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resistx
from resistx.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "01-esr1-mutated.json"


def test_sequence_prints_a_ranked_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sequence", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "1. Elacestrant  [preferred]" in out
    assert "EMERALD" in out and "HR 0.55" in out
    assert "caution:" in out and "Left out:" in out
    assert "Decision support for clinicians" in out


def test_sequence_json_is_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sequence", "--json", str(EXAMPLE)]) == 0
    plan = resistx.from_dict(resistx.Plan, json.loads(capsys.readouterr().out))
    assert plan == resistx.sequence(EXAMPLE)


def test_preferences_from_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "sequence",
                "--json",
                "--priority",
                "quality_of_life",
                "--cost-sensitive",
                "--no-trials",
                str(EXAMPLE),
            ]
        )
        == 0
    )
    plan = resistx.from_dict(resistx.Plan, json.loads(capsys.readouterr().out))
    expected = resistx.sequence(
        EXAMPLE, {"priority": "quality_of_life", "cost_sensitive": True, "include_trials": False}
    )
    assert plan == expected


def test_bad_input_exits_2_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"schema_version": 1, "hormone_receptor": "positive", "her2": "lo", "ecog": "1"})
    )
    assert main(["sequence", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "$.her2" in err and "$.ecog" in err and "Traceback" not in err


def test_out_of_scope_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "her2.json"
    p.write_text(
        json.dumps({"schema_version": 1, "hormone_receptor": "positive", "her2": "positive"})
    )
    assert main(["sequence", str(p)]) == 3
    assert "out of scope" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sequence", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["sequence"])
    assert info.value.code == 2


def test_the_installed_console_script() -> None:
    # beside the interpreter that runs the tests, as pip installs it into the environment
    exe = shutil.which("resistx", path=str(Path(sys.executable).parent))
    assert exe is not None, "the resistx console script is not installed"
    done = subprocess.run(
        [exe, "sequence", "-"],
        input=EXAMPLE.read_text(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Elacestrant" in done.stdout
