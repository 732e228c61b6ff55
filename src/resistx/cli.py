"""The ``resistx`` command line: ``resistx sequence FILE`` prints a ranked, explained plan.

Exit codes: 0 success, 2 bad input or usage, 3 out of scope. Errors go to stderr as one
readable block, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import resistx
from resistx.model.enums import Factor
from resistx.model.plan import Option, Plan

EXIT_OK, EXIT_BAD_INPUT, EXIT_OUT_OF_SCOPE = 0, 2, 3


def _why(option: Option) -> str:
    """The one reason that moved this option most, in one line."""
    ranked = {Factor.MOLECULAR: option.scores.molecular, Factor.HISTORY: option.scores.history}
    factor = max(ranked, key=lambda f: (abs(ranked[f]), f is Factor.MOLECULAR))
    if ranked[factor] == 0:
        factor = Factor.EFFICACY
    return next(r.text for r in option.reasons if r.factor is factor)


def render(plan: Plan, width: int = 100) -> str:
    """The plan as a readable text table."""
    out = [
        f"resistx plan for {plan.patient_id or 'an unnamed patient'}"
        f" (decision date {plan.as_of.isoformat() if plan.as_of else 'unknown'};"
        f" evidence {plan.evidence_version}; resistx {plan.library_version})",
        "",
    ]
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    for o in plan.options:
        out.append(f"{o.rank:>3}. {o.regimen.name}  [{o.tier.value}]  (score {o.scores.total:.2f})")
        efficacy = next(r.text for r in o.reasons if r.factor is Factor.EFFICACY)
        if (why := _why(o)) != efficacy:
            out += wrap.wrap("why: " + why)
        out += wrap.wrap("evidence: " + efficacy)
        for c in o.cautions:
            out += wrap.wrap("caution: " + c.text)
    if plan.excluded:
        out += ["", "Left out:"]
        for e in plan.excluded:
            out += wrap.wrap(
                f"{e.regimen.name} [{', '.join(c.value for c in e.codes)}]: "
                + " ".join(r.text for r in e.reasons)
            )
    if plan.actions:
        out += ["", "Before choosing:"]
        out += [line for a in plan.actions for line in wrap.wrap(f"- {a.text}")]
    if plan.notes:
        out += ["", "Notes:"]
        out += [line for n in plan.notes for line in wrap.wrap(f"- {n}")]
    out += ["", plan.disclaimer]
    return "\n".join(out)


def _load(path: str) -> resistx.Profile:
    if path == "-":
        return resistx.load_profile(sys.stdin.read())
    return resistx.load_profile(Path(path))


def _sequence(args: argparse.Namespace) -> int:
    profile = _load(args.file)
    preferences = resistx.Preferences(
        priority=resistx.model.Priority(args.priority),
        cost_sensitive=args.cost_sensitive,
        include_trials=not args.no_trials,
    )
    plan = resistx.sequence(profile, preferences)
    print(resistx.to_json(plan, indent=2) if args.json else render(plan))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resistx",
        description="Treatment sequencing after CDK4/6 inhibitors in HR+/HER2- metastatic breast "
        "cancer, from Ye et al. 2024. Decision support for clinicians.",
    )
    parser.add_argument("--version", action="version", version=f"resistx {resistx.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    seq = sub.add_parser(
        "sequence",
        help="rank the options for one patient profile",
        description="Rank the options for one patient profile (JSON, schema_version 1).",
        epilog="examples:\n  resistx sequence examples/01-esr1-mutated.json\n"
        "  resistx sequence --json --priority quality_of_life profile.json\n"
        "  cat profile.json | resistx sequence -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    seq.add_argument("file", help="profile JSON file, or - for standard input")
    seq.add_argument("--json", action="store_true", help="print the plan as JSON")
    seq.add_argument(
        "--priority",
        choices=["balanced", "survival", "quality_of_life"],
        default="balanced",
        help="what to weigh (default: balanced)",
    )
    seq.add_argument("--cost-sensitive", action="store_true", help="weigh financial burden")
    seq.add_argument("--no-trials", action="store_true", help="leave out trial enrolment options")
    seq.set_defaults(run=_sequence)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except resistx.ProfileError as e:
        print(f"resistx: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except resistx.OutOfScopeError as e:
        print(f"resistx: out of scope: {e}", file=sys.stderr)
        return EXIT_OUT_OF_SCOPE
    except resistx.ResistxError as e:
        print(f"resistx: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
