"""Input and output speed: ``load_profile``, ``to_json`` and ``import resistx`` (a script, not a test).

    python benchmarks/load.py [--profiles 5000] [--imports 30] [--baseline-python PATH]

Generates distinct valid profiles (seeded) and prints medians; with ``--baseline-python``
(say, a venv with 0.2.0.dev0 from a wheel) the public figures of that install too, from the
same run. Beside them, this install with its compiled paths turned off:

- ``load_profile`` of a mapping and of JSON text: the compiled path (what ``load_profile``
  does) and the collecting path it falls back to (``resistx._serde.structure_collecting``);
- ``to_json`` of full plans, compact and ``indent=2`` (what the CLI writes): what
  ``to_json`` does, and ``json.dumps`` over cattrs' unstructuring
  (``resistx._serde.to_json_slow``, what 0.2.0.dev0 did);
- ``import resistx`` over ``import attrs, cattrs`` in fresh interpreters, as CPU time (user
  plus system) of the child, which other load on the machine disturbs less than wall time;
  with ``--baseline-python`` the same for another install (an older wheel) beside it.

Targets (issue 12): load_profile <= 50 us median; import <= 50 ms over attrs and cattrs.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import resistx
from resistx import _serde

GENES = ["ESR1", "pik3ca", "AKT1", "PTEN", "RB1", "CCNE1", "BRCA1", "BRCA2", "PALB2", "ERBB2"]
STATUSES = ["mutated", "wild_type", "amplified", "loss", "not_detected"]
REGIMENS = [
    ["palbociclib", "letrozole"],
    ["Ibrance", "fulvestrant"],
    ["ribociclib", "fulvestrant"],
    ["abemaciclib", "anastrozole"],
    ["capecitabine"],
    ["paclitaxel"],
    ["everolimus", "exemestane"],
]


def _day(rnd: random.Random, year: int = 2024) -> str:
    return f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def _treatment(rnd: random.Random, line: int) -> dict[str, Any]:
    treatment: dict[str, Any] = {"drugs": rnd.choice(REGIMENS), "line": line}
    if rnd.random() < 0.5:
        treatment["months"] = round(rnd.uniform(1, 30), 1)
    else:
        # a later line starts after the one before has ended (a profile refuses lines out of
        # date order, and the same drugs over overlapping dates as one course entered twice)
        treatment["started_on"] = _day(rnd, 2014 + 2 * line)
        treatment["ended_on"] = _day(rnd, 2015 + 2 * line)
    stop = rnd.choice(["progression", "progression", "toxicity", "completed"])
    treatment["stop_reason"] = stop
    if stop == "toxicity":
        treatment["toxicity"] = rnd.choice(["neutropenia", "diarrhoea", "Pneumonitis"])
    return treatment


def _status(gene: str, status: str) -> str:
    """ESR1, PIK3CA and AKT1 have no 'loss' (case 1921): read as not detected, with no random
    draw added (the same seed gives the profiles it gave)."""
    symbol = gene.upper()  # the generator spells one gene in lower case
    if symbol in ("PTEN", "RB1") and status == "amplified":  # read for their loss (case 2118)
        return "loss"
    return "not_detected" if symbol in ("ESR1", "PIK3CA", "AKT1") and status == "loss" else status


def generated(rnd: random.Random, index: int) -> dict[str, Any]:
    """A valid, realistic profile; ``index`` makes each one distinct."""
    comorbidities: list[Any] = rnd.sample(["diabetes", "neuropathy", "Cardiac disease"], 2)
    if rnd.random() < 0.3:
        comorbidities = [{"name": "diabetes", "hba1c": round(rnd.uniform(5, 9), 1)}]
    return {
        "schema_version": 2,
        "patient_id": f"p{index:07d}",
        "as_of": "2025-06-01",
        "hormone_receptor": "positive",
        "her2": rnd.choice(["0", "ultralow", "low", "unknown"]),
        "menopausal_status": rnd.choice(["postmenopausal", "premenopausal", "unknown"]),
        "ecog": rnd.choice([None, 0, 1, 2]),
        "visceral_crisis": rnd.random() < 0.1,
        "comorbidities": comorbidities[: rnd.randint(0, 2)],
        "biomarkers": [
            {
                "gene": (gene := rnd.choice(GENES)),
                "status": _status(gene, rnd.choice(STATUSES)),
                "sample": rnd.choice(["tissue", "ctdna"]),
                "assay": "ngs",
                "tested_on": _day(rnd, 2025)[:5] + "0" + str(rnd.randint(1, 5)) + "-15",
            }
            for _ in range(rnd.randint(0, 4))
        ],
        "treatments": [_treatment(rnd, i + 1) for i in range(rnd.randint(1, 3))],
    }


def median_us(function: Callable[[Any], object], inputs: list[Any], passes: int = 3) -> float:
    """Median time of one call over ``inputs``: the lowest median of ``passes`` passes (other
    load on the machine only ever adds time). Nothing is remembered between calls but what
    the library itself caches (drug-name folding)."""
    medians = []
    for _ in range(passes):
        times = []
        for item in inputs:
            start = time.perf_counter()
            function(item)
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return min(medians) * 1e6


def _indented(plan: resistx.Plan) -> str:
    return resistx.to_json(plan, indent=2)


def _indented_slow(plan: resistx.Plan) -> str:
    return _serde.to_json_slow(plan, indent=2)


def _load_slow(source: Any) -> resistx.Profile:
    data = json.loads(source) if isinstance(source, str) else source
    return _serde.structure_collecting(data, resistx.Profile)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_ms(python: str, statement: str) -> float:
    """CPU time of a fresh interpreter running ``statement``."""
    start = _children_cpu()
    subprocess.run([python, "-c", statement], check=True)
    return (_children_cpu() - start) * 1000


def import_figures(python: str, label: str, runs: int) -> dict[str, float]:
    """Medians over ``runs`` rounds; each round runs the three statements one after the
    other, and the figures over attrs and cattrs are medians of each round's difference, so
    that a change of load on the machine during the run touches both sides alike."""
    rounds = [
        [_cpu_ms(python, s) for s in ("import attrs, cattrs", "import resistx", _ENGINE)]
        for _ in range(runs)
    ]
    return {
        f"import attrs, cattrs ({label}) (ms)": statistics.median(r[0] for r in rounds),
        f"import resistx over attrs, cattrs ({label}) (ms)": statistics.median(
            r[1] - r[0] for r in rounds
        ),
        f"  and the engine (resistx.sequence) ({label}) (ms)": statistics.median(
            r[2] - r[0] for r in rounds
        ),
    }


_ENGINE = "import resistx; resistx.sequence"


Inputs = tuple[list[dict[str, Any]], list[str], list[resistx.Plan]]


def inputs(profiles: int) -> Inputs:
    """The generated mappings, their JSON texts and 500 of their plans (seeded: every run and
    install measures the same)."""
    rnd = random.Random(12)
    dicts = [generated(rnd, i) for i in range(profiles)]
    texts = [json.dumps(d) for d in dicts]
    plans = [resistx.sequence(resistx.load_profile(d)) for d in dicts[:500]]
    return dicts, texts, plans


def public_figures(given: Inputs) -> dict[str, float]:
    """Medians through the public API only, so that an older install can run them too."""
    dicts, texts, plans = given
    return {
        "load_profile(mapping), median (us)": median_us(resistx.load_profile, dicts),
        "load_profile(JSON text), median (us)": median_us(resistx.load_profile, texts),
        "to_json(plan), median (us)": median_us(resistx.to_json, plans),
        "to_json(plan, indent=2), median (us)": median_us(_indented, plans),
    }


def plain_path_figures(given: Inputs) -> dict[str, float]:
    """The same, with this install's compiled paths turned off."""
    dicts, texts, plans = given
    return {
        "load_profile(mapping), collecting path (us)": median_us(_load_slow, dicts),
        "load_profile(JSON text), json.loads + collecting path (us)": median_us(_load_slow, texts),
        "to_json(plan), cattrs + json.dumps (us)": median_us(_serde.to_json_slow, plans),
        "to_json(plan, indent=2), cattrs + json.dumps (us)": median_us(_indented_slow, plans),
    }


def _baseline(python: str, profiles: int) -> dict[str, float]:
    out = subprocess.run(
        [python, __file__, "--public-only", "--profiles", str(profiles)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line[:60].rstrip() + " [baseline]": float(line[60:]) for line in out.splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=5_000)
    parser.add_argument("--imports", type=int, default=30, help="fresh interpreters per figure")
    parser.add_argument("--baseline-python", help="an interpreter with another resistx install")
    parser.add_argument("--public-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    given = inputs(args.profiles)
    figures = public_figures(given)
    if not args.public_only:
        if args.baseline_python:
            figures.update(_baseline(args.baseline_python, args.profiles))
        figures.update(plain_path_figures(given))
        figures.update(import_figures(sys.executable, "this install", args.imports))
        if args.baseline_python:
            figures.update(import_figures(args.baseline_python, "baseline", args.imports))
    for name, value in figures.items():
        print(f"{name:60s} {value:10.1f}")


if __name__ == "__main__":
    main()
