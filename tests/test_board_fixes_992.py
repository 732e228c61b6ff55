"""Scenario tests for the findings of the blind reviews from case 992 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: HER2-low disease and the
antibody-drug conjugates (992-996), and older and frail patients (997-1001)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.cli import main
from tests.helpers import option, result
from tests.test_board_fixes_882 import POLICIES, _actions, _course, _planned
from tests.test_board_fixes_962 import _woman

PAM = ("PIK3CA", "AKT1", "PTEN")


def _insulin_diabetes(hba1c: float, *, insulin: bool | None = True) -> dict[str, Any]:
    """Case 998: 36 months on ribociclib + letrozole, then a ctDNA PIK3CA H1047R (ESR1, AKT1
    and PTEN not detected); diabetes with ``hba1c``, treated with insulin (or as given)."""
    diabetes: dict[str, Any] = {"name": "diabetes", "hba1c": hba1c}
    if insulin is not None:
        diabetes["insulin"] = insulin
    return _woman(
        "2026-02-20",
        [
            result("PIK3CA", "mutated", tested_on="2026-02-02", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-02-02") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["ribociclib", "letrozole"], "2023-01-16", "2026-01-22", "progression"),
        comorbidities=[diabetes],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_insulin_treated_diabetes_gets_a_safety_referral_not_a_promise_that_glucose_control_opens_capivasertib(
    policy: str,
) -> None:
    """Case 998 (MAJOR, both policies): diabetes on insulin with an HbA1c of 9.2% and a PIK3CA
    mutation. The action before choosing told the team to bring glucose into range so that
    capivasertib could be weighed again, while capivasertib's own reason said CAPItello-291
    excluded diabetes needing insulin whatever the HbA1c: tightening insulin in an older
    patient with hypoglycaemic admissions, for a drug it cannot open. With insulin, the
    referral is for the safety of what comes next, and it comes after choosing."""
    plan = _planned(_insulin_diabetes(9.2), policy)
    assert not _actions(plan, "glucose_control_opens_pathway_inhibitor")
    [action] = _actions(plan, "glucose_safety_on_insulin")
    assert action.rule == 95
    assert not action.before_choosing
    assert "whatever the HbA1c" in action.text
    assert "hypoglycaemia" in action.text
    assert "weighed again" not in action.text
    # without insulin the action before choosing stands as it was
    plain = _planned(_insulin_diabetes(9.2, insulin=False), policy)
    [opens] = _actions(plain, "glucose_control_opens_pathway_inhibitor")
    assert opens.before_choosing and "weighed again" in opens.text
    assert "in range without insulin" in opens.text and "Record whether" not in opens.text
    # insulin not recorded at an HbA1c of 9.2% (the recheck): the promise is for glucose in range
    # without insulin, and the action asks whether it needs insulin
    unsaid = _planned(_insulin_diabetes(9.2, insulin=None), policy)
    [asks] = _actions(unsaid, "glucose_control_opens_pathway_inhibitor")
    assert (
        "in range without insulin" in asks.text and "Record whether it needs insulin" in asks.text
    )


def _liver(*comorbidities: Any) -> dict[str, Any]:
    """Case 1001: 86, ECOG 3, liver metastases; 49 months on palbociclib + letrozole, an ESR1
    D538G in ctDNA; ``comorbidities`` as entered."""
    return _woman(
        "2026-02-24",
        [
            result("ESR1", "mutated", tested_on="2026-02-16", variant="D538G"),
            result("PIK3CA", "not_detected", tested_on="2026-02-16"),
        ],
        _course(["palbociclib", "letrozole"], "2022-01-15", "2026-02-10", "progression"),
        ecog=3,
        comorbidities=list(comorbidities),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_hepatic_impairment_without_its_child_pugh_class_is_graded_before_choosing(
    policy: str,
) -> None:
    """Case 1001, variant b (MAJOR, both policies): hepatic impairment entered without its
    Child-Pugh class was read as the mildest, with no question asked: the class B action (is a
    rising bilirubin from liver metastases a visceral crisis?) was lost, and a drug whose label
    advises against severe impairment stayed preferred with nothing said. The plan now asks to
    grade it and find its cause before choosing, and says what the options assume meanwhile."""
    plan = _planned(_liver("hepatic_impairment"), policy)
    [action] = _actions(plan, "grade_hepatic_impairment")
    assert action.rule == 51
    assert action.before_choosing
    assert "Child-Pugh" in action.text and "visceral crisis" in action.text
    assert "read it as short of class C" in action.text  # what the options assume meanwhile
    # a class on record asks no grading
    for child_pugh in ("A", "B", "C"):
        graded = _planned(_liver({"name": "hepatic_impairment", "child_pugh": child_pugh}), policy)
        assert not _actions(graded, "grade_hepatic_impairment"), child_pugh


def _oral_only() -> dict[str, Any]:
    """Case 1000: 80, ECOG 2, HER2-low; 20 months on palbociclib + letrozole, then capecitabine
    for 10 months; ESR1 and the PI3K pathway not detected in ctDNA."""
    return _woman(
        "2026-02-16",
        [*(result(g, "not_detected", tested_on="2026-02-02") for g in ("ESR1", *PAM))],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2024-11-05", "progression"),
        _course(["capecitabine"], "2024-11-20", "2025-09-30", "progression"),
        ecog=2,
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_patient_who_declines_intravenous_treatment_is_not_offered_an_infusion_first(
    policy: str,
) -> None:
    """Case 1000 (MAJOR, both policies): a patient who declines any intravenous treatment had
    trastuzumab deruxtecan ranked first (and datopotamab deruxtecan second under
    practice-2026), her refusal only in the list of what resistx could not assess. The
    preferences now say which routes she declines: a regimen given by a declined route is left
    out with that reason, and chemotherapy, which has oral agents, says it is by them only."""
    prefs = {"declines": ["intravenous"]}
    plan = resistx.sequence(_oral_only(), prefs, policy=policy)
    given_iv = {"trastuzumab-deruxtecan", "sacituzumab-govitecan", "datopotamab-deruxtecan"}
    assert not given_iv & {o.regimen.id for o in plan.options}
    left = {e.regimen.id: e for e in plan.excluded}
    tdxd = left["trastuzumab-deruxtecan"]
    [why] = [r for r in tdxd.reasons if r.code == "declined"]
    assert why.rule == 110 and "intravenous" in why.text
    chemo = option(plan, "chemotherapy")
    # after progression on capecitabine, what is left by mouth is outside the review's agents:
    # at best an alternative, saying so (session 65's recheck, 7300j)
    [oral] = [r for r in chemo.reasons if r.code == "declined_route_no_standard_agent"]
    assert oral.rule == 110 and "chemotherapy by mouth only" in oral.text
    assert "progression on it" in oral.text and chemo.tier is not resistx.Tier.PREFERRED
    # the refusal does not rewrite the evidence (case 2048, a change of reading: this case
    # had read the refused route as ruling trastuzumab deruxtecan out): chemotherapy keeps
    # rule 65's place beside it, as when the ADCs are declined, and a note says the refusal
    # put it first
    assert 65 in {r.rule for r in chemo.reasons}
    assert any("declines intravenous" in n and "the refusal" in n for n in plan.notes)
    # without the preference the infusion comes first, as before
    assert resistx.sequence(_oral_only(), policy=policy).options[0].regimen.id in given_iv


def test_a_declined_route_is_read_from_the_preferences_and_checked() -> None:
    """The preference takes the routes of the regimen table; a misspelt one is refused, named."""
    prefs = resistx.from_dict(resistx.Preferences, {"declines": ["intravenous"]})
    assert prefs.declines == (resistx.Route.INTRAVENOUS,)
    with pytest.raises(resistx.ProfileError, match=r"\$\.preferences\.declines\[0\]"):
        resistx.sequence(_oral_only(), {"declines": ["iv"]})


def test_the_command_line_takes_a_declined_route(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--declines intravenous`` (repeatable, and in a preferences file as ``declines``)."""
    profile = tmp_path / "case1000.json"
    profile.write_text(json.dumps(_oral_only()), encoding="utf-8")
    assert main(["sequence", "--json", "--declines", "intravenous", str(profile)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert "trastuzumab-deruxtecan" not in {o["regimen"]["id"] for o in plan["options"]}
    assert "declined" in {r["code"] for e in plan["excluded"] for r in e["reasons"]}
    with pytest.raises(SystemExit):
        main(["sequence", "--declines", "iv", str(profile)])


def _early_relapse_after_adjuvant_chemotherapy() -> dict[str, Any]:
    """Case 993: HER2-low; adjuvant AC-T, relapse 5 months after it on adjuvant anastrozole,
    then 10 months on ribociclib + fulvestrant; ESR1 and the PI3K pathway not detected."""
    adjuvant = {"setting": "adjuvant"}
    return _woman(
        "2026-03-30",
        [*(result(g, "not_detected", tested_on="2026-03-20") for g in ("ESR1", *PAM))],
        {
            **_course(
                ["doxorubicin", "cyclophosphamide", "paclitaxel"],
                "2024-06-03",
                "2024-11-08",
                "completed",
            ),
            **adjuvant,
        },
        {**_course(["anastrozole"], "2024-12-02", "2025-04-15", "progression"), **adjuvant},
        _course(["ribociclib", "fulvestrant"], "2025-05-05", "2026-03-10", "progression"),
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_relapse_within_6_months_of_adjuvant_chemotherapy_holds_chemotherapy_below_tdxd(
    policy: str,
) -> None:
    """Case 993 (MINOR, both policies, the reviewer's most consequential): trastuzumab
    deruxtecan's own reason placed the patient in DESTINY-Breast04's population through a
    relapse 5 months after adjuvant chemotherapy (the trial counted it as a line), yet
    chemotherapy, the arm it beat there, was preferred beside it: rule 65 counted metastatic
    lines only. It counts the early relapse as the trial did, and says so."""
    plan = _planned(_early_relapse_after_adjuvant_chemotherapy(), policy)
    assert plan.options[0].regimen.id == "trastuzumab-deruxtecan"
    chemo = option(plan, "chemotherapy")
    assert chemo.tier is not resistx.Tier.PREFERRED
    [held] = [r for r in chemo.reasons if r.code == "chemotherapy_after_tdxd"]
    assert held.rule == 65 and "adjuvant" in held.text
    # and trastuzumab deruxtecan's evidence is DESTINY-Breast04's, the trial of her population
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert any("DESTINY-Breast04" in r.trials for r in tdxd.reasons if r.factor.value == "efficacy")


def _somatic_brca2_and_pik3ca(pik3ca: str = "PIK3CA") -> dict[str, Any]:
    """Case 1008: 15 months on palbociclib + letrozole; on tissue a somatic BRCA2 mutation and a
    PIK3CA H1047R (or an AKT1 E17K), ESR1 not detected; germline BRCA1, BRCA2, PALB2 negative."""
    tissue = {"sample": "tissue", "tested_on": "2026-01-12"}
    germline = {"sample": "blood", "origin": "germline", "tested_on": "2026-01-29"}
    return _woman(
        "2026-02-05",
        [
            result("BRCA2", "mutated", origin="somatic", classification="pathogenic", **tissue),
            result(pik3ca, "mutated", **tissue),
            *(result(g, "not_detected", **tissue) for g in ("ESR1", *PAM) if g != pik3ca),
            *(result(g, "wild_type", **germline) for g in ("BRCA1", "BRCA2", "PALB2")),
        ],
        _course(["palbociclib", "letrozole"], "2024-09-16", "2025-12-22", "progression"),
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("gene", ["PIK3CA", "AKT1"])
def test_a_pi3k_pathway_target_comes_before_olaparib_for_a_somatic_brca2_mutation(
    policy: str, gene: str
) -> None:
    """Case 1008 (MAJOR, ye2024): a somatic BRCA2 mutation and a PIK3CA H1047R after 15 months
    on palbociclib + letrozole: olaparib (TBCRC 048, phase II, outside its label for this
    mutation) was ranked first, above capivasertib + fulvestrant (CAPItello-291, phase III),
    with nothing saying why; its lighter toxicity penalty came from the review printing no
    adverse events for PARP inhibitors. The review's Discussion names the PI3K pathway a
    definite target: its inhibitor comes first, olaparib is at best an alternative."""
    plan = _planned(_somatic_brca2_and_pik3ca(gene), policy)
    assert plan.options[0].regimen.id == "capivasertib+fulvestrant"
    olaparib = option(plan, "olaparib")
    assert olaparib.tier is not resistx.Tier.PREFERRED
    [why] = [r for r in olaparib.reasons if r.code == "definite_target_before_tbcrc048"]
    assert why.rule == 49 and gene in why.text and "CAPItello-291" in why.trials


def _germline_brca1_after_platinum(esr1: str = "not_detected") -> dict[str, Any]:
    """Case 1009: germline BRCA1; 5.2 months on palbociclib + letrozole, then carboplatin +
    paclitaxel (progressed) and capecitabine; HER2-low; ctDNA (tumour fraction 12%) with ESR1
    as given and the PI3K pathway not detected."""
    ctdna = {"tested_on": "2026-01-20", "tumour_fraction": 0.12}
    return _woman(
        "2026-02-02",
        [
            result("BRCA1", "mutated", origin="germline", sample="blood", tested_on="2025-06-03"),
            result("ESR1", esr1, **ctdna),
            *(result(g, "not_detected", **ctdna) for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-15", "2024-06-20", "progression", line=1),
        _course(["carboplatin", "paclitaxel"], "2024-07-01", "2024-12-15", "progression", line=2),
        _course(["capecitabine"], "2025-01-06", "2026-01-12", "progression", line=3),
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_after_a_short_cdk46i_course_the_tissue_check_does_not_hold_the_choice(
    policy: str,
) -> None:
    """Case 1009 (MAJOR, both policies): after 5.2 months on palbociclib (and platinum), the
    tissue confirmation of a ctDNA negative came before choosing, claiming an ESR1 mutation
    would open an oral SERD before chemotherapy and the germline BRCA1 mutation a PARP
    inhibitor; with ESR1 Y537S added, elacestrant stays behind chemotherapy (rule 18), and
    rule 105 holds the PARP inhibitors back after platinum. The check comes after choosing,
    for a later line, and claims neither."""
    plan = _planned(_germline_brca1_after_platinum(), policy)
    [check] = _actions(plan, "confirm_tissue")
    assert not check.before_choosing
    assert "before chemotherapy" not in check.text
    assert "PARP" not in check.text
    assert "rule 18" in check.text
    [hrd] = _actions(plan, "test_hrd_genes")  # nor does the test of the other genes claim it
    assert "already known and opens" not in hrd.text and "rule 105" in hrd.text
    # and the claim it no longer makes holds: an ESR1 mutation leaves the top option
    found = _planned(_germline_brca1_after_platinum("mutated"), policy)
    assert found.options[0].regimen.id == plan.options[0].regimen.id


@pytest.mark.parametrize("ecog", [1, 2])
def test_in_a_visceral_crisis_the_her2_ultralow_reread_does_not_hold_the_choice(ecog: int) -> None:
    """Case 1003 (MAJOR, practice-2026): marrow failure after palbociclib + letrozole and then
    elacestrant, HER2 0: the plan asked, before choosing, for the pathologist to re-read the
    IHC as ultralow, while chemotherapy comes first in the crisis whatever the reading (rule
    7), as every other test of the plan said; waiting on it delays treatment. It comes after
    choosing, for the line after the crisis's chemotherapy."""
    data = _woman(
        "2026-01-28",
        [
            result("ESR1", "mutated", tested_on="2026-01-22", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-01-22") for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2023-05-02", "2024-12-20", "progression"),
        _course(["elacestrant"], "2025-01-15", "2026-01-20", "progression"),
        ecog=ecog,
        visceral_crisis=True,
    )
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id == "chemotherapy"
    [reread] = _actions(plan, "reread_her2_ultralow")
    assert not reread.before_choosing
    assert "rule 7" in reread.text
    # without the crisis it comes before choosing, as before
    calm = _planned({**data, "visceral_crisis": False}, "practice-2026")
    [asked] = _actions(calm, "reread_her2_ultralow")
    assert asked.before_choosing


def test_a_relapse_soon_after_adjuvant_chemotherapy_counts_as_after_chemotherapy_for_ultralow() -> (
    None
):
    """The recheck of case 993 (MAJOR, practice-2026): the same patient with HER2-ultralow
    disease had trastuzumab deruxtecan preferred first on DESTINY-Breast06's ultralow subgroup,
    while its reason counted the early relapse as DESTINY-Breast04's chemotherapy line; neither
    trial enrolled her. The early relapse now counts as chemotherapy for the ultralow reading
    too: within the approval, at best an alternative. With HER2 0, the ultralow re-read is the
    after-chemotherapy one (rule 79), not rule 34's before choosing."""
    ultralow = {**_early_relapse_after_adjuvant_chemotherapy(), "her2": "ultralow"}
    plan = _planned(ultralow, "practice-2026")
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert tdxd.tier is not resistx.Tier.PREFERRED
    [why] = [r for r in tdxd.reasons if r.code == "her2_ultralow_after_chemotherapy"]
    assert "adjuvant" in why.text
    zero = _planned({**ultralow, "her2": "0"}, "practice-2026")
    assert not _actions(zero, "reread_her2_ultralow")
    [after] = _actions(zero, "reread_her2_ultralow_after_chemotherapy")
    # before choosing only while nothing is preferred (``nothing_preferred_yet``): so since
    # session 66, where ten months on ribociclib read as endocrine-sensitive (7428b)
    preferred = any(o.tier is resistx.Tier.PREFERRED for o in zero.options)
    assert after.before_choosing is not preferred


@pytest.mark.parametrize("policy", POLICIES)
def test_where_oral_treatment_is_declined_the_tests_for_oral_drugs_do_not_hold_the_choice(
    policy: str,
) -> None:
    """The recheck of case 1000 (MAJOR, both policies): with oral treatment declined, the plan
    still asked before choosing for a tissue biopsy, because an ESR1 mutation would open an
    oral SERD, and for a tumour BRCA test, because a mutation would open a PARP inhibitor: the
    same plan left every one of those drugs out (rule 110). Such tests come after choosing and
    say why."""
    data = _oral_only()
    data["biomarkers"] += [
        result(g, "not_detected", origin="germline", sample="blood", tested_on="2024-01-10")
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    plan = resistx.sequence(data, {"declines": ["oral"]}, policy=policy)
    [tissue] = _actions(plan, "confirm_tissue")
    assert not tissue.before_choosing and "declines" in tissue.text
    [brca] = _actions(plan, "test_somatic_brca")
    assert not brca.before_choosing and "declines oral treatment" in brca.text
    # a combination is declined by any of its parts' routes (capivasertib by mouth)
    left = {e.regimen.id: e for e in plan.excluded}
    assert "declined" in {r.code for r in left["capivasertib+fulvestrant"].reasons}
    # accepted by mouth, both come before choosing, as before
    plain = resistx.sequence(data, policy=policy)
    [plain_tissue] = _actions(plain, "confirm_tissue")
    assert plain_tissue.before_choosing


@pytest.mark.parametrize("policy", POLICIES)
def test_where_oral_treatment_is_declined_a_first_esr1_and_pathway_test_still_comes_first(
    policy: str,
) -> None:
    """The second recheck of case 1000 (MAJOR, ye2024): with oral treatment declined, the first
    test of ESR1 and the pathway was put after choosing as if only oral drugs hung on it, but a
    negative result turns the plan to chemotherapy over fulvestrant (rule 6): it still comes
    before choosing. A confirmation of a negative, whose result can open only oral drugs,
    stays after."""
    data = {**_oral_only(), "biomarkers": []}
    plan = resistx.sequence(data, {"declines": ["oral"]}, policy=policy)
    [retest] = _actions(plan, "retest")
    assert retest.before_choosing and "declines" not in retest.text


@pytest.mark.parametrize("policy", POLICIES)
def test_after_platinum_an_untested_brca_test_does_not_hold_the_choice(policy: str) -> None:
    """The second recheck of case 1009 (MAJOR, both policies): after progression on carboplatin,
    with BRCA1, BRCA2 and PALB2 never tested, the test asked before choosing said a mutation
    opens a PARP inhibitor, while rule 105 holds them back after platinum. It comes after
    choosing and says so, for a later choice and for the family."""
    data = _germline_brca1_after_platinum()
    data["biomarkers"] = [b for b in data["biomarkers"] if b["gene"] != "BRCA1"]
    plan = _planned(data, policy)
    [hrd] = _actions(plan, "test_hrd_genes")
    assert not hrd.before_choosing
    assert "rule 105" in hrd.text and "family" in hrd.text


def test_letrozole_given_through_a_palbociclib_hold_keeps_postmonarch_s_population() -> None:
    """Case 1017 (MAJOR, practice-2026): 32 months of first-line palbociclib + letrozole with a
    3-week hold for neutropenia, letrozole alone recorded through the hold as the docs ask:
    postMONARCH's population check counted the bridge as another line, so abemaciclib +
    fulvestrant was a later option below fulvestrant alone, the arm it beat. The bridge is
    part of the line (as rules 8 and 32 read it)."""
    data = _woman(
        "2026-05-04",
        [*(result(g, "not_detected", tested_on="2026-04-27") for g in ("ESR1", *PAM))],
        _course(
            ["palbociclib", "letrozole"],
            "2023-09-01",
            "2023-11-10",
            "toxicity",
            line=1,
            toxicity="neutropenia",
        ),
        _course(["letrozole"], "2023-11-11", "2023-11-30", "other", line=1),
        _course(["palbociclib", "letrozole"], "2023-12-01", "2026-04-20", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    abema = option(plan, "abemaciclib+fulvestrant")
    assert abema.tier is not resistx.Tier.LATER
    assert "outside_postmonarch_population" not in {r.code for r in abema.reasons}
    assert "postmonarch_population" in {r.code for r in abema.reasons}
    fulvestrant = option(plan, "fulvestrant")
    assert abema.rank < fulvestrant.rank
    # without the bridge the same (the control, as the reviewer ran it)
    bare = {**data, "treatments": [data["treatments"][0], data["treatments"][2]]}
    assert option(_planned(bare, "practice-2026"), "abemaciclib+fulvestrant").tier is abema.tier


@pytest.mark.parametrize("policy", POLICIES)
def test_after_relapse_on_an_adjuvant_aromatase_inhibitor_and_cdk46i_ribociclib_exemestane_is_later(
    policy: str,
) -> None:
    """Case 1021 (MAJOR, practice-2026; the same order under ye2024): relapse on adjuvant
    anastrozole 6.5 months after 2 years of adjuvant abemaciclib: ribociclib + exemestane, a
    second aromatase inhibitor with the switched CDK4/6 inhibitor, ranked above ribociclib +
    fulvestrant. No trial gave it there (MAINTAIN gave exemestane only after fulvestrant): at
    best a later option, below the fulvestrant doublet."""
    adjuvant = {"setting": "adjuvant"}
    data = _woman(
        "2026-01-15",
        [*(result(g, "not_detected", tested_on="2026-01-05") for g in ("ESR1", *PAM))],
        {
            **_course(["abemaciclib", "anastrozole"], "2023-05-01", "2025-04-30", "completed"),
            **adjuvant,
        },
        {**_course(["anastrozole"], "2025-05-01", "2025-11-20", "progression"), **adjuvant},
        her2="0",
    )
    plan = _planned(data, policy)
    exemestane = option(plan, "ribociclib+exemestane")
    assert exemestane.tier is resistx.Tier.LATER
    [why] = [r for r in exemestane.reasons if r.rule == 94]
    assert "adjuvant" in why.text
    assert exemestane.rank > option(plan, "ribociclib+fulvestrant").rank


def _letrozole_progressed_in_the_hold() -> dict[str, Any]:
    """The third recheck of case 1017: palbociclib + letrozole stopped for neutropenia, then
    letrozole alone until progression, then palbociclib + letrozole again until progression;
    no line numbers; HER2-low."""
    return _woman(
        "2026-05-20",
        [*(result(g, "not_detected", tested_on="2026-05-10") for g in ("ESR1", *PAM))],
        _course(
            ["palbociclib", "letrozole"],
            "2023-09-01",
            "2023-11-10",
            "toxicity",
            toxicity="neutropenia",
        ),
        _course(["letrozole"], "2023-11-11", "2024-04-30", "progression"),
        _course(["palbociclib", "letrozole"], "2024-05-01", "2026-04-20", "progression"),
        her2="low",
    )


def test_a_course_through_a_hold_that_progressed_ends_the_line() -> None:
    """The third recheck of case 1017 (MAJOR, practice-2026): letrozole given through a
    palbociclib hold until progression, then palbociclib + letrozole again, without line
    numbers, was read as one line: abemaciclib + fulvestrant said 'postMONARCH's population'
    and trastuzumab deruxtecan 'outside DESTINY-Breast06's entry (2 or more endocrine lines)'.
    A progression ends the line: two endocrine lines, as with the line numbers given."""
    unnumbered = _letrozole_progressed_in_the_hold()
    numbered = _letrozole_progressed_in_the_hold()
    for t, line in zip(numbered["treatments"], (1, 1, 2), strict=True):
        t["line"] = line
    plans = [_planned(p, "practice-2026") for p in (unnumbered, numbered)]
    for plan in plans:
        abema = option(plan, "abemaciclib+fulvestrant")
        assert "postmonarch_population" not in {r.code for r in abema.reasons}
    unnumbered_plan, numbered_plan = plans
    assert unnumbered_plan.options[0].regimen.id == numbered_plan.options[0].regimen.id
    tiers = {option(p, "trastuzumab-deruxtecan").tier for p in plans}
    assert len(tiers) == 1, tiers


@pytest.mark.parametrize("policy", POLICIES)
def test_after_platinum_a_germline_test_of_tumour_only_results_does_not_hold_the_choice(
    policy: str,
) -> None:
    """The third recheck of case 1009 (MAJOR, both): BRCA1, BRCA2 and PALB2 negative in the
    tumour only, the germline never tested, after progression on carboplatin: the germline test
    was asked before choosing, saying a mutation opens a PARP inhibitor (rule 105 holds them
    back there). It comes after choosing, for a later choice and for the family."""
    data = _germline_brca1_after_platinum()
    data["biomarkers"] = [b for b in data["biomarkers"] if b["gene"] != "BRCA1"] + [
        result(g, "not_detected", tested_on="2026-01-20", tumour_fraction=0.12)
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    plan = _planned(data, policy)
    [germline] = _actions(plan, "test_germline")
    assert not germline.before_choosing
    assert "rule 105" in germline.text and "family" in germline.text


@pytest.mark.parametrize("policy", POLICIES)
def test_where_oral_treatment_is_declined_an_ngs_retest_of_a_pcr_negative_still_comes_first(
    policy: str,
) -> None:
    """The third recheck of case 1000 (MAJOR, both): PIK3CA and ESR1 not detected by PCR only:
    with oral treatment declined the NGS retest went after choosing, yet an NGS negative turns
    the plan (rules 6 and 32). It comes before choosing, as for a patient who takes tablets."""
    data = _oral_only()
    data["biomarkers"] = [
        result(g, "not_detected", tested_on="2026-02-02", assay="pcr") for g in ("ESR1", "PIK3CA")
    ] + [result(g, "not_detected", tested_on="2026-02-02") for g in ("AKT1", "PTEN")]
    plan = resistx.sequence(data, {"declines": ["oral"]}, policy=policy)
    [ngs] = _actions(plan, "retest_ngs")
    assert ngs.before_choosing and "declines" not in ngs.text


def test_a_course_after_a_progression_is_another_line_whatever_its_number() -> None:
    """The fourth recheck of case 1017 (MAJOR, practice-2026): the same history with every
    course recorded as line 1 was read as one line for DESTINY-Breast06 and the
    endocrine-first rule (ribociclib + fulvestrant first, trastuzumab deruxtecan 'outside
    DESTINY-Breast06's entry') while postMONARCH's check saw two. A course after a progression
    starts another line whatever its number: the plan is the one of lines 1, 1, 2."""
    all_one = _letrozole_progressed_in_the_hold()
    for t in all_one["treatments"]:
        t["line"] = 1
    counted = _letrozole_progressed_in_the_hold()
    for t, line in zip(counted["treatments"], (1, 1, 2), strict=True):
        t["line"] = line
    a, b = (_planned(p, "practice-2026") for p in (all_one, counted))
    assert [o.regimen.id for o in a.options] == [o.regimen.id for o in b.options]
    assert option(a, "trastuzumab-deruxtecan").tier is option(b, "trastuzumab-deruxtecan").tier


def _two_progressions(*courses: dict[str, Any]) -> dict[str, Any]:
    """A HER2-low woman, ESR1 and the pathway not detected, with ``courses``."""
    return _woman(
        "2026-05-20",
        [*(result(g, "not_detected", tested_on="2026-05-10") for g in ("ESR1", *PAM))],
        *courses,
        her2="low",
    )


@pytest.mark.parametrize(
    "courses",
    [
        pytest.param(  # the second starts a day before the first's progression date
            (
                _course(["palbociclib", "letrozole"], "2022-01-10", "2024-04-30", "progression"),
                _course(["ribociclib", "fulvestrant"], "2024-04-29", "2026-04-20", "progression"),
            ),
            id="overlapping-dates",
        ),
        pytest.param(  # no dates at all
            (
                {"drugs": ["palbociclib", "letrozole"], "months": 20, "stop_reason": "progression"},
                {"drugs": ["fulvestrant"], "months": 6, "stop_reason": "progression"},
            ),
            id="undated",
        ),
    ],
)
def test_one_line_number_holds_one_progression(courses: tuple[dict[str, Any], ...]) -> None:
    """The fifth recheck of case 1017 (MAJOR, practice-2026): two courses recorded as line 1,
    each ended in progression, undated or the second begun a day before the first's progression
    date, were read as one line: everolimus + exemestane first on 'postMONARCH ... no other
    line', trastuzumab deruxtecan 'outside DESTINY-Breast06's entry'. Two progressions are two
    lines, whatever the numbers: the plan is the one of lines 1 and 2."""
    as_one = _two_progressions(*({**c, "line": 1} for c in courses))
    as_two = _two_progressions(*({**c, "line": k} for k, c in enumerate(courses, 1)))
    a, b = (_planned(p, "practice-2026") for p in (as_one, as_two))
    # each option's tier as in lines 1 and 2; undated courses under one number have no order
    # between them, so what reads 'after the CDK4/6 inhibitor' by line (case 1145) may order
    # two later options otherwise
    assert {(o.regimen.id, o.tier) for o in a.options} == {
        (o.regimen.id, o.tier) for o in b.options
    }
    assert a.options[0].regimen.id == b.options[0].regimen.id == "trastuzumab-deruxtecan"


def test_a_combination_recorded_as_two_courses_that_start_together_is_one_line() -> None:
    """The sixth recheck of case 1017 (MAJOR, practice-2026): palbociclib and letrozole
    recorded as two line-1 courses from one day, their progressions entered 3 days apart, were
    read as two lines: abemaciclib + fulvestrant 'another line ... or no aromatase inhibitor
    with the CDK4/6 inhibitor', trastuzumab deruxtecan first. Courses that start (or end) on
    one day are parts of one combination: the plan is the one of the combination entered as
    one course."""
    apart = _two_progressions(
        _course(["palbociclib"], "2023-09-01", "2026-04-17", "progression", line=1),
        _course(["letrozole"], "2023-09-01", "2026-04-20", "progression", line=1),
    )
    together = _two_progressions(
        _course(["palbociclib", "letrozole"], "2023-09-01", "2026-04-20", "progression", line=1)
    )
    a, b = (_planned(p, "practice-2026") for p in (apart, together))
    assert a.options[0].regimen.id == b.options[0].regimen.id
    abema = option(a, "abemaciclib+fulvestrant")
    assert abema.tier is option(b, "abemaciclib+fulvestrant").tier
    assert "outside_postmonarch_population" not in {r.code for r in abema.reasons}


@pytest.mark.parametrize(
    ("letrozole", "palbociclib", "numbered"),
    [
        (("2023-09-01", "2026-04-20"), ("2023-09-15", "2026-04-20"), True),  # added 14 days on
        (("2023-09-01", "2026-04-20"), ("2023-09-15", "2026-04-17"), True),  # ends 3 days apart
        (("2023-09-01", "2026-04-20"), ("2023-09-01", "2026-04-17"), False),  # no line numbers
    ],
)
def test_a_combination_recorded_as_two_overlapping_courses_reads_as_one_course(
    letrozole: tuple[str, str], palbociclib: tuple[str, str], numbered: bool
) -> None:
    """The seventh recheck of case 1017 (MAJOR, practice-2026): palbociclib + letrozole charted
    as two courses (letrozole first, palbociclib added two weeks on, the last doses days apart;
    or without line numbers) was read as two lines, or as no aromatase inhibitor with the
    CDK4/6 inhibitor: trastuzumab deruxtecan first, abemaciclib + fulvestrant 'another line'.
    Two courses that overlap for most of the shorter one are one combination: the plan is the
    one of the combination entered as one course."""
    line: dict[str, Any] = {"line": 1} if numbered else {}
    apart = _two_progressions(
        _course(["letrozole"], *letrozole, "progression", **line),
        _course(["palbociclib"], *palbociclib, "progression", **line),
    )
    together = _two_progressions(
        _course(["palbociclib", "letrozole"], "2023-09-01", "2026-04-20", "progression", **line)
    )
    a, b = (_planned(p, "practice-2026") for p in (apart, together))
    assert a.options[0].regimen.id == b.options[0].regimen.id
    abema = option(a, "abemaciclib+fulvestrant")
    assert "outside_postmonarch_population" not in {r.code for r in abema.reasons}
    assert abema.tier is option(b, "abemaciclib+fulvestrant").tier


def test_a_plan_says_how_it_read_lines_the_numbers_alone_do_not_say() -> None:
    """The rechecks of case 1017 (MINOR, three times): no plan said how it counted the lines.
    A line number read as two lines, and two courses read as one combination, are noted."""
    split = _letrozole_progressed_in_the_hold()
    for t in split["treatments"]:
        t["line"] = 1
    assert any("one line holds one progression" in n for n in _planned(split).notes)
    apart = _two_progressions(
        _course(["letrozole"], "2023-09-01", "2026-04-20", "progression", line=1),
        _course(["palbociclib"], "2023-09-15", "2026-04-17", "progression", line=1),
    )
    [note] = [n for n in _planned(apart).notes if "read as one combination" in n]
    assert "letrozole and palbociclib" in note
    plain = _planned(
        _two_progressions(
            _course(["palbociclib", "letrozole"], "2023-09-01", "2026-04-20", "progression", line=1)
        )
    )
    assert not any("one combination" in n or "one progression" in n for n in plain.notes)
