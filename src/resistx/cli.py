"""The ``resistx`` command line.

    resistx sequence FILE|-      rank the options for one patient
    resistx validate FILE|-      check a profile: every problem with its path
    resistx trials [filters]     the studies of the evidence base, as a table
    resistx trial KEY            every figure of one study, its discrepancies and MCBS grade
    resistx mechanisms [--gene]  the resistance-mechanism catalog
    resistx schema profile|plan  the JSON Schema of a profile or a plan
    resistx plot forest --out F  the forest plot of hazard ratios after a CDK4/6 inhibitor

Exit codes: 0 success, 2 bad input or usage, 3 out of scope. Errors go to stderr as one
readable block, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import resistx
from resistx.display import markdown, text
from resistx.evidence.mcbs import grade_trial
from resistx.mechanisms import for_gene
from resistx.model.enums import DrugClass, EndpointKind, Priority
from resistx.vocab import drugs, genes

EXIT_OK, EXIT_BAD_INPUT, EXIT_OUT_OF_SCOPE = 0, 2, 3


class UsageError(resistx.ResistxError):
    """A well-formed command asking for something that is not there (an unknown trial, say)."""


def _read_profile(path: str) -> resistx.Profile:
    return resistx.load_profile(sys.stdin.read() if path == "-" else Path(path))


def _sequence(args: argparse.Namespace) -> int:
    preferences = resistx.Preferences(
        priority=Priority(args.priority),
        cost_sensitive=args.cost_sensitive,
        include_trials=not args.no_trials,
    )
    plan = resistx.sequence(_read_profile(args.file), preferences)
    if args.json:
        print(resistx.to_json(plan, indent=2))
    elif args.markdown:
        print(markdown.plan(plan))
    else:
        print(text.plan(plan))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    profile = _read_profile(args.file)
    who = profile.patient_id or args.file
    print(
        f"{who}: valid profile ({len(profile.biomarkers)} results, {len(profile.treatments)} treatments)"
    )
    return EXIT_OK


def _selected(args: argparse.Namespace, eb: resistx.EvidenceBase) -> set[str]:
    """The keys of the studies every given filter lets through."""
    keys = {t.key for t in eb.trials}
    if args.drug:
        keys &= {t.key for t in eb.by_drug(args.drug)}
    if args.drug_class:
        keys &= {t.key for t in eb.by_class(args.drug_class)}
    if args.biomarker:
        keys &= {t.key for t in eb.by_biomarker(args.biomarker)}
    if args.after_cdk46i:
        keys &= {t.key for t in eb.after_cdk46i()}
    return keys


def _trials(args: argparse.Namespace) -> int:
    eb = resistx.evidence()
    if args.drug and drugs.lookup(args.drug) is None:
        raise UsageError(f"no drug {args.drug!r} in resistx's vocabulary")
    selected = _selected(args, eb)
    rows = [t for t in eb.trials if t.key in selected]
    print(f"{'study':24} {'phase':13} {'n':>5} {'prior CDK4/6i':>13}  {'status':10} regimens")
    for t in rows:
        prior = "" if t.prior_cdk46i_fraction is None else f"{t.prior_cdk46i_fraction:.0%}"
        size = "" if t.size is None else str(t.size)
        print(
            f"{t.key:24} {t.phase:13} {size:>5} {prior:>13}  {t.status.value:10} {', '.join(t.regimens)}"
        )
    print(f"{len(rows)} of {len(eb.trials)} studies (evidence {eb.version})")
    return EXIT_OK


def _trial(args: argparse.Namespace) -> int:
    eb = resistx.evidence()
    try:
        trial = eb.trial(args.key)
    except KeyError as e:
        raise UsageError(str(e.args[0])) from None
    if args.json:
        print(resistx.to_json(trial, indent=2))
        return EXIT_OK
    print(markdown.trial(trial))
    if trial.adverse_events:
        print("\nAdverse events (any grade / grade >= 3, %):")
        for a in trial.adverse_events:
            anyg = "" if a.any_grade_percent is None else f"{a.any_grade_percent:g}"
            g3 = "" if a.grade3plus_percent is None else f"{a.grade3plus_percent:g}"
            print(f"  {a.arm}: {a.term} {anyg or '-'} / {g3 or '-'}  ({a.source})")
    populations = sorted(
        {h.population for h in trial.hazard_ratios if h.endpoint_kind is EndpointKind.PFS}
    )
    if populations:
        print("\nESMO-MCBS v1.1 preliminary grade (Form 2b, PFS):")
        for population in populations:
            g = grade_trial(trial, population)
            print(
                f"  {population}: {g.grade if g.grade is not None else 'not gradable'} ({g.reason})"
            )
    found = eb.discrepancies_for(trial.key)
    if found:
        print("\nWhere the review contradicts itself:")
        for d in found:
            print(f"  {d.field}: {' | '.join(d.readings)}\n    uses: {d.chosen}\n    why: {d.why}")
    for note in trial.notes:
        print(f"note: {note}")
    return EXIT_OK


def _mechanisms(args: argparse.Namespace) -> int:
    catalog = resistx.mechanisms()
    if args.gene:
        catalog = for_gene(genes.normalise(args.gene) or args.gene.upper())
        if not catalog:
            raise UsageError(f"no mechanism in the catalog involves {args.gene!r}")
    for m in catalog:
        involved = ", ".join(m.genes) or "no gene test"
        print(f"{m.name} [{m.category.value}; {m.alteration.value}; {involved}]")
        print(f"  targets: {', '.join(m.strategies) or 'nothing named in the review'}")
        print(
            f"  trials: {', '.join(m.trials) or 'none'}; review refs: {', '.join(map(str, m.references)) or 'none'}"
        )
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(resistx.json_schema(args.which), indent=2))
    return EXIT_OK


def _plot(args: argparse.Namespace) -> int:
    import resistx.plot  # noqa: PLC0415 - matplotlib only for this command

    suffix = Path(args.out).suffix.lower().lstrip(".")
    figure = resistx.plot.forest()
    if suffix not in figure.canvas.get_supported_filetypes():
        kinds = ", ".join(sorted(figure.canvas.get_supported_filetypes()))
        raise UsageError(f"cannot write a {suffix or 'suffix-less'} image; use one of: {kinds}")
    figure.savefig(args.out, dpi=args.dpi)
    print(f"wrote {args.out}")
    return EXIT_OK


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[argparse.Namespace], int],
    summary: str,
    examples: list[str],
) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name,
        help=summary,
        description=summary + ".",
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resistx",
        description="Treatment sequencing after CDK4/6 inhibitors in HR+/HER2- metastatic breast "
        "cancer, from Ye et al. 2024 (doi 10.2147/BCTT.S438366). Decision support for clinicians.",
        epilog="exit codes: 0 success, 2 bad input or usage, 3 out of scope",
    )
    parser.add_argument("--version", action="version", version=f"resistx {resistx.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    seq = _command(
        sub,
        "sequence",
        _sequence,
        "Rank the options for one patient profile (JSON)",
        [
            "resistx sequence examples/01-esr1-mutated.json",
            "resistx sequence --json --priority quality_of_life profile.json",
            "cat profile.json | resistx sequence --markdown -",
        ],
    )
    seq.add_argument("file", help="profile JSON file, or - for standard input")
    form = seq.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the plan as JSON")
    form.add_argument("--markdown", action="store_true", help="print the plan as Markdown tables")
    seq.add_argument(
        "--priority",
        choices=[p.value for p in Priority],
        default="balanced",
        help="what to weigh (default: balanced)",
    )
    seq.add_argument("--cost-sensitive", action="store_true", help="weigh financial burden")
    seq.add_argument("--no-trials", action="store_true", help="leave out trial enrolment options")

    val = _command(
        sub,
        "validate",
        _validate,
        "Check a profile and list every problem with its path",
        ["resistx validate profile.json", "resistx validate - < profile.json"],
    )
    val.add_argument("file", help="profile JSON file, or - for standard input")

    trials = _command(
        sub,
        "trials",
        _trials,
        "List the studies of the evidence base",
        [
            "resistx trials --after-cdk46i",
            "resistx trials --drug Truqap",
            "resistx trials --class oral_serd",
            "resistx trials --biomarker ESR1",
        ],
    )
    trials.add_argument("--drug", help="a generic or brand name (e.g. alpelisib, Piqray)")
    trials.add_argument(
        "--class",
        dest="drug_class",
        choices=[c.value for c in DrugClass],
        metavar="CLASS",
        help="a drug class, e.g. oral_serd, akt_inhibitor, adc_her2",
    )
    trials.add_argument("--biomarker", help="a gene, e.g. ESR1, PIK3CA, PALB2")
    trials.add_argument(
        "--after-cdk46i",
        action="store_true",
        help="only studies in patients who had a CDK4/6 inhibitor",
    )

    trial = _command(
        sub,
        "trial",
        _trial,
        "Show every figure of one study",
        [
            "resistx trial CAPItello-291",
            "resistx trial nct03778931",
            "resistx trial bylieve --json",
        ],
    )
    trial.add_argument("key", help="a study name (case, spaces and hyphens ignored) or NCT id")
    trial.add_argument("--json", action="store_true", help="print the study as JSON")

    mech = _command(
        sub,
        "mechanisms",
        _mechanisms,
        "Show the resistance-mechanism catalog",
        ["resistx mechanisms", "resistx mechanisms --gene CCNE1"],
    )
    mech.add_argument("--gene", help="only mechanisms involving this gene (aliases accepted)")

    schema = _command(
        sub,
        "schema",
        _schema,
        "Print the JSON Schema of a profile or a plan",
        ["resistx schema profile > profile.schema.json"],
    )
    schema.add_argument("which", choices=["profile", "plan"])

    plot = _command(
        sub,
        "plot",
        _plot,
        "Draw a figure (needs resistx[plot])",
        ["resistx plot forest --out forest.png"],
    )
    plot.add_argument("figure", choices=["forest"])
    plot.add_argument("--out", required=True, help="image file to write (.png, .svg, .pdf)")
    plot.add_argument("--dpi", type=int, default=150)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except resistx.OutOfScopeError as e:
        print(f"resistx: out of scope: {e}", file=sys.stderr)
        return EXIT_OUT_OF_SCOPE
    except resistx.ResistxError as e:
        print(f"resistx: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader stopped early (| head): nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the interpreter's flush at exit
        return EXIT_OK
    except ImportError as e:
        print(f"resistx: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:
        print(
            f"resistx: cannot write {getattr(e, 'filename', '') or 'the output'}: {e.strerror or e}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
