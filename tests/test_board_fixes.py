"""Scenario tests for the errors a blind clinical review of ten new patients (cases 31 to 40,
both policies) found, one per behaviour, each written before its fix."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import resistx
from resistx.display._common import NEUTRAL_RULES, why
from resistx.model import Tier
from resistx.sequencing import kinds, since
from resistx.sequencing.policies import PRACTICE_2026, YE2024
from resistx.sequencing.rules.drug_classes import CLASS_TOXICITIES
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    FULVESTRANT,
    NEGATIVE,
    PALBOCICLIB,
    THREE_ENDOCRINE_LINES,
    TISSUE_PATHWAY_NEGATIVE,
    adjuvant,
    excluded_for,
    exclusion,
    on_tissue,
    option,
    patient,
    plan,
    rank,
    result,
    second_line,
    stopped_for,
    tier,
)

PRACTICE = "practice-2026"
SHORT_PALBOCICLIB = dict(PALBOCICLIB, started_on="2024-10-20", ended_on="2025-03-20")  # 5 months
GERMLINE_NEGATIVE = [
    result("BRCA1", "not_detected", origin="germline"),
    result("BRCA2", "not_detected", origin="germline", sample="blood"),
    result("PALB2", "not_detected", origin="germline", sample="saliva"),
]


def practice(**kw: Any) -> resistx.Plan:
    return resistx.sequence(patient(**kw), policy=PRACTICE)


def codes(o: resistx.Option | resistx.Exclusion) -> set[str]:
    return {r.code for r in o.reasons}


def test_an_adc_before_any_chemotherapy_line_is_at_best_a_later_option() -> None:
    """TROPiCS-02 enrolled after 2-4 chemotherapy lines, DESTINY-Breast04 after 1-2, and the
    review's Discussion gives ADCs after one or two lines of chemotherapy: before any line, even
    where the review prefers chemotherapy and ADCs (5 months on the CDK4/6 inhibitor, nothing
    actionable), an ADC is a later option and chemotherapy leads. After one line sacituzumab
    govitecan still is (its trial enrolled after 2-4 lines, its US label after 2 further lines:
    case 7218c; it was an alternative here before session 64)."""
    naive = plan(her2="low", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    assert rank(naive, "chemotherapy") == 1 and tier(naive, "chemotherapy") == "preferred"
    for rid in ("sacituzumab-govitecan", "trastuzumab-deruxtecan"):
        assert tier(naive, rid) == "later", rid
        assert "adc_before_chemotherapy" in codes(option(naive, rid))
    one = plan(her2="0", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB, CAPECITABINE])
    assert tier(one, "sacituzumab-govitecan") == "later"


def test_datopotamab_deruxtecan_before_any_chemotherapy_is_at_best_a_later_option() -> None:
    """TROPION-Breast01 enrolled after 1-2 chemotherapy lines (update-2026.md section 7)."""
    p = practice(her2="0", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.tier is Tier.LATER and "adc_before_chemotherapy" in codes(dato)


def test_datopotamab_deruxtecan_after_progression_on_a_trop2_or_deruxtecan_adc_steps_back() -> None:
    """Datopotamab deruxtecan shares sacituzumab govitecan's target (TROP2) and trastuzumab
    deruxtecan's payload: after progression on either it is at best a later option and says
    which drug it shares what with; after chemotherapy alone it ranks on its merit (case 505):
    preferred in HER2-0 disease, an alternative to trastuzumab deruxtecan in HER2-low disease
    (rule 145, case 2900)."""
    chemo_only = practice(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert option(chemo_only, "datopotamab-deruxtecan").tier is Tier.PREFERRED
    low = practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert option(low, "datopotamab-deruxtecan").tier is Tier.ALTERNATIVE
    for drug, shared in [
        ("sacituzumab govitecan", "TROP2"),
        ("trastuzumab deruxtecan", "deruxtecan"),
    ]:
        after = practice(
            her2="low",
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE, dict(ERIBULIN, drugs=[drug])],
        )
        dato = option(after, "datopotamab-deruxtecan")
        assert dato.tier is Tier.LATER, drug
        [said] = [r for r in dato.reasons if r.code == "same_class_after_progression"]
        assert said.rule == 11 and drug in said.text and shared in said.text


def test_vepdegestrant_outside_veritac2s_population_is_at_best_a_later_option() -> None:
    """VERITAC-2 enrolled no one after fulvestrant or chemotherapy for advanced disease
    (update-2026.md section 3): there vepdegestrant is a later option, below elacestrant."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = practice(biomarkers=esr1, treatments=[PALBOCICLIB, FULVESTRANT])
    assert option(p, "vepdegestrant").tier is Tier.LATER
    assert rank(p, "elacestrant") < rank(p, "vepdegestrant")


def test_abemaciclib_with_fulvestrant_in_postmonarchs_population_is_an_option() -> None:
    """postMONARCH (phase III) enrolled progression on a first-line CDK4/6 inhibitor with an
    aromatase inhibitor and no other therapy for advanced disease: with an AKT1 mutation
    (capivasertib first), abemaciclib + fulvestrant is an alternative beside MAINTAIN's
    ribociclib + fulvestrant and above abemaciclib alone; after a second line it is not."""
    akt1 = [result("AKT1", "mutated"), *NEGATIVE[:2], NEGATIVE[3]]
    p = practice(biomarkers=akt1)
    abema = option(p, "abemaciclib+fulvestrant")
    assert abema.tier is Tier.ALTERNATIVE
    assert rank(p, "abemaciclib+fulvestrant") < rank(p, "abemaciclib")
    [said] = [r for r in abema.reasons if r.code == "postmonarch_population"]
    assert said.rule == 37 and said.trials == ("postMONARCH",)
    ribociclib = dict(FULVESTRANT, drugs=["ribociclib", "exemestane"])
    for second in (FULVESTRANT, CAPECITABINE, ribociclib):
        later = practice(biomarkers=akt1, treatments=[PALBOCICLIB, second])
        assert "postmonarch_population" not in codes(option(later, "abemaciclib+fulvestrant"))
    for partner in ("tamoxifen", "fulvestrant"):  # postMONARCH: after an aromatase inhibitor
        first = dict(PALBOCICLIB, drugs=["palbociclib", partner])
        other = practice(biomarkers=akt1, treatments=[first])
        found = other.option("abemaciclib+fulvestrant")
        if partner == "fulvestrant":  # both parts progressed on: left out (case 495)
            assert found is None and exclusion(other, "abemaciclib+fulvestrant").reasons
        else:
            assert found is not None and "postmonarch_population" not in codes(found)
    # an adjuvant aromatase inhibitor, then palbociclib with fulvestrant: fulvestrant again
    adjuvant = dict(
        PALBOCICLIB,
        drugs=["letrozole"],
        setting="adjuvant",
        line=None,
        started_on="2019-01-01",
        ended_on="2022-12-01",
    )
    with_fulvestrant = dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])
    again = practice(biomarkers=akt1, treatments=[adjuvant, with_fulvestrant])
    [left] = exclusion(again, "abemaciclib+fulvestrant").reasons  # rule 11 since case 495
    assert left.rule == 11
    assert "postmonarch_population" not in codes(option(plan(biomarkers=akt1), "abemaciclib"))
    abemaciclib = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])
    again = practice(biomarkers=akt1, treatments=[abemaciclib])
    assert "postmonarch_population" not in codes(option(again, "abemaciclib+fulvestrant"))


def test_the_why_of_a_regimen_marked_down_at_ecog_3_says_so() -> None:
    """At ECOG 3 a CDK4/6-inhibitor regimen steps back behind endocrine monotherapy: its one-line
    why names the performance status beside the reason that moved it most (the switch after
    palbociclib), under both policies."""
    for p in (plan(ecog=3), practice(ecog=3)):
        said = why(option(p, "ribociclib+fulvestrant"))
        assert "ECOG 3" in said and "MAINTAIN" in said
        assert rank(p, "fulvestrant") < rank(p, "ribociclib+fulvestrant")


def test_inavolisib_waits_on_an_untested_pik3ca_and_is_out_of_population_after_cdk46i() -> None:
    """INAVO120 enrolled no one after a CDK4/6 inhibitor: with PIK3CA never tested the reason is
    the population, not an absent mutation that no test looked for. In its population (relapse
    on adjuvant endocrine therapy) an untested PIK3CA leaves the triplet waiting on the test."""
    e = exclusion(practice(), "inavolisib+palbociclib+fulvestrant")
    assert {c.value for c in e.codes} == {"out_of_population"}
    relapse = dict(
        PALBOCICLIB, drugs=["letrozole"], setting="adjuvant", started_on="2024-01-10", line=None
    )
    triplet = option(practice(treatments=[relapse]), "inavolisib+palbociclib+fulvestrant")
    assert triplet.waits_on == ("PIK3CA by NGS",) and triplet.tier is Tier.LATER
    assert "inavo120_pik3ca_untested" in codes(triplet)


def test_a_germline_brca_negative_leaves_olaparib_waiting_on_a_tumour_brca_test() -> None:
    """TBCRC 048 saw responses with somatic BRCA1/2 mutations: germline BRCA1/2 and PALB2
    negative with no tumour BRCA1/2 test leaves olaparib waiting on that test (a somatic
    mutation would match it; talazoparib, whose trial selected germline mutations, is left out
    since cases 320-323) and asks for it. A tumour BRCA1/2 negative leaves both out."""
    p = plan(biomarkers=[*NEGATIVE, *GERMLINE_NEGATIVE])
    parp = option(p, "olaparib")
    assert parp.waits_on == ("somatic BRCA1/2",) and parp.tier is Tier.LATER
    [ask] = [a for a in p.actions if a.code == "test_somatic_brca"]
    assert ask.rule == 26 and set(ask.genes) == {"BRCA1", "BRCA2"}
    germline_brca2 = [*GERMLINE_NEGATIVE[::2], result("BRCA2", "mutated", origin="germline")]
    found = plan(biomarkers=[*NEGATIVE, *germline_brca2])
    assert not any(a.code == "test_somatic_brca" for a in found.actions)
    tumour = [result(g, "not_detected", sample="tissue") for g in ("BRCA1", "BRCA2")]
    both = plan(biomarkers=[*NEGATIVE, *GERMLINE_NEGATIVE, *tumour])
    for rid in ("olaparib", "talazoparib"):
        assert {c.value for c in exclusion(both, rid).codes} == {"biomarker_absent"}
    assert not any(a.code == "test_somatic_brca" for a in both.actions)


def test_capivasertib_without_a_pathway_alteration_by_ngs_is_left_out_under_practice() -> None:
    """ASCO's guideline recommends capivasertib for PIK3CA-, AKT1- or PTEN-altered tumours
    (update-2026.md section 14), as practice-2026 already reads it for elacestrant and ESR1:
    with each of the three tested by NGS without an alteration since the latest progression,
    capivasertib is left out as alpelisib is. The review's policy keeps CAPItello-291's overall
    population (a later option); a missing test still makes it wait."""
    e = exclusion(practice(biomarkers=TISSUE_PATHWAY_NEGATIVE), "capivasertib+fulvestrant")
    [said] = e.reasons
    assert said.rule == 38 and said.code == "biomarker_absent" and "ASCO" in said.text
    assert option(plan(biomarkers=NEGATIVE), "capivasertib+fulvestrant").tier is Tier.LATER
    untested = option(practice(biomarkers=NEGATIVE[:2]), "capivasertib+fulvestrant")
    assert untested.waits_on == ("PI3K pathway by NGS",)


def test_a_regimen_capped_by_a_rule_gives_that_rule_as_its_why() -> None:
    """An option kept out of a better tier by a rule (an ADC before any chemotherapy line,
    vepdegestrant outside VERITAC-2) shows that rule's reason in its one-line why, not only the
    reasons that speak for it."""
    naive = plan(her2="0", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    assert "chemotherapy comes first" in why(option(naive, "sacituzumab-govitecan"))
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    vep = option(practice(biomarkers=esr1, treatments=[PALBOCICLIB, FULVESTRANT]), "vepdegestrant")
    assert "VERITAC-2 enrolled no one" in why(vep)


def test_a_parp_inhibitor_waiting_on_a_tumour_test_shows_what_tbcrc_048_saw() -> None:
    """Waiting on a somatic BRCA1/2 test, olaparib's evidence is TBCRC 048's somatic BRCA1/2
    cohort in HR+/HER2- disease (the review: ORR 40%), not 'no efficacy figures'."""
    ola = option(plan(biomarkers=[*NEGATIVE, *GERMLINE_NEGATIVE]), "olaparib")
    said = next(r for r in ola.reasons if r.factor.value == "efficacy")
    assert "TBCRC 048" in said.trials and "40" in said.text


def test_the_why_reads_every_fallback_rule_of_both_policies_as_neutral() -> None:
    for policy in (YE2024, PRACTICE_2026):
        assert {r.number for r in policy.rules if r.fallback} == NEUTRAL_RULES


def test_the_since_review_section_names_each_regimen_once() -> None:
    """A regimen that comes first under practice-2026 and is left out here (trastuzumab
    deruxtecan for HER2-ultralow disease) is one entry saying both, not three (first,
    preferred, an option)."""
    p = plan(her2="ultralow", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT])
    tdxd = [s for s in p.since_review if s.regimen == "trastuzumab-deruxtecan"]
    assert len(tdxd) == 1
    assert "comes first" in tdxd[0].text and "left out here" in tdxd[0].text


def test_in_a_visceral_crisis_an_adc_before_chemotherapy_comes_right_after_it() -> None:
    """A visceral crisis puts chemotherapy first and leaves only cytotoxics in play (rule 7):
    trastuzumab deruxtecan for HER2-low disease, not yet after a chemotherapy line, is the
    alternative to it, before every endocrine option."""
    p = plan(her2="low", visceral_crisis=True, biomarkers=[result("ESR1", "mutated")])
    assert rank(p, "chemotherapy") == 1
    assert rank(p, "trastuzumab-deruxtecan") == 2
    assert tier(p, "trastuzumab-deruxtecan") != "later"
    # practice-2026: datopotamab deruxtecan (TROPION-Breast01: 1-2 chemotherapy lines) was the
    # alternative too; since cases 280 and 301 (no overall-survival benefit) a later option
    newer = practice(her2="0", visceral_crisis=True, biomarkers=NEGATIVE)
    assert option(newer, "datopotamab-deruxtecan").tier is Tier.LATER


def test_a_pi3k_or_akt_inhibitor_after_progression_on_one_is_at_best_later() -> None:
    """After progression on alpelisib (with fulvestrant), capivasertib for a PI3K-pathway
    alteration is at best a later option: the review has no evidence for it there, and its
    reason says why."""
    alpelisib = dict(FULVESTRANT, drugs=["alpelisib", "fulvestrant"])
    p = plan(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]], treatments=[PALBOCICLIB, alpelisib]
    )
    capi = option(p, "capivasertib+fulvestrant")
    assert capi.tier is Tier.LATER
    assert "same_class_after_progression" in codes(capi)
    assert "same class" in why(capi)


def test_imlunestrant_with_no_aromatase_inhibitor_on_record_is_outside_ember3() -> None:
    """EMBER-3 enrolled disease that recurred or progressed on or after an aromatase inhibitor
    (update-2026.md section 2): after fulvestrant with palbociclib and no aromatase inhibitor,
    imlunestrant is at best an alternative (its approval, after 1 or more endocrine lines,
    covers her) and says why; elacestrant stays preferred."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    first = dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])
    p = practice(biomarkers=esr1, treatments=[first])
    iml = option(p, "imlunestrant")
    assert iml.tier is Tier.ALTERNATIVE
    [said] = [r for r in iml.reasons if r.code == "outside_ember3_population"]
    assert said.rule == 35 and said.trials == ("EMBER-3",)
    assert option(p, "elacestrant").tier is Tier.PREFERRED
    after_ai = practice(biomarkers=esr1)  # palbociclib with letrozole
    assert "outside_ember3_population" not in codes(option(after_ai, "imlunestrant"))


def test_interstitial_lung_disease_cautions_every_cdk46_inhibitor() -> None:
    """ILD and pneumonitis are a warning on the label of each CDK4/6 inhibitor: with ILD on
    record every CDK4/6-inhibitor regimen carries a caution saying so."""
    ribociclib = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])
    p = plan(comorbidities=["interstitial_lung_disease"], treatments=[ribociclib])
    for rid in ("palbociclib+fulvestrant", "ribociclib+fulvestrant", "abemaciclib"):
        cautions = [
            c for c in option(p, rid).cautions if c.code == "interstitial_lung_disease_caution"
        ]
        assert cautions and "label" in cautions[0].text, rid


NEUTROPENIA_STOP = dict(
    PALBOCICLIB,
    drugs=["palbociclib", "anastrozole"],
    ended_on="2023-04-10",
    stop_reason="toxicity",
    toxicity="neutropenia",
)
ANASTROZOLE = dict(PALBOCICLIB, drugs=["anastrozole"], started_on="2023-04-11")


def test_after_palbociclib_stopped_for_neutropenia_ribociclib_says_it_lowers_counts_too() -> None:
    """Palbociclib stopped for neutropenia, then progression on anastrozole: switching to
    another CDK4/6 inhibitor comes first (rule 23), and ribociclib, whose label warns of
    neutropenia as palbociclib's does, carries a caution naming the earlier stop; abemaciclib
    does not."""
    p = plan(biomarkers=NEGATIVE, treatments=[NEUTROPENIA_STOP, ANASTROZOLE])
    assert option(p, "ribociclib+fulvestrant").tier is Tier.PREFERRED
    for rid in ("ribociclib+fulvestrant", "abemaciclib"):  # each label warns of neutropenia
        [said] = [c for c in option(p, rid).cautions if c.code == "cdk46i_class_toxicity"]
        assert "neutropenia" in said.text and "label" in said.text and said.rule == 23
    # a raised liver enzyme is hepatotoxicity, of which ribociclib's and abemaciclib's labels
    # warn, palbociclib's not
    liver = dict(NEUTROPENIA_STOP, drugs=["ribociclib", "anastrozole"], toxicity="increased alt")
    q = plan(biomarkers=NEGATIVE, treatments=[liver, ANASTROZOLE])
    assert any(c.code == "cdk46i_class_toxicity" for c in option(q, "abemaciclib").cautions)
    palbo = option(q, "palbociclib+fulvestrant")
    assert not any(c.code == "cdk46i_class_toxicity" for c in palbo.cautions)


def test_a_pi3k_pathway_negative_on_ctdna_only_asks_for_tissue_whatever_esr1_shows() -> None:
    """Alpelisib is left out on a ctDNA negative: with ESR1 mutated on another draw (so not
    every result is a ctDNA negative) the plan still asks to confirm the pathway on tissue; a
    tissue negative asks nothing (and an ESR1 mutation on the same draw neither: see
    ``test_a_ctdna_draw_that_found_a_mutation_needs_no_tissue_biopsy_for_its_negatives``)."""
    ctdna = [result("ESR1", "mutated", tested_on="2026-02-01"), *NEGATIVE[1:]]
    [ask] = [a for a in plan(biomarkers=ctdna).actions if a.code == "confirm_pathway_tissue"]
    assert set(ask.genes) == {"PIK3CA", "AKT1", "PTEN"} and ask.rule == 15
    tissue = [result("ESR1", "mutated"), *(on_tissue(r) for r in NEGATIVE[1:])]
    assert not any(a.code.startswith("confirm") for a in plan(biomarkers=tissue).actions)


def test_an_untested_pik3ca_is_asked_for_when_another_pathway_gene_is_altered() -> None:
    """With an AKT1 mutation and PIK3CA never tested, alpelisib waits on a PIK3CA test: the
    plan asks for it."""
    p = plan(biomarkers=[result("AKT1", "mutated"), result("ESR1", "not_detected")])
    assert option(p, "alpelisib+fulvestrant").waits_on == ("PIK3CA by NGS",)
    [ask] = [a for a in p.actions if a.code == "retest"]
    assert "PIK3CA" in ask.genes


def test_trastuzumab_deruxtecan_after_chemotherapy_cites_destiny_breast04s_population() -> None:
    """DESTINY-Breast06 enrolled no one after chemotherapy for metastatic disease: there the
    HER2-low match names DESTINY-Breast04's population only (practice-2026)."""
    p = practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    tdxd = option(p, "trastuzumab-deruxtecan")
    [said] = [
        r for r in tdxd.reasons if r.code == "her2_low_or_ultralow_matches_trastuzumab_deruxtecan"
    ]
    assert "DESTINY-Breast06" not in said.text and said.trials == ("DESTINY-Breast04",)


def test_a_later_approval_note_says_which_indication_was_approved() -> None:
    """Trastuzumab deruxtecan's approval in the pack (2025-01-27) is DESTINY-Breast06's
    indication, not the drug's first: the note names the indication."""
    dated = [dict(r, tested_on="2024-05-15") for r in NEGATIVE]
    first = dict(PALBOCICLIB, started_on="2022-01-10", ended_on="2024-05-01")
    p = practice(her2="low", biomarkers=dated, as_of="2024-06-01", treatments=[first])
    [said] = [n for n in p.notes if "after this plan's date" in n]
    assert "trastuzumab deruxtecan (FDA 2025-01-27: " in said and "DESTINY-Breast06" in said


def test_diabetes_asks_for_glucose_and_hba1c_before_capivasertib() -> None:
    """Capivasertib's label asks for fasting glucose and HbA1c before starting: with diabetes
    on record its caution says so."""
    p = plan(comorbidities=["diabetes"], biomarkers=[result("AKT1", "mutated"), *NEGATIVE[:2]])
    caution = next(
        c for c in option(p, "capivasertib+fulvestrant").cautions if c.code == "diabetes_caution"
    )
    assert "HbA1c" in caution.text and "before starting" in caution.text


def test_a_pathway_negative_by_pcr_only_leaves_capivasertib_and_inavolisib_waiting() -> None:
    """Rule 38 leaves capivasertib out on NGS negatives only, and rule 31's triplet waits on an
    NGS test: a PCR-only 'not detected' leaves both waiting (practice-2026)."""
    pcr = [result(g, "not_detected", assay="pcr") for g in ("PIK3CA", "AKT1", "PTEN")]
    capi = option(practice(biomarkers=[*pcr, NEGATIVE[0]]), "capivasertib+fulvestrant")
    assert capi.waits_on == ("PI3K pathway by NGS",)
    relapse = dict(
        PALBOCICLIB, drugs=["letrozole"], setting="adjuvant", started_on="2024-01-10", line=None
    )
    triplet = option(
        practice(biomarkers=[pcr[0]], treatments=[relapse]), "inavolisib+palbociclib+fulvestrant"
    )
    assert triplet.waits_on == ("PIK3CA by NGS",)
    assert "by PCR only" in next(
        r.text for r in triplet.reasons if r.code == "inavo120_pik3ca_untested"
    )


def test_a_tumour_brca_test_is_an_action_that_comes_first_when_nothing_is_preferred() -> None:
    """The somatic BRCA1/2 test is a test: where nothing is preferred, the plan's actions come
    before its options."""
    from resistx.display._common import split_actions  # noqa: PLC0415

    p = plan(biomarkers=[*NEGATIVE, *GERMLINE_NEGATIVE])
    only = tuple(a for a in p.actions if a.code == "test_somatic_brca")
    assert only
    later = tuple(attrs.evolve(o, tier=Tier.LATER) for o in p.options)
    assert split_actions(attrs.evolve(p, actions=only, options=later))[0] == only


def test_a_germline_brca_mutation_does_not_silence_chemotherapy_first() -> None:
    """The review's Discussion: 'for patients without above definite mutations or alterations'
    (ESR1, the PI3K-AKT-mTOR pathway), chemotherapy and ADCs are preferred. A germline BRCA1
    mutation is not one of them: with ESR1 and the pathway tested negative, the plan has a
    preferred option and the endocrine regimens come after chemotherapy. What comes first is
    the PARP inhibitor that beat chemotherapy in OlympiAD (rule 44; before it, chemotherapy led
    and olaparib was an alternative)."""
    brca1 = [*NEGATIVE, result("BRCA1", "mutated", origin="germline", sample="blood")]
    p = plan(biomarkers=brca1)
    # with no chemotherapy on record talazoparib leads (olaparib's label asks for prior
    # chemotherapy: case 305)
    assert rank(p, "talazoparib") == 1 and tier(p, "talazoparib") == "preferred"
    assert rank(p, "chemotherapy") < rank(p, "fulvestrant")
    assert tier(p, "chemotherapy") == "alternative"


def test_inflammatory_bowel_disease_cautions_everolimus_and_elacestrant_with_their_diarrhea() -> (
    None
):
    p = plan(comorbidities=["inflammatory_bowel_disease"])
    for rid, trial in (("everolimus+exemestane", "BOLERO-2"), ("elacestrant", "EMERALD")):
        [c] = [c for c in option(p, rid).cautions if c.code == "inflammatory_bowel_disease_caution"]
        assert "diarrhea" in c.text and trial in c.trials, rid


def test_abemaciclib_with_fulvestrant_outside_postmonarchs_population_says_so() -> None:
    """After another line for advanced disease (chemotherapy here), postMONARCH's result may
    not hold: abemaciclib + fulvestrant says so and is at best a later option (practice-2026)."""
    tamoxifen = dict(PALBOCICLIB, drugs=["palbociclib", "tamoxifen"])  # no aromatase inhibitor
    for treatments in ([PALBOCICLIB, CAPECITABINE], [tamoxifen]):
        abema = option(
            practice(biomarkers=NEGATIVE, treatments=treatments), "abemaciclib+fulvestrant"
        )
        assert abema.tier is Tier.LATER
        [said] = [r for r in abema.reasons if r.code == "outside_postmonarch_population"]
        assert said.rule == 37 and said.trials == ("postMONARCH",)


def test_datopotamab_deruxtecan_counts_chemotherapy_lines_for_advanced_disease_and_says_so() -> (
    None
):
    """TROPION-Breast01 counted lines for advanced disease: after (neo)adjuvant chemotherapy
    with early relapse, which DESTINY-Breast04 counted, the Dato-DXd reason says which lines it
    means, so it does not contradict trastuzumab deruxtecan's."""
    adjuvant = dict(
        PALBOCICLIB,
        drugs=["paclitaxel"],
        setting="adjuvant",
        line=None,
        started_on="2022-01-01",
        ended_on="2022-07-01",
    )
    first = dict(PALBOCICLIB, started_on="2022-12-01")
    p = practice(her2="low", biomarkers=NEGATIVE, treatments=[adjuvant, first])
    dato = option(p, "datopotamab-deruxtecan")
    said = next(r for r in dato.reasons if r.code == "adc_before_chemotherapy")
    assert "for advanced disease" in said.text


def test_a_trial_with_palbociclib_is_not_left_out_by_pace() -> None:
    """PACE tested palbociclib with fulvestrant outside a trial: TAKTIC (ipatasertib with
    fulvestrant, with or without palbociclib) is a trial of its own and stays a trial option
    after palbociclib for an AKT-pathway alteration."""
    p = plan(biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]])
    taktic = [
        o
        for o in p.options
        if o.regimen.id.startswith("trial:") and "ipatasertib" in o.regimen.drugs
    ]
    assert taktic and all(o.tier is Tier.TRIAL for o in taktic)
    assert not any(
        e.regimen.id.startswith("trial:") and "negative_trial" in {c.value for c in e.codes}
        for e in p.excluded
    )


def test_a_cdk46_resistance_marker_cautions_another_cdk46_inhibitor() -> None:
    """CCNE1 or FGFR1 amplification is associated with CDK4/6-inhibitor resistance (the review,
    Resistance Mechanisms): a switch to another CDK4/6 inhibitor carries a caution naming it;
    endocrine monotherapy does not."""
    p = plan(biomarkers=[*NEGATIVE, result("CCNE1", "amplified"), result("FGFR1", "amplified")])
    [said] = [
        c
        for c in option(p, "ribociclib+fulvestrant").cautions
        if c.code == "cdk46i_resistance_marker"
    ]
    assert said.rule == 43 and "CCNE1" in said.text and "FGFR1" in said.text
    assert not any(c.code == "cdk46i_resistance_marker" for c in option(p, "fulvestrant").cautions)
    # the ESR1 and PI3K-pathway mechanisms have targets of their own, and RB1 loss excludes
    q = plan(biomarkers=[result("PIK3CA", "mutated"), result("ESR1", "mutated")])
    ribo = option(q, "ribociclib+fulvestrant")
    assert not any(c.code == "cdk46i_resistance_marker" for c in ribo.cautions)


ELACESTRANT = dict(FULVESTRANT, drugs=["elacestrant"])


def test_an_oral_serd_after_progression_on_one_is_at_best_later() -> None:
    """After progression on elacestrant, imlunestrant for the same ESR1 mutation is at best a
    later option (practice-2026), as another ADC or PI3K/AKT inhibitor after its class."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = practice(biomarkers=esr1, treatments=[PALBOCICLIB, ELACESTRANT])
    assert option(p, "imlunestrant").tier is Tier.LATER


def test_an_adc_line_counts_toward_sacituzumab_govitecans_lines() -> None:
    """After capecitabine and then trastuzumab deruxtecan (a cytotoxic payload), the patient
    has had two cytotoxic lines: sacituzumab govitecan is open (TROPiCS-02: after 2-4), not
    sent back behind another chemotherapy."""
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"])
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd])
    sg = option(p, "sacituzumab-govitecan")
    assert "prior_chemotherapy_opens_sacituzumab_govitecan" in codes(sg)
    # after a deruxtecan ADC it is at best an alternative beside chemotherapy (rule 92, case 640)
    assert sg.tier is Tier.ALTERNATIVE and "adc_after_topoisomerase_adc" in codes(sg)


def test_abemaciclib_after_two_cdk46_inhibitors_gets_no_switch_gain() -> None:
    """The cohort behind abemaciclib after palbociclib had one prior CDK4/6 inhibitor: after
    palbociclib and then ribociclib there is no switch to speak of."""
    ribociclib = second_line("ribociclib", "fulvestrant")
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, ribociclib])
    assert "switch_cdk46i_after_palbociclib" not in codes(option(p, "abemaciclib"))
    assert "switch_cdk46i_after_palbociclib" in codes(
        option(plan(biomarkers=NEGATIVE), "abemaciclib")
    )


def test_a_comorbidity_caution_from_another_trial_names_it_and_claims_no_label() -> None:
    """Hypertension is not among CAPItello-291's adverse events in the pack: the caution quotes
    FAKTION's figure for the same regimen, says whose figure it is, and does not claim a label
    (it said 'no figure', though the review prints FAKTION's)."""
    pten = [result("PTEN", "loss"), *NEGATIVE[:3]]
    p = practice(comorbidities=["uncontrolled_hypertension"], biomarkers=pten)
    [c] = [
        c
        for c in option(p, "capivasertib+fulvestrant").cautions
        if c.code == "uncontrolled_hypertension_caution"
    ]
    assert "label" not in c.text and "in FAKTION (CAPItello-291's figures here" in c.text, c.text
    # where no trial of the regimen reports the event, the caution says so
    q = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB], comorbidities=["diabetes"])
    [d] = [
        c
        for c in option(q, "ribociclib+everolimus+exemestane").cautions
        if c.code == "diabetes_caution"
    ]
    # ... and gives the label's instruction before starting (recheck of case 541), not a figure
    assert "no figure" in d.text and "before starting" in d.text, d.text
    assert d.text.count("label") == 1 and "(its US label; not in the review)" in d.text, d.text


def test_postmonarch_speaks_only_after_progression_on_a_cdk46_inhibitor() -> None:
    """postMONARCH enrolled progression on a CDK4/6 inhibitor: after one stopped by the
    patient's choice, its result is not abemaciclib + fulvestrant's evidence (practice-2026)."""
    stopped = dict(PALBOCICLIB, stop_reason="patient_choice")
    abema = option(practice(biomarkers=NEGATIVE, treatments=[stopped]), "abemaciclib+fulvestrant")
    efficacy = {r.code for r in abema.reasons if r.factor.value == "efficacy"}
    # not postMONARCH's randomised benefit: the review's statement for CDK4/6i-naive disease
    assert efficacy == {"cdk46i_naive_fulvestrant_partner"}


def test_a_cdk2_inhibitor_trial_is_not_cautioned_for_the_resistance_it_targets() -> None:
    """VELA tests a CDK2 inhibitor against the cyclin E route of CDK4/6-inhibitor resistance:
    the resistance-marker caution (rule 43) is for approved CDK4/6-inhibitor regimens, not for
    the trials that target it."""
    p = plan(biomarkers=[*NEGATIVE, result("CCNE1", "amplified")])
    trials = [o for o in p.options if o.regimen.id.startswith("trial:")]
    assert trials
    assert not any(c.code == "cdk46i_resistance_marker" for o in trials for c in o.cautions)


def test_a_retest_after_an_uninformative_ctdna_asks_for_tissue() -> None:
    """A ctDNA negative with a tumour fraction under 1% is uninformative: the retest asks for a
    rebiopsy (tissue NGS), or ctDNA only with an adequate tumour fraction, not ctDNA again."""
    low = [dict(r, tumour_fraction=0.004) for r in NEGATIVE]
    p = resistx.sequence(patient(schema_version=2, biomarkers=low))
    [ask] = [a for a in p.actions if a.code == "retest"]
    assert "tissue" in ask.text and "tumour fraction" in ask.text
    [plain] = [a for a in plan().actions if a.code == "retest"]
    assert "tumour fraction" not in plain.text


GERMLINE_BRCA2 = result("BRCA2", "mutated", origin="germline", sample="blood")


def test_a_germline_brca_mutation_puts_a_parp_inhibitor_before_chemotherapy() -> None:
    """OlympiAD (olaparib) and EMBRACA (talazoparib) each beat chemotherapy of the physician's
    choice in germline BRCA-mutated HER2-negative disease after up to 2 (3) chemotherapy lines
    (blind review, case 92): with nothing else actionable the PARP inhibitors are preferred
    and come before chemotherapy, which is then at best an alternative, under both policies.
    Trastuzumab deruxtecan (HER2-low, one chemotherapy line) is not moved."""
    biomarkers = [*NEGATIVE, GERMLINE_BRCA2]
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(patient(her2="0", biomarkers=biomarkers), policy=policy)
        for rid in ("olaparib", "talazoparib"):
            # no chemotherapy on record: olaparib's label asks for it (case 305)
            want = "alternative" if rid == "olaparib" else "preferred"
            assert tier(p, rid) == want, (policy, rid)
            assert rank(p, rid) < rank(p, "chemotherapy"), (policy, rid)
            assert "germline_brca_parp_before_chemotherapy" in codes(option(p, rid))
        assert tier(p, "chemotherapy") != "preferred", policy
        assert "parp_inhibitor_before_chemotherapy" in codes(option(p, "chemotherapy"))
        low = resistx.sequence(
            patient(her2="low", biomarkers=biomarkers, treatments=[PALBOCICLIB, CAPECITABINE]),
            policy=policy,
        )
        assert rank(low, "trastuzumab-deruxtecan") == 1, policy
        assert rank(low, "olaparib") < rank(low, "chemotherapy"), policy


def test_a_parp_inhibitor_comes_before_chemotherapy_only_where_its_trials_compared_them() -> None:
    """Not before a CDK4/6 inhibitor (its first line comes first), not in a visceral crisis
    (chemotherapy first, rule 7), not after 3 chemotherapy lines
    (OlympiAD enrolled up to 2) and not after progression on a PARP inhibitor: chemotherapy
    keeps its place. (A germline PALB2 mutation is rule 49's, on TBCRC 048.)"""
    naive = plan(biomarkers=[*NEGATIVE, GERMLINE_BRCA2], treatments=[])
    assert "germline_brca_parp_before_chemotherapy" not in codes(option(naive, "olaparib"))
    crisis = plan(biomarkers=[*NEGATIVE, GERMLINE_BRCA2], visceral_crisis=True)
    assert rank(crisis, "chemotherapy") == 1 and tier(crisis, "chemotherapy") == "preferred"
    assert "parp_inhibitor_before_chemotherapy" not in codes(option(crisis, "chemotherapy"))
    three = [
        PALBOCICLIB,
        CAPECITABINE,
        ERIBULIN,
        dict(
            ERIBULIN, drugs=["paclitaxel"], line=4, started_on="2026-03-25", ended_on="2026-04-20"
        ),
    ]
    late = plan(biomarkers=[*NEGATIVE, GERMLINE_BRCA2], treatments=three)
    assert "parp_inhibitor_before_chemotherapy" not in codes(option(late, "chemotherapy"))
    after = plan(
        biomarkers=[*NEGATIVE, GERMLINE_BRCA2], treatments=[PALBOCICLIB, second_line("olaparib")]
    )
    assert "parp_inhibitor_before_chemotherapy" not in codes(option(after, "chemotherapy"))
    palb2 = plan(
        biomarkers=[*NEGATIVE, result("PALB2", "mutated", origin="germline", sample="blood")]
    )
    assert "parp_inhibitor_before_chemotherapy" not in codes(option(palb2, "chemotherapy"))


def test_the_further_chemotherapy_reason_names_the_adc_lines_beside_the_chemotherapy_lines() -> (
    None
):
    """After paclitaxel, trastuzumab deruxtecan and sacituzumab govitecan, 'prior chemotherapy:
    1 line' read as if one line had been given (blind review, case 97): the ADC lines are named
    beside it."""
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"], line=3)
    sg = dict(
        ERIBULIN,
        drugs=["sacituzumab govitecan"],
        line=4,
        started_on="2026-03-25",
        ended_on="2026-04-20",
    )
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd, sg])
    [r] = [r for r in option(p, "chemotherapy").reasons if r.code == "further_chemotherapy"]
    assert "1 line (and 2 ADC lines)" in r.text, r.text
    one = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    [r] = [r for r in option(one, "chemotherapy").reasons if r.code == "further_chemotherapy"]
    assert "ADC" not in r.text


def test_a_vus_found_after_the_latest_progression_counts_as_tested_without_a_target() -> None:
    """A PIK3CA variant of uncertain significance on an NGS taken after the progression, with
    ESR1, AKT1 and PTEN negative on it: the gene was tested and nothing actionable was found
    (blind review, case 105). The plan asked for PIK3CA to be tested again after a progression
    the test had followed, capivasertib waited on that test, and nothing was preferred; now the
    review's nothing-actionable order applies and no retest is asked. The note still names the
    VUS (an action, rule 45); one from before the progression is as stale as any other
    result."""
    vus = result("PIK3CA", "mutated", variant="R88Q", classification="vus")
    others = [r for r in NEGATIVE if r["gene"] != "PIK3CA"]
    p = plan(biomarkers=[*others, vus])
    assert rank(p, "chemotherapy") == 1 and tier(p, "chemotherapy") == "preferred"
    assert not [a for a in p.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]
    # no wait on a retest (on ctDNA alone it waits on tissue: rule 77, test_board_fixes_502)
    assert "PI3K pathway by NGS" not in option(p, "capivasertib+fulvestrant").waits_on
    assert any("PIK3CA R88Q" in a.text and "vus" in a.text for a in p.actions)
    old = plan(biomarkers=[*others, dict(vus, tested_on="2024-06-01")])
    assert [a for a in old.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]


def test_a_vus_dates_the_gene_s_negative_but_never_stands_against_a_positive() -> None:
    """A VUS on a test newer than the negative on record makes the gene current (no retest);
    where a positive and a later negative disagree, the conflict names the negative result,
    not the VUS; and an indeterminate latest result is not read as a negative because an
    earlier test found a VUS."""
    old_negative = result("ESR1", "not_detected", tested_on="2024-06-01")
    vus = result("ESR1", "mutated", variant="L536H", classification="vus")
    others = [r for r in NEGATIVE if r["gene"] != "ESR1"]
    p = plan(biomarkers=[*others, old_negative, vus])
    assert not [a for a in p.actions if a.code.startswith("retest") and "ESR1" in a.genes]
    positive = result("ESR1", "mutated", tested_on="2024-01-10", variant="Y537S")
    q = plan(biomarkers=[*others, positive, old_negative, vus])
    conflict = " ".join(n for n in q.notes if "disagree" in n) + " ".join(
        a.text for a in q.actions if "disagree" in a.text
    )
    assert "not_detected (2024-06-01" in conflict, conflict
    unclear = result("ESR1", "indeterminate", tested_on="2026-04-20")
    r = plan(biomarkers=[*others, vus, unclear])
    assert [a for a in r.actions if a.code.startswith("retest") and "ESR1" in a.genes]
    assert "esr1_untested" in {x.code for x in option(r, "elacestrant").reasons}


def test_an_adc_after_progression_on_its_target_and_payload_comes_after_untried_options() -> None:
    """Datopotamab deruxtecan after sacituzumab govitecan (TROP2) and trastuzumab deruxtecan
    (deruxtecan) has no trial behind it (blind review, case 112): with nothing actionable on a
    test after the last progression it was second, above fulvestrant never given, for the
    review's chemotherapy-and-ADC gain. Cross-resistance now outweighs that gain, so it comes
    after the options the disease has not progressed on."""
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"], line=3, ended_on="2026-01-10")
    sg = dict(
        tdxd,
        drugs=["sacituzumab govitecan"],
        line=4,
        started_on="2026-01-15",
        ended_on="2026-03-01",
    )
    eribulin = dict(ERIBULIN, line=5, started_on="2026-03-05", ended_on="2026-04-20")
    current = [dict(r, tested_on="2026-04-25") for r in NEGATIVE]
    p = practice(
        her2="low",
        ecog=2,
        biomarkers=current,
        treatments=[PALBOCICLIB, CAPECITABINE, tdxd, sg, eribulin],
    )
    assert rank(p, "chemotherapy") == 1
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.tier.value == "later" and "same_class_after_progression" in codes(dato)
    assert rank(p, "datopotamab-deruxtecan") > rank(p, "fulvestrant")


def test_relapse_by_the_decision_date_within_12_months_of_adjuvant_therapy_is_inavolisibs() -> None:
    """Adjuvant anastrozole completed 2024-11-01, no relapse date recorded, no therapy for
    metastatic disease yet, and a decision on 2025-05-01: the relapse came by then, so within
    12 months of the adjuvant therapy's end (INAVO120's population; blind review, case 109,
    where inavolisib was left out of population). Fourteen months after it, when the relapse
    came is not known: it waits on the date of relapse (case 1577d; it was left out); without
    a decision date it stays out."""
    adjuvant = {
        "drugs": ["anastrozole"],
        "setting": "adjuvant",
        "started_on": "2019-11-01",
        "ended_on": "2024-11-01",
        "stop_reason": "completed",
    }
    pik3ca = [
        result("PIK3CA", "mutated", sample="tissue", tested_on="2025-04-10", variant="H1047R"),
        result("ESR1", "not_detected", sample="tissue", tested_on="2025-04-10"),
    ]
    p = practice(as_of="2025-05-01", biomarkers=pik3ca, treatments=[adjuvant])
    inavolisib = "inavolisib+palbociclib+fulvestrant"
    assert rank(p, inavolisib) == 1
    late = practice(as_of="2026-01-01", biomarkers=pik3ca, treatments=[adjuvant])
    assert option(late, inavolisib).waits_on == ("the date of relapse",)
    undated = patient(biomarkers=pik3ca, treatments=[adjuvant])
    del undated["as_of"]  # no decision date: the latest date on record does not bound it
    p = resistx.sequence(undated, policy=PRACTICE)
    assert "out_of_population" in {r.code for r in exclusion(p, inavolisib).reasons}


def test_a_switch_within_the_first_line_is_one_line_for_endocrine_sensitivity() -> None:
    """Abemaciclib stopped after 2 months for diarrhoea and palbociclib given in its place, both
    with letrozole and both line 1, then 41 months to progression (blind review, case 121):
    one endocrine line, so endocrine-sensitive disease (rule 32) and postMONARCH's population
    (rule 37) under practice-2026. Counted as two lines, chemotherapy came first and
    abemaciclib + fulvestrant said it was outside postMONARCH."""
    abemaciclib = stopped_for("diarrhoea", ["abemaciclib", "letrozole"], "2021-10-01", "2021-12-01")
    palbociclib = dict(PALBOCICLIB, started_on="2021-12-10")
    current = [dict(r, tested_on="2025-04-01") for r in NEGATIVE]
    p = practice(biomarkers=current, treatments=[abemaciclib, palbociclib])
    assert "endocrine_sensitive_chemotherapy_later" in codes(option(p, "chemotherapy"))
    assert rank(p, "chemotherapy") > 1
    postmonarch = codes(option(p, "abemaciclib+fulvestrant"))
    assert "postmonarch_population" in postmonarch
    assert "outside_postmonarch_population" not in postmonarch


def test_in_a_visceral_crisis_a_germline_brca_parp_inhibitor_is_the_option_after_chemotherapy() -> (
    None
):
    """Chemotherapy comes first in a visceral crisis (rule 7) and keeps its tier; the PARP
    inhibitors for a germline BRCA2 mutation say why they come next: better than chemotherapy
    of the physician's choice in OlympiAD and EMBRACA (blind review, case 119: their reasons
    did not say so). Rule 7 keeps every option but chemotherapy and the ADCs a later one."""
    crisis = plan(her2="low", biomarkers=[*NEGATIVE, GERMLINE_BRCA2], visceral_crisis=True)
    assert rank(crisis, "chemotherapy") == 1 and tier(crisis, "chemotherapy") == "preferred"
    for rid in ("olaparib", "talazoparib"):
        [r] = [
            r
            for r in option(crisis, rid).reasons
            if r.code == "germline_brca_parp_before_chemotherapy"
        ]
        assert "a visceral crisis calls for chemotherapy first" in r.text, rid
        assert "rule 7" not in r.text


def test_a_prolonged_qtc_or_heart_disease_cautions_chemotherapy_for_its_cardiac_risks() -> None:
    """A prolonged QTc and heart disease (blind review, case 128): chemotherapy's caution named
    anthracyclines only. Eribulin prolongs the QT interval, as can 5-HT3-antagonist
    antiemetics, and capecitabine or fluorouracil can cause coronary vasospasm (their labels)."""
    p = plan(comorbidities=["qtc_prolonged", "cardiac_disease"])
    texts = " ".join(c.text for c in option(p, "chemotherapy").cautions)
    assert "eribulin" in texts and "QT" in texts, texts
    assert "vasospasm" in texts and "anthracyclines" in texts, texts


def test_a_pik3ca_mutation_with_no_treatment_on_record_asks_about_adjuvant_therapy() -> None:
    """No treatment on record and a PIK3CA mutation (blind review, case 122): INAVO120's
    population turns on (neo)adjuvant endocrine therapy the profile does not mention. Under
    practice-2026 the plan asks about it before choosing, and the triplet's exclusion says
    the history is not on record rather than 'not this patient'."""
    pik3ca = [result("PIK3CA", "mutated", sample="tissue", variant="E545K"), NEGATIVE[0]]
    p = practice(biomarkers=pik3ca, treatments=[])
    [ask] = [a for a in p.actions if a.code == "ask_adjuvant_endocrine_history"]
    assert "INAVO120" in ask.text
    order = [a.code for a in p.actions]  # before choosing: ahead of the tests that only add
    assert order.index("ask_adjuvant_endocrine_history") < order.index("test_hrd_genes")
    [why] = exclusion(p, "inavolisib+palbociclib+fulvestrant").reasons
    assert "no (neo)adjuvant therapy is on record" in why.text, why.text
    treated = practice(biomarkers=pik3ca)  # after palbociclib: no question to ask
    assert not [a for a in treated.actions if a.code == "ask_adjuvant_endocrine_history"]
    wild = practice(biomarkers=NEGATIVE, treatments=[])  # no PIK3CA mutation: none either
    assert not [a for a in wild.actions if a.code == "ask_adjuvant_endocrine_history"]


def test_with_no_aromatase_inhibitor_on_record_the_cdk46i_reason_does_not_claim_one() -> None:
    """No treatment on record (blind review, case 122): the CDK4/6-inhibitor + fulvestrant
    reason said 'with fulvestrant after an aromatase inhibitor it doubled median PFS', which
    reads as if she had had one. It now says none is on record and that the first-line trials
    paired the CDK4/6 inhibitor with an aromatase inhibitor."""
    p = plan(biomarkers=NEGATIVE, treatments=[])
    [r] = [
        r for r in option(p, "palbociclib+fulvestrant").reasons if r.code == "cdk46i_naive_first"
    ]
    assert "no progression on one is on record" in r.text, r.text  # (case 483's wording)
    letrozole = {
        "drugs": ["letrozole"],
        "setting": "adjuvant",
        "started_on": "2019-01-01",
        "ended_on": "2024-01-01",
        "stop_reason": "completed",
    }
    q = plan(biomarkers=NEGATIVE, treatments=[dict(letrozole, stop_reason="progression")])
    [r] = [
        r for r in option(q, "palbociclib+fulvestrant").reasons if r.code == "cdk46i_naive_first"
    ]
    assert "after an aromatase inhibitor it doubled median PFS" in r.text, r.text


def test_a_regimen_only_the_newer_policy_holds_is_not_said_to_have_moved_with_the_evidence() -> (
    None
):
    """A regimen the older plan neither ranks nor leaves out (its policy's table lacks it): the
    since-review entry said its 'scores moved with the evidence', as if the older plan had
    scored it (blind recheck, case 122). It says it is a regimen of the newer evidence. (The
    bundled tables now share abemaciclib + fulvestrant, the regimen of that case: the older
    plan here is the default plan without it.)"""
    profile = patient(biomarkers=NEGATIVE, treatments=[])
    newer = resistx.sequence(profile, policy=PRACTICE)
    before = resistx.sequence(profile, since_review=False)
    kept = [o for o in before.options if o.regimen.id != newer.options[0].regimen.id]
    before = attrs.evolve(
        before, options=tuple(attrs.evolve(o, rank=n) for n, o in enumerate(kept, 1))
    )
    entries = since.since_review(
        before,
        newer,
        PRACTICE_2026,
        PRACTICE_2026.regimens(PRACTICE_2026.default_evidence()),
        {r.number for r in YE2024.rules},
    )
    [entry] = [s for s in entries if s.regimen == newer.options[0].regimen.id]
    assert "a regimen of the newer evidence" in entry.text, entry.text
    assert "moved with the evidence" not in entry.text


def test_a_vus_in_a_gene_that_selects_a_drug_asks_for_its_classification_before_choosing() -> None:
    """A PIK3CA R88Q called a VUS (blind recheck, case 105): whether it is pathogenic decides
    alpelisib and capivasertib, so the plan asks, before choosing, whether the laboratory or a
    molecular tumour board has reclassified it (the note at the foot was easy to miss). A VUS
    in a gene that selects nothing stays a note."""
    vus = result("PIK3CA", "mutated", variant="R88Q", classification="vus")
    p = plan(biomarkers=[*[r for r in NEGATIVE if r["gene"] != "PIK3CA"], vus])
    [ask] = [a for a in p.actions if a.code == "review_variant_classification"]
    assert "PIK3CA R88Q" in ask.text and "alpelisib" in ask.text, ask.text
    assert not any("PIK3CA R88Q" in n for n in p.notes)
    other = plan(biomarkers=[*NEGATIVE, result("CCNE1", "amplified", classification="vus")])
    assert not [a for a in other.actions if a.code == "review_variant_classification"]
    assert any("CCNE1" in n and "vus" in n for n in other.notes)


def test_second_reading_line_counts_relapse_windows_and_variant_edges() -> None:
    """Edges a second reading of this session's rules found (each a mutant no test caught):
    a chemotherapy switched within a line is one line for rule 44's limit; a VUS on a ctDNA
    sample too thin to trust a negative is not a negative either; a newer VUS clears an older
    failed test, and an older VUS never displaces a newer negative; two treatments without a
    line number are two lines; a somatic BRCA2 mutation leaves chemotherapy first; a PIK3CA
    amplification asks no adjuvant question; a VUS beside a pathogenic variant of its gene asks
    nothing; and adjuvant chemotherapy 10 months before the decision, with no relapse date,
    counts for TROPiCS-02 (12 months) but not DESTINY-Breast04 (6)."""
    others = [r for r in NEGATIVE if r["gene"] != "PIK3CA"]
    capecitabine = dict(CAPECITABINE, stop_reason="toxicity", ended_on="2025-05-01")
    eribulin = dict(ERIBULIN, line=2, started_on="2025-05-10", ended_on="2025-10-01")
    paclitaxel = dict(ERIBULIN, drugs=["paclitaxel"], line=3)
    current = [dict(r, tested_on="2026-04-25") for r in NEGATIVE]
    switched = plan(
        biomarkers=[*current, GERMLINE_BRCA2],
        treatments=[PALBOCICLIB, capecitabine, eribulin, paclitaxel],
    )
    assert rank(switched, "olaparib") < rank(switched, "chemotherapy")
    thin = result("PIK3CA", "mutated", variant="R88Q", classification="vus", tumour_fraction=0.004)
    p = plan(biomarkers=[*[on_tissue(r) for r in others], thin])
    assert [a for a in p.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]
    stale = result("PIK3CA", "not_detected", sample="tissue", tested_on="2024-06-01")
    p = plan(biomarkers=[*[on_tissue(r) for r in others], stale, thin])
    assert [a for a in p.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]
    failed = result("PIK3CA", "indeterminate", tested_on="2026-01-05")
    vus = result("PIK3CA", "mutated", variant="R88Q", classification="vus")
    q = plan(biomarkers=[*others, failed, vus])
    assert not [a for a in q.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]
    old_vus = dict(vus, tested_on="2024-06-01")
    r = plan(biomarkers=[*others, old_vus, result("PIK3CA", "not_detected")])
    assert not [a for a in r.actions if a.code.startswith("retest") and "PIK3CA" in a.genes]
    unnumbered = [dict(PALBOCICLIB, line=None), dict(FULVESTRANT, line=None)]
    s = practice(biomarkers=current, treatments=unnumbered)
    assert "endocrine_sensitive_chemotherapy_later" not in codes(option(s, "chemotherapy"))
    somatic = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", sample="tissue")])
    assert "parp_inhibitor_before_chemotherapy" not in codes(option(somatic, "chemotherapy"))
    amplified = practice(biomarkers=[result("PIK3CA", "amplified")], treatments=[])
    assert not [a for a in amplified.actions if a.code == "ask_adjuvant_endocrine_history"]
    both = plan(biomarkers=[*others, result("PIK3CA", "mutated", variant="H1047R"), vus])
    assert not [a for a in both.actions if a.code == "review_variant_classification"]
    adjuvant = {
        "drugs": ["paclitaxel"],
        "setting": "adjuvant",
        "started_on": "2025-03-01",
        "ended_on": "2025-07-01",
        "stop_reason": "completed",
    }
    t = plan(her2="low", biomarkers=NEGATIVE, treatments=[adjuvant])
    sg = " ".join(x.text for x in option(t, "sacituzumab-govitecan").reasons)
    assert "which TROPiCS-02 counted" in sg, sg
    tdxd = " ".join(x.text for x in option(t, "trastuzumab-deruxtecan").reasons)
    assert "which DESTINY-Breast04 counted" not in tdxd, tdxd
    wild = practice(biomarkers=NEGATIVE, treatments=[])
    [why] = exclusion(wild, "inavolisib+palbociclib+fulvestrant").reasons
    assert "see the actions" not in why.text


def test_in_a_visceral_crisis_at_ecog_3_chemotherapy_is_preferred_and_says_why() -> None:
    """A visceral crisis at ECOG 3 (blind review, case 133): chemotherapy ranked first but as an
    alternative, its reason saying 'an intensive regimen, after the least toxic options'. In
    a crisis chemotherapy is what answers it: preferred, a single agent, weighed against the
    performance status. Without a crisis ECOG 3 still puts it after the least toxic."""
    p = plan(biomarkers=NEGATIVE, visceral_crisis=True, ecog=3)
    assert rank(p, "chemotherapy") == 1 and tier(p, "chemotherapy") == "preferred"
    chemo = codes(option(p, "chemotherapy"))
    assert "poor_performance_status_crisis" in chemo
    assert "poor_performance_status_intensive" not in chemo
    calm = plan(biomarkers=NEGATIVE, ecog=3)
    assert "poor_performance_status_intensive" in codes(option(calm, "chemotherapy"))
    # the crisis at ECOG 3 costs chemotherapy the ECOG 2 step, no more and no less
    ecog2 = plan(biomarkers=NEGATIVE, ecog=2, visceral_crisis=True)
    ecog0 = plan(biomarkers=NEGATIVE, ecog=0, visceral_crisis=True)
    history = option(p, "chemotherapy").scores.history
    assert history == option(ecog2, "chemotherapy").scores.history
    assert history < option(ecog0, "chemotherapy").scores.history


def test_a_tissue_negative_after_a_ctdna_esr1_mutation_asks_for_ctdna_not_tissue_again() -> None:
    """An ESR1 mutation on ctDNA, then ESR1 not detected on a tissue biopsy after the latest
    progression (blind review, case 138): the later negative stands, and the action asked for
    'a tissue NGS test', the very test just done. ESR1 mutations can be subclonal and missed
    by one biopsy: it asks for ctDNA now. A ctDNA negative still asks for tissue."""
    positive = result("ESR1", "mutated", tested_on="2025-01-10", variant="E380Q")
    tissue = result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-10")
    p = plan(
        biomarkers=[*NEGATIVE[1:], positive, tissue],
        treatments=[dict(PALBOCICLIB, ended_on="2024-12-20"), FULVESTRANT],
    )
    [ask] = [a for a in p.actions if a.code == "resolve_conflict"]
    assert "ctDNA NGS now" in ask.text, ask.text
    ctdna = result("ESR1", "not_detected", tested_on="2026-04-10")
    q = plan(
        biomarkers=[*NEGATIVE[1:], positive, ctdna],
        treatments=[dict(PALBOCICLIB, ended_on="2024-12-20"), FULVESTRANT],
    )
    [ask] = [a for a in q.actions if a.code == "resolve_conflict"]
    assert "tissue NGS" in ask.text, ask.text


@pytest.mark.parametrize("event", sorted(CLASS_TOXICITIES))
def test_every_class_toxicity_cautions_exactly_the_cdk46_inhibitors_whose_labels_warn(
    event: str,
) -> None:
    """Rule 23's table, entry by entry (a second reading found most entries untested and lung
    inflammation missing): a CDK4/6 inhibitor stopped for the event cautions each other CDK4/6
    inhibitor whose label warns of it, and no other."""
    stopped = "ribociclib" if "palbociclib" not in CLASS_TOXICITIES[event] else "palbociclib"
    course = dict(NEUTROPENIA_STOP, drugs=[stopped, "anastrozole"], toxicity=event)
    p = plan(biomarkers=NEGATIVE, treatments=[course, ANASTROZOLE])
    regimens = {
        "palbociclib": "palbociclib+fulvestrant",
        "ribociclib": "ribociclib+fulvestrant",
        "abemaciclib": "abemaciclib",
    }
    for drug, rid in regimens.items():
        if drug == stopped:
            continue
        said = any(c.code == "cdk46i_class_toxicity" for c in option(p, rid).cautions)
        assert said == (drug in CLASS_TOXICITIES[event]), (event, drug)


def test_lung_inflammation_on_one_cdk46_inhibitor_cautions_the_others() -> None:
    assert set(CLASS_TOXICITIES) == {  # the table pinned: the test above reads its entries
        "neutropenia",
        "febrile neutropenia",
        "hepatotoxicity",
        "increased alt",
        "ast increased",
        "interstitial lung disease",
        "pneumonitis",
        "severe cutaneous adverse reaction",  # ribociclib's label (7921e)
    }


def test_brca_tested_on_blood_without_an_origin_is_a_germline_test() -> None:
    """BRCA1, BRCA2 and PALB2 not detected on a blood sample, the origin not given (it defaults
    to somatic): a blood or saliva sample is a germline test, so the tumour is still to be
    tested for a somatic BRCA1/2 mutation (TBCRC 048), as before a second reading found it
    read as a tumour negative."""
    blood = [result(g, "not_detected", sample="blood") for g in ("BRCA1", "BRCA2", "PALB2")]
    p = plan(biomarkers=[*NEGATIVE, *blood])
    assert "somatic BRCA1/2" in option(p, "olaparib").waits_on
    assert [a for a in p.actions if a.code == "test_somatic_brca"]


def test_postmonarch_needs_the_aromatase_inhibitor_with_the_cdk46_inhibitor() -> None:
    """Adjuvant anastrozole, then palbociclib with tamoxifen for advanced disease: postMONARCH
    enrolled a CDK4/6 inhibitor given with an aromatase inhibitor, so abemaciclib + fulvestrant
    is outside its population (rule 37; a second reading found any aromatase inhibitor on
    record accepted)."""
    adjuvant = {
        "drugs": ["anastrozole"],
        "setting": "adjuvant",
        "started_on": "2016-01-01",
        "ended_on": "2021-01-01",
        "stop_reason": "completed",
    }
    tamoxifen = dict(PALBOCICLIB, drugs=["palbociclib", "tamoxifen"])
    current = [dict(r, tested_on="2025-04-01") for r in NEGATIVE]
    p = practice(biomarkers=current, treatments=[adjuvant, tamoxifen])
    assert "outside_postmonarch_population" in codes(option(p, "abemaciclib+fulvestrant"))
    # recurrence on adjuvant palbociclib with tamoxifen is in postMONARCH's population
    on_adjuvant = dict(tamoxifen, setting="adjuvant", line=None, stop_reason="progression")
    q = practice(biomarkers=current, treatments=[on_adjuvant])
    assert "postmonarch_population" in codes(option(q, "abemaciclib+fulvestrant"))


def test_sacituzumab_govitecan_after_more_lines_than_tropics02_enrolled_says_so() -> None:
    """Five chemotherapy or ADC lines, past TROPiCS-02's 2 to 4: the reason says so (rule 4)."""
    lines = [PALBOCICLIB] + [
        dict(
            CAPECITABINE,
            drugs=[d],
            line=n + 2,
            started_on=f"2025-{4 + 2 * n:02d}-01",
            ended_on=f"2025-{4 + 2 * n:02d}-28",
        )
        for n, d in enumerate(
            ["capecitabine", "eribulin", "paclitaxel", "vinorelbine", "gemcitabine"]
        )
    ]
    p = plan(biomarkers=NEGATIVE, treatments=lines)
    text = " ".join(r.text for r in option(p, "sacituzumab-govitecan").reasons)
    assert "5 prior chemotherapy or ADC lines" in text and "fewer than this" in text, text
    # DESTINY-Breast04's 1-2 lines: past them trastuzumab deruxtecan says so too; within, not
    low = plan(her2="low", biomarkers=NEGATIVE, treatments=lines[:4])
    text = " ".join(r.text for r in option(low, "trastuzumab-deruxtecan").reasons)
    assert "3 prior chemotherapy lines" in text and "after 1-2 lines, fewer than this" in text
    two = plan(her2="low", biomarkers=NEGATIVE, treatments=lines[:3])
    text = " ".join(r.text for r in option(two, "trastuzumab-deruxtecan").reasons)
    assert "after 1-2 lines." in text and "fewer than this" not in text, text


def test_interstitial_lung_disease_puts_everolimus_after_the_options_without_a_contraindication() -> (
    None
):
    """Known ILD (case 143): trastuzumab deruxtecan is left out for it, and everolimus, with
    pneumonitis as frequent in BOLERO-2, is a relative contraindication. It was capped at
    'later' but still ranked third, above endocrine options that carry no such risk; it now
    comes after every option without a relative contraindication (as a respiratory review
    would place it), under both policies, and says why."""
    treatments = [PALBOCICLIB, CAPECITABINE]
    for p in (
        plan(
            her2="low",
            comorbidities=["interstitial_lung_disease"],
            biomarkers=NEGATIVE,
            treatments=treatments,
        ),
        practice(
            her2="low",
            comorbidities=["interstitial_lung_disease"],
            biomarkers=NEGATIVE,
            treatments=treatments,
        ),
    ):
        with_everolimus = [o for o in p.options if "everolimus" in o.regimen.drugs]
        assert with_everolimus
        first = min(o.rank for o in with_everolimus)
        # after it only relative contraindications: everolimus's, and gedatolisib's (it blocks
        # mTOR too: case 764)
        assert all(
            "everolimus" in o.regimen.drugs or "gedatolisib" in o.regimen.drugs
            for o in p.options[first - 1 :]
        ), [o.regimen.id for o in p.options[first - 1 :]]
        assert all("relative_contraindication" in codes(o) for o in with_everolimus)
    without = plan(her2="low", biomarkers=NEGATIVE, treatments=treatments)
    assert rank(without, "everolimus+exemestane") < len(without.options)


def test_in_a_visceral_crisis_the_tissue_confirmation_does_not_hold_up_chemotherapy() -> None:
    """ESR1 and the PI3K pathway negative on ctDNA only, in a visceral crisis (case 147): the
    plan asked for a tissue biopsy 'before the plan turns to chemotherapy'. Chemotherapy answers
    the crisis now; the biopsy runs beside it, for the next line. Outside a crisis the
    confirmation still comes before choosing."""
    crisis = plan(visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT])
    assert crisis.options[0].regimen.id == "chemotherapy"
    (confirm,) = [a for a in crisis.actions if a.code == "confirm_tissue"]
    assert "before choosing a line" not in confirm.text
    assert "does not wait" in confirm.text and "next line" in confirm.text
    calm = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT])
    (before,) = [a for a in calm.actions if a.code == "confirm_tissue"]
    assert "before choosing a line" in before.text
    # and it is not among the actions that come before choosing (case 273: no test is, there)
    assert not confirm.before_choosing
    assert calm.actions[0].code == "confirm_tissue" and calm.actions[0].before_choosing


def test_a_germline_palb2_mutation_is_not_called_nothing_actionable() -> None:
    """Germline PALB2, ESR1 and the PI3K pathway negative on ctDNA (case 142): the plan said a
    biopsy confirms 'before the plan turns to chemotherapy for nothing actionable' and gave
    chemotherapy's reason as if nothing were. The texts say the PARP-inhibitor target is on
    record and name olaparib (which rule 49 now puts first)."""
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    treatments = [PALBOCICLIB, FULVESTRANT]
    for p in (
        plan(biomarkers=[*NEGATIVE, palb2], treatments=treatments),
        practice(biomarkers=[*NEGATIVE, palb2], treatments=treatments),
    ):
        (confirm,) = [a for a in p.actions if a.code == "confirm_tissue"]
        assert "nothing actionable" not in confirm.text
        assert "PALB2" in confirm.text
        chemo = option(p, "chemotherapy")
        (said,) = [r for r in chemo.reasons if r.code == "no_actionable_alteration"]
        assert "PALB2" in said.text and "olaparib" in said.text
    alone = plan(biomarkers=NEGATIVE, treatments=treatments)
    (confirm,) = [a for a in alone.actions if a.code == "confirm_tissue"]
    assert "nothing actionable" in confirm.text
    # a germline BRCA1/2 mutation is rule 44's (the PARP inhibitors first), not TBCRC 048's
    brca = plan(biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")])
    (said,) = [
        r for r in option(brca, "chemotherapy").reasons if r.code == "no_actionable_alteration"
    ]
    assert "TBCRC 048" not in said.text and "TBCRC 048" not in said.trials


def test_a_ctdna_draw_that_found_a_mutation_asks_no_tissue_biopsy_before_choosing() -> None:
    """ESR1 D538G found on ctDNA and PIK3CA, AKT1, PTEN not detected on the same draw (cases
    139 and 146): the draw holds tumour DNA, so no biopsy for a low-shedding tumour comes
    before choosing. Plasma can still miss what tissue finds (cases 477, 481): the pathway's
    tissue confirmation is asked, not before choosing, and says the draw held tumour DNA. A
    draw that found nothing, or a mutation found on another day, asks as before."""
    esr1 = result("ESR1", "mutated", variant="D538G")
    pathway = [r for r in NEGATIVE if r["gene"] != "ESR1"]
    same_draw = plan(biomarkers=[esr1, *pathway], treatments=[PALBOCICLIB])
    confirm = [a for a in same_draw.actions if a.code.startswith("confirm")]
    assert [a.code for a in confirm] == ["confirm_pathway_tissue"], same_draw.actions
    assert not confirm[0].before_choosing and "held tumour DNA" in confirm[0].text
    other_day = plan(
        biomarkers=[dict(esr1, tested_on="2026-02-01"), *pathway], treatments=[PALBOCICLIB]
    )
    assert [a for a in other_day.actions if a.code == "confirm_pathway_tissue"]
    nothing = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert [a for a in nothing.actions if a.code == "confirm_tissue"]
    # undated results cannot be shown to come from one draw
    undated = [{k: v for k, v in r.items() if k != "tested_on"} for r in (esr1, *pathway)]
    q = plan(biomarkers=undated, treatments=[])  # no progression: an undated negative stands
    assert [a for a in q.actions if a.code == "confirm_pathway_tissue"]
    # negatives from two draws: the mutation vouches for one of them only
    two_draws = [dict(r, tested_on="2026-03-01") if r["gene"] != "PIK3CA" else r for r in pathway]
    q = plan(biomarkers=[esr1, *two_draws], treatments=[PALBOCICLIB])
    assert [a for a in q.actions if a.code == "confirm_pathway_tissue"]
    # a variant of uncertain significance on the draw shows no tumour DNA (a germline origin on
    # ctDNA, which showed none either, is refused since case 1921)
    vus = dict(esr1, variant="R555C", classification="vus")  # not a listed activating variant
    for found in (vus,):
        q = plan(biomarkers=[found, *pathway], treatments=[PALBOCICLIB])
        assert [a for a in q.actions if a.code.startswith("confirm")], found


def test_moderate_hepatic_impairment_names_the_label_dose_of_fulvestrant_and_its_partners() -> None:
    """Child-Pugh B with an AKT1 E17K (case 151): capivasertib + fulvestrant first and
    fulvestrant second carried no hepatic caution, though fulvestrant's label lowers the dose in
    moderate impairment. Each regimen with fulvestrant, elacestrant, ribociclib or capivasertib
    now names its label's hepatic instruction (in words: a label's dose is not a figure of the
    evidence), and says it is the label's, not the review's."""
    liver = [{"name": "hepatic_impairment", "child_pugh": "B"}]
    akt1 = [result("AKT1", "mutated"), *NEGATIVE[1:]]
    p = plan(schema_version=2, comorbidities=liver, biomarkers=akt1)
    expected = {
        "fulvestrant": "fulvestrant's label lowers its dose",
        "capivasertib+fulvestrant": "capivasertib's label",
        "elacestrant": "elacestrant's label lowers its dose",
        "ribociclib+fulvestrant": "ribociclib's label lowers its starting dose",
    }
    for rid, said in expected.items():
        texts = [c.text for c in option(p, rid).cautions if c.code == "hepatic_impairment_caution"]
        assert any(said in t and "label" in t for t in texts), (rid, texts)
    without = plan(schema_version=2, biomarkers=akt1)
    assert not [c for c in option(without, "fulvestrant").cautions if "hepatic" in c.code]
    abema = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])  # palbociclib stays open
    q = plan(schema_version=2, comorbidities=liver, biomarkers=akt1, treatments=[abema])
    palbo = [c.text for c in option(q, "palbociclib+fulvestrant").cautions if "hepatic" in c.code]
    assert [t for t in palbo if "fulvestrant's" in t] and not [
        t for t in palbo if "palbociclib's" in t
    ]
    # a label's instruction speaks for the classes it concerns: Child-Pugh A gives neither
    # fulvestrant's nor abemaciclib's (severe only), everolimus's still; no class gives all
    mild = plan(schema_version=2, comorbidities=[dict(liver[0], child_pugh="A")], biomarkers=akt1)
    unknown = plan(schema_version=2, comorbidities=["hepatic_impairment"], biomarkers=akt1)
    for rid, in_mild in [
        ("fulvestrant", False),
        ("abemaciclib", False),
        ("everolimus+exemestane", True),
    ]:
        found = [c for c in option(mild, rid).cautions if c.code == "hepatic_impairment_caution"]
        assert bool(found) == in_mild, rid
        assert [c for c in option(unknown, rid).cautions if c.code == "hepatic_impairment_caution"]


def test_a_known_pik3ca_hotspot_called_a_vus_leaves_its_drugs_waiting_not_excluded() -> None:
    """PIK3CA H1047R reported as a VUS on tissue (case 155): H1047R is one of the mutations of
    therascreen PIK3CA, the companion diagnostic of alpelisib's approval, so the call is most
    likely a reporting error. The plan took the VUS as a PIK3CA test with nothing found:
    alpelisib left out ('no PIK3CA mutation'), chemotherapy first for 'nothing actionable'.
    resistx still does not call it pathogenic; the result is unresolved: the drugs it would
    select wait on the classification, and the action says why the call is doubtful. A VUS
    at another position still counts as a test that found nothing actionable."""
    tissue = {"sample": "tissue"}
    others = [on_tissue(r) for r in NEGATIVE if r["gene"] != "PIK3CA"]
    hotspot = result("PIK3CA", "mutated", variant="H1047R", classification="vus", **tissue)
    for p in (plan(biomarkers=[*others, hotspot]), practice(biomarkers=[*others, hotspot])):
        assert p.option("alpelisib+fulvestrant") is not None
        alpelisib = option(p, "alpelisib+fulvestrant")
        assert alpelisib.waits_on == ("PIK3CA classification",)
        assert any("known activating variant" in r.text for r in alpelisib.reasons)
        assert not [a for a in p.actions if a.code == "retest"]  # the test was done
        assert "no_actionable_alteration" not in codes(option(p, "chemotherapy"))
        (ask,) = [a for a in p.actions if a.code == "review_variant_classification"]
        assert "therascreen" in ask.text and "H1047R" in ask.text
    for variant in ("p.His1047Arg", "p.H1047R"):  # the same variant, written otherwise
        q = plan(biomarkers=[*others, dict(hotspot, variant=variant)])
        assert q.option("alpelisib+fulvestrant") is not None, variant
    # a ctDNA negative before the doubtful call does not settle it; one after it does
    earlier = result("PIK3CA", "not_detected", tested_on="2026-04-01")
    assert plan(biomarkers=[*others, earlier, hotspot]).option("alpelisib+fulvestrant")
    later = dict(earlier, tested_on="2026-04-20")
    assert plan(biomarkers=[*others, later, hotspot]).option("alpelisib+fulvestrant") is None
    elsewhere = plan(biomarkers=[*others, dict(hotspot, variant="R88Q")])
    assert elsewhere.option("alpelisib+fulvestrant") is None
    assert "no_actionable_alteration" in codes(option(elsewhere, "chemotherapy"))


def test_a_doubtful_pik3ca_call_is_settled_only_by_a_later_result() -> None:
    """A second reading found three places deciding whether a doubtful call stands; one now
    does (``GeneState.doubtful``), and every reader follows it: a later negative settles the
    question (alpelisib left out, no 'doubtful' wording); a later failed test asks for a new
    test (alpelisib waits on NGS); a later VUS elsewhere in the gene leaves the doubt standing
    and named. Capivasertib waits on the classification too; the ESR1 rules, which wait on no
    classification, read an ESR1 VUS as any other."""
    tissue = {"sample": "tissue", "tested_on": "2026-04-10"}
    others = [on_tissue(r) for r in NEGATIVE if r["gene"] != "PIK3CA"]
    hotspot = result("PIK3CA", "mutated", variant="H1047R", classification="vus", **tissue)

    def asked(p: resistx.Plan) -> str:
        return " ".join(a.text for a in p.actions if a.code == "review_variant_classification")

    settled = plan(
        biomarkers=[
            *others,
            hotspot,
            result("PIK3CA", "not_detected", sample="tissue", tested_on="2026-04-20"),
        ]
    )
    assert settled.option("alpelisib+fulvestrant") is None and "doubtful" not in asked(settled)
    failed = plan(
        biomarkers=[
            *others,
            hotspot,
            result("PIK3CA", "indeterminate", sample="tissue", tested_on="2026-04-20"),
        ]
    )
    assert option(failed, "alpelisib+fulvestrant").waits_on == ("PIK3CA by NGS",)
    assert any("PIK3CA" in a.genes for a in failed.actions if a.code == "retest")
    other_vus = dict(hotspot, variant="R88Q", tested_on="2026-04-20")
    still = plan(biomarkers=[*others, hotspot, other_vus])
    assert option(still, "alpelisib+fulvestrant").waits_on == ("PIK3CA classification",)
    assert "H1047R" in asked(still) and "doubtful" in asked(still)
    assert not [a for a in still.actions if a.code == "retest"]
    doubt = plan(biomarkers=[*others, hotspot])
    assert option(doubt, "capivasertib+fulvestrant").waits_on == ("PIK3CA classification",)
    relapse = {
        "drugs": ["letrozole"],
        "setting": "adjuvant",
        "started_on": "2021-01-01",
        "ended_on": "2025-12-01",
        "stop_reason": "progression",
    }
    early = practice(biomarkers=[*others, hotspot], treatments=[relapse])
    inavo = option(early, "inavolisib+palbociclib+fulvestrant")
    assert inavo.waits_on == ("PIK3CA classification",)
    assert any("reported as not pathogenic" in r.text for r in inavo.reasons)
    esr1 = [r for r in others if r["gene"] != "ESR1"]
    esr1_vus = result("ESR1", "mutated", variant="D538G", classification="vus", **tissue)
    pik3ca = result("PIK3CA", "not_detected", **tissue)
    q = plan(biomarkers=[*esr1, pik3ca, esr1_vus])
    assert "doubtful" not in asked(q) and "counts as finding nothing actionable" in asked(q)


def test_a_relative_contraindication_goes_after_options_waiting_on_a_test() -> None:
    """Everolimus with ILD comes after alpelisib waiting on its PIK3CA test: a test can open an
    option, nothing in the plan lifts the contraindication."""
    untested = [r for r in NEGATIVE if r["gene"] != "PIK3CA"]
    p = plan(comorbidities=["interstitial_lung_disease"], biomarkers=untested)
    assert option(p, "alpelisib+fulvestrant").waits_on
    assert rank(p, "everolimus+exemestane") > rank(p, "alpelisib+fulvestrant")


def test_with_a_pathway_alteration_found_the_retest_asks_for_esr1_alone() -> None:
    """A current PIK3CA mutation and no ESR1 result: the pathway's drugs are open, so the retest
    asks for ESR1 (which decides the oral SERDs), not for AKT1 or PTEN."""
    p = plan(biomarkers=[result("PIK3CA", "mutated")])
    (retest,) = [a for a in p.actions if a.code == "retest"]
    assert retest.genes == ("ESR1",)


def test_the_text_display_says_why_everolimus_is_last_with_interstitial_lung_disease() -> None:
    """The recheck of case 143: the plan moved everolimus last but its printed 'why' did not
    say why; the reason of the hard ordering (rule 12's relative contraindication) is shown."""
    p = plan(comorbidities=["interstitial_lung_disease"], biomarkers=NEGATIVE)
    assert "relative contraindication" in why(option(p, "everolimus+exemestane"))
    assert "a relative contraindication" in " ".join(p.to_text().split())


def test_trastuzumab_deruxtecan_stopped_for_lung_disease_is_not_offered_again() -> None:
    """Case 161: trastuzumab deruxtecan stopped for interstitial lung disease, then eribulin:
    the plan ranked it first again. An ILD or pneumonitis that stopped a treatment is an ILD
    history (rule 12): both deruxtecan ADCs are left out, everolimus goes last."""
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"], line=3, stop_reason="toxicity",
                toxicity="interstitial lung disease")  # fmt: skip
    for p in (
        plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]),
        practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]),
    ):
        assert p.option("trastuzumab-deruxtecan") is None
        said = " ".join(r.text for r in exclusion(p, "trastuzumab-deruxtecan").reasons)
        # the recheck: it says the patient's own ILD stopped trastuzumab deruxtecan
        assert "interstitial lung disease (it stopped trastuzumab deruxtecan)" in said
        assert "relative_contraindication" in codes(option(p, "everolimus+exemestane"))
    assert (
        practice(
            her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]
        ).option("datopotamab-deruxtecan")
        is None
    )


def test_renal_impairment_cautions_capecitabine_and_the_parp_inhibitors_from_their_labels() -> None:
    """Case 164: renal impairment was never mentioned; chemotherapy (capecitabine, the usual
    first agent) and the PARP inhibitors need lower doses by their labels."""
    brca = [*NEGATIVE, result("BRCA2", "mutated", origin="germline", sample="blood")]
    p = plan(schema_version=2, comorbidities=["renal_impairment"], biomarkers=brca)
    for rid, drug in [
        ("chemotherapy", "capecitabine"),
        ("olaparib", "olaparib"),
        ("talazoparib", "talazoparib"),
    ]:
        said = [c.text for c in option(p, rid).cautions if c.code == "renal_impairment_caution"]
        assert any(drug in t and "label" in t for t in said), (rid, said)


def test_inflammatory_bowel_disease_cautions_abemaciclib() -> None:
    """Case 167: abemaciclib's main toxicity is diarrhoea; with IBD it carried no caution."""
    p = practice(
        schema_version=2, comorbidities=["inflammatory_bowel_disease"], biomarkers=NEGATIVE
    )
    for rid in ("abemaciclib", "abemaciclib+fulvestrant"):
        said = [
            c.text
            for c in option(p, rid).cautions
            if c.code == "inflammatory_bowel_disease_caution"
        ]
        assert any("abemaciclib" in t and "diarrhoea" in t for t in said), (rid, said)


def test_a_cdk46_inhibitor_stopped_for_neutropenia_after_progression_still_cautions_the_others() -> (
    None
):
    """Case 165: palbociclib progressed, then palbociclib + fulvestrant was stopped for
    neutropenia: ribociclib + fulvestrant carried no neutropenia caution, as palbociclib was
    counted only as resistance. The class caution reads every course stopped for toxicity."""
    stopped = dict(FULVESTRANT, drugs=["fulvestrant", "palbociclib"], stop_reason="toxicity",
                   toxicity="neutropenia")  # fmt: skip
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, stopped])
    said = [
        c for c in option(p, "ribociclib+fulvestrant").cautions if c.code == "cdk46i_class_toxicity"
    ]
    assert said and "neutropenia" in said[0].text
    # the drug that was stopped is not cautioned as its own class: rule 23's rechallenge says it
    q = plan(biomarkers=NEGATIVE, treatments=[NEUTROPENIA_STOP, ANASTROZOLE])
    own = option(q, "palbociclib+fulvestrant").cautions
    assert not [c for c in own if c.code == "cdk46i_class_toxicity"]
    assert len([c for c in own if c.code == "cdk46i_toxicity_rechallenge"]) == 1


def test_a_pneumonitis_that_stopped_a_drug_is_read_as_an_ild_history_and_said_once() -> None:
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"], line=3, stop_reason="toxicity",
                toxicity="pneumonitis")  # fmt: skip
    treatments = [PALBOCICLIB, CAPECITABINE, tdxd]
    assert (
        plan(her2="low", biomarkers=NEGATIVE, treatments=treatments).option(
            "trastuzumab-deruxtecan"
        )
        is None
    )
    both = plan(her2="low", comorbidities=["interstitial_lung_disease"], biomarkers=NEGATIVE,
                treatments=treatments)  # fmt: skip
    texts = [r.text for r in exclusion(both, "trastuzumab-deruxtecan").reasons]
    assert len(texts) == len(set(texts))


def test_a_cdk46_inhibitor_stopped_for_toxicity_after_progression_cautions_its_rechallenge() -> (
    None
):
    """The recheck of case 165: palbociclib progressed, then was stopped for neutropenia; the
    gedatolisib triplet, which gives palbociclib again, carried no caution at all."""
    stopped = dict(FULVESTRANT, drugs=["fulvestrant", "palbociclib"], stop_reason="toxicity",
                   toxicity="neutropenia")  # fmt: skip
    p = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, stopped])
    triplet = option(p, "gedatolisib+palbociclib+fulvestrant")
    said = [c.text for c in triplet.cautions if c.code == "cdk46i_toxicity_rechallenge"]
    assert said and "neutropenia" in said[0], triplet.cautions


def _pten_ihc_beside(pik3ca: dict[str, Any]) -> list[dict[str, Any]]:
    """ESR1 and AKT1 not detected, a PTEN loss by IHC on tissue, and this PIK3CA result."""
    return [
        result("ESR1", "not_detected"),
        pik3ca,
        result("AKT1", "not_detected"),
        result("PTEN", "loss", sample="tissue", assay="ihc"),
    ]


def test_a_pten_loss_by_ihc_alone_does_not_put_everolimus_behind_a_waiting_akt_inhibitor() -> None:
    """Case 177: PTEN loss by IHC only, PIK3CA negative by PCR only: capivasertib waits on NGS
    (CAPItello-291 selected by NGS), so no PI3K/AKT inhibitor is indicated yet, and everolimus
    (which needs no test) no longer steps back behind it (issue 8: only where one is)."""
    pten = _pten_ihc_beside(result("PIK3CA", "not_detected", assay="pcr"))
    p = plan(biomarkers=pten)
    assert option(p, "capivasertib+fulvestrant").waits_on
    assert "everolimus_later_line" not in codes(option(p, "everolimus+exemestane"))
    ngs = plan(biomarkers=[*pten[:3], result("PTEN", "loss", sample="tissue")])
    assert "everolimus_later_line" in codes(option(ngs, "everolimus+exemestane"))


def test_cardiac_disease_makes_ribociclib_a_relative_contraindication() -> None:
    """Case 176: ribociclib's label asks to avoid it with significant cardiac disease (QT
    prolongation); with heart disease it ranked second with 'monitor closely'. It now comes
    after every option without such a risk, as everolimus does with ILD."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = plan(schema_version=2, comorbidities=["cardiac_disease"], biomarkers=esr1)
    ribo = option(p, "ribociclib+fulvestrant")
    assert "relative_contraindication" in codes(ribo)
    assert rank(p, "ribociclib+fulvestrant") > rank(p, "abemaciclib")


def test_a_pcr_only_pik3ca_negative_is_retested_by_ngs_beside_a_pten_loss_by_ihc() -> None:
    """The recheck of case 177: with the only pathway finding a PTEN loss by IHC, the PIK3CA
    'not detected' by PCR only was never sent to NGS (the one panel that settles capivasertib
    and alpelisib); a PTEN loss by NGS still makes the PCR retest moot."""
    pten_ihc = result("PTEN", "loss", sample="tissue", assay="ihc")
    base = [result("ESR1", "not_detected"), result("PIK3CA", "not_detected", assay="pcr"),
            result("AKT1", "not_detected")]  # fmt: skip
    p = plan(biomarkers=[*base, pten_ihc])
    assert [a for a in p.actions if a.code == "retest_ngs" and "PIK3CA" in a.genes]
    q = plan(biomarkers=[*base, dict(pten_ihc, assay="ngs")])
    assert not [a for a in q.actions if a.code == "retest_ngs"]


def test_a_drug_stopped_twice_for_toxicity_gets_one_rechallenge_caution_naming_both_events() -> (
    None
):
    """A second reading: palbociclib progressed, then two courses were stopped, for neutropenia
    and for hepatotoxicity; the gedatolisib triplet carried two rechallenge cautions."""
    first = dict(FULVESTRANT, drugs=["fulvestrant", "palbociclib"], stop_reason="toxicity",
                 toxicity="neutropenia", ended_on="2025-08-01")  # fmt: skip
    second = dict(first, toxicity="hepatotoxicity", line=3, started_on="2025-09-01",
                  ended_on="2026-03-01")  # fmt: skip
    p = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, first, second])
    cautions = option(p, "gedatolisib+palbociclib+fulvestrant").cautions
    (said,) = [c.text for c in cautions if c.code == "cdk46i_toxicity_rechallenge"]
    assert "neutropenia" in said and "hepatotoxicity" in said
    # a course stopped for toxicity with no adverse event named still cautions its rechallenge
    unnamed = {k: v for k, v in NEUTROPENIA_STOP.items() if k != "toxicity"}
    q = plan(biomarkers=NEGATIVE, treatments=[unnamed, ANASTROZOLE])
    cautions = option(q, "palbociclib+fulvestrant").cautions
    assert [c for c in cautions if c.code == "cdk46i_toxicity_rechallenge"]


def test_a_brca_mutation_found_on_a_blood_sample_is_a_germline_mutation() -> None:
    """A second reading: a blood or saliva BRCA negative was read as a germline test, but a
    BRCA2 mutation on a blood sample, its origin left at the default, was read as somatic:
    chemotherapy came first 'for a somatic BRCA2 mutation' and the plan asked for the germline
    test it is. One reading now: a blood or saliva result is germline, found or not (rule 44
    puts the PARP inhibitors first, as with origin 'germline')."""
    blood = result("BRCA2", "mutated", sample="blood")
    p = plan(biomarkers=[*NEGATIVE, blood], treatments=[PALBOCICLIB])
    q = plan(biomarkers=[*NEGATIVE, dict(blood, origin="germline")], treatments=[PALBOCICLIB])
    assert [o.regimen.id for o in p.options][:3] == [o.regimen.id for o in q.options][:3]
    assert p.options[0].regimen.id in ("olaparib", "talazoparib")
    assert not [a for a in p.actions if a.code == "test_germline"]


def test_a_pten_loss_by_ihc_beside_a_pik3ca_amplification_is_sent_to_ngs() -> None:
    """A second reading: with a PIK3CA amplification (not what the trials selected) and a PTEN
    loss by IHC, capivasertib waited on 'PTEN by NGS' but rule 15 asked for no NGS: the two
    read 'PTEN by IHC only' differently. One predicate now decides for both."""
    p = plan(biomarkers=_pten_ihc_beside(result("PIK3CA", "amplified", sample="tissue")))
    assert option(p, "capivasertib+fulvestrant").waits_on
    assert [a for a in p.actions if a.code == "confirm_ngs" and "PTEN" in a.genes]


def test_two_cytotoxics_switched_within_one_line_count_as_one_line() -> None:
    """A second reading: nothing tested an ADC or chemotherapy switched within one line number;
    the line counts (rule 4's text, the model's own count) read them as one line."""
    cape = dict(CAPECITABINE, line=2)
    switched = dict(CAPECITABINE, drugs=["eribulin"], line=2, started_on="2025-09-01")
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, cape, switched])
    [r] = [r for r in option(p, "trastuzumab-deruxtecan").reasons if r.rule == 4]
    assert r.text.startswith("1 prior chemotherapy line;"), r.text
    [sg] = [r for r in option(p, "sacituzumab-govitecan").reasons if r.rule == 4]
    assert sg.text.startswith("1 prior chemotherapy or ADC line"), sg.text
    profile = resistx.load_profile(patient(treatments=[PALBOCICLIB, cape, switched]))
    assert profile.metastatic_chemotherapy_lines == 1


def test_the_molecular_key_holds_chemotherapy_lines_up_to_its_cap() -> None:
    """Three and five lines read alike for every rule (rule 44: up to 2; rule 30: any), so the
    molecular Inputs of two such patients are one memo key."""
    from resistx.sequencing.build_inputs import CHEMOTHERAPY_LINES_CAP, molecular  # noqa: PLC0415
    from resistx.sequencing.facts import Facts  # noqa: PLC0415
    from resistx.sequencing.maintain import outside_for as outside_maintain  # noqa: PLC0415

    def inputs(n: int) -> object:
        lines = [dict(CAPECITABINE, drugs=[d], line=k + 2, started_on=f"2025-{4 + 2 * k:02d}-01",
                      ended_on=f"2025-{4 + 2 * k:02d}-28") for k, d in enumerate(
                          ["capecitabine", "eribulin", "paclitaxel", "vinorelbine", "gemcitabine"][:n])]  # fmt: skip
        f = Facts(profile=resistx.load_profile(patient(treatments=[PALBOCICLIB, *lines])),
                  preferences=resistx.Preferences())  # fmt: skip
        return molecular(f, (), outside_maintain(f))

    assert inputs(CHEMOTHERAPY_LINES_CAP) == inputs(5)
    assert inputs(CHEMOTHERAPY_LINES_CAP - 1) != inputs(CHEMOTHERAPY_LINES_CAP)


def test_the_first_drug_an_ild_stopped_names_it() -> None:
    first = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"], line=3, stop_reason="toxicity",
                 toxicity="pneumonitis", started_on="2025-10-15", ended_on="2025-12-01")  # fmt: skip
    second = dict(first, drugs=["everolimus", "exemestane"], line=4, started_on="2026-01-01",
                  ended_on="2026-03-01", toxicity="interstitial lung disease")  # fmt: skip
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, first, second])
    said = " ".join(r.text for r in exclusion(p, "trastuzumab-deruxtecan").reasons)
    assert "(it stopped trastuzumab deruxtecan)" in said, said


def test_a_pathogenic_call_on_a_listed_variant_is_not_doubtful() -> None:
    from resistx.model.enums import BiomarkerStatus, Classification  # noqa: PLC0415
    from resistx.model.profile import BiomarkerResult  # noqa: PLC0415
    from resistx.sequencing.reliability import listed  # noqa: PLC0415

    call = BiomarkerResult(
        gene="PIK3CA",
        status=BiomarkerStatus.MUTATED,
        variant="H1047R",
        classification=Classification.VUS,
    )
    assert listed(call) is not None
    assert listed(attrs.evolve(call, classification=Classification.PATHOGENIC)) is None
    assert listed(attrs.evolve(call, classification=None)) is None


# cases 179 to 188 (review of 30 November 2026)

ESR1_MUTATED_NOW = [
    result("ESR1", "mutated", variant="Y537S", tested_on="2025-01-15"),
    *(result(g, "not_detected", tested_on="2025-01-15") for g in ("PIK3CA", "AKT1", "PTEN")),
]
BEFORE_NEW_SERDS = {
    "as_of": "2025-02-01",
    "biomarkers": ESR1_MUTATED_NOW,
    "treatments": [dict(PALBOCICLIB, started_on="2023-01-10", ended_on="2025-01-05")],
}


def test_a_drug_approved_after_the_decision_date_is_within_a_trial_at_that_date() -> None:
    """Case 182: on 2025-02-01 neither imlunestrant (FDA 2025-09-25) nor vepdegestrant (FDA
    2026-05-01) could be prescribed outside a trial. Under practice-2026 they are tier trial at
    that date, after every approved option that waits on no test, and say when they were
    approved; elacestrant,
    approved before, leads. At a date after both approvals they are approved options again."""
    early = practice(**BEFORE_NEW_SERDS)
    assert rank(early, "elacestrant") == 1
    approved = [o for o in early.options if o.tier is not Tier.TRIAL and not o.waits_on]
    for rid, when in (("imlunestrant", "2025-09-25"), ("vepdegestrant", "2026-05-01")):
        o = option(early, rid)
        assert o.tier is Tier.TRIAL, rid
        assert o.rank > max(a.rank for a in approved), rid
        assert any(r.code == "not_yet_approved" and when in r.text for r in o.reasons), rid
        assert any(r.rule == 46 for r in o.reasons), rid
    later = practice(**dict(BEFORE_NEW_SERDS, as_of="2026-06-01"))
    for rid in ("imlunestrant", "vepdegestrant"):
        assert option(later, rid).tier is not Tier.TRIAL, rid
        assert "not_yet_approved" not in codes(option(later, rid)), rid


def test_an_approval_of_a_new_indication_leaves_the_earlier_one_standing() -> None:
    """Trastuzumab deruxtecan's dated approval (FDA 2025-01-27, DESTINY-Breast06) extends an
    earlier one (HER2-low after chemotherapy, DESTINY-Breast04, in the review): before that
    date it is not an investigational drug."""
    p = practice(
        as_of="2024-06-01",
        her2="low",
        biomarkers=[dict(r, tested_on="2024-05-10") for r in NEGATIVE],
        treatments=[
            dict(PALBOCICLIB, started_on="2021-01-10", ended_on="2023-03-20"),
            dict(CAPECITABINE, started_on="2023-04-01", ended_on="2024-05-01"),
        ],
    )
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier is not Tier.TRIAL and "not_yet_approved" not in codes(tdxd)


AFTER_CAPIVASERTIB = {
    "as_of": "2025-11-01",
    "biomarkers": [
        result("PTEN", "loss", sample="tissue", tested_on="2024-02-01"),
        result("ESR1", "not_detected", tested_on="2025-10-10"),
        result("PIK3CA", "not_detected", tested_on="2025-10-10"),
        *(
            result(g, "not_detected", origin="germline", sample="blood", tested_on="2023-01-01")
            for g in ("BRCA1", "BRCA2", "PALB2")
        ),
    ],
    "treatments": [
        dict(
            PALBOCICLIB,
            drugs=["abemaciclib", "anastrozole"],
            started_on="2022-01-01",
            ended_on="2024-01-20",
        ),
        dict(
            FULVESTRANT,
            drugs=["capivasertib", "fulvestrant"],
            started_on="2024-02-10",
            ended_on="2025-10-01",
        ),
    ],
}


@pytest.mark.parametrize("policy", ["ye2024", PRACTICE])
def test_everolimus_after_a_pi3k_or_akt_inhibitor_is_the_later_line_the_review_gives_it(
    policy: str,
) -> None:
    """Case 185: after capivasertib, everolimus is what the review places in a later line
    ('everolimus should be used in later line', after PI3K and AKT inhibitors), not a drug of
    the same class with no evidence after it. It stays a later option, and comes before
    CDK4/6-inhibitor regimens that give again the fulvestrant the disease progressed on."""
    p = resistx.sequence(patient(**AFTER_CAPIVASERTIB), policy=policy)
    eve = option(p, "everolimus+exemestane")
    assert eve.tier is Tier.LATER
    texts = [r.text for r in eve.reasons if r.rule == 11]
    assert texts and all("no evidence" not in t for t in texts), texts
    assert any(r.code == "everolimus_after_pi3k_or_akt" for r in eve.reasons)
    for rechallenge in ("palbociclib+fulvestrant", "ribociclib+fulvestrant"):
        assert eve.rank < rank(p, rechallenge), rechallenge


def test_endocrine_resistance_without_tests_says_no_target_is_known_not_that_there_is_none() -> (
    None
):
    """Case 188: three endocrine lines and nothing ever tested. Rule 22 still turns to
    chemotherapy and ADCs, but its reason must not say 'no further target': ESR1 and the PI3K
    pathway are untested, and the tests before choosing may find one. With current negatives it
    says there is none."""
    untested = plan(as_of="2025-10-01", treatments=THREE_ENDOCRINE_LINES)
    said = [r.text for r in option(untested, "chemotherapy").reasons if r.rule == 22]
    assert said and "no further target" not in said[0], said
    assert "no informative result since the latest progression" in said[0], said
    tested = plan(
        as_of="2025-10-01",
        treatments=THREE_ENDOCRINE_LINES,
        biomarkers=[dict(r, tested_on="2025-09-10") for r in NEGATIVE],
    )
    said = [r.text for r in option(tested, "chemotherapy").reasons if r.rule == 22]
    assert said and "no further target" in said[0], said
    esr1_only = plan(
        as_of="2025-10-01",
        treatments=THREE_ENDOCRINE_LINES,
        biomarkers=[dict(NEGATIVE[0], tested_on="2025-09-10")],
    )
    said = [r.text for r in option(esr1_only, "chemotherapy").reasons if r.rule == 22]
    assert said and "no informative result since the latest progression" in said[0], said


def test_a_trial_with_a_partner_the_disease_progressed_on_is_not_demoted_for_it() -> None:
    """A listed open trial steps back for its class only: giving fulvestrant again inside a
    trial (TAKTIC, NCT03959891, ipatasertib with fulvestrant and palbociclib) is the trial's
    question, not a repeat the review has no evidence for. (FINER, the example before, is now
    left out after a further line: rule 101.)"""
    p = plan(
        biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0]],
        treatments=[PALBOCICLIB, FULVESTRANT],
    )
    o = option(p, "trial:NCT03959891")
    assert "progressed_on_drug" not in codes(o)
    assert any(
        r.rule == 101 for e in p.excluded if e.regimen.id == "trial:NCT04650581" for r in e.reasons
    )


def test_only_elacestrant_says_emerald_enrolled_postmenopausal_patients() -> None:
    """Case 189: before the menopause, imlunestrant's caution named EMERALD's population, a
    trial of elacestrant. Each oral SERD's caution speaks for its own trial: EMERALD's limit for
    elacestrant only; for the others the need for ovarian function suppression."""
    p = practice(
        as_of="2026-03-01",
        menopausal_status="premenopausal",
        biomarkers=[
            dict(r, tested_on="2026-02-10") for r in [result("ESR1", "mutated"), *NEGATIVE[1:]]
        ],
        treatments=[dict(PALBOCICLIB, started_on="2024-10-01", ended_on="2026-01-20")],
    )
    ela = [c for c in option(p, "elacestrant").cautions if c.rule == 40]
    assert ela and "EMERALD" in ela[0].text
    for rid in ("imlunestrant", "vepdegestrant"):
        said = [c for c in option(p, rid).cautions if c.rule == 40]
        assert said and all("EMERALD" not in c.text for c in said), (rid, said)
        assert "ovarian function suppression" in said[0].text


def test_elacestrant_under_12_months_of_a_cdk46_inhibitor_says_emeralds_larger_benefit_was_not_there() -> (
    None
):
    """Case 194: 10 months on abemaciclib. EMERALD's larger benefit was in the post hoc
    subgroup with 12 months or more on a CDK4/6 inhibitor; the plan says this patient is not in
    it (and does not say so after 12 months or more, where it quotes the subgroup)."""

    def esr1_mutated_after(started_on: str) -> resistx.Plan:
        return practice(
            as_of="2025-04-01",
            biomarkers=[
                dict(r, tested_on="2025-03-10") for r in [result("ESR1", "mutated"), *NEGATIVE[1:]]
            ],
            treatments=[dict(PALBOCICLIB, started_on=started_on, ended_on="2025-02-10")],
        )

    short = esr1_mutated_after("2024-04-01")
    said = [r.text for r in option(short, "elacestrant").reasons if r.rule == 28]
    assert said and "not in it" in said[0] and "8.6" in said[0], said
    long = esr1_mutated_after("2023-01-01")
    said = [r.text for r in option(long, "elacestrant").reasons if r.rule == 28]
    assert said and "not in it" not in said[0], said
    assert "not in it" not in " ".join(r.text for r in option(short, "imlunestrant").reasons)


def test_a_parp_inhibitor_after_progression_on_another_is_not_above_chemotherapy() -> None:
    """Case 204: after progression on olaparib, talazoparib ranked third. The review has no
    evidence for a PARP inhibitor after progression on one: it was made a later option after
    chemotherapy and the ADCs, and since cases 271 and 279 it is left out (the test below)."""
    p = plan(
        her2="low",
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline", sample="blood")],
        treatments=[PALBOCICLIB, second_line("olaparib"), dict(CAPECITABINE, line=3)],
    )
    exclusion(p, "olaparib")  # left out: progressed on it
    assert "progressed_on" in excluded_for(p, "talazoparib")
    assert p.options[0].regimen.id in ("trastuzumab-deruxtecan", "sacituzumab-govitecan")


def test_fulvestrant_alone_after_progression_on_an_oral_serd_steps_back_as_its_class() -> None:
    """Case 207: after progression on elacestrant, fulvestrant alone ranked first (PACE's
    figures) while every oral SERD was demoted as the same class. Fulvestrant is an
    estrogen-receptor degrader too, and the review has no evidence for it after an oral SERD:
    it steps back as the class does. With fulvestrant as a partner (capivasertib + fulvestrant
    for an AKT1 mutation) the targeted drug still leads."""
    elacestrant = dict(FULVESTRANT, drugs=["elacestrant"])
    p = plan(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]], treatments=[PALBOCICLIB, elacestrant]
    )
    fulv = option(p, "fulvestrant")
    assert "same_class_after_progression" in codes(fulv)
    assert rank(p, "everolimus+exemestane") < fulv.rank
    akt = plan(
        biomarkers=[result("AKT1", "mutated"), result("ESR1", "mutated"), *NEGATIVE[1:3]],
        treatments=[PALBOCICLIB, elacestrant],
    )
    assert akt.options[0].regimen.id == "capivasertib+fulvestrant"
    # a trial giving fulvestrant with another drug is not fulvestrant alone
    pik3ca = plan(
        biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0]],
        treatments=[PALBOCICLIB, elacestrant],
    )
    assert "same_class_after_progression" not in codes(option(pik3ca, "trial:NCT03959891"))


# the second reading of this session's change (rules 46, 28, 22 and 11)


def test_before_destiny_breast06s_approval_tdxd_without_chemotherapy_is_within_a_trial() -> None:
    """On 2024-06-01 trastuzumab deruxtecan was approved for HER2-low disease after
    chemotherapy only (DESTINY-Breast04): for a HER2-low patient with no chemotherapy it was
    not yet approved (FDA 2025-01-27, DESTINY-Breast06), so tier trial; after chemotherapy it
    stays approved."""
    lines = [
        dict(PALBOCICLIB, started_on="2021-01-10", ended_on="2023-03-20"),
        dict(FULVESTRANT, started_on="2023-04-01", ended_on="2024-05-01"),
    ]
    naive = practice(
        as_of="2024-06-01",
        her2="low",
        biomarkers=[dict(r, tested_on="2024-05-10") for r in NEGATIVE],
        treatments=lines,
    )
    tdxd = option(naive, "trastuzumab-deruxtecan")
    assert tdxd.tier is Tier.TRIAL
    assert any(r.code == "not_yet_approved" and "for this patient" in r.text for r in tdxd.reasons)


def test_a_regimen_not_yet_approved_says_so_first_and_nothing_calls_it_approved() -> None:
    """Rule 46's reason leads the efficacy reasons, and rule 28 does not say the drug 'is
    approved' on a date before its approval."""
    early = practice(**BEFORE_NEW_SERDS)
    for rid in ("imlunestrant", "vepdegestrant"):
        o = option(early, rid)
        efficacy = [r for r in o.reasons if r.factor.value == "efficacy"]
        assert efficacy[0].code == "not_yet_approved", rid
        assert all("is approved" not in r.text for r in o.reasons), rid


def test_an_unknown_length_of_cdk46_inhibitor_is_not_called_under_12_months() -> None:
    """A CDK4/6-inhibitor course with no dates: rule 28 neither quotes EMERALD's 12-month
    subgroup as the patient's nor says the patient is outside it."""
    undated = {k: v for k, v in PALBOCICLIB.items() if k not in ("started_on", "ended_on")}
    p = practice(biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]], treatments=[undated])
    said = [r.text for r in option(p, "elacestrant").reasons if r.rule == 28]
    assert said and "not in it" not in said[0] and "(post hoc)" not in said[0], said


def test_a_current_pathway_negative_with_a_stale_esr1_negative_is_no_target_known() -> None:
    """Rule 22: ESR1 tested before the latest progression, the PI3K pathway after it: ESR1 is
    untested since, so no target is known."""
    stale_esr1 = [
        dict(NEGATIVE[0], tested_on="2023-01-10"),
        *(dict(r, tested_on="2025-09-10") for r in NEGATIVE[1:]),
    ]
    p = plan(as_of="2025-10-01", treatments=THREE_ENDOCRINE_LINES, biomarkers=stale_esr1)
    said = [r.text for r in option(p, "chemotherapy").reasons if r.rule == 22]
    assert said and "no target known" in said[0], said


def test_everolimus_is_a_class_repeat_after_everolimus_or_another_class() -> None:
    """Rule 11's later line for everolimus holds after PI3K or AKT inhibitors only: after
    everolimus itself (in another regimen) it is a repeat, and giredestrant + everolimus after
    an oral SERD and capivasertib steps back for its class; a partner given again (ribociclib
    in the triplet) still says so."""
    capivasertib = dict(ERIBULIN, drugs=["capivasertib", "fulvestrant"])
    again = plan(treatments=[PALBOCICLIB, second_line("everolimus", "fulvestrant"), capivasertib])
    assert "everolimus_after_pi3k_or_akt" not in codes(option(again, "everolimus+exemestane"))
    serd = practice(
        treatments=[PALBOCICLIB, second_line("elacestrant"), capivasertib],
        biomarkers=NEGATIVE,
    )
    gired = option(serd, "giredestrant+everolimus")
    assert "same_class_after_progression" in codes(gired)
    assert "everolimus_after_pi3k_or_akt" not in codes(gired)
    ribo = plan(
        treatments=[
            dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"]),
            second_line("capivasertib", "fulvestrant"),
        ]
    )
    triplet = option(ribo, "ribociclib+everolimus+exemestane")
    assert {"everolimus_after_pi3k_or_akt", "progressed_on_drug"} <= codes(triplet)


def test_an_adjuvant_course_ended_in_relapse_then_followed_by_more_adjuvant_therapy_is_asked_about() -> (
    None
):
    """Case 211: adjuvant abemaciclib is recorded as ended in progression, yet adjuvant
    letrozole went on after it, as after a completed course. A relapse ends adjuvant therapy:
    the record contradicts itself, and whether the CDK4/6 inhibitor counts as resistance turns
    on it. The plan asks first, under both policies; a record without the contradiction is not
    asked."""
    courses = [
        adjuvant(["abemaciclib", "letrozole"], "2022-01-01", "2024-01-01", stop="progression"),
        adjuvant(["letrozole"], "2024-01-02", "2025-04-20", stop="progression"),
    ]
    esr1 = [dict(r, tested_on="2025-05-10") for r in [result("ESR1", "mutated"), *NEGATIVE[1:]]]
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(as_of="2025-06-01", biomarkers=esr1, treatments=courses), policy=policy
        )
        asked = [a for a in p.actions if a.code == "confirm_adjuvant_relapse"]
        assert asked and asked[0].rule == 47 and p.actions[0] is asked[0], policy
        assert "abemaciclib + letrozole" in asked[0].text and "letrozole" in asked[0].text
        text = p.to_text()
        assert text.index("Before choosing") < text.index("  1. "), policy
    completed = [dict(courses[0], stop_reason="completed"), courses[1]]
    neoadjuvant = [dict(courses[0], setting="neoadjuvant"), courses[1]]
    for record in (completed, neoadjuvant):
        p = plan(as_of="2025-06-01", biomarkers=esr1, treatments=record)
        assert not [a for a in p.actions if a.code == "confirm_adjuvant_relapse"]


def test_destiny_breast06s_figure_in_a_reason_says_which_population_it_is() -> None:
    """Case 209: the reason quoted HR 0.64 right after 'HER2-low', while 0.64 is DESTINY-Breast06's
    HER2-low and -ultralow population together (the HER2-low figure, 0.62, is the evidence
    line's). The reason names the population of its figure, and for HER2-low disease quotes
    HER2-low's own (10002: the pooled figure belongs to a HER2-ultralow reading)."""
    p = practice(
        her2="low",
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, second_line("fulvestrant"), dict(ERIBULIN, drugs=["exemestane"])],
    )
    said = [
        r.text
        for r in option(p, "trastuzumab-deruxtecan").reasons
        if r.code == "endocrine_therapy_opens_trastuzumab_deruxtecan"
    ]
    assert said and "(HER2-low: median PFS 13.2 vs 8.1 months, HR 0.62" in said[0], said


def test_a_blood_result_left_at_the_default_origin_counts_as_the_germline_test_on_record() -> None:
    """A tumour BRCA2 mutation asks for a germline test (rule 26) unless one is on record; a
    BRCA2 result from a blood sample is one, whatever origin it was left at (the default is
    somatic): the same reading as the results themselves (``Facts.biomarkers``)."""
    tumour = result("BRCA2", "mutated", sample="tissue")
    blood = result("BRCA2", "not_detected", sample="blood")  # origin left at its default
    asked = plan(biomarkers=[*NEGATIVE, tumour])
    assert [a for a in asked.actions if a.code == "test_germline" and "BRCA2" in a.genes]
    p = plan(biomarkers=[*NEGATIVE, tumour, blood])
    assert not [a for a in p.actions if a.code == "test_germline" and "BRCA2" in a.genes]


# the review of cases 214 to 223

TOXICITY_STOP = {k: v for k, v in NEUTROPENIA_STOP.items() if k != "toxicity"}  # not recorded


def test_a_cdk46i_stopped_for_toxicity_is_offered_abemaciclib_with_fulvestrant_under_the_review() -> (
    None
):
    """Case 219: palbociclib stopped for toxicity, then progression on an aromatase inhibitor
    alone, the setting of MONARCH-2, PALOMA-3 and MONALEESA-3, which the review's Introduction
    cites for fulvestrant with a CDK4/6 inhibitor (doubled median PFS, refs 9-11). The review's
    policy offers abemaciclib + fulvestrant as a switch beside ribociclib + fulvestrant, above
    the palbociclib rechallenge, and its evidence line names those trials."""
    p = plan(biomarkers=NEGATIVE, treatments=[TOXICITY_STOP, ANASTROZOLE])
    abema = option(p, "abemaciclib+fulvestrant")
    assert abema.tier in (Tier.PREFERRED, Tier.ALTERNATIVE)
    assert rank(p, "abemaciclib+fulvestrant") < rank(p, "palbociclib+fulvestrant")
    evidence = [r for r in abema.reasons if r.factor.value == "efficacy"]
    assert any("MONARCH-2" in r.trials and "refs 9-11" in r.text for r in evidence), evidence
    # the statement is for fulvestrant with a CDK4/6 inhibitor, not abemaciclib alone
    assert not any("refs 9-11" in r.text for r in option(p, "abemaciclib").reasons)


def test_after_progression_on_a_cdk46i_abemaciclib_with_fulvestrant_has_no_evidence_in_the_review() -> (
    None
):
    """The review has no figures for abemaciclib + fulvestrant after progression on a CDK4/6
    inhibitor (postMONARCH came after it): under its policy the option is never preferred
    there, and its evidence does not borrow MONARCH-2's CDK4/6-inhibitor-naive statement."""
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    abema = option(p, "abemaciclib+fulvestrant")
    assert abema.tier is not Tier.PREFERRED
    assert "no_direct_evidence" in codes(abema)
    assert not any("refs 9-11" in r.text for r in abema.reasons)


def test_cytopenia_on_record_cautions_each_cdk46_inhibitor() -> None:
    """Case 219: cytopenia on record cautioned chemotherapy, the ADCs and the PARP inhibitors
    but none of the CDK4/6 inhibitors, whose labels each warn of neutropenia."""
    p = plan(
        biomarkers=NEGATIVE, treatments=[TOXICITY_STOP, ANASTROZOLE], comorbidities=["cytopenia"]
    )
    for rid in ("ribociclib+fulvestrant", "abemaciclib+fulvestrant", "palbociclib+fulvestrant"):
        assert any(c.code == "cytopenia_caution" for c in option(p, rid).cautions), rid


def test_a_cdk46i_stopped_for_an_unrecorded_toxicity_asks_which_event_it_was() -> None:
    """Case 219: which adverse event stopped palbociclib decides which other CDK4/6 inhibitor
    carries the same warning (rule 23); unrecorded, the plan asks for it. Recorded, it does
    not ask."""
    p = plan(biomarkers=NEGATIVE, treatments=[TOXICITY_STOP, ANASTROZOLE])
    [ask] = [a for a in p.actions if a.code == "record_stopping_toxicity"]
    assert "palbociclib" in ask.text and "anastrozole" not in ask.text  # the CDK4/6i only
    q = plan(biomarkers=NEGATIVE, treatments=[NEUTROPENIA_STOP, ANASTROZOLE])
    assert not [a for a in q.actions if a.code == "record_stopping_toxicity"]


def test_in_a_visceral_crisis_trastuzumab_deruxtecan_still_says_which_trial_covers_its_line() -> (
    None
):
    """Case 218 (practice-2026): HER2-low, a visceral crisis, one long endocrine line and no
    chemotherapy. The reason shown read 'the population of DESTINY-Breast06 and
    DESTINY-Breast04' beside the crisis: DESTINY-Breast04 enrolled after chemotherapy, and
    one long endocrine line is outside DESTINY-Breast06's entry (within its approval). The HER2
    reason names the HER2 status the trials enrolled, and the crisis no longer hides rule 30's
    reason, which says whom the trial enrolled and what the approval covers."""
    mutated = [result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]]
    p = practice(her2="low", visceral_crisis=True, biomarkers=mutated, treatments=[PALBOCICLIB])
    said = why(option(p, "trastuzumab-deruxtecan"))
    assert "the population of" not in said, said
    assert "the HER2 status" in said, said
    assert "its approval covers progression on 1 or more endocrine lines" in said, said
    assert "Visceral crisis: chemotherapy is ranked first" in said, said


def test_a_figure_for_all_adverse_events_does_not_push_out_the_most_frequent_ones() -> None:
    """Case 214 (practice-2026): the pack adds EMERALD's grade 3 or worse treatment-related
    adverse events (7.2%), and elacestrant's cautions then showed only that figure, dropping
    nausea (35%) and fatigue (19%), which the review prints. A figure for all events together
    is shown beside the most frequent single events, never in their place."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    cautions = [
        c.text
        for c in option(practice(biomarkers=esr1, treatments=[PALBOCICLIB]), "elacestrant").cautions
    ]
    assert any(c.startswith("nausea: 35% any grade") for c in cautions), cautions
    assert any(c.startswith("fatigue: 19% any grade") for c in cautions), cautions
    assert any(c.startswith("any treatment-related adverse event: 7.2%") for c in cautions)


def test_a_signature_risk_its_adverse_event_trial_lacks_is_quoted_from_another_trial_of_the_regimen() -> (
    None
):
    """Case 218 (practice-2026): capivasertib's adverse events come from CAPItello-291 in the
    pack, which holds its grade 3 or worse rash and diarrhoea only, so its signature risk,
    hyperglycaemia, went unsaid (the review's FAKTION figures, which ye2024 shows, were
    dropped). A signature risk or a comorbidity's event that the adverse-event trial lacks is
    quoted from another trial of the same regimen, named as such."""
    pik3ca = [result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]]
    p = practice(biomarkers=pik3ca, treatments=[PALBOCICLIB])
    [hyper] = [
        c for c in option(p, "capivasertib+fulvestrant").cautions if c.term == "hyperglycemia"
    ]
    assert "in FAKTION" in hyper.text and "CAPItello-291" in hyper.text, hyper.text
    diabetic = practice(biomarkers=pik3ca, treatments=[PALBOCICLIB], comorbidities=["diabetes"])
    [c] = [
        c
        for c in option(diabetic, "capivasertib+fulvestrant").cautions
        if c.code == "diabetes_caution"
    ]
    assert "in FAKTION" in c.text and "no figure" not in c.text, c.text


def test_esr1_not_mutated_does_not_mark_down_an_oral_serd_given_with_a_cdk46_inhibitor() -> None:
    """Cases 215 and 219 (practice-2026): imlunestrant + abemaciclib was marked down with 'ESR1
    not mutated: the ESR1-mutant subgroup drew the greater benefit from oral SERDs', but
    EMBER-3 compared the combination with imlunestrant alone in all patients (HR 0.57), not by
    ESR1. The monotherapy stays left out; the combination's reason says ESR1 does not select
    it."""
    p = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert p.exclusion("imlunestrant") is not None  # the monotherapy is ESR1-selected
    combined = option(p, "imlunestrant+abemaciclib")
    assert "esr1_not_mutated" not in codes(combined)
    said = [r.text for r in combined.reasons if r.code == "esr1_does_not_select_combination"]
    assert said and "EMBER-3 compared this combination with the oral SERD alone" in said[0], said


def test_before_an_approval_date_no_text_says_the_regimen_is_approved() -> None:
    """Cases 215 and 219 (practice-2026, decision dates before the approvals): 'Imlunestrant is
    approved for ESR1-mutated disease only (FDA 2025-09-25)' on 2025-03-01, and 'Trastuzumab
    deruxtecan is approved for HER2-ultralow disease ... (FDA 2025-01-27)' on 2025-01-15. The
    exclusion names the approval without a tense; the HER2 action says the approval comes
    after the plan's date."""
    early = [dict(r, tested_on="2025-01-05") for r in NEGATIVE]
    palbociclib = dict(PALBOCICLIB, ended_on="2024-12-20")
    p = practice(biomarkers=early, treatments=[palbociclib], as_of="2025-03-01")
    [reason] = [r for r in p.exclusion("imlunestrant").reasons if "FDA" in r.text]  # type: ignore[union-attr]
    assert "is approved" not in reason.text and "approval (FDA 2025-09-25)" in reason.text
    q = practice(biomarkers=early, treatments=[palbociclib], as_of="2025-01-15")
    [ask] = [a for a in q.actions if a.code == "reread_her2_ultralow"]
    assert "after this plan's date" in ask.text and "is approved" not in ask.text, ask.text
    for day in ("2025-01-27", "2025-03-01"):  # on the approval's day it is approved
        later = practice(biomarkers=early, treatments=[palbociclib], as_of=day)
        [ask] = [a for a in later.actions if a.code == "reread_her2_ultralow"]
        assert "after this plan's date" not in ask.text, (day, ask.text)
    # INAVO120's question (rule 39) on a date before inavolisib's approval (FDA 2024-10-10)
    pik3ca = [result("PIK3CA", "mutated", tested_on="2024-05-01")]
    untreated = practice(biomarkers=pik3ca, treatments=[], as_of="2024-06-01")
    [ask] = [a for a in untreated.actions if a.code == "ask_adjuvant_endocrine_history"]
    assert "after this plan's date" in ask.text, ask.text


def test_at_ecog_3_endocrine_monotherapy_first_says_why_it_is_first() -> None:
    """Case 216: at ECOG 3, with nothing actionable, fulvestrant ranked first, but its only
    reason was rule 6's against it ('the review prefers chemotherapy and ADCs'). Rule 13, which
    put it first, now says so: endocrine monotherapy is the least toxic kind of option."""
    p = plan(ecog=3, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    first = p.options[0]
    assert kinds.is_endocrine_monotherapy(first.regimen)
    said = why(first)
    assert "ECOG 3: endocrine monotherapy, the least toxic" in said, said


def test_a_germline_brca_carrier_gets_the_parp_inhibitor_before_sacituzumab_govitecan() -> None:
    """Case 230: germline BRCA2, HER2-low, after a CDK4/6 inhibitor, capecitabine and
    trastuzumab deruxtecan, no PARP inhibitor yet: sacituzumab govitecan ranked first and
    preferred, above olaparib. The review considers it for heavily pretreated patients with
    limited treatment options (TROPiCS-02); an unused PARP inhibitor for a germline BRCA
    mutation is such an option, so it comes first, under both policies."""
    tdxd = dict(ERIBULIN, drugs=["trastuzumab deruxtecan"])
    kw: dict[str, Any] = {
        "her2": "low",
        "biomarkers": [*NEGATIVE, GERMLINE_BRCA2],
        "treatments": [PALBOCICLIB, CAPECITABINE, tdxd],
    }
    for p in (plan(**kw), practice(**kw)):
        assert rank(p, "olaparib") < rank(p, "sacituzumab-govitecan"), p.policy.name
        sg = option(p, "sacituzumab-govitecan")
        assert sg.tier is not Tier.PREFERRED
        assert "parp_inhibitor_before_sacituzumab_govitecan" in codes(sg)


def test_endocrine_sensitive_disease_with_a_germline_brca_mutation_is_not_called_unactionable() -> (
    None
):
    """Case 226 (practice-2026): germline BRCA1, 37 months on abemaciclib, nothing in ESR1 or
    the PI3K pathway. The endocrine options' reason said 'without an actionable alteration',
    false beside the PARP inhibitor ranked first on that mutation; it now says what was found
    absent (no ESR1 or PI3K-pathway target), and names postMONARCH as the trial of this
    population whose figure is abemaciclib + fulvestrant's."""
    brca1 = result("BRCA1", "mutated", origin="germline", sample="blood")
    p = practice(biomarkers=[*NEGATIVE, brca1], treatments=[PALBOCICLIB])
    reasons = [
        r.text
        for r in option(p, "fulvestrant").reasons
        if r.code == "endocrine_sensitive_endocrine_first"
    ]
    assert reasons, [r.code for r in option(p, "fulvestrant").reasons]
    assert "actionable" not in reasons[0] and "no ESR1 or PI3K-pathway target" in reasons[0]
    # its entry stated, not 'the population of postMONARCH' (case 340: not every patient is)
    assert "postMONARCH, after progression on a CDK4/6 inhibitor with an aromatase" in reasons[0]


def test_a_cdk46i_course_just_above_the_short_threshold_is_said_not_to_be_short() -> None:
    """Case 225: 7 months on palbociclib, ESR1 and PIK3CA mutated: not short by the default
    threshold (6 months, a preference: the review names a short duration without a figure),
    so the plan ranked as after a long course without a word on it. A course under twice the
    threshold now gets a note saying how it was read and which setting would change it; a
    course under the threshold or well above it gets none."""
    mutated = [result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]]
    seven = dict(PALBOCICLIB, started_on="2024-08-20", ended_on="2025-03-20")
    p = plan(biomarkers=mutated, treatments=[seven])
    [note] = [n for n in p.notes if "short_cdk46i_months" in n]
    assert "7.0 months" in note and "not short" in note, note
    for course in (SHORT_PALBOCICLIB, PALBOCICLIB):  # 5 months; 26 months
        q = plan(biomarkers=mutated, treatments=[course])
        assert not [n for n in q.notes if "not short" in n], q.notes


def test_a_comorbidity_caution_and_an_adverse_event_caution_never_repeat_one_figure() -> None:
    """Cases 219 and 224: sacituzumab govitecan with cytopenia said 'cytopenia: neutropenia
    70% ...' and then 'neutropenia: 70% ...'; everolimus with interstitial lung disease said
    its pneumonitis twice. The comorbidity's caution carries the figure, once. Cytopenia now
    also cautions everolimus (BOLERO-2's anaemia, as the review prints it)."""
    p = plan(
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
        comorbidities=["cytopenia", "interstitial_lung_disease"],
    )
    for rid in ("sacituzumab-govitecan", "everolimus+exemestane"):
        terms = [c.term for c in option(p, rid).cautions if c.term is not None]
        assert len(terms) == len(set(terms)), (rid, terms)
    [anaemia] = [
        c for c in option(p, "everolimus+exemestane").cautions if c.code == "cytopenia_caution"
    ]
    assert "anemia 17% any grade, 6% grade 3-4 in BOLERO-2" in anaemia.text


def test_a_germline_palb2_or_somatic_brca_mutation_puts_olaparib_before_chemotherapy() -> None:
    """Case 237 (ye2024): germline PALB2 after 20 months on abemaciclib, nothing in ESR1 or the
    PI3K pathway: chemotherapy was first and preferred, olaparib the alternative. The review's
    PARP-inhibitor section concludes that PARP inhibitors are effective for germline PALB2 or
    somatic BRCA1/2 mutations even after a CDK4/6 inhibitor (TBCRC 048: 7 of 9 germline-PALB2
    responses), while its Discussion lists ESR1 and the PI3K pathway as the definite targets;
    the contradiction is a recorded discrepancy, read for the section on the trial. Olaparib
    (the drug TBCRC 048 gave) now comes first and is preferred, chemotherapy after it, under
    both policies; in a visceral crisis chemotherapy stays first."""
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    somatic = result("BRCA2", "mutated", sample="tissue")
    for found in (palb2, somatic):
        for p in (
            plan(biomarkers=[*NEGATIVE, found], treatments=[PALBOCICLIB]),
            practice(biomarkers=[*NEGATIVE, found], treatments=[PALBOCICLIB]),
        ):
            assert p.options[0].regimen.id == "olaparib", (found["gene"], p.policy.name)
            assert p.options[0].tier is Tier.PREFERRED
            assert "tbcrc048_olaparib_before_chemotherapy" in codes(option(p, "chemotherapy"))
            assert tier(p, "chemotherapy") != "preferred"
    crisis = plan(biomarkers=[*NEGATIVE, palb2], treatments=[PALBOCICLIB], visceral_crisis=True)
    assert rank(crisis, "chemotherapy") == 1 and tier(crisis, "chemotherapy") == "preferred"
    assert "tbcrc048_olaparib_before_chemotherapy" not in codes(option(crisis, "chemotherapy"))
    # not before a CDK4/6 inhibitor (TBCRC 048 is after one), nor after progression on olaparib
    for treatments in ([], [PALBOCICLIB, second_line("olaparib")]):
        q = plan(biomarkers=[*NEGATIVE, palb2], treatments=treatments)
        assert not any(r.code.startswith("tbcrc048") for o in q.options for r in o.reasons), (
            treatments
        )
    assert any(
        d.trial == "TBCRC 048" and "Discussion" in d.field for d in resistx.evidence().discrepancies
    )


def test_before_choosing_holds_only_the_actions_that_could_change_what_is_preferred() -> None:
    """Cases 226, 230 and 237: with a tissue confirmation before choosing, 'Test BRCA1, PALB2
    ... this only completes the picture' sat under 'Before choosing' too, read as a
    precondition. The views put only the actions that could change what is preferred before
    the options; the others follow them, headed as not changing it."""
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[*NEGATIVE, palb2], treatments=[PALBOCICLIB])
    codes_ = {a.code for a in p.actions}
    assert {"confirm_tissue", "test_hrd_genes"} <= codes_, codes_
    text = p.to_text()
    before = text[: text.index("  1. ")]
    after = text[text.index("  1. ") :]
    assert "Before choosing" in before and "tissue biopsy" in before
    assert "completes the picture" not in before and "completes the picture" in after
    assert "Also to do" in after


def test_under_12_months_on_a_cdk46i_the_pathway_inhibitor_comes_before_elacestrant() -> None:
    """Case 225 (practice-2026): ESR1 and PIK3CA mutated after 7 months on palbociclib:
    elacestrant ranked first, though the pack's EMERALD figures put its ESR1-mutant benefit in
    the post hoc subgroup with 12 months or more on a CDK4/6 inhibitor, and CAPItello-291's
    pathway-altered result does not rest on that. With both targets and a course under 12
    months, elacestrant is at best an alternative after capivasertib (imlunestrant and
    vepdegestrant, whose trials report nothing by that time, keep their place and say so). With
    ESR1 alone, after 12 months or more, or after progression on capivasertib, elacestrant
    keeps its place."""
    both = [result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]]
    seven = dict(PALBOCICLIB, started_on="2024-08-20", ended_on="2025-03-20")
    p = practice(biomarkers=both, treatments=[seven])
    assert rank(p, "capivasertib+fulvestrant") < rank(p, "elacestrant")
    assert tier(p, "elacestrant") != "preferred"
    assert "pathway_inhibitor_first_under_12_months" in codes(option(p, "elacestrant"))
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    assert tier(practice(biomarkers=esr1, treatments=[seven]), "elacestrant") == "preferred"
    assert tier(practice(biomarkers=both, treatments=[PALBOCICLIB]), "elacestrant") == "preferred"
    capivasertib = dict(FULVESTRANT, drugs=["capivasertib", "fulvestrant"], ended_on="2025-12-01")
    after = practice(biomarkers=both, treatments=[seven, capivasertib])
    assert "pathway_inhibitor_first_under_12_months" not in codes(option(after, "elacestrant"))


def test_fulvestrant_after_an_oral_serd_is_not_called_an_oral_serd() -> None:
    """Case 239: fulvestrant after progression on elacestrant read 'Progressed on elacestrant,
    of the same class (oral SERD)', as if fulvestrant were one. It steps back as a related
    class (both degrade the estrogen receptor), and says so."""
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, second_line("elacestrant")])
    [said] = [
        r.text for r in option(p, "fulvestrant").reasons if r.code == "same_class_after_progression"
    ]
    assert "of the same class" not in said and "related class" in said, said


def test_her2_0_with_interstitial_lung_disease_is_not_asked_about_ultralow() -> None:
    """Case 242 (practice-2026): HER2 0 with interstitial lung disease on record: the plan asked
    the pathologist whether the IHC was HER2-ultralow 'for trastuzumab deruxtecan', which the
    lung disease leaves out whatever the answer. The question is not asked then (nor after an
    interstitial lung disease that stopped a treatment)."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    asked = practice(biomarkers=esr1, treatments=[PALBOCICLIB])
    assert [a for a in asked.actions if a.code == "reread_her2_ultralow"]
    p = practice(
        biomarkers=esr1, treatments=[PALBOCICLIB], comorbidities=["interstitial_lung_disease"]
    )
    assert not [a for a in p.actions if a.code == "reread_her2_ultralow"]
    stopped = dict(PALBOCICLIB, stop_reason="toxicity", toxicity="pneumonitis")
    after = dict(FULVESTRANT, drugs=["letrozole"])
    q = practice(biomarkers=esr1, treatments=[stopped, after])
    assert not [a for a in q.actions if a.code == "reread_her2_ultralow"]


def test_after_two_cdk46_inhibitors_a_third_is_no_switch_the_review_supports() -> None:
    """Case 238: progression on palbociclib, then on ribociclib + fulvestrant: abemaciclib alone
    ranked second, above everolimus and chemotherapy, on a cohort that switched after
    palbociclib alone. After two CDK4/6 inhibitors the review has no evidence for a third: it
    steps back, at best a later option, and says why."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    ribociclib = dict(FULVESTRANT, drugs=["ribociclib", "fulvestrant"])
    p = plan(biomarkers=esr1, treatments=[PALBOCICLIB, ribociclib])
    abema = option(p, "abemaciclib")
    assert "third_cdk46i" in codes(abema) and abema.tier is Tier.LATER
    # at best later, whatever the tier thresholds (a hard ceiling, not a score)
    lenient = attrs.evolve(YE2024, weights=attrs.evolve(YE2024.weights, alternative_from=-9.0))
    loose = resistx.sequence(
        patient(biomarkers=esr1, treatments=[PALBOCICLIB, ribociclib]), policy=lenient
    )
    assert tier(loose, "abemaciclib") == "later" and tier(loose, "chemotherapy") != "later"
    assert rank(p, "everolimus+exemestane") < rank(p, "abemaciclib")
    # ribociclib again after progression on it is no switch (a second reading found it one)
    letrozole = dict(FULVESTRANT, drugs=["ribociclib", "letrozole"])
    again = option(
        plan(biomarkers=esr1, treatments=[PALBOCICLIB, letrozole]), "ribociclib+fulvestrant"
    )
    assert "switch_cdk46i_after_palbociclib" not in codes(again)
    # after palbociclib and abemaciclib, ribociclib is the third: no switch gain beside it
    # (with fulvestrant, both parts progressed on: left out since case 495; with exemestane)
    abemaciclib = dict(FULVESTRANT, drugs=["abemaciclib", "fulvestrant"])
    q = plan(biomarkers=esr1, treatments=[PALBOCICLIB, abemaciclib])
    assert q.option("ribociclib+fulvestrant") is None
    third = codes(option(q, "ribociclib+exemestane"))
    assert "third_cdk46i" in third and "switch_cdk46i_after_palbociclib" not in third


def test_a_latest_course_stopped_without_progression_asks_to_document_progression() -> None:
    """Case 247: palbociclib + letrozole stopped by the patient's choice after 31 months, nothing
    since: the plan ranked the options after progression without asking whether the disease had
    progressed. It now asks first, under both policies; not where progression on a later
    course is recorded."""
    chose = dict(PALBOCICLIB, stop_reason="patient_choice")
    for p in (
        plan(biomarkers=NEGATIVE, treatments=[chose]),
        practice(biomarkers=NEGATIVE, treatments=[chose]),
    ):
        [ask] = [a for a in p.actions if a.code == "document_progression"]
        assert "palbociclib" in ask.text and "progress" in ask.text, ask.text
        # the options read the course as not ended by progression (a recheck found the text
        # saying the opposite)
        assert "not ended by progression" in ask.text
        text = p.to_text()
        assert text.index("restage") < text.index("  1. "), p.policy.name
    later = dict(FULVESTRANT, drugs=["letrozole"])
    q = plan(biomarkers=NEGATIVE, treatments=[chose, later])
    assert not [a for a in q.actions if a.code == "document_progression"]
    # an adjuvant course stopped by choice is not a metastatic line whose progression is asked
    adjuvant = dict(chose, setting="adjuvant", line=None)
    r = plan(biomarkers=NEGATIVE, treatments=[adjuvant])
    assert not [a for a in r.actions if a.code == "document_progression"]


def test_a_question_that_could_change_what_is_preferred_comes_before_the_options() -> None:
    """Cases 258, 259, 262 and 263: the HER2-ultralow question (which can put trastuzumab
    deruxtecan before chemotherapy under practice-2026) and the question whether an ESR1 VUS
    has been reclassified (which decides the oral SERDs) went after the options, under 'none
    of these changes what is preferred': the views read a list kept beside the rules, which
    lacked them. They now read the plan's own mark, set by the rule."""
    short = dict(PALBOCICLIB, started_on="2024-10-20", ended_on="2025-03-20")
    p = practice(biomarkers=NEGATIVE, treatments=[short])
    [ask] = [a for a in p.actions if a.code == "reread_her2_ultralow"]
    assert ask.before_choosing
    text = p.to_text()
    assert text.index("HER2-ultralow") < text.index("  1. ")
    vus = result("ESR1", "mutated", variant="E380Q", classification="vus")
    q = plan(biomarkers=[vus, *NEGATIVE[1:]], treatments=[PALBOCICLIB])
    [review] = [a for a in q.actions if a.code == "review_variant_classification"]
    assert review.before_choosing
    shown = q.to_text()
    assert shown.index("E380Q") < shown.index("  1. ")


def test_the_her2_ultralow_question_says_whether_the_patient_fits_destiny_breast06() -> None:
    """Cases 214, 231, 233, 241, 249 and others (practice-2026): the HER2-ultralow question named
    the approval after endocrine therapy but not that one long endocrine line is outside
    DESTINY-Breast06's entry, nor that without an endocrine line for metastatic disease the
    approval does not cover the patient yet. It now says which."""
    p = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])  # one line of 26 months
    [ask] = [a for a in p.actions if a.code == "reread_her2_ultralow"]
    assert "outside DESTINY-Breast06's entry" in ask.text, ask.text
    short = dict(PALBOCICLIB, started_on="2024-10-20", ended_on="2025-03-20")  # 5 months
    q = practice(biomarkers=NEGATIVE, treatments=[short])
    [ask] = [a for a in q.actions if a.code == "reread_her2_ultralow"]
    assert "outside" not in ask.text and "DESTINY-Breast06's entry" in ask.text, ask.text


def test_severe_hepatic_impairment_asks_its_cause_before_choosing() -> None:
    """Case 260: Child-Pugh C, nothing actionable: chemotherapy was first with 'many cytotoxics
    need dose adjustment', and nothing asked why the liver is failing (metastases may make it a
    visceral crisis) or whether systemic therapy fits. The plan now asks that first, under both
    policies; Child-Pugh A does not."""
    severe = {"name": "hepatic_impairment", "child_pugh": "C"}
    for p in (
        plan(schema_version=2, biomarkers=NEGATIVE, comorbidities=[severe]),
        practice(schema_version=2, biomarkers=NEGATIVE, comorbidities=[severe]),
    ):
        [ask] = [a for a in p.actions if a.code == "assess_severe_hepatic_impairment"]
        assert ask.before_choosing and "visceral crisis" in ask.text, ask.text
    mild = plan(schema_version=2, biomarkers=NEGATIVE, comorbidities=[dict(severe, child_pugh="A")])
    assert not [a for a in mild.actions if a.code == "assess_severe_hepatic_impairment"]


def test_rb1_loss_leaves_out_the_cdk46_inhibitors_not_the_endocrine_sensitivity() -> None:
    """Case 262 (practice-2026): 44 months on palbociclib, RB1 loss on ctDNA, nothing else:
    chemotherapy came first, though rule 32 keeps an endocrine-based line first in
    endocrine-sensitive disease. RB1 loss leaves out the CDK4/6 inhibitors, not the
    sensitivity (ASCO recommends everolimus regardless of genomics, update-2026.md section 14):
    another endocrine-based line comes first, without a CDK4/6 inhibitor. (This reverses an
    earlier reading, which kept rule 32 silent with an RB1 loss.)"""
    rb1 = result("RB1", "loss")
    p = practice(biomarkers=[*NEGATIVE, rb1], treatments=[PALBOCICLIB])
    first = p.options[0]
    assert kinds.is_endocrine_based(first.regimen) and not kinds.has_cdk46i(first.regimen)
    assert rank(p, "chemotherapy") > 1


def test_an_esr1_variant_of_uncertain_significance_is_not_called_esr1_not_mutated() -> None:
    """Cases 258 and 268: with ESR1 E380Q reported as a VUS, the reasons and exclusions said
    'ESR1 not mutated' (and, for imlunestrant, quoted EMBER-3's result where ESR1 was not
    detected), false about a patient whose variant was found. They now say a variant of
    uncertain significance is not counted as a mutation, under both policies."""
    vus = result("ESR1", "mutated", variant="E380Q", classification="vus")
    biomarkers = [vus, *NEGATIVE[1:]]
    for p in (
        plan(biomarkers=biomarkers, treatments=[PALBOCICLIB]),
        practice(biomarkers=biomarkers, treatments=[PALBOCICLIB]),
    ):
        texts = [r.text for o in p.options for r in o.reasons]
        texts += [r.text for e in p.excluded for r in e.reasons]
        assert not [t for t in texts if "ESR1 not mutated" in t or "ESR1 not detected" in t], (
            p.policy.name
        )
        assert any("uncertain significance" in t and "ESR1" in t for t in texts), p.policy.name


def test_capivasertibs_exclusion_does_not_speak_of_a_progression_not_on_record() -> None:
    """Case 266 (practice-2026): with no progression on record (a CDK4/6 inhibitor stopped for
    toxicity), capivasertib's exclusion read 'no ... alteration by NGS since the latest
    progression'. It says 'on a current test', true with or without one."""
    stopped = dict(PALBOCICLIB, stop_reason="toxicity", toxicity="diarrhea")
    p = practice(biomarkers=TISSUE_PATHWAY_NEGATIVE, treatments=[stopped])
    left_out = p.exclusion("capivasertib+fulvestrant")
    assert left_out is not None
    [reason] = left_out.reasons
    assert "since the latest progression" not in reason.text
    assert "on a current test" in reason.text, reason.text


def test_a_pathogenic_pten_mutation_is_a_pathway_target_as_a_pten_loss_is() -> None:
    """The review's PI3K-AKT pathway targets (``findings.DEFINITE_TARGETS``, read by the engine
    and by the BRCA tests' place): PTEN counts by loss or by a pathogenic mutation."""
    p = plan(biomarkers=[result("PTEN", "mutated"), *NEGATIVE[:3]], treatments=[PALBOCICLIB])
    assert p.options[0].regimen.id == "capivasertib+fulvestrant"
    assert "akt_pathway_alteration_matches_capivasertib" in codes(
        option(p, "capivasertib+fulvestrant")
    )


def test_after_progression_on_a_parp_inhibitor_nothing_says_a_brca_mutation_opens_one() -> None:
    """Case 271: a man with a germline BRCA2 mutation progressed on olaparib. The plans still
    said the mutation 'opens a PARP inhibitor' (before choosing, and in the BRCA tests asked
    of the other genes) and gave talazoparib the germline-BRCA match. No source reports a
    second PARP inhibitor after progression on one: talazoparib keeps no match score, its
    reason says why, and no test is asked to open a PARP inhibitor."""
    germline = result("BRCA2", "mutated", origin="germline", sample="blood")
    olaparib = second_line("olaparib")
    for p in (
        plan(biomarkers=[germline, *NEGATIVE], treatments=[PALBOCICLIB, olaparib]),
        practice(biomarkers=[germline, *NEGATIVE], treatments=[PALBOCICLIB, olaparib]),
    ):
        said = [a.text for a in p.actions]
        said += [r.text for o in p.options for r in o.reasons]
        assert not [t for t in said if "opens a PARP inhibitor" in t], p.policy.name
        assert not [a for a in p.actions if a.code in ("test_hrd_genes", "test_somatic_brca")]
        assert p.option("talazoparib") is None  # left out: the test below


def test_capivasertibs_faktion_hypertension_names_the_placebo_arms_rate() -> None:
    """Cases 274 to 278: 'hypertension: 91% any grade, 32% grade 3-4 in FAKTION' (the
    review's Table 5 and text) read as capivasertib's toxicity, while FAKTION's placebo +
    fulvestrant arm had it at a close rate (87% any grade, 24% grade 3; Jones et al., Lancet
    Oncol 2020, Table 2, not in the review). The caution keeps the review's figures and says
    so, under both policies."""
    biomarkers = [result("AKT1", "mutated"), *NEGATIVE[:2], NEGATIVE[3]]
    for p in (
        plan(biomarkers=biomarkers, treatments=[PALBOCICLIB]),
        practice(biomarkers=biomarkers, treatments=[PALBOCICLIB]),
    ):
        [hypertension] = [
            c.text
            for c in option(p, "capivasertib+fulvestrant").cautions
            if c.term == "hypertension"
        ]
        assert "91% any grade, 32% grade 3-4" in hypertension, p.policy.name
        assert "placebo" in hypertension and "87%" in hypertension and "24%" in hypertension
        assert "Lancet Oncol 2020" in hypertension


def test_trastuzumab_deruxtecan_for_her2_ultralow_says_its_subgroup_was_exploratory() -> None:
    """Case 276 (practice-2026): for HER2-ultralow disease trastuzumab deruxtecan quoted
    DESTINY-Breast06's pooled HER2-low-or-ultralow result without saying that 153 of its 866
    patients were ultralow, an exploratory subgroup whose own figures the evidence pack marks
    as conflicting. Its reason says so; for HER2-low disease it does not."""
    lines = [PALBOCICLIB, second_line("everolimus", "exemestane")]
    ultralow = practice(her2="ultralow", biomarkers=NEGATIVE, treatments=lines)
    low = practice(her2="low", biomarkers=NEGATIVE, treatments=lines)
    texts = " ".join(r.text for r in option(ultralow, "trastuzumab-deruxtecan").reasons)
    assert "153 of its 866" in texts and "exploratory" in texts, texts
    assert "exploratory" not in " ".join(
        r.text for r in option(low, "trastuzumab-deruxtecan").reasons
    )


def test_in_a_visceral_crisis_the_biomarker_tests_do_not_come_before_choosing() -> None:
    """Case 273: in a visceral crisis with nothing tested, 'Before choosing: Test ESR1, PIK3CA,
    AKT1, PTEN ...' and the BRCA tests stood above chemotherapy, which could read as a reason
    to wait. Chemotherapy answers the crisis now (rule 7); the tests decide the next line and
    say so. Without a crisis they still come before choosing."""
    crisis = plan(visceral_crisis=True, biomarkers=[])
    tests = [a for a in crisis.actions if a.code in ("retest", "test_hrd_genes")]
    assert {a.code for a in tests} == {"retest", "test_hrd_genes"}
    for a in tests:
        assert not a.before_choosing, a.code
        assert "does not wait" in a.text, a.text
    calm = plan(biomarkers=[])
    assert [a.before_choosing for a in calm.actions if a.code == "retest"] == [True]


def test_elacestrant_with_a_pik3ca_mutation_too_quotes_emeralds_pik3ca_mutated_subgroup() -> None:
    """Case 269 (practice-2026): ESR1 and PIK3CA both mutated after 26 months on palbociclib:
    elacestrant's reason gave EMERALD's post hoc ESR1-mutated subgroup with 12 months or more
    (8.6 vs 1.9 months) but not its PIK3CA-mutated patients' own medians, which the pack holds
    (5.5 vs 1.9 months). It gives them; without a PIK3CA mutation it does not."""
    long_course = dict(PALBOCICLIB, started_on="2022-01-10")
    both = practice(
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]],
        treatments=[long_course],
    )
    esr1_only = practice(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]], treatments=[long_course]
    )
    text = " ".join(r.text for r in option(both, "elacestrant").reasons)
    assert "PIK3CA-mutated" in text and "5.5 vs 1.9 months" in text, text
    assert "5.5 vs 1.9" not in " ".join(r.text for r in option(esr1_only, "elacestrant").reasons)


def test_a_trial_that_enrolled_after_a_cdk46_inhibitor_is_not_offered_without_one() -> None:
    """Case 278: relapse on adjuvant tamoxifen, no CDK4/6 inhibitor, PIK3CA mutated: 'Trial
    FINER: fulvestrant, ipatasertib [trial]' was listed, though FINER enrolled after a
    first-line CDK4/6 inhibitor. A trial whose population is after a CDK4/6 inhibitor only is
    left out (out_of_population) without one on record; after one, it stays."""
    tamoxifen = {
        "drugs": ["tamoxifen"],
        "setting": "adjuvant",
        "started_on": "2024-03-01",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    pik3ca = [result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]]
    naive = plan(biomarkers=pik3ca, treatments=[tamoxifen])
    finer = [e for e in naive.excluded if "FINER" in e.regimen.name]
    assert finer and "out_of_population" in excluded_for(naive, finer[0].regimen.id)
    assert not [o for o in naive.options if "FINER" in o.regimen.name]
    after = plan(biomarkers=pik3ca, treatments=[PALBOCICLIB])
    assert [o for o in after.options if "FINER" in o.regimen.name]


def test_endocrine_sensitive_disease_outside_db06_entry_has_an_endocrine_line_before_tdxd() -> None:
    """Cases 267, 269 and 281 (practice-2026): 22 months on first-line palbociclib, nothing
    actionable on tissue, HER2-ultralow: trastuzumab deruxtecan was the only preferred option,
    above every endocrine-based line, though the patient is outside DESTINY-Breast06's entry
    (2 or more endocrine lines, or progression within 6 months of first-line CDK4/6-inhibitor
    therapy) and the trial compared it with chemotherapy, not with another endocrine line. As
    chemotherapy does under rule 32, it now comes after the endocrine-based lines, within its
    approval; within the trial's entry (two endocrine lines) it does not step back."""
    long_course = dict(PALBOCICLIB, started_on="2022-03-10")
    tissue = [
        result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    p = practice(her2="ultralow", biomarkers=tissue, treatments=[long_course])
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier != Tier.PREFERRED
    assert "endocrine_sensitive_adc_later" in codes(tdxd)
    endocrine = [o for o in p.options if kinds.is_endocrine_based(o.regimen)]
    assert min(o.rank for o in endocrine) < tdxd.rank
    two_lines = practice(
        her2="ultralow", biomarkers=tissue, treatments=[long_course, second_line("fulvestrant")]
    )
    assert "endocrine_sensitive_adc_later" not in codes(option(two_lines, "trastuzumab-deruxtecan"))


def test_a_second_parp_inhibitor_after_progression_on_one_is_left_out() -> None:
    """Cases 271 and 279 (both policies, recheck): after progression on olaparib, talazoparib
    stayed a later option above the trial tier. No source gives a second PARP inhibitor after
    progression on one: it is left out (progressed_on), naming the drug progressed on."""
    germline = result("BRCA2", "mutated", origin="germline", sample="blood")
    for p in (
        plan(biomarkers=[germline, *NEGATIVE], treatments=[PALBOCICLIB, second_line("olaparib")]),
        practice(
            biomarkers=[germline, *NEGATIVE], treatments=[PALBOCICLIB, second_line("olaparib")]
        ),
    ):
        assert p.option("talazoparib") is None, p.policy.name
        assert "progressed_on" in excluded_for(p, "talazoparib")
        assert "olaparib" in exclusion(p, "talazoparib").reasons[0].text


def test_in_a_visceral_crisis_sacituzumab_before_any_chemotherapy_is_a_later_option() -> None:
    """Case 280: visceral crisis, HER2-low, no chemotherapy yet: sacituzumab govitecan was the
    alternative to chemotherapy, though TROPiCS-02 enrolled after 2-4 lines. The chemotherapy
    the crisis calls for will be one line, which opens trastuzumab deruxtecan (DESTINY-Breast04:
    1-2 lines), not sacituzumab govitecan: it is a later option; after one line it is the
    alternative again."""
    crisis = plan(visceral_crisis=True, her2="low", biomarkers=NEGATIVE)
    assert crisis.options[0].regimen.id == "chemotherapy"
    assert tier(crisis, "trastuzumab-deruxtecan") == "alternative"
    assert tier(crisis, "sacituzumab-govitecan") == "later"
    after_one = plan(
        visceral_crisis=True,
        her2="low",
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    assert tier(after_one, "sacituzumab-govitecan") == "alternative"


def test_elacestrant_after_two_chemotherapy_lines_is_outside_emeralds_population() -> None:
    """Case 284 (practice-2026): HER2-low, ESR1-mutated, after capecitabine and eribulin:
    elacestrant was preferred first, above trastuzumab deruxtecan, though EMERALD enrolled
    after at most one chemotherapy line (Bidard et al., J Clin Oncol 2022). Under
    practice-2026 it is at best an alternative there, and says why; after one line it is
    not capped."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    two = practice(her2="low", biomarkers=esr1, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    elacestrant = option(two, "elacestrant")
    assert elacestrant.tier is not Tier.PREFERRED
    assert "outside_emerald_population" in codes(elacestrant)
    assert rank(two, "trastuzumab-deruxtecan") < elacestrant.rank
    one = practice(her2="low", biomarkers=esr1, treatments=[PALBOCICLIB, CAPECITABINE])
    assert "outside_emerald_population" not in codes(option(one, "elacestrant"))


def test_the_neuropathy_caution_does_not_recommend_an_agent_the_disease_progressed_on() -> None:
    """Case 284: after progression on capecitabine, with grade 2 neuropathy, chemotherapy's
    caution said 'prefer a non-neurotoxic agent not given before (capecitabine, an
    anthracycline)', which reads as a recommendation of capecitabine again. It names the
    non-neurotoxic agents as such and asks for one the disease has not progressed on."""
    p = plan(
        schema_version=2,
        comorbidities=[{"name": "neuropathy", "grade": 2}],
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    [text] = [c.text for c in option(p, "chemotherapy").cautions if "neuropathy" in c.text]
    assert "not given before (capecitabine" not in text, text
    assert "has not progressed on" in text, text


ONGOING_ABEMACICLIB = {
    "drugs": ["abemaciclib", "letrozole"],
    "line": 1,
    "started_on": "2024-05-01",
    "stop_reason": "ongoing",
}
EMERGENT_ESR1 = [result("ESR1", "mutated", tested_on="2026-04-20"), *NEGATIVE[1:]]


def test_an_ongoing_course_continues_while_it_works_and_the_plan_says_so_first() -> None:
    """Case 285: first-line abemaciclib + letrozole ongoing, no progression, an ESR1 mutation
    on ctDNA: the plan ranked switches as if the course had ended, and said nothing of the
    course still working. It now says first that the course continues while it controls the
    disease, and that the options are for when it stops."""
    p = plan(biomarkers=EMERGENT_ESR1, treatments=[ONGOING_ABEMACICLIB])
    [ongoing] = [a for a in p.actions if a.code == "ongoing_course"]
    assert ongoing.before_choosing and ongoing.rule == 53
    assert "abemaciclib + letrozole" in ongoing.text and "continues" in ongoing.text
    stopped = plan(
        biomarkers=EMERGENT_ESR1,
        treatments=[dict(ONGOING_ABEMACICLIB, stop_reason="progression", ended_on="2026-04-01")],
    )
    assert not [a for a in stopped.actions if a.code == "ongoing_course"]


def test_an_esr1_mutation_emerging_during_first_line_ai_and_cdk46i_names_serena6() -> None:
    """Case 285 (practice-2026): SERENA-6 tested exactly this, an ESR1 mutation found on ctDNA
    during first-line aromatase inhibitor + CDK4/6 inhibitor without progression: switching
    to camizestrant with the same CDK4/6 inhibitor (median PFS 16.0 vs 9.2 months, HR 0.44). The
    plan says so, with camizestrant's regulatory status from the pack; ye2024, whose review
    does not report the trial, does not; nor does practice-2026 without the mutation."""
    p = practice(biomarkers=EMERGENT_ESR1, treatments=[ONGOING_ABEMACICLIB])
    [switch] = [a for a in p.actions if a.code == "serena6_switch"]
    assert "SERENA-6" in switch.text and "camizestrant" in switch.text
    assert "16.0 vs 9.2 months, HR 0.44" in switch.text, switch.text
    assert "FDA" in switch.text
    review = plan(biomarkers=EMERGENT_ESR1, treatments=[ONGOING_ABEMACICLIB])
    assert not [a for a in review.actions if a.code == "serena6_switch"]
    wild = practice(biomarkers=NEGATIVE, treatments=[ONGOING_ABEMACICLIB])
    amplified = practice(
        biomarkers=[result("ESR1", "amplified", tested_on="2026-04-20"), *NEGATIVE[1:]],
        treatments=[ONGOING_ABEMACICLIB],
    )
    for other in (wild, amplified):  # SERENA-6 switched on a mutation, not on an amplification
        assert not [a for a in other.actions if a.code == "serena6_switch"]
    # nor under 6 months of the course (SERENA-6 enrolled after 6 months or more)
    recent = practice(
        biomarkers=EMERGENT_ESR1, treatments=[dict(ONGOING_ABEMACICLIB, started_on="2026-01-10")]
    )
    assert not [a for a in recent.actions if a.code == "serena6_switch"]


def test_an_ongoing_cdk46i_course_is_not_called_ended_in_the_notes() -> None:
    """Case 285: with first-line abemaciclib + letrozole ongoing, the notes said 'Every
    CDK4/6-inhibitor course ended for toxicity, by choice or as planned', which misreads a
    course that has not ended. The options now read it as progressed at the plan's date (rule
    53 says so first), and no note calls it ended otherwise."""
    p = plan(biomarkers=EMERGENT_ESR1, treatments=[ONGOING_ABEMACICLIB])
    assert "ended for toxicity" not in " ".join(p.notes)
    assert p.actions[0].code == "ongoing_course"


def test_at_ecog_3_the_plan_says_what_it_does_not_weigh_beside_systemic_therapy() -> None:
    """Case 288: bedbound at ECOG 3 with painful spinal metastases, the plan ranked systemic
    options and said nothing of what else such a patient needs. resistx ranks systemic therapy
    only; at ECOG 3 or worse its note says that symptom control, radiotherapy, bone-directed
    therapy and palliative care are the treating team's to assess, and that performance status
    can improve once they are."""
    p = plan(ecog=3, biomarkers=NEGATIVE)
    [note] = [n for n in p.notes if n.startswith("ECOG 3")]
    assert "palliative care" in note and "radiotherapy" in note, note
    assert "systemic" in note


def test_the_options_during_an_ongoing_course_are_for_its_progression() -> None:
    """Case 290: second-line elacestrant ongoing, a new PIK3CA mutation: the plan said its
    options were for when the course stops, yet ranked elacestrant itself first, as if it had
    not failed by then, and the other oral SERDs as if none had been given. The options now
    read the current course as progressed at the plan's date (rule 53 says so): elacestrant is
    left out as the current treatment, and the PIK3CA-matched options come before the other
    oral SERDs."""
    ribociclib = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])
    elacestrant = {
        "drugs": ["elacestrant"],
        "line": 2,
        "started_on": "2025-04-01",
        "stop_reason": "ongoing",
    }
    biomarkers = [result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]]
    for p in (
        plan(biomarkers=biomarkers, treatments=[ribociclib, elacestrant]),
        practice(biomarkers=biomarkers, treatments=[ribociclib, elacestrant]),
    ):
        assert p.option("elacestrant") is None, p.policy.name
        [reason] = exclusion(p, "elacestrant").reasons
        assert "current treatment" in reason.text, reason.text
        first = p.options[0].regimen.id
        assert first in ("alpelisib+fulvestrant", "capivasertib+fulvestrant"), (
            p.policy.name,
            first,
        )
    [ongoing] = [a for a in p.actions if a.code == "ongoing_course"]
    assert "for its progression" in ongoing.text


def test_an_ongoing_first_line_cdk46i_course_is_read_as_progressed_for_the_options() -> None:
    """Case 285: first-line abemaciclib + letrozole ongoing with an ESR1 mutation: the options
    said the CDK4/6 inhibitor 'was not stopped for progression' and put CDK4/6 inhibitors with
    fulvestrant first. Read as progressed at the plan's date, the ESR1-mutated disease after a
    CDK4/6 inhibitor has elacestrant first (the review's oral SERD for ESR1 mutations)."""
    p = plan(biomarkers=EMERGENT_ESR1, treatments=[ONGOING_ABEMACICLIB])
    assert p.options[0].regimen.id == "elacestrant"
    texts = " ".join(r.text for o in p.options for r in o.reasons)
    assert "not stopped for progression" not in texts


def test_datopotamab_deruxtecan_before_chemotherapy_says_it_brought_no_survival_benefit() -> None:
    """Case 280 (recheck, practice-2026): in a visceral crisis before any chemotherapy,
    datopotamab deruxtecan stood beside chemotherapy and its reason did not say that
    TROPION-Breast01 brought no overall-survival benefit (HR 1.01), which its reason after a
    chemotherapy line says. It now says so before any line too."""
    brca1 = result("BRCA1", "mutated", origin="germline", sample="blood")
    p = practice(visceral_crisis=True, her2="low", biomarkers=[*NEGATIVE, brca1])
    text = " ".join(r.text for r in option(p, "datopotamab-deruxtecan").reasons)
    assert "no overall-survival benefit" in text and "HR 1.01" in text, text
    assert tier(p, "datopotamab-deruxtecan") == "later"  # case 301: not the crisis's alternative


def test_an_ongoing_course_read_as_progressed_keeps_its_length_and_its_tests_current() -> None:
    """Cases 299 and 285 (recheck): read as progressed at the plan's date, an ongoing course had
    lost its length ('time on the CDK4/6 inhibitor is unknown', though it started 4 months
    before: the short-course rule was not applied), and an ongoing course recorded with an
    end date made an ESR1 result of two weeks before 'older than the latest progression'. The
    course runs to the plan's date, and no test is read as older than its progression. (An
    ongoing course with an end date is now refused as a contradiction: session 37's fuzzing.)"""
    short = plan(
        as_of="2026-11-15",
        biomarkers=NEGATIVE,
        treatments=[dict(ONGOING_ABEMACICLIB, started_on="2026-07-10")],
    )
    assert not [n for n in short.notes if "unknown" in n and "CDK4/6" in n]
    assert "chemotherapy" in {o.regimen.id for o in short.options[:3]}
    recent = [result("ESR1", "mutated", tested_on="2026-11-01"), *NEGATIVE[1:]]
    p = plan(as_of="2026-11-15", biomarkers=recent, treatments=[ONGOING_ABEMACICLIB])
    texts = " ".join(r.text for o in p.options for r in o.reasons)
    assert "predates the latest progression" not in texts
    assert not [a for a in p.actions if a.code == "retest"]


def test_an_ongoing_course_longer_than_the_month_limit_is_read_not_refused() -> None:
    """Found by the fuzz test: an ongoing course whose valid dates span more than the profile's
    600-month limit raised a ValueError once read as progressed at the plan's date; its
    length is held at the limit, which no rule tells apart from longer."""
    old = {
        "drugs": ["palbociclib", "letrozole"],
        "started_on": "1950-01-01",  # the first date a course may have (8651)
        "stop_reason": "ongoing",
    }
    p = plan(as_of="2002-04-17", treatments=[old])
    assert p.actions[0].code == "ongoing_course"


def test_after_progression_on_olaparib_chemotherapy_does_not_name_olaparib_beside_it() -> None:
    """Case 302: germline PALB2 after progression on olaparib: chemotherapy's reason still said
    'olaparib is the option beside it'. After progression on a PARP inhibitor it does not."""
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[palb2, *NEGATIVE], treatments=[PALBOCICLIB, second_line("olaparib")])
    text = " ".join(r.text for r in option(p, "chemotherapy").reasons)
    assert "olaparib is the option beside" not in text, text
    before = plan(biomarkers=[palb2, *NEGATIVE], treatments=[PALBOCICLIB])
    assert "olaparib is the option beside" in " ".join(
        r.text for r in option(before, "chemotherapy").reasons
    )


def test_moderate_hepatic_impairment_without_a_crisis_asks_whether_it_is_one() -> None:
    """Case 308: Child-Pugh B from liver metastases, no visceral crisis recorded, an oral SERD
    first: nothing asked whether the liver's failing was itself a visceral crisis (rising
    bilirubin) or an obstruction. Rule 51 now asks it before choosing; with a crisis recorded
    it does not (rule 7 already orders the plan), nor without hepatic impairment."""
    liver = [{"name": "hepatic_impairment", "child_pugh": "B"}]
    p = plan(schema_version=2, comorbidities=liver, biomarkers=NEGATIVE)
    [ask] = [a for a in p.actions if a.code == "assess_moderate_hepatic_impairment"]
    assert ask.before_choosing and ask.rule == 51
    assert "visceral crisis" in ask.text and "bilirubin" in ask.text
    crisis = plan(schema_version=2, comorbidities=liver, biomarkers=NEGATIVE, visceral_crisis=True)
    assert not [a for a in crisis.actions if a.code == "assess_moderate_hepatic_impairment"]


def test_olaparib_without_prior_chemotherapy_says_its_label_asks_for_it() -> None:
    """Case 305: germline BRCA2, no chemotherapy in any setting: olaparib was ranked first as
    approved 'within their limits on prior chemotherapy', though its US label asks for prior
    chemotherapy (neoadjuvant, adjuvant or metastatic) and talazoparib's does not. Olaparib is
    then at best an alternative and says why, and talazoparib ranks above it; with adjuvant
    chemotherapy on record nothing changes."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    tissue = [
        result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    naive = plan(biomarkers=[brca2, *tissue], treatments=[PALBOCICLIB])
    assert "olaparib_label_prior_chemotherapy" in codes(option(naive, "olaparib"))
    assert rank(naive, "talazoparib") < rank(naive, "olaparib")
    ac = adjuvant(["doxorubicin", "cyclophosphamide"], "2019-01-01", "2019-04-01")
    treated = plan(biomarkers=[brca2, *tissue], treatments=[ac, PALBOCICLIB])
    assert "olaparib_label_prior_chemotherapy" not in codes(option(treated, "olaparib"))


def test_the_parp_inhibitors_reasons_say_their_trials_enrolled_after_chemotherapy() -> None:
    """Case 305 (recheck): for a patient never given chemotherapy, the PARP inhibitors'
    reasons said they beat chemotherapy 'within their limits on prior chemotherapy' and were
    approved 'on trials ... whose patients had not received a CDK4/6 inhibitor', silent that
    those trials enrolled patients treated with chemotherapy before. They say so now."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB])
    for rid in ("olaparib", "talazoparib"):
        text = " ".join(r.text for r in option(p, rid).reasons)
        assert "within their limits on prior chemotherapy" not in text, rid
        assert "treated with chemotherapy" in text, (rid, text)


def test_elacestrant_before_the_menopause_is_at_best_an_alternative() -> None:
    """Case 312: a premenopausal patient with an ESR1 mutation had elacestrant first and
    preferred, though EMERALD enrolled postmenopausal patients only (the review) and the plan's
    own caution says so. Before the menopause elacestrant is at best an alternative, under
    both policies, and says why; after it, it stays preferred."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    for policy in ("ye2024", PRACTICE):
        pre = resistx.sequence(
            patient(schema_version=2, menopausal_status="premenopausal", biomarkers=esr1),
            policy=policy,
        )
        ela = option(pre, "elacestrant")
        assert ela.tier is not Tier.PREFERRED, policy
        assert "elacestrant_postmenopausal_trial" in codes(ela), policy
        post = resistx.sequence(
            patient(schema_version=2, menopausal_status="postmenopausal", biomarkers=esr1),
            policy=policy,
        )
        assert tier(post, "elacestrant") == "preferred", policy


def test_a_pathway_target_acted_on_leaves_chemotherapy_preferred() -> None:
    """Case 313: PIK3CA mutated, progressed on palbociclib + anastrozole and then on
    capivasertib + fulvestrant, ESR1 not mutated in ctDNA since: every option was 'later' and
    chemotherapy ranked behind abemaciclib alone. The pathway's target was acted on and ESR1
    offers none: the review's Discussion prefers chemotherapy and ADCs where no definite target
    remains (rule 6), while everolimus, the pathway's drug the review lists after the PI3K and
    AKT inhibitors, does not step back for it. With PIK3CA acted on but ESR1 mutated, or with
    ESR1 not retested since the progression, rule 6 stays silent."""
    capivasertib = second_line("capivasertib", "fulvestrant")
    pik3ca = result("PIK3CA", "mutated", sample="tissue", tested_on="2025-03-25")
    esr1_negative = result("ESR1", "not_detected", tested_on="2026-04-10")
    p = plan(her2="low", biomarkers=[pik3ca, esr1_negative], treatments=[PALBOCICLIB, capivasertib])
    chemo = option(p, "chemotherapy")
    assert chemo.rank == 1 and chemo.tier is Tier.PREFERRED
    [why_chemo] = [r for r in chemo.reasons if r.code == "no_actionable_alteration"]
    assert why_chemo.rule == 6 and "capivasertib" not in why_chemo.text
    assert "acted on" in why_chemo.text and "PI3K" in why_chemo.text
    everolimus = option(p, "everolimus+exemestane")
    assert "no_actionable_alteration_endocrine" not in codes(everolimus)
    assert rank(p, "everolimus+exemestane") < rank(p, "abemaciclib")
    assert "no_actionable_alteration_endocrine" in codes(option(p, "abemaciclib"))
    esr1 = result("ESR1", "mutated", tested_on="2026-04-10")
    mutated = plan(her2="low", biomarkers=[pik3ca, esr1], treatments=[PALBOCICLIB, capivasertib])
    assert "no_actionable_alteration" not in codes(option(mutated, "chemotherapy"))
    old = result("ESR1", "not_detected", tested_on="2025-01-10")
    stale = plan(her2="low", biomarkers=[pik3ca, old], treatments=[PALBOCICLIB, capivasertib])
    assert "no_actionable_alteration" not in codes(option(stale, "chemotherapy"))


def test_palbociclib_with_fulvestrant_after_another_cdk46i_quotes_pace_and_is_a_later_option() -> (
    None
):
    """Cases 270 and 310: after progression on ribociclib with letrozole, palbociclib +
    fulvestrant was an alternative under practice-2026 and its evidence line said the review
    reports no figures, though PACE (progression on an aromatase inhibitor with a CDK4/6
    inhibitor, most on palbociclib) found it no better than fulvestrant alone. Its evidence is
    PACE's now, and it is at best a later option under both policies, saying why."""
    ribociclib = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[ribociclib]), policy=policy)
        palbo = option(p, "palbociclib+fulvestrant")
        assert palbo.tier is Tier.LATER, policy
        [pace] = [r for r in palbo.reasons if r.code == "pace_after_another_cdk46i"]
        assert pace.rule == 8 and "PACE" in pace.trials and "ribociclib" in pace.text, policy
        evidence = [r for r in palbo.reasons if r.rule == 16]
        assert any("PACE" in r.trials and "4.6" in r.text for r in evidence), policy


def test_brca_tests_come_before_choosing_once_the_pathway_target_was_acted_on() -> None:
    """Case 313 (recheck): after progression on capivasertib for a PIK3CA mutation, ESR1 not
    mutated, chemotherapy is preferred; the BRCA1/2 and PALB2 tests had moved to the actions
    that change nothing preferred, though a mutation would put a PARP inhibitor before
    chemotherapy. A target already acted on no longer outranks what the tests could open; a
    PIK3CA mutation not yet acted on still does."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue", tested_on="2025-03-25")
    esr1_negative = result("ESR1", "not_detected", tested_on="2026-04-10")
    capivasertib = second_line("capivasertib", "fulvestrant")
    acted = plan(biomarkers=[pik3ca, esr1_negative], treatments=[PALBOCICLIB, capivasertib])
    [test] = [a for a in acted.actions if a.code == "test_hrd_genes"]
    assert test.before_choosing
    fresh = plan(biomarkers=[pik3ca, esr1_negative], treatments=[PALBOCICLIB])
    [test] = [a for a in fresh.actions if a.code == "test_hrd_genes"]
    assert not test.before_choosing


def test_relapse_within_a_year_of_completing_adjuvant_cdk46i_is_read_as_progression_on_it() -> None:
    """Case 321: relapse on adjuvant letrozole + goserelin 7.5 months after completing two
    years of adjuvant abemaciclib, PIK3CA mutated: both plans treated her as never having had a
    CDK4/6 inhibitor (CDK4/6 inhibitor + fulvestrant preferred, abemaciclib again included, on
    trials of patients who had none) and practice-2026 put the inavolisib triplet first as
    INAVO120's population, which enrolled no one after a CDK4/6 inhibitor. A relapse within 12
    months of completing a (neo)adjuvant CDK4/6 inhibitor now counts as progression on it: the
    PIK3CA-directed options lead, abemaciclib is not preferred again, and INAVO120's regimen is
    not preferred. Nineteen months after it, she is read as before."""
    adjuvant_abema = adjuvant(["abemaciclib", "letrozole", "goserelin"], "2024-03-01", "2026-03-01")
    relapse = adjuvant(["letrozole", "goserelin"], "2026-03-01", "2026-10-15", stop="progression")
    pik3ca = result("PIK3CA", "mutated", sample="tissue", tested_on="2026-10-30")
    esr1 = result("ESR1", "not_detected", tested_on="2026-10-30")
    kw: dict[str, Any] = {
        "schema_version": 2,
        "as_of": "2026-11-15",
        "menopausal_status": "premenopausal",
        "biomarkers": [pik3ca, esr1],
    }
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(patient(treatments=[adjuvant_abema, relapse], **kw), policy=policy)
        first = p.options[0].regimen.id
        assert first in {"capivasertib+fulvestrant", "alpelisib+fulvestrant"}, (policy, first)
        assert tier(p, "abemaciclib+fulvestrant") != "preferred", policy
        assert "cdk46i_naive_first" not in codes(option(p, "palbociclib+fulvestrant")), policy
        assert any("end of (neo)adjuvant abemaciclib (completed)" in n for n in p.notes), policy
        assert not any("none measures time to progression" in n for n in p.notes), policy
        assert not any("Time on the CDK4/6 inhibitor is unknown" in n for n in p.notes), policy
        if policy == PRACTICE:
            inavo = p.option("inavolisib+palbociclib+fulvestrant")
            assert inavo is None or inavo.tier is not Tier.PREFERRED
    long_ago = adjuvant(["abemaciclib", "letrozole", "goserelin"], "2023-03-01", "2025-03-01")
    later = adjuvant(["letrozole", "goserelin"], "2025-03-01", "2026-10-15", stop="progression")
    p = resistx.sequence(patient(treatments=[long_ago, later], **kw))
    assert "cdk46i_naive_first" in codes(option(p, "palbociclib+fulvestrant"))
    assert not any("completing (neo)adjuvant" in n for n in p.notes)


def test_the_why_keeps_the_biomarker_reason_beside_rule_6s() -> None:
    """Case 313 (recheck): where rule 6's reason leads (no definite target left), the one-line
    why of trastuzumab deruxtecan no longer said HER2-low, and elacestrant's no longer said ESR1
    was not mutated: the option's own biomarker reason is shown beside it."""
    capivasertib = second_line("capivasertib", "fulvestrant")
    pik3ca = result("PIK3CA", "mutated", sample="tissue", tested_on="2025-03-25")
    esr1 = result("ESR1", "not_detected", tested_on="2026-04-10")
    p = practice(her2="low", biomarkers=[pik3ca, esr1], treatments=[PALBOCICLIB, capivasertib])
    text = why(option(p, "trastuzumab-deruxtecan"))
    assert "No definite target left" in text and "HER2-low" in text
    q = plan(her2="low", biomarkers=[pik3ca, esr1], treatments=[PALBOCICLIB, capivasertib])
    text = why(option(q, "elacestrant"))
    assert "No definite target left" in text and "ESR1 not mutated" in text


def test_trastuzumab_deruxtecans_lung_caution_names_the_deaths() -> None:
    """Cases 313 and 315: the interstitial lung disease caution gave 12.1% any grade and left
    out that 3 patients (0.8%) died of it in DESTINY-Breast04 (the review's text); under
    practice-2026, where DESTINY-Breast06 carries T-DXd, its 3 deaths (update-2026.md) too."""
    p = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    [ild] = [
        c
        for c in option(p, "trastuzumab-deruxtecan").cautions
        if c.term == "interstitial lung disease"
    ]
    assert "3 patients (0.8%) died of it (grade 5)" in ild.text
    q = practice(
        her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, second_line("fulvestrant")]
    )
    texts = [c.text for c in option(q, "trastuzumab-deruxtecan").cautions if "lung" in c.text]
    assert any("died of it" in t for t in texts), texts


def test_talazoparib_does_not_wait_on_a_somatic_brca_test_after_a_negative_germline() -> None:
    """Cases 320, 322 and 323: germline BRCA1/2 and PALB2 wild-type, BRCA1/2 not tested in the
    tumour: talazoparib 'waited on somatic BRCA1/2', though TBCRC 048's somatic responses were
    to olaparib and talazoparib's trial (EMBRACA) selected germline mutations. Olaparib still
    waits on the tumour test; talazoparib is left out, saying why."""
    p = plan(biomarkers=[*NEGATIVE, *GERMLINE_NEGATIVE])
    assert option(p, "olaparib").waits_on == ("somatic BRCA1/2",)
    assert excluded_for(p, "talazoparib") == {"biomarker_absent"}
    text = " ".join(r.text for r in exclusion(p, "talazoparib").reasons)
    assert "olaparib" in text and "germline" in text


def test_plans_speak_clinically_of_a_stale_result_and_of_an_adc_in_a_crisis() -> None:
    """Cases 320 and 322 (MINOR): a result from before the latest progression 'counts half until
    retested' (the engine's scoring, not a clinician's words), and a preferred ADC in a visceral
    crisis said 'chemotherapy comes first, this after it', which its tier contradicts."""
    stale = result("ESR1", "mutated", tested_on="2024-06-01")
    p = plan(biomarkers=[stale, *NEGATIVE[1:]])
    texts = [r.text for o in p.options for r in o.reasons]
    assert not any("counts half" in t for t in texts)
    # the actions say whether a retest is asked (8157): the reason, that it weighs less till one
    assert any("predates the latest progression" in t and "a test after it" in t for t in texts)
    crisis = practice(
        her2="low", visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB]
    )
    tdxd = option(crisis, "trastuzumab-deruxtecan")
    assert not any("this after it" in r.text for r in tdxd.reasons)
    assert any(r.code == "visceral_crisis_not_first" and "ADC" in r.text for r in tdxd.reasons)


def test_a_cdk46i_stopped_for_its_toxicity_is_at_best_a_later_option_again() -> None:
    """Case 328: ribociclib stopped after 3 months for QT prolongation, then letrozole alone
    until progression, PIK3CA mutated: ribociclib + fulvestrant was an alternative ranked above
    capivasertib, though palbociclib and abemaciclib (the switch rule 23 puts first) were there.
    The drug stopped for its own toxicity is at best a later option."""
    ribociclib = stopped_for(
        "QT prolongation", ["ribociclib", "letrozole"], "2025-01-10", "2025-04-05"
    )
    letrozole = dict(
        PALBOCICLIB, drugs=["letrozole"], started_on="2025-04-05", ended_on="2026-03-28"
    )
    pik3ca = [result("PIK3CA", "mutated", sample="tissue"), *NEGATIVE[::2], NEGATIVE[3]]
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(schema_version=2, biomarkers=pik3ca, treatments=[ribociclib, letrozole]),
            policy=policy,
        )
        again = option(p, "ribociclib+fulvestrant")
        assert again.tier is Tier.LATER, policy
        assert again.rank > rank(p, "capivasertib+fulvestrant"), policy
        assert tier(p, "abemaciclib+fulvestrant") == "preferred", policy


def test_abemaciclib_alone_is_not_the_endocrine_line_of_an_endocrine_sensitive_patient() -> None:
    """Case 326 (practice-2026): germline BRCA2, 23 months on palbociclib, then olaparib:
    abemaciclib alone (a retrospective cohort) was an alternative above abemaciclib +
    fulvestrant, because rule 32's 'another endocrine-based line' gain reached a regimen with
    no endocrine drug. It reaches only regimens with one."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood", tested_on="2023-05-01")
    olaparib = second_line("olaparib")
    p = practice(
        schema_version=2, biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB, olaparib]
    )
    alone = option(p, "abemaciclib")
    assert "endocrine_sensitive_endocrine_first" not in codes(alone)
    assert alone.rank > rank(p, "abemaciclib+fulvestrant")


def test_alpelisibs_diabetes_exclusion_says_it_is_resistxs_and_not_the_labels() -> None:
    """Cases 286, 316 and 329 (MAJOR in 329): 'Alpelisib + fulvestrant [contraindicated]:
    diabetes' read as a label contraindication, though the label contraindicates it only for
    severe hypersensitivity and says its safety in type 1 or uncontrolled type 2 diabetes is not
    established. The exclusion stays (the contract's rule 12); its reason says whose it is and
    what the label says."""
    p = plan(comorbidities=["diabetes"], biomarkers=[result("PIK3CA", "mutated")])
    text = " ".join(r.text for r in exclusion(p, "alpelisib+fulvestrant").reasons)
    assert "63.7" in text and "not by its label" in text
    assert "uncontrolled type 2 diabetes" in text and "prescribing information" in text


def test_olaparibs_why_says_its_label_asks_for_prior_chemotherapy() -> None:
    """Case 331: germline BRCA2, no chemotherapy in any setting: talazoparib was preferred and
    olaparib an alternative with a word-for-word identical why; the reason that placed olaparib
    below (its label asks for prior chemotherapy, rule 44) is part of its why now."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB])
    said = why(option(p, "olaparib"))
    assert said != why(option(p, "talazoparib"))
    assert any(
        r.code == "olaparib_label_prior_chemotherapy" and r.text in said
        for r in option(p, "olaparib").reasons
    )


def test_her2_zero_after_chemotherapy_asks_to_confirm_it_before_choosing() -> None:
    """Case 337 (MAJOR): HER2 0 after capecitabine, trastuzumab deruxtecan left out with no
    prompt to re-assess HER2, though a HER2-low reading would open it (DESTINY-Breast04, after
    1-2 chemotherapy lines, better than chemotherapy). Both policies now ask, before choosing;
    not with HER2-low on record, nor before any chemotherapy under ye2024, nor with an
    interstitial lung disease that leaves it out whatever the reading."""
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]),
            policy=policy,
        )
        [ask] = [a for a in p.actions if a.code == "confirm_her2_zero"]
        assert ask.before_choosing and ask.rule == 55, policy
        assert "HER2-low" in ask.text and "10.1 vs 5.4" in ask.text, policy
        low = resistx.sequence(
            patient(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]),
            policy=policy,
        )
        assert not any(a.code == "confirm_her2_zero" for a in low.actions), policy
        ild = resistx.sequence(
            patient(
                her2="0",
                comorbidities=["interstitial_lung_disease"],
                biomarkers=NEGATIVE,
                treatments=[PALBOCICLIB, CAPECITABINE],
            ),
            policy=policy,
        )
        assert not any(a.code == "confirm_her2_zero" for a in ild.actions), policy
    naive = plan(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert not any(a.code == "confirm_her2_zero" for a in naive.actions)
    # HER2-ultralow after chemotherapy (case 344) is an IHC 0 too, and a re-score may read low
    for policy in ("ye2024", PRACTICE):
        ultralow = resistx.sequence(
            patient(her2="ultralow", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]),
            policy=policy,
        )
        [ask] = [a for a in ultralow.actions if a.code == "confirm_her2_zero"]
        assert ask.before_choosing and "HER2-ultralow after chemotherapy" in ask.text, policy


def test_ribociclib_with_fulvestrant_after_fulvestrant_is_outside_maintain() -> None:
    """Case 340 (MAJOR, practice-2026): after progression on palbociclib + fulvestrant,
    ribociclib + fulvestrant ranked first on MAINTAIN, whose patients treated with fulvestrant
    before switched to exemestane (Kalinsky et al., J Clin Oncol 2023), and on 'the population
    of postMONARCH', which enrolled after a CDK4/6 inhibitor with an aromatase inhibitor. It is
    outside MAINTAIN's population there, at best a later option under both policies, and no
    reason calls her postMONARCH's population."""
    palbo_fulv = dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(her2="0", biomarkers=NEGATIVE, treatments=[palbo_fulv]), policy=policy
        )
        # at best a later option outside MAINTAIN's population since case 340; left out since
        # case 495 (fulvestrant and a CDK4/6 inhibitor with it both progressed on)
        [ribo] = exclusion(p, "ribociclib+fulvestrant").reasons
        assert ribo.rule == 11 and "PACE" in ribo.trials, policy
        texts = [r.text for o in p.options for r in o.reasons]
        assert not any("the population of postMONARCH" in t for t in texts), policy


def test_the_parp_inhibitors_carry_their_labels_blood_count_caution() -> None:
    """Cases 310, 317 and 346 (MINOR, three times): olaparib and talazoparib carried no caution
    at all, the review printing no adverse-event figures for them. Each now says so and names
    what both US labels warn of: cytopenias, and myelodysplastic syndrome or acute myeloid
    leukaemia, with blood counts at baseline and monthly."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB])
    for rid in ("olaparib", "talazoparib"):
        [c] = [c for c in option(p, rid).cautions if c.code == "parp_inhibitor_blood_counts"]
        assert c.rule == 56 and "monthly" in c.text and "myeloid leukaemia" in c.text, rid
        assert "no adverse-event figures" in c.text, rid


def test_a_germline_brca_or_palb2_mutation_asks_for_genetic_counselling() -> None:
    """Case 346 (MINOR): a germline BRCA2 mutation found in the latest workup drew no prompt for
    genetic counselling, though a tumour finding's germline test already says that a germline
    mutation concerns the family too. It does now, after the options (it changes nothing
    preferred); a somatic finding alone does not ask it."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    p = plan(biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB])
    [ask] = [a for a in p.actions if a.code == "genetic_counselling"]
    assert not ask.before_choosing and ask.rule == 57 and "BRCA2" in ask.text
    somatic = plan(biomarkers=[result("BRCA2", "mutated"), *NEGATIVE], treatments=[PALBOCICLIB])
    assert not any(a.code == "genetic_counselling" for a in somatic.actions)


def test_the_why_of_a_pathway_drug_after_its_class_names_the_class_progression() -> None:
    """Case 349 (MAJOR): after progression on alpelisib and then everolimus, capivasertib's
    one-line why called her 'the population of CAPItello-291's greatest benefit' (its biomarker
    reason, shown beside rule 6's since case 313's recheck) and left out rule 11's same-class
    reason that had made it a later option. The same-class reason is always part of the why."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue")
    alpelisib = second_line("alpelisib", "fulvestrant")
    everolimus = dict(
        FULVESTRANT,
        drugs=["everolimus", "exemestane"],
        line=3,
        started_on="2026-03-10",
        ended_on="2026-04-20",
    )
    p = plan(
        her2="low",
        biomarkers=[pik3ca, *NEGATIVE[::2], NEGATIVE[3]],
        treatments=[PALBOCICLIB, alpelisib, everolimus],
    )
    capi = option(p, "capivasertib+fulvestrant")
    assert capi.tier is Tier.LATER
    [same] = [r for r in capi.reasons if r.code == "same_class_after_progression"]
    assert same.text in why(capi)


def test_rule_6_says_so_when_both_targets_were_acted_on() -> None:
    """Rule 6's third wording (case 313's fix): ESR1 and PIK3CA both mutated, progression on
    elacestrant and then on capivasertib: both targets used up, chemotherapy first, and its
    reason names both; the everolimus exception still holds."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue", tested_on="2025-03-25")
    esr1 = result("ESR1", "mutated", tested_on="2025-03-25")
    elacestrant = second_line("elacestrant")
    capivasertib = dict(
        second_line("capivasertib", "fulvestrant"),
        line=3,
        started_on="2026-03-10",
        ended_on="2026-04-20",
    )
    p = plan(biomarkers=[pik3ca, esr1], treatments=[PALBOCICLIB, elacestrant, capivasertib])
    chemo = option(p, "chemotherapy")
    [why_chemo] = [r for r in chemo.reasons if r.code == "no_actionable_alteration"]
    assert "the ESR1 mutation and the PI3K-pathway alteration were acted on" in why_chemo.text
    assert chemo.rank == 1
    assert "no_actionable_alteration_endocrine" not in codes(option(p, "everolimus+exemestane"))


def test_ribociclib_with_exemestane_is_maintains_switch_after_fulvestrant() -> None:
    """Cases 339 and 340 (MINOR, left open since): after progression on palbociclib +
    fulvestrant, MAINTAIN's own switch, ribociclib with exemestane (its patients treated with
    fulvestrant before received exemestane: Kalinsky et al., J Clin Oncol 2023; the review's
    Table 1 lists 'ribociclib plus fulvestrant or exemestane'), was in neither regimen table.
    It is now, and there it is the switch: above ribociclib + fulvestrant, on MAINTAIN's
    figures (its one arm gave either partner), under both policies."""
    palbo_fulv = dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(her2="0", biomarkers=NEGATIVE, treatments=[palbo_fulv]), policy=policy
        )
        exe = option(p, "ribociclib+exemestane")
        assert "switch_cdk46i_after_palbociclib" in codes(exe), policy
        [efficacy] = [r for r in exe.reasons if r.factor.value == "efficacy"]
        assert efficacy.trials == ("MAINTAIN",) and "HR 0.58" in efficacy.text, policy
        assert "outside_maintain_population" not in codes(exe), policy
        assert p.option("ribociclib+fulvestrant") is None, policy  # case 495: left out


def test_ribociclib_with_exemestane_after_exemestane_is_outside_maintain() -> None:
    """MAINTAIN gave fulvestrant to its patients treated with exemestane before: after
    progression on palbociclib + exemestane, ribociclib + exemestane is outside its population
    (at best a later option, saying so), while ribociclib + fulvestrant remains the switch."""
    palbo_exe = dict(PALBOCICLIB, drugs=["palbociclib", "exemestane"])
    p = plan(her2="0", biomarkers=NEGATIVE, treatments=[palbo_exe])
    exe = option(p, "ribociclib+exemestane")
    assert exe.tier is Tier.LATER
    [outside] = [r for r in exe.reasons if r.code == "outside_maintain_population"]
    assert "Progressed on exemestane" in outside.text
    assert "switch_cdk46i_after_palbociclib" in codes(option(p, "ribociclib+fulvestrant"))


def test_after_an_aromatase_inhibitor_ribociclib_goes_with_fulvestrant_first() -> None:
    """Where neither partner had been given, MAINTAIN left the choice to the investigator and
    encouraged fulvestrant (83% received it): ribociclib + fulvestrant carries the switch and
    ranks above ribociclib + exemestane, whose reason says why."""
    p = plan(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert rank(p, "ribociclib+fulvestrant") < rank(p, "ribociclib+exemestane")
    exe = option(p, "ribociclib+exemestane")
    assert "maintain_fulvestrant_encouraged" in codes(exe)
    assert "switch_cdk46i_after_palbociclib" not in codes(exe)


def test_outside_destiny_breast06s_entry_a_targeted_endocrine_line_comes_before_tdxd() -> None:
    """Case 353 (MAJOR, practice-2026): one endocrine line with a CDK4/6 inhibitor for 15 months,
    a PIK3CA mutation and HER2-low: trastuzumab deruxtecan ranked first and preferred, above
    capivasertib + fulvestrant, though he is outside DESTINY-Breast06's entry (2 or more
    endocrine lines, or progression within 6 months) and that trial compared it with
    chemotherapy, not with a targeted endocrine line. With a target not yet acted on, T-DXd is
    not preferred there (the next line); inside the entry it stays as it was."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue")
    p = practice(her2="low", biomarkers=[pik3ca, *NEGATIVE[::2]], treatments=[PALBOCICLIB])
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier is not Tier.PREFERRED
    assert rank(p, "capivasertib+fulvestrant") < rank(p, "trastuzumab-deruxtecan")
    [why] = [r for r in tdxd.reasons if r.code == "endocrine_target_before_tdxd"]
    assert why.rule == 58 and "not another endocrine line" not in why.text
    assert "PIK3CA" in why.text and "DESTINY-Breast06" in why.trials
    # inside the entry (a second endocrine line), the rule is silent
    inside = practice(
        her2="low",
        biomarkers=[pik3ca, *NEGATIVE[::2]],
        treatments=[PALBOCICLIB, second_line("exemestane")],
    )
    assert "endocrine_target_before_tdxd" not in codes(option(inside, "trastuzumab-deruxtecan"))
    # after the target's drug (capivasertib), none is left: silent too
    acted = practice(
        her2="low",
        biomarkers=[pik3ca, *NEGATIVE[::2]],
        treatments=[PALBOCICLIB, second_line("capivasertib", "fulvestrant")],
    )
    assert "endocrine_target_before_tdxd" not in codes(option(acted, "trastuzumab-deruxtecan"))
    # after chemotherapy DESTINY-Breast04 opens it, not the endocrine line: silent
    chemo = practice(
        her2="low", biomarkers=[pik3ca, *NEGATIVE[::2]], treatments=[PALBOCICLIB, CAPECITABINE]
    )
    assert "endocrine_target_before_tdxd" not in codes(option(chemo, "trastuzumab-deruxtecan"))
    # outside the entry with no target at all, rule 32 speaks (endocrine-sensitive), not 58
    none = practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert "endocrine_target_before_tdxd" not in codes(option(none, "trastuzumab-deruxtecan"))


def test_olaparib_for_a_somatic_brca_mutation_says_how_few_patients_and_that_it_is_off_label() -> (
    None
):
    """Case 356 (MINOR, the reviewer's first): olaparib, preferred for a somatic BRCA2 mutation,
    quoted 'objective response rate 40%' without the review's denominator (4 of 10 HR+/HER2-
    patients) and without saying that its US label covers germline BRCA1/2 mutations only.
    Both are said now; a germline PALB2 mutation reads the same."""
    for gene, origin, figure in (("BRCA2", "somatic", "40% among 10"), ("PALB2", "germline", "")):
        found = result(gene, "mutated", origin=origin)
        if origin == "germline":
            found["sample"] = "blood"
        p = plan(biomarkers=[found, *NEGATIVE], treatments=[PALBOCICLIB])
        ola = option(p, "olaparib")
        lead = next(r for r in ola.reasons if r.code == "tbcrc048_olaparib_first")
        assert "germline BRCA1/2 mutations only" in lead.text and "outside its label" in lead.text
        [efficacy] = [r for r in ola.reasons if r.code == "response_rate"]
        assert "patients" in efficacy.text, gene
        if figure:
            assert f"objective response rate {figure} patients" in efficacy.text


def test_after_a_pi3k_inhibitor_capivasertib_is_not_called_capitellos_best_population() -> None:
    """Case 349's recheck (MINOR, what was left of its MAJOR): after progression on alpelisib,
    capivasertib's biomarker reason still called her 'the population of CAPItello-291's
    greatest benefit'. After a PI3K or AKT inhibitor it names the alteration CAPItello-291
    selected and says that the disease has progressed on such an inhibitor since; before one,
    the reason stands as it was."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue")
    after = plan(
        biomarkers=[pik3ca], treatments=[PALBOCICLIB, second_line("alpelisib", "fulvestrant")]
    )
    [match] = [
        r
        for r in option(after, "capivasertib+fulvestrant").reasons
        if r.code == "akt_pathway_alteration_matches_capivasertib"
    ]
    assert "greatest benefit" not in match.text
    assert "progressed on a PI3K or AKT inhibitor" in match.text
    before = plan(biomarkers=[pik3ca], treatments=[PALBOCICLIB])
    [match] = [
        r
        for r in option(before, "capivasertib+fulvestrant").reasons
        if r.code == "akt_pathway_alteration_matches_capivasertib"
    ]
    assert "the population of CAPItello-291's greatest benefit" in match.text


def test_a_post_hoc_subgroups_figures_say_post_hoc_where_the_plan_quotes_them() -> None:
    """Case 352 (MINOR, recurring since review 32): under practice-2026 elacestrant's evidence
    line quoted EMERALD's subgroup with 12 months or more on a CDK4/6 inhibitor (8.6 vs 1.9
    months, HR 0.41), a post hoc analysis (update-2026.md section 11), without saying so. A
    figure whose source calls it post hoc says so where the plan quotes it."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = practice(biomarkers=esr1, treatments=[PALBOCICLIB])  # 26 months on palbociclib
    # rule 28 quotes the subgroup; the evidence line reads the primary analysis (case 665)
    [line] = [
        r for r in option(p, "elacestrant").reasons if r.code == "approved_oral_serd_for_esr1"
    ]
    assert "median PFS 8.6 vs 1.9 months, HR 0.41 (95% CI 0.26\u20130.63; post hoc)" in line.text


def test_a_figure_verified_only_in_a_secondary_report_says_so_where_the_plan_quotes_it() -> None:
    """Cases 350 and 352 (MINOR, recurring): the plan's footer promises each figure after the
    review with its verification level, but no figure said it; evERA's 'HR 0.38' and
    imlunestrant's '17.1% grade 3 or worse' are V-2nd in update-2026.md. A figure verified only
    in a secondary report says '(secondary source)' where a plan quotes it; the review's own
    figures and primary-verified ones carry no tag."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = practice(biomarkers=esr1, treatments=[PALBOCICLIB])
    texts = [r.text for o in p.options for r in o.reasons] + [
        c.text for o in p.options for c in o.cautions
    ]
    assert any("HR 0.38" in t and "(secondary source)" in t for t in texts)
    assert any("17.1% grade 3 or worse (secondary source)" in t for t in texts)
    review = plan(biomarkers=esr1, treatments=[PALBOCICLIB])
    assert not any(
        "secondary source" in r.text or "post hoc" in r.text
        for o in review.options
        for r in o.reasons
        if r.factor.value == "efficacy"
    )


#: capecitabine for metastatic disease, then palbociclib + letrozole: one chemotherapy line, before
#: the CDK4/6 inhibitor (within MAINTAIN's population)
CHEMOTHERAPY_FIRST = [
    dict(CAPECITABINE, line=1, started_on="2021-06-01", ended_on="2022-12-20"),
    dict(PALBOCICLIB, line=2),
]


def test_after_chemotherapy_and_an_adc_ribociclib_with_fulvestrant_is_outside_maintain() -> None:
    """Case 360 (MAJOR, both policies): after palbociclib, elacestrant, capecitabine and
    trastuzumab deruxtecan, ribociclib + fulvestrant was an alternative above chemotherapy on
    MAINTAIN's HR 0.58, though MAINTAIN enrolled patients with at most one chemotherapy line
    and an ADC's payload is cytotoxic. A chemotherapy line and an ADC line are two such lines:
    outside MAINTAIN's population, at best a later option, saying so; one line alone is not,
    where it came before the CDK4/6 inhibitor (after it, MAINTAIN's 'at progression on the
    CDK4/6 inhibitor' does not hold: recheck of case 718)."""
    tdxd = dict(CAPECITABINE, drugs=["trastuzumab deruxtecan"], line=3)
    tdxd.update(started_on="2025-10-15", ended_on="2026-03-01")
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]),
            policy=policy,
        )
        ribo = option(p, "ribociclib+fulvestrant")
        assert ribo.tier is Tier.LATER, policy
        [outside] = [r for r in ribo.reasons if r.code == "outside_maintain_population"]
        assert "1 chemotherapy line and 1 ADC line" in outside.text, policy
        one = resistx.sequence(
            patient(her2="low", biomarkers=NEGATIVE, treatments=CHEMOTHERAPY_FIRST),
            policy=policy,
        )
        assert "outside_maintain_population" not in codes(option(one, "ribociclib+fulvestrant"))


def test_a_listed_trial_says_its_status_is_unchecked_and_names_its_registry_entry() -> None:
    """Cases 362 and 366 (MAJOR, both policies): FINER, which the review (2024) lists as in
    progress, was offered for enrolment in plans dated 2026 with 'efficacy is unknown', though
    it has closed and reported since (secondary sources; in neither source file). resistx
    cannot know a trial's status after its evidence: the option says what the evidence says
    of it, that resistx does not know whether it still enrols or has reported since, and
    names the registry entry to check before referring."""
    pik3ca = result("PIK3CA", "mutated", sample="tissue")
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(patient(biomarkers=[pik3ca], treatments=[PALBOCICLIB]), policy=policy)
        [finer] = [o for o in p.options if o.regimen.name.startswith("Trial FINER")]
        [said] = [r for r in finer.reasons if r.code == "no_results_yet"]
        assert "efficacy is unknown" not in said.text, policy
        assert "lists it as in progress" in said.text, policy
        assert "still enrols, or has reported since" in said.text, policy
        assert "NCT04650581" in said.text, policy


def test_a_cdk46i_naive_patients_alpelisib_reads_solar1s_main_cohort_and_no_false_claim() -> None:
    """Case 363 (MAJOR, both policies): relapse on adjuvant anastrozole, no CDK4/6 inhibitor, a
    PIK3CA mutation. Alpelisib and capivasertib said 'this regimen's evidence is after a CDK4/6
    inhibitor', false for both (SOLAR-1 enrolled almost only patients without one: 20 had one,
    the review says; CAPItello-291 69% with one), and alpelisib's evidence line showed BYLieve
    only. Rule 18 no longer says it, and for a patient not resistant to a CDK4/6 inhibitor
    alpelisib's SOLAR-1 figures are its PIK3CA-mutated cohort's (11.0 vs 5.7 months, HR 0.65);
    after one they stay its prior-CDK4/6i subgroup's."""
    relapse = {
        "drugs": ["anastrozole"],
        "setting": "adjuvant",
        "started_on": "2024-09-01",
        "ended_on": "2026-03-15",
        "stop_reason": "progression",
    }
    pik3ca = result("PIK3CA", "mutated", sample="tissue")
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(biomarkers=[pik3ca, *NEGATIVE[::2]], treatments=[relapse]), policy=policy
        )
        texts = [r.text for o in p.options for r in o.reasons]
        assert not any("evidence is after a CDK4/6 inhibitor" in t for t in texts), policy
        efficacy = [
            r.text
            for r in option(p, "alpelisib+fulvestrant").reasons
            if r.factor.value == "efficacy"
        ]
        assert any(
            "SOLAR-1" in t and "11.0 vs 5.7 months on " in t and "HR 0.65" in t for t in efficacy
        ), policy
    after = plan(biomarkers=[pik3ca, *NEGATIVE[::2]], treatments=[PALBOCICLIB])
    efficacy = [
        r.text
        for r in option(after, "alpelisib+fulvestrant").reasons
        if r.factor.value == "efficacy"
    ]
    assert not any("HR 0.65" in t for t in efficacy)


def test_ovarian_suppression_already_on_record_is_to_be_continued() -> None:
    """Cases 352 and 353 (MINOR, recurring since review 38): a premenopausal woman on goserelin
    and a man on leuprorelin were each told that the endocrine options 'need' ovarian function
    suppression or a GnRH agonist, as if none were given. Where the latest course holds one,
    the cautions and the note say to continue it; without one they stay as they were."""
    on_goserelin = dict(PALBOCICLIB, drugs=["palbociclib", "letrozole", "goserelin"])
    p = plan(menopausal_status="premenopausal", biomarkers=NEGATIVE, treatments=[on_goserelin])
    [c] = [c for c in option(p, "fulvestrant").cautions if c.code == "ovarian_suppression_needed"]
    assert "continue goserelin" in c.text
    assert any("continue goserelin" in n for n in p.notes)
    man = dict(PALBOCICLIB, drugs=["palbociclib", "anastrozole", "leuprorelin"])
    m = plan(sex="male", schema_version=2, biomarkers=NEGATIVE, treatments=[man])
    [c] = [
        c for c in option(m, "everolimus+exemestane").cautions if c.code == "gnrh_agonist_needed"
    ]
    assert "continue leuprolide" in c.text
    without = plan(menopausal_status="premenopausal", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [c] = [
        c for c in option(without, "fulvestrant").cautions if c.code == "ovarian_suppression_needed"
    ]
    assert "continue" not in c.text


def test_abemaciclib_options_carry_their_labels_caution() -> None:
    """Cases 350, 352 and 354 (MINOR, recurring): no abemaciclib option carried any caution, the
    review printing no adverse-event table for it. Each now names what its US label warns of,
    diarrhoea first (antidiarrhoeal treatment at the first loose stool), with neutropenia, liver
    tests, venous thromboembolism and interstitial lung disease; ribociclib's options do not
    carry it."""
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    for rid in ("abemaciclib", "abemaciclib+fulvestrant"):
        [c] = [c for c in option(p, rid).cautions if c.code == "abemaciclib_label"]
        assert c.rule == 59 and c.text.startswith("Abemaciclib: diarrhoea"), rid
        assert "loperamide" in c.text and "venous thromboembolism" in c.text, rid
    assert not any(
        c.code == "abemaciclib_label" for c in option(p, "ribociclib+fulvestrant").cautions
    )


def test_after_an_endocrine_line_since_the_cdk46i_ribociclib_with_fulvestrant_is_outside_maintain() -> (
    None
):
    """Case 367 (MAJOR, both policies; the rest of case 360's): after palbociclib and then
    elacestrant, ribociclib + fulvestrant was an alternative on MAINTAIN's HR 0.58, though
    MAINTAIN enrolled patients at progression on the CDK4/6 inhibitor. An endocrine line that
    progressed since the CDK4/6 inhibitor puts her outside its population: at best a later
    option, saying so."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(biomarkers=esr1, treatments=[PALBOCICLIB, second_line("elacestrant")]),
            policy=policy,
        )
        ribo = option(p, "ribociclib+fulvestrant")
        assert ribo.tier is Tier.LATER, policy
        [outside] = [r for r in ribo.reasons if r.code == "outside_maintain_population"]
        assert "at progression on the CDK4/6 inhibitor" in outside.text, policy


def test_with_an_esr1_mutation_an_aromatase_inhibitor_partner_is_at_best_later() -> None:
    """Case 376 (MAJOR, both policies): ESR1 Y537S, and ribociclib + exemestane ranked second as
    an alternative. The mutant receptor is active without estrogen (the catalog's mechanism),
    which an aromatase inhibitor lowers; the review gives fulvestrant for ESR1-mutated disease
    after aromatase inhibitors (ref. 63). A regimen whose only endocrine drug is an aromatase
    inhibitor is at best a later option with an ESR1 mutation; without one it is unchanged."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    palbo_fulv = dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(patient(biomarkers=esr1, treatments=[palbo_fulv]), policy=policy)
        for rid in ("ribociclib+exemestane", "everolimus+exemestane"):
            o = option(p, rid)
            assert o.tier is Tier.LATER, (policy, rid)
            assert "esr1_mutation_aromatase_inhibitor" in codes(o), (policy, rid)
        wild = resistx.sequence(
            patient(biomarkers=NEGATIVE, treatments=[palbo_fulv]), policy=policy
        )
        assert "esr1_mutation_aromatase_inhibitor" not in codes(
            option(wild, "ribociclib+exemestane")
        )


def test_in_a_visceral_crisis_a_germline_brca_parp_inhibitor_comes_before_sacituzumab() -> None:
    """Case 371 (MAJOR, both policies): visceral crisis, germline BRCA2: after chemotherapy
    first, sacituzumab govitecan ranked above olaparib and talazoparib though its own reason
    says it comes after the PARP inhibitor (TROPiCS-02 enrolled after 2-4 chemotherapy lines).
    The crisis flattens the tiers; the PARP inhibitors now rank above it there too."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(visceral_crisis=True, biomarkers=[brca2, *NEGATIVE], treatments=[PALBOCICLIB]),
            policy=policy,
        )
        assert p.options[0].regimen.id == "chemotherapy", policy
        for adc in ("sacituzumab-govitecan", "datopotamab-deruxtecan"):
            if adc == "datopotamab-deruxtecan" and policy == "ye2024":
                continue  # practice-2026's table only (case 371's recheck)
            after = rank(p, adc)
            assert rank(p, "olaparib") < after and rank(p, "talazoparib") < after, (policy, adc)


def test_outside_maintains_population_its_figures_do_not_score_and_chemotherapy_ranks_above() -> (
    None
):
    """Case 377 (MAJOR, ye2024): after palbociclib and elacestrant, ribociclib + fulvestrant and
    + exemestane, each saying the review has no evidence for it here (outside MAINTAIN), still
    scored MAINTAIN's HR 0.58 and ranked above chemotherapy. Outside MAINTAIN's population its
    figures no longer speak for the patient (the efficacy says there are none for her), so
    chemotherapy ranks above them; inside it they still score."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    p = plan(her2="low", biomarkers=esr1, treatments=[PALBOCICLIB, second_line("elacestrant")])
    for rid in ("ribociclib+fulvestrant", "ribociclib+exemestane"):
        assert rank(p, "chemotherapy") < rank(p, rid), rid
        efficacy = [r for r in option(p, rid).reasons if r.factor.value == "efficacy"]
        assert [r.code for r in efficacy] == ["no_direct_evidence"], rid
    inside = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    efficacy = [
        r for r in option(inside, "ribociclib+fulvestrant").reasons if r.factor.value == "efficacy"
    ]
    assert [r.code for r in efficacy] == ["randomised_benefit"]


def test_a_drug_stopped_for_its_toxicity_is_cautioned_and_steps_back_when_offered_again() -> None:
    """Case 381 (MINOR, close to MAJOR): everolimus + exemestane had been stopped for stomatitis
    after a month, and the plan offered it again without a word. A drug (other than a CDK4/6
    inhibitor, which rule 23 covers) stopped for an adverse event carries a caution naming it
    wherever it is offered again, and that regimen is at best a later option; a regimen
    without the drug is untouched."""
    stopped = dict(
        stopped_for("stomatitis", ["everolimus", "exemestane"], "2025-04-01", "2025-05-01"), line=2
    )
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, stopped])
    eve = option(p, "everolimus+exemestane")
    [c] = [c for c in eve.cautions if c.code == "stopped_for_toxicity_before"]
    assert c.rule == 61 and "everolimus" in c.text and "stomatitis" in c.text
    assert eve.tier is Tier.LATER
    assert not any(
        c.code == "stopped_for_toxicity_before" for c in option(p, "fulvestrant").cautions
    )


def test_a_toxicity_stop_is_laid_on_the_targeted_drug_not_its_endocrine_partner() -> None:
    """Case 381's recheck (MINOR, close to MAJOR): rule 61 named 'exemestane for stomatitis'
    on every exemestane regimen after everolimus + exemestane was stopped for stomatitis. The
    record does not say which drug caused it; the targeted drug of the course carries it, and
    its endocrine partner only where the course held nothing else (fulvestrant alone stopped
    for arthralgia)."""
    stopped = dict(
        stopped_for("stomatitis", ["everolimus", "exemestane"], "2025-04-01", "2025-05-01"), line=2
    )
    p = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, stopped])
    assert "stopped_for_toxicity_before" in {
        c.code for c in option(p, "everolimus+exemestane").cautions
    }
    assert "stopped_for_toxicity_before" not in {
        c.code for c in option(p, "ribociclib+exemestane").cautions
    }
    alone = dict(stopped_for("arthralgia", ["fulvestrant"], "2025-04-01", "2025-05-01"), line=2)
    q = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, alone])
    assert "stopped_for_toxicity_before" in {c.code for c in option(q, "fulvestrant").cautions}


def test_abemaciclib_alone_before_any_chemotherapy_is_outside_its_label() -> None:
    """Cases 377 and its recheck (MAJOR, ye2024): after palbociclib and elacestrant, abemaciclib
    alone ranked first, above chemotherapy, on a retrospective cohort; its US label gives it
    alone after endocrine therapy and chemotherapy for metastatic disease (MONARCH-1). Before
    any chemotherapy line it steps back, at best a later option, saying so; after one it does
    not."""
    # as in case 377, the tests drawn shortly before the recorded progression (read as stale)
    esr1 = [dict(r, tested_on="2026-02-20") for r in (result("ESR1", "mutated"), *NEGATIVE[1:])]
    p = plan(her2="low", biomarkers=esr1, treatments=[PALBOCICLIB, second_line("elacestrant")])
    abema = option(p, "abemaciclib")
    assert "abemaciclib_alone_before_chemotherapy" in codes(abema)
    assert abema.tier is Tier.LATER and rank(p, "chemotherapy") < rank(p, "abemaciclib")
    after = plan(her2="low", biomarkers=esr1, treatments=[PALBOCICLIB, CAPECITABINE])
    assert "abemaciclib_alone_before_chemotherapy" not in codes(option(after, "abemaciclib"))


def test_an_aromatase_inhibitor_before_the_menopause_without_suppression_is_asked_about() -> None:
    """Case 390 (MINOR, close to MAJOR; a gap left open until now): a perimenopausal woman's
    first line paired letrozole with ribociclib and no ovarian suppression is on record. Before
    the menopause an aromatase inhibitor needs it (the ovaries' estrogen escapes it), so the
    plan asks to confirm it was given: without it the progression may not be the endocrine
    resistance the options read. With goserelin in the course, or after the menopause, it
    does not ask."""
    ribo = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])
    p = plan(menopausal_status="perimenopausal", biomarkers=NEGATIVE, treatments=[ribo])
    [ask] = [a for a in p.actions if a.code == "confirm_ovarian_suppression"]
    assert ask.rule == 63 and "letrozole" in ask.text
    with_ofs = dict(ribo, drugs=["ribociclib", "letrozole", "goserelin"])
    q = plan(menopausal_status="perimenopausal", biomarkers=NEGATIVE, treatments=[with_ofs])
    assert not any(a.code == "confirm_ovarian_suppression" for a in q.actions)
    post = plan(menopausal_status="postmenopausal", biomarkers=NEGATIVE, treatments=[ribo])
    assert not any(a.code == "confirm_ovarian_suppression" for a in post.actions)


def test_a_man_is_not_asked_about_ovarian_suppression() -> None:
    """The menopausal status does not apply to a man (one given beside sex 'male' is refused
    since case 1103's variant: ``test_board_fixes_1052``): his aromatase inhibitor needs a GnRH
    agonist (rule 40's male caution), and neither rule 40's ovarian-suppression caution nor
    rule 63's question speaks for him."""
    man = dict(PALBOCICLIB, drugs=["palbociclib", "letrozole"])
    p = plan(
        sex="male",
        schema_version=2,
        menopausal_status="unknown",
        biomarkers=NEGATIVE,
        treatments=[man],
    )
    assert not any(a.code == "confirm_ovarian_suppression" for a in p.actions)
    assert not any(c.code == "ovarian_suppression_needed" for o in p.options for c in o.cautions)
    assert any(c.code == "gnrh_agonist_needed" for c in option(p, "everolimus+exemestane").cautions)


def test_an_approval_known_only_from_secondary_reports_says_so() -> None:
    """Case 399 (MINOR): vepdegestrant's FDA approval (1 May 2026) is graded V-2nd in
    update-2026.md (secondary reports only), yet the plans stated 'FDA 2026-05-01' as plainly
    as imlunestrant's, which the FDA's own record verifies. Wherever a plan names the approval
    (the since-review section, the ESR1 reason), a secondary-only one says so; a verified one
    does not."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    older = plan(biomarkers=esr1, treatments=[PALBOCICLIB])
    said = {a for e in older.since_review for a in e.approvals}
    assert "Vepdegestrant: FDA 2026-05-01, secondary source" in said
    assert "Imlunestrant: FDA 2025-09-25" in said
    newer = practice(biomarkers=esr1, treatments=[PALBOCICLIB])
    said_for = {
        rid: " ".join(r.text for r in option(newer, rid).reasons)
        for rid in ("vepdegestrant", "imlunestrant")
    }
    assert "(FDA 2026-05-01, secondary source)" in said_for["vepdegestrant"]
    assert "(FDA 2025-09-25)" in said_for["imlunestrant"]


def test_tdxd_left_out_for_lung_disease_says_its_label_has_no_contraindication() -> None:
    """Case 396 (MINOR): with interstitial lung disease on record trastuzumab deruxtecan was
    left out as 'contraindicated', quoting DESTINY-Breast04's ILD figures, as if its label said
    so. Its US label lists no contraindication and warns of ILD in a boxed warning: the text
    says the exclusion is resistx's (rule 12), as alpelisib's with diabetes does; the same
    for datopotamab deruxtecan (practice-2026), whose label warns of ILD too (not boxed)."""
    lungs = patient(
        her2="low",
        comorbidities=["interstitial_lung_disease"],
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    p = resistx.sequence(lungs)
    text = " ".join(r.text for r in exclusion(p, "trastuzumab-deruxtecan").reasons)
    assert "12.1%" in text and "DESTINY-Breast04" in text
    assert "left out by resistx (rule 12), not by its label" in text and "Enhertu" in text
    newer = resistx.sequence(lungs, policy=PRACTICE)
    dato = " ".join(r.text for r in exclusion(newer, "datopotamab-deruxtecan").reasons)
    assert "not by its label" in dato and "Datroway" in dato


def test_the_text_plan_shows_the_newer_policys_esr1_reason_beside_the_reviews() -> None:
    """Case 392 (MINOR): with ESR1 and PIK3CA both mutated after 26 months on palbociclib, the
    practice-2026 text showed elacestrant's 8.6-month post hoc subgroup and the review's 'oral
    SERDs are preferred' but not rule 28's reason beside it: the approval and the subgroup of
    PIK3CA co-mutated patients that matches her (5.5 vs 1.9 months), which the plan held. The
    why of an oral SERD now shows both."""
    both = [
        result("ESR1", "mutated"),
        result("PIK3CA", "mutated"),
        *(r for r in NEGATIVE if r["gene"] not in ("ESR1", "PIK3CA")),
    ]
    long = dict(PALBOCICLIB, started_on="2023-01-01", ended_on="2025-03-20")
    text = practice(biomarkers=both, treatments=[long]).to_text()
    block = text.split("Elacestrant  [")[1].split("\n  2.")[0]
    assert (
        "Within that subgroup, its PIK3CA-mutated patients, as this patient is: median PFS 5.5 vs 1.9 months"
        in " ".join(block.split())
    )


def test_the_parp_trials_the_review_does_not_name_are_said_to_be_unnamed() -> None:
    """Cases 397 to 401 (MINOR): 'EMBRACA, review ref 75' credited the review with naming a
    trial it cites only by number (it names no talazoparib trial). Every reason that names
    OlympiAD or EMBRACA says the review does not name them."""
    brca2 = [result("BRCA2", "mutated", origin="germline"), *NEGATIVE]
    for p in (
        plan(biomarkers=brca2, treatments=[PALBOCICLIB]),
        practice(biomarkers=brca2, treatments=[PALBOCICLIB]),
    ):
        reasons = [r for o in p.options for r in o.reasons]
        reasons += [r for e in p.excluded for r in e.reasons]
        naming = [r.text for r in reasons if "EMBRACA" in r.text or "OlympiAD" in r.text]
        assert naming
        for text in naming:
            assert "not named in the review" in text, text


def test_what_the_review_does_not_say_is_not_credited_to_it() -> None:
    """Cases 397 to 401 (MINOR): 'chemotherapy comes first' in a visceral crisis and ovarian
    suppression 'as the review's trials required' read as the review's words; it says only that
    a CDK4/6 inhibitor with endocrine therapy is for disease without visceral crisis, and
    nothing of ovarian suppression. The reasons, cautions and notes say whose they are."""
    crisis = plan(visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [lead] = [r for r in option(crisis, "chemotherapy").reasons if r.rule == 7]
    assert "not the review" in lead.text
    pre = plan(menopausal_status="premenopausal", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    said = [
        c.text for o in pre.options for c in o.cautions if c.code == "ovarian_suppression_needed"
    ]
    said += [n for n in pre.notes if "ovarian function suppression" in n]
    assert said
    for text in said:
        assert "the review's trials" not in text, text
    assert any("not in the review" in t for t in said)


def test_postmonarch_figures_do_not_score_outside_its_population() -> None:
    """Case 393 (MINOR, practice-2026): in her sixth line, after fulvestrant and chemotherapy,
    abemaciclib + fulvestrant still scored postMONARCH's HR 0.73 without a word that she was
    far outside it (one line, a CDK4/6 inhibitor with an aromatase inhibitor, no other therapy
    for advanced disease). As MAINTAIN's (case 377), its figures speak only for its population:
    outside it the efficacy says there are none for her; inside it they score."""
    after_chemo = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    efficacy = [
        r
        for r in option(after_chemo, "abemaciclib+fulvestrant").reasons
        if r.factor.value == "efficacy"
    ]
    assert [r.code for r in efficacy] == ["no_direct_evidence"]
    inside = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    efficacy = [
        r for r in option(inside, "abemaciclib+fulvestrant").reasons if r.factor.value == "efficacy"
    ]
    assert [r.code for r in efficacy] == ["randomised_benefit"]
    assert "postMONARCH" in efficacy[0].trials


def test_no_switch_benefit_after_toxicity_once_another_cdk46i_has_progressed() -> None:
    """Case 408 (MAJOR, both policies): ribociclib stopped for neutropenia after two months,
    then palbociclib with letrozole for 14 months to progression. Abemaciclib + fulvestrant
    gained 'ribociclib was stopped for toxicity, not progression: switching to another CDK4/6
    inhibitor keeps the CDK4/6-inhibitor benefit', which is false: the disease has progressed
    on a CDK4/6 inhibitor since. The switch speaks only while no CDK4/6 inhibitor has been
    progressed on; the toxicity's cautions stay."""
    ribo = dict(
        stopped_for("neutropenia", ["ribociclib", "letrozole"], "2022-10-01", "2022-12-01"), line=1
    )
    for p in (
        plan(biomarkers=NEGATIVE, treatments=[ribo, PALBOCICLIB]),
        practice(biomarkers=NEGATIVE, treatments=[ribo, PALBOCICLIB]),
    ):
        abema = option(p, "abemaciclib+fulvestrant")
        assert "switch_cdk46i_after_toxicity" not in codes(abema)
        assert "cdk46i_class_toxicity" in {c.code for c in abema.cautions}
    alone = plan(biomarkers=NEGATIVE, treatments=[ribo])
    assert "switch_cdk46i_after_toxicity" in codes(option(alone, "abemaciclib+fulvestrant"))


def test_an_esr1_negative_on_tissue_only_asks_for_a_ctdna_test_under_practice_2026() -> None:
    """Case 411 (MAJOR, practice-2026): ESR1 'not detected' on a tissue biopsy only, and the
    approved oral SERDs left out with nothing asked. ASCO's 2023 ESR1 rapid update
    (update-2026.md section 14) tests ESR1 at each progression, ctDNA preferred: one biopsy can
    miss a subclonal mutation. The plan asks for a ctDNA ESR1 test before choosing; not after a
    ctDNA ESR1 negative, nor with an ESR1 mutation on record. The recheck: under ye2024 too (a
    mutation would make elacestrant preferred there), saying the advice is not the review's."""
    tissue = [on_tissue(r) for r in NEGATIVE]
    newer = practice(biomarkers=tissue, treatments=[PALBOCICLIB])
    [ask] = [a for a in newer.actions if a.code == "esr1_ctdna"]
    assert ask.rule == 64 and ask.before_choosing and ask.genes == ("ESR1",)
    assert "ASCO" in ask.text
    # the recheck (MINOR): the oral SERDs' exclusion no longer reads as settled beside it
    left = " ".join(r.text for r in exclusion(newer, "elacestrant").reasons)
    assert "on tissue only: a ctDNA test is asked too (rule 64)" in left
    older = plan(biomarkers=tissue, treatments=[PALBOCICLIB])  # the recheck: ye2024 too
    [asked] = [a for a in older.actions if a.code == "esr1_ctdna"]
    assert asked.before_choosing and "not in the review" in asked.text
    ctdna = [dict(tissue[0], sample="ctdna"), *tissue[1:]]
    assert not any(
        a.code == "esr1_ctdna" for a in practice(biomarkers=ctdna, treatments=[PALBOCICLIB]).actions
    )
    mutated = [dict(tissue[0], status="mutated"), *tissue[1:]]
    assert not any(
        a.code == "esr1_ctdna"
        for a in practice(biomarkers=mutated, treatments=[PALBOCICLIB]).actions
    )
    # after progression on an oral SERD the answer would open nothing new
    after_serd = [PALBOCICLIB, dict(second_line("elacestrant"), ended_on="2026-03-01")]
    retested = [dict(r, tested_on="2026-03-20") for r in tissue]
    assert not any(
        a.code == "esr1_ctdna" for a in practice(biomarkers=retested, treatments=after_serd).actions
    )


def test_a_plan_says_how_the_patients_preferences_were_weighed() -> None:
    """Case 411 (MAJOR, ye2024): made with quality of life first and cost-sensitive, the plan
    still preferred chemotherapy alone and nothing in it showed the preferences were used.
    Rule 14 weighs them among options of similar merit; the tier comes from the clinical merit
    (the review's Discussion prefers chemotherapy and ADCs without a target), and the plan now
    says both. A balanced plan says nothing of it."""
    p = resistx.sequence(
        patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
        {"priority": "quality_of_life", "cost_sensitive": True},
    )
    [said] = [n for n in p.notes if n.startswith("Preferences")]
    assert "quality of life first" in said and "cost-sensitive" in said
    assert "(rule 14)" in said and "tier" in said
    balanced = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert not [n for n in balanced.notes if n.startswith("Preferences")]


def test_her2_ultralow_after_chemotherapy_is_within_the_tdxd_approval() -> None:
    """Case 403 (MAJOR, practice-2026): HER2-ultralow after two chemotherapy lines, and the
    plan said only a HER2-low reading 'would open' trastuzumab deruxtecan, ranking it a later
    option. Its FDA approval (27 Jan 2025; update-2026.md section 6) covers HER2-low or
    -ultralow disease after 1 or more endocrine lines, with no limit on chemotherapy: the
    reason says she is within it though neither trial enrolled her, and it may be an
    alternative (not preferred: the evidence for her is indirect). The IHC question no longer
    says a HER2-low reading would open it, and the HER2 0 question no longer puts 'before
    chemotherapy' in the approval."""
    two = [PALBOCICLIB, CAPECITABINE, dict(CAPECITABINE, drugs=["paclitaxel"], line=3)]
    p = practice(her2="ultralow", biomarkers=NEGATIVE, treatments=two)
    tdxd = option(p, "trastuzumab-deruxtecan")
    [reason] = [r for r in tdxd.reasons if r.code == "her2_ultralow_after_chemotherapy"]
    assert "within its approval" in reason.text and "FDA 2025-01-27" in reason.text
    assert tdxd.tier in (Tier.ALTERNATIVE, Tier.LATER)
    assert tdxd.tier is Tier.ALTERNATIVE or "at best an alternative" in reason.text
    assert tdxd.tier is Tier.ALTERNATIVE  # on its label: no longer held to a later option
    [ask] = [a for a in p.actions if a.code == "confirm_her2_zero"]
    assert "would open" not in ask.text and "DESTINY-Breast04's population" in ask.text
    zero = practice(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [reread] = [a for a in zero.actions if a.code == "reread_her2_ultralow"]
    assert "covers HER2-ultralow disease after endocrine therapy, before chemotherapy" not in (
        reread.text
    )


def test_a_visceral_crisis_not_on_record_is_not_asserted_absent() -> None:
    """Case 405 (MAJOR, practice-2026): ECOG 3, 30 months on palbociclib, nothing actionable,
    no visceral crisis in the profile; the reasons said 'no visceral crisis' as a fact and
    ranked fulvestrant first. resistx reads a crisis not given as none (the contract's
    default), so the reasons say 'no visceral crisis on record', and at ECOG 3 or worse the
    note asks whether the decline comes from visceral disease, which would put chemotherapy
    first (rule 7)."""
    p = practice(ecog=3, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    said = [
        r.text for o in p.options for r in o.reasons if r.code.startswith("endocrine_sensitive")
    ]
    assert said and all("no visceral crisis)" not in t for t in said)
    assert any("no visceral crisis on record" in t for t in said)
    [note] = [n for n in p.notes if n.startswith("ECOG 3")]
    assert "visceral" in note and "(rule 7)" in note
    crisis = practice(ecog=3, visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [note] = [n for n in crisis.notes if n.startswith("ECOG 3")]
    assert "No visceral crisis is on record" not in note


def test_a_line_with_a_course_without_the_cdk46i_is_outside_postmonarch() -> None:
    """postMONARCH enrolled no other therapy for advanced disease: a course without a CDK4/6
    inhibitor recorded within the same first line (exemestane alone after palbociclib with
    letrozole) puts the patient outside it, for rule 37 and for its figures alike (a mutant
    that read only the number of lines survived the other tests)."""
    switched = [PALBOCICLIB, dict(second_line("exemestane"), line=1)]
    abema = option(practice(biomarkers=NEGATIVE, treatments=switched), "abemaciclib+fulvestrant")
    assert "outside_postmonarch_population" in codes(abema)
    assert [r.code for r in abema.reasons if r.factor.value == "efficacy"] == ["no_direct_evidence"]


def test_under_the_review_an_oral_serd_alone_waits_on_a_current_esr1_result() -> None:
    """Case 422 (MAJOR, ye2024): ESR1 not detected on a test taken before the latest
    progression, and elacestrant ranked second, above chemotherapy, without saying it waits on
    the test that decides it; practice-2026 marked it as waiting. The review prefers an oral
    SERD for ESR1-mutated disease only: with no current ESR1 result an oral SERD alone waits on
    one under both policies, below every option that does not wait; with a current negative it
    does not wait (it is simply not preferred)."""
    stale = [result("ESR1", "not_detected", tested_on="2024-01-10"), *NEGATIVE[1:]]
    p = plan(her2="low", biomarkers=stale, treatments=[PALBOCICLIB, CAPECITABINE])
    ela = option(p, "elacestrant")
    assert ela.waits_on == ("ESR1",)
    assert all(o.waits_on or o.rank < ela.rank for o in p.options if o.tier is not Tier.TRIAL)
    untested = plan(her2="low", treatments=[PALBOCICLIB, CAPECITABINE])
    assert option(untested, "elacestrant").waits_on[:1] == ("ESR1",)
    current = plan(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert option(current, "elacestrant").waits_on == ()


def test_tdxd_that_stopped_for_pneumonitis_is_left_out_naming_that_course_and_its_label() -> None:
    """Case 422 (MAJOR, both policies): trastuzumab deruxtecan had been stopped for
    pneumonitis, ILD was on the comorbidity list, and its exclusion said only that a clinician
    might weigh it with a chest physician. It now names the course the lung disease stopped
    and what the label says of a rechallenge (stopped for good after grade 2 or worse)."""
    tdxd = dict(
        stopped_for("pneumonitis", ["trastuzumab deruxtecan"], "2025-10-15", "2026-03-01"), line=3
    )
    for comorbidities in (["interstitial_lung_disease"], []):
        lungs = patient(
            her2="low",
            comorbidities=comorbidities,
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE, tdxd],
        )
        for p in (resistx.sequence(lungs), resistx.sequence(lungs, policy=PRACTICE)):
            text = " ".join(r.text for r in exclusion(p, "trastuzumab-deruxtecan").reasons)
            assert "(it stopped trastuzumab deruxtecan)" in text, text
            assert "grade 2 or worse" in text and "chest physician" not in text, text


def test_datopotamab_deruxtecan_is_not_said_to_carry_a_boxed_warning() -> None:
    """Case 422 (MINOR, practice-2026): Datroway's US label warns of interstitial lung disease
    among its warnings and precautions, with no boxed warning (Enhertu's is boxed)."""
    lungs = patient(
        her2="low",
        comorbidities=["interstitial_lung_disease"],
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    p = resistx.sequence(lungs, policy=PRACTICE)
    dato = " ".join(r.text for r in exclusion(p, "datopotamab-deruxtecan").reasons)
    assert "boxed" not in dato and "warnings and precautions" in dato
    tdxd = " ".join(r.text for r in exclusion(p, "trastuzumab-deruxtecan").reasons)
    assert "boxed warning" in tdxd


def test_without_cdk46i_resistance_an_oral_serd_alone_is_at_best_an_alternative() -> None:
    """Case 423 (MAJOR, practice-2026): ribociclib was stopped for QT prolongation after a
    month and letrozole went on alone to progression; with an ESR1 mutation, elacestrant and
    vepdegestrant alone were preferred beside a CDK4/6 inhibitor with fulvestrant, though the
    plan's own reason said the CDK4/6 inhibitor comes first. Without CDK4/6-inhibitor
    resistance, an endocrine regimen without one is at best an alternative (rule 19), under
    both policies; a CDK4/6 inhibitor with fulvestrant stays preferred."""
    qt = dict(
        stopped_for("QT prolongation", ["ribociclib", "letrozole"], "2025-01-01", "2025-02-01")
    )
    letrozole = dict(
        PALBOCICLIB, drugs=["letrozole"], started_on="2025-02-01", ended_on="2026-03-01"
    )
    esr1 = [result("ESR1", "mutated", variant="Y537S"), *NEGATIVE[1:]]
    profile = patient(biomarkers=esr1, treatments=[qt, letrozole], comorbidities=["qtc_prolonged"])
    for p in (resistx.sequence(profile), resistx.sequence(profile, policy=PRACTICE)):
        assert tier(p, "abemaciclib+fulvestrant") == "preferred"
        for rid in ("elacestrant", "vepdegestrant", "fulvestrant"):
            if any(o.regimen.id == rid for o in p.options):
                assert tier(p, rid) != "preferred", (p.policy.name, rid)
                assert "cdk46i_first" in codes(option(p, rid)), (p.policy.name, rid)


def test_at_ecog_2_in_a_visceral_crisis_chemotherapy_is_not_said_to_be_weighed_against() -> None:
    """Case 426 (MINOR, both policies): in a visceral crisis at ECOG 2 the preferred
    chemotherapy read 'an intensive regimen, which the reduced performance status weighs
    against', when a decline from the crisis is a reason to treat it. Its reason says that
    chemotherapy answers the crisis, as a single agent chosen for the performance status."""
    crisis = plan(ecog=2, visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    chemo = option(crisis, "chemotherapy")
    said = " ".join(r.text for r in chemo.reasons)
    assert "weighs against" not in said and "answers the crisis" in said, said
    assert chemo.rank == 1
    calm = plan(ecog=2, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert "reduced_performance_status_intensive" in codes(option(calm, "chemotherapy"))


def test_a_man_on_a_gnrh_agonist_is_told_its_place_beside_fulvestrant_is_open() -> None:
    """Case 425 (MINOR, both policies): a man given leuprolide with abemaciclib + anastrozole
    was told to continue it with an aromatase inhibitor, and nothing about fulvestrant, the
    partner of his preferred option; 'menopausal status does not apply' could read as 'stop
    it'. The note says whether to go on with it beside fulvestrant or an oral SERD is the
    clinician's call, the evidence in men being sparse."""
    course = dict(PALBOCICLIB, drugs=["abemaciclib", "anastrozole", "leuprolide"])
    p = plan(sex="male", schema_version=2, biomarkers=NEGATIVE, treatments=[course])
    [note] = [n for n in p.notes if n.startswith("Male patient")]
    assert "fulvestrant or an oral SERD" in note and "leuprolide" in note, note
    assert "clinician" in note, note


def test_the_since_review_section_names_an_option_the_newer_policy_makes_an_alternative() -> None:
    """Cases 417-420 (MAJOR, ye2024): the since-review section named only what practice-2026
    leaves out or prefers. Trastuzumab deruxtecan for HER2-low disease before any chemotherapy,
    a later option under the review (DESTINY-Breast04 enrolled after 1-2 lines), is an
    alternative before chemotherapy under practice-2026 (DESTINY-Breast06, FDA 2025-01-27):
    the section now says so, with the trial behind it. A regimen of the newer evidence only
    that is an alternative there is named too; an option later under both is not. (Since case
    461, trastuzumab deruxtecan is a later option there too for this patient, whose PIK3CA
    target comes first; abemaciclib + fulvestrant, an alternative there on postMONARCH, is
    the example.)"""
    pik3ca = [result("PIK3CA", "mutated", variant="E545K"), *NEGATIVE[:1], *NEGATIVE[2:]]
    p = plan(her2="low", biomarkers=pik3ca, treatments=[PALBOCICLIB])
    newer = practice(her2="low", biomarkers=pik3ca, treatments=[PALBOCICLIB])
    assert tier(p, "abemaciclib+fulvestrant") == "later"
    assert tier(newer, "abemaciclib+fulvestrant") == "alternative"
    [abema] = [s for s in p.since_review if s.regimen == "abemaciclib+fulvestrant"]
    assert "is an alternative" in abema.text and "a later option here" in abema.text, abema.text
    assert "postMONARCH" in abema.trials
    later_both = {
        o.regimen.id
        for o in p.options
        if o.tier is Tier.LATER
        and newer.option(o.regimen.id) is not None
        and newer.option(o.regimen.id).tier is Tier.LATER  # type: ignore[union-attr]
    }
    assert later_both and not later_both & {s.regimen for s in p.since_review}
    # an alternative under both policies is no news either
    alternative_both = {
        o.regimen.id
        for o in p.options
        if o.tier is Tier.ALTERNATIVE and tier(newer, o.regimen.id) == "alternative"
    }
    assert alternative_both and not alternative_both & {s.regimen for s in p.since_review}


def test_within_destiny_breast04s_population_chemotherapy_is_at_best_an_alternative() -> None:
    """Case 418 (MINOR, both policies): HER2-low after one chemotherapy line, nothing else to
    target; trastuzumab deruxtecan and chemotherapy were both preferred, though chemotherapy
    was the arm trastuzumab deruxtecan beat in DESTINY-Breast04, as chemotherapy's own evidence
    line said. Within that population chemotherapy is at best an alternative to it (rule 65),
    as it is to a PARP inhibitor for germline BRCA1/2 (rule 44); not where interstitial lung
    disease leaves trastuzumab deruxtecan out, not after progression on it, not in a visceral
    crisis (chemotherapy first, rule 7), and not after three or more chemotherapy lines."""
    treated = [PALBOCICLIB, CAPECITABINE]
    for policy in (None, PRACTICE):
        p = resistx.sequence(
            patient(her2="low", biomarkers=NEGATIVE, treatments=treated), policy=policy
        )
        assert tier(p, "trastuzumab-deruxtecan") == "preferred"
        chemo = option(p, "chemotherapy")
        assert chemo.tier is Tier.ALTERNATIVE and "chemotherapy_after_tdxd" in codes(chemo)
        assert next(r for r in chemo.reasons if r.code == "chemotherapy_after_tdxd").rule == 65
    lungs = plan(
        her2="low",
        comorbidities=["interstitial_lung_disease"],
        biomarkers=NEGATIVE,
        treatments=treated,
    )
    assert "chemotherapy_after_tdxd" not in codes(option(lungs, "chemotherapy"))
    tdxd = dict(
        PALBOCICLIB,
        drugs=["trastuzumab deruxtecan"],
        line=3,
        started_on="2025-10-15",
        ended_on="2026-03-01",
    )
    after = plan(her2="low", biomarkers=NEGATIVE, treatments=[*treated, tdxd])
    assert "chemotherapy_after_tdxd" not in codes(option(after, "chemotherapy"))
    crisis = plan(her2="low", visceral_crisis=True, biomarkers=NEGATIVE, treatments=treated)
    assert "chemotherapy_after_tdxd" not in codes(option(crisis, "chemotherapy"))
    three = [
        PALBOCICLIB,
        CAPECITABINE,
        dict(ERIBULIN, line=3),
        dict(
            ERIBULIN, line=4, drugs=["paclitaxel"], started_on="2026-03-25", ended_on="2026-04-25"
        ),
    ]
    many = plan(her2="low", biomarkers=NEGATIVE, treatments=three)
    assert "chemotherapy_after_tdxd" not in codes(option(many, "chemotherapy"))


def test_under_practice_2026_the_her2_test_names_the_approval_before_chemotherapy() -> None:
    """Case 421 (MINOR, practice-2026): HER2 never tested, no chemotherapy; the action to test
    it said HER2-low 'opens trastuzumab deruxtecan (DESTINY-Breast04)', a trial of patients
    after chemotherapy, while the plan's own option named DESTINY-Breast06 and the approval
    (FDA 2025-01-27, HER2-low or ultralow after an endocrine line). Under practice-2026 the
    action asks for an ultralow reading and names both trials and the approval; under the
    review it keeps DESTINY-Breast04, the review's."""
    newer = practice(her2="unknown", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [ask] = [a for a in newer.actions if "Test HER2" in a.text]
    assert "ultralow" in ask.text and "DESTINY-Breast06" in ask.text, ask.text
    assert "FDA 2025-01-27" in ask.text, ask.text
    older = plan(her2="unknown", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [said] = [a for a in older.actions if "Test HER2" in a.text]
    assert "DESTINY-Breast06" not in said.text and "DESTINY-Breast04" in said.text


def test_an_esr1_negative_with_no_endocrine_therapy_since_stays_current() -> None:
    """Case 422 (MINOR, both policies): ESR1 not detected in ctDNA nine days before progression
    on eribulin, with no endocrine therapy for two years: the plan asked to test ESR1 again,
    and held the oral SERDs on it. ESR1 mutations are acquired under endocrine therapy: a
    negative with no endocrine therapy given since stays current after a later progression;
    one taken while endocrine therapy went on to progression does not."""
    treated = [PALBOCICLIB, CAPECITABINE, ERIBULIN]
    quiet = [result("ESR1", "not_detected", tested_on="2026-03-01"), *NEGATIVE[1:]]
    for p in (
        plan(biomarkers=quiet, treatments=treated),
        practice(biomarkers=quiet, treatments=treated),
    ):
        assert not any("ESR1" in a.genes for a in p.actions if a.code == "retest"), p.actions
        assert "ESR1" not in {w for o in p.options for w in o.waits_on}
    during = [result("ESR1", "not_detected", tested_on="2025-03-01"), *NEGATIVE[1:]]
    q = plan(biomarkers=during, treatments=treated)
    assert any("ESR1" in a.genes for a in q.actions if a.code == "retest"), q.actions


#: case 429: palbociclib + letrozole, fulvestrant alone, then everolimus + exemestane
AFTER_EVEROLIMUS_EXEMESTANE = [
    PALBOCICLIB,
    dict(FULVESTRANT, ended_on="2025-09-01"),
    dict(
        second_line("everolimus", "exemestane"),
        line=3,
        started_on="2025-09-10",
        ended_on="2026-03-20",
    ),
]


def test_the_why_shows_a_drug_progressed_on_before_even_where_another_reason_leads() -> None:
    """Case 429 (MAJOR, both policies): after palbociclib + letrozole, fulvestrant alone and
    everolimus + exemestane, abemaciclib + fulvestrant and ribociclib + exemestane were shown
    with endocrine resistance (rule 22) as their only why: that she had progressed on
    fulvestrant (rule 11), and that ribociclib + exemestane is outside MAINTAIN's population
    (rule 8), were in the plan's reasons but not in the why the text and HTML plans show."""
    lines = AFTER_EVEROLIMUS_EXEMESTANE
    for p in (
        plan(biomarkers=NEGATIVE, treatments=lines),
        practice(biomarkers=NEGATIVE, treatments=lines),
    ):
        said = why(option(p, "abemaciclib+fulvestrant"))
        assert "Progressed on fulvestrant before" in said, said
        assert "MAINTAIN" in why(option(p, "ribociclib+exemestane"))


def test_the_parp_inhibitors_reason_says_their_gain_was_in_progression_free_survival() -> None:
    """Case 427 (MINOR, both policies): 'each PARP inhibitor did better than chemotherapy'
    beside trastuzumab deruxtecan, whose trial gained overall survival too: OlympiAD and
    EMBRACA gained progression-free survival, with no significant overall-survival difference
    (their reports; not in the review)."""
    brca = [*NEGATIVE, result("BRCA1", "mutated", origin="germline", sample="blood")]
    p = plan(biomarkers=brca, treatments=[PALBOCICLIB, CAPECITABINE])
    [said] = [
        r.text
        for r in option(p, "olaparib").reasons
        if r.code == "germline_brca_parp_before_chemotherapy"
    ]
    assert "progression-free survival" in said and "overall survival" in said, said


def test_a_pi3k_or_akt_inhibitor_asks_for_a_glucose_check_before_starting() -> None:
    """Case 430 (MINOR, both policies): capivasertib and alpelisib were offered with no word on
    blood glucose for a patient without diabetes on record; their labels ask for fasting glucose
    and HbA1c before starting. A caution says so (rule 67); with diabetes on record rule 12's
    caution says it (and more), and this one is not repeated."""
    akt1 = [result("AKT1", "mutated"), *NEGATIVE[:1], *NEGATIVE[1:2], *NEGATIVE[3:]]
    for p in (
        plan(biomarkers=akt1, treatments=[PALBOCICLIB]),
        practice(biomarkers=akt1, treatments=[PALBOCICLIB]),
    ):
        [c] = [
            c
            for c in option(p, "capivasertib+fulvestrant").cautions
            if c.code == "glucose_before_starting"
        ]
        assert c.rule == 67 and "HbA1c" in c.text
        assert not any(
            c.code == "glucose_before_starting" for c in option(p, "fulvestrant").cautions
        )
    sugar = plan(biomarkers=akt1, treatments=[PALBOCICLIB], comorbidities=["diabetes"])
    assert not any(
        c.code == "glucose_before_starting"
        for c in option(sugar, "capivasertib+fulvestrant").cautions
    )


def test_elacestrants_approval_is_said_with_the_population_its_label_names() -> None:
    """Case 428 (MINOR, practice-2026): a premenopausal patient read 'Elacestrant is approved
    for ESR1-mutated disease'; its US label is for postmenopausal women and men, which the
    reason now says (rule 40's caution says she is outside it)."""
    esr1 = [result("ESR1", "mutated", variant="D538G"), *NEGATIVE[1:]]
    p = practice(menopausal_status="premenopausal", biomarkers=esr1, treatments=[PALBOCICLIB])
    said = " ".join(r.text for r in option(p, "elacestrant").reasons)
    assert "postmenopausal women and men" in said, said


def test_the_since_review_section_names_an_option_waiting_on_a_test_that_newer_rules_place() -> (
    None
):
    """Case 421 and its recheck (MAJOR, ye2024): HER2, ESR1 and the PI3K pathway never tested,
    every option later; the since-review section was empty, though under practice-2026 a
    HER2-low or ultralow result would put trastuzumab deruxtecan before chemotherapy
    (DESTINY-Breast06) and an ESR1 mutation would open imlunestrant and vepdegestrant. The
    section names each option that waits on a test under practice-2026 where a rule of that
    policy places it (or that this plan does not hold); an option that waits under both for
    the same reasons (olaparib on BRCA1/2) is not named."""
    abema = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])
    p = plan(her2="unknown", treatments=[abema])
    entries = {s.regimen: s for s in p.since_review}
    tdxd = entries["trastuzumab-deruxtecan"]
    assert "waits on HER2 IHC" in tdxd.text and "DESTINY-Breast06" in tdxd.trials, tdxd
    assert "waits on ESR1" in entries["imlunestrant"].text
    assert "olaparib" not in entries


def test_datopotamab_deruxtecan_after_lung_disease_on_trastuzumab_deruxtecan_is_not_weighed() -> (
    None
):
    """Case 422's recheck (MINOR, close to MAJOR, practice-2026): with pneumonitis that stopped
    trastuzumab deruxtecan, datopotamab deruxtecan's exclusion still invited a clinician to
    weigh it with a chest physician; it carries the same deruxtecan payload, which the text
    now says in place of the invitation."""
    tdxd = dict(
        stopped_for("pneumonitis", ["trastuzumab deruxtecan"], "2025-10-15", "2026-03-01"), line=3
    )
    lungs = patient(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd])
    p = resistx.sequence(lungs, policy=PRACTICE)
    text = " ".join(r.text for r in exclusion(p, "datopotamab-deruxtecan").reasons)
    assert "payload" in text and "chest physician" not in text, text
    # the other way round, and the drug itself: neither is weighed as a new drug
    dato = dict(tdxd, drugs=["datopotamab deruxtecan"])
    q = practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, dato])
    for rid in ("trastuzumab-deruxtecan", "datopotamab-deruxtecan"):
        said = " ".join(r.text for r in exclusion(q, rid).reasons)
        assert "chest physician" not in said and "(it stopped datopotamab" in said, said
        assert "same payload" in said and "stops it for good" not in said, said


def test_at_ecog_2_in_a_visceral_crisis_an_adc_is_not_said_to_be_weighed_against() -> None:
    """Case 426's recheck (MINOR): the ECOG 2 wording fixed for chemotherapy in a crisis stayed
    on trastuzumab deruxtecan and the other ADCs; in a crisis their reason says the decline may
    come from the disease, with the agent and dose chosen for the performance status."""
    crisis = plan(
        her2="low", ecog=2, visceral_crisis=True, biomarkers=NEGATIVE, treatments=[PALBOCICLIB]
    )
    said = " ".join(r.text for r in option(crisis, "trastuzumab-deruxtecan").reasons)
    assert "weighs against" not in said and "visceral crisis" in said, said


def test_sacituzumab_govitecan_with_hepatic_impairment_says_what_its_label_says() -> None:
    """Case 426 (MINOR): with hepatic impairment sacituzumab govitecan had no liver caution
    while other options had their labels' instructions; its US label gives no starting dose in
    moderate or severe hepatic impairment, where its safety is not established."""
    liver = plan(
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
    )
    said = [
        c.text
        for c in option(liver, "sacituzumab-govitecan").cautions
        if c.code == "hepatic_impairment_caution"
    ]
    assert said and "starting dose" in said[0], said


def test_a_her2_0_patient_before_chemotherapy_is_told_an_ultralow_reading_would_change_things() -> (
    None
):
    """Cases 439 and 429's recheck (MAJOR, ye2024): HER2 0, no chemotherapy, within
    DESTINY-Breast06's entry; practice-2026 leaves trastuzumab deruxtecan out but asks whether
    the IHC 0 is ultralow, and the default plan's since-review section said nothing, while it
    preferred chemotherapy. Trastuzumab deruxtecan's exclusion under practice-2026 says an
    ultralow reading would open it, and the default plan's since-review section names that
    exclusion, which rests on a rule the review's policy does not have."""
    short = dict(PALBOCICLIB, started_on="2024-10-20", ended_on="2025-03-01")
    p = plan(her2="0", biomarkers=NEGATIVE, treatments=[short])
    newer = practice(her2="0", biomarkers=NEGATIVE, treatments=[short])
    said = " ".join(r.text for r in exclusion(newer, "trastuzumab-deruxtecan").reasons)
    assert "HER2-ultralow or HER2-low reading" in said and "would open it" in said, said
    [entry] = [s for s in p.since_review if s.regimen == "trastuzumab-deruxtecan"]
    assert "left out too" in entry.text and "HER2-ultralow or HER2-low reading" in entry.text, (
        entry.text
    )
    assert "DESTINY-Breast06" in entry.trials
    after_chemo = practice(her2="0", biomarkers=NEGATIVE, treatments=[short, CAPECITABINE])
    text = " ".join(r.text for r in exclusion(after_chemo, "trastuzumab-deruxtecan").reasons)
    assert "ultralow reading" not in text
    older = plan(her2="0", biomarkers=NEGATIVE, treatments=[short, CAPECITABINE])
    assert "trastuzumab-deruxtecan" not in {s.regimen for s in older.since_review}


def test_an_aromatase_inhibitor_progressed_on_is_flagged_when_a_regimen_gives_it_again() -> None:
    """Case 429's recheck (MAJOR, both policies): after progression on everolimus +
    exemestane, ribociclib + exemestane was the first endocrine option with no word that she
    had just progressed on exemestane (rule 11 read no aromatase inhibitor as used up); and
    capivasertib + fulvestrant, flagged for everolimus's class, did not say she had progressed
    on fulvestrant too. Rule 11 now names an aromatase inhibitor progressed on, given again,
    as it names fulvestrant, and names such a partner beside a class reason."""
    lines = AFTER_EVEROLIMUS_EXEMESTANE
    for p in (
        plan(biomarkers=NEGATIVE, treatments=lines),
        practice(biomarkers=NEGATIVE, treatments=lines),
    ):
        ribo = " ".join(r.text for r in option(p, "ribociclib+exemestane").reasons)
        assert "Progressed on exemestane before" in ribo, ribo
        assert "exemestane" in why(option(p, "ribociclib+exemestane"))
        if p.option("capivasertib+fulvestrant") is not None:
            capi = " ".join(r.text for r in option(p, "capivasertib+fulvestrant").reasons)
            assert "fulvestrant" in capi.split("Progressed on everolimus")[1], capi
    letrozole_only = plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    ribo = " ".join(r.text for r in option(letrozole_only, "ribociclib+exemestane").reasons)
    assert "Progressed on exemestane" not in ribo and "Progressed on letrozole" not in ribo


def test_within_destiny_breast06s_entry_chemotherapy_is_at_best_an_alternative() -> None:
    """Case 441 (MINOR, practice-2026): HER2-low, two endocrine lines, no chemotherapy:
    trastuzumab deruxtecan and chemotherapy were both preferred, though chemotherapy was the
    arm trastuzumab deruxtecan beat in DESTINY-Breast06. Under practice-2026, within that
    trial's entry chemotherapy is at best an alternative (rule 68); the review's policy does not
    know the trial and keeps its own order."""
    lines = [PALBOCICLIB, FULVESTRANT]
    newer = practice(her2="low", biomarkers=NEGATIVE, treatments=lines)
    assert tier(newer, "trastuzumab-deruxtecan") == "preferred"
    chemo = option(newer, "chemotherapy")
    assert chemo.tier is not Tier.PREFERRED and "chemotherapy_after_tdxd_db06" in codes(chemo)
    assert next(r for r in chemo.reasons if r.code == "chemotherapy_after_tdxd_db06").rule == 68
    older = plan(her2="low", biomarkers=NEGATIVE, treatments=lines)
    assert "chemotherapy_after_tdxd_db06" not in codes(option(older, "chemotherapy"))
    crisis = practice(her2="low", visceral_crisis=True, biomarkers=NEGATIVE, treatments=lines)
    assert "chemotherapy_after_tdxd_db06" not in codes(option(crisis, "chemotherapy"))
    one_line = practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert "chemotherapy_after_tdxd_db06" not in codes(option(one_line, "chemotherapy"))


PIK3CA_TISSUE = [
    result("PIK3CA", "mutated", sample="tissue", variant="H1047R"),
    result("AKT1", "not_detected", sample="tissue"),
    result("PTEN", "not_detected", sample="tissue"),
]


def test_with_no_endocrine_therapy_on_record_a_pathway_inhibitor_is_at_best_a_later_option() -> (
    None
):
    """Case 443 (MAJOR, both policies): with no treatment on record, capivasertib and alpelisib
    with fulvestrant were alternatives for a PIK3CA mutation, though CAPItello-291 enrolled
    progression on an aromatase inhibitor, SOLAR-1 acquired resistance to endocrine therapy and
    BOLERO-2 progression on a nonsteroidal aromatase inhibitor. With no endocrine therapy on
    record, in any setting, a PI3K, AKT or mTOR inhibitor with endocrine therapy is at best a
    later option (rule 69); a CDK4/6 inhibitor with endocrine therapy stays preferred."""
    adjuvant_chemotherapy = adjuvant(
        ["doxorubicin", "cyclophosphamide"], "2021-01-10", "2021-04-10"
    )
    for treatments in ([], [adjuvant_chemotherapy]):
        for p in (
            plan(biomarkers=PIK3CA_TISSUE, treatments=treatments),
            practice(biomarkers=PIK3CA_TISSUE, treatments=treatments),
        ):
            for rid in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
                o = option(p, rid)
                assert o.tier is Tier.LATER, (rid, o.tier)
                said = next(r for r in o.reasons if r.code == "pathway_before_endocrine_therapy")
                assert said.rule == 69 and "CAPItello-291" in said.text, said.text
                assert said.text in why(o)  # the recheck: the plan's text showed rule 19's only
            # (with fulvestrant, palbociclib is outside its label before any endocrine
            # therapy: rule 99, case 771)
            assert tier(p, "palbociclib+letrozole") == "preferred"
    letrozole = adjuvant(["letrozole"], "2019-01-10", "2024-01-10")
    treated = plan(biomarkers=PIK3CA_TISSUE, treatments=[letrozole])
    assert "pathway_before_endocrine_therapy" not in codes(
        option(treated, "capivasertib+fulvestrant")
    )


ESR1_MUTATED = [
    result("ESR1", "mutated", variant="D538G"),
    *(result(g, "not_detected") for g in ("PIK3CA", "AKT1", "PTEN")),
]


def test_imlunestrant_after_fulvestrant_or_chemotherapy_says_ember3s_limits_are_unknown() -> None:
    """Case 446 (MAJOR, practice-2026): after alpelisib + fulvestrant and a chemotherapy line,
    imlunestrant was preferred on EMBER-3's figures while vepdegestrant was a later option for
    the same history (VERITAC-2 enrolled no one after fulvestrant or chemotherapy). The sources
    give EMBER-3's population as progression on or after an aromatase inhibitor, with or without
    a CDK4/6 inhibitor, and say nothing of earlier fulvestrant or chemotherapy: imlunestrant
    says so and is at best an alternative there (rule 35); elacestrant, whose trial the patient
    fits, stays preferred."""
    for lines in (
        [PALBOCICLIB, second_line("alpelisib", "fulvestrant")],
        [PALBOCICLIB, second_line("capecitabine")],
    ):
        p = practice(biomarkers=ESR1_MUTATED, treatments=lines)
        o = option(p, "imlunestrant")
        assert o.tier is not Tier.PREFERRED, lines
        said = next(r for r in o.reasons if r.code == "ember3_earlier_lines_unknown")
        assert said.rule == 35 and "EMBER-3" in said.text, said.text
        assert tier(p, "elacestrant") == "preferred"
    first = practice(biomarkers=ESR1_MUTATED, treatments=[PALBOCICLIB])
    assert tier(first, "imlunestrant") == "preferred"
    assert "ember3_earlier_lines_unknown" not in codes(option(first, "imlunestrant"))


def test_after_first_line_palbociclib_with_nothing_actionable_the_maintain_switch_is_an_alternative() -> (
    None
):
    """Case 445 (MAJOR, ye2024): after 20 months of first-line palbociclib + letrozole, with ESR1
    and the PI3K pathway tested negative, chemotherapy was the one preferred option and every
    endocrine option a later one, ribociclib + fulvestrant too. The review prefers chemotherapy
    and ADCs without a definite target, but also finds it reasonable to continue a CDK4/6
    inhibitor at progression, especially after first-line palbociclib (MAINTAIN's
    palbociclib-pretreated HR 0.58): the switch is an alternative beside the chemotherapy that
    stays first (rule 6). After first-line abemaciclib it is not; after a short course neither."""
    p = plan(ecog=0, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    assert p.options[0].regimen.id == "chemotherapy" and tier(p, "chemotherapy") == "preferred"
    switch = option(p, "ribociclib+fulvestrant")
    assert switch.tier is Tier.ALTERNATIVE, switch.tier
    said = next(r for r in switch.reasons if r.code == "no_actionable_alteration_cdk46i_switch")
    assert said.rule == 6 and "first-line palbociclib" in said.text, said.text
    abemaciclib = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])
    other = plan(ecog=0, biomarkers=NEGATIVE, treatments=[abemaciclib])
    assert "no_actionable_alteration_cdk46i_switch" not in codes(
        option(other, "ribociclib+fulvestrant")
    )
    short = plan(ecog=0, biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    assert tier(short, "ribociclib+fulvestrant") == "later"
    # a CDK4/6-inhibitor resistance mechanism on record (CCNE1 amplified): no exception
    ccne1 = plan(
        ecog=0, biomarkers=[*NEGATIVE, result("CCNE1", "amplified")], treatments=[PALBOCICLIB]
    )
    assert "no_actionable_alteration_cdk46i_switch" not in codes(
        option(ccne1, "ribociclib+fulvestrant")
    )
    # outside MAINTAIN's population (two chemotherapy lines) rule 6 holds it back as before
    outside = plan(ecog=0, biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    assert "no_actionable_alteration_cdk46i_switch" not in codes(
        option(outside, "ribociclib+fulvestrant")
    )


def test_at_ecog_3_an_investigational_regimen_comes_after_every_approved_option() -> None:
    """Case 445's fix, read again: at ECOG 3 the other options now come after endocrine
    monotherapy as a hard step (rule 13), and camizestrant, an investigational endocrine
    monotherapy, then stood above approved CDK4/6-inhibitor regimens. Trials of new agents
    usually enrol ECOG 0-1: an investigational regimen goes with trial enrolment, after every
    approved option, with its reason."""
    for p in (
        plan(ecog=3, biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
        practice(ecog=3, biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
    ):
        # ... that does not wait on a test: a waiting option comes after every option that
        # does not, a trial's too (rules 2, 3; alpelisib on ctDNA-only negatives, case 477)
        approved = [o.rank for o in p.options if o.tier is not Tier.TRIAL and not o.waits_on]
        camizestrant = option(p, "camizestrant")
        assert camizestrant.rank > max(approved), [o.regimen.id for o in p.options]
        assert "poor_performance_status_trial" in codes(camizestrant)
        first = p.options[0]
        assert kinds.is_endocrine_monotherapy(first.regimen), first.regimen.id
        mono = [  # not an oral SERD outside its label: after the others (9647)
            o.rank
            for o in p.options
            if kinds.is_endocrine_monotherapy(o.regimen)
            and o.tier is not Tier.TRIAL
            and "poor_performance_status_outside_label" not in codes(o)
        ]
        combos = [o.rank for o in p.options if "poor_performance_status_more_toxic" in codes(o)]
        assert combos and max(mono) < min(combos), [o.regimen.id for o in p.options]


def test_talazoparib_waiting_on_the_hrd_tests_names_its_own_evidence() -> None:
    """Cases 443 and 451 (MINOR, both policies): with BRCA1, BRCA2 and PALB2 untested,
    talazoparib's reason said a somatic BRCA1/2 mutation would open it (TBCRC 048), though
    TBCRC 048 tested olaparib and resistx leaves talazoparib out on a somatic finding alone.
    Its reason names germline BRCA1/2 (EMBRACA) and germline PALB2 by class; olaparib's keeps
    TBCRC 048."""
    for p in (plan(biomarkers=NEGATIVE), practice(biomarkers=NEGATIVE)):
        tala = next(r for r in option(p, "talazoparib").reasons if r.code == "hrd_untested")
        assert "somatic" not in tala.text and "EMBRACA" in tala.text, tala.text
        ola = next(r for r in option(p, "olaparib").reasons if r.code == "hrd_untested")
        assert "somatic BRCA1/2" in ola.text and "TBCRC 048" in ola.text


def test_her2_0_after_chemotherapy_leaves_trastuzumab_deruxtecan_out_on_destiny_breast04() -> None:
    """Case 448 (MINOR, practice-2026): HER2 0 after a chemotherapy line, trastuzumab
    deruxtecan was left out because 'DESTINY-Breast06 enrolled HER2-low and -ultralow disease
    only', a trial that enrolled no one after chemotherapy, which reads as if an ultralow
    reading would open it. After chemotherapy the exclusion names DESTINY-Breast04's HER2-low
    population first; before chemotherapy it stays DESTINY-Breast06's (rule 29)."""
    after = practice(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    [why_out] = exclusion(after, "trastuzumab-deruxtecan").reasons
    assert why_out.rule == 29 and why_out.trials[0] == "DESTINY-Breast04", why_out.trials
    assert "DESTINY-Breast04" in why_out.text and "HER2-low disease only" in why_out.text
    before = practice(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    [why_before] = exclusion(before, "trastuzumab-deruxtecan").reasons
    assert why_before.trials == ("DESTINY-Breast06",)


def test_a_retest_gives_the_reason_of_the_genes_it_asks_for() -> None:
    """Cases 442 and 447 (MINOR, both policies): after a chemotherapy line the plan asked to
    test PIK3CA, AKT1 and PTEN again 'because ESR1 mutations and PI3K-AKT-mTOR alterations are
    acquired under treatment', though it did not ask for ESR1 (its negative stays current: no
    endocrine course since). The reason now speaks of the genes asked for only."""
    earlier = [
        result(g, "not_detected", tested_on="2025-03-25")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    # ESR1 tested during capecitabine, the course that has just progressed: it stays current
    # (an ESR1 negative from before that course is asked again: cases 551 and 563)
    during = [result("ESR1", "not_detected", tested_on="2025-09-01"), *earlier[1:]]
    p = plan(biomarkers=during, treatments=[PALBOCICLIB, CAPECITABINE])
    [ask] = [a for a in p.actions if a.code == "retest"]
    assert "ESR1" not in ask.genes and "ESR1" not in ask.text, ask.text
    assert "PI3K" in ask.text
    both = plan(biomarkers=earlier, treatments=[PALBOCICLIB, FULVESTRANT])
    [ask] = [a for a in both.actions if a.code == "retest"]
    assert "ESR1" in ask.genes and "ESR1 mutations" in ask.text and "PI3K" in ask.text


def test_the_targeted_line_rule_58_puts_first_comes_before_tdxd_after_fulvestrant_too() -> None:
    """Case 461 (MAJOR, practice-2026): HER2-low, PIK3CA mutated, one line of abemaciclib +
    fulvestrant: trastuzumab deruxtecan ranked first though its own reason said the targeted
    endocrine line comes first; capivasertib + fulvestrant, which gives fulvestrant again,
    stood lower on its total. Rule 58 now makes trastuzumab deruxtecan at best a later option
    there, so the order says what the reason says."""
    pik3ca = [result("PIK3CA", "mutated", variant="E542K"), *NEGATIVE[::2], NEGATIVE[3]]
    first = dict(PALBOCICLIB, drugs=["abemaciclib", "fulvestrant"])
    p = practice(her2="low", biomarkers=pik3ca, treatments=[first])
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert "endocrine_target_before_tdxd" in codes(tdxd)
    assert rank(p, "capivasertib+fulvestrant") < tdxd.rank, [o.regimen.id for o in p.options]
    assert tdxd.tier is Tier.LATER


def test_a_relapse_during_adjuvant_cdk46i_is_not_read_as_endocrine_sensitive_disease() -> None:
    """Case 459 (MAJOR, practice-2026): relapse during adjuvant abemaciclib + letrozole, after
    14 months of it, was called 'endocrine-sensitive disease (12 months or more on a CDK4/6
    inhibitor)' (rule 32), which put fulvestrant alone first. An adjuvant course that relapsed
    measures no sensitivity, however long: 12 months or more counts on courses for metastatic
    disease only (``Facts.metastatic_cdk46i_months``)."""
    relapse = adjuvant(["abemaciclib", "letrozole"], "2025-02-01", "2026-04-01", "progression")
    p = practice(biomarkers=NEGATIVE, treatments=[relapse])
    assert not any("endocrine_sensitive" in r.code for o in p.options for r in o.reasons)
    assert p.options[0].regimen.id == "chemotherapy"
    metastatic = dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])
    sensitive = practice(biomarkers=NEGATIVE, treatments=[metastatic])
    assert any(
        r.code == "endocrine_sensitive_endocrine_first"
        for o in sensitive.options
        for r in o.reasons
    )


def test_bradycardia_makes_ribociclib_a_relative_contraindication_as_cardiac_disease_does() -> None:
    """Case 456 (MAJOR, both policies): with symptomatic bradycardia on record, ribociclib +
    fulvestrant was an alternative with only the generic QT caution. Ribociclib's label asks to
    avoid it in patients at significant risk of QTc prolongation, bradyarrhythmias among them:
    bradycardia on record is a relative contraindication (rule 12), as cardiac disease is:
    at best a later option, after every option without such a risk, with a caution naming it."""
    for p in (
        plan(comorbidities=["bradycardia"], biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
        practice(comorbidities=["bradycardia"], biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
    ):
        ribo = option(p, "ribociclib+fulvestrant")
        assert ribo.tier is Tier.LATER and "relative_contraindication" in codes(ribo)
        assert any(c.code == "bradycardia_caution" for c in ribo.cautions), ribo.cautions
        # after every option without such a risk that does not wait on a test
        free = [
            o.rank
            for o in p.options
            if "relative_contraindication" not in codes(o) and not o.waits_on
        ]
        assert ribo.rank > max(free)
    abema = option(
        plan(comorbidities=["bradycardia"], biomarkers=NEGATIVE), "abemaciclib+fulvestrant"
    )
    assert "relative_contraindication" not in codes(abema)


def test_an_esr1_mutation_then_only_a_ctdna_negative_leaves_esr1_to_a_retest() -> None:
    """Case 458 (MAJOR, both policies): ESR1 D538G on tissue, then 'not detected' on ctDNA
    after progression on letrozole: the later negative stood ('ESR1 changes under treatment'),
    so practice-2026 left the oral SERDs out and ye2024 put chemotherapy first. A ctDNA
    negative after an ESR1 mutation can be a tumour that sheds little: neither result stands,
    the oral SERDs wait on ESR1, the note says why, and the plan asks for the test that would
    resolve it (tissue, or ctDNA with a known tumour fraction). A later tissue negative still
    stands (rule 21)."""
    old = result("ESR1", "mutated", sample="tissue", variant="D538G", tested_on="2023-05-01")
    later = [result("ESR1", "not_detected", tested_on="2026-04-10"), *NEGATIVE[1:]]
    for p in (
        plan(biomarkers=[old, *later], treatments=[PALBOCICLIB]),
        practice(biomarkers=[old, *later], treatments=[PALBOCICLIB]),
    ):
        elacestrant = option(p, "elacestrant")
        assert elacestrant.waits_on == ("ESR1",), elacestrant.waits_on
        assert any("neither is kept" in n and "ESR1" in n for n in p.notes), p.notes
        assert any(a.code == "resolve_conflict" and a.genes == ("ESR1",) for a in p.actions)
        assert not any(a.code == "retest" and "ESR1" in a.genes for a in p.actions)
    tissue = [result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-10")]
    kept = practice(biomarkers=[old, *tissue, *NEGATIVE[1:]], treatments=[PALBOCICLIB])
    assert "elacestrant" in {e.regimen.id for e in kept.excluded}


def test_a_parp_inhibitor_with_cytopenia_on_record_says_to_start_once_counts_recover() -> None:
    """Case 457 (MAJOR, both policies): germline BRCA2, cytopenia on record, no chemotherapy:
    the PARP inhibitors' cautions said only that they 'cause anaemia and other cytopenias' and
    to start 'once earlier chemotherapy's blood toxicity has recovered', chemotherapy she never
    had; and olaparib's label reason said talazoparib's label asks for no prior chemotherapy,
    true of its US label only. The cytopenia caution asks for its cause and counts recovered to
    grade 1 or better before starting; the blood-count caution speaks of earlier treatment; the
    label reason names talazoparib's EU label."""
    brca2 = [result("BRCA2", "mutated", origin="germline", sample="blood"), *NEGATIVE]
    for p in (
        plan(comorbidities=["cytopenia"], biomarkers=brca2, treatments=[PALBOCICLIB]),
        practice(comorbidities=["cytopenia"], biomarkers=brca2, treatments=[PALBOCICLIB]),
    ):
        for rid in ("olaparib", "talazoparib"):
            texts = [c.text for c in option(p, rid).cautions]
            assert any("grade 1 or better" in t and "cause" in t for t in texts), texts
            assert not any("earlier chemotherapy" in t for t in texts), texts
        label = next(
            r
            for r in option(p, "olaparib").reasons
            if r.code == "olaparib_label_prior_chemotherapy"
        )
        assert "EU label" in label.text.split("talazoparib")[1], label.text


def test_the_reviews_two_readings_after_first_line_palbociclib_are_a_recorded_discrepancy() -> None:
    """Cases 445 and 454 (MAJOR in review, both rechecks): with nothing actionable after long
    first-line palbociclib, the review's Discussion prefers chemotherapy and ADCs while its
    section on continuing CDK4/6 inhibitors finds continuation reasonable, especially after
    first-line palbociclib. ye2024 keeps both (chemotherapy first, MAINTAIN's switch an
    alternative); the contradiction is recorded in the evidence, quoting both sentences, and
    rule 6's reason on the switch says it is one."""
    eb = resistx.evidence()
    [d] = [x for x in eb.discrepancies if x.trial == "MAINTAIN" and "Discussion" in x.field]
    assert any("should be preferred considered" in r for r in d.readings), d.readings
    assert any("It may be reasonable to continue CDK4/6is" in r for r in d.readings), d.readings
    p = plan(ecog=0, biomarkers=NEGATIVE, treatments=[PALBOCICLIB])
    said = next(
        r
        for r in option(p, "ribociclib+fulvestrant").reasons
        if r.code == "no_actionable_alteration_cdk46i_switch"
    )
    assert "recorded discrepancy" in said.text, said.text


def test_with_no_aromatase_inhibitor_on_record_a_cdk46i_with_one_comes_first() -> None:
    """Case 468 (MAJOR, both policies): with no treatment on record, the three CDK4/6-inhibitor
    + fulvestrant regimens were preferred and ribociclib + exemestane, the table's only CDK4/6
    inhibitor with an aromatase inhibitor (the review's first-line standard: PALOMA-2,
    MONALEESA-2, MONARCH-3), came after chemotherapy. It now comes first, its reason quoting the
    review's first-line figures and saying which aromatase inhibitors those trials gave; every
    CDK4/6-inhibitor regimen comes before chemotherapy. With an aromatase inhibitor on record,
    the fulvestrant combinations keep the lead."""
    naive: dict[str, Any] = {"biomarkers": NEGATIVE, "treatments": []}
    for p in (plan(**naive), practice(**naive)):
        first = p.options[0]  # one with letrozole, the first-line trials' (case 483's recheck)
        assert first.regimen.id.endswith("+letrozole"), [o.regimen.id for o in p.options]
        assert first.tier is Tier.PREFERRED
        [r] = [r for r in first.reasons if r.code == "cdk46i_ai_first_line"]
        assert {"PALOMA-2", "MONALEESA-2", "MONARCH-3"} <= set(r.trials), r.trials
        assert "25-28 months" in r.text and "0.54-0.58" in r.text, r.text
        assert "letrozole or anastrozole" in r.text, r.text
        cdk46i = [
            o.rank
            for o in p.options
            if resistx.DrugClass.CDK46_INHIBITOR in o.regimen.drug_classes
            and len(o.regimen.drugs) > 1  # with endocrine therapy (abemaciclib alone: MONARCH-1)
            and o.tier is not Tier.TRIAL
        ]
        assert max(cdk46i) < rank(p, "chemotherapy"), [o.regimen.id for o in p.options]
        for rid in ("palbociclib+fulvestrant", "ribociclib+fulvestrant"):
            why = next(r for r in option(p, rid).reasons if r.code == "cdk46i_naive_first")
            assert "a regimen this table does not hold" not in why.text, why.text
        # the evidence line names the first-line trials, not a setting after a CDK4/6 inhibitor
        assert "cdk46i_naive_ai_partner" in codes(first), codes(first)
        # TRINITI-1's triplet is not the first-line standard: its trial enrolled after a
        # CDK4/6 inhibitor, so without one it is left out (rule 52, since case 487)
        [triplet] = exclusion(p, "ribociclib+everolimus+exemestane").reasons
        assert triplet.rule == 52
        # nor is a first-line trial said to have paired a triplet with an aromatase inhibitor
        # (recheck of case 468: gedatolisib's triplet has none)
        for o in p.options:
            if len(o.regimen.drugs) > 2:
                assert not any("first-line trials" in r.text for r in o.reasons), o.regimen.id
    # relapse during adjuvant letrozole: resistant to it, the fulvestrant combinations lead
    letrozole = adjuvant(["letrozole"], "2021-01-01", "2026-01-01", stop="progression")
    after_ai = plan(biomarkers=NEGATIVE, treatments=[letrozole])
    assert "cdk46i_ai_first_line" not in codes(option(after_ai, "ribociclib+exemestane"))
    assert after_ai.options[0].regimen.id.endswith("+fulvestrant")


def test_relapse_long_after_an_adjuvant_aromatase_inhibitor_keeps_the_first_line_standard() -> None:
    """Case 483 (MAJOR, both policies): relapse more than 5 years after completing adjuvant
    anastrozole, no CDK4/6 inhibitor: the fulvestrant combinations were preferred for 'after an
    aromatase inhibitor' and ribociclib + exemestane came after chemotherapy. The first-line
    trials enrolled (neo)adjuvant aromatase inhibitors with a disease-free interval of more than
    12 months: a CDK4/6 inhibitor with one comes first. Within 12 months of its end, it does
    not."""
    kw: dict[str, Any] = {"as_of": "2026-11-15", "biomarkers": NEGATIVE}
    long_ago = adjuvant(["anastrozole"], "2016-01-01", "2021-01-01")
    for p in (plan(treatments=[long_ago], **kw), practice(treatments=[long_ago], **kw)):
        first = p.options[0]  # a CDK4/6 inhibitor with letrozole (the recheck's fix)
        assert first.regimen.id.endswith("+letrozole"), [o.regimen.id for o in p.options]
        assert "cdk46i_ai_first_line" in codes(first)
        why = next(
            r
            for r in option(p, "palbociclib+fulvestrant").reasons
            if r.code == "cdk46i_naive_first"
        )
        assert "doubled median PFS" not in why.text, why.text
    recent = adjuvant(["anastrozole"], "2021-03-01", "2026-03-01")
    p = plan(treatments=[recent], **kw)
    assert "cdk46i_ai_first_line" not in codes(option(p, "ribociclib+exemestane"))
    assert p.exclusion("ribociclib+letrozole") is not None  # rule 71


def test_with_no_endocrine_therapy_on_record_an_oral_serd_is_outside_its_trials() -> None:
    """Case 475 (MAJOR, both policies): an untreated woman at ECOG 3 was offered elacestrant
    second (and, under practice-2026, vepdegestrant and imlunestrant next), each waiting on an
    ESR1 result that would make it preferred; every oral SERD trial enrolled disease treated
    before. With no aromatase inhibitor, SERD or SERM on record in any setting, each oral SERD
    regimen of the table is left out as outside its trial's population, naming the trial; an
    endocrine therapy on record lifts the rule."""
    naive: dict[str, Any] = {
        "ecog": 3,
        "her2": "low",
        "menopausal_status": "postmenopausal",
        "comorbidities": ["heart_disease"],
        "treatments": [],
    }
    for p in (plan(**naive), practice(**naive)):
        oral = [
            o.regimen.id for o in p.options if resistx.DrugClass.ORAL_SERD in o.regimen.drug_classes
        ]
        assert all(rid.startswith("trial:") for rid in oral), oral
        for e in p.excluded:
            if resistx.DrugClass.ORAL_SERD in e.regimen.drug_classes:
                [why] = [r for r in e.reasons if r.rule == 70]
                assert why.code == "out_of_population"
                assert why.trials and all(t in why.text for t in why.trials), why.text
                assert "No endocrine therapy on record" in why.text, why.text
        assert 70 in {r.rule for r in exclusion(p, "elacestrant").reasons}
        # the ESR1 and PI3K-pathway results decide the line after endocrine therapy, not this
        # one; at ECOG 3 the germline test is for a later choice too (8962: a germline BRCA2
        # mutation leaves fulvestrant first)
        tests = [a for a in p.actions if a.code == "retest"]  # ESR1's; the pathway's (9275)
        assert tests and not any(t.before_choosing for t in tests)
        assert any("the one after it" in t.text for t in tests), tests
        [hrd] = [a for a in p.actions if a.code == "test_hrd_genes"]
        assert not hrd.before_choosing and "At ECOG 3" in hrd.text
    tamoxifen = adjuvant(["tamoxifen"], "2015-01-01", "2020-01-01")
    treated = plan(**{**naive, "treatments": [tamoxifen]})
    assert treated.option("elacestrant") is not None


def test_a_pathway_negative_on_plasma_alone_leaves_the_pathway_inhibitors_waiting_on_tissue() -> (
    None
):
    """Cases 477 and 481 (MAJOR, practice-2026): PIK3CA, AKT1 and PTEN not detected on ctDNA
    alone, in a draw that found an ESR1 mutation, left capivasertib and alpelisib out as
    'biomarker absent' for the rest of the sequence. Plasma can miss what tissue finds:
    alpelisib's label asks for tissue when plasma finds no PIK3CA mutation, and capivasertib's
    companion test is a tissue test. Each now waits on a tissue test, which the plan asks for
    (not before choosing: the ESR1 mutation decides the next line); a tissue negative still
    leaves them out."""
    esr1 = result("ESR1", "mutated", variant="Y537S")
    plasma = [esr1, *NEGATIVE[1:]]
    for p in (plan(biomarkers=plasma), practice(biomarkers=plasma)):
        alpelisib = option(p, "alpelisib+fulvestrant")
        assert alpelisib.waits_on == ("PIK3CA on tissue",), alpelisib.waits_on
        [ask] = [a for a in p.actions if a.code == "confirm_pathway_tissue"]
        assert not ask.before_choosing and "tumour DNA" in ask.text, ask.text
    capivasertib = option(practice(biomarkers=plasma), "capivasertib+fulvestrant")
    assert capivasertib.waits_on == ("PI3K pathway on tissue",), capivasertib.waits_on
    tissue = [esr1, *(on_tissue(r) for r in NEGATIVE[1:])]
    for p in (plan(biomarkers=tissue), practice(biomarkers=tissue)):
        assert "biomarker_absent" in excluded_for(p, "alpelisib+fulvestrant")
        assert not [a for a in p.actions if a.code == "confirm_pathway_tissue"]
    assert "biomarker_absent" in excluded_for(
        practice(biomarkers=tissue), "capivasertib+fulvestrant"
    )


def test_with_diabetes_on_record_every_pi3k_or_akt_inhibitor_carries_a_glucose_caution() -> None:
    """Case 479 (MAJOR, practice-2026): with diabetes on record the gedatolisib regimens had no
    glucose caution at all, though they carry one without diabetes: the label caution (rule 67)
    stood aside for rule 12's diabetes caution, which knew only alpelisib, capivasertib and
    everolimus. Every regimen with a PI3K or AKT inhibitor now carries one of the two."""
    # PIK3CA mutated: the trials of ipatasertib (an AKT inhibitor rule 12 does not know) too
    pik3ca = [result("PIK3CA", "mutated", sample="tissue"), *TISSUE_PATHWAY_NEGATIVE[2:]]
    for policy in ("ye2024", PRACTICE):
        p = resistx.sequence(
            patient(
                comorbidities=[{"name": "diabetes", "hba1c": 6.8}],
                biomarkers=[result("ESR1", "not_detected"), *pik3ca],
                treatments=[dict(PALBOCICLIB, drugs=["ribociclib", "fulvestrant"])],
            ),
            {"include_trials": True},
            policy=policy,
        )
        pathway = [o for o in p.options if kinds.has_pi3k_or_akt_inhibitor(o.regimen)]
        assert any(o.regimen.is_trial for o in pathway), policy
        for o in pathway:
            glucose = [c for c in o.cautions if {"glucose", "hyperglycemia"} & set(c.text.split())]
            assert glucose, (policy, o.regimen.id, [c.text for c in o.cautions])
    # VIKTORIA-1's hyperglycaemia, from the pack (a secondary source), beside the diabetes
    gedatolisib = option(p, "gedatolisib+fulvestrant")
    said = [c for c in gedatolisib.cautions if c.code == "diabetes_caution"]
    assert said and "11.5%" in said[0].text and "VIKTORIA-1" in said[0].trials, said


def test_chemotherapy_with_hepatic_impairment_is_a_single_agent_chosen_for_the_liver() -> None:
    """Case 485 (MAJOR, ye2024): at ECOG 2 with Child-Pugh B, chemotherapy was preferred with
    the caution 'many cytotoxics need dose adjustment', which leaves a combination, or
    docetaxel with a raised bilirubin, open. The caution now asks for a single agent chosen and
    dosed for liver function, naming the labels that ask for care."""
    p = plan(
        ecog=2,
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
        biomarkers=TISSUE_PATHWAY_NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    [said] = [
        c for c in option(p, "chemotherapy").cautions if c.code == "hepatic_impairment_caution"
    ]
    assert "single agent" in said.text and "docetaxel" in said.text, said.text


def test_after_an_oral_serd_palbociclib_with_fulvestrant_steps_back_as_fulvestrant_does() -> None:
    """Case 486 (MAJOR, both policies): after ribociclib, then elacestrant (3 months), then
    trastuzumab deruxtecan, palbociclib + fulvestrant ranked first, though its own reason says
    that in PACE, after a CDK4/6 inhibitor, palbociclib added nothing to fulvestrant, and
    fulvestrant alone steps back after an oral SERD (rule 11). After a CDK4/6 inhibitor it is
    read as fulvestrant alone there too, and comes after chemotherapy."""
    kw: dict[str, Any] = {
        "her2": "low",
        "biomarkers": [result("ESR1", "mutated", tested_on="2024-09-01"), *NEGATIVE[1:]],
        "treatments": [
            dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"]),
            dict(FULVESTRANT, drugs=["elacestrant"], ended_on="2025-07-01"),
            dict(
                FULVESTRANT,
                drugs=["trastuzumab deruxtecan"],
                line=3,
                started_on="2025-07-10",
                ended_on="2026-04-01",
            ),
        ],
    }
    for p in (plan(**kw), practice(**kw)):
        palbo = option(p, "palbociclib+fulvestrant")
        [said] = [r for r in palbo.reasons if r.code == "same_class_after_progression"]
        assert "elacestrant" in said.text and "PACE" in said.text, said.text
        assert rank(p, "chemotherapy") < palbo.rank, [o.regimen.id for o in p.options]
    # palbociclib + fulvestrant with no CDK4/6 inhibitor before: PACE does not speak
    naive = plan(biomarkers=NEGATIVE, treatments=[dict(FULVESTRANT, drugs=["elacestrant"], line=1)])
    assert "same_class_after_progression" not in codes(option(naive, "palbociclib+fulvestrant"))


def test_an_endocrine_sensitive_first_line_patient_is_offered_a_cdk46i_with_letrozole_first() -> (
    None
):
    """Case 483 (recheck, MAJOR, both policies): relapse years after an adjuvant aromatase
    inhibitor, no CDK4/6 inhibitor: the table held no CDK4/6 inhibitor with a nonsteroidal
    aromatase inhibitor, the regimens of the first-line trials the review names, so ribociclib
    + exemestane stood for them. The table now holds each CDK4/6 inhibitor with letrozole; one
    comes first, ribociclib + exemestane after them. After progression on a CDK4/6 inhibitor
    they are left out as outside the first-line trials' population."""
    kw: dict[str, Any] = {"as_of": "2026-11-15", "biomarkers": TISSUE_PATHWAY_NEGATIVE}
    long_ago = adjuvant(["anastrozole"], "2016-01-01", "2021-01-01")
    nsai = ("abemaciclib+letrozole", "palbociclib+letrozole", "ribociclib+letrozole")
    for p in (plan(treatments=[long_ago], **kw), practice(treatments=[long_ago], **kw)):
        assert p.options[0].regimen.id in nsai, [o.regimen.id for o in p.options]
        for rid in nsai:
            o = option(p, rid)
            assert o.tier is Tier.PREFERRED and "cdk46i_ai_first_line" in codes(o), rid
            assert o.rank < rank(p, "ribociclib+exemestane"), rid
    for p in (
        plan(biomarkers=TISSUE_PATHWAY_NEGATIVE),
        practice(biomarkers=TISSUE_PATHWAY_NEGATIVE),
    ):
        for rid in nsai:  # palbociclib + letrozole is also the course progressed on (rule 11)
            [said] = [r for r in exclusion(p, rid).reasons if r.rule == 71]
            assert said.code == "out_of_population" and "PALOMA-2" in said.text, said.text
