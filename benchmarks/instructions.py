"""Machine instructions per plan, counted by valgrind (a plain script, not a test).

    python benchmarks/instructions.py [--profiles 300] [--warm 1500] [--baseline-python PYTHON]

The time benchmarks (``engine.py``, ``bench.py``) vary by up to a half between runs on a
shared machine. This one counts instructions instead, which do not depend on the machine's
load: it runs the same workload twice under ``valgrind --tool=callgrind`` (the setup alone:
imports, generated profiles loaded, a memo warmed by ``--warm`` plans; then the setup and
``--profiles`` more plans of fresh distinct profiles) and prints the difference per plan, for
``sequence()`` under ``ye2024`` alone and for the patient's facts and Inputs alone
(``Patient.of``). The hash seed is fixed, so a run repeats to within a few instructions in a
million. Counts leave out what the CPU does with them (cache misses, branch prediction), so
they compare two versions of the code, not two machines. Needs valgrind on the PATH; each
count takes a few minutes (the program runs about fifty times slower under it).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

WORKLOADS = ("sequence", "patient")


def _workload(name: str, warm: int, n: int, run: bool) -> None:
    """The measured process: setup, then (``run``) ``n`` plans or patients of fresh profiles."""
    import attrs  # noqa: PLC0415 - inside the counted child only

    import resistx  # noqa: PLC0415
    from resistx.sequencing.patient import Patient  # noqa: PLC0415
    from resistx.sequencing.policy import get  # noqa: PLC0415

    sys.path.insert(0, str(Path(__file__).parent))
    from bench import generated  # noqa: PLC0415

    alone = attrs.evolve(get("ye2024"), name="ye2024-alone", updated_by=None)
    rnd = random.Random(2026)
    warmed = [resistx.load_profile(generated(rnd)) for _ in range(warm)]
    fresh = [resistx.load_profile(generated(rnd)) for _ in range(n)]
    prefs = resistx.Preferences()
    for p in warmed:
        resistx.sequence(p, policy=alone) if name == "sequence" else Patient.of(p, prefs)
    if run:
        for p in fresh:
            resistx.sequence(p, policy=alone) if name == "sequence" else Patient.of(p, prefs)


def _count(python: str, name: str, warm: int, n: int, run: bool) -> int:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("valgrind is not on the PATH: this benchmark counts instructions with it")
    mode = "run" if run else "setup"
    cmd = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", python, __file__]
    cmd += ["--child", name, mode, f"--warm={warm}", f"--profiles={n}"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", done.stderr) or re.search(
        r"refs:\s+([\d,]+)", done.stderr
    )
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_plan(python: str, name: str, warm: int, n: int) -> float:
    """Instructions per plan (or patient) of ``name``, with ``python``'s resistx."""
    return (_count(python, name, warm, n, True) - _count(python, name, warm, n, False)) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=300)
    parser.add_argument("--warm", type=int, default=1_500)
    parser.add_argument("--baseline-python", help="another Python with resistx installed")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, mode = args.child
        _workload(name, args.warm, args.profiles, mode == "run")
        return
    pythons = [sys.executable, *([args.baseline_python] if args.baseline_python else [])]
    print(f"{args.profiles} fresh distinct profiles after {args.warm} warming the memo")
    print(
        f"{'workload':30s} "
        + " ".join(f"{'this' if i == 0 else 'baseline':>16s}" for i in range(len(pythons)))
    )
    for name in WORKLOADS:
        counts = [per_plan(py, name, args.warm, args.profiles) for py in pythons]
        what = "sequence(), ye2024 alone" if name == "sequence" else "Patient.of (facts, Inputs)"
        print(f"{what:30s} " + " ".join(f"{c / 1e6:13.2f} M " for c in counts))


if __name__ == "__main__":
    main()
