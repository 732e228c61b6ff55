"""The compiled input path gives exactly what the collecting path gives: the same Profile for
valid input, and the same error (type, message, problem list) for anything else."""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import resistx
from resistx import _compiled, _serde
from resistx.model._validators import identifier
from resistx.model.profile import Her2Test
from tests.strategies import (
    consistent,
    dates,
    fitting,
    iso,
    json_values,
    profile_dicts,
    relapse_fitting,
)

#: wrong in a way a typed hook must notice, or right in an unusual way
ODD = st.sampled_from(
    [
        True, 0, 1, -1, 7, 1.5, 2.0, "1", 2**63, 2**64, -(2**63), 10**400, float("inf"),
        float("nan"), "", " ", "\ud800", "positve", "POSITIVE", "Ibrance", "esr1 ", "2024-02-30",
        "2024-1-1", "20240115", "2024-W03-1", "२०२४-०१-०१", "x" * 70, [], [1], {}, {"a": 1}, None, ["palbociclib"] * 21,
    ]
)  # fmt: skip


def _an_id(text: str) -> bool:
    """What a patient id may be (``_validators.identifier``: 9163)."""
    try:
        identifier(None, attrs.fields(resistx.Profile).patient_id, text)
    except ValueError:
        return False
    return True


@st.composite
def rich_profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """Valid profiles that also use schema 2, her2_tests in place of her2, comorbidity
    objects, toxicity, classifications, brand names and gene aliases."""
    out = draw(profile_dicts())
    out["schema_version"] = draw(st.sampled_from((1, 2)))
    if draw(st.booleans()):
        out["patient_id"] = draw(st.text(max_size=12).filter(_an_id))
        out["sex"] = draw(st.sampled_from(("female", "male")))
        if out["sex"] == "male":  # a man has no menopausal status (case 1103's variant)
            out.pop("menopausal_status", None)
    if draw(st.booleans()):
        del out["her2"]
        score = draw(st.sampled_from(("0", "ultralow", "1+", "2+")))
        test = {"score": score, "ish": "negative"} if score == "2+" else {"score": score}
        out["her2_tests"] = [{**test, "sample": "tissue", "tested_on": iso(draw(dates))}]
    if draw(st.booleans()):
        out["comorbidities"] = [
            {"name": "neuropathy", "grade": draw(st.integers(0, 4))},
            {"name": "Diabetes mellitus", "hba1c": draw(st.floats(3, 20))},
            {"name": "hepatic_impairment", "child_pugh": "B"},
        ][: draw(st.integers(1, 3))]
    for biomarker in out["biomarkers"]:
        if draw(st.booleans()):
            biomarker.update(variant="E542K", classification="vus")
            if biomarker.get("sample", "ctdna") == "ctdna":  # a tissue result refuses it (7228g)
                biomarker["tumour_fraction"] = 0.2
            fitting(biomarker)  # a negative names no variant (case 1921)
    if out["treatments"] and draw(st.booleans()):
        out["treatments"][0].update(
            drugs=["Ibrance", "letrozole"], stop_reason="toxicity", toxicity="Neutropenia"
        )
        # Ibrance + letrozole may now copy another course, which a profile refuses (case 987)
        out["treatments"] = consistent(out["treatments"])
    if out["schema_version"] == 2:  # schema 2 asks how a dated course without an end ended
        for t in out["treatments"]:  # (case 1144)
            if "started_on" in t and not {"ended_on", "months", "stop_reason"} & set(t):
                t["stop_reason"] = "ongoing" if t is out["treatments"][-1] else "progression"
        # ... and a line for a course for metastatic disease with no start date (case 1174b)
        metastatic = [
            t for t in out["treatments"] if t.get("setting", "metastatic") == "metastatic"
        ]
        unplaced = [t for t in metastatic if "started_on" not in t and "line" not in t]
        if len(metastatic) > 1:
            after = max((t.get("line", 0) for t in metastatic), default=0)
            for n, t in enumerate(unplaced, after + 1):
                t["line"] = n
        out["treatments"] = consistent(out["treatments"])
    return relapse_fitting(out)  # the courses changed: the relapse date may no longer fit


def _slots(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a JSON-like tree."""
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    out = []
    for key, value in items:
        out.append((*path, key))
        if isinstance(value, dict | list):
            out += _slots(value, (*path, key))
    return out


@st.composite
def damaged_profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid profile with one value anywhere in it dropped, replaced by an odd or arbitrary
    value, or given an unknown key beside it."""
    tree = draw(rich_profile_dicts())
    *parents, key = draw(st.sampled_from(_slots(tree)))
    container = tree
    for step in parents:
        container = container[step]
    action = draw(st.sampled_from(("drop", "odd", "arbitrary", "unknown key")))
    if action == "drop":
        del container[key]
    elif action == "unknown key" and isinstance(container, dict):
        container["gnee" if "gene" in container else "unexpected"] = 1
    else:
        container[key] = draw(ODD if action == "odd" else json_values)
    return tree


def _outcome(load: Callable[[], object]) -> tuple[Any, ...]:
    try:
        return ("loaded", load())
    except (resistx.ProfileError, resistx.OutOfScopeError) as e:
        return (type(e), str(e), getattr(e, "problems", None))


def _both(load: Callable[[], object]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    fast = _outcome(load)
    with _serde.straightforward():
        slow = _outcome(load)
    return fast, slow


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Equal outcomes, down to the types of the values (an enum member of another class
    equals its string); NaN in a loaded profile is not equal to itself, so repr decides."""
    return repr(a) == repr(b) and (a == b or "nan" in repr(a))


@given(rich_profile_dicts())
def test_valid_profiles_take_the_compiled_path_and_load_as_before(data: dict[str, Any]) -> None:
    """For valid input the compiled path alone gives the collecting path's Profile, through
    load_profile of the mapping and of its JSON text."""
    her2 = resistx.load_profile(data).her2  # what derive_her2 gives where her2 is left out
    derived = {**data, "her2": her2.value}
    expected = ("loaded", _serde.structure_collecting(derived, resistx.Profile))
    assert _same(("loaded", _compiled.compiled(resistx.Profile)(derived)), expected)
    forms: list[Any] = [data, json.dumps(data)]
    for form in forms:
        fast, slow = _both(functools.partial(resistx.load_profile, form))
        assert _same(fast, slow) and _same(fast, expected)


@given(st.one_of(damaged_profile_dicts(), st.builds(dict, profile_dicts()), json_values))
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "ecog": True})
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "visceral_crisis": 1})
@example({"schema_version": 2**64, "hormone_receptor": "positive", "her2": "0"})
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "patient_id": "\ud800"})
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "ecog": 2.0})
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": resistx.Her2Status.LOW})
@example(
    {"schema_version": 1, "hormone_receptor": "positive", "patient_id": resistx.Her2Status.LOW}
)
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "biomarkers": ()})
@example({"schema_version": 1, "hormone_receptor": resistx.Her2Status.POSITIVE, "her2": "0"})
@example({"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "as_of": "20250115"})
def test_any_input_gives_the_collecting_paths_profile_or_error(data: Any) -> None:
    """Valid or not, a mapping and its JSON text give the same Profile, or the same error
    type, message and problem list, with and without the compiled path."""
    fast, slow = _both(lambda: resistx.load_profile(data) if isinstance(data, dict) else None)
    assert _same(fast, slow)
    if isinstance(data, dict):
        try:
            text = json.dumps(data)
        except (TypeError, ValueError):
            return  # a value JSON text cannot hold
        fast, slow = _both(lambda: resistx.load_profile(text))
        assert _same(fast, slow)


@given(damaged_profile_dicts())
def test_the_input_classes_structure_alike_on_both_paths(data: dict[str, Any]) -> None:
    """Each input class alone, and the preferences, give the same result or problems."""

    def problems(cls: Any, value: Any, structure: Callable[[Any, Any], Any]) -> Any:
        try:
            return structure(value, cls)
        except _serde.DataProblemsError as e:
            return e.problems

    cases: list[tuple[Any, Any]] = [(resistx.Profile, data)]
    for cls, key in ((resistx.Treatment, "treatments"), (resistx.BiomarkerResult, "biomarkers")):
        items = data.get(key)
        cases += [(cls, item) for item in items] if isinstance(items, list) else []
    cases += [(tuple[Her2Test, ...], data.get("her2_tests", []))]
    cases += [(resistx.Preferences, {"short_cdk46i_months": data.get("ecog")})]
    for cls, value in cases:
        fast = problems(cls, value, _serde.structure_or_problems)
        slow = problems(cls, value, _serde.structure_collecting)
        assert _same(fast, slow), (cls, value)


def test_a_mapping_that_is_not_a_dict_and_a_date_object_are_read_as_before() -> None:
    data = {"schema_version": 1, "hormone_receptor": "positive", "her2": "0"}
    proxy = types.MappingProxyType({**data, "as_of": dt.date(2025, 1, 1)})
    assert _both(lambda: resistx.load_profile(proxy))[0][1].as_of == dt.date(2025, 1, 1)
    fast, slow = _both(lambda: resistx.load_profile(proxy))
    assert _same(fast, slow)


def test_a_key_given_twice_in_profile_text_is_reported_with_the_other_problems() -> None:
    text = (
        '{"schema_version": 1, "hormone_receptor": "positive", "her2": "0", "ecog": 1, "ecog": 9}'
    )
    fast, slow = _both(lambda: resistx.load_profile(text))
    assert _same(fast, slow)
    assert fast[0] is resistx.ProfileError
    assert [p for p, _ in fast[2]] == ["$.ecog", "$.ecog"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("drugs", ["palbociclib"] * 21), ("drugs", ["Ibrance", "aspirin"]), ("line", 2**64)],
)
def test_the_compiled_path_refuses_what_the_collecting_path_reports(field: str, value: Any) -> None:
    treatment = {"drugs": ["letrozole"], field: value}
    with pytest.raises(_compiled.Doubt):
        _compiled.compiled(resistx.Treatment)(treatment)
    with pytest.raises(_serde.DataProblemsError):
        _serde.structure_or_problems(treatment, resistx.Treatment)


def test_a_normalising_hook_the_compiled_path_does_not_mirror_keeps_a_class_off_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hook added to the collecting path alone must not be skipped by the compiled one."""

    @attrs.frozen(kw_only=True)
    class Reading:
        gene: str

    monkeypatch.setitem(_serde._FIELD_HOOKS, (Reading, "gene"), _serde._gene)
    with pytest.raises(NotImplementedError):
        _compiled.compiled(Reading)
    monkeypatch.setitem(_serde._FIELD_HOOKS, (resistx.Preferences, "priority"), _serde._gene)
    monkeypatch.setattr(_compiled, "_COMPILED", {})
    _serde._compiled_structurer.cache_clear()
    try:
        with pytest.raises(_serde.DataProblemsError, match="not a gene"):
            _serde.structure_or_problems({"priority": "balanced"}, resistx.Preferences)
    finally:
        _serde._compiled_structurer.cache_clear()


def _evidence_outcome(load: Callable[[], object]) -> tuple[Any, ...]:
    try:
        return ("loaded", load())
    except resistx.EvidenceError as e:
        return ("error", str(e), e.problems)


def _evidence_data() -> dict[str, Any]:
    from resistx import _data  # noqa: PLC0415
    from resistx.evidence import _load  # noqa: PLC0415

    data: dict[str, Any] = json.loads(_data.read_text("resistx.evidence", "data", _load.BUNDLED))
    return data


def test_the_bundled_evidence_and_every_pack_load_alike_on_both_paths() -> None:
    """The evidence takes the compiled path too (a fresh process's first plan loads two
    evidence bases): the same trials, figures and approvals as the collecting path."""
    from resistx import _data  # noqa: PLC0415
    from resistx.evidence import _load, _pack  # noqa: PLC0415

    fast, slow = _both(lambda: _load.parse(_evidence_data(), "bundled"))
    assert fast[0] == "loaded" and fast == slow
    for version, path in _pack.PACKS.items():
        data = json.loads(_data.read_text("resistx.evidence", *path))
        fast, slow = _both(functools.partial(_pack.build, data, version))
        assert fast[0] == "loaded" and fast == slow


def _with_ci(data: dict[str, Any]) -> int:
    """The index of the first trial with an endpoint that gives a confidence interval."""
    return next(
        i
        for i, t in enumerate(data["trials"])
        if any(e.get("ci95") for e in t.get("endpoints", []))
    )


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("ci", "endpoints", 0, "ci95"), "a third bound"),
        (("ci", "endpoints", 0, "ci95"), ["0.5", 0.9]),
        ((1, "arms"), {"drugs": []}),
        ((2, "unexpected"), 1),
        ((3, "key"), None),
        ((4, "status"), "halted"),
    ],
)
def test_damaged_evidence_gives_the_collecting_paths_problems(
    where: tuple[Any, ...], value: Any
) -> None:
    from resistx.evidence import _load  # noqa: PLC0415

    data = _evidence_data()
    node: Any = data["trials"][_with_ci(data) if where[0] == "ci" else where[0]]
    for step in where[1:-1]:
        node = node[step]
    # an interval that holds its point, with one bound too many
    node[where[-1]] = [*node[where[-1]], 99.0] if value == "a third bound" else value
    fast = _evidence_outcome(lambda: _load.parse(data, "damaged"))
    with _serde.straightforward():
        slow = _evidence_outcome(lambda: _load.parse(data, "damaged"))
    assert fast[0] == "error" and fast == slow
