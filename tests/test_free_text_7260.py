"""Session 65: free text and medication names the reviews found passing unread (cases 7262b,
7264, 7264b, 7268, 7269, 7260b)."""

from __future__ import annotations

import pytest

import resistx
from tests.helpers import PALBOCICLIB, patient, refusal


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # 7269 (MAJOR): a lung disease by its cause or event
        ("amiodarone pulmonary toxicity 2021, residual mild fibrosis on CT", "interstitial"),
        ("drug-induced lung injury", "interstitial"),
        ("bleomycin lung toxicity", "interstitial"),
        ("fibrotic lung disease", "interstitial"),
        ("interstitial lung abnormalities on CT", "interstitial"),
        # ... a neuropathy by its name or its symptoms
        ("Charcot-Marie-Tooth disease type 1A", "neuropathy"),
        ("HNPP", "neuropathy"),
        ("CIDP on IVIG", "neuropathy"),
        ("Guillain-Barre syndrome 2015", "neuropathy"),
        ("numbness of fingers and toes since paclitaxel", "neuropathy"),
        # 7264: the QT event itself, and the heart's
        ("torsades de pointes 2019, cardiac arrest, resuscitated", "qtc_prolonged"),
        ("TdP on methadone", "qtc_prolonged"),
        ("ventricular tachycardia", "cardiac_disease"),
        # 7260b: a monogenic diabetes by its number
        ("MODY3 (HNF1A)", "diabetes"),
        # 7262b: a kidney disease by its name
        ("hypertensive nephrosclerosis", "renal_impairment"),
    ],
)
def test_a_condition_named_by_its_cause_event_or_type_is_refused_as_free_text(
    text: str, named: str
) -> None:
    """7269, 7264, 7260b, 7262b (MAJOR): these passed as free text no rule reads, beside
    trastuzumab deruxtecan preferred, ribociclib unflagged, alpelisib preferred, olaparib an
    alternative at a clearance of about 16 mL/min."""
    said = refusal(patient(other_conditions=[text]))
    assert named in said, said


@pytest.mark.parametrize(
    "text",
    [
        "lung metastases, stable",
        "radiotherapy to the chest wall 2019",
        "numbness of the chin",  # a mental nerve's: no neuropathy of the limbs
        "no lung toxicity on amiodarone",
        "cognitive impairment, mild",
    ],
)
def test_near_texts_still_pass(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hypertensive, serum creatinine 2.3 mg/dL; age 78, weight 52 kg", "2.3"),
        ("creatinine 210 umol/L", "210"),
        ("Krea 2,3 mg/dl", "2.3"),
    ],
)
def test_a_raised_creatinine_is_refused_without_a_clearance(text: str, value: str) -> None:
    """7262b (MAJOR): a serum creatinine passed as free text while an eGFR is refused; the plan
    left olaparib an alternative with no renal caution. Rule 118 reads the Cockcroft-Gault
    clearance the labels dose by."""
    said = refusal(patient(other_conditions=[text]))
    assert "creatinine" in said and value in said and "creatinine_clearance" in said, said


def test_a_normal_creatinine_or_one_beside_a_clearance_passes() -> None:
    resistx.load_profile(patient(other_conditions=["creatinine 0.8 mg/dL"]))
    resistx.load_profile(
        patient(
            other_conditions=["creatinine 2.3 mg/dL"],
            comorbidities=[{"name": "renal_impairment", "creatinine_clearance": 16}],
        )
    )


@pytest.mark.parametrize(
    "text",
    [
        "QT prolongaton on ECG",
        "peripheral nueropathy grade 2 after adjuvant paclitaxel",
        "renal impairmant, stable",
        "chronic kidny disease",
        "hepatic impairmant",
        "polyneurapathy",
    ],
)
def test_a_misspelt_word_in_a_condition_s_name_is_refused(text: str) -> None:
    """7264b (MAJOR): one-letter slips inside multi-word names passed (a prolonged QT, a
    neuropathy, renal impairment), and chemotherapy was preferred with no neuropathy caution."""
    said = refusal(patient(other_conditions=[text]))
    assert "one letter from" in said or "names" in said, said


@pytest.mark.parametrize(
    ("entry", "meant"),
    [
        ("Lantos 24 units", "lantus"),
        ("Humolog", "humalog"),
        ("Celexo 20 mg", "citalopram"),
        ("Zofren 8 mg prn", "ondansetron"),
        ("Klacyd", "clarithromycin"),
        ("Biaxen", "clarithromycin"),
        ("Norvyr", "ritonavir"),
        ("Xtandy", "enzalutamide"),
        ("Multac", "dronedarone"),
        ("Tybest", "cobicistat"),
        ("Haldal", "haloperidol"),
    ],
)
def test_a_short_brand_misspelt_by_one_letter_is_refused(entry: str, meant: str) -> None:
    """7268 (MAJOR): six-letter brands with one letter changed passed unread (Lantos, Celexo,
    Zofren): the insulin and the two QT drugs beside ribociclib went unseen."""
    said = refusal(patient(medications=[entry]))
    assert meant in said, said


@pytest.mark.parametrize(
    "entry",
    [
        *("Zoloft 50 mg", "Ativan 1 mg", "Valium", "Lyrica 75 mg", "Plavix", "Keppra"),
        *("Cozaar", "Diovan", "Prozac", "Norvasc", "Lasix", "Humira", "Lipitor 20 mg"),
        "tablet weekly",
    ],
)
def test_real_drugs_near_a_read_name_still_pass(entry: str) -> None:
    resistx.load_profile(patient(medications=[entry]))


def test_a_failing_liver_in_text_beside_a_recorded_crisis_asks_for_hepatic_impairment() -> None:
    """7290 (MINOR): 'bilirubin 2.1 x ULN and rising' passed beside a crisis on record (the
    same text is refused without one), and no option carried a hepatic caution."""
    text = "bilirubin 2.1 x ULN and rising, ALT 4 x ULN"
    said = refusal(patient(visceral_crisis=True, other_conditions=[text]))
    assert "hepatic_impairment" in said and "rising bilirubin" in said, said
    resistx.load_profile(
        patient(
            visceral_crisis=True,
            other_conditions=[text],
            comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
        )
    )
    resistx.load_profile(patient(visceral_crisis=True, other_conditions=["hypoxic, on oxygen"]))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the recheck (7320-7329): word orders, misspellings and causes that still passed
        ("QT prolonged (470 ms)", "qtc_prolonged"),
        ("QTc interval prolonged", "qtc_prolonged"),
        ("myelodysplastic syndrom (low risk)", "myelodysplastic"),
        ("interstitial lung desease", "interstitial"),
        ("Methotrexate lung 2015", "interstitial"),
        ("Lung damage from methotrexate", "interstitial"),
        ("Nitrofurantoin lung reaction", "interstitial"),
        ("BOOP 2023", "interstitial"),
        ("Rheumatoid lung disease", "interstitial"),
        ("Systemic sclerosis with lung involvement", "interstitial"),
        ("Honeycombing on CT", "interstitial"),
        ("Bleomycin-induced pneumonopathy", "interstitial"),
        ("Pins and needles in both feet", "neuropathy"),
        ("Loss of sensation in toes", "neuropathy"),
        ("Burning feet since chemotherapy", "neuropathy"),
        ("HMSN type 1", "neuropathy"),
        ("AIDP 2015", "neuropathy"),
        ("Miller Fisher syndrome", "neuropathy"),
        ("VF arrest 2022", "cardiac_disease"),
        ("Cardiorespiratory arrest", "cardiac_disease"),
        ("Hypertensive nephropathy", "renal_impairment"),
        ("neutropenai", "neutropenia"),
        ("Cr 2.1 mg/dl", "creatinine"),
        ("Cr 180 umol/L", "creatinine"),
    ],
)
def test_the_recheck_s_variants_are_refused(text: str, named: str) -> None:
    said = refusal(patient(other_conditions=[text]))
    assert named in said, said


@pytest.mark.parametrize(
    "text",
    [
        "Lung toxicity monitoring plan discussed with patient",
        "Urine creatinine 120 mg/dL",
        "Creatinine kinase 300",
        "Creatinine rose to 1.3 on abemaciclib, eGFR by cystatin C 92",
        "Tingling fingers (carpal tunnel syndrome)",
        "Fingers numb in cold weather (Raynaud)",
        "Toe numbness from tight shoes",
        "CR after chemotherapy 2019",
    ],
)
def test_the_recheck_s_false_refusals_pass(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_man_s_creatinine_is_read_against_a_man_s_range() -> None:
    """The recheck: 1.2 mg/dL (110 umol/L) was called above the normal range for a man."""
    for text in ("Creatinine 110 umol/L", "creatinine 1.2 mg/dL"):
        resistx.load_profile(patient(schema_version=2, sex="male", other_conditions=[text]))
    assert "creatinine" in refusal(patient(other_conditions=["creatinine 1.2 mg/dL"]))


def test_a_cardiac_tamponade_in_text_asks_whether_it_is_a_visceral_crisis() -> None:
    """7400s (MAJOR): 'Malignant pericardial effusion with early tamponade' passed, and
    capivasertib + fulvestrant came first with no question of a crisis."""
    text = "Malignant pericardial effusion with early tamponade on echo, pericardiocentesis planned"
    said = refusal(patient(other_conditions=[text]))
    assert "tamponade" in said and "visceral_crisis" in said, said


@pytest.mark.parametrize(
    "drugs",
    [
        ["palbociclib", "ribociclib", "letrozole"],
        ["anastrozole", "letrozole"],
        ["olaparib", "talazoparib"],
        ["trastuzumab deruxtecan", "sacituzumab govitecan"],
        ["elacestrant", "fulvestrant"],
        ["capivasertib", "alpelisib", "fulvestrant"],
    ],
)
def test_two_drugs_of_one_class_in_one_course_are_refused(drugs: list[str]) -> None:
    """The adversarial review (MAJOR): palbociclib + ribociclib + letrozole was accepted, and
    both CDK4/6 inhibitors read as progressed on (ribociclib + fulvestrant left out): one pick
    from a drop-down list too many silently removed an option."""
    said = refusal(patient(treatments=[dict(PALBOCICLIB, drugs=drugs)]))
    assert "$.treatments[0].drugs" in said and "one course" in said, said


@pytest.mark.parametrize(
    "drugs",
    [
        ["anastrozole", "fulvestrant"],
        ["ribociclib", "everolimus", "exemestane"],
        ["capecitabine", "docetaxel"],
        ["palbociclib", "letrozole", "goserelin"],
    ],
)
def test_combinations_of_different_classes_still_load(drugs: list[str]) -> None:
    resistx.load_profile(patient(treatments=[dict(PALBOCICLIB, drugs=drugs)]))


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("other_conditions", "pre\u00adgnant 12 weeks"),
        ("other_conditions", "interstitial lung dis\u200bease"),
        ("medications", "itr\u200baconazole 200 mg"),
        ("medications", "itr\u0430conazole 200 mg"),  # a Cyrillic a
        ("other_conditions", "warf\u0430rin"),
    ],
)
def test_invisible_or_look_alike_characters_in_free_text_are_refused(field: str, text: str) -> None:
    """The adversarial review (MAJOR): a soft hyphen, a zero-width character or a Cyrillic
    look-alike inside a word (text copied from a PDF or a record) hid a pregnancy, an
    interstitial lung disease or itraconazole from every check, and the plan changed."""
    said = refusal(patient(**{field: [text]}))
    assert f"$.{field}" in said and ("invisible" in said or "letters of" in said), said


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("medications", "war\u034ffarin 5 mg"),  # a combining grapheme joiner
        ("other_conditions", "type 2 diab\u202cetes"),  # a bidi control
        ("medications", "war\ufe0ffarin"),  # a variation selector
        ("other_conditions", "type 2 diab\x01etes"),
        ("other_conditions", "pregn\u0561nt 12 weeks"),  # an Armenian look-alike
        ("medications", "\u0399\u03a4RACONAZOLE"),  # Greek capitals
    ],
)
def test_the_second_recheck_s_hidden_characters_are_refused(field: str, text: str) -> None:
    said = refusal(patient(**{field: [text]}))
    assert f"$.{field}" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "psoriasis on TNF\u03b1 inhibitor (past)",
        "IFN\u03b3 release assay negative",
        "PI3K\u03b1 inhibitor intolerance 2020",
        "hipertensi\u00f3n arterial",
        "albumin/creatinine ratio 45 mg/g",
        "protein/creatinine ratio 150 mg/mmol",
    ],
)
def test_the_second_recheck_s_false_refusals_pass(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "Perikardtamponade",
        "tamponnade cardiaque",
        "taponamiento cardiaco",
        "cardiac tamponade not excluded",
        "possible tamponade",
        "creatinine 0.9 -> 1.6 mg/dL",
        "creatinine 0.8 mg/dL (2024), 1.9 mg/dL (04/2026)",
    ],
)
def test_the_second_recheck_s_misses_are_refused(text: str) -> None:
    refusal(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text", ["cardiac tamponade ruled out", "hypoxia excluded", "tamponade unlikely on echo"]
)
def test_a_crisis_sign_ruled_out_passes(text: str) -> None:
    """Reading the change again: 'possible' or 'not excluded' keep a sign open, but a sign
    ruled out or excluded is denied, as before the second recheck's fix."""
    resistx.load_profile(patient(other_conditions=[text]))
