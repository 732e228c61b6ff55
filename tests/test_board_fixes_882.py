"""Scenario tests for the findings of the blind reviews from case 882 on (each seen failing
before its fix), named after the behaviour a clinician relies on. In these rounds the
reviewers, briefed as breast oncologists, designed their own patients."""

from __future__ import annotations

from typing import Any

import attrs

import resistx
from resistx.sequencing.policy import get as get_policy
from tests.helpers import adjuvant, option, patient, result
from tests.test_plan import check_plan

POLICIES = ("ye2024", "practice-2026")


def _planned(data: dict[str, Any], policy: str = "ye2024") -> resistx.Plan:
    """The plan, checked as every plan is (``test_plan.check_plan``)."""
    plan = resistx.sequence(data, policy=policy)
    check_plan(resistx.load_profile(data), resistx.Preferences(), plan)
    return plan


def _course(drugs: list[str], start: str, end: str | None, stop: str, **kw: Any) -> dict[str, Any]:
    out = {"drugs": drugs, "setting": "metastatic", "started_on": start, "stop_reason": stop}
    if end:
        out["ended_on"] = end
    out.update(kw)
    return out


def _premenopausal(*treatments: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """A premenopausal woman at ECOG 0 after palbociclib + letrozole (cases 886, 899)."""
    kw.setdefault(
        "biomarkers",
        [result(g, "not_detected", tested_on="2026-03-10") for g in ("ESR1", "PIK3CA", "AKT1")],
    )
    return patient(
        schema_version=2,
        as_of="2026-03-30",
        ecog=0,
        sex="female",
        menopausal_status="premenopausal",
        treatments=list(treatments),
        **kw,
    )


PALBO_LETROZOLE = _course(["palbociclib", "letrozole"], "2024-08-05", "2026-02-27", "progression")


def _weighing(**weights: Any) -> resistx.Policy:
    """ye2024 with some weights changed: what holds whatever the scores (a ceiling) is seen
    holding where the scores alone would no longer hold it."""
    ye2024 = get_policy("ye2024")
    return attrs.evolve(
        ye2024,
        name="ye2024-reweighed",
        updated_by=None,
        weights=attrs.evolve(ye2024.weights, **weights),
    )


def _actions(plan: resistx.Plan, code: str) -> list[resistx.Action]:
    return [a for a in plan.actions if a.code == code]


def test_a_gnrh_agonist_course_beside_letrozole_counts_as_ovarian_suppression() -> None:
    """Cases 886 (MAJOR) and 899: goserelin recorded as a course of its own, going on through
    the letrozole course, was not seen: the plan said 'no ovarian suppression on record with
    letrozole' and the cautions did not ask to continue goserelin."""
    ongoing = _course(["goserelin"], "2024-07-20", None, "ongoing")
    # or ended with the letrozole course, at the progression
    beside = _course(["goserelin"], "2024-07-20", "2026-02-27", "progression")
    for policy, goserelin in ((p, g) for p in POLICIES for g in (ongoing, beside)):
        p = _planned(_premenopausal(goserelin, PALBO_LETROZOLE), policy)
        assert not _actions(p, "confirm_ovarian_suppression"), policy
        assert not _actions(p, "ovarian_suppression_stopped"), policy
        fulvestrant = option(p, "fulvestrant")
        [caution] = [c for c in fulvestrant.cautions if c.code == "ovarian_suppression_needed"]
        assert "continue goserelin" in caution.text, policy
    # without the goserelin course the question stands
    p = _planned(_premenopausal(PALBO_LETROZOLE))
    assert _actions(p, "confirm_ovarian_suppression")


def test_a_gnrh_agonist_stopped_before_the_progression_asks_about_ovarian_escape_first() -> None:
    """Case 886 (MAJOR): goserelin stopped months before letrozole did; the progression on
    letrozole alone before the menopause may be ovarian escape, not endocrine resistance, and
    the options read it as resistance: confirm and restart suppression before choosing."""
    goserelin = _course(["goserelin"], "2024-07-20", "2025-05-10", "patient_choice")
    for policy in POLICIES:
        p = _planned(_premenopausal(goserelin, PALBO_LETROZOLE), policy)
        assert not _actions(p, "confirm_ovarian_suppression"), policy
        [action] = _actions(p, "ovarian_suppression_stopped")
        assert action.before_choosing, policy
        assert action.rule == 63
        assert "goserelin" in action.text and "2025-05-10" in action.text, policy
        assert "oestradiol" in action.text, policy


def _relapsed(*her2_tests: dict[str, Any]) -> dict[str, Any]:
    """First relapse on adjuvant letrozole, nothing given for metastatic disease (case 891)."""
    return patient(
        schema_version=2,
        as_of="2026-02-20",
        her2=None,
        her2_tests=[{"score": "0", "sample": "tissue", "tested_on": "2021-07-20"}, *her2_tests],
        treatments=[adjuvant(["letrozole"], "2021-09-01", "2026-01-10", "progression")],
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", tested_on="2026-01-28")],
    )


def test_a_her2_test_on_a_biopsy_of_the_recurrence_asks_for_no_biopsy() -> None:
    """Cases 882, 885 and 891: the plan asked, before choosing, to biopsy the first recurrence
    and retest HER2 when a biopsy of it (HER2 1+ on 2026-01-28) was already on record."""
    data = _relapsed({"score": "1+", "sample": "tissue", "tested_on": "2026-01-28"})
    del data["her2"]
    for policy in POLICIES:
        p = _planned(data, policy)
        assert not _actions(p, "biopsy_first_recurrence"), policy
    # a HER2 test from before the relapse leaves the question
    data = _relapsed()
    del data["her2"]
    assert _actions(_planned(data), "biopsy_first_recurrence")


def test_tdxd_for_her2_ultralow_is_not_within_its_approval_without_a_metastatic_endocrine_line() -> (
    None
):
    """Case 894 (MAJOR, practice-2026): HER2-ultralow after capecitabine, with endocrine therapy
    only as adjuvant treatment: trastuzumab deruxtecan was an alternative 'within its
    approval', which covers progression on endocrine therapy for metastatic disease."""
    data = patient(
        schema_version=2,
        as_of="2026-05-28",
        her2="ultralow",
        ecog=0,
        treatments=[
            adjuvant(["letrozole"], "2021-02-01", "2025-11-10", "progression"),
            _course(["capecitabine"], "2025-11-30", "2026-05-05", "progression", line=1),
        ],
    )
    p = _planned(data, "practice-2026")
    assert p.option("trastuzumab-deruxtecan") is None
    [left] = [e for e in p.excluded if e.regimen.id == "trastuzumab-deruxtecan"]
    assert any("endocrine" in r.text and r.rule == 29 for r in left.reasons)
    # after an endocrine line for metastatic disease it is within the approval again
    data["treatments"].insert(
        1, _course(["fulvestrant"], "2025-11-12", "2025-11-28", "progression", line=1)
    )
    data["treatments"][2]["line"] = 2
    p = _planned(data, "practice-2026")
    said = [r for r in option(p, "trastuzumab-deruxtecan").reasons if r.rule == 29]
    assert any("within its approval" in r.text for r in said)


def test_in_a_visceral_crisis_confirming_her2_zero_waits_until_after_choosing() -> None:
    """Case 895 (MAJOR): in a visceral crisis the plan asked, before choosing, to confirm the
    IHC 0, perhaps by a new biopsy, though chemotherapy comes first whatever the reading."""
    treatments = [
        _course(["ribociclib", "letrozole"], "2021-10-01", "2024-01-05", "progression", line=1),
        _course(["paclitaxel"], "2024-07-01", "2025-01-10", "progression", line=2),
    ]
    for crisis, first in ((True, False), (False, True)):
        data = patient(
            schema_version=2, as_of="2026-03-12", visceral_crisis=crisis, treatments=treatments
        )
        for policy in POLICIES:
            [action] = _actions(_planned(data, policy), "confirm_her2_zero")
            assert action.before_choosing is first, (crisis, policy)


def test_a_current_ctdna_esr1_negative_is_not_read_as_tissue_only() -> None:
    """Case 899: ESR1 was not detected in ctDNA (3% tumour fraction) after the progression and
    in tissue two days later; the plan said 'ESR1 tested on tissue only' and asked for ctDNA."""
    biomarkers = [
        result("ESR1", "not_detected", tested_on="2026-03-10", tumour_fraction=0.03),
        result("ESR1", "not_detected", sample="tissue", tested_on="2026-03-12"),
        result("PIK3CA", "not_detected", sample="tissue", tested_on="2026-03-12"),
    ]
    for policy in POLICIES:
        p = _planned(_premenopausal(PALBO_LETROZOLE, biomarkers=biomarkers), policy)
        assert not _actions(p, "esr1_ctdna"), policy
    # tissue alone asks for ctDNA
    assert _actions(
        _planned(_premenopausal(PALBO_LETROZOLE, biomarkers=biomarkers[1:])), "esr1_ctdna"
    )


def _fifth_line(*biomarkers: dict[str, Any]) -> dict[str, Any]:
    """After palbociclib + letrozole, capecitabine, trastuzumab deruxtecan and eribulin: three
    cytotoxic lines for metastatic disease, HER2-low (case 892)."""
    return patient(
        schema_version=2,
        as_of="2026-06-02",
        her2="low",
        ecog=1,
        biomarkers=list(biomarkers),
        treatments=[
            _course(
                ["palbociclib", "letrozole"], "2022-01-10", "2023-06-01", "progression", line=1
            ),
            _course(["capecitabine"], "2023-06-20", "2024-04-01", "progression", line=2),
            _course(["trastuzumab deruxtecan"], "2024-04-20", "2025-06-01", "progression", line=3),
            _course(["eribulin"], "2025-06-20", "2026-05-10", "progression", line=4),
        ],
    )


def test_pi3k_and_akt_inhibitors_past_their_trials_chemotherapy_lines_are_not_preferred() -> None:
    """Case 892 (MAJOR, both policies): with a PIK3CA mutation after three cytotoxic lines,
    capivasertib + fulvestrant ranked first and alpelisib + fulvestrant was preferred, though
    CAPItello-291 enrolled after at most one chemotherapy line for advanced disease and
    SOLAR-1 after none; sacituzumab govitecan, in TROPiCS-02's population, came after them."""
    mutated = result("PIK3CA", "mutated", sample="tissue", tested_on="2026-05-20")
    for policy in POLICIES:
        p = _planned(_fifth_line(mutated), policy)
        for regimen in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
            o = option(p, regimen)
            assert o.tier != "preferred", (policy, regimen)
            assert any(r.rule == 104 for r in o.reasons), (policy, regimen)
        assert option(p, "sacituzumab-govitecan").rank < option(p, "capivasertib+fulvestrant").rank


def test_past_two_cytotoxic_lines_a_pathway_biopsy_does_not_come_before_choosing() -> None:
    """Case 892 (MAJOR): the plan asked for a tissue biopsy before choosing, saying a pathway
    alteration would put a PI3K or AKT inhibitor before chemotherapy; past the trials'
    chemotherapy lines it would not."""
    negatives = [
        result(g, "not_detected", tested_on="2026-05-20", tumour_fraction=0.09)
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    found = result(
        "GATA3", "mutated", tested_on="2026-05-20", tumour_fraction=0.09
    )  # not TP53: 8143b
    for policy in POLICIES:
        p = _planned(_fifth_line(*negatives, found), policy)
        [action] = _actions(p, "confirm_pathway_tissue")
        assert not action.before_choosing, policy
        assert "before chemotherapy" not in action.text, policy


def test_a_pathway_inhibitor_is_past_its_trials_from_the_second_cytotoxic_line() -> None:
    """Rule 104's boundary: CAPItello-291 enrolled after one chemotherapy line for advanced
    disease, so one line leaves capivasertib within it and two take it past."""
    akt1 = result("AKT1", "mutated", sample="tissue", tested_on="2026-05-20")
    data = _fifth_line(akt1)
    lines = data["treatments"]
    for cytotoxic, past in ((1, False), (2, True)):
        data["treatments"] = lines[: 1 + cytotoxic]
        data["as_of"] = "2026-06-02"
        o = option(_planned(data), "capivasertib+fulvestrant")
        assert any(r.rule == 104 for r in o.reasons) is past, cytotoxic


def test_past_its_trials_lines_a_pathway_inhibitor_is_never_preferred_whatever_its_score() -> None:
    """Rule 104's ceiling holds on its own: with its step back weighed at nothing, capivasertib
    after three cytotoxic lines is still at best an alternative."""
    lenient = _weighing(past_trial_lines=0.0, match=9.0)
    mutated = result("PIK3CA", "mutated", sample="tissue", tested_on="2026-05-20")
    p = resistx.sequence(_fifth_line(mutated), policy=lenient)
    assert option(p, "capivasertib+fulvestrant").tier == "alternative"


def test_at_ecog_3_a_drug_not_yet_approved_on_the_plans_date_goes_after_approved_options() -> None:
    """Case 901 (practice-2026): at ECOG 3, on a date before its approval, vepdegestrant was
    'within a clinical trial only', yet ranked above the approved combinations: rule 13 puts
    investigational regimens after the least toxic options, and it read the table's approval,
    not the plan's date."""
    data = patient(
        schema_version=2,
        as_of="2026-04-24",
        ecog=3,
        treatments=[
            _course(["abemaciclib", "letrozole"], "2023-09-01", "2026-03-30", "progression", line=1)
        ],
    )
    p = _planned(data, "practice-2026")
    vepdegestrant = option(p, "vepdegestrant")
    assert vepdegestrant.tier == "trial"
    assert any(r.code == "poor_performance_status_trial" for r in vepdegestrant.reasons)
    approved = [o for o in p.options if o.tier != "trial"]
    assert approved and all(o.rank < vepdegestrant.rank for o in approved)


def test_without_trials_the_note_says_investigational_regimens_are_still_listed() -> None:
    """Case 901: 'Trials are not shown' stood above a list of options in tier trial; the note
    now says what is left out (enrolment in registered trials) and what stays."""
    p = resistx.sequence(patient(), {"include_trials": False})
    assert not [o for o in p.options if o.regimen.id.startswith("trial:")]
    assert [o for o in p.options if o.tier == "trial"]
    [note] = [n for n in p.notes if "include_trials is false" in n]
    assert "investigational regimens" in note and "still" in note


def test_primary_endocrine_resistance_steps_an_endocrine_based_trial_back_too() -> None:
    """Cases 882 and 891: after relapse during adjuvant ribociclib + letrozole (primary
    endocrine resistance, rule 87), TAKTIC (fulvestrant, ipatasertib, palbociclib; phase I)
    ranked above capivasertib + fulvestrant, carrying none of the step back every approved
    endocrine-based option carried."""
    data = patient(
        schema_version=2,
        as_of="2026-02-20",
        treatments=[
            adjuvant(["ribociclib", "letrozole"], "2024-02-15", "2026-01-10", "progression")
        ],
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", tested_on="2026-01-28")],
    )
    for policy in POLICIES:
        p = _planned(data, policy)
        taktic = option(p, "trial:NCT03959891")
        assert any(r.rule == 87 for r in taktic.reasons), policy
        assert option(p, "capivasertib+fulvestrant").rank < taktic.rank, policy


def test_an_endocrine_based_trial_before_the_menopause_asks_for_ovarian_suppression() -> None:
    """Case 882's recheck: TAKTIC (fulvestrant, ipatasertib, palbociclib) carried no ovarian
    suppression caution before the menopause, unlike every approved fulvestrant option."""
    data = _premenopausal(
        _course(
            ["ribociclib", "letrozole", "goserelin"], "2024-01-10", "2026-02-27", "progression"
        ),
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", tested_on="2026-03-10")],
    )
    for policy in POLICIES:
        taktic = option(_planned(data, policy), "trial:NCT03959891")
        [caution] = [c for c in taktic.cautions if c.code == "ovarian_suppression_needed"]
        assert "continue goserelin" in caution.text, policy


def _brca1_after(*courses: dict[str, Any]) -> dict[str, Any]:
    """A germline BRCA1 carrier after abemaciclib + fulvestrant and ``courses`` (case 907)."""
    return patient(
        schema_version=2,
        as_of="2026-03-10",
        ecog=1,
        biomarkers=[
            result("BRCA1", "mutated", origin="germline", sample="blood", tested_on="2019-01-15"),
            result("ESR1", "not_detected", tested_on="2026-02-26", tumour_fraction=0.15),
            result("PIK3CA", "not_detected", tested_on="2026-02-26", tumour_fraction=0.15),
        ],
        treatments=[
            _course(
                ["abemaciclib", "fulvestrant"], "2024-02-12", "2024-07-22", "progression", line=1
            ),
            *courses,
        ],
    )


def test_after_progression_on_platinum_a_parp_inhibitor_is_not_preferred() -> None:
    """Case 907 (MAJOR, both policies): a germline BRCA1 carrier progressed on carboplatin +
    gemcitabine for metastatic disease; olaparib and talazoparib were preferred first, though
    OlympiAD and EMBRACA enrolled no one whose disease progressed on platinum for advanced
    disease, and sacituzumab govitecan, within TROPiCS-02, came after them."""
    platinum = _course(
        ["carboplatin", "gemcitabine"], "2024-08-05", "2024-12-09", "progression", line=2
    )
    capecitabine = _course(["capecitabine"], "2024-12-20", "2026-02-23", "progression", line=3)
    for policy in POLICIES:
        p = _planned(_brca1_after(platinum, capecitabine), policy)
        for regimen in ("olaparib", "talazoparib"):
            o = option(p, regimen)
            assert o.tier != "preferred", (policy, regimen)
            assert any(r.rule == 105 for r in o.reasons), (policy, regimen)
        assert option(p, "sacituzumab-govitecan").rank < option(p, "olaparib").rank, policy
    # after a non-platinum doublet the PARP inhibitors stay first
    doublet = dict(platinum, drugs=["paclitaxel", "gemcitabine"])
    p = _planned(_brca1_after(doublet, capecitabine))
    assert p.options[0].regimen.id in ("olaparib", "talazoparib")


def test_after_platinum_resistance_nothing_is_put_after_a_parp_inhibitor() -> None:
    """Case 907: with OlympiAD and EMBRACA out of reach, neither chemotherapy nor sacituzumab
    govitecan is held back as coming after a PARP inhibitor (rule 44's steps do not apply),
    and however much a match weighs, a PARP inhibitor stays at best an alternative."""
    platinum = _course(["carboplatin"], "2024-08-05", "2024-12-09", "progression", line=2)
    for policy in POLICIES:
        p = _planned(_brca1_after(platinum), policy)
        for regimen in ("chemotherapy", "sacituzumab-govitecan"):
            codes = {r.code for r in option(p, regimen).reasons}
            assert not {c for c in codes if c.startswith("parp_inhibitor_before")}, regimen
    heavy = _weighing(match=9.0, parp_before_chemotherapy=9.0)
    p = resistx.sequence(_brca1_after(platinum), policy=heavy)
    assert option(p, "olaparib").tier == "alternative"


def test_after_platinum_resistance_tbcrc048_does_not_put_olaparib_first() -> None:
    """Case 907 for a germline PALB2 carrier (rule 49, TBCRC 048): after progression on
    carboplatin chemotherapy is not held back behind olaparib."""
    data = _brca1_after(_course(["carboplatin"], "2024-08-05", "2024-12-09", "progression", line=2))
    data["biomarkers"][0] = result(
        "PALB2", "mutated", origin="germline", sample="blood", tested_on="2019-01-15"
    )
    p = _planned(data)
    assert not [r for r in option(p, "chemotherapy").reasons if r.rule == 49]
    assert not [r for r in option(p, "olaparib").reasons if r.code == "tbcrc048_olaparib_first"]
    assert any(r.rule == 105 for r in option(p, "olaparib").reasons)


def test_fulvestrant_alone_with_an_esr1_mutation_says_what_emerald_found() -> None:
    """Cases 883, 887, 902 and 906: fulvestrant alone stood with an ESR1 mutation on record and
    'no rule moved it'; the review gives it for ESR1-mutated disease after an aromatase
    inhibitor (ref. 63), while EMERALD's standard endocrine arm did worse than elacestrant in
    ESR1-mutated disease (the review's figures). The reason now says both."""
    data = patient(
        schema_version=2,
        biomarkers=[result("ESR1", "mutated", tested_on="2026-04-10", variant="D538G")],
    )
    for policy in POLICIES:
        fulvestrant = option(_planned(data, policy), "fulvestrant")
        [said] = [r for r in fulvestrant.reasons if r.rule == 106]
        assert "EMERALD" in said.trials and "1.9" in said.text and "3.8" in said.text, policy
    # without the mutation it says nothing of it
    p = _planned(patient(schema_version=2, biomarkers=[result("ESR1", "not_detected")]))
    assert not [r for r in option(p, "fulvestrant").reasons if r.rule == 106]
