"""load_profile: strict, every problem at once with its JSON path, nothing else escapes."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import resistx
from tests import strategies

GOOD: dict[str, Any] = {
    "schema_version": 1,
    "patient_id": "p1",
    "as_of": "2026-05-01",
    "hormone_receptor": "positive",
    "her2": "low",
    "ecog": 1,
    "comorbidities": ["Diabetes", "interstitial lung disease"],
    "biomarkers": [
        {
            "gene": "esr1",
            "status": "mutated",
            "origin": "somatic",
            "sample": "ctdna",
            "assay": "ngs",
            "tested_on": "2026-04-20",
            "variant": "D538G",
        }
    ],
    "treatments": [
        {
            "drugs": ["Ibrance", "Femara"],
            "setting": "metastatic",
            "line": 1,
            "started_on": "2024-01-10",
            "ended_on": "2026-04-01",
            "stop_reason": "progression",
        }
    ],
}


def with_(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(GOOD))
    data.update(changes)
    return data


def problems(data: object) -> dict[str, str]:
    with pytest.raises(resistx.ProfileError) as info:
        resistx.load_profile(data)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, resistx.ResistxError)
    return dict(info.value.problems)


def test_a_good_profile_loads_and_normalises_names() -> None:
    p = resistx.load_profile(GOOD)
    assert p.treatments[0].drugs == ("palbociclib", "letrozole")
    assert p.biomarkers[0].gene == "ESR1"
    assert [c.name.value for c in p.comorbidities] == ["diabetes", "interstitial_lung_disease"]
    assert p.cdk46i_months == pytest.approx(26.7, abs=0.1)


def test_from_json_text_and_from_a_path(tmp_path: Path) -> None:
    text = json.dumps(GOOD)
    f = tmp_path / "p.json"
    f.write_text(text)
    assert resistx.load_profile(text) == resistx.load_profile(f) == resistx.load_profile(GOOD)


def test_only_required_fields() -> None:
    p = resistx.load_profile({"schema_version": 1, "hormone_receptor": "positive", "her2": "0"})
    assert p.ecog is None
    assert p.biomarkers == ()
    assert p.treatments == ()
    assert p.visceral_crisis is False


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (with_(her2="lo"), "$.her2", "did you mean low"),
        (with_(her2=0), "$.her2", "string '0'"),
        (with_(ecog="1"), "$.ecog", "expected an integer"),
        (with_(ecog=True), "$.ecog", "boolean"),
        (with_(ecog=7), "$.ecog", "0, 1, 2, 3 or 4"),
        (with_(visceral_crisis="no"), "$.visceral_crisis", "true or false"),
        (with_(comorbidities="diabetes"), "$.comorbidities", "expected a list"),
        (with_(as_of="2026-02-30"), "$.as_of", "not a calendar date"),
        (with_(as_of="01/05/2026"), "$.as_of", "YYYY-MM-DD"),
        (with_(schema_version=3), "$.schema_version", "must be 2 (or 1"),
        (with_(colour="blue"), "$.colour", "unknown key"),
        (
            with_(biomarkers=[{"gene": "ESR1", "status": "mutant"}]),
            "$.biomarkers[0].status",
            "did you mean mutated",
        ),
        (with_(biomarkers=[{"gene": "ESR1"}]), "$.biomarkers[0].status", "required field missing"),
        (
            with_(biomarkers=[{"gene": "ESR1", "status": "mutated", "orign": "germline"}]),
            "$.biomarkers[0].orign",
            "did you mean origin",
        ),
        (
            with_(treatments=[{"drugs": ["Ibrnce"]}]),
            "$.treatments[0].drugs[0]",
            "did you mean Ibrance",
        ),
        (with_(treatments=[{"drugs": []}]), "$.treatments[0].drugs", "at least one drug"),
        (
            with_(treatments=[{"drugs": ["fulvestrant"], "months": -2}]),
            "$.treatments[0].months",
            "zero or more",
        ),
        (
            with_(treatments=[{"drugs": ["fulvestrant"], "line": 0}]),
            "$.treatments[0].line",
            "1 or more",
        ),
        (
            with_(
                treatments=[
                    {"drugs": ["fulvestrant"], "started_on": "2025-02-01", "ended_on": "2025-01-01"}
                ]
            ),
            "$.treatments[0].ended_on",
            "before started_on",
        ),
    ],
)
def test_each_malformed_field_names_its_path_and_the_fix(
    data: object, path: str, words: str
) -> None:
    found = problems(data)
    assert path in found, found
    assert words in found[path]


def test_missing_required_fields_are_all_named() -> None:
    found = problems({"patient_id": "x"})
    assert set(found) == {"$.schema_version", "$.hormone_receptor", "$.her2"}
    assert all(m == "required field missing" for m in found.values())


def test_several_problems_at_once() -> None:
    data = with_(
        her2="HER2-low",
        ecog=True,
        extra=1,
        biomarkers=[{"gene": "ESR1", "status": "mutant", "tested_on": "yesterday"}],
        treatments=[{"drugs": ["Kisqali", "letrozolle"], "stop_reason": "progressed"}],
    )
    found = problems(data)
    assert set(found) == {
        "$.her2",
        "$.ecog",
        "$.extra",
        "$.biomarkers[0].status",
        "$.biomarkers[0].tested_on",
        "$.treatments[0].drugs[1]",
        "$.treatments[0].stop_reason",
    }
    assert "letrozole" in found["$.treatments[0].drugs[1]"]


def test_text_that_starts_like_json_but_is_not() -> None:
    assert "not valid JSON" in problems("{")["$"]


@pytest.mark.parametrize("text", ["not json", "", "no/such/profile.json"])
def test_a_string_that_is_neither_json_nor_a_file_says_both(text: str) -> None:
    message = problems(text)["$"]
    assert "neither JSON text" in message and "existing file" in message


@pytest.mark.parametrize("text", ["[1, 2", "[1]", " [{}]"])
def test_a_string_that_starts_as_a_json_list_is_said_to_be_no_object(text: str) -> None:
    """7818: a list was told it was neither JSON nor a file."""
    assert "starts as a JSON list ('['), not an object" in problems(text)["$"]


def test_a_path_given_as_a_string_is_read_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(with_()))
    assert resistx.load_profile(str(path)) == resistx.load_profile(path)


@pytest.mark.parametrize("data", [[], 3, None, "[]", "3"])
def test_top_level_must_be_an_object(data: object) -> None:
    assert "$" in problems(data)


def test_unreadable_path(tmp_path: Path) -> None:
    assert "cannot read" in problems(tmp_path / "missing.json")["$"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"hormone_receptor": "negative"}, "hormone-receptor-negative"),
        ({"her2": "positive"}, "HER2-positive"),
    ],
)
def test_out_of_scope(change: dict[str, str], words: str) -> None:
    with pytest.raises(resistx.OutOfScopeError, match=words):
        resistx.load_profile(with_(**change))


def test_derived_views_of_the_profile() -> None:
    p = resistx.load_profile(
        with_(
            treatments=[
                {
                    "drugs": ["palbociclib", "letrozole"],
                    "line": 1,
                    "started_on": "2023-01-01",
                    "ended_on": "2024-01-01",
                    "stop_reason": "progression",
                },
                {
                    "drugs": ["capecitabine"],
                    "line": 2,
                    "started_on": "2024-01-15",
                    "ended_on": "2024-09-01",
                    "stop_reason": "progression",
                },
                {"drugs": ["paclitaxel"], "setting": "adjuvant", "months": 4},
                {
                    "drugs": ["eribulin"],
                    "line": 3,
                    "started_on": "2024-09-15",
                    "ended_on": "2025-01-01",
                    "stop_reason": "toxicity",
                },
            ],
            biomarkers=[
                {
                    "gene": "PIK3CA",
                    "status": "not_detected",
                    "assay": "pcr",
                    "tested_on": "2023-01-01",
                },
                {"gene": "PIK3CA", "status": "mutated", "assay": "ngs", "tested_on": "2024-09-02"},
            ],
        )
    )
    assert p.cdk46i_months == pytest.approx(12.0, abs=0.05)
    assert p.metastatic_chemotherapy_lines == 2  # the adjuvant paclitaxel does not count
    assert p.progressed_on_drugs == {"palbociclib", "letrozole", "capecitabine"}
    latest = p.latest_results["PIK3CA"]
    assert (latest.status.value, latest.assay and latest.assay.value) == ("mutated", "ngs")
    assert p.latest_progression is not None and p.latest_progression.isoformat() == "2024-09-01"


@given(strategies.profile_dicts())
def test_generated_profiles_load(data: dict[str, Any]) -> None:
    """Every profile the strategy makes is valid input."""
    assert isinstance(resistx.load_profile(data), resistx.Profile)


@given(strategies.mutated_profile_dicts())
def test_arbitrary_data_loads_or_raises_a_profile_error(data: dict[str, Any]) -> None:
    """Arbitrary JSON-like data yields a Profile, a ProfileError or an OutOfScopeError; nothing else."""
    try:
        resistx.load_profile(data)
    except resistx.ProfileError as e:
        assert e.problems
        assert all(path.startswith("$") and message for path, message in e.problems)
    except resistx.OutOfScopeError:
        pass


@given(strategies.json_values)
def test_arbitrary_json_values_never_escape(data: object) -> None:
    """Any JSON value at the top: a ProfileError, never a KeyError, TypeError or cattrs error."""
    with contextlib.suppress(resistx.ProfileError, resistx.OutOfScopeError):
        resistx.load_profile(data)  # type: ignore[arg-type]


def test_as_of_cannot_precede_the_profiles_dates() -> None:
    found = problems(with_(as_of="2025-01-01"))
    assert (
        "is before biomarkers[0].tested_on 2026-04-20, treatments[0].ended_on 2026-04-01"
        in found["$.as_of"]
    )


def test_huge_numbers_and_empty_comorbidities_are_problems() -> None:
    found = problems(
        with_(comorbidities=[""], treatments=[{"drugs": ["fulvestrant"], "months": 10**400}])
    )
    assert "too large" in found["$.treatments[0].months"]
    assert "$.comorbidities[0]" in found


def test_comorbidity_aliases() -> None:
    loaded = resistx.load_profile(with_(comorbidities=["Diabetes mellitus", "ILD"]))
    assert [c.name.value for c in loaded.comorbidities] == ["diabetes", "interstitial_lung_disease"]


def test_a_profile_built_in_code_is_checked_too() -> None:
    made = resistx.Profile(schema_version=1, hormone_receptor="positive", her2="positive")  # type: ignore[arg-type]
    with pytest.raises(resistx.OutOfScopeError):
        resistx.sequence(made)
    # a text its enum does not name is refused where the model is built (8345)
    with pytest.raises(resistx.ProfileError, match="did you mean low"):
        resistx.Profile(schema_version=1, hormone_receptor="positive", her2="lo")  # type: ignore[arg-type]


def test_a_model_built_in_code_is_checked_once_and_its_checked_copy_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cohort passes the same Preferences built in code with every patient: the checks run
    the first time, and later calls return the same checked copy (whose values are the
    library's own enums, never the caller's plain strings)."""
    from resistx import _serde  # noqa: PLC0415
    from resistx.io.profile import load_preferences  # noqa: PLC0415

    made = resistx.Preferences(priority="survival")  # type: ignore[arg-type]
    calls: list[object] = []
    structure = _serde.structure_or_problems

    def counted(data: Any, cls: Any) -> Any:
        calls.append(cls)
        return structure(data, cls)

    monkeypatch.setattr(_serde, "structure_or_problems", counted)
    first = load_preferences(made)
    again = load_preferences(made)
    assert again is first and len(calls) == 1
    assert first.priority is resistx.Priority.SURVIVAL and made.priority == "survival"
    assert load_preferences(first) is first


def test_a_path_holding_a_nul_character_is_a_profile_error_not_a_crash() -> None:
    """The operating system refuses such a path with ValueError, not OSError."""
    with pytest.raises(resistx.ProfileError, match="cannot read") as found:
        resistx.load_profile(Path("profile\x00.json"))
    assert found.value.problems[0][0] == "$"
    with pytest.raises(resistx.EvidenceError, match="cannot read"):
        resistx.EvidenceBase.from_file(Path("evidence\x00.json"))


def test_a_path_the_file_system_cannot_encode_is_not_said_to_hold_a_nul() -> None:
    with pytest.raises(resistx.ProfileError, match="not text the file system can hold"):
        resistx.load_profile(Path("\ud800.json"))
    with pytest.raises(resistx.EvidenceError, match="not text the file system can hold"):
        resistx.EvidenceBase.from_file(Path("\ud800.json"))
