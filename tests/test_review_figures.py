"""A second, independent reading of the review, checked against the encoded evidence.

``tests/data/review_figures.csv`` was written from the review text by a separate reader who
did not see the evidence file: one row per figure the review prints (medians, rates, hazard
ratios, adverse events), with where it is printed. Every row must be in the evidence, or,
where the review prints the figure two ways, be one of the readings of a recorded
discrepancy. And the other way round: every figure encoded in the evidence must be one
the second reader found in the review.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

import resistx
from resistx.model import EndpointKind, Trial

TABLE = Path(__file__).parent / "data" / "review_figures.csv"
with TABLE.open(encoding="utf-8", newline="") as _f:
    ROWS = list(csv.DictReader(_f))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


def _values(trial: Trial, what: str) -> list[tuple[float, tuple[float, float] | None]]:
    if what in {k.value for k in EndpointKind}:
        return [(e.value, e.ci95) for e in trial.endpoints if e.kind.value == what]
    if what.startswith("HR_"):
        kind = what.removeprefix("HR_")
        return [(h.value, h.ci95) for h in trial.hazard_ratios if h.endpoint_kind.value == kind]
    if what == "AE_ANY":
        return [
            (a.any_grade_percent, None)
            for a in trial.adverse_events
            if a.any_grade_percent is not None
        ]
    if what == "AE_G3":
        return [
            (a.grade3plus_percent, None)
            for a in trial.adverse_events
            if a.grade3plus_percent is not None
        ]
    if what == "AE_G5":
        return [
            (a.fatal_percent, None) for a in trial.adverse_events if a.fatal_percent is not None
        ]
    raise AssertionError(what)


def _in_discrepancy(trial: Trial, value: str) -> bool:
    """The figure is one reading of a discrepancy recorded for the trial."""
    eb = resistx.evidence()
    number = float(value)
    return any(
        _close(float(token), number)
        for d in eb.discrepancies_for(trial.key)
        for reading in d.readings
        for token in re.findall(r"\d+(?:\.\d+)?", reading)
    )


def _mismatch(row: dict[str, str]) -> str | None:
    eb = resistx.evidence()
    if row["trial"] not in eb:
        return f"no trial {row['trial']}"
    trial = eb.trial(row["trial"])
    value = float(row["value"])
    ci = (float(row["ci_low"]), float(row["ci_high"])) if row["ci_low"] else None
    for v, c in _values(trial, row["what"]):
        if _close(v, value) and (
            ci is None or c is None or (_close(c[0], ci[0]) and _close(c[1], ci[1]))
        ):
            return None
    if _in_discrepancy(trial, row["value"]):
        return None
    return f"{row['trial']} {row['what']} {row['population']} {row['arm_hint']} {row['value']} ({row['where']})"


def test_the_second_reading_is_substantial() -> None:
    assert len(ROWS) >= 250
    assert {r["what"] for r in ROWS} >= {
        "PFS",
        "OS",
        "ORR",
        "CBR",
        "PFS_RATE",
        "HR_PFS",
        "AE_ANY",
        "AE_G3",
    }


def test_every_figure_of_the_second_reading_is_in_the_evidence() -> None:
    mismatches = [m for m in map(_mismatch, ROWS) if m is not None]
    assert not mismatches, "\n".join(mismatches)


#: the kinds of figure the evidence encodes, each checked against the second reading
ENCODED = ("PFS", "OS", "ORR", "CBR", "PFS_RATE", "HR_PFS", "HR_OS", "AE_ANY", "AE_G3", "AE_G5")


def test_every_encoded_figure_was_found_by_the_second_reader() -> None:
    read: set[tuple[str, str, float]] = {(r["trial"], r["what"], float(r["value"])) for r in ROWS}
    unread = []
    for trial in resistx.evidence().trials:
        for what in ENCODED:
            for value, _ci in _values(trial, what):
                if (trial.key, what, value) not in read:
                    unread.append(f"{trial.key} {what} {value}")
    assert not unread, "\n".join(unread)


@pytest.mark.parametrize("trial", sorted({r["trial"] for r in ROWS}))
def test_every_trial_of_the_second_reading_is_encoded(trial: str) -> None:
    assert trial in resistx.evidence()
