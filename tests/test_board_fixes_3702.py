"""Scenario tests for session 57's findings (cases 3702 on): each seen failing before its fix."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from resistx.vocab import interactions
from tests.helpers import PALBOCICLIB, result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal


def _undated_line_1_ongoing(*later: dict[str, Any]) -> dict[str, Any]:
    """Line 1 palbociclib + letrozole 'ongoing' with no dates, beside ``later`` courses."""
    first = {"drugs": ["palbociclib", "letrozole"], "line": 1, "stop_reason": "ongoing"}
    return _woman("2026-05-01", [], first, *later)


@pytest.mark.parametrize(
    "later",
    [
        # dated, ended in progression: the plan read palbociclib as never progressed on and
        # preferred the CDK4/6-inhibitor doublets again (session 57, found by a mutation that
        # survived: the check compared start dates only)
        _course(["fulvestrant"], "2024-01-01", "2025-01-01", "progression", line=2),
        # a later line with no dates at all: its number alone says it began after line 1
        {"drugs": ["capecitabine"], "line": 3, "months": 4, "stop_reason": "progression"},
    ],
)
def test_an_undated_ongoing_line_under_a_later_numbered_line_is_refused(
    later: dict[str, Any],
) -> None:
    message = _refusal(_undated_line_1_ongoing(later))
    assert "treatments[0] (line 1) is ongoing" in message
    assert "treatments[1]" in message


def test_an_undated_ongoing_line_beside_a_course_of_its_own_line_passes() -> None:
    """Two courses of one line (given together, one stopped for toxicity) are no later line."""
    held = {"drugs": ["ribociclib"], "line": 1, "months": 2, "stop_reason": "toxicity"}
    _planned(_undated_line_1_ongoing(held | {"toxicity": "neutropenia"}), "ye2024")


def _tumour_tested_but(germline: dict[str, Any]) -> dict[str, Any]:
    """ESR1, PIK3CA and AKT1 negative on tissue after palbociclib + letrozole, and one germline
    result of a tumour suppressor (a hereditary panel's PTEN or RB1)."""
    tissue = [result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1")]
    return _woman("2026-05-01", [*tissue, germline], PALBOCICLIB)


def _germline(gene: str, status: str) -> dict[str, Any]:
    extra = {"classification": "pathogenic"} if status == "mutated" else {}
    return result(gene, status, origin="germline", **extra)


def test_a_germline_rb1_variant_is_not_read_as_the_tumours_rb1_loss() -> None:
    """Case 3529 (left in session 56): a germline RB1 variant (hereditary retinoblastoma) on a
    blood test left every CDK4/6-inhibitor regimen out as 'RB1 loss'; the tumour's RB1 was
    never tested, and the review reads the tumour's loss of RB as resistance."""
    plan = resistx.sequence(_tumour_tested_but(_germline("RB1", "mutated")))
    assert plan.option("abemaciclib+fulvestrant") is not None
    assert not any("RB1 loss" in r.text for o in plan.options for r in o.reasons)
    (note,) = [n for n in plan.notes if n.startswith("RB1")]
    assert "germline" in note and "not read as the tumour's RB1 loss" in note


def test_a_germline_pten_variant_does_not_open_capivasertib() -> None:
    """A germline PTEN variant (Cowden syndrome) was read as the tumour's PI3K-pathway
    alteration: capivasertib + fulvestrant first; the review asks for tumour profiling."""
    plan = resistx.sequence(_tumour_tested_but(_germline("PTEN", "mutated")))
    top = plan.options[0]
    assert top.regimen.id != "capivasertib+fulvestrant"
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is None or "akt_pathway_alteration_matches_capivasertib" not in {
        r.code for r in capivasertib.reasons
    }
    assert any("PTEN" in a.genes for a in plan.actions if a.code == "retest")
    (note,) = [n for n in plan.notes if n.startswith("PTEN")]
    assert "not read as the tumour's PTEN" in note


def test_a_germline_panels_pten_negative_leaves_the_tumours_pten_untested() -> None:
    """A hereditary panel's PTEN negative (blood) was read as the tumour's: 'no actionable
    alteration' with PTEN never tested in the tumour, and no test of it asked."""
    plan = resistx.sequence(_tumour_tested_but(_germline("PTEN", "not_detected")))
    assert any("PTEN" in a.genes for a in plan.actions if a.code == "retest")
    codes = {r.code for o in plan.options for r in o.reasons}
    assert "no_actionable_alteration" not in codes


def test_a_germline_pten_variant_does_not_confirm_a_pten_loss_on_ctdna() -> None:
    """A PTEN loss on ctDNA waits on tissue (case 509); a germline PTEN variant on blood beside
    it is no tumour tissue, and was read as confirming it."""
    loss = result("PTEN", "loss")
    base = _tumour_tested_but(loss)
    with_germline = _tumour_tested_but(loss)
    with_germline["biomarkers"].append(_germline("PTEN", "mutated"))

    def said(data: dict[str, Any]) -> bool:
        plan = resistx.sequence(data)
        texts = [r.text for o in plan.options for r in o.reasons] + [a.text for a in plan.actions]
        return any("on ctDNA only" in t for t in texts)

    assert said(base)
    assert said(with_germline)


@pytest.mark.parametrize(
    "entry",
    [
        # the free-text review of session 57 (3863): a stop written in German, French, Italian
        # or Spanish was read as the drug taken now, and elacestrant lost its place
        "Johanniskraut (St John's wort) - abgesetzt 02/2026",
        "Millepertuis - arrêté en 02/2026",
        "Iperico sospeso a 02/2026",
        "Itraconazol 200 mg 1-0-1, abgesetzt 01/2026",
        "Clarithromycin 500 mg 1-0-1 für 7 Tage (beendet 03/2026)",
        "Itraconazole 200 mg x2/j, arrêté 01/2026",
        "Früher Johanniskraut, seit 2025 nicht mehr",
        "Hipérico (hierba de San Juan) suspendido 02/2026",
        "Claritromicina 500 mg, interrotta 03/2026",
    ],
)
def test_a_strong_cyp3a_drug_stopped_in_another_language_is_not_taken_now(entry: str) -> None:
    assert interactions.strong_cyp3a(entry) is None
    resistx.load_profile(
        _tumour_tested_but(_germline("BRCA2", "not_detected")) | {"medications": [entry]}
    )


@pytest.mark.parametrize(
    ("entry", "generic"),
    [
        ("Johanniskraut 300 mg täglich", "st john's wort"),
        ("Hipérico 300 mg al día", "st john's wort"),
        ("Itraconazol 200 mg 1-0-1 seit 04/2026", "itraconazole"),
    ],
)
def test_a_strong_cyp3a_drug_taken_now_in_another_language_is_read(
    entry: str, generic: str
) -> None:
    found = interactions.strong_cyp3a(entry)
    assert found is not None and found[0] == generic


def test_a_vitamin_k_antagonist_stopped_in_german_is_not_taken_now() -> None:
    """3863i: 'Marcumar abgesetzt 2024, seit dem Apixaban' asked about capecitabine's INR."""
    assert (
        interactions.vitamin_k_antagonist("Marcumar abgesetzt 2024, seit dem Apixaban 5 mg") is None
    )
    assert interactions.vitamin_k_antagonist("Marcumar nach INR") == "phenprocoumon"


@pytest.mark.parametrize(
    "entry",
    [
        # 3830: a course on record, its stop at progression in the medications, was refused as
        # a cancer treatment taken now, to be recorded under treatments (it was)
        "Letrozole 2.5 mg od - stopped 20/03/2026 at progression",
        "Letrozole 2.5 mg od (stopped 03/2026 at progression)",
        "Letrozole 2.5 mg od, discontinued 03/2026 on progression",
        "Letrozol 2,5 mg - bei Progress abgesetzt",
    ],
)
def test_a_cancer_drug_stopped_at_progression_in_the_medications_passes(entry: str) -> None:
    data = _woman("2026-05-01", [], PALBOCICLIB | {"ended_on": "2026-03-20"}, medications=[entry])
    resistx.load_profile(data)


def _noted(entry: str, *conditions: Any, ecog: int = 1) -> dict[str, Any]:
    """The free-text review's base (3800a): ESR1 D538G on ctDNA after palbociclib + letrozole,
    HER2-low, with ``conditions`` recorded and one free-text condition."""
    esr1 = result("ESR1", "mutated", variant="D538G")
    return _woman(
        "2026-05-01",
        [esr1, *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN"))],
        PALBOCICLIB,
        her2="low",
        ecog=ecog,
        comorbidities=list(conditions),
        other_conditions=[entry],
    )


@pytest.mark.parametrize(
    ("entry", "condition", "said"),
    [
        # the free-text review of session 57 (M2): a value the text states beside another
        # recorded passed, and the plan read the recorded one
        (
            "Heart failure, LVEF 35% on echo 04/2026",  # 3885
            {"name": "cardiac_disease", "lvef": 60},
            "LVEF of 35%",
        ),
        ("Child-Pugh B (04/2026)", {"name": "hepatic_impairment", "child_pugh": "A"}, "class B"),
        (
            "T2DM on basal insulin since 2024",  # 3910: capivasertib was preferred
            {"name": "diabetes", "hba1c": 7.2, "insulin": False},
            "insulin",
        ),
        # the free-text review of session 57 (M2, 3900-3903): values the rules read, stated in
        # free text beside another recorded (or none), passed, and the plan read the field
        (
            "T2DM, HbA1c 9.2% (04/2026)",  # 3901: capivasertib preferred on the recorded 7.0
            {"name": "diabetes", "hba1c": 7.0, "insulin": False},
            "HbA1c of 9.2%",
        ),
        (
            "CKD 4, creatinine clearance 22 mL/min (04/2026)",  # 3902: olaparib an alternative
            {"name": "renal_impairment", "creatinine_clearance": 60},
            "creatinine clearance of 22 mL/min",
        ),
        (
            "Peripheral neuropathy grade 3 (04/2026)",  # 3900: the grade-1 caution given
            {"name": "neuropathy", "grade": 1},
            "grade 3",
        ),
    ],
)
def test_free_text_stating_another_value_than_the_field_records_is_refused(
    entry: str, condition: dict[str, Any], said: str
) -> None:
    message = _refusal(_noted(entry, condition))
    assert "other_conditions[0]" in message
    assert said in message


@pytest.mark.parametrize(
    ("entry", "condition"),
    [
        ("LVEF 35% in 2019, now 58%", {"name": "cardiac_disease", "lvef": 58}),
        ("LVEF 55% on echo 04/2026", {"name": "cardiac_disease", "lvef": 55}),
        (
            "Child-Pugh B in 2024, now Child-Pugh A",
            {"name": "hepatic_impairment", "child_pugh": "A"},
        ),
        ("Child-Pugh A", {"name": "hepatic_impairment", "child_pugh": "A"}),
        ("T2DM on basal insulin since 2024", {"name": "diabetes", "insulin": True}),
        ("T2DM, insulin stopped 2023, now metformin", {"name": "diabetes", "insulin": False}),
    ],
)
def test_free_text_agreeing_with_the_recorded_value_passes(
    entry: str, condition: dict[str, Any]
) -> None:
    resistx.load_profile(_noted(entry, condition))


@pytest.mark.parametrize(
    "entry",
    [
        # the free-text review of session 57 (M3): histories and denials in other languages
        # were refused as a diabetes to record, where English and German passed
        "Antécédent de diabète gestationnel en 2001",  # 3817
        "Diabète gestationnel en 2001",
        "Antecedente de diabetes gestacional en 2001",
        "Pregresso diabete gestazionale (2001)",
        "Ipertensione arteriosa in terapia; nega diabete",  # 3820
        "Nega diabete, nega cardiopatie",
        "Geen diabetes mellitus, geen hartfalen",  # 3821: Dutch
        "Moeder: diabetes mellitus type 2",
        "Sem diabetes",  # Portuguese
    ],
)
def test_a_history_or_denial_in_another_language_passes(entry: str) -> None:
    resistx.load_profile(_noted(entry))


def test_a_performance_status_said_to_be_the_current_one_in_french_passes() -> None:
    """3857b: 'ECOG 3 en 02/2026 (hypercalcémie), ECOG 1 actuellement' beside ecog 1 was refused
    as ECOG 3, where 'improved to ECOG 1' passes."""
    resistx.load_profile(_noted("ECOG 3 en 02/2026 (hypercalcémie), ECOG 1 actuellement"))


def _after(course: dict[str, Any], entry: str) -> dict[str, Any]:
    """Palbociclib + letrozole, then ``course``, with one free-text condition."""
    first = PALBOCICLIB | {"started_on": "2023-02-01", "ended_on": "2026-03-20"}
    return _woman("2026-05-01", [], first, course, other_conditions=[entry])


def test_a_reaction_recorded_on_a_course_that_progressed_passes_in_any_word_order() -> None:
    """3906b: elacestrant recorded with progression and its toxicity rash, as profile.md
    allows, beside 'Elacestrant - rash grade 1, topical steroid': refused, asking for the stop
    reason toxicity (which would lose the progression); 'Rash ... on elacestrant' passed."""
    course = {
        "drugs": ["elacestrant"],
        "line": 2,
        "started_on": "2026-03-25",
        "ended_on": "2026-04-25",
        "stop_reason": "progression",
        "toxicity": "rash",
    }
    resistx.load_profile(_after(course, "Elacestrant - rash grade 1, topical steroid"))
    untold = {k: v for k, v in course.items() if k != "toxicity"}
    assert "toxicity" in _refusal(_after(untold, "Elacestrant - rash grade 1, topical steroid"))


def test_an_unrecorded_performance_status_is_said_to_be_not_recorded() -> None:
    """3911: the message read '(recorded: None)', Python's word, not the profile's."""
    message = _refusal(_noted("ECOG 2") | {"ecog": None})
    assert "None" not in message
    assert "not recorded" in message


def test_a_long_qt_of_the_past_with_a_later_normal_qtc_passes() -> None:
    """3869: 'Long QT on ECG 2024 while on citalopram; citalopram stopped, QTc 425 ms on repeat
    ECG' was refused as a prolonged QTc to record (which would leave ribociclib out)."""
    resistx.load_profile(
        _noted(
            "Long QT on ECG 2024 while on citalopram; citalopram stopped, QTc 425 ms on repeat ECG"
        )
    )
    assert "qtc_prolonged" in _refusal(_noted("Long QT on ECG 2024 while on citalopram"))


@pytest.mark.parametrize(
    "entry", ["Long QT syndrome, QTc 480 ms on ECG", "Long QT, QTc 425 ms in 2023, now QTc 490 ms"]
)
def test_a_long_qt_whose_latest_qtc_is_long_is_still_refused(entry: str) -> None:
    assert "qtc_prolonged" in _refusal(_noted(entry))


def _short_palbociclib(her2: str = "0") -> dict[str, Any]:
    """Case 3727: 4.6 months on palbociclib + letrozole, liver metastases, ESR1 and the PI3K
    pathway negative on tissue."""
    tissue = [
        result(g, "not_detected", sample="tissue", tested_on="2026-05-15")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    first = _course(["palbociclib", "letrozole"], "2025-12-01", "2026-04-20", "progression", line=1)
    return _woman("2026-06-01", tissue, first, her2=her2, metastatic_sites=["liver"])


@pytest.mark.parametrize("her2", ["0", "low"])
def test_a_patient_who_declines_chemotherapy_has_the_adcs_after_the_options_she_accepts(
    her2: str,
) -> None:
    """Case 3727 (MAJOR, both policies): a patient who declines chemotherapy had sacituzumab
    govitecan first, a later option with a cytotoxic payload, with nothing saying so: within
    its tier each ADC now comes after the options she accepts, until she is asked whether the
    refusal covers them; its tier stands (trastuzumab deruxtecan stays preferred for HER2-low
    disease under practice-2026)."""
    declines = {"declines_kinds": ["chemotherapy"]}
    for policy in ("ye2024", "practice-2026"):
        plain = resistx.sequence(_short_palbociclib(her2), policy=policy)
        plan = resistx.sequence(_short_palbociclib(her2), declines, policy=policy)
        adc = resistx.RegimenKind.ADC
        for k, o in enumerate(plan.options):
            if o.regimen.kind is adc:
                assert "adc_refusal_unclear" in {r.code for r in o.reasons}
                # an option waiting on a test comes after either way (rules 2 and 3)
                later = [x for x in plan.options[k + 1 :] if x.tier is o.tier and not x.waits_on]
                assert all(x.regimen.kind is adc for x in later), policy
                assert o.tier is plain.option(o.regimen.id).tier  # type: ignore[union-attr]
        (asked,) = [a for a in plan.actions if a.code == "ask_adc_refusal"]
        assert asked.before_choosing
        if her2 == "0":
            assert plan.options[0].regimen.kind is not adc


def test_a_patient_who_declines_chemotherapy_and_adcs_is_not_asked_again() -> None:
    prefs = {"declines_kinds": ["chemotherapy", "adc"]}
    plan = resistx.sequence(_short_palbociclib(), prefs)
    assert not [a for a in plan.actions if a.code == "ask_adc_refusal"]
    plain = resistx.sequence(_short_palbociclib())
    assert not [a for a in plain.actions if a.code == "ask_adc_refusal"]
    assert plain.options[0].regimen.kind is not resistx.RegimenKind.ENDOCRINE_MONOTHERAPY


@pytest.mark.parametrize(
    ("entry", "site"),
    [
        ("3 brain metastases on MRI 03/2026, SRS planned", "brain"),  # 3903
        ("Leptomeningeal disease on MRI spine 04/2026, CSF cytology positive", "leptomeningeal"),
    ],
)
def test_a_metastatic_site_the_rules_read_named_only_in_free_text_is_refused(
    entry: str, site: str
) -> None:
    """3903, 3903b: nothing was preferred with the leptomeningeal site recorded (rules 120 and
    121 ask first); written only in free text, elacestrant was preferred."""
    message = _refusal(_noted(entry))
    assert "metastatic_sites" in message
    assert f'"{site}"' in message


@pytest.mark.parametrize(
    ("entry", "condition", "sites"),
    [
        ("T2DM, HbA1c 7.0%", {"name": "diabetes", "hba1c": 7.0}, []),
        ("HbA1c 9.2% in 2024, now 7.1%", {"name": "diabetes", "hba1c": 7.1}, []),
        (
            "creatinine clearance 58 mL/min",
            {"name": "renal_impairment", "creatinine_clearance": 58},
            [],
        ),
        ("Peripheral neuropathy grade 1 since 2024", {"name": "neuropathy", "grade": 1}, []),
        ("Peripheral neuropathy grade 1-2", {"name": "neuropathy", "grade": 2}, []),
        ("Neuropathy G3 in 2023, now grade 1", {"name": "neuropathy", "grade": 1}, []),
        ("No brain metastases on MRI 04/2026", None, []),
        ("Brain MRI: no metastases", None, []),
        ("3 brain metastases, SRS 03/2026", None, ["brain"]),
        ("Leptomeningeal disease ruled out (CSF negative)", None, []),
    ],
)
def test_free_text_agreeing_with_the_values_and_sites_recorded_passes(
    entry: str, condition: dict[str, Any] | None, sites: list[str]
) -> None:
    data = _noted(entry, *([condition] if condition else []))
    data["metastatic_sites"] = ["bone", *sites]
    resistx.load_profile(data)


@pytest.mark.parametrize("lines", [0, 1])
def test_chemotherapy_is_not_held_back_for_trastuzumab_deruxtecan_its_lvef_puts_later(
    lines: int,
) -> None:
    """Case 3724 (practice-2026, MINOR): HER2-low after a short first line with an LVEF of 40%:
    chemotherapy was 'at best an alternative' to trastuzumab deruxtecan, which rule 126 put
    14th, so nothing was preferred; the same held in DESTINY-Breast04's population."""
    data = _short_palbociclib("low")
    data["comorbidities"] = [{"name": "cardiac_disease", "lvef": 40}]
    if lines:
        data["treatments"].append(
            _course(["capecitabine"], "2026-04-25", "2026-05-25", "progression", line=2)
        )
        data["as_of"] = "2026-06-10"
    plan = resistx.sequence(data, policy="practice-2026")
    chemotherapy = plan.option("chemotherapy")
    assert chemotherapy is not None
    codes = {r.code for r in chemotherapy.reasons}
    assert not codes & {"chemotherapy_after_tdxd", "chemotherapy_after_tdxd_db06"}
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None and "lvef_reduced_tdxd_later" in {r.code for r in tdxd.reasons}


def test_a_caution_names_qt_prolongation_in_capitals() -> None:
    """3724's MINOR: 'cardiac disease: qt prolongation (ribociclib; ...)'."""
    data = _short_palbociclib()
    data["comorbidities"] = [{"name": "cardiac_disease", "lvef": 55}]
    plan = resistx.sequence(data)
    ribociclib = plan.option("ribociclib+fulvestrant")
    texts = [c.text for c in ribociclib.cautions] if ribociclib else []
    assert any("QT prolongation" in t for t in texts), texts
    assert not any(" qt " in t for t in texts)


@pytest.mark.parametrize(
    "entry",
    [
        # the recheck of session 57 (4250, MAJOR): a congenital long QT syndrome whose QTc is
        # controlled passed as over, and ribociclib came first
        "congenital long QT syndrome type 2, QTc 440 ms on nadolol",
        "long QT syndrome; QTc 440 ms on nadolol",
        "LQTS type 1 (KCNQ1), QTc 445 ms on propranolol, ICD in situ",
    ],
)
def test_a_long_qt_syndrome_with_a_controlled_qtc_is_still_refused(entry: str) -> None:
    assert "qtc_prolonged" in _refusal(_noted(entry))


@pytest.mark.parametrize(
    ("entry", "reads"),
    [
        # the recheck (4247b-f): a restart in another language was read as the stop
        ("Rifampicin abgesetzt, wieder angesetzt 04/2026", "rifampicin"),
        ("rifampicine arrêtée puis reprise en avril 2026", "rifampicin"),
        ("rifampicina sospesa, ripresa ad aprile 2026", "rifampicin"),
        ("rifampicina suspendida, reiniciada en abril 2026", "rifampicin"),
        ("rifampicine gestopt, weer gestart in april 2026", "rifampicin"),
        # ... a denied stop (4249k, 4249i)
        ("Citalopram 20 mg nicht abgesetzt", "citalopram"),
        ("citalopram 20 mg, no suspendido", "citalopram"),
        # ... and a stop dated in another language (4246g-f) was read as taken now
        ("itraconazole 200 mg - arrêté en mars 2026", None),
        ("itraconazole 200 mg (arrêté en mars 2026)", None),
        ("itraconazole 200 mg, sospeso a marzo 2026", None),
        ("itraconazole 200 mg, suspendido en marzo 2026", None),
        ("itraconazole 200 mg, gestopt maart 2026", None),
        ("Itraconazol 200 mg, abgesetzt im März 2026", None),
    ],
)
def test_a_stop_restart_or_denied_stop_in_another_language_is_read(
    entry: str, reads: str | None
) -> None:
    cyp3a = interactions.strong_cyp3a(entry)
    assert (cyp3a[0] if cyp3a else interactions.qt_prolonging(entry)) == reads


def test_a_cancer_drug_stopped_at_progression_with_no_course_on_record_is_refused() -> None:
    """The sweep of session 57 (4000, MAJOR): 'Kisqali 600 mg - stopped 03/2026 at
    progression' with no ribociclib course passed, and ribociclib + fulvestrant came first."""
    data = _woman(
        "2026-05-01",
        [],
        PALBOCICLIB,
        medications=["Kisqali 600 mg - stopped 03/2026 at progression"],
    )
    message = _refusal(data)
    assert "ribociclib" in message and "treatments" in message


def test_in_a_visceral_crisis_a_patient_declining_chemotherapy_keeps_the_adcs_first() -> None:
    """The recheck of session 57 (4225c, MAJOR): in a visceral crisis with chemotherapy
    declined, rule 148 put the endocrine options first, though their own rows say the
    cytotoxic ADCs come before them in a crisis; the question is still asked."""
    data = _short_palbociclib() | {"visceral_crisis": True}
    plan = resistx.sequence(data, {"declines_kinds": ["chemotherapy"]})
    first = plan.options[0]
    assert first.regimen.kind is resistx.RegimenKind.ADC
    assert "adc_refusal_unclear" in {r.code for r in first.reasons}
    assert any(a.code == "ask_adc_refusal" for a in plan.actions)


def test_the_adc_question_is_not_asked_where_their_route_is_declined() -> None:
    """The recheck (4222r, MINOR): 'ask_adc_refusal' beside intravenous treatment declined,
    which leaves every ADC out already."""
    prefs = {"declines_kinds": ["chemotherapy"], "declines": ["intravenous"]}
    plan = resistx.sequence(_short_palbociclib(), prefs)
    assert not [a for a in plan.actions if a.code == "ask_adc_refusal"]


def test_a_germline_rb1_variant_seen_again_in_plasma_is_not_the_tumours_loss() -> None:
    """The recheck of session 57 (4202d, MAJOR): a germline RB1 c.1333C>T, and ctDNA RB1
    'mutated' with the same variant, left every CDK4/6 inhibitor out as the tumour's RB1 loss;
    plasma cannot tell a germline variant from the tumour's."""
    germline = _germline("RB1", "mutated") | {"variant": "c.1333C>T"}
    plasma = result("RB1", "mutated", variant="c.1333C>T")
    data = _tumour_tested_but(germline)
    data["biomarkers"].append(plasma)
    plan = resistx.sequence(data)
    assert plan.option("abemaciclib+fulvestrant") is not None
    notes = [n for n in plan.notes if n.startswith("RB1")]
    assert any("ctdna" in n and "germline" in n for n in notes), notes
    # another variant in plasma is the tumour's own
    data["biomarkers"][-1] = result("RB1", "mutated", variant="c.1735C>T")
    assert resistx.sequence(data).option("abemaciclib+fulvestrant") is None


def test_the_germline_notes_fit_a_vus_and_a_tumour_result_on_record() -> None:
    """The recheck and the sweep of session 57 (4201c, 4202, MINOR): a germline RB1 VUS read
    'mutated ... genetic counselling is due'; beside a tumour result of the gene the note still
    asked for a tumour test."""
    vus = _germline("RB1", "mutated") | {"classification": "vus", "variant": "c.100A>G"}
    (note,) = [n for n in resistx.sequence(_tumour_tested_but(vus)).notes if n.startswith("RB1")]
    assert "counselling" not in note
    data = _tumour_tested_but(_germline("PTEN", "not_detected"))
    data["biomarkers"].append(result("PTEN", "not_detected", sample="tissue"))
    (note,) = [n for n in resistx.sequence(data).notes if n.startswith("PTEN")]
    assert "own result on record is read" in note
    assert "would show" not in note


def test_rule_148s_reason_is_shown_in_the_plans_why() -> None:
    """The recheck of session 57 (m1): the reason was in the JSON and the report only."""
    plan = resistx.sequence(_short_palbociclib(), {"declines_kinds": ["chemotherapy"]})
    text = plan.to_markdown()
    assert "carries a cytotoxic drug as its payload" in text


def test_a_side_effect_managed_on_a_course_that_went_on_passes() -> None:
    """3813b (QUESTION): 'Grade 2 stomatitis on everolimus, managed with dexamethasone
    mouthwash' beside a course that progressed was refused as a reaction to record as its
    stop; a reaction the course went on through is no stop."""
    course = _course(
        ["everolimus", "exemestane"], "2026-03-25", "2026-04-25", "progression", line=2
    )
    entry = "Grade 2 stomatitis on everolimus, managed with dexamethasone mouthwash"
    resistx.load_profile(_after(course, entry))
    assert "toxicity" in _refusal(_after(course, "Everolimus - stomatitis G3"))


@pytest.mark.parametrize(
    "entry",
    [
        # the second recheck of session 57 (4406, MAJOR): a value of now after a past one
        "HbA1c 7.1% in 2025, now 9.5%",
        "HbA1c 7.1% in 03/2026, now 8.3%",
        "HbA1c 7.1% → 8.3%",
        "HbA1c rose from 7.1% to 8.3%",
        "HbA1c 7.1% (03/2026), 8.3% (04/2026)",
    ],
)
def test_an_hba1c_of_now_after_a_past_one_is_checked(entry: str) -> None:
    condition = {"name": "diabetes", "hba1c": 7.1}
    assert "HbA1c of" in _refusal(_noted(entry, condition))


def test_a_clearance_of_now_after_a_past_one_is_checked_and_ml_per_second_is_not_misread() -> None:
    condition = {"name": "renal_impairment", "creatinine_clearance": 60}
    message = _refusal(_noted("CrCl 60 ml/min in 2025, now 30 ml/min", condition))
    assert "creatinine clearance of 30 mL/min" in message
    # 0.5 mL/s is 30 mL/min: not advised as a clearance of 0.5 (4411d), but read in mL/min
    # (the recheck of session 59, 5068), where 1 mL/s, 60 mL/min, agrees with the field
    assert "creatinine clearance of 30 mL/min" in _refusal(
        _noted("creatinine clearance 0.5 mL/s", condition)
    )
    resistx.load_profile(_noted("creatinine clearance 1 mL/s", condition))


@pytest.mark.parametrize(
    "entry",
    [
        # 4464, 4459, 4460: in Italian and Dutch, and by its eponyms
        "sindrome del QT lungo congenita",
        "QT lungo congenito",
        "lang-QT-syndroom",
        "Romano-Ward syndrome",
        "Jervell and Lange-Nielsen syndrome",
    ],
)
def test_a_long_qt_syndrome_by_another_name_is_refused(entry: str) -> None:
    assert "qtc_prolonged" in _refusal(_noted(entry))


@pytest.mark.parametrize(
    ("germline", "plasma"),
    [
        # 4512, 4519b, 4519d, 4519e, 4517: one variant written two ways
        ("R130*", "p.Arg130Ter"),
        ("p.R130X", "p.R130*"),
        ("R130*", "p.R130*"),
        ("R130*", "R130* (VAF 48%)"),
    ],
)
def test_a_germline_pten_variant_in_plasma_is_matched_however_written(
    germline: str, plasma: str
) -> None:
    data = _tumour_tested_but(_germline("PTEN", "mutated") | {"variant": germline})
    data["biomarkers"].append(result("PTEN", "mutated", variant=plasma))
    plan = resistx.sequence(data)
    assert plan.options[0].regimen.id != "capivasertib+fulvestrant"


@pytest.mark.parametrize(
    "entry",
    [
        "exemestano suspendido por progresión",
        "anastrozolo sospeso per progressione",
        "Exemestan 25 mg",
    ],
)
def test_an_aromatase_inhibitor_by_its_european_spelling_is_read(entry: str) -> None:
    """The second recheck of session 57 (4493-4496, MINOR): 'Letrozol', 'exemestano' and
    'anastrozolo' were read nowhere, so a course stopped at progression that no treatment
    holds, or one taken now, passed unread."""
    data = _woman("2026-05-01", [], PALBOCICLIB, medications=[entry])
    assert "treatments" in _refusal(data)


def test_a_neuropathy_grade_range_that_misses_the_recorded_grade_is_refused() -> None:
    """The second recheck of session 57 (4416j): 'grade 2-3' passed beside a recorded grade 1."""
    condition = {"name": "neuropathy", "grade": 1}
    assert "grade 3" in _refusal(_noted("Peripheral neuropathy grade 2-3", condition))
    resistx.load_profile(_noted("Peripheral neuropathy grade 1-2", condition))


@pytest.mark.parametrize(
    ("entry", "site"),
    [
        # the second recheck of session 57 (4421-4437, MINOR close to MAJOR): in other
        # languages and clinic wording, the sites passed unread
        ("Hirnmetastasen, SRS 03/2026", "brain"),
        ("métastases cérébrales multiples", "brain"),
        ("metastasi cerebrali", "brain"),
        ("metástasis cerebrales", "brain"),
        ("hersenmetastasen", "brain"),
        ("CNS metastases on MRI", "brain"),
        ("intracranial metastasis (cerebellum)", "brain"),
        ("cerebellar metastasis", "brain"),
        ("LMD on MRI", "leptomeningeal"),
        ("méningite carcinomateuse", "leptomeningeal"),
    ],
)
def test_a_site_the_rules_read_in_another_language_is_refused(entry: str, site: str) -> None:
    message = _refusal(_noted(entry))
    assert f'"{site}"' in message


@pytest.mark.parametrize(
    "entry",
    ["keine Hirnmetastasen im MRT", "pas de métastases cérébrales", "Brain metastases - no"],
)
def test_a_denied_site_in_another_language_passes(entry: str) -> None:
    resistx.load_profile(_noted(entry))


@pytest.mark.parametrize(
    ("entry", "condition", "said"),
    [
        # the second recheck of session 57 (4410-4416, MINOR): in other languages and
        # clinic shorthand, the value passed unread
        (
            "Kreatinin-Clearance 30 ml/min",
            {"name": "renal_impairment", "creatinine_clearance": 60},
            "30 mL/min",
        ),
        (
            "clairance de la créatinine 30 ml/min",
            {"name": "renal_impairment", "creatinine_clearance": 60},
            "30 mL/min",
        ),
        ("Neuropathie Grad 2", {"name": "neuropathy", "grade": 1}, "grade 2"),
        ("PNP Grad 2", {"name": "neuropathy", "grade": 1}, "grade 2"),
        ("neuropatía periférica grado 3", {"name": "neuropathy", "grade": 1}, "grade 3"),
        ("CIPN grade 2", {"name": "neuropathy", "grade": 1}, "grade 2"),
        ("CIPN G2", {"name": "neuropathy", "grade": 1}, "grade 2"),
        ("PN gr. 2", {"name": "neuropathy", "grade": 1}, "grade 2"),
        ("neuropathy CTCAE 2", {"name": "neuropathy", "grade": 1}, "grade 2"),
    ],
)
def test_a_value_in_another_language_or_shorthand_is_checked(
    entry: str, condition: dict[str, Any], said: str
) -> None:
    assert said in _refusal(_noted(entry, condition))


@pytest.mark.parametrize(
    "entry", ["Neuropathie Grad 1", "CIPN G1", "Kreatinin-Clearance 60 ml/min"]
)
def test_an_agreeing_value_in_another_language_passes(entry: str) -> None:
    conditions = [
        {"name": "neuropathy", "grade": 1},
        {"name": "renal_impairment", "creatinine_clearance": 60},
    ]
    resistx.load_profile(_noted(entry, *conditions))


def test_a_medication_entry_naming_cancer_drugs_taken_and_stopped_gets_one_message() -> None:
    """An entry read both ways (fulvestrant taken now, and named beside a progression, no
    course holding it) is one problem, not two (the reading of session 57's change)."""
    entry = "fulvestrant 500 mg monthly, started after progression"
    message = _refusal(_woman("2026-05-01", [], PALBOCICLIB, medications=[entry]))
    assert message.count("medications[0]") == 1
    assert "fulvestrant" in message


def test_the_lowest_lvef_of_two_cardiac_entries_is_read_for_trastuzumab_deruxtecan() -> None:
    """Rule 126 and the chemotherapy it no longer holds back (3724) read one cardiac disease:
    of two entries with an LVEF, the lower (case 1652d's reading, now in one place)."""
    data = _short_palbociclib("low")
    data["comorbidities"] = [
        {"name": "cardiac_disease", "lvef": 60},
        {"name": "heart failure", "lvef": 40},
    ]
    plan = resistx.sequence(data, policy="practice-2026")
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None and "lvef_reduced_tdxd_later" in {r.code for r in tdxd.reasons}
    chemotherapy = plan.option("chemotherapy")
    assert chemotherapy is not None
    assert "chemotherapy_after_tdxd_db06" not in {r.code for r in chemotherapy.reasons}
