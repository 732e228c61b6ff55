"""Scenario tests for session 57's findings (cases 3702 on): each seen failing before its fix."""

from __future__ import annotations

from typing import Any

import pytest

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
