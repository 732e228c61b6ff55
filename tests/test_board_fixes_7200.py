"""Session 64: the reviews of cases 7200 onwards (a tumour board on frail patients, heavily
pretreated patients and the ADCs, biomarker timelines, premenopausal women and men)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
import resistx.interop
from tests.helpers import CAPECITABINE, PALBOCICLIB, option, patient, plan, result

SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"

TISSUE_NEGATIVE = [
    result("ESR1", "not_detected"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]


def _after_capecitabine(cdk46i_end: str) -> dict[str, Any]:
    """Palbociclib + letrozole from 2023-01-10 to ``cdk46i_end``, then capecitabine: one
    chemotherapy line for metastatic disease and no ADC."""
    return {
        "biomarkers": TISSUE_NEGATIVE,
        "treatments": [
            dict(PALBOCICLIB, ended_on=cdk46i_end),
            dict(CAPECITABINE, started_on="2025-04-01", ended_on="2025-10-01"),
        ],
    }


@pytest.mark.parametrize("cdk46i_end", ["2023-05-25", "2024-06-01"])
def test_sacituzumab_govitecan_after_one_chemotherapy_line_stays_a_later_option(
    cdk46i_end: str,
) -> None:
    """7218c (MAJOR): after palbociclib for 4.6 months and one line of capecitabine,
    sacituzumab govitecan came second as an alternative: the short course's lift carried it
    past rule 4's loss, though TROPiCS-02 enrolled after 2-4 chemotherapy lines and its US
    label needs 2 further lines after endocrine therapy. Rule 4 says it stays a later option
    before its second line; after a long course it already was."""
    here = plan(**_after_capecitabine(cdk46i_end))
    sg = option(here, "sacituzumab-govitecan")
    assert sg.tier is resistx.Tier.LATER, (sg, here.options)
    assert any(r.code == "adc_before_chemotherapy" and r.rule == 4 for r in sg.reasons)


TDXD_STOPPED_FOR_PNEUMONITIS = {
    "drugs": ["trastuzumab deruxtecan"],
    "line": 2,
    "started_on": "2025-04-01",
    "ended_on": "2025-10-01",
    "stop_reason": "toxicity",
    "toxicity": "pneumonitis",
}


@pytest.mark.parametrize(("grade", "asked"), [(2, False), (3, False), (None, True)])
def test_a_recorded_lung_disease_grade_is_not_asked_for_again(
    grade: int | None, asked: bool
) -> None:
    """7213 (MINOR): trastuzumab deruxtecan stopped for pneumonitis, interstitial lung disease
    of grade 2 recorded: its exclusion said 'record its grade, as a grade 1 puts it back', an
    invitation to regrade; with the grade on record it says the label stops it for good."""
    ild: dict[str, Any] = {"name": "interstitial_lung_disease"}
    if grade is not None:
        ild["grade"] = grade
    here = plan(
        her2="low",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[PALBOCICLIB, TDXD_STOPPED_FOR_PNEUMONITIS],
        comorbidities=[ild],
    )
    left = here.exclusion("trastuzumab-deruxtecan")
    assert left is not None, here.options
    said = " ".join(r.text for r in left.reasons)
    assert "stops it for good" in said
    assert ("record its grade" in said) is asked, said


def test_after_a_grade_1_lung_disease_on_trastuzumab_deruxtecan_its_sister_adc_is_not_left_out() -> (
    None
):
    """7213b (MINOR): trastuzumab deruxtecan, which caused a grade 1 interstitial lung disease,
    came first (its label gives it again once resolved) while datopotamab deruxtecan, of the
    same payload, was left out 'not to be weighed as a new drug': the drug that caused it
    cannot be the safer of the two. The sister ADC takes the grade 1's terms: at best an
    alternative, a chest physician and a CT first."""
    here = resistx.sequence(
        {
            "schema_version": 1,
            "patient_id": "7213b",
            "as_of": "2026-05-01",
            "hormone_receptor": "positive",
            "her2": "low",
            "ecog": 1,
            "biomarkers": TISSUE_NEGATIVE,
            "treatments": [
                PALBOCICLIB,
                dict(CAPECITABINE, started_on="2025-03-25", ended_on="2025-09-01"),
                dict(
                    TDXD_STOPPED_FOR_PNEUMONITIS,
                    line=3,
                    started_on="2025-09-10",
                    ended_on="2026-01-10",
                ),
            ],
            "comorbidities": [{"name": "interstitial_lung_disease", "grade": 1}],
        },
        policy="practice-2026",
    )
    assert option(here, "trastuzumab-deruxtecan").tier is not resistx.Tier.LATER
    dato = option(here, "datopotamab-deruxtecan")
    assert dato.tier is not resistx.Tier.PREFERRED
    [grade_1] = [r for r in dato.reasons if r.code == "lung_disease_grade_1" and r.rule == 12]
    assert "whose payload it shares" in grade_1.text  # the recheck: not DESTINY-Breast04 alone


def test_an_adjuvant_chemotherapy_counted_as_a_line_is_not_called_one_for_metastatic_disease() -> (
    None
):
    """7218 (MINOR): relapse 5 months after adjuvant docetaxel-cyclophosphamide, no
    chemotherapy since: sacituzumab govitecan's reason said '1 prior chemotherapy or ADC line
    for metastatic disease (one of them (neo)adjuvant chemotherapy ...)', though the one line
    counted is the adjuvant one."""
    here = plan(
        her2="low",
        relapsed_on="2022-11-01",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[
            {
                "drugs": ["docetaxel", "cyclophosphamide"],
                "setting": "adjuvant",
                "started_on": "2022-02-01",
                "ended_on": "2022-06-01",
                "stop_reason": "completed",
            },
            dict(PALBOCICLIB, started_on="2022-11-20"),
        ],
    )
    said = [
        r.text
        for rid in ("sacituzumab-govitecan", "trastuzumab-deruxtecan")
        for r in option(here, rid).reasons
        if r.rule == 4
    ]
    assert said and all("adjuvant chemotherapy with relapse within" in t for t in said), said
    assert not any("for metastatic disease" in t or "one of them" in t for t in said), said


ESR1_ONLY = [
    result("ESR1", "mutated", variant="D538G"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]


@pytest.mark.parametrize(
    "entry",
    [
        "Tildiem LA 200 mg daily",
        "Adizem-XL 240 mg",
        "Slozem 240mg",
        "Zemtard 180 XL",
        "Viazem XL 240",
        "Angitil SR 90 mg bd",
        "Dilcardia SR 60",
        "Univer 240 mg",
        "Verapress MR 240 mg",
        "Cordilox 80 mg tds",
    ],
)
def test_a_uk_brand_of_diltiazem_or_verapamil_is_read_as_the_moderate_inhibitor(
    entry: str,
) -> None:
    """v7200_tildiem (MAJOR): 'Tildiem LA 200 mg daily' left elacestrant first and preferred
    with no caution, where 'diltiazem MR 200 mg daily' put it later (rule 153): common UK
    brands of diltiazem and verapamil were not read."""
    here = plan(biomarkers=ESR1_ONLY, medications=[entry])
    elacestrant = option(here, "elacestrant")
    assert elacestrant.tier is resistx.Tier.LATER, (entry, here.options[:3])
    assert any(r.rule == 153 for r in elacestrant.reasons)


def test_a_tumour_palb2_mutation_is_not_called_a_test_without_a_mutation() -> None:
    """7228c (MINOR): tumour tissue with PALB2 Q775*, BRCA1/2 negative, no germline test:
    olaparib's reason said 'BRCA1, BRCA2, PALB2 tested in the tumour only, without a
    mutation', where the actions rightly asked for the germline test of a tumour PALB2
    mutation (only a germline one opens olaparib: TBCRC 048)."""
    tissue = [
        *(result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
        result("PALB2", "mutated", sample="tissue", variant="Q775*"),
        *(result(g, "not_detected", sample="tissue") for g in ("BRCA1", "BRCA2")),
    ]
    olaparib = option(plan(biomarkers=tissue), "olaparib")
    said = " ".join(r.text for r in olaparib.reasons if r.code == "germline_untested")
    assert "BRCA1, BRCA2 tested in the tumour only, without a mutation" in said, said
    assert "tumour PALB2 mutation" in said and "PALB2 tested in the tumour only" not in said
    assert olaparib.waits_on == ("germline BRCA1 and BRCA2 and PALB2",)


DATA = Path(__file__).parent / "data" / "session64"


def _pregnancy_coded(system: str, code: str, display: str) -> dict[str, Any]:
    """Case 7234b's bundle (premenopausal, 24 weeks pregnant, ribociclib + letrozole +
    goserelin stopped to conceive) with its pregnancy Condition coded so."""
    bundle: dict[str, Any] = json.loads((DATA / "7234b.fhir.json").read_text(encoding="utf-8"))
    [condition] = [e["resource"] for e in bundle["entry"] if e["resource"].get("id") == "preg"]
    condition["code"] = {"coding": [{"system": system, "code": code, "display": display}]}
    # the bundle's pregnancy status observation ('Pregnant', 2026-05-20), read since session
    # 65, is left out: the condition's code alone is tested
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"].get("id") != "preg-status"]
    return bundle


@pytest.mark.parametrize(
    ("system", "code", "display"),
    [
        (SNOMED, "72892002", "Normal pregnancy (finding)"),
        (SNOMED, "47200007", "High risk pregnancy"),
        (SNOMED, "57630001", "First trimester pregnancy"),
        (SNOMED, "59466002", "Second trimester pregnancy"),
        (SNOMED, "41587001", "Third trimester pregnancy"),
        (ICD10CM, "Z33.1", "Pregnant state, incidental"),
        (
            ICD10CM,
            "Z34.82",
            "Encounter for supervision of other normal pregnancy, second trimester",
        ),
        (ICD10CM, "O09.892", "Supervision of other high risk pregnancies, second trimester"),
    ],
)
def test_a_pregnancy_coded_otherwise_converts_to_the_pregnancy_comorbidity(
    system: str, code: str, display: str
) -> None:
    """7234b, 7234c (MAJOR): only SNOMED CT 77386006 was read as a pregnancy. 'Normal
    pregnancy (finding)' went to free text and ribociclib + letrozole came first, preferred,
    for a woman 24 weeks pregnant; a trimester or ICD-10 Z33.1 code refused the whole
    document with a message to record a field a FHIR sender cannot set."""
    converted = resistx.interop.from_fhir(_pregnancy_coded(system, code, display))
    assert "pregnancy" in {c.name.value for c in converted.profile.comorbidities}
    plan = resistx.sequence(converted.profile)
    assert not any(o.tier is resistx.Tier.PREFERRED for o in plan.options), plan.options[:3]
    assert any(a.rule in (134, 135) for a in plan.actions), plan.actions


def test_an_ended_pregnancy_code_is_not_read_as_one() -> None:
    """ICD-10-CM Z33.2 (an elective termination) is no current pregnancy."""
    bundle = _pregnancy_coded(ICD10CM, "Z33.2", "Encounter for elective termination of pregnancy")
    converted = resistx.interop.from_fhir(bundle)
    assert "pregnancy" not in {c.name.value for c in converted.profile.comorbidities}


@pytest.mark.parametrize(
    "text",
    ["Normal pregnancy", "Intrauterine pregnancy", "Pregnancy (finding)",
     "Supervision of normal pregnancy", "High risk pregnancy", "Twin pregnancy"],
)  # fmt: skip
def test_a_current_pregnancy_as_a_code_s_title_is_refused_as_free_text(text: str) -> None:
    """7234b (MAJOR): these passed as free text beside a letrozole-based plan; a current
    pregnancy is the comorbidity 'pregnancy' (rules 134 and 135)."""
    data = patient(menopausal_status="premenopausal", other_conditions=[text])
    with pytest.raises(resistx.ProfileError, match="pregnancy"):
        resistx.load_profile(data)


@pytest.mark.parametrize(
    "text", ["Normal pregnancy 2019, delivered at term", "history of high risk pregnancy"]
)
def test_a_past_pregnancy_with_such_a_title_passes(text: str) -> None:
    plan = resistx.sequence(patient(menopausal_status="premenopausal", other_conditions=[text]))
    assert text in plan.not_assessed


def test_the_text_plan_shows_the_balance_rules_that_placed_an_option() -> None:
    """v7203_cpC (MINOR): at Child-Pugh C fulvestrant came first for rules 81 and 144, which
    the JSON held, while the text and Markdown plans said 'No rule moved it for this patient':
    a balance reason beside the toxicity and cost (rule 14) is part of why an option is where
    it is."""
    here = plan(
        ecog=2,
        biomarkers=TISSUE_NEGATIVE,
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "C"}],
    )
    first = here.options[0]
    placed = [r.text for r in first.reasons if r.rule in (81, 144)]
    assert placed, first.reasons
    for shown in (str(here), here.to_markdown()):
        assert "No rule moved it" not in shown.split("\n  2.")[0]
        assert all(t.split(":")[0] in shown for t in placed)
        assert placed[-1][:60] in " ".join(shown.split())


#: 4.4 months on palbociclib + anastrozole, progressed (7207)
SHORT_PALBOCICLIB_ANASTROZOLE = {
    **PALBOCICLIB,
    "drugs": ["palbociclib", "anastrozole"],
    "started_on": "2025-12-15",
    "ended_on": "2026-04-28",
}


def test_at_ecog_2_trastuzumab_deruxtecan_s_reason_names_destiny_breast06_s_ecog() -> None:
    """7207 (MINOR): ECOG 2, 4.4 months on palbociclib + anastrozole, HER2-low: the reason said
    'its approval covers progression on 1 or more endocrine lines, though DESTINY-Breast06
    enrolled after 2 or more, or after progression within 6 months on first-line endocrine
    therapy with a CDK4/6 inhibitor', which she met: her ECOG is what the trial left out."""
    here = resistx.sequence(
        {
            "schema_version": 1,
            "patient_id": "7207",
            "as_of": "2026-05-20",
            "hormone_receptor": "positive",
            "her2": "low",
            "ecog": 2,
            "biomarkers": TISSUE_NEGATIVE,
            "treatments": [SHORT_PALBOCICLIB_ANASTROZOLE],
        },
        policy="practice-2026",
    )
    said = " ".join(r.text for r in option(here, "trastuzumab-deruxtecan").reasons)
    assert "DESTINY-Breast06 enrolled ECOG 0-1" in said, said
    assert "enrolled after 2 or more" not in said


@pytest.mark.parametrize(
    ("field", "value", "sample"),
    [
        ("tumour_fraction", 0.005, "tissue"),
        ("tumour_fraction", 0.3, "tissue"),
        ("low_shedding", True, "tissue"),
        ("tumour_fraction", 0.1, "blood"),
    ],
)
def test_a_ctdna_field_on_another_sample_is_refused(field: str, value: object, sample: str) -> None:
    """7228g (MINOR): tissue negatives carried 'tumour_fraction': 0.005 and validated, the
    field read for ctDNA only: a pathologist's tumour cellularity entered there would be
    dropped without a word."""
    entry = result("ESR1", "not_detected", sample=sample, tumour_fraction=None)
    if sample == "blood":
        entry["origin"] = "germline"
    entry[field] = value
    with pytest.raises(resistx.ProfileError, match=f"biomarkers\\[0\\].*{field}.*ctDNA"):
        resistx.load_profile(patient(biomarkers=[entry]))


def test_an_anticoagulant_ordered_in_fhir_is_read_as_a_medication() -> None:
    """7233 (MINOR): apixaban and enoxaparin as MedicationRequests were 'not a drug resistx
    knows; left out', so fulvestrant's injection lost its bleeding caution (rule 136), which
    the hand-written profile's 'apixaban 5 mg twice daily' gave; a MedicationStatement of the
    same drug was read."""
    bundle = json.loads((DATA / "7233.fhir.json").read_text(encoding="utf-8"))
    converted = resistx.interop.from_fhir(bundle)
    medications = " ".join(converted.profile.medications)
    assert "apixaban" in medications and "enoxaparin" in medications, medications
    plan = resistx.sequence(converted.profile)
    assert any(c.code == "intramuscular_bleeding_risk" for o in plan.options for c in o.cautions)


def test_a_man_s_missing_gnrh_agonist_asks_about_an_orchiectomy() -> None:
    """7233b (MINOR): after a bilateral orchiectomy a man on abemaciclib + letrozole was told to
    add a GnRH agonist to any aromatase inhibitor; surgical castration suppresses as one does,
    and a profile has no field for it: the action asks."""
    here = plan(
        sex="male",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])],
    )
    [action] = [a for a in here.actions if a.code == "gnrh_agonist_missing"]
    assert "orchiectomy" in action.text and "ask" in action.text, action.text


def test_a_conversion_says_when_it_leaves_the_menopausal_status_unknown() -> None:
    """7235 (MINOR): a phenopacket of a perimenopausal woman (amenorrhoea since chemotherapy)
    converted with no menopausal status, and its report never said so, though the status
    changed the first option (capivasertib by hand, elacestrant converted)."""
    document = json.loads((DATA / "7235.phenopacket.json").read_text(encoding="utf-8"))
    converted = resistx.interop.from_phenopacket(document)
    assert converted.profile.menopausal_status is resistx.MenopausalStatus.UNKNOWN
    said = [a for a in converted.assumptions if "menopausal status" in str(a)]
    assert said, converted.assumptions


def _pregnancy_ended(code: str, system: str = SNOMED, **status: Any) -> dict[str, Any]:
    """7234b's bundle with its pregnancy coded ``code`` and ended on 2025-02-20."""
    bundle = _pregnancy_coded(system, code, "Normal pregnancy")
    [condition] = [e["resource"] for e in bundle["entry"] if e["resource"].get("id") == "preg"]
    condition["abatementDateTime"] = "2025-02-20"
    condition.pop("clinicalStatus", None)
    condition.update(status)
    return bundle


@pytest.mark.parametrize(
    "bundle",
    [
        _pregnancy_ended("72892002"),
        _pregnancy_ended("Z34.90", ICD10CM),
        _pregnancy_ended(
            "72892002",
            clinicalStatus={
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "code": "active",
                    }
                ]
            },
        ),
    ],
)
def test_a_condition_with_an_end_date_is_not_read_as_current(bundle: dict[str, Any]) -> None:
    """The recheck (7244r, 7244s, MAJOR): a pregnancy Condition with abatementDateTime
    2025-02-20 converted to the comorbidity 'pregnancy', and the plan preferred nothing; an
    ended condition is over, whatever status it states beside its end."""
    converted = resistx.interop.from_fhir(bundle)
    assert "pregnancy" not in {c.name.value for c in converted.profile.comorbidities}
    assert any("ended" in str(e) for e in converted.unmapped), converted.unmapped


def test_a_multiple_pregnancy_is_read_as_a_pregnancy() -> None:
    """The recheck (7244u, MAJOR): SNOMED CT 16356006 'Multiple pregnancy' went to free text
    and ribociclib + letrozole was preferred; 'Multiple pregnancy' and 'Teenage pregnancy'
    passed as free text."""
    converted = resistx.interop.from_fhir(
        _pregnancy_coded(SNOMED, "16356006", "Multiple pregnancy")
    )
    assert "pregnancy" in {c.name.value for c in converted.profile.comorbidities}
    for text in ("Multiple pregnancy", "Teenage pregnancy", "Triplet pregnancy"):
        data = patient(menopausal_status="premenopausal", other_conditions=[text])
        with pytest.raises(resistx.ProfileError, match="pregnancy"):
            resistx.load_profile(data)


@pytest.mark.parametrize("text", ["Normal pregnancy 2019", "High risk pregnancy (2016)"])
def test_a_code_title_of_a_pregnancy_with_a_past_year_is_a_history(text: str) -> None:
    """The recheck (MINOR): 'Normal pregnancy 2019' was refused where 'pregnancy 2021' passed."""
    plan = resistx.sequence(patient(menopausal_status="premenopausal", other_conditions=[text]))
    assert text in plan.not_assessed


def test_a_recorded_grade_is_not_asked_for_in_the_restaging_action_either() -> None:
    """The recheck (7241, MINOR): with grade 2 recorded the 'document the progression'
    action still ended '(record the grade where it was 1)'."""
    graded = plan(
        her2="low",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[PALBOCICLIB, TDXD_STOPPED_FOR_PNEUMONITIS],
        comorbidities=[{"name": "interstitial_lung_disease", "grade": 2}],
    )
    said = " ".join(a.text for a in graded.actions)
    assert "stops it for good" in said and "record the grade" not in said, said


def test_no_case_number_reaches_a_plan_s_text() -> None:
    """The recheck (7252b, MINOR): the orchiectomy question ended '... ask (7233b)'."""
    here = plan(
        sex="male",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"])],
    )
    [action] = [a for a in here.actions if a.code == "gnrh_agonist_missing"]
    assert "7233" not in action.text


def test_low_shedding_on_tissue_is_refused_in_its_own_words_and_a_germline_fraction_too() -> None:
    """The recheck (MINOR): low_shedding's refusal described the tumour fraction; a germline
    result with no sample took a tumour fraction."""
    shedding = dict(result("ESR1", "not_detected", sample="tissue", tumour_fraction=None))
    shedding["low_shedding"] = True
    with pytest.raises(resistx.ProfileError) as e:
        resistx.load_profile(patient(biomarkers=[shedding]))
    assert "share of tumour DNA" not in str(e.value) and "low_shedding" in str(e.value)
    germline = {"gene": "BRCA2", "status": "not_detected", "origin": "germline"}
    with pytest.raises(resistx.ProfileError, match="tumour_fraction"):
        resistx.load_profile(patient(biomarkers=[{**germline, "tumour_fraction": 0.1}]))


def test_a_moderate_cyp3a_brand_in_free_text_names_rule_153() -> None:
    """The recheck (MINOR): 'Angina, on Tildiem LA 200' was refused citing rules 115, 132, 136
    and 142, not rule 153, which reads diltiazem."""
    with pytest.raises(resistx.ProfileError, match="153"):
        resistx.load_profile(patient(other_conditions=["Angina, on Tildiem LA 200"]))


def test_sacituzumab_govitecan_after_a_deruxtecan_adc_is_at_best_an_alternative() -> None:
    """7211 (MINOR): 'at best an alternative, beside chemotherapy' read as the same tier, with
    chemotherapy preferred above it; 'an alternative to chemotherapy' then named an order the
    plan did not keep where chemotherapy was an alternative too (9883): the cap alone."""
    tdxd = {**CAPECITABINE, "drugs": ["trastuzumab deruxtecan"], "line": 3}
    tdxd.update(started_on="2025-10-10", ended_on="2026-03-20")
    here = plan(
        her2="low", biomarkers=TISSUE_NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]
    )
    said = " ".join(r.text for r in option(here, "sacituzumab-govitecan").reasons)
    assert "at best an alternative." in said and "beside chemotherapy" not in said
    assert "alternative to chemotherapy" not in said


def test_destiny_breast06_s_chemotherapy_reason_says_for_metastatic_disease() -> None:
    """7218 (MINOR): 'HER2-low before any chemotherapy' beside an adjuvant chemotherapy that
    DESTINY-Breast04 counted as a line."""
    fulvestrant = {**CAPECITABINE, "drugs": ["fulvestrant"]}
    here = resistx.sequence(
        patient(her2="low", biomarkers=TISSUE_NEGATIVE, treatments=[PALBOCICLIB, fulvestrant]),
        policy="practice-2026",
    )
    said = [r.text for r in option(here, "chemotherapy").reasons if r.rule == 68]
    assert said and "before any chemotherapy for metastatic disease" in said[0], said


def test_a_tumour_palb2_mutation_is_not_called_untested_beside_untested_brca() -> None:
    """The recheck (7243b, MINOR): a ctDNA PALB2 mutation and no BRCA1/2 result: olaparib's
    reason said 'BRCA1, BRCA2 or PALB2 not tested'."""
    olaparib = option(
        plan(biomarkers=[*TISSUE_NEGATIVE, result("PALB2", "mutated", variant="Q775*")]),
        "olaparib",
    )
    [said] = [r.text for r in olaparib.reasons if r.code == "hrd_untested"]
    assert "BRCA1 or BRCA2 not tested" in said and "PALB2 not tested" not in said, said
    assert said.startswith("A tumour PALB2 mutation of unknown origin, and BRCA1 or BRCA2")
