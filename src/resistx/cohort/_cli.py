"""``resistx cohort``: the command's options and its run (the parser lives in ``resistx.cli``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import resistx
from resistx.cohort._readers import format_of
from resistx.cohort._rows import Settings
from resistx.cohort._run import Outcome, run
from resistx.cohort._writers import check_suffix

EXIT_INTERRUPTED = 130
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def _of_input(count: int | None) -> str:
    return f" of the {count:,} patients of the input" if count is not None else ""


def _errors_path(out: Path) -> Path:
    return out.with_name(out.name.rsplit(".", 1)[0] + ".errors.jsonl")


def _same_file(*paths: Path) -> bool:
    """Two of ``paths`` are one file by other names (a hard link: case 5535, where --out
    emptied the input and the run said it planned 0 of 0 patients)."""
    there = [p for p in paths if p.exists()]
    return any(a.samefile(b) for k, a in enumerate(there) for b in there[k + 1 :])


def _check(args: argparse.Namespace) -> Path:
    """Every usage problem before the first profile is read; the errors file's path."""
    if not args.input.exists():
        msg = f"cannot read {args.input}: no such file or directory"
        raise resistx.ResistxError(msg)
    format_of(args.input).check(args.input)
    errors = args.errors or _errors_path(args.out)
    check_suffix(args.out, "--out")
    check_suffix(errors, "--errors")
    if len({args.input.resolve(), args.out.resolve(), errors.resolve()}) < 3 or _same_file(
        args.input, args.out, errors
    ):
        msg = "IN, --out and --errors must be three different files"
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
    settings = Settings(policy=args.policy, preferences=preferences)
    shown = sys.stderr.isatty() and sys.stdout.isatty()
    done = run(args.input, args.out, errors, settings, jobs=args.jobs, progress=shown)
    made = settings.made_by()
    counts = (
        f"{done.planned:,} of {done.patients:,} patients planned under {made['policy']} "
        f"{made['policy_version']} (evidence {made['evidence']}): {done.rows:,} rows in "
        f"{args.out}; {done.failed:,} with errors in {errors}"
    )
    if done.interrupted:
        say(
            f"resistx cohort: interrupted: {counts} (the complete rows of the first "
            f"{done.patients:,} patients{_of_input(done.in_input)})",
            sys.stderr,
        )
    else:
        say(f"resistx cohort: {counts}", None)
    _report(args, done, lambda m: say(m, None))
    return EXIT_INTERRUPTED if done.interrupted else 0
