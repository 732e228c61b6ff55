"""Golden plans for the worked examples: any change in ranking shows up in review.

Regenerate after an intended change with the script (against the installed package):

    pip install --no-deps --force-reinstall . && python scripts/update_goldens.py

and read the diff of ``examples/expected/``. The stored files keep ``library_version`` (so
they validate against the plan schema as stored); the comparison leaves its value out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import resistx
from resistx.sequencing import kinds as _kinds
from resistx.sequencing.policies import YE2024

ROOT = Path(__file__).parent.parent / "examples"
PROFILES = sorted(ROOT.glob("[0-9][0-9]-*.json"))
PREFERENCES: dict[str, Any] = json.loads((ROOT / "preferences.json").read_text())
GOLDEN = ROOT / "expected"


SCRIPT = ROOT.parent / "scripts" / "update_goldens.py"


def planned(path: Path, policy: str | None = None) -> dict[str, Any]:
    plan = resistx.sequence(path, PREFERENCES.get(path.stem), policy=policy)
    data: dict[str, Any] = resistx.to_dict(plan)
    return data


def comparable(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan without the value of ``library_version``: a release changes it, not the
    ranking. The field itself must be there."""
    assert isinstance(plan.get("library_version"), str), "the golden lacks library_version"
    return {k: v for k, v in plan.items() if k != "library_version"}


def test_there_are_enough_worked_examples() -> None:
    assert len(PROFILES) >= 15


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_plan_matches_its_golden_file(path: Path) -> None:
    golden = json.loads((GOLDEN / f"{path.stem}.plan.json").read_text(encoding="utf-8"))
    assert comparable(planned(path)) == comparable(golden)


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_practice_plan_matches_its_golden_file(path: Path) -> None:
    golden_file = ROOT / "expected-practice-2026" / f"{path.stem}.plan.json"
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    assert comparable(planned(path, "practice-2026")) == comparable(golden)


def test_the_review_goldens_changed_only_by_since_review() -> None:
    """The ye2024 ranking is unchanged by the second policy: the golden plans of the examples
    the review's policy had before it differ from a plan without ``since_review`` in nothing."""
    for path in PROFILES:
        plan = resistx.sequence(path, PREFERENCES.get(path.stem))
        bare = resistx.sequence(path, PREFERENCES.get(path.stem), policy=_ye2024_alone())
        assert plan.options == bare.options
        assert plan.excluded == bare.excluded
        assert plan.actions == bare.actions
        assert bare.since_review == ()


def _ye2024_alone() -> resistx.Policy:
    """ye2024 without the newer policy it names: its plans carry no since_review."""
    return attrs.evolve(YE2024, name="ye2024-alone", updated_by=None)


def test_a_worked_example_has_a_since_review_section() -> None:
    """HER2-ultralow, no chemotherapy: trastuzumab deruxtecan before chemotherapy under
    practice-2026, and the default plan says exactly that."""
    path = ROOT / "23-her2-ultralow-no-chemotherapy.json"
    newer = resistx.sequence(path, policy="practice-2026")
    assert newer.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert newer.option("chemotherapy") is not None
    plan = resistx.sequence(path)
    assert plan.exclusion("trastuzumab-deruxtecan") is not None
    top = [s for s in plan.since_review if s.change is resistx.Change.TOP_OPTION]
    assert len(top) == 1
    assert top[0].regimen == "trastuzumab-deruxtecan"
    assert "before Chemotherapy" in top[0].text
    assert "DESTINY-Breast06" in top[0].trials
    assert top[0].approvals == ("Trastuzumab deruxtecan: FDA 2025-01-27",)
    assert top[0].policy == "practice-2026"
    assert "--policy practice-2026" in top[0].how


def test_the_golden_writer_keeps_every_field(tmp_path: Path) -> None:
    """``scripts/update_goldens.py`` writes each example's whole plan, library version included."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(tmp_path.glob("*.plan.json"))
    assert [p.name for p in written] == [f"{p.stem}.plan.json" for p in PROFILES]
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["library_version"] == resistx.__version__
        assert data == planned(ROOT / path.name.replace(".plan.json", ".json"))


FIRST = {
    "01-esr1-mutated": "elacestrant",
    "02-pik3ca-mutated": "capivasertib+fulvestrant",
    "03-pik3ca-mutated-diabetes": "capivasertib+fulvestrant",
    "04-akt1-mutated": "capivasertib+fulvestrant",
    "05-pten-loss": "capivasertib+fulvestrant",
    "07-her2-low-after-chemotherapy": "trastuzumab-deruxtecan",
    "08-two-chemotherapy-lines": "sacituzumab-govitecan",
    # germline PALB2 after a CDK4/6 inhibitor: olaparib before chemotherapy (TBCRC 048, rule 49;
    # the Discussion's 'definite' targets are ESR1 and the PI3K pathway: a recorded discrepancy)
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
