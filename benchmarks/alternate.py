"""Two installations of resistx, alternated (a plain script, not a test).

    python benchmarks/alternate.py PYTHON_A PYTHON_B [--runs 4] [--profiles 3000]

Runs ``benchmarks/engine.py`` (one round, fresh distinct profiles) with each Python in turn,
``--runs`` times, so that a machine whose speed drifts during the session weighs on both
alike; prints each policy's median ``sequence()`` time per run and the median of the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
from pathlib import Path

ENGINE = Path(__file__).with_name("engine.py")


def run(python: str, profiles: int) -> dict[str, tuple[float, float]]:
    cmd = [python, str(ENGINE), "--json", f"--profiles={profiles}", "--rounds=1"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    found: dict[str, tuple[float, float]] = json.loads(done.stdout)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pythons", nargs=2, help="the two Pythons, each with resistx installed")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--profiles", type=int, default=3_000)
    args = parser.parse_args()
    medians: dict[str, dict[str, list[float]]] = {py: {} for py in args.pythons}
    for _ in range(args.runs):
        for py in args.pythons:
            for policy, (median, _rate) in run(py, args.profiles).items():
                medians[py].setdefault(policy, []).append(median)
    for py, by_policy in medians.items():
        print(py)
        for policy, runs in by_policy.items():
            each = ", ".join(f"{m:.0f}" for m in runs)
            print(f"  {policy:16s} median {statistics.median(runs):6.0f} us  (runs: {each})")


if __name__ == "__main__":
    main()
