"""Scenario tests for session 57's findings (cases 3702 on): each seen failing before its fix."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import PALBOCICLIB, result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal


def _undated_line_1_ongoing(*later: dict[str, Any]) -> dict[str, Any]:
    """Line 1 palbociclib + letrozole 'ongoing' with no dates, beside ``later`` courses."""
    first = {"drugs": ["palbociclib", "letrozole"], "line": 1, "stop_reason": "ongoing"}
    return _woman("2026-05-01", [], first, *later)


@pytest.mark.parametrize(
    "later",
    [
        # dated, ended in progression: the plan read palbociclib as never progressed on and
        # preferred the CDK4/6-inhibitor doublets again (session 57, found by a mutation that
        # survived: the check compared start dates only)
        _course(["fulvestrant"], "2024-01-01", "2025-01-01", "progression", line=2),
        # a later line with no dates at all: its number alone says it began after line 1
        {"drugs": ["capecitabine"], "line": 3, "months": 4, "stop_reason": "progression"},
    ],
)
def test_an_undated_ongoing_line_under_a_later_numbered_line_is_refused(
    later: dict[str, Any],
) -> None:
    message = _refusal(_undated_line_1_ongoing(later))
    assert "treatments[0] (line 1) is ongoing" in message
    assert "treatments[1]" in message


def test_an_undated_ongoing_line_beside_a_course_of_its_own_line_passes() -> None:
    """Two courses of one line (given together, one stopped for toxicity) are no later line."""
    held = {"drugs": ["ribociclib"], "line": 1, "months": 2, "stop_reason": "toxicity"}
    _planned(_undated_line_1_ongoing(held | {"toxicity": "neutropenia"}), "ye2024")


def _tumour_tested_but(germline: dict[str, Any]) -> dict[str, Any]:
    """ESR1, PIK3CA and AKT1 negative on tissue after palbociclib + letrozole, and one germline
    result of a tumour suppressor (a hereditary panel's PTEN or RB1)."""
    tissue = [result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1")]
    return _woman("2026-05-01", [*tissue, germline], PALBOCICLIB)


def _germline(gene: str, status: str) -> dict[str, Any]:
    extra = {"classification": "pathogenic"} if status == "mutated" else {}
    return result(gene, status, origin="germline", **extra)


def test_a_germline_rb1_variant_is_not_read_as_the_tumours_rb1_loss() -> None:
    """Case 3529 (left in session 56): a germline RB1 variant (hereditary retinoblastoma) on a
    blood test left every CDK4/6-inhibitor regimen out as 'RB1 loss'; the tumour's RB1 was
    never tested, and the review reads the tumour's loss of RB as resistance."""
    plan = resistx.sequence(_tumour_tested_but(_germline("RB1", "mutated")))
    assert plan.option("abemaciclib+fulvestrant") is not None
    assert not any("RB1 loss" in r.text for o in plan.options for r in o.reasons)
    (note,) = [n for n in plan.notes if n.startswith("RB1")]
    assert "germline" in note and "not read as the tumour's RB1 loss" in note


def test_a_germline_pten_variant_does_not_open_capivasertib() -> None:
    """A germline PTEN variant (Cowden syndrome) was read as the tumour's PI3K-pathway
    alteration: capivasertib + fulvestrant first; the review asks for tumour profiling."""
    plan = resistx.sequence(_tumour_tested_but(_germline("PTEN", "mutated")))
    top = plan.options[0]
    assert top.regimen.id != "capivasertib+fulvestrant"
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is None or "akt_pathway_alteration_matches_capivasertib" not in {
        r.code for r in capivasertib.reasons
    }
    assert any("PTEN" in a.genes for a in plan.actions if a.code == "retest")
    (note,) = [n for n in plan.notes if n.startswith("PTEN")]
    assert "not read as the tumour's PTEN" in note


def test_a_germline_panels_pten_negative_leaves_the_tumours_pten_untested() -> None:
    """A hereditary panel's PTEN negative (blood) was read as the tumour's: 'no actionable
    alteration' with PTEN never tested in the tumour, and no test of it asked."""
    plan = resistx.sequence(_tumour_tested_but(_germline("PTEN", "not_detected")))
    assert any("PTEN" in a.genes for a in plan.actions if a.code == "retest")
    codes = {r.code for o in plan.options for r in o.reasons}
    assert "no_actionable_alteration" not in codes


def test_a_germline_pten_variant_does_not_confirm_a_pten_loss_on_ctdna() -> None:
    """A PTEN loss on ctDNA waits on tissue (case 509); a germline PTEN variant on blood beside
    it is no tumour tissue, and was read as confirming it."""
    loss = result("PTEN", "loss")
    base = _tumour_tested_but(loss)
    with_germline = _tumour_tested_but(loss)
    with_germline["biomarkers"].append(_germline("PTEN", "mutated"))

    def said(data: dict[str, Any]) -> bool:
        plan = resistx.sequence(data)
        texts = [r.text for o in plan.options for r in o.reasons] + [a.text for a in plan.actions]
        return any("on ctDNA only" in t for t in texts)

    assert said(base)
    assert said(with_germline)
