"""The ``resistx`` command line.

    resistx sequence FILE|-      rank the options for one patient (--from phenopacket|fhir)
    resistx convert --from phenopacket|fhir FILE   a resistx profile and the conversion report
    resistx validate FILE|-      check a profile: every problem with its path
    resistx trials [filters]     the studies of the evidence base, as a table
    resistx trial KEY            every figure of one study, its discrepancies and MCBS grade
    resistx mechanisms [--gene]  the resistance-mechanism catalog
    resistx schema profile|plan  the JSON Schema of a profile or a plan
    resistx plot forest|plan     a figure: the forest plot of hazard ratios, or a patient's plan
    resistx cohort IN --out OUT  plan many patients: one row per patient and option
    resistx report FILE --out F  a patient's plan as one self-contained HTML report

Exit codes: 0 success, 2 bad input or usage, 3 out of scope, 70 internal error (a bug in
resistx: please report it). Errors go to stderr as one readable block; a traceback only
with ``--debug``. Output never fails to encode, and what the command echoes from its
input (patient ids, file names, names) has its control characters escaped.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import resistx
from resistx import _jsontext, _serde, _suggest
from resistx._argtypes import path, path_text, whole_number
from resistx._serde import DataProblemsError
from resistx.display import markdown, text
from resistx.display._common import one_line, printable, prior_cdk46i
from resistx.mechanisms import for_gene
from resistx.model.enums import DrugClass, Priority
from resistx.vocab import drugs, genes

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from resistx.interop import Conversion

EXIT_OK, EXIT_BAD_INPUT, EXIT_OUT_OF_SCOPE, EXIT_INTERNAL = 0, 2, 3, 70
#: what ``json.dumps`` leaves raw and a terminal would act on (it escapes C0 itself)
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: generous bounds for an image's resolution: a figure is a few inches wide
MIN_DPI, MAX_DPI = 10, 1200


class UsageError(resistx.ResistxError):
    """A well-formed command asking for something that is not there (an unknown trial, say)."""


def _say(message: str, file: TextIO | None = None) -> None:
    """Print ``message`` with its control characters escaped (tab and newline kept)."""
    print(printable(message), file=file or sys.stdout)


def _safe_streams() -> None:
    """Make stdout and stderr unable to fail on a character their encoding lacks."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


class _Parser(argparse.ArgumentParser):
    """argparse, with what it echoes of the command line (``unrecognized arguments: ...``)
    escaped like everything else."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(printable(message), file)


# -- argument types: a bad value is a usage error naming the option ------------------------


def _one_of(choices: Sequence[str], meant: Mapping[str, str] | None = None) -> Callable[[str], str]:
    """An argument type for a closed list of names: an unknown one gets "did you mean", from
    ``meant`` first (a clinic's abbreviation: 'IV', 'qol'; 7817), else the nearest spelling."""

    def check(value: str) -> str:
        if value in choices:
            return value
        known = (meant or {}).get(value.casefold().replace(" ", "_"))
        hint = f"; did you mean {known}?" if known else _suggest.did_you_mean(value, choices)
        msg = f"invalid choice {value!r}{hint or ''} (choose from {', '.join(choices)})"
        raise argparse.ArgumentTypeError(msg)

    return check


_dpi = whole_number("dots per inch", MIN_DPI, MAX_DPI)


def _months(value: str) -> float:
    try:
        months = float(value)
    except ValueError:
        msg = f"expected a number of months, got {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not math.isfinite(months) or months < 0:
        msg = f"must be a finite number of months, 0 or more, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return months


# -- reading input -----------------------------------------------------------------------------


def _stdin_text() -> str:
    """Standard input as text: bytes decoded as UTF-8 whatever the locale says."""
    if sys.stdin is None:  # started with stdin closed
        raise resistx.ProfileError([("$", "standard input is closed")])
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a text stream put in place of stdin (tests, embedding)
        return sys.stdin.read()
    data = raw.read()
    try:
        return str(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        msg = f"standard input is not UTF-8 text ({e.reason} at byte {e.start})"
        raise resistx.ProfileError([("$", msg)]) from None


def _read_profile(path: str, source_format: str | None = None) -> resistx.Profile:
    if source_format is not None:
        conversion = _convert(source_format, path)
        # what the plan rests on besides the document's words: its assumptions too (6050-6071)
        said = [
            f"{n} {what}{'s' if n != 1 else ''}{after}"
            for n, what, after in (
                (len(conversion.unmapped), "element", " not mapped"),
                (len(conversion.assumptions), "assumption", ""),
            )
            if n
        ]
        if said:
            _say(
                f"resistx: {path}: {', '.join(said)} "
                f"(resistx convert --from {source_format} {path} lists them)",
                sys.stderr,
            )
        return conversion.profile
    return resistx.load_profile(_stdin_text() if path == "-" else Path(path))


#: the formats ``--from`` reads
SOURCE_FORMATS = ("phenopacket", "fhir")


def _convert(source_format: str, path: str) -> Conversion:
    from resistx import interop  # noqa: PLC0415 - only the commands that convert need it

    source: str | Path = _stdin_text() if path == "-" else Path(path)
    if source_format == "phenopacket":
        return interop.from_phenopacket(source)
    return interop.from_fhir(source)


def _read_json_file(path: str, what: str) -> Any:
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        msg = f"cannot read {what} {path}: {e.strerror or e}"
        raise UsageError(msg) from None
    except UnicodeDecodeError:
        msg = f"{what} {path} is not UTF-8 text"
        raise UsageError(msg) from None
    try:  # as a profile's text is read: duplicate keys, deep nesting, huge integers refused
        return _jsontext.loads(content, f"{what} {path}")
    except DataProblemsError as e:
        [(where, message), *more] = e.problems
        if not where and not more:  # the text as a whole (not JSON, too deep, too long)
            raise UsageError(message) from None
        lines = [f"{what} {path} is not valid:"]
        lines += [f"  ${where}: {message}" for where, message in e.problems]
        raise UsageError("\n".join(lines)) from None


def _preferences(args: argparse.Namespace) -> resistx.Preferences:
    """The preferences file, if any, with the flags given on the command line on top."""
    data: dict[str, Any] = {}
    if args.preferences:
        loaded = _read_json_file(args.preferences, "preferences file")
        if not isinstance(loaded, dict):
            msg = f"preferences file {args.preferences} must hold a JSON object"
            raise UsageError(msg)
        data.update(loaded)
    if args.priority is not None:
        data["priority"] = args.priority
    if args.cost_sensitive:
        data["cost_sensitive"] = True
    if args.no_trials:
        data["include_trials"] = False
    if args.short_cdk46i_months is not None:
        data["short_cdk46i_months"] = args.short_cdk46i_months
    if args.declines:
        data["declines"] = list(dict.fromkeys(args.declines))
    if args.declines_kind:
        data["declines_kinds"] = list(dict.fromkeys(args.declines_kind))
    if args.accepts_kind:
        data["accepts_kinds"] = list(dict.fromkeys(args.accepts_kind))
    if args.declines_transfusion:
        data["declines_transfusion"] = True
    try:
        return resistx.from_dict(resistx.Preferences, data)
    except resistx.ConversionError as e:
        where = f"in {args.preferences}" if args.preferences else "given"
        lines = [f"invalid preferences {where}:"]
        lines += [f"  {path}: {message}" for path, message in e.problems]
        raise UsageError("\n".join(lines)) from None


def _json_out(obj: object) -> None:
    """JSON on stdout: UTF-8 where the stream can take it, else ASCII escapes (still JSON);
    controls that JSON leaves raw (C1, bidirectional overrides) are written as escapes."""
    out = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", resistx.to_json(obj, indent=2))
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        out.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        out = json.dumps(json.loads(out), indent=2, sort_keys=True, ensure_ascii=True)
    print(out)


# -- commands ----------------------------------------------------------------------------------


def _sequence(args: argparse.Namespace) -> int:
    preferences = _preferences(args)
    profile = _read_profile(args.file, args.source_format)
    plan = resistx.sequence(profile, preferences, policy=args.policy)
    if args.json:
        _json_out(plan)
    elif args.markdown:
        _say(markdown.plan(plan))
    else:
        _say(text.plan(plan))
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    before, after = args.policy, args.to
    diffs = resistx.compare(_read_profile(args.file), before, after, _preferences(args))
    if args.json:
        _json_out(diffs)
        return EXIT_OK
    lines = [f"{before} -> {after}: {len(diffs)} difference{'' if len(diffs) == 1 else 's'}"]
    for d in diffs:
        was = f"{d.rank_before} ({d.tier_before.value})" if d.tier_before else "-"
        now = f"{d.rank_after} ({d.tier_after.value})" if d.tier_after else "-"
        lines.append(f"  {d.change.value:20} {d.regimen:38} {was:>16} -> {now}")
    _say("\n".join(lines))
    return EXIT_OK


def _evidence(args: argparse.Namespace) -> resistx.EvidenceBase:
    policy = getattr(args, "evidence_policy", None)
    if policy is not None:  # the evidence a policy reads (case 3365: 'sequence' takes --policy)
        if args.pack is not None:
            raise UsageError("give --pack or --policy, not both")
        from resistx.sequencing.policy import get  # noqa: PLC0415 - the engine, on first use

        try:
            return get(policy).default_evidence()
        except (KeyError, ValueError) as e:
            raise UsageError(f"--policy: {e.args[0]}") from None
    try:
        return resistx.evidence(args.pack)
    except KeyError as e:
        raise UsageError(f"--pack: {e.args[0]}") from None


def _convert_command(args: argparse.Namespace) -> int:
    conversion = _convert(args.source_format, args.file)
    if args.json:
        _json_out(conversion)
        return EXIT_OK
    _json_out(conversion.profile)
    _say(conversion.report(), sys.stderr)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    profile = _read_profile(args.file)
    who = one_line(profile.patient_id or ("standard input" if args.file == "-" else args.file))
    _say(
        f"{who}: valid profile ({_count(len(profile.biomarkers), 'result')}, "
        f"{_count(len(profile.treatments), 'treatment')})"
    )
    return EXIT_OK


def _unknown(kind: str, name: str, choices: Sequence[str], option: str) -> UsageError:
    hint = _suggest.did_you_mean(name, choices)
    return UsageError(f"{option}: no {kind} {name!r} in resistx's vocabulary{hint}")


def _gene(name: str, option: str, extra: Sequence[str] = ()) -> str:
    """The HGNC symbol for a gene name or alias; an unknown one is a usage error."""
    symbol = genes.normalise(name)
    if symbol is None and name.strip().upper() in extra:
        symbol = name.strip().upper()
    if symbol is None:
        raise _unknown("gene", name, [*genes.GENES, *genes.ALIASES, *extra], option)
    return symbol


def _selected(args: argparse.Namespace, eb: resistx.EvidenceBase) -> set[str]:
    """The keys of the studies every given filter lets through."""
    keys = {t.key for t in eb.trials}
    if args.drug is not None:
        if drugs.lookup(args.drug) is None:
            raise _unknown("drug", args.drug, drugs.SPELLINGS, "--drug")
        keys &= {t.key for t in eb.by_drug(args.drug)}
    if args.drug_class:
        keys &= {t.key for t in eb.by_class(args.drug_class)}
    if args.biomarker is not None:
        indexed = sorted({b.gene for t in eb.trials for b in t.biomarkers})
        keys &= {t.key for t in eb.by_biomarker(_gene(args.biomarker, "--biomarker", indexed))}
    if args.after_cdk46i:
        keys &= {t.key for t in eb.after_cdk46i()}
    return keys


def _trials(args: argparse.Namespace) -> int:
    eb = _evidence(args)
    selected = _selected(args, eb)
    if args.since_review:
        selected &= {t.key for t in eb.added_since(resistx.evidence())}
    rows = [t for t in eb.trials if t.key in selected]
    lines = [f"{'study':24} {'phase':13} {'n':>5} {'prior CDK4/6i':>13}  {'status':10} regimens"]
    for t in rows:
        prior = prior_cdk46i(t)
        size = "" if t.size is None else str(t.size)
        lines.append(
            f"{t.key:24} {t.phase:13} {size:>5} {prior:>13}  {t.status.value:10} {', '.join(t.regimens)}"
        )
    since = " added since the review" if args.since_review else ""
    lines.append(f"{len(rows)} of {len(eb.trials)} studies{since} (evidence {eb.version})")
    _say("\n".join(lines))
    return EXIT_OK


def _trial(args: argparse.Namespace) -> int:
    eb = _evidence(args)
    try:
        trial = eb.trial(args.key)
    except KeyError as e:
        raise UsageError(str(e.args[0]) + _in_a_pack(args.key, eb)) from None
    if args.json:
        _json_out(trial)
    elif args.markdown:
        _say(markdown.trial(trial, eb))
    else:
        _say(text.trial(trial, eb))
    return EXIT_OK


def _in_a_pack(key: str, eb: resistx.EvidenceBase) -> str:
    """Where another bundled evidence holds the trial asked for: the option that reads it."""
    from resistx.evidence._pack import evidence_for, versions  # noqa: PLC0415

    held = [v for v in versions() if v != eb.version and key in evidence_for(v)]
    return "".join(f" (it is in evidence {v}: add --pack {v})" for v in held)


def _mechanisms(args: argparse.Namespace) -> int:
    catalog = resistx.mechanisms()
    if args.gene is not None:
        in_catalog = sorted({g for m in catalog for g in m.genes})
        symbol = _gene(args.gene, "--gene", in_catalog)
        catalog = for_gene(symbol)
        if not catalog:
            _say(f"no mechanism in the catalog involves {symbol}")
            return EXIT_OK
    lines = []
    for m in catalog:
        involved = ", ".join(m.genes) or "no gene test"
        lines.append(f"{m.name} [{m.category.value}; {m.alteration.value}; {involved}]")
        lines.append(f"  targets: {', '.join(m.strategies) or 'nothing named in the review'}")
        lines.append(
            f"  trials: {', '.join(m.trials) or 'none'}; review refs: {', '.join(map(str, m.references)) or 'none'}"
        )
    _say("\n".join(lines))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(resistx.json_schema(args.which), indent=2))
    return EXIT_OK


def _plot(args: argparse.Namespace) -> int:
    import resistx.plot  # noqa: PLC0415 - matplotlib only for this command

    if args.figure == "plan":
        plan = resistx.sequence(_read_profile(args.file), _preferences(args), policy=args.policy)
        figure = resistx.plot.plan(plan)
    else:
        figure = resistx.plot.forest(_evidence(args))
    suffix = Path(args.out).suffix.lower().lstrip(".")
    # PGF is left out: matplotlib writes it through a LaTeX installation resistx cannot count on
    kinds = {k: v for k, v in figure.canvas.get_supported_filetypes().items() if k != "pgf"}
    if suffix not in kinds:
        msg = f"--out: cannot write a {suffix or 'suffix-less'} image; use one of: {', '.join(sorted(kinds))}"
        raise UsageError(msg)
    try:
        figure.savefig(args.out, dpi=args.dpi)
    except OSError as e:
        msg = f"--out: cannot write {args.out}: {e.strerror or e}"
        raise UsageError(msg) from None
    _say(f"wrote {args.out}")
    return EXIT_OK


def _cohort(args: argparse.Namespace) -> int:
    from resistx.cohort import _cli as cohort_cli  # noqa: PLC0415 - only for this command

    return cohort_cli.run_command(args, _preferences(args), _say)


def _report(args: argparse.Namespace) -> int:
    """The tumour-board report of one patient, written to ``--out`` only (nothing else is
    created, and nothing is written when the profile or the preferences are bad)."""
    if args.file != "-" and Path(args.out).resolve() == Path(args.file).resolve():
        msg = f"--out: {args.out} is the profile itself; the report would replace it"
        raise UsageError(msg)
    if Path(args.out).suffix.lower() not in (".html", ".htm"):  # case 5544: 'd.pdf' held HTML
        msg = f"--out: the report is one HTML document: name it .html, not {Path(args.out).name}"
        raise UsageError(msg)
    profile = _read_profile(args.file, args.source_format)
    preferences = _preferences(args)
    plan = resistx.sequence(profile, preferences, policy=args.policy)
    document = plan.to_html(full=True, profile=profile, preferences=preferences)
    try:
        Path(args.out).write_text(document, encoding="utf-8")
    except OSError as e:
        msg = f"--out: cannot write {args.out}: {e.strerror or e}"
        raise UsageError(msg) from None
    _say(f"wrote {args.out}")
    return EXIT_OK


# -- the parser --------------------------------------------------------------------------------


def _command(
    sub: argparse._SubParsersAction[_Parser],
    name: str,
    run: Callable[[argparse.Namespace], int],
    summary: str,
    examples: list[str],
) -> _Parser:
    parser = sub.add_parser(
        name,
        help=summary,
        description=summary + ".",
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on an internal error, print the traceback",
    )
    parser.set_defaults(run=run, parser=parser)
    return parser


def _preference_options(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--preferences",
        metavar="FILE",
        type=path_text,
        help="a JSON file of preferences (priority, cost_sensitive, include_trials, "
        "short_cdk46i_months, declines, declines_kinds, accepts_kinds, declines_transfusion); the "
        "flags below override it",
    )
    parser.add_argument(
        "--priority",
        type=_one_of([p.value for p in Priority], _serde.ENUM_HINTS[Priority]),
        metavar="{" + ",".join(p.value for p in Priority) + "}",
        default=None,
        help="what to weigh (default: balanced)",
    )
    parser.add_argument("--cost-sensitive", action="store_true", help="weigh financial burden")
    parser.add_argument(
        "--no-trials", action="store_true", help="leave out trial enrolment options"
    )
    parser.add_argument(
        "--short-cdk46i-months",
        type=_months,
        metavar="MONTHS",
        help="progression within this many months on a CDK4/6 inhibitor counts as short "
        "(default: 6)",
    )
    routes = [r.value for r in resistx.Route]
    parser.add_argument(
        "--declines",
        action="append",
        type=_one_of(routes, _serde.ENUM_HINTS[resistx.Route]),
        metavar="{" + ",".join(routes) + "}",
        help="a route of administration the patient declines (repeat for more): a regimen "
        "given by it is left out",
    )
    kinds = [k.value for k in resistx.RegimenKind]
    parser.add_argument(
        "--declines-kind",
        action="append",
        type=_one_of(kinds, _serde.ENUM_HINTS[resistx.RegimenKind]),
        metavar="KIND",
        help="a kind of treatment the patient declines, e.g. chemotherapy or adc (repeat for "
        f"more; one of {', '.join(kinds)}): a regimen of it is left out",
    )
    parser.add_argument(
        "--accepts-kind",
        action="append",
        type=_one_of(kinds, _serde.ENUM_HINTS[resistx.RegimenKind]),
        metavar="KIND",
        help="a kind of treatment the patient, asked, accepts though a kind declined might "
        "cover it: adc beside --declines-kind chemotherapy (the one pair read): the ADCs are "
        "ranked as the evidence stands, nothing asked",
    )
    parser.add_argument(
        "--declines-transfusion",
        action="store_true",
        help="the patient declines blood transfusion: the options that can cause anaemia are "
        "cautioned (rule 131)",
    )


def _policy_option(parser: argparse.ArgumentParser, text: str | None = None) -> None:
    parser.add_argument(
        "--policy",
        type=_one_of(resistx.policies()),
        metavar="POLICY",
        default="ye2024",
        help=text
        or "the policy to plan under: " + ", ".join(resistx.policies()) + " (default: ye2024)",
    )


def _pack_option(parser: argparse.ArgumentParser, text: str | None = None) -> None:
    parser.add_argument(
        "--pack",
        metavar="VERSION",
        default=None,
        help=text
        or "the evidence to read: the review's (default) or an evidence pack, e.g. 2026.11",
    )


def _evidence_policy_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--policy",
        dest="evidence_policy",
        metavar="NAME",
        default=None,
        help="or the evidence a policy reads, as 'sequence --policy' names it "
        "(ye2024: the review's; practice-2026: pack 2026.11)",
    )


def _from_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--from",
        dest="source_format",
        type=_one_of(SOURCE_FORMATS),
        metavar="{" + ",".join(SOURCE_FORMATS) + "}",
        required=required,
        default=None,
        help="read FILE as a GA4GH Phenopacket v2 or an mCODE FHIR R4 Bundle (JSON)"
        + ("" if required else " instead of a resistx profile"),
    )


def _cohort_arguments(parser: argparse.ArgumentParser) -> None:
    """The cohort command's own arguments (its package is imported only when it runs)."""
    parser.add_argument(
        "input",
        metavar="IN",
        type=path,
        help="profiles: a JSON Lines file (.jsonl), a directory of .json files, or Parquet "
        "(a 'profile' column of JSON text, or the profile's fields as columns); a directory "
        "of Phenopackets (*.phenopacket.json) or of FHIR bundles (*.fhir.json)",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=path,
        metavar="OUT",
        help="one row per patient and option; .parquet (the cohort extra) or .jsonl",
    )
    parser.add_argument(
        "--errors",
        type=path,
        metavar="FILE",
        help="one row per problem of each profile that gave no plan (default: OUT's name "
        "with .errors.jsonl)",
    )
    parser.add_argument(
        "--jobs",
        type=whole_number("processes", 1),
        default=1,
        metavar="N",
        help="worker processes (default: 1)",
    )
    parser.add_argument(
        "--concordance",
        type=path,
        metavar="CSV",
        help="write where each stated next treatment ranked, by tier and by rule, to this CSV",
    )
    parser.add_argument(
        "--concordance-plot",
        type=path,
        metavar="IMAGE",
        help="draw the concordance summary (.png, .svg or .pdf; the plot extra)",
    )


def _cohort_command(sub: argparse._SubParsersAction[_Parser]) -> None:
    cohort = _command(
        sub,
        "cohort",
        _cohort,
        "Plan a cohort: one row per patient and option, an errors file, and concordance with "
        "the treatment given next (Parquet needs the cohort extra)",
        [
            "resistx cohort patients.jsonl --out plans.parquet --jobs 2",
            "resistx cohort profiles/ --out plans.jsonl --errors problems.jsonl",
            "resistx cohort patients.jsonl --out plans.parquet --concordance summary.csv "
            "--concordance-plot concordance.png",
        ],
    )
    _cohort_arguments(cohort)
    _policy_option(cohort)
    _preference_options(cohort)


def _report_command(sub: argparse._SubParsersAction[_Parser]) -> None:
    report = _command(
        sub,
        "report",
        _report,
        "Write a patient's plan as one self-contained HTML report for a tumour board",
        [
            "resistx report examples/01-esr1-mutated.json --out plan.html",
            "resistx report --policy practice-2026 --priority quality_of_life FILE --out plan.html",
            "resistx report --from fhir bundle.json --out plan.html",
        ],
    )
    report.add_argument(
        "file", metavar="FILE", type=path_text, help="profile JSON file, or - for standard input"
    )
    _from_option(report, required=False)
    report.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        type=path_text,
        help="the HTML file to write (replaced if it exists)",
    )
    _policy_option(report)
    _preference_options(report)


def _plot_command(sub: argparse._SubParsersAction[_Parser]) -> None:
    plot = _command(
        sub,
        "plot",
        _plot,
        "Draw a figure (needs the plot extra)",
        [
            "resistx plot forest --out forest.png",
            "resistx plot plan examples/01-esr1-mutated.json --out plan.svg",
        ],
    )
    plot.add_argument(
        "figure",
        type=_one_of(["forest", "plan"]),
        metavar="forest|plan",
        help="forest: hazard ratios after a CDK4/6 inhibitor; plan: one patient's ranked options",
    )
    plot.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        type=path_text,
        help="for plan: profile JSON file, or - for standard input",
    )
    plot.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        type=path_text,
        help="image file to write; its suffix picks the format (.png, .svg, .pdf)",
    )
    plot.add_argument(
        "--dpi",
        type=_dpi,
        default=150,
        help=f"resolution of a raster image in dots per inch, {MIN_DPI} to {MAX_DPI} (default: 150)",
    )
    _pack_option(plot, "for forest: the evidence to draw (default: the review's)")
    _policy_option(plot)
    _preference_options(plot.add_argument_group("preferences (plot plan only)"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="resistx",
        description="Treatment sequencing after CDK4/6 inhibitors in HR+/HER2- metastatic breast "
        "cancer, from Ye et al. 2024 (doi 10.2147/BCTT.S438366). Decision support for clinicians.",
        epilog="exit codes: 0 success, 2 bad input or usage, 3 out of scope, 70 internal error",
    )
    parser.add_argument("--version", action="version", version=f"resistx {resistx.__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="on an internal error, print the traceback"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _patient_commands(sub)
    _evidence_commands(sub)
    _report_command(sub)
    _cohort_command(sub)
    return parser


def _patient_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """sequence, compare, convert, validate: one patient's profile in."""
    seq = _command(
        sub,
        "sequence",
        _sequence,
        "Rank the options for one patient profile (JSON)",
        [
            "resistx sequence examples/01-esr1-mutated.json",
            "resistx sequence --json --priority quality_of_life profile.json",
            "resistx sequence --preferences prefs.json --short-cdk46i-months 12 profile.json",
            "cat profile.json | resistx sequence --markdown -",
        ],
    )
    seq.add_argument(
        "file", metavar="FILE", type=path_text, help="profile JSON file, or - for standard input"
    )
    _from_option(seq, required=False)
    form = seq.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the plan as JSON")
    form.add_argument("--markdown", action="store_true", help="print the plan as Markdown tables")
    _policy_option(seq)
    _preference_options(seq)

    cmp = _command(
        sub,
        "compare",
        _compare,
        "Show how the plan for one patient differs between two policies (ranks and tiers)",
        [
            "resistx compare examples/23-her2-ultralow-no-chemotherapy.json",
            "resistx compare --policy ye2024 --to practice-2026 --json profile.json",
        ],
    )
    cmp.add_argument(
        "file", metavar="FILE", type=path_text, help="profile JSON file, or - for standard input"
    )
    cmp.add_argument("--json", action="store_true", help="print the differences as JSON")
    _policy_option(cmp, "the policy to compare from (default: ye2024)")
    cmp.add_argument(
        "--to",
        type=_one_of(resistx.policies()),
        metavar="POLICY",
        default="practice-2026",
        help="the policy to compare with (default: practice-2026)",
    )
    _preference_options(cmp)

    conv = _command(
        sub,
        "convert",
        _convert_command,
        "Convert a GA4GH Phenopacket (v2) or an mCODE FHIR R4 Bundle into a resistx profile: "
        "the profile JSON on stdout, the report (used, not mapped, assumed) on stderr",
        [
            "resistx convert --from phenopacket examples/interop/01-esr1-mutated.phenopacket.json",
            "resistx convert --from fhir bundle.json > profile.json",
            "resistx convert --from fhir --json bundle.json   # profile and report as one JSON",
        ],
    )
    conv.add_argument(
        "file", metavar="FILE", type=path_text, help="the document (JSON), or - for standard input"
    )
    _from_option(conv, required=True)
    conv.add_argument(
        "--json", action="store_true", help="print the profile and the report as one JSON object"
    )

    val = _command(
        sub,
        "validate",
        _validate,
        "Check a profile and list every problem with its path",
        ["resistx validate profile.json", "resistx validate - < profile.json"],
    )
    val.add_argument(
        "file", metavar="FILE", type=path_text, help="profile JSON file, or - for standard input"
    )


def _evidence_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """trials, trial, mechanisms, schema, plot: the evidence base and its figures."""
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
        type=_one_of([c.value for c in DrugClass]),
        metavar="CLASS",
        help="a drug class: " + ", ".join(c.value for c in DrugClass),
    )
    trials.add_argument("--biomarker", help="a gene or alias, e.g. ESR1, PIK3CA, PALB2")
    trials.add_argument(
        "--after-cdk46i",
        action="store_true",
        help="only studies in patients who had a CDK4/6 inhibitor",
    )
    _pack_option(trials)
    _evidence_policy_option(trials)
    trials.add_argument(
        "--since-review",
        action="store_true",
        help="only the studies an evidence pack adds to the review's (with --pack)",
    )

    trial = _command(
        sub,
        "trial",
        _trial,
        "Show every figure of one study: endpoints, hazard ratios, adverse events, "
        "ESMO-MCBS grades and the review's contradictions",
        [
            "resistx trial CAPItello-291",
            "resistx trial nct03778931",
            "resistx trial bylieve --json",
        ],
    )
    trial.add_argument("key", help="a study name (case, spaces and hyphens ignored) or NCT id")
    trial_form = trial.add_mutually_exclusive_group()
    trial_form.add_argument("--json", action="store_true", help="print the study as JSON")
    trial_form.add_argument(
        "--markdown", action="store_true", help="print the study as Markdown tables"
    )
    _pack_option(trial)
    _evidence_policy_option(trial)

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
    schema.add_argument(
        "which", type=_one_of(["profile", "plan"]), metavar="profile|plan", help="which schema"
    )

    _plot_command(sub)


def _check(args: argparse.Namespace) -> None:
    """What argparse cannot say about how arguments go together."""
    if args.command == "trials" and args.since_review and args.pack is None:
        args.parser.error("trials: --since-review needs --pack (an evidence pack after the review)")
    if args.command == "plot":
        if args.figure == "plan" and args.file is None:
            args.parser.error("plot plan: the argument FILE (a profile) is required")
        if args.figure == "forest" and args.file is not None:
            args.parser.error(f"plot forest: unexpected argument {args.file!r}")


def _count(n: int, what: str) -> str:
    """'1 result', '4 results'."""
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def _unrecognized(parser: argparse.ArgumentParser, command: str, extra: list[str]) -> NoReturn:
    """Arguments the command does not take: its own usage, and for an option the closest of
    its options (7817: the top-level usage was printed, with no hint)."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    own: argparse.ArgumentParser = sub.choices[command]
    options = [o for a in own._actions for o in a.option_strings if o.startswith("--")]
    hints = [
        f"{word.split('=')[0]}: did you mean {', '.join(near)}?"
        for word in extra
        if word.startswith("--") and (near := _suggest.closest(word.split("=")[0], options, n=2))
    ]
    own.error(f"unrecognized arguments: {' '.join(extra)}" + "".join(f"; {h}" for h in hints))


def _file_like(word: str) -> bool:
    """A path or ``-`` (standard input), not an option."""
    return word == "-" or not word.startswith("-")


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "plot" and args.file is None and extra and _file_like(extra[0]):
        # argparse gives 'plan' and FILE their values together, before the options: a profile
        # after ``--out x.png`` came back unrecognised (8662)
        args.file = extra.pop(0)
    if extra:
        _unrecognized(parser, args.command, extra)
    _check(args)
    try:
        code: int = args.run(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except resistx.OutOfScopeError as e:
        _say(f"resistx: out of scope: {e}", sys.stderr)
        return EXIT_OUT_OF_SCOPE
    except resistx.ResistxError as e:  # bad input, an unknown name, a missing extra
        _say(f"resistx: {e}", sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader stopped early (| head): nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the interpreter's flush at exit
        return EXIT_OK
    except OSError as e:  # the output cannot be written (a full disk, say): not a bug
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - the buffered rest cannot be written either
        where = f" ({e.filename})" if e.filename else ""
        _say(f"resistx: cannot write the output{where}: {e.strerror or e}", sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # anything else is a bug in resistx, not the user's input
        _say(
            f"resistx: internal error, please report (resistx {resistx.__version__}): "
            f"{type(e).__name__}: {e}",
            sys.stderr,
        )
        if getattr(args, "debug", False):
            _say("".join(traceback.format_exception(e)).rstrip(), sys.stderr)
        else:
            _say("run again with --debug for the traceback", sys.stderr)
        return EXIT_INTERNAL
    return code
