"""Figures shown as the sources print them (the blind reading of session 67, helper 600)."""

from __future__ import annotations

import json
from pathlib import Path

import resistx
from resistx.display._common import trial_view

EXAMPLES = Path(__file__).parent.parent / "examples"


def _table(trial: str, title: str, pack: str | None = None) -> tuple[tuple[str, ...], ...]:
    eb = resistx.evidence(pack) if pack else resistx.evidence()
    [table] = [t for t in trial_view(eb.trial(trial), eb).tables if t.title == title]
    return (table.header, *table.rows)


def test_an_esr1_not_detected_exclusion_gives_ember3s_hr_as_printed_with_its_ci() -> None:
    """The plan said 'EMBER-3, ESR1 not detected: HR 1.' where the pack prints 'HR 1.00
    (0.79-1.27)': a hazard ratio of no effect needs its interval beside it."""
    data = json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text())
    plan = resistx.sequence(data, policy="practice-2026")
    [left] = [e for e in plan.excluded if e.regimen.id == "imlunestrant"]
    said = " ".join(r.text for r in left.reasons)
    assert "ESR1 not detected: HR 1.00 (95% CI 0.79\u20131.27)" in said, said


def test_a_hazard_ratio_keeps_the_printed_second_decimal() -> None:
    """'0.5-0.85' was shown for SOLAR-1's printed 0.50-0.85, and 'HR 0.5' in plans for a
    printed 0.50."""
    _header, *solar = _table("SOLAR-1", "Hazard ratios")
    assert any(row[3] == "0.65" and row[4] == "0.50-0.85" for row in solar), solar
    plan = resistx.sequence(json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text()))
    said = " ".join(r.text for o in plan.options for r in o.reasons)
    assert "HR 0.5 " not in said and "HR 0.5," not in said


def test_a_grade_3_4_figure_is_not_headed_grade_3_or_worse() -> None:
    header, *rows = _table("SOLAR-1", "Adverse events")
    assert "grade >= 3 %" not in header
    hyperglycemia = next(r for r in rows if r[1] == "hyperglycemia")
    assert hyperglycemia[3] == "36.6 (3-4)"
