"""Cohort throughput, end to end (a plain script, not a test).

    python benchmarks/cohort.py [--profiles 100000] [--no-dask] [--workdir DIR]

Writes ``--profiles`` distinct generated profiles (seeded) as JSON Lines, then runs the whole
path (read JSON Lines, load, sequence, write Parquet) with ``resistx cohort --jobs 1`` and
``--jobs 2``, and on a ``LocalCluster`` of 2 worker processes (``write_partitions`` of a
``dask_bag``, and of the path itself); prints profiles/s and the peak resident memory of each
run. Target on a 2-core machine: >= 10,000 profiles/s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

GENES = ["ESR1", "PIK3CA", "AKT1", "PTEN", "BRCA1", "BRCA2", "PALB2", "CCNE1", "RB1", "ERBB2"]
FINDINGS = ["mutated", "wild_type", "not_detected", "amplified", "loss"]
_MUTATION_ONLY = ("ESR1", "PIK3CA", "AKT1")


def _finding(gene: str, status: str) -> str:
    """PTEN and RB1 are read for their loss (case 2118): an amplification drawn is a loss."""
    return "loss" if gene in ("PTEN", "RB1") and status == "amplified" else status


CDK46I = ["Ibrance", "palbociclib", "ribociclib", "Kisqali", "abemaciclib"]
PARTNERS = ["letrozole", "anastrozole", "fulvestrant", "exemestane"]
LATER = [["capecitabine"], ["paclitaxel"], ["everolimus", "exemestane"], ["fulvestrant"]]
NEXT = [
    ["elacestrant"],
    ["Orserdu"],
    ["fulvestrant"],
    ["alpelisib", "fulvestrant"],
    ["Truqap", "Faslodex"],
    ["everolimus", "exemestane"],
    ["capecitabine"],
    ["trastuzumab deruxtecan"],
    ["olaparib"],
    ["tamoxifen"],
]


def _day(rnd: random.Random, start: dt.date, span_days: int) -> dt.date:
    return start + dt.timedelta(days=rnd.randint(0, span_days))


def profile(rnd: random.Random, number: int) -> dict[str, Any]:
    """One realistic schema-2 profile: a CDK4/6 inhibitor first, maybe later lines, ctDNA or
    tissue results, and (for most) the treatment given next. Distinct by id and dates."""
    start = _day(rnd, dt.date(2019, 1, 1), 1500)
    end = start + dt.timedelta(days=rnd.randint(60, 1100))
    treatments = [
        {
            "drugs": [rnd.choice(CDK46I), rnd.choice(PARTNERS)],
            "line": 1,
            "started_on": start.isoformat(),
            "ended_on": end.isoformat(),
            "stop_reason": rnd.choice(["progression"] * 9 + ["patient_choice"]),
        }
    ]
    for line in range(2, 2 + rnd.choice([0, 0, 0, 1, 1, 2])):
        later_start = end + dt.timedelta(days=rnd.randint(5, 40))
        end = later_start + dt.timedelta(days=rnd.randint(60, 400))
        treatments.append(
            {
                "drugs": rnd.choice(LATER),
                "line": line,
                "started_on": later_start.isoformat(),
                "ended_on": end.isoformat(),
                "stop_reason": "progression",
            }
        )
    as_of = end + dt.timedelta(days=rnd.randint(10, 60))
    biomarkers = [
        {
            "gene": gene,
            "status": _finding(
                gene, rnd.choice(FINDINGS[:3]) if gene in _MUTATION_ONLY else rnd.choice(FINDINGS)
            ),
            "sample": rnd.choice(["ctdna", "tissue"]),
            "assay": "ngs",
            "tested_on": _day(rnd, end - dt.timedelta(days=30), 30).isoformat(),
        }
        for gene in rnd.sample(GENES, rnd.randint(0, 4))
    ]
    data: dict[str, Any] = {
        "schema_version": 2,
        "patient_id": f"synthetic-{number:07d}",
        "as_of": as_of.isoformat(),
        "hormone_receptor": "positive",
        "her2": rnd.choice(["0", "0", "low", "ultralow", "unknown"]),
        "menopausal_status": rnd.choice(["postmenopausal", "premenopausal", "unknown"]),
        "ecog": rnd.choice([0, 0, 1, 1, 2, None]),
        "visceral_crisis": rnd.random() < 0.05,
        "comorbidities": rnd.sample(
            ["diabetes", "interstitial_lung_disease", "neuropathy"], rnd.choice([0, 0, 0, 1])
        ),
        "biomarkers": biomarkers,
        "treatments": treatments,
    }
    if rnd.random() < 0.8:
        data["next_treatment"] = rnd.choice(NEXT)
    return data


def iter_profiles(n: int, seed: int = 2024) -> Iterator[dict[str, Any]]:
    """``n`` distinct profiles, one at a time; about 1 in 100 is broken (a misspelt drug) and
    1 in 100 out of scope."""
    rnd = random.Random(seed)
    for number in range(n):
        data = profile(rnd, number)
        roll = rnd.random()
        if roll < 0.01:
            data["treatments"][0]["drugs"] = ["palbocicilb-typo"]
        elif roll < 0.02:
            data["her2"] = "positive"
        yield data


def profiles(n: int, seed: int = 2024) -> list[dict[str, Any]]:
    return list(iter_profiles(n, seed))


def write_jsonl(path: Path, n: int, seed: int = 2024) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(d) + "\n" for d in iter_profiles(n, seed))


def _status(pid: str) -> dict[str, str]:
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as f:
            return dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return {}


def _tree_peaks(root: int, peaks: dict[str, int]) -> None:
    """The peak resident memory (VmHWM, kB) so far of ``root`` and each process under it (the
    worker processes are children of the forkserver, not of the run: ``RUSAGE_CHILDREN``
    does not count them)."""
    pids = [p.name for p in Path("/proc").iterdir() if p.name.isdigit()]
    parents = {pid: _status(pid).get("PPid", "").strip() for pid in pids}
    tree, grew = {str(root)}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    for pid in tree:
        peak = _status(pid).get("VmHWM", "").split()
        if peak:
            peaks[pid] = max(peaks.get(pid, 0), int(peak[0]))


def _cli_run(source: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB, of the largest process: the main one or a worker) of one
    ``resistx cohort`` run, in a process of its own (memory read from /proc as it runs)."""
    code = (
        "import sys, time; from resistx.cli import main; s = time.perf_counter(); "
        f"c = main(['cohort', {str(source)!r}, '--out', {str(out)!r}, '--jobs', '{jobs}']); "
        "print(time.perf_counter() - s, file=sys.stderr)"
    )
    run = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peaks: dict[str, int] = {}
    while run.poll() is None:
        _tree_peaks(run.pid, peaks)
        time.sleep(0.2)
    stderr = run.stderr.read() if run.stderr else ""
    if run.returncode:
        raise subprocess.CalledProcessError(run.returncode, "resistx cohort", stderr=stderr)
    return float(stderr.split()[-1]), max(peaks.values(), default=0) / 1024


def _dask_run(source: Path, out: Path, *, by_path: bool) -> tuple[float, float]:
    """A LocalCluster run: ``write_partitions(dask_bag(source))`` (the entries' dicts), or
    with ``by_path`` ``write_partitions(source)`` (each partition planned and written in one
    task)."""
    import resource  # noqa: PLC0415

    from distributed import Client, LocalCluster  # noqa: PLC0415

    import resistx.cohort  # noqa: PLC0415

    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        client.run(lambda: __import__("resistx.cohort"))  # workers start warm as the CLI does
        start = time.perf_counter()
        cohort = source if by_path else resistx.cohort.dask_bag(source)
        resistx.cohort.write_partitions(cohort, out)
        seconds = time.perf_counter() - start
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return seconds, max(workers.values()) / 1024  # the largest worker


def _writes_paths() -> bool:
    """Whether this resistx's ``write_partitions`` takes a path (not before 0.2's last round)."""
    import resistx.cohort  # noqa: PLC0415

    return "blocksize" in inspect.signature(resistx.cohort.write_partitions).parameters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    parser.add_argument(
        "--workdir", type=Path, help="keep the files here (default: a temporary directory)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        source = work / "cohort.jsonl"
        write_jsonl(source, args.profiles)
        n = args.profiles
        print(f"{n:,} generated profiles, {source.stat().st_size / 2**20:.0f} MB of JSON Lines")
        runs: dict[str, Callable[[], tuple[float, float]]] = {
            "resistx cohort --jobs 1": lambda: _cli_run(source, work / "jobs1.parquet", 1),
            "resistx cohort --jobs 2": lambda: _cli_run(source, work / "jobs2.parquet", 2),
        }
        if not args.no_dask:
            runs["Dask LocalCluster(2 workers), a bag"] = lambda: _dask_run(
                source, work / "dask", by_path=False
            )
            if _writes_paths():
                runs["Dask LocalCluster(2 workers), a path"] = lambda: _dask_run(
                    source, work / "dask-path", by_path=True
                )
        for name, go in runs.items():
            seconds, rss = go()
            print(
                f"{name:40s} {n / seconds:10,.0f} profiles/s  {seconds:7.1f} s  peak RSS {rss:6.0f} MB"
            )


if __name__ == "__main__":
    main()
