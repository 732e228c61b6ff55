"""ESMO-MCBS v1.1 preliminary grades (Forms 2a and 2b) from a trial's HR and medians."""

from __future__ import annotations

import pytest

import resistx
from resistx.evidence import mcbs
from resistx.model import EndpointKind, HazardRatio

EB = resistx.evidence()


def hr(low: float, high: float, kind: EndpointKind = EndpointKind.PFS) -> HazardRatio:
    """A hazard ratio at the middle of its CI; the grade reads only the CI's lower limit."""
    return HazardRatio(
        endpoint_kind=kind,
        experimental="e",
        control="c",
        value=round((low + high) / 2, 4),
        ci95=(low, high),
        source="test",
    )


@pytest.mark.parametrize(
    ("trial", "population", "grade"),
    [
        ("EMERALD", "ESR1-mutated", 3),  # ESMO scorecard: 3
        ("CAPItello-291", "ITT", 3),  # ESMO scorecard: 3
        ("CAPItello-291", "AKT-pathway-altered", 3),
        ("DESTINY-Breast04", "ITT", 3),
        ("TROPiCS-02", "ITT", 3),
        ("SOLAR-1", "PIK3CA-mutated", 3),
        ("EMERALD", "ITT", 1),  # gain 0.9 months < 1.0
        ("MAINTAIN", "ITT", 3),
    ],
)
def test_grades_of_the_comparative_trials(trial: str, population: str, grade: int) -> None:
    result = resistx.mcbs_grade(EB.trial(trial), population)
    assert result.grade == grade, result.reason
    assert result.form == "2b"
    assert result.hr_ci_lower is not None and result.gain_months is not None


def test_inputs_are_carried_with_the_grade() -> None:
    g = resistx.mcbs_grade(EB.trial("EMERALD"), "ESR1-mutated")
    assert (g.hr, g.hr_ci_lower, g.experimental_median, g.control_median, g.gain_months) == (
        0.55,
        0.39,
        3.8,
        1.9,
        1.9,
    )
    assert "Form 2b" in g.reason


@pytest.mark.parametrize(
    ("trial", "population", "why"),
    [
        ("SOLAR-1", "PIK3CA-not-mutated", "does not exclude 1"),
        ("FAKTION", "pathway-non-altered-NGS", "does not exclude 1"),
        ("MAINTAIN", "palbociclib-pretreated", "no median"),
        ("BOLERO-2", "ITT", "no hazard ratio"),
    ],
)
def test_not_gradable_says_why(trial: str, population: str, why: str) -> None:
    g = resistx.mcbs_grade(EB.trial(trial), population)
    assert g.grade is None and not g.gradable
    assert why in g.reason


@pytest.mark.parametrize(
    ("h", "exp", "ctl", "grade"),
    [
        (hr(0.65, 0.7), 5.5, 4.0, 3),  # control <= 6: lower 0.65, gain 1.5 -> 3
        (hr(0.66, 0.7), 5.5, 4.0, 2),  # lower just above 0.65 -> 2
        (hr(0.75, 0.8), 5.0, 4.0, 2),  # lower 0.75, gain 1.0 -> 2
        (hr(0.75, 0.8), 4.9, 4.0, 1),  # gain 0.9 -> 1
        (hr(0.5, 0.7), 10.0, 7.0, 3),  # control > 6: gain 3 -> 3
        (hr(0.5, 0.7), 9.9, 7.0, 2),  # gain 2.9 -> 2 (needs >= 1.5 and lower <= 0.75)
        (hr(0.5, 0.7), 8.4, 7.0, 1),  # gain 1.4 -> 1
    ],
)
def test_form_2b_thresholds(h: HazardRatio, exp: float, ctl: float, grade: int) -> None:
    assert mcbs.grade(h, exp, ctl).grade == grade


@pytest.mark.parametrize(
    ("h", "exp", "ctl", "grade"),
    [
        (hr(0.65, 0.7, EndpointKind.OS), 14.0, 11.0, 4),
        (hr(0.70, 0.8, EndpointKind.OS), 13.5, 11.0, 3),
        (hr(0.75, 0.8, EndpointKind.OS), 12.5, 11.0, 2),
        (hr(0.76, 0.8, EndpointKind.OS), 14.0, 11.0, 1),
        (hr(0.70, 0.8, EndpointKind.OS), 25.0, 20.0, 4),
        (hr(0.75, 0.8, EndpointKind.OS), 23.0, 20.0, 3),
        (hr(0.80, 0.9, EndpointKind.OS), 21.5, 20.0, 2),
        (hr(0.80, 0.9, EndpointKind.OS), 21.4, 20.0, 1),
    ],
)
def test_form_2a_thresholds(h: HazardRatio, exp: float, ctl: float, grade: int) -> None:
    result = mcbs.grade(h, exp, ctl)
    assert (result.form, result.grade) == ("2a", grade)


def test_other_endpoints_are_not_graded_by_forms_2a_2b() -> None:
    with pytest.raises(ValueError, match="grade OS or PFS"):
        mcbs.grade(None, None, None, endpoint_kind=EndpointKind.ORR)
