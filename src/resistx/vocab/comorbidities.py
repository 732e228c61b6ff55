"""Comorbidities the sequencing engine reads from a profile's ``comorbidities`` list."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator

from resistx._suggest import one_slip
from resistx.vocab.conditions_by_cause import named_by_cause
from resistx.vocab.interactions import folded


class Comorbidity(enum.StrEnum):
    """A condition the plan reads (a profile's ``comorbidities``): each changes which options
    are cautioned or left out; anything else goes to ``other_conditions``."""

    DIABETES = "diabetes"
    INTERSTITIAL_LUNG_DISEASE = "interstitial_lung_disease"
    UNCONTROLLED_HYPERTENSION = "uncontrolled_hypertension"
    CARDIAC_DISEASE = "cardiac_disease"
    HEPATIC_IMPAIRMENT = "hepatic_impairment"
    NEUROPATHY = "neuropathy"
    CYTOPENIA = "cytopenia"
    #: a myelodysplastic syndrome (or an acute myeloid leukaemia before): rule 112 (case 1176)
    MYELODYSPLASTIC_SYNDROME = "myelodysplastic_syndrome"
    BRADYCARDIA = "bradycardia"
    INFLAMMATORY_BOWEL_DISEASE = "inflammatory_bowel_disease"
    RENAL_IMPAIRMENT = "renal_impairment"
    QTC_PROLONGED = "qtc_prolonged"  # a prolonged QTc or congenital long-QT syndrome
    #: COPD and other chronic lung disease that limits pulmonary reserve (not ILD: case 510)
    CHRONIC_LUNG_DISEASE = "chronic_lung_disease"
    #: a current pregnancy: every option's label warns of embryo-fetal toxicity (rules 134,
    #: 135; case 1877)
    PREGNANCY = "pregnancy"
    #: a deficiency of dihydropyrimidine dehydrogenase, by phenotype or DPYD genotype: the
    #: fluoropyrimidines' labels (5493: it could not be recorded, and capecitabine's
    #: contraindication went unsaid)
    DPD_DEFICIENCY = "dpd_deficiency"


#: other names for a comorbidity resistx reads
ALIASES = {
    **dict.fromkeys(
        (
            "dpyd_deficiency",
            "dihydropyrimidine_dehydrogenase_deficiency",
            "dpd_deficient",
            "partial_dpd_deficiency",
            "complete_dpd_deficiency",
        ),
        "dpd_deficiency",
    ),
    "diabetes_mellitus": "diabetes",
    "type_2_diabetes": "diabetes",
    "type_ii_diabetes": "diabetes",
    "t2dm": "diabetes",
    # the order a problem list gives type 2 diabetes in (case 1464)
    "diabetes_mellitus_type_2": "diabetes",
    "diabetes_mellitus_type_ii": "diabetes",
    "type_2_diabetes_mellitus": "diabetes",
    "diabetes_type_2": "diabetes",
    "pregnant": "pregnancy",
    "currently_pregnant": "pregnancy",
    "ild": "interstitial_lung_disease",
    "pneumonitis": "interstitial_lung_disease",
    # the second recheck, 6745: 'fibrosis of the lungs' passed, and T-DXd was preferred
    **dict.fromkeys(
        ("fibrosis_of_the_lungs", "fibrosis_of_the_lung", "lung_fibrosis"),
        "interstitial_lung_disease",
    ),
    "heart_disease": "cardiac_disease",
    "heart_failure": "cardiac_disease",
    # a cardiology letter's words for heart failure (case 1639: refused, sent to
    # other_conditions, and trastuzumab deruxtecan came first)
    "hfref": "cardiac_disease",
    "hfmref": "cardiac_disease",
    "hfpef": "cardiac_disease",
    "chf": "cardiac_disease",
    "ccf": "cardiac_disease",  # congestive cardiac failure, UK usage (case 1652e)
    "congestive_cardiac_failure": "cardiac_disease",
    "cardiac_failure": "cardiac_disease",
    "congestive_heart_failure": "cardiac_disease",
    "cardiomyopathy": "cardiac_disease",
    "ischaemic_cardiomyopathy": "cardiac_disease",
    "ischemic_cardiomyopathy": "cardiac_disease",
    "dilated_cardiomyopathy": "cardiac_disease",
    "lv_systolic_dysfunction": "cardiac_disease",
    "left_ventricular_systolic_dysfunction": "cardiac_disease",
    "left_ventricular_dysfunction": "cardiac_disease",
    "peripheral_neuropathy": "neuropathy",
    "cipn": "neuropathy",  # chemotherapy-induced peripheral neuropathy (case 2228)
    "chemotherapy_induced_peripheral_neuropathy": "neuropathy",
    "chemotherapy-induced_peripheral_neuropathy": "neuropathy",
    "liver_impairment": "hepatic_impairment",
    "chronic_kidney_disease": "renal_impairment",  # as SNOMED CT 709044004 reads (interop)
    "ckd": "renal_impairment",
    "long_qt": "qtc_prolonged",
    # problem-list titles (ICD-10 R94.31, SNOMED CT preferred terms; the third recheck of
    # session 55, 3237-3238)
    "prolonged_qt_interval": "qtc_prolonged",
    "prolonged_qt": "qtc_prolonged",
    "lqts": "qtc_prolonged",
    "congenital_lqts": "qtc_prolonged",
    "interstitial_pulmonary_disease": "interstitial_lung_disease",
    "interstitial_pneumonia": "interstitial_lung_disease",
    "ulcerative_pancolitis": "inflammatory_bowel_disease",
    "crohn's": "inflammatory_bowel_disease",
    "polyneuropathy": "neuropathy",
    "renal_insufficiency": "renal_impairment",
    "long_qt_syndrome": "qtc_prolonged",
    "qt_prolongation": "qtc_prolonged",
    "prolonged_qtc": "qtc_prolonged",
    "copd": "chronic_lung_disease",
    "cpod": "chronic_lung_disease",  # its letters slipped (the second recheck, 6746)
    "chronic_obstructive_pulmonary_disease": "chronic_lung_disease",
    "emphysema": "chronic_lung_disease",
    "bronchiectasis": "chronic_lung_disease",  # case 1691b
    # a clinic's words for an interstitial lung disease or a pneumonitis (case 1094)
    "pulmonary_fibrosis": "interstitial_lung_disease",
    "lung_fibrosis": "interstitial_lung_disease",
    "idiopathic_pulmonary_fibrosis": "interstitial_lung_disease",
    "ipf": "interstitial_lung_disease",
    "radiation_pneumonitis": "interstitial_lung_disease",
    # ... and for the inflammatory bowel diseases (case 1096)
    "ibd": "inflammatory_bowel_disease",
    "crohn's_disease": "inflammatory_bowel_disease",
    "crohns_disease": "inflammatory_bowel_disease",
    "crohn_disease": "inflammatory_bowel_disease",
    "ulcerative_colitis": "inflammatory_bowel_disease",
    # a myelodysplastic syndrome by its names (case 1176)
    "mds": "myelodysplastic_syndrome",
    "myelodysplasia": "myelodysplastic_syndrome",
    "therapy_related_mds": "myelodysplastic_syndrome",
    "therapy-related_mds": "myelodysplastic_syndrome",
    "t-mds": "myelodysplastic_syndrome",
    "therapy_related_myelodysplastic_syndrome": "myelodysplastic_syndrome",
    "therapy-related_myelodysplastic_syndrome": "myelodysplastic_syndrome",
    "myelodysplastic_syndromes": "myelodysplastic_syndrome",
    "t_mds": "myelodysplastic_syndrome",
    "tmds": "myelodysplastic_syndrome",
    "mds_(therapy_related)": "myelodysplastic_syndrome",
    "mds_(therapy-related)": "myelodysplastic_syndrome",
    # an acute myeloid leukaemia before (the PARP inhibitors' labels name it with MDS)
    "aml": "myelodysplastic_syndrome",
    "t_aml": "myelodysplastic_syndrome",
    "t-aml": "myelodysplastic_syndrome",
    "acute_myeloid_leukaemia": "myelodysplastic_syndrome",
    "acute_myeloid_leukemia": "myelodysplastic_syndrome",
    "therapy_related_aml": "myelodysplastic_syndrome",
    "therapy-related_aml": "myelodysplastic_syndrome",
    # low blood counts by the count (case 1159)
    "neutropenia": "cytopenia",
    # ... in French, German, Dutch, Spanish and Italian, and in the plural (9505, 9511: they
    # were called misspellings of 'neutropenia')
    **dict.fromkeys(
        (
            "neutropenie",
            "thrombopenie",
            "thrombozytopenie",
            "trombocytopenie",
            "trombocitopenia",
            "trombocitopenie",
            "piastrinopenia",
            "cytopenias",
            "cytopenie",
        ),
        "cytopenia",
    ),
    # a liver's function lost, by name and in German (9501)
    **dict.fromkeys(
        ("chronic_liver_disease", "leberinsuffizienz", "leberfunktionsstorung"),
        "hepatic_impairment",
    ),
    # a kidney's function lost in abbreviations: stages 3-5 (9500; not 'AKI', 'IRC' or 'ERC',
    # a past injury, a French respiratory failure, a German cholangiography: 9550-9553)
    **dict.fromkeys(("ckd3", "ckd3a", "ckd3b", "ckd4", "ckd5"), "renal_impairment"),
    "anaemia": "cytopenia",
    "anemia": "cytopenia",
    "thrombocytopenia": "cytopenia",
    "pancytopenia": "cytopenia",
    "leukopenia": "cytopenia",
    # the adjectives ('neutropenic fever on eribulin 2025' was refused as a misspelling: 7590s)
    "neutropenic": "cytopenia",
    "thrombocytopenic": "cytopenia",
    "pancytopenic": "cytopenia",
    "leukopenic": "cytopenia",
    # French, German, Spanish and Italian names, accents removed (session 56's adversarial
    # review, 3409: 'pneumopathie interstitielle diffuse' and 'Herzinsuffizienz' passed as
    # free text no rule reads)
    **dict.fromkeys(
        (
            "pneumopathie_interstitielle",
            "pneumopathie_interstitielle_diffuse",
            "fibrose_pulmonaire",
            "lungenfibrose",
            "interstitielle_lungenerkrankung",
            "enfermedad_pulmonar_intersticial",
            "fibrosis_pulmonar",
            "fibrosi_polmonare",
            "pneumopatia_interstiziale",
        ),
        "interstitial_lung_disease",
    ),
    **dict.fromkeys(
        (
            "herzinsuffizienz",
            "insuffisance_cardiaque",
            "insuficiencia_cardiaca",
            "scompenso_cardiaco",
            "kardiomyopathie",
            "cardiomyopathie",
            "miocardiopatia",
            "cardiomiopatia",
        ),
        "cardiac_disease",
    ),
    **dict.fromkeys(
        ("niereninsuffizienz", "insuffisance_renale", "insuficiencia_renal"),
        "renal_impairment",
    ),
    **dict.fromkeys(
        (
            *("insufficienza_renale", "insufficienza_renale_cronica", "nierinsufficientie"),
            *("nierfunctiestoornis", "chronische_nierinsufficientie"),  # the third recheck
        ),
        "renal_impairment",
    ),
    **dict.fromkeys(
        (
            "neuropathie",
            "neuropathie_peripherique",
            "periphere_neuropathie",
            "polyneuropathie",
            "neuropatia",
            "neuropatia_periferica",
        ),
        "neuropathy",
    ),
    **dict.fromkeys(
        ("qt_long", "qt_long_congenital", "syndrome_du_qt_long", "qt_verlangerung", "qt_largo"),
        "qtc_prolonged",
    ),
    # ... in Italian and Dutch, and its eponyms (the second recheck of session 57, 4459-4464)
    **dict.fromkeys(
        (
            "qt_lungo",
            "qt_lungo_congenito",
            "sindrome_del_qt_lungo",
            "sindrome_del_qt_lungo_congenita",
            "lang_qt_syndroom",
            "lange_qt_syndroom",
            "romano_ward_syndrome",
            "romano_ward",
            "jervell_and_lange_nielsen_syndrome",
            "jervell_lange_nielsen_syndrome",
            "jervell_and_lange_nielsen",
        ),
        "qtc_prolonged",
    ),
    # patterns, abbreviations and names the recheck of session 56 found passing (3469-3471)
    **dict.fromkeys(
        ("uip", "nsip", "organising_pneumonia", "organizing_pneumonia"),
        "interstitial_lung_disease",
    ),
    "malattia_polmonare_interstiziale": "interstitial_lung_disease",
    **dict.fromkeys(("bpco", "epoc", "dpoc"), "chronic_lung_disease"),  # Portuguese too (5398)
    **dict.fromkeys(
        ("lqt1", "lqt2", "lqt3", "congenital_lqt1", "congenital_lqt2"), "qtc_prolonged"
    ),
    "congenital_lqt3": "qtc_prolonged",
    "herzschwache": "cardiac_disease",
    **dict.fromkeys(("bradykardie", "bradycardie"), "bradycardia"),
    **dict.fromkeys(
        ("morbus_crohn", "colitis_ulcerosa", "maladie_de_crohn", "rectocolite_hemorragique"),
        "inflammatory_bowel_disease",
    ),
    "myelodysplasie": "myelodysplastic_syndrome",
    # the pneumoconioses, an extrinsic allergic alveolitis and a sarcoidosis of the lungs are
    # interstitial lung diseases by their own names (case 4873v: asbestosis went to free text,
    # and trastuzumab deruxtecan came first beside it)
    **dict.fromkeys(
        (
            *("asbestosis", "silicosis", "pneumoconiosis", "coal_workers_pneumoconiosis"),
            *("berylliosis", "hypersensitivity_pneumonitis", "extrinsic_allergic_alveolitis"),
            *("pulmonary_sarcoidosis", "lung_sarcoidosis", "sarcoidosis_of_the_lung"),
            *("stage_ii_sarcoidosis", "stage_iii_sarcoidosis", "stage_iv_sarcoidosis"),
        ),
        "interstitial_lung_disease",
    ),
    # ... by other names and in other languages (the recheck, 5063: farmer's lung, silicosis
    # in German passed as free text)
    **dict.fromkeys(
        (
            *("farmer_lung", "bird_fancier_lung", "pigeon_fancier_lung", "bird_breeder_lung"),
            *("chronic_beryllium_disease", "black_lung", "anthracosilicosis", "pneumoconioses"),
            *("coal_worker_pneumoconiosis", "coal_workers'_pneumoconiosis", "asbestose"),
            *("silikose", "silicose", "pneumoconiose", "neumoconiosis", "pneumoconiosi"),
            *("asbestosi", "silicosi", "alveolite_allergique_extrinseque"),
            *("exogen_allergische_alveolitis", "neumonitis_por_hipersensibilidad"),
            *("polmonite_da_ipersensibilita", "extrinsic_allergic_alveolitis"),
            # ... and more (the second recheck, 5151-5153)
            *("farmers_lung", "farmers'_lung", "pigeon_breeder_lung", "pigeon_breeders_lung"),
            *("progressive_massive_fibrosis", "interstitial_lung_disorder", "hard_metal_lung"),
            *("hard_metal_lung_disease", "drug_induced_interstitial_lung_disorder"),
            *("pulmonale_sarkoidose", "lungensarkoidose", "farmerlunge", "vogelhalterlunge"),
            *("pneumokoniose", "berylliose", "pneumopathie_d'hypersensibilite"),
            *("poumon_de_fermier", "pneumopathie_radique", "alveolitis_alergica_extrinseca"),
            *("pulmon_de_granjero", "alveolite_allergica_estrinseca", "polmone_del_contadino"),
            *("interstiziopatia_polmonare", "polmonite_interstiziale"),
            *("interstitiele_longziekte", "longfibrose", "hypersensitiviteitspneumonitis"),
            *("longsarcoidose", "boerenlong"),
        ),
        "interstitial_lung_disease",
    ),
    **dict.fromkeys(("cardiac_sarcoidosis", "myocardial_sarcoidosis"), "cardiac_disease"),
    **dict.fromkeys(
        ("kardiale_sarkoidose", "herzsarkoidose", "cardiale_sarcoidose"), "cardiac_disease"
    ),
    # British spellings of the low counts (case 4907: 'thrombocytopaenia' was refused)
    **dict.fromkeys(
        ("thrombocytopaenia", "neutropaenia", "pancytopaenia", "leucopenia", "leucopaenia"),
        "cytopenia",
    ),
    "leukopaenia": "cytopenia",
    # named by the disease, its type or its event (session 65: 7264, 7269, 7262b)
    **dict.fromkeys(
        (
            *("charcot_marie_tooth", "charcot_marie_tooth_disease", "cmt1a", "cmt1", "cmt2"),
            *("hnpp", "hereditary_neuropathy_with_liability_to_pressure_palsies", "cidp"),
            *("guillain_barre", "guillain_barre_syndrome", "morbus_charcot_marie_tooth"),
        ),
        "neuropathy",
    ),
    **dict.fromkeys(
        ("torsades_de_pointes", "torsade_de_pointes", "torsades", "torsade", "tdp"),
        "qtc_prolonged",
    ),
    **dict.fromkeys(
        (
            *("ventricular_tachycardia", "ventricular_fibrillation", "cardiac_arrest"),
            *("sustained_ventricular_tachycardia", "non_sustained_ventricular_tachycardia"),
        ),
        "cardiac_disease",
    ),
    # ... and the recheck's (7320-7329)
    **dict.fromkeys(
        ("qt_prolonged", "qt_interval_prolonged", "qtc_interval_prolonged"), "qtc_prolonged"
    ),
    **dict.fromkeys(
        ("hmsn", "hmsn_type_1", "aidp", "miller_fisher_syndrome", "miller_fisher"), "neuropathy"
    ),
    **dict.fromkeys(
        ("vf_arrest", "cardiorespiratory_arrest", "vt_ablation", "vf_cardiac_arrest"),
        "cardiac_disease",
    ),
    **dict.fromkeys(
        (
            *(
                "boop",
                "honeycombing",
                "pneumonopathy",
                "rheumatoid_lung",
                "rheumatoid_lung_disease",
            ),
            *("methotrexate_lung", "amiodarone_lung", "nitrofurantoin_lung", "bleomycin_lung"),
        ),
        "interstitial_lung_disease",
    ),
    # a pneumonitis and a lung fibrosis in French, German, Spanish, Italian and Portuguese
    # (session 66, 7471: each passed beside trastuzumab deruxtecan preferred); not the Italian
    # 'polmonite' alone, a pneumonia
    **dict.fromkeys(
        (
            *("pneumonite", "pneumonite_interstitielle", "pneumopathie_medicamenteuse"),
            *("pneumonite_radique", "strahlenpneumonitis", "neumonitis", "polmonite_da_radiazioni"),
            *("polmonite_attinica", "fibrose_pulmonar", "fibrosis_pulmonar", "fibrose_pulmonaire"),
            *("lungenfibrose", "fibrosi_polmonare", "pneumonite_intersticial"),
        ),
        "interstitial_lung_disease",
    ),
    # a cirrhosis is hepatic impairment, which its Child-Pugh class grades (7472: it passed with
    # no hepatic caution, while its misspelling was refused); not a fatty liver, which ``HINTS``
    # asks about
    **dict.fromkeys(
        (
            *("cirrhosis", "liver_cirrhosis", "cirrhose", "leberzirrhose", "cirrosis"),
            *("zirrhose", "cirrose", "cirrose_hepatica", "cirrosis_hepatica", "cirrosi_epatica"),
            *("cirrosi", "hepatic_encephalopathy", "hepatische_enzephalopathie"),
            *("encephalopathie_hepatique", "encefalopatia_hepatica", "encefalopatia_epatica"),
        ),
        "hepatic_impairment",
    ),
}


#: everyday names that may mean a comorbidity resistx reads, for the error's pointer (case
#: 1100: 'liver disease' got 'did you mean cardiac_disease?'); never read as it silently
HINTS = {
    **dict.fromkeys(
        (*("liver_disease", "nash", "masld", "fatty_liver"),),
        "hepatic_impairment (with its child_pugh class) where liver function is impaired",
    ),
    **dict.fromkeys(
        (
            "atrial_fibrillation",
            "af",
            "paroxysmal_af",
            "coronary_artery_disease",
            "cad",
            "myocardial_infarction",
            "heart_attack",
            "angina",
        ),
        "cardiac_disease where it is significant heart disease",
    ),
    "marrow_infiltration": 'cytopenia (with the worst count\'s CTCAE "grade") where blood '
    "counts are low",
    # controlled hypertension is no caution's concern (case 1476: the nearest name steered it
    # to uncontrolled_hypertension)
    **dict.fromkeys(
        ("hypertension", "essential_hypertension", "htn", "high_blood_pressure"),
        "uncontrolled_hypertension only where it is uncontrolled (controlled hypertension "
        "goes in other_conditions: no rule reads it)",
    ),
    # a neuropathy first (case 2228: 'diabetic neuropathy' was hinted to diabetes alone)
    **dict.fromkeys(
        ("diabetic_neuropathy", "diabetic_peripheral_neuropathy", "diabetic_polyneuropathy"),
        'neuropathy (with its "grade"), and {"name": "diabetes"} too if it is not recorded',
    ),
    # a slow heart (case 2228: no hint at all)
    **dict.fromkeys(
        ("sick_sinus_syndrome", "heart_block", "av_block", "complete_heart_block", "sss"),
        "bradycardia where the heart rate is slow (ribociclib's label), or cardiac_disease "
        "where it is significant heart disease",
    ),
    # a sarcoidosis by where it is (case 4873v's variant: sent to free text like any name)
    **dict.fromkeys(
        ("sarcoidosis", "sarcoid", "sarcoidose", "sarcoidosi"),
        "interstitial_lung_disease where it is in the lungs (pulmonary sarcoidosis), "
        "cardiac_disease where it is in the heart; a sarcoidosis elsewhere only goes in "
        "other_conditions",
    ),
    # not diabetes (case 1519: the nearest name recorded a diagnosis she did not have)
    **dict.fromkeys(
        ("prediabetes", "pre_diabetes", "impaired_fasting_glucose", "impaired_glucose_tolerance"),
        "other_conditions (it is not diabetes, and no rule reads an HbA1c without diabetes)",
    ),
}


#: how to record diabetes that needs insulin (case 962: type 1 diabetes taken as plain
#: diabetes lost the insulin it always needs)
INSULIN = '{"name": "diabetes", "insulin": true}'


#: ... and diabetes named any other way (case 1096: 'T2DM on metformin' went to free text)
DIABETES = '{"name": "diabetes"}, with "insulin": true where it needs insulin, and "hba1c"'
#: a clinic's short names for diabetes
_DIABETES_WORDS = frozenset(
    {"dm", "dm1", "dm2", "t1d", "t2d", "t1dm", "t2dm", "iddm", "niddm", "lada", "mody"}
    # and in French (the recheck, 3470); not 'DID', English's 'did' ('did well': 7558)
    | {"dmt2", "dmt1", "dt2", "dt1", "dnid"}
    | {"zuckerkrankheit", "suikerziekte"}  # lay names, German and Dutch (5261)
    | {f"mody{n}" for n in range(1, 15)}  # a monogenic diabetes by its type (7260b: MODY3)
)
#: words of a diabetes that is no diabetes mellitus now (case 2739n): free text, not hinted
_NOT_MELLITUS = frozenset({"insipidus", "gestational"})
# ... in French, Spanish and Italian (the free-text review of session 57, 3817)
_NOT_MELLITUS |= {"gestationnel", "gestationnelle", "gestacional", "gestazionale"}


def recorded_as(name: str) -> str | None:
    """How to record a name that means a comorbidity with a value (diabetes named with insulin
    or as type 1, in any word order and a clinic's short names; any other diabetes: its name
    and the insulin its rules read), or None."""
    key = normalise(name)
    if key in HINTS:  # 'pre-diabetes' is no diabetes (case 4907)
        return None
    words = re.findall(r"[a-z0-9]+", key.replace("type_", "type"))  # type 1, type1, type I
    if not any(w.startswith("diabet") or w in _DIABETES_WORDS for w in words):
        return None
    if any(w.startswith(("neuropath", "polyneuropath")) for w in words):
        return None  # a neuropathy first (``HINTS``; case 2228)
    if _NOT_MELLITUS & set(words):
        return None
    insulin = "insulin" in words and not {"non", "without", "no"} & set(words)
    if {"t1dm", "t1d", "iddm", "dm1", "type1", "typei"} & set(words) or insulin:
        return INSULIN
    return DIABETES


#: renal impairment is a creatinine clearance below this (mL/min)
NORMAL_CLEARANCE = 90
#: an HbA1c at or above it is in the diabetic range (%; the ADA's diagnostic threshold)
DIABETIC_HBA1C = 6.5


def hba1c_percent(mmol_per_mol: float) -> float:
    """An HbA1c in mmol/mol (IFCC) as a percentage (NGSP), by the IFCC-NGSP master equation."""
    return 0.09148 * mmol_per_mol + 2.152


#: how to give renal impairment's stage: the labels set doses by it (rule 118)
_CLEARANCE = 'with its "creatinine_clearance" in mL/min'
#: words for kidney failure, which is renal impairment at its worst (case 1305)
KIDNEY_FAILURE = frozenset(
    {"dialysis", "haemodialysis", "hemodialysis", "esrd", "eskd", "esrf", "haemofiltration"}
    | {"dialyse", "hamodialyse", "dialisis", "dialisi", "capd"}  # and abroad (3466)
)
_END_STAGE = ("end_stage_renal", "end_stage_kidney", "kidney_failure", "renal_failure")


#: words of a condition that is no organ's impairment a rule reads, for which a spelling hint
#: would name the wrong organ (case 1797: 'mild cognitive impairment', did you mean
#: hepatic_impairment?)
_NO_HINT_WORDS = frozenset(
    {"cognitive", "cognition", "dementia", "alzheimer", "alzheimers", "memory", "delirium"}
)
#: words of metastases named as a comorbidity (case 1797: the brain's rule 120 was lost)
_METASTASIS_WORDS = frozenset({"metastases", "metastasis", "metastatic", "mets", "secondaries"})
# ... in French, German, Italian, Spanish and Dutch, one-word ones among them (session 57)
_METASTASIS_WORDS |= {"metastase", "metastasen", "metastasi", "hirnmetastasen", "hirnmetastase"}
_METASTASIS_WORDS |= {"hersenmetastasen", "hersenmetastase"}
#: the site a word of such a name names (``MetastaticSite`` values)
_SITE_WORDS = {
    **dict.fromkeys(("brain", "cerebral", "cns", "intracranial", "cerebellar"), "brain"),
    **dict.fromkeys(("cerebrales", "cerebrale", "cerebrali", "hirnmetastasen"), "brain"),
    **dict.fromkeys(("hirnmetastase", "hersenmetastasen", "hersenmetastase"), "brain"),
    "leptomeningeal": "leptomeningeal",
    **dict.fromkeys(("leptomeningee", "leptomeningea", "leptomeningeale"), "leptomeningeal"),
    **dict.fromkeys(("meningitis", "meningite", "meningeosis", "meningea"), "leptomeningeal"),
    **dict.fromkeys(("liver", "hepatic"), "liver"),
    **dict.fromkeys(("bone", "bony", "skeletal", "osseous"), "bone"),
    **dict.fromkeys(("lung", "pulmonary"), "lung"),
    **dict.fromkeys(("pleura", "pleural"), "pleura"),
    **dict.fromkeys(("peritoneal", "peritoneum"), "peritoneum"),
    **dict.fromkeys(("meningeal", "lmd"), "leptomeningeal"),
}


def elsewhere(name: str) -> str | None:
    """Where a name given as a comorbidity belongs instead, with no spelling hint (brain
    metastases: a metastatic site; a cognitive impairment: free text; a value a rule reads, a
    clearance, an LVEF, a Child-Pugh class: the field that reads it), or None."""
    words = set(re.findall(r"[a-z]+", normalise(name)))
    if words & _METASTASIS_WORDS or words & _LEPTOMENINGEAL:
        sites = sorted({f'"{_SITE_WORDS[w]}"' for w in words if w in _SITE_WORDS})
        named = (
            f"metastatic_sites {', '.join(sites)}" if sites else "their site in metastatic_sites"
        )
        return f"; metastases are a site: {named}, which the rules read"
    if (valued := _with_value(name, words)) is not None:
        return valued
    if any(w.startswith("pregnan") for w in words):  # case 1970: 'pregnancy (18 weeks)'
        return '; record "pregnancy" (rules 134 and 135 read it), and the gestation in other_conditions'
    if words & _MENOPAUSE_WORDS:  # case 1870b: free text, where the rules read the status
        return (
            "; an oophorectomy or surgical menopause is the menopause: record menopausal_status "
            '"postmenopausal", which the rules read (and a bilateral oophorectomy\'s date as '
            "oophorectomy_on)"
        )
    if words & (_NO_HINT_WORDS | _NOT_MELLITUS):  # 'diabetes insipidus' (case 2769)
        return "; it goes in other_conditions (free text resistx does not assess)"
    return None


#: words of a surgery that ends ovarian function, named as a comorbidity (case 1870b)
_MENOPAUSE_WORDS = frozenset({"oophorectomy", "ovariectomy", "menopause", "bso"})
#: words of a name that mean the leptomeninges (case 1811: 'leptomeningeal disease', did you
#: mean chronic_lung_disease?)
_LEPTOMENINGEAL = frozenset({"leptomeningeal", "carcinomatosis", "lmd", "carcinomatous"})
_LEPTOMENINGEAL |= {"carcinomateuse", "carcinomatosa", "carcinomatosi", "leptomeningee"}
_LEPTOMENINGEAL |= {"leptomeningea", "leptomeningeale"}


def sites_named(words: list[str]) -> list[tuple[int, str]]:
    """Each metastatic site (a ``MetastaticSite`` value) a clause's words name as metastases,
    with where its metastases are named: a site's word beside a word of metastases ('brain
    metastases', 'métastases cérébrales', 'Hirnmetastasen', 'carcinomatous meningitis') or a
    leptomeningeal disease alone ('LMD'); the comorbidity names (``elsewhere``) and the free
    text (``_free_text_values``) read the same words."""
    at = next((k for k, w in enumerate(words) if w in _METASTASIS_WORDS | _LEPTOMENINGEAL), None)
    if at is None:
        return []
    return [(at, site) for site in dict.fromkeys(_SITE_WORDS[w] for w in words if w in _SITE_WORDS)]


#: words of a kidney's function or its failure (case 1811: 'CrCl 25', 'nephropathy', did you
#: mean neuropathy?)
_KIDNEY = frozenset({"crcl", "gfr", "egfr", "clearance", "nephropathy", "aki", "creatinine"})
_ORGAN_WORDS = frozenset({"renal", "kidney"})
_IMPAIRED = frozenset({"impaired", "impairment", "function", "insufficiency", "injury"})


def _with_value(name: str, words: set[str]) -> str | None:
    """How to record a comorbidity written with the value a rule reads (or that needs one)."""
    found = re.search(r"\d+(?:\.\d+)?", name)
    value = f"{float(found.group()):g}" if found else None
    if words & _KIDNEY or (words & _ORGAN_WORDS and words & _IMPAIRED):
        # an eGFR is not the Cockcroft-Gault clearance the labels dose by (case 1841)
        egfr = bool(words & {"gfr", "egfr"})
        clearance = "<Cockcroft-Gault mL/min, not the eGFR>" if egfr else value or "<mL/min>"
        said = f'; record {{"name": "renal_impairment", "creatinine_clearance": {clearance}}}'
        diabetes = (
            f", and the diabetes as {DIABETES}"
            if any(w.startswith("diabet") for w in words)
            else ""
        )
        return f"{said} (the labels dose by it, rule 118){diabetes}"
    if words & {"lvef", "ejection"} or {"lv", "dysfunction"} <= words:
        lvef = value or "<percent>"
        return f'; record {{"name": "cardiac_disease", "lvef": {lvef}}} (rules 126, 12 read it)'
    if {"child", "pugh"} <= words:
        grade = re.search(r"pugh\W*([abc])\b", name.casefold())
        child = f'"{grade.group(1).upper()}"' if grade else '"A", "B" or "C"'
        return f'; record {{"name": "hepatic_impairment", "child_pugh": {child}}}'
    return None


def hint(name: str) -> str | None:
    """The comorbidity an everyday name may mean (``HINTS``; kidney disease by its stage; a
    name or alias within a longer one, 'ulcerative colitis in remission': the recheck of case
    1238)."""
    key = normalise(name)
    if set(re.findall(r"[a-z]+", key)) & KIDNEY_FAILURE or key.startswith(_END_STAGE):
        return f"renal_impairment, {_CLEARANCE} (on dialysis, below 15)"
    if key.startswith(("ckd", "chronic_kidney_disease", "kidney_", "renal_")):  # case 1797
        return f"renal_impairment where kidney function is impaired, {_CLEARANCE}"
    if key == "uc":
        return "inflammatory_bowel_disease (ulcerative colitis)"
    return HINTS.get(key) or _within(key)


def _within(key: str) -> str | None:
    """The comorbidity whose name or alias is a whole run of words within ``key``."""

    def words(text: str) -> str:
        return f"_{re.sub(r'[^a-z0-9]+', '_', text).strip('_')}_"

    values = {c.value for c in Comorbidity}
    names = {**{v: v for v in values}, **ALIASES, "uc": "inflammatory_bowel_disease"}
    found = {v for k, v in names.items() if words(k) in words(key) and v in values}
    return found.pop() if len(found) == 1 else None


def normalise(name: str) -> str:
    """Lower case with underscores, aliases resolved: 'Diabetes mellitus' -> 'diabetes'."""
    key = "_".join(folded(name).strip().replace("-", " ").split())
    return ALIASES.get(key, key)


def known(name: str) -> Comorbidity | None:
    try:
        return Comorbidity(normalise(name))
    except ValueError:
        return None


#: words that, before a condition in its clause, say it is not the patient's now ('no
#: diabetes', 'family history of diabetes', 'FHx T2DM', 'mother T2DM', 'suspected ILD')
_NOT_BEFORE = frozenset(
    {"no", "not", "without", "denies", "denied", "negative", "family", "fhx", "mother", "father"}
    | {"sister", "brother", "husband", "wife", "son", "daughter", "aunt", "uncle", "unlikely"}
    | {"grandmother", "grandfather", "suspected", "query", "possible", "risk", "screening"}
    | {"borderline", "excluded", "nil"}
    | {"rule"}  # 'echo to rule out LV dysfunction' (9554)
    # ... in French, German, Spanish and Italian (the recheck of session 56, 3474)
    | {"pas", "sans", "kein", "keine", "keinen", "ohne", "sin", "nessun", "nessuna", "senza"}
    # 'Never on insulin'; an infection's pneumonitis, and counselling about a risk (3541-3559)
    | {"never", "covid", "viral", "infective", "aspiration", "concerned", "counselled"}
    | {"consider", "considering", "if", "planned", "planning"}  # 'Consider dialysis if ...'
    | {"counseled"}
    # ... in Italian, Dutch and Portuguese (the free-text review of session 57, 3820-3821)
    | {"nega", "negano", "geen", "niet", "sem", "nao"}
)
#: words of a family history anywhere in an entry ('Diabetes in father', 'Brother - COPD')
_FAMILY = frozenset(
    {"family", "fhx", "fh", "mother", "father", "sister", "brother", "aunt", "uncle", "mum"}
    | {"grandmother", "grandfather", "maternal", "paternal", "sibling", "siblings", "parents"}
    | {"parent", "cousin", "niece", "nephew", "mom", "dad", "mutter", "vater", "madre", "padre"}
    # ... in clinic shorthand and other languages, and another person's (3541-3559)
    | {"fam", "grandma", "grandpa", "granny", "mere", "pere", "familiaux", "familienanamnese"}
    | {"familiares", "famille", "partner", "spouse", "husband", "wife", "carer"}
    | {"nonna", "nonno", "frere", "soeur", "bruder", "schwester", "oma", "opa", "hermano"}
    | {"hermana", "abuela", "abuelo", "fratello", "sorella", "tante", "oncle", "zia", "zio"}
    | {"moeder", "vader", "broer", "zus", "mae", "pai", "irma", "irmao"}  # Dutch, Portuguese
)
#: a clause of another person's or of the patient's work ('Works as a dialysis nurse')
_NOT_HERS = _FAMILY | {"nurse", "works", "occupation", "job"}
#: an entry that opens with one denies its list ('No diabetes, hypertension or ILD') ...
_DENY_ALL = frozenset({"no", "nil", "none", "denies", "denied", "negative", "pas", "sans"})
_DENY_ALL |= {"kein", "keine", "ohne", "sin", "nessun", "nessuna", "senza", "never"}
_DENY_ALL |= {"nega", "geen", "sem"}  # Italian, Dutch, Portuguese (3820-3821)
#: ... up to a clause that opens with one ('No diabetes, but COPD on inhalers')
_BUT = frozenset({"but", "however", "except", "aber", "mais", "pero", "ma", "maar", "mas"})
#: ... and after it ('diabetes: none', 'QTc prolongation (resolved)', 'ILD ruled out')
_NOT_AFTER = frozenset({"resolved", "recovered", "excluded", "ruled", "negative", "absent"})
_NOT_AFTER |= {"none", "nil", "never", "denied", "risk"}
# ... in German, Spanish, Italian and French (9562: 'disfunción hepática descartada')
_NOT_AFTER |= {"ausgeschlossen", "descartada", "descartado", "esclusa", "escluso", "exclue"}
_NOT_AFTER |= {"exclu", "excluida", "excluido"}
#: a clause that is only an answer saying no ('Diabetes - no', 'ILD (not present on CT)')
NO_ANSWER = frozenset({"no", "none", "nil", "n", "not", "absent", "negative", "present", "on"})
NO_ANSWER |= {"ct", "denied", "resolved", "recovered", "ruled", "out", "excluded", "seen"}
NO_ANSWER |= {"recurrence"}  # '..., no recurrence' (7589x43)
#: the first word of a clause that says the entry's condition is over ('..., resolved after
#: stopping', '..., recovered')
#: ('resolving' is not among them: a condition resolving is still there, 3410h)
RESOLVED = frozenset({"resolved", "recovered", "ruled", "excluded"})
#: words that deny only the word right after them ('non-diabetic', 'pre-diabetes'; not
#: 'non-insulin-dependent diabetes' or 'pre-existing diabetes': the second recheck, 3228)
_NOT_NEXT = frozenset({"non", "pre"})
#: a word that, after 'not' or 'no', says a condition goes on ('not resolved', 'not ruled
#: out', 'no improvement': 7483, each read as a denial), and the pairs' first words
_STILL = frozenset({"resolved", "recovered", "ruled", "excluded", "controlled", "improved"})
_STILL |= {"improving", "healed", "cleared", "settled", "improvement", "resolution", "recovery"}
_STILL |= {"change", "better", "resolve", "recover", "improve"}
#: the words that negate one of ``_STILL`` ('cannot be ruled out', "hasn't resolved", 'never
#: resolved': the recheck, 7513, 7517), and the words that may stand between
_NEGATES = frozenset({"not", "no", "cannot", "never", "hasnt", "hasn't", "havent", "haven't"})
_NEGATES |= {"didnt", "didn't", "isnt", "isn't", "nt"}
_BETWEEN = frozenset({"fully", "yet", "completely", "be", "been", "entirely", "totally"})


def affirmed(words: list[str]) -> list[str]:
    """``words`` without the runs that say a condition goes on ('not resolved', 'cannot be
    ruled out', 'not fully resolved')."""
    if not _NEGATES & set(words):
        return words
    kept: list[str] = []
    for w in words:
        if w in _STILL:
            k = len(kept)
            while k and kept[k - 1] in _BETWEEN:
                k -= 1
            if k and kept[k - 1] in _NEGATES:
                del kept[k - 1 :]
                continue
        kept.append(w)
    return kept


#: where a free text's clauses part
CLAUSES = re.compile(r"[,;()\[\]]|\s[-\u2013\u2014]\s|\.(?=\s+[a-z])", re.IGNORECASE)
_LONGEST_NAME = 6  # words in the longest name or alias


#: a clause that says a value is back to normal, and what follows a clause's 'now' to say a
#: condition is over (9507)
_NORMALISED = frozenset({"normalised", "normalized", "normalise", "normalize"})
_NOW_OVER = RESOLVED | {"normal"}


def said_over(clauses: list[list[str]]) -> bool:
    """A clause of its own answers no or says the entry's fact is over ('Diabetes - no',
    '..., resolved after stopping', '... - ruled out at MDT', '..., now resolved', '..., now
    normal', '..., normalised': 9507)."""
    return any(
        c
        and (
            (set(c) <= NO_ANSWER and bool(set(c) - _NOT_A_NO))
            or c[0] in RESOLVED
            or c[0] in _NORMALISED
            or (c[0] == "now" and c[1:2] and c[1] in _NOW_OVER)
        )
        for c in map(affirmed, clauses)  # '..., not ruled out' says it goes on (7517)
    )


#: words of a no-answer that say nothing on their own ('(2019 - present)' is no 'no': 5263)
_NOT_A_NO = frozenset({"present", "on", "ct", "seen", "out", "recurrence"})


def named_in_text(text: str) -> tuple[Comorbidity, str] | None:
    """The comorbidity resistx reads that a free text names (by its name or an alias, as whole
    words; diabetes any way ``recorded_as`` reads it; a sarcoidosis by its site), and how to
    record it; None where it names none, or says it is not the patient's now: in the
    condition's own clause (a denial before it, a resolution after it) or as a clause of its
    own that answers no (case 3143: 'type 1 diabetes (insulin pump)' and 'long QT syndrome'
    left alpelisib and ribociclib high; the rechecks, 3173, 3220-3228: how far a denial
    reaches). An interstitial lung disease resolved is still named: its labels weigh a past
    one (the recheck, 5069: 'ILD, resolved' left trastuzumab deruxtecan first)."""
    text = _TDM1.sub(" ", text)  # trastuzumab emtansine, no type 1 diabetes (case 6743)
    found = sarcoidosis_named(clauses_of(text)) or _named_now(text)  # 'pulmonary and cardiac'
    if found is not None:
        return found
    by_cause = (
        None if said_over(clauses_of(text)) else named_by_cause(live_clauses(text), denied_at)
    )
    if by_cause is not None:  # 'amiodarone pulmonary toxicity' (7269)
        return Comorbidity(by_cause), how_to_record(by_cause)
    healed = _HEALED.sub(" ", folded(text))
    again = _named_now(healed) if healed != folded(text) else None
    if again is not None and again[0] is Comorbidity.INTERSTITIAL_LUNG_DISEASE:
        return again[0], (
            f'{again[1]} (a resolved one too, with "resolved": true and whether it needed '
            '"steroids": its labels weigh a past one)'
        )
    return None


def how_to_record(value: str) -> str:
    """How to record a comorbidity a free text names, with the value its rules read ('CKD 3b':
    its clearance, 9512)."""
    return f'{{"name": "{value}"}}{_VALUE_READ.get(value, "")}'


#: the value a comorbidity's rules read, by the comorbidity (``how_to_record``)
_VALUE_READ = {
    "renal_impairment": ', with its "creatinine_clearance"',
    "hepatic_impairment": ', with its "child_pugh" class and whether it comes "from_metastases"',
    "cardiac_disease": ', with its "lvef"',
    "cytopenia": ', with its "grade"',
    "neuropathy": ', with its "grade"',  # 'CIPN G2' (9512)
}

#: trastuzumab emtansine's abbreviation, whose 'DM1' is no diabetes
_TDM1 = re.compile(r"\bt[\s-]?dm[\s-]?1\b", re.IGNORECASE)
#: the words that say a condition has healed (not that it was ruled out)
_HEALED = re.compile(r"\b(?:resolved|recovered|healed)\b")


def _named_now(text: str) -> tuple[Comorbidity, str] | None:
    """``named_in_text`` but for a sarcoidosis and a resolved interstitial lung disease."""
    clauses = clauses_of(text)
    if said_over(clauses) or any(_NOT_MELLITUS & set(c) for c in clauses):
        return None
    for words in live_clauses(text):
        for at, found in _named_in_words(words):
            if found[0] is Comorbidity.CYTOPENIA and _past_count(words):
                continue  # a count of years ago is no count now: the regression sweep, 3260
            if not denied_at(words, at):
                return found
    return None


def denied_at(words: list[str], at: int) -> bool:
    """The clause ``words`` says that what its word at ``at`` names is not the patient's now: a
    denial before it, a resolution or 'no' after it, or 'non'/'pre' right before it."""
    before, after = affirmed(words[:at]), affirmed(words[at + 1 :])
    return bool(
        _NOT_BEFORE & set(before)
        or _NOT_AFTER & set(after)
        or after[-1:] in (["no"], ["n"])  # 'Diabetes: No', a checkbox's '☒ No'
        or "not" in after  # 'anaemia not present'
        or (at > 0 and words[at - 1] in _NOT_NEXT)
    )


def live_clauses(text: str) -> list[list[str]]:
    """The clauses of a free text that may state a fact of the patient's now: none in a family
    history; after a denial that opens the entry, those from a 'but' on (the recheck of
    session 56, 3474: 'No h/o DM, HTN, IHD, COPD' and 'FHx - diabetes (mother)' refused)."""
    return [c for sentence in SENTENCES.split(text) for c in _live_in_sentence(sentence)]


#: where a free text's sentences part: a full stop, a semicolon (a denial or a family history
#: that opens one reaches its own sentence only: the second recheck, 5180: 'No diabetes.
#: Asbestosis.' passed whole); not the stop of an abbreviation ('PN gr. 2', 'Dr. Smith') nor
#: one before a number
SENTENCES = re.compile(
    r"(?<![a-z0-9]\.[a-z0-9])(?<!\bgr)(?<!\bdr)(?<!\bst)(?<!\bvs)(?<!\bca)(?<!\bno)(?<!\bapprox)"
    r"\.(?=\s+[^\d\s]|\s*$)|;",
    re.IGNORECASE,
)


def _live_in_sentence(text: str) -> list[list[str]]:
    """``live_clauses`` of one sentence."""
    clauses = clauses_of(text)
    first = next((c for c in clauses if c), [])
    opens = affirmed(first)[:1]  # 'no improvement in ILD' opens with no denial (7483)
    if opens and (opens[0] in _FAMILY or opens[0] in _DENY_ALL):
        # 'Brother - COPD', 'FHx - diabetes (mother)', 'No diabetes, hypertension or ILD' deny
        # what they list up to a 'but', not a clause that states a value or a drug taken
        # (the third recheck, 5274: 'No DM, on carbamazepine', 'No ILD, QTc 480 ms' passed)
        at = next((k for k, c in enumerate(clauses) if c and c[0] in _BUT), len(clauses))
        family = opens[0] in _FAMILY  # a relative's age is no value of the patient's
        clauses = [c for c in clauses[1:at] if _affirms(c, family=family)] + clauses[at:]
    # a clause naming a relative is theirs ('Diabetes in father'), and so is the clause before
    # a relative's alone ('Diabetes (paternal grandmother)'); not 'T2DM on insulin, strong
    # family history' nor 'Long QT syndrome (family screening)'
    theirs = {k for k, c in enumerate(clauses) if _NOT_HERS & set(c)}
    theirs |= {k - 1 for k, c in enumerate(clauses) if c and set(c) <= _FAMILY}
    return [c for k, c in enumerate(clauses) if k not in theirs]


#: a clause's first word that says what follows is the patient's now ('on', 'patient')
#: a word right before a drug's name that says it is taken now ('DVT 2024 on apixaban')
TAKING = frozenset({"on", "taking", "takes", "started", "starting", "commenced"})
_AFFIRMING = TAKING | {"patient", "pt", "currently", "now"}


def _affirms(clause: list[str], *, family: bool = False) -> bool:
    """A clause after an opening denial or family history that states a fact of the patient's
    own: a drug taken or the patient named ('on ...', 'patient ...'), or a value (a number in
    it; after a family history only a measurement's, a number alone may be the relative's age:
    'Mother - diabetes at 45', while 'FHx: T2DM (mother), QTc 480 ms' is the patient's)."""
    if not clause:
        return False
    number = any(re.search(r"\d", w) for w in clause)  # '480', 'g2', 'b7'
    measured = bool(_MEASURES & set(clause))
    # a class by its letter ('No ILD, Child-Pugh B': 5378) is a value too
    return clause[0] in _AFFIRMING or "pugh" in clause or (number and (measured or not family))


#: a measurement's name, whose value is the patient's own after a family history
_MEASURES = frozenset({"qtc", "qtcf", "lvef", "ef", "ecog", "hba1c", "a1c", "egfr", "crcl"})
_MEASURES |= {"gfr", "clearance", "kps", "karnofsky", "bilirubin", "ps", "grade", "pugh"}


def clauses_of(text: str) -> list[list[str]]:
    """A free text's clauses as words: lower case, accents removed ('diabète': diabete), a
    dotted abbreviation as one word ('I.L.D.': ild)."""
    joined = _DOTTED.sub(lambda m: re.sub(r"[./]", "", m.group()), folded(text))
    joined = joined.replace("'s ", " ")  # "Husband's insulin"
    joined = _BUT_WORD.sub(r", \1", joined)  # 'no diabetes but silicosis': a clause of its own
    joined = re.sub(r"\bckd[\s-]*epi\b", "ckdepi", joined)  # an eGFR's equation, no disease
    return [re.findall(r"[a-z0-9']+", c.replace("-", " ")) for c in CLAUSES.split(joined)]


_BUT_WORD = re.compile(r"(?<=\S)\s+(but|however|except|aber|mais|pero|maar|mas)\b")
_DOTTED = re.compile(r"(?<![a-z])(?:[a-z][./])+[a-z]?(?![a-z])")  # 'I.L.D.', 'F/H', 'h/o'


_PAST_COUNT = frozenset({"previous", "prior", "past", "history", "pregnancy", "benign", "ethnic"})
_PAST_COUNT |= {"pernicious"}  # a B12 deficiency, treated: no count now (3474)


def _past_count(words: list[str]) -> bool:
    """A low count of the past ('previous iron deficiency anaemia 2019', 'anaemia of
    pregnancy 1998') or a benign one ('benign ethnic neutropenia'): no cytopenia now."""
    return bool(_PAST_COUNT & set(words)) or any(re.fullmatch(r"(19|20)\d\d", w) for w in words)


def _named_in_words(words: list[str]) -> Iterator[tuple[int, tuple[Comorbidity, str]]]:
    """Each comorbidity a clause's words name, with where its name begins."""
    for at, w in enumerate(words):
        how = (
            recorded_as(" ".join(words[at : at + 4]))
            if w.startswith("diabet") or w in _DIABETES_WORDS
            else None
        )
        if how is not None:
            yield at, (Comorbidity.DIABETES, how)
    for size in range(_LONGEST_NAME, 0, -1):
        for at in range(len(words) - size + 1):
            found = known("_".join(words[at : at + size]))
            if found is not None and found is not Comorbidity.PREGNANCY:  # pregnancy: its own
                yield at, (found, how_to_record(found.value))


#: a sarcoidosis's site, by the words that name it (the recheck, 5023, 5062: 'sarcoidosis,
#: pulmonary' and 'Sarcoidosis of lung' passed; 5022: 'sarcoidosis (cardiac)')
_SARCOID_LUNG = frozenset(
    {"pulmonary", "lung", "lungs", "pulmonar", "pulmonaire", "polmonare", "poumon", "poumons"}
    | {"lunge", "lungen", "pulmonale", "fibrotic", "fibrosing", "interstitial", "parenchymal"}
    | {"longen", "pulmonal"}
)
_SARCOID_HEART = frozenset(
    {"cardiac", "heart", "myocardial", "myocarditis", "cardiaque", "kardial", "cardiaca", "herz"}
    | {"cardiaco", "cardiomyopathy", "kardiale", "cardiale"}
)
_SARCOID_ELSEWHERE = frozenset(
    {"cutaneous", "skin", "ocular", "eye", "eyes", "uveitis", "neuro", "neurosarcoidosis"}
    | {"neurological", "renal", "kidney", "hepatic", "liver", "lymph", "nodal", "nodes", "bone"}
    | {"joint", "joints", "articular", "lofgren", "pernio", "splenic", "spleen", "sinonasal"}
    | {"cutanee", "cutanea", "cutaneo", "kutane", "haut", "huid", "oculaire"}
)
#: Scadding's stages II to IV hold the lung parenchyma ('sarcoidosis stage IV (fibrotic)')
_SARCOID_STAGE = re.compile(
    r"\b(?:stage|stadium|stade|estadio|stadio|scadding) (?:ii|iii|iv|2|3|4)\b"
)
#: a sarcoidosis's words, in English, German and the Romance languages
_SARCOID = ("sarcoid", "sarkoid")
#: words that say the lungs are spared ('lungs clear on CT', 'skin only')
_LUNGS_SPARED = frozenset({"clear", "spared", "normal", "only", "uninvolved"})


def sarcoidosis_named(clauses: list[list[str]]) -> tuple[Comorbidity, str] | None:
    """A sarcoidosis a free text names, not denied, read by its site: of the heart a cardiac
    disease, of the lungs an interstitial lung disease (by its site named or its stage), of
    no site named asked where (most involve the lungs); one elsewhere (skin, eyes) passes."""
    live = [c for c in clauses if any(w.startswith(_SARCOID) for w in c)]
    if not live or all(
        denied_at(c, next(k for k, w in enumerate(c) if w.startswith(_SARCOID))) for c in live
    ):
        return None
    words = {w for c in clauses for w in c}
    heart = bool(words & _SARCOID_HEART)
    spared = bool(words & _LUNGS_SPARED)  # 'cutaneous sarcoidosis, lungs clear on CT' (5183)
    staged = _SARCOID_STAGE.search(" ".join(" ".join(c) for c in clauses))
    lungs = not spared and bool(words & _SARCOID_LUNG or staged)
    if heart and lungs:  # 'pulmonary and cardiac sarcoidosis' (5156)
        return Comorbidity.INTERSTITIAL_LUNG_DISEASE, (
            '{"name": "interstitial_lung_disease"} and {"name": "cardiac_disease"}, with its '
            '"lvef" (a sarcoidosis of the lungs and the heart)'
        )
    if heart:
        return (
            Comorbidity.CARDIAC_DISEASE,
            '{"name": "cardiac_disease"} (a cardiac sarcoidosis), with its "lvef"',
        )
    if lungs:
        return (
            Comorbidity.INTERSTITIAL_LUNG_DISEASE,
            '{"name": "interstitial_lung_disease"} (a pulmonary sarcoidosis)',
        )
    if words & _SARCOID_ELSEWHERE:
        return None
    return Comorbidity.INTERSTITIAL_LUNG_DISEASE, (
        '{"name": "interstitial_lung_disease"} where it is in the lungs (most are), '
        '{"name": "cardiac_disease"} where in the heart; for one elsewhere, name its site here '
        "(cutaneous, ocular, ...)"
    )


#: the words that name a comorbidity the rules read, long enough for a one-letter slip to be
#: told from another word ('hypotension' is two from 'hypertension')
CONDITION_WORDS = frozenset(
    {"interstitial", "pneumonitis", "diabetes", "hypertension", "cardiomyopathy", "cirrhosis"}
    | {"bradycardia", "neuropathy", "myelodysplastic", "pregnancy", "pregnant", "colitis"}
    | {"fibrosis", "emphysema", "pulmonary"}  # the rechecks: 'fibosis', 'pulmonry' (6409, 6744)
    # words of multi-word names ('QT prolongaton', 'renal impairmant': session 65, 7264b)
    | {"prolongation", "impairment", "polyneuropathy", "insufficiency"}
    | {"neutropenia", "thrombocytopenia"}  # the recheck: 'neutropenai'
)
_SLIP_FROM = 7
#: words one slip from a condition word that are that word in another language (the French and
#: Italian 'diabete', which the negation and family-history readings read: cases 3381, 3702)
_NOT_SLIPS = frozenset({"diabete", "pulmonar", "hipertension"})  # Spanish too (the recheck)
#: what no slip is read from, and what a slip may mean, built once
_NO_SLIP = CONDITION_WORDS | _NOT_SLIPS
_BY_NAME = tuple(sorted(CONDITION_WORDS))


def misspelt_condition(text: str) -> tuple[str, str] | None:
    """(the word, the condition word it is one slip from) where a free text names a comorbidity
    the rules read misspelt (case 6223: 'intersitial lung disease (on home oxygen)' passed
    unread, and trastuzumab deruxtecan came first); else None."""
    words = re.findall(r"[a-z]+", folded(text))
    for word in words:
        # a name or alias the vocabulary reads is no slip ('neutropenie': 9559)
        if len(word) >= _SLIP_FROM and word not in _NO_SLIP and not known(word):
            meant = next((w for w in _BY_NAME if one_slip(word, w)), None)
            if meant is not None:
                return word, meant
    # a short word's slip inside a name of several ('chronic kidny disease': 7264b)
    for size in (2, 3):
        for at in range(len(words) - size + 1):
            key = "_".join(words[at : at + size])
            names = () if known(key) is not None else _names_of_words().get(len(key), ())
            near = next((n for n in names if one_slip(key, n)), None)
            if near is not None:
                return key.replace("_", " "), near.replace("_", " ")
    return None


@functools.cache  # once, on the first free text: not at import time (issue 12)
def _names_of_words() -> dict[int, list[str]]:
    """The names of several words (of 12 letters or more), by each length a one-letter slip
    of them has ('interstitial lung desease')."""
    found: dict[int, list[str]] = {}
    for name in sorted({*ALIASES, *(c.value for c in Comorbidity)}):
        if "_" in name and len(name) >= 12:
            for n in (len(name) - 1, len(name), len(name) + 1):
                found.setdefault(n, []).append(name)
    return found


def slip(name: str) -> str | None:
    """The comorbidity whose name or alias a name is one letter from ('pnuemonitis':
    interstitial_lung_disease; case 6219 drew no suggestion)."""
    key = normalise(name)
    if len(key) < _SLIP_FROM:
        return None
    names = {**ALIASES, **{c.value: c.value for c in Comorbidity}}
    return next((names[n] for n in sorted(names) if one_slip(key, n)), None)
