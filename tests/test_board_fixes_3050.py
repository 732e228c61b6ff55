"""Scenario tests for the findings of session 55's blind reviews (cases 3050 on) and the items
left by earlier rounds that this session took up, each seen failing before its fix, named after
the behaviour a clinician relies on."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir
from tests.helpers import result
from tests.test_board_fixes_882 import PALBO_LETROZOLE, _actions, _course, _premenopausal
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_board_fixes_2790 import _on_qt_drugs
from tests.test_interop_edges import bundle


def _qt_asked(entry: str) -> bool:
    plan = _planned(_on_qt_drugs(entry), "practice-2026")
    return any(a.code == "qt_drug_change" for a in plan.actions)


@pytest.mark.parametrize(
    ("entry", "qt_drug_now"),
    [
        ("escitalopram switched to sertraline", False),
        ("sertraline stopped, switched to escitalopram", True),
        ("sertraline 50mg (switched from citalopram 2025)", False),
        ("citalopram stopped, now escitalopram", True),
        ("citalopram 20 -> 10 mg (QTc)", True),
        ("Citalopram dose changed to 10 mg daily", True),
        ("methadone 40 mg daily - no side effects", True),
        ("metoclopramide stopped, ondansetron started 04/2026", True),
        ("ondansetron discontinued, commenced metoclopramide", False),
    ],
)
def test_a_change_of_drug_in_one_entry_reads_the_drug_taken_now(
    entry: str, qt_drug_now: bool
) -> None:
    """Session 54's sweep (3020, left): 'escitalopram switched to sertraline' read escitalopram
    as taken now, beside ribociclib; 'X stopped, now Y' hid Y behind 'stopped' (3150). A
    refusal tried first refused dose changes and 'Y (switched from X)' (the recheck, 3171):
    the entry's drug taken now is read instead, a negation only in its own clause."""
    assert _qt_asked(entry) is qt_drug_now


def test_a_change_of_drug_resistx_does_not_read_passes_as_unread() -> None:
    plan = _planned(_on_qt_drugs("sertraline switched to mirtazapine"), "ye2024")
    assert any("sertraline switched to mirtazapine" in n for n in plan.not_assessed)


@pytest.mark.parametrize(
    ("entry", "meant"), [("methadonne 40 mg", "methadone"), ("amiodarrone", "amiodarone")]
)
def test_a_misspelt_qt_drug_is_refused_with_the_name_it_likely_meant(
    entry: str, meant: str
) -> None:
    """Session 54 (left): a misspelt QT drug passed unread beside ribociclib."""
    message = _refusal(_on_qt_drugs(entry))
    assert "medications[0]" in message
    assert meant in message


@pytest.mark.parametrize(
    "entry",
    [
        "sertraline 50 mg",
        "ofloxacin eye",
        "quinine 300 mg at night",
        "norfloxacin",
        "promethazine",
        "granisetron",
        "prochlorperazine",
        "amisulpride",
        "ciclosporin",
        "metoclopramide",
        "olanzapine",
        "quetiapine",
        "risperidone",
        "tramadol",
        "loperamide",
        "omeprazole",
    ],
)
def test_common_drugs_near_a_qt_drug_are_not_taken_for_misspellings(entry: str) -> None:
    _planned(_on_qt_drugs(entry), "ye2024")


@pytest.mark.parametrize(
    "entry",
    ["tamoxifen 2008-2013 (chemoprevention) - completed", "tamoxifen stopped 2019",
     "capecitabine adjuvant for colon cancer 2016 - completed", "allergic to paclitaxel",
     "declined capecitabine"],
)  # fmt: skip
def test_a_cancer_drug_not_taken_now_among_the_medications_passes(entry: str) -> None:
    """The recheck (3172k-t, MAJOR): refusing 'tamoxifen stopped' without a tamoxifen course
    (tried for 2998g) sent chemoprevention and another cancer's treatment to treatments."""
    _planned(_on_qt_drugs(entry), "ye2024")


def test_a_course_going_on_named_again_among_the_medications_passes() -> None:
    """The recheck (3178a, MAJOR): 'fulvestrant 500 mg IM q28d' beside its course going on was
    refused, pointing to treatments, which held it."""
    data = _on_qt_drugs("fulvestrant 500 mg IM q28d")
    data["treatments"].append(_course(["fulvestrant"], "2026-05-15", None, "ongoing", line=2))
    _planned(data, "ye2024")


def test_a_cancer_drug_taken_now_and_not_among_the_treatments_is_refused() -> None:
    message = _refusal(_on_qt_drugs("fulvestrant 500 mg IM q28d"))
    assert "medications[0]" in message and "treatments" in message


def _viktoria_patient() -> dict[str, Any]:
    """Case 3050: ESR1 Y537S on ctDNA after 26 months of palbociclib + letrozole, PIK3CA,
    AKT1 and PTEN not detected, HER2 0."""
    negatives = [
        result(g, "not_detected", sample="ctdna", tested_on="2025-05-10", tumour_fraction=0.08)
        for g in ("PIK3CA", "AKT1", "PTEN")
    ]
    return _woman(
        "2025-06-01",
        [result("ESR1", "mutated", sample="ctdna", tested_on="2025-05-10"), *negatives],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2025-05-01", "progression", line=1),
        her2="0",
    )


def test_the_gedatolisib_triplet_after_palbociclib_rests_on_viktoria_1_not_on_no_evidence() -> None:
    """Case 3050 (MINOR, practice-2026): the triplet's reason said 'the review has no evidence
    for giving [palbociclib] again' and stepped it back; VIKTORIA-1 gave palbociclib with
    gedatolisib after a CDK4/6 inhibitor (100% of its patients) and is that evidence. The
    history factor no longer holds it below the doublet (the balance still does: its cost)."""
    plan = _planned(_viktoria_patient(), "practice-2026")
    by_id = {o.regimen.id: o for o in plan.options}
    triplet = by_id["gedatolisib+palbociclib+fulvestrant"]
    doublet = by_id["gedatolisib+fulvestrant"]
    texts = " ".join(r.text for r in triplet.reasons)
    assert "no evidence for giving it again" not in texts
    assert "VIKTORIA-1 gave palbociclib after a CDK4/6 inhibitor" in texts
    assert triplet.scores.history == doublet.scores.history


# the adversarial review (cases 3140 on): input accepted and read wrongly


def _after_palbociclib(*biomarkers: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return _woman(
        "2026-05-01",
        list(biomarkers),
        _course(["palbociclib", "letrozole"], "2024-06-01", "2026-03-25", "progression", line=1),
        **kw,
    )


@pytest.mark.parametrize(
    ("gene", "variant", "other"),
    [("ESR1", "E545K", "PIK3CA"), ("PIK3CA", "D538G", "ESR1"), ("PIK3CA", "Y537S", "ESR1"),
     ("PIK3CA", "E17K", "AKT1"), ("ESR1", "p.Glu545Lys", "PIK3CA")],
)  # fmt: skip
def test_another_genes_hotspot_on_a_result_is_refused(gene: str, variant: str, other: str) -> None:
    """Case 3147 (MAJOR): E545K on an ESR1 row put elacestrant first; D538G, Y537S or E17K on
    a PIK3CA row passed: a shifted column sends the patient to the wrong drug."""
    message = _refusal(_after_palbociclib(result(gene, "mutated", variant=variant)))
    assert "biomarkers[0]" in message
    assert f"hotspot of {other}" in message


def test_esr1_e542k_where_esr1_has_a_glutamate_passes() -> None:
    # ESR1's residue 542 is a glutamate (helix 12, LYDLLLEMLDAHR): E542K there is possible
    _planned(_after_palbociclib(result("ESR1", "mutated", variant="E542K")), "ye2024")


@pytest.mark.parametrize("text", ["none detected", "wild type", "amplification", "no mutation"])
def test_a_mutation_whose_variant_says_none_was_found_is_refused(text: str) -> None:
    """Case 3148 (MAJOR): 'mutated' with variant 'none detected' put capivasertib and
    alpelisib in the preferred tier."""
    message = _refusal(_after_palbociclib(result("PIK3CA", "mutated", variant=text)))
    assert "biomarkers[0]" in message
    assert repr(text) in message


@pytest.mark.parametrize(
    ("entry", "read"),
    [
        ("itraconazole stopped 2026-03, now rifampicin", True),
        ("itraconazole 200 mg bd - no side effects", True),
        ("clarithromycin held for surgery, restarted 2026-05-20", True),
        ("rifampicin switched to azithromycin", False),
    ],
)
def test_a_strong_cyp3a_drug_is_read_where_the_entry_says_it_is_taken_now(
    entry: str, read: bool
) -> None:
    """Case 3150 (MAJOR): 'itraconazole stopped, now rifampicin' was read as not taken: the
    inducer's action disappeared and capivasertib stayed first; 'itraconazole 200 mg bd - no
    side effects' was dropped for its 'no' (the recheck, 3171)."""
    plan = _planned(_on_qt_drugs(entry), "ye2024")
    assert any(a.rule == 116 for a in plan.actions) is read


@pytest.mark.parametrize(
    "text",
    ["positive pregnancy test 2026-04-20, about 8 weeks", "pregnancy", "gestation 20 weeks"],
)
def test_a_current_pregnancy_in_free_text_is_refused(text: str) -> None:
    """Case 3151 (MAJOR): these passed ('pregnant' did not) and capivasertib was preferred for
    a pregnant woman."""
    data = _after_palbociclib(menopausal_status="premenopausal", other_conditions=[text])
    message = _refusal(data)
    assert "other_conditions[0]" in message
    assert '"pregnancy"' in message


@pytest.mark.parametrize(
    ("text", "named"),
    [("type 1 diabetes (insulin pump), HbA1c 8.4%", "diabetes"),
     ("long QT syndrome (QTc 490 ms)", "qtc_prolonged"),
     ("interstitial lung disease on CT 2025", "interstitial_lung_disease")],
)  # fmt: skip
def test_a_comorbidity_resistx_reads_in_free_text_is_refused(text: str, named: str) -> None:
    """Case 3143 (MAJOR): type 1 diabetes and long QT in other_conditions left alpelisib and
    ribociclib high, the text only repeated as not assessed."""
    message = _refusal(_after_palbociclib(other_conditions=[text]))
    assert f"$.other_conditions[0]: {text!r}" in message
    assert named in message
    assert "comorbidities" in message


@pytest.mark.parametrize(
    "text",
    [
        "family history of diabetes",
        "no diabetes",
        "prediabetes",
        "gestational diabetes 2009",
        "osteoarthritis",
        "pregnancy test negative",
    ],
)
def test_free_text_that_names_no_current_comorbidity_passes(text: str) -> None:
    plan = _planned(_after_palbociclib(other_conditions=[text]), "ye2024")
    assert text in plan.not_assessed


def test_a_course_left_ongoing_under_a_later_line_is_refused() -> None:
    """Case 3146 (MAJOR): line 1 palbociclib + letrozole 'ongoing' while line 2 capecitabine
    started after it and ended in progression: the palbociclib doublet was preferred again."""
    data = _woman(
        "2026-05-01",
        [],
        _course(["palbociclib", "letrozole"], "2024-06-01", None, "ongoing", line=1),
        _course(["capecitabine"], "2025-06-01", "2026-04-20", "progression", line=2),
    )
    message = _refusal(data)
    assert "treatments[0]" in message
    assert "treatments[1]" in message


def test_a_suppression_course_going_on_under_later_lines_passes() -> None:
    data = _woman(
        "2026-05-01",
        [],
        _course(["goserelin"], "2024-06-01", None, "ongoing"),
        _course(["palbociclib", "letrozole"], "2024-06-01", "2025-05-20", "progression", line=1),
        _course(["fulvestrant"], "2025-06-01", "2026-04-20", "progression", line=2),
        menopausal_status="premenopausal",
    )
    _planned(data, "ye2024")


def test_a_course_with_no_setting_or_line_before_line_1_is_refused() -> None:
    """Case 3144 (MAJOR): adjuvant AC-T and tamoxifen recorded with neither setting nor line
    were read as metastatic lines, and trastuzumab deruxtecan came first for '1 prior
    chemotherapy line'. A course before line 1 cannot be a metastatic line."""
    chemo = {"drugs": ["doxorubicin", "cyclophosphamide", "paclitaxel"]}
    data = _woman(
        "2026-05-01",
        [],
        {**chemo, "started_on": "2015-01-05", "ended_on": "2015-07-01", "stop_reason": "completed"},
        {"drugs": ["tamoxifen"], "started_on": "2015-08-01", "ended_on": "2020-08-01",
         "stop_reason": "completed"},
        _course(["palbociclib", "letrozole"], "2024-06-01", "2026-03-25", "progression", line=1),
    )  # fmt: skip
    message = _refusal(data)
    assert "treatments[0]" in message
    assert "treatments[1]" in message
    assert "setting" in message


# the review of real-format records (cases 3080 on)


def test_a_later_tumour_call_of_a_germline_variant_keeps_it_germline() -> None:
    """Case 3085 (MAJOR): a germline BRCA2 frameshift, then the same variant on ctDNA labelled
    somatic: the ctDNA call replaced the germline one (read as a reclassification), and the
    plan called it a somatic BRCA2 mutation, talazoparib outside its label, and asked for
    germline testing again. A germline variant is permanent; only a germline report amends it."""
    frameshift = "p.Ser1982ArgfsTer22"
    germline = result(
        "BRCA2", "mutated", origin="germline", tested_on="2023-03-01", variant=frameshift,
        classification="pathogenic",
    )  # fmt: skip
    later = result(
        "BRCA2", "mutated", origin="somatic", tested_on="2025-10-01", variant=frameshift,
        classification="pathogenic",
    )  # fmt: skip
    plan = _planned(_after_palbociclib(germline, later), "ye2024")
    said = " ".join(r.text for o in plan.options for r in o.reasons)
    assert "somatic BRCA2 mutation" not in said
    assert "germline BRCA2" in said
    assert "outside its label" not in " ".join(
        r.text for o in plan.options if o.regimen.id == "talazoparib" for r in o.reasons
    )


def _with_statement(
    drug: str, code: str, reason: str, resource: str = "MedicationStatement"
) -> Any:
    data = bundle()
    subject = next(e["resource"]["subject"] for e in data["entry"] if "subject" in e["resource"])
    data["entry"].append(
        {
            "resource": {
                "resourceType": resource,
                "id": "other-use",
                "status": "active",
                **({"intent": "order"} if resource == "MedicationRequest" else {}),
                "medicationCodeableConcept": {
                    "coding": [
                        {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": code,
                         "display": drug}
                    ]
                },
                **(
                    {"dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": {"start": "2012-03-01"}}}}]}
                    if resource == "MedicationRequest"
                    else {"effectivePeriod": {"start": "2012-03-01"}}
                ),
                "reasonCode": [{"coding": [{"system": "http://snomed.info/sct",
                                            "code": "69896004", "display": reason}]}],
                "subject": subject,
            }
        }
    )  # fmt: skip
    return from_fhir(data)


@pytest.mark.parametrize("resource", ["MedicationStatement", "MedicationRequest"])
def test_methotrexate_for_rheumatoid_arthritis_is_a_medication_not_a_chemotherapy_line(
    resource: str,
) -> None:
    """Case 3086 (MAJOR): methotrexate 15 mg weekly for rheumatoid arthritis, its reason in the
    record, was read as a metastatic chemotherapy course going on: '2 prior chemotherapy or
    ADC lines', sacituzumab govitecan first."""
    conversion = _with_statement(
        "methotrexate", "6851", "Rheumatoid arthritis (disorder)", resource
    )
    profile = conversion.profile
    assert all("methotrexate" not in t.drugs for t in profile.treatments)
    assert profile.medications == ("methotrexate",)


def test_methotrexate_given_for_breast_cancer_stays_a_course() -> None:
    conversion = _with_statement("methotrexate", "6851", "Malignant neoplasm of breast")
    assert any("methotrexate" in t.drugs for t in conversion.profile.treatments)


def test_two_ecog_scores_on_one_day_that_disagree_are_refused() -> None:
    """Case 3105 (MAJOR): ECOG 1 and ECOG 3 on the same day; the converter took the first in
    the bundle and reported the other as 'before the latest result'."""
    data = bundle()
    same_day = copy.deepcopy(data["entry"][5])
    same_day["resource"]["id"] = "ecog-same-day"
    same_day["resource"]["valueInteger"] = 3
    data["entry"].insert(5, same_day)
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert "ECOG 3 and ECOG 1" in str(caught.value) or "ECOG 1 and ECOG 3" in str(caught.value)
    assert "same day" in str(caught.value)


def test_a_gnrh_agonist_last_given_within_a_depots_reach_asks_which_depot() -> None:
    """Case 3084 (MAJOR): leuprorelin 11.25 mg every 3 months, last given 58 days before the
    progression on palbociclib + letrozole: the plan said it 'stopped ... before letrozole did'
    and that the progression may be ovarian escape, though a 3-monthly depot covered her to
    the progression. Within 12 weeks of its last dose the plan asks which depot it was."""
    leuprorelin = _course(["leuprorelin"], "2024-08-05", "2025-12-31", "patient_choice")
    [action] = _actions(_planned(_premenopausal(leuprorelin, PALBO_LETROZOLE), "ye2024"),
                        "ovarian_suppression_stopped")  # fmt: skip
    assert "stopped on" not in action.text
    assert "last recorded dose" in action.text
    assert "3-monthly depot" in action.text
    assert action.before_choosing


def test_a_gnrh_agonist_stopped_beyond_any_depots_reach_still_reads_as_stopped() -> None:
    goserelin = _course(["goserelin"], "2024-07-20", "2025-05-10", "patient_choice")
    [action] = _actions(_planned(_premenopausal(goserelin, PALBO_LETROZOLE), "ye2024"),
                        "ovarian_suppression_stopped")  # fmt: skip
    assert "stopped on 2025-05-10" in action.text


@pytest.mark.parametrize("gene", ["ESR1", "PIK3CA"])
def test_an_amplification_leaves_a_current_negative_mutation_test_standing(gene: str) -> None:
    """Cases 3141, 3142 (MAJOR): a tissue amplification two days after a ctDNA 'not detected'
    cancelled the negative mutation test: ESR1 read 'status unknown', PIK3CA's amplification
    was 'the positive kept', with no retest asked. An amplification is not the mutation the
    drugs are selected by (SOLAR-1, EMERALD): the negative stands."""
    negatives = [
        result(g, "not_detected", tested_on="2026-04-10")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    amplified = result(gene, "amplified", sample="tissue", tested_on="2026-04-12")
    with_it = _planned(_after_palbociclib(*negatives, amplified), "ye2024")
    without = _planned(_after_palbociclib(*negatives), "ye2024")
    assert [o.regimen.id for o in with_it.options] == [o.regimen.id for o in without.options]
    said = " ".join(r.text for o in with_it.options for r in o.reasons)
    assert "status unknown" not in said
    assert "positive is kept" not in " ".join(n for n in with_it.notes)


@pytest.mark.parametrize(
    "entry", ["Amiodaron (Cordarex) 200 mg", "Methadon 30 mg", "levofloxacine"]
)
def test_european_spellings_of_qt_drugs_are_read(entry: str) -> None:
    """The recheck (3172, MAJOR): correct foreign spellings were refused as misspellings."""
    assert _qt_asked(entry)


@pytest.mark.parametrize(
    "text",
    ["D538G; Y537S not detected", "E545K; copy number normal", "Y537S (non-amplified)",
     "c.5946delT; wild-type allele retained", "E545K + amplification"],
)  # fmt: skip
def test_a_variant_text_that_names_a_change_beside_a_negative_passes(text: str) -> None:
    """The recheck (3174, MAJOR): a named change with a negative beside it was refused."""
    gene = "BRCA2" if text.startswith("c.") else ("PIK3CA" if "E545K" in text else "ESR1")
    origin = {"origin": "germline"} if gene == "BRCA2" else {}
    _planned(_after_palbociclib(result(gene, "mutated", variant=text, **origin)), "ye2024")


@pytest.mark.parametrize("text", ["No pathogenic variant identified", "nicht nachgewiesen", "ND"])
def test_a_mutation_whose_variant_says_none_was_found_in_other_words_is_refused(text: str) -> None:
    """The recheck (3174a, 3174b, MAJOR): talazoparib and elacestrant came first."""
    assert "biomarkers[0]" in _refusal(_after_palbociclib(result("ESR1", "mutated", variant=text)))


@pytest.mark.parametrize(
    "text",
    ["non-diabetic", "FHx T2DM", "mother T2DM", "husband diabetic", "diabetes: none", "DM: nil",
     "COPD: none", "unlikely ILD", "prolonged QTc on ondansetron 2023, resolved after stopping",
     "pregnant: N", "pre-diabetes"],
)  # fmt: skip
def test_free_text_saying_a_condition_is_not_the_patients_now_passes(text: str) -> None:
    """The recheck (3173, MAJOR): each was refused, asking to record the condition."""
    plan = _planned(_after_palbociclib(other_conditions=[text]), "ye2024")
    assert text in plan.not_assessed


@pytest.mark.parametrize(
    "text",
    ["pregnant 12 weeks, no nausea", "T2DM, no insulin", "pre-existing diabetes",
     "ILD, no steroids needed", "long QT, no syncope", "G2P1, currently 22 weeks gestation"],
)  # fmt: skip
def test_a_negation_in_another_clause_leaves_the_condition_named(text: str) -> None:
    """The recheck (3175, MAJOR): one 'no' anywhere in the entry cancelled it: 'pregnant 12
    weeks, no nausea' was accepted and ribociclib + fulvestrant ranked first."""
    assert "other_conditions[0]" in _refusal(
        _after_palbociclib(menopausal_status="premenopausal", other_conditions=[text])
    )


def test_a_line_left_ongoing_under_a_later_progressed_course_of_no_line_is_refused() -> None:
    """The recheck (3176p, MAJOR): line 1 'ongoing', a later capecitabine course with no line
    that progressed: the palbociclib doublet was preferred again."""
    data = _woman(
        "2026-05-01",
        [],
        _course(["palbociclib", "letrozole"], "2024-06-01", None, "ongoing", line=1),
        _course(["capecitabine"], "2026-01-10", "2026-04-20", "progression"),
    )
    message = _refusal(data)
    assert "treatments[0]" in message and "treatments[1]" in message


@pytest.mark.parametrize(
    "entry",
    ["methadone 40 mg -> 30 mg taper", "methadone 40 mg daily then review",
     "methadone 40 mg od no missed doses", "Methadone 40 mg daily - not stopped",
     "methadone 40 mg instead of buprenorphine", "methadone (held 5 days pre-op, then restarted)",
     "methadone IV switched to oral", "methadone 40 mg, then mirtazapine added"],
)  # fmt: skip
def test_a_qt_drug_taken_now_is_read_whatever_the_schedule_says(entry: str) -> None:
    """The second recheck (3210, 3226, MAJOR): after 'then' or an arrow anything but a dose or
    another drug dropped the drug, and words of its own clause ('no missed doses', 'not
    stopped', 'instead of') did too: ribociclib + fulvestrant came first beside methadone."""
    assert _qt_asked(entry)


@pytest.mark.parametrize(
    "entry",
    ["Tamoxifen 20 mg - completed 5 years (2014-2019)", "anastrozole 1 mg - stopped after 5 years",
     "letrozole (off since 03/2026, PD)", "Citalopram 20 mg - to wean and stop before ribociclib"],
)  # fmt: skip
def test_a_cancer_drug_finished_or_planned_among_the_medications_passes(entry: str) -> None:
    """The second recheck (MAJOR): finished adjuvant endocrine therapy and a plan to start
    ribociclib were refused as cancer treatments taken now."""
    _planned(_on_qt_drugs(entry), "ye2024")


@pytest.mark.parametrize(
    "text",
    ["Heart failure, non-ischaemic cardiomyopathy, LVEF 35%", "ILD - NSIP (non-specific interstitial pneumonia)",
     "Long QT syndrome type 1 (family screening)", "T2DM on insulin, strong family history",
     "non-insulin-dependent diabetes mellitus, HbA1c 8.4%", "currently 22 weeks gestational age"],
)  # fmt: skip
def test_a_denial_of_something_else_leaves_the_condition_named(text: str) -> None:
    """The second recheck (3220-3225, MAJOR): 'non-', 'family' or 'gestational' anywhere in the
    entry cleared it, and T-DXd, ribociclib or capivasertib came first."""
    data = _after_palbociclib(menopausal_status="premenopausal", other_conditions=[text])
    assert "other_conditions[0]" in _refusal(data)


@pytest.mark.parametrize(
    "text",
    ["pregnancy 2021 (healthy son)", "Diabetes \u2013 no", "Diabetes (no)", "Pregnant \u2013 no",
     "ILD \u2013 not present on CT", "Diabetes - No"],
)  # fmt: skip
def test_a_past_pregnancy_or_a_questionnaire_no_passes(text: str) -> None:
    """The second recheck (MAJOR): these were refused; 'Diabetes - No' passed and 'Diabetes -
    no' with an en dash did not."""
    plan = _planned(_after_palbociclib(other_conditions=[text]), "ye2024")
    assert text in plan.not_assessed


@pytest.mark.parametrize(
    "text", ["Y537S not detected", "D538G, Y537S: not detected", "hotspots (D538G, Y537S): none"]
)
def test_a_mutation_whose_variant_names_changes_not_found_is_refused(text: str) -> None:
    """The second recheck (3212, MAJOR): 'Y537S not detected' with status 'mutated' put
    elacestrant first."""
    assert "biomarkers[0]" in _refusal(_after_palbociclib(result("ESR1", "mutated", variant=text)))


def _esr1_displayed(display: str | None) -> dict[str, Any]:
    data = bundle()
    text = json.dumps(data)
    shown = f', "display": "{display}"' if display is not None else ""
    text = text.replace(
        '{"system": "http://www.genenames.org", "code": "HGNC:3467", "display": "ESR1"}',
        '{"system": "http://www.genenames.org", "code": "HGNC:3467"' + shown + "}",
    )
    changed: dict[str, Any] = json.loads(text)
    assert changed != data
    return changed


def test_a_gene_code_and_a_display_that_disagree_are_refused() -> None:
    """Case 3106 (MAJOR): ESR1's HGNC code displayed 'PIK3CA' was read as PIK3CA, silently."""
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_esr1_displayed("PIK3CA"))
    assert "HGNC:3467 is ESR1" in str(caught.value)


def test_a_gene_code_without_a_display_is_read_by_its_code() -> None:
    """Case 3106: an HGNC code with no display was dropped as 'without a gene symbol'."""
    genes = {r.gene for r in from_fhir(_esr1_displayed(None)).profile.biomarkers}
    assert "ESR1" in genes


def test_a_drug_code_and_a_label_that_disagree_are_refused() -> None:
    """Case 3106 (MAJOR): RxNorm palbociclib labelled 'ribociclib 200 MG' was read as
    palbociclib, silently: ribociclib against palbociclib decides MAINTAIN's switch."""
    with pytest.raises(resistx.ProfileError) as caught:
        _with_statement("ribociclib 200 MG", "1601374", "Malignant neoplasm of breast")
    assert "1601374 is palbociclib" in str(caught.value)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_cdk46_inhibitor_recorded_without_its_drug_asks_which_before_choosing(
    policy: str,
) -> None:
    """Case 3140 (MAJOR, practice-2026): 'CDK4/6 inhibitor' as the drug of line 1, and
    abemaciclib + fulvestrant first with nothing asking which one was given: whether a CDK4/6
    inhibitor comes again (rule 11), and a switch of one (MAINTAIN), turn on it."""
    data = _woman(
        "2026-05-01",
        [result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")],
        _course(["CDK4/6 inhibitor", "letrozole"], "2024-06-01", "2026-03-25", "progression", line=1),
    )  # fmt: skip
    [action] = [a for a in _planned(data, policy).actions if a.code == "name_the_cdk46i"]
    assert action.before_choosing
    assert "treatments[0]" in action.text
    named = _woman(
        "2026-05-01",
        data["biomarkers"],
        _course(["palbociclib", "letrozole"], "2024-06-01", "2026-03-25", "progression", line=1),
    )
    assert not [a for a in _planned(named, policy).actions if a.code == "name_the_cdk46i"]


# the third recheck (cases 3230 on)


@pytest.mark.parametrize(
    "entry",
    ["methadone no longer taken since 2024", "methadone 40 mg tablet (Status: Discontinued)",
     "methadone 40 mg tablet, Patient not taking: Reported on 4/2/2026", "methadone [inactive]",
     "methadone (self-discontinued)", "methadone not yet started", "methadone - discontinued, now paracetamol"],
)  # fmt: skip
def test_an_ehr_note_that_a_qt_drug_is_not_taken_is_read(entry: str) -> None:
    """The third recheck (3244, MAJOR): Epic's 'Patient not taking', Cerner's 'Status:
    Discontinued', 'no longer taken' were read as taken now, and ribociclib lost first place."""
    assert not _qt_asked(entry)


@pytest.mark.parametrize(
    "entry",
    ["tamoxifen previously", "Nolvadex (previously, adjuvant)", "exemestane - intolerant (arthralgia)",
     "letrozole (FEMARA) 2.5 mg tablet, Patient not taking: Reported on 4/2/2026"],
)  # fmt: skip
def test_a_cancer_drug_an_ehr_says_is_not_taken_passes(entry: str) -> None:
    _planned(_on_qt_drugs(entry), "ye2024")


@pytest.mark.parametrize(
    "text",
    ["pregnancy 20/40", "Pregnancy (current), 18/40", "Pregnancy - EDD 10/2026",
     "pregnancy, 2026, ongoing", "Pregnancy, unspecified gestational age [Z33.1]"],
)  # fmt: skip
def test_a_current_pregnancy_as_a_problem_list_writes_it_is_refused(text: str) -> None:
    """The third recheck (3239, MAJOR): each passed as an obstetric history, ribociclib +
    fulvestrant first."""
    data = _after_palbociclib(menopausal_status="premenopausal", other_conditions=[text])
    assert "pregnancy" in _refusal(data)


@pytest.mark.parametrize(
    "text",
    ["anaemia not present", "Diabetes: No", "diabetes: N", "Diabetes: \u2610 Yes \u2612 No",
     "breast cancer diagnosed in pregnancy 2019, delivered at 36 weeks"],
)  # fmt: skip
def test_a_problem_list_answer_of_no_passes(text: str) -> None:
    plan = _planned(_after_palbociclib(other_conditions=[text]), "ye2024")
    assert text in plan.not_assessed


@pytest.mark.parametrize(
    "text",
    ["Prolonged QT interval [R94.31]", "Interstitial pulmonary disease", "LQTS",
     "Ulcerative pancolitis", "Polyneuropathy due to drug"],
)  # fmt: skip
def test_a_problem_list_title_of_a_comorbidity_is_refused_as_free_text(text: str) -> None:
    """The third recheck (3237, 3238, MAJOR): 'Prolonged QT interval [R94.31]' left ribociclib
    first; 'Interstitial pulmonary disease' left T-DXd first."""
    assert "other_conditions[0]" in _refusal(_after_palbociclib(other_conditions=[text]))


@pytest.mark.parametrize("text", ["p.Y537S ND", "no Y537S or D538G"])
def test_a_variant_named_as_not_found_in_short_forms_is_refused(text: str) -> None:
    assert "biomarkers[0]" in _refusal(_after_palbociclib(result("ESR1", "mutated", variant=text)))


def test_a_variant_beside_another_not_found_in_brackets_passes() -> None:
    _planned(
        _after_palbociclib(result("PIK3CA", "mutated", variant="E545K (negative for H1047R)")),
        "ye2024",
    )


@pytest.mark.parametrize(
    "text",
    ["previous iron deficiency anaemia 2019", "anaemia 2019", "anaemia of pregnancy 1998",
     "benign ethnic neutropenia"],
)  # fmt: skip
def test_a_past_or_benign_low_count_in_free_text_passes(text: str) -> None:
    """The regression sweep (3260, MAJOR): a past anaemia was refused as a cytopenia now."""
    plan = _planned(_after_palbociclib(other_conditions=[text]), "ye2024")
    assert text in plan.not_assessed


def test_a_current_anaemia_in_free_text_is_still_refused() -> None:
    assert "cytopenia" in _refusal(_after_palbociclib(other_conditions=["mild anaemia (Hb 112)"]))
