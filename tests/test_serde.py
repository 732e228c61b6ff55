"""to_dict / from_dict / to_json: lossless for every public model, through one converter."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resistx
from resistx.vocab import drugs, regimens
from tests import strategies


def round_trips(obj: Any) -> None:
    data = resistx.to_dict(obj)
    assert json.loads(json.dumps(data)) == data  # JSON-compatible, nothing lost in JSON
    assert resistx.from_dict(type(obj), data) == obj
    assert resistx.from_dict(type(obj), json.loads(resistx.to_json(obj))) == obj


@given(strategies.profiles)
def test_profiles_round_trip(profile: resistx.Profile) -> None:
    """structure(unstructure(p)) == p for every loadable profile."""
    round_trips(profile)
    for part in (*profile.biomarkers, *profile.treatments):
        round_trips(part)


@given(strategies.preferences)
def test_preferences_round_trip(preferences: resistx.Preferences) -> None:
    round_trips(preferences)


@given(strategies.trials)
def test_trials_and_their_parts_round_trip(trial: resistx.Trial) -> None:
    round_trips(trial)
    for part in (
        *trial.arms,
        *trial.endpoints,
        *trial.hazard_ratios,
        *trial.adverse_events,
        *trial.biomarkers,
    ):
        round_trips(part)


@given(strategies.mechanisms)
def test_mechanisms_round_trip(mechanism: resistx.ResistanceMechanism) -> None:
    round_trips(mechanism)


@given(strategies.discrepancies)
def test_discrepancies_round_trip(d: resistx.Discrepancy) -> None:
    round_trips(d)


@given(st.sampled_from(drugs.DRUGS), st.sampled_from(regimens.REGIMENS))
def test_drugs_and_regimens_round_trip(drug: resistx.Drug, regimen: resistx.Regimen) -> None:
    round_trips(drug)
    round_trips(regimen)


@given(strategies.profiles, strategies.preferences)
def test_plans_and_their_parts_round_trip(
    profile: resistx.Profile, prefs: resistx.Preferences
) -> None:
    """A plan and everything in it survive JSON."""
    plan = resistx.sequence(profile, prefs)
    round_trips(plan)
    for o in plan.options[:3]:
        round_trips(o)
        for part in (*o.reasons, *o.cautions):
            round_trips(part)
    for part in (*plan.excluded[:2], *plan.actions):
        round_trips(part)


def test_evidence_base_round_trips() -> None:
    round_trips(resistx.evidence())


def test_to_json_has_a_stable_key_order() -> None:
    profile = resistx.load_profile(
        {"her2": "0", "schema_version": 1, "hormone_receptor": "positive"}
    )
    text = resistx.to_json(profile)
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    assert text == resistx.to_json(resistx.from_dict(resistx.Profile, json.loads(text)))


def test_from_dict_on_bad_data_names_every_problem() -> None:
    with pytest.raises(resistx.ProfileError) as info:
        resistx.from_dict(resistx.Preferences, {"priority": "fast", "cost_sensitive": 1, "x": 0})
    assert {p for p, _ in info.value.problems} == {"$.priority", "$.cost_sensitive", "$.x"}


def test_literal_fields_are_checked() -> None:
    grade = resistx.to_dict(resistx.mcbs_grade(resistx.evidence().trial("EMERALD"), "ESR1-mutated"))
    with pytest.raises(resistx.ConversionError, match="'2c' is not one of: 2a, 2b"):
        resistx.from_dict(resistx.McbsGrade, dict(grade, form="2c"))
