"""Scenario tests for the findings of the blind reviews from case 2205 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: frail and comorbid patients
(2205-2229), premenopausal women, men and adjuvant relapse (2230-2254), later lines
(2255-2279) and clinic records (2280-2304)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir, from_phenopacket
from resistx.io.profile import load_preferences
from tests.helpers import adjuvant, result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_1865 import _phenopacket
from tests.test_interop_edges import bundle
from tests.test_plan import check_plan

PAM = ("PIK3CA", "AKT1", "PTEN")


def _planned(data: dict[str, Any], policy: str) -> resistx.Plan:
    plan = resistx.sequence(data, policy=policy)
    check_plan(resistx.load_profile(data), load_preferences(None), plan)
    return plan


def _refusal(data: dict[str, Any]) -> str:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return str(caught.value)


def _two_endocrine_lines(as_of: str, her2: str = "low") -> dict[str, Any]:
    """Case 2273: HER2-low after palbociclib + letrozole and fulvestrant, no chemotherapy, every
    target tested negative on tissue at the second progression."""
    return _woman(
        as_of,
        [
            result(g, "not_detected", sample="tissue", tested_on="2024-11-10")
            for g in ("ESR1", *PAM)
        ],
        _course(["palbociclib", "letrozole"], "2022-01-10", "2023-12-15", "progression", line=1),
        _course(["fulvestrant"], "2024-01-02", "2024-11-01", "progression", line=2),
        her2=her2,
    )


@pytest.mark.parametrize("her2", ["low", "ultralow"])
def test_before_destiny_breast06_was_approved_chemotherapy_is_not_held_back_for_it(
    her2: str,
) -> None:
    """Case 2273 (MAJOR): on 2024-12-01, before trastuzumab deruxtecan's approval in
    DESTINY-Breast06's population (FDA 2025-01-27), practice-2026 ranked it within a trial
    only, yet still capped chemotherapy at an alternative 'to it': nothing was preferred, and
    the default plan said chemotherapy was 'no longer preferred' under the newer policy."""
    before = _planned(_two_endocrine_lines("2024-12-01", her2), "practice-2026")
    first = before.options[0]
    assert first.regimen.id == "chemotherapy"
    assert first.tier is resistx.Tier.PREFERRED
    assert not any("chemotherapy_after_tdxd_db06" in (r.code or "") for r in first.reasons)
    # after the approval the cap stands, with trastuzumab deruxtecan before it
    after = _planned(_two_endocrine_lines("2025-03-01", her2), "practice-2026")
    assert after.options[0].regimen.id == "trastuzumab-deruxtecan"
    chemo = after.option("chemotherapy")
    assert chemo is not None
    assert chemo.tier is not resistx.Tier.PREFERRED


def _on_ribociclib(**course: Any) -> dict[str, Any]:
    """Case 2285b: ribociclib + letrozole from 2024-11-01, the plan on 2026-05-06."""
    return _woman(
        "2026-05-06",
        [result(g, "not_detected", tested_on="2026-04-20") for g in ("ESR1", *PAM)],
        {"drugs": ["Kisqali", "letrozole"], "setting": "metastatic", "line": 1, **course},
        her2="0",
    )


def test_an_ongoing_course_whose_months_disagree_with_its_start_is_refused() -> None:
    """Case 2285b (MAJOR): 'months: 3' on a course going on for 18 months was read as 3
    months on the CDK4/6 inhibitor, a short course, and put chemotherapy first."""
    message = _refusal(_on_ribociclib(started_on="2024-11-01", months=3, stop_reason="ongoing"))
    assert "treatments[0]" in message
    assert "months 3" in message
    assert "2024-11-01" in message
    # months that agree with the span to the decision date stand
    resistx.load_profile(_on_ribociclib(started_on="2024-11-01", months=18, stop_reason="ongoing"))


def test_a_course_whose_start_and_months_run_past_the_decision_date_is_refused() -> None:
    """Case 2303c (MAJOR): a start and 18 months ran to a progression after the decision date,
    and a fresh ESR1 result before it was read as older than that progression."""
    message = _refusal(
        _on_ribociclib(started_on="2025-02-01", months=18, stop_reason="progression")
    )
    assert "treatments[0]" in message
    assert "after as_of" in message
    resistx.load_profile(
        _on_ribociclib(started_on="2025-02-01", months=14.5, stop_reason="progression")
    )


@pytest.mark.parametrize(
    ("gene", "variant", "said"),
    [
        ("ESR1", "H1047R", "PIK3CA"),  # case 2295a: PIK3CA's hotspot entered for ESR1
        ("ESR1", "p.His1047Arg", "595"),
        ("AKT1", "E545K", "480"),
        ("PTEN", "p.R1000*", "403"),
    ],
)
def test_a_variant_beyond_the_length_of_its_gene_s_protein_is_refused(
    gene: str, variant: str, said: str
) -> None:
    """Case 2295a (MAJOR): ESR1 'H1047R' (ESR1 has 595 amino acids; H1047R is PIK3CA's
    hotspot) put elacestrant first for what was a copy-paste slip of a PIK3CA result."""
    message = _refusal(
        _woman(
            "2026-05-01",
            [result(gene, "mutated", tested_on="2026-04-20", variant=variant)],
            _course(["palbociclib", "letrozole"], "2024-02-01", "2026-04-10", "progression"),
        )
    )
    assert ".biomarkers[0].variant" in message
    assert said in message


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("ESR1", "Y537S"),
        ("ESR1", "p.Asp538Gly"),
        ("PIK3CA", "H1047R"),
        ("AKT1", "E17K"),
        ("PIK3CA", "c.3140A>G"),
        ("ESR1", "L536_D538>P"),
        ("BRCA2", "c.5946delT"),
    ],
)
def test_a_variant_within_its_gene_is_accepted(gene: str, variant: str) -> None:
    resistx.load_profile(
        _woman(
            "2026-05-01",
            [result(gene, "mutated", tested_on="2026-04-20", variant=variant)],
            _course(["palbociclib", "letrozole"], "2024-02-01", "2026-04-10", "progression"),
        )
    )


def _pneumonitis_on_everolimus(grade: int | None) -> dict[str, Any]:
    """Case 2226: HER2-low after palbociclib, everolimus + exemestane stopped for pneumonitis,
    then capecitabine: DESTINY-Breast04's population."""
    ild: dict[str, Any] = {"name": "interstitial_lung_disease"}
    if grade is not None:
        ild["grade"] = grade
    return _woman(
        "2026-05-01",
        [],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2025-02-01", "progression", line=1),
        _course(
            ["everolimus", "exemestane"],
            "2025-03-10",
            "2025-05-20",
            "toxicity",
            line=2,
            toxicity="pneumonitis",
        ),
        _course(["capecitabine"], "2025-06-10", "2026-04-01", "progression", line=3),
        her2="low",
        comorbidities=[ild],
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_grade_1_pneumonitis_from_another_drug_holds_trastuzumab_deruxtecan_back_not_out(
    policy: str,
) -> None:
    """Case 2226 (MAJOR): a grade 1 pneumonitis on everolimus left trastuzumab deruxtecan out
    of DESTINY-Breast04's own population, while the same grade caused by trastuzumab
    deruxtecan itself kept it preferred. DESTINY-Breast04 left out ILD that needed steroids,
    or current or suspected ILD: after a grade 1 from another drug it is at best an
    alternative until a chest physician says it resolved. Case 2446b (MAJOR): as a relative
    contraindication it fell below every endocrine option; it does not now."""
    plan = _planned(_pneumonitis_on_everolimus(1), policy)
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    assert tdxd.tier is resistx.Tier.ALTERNATIVE
    text = " ".join(r.text for r in tdxd.reasons)
    assert "grade 1" in text
    assert "steroids" in text
    fulvestrant = plan.option("fulvestrant")
    assert fulvestrant is None or fulvestrant.rank > tdxd.rank
    # of an unknown grade it stays out
    left = _planned(_pneumonitis_on_everolimus(None), policy)
    assert left.option("trastuzumab-deruxtecan") is None


@pytest.mark.parametrize(
    "drug",
    [
        "megestrol",
        "Megace",
        "medroxyprogesterone",
        "oestradiol",
        "toremifene",
        "ixabepilone",
        "S-1",
        "mitoxantrone",
    ],
)
def test_a_later_line_of_an_older_drug_is_accepted_and_counted(drug: str) -> None:
    """Case 2279 (MAJOR): a history with megestrol, toremifene, ixabepilone, S-1 or
    mitoxantrone was refused whole ('not a drug resistx knows', some with a hint to another
    class). They are older endocrine lines and chemotherapies; a line of them counts."""
    data = _woman(
        "2026-05-01",
        [result(g, "not_detected", tested_on="2026-04-20") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2024-02-01", "progression", line=1),
        _course([drug], "2024-02-20", "2026-04-10", "progression", line=2),
        her2="0",
    )
    plan = _planned(data, "ye2024")
    assert plan.options


def test_bevacizumab_beside_paclitaxel_is_a_chemotherapy_line() -> None:
    data = _woman(
        "2026-05-01",
        [result(g, "not_detected", tested_on="2026-04-20") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2024-02-01", "progression", line=1),
        _course(["paclitaxel", "Avastin"], "2024-02-20", "2026-04-10", "progression", line=2),
        her2="low",
    )
    plan = _planned(data, "ye2024")
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    assert "1 prior chemotherapy line" in " ".join(r.text for r in tdxd.reasons)


@pytest.mark.parametrize(
    "gene", ["BRIP1", "PIK3R1", "MAP3K1", "CHEK2", "BARD1", "RAD51C", "CDH1", "GATA3", "FGF19"]
)
def test_a_panel_gene_the_review_does_not_name_is_accepted_and_noted(gene: str) -> None:
    """Case 2297b (MAJOR): a hereditary or tissue NGS panel's genes were refused, with hints
    naming another, actionable gene ('BRIP1' -> BRCA1, 'PIK3R1' -> PIK3CA), which would
    invent an indication if followed. The result is accepted and the plan says it is weighed
    by no rule."""
    data = _woman(
        "2026-05-01",
        [
            result(gene, "mutated", tested_on="2026-04-20", sample="tissue", variant="R88Q"),
            *(result(g, "not_detected", tested_on="2026-04-20") for g in ("ESR1", *PAM)),
        ],
        _course(["palbociclib", "letrozole"], "2022-01-01", "2026-04-10", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "ye2024")
    assert any(n.startswith(f"{gene} mutated") and "not weighed" in n for n in plan.notes)


def test_an_unknown_gene_draws_no_hint_to_another_gene() -> None:
    """Case 2297b: a hint across genes ('BRCA3' -> BRCA1) would invent an indication; only a
    spelling of the same symbol ('PALB-2') is hinted."""
    message = _refusal(
        _woman("2026-05-01", [result("BRCA3", "mutated", tested_on="2026-04-20")], her2="0")
    )
    assert ".biomarkers[0].gene" in message
    assert "did you mean" not in message
    hinted = _refusal(
        _woman("2026-05-01", [result("PALB-2", "mutated", tested_on="2026-04-20")], her2="0")
    )
    assert "did you mean PALB2" in hinted


def _relapse_after_adjuvant_ribociclib() -> dict[str, Any]:
    """Case 2235b: adjuvant ribociclib (2 years, completed) beside tamoxifen + goserelin, and
    relapse on the tamoxifen 31 months in; no aromatase inhibitor ever."""
    return _woman(
        "2026-06-01",
        [
            result(g, "not_detected", sample="tissue", tested_on="2026-04-20")
            for g in ("ESR1", *PAM)
        ],
        {
            "drugs": ["tamoxifen", "goserelin"],
            "setting": "adjuvant",
            "started_on": "2023-09-01",
            "ended_on": "2026-04-01",
            "stop_reason": "progression",
        },
        {
            "drugs": ["ribociclib"],
            "setting": "adjuvant",
            "started_on": "2023-09-01",
            "ended_on": "2025-09-01",
            "stop_reason": "completed",
        },
        her2="0",
        ecog=0,
        menopausal_status="premenopausal",
        relapsed_on="2026-04-01",
    )


def test_postmonarch_s_adjuvant_population_is_named_as_such_not_as_an_aromatase_inhibitor() -> None:
    """Case 2235b (MAJOR): 'Progression on a CDK4/6 inhibitor with an aromatase inhibitor'
    for a woman who relapsed after adjuvant ribociclib beside tamoxifen and never had an
    aromatase inhibitor: postMONARCH's other entry, recurrence on or after an adjuvant CDK4/6
    inhibitor with endocrine therapy, is hers."""
    plan = _planned(_relapse_after_adjuvant_ribociclib(), "practice-2026")
    option = plan.option("abemaciclib+fulvestrant")
    assert option is not None
    said = [r.text for r in option.reasons if r.code == "postmonarch_population"]
    assert said
    assert "aromatase inhibitor" not in said[0]
    assert "(neo)adjuvant CDK4/6 inhibitor" in said[0]


@pytest.mark.parametrize(
    "extra",
    [
        {"medications": ["warfarin 5 mg daily"]},
        {"comorbidities": [{"name": "thrombocytopenia", "grade": 3}]},
    ],
)
def test_fulvestrant_s_injection_is_cautioned_beside_an_anticoagulant_or_low_counts(
    extra: dict[str, Any],
) -> None:
    """Case 2229b (MINOR, high): fulvestrant ranked first with no caution beside warfarin at an
    INR of 2.6 and a platelet count of 40; its label asks for caution with thrombocytopenia, a
    bleeding diathesis or an anticoagulant (an intramuscular injection)."""

    def fulvestrant_cautions(**kw: Any) -> list[str]:
        data = _woman(
            "2026-05-01",
            [result(g, "not_detected", tested_on="2026-04-20") for g in ("ESR1", *PAM)],
            _course(["palbociclib", "letrozole"], "2022-01-01", "2026-04-10", "progression"),
            her2="0",
            **kw,
        )
        option = _planned(data, "ye2024").option("fulvestrant")
        assert option is not None
        return [c.text for c in option.cautions]

    assert any("intramuscular" in c for c in fulvestrant_cautions(**extra))
    assert not any("intramuscular" in c for c in fulvestrant_cautions())


@pytest.mark.parametrize(
    "drug", ["Lupron Depot", "Zoladex LA", "Lucrin", "Camcevi", "Gonapeptyl", "buserelin"]
)
def test_the_gnrh_agonists_brands_are_read(drug: str) -> None:
    """Case 2252c (MINOR): US and European product names of the GnRH agonists were refused,
    and buserelin could not be entered under any name."""
    profile = resistx.load_profile(
        _woman(
            "2026-05-01",
            [],
            _course(["palbociclib", "letrozole", drug], "2024-01-01", "2026-04-10", "progression"),
            menopausal_status="premenopausal",
        )
    )
    assert resistx.DrugClass.OVARIAN_FUNCTION_SUPPRESSION in profile.treatments[0].drug_classes


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("diabetic neuropathy", "neuropathy"),
        ("sick sinus syndrome", "bradycardia"),
        ("heart block", "bradycardia"),
    ],
)
def test_a_comorbidity_is_hinted_to_what_it_is(name: str, said: str) -> None:
    """Case 2228 (MINOR): 'diabetic neuropathy' was hinted to diabetes (following it lost the
    taxane caution), and sick sinus syndrome or heart block to nothing."""
    message = _refusal(_woman("2026-05-01", [], comorbidities=[name]))
    assert said in message


def test_cipn_is_a_neuropathy() -> None:
    profile = resistx.load_profile(_woman("2026-05-01", [], comorbidities=["CIPN"]))
    assert profile.comorbidities[0].name.value == "neuropathy"


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_in_a_crisis_before_any_endocrine_therapy_the_first_line_standard_comes_before_an_adc(
    policy: str,
) -> None:
    """Case 2400 (MAJOR): de novo HER2-low disease in a visceral crisis, with no endocrine
    therapy and no CDK4/6 inhibitor on record: trastuzumab deruxtecan ranked second, 'the
    population of DESTINY-Breast04' (which enrolled endocrine-refractory disease), above a
    CDK4/6 inhibitor with an aromatase inhibitor, the review's first-line standard."""
    data = _woman(
        "2026-05-04",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-04-28"),
            result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-28"),
        ],
        her2="low",
        ecog=2,
        visceral_crisis=True,
    )
    plan = _planned(data, policy)
    ids = [o.regimen.id for o in plan.options]
    assert ids[0] == "chemotherapy"
    tdxd = plan.option("trastuzumab-deruxtecan")
    first_line = plan.option("ribociclib+letrozole")
    assert tdxd is not None and first_line is not None
    assert first_line.rank < tdxd.rank
    assert any("endocrine" in r.text and "DESTINY-Breast04" in r.text for r in tdxd.reasons)


@pytest.mark.parametrize(
    ("system", "code", "display", "name"),
    [
        (
            "http://hl7.org/fhir/sid/icd-10-cm",
            "J84.9",
            "Interstitial pulmonary disease",
            "interstitial_lung_disease",
        ),
        (
            "http://hl7.org/fhir/sid/icd-10-cm",
            "J70.0",
            "Radiation pneumonitis",
            "interstitial_lung_disease",
        ),
        ("http://hl7.org/fhir/sid/icd-10", "E10.9", "Type 1 diabetes mellitus", "diabetes"),
    ],
)
def test_a_fhir_condition_coded_in_icd10_is_read(
    system: str, code: str, display: str, name: str
) -> None:
    """Case 2363 (MAJOR): an active ILD coded ICD-10-CM J84.9 went to free text, and
    trastuzumab deruxtecan was preferred; US Core Conditions are often ICD-10-coded."""
    data = bundle()
    data["entry"].append(
        {
            "resource": {
                "resourceType": "Condition",
                "subject": {"reference": "Patient/patient-01"},
                "code": {"coding": [{"system": system, "code": code, "display": display}]},
            }
        }
    )
    profile = from_fhir(data).profile
    assert [c.name.value for c in profile.comorbidities] == [name]
    assert display not in profile.other_conditions
    if code.startswith("E10"):
        assert profile.comorbidities[0].insulin is True


@pytest.mark.parametrize(
    ("code", "label", "name"),
    [
        ("HP:0100651", "Type I diabetes mellitus", "diabetes"),
        ("HP:0006515", "Interstitial pneumonitis", "interstitial_lung_disease"),
    ],
)
def test_a_phenopacket_feature_of_type_1_diabetes_or_pneumonitis_is_read(
    code: str, label: str, name: str
) -> None:
    """Cases 2375b, 2359 (MAJOR): HPO's type 1 diabetes and interstitial pneumonitis were 'not
    held by a resistx profile', and both PI3K-pathway drugs, or trastuzumab deruxtecan, were
    preferred."""
    packet = _phenopacket()
    packet.setdefault("phenotypicFeatures", []).append({"type": {"id": code, "label": label}})
    read = {c.name.value for c in from_phenopacket(packet).profile.comorbidities}
    assert name in read


def test_an_ecog_given_as_text_is_refused_not_replaced_by_an_older_one() -> None:
    """Case 2361d (MAJOR): 'valueInteger': '3' was left out as 'not a score', and an ECOG 0
    from 2021 planned the patient as fit: trastuzumab deruxtecan first."""
    data = bundle()
    data["entry"][5]["resource"]["valueInteger"] = "3"
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "$.entry[5]" in str(caught.value)


def test_a_fhir_gender_of_m_is_refused() -> None:
    """Case 2368b (MAJOR): gender 'M' was dropped as 'other', and a man was asked for a
    pregnancy test and read as premenopausal."""
    data = bundle()
    data["entry"][0]["resource"]["gender"] = "M"
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "$.entry[0].resource.gender" in str(caught.value)


def test_an_endocrine_partner_recorded_as_a_medication_statement_is_a_course() -> None:
    """Case 2360b (MAJOR): letrozole recorded as a completed MedicationStatement, as EHRs often
    record oral drugs, was dropped ('not a result or a treatment'): palbociclib alone was on
    record, and elacestrant was left out as 'no endocrine therapy on record'. A statement of a
    drug resistx knows is a course, and it joins the request of the same dates."""
    data = bundle()
    letrozole = data["entry"][10]["resource"]
    period = letrozole["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]
    data["entry"][10]["resource"] = {
        "resourceType": "MedicationStatement",
        "id": "letrozole-statement",
        "status": "completed",
        "medicationCodeableConcept": letrozole["medicationCodeableConcept"],
        "subject": letrozole["subject"],
        "effectivePeriod": period,
    }
    conversion = from_fhir(data)
    [course] = conversion.profile.treatments
    assert set(course.drugs) == {"palbociclib", "letrozole"}
    assert course.stop_reason is resistx.StopReason.PROGRESSION
    assert conversion.profile.medications == ()


def test_a_medication_statement_of_another_drug_stays_a_medication() -> None:
    data = bundle()
    data["entry"].append(
        {
            "resource": {
                "resourceType": "MedicationStatement",
                "status": "active",
                "medicationCodeableConcept": {"text": "metformin 500 mg"},
                "subject": {"reference": "Patient/patient-01"},
            }
        }
    )
    assert from_fhir(data).profile.medications == ("metformin 500 mg",)


def _with_liver_metastasis(data: dict[str, Any], onset: str) -> dict[str, Any]:
    data["entry"].append(
        {
            "resource": {
                "resourceType": "Condition",
                "meta": {
                    "profile": [
                        "http://hl7.org/fhir/us/mcode/StructureDefinition/"
                        "mcode-secondary-cancer-condition"
                    ]
                },
                "subject": {"reference": "Patient/patient-01"},
                "code": {
                    "coding": [
                        {
                            "system": "http://snomed.info/sct",
                            "code": "94381002",
                            "display": "Secondary malignant neoplasm of liver",
                        }
                    ]
                },
                "onsetDateTime": onset,
            }
        }
    )
    return data


def test_a_metastasis_s_onset_after_neoadjuvant_treatment_is_the_relapse_date() -> None:
    """Case 2366b (MAJOR): the onset of an mCODE SecondaryCancerCondition 5.5 months after
    neoadjuvant paclitaxel was neither read nor reported; without the relapse date,
    DESTINY-Breast04's early relapse went unseen, and trastuzumab deruxtecan was a later
    option where the hand-written profile preferred it."""
    data = _with_liver_metastasis(bundle(), "2023-12-01")
    data["entry"].append(
        {
            "resource": {
                "resourceType": "MedicationAdministration",
                "status": "completed",
                "extension": [
                    {
                        "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/"
                        "mcode-procedure-intent",
                        "valueCodeableConcept": {
                            "coding": [{"system": "http://snomed.info/sct", "code": "373847000"}]
                        },
                    }
                ],
                "medicationCodeableConcept": {"text": "paclitaxel"},
                "subject": {"reference": "Patient/patient-01"},
                "effectivePeriod": {"start": "2023-02-01", "end": "2023-06-15"},
            }
        }
    )
    conversion = from_fhir(data)
    assert [t.setting.value for t in conversion.profile.treatments][-1] == "neoadjuvant"
    assert conversion.profile.relapsed_on is not None
    assert conversion.profile.relapsed_on.isoformat() == "2023-12-01"
    assert any("relapsed_on 2023-12-01" in a.text for a in conversion.assumptions)


def test_a_metastasis_s_onset_in_de_novo_disease_is_reported_not_read() -> None:
    conversion = from_fhir(_with_liver_metastasis(bundle(), "2023-12-01"))
    assert conversion.profile.relapsed_on is None
    assert any(e.path.endswith(".onsetDateTime") for e in conversion.unmapped)


def _fulvestrant_doses(data: dict[str, Any], *days: str) -> dict[str, Any]:
    """``data`` with a MedicationAdministration of fulvestrant on each of ``days``."""
    for day in days:
        data["entry"].append(
            {
                "resource": {
                    "resourceType": "MedicationAdministration",
                    "status": "completed",
                    "medicationCodeableConcept": {"text": "fulvestrant"},
                    "subject": {"reference": "Patient/patient-01"},
                    "effectiveDateTime": day,
                }
            }
        )
    return data


def test_fulvestrant_given_a_dose_at_a_time_is_one_course() -> None:
    """Case 2377 (MAJOR): a MedicationAdministration for each monthly injection of
    fulvestrant, each with its effectiveDateTime (valid mCODE), refused the bundle ('started
    with no ended_on'); as one-day periods they were 27 courses, 'progressed on fulvestrant
    before, in another regimen'. The doses are one course, first to last, an assumption."""
    data = bundle()
    conversion = from_fhir(
        _fulvestrant_doses(data, "2025-01-10", "2025-02-07", "2025-03-07", "2025-04-04")
    )
    courses = [t for t in conversion.profile.treatments if "fulvestrant" in t.drugs]
    assert len(courses) == 1
    assert courses[0].started_on is not None and courses[0].started_on.isoformat() == "2025-01-10"
    assert courses[0].ended_on is not None and courses[0].ended_on.isoformat() == "2025-04-04"
    assert any("4 administrations of fulvestrant" in a.text for a in conversion.assumptions)


def test_the_endocrine_first_reason_names_postmonarch_s_entry_the_patient_meets() -> None:
    """Case 2328 (MINOR): after relapse on adjuvant ribociclib, fulvestrant's reason said
    postMONARCH enrolled 'progression on a CDK4/6 inhibitor with an aromatase inhibitor', the
    entry she does not meet."""
    plan = _planned(_relapse_after_adjuvant_ribociclib(), "practice-2026")
    fulvestrant = plan.option("fulvestrant")
    assert fulvestrant is not None
    [said] = [r.text for r in fulvestrant.reasons if r.rule == 32]
    assert "postMONARCH, after recurrence on or after a (neo)adjuvant CDK4/6 inhibitor" in said
    assert "with an aromatase inhibitor" not in said


@pytest.mark.parametrize(
    ("event", "read"),
    [
        ("keratitis", "ocular surface toxicity"),
        ("ocular surface toxicity", "ocular surface toxicity"),
        ("ejection fraction decreased", "left ventricular ejection fraction"),
        ("hypersensitivity", "hypersensitivity reaction"),
        ("infusion-related reaction", "infusion-related reaction"),
        ("oral mucositis", "stomatitis"),
    ],
)
def test_the_events_that_stop_the_adcs_can_be_recorded(event: str, read: str) -> None:
    """Case 2454d (MAJOR): datopotamab deruxtecan stopped for keratitis was refused ('did you
    mean stomatitis?'), as were a falling ejection fraction on trastuzumab deruxtecan and a
    hypersensitivity to sacituzumab govitecan: the labelled reasons the ADCs stop."""
    profile = resistx.load_profile(
        _woman(
            "2026-05-01",
            [],
            _course(["palbociclib", "letrozole"], "2023-01-01", "2025-01-10", "progression"),
            _course(
                ["datopotamab deruxtecan"], "2025-02-01", "2026-03-01", "toxicity", toxicity=event
            ),
            her2="0",
        )
    )
    assert profile.treatments[1].toxicity == read


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_in_a_crisis_after_remote_adjuvant_therapy_the_first_line_standard_comes_before_an_adc(
    policy: str,
) -> None:
    """Case 2407 (MAJOR): HER2-low, adjuvant tamoxifen 2014-2019, a relapse in 2026 in a
    visceral crisis, never a CDK4/6 inhibitor: trastuzumab deruxtecan ranked second, above
    a CDK4/6 inhibitor with an aromatase inhibitor, whose own reason called it the first-line
    standard. Endocrine-sensitive disease is no more DESTINY-Breast04's than untreated."""
    data = _woman(
        "2026-05-04",
        [result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-28")],
        adjuvant(["tamoxifen"], "2014-03-01", "2019-03-01", "completed"),
        her2="low",
        visceral_crisis=True,
        relapsed_on="2026-04-10",
    )
    plan = _planned(data, policy)
    tdxd = plan.option("trastuzumab-deruxtecan")
    first_line = plan.option("ribociclib+letrozole")
    assert tdxd is not None and first_line is not None
    assert first_line.rank < tdxd.rank


def test_an_adjuvant_course_that_runs_on_past_the_relapse_is_refused() -> None:
    """Case 2423 (MAJOR): adjuvant anastrozole recorded to 2025-01-15, 'completed', with the
    relapse on 2024-06-20: the relapse on it was read as endocrine-sensitive disease and a CDK4/6
    inhibitor with an aromatase inhibitor preferred."""
    message = _refusal(
        _woman(
            "2025-03-01",
            [],
            adjuvant(["anastrozole"], "2020-01-15", "2025-01-15", "completed"),
            her2="0",
            relapsed_on="2024-06-20",
        )
    )
    assert "treatments[0]" in message
    assert "2025-01-15" in message


def test_fulvestrant_doses_given_with_a_cdk46_inhibitor_share_its_progression() -> None:
    """Case 2424 (MAJOR): palbociclib's request ended in progression, and fulvestrant was
    recorded an injection at a time with no termination reason: joined, the doses made a
    course of unknown stop, and fulvestrant's regimens came back as if never progressed on.
    Doses running through another drug's course (within a month of its start, ending within
    two of its end) are given with it, an assumption."""
    data = bundle()
    del data["entry"][10]  # letrozole: fulvestrant is the partner here
    days = [f"2024-{m:02d}-12" for m in range(1, 13)] + [f"2025-{m:02d}-12" for m in range(1, 13)]
    days += ["2026-01-12", "2026-02-12", "2026-03-12"]
    conversion = from_fhir(_fulvestrant_doses(data, *days))
    [course] = conversion.profile.treatments
    assert set(course.drugs) == {"palbociclib", "fulvestrant"}
    assert course.stop_reason is resistx.StopReason.PROGRESSION
    assert any("given with palbociclib" in a.text for a in conversion.assumptions)


@pytest.mark.parametrize("event", ["heart failure", "anaphylaxis"])
def test_an_event_that_ends_an_adc_for_good_is_not_softened(event: str) -> None:
    """Case 2462b, 2463 (MAJOR): 'heart failure' was read as 'left ventricular ejection
    fraction', and 'anaphylaxis' as 'hypersensitivity reaction', and each ADC was offered
    again; their labels stop them for good there. Refused, as before, until resistx reads them."""
    data = _woman(
        "2026-05-01",
        [],
        _course(["palbociclib", "letrozole"], "2023-01-01", "2025-01-10", "progression"),
        _course(["sacituzumab govitecan"], "2025-02-01", "2026-03-01", "toxicity", toxicity=event),
        her2="0",
    )
    assert ".treatments[1].toxicity" in _refusal(data)


def test_an_adjuvant_course_going_on_at_the_relapse_is_refused() -> None:
    """Case 2470h (MAJOR): adjuvant letrozole recorded as going on after relapsed_on passed,
    and the relapse on it was not read as relapse on an aromatase inhibitor."""
    course = adjuvant(["letrozole"], "2021-01-15", "2025-01-15", "ongoing")
    del course["ended_on"]
    message = _refusal(_woman("2025-03-01", [], course, her2="0", relapsed_on="2024-06-20"))
    assert "treatments[0]" in message
    assert "going on" in message


def test_after_a_grade_1_pneumonitis_of_another_cause_datopotamab_deruxtecan_is_held_not_out() -> (
    None
):
    """Case 2461 (MAJOR): HER2 0 after one chemotherapy line, a grade 1 radiation pneumonitis:
    datopotamab deruxtecan was left out while trastuzumab deruxtecan was only held back."""
    data = _pneumonitis_on_everolimus(1)
    data["her2"] = "0"
    plan = _planned(data, "practice-2026")
    dato = plan.option("datopotamab-deruxtecan")
    assert dato is not None
    assert dato.tier is resistx.Tier.ALTERNATIVE


def test_after_crisis_chemotherapy_the_first_line_reason_matches_its_order() -> None:
    """Cases 2405, 2465 (MINOR): with the ADCs after the CDK4/6-inhibitor regimens (rule 73),
    those regimens still said the ADCs 'come before it, after chemotherapy'."""
    data = _woman(
        "2026-05-04",
        [result("ESR1", "not_detected", sample="tissue", tested_on="2026-04-28")],
        her2="low",
        visceral_crisis=True,
    )
    option = _planned(data, "ye2024").option("ribociclib+letrozole")
    assert option is not None
    said = [r.text for r in option.reasons if r.code == "visceral_crisis_not_cytotoxic"]
    assert said
    assert "come before it" not in said[0]
    assert "rule 73" in said[0]
