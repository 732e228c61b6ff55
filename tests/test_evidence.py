"""The bundled evidence base: well formed, traceable, queryable, and loaded once."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

import resistx
from resistx.evidence import EvidenceBase
from resistx.model import DrugClass, EndpointKind, TrialStatus
from resistx.sequencing.policy import get
from resistx.vocab import regimens

EB = resistx.evidence()
TRIALS = EB.trials
IDS = [t.key for t in TRIALS]


def test_counts_of_what_the_review_reports() -> None:
    assert len(TRIALS) >= 45
    assert sum(len(t.endpoints) for t in TRIALS) >= 80
    assert sum(len(t.hazard_ratios) for t in TRIALS) >= 20
    assert sum(len(t.adverse_events) for t in TRIALS) >= 100
    assert len(EB.discrepancies) >= 30
    assert re.fullmatch(r"\d{4}\.\d+-\d+", EB.version)


def test_keys_and_names_are_unique() -> None:
    assert len(set(IDS)) == len(IDS)
    names = [
        n.casefold().replace(" ", "").replace("-", "") for t in TRIALS for n in (t.key, *t.aliases)
    ]
    assert len(set(names)) == len(names)
    ncts = [t.nct_id for t in TRIALS if t.nct_id]
    assert len(set(ncts)) == len(ncts)


@pytest.mark.parametrize("trial", TRIALS, ids=IDS)
def test_each_trial_is_well_formed_and_traceable(trial: resistx.Trial) -> None:
    assert trial.nct_id is None or re.fullmatch(r"NCT\d{8}", trial.nct_id)
    assert trial.source
    if not trial.references:  # the review cites nothing for a few registry-only rows
        assert any("cites no reference" in n for n in trial.notes)
    assert all(1 <= r <= 93 for r in trial.references)
    labels = {a.label for a in trial.arms}
    for e in trial.endpoints:
        assert e.arm in labels
        assert e.source
        if e.ci95:
            assert e.ci95[0] <= e.value <= e.ci95[1]
        if e.kind.is_median:
            assert 0 < e.value < 120
        else:
            assert 0 <= e.value <= 100
    for h in trial.hazard_ratios:
        assert {h.experimental, h.control} <= labels
        assert h.value > 0
        assert h.ci95 is None or h.ci95[0] <= h.value <= h.ci95[1]
        assert h.source
    for a in trial.adverse_events:
        assert a.arm in labels
        assert a.any_grade_percent is not None or a.grade3plus_percent is not None
        for pct in (a.any_grade_percent, a.grade3plus_percent):
            assert pct is None or 0 <= pct <= 100
    for arm in trial.arms:
        assert arm.regimen is None or arm.regimen in regimens.BY_ID
    if trial.status in (TrialStatus.ONGOING, TrialStatus.TERMINATED):
        assert not trial.endpoints and not trial.hazard_ratios


def test_every_regimen_id_is_supported_or_refuted_by_a_trial() -> None:
    # an arm that gave either of two regimens is linked to one; the other's record borrows it
    borrowed = {
        spec.id: s.arm_of
        for spec in get("ye2024").table(EB).regimens
        for s in spec.efficacy
        if s.arm_of is not None
    }
    assert borrowed == {"ribociclib+exemestane": "ribociclib+fulvestrant"}
    for regimen in regimens.REGIMENS:
        if regimen.id == "talazoparib":
            # the review names talazoparib only with ASTX727 (NCT04134884) and for gBRCA TNBC
            assert EB.by_drug("talazoparib")
            continue
        if regimen.id.endswith("+letrozole"):
            # the first-line trials' regimens (case 483): the review cites PALOMA-2,
            # MONALEESA-2 and MONARCH-3 as a group (refs 6-8), with no arms of their own
            [trial] = get("ye2024").regimens(EB)[regimen.id].key_trials
            assert any("Collective statement (refs 6-8" in n for n in EB.trial(trial).notes)
            continue
        assert EB.by_regimen(borrowed.get(regimen.id, regimen.id)), regimen.id


def test_every_discrepancy_names_a_trial_and_uses_one_reading() -> None:
    for d in EB.discrepancies:
        assert d.trial in IDS
        assert d.chosen in d.readings
        assert d.why


def test_the_known_contradictions_are_visible() -> None:
    fields = {(d.trial, d.field.split(":")[0]) for d in EB.discrepancies}
    for trial, field in [
        ("BYLieve", "endpoints"),
        ("PACE", "endpoints"),
        ("SOLAR-1", "phase"),
        ("TRINITI-1", "phase"),
        ("NCT03519178", "phase"),
        ("TROPiCS-02", "nct_id"),
        ("FAKTION", "name"),
        ("BioPER", "name"),
        ("acelERA", "name"),
        ("EMERALD", "arm drug name"),
        ("TBCRC 048", "size"),
    ]:
        assert (trial, field) in fields, (trial, field)


@pytest.mark.parametrize(
    ("key", "canonical"),
    [
        ("CAPItello-291", "CAPItello-291"),
        ("capitello291", "CAPItello-291"),
        ("capitello 291", "CAPItello-291"),
        ("NCT04305496", "CAPItello-291"),
        ("tropics-02", "TROPiCS-02"),
        ("FACTION", "FAKTION"),
        ("BioPAR", "BioPER"),
        ("tbcrc048", "TBCRC 048"),
        ("destiny breast04", "DESTINY-Breast04"),
    ],
)
def test_trial_lookup_by_name_or_nct_id(key: str, canonical: str) -> None:
    assert EB.trial(key).key == canonical


def test_unknown_trial_names_the_closest() -> None:
    with pytest.raises(KeyError, match="EMERALD"):
        EB.trial("EMERALDS")


def test_figures_exactly_as_printed() -> None:
    cap = EB.trial("CAPItello-291")
    itt = next(h for h in cap.hazard_ratios if h.population == "ITT")
    assert (itt.value, itt.ci95) == (0.6, (0.51, 0.71))
    akt = next(h for h in cap.hazard_ratios if h.population == "AKT-pathway-altered")
    assert (akt.value, akt.ci95) == (0.5, (0.38, 0.65))
    assert cap.prior_cdk46i_fraction == 0.69
    emerald = EB.trial("EMERALD")
    esr1 = next(h for h in emerald.hazard_ratios if h.population == "ESR1-mutated")
    assert (esr1.value, esr1.ci95, esr1.p_value) == (0.55, (0.39, 0.77), 0.0005)
    sg = EB.trial("TROPiCS-02")
    assert {(e.kind, e.value) for e in sg.endpoints} >= {
        (EndpointKind.PFS, 5.5),
        (EndpointKind.OS, 14.4),
    }
    alpelisib = EB.trial("SOLAR-1")
    hyper = next(a for a in alpelisib.adverse_events if a.term == "hyperglycemia")
    assert (hyper.any_grade_percent, hyper.grade3plus_percent) == (63.7, 36.6)
    tdxd = EB.trial("DESTINY-Breast04")
    ild = next(a for a in tdxd.adverse_events if a.term == "interstitial lung disease")
    assert ild.any_grade_percent == 12.1


def test_queries_by_drug_class_regimen_biomarker_and_setting() -> None:
    assert "CAPItello-291" in {t.key for t in EB.by_drug("Truqap")}
    assert {t.key for t in EB.by_class(DrugClass.ORAL_SERD)} >= {
        "EMERALD",
        "SERENA-2",
        "AMEERA-3",
        "acelERA",
    }
    assert {t.key for t in EB.by_class("adc_her2")} >= {"DESTINY-Breast04"}
    assert {t.key for t in EB.by_regimen("alpelisib+fulvestrant")} >= {"SOLAR-1", "BYLieve"}
    assert {t.key for t in EB.by_biomarker("ESR1")} >= {"EMERALD"}
    assert {t.key for t in EB.by_biomarker("PALB2")} >= {"TBCRC 048"}
    after = {t.key for t in EB.after_cdk46i()}
    assert {"EMERALD", "BYLieve", "CAPItello-291", "TROPiCS-02"} <= after
    assert "BOLERO-2" not in after and "PALOMA-2" not in after
    for query in (EB.by_class(DrugClass.CHEMOTHERAPY), EB.after_cdk46i()):
        keys = [t.key for t in query]
        assert keys == sorted(keys)


def test_bundled_evidence_is_cached() -> None:
    assert resistx.evidence() is resistx.evidence()


def test_from_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    path.write_text(resistx.to_json(EB))
    assert EvidenceBase.from_file(path) == EB


def test_from_file_shuffled_trials_is_the_same_knowledge(tmp_path: Path) -> None:
    data = resistx.to_dict(EB)
    random.Random(4).shuffle(data["trials"])
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(data))
    loaded = EvidenceBase.from_file(path)
    assert {t.key for t in loaded.trials} == set(IDS)
    assert loaded.trial("EMERALD") == EB.trial("EMERALD")


def test_a_malformed_evidence_file_names_file_record_and_field(tmp_path: Path) -> None:
    data = resistx.to_dict(EB)
    emerald = next(t for t in data["trials"] if t["key"] == "EMERALD")
    emerald["hazard_ratios"][0]["ci95"] = [0.9, 0.95]  # excludes its point estimate
    emerald["phase"] = 3
    data["discrepancies"][0]["trial"] = "NOPE"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(resistx.EvidenceError) as info:
        EvidenceBase.from_file(path)
    text = str(info.value)
    assert str(path) in text
    assert "(trial 'EMERALD')" in text
    assert "hazard_ratios[0].ci95" in text and "excludes its point estimate" in text
    assert ".phase" in text and "expected a string" in text


def test_cross_record_problems_are_reported(tmp_path: Path) -> None:
    data = resistx.to_dict(EB)
    data["discrepancies"][0]["trial"] = "NOPE"
    data["trials"][1]["key"] = data["trials"][0]["key"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(resistx.EvidenceError, match="no trial 'NOPE'") as info:
        EvidenceBase.from_file(path)
    assert "also names" in str(info.value)


def test_unreadable_evidence_file(tmp_path: Path) -> None:
    with pytest.raises(resistx.EvidenceError, match="cannot read"):
        EvidenceBase.from_file(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(resistx.EvidenceError, match="not valid JSON"):
        EvidenceBase.from_file(bad)


def test_every_comorbidity_risk_finds_its_adverse_event_in_the_regimens_trial() -> None:
    from resistx.sequencing.engine import memo_for  # noqa: PLC0415
    from resistx.sequencing.policies import YE2024  # noqa: PLC0415
    from resistx.sequencing.rules import adverse_events, comorbidity_risks  # noqa: PLC0415

    ctx, _ = memo_for(YE2024, EB)
    checked = 0
    for (_, drug), (_, term) in comorbidity_risks.COMORBIDITY_RISKS.items():
        for spec in ctx.regimens.values():
            if drug in spec.drugs and spec.ae_trial is not None:
                events = adverse_events.of_regimen(ctx, spec)[1]
                assert adverse_events.find(events, term) is not None, (spec.id, term)
                checked += 1
    assert checked >= 12
