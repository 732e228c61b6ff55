"""Session 75's fixes: what session 74's reviews left (9914, 9881)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx

DATA = Path(__file__).parent / "data" / "board_10000"
_POLICIES = ("ye2024", "practice-2026")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    return data


def _texts(option: resistx.Option) -> str:
    return " ".join(r.text for r in option.reasons)


@pytest.mark.parametrize(
    ("adc", "lines"),
    [
        ("sacituzumab-govitecan", "1"),
        ("sacituzumab-govitecan", "0"),
        ("sacituzumab-govitecan", "0, within its label"),
        ("trastuzumab-deruxtecan", "0"),
    ],
)
def test_an_adc_before_its_lines_does_not_say_chemotherapy_comes_first_when_it_is_declined(
    adc: str, lines: str
) -> None:
    """9914 (MINOR): with chemotherapy declined and the ADCs accepted, sacituzumab govitecan
    before TROPiCS-02's chemotherapy lines said 'so chemotherapy comes first', an option the
    patient will not have. It says chemotherapy is declined; the same patient who accepts
    chemotherapy still reads that chemotherapy comes first. Trastuzumab deruxtecan before
    DESTINY-Breast04's line (HER2-low, no chemotherapy line) says the same, and so does
    sacituzumab govitecan within its US label before any chemotherapy line (rule 4's
    ``sg_within_label``)."""
    profile = _load("9914")
    if adc == "trastuzumab-deruxtecan":
        profile["her2"] = "low"
    if lines != "1":
        profile["treatments"] = profile["treatments"][:1]
    if lines == "0, within its label":  # an endocrine-based line and two more
        first = profile["treatments"][0]
        profile["treatments"] += [
            {
                **first,
                "drugs": ["fulvestrant"],
                "line": 2,
                "started_on": "2025-04-20",
                "ended_on": "2025-08-20",
            },
            {
                **first,
                "drugs": ["everolimus", "exemestane"],
                "line": 3,
                "started_on": "2025-09-01",
                "ended_on": "2026-03-25",
            },
        ]
    declined = resistx.sequence(profile, _load("9914-prefs"))
    accepted = resistx.sequence(profile)
    said = declined.option(adc)
    assert said is not None, [o.regimen.id for o in declined.options]
    code = "sg_within_label" if "label" in lines else "adc_before_chemotherapy"
    assert code in [r.code for r in said.reasons], [r.code for r in said.reasons]
    assert "comes first" not in _texts(said), _texts(said)
    assert "chemotherapy is declined" in _texts(said), _texts(said)
    other = accepted.option(adc)
    assert other is not None
    assert "chemotherapy comes first" in _texts(other), _texts(other)
    assert "declined" not in _texts(other), _texts(other)
