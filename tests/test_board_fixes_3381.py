"""Scenario tests for session 56's adversarial review of free text (cases 3381-3414): facts the
rules read from fields of their own, written in other_conditions, refused with the field; each
seen failing before its fix."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import result, unread
from tests.test_board_fixes_882 import PALBO_LETROZOLE
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal


def _with_text(entry: str, **kw: Any) -> dict[str, Any]:
    """Case 3381's base: ESR1 and PIK3CA mutated, HER2-low, after palbociclib + letrozole, with
    one free-text condition."""
    return _woman(
        "2026-05-01",
        [result("ESR1", "mutated"), result("PIK3CA", "mutated")],
        PALBO_LETROZOLE,
        her2="low",
        other_conditions=[entry],
        **kw,
    )


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        # a visceral crisis written only in notes (3392): chemotherapy first when recorded
        ("visceral crisis: liver failure from metastases, bilirubin 3x ULN", "visceral_crisis"),
        ("Visceral crisis", "visceral_crisis"),
        # a performance status the ecog field contradicts (3388c, 3414)
        ("bedbound, KPS 30", "ecog"),
        ("WHO PS 3", "ecog"),
        ("ECOG 3 since March", "ecog"),
        # a QTc the rules read from the comorbidity (3411)
        ("QTc 510 ms on ECG 2026-04-20", "qtc_prolonged"),
        # dialysis, which the comorbidities refuse with the way to record it (3412)
        ("ESRD on haemodialysis 3x/week", "renal_impairment"),
        ("on dialysis", "renal_impairment"),
        # an LVEF the rules read from cardiac disease (3409y)
        ("LVEF 35%", "cardiac_disease"),
        # a drug resistx reads among the medications (3394, 3394b, 3394c)
        ("on itraconazole for aspergillosis", "medications"),
        ("on warfarin for AF", "medications"),
        ("takes citalopram", "medications"),
        # an allergy to a drug the plan ranks (3393, 3393b)
        ("allergic to trastuzumab deruxtecan (infusion reaction grade 4)", "toxicity"),
        ("anaphylaxis to fulvestrant 2024", "toxicity"),
    ],
)
def test_a_fact_with_a_field_of_its_own_written_as_free_text_is_refused_with_the_field(
    entry: str, field: str
) -> None:
    """Session 56's adversarial review (MAJOR, 3388c-3414): facts the rules read from a field
    of their own, written only in other_conditions, passed unread: elacestrant preferred
    beside 'visceral crisis', capivasertib beside 'WHO PS 3', ribociclib beside 'QTc 510 ms',
    the PARP inhibitors beside dialysis, trastuzumab deruxtecan beside 'LVEF 35%' or an
    allergy to it, itraconazole's interaction lost."""
    message = _refusal(_with_text(entry))
    assert "other_conditions[0]" in message
    assert field in message


@pytest.mark.parametrize(
    "entry",
    [
        "no visceral crisis",
        "ECOG 1",  # agrees with the ecog field
        "QTc 420 ms (normal)",
        "LVEF 60% on echo",
        "warfarin stopped 2019",
        "family history of long QT",
        "allergic to penicillin (rash)",
        "osteoarthritis of the knees",
        "PS: see ECOG",
    ],
)
def test_free_text_that_agrees_with_the_fields_or_names_nothing_they_read_passes(
    entry: str,
) -> None:
    plan = _planned(_with_text(entry), "ye2024")
    assert entry in plan.not_assessed


@pytest.mark.parametrize(
    ("entry", "comorbidity"),
    [
        ("pneumopathie interstitielle diffuse", "interstitial_lung_disease"),
        ("Herzinsuffizienz NYHA III", "cardiac_disease"),
        ("diabète de type 2", "diabetes"),
        ("insuffisance cardiaque", "cardiac_disease"),
        ("Lungenfibrose", "interstitial_lung_disease"),
        ("fibrose pulmonaire", "interstitial_lung_disease"),
        ("Niereninsuffizienz", "renal_impairment"),
        ("neuropathie périphérique", "neuropathy"),
        ("QT long congénital", "qtc_prolonged"),
        ("ILD - resolving", "interstitial_lung_disease"),
    ],
)
def test_a_condition_in_french_or_german_or_still_resolving_is_refused_as_english_is(
    entry: str, comorbidity: str
) -> None:
    """3409, 3409c, 3408b (MAJOR): 'pneumopathie interstitielle diffuse' left trastuzumab
    deruxtecan first, 'diabète de type 2' left alpelisib preferred; 3410h: 'ILD - resolving'
    (still present) read as resolved."""
    message = _refusal(_with_text(entry))
    assert "other_conditions[0]" in message
    assert comorbidity in message


@pytest.mark.parametrize("entry", ["enceinte de 12 semaines", "schwanger, 20. SSW"])
def test_a_current_pregnancy_in_french_or_german_is_refused_as_english_is(entry: str) -> None:
    """3409u (MAJOR): 'enceinte de 12 semaines' beside 'postmenopausal' left elacestrant
    preferred, rules 134 and 135 silent."""
    profile = _with_text(entry, menopausal_status="premenopausal")
    message = _refusal(profile)
    assert "pregnancy" in message


@pytest.mark.parametrize(
    ("entry", "ecog"),
    [
        ("pas de diabète", 1),
        ("kein Diabetes", 1),
        ("sin diabetes", 1),
        ("nessun diabete", 1),
        ("No diabetes, hypertension or ILD", 1),
        ("Nil diabetes/IHD/COPD", 1),
        ("No h/o DM, HTN, IHD, COPD", 1),
        ("Brother - COPD", 1),
        ("Type 2 diabetes in mother and sister", 1),
        ("FHx - diabetes (mother)", 1),
        ("Family history: diabetes, heart failure", 1),
        ("Diabetes in father", 1),
        ("Diabetes (paternal grandmother)", 1),
        ("PS 0-1", 1),
        ("ECOG 0-1", 1),
        ("KPS 70-80", 1),
        ("KPS 90", 0),
        ("KPS 70", 1),
        ("KPS 50", 2),
        ("QTc was 470 ms in 2025, now 430 ms", 1),
        ("QTc 460 ms (2025-01-10), repeat 430 ms (2026-04-20)", 1),
        ("Visceral crisis 2024, resolved on paclitaxel", 1),
        ("visceral crisis at presentation 2023 - resolved", 1),
        ("AKI 2024 requiring temporary dialysis, recovered", 1),
        ("Pernicious anaemia on B12", 1),
    ],
)
def test_free_text_the_recheck_found_refused_wrongly_passes(entry: str, ecog: int) -> None:
    """The recheck of session 56's free-text fix (3474, 3475, MAJOR): 22 realistic entries
    were refused: denials in other languages and of lists, family histories, performance
    status ranges and the other Karnofsky table, facts of the past. Each passes."""
    plan = _planned(_with_text(entry, ecog=ecog), "ye2024")
    assert entry in plan.not_assessed


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("No diabetes, but COPD on inhalers", "chronic_lung_disease"),
        ("KPS 30", "ecog"),
        ("QTc 430 ms in 2025, now 480 ms", "qtc_prolonged"),
    ],
)
def test_what_a_denial_or_the_past_does_not_cover_is_still_refused(entry: str, field: str) -> None:
    message = _refusal(_with_text(entry))
    assert field in message


@pytest.mark.parametrize(
    "entry",
    [
        "Sotacor 80 mg bd",
        "HCQ 200 mg bd",
        "azitromicina 500 mg",
        "amiodarona 200 mg",
        "metadona 40 mg",
        "sotalolo 80 mg",
    ],
)
def test_a_qt_drug_by_a_brand_or_another_languages_name_is_read(entry: str) -> None:
    """The recheck of session 56 (3472, MAJOR): 'Sotacor' (a sotalol brand), 'HCQ' and
    'azitromicina' passed unread beside ribociclib; 'amiodarona', 'metadona' and 'sotalolo'
    were refused as misspellings, though 'claritromicina' was read."""
    from tests.test_board_fixes_2790 import _on_qt_drugs  # noqa: PLC0415

    plan = _planned(_on_qt_drugs(entry), "practice-2026")
    assert any(a.code == "qt_drug_change" for a in plan.actions), entry
    assert not unread(plan)


@pytest.mark.parametrize(
    "entry",
    [
        "clarithromycin 500 mg bd (completed 7-day course 2026-02)",
        "clarithromycin 500 mg bd, course finished March 2026",
        "ondansetron 8 mg prn (not used since January)",
        "citalopram 20 mg - weaned off 2025",
    ],
)
def test_a_medication_whose_course_is_over_is_not_read_as_taken_now(entry: str) -> None:
    """The recheck of session 56 (3473, MAJOR): a finished course of clarithromycin was read as
    taken now, and its interaction moved elacestrant from first place."""
    from resistx.vocab.interactions import taken_now_text  # noqa: PLC0415

    drug = entry.split(maxsplit=1)[0]
    assert drug not in taken_now_text(entry)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("on insulin", "diabetes"),
        ("on Lantus 20 units nocte", "diabetes"),
        ("on gliclazide", "diabetes"),
        ("infusion reaction to T-DXd", "toxicity"),
        ("Allergie gegen Enhertu", "toxicity"),
        ("elacestrant - rash grade 3", "toxicity"),
        ("T-DXd pneumonitis grade 2 2025, resolved", "toxicity"),
        ("UIP pattern on CT", "interstitial_lung_disease"),
        ("NSIP", "interstitial_lung_disease"),
        ("organising pneumonia", "interstitial_lung_disease"),
        ("I.L.D.", "interstitial_lung_disease"),
        ("malattia polmonare interstiziale", "interstitial_lung_disease"),
        ("BPCO", "chronic_lung_disease"),
        ("EPOC", "chronic_lung_disease"),
        ("DMT2", "diabetes"),
        ("DT2 sous metformine", "diabetes"),
        ("Herzschwäche", "cardiac_disease"),
        ("Bradykardie", "bradycardia"),
        ("Morbus Crohn", "inflammatory_bowel_disease"),
        ("colitis ulcerosa", "inflammatory_bowel_disease"),
        ("maladie de Crohn", "inflammatory_bowel_disease"),
        ("myélodysplasie", "myelodysplastic_syndrome"),
        ("LVEF 0.35", "lvef"),
        ("LVEF 30-35%", "lvef"),
        ("LVEF35%", "lvef"),
        ("FEVG 35 %", "lvef"),
        ("LVEF 35 per cent", "lvef"),
        ("cirrhosis, Child-Pugh B", "child_pugh"),
        ("grossesse en cours (14 SA)", "pregnancy"),
    ],
)
def test_the_recheck_found_these_facts_missed_and_each_is_refused_with_its_field(
    entry: str, field: str
) -> None:
    """The recheck of session 56 (3466-3471, MAJOR): each passed as free text no rule reads,
    with the plan unchanged: insulin or a diabetes drug with no diabetes (capivasertib stayed
    preferred), a reaction to a ranked drug by another word or language, ILD and COPD by their
    patterns and other languages' names, diabetes by abbreviation, an LVEF written otherwise,
    a Child-Pugh class."""
    profile = _with_text(entry)
    if field == "pregnancy":
        profile["menopausal_status"] = "premenopausal"
    message = _refusal(profile)
    assert "other_conditions[0]" in message
    assert field in message


@pytest.mark.parametrize(
    "entry",
    [
        "Prior QTc 470 ms on ondansetron 2024, normal since",
        "QTc 470 ms 2024, resolved",
        "QTc 470 ms in 2024; normal ECG April 2026",
        "LVEF 45% in 2019 after epirubicin, recovered to 60% 2021",
        "LVEF 45% 2019, 60% 2021",
        "LVEF 45% after epirubicin 2019, recovered",
        "LVEF 60% (was 45% in 2019)",
        "ECOG 2 in January, now 1",
        "Paclitaxel infusion reaction 2018, completed with premedication",
        "Nausea with capecitabine, managed with ondansetron",
    ],
)
def test_a_past_value_or_a_managed_reaction_passes(entry: str) -> None:
    """The regression sweep of session 56 (3689, MAJOR): a past QTc, a recovered LVEF and a
    past performance status were refused, each with a hint that would have made the plan
    wrong (record qtc_prolonged: no ribociclib); a reaction that did not stop its course
    could be recorded only as a stop for toxicity, which it was not."""
    plan = _planned(_with_text(entry), "ye2024")
    assert entry in plan.not_assessed


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("QTc 430 ms in 2025, now 480 ms", "qtc_prolonged"),
        ("LVEF 35% now (was 60% in 2019)", "lvef"),
        ("ECOG 1 in January, now 3", "ecog"),
        ("SJS with capecitabine 2024", "toxicity"),
    ],
)
def test_a_current_value_beside_a_past_one_is_still_refused(entry: str, field: str) -> None:
    message = _refusal(_with_text(entry))
    assert field in message


@pytest.mark.parametrize(
    "entry",
    [
        "PS 2 in January 2026, improved to 1",
        "Bedbound after hip fracture 2021, now mobile",
        "QTc 470 ms on ECG 2024-02-01, 430 ms now",
    ],
)
def test_what_a_text_says_of_now_decides_its_value(entry: str) -> None:
    """The fix of the sweep's regressions read a year of the plan's own as of now; what the
    text says of now ('improved to 1', 'now mobile') decides."""
    plan = _planned(_with_text(entry), "ye2024")
    assert entry in plan.not_assessed


@pytest.mark.parametrize(
    "entry",
    [
        "Letrozole - rash 2023",
        "Palbociclib: rash G1 2024, settled",
        "Tolerated palbociclib well, no rash",
        "Hives with ciprofloxacin",
        "Domperidone caused palpitations",
        "Sensitive to Zofran (headache)",
        "Azithromycin - diarrhoea",
        "COVID pneumonitis 2021",
        "COVID-19 pneumonitis Jan 2022, full recovery",
        "Patient concerned about pneumonitis risk with T-DXd",
        "QTc <450 ms",
        "QTc below 450 ms",
        "Not bed-bound",
        "Bedbound? No - walks independently",
        "F/H diabetes",
        "Fam hx: DM2, HTN, CVA",
        "Grandma had diabetes",
        "Antécédents familiaux : diabète de type 2 (mère)",
        "Mère diabétique",
        "Familienanamnese: Diabetes",
        "Partner on dialysis",
        "Husband on warfarin",
        "Works as a dialysis nurse",
        "Heart failure: denied",
        "Never had a reaction to chemotherapy",
        "Dialysis: never",
        "Never on insulin",
        "Gestational diabetes 2010 (insulin-treated)",
        "insulin-like growth factor normal",
    ],
)
def test_the_second_recheck_false_refusals_pass(entry: str) -> None:
    """The second recheck of session 56 (3541-3559, MAJOR): 75 of 134 refusals were false:
    reactions that are no allergy, to drugs not taken now, or to non-cancer drugs; infectious
    pneumonitis; a QTc's upper bound; a denied bed-bound; family histories and other people's
    facts in other words and languages; 'never'; gestational insulin."""
    plan = _planned(_with_text(entry), "ye2024")
    assert entry in plan.not_assessed


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("Visceral crisis since 2024 (bilirubin 3x ULN)", "visceral_crisis"),
        ("ECOG 3 since 2025", "ecog"),
        ("on haemodialysis since 2023", "renal_impairment"),
        ("on warfarin since 2019", "medications"),
        ("Haemodialysis (started 2021)", "renal_impairment"),
        ("LVEF 60% -> 45% (04/2026)", "lvef"),
        ("LVEF 62% (2023) → 44% (2026)", "lvef"),
        ("ECOG 1 → 3 after admission", "ecog"),
        ("allergic to trastuzumab deruxtecan (infusion reaction grade 4)", "toxicity"),
    ],
)
def test_the_second_recheck_missed_facts_are_refused(entry: str, field: str) -> None:
    """The second recheck (M5, M6): a fact 'since' a year is of now, not of the past; a value
    after an arrow is the value of now."""
    message = _refusal(_with_text(entry))
    assert field in message


@pytest.mark.parametrize(
    ("entry", "field"),
    [("QTc 470 ms (2025)", "qtc_prolonged"), ("EF 40% (2025)", "lvef"), ("Husband's insulin", "")],
)
def test_a_dated_value_is_the_latest_known_and_a_grade_of_a_past_year_is_past(
    entry: str, field: str
) -> None:
    """The second recheck (3556): a QTc or an LVEF dated last year is the latest known value
    and is refused; 'ECOG 2 (2024)' and 'WHO grade 2 meningioma' are no performance status of
    now; a husband's insulin is not hers."""
    if field:
        assert field in _refusal(_with_text(entry))
    else:
        assert entry in _planned(_with_text(entry), "ye2024").not_assessed
    for passing in ("ECOG 2 (2024)", "WHO grade 2 meningioma (resected 2015)"):
        assert passing in _planned(_with_text(passing), "ye2024").not_assessed


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("CP-B7 cirrhosis", "child_pugh"),
        ("Leberzirrhose Child B", "child_pugh"),
        ("Child-Turcotte-Pugh B", "child_pugh"),
        ("Child Pugh A6", "child_pugh"),
        ("FEVI 38 %", "lvef"),
        ("Congenital LQT2", "qtc_prolonged"),
        ("Everolimus - stomatitis G3", "toxicity"),
    ],
)
def test_the_third_recheck_missed_facts_are_refused(entry: str, field: str) -> None:
    """The third recheck of session 56 (3701, MAJOR): a Child-Pugh class in shorthand, an
    LVEF as FEVI, LQT2 and a grade 3 stomatitis on everolimus passed unread."""
    assert field in _refusal(_with_text(entry))


@pytest.mark.parametrize(
    "entry",
    [
        "Impending visceral crisis? - ruled out at MDT 28/04/2026",
        "Consider dialysis if renal function deteriorates",
        "Nonna diabetica",
        "Frère : BPCO",
    ],
)
def test_the_third_recheck_false_refusals_pass(entry: str) -> None:
    """The third recheck (3701, MAJOR): a visceral crisis ruled out, a conditional plan, an
    Italian and a French family history were refused."""
    assert entry in _planned(_with_text(entry), "ye2024").not_assessed


def test_no_longer_needed_stops_an_insulin_entry() -> None:
    """3701-117: 'Lantus during steroid course 2025 - no longer needed' was an insulin taken
    now."""
    from resistx.vocab.interactions import insulin_taken_now  # noqa: PLC0415

    assert not insulin_taken_now("Lantus during steroid course 2025 - no longer needed")


def test_a_performance_status_improved_from_one_grade_to_another_is_read_at_the_last() -> None:
    """3701-138 (MINOR): 'Performance status improved from 1 to 0' beside ecog 1 passed."""
    assert "ecog" in _refusal(_with_text("Performance status improved from 1 to 0"))
    entry = "Performance status improved from 2 to 1"
    assert entry in _planned(_with_text(entry), "ye2024").not_assessed


@pytest.mark.parametrize("entry", ["Dialyse 3x/Woche", "diálisis", "CAPD"])
def test_dialysis_in_other_languages_is_refused_with_its_field(entry: str) -> None:
    """The first recheck (3466): dialysis in German and Spanish, and peritoneal dialysis, passed
    as free text; the words are the comorbidities' kidney-failure vocabulary."""
    assert "renal_impairment" in _refusal(_with_text(entry))
