"""Holes the fuzz campaign of session 37 found (scratch report, findings F1 to F13), each pinned
by a test seen failing before its fix, named after what a user relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.cli import main
from resistx.interop import from_fhir, from_phenopacket
from tests.helpers import patient

EXAMPLES = Path(__file__).parent.parent / "examples"


def _undated(partner: str, *, ongoing_drugs: tuple[str, ...]) -> dict[str, Any]:
    """Undated adjuvant endocrine therapy, then an undated metastatic course still going on."""
    return patient(
        schema_version=2,
        as_of="2026-06-01",
        menopausal_status="postmenopausal",
        treatments=[
            {"drugs": [partner], "setting": "adjuvant", "stop_reason": "completed"},
            {"drugs": list(ongoing_drugs), "setting": "metastatic", "stop_reason": "ongoing"},
        ],
    )


def _top(p: resistx.Plan) -> list[tuple[str, str]]:
    return [(o.regimen.id, o.tier.value) for o in p.options]


def test_the_order_of_drugs_within_a_course_does_not_change_the_plan() -> None:
    """F1: undated courses were put in order by their drug names, so listing ["fulvestrant",
    "ribociclib"] instead of ["ribociclib", "fulvestrant"] could make another course the latest
    one and turn the plan into a first-line plan."""
    for partner in ("tamoxifen", "letrozole"):
        a = resistx.sequence(_undated(partner, ongoing_drugs=("ribociclib", "fulvestrant")))
        b = resistx.sequence(_undated(partner, ongoing_drugs=("fulvestrant", "ribociclib")))
        assert _top(a) == _top(b), partner
        # the actions' texts name the drugs as given; what they ask is the same
        assert [x.code for x in a.actions] == [x.code for x in b.actions], partner
        assert "ongoing_course" in [x.code for x in a.actions], partner


def test_an_undated_adjuvant_course_comes_before_an_undated_metastatic_one() -> None:
    """F1b: with undated adjuvant tamoxifen and ongoing palbociclib + letrozole for metastatic
    disease, the adjuvant course sorted last ('tamoxifen' after 'palbociclib'), so the plan
    preferred palbociclib + letrozole, the course still going on; with anastrozole it did not.
    The setting orders undated courses: (neo)adjuvant before metastatic."""
    for partner in ("tamoxifen", "anastrozole"):
        p = resistx.sequence(_undated(partner, ongoing_drugs=("palbociclib", "letrozole")))
        latest = resistx.load_profile(_undated(partner, ongoing_drugs=("palbociclib", "letrozole")))
        assert latest.treatments_in_order[-1].metastatic, partner
        assert any("ongoing" in a.text for a in p.actions), partner
        preferred = [o.regimen.id for o in p.options if o.tier.value == "preferred"]
        assert "palbociclib+letrozole" not in preferred, partner


INTEROP = Path(__file__).parent.parent / "examples" / "interop"


def test_a_fhir_entry_of_no_known_resource_type_is_a_problem_at_its_path() -> None:
    """F2: an unknown or missing ``resourceType`` made the FHIR models raise a bare KeyError
    or TypeError (an internal error on the command line, and a whole cohort stopped)."""
    bundle = json.loads((INTEROP / "01-esr1-mutated.fhir.json").read_text(encoding="utf-8"))
    bundle["entry"][0]["resource"]["resourceType"] = "NotAResource"
    bundle["entry"][1]["resource"]["resourceType"] = None
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(bundle)
    paths = [path for path, _ in caught.value.problems]
    assert paths == ["$.entry[0].resource.resourceType", "$.entry[1].resource.resourceType"]
    assert "NotAResource" in caught.value.problems[0][1]


def test_every_unknown_field_of_a_phenopacket_is_named_at_its_path() -> None:
    """F6: protobuf's parser stops at the first problem, and its message was cut before the
    field's name, at the path "$"."""
    doc = json.loads((INTEROP / "01-esr1-mutated.phenopacket.json").read_text(encoding="utf-8"))
    doc["subject"]["sexx"] = doc["subject"].pop("sex", "FEMALE")
    doc["measurements"][0]["assayy"] = doc["measurements"][0].pop("assay")
    with pytest.raises(resistx.ProfileError) as caught:
        from_phenopacket(doc)
    problems = dict(caught.value.problems)
    assert set(problems) == {"$.subject.sexx", "$.measurements[0].assayy"}
    assert "expected one of" in problems["$.subject.sexx"]
    assert "sex" in problems["$.subject.sexx"]


def test_a_cohort_line_with_an_unwritable_patient_id_goes_to_the_errors_file(
    tmp_path: Path,
) -> None:
    """F3: a profile whose patient_id holds a lone surrogate is refused, and writing its error
    row (with that id) crashed the cohort, leaving the errors file empty."""
    example = json.loads((EXAMPLES / "01-esr1-mutated.json").read_text(encoding="utf-8"))
    lines = [
        json.dumps(example),
        json.dumps(dict(example, patient_id="\ud800")),
        json.dumps(example),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["cohort", str(source), "--out", str(tmp_path / "out.jsonl")]) == 0
    errors = (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()
    [error] = [json.loads(line) for line in errors]
    assert error["index"] == 1 and error["path"] == "$.patient_id"
    assert error["patient_id"] == "\\ud800"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"priority": "quality_of_life", "priority": "balanced"}', "$.priority: the key"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"short_cdk46i_months": ' + "9" * 5000 + "}", "more than 4,300 digits"),
    ],
)
def test_a_preferences_file_is_read_as_strictly_as_a_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    """F5: the --preferences file was read with json.loads: a key given twice kept its last
    value without a word (and changed the plan); deep nesting or a huge integer was an
    internal error."""
    prefs = tmp_path / "prefs.json"
    prefs.write_text(text, encoding="utf-8")
    code = main(["sequence", "--preferences", str(prefs), str(EXAMPLES / "01-esr1-mutated.json")])
    assert code == 2
    assert said in capsys.readouterr().err


def test_an_unknown_policy_name_is_a_resistx_error_with_the_known_names() -> None:
    """F4: ``sequence(policy="YE2024")`` raised a bare KeyError; it is now a ResistxError (a
    KeyError still, for code that caught one) naming the known policies and the nearest."""
    with pytest.raises(resistx.UnknownPolicyError) as caught:
        resistx.sequence(EXAMPLES / "01-esr1-mutated.json", policy="YE2024")
    assert isinstance(caught.value, (resistx.ResistxError, KeyError))
    assert str(caught.value) == (
        "no policy 'YE2024'; known: practice-2026, ye2024; did you mean ye2024?"
    )


def _course(**kw: Any) -> dict[str, Any]:
    return {"drugs": ["palbociclib", "letrozole"], "line": 1, **kw}


def _problems(**kw: Any) -> dict[str, str]:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(schema_version=2, as_of="2026-06-01", **kw))
    return dict(caught.value.problems)


def test_months_that_contradict_the_dates_are_refused() -> None:
    """F7: ``months`` of 2 on a course whose dates are 26 months apart was read as 2 months
    (early resistance: chemotherapy first) without a word; within a month they agree."""
    dated = {"started_on": "2024-01-01", "ended_on": "2026-03-01", "stop_reason": "progression"}
    problems = _problems(treatments=[_course(**dated, months=2)])
    assert list(problems) == ["$.treatments[0].months"]
    assert "26.0 months" in problems["$.treatments[0].months"]
    resistx.load_profile(patient(schema_version=2, treatments=[_course(**dated, months=26)]))


def test_an_ongoing_course_with_an_end_date_is_refused() -> None:
    """F8: 'ongoing' with an end date was read both as going on and as ended."""
    course = _course(started_on="2024-01-01", ended_on="2024-03-01", stop_reason="ongoing")
    problems = _problems(treatments=[course])
    assert list(problems) == ["$.treatments[0].stop_reason"]
    assert "ended_on" in problems["$.treatments[0].stop_reason"]


def test_two_lines_going_on_at_once_are_refused() -> None:
    """F8: palbociclib + letrozole and capecitabine both ongoing, in two lines: the plan
    preferred the drugs still being given. Ovarian suppression beside a line, and two courses
    of one line, may go on together."""
    first = _course(started_on="2024-01-01", stop_reason="ongoing")
    second = {
        "drugs": ["capecitabine"],
        "line": 2,
        "started_on": "2025-01-01",
        "stop_reason": "ongoing",
    }
    problems = _problems(treatments=[first, second])
    assert list(problems) == ["$.treatments"]
    assert (
        "treatments[0]" in problems["$.treatments"] and "treatments[1]" in problems["$.treatments"]
    )
    same_line = dict(second, drugs=["goserelin"], line=1)
    resistx.load_profile(patient(schema_version=2, treatments=[first, same_line]))


def test_line_numbers_that_contradict_the_start_dates_are_refused() -> None:
    """F9: line 2 begun in 2022 and line 1 in 2024 were read by their dates, silently."""
    first = _course(started_on="2024-01-01", ended_on="2025-01-01", stop_reason="progression")
    second = {
        "drugs": ["capecitabine"],
        "line": 2,
        "started_on": "2022-01-01",
        "ended_on": "2022-06-01",
        "stop_reason": "progression",
    }
    problems = _problems(treatments=[first, second])
    assert list(problems) == ["$.treatments"]
    assert "line 2" in problems["$.treatments"] and "line 1" in problems["$.treatments"]


def test_markdown_shows_html_in_user_text_without_running_it() -> None:
    """F13: a patient id or a free-text condition holding a tag went into the Markdown view
    verbatim, where a renderer that passes HTML through would run it; the HTML report escaped
    it already."""
    data = patient(
        patient_id="<script>alert(1)</script>", other_conditions=["<img src=x onerror=alert(1)>"]
    )
    shown = resistx.sequence(data)._repr_markdown_()
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script>alert(1)&lt;/script>" in shown


def test_a_schema_1_note_names_only_the_schema_2_fields_not_given() -> None:
    """F10: a schema-1 profile that gave sex and HER2 tests got a note saying they 'were not
    given', beside a note about the male patient they described."""
    data = patient(
        sex="male",
        her2="0",
        her2_tests=[{"score": "0", "sample": "tissue", "tested_on": "2024-01-01"}],
    )
    [note] = [n for n in resistx.sequence(data).notes if n.startswith("Profile schema 1")]
    assert "sex" not in note and "HER2 test results" not in note
    assert "tumour fraction" in note
    bare = resistx.sequence(patient())
    [note] = [n for n in bare.notes if n.startswith("Profile schema 1")]
    assert "sex, HER2 test results, tumour fraction" in note
