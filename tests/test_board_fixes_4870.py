"""Session 59: the reviews of cases 4870 onwards (comorbidities and medications, later lines,
cohorts and interoperability)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import resistx
from resistx.display.report import document
from resistx.interop import from_fhir
from resistx.io.schema import json_schema
from resistx.vocab.comorbidities import Comorbidity
from tests.helpers import result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _refusal
from tests.test_board_fixes_3702 import _short_palbociclib
from tests.test_interop_edges import bundle

TDXD = "trastuzumab-deruxtecan"


def _her2_low(**kw: Any) -> dict[str, Any]:
    """Case 3727's HER2-low patient (4.6 months on palbociclib + letrozole, every target
    negative on tissue), with ``kw`` added."""
    return _short_palbociclib("low") | kw


def _passes(text: str) -> None:
    """The free text loads, and the plan repeats it as not assessed."""
    assert text in resistx.sequence(_her2_low(other_conditions=[text])).not_assessed


def _coded_conditions(system: str, code: str) -> set[Comorbidity]:
    """The comorbidities the interop example 01 converts to with an active Condition coded so."""
    data = bundle()
    condition = {
        "resourceType": "Condition",
        "id": "coded",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "active",
                }
            ]
        },
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": {"reference": "Patient/patient-01"},
    }
    data["entry"].append({"resource": condition})
    return {c.name for c in from_fhir(data).profile.comorbidities}


def _excluded(plan: resistx.Plan, rid: str) -> bool:
    return any(e.regimen.id == rid for e in plan.excluded)


@pytest.mark.parametrize(
    "name", ["asbestosis", "silicosis", "pneumoconiosis", "hypersensitivity pneumonitis"]
)
def test_a_fibrotic_lung_disease_by_its_own_name_is_read_as_an_interstitial_lung_disease(
    name: str,
) -> None:
    """Case 4873v (MAJOR): asbestosis was refused as 'not a comorbidity resistx reads', the
    message sending it to free text, where trastuzumab deruxtecan then came first; a
    pneumoconiosis or an extrinsic allergic alveolitis is an interstitial lung disease, which
    leaves it out as an ILD recorded so does."""
    plan = resistx.sequence(_her2_low(comorbidities=[{"name": name}]))
    assert _excluded(plan, TDXD)
    ild = resistx.sequence(_her2_low(comorbidities=[{"name": "interstitial_lung_disease"}]))
    assert [o.regimen.id for o in plan.options] == [o.regimen.id for o in ild.options]


def test_asbestosis_in_free_text_is_refused_pointing_to_the_interstitial_lung_disease() -> None:
    """Case 4873v: 'Asbestosis (ex-shipyard worker), on home oxygen' in other_conditions passed,
    and trastuzumab deruxtecan was preferred beside it."""
    said = _refusal(_her2_low(other_conditions=["Asbestosis (ex-shipyard worker), on home oxygen"]))
    assert "interstitial_lung_disease" in said


def test_sarcoidosis_as_a_comorbidity_is_asked_where_it_is() -> None:
    """Case 4873v's variant: sarcoidosis was sent to free text like any unread name; in the
    lungs it is an interstitial lung disease, in the heart a cardiac disease."""
    said = _refusal(_her2_low(comorbidities=[{"name": "sarcoidosis"}]))
    assert "interstitial_lung_disease" in said
    assert "cardiac_disease" in said
    plan = resistx.sequence(_her2_low(comorbidities=[{"name": "pulmonary sarcoidosis"}]))
    assert _excluded(plan, TDXD)


def test_a_diabetic_hba1c_in_free_text_with_no_diabetes_recorded_is_refused() -> None:
    """Case 4870v (MAJOR): 'HbA1c 9.1% (04/2026)' with metformin... and no diabetes recorded
    passed, and capivasertib and alpelisib were preferred with no diabetes caution."""
    said = _refusal(_her2_low(other_conditions=["HbA1c 9.1% (04/2026)"]))
    assert '"diabetes"' in said
    assert "9.1" in said


def test_an_hba1c_below_the_diabetic_range_in_free_text_passes() -> None:
    """An HbA1c below 6.5% is no diabetes (prediabetes at most, which no rule reads): it passes,
    repeated under the plan's not-assessed conditions."""
    plan = resistx.sequence(_her2_low(other_conditions=["prediabetes, HbA1c 6.1%"]))
    assert "prediabetes, HbA1c 6.1%" in plan.not_assessed


def test_a_reduced_creatinine_clearance_in_free_text_with_no_renal_impairment_is_refused() -> None:
    """Case 4877w (MAJOR): 'Cockcroft-Gault CrCl 25 ml/min' in free text passed with no renal
    impairment recorded, and talazoparib came first with no dose caution."""
    said = _refusal(_her2_low(other_conditions=["Cockcroft-Gault CrCl 25 ml/min"]))
    assert '"renal_impairment"' in said
    assert "25" in said


def test_a_normal_creatinine_clearance_in_free_text_passes() -> None:
    plan = resistx.sequence(_her2_low(other_conditions=["CrCl 95 mL/min"]))
    assert "CrCl 95 mL/min" in plan.not_assessed


def test_prediabetes_as_a_comorbidity_is_not_steered_to_diabetes() -> None:
    """Case 4907: 'pre-diabetes' was answered 'is recorded as {"name": "diabetes"}', which
    would record a diagnosis the patient does not have and leave alpelisib out."""
    said = _refusal(_her2_low(comorbidities=[{"name": "pre-diabetes"}]))
    assert "is recorded as" not in said
    assert "other_conditions" in said


def test_the_british_spelling_of_thrombocytopenia_is_read() -> None:
    """Case 4907: 'thrombocytopaenia' was refused while 'anaemia' was read."""
    british = resistx.load_profile(
        _her2_low(comorbidities=[{"name": "thrombocytopaenia", "grade": 2}])
    )
    assert british.comorbidities[0].name is Comorbidity.CYTOPENIA


@pytest.mark.parametrize(
    ("condition", "medication"),
    [
        ("Latent TB, on a rifampicin course", "Rifampicin 600 mg od"),
        ("Atrial fibrillation, on warfarin for AF", "Warfarin 3 mg"),
        ("AF, anticoagulated with Marcumar", "phenprocoumon 3 mg"),
    ],
)
def test_free_text_naming_a_medication_the_medications_hold_passes(
    condition: str, medication: str
) -> None:
    """Cases 4886 and 4904: free text naming a drug already among the medications was refused
    with 'record it under medications', which the documentation says only of a drug the
    medications do not hold."""
    plan = resistx.sequence(_her2_low(other_conditions=[condition], medications=[medication]))
    assert condition in plan.not_assessed
    # and refused where the medications do not hold it
    assert "medications" in _refusal(_her2_low(other_conditions=[condition]))


def _cautions(plan: resistx.Plan, rid: str) -> set[str]:
    option = next(o for o in plan.options if o.regimen.id == rid)
    return {c.code for c in option.cautions}


@pytest.mark.parametrize(
    "medication",
    ["Rivaroxaban 20 mg od", "Eliquis 5 mg bd", "enoxaparin 40 mg sc daily", "Pradaxa 150mg bd"],
)
def test_a_direct_anticoagulant_or_a_heparin_gives_fulvestrant_its_injection_caution(
    medication: str,
) -> None:
    """Case 4888 (MINOR): rivaroxaban gave fulvestrant no bleeding caution, warfarin did; the
    label's caution is of any anticoagulant. Capecitabine's INR caution stays the vitamin K
    antagonists' own, and the drug is read, not listed as not assessed."""
    plan = resistx.sequence(_her2_low(medications=[medication]))
    assert "intramuscular_bleeding_risk" in _cautions(plan, "fulvestrant")
    assert "vitamin_k_antagonist" not in _cautions(plan, "chemotherapy")
    assert medication not in plan.not_assessed
    plain = resistx.sequence(_her2_low())
    assert "intramuscular_bleeding_risk" not in _cautions(plain, "fulvestrant")


def test_a_misspelt_direct_anticoagulant_is_refused_with_its_name() -> None:
    said = _refusal(_her2_low(medications=["rivaroxiban 20 mg"]))
    assert "rivaroxaban" in said


def test_a_stopped_direct_anticoagulant_gives_no_caution() -> None:
    plan = resistx.sequence(_her2_low(medications=["apixaban - stopped 2025"]))
    assert "intramuscular_bleeding_risk" not in _cautions(plan, "fulvestrant")


def _her2_low_esr1_after_one_chemotherapy_line() -> dict[str, Any]:
    """Case P0113 (session 62): HER2-low, ESR1- and PIK3CA-mutated on tissue after
    palbociclib + anastrozole and paclitaxel, each to progression. Elacestrant comes first under
    the review; under practice-2026 rule 28 makes it an alternative. (Cases 5014 and 5044, after
    two chemotherapy lines, no longer differ: rule 159 caps elacestrant past EMERALD's lines
    under both policies since session 67.)"""
    return _woman(
        "2025-12-11",
        [
            result(
                "ESR1", "mutated", sample="tissue", tested_on="2025-11-19", tumour_fraction=None
            ),
            result(
                "PIK3CA", "mutated", sample="tissue", tested_on="2025-11-19", tumour_fraction=None
            ),
        ],
        _course(["palbociclib", "anastrozole"], "2024-03-13", "2025-01-27", "progression", line=1),
        _course(["paclitaxel"], "2025-02-06", "2025-08-25", "progression", line=2),
        her2="low",
        metastatic_sites=["lung", "brain", "pleura"],
    )


def test_a_new_first_option_whose_own_scores_did_not_move_names_the_rules_that_moved_the_old() -> (
    None
):
    """Case 5014 (MAJOR, as the brief counts a false statement): the since-review section said
    the new first option comes first under practice-2026 as 'its scores moved with the
    evidence', where its scores are the same under both policies and the first option here is
    made an alternative there by another rule."""
    data = _her2_low_esr1_after_one_chemotherapy_line()
    plan = resistx.sequence(data)
    newer = resistx.sequence(data, policy="practice-2026")
    assert plan.options[0].regimen.id == "elacestrant"
    top = newer.options[0]
    assert top.regimen.id == "trastuzumab-deruxtecan"
    here = next(o for o in plan.options if o.regimen.id == top.regimen.id)
    assert here.scores == top.scores
    entry = next(s for s in plan.since_review if s.change.value == "top_option")
    assert "scores moved" not in entry.text
    assert entry.text.endswith("it comes first as Elacestrant is an alternative there (rule 28).")
    moved = next(s for s in plan.since_review if s.regimen == "elacestrant")
    assert 28 in moved.rules
    # the printed plan names the rules behind each entry
    assert "(rule 28; EMERALD" in " ".join(str(plan).split())


def _after_third_line_adc(adc: str) -> dict[str, Any]:
    """Cases 5012, 4974: HER2-low (IHC 1+) after palbociclib + letrozole, capecitabine and
    ``adc``, each to progression."""
    tissue = [
        result(g, "not_detected", sample="tissue", tested_on="2026-05-25")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    return _woman(
        "2026-06-15",
        tissue,
        _course(["palbociclib", "letrozole"], "2021-01-10", "2023-04-01", "progression", line=1),
        _course(["capecitabine"], "2023-04-15", "2025-01-15", "progression", line=2),
        _course([adc], "2025-02-10", "2026-05-15", "progression", line=3),
        her2="low",
        metastatic_sites=["liver"],
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_after_a_deruxtecan_adc_chemotherapy_is_not_held_below_trastuzumab_deruxtecan(
    policy: str,
) -> None:
    """Case 5012 (MINOR; cases 2159, 2264): after progression on datopotamab deruxtecan,
    trastuzumab deruxtecan, of the same payload, is a later option, yet chemotherapy stayed
    'at best an alternative to it' and the plan had nothing preferred."""
    plan = resistx.sequence(_after_third_line_adc("datopotamab deruxtecan"), policy=policy)
    tdxd = next(o for o in plan.options if o.regimen.id == TDXD)
    assert tdxd.tier is resistx.Tier.LATER
    chemo = next(o for o in plan.options if o.regimen.id == "chemotherapy")
    assert "chemotherapy_after_tdxd" not in {r.code for r in chemo.reasons}
    assert any(o.tier is resistx.Tier.PREFERRED for o in plan.options)


def _plasma_bundle(code: str | None, text: str | None = None) -> dict[str, Any]:
    """The interop example 01 (an ESR1 mutation and a PIK3CA negative on plasma), its specimen
    typed ``code`` (or given as ``text`` only)."""
    data = bundle()
    for entry in data["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Specimen":
            resource["type"] = (
                {"coding": [{"system": "http://snomed.info/sct", "code": code}]}
                if code
                else {"text": text}
            )
    return data


@pytest.mark.parametrize(
    ("code", "text"),
    [("122591000", None), ("119297000", None), (None, "cfDNA"), (None, "Plasma (ctDNA)")],
)
def test_a_somatic_result_on_peripheral_blood_or_cfdna_is_read_as_ctdna(
    code: str | None, text: str | None
) -> None:
    """Case 4925 (MAJOR): a somatic result on a 'Peripheral blood specimen' (SNOMED CT
    122591000) or a specimen named 'cfDNA' had no sample, and the plan called its negatives
    tissue ('ESR1 tested on tissue only'); a tumour variant in blood is cell-free DNA. The
    report says so as an assumption."""
    conversion = from_fhir(_plasma_bundle(code, text))
    assert {r.sample for r in conversion.profile.biomarkers} == {resistx.Sample.CTDNA}
    assert any("cell-free" in a.text for a in conversion.assumptions)


def test_a_specimen_from_an_organ_is_read_as_tissue() -> None:
    """Case 4921 (MINOR): 'Specimen from liver' (122610009) was not read as a sample."""
    conversion = from_fhir(_plasma_bundle("122610009"))
    assert {r.sample for r in conversion.profile.biomarkers} == {resistx.Sample.TISSUE}


def test_a_negative_of_no_recorded_sample_is_not_called_tissue() -> None:
    """Case 4925: the plan said 'ESR1 tested on tissue only' of a negative whose sample no one
    recorded."""
    data = _her2_low()
    for r in data["biomarkers"]:
        del r["sample"]
    plan = resistx.sequence(data)
    said = " ".join(a.text for a in plan.actions)
    assert "tested on tissue only" not in said
    assert "names no sample" in said


def test_a_preliminary_result_is_read_and_said_to_be_preliminary() -> None:
    """Case 4934 (MINOR): an Observation with status 'preliminary' was read as final, with no
    assumption listed."""
    data = bundle()
    data["entry"][7]["resource"]["status"] = "preliminary"  # the ESR1 mutation
    conversion = from_fhir(data)
    assert "ESR1" in {r.gene for r in conversion.profile.biomarkers}
    assert any("preliminary" in a.text for a in conversion.assumptions)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_trastuzumab_deruxtecan_after_sacituzumab_govitecan_says_the_second_adc_did_less(
    policy: str,
) -> None:
    """Case 4974 (MINOR; case 2635): sacituzumab govitecan after a deruxtecan ADC said a
    second topoisomerase-I ADC did less in retrospective series; trastuzumab deruxtecan after
    sacituzumab govitecan said nothing, though the series found it in either order. Its place
    stands (DESTINY-Breast04's population); a caution names the series."""
    plan = resistx.sequence(_after_third_line_adc("sacituzumab govitecan"), policy=policy)
    tdxd = next(o for o in plan.options if o.regimen.id == TDXD)
    [caution] = [c for c in tdxd.cautions if c.code == "tdxd_after_sacituzumab_govitecan"]
    assert "Huppert" in caution.text and "either order" in caution.text
    assert tdxd.rank == 1
    for o in plan.options:  # the series is named wherever a second ADC is weighed
        for r in o.reasons:
            assert "retrospective series" not in r.text or "Huppert" in r.text


# -- the recheck of session 59's fixes (cases 5020-5069) ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "TB 2025, on rifampicin",
        "AF 2023, on amiodarone",
        "DVT 2024 on apixaban",
        "PE 2025, on rivaroxaban",
    ],
)
def test_a_drug_taken_now_is_read_beside_a_year_of_another_clause(text: str) -> None:
    """Case 5033 (MAJOR): 'TB 2025, on rifampicin' passed as free text, the year of the
    infection read as if the drug were of the past, and capivasertib came first."""
    assert '"medications"' in _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize("text", ["rifampicin 2019 for TB, completed", "apixaban 2024 (3 months)"])
def test_a_drug_of_a_past_year_in_its_own_clause_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HbA1c 60 mmol/mol", "7.6"),
        ("A1c 8.4", "8.4"),
        ("hémoglobine glyquée 8,4 %", "8.4"),
        ("Glykohämoglobin 7,3 %", "7.3"),
        ("HbA1c 7.2", "7.2"),
    ],
)
def test_an_hba1c_however_written_with_no_diabetes_recorded_is_refused(
    text: str, value: str
) -> None:
    """Case 5028 (MAJOR): an HbA1c in mmol/mol, with no unit or in French or German passed,
    and alpelisib or capivasertib was preferred."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert '"diabetes"' in said and value in said


@pytest.mark.parametrize("text", ["HbA1c 40 mmol/mol", "A1c 5.6", "HbA1c < 6.5%"])
def test_an_hba1c_below_the_diabetic_range_however_written_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    "text",
    [
        "eGFR 25 mL/min/1.73 m²",
        "GFR 40 ml/min",
        "DFG 45",
        "Cockcroft-Gault 52 mL/min",
        "creat clearance 45 mL/min",
        "creatinine clearance 0.75 mL/s",
    ],
)
def test_a_reduced_kidney_function_however_written_with_no_renal_impairment_is_refused(
    text: str,
) -> None:
    """Case 5030 (MAJOR): 'eGFR 25 mL/min/1.73 m²' passed, and olaparib stood an alternative
    with no renal caution on talazoparib."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert '"renal_impairment"' in said and "creatinine_clearance" in said


@pytest.mark.parametrize("text", ["eGFR > 90", "eGFR 95 mL/min/1.73m2"])
def test_a_normal_egfr_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    "text",
    [
        "sarcoidosis, pulmonary",
        "Sarcoidosis of lung",
        "sarcoidosis (pulmonary)",
        "sarcoidosis with lung involvement",
        "pulmonary sarcoid",
        "sarcoidosis stage IV (fibrotic)",
        "farmer's lung",
        "bird fancier's lung",
        "chronic beryllium disease",
        "black lung",
        "anthracosilicosis",
        "pneumoconioses",
        "Asbestose",
        "Silikose",
        "pneumoconiose",
        "sarcoïdose pulmonaire",
        "sarcoidosis pulmonar",
        "alvéolite allergique extrinsèque",
        "exogen-allergische Alveolitis",
        "neumonitis por hipersensibilidad",
        "sarcoidosis",
    ],
)
def test_a_lung_disease_of_the_interstitium_however_written_in_free_text_is_refused(
    text: str,
) -> None:
    """Cases 5023, 5062, 5063, 5026 (MAJOR): pulmonary sarcoidosis written otherwise, farmer's
    lung, silicosis in German and the like passed as free text, and trastuzumab deruxtecan came
    first; a sarcoidosis of no named site may be of the lungs (most are) and is asked."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert "interstitial_lung_disease" in said


@pytest.mark.parametrize(
    "text", ["sarcoidosis (cardiac)", "sarcoidosis - cardiac, on ICD", "cardiac sarcoid"]
)
def test_a_cardiac_sarcoidosis_however_written_is_refused_pointing_to_the_heart(
    text: str,
) -> None:
    """Case 5022 (MINOR): 'sarcoidosis (cardiac)' passed, skipping rule 126's LVEF gate."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert "cardiac_disease" in said


@pytest.mark.parametrize(
    "text",
    ["cutaneous sarcoidosis", "ocular sarcoidosis", "asbestos exposure, no asbestosis"],
)
def test_a_sarcoidosis_elsewhere_or_a_denied_pneumoconiosis_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize("text", ["ILD, resolved", "resolved pneumonitis"])
def test_a_resolved_interstitial_lung_disease_in_free_text_is_refused(text: str) -> None:
    """Case 5069 (MAJOR): 'ILD, resolved' passed and trastuzumab deruxtecan came first; a past
    interstitial lung disease is history its label weighs, as the FHIR reading keeps it."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert "interstitial_lung_disease" in said


@pytest.mark.parametrize("line", [201, 10**12])
def test_a_line_number_beyond_the_treatments_a_profile_may_hold_is_refused(line: int) -> None:
    """Case 5101 (MAJOR): 'line': 10**12 passed validate, and sequence then built the list of
    the lines missing below it until memory ran out; no profile holds more lines than its 200
    treatments."""
    data = _her2_low()
    data["treatments"][0]["line"] = line
    said = _refusal(data)
    assert "treatments[0].line" in said and "200" in said
    line_schema = json_schema("profile")["$defs"]["Treatment"]["properties"]["line"]
    assert "200" in str(line_schema)


@pytest.mark.parametrize(
    ("display", "value"),
    [
        # 4930a (QUESTION, MAJOR if so): an IHC 1+ beside a HER2 FISH under a LOINC code not
        # mapped converted to HER2-low, the FISH only listed as not mapped
        ("HER2 [Presence] in Tissue by FISH", {"text": "Positive"}),
        ("Her2Neu IHC", {"text": "Positive"}),
        ("HER2SCORE", {"text": "3+"}),
        ("ERBB-2 FISH", {"text": "amplified"}),
        ("HercepTest", {"text": "3+"}),
        ("CD340 IHC", {"text": "3+"}),
        ("neu oncoprotein", {"text": "positive"}),
        ("Human epidermal growth factor receptor 2 by IHC", {"text": "3+"}),
        (
            "Local tumour marker",
            {"coding": [{"system": "http://loinc.org", "code": "LA11843-2", "display": "3+"}]},
        ),
    ],
)
def test_a_her2_result_under_an_unmapped_code_stops_the_conversion_however_named(
    display: str, value: dict[str, Any]
) -> None:
    """Case 5056 (MAJOR): a HER2 3+ under a local code named 'HER2' without a space (and
    'Her2Neu', 'HercepTest', 'CD340', ...) converted silently, planned on an older IHC 0; a
    value that is a HER2 IHC answer code says what it is whatever the test's name."""
    data = bundle("04-her2-low-ihc2-ish-negative")
    observation = {
        "resourceType": "Observation",
        "id": "her2-local",
        "status": "final",
        "code": {
            "coding": [{"system": "http://example.org/local", "code": "X1", "display": display}]
        },
        "valueCodeableConcept": value,
        "effectiveDateTime": "2026-05-02",
    }
    data["entry"].append({"resource": observation})
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "HER2" in str(caught.value)


def test_a_new_first_option_with_newer_rules_of_its_own_but_the_same_standing_names_the_old() -> (
    None
):
    """Case 5044 (the recheck, MINOR): trastuzumab deruxtecan, its scores and tier the same
    under both policies, was said to come first by its own newer rules (29 and 30, which
    restate rules 3 and 4); it comes first because rule 28 made elacestrant an alternative
    there, and the entry's rules are that one."""
    data = _her2_low_esr1_after_one_chemotherapy_line()
    plan = resistx.sequence(data)
    newer = resistx.sequence(data, policy="practice-2026")
    top = newer.options[0]
    assert {29, 30} <= {r.rule for r in top.reasons}
    here = next(o for o in plan.options if o.regimen.id == top.regimen.id)
    assert (here.scores, here.tier) == (top.scores, top.tier)
    entry = next(s for s in plan.since_review if s.change.value == "top_option")
    assert entry.regimen == top.regimen.id
    assert "it comes first as Elacestrant is an alternative there (rule 28)" in entry.text
    assert entry.rules == (28,)


@pytest.mark.parametrize("code", ["122591000", "122555007", "258580003"])
def test_a_blood_specimen_read_as_ctdna_is_used_not_reported_unreferenced(code: str) -> None:
    """The recheck (5052, MINOR): the blood specimen read as ctDNA was listed as 'a specimen no
    result refers to', and venous or whole blood (122555007, 258580003) were not read."""
    conversion = from_fhir(_plasma_bundle(code))
    assert {r.sample for r in conversion.profile.biomarkers} == {resistx.Sample.CTDNA}
    assert not any("no result refers to" in e.text for e in conversion.unmapped)


@pytest.mark.parametrize(
    ("code", "text"), [("258435002", None), (None, "Tumour tissue, core biopsy")]
)
def test_a_tumour_tissue_specimen_is_read_as_tissue(code: str | None, text: str | None) -> None:
    conversion = from_fhir(_plasma_bundle(code, text))
    assert {r.sample for r in conversion.profile.biomarkers} == {resistx.Sample.TISSUE}


@pytest.mark.parametrize(
    ("query", "name", "near"),
    [
        ("by_drug", "elacestrnt", "elacestrant"),
        ("by_biomarker", "PIK3C", "PIK3CA"),
        ("by_regimen", "elacestrant+fulvestrnt", "elacestrant"),
        ("by_class", "akt_inhibtor", "akt_inhibitor"),
    ],
)
def test_an_evidence_query_for_an_unknown_name_raises_naming_the_closest(
    query: str, name: str, near: str
) -> None:
    """Case 5108 (MAJOR): a misspelt drug, gene or regimen gave no trials, where the docs say
    an unknown name raises KeyError naming the closest ones (the CLI refused the same typo)."""
    eb = resistx.evidence()
    with pytest.raises(KeyError) as caught:
        getattr(eb, query)(name)
    assert near in str(caught.value)


def test_a_known_name_with_no_trials_gives_none() -> None:
    eb = resistx.evidence()
    assert eb.by_drug("imlunestrant") == ()  # a drug of the newer evidence only


def test_an_approvals_query_for_an_unknown_regimen_raises_naming_the_closest() -> None:
    pack = resistx.evidence("2026.11")
    with pytest.raises(KeyError) as caught:
        pack.approvals_for("imlunestrnt")
    assert "imlunestrant" in str(caught.value)
    assert pack.approvals_for("imlunestrant")


def test_an_esmo_grade_reads_its_population_in_any_case_and_refuses_an_unknown_one() -> None:
    """Case 5109 (MAJOR): mcbs_grade(EMERALD, 'esr1-mutated') said 'not gradable: its source
    reports no hazard ratio', which EMERALD does report for 'ESR1-mutated'."""
    emerald = resistx.evidence().trial("EMERALD")
    assert resistx.mcbs_grade(emerald, "esr1-mutated") == resistx.mcbs_grade(
        emerald, "ESR1-mutated"
    )
    assert resistx.mcbs_grade(emerald, "itt") == resistx.mcbs_grade(emerald, "ITT")
    with pytest.raises(KeyError) as caught:
        resistx.mcbs_grade(emerald, "ESR1 mutatd")
    assert "ESR1-mutated" in str(caught.value)


def test_an_undated_plan_of_a_begun_course_does_not_say_no_dates() -> None:
    """Case 5107 (QUESTION): with an ongoing CDK4/6 course begun on a date and no as_of, the
    note said 'no months and no dates', the start being given."""
    data = _her2_low()
    course = data["treatments"][0]
    course.pop("ended_on", None)
    data["treatments"][0] = course | {"stop_reason": "ongoing", "started_on": "2024-01-10"}
    data.pop("as_of")
    said = " ".join(resistx.sequence(data).notes)
    assert "no months and no dates" not in said
    assert "begun on 2024-01-10" in said


@pytest.mark.parametrize("given", [{"a": 1}, "examples/01-esr1-mutated.json", b"{}"])
def test_sequence_many_refuses_one_profile_in_place_of_many(given: object) -> None:
    """Case 5110 (MINOR): a mapping gave one error a key, a path one a character."""
    with pytest.raises(TypeError) as caught:
        resistx.sequence_many(given)  # type: ignore[arg-type]
    assert "resistx.sequence" in str(caught.value)


def test_a_profile_text_opening_with_a_byte_order_mark_loads() -> None:
    """Case 5102 (MINOR): the byte-order mark a file's path read past refused the same text."""
    text = json.dumps(_her2_low())
    assert resistx.load_profile("\ufeff" + text) == resistx.load_profile(text)


def test_evidence_may_be_named_by_its_version() -> None:
    """Case 5104 (MINOR): sequence(..., evidence='2026.11') raised AttributeError."""
    named = resistx.sequence(_her2_low(), evidence="2026.11", policy="practice-2026")
    given = resistx.sequence(
        _her2_low(), evidence=resistx.evidence("2026.11"), policy="practice-2026"
    )
    assert named == given


def test_an_esmo_grade_takes_its_endpoint_by_name() -> None:
    """Case 5109 (MINOR): mcbs_grade(t, 'ITT', 'OS') raised AttributeError."""
    emerald = resistx.evidence().trial("EMERALD")
    assert resistx.mcbs_grade(emerald, "ITT", "PFS") == resistx.mcbs_grade(emerald, "ITT")


@pytest.mark.parametrize("view", ["to_markdown", "to_html", "to_text"])
def test_every_view_shows_control_and_direction_characters_escaped(view: str) -> None:
    """Case 5106 (MINOR): to_markdown() and to_html() kept ESC, NUL and the right-to-left
    override of a patient id and a free-text condition raw (the CLI escaped them), which can
    drive a terminal or spoof a tumour board's title; to_text() kept U+2028."""
    odd = "\u202egnp.exe\x1b[31m\u2028x"
    # since session 65 free text with such characters is refused (they hid words from the
    # checks): the patient id carries them into the views
    with pytest.raises(resistx.ProfileError, match="invisible character"):
        resistx.load_profile(_her2_low(other_conditions=[f"osteoporosis {odd}"]))
    # ... and since session 72 a patient id with them too (9163): a plan made in code still
    # holds one, and its views escape it
    with pytest.raises(resistx.ProfileError, match="patient_id"):
        resistx.load_profile(_her2_low(patient_id=odd))
    plan = attrs.evolve(resistx.sequence(_her2_low()), patient_id=odd)
    shown = getattr(plan, view)()
    for raw in ("\u202e", "\x1b", "\u2028"):
        assert raw not in shown
    assert "\\u202e" in shown


def test_a_tumour_board_report_shows_control_characters_escaped() -> None:
    odd = "\u202egnp.exe\x1b[31m"
    page = document(attrs.evolve(resistx.sequence(_her2_low()), patient_id=odd))
    assert "\u202e" not in page and "\x1b" not in page


def test_the_schema_says_the_limits_of_the_free_text_lists() -> None:
    """Case 5112 (MINOR): the loader refuses more than 50 other conditions or medications; the
    JSON Schema did not say so."""
    properties = json_schema("profile")["properties"]
    assert properties["other_conditions"]["maxItems"] == 50
    assert properties["medications"]["maxItems"] == 50
    many = ["osteoporosis"] * 51
    assert "other_conditions" in _refusal(_her2_low(other_conditions=many))


def test_a_cohort_result_with_its_error_is_json() -> None:
    """Case 5111 (MINOR): to_json of a failed profile's Result raised TypeError."""
    [failed] = resistx.sequence_many([{"patient_id": "x"}])
    data = json.loads(resistx.to_json(failed))
    assert data["plan"] is None and data["error"]["kind"] == "invalid"
    assert {p["path"] for p in data["error"]["problems"]} >= {"$.her2"}


def test_an_evidence_pack_written_by_to_json_loads_back(tmp_path: Path) -> None:
    """Case 5104 (MINOR): EvidenceBase.from_file could not read back to_json of the 2026.11
    pack ('imlunestrant' is not a regimen id), where the docs say it loads what to_json
    writes."""
    pack = resistx.evidence("2026.11")
    path = tmp_path / "pack.json"
    path.write_text(resistx.to_json(pack), encoding="utf-8")
    again = resistx.EvidenceBase.from_file(path)
    assert resistx.to_json(again) == resistx.to_json(pack)
    # a regimen of no vocabulary is still refused
    bad = path.read_text(encoding="utf-8").replace('"regimen": "imlunestrant"', '"regimen": "x"')
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(resistx.EvidenceError):
        resistx.EvidenceBase.from_file(path)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_test_shown_before_choosing_is_before_choosing_in_the_plan_s_data(policy: str) -> None:
    """Cases 5238, 5239 (MINOR): with nothing preferred, the printed plan listed a test (HRD
    genes, somatic BRCA, tissue for the PI3K pathway) under 'Before choosing' while the plan's
    JSON said before_choosing false: a program reading the data missed the step."""
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    # at ECOG 2: at ECOG 3 the BRCA tests are for a later choice (8962)
    data = json.loads(Path("examples/16-ecog-3.json").read_text(encoding="utf-8")) | {"ecog": 2}
    plan = resistx.sequence(data, policy=policy)
    assert not any(o.tier is resistx.Tier.PREFERRED for o in plan.options)
    hrd = next(a for a in plan.actions if a.code == "test_hrd_genes")
    assert hrd.before_choosing
    first = [a.before_choosing for a in plan.actions]
    assert first == sorted(first, reverse=True)  # those before choosing come first


# -- the second recheck (cases 5150-5187) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No diabetes. Asbestosis.",
        "Nil DM. Silicosis.",
        "no diabetes but silicosis",
        "No diabetes, hypertension or ILD but silicosis",
        "FHx breast cancer (mother); asbestosis",
        "father had silicosis; patient has asbestosis",
        "not asbestosis but silicosis",
        "No cough. HbA1c 8.1%.",
        "No allergies. On rifampicin.",
    ],
)
def test_a_denial_that_opens_an_entry_reaches_its_own_sentence_only(text: str) -> None:
    """Case 5180 (MAJOR): an entry opening with a denial passed whole, every check after it
    skipped ('No diabetes. Asbestosis.' left trastuzumab deruxtecan first)."""
    _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize(
    "text", ["No diabetes, hypertension or ILD", "FHx - diabetes (mother)", "no asbestosis"]
)
def test_a_denial_of_a_list_still_denies_it(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HbA1c (2026-04-01): 7.2%", "7.2"),
        ("HbA1c on 12/04/2026 7.2%", "7.2"),
        ("CrCl (2026-04-01): 25", "25"),
        ("CrCl (01.04.2026): 25", "25"),
        ("eGFR (2026-04-01): 25", "25"),
        ("eGFR 95 in 2020, now 25", "25"),
    ],
)
def test_a_date_before_a_value_is_not_read_as_the_value(text: str, value: str) -> None:
    """Case 5162 (MAJOR): 'HbA1c (2026-04-01): 7.2%' was read as 20.6%, 'CrCl (01.04.2026):
    25' as 1.04 mL/min, and 'CrCl (2026-04-01): 25' passed; 'eGFR 95 in 2020, now 25' read
    the past value."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert f" {value} " in said or f" {value}%" in said or f": {value}" in said


@pytest.mark.parametrize(
    "text",
    [
        "HgbA1c 7.5%",
        "HbA1c > 6.5%",
        "clairance créatinine 45 mL/min",
        "débit de filtration glomérulaire 45",
        "tasa de filtración glomerular 45 ml/min",
        "filtrato glomerulare 45",
        "MDRD 48",
        "Cr Cl 45",
    ],
)
def test_more_names_of_an_hba1c_or_a_kidney_function_are_read(text: str) -> None:
    """Case 5160, 5164 (MAJOR): these passed, alpelisib preferred or olaparib first."""
    _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize("text", ["eGFR 95 (CKD-EPI)", "CKD-EPI 2021: 95", "rifampicin (2019)"])
def test_a_normal_egfr_by_its_equation_or_a_past_drug_in_brackets_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    "text",
    [
        "on rifampicin for TB diagnosed 2025",
        "rifampicin since March 2025",
        "rifampicin 2025-ongoing",
        "rifampicin 2025 to present",
        "aspergillosis 2025: voriconazole",
    ],
)
def test_a_drug_taken_now_with_a_year_in_its_clause_is_read(text: str) -> None:
    """Case 5165 (MAJOR): a year in the drug's own clause made it a past course though the
    text says it goes on; elacestrant came first beside rifampicin."""
    assert '"medications"' in _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "farmers lung",
        "pigeon breeder's lung",
        "progressive massive fibrosis",
        "interstitial lung disorder",
        "pulmonale Sarkoidose",
        "Lungensarkoidose",
        "Sarkoidose Stadium II",
        "Farmerlunge",
        "Pneumokoniose",
        "Berylliose",
        "pneumopathie d'hypersensibilité",
        "poumon de fermier",
        "alveolitis alérgica extrínseca",
        "pulmón de granjero",
        "alveolite allergica estrinseca",
        "interstiziopatia polmonare",
        "interstitiële longziekte",
        "longfibrose",
        "boerenlong",
        "sarcoidosis Scadding II",
    ],
)
def test_an_interstitial_lung_disease_in_more_words_and_languages_is_refused(text: str) -> None:
    """Case 5151-5153 (MAJOR): these passed as free text; 'pulmonale Sarkoidose' left
    trastuzumab deruxtecan first."""
    assert "interstitial_lung_disease" in _refusal(_her2_low(other_conditions=[text]))


def test_a_sarcoidosis_of_the_heart_and_lungs_names_both() -> None:
    """Case 5156 (MAJOR): 'pulmonary and cardiac sarcoidosis' pointed to cardiac_disease only,
    and the ILD rule was lost following it."""
    said = _refusal(_her2_low(other_conditions=["pulmonary and cardiac sarcoidosis"]))
    assert "interstitial_lung_disease" in said and "cardiac_disease" in said


@pytest.mark.parametrize(
    "text", ["cutaneous sarcoidosis, lungs clear on CT", "sarcoidosis, skin only, lungs clear"]
)
def test_a_sarcoidosis_of_the_skin_with_clear_lungs_passes(text: str) -> None:
    _passes(text)


@pytest.mark.parametrize(
    ("system", "code", "name"),
    [
        # the recheck (5060): ICD-10 J60-J67 and D86.0, SNOMED CT asbestosis, sarcoidosis of
        # lung went to free text, and the conversion failed there
        ("http://hl7.org/fhir/sid/icd-10", "J61", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://hl7.org/fhir/sid/icd-10", "J67.9", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://hl7.org/fhir/sid/icd-10", "D86.0", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://snomed.info/sct", "22607003", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://snomed.info/sct", "31541009", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://hl7.org/fhir/sid/icd-10-cm", "D86.85", Comorbidity.CARDIAC_DISEASE),
        ("http://snomed.info/sct", "24369008", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://snomed.info/sct", "40122008", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
        ("http://snomed.info/sct", "18690003", Comorbidity.INTERSTITIAL_LUNG_DISEASE),
    ],
)
def test_more_coded_lung_and_heart_sarcoid_conditions_are_read(
    system: str, code: str, name: Comorbidity
) -> None:
    """Case 5173-5175 (MAJOR): ICD-10-CM D86.85 (its six characters never looked up) and
    SNOMED CT pulmonary sarcoidosis, pneumoconiosis and farmer's lung were dropped, and
    trastuzumab deruxtecan came first."""
    assert name in _coded_conditions(system, code)


@pytest.mark.parametrize("code", ["31150-6", "72383-3", "74885-5", "74860-8", "96893-3"])
def test_a_her2_result_under_a_her2_loinc_code_not_mapped_stops_the_conversion(code: str) -> None:
    """Case 5170 (MAJOR): HER2 results under LOINC codes resistx does not map, sent with no
    display, converted as 'not a test resistx reads', planned on an older IHC 0."""
    data = bundle("04-her2-low-ihc2-ish-negative")
    observation = {
        "resourceType": "Observation",
        "id": "her2-loinc",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "valueCodeableConcept": {"text": "Positive"},
        "effectiveDateTime": "2026-05-02",
    }
    data["entry"].append({"resource": observation})
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "HER2" in str(caught.value)


@pytest.mark.parametrize("her2", ["low", "ultralow"])
def test_destiny_breast06_is_not_the_evidence_for_a_patient_after_chemotherapy(her2: str) -> None:
    """Case 5309, 5304 (MAJOR): after chemotherapy for metastatic disease, trastuzumab
    deruxtecan's efficacy reason quoted DESTINY-Breast06 (13.2 vs 8.1 months), which enrolled no
    one with chemotherapy for metastatic disease; the report and its forest plot cited it for
    the first option."""
    data = _her2_low() | {"her2": her2}
    data["treatments"] = [
        *data["treatments"],
        _course(["capecitabine"], "2026-04-25", "2026-05-25", "progression", line=2),
    ]
    plan = resistx.sequence(data, policy="practice-2026")
    tdxd = next(o for o in plan.options if o.regimen.id == TDXD)
    efficacy = [r for r in tdxd.reasons if r.rule == 16]
    assert efficacy
    for r in efficacy:  # HER2-ultralow: neither trial's figures are hers, none is quoted
        assert "13.2" not in r.text
        assert "DESTINY-Breast06" not in r.trials or r.code == "no_direct_evidence"


# -- the third recheck (cases 5250-5299) -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No DM, on carbamazepine",
        "No ILD, QTc 480 ms",
        "No diabetes, LVEF 35%",
        "No complications, ECOG 3",
        "No known drug allergies, on warfarin",
        "Nil else, on itraconazole",
        "No CKD previously, CrCl now 22 mL/min",
        "Mother - diabetes, patient on insulin",
        "No diabetes but on insulin for steroid-induced hyperglycaemia",
    ],
)
def test_a_fact_after_an_opening_denial_s_list_is_read(text: str) -> None:
    """Case 5274, 5260 (MAJOR): an opening denial hid every fact after it in its sentence ('No
    DM, on carbamazepine' left capivasertib preferred); a clause that states a value or a drug
    taken is not one of the conditions the denial lists."""
    _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "Carbamazepine 400 mg (2019 - present)",
        "Previously on carbamazepine but switched to phenytoin 2025",
        "Warfarin changed to apixaban 2025",
        "Itraconazole stopped 2024 but restarted 03/2026",
    ],
)
def test_a_drug_taken_now_after_a_switch_or_a_restart_is_read(text: str) -> None:
    """Case 5263, 5273 (MAJOR): a drug switched to or restarted, or dated to the present,
    passed."""
    assert '"medications"' in _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "Previous DVT 2018 (provoked), treated with apixaban for 6 months",
        "Latent TB treated 2019 (rifampicin 4 months)",
        "Rifampicin for 4 months (2019)",
        "Completed 6 months of rivaroxaban for DVT (2022)",
        "PE in 2016 - warfarin for 6 months",
        "Used itraconazole for onychomycosis in 2018",
        "Ondansetron with chemo in 2016",
        "Warfarin-induced bleed 2020",
        "Enoxaparin during pregnancy (2005)",
    ],
)
def test_a_past_course_as_letters_write_it_passes(text: str) -> None:
    """Case 5255, 5270 (MAJOR): a course of the past written so was refused, asking to record
    the drug under medications, which would have made it a drug taken now."""
    _passes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Insufficienza renale cronica, clearance 28 ml/min",
        "Nierinsufficiëntie, klaring 25 ml/min",
        "Glykiertes Hämoglobin 7,2 %",
        "Zuckerkrankheit Typ 2",
        "Kreatinin-Clearance 0,4 mL/s",
    ],
)
def test_kidney_and_diabetes_wording_in_more_languages_is_read(text: str) -> None:
    """Case 5262, 5261 (MAJOR): Italian and Dutch kidney failure, German glycated
    haemoglobin and diabetes' lay name passed; a clearance in mL/s with a comma lost its
    decimals."""
    _refusal(_her2_low(other_conditions=[text]))


def test_a_clearance_in_ml_per_second_with_a_comma_is_read_whole() -> None:
    _passes("Kreatinin-Clearance 1,6 ml/s")  # 96 mL/min


@pytest.mark.parametrize(
    "text", ["Mother - diabetes at 45", "Father: COPD, died aged 70", "No diabetes, BMI 31"]
)
def test_a_relative_s_age_or_a_number_no_rule_reads_after_a_denial_passes(text: str) -> None:
    """The third recheck's fix (5274) read a clause with a number after an opening denial or
    family history as the patient's: a relative's age is not, nor a value no rule reads."""
    _passes(text)


def test_a_measurement_after_a_family_history_is_the_patient_s() -> None:
    _refusal(_her2_low(other_conditions=["FHx: T2DM (mother), QTc 480 ms"]))


# -- the fourth recheck (cases 5350-5399) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Alpelisib-induced hyperglycaemia 2025, grade 4 DKA, ICU",
        "Tinzaparin for cancer-associated VTE",
        "No ILD, Child-Pugh B",
        "Nil DM, CIPN G2",
        "Dialyse seit 2024",
        "Dialisi dal 2024",
        "Geen diabetes, maar wel nierinsufficiëntie",
        "Sem diabetes, mas com DPOC",
        "Terapia con insulina",
        "Patiënt gebruikt insuline",
    ],
)
def test_the_fourth_recheck_s_passes_are_refused(text: str) -> None:
    """Cases 5385, 5379, 5389, 5378, 5394, 5396, 5398, 5397 (MAJOR): each passed, the fact
    unread (alpelisib preferred after grade 4 DKA on it; an anticoagulant taken now; a
    Child-Pugh class or a neuropathy's grade after a denial; dialysis 'since' in German or
    Italian; Dutch 'maar', Portuguese 'mas'; insulin in Italian or Dutch)."""
    _refusal(_her2_low(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "Mother - type 2 diabetes",
        "Brother - diabetes diagnosed aged 40",
        "Mother - ILD diagnosed at 70",
        "Diabetes - no. BMI 30",
        "Switched from warfarin to nothing, stopped 2024",
    ],
)
def test_the_fourth_recheck_s_refusals_pass(text: str) -> None:
    """Cases 5351-5367, 5363 (MAJOR, MINOR): a relative's condition with a number, and a
    checklist's 'no' before a sentence, were refused."""
    _passes(text)


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Changed from warfarin to rivaroxaban", "rivaroxaban"),
        ("Switched from warfarin to apixaban", "apixaban"),
    ],
)
def test_a_change_from_one_drug_to_another_reads_the_new_one(text: str, drug: str) -> None:
    """Case 5379 (MAJOR): 'Changed from warfarin to rivaroxaban' passed, the anticoagulant
    taken now unread; the drug changed from is not named as taken."""
    said = _refusal(_her2_low(other_conditions=[text]))
    assert drug in said and "warfarin" not in said.split("names", 1)[1].split("which")[0]
