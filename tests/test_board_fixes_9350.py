"""Session 72's reviews (cases 9350-9499): a clinic's referrals, the evidence after the review,
and a developer's and data scientist's use of the API and cohorts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.sequencing.policy import get

DATA = Path(__file__).parent / "data" / "board_9350"


def test_both_gedatolisib_regimens_say_no_approval_found() -> None:
    """9444 (MINOR): the triplet said 'an approval is unconfirmed', which hints at the approval
    the pack marks UNVERIFIED (and in a plan dated before the PDUFA date); the doublet said 'no
    approval found'. The pack verifies no approval of either: both say none was found."""
    pol = get("practice-2026")
    table = pol.regimens(pol.default_evidence())
    said = [
        table[rid].regulatory.source
        for rid in ("gedatolisib+palbociclib+fulvestrant", "gedatolisib+fulvestrant")
    ]
    for text in said:
        assert "no approval found" in text and "unconfirmed" not in text, text


def _profile(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{case}.json").read_text("utf-8"))
    return data


def _reason(plan: resistx.Plan, regimen: str, code: str) -> str:
    option = plan.option(regimen)
    assert option is not None, regimen
    [text] = [r.text for r in option.reasons if r.code == code]
    return text


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_sacituzumab_govitecan_after_datopotamab_deruxtecan_names_the_shared_trop2_target(
    policy: str,
) -> None:
    """9445 (MINOR): after datopotamab deruxtecan, sacituzumab govitecan's reason argued from
    the trastuzumab deruxtecan series ('TROPiCS-02 enrolled almost no one after a deruxtecan
    ADC', Huppert et al.), which is about the other order of other drugs. The point is the
    shared target, TROP2, with a topoisomerase-I payload: no trial or series enrolled after a
    TROP2 ADC. Its place (at best an alternative) stays."""
    plan = resistx.sequence(_profile("9411"), policy=policy)
    text = _reason(plan, "sacituzumab-govitecan", "adc_after_topoisomerase_adc")
    assert "TROP2" in text and "datopotamab deruxtecan" in text, text
    assert "Huppert" not in text and "almost no one" not in text, text
    option = plan.option("sacituzumab-govitecan")
    assert option is not None and option.tier is not resistx.Tier.PREFERRED


def test_sacituzumab_govitecan_after_trastuzumab_deruxtecan_keeps_the_series() -> None:
    """The series (trastuzumab deruxtecan and sacituzumab govitecan, either order) still
    speaks where trastuzumab deruxtecan was given."""
    profile = _profile("9411")
    profile["treatments"][2]["drugs"] = ["trastuzumab deruxtecan"]
    plan = resistx.sequence(profile)
    text = _reason(plan, "sacituzumab-govitecan", "adc_after_topoisomerase_adc")
    assert "Huppert" in text and "TROP2" not in text, text


def _other_conditions_problems(*texts: str) -> list[str]:
    profile = _profile("9411")
    profile["other_conditions"] = list(texts)
    try:
        resistx.load_profile(profile)
    except resistx.ProfileError as e:
        return [m for p, m in e.problems if p.startswith("$.other_conditions")]
    return []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # 9394 (MAJOR): stage 4 CKD in everyday words passed, and olaparib was preferred with
        # no clearance asked for
        ("stage 4 kidney disease, under nephrology", "renal_impairment"),
        ("stage IV kidney disease", "renal_impairment"),
        ("severe kidney impairment", "renal_impairment"),
        ("impaired kidney function", "renal_impairment"),
        ("reduced renal function", "renal_impairment"),
        ("renal dysfunction", "renal_impairment"),
        ("kidneys failing", "renal_impairment"),
        ("chronic kidney insufficiency", "renal_impairment"),
        # 9396 (MAJOR): liver dysfunction from metastases passed, and the visceral-crisis
        # question that hepatic impairment asks was never asked
        ("impaired liver function from metastases", "hepatic_impairment"),
        ("liver dysfunction from metastases", "hepatic_impairment"),
        ("hepatic dysfunction", "hepatic_impairment"),
        # 9395 (MINOR): how a DPYD result and other conditions are written
        ("DPYD*2A heterozygous", "dpd_deficiency"),
        ("DPYD c.1905+1G>A heterozygous", "dpd_deficiency"),
        ("DPYD intermediate metaboliser", "dpd_deficiency"),
        ("reduced ejection fraction", "cardiac_disease"),
        ("nerve damage in feet", "neuropathy"),
        ("low neutrophils", "cytopenia"),
    ],
)
def test_a_condition_the_rules_read_in_everyday_words_is_refused_pointing_to_it(
    text: str, named: str
) -> None:
    [said] = _other_conditions_problems(text)
    assert f"names {named}" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "normal renal function",
        "renal function normal",
        "no renal impairment",
        "renal cell carcinoma 2010, nephrectomy",
        "kidney stones 2015",
        "liver metastases",
        "liver function tests normal",
        "DPYD genotype normal",
        "DPYD wild-type",
        "DPYD testing pending",
        "family history of kidney disease",
        "ejection fraction normal",
        "nerve block for hip surgery 2019",
        "neutrophils normal",
    ],
)
def test_what_does_not_say_such_a_condition_still_passes(text: str) -> None:
    assert _other_conditions_problems(text) == []


def test_a_new_first_option_that_is_no_preferred_one_says_so_in_the_since_review_section() -> None:
    """9442 (MINOR): 'Under practice-2026, Abemaciclib + fulvestrant comes first (rank 6 here,
    a later option)' read as that policy preferring it; its plan prefers nothing (postMONARCH's
    population, every test done: 9443)."""
    plan = resistx.sequence(_profile("9435"))
    newer = resistx.sequence(_profile("9435"), policy="practice-2026")
    assert not any(o.tier is resistx.Tier.PREFERRED for o in newer.options)
    [top] = [e for e in plan.since_review if e.change is resistx.Change.TOP_OPTION]
    assert "comes first, an alternative there, with nothing preferred" in top.text, top.text


def test_a_new_first_option_that_is_preferred_says_so_too() -> None:
    """Example 23: trastuzumab deruxtecan after DESTINY-Breast06, preferred there."""
    profile = json.loads(Path("examples/23-her2-ultralow-no-chemotherapy.json").read_text("utf-8"))
    [top] = [
        e for e in resistx.sequence(profile).since_review if e.change is resistx.Change.TOP_OPTION
    ]
    assert "Trastuzumab deruxtecan comes first, preferred there (left out here)" in top.text, (
        top.text
    )


def test_a_new_first_option_whose_scores_moved_names_the_rule_that_moved_the_old_one() -> None:
    """9441 (MINOR, as 9052): PIK3CA and ESR1 after 8 months of a CDK4/6 inhibitor: under
    practice-2026 capivasertib comes first as rule 28 steps elacestrant back (EMERALD's benefit
    lay beyond 12 months); the entry said only 'its scores moved with the evidence' (its
    balance had), which sent the reader to capivasertib's own evidence."""
    plan = resistx.sequence(_profile("9415"))
    [top] = [e for e in plan.since_review if e.change is resistx.Change.TOP_OPTION]
    assert top.regimen == "capivasertib+fulvestrant"
    assert "Elacestrant is an alternative there (rule 28)" in top.text, top.text
    assert 28 in top.rules


def test_a_plan_frame_names_the_rules_behind_each_row_as_a_cohort_row_does() -> None:
    """9485 (MINOR): ``plan.to_frame()`` had no ``rules`` column, though the cohort's rows do;
    a notebook had to go back to the plan for them."""
    pytest.importorskip("pandas")
    plan = resistx.sequence(_profile("9411"))
    frame = plan.to_frame()
    options = frame[~frame["excluded"]]
    for (_, row), o in zip(options.iterrows(), plan.options, strict=True):
        assert row["rules"] == ", ".join(
            str(n) for n in sorted({r.rule for r in o.reasons if r.rule is not None})
        )
    left = frame[frame["excluded"]]
    for (_, row), e in zip(left.iterrows(), plan.excluded, strict=True):
        assert row["rules"] == ", ".join(
            str(n) for n in sorted({r.rule for r in e.reasons if r.rule is not None})
        )
    assert options["rules"].str.len().min() > 0


@pytest.mark.parametrize(
    "text",
    [
        # 9506 (MAJOR, the recheck): a focal scar is no interstitial lung disease, and recording
        # it as one, as the message asked, left trastuzumab deruxtecan out
        "lung scarring after childhood pneumonia",
        "lung scarring on CT",  # 9395 asked for it; 9506: most such scars are focal ones
        "minor scarring right lung base, incidental on CT",
        # 9508 (MAJOR): a DPYD panel read negative
        "DPYD*2A (not detected)",
        "DPYD *2A, *13, HapB3: not detected",
        "DPYD variant - not detected",
        # 9509 (MINOR): one nerve's injury is no peripheral neuropathy
        "intercostobrachial nerve damage after ALND (numb inner arm)",
        "ulnar nerve damage",
        "optic nerve damage (glaucoma)",
        # 9507 (MAJOR): a condition said to be over in a clause of its own
        "neuropathy, now resolved",
        "CIPN - now resolved",
        "low neutrophils, now resolved",
        "neutrophils low in 2024, now normal",
        "renal dysfunction 2023, now normal",
        "steroid-induced diabetes 2023, now resolved",
        "ejection fraction reduced 2019, normalised",
        # the second recheck (9550-9565): what the first recheck's words refused wrongly
        "AKI 2022",  # 9550: a past acute kidney injury
        "ERC mit Stenteinlage 2024",  # 9552: a German cholangiography, no kidney disease
        "impaired LV relaxation, EF 60%",  # 9555: a normal EF's diastolic finding
        "RV dysfunction",  # 9556: no slip of 'LV dysfunction'
        "peripheral nerve block for hip surgery",  # 9557
        "digital nerve injury index finger",  # 9558
        "disfunción hepática descartada",  # 9562
        "eingeschränkte Leberfunktion ausgeschlossen",
        "antécédent de neutropénie fébrile 2019",  # 9559: a past one, no slip
        "echo to rule out LV dysfunction",  # 9554
    ],
)
def test_what_the_recheck_found_wrongly_refused_passes(text: str) -> None:
    assert _other_conditions_problems(text) == []


def test_a_year_after_platelets_is_no_count() -> None:
    """9560 (MAJOR, the second recheck): 'low platelets 2019' was a platelet count of 2, and
    the message asked to record a grade 4 cytopenia."""
    said = _other_conditions_problems("low platelets 2019")
    assert said and "names cytopenia" in said[0], said  # still refused, for the condition
    assert not any("count of 2" in s or "grade 4" in s for s in said), said


def test_a_year_after_ef_is_no_lvef() -> None:
    """9510 (MINOR): 'reduced EF in 2019' was 'an LVEF of 20%', and the message asked to record
    20: a relative contraindication to trastuzumab deruxtecan the patient may not have."""
    said = _other_conditions_problems("reduced EF in 2019")
    assert said and not any("LVEF of 20" in s for s in said), said


@pytest.mark.parametrize(
    ("text", "named", "value"),
    [
        # 9500 (MAJOR): kidney impairment in abbreviations
        ("CKD4", "renal_impairment", "creatinine_clearance"),
        ("CKD3b", "renal_impairment", "creatinine_clearance"),
        ("AKI on CKD", "renal_impairment", "creatinine_clearance"),  # by its CKD
        ("CKD 3b", "renal_impairment", "creatinine_clearance"),  # 9512: with the clearance
        ("renal insufficiency", "renal_impairment", "creatinine_clearance"),
        # 9501 (MAJOR): liver impairment in other words and languages
        ("chronic liver disease", "hepatic_impairment", "child_pugh"),
        ("eingeschränkte Leberfunktion", "hepatic_impairment", "child_pugh"),
        ("Leberinsuffizienz", "hepatic_impairment", "child_pugh"),
        ("disfunción hepática", "hepatic_impairment", "child_pugh"),
        ("disfunzione epatica", "hepatic_impairment", "child_pugh"),
        # 9502 (MAJOR): a DPD deficiency by its phenotype
        ("DPD poor metaboliser", "dpd_deficiency", ""),
        ("DPD intermediate metabolizer", "dpd_deficiency", ""),
        # 9503 (MAJOR): reduced LV function
        ("reduced EF", "cardiac_disease", "lvef"),
        ("LV dysfunction", "cardiac_disease", "lvef"),
        ("LVSD", "cardiac_disease", "lvef"),
        # 9505 (MAJOR), 9511 (MINOR): low counts, in other languages too
        ("cytopenias", "cytopenia", "grade"),
        ("neutropénie", "cytopenia", "grade"),
        ("Neutropenie", "cytopenia", "grade"),
        ("thrombopénie", "cytopenia", "grade"),
        ("Thrombozytopenie", "cytopenia", "grade"),
    ],
)
def test_the_recheck_s_wordings_are_refused_naming_the_value_to_record(
    text: str, named: str, value: str
) -> None:
    said = _other_conditions_problems(text)
    assert len(said) == 1 and f"names {named}" in said[0], said
    assert value in said[0], said


@pytest.mark.parametrize("text", ["PN gr. 2", "PN G2", "PN grade 2", "CIPN G2"])
def test_a_neuropathy_by_its_abbreviation_and_grade_is_refused_asking_for_the_grade(
    text: str,
) -> None:
    """9504 (MINOR): 'PN gr. 2' passed unread, though profile.md says a neuropathy's grade
    ('PN gr. 2') is read with none recorded; 9512: 'CIPN G2' asked for the neuropathy without
    its grade. 'PN' alone passes: parenteral nutrition too."""
    [said] = _other_conditions_problems(text)
    assert "names neuropathy" in said and '"grade"' in said, said


def test_pn_alone_is_no_neuropathy() -> None:
    assert _other_conditions_problems("PN via PICC 2023") == []


def test_a_regimen_no_longer_left_out_says_its_tier_there() -> None:
    """9584 (MINOR, the since-review recheck): 'Trastuzumab deruxtecan is an option (rank 5);
    it is left out here' did not say it is a later option there (an alternative in another
    patient: 9593), which is what a board needs to hear."""
    profile = _profile("9584")
    plan = resistx.sequence(profile)
    newer = resistx.sequence(profile, policy="practice-2026")
    option = newer.option("trastuzumab-deruxtecan")
    assert option is not None and option.tier is resistx.Tier.LATER
    [entry] = [e for e in plan.since_review if e.regimen == "trastuzumab-deruxtecan"]
    assert "Trastuzumab deruxtecan is a later option there (rank 5); it is left out here" in (
        entry.text
    ), entry.text
