"""Golden plans for the worked examples: any change in ranking shows up in review.

Regenerate after an intended change with ``RESISTX_UPDATE_GOLDEN=1 pytest tests/test_examples.py``
and read the diff of ``examples/expected/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.sequencing import kinds as _kinds

ROOT = Path(__file__).parent.parent / "examples"
PROFILES = sorted(ROOT.glob("[0-9][0-9]-*.json"))
PREFERENCES: dict[str, Any] = json.loads((ROOT / "preferences.json").read_text())
GOLDEN = ROOT / "expected"


def planned(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = resistx.to_dict(resistx.sequence(path, PREFERENCES.get(path.stem)))
    data.pop("library_version")  # a release changes it, not the ranking
    return data


def test_there_are_enough_worked_examples() -> None:
    assert len(PROFILES) >= 15


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_plan_matches_its_golden_file(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.plan.json"
    plan = planned(path)
    if os.environ.get("RESISTX_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(plan, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert plan == json.loads(golden.read_text())


FIRST = {
    "01-esr1-mutated": "elacestrant",
    "02-pik3ca-mutated": "capivasertib+fulvestrant",
    "03-pik3ca-mutated-diabetes": "capivasertib+fulvestrant",
    "04-akt1-mutated": "capivasertib+fulvestrant",
    "05-pten-loss": "capivasertib+fulvestrant",
    "07-her2-low-after-chemotherapy": "trastuzumab-deruxtecan",
    "08-two-chemotherapy-lines": "sacituzumab-govitecan",
    "09-germline-palb2": "olaparib",
    "10-visceral-crisis": "chemotherapy",
    "11-short-cdk46i": "chemotherapy",
    "12-rb1-loss": "chemotherapy",
}


@pytest.mark.parametrize(("name", "regimen"), sorted(FIRST.items()))
def test_the_first_option_follows_the_review(name: str, regimen: str) -> None:
    plan = resistx.sequence(ROOT / f"{name}.json", PREFERENCES.get(name))
    assert plan.options[0].regimen.id == regimen


def test_ccne1_example_offers_cdk2_trials_before_endocrine_therapy() -> None:
    plan = resistx.sequence(ROOT / "13-ccne1-amplified.json")
    assert plan.options[0].regimen.id == "chemotherapy"  # nothing actionable (rule 6)
    trials = [o.rank for o in plan.options if o.regimen.is_trial]
    assert len(trials) == 4
    assert all(o.tier.value == "trial" for o in plan.options if o.regimen.is_trial)
    assert max(trials) < min(o.rank for o in plan.options if _kinds.is_endocrine_based(o.regimen))


def test_untested_example_asks_for_tests() -> None:
    plan = resistx.sequence(ROOT / "14-untested.json")
    assert {a.code for a in plan.actions} >= {"retest", "test_her2", "test_hrd_genes"}
