"""The command line's edges: every bad option value is a usage error naming the option, every
unknown name gets a suggestion, internal errors are told apart from bad input, and output can
neither fail to encode nor carry control characters from the input to the terminal."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import resistx
import resistx.cli
from resistx.cli import main
from tests.helpers import patient, result

EXAMPLE = Path(__file__).parent.parent / "examples" / "01-esr1-mutated.json"


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command, expect argparse's usage error (exit 2), return stderr."""
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def run(*argv: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The installed console script, in a fresh process with extra environment variables."""
    exe = shutil.which("resistx", path=str(Path(sys.executable).parent))
    assert exe is not None
    return subprocess.run(
        [exe, *argv],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, **env},
    )


# -- item 5: option values ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jobs", "said"),
    [("0", "must be 1 or more, got 0"), ("two", "expected a whole number of processes")],
)
def test_a_bad_number_of_cohort_jobs_is_a_usage_error(
    jobs: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "in.jsonl"
    cohort.write_text("{}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    err = usage_error(capsys, "cohort", str(cohort), "--out", str(out), "--jobs", jobs)
    assert "argument --jobs" in err and said in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("dpi", "said"),
    [("100000", "must be from 10 to 1200, got 100000"), ("abc", "whole number of dots per inch")],
)
def test_a_bad_dpi_says_what_is_allowed(
    dpi: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, "plot", "forest", "--out", str(tmp_path / "f.png"), "--dpi", dpi)
    assert said in err


@pytest.mark.parametrize("dpi", ["0", "-5", "abc", "1.5", "100000"])
def test_a_bad_dpi_is_a_usage_error(
    dpi: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, "plot", "forest", "--out", str(tmp_path / "f.png"), "--dpi", dpi)
    assert "argument --dpi" in err
    assert not (tmp_path / "f.png").exists()


@pytest.mark.parametrize("months", ["-1", "nan", "inf", "six"])
def test_a_bad_short_cdk46i_months_is_a_usage_error(
    months: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, "sequence", str(EXAMPLE), "--short-cdk46i-months", months)
    assert "argument --short-cdk46i-months" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["sequence", str(EXAMPLE), "--priority", "speed"],
        ["trials", "--class", "serd2"],
        ["schema", "trial"],
        ["plot", "bar", "--out", "x.png"],
        ["sequence", "--json", "--markdown", str(EXAMPLE)],
        ["trial", "EMERALD", "--json", "--markdown"],
    ],
)
def test_every_bad_choice_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "error:" in usage_error(capsys, *argv)


def test_an_internal_error_is_not_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> resistx.Plan:
        msg = "a bug"
        raise ZeroDivisionError(msg)

    monkeypatch.setattr(resistx, "sequence", broken)
    assert main(["sequence", str(EXAMPLE)]) == 70
    err = capsys.readouterr().err
    assert "internal error, please report" in err and resistx.__version__ in err
    assert "ZeroDivisionError: a bug" in err and "--debug" in err
    assert "Traceback" not in err
    for argv in (["--debug", "sequence", str(EXAMPLE)], ["sequence", "--debug", str(EXAMPLE)]):
        assert main(argv) == 70
        err = capsys.readouterr().err
        assert "Traceback" in err and "ZeroDivisionError" in err


def test_an_import_error_from_a_bug_is_internal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> resistx.Plan:
        msg = "No module named 'resistx.sequencing.gone'"
        raise ImportError(msg)

    monkeypatch.setattr(resistx, "sequence", broken)
    assert main(["sequence", str(EXAMPLE)]) == 70
    assert "internal error" in capsys.readouterr().err


def test_a_missing_extra_names_it_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import resistx.plot  # noqa: PLC0415

    def no_matplotlib(*_args: object, **_kwargs: object) -> None:
        raise resistx.MissingExtraError("plots need matplotlib", "plot")

    monkeypatch.setattr(resistx.plot, "forest", no_matplotlib)
    assert main(["plot", "forest", "--out", str(tmp_path / "f.png")]) == 2
    assert 'pip install "resistx[plot]"' in capsys.readouterr().err


def test_every_image_type_offered_can_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "forest", "--out", str(tmp_path / "f.unknown")]) == 2
    offered = capsys.readouterr().err.split("use one of: ")[1].strip().split(", ")
    assert "png" in offered and "svg" in offered and "pgf" not in offered
    for kind in offered:
        out = tmp_path / f"forest.{kind}"
        assert main(["plot", "forest", "--out", str(out), "--dpi", "20"]) == 0, kind
        assert out.stat().st_size > 0


def test_an_unwritable_output_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "forest", "--out", str(tmp_path)]) == 2  # a directory, no suffix
    assert "--out" in capsys.readouterr().err
    assert main(["plot", "forest", "--out", str(tmp_path / "no" / "dir.png")]) == 2
    err = capsys.readouterr().err
    assert "--out: cannot write" in err and "Traceback" not in err


# -- item 6: encodings and control characters ----------------------------------------------------


def test_non_ascii_patient_id_on_an_ascii_terminal(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(
        json.dumps(patient(patient_id="Zoë Ångström", biomarkers=[result("ESR1", "mutated")])),
        encoding="utf-8",
    )
    for argv in (["sequence", str(profile)], ["validate", str(profile)]):
        done = run(*argv, PYTHONIOENCODING="ascii")
        assert done.returncode == 0, done.stderr
        assert b"Zo\\xeb \\xc5ngstr\\xf6m" in done.stdout
    done = run("sequence", "--json", str(profile), PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["patient_id"] == "Zoë Ångström"  # ASCII escapes, still JSON


def test_an_error_message_on_an_ascii_terminal(tmp_path: Path) -> None:
    missing = tmp_path / "pätient.json"
    done = run("validate", str(missing), PYTHONIOENCODING="ascii")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"cannot read" in done.stderr


def test_stdin_that_is_not_utf8_is_a_profile_error() -> None:
    data = json.dumps(patient(patient_id="Zoë"), ensure_ascii=False).encode("latin-1")
    for env in ({"PYTHONIOENCODING": "utf-8"}, {"PYTHONIOENCODING": "ascii"}):
        done = run("sequence", "-", stdin=data, **env)
        assert done.returncode == 2, done.stderr
        assert b"standard input is not UTF-8" in done.stderr
        assert b"Traceback" not in done.stderr


def test_stdin_is_read_as_utf8_whatever_the_locale() -> None:
    data = json.dumps(patient(patient_id="Zoë"), ensure_ascii=False).encode("utf-8")
    done = run("validate", "-", stdin=data, PYTHONIOENCODING="ascii", LC_ALL="C")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"Zo\\xeb: valid profile")


HOSTILE_ID = "\x1b[2J\x1b]0;owned\x07red\r\u202eevil"


def test_control_characters_from_the_input_are_refused_and_said_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A patient id with control and direction characters is refused since session 72 (9163),
    and every command's message shows them escaped, never raw."""
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(patient(patient_id=HOSTILE_ID)), encoding="utf-8")
    for argv in (
        ["sequence", str(profile)],
        ["sequence", "--markdown", str(profile)],
        ["sequence", "--json", str(profile)],
        ["validate", str(profile)],
    ):
        assert main(argv) == 2, argv
        said = capsys.readouterr()
        assert "patient_id" in said.err and "U+001B" in said.err, said.err
        assert not set(said.out + said.err) & {"\x1b", "\x07", "\r", "\u202e"}, argv


def test_every_view_of_a_plan_escapes_its_patient_id() -> None:
    """A plan made in code may still hold such an id: its views escape it (defence in depth)."""
    plan = attrs.evolve(resistx.sequence(patient()), patient_id=HOSTILE_ID)
    assert "\\x1b[2J\\x1b]0;owned\\x07red\\r\\u202eevil" in plan.to_text()
    assert "\\x1b\\[2J\\x1b\\]0;owned\\x07red\\r\\u202eevil" in plan.to_markdown()
    for shown in (plan.to_text(), plan.to_markdown(), plan.to_html()):
        assert not set(shown) & {"\x1b", "\x07", "\r", "\u202e"}


def test_control_characters_in_names_and_file_names_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "a\x1b[31mb.json"
    for argv in (
        ["validate", str(bad)],
        ["trial", "EMER\x1b[31mALD"],
        ["trials", "--drug", "pal\x07bo"],
        ["mechanisms", "--gene", "CC\x1bNE1"],
        ["plot", "forest", "--out", str(tmp_path / "x\x1b.bmpx")],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert not set(err) & {"\x1b", "\x07"}, argv


def test_the_text_view_escapes_the_patient_id() -> None:
    plan = attrs.evolve(resistx.sequence(patient()), patient_id=HOSTILE_ID)
    assert "\x1b" not in plan.to_text() and "\\x1b[2J" in plan.to_text()


# -- item 16: consistent commands ------------------------------------------------------------------


def test_an_unknown_drug_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trials", "--drug", "palbocyclib"]) == 2
    err = capsys.readouterr().err
    assert "--drug" in err and "did you mean palbociclib" in err


def test_an_unknown_biomarker_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trials", "--biomarker", "FOO"]) == 2
    assert "no gene 'FOO'" in capsys.readouterr().err
    assert main(["trials", "--biomarker", "PIK3C"]) == 2
    assert "did you mean PIK3CA" in capsys.readouterr().err
    assert main(["trials", "--biomarker", "pik3ca"]) == 0
    assert "SOLAR-1" in capsys.readouterr().out


def test_an_unknown_gene_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mechanisms", "--gene", "CCNE"]) == 2
    err = capsys.readouterr().err
    assert "--gene" in err and "did you mean" in err and "CCNE1" in err
    assert main(["mechanisms", "--gene", "FOO"]) == 2
    assert "no gene 'FOO'" in capsys.readouterr().err


def test_a_known_gene_without_mechanism_is_not_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert not any("PALB2" in m.genes for m in resistx.mechanisms())
    assert main(["mechanisms", "--gene", "palb2"]) == 0
    assert "no mechanism in the catalog involves PALB2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "option", "meant"),
    [
        (["trials", "--class", "oral_sred"], "--class", "oral_serd"),
        (["sequence", str(EXAMPLE), "--priority", "surviva"], "--priority", "survival"),
        (["schema", "plna"], "profile|plan", "plan"),
        (["plot", "forrest", "--out", "f.png"], "forest|plan", "forest"),
    ],
)
def test_an_unknown_choice_gets_a_suggestion(
    argv: list[str], option: str, meant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, *argv)
    assert f"argument {option}: invalid choice" in err and f"did you mean {meant}" in err


def test_every_option_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = resistx.cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        for action in command._actions:
            assert action.help, (name, action.dest)
    with pytest.raises(SystemExit):
        main(["plot", "--help"])
    assert "dots per inch" in capsys.readouterr().out


def test_the_schema_error_names_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "schema", "trial")
    assert "argument which" not in err and "profile|plan" in err


def test_plot_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.png"
    assert main(["plot", "plan", str(EXAMPLE), "--out", str(out), "--dpi", "40"]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "resistx plot: error: plot plan" in usage_error(
        capsys, "plot", "plan", "--out", str(out)
    )
    err = usage_error(capsys, "plot", "forest", str(EXAMPLE), "--out", str(out))
    assert "plot forest: unexpected argument" in err


def test_sequence_reads_a_preferences_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefs = tmp_path / "prefs.json"
    prefs.write_text(json.dumps({"priority": "quality_of_life", "short_cdk46i_months": 30}))
    assert main(["sequence", "--json", "--preferences", str(prefs), str(EXAMPLE)]) == 0
    got = resistx.from_json(resistx.Plan, capsys.readouterr().out)
    assert got == resistx.sequence(
        EXAMPLE, {"priority": "quality_of_life", "short_cdk46i_months": 30}
    )
    assert got != resistx.sequence(EXAMPLE)
    # the flags override the file
    argv = ["sequence", "--json", "--preferences", str(prefs), "--priority", "survival"]
    assert main([*argv, "--short-cdk46i-months", "3", "--no-trials", str(EXAMPLE)]) == 0
    got = resistx.from_json(resistx.Plan, capsys.readouterr().out)
    assert got == resistx.sequence(
        EXAMPLE, {"priority": "survival", "short_cdk46i_months": 3, "include_trials": False}
    )


def test_a_bad_preferences_file_names_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefs = tmp_path / "prefs.json"
    prefs.write_text(json.dumps({"priority": "speed", "colour": "blue"}))
    assert main(["sequence", "--preferences", str(prefs), str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert str(prefs) in err and "$.priority" in err and "colour" in err
    prefs.write_text("[1, 2]")
    assert main(["sequence", "--preferences", str(prefs), str(EXAMPLE)]) == 2
    assert "JSON object" in capsys.readouterr().err
    assert main(["sequence", "--preferences", str(tmp_path / "none.json"), str(EXAMPLE)]) == 2
    assert "cannot read preferences file" in capsys.readouterr().err


def test_short_cdk46i_months_reaches_the_engine(capsys: pytest.CaptureFixture[str]) -> None:
    short = Path(__file__).parent.parent / "examples" / "11-short-cdk46i.json"
    assert main(["sequence", "--json", "--short-cdk46i-months", "1", str(short)]) == 0
    got = resistx.from_json(resistx.Plan, capsys.readouterr().out)
    assert got == resistx.sequence(short, {"short_cdk46i_months": 1})
    assert got != resistx.sequence(short)


def test_trial_prints_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trial", "EMERALD"]) == 0
    out = capsys.readouterr().out
    assert "**" not in out and "|---" not in out and "\\|" not in out
    assert out == resistx.evidence().trial("EMERALD").to_text() + "\n"
    assert main(["trial", "EMERALD", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("**EMERALD**")


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resistx", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"resistx {resistx.__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "resistx", "trials", "--drug", "palbocyclib"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "palbociclib" in done.stderr


# -- every option of every command, fuzzed -------------------------------------------------------

COMMANDS = ["sequence", "validate", "trials", "trial", "mechanisms", "schema", "plot"]
OPTIONS = [
    "--json",
    "--markdown",
    "--priority",
    "--cost-sensitive",
    "--no-trials",
    "--preferences",
    "--short-cdk46i-months",
    "--drug",
    "--class",
    "--biomarker",
    "--after-cdk46i",
    "--gene",
    "--dpi",
    "--out",
]
VALUES = [
    str(EXAMPLE),
    "-",
    "forest",
    "plan",
    "profile",
    "EMERALD",
    "palbociclib",
    "ESR1",
    "oral_serd",
    "survival",
    "0",
    "-5",
    "nan",
    "1e400",
    "12",
    "",
    "x.unknown",
    "\x1b[31m",
    "Zoë",
    "no/such/dir/f.svg",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(COMMANDS),
    st.lists(st.sampled_from(OPTIONS) | st.sampled_from(VALUES) | st.text(max_size=8), max_size=5),
)
@example("plot", ["forest", "--out", "f.png", "--dpi", "0"])
@example("plot", ["forest", "--out", "f.png", "--dpi", "-5"])
@example("sequence", [str(EXAMPLE), "--preferences", str(EXAMPLE)])
@example("sequence", ["\x00"])
@example("report", [str(EXAMPLE), "--out", "plan\x00.html"])
@example("cohort", [str(EXAMPLE), "--out", "rows\x00.parquet"])
def test_no_argument_list_is_an_internal_error(command: str, rest: list[str]) -> None:
    """Whatever the arguments, the command succeeds or fails as a usage or input error
    (exit 0, 2 or 3): never exit 70, never a traceback."""
    cwd = Path.cwd()
    stdin = sys.stdin
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # an --out lands in a directory of its own
        sys.stdin = io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        code: int | str | None
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([command, *rest])
        except SystemExit as e:  # argparse: usage error (2) or --help (0)
            code = e.code
        finally:
            os.chdir(cwd)
            sys.stdin = stdin
    assert code in (0, 2, 3), (code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    assert "\x1b" not in out.getvalue() + err.getvalue()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_not_an_internal_error() -> None:
    exe = shutil.which("resistx", path=str(Path(sys.executable).parent))
    assert exe is not None
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [exe, "trials"], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2, done.stderr
    assert "cannot write the output" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_closed_stdin_is_a_profile_error() -> None:
    exe = shutil.which("resistx", path=str(Path(sys.executable).parent))
    assert exe is not None
    done = subprocess.run(
        [exe, "validate", "-"],
        stdin=None,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2, done.stderr
    assert "standard input is closed" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["sequence", "a\x00.json"],
        ["report", str(EXAMPLE), "--out", "a\x00.html"],
        ["plot", "plan", str(EXAMPLE), "--out", "a\x00.svg"],
        ["cohort", str(EXAMPLE), "--out", "a\x00.parquet"],
        ["sequence", str(EXAMPLE), "--preferences", "a\x00.json"],
        ["cohort", str(EXAMPLE), "--out", "a.parquet", "--preferences", "a\x00.json"],
    ],
)
def test_a_path_holding_a_nul_character_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert "a path cannot hold a NUL character" in usage_error(capsys, *argv)
