"""Session 66's informatician review (7478): a lab measurement the rules read from a
comorbidity, given in a FHIR bundle as an Observation, was 'not a test resistx reads' and the
plan went ahead (capivasertib preferred beside an HbA1c of 9.5%, ribociclib beside a QTc of
520 ms, trastuzumab deruxtecan beside an LVEF of 35%)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir, from_phenopacket
from tests.test_interop_7260 import FIXTURES, _bundle_with


def _lab(code: str, value: float, unit: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": f"lab-{code}",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "effectiveDateTime": "2026-03-01",
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org"},
    }


@pytest.mark.parametrize(
    ("code", "value", "unit", "field"),
    [
        ("4548-4", 9.5, "%", "hba1c"),
        ("8636-3", 520, "ms", "qtc_prolonged"),
        ("10230-1", 35, "%", "lvef"),
        ("1975-2", 3.1, "mg/dL", "hepatic_impairment"),
    ],
)
def test_a_lab_value_the_rules_read_is_refused_naming_where_it_goes(
    code: str, value: float, unit: str, field: str
) -> None:
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_bundle_with(_lab(code, value, unit)))
    said = str(caught.value)
    assert code in said and field in said, said


@pytest.mark.parametrize(
    ("code", "value", "unit"),
    [("4548-4", 5.4, "%"), ("8636-3", 420, "ms"), ("10230-1", 60, "%"), ("1975-2", 0.7, "mg/dL")],
)
def test_a_lab_value_in_range_is_reported_not_mapped(code: str, value: float, unit: str) -> None:
    converted = from_fhir(_bundle_with(_lab(code, value, unit)))
    assert any(e.code == code for e in converted.unmapped)


def _bundle_and_its_variant() -> tuple[dict[str, Any], dict[str, Any]]:
    """Worked example 01's bundle, and its variant Observation (LOINC 69548-6)."""
    bundle = json.loads((FIXTURES / "01-esr1-mutated.fhir.json").read_text("utf-8"))
    variant = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"].get("code", {}).get("coding", [{}])[0].get("code") == "69548-6"
    )
    return bundle, variant


def test_a_phenopacket_measurement_of_a_qtc_beyond_its_limit_is_refused() -> None:
    packet = json.loads((FIXTURES / "01-esr1-mutated.phenopacket.json").read_text("utf-8"))
    packet["measurements"].append(
        {
            "assay": {"id": "LOINC:8636-3", "label": "QTc interval"},
            "value": {"quantity": {"unit": {"id": "UCUM:ms", "label": "ms"}, "value": 510}},
            "timeObserved": {"timestamp": "2026-03-01T00:00:00Z"},
        }
    )
    with pytest.raises(resistx.ProfileError) as caught:
        from_phenopacket(packet)
    assert "qtc_prolonged" in str(caught.value)


def _coded(test: str, answer: str, display: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": f"obs-{test}",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": test}]},
        "effectiveDateTime": "2026-03-01",
        "valueCodeableConcept": {
            "coding": [{"system": "http://loinc.org", "code": answer, "display": display}]
        },
    }


@pytest.mark.parametrize(
    ("test", "answer", "display"),
    [
        ("85319-2", "LA6111-4", "3+"),  # HER2 IHC 0 displayed 3+ (7481a)
        ("85337-4", "LA6576-8", "Negative"),  # ER positive displayed negative (7481c)
        ("89247-1", "LA9622-7", "3"),  # ECOG 0 displayed 3 (7481e)
    ],
)
def test_an_answer_code_its_display_contradicts_is_refused(
    test: str, answer: str, display: str
) -> None:
    """7481 (MAJOR): each was read by its code alone, with nothing reported (a HER2 3+ is
    disease outside the review; an ECOG 3 changes what comes first)."""
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_bundle_with(_coded(test, answer, display)))
    assert answer in str(caught.value) and display in str(caught.value)


def test_an_answer_code_with_its_own_display_is_read() -> None:
    converted = from_fhir(_bundle_with(_coded("89247-1", "LA9625-0", "3")))
    assert any(e.code == "89247-1" and "3" in e.text for e in converted.used), converted.used


def test_an_absent_variant_result_that_names_a_variant_is_refused() -> None:
    """7480a (MAJOR): ESR1 'Absent' with p.Asp538Gly became ESR1 not detected, with nothing
    reported; the profile refuses the same (case 1921)."""
    variant = {
        "resourceType": "Observation",
        "id": "esr1-absent",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "69548-6"}]},
        "effectiveDateTime": "2026-03-01",
        "valueCodeableConcept": {
            "coding": [{"system": "http://loinc.org", "code": "LA9634-2", "display": "Absent"}]
        },
        "component": [
            {
                "code": {"coding": [{"system": "http://loinc.org", "code": "48018-6"}]},
                "valueCodeableConcept": {
                    "coding": [
                        {
                            "system": "http://www.genenames.org",
                            "code": "HGNC:3467",
                            "display": "ESR1",
                        }
                    ]
                },
            },
            {
                "code": {"coding": [{"system": "http://loinc.org", "code": "48005-3"}]},
                "valueCodeableConcept": {"coding": [{"code": "p.Asp538Gly"}]},
            },
        ],
    }
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_bundle_with(variant))
    assert "p.Asp538Gly" in str(caught.value)


_RXNORM_ONLY = {
    "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "28031"}]
}


@pytest.mark.parametrize(
    "resource",
    [
        # 7482a (MAJOR): a statement of itraconazole coded only by RxNorm 28031 was 'not read',
        # and capivasertib was preferred beside a strong CYP3A inhibitor
        {"resourceType": "MedicationStatement", "id": "itra", "status": "active"},
        # 7528 (the recheck): an active order of it was left out as 'not a drug resistx knows'
        {
            "resourceType": "MedicationRequest",
            "id": "itra-rx",
            "status": "active",
            "intent": "order",
            "authoredOn": "2026-03-01",
        },
    ],
    ids=["statement", "request"],
)
def test_a_medication_coded_without_a_name_is_refused(resource: dict[str, Any]) -> None:
    """resistx reads interacting drugs by name."""
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_bundle_with({**resource, "medicationCodeableConcept": _RXNORM_ONLY}))
    assert "28031" in str(caught.value) and "name" in str(caught.value)


def _diabetic_with(*resources: dict[str, Any]) -> dict[str, Any]:
    return _bundle_with(*resources, fixture="03-pik3ca-esr1-diabetes.fhir.json")


def test_an_hba1c_beside_a_diabetes_condition_is_the_diabetes_hba1c() -> None:
    """7529 (the recheck): any diabetic bundle that carried an HbA1c failed to convert; the
    latest HbA1c is the recorded diabetes' own (what the PI3K and AKT inhibitors' rules read)."""
    older = {**_lab("4548-4", 9.1, "%"), "id": "a1c-old", "effectiveDateTime": "2025-01-01"}
    converted = from_fhir(_diabetic_with(older, _lab("4548-4", 7.2, "%")))
    [diabetes] = [c for c in converted.profile.comorbidities if c.name == "diabetes"]
    assert diabetes.hba1c == 7.2


@pytest.mark.parametrize(
    ("code", "value", "unit", "field"),
    [
        ("14631-6", 45, "umol/L", "hepatic_impairment"),  # bilirubin in umol/L (7523)
        ("8636-3", 0.48, "s", "qtc_prolonged"),  # a QTc in seconds
        ("59261-8", 80, "mmol/mol", "hba1c"),  # an IFCC HbA1c
        ("1742-6", 250, "U/L", "hepatic_impairment"),  # ALT
        ("33914-3", 25, "mL/min/1.73m2", "renal_impairment"),  # an eGFR
    ],
)
def test_more_lab_codes_beyond_their_limits_are_refused(
    code: str, value: float, unit: str, field: str
) -> None:
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_bundle_with(_lab(code, value, unit)))
    assert field in str(caught.value)


def test_a_variant_answer_its_display_contradicts_is_refused() -> None:
    """7527 (the recheck): PIK3CA coded Absent, displayed 'Present', became not detected."""
    bundle, variant = _bundle_and_its_variant()
    variant["valueCodeableConcept"] = {
        "coding": [{"system": "http://loinc.org", "code": "LA9634-2", "display": "Present"}]
    }
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(bundle)
    assert "LA9634-2" in str(caught.value)


def test_an_answer_whose_display_names_the_marker_and_its_own_score_is_read() -> None:
    """7525 (the recheck): LA11841-6 displayed 'HER2 1+' was refused, HER2's own 2 read as a
    score."""
    converted = from_fhir(_bundle_with(_coded("85319-2", "LA11841-6", "HER2 1+")))
    assert converted.profile.her2 is not None


def test_a_normal_bilirubin_in_umol_per_litre_converts() -> None:
    """7564 (MAJOR, the second recheck): 8 umol/L under 1975-2 was refused as above 1.2."""
    converted = from_fhir(_bundle_with(_lab("1975-2", 8, "umol/L")))
    assert any(e.code == "1975-2" for e in converted.unmapped)


def test_an_old_raised_lab_value_with_a_normal_latest_one_converts() -> None:
    """7566 (MAJOR): ALT 80 in 2023 and 25 in 2026: the latest is the patient's now."""
    old = {**_lab("1742-6", 80, "U/L"), "id": "alt-old", "effectiveDateTime": "2023-05-01"}
    converted = from_fhir(_bundle_with(old, _lab("1742-6", 25, "U/L")))
    assert sum(e.code == "1742-6" for e in converted.unmapped) == 2


def test_an_absent_answer_displayed_as_no_variant_detected_is_read() -> None:
    """7567 (the second recheck): 'No pathogenic variant detected' on Absent was refused."""
    bundle, variant = _bundle_and_its_variant()
    variant["valueCodeableConcept"] = {
        "coding": [
            {
                "system": "http://loinc.org",
                "code": "LA9634-2",
                "display": "No pathogenic variant detected",
            }
        ]
    }
    variant["component"] = [
        c
        for c in variant.get("component", [])
        if c["code"]["coding"][0]["code"] not in ("48005-3", "48004-6", "81290-9")
    ]
    from_fhir(bundle)


def test_an_egfr_of_85_converts() -> None:
    """7568 (the second recheck): an eGFR of 85, usual at this age, stopped the document."""
    converted = from_fhir(_bundle_with(_lab("33914-3", 85, "mL/min/1.73m2")))
    assert any(e.code == "33914-3" for e in converted.unmapped)
