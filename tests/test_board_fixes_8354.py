"""Session 70's fixes: the findings left by session 69's reviews and this session's own
(cases 8354 on), each a behaviour a user relies on."""

from __future__ import annotations

import enum

import pytest

import resistx
from tests.helpers import NEGATIVE, patient


@pytest.mark.parametrize("width", [40, 60, 80])
def test_the_text_view_keeps_its_header_and_disclaimer_within_the_width_asked(width: int) -> None:
    """8350: the header line and the disclaimer were printed whole (151 characters)."""
    p = resistx.sequence(
        patient(patient_id="a-patient-with-a-long-identifier", biomarkers=NEGATIVE)
    )
    lines = p.to_text(width=width).splitlines()
    too_long = [line for line in lines if len(line) > width and " " in line.strip()]
    assert not too_long
    text = " ".join(p.to_text(width=width).split())
    assert text.startswith("resistx plan for a-patient-with-a-long-identifier (decision date")
    assert " ".join(p.disclaimer.split()) in text


def test_the_profile_schema_refuses_an_empty_her2_tests_list_in_place_of_her2() -> None:
    """8352: the schema let ``her2_tests: []`` stand for ``her2``; the loader refuses it."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = resistx.json_schema("profile")
    without = patient(her2_tests=[])
    del without["her2"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(without)
    with pytest.raises(resistx.ProfileError, match=r"\$\.her2: required field missing"):
        resistx.load_profile(without)


def test_every_exported_class_has_a_docstring_of_its_own() -> None:
    """8351: 23 enums and ``Policy`` showed StrEnum's or nothing in the API reference."""
    inherited = {None, "", enum.StrEnum.__doc__, enum.Enum.__doc__}
    bare = [
        name
        for name in resistx.__all__
        if isinstance(obj := getattr(resistx, name), type)
        and (obj.__dict__.get("__doc__") in inherited or "(*values)" in (obj.__doc__ or ""))
    ]
    assert not bare
