"""JSON Schemas for the profile and the plan, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given

import resistx
from tests import strategies

ROOT = Path(__file__).parent.parent / "examples"
PROFILE = resistx.json_schema("profile")
PLAN = resistx.json_schema("plan")
#: what JSON Schema cannot say and the loader checks: names, calendar dates, date order, scope
# what the converter checks against vocabularies and other fields, beyond what the schema says
BEYOND_SCHEMA = (
    "patient_id",  # a letter or a digit of any script (8670), where the schema says not blank
    "drugs",
    "ended_on",
    "tested_on",
    "started_on",
    "as_of",
    "gene",
    "comorbidities",
    "toxicity",
    "her2",
    "ish",
    "next_treatment",  # drug names, checked against the vocabulary as treatments' drugs are
    "months",  # against the span of the dates
    "stop_reason",  # an ongoing course has no end date
    "sample",  # blood or saliva for ESR1, PIK3CA, AKT1 or with origin somatic (cases 1092, 1099)
    "menopausal_status",  # beside sex 'male' (case 1103's variant)
    "oophorectomy_on",  # beside sex 'male' or a status not postmenopausal (case 4523c)
    # a result's status, test, origin and variant against each other and its gene (case 1921)
    "].origin",
    "].assay",
    "].variant",
    "].status",
    "medications",  # a misspelt interacting drug (case 1904)
    "tumour_fraction",  # a ctDNA draw's, on another sample (case 7228g)
    "low_shedding",
    # a fact with a field of its own written as free text (session 56: 'CIPRAMIL' there is a
    # medication resistx reads)
    "other_conditions",
)
#: checks across the treatments (one line going on at a time; lines in the order they started)
ACROSS_TREATMENTS = "$.treatments"


def test_the_schemas_are_valid_2020_12_schemas() -> None:
    for schema in (PROFILE, PLAN):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["additionalProperties"] is False
    assert set(PROFILE["required"]) == {"schema_version", "hormone_receptor"}
    # her2, or the her2_tests it is derived from
    assert PROFILE["anyOf"] == [
        {"required": ["her2"]},
        {"required": ["her2_tests"], "properties": {"her2_tests": {"minItems": 1}}},
    ]
    assert PROFILE["properties"]["her2"]["enum"] == ["0", "ultralow", "low", "positive", "unknown"]
    status = PROFILE["$defs"]["BiomarkerResult"]["properties"]["status"]
    assert "mutated" in status["enum"] and "mutant" not in status["enum"]


def test_only_profile_and_plan() -> None:
    with pytest.raises(ValueError, match="'profile' or 'plan'"):
        resistx.json_schema("trial")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted(ROOT.glob("[0-9][0-9]-*.json")), ids=lambda p: p.stem)
def test_every_example_profile_validates(path: Path) -> None:
    jsonschema.validate(json.loads(path.read_text()), PROFILE)


@pytest.mark.parametrize(
    "path",
    sorted(
        [*(ROOT / "expected").glob("*.json"), *(ROOT / "expected-practice-2026").glob("*.json")]
    ),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_every_golden_plan_validates(path: Path) -> None:
    """The golden file as stored (nothing added or removed) is a valid plan."""
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), PLAN)


@given(strategies.profile_dicts())
def test_profiles_that_load_validate(data: dict[str, Any]) -> None:
    """Input that loads is schema-valid, and so is its normalised form."""
    profile = resistx.load_profile(data)
    jsonschema.validate(data, PROFILE)
    jsonschema.validate(resistx.to_dict(profile), PROFILE)


@given(strategies.profiles, strategies.preferences)
def test_plans_validate(profile: resistx.Profile, prefs: resistx.Preferences) -> None:
    jsonschema.validate(resistx.to_dict(resistx.sequence(profile, prefs)), PLAN)


@given(strategies.from_schema(PROFILE))
@example(  # CI's find: a somatic result on a blood sample, refused beyond the schema
    {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": "0",
        "biomarkers": [{"gene": "0", "status": "mutated", "origin": "somatic", "sample": "blood"}],
    }
)
def test_schema_valid_documents_load(data: dict[str, Any]) -> None:
    """A schema-valid profile loads, or fails only on what the schema cannot express."""
    try:
        resistx.load_profile(data)
    except resistx.OutOfScopeError:
        tests = data.get("her2_tests") or []
        positive = data.get("her2") == "positive" or any(
            t.get("score") == "3+" or t.get("ish") == "positive" for t in tests
        )
        assert data["hormone_receptor"] == "negative" or positive
    except resistx.ProfileError as e:
        for path, _message in e.problems:
            assert path == ACROSS_TREATMENTS or any(word in path for word in BEYOND_SCHEMA), e
