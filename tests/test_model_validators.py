"""The model's validators reject impossible values at construction."""

from __future__ import annotations

import datetime as dt

import pytest

import resistx
from resistx.model import (
    AdverseEvent,
    Discrepancy,
    Endpoint,
    EndpointKind,
    HazardRatio,
    Preferences,
    Profile,
    Treatment,
)


def hr(**kw: object) -> HazardRatio:
    base: dict[str, object] = {
        "endpoint_kind": EndpointKind.PFS,
        "experimental": "a",
        "control": "b",
        "value": 0.6,
        "ci95": (0.5, 0.7),
        "source": "Table 2",
    }
    base.update(kw)
    return HazardRatio(**base)  # type: ignore[arg-type]


def test_hazard_ratio_accepts_a_well_formed_figure() -> None:
    assert hr().significant is True
    assert hr(ci95=(0.5, 1.2)).significant is False
    assert hr(ci95=None).significant is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ci95": (0.8, 0.5), "value": 0.6}, "exceeds its high end"),
        ({"ci95": (0.7, 0.9), "value": 0.6}, "excludes its point estimate"),
        ({"value": 0.0, "ci95": None}, "greater than zero"),
        ({"value": -1.0, "ci95": None}, "greater than zero"),
        ({"p_value": 1.5}, "fraction from 0 to 1"),
    ],
)
def test_hazard_ratio_rejects_impossible_values(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        hr(**change)


def test_endpoint_rate_must_be_a_percentage() -> None:
    with pytest.raises(ValueError, match="percentage from 0 to 100"):
        Endpoint(kind=EndpointKind.ORR, arm="a", value=120.0, source="x")
    assert Endpoint(kind=EndpointKind.PFS, arm="a", value=120.0, source="x").value == 120.0


def test_pfs_rate_needs_its_time_point() -> None:
    with pytest.raises(ValueError, match="timepoint_months"):
        Endpoint(kind=EndpointKind.PFS_RATE, arm="a", value=50.0, source="x")
    with pytest.raises(ValueError, match="timepoint_months"):
        Endpoint(kind=EndpointKind.PFS, arm="a", value=5.0, source="x", timepoint_months=6.0)


def test_adverse_event_percentages_in_range() -> None:
    with pytest.raises(ValueError, match="percentage"):
        AdverseEvent(term="nausea", arm="a", any_grade_percent=101.0, source="Table 4")
    with pytest.raises(ValueError, match="percentage"):
        AdverseEvent(term="nausea", arm="a", grade3plus_percent=-1.0, source="Table 4")


def test_discrepancy_chosen_reading_must_be_one_of_the_readings() -> None:
    with pytest.raises(ValueError, match="not one of the readings"):
        Discrepancy(trial="BYLieve", field="PFS", readings=("7.2", "7.3"), chosen="7.4", why="x")


def test_trial_figures_must_name_existing_arms() -> None:
    trial = resistx.evidence().trial("EMERALD")
    with pytest.raises(ValueError, match="arms it does not have"):
        resistx.Trial(
            key="X",
            phase="II",
            setting=trial.setting,
            status=trial.status,
            references=(1,),
            source="x",
            arms=trial.arms,
            endpoints=(Endpoint(kind=EndpointKind.PFS, arm="nope", value=1.0, source="x"),),
        )


def test_trial_rejects_malformed_nct_id() -> None:
    trial = resistx.evidence().trial("EMERALD")
    with pytest.raises(ValueError, match="NCT followed by 8 digits"):
        resistx.Trial(
            key="X",
            nct_id="NCT123",
            phase="II",
            setting=trial.setting,
            status=trial.status,
            source="x",
        )


def profile(**kw: object) -> Profile:
    base: dict[str, object] = {"schema_version": 1, "hormone_receptor": "positive", "her2": "0"}
    base.update(kw)
    return resistx.from_dict(Profile, base)


@pytest.mark.parametrize("ecog", [-1, 5, 9])
def test_ecog_outside_0_to_4_is_rejected(ecog: int) -> None:
    with pytest.raises(resistx.ProfileError, match="ECOG"):
        profile(ecog=ecog)


def test_treatment_dates_and_months() -> None:
    with pytest.raises(ValueError, match="before started_on"):
        Treatment(
            drugs=("fulvestrant",), started_on=dt.date(2025, 1, 2), ended_on=dt.date(2025, 1, 1)
        )
    with pytest.raises(ValueError, match="zero or more"):
        Treatment(drugs=("fulvestrant",), months=-0.5)
    with pytest.raises(ValueError, match="canonical drug names"):
        Treatment(drugs=("Faslodex",))
    t = Treatment(
        drugs=("fulvestrant",), started_on=dt.date(2025, 1, 1), ended_on=dt.date(2025, 7, 2)
    )
    # calendar months: six to 1 July, and a day in mean months (case 2096)
    assert t.duration_months() == pytest.approx(6 + 1 / (365.25 / 12))


def test_preferences_reject_negative_threshold() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        Preferences(short_cdk46i_months=-1.0)
