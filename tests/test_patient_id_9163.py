"""A patient id is an identifier (9163, session 71's cohort review): an id that holds a
direction override, an invisible or a control character, or white space at its ends, is
refused at ``patient_id``, not planned under a name that prints as another patient's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import resistx

EXAMPLE = json.loads(Path("examples/01-esr1-mutated.json").read_text("utf-8"))


def _with_id(patient_id: str) -> dict[str, Any]:
    return {**EXAMPLE, "patient_id": patient_id}


@pytest.mark.parametrize(
    ("patient_id", "said"),
    [
        ("P\u202e321", "U+202E"),  # right-to-left override: prints as 'P123'
        ("P\u200b001", "U+200B"),  # zero-width space: 'P001' to the eye
        ("P\x07001", "U+0007"),
        ("P001\n", "white space at its end"),
        ("  P001", "white space at its start"),
        ("P0\t01", "U+0009"),
    ],
)
def test_an_id_that_prints_as_another_is_refused_at_patient_id(patient_id: str, said: str) -> None:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(_with_id(patient_id))
    [(_path, message)] = [p for p in caught.value.problems if p[0] == "$.patient_id"]
    assert said in message, message


@pytest.mark.parametrize("patient_id", ["P001", "CHU-Lyon 2024/117", "Müller-03", "患者-7", "a b"])
def test_plain_ids_of_any_script_load(patient_id: str) -> None:
    assert resistx.load_profile(_with_id(patient_id)).patient_id == patient_id


def test_the_schema_says_an_id_has_no_white_space_at_its_ends() -> None:
    schema = resistx.json_schema("profile")
    jsonschema.validate(_with_id("P 001"), schema)
    for bad in ("P001 ", " P001", "P0\n01"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(_with_id(bad), schema)
