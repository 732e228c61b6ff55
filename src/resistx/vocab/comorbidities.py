"""Comorbidities the sequencing engine reads (CONTRACT section 3)."""

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


def normalise(name: str) -> str:
    """Lower case with underscores: 'Interstitial lung disease' -> 'interstitial_lung_disease'."""
    return "_".join(name.strip().casefold().replace("-", " ").split())


def known(name: str) -> Comorbidity | None:
    try:
        return Comorbidity(normalise(name))
    except ValueError:
        return None
