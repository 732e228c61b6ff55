"""Session 66: facts written only as free text that no rule read (cases 7457b-7457j: raised
liver tests beside elacestrant preferred with no hepatic caution; 7460b, 7460c: a refusal of
intravenous treatment beside both ADCs ranked)."""

from __future__ import annotations

import pytest

import resistx
from resistx.vocab.interactions import taken_now_text
from tests.helpers import patient, refusal


@pytest.mark.parametrize(
    "text",
    [
        "bilirubin 2.4 x ULN",  # 7457g
        "total bilirubin 45 umol/L",  # 7457c
        "ALT 250 U/L, AST 310 U/L (grade 3 transaminitis)",  # 7457d
        "bilirubin 2.4 x ULN, AST 4 x ULN from liver metastases",  # 7457b
        "deranged LFTs",  # 7457j
        "hyperbilirubinaemia",
        "elevated liver enzymes",
        "bili 1.9 mg/dL",
        "AST 3xULN",
        "grade 2 transaminase elevation",
        "raised transaminases on abemaciclib",
    ],
)
def test_a_raised_liver_test_written_only_as_free_text_is_refused_pointing_to_hepatic_impairment(
    text: str,
) -> None:
    """7457 (MAJOR): each passed, and elacestrant came first with no hepatic caution and no
    question before choosing; the same patient with Child-Pugh B recorded is asked about."""
    said = refusal(patient(other_conditions=[text]))
    assert "hepatic_impairment" in said, said
    assert "liver test" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "LFTs normal",
        "normal liver function tests",
        "bilirubin 0.8 mg/dL",
        "bilirubin 15 umol/L",
        "ALT 25 U/L",
        "Gilbert's syndrome, bilirubin 2.1 mg/dL",  # no liver impairment
        "transaminitis on abemaciclib 2023, resolved",
        "no liver enzyme elevation",
        "liver metastases, stable",
    ],
)
def test_a_normal_or_past_liver_test_passes(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_raised_liver_test_beside_hepatic_impairment_recorded_passes() -> None:
    """The detail may stay beside the comorbidity that the cautions read."""
    resistx.load_profile(
        patient(
            comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
            other_conditions=["bilirubin 2.4 x ULN, AST 4 x ULN"],
        )
    )


@pytest.mark.parametrize("text", ["got 50 Gy radiotherapy to the spine", "got increased pain"])
def test_words_that_are_no_liver_test_pass(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # 7471 (MAJOR): a pneumonitis in French, German, Italian and Portuguese
        ("pneumonite", "interstitial"),
        ("pneumonite interstitielle", "interstitial"),
        ("pneumopathie médicamenteuse", "interstitial"),
        ("Strahlenpneumonitis", "interstitial"),
        ("polmonite da radiazioni", "interstitial"),
        ("fibrose pulmonar", "interstitial"),
        ("neumonitis", "interstitial"),  # Spanish, not a slip to correct
        # 7472 (MAJOR): a cirrhosis is hepatic impairment (Child-Pugh grades it)
        ("alcohol-related cirrhosis", "hepatic_impairment"),
        ("Leberzirrhose", "hepatic_impairment"),
        ("hepatic encephalopathy", "hepatic_impairment"),
    ],
)
def test_a_condition_in_another_language_or_by_its_stage_is_refused_as_free_text(
    text: str, named: str
) -> None:
    """7471, 7472 (MAJOR): each passed unread beside trastuzumab deruxtecan preferred, or with
    no hepatic caution and no question about the Child-Pugh class."""
    said = refusal(patient(other_conditions=[text]))
    assert named in said, said
    assert "one letter" not in said, said


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("not recovered from pneumonitis", "interstitial"),
        ("pneumonitis not ruled out", "interstitial"),
        ("ILD not excluded", "interstitial"),
        ("no improvement in ILD", "interstitial"),
        ("pneumonitis: not resolved", "interstitial"),
        ("diabetes not controlled", "diabetes"),
    ],
)
def test_a_condition_said_not_resolved_or_not_ruled_out_is_refused(text: str, named: str) -> None:
    """7483 (MAJOR): 'not' after the condition was read as its denial; these say it is there."""
    said = refusal(patient(other_conditions=[text]))
    assert named in said, said


@pytest.mark.parametrize("text", ["pneumonitis ruled out", "no ILD", "ILD: not present"])
def test_a_condition_denied_still_passes(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_cirrhosis_recorded_as_a_comorbidity_is_hepatic_impairment_whose_class_is_asked() -> None:
    """7472: the name reads as hepatic impairment, and the plan asks for its Child-Pugh class."""
    data = patient(comorbidities=[{"name": "cirrhosis"}])
    [condition] = resistx.load_profile(data).comorbidities
    assert condition.name == "hepatic_impairment"
    assert any("Child-Pugh class" in a.text for a in resistx.sequence(data).actions)


@pytest.mark.parametrize(
    ("entry", "drug"),
    [
        ("pt declined to stop itraconazole", "itraconazole"),
        ("no change: itraconazole continues", "itraconazole"),
        ("itraconazole 200 mg previously 100 mg", "itraconazole"),
        ("itraconazole: completed loading dose, continuing 200 mg", "itraconazole"),
        ("itraconazole dose previously 100 mg, now 200 mg", "itraconazole"),
        ("Patient refused to discontinue citalopram", "citalopram"),
        ("rifampicin: 4 of 6 months completed", "rifampicin"),
    ],
)
def test_a_medication_still_taken_is_read_as_taken_now(entry: str, drug: str) -> None:
    """7470 (MAJOR): each was listed as 'read as not taken now', and capivasertib + fulvestrant
    stayed preferred beside a strong CYP3A inhibitor or inducer taken now."""
    assert drug in taken_now_text(entry), taken_now_text(entry)


@pytest.mark.parametrize(
    "entry",
    [
        "itraconazole stopped 2024",
        "previously on itraconazole",
        "rifampicin: 6 months completed",
        "declined itraconazole",
        "rifampicin 6 of 6 months completed",
    ],
)
def test_a_medication_stopped_or_declined_is_still_not_taken(entry: str) -> None:
    said = taken_now_text(entry)
    assert "itraconazole" not in said and "rifampicin" not in said, said


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("declines intravenous treatment", "intravenous"),  # 7460
        ("patient refuses IV chemotherapy", "intravenous"),  # 7460b
        ("wants oral treatment only", "intravenous"),  # 7460c
        ("refuses injections", "intramuscular"),
        ("does not want infusions", "intravenous"),
    ],
)
def test_a_route_refused_in_free_text_is_refused_pointing_to_the_preferences(
    text: str, route: str
) -> None:
    """7460, 7460b, 7460c (MINOR): chemotherapy, trastuzumab deruxtecan and sacituzumab
    govitecan stayed ranked as if accepted; with the preference declined they are not."""
    said = refusal(patient(other_conditions=[text]))
    assert '"declines"' in said and route in said, said


@pytest.mark.parametrize(
    "text", ["declined IV iron", "IV contrast allergy", "oral mucositis", "port-a-cath in situ"]
)
def test_other_words_of_a_route_pass(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("declines chemotherapy", '"declines_kinds"'),  # 7522 (MAJOR): chemotherapy preferred
        ("patient refuses chemo", '"declines_kinds"'),
        ("declines blood transfusion", '"declines_transfusion"'),
        ("refuses needles", '"declines"'),  # 7521
        ("won't accept injections", '"declines"'),
    ],
)
def test_a_kind_or_a_transfusion_refused_in_free_text_points_to_the_preferences(
    text: str, field: str
) -> None:
    said = refusal(patient(other_conditions=[text]))
    assert field in said, said


@pytest.mark.parametrize("text", ["chemotherapy 2019 for lymphoma", "transfusion 2024 for anaemia"])
def test_a_kind_or_a_transfusion_named_without_a_refusal_passes(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("heart failure, not ruled out", "cardiac_disease"),  # 7517
        ("heart failure cannot be ruled out", "cardiac_disease"),
        ("pneumonitis not fully resolved", "interstitial"),
        ("pneumonitis (not resolved)", "interstitial"),
        ("pneumonitis - not resolved", "interstitial"),
        ("pneumonitis hasn't resolved", "interstitial"),
        ("pneumonitis never resolved", "interstitial"),
        ("hyperbilirubinaemia not resolved", "hepatic_impairment"),  # 7513
    ],
)
def test_a_condition_said_to_go_on_in_other_words_is_refused(text: str, named: str) -> None:
    """7513, 7517 (MAJOR, the recheck): a negation in a clause of its own or with an adverb
    was still read as the condition's denial."""
    said = refusal(patient(other_conditions=[text]))
    assert named in said, said


@pytest.mark.parametrize(
    ("entry", "drug"),
    [
        ("did not stop itraconazole", "itraconazole"),  # 7519
        ("not stopped: itraconazole", "itraconazole"),
        ("declined discontinuation of rifampicin", "rifampicin"),
        ("declined to switch from itraconazole", "itraconazole"),
        ("rifampicin (4/6 months completed)", "rifampicin"),
        ("voriconazole loading dose completed, now maintenance", "voriconazole"),
    ],
)
def test_a_medication_still_taken_in_other_words_is_read_as_taken_now(
    entry: str, drug: str
) -> None:
    assert drug in taken_now_text(entry), taken_now_text(entry)


@pytest.mark.parametrize(
    "entry", ["itraconazole not continued", "itraconazole never started", "finished rifampicin"]
)
def test_a_medication_never_taken_or_finished_is_not_taken_now(entry: str) -> None:
    """7520 (the recheck): each was read as taken now."""
    said = taken_now_text(entry)
    assert "itraconazole" not in said and "rifampicin" not in said, said


@pytest.mark.parametrize(
    "text",
    [
        "bilirubin three times ULN",  # 7510
        "ALT 5 times the upper limit of normal",
        "ALT of 250 U/L",
        "AST 5-fold ULN",
        "Bilirubin gesamt 3,1 mg/dl",
        "iperbilirubinemia",
        "hipertransaminasemia",
        "transaminases élevées",
        "erhöhte Leberwerte",
        "TGP 250",
        "normal bilirubin, ALT 250",  # 7512
        "ALT 30, now 250",
        "Gilbert's syndrome; ALT 250 U/L",
    ],
)
def test_a_raised_liver_test_in_other_words_is_refused(text: str) -> None:
    """7510, 7512 (MAJOR, the recheck): each passed beside liver metastases."""
    assert "hepatic_impairment" in refusal(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    ["ALT was 250 U/L on ribociclib, now 30", "ALT 250 U/L in 2023", "previous transaminitis"],
)
def test_a_raised_liver_test_of_the_past_passes(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize("text", ["cirrose hepática", "Zirrhose"])
def test_a_cirrhosis_in_portuguese_or_german_is_hepatic_impairment(text: str) -> None:
    assert "hepatic_impairment" in refusal(patient(other_conditions=[text]))  # 7515


@pytest.mark.parametrize(
    "text",
    [
        "knee surgery 2019, did well",  # 7558 (MAJOR): 'did' read as French DID, a diabetes
        "Bilirubin 5 µmol/L, ALT 18 IU/L",  # 7550 (MAJOR): a normal bilirubin in umol/L
        "bilirubin 10",  # no unit, 3 or more: umol/L, normal
        "bilirubin 12 (normal)",
        "previously declined chemotherapy, now agrees",  # 7556 (MAJOR)
        "declined adjuvant chemotherapy 2018",  # 7557 (MAJOR): a refusal of the past
        "declined chemotherapy for first cancer (2010 lymphoma)",
    ],
)
def test_ordinary_text_the_session_s_checks_refused_passes(text: str) -> None:
    """The second recheck (7550-7569): each was refused by this session's checks."""
    resistx.load_profile(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text", ["Bilirubin 1,8 mg/dl", "bilirrubina 2,5", "bilirubin 45 µmol/L", "bili 1.9"]
)
def test_a_raised_bilirubin_with_a_decimal_comma_or_a_micro_sign_is_refused(text: str) -> None:
    """7551 (MAJOR): the comma split the value ('bilirrubina 2')."""
    assert "hepatic_impairment" in refusal(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    ("entry", "taken"),
    [
        ("rifampicin discontinued, not restarted", False),  # 7559 (MAJOR)
        ("warfarin not restarted", False),
        ("rifampicin intensive phase completed, continuation phase ongoing", True),  # 7560
    ],
)
def test_a_medication_s_phase_or_restart_is_read_as_said(entry: str, taken: bool) -> None:
    said = taken_now_text(entry)
    drug = entry.split(maxsplit=1)[0]
    assert (drug in said) is taken, said


def test_a_refusal_dated_this_year_is_still_refused() -> None:
    assert '"declines"' in refusal(patient(other_conditions=["declines IV treatment (2026-04)"]))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("HbA1c 8.1%, Ki-67 5%", "an HbA1c of 8.1%"),  # 7589z06 (MAJOR): dropped
        ("HbA1c 7.2%, ER 5%", "an HbA1c of 7.2%"),
        ("LVEF 45%, SpO2 97%", "an LVEF of 45%"),  # 7589z00
        ("LVEF 45% on echo, Ki-67 60%", "an LVEF of 45%"),
        ("CrCl 40 mL/min, urine output 1500 mL/day", "a creatinine clearance of 40"),  # z13
    ],
)
def test_a_value_is_read_in_its_own_clause_not_from_the_next_test(text: str, said: str) -> None:
    """7589 (MAJOR, the third recheck): the readers took the last percentage or mL value of
    the whole entry: a raised value followed by another test's passed, and changed the plan."""
    assert said in refusal(patient(other_conditions=[text]))


@pytest.mark.parametrize(
    "text",
    [
        "HbA1c 5.8%, eGFR >90, bili 9 umol/L, ALT 22 U/L, LVEF 60%, QTc 430 ms",  # 7589x14
        "HbA1c 5.8%, LVEF 60%",
        "HbA1c 5.8%; LVEF 60%",
        "HbA1c 5.8%, SpO2 97%",
        "LVEF 60%, HbA1c 5.8%",
        "LVEF 45% 2019, 60% 2021",  # a series of one test: the latest
    ],
)
def test_a_normal_lab_line_passes(text: str) -> None:
    """7589x14, y00-y13 (MAJOR): a clinic's normal lab line was refused as an HbA1c of 60%."""
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_qtc_in_seconds_with_a_decimal_comma_is_read() -> None:
    """7589z21 (MAJOR, the third recheck): 'QTc 0,48 s' passed beside ribociclib."""
    assert "qtc_prolonged" in refusal(patient(other_conditions=["QTc 0,48 s"]))


def test_an_egfr_of_72_passes_as_in_a_converted_document() -> None:
    """7572a (the third recheck): 'eGFR 72' was refused as free text, while the same eGFR in a
    FHIR bundle converts: both read a kidney function from under 60 mL/min, where the first
    labelled dose changes (talazoparib's)."""
    resistx.load_profile(patient(other_conditions=["eGFR 72 mL/min/1.73m2"]))
    assert "renal_impairment" in refusal(patient(other_conditions=["eGFR 45"]))


def test_a_past_event_said_not_to_recur_passes() -> None:
    """7589x43 (the third recheck): a neutropenia on the earlier course, 'no recurrence', was
    refused as a cytopenia of now."""
    resistx.load_profile(
        patient(
            other_conditions=["G3 neutropenia cycle 2 palbociclib, dose reduced, no recurrence"]
        )
    )
    assert "cytopenia" in refusal(patient(other_conditions=["neutropenia, recurrence"]))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ALT 3 x LSN", "hepatic_impairment"),  # the second recheck's MINORs (7554)
        ("ALT twice ULN", "hepatic_impairment"),
        ("ALT 3 ULN", "hepatic_impairment"),
        ("grade 1 ALT increase", "hepatic_impairment"),
        ("declines Enhertu", '"declines_kinds"'),  # 7563
        ("declines T-DXd", '"declines_kinds"'),
        ("chemotherapy: declined", '"declines_kinds"'),
        ("Chemotherapie abgelehnt", '"declines_kinds"'),
        ("refuse la chimiothérapie", '"declines_kinds"'),
        ("rechaza quimioterapia", '"declines_kinds"'),
    ],
)
def test_more_wordings_of_a_raised_liver_test_or_a_refusal_are_refused(
    text: str, said: str
) -> None:
    assert said in refusal(patient(other_conditions=[text]))


def test_a_drug_it_replaced_is_not_taken_now() -> None:
    """7561 (the second recheck): 'apixaban (was warfarin)' read warfarin as taken."""
    said = taken_now_text("apixaban (was warfarin)")
    assert "apixaban" in said and "warfarin" not in said, said


@pytest.mark.parametrize(
    "text",
    [
        "ALT < 3 x ULN",  # a bound, no value (7514c)
        "ALT 200 (2024), now 30",  # the value of now stands (7552)
        "ALT 41 U/L (ULN 45)",  # the laboratory's own upper limit (7553)
        "ALT 41 U/L (ref 7-56)",
    ],
)
def test_a_bound_a_superseded_value_or_one_within_the_lab_s_own_limit_passes(text: str) -> None:
    resistx.load_profile(patient(other_conditions=[text]))


def test_a_value_above_the_lab_s_own_limit_is_refused() -> None:
    assert "hepatic_impairment" in refusal(patient(other_conditions=["ALT 38 U/L (ULN 33)"]))


def test_one_chemotherapy_drug_declined_is_not_the_kind_declined() -> None:
    """'declines capecitabine' leaves the other chemotherapy agents: no declines_kinds."""
    resistx.load_profile(patient(other_conditions=["declines capecitabine"]))


def test_a_value_of_now_supersedes_only_its_own_test() -> None:
    """A clause of 'now' replaces the earlier values of its test, not another test's raised one."""
    said = refusal(patient(other_conditions=["bilirubin 3.1 mg/dL, ALT 90, now 30"]))
    assert "bilirubin 3.1" in said, said


def test_a_raised_value_dated_in_the_plan_s_year_is_of_now() -> None:
    """A year of the plan's own is no year of the past (as the other value readers read it)."""
    assert "hepatic_impairment" in refusal(patient(other_conditions=["ALT 250 U/L on 2026-04-20"]))
