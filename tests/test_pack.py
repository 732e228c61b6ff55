"""Evidence pack 2026.11: the review's integrity checks, plus a pack's own (verification
levels, citations, the review's trials by reference), and its loader's errors."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.evidence._pack import build, pack_problems
from resistx.model import RegulatoryStatus, TrialStatus
from resistx.sequencing.policies import PRACTICE_2026
from resistx.vocab import regimens

PACK = resistx.evidence("2026.11")
REVIEW = resistx.evidence()
ADDED = PACK.added_since(REVIEW)
FIXTURE = Path(__file__).parent / "data" / "pack-fixture.json"


def test_the_pack_extends_the_review_and_is_the_default_evidence_of_practice_2026() -> None:
    assert PACK.version == "2026.11"
    assert PACK.extends == REVIEW.version
    assert PACK.date
    assert resistx.evidence() is REVIEW  # the default stays the review's
    assert resistx.evidence("2026.11") is PACK  # built once
    assert PRACTICE_2026.default_evidence() is PACK
    with pytest.raises(KeyError, match=r"known: 2024\.16-8, 2026\.11"):
        resistx.evidence("2030.1")


def test_the_review_trials_are_in_the_pack_unchanged_or_only_amended() -> None:
    for old in REVIEW.trials:
        new = PACK.trial(old.key)
        if new == old:
            continue
        # an amendment adds figures and notes after the review's, and changes nothing else
        assert new.endpoints[: len(old.endpoints)] == old.endpoints
        assert new.hazard_ratios[: len(old.hazard_ratios)] == old.hazard_ratios
        assert new.adverse_events[: len(old.adverse_events)] == old.adverse_events
        assert new.notes[: len(old.notes)] == old.notes
        assert (new.key, new.arms, new.nct_id, new.references) == (
            old.key,
            old.arms,
            old.nct_id,
            old.references,
        )
    assert {t.key for t in PACK.trials if t not in REVIEW.trials} >= {"EMERALD", "CAPItello-291"}


def test_the_pack_adds_the_trials_of_update_2026() -> None:
    keys = {t.key for t in ADDED}
    assert keys >= {
        "postMONARCH",
        "EMBER-3",
        "VERITAC-2",
        "INAVO120",
        "DESTINY-Breast06",
        "TROPION-Breast01",
        "evERA",
        "VIKTORIA-1",
    }


@pytest.mark.parametrize("trial", ADDED, ids=[t.key for t in ADDED])
def test_each_added_trial_is_well_formed_cited_and_verified(trial: resistx.Trial) -> None:
    assert trial.nct_id is None or re.fullmatch(r"NCT\d{8}", trial.nct_id)
    assert trial.citation, "a pack's trial names its primary citation"
    assert trial.source
    labels = {a.label for a in trial.arms}
    for e in trial.endpoints:
        assert e.arm in labels
        assert e.verification is not None
        assert e.ci95 is None or e.ci95[0] <= e.value <= e.ci95[1]
        assert 0 <= e.value <= (120 if e.kind.is_median else 100)
    for h in trial.hazard_ratios:
        assert {h.experimental, h.control} <= labels
        assert h.verification is not None
        assert h.ci95 is None or h.ci95[0] <= h.value <= h.ci95[1]
    for a in trial.adverse_events:
        assert a.verification is not None
        assert a.any_grade_percent is not None or a.grade3plus_percent is not None
    for arm in trial.arms:
        assert arm.regimen is None or arm.regimen in regimens.ALL_BY_ID
    if trial.status in (TrialStatus.ONGOING, TrialStatus.TERMINATED):
        assert not trial.endpoints and not trial.hazard_ratios


def test_every_regulatory_record_of_the_pack_is_verified() -> None:
    """An UNVERIFIED row of the update (a label extension not found, say) is no record."""
    assert PACK.approvals
    for a in PACK.approvals:
        assert a.verification is not None, (a.regimen, a.status)


def test_every_figure_an_amendment_adds_has_a_verification_level() -> None:
    for old in REVIEW.trials:
        new = PACK.trial(old.key)
        added: list[resistx.Endpoint | resistx.HazardRatio | resistx.AdverseEvent] = [
            *new.endpoints[len(old.endpoints) :],
            *new.hazard_ratios[len(old.hazard_ratios) :],
            *new.adverse_events[len(old.adverse_events) :],
        ]
        assert all(f.verification is not None for f in added), old.key


def test_names_ncts_and_references_are_unique_and_resolve() -> None:
    ncts = [t.nct_id for t in PACK.trials if t.nct_id]
    assert len(set(ncts)) == len(ncts)
    keys = {t.key for t in PACK.trials}
    assert all(d.trial in keys for d in PACK.discrepancies)
    assert all(d.chosen in d.readings and d.why for d in PACK.discrepancies)
    assert all(a.regimen is None or a.regimen in regimens.ALL_BY_ID for a in PACK.approvals)
    assert not pack_problems(PACK, REVIEW)


def test_the_later_regimen_ids_are_apart_from_the_review_contract() -> None:
    assert not set(regimens.LATER_BY_ID) & set(regimens.BY_ID)
    assert set(regimens.ALL_BY_ID) == set(regimens.BY_ID) | set(regimens.LATER_BY_ID)


def test_every_regimen_of_the_practice_table_is_backed_by_a_trial_of_the_pack() -> None:
    table = PRACTICE_2026.table(PACK)
    for spec in table.regimens:
        assert spec.key_trials, spec.id
        assert all(t in PACK for t in spec.key_trials), spec.id
        if spec.id in regimens.LATER_BY_ID:
            assert PACK.by_regimen(spec.id), spec.id
    assert {s.id for s in table.regimens} >= set(regimens.LATER_BY_ID)


def test_the_table_follows_the_packs_verified_regulatory_decisions() -> None:
    """An approval the pack verifies (primary or secondary) makes the regimen approved, with
    the authority and date; a filing under review, no decision or a positive opinion only
    leaves it investigational."""
    specs = PRACTICE_2026.regimens(PACK)
    for a in PACK.approvals:
        if a.regimen is None or a.regimen not in specs or a.verification is None:
            continue
        spec = specs[a.regimen]
        if a.status.value == "approved" and a.authority == "FDA":
            assert spec.regulatory.status is RegulatoryStatus.APPROVED, a.regimen
            assert spec.regulatory.date == a.date, a.regimen
        elif (
            not any(b.status.value == "approved" for b in PACK.approvals_for(a.regimen))
            and a.regimen not in regimens.BY_ID
        ):
            assert spec.regulatory.investigational, a.regimen
    assert specs["camizestrant"].regulatory.investigational
    assert specs["giredestrant+everolimus"].regulatory.investigational
    assert specs["gedatolisib+palbociclib+fulvestrant"].regulatory.investigational
    assert specs["imlunestrant+abemaciclib"].regulatory.investigational
    for rid, date in [
        ("imlunestrant", "2025-09-25"),
        ("vepdegestrant", "2026-05-01"),
        ("trastuzumab-deruxtecan", "2025-01-27"),
        ("datopotamab-deruxtecan", "2025-01-17"),
        ("inavolisib+palbociclib+fulvestrant", "2024-10-10"),
    ]:
        assert specs[rid].regulatory.authority == "FDA"
        assert specs[rid].regulatory.date == date


def test_capivasertib_cautions_come_from_capitello_291_in_the_pack() -> None:
    spec = PRACTICE_2026.regimens(PACK)["capivasertib+fulvestrant"]
    assert spec.ae_trial == "CAPItello-291"
    events = {(a.term, a.grade3plus_percent) for a in PACK.trial("CAPItello-291").adverse_events}
    assert {("rash", 12.1), ("diarrhea", 9.3)} <= events
    plan = resistx.sequence(
        Path(__file__).parent.parent / "examples" / "02-pik3ca-mutated.json",
        policy="practice-2026",
    )
    option = plan.option("capivasertib+fulvestrant")
    assert option is not None
    assert {c.percent for c in option.cautions} >= {12.1}


def test_mcbs_grades_work_on_pack_trials() -> None:
    assert resistx.mcbs_grade(PACK.trial("INAVO120")).grade == 3
    wild = resistx.mcbs_grade(PACK.trial("VIKTORIA-1"), population="PIK3CA-wild-type")
    assert wild.hr == 0.24
    assert wild.grade is not None
    emerald = resistx.mcbs_grade(
        PACK.trial("EMERALD"), population="ESR1-mutated, prior CDK4/6i >=12 months"
    )
    assert emerald.hr == 0.41


# -- the loader ---------------------------------------------------------------------------------


def _fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_the_fixture_pack_builds() -> None:
    eb = build(_fixture(), "fixture")
    assert eb.version == "2026.11"
    assert "INAVO120" in eb
    assert len(eb.trial("EMERALD").hazard_ratios) == len(REVIEW.trial("EMERALD").hazard_ratios) + 1


def test_a_pack_built_on_the_reviews_records_equals_one_built_from_all_their_data() -> None:
    """The loader structures only what a pack adds or amends and keeps the review's other
    records as they are; the result is the evidence the whole data would give, and an
    unamended review trial is the review's own object."""
    from resistx import _data  # noqa: PLC0415
    from resistx.evidence._pack import PACKS, _built_whole  # noqa: PLC0415

    bundled_pack = json.loads(_data.read_text("resistx.evidence", *PACKS["2026.11"]))
    for data in (_fixture(), bundled_pack):
        built = build(copy.deepcopy(data), "pack")
        assert built == _built_whole(copy.deepcopy(data), "pack", REVIEW, None)
        amended = {a["trial"] for a in data.get("amendments", [])}
        kept = [t for t in REVIEW.trials if t.key not in amended]
        assert kept and all(built.trial(t.key) is t for t in kept)
        assert all(built.trial(k) != REVIEW.trial(k) for k in amended)


def _problems(data: dict[str, Any]) -> str:
    with pytest.raises(resistx.EvidenceError) as e:
        build(data, "fixture")
    return str(e.value)


def test_the_loader_names_each_problem() -> None:
    data = _fixture()
    data["extra"] = 1
    data["extends"] = "2023.1"
    data["amendments"].append({"trial": "NOT-A-TRIAL", "endpoints": []})
    said = _problems(data)
    assert "$.extra" in said
    assert "$.extends" in said
    assert "NOT-A-TRIAL" in said


def test_a_pack_trial_needs_a_citation_and_verified_figures() -> None:
    data = _fixture()
    trial = copy.deepcopy(data["trials"][0])
    del trial["citation"]
    trial["endpoints"][0]["verification"] = None
    data["trials"][0] = trial
    said = _problems(data)
    assert "primary citation" in said
    assert "verification" in said


def test_a_figure_an_amendment_adds_needs_its_verification_too() -> None:
    """An amended review trial is the pack's as well: a figure it adds without a verification
    level is refused, like one of the pack's own trials (the review's own figures need none)."""
    data = _fixture()
    amendment = next(a for a in data["amendments"] if a.get("hazard_ratios") or a.get("endpoints"))
    field = "hazard_ratios" if amendment.get("hazard_ratios") else "endpoints"
    amendment[field][0]["verification"] = None
    said = _problems(data)
    assert f"trial {amendment['trial']!r}" in said or amendment["trial"] in said
    assert "needs its verification" in said


def test_a_pack_may_name_later_regimens_but_no_unknown_one() -> None:
    data = _fixture()
    data["trials"][0]["arms"][0]["regimen"] = "made-up-regimen"
    said = _problems(data)
    assert "made-up-regimen" in said
    assert "$.trials[0].arms[0].regimen" in said
