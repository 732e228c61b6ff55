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
    "type_ii_diabetes": "diabetes",
    "t2dm": "diabetes",
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


#: how to record diabetes that needs insulin (case 962: type 1 diabetes taken as plain
#: diabetes lost the insulin it always needs)
INSULIN = '{"name": "diabetes", "insulin": true}'


def recorded_as(name: str) -> str | None:
    """How to record a name that means a comorbidity with a value (type 1 or insulin-dependent
    diabetes, in any word order), or None."""
    key = normalise(name)
    if key in ("t1dm", "iddm"):
        return INSULIN
    words = key.replace("type_", "type").split("_")  # type 1, type1, type I
    if any(w.startswith("diabet") for w in words) and (
        {"type1", "typei"} & set(words) or ("insulin" in words and "non" not in words)
    ):
        return INSULIN
    return None


def normalise(name: str) -> str:
    """Lower case with underscores, aliases resolved: 'Diabetes mellitus' -> 'diabetes'."""
    key = "_".join(name.strip().casefold().replace("-", " ").split())
    return ALIASES.get(key, key)


def known(name: str) -> Comorbidity | None:
    try:
        return Comorbidity(normalise(name))
    except ValueError:
        return None
