"""Comorbidities the sequencing engine reads from a profile's ``comorbidities`` list."""

from __future__ import annotations

import enum


class Comorbidity(enum.StrEnum):
    DIABETES = "diabetes"
    INTERSTITIAL_LUNG_DISEASE = "interstitial_lung_disease"
    UNCONTROLLED_HYPERTENSION = "uncontrolled_hypertension"
    CARDIAC_DISEASE = "cardiac_disease"
    HEPATIC_IMPAIRMENT = "hepatic_impairment"
    NEUROPATHY = "neuropathy"
    CYTOPENIA = "cytopenia"
    BRADYCARDIA = "bradycardia"
    INFLAMMATORY_BOWEL_DISEASE = "inflammatory_bowel_disease"
    RENAL_IMPAIRMENT = "renal_impairment"
    QTC_PROLONGED = "qtc_prolonged"  # a prolonged QTc or congenital long-QT syndrome
    #: COPD and other chronic lung disease that limits pulmonary reserve (not ILD: case 510)
    CHRONIC_LUNG_DISEASE = "chronic_lung_disease"


#: other names for a comorbidity resistx reads
ALIASES = {
    "diabetes_mellitus": "diabetes",
    "type_2_diabetes": "diabetes",
    "ild": "interstitial_lung_disease",
    "pneumonitis": "interstitial_lung_disease",
    "heart_disease": "cardiac_disease",
    "heart_failure": "cardiac_disease",
    "peripheral_neuropathy": "neuropathy",
    "liver_impairment": "hepatic_impairment",
    "chronic_kidney_disease": "renal_impairment",  # as SNOMED CT 709044004 reads (interop)
    "ckd": "renal_impairment",
    "long_qt": "qtc_prolonged",
    "long_qt_syndrome": "qtc_prolonged",
    "qt_prolongation": "qtc_prolonged",
    "prolonged_qtc": "qtc_prolonged",
    "copd": "chronic_lung_disease",
    "chronic_obstructive_pulmonary_disease": "chronic_lung_disease",
    "emphysema": "chronic_lung_disease",
}


#: names that mean a comorbidity with a value, and how to record them (case 962: type 1
#: diabetes taken as plain diabetes lost the insulin it always needs)
RECORDED_AS = dict.fromkeys(
    ("type_1_diabetes", "t1dm", "insulin_dependent_diabetes", "iddm"),
    '{"name": "diabetes", "insulin": true}',
)


def normalise(name: str) -> str:
    """Lower case with underscores, aliases resolved: 'Diabetes mellitus' -> 'diabetes'."""
    key = "_".join(name.strip().casefold().replace("-", " ").split())
    return ALIASES.get(key, key)


def known(name: str) -> Comorbidity | None:
    try:
        return Comorbidity(normalise(name))
    except ValueError:
        return None
