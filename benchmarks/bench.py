"""Performance figures for resistx (a plain script, not a test).

    python benchmarks/bench.py [--profiles 10000]

Prints: median time of ``sequence()`` on the worked examples (the default policy, with and
without its since-review section, and practice-2026; warm, and cold: a fresh copy of the
evidence for each call), the CPU time of a fresh process's first plan (import, evidence,
plan), profiles per second over generated
profiles on one core, ``import resistx`` time (``python -X importtime``), and the first
``resistx.evidence()`` and ``resistx.evidence("2026.11")`` loads. Targets on a 2-core machine: median sequence()
<= 100 us, >= 10,000 profiles/s, import <= 150 ms, evidence load <= 50 ms.
"""

from __future__ import annotations

import argparse
import inspect
import math
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import attrs

import resistx
from resistx.sequencing.policy import get

EXAMPLES = Path(__file__).parent.parent / "examples"
GENES = ["ESR1", "PIK3CA", "AKT1", "PTEN", "RB1", "CCNE1", "BRCA1", "BRCA2", "PALB2", "FGFR1"]
STATUSES = ["mutated", "wild_type", "amplified", "loss", "not_detected"]
REGIMENS = [
    ["palbociclib", "letrozole"],
    ["ribociclib", "fulvestrant"],
    ["capecitabine"],
    ["paclitaxel"],
    ["elacestrant"],
    ["everolimus", "exemestane"],
    ["fulvestrant"],
]


def _fitting(result: dict[str, Any]) -> dict[str, Any]:
    """A drawn result a profile accepts: ESR1, PIK3CA and AKT1 have no 'loss' (case 1921), read
    as not detected; no random draw is added, so the same seed gives the profiles it gave. The
    genes are written here, not imported: the generator also runs against an earlier
    installation (``--baseline-python``), which has no ``resistx.model._biomarker_checks``."""
    if result["gene"] in ("ESR1", "PIK3CA", "AKT1") and result["status"] == "loss":
        result["status"] = "not_detected"
    if result["gene"] in ("PTEN", "RB1") and result["status"] == "amplified":
        result["status"] = "loss"  # read for their loss (case 2118)
    return result


def generated(rnd: random.Random) -> dict[str, Any]:
    def day() -> str:
        return f"20{rnd.randint(22, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"

    return {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": rnd.choice(["0", "ultralow", "low", "unknown"]),
        "ecog": rnd.choice([None, 0, 1, 2, 3]),
        "visceral_crisis": rnd.random() < 0.1,
        "comorbidities": rnd.sample(
            ["diabetes", "interstitial_lung_disease", "neuropathy"], rnd.randint(0, 2)
        ),
        "biomarkers": [
            _fitting(
                {"gene": rnd.choice(GENES), "status": rnd.choice(STATUSES), "tested_on": day()}
            )
            for _ in range(rnd.randint(0, 4))
        ],
        "treatments": [
            {
                "drugs": rnd.choice(REGIMENS),
                "months": round(rnd.uniform(1, 30), 1),
                "stop_reason": "progression",
                "line": i + 1,
            }
            for i in range(rnd.randint(1, 3))
        ],
    }


def median_sequence_us(
    profiles: list[resistx.Profile],
    repeats: int = 200,
    *,
    cold: bool = False,
    policy: resistx.Policy | str | None = None,
) -> float:
    """Median time of one sequence() call. Warm: the evidence base has memoised the parts of
    earlier plans that depend only on a few facts (as in a cohort run). Cold: a fresh copy of
    the evidence base for every call, so nothing is remembered (a default plan's since-review
    part reads the newer policy's own evidence and memo, which stay warm)."""
    pol = policy if isinstance(policy, resistx.Policy) else get(policy or "ye2024")
    eb = pol.default_evidence()
    times = []
    for profile in profiles:
        for _ in range(repeats):
            evidence = attrs.evolve(eb) if cold else eb
            start = time.perf_counter()
            resistx.sequence(profile, evidence=evidence, policy=pol)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def median_report_ms(profiles: list[resistx.Profile], repeats: int = 20) -> float:
    """Median time to write one plan's tumour-board report (``to_html(full=True)``), the plan
    already made; NaN for a version of resistx without the report (a baseline)."""
    if "full" not in inspect.signature(resistx.Plan.to_html).parameters:
        return math.nan
    times = []
    for profile in profiles:
        plan = resistx.sequence(profile)
        for _ in range(repeats):
            start = time.perf_counter()
            plan.to_html(full=True, profile=profile)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def without_since_review() -> resistx.Policy:
    """The default policy without the newer one it names: its plans skip since_review."""
    return attrs.evolve(get("ye2024"), name="ye2024-alone", updated_by=None)


def throughput(n: int, policy: resistx.Policy | None = None) -> tuple[float, float]:
    """Profiles a second over ``n`` generated profiles: sequence only, and load + sequence."""
    rnd = random.Random(2024)
    raw = [generated(rnd) for _ in range(n)]
    start = time.perf_counter()
    profiles = [resistx.load_profile(d) for d in raw]
    loaded = time.perf_counter()
    for p in profiles:
        resistx.sequence(p, policy=policy)
    done = time.perf_counter()
    return n / (done - loaded), n / (done - start)


def import_ms() -> float:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import resistx"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    line = next(ln for ln in reversed(out.splitlines()) if ln.rstrip().endswith("| resistx"))
    return int(line.split("|")[1]) / 1000  # cumulative microseconds


def first_plan_ms(since_review: bool = True, runs: int = 15) -> float:
    """Median CPU time of a fresh process's first plan: ``import resistx``, the evidence (and,
    for the since-review section, the newer policy's), and one plan of a worked example."""
    example = sorted(EXAMPLES.glob("[0-9][0-9]-*.json"))[0]
    call = (
        "resistx.sequence(text)" if since_review else "resistx.sequence(text, since_review=False)"
    )
    code = (
        f"import pathlib, time; text = pathlib.Path({str(example)!r}).read_text(); "
        f"s = time.process_time(); import resistx; {call}; print(time.process_time() - s)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1e3


def evidence_ms(version: str | None = None) -> float:
    code = (
        "import time, resistx; s = time.perf_counter(); "
        f"resistx.evidence({version!r}); resistx.mechanisms(); "
        "print((time.perf_counter() - s) * 1000)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10_000)
    args = parser.parse_args()
    examples = [resistx.load_profile(p) for p in sorted(EXAMPLES.glob("[0-9][0-9]-*.json"))]
    resistx.sequence(examples[0])  # warm the caches
    sequence_only, load_and_sequence = throughput(args.profiles)
    alone = without_since_review()
    resistx.sequence(examples[0], policy=alone)
    alone_only, _ = throughput(args.profiles, alone)
    figures = {
        "median sequence() on the worked examples, warm (us)": median_sequence_us(examples),
        "  the same without since_review (ye2024 alone), warm (us)": median_sequence_us(
            examples, policy=alone
        ),
        "  policy='practice-2026', warm (us)": median_sequence_us(examples, policy="practice-2026"),
        "median sequence() on the worked examples, cold (us)": median_sequence_us(
            examples, repeats=20, cold=True
        ),
        "  the same without since_review (ye2024 alone), cold (us)": median_sequence_us(
            examples, repeats=20, cold=True, policy=alone
        ),
        "first plan in a fresh process: import, evidence, plan (CPU ms)": first_plan_ms(),
        "  the same without since_review (CPU ms)": first_plan_ms(since_review=False),
        "median to_html(full=True) report on the worked examples (ms)": median_report_ms(examples),
        f"profiles/s over {args.profiles} generated (sequence only)": sequence_only,
        f"profiles/s over {args.profiles} generated (load + sequence)": load_and_sequence,
        "  sequence only, ye2024 alone (no second policy, as in 0.1)": alone_only,
        "import resistx, cumulative (ms)": import_ms(),
        "first evidence() + mechanisms() load (ms)": evidence_ms(),
        "first evidence('2026.11') + mechanisms() load (ms)": evidence_ms("2026.11"),
    }
    for name, value in figures.items():
        print(f"{name:60s} {value:10.1f}")


if __name__ == "__main__":
    main()
