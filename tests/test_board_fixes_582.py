"""Scenario tests for the findings of the blind reviews of cases 582-611 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

from typing import Any

import resistx
from tests.helpers import PALBOCICLIB, option, patient, rank, result, second_line, tier
from tests.test_plan import check_plan

PATHWAY_NEGATIVE = [
    result("PIK3CA", "not_detected"),
    result("AKT1", "not_detected"),
    result("PTEN", "not_detected"),
]


def _after_palbociclib(esr1: str, policy: str) -> resistx.Plan:
    return resistx.sequence(
        patient(
            biomarkers=[
                result("ESR1", esr1, **({"variant": "D538G"} if esr1 == "mutated" else {})),
                *PATHWAY_NEGATIVE,
            ]
        ),
        policy=policy,
    )


def test_an_esr1_mutation_makes_ribociclib_with_fulvestrant_after_palbociclib_at_best_a_later_option() -> (
    None
):
    """Cases 587 and 590 (MAJOR, both policies): with an ESR1 mutation, ribociclib with
    fulvestrant after palbociclib was an alternative on MAINTAIN's result, whose exploratory
    baseline-ctDNA analysis found the benefit in ESR1 wild-type tumours only."""
    for policy in ("ye2024", "practice-2026"):
        p = _after_palbociclib("mutated", policy)
        found = option(p, "ribociclib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "maintain_esr1_mutated"]
        assert said.rule == 85 and "ESR1 wild-type" in said.text, policy
        assert "MAINTAIN" in said.trials and "Kalinsky" in said.text, policy
        assert found.tier.value == "later", policy
        # an ESR1 negative keeps MAINTAIN's switch where it was
        wild = _after_palbociclib("not_detected", policy)
        assert not [r for r in option(wild, "ribociclib+fulvestrant").reasons if r.rule == 85], (
            policy
        )
        assert tier(wild, "ribociclib+fulvestrant") != "later", policy
    # practice-2026: postMONARCH's abemaciclib + fulvestrant, whose effect held with an ESR1
    # mutation, now comes before it
    p = _after_palbociclib("mutated", "practice-2026")
    assert rank(p, "abemaciclib+fulvestrant") < rank(p, "ribociclib+fulvestrant")


def _ongoing_first_line(biomarkers: list[dict[str, object]]) -> resistx.Plan:
    return resistx.sequence(
        patient(
            as_of="2026-08-01",
            biomarkers=biomarkers,
            treatments=[
                dict(PALBOCICLIB, started_on="2023-08-01", ended_on=None, stop_reason="ongoing")
            ],
        ),
        policy="practice-2026",
    )


def test_an_esr1_test_during_ongoing_first_line_ai_and_cdk46i_says_what_a_mutation_without_progression_means() -> (
    None
):
    """Case 594 (MAJOR, practice-2026): responding to first-line palbociclib + letrozole, the
    plan asked for an ESR1 test by ctDNA and said only that the result decides the next line;
    a mutation without progression is SERENA-6's question, not the options for progression."""
    p = _ongoing_first_line([result("PIK3CA", "mutated", sample="tissue", variant="H1047R")])
    [said] = [a for a in p.actions if a.code == "serena6_monitoring"]
    assert said.rule == 54 and said.before_choosing
    assert "SERENA-6" in said.text and "camizestrant" in said.text
    assert "not progression" in said.text and "kept the CDK4/6 inhibitor" in said.text
    # once an ESR1 mutation is on record, the switch itself is the action (case 559)
    found = _ongoing_first_line([result("ESR1", "mutated", tested_on="2026-07-10")])
    codes = {a.code for a in found.actions}
    assert "serena6_switch" in codes and "serena6_monitoring" not in codes
    # ye2024 has no SERENA-6
    ye = resistx.sequence(
        patient(
            as_of="2026-08-01",
            treatments=[
                dict(PALBOCICLIB, started_on="2023-08-01", ended_on=None, stop_reason="ongoing")
            ],
        )
    )
    assert not [a for a in ye.actions if "SERENA-6" in a.text]


def _inavo120(comorbidities: list[object]) -> dict[str, Any]:
    """INAVO120's population: PIK3CA mutated, relapse on adjuvant letrozole (case 596)."""
    return patient(
        schema_version=2,
        as_of="2026-11-01",
        comorbidities=comorbidities,
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", variant="H1047R")],
        treatments=[
            {
                "drugs": ["letrozole"],
                "setting": "adjuvant",
                "started_on": "2024-09-01",
                "ended_on": "2026-09-20",
                "stop_reason": "progression",
            }
        ],
    )


def test_diabetes_makes_inavolisib_with_palbociclib_and_fulvestrant_at_best_an_alternative() -> (
    None
):
    """Case 596 (MAJOR, practice-2026): diabetes with an HbA1c of 6.8%: inavolisib's triplet
    came first as INAVO120's population with a 5.6% grade 3 hyperglycaemia figure, while its
    label says its safety in diabetes needing treatment has not been studied."""

    def plan(comorbidities: list[object]) -> resistx.Plan:
        return resistx.sequence(_inavo120(comorbidities), policy="practice-2026")

    triplet = "inavolisib+palbociclib+fulvestrant"
    without = plan([])
    assert rank(without, triplet) == 1
    p = plan([{"name": "diabetes", "hba1c": 6.8}])
    found = option(p, triplet)
    [said] = [r for r in found.reasons if r.code == "inavolisib_diabetes"]
    assert said.rule == 86 and "not been studied" in said.text and "insulin" in said.text
    assert found.tier.value == "alternative"
    assert rank(p, triplet) > rank(p, "abemaciclib+fulvestrant")
    # the text view shows why it is not preferred
    assert "has not been studied" in " ".join(p.to_text(width=10_000).split())
    [caution] = [c for c in found.cautions if c.code == "diabetes_caution"]
    assert "optimise" in caution.text and "first weeks" in caution.text


def _her2_low_with(comorbidity: str, policy: str) -> resistx.Plan:
    return resistx.sequence(
        patient(
            schema_version=2,
            her2="low",
            comorbidities=[comorbidity],
            treatments=[PALBOCICLIB, dict(PALBOCICLIB, drugs=["capecitabine"], line=2)],
        ),
        policy=policy,
    )


def test_renal_impairment_gives_trastuzumab_deruxtecan_its_labels_lung_and_creatinine_caution() -> (
    None
):
    """Case 597 (MAJOR, both policies): with renal impairment trastuzumab deruxtecan carried no
    renal caution, while its label reports more interstitial lung disease in moderate renal
    impairment and sets no dose below a creatinine clearance of 30 mL/min."""
    for policy in ("ye2024", "practice-2026"):
        found = option(_her2_low_with("renal_impairment", policy), "trastuzumab-deruxtecan")
        [said] = [c for c in found.cautions if c.code == "renal_impairment_caution"]
        assert said.rule == 12 and "creatinine clearance" in said.text, policy
        assert "interstitial lung disease" in said.text and "moderate" in said.text, policy


def test_interstitial_lung_disease_gives_chemotherapy_a_lung_caution() -> None:
    """Case 599 (MAJOR, both policies): with interstitial lung disease chemotherapy was the
    preferred option with no word on the pneumonitis some of its agents cause."""
    for policy in ("ye2024", "practice-2026"):
        found = option(_her2_low_with("interstitial_lung_disease", policy), "chemotherapy")
        [said] = [c for c in found.cautions if c.code == "interstitial_lung_disease_caution"]
        assert said.rule == 12 and "gemcitabine" in said.text, policy
        assert "lung function" in said.text and "chest physician" in said.text, policy


def test_a_taxane_stopped_for_neuropathy_is_accepted_and_chemotherapy_names_the_neuropathy() -> (
    None
):
    """Case 604 (found preparing the review): a paclitaxel line stopped for neuropathy was
    refused ("not an adverse event resistx knows; did you mean neutropenia?"), the commonest
    reason a taxane stops. It is a term now, with its usual spellings, and like a lung disease
    that stopped a drug it counts as a comorbidity: chemotherapy's neuropathy caution names
    the line it stopped."""
    for spelling in ("neuropathy", "peripheral neuropathy", "Peripheral_Sensory_Neuropathy"):
        p = resistx.sequence(
            patient(
                treatments=[
                    PALBOCICLIB,
                    dict(
                        PALBOCICLIB,
                        drugs=["paclitaxel"],
                        line=2,
                        started_on="2025-04-01",
                        ended_on="2025-09-01",
                        stop_reason="toxicity",
                        toxicity=spelling,
                    ),
                ]
            )
        )
        [said] = [c for c in option(p, "chemotherapy").cautions if c.code == "neuropathy_caution"]
        assert "it stopped paclitaxel" in said.text and said.rule == 12, spelling


#: a third line of trastuzumab deruxtecan, after PALBOCICLIB and a second line (cases 621, 640)
TDXD_THIRD = dict(
    PALBOCICLIB,
    drugs=["trastuzumab deruxtecan"],
    line=3,
    started_on="2025-08-20",
    ended_on="2026-04-01",
)


#: a first metastatic line after the adjuvant relapse of ``_adjuvant_abemaciclib``
CAPECITABINE_AFTER = {
    "drugs": ["capecitabine"],
    "line": 1,
    "started_on": "2026-09-10",
    "ended_on": "2026-10-10",
    "stop_reason": "progression",
}


def _adjuvant_abemaciclib(
    months_before_relapse: int, *metastatic: dict[str, object]
) -> dict[str, Any]:
    """Adjuvant abemaciclib + letrozole started ``months_before_relapse`` before a relapse
    during it on 2026-09-01 (case 606), and the metastatic lines after it, if any."""
    start = {18: "2025-03-01", 30: "2024-03-01"}[months_before_relapse]
    return patient(
        as_of="2026-10-15",
        treatments=[
            {
                "drugs": ["abemaciclib", "letrozole"],
                "setting": "adjuvant",
                "started_on": start,
                "ended_on": "2026-09-01",
                "stop_reason": "progression",
            },
            *metastatic,
        ],
    )


def test_relapse_within_two_years_of_adjuvant_endocrine_therapy_with_a_cdk46i_puts_chemotherapy_before_endocrine_options() -> (
    None
):
    """Case 606 (MAJOR, both policies): relapse during adjuvant abemaciclib + letrozole, 18
    months after starting (primary endocrine resistance), with no biomarker result that
    stands: fulvestrant alone and palbociclib + fulvestrant came first, chemotherapy fourth."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_adjuvant_abemaciclib(18), policy=policy)
        chemo = option(p, "chemotherapy")
        [said] = [r for r in chemo.reasons if r.code == "adjuvant_primary_resistance"]
        assert said.rule == 87 and "primary endocrine resistance" in said.text, policy
        for endocrine in ("fulvestrant", "palbociclib+fulvestrant", "everolimus+exemestane"):
            assert chemo.rank < rank(p, endocrine), (policy, endocrine)
        # a relapse in the third year is secondary resistance: rule 87 is silent
        later = resistx.sequence(_adjuvant_abemaciclib(30), policy=policy)
        assert not [r for o in later.options for r in o.reasons if r.rule == 87], policy
        # ... so is it when the adjuvant letrozole began 2 years and more before the relapse,
        # abemaciclib added later
        letrozole_first = _adjuvant_abemaciclib(18)
        letrozole_first["treatments"].insert(
            0,
            {
                "drugs": ["letrozole"],
                "setting": "adjuvant",
                "started_on": "2024-01-10",
                "ended_on": "2025-03-01",
                "stop_reason": "completed",
            },
        )
        p = resistx.sequence(letrozole_first, policy=policy)
        assert not [r for o in p.options for r in o.reasons if r.rule == 87], policy
        # a chemotherapy line since keeps the reading (case 2020, a change of reading: it was
        # dropped once any metastatic line followed); a CDK4/6 inhibitor for metastatic disease
        # measures the sensitivity itself (rule 18), and rule 87 is silent
        after = resistx.sequence(
            _adjuvant_abemaciclib(18, CAPECITABINE_AFTER),
            policy=policy,
        )
        assert [r for o in after.options for r in o.reasons if r.rule == 87], policy
        # a course long enough not to be short (a short one confirms the resistance: 2168b)
        palbociclib_after = {
            "drugs": ["palbociclib", "fulvestrant"],
            "line": 1,
            "months": 8,
            "stop_reason": "progression",
        }
        measured = resistx.sequence(_adjuvant_abemaciclib(18, palbociclib_after), policy=policy)
        assert not [r for o in measured.options for r in o.reasons if r.rule == 87], policy


def test_elacestrant_carries_its_labels_lipid_monitoring() -> None:
    """Cases 597 and 608 (MINOR, recurring): elacestrant, often preferred, carried none of its
    US label's dyslipidaemia warning (a lipid profile before starting and periodically)."""
    for policy in ("ye2024", "practice-2026"):
        p = _after_palbociclib("mutated", policy)
        [said] = [c for c in option(p, "elacestrant").cautions if c.code == "elacestrant_label"]
        assert said.rule == 88 and "lipid profile" in said.text, policy
        assert "cholesterol and triglycerides" in said.text, policy
        assert not [c for c in option(p, "fulvestrant").cautions if c.rule == 88], policy


#: the profiles of the scenarios above, whose plans carry the new rules' texts
_NEW_RULE_PROFILES = [
    patient(biomarkers=[result("ESR1", "mutated", variant="D538G"), *PATHWAY_NEGATIVE]),
    _inavo120([{"name": "diabetes", "hba1c": 6.8}]),
    patient(
        schema_version=2,
        her2="low",
        comorbidities=["renal_impairment", "interstitial_lung_disease"],
        treatments=[PALBOCICLIB, dict(PALBOCICLIB, drugs=["capecitabine"], line=2)],
    ),
    _adjuvant_abemaciclib(18),
    patient(
        schema_version=2,
        comorbidities=["interstitial_lung_disease"],
        biomarkers=[
            result("BRCA2", "mutated", sample="blood", origin="germline"),
            result("PIK3CA", "mutated", sample="tissue", variant="N345K"),
        ],
    ),
]


def test_the_new_rules_texts_hold_only_figures_of_the_evidence_and_name_their_trials() -> None:
    """Every reason and caution the rules above add passes the plan checks every generated
    plan passes (``test_plan.check_plan``): a figure in a text is the evidence's (a label's
    threshold or a citation's year aside), and a reason names its trials or references."""
    for data in _NEW_RULE_PROFILES:
        profile = resistx.load_profile(data)
        prefs = resistx.Preferences()
        for policy in ("ye2024", "practice-2026"):
            check_plan(profile, prefs, resistx.sequence(profile, prefs, policy=policy))


def test_a_first_recurrence_after_early_disease_asks_for_a_biopsy_that_retests_er_pr_and_her2() -> (
    None
):
    """Case 606's recheck (MAJOR, both policies; MINOR in 583 and 606): at a first recurrence
    after adjuvant therapy the plan asked for a tissue biopsy for NGS but not to retest ER, PR
    and HER2 on it, though a HER2-0 primary can be HER2-low at relapse, which changes the
    options."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_adjuvant_abemaciclib(18), policy=policy)
        [said] = [a for a in p.actions if a.code == "biopsy_first_recurrence"]
        assert said.rule == 89 and said.before_choosing, policy
        assert "ER, PR and HER2" in said.text and "HER2-low" in said.text, policy
        # a metastatic line already given: the recurrence was characterised then
        after = resistx.sequence(
            _adjuvant_abemaciclib(18, CAPECITABINE_AFTER),
            policy=policy,
        )
        assert not [a for a in after.actions if a.rule == 89], policy
        # de novo metastatic disease, nothing given for early disease: not a recurrence
        assert not [a for a in resistx.sequence(patient(), policy=policy).actions if a.rule == 89]


def test_with_no_chemotherapy_olaparibs_reason_never_calls_it_within_its_label() -> None:
    """Case 614 (MINOR, both policies): a tumour BRCA1 mutation of unknown origin and no
    chemotherapy on record: the reason said 'if germline, olaparib is within its US label',
    which asks for prior chemotherapy: outside it either way, talazoparib's label not."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(biomarkers=[result("BRCA1", "mutated", sample="tissue")]), policy=policy
        )
        text = " ".join(r.text for r in option(p, "olaparib").reasons)
        assert "within its US label" not in text, policy
        assert "asks for prior chemotherapy" in text and "talazoparib's does not" in text, policy


def test_a_gnrh_agonist_continued_alone_is_not_a_line_of_treatment() -> None:
    """Case 620 (MAJOR, both policies): goserelin recorded alone, ongoing, after progression
    on palbociclib + letrozole + goserelin read as a line that 'continues while it controls
    the disease', and counted as a second line (practice-2026: outside postMONARCH)."""
    first = dict(PALBOCICLIB, drugs=["palbociclib", "letrozole", "goserelin"])
    goserelin = {
        "drugs": ["goserelin"],
        "line": 2,
        "started_on": "2025-03-21",
        "stop_reason": "ongoing",
    }
    for policy in ("ye2024", "practice-2026"):
        with_it = resistx.sequence(
            patient(
                schema_version=2, menopausal_status="premenopausal", treatments=[first, goserelin]
            ),
            policy=policy,
        )
        without = resistx.sequence(
            patient(schema_version=2, menopausal_status="premenopausal", treatments=[first]),
            policy=policy,
        )
        assert not [a for a in with_it.actions if a.code == "ongoing_course"], policy
        assert [o.regimen.id for o in with_it.options] == [o.regimen.id for o in without.options], (
            policy
        )
        # the suppression on record is still read: no action asks to start it
        assert [a.code for a in with_it.actions] == [a.code for a in without.actions], policy


def test_interstitial_lung_disease_gives_olaparib_its_labels_pneumonitis_caution() -> None:
    """Case 623 (MAJOR, both policies): with interstitial lung disease, olaparib (an
    alternative) carried no pneumonitis caution, which its US label gives."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(
                schema_version=2,
                comorbidities=["interstitial_lung_disease"],
                biomarkers=[result("BRCA2", "mutated", sample="blood", origin="germline")],
            ),
            policy=policy,
        )
        [said] = [
            c
            for c in option(p, "olaparib").cautions
            if c.code == "interstitial_lung_disease_caution"
        ]
        assert said.rule == 12 and "pneumonitis" in said.text, policy


def test_a_pik3ca_mutation_outside_alpelisibs_companion_test_makes_it_at_best_an_alternative() -> (
    None
):
    """Case 622 (MAJOR, both policies): PIK3CA N345K made alpelisib + fulvestrant preferred,
    though N345K is not one of the 11 mutations of therascreen PIK3CA, on which SOLAR-1
    enrolled and alpelisib was approved; capivasertib stays preferred."""

    def plan(variant: str, policy: str) -> resistx.Plan:
        return resistx.sequence(
            patient(
                biomarkers=[
                    result("PIK3CA", "mutated", sample="tissue", variant=variant),
                    result("ESR1", "not_detected"),
                ]
            ),
            policy=policy,
        )

    for policy in ("ye2024", "practice-2026"):
        p = plan("N345K", policy)
        found = option(p, "alpelisib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "pik3ca_variant_outside_therascreen"]
        assert said.rule == 90 and "N345K" in said.text and "therascreen" in said.text, policy
        assert found.tier.value != "preferred", policy
        assert tier(p, "capivasertib+fulvestrant") == "preferred", policy
        # a listed hotspot, or a variant in another notation, keeps alpelisib where it was
        for listed in ("H1047R", "p.His1047Arg"):
            assert tier(plan(listed, policy), "alpelisib+fulvestrant") == "preferred", policy


def test_sacituzumab_govitecan_within_its_label_before_tropics02s_chemotherapy_lines_is_an_alternative() -> (
    None
):
    """Case 621 (MAJOR, both policies): after a CDK4/6 inhibitor with an aromatase inhibitor,
    elacestrant and trastuzumab deruxtecan, sacituzumab govitecan ranked eighth as a later
    option before TROPiCS-02's chemotherapy lines, though its US label (endocrine-based therapy
    and 2 or more further systemic therapies for metastatic disease) covers her."""
    lines = [
        PALBOCICLIB,
        dict(
            PALBOCICLIB,
            drugs=["elacestrant"],
            line=2,
            started_on="2025-04-01",
            ended_on="2025-08-01",
        ),
        TDXD_THIRD,
    ]
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(her2="low", treatments=lines), policy=policy)
        found = option(p, "sacituzumab-govitecan")
        [said] = [r for r in found.reasons if r.code == "sg_within_label"]
        assert said.rule == 4 and "US label" in said.text, policy
        assert found.tier.value == "alternative", policy
        assert found.rank <= 3, (policy, found.rank)
        # two lines only (no third): outside the label, a later option as before
        two = resistx.sequence(patient(her2="low", treatments=lines[:2]), policy=policy)
        assert tier(two, "sacituzumab-govitecan") == "later", policy


def test_before_the_menopause_alpelisib_is_at_best_an_alternative() -> None:
    """Case 631 (MAJOR, both policies): a premenopausal woman with a PIK3CA mutation had
    alpelisib + fulvestrant preferred, though SOLAR-1 enrolled postmenopausal women and men
    only and its US label says so, while elacestrant stepped back for the same reason."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(
                schema_version=2,
                menopausal_status="premenopausal",
                biomarkers=[
                    result("PIK3CA", "mutated", variant="H1047R"),
                    result("ESR1", "not_detected"),
                ],
                treatments=[dict(PALBOCICLIB, drugs=["ribociclib", "letrozole", "goserelin"])],
            ),
            policy=policy,
        )
        found = option(p, "alpelisib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "alpelisib_postmenopausal_trial"]
        assert said.rule == 40 and "SOLAR-1" in said.text, policy
        assert found.tier.value == "alternative", policy
        assert tier(p, "capivasertib+fulvestrant") == "preferred", policy
        assert "SOLAR-1 enrolled postmenopausal" in " ".join(p.to_text(width=10_000).split())


def test_cytopenia_after_a_parp_inhibitor_asks_for_a_haematology_work_up_before_choosing() -> None:
    """Case 635 (MAJOR, both policies): cytopenia after 17 months of talazoparib, whose label
    warns of myelodysplastic syndrome and acute myeloid leukaemia: the plan's cautions named
    marrow infiltration and slow recovery only, and asked nothing before the next
    marrow-suppressing drug."""
    talazoparib = second_line("talazoparib")
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(
                schema_version=2, comorbidities=["cytopenia"], treatments=[PALBOCICLIB, talazoparib]
            ),
            policy=policy,
        )
        [said] = [a for a in p.actions if a.code == "cytopenia_after_parp_inhibitor"]
        assert said.rule == 91 and said.before_choosing, policy
        assert said.text.startswith("Cytopenia after talazoparib:"), policy
        # it names the PARP inhibitor, not the drugs given beside it
        beside = resistx.sequence(
            patient(
                schema_version=2,
                comorbidities=["cytopenia"],
                treatments=[PALBOCICLIB, second_line("olaparib", "fulvestrant")],
            ),
            policy=policy,
        )
        [said] = [a for a in beside.actions if a.rule == 91]
        assert said.text.startswith("Cytopenia after olaparib:"), policy
        assert "myelodysplastic" in said.text and "bone marrow" in said.text, policy
        # no PARP inhibitor on record: no such action
        plain = resistx.sequence(
            patient(schema_version=2, comorbidities=["cytopenia"]), policy=policy
        )
        assert not [a for a in plain.actions if a.rule == 91], policy


def test_sacituzumab_govitecan_after_a_deruxtecan_adc_is_at_best_an_alternative_with_a_cross_resistance_caution() -> (
    None
):
    """Case 640 (MAJOR, both policies): after progression on trastuzumab deruxtecan,
    sacituzumab govitecan was preferred on TROPiCS-02, which enrolled almost no one after a
    topoisomerase-I ADC; datopotamab deruxtecan already stepped back there."""
    lines = [
        PALBOCICLIB,
        dict(second_line("paclitaxel"), started_on="2025-04-01", ended_on="2025-08-01"),
        TDXD_THIRD,
    ]
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(her2="low", treatments=lines), policy=policy)
        found = option(p, "sacituzumab-govitecan")
        [said] = [r for r in found.reasons if r.code == "adc_after_topoisomerase_adc"]
        assert said.rule == 92 and "trastuzumab deruxtecan" in said.text, policy
        assert found.tier.value != "preferred", policy
        # before any deruxtecan ADC, its place stands
        before = resistx.sequence(patient(her2="low", treatments=lines[:2]), policy=policy)
        assert not [r for o in before.options for r in o.reasons if r.rule == 92], policy
