"""Scenario tests for the findings of session 54's blind reviews (cases 2790 on) and the items
left by earlier rounds that this session took up, each seen failing before its fix, named after
the behaviour a clinician relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resistx.interop import from_fhir, from_phenopacket
from resistx.model.enums import RegimenKind
from tests.helpers import result, unread
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_1865 import _phenopacket
from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_interop_edges import bundle

EXAMPLES = Path(__file__).parent.parent / "examples"
PAM = ("PIK3CA", "AKT1", "PTEN")


def _diabetic(comorbidity: object, medications: list[str]) -> dict[str, Any]:
    """Worked example 03 (PIK3CA E545K after palbociclib + letrozole, diabetes) with
    ``comorbidity`` for its diabetes and ``medications``."""
    data: dict[str, Any] = json.loads((EXAMPLES / "03-pik3ca-mutated-diabetes.json").read_text())
    data["comorbidities"] = [comorbidity]
    data["medications"] = medications
    return data


def test_insulin_among_the_medications_beside_diabetes_without_insulin_is_refused() -> None:
    # the 2780 round's left item: 'insulin glargine' beside plain diabetes left capivasertib
    # preferred (CAPItello-291 excluded diabetes needing insulin), the insulin listed unread
    message = _refusal(_diabetic("diabetes", ["insulin glargine 20 units at night"]))
    assert "$.medications[0]: 'insulin glargine 20 units at night'" in message
    assert "comorbidities[0]" in message
    assert '"insulin": true' in message


def test_insulin_by_brand_beside_diabetes_recorded_without_insulin_is_refused() -> None:
    message = _refusal(_diabetic({"name": "diabetes", "insulin": False}, ["Lantus SoloStar"]))
    assert "$.medications[0]: 'Lantus SoloStar'" in message
    assert '"insulin": false' in message


def test_insulin_with_no_diabetes_on_record_is_refused() -> None:
    data = _diabetic("neuropathy", ["Humalog with meals"])
    message = _refusal(data)
    assert "$.medications[0]: 'Humalog with meals'" in message
    assert "no diabetes" in message


def test_insulin_beside_diabetes_needing_insulin_is_read_and_not_listed_unread() -> None:
    plan = _planned(
        _diabetic({"name": "diabetes", "insulin": True}, ["insulin glargine 20 units"]),
        "ye2024",
    )
    assert plan.options[0].regimen.id != "capivasertib+fulvestrant"
    assert not any("glargine" in n for n in unread(plan))


def test_an_insulin_stopped_is_not_read_as_taken_now() -> None:
    plan = _planned(_diabetic("diabetes", ["insulin stopped 2019, now on metformin"]), "ye2024")
    assert plan.options[0].regimen.id == "capivasertib+fulvestrant"
    assert any("insulin stopped" in n for n in plan.not_assessed)


def _requested(text: str, status: str = "active") -> dict[str, Any]:
    """Interop example 01 with one more MedicationRequest, of ``text``, since 2025-06-01."""
    data = bundle()
    data["entry"].append(
        {
            "fullUrl": "urn:uuid:request-2790",
            "resource": {
                "resourceType": "MedicationRequest",
                "id": "request-2790",
                "status": status,
                "intent": "order",
                "medicationCodeableConcept": {"text": text},
                "subject": {"reference": "Patient/patient-01"},
                "dosageInstruction": [
                    {"timing": {"repeat": {"boundsPeriod": {"start": "2025-06-01"}}}}
                ],
            },
        }
    )
    return data


def test_a_vitamin_k_antagonist_ordered_in_fhir_is_read_as_a_medication() -> None:
    # the final review's left item (2770-2789): warfarin in a MedicationRequest was left out as
    # no drug resistx knows, where as a MedicationStatement it is read (capecitabine raises
    # its INR, rule 132)
    conversion = from_fhir(_requested("Warfarin sodium 5 mg tablet"))
    assert conversion.profile.medications == ("Warfarin sodium 5 mg tablet",)


def test_a_medication_order_that_is_over_is_not_read_as_taken_now() -> None:
    # as case 2789 for a phenopacket: a completed clarithromycin order, or a warfarin order
    # whose doses ended, read as taken now made elacestrant or capecitabine carry an
    # interaction that no longer holds; an order still open is read
    completed = from_fhir(_requested("clarithromycin 500 mg", status="completed"))
    assert completed.profile.medications == ()
    assert any("clarithromycin" in str(s) for s in completed.unmapped)
    ended = _requested("Warfarin 5 mg")
    ended["entry"][-1]["resource"]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"][
        "end"
    ] = "2025-09-01"
    assert from_fhir(ended).profile.medications == ()
    assert from_fhir(_requested("clarithromycin 500 mg")).profile.medications == (
        "clarithromycin 500 mg",
    )


def test_a_phenopacket_vitamin_k_antagonist_whose_doses_ended_is_not_read() -> None:
    data = _phenopacket("03-pik3ca-esr1-diabetes")
    data["medicalActions"].append(
        {
            "treatment": {
                "agent": {"id": "RXNORM:0", "label": "warfarin 3 mg"},
                "doseIntervals": [
                    {"interval": {"start": "2019-01-01T00:00:00Z", "end": "2019-06-01T00:00:00Z"}}
                ],
            }
        }
    )
    assert "warfarin 3 mg" not in from_phenopacket(data).profile.medications
    data["medicalActions"][-1]["treatment"]["doseIntervals"][0]["interval"].pop("end")
    assert from_phenopacket(data).profile.medications[-1] == "warfarin 3 mg"


def _unrecorded_stop(stop: str, *later: dict[str, Any]) -> dict[str, Any]:
    """Case 2907: palbociclib + letrozole for 11 months in 2025, ended with ``stop`` ('' for a
    stop reason left out), then ``later``; nothing actionable on ctDNA at 8% tumour fraction."""
    draw = {"tested_on": "2025-12-10", "tumour_fraction": 0.08}
    first = _course(["palbociclib", "letrozole"], "2025-01-01", "2025-12-01", stop, line=1)
    if not stop:
        del first["stop_reason"]
    as_of = "2026-06-01" if later else "2025-12-20"
    if later:
        first["ended_on"], draw["tested_on"] = "2025-04-01", "2026-05-10"
    return _woman(
        as_of,
        [result(g, "not_detected", **draw) for g in ("ESR1", *PAM)],
        first,
        *later,
        her2="0",
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
@pytest.mark.parametrize("stop", ["unknown", "other", ""])
def test_a_cdk46i_course_ended_for_a_reason_not_recorded_is_not_read_as_progression_on_it(
    stop: str, policy: str
) -> None:
    """Case 2907g (MAJOR): the plan's own action said the options read the course as not
    ended by progression, yet the letrozole doublets were left out as 'Progressed on a CDK4/6
    inhibitor', a note said the course 'ended in progression', and chemotherapy came first."""
    plan = _planned(_unrecorded_stop(stop), policy)
    said = [r.text for e in plan.excluded for r in e.reasons] + list(plan.notes)
    assert not [t for t in said if "Progressed on a CDK4/6 inhibitor" in t]
    assert not [t for t in said if "ended in progression ran" in t]
    assert plan.options[0].regimen.id != "chemotherapy"
    assert "document_progression" in {a.code for a in plan.actions}


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_short_cdk46i_course_whose_end_is_unexplained_is_asked_not_read_as_short_resistance(
    policy: str,
) -> None:
    """Case 2907d (MAJOR): palbociclib stopped after 3 months, why not recorded, then 12.5
    months on exemestane + everolimus to progression: 'Only 3.0 months on the CDK4/6
    inhibitor' and chemotherapy first, with no question of why palbociclib stopped."""
    later = _course(["exemestane", "everolimus"], "2025-04-15", "2026-05-01", "progression")
    plan = _planned(_unrecorded_stop("", {**later, "line": 2}), policy)
    reasons = [r.text for o in plan.options for r in o.reasons]
    assert not [t for t in reasons if "Only 3.0 months on the CDK4/6 inhibitor" in t]
    asked = {a.code: a for a in plan.actions}
    assert "record_cdk46i_stop" in asked
    assert asked["record_cdk46i_stop"].before_choosing
    assert "palbociclib" in asked["record_cdk46i_stop"].text


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_an_undated_cdk46i_progression_is_bounded_by_the_next_lines_start(policy: str) -> None:
    """Case 2906b (MAJOR): palbociclib + letrozole from 2024-01-01 to a progression with no
    end date, capecitabine from 2024-04-01: the note read 'at most 29.0 months to the decision
    date' and elacestrant came first, though the next line's start bounds the course to 3
    months (with the end date, chemotherapy came first). The next line's start bounds it."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2026-05-10", variant="D538G"),
            *(result(g, "not_detected", tested_on="2026-05-10") for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-01", None, "progression", line=1),
        _course(["capecitabine"], "2024-04-01", "2026-04-20", "progression", line=2),
        her2="0",
    )
    plan = _planned(data, policy)
    assert not [n for n in plan.notes if "29.0 months" in n]
    reasons = [r.text for o in plan.options for r in o.reasons]
    assert [t for t in reasons if "at most 3.0 months on the CDK4/6 inhibitor" in t], reasons
    assert plan.options[0].regimen.id != "elacestrant"


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_pten_loss_by_ihc_gives_way_to_tissue_ngs_of_its_day(policy: str) -> None:
    """Case 2840 (MAJOR): PTEN loss by IHC and PTEN wild type by NGS of the same tissue, the
    same day: the plan asked before choosing to confirm the loss by NGS, and capivasertib
    waited on it, with the NGS already on record. The NGS governs (CAPItello-291 selected by
    it): no pathway target, and the note names both results."""
    tissue = {"sample": "tissue", "tested_on": "2026-05-20"}
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "not_detected", tested_on="2026-05-15", tumour_fraction=0.05),
            *(result(g, "wild_type", **tissue) for g in PAM),
            result("PTEN", "loss", assay="ihc", **tissue),
        ],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2026-05-10", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, policy)
    assert not [a for a in plan.actions if "PTEN" in a.genes]
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is None or not capivasertib.waits_on
    assert [n for n in plan.notes if "CAPItello-291 selected its population by NGS" in n]
    # an IHC loss with only a ctDNA NGS beside it still waits on tissue NGS
    data["biomarkers"][3] = result("PTEN", "not_detected", tested_on="2026-05-20")
    assert _planned(data, policy).option("capivasertib+fulvestrant").waits_on  # type: ignore[union-attr]


def _on_qt_drugs(*medications: str) -> dict[str, Any]:
    """Case 2799: 40 months of palbociclib + letrozole, nothing actionable on ctDNA at 8%
    tumour fraction, and ``medications``."""
    draw = {"tested_on": "2026-05-10", "tumour_fraction": 0.08}
    return _woman(
        "2026-06-01",
        [result(g, "not_detected", **draw) for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2026-05-01", "progression", line=1),
        her2="0",
        medications=list(medications),
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_ribociclib_does_not_lead_beside_drugs_known_to_prolong_the_qt_interval(
    policy: str,
) -> None:
    """Case 2799 (MAJOR): methadone, citalopram and ondansetron on record, each listed as not
    read, and ribociclib + fulvestrant first under practice-2026 with only the generic QT
    caution; its US label advises against drugs known to prolong the QT interval. It is a
    relative contraindication, its caution names the drug, and the plan asks before choosing
    whether the drug can be changed."""
    plan = _planned(_on_qt_drugs("methadone 40 mg daily", "Cipramil 40 mg"), policy)
    ribociclib = plan.option("ribociclib+fulvestrant")
    assert ribociclib is not None
    assert plan.options[0].regimen.id != "ribociclib+fulvestrant"
    assert [c for c in ribociclib.cautions if "Methadone" in c.text]
    without = [o for o in plan.options if "ribociclib" not in o.regimen.drugs]
    assert ribociclib.rank > max(o.rank for o in without if o.tier.value != "trial")
    asked = [a for a in plan.actions if a.code == "qt_drug_change"]
    assert asked and asked[0].before_choosing
    assert "citalopram" in asked[0].text
    assert not [n for n in unread(plan) if "methadone" in n or "Cipramil" in n]


def test_a_qt_drug_no_longer_taken_is_not_read() -> None:
    plan = _planned(_on_qt_drugs("citalopram stopped 2024"), "practice-2026")
    assert not [a for a in plan.actions if a.code == "qt_drug_change"]
    assert [n for n in plan.not_assessed if "citalopram" in n]


def _child_pugh_c(her2: str = "0", **kw: Any) -> dict[str, Any]:
    """Case 2811: Child-Pugh C cirrhosis (not from the metastases), ESR1 Y537S on ctDNA after
    32 months of palbociclib + letrozole, bone disease only."""
    draw = {"tested_on": "2026-05-10", "tumour_fraction": 0.08}
    return _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", variant="Y537S", **draw),
            *(result(g, "not_detected", **draw) for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2023-09-01", "2026-05-01", "progression", line=1),
        her2=her2,
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "C", "from_metastases": False}],
        **kw,
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_in_child_pugh_c_endocrine_monotherapy_comes_before_the_combinations(policy: str) -> None:
    """Case 2811 (MAJOR): in Child-Pugh C, ribociclib + fulvestrant (hepatotoxic, QT-
    prolonging, MAINTAIN's exploratory analysis finding no benefit with an ESR1 mutation) came
    first, above fulvestrant alone; case 2751d: the deruxtecan ADCs could lead. As at ECOG 3-4
    (rule 13), the least toxic come first: endocrine monotherapy, then the rest."""
    for data in (_child_pugh_c(), _child_pugh_c(her2="low")):
        plan = _planned(data, policy)
        first = plan.options[0]
        assert first.regimen.kind is RegimenKind.ENDOCRINE_MONOTHERAPY, first.regimen.id
        ribociclib = plan.option("ribociclib+fulvestrant")
        assert ribociclib is not None and ribociclib.rank > first.rank


def test_genetic_counselling_waits_on_two_germline_tests_that_disagree() -> None:
    """Case 2830c (MINOR): two germline BRCA1 tests that disagree: the plan asked to resolve
    them before choosing (rule 21), yet its counselling action asserted 'Germline BRCA1
    mutation: offer genetic counselling and testing of relatives'. It says the conflict comes
    first."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "not_detected", tested_on="2026-05-10"),
            *(result(g, "not_detected", tested_on="2026-05-10") for g in PAM),
            result("BRCA1", "mutated", origin="germline", sample="blood", tested_on="2021-03-01"),
            result("BRCA1", "wild_type", origin="germline", sample="blood", tested_on="2025-11-01"),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2026-05-01", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "ye2024")
    [counselling] = [a for a in plan.actions if a.code == "genetic_counselling"]
    assert "disagree" in counselling.text
    assert not counselling.text.startswith("Germline BRCA1 mutation: offer")


def test_a_her2_reread_for_an_approval_after_the_plans_date_comes_after_choosing() -> None:
    """Case 2831 (MINOR, practice-2026): a plan dated 2024-06-01 asked before choosing to
    reread HER2 0 as ultralow, citing trastuzumab deruxtecan's approval of 2025-01-27 'after
    this plan's date': a reading no approval yet acts on changes nothing chosen that day."""
    data = _woman(
        "2024-06-01",
        [result(g, "not_detected", tested_on="2024-05-10") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2024-05-01", "progression", line=1),
        her2="0",
    )
    [reread] = [
        a for a in _planned(data, "practice-2026").actions if a.code == "reread_her2_ultralow"
    ]
    assert "after this plan's date" in reread.text
    assert not reread.before_choosing


def test_an_ihc_2_plus_awaiting_its_ish_is_not_said_to_be_ultralow() -> None:
    """Case 2869 (MINOR, practice-2026): an IHC 2+ with its ISH pending: the action said
    'HER2-low or ultralow disease opens trastuzumab deruxtecan', though a 2+ is never
    ultralow: an ISH-negative 2+ is HER2-low."""
    data = _woman(
        "2026-06-01",
        [result(g, "not_detected", tested_on="2026-05-10") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2026-05-01", "progression", line=1),
        her2_tests=[
            {"score": "2+", "ish": "pending", "sample": "tissue", "tested_on": "2026-05-20"}
        ],
    )
    del data["her2"]  # the tests say it
    [ask] = [a for a in _planned(data, "practice-2026").actions if a.code == "test_her2_ultralow"]
    assert "ultralow disease opens" not in ask.text
    assert "an ISH-negative 2+, HER2-low disease, opens trastuzumab deruxtecan" in ask.text


def _her2_low_after_capecitabine() -> dict[str, Any]:
    """Case 2900: HER2-low after palbociclib + letrozole and capecitabine, each to
    progression; nothing actionable on ctDNA."""
    draw = {"tested_on": "2026-05-10", "tumour_fraction": 0.08}
    return _woman(
        "2026-06-01",
        [result(g, "not_detected", **draw) for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2024-06-01", "progression", line=1),
        _course(["capecitabine"], "2024-06-15", "2026-04-20", "progression", line=2),
        her2="low",
    )


def test_datopotamab_deruxtecan_comes_after_trastuzumab_deruxtecan_in_her2_low_disease() -> None:
    """Case 2900 (MINOR, practice-2026): HER2-low after one chemotherapy line: datopotamab
    deruxtecan was preferred beside trastuzumab deruxtecan, though TROPION-Breast01 showed no
    overall-survival benefit and DESTINY-Breast04 one for trastuzumab deruxtecan: at best an
    alternative to it, as chemotherapy is (rule 65)."""
    plan = _planned(_her2_low_after_capecitabine(), "practice-2026")
    assert plan.options[0].regimen.id == "trastuzumab-deruxtecan"
    dato = plan.option("datopotamab-deruxtecan")
    assert dato is not None and dato.tier.value == "alternative"
    assert [r for r in dato.reasons if r.code == "datopotamab_after_tdxd"]


def test_a_cdk46i_course_continued_by_the_next_is_not_asked_why_it_ended() -> None:
    """Case 2969b (the recheck of 2907d's fix): palbociclib recorded as three courses at each
    dose change, the first two 'unknown', the same drug resumed the same day: the plan read
    one exposure, yet rule 141 asked why palbociclib ended. A course the next continues is not
    asked (its control goes on: ``continuations``)."""
    courses = [
        _course(["letrozole"], "2022-01-01", "2025-02-10", "progression", line=1),
        _course(["palbociclib"], "2022-01-01", "2022-06-01", "unknown", line=1),
        _course(["palbociclib"], "2022-06-01", "2023-09-01", "unknown", line=1),
        _course(["palbociclib"], "2023-09-01", "2025-02-10", "progression", line=1),
    ]
    draw = {"tested_on": "2025-02-20"}
    data = _woman(
        "2025-03-01", [result(g, "not_detected", **draw) for g in ("ESR1", *PAM)], *courses
    )
    plan = _planned(data, "ye2024")
    assert not [a for a in plan.actions if a.code == "record_cdk46i_stop"]


def _adjuvant_abemaciclib(stop: str) -> dict[str, Any]:
    """Case 2923c: adjuvant abemaciclib + letrozole from 2023-01-10 to 2024-06-01, ended with
    ``stop`` ('' for a stop reason left out), relapse on 2024-09-15, nothing actionable."""
    course = {
        "drugs": ["abemaciclib", "letrozole"],
        "setting": "adjuvant",
        "started_on": "2023-01-10",
        "ended_on": "2024-06-01",
        "stop_reason": stop,
    }
    if not stop:
        del course["stop_reason"]
    return _woman(
        "2024-10-01",
        [
            result(g, "not_detected", sample="tissue", tested_on="2024-09-20")
            for g in ("ESR1", *PAM)
        ],
        course,
        her2="0",
        relapsed_on="2024-09-15",
    )


@pytest.mark.parametrize("stop", ["unknown", "other", ""])
def test_a_relapse_soon_after_an_adjuvant_cdk46i_ended_unexplained_reads_as_on_it(
    stop: str,
) -> None:
    """Case 2923c (MAJOR, a regression of 2907's fix): adjuvant abemaciclib ended 'unknown',
    relapse 3.5 months later: the CDK4/6-inhibitor fulvestrant doublets were preferred, 'not
    known to be resistant', where 'completed' read the relapse as on it (within 12 months)
    and chemotherapy came first. An unexplained end reads as the course's end, as completed."""
    completed = _planned(_adjuvant_abemaciclib("completed"), "ye2024")
    plan = _planned(_adjuvant_abemaciclib(stop), "ye2024")
    assert [o.regimen.id for o in plan.options][:3] == [o.regimen.id for o in completed.options][:3]
    assert plan.options[0].regimen.id == "chemotherapy"


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_nothing_is_preferred_while_a_cdk46i_courses_end_is_unexplained(policy: str) -> None:
    """Case 2923b (MAJOR, the recheck of 2907's fix): palbociclib + letrozole ended 'unknown'
    after 17 months, then capecitabine to progression: read as not progressed, six first-line
    regimens were preferred, palbociclib + letrozole again among them. Whether it progressed
    decides another CDK4/6 inhibitor: none is preferred until it is recorded (rule 146); as
    the latest course, nothing is; in a visceral crisis chemotherapy still comes first. The
    final recheck (2991a): a line progressed since places the rest, trastuzumab deruxtecan
    preferred in HER2-low disease."""
    later = _course(["capecitabine"], "2025-06-10", "2026-05-01", "progression", line=2)
    data = _unrecorded_stop("unknown", later)
    data["treatments"][0]["ended_on"] = "2025-06-01"
    plan = _planned(data, policy)
    preferred = [o for o in plan.options if o.tier.value == "preferred"]
    assert not [o for o in preferred if "cdk4/6" in (o.regimen.kind or "")]
    assert [r for o in plan.options for r in o.reasons if r.code == "cdk46i_stop_unrecorded_first"]
    low = _planned({**data, "her2": "low"}, policy)
    assert low.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert low.options[0].tier.value == "preferred"
    latest = _planned(_unrecorded_stop("unknown"), policy)  # the latest course (rule 50's)
    assert not [o for o in latest.options if o.tier.value == "preferred"]
    crisis = _planned({**data, "visceral_crisis": True}, policy)
    assert crisis.options[0].regimen.id == "chemotherapy"
    assert crisis.options[0].tier.value == "preferred"


def test_a_switch_of_cdk46i_after_an_unexplained_stop_is_asked() -> None:
    """The final recheck (2992f, MAJOR): palbociclib + letrozole ended 'unknown', then
    ribociclib + fulvestrant 17 days later: read as one line with nothing asked, though a
    switch of both drugs is the pattern after progression (MAINTAIN). Only the same CDK4/6
    inhibitor resumed spares the question."""
    first = _course(["palbociclib", "letrozole"], "2023-01-01", "2025-01-01", "unknown")
    switch = _course(["ribociclib", "fulvestrant"], "2025-01-18", "2026-03-15", "progression")
    draw = {"tested_on": "2026-03-20"}
    data = _woman(
        "2026-04-01", [result(g, "not_detected", **draw) for g in ("ESR1", *PAM)], first, switch
    )
    plan = _planned(data, "practice-2026")
    assert [a for a in plan.actions if a.code == "record_cdk46i_stop"]


def test_a_medication_order_running_past_the_records_latest_date_is_taken_now() -> None:
    """The recheck of the converters' fix (2921r, 2921o2, 2922a): an itraconazole order
    running to a date after the record's latest date was dropped as ended: elacestrant
    preferred with no CYP3A caution. A dose period that ends on or after the record's latest
    date is going on (an assumption the report states); one that ended before it is not."""
    data = _requested("itraconazole 200 mg")
    bounds = data["entry"][-1]["resource"]["dosageInstruction"][0]["timing"]["repeat"]
    bounds["boundsPeriod"]["end"] = "2027-01-01"
    conversion = from_fhir(data)
    assert conversion.profile.medications == ("itraconazole 200 mg",)
    assert any("on or after the record's latest date" in a.text for a in conversion.assumptions)


def test_the_converters_read_a_drug_known_to_prolong_the_qt_interval() -> None:
    """The recheck of rule 142 (2922i, 2921f): citalopram or Zofran in a phenopacket or a FHIR
    MedicationRequest was left out as 'not a drug resistx knows', and ribociclib came first."""
    assert from_fhir(_requested("Zofran 8 mg")).profile.medications == ("Zofran 8 mg",)
    data = _phenopacket("03-pik3ca-esr1-diabetes")
    data["medicalActions"].append(
        {"treatment": {"agent": {"id": "RXNORM:0", "label": "Citalopram"}}}
    )
    assert "Citalopram" in from_phenopacket(data).profile.medications


def test_a_qt_drug_beside_a_prolonged_qtc_asks_nothing_of_ribociclib() -> None:
    """The recheck of rule 143 (2917f): with a prolonged QTc, which leaves ribociclib out, the
    plan still asked to change citalopram 'before choosing ribociclib'."""
    data = _on_qt_drugs("citalopram 20 mg")
    data["comorbidities"] = ["qtc_prolonged"]
    plan = _planned(data, "practice-2026")
    assert plan.option("ribociclib+fulvestrant") is None
    assert not [a for a in plan.actions if a.code == "qt_drug_change"]


def test_a_cdk46i_course_ended_unexplained_is_not_said_to_have_ended_for_toxicity() -> None:
    """The recheck of 2907's fix (2910a): with the only CDK4/6-inhibitor course ended
    'unknown', the note said every one 'ended for toxicity, by choice or as planned'."""
    plan = _planned(_unrecorded_stop("unknown"), "ye2024")
    assert not [n for n in plan.notes if "ended for toxicity, by choice or as planned" in n]
    assert [n for n in plan.notes if "No CDK4/6-inhibitor course is recorded as ended by" in n]


def test_insulin_brands_are_read_and_an_insulin_sensitiser_is_not_insulin() -> None:
    """The recheck of the insulin check: Rezvoglar, Afrezza and Awiqli were not read as
    insulin, and 'pioglitazone (insulin sensitiser)' was refused as one."""
    from resistx.vocab.interactions import is_insulin  # noqa: PLC0415

    for name in ("Rezvoglar KwikPen", "Afrezza", "Awiqli 700 units/mL"):
        assert is_insulin(name), name
    for name in ("pioglitazone (insulin sensitiser)", "insulin sensitizer", "insulin resistance"):
        assert not is_insulin(name), name


@pytest.mark.parametrize(
    "entry", ["goserelin 10.8 mg every 12 weeks", "Zoladex 3.6 mg", "tamoxifen 20 mg", "Faslodex"]
)
def test_a_cancer_treatment_among_the_medications_is_refused_with_where_it_goes(entry: str) -> None:
    """The recheck (2918a, MAJOR): 'goserelin 10.8 mg every 12 weeks' under medications beside
    'postmenopausal' passed, listed as not assessed, where under treatments it is refused
    (cases 2502, 2571); tamoxifen or fulvestrant there passed silently. A treatment the plan
    reads is refused among the medications, pointing to treatments."""
    message = _refusal(_on_qt_drugs(entry))
    assert f"$.medications[0]: {entry!r}" in message
    assert "record it under treatments" in message


def test_a_drug_with_uses_outside_cancer_stays_a_medication() -> None:
    """Methotrexate for arthritis, megestrol for appetite: not refused, listed unread."""
    plan = _planned(_on_qt_drugs("methotrexate 15 mg weekly", "megestrol 160 mg"), "ye2024")
    assert len(plan.not_assessed) == 2


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_combination_with_fulvestrant_after_progression_on_it_is_not_preferred(
    policy: str,
) -> None:
    """The recheck (2911e, MAJOR): palbociclib stopped for neutropenia, then fulvestrant and
    capecitabine to progression, ESR1 D538G: abemaciclib + fulvestrant and ribociclib +
    fulvestrant were preferred, first and second, their own reason saying fulvestrant had
    progressed with no evidence for giving it again. A partner progressed on holds the
    combination at best an alternative."""
    data = _woman(
        "2026-04-20",
        [
            result("ESR1", "mutated", tested_on="2026-04-10", variant="D538G"),
            *(result(g, "not_detected", tested_on="2026-04-10") for g in PAM),
        ],
        _course(
            ["palbociclib", "letrozole"],
            "2022-01-10",
            "2024-02-01",
            "toxicity",
            line=1,
            toxicity="neutropenia",
        ),
        _course(["fulvestrant"], "2024-02-20", "2025-01-05", "progression", line=2),
        _course(["capecitabine"], "2025-01-20", "2026-03-25", "progression", line=3),
        her2="0",
    )
    plan = _planned(data, policy)
    for rid in ("abemaciclib+fulvestrant", "ribociclib+fulvestrant"):
        option = plan.option(rid)
        assert option is None or option.tier.value != "preferred", rid


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_tissue_pten_negative_does_not_close_pik3ca_negative_on_ctdna_only(policy: str) -> None:
    """The recheck (2915k3, MAJOR): PIK3CA and AKT1 not detected on ctDNA only (8% tumour
    fraction), PTEN not detected on tissue NGS: alpelisib was left out, 'the PI3K pathway
    tested', where without the PTEN result it waited on PIK3CA on tissue, as its label asks
    after a negative plasma test. PIK3CA's own ctDNA-only negative keeps it waiting."""
    draw = {"tested_on": "2026-05-10", "tumour_fraction": 0.08}
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "not_detected", **draw),
            result("PIK3CA", "not_detected", **draw),
            result("AKT1", "not_detected", **draw),
            result("PTEN", "not_detected", sample="tissue", tested_on="2026-05-12"),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2026-05-01", "progression", line=1),
        her2="0",
    )
    alpelisib = _planned(data, policy).option("alpelisib+fulvestrant")
    assert alpelisib is not None and "PIK3CA on tissue" in alpelisib.waits_on


def test_a_pik3ca_tissue_negative_stands_beside_akt1_on_ctdna_only() -> None:
    """The final recheck (3000e): PIK3CA and PTEN not detected on tissue, AKT1 on ctDNA only:
    the plan said alpelisib waited on 'PIK3CA on tissue', which is on record."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "not_detected", sample="tissue", tested_on="2026-05-12"),
            result("PIK3CA", "not_detected", sample="tissue", tested_on="2026-05-12"),
            result("PTEN", "not_detected", sample="tissue", tested_on="2026-05-12"),
            result("AKT1", "not_detected", tested_on="2026-05-10", tumour_fraction=0.05),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2026-05-01", "progression", line=1),
        her2="0",
    )
    alpelisib = _planned(data, "ye2024").option("alpelisib+fulvestrant")
    assert alpelisib is None or "PIK3CA on tissue" not in alpelisib.waits_on


@pytest.mark.parametrize("entry", ["gliclazide 80 mg twice daily", "Januvia 100 mg", "glimepiride"])
def test_a_drug_only_for_diabetes_with_no_diabetes_on_record_is_refused(entry: str) -> None:
    """The regression sweep (3032m, MAJOR): metformin and gliclazide among the medications,
    no diabetes recorded, a PIK3CA mutation: capivasertib and alpelisib preferred with no
    glucose flag, where with diabetes recorded alpelisib is a relative contraindication. A
    drug used only for diabetes, taken now, asks for the diabetes to be recorded."""
    data = _diabetic("neuropathy", [entry])
    message = _refusal(data)
    assert f"$.medications[0]: {entry!r}" in message
    assert '{"name": "diabetes"}' in message
    # metformin alone has other uses (prediabetes, polycystic ovaries): not refused
    assert _planned(_diabetic("neuropathy", ["metformin 500 mg"]), "ye2024").options
    # with the diabetes on record, accepted
    assert _planned(_diabetic("diabetes", [entry]), "ye2024").options
