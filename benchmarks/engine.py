"""The sequencing engine on fresh distinct profiles (a plain script, not a test).

    python benchmarks/engine.py [--profiles 5000] [--rounds 3] [--baseline-python PYTHON]

Each generated profile (seeded, distinct) is sequenced once, in order, after the profiles
before it: the memo is as warm as a cohort run leaves it, and no answer is repeated. Prints
the median time of one ``sequence()`` call and the profiles per second (process CPU time, the
best of ``--rounds`` rounds, each round with fresh profiles and an empty memo) under the
default policy (which also ranks the patient under practice-2026 for ``since_review``),
``ye2024`` alone, and ``practice-2026``. With ``--baseline-python``, the same figures from
another installation of resistx (an earlier version, say) are printed beside, from the same run.
Target (issue 12): a median of 100 us on fresh distinct profiles.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import attrs

import resistx
from resistx.sequencing import engine
from resistx.sequencing.policy import get

sys.path.insert(0, str(Path(__file__).parent))
from bench import generated

POLICIES = ("default", "ye2024 alone", "practice-2026")


def _policy(name: str) -> resistx.Policy | None:
    if name == "default":
        return None
    if name == "ye2024 alone":  # the default policy without the newer one it names
        return attrs.evolve(get("ye2024"), name="ye2024-alone", updated_by=None)
    return get(name)


def figures(n: int, rounds: int) -> dict[str, tuple[float, float]]:
    """Per policy: (median us per call, profiles per second), the best round of each."""
    best: dict[str, tuple[float, float]] = {}
    for r in range(rounds):
        rnd = random.Random(2026 + r)
        profiles = [resistx.load_profile(generated(rnd)) for _ in range(n)]
        for name in POLICIES:
            policy = _policy(name)
            engine._MEMOS.clear()
            times = []
            start = time.process_time()
            for p in profiles:
                t = time.perf_counter()
                resistx.sequence(p, policy=policy)
                times.append(time.perf_counter() - t)
            rate = n / (time.process_time() - start)
            median = statistics.median(times) * 1e6
            old = best.get(name)
            best[name] = (min(median, old[0]), max(rate, old[1])) if old else (median, rate)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-python", help="another Python with resistx installed")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    here = figures(args.profiles, args.rounds)
    if args.json:
        print(json.dumps(here))
        return
    base = None
    if args.baseline_python:
        cmd = [args.baseline_python, __file__, "--json", f"--profiles={args.profiles}"]
        out = subprocess.run(
            [*cmd, f"--rounds={args.rounds}"], capture_output=True, text=True, check=True
        )
        base = json.loads(out.stdout)
    print(f"{args.profiles} fresh distinct profiles, best of {args.rounds} rounds")
    print(
        f"{'policy':16s} {'median us':>10s} {'profiles/s':>11s}" + ("   baseline" if base else "")
    )
    for name, (median, rate) in here.items():
        line = f"{name:16s} {median:10.0f} {rate:11.0f}"
        if base:
            b_median, b_rate = base[name]
            line += f"   {b_median:.0f} us, {b_rate:.0f}/s"
        print(line)


if __name__ == "__main__":
    main()
