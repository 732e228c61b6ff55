"""``to_json`` through the compiled unstructuring (and orjson, when installed) writes the same
text, byte for byte, as ``json.dumps`` over cattrs' unstructuring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import resistx
from resistx import _output, _serde
from tests.strategies import preferences, profiles

EXAMPLES = Path(__file__).parent.parent / "examples"
INDENTS = (None, 2, 4)


def _plain(obj: object, indent: int | None) -> str:
    with _serde.straightforward():
        return resistx.to_json(obj, indent=indent)


def _without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_output, "_orjson", lambda: None)


@given(profiles, preferences, st.sampled_from(resistx.policies()), st.sampled_from(INDENTS))
def test_a_plan_is_written_as_the_plain_path_writes_it(
    profile: resistx.Profile, prefs: resistx.Preferences, policy: str, indent: int | None
) -> None:
    """For generated plans of both policies, the compiled path alone gives the same text."""
    plan = resistx.sequence(profile, prefs, policy=policy)
    assert _output.dumps(plan, indent) == _plain(plan, indent)
    assert resistx.to_json(plan, indent=indent) == _plain(plan, indent)
    assert _output.dumps(profile, indent) == _plain(profile, indent)


@pytest.mark.parametrize("orjson", [True, False], ids=["orjson", "json"])
def test_the_worked_examples_are_written_alike_with_and_without_orjson(
    orjson: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not orjson:
        _without_orjson(monkeypatch)
    for path in sorted(EXAMPLES.glob("[0-9][0-9]-*.json")):
        plan = resistx.sequence(json.loads(path.read_text()))
        for indent in INDENTS:
            assert _output.dumps(plan, indent) == _plain(plan, indent), (path.name, indent)


def _odd_plan(**caution: Any) -> resistx.Plan:
    plan = resistx.sequence(json.loads((EXAMPLES / "01-esr1-mutated.json").read_text()))
    option = plan.options[0]
    extra = resistx.Caution(**{"code": "odd", "text": "odd", **caution})
    return attrs.evolve(plan, options=(attrs.evolve(option, cautions=(extra,)), *plan.options[1:]))


@pytest.mark.parametrize(
    "caution",
    [
        {"percent": 1e-05},  # orjson writes 0.00001, json 1e-05
        {"percent": float("nan")},  # orjson writes null, json NaN
        {"percent": 1e16},
        {"text": "lone \ud800 surrogate"},  # orjson refuses it
        {"rule": 2**70},  # beyond orjson's 64 bits
        {"text": 'quotes " and \\ back\nslash, colon: \x1f \u2028 é'},
    ],
)
def test_values_orjson_writes_otherwise_give_the_plain_text(caution: dict[str, Any]) -> None:
    plan = _odd_plan(**caution)
    for indent in INDENTS:
        assert _output.dumps(plan, indent) == _plain(plan, indent)


def test_what_the_compiled_path_does_not_know_goes_the_plain_way() -> None:
    """An object of a class it cannot compile (here a mapping) and a subclass of a model
    class are written by the plain path, with the same text."""

    @attrs.frozen(kw_only=True)
    class Special(resistx.Reason):
        extra: str = "x"

    reason = Special(factor=resistx.Factor.MOLECULAR, code="c", text="t")
    plan = _odd_plan()
    plan = attrs.evolve(plan, options=(attrs.evolve(plan.options[0], reasons=(reason,)),))
    for obj in ({"a": 1}, plan):
        with pytest.raises(_output.Unsure):
            _output.dumps(obj, 2)
        assert resistx.to_json(obj, indent=2) == _plain(obj, 2)


def test_the_evidence_base_and_the_catalog_are_written_as_before() -> None:
    for obj in (resistx.evidence(), resistx.evidence("2026.11"), *resistx.mechanisms()):
        for indent in (None, 2):
            assert resistx.to_json(obj, indent=indent) == _plain(obj, indent)
