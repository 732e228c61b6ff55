"""Each clinical rule of CONTRACT section 5, one test (or a few) named after it."""

from __future__ import annotations

from typing import Any

import pytest

from resistx import Plan
from resistx.model.enums import DrugClass
from resistx.sequencing import kinds as _kinds
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    NEGATIVE,
    PALBOCICLIB,
    TISSUE_PATHWAY_NEGATIVE,
    excluded_for,
    exclusion,
    option,
    plan,
    rank,
    result,
    tier,
)

CDK46_INHIBITORS = ("abemaciclib", "palbociclib", "ribociclib")


def test_rule_01_esr1_mutated_prefers_an_oral_serd() -> None:
    p = plan(biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "not_detected")])
    assert p.options[0].regimen.id == "elacestrant"
    assert tier(p, "elacestrant") == "preferred"
    reason = next(r for r in p.options[0].reasons if r.code == "esr1_mutation_matches_oral_serd")
    assert reason.trials == ("EMERALD",)
    efficacy = next(r for r in p.options[0].reasons if r.factor.value == "efficacy")
    assert "HR 0.55" in efficacy.text


def test_rule_01_esr1_not_mutated_elacestrant_is_not_preferred() -> None:
    p = plan(biomarkers=NEGATIVE)
    assert tier(p, "elacestrant") != "preferred"
    assert any(r.code == "esr1_not_mutated" for r in option(p, "elacestrant").reasons)


@pytest.mark.parametrize(("gene", "status"), [("PIK3CA", "mutated")])
def test_rule_02_pik3ca_prefers_alpelisib_and_capivasertib(gene: str, status: str) -> None:
    p = plan(biomarkers=[result("ESR1", "not_detected"), result(gene, status)])
    assert tier(p, "alpelisib+fulvestrant") == "preferred"
    assert tier(p, "capivasertib+fulvestrant") == "preferred"
    assert {p.options[0].regimen.id, p.options[1].regimen.id} == {
        "alpelisib+fulvestrant",
        "capivasertib+fulvestrant",
    }


@pytest.mark.parametrize(("gene", "status"), [("AKT1", "mutated"), ("PTEN", "loss")])
def test_rule_02_akt1_or_pten_prefers_capivasertib(gene: str, status: str) -> None:
    """A PTEN loss on tissue: on ctDNA only it waits on tissue (test_board_fixes_502)."""
    p = plan(
        biomarkers=[
            result("ESR1", "not_detected"),
            # on tissue: a PIK3CA negative on ctDNA alone makes alpelisib wait (case 534)
            result("PIK3CA", "not_detected", sample="tissue"),
            result(gene, status, sample="tissue" if gene == "PTEN" else "ctdna"),
        ]
    )
    assert p.options[0].regimen.id == "capivasertib+fulvestrant"
    assert tier(p, "capivasertib+fulvestrant") == "preferred"
    assert "biomarker_absent" in excluded_for(p, "alpelisib+fulvestrant")


# untested, alpelisib waits on PIK3CA instead (test_clinical_fixes: an untested PIK3CA keeps
# alpelisib waiting, not left out)
@pytest.mark.parametrize(
    "biomarkers", [TISSUE_PATHWAY_NEGATIVE, [result("PIK3CA", "wild_type", sample="tissue")]]
)
def test_rule_02_alpelisib_is_for_pik3ca_mutated_only(biomarkers: list[dict[str, str]]) -> None:
    p = plan(biomarkers=biomarkers)
    assert excluded_for(p, "alpelisib+fulvestrant") == {"biomarker_absent"}
    assert "SOLAR-1" in exclusion(p, "alpelisib+fulvestrant").reasons[0].trials


# with the pathway untested, capivasertib waits on the test below everolimus instead
# (test_clinical_fixes: an untested AKT pathway keeps capivasertib waiting on the test)
@pytest.mark.parametrize("biomarkers", [[result("PIK3CA", "mutated")], [result("AKT1", "mutated")]])
def test_rule_02_everolimus_ranks_below_pi3k_and_akt_inhibitors(
    biomarkers: list[dict[str, str]],
) -> None:
    p = plan(biomarkers=biomarkers)
    for better in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
        found = p.option(better)
        if found and not found.waits_on:  # alpelisib waits on PIK3CA beside an AKT1 mutation
            assert rank(p, better) < rank(p, "everolimus+exemestane")


def test_rule_03_her2_low_after_chemotherapy_prefers_trastuzumab_deruxtecan() -> None:
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert p.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert tier(p, "trastuzumab-deruxtecan") == "preferred"


def test_rule_03_her2_low_before_chemotherapy_is_not_yet_preferred() -> None:
    p = plan(her2="low", biomarkers=NEGATIVE)
    assert tier(p, "trastuzumab-deruxtecan") != "preferred"
    assert any(
        r.code == "adc_before_chemotherapy" for r in option(p, "trastuzumab-deruxtecan").reasons
    )


@pytest.mark.parametrize("her2", ["0", "ultralow"])
def test_rule_03_her2_0_or_ultralow_excludes_trastuzumab_deruxtecan(her2: str) -> None:
    assert excluded_for(plan(her2=her2), "trastuzumab-deruxtecan") == {"out_of_population"}


def test_rule_03_her2_unknown_asks_for_an_ihc_test() -> None:
    p = plan(her2="unknown")
    action = next(a for a in p.actions if a.code == "test_her2")
    assert "IHC" in action.text and action.genes == ("ERBB2",)


def test_rule_04_two_chemotherapy_lines_prefer_sacituzumab_govitecan() -> None:
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    assert p.options[0].regimen.id == "sacituzumab-govitecan"
    assert tier(p, "sacituzumab-govitecan") == "preferred"


def test_rule_04_adcs_follow_chemotherapy() -> None:
    p = plan(biomarkers=NEGATIVE)
    assert tier(p, "sacituzumab-govitecan") != "preferred"
    assert rank(p, "chemotherapy") < rank(p, "sacituzumab-govitecan")


@pytest.mark.parametrize(
    "finding",
    [
        result("PALB2", "mutated", origin="germline"),
        result("BRCA1", "mutated", origin="somatic"),
        result("BRCA2", "mutated", origin="germline"),
    ],
)
def test_rule_05_hrd_mutations_open_a_parp_inhibitor(finding: dict[str, str]) -> None:
    p = plan(biomarkers=[*NEGATIVE, finding])
    assert p.option("olaparib") is not None
    assert tier(p, "olaparib") in ("preferred", "alternative")


def test_rule_05_somatic_palb2_or_nothing_leaves_parp_inhibitors_out() -> None:
    """With BRCA1 and BRCA2 tested without a mutation in the germline and the tumour: a somatic
    PALB2 mutation or a germline PALB2 negative leaves them out (untested genes make them wait
    instead: test_clinical_fixes; a germline test alone: test_board_fixes; a tumour test alone:
    test_board_fixes_502)."""
    brca = [
        result(g, "not_detected", origin=origin, sample=sample)
        for g in ("BRCA1", "BRCA2")
        for origin, sample in (("germline", "blood"), ("somatic", "tissue"))
    ]
    germline_negative = result("PALB2", "not_detected", origin="germline", sample="blood")
    for palb2 in (
        [result("PALB2", "mutated", origin="somatic"), germline_negative],
        [germline_negative],
    ):
        p = plan(biomarkers=[*brca, *palb2])
        assert excluded_for(p, "olaparib") == {"biomarker_absent"}
        assert excluded_for(p, "talazoparib") == {"biomarker_absent"}


def _endocrine_ranks(p: Plan) -> list[int]:
    return [o.rank for o in p.options if _kinds.is_endocrine_based(o.regimen)]


def test_rule_06_no_actionable_alteration_prefers_chemotherapy_and_adcs() -> None:
    p = plan(biomarkers=NEGATIVE)
    assert rank(p, "chemotherapy") < min(_endocrine_ranks(p))
    assert any(r.code == "no_actionable_alteration" for r in option(p, "chemotherapy").reasons)


def test_rule_06_short_time_on_the_cdk46_inhibitor_prefers_chemotherapy() -> None:
    short = {**PALBOCICLIB, "started_on": "2024-12-01"}
    p = plan(treatments=[short], biomarkers=[result("ESR1", "mutated")])
    assert rank(p, "chemotherapy") < min(_endocrine_ranks(p))
    long = plan(biomarkers=[result("ESR1", "mutated")])
    assert rank(long, "elacestrant") < rank(long, "chemotherapy")


def test_rule_06_the_threshold_is_a_preference() -> None:
    p = plan({"short_cdk46i_months": 30.0}, biomarkers=[result("ESR1", "mutated")])
    assert rank(p, "chemotherapy") < rank(p, "elacestrant")


def test_rule_07_visceral_crisis_puts_chemotherapy_first() -> None:
    p = plan(
        visceral_crisis=True, biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")]
    )
    assert p.options[0].regimen.id == "chemotherapy"
    assert tier(p, "chemotherapy") == "preferred"


def test_rule_08_after_palbociclib_switch_to_ribociclib_not_continue_palbociclib() -> None:
    p = plan()
    assert p.option("ribociclib+fulvestrant") is not None
    assert any(
        r.code == "switch_cdk46i_after_palbociclib" and "MAINTAIN" in r.trials
        for r in option(p, "ribociclib+fulvestrant").reasons
    )
    assert "negative_trial" in excluded_for(p, "palbociclib+fulvestrant")
    assert "PACE" in exclusion(p, "palbociclib+fulvestrant").reasons[0].trials


def test_rule_08_rb1_loss_leaves_cdk46_inhibitor_regimens_out() -> None:
    p = plan(biomarkers=[result("RB1", "loss")])
    for o in p.options:
        assert DrugClass.CDK46_INHIBITOR not in o.regimen.drug_classes
    for rid in ("ribociclib+fulvestrant", "abemaciclib", "ribociclib+everolimus+exemestane"):
        assert "biomarker_absent" in excluded_for(p, rid)


def test_rule_08_an_exclusion_names_the_patients_own_rb1_result() -> None:
    """The exclusion's text is memoised with a slot for the finding; each plan fills in its
    patient's own result (date, sample, assay)."""
    for date in ("2026-04-10", "2026-03-02"):
        p = plan(biomarkers=[result("RB1", "loss", tested_on=date)])
        [reason] = [r for r in exclusion(p, "abemaciclib").reasons if r.code == "biomarker_absent"]
        assert f"RB1 loss ({date}, ctdna, ngs)" in reason.text and "\ue000" not in reason.text


def test_rule_09_ccne1_amplification_offers_cdk2_inhibitor_trials() -> None:
    p = plan(biomarkers=[result("CCNE1", "amplified")])
    trials = {o.regimen.id for o in p.options if o.tier.value == "trial"}
    assert {"trial:NCT05252416", "trial:NCT04553133"} <= trials
    vela = p.option("trial:NCT05252416")
    assert vela is not None and any("VELA" in r.trials for r in vela.reasons)


def test_rule_09_no_trials_when_not_wanted() -> None:
    p = plan({"include_trials": False}, biomarkers=[result("CCNE1", "amplified")])
    assert not [o for o in p.options if o.regimen.is_trial]
    assert not [e for e in p.excluded if e.regimen.is_trial]


@pytest.mark.parametrize(
    ("regimen", "trial"),
    [
        ("venetoclax+fulvestrant", "VERONICA"),
        ("amcenestrant", "AMEERA-3"),
        ("giredestrant", "acelERA"),
    ],
)
def test_rule_10_negative_trials_are_excluded(regimen: str, trial: str) -> None:
    p = plan(biomarkers=[result("ESR1", "mutated")])
    assert excluded_for(p, regimen) == {"negative_trial"}
    assert trial in exclusion(p, regimen).reasons[0].trials


def test_rule_11_a_regimen_progressed_on_is_excluded() -> None:
    fulv = {
        "drugs": ["Faslodex"],
        "line": 2,
        "started_on": "2025-04-01",
        "ended_on": "2026-01-01",
        "stop_reason": "progression",
    }
    p = plan(treatments=[PALBOCICLIB, fulv], biomarkers=[result("ESR1", "mutated")])
    assert excluded_for(p, "fulvestrant") == {"progressed_on"}
    assert p.option("capivasertib+fulvestrant") is not None  # a combination with it stays possible
    # an adjuvant course is one before the metastatic ones (a later one is refused: case 1989)
    adjuvant = {**fulv, "setting": "adjuvant", "started_on": "2021-04-01", "ended_on": "2022-01-01"}
    assert plan(treatments=[PALBOCICLIB, adjuvant]).option("fulvestrant") is not None


def test_rule_12_diabetes_excludes_alpelisib_and_cautions_capivasertib() -> None:
    p = plan(comorbidities=["diabetes"], biomarkers=[result("PIK3CA", "mutated")])
    excl = p.exclusion("alpelisib+fulvestrant")
    assert excl is not None and {c.value for c in excl.codes} == {"contraindicated"}
    assert "63.7" in excl.reasons[0].text and "36.6" in excl.reasons[0].text
    capi = p.option("capivasertib+fulvestrant")
    assert capi is not None and any(c.code == "diabetes_caution" for c in capi.cautions)


def test_rule_12_interstitial_lung_disease_excludes_trastuzumab_deruxtecan() -> None:
    p = plan(
        comorbidities=["interstitial_lung_disease"],
        her2="low",
        treatments=[PALBOCICLIB, CAPECITABINE],
        biomarkers=[result("PIK3CA", "mutated")],
    )
    excl = p.exclusion("trastuzumab-deruxtecan")
    assert excl is not None and "12.1" in excl.reasons[0].text
    eve = p.option("everolimus+exemestane")
    assert eve is not None and any(c.term == "pneumonitis" for c in eve.cautions)


@pytest.mark.parametrize("ecog", [3, 4])
def test_rule_13_poor_performance_status_puts_the_least_toxic_first(ecog: int) -> None:
    fit = plan(ecog=1, biomarkers=[result("PIK3CA", "mutated")])
    frail = plan(ecog=ecog, biomarkers=[result("PIK3CA", "mutated")])
    assert _kinds.is_intensive(fit.options[0].regimen)
    top = [o.regimen for o in frail.options[:3]]
    assert not any(_kinds.is_intensive(r) for r in top), [r.id for r in top]
    first = frail.options[0].regimen  # endocrine monotherapy: the least toxic kind left
    assert len(first.drugs) == 1 and _kinds.is_endocrine_based(first)
    capi = frail.option("capivasertib+fulvestrant")
    assert capi is not None
    assert any(r.code == "poor_performance_status_intensive" for r in capi.reasons)


def _lead(p: Plan, better: str, worse: str) -> float:
    a, b = p.option(better), p.option(worse)
    assert a is not None and b is not None
    return a.scores.total - b.scores.total


def test_rule_14_quality_of_life_and_cost_weigh_against_adcs() -> None:
    short = {**PALBOCICLIB, "started_on": "2024-12-01"}
    base: dict[str, Any] = {"treatments": [short, CAPECITABINE], "biomarkers": NEGATIVE}
    balanced = plan(**base)
    for prefs in ({"priority": "quality_of_life"}, {"cost_sensitive": True}):
        other = plan(prefs, **base)
        # nothing calls for an ADC here (HER2 0, one chemotherapy line): chemotherapy first
        assert rank(other, "chemotherapy") < rank(other, "sacituzumab-govitecan")
        assert _lead(other, "chemotherapy", "sacituzumab-govitecan") > _lead(
            balanced, "chemotherapy", "sacituzumab-govitecan"
        )


def test_rule_14_among_similar_efficacy_the_less_toxic_ranks_higher() -> None:
    base: dict[str, Any] = {
        "her2": "low",
        "treatments": [PALBOCICLIB, CAPECITABINE],
        "biomarkers": NEGATIVE,
    }
    balanced, qol = plan(**base), plan({"priority": "quality_of_life"}, **base)
    # an ADC the biomarker calls for keeps its place, with a smaller lead
    assert qol.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert _lead(qol, "trastuzumab-deruxtecan", "chemotherapy") < _lead(
        balanced, "trastuzumab-deruxtecan", "chemotherapy"
    )


def test_rule_15_missing_results_ask_for_a_retest() -> None:
    p = plan(biomarkers=[])
    retest = next(a for a in p.actions if a.code == "retest")
    assert set(retest.genes) == {"ESR1", "PIK3CA", "AKT1", "PTEN"}
    assert "ctDNA" in retest.text


def test_rule_15_results_older_than_the_latest_progression_ask_for_a_retest() -> None:
    old = [
        result("ESR1", "not_detected", tested_on="2024-01-01"),
        result("PIK3CA", "not_detected", tested_on="2024-01-01"),
    ]
    p = plan(biomarkers=old)
    assert set(next(a for a in p.actions if a.code == "retest").genes) == {
        "ESR1",
        "PIK3CA",
        "AKT1",
        "PTEN",
    }
    fresh = plan(biomarkers=NEGATIVE)
    assert not [a for a in fresh.actions if a.code == "retest"]


def test_rule_15_pcr_only_negative_asks_for_ngs() -> None:
    p = plan(
        biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "not_detected", assay="pcr")]
    )
    action = next(a for a in p.actions if a.code == "retest_ngs")
    assert action.genes == ("PIK3CA",) and "FAKTION" in action.text


# -- regressions from the clinical audit of the worked examples ---------------------------


def test_rule_06_her2_low_does_not_count_as_actionable() -> None:
    p = plan(
        her2="low",
        comorbidities=["interstitial_lung_disease"],
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    assert p.options[0].regimen.id == "chemotherapy"
    assert rank(p, "chemotherapy") < min(_endocrine_ranks(p))


def test_rule_06_a_cdk46i_course_stopped_for_toxicity_does_not_measure_response() -> None:
    toxic = {
        "drugs": ["palbociclib", "letrozole"],
        "line": 1,
        "started_on": "2023-01-01",
        "ended_on": "2023-02-15",
        "stop_reason": "toxicity",
    }
    letrozole = {
        "drugs": ["letrozole"],
        "line": 1,
        "started_on": "2023-02-20",
        "ended_on": "2025-01-01",
        "stop_reason": "progression",
    }
    p = plan(treatments=[toxic, letrozole], biomarkers=[result("ESR1", "mutated")])
    # not CDK4/6i-resistant (rule 23): switching to another CDK4/6 inhibitor comes first
    assert p.options[0].regimen.id in ("ribociclib+fulvestrant", "abemaciclib+fulvestrant")
    assert not any(r.code.startswith("short_cdk46i") for o in p.options for r in o.reasons)


def test_rule_06_abemaciclib_alone_counts_as_endocrine_based() -> None:
    short = {
        "drugs": ["ribociclib", "letrozole"],
        "started_on": "2025-11-01",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    }
    p = plan(treatments=[short], biomarkers=NEGATIVE)
    assert rank(p, "chemotherapy") < rank(p, "abemaciclib")
    efficacy = next(r for r in option(p, "abemaciclib").reasons if r.factor.value == "efficacy")
    assert efficacy.code == "no_direct_evidence"  # the cohort of ref 35 progressed on palbociclib


def test_rule_03_adcs_before_their_chemotherapy_lines_rank_below_chemotherapy() -> None:
    p = plan(her2="low", biomarkers=NEGATIVE)
    assert rank(p, "chemotherapy") < rank(p, "trastuzumab-deruxtecan")
    assert rank(p, "chemotherapy") < rank(p, "sacituzumab-govitecan")


def test_rule_03_her2_unknown_keeps_trastuzumab_deruxtecan_waiting_for_the_test() -> None:
    p = plan(her2="unknown")
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert any(r.code == "her2_status_unknown" for r in tdxd.reasons)
    assert tdxd.tier.value == "later"


def test_rule_04_two_chemotherapy_lines_alone_make_sacituzumab_preferred() -> None:
    p = plan(biomarkers=[], treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    assert tier(p, "sacituzumab-govitecan") == "preferred"


def test_rule_05_germline_brca_cites_the_approval_trials_not_tbcrc048() -> None:
    p = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")])
    reasons = {r.code: r for r in option(p, "olaparib").reasons}
    assert {74, 75} <= set(reasons["germline_brca_matches_parp_inhibitor"].references)
    assert "TBCRC 048" not in reasons["germline_brca_matches_parp_inhibitor"].trials
    somatic = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="somatic")])
    assert option(p, "olaparib").scores.total >= option(somatic, "olaparib").scores.total


def test_rule_05_each_untested_gene_is_asked_for() -> None:
    p = plan(biomarkers=[result("PALB2", "not_detected", origin="germline")])
    action = next(a for a in p.actions if a.code == "test_hrd_genes")
    assert action.genes == ("BRCA1", "BRCA2")


def test_rule_02_no_alteration_by_ngs_reads_faktions_non_altered_subgroup() -> None:
    p = plan(biomarkers=NEGATIVE)
    efficacy = [
        r for r in option(p, "capivasertib+fulvestrant").reasons if r.factor.value == "efficacy"
    ]
    assert efficacy[0].trials == ("FAKTION",) and "pathway not altered (NGS)" in efficacy[0].text
    assert all("CAPItello-291" not in r.trials for r in efficacy)


def test_rule_08_pace_excludes_continuing_palbociclib_only_after_palbociclib() -> None:
    ribociclib = {
        "drugs": ["ribociclib", "letrozole"],
        "started_on": "2023-01-01",
        "ended_on": "2025-01-01",
        "stop_reason": "progression",
    }
    p = plan(treatments=[ribociclib])
    assert p.option("palbociclib+fulvestrant") is not None
    assert any(r.code == "progressed_on_drug" for r in option(p, "ribociclib+fulvestrant").reasons)


def test_rule_11_another_drug_of_the_pathway_after_progression_is_demoted() -> None:
    alpelisib = {
        "drugs": ["alpelisib", "fulvestrant"],
        "started_on": "2025-04-01",
        "ended_on": "2026-01-01",
        "stop_reason": "progression",
    }
    before = plan(biomarkers=[result("PIK3CA", "mutated")])
    after = plan(treatments=[PALBOCICLIB, alpelisib], biomarkers=[result("PIK3CA", "mutated")])
    assert "progressed_on" in excluded_for(after, "alpelisib+fulvestrant")
    capi = option(after, "capivasertib+fulvestrant")
    assert any(r.code == "same_class_after_progression" for r in capi.reasons)
    assert capi.scores.history < option(before, "capivasertib+fulvestrant").scores.history


def test_rule_12_each_option_shows_its_signature_risk() -> None:
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    terms = {c.term for c in option(p, "trastuzumab-deruxtecan").cautions}
    assert "interstitial lung disease" in terms


# -- regressions from the second audit ------------------------------------------------------


def test_rule_02_a_pik3ca_amplification_is_not_a_mutation() -> None:
    p = plan(biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "amplified")])
    assert excluded_for(p, "alpelisib+fulvestrant") == {"biomarker_absent"}


def test_rule_05_a_germline_mutation_holds_against_a_later_tumour_negative() -> None:
    p = plan(
        biomarkers=[
            *NEGATIVE,
            result("BRCA2", "mutated", origin="germline", tested_on="2020-01-01"),
            result("BRCA2", "not_detected", tested_on="2026-04-10"),
        ]
    )
    assert p.option("olaparib") is not None


def test_rule_15_a_progression_given_as_start_plus_months_makes_results_stale() -> None:
    old = [
        result(g, "not_detected", tested_on="2023-12-01")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    palbo = {
        "drugs": ["palbociclib", "letrozole"],
        "started_on": "2024-01-10",
        "months": 26,
        "stop_reason": "progression",
    }
    p = plan(biomarkers=old, treatments=[palbo])
    assert next(a for a in p.actions if a.code == "retest").genes == (
        "ESR1",
        "PIK3CA",
        "AKT1",
        "PTEN",
    )


def test_rule_15_an_incomplete_pathway_test_asks_for_the_missing_genes() -> None:
    p = plan(biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "not_detected")])
    assert next(a for a in p.actions if a.code == "retest").genes == ("AKT1", "PTEN")
    reasons = {r.code for r in option(p, "capivasertib+fulvestrant").reasons}
    assert "pathway_not_altered_by_ngs" not in reasons


def test_rule_02_an_archival_pik3ca_mutation_still_counts_in_full() -> None:
    p = plan(
        biomarkers=[
            result("ESR1", "not_detected"),
            result("PIK3CA", "mutated", sample="tissue", tested_on="2021-05-01"),
        ]
    )
    assert tier(p, "alpelisib+fulvestrant") == "preferred"


def test_rule_06_the_longest_cdk46i_course_measures_sensitivity() -> None:
    long = {
        "drugs": ["palbociclib", "letrozole"],
        "started_on": "2023-01-01",
        "ended_on": "2025-12-01",
        "stop_reason": "progression",
    }
    rechallenge = {
        "drugs": ["abemaciclib"],
        "started_on": "2025-12-10",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    }
    ongoing = {
        "drugs": ["ribociclib", "fulvestrant"],
        "started_on": "2026-03-25",
        "stop_reason": "ongoing",
    }
    for treatments in ([long, rechallenge], [long, ongoing]):
        p = plan(treatments=treatments, biomarkers=[result("ESR1", "mutated")])
        assert p.options[0].regimen.id == "elacestrant"


def test_rule_08_palbociclib_stopped_for_toxicity_is_not_resistance_to_it() -> None:
    toxic = {
        "drugs": ["palbociclib", "letrozole"],
        "started_on": "2024-01-01",
        "ended_on": "2024-03-01",
        "stop_reason": "toxicity",
    }
    letrozole = {
        "drugs": ["letrozole"],
        "started_on": "2024-03-01",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    }
    p = plan(treatments=[toxic, letrozole])
    assert p.option("palbociclib+fulvestrant") is not None
    assert any("CDK4/6-inhibitor course" in n for n in p.notes)


def test_rule_11_after_alpelisib_capivasertib_is_no_longer_preferred() -> None:
    alpelisib = {
        "drugs": ["Piqray", "Faslodex"],
        "started_on": "2025-04-01",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    }
    p = plan(
        treatments=[PALBOCICLIB, alpelisib],
        biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "mutated")],
    )
    assert tier(p, "capivasertib+fulvestrant") != "preferred"


def test_no_cdk46i_on_record_puts_a_cdk46i_with_fulvestrant_first() -> None:
    letrozole = {
        "drugs": ["letrozole"],
        "started_on": "2023-01-01",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    }
    p = plan(treatments=[letrozole], biomarkers=[result("ESR1", "mutated")])
    assert p.options[0].regimen.id in {f"{d}+fulvestrant" for d in CDK46_INHIBITORS}
    assert p.options[0].tier.value == "preferred"
    for d in CDK46_INHIBITORS:  # MAINTAIN and PACE are after a CDK4/6i: the Introduction speaks
        efficacy = [
            r for r in option(p, f"{d}+fulvestrant").reasons if r.factor.value == "efficacy"
        ]
        assert [r.code for r in efficacy] == ["cdk46i_naive_fulvestrant_partner"], d


def test_rule_04_sacituzumab_at_ecog_2_is_an_alternative_outside_its_trials_entry() -> None:
    """At ECOG 2 sacituzumab govitecan stays on offer, ranked first, but as an alternative:
    TROPiCS-02 enrolled ECOG 0-1 (rule 98, case 980); at ECOG 1 it is preferred."""
    p = plan(ecog=2, biomarkers=[], treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    assert tier(p, "sacituzumab-govitecan") == "alternative"
    assert "outside_trial_performance_status" in {
        r.code for r in option(p, "sacituzumab-govitecan").reasons
    }
    fit = plan(ecog=1, biomarkers=[], treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    assert tier(fit, "sacituzumab-govitecan") == "preferred"


def test_rule_06_chemotherapy_then_adcs_then_endocrine_when_nothing_is_actionable() -> None:
    """Chemotherapy first, then the ADCs, then endocrine therapy; after first-line palbociclib
    MAINTAIN's switch (ribociclib + fulvestrant) is the one exception, an alternative beside
    chemotherapy (case 445)."""
    p = plan(biomarkers=NEGATIVE)
    assert p.options[0].regimen.id == "chemotherapy" and p.options[0].tier.value == "preferred"
    others = [o.rank for o in p.options if _kinds.is_endocrine_based(o.regimen)]
    assert rank(p, "sacituzumab-govitecan") < min(set(others) - {rank(p, "ribociclib+fulvestrant")})
    assert tier(p, "ribociclib+fulvestrant") == "alternative"
    abemaciclib_first = plan(
        biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])]
    )
    assert rank(abemaciclib_first, "sacituzumab-govitecan") < min(
        _endocrine_ranks(abemaciclib_first)
    )


# -- a second blind review (a breast oncologist reading ten new plans): what it found ----------


def test_a_tumour_palb2_mutation_asks_for_a_germline_palb2_test_that_could_open_a_parp_inhibitor() -> (
    None
):
    """A somatic PALB2 mutation opens no PARP inhibitor, a germline one does (TBCRC 048): the
    plan must ask for the germline test, as a step that can change the order."""
    p = plan(biomarkers=[*NEGATIVE, result("PALB2", "mutated", sample="tissue")])
    assert option(p, "olaparib").waits_on == ("BRCA1/2 and PALB2",)  # BRCA1/2 untested
    asks = [a for a in p.actions if a.code == "test_germline" and a.genes == ("PALB2",)]
    assert len(asks) == 1
    assert "germline PALB2" in asks[0].text and "TBCRC 048" in asks[0].text
    assert "does not wait" not in asks[0].text


def test_a_brca2_loss_is_not_called_a_mutation_nor_said_to_open_a_parp_inhibitor() -> None:
    """The review's PARP evidence is for BRCA1/2 mutations; a tumour BRCA2 'loss' matches no
    PARP inhibitor (they wait on the germline tests), and the plan must not call it a mutation
    whose PARP option 'does not wait'; it asks for the germline test instead."""
    p = plan(biomarkers=[*NEGATIVE, result("BRCA2", "loss", sample="tissue")])
    olaparib = option(p, "olaparib")  # BRCA1 and PALB2 untested: it waits, never matched
    assert olaparib.waits_on == ("BRCA1/2 and PALB2",)
    assert not any(r.code.endswith("matches_parp_inhibitor") for r in olaparib.reasons)
    texts = " ".join(a.text for a in p.actions)
    assert "BRCA2 mutation" not in texts and "does not wait" not in texts
    ask = next(a for a in p.actions if a.code == "test_germline" and a.genes == ("BRCA2",))
    assert "BRCA2 loss" in ask.text and "mutation" in ask.text


@pytest.mark.parametrize(
    ("her2", "status"), [("0", "amplified"), ("ultralow", "amplified"), ("low", "overexpressed")]
)
def test_an_erbb2_amplification_beside_a_her2_negative_result_asks_to_retest_her2_first(
    her2: str, status: str
) -> None:
    """ERBB2 amplified (or overexpressed) on NGS disagrees with HER2 0, ultralow or low: the
    disease may be HER2-positive, which is outside the review; retesting HER2 comes first."""
    p = plan(her2=her2, biomarkers=[*NEGATIVE, result("ERBB2", status, sample="tissue")])
    retest = [a for a in p.actions if a.code == "retest_her2"]
    assert len(retest) == 1 and retest[0].genes == ("ERBB2",)
    assert p.actions[0] == retest[0]
    assert f"HER2 {her2}" in retest[0].text and "HER2-positive" in retest[0].text
    quiet = plan(her2=her2, biomarkers=[*NEGATIVE, result("ERBB2", "not_detected")])
    assert not [a for a in quiet.actions if a.code == "retest_her2"]


def test_the_her2_test_asked_for_an_unknown_status_also_rules_out_her2_positive_disease() -> None:
    p = plan(her2="unknown", biomarkers=NEGATIVE)
    action = next(a for a in p.actions if a.code == "test_her2")
    assert "HER2-positive" in action.text and "DESTINY-Breast04" in action.text


def test_an_unknown_menopausal_status_is_said_to_matter_for_the_endocrine_options() -> None:
    """Before the menopause an aromatase inhibitor or fulvestrant needs ovarian suppression, and
    EMERALD enrolled postmenopausal patients: an unknown status must be named, not passed over."""
    unknown = plan(schema_version=2, menopausal_status="unknown", biomarkers=NEGATIVE)
    said = [n for n in unknown.notes if n.startswith("Menopausal status unknown")]
    assert len(said) == 1 and "ovarian function suppression" in said[0] and "EMERALD" in said[0]
    for known in (
        plan(schema_version=2, menopausal_status="postmenopausal", biomarkers=NEGATIVE),
        plan(schema_version=2, sex="male", biomarkers=NEGATIVE),
    ):
        assert not [n for n in known.notes if n.startswith("Menopausal status unknown")]


def test_capivasertib_cautions_name_diarrhoea_among_its_most_common_grade_3_events() -> None:
    """The review: 'the most common grade 3-4 AEs were hypertension (32%), diarrhoea (14%), and
    rash (20%) in the capivasertib-treated group'; diarrhoea is also its most frequent event of
    any grade in FAKTION (81%). A plan's capivasertib option must caution it."""
    p = plan(biomarkers=[result("AKT1", "mutated"), result("ESR1", "not_detected")])
    capivasertib = option(p, "capivasertib+fulvestrant")
    terms = {c.term for c in capivasertib.cautions}
    assert {"hypertension", "rash", "diarrhea", "hyperglycemia"} <= terms
    diarrhoea = next(c for c in capivasertib.cautions if c.term == "diarrhea")
    assert diarrhoea.percent == 14.0 and "81% any grade" in diarrhoea.text
    assert "FAKTION" in diarrhoea.trials


def test_a_trial_of_another_akt_inhibitor_is_not_given_capivasertibs_trial_as_its_own() -> None:
    """FINER tests ipatasertib: its reason may say that the review's AKT-inhibitor evidence is
    capivasertib's, but not present CAPItello-291's population as the trial's own."""
    p = plan(biomarkers=[result("PIK3CA", "mutated"), result("ESR1", "not_detected")])
    finer = next(o for o in p.options if "ipatasertib" in o.regimen.drugs)
    said = next(r for r in finer.reasons if r.code == "akt_pathway_alteration_matches_capivasertib")
    assert "ipatasertib" in said.text and "capivasertib's" in said.text
    capivasertib = option(p, "capivasertib+fulvestrant")
    own = next(r for r in capivasertib.reasons if r.code == said.code)
    assert "ipatasertib" not in own.text and "CAPItello-291's greatest benefit" in own.text


@pytest.mark.parametrize("gene", ["BRCA2", "PALB2"])
def test_a_germline_test_that_could_open_a_parp_inhibitor_comes_before_one_that_could_not(
    gene: str,
) -> None:
    """After a tumour BRCA2 loss or PALB2 finding, the germline test decides whether a PARP
    inhibitor opens, so it is a step before choosing; after a tumour BRCA1 mutation the PARP
    inhibitor is open already and its germline test only completes the picture (after a
    chemotherapy line: without one, olaparib's label does not cover her and the germline result
    decides talazoparib's, so that test comes before choosing too: case 575)."""
    status = "loss" if gene == "BRCA2" else "mutated"
    p = plan(
        biomarkers=[
            *NEGATIVE,
            result("BRCA1", "mutated", sample="tissue"),
            result(gene, status, sample="tissue"),
        ],
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    germline = {a.genes: i for i, a in enumerate(p.actions) if a.code == "test_germline"}
    assert germline[(gene,)] < germline[("BRCA1",)]
