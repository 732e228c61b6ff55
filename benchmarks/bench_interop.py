"""Conversion time of resistx.interop (a plain script, not a test).

    python benchmarks/bench_interop.py [--repeat 200]

Prints the median time to convert each bundled phenopacket and mCODE bundle
(``examples/interop/``) into a profile, with the official packages' schema check (the
``interop`` extra) and without it (plain JSON reading only), and the time of the first
import of the official packages, which the first checked conversion pays once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resistx.interop import _official, from_fhir, from_phenopacket

FIXTURES = Path(__file__).parent.parent / "examples" / "interop"
CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "phenopacket": from_phenopacket,
    "fhir": from_fhir,
}


def median_us(convert: Callable[[Any], Any], docs: list[Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for doc in docs:
            start = time.perf_counter()
            convert(doc)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def import_ms() -> float:
    code = (
        "import time; t = time.perf_counter(); "
        "import phenopackets, google.protobuf.json_format, fhir.resources.R4B.bundle; "
        "print((time.perf_counter() - t) * 1000)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print(f"import of the official packages: {import_ms():.0f} ms (once per process)")
    real_module = _official._module
    for fmt, convert in CONVERTERS.items():
        docs = [json.loads(p.read_text("utf-8")) for p in sorted(FIXTURES.glob(f"*.{fmt}.json"))]
        checked = median_us(convert, docs, args.repeat)
        _official._module = lambda _name: None  # type: ignore[assignment] # plain JSON only
        try:
            plain = median_us(convert, docs, args.repeat)
        finally:
            _official._module = real_module
        print(
            f"{fmt}: {len(docs)} documents, median per document {checked:.0f} us with the "
            f"schema check, {plain:.0f} us without"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
