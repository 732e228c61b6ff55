"""Scenario tests for the clinical errors the independent review found in 0.1, one per behaviour."""

from __future__ import annotations

from typing import Any

import attrs

import resistx
from resistx.sequencing.policies import YE2024
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    FULVESTRANT,
    NEGATIVE,
    PALBOCICLIB,
    TISSUE_PATHWAY_NEGATIVE,
    adjuvant,
    excluded_for,
    on_tissue,
    option,
    patient,
    plan,
    rank,
    result,
    second_line,
    tier,
)

ELACESTRANT = {
    "drugs": ["elacestrant"],
    "started_on": "2025-04-01",
    "ended_on": "2025-09-01",
    "stop_reason": "progression",
}
CAPIVASERTIB = {
    "drugs": ["capivasertib", "fulvestrant"],
    "started_on": "2025-09-15",
    "ended_on": "2026-03-01",
    "stop_reason": "progression",
}


def _codes(p: resistx.Plan, regimen_id: str) -> set[str]:
    return {r.code for r in option(p, regimen_id).reasons}


# 1. a later negative does not erase an earlier positive


def test_a_later_ctdna_negative_keeps_an_earlier_tissue_pik3ca_mutation() -> None:
    p = plan(
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2021-06-01"),
            result("PIK3CA", "not_detected", sample="ctdna", tested_on="2026-04-10"),
        ]
    )
    assert "biomarker_absent" not in excluded_for(p, "alpelisib+fulvestrant")
    assert "pik3ca_mutation_matches_alpelisib" in _codes(p, "alpelisib+fulvestrant")
    assert any("PIK3CA" in n and "disagree" in n for n in p.notes)
    # the stable positive stands: no retest is asked for (a retest could not undo it)
    assert not any(a.code == "resolve_conflict" for a in p.actions)


def test_a_later_esr1_negative_that_replaces_a_mutation_asks_for_a_retest() -> None:
    p = plan(
        biomarkers=[
            result("ESR1", "mutated", tested_on="2024-01-01"),
            result("ESR1", "not_detected", sample="ctdna", tested_on="2026-04-10"),
        ]
    )
    assert any(a.code == "resolve_conflict" and a.genes == ("ESR1",) for a in p.actions)


def test_an_esr1_ctdna_mutation_after_progression_stands_against_a_tissue_negative() -> None:
    p = plan(
        biomarkers=[
            result("ESR1", "mutated", sample="ctdna", tested_on="2026-04-01"),
            result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-10"),
        ]
    )
    assert p.options[0].regimen.id == "elacestrant"
    assert any("ESR1" in n and "disagree" in n for n in p.notes)


def test_a_later_esr1_tissue_negative_after_progression_replaces_an_older_mutation() -> None:
    """A later negative on tissue stands; one on ctDNA alone leaves ESR1 to a retest (case
    458: a tumour can shed too little DNA for it)."""
    p = plan(
        biomarkers=[
            result("ESR1", "mutated", tested_on="2024-01-01"),
            result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-10"),
        ]
    )
    assert "esr1_not_mutated" in _codes(p, "elacestrant")
    ctdna = plan(
        biomarkers=[
            result("ESR1", "mutated", tested_on="2024-01-01"),
            result("ESR1", "not_detected", tested_on="2026-04-10"),
        ]
    )
    assert "esr1_not_mutated" not in _codes(ctdna, "elacestrant")
    assert option(ctdna, "elacestrant").waits_on == ("ESR1",)


def test_a_germline_result_holds_against_a_later_tumour_negative() -> None:
    p = plan(
        biomarkers=[
            *NEGATIVE,
            result("BRCA2", "mutated", origin="germline", tested_on="2019-01-01"),
            result("BRCA2", "not_detected", tested_on="2026-04-10"),
        ]
    )
    assert "germline_brca_matches_parp_inhibitor" in _codes(p, "olaparib")


def test_an_esr1_negative_from_before_the_latest_progression_is_not_read_as_not_mutated() -> None:
    """ESR1 mutations are acquired under endocrine therapy: a negative from before the latest
    progression says nothing of now, so the oral SERD is not marked down for it; its reason
    says the result predates the progression, and a current test is asked for."""
    stale = [result("ESR1", "not_detected", tested_on="2023-01-10"), *NEGATIVE[1:]]
    p = plan(biomarkers=stale)
    elacestrant = option(p, "elacestrant")
    codes = {r.code for r in elacestrant.reasons}
    assert "esr1_not_mutated" not in codes and "esr1_negative_stale" in codes
    said = next(r for r in elacestrant.reasons if r.code == "esr1_negative_stale")
    assert said.rule == 1 and "before the latest progression" in said.text
    assert any("ESR1" in a.genes for a in p.actions)
    current = plan(biomarkers=NEGATIVE)
    assert "esr1_not_mutated" in {r.code for r in option(current, "elacestrant").reasons}
    assert elacestrant.scores.molecular > option(current, "elacestrant").scores.molecular


# 2. an option that waits on a missing test is never preferred


def test_her2_unknown_keeps_trastuzumab_deruxtecan_waiting_below_every_other_option() -> None:
    p = plan(her2="unknown", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier.value != "preferred"
    assert tdxd.waits_on == ("HER2 IHC",)
    assert all(o.rank < tdxd.rank for o in p.options if not o.waits_on)
    assert p.actions[0].code == "test_her2" or any(a.code == "test_her2" for a in p.actions)


def test_pten_loss_by_ihc_only_keeps_capivasertib_waiting_on_ngs() -> None:
    p = plan(biomarkers=[result("PTEN", "loss", assay="ihc", sample="tissue")])
    capi = option(p, "capivasertib+fulvestrant")
    assert capi.waits_on == ("PTEN by NGS",) and capi.tier.value != "preferred"
    assert any(a.code == "confirm_ngs" for a in p.actions)


def test_a_pathway_negative_by_pcr_only_keeps_capivasertib_waiting() -> None:
    pcr = [result(g, "not_detected", assay="pcr") for g in ("PIK3CA", "AKT1", "PTEN")]
    p = plan(biomarkers=[result("ESR1", "not_detected"), *pcr])
    assert option(p, "capivasertib+fulvestrant").waits_on
    assert option(p, "alpelisib+fulvestrant").waits_on == ("PIK3CA by NGS",)


def test_an_untested_akt_pathway_keeps_capivasertib_waiting_on_the_test() -> None:
    """The review: only FAKTION's NGS pathway-altered subgroup drew a significant benefit, and
    genomic profiling is needed to find who benefits. With AKT1 and PTEN untested, capivasertib
    waits on the test below every option that does not, as trastuzumab deruxtecan waits on
    HER2; tested negative by NGS, it does not wait (its place is then the non-altered one)."""
    untested = plan(biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "not_detected")])
    capi = option(untested, "capivasertib+fulvestrant")
    assert capi.waits_on == ("PI3K pathway by NGS",) and capi.tier.value == "later"
    assert all(o.rank < capi.rank for o in untested.options if not o.waits_on)
    said = next(r for r in capi.reasons if r.code == "akt_pathway_test_pending")
    assert said.rule == 2 and "FAKTION" in said.trials
    assert any(set(a.genes) >= {"AKT1", "PTEN"} for a in untested.actions)
    # on tissue (on ctDNA alone it waits on tissue: rule 77, test_board_fixes_502)
    tested = plan(biomarkers=[on_tissue(r) for r in NEGATIVE])
    assert not option(tested, "capivasertib+fulvestrant").waits_on


def test_a_pathway_tested_negative_with_pten_by_ihc_leaves_capivasertib_unselected_not_waiting() -> (
    None
):
    """Every pathway gene has a current negative, PTEN's by IHC: nothing is missing to wait on,
    and the reason is CAPItello-291's overall population (not the NGS non-altered subgroup)."""
    p = plan(
        biomarkers=[
            result("ESR1", "not_detected"),
            result("PIK3CA", "not_detected"),
            result("AKT1", "not_detected"),
            result("PTEN", "not_detected", assay="ihc", sample="tissue"),
        ]
    )
    capi = option(p, "capivasertib+fulvestrant")
    assert not capi.waits_on
    said = next(r for r in capi.reasons if r.code == "akt_pathway_unknown_or_absent")
    assert said.rule == 2 and "overall population" in said.text


def test_an_untested_pik3ca_keeps_alpelisib_waiting_not_left_out() -> None:
    """'No PIK3CA mutation on record' is not 'no PIK3CA mutation': never tested (or tested
    before the latest progression), alpelisib waits on the test as capivasertib does; a
    current negative, or a variant of unknown significance, still leaves it out."""
    untested = plan(biomarkers=[result("ESR1", "not_detected")])
    alpelisib = option(untested, "alpelisib+fulvestrant")
    assert alpelisib.waits_on == ("PIK3CA by NGS",) and alpelisib.tier.value == "later"
    said = next(r for r in alpelisib.reasons if r.code == "pik3ca_untested")
    assert said.rule == 2 and "SOLAR-1" in said.trials
    assert all(o.rank < alpelisib.rank for o in untested.options if not o.waits_on)
    stale = [result("PIK3CA", "not_detected", tested_on="2023-01-10")]
    assert option(plan(biomarkers=stale), "alpelisib+fulvestrant").waits_on
    tissue = plan(biomarkers=TISSUE_PATHWAY_NEGATIVE)
    assert "biomarker_absent" in excluded_for(tissue, "alpelisib+fulvestrant")


def test_untested_brca_and_palb2_keep_the_parp_inhibitors_waiting_not_left_out() -> None:
    """With BRCA1, BRCA2 or PALB2 never tested, a PARP inhibitor depends on the test the plan
    asks for (rule 26): it waits on it, below every option that does not; with all three
    tested and no mutation it is left out as before."""
    untested = plan(biomarkers=NEGATIVE)
    olaparib = option(untested, "olaparib")
    assert olaparib.waits_on == ("BRCA1/2 and PALB2",) and olaparib.tier.value == "later"
    said = next(r for r in olaparib.reasons if r.code == "hrd_untested")
    assert said.rule == 5
    assert all(o.rank < olaparib.rank for o in untested.options if not o.waits_on)
    assert any(a.code == "test_hrd_genes" for a in untested.actions)
    tested = [
        *NEGATIVE,
        *(result(g, "not_detected", origin="germline") for g in ("BRCA1", "BRCA2", "PALB2")),
        *(result(g, "not_detected", sample="tissue") for g in ("BRCA1", "BRCA2")),
    ]
    assert "biomarker_absent" in excluded_for(plan(biomarkers=tested), "olaparib")


# 3. progression on a class demotes the class


def test_after_elacestrant_and_capivasertib_chemotherapy_comes_before_another_oral_serd() -> None:
    p = plan(
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")],
        treatments=[PALBOCICLIB, ELACESTRANT, CAPIVASERTIB],
    )
    assert rank(p, "chemotherapy") < rank(p, "camizestrant")
    assert tier(p, "camizestrant") != "preferred"
    alpelisib = option(p, "alpelisib+fulvestrant")
    assert alpelisib.tier.value != "preferred"
    assert "same_class_after_progression" in _codes(p, "alpelisib+fulvestrant")


def test_two_endocrine_lines_after_the_cdk46i_without_a_target_bring_chemotherapy_first() -> None:
    fulvestrant = {
        "drugs": ["fulvestrant"],
        "started_on": "2025-04-01",
        "ended_on": "2025-09-01",
        "stop_reason": "progression",
    }
    everolimus = {
        "drugs": ["everolimus", "exemestane"],
        "started_on": "2025-09-15",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    p = plan(
        biomarkers=[result("ESR1", "not_detected")],
        treatments=[PALBOCICLIB, fulvestrant, everolimus],
    )
    assert p.options[0].regimen.id == "chemotherapy"
    assert "endocrine_resistance_prefers_chemotherapy_or_adc" in _codes(p, "chemotherapy")


# 4. a CDK4/6 inhibitor stopped for toxicity is not resistance


def test_a_cdk46i_stopped_for_toxicity_keeps_cdk46i_options_and_switches_first() -> None:
    toxic = dict(PALBOCICLIB, ended_on="2023-03-01", stop_reason="toxicity")
    letrozole = {
        "drugs": ["letrozole"],
        "started_on": "2023-03-10",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    p = plan(biomarkers=NEGATIVE, treatments=[toxic, letrozole])
    assert p.options[0].regimen.id in ("ribociclib+fulvestrant", "abemaciclib+fulvestrant")
    assert not excluded_for(p, "palbociclib+fulvestrant")
    palbo = option(p, "palbociclib+fulvestrant")
    assert any(c.code == "cdk46i_toxicity_rechallenge" for c in palbo.cautions)
    assert p.options[0].regimen.id != "chemotherapy"


# 5. investigational regimens are labelled so


def test_camizestrant_is_a_trial_option_below_olaparib_for_germline_palb2() -> None:
    p = plan(biomarkers=[*NEGATIVE, result("PALB2", "mutated", origin="germline")])
    assert tier(p, "camizestrant") == "trial"
    assert rank(p, "olaparib") < rank(p, "camizestrant")


# 6. (neo)adjuvant chemotherapy counts when relapse was early


def test_adjuvant_chemotherapy_with_relapse_within_six_months_opens_trastuzumab_deruxtecan() -> (
    None
):
    adjuvant = {
        "drugs": ["paclitaxel"],
        "setting": "adjuvant",
        "started_on": "2022-01-01",
        "ended_on": "2022-06-01",
        "stop_reason": "completed",
    }
    palbo = dict(PALBOCICLIB, started_on="2022-10-01")
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[adjuvant, palbo])
    assert "prior_chemotherapy_opens_trastuzumab_deruxtecan" in _codes(p, "trastuzumab-deruxtecan")
    assert rank(p, "trastuzumab-deruxtecan") < rank(p, "chemotherapy")


def test_adjuvant_chemotherapy_long_before_relapse_does_not_count() -> None:
    adjuvant = {
        "drugs": ["paclitaxel"],
        "setting": "adjuvant",
        "started_on": "2015-01-01",
        "ended_on": "2015-06-01",
        "stop_reason": "completed",
    }
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[adjuvant, PALBOCICLIB])
    assert "adc_before_chemotherapy" in _codes(p, "trastuzumab-deruxtecan")


# 7. a tumour BRCA finding asks for germline testing


def test_a_tumour_brca2_mutation_asks_for_germline_testing_of_brca2() -> None:
    p = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="somatic")])
    germline = [a for a in p.actions if a.code == "test_germline"]
    assert [a.genes for a in germline] == [("BRCA2",)]
    assert "does not wait" in germline[0].text


def test_a_known_germline_brca2_does_not_make_testing_read_as_a_precondition() -> None:
    p = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")])
    hrd = next(a for a in p.actions if a.code == "test_hrd_genes")
    assert "already known" in hrd.text
    said = {r.code for r in option(p, "olaparib").reasons}
    assert "germline_brca_matches_parp_inhibitor" in said


# 8. MAINTAIN for the population it studied


def test_a_switch_to_ribociclib_after_abemaciclib_is_never_stronger_than_after_palbociclib() -> (
    None
):
    abemaciclib = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])
    after_palbo = option(plan(biomarkers=NEGATIVE), "ribociclib+fulvestrant")
    after_abema = option(
        plan(biomarkers=NEGATIVE, treatments=[abemaciclib]), "ribociclib+fulvestrant"
    )
    assert after_abema.scores.efficacy <= after_palbo.scores.efficacy
    assert after_abema.scores.total <= after_palbo.scores.total


def test_after_two_chemotherapy_lines_ribociclib_fulvestrant_is_outside_maintains_population() -> (
    None
):
    """MAINTAIN enrolled patients with at most one prior chemotherapy line (the review's
    Table 1): after two, the switch is no longer MAINTAIN's population, gains nothing, and is
    at best a later option; after one given before palbociclib it stays as before (one given
    after it is 'since the CDK4/6 inhibitor': recheck of case 718)."""
    two = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    ribo = option(two, "ribociclib+fulvestrant")
    codes = {r.code for r in ribo.reasons}
    assert "switch_cdk46i_after_palbociclib" not in codes
    said = next(r for r in ribo.reasons if r.code == "outside_maintain_population")
    assert said.rule == 8 and "at most one" in said.text
    assert ribo.tier.value == "later"
    before = [
        dict(CAPECITABINE, line=1, started_on="2021-06-01", ended_on="2022-12-20"),
        dict(PALBOCICLIB, line=2),
    ]
    one = plan(biomarkers=NEGATIVE, treatments=before)
    assert "switch_cdk46i_after_palbociclib" in _codes(one, "ribociclib+fulvestrant")
    after = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert "switch_cdk46i_after_palbociclib" not in _codes(after, "ribociclib+fulvestrant")
    # 'at best a later option' whatever the weights: a policy whose alternative tier starts
    # lower still caps it
    lenient = attrs.evolve(YE2024, weights=attrs.evolve(YE2024.weights, alternative_from=-1.0))
    two_lenient = resistx.sequence(
        patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN]),
        policy=lenient,
    )
    assert option(two_lenient, "ribociclib+fulvestrant").tier.value == "later"
    assert option(two_lenient, "fulvestrant").tier.value == "alternative"  # the weights bite


# 9. everolimus steps back only where a PI3K/AKT inhibitor is indicated


def test_everolimus_without_a_pathway_alteration_is_not_below_elacestrant_in_esr1_wild_type() -> (
    None
):
    p = plan(biomarkers=NEGATIVE)
    assert rank(p, "everolimus+exemestane") < rank(p, "elacestrant")
    assert "everolimus_later_line" not in _codes(p, "everolimus+exemestane")


# 11. a variant that is not pathogenic is not a match


def test_a_pik3ca_vus_is_not_a_match_and_the_plan_says_so() -> None:
    # on tissue (on ctDNA alone alpelisib waits on tissue: test_board_fixes_502, case 534)
    vus = result("PIK3CA", "mutated", variant="R88Q", classification="vus", sample="tissue")
    p = plan(biomarkers=[vus])
    assert "biomarker_absent" in excluded_for(p, "alpelisib+fulvestrant")
    said = [*p.notes, *(a.text for a in p.actions)]  # an action where it decides a drug
    assert any("PIK3CA R88Q" in n and "vus" in n for n in said)


# defects an independent (blind) clinical review of 14 new cases found in the 0.2 engine


def test_relapse_on_adjuvant_therapy_within_six_months_of_adjuvant_chemotherapy_counts_it() -> None:
    chemo = {
        "drugs": ["chemotherapy"],
        "setting": "adjuvant",
        "started_on": "2024-11-01",
        "ended_on": "2025-04-15",
        "stop_reason": "completed",
    }
    abema = adjuvant(["abemaciclib", "letrozole"], "2025-05-01", "2025-09-20", "progression")
    p = plan(her2="low", as_of="2025-10-05", biomarkers=[], treatments=[chemo, abema])
    assert "prior_chemotherapy_opens_trastuzumab_deruxtecan" in _codes(p, "trastuzumab-deruxtecan")


def test_an_adc_before_the_chemotherapy_lines_its_trial_required_is_never_preferred() -> None:
    short = dict(PALBOCICLIB, started_on="2025-01-01", ended_on="2025-04-01")
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[short])
    assert tier(p, "sacituzumab-govitecan") != "preferred"
    assert tier(p, "trastuzumab-deruxtecan") != "preferred"
    assert rank(p, "chemotherapy") < rank(p, "sacituzumab-govitecan")


def test_in_visceral_crisis_only_chemotherapy_and_adcs_can_be_preferred_or_alternative() -> None:
    p = plan(visceral_crisis=True, biomarkers=[result("PIK3CA", "mutated")])
    assert p.options[0].regimen.id == "chemotherapy"
    for o in p.options:
        if o.regimen.kind is not None and o.regimen.kind.value not in ("chemotherapy", "adc"):
            assert o.tier.value in ("later", "trial"), o.regimen.id


def test_an_investigational_regimen_never_ranks_above_an_approved_one() -> None:
    p = plan(biomarkers=[result("PTEN", "loss", assay="ihc", sample="tissue")])
    approved = [o.rank for o in p.options if o.tier.value != "trial" and not o.waits_on]
    table = [o.rank for o in p.options if o.tier.value == "trial" and not o.regimen.is_trial]
    assert max(approved) < min(table)


def test_a_trial_of_an_akt_inhibitor_steps_back_after_progression_on_capivasertib() -> None:
    p = plan(
        biomarkers=[result("PIK3CA", "mutated")],
        treatments=[PALBOCICLIB, CAPIVASERTIB],
    )
    finer = next(o for o in p.options if o.regimen.is_trial and "ipatasertib" in o.regimen.drugs)
    assert any(r.code == "same_class_after_progression" for r in finer.reasons)
    assert finer.rank > rank(p, "chemotherapy")


def test_trial_enrolment_steps_back_at_ecog_3() -> None:
    p = plan(ecog=3, biomarkers=[result("CCNE1", "amplified")])
    trials = [o for o in p.options if o.regimen.is_trial]
    assert trials and all(
        any(r.code == "poor_performance_status_trial" for r in o.reasons) for o in trials
    )


def test_ctdna_negatives_alone_ask_for_tissue_before_chemotherapy_for_nothing_actionable() -> None:
    p = plan(biomarkers=NEGATIVE)  # every negative from ctDNA
    assert any(a.code == "confirm_tissue" for a in p.actions)
    tissue = [on_tissue(r) for r in NEGATIVE]
    assert not any(a.code == "confirm_tissue" for a in plan(biomarkers=tissue).actions)


def test_a_kept_ctdna_esr1_mutation_asks_for_no_further_test() -> None:
    p = plan(
        biomarkers=[
            result("ESR1", "mutated", sample="ctdna", tested_on="2026-04-01"),
            result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-10"),
        ]
    )
    assert not any(a.code == "resolve_conflict" for a in p.actions)


def test_a_rechallenge_of_the_cdk46i_stopped_for_toxicity_ranks_below_a_switch() -> None:
    toxic = dict(
        PALBOCICLIB,
        drugs=["ribociclib", "letrozole"],
        ended_on="2023-03-01",
        stop_reason="toxicity",
    )
    letrozole = {
        "drugs": ["letrozole"],
        "started_on": "2023-03-10",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    p = plan(biomarkers=NEGATIVE, treatments=[toxic, letrozole])
    assert rank(p, "palbociclib+fulvestrant") < rank(p, "ribociclib+fulvestrant")
    assert tier(p, "ribociclib+fulvestrant") != "preferred"


def test_used_targets_are_named_as_used_not_as_absent() -> None:
    p = plan(
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")],
        treatments=[PALBOCICLIB, ELACESTRANT, CAPIVASERTIB],
    )
    text = next(r.text for r in option(p, "chemotherapy").reasons if r.rule == 22)
    assert "no further target" not in text and "already" in text


def test_alpelisib_reads_the_post_cdk46i_evidence_not_solar1_overall() -> None:
    p = plan(biomarkers=[result("PIK3CA", "mutated")])
    best = next(
        r for r in option(p, "alpelisib+fulvestrant").reasons if r.factor.value == "efficacy"
    )
    assert "PIK3CA-mutated:" not in best.text


def test_interstitial_lung_disease_makes_everolimus_at_best_a_later_option() -> None:
    """Everolimus's pneumonitis (17%, 3% grade 3 or worse in BOLERO-2, as the review prints)
    is as frequent as trastuzumab deruxtecan's ILD, which ILD on record leaves out: everolimus
    regimens keep their caution and become at best a later option, whatever the weights."""
    ild: dict[str, Any] = {"biomarkers": NEGATIVE, "comorbidities": ["interstitial_lung_disease"]}
    p = plan(**ild)
    evero = option(p, "everolimus+exemestane")
    said = next(r for r in evero.reasons if r.code == "relative_contraindication")
    assert said.rule == 12 and "BOLERO-2" in said.trials and "later" in said.text
    assert any(c.code == "interstitial_lung_disease_caution" for c in evero.cautions)
    lenient = attrs.evolve(YE2024, weights=attrs.evolve(YE2024.weights, alternative_from=-3.0))
    without = resistx.sequence(patient(biomarkers=NEGATIVE), policy=lenient)
    assert option(without, "everolimus+exemestane").tier.value == "alternative"
    with_ild = resistx.sequence(patient(**ild), policy=lenient)
    assert option(with_ild, "everolimus+exemestane").tier.value == "later"


def test_a_fulvestrant_progression_is_not_explained_with_maintains_ribociclib_subgroup() -> None:
    """After ribociclib + letrozole and then fulvestrant alone, palbociclib + fulvestrant
    repeats fulvestrant, not ribociclib: its reason names fulvestrant and 'another regimen'
    (it was given alone), and leaves out MAINTAIN's ribociclib-after-ribociclib subgroup,
    which speaks only where ribociclib comes again."""
    ribociclib = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])
    p = plan(biomarkers=NEGATIVE, treatments=[ribociclib, FULVESTRANT])
    # (both parts progressed on, in separate courses: rule 11's nothing_new_after_progression,
    # case 656)
    said = next(r for r in option(p, "palbociclib+fulvestrant").reasons if r.rule == 11)
    assert "fulvestrant" in said.text and "another regimen" in said.text
    assert "MAINTAIN" not in said.text and "MAINTAIN" not in said.trials
    again = next(r for r in option(p, "ribociclib+fulvestrant").reasons if r.rule == 11)
    assert "ribociclib-after-ribociclib" in again.text


def test_after_progression_on_a_parp_inhibitor_its_target_no_longer_counts_as_actionable() -> None:
    """A germline PALB2 mutation opened olaparib; once the disease progressed on it, with ESR1
    and the PI3K pathway tested negative, nothing actionable is left: the review's Discussion
    then prefers chemotherapy and ADCs (rule 6), as for a patient without the mutation."""
    olaparib = second_line("olaparib")
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[*NEGATIVE, palb2], treatments=[PALBOCICLIB, olaparib])
    said = next(
        r for r in option(p, "chemotherapy").reasons if r.code == "no_actionable_alteration"
    )
    assert said.rule == 6
    endocrine = [
        o.rank for o in p.options if o.regimen.id in ("fulvestrant", "everolimus+exemestane")
    ]
    assert rank(p, "chemotherapy") < min(endocrine)
