"""``resistx cohort``: the command's options and its run (the parser lives in ``resistx.cli``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import resistx
from resistx.cohort._readers import format_of, not_read
from resistx.cohort._rows import Settings
from resistx.cohort._run import Outcome, run
from resistx.cohort._writers import check_suffix

EXIT_SIGNALLED = 128  # and the signal's number
EXIT_BAD_INPUT = 2  # resistx.cli's: every patient of the input failed, or it held none
#: a worker process ended abruptly (sysexits' EX_TEMPFAIL: run again, with fewer --jobs if
#: memory ran out); the whole chunks before it are written (9153)
EXIT_WORKER_LOST = 75
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def _of_input(count: int | None) -> str:
    return f" of the {count:,} patients of the input" if count is not None else ""


def _errors_path(out: Path) -> Path:
    return out.with_name(out.name.rsplit(".", 1)[0] + ".errors.jsonl")


def _clash(source: Path, outputs: list[Path], also: list[Path]) -> bool:
    """An output is a file the run reads (IN, or a file of a directory IN) or another output,
    by path or by other names (a hard link or a symlink: case 5535 and its recheck, where
    --out, or --concordance, overwrote the input and the run said it went well); ``also``:
    the other files it reads (--preferences: the second recheck)."""
    resolved = [o.resolve() for o in outputs]
    if len(set(resolved)) < len(resolved) or {r.resolve() for r in (source, *also)} & set(resolved):
        return True  # by path, existing or not
    files = [f for f in source.iterdir() if f.is_file()] if source.is_dir() else [source]
    read = {_inode(f) for f in (*files, *also) if f.is_file()}
    written = [_inode(o) for o in outputs if o.exists()]
    return bool(read & set(written)) or len(set(written)) < len(written)  # by other names


def _inode(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _writable(path: Path, option: str) -> None:
    """An output the run can write: no directory, in a directory that exists. Checked before
    anything is written (9151: a directory given as --errors was found once --out had been
    emptied; 9155: a bad --concordance once the whole run was done)."""
    if path.is_dir():
        msg = f"{option}: {path} is a directory; name a file"
        raise resistx.ResistxError(msg)
    if not path.parent.is_dir():
        msg = f"{option}: cannot write {path}: no directory {path.parent}"
        raise resistx.ResistxError(msg)
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        msg = f"{option}: cannot write {path}: permission denied"
        raise resistx.ResistxError(msg)


def _check(args: argparse.Namespace) -> Path:
    """Every usage problem before the first profile is read; the errors file's path."""
    if str(args.input) == "-":  # 9486: 'no such file or directory'
        msg = "IN: resistx cohort does not read standard input: write the profiles to a file"
        raise resistx.ResistxError(msg)
    if not args.input.exists():
        msg = f"cannot read {args.input}: no such file or directory"
        raise resistx.ResistxError(msg)
    format_of(args.input).check(args.input)
    errors = args.errors or _errors_path(args.out)
    outputs = [args.out, errors, args.concordance, args.concordance_plot]
    options = ("--out", "--errors", "--concordance", "--concordance-plot")
    for path, option in zip(outputs, options, strict=True):
        if path is not None:  # a directory named as such before its missing suffix (9483)
            _writable(path, option)
    check_suffix(args.out, "--out")
    check_suffix(errors, "--errors")
    also = [Path(args.preferences)] if getattr(args, "preferences", None) else []
    if _clash(args.input, [o for o in outputs if o is not None], also):
        msg = (
            "IN, --out and --errors must be three different files, and no output (the "
            "concordance files too) a file the run reads or another output"
        )
        raise resistx.ResistxError(msg)
    if args.concordance is not None and args.concordance.suffix.lower() != ".csv":
        msg = f"--concordance: name the summary .csv, not {args.concordance.name}"
        raise resistx.ResistxError(msg)
    plot = args.concordance_plot
    if plot is not None:
        if plot.suffix.lower() not in PLOT_SUFFIXES:
            msg = f"--concordance-plot: name the image .png, .svg or .pdf, not {plot.name}"
            raise resistx.ResistxError(msg)
        try:
            import matplotlib  # noqa: F401, PLC0415
        except ImportError:
            raise resistx.MissingExtraError("--concordance-plot needs matplotlib", "plot") from None
    return errors


def _report(args: argparse.Namespace, done: Outcome, say: Callable[..., None]) -> None:
    if args.concordance is not None:
        done.summary.write_csv(args.concordance)
    if args.concordance_plot is not None:
        from resistx.cohort._plot import concordance  # noqa: PLC0415 - matplotlib on demand

        concordance(done.summary).savefig(args.concordance_plot, dpi=150)
    if done.repeated:
        many = len(done.repeated)
        shown = ", ".join(list(done.repeated)[:3]) + (", ..." if many > 3 else "")
        say(
            f"{many:,} patient id{' appears' if many == 1 else 's appear'} more than once "
            f"({shown}): each row was planned as a patient of its own"
        )
    documents, unmapped, assumed = done.reported
    if documents:  # what `sequence --from` says of one document (9152)
        say(
            f"{documents:,} document{'s' * (documents != 1)} converted: {unmapped:,} elements "
            f"not mapped and {assumed:,} assumptions (`resistx convert --from "
            "phenopacket|fhir FILE` lists them for one document)"
        )
    summary = done.summary
    if summary.stated:
        say(
            f"concordance: {summary.ranked_first:,} of {summary.stated:,} next treatments "
            "stated were ranked first"
            + (f"; summary in {args.concordance}" if args.concordance else "")
        )


def run_command(
    args: argparse.Namespace,
    preferences: resistx.Preferences,
    say: Callable[[str, TextIO | None], None],
) -> int:
    errors = _check(args)
    if args.input.is_dir() and (left := not_read(args.input)):
        # all of them, up to six; more, five and a count (9484: 'and 1 more')
        listed = (
            ", ".join(left)
            if len(left) <= 6
            else f"{', '.join(left[:5])} and {len(left) - 5:,} more"
        )
        say(
            f"resistx cohort: {len(left):,} entr{'y' if len(left) == 1 else 'ies'} of "
            f"{args.input} not read (only its own .json files are): {listed}",
            sys.stderr,
        )
    settings = Settings(policy=args.policy, preferences=preferences)
    shown = sys.stderr.isatty() and sys.stdout.isatty()
    done = run(args.input, args.out, errors, settings, jobs=args.jobs, progress=shown)
    made = settings.made_by()
    counts = (
        f"{done.planned:,} of {done.patients:,} patients planned under {made['policy']} "
        f"version {made['policy_version']} (evidence {made['evidence']}): {done.rows:,} rows in "
        f"{args.out}; {done.failed:,} with errors in {errors}"
    )
    done_first = f"the complete rows of the first {done.patients:,} patients"
    if done.interrupted:
        say(
            f"resistx cohort: interrupted: {counts} ({done_first}{_of_input(done.in_input)})",
            sys.stderr,
        )
    elif done.worker_lost:
        say(
            "resistx cohort: a worker process ended abruptly (killed, or out of memory), and "
            f"the run stopped: {counts} ({done_first}{_of_input(done.in_input)}); run it "
            "again, with fewer --jobs if memory ran out",
            sys.stderr,
        )
    else:
        say(f"resistx cohort: {counts}", None)
    _report(args, done, lambda m: say(m, None))
    # 130 for Ctrl-C, 143 for SIGTERM: the shell's codes
    code = EXIT_SIGNALLED + done.signum if done.interrupted else EXIT_WORKER_LOST
    if done.end_now:  # a pool thread left waiting for ever would keep the exit waiting (9480)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if done.interrupted or done.worker_lost:
        return code
    if not done.patients:  # an empty file: a pipeline that lost its input (9305)
        say(f"resistx cohort: {args.input} holds no patient", sys.stderr)
        return EXIT_BAD_INPUT
    if done.patients and not done.planned:  # another format, say: not a success (8667)
        say(
            f"resistx cohort: no patient of the {done.patients:,} could be planned: each one's "
            f"problems are in {errors}",
            sys.stderr,
        )
        return EXIT_BAD_INPUT
    return 0
