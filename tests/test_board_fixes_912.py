"""Scenario tests for the findings of the blind reviews from case 912 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: relapse after early-disease
treatment (912-916) and records as a clinic enters them (917-921)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import adjuvant, patient, result
from tests.test_board_fixes_882 import POLICIES, _course, _planned, _weighing
from tests.test_plan import check_plan


def _held_and_resumed(hold: str = "2025-10-01", resumed: str = "2025-10-20") -> dict[str, Any]:
    """Case 921: first-line palbociclib + letrozole since January 2024, held 19 days for
    febrile neutropenia and resumed (two courses of one line, the second still going on), an
    ESR1 mutation newly found in ctDNA at the plan's date."""
    return patient(
        schema_version=2,
        as_of="2026-03-30",
        ecog=0,
        sex="female",
        menopausal_status="postmenopausal",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-03-16", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-03-16") for g in ("PIK3CA", "AKT1")),
        ],
        treatments=[
            _course(
                ["palbociclib", "letrozole"],
                "2024-01-08",
                hold,
                "toxicity",
                toxicity="febrile neutropenia",
                line=1,
            ),
            _course(["palbociclib", "letrozole"], resumed, None, "ongoing", line=1),
        ],
    )


def _codes(option: resistx.Option) -> set[str]:
    return {r.code for r in option.reasons}


@pytest.mark.parametrize("policy", POLICIES)
def test_an_ongoing_course_resumed_after_a_toxicity_hold_counts_from_the_first_start(
    policy: str,
) -> None:
    """Case 921 (MAJOR, both policies): 26 months of first-line palbociclib + letrozole with a
    19-day hold were read as 5.3 months (the resumed course only) because the ongoing course,
    read as progressed at the plan's date, carried its own months: 'early endocrine
    resistance', chemotherapy first, the oral SERD later. The same hold before a course that
    ended in progression was already read as one exposure (case 917)."""
    plan = _planned(_held_and_resumed(), policy)
    said = {code for o in plan.options for code in _codes(o)}
    assert not {c for c in said if c.startswith("short_cdk46i")}, policy
    first = plan.options[0]
    assert first.regimen.id == "elacestrant", (policy, [o.regimen.id for o in plan.options])
    assert first.tier is resistx.Tier.PREFERRED
    chemotherapy = next(o for o in plan.options if o.regimen.id == "chemotherapy")
    assert chemotherapy.tier is not resistx.Tier.PREFERRED


def test_serena6_reads_the_first_line_from_its_first_course() -> None:
    """Case 921 (MAJOR, practice-2026): an ESR1 mutation emerging during first-line AI +
    CDK4/6 inhibitor, 26 months in, lost SERENA-6's action because only the course resumed
    after a toxicity hold (5.3 months) was measured against the trial's 6 months."""
    plan = _planned(_held_and_resumed(), "practice-2026")
    assert [a.code for a in plan.actions if a.code.startswith("serena6")] == ["serena6_switch"]
    # the resumed course alone, with no course before it in the line, is still too short: no
    # switch, and the plan says it is outside the trial (8241)
    alone = _held_and_resumed()
    alone["treatments"] = alone["treatments"][1:]
    codes = [a.code for a in _planned(alone, "practice-2026").actions if "serena6" in a.code]
    assert codes == ["serena6_outside"]


def _relapsed_on_adjuvant_olaparib(
    stop: str = "progression", olaparib: tuple[str, str] = ("2025-09-01", "2026-03-20")
) -> dict[str, Any]:
    """Case 915: a germline BRCA2 carrier, residual disease after neoadjuvant chemotherapy,
    relapsed in the liver 6.5 months into adjuvant olaparib (OlympiA's setting)."""
    return patient(
        schema_version=2,
        as_of="2026-04-09",
        ecog=0,
        sex="female",
        menopausal_status="postmenopausal",
        her2="0",
        biomarkers=[
            result("BRCA2", "mutated", origin="germline", sample="blood", tested_on="2025-01-20"),
            *(result(g, "not_detected", tested_on="2026-03-26") for g in ("ESR1", "PIK3CA")),
        ],
        treatments=[
            {
                "drugs": ["doxorubicin", "cyclophosphamide", "paclitaxel"],
                "setting": "neoadjuvant",
                "started_on": "2025-02-03",
                "ended_on": "2025-06-16",
                "stop_reason": "completed",
            },
            {
                "drugs": ["letrozole"],
                "setting": "adjuvant",
                "started_on": "2025-08-15",
                "ended_on": "2026-03-20",
                "stop_reason": "progression",
            },
            {
                "drugs": ["olaparib"],
                "setting": "adjuvant",
                "started_on": olaparib[0],
                "ended_on": olaparib[1],
                "stop_reason": stop,
            },
        ],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_relapse_during_adjuvant_olaparib_is_progression_on_the_parp_inhibitors(
    policy: str,
) -> None:
    """Case 915 (MAJOR, both policies): relapse during adjuvant olaparib left olaparib and
    talazoparib ranked 4th and 5th, above the ADCs and chemotherapy, and the plan said the
    germline BRCA2 mutation 'opens a PARP inhibitor'. Relapse on a drug is progression on it,
    as relapse on an adjuvant CDK4/6 inhibitor already was; OlympiAD and EMBRACA enrolled no
    one treated with a PARP inhibitor. So is relapse within 12 months of completing it (the
    recheck); a relapse later than that stays rule 102's question (at best an alternative)."""
    plan = _planned(_relapsed_on_adjuvant_olaparib(), policy)
    out = {e.regimen.id: {r.code for r in e.reasons} for e in plan.excluded}
    assert "progressed_on" in out.get("olaparib", set()), policy
    assert "progressed_on" in out.get("talazoparib", set()), policy
    assert not [a for a in plan.actions if "opens a PARP inhibitor" in a.text], policy
    # the recheck (MAJOR): relapse 3 months after completing it is read as progression on it
    # too, as relapse within 12 months of completing an adjuvant CDK4/6 inhibitor is
    soon = _relapsed_on_adjuvant_olaparib("completed", ("2025-01-01", "2025-12-31"))
    out = {e.regimen.id: {r.code for r in e.reasons} for e in _planned(soon, policy).excluded}
    assert "progressed_on" in out.get("olaparib", set()), policy
    late = _relapsed_on_adjuvant_olaparib("completed", ("2023-09-01", "2024-09-01"))
    options = {o.regimen.id: o for o in _planned(late, policy).options}
    assert "parp_inhibitor_given_for_early_disease" in _codes(options["olaparib"]), policy


def test_an_adjuvant_course_given_alongside_the_one_that_relapsed_raises_no_doubt() -> None:
    """Cases 912, 913 and 915 (MINOR, both policies, 'almost every adjuvant CDK4/6-inhibitor
    history entered course by course'): adjuvant ribociclib started 11 days after letrozole and
    given beside it (NATALEE's schedule) was read as following a course that ended in relapse,
    and the plan asked, before every other step, to confirm a correct record. A course started
    before the relapsed course ended ran beside it; one started after its end still asks."""
    letrozole = adjuvant(["letrozole"], "2022-06-20", "2026-01-15", "progression")
    beside = adjuvant(["ribociclib"], "2022-07-01", "2025-06-30")
    after = adjuvant(["anastrozole"], "2026-01-20", "2026-02-01", "completed")
    for policy in POLICIES:
        for treatments, asked in (([letrozole, beside], False), ([letrozole, after], True)):
            data = patient(schema_version=2, as_of="2026-02-12", treatments=treatments)
            codes = [a.code for a in _planned(data, policy).actions]
            assert ("confirm_adjuvant_relapse" in codes) is asked, (policy, treatments)


def test_an_unrecorded_ecog_is_asked_for_before_choosing() -> None:
    """Cases 919 and 920 (MINOR, both policies, raised twice): with ECOG missing the plan only
    noted that intensive regimens were not demoted; nothing asked for it, though at ECOG 3-4
    the least toxic options come first (rule 13) and the combinations' trials enrolled fit
    patients. An action asks for it before choosing (beside chemotherapy in a crisis)."""
    for policy in POLICIES:
        for crisis in (False, True):
            data = patient(schema_version=2, ecog=None, visceral_crisis=crisis)
            asked = [a for a in _planned(data, policy).actions if a.code == "record_ecog"]
            assert len(asked) == 1 and asked[0].rule == 107, policy
            assert asked[0].before_choosing is not crisis
        known = _planned(patient(schema_version=2, ecog=1), policy)
        assert not [a for a in known.actions if a.code == "record_ecog"]


def _fifth_line_pik3ca() -> dict[str, Any]:
    """Case 929: abemaciclib + fulvestrant, then capecitabine, trastuzumab deruxtecan and
    sacituzumab govitecan for metastatic disease; PIK3CA E545K in tissue and ctDNA."""
    lines = (
        (["abemaciclib", "fulvestrant"], "2022-06-15", "2024-02-01"),
        (["capecitabine"], "2024-02-15", "2024-10-01"),
        (["trastuzumab deruxtecan"], "2024-10-20", "2025-09-15"),
        (["sacituzumab govitecan"], "2025-10-01", "2026-01-10"),
    )
    return patient(
        schema_version=2,
        as_of="2026-01-26",
        ecog=1,
        her2="low",
        menopausal_status="postmenopausal",
        biomarkers=[
            result("PIK3CA", "mutated", tested_on="2026-01-15", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-01-15") for g in ("ESR1", "AKT1")),
        ],
        treatments=[
            _course(drugs, start, end, "progression", line=n)
            for n, (drugs, start, end) in enumerate(lines, start=1)
        ],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_pathway_trial_past_its_borrowed_evidence_comes_after_the_approved_options(
    policy: str,
) -> None:
    """Case 929 (MAJOR, both policies): at a fifth line, after chemotherapy and two ADCs, the
    phase I TAKTIC trial (ipatasertib with palbociclib and fulvestrant) ranked first, above
    every approved option, on a PIK3CA match that borrows CAPItello-291's evidence, the very
    evidence rule 104 says does not reach this patient (more cytotoxic lines than the pathway
    inhibitors' trials enrolled after). The borrowed match steps back for the trial too: it
    ranks after the approved options, chemotherapy first among them."""
    plan = _planned(_fifth_line_pik3ca(), policy)
    ids = [o.regimen.id for o in plan.options]
    taktic = next(o for o in plan.options if o.regimen.name.startswith("Trial TAKTIC"))
    assert "pathway_past_trial_lines" in _codes(taktic), policy
    # (an option waiting on a test comes after every option that does not, trials too)
    approved = [o for o in plan.options if o.tier is not resistx.Tier.TRIAL and not o.waits_on]
    assert ids.index(taktic.regimen.id) > ids.index(approved[-1].regimen.id), (policy, ids)
    assert plan.options[0].regimen.id == "chemotherapy", (policy, ids)


def test_the_borrowed_match_holds_the_trial_after_the_approved_options_whatever_its_score() -> None:
    """Case 929: the step back is a ceiling too, not a weight that happens to be large enough:
    with it weighing nothing, the trial still comes after every approved option."""
    policy = _weighing(past_trial_lines=0.0)
    plan = resistx.sequence(_fifth_line_pik3ca(), policy=policy)
    ids = [o.regimen.id for o in plan.options]
    approved = [o for o in plan.options if o.tier is not resistx.Tier.TRIAL and not o.waits_on]
    assert ids.index("trial:NCT03959891") > ids.index(approved[-1].regimen.id), ids


def test_inavolisib_with_renal_impairment_carries_its_labels_renal_dosing() -> None:
    """Case 925 (MAJOR, practice-2026): with renal impairment on record, the inavolisib
    triplet had no renal caution while abemaciclib, ribociclib, trastuzumab deruxtecan,
    capecitabine and olaparib had theirs, which reads as 'no adjustment needed'. Its US label
    was updated for renal dosing in April 2026 (update-2026.md, verified; no dose given there,
    so the caution names none)."""
    data = patient(
        schema_version=2,
        as_of="2026-04-10",
        ecog=0,
        comorbidities=["renal_impairment"],
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", tested_on="2026-03-20")],
        treatments=[
            {
                "drugs": ["letrozole"],
                "setting": "adjuvant",
                "started_on": "2021-05-01",
                "ended_on": "2026-03-01",
                "stop_reason": "progression",
            }
        ],
    )
    plan = _planned(data, "practice-2026")
    triplet = next(o for o in plan.options if o.regimen.id == "inavolisib+palbociclib+fulvestrant")
    renal = [c for c in triplet.cautions if "renal" in c.text and "inavolisib" in c.text]
    assert renal and "revised" in renal[0].text, [c.text for c in triplet.cautions]


def test_a_retest_during_an_ongoing_course_is_for_its_progression_dated_from_the_line() -> None:
    """Cases 921 and 924 (MINOR, both policies, raised twice): 'Test AKT1, PTEN at this
    progression on palbociclib + letrozole (given since 2025-10-20)' read as a progression the
    plan's first action says is not on record, and dated the line from its resumption after a
    toxicity hold. It says the course is still going on, and dates it from its first course."""
    for policy in POLICIES:
        plan = _planned(_held_and_resumed(), policy)
        retest = next(a for a in plan.actions if a.code == "retest")
        assert "at the progression of palbociclib + letrozole, still going on" in retest.text
        assert "given since 2024-01-08" in retest.text and "this progression" not in retest.text


def test_an_oral_serds_reason_after_fulvestrant_names_what_was_progressed_on() -> None:
    """Case 927 (MINOR, practice-2026): after ribociclib + fulvestrant for under 12 months, with
    ESR1 and PIK3CA mutations, each oral SERD said 'as is the PI3K/AKT-pathway inhibitor, given
    with fulvestrant, on which the disease progressed', which reads as progression on the
    pathway inhibitor she never had. It names the fulvestrant partner as what progressed."""
    data = patient(
        schema_version=2,
        as_of="2026-04-20",
        ecog=1,
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-04-12", variant="Y537S"),
            result("PIK3CA", "mutated", tested_on="2026-04-12", variant="H1047R"),
            result("AKT1", "not_detected", tested_on="2026-04-12"),
        ],
        treatments=[
            _course(["ribociclib", "fulvestrant"], "2025-12-01", "2026-04-05", "progression"),
        ],
    )
    plan = _planned(data, "practice-2026")
    said = [
        r.text
        for o in plan.options
        for r in o.reasons
        if r.code == "under_12_months_after_fulvestrant"
    ]
    assert said and all(
        "whose fulvestrant partner the disease has progressed on" in t for t in said
    )


def test_a_ctdna_esr1_test_before_any_cdk46_inhibitor_is_for_a_later_line() -> None:
    """Case 914 (MINOR, both policies): a late relapse after adjuvant tamoxifen, CDK4/6-inhibitor
    naive, with ESR1 negative on tissue, was asked before choosing to test ESR1 in ctDNA
    because 'a mutation would open an oral SERD'; no oral SERD trial enrolled before a CDK4/6
    inhibitor, whose combinations come first. The test is asked for a later line; after a
    CDK4/6 inhibitor it still comes before choosing."""
    negatives = [
        result(g, "wild_type", sample="tissue", tested_on="2026-03-01")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    tamoxifen = adjuvant(["tamoxifen"], "2014-01-01", "2019-01-01")
    for policy in POLICIES:
        naive = patient(schema_version=2, as_of="2026-04-01", biomarkers=negatives)
        naive["treatments"] = [tamoxifen]
        asked = [a for a in _planned(naive, policy).actions if a.code == "esr1_ctdna"]
        assert len(asked) == 1 and not asked[0].before_choosing, policy
        assert "later line" in asked[0].text
        after = patient(schema_version=2, as_of="2026-04-01", biomarkers=negatives)
        asked = [a for a in _planned(after, policy).actions if a.code == "esr1_ctdna"]
        assert len(asked) == 1 and asked[0].before_choosing, policy


def _without_line_numbers(data: dict[str, Any]) -> dict[str, Any]:
    data["treatments"] = [{k: v for k, v in t.items() if k != "line"} for t in data["treatments"]]
    return data


def test_a_hold_and_resumption_without_line_numbers_is_one_first_line() -> None:
    """The recheck of case 921 (N1, MAJOR, practice-2026): the same hold recorded without line
    numbers (valid input) made the resumed course a second line: SERENA-6's action was lost,
    and the plan said she was within DESTINY-Breast06's entry (two endocrine lines) after 26
    months of first-line therapy. A CDK4/6-inhibitor course resumed after one stopped for
    toxicity, with no line numbers and nothing in between, continues its line."""
    plan = _planned(_without_line_numbers(_held_and_resumed()), "practice-2026")
    assert [a.code for a in plan.actions if a.code.startswith("serena6")] == ["serena6_switch"]
    assert not [a for a in plan.actions if "within DESTINY-Breast06's entry" in a.text]
    assert plan.options[0].regimen.id in {"elacestrant", "imlunestrant", "vepdegestrant"}


@pytest.mark.parametrize("policy", POLICIES)
def test_a_hold_longer_than_two_months_does_not_restart_the_time_on_the_cdk46_inhibitor(
    policy: str,
) -> None:
    """The recheck of case 921 (N2, MAJOR, both policies): 21 months of palbociclib + letrozole
    without progression, a 90-day hold for neutropenia, then 3 months since the resumption
    were read as 'only 3.0 months on the CDK4/6 inhibitor (under 6)': chemotherapy first. A
    pause is not progression: the time on the drug before it counts too (the 90 days off it
    do not), with or without line numbers."""
    for data in (
        _held_and_resumed(resumed="2025-12-30"),
        _without_line_numbers(_held_and_resumed(resumed="2025-12-30")),
    ):
        plan = _planned(data, policy)
        said = {code for o in plan.options for code in _codes(o)}
        assert not {c for c in said if c.startswith("short_cdk46i")}, policy
        assert plan.options[0].regimen.id == "elacestrant", [o.regimen.id for o in plan.options]


def _early_progression_pik3ca(ecog: int = 2) -> dict[str, Any]:
    """Case 933: progression 5.8 months into first-line ribociclib + letrozole, PIK3CA E545K,
    HER2-low on a new liver biopsy, ECOG 2 (moderate hepatic impairment left out here)."""
    return patient(
        schema_version=2,
        as_of="2026-02-05",
        ecog=ecog,
        her2="low",
        menopausal_status="postmenopausal",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-01-20", variant="E545K"),
            *(
                result(g, "wild_type", sample="tissue", tested_on="2026-01-20")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        treatments=[
            _course(["ribociclib", "letrozole"], "2025-07-20", "2026-01-12", "progression", line=1)
        ],
    )


def test_early_endocrine_resistance_puts_no_targeted_endocrine_line_before_tdxd() -> None:
    """Case 933 (MAJOR, practice-2026): after 5.8 months on first-line ribociclib at ECOG 2,
    rule 58 held trastuzumab deruxtecan back as 'outside DESTINY-Breast06's entry (... or
    progression within 6 months ...)' so that a PIK3CA-targeted endocrine line could come
    first, while rule 18 put every endocrine option after chemotherapy and ADCs for the early
    resistance: what put her outside the entry was ECOG 2, and no endocrine line comes first.
    Rule 58 speaks only where the CDK4/6 inhibitor was not short; the endocrine trials take
    rule 18's step back as the endocrine regimens do (MINOR, both policies)."""
    plan = _planned(_early_progression_pik3ca(), "practice-2026")
    tdxd = next(o for o in plan.options if o.regimen.id == "trastuzumab-deruxtecan")
    assert "endocrine_target_before_tdxd" not in _codes(tdxd)
    ids = [o.regimen.id for o in plan.options]
    for trial in (o for o in plan.options if o.regimen.id.startswith("trial:")):
        assert "short_cdk46i_endocrine_resistance" in _codes(trial), trial.regimen.id
        assert ids.index(trial.regimen.id) > ids.index("trastuzumab-deruxtecan")


def test_a_pi3k_inhibitor_stopped_for_hyperglycaemia_holds_back_the_other_pathway_inhibitors() -> (
    None
):
    """Case 935 (MAJOR, both policies): alpelisib stopped after six weeks for grade 3
    hyperglycaemia, then fulvestrant to progression: capivasertib + fulvestrant was the top
    option, its diabetes caution silent on the stop. Hyperglycaemia is a warning on every PI3K
    and AKT inhibitor's label (a class effect): another one is at best a later option, with a
    caution naming the stop, as the same drug is (rule 61)."""
    data = patient(
        schema_version=2,
        as_of="2026-03-09",
        ecog=1,
        biomarkers=[
            result("PIK3CA", "mutated", tested_on="2026-02-25", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-02-25") for g in ("ESR1", "AKT1")),
        ],
        treatments=[
            _course(["ribociclib", "letrozole"], "2021-05-10", "2023-08-01", "progression"),
            _course(
                ["alpelisib", "fulvestrant"],
                "2023-08-28",
                "2023-10-09",
                "toxicity",
                toxicity="hyperglycaemia",
                line=2,
            ),
            _course(["fulvestrant"], "2023-10-09", "2026-02-10", "progression", line=2),
        ],
    )
    for policy in POLICIES:
        plan = _planned(data, policy)
        capivasertib = next(o for o in plan.options if o.regimen.id == "capivasertib+fulvestrant")
        assert capivasertib.tier is resistx.Tier.LATER, policy
        assert any("alpelisib" in c.text and "hyperglyc" in c.text for c in capivasertib.cautions)
        everolimus = next(o for o in plan.options if o.regimen.id == "everolimus+exemestane")
        assert "pathway_inhibitor_after_hyperglycaemia" not in _codes(everolimus)
        ids = [o.regimen.id for o in plan.options]  # its match no longer lifts it to the top
        assert ids[0] == "chemotherapy", ids
    # everolimus stopped for hyperglycaemia too (the second recheck)
    data["treatments"][1]["drugs"] = ["everolimus", "exemestane"]
    plan = _planned(data)
    capivasertib = next(o for o in plan.options if o.regimen.id == "capivasertib+fulvestrant")
    assert "pathway_inhibitor_after_hyperglycaemia" in _codes(capivasertib)
    data["treatments"][1]["drugs"] = ["alpelisib", "fulvestrant"]
    # the ceiling holds whatever the step weighs
    unweighed = resistx.sequence(data, policy=_weighing(toxicity_again=0.0))
    held = next(o for o in unweighed.options if o.regimen.id == "capivasertib+fulvestrant")
    assert held.tier is resistx.Tier.LATER


def test_the_targeted_line_before_tdxd_reads_an_esr1_finding() -> None:
    """Case 934 (MINOR, practice-2026; also 936): trastuzumab deruxtecan's reason read 'A ESR1
    finding whose targeted drugs have not been given'."""
    data = patient(
        schema_version=2,
        as_of="2026-04-14",
        ecog=1,
        her2="low",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-04-01", variant="D538G"),
            *(result(g, "not_detected", tested_on="2026-04-01") for g in ("PIK3CA", "AKT1")),
        ],
    )
    plan = _planned(data, "practice-2026")
    tdxd = next(o for o in plan.options if o.regimen.id == "trastuzumab-deruxtecan")
    [said] = [r.text for r in tdxd.reasons if r.code == "endocrine_target_before_tdxd"]
    assert said.startswith("An ESR1 finding"), said


def test_a_plan_says_when_it_read_two_courses_as_one_exposure() -> None:
    """Case 917 (MINOR, both policies): two ribociclib courses split by a hold for toxicity were
    read as one exposure, and nothing in the plan said so: a clinician could not check what
    it assumed. A note names both courses."""
    for policy in POLICIES:
        plan = _planned(_held_and_resumed(), policy)
        said = [n for n in plan.notes if "one exposure to the CDK4/6 inhibitor" in n]
        assert len(said) == 1, plan.notes
        assert "2025-10-01" in said[0] and "from 2025-10-20" in said[0]
    alone = _held_and_resumed()
    alone["treatments"] = alone["treatments"][1:]
    assert not [n for n in _planned(alone).notes if "one exposure" in n]


def _long_hold(bridged: bool) -> dict[str, Any]:
    """The second recheck's var-9 and the third's var-20: palbociclib + letrozole for 3 months,
    stopped for toxicity, 8 months without palbociclib (on letrozole alone, recorded as a
    course of its own, or with nothing recorded), then 2.5 months to progression."""
    data = _held_and_resumed(hold="2025-01-08", resumed="2025-09-08")
    data["treatments"][0]["started_on"] = "2024-10-08"
    data["treatments"][1].update(ended_on="2025-11-23", stop_reason="progression")
    if bridged:
        bridge = _course(["letrozole"], "2025-01-08", "2025-09-08", "other", line=1)
        data["treatments"].insert(1, bridge)
    data["as_of"] = "2025-12-10"
    data["biomarkers"] = [dict(r, tested_on="2025-12-01") for r in data["biomarkers"]]
    return data


@pytest.mark.parametrize("policy", POLICIES)
def test_a_long_hold_on_the_endocrine_partner_counts_from_the_first_start(policy: str) -> None:
    """The second recheck (N4, MAJOR, both policies): 3 months of palbociclib, an 8-month hold
    for toxicity on letrozole alone, then 2.5 months to progression: 13.5 months of
    first-line control were read as 5.5 months on the drug, 'early endocrine resistance'. With
    the letrozole recorded through the hold the count runs from the first start, with or
    without line numbers (and the letrozole is no second line: no DESTINY-Breast06 claim)."""
    for data in (_long_hold(bridged=True), _without_line_numbers(_long_hold(bridged=True))):
        plan = _planned(data, policy)
        said = {code for o in plan.options for code in _codes(o)}
        assert not {c for c in said if c.startswith("short_cdk46i")}, policy
        assert plan.options[0].regimen.id == "elacestrant", [o.regimen.id for o in plan.options]
        assert not [a for a in plan.actions if "within DESTINY-Breast06's entry" in a.text]


@pytest.mark.parametrize("policy", POLICIES)
def test_a_long_hold_off_all_therapy_counts_the_time_on_the_drug(policy: str) -> None:
    """The third recheck (N5, MAJOR, both policies): palbociclib + letrozole both stopped for
    toxicity and nothing recorded for months before the same regimen again: counted from the
    first start, 2 + 2 months on the drug became 'EMERALD's 12 months or more'. With nothing
    recorded through a hold longer than two months, only the time on the drug counts."""
    plan = _planned(_long_hold(bridged=False), policy)
    said = {code for o in plan.options for code in _codes(o)}
    assert {c for c in said if c.startswith("short_cdk46i")}, policy


@pytest.mark.parametrize("policy", POLICIES)
def test_a_long_course_stopped_by_choice_counts_when_its_rechallenge_fails(policy: str) -> None:
    """Case 940 (MAJOR, both policies): 36 months of first-line ribociclib + letrozole stopped
    by the patient in remission, progression off therapy, then the same regimen again for
    5.3 months to progression: 'only 5.3 months on the CDK4/6 inhibitor: early endocrine
    resistance', chemotherapy first. Once a course has progressed, the longest time on a
    CDK4/6 inhibitor counts whatever ended the longer course."""
    regimen = ["ribociclib", "letrozole"]
    data = patient(
        schema_version=2,
        as_of="2026-03-02",
        ecog=1,
        biomarkers=[result(g, "not_detected", tested_on="2026-02-20") for g in ("ESR1", "PIK3CA")],
        treatments=[
            _course(regimen, "2021-09-01", "2024-09-15", "patient_choice", line=1),
            _course(regimen, "2025-09-01", "2026-02-10", "progression", line=2),
        ],
    )
    plan = _planned(data, policy)
    said = {code for o in plan.options for code in _codes(o)}
    assert not {c for c in said if c.startswith("short_cdk46i")}, policy
    if policy == "practice-2026":  # rule 32: another endocrine-based line first
        assert plan.options[0].regimen.id != "chemotherapy", [o.regimen.id for o in plan.options]


def test_the_text_plan_shows_why_a_pathway_inhibitor_is_past_its_trials() -> None:
    """Case 939 (MINOR, both policies): capivasertib's rule 104 reason (past the chemotherapy
    lines its trial enrolled after) was in the JSON plan but not in the text plan's 'why',
    where another history reason led: a reader did not learn why it was held back."""
    data = _fifth_line_pik3ca()  # never a CDK4/6 inhibitor: that reason leads the history
    data["treatments"] = [
        adjuvant(["letrozole"], "2018-01-01", "2022-02-01", "progression"),
        *data["treatments"][1:3],
    ]
    text = _planned(data).to_text()
    block = text[text.index("Capivasertib + fulvestrant  [") :].split("evidence:")[0]
    assert "inhibitors' trials enrolled after" in " ".join(block.split()), block


def test_emeralds_line_limit_counts_an_adc_line_as_the_pathway_trials_limits_do() -> None:
    """Case 944 (MINOR, practice-2026): after capecitabine and trastuzumab deruxtecan,
    elacestrant stayed preferred, while after capecitabine and eribulin it was at best an
    alternative (EMERALD enrolled after at most one chemotherapy line): the ADC line was not
    counted, though rule 104 and sacituzumab govitecan's lines count it (a cytotoxic payload)."""
    data = patient(
        schema_version=2,
        as_of="2026-05-01",
        ecog=1,
        her2="low",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-04-20", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-04-20") for g in ("PIK3CA", "AKT1")),
        ],
        treatments=[
            _course(
                ["palbociclib", "letrozole"], "2022-01-10", "2024-03-01", "progression", line=1
            ),
            _course(["capecitabine"], "2024-03-15", "2025-01-10", "progression", line=2),
            _course(["trastuzumab deruxtecan"], "2025-01-20", "2026-04-10", "progression", line=3),
        ],
    )
    plan = _planned(data, "practice-2026")
    elacestrant = next(o for o in plan.options if o.regimen.id == "elacestrant")
    assert "outside_emerald_population" in _codes(elacestrant)
    assert elacestrant.tier is not resistx.Tier.PREFERRED


def test_the_text_plan_keeps_trastuzumab_deruxtecans_caveat_beside_a_short_course() -> None:
    """Case 951 (MAJOR, practice-2026, with short_cdk46i_months 12): 9.4 months on palbociclib
    read as short by the patient's own threshold put trastuzumab deruxtecan first; the JSON
    plan said she was outside DESTINY-Breast06's entry, but the text plan's 'why' showed only
    the short-course reason, and DESTINY-Breast06's figures read as hers."""
    data = patient(
        schema_version=2,
        as_of="2026-05-20",
        ecog=1,
        her2="low",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-04-15", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-04-15") for g in ("PIK3CA", "AKT1")),
        ],
        treatments=[
            adjuvant(["letrozole"], "2017-06-01", "2022-06-01"),
            _course(
                ["palbociclib", "letrozole"], "2025-06-20", "2026-04-02", "progression", line=1
            ),
        ],
    )
    prefs = resistx.Preferences(short_cdk46i_months=12.0)
    plan = resistx.sequence(data, prefs, policy="practice-2026")
    check_plan(resistx.load_profile(data), prefs, plan)
    text = " ".join(plan.to_text().split())
    block = text[text.index("Trastuzumab deruxtecan [") :].split("evidence:")[0]
    assert "though DESTINY-Breast06 enrolled after 2 or more" in block, block


def test_an_esr1_negative_taken_on_an_ongoing_endocrine_course_is_retested_at_its_progression() -> (
    None
):
    """Case 958 (MAJOR, both policies): second-line abemaciclib + fulvestrant still going on,
    ctDNA ESR1 not detected 4.5 months before the plan's date: the options, for the course's
    progression, read that negative as current; the oral SERDs were left out and no retest was
    asked. ESR1 mutations are acquired under endocrine therapy: a negative taken on the course
    does not stand for its progression, so the test is asked and the oral SERDs wait on it."""
    data = patient(
        schema_version=2,
        as_of="2026-08-20",
        ecog=1,
        biomarkers=[
            result("ESR1", "not_detected", tested_on="2026-04-08"),
            result("PIK3CA", "mutated", tested_on="2026-04-08", variant="E542K"),
        ],
        treatments=[
            _course(["palbociclib", "letrozole"], "2022-10-03", "2024-11-12", "progression"),
            _course(["abemaciclib", "fulvestrant"], "2024-12-02", None, "ongoing", line=2),
        ],
    )
    for policy in POLICIES:
        plan = _planned(data, policy)
        asked = [a for a in plan.actions if a.code == "retest" and "ESR1" in a.genes]
        assert asked, (policy, [a.code for a in plan.actions])
        excluded = {e.regimen.id for e in plan.excluded}
        assert "elacestrant" not in excluded, policy


def test_a_finding_no_rule_weighs_is_named_in_the_plan() -> None:
    """Case 954 (MAJOR, both policies): a pathogenic ERBB2 L755S mutation in ctDNA was in no
    reason, caution, note or 'not assessed' line (removing it gave the same plan), though it is
    a known cause of resistance to fulvestrant. A finding in a gene no rule reads and no
    mechanism of the catalog names is said to be unweighed, for the clinician."""
    data = patient(
        schema_version=2,
        biomarkers=[
            result("ERBB2", "mutated", tested_on="2026-03-25", variant="L755S"),
            result("PIK3CA", "mutated", tested_on="2026-03-25", variant="E545K"),
            result("ESR1", "not_detected", tested_on="2026-03-25"),
        ],
    )
    for policy in POLICIES:
        plan = _planned(data, policy)
        said = [n for n in plan.notes if n.startswith("ERBB2 mutated")]
        assert len(said) == 1 and "L755S" in said[0] and "not weighed" in said[0], plan.notes
        assert "((" not in said[0]  # one pair of brackets round the date (recheck of 1029)
        assert not [n for n in plan.notes if n.startswith("PIK3CA mutated")]


def test_a_progression_months_before_the_plan_with_nothing_since_asks_to_restage() -> None:
    """Case 961 (MAJOR, both policies): progression on CT in January, then sepsis and an ICU
    stay, and a plan dated June with nothing given since: no action asked to restage, and the
    options read the disease as last assessed (no visceral crisis). Past three months with
    nothing given, a restaging comes before choosing."""
    course = _course(["abemaciclib", "letrozole"], "2024-03-01", "2026-01-14", "progression")
    for policy in POLICIES:
        old = _planned(patient(schema_version=2, as_of="2026-06-02", treatments=[course]), policy)
        [asked] = [a for a in old.actions if a.code == "restage_old_assessment"]
        assert asked.before_choosing and asked.rule == 108 and "2026-01-14" in asked.text
        recent = _planned(patient(schema_version=2, as_of="2026-02-10", treatments=[course]))
        assert not [a for a in recent.actions if a.code == "restage_old_assessment"]
