"""Synthetic cohorts for the cohort tests: the benchmark's seeded generator, loaded by path
(benchmarks/ is not a package), so tests and benchmark plan the same kind of patients."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
_spec = importlib.util.spec_from_file_location("cohort_bench", ROOT / "benchmarks" / "cohort.py")
assert _spec is not None and _spec.loader is not None
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)


def profiles(n: int, seed: int = 7) -> list[dict[str, Any]]:
    generated: list[dict[str, Any]] = _bench.profiles(n, seed)
    return generated


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
