"""Scenario tests for the findings of session 54's blind reviews (cases 2790 on) and the items
left by earlier rounds that this session took up, each seen failing before its fix, named after
the behaviour a clinician relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_board_fixes_2205 import _planned, _refusal

EXAMPLES = Path(__file__).parent.parent / "examples"


def _diabetic(comorbidity: object, medications: list[str]) -> dict[str, Any]:
    """Worked example 03 (PIK3CA E545K after palbociclib + letrozole, diabetes) with
    ``comorbidity`` for its diabetes and ``medications``."""
    data: dict[str, Any] = json.loads((EXAMPLES / "03-pik3ca-mutated-diabetes.json").read_text())
    data["comorbidities"] = [comorbidity]
    data["medications"] = medications
    return data


def test_insulin_among_the_medications_beside_diabetes_without_insulin_is_refused() -> None:
    # the 2780 round's left item: 'insulin glargine' beside plain diabetes left capivasertib
    # preferred (CAPItello-291 excluded diabetes needing insulin), the insulin listed unread
    message = _refusal(_diabetic("diabetes", ["insulin glargine 20 units at night"]))
    assert "medications[0] 'insulin glargine 20 units at night'" in message
    assert "comorbidities[0]" in message
    assert '"insulin": true' in message


def test_insulin_by_brand_beside_diabetes_recorded_without_insulin_is_refused() -> None:
    message = _refusal(_diabetic({"name": "diabetes", "insulin": False}, ["Lantus SoloStar"]))
    assert "medications[0] 'Lantus SoloStar'" in message
    assert '"insulin": false' in message


def test_insulin_with_no_diabetes_on_record_is_refused() -> None:
    data = _diabetic("neuropathy", ["Humalog with meals"])
    message = _refusal(data)
    assert "medications[0] 'Humalog with meals'" in message
    assert "no diabetes" in message


def test_insulin_beside_diabetes_needing_insulin_is_read_and_not_listed_unread() -> None:
    plan = _planned(
        _diabetic({"name": "diabetes", "insulin": True}, ["insulin glargine 20 units"]),
        "ye2024",
    )
    assert plan.options[0].regimen.id != "capivasertib+fulvestrant"
    assert not any("glargine" in n for n in plan.not_assessed)


def test_an_insulin_stopped_is_not_read_as_taken_now() -> None:
    plan = _planned(_diabetic("diabetes", ["insulin stopped 2019, now on metformin"]), "ye2024")
    assert plan.options[0].regimen.id == "capivasertib+fulvestrant"
    assert any("insulin stopped" in n for n in plan.not_assessed)
