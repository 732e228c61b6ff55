"""Session 65's informatician review (documents f1-f5, p1-p3): facts the converters dropped,
or read as current when the record says they are over."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from resistx.interop import from_fhir, from_phenopacket

FIXTURES = Path(__file__).parent.parent / "examples" / "interop"


def _doc(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _bundle_with(
    *resources: dict[str, Any], fixture: str = "01-esr1-mutated.fhir.json"
) -> dict[str, Any]:
    bundle = copy.deepcopy(_doc(fixture))
    subject = next(
        e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    for r in resources:
        bundle["entry"].append(_entry({**r, "subject": {"reference": f"Patient/{subject}"}}))
    return bundle


def test_an_active_statement_whose_period_ended_is_not_taken_now() -> None:
    """f1 (MAJOR): clarithromycin, a MedicationStatement 'active' whose effectivePeriod ended
    months before the record's latest date, was read as a strong CYP3A inhibitor taken now
    (elacestrant fell from first); its period was reported as 'not held'."""
    statement = {
        "resourceType": "MedicationStatement",
        "id": "clari",
        "status": "active",
        "medicationCodeableConcept": {"coding": [{"display": "clarithromycin 500 mg"}]},
        "effectivePeriod": {"start": "2025-11-03", "end": "2025-11-10"},
    }
    converted = from_fhir(_bundle_with(statement))
    assert not any("clarithromycin" in m for m in converted.profile.medications), converted


def test_a_condition_in_remission_is_current() -> None:
    """f2 (MAJOR): ulcerative colitis with clinicalStatus 'remission' was reported as not a
    current condition, and every inflammatory-bowel-disease caution was lost."""
    condition = {
        "resourceType": "Condition",
        "id": "uc",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "remission",
                }
            ]
        },
        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "K51.90"}]},
    }
    converted = from_fhir(_bundle_with(condition))
    names = {c.name.value for c in converted.profile.comorbidities}
    assert "inflammatory_bowel_disease" in names, converted.report


def test_a_pregnancy_status_observation_of_pregnant_is_read() -> None:
    """p-preg-obs (MAJOR): LOINC 82810-3 'Pregnancy status' = Pregnant was 'not a test resistx
    reads', and the profile had no pregnancy."""
    observation = {
        "resourceType": "Observation",
        "id": "preg",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "82810-3"}]},
        "effectiveDateTime": "2026-03-01",
        "valueCodeableConcept": {
            "coding": [{"system": "http://snomed.info/sct", "code": "77386006"}]
        },
    }
    converted = from_fhir(_bundle_with(observation))
    assert "pregnancy" in {c.name.value for c in converted.profile.comorbidities}


def test_a_phenopacket_s_resolved_interstitial_pneumonitis_is_kept_as_history() -> None:
    """p2-keller (MAJOR): HP:0006515 with a resolution was 'not held', though interop.md keeps a
    resolved ILD as history; trastuzumab deruxtecan was ranked where it is left out."""
    packet = copy.deepcopy(_doc("01-esr1-mutated.phenopacket.json"))
    packet["phenotypicFeatures"] = [
        {
            "type": {"id": "HP:0006515", "label": "Interstitial pneumonitis"},
            "onset": {"timestamp": "2024-06-01T00:00:00Z"},
            "resolution": {"timestamp": "2024-10-01T00:00:00Z"},
        }
    ]
    converted = from_phenopacket(packet)
    names = {c.name.value for c in converted.profile.comorbidities}
    assert "interstitial_lung_disease" in names, converted.report


def test_a_phenopacket_medication_with_a_termination_reason_is_not_taken_now() -> None:
    """p-clari-noend (MAJOR): clarithromycin with an open interval and the termination reason
    'Treatment completed' was read as taken now, the reason reported nowhere."""
    packet = copy.deepcopy(_doc("01-esr1-mutated.phenopacket.json"))
    packet["medicalActions"].append(
        {
            "treatment": {
                "agent": {"id": "DrugCentral:665", "label": "clarithromycin"},
                "doseIntervals": [{"interval": {"start": "2026-01-05T00:00:00Z"}}],
            },
            "treatmentTerminationReason": {"id": "NCIT:C105740", "label": "Treatment completed"},
        }
    )
    converted = from_phenopacket(packet)
    assert not any("clarithromycin" in m for m in converted.profile.medications), converted


def _status(day: str, answer: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": f"preg-{day}",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "82810-3"}]},
        "effectiveDateTime": day,
        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": answer}]},
    }


def test_a_later_not_pregnant_status_and_an_old_pregnant_one_give_no_pregnancy() -> None:
    """The second recheck (MAJOR): 'Pregnant' in 2025 then 'Not pregnant' in 2026 was read as
    a pregnancy, and so was a single 'Pregnant' of 2023."""
    later = from_fhir(
        _bundle_with(_status("2025-03-01", "77386006"), _status("2026-03-01", "60001007"))
    )
    assert "pregnancy" not in {c.name.value for c in later.profile.comorbidities}
    old = from_fhir(_bundle_with(_status("2023-06-01", "77386006")))
    assert "pregnancy" not in {c.name.value for c in old.profile.comorbidities}
