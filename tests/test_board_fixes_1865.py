"""Scenario tests for the findings of the blind reviews from case 1865 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: premenopausal women and men
(1865-1884), organ function and interactions (1885-1904), molecular results that disagree
(1905-1924), HER2 and the antibody-drug conjugates (1925-1944) and records from other systems
(1945-1964)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir, from_phenopacket
from resistx.io.profile import load_preferences
from tests.helpers import adjuvant, result, unread
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_interop_edges import FIXTURES, bundle
from tests.test_plan import check_plan

POLICIES = ("ye2024", "practice-2026")


def _planned(
    data: dict[str, Any], policy: str, prefs: dict[str, Any] | None = None
) -> resistx.Plan:
    plan = resistx.sequence(data, prefs, policy=policy)
    check_plan(resistx.load_profile(data), load_preferences(prefs), plan)
    return plan


def _after_palbociclib(*biomarkers: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Case 1921: 26 months of palbociclib + letrozole to progression, HER2 0."""
    return _woman(
        "2026-06-01",
        list(biomarkers),
        _course(["palbociclib", "letrozole"], "2024-02-01", "2026-04-20", "progression", line=1),
        her2="0",
        **kw,
    )


def _phenopacket(name: str = "01-esr1-mutated") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.phenopacket.json").read_text("utf-8"))
    return data


def _refusal(data: dict[str, Any]) -> str:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return str(caught.value)


@pytest.mark.parametrize(
    ("marker", "said"),
    [
        # an ESR1 'mutation' by IHC, and ER positivity entered as a gene result (case 1921)
        (result("ESR1", "mutated", sample="tissue", assay="ihc"), "sequencing"),
        (result("ESR1", "wild_type", sample="tissue", assay="ihc"), "sequencing"),
        (result("ESR1", "overexpressed", sample="tissue", assay="ihc"), "hormone_receptor"),
        (result("ER", "overexpressed", sample="tissue", assay="ihc"), "hormone_receptor"),
        (result("PIK3CA", "overexpressed", sample="tissue", assay="ihc"), "PIK3CA"),
        (result("PIK3CA", "mutated", sample="tissue", assay="fish"), "sequencing"),
        (result("AKT1", "loss", sample="tissue"), "AKT1"),
    ],
)
def test_a_mutation_result_by_a_protein_or_copy_number_test_is_refused(
    marker: dict[str, Any], said: str
) -> None:
    """Case 1921 (MAJOR): an ESR1 'mutated' by IHC put elacestrant first; ER 'overexpressed'
    entered as a gene result counted ESR1 as tested and dropped it from the retest; PIK3CA
    'overexpressed' by IHC excluded alpelisib as 'no PIK3CA mutation on record'. ESR1,
    PIK3CA and AKT1 are read for their mutations, which only sequencing or PCR finds."""
    message = _refusal(_after_palbociclib(marker))
    assert ".biomarkers[0]" in message
    assert said in message


def test_a_negative_status_that_names_a_variant_is_refused() -> None:
    """Case 1921 (MAJOR): PIK3CA 'wild_type' with the variant H1047R was read as wild type,
    alpelisib excluded: a result that names a variant found it."""
    message = _refusal(
        _after_palbociclib(result("PIK3CA", "wild_type", sample="tissue", variant="H1047R"))
    )
    assert ".biomarkers[0].variant" in message
    assert "mutated" in message


@pytest.mark.parametrize("status", ["loss", "amplified", "overexpressed"])
def test_a_germline_brca1_deletion_recorded_as_loss_is_refused(status: str) -> None:
    """Case 1921 (MAJOR): a germline BRCA1 exon deletion entered as 'loss' excluded
    talazoparib as 'no germline BRCA1/2 or PALB2 mutation' while an action said the germline
    mutation opened a PARP inhibitor: a germline result is a variant, 'mutated'."""
    message = _refusal(
        _after_palbociclib(
            result("BRCA1", status, origin="germline", sample="blood", variant="deletion exons 1-2")
        )
    )
    assert ".biomarkers[0].status" in message
    assert "'mutated'" in message


@pytest.mark.parametrize("gene", ["BRCA2", "ESR1"])
def test_a_germline_origin_on_a_ctdna_sample_is_refused(gene: str) -> None:
    """Case 1921 (MAJOR): a BRCA2 result marked germline on a ctDNA sample put talazoparib
    first with no germline test asked; plasma cannot tell a germline variant from a tumour's.
    (ESR1 germline, MINOR: ESR1 is read for the tumour's acquired mutations only.)"""
    message = _refusal(
        _after_palbociclib(result(gene, "mutated", origin="germline", sample="ctdna"))
    )
    assert ".biomarkers[0]" in message
    assert "germline" in message


@pytest.mark.parametrize("policy", POLICIES)
def test_two_germline_tests_that_disagree_are_resolved_before_choosing(policy: str) -> None:
    """Case 1924 (MAJOR): a likely pathogenic germline BRCA2 variant in 2021 and a germline
    panel from another laboratory in 2025 that found none: the positive was kept with no
    word to resolve them, talazoparib preferred. A germline panel does not miss a
    constitutional variant: the discordance is resolved with genetics before choosing."""
    germline = {"origin": "germline", "sample": "blood", "tumour_fraction": None}
    plan = _planned(
        _after_palbociclib(
            result(
                "BRCA2",
                "mutated",
                tested_on="2021-03-01",
                variant="c.7007G>A",
                classification="likely_pathogenic",
                **germline,
            ),
            result("BRCA2", "not_detected", tested_on="2025-11-01", **germline),
        ),
        policy,
    )
    asked = [a for a in plan.actions if a.code == "resolve_germline_conflict"]
    assert len(asked) == 1
    assert asked[0].before_choosing
    assert "BRCA2" in asked[0].text and "reclassif" in asked[0].text


def test_a_somatic_and_a_germline_negative_ask_no_germline_resolution() -> None:
    """The germline resolution is for two germline tests only: a tumour BRCA2 mutation beside
    a germline negative is a somatic mutation, not a discordance."""
    plan = _planned(
        _after_palbociclib(
            result("BRCA2", "mutated", sample="tissue", tumour_fraction=None),
            result(
                "BRCA2", "not_detected", origin="germline", sample="blood", tumour_fraction=None
            ),
        ),
        "ye2024",
    )
    assert not [a for a in plan.actions if a.code == "resolve_germline_conflict"]


@pytest.mark.parametrize(
    ("entry", "meant"),
    [
        ("carbamazapine 400 mg bd", "carbamazepine"),
        ("itraconozole 200 mg daily", "itraconazole"),
        ("clarithromicin", "clarithromycin"),
    ],
)
def test_a_misspelt_interacting_medication_is_refused_with_its_name(entry: str, meant: str) -> None:
    """Case 1904 (MAJOR): 'carbamazapine' passed validation, was listed as a medication
    resistx does not read, and capivasertib was preferred with no interaction caution (the
    correct spelling set it back to rank 14 with both)."""
    message = _refusal(_after_palbociclib(medications=["metformin 500 mg", entry]))
    assert "medications[1]" in message
    assert f"did you mean {meant}?" in message


@pytest.mark.parametrize(
    ("entry", "generic"),
    [
        ("Kaletra 2 tablets bd", "ritonavir"),
        ("Genvoya", "cobicistat"),
        ("Tegretal 200 mg", "carbamazepine"),
        ("Rifadine", "rifampicin"),
        ("rifampicine", "rifampicin"),
        ("Itraconazol", "itraconazole"),
        ("carbamazépine", "carbamazepine"),
    ],
)
def test_a_brand_or_european_spelling_of_an_interacting_drug_is_read(
    entry: str, generic: str
) -> None:
    """Case 1904 (MAJOR): brands (Kaletra, the cobicistat-boosted combinations, Tegretal,
    Rifadine) and European spellings passed unread; each is the strong CYP3A drug it holds."""
    plan = _planned(_after_palbociclib(medications=[entry]), "ye2024")
    cautions = [a for a in plan.actions if generic in a.text.casefold()]
    assert cautions, [a.text for a in plan.actions]
    assert not unread(plan)


@pytest.mark.parametrize(
    ("entry", "qt"),
    [("azithromycin 500 mg", True), ("oxcarbazepine", False), ("fluconazole", True)],
)
def test_a_real_drug_near_an_interacting_one_is_not_taken_for_a_misspelling(
    entry: str, qt: bool
) -> None:
    """The misspelling check leaves real drugs whose names lie near one it reads: each is
    planned as itself, azithromycin and fluconazole read since session 54 as drugs known to
    prolong the QT interval (rule 142), oxcarbazepine not read."""
    plan = _planned(_after_palbociclib(medications=[entry]), "ye2024")
    asked = [a for a in plan.actions if a.code == "qt_drug_change"]
    assert bool(asked) is qt
    assert bool(unread(plan) and unread(plan)[0].startswith(entry)) is not qt


def test_a_brand_of_a_vitamin_k_antagonist_is_read() -> None:
    """Case 1904: Marcoumar and Falithrom (phenprocoumon) and 'warfarine' passed unread, and
    capecitabine's INR warning (rule 132) with them."""
    for entry in ("Marcoumar 3 mg", "Falithrom", "warfarine"):
        plan = _planned(_after_palbociclib(medications=[entry]), "ye2024")
        assert not unread(plan), entry


def test_a_misspelt_cancer_drug_in_a_fhir_bundle_is_refused_with_its_name() -> None:
    """Case 1945 (MAJOR): a MedicationRequest for 'palbociclb 125 mg' was left out, the course
    read as letrozole alone and the patient planned as never given a CDK4/6 inhibitor
    (palbociclib + fulvestrant preferred after 36 months of palbociclib)."""
    data = bundle()
    concept = data["entry"][9]["resource"]["medicationCodeableConcept"]
    concept["coding"] = [{"system": "http://example.org/local", "code": "x1"}]
    concept["text"] = "palbociclb 125 mg"
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "$.entry[9].resource.medicationCodeableConcept" in str(caught.value)
    assert "did you mean palbociclib?" in str(caught.value)


def test_a_result_of_another_patient_in_a_fhir_bundle_is_refused() -> None:
    """Case 1945 (MAJOR): the ESR1 mutation's Observation was of 'Patient/someone-else'; it
    was read as this patient's, and elacestrant preferred on it."""
    data = bundle()
    data["entry"][7]["resource"]["subject"] = {"reference": "Patient/someone-else"}
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "$.entry[7].resource.subject" in str(caught.value)
    assert "someone-else" in str(caught.value)
    from_fhir(bundle())  # its own references (Patient/id) are the patient's


@pytest.mark.parametrize(
    ("where", "code", "label", "name"),
    [
        ("diseases", "MONDO:0015925", "interstitial lung disease", "interstitial_lung_disease"),
        ("phenotypicFeatures", "HP:0006530", "Abnormal pulmonary interstitial morphology", None),
        ("diseases", "MONDO:0005148", "type 2 diabetes mellitus", "diabetes"),
    ],
)
def test_a_phenopacket_condition_coded_in_mondo_or_hpo_is_read(
    where: str, code: str, label: str, name: str | None
) -> None:
    """Case 1963 (MAJOR): ILD coded in MONDO or HPO, and type 2 diabetes in MONDO, were
    dropped: trastuzumab deruxtecan and alpelisib were preferred with nothing said. GA4GH
    recommends MONDO for diseases and HPO for phenotypes."""
    packet = _phenopacket()
    key = "type" if where == "phenotypicFeatures" else "term"
    packet.setdefault(where, []).append({key: {"id": code, "label": label}})
    read = {c.name.value for c in from_phenopacket(packet).profile.comorbidities}
    assert (name or "interstitial_lung_disease") in read


def test_a_phenopacket_disease_resistx_does_not_read_is_listed_as_not_assessed() -> None:
    """Case 1963: an unmapped phenopacket disease never reached the plan; from a FHIR bundle it
    is kept as free text, which the plan lists as not assessed. So it is now."""
    packet = _phenopacket()
    packet["diseases"] = [
        {"term": {"id": "NCIT:C4872", "label": "Breast Carcinoma"}},
        {"term": {"id": "MONDO:0004979", "label": "asthma"}},
    ]
    conversion = from_phenopacket(packet)
    assert "asthma" in conversion.profile.other_conditions
    assert "Breast Carcinoma" not in conversion.profile.other_conditions


@pytest.mark.parametrize("policy", POLICIES)
def test_hepatic_failure_beside_liver_metastases_in_fhir_asks_about_a_crisis(policy: str) -> None:
    """Case 1956 (MAJOR): 'Hepatic failure' and 'Secondary malignant neoplasm of liver' went to
    free text: an oral SERD was preferred, where the same patient written by hand is asked
    before choosing whether this is a visceral crisis, and nothing is preferred meanwhile."""
    data = bundle()
    subject = {"reference": "Patient/patient-01"}
    for code, display in (
        ("59927004", "Hepatic failure"),
        ("94381002", "Secondary malignant neoplasm of liver"),
    ):
        data["entry"].append(
            {
                "resource": {
                    "resourceType": "Condition",
                    "subject": subject,
                    "code": {
                        "coding": [
                            {"system": "http://snomed.info/sct", "code": code, "display": display}
                        ]
                    },
                }
            }
        )
    profile = from_fhir(data).profile
    assert [c.name.value for c in profile.comorbidities] == ["hepatic_impairment"]
    assert [s.value for s in profile.metastatic_sites] == ["liver"]
    plan = _planned(resistx.to_dict(profile), policy)
    assert not [o for o in plan.options if o.tier.value == "preferred"]
    assert any("visceral crisis" in a.text and a.before_choosing for a in plan.actions)


def test_a_ctdna_draw_that_found_a_gene_resistx_does_not_read_is_informative() -> None:
    """Case 1948 (MAJOR, a delay): a GATA3 frameshift in the draw was dropped, and the plan
    said the draw's negatives came from one that 'found nothing in any gene', asking for a
    tissue rebiopsy. The draw held tumour DNA: its negatives stand."""
    data = bundle()
    gene = data["entry"][7]["resource"]["component"][0]["valueCodeableConcept"]["coding"][0]
    # HBB: a gene no panel list of resistx holds (GATA3 is read since case 2325b)
    gene.update(code="HGNC:4827", display="HBB")
    conversion = from_fhir(data)
    [pik3ca] = [r for r in conversion.profile.biomarkers if r.gene == "PIK3CA"]
    assert pik3ca.low_shedding is False
    assert any("HBB" in a.text for a in conversion.assumptions)
    plan = _planned(resistx.to_dict(conversion.profile), "ye2024")
    assert not any("found nothing in any gene" in n for n in plan.notes)


def _pregnant(**kw: Any) -> dict[str, Any]:
    """Case 1877: premenopausal on goserelin + letrozole + ribociclib to progression, now
    pregnant (11 weeks)."""
    kw.setdefault("comorbidities", ["pregnancy"])
    kw.setdefault("menopausal_status", "premenopausal")
    return _woman(
        "2026-06-01",
        [result(g, "not_detected", tested_on="2026-05-10") for g in ("ESR1", "PIK3CA", "AKT1")],
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2024-02-01",
            "2026-04-20",
            "progression",
            line=1,
        ),
        her2="0",
        **kw,
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_pregnancy_on_record_prefers_nothing_and_asks_for_obstetric_review_first(
    policy: str,
) -> None:
    """Case 1877 (MAJOR): a pregnancy could be recorded only as free text; the plan still
    preferred ribociclib + letrozole (and five other endocrine or CDK4/6-inhibitor options),
    and its pregnancy test stood under 'none of these changes the first option'. Every option
    carries an embryo-fetal toxicity warning: nothing is preferred, each option says why, and
    an obstetric and multidisciplinary review comes before choosing."""
    plan = _planned(_pregnant(), policy)
    assert plan.options
    assert all(o.tier.value in ("later", "trial") for o in plan.options)
    # chemotherapy first, the only kind given in pregnancy (after the first trimester: case
    # 1968, capivasertib + fulvestrant had ranked first)
    assert plan.options[0].regimen.id == "chemotherapy"
    assert any(r.code == "pregnancy_not_preferred" for r in plan.options[0].reasons)
    # the reason that places each option is shown in the plan's text (case 1968: it was not)
    from resistx.display._common import why  # noqa: PLC0415

    assert all("pregnan" in why(o) for o in plan.options)
    assert all(any("pregnan" in r.text.casefold() for r in o.reasons) for o in plan.options)
    [review] = [a for a in plan.actions if a.code == "pregnancy_review"]
    assert review.before_choosing and "obstetric" in review.text
    assert not [a for a in plan.actions if a.code == "pregnancy_and_contraception"]


@pytest.mark.parametrize(
    ("kw", "said"),
    [
        ({"sex": "male", "menopausal_status": "unknown"}, "male"),
        ({"menopausal_status": "postmenopausal"}, "postmenopausal"),
    ],
)
def test_a_pregnancy_beside_a_man_or_the_menopause_is_refused(
    kw: dict[str, Any], said: str
) -> None:
    """A pregnancy recorded beside sex 'male' or a postmenopausal status contradicts itself:
    one of the two was miskeyed."""
    message = _refusal({**_pregnant(), **kw})
    assert ".comorbidities" in message and said in message


def test_pregnant_is_read_as_the_pregnancy_comorbidity() -> None:
    profile = resistx.load_profile(_pregnant(comorbidities=["Pregnant"]))
    assert [c.name.value for c in profile.comorbidities] == ["pregnancy"]


def test_trastuzumab_emtansine_on_record_asks_to_confirm_her2_before_choosing() -> None:
    """Case 1944 (MAJOR): T-DM1, given for HER2-positive disease only, passed in a HER2-low
    profile with nothing said (rule 133)."""
    data = _after_palbociclib(her2_tests=[{"score": "1+", "sample": "tissue"}])
    del data["her2"]
    data["treatments"].insert(
        0, {"drugs": ["T-DM1"], "setting": "adjuvant", "stop_reason": "completed"}
    )
    plan = _planned(data, "ye2024")
    [ask] = [a for a in plan.actions if a.code == "confirm_her2_after_her2_therapy"]
    assert ask.before_choosing and "HER2-positive" in ask.text


@pytest.mark.parametrize(
    ("drug", "said"),
    [
        ("trastuzumab", "HER2-directed"),
        ("Herceptin", "HER2-directed"),
        ("pertuzumab", "HER2-directed"),
        ("lapatinib", "HER2-directed"),
        ("tucatinib", "HER2-directed"),
        ("GnRH agonist", "goserelin, leuprorelin or triptorelin"),
        ("OFS", "goserelin, leuprorelin or triptorelin"),
        ("orchiectomy", "other_conditions"),
    ],
)
def test_a_her2_directed_drug_or_a_class_named_as_a_drug_is_refused_with_what_to_record(
    drug: str, said: str
) -> None:
    """Case 1944 (MAJOR): trastuzumab drew 'did you mean trastuzumab deruxtecan?', pertuzumab
    'pembrolizumab?', lapatinib 'olaparib?': a clinic taking the hint records a drug never
    given. Case 1865 and 1872 (MINOR): 'GnRH agonist', 'OFS' and an orchiectomy drew no
    hint."""
    data = _after_palbociclib()
    data["treatments"].insert(
        0, {"drugs": [drug], "setting": "adjuvant", "stop_reason": "completed"}
    )
    message = _refusal(data)
    assert said in message
    assert "did you mean" not in message


def test_enantone_is_leuprorelin() -> None:
    """Case 1865 (MINOR): Enantone, an EU brand of leuprorelin, drew 'did you mean
    onapristone?'."""
    data = _after_palbociclib(menopausal_status="premenopausal")
    data["treatments"][0]["drugs"].append("Enantone")
    profile = resistx.load_profile(data)
    assert "leuprolide" in profile.treatments[0].drugs


@pytest.mark.parametrize("name", ["bilateral oophorectomy", "surgical menopause"])
def test_an_oophorectomy_given_as_a_comorbidity_points_to_the_menopausal_status(name: str) -> None:
    """Case 1870b (MINOR): 'bilateral oophorectomy' as a comorbidity was sent to
    other_conditions, which no rule reads; kept premenopausal, she was asked about ovarian
    suppression and a pregnancy test. Treatments and menopausal_status already pointed to the
    status."""
    message = _refusal(_after_palbociclib(comorbidities=[name]))
    assert 'menopausal_status "postmenopausal"' in message
    assert "other_conditions" not in message


@pytest.mark.parametrize("policy", POLICIES)
def test_at_ecog_3_after_early_resistance_no_endocrine_combination_ranks_above_chemotherapy(
    policy: str,
) -> None:
    """Case 2052 (MAJOR): ECOG 3 after 3.9 months of first-line ribociclib + letrozole; rule 13
    put every non-cytotoxic option before chemotherapy, so palbociclib + fulvestrant (PACE: no
    benefit) and ribociclib given again ranked above it, while their own reasons said
    endocrine-based regimens come after chemotherapy here (rule 18). Endocrine monotherapy, the
    least toxic, still comes first."""
    data = _woman(
        "2026-06-01",
        [
            result(g, "not_detected", tested_on="2026-05-10", tumour_fraction=0.08)
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["ribociclib", "letrozole"], "2026-01-05", "2026-05-05", "progression", line=1),
        her2="0",
        ecog=3,
    )
    plan = _planned(data, policy)
    ids = [o.regimen.id for o in plan.options]
    chemotherapy = ids.index("chemotherapy")
    combinations = [
        i
        for i, o in enumerate(plan.options)
        if "+" in o.regimen.id and "fulvestrant" in o.regimen.id
    ]
    assert combinations and all(i > chemotherapy for i in combinations), ids
    assert ids[0] in ("fulvestrant", "elacestrant")


def test_an_adjuvant_course_after_a_metastatic_one_is_refused() -> None:
    """Case 1989's variant (MAJOR): line 2, fulvestrant to progression, keyed 'adjuvant' after
    two years of metastatic palbociclib, was accepted and its progression dropped: fulvestrant
    came back as an option."""
    data = _woman(
        "2026-06-01",
        [],
        _course(["palbociclib", "letrozole"], "2020-02-01", "2022-02-20", "progression", line=1),
        adjuvant(["fulvestrant"], "2022-03-01", "2022-09-01", "progression"),
        her2="0",
    )
    message = _refusal(data)
    assert "treatments[1]" in message and "metastatic" in message


def test_an_early_course_ended_by_progression_long_before_the_recorded_relapse_is_refused() -> None:
    """Case 2021's variant (MAJOR): adjuvant abemaciclib + anastrozole 'ended in progression'
    on 2024-01-10 beside relapsed_on 2026-02-10: the plan took the course's end as the relapse,
    read primary endocrine resistance and put chemotherapy first, against the recorded date."""
    data = _woman(
        "2026-06-01",
        [],
        adjuvant(["abemaciclib", "anastrozole"], "2022-01-10", "2024-01-10", "progression"),
        her2="0",
        relapsed_on="2026-02-10",
    )
    message = _refusal(data)
    assert "relapsed_on" in message and "treatments[0]" in message


def test_a_relapse_before_its_adjuvant_course_began_is_refused() -> None:
    """Case 2005's variants (MINOR): a relapsed_on years before the adjuvant course started (a
    year mistyped) passed and was silently dropped."""
    data = _woman(
        "2026-06-01",
        [],
        adjuvant(["letrozole"], "2021-03-01", "2025-11-01", "completed"),
        her2="0",
        relapsed_on="2020-12-01",
    )
    message = _refusal(data)
    assert "relapsed_on" in message and "treatments[0]" in message


@pytest.mark.parametrize("policy", POLICIES)
def test_a_parp_inhibitor_line_since_palbociclib_puts_ribociclib_outside_maintain(
    policy: str,
) -> None:
    """Case 1991 (MAJOR): after palbociclib + anastrozole and then olaparib, ribociclib +
    fulvestrant was an alternative on MAINTAIN, which enrolled at progression on the CDK4/6
    inhibitor; an endocrine, chemotherapy or ADC line between them put it outside, a PARP
    inhibitor line did not."""
    germline = {"origin": "germline", "sample": "blood", "tumour_fraction": None}
    data = _woman(
        "2026-06-01",
        [result("BRCA2", "mutated", tested_on="2023-01-10", **germline)],
        _course(["palbociclib", "anastrozole"], "2021-01-05", "2023-01-05", "progression", line=1),
        _course(["olaparib"], "2023-01-20", "2025-03-20", "progression", line=2),
        her2="0",
    )
    plan = _planned(data, policy)
    found = next(o for o in plan.options if o.regimen.id == "ribociclib+fulvestrant")
    assert found.tier.value not in {"alternative", "preferred"}
    assert any("MAINTAIN enrolled" in r.text for r in found.reasons)


def test_after_progression_on_a_serena6_switch_chemotherapy_comes_first() -> None:
    """Case 2044 (MAJOR, practice-2026): palbociclib + letrozole, then camizestrant switched to
    within line 1 on an ESR1 Y537S (SERENA-6), then progression with the mutation still there:
    read as endocrine-sensitive (rule 32), ribociclib + fulvestrant, abemaciclib + fulvestrant
    and elacestrant led chemotherapy, whose reason said it stepped back behind the drugs for
    the ESR1 target, the class that had just progressed. Recorded as a second line, rule 6
    put chemotherapy first: so it does now."""
    esr1 = {"variant": "Y537S", "tumour_fraction": 0.06}
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2025-06-02", **esr1),
            result("ESR1", "mutated", tested_on="2026-05-28", **esr1),
            *(
                result(g, "not_detected", tested_on="2026-05-28", tumour_fraction=0.06)
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-10", "2025-06-14", "other", line=1),
        _course(["camizestrant", "palbociclib"], "2025-06-15", "2026-05-20", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id == "chemotherapy", [o.regimen.id for o in plan.options]
    assert any(r.rule == 6 for r in plan.options[0].reasons)


@pytest.mark.parametrize("policy", POLICIES)
def test_declining_infusions_and_declining_adcs_give_chemotherapy_the_same_tier(
    policy: str,
) -> None:
    """Case 2048 (MAJOR): HER2-low after a CDK4/6 inhibitor and capecitabine. Declining the
    intravenous route made chemotherapy (by its oral agents) preferred and dropped the sentence
    that trastuzumab deruxtecan did better; declining the ADCs, which leaves out the same drug,
    kept chemotherapy an alternative with that sentence, and a note that the refusal, not the
    evidence, put it first. The two refusals now read alike (case 1000 had read a declined
    route as ruling trastuzumab deruxtecan out, as a lung disease does). Since session 74
    (9915) chemotherapy by mouth only, capecitabine progressed on, is at best a later option
    outside a crisis (only vinorelbine is left by mouth), while declining the ADCs leaves the
    agents by vein: the route's refusal never gives it a better tier than the kind's."""
    data = _woman(
        "2026-02-16",
        [
            result(g, "not_detected", tested_on="2026-02-02")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2024-11-05", "progression"),
        _course(["capecitabine"], "2024-11-20", "2025-09-30", "progression"),
        her2="low",
    )
    route = _planned(data, policy, {"declines": ["intravenous"]})
    kind = _planned(data, policy, {"declines_kinds": ["adc"]})

    def chemo(plan: resistx.Plan) -> resistx.Option:
        return next(o for o in plan.options if o.regimen.id == "chemotherapy")

    tiers = list(resistx.Tier)
    assert tiers.index(chemo(route).tier) >= tiers.index(chemo(kind).tier)
    assert chemo(route).tier.value == "later" and chemo(kind).tier.value == "alternative"
    said = " ".join(r.text for r in chemo(route).reasons)
    assert "trastuzumab deruxtecan" in said
    assert any("the refusal, not the evidence" in n for n in route.notes)


def test_an_overall_survival_whose_significance_boundary_was_not_crossed_is_no_benefit() -> None:
    """Case 2027 (MAJOR): EMBER-3's overall survival in ESR1-mutated disease (HR 0.6, 95% CI
    0.43-0.86, p = 0.0043, its significance boundary not crossed: update-2026 section 2) was
    graded ESMO-MCBS 4 and drawn green as a benefit, the caveat nowhere. It is not graded, not
    drawn as a benefit, and the trial's table says the boundary was not crossed."""
    from resistx.display._common import HAZARD_HEADER, hazard_rows  # noqa: PLC0415
    from resistx.display.svg_forest import ForestRow, _bar  # noqa: PLC0415
    from resistx.evidence.mcbs import grade  # noqa: PLC0415

    eb = resistx.evidence("2026.11")
    trial = eb.trial("EMBER-3")
    [os_hr] = [
        h for h in trial.hazard_ratios if h.endpoint_kind.value == "OS" and "ESR1" in h.population
    ]
    assert os_hr.boundary_crossed is False and os_hr.significant is False
    assert grade(os_hr, None, None).grade is None
    assert "not gradable" in grade(os_hr, 24.0, 20.0).reason
    [row] = [r for r in hazard_rows(trial) if r[0] == "OS" and "ESR1" in r[1]]
    assert "boundary not crossed" in row[HAZARD_HEADER.index("p")]
    bar = ForestRow(
        trial="EMBER-3",
        cited_for="1",
        endpoint="OS",
        population=os_hr.population,
        arms="",
        hr=0.6,
        low=0.43,
        high=0.86,
        significant=False,
    )
    assert "#1b7837" not in _bar(bar, 10.0, 0.3, 1.2)


@pytest.mark.parametrize("policy", POLICIES)
def test_primary_resistance_on_adjuvant_abemaciclib_is_kept_after_a_chemotherapy_line(
    policy: str,
) -> None:
    """Case 2020 (MAJOR): relapse 14 months into adjuvant abemaciclib + letrozole (primary
    endocrine resistance), then 7 months of capecitabine; now ESR1 Y537N and HER2-low.
    Elacestrant was preferred first: rule 87's reading held only with nothing given for
    metastatic disease, where the same history recorded as a short first line keeps rule 18's.
    Trastuzumab deruxtecan (DESTINY-Breast04, after one chemotherapy line) comes before it."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2026-05-20", variant="Y537N"),
            *(
                result(g, "not_detected", tested_on="2026-05-20")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        adjuvant(["abemaciclib", "letrozole"], "2024-01-15", "2025-03-15", "progression"),
        _course(["capecitabine"], "2025-04-01", "2025-11-01", "progression", line=1),
        her2="low",
        relapsed_on="2025-03-20",
        metastatic_sites=["liver", "bone"],
    )
    plan = _planned(data, policy)
    ids = [o.regimen.id for o in plan.options]
    assert ids.index("trastuzumab-deruxtecan") < ids.index("elacestrant"), ids
    elacestrant = next(o for o in plan.options if o.regimen.id == "elacestrant")
    assert elacestrant.tier.value != "preferred"
    assert any(r.code == "adjuvant_primary_resistance" for r in elacestrant.reasons)


def test_a_pregnancy_written_with_its_gestation_points_to_the_pregnancy_comorbidity() -> None:
    """Case 1970 (MAJOR): 'pregnancy (18 weeks)' drew 'did you mean pregnancy?; free text goes
    in other_conditions', where no rule reads it: elacestrant came first, no review asked."""
    message = _refusal(_pregnant(comorbidities=["pregnancy (18 weeks)"]))
    assert 'record "pregnancy"' in message


@pytest.mark.parametrize("policy", POLICIES)
def test_a_germline_variant_reclassified_as_a_vus_opens_no_parp_inhibitor(policy: str) -> None:
    """Case 1973 (MAJOR): germline BRCA2 c.8167G>C, likely pathogenic in 2017, reclassified as a
    VUS by an amended report in 2026: talazoparib was preferred first, relatives offered
    testing, while a note said the variant was a VUS. The latest classification of the same
    variant governs (ACMG/AMP: a VUS is not used for management)."""
    germline = {"origin": "germline", "sample": "blood", "tumour_fraction": None}
    data = _after_palbociclib(
        result(
            "BRCA2",
            "mutated",
            tested_on="2017-05-01",
            variant="c.8167G>C",
            classification="likely_pathogenic",
            **germline,
        ),
        result(
            "BRCA2",
            "mutated",
            tested_on="2026-05-01",
            variant="c.8167G>C",
            classification="vus",
            **germline,
        ),
    )
    plan = _planned(data, policy)
    parp = [o for o in plan.options if o.regimen.id in ("olaparib", "talazoparib")]
    assert all(o.tier.value not in ("preferred", "alternative") for o in parp)
    assert not [
        a for a in plan.actions if a.code == "genetic_counselling" and "relatives" in a.text
    ]


def test_in_a_visceral_crisis_the_her2_question_after_t_dm1_still_comes_before_choosing() -> None:
    """Case 1966 (MINOR): in a visceral crisis the confirm-HER2 step after T-DM1 went under
    'also to do': a HER2-positive crisis takes chemotherapy with anti-HER2 therapy."""
    data = _after_palbociclib(
        her2_tests=[{"score": "1+", "sample": "tissue"}], visceral_crisis=True
    )
    del data["her2"]
    data["treatments"].insert(
        0, {"drugs": ["T-DM1"], "setting": "adjuvant", "stop_reason": "completed"}
    )
    plan = _planned(data, "ye2024")
    [ask] = [a for a in plan.actions if a.code == "confirm_her2_after_her2_therapy"]
    assert ask.before_choosing and "anti-HER2" in ask.text


def test_a_regimen_the_review_never_names_is_not_said_to_lack_the_reviews_figures() -> None:
    """Case 1986 (MINOR, practice-2026): 'The review reports no efficacy figures for
    Gedatolisib + fulvestrant', a drug the review never names: under a policy whose evidence
    extends the review, both are named."""
    plan = _planned(
        _after_palbociclib(result("PIK3CA", "mutated", variant="H1047R")), "practice-2026"
    )
    said = [r.text for o in plan.options for r in o.reasons if r.code == "no_direct_evidence"]
    assert said and not any(t.startswith("The review reports no") for t in said)
    # where the pack reports the regimen for another cohort (VIKTORIA-1's), it says so (3373)
    assert all(
        t.startswith(("Neither the review nor the evidence after it", "No efficacy figure for"))
        for t in said
    )
    ye = _planned(_after_palbociclib(result("PIK3CA", "mutated", variant="H1047R")), "ye2024")
    said = [r.text for o in ye.options for r in o.reasons if r.code == "no_direct_evidence"]
    assert said and all(t.startswith("The review reports no efficacy figures") for t in said)


def test_relapsed_as_a_stop_reason_is_hinted_as_progression() -> None:
    """Case 2023 (MINOR): 'relapse' and 'recurrence' got 'did you mean progression?', 'relapsed'
    nothing."""
    data = _after_palbociclib()
    data["treatments"][0]["stop_reason"] = "relapsed"
    assert "did you mean progression?" in _refusal(data)


def test_an_interstitial_lung_disease_of_grade_0_is_refused() -> None:
    """Case 2145's variant (MAJOR): trastuzumab deruxtecan stopped for a pneumonitis recorded as
    grade 0 came back first, read as a grade 0-1 event its label resumes it after. CTCAE has no
    grade 0 pneumonitis: the grade is the worst reached, so '0' can only have meant 'resolved'."""
    data = _after_palbociclib(comorbidities=[{"name": "interstitial_lung_disease", "grade": 0}])
    message = _refusal(data)
    assert ".comorbidities[0]" in message and "worst" in message


def test_a_trop2_adc_is_not_preferred_while_a_her2_result_that_opens_tdxd_is_pending() -> None:
    """Case 2162 (MAJOR, practice-2026): IHC 2+ with its ISH pending after a chemotherapy line:
    datopotamab deruxtecan was preferred first, though a negative ISH (HER2-low) puts
    trastuzumab deruxtecan first (DESTINY-Breast04) and a positive one takes the patient out of
    this plan; after a deruxtecan ADC, trastuzumab deruxtecan is itself set back."""
    data = _woman(
        "2026-06-01",
        [
            result(g, "not_detected", tested_on="2026-05-10")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2025-01-05", "progression", line=1),
        _course(["capecitabine"], "2025-01-20", "2026-04-30", "progression", line=2),
        her2_tests=[
            {"score": "1+", "sample": "tissue", "tested_on": "2022-10-01", "site": "primary"},
            {
                "score": "2+",
                "ish": "pending",
                "sample": "tissue",
                "tested_on": "2026-05-12",
                "site": "metastasis",
            },
        ],
    )
    del data["her2"]  # the tests say it: unknown, the ISH pending
    for policy in POLICIES:
        plan = _planned(data, policy)
        trop2 = [
            o
            for o in plan.options
            if o.regimen.id in ("datopotamab-deruxtecan", "sacituzumab-govitecan")
        ]
        assert trop2 and all(o.tier.value != "preferred" for o in trop2), policy


def _relapse_on_adjuvant_abemaciclib(*later: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Cases 2072b-c: relapse 13 months into adjuvant abemaciclib + letrozole."""
    return _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2026-05-20", variant="D538G"),
            *(
                result(g, "not_detected", tested_on="2026-05-20")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        adjuvant(["abemaciclib", "letrozole"], "2022-01-10", "2023-02-10", "progression"),
        *later,
        her2="0",
        relapsed_on="2023-02-20",
        **kw,
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_long_endocrine_line_after_adjuvant_primary_resistance_measures_sensitivity(
    policy: str,
) -> None:
    """Case 2072b (MAJOR, after case 2020's change): relapse on adjuvant abemaciclib at 13
    months, then 24 months of fulvestrant, now ESR1 D538G: rule 87 put chemotherapy first as
    primary resistance; a metastatic endocrine line measures the sensitivity itself."""
    data = _relapse_on_adjuvant_abemaciclib(
        _course(["fulvestrant"], "2023-03-01", "2025-03-01", "progression", line=1)
    )
    plan = _planned(data, policy)
    assert not [r for o in plan.options for r in o.reasons if r.rule == 87]
    assert plan.options[0].regimen.id != "chemotherapy"


@pytest.mark.parametrize("policy", POLICIES)
def test_at_ecog_3_after_adjuvant_primary_resistance_combinations_follow_chemotherapy(
    policy: str,
) -> None:
    """Case 2072c (MAJOR): the ECOG 3 step of case 2052 missed relapse on adjuvant
    abemaciclib, which rule 87 reads as a short CDK4/6-inhibitor course."""
    plan = _planned(_relapse_on_adjuvant_abemaciclib(ecog=3), policy)
    ids = [o.regimen.id for o in plan.options]
    combinations = [
        i
        for i, o in enumerate(plan.options)
        if "+" in o.regimen.id and "fulvestrant" in o.regimen.id
    ]
    assert combinations and all(i > ids.index("chemotherapy") for i in combinations), ids


def test_a_progression_on_neoadjuvant_therapy_followed_by_adjuvant_therapy_is_accepted() -> None:
    """Case 2077h (MAJOR, after case 2021's variant): local progression on neoadjuvant AC,
    paclitaxel, surgery, two years of adjuvant abemaciclib, relapse in 2026: refused as an
    early course that ended in progression years before the relapse. More early treatment
    after it shows it was not the relapse."""
    data = _woman(
        "2026-06-01",
        [],
        {
            **adjuvant(
                ["doxorubicin", "cyclophosphamide"], "2020-12-01", "2021-03-01", "progression"
            ),
            "setting": "neoadjuvant",
        },
        {**adjuvant(["paclitaxel"], "2021-03-10", "2021-06-01"), "setting": "neoadjuvant"},
        adjuvant(["abemaciclib", "letrozole"], "2021-08-01", "2023-08-01"),
        her2="0",
        relapsed_on="2026-02-15",
    )
    resistx.load_profile(data)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_cdk46i_course_of_exactly_six_calendar_months_is_not_short(policy: str) -> None:
    """Case 2096 (MAJOR): palbociclib + letrozole from 20 October to 20 April (182 days) read
    as 'Only 6.0 months on the CDK4/6 inhibitor (under 6)': chemotherapy first, where the same
    course entered as 6 months, or a day longer, put elacestrant first (ESR1 D538G). Dates are
    counted in calendar months."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2026-05-10", variant="D538G"),
            *(
                result(g, "not_detected", tested_on="2026-05-10")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2025-10-20", "2026-04-20", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, policy)
    assert not [r for o in plan.options for r in o.reasons if r.rule == 18]
    assert plan.options[0].regimen.id != "chemotherapy"


def test_a_course_of_twelve_calendar_months_is_twelve_months_or_more() -> None:
    """Case 2094 (MAJOR, practice-2026): 20 April to 20 April, 'ran 12.0 months' in the notes,
    was 'under 12 months' for EMERALD's subgroup."""
    from resistx.model.profile import calendar_months  # noqa: PLC0415

    assert calendar_months(dt.date(2025, 4, 20), dt.date(2026, 4, 20)) == 12
    assert calendar_months(dt.date(2024, 1, 31), dt.date(2024, 2, 29)) == 1


def test_a_pregnancy_in_free_text_alone_is_refused_with_the_comorbidity_to_record() -> None:
    """Case 2080b (MAJOR): 'pregnant, 20 weeks gestation' in other_conditions, where no rule
    reads it: ribociclib + letrozole preferred with a routine pregnancy test. With the
    comorbidity recorded, the gestation may stay as text; a negated mention passes."""
    data = _pregnant(comorbidities=[])
    data["other_conditions"] = ["pregnant, 20 weeks gestation"]
    assert 'record the comorbidity "pregnancy"' in _refusal(data)
    resistx.load_profile({**_pregnant(), "other_conditions": ["pregnant, 20 weeks gestation"]})
    resistx.load_profile(
        {**_pregnant(comorbidities=[]), "other_conditions": ["pregnancy test negative"]}
    )


def test_a_later_germline_vus_in_the_gene_asks_genetics_before_choosing() -> None:
    """Case 2078b (MAJOR): the reclassification written in protein notation (or without a
    variant) left the earlier likely pathogenic call standing, talazoparib preferred, while a
    note called BRCA2 a VUS: the plan now asks genetics before choosing."""
    germline = {"origin": "germline", "sample": "blood", "tumour_fraction": None}
    data = _after_palbociclib(
        result(
            "BRCA2",
            "mutated",
            tested_on="2019-05-01",
            variant="c.8009C>T",
            classification="likely_pathogenic",
            **germline,
        ),
        result(
            "BRCA2",
            "mutated",
            tested_on="2025-05-01",
            variant="p.Ser2670Leu",
            classification="vus",
            **germline,
        ),
    )
    plan = _planned(data, "ye2024")
    [ask] = [a for a in plan.actions if a.code == "resolve_germline_conflict"]
    assert ask.before_choosing and "uncertain significance" in ask.text


@pytest.mark.parametrize(
    ("entry", "generic"),
    [
        ("itra 200mg bd", "itraconazole"),
        ("warf as per INR clinic", "warfarin"),
        ("CBZ", "carbamazepine"),
    ],
)
def test_a_clinics_shorthand_for_an_interacting_drug_is_read(entry: str, generic: str) -> None:
    """Case 2111 (MAJOR): 'itra 200mg bd' and 'warf' passed unread, elacestrant preferred with
    no interaction caution."""
    plan = _planned(_after_palbociclib(medications=[entry]), "ye2024")
    assert not unread(plan)


def test_a_creatinine_clearance_in_ml_per_second_is_refused_with_its_ml_per_minute() -> None:
    """Case 2123 (MAJOR): 1.1 mL/s (about 66 mL/min) was read as 1.1 mL/min: both PARP
    inhibitors set back for a germline BRCA1 carrier, where 66 put them first."""
    data = _after_palbociclib(
        comorbidities=[{"name": "renal_impairment", "creatinine_clearance": 1.1}]
    )
    assert "about 66 mL/min" in _refusal(data)


@pytest.mark.parametrize(
    ("status", "said"), [("negative", "is loss"), ("positive", "not_detected")]
)
def test_an_ihc_word_for_pten_points_to_the_status_it_means(status: str, said: str) -> None:
    """Case 2118 (MAJOR): PTEN 'negative' by IHC (no staining: loss) drew 'did you mean
    not_detected?', and 'overexpressed' was accepted: following the hint put chemotherapy
    first with no NGS confirmation asked."""
    marker = result("PTEN", status, sample="tissue", assay="ihc", tumour_fraction=None)
    assert said in _refusal(_after_palbociclib(marker))
    marker = result("PTEN", "overexpressed", sample="tissue", assay="ihc", tumour_fraction=None)
    assert "read for its loss" in _refusal(_after_palbociclib(marker))


@pytest.mark.parametrize(
    ("fulvestrant", "case"),
    [
        (_course(["fulvestrant"], "2023-03-01", "2023-06-01", "progression", line=1), "2168b"),
        (_course(["fulvestrant"], "2023-03-01", "2023-03-29", "toxicity", line=1), "2169"),
    ],
)
def test_a_short_or_toxicity_stopped_endocrine_line_keeps_adjuvant_primary_resistance(
    fulvestrant: dict[str, Any], case: str
) -> None:
    """Cases 2168b and 2169 (MAJOR, after case 2072b's change): a metastatic endocrine line that
    progressed within 3 months, or stopped at 4 weeks for an injection-site reaction, switched
    off rule 87: a short progression confirms the resistance, a toxicity stop measures
    nothing. Only a course long enough not to be short shows sensitivity."""
    plan = _planned(_relapse_on_adjuvant_abemaciclib(fulvestrant), "ye2024")
    assert [r for o in plan.options for r in o.reasons if r.rule == 87], case


def test_an_obstetric_history_in_free_text_is_accepted() -> None:
    """Case 2177 (MAJOR, after case 2080b's change): 'G2P2, last pregnancy 2018',
    'pregnancy-associated breast cancer diagnosed 2019' and 'pregnancy: none' were refused and
    sent to the pregnancy comorbidity, which would have planned a woman who is not pregnant as
    one. Only a current pregnancy is refused as free text."""
    for text in (
        "G2P2, last pregnancy 2018",
        "pregnancy-associated breast cancer diagnosed 2019",
        "pre-eclampsia in pregnancy 2015",
        "pregnancy: none",
        "gestational diabetes in first pregnancy",
    ):
        resistx.load_profile({**_pregnant(comorbidities=[]), "other_conditions": [text]})
    for text in ("14 weeks pregnant", "pregnancy, 11 weeks", "pregnant, LMP 2026-03-01"):
        assert "pregnancy" in _refusal({**_pregnant(comorbidities=[]), "other_conditions": [text]})


def test_a_progression_on_neoadjuvant_letrozole_starts_no_clock_of_sensitivity() -> None:
    """Case 2182 (MAJOR, practice-2026): progression on neoadjuvant letrozole, surgery,
    adjuvant chemotherapy, then adjuvant abemaciclib + letrozole with a relapse 16 months in:
    the 2-year clock ran from the neoadjuvant letrozole, so the disease read as
    endocrine-sensitive and fulvestrant came first. The clock starts after that progression."""
    data = _woman(
        "2026-06-01",
        [],
        {
            **adjuvant(["letrozole"], "2023-07-01", "2024-01-10", "progression"),
            "setting": "neoadjuvant",
        },
        adjuvant(["doxorubicin", "cyclophosphamide", "paclitaxel"], "2024-02-15", "2024-07-01"),
        adjuvant(["abemaciclib", "letrozole"], "2024-08-01", "2025-12-01", "progression"),
        her2="low",
        relapsed_on="2025-12-10",
    )
    plan = _planned(data, "practice-2026")
    assert [r for o in plan.options for r in o.reasons if r.rule == 87]
    assert plan.options[0].regimen.id != "fulvestrant"


def test_a_relapse_six_calendar_months_after_adjuvant_chemotherapy_is_within_six_months() -> None:
    """Case 2184 (MAJOR): adjuvant TC ended 31 March, relapse 30 September: DESTINY-Breast04's
    'within 6 months' excluded it by days (183 > 182.6), while the 12-month windows counted
    their last day; a relapse on 29 September put trastuzumab deruxtecan first."""
    data = _woman(
        "2025-10-15",
        [],
        adjuvant(["docetaxel", "cyclophosphamide"], "2024-12-01", "2025-03-31"),
        adjuvant(["abemaciclib", "letrozole"], "2025-04-15", "2025-09-30", "progression"),
        her2="low",
        relapsed_on="2025-09-30",
    )
    plan = _planned(data, "ye2024")
    said = [
        r.text for o in plan.options for r in o.reasons if o.regimen.id == "trastuzumab-deruxtecan"
    ]
    assert said and not any("No prior chemotherapy lines" in t for t in said), said


def test_a_chronic_lung_disease_of_grade_0_is_refused() -> None:
    """Case 2180 (MINOR): chronic_lung_disease grade 0 was accepted and printed as such; its
    scale is GOLD's 1-4."""
    data = _after_palbociclib(comorbidities=[{"name": "chronic_lung_disease", "grade": 0}])
    assert "1 (mild) to 4" in _refusal(data)


def test_months_beside_a_threshold_are_printed_to_the_tenth_below() -> None:
    """Case 2165's recheck (MINOR): 20 October to 19 April printed 'Only 6.0 months on the
    CDK4/6 inhibitor (under 6)'."""
    from resistx.sequencing.slots import tenths  # noqa: PLC0415

    assert f"{tenths(5.97):.1f}" == "5.9"
    assert f"{tenths(6.0):.1f}" == "6.0"
    assert f"{tenths(12.03):.1f}" == "12.0"


def test_a_packs_disagreements_are_not_headed_as_the_reviews() -> None:
    """Case 2199's audit (MAJOR): `resistx trial --pack 2026.11 DESTINY-Breast06` printed the
    disagreements between sources after the review under 'Where the review contradicts
    itself: the review says', attributing the HER2-ultralow figures to Ye et al."""
    from resistx.display._common import trial_view  # noqa: PLC0415

    eb = resistx.evidence("2026.11")
    titles = {t.title for t in trial_view(eb.trial("DESTINY-Breast06"), eb).tables}
    assert "Where the sources after the review disagree" in titles
    assert "Where the review contradicts itself" not in titles
    review = resistx.evidence()
    titles = {t.title for t in trial_view(review.trial("BYLieve"), review).tables}
    assert "Where the review contradicts itself" in titles


def test_camizestrants_status_shows_only_what_was_known_at_the_plans_date() -> None:
    """Case 2199 (MAJOR, practice-2026): 'FDA: no decision (2026-04-30)' left out the ODAC's
    vote against, and a CHMP opinion of 22 May was shown on a plan dated 15 May."""
    esr1 = {"variant": "Y537S", "tumour_fraction": 0.05}
    data = _woman(
        "2026-05-15",
        [
            result("ESR1", "not_detected", tested_on="2024-06-01"),
            result("ESR1", "mutated", tested_on="2026-05-01", **esr1),
        ],
        _course(["palbociclib", "letrozole"], "2024-06-10", None, "ongoing", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    [switch] = [a for a in plan.actions if a.code == "serena6_switch"]
    assert "ODAC" in switch.text
    assert "2026-05-22" not in switch.text


def test_a_p_value_the_review_prints_as_below_a_bound_is_shown_so() -> None:
    """Case 2199's audit (MAJOR by the brief: a figure not as printed): 'p<0.001' (SOLAR-1,
    CAPItello-291, DESTINY-Breast04) was stored and shown as 'p 0.001'."""
    from resistx.display._common import HAZARD_HEADER, hazard_rows  # noqa: PLC0415

    eb = resistx.evidence()
    for key in ("SOLAR-1", "CAPItello-291", "DESTINY-Breast04"):
        shown = [r[HAZARD_HEADER.index("p")] for r in hazard_rows(eb.trial(key))]
        assert any(s.startswith("<0.001") for s in shown), (key, shown)


def test_a_relapse_two_calendar_years_into_adjuvant_therapy_is_not_primary_resistance() -> None:
    """Case 2170 (judged correct), held by calendar months: 1 March 2021 to 1 March 2023 is 24
    months, not 23.98 (730 days); rule 87's primary resistance is a relapse within the first two
    years of adjuvant endocrine therapy."""
    data = _woman(
        "2023-04-01",
        [],
        adjuvant(["abemaciclib", "letrozole"], "2021-03-01", "2023-03-01", "progression"),
        her2="0",
        relapsed_on="2023-03-01",
    )
    plan = _planned(data, "ye2024")
    assert not [r for o in plan.options for r in o.reasons if r.rule == 87]
    shifted = {**data, "relapsed_on": "2023-02-20"}
    shifted["treatments"] = [{**data["treatments"][0], "ended_on": "2023-02-20"}]
    assert [r for o in _planned(shifted, "ye2024").options for r in o.reasons if r.rule == 87]
