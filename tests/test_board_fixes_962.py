"""Scenario tests for the findings of the blind reviews from case 962 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: comorbidities (962-966),
biomarkers retested over time (967-971), and women before the menopause and men (972-976)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, patient, result
from tests.test_board_fixes_882 import POLICIES, _actions, _course, _planned, _weighing

PAM = ("PIK3CA", "AKT1", "PTEN")


def _woman(
    as_of: str, biomarkers: list[dict[str, Any]], *treatments: dict[str, Any], **kw: Any
) -> dict[str, Any]:
    """A postmenopausal woman (``menopausal_status`` in ``kw`` otherwise), schema 2."""
    kw.setdefault("ecog", 1)
    kw.setdefault("menopausal_status", "postmenopausal")
    return patient(
        schema_version=2,
        as_of=as_of,
        sex="female",
        biomarkers=biomarkers,
        treatments=list(treatments),
        **kw,
    )


def _esr1_cleared(later: dict[str, Any]) -> dict[str, Any]:
    """Case 967: ESR1 Y537S in ctDNA at the progression on palbociclib + letrozole, then
    fulvestrant for 17 months, and at that progression ``later`` for ESR1."""
    return _woman(
        "2026-01-12",
        [
            result("ESR1", "mutated", tested_on="2024-05-28", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2024-05-28") for g in PAM),
            later,
            *(result(g, "not_detected", tested_on="2025-12-08") for g in PAM),
            result("GATA3", "mutated", tested_on="2025-12-08", variant="D336fs"),  # not TP53: 8143b
        ],
        _course(["palbociclib", "letrozole"], "2021-10-01", "2024-05-20", "progression"),
        _course(["fulvestrant"], "2024-06-15", "2025-12-01", "progression"),
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("sample", ["ctdna", "tissue"])
def test_an_esr1_mutation_a_later_test_missed_still_steps_back_the_aromatase_inhibitor_regimens(
    policy: str, sample: str
) -> None:
    """Case 967 (MAJOR, both policies): an ESR1 Y537S acquired under letrozole, then not
    detected after fulvestrant: everolimus + exemestane ranked first with 'no rule moved it',
    as if the tumour had never shown a mutation that makes an aromatase inhibitor useless.
    Rule 60 reads an ESR1 mutation current or not."""
    later = result("ESR1", "not_detected", tested_on="2025-12-08", sample=sample)
    plan = _planned(_esr1_cleared(later), policy)
    everolimus = option(plan, "everolimus+exemestane")
    [reason] = [r for r in everolimus.reasons if r.code == "esr1_mutation_aromatase_inhibitor"]
    assert reason.rule == 60
    assert "2024-05-28" in reason.text, reason.text  # the plan names the test it reads
    assert everolimus.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id != "everolimus+exemestane", policy


def _after_fulvestrant(start: str = "2025-09-01") -> dict[str, Any]:
    """Case 969: progression on a first line of ribociclib + fulvestrant (5 months from
    ``start``); ESR1 and the PI3K pathway negative on a ctDNA draw that found a GATA3 mutation
    (it held tumour DNA)."""
    return _woman(
        "2026-03-02",
        [
            *(result(g, "not_detected", tested_on="2026-02-16") for g in ("ESR1", *PAM)),
            result("GATA3", "mutated", tested_on="2026-02-16", variant="D336fs"),  # not TP53: 8143b
        ],
        _course(["ribociclib", "fulvestrant"], start, "2026-02-10", "progression"),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_tissue_check_of_the_pathway_after_fulvestrant_does_not_hold_the_choice(
    policy: str,
) -> None:
    """Case 969 (MAJOR, both policies): after 5 months on ribociclib + fulvestrant, a tissue
    biopsy to confirm a ctDNA pathway negative came before choosing, saying a PI3K-pathway
    alteration would put a PI3K or AKT inhibitor before chemotherapy; every such regimen of the
    policy gives it with fulvestrant, on which the disease progressed (rule 109: at best an
    alternative), and chemotherapy comes first for the short course all the same."""
    plan = _planned(_after_fulvestrant(), policy)
    [action] = _actions(plan, "confirm_pathway_tissue")
    assert not action.before_choosing, action.text
    assert "before chemotherapy" not in action.text
    assert "fulvestrant" in action.text and "rule 109" in action.text
    # after 20 months on it (no short course) a finding could open one, at best as an
    # alternative, and the check comes before choosing, saying so (the recheck of case 967)
    [long] = _actions(_planned(_after_fulvestrant("2024-06-03"), policy), "confirm_pathway_tissue")
    assert long.before_choosing, long.text
    assert "at best as an alternative (rule 109)" in long.text
    # ... and after endocrine resistance (two endocrine lines after the CDK4/6 inhibitor), where
    # a target found lifts its drug above chemotherapy (the second recheck of case 967)
    resistant = _after_fulvestrant("2025-06-02")
    resistant["treatments"][0]["drugs"] = ["fulvestrant"]
    resistant["treatments"][:0] = [
        _course(["palbociclib", "letrozole"], "2021-05-03", "2024-05-13", "progression"),
        _course(["exemestane"], "2024-05-27", "2025-05-19", "progression"),
    ]
    [check] = _actions(_planned(resistant, policy), "confirm_pathway_tissue")
    assert check.before_choosing, check.text


def _man(*treatments: dict[str, Any]) -> dict[str, Any]:
    """Case 974: a man after a short first line of abemaciclib + letrozole."""
    return patient(
        schema_version=2,
        as_of="2026-03-02",
        ecog=1,
        sex="male",
        biomarkers=[
            result("AKT1", "mutated", tested_on="2026-02-16", variant="E17K"),
            *(result(g, "not_detected", tested_on="2026-02-16") for g in ("ESR1", "PIK3CA")),
        ],
        treatments=list(treatments),
    )


ABEMACICLIB_LETROZOLE = _course(
    ["abemaciclib", "letrozole"], "2025-09-01", "2026-02-05", "progression"
)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_man_whose_aromatase_inhibitor_had_no_gnrh_agonist_is_asked_before_choosing(
    policy: str,
) -> None:
    """Case 974 (MAJOR, both policies): a man progressed at 5 months on abemaciclib +
    letrozole with no GnRH agonist; the plan read it as primary endocrine resistance and
    preferred chemotherapy, and nothing asked about the agonist that rule 40 says a man's
    aromatase inhibitor needs."""
    plan = _planned(_man(ABEMACICLIB_LETROZOLE), policy)
    [action] = _actions(plan, "gnrh_agonist_missing")
    assert action.before_choosing and action.rule == 63
    assert "letrozole" in action.text and "oestradiol" in action.text
    assert "read the progression as resistance" in action.text  # what the ranking assumes
    # with leuprorelin in the course, or beside it, nothing to ask
    with_gnrh = dict(ABEMACICLIB_LETROZOLE, drugs=["abemaciclib", "letrozole", "leuprorelin"])
    assert not _actions(_planned(_man(with_gnrh), policy), "gnrh_agonist_missing")
    beside = _course(["leuprorelin"], "2025-09-01", None, "ongoing")
    assert not _actions(
        _planned(_man(ABEMACICLIB_LETROZOLE, beside), policy), "gnrh_agonist_missing"
    )


def test_the_ovarian_escape_question_says_what_the_options_assume() -> None:
    """Case 972 (MAJOR, ye2024): goserelin stopped eight months before the progression on
    ribociclib + letrozole; the plan asked to check oestradiol before choosing, yet ranked as
    if the answer changed nothing. The action says the options read the progression as
    endocrine resistance, and what an oestradiol in the premenopausal range would open."""
    goserelin = _course(["goserelin"], "2023-03-06", "2025-05-15", "patient_choice")
    ribociclib = _course(["ribociclib", "letrozole"], "2023-03-06", "2026-01-26", "progression")
    data = _woman(
        "2026-02-16",
        [result(g, "not_detected", tested_on="2026-02-02") for g in ("ESR1", *PAM)],
        ribociclib,
        goserelin,
        ecog=0,
        menopausal_status="perimenopausal",
    )
    for policy in POLICIES:
        [action] = _actions(_planned(data, policy), "ovarian_suppression_stopped")
        assert "premenopausal range" in action.text, action.text
        assert "ribociclib + letrozole" in action.text.split("premenopausal range")[1]


def _pik3ca_after_letrozole(*comorbidities: Any) -> dict[str, Any]:
    """Case 962: a PIK3CA mutation after 20 months of palbociclib + letrozole."""
    return _woman(
        "2026-03-20",
        [
            result("PIK3CA", "mutated", tested_on="2026-03-01", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-03-01") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2024-06-03", "2026-02-10", "progression"),
        comorbidities=list(comorbidities),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_diabetes_needing_insulin_holds_back_the_pi3k_and_akt_inhibitors(policy: str) -> None:
    """Case 962 (MAJOR, both policies): a profile could not say that diabetes needs insulin,
    and 'type 1 diabetes' was read as plain diabetes: capivasertib + fulvestrant came first,
    preferred, with a glucose caution only, though CAPItello-291 excluded diabetes needing
    insulin (its report) whatever the HbA1c."""
    insulin = {"name": "diabetes", "hba1c": 7.4, "insulin": True}
    plan = _planned(_pik3ca_after_letrozole(insulin), policy)
    capivasertib = option(plan, "capivasertib+fulvestrant")
    [reason] = [r for r in capivasertib.reasons if r.code == "capivasertib_diabetes_uncontrolled"]
    assert reason.rule == 78 and "insulin" in reason.text
    assert capivasertib.tier is resistx.Tier.LATER
    assert plan.options[0].regimen.id != "capivasertib+fulvestrant"
    # the same HbA1c without insulin leaves capivasertib where its match puts it
    controlled = _planned(_pik3ca_after_letrozole({"name": "diabetes", "hba1c": 7.4}), policy)
    assert option(controlled, "capivasertib+fulvestrant").tier is resistx.Tier.PREFERRED


def test_type_1_diabetes_is_refused_with_the_way_to_record_it() -> None:
    """Case 962 (MAJOR, input): 'type 1 diabetes' was taken silently as diabetes, losing the
    insulin it always needs; it is refused, naming how to record it."""
    for name in ("type 1 diabetes", "Diabetes type 1", "type1 diabetes", "Type I diabetes", "IDDM"):
        with pytest.raises(resistx.ProfileError) as caught:
            resistx.load_profile(_pik3ca_after_letrozole(name))
        [(where, message)] = caught.value.problems
        assert where == "$.comorbidities[0]"
        assert '"insulin": true' in message, (name, message)
    # type 2 stays plain diabetes, whose insulin the plan then asks about
    assert resistx.load_profile(_pik3ca_after_letrozole("type II diabetes")).comorbidities
    # insulin is read for diabetes only
    with pytest.raises(resistx.ProfileError, match="insulin"):
        resistx.load_profile(_pik3ca_after_letrozole({"name": "neuropathy", "insulin": True}))


def _pik3ca_after_fulvestrant() -> dict[str, Any]:
    """The recheck of case 967: long courses of palbociclib + letrozole, then fulvestrant, and
    a PIK3CA mutation on tissue at the progression on fulvestrant."""
    data = _esr1_cleared(result("ESR1", "not_detected", tested_on="2025-12-08"))
    data["biomarkers"] = [r for r in data["biomarkers"] if r["gene"] != "PIK3CA"]
    data["biomarkers"].append(
        result("PIK3CA", "mutated", tested_on="2025-12-10", sample="tissue", variant="H1047R")
    )
    return data


@pytest.mark.parametrize("policy", [*POLICIES, "reweighed"])
def test_a_pi3k_or_akt_inhibitor_with_fulvestrant_after_fulvestrant_is_at_best_an_alternative(
    policy: str,
) -> None:
    """Recheck of case 967 (MAJOR, both policies): after progression on fulvestrant, a tissue
    PIK3CA mutation made capivasertib + fulvestrant and alpelisib + fulvestrant preferred,
    ranked first and second; SOLAR-1 and CAPItello-291 enrolled no one who had had fulvestrant,
    and BYLieve gave alpelisib with letrozole after it. Held whatever rule 11's step weighs."""
    chosen: resistx.Policy | str = (
        _weighing(same_class=0.0, same_drug=0.0) if policy == "reweighed" else policy
    )
    plan = resistx.sequence(_pik3ca_after_fulvestrant(), policy=chosen)
    for regimen in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
        o = option(plan, regimen)
        assert o.tier is not resistx.Tier.PREFERRED, (policy, regimen)
        [reason] = [r for r in o.reasons if r.code == "pathway_inhibitor_after_fulvestrant"]
        assert reason.rule == 109
    # before any fulvestrant the same finding makes capivasertib preferred
    earlier = _pik3ca_after_fulvestrant()
    earlier["treatments"] = earlier["treatments"][:1]
    assert (
        option(_planned(earlier, "ye2024"), "capivasertib+fulvestrant").tier
        is resistx.Tier.PREFERRED
    )


def _after_two_chemotherapy_lines(ecog: int) -> dict[str, Any]:
    """Case 980: HER2-low (1+ on a 2026 biopsy) after palbociclib + anastrozole, fulvestrant,
    capecitabine and paclitaxel; nothing actionable on ctDNA."""
    lines = (
        (["palbociclib", "anastrozole"], "2021-09-13", "2024-07-15"),
        (["fulvestrant"], "2024-08-05", "2025-01-20"),
        (["capecitabine"], "2025-02-03", "2025-11-17"),
        (["paclitaxel"], "2025-12-01", "2026-04-27"),
    )
    data = _woman(
        "2026-05-26",
        [result(g, "not_detected", tested_on="2026-05-04") for g in ("ESR1", *PAM)],
        *(_course(d, s, e, "progression", line=n) for n, (d, s, e) in enumerate(lines, 1)),
        ecog=ecog,
    )
    data["her2_tests"] = [{"score": "1+", "sample": "tissue", "tested_on": "2026-05-04"}]
    del data["her2"]
    return data


@pytest.mark.parametrize("policy", POLICIES)
def test_an_adc_at_ecog_2_is_outside_its_trials_entry(policy: str) -> None:
    """Case 980 (MAJOR, both policies): at ECOG 2 trastuzumab deruxtecan and sacituzumab
    govitecan were preferred, the plan the same as at ECOG 1, though DESTINY-Breast04,
    TROPiCS-02 and TROPION-Breast01 enrolled ECOG 0-1 (their reports), as rule 98 already
    said of capivasertib's trial."""
    plan = _planned(_after_two_chemotherapy_lines(2), policy)
    for regimen, trial in (
        ("trastuzumab-deruxtecan", "DESTINY-Breast04"),
        ("sacituzumab-govitecan", "TROPiCS-02"),
    ):
        o = option(plan, regimen)
        assert o.tier is not resistx.Tier.PREFERRED, (policy, regimen)
        [reason] = [r for r in o.reasons if r.code == "outside_trial_performance_status"]
        assert reason.rule == 98 and trial in reason.text
    fit = _planned(_after_two_chemotherapy_lines(1), policy)
    assert option(fit, "trastuzumab-deruxtecan").tier is resistx.Tier.PREFERRED


def test_chemotherapy_stays_behind_trastuzumab_deruxtecan_at_ecog_2_after_two_endocrine_lines() -> (
    None
):
    """Second recheck of case 980 (MAJOR, practice-2026): HER2-low after two endocrine lines at
    ECOG 2, chemotherapy became preferred over trastuzumab deruxtecan, because rule 68's cap
    read DESTINY-Breast06's ECOG 0-1 entry; both its arms enrolled ECOG 0-1, so the cap holds."""
    data = _woman(
        "2026-04-20",
        [
            result(g, "not_detected", tested_on="2026-04-01", sample="tissue")
            for g in ("ESR1", *PAM)
        ],
        _course(["palbociclib", "letrozole"], "2022-09-05", "2025-03-10", "progression"),
        _course(["fulvestrant"], "2025-03-24", "2026-03-30", "progression"),
        ecog=2,
    )
    data["her2_tests"] = [{"score": "1+", "sample": "tissue", "tested_on": "2026-04-01"}]
    del data["her2"]
    plan = _planned(data, "practice-2026")
    chemotherapy = option(plan, "chemotherapy")
    assert chemotherapy.tier is not resistx.Tier.PREFERRED
    assert "chemotherapy_after_tdxd_db06" in {r.code for r in chemotherapy.reasons}
    assert plan.options[0].regimen.id != "chemotherapy"


@pytest.mark.parametrize("policy", POLICIES)
def test_diabetes_without_its_insulin_recorded_asks_before_a_pathway_inhibitor(policy: str) -> None:
    """Second recheck of case 962 (MAJOR, both policies): diabetes recorded without whether it
    needs insulin (the insulin only in free text) left capivasertib preferred with nothing
    asking; the plan now asks before choosing, and an answer either way settles it."""
    unknown = _planned(_pik3ca_after_letrozole({"name": "diabetes", "hba1c": 7.4}), policy)
    [action] = _actions(unknown, "diabetes_insulin_unknown")
    assert action.before_choosing and action.rule == 95 and "PIK3CA" in action.text
    for insulin in (True, False):
        known = {"name": "diabetes", "hba1c": 7.4, "insulin": insulin}
        assert not _actions(
            _planned(_pik3ca_after_letrozole(known), policy), "diabetes_insulin_unknown"
        )
    # with no HbA1c on record it asks for that too (the third recheck)
    [bare] = _actions(
        _planned(_pik3ca_after_letrozole("diabetes"), policy), "diabetes_insulin_unknown"
    )
    assert "Record the HbA1c too" in bare.text and "Record the HbA1c" not in action.text
    # no pathway finding, no question
    plain = _pik3ca_after_letrozole("diabetes")
    plain["biomarkers"] = [r for r in plain["biomarkers"] if r["gene"] != "PIK3CA"]
    assert not _actions(_planned(plain, policy), "diabetes_insulin_unknown")


def test_a_course_entered_twice_is_refused_not_read_as_two_lines() -> None:
    """Cases 987 and 991 (MAJOR): palbociclib + letrozole dated, and again as 'Ibrance +
    Femara, 28 months' with no dates or line, was read as two endocrine lines (trastuzumab
    deruxtecan preferred inside DESTINY-Breast06's entry); a capecitabine course entered twice
    made two chemotherapy lines. A copy is refused, naming both entries and the way out."""
    dated = _course(["palbociclib", "letrozole"], "2024-01-22", "2026-05-06", "progression", line=1)
    copies = (
        {
            "drugs": ["Ibrance", "Femara"],
            "setting": "metastatic",
            "months": 28,
            "stop_reason": "progression",
        },
        dict(dated),  # the same dates, line and end
        {k: v for k, v in dated.items() if k != "line"},  # the same dates, no line (recheck)
        dict(dated, started_on="2024-01-25", line=2),  # three days apart: over the same time
    )
    for copy in copies:
        with pytest.raises(resistx.ProfileError) as caught:
            resistx.load_profile(_woman("2026-05-20", [], dated, copy))
        [(where, message)] = caught.value.problems
        assert where == "$.treatments" and "treatments[1]" in message and "treatments[0]" in message
    # the same drugs again as a later line, or with dates of its own, is a second course; two
    # undated adjuvant 'chemotherapy' courses (AC, then paclitaxel) place no line
    again = _course(["palbociclib", "letrozole"], "2026-05-10", None, "ongoing", line=2)
    resistx.load_profile(_woman("2026-05-20", [], dated, again))
    adjuvant = {"drugs": ["chemotherapy"], "setting": "adjuvant", "stop_reason": "completed"}
    resistx.load_profile(_woman("2026-05-20", [], adjuvant, dict(adjuvant), dated))


def test_a_mans_gnrh_agonist_stopped_early_is_named_and_a_long_course_is_not_called_short() -> None:
    """Recheck of case 974 (MINOR): a man's leuprorelin recorded as a course of its own that
    stopped months before his letrozole was called 'no GnRH agonist on record', and a 30-month
    course 'a short course read as primary resistance'."""
    stopped = _course(["leuprorelin"], "2025-09-01", "2025-11-01", "patient_choice")
    [action] = _actions(_planned(_man(ABEMACICLIB_LETROZOLE, stopped)), "gnrh_agonist_missing")
    assert "leuprolide stopped on 2025-11-01" in action.text, action.text  # its generic name
    assert "short course" in action.text  # 5 months
    long = dict(ABEMACICLIB_LETROZOLE, started_on="2023-08-01")
    [action] = _actions(_planned(_man(long)), "gnrh_agonist_missing")
    assert "short course" not in action.text and "no GnRH agonist on record" in action.text


@pytest.mark.parametrize("resumed", ["2024-01-22", "2024-05-06"])
def test_a_first_line_paused_by_choice_and_resumed_stays_one_line(resumed: str) -> None:
    """Third recheck of case 987 (MAJOR, practice-2026): palbociclib + letrozole stopped by the
    patient's choice after 33 months and resumed six weeks (or five months) later, with no
    progression between, was read as two endocrine lines: trastuzumab deruxtecan preferred as
    'DESTINY-Breast06's population' and abemaciclib + fulvestrant, whose postMONARCH
    population she is, later. A pause by choice continues the line, as a toxicity hold does."""
    data = _woman(
        "2026-06-02",
        [
            result("ESR1", "mutated", tested_on="2026-05-20", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-05-20") for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2021-03-01", "2023-12-10", "patient_choice"),
        _course(["Ibrance", "Femara"], resumed, "2026-05-06", "progression"),
    )
    data["her2_tests"] = [{"score": "1+", "sample": "tissue", "tested_on": "2024-01-05"}]
    del data["her2"]
    plan = _planned(data, "practice-2026")
    # the plan says what it read: one exposure and one line, paused by the patient's choice
    assert [n for n in plan.notes if "stopped by the patient's choice" in n and "one line" in n]
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert tdxd.tier is not resistx.Tier.PREFERRED, [r.text for r in tdxd.reasons]
    assert option(plan, "abemaciclib+fulvestrant").tier is not resistx.Tier.LATER


def test_chronic_kidney_disease_is_read_as_renal_impairment() -> None:
    """Case 962 (INPUT, MINOR): 'chronic kidney disease' got 'did you mean chronic_lung_disease?'
    and 'CKD' no suggestion, while the interop codes already read SNOMED CT's chronic kidney
    disease as renal impairment."""
    for name in ("chronic kidney disease", "CKD"):
        [condition] = resistx.load_profile(_pik3ca_after_letrozole(name)).comorbidities
        assert condition.name.value == "renal_impairment", name
