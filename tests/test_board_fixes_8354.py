"""Session 70's fixes: the findings left by session 69's reviews and this session's own
(cases 8354 on), each a behaviour a user relies on."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import pytest

import resistx
from tests.helpers import NEGATIVE, PALBOCICLIB, TISSUE_PATHWAY_NEGATIVE, patient, result
from tests.test_board_fixes_7990 import _course, _her2_low_after_tdxd_stopped_for


@pytest.mark.parametrize("width", [40, 60, 80])
def test_the_text_view_keeps_its_header_and_disclaimer_within_the_width_asked(width: int) -> None:
    """8350: the header line and the disclaimer were printed whole (151 characters)."""
    p = resistx.sequence(
        patient(patient_id="a-patient-with-a-long-identifier", biomarkers=NEGATIVE)
    )
    lines = p.to_text(width=width).splitlines()
    too_long = [line for line in lines if len(line) > width and " " in line.strip()]
    assert not too_long
    text = " ".join(p.to_text(width=width).split())
    assert text.startswith("resistx plan for a-patient-with-a-long-identifier (decision date")
    assert " ".join(p.disclaimer.split()) in text


def test_the_profile_schema_refuses_an_empty_her2_tests_list_in_place_of_her2() -> None:
    """8352: the schema let ``her2_tests: []`` stand for ``her2``; the loader refuses it."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = resistx.json_schema("profile")
    without = patient(her2_tests=[])
    del without["her2"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(without)
    with pytest.raises(resistx.ProfileError, match=r"\$\.her2: required field missing"):
        resistx.load_profile(without)


def test_every_exported_class_has_a_docstring_of_its_own() -> None:
    """8351: 23 enums and ``Policy`` showed StrEnum's or nothing in the API reference."""
    inherited = {None, "", enum.StrEnum.__doc__, enum.Enum.__doc__}
    bare = [
        name
        for name in resistx.__all__
        if isinstance(obj := getattr(resistx, name), type)
        and (obj.__dict__.get("__doc__") in inherited or "(*values)" in (obj.__doc__ or ""))
    ]
    assert not bare


@pytest.mark.parametrize(
    "entry",
    ["Novo Rapid FlexPen 6 units tds", "Trurapi 8 units", "Hypurin Porcine Neutral", "Suliqua 20"],
)
def test_an_insulin_written_as_a_clinic_writes_it_is_read_as_insulin(entry: str) -> None:
    """8426, 8427 (MAJOR): 'Novo Rapid' in two words, Trurapi, Hypurin and Suliqua passed
    unread beside diabetes recorded without insulin, capivasertib was preferred and the plan
    said the list named no insulin."""
    profile = patient(comorbidities=[{"name": "diabetes", "hba1c": 7.2}], medications=[entry])
    with pytest.raises(resistx.ProfileError, match="insulin"):
        resistx.load_profile(profile)


@pytest.mark.parametrize("policy", [None, "practice-2026"])
def test_tdxd_stopped_for_vomiting_is_managed_as_after_nausea(policy: str | None) -> None:
    """8378 (MAJOR): stopped for vomiting it was at best later, for nausea an alternative with
    antiemetic prophylaxis; its label manages both by holding the dose."""
    p = resistx.sequence(_her2_low_after_tdxd_stopped_for("vomiting"), policy=policy)
    tdxd = p.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    assert tdxd.tier.value == "alternative", tdxd.tier
    assert any("antiemetic" in c.text for c in tdxd.cautions)


def test_thrombocytopenia_spelt_the_british_way_is_read() -> None:
    """8376: 'thrombocytopaenia' was refused as a misspelling of neutropaenia."""
    p = resistx.sequence(_her2_low_after_tdxd_stopped_for("thrombocytopaenia"))
    tdxd = p.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    assert any("thrombocytopenia" in c.text for c in tdxd.cautions)


@pytest.mark.parametrize(
    ("entry", "generic"),
    [
        ("fluco 200 mg od (oral candida)", "fluconazole"),
        ("erythro 500 mg qds", "erythromycin"),
        ("azithro 250 mg three times weekly", "azithromycin"),
        ("moxi 400 mg od", "moxifloxacin"),
        ("levoflox 500 mg od", "levofloxacin"),
        ("carbamaz 200 mg bd", "carbamazepine"),
        ("citalo 20 mg od", "citalopram"),
        ("ondans 8 mg prn", "ondansetron"),
    ],
)
def test_a_ward_abbreviation_of_an_interacting_drug_is_read(entry: str, generic: str) -> None:
    """8495 (MAJOR): 'fluco' and 'azithro' passed as 'not read', elacestrant was preferred with
    no CYP3A caution and no ECG; 'itra', 'vori' and 'clari' were read."""
    p = resistx.sequence(patient(biomarkers=NEGATIVE, medications=[entry]))
    (said,) = p.not_assessed
    assert f"read: {generic} as" in said, said


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("ANC 0.6 x10^9/L, platelets 38 x10^9/L, Hb 76 g/L on 2026-05-12", 3),
        ("neutrophils 0.8", 3),
        ("platelets 45,000/uL", 3),
        ("Plt 60", 2),
        ("Hb 7.6 g/dL", 3),
        ("haemoglobin 92 g/L", 2),
    ],
)
def test_low_blood_counts_in_free_text_are_refused_with_how_to_record_them(
    text: str, grade: int
) -> None:
    """8490 (MAJOR): 'ANC 0.6 x10^9/L, platelets 38' passed as free text; trastuzumab
    deruxtecan was preferred with no cytopenia caution, where the same counts recorded as a
    cytopenia of grade 3 moved it below every option that does not lower counts."""
    with pytest.raises(resistx.ProfileError, match=rf'"name": "cytopenia", "grade": {grade}'):
        resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "platelets 250",
        "Hb 13.1 g/dL",
        "HbA1c 6.1%",
        "neutrophils 0.9 in 2019 after chemotherapy, resolved",
        "glycated haemoglobin 40 mmol/mol",
    ],
)
def test_blood_counts_in_range_or_of_the_past_pass_as_free_text(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_low_count_beside_a_recorded_cytopenia_passes() -> None:
    resistx.load_profile(
        patient(
            comorbidities=[{"name": "cytopenia", "grade": 3}],
            other_conditions=["ANC 0.6 x10^9/L, platelets 38 x10^9/L"],
        )
    )


@pytest.mark.parametrize("ended", [{"ended_on": "2024-06-20"}, {"stop_reason": "ongoing"}])
def test_an_ehr_placeholder_date_on_a_course_is_refused_not_read_as_a_century(
    ended: dict[str, str],
) -> None:
    """8651 (MAJOR): a started_on of 1900-01-01, an EHR's unknown date, was read as 1,514
    months of ribociclib and changed the first option, with no warning."""
    course = {"drugs": ["ribociclib", "letrozole"], "line": 1, "started_on": "1900-01-01"}
    course |= {"stop_reason": "progression", **ended}
    with pytest.raises(resistx.ProfileError, match=r"treatments\[0\]\.started_on.*placeholder"):
        resistx.load_profile(patient(treatments=[course]))


def _esr1_and_pik3ca_with_drugs_by_mouth_declined() -> tuple[dict[str, object], dict[str, object]]:
    """8355: ESR1 Y537S and PIK3CA E545K, diabetes at an HbA1c of 9.1%, 26 months of
    palbociclib + letrozole to progression, drugs by mouth declined."""
    profile = patient(
        as_of="2026-05-01",
        comorbidities=[{"name": "diabetes", "insulin": False, "hba1c": 9.1}],
        biomarkers=[
            result("ESR1", "mutated", variant="Y537S"),
            result("PIK3CA", "mutated", variant="E545K"),
            *NEGATIVE[2:],
        ],
        treatments=[{**PALBOCICLIB, "started_on": "2024-01-10", "ended_on": "2026-03-20"}],
    )
    return profile, {"declines": ["oral"]}


_EVERY_PARTNER_DECLINED = [
    {"declines": ["oral"]},
    {"declines_kinds": ["endocrine_monotherapy", "cdk4/6i_based", "targeted+endocrine"]},
]


@pytest.mark.parametrize("declined", _EVERY_PARTNER_DECLINED)
@pytest.mark.parametrize("policy", [None, "practice-2026"])
def test_an_esr1_mutation_whose_drugs_are_declined_leaves_fulvestrant_alone_behind_chemotherapy(
    policy: str | None, declined: dict[str, list[str]]
) -> None:
    """8355, 8356 (MAJOR): under practice-2026, with every endocrine partner taken by mouth and
    declined, rule 32 put fulvestrant alone first for ESR1-mutated disease, where its own
    reason quoted EMERALD's 1.9 months for the standard endocrine arm; chemotherapy was
    'later', behind an endocrine line the patient cannot have. ye2024 put chemotherapy first."""
    profile, _prefs = _esr1_and_pik3ca_with_drugs_by_mouth_declined()
    p = resistx.sequence(profile, declined, policy=policy)
    assert p.options[0].regimen.id == "chemotherapy", [o.regimen.id for o in p.options[:3]]
    chemo = p.option("chemotherapy")
    assert chemo is not None
    assert "endocrine_sensitive_chemotherapy_later" not in {r.code for r in chemo.reasons}


def test_fulvestrant_alone_still_comes_first_without_an_esr1_mutation_when_partners_are_declined() -> (
    None
):
    """The same patient with ESR1 not detected: fulvestrant alone is the endocrine-based line
    left (PACE), and rule 32 keeps it before chemotherapy under practice-2026."""
    profile, prefs = _esr1_and_pik3ca_with_drugs_by_mouth_declined()
    profile["biomarkers"] = [result("ESR1", "not_detected"), *profile["biomarkers"][1:]]  # type: ignore[index]
    p = resistx.sequence(profile, prefs, policy="practice-2026")
    assert p.options[0].regimen.id == "fulvestrant", [o.regimen.id for o in p.options[:3]]


def _her2_low_after_ten_months_of_ribociclib(sites: list[str]) -> dict[str, object]:
    """8571: HER2-low, nothing actionable, ribociclib + letrozole for ten months to
    progression, no other line; metastases at ``sites``."""
    course = {**PALBOCICLIB, "drugs": ["ribociclib", "letrozole"]}
    course |= {"started_on": "2025-06-15", "ended_on": "2026-04-20"}
    return patient(
        as_of="2026-06-01",
        her2="low",
        metastatic_sites=sites,
        biomarkers=TISSUE_PATHWAY_NEGATIVE,
        treatments=[course],
    )


def test_liver_metastases_let_tdxd_within_its_approval_lead_an_endocrine_line_under_practice() -> (
    None
):
    """8571 (MAJOR): HER2-low liver metastases after ten months on a CDK4/6 inhibitor: rule 32
    put fulvestrant alone first and held trastuzumab deruxtecan at 'later', while its own
    reason said that with liver or lung metastases it may weigh before another endocrine line
    (DESTINY-Breast06: 13.2 vs 8.1 months; its approval covers her)."""
    liver = resistx.sequence(
        _her2_low_after_ten_months_of_ribociclib(["bone", "liver"]), policy="practice-2026"
    )
    assert liver.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert liver.options[0].tier.value in ("preferred", "alternative")
    bone = resistx.sequence(
        _her2_low_after_ten_months_of_ribociclib(["bone"]), policy="practice-2026"
    )
    tdxd = bone.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    assert tdxd.tier.value == "later"
    assert bone.options[0].regimen.kind is not resistx.RegimenKind.ADC


def _after_sacituzumab_govitecan_ended(stop: str) -> dict[str, object]:
    """8372, 8770: HER2 0, nothing actionable, palbociclib + letrozole, capecitabine, then
    sacituzumab govitecan ended by ``stop``."""
    return patient(
        biomarkers=NEGATIVE,
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2023-01-10", "2024-12-01"),
            _course(2, ["capecitabine"], "2024-12-15", "2025-06-01"),
            _course(3, ["sacituzumab govitecan"], "2025-06-15", "2025-10-01", stop),
        ],
    )


@pytest.mark.parametrize("stop", ["patient_choice", "other", "completed"])
def test_datopotamab_deruxtecan_after_sacituzumab_govitecan_stopped_for_any_reason_is_not_preferred(
    stop: str,
) -> None:
    """8372 (MAJOR): after sacituzumab govitecan stopped by the patient's choice, datopotamab
    deruxtecan, another TROP2 ADC, was preferred; only a stop for toxicity held it at
    alternative (8209). Whether TROPION-Breast01's result reaches a patient given another TROP2
    ADC is not in the sources, whatever ended it."""
    p = resistx.sequence(_after_sacituzumab_govitecan_ended(stop), policy="practice-2026")
    dato = p.option("datopotamab-deruxtecan")
    assert dato is not None
    assert dato.tier.value != "preferred", dato.tier
    assert any("another TROP2 ADC" in r.text for r in dato.reasons)


def _pik3ca(variant: str) -> dict[str, object]:
    return patient(
        biomarkers=[
            result("PIK3CA", "mutated", variant=variant),
            *(r for r in NEGATIVE if r["gene"] != "PIK3CA"),
        ]
    )


@pytest.mark.parametrize(
    "variant",
    ["N345K", "N345K (VAF 12%)", "PIK3CA N345K", "c.1035T>A p.N345K", "p.Asn345Lys", "N345 K"],
)
def test_a_pik3ca_variant_outside_therascreen_is_read_however_it_is_written(variant: str) -> None:
    """8652 (MAJOR): 'N345K' made alpelisib at best an alternative (rule 90), but 'N345K (VAF
    12%)', 'PIK3CA N345K', 'c.1035T>A p.N345K' and 'N345 K' went unread and alpelisib was
    preferred."""
    alpelisib = resistx.sequence(_pik3ca(variant)).option("alpelisib+fulvestrant")
    assert alpelisib is not None
    assert "pik3ca_variant_outside_therascreen" in {r.code for r in alpelisib.reasons}
    assert alpelisib.tier.value != "preferred"


@pytest.mark.parametrize("variant", ["H1047R (VAF 8%)", "PIK3CA p.Glu545Lys", "c.3140A>G"])
def test_a_listed_pik3ca_variant_however_written_leaves_alpelisib_where_it_was(
    variant: str,
) -> None:
    alpelisib = resistx.sequence(_pik3ca(variant)).option("alpelisib+fulvestrant")
    assert alpelisib is not None
    assert "pik3ca_variant_outside_therascreen" not in {r.code for r in alpelisib.reasons}


@pytest.mark.parametrize("variant", ["banana", "see report", "positive"])
def test_a_pik3ca_variant_naming_no_change_is_refused(variant: str) -> None:
    """8652: 'banana' was accepted and read as no variant named: rule 90 reads PIK3CA's."""
    with pytest.raises(resistx.ProfileError, match=r"biomarkers\[0\]\.variant.*names no"):
        resistx.load_profile(_pik3ca(variant))


def test_a_wrong_type_among_a_courses_drugs_does_not_hide_a_misspelt_name_beside_it() -> None:
    """8655 (MAJOR): drugs ["Ibrnce", {"name": "letrozole"}] named only the object; on its own
    'Ibrnce' gets 'did you mean Ibrance?'. Every problem is named, each at its path."""
    course = {**PALBOCICLIB, "drugs": ["Ibrnce", {"name": "letrozole"}]}
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(treatments=[course]))
    paths = dict(caught.value.problems)
    assert set(paths) == {"$.treatments[0].drugs[0]", "$.treatments[0].drugs[1]"}
    assert "ibrance" in paths["$.treatments[0].drugs[0]"].lower()


def _interop(name: str) -> dict[str, object]:
    path = Path(__file__).parent.parent / "examples" / "interop" / name
    data: dict[str, object] = json.loads(path.read_text("utf-8"))
    return data


def test_a_fhir_gene_coded_by_its_symbol_alone_is_read() -> None:
    """8653 (MAJOR): a gene component coded {"system": genenames, "code": "ESR1"} with no
    display was skipped as 'a genomic result without a gene symbol'; the ESR1 mutation was
    dropped and the first option changed, with exit 0."""
    pytest.importorskip("fhir.resources")
    from resistx.interop import from_fhir  # noqa: PLC0415

    text = json.dumps(_interop("01-esr1-mutated.fhir.json"))
    bundle = json.loads(text.replace('"code": "HGNC:3467", "display": "ESR1"', '"code": "ESR1"'))
    assert "HGNC:3467" not in json.dumps(bundle)
    profile = from_fhir(bundle).profile
    assert any(b.gene == "ESR1" and b.status.value == "mutated" for b in profile.biomarkers)


def test_a_phenopacket_gene_one_character_from_a_read_gene_is_refused_with_its_name() -> None:
    """8653 (MAJOR): geneContext "ESR-1" was skipped as 'not a gene resistx uses' (and its
    plasma result taken as tumour DNA), where a profile with the same typo is refused with
    'did you mean ESR1?'."""
    pytest.importorskip("phenopackets")
    from resistx.interop import from_phenopacket  # noqa: PLC0415

    packet = _interop("01-esr1-mutated.phenopacket.json")
    text = json.dumps(packet).replace(
        '{"valueId": "HGNC:3467", "symbol": "ESR1"}', '{"symbol": "ESR-1"}'
    )
    assert "ESR-1" in text
    with pytest.raises(resistx.ProfileError, match="did you mean ESR1"):
        from_phenopacket(json.loads(text))


def test_an_akt1_finding_held_back_by_insulin_does_not_name_alpelisib() -> None:
    """8359 (MINOR): for an AKT1 finding the reason said 'alpelisib left out', a drug for
    PIK3CA only; capivasertib is the drug for AKT1."""
    p = resistx.sequence(
        patient(
            comorbidities=[{"name": "diabetes", "insulin": True, "hba1c": 7.0}],
            biomarkers=[
                result("AKT1", "mutated", variant="E17K"),
                *(r for r in NEGATIVE if r["gene"] != "AKT1"),
            ],
        )
    )
    said = " ".join(r.text for o in p.options for r in o.reasons if r.rule in (6, 32))
    assert "AKT1 finding" in said, said
    assert "alpelisib" not in said


@pytest.mark.parametrize("clearance", [28, 45])
def test_chemotherapys_renal_caution_names_eribulins_lower_dose(clearance: int) -> None:
    """8479 (MINOR): at a creatinine clearance of 28 mL/min the chemotherapy caution named
    capecitabine only; eribulin's label lowers its dose to 1.1 mg/m2 at 15-50 mL/min."""
    p = resistx.sequence(
        patient(
            biomarkers=NEGATIVE,
            comorbidities=[{"name": "renal_impairment", "creatinine_clearance": clearance}],
        )
    )
    chemo = p.option("chemotherapy")
    assert chemo is not None
    assert any("eribulin" in c.text and "1.1 mg/m2" in c.text for c in chemo.cautions)


def test_a_somatic_palb2_mutation_is_named_not_dropped() -> None:
    """8411 (MINOR): a tissue PALB2 mutation beside a germline PALB2 negative went unmentioned;
    the PARP inhibitors' reasons said 'no germline BRCA1/2 or PALB2 mutation'. The review:
    TBCRC 048's confirmed responses were for germline PALB2 and somatic BRCA1/2 only."""
    germline = [result(g, "not_detected", origin="germline") for g in ("BRCA1", "BRCA2", "PALB2")]
    tissue = result("PALB2", "mutated", sample="tissue", tested_on="2026-04-20")
    p = resistx.sequence(patient(biomarkers=[*NEGATIVE, *germline, tissue]))
    said = [r.text for o in p.options if o.regimen.id == "olaparib" for r in o.reasons]
    said += [r.text for e in p.excluded if e.regimen.id == "olaparib" for r in e.reasons]
    assert any("somatic PALB2" in t and "germline" in t for t in said), said


@pytest.mark.parametrize("stop", ["patient_choice", "completed", "other", "unknown"])
def test_sacituzumab_govitecans_own_earlier_course_does_not_count_toward_its_trials_lines(
    stop: str,
) -> None:
    """8770-8774 (MAJOR): after capecitabine and sacituzumab govitecan stopped short of
    progression, the sacituzumab course was counted among TROPiCS-02's 2-4 lines and it came
    first, preferred; without that course it was a later option behind chemotherapy."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(_after_sacituzumab_govitecan_ended(stop), policy=policy)
        sg = p.option("sacituzumab-govitecan")
        assert sg is not None
        assert sg.tier.value not in ("preferred",), (policy, sg.tier)
        assert p.options[0].regimen.id != "sacituzumab-govitecan"
        said = " ".join(r.text for r in sg.reasons)
        assert "1 prior chemotherapy or ADC line" in said, said


def test_a_low_count_worse_than_the_recorded_cytopenias_grade_is_refused() -> None:
    """8799a (MINOR, the recheck): a cytopenia of grade 1 recorded beside 'ANC 0.6' (grade 3)
    passed, where an HbA1c or clearance that disagrees with its field is refused."""
    with pytest.raises(resistx.ProfileError, match=r'"grade": 3'):
        resistx.load_profile(
            patient(comorbidities=[{"name": "cytopenia", "grade": 1}], other_conditions=["ANC 0.6"])
        )


def test_escitalo_and_emesis_are_read() -> None:
    """8800g, 8777 (MINOR, the recheck): 'escitalo' passed unread beside 'citalo' read;
    'emesis' as a stop's adverse event was offered 'sepsis'."""
    p = resistx.sequence(patient(biomarkers=NEGATIVE, medications=["escitalo 10 mg"]))
    assert "read: escitalopram as" in p.not_assessed[0]
    course = {**PALBOCICLIB, "stop_reason": "toxicity", "toxicity": "emesis"}
    profile = resistx.load_profile(patient(treatments=[course]))
    assert profile.treatments[0].toxicity == "vomiting"


def test_fulvestrants_esr1_reason_does_not_offer_an_oral_serd_the_patient_declines() -> None:
    """8750 (MINOR, the recheck): with drugs by mouth declined, fulvestrant's ESR1 reason still
    said 'an oral SERD, where one is open, is the review's option for the mutation'."""
    profile, prefs = _esr1_and_pik3ca_with_drugs_by_mouth_declined()
    p = resistx.sequence(profile, prefs, policy="practice-2026")
    fulvestrant = p.option("fulvestrant")
    assert fulvestrant is not None
    [said] = [r.text for r in fulvestrant.reasons if r.code == "esr1_mutation_fulvestrant_alone"]
    assert "where one is open" not in said
    assert "declines" in said, said


def test_a_vus_call_on_a_listed_pik3ca_variant_is_doubted_however_the_variant_is_written() -> None:
    """Reading the change (8652's twin): a VUS call on H1047R, a listed activating change, is
    doubted (rule 2 asks the laboratory); written 'PIK3CA H1047R (VAF 3%)' it was not, as rule
    90 had not read 'PIK3CA N345K'. One reading of a variant serves both."""

    def codes(variant: str) -> set[str]:
        vus = result("PIK3CA", "mutated", variant=variant, classification="vus")
        others = [r for r in NEGATIVE if r["gene"] != "PIK3CA"]
        p = resistx.sequence(patient(biomarkers=[vus, *others]))
        return {a.code for a in p.actions} | {r.code for o in p.options for r in o.reasons}

    plain = codes("H1047R")
    assert codes("PIK3CA H1047R (VAF 3%)") == plain
    assert codes("H1047R") != codes("N345K")  # the doubt is the listed change's


def test_an_endocrine_partner_left_open_keeps_rule_32_for_an_esr1_mutation() -> None:
    """8355's bound: with the oral SERDs and the CDK4/6 inhibitors declined but everolimus's
    kind open, an endocrine combination is left, so rule 32 still steps chemotherapy back."""
    profile, _prefs = _esr1_and_pik3ca_with_drugs_by_mouth_declined()
    open_partner = {"declines_kinds": ["endocrine_monotherapy", "cdk4/6i_based"]}
    p = resistx.sequence(profile, open_partner, policy="practice-2026")
    chemo = p.option("chemotherapy")
    assert chemo is not None
    assert "endocrine_sensitive_chemotherapy_later" in {r.code for r in chemo.reasons}
