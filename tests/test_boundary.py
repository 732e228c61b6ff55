"""The input boundary (issue 13): bad input raises only ProfileError, OutOfScopeError or
EvidenceError, names every problem with its JSON path, and takes bounded time.

One regression test per finding, then a property test per class of finding.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import resistx
from resistx import EvidenceBase
from resistx.model import Her2Status, HormoneReceptor
from tests import strategies
from tests.test_profile_loading import GOOD, problems, with_

HUGE = 10**5000  # 5,001 digits: str() of it raises ValueError
#: characters an error message must never carry raw (a newline separates its problems)
CONTROL = {chr(c) for c in (*range(0x20), 0x7F)} - {"\n"}


def message_of(data: object) -> str:
    with pytest.raises(resistx.ProfileError) as info:
        resistx.load_profile(data)  # type: ignore[arg-type]
    text = str(info.value)
    assert not CONTROL & set(text), text
    return text


def evidence_data() -> dict[str, Any]:
    data: dict[str, Any] = resistx.to_dict(resistx.evidence())
    return data


def evidence_error(tmp_path: Path, text: str) -> resistx.EvidenceError:
    path = tmp_path / "evidence.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(resistx.EvidenceError) as info:
        EvidenceBase.from_file(path)
    assert str(path) in str(info.value)
    return info.value


# -- 1. huge integers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"ecog": HUGE}, "$.ecog"),
        ({"schema_version": HUGE}, "$.schema_version"),
        ({"her2": HUGE}, "$.her2"),
        ({"visceral_crisis": -HUGE}, "$.visceral_crisis"),
        ({"patient_id": HUGE}, "$.patient_id"),
        ({"as_of": HUGE}, "$.as_of"),
        ({"treatments": [{"drugs": ["fulvestrant"], "months": HUGE}]}, "$.treatments[0].months"),
        ({"treatments": [{"drugs": ["fulvestrant"], "line": HUGE}]}, "$.treatments[0].line"),
        ({"treatments": [{"drugs": [HUGE]}]}, "$.treatments[0].drugs[0]"),
        ({"biomarkers": [{"gene": "ESR1", "status": HUGE}]}, "$.biomarkers[0].status"),
    ],
)
def test_a_huge_integer_is_described_not_written(change: dict[str, Any], path: str) -> None:
    found = problems(with_(**change))
    assert "integer of 5,001 digits" in found[path]


def test_a_huge_integer_in_preferences() -> None:
    prefs = {"short_cdk46i_months": HUGE, "cost_sensitive": HUGE, "priority": HUGE}
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(GOOD, prefs)
    found = dict(info.value.problems)
    assert set(found) == {
        "$.preferences.short_cdk46i_months",
        "$.preferences.cost_sensitive",
        "$.preferences.priority",
    }
    assert all("integer of 5,001 digits" in m for m in found.values())


def test_a_5000_digit_number_in_json_text() -> None:
    text = json.dumps(GOOD).replace('"ecog": 1', '"ecog": ' + "7" * 5000)
    assert "more than 4,300 digits" in problems(text)["$"]


def test_integers_beyond_64_bits_are_refused() -> None:
    found = problems(with_(treatments=[{"drugs": ["fulvestrant"], "line": 2**63}]))
    assert "too large" in found["$.treatments[0].line"]
    assert resistx.load_profile(with_(ecog=4)).ecog == 4


@given(
    st.integers(min_value=4301, max_value=20_000).map(lambda d: 10**d),
    st.sampled_from(["ecog", "schema_version", "her2", "as_of", "patient_id", "comorbidities"]),
)
def test_any_huge_integer_anywhere_is_a_profile_error(number: int, key: str) -> None:
    """A huge integer in any field is a ProfileError at that field, whose message builds."""
    with pytest.raises(resistx.ProfileError) as info:
        resistx.load_profile(with_(**{key: number}))
    assert f"$.{key}" in dict(info.value.problems)
    assert "digits" in str(info.value)


# -- 2. dates and months -----------------------------------------------------------------------


def test_a_treatment_late_in_9999_is_refused_not_an_overflow() -> None:
    data = with_(
        as_of=None,
        treatments=[
            {
                "drugs": ["palbociclib"],
                "started_on": "9999-12-20",
                "months": 1,
                "stop_reason": "progression",
            }
        ],
        biomarkers=[],
    )
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(data)
    message = dict(info.value.problems)["$.treatments[0].started_on"]
    assert "1900-01-01 to 2100-12-31" in message


def test_very_many_months_are_refused() -> None:
    data = with_(
        treatments=[{"drugs": ["palbociclib"], "started_on": "2024-01-01", "months": 1e12}]
    )
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(data)
    assert "at most 600" in dict(info.value.problems)["$.treatments[0].months"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"as_of": "1899-12-31"}, "$.as_of"),
        ({"as_of": "2101-01-01"}, "$.as_of"),
        ({"biomarkers": [{"gene": "ESR1", "status": "mutated", "tested_on": "0001-01-01"}]}, None),
        ({"treatments": [{"drugs": ["fulvestrant"], "ended_on": "9999-12-31"}]}, None),
    ],
)
def test_dates_outside_1900_2100_are_refused(change: dict[str, Any], path: str | None) -> None:
    found = problems(with_(**change))
    assert any("outside the dates resistx reads" in m for m in found.values()), found
    if path:
        assert path in found


def test_the_date_and_month_limits_hold_for_a_profile_built_in_code() -> None:
    with pytest.raises(ValueError, match="outside the dates"):
        resistx.Treatment(drugs=("fulvestrant",), started_on=dt.date(9999, 12, 20))
    with pytest.raises(ValueError, match="at most 600"):
        resistx.Treatment(drugs=("fulvestrant",), months=601)
    with pytest.raises(ValueError, match="outside the dates"):
        resistx.Profile(
            schema_version=1,
            hormone_receptor=HormoneReceptor.POSITIVE,
            her2=Her2Status.LOW,
            as_of=dt.date(1800, 1, 1),
        )
    assert resistx.Treatment(drugs=("fulvestrant",), months=600).months == 600


@given(
    st.dates(),
    st.one_of(st.none(), st.floats(min_value=0, max_value=1e300)),
    st.sampled_from(["progression", "ongoing", None]),
)
@example(dt.date(9999, 12, 31), 1.0, "progression")
@example(dt.date(2024, 1, 1), 1e12, "progression")
def test_any_start_and_duration_loads_and_sequences_or_is_refused(
    start: dt.date, months: float | None, stop: str | None
) -> None:
    """Whatever the start date and months, sequence() gives a plan or a ProfileError."""
    treatment: dict[str, Any] = {"drugs": ["palbociclib"], "started_on": start.isoformat()}
    if months is not None:
        treatment["months"] = months
    if stop is not None:
        treatment["stop_reason"] = stop
    data = with_(as_of=None, biomarkers=[], treatments=[treatment])
    try:
        plan = resistx.sequence(data)
    except resistx.ProfileError as e:
        assert {p for p, _ in e.problems} <= {
            "$.treatments[0].started_on",
            "$.treatments[0].months",
        }
    else:
        assert [o.rank for o in plan.options] == list(range(1, len(plan.options) + 1))


# -- 3. deep nesting and size --------------------------------------------------------------------


def nested(depth: int, kind: str = "list") -> object:
    out: object = 0
    for _ in range(depth):
        out = [out] if kind == "list" else {"a": out}
    return out


def test_json_text_nested_10000_deep() -> None:
    text = '{"ecog": ' + "[" * 10_000 + "]" * 10_000 + "}"
    assert "nested too deeply" in problems(text)["$"]


def test_a_mapping_nested_10000_deep() -> None:
    deep = nested(10_000)
    found = problems(with_(ecog=deep, comorbidities=deep, biomarkers=[deep], patient_id=deep))
    assert set(found) >= {"$.ecog", "$.comorbidities[0]", "$.biomarkers[0]", "$.patient_id"}


def test_profile_text_has_a_maximum_size() -> None:
    text = json.dumps(GOOD) + " " * 5_000_000
    assert "at most 5,000,000" in problems(text)["$"]


def test_a_profile_file_has_a_maximum_size(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(GOOD) + " " * 5_000_000)
    assert "larger than 5,000,000 bytes" in problems(path)["$"]


@given(st.integers(min_value=1, max_value=30_000), st.sampled_from(["list", "object"]))
@example(100_000, "list")
def test_any_depth_is_a_profile_or_a_profile_error(depth: int, kind: str) -> None:
    """Nesting of any depth, as text or as a mapping, never escapes as RecursionError."""
    value = nested(depth, kind)
    for source in (with_(patient_id=value), with_(biomarkers=[value])):
        message_of(source)
    inner = (
        "[" * depth + "0" + "]" * depth if kind == "list" else '{"a":' * depth + "0" + "}" * depth
    )
    message_of('{"patient_id": ' + inner + "}")


# -- 4. slow paths ---------------------------------------------------------------------------


def timed(data: object) -> tuple[float, dict[str, str]]:
    start = time.perf_counter()
    found = problems(data)
    return time.perf_counter() - start, found


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        # every item is faulty too: a problem of an item would show that the items were read
        ({"treatments": [{"drugs": ["nodrug"]}] * 201}, "$.treatments", "201 treatments"),
        (
            {"biomarkers": [{"gene": "ESR1", "status": "mutant"}] * 100_000},
            "$.biomarkers",
            "100,000 biomarker results",
        ),
        ({"comorbidities": [""] * 101}, "$.comorbidities", "101 comorbidities"),
        (
            {"treatments": [{"drugs": [f"nodrug{i}" for i in range(10_000)]}]},
            "$.treatments[0].drugs",
            "10,000 drugs in one treatment",
        ),
    ],
)
def test_long_lists_are_refused_at_the_list_before_their_items(
    change: dict[str, Any], path: str, words: str
) -> None:
    seconds, found = timed(with_(**change))
    assert found == {path: found[path]}, found  # one problem, at the list: no item was read
    assert words in found[path] and "at most" in found[path]
    assert seconds < 0.5


def test_many_unknown_drugs_report_twenty_per_list_and_count_the_rest() -> None:
    treatments = [{"drugs": [f"nodrug{t}x{i}" for i in range(20)]} for t in range(200)]
    seconds, found = timed(with_(treatments=treatments))
    assert seconds < 1.0
    assert sum(p.startswith("$.treatments[0].drugs[") for p in found) == 20
    assert found["$.treatments"] == "and 180 more items with problems"
    assert len(found) == 20 * 20 + 1


def test_unknown_items_beyond_twenty_are_counted() -> None:
    biomarkers = [{"gene": "ESR1", "status": f"mutant{i}"} for i in range(2_000)]
    found = problems(with_(biomarkers=biomarkers))
    assert found["$.biomarkers"] == "and 1,980 more items with problems"
    assert len(found) == 21


def test_many_unknown_keys_are_counted() -> None:
    found = problems(with_(**{f"extra{i}": 1 for i in range(10_000)}))
    assert found["$"] == "and 9,980 more unknown keys"
    assert len(found) == 21


def test_suggestions_are_kept_for_the_first_problems() -> None:
    found = problems(with_(treatments=[{"drugs": ["Ibrnce"]}]))
    assert "did you mean Ibrance" in found["$.treatments[0].drugs[0]"]


def test_suggestions_are_looked_for_fifty_times_per_document() -> None:
    # 100 distinct slips of Ibrance (a letter added), each one a hint could be looked for
    slips = [f"Ibr{c}ance{d}" for c in "bcdfghjklmnpqrstvwxz" for d in "aeiou"]
    assert len(set(slips)) == 100
    treatments = [{"drugs": slips[t * 20 : (t + 1) * 20]} for t in range(5)]
    found = problems(with_(treatments=treatments))
    assert len(found) == 100
    assert sum("did you mean Ibrance" in m for m in found.values()) == 50


def test_suggestions_are_cached_per_distinct_word() -> None:
    from resistx import _suggest  # noqa: PLC0415 - the cache is internal

    problems(with_(treatments=[{"drugs": ["Kisqalli-cached"]}]))
    before = _suggest._closest.cache_info()
    problems(with_(treatments=[{"drugs": ["Kisqalli-cached"]}] * 20))
    after = _suggest._closest.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 20


@given(
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=4_000),
    st.integers(min_value=0, max_value=200),
)
def test_list_limits_are_exact(treatments: int, biomarkers: int, comorbidities: int) -> None:
    """A list within its limit loads; one item more is one problem at the list's path."""
    data = with_(
        # each a line of its own: one course entered twice is refused (case 987)
        treatments=[{"drugs": ["fulvestrant"], "line": n + 1} for n in range(treatments)],
        biomarkers=[{"gene": "ESR1", "status": "mutated"}] * biomarkers,
        comorbidities=["diabetes"] * comorbidities,
    )
    over = {
        "$.treatments": treatments > 200,
        "$.biomarkers": biomarkers > 2_000,
        "$.comorbidities": comorbidities > 100,
    }
    if not any(over.values()):
        resistx.load_profile(data)
        return
    found = problems(data)
    assert set(found) == {path for path, is_over in over.items() if is_over}


# -- 6. surrogates and control characters ------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"patient_id": "\ud800"}, "$.patient_id"),
        ({"comorbidities": ["diabetes\udfff"]}, "$.comorbidities[0]"),
        ({"biomarkers": [{"gene": "ESR1\ud800", "status": "mutated"}]}, "$.biomarkers[0].gene"),
        (
            {"biomarkers": [{"gene": "ESR1", "status": "mutated", "variant": "\ud800"}]},
            "$.biomarkers[0].variant",
        ),
        ({"treatments": [{"drugs": ["palbo\ud800"]}]}, "$.treatments[0].drugs[0]"),
    ],
)
def test_a_lone_surrogate_is_a_problem_at_its_path(change: dict[str, Any], path: str) -> None:
    found = problems(with_(**change))
    assert "lone surrogate" in found[path] or "not a drug" in found[path]
    assert "\\ud" in found[path]  # shown escaped


def test_a_lone_surrogate_in_a_profile_built_in_code() -> None:
    made = resistx.Profile(
        schema_version=1,
        hormone_receptor=HormoneReceptor.POSITIVE,
        her2=Her2Status.LOW,
        patient_id="p\ud800",
        biomarkers=(resistx.BiomarkerResult(gene="ESR1", status="mutated", variant="\udfff"),),  # type: ignore[arg-type]
    )
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(made)
    assert {p for p, _ in info.value.problems} == {"$.patient_id", "$.biomarkers[0].variant"}


def test_a_lone_surrogate_in_json_text() -> None:
    text = json.dumps(with_(patient_id="\ud800"))
    assert "lone surrogate" in problems(text)["$.patient_id"]


def test_control_characters_are_escaped_in_messages() -> None:
    text = message_of(
        with_(
            her2="\x1b[31mlow\x07",
            colour="x",
            **{"\x1b]0;title\x07": 1},
            biomarkers=[{"gene": "ESR1", "status": "\x1b[2J"}],
            treatments=[{"drugs": ["\x1b[31mIbrance"]}],
        )
    )
    assert "\\x1b[31mlow\\x07" in text
    assert "$['\\x1b]0;title\\x07']" in text


@given(
    st.text(
        alphabet=st.characters(codec=None, categories=["Cc", "Cs", "Cf", "Zl", "Zp", "Lu"]),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(["her2", "as_of", "key", "gene", "status", "drug", "comorbidity"]),
)
def test_odd_characters_anywhere_never_reach_a_message_raw(text: str, where: str) -> None:
    """Control characters and lone surrogates are escaped in every message that echoes them."""
    data = {
        "her2": with_(her2=text),
        "as_of": with_(as_of=text),
        "key": with_(**{text: 1}),
        "gene": with_(biomarkers=[{"gene": text, "status": "mutant"}]),
        "status": with_(biomarkers=[{"gene": "ESR1", "status": text}]),
        "drug": with_(treatments=[{"drugs": [text]}]),
        "comorbidity": with_(comorbidities=[text], ecog=9),
    }[where]
    try:
        resistx.load_profile(data)
    except resistx.ProfileError as e:
        assert not CONTROL & set(str(e))
        assert all(not CONTROL & set(p) for p, _ in e.problems)
    except resistx.OutOfScopeError:
        pass


def test_a_huge_string_is_shown_cut() -> None:
    found = problems(with_(her2="x" * 1_000_000))
    assert "(1,000,000 characters)" in found["$.her2"]
    assert len(found["$.her2"]) < 400


# -- 7. duplicate keys -------------------------------------------------------------------------


def test_a_duplicate_key_in_profile_text_is_named_with_its_path() -> None:
    text = '{"schema_version": 1, "hormone_receptor": "positive", "her2": "positive", "her2": "0"}'
    found = problems(text)
    assert "'her2' is given 2 times" in found["$.her2"]


def test_a_nested_duplicate_key_is_reported_with_the_other_problems() -> None:
    text = json.dumps(with_(ecog=9)).replace(
        '"gene": "esr1"', '"gene": "esr1", "status": "wild_type", "gene": "PIK3CA"'
    )
    found = problems(text)
    assert "'gene' is given 2 times" in found["$.biomarkers[0].gene"]
    assert "'status' is given 2 times" in found["$.biomarkers[0].status"]
    assert "$.ecog" in found


@given(strategies.profile_dicts(), st.data())
def test_any_repeated_key_is_named(data: dict[str, Any], draw: st.DataObject) -> None:
    """Repeating any top-level key of a loadable profile's text is a problem at that key."""
    key = draw.draw(st.sampled_from(sorted(data)))
    body = json.dumps(data)[1:-1]
    text = "{" + body + ", " + json.dumps(key) + ": " + json.dumps(data[key]) + "}"
    assert f"'{key}' is given 2 times" in problems(text)[f"$.{key}"]


# -- 8. evidence files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        ("size", 10**400, "integer of 401 digits"),
        ("n", 10**400, "integer of 401 digits"),
        ("n", -(10**400), "integer of 401 digits"),
        ("size", 1.5, "expected an integer"),
    ],
    ids=["huge-size", "huge-n", "huge-negative-n", "fractional-size"],
)
def test_a_huge_figure_in_an_evidence_file_is_an_evidence_error(
    tmp_path: Path, where: str, value: object, words: str
) -> None:
    data = evidence_data()
    trial = next(t for t in data["trials"] if t["key"] == "EMERALD")
    index = data["trials"].index(trial)
    if where == "size":
        trial["size"] = value
        path = f"$.trials[{index}].size"
    else:
        trial["arms"][0]["n"] = value
        path = f"$.trials[{index}].arms[0].n"
    error = evidence_error(tmp_path, json.dumps(data))
    found = dict(error.problems)
    assert words in found[f"{path} (trial 'EMERALD')"]


def test_a_5000_digit_number_in_an_evidence_file(tmp_path: Path) -> None:
    text = json.dumps(evidence_data()).replace('"size": null', '"size": ' + "9" * 5000, 1)
    assert "more than 4,300 digits" in str(evidence_error(tmp_path, text))


def test_evidence_notes_nested_10000_deep(tmp_path: Path) -> None:
    data = evidence_data()
    data["trials"][0]["notes"] = ["PLACE"]
    text = json.dumps(data).replace('"PLACE"', "[" * 10_000 + "]" * 10_000)
    assert "nested too deeply" in str(evidence_error(tmp_path, text))


def test_evidence_data_nested_deep_in_a_mapping_is_an_evidence_error(tmp_path: Path) -> None:
    data = evidence_data()
    data["trials"][0]["notes"] = [nested(10_000)]
    data["trials"][0]["size"] = nested(10_000, "object")
    from resistx.evidence import _load  # noqa: PLC0415 - the mapping entry point is internal

    with pytest.raises(resistx.EvidenceError) as info:
        _load.parse(data, "in memory")
    found = dict(info.value.problems)
    key = f"(trial {data['trials'][0]['key']!r})"
    assert f"$.trials[0].notes[0] {key}" in found and f"$.trials[0].size {key}" in found


@pytest.mark.parametrize("arg", [None, 3, b"evidence.json", 1.5])
def test_from_file_needs_a_path(
    arg: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "None").write_text(resistx.to_json(resistx.evidence()))  # must not be read
    with pytest.raises(TypeError, match="needs a path"):
        EvidenceBase.from_file(arg)  # type: ignore[arg-type]


def test_duplicate_names_and_unknown_regimens_name_the_trial(tmp_path: Path) -> None:
    data = evidence_data()
    first, second = data["trials"][0]["key"], data["trials"][1]["key"]
    data["trials"][1]["aliases"] = [*data["trials"][1]["aliases"], first]
    arms = next(i for i, t in enumerate(data["trials"]) if t["arms"])
    data["trials"][arms]["arms"][0]["regimen"] = "no_such_regimen"
    error = evidence_error(tmp_path, json.dumps(data))
    found = dict(error.problems)
    assert f"also names {first!r}" in found[f"$.trials[1] (trial {second!r})"]
    key = data["trials"][arms]["key"]
    assert "not a regimen id" in found[f"$.trials[{arms}].arms[0].regimen (trial {key!r})"]


def test_duplicate_keys_in_an_evidence_file(tmp_path: Path) -> None:
    text = json.dumps(evidence_data()).replace('"version": ', '"version": "x", "version": ', 1)
    assert (
        "'version' is given 2 times" in dict(evidence_error(tmp_path, text).problems)["$.version"]
    )


@given(
    st.sampled_from(["size", "n", "value", "references", "phase", "notes", "arms", "key"]),
    st.one_of(
        st.integers(min_value=-(10**500), max_value=10**500),
        st.floats(),
        st.text(alphabet=st.characters(codec=None, categories=["Cc", "Cs", "Ll"])),
        st.none(),
        strategies.json_values,
    ),
)
def test_any_bad_figure_in_an_evidence_file_is_an_evidence_error(field: str, value: object) -> None:
    """A value of any type in any field of a trial loads or is an EvidenceError naming it."""
    from resistx.evidence import _load  # noqa: PLC0415 - the mapping entry point is internal

    data = evidence_data()
    trial = next(t for t in data["trials"] if t["arms"] and t["endpoints"])
    if field == "n":
        trial["arms"][0]["n"] = value
    elif field == "value":
        trial["endpoints"][0]["value"] = value
    else:
        trial[field] = value
    try:
        _load.parse(data, "in memory")
    except resistx.EvidenceError as e:
        assert e.problems
        assert not CONTROL & set(str(e))
