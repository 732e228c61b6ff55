"""Scenario tests for the findings of the blind reviews of cases 502-521 and their rechecks
(each seen failing before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

import resistx
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    FULVESTRANT,
    NEGATIVE,
    PALBOCICLIB,
    on_tissue,
    option,
    patient,
    rank,
    result,
    stopped_for,
)

CCNE1_AMPLIFIED = result("CCNE1", "amplified")
RB1_LOST = result("RB1", "mutated", variant="R320*")
CDK2_TRIALS = ("trial:NCT03519178", "trial:NCT04553133", "trial:NCT05262400")


def _rb1(*extra: dict[str, object], policy: str = "ye2024") -> resistx.Plan:
    """After palbociclib, nothing actionable, CCNE1 amplified (case 506)."""
    biomarkers = [*NEGATIVE, CCNE1_AMPLIFIED, *extra]
    return resistx.sequence(patient(biomarkers=biomarkers, treatments=[PALBOCICLIB]), policy=policy)


def test_with_rb1_loss_a_cdk2_inhibitor_trial_steps_back_behind_the_approved_options() -> None:
    for policy in ("ye2024", "practice-2026"):
        kept, lost = _rb1(policy=policy), _rb1(RB1_LOST, policy=policy)
        for trial in CDK2_TRIALS:
            assert rank(kept, trial) < rank(kept, "sacituzumab-govitecan"), (policy, trial)
            assert rank(lost, trial) > rank(lost, "sacituzumab-govitecan"), (policy, trial)
            assert rank(lost, trial) > rank(lost, "fulvestrant"), (policy, trial)
            said = [c for c in option(lost, trial).cautions if c.rule == 74]
            assert said and "RB1 loss" in said[0].text, (policy, trial)
            assert not [c for c in option(kept, trial).cautions if c.rule == 74]


def test_with_rb1_loss_a_trial_with_a_cdk46i_arm_is_not_left_out_but_steps_back() -> None:
    """VELA tests BLU-222 alone and with ribociclib: the trial asks its own eligibility."""
    lost = _rb1(RB1_LOST)
    vela = option(lost, "trial:NCT05252416")
    assert [c for c in vela.cautions if c.rule == 74]
    assert vela.rank > rank(lost, "fulvestrant")
    assert lost.exclusion("ribociclib+fulvestrant") is not None


NINE_MONTHS_ABEMACICLIB = dict(
    PALBOCICLIB, drugs=["abemaciclib", "letrozole"], started_on="2025-06-01", ended_on="2026-03-01"
)
ESR1_AND_PIK3CA = [
    result("ESR1", "mutated", variant="Y537S"),
    result("PIK3CA", "mutated", variant="H1047R"),
    result("AKT1", "not_detected"),
    result("PTEN", "not_detected"),
]


def test_under_12_months_on_a_cdk46i_with_pik3ca_too_no_oral_serd_comes_before_capivasertib() -> (
    None
):
    """Case 502: what holds elacestrant back (its benefit lay after 12 months or more on a
    CDK4/6 inhibitor) holds the other oral SERDs back, whose trials report nothing by it."""
    p = resistx.sequence(
        patient(biomarkers=ESR1_AND_PIK3CA, treatments=[NINE_MONTHS_ABEMACICLIB]),
        policy="practice-2026",
    )
    first = rank(p, "capivasertib+fulvestrant")
    for serd in ("elacestrant", "imlunestrant", "vepdegestrant"):
        o = option(p, serd)
        assert o.rank > first, serd
        assert o.tier.value == "alternative", serd
        assert "after the PI3K/AKT-pathway inhibitor" in o.reasons[0].text, serd


def _crisis(ecog: int) -> resistx.Option:
    """Case 504: a visceral crisis after palbociclib, nothing actionable, no chemotherapy."""
    p = resistx.sequence(patient(ecog=ecog, visceral_crisis=True, biomarkers=NEGATIVE))
    assert p.options[0].regimen.id == "chemotherapy"
    return p.options[0]


def test_in_a_visceral_crisis_at_ecog_2_chemotherapy_may_be_a_combination() -> None:
    """Where the disease brought the decline, a fast response is what the crisis asks."""
    (at_2,) = [r.text for r in _crisis(2).reasons if r.rule == 13]
    assert "combination" in at_2
    assert "a single agent, chosen and dosed for the performance status" not in at_2
    (at_3,) = [r.text for r in _crisis(3).reasons if r.rule == 13]
    assert "a single agent" in at_3


def test_without_chemotherapy_for_metastatic_disease_its_evidence_is_second_line_after_a_cdk46i() -> (
    None
):
    """Case 504: TROPiCS-02's control arm had 2-4 chemotherapy lines before; the study of
    second-line therapy after a CDK4/6 inhibitor is this patient's population."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=NEGATIVE), policy=policy)
        evidence = [r for r in option(p, "chemotherapy").reasons if r.rule == 16]
        assert evidence[0].text.startswith("a real-world study of second-line therapy"), policy
        pretreated = resistx.sequence(
            patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]), policy=policy
        )
        evidence = [r for r in option(pretreated, "chemotherapy").reasons if r.rule == 16]
        assert evidence[0].text.startswith("TROPiCS-02"), policy


def _after_capecitabine(policy: str, *comorbidities: object) -> resistx.Plan:
    """Case 505: HER2 0 after palbociclib and capecitabine, nothing actionable."""
    return resistx.sequence(
        patient(
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE],
            comorbidities=list(comorbidities),
        ),
        policy=policy,
    )


def test_a_grade_1_neuropathy_cautions_chemotherapy_without_moving_it() -> None:
    for policy in ("ye2024", "practice-2026"):
        none = option(_after_capecitabine(policy), "chemotherapy")
        grade_1 = option(
            _after_capecitabine(policy, {"name": "neuropathy", "grade": 1}), "chemotherapy"
        )
        said = [c.text for c in grade_1.cautions if c.rule == 12]
        assert said and "neuropathy" in said[0] and "grade 1" in said[0], policy
        assert (grade_1.rank, grade_1.scores) == (none.rank, none.scores), policy
        grade_0 = option(
            _after_capecitabine(policy, {"name": "neuropathy", "grade": 0}), "chemotherapy"
        )
        assert not [c for c in grade_0.cautions if c.rule == 12], policy


def test_after_a_chemotherapy_line_datopotamab_deruxtecan_comes_before_the_chemotherapy_it_beat() -> (
    None
):
    """TROPION-Breast01: a longer PFS than chemotherapy of the physician's choice with half its
    grade 3 or worse adverse events, and the same survival (which its reason says)."""
    p = _after_capecitabine("practice-2026")
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.rank < rank(p, "chemotherapy")
    assert "no overall-survival benefit" in " ".join(r.text for r in dato.reasons)


def test_elacestrant_with_esr1_not_mutated_is_outside_its_label_and_its_overall_result_says_whose() -> (
    None
):
    """Recheck of cases 504-506 (ye2024): EMERALD's overall HR 0.7 includes the ESR1-mutated
    patients, who drew the greater benefit; the US label is for ESR1-mutated disease only."""
    p = resistx.sequence(patient(biomarkers=NEGATIVE))
    ela = option(p, "elacestrant")
    label = [r for r in ela.reasons if r.code == "elacestrant_label_esr1_mutated"]
    assert label and label[0].rule == 75 and "label" in label[0].text
    assert ela.tier.value == "later"
    # as far back as rule 62's abemaciclib alone, also outside its label here
    for other in ("fulvestrant", "everolimus+exemestane", "abemaciclib"):
        assert ela.rank > rank(p, other), other
    evidence = [r.text for r in ela.reasons if r.rule == 16]
    assert "ESR1-mutated among them" in evidence[0]
    mutated = resistx.sequence(patient(biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]]))
    assert not [r for r in option(mutated, "elacestrant").reasons if r.rule == 75]


PTEN_LOST_IN_PLASMA = [
    result("PTEN", "loss", variant="exon 5 deletion"),
    result("ESR1", "not_detected"),
    result("PIK3CA", "not_detected"),
    result("AKT1", "not_detected"),
]


def test_a_pten_loss_on_ctdna_only_makes_capivasertib_wait_on_a_tissue_biopsy() -> None:
    """Case 509: a copy-number loss is the call plasma makes least reliably, and CAPItello-291
    selected its altered population on tumour tissue; a PTEN mutation on ctDNA is no doubt."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=PTEN_LOST_IN_PLASMA), policy=policy)
        capi = option(p, "capivasertib+fulvestrant")
        assert capi.tier.value != "preferred", policy
        assert any("tissue" in w for w in capi.waits_on), (policy, capi.waits_on)
        asked = [a for a in p.actions if a.code == "confirm_ngs"]
        assert asked and "tissue" in asked[0].text and asked[0].before_choosing, policy
        tissue = [on_tissue(r) if r["gene"] == "PTEN" else r for r in PTEN_LOST_IN_PLASMA]
        confirmed = resistx.sequence(patient(biomarkers=tissue), policy=policy)
        assert not option(confirmed, "capivasertib+fulvestrant").waits_on, policy
        mutated = [result("PTEN", "mutated", variant="R130*"), *PTEN_LOST_IN_PLASMA[1:]]
        plasma_mutation = resistx.sequence(patient(biomarkers=mutated), policy=policy)
        assert not option(plasma_mutation, "capivasertib+fulvestrant").waits_on, policy


def test_an_earlier_tissue_pten_loss_confirms_a_later_one_on_ctdna() -> None:
    tissue = result("PTEN", "loss", sample="tissue", tested_on="2024-02-01")
    p = resistx.sequence(patient(biomarkers=[tissue, *PTEN_LOST_IN_PLASMA]))
    assert not option(p, "capivasertib+fulvestrant").waits_on


TISSUE_NEGATIVE = [on_tissue(r) for r in NEGATIVE]
HRD_IN_PLASMA = [result(g, "not_detected") for g in ("BRCA1", "BRCA2", "PALB2")]


def test_a_tumour_test_without_a_brca_mutation_is_no_germline_test() -> None:
    """Case 510: BRCA1/2 and PALB2 'not detected' on ctDNA only. A plasma or tissue tumour test
    is not a germline test; a germline mutation would open a PARP inhibitor, so both wait on
    the germline test, which the plan offers."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=[*NEGATIVE, *HRD_IN_PLASMA]), policy=policy)
        for parp in ("olaparib", "talazoparib"):
            o = option(p, parp)
            assert any("germline" in w for w in o.waits_on), (policy, parp, o.waits_on)
        asked = [a for a in p.actions if a.code == "test_germline"]
        assert asked and "germline" in asked[0].text, policy
        germline = [on_tissue(r, origin="germline", sample="blood") for r in HRD_IN_PLASMA]
        tested = resistx.sequence(patient(biomarkers=[*NEGATIVE, *germline]), policy=policy)
        assert tested.exclusion("talazoparib") is not None, policy
        assert not [a for a in tested.actions if a.code == "test_germline"], policy


def test_every_view_of_a_plan_names_the_conditions_it_did_not_assess() -> None:
    """Case 510: a condition in other_conditions is not weighed by any rule; a clinician reading
    the plan must see that it was not ('COPD on home oxygen' was the case's; since case 3143 a
    comorbidity rules read is refused there, pointing to comorbidities)."""
    copd = "osteoporosis, hypothyroidism on levothyroxine"  # a sarcoidosis is read since 5062
    p = resistx.sequence(patient(schema_version=2, biomarkers=NEGATIVE, other_conditions=[copd]))
    assert p.not_assessed == (copd,)
    for view in (p.to_text(), p.to_markdown(), p._repr_html_()):
        assert copd in view and "not assessed" in view.lower(), view[:200]


TWO_ENDOCRINE_LINES = [PALBOCICLIB, FULVESTRANT]


def test_at_ecog_2_a_patient_is_outside_destiny_breast06s_entry() -> None:
    """Case 510 (practice-2026): DESTINY-Breast06 enrolled ECOG 0-1."""
    asks = []
    for ecog in (1, 2):
        p = resistx.sequence(
            patient(ecog=ecog, biomarkers=NEGATIVE, treatments=TWO_ENDOCRINE_LINES),
            policy="practice-2026",
        )
        [ask] = [a.text for a in p.actions if a.code == "reread_her2_ultralow"]
        asks.append(ask)
    assert "within DESTINY-Breast06's entry" in asks[0]
    assert "outside DESTINY-Breast06's entry" in asks[1] and "ECOG 0-1" in asks[1]
    # at ECOG 1 outside the entry, the lines are what it misses, not the status (case 514)
    one_line = resistx.sequence(patient(ecog=1, biomarkers=NEGATIVE), policy="practice-2026")
    [ask] = [a.text for a in one_line.actions if a.code == "reread_her2_ultralow"]
    assert "outside DESTINY-Breast06's entry" in ask and "ECOG" not in ask


def test_a_chronic_lung_disease_puts_everolimus_after_the_options_without_a_lung_risk() -> None:
    """Case 510: COPD on home oxygen; everolimus's pneumonitis is a relative
    contraindication there, as with interstitial lung disease; the ADCs with a lung warning
    and abemaciclib say so."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(
                schema_version=2,
                comorbidities=["COPD"],
                biomarkers=NEGATIVE,
                treatments=TWO_ENDOCRINE_LINES,
            ),
            policy=policy,
        )
        evero = option(p, "everolimus+exemestane")
        assert evero.tier.value == "later", policy
        assert [r for r in evero.reasons if r.code == "relative_contraindication"], policy
        assert evero.rank > rank(p, "chemotherapy"), policy
        lung = [c for c in option(p, "abemaciclib").cautions if "chronic lung" in c.text]
        assert lung, policy


def test_datopotamab_deruxtecan_carries_its_labels_lung_and_eye_warnings() -> None:
    """Recheck of case 505 and case 510: the pack gives TROPION-Breast01's stomatitis and
    nausea only; its label warns of pneumonitis and ocular surface toxicity."""
    p = resistx.sequence(
        patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]), policy="practice-2026"
    )
    [label] = [c for c in option(p, "datopotamab-deruxtecan").cautions if c.rule == 76]
    assert "pneumonitis" in label.text and "eye" in label.text
    assert not [c for c in option(p, "chemotherapy").cautions if c.rule == 76]


def test_a_tumour_palb2_mutation_asks_for_its_germline_test_once() -> None:
    brca = [
        result(g, "not_detected", origin="germline", sample="blood") for g in ("BRCA1", "BRCA2")
    ]
    p = resistx.sequence(patient(biomarkers=[*NEGATIVE, *brca, result("PALB2", "mutated")]))
    asked = [a for a in p.actions if a.code == "test_germline"]
    assert len(asked) == 1 and asked[0].genes == ("PALB2",)


def test_a_parp_inhibitor_for_germline_palb2_says_it_is_outside_the_us_labels() -> None:
    """Recheck of case 502 (MINOR): the labels are for germline BRCA1/2 mutations."""
    palb2 = result("PALB2", "mutated", origin="germline", sample="blood")
    p = resistx.sequence(patient(biomarkers=[*NEGATIVE, palb2]))
    [said] = [
        r for r in option(p, "olaparib").reasons if r.code == "hrd_mutation_matches_parp_inhibitor"
    ]
    assert "outside" in said.text and "label" in said.text
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    q = resistx.sequence(patient(biomarkers=[*NEGATIVE, brca2]))
    assert not [r for r in option(q, "olaparib").reasons if "outside its US label" in r.text]


def test_under_ye2024_capivasertib_without_a_pathway_alteration_is_outside_its_label() -> None:
    """Recheck of cases 508 and 510: its US label (2023) is for PIK3CA-, AKT1- or PTEN-altered
    tumours; on ctDNA negatives alone it waits on tissue, as alpelisib does."""
    tissue = resistx.sequence(patient(biomarkers=TISSUE_NEGATIVE))
    capi = option(tissue, "capivasertib+fulvestrant")
    [said] = [r for r in capi.reasons if r.rule == 77]
    assert "label" in said.text and capi.tier.value == "later"
    # as far back as the other options outside their labels here (rules 62 and 75)
    for other in ("everolimus+exemestane", "abemaciclib", "elacestrant"):
        assert capi.rank > rank(tissue, other), other
    plasma = resistx.sequence(patient(biomarkers=NEGATIVE))
    assert "PI3K pathway on tissue" in option(plasma, "capivasertib+fulvestrant").waits_on
    practice = resistx.sequence(patient(biomarkers=TISSUE_NEGATIVE), policy="practice-2026")
    assert practice.exclusion("capivasertib+fulvestrant") is not None  # rule 38 speaks there


def test_a_chronic_lung_disease_puts_the_deruxtecan_adcs_after_the_options_without_a_lung_risk() -> (
    None
):
    """Recheck of case 510 (practice-2026): ECOG 2 on home oxygen; datopotamab deruxtecan came
    second. On home oxygen the COPD is severe, recorded so since case 1831 (grade 4): of
    unknown severity the ADCs are at best an alternative until it is known."""
    p = resistx.sequence(
        patient(
            schema_version=2,
            her2="low",
            comorbidities=[{"name": "chronic_lung_disease", "grade": 4}],
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE],
        ),
        policy="practice-2026",
    )
    for adc in ("trastuzumab-deruxtecan", "datopotamab-deruxtecan"):
        o = option(p, adc)
        assert [r for r in o.reasons if r.code == "relative_contraindication"], adc
        assert o.rank > rank(p, "chemotherapy"), adc


def test_the_her2_ultralow_question_names_a_chronic_lung_disease_and_comes_after_choosing() -> None:
    """Recheck of case 510: the question pointed to trastuzumab deruxtecan with no word of her
    lungs; with chronic lung disease it is at best a later option, so the answer changes
    nothing preferred."""
    p = resistx.sequence(
        patient(
            schema_version=2,
            comorbidities=["COPD"],
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, FULVESTRANT],
        ),
        policy="practice-2026",
    )
    [ask] = [a for a in p.actions if a.code == "reread_her2_ultralow"]
    assert "chronic lung disease" in ask.text and not ask.before_choosing


def test_after_an_oral_serd_and_everolimus_a_pik3ca_mutation_keeps_no_endocrine_line_first() -> (
    None
):
    """Case 512 (ye2024): two endocrine lines progressed after the CDK4/6 inhibitor, the second
    on everolimus (the PI3K-AKT-mTOR pathway): the new PIK3CA mutation is a target whose pathway
    was acted on, so the review's endocrine resistance puts chemotherapy first."""
    elacestrant = dict(
        FULVESTRANT, drugs=["elacestrant"], started_on="2025-04-01", ended_on="2025-09-01"
    )
    everolimus = dict(
        FULVESTRANT,
        drugs=["everolimus", "exemestane"],
        line=3,
        started_on="2025-09-15",
        ended_on="2026-04-01",
    )
    biomarkers = [
        result("ESR1", "mutated", variant="Y537S"),
        result("PIK3CA", "mutated", variant="H1047R"),
        result("AKT1", "not_detected"),
        result("PTEN", "not_detected"),
    ]
    p = resistx.sequence(
        patient(biomarkers=biomarkers, treatments=[PALBOCICLIB, elacestrant, everolimus])
    )
    chemo = option(p, "chemotherapy")
    assert chemo.rank < rank(p, "capivasertib+fulvestrant")
    assert chemo.tier.value in ("preferred", "alternative")
    assert [r for r in chemo.reasons if r.rule == 22]


ELEVEN_MONTHS_RIBOCICLIB = dict(
    PALBOCICLIB, drugs=["ribociclib", "anastrozole"], started_on="2025-10-01", ended_on="2026-09-01"
)


def test_outside_destiny_breast06s_entry_trastuzumab_deruxtecan_is_not_preferred_before_the_tests() -> (
    None
):
    """Case 513 (practice-2026): HER2-ultralow after one endocrine line of 11 months, ESR1 and the
    PI3K pathway untested since: outside DESTINY-Breast06's entry, an endocrine-based line the
    tests may select (or postMONARCH's) can come first."""
    p = resistx.sequence(
        patient(her2="ultralow", as_of="2026-11-26", treatments=[ELEVEN_MONTHS_RIBOCICLIB]),
        policy="practice-2026",
    )
    tdxd = option(p, "trastuzumab-deruxtecan")
    # a later option while the tests are pending: any result keeps an endocrine line first (7978)
    assert tdxd.tier.value == "later"
    assert [r for r in tdxd.reasons if r.code == "endocrine_line_before_tdxd"]
    assert option(p, "abemaciclib+fulvestrant").tier.value == "alternative"
    assert tdxd.rank > rank(p, "abemaciclib+fulvestrant")  # as its reason says (recheck)
    # within the entry (a second endocrine line), it stays first
    q = resistx.sequence(
        patient(her2="ultralow", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT]),
        policy="practice-2026",
    )
    assert q.options[0].regimen.id == "trastuzumab-deruxtecan"


def test_at_ecog_3_the_her2_ultralow_question_does_not_come_before_choosing() -> None:
    """Case 515 (practice-2026, MINOR): at ECOG 3 the least toxic options come first, so an
    answer that opens trastuzumab deruxtecan changes nothing preferred."""
    p = resistx.sequence(
        patient(ecog=3, biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT]),
        policy="practice-2026",
    )
    [ask] = [a for a in p.actions if a.code == "reread_her2_ultralow"]
    assert not ask.before_choosing


def test_a_cytopenia_asks_for_its_cause_before_a_myelosuppressive_option() -> None:
    """Case 520: cytopenia on record after eribulin; sacituzumab govitecan and chemotherapy
    are preferred, and the plan asked nothing of the counts (the PARP inhibitors' caution
    did)."""
    p = resistx.sequence(
        patient(
            comorbidities=["cytopenia"],
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
        )
    )
    for regimen in ("sacituzumab-govitecan", "chemotherapy"):
        said = [c.text for c in option(p, regimen).cautions if c.rule == 12]
        assert any("which counts are low and why" in t for t in said), (regimen, said)
    sg = " ".join(c.text for c in option(p, "sacituzumab-govitecan").cautions)
    assert "G-CSF" in sg and "1,500" in sg and "day 8" in sg and "neutropenic fever" in sg
    # practice-2026: datopotamab deruxtecan, preferred there, asks the same (recheck of 520)
    q = resistx.sequence(
        patient(
            comorbidities=["cytopenia"],
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
        ),
        policy="practice-2026",
    )
    dato = [c.text for c in option(q, "datopotamab-deruxtecan").cautions if c.rule == 12]
    assert any("which counts are low and why" in t for t in dato), dato


def test_in_a_man_the_brca_test_says_germline_testing_is_for_every_man_with_breast_cancer() -> None:
    """Case 517 (MINOR): whatever the plan, and for his relatives."""
    p = resistx.sequence(patient(schema_version=2, sex="male", biomarkers=NEGATIVE))
    [ask] = [a for a in p.actions if a.code == "test_hrd_genes"]
    assert "every man with breast cancer" in ask.text
    q = resistx.sequence(patient(schema_version=2, sex="female", biomarkers=NEGATIVE))
    assert not [a for a in q.actions if "every man" in a.text]


def test_trastuzumab_deruxtecans_heart_caution_names_the_trials_figure_and_the_lvef_check() -> None:
    """Case 526 (MAJOR): with cardiac disease, the review's 'LVEF (11.9%)' was the whole
    caution; DESTINY-Breast04's report gives left ventricular dysfunction in 4.6%, and the label
    asks for LVEF before starting and during treatment."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(
                her2="low",
                comorbidities=["cardiac_disease"],
                biomarkers=NEGATIVE,
                treatments=[PALBOCICLIB, CAPECITABINE],
            ),
            policy=policy,
        )
        heart = [c.text for c in option(p, "trastuzumab-deruxtecan").cautions if "11.9%" in c.text]
        assert heart and "4.6%" in heart[0] and "LVEF" in heart[0], (policy, heart)
    assert any(
        d.trial == "DESTINY-Breast04" and "4.6%" in " ".join(d.readings)
        for d in resistx.evidence().discrepancies
    )


def test_gedatolisib_waits_on_a_current_pik3ca_result_before_its_wild_type_cohort_speaks() -> None:
    """Case 526 (practice-2026, MINOR): with PIK3CA untested, the gedatolisib regimens quoted
    VIKTORIA-1's PIK3CA wild-type cohort; they wait on the test."""
    untested = resistx.sequence(patient(biomarkers=[]), policy="practice-2026")
    for regimen in ("gedatolisib+fulvestrant", "gedatolisib+palbociclib+fulvestrant"):
        o = option(untested, regimen)
        assert "PIK3CA" in o.waits_on, (regimen, o.waits_on)
    # a negative on tissue (on ctDNA alone it waits on tissue: case 4628a)
    tissue = [on_tissue(r) for r in NEGATIVE]
    tested = resistx.sequence(patient(biomarkers=tissue), policy="practice-2026")
    assert not option(tested, "gedatolisib+fulvestrant").waits_on


AKT1_MUTATED = [
    result("AKT1", "mutated", variant="E17K"),
    result("ESR1", "not_detected"),
    result("PIK3CA", "not_detected"),
    result("PTEN", "not_detected"),
]


def test_capivasertib_with_an_hba1c_of_8_or_more_comes_after_the_options_without_that_risk() -> (
    None
):
    """Case 527 (MAJOR): HbA1c 8.4% (on insulin): CAPItello-291 excluded HbA1c of 8.0% or more
    and diabetes needing insulin, and its label has no safety data there."""

    def with_hba1c(hba1c: float, policy: str) -> resistx.Plan:
        diabetes = [{"name": "diabetes", "hba1c": hba1c}]
        profile = patient(schema_version=2, comorbidities=diabetes, biomarkers=AKT1_MUTATED)
        return resistx.sequence(profile, policy=policy)

    for policy in ("ye2024", "practice-2026"):
        p = with_hba1c(8.4, policy)
        capi = option(p, "capivasertib+fulvestrant")
        [said] = [r for r in capi.reasons if r.code == "capivasertib_diabetes_uncontrolled"]
        assert said.rule == 78 and "8.0%" in said.text, policy
        assert capi.tier.value == "later", policy
        assert capi.rank > rank(p, "fulvestrant"), policy
        controlled = with_hba1c(7.1, policy)
        assert option(controlled, "capivasertib+fulvestrant").tier.value == "preferred", policy


def test_time_on_a_cdk46i_runs_on_across_a_switch_for_toxicity() -> None:
    """Case 530 (MAJOR): abemaciclib 15 months, stopped for diarrhoea, then palbociclib for 10
    months until progression: 25 months of disease control on a CDK4/6 inhibitor, which reads
    as endocrine-sensitive, not as the last course's 10 months."""
    abemaciclib = stopped_for(
        "diarrhea", ["abemaciclib", "anastrozole"], "2024-04-01", "2025-07-01"
    )
    palbociclib = dict(
        PALBOCICLIB,
        drugs=["palbociclib", "anastrozole"],
        started_on="2025-07-10",
        ended_on="2026-05-10",
    )
    pathway_on_tissue = [
        dict(r, tested_on="2026-06-01") for r in (NEGATIVE[0], *TISSUE_NEGATIVE[1:])
    ]
    data = patient(
        as_of="2026-11-20", biomarkers=pathway_on_tissue, treatments=[abemaciclib, palbociclib]
    )
    months = resistx.load_profile(data).cdk46i_months
    assert months is not None and months > 24
    practice = resistx.sequence(data, policy="practice-2026")
    assert practice.options[0].regimen.id != "chemotherapy"
    assert option(practice, "chemotherapy").tier.value != "preferred"
    ye = resistx.sequence(data)
    said = " ".join(r.text for r in option(ye, "chemotherapy").reasons)
    assert "12 months or more" in said


def test_a_pik3ca_negative_on_ctdna_alone_makes_alpelisib_wait_on_tissue_beside_a_pten_loss() -> (
    None
):
    """Case 534 (MAJOR): PTEN loss by IHC on tissue, PIK3CA 'not detected' on a ctDNA draw that
    found nothing: alpelisib's label asks for tissue when plasma finds no mutation."""
    biomarkers = [
        result("ESR1", "not_detected"),
        result("PIK3CA", "not_detected"),
        result("AKT1", "not_detected"),
        result("PTEN", "loss", sample="tissue", assay="ihc"),
    ]
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=biomarkers), policy=policy)
        alpelisib = option(p, "alpelisib+fulvestrant")
        assert "PIK3CA on tissue" in alpelisib.waits_on, policy


def test_after_pneumonitis_on_a_cdk46i_another_one_asks_how_severe_it_was() -> None:
    """Case 535 (MAJOR): pneumonitis is a warning of every CDK4/6 inhibitor's label, which stops
    them for good after a severe one."""
    abemaciclib = stopped_for(
        "pneumonitis", ["abemaciclib", "letrozole"], "2024-09-01", "2025-09-01"
    )
    letrozole = dict(
        PALBOCICLIB, drugs=["letrozole"], started_on="2025-09-02", ended_on="2026-05-01"
    )
    p = resistx.sequence(
        patient(
            as_of="2026-11-20",
            biomarkers=[dict(r, tested_on="2026-06-01") for r in NEGATIVE],
            treatments=[abemaciclib, letrozole],
        )
    )
    for regimen in ("palbociclib+fulvestrant", "ribociclib+fulvestrant"):
        o = option(p, regimen)
        said = " ".join(c.text for c in o.cautions)
        assert "how severe" in said and "resolved" in said, (regimen, said)
        assert o.tier.value != "preferred", regimen


def test_abemaciclib_again_after_its_pneumonitis_asks_how_severe_and_alpelisib_cautions() -> None:
    """Recheck of case 535: abemaciclib again carried 'dose reduction or another CDK4/6
    inhibitor'; its label stops it for good after a severe pneumonitis. Alpelisib's label warns
    of pneumonitis too."""
    abemaciclib = stopped_for(
        "pneumonitis", ["abemaciclib", "letrozole"], "2024-09-01", "2025-09-01"
    )
    letrozole = dict(
        PALBOCICLIB, drugs=["letrozole"], started_on="2025-09-02", ended_on="2026-05-01"
    )
    biomarkers = [
        dict(r, tested_on="2026-06-01")
        for r in (result("PIK3CA", "mutated", variant="H1047R"), *NEGATIVE[:1], *NEGATIVE[2:])
    ]
    p = resistx.sequence(
        patient(as_of="2026-11-20", biomarkers=biomarkers, treatments=[abemaciclib, letrozole])
    )
    again = " ".join(c.text for c in option(p, "abemaciclib+fulvestrant").cautions)
    assert "how severe" in again and "grade 2" in again
    alpelisib = " ".join(c.text for c in option(p, "alpelisib+fulvestrant").cautions)
    assert "pneumonitis" in alpelisib


def test_with_a_germline_brca2_mutation_known_tumour_only_negatives_ask_no_germline_test_first() -> (
    None
):
    """The PARP inhibitors are open: a germline test of BRCA1 and PALB2 would only complete the
    picture, so it is not offered as if it decided them (issue 8, defect 7's wording)."""
    brca2 = result("BRCA2", "mutated", origin="germline", sample="blood")
    plasma = [result(g, "not_detected") for g in ("BRCA1", "PALB2")]
    p = resistx.sequence(patient(biomarkers=[*NEGATIVE, brca2, *plasma]))
    assert not [a for a in p.actions if "tested in the tumour only" in a.text]
