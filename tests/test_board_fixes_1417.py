"""Scenario tests for the findings of the blind reviews from case 1417 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: rechecks of session 46's fixes
(1417-1421), ordinary cases (1422-1426), records as a clinic keeps them (1427-1431), the
conjugates in sequence (1432-1436) and first lines after adjuvant CDK4/6 inhibitors (1437-1441)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

_PAM = ("PIK3CA", "AKT1", "PTEN")
POLICIES = ("ye2024", "practice-2026")


def _codes(plan: resistx.Plan) -> dict[str, resistx.Action]:
    return {a.code: a for a in plan.actions}


def _fulvestrant_ended(**how: Any) -> dict[str, Any]:
    """Case 1429: palbociclib + letrozole for 28 months to progression, then fulvestrant for 18
    months, ended 2026-11-03 for a reason the record gives as ``how`` (or does not give); a
    PIK3CA mutation in ctDNA now, ESR1 negative."""
    fulvestrant = {
        "drugs": ["fulvestrant"],
        "started_on": "2025-05-26",
        "ended_on": "2026-11-03",
        "line": 2,
        **how,
    }
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-18", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-11-18") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-05-20", "progression", line=1),
        fulvestrant,
        her2="0",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_course_whose_stop_reason_is_unknown_is_taken_and_asks_how_it_ended(
    policy: str,
) -> None:
    """Case 1429 (MAJOR): an EHR export gives fulvestrant's stop reason as unknown; 'unknown'
    was refused, and the same course with no stop reason was read, silently, as not ended by
    progression. 'unknown' is now a stop reason: the course is not read as progressed, and
    the plan asks, before choosing, whether it was, as it does for 'other'."""
    plan = _planned(_fulvestrant_ended(stop_reason="unknown"), policy)
    action = _codes(plan)["document_progression"]
    assert action.before_choosing
    assert "fulvestrant ended (its stop reason not recorded)" in action.text


@pytest.mark.parametrize("policy", POLICIES)
def test_an_ended_latest_course_with_no_stop_reason_asks_how_it_ended(policy: str) -> None:
    """Case 1429 (MAJOR), the clinic's fallback: the stop reason left out of an ended course.
    The plan read it as not ended by progression with no word; it now asks, as for unknown."""
    plan = _planned(_fulvestrant_ended(), policy)
    action = _codes(plan)["document_progression"]
    assert action.before_choosing
    assert "its stop reason not recorded" in action.text


def test_a_course_ended_by_progression_asks_nothing_of_its_stop_reason() -> None:
    """The other side of case 1429: progression recorded, nothing asked."""
    plan = _planned(_fulvestrant_ended(stop_reason="progression"))
    assert "document_progression" not in _codes(plan)


def _transferred_months_only(tested_on: str = "2026-11-29") -> dict[str, Any]:
    """Case 1428b: a transferred patient whose first line, ribociclib + anastrozole, is given as
    26 months to progression, with no dates; ESR1 and the PI3K pathway not detected in a ctDNA
    draw the day before the plan (tumour fraction 6%)."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on=tested_on) for g in ("ESR1", *_PAM)],
        {
            "drugs": ["ribociclib", "anastrozole"],
            "line": 1,
            "months": 26,
            "stop_reason": "progression",
        },
        her2="0",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_progression_with_no_date_asks_for_its_date_before_a_retest(policy: str) -> None:
    """Case 1428b (MAJOR): a course to progression given in months only leaves every test
    unplaced (case 1030), and the plan asked to test 'at this time point' though the tests were
    a day old: no retest could satisfy it. It now asks, before choosing, for the course's end
    date, naming the tests it leaves unplaced; the retest says what it is after."""
    plan = _planned(_transferred_months_only(), policy)
    actions = _codes(plan)
    date = actions["date_progression"]
    assert date.before_choosing
    assert "ribociclib + anastrozole" in date.text
    assert "ended_on" in date.text
    assert "2026-11-29" in date.text
    assert "at this time point" not in actions["retest"].text
    assert "its date not recorded" in actions["retest"].text


def test_a_dated_progression_asks_for_no_date() -> None:
    """The other side of case 1428b: with the course dated and the tests after it, nothing
    asks for a date, and no retest."""
    data = _transferred_months_only()
    data["treatments"][0] |= {"started_on": "2024-09-01", "ended_on": "2026-11-10"}
    del data["treatments"][0]["months"]
    actions = _codes(_planned(data))
    assert "date_progression" not in actions
    assert "retest" not in actions


def _her2_scored_before_first_line(**test: Any) -> dict[str, Any]:
    """Case 1425: HER2 0 scored 17 days before first-line palbociclib + letrozole (in practice
    the biopsy that diagnosed the metastatic disease), then elacestrant; ESR1 and AKT1 mutated."""
    return _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-10-20", variant="D538G"),
            result("AKT1", "mutated", tested_on="2026-10-20", variant="E17K"),
            *(result(g, "not_detected", tested_on="2026-10-20") for g in ("PIK3CA", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2025-02-01", "2026-05-01", "progression", line=1),
        _course(["elacestrant"], "2026-05-10", "2026-10-15", "progression", line=2),
        her2_tests=[{"score": "0", "sample": "tissue", "tested_on": "2025-01-15", **test}],
    )


def _reread(data: dict[str, Any]) -> str:
    [asked] = [
        a for a in _planned(data, "practice-2026").actions if a.code == "reread_her2_ultralow"
    ]
    return asked.text


def test_a_her2_sample_taken_before_the_first_line_is_not_called_pre_metastatic() -> None:
    """Case 1425 (MINOR, three reviewers: 1421, 1425, 1437): a HER2 sample dated before the
    first line for metastatic disease was called 'a sample taken before the metastatic disease',
    though it is often the biopsy of a metastasis. The plan now says what it knows (the date,
    the site not recorded) and how to say which it was."""
    text = _reread(_her2_scored_before_first_line())
    assert "before the metastatic disease" not in text
    assert "last scored on 2025-01-15, before the first treatment for metastatic disease" in text
    assert "record its site (metastasis)" in text


def test_a_her2_score_from_a_metastasis_asks_for_no_other_biopsy() -> None:
    """Case 1425 with the sample's site recorded as a metastasis: no new biopsy is asked."""
    text = _reread(_her2_scored_before_first_line(site="metastasis"))
    assert "biopsy of a metastasis" not in text


def test_her2_known_only_from_the_primary_tumour_says_so_whatever_its_date() -> None:
    """Every HER2 score from the primary tumour (here re-read after the first line): a current
    metastasis is asked for (case 1409's fix, now read from the site too)."""
    text = _reread(_her2_scored_before_first_line(site="primary", tested_on="2025-06-01"))
    assert "known only from the primary tumour" in text
    assert "current biopsy of a metastasis" in text


@pytest.mark.parametrize("policy", POLICIES)
def test_an_ultralow_score_after_chemotherapy_is_not_asked_to_be_confirmed_as_zero(
    policy: str,
) -> None:
    """Case 1436 (MINOR): HER2-ultralow on a biopsy two weeks old, after one line of
    capecitabine: 'confirm the IHC 0' read as a request to confirm HER2 0, which would leave
    trastuzumab deruxtecan out. It asks whether the score could read HER2-low on review."""
    data = _woman(
        "2026-11-30",
        [
            result(g, "not_detected", tested_on="2026-11-10", sample="tissue")
            for g in ("ESR1", *_PAM)
        ],
        _course(["ribociclib", "anastrozole"], "2023-06-01", "2025-04-01", "progression", line=1),
        _course(["capecitabine"], "2025-04-15", "2026-11-01", "progression", line=2),
        her2="ultralow",
        her2_tests=[{"score": "ultralow", "sample": "tissue", "tested_on": "2026-11-14"}],
    )
    action = _codes(_planned(data, policy))["confirm_her2_zero"]
    assert "confirm the IHC 0" not in action.text
    assert "could read HER2-low on review" in action.text


def test_leptomeningeal_disease_does_not_put_its_chemotherapy_in_the_reviews_mouth() -> None:
    """Case 1417 (MINOR): the action said the review gives chemotherapy for life-threatening
    disease; the review only keeps CDK4/6i + ET for disease without it (its 'Continuation'
    section). The action names practice guidelines."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2023-06-01", "2026-11-01", "progression", line=1),
        metastatic_sites=["leptomeningeal"],
    )
    action = _codes(_planned(data))["leptomeningeal_life_threatening"]
    assert "the review gives chemotherapy" not in action.text
    assert "practice guidelines give chemotherapy first" in action.text


def _dose_reduced(**first: Any) -> dict[str, Any]:
    """Case 1453: ribociclib + letrozole recorded as two courses a day apart (a dose
    reduction), the first ended with ``first`` for its stop reason, the second to progression
    after 33 months in all; a PIK3CA mutation on tissue."""
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-05", sample="tissue", variant="H1047R"),
            *(
                result(g, "not_detected", tested_on="2026-11-05", sample="tissue")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        {
            "drugs": ["ribociclib", "letrozole"],
            "started_on": "2023-11-01",
            "ended_on": "2024-03-01",
            "line": 1,
            **first,
        },
        _course(["ribociclib", "letrozole"], "2024-03-02", "2026-08-01", "progression", line=1),
    )


def test_an_ended_course_with_no_stop_reason_is_read_as_unknown_in_its_line_too() -> None:
    """Case 1453 (MAJOR, the recheck of 1429's fix): a course ended with its stop reason left
    out was read as unknown by rule 50 only; a dose reduction recorded so split one line in
    two (abemaciclib + fulvestrant 'another line', outside postMONARCH). It is read as
    unknown wherever a stop reason is read: the plan equals the plan with 'unknown'."""
    unknown = _planned(_dose_reduced(stop_reason="unknown"), "practice-2026")
    left_out = _planned(_dose_reduced(), "practice-2026")
    assert [(o.regimen.id, o.tier) for o in left_out.options] == [
        (o.regimen.id, o.tier) for o in unknown.options
    ]
    assert left_out.notes == unknown.notes


@pytest.mark.parametrize("policy", POLICIES)
def test_an_indeterminate_or_uninformative_brca_result_is_asked_again(policy: str) -> None:
    """Case 1454 (MAJOR): a ctDNA draw at a tumour fraction of 0.6% with BRCA2 indeterminate and
    BRCA1 not detected (too little tumour DNA to read as a negative): the BRCA test asked for
    PALB2 only, while the PARP inhibitors waited on BRCA1/2. A gene whose only result is
    indeterminate or uninformative is untested: the action asks for it."""
    draw = {"tested_on": "2026-11-05", "tumour_fraction": 0.006}
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", variant="E545K", **draw),
            result("BRCA2", "indeterminate", **draw),
            result("BRCA1", "not_detected", **draw),
            *(
                result(g, "not_detected", tested_on="2026-11-05", sample="tissue")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(["abemaciclib", "fulvestrant"], "2022-01-10", "2026-10-01", "progression", line=1),
    )
    plan = _planned(data, policy)
    asked = {g for a in plan.actions if a.code == "test_hrd_genes" for g in a.genes}
    assert {"BRCA1", "BRCA2", "PALB2"} <= asked, plan.actions


def test_a_progression_found_soon_after_fulvestrant_is_not_said_to_be_off_it() -> None:
    """Case 1442 (MAJOR): fulvestrant ended 46 days before the plan, stop reason unknown; the
    action said a progression found now 'is not progression on' it, though fulvestrant acts for
    months after its last injection: a clinician following it would offer a drug the disease
    progressed on. Progression while its drugs still acted is progression on it."""
    data = _fulvestrant_ended(stop_reason="unknown")
    data["treatments"][1]["ended_on"] = "2026-10-15"
    action = _codes(_planned(data))["document_progression"]
    assert "first restaging after stopping" in action.text
    assert "fulvestrant also acts for months after its last injection" in action.text
    assert "after it ended, is not progression on" not in action.text


def _relapse_after_undated_adjuvant(**dated: Any) -> dict[str, Any]:
    """Case 1455 (its variant): adjuvant letrozole with abemaciclib recorded as completed with no
    dates, relapse now, nothing given for metastatic disease; nothing actionable."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        {
            "drugs": ["abemaciclib", "letrozole"],
            "setting": "adjuvant",
            "stop_reason": "completed",
            **dated,
        },
        her2="0",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_an_undated_adjuvant_aromatase_inhibitor_keeps_its_first_line_combinations_from_being_preferred(
    policy: str,
) -> None:
    """Case 1455 (MAJOR): adjuvant letrozole with abemaciclib recorded without dates, relapse
    now: abemaciclib + letrozole was preferred first, on 'no relapse within 12 months' of an
    aromatase inhibitor, which the record cannot show. A relapse that soon is aromatase-inhibitor
    resistance, outside the first-line trials. Until the course's end date is recorded (asked
    before choosing), a CDK4/6 inhibitor with an aromatase inhibitor is at best an alternative;
    with the course dated years before the relapse it is preferred as before."""
    plan = _planned(_relapse_after_undated_adjuvant(), policy)
    ask = _codes(plan)["date_adjuvant_endocrine"]
    assert ask.before_choosing and "abemaciclib + letrozole" in ask.text and "ended_on" in ask.text
    with_ai = [
        o for o in plan.options if "letrozole" in o.regimen.drugs and len(o.regimen.drugs) == 2
    ]
    assert with_ai and all(o.tier is not resistx.Tier.PREFERRED for o in with_ai)
    dated = _planned(
        _relapse_after_undated_adjuvant(started_on="2019-01-10", ended_on="2021-01-10"), policy
    )
    assert "date_adjuvant_endocrine" not in _codes(dated)
    assert dated.options[0].regimen.id in {
        "abemaciclib+letrozole",
        "ribociclib+letrozole",
        "palbociclib+letrozole",
    }


def test_a_pathway_target_does_not_put_chemotherapy_before_the_other_endocrine_lines() -> None:
    """Case 1450 (MINOR, borderline MAJOR; practice-2026): 26 months of first-line palbociclib +
    fulvestrant, a PTEN loss by tissue NGS. Capivasertib came first (at best an alternative after
    fulvestrant), then chemotherapy, 'no rule moved it', above everolimus + exemestane; with
    PTEN not detected everolimus + exemestane led chemotherapy. A target found does not end the
    disease's endocrine sensitivity: chemotherapy still steps back behind the endocrine lines."""
    data = _woman(
        "2026-11-30",
        [
            result("PTEN", "loss", tested_on="2026-11-02", sample="tissue"),
            *(
                result(g, "not_detected", tested_on="2026-11-02", sample="tissue")
                for g in ("ESR1", "PIK3CA", "AKT1")
            ),
        ],
        {
            "drugs": ["anastrozole"],
            "setting": "adjuvant",
            "started_on": "2021-06-01",
            "ended_on": "2024-07-20",
            "stop_reason": "progression",
        },
        _course(["palbociclib", "fulvestrant"], "2024-08-10", "2026-10-12", "progression", line=1),
    )
    plan = _planned(data, "practice-2026")
    ids = [o.regimen.id for o in plan.options]
    assert ids[0] == "capivasertib+fulvestrant"
    assert ids.index("everolimus+exemestane") < ids.index("chemotherapy")
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert "endocrine_sensitive_chemotherapy_later" in {r.code for r in chemo.reasons}


@pytest.mark.parametrize("policy", POLICIES)
def test_an_esr1_negative_before_a_long_endocrine_course_with_no_progression_is_asked_again(
    policy: str,
) -> None:
    """Case 1442 (MAJOR): ESR1 not detected in March 2025, then 18 months of capivasertib +
    fulvestrant ended for a reason not recorded: the oral SERDs were left out on 'ESR1 not
    mutated on a current test', and no ESR1 test was asked, though ESR1 mutations are acquired
    under endocrine therapy. As for a course going on (rule 53), a negative taken more than 60
    days before the end of the latest endocrine course is not current: ESR1 is asked again."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2025-03-20", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2025-03-20") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-03-10", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2025-04-01", "2026-10-15", "unknown", line=2),
        her2="low",
    )
    plan = _planned(data, policy)
    assert "ESR1" in {g for a in plan.actions if a.code == "retest" for g in a.genes}
    assert not any("current test" in r.text for e in plan.excluded for r in e.reasons)


def test_an_undated_adjuvant_endocrine_therapy_makes_inavolisib_wait_not_leave() -> None:
    """Case 1457 (MAJOR, practice-2026): adjuvant abemaciclib + letrozole, then letrozole alone,
    completed with no dates, a PIK3CA mutation, first relapse: the inavolisib triplet was left
    out, 'not this patient', though whether the relapse came within 12 months of the letrozole
    is not known (dated so, it is first). Its place now waits on that date, which rule 123
    asks for, naming INAVO120."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-10", sample="tissue", variant="H1047R"),
            *(
                result(g, "not_detected", tested_on="2026-11-10", sample="tissue")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        {"drugs": ["abemaciclib", "letrozole"], "setting": "adjuvant", "stop_reason": "completed"},
        {"drugs": ["letrozole"], "setting": "adjuvant", "stop_reason": "completed"},
    )
    plan = _planned(data, "practice-2026")
    triplet = plan.option("inavolisib+palbociclib+fulvestrant")
    assert triplet is not None, "left out"
    assert triplet.waits_on and triplet.tier is not resistx.Tier.PREFERRED
    assert "INAVO120" in _codes(plan)["date_adjuvant_endocrine"].text


def test_a_progression_at_the_first_restaging_after_an_oral_drug_is_read_as_progression_on_it() -> (
    None
):
    """Case 1460 (MAJOR, the recheck of 1442's fix): elacestrant ended 5 weeks ago, stop reason
    unknown; the action said a progression found now is progression on it only 'if its drugs
    were still acting', which an oral drug clearing in days is not: elacestrant stayed
    preferred. The action asks what the last assessment on it showed, and reads a progression at
    the first restaging after stopping as progression on it."""
    data = _woman(
        "2026-11-30",
        [result("ESR1", "mutated", tested_on="2025-06-10", variant="D538G")],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-06-01", "progression", line=1),
        _course(["elacestrant"], "2025-06-20", "2026-10-26", "unknown", line=2),
    )
    action = _codes(_planned(data))["document_progression"]
    assert "first restaging after stopping" in action.text
    assert "only if its drugs were still acting" not in action.text


def test_type_2_diabetes_as_a_problem_list_words_it_is_read_with_its_values() -> None:
    """Case 1464 (MINOR): 'diabetes mellitus type 2' with insulin and an HbA1c was refused,
    with advice to write what was written; 'type 2 diabetes' was read. Both are read."""
    kept = {"insulin": True, "hba1c": 7.4}
    for name in ("diabetes mellitus type 2", "type 2 diabetes", "Diabetes type 2"):
        p = resistx.load_profile(_woman("2026-11-30", [], comorbidities=[{"name": name, **kept}]))
        [c] = p.comorbidities
        assert (str(c.name), c.insulin, c.hba1c) == ("diabetes", True, 7.4), name


@pytest.mark.parametrize("stop", ["unknown", "patient_choice", "toxicity"])
def test_an_endocrine_line_ended_without_progression_does_not_count_for_destiny_breast06(
    stop: str,
) -> None:
    """Case 1473 (MAJOR, practice-2026): ribociclib + anastrozole to progression, then 17 months
    of capivasertib + fulvestrant ended for a reason not recorded: trastuzumab deruxtecan came
    first as 'DESTINY-Breast06's population (2 or more endocrine lines)', though the plan read
    the second line as not ended by progression and asked whether it was; stopped for toxicity
    the same patient was outside the entry. A line counts for the entry once it progressed,
    whatever else ended it."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2025-05-02", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2025-05-02") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["ribociclib", "anastrozole"], "2023-03-01", "2025-04-20", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2025-05-10", "2026-10-12", stop, line=2),
        her2="low",
    )
    if stop == "toxicity":
        data["treatments"][1]["toxicity"] = "rash"
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id != "trastuzumab-deruxtecan"
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is None or not any("DESTINY-Breast06's population" in r.text for r in tdxd.reasons)


def test_a_course_ended_for_a_reason_not_recorded_asks_why_it_ended() -> None:
    """Case 1473 (MAJOR, wording): capivasertib + fulvestrant stopped seven weeks ago, stop
    reason unknown: the plan asked only whether the disease progressed, though a stop for
    toxicity (rash) places the options differently again. It asks why the course ended, with
    the adverse event; and fulvestrant's months of action are named only where it was given."""
    data = _fulvestrant_ended(stop_reason="unknown")
    data["treatments"][1]["drugs"] = ["capivasertib", "fulvestrant"]
    action = _codes(_planned(data))["document_progression"]
    assert "Record why it ended: progression, toxicity (with the adverse event" in action.text
    assert "fulvestrant also acts for months" in action.text
    data["treatments"][1]["drugs"] = ["elacestrant"]
    action = _codes(_planned(data))["document_progression"]
    assert "fulvestrant also acts for months" not in action.text


def _growing_liver(**kw: Any) -> dict[str, Any]:
    """Case 1481: growing liver metastases with hepatic impairment (Child-Pugh A) and no crisis
    recorded, after 14 months of first-line ribociclib + letrozole; nothing actionable on ctDNA
    at 12%; HER2-low (2+, ISH negative), no chemotherapy yet."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2025-08-01", "2026-10-05", "progression", line=1),
        her2="low",
        metastatic_sites=["bone", "liver"],
        **kw,
    )


def test_liver_metastases_with_hepatic_impairment_are_not_read_as_endocrine_sensitive() -> None:
    """Case 1481 (MAJOR, practice-2026; known as 1200 for the sites alone): growing liver
    metastases with hepatic impairment on record, no crisis: rule 32 read 'endocrine-sensitive
    disease' and put fulvestrant alone above trastuzumab deruxtecan and chemotherapy. Liver
    dysfunction beside liver metastases sets that reading aside, and the plan asks before
    choosing whether it is impending organ dysfunction (a visceral crisis); without the
    impairment the reading holds."""
    plan = _planned(
        _growing_liver(comorbidities=[{"name": "hepatic_impairment", "child_pugh": "A"}]),
        "practice-2026",
    )
    assert plan.options[0].regimen.id in {"trastuzumab-deruxtecan", "chemotherapy"}
    assert not any(
        r.code.startswith("endocrine_sensitive") for o in plan.options for r in o.reasons
    )
    ask = _codes(plan)["liver_organ_dysfunction"]
    assert ask.before_choosing and "visceral_crisis" in ask.text
    sensitive = _planned(_growing_liver(), "practice-2026")
    assert "liver_organ_dysfunction" not in _codes(sensitive)
    assert any(
        r.code.startswith("endocrine_sensitive") for o in sensitive.options for r in o.reasons
    )


def test_hypertension_is_not_steered_to_uncontrolled_hypertension() -> None:
    """Case 1476 (MINOR): 'Hypertension' was refused with 'did you mean
    uncontrolled_hypertension?', which adds a caution to capivasertib for controlled blood
    pressure. The message says where controlled hypertension goes."""
    with pytest.raises(resistx.ProfileError) as e:
        resistx.load_profile(_woman("2026-11-30", [], comorbidities=["Hypertension"]))
    assert "controlled hypertension goes in other_conditions" in str(e.value)


def _fulvestrant_stopped_for_toxicity(**stop: Any) -> dict[str, Any]:
    """Case 1490b: first-line palbociclib + letrozole to progression, then 17.5 months of
    fulvestrant stopped for toxicity; ESR1 and the PI3K pathway negative; HER2-low."""
    return _woman(
        "2026-11-30",
        [
            result(g, "not_detected", tested_on="2026-10-01", sample="tissue")
            for g in ("ESR1", *_PAM)
        ],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-03-10", "progression", line=1),
        _course(["fulvestrant"], "2025-03-30", "2026-09-15", "toxicity", line=2, **stop),
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_drug_stopped_for_an_unrecorded_adverse_event_is_not_offered_again_first(
    policy: str,
) -> None:
    """Case 1490b (MAJOR): fulvestrant stopped for toxicity, the event not recordable (an
    injection-site reaction was refused) and so left out: rule 61 said nothing, and abemaciclib +
    fulvestrant came first with no caution. A drug stopped for toxicity steps back whether or
    not the event is named, and the plan asks which event it was; an injection-site reaction
    can be recorded."""
    plan = _planned(_fulvestrant_stopped_for_toxicity(), policy)
    assert "fulvestrant" not in plan.options[0].regimen.drugs
    again = [o for o in plan.options if "fulvestrant" in o.regimen.drugs]
    assert all(any(c.code == "stopped_for_toxicity_before" for c in o.cautions) for o in again), (
        again
    )
    assert "fulvestrant" in _codes(plan)["record_stopping_toxicity"].text
    named = _planned(_fulvestrant_stopped_for_toxicity(toxicity="injection site reaction"), policy)
    assert "record_stopping_toxicity" not in _codes(named)


@pytest.mark.parametrize("policy", POLICIES)
def test_an_injection_site_reaction_does_not_set_fulvestrant_back(policy: str) -> None:
    """Case 1498 (MAJOR): fulvestrant stopped after 6 weeks for an injection-site reaction, a
    PIK3CA mutation: every fulvestrant regimen, capivasertib's among them, was 'at best a later
    option', nothing preferred. The reaction is managed by injection technique; its label does
    not stop the drug for it: a caution, and capivasertib + fulvestrant preferred."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["abemaciclib", "letrozole"], "2023-09-01", "2026-07-01", "progression", line=1),
        _course(
            ["fulvestrant"],
            "2026-07-10",
            "2026-08-21",
            "toxicity",
            line=2,
            toxicity="injection site reaction",
        ),
    )
    plan = _planned(data, policy)
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is not None and capivasertib.tier is resistx.Tier.PREFERRED
    assert any("injection technique" in c.text for c in capivasertib.cautions)


def test_a_ctdna_only_pik3ca_negative_makes_inavolisib_wait_on_tissue() -> None:
    """Case 1501 (MAJOR, practice-2026): relapse after undated adjuvant letrozole, PIK3CA not
    detected on ctDNA only: inavolisib was left out, 'no PIK3CA mutation on record', while
    alpelisib and capivasertib waited on tissue. It waits on tissue too."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM),
        ],
        {
            "drugs": ["letrozole"],
            "setting": "adjuvant",
            "started_on": "2019-11-01",
            "stop_reason": "unknown",
        },
    )
    plan = _planned(data, "practice-2026")
    triplet = plan.option("inavolisib+palbociclib+fulvestrant")
    assert triplet is not None, "left out on a ctDNA negative"
    assert triplet.waits_on
    assert "PIK3CA on tissue" in triplet.waits_on


@pytest.mark.parametrize("policy", POLICIES)
def test_trastuzumab_deruxtecan_stopped_for_an_unrecorded_event_asks_it_before_choosing(
    policy: str,
) -> None:
    """Case 1497 (MAJOR): trastuzumab deruxtecan stopped for an adverse event not recorded, then
    eribulin: the question of the event came after the options, though an interstitial lung
    disease of grade 2 or worse stops it for good and datopotamab deruxtecan shares its
    payload. It comes before choosing and says so."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["palbociclib", "letrozole"], "2022-01-10", "2023-12-01", "progression", line=1),
        _course(["capecitabine"], "2023-12-10", "2025-03-01", "progression", line=2),
        _course(["trastuzumab deruxtecan"], "2025-03-10", "2025-07-10", "toxicity", line=3),
        _course(["eribulin"], "2025-07-20", "2026-11-01", "progression", line=4),
        her2="low",
    )
    ask = _codes(_planned(data, policy))["record_stopping_toxicity"]
    assert ask.before_choosing
    assert "interstitial lung disease" in ask.text


def test_prediabetes_is_not_steered_to_diabetes() -> None:
    """Case 1519 (MINOR): 'prediabetes' was refused with 'did you mean diabetes?', which records
    a diagnosis the patient does not have and leaves alpelisib out. The message says it is not
    diabetes and where it goes."""
    with pytest.raises(resistx.ProfileError) as e:
        resistx.load_profile(_woman("2026-11-30", [], comorbidities=["prediabetes"]))
    assert "did you mean diabetes?" not in str(e.value)
    assert "did you mean other_conditions (it is not diabetes" in str(e.value)


def test_a_line_stopped_by_choice_after_long_control_leaves_the_disease_endocrine_sensitive() -> (
    None
):
    """Case 1516 (MAJOR, practice-2026): 14 months of palbociclib + letrozole, then 29.5 months of
    fulvestrant with the disease controlled, stopped by the patient's choice, now progressing;
    HER2-low: trastuzumab deruxtecan came first, the endocrine lines after it, though the
    same patient with the fulvestrant stopped for toxicity had an endocrine line first (rule
    32). A line stopped by choice without progression is no more a line the disease progressed
    on than one stopped for toxicity."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2024-03-10", "progression", line=1),
        _course(["fulvestrant"], "2024-03-20", "2026-09-01", "patient_choice", line=2),
        her2="low",
    )
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id != "trastuzumab-deruxtecan"
    assert any(r.code == "endocrine_sensitive_endocrine_first" for r in plan.options[0].reasons)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_pathway_inhibitor_stopped_for_an_unrecorded_event_asks_it_before_choosing(
    policy: str,
) -> None:
    """Case 1515 (MAJOR): alpelisib + fulvestrant stopped after 5 weeks for an event not recorded,
    a PIK3CA mutation: the question came under 'none of these changes the first option', though
    hyperglycaemia recorded takes capivasertib from first to a later option (rule 61's class
    reading). It comes before choosing."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-10", sample="tissue", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-06-10", "progression", line=1),
        _course(["alpelisib", "fulvestrant"], "2025-06-20", "2025-07-25", "toxicity", line=2),
        _course(["fulvestrant"], "2025-07-25", "2026-11-01", "progression", line=2),
    )
    ask = _codes(_planned(data, policy))["record_stopping_toxicity"]
    assert ask.before_choosing and "alpelisib" in ask.text
    assert "or a severe skin reaction" in ask.text  # case 1522: capivasertib's label warns too
    # the event is laid on what rule 61 lays it on: alpelisib, not its fulvestrant partner
    assert "stopped alpelisib:" in ask.text


def test_hepatic_impairment_from_cirrhosis_lifts_the_liver_question() -> None:
    """Case 1526 (MAJOR): Child-Pugh B from alcohol-related cirrhosis beside two small liver
    metastases after 55 months on palbociclib: rule 124 asked whether the dysfunction came from
    the metastases and read no endocrine sensitivity meanwhile, and no answer could be
    recorded. ``from_metastases: false`` records it: the question goes, and rule 32 reads the
    sensitivity again."""
    impairment = {"name": "hepatic_impairment", "child_pugh": "B", "from_metastases": False}
    plan = _planned(_growing_liver(comorbidities=[impairment]), "practice-2026")
    assert "liver_organ_dysfunction" not in _codes(plan)
    assert any(r.code.startswith("endocrine_sensitive") for o in plan.options for r in o.reasons)
    with pytest.raises(
        resistx.ProfileError, match="from_metastases is read for hepatic_impairment only"
    ):
        resistx.load_profile(
            _growing_liver(comorbidities=[{"name": "diabetes", "from_metastases": True}])
        )
