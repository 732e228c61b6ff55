"""The ``resistx`` command: a readable ranked plan, JSON on request, clean failures."""

from __future__ import annotations

import json
import re
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


def test_sequence_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sequence", "--markdown", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("**resistx plan**") and "| 1 | Elacestrant | preferred |" in out


def test_validate_good_and_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE)]) == 0
    assert "valid profile" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "hormone_receptor": "positive",
                "her2": "0",
                "treatments": [{"drugs": ["Ibrnce"], "months": -1}],
            }
        )
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert (
        "$.treatments[0].drugs[0]" in err and "Ibrance" in err and "$.treatments[0].months" in err
    )
    assert "Traceback" not in err


def test_trials_with_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trials", "--after-cdk46i", "--class", "akt_inhibitor"]) == 0
    out = capsys.readouterr().out
    assert "CAPItello-291" in out and "BOLERO-2" not in out
    assert main(["trials", "--drug", "Orserdu"]) == 0
    assert "EMERALD" in capsys.readouterr().out
    assert main(["trials", "--biomarker", "PALB2"]) == 0
    assert "TBCRC 048" in capsys.readouterr().out
    assert main(["trials", "--drug", "aspirinib"]) == 2
    assert "aspirinib" in capsys.readouterr().err


def test_trial_shows_figures_discrepancies_and_grade(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trial", "bylieve"]) == 0
    out = capsys.readouterr().out
    assert "7.3" in out and "7.2" in out and "contradicts itself" in out
    assert main(["trial", "NCT04305496"]) == 0
    out = capsys.readouterr().out
    assert "CAPItello-291" in out and "ESMO-MCBS" in out
    assert re.search(r"^  ITT +PFS +2b +3 +Form 2b", out, flags=re.MULTILINE)
    assert main(["trial", "emeraldd"]) == 2
    assert "closest: EMERALD" in capsys.readouterr().err


def test_trial_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trial", "emerald", "--json"]) == 0
    assert resistx.from_dict(
        resistx.Trial, json.loads(capsys.readouterr().out)
    ) == resistx.evidence().trial("EMERALD")


def test_mechanisms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mechanisms"]) == 0
    assert len([ln for ln in capsys.readouterr().out.splitlines() if "targets:" in ln]) == len(
        resistx.mechanisms()
    )
    assert main(["mechanisms", "--gene", "cyclin E1"]) == 0
    assert "VELA" in capsys.readouterr().out
    assert main(["mechanisms", "--gene", "XYZ"]) == 2


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "profile"]) == 0
    assert json.loads(capsys.readouterr().out) == resistx.json_schema("profile")


def test_plot_forest_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "forest.png"
    assert main(["plot", "forest", "--out", str(out), "--dpi", "60"]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert main(["plot", "forest", "--out", str(tmp_path / "no" / "such" / "dir.png")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_every_command_has_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (
        "sequence",
        "compare",
        "validate",
        "trials",
        "trial",
        "mechanisms",
        "schema",
        "plot",
    ):
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert "examples:" in capsys.readouterr().out


def test_plot_with_an_unknown_image_type_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "forest", "--out", str(tmp_path / "forest.xyz")]) == 2
    err = capsys.readouterr().err
    assert "png" in err and "Traceback" not in err


def test_schema_of_something_else_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["schema", "trial"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


ULTRALOW = Path(__file__).parent.parent / "examples" / "23-her2-ultralow-no-chemotherapy.json"


def test_sequence_under_another_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sequence", "--policy", "practice-2026", "--json", str(ULTRALOW)]) == 0
    plan = resistx.from_dict(resistx.Plan, json.loads(capsys.readouterr().out))
    assert plan == resistx.sequence(ULTRALOW, policy="practice-2026")
    assert plan.options[0].regimen.id == "trastuzumab-deruxtecan"
    with pytest.raises(SystemExit):
        main(["sequence", "--policy", "nope", str(ULTRALOW)])


def test_the_default_plan_prints_its_since_review_section(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["sequence", str(ULTRALOW)]) == 0
    out = capsys.readouterr().out
    assert "Since the review:" in out
    assert (
        "Trastuzumab deruxtecan comes first, preferred there (left out here), before"
        in " ".join(out.split())
    )
    assert "--policy practice-2026" in out


def test_compare_prints_the_differences_with_ranks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ULTRALOW)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ye2024 -> practice-2026:")
    assert re.search(r"top_option\s+trastuzumab-deruxtecan\s+- -> 1 \(preferred\)", out)
    assert main(["compare", "--json", str(ULTRALOW)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == resistx.to_dict(resistx.compare(ULTRALOW))


def test_trials_of_a_pack_and_since_the_review(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trials", "--pack", "2026.11", "--since-review"]) == 0
    out = capsys.readouterr().out
    assert "DESTINY-Breast06" in out and "INAVO120" in out
    assert "EMERALD" not in out  # a review trial (amended, not new)
    assert "added since the review (evidence 2026.11)" in out
    assert main(["trials", "--pack", "2026.11", "--drug", "imlunestrant"]) == 0
    assert "EMBER-3" in capsys.readouterr().out
    assert main(["trial", "--pack", "2026.11", "VERITAC-2"]) == 0
    out = capsys.readouterr().out
    assert "0.58" in out and "citation Hamilton" in out
    assert "[primary source]" in out and "[secondary source]" in out
    assert main(["trial", "EMERALD"]) == 0
    assert "source]" not in capsys.readouterr().out  # the review's figures carry no level
    assert main(["trials", "--pack", "1999.1"]) == 2
    assert "known: 2024.16-8, 2026.11" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["trials", "--since-review"])


def test_plot_forest_of_the_pack(tmp_path: Path) -> None:
    out = tmp_path / "forest.png"
    assert main(["plot", "forest", "--pack", "2026.11", "--out", str(out), "--dpi", "60"]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    import resistx.plot  # noqa: PLC0415 - matplotlib only here

    rows = resistx.plot.forest_rows(resistx.evidence("2026.11"))
    assert {"VERITAC-2", "evERA", "VIKTORIA-1", "postMONARCH"} <= {r["trial"] for r in rows}
    assert not {r["trial"] for r in resistx.plot.forest_rows()} & {"VERITAC-2", "evERA"}
