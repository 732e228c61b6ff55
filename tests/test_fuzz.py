"""A short round of the fuzz harness (scripts/fuzz.py), and checks that the harness can fail."""

from __future__ import annotations

import itertools
import json
import random
import time
from pathlib import Path

import attrs
import pytest

import resistx
from tests import strategies

SCRIPT = Path(__file__).parent.parent / "scripts" / "fuzz.py"
EXAMPLES = Path(__file__).parent.parent / "examples"


fuzz = strategies.fuzz_script()


def test_a_thousand_fuzzed_inputs_raise_only_the_documented_errors_and_fast() -> None:
    """10**3 generated inputs: no escape, no bad message, no broken plan, none over a second."""
    summary = fuzz.run(1_000, seed=0)
    assert summary.inputs == 1_000
    assert dict(summary.escapes) == {}, summary.examples
    assert summary.slow == 0, summary.slow_examples
    assert summary.ok


def test_the_harness_counts_an_escape_a_bad_message_and_a_slow_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = fuzz.Summary()

    def escape() -> None:
        raise OverflowError

    def bad_message() -> None:
        raise resistx.ProfileError([("$.her2", "'\x1b[31m' is not one of ...")])

    def no_path() -> None:
        raise resistx.ProfileError([("her2", "wrong")])

    for run in (escape, bad_message, no_path):
        fuzz.run_one(fuzz.Case("case", run, fuzz.PROFILE_ERRORS), summary)
    clock = itertools.chain([0.0], itertools.repeat(2.0))
    monkeypatch.setattr(fuzz.time, "perf_counter", lambda: next(clock))
    fuzz.run_one(fuzz.Case("slow", lambda: None, ()), summary)
    assert dict(summary.escapes) == {"OverflowError": 1, "BadMessage": 2}
    assert summary.slow == 1 and summary.slowest == 2.0
    assert not summary.ok
    assert "4 inputs, 3 escapes (BadMessage 2, OverflowError 1)" in summary.line(0)


def test_a_collector_pause_is_not_the_inputs_time() -> None:
    summary = fuzz.Summary()

    def pause() -> None:
        fuzz.COLLECTOR("start", {})
        time.sleep(0.05)
        fuzz.COLLECTOR("stop", {})

    fuzz.run_one(fuzz.Case("pause", pause, ()), summary)
    assert summary.collector >= 0.05
    assert summary.slowest < 0.05


def test_the_plan_invariants_fail_on_a_broken_plan() -> None:
    plan = resistx.sequence(json.loads((EXAMPLES / "01-esr1-mutated.json").read_text()))
    fuzz.check_plan(plan)
    options = plan.options
    # ranks out of order or repeated are refused when the plan is built (8348)
    with pytest.raises(ValueError, match="ranked 1, 2, 3"):
        attrs.evolve(plan, options=options[::-1])  # ranks n..1
    broken = [
        attrs.evolve(plan, options=(*options, attrs.evolve(options[0], rank=len(options) + 1))),
        attrs.evolve(plan, excluded=(*plan.excluded, attrs.evolve(plan.excluded[0], reasons=()))),
    ]
    for bad in broken:
        with pytest.raises(fuzz.InvariantError):
            fuzz.check_plan(bad)


def test_encoded_text_and_the_mapping_agree() -> None:
    """The text and the mapping form of a mutated example are the same data."""
    rng = random.Random(3)
    example = json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text())
    for _ in range(200):
        tree, _what = fuzz.mutate(rng, json.loads(json.dumps(example)), list_limit=300)
        text = fuzz.encode(tree)
        if "9" * 4301 in text or "[" * 1000 in text or '{"a":' * 1000 in text:
            continue  # json.loads itself refuses these
        assert json.dumps(json.loads(text), sort_keys=True) == json.dumps(
            fuzz.materialise(tree), sort_keys=True
        )
