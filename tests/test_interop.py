"""resistx.interop: a phenopacket and an mCODE bundle give the profile, and the plan, that the
hand-written profile of the same (synthetic) patient gives, with every element they could not
map in the report."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.interop import Conversion, _official, from_fhir, from_phenopacket

FIXTURES = Path(__file__).parent.parent / "examples" / "interop"
#: each patient's hand-written profile is NN-name.profile.json (a format's own: NN-name.fhir.profile.json)
PATIENTS = sorted(
    p.name.removesuffix(".profile.json")
    for p in FIXTURES.glob("??-*.profile.json")
    if p.name.count(".") == 2
)
CONVERTERS = {"phenopacket": from_phenopacket, "fhir": from_fhir}


def document(patient: str, fmt: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{patient}.{fmt}.json").read_text("utf-8"))
    return data


def expected_profile(patient: str, fmt: str) -> Path:
    own = FIXTURES / f"{patient}.{fmt}.profile.json"
    return own if own.exists() else FIXTURES / f"{patient}.profile.json"


def test_six_patients_in_both_formats() -> None:
    assert len(PATIENTS) >= 6
    for patient in PATIENTS:
        for fmt in CONVERTERS:
            assert (FIXTURES / f"{patient}.{fmt}.json").exists()


@pytest.mark.parametrize("fmt", CONVERTERS)
@pytest.mark.parametrize("patient", PATIENTS)
def test_conversion_gives_the_hand_written_profile(patient: str, fmt: str) -> None:
    conversion = CONVERTERS[fmt](FIXTURES / f"{patient}.{fmt}.json")
    expected = resistx.load_profile(expected_profile(patient, fmt))
    assert resistx.to_dict(conversion.profile) == resistx.to_dict(expected)
    assert conversion.validated_with is not None  # the test extra installs the official packages


@pytest.mark.parametrize("patient", PATIENTS)
def test_both_formats_give_the_plan_of_the_hand_written_profile(patient: str) -> None:
    """The done-when check of issue 11: same patient, same plan, whichever way it came in."""
    by_hand = resistx.to_dict(
        resistx.sequence(resistx.load_profile(expected_profile(patient, "phenopacket")))
    )
    from_pp = resistx.to_dict(
        resistx.sequence(from_phenopacket(document(patient, "phenopacket")).profile)
    )
    assert from_pp == by_hand
    fhir_hand = resistx.load_profile(expected_profile(patient, "fhir"))
    from_bundle = resistx.sequence(from_fhir(document(patient, "fhir")).profile)
    assert resistx.to_dict(from_bundle) == resistx.to_dict(resistx.sequence(fhir_hand))


def test_the_esr1_patient_gets_elacestrant_first() -> None:
    plan = resistx.sequence(from_fhir(document("01-esr1-mutated", "fhir")).profile)
    assert plan.options[0].regimen.id == "elacestrant"


def _unmapped(conversion: Conversion) -> set[tuple[str, str | None]]:
    return {(e.path, e.code) for e in conversion.unmapped}


def test_report_lists_every_element_the_phenopacket_could_not_map() -> None:
    conversion = from_phenopacket(document("06-unmapped-codes", "phenopacket"))
    gi = "$.interpretations[0].diagnosis.genomicInterpretations"
    assert _unmapped(conversion) == {
        ("$.subject.dateOfBirth", None),
        ("$.phenotypicFeatures[0]", "HP:0002315"),
        ("$.diseases[0]", "SNOMEDCT:195967001"),
        ("$.measurements[2]", "LOINC:2039-6"),
        (f"{gi}[0].variantInterpretation.variationDescriptor.allelicState", "GENO:0000135"),
        ("$.medicalActions[2].treatment.agent", "DrugBank:DB00399"),
        ("$.medicalActions[3]", None),
        ("$.metaData", None),
    }


def test_report_lists_every_element_the_bundle_could_not_map() -> None:
    conversion = from_fhir(document("06-unmapped-codes", "fhir"))
    assert _unmapped(conversion) == {
        ("$.entry[0].resource.birthDate", None),
        ("$.entry[1].resource", "195967001"),  # asthma: kept as free text
        ("$.entry[5].resource", "2039-6"),
        ("$.entry[7].resource.component[3]", "53034-5"),  # allelic state
        ("$.entry[11].resource.medicationCodeableConcept", "77655"),
        ("$.entry[12].resource", "Procedure"),
    }
    assert conversion.profile.other_conditions == ("Asthma (disorder)",)
    assert "Not mapped (6):" in conversion.report()
    # a resolved pneumonitis is history the labels weigh (case 1261's variant): read, and said
    assert conversion.profile.comorbidities[0].name.value == "interstitial_lung_disease"


def test_assumptions_are_reported() -> None:
    conversion = from_phenopacket(document("04-her2-low-ihc2-ish-negative", "phenopacket"))
    texts = [e.text for e in conversion.assumptions]
    assert texts.count("gene rejected as a cause, with no variant: not detected") == 2
    assert any("one treatment of ['palbociclib', 'letrozole']" in t for t in texts)
    assert any("palliative" in t for t in texts)


def test_an_unread_element_is_reported_not_dropped() -> None:
    bundle = document("01-esr1-mutated", "fhir")
    bundle["entry"][9]["resource"]["note"] = [{"text": "dose reduced to 100 mg"}]
    assert ("$.entry[9].resource.note", None) in _unmapped(from_fhir(bundle))
    packet = document("01-esr1-mutated", "phenopacket")
    packet["medicalActions"][0]["adverseEvents"] = [{"id": "HP:0001875", "label": "Neutropenia"}]
    assert ("$.medicalActions[0].adverseEvents", None) in _unmapped(from_phenopacket(packet))


def test_ihc_2_plus_without_ish_is_not_read_as_low() -> None:
    packet = document("04-her2-low-ihc2-ish-negative", "phenopacket")
    del packet["measurements"][3]  # the ISH result
    conversion = from_phenopacket(packet)
    # read with its ISH pending, said as an assumption (case 1812c), never as low
    assert [(t.score.value, t.ish and t.ish.value) for t in conversion.profile.her2_tests] == [
        ("2+", "pending")
    ]
    assert any(e.path == "$.measurements[2]" for e in conversion.assumptions)
    assert conversion.profile.her2.value == "unknown"


def test_a_positive_ish_alone_is_her2_positive() -> None:
    packet = document("04-her2-low-ihc2-ish-negative", "phenopacket")
    del packet["measurements"][2]  # the IHC score
    packet["measurements"][2]["value"]["ontologyClass"] = {
        "id": "LOINC:LA6576-8",
        "label": "Positive",
    }
    with pytest.raises(resistx.OutOfScopeError):
        from_phenopacket(packet)


def test_no_receptor_result_is_an_error_not_a_guess() -> None:
    bundle = document("05-three-lines-progression", "fhir")
    del bundle["entry"][1]  # the ER result
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(bundle)
    assert "hormone-receptor" in dict(info.value.problems)["$"]


def test_malformed_phenopacket_names_paths_in_the_phenopacket() -> None:
    packet = document("01-esr1-mutated", "phenopacket")
    packet["measurements"][0]["timeObserved"]["timestamp"] = "2023-13-01T00:00:00Z"
    with pytest.raises(resistx.ProfileError) as info:
        from_phenopacket(packet)
    assert [p for p, _ in info.value.problems] == ["$.measurements[0].timeObserved.timestamp"]


def test_an_end_before_its_start_is_reported_in_the_phenopacket() -> None:
    packet = document("01-esr1-mutated", "phenopacket")
    for action in packet["medicalActions"]:
        action["treatment"]["doseIntervals"][0]["interval"]["end"] = "2023-01-01T00:00:00Z"
    with pytest.raises(resistx.ProfileError) as info:
        from_phenopacket(packet)
    (path, message), *_ = info.value.problems
    assert path == "$.medicalActions[0], $.medicalActions[1] (profile $.treatments[0].ended_on)"
    assert "before started_on" in message


def test_a_profile_problem_is_reported_at_its_source_path() -> None:
    bundle = document("02-germline-brca2", "fhir")
    bounds = bundle["entry"][11]["resource"]["dosageInstruction"][0]["timing"]["repeat"]
    bounds["boundsPeriod"]["end"] = "2020-01-01"  # before its start: one of two records
    bundle["entry"][12]["resource"]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"][
        "end"
    ] = "2020-01-01"
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(bundle)
    (path, message), *_ = info.value.problems
    assert path.startswith("$.entry[11].resource, $.entry[12].resource (profile $.treatments[1]")
    assert "before started_on" in message


def test_the_official_schema_checks_come_first() -> None:
    packet = document("01-esr1-mutated", "phenopacket")
    packet["subject"]["sexx"] = "FEMALE"
    with pytest.raises(resistx.ProfileError) as info:
        from_phenopacket(packet)
    assert info.value.problems[0][0] == "$.subject.sexx"
    bundle = document("01-esr1-mutated", "fhir")
    bundle["entry"][0]["resource"]["birthDate"] = "1960-02-30"
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(bundle)
    assert info.value.problems[0][0] == "$.entry[0].resource.birthDate"


def test_without_the_extra_plain_json_gives_the_same_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_official, "_module", lambda _name: None)
    for fmt, convert in CONVERTERS.items():
        conversion = convert(FIXTURES / f"01-esr1-mutated.{fmt}.json")
        assert conversion.validated_with is None
        assert "not validated (install resistx[interop])" in conversion.report()
        expected = resistx.load_profile(expected_profile("01-esr1-mutated", fmt))
        assert conversion.profile == expected


def test_wrong_types_are_problems_at_their_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_official, "_module", lambda _name: None)  # the plain reader's checks
    packet = document("01-esr1-mutated", "phenopacket")
    packet["subject"]["sex"] = 1
    packet["medicalActions"][0]["treatment"]["doseIntervals"] = "2024"
    with pytest.raises(resistx.ProfileError) as info:
        from_phenopacket(packet)
    problems = dict(info.value.problems)
    assert problems["$.subject.sex"] == "expected a string, got an integer 1"
    assert (
        problems["$.medicalActions[0].treatment.doseIntervals"]
        == "expected a list, got a string '2024'"
    )


def test_a_file_name_is_read_like_a_path() -> None:
    name = str(FIXTURES / "02-germline-brca2.fhir.json")
    assert from_fhir(name).profile == from_fhir(Path(name)).profile


def test_text_that_is_not_a_document_is_a_profile_error() -> None:
    with pytest.raises(resistx.ProfileError):
        from_fhir("[1, 2]")
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir({"resourceType": "Patient"})
    assert "$.resourceType" in dict(info.value.problems)


def test_import_resistx_does_not_import_the_extra() -> None:
    code = (
        "import sys, resistx, resistx.interop; "
        "assert not {'phenopackets', 'fhir', 'google.protobuf', 'pydantic'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_drug_codes_and_labels_map_to_resistx_drugs() -> None:
    packet = document("03-pik3ca-esr1-diabetes", "phenopacket")
    # NCIT:C95701 is not in resistx's code table: read by its label, and the report says so
    assert any(
        "read by its label as ribociclib" in e.text for e in from_phenopacket(packet).assumptions
    )
    changed = copy.deepcopy(packet)
    changed["medicalActions"][0]["treatment"]["agent"] = {"id": "NCIT:C95701", "label": "Kisqali"}
    assert from_phenopacket(changed).profile.treatments[0].drugs == ("ribociclib", "letrozole")
    # an RxNorm CURIE is read by its code, whatever the label says
    changed["medicalActions"][0]["treatment"]["agent"] = {"id": "RXNORM:1873916", "label": "LEE011"}
    conversion = from_phenopacket(changed)
    assert conversion.profile.treatments[0].drugs == ("ribociclib", "letrozole")
    assert ("$.medicalActions[0].treatment.agent", "RXNORM:1873916") in {
        (e.path, e.code) for e in conversion.used
    }


@pytest.mark.parametrize(
    ("percent", "unit", "receptor"),
    [(5, "%", "low"), (1, "%", "low"), (10, "%", "low"), (90, "%", "positive")],
)
def test_an_er_percentage_is_read_as_asco_cap_categories_it(
    percent: float, unit: str, receptor: str
) -> None:
    """Case 1257 (MAJOR): an ER result sent as a percentage of cells (valueQuantity, or a
    phenopacket quantity in UCUM '%') was never read: 'neither positive nor negative', and
    with PR negative the patient was refused as hormone-receptor-negative. ASCO/CAP's
    categories read it: 1-10% ER-low (hormone_receptor low, rule 114), above 10% positive."""
    bundle = document("05-three-lines-progression", "fhir")
    er = bundle["entry"][1]["resource"]
    del er["valueCodeableConcept"]
    er["valueQuantity"] = {
        "value": percent,
        "unit": unit,
        "system": "http://unitsofmeasure.org",
        "code": unit,
    }
    assert from_fhir(bundle).profile.hormone_receptor.value == receptor
    packet = document("01-esr1-mutated", "phenopacket")
    [m] = [m for m in packet["measurements"] if m["assay"]["id"] == "LOINC:85337-4"]
    m["value"] = {"quantity": {"unit": {"id": "UCUM:%", "label": "percent"}, "value": percent}}
    assert from_phenopacket(packet).profile.hormone_receptor.value == receptor


def test_an_er_number_without_a_percent_unit_is_reported_not_read() -> None:
    """An ER number in another unit (an Allred score, an H-score) is not a share of cells: it is
    reported as not read, never taken as a percentage."""
    bundle = document("05-three-lines-progression", "fhir")
    er = bundle["entry"][1]["resource"]
    del er["valueCodeableConcept"]
    er["valueQuantity"] = {"value": 5, "unit": "{score}", "code": "{score}"}
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(bundle)
    assert "hormone-receptor" in dict(info.value.problems)["$"]


def test_a_curative_intent_is_refused_at_its_path_not_read_as_metastatic() -> None:
    """Case 1261 (MAJOR): adjuvant chemotherapy, letrozole and abemaciclib sent with curative
    intent (SNOMED CT 373808002) were read as treatment for metastatic disease ('no treatment
    intent'), and the plan stated a false history. Curative intent says neither adjuvant nor
    neoadjuvant: the conversion is refused at the course's path, saying what to send."""
    bundle = document("05-three-lines-progression", "fhir")
    text = json.dumps(bundle)
    assert "363676003" in text
    bundle = json.loads(text.replace("363676003", "373808002", 1))
    with pytest.raises(resistx.ProfileError) as info:
        from_fhir(bundle)
    [(path, message)] = [(p, m) for p, m in info.value.problems if "curative" in m.casefold()]
    assert path.startswith("$.entry[") and "373846009" in message and "373847000" in message


def test_a_medication_statement_becomes_a_medication_of_the_profile() -> None:
    """Cases 1259 and 1210: a MedicationStatement (insulin, itraconazole, amlodipine) was 'not
    read by resistx' and lost. It goes to the profile's medications, by its text or coding
    display: a strong CYP3A inhibitor is read (rule 115), any other repeated as not assessed."""
    bundle = document("05-three-lines-progression", "fhir")
    for name, rxcui in (("itraconazole 200 mg twice daily", "28031"), ("amlodipine", "17767")):
        bundle["entry"].append(
            {
                "resource": {
                    "resourceType": "MedicationStatement",
                    "status": "active",
                    "medicationCodeableConcept": {
                        "coding": [
                            {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": rxcui}
                        ],
                        "text": name,
                    },
                    "subject": {"reference": "Patient/patient-05"},
                }
            }
        )
    stopped = copy.deepcopy(bundle["entry"][-1])
    stopped["resource"].update(status="stopped", medicationCodeableConcept={"text": "rifampicin"})
    bundle["entry"].append(stopped)
    conversion = from_fhir(bundle)
    assert conversion.profile.medications == ("itraconazole 200 mg twice daily", "amlodipine")
    plan = resistx.sequence(conversion.profile)
    assert any("amlodipine" in n for n in plan.not_assessed)


def test_the_latest_er_result_is_read_and_a_disagreement_is_said() -> None:
    """Case 1274 (MAJOR): a primary's ER 60% (2019) overrode the metastasis's ER of 2026 with
    no word ('the highest where several'). The latest result is read, and where the results
    disagree the report says which was kept."""
    bundle = document("05-three-lines-progression", "fhir")
    er = bundle["entry"][1]["resource"]
    del er["valueCodeableConcept"]
    older, newer = copy.deepcopy(er), copy.deepcopy(er)
    older.update(id="er-2019", effectiveDateTime="2019-03-01")
    older["valueQuantity"] = {"value": 60, "unit": "%", "code": "%"}
    newer.update(id="er-2026", effectiveDateTime="2026-11-04")
    newer["valueQuantity"] = {"value": 5, "unit": "%", "code": "%"}
    bundle["entry"][1]["resource"] = older
    bundle["entry"].insert(2, {"resource": newer})
    conversion = from_fhir(bundle)
    assert conversion.profile.hormone_receptor.value == "low"
    said = " ".join(a.text for a in conversion.assumptions)
    assert "ER results disagree" in said and "2026-11-04" in said
    # the plan says it too (the recheck, 1287, 1289: an ER-low reading after an ER-positive one)
    [shown] = [c for c in conversion.profile.other_conditions if "ER results disagree" in c]
    assert "2019-03-01" in shown and "positive" in shown


def test_an_er_percentage_sent_as_its_own_loinc_is_read() -> None:
    """Case 1272 (MAJOR): ER 5% sent as LOINC 85329-1 (estrogen receptor cells per 100 cells)
    was 'not a test resistx reads', and the coded Positive beside it made the tumour ER-positive."""
    bundle = document("05-three-lines-progression", "fhir")
    pct = copy.deepcopy(bundle["entry"][1]["resource"])
    del pct["valueCodeableConcept"]
    pct.update(id="er-pct", code={"coding": [{"system": "http://loinc.org", "code": "85329-1"}]})
    pct["valueQuantity"] = {"value": 5, "unit": "%", "code": "%"}
    bundle["entry"].insert(2, {"resource": pct})
    assert from_fhir(bundle).profile.hormone_receptor.value == "low"


def test_a_medication_reference_is_resolved_to_its_medication() -> None:
    """Case 1275 (MAJOR): every course sent with medicationReference (an EHR's usual form,
    allowed by FHIR R4 and mCODE) was dropped ('agent without a label') and the plan offered the
    regimen the patient had progressed on. The reference is resolved to the bundle's Medication
    (its code), or read by its display."""
    bundle = document("05-three-lines-progression", "fhir")
    expected = [t.drugs for t in from_fhir(copy.deepcopy(bundle)).profile.treatments]
    added = []
    for i, entry in enumerate(bundle["entry"]):
        r = entry["resource"]
        if r["resourceType"] in ("MedicationRequest", "MedicationAdministration"):
            concept = r.pop("medicationCodeableConcept")
            if i % 2:
                added.append(
                    {
                        "fullUrl": f"urn:uuid:med-{i}",
                        "resource": {"resourceType": "Medication", "id": f"m{i}", "code": concept},
                    }
                )
                r["medicationReference"] = {"reference": f"urn:uuid:med-{i}"}
            else:
                shown = concept.get("text") or concept["coding"][0].get("display")
                r["medicationReference"] = {"reference": "Medication/elsewhere", "display": shown}
    bundle["entry"] += added
    conversion = from_fhir(bundle)
    assert [t.drugs for t in conversion.profile.treatments] == expected
    assert not [u for u in conversion.unmapped if u.text.startswith("a Medication resource")]


def test_insulin_treated_diabetes_and_an_antifungal_in_a_phenopacket_are_read() -> None:
    """Case 1276 (MAJOR): insulin-treated type 2 diabetes (SNOMED CT 237599002) was 'not a
    comorbidity resistx reads' and itraconazole in medicalActions 'not a drug resistx knows;
    left out', so capivasertib and alpelisib led with no diabetes or CYP3A caution. The code
    is diabetes needing insulin; a strong CYP3A drug given as an agent is a medication."""
    packet = document("03-pik3ca-esr1-diabetes", "phenopacket")
    packet["diseases"][1]["term"] = {
        "id": "SNOMEDCT:237599002",
        "label": "Insulin treated type 2 diabetes mellitus",
    }
    packet["medicalActions"].append(
        {"treatment": {"agent": {"id": "RXNORM:28031", "label": "Itraconazole"}}}
    )
    profile = from_phenopacket(packet).profile
    [diabetes] = [c for c in profile.comorbidities if c.name.value == "diabetes"]
    assert diabetes.insulin is True
    assert profile.medications == ("Itraconazole",)


def test_an_er_percentage_sent_as_a_component_of_the_er_result_is_read() -> None:
    """Case 1272 (MAJOR): ER coded Positive with '85329-1 = 5%' as a component (a usual way
    to send it) was read as positive, the component 'not held by a resistx profile'."""
    bundle = document("05-three-lines-progression", "fhir")
    er = bundle["entry"][1]["resource"]
    er["component"] = [
        {
            "code": {"coding": [{"system": "http://loinc.org", "code": "85329-1"}]},
            "valueQuantity": {"value": 5, "unit": "%", "code": "%"},
        }
    ]
    conversion = from_fhir(bundle)
    assert conversion.profile.hormone_receptor.value == "low"
    assert not [u for u in conversion.unmapped if u.path.endswith(".component")]


def test_a_resolved_pneumonitis_is_kept_as_a_history_of_lung_disease() -> None:
    """Case 1261's variant (MAJOR): a pneumonitis Condition marked resolved was dropped ('not
    a current condition') and trastuzumab deruxtecan was offered again without a word. A past
    interstitial lung disease or pneumonitis is history the labels weigh: it is read, and the
    report says it was resolved."""
    bundle = document("05-three-lines-progression", "fhir")
    bundle["entry"].append(
        {
            "resource": {
                "resourceType": "Condition",
                "clinicalStatus": {"coding": [{"code": "resolved"}]},
                "code": {
                    "coding": [
                        {
                            "system": "http://snomed.info/sct",
                            "code": "205237003",
                            "display": "Pneumonitis",
                        }
                    ]
                },
                "subject": {"reference": "Patient/patient-05"},
            }
        }
    )
    conversion = from_fhir(bundle)
    assert [c.name.value for c in conversion.profile.comorbidities] == ["interstitial_lung_disease"]
    assert any("resolved" in a.text for a in conversion.assumptions)


def test_insulin_among_the_medications_makes_the_diabetes_on_record_need_insulin() -> None:
    """Case 1259 and the recheck (MAJOR): type 2 diabetes as a Condition with insulin glargine
    as a MedicationStatement: the profile had diabetes without insulin, and capivasertib led
    (CAPItello-291 excluded diabetes needing insulin). Insulin among the medications makes the
    diabetes on record one that needs insulin, an assumption the report states."""
    bundle = document("05-three-lines-progression", "fhir")
    bundle["entry"] += [
        {
            "resource": {
                "resourceType": "Condition",
                "clinicalStatus": {"coding": [{"code": "active"}]},
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]},
                "subject": {"reference": "Patient/patient-05"},
            }
        },
        {
            "resource": {
                "resourceType": "MedicationStatement",
                "status": "active",
                "medicationCodeableConcept": {"text": "insulin glargine 20 units at night"},
                "subject": {"reference": "Patient/patient-05"},
            }
        },
    ]
    conversion = from_fhir(bundle)
    [diabetes] = conversion.profile.comorbidities
    assert diabetes.insulin is True
    assert any("insulin" in a.text for a in conversion.assumptions)


@pytest.mark.parametrize(
    ("label", "drug"),
    [
        ("Kisqali 600 mg", "ribociclib"),
        ("palbociclib 125 MG Oral Capsule", "palbociclib"),
        ("Ibrance 125 mg capsule", "palbociclib"),
        ("fulvestrant 250 MG/5ML Injection", "fulvestrant"),
    ],
)
def test_a_drug_label_with_its_strength_and_form_is_the_drug(label: str, drug: str) -> None:
    """Cases 1288 and 1291 (MAJOR): 'Kisqali 600 mg' and 'palbociclib 125 MG Oral Capsule' (an
    RxNorm clinical drug's wording) were 'not a drug resistx knows; left out', so years of a
    CDK4/6 inhibitor vanished and the plan offered it again. The name before the strength is
    read."""
    from resistx.interop import drugs  # noqa: PLC0415

    assert drugs.by_label(label) == drug
