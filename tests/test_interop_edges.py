"""resistx.interop on what a real export may hold: records that are not results, several ECOG
scores, conditions no longer current, a bundle of two patients."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir, from_phenopacket

FIXTURES = Path(__file__).parent.parent / "examples" / "interop"


def bundle(patient: str = "01-esr1-mutated") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{patient}.fhir.json").read_text("utf-8"))
    return data


def test_a_cancelled_order_is_not_a_treatment() -> None:
    data = bundle("04-her2-low-ihc2-ish-negative")
    data["entry"][11]["resource"]["status"] = "cancelled"  # the capecitabine order
    conversion = from_fhir(data)
    assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]
    assert ("$.entry[11].resource.status", "cancelled") in {
        (e.path, e.code) for e in conversion.unmapped
    }


def test_an_observation_entered_in_error_is_not_read() -> None:
    data = bundle()
    data["entry"][7]["resource"]["status"] = "entered-in-error"  # the ESR1 mutation
    genes = {r.gene for r in from_fhir(data).profile.biomarkers}
    assert genes == {"PIK3CA"}


def test_a_refuted_or_resolved_condition_is_no_comorbidity() -> None:
    data = bundle("03-pik3ca-esr1-diabetes")
    refuted = copy.deepcopy(data)
    refuted["entry"][1]["resource"]["verificationStatus"] = {
        "coding": [
            {
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": "refuted",
            }
        ]
    }
    assert from_fhir(refuted).profile.comorbidities == ()
    assert [c.name.value for c in from_fhir(data).profile.comorbidities] == ["diabetes"]


def test_type_1_diabetes_coded_in_snomed_is_read_as_diabetes_needing_insulin() -> None:
    """Case 962: type 1 diabetes always needs insulin, which rule 78 reads (CAPItello-291
    excluded it); read as plain diabetes, the code lost it. The same in a phenopacket."""
    data = bundle("03-pik3ca-esr1-diabetes")
    [coding] = data["entry"][1]["resource"]["code"]["coding"]
    coding["code"], coding["display"] = "46635009", "Diabetes mellitus type 1"
    [condition] = from_fhir(data).profile.comorbidities
    assert (condition.name.value, condition.insulin) == ("diabetes", True)
    packet = json.loads((FIXTURES / "03-pik3ca-esr1-diabetes.phenopacket.json").read_text("utf-8"))
    [disease] = [d for d in packet["diseases"] if d["term"]["id"] == "SNOMEDCT:44054006"]
    disease["term"] = {"id": "SNOMEDCT:46635009", "label": "Diabetes mellitus type 1"}
    [condition] = from_phenopacket(packet).profile.comorbidities
    assert (condition.name.value, condition.insulin) == ("diabetes", True)


def test_a_provisional_condition_is_kept_for_its_cautions_and_said_to_be_unconfirmed() -> None:
    """A suspected condition still calls for its cautions (a provisional diabetes for
    alpelisib), but the conversion must say that it read an unconfirmed diagnosis as current."""
    data = bundle("03-pik3ca-esr1-diabetes")
    for status in ("provisional", "differential", "unconfirmed"):
        data["entry"][1]["resource"]["verificationStatus"] = {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "code": status,
                }
            ]
        }
        conversion = from_fhir(data)
        assert [c.name.value for c in conversion.profile.comorbidities] == ["diabetes"]
        said = [e for e in conversion.assumptions if e.path == "$.entry[1].resource"]
        assert len(said) == 1 and status in said[0].text and "current" in said[0].text
    confirmed = from_fhir(bundle("03-pik3ca-esr1-diabetes"))
    assert not [e for e in confirmed.assumptions if e.path == "$.entry[1].resource"]


def test_the_latest_ecog_is_the_patients() -> None:
    data = bundle()
    later = copy.deepcopy(data["entry"][5])
    later["resource"]["id"] = "ecog-later"
    later["resource"]["effectiveDateTime"] = "2026-04-20"
    later["resource"]["valueInteger"] = 3
    data["entry"].insert(5, later)  # read first, dated later
    conversion = from_fhir(data)
    assert conversion.profile.ecog == 3
    assert any(e.text.startswith("ECOG 1, before the latest") for e in conversion.used)


def test_an_ecog_given_as_true_is_not_a_score_of_1() -> None:
    """Refused at its path (case 2361d: an ECOG left out let an earlier one stand)."""
    data = bundle()
    data["entry"][5]["resource"]["valueInteger"] = True
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "not a score 0 to 5" in str(caught.value)
    assert "$.entry[5]" in str(caught.value)


def test_a_bundle_of_two_patients_is_refused() -> None:
    data = bundle()
    other = copy.deepcopy(data["entry"][0])
    other["resource"]["id"] = "someone-else"
    data["entry"].append(other)
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(data)
    assert "several" in dict(info.value.problems)["$.entry[0].resource, $.entry[11].resource"]


def test_a_variant_of_the_individual_is_germline() -> None:
    packet: dict[str, Any] = json.loads(
        (FIXTURES / "02-germline-brca2.phenopacket.json").read_text("utf-8")
    )
    gi = packet["interpretations"][0]["diagnosis"]["genomicInterpretations"][0]
    gi["subjectOrBiosampleId"] = "patient-02"
    brca2 = from_phenopacket(packet).profile.biomarkers[0]
    assert (brca2.gene, brca2.origin.value, brca2.sample) == ("BRCA2", "germline", None)


def test_a_candidate_without_acmg_class_is_a_vus() -> None:
    packet: dict[str, Any] = json.loads(
        (FIXTURES / "01-esr1-mutated.phenopacket.json").read_text("utf-8")
    )
    gi = packet["interpretations"][0]["diagnosis"]["genomicInterpretations"][0]
    gi["interpretationStatus"] = "CANDIDATE"
    del gi["variantInterpretation"]["acmgPathogenicityClassification"]
    conversion = from_phenopacket(packet)
    assert conversion.profile.biomarkers[0].classification is not None
    assert conversion.profile.biomarkers[0].classification.value == "vus"
    assert resistx.sequence(conversion.profile).options[0].regimen.id != "elacestrant"


def test_ihc_2_plus_with_a_positive_ish_is_her2_positive() -> None:
    data = bundle("04-her2-low-ihc2-ish-negative")
    data["entry"][4]["resource"]["valueCodeableConcept"] = {
        "coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]
    }
    with pytest.raises(resistx.OutOfScopeError):
        from_fhir(data)


@pytest.mark.parametrize(
    ("structural", "status"),
    [("SO:0001880", "amplified"), ("SO:0001743", "loss"), ("SO:0001583", "mutated")],
)
def test_the_structural_type_gives_the_status(structural: str, status: str) -> None:
    packet: dict[str, Any] = json.loads(
        (FIXTURES / "01-esr1-mutated.phenopacket.json").read_text("utf-8")
    )
    gi = packet["interpretations"][0]["diagnosis"]["genomicInterpretations"][0]
    descriptor = gi["variantInterpretation"]["variationDescriptor"]
    descriptor["geneContext"] = {"valueId": "HGNC:1589", "symbol": "CCNE1"}
    descriptor["structuralType"] = {"id": structural, "label": "structural type"}
    if structural != "SO:0001583":  # a copy-number change has no HGVS protein change
        del descriptor["expressions"]
    else:  # ESR1's D538G is past CCNE1's 410 amino acids (case 2295a): one of CCNE1's own
        for e in descriptor["expressions"]:
            e["value"] = e["value"].replace("Asp538Gly", "Arg88Gln").replace("D538G", "R88Q")
    ccne1 = from_phenopacket(packet).profile.biomarkers[0]
    assert (ccne1.gene, ccne1.status.value) == ("CCNE1", status)


@pytest.mark.parametrize(
    "patient", ["01-esr1-mutated", "02-germline-brca2", "05-three-lines-progression"]
)
def test_listed_drug_codes_are_read_by_code_not_label(patient: str) -> None:
    """Each RxNorm code of these bundles is in resistx's table: no label is needed."""
    conversion = from_fhir(bundle(patient))
    assert conversion.profile.treatments
    assert not [e for e in conversion.assumptions if "read by its label" in e.text]


def test_a_sequencing_method_is_ngs_and_another_is_reported() -> None:
    data = bundle()
    esr1 = data["entry"][7]["resource"]
    esr1["method"] = {"coding": [{"system": "http://loinc.org", "code": "LA26398-0"}]}
    assay = from_fhir(data).profile.biomarkers[0].assay
    assert assay is not None
    assert assay.value == "ngs"
    esr1["method"] = {"coding": [{"system": "http://loinc.org", "code": "LA26406-1"}]}
    conversion = from_fhir(data)
    assert conversion.profile.biomarkers[0].assay is None
    assert ("$.entry[7].resource.method", "LA26406-1") in {
        (e.path, e.code) for e in conversion.unmapped
    }


def test_a_specimen_no_result_refers_to_is_reported() -> None:
    data = bundle()
    del data["entry"][8]["resource"]["specimen"]
    del data["entry"][7]["resource"]["specimen"]
    conversion = from_fhir(data)
    assert ("$.entry[6].resource", "Specimen") in {(e.path, e.code) for e in conversion.unmapped}
    assert conversion.profile.biomarkers[0].sample is None


def test_a_her2_interpretation_without_a_score() -> None:
    data = bundle()
    her2 = data["entry"][4]["resource"]
    her2["code"] = {"coding": [{"system": "http://loinc.org", "code": "48676-1"}]}
    her2["valueCodeableConcept"] = {"coding": [{"system": "http://loinc.org", "code": "LA6577-6"}]}
    conversion = from_fhir(data)
    assert conversion.profile.her2.value == "unknown"  # negative: 0 or low is not said
    assert any("0 or low is unknown" in e.text for e in conversion.assumptions)
    her2["valueCodeableConcept"] = {"coding": [{"system": "http://loinc.org", "code": "LA6576-8"}]}
    with pytest.raises(resistx.OutOfScopeError):
        from_fhir(data)


def test_a_biosample_no_result_refers_to_is_reported() -> None:
    packet: dict[str, Any] = json.loads(
        (FIXTURES / "02-germline-brca2.phenopacket.json").read_text("utf-8")
    )
    del packet["interpretations"][1]  # the ctDNA result of the plasma sample
    conversion = from_phenopacket(packet)
    assert ("$.biosamples[1]", None) in {(e.path, e.code) for e in conversion.unmapped}
    assert ("$.biosamples[0]", None) not in {(e.path, e.code) for e in conversion.unmapped}


def test_a_missing_document_path_is_named_as_such_not_as_bad_json() -> None:
    """Documents are read as profiles are: a string that is neither JSON nor a file says so."""
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir("examples/interop/no-such-bundle.fhir.json")
    assert "neither JSON text" in str(info.value)
    assert "path of a FHIR bundle file" in str(info.value)


def test_a_positive_her2_result_beside_an_ihc_score_is_reported_not_overruled() -> None:
    """IHC 0 and a positive HER2 interpretation disagree: the profile's own check says so,
    rather than the score silently making the patient HER2 0 and in scope."""
    data = bundle()
    positive = copy.deepcopy(data["entry"][4])
    positive["resource"]["id"] = "her2-interpretation"
    positive["resource"]["code"] = {"coding": [{"system": "http://loinc.org", "code": "48676-1"}]}
    positive["resource"]["valueCodeableConcept"] = {
        "coding": [{"system": "http://loinc.org", "code": "LA6576-8"}]
    }
    data["entry"].append(positive)
    with pytest.raises(resistx.ProfileError, match="her2"):
        from_fhir(data)


@pytest.mark.parametrize(
    "answer",
    [
        {"text": "Absent"},
        {"coding": [{"system": "http://snomed.info/sct", "code": "419984006", "display": "x"}]},
    ],
)
def test_a_variant_answered_absent_or_unreadably_is_never_a_mutation(answer: Any) -> None:
    """A GenomicVariant whose answer says absent is not detected (refused since session 66
    where it names a variant, as this one does: 7480a); one whose answer resistx cannot read is
    no result, and the report says which element it skipped."""
    data = bundle()
    data["entry"][7]["resource"]["valueCodeableConcept"] = answer
    if "coding" not in answer:
        with pytest.raises(resistx.ProfileError, match="absent, yet the result names a variant"):
            from_fhir(data)
        return
    conversion = from_fhir(data)
    esr1 = [r for r in conversion.profile.biomarkers if r.gene == "ESR1"]
    assert all(r.status.value != "mutated" for r in esr1)
    if "coding" in answer:
        assert not esr1
        assert any(e.path.startswith("$.entry[7].resource") for e in conversion.unmapped)
    else:
        assert [r.status.value for r in esr1] == ["not_detected"]


def test_a_biosample_of_a_tissue_resistx_does_not_know_is_an_assumption() -> None:
    packet: dict[str, Any] = json.loads(
        (FIXTURES / "01-esr1-mutated.phenopacket.json").read_text("utf-8")
    )
    for sample in packet.get("biosamples", []):
        sample["sampledTissue"] = {"id": "UBERON:0002107", "label": "liver"}
    conversion = from_phenopacket(packet)
    assert any("liver" in e.text and "tissue" in e.text for e in conversion.assumptions)
