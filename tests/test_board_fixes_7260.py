"""Session 65: the reviews of cases 7260 onwards (comorbidities and interactions, relapse
around adjuvant therapy, the practice-2026 policy, preferences beside the disease's tempo)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import (
    FULVESTRANT,
    PALBOCICLIB,
    adjuvant,
    on_tissue,
    option,
    patient,
    plan,
    rank,
    result,
)

#: an ESR1 mutation after palbociclib, the rest of the pathway negative on the same draw
ESR1_MUTATED = [
    result("ESR1", "mutated"),
    *(result(g, "not_detected") for g in ("PIK3CA", "AKT1", "PTEN")),
]
CRISIS: dict[str, Any] = {
    "visceral_crisis": True,
    "metastatic_sites": ["liver", "bone"],
    "biomarkers": ESR1_MUTATED,
}
PALBOCICLIB_10 = dict(PALBOCICLIB, started_on="2025-01-10")
FULVESTRANT_AS_LINE_2 = dict(FULVESTRANT)
TISSUE_NEGATIVE_7260 = [
    result("ESR1", "not_detected"),
    *(on_tissue(result(g, "not_detected")) for g in ("PIK3CA", "AKT1", "PTEN")),
]
SEVERE_RENAL = {"name": "renal_impairment", "creatinine_clearance": 24}
DPD = {"name": "dpd_deficiency"}


def _actions(p: resistx.Plan) -> dict[str, resistx.Action]:
    return {a.code: a for a in p.actions}


@pytest.mark.parametrize("held_back", [SEVERE_RENAL, DPD], ids=["crcl-24", "dpd"])
def test_oral_only_chemotherapy_without_capecitabine_is_not_preferred_in_a_crisis(
    held_back: dict[str, Any],
) -> None:
    """7290r, 7290d (MAJOR): in a visceral crisis with infusions declined, chemotherapy 'by its
    oral agents only' was preferred while its caution held capecitabine back (a creatinine
    clearance of 24, DPD deficiency) and pointed to 'another agent', every other one of the
    review's given by vein. It stays first (rule 7), at best an alternative, its reason says
    what is left, and the plan asks before choosing to revisit the refusal."""
    here = plan({"declines": ["intravenous"]}, comorbidities=[held_back], **CRISIS)
    chemo = option(here, "chemotherapy")
    assert here.options[0] is chemo
    assert chemo.tier is resistx.Tier.ALTERNATIVE, chemo
    said = next(r for r in chemo.reasons if r.code == "declined_route_no_standard_agent")
    assert said.rule == 110 and "capecitabine" in said.text, said
    action = _actions(here)["revisit_refusal_in_crisis"]
    assert action.before_choosing and action.rule == 156, action


def test_oral_only_chemotherapy_with_capecitabine_open_stays_preferred_in_a_crisis() -> None:
    """The same patient with nothing against capecitabine: chemotherapy by mouth is still the
    crisis's treatment, preferred, and nothing asks to revisit the refusal."""
    here = plan({"declines": ["intravenous"]}, **CRISIS)
    chemo = option(here, "chemotherapy")
    assert here.options[0] is chemo and chemo.tier is resistx.Tier.PREFERRED
    assert "revisit_refusal_in_crisis" not in _actions(here)


def test_a_crisis_with_chemotherapy_and_the_adcs_declined_asks_to_revisit_the_refusal() -> None:
    """7291 (MINOR): in a crisis with chemotherapy and the ADCs declined, capivasertib came
    first, every option later, and only the generic refusal note said anything. The plan now
    says before choosing that no option left answers the crisis, and asks to revisit the
    refusal, record it, and offer supportive care."""
    here = plan(
        {"declines_kinds": ["chemotherapy", "adc"]},
        her2="low",
        **{**CRISIS, "biomarkers": [result("PIK3CA", "mutated"), result("ESR1", "not_detected")]},
    )
    action = _actions(here)["revisit_refusal_in_crisis"]
    assert action.before_choosing and "supportive" in action.text, action


def test_a_crisis_with_chemotherapy_declined_and_the_adcs_open_asks_about_the_adcs() -> None:
    """With the ADCs not declined, what answers the crisis may be left (rule 149 asks): the
    crisis's refusal action waits on that answer."""
    here = plan({"declines_kinds": ["chemotherapy"]}, her2="low", **CRISIS)
    assert "ask_adc_refusal" in _actions(here)
    assert "revisit_refusal_in_crisis" not in _actions(here)


def test_no_crisis_no_refusal_action() -> None:
    here = plan(
        {"declines_kinds": ["chemotherapy", "adc"]},
        biomarkers=ESR1_MUTATED,
        comorbidities=[SEVERE_RENAL],
    )
    assert "revisit_refusal_in_crisis" not in _actions(here)


def test_a_raised_short_course_threshold_that_moves_the_plan_says_so_in_its_notes() -> None:
    """7296s (MINOR): with short_cdk46i_months raised to 12, a 10-month palbociclib course
    read as short put chemotherapy first, and only '(under 12)' inside the reasons said why;
    the notes said nothing. A note now names the preference, its default and what it did."""
    ten_months = dict(PALBOCICLIB_10, ended_on="2025-11-10")
    here = plan({"short_cdk46i_months": 12}, biomarkers=ESR1_MUTATED, treatments=[ten_months])
    assert here.options[0].regimen.id == "chemotherapy"
    [note] = [n for n in here.notes if "short_cdk46i_months" in n]
    assert "12" in note and "default 6" in note and "rule 18" in note, note
    default = plan(biomarkers=ESR1_MUTATED, treatments=[ten_months])
    assert not any("default 6" in n for n in default.notes), default.notes


def test_chemotherapy_s_reason_beside_the_liver_question_says_a_yes_puts_it_first() -> None:
    """7294 (MINOR): beside liver metastases with Child-Pugh B, chemotherapy's own reason said
    it was 'at best an alternative until it is decided whether the liver is failing ... which
    puts chemotherapy first', as if the question held back the option a 'yes' promotes."""
    here = plan(
        metastatic_sites=["liver", "bone"],
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
        biomarkers=ESR1_MUTATED,
    )
    [said] = [r for r in option(here, "chemotherapy").reasons if r.rule == 129]
    assert "if it is, chemotherapy comes first" in said.text, said
    [other] = [r for r in option(here, "elacestrant").reasons if r.rule == 129]
    assert "a failing liver puts chemotherapy first" in other.text, other


ONGOING_FIRST_LINE = {
    "drugs": ["palbociclib", "letrozole"],
    "line": 1,
    "started_on": "2024-12-10",
    "stop_reason": "ongoing",
}


def _esr1_then_cleared(later_tf: float) -> list[dict[str, Any]]:
    return [
        result("ESR1", "mutated", tested_on="2026-03-05", variant="Y537S", tumour_fraction=0.02),
        result("ESR1", "not_detected", tested_on="2026-06-05", tumour_fraction=later_tf),
        *(result(g, "not_detected", sample="tissue", tested_on="2024-11-20") for g in PATHWAY),
    ]


PATHWAY = ("PIK3CA", "AKT1", "PTEN")


def test_a_later_ctdna_negative_during_the_ongoing_first_line_leaves_esr1_unresolved() -> None:
    """7280 (MAJOR): an ESR1 mutation on ctDNA in March during first-line palbociclib +
    letrozole, and no ESR1 mutation on the next draw in June (tumour fraction 2%): the plan
    kept the positive as 'found after the latest progression' (there was none), proposed
    SERENA-6's switch on it and preferred the oral SERDs. Two informative draws of the same
    line disagree: neither stands until a retest settles it, and no switch is proposed on it."""
    here = resistx.sequence(
        patient(
            as_of="2026-06-20",
            biomarkers=_esr1_then_cleared(0.02),
            treatments=[ONGOING_FIRST_LINE],
        ),
        policy="practice-2026",
    )
    codes = {a.code for a in here.actions}
    assert "serena6_switch" not in codes, here.actions
    assert not any("after the latest progression" in n for n in here.notes), here.notes
    [note] = [n for n in here.notes if "ESR1" in n and "disagree" in n]
    assert "neither" in note, note


def test_a_later_low_shedding_ctdna_negative_keeps_the_esr1_mutation() -> None:
    """The same later draw with too little tumour DNA to tell (low shedding) is no evidence
    against the mutation: the positive stands and SERENA-6's switch is said."""
    draws = _esr1_then_cleared(0.02)
    draws[1] = {k: v for k, v in draws[1].items() if k != "tumour_fraction"} | {
        "low_shedding": True
    }
    here = resistx.sequence(
        patient(as_of="2026-06-20", biomarkers=draws, treatments=[ONGOING_FIRST_LINE]),
        policy="practice-2026",
    )
    assert "serena6_switch" in {a.code for a in here.actions}, here.actions


def test_warfarin_s_caution_does_not_offer_a_switch_a_mechanical_valve_forbids() -> None:
    """7267 (MINOR): chemotherapy's caution beside warfarin said 'or change the
    anticoagulant', which a mechanical heart valve (a direct oral anticoagulant contraindicated)
    does not allow; the caution now says where a change is open."""
    here = plan(biomarkers=ESR1_MUTATED, medications=["warfarin 5 mg"])
    [said] = [c for c in option(here, "chemotherapy").cautions if c.rule == 132]
    assert "mechanical heart valve" in said.text, said


def test_a_boosted_protease_inhibitor_in_one_entry_is_one_strong_inhibitor_said_once() -> None:
    """7265 (MINOR): Symtuza, darunavir boosted by cobicistat, gave two actions before choosing
    and every interacting option two identical cautions, one per drug."""
    entry = "Symtuza 1 tablet daily (darunavir/cobicistat/emtricitabine/tenofovir alafenamide)"
    here = plan(biomarkers=ESR1_MUTATED, medications=[entry])
    asked = [a for a in here.actions if a.code == "cyp3a_change"]
    assert len(asked) == 1 and "Cobicistat" in asked[0].text, asked
    cautions = [c.text for c in option(here, "chemotherapy").cautions if c.rule == 115]
    assert len(cautions) == 1, cautions
    # two entries of two strong inhibitors: each is asked about
    two = plan(biomarkers=ESR1_MUTATED, medications=["Norvir 100 mg", "itraconazole 200 mg"])
    assert len([a for a in two.actions if a.code == "cyp3a_change"]) == 2, two.actions


def _adjuvant_abemaciclib_then(stop: str) -> dict[str, Any]:
    """7275v1: adjuvant abemaciclib + anastrozole for 11 months, stopped (``stop``), anastrozole
    going on, and relapse in the liver and bone 3 weeks later."""
    return patient(
        as_of="2025-02-10",
        relapsed_on="2025-01-20",
        metastatic_sites=["liver", "bone"],
        biomarkers=[
            result("ESR1", "not_detected", tested_on="2025-02-01"),
            *(
                on_tissue(result(g, "not_detected", tested_on="2025-02-01"))
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        treatments=[
            adjuvant(["abemaciclib", "anastrozole"], "2024-02-01", "2024-12-30", stop),
            adjuvant(["anastrozole"], "2024-12-31", "2025-01-20", "progression"),
        ],
    )


def test_relapse_weeks_after_an_adjuvant_cdk46i_stopped_for_toxicity_is_relapse_on_it() -> None:
    """7275v1 (MAJOR): 11 months of adjuvant abemaciclib stopped for diarrhoea, and relapse 3
    weeks later on the anastrozole that went on: the plan called the disease 'not known to be
    resistant' and preferred palbociclib + fulvestrant, where the same course completed (or
    progressed) puts chemotherapy first (rule 87). A relapse within 12 months of an adjuvant
    CDK4/6 inhibitor reads as relapse on it, however the course ended; the rechallenge
    caution still names the toxicity."""
    toxicity = resistx.sequence(_adjuvant_abemaciclib_then("toxicity"))
    completed = resistx.sequence(_adjuvant_abemaciclib_then("completed"))
    assert [o.regimen.id for o in toxicity.options[:3]] == [
        o.regimen.id for o in completed.options[:3]
    ], (toxicity.options[:3], completed.options[:3])
    assert toxicity.options[0].regimen.id == "chemotherapy"
    said = " ".join(r.text for o in toxicity.options for r in o.reasons)
    assert "not known to be resistant" not in said


def test_an_ongoing_cdk46i_course_is_not_said_to_have_ended_in_progression() -> None:
    """7281 (MINOR): first-line abemaciclib + anastrozole going on for 10.7 months: the note
    said 'the longest CDK4/6-inhibitor course that ended in progression ran 10.6 months', and
    nothing said the order would turn at a progression after 12 months. The note now says the
    course goes on, is counted to the plan's date, and when it reaches 12 months."""
    ongoing = {
        "drugs": ["abemaciclib", "anastrozole"],
        "line": 1,
        "started_on": "2025-03-20",
        "stop_reason": "ongoing",
    }
    here = plan(as_of="2026-02-10", treatments=[ongoing])
    [note] = [n for n in here.notes if "short_cdk46i_months" in n]
    assert "ended in progression" not in note, note
    assert "going on" in note and "2026-03-20" in note, note


def test_an_investigational_regimen_s_since_review_entry_says_it_has_no_approval() -> None:
    """7280 (MINOR): gedatolisib + fulvestrant, with no approval in the evidence pack, was
    'within a trial only at this plan's date' in the default plan's since-review section, as
    if an approval came later; a regimen approved after the plan's date keeps that wording."""
    ongoing = {
        "drugs": ["palbociclib", "letrozole"],
        "line": 1,
        "started_on": "2024-12-10",
        "stop_reason": "ongoing",
    }
    here = plan(
        as_of="2026-06-20",
        biomarkers=[result("ESR1", "mutated", tested_on="2026-06-05", variant="Y537S")],
        treatments=[ongoing],
    )
    [entry] = [e for e in here.since_review if e.regimen == "gedatolisib+fulvestrant"]
    assert "at this plan's date" not in entry.text and "investigational" in entry.text, entry


def _relapse_on_adjuvant_tamoxifen(**kw: Any) -> resistx.Plan:
    """7272: relapse 16 months into adjuvant tamoxifen, nothing yet for metastatic disease."""
    return plan(
        as_of="2025-01-05",
        biomarkers=[
            result("ESR1", "not_detected", tested_on="2024-12-20"),
            *(
                on_tissue(result(g, "not_detected", tested_on="2024-12-20"))
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        **{
            "treatments": [adjuvant(["tamoxifen"], "2023-08-01", "2024-12-10", "progression")],
            **kw,
        },
    )


def test_abemaciclib_with_letrozole_after_relapse_on_adjuvant_tamoxifen_is_outside_monarch3() -> (
    None
):
    """7272, 7272v1 (MINOR): after relapse on adjuvant tamoxifen, abemaciclib + letrozole was
    preferred as the review's first-line standard, though MONARCH-3 enrolled relapse more than
    12 months after any (neo)adjuvant endocrine therapy (MONALEESA-2 allowed it after
    tamoxifen). It is at best an alternative, saying so; ribociclib + letrozole is not held."""
    here = _relapse_on_adjuvant_tamoxifen()
    abema = option(here, "abemaciclib+letrozole")
    assert abema.tier is not resistx.Tier.PREFERRED, abema
    [said] = [r for r in abema.reasons if r.code == "outside_monarch3_entry"]
    assert "MONARCH-3" in said.text and said.rule == 157, said
    ribo = option(here, "ribociclib+letrozole")
    assert not [r for r in ribo.reasons if r.code == "outside_monarch3_entry"]


def test_before_the_menopause_the_first_line_trials_of_postmenopausal_women_are_not_preferred() -> (
    None
):
    """7279, 7272 (MINOR): before the menopause, ribociclib + fulvestrant was held to an
    alternative by its label while palbociclib + letrozole stayed preferred, though PALOMA-2
    (and MONARCH-3) enrolled postmenopausal women only; MONALEESA-7 gave ribociclib with an
    aromatase inhibitor before the menopause. The letrozole regimens' suppression caution cited
    PALOMA-3 and MONARCH-2 (fulvestrant's trials)."""
    here = _relapse_on_adjuvant_tamoxifen(
        menopausal_status="premenopausal",
        treatments=[adjuvant(["tamoxifen"], "2019-08-01", "2023-08-01", "completed")],
    )
    for rid, trial in (
        ("palbociclib+letrozole", "PALOMA-2"),
        ("abemaciclib+letrozole", "MONARCH-3"),
    ):
        o = option(here, rid)
        assert o.tier is not resistx.Tier.PREFERRED, o
        assert any(
            r.code == "first_line_postmenopausal_trial" and trial in r.text for r in o.reasons
        )
    ribo = option(here, "ribociclib+letrozole")
    assert ribo.tier is resistx.Tier.PREFERRED, ribo
    [caution] = [c for c in ribo.cautions if c.code == "ovarian_suppression_needed"]
    assert "MONALEESA-7" in caution.text and "PALOMA-3" not in caution.text, caution


def test_a_missing_line_1_beside_an_adjuvant_course_says_it_may_have_been_counted() -> None:
    """7277v1 (MINOR): the first metastatic course numbered 2, adjuvant tamoxifen counted as
    line 1: the action said line 1 was missing, with no word that lines count metastatic
    treatment only."""
    here = plan(
        treatments=[
            adjuvant(["tamoxifen"], "2018-01-01", "2022-12-01"),
            dict(PALBOCICLIB, line=2),
        ],
    )
    [action] = [a for a in here.actions if a.code == "record_missing_lines"]
    assert "renumber the metastatic lines from 1" in action.text, action
    alone = plan(treatments=[dict(PALBOCICLIB, line=2)])
    [plain] = [a for a in alone.actions if a.code == "record_missing_lines"]
    assert "(neo)adjuvant" not in plain.text, plain


def test_tied_in_a_crisis_the_option_its_label_also_holds_back_comes_after() -> None:
    """7299 (MINOR): a germline BRCA2 mutation, no chemotherapy yet, a visceral crisis:
    olaparib (its US label asks for prior chemotherapy: at best an alternative) ranked above
    talazoparib by their ids, both later and tied in score, against olaparib's own reason."""
    here = plan(
        visceral_crisis=True,
        biomarkers=[
            *ESR1_MUTATED[1:],
            result("ESR1", "not_detected"),
            result("BRCA2", "mutated", origin="germline", classification="pathogenic"),
        ],
    )
    assert rank(here, "talazoparib") < rank(here, "olaparib"), here.options


@pytest.mark.parametrize(
    "course",
    [
        dict(FULVESTRANT_AS_LINE_2, drugs=["capecitabine"]),
        dict(
            FULVESTRANT_AS_LINE_2,
            drugs=["capecitabine"],
            stop_reason="toxicity",
            toxicity="palmar-plantar erythrodysesthesia",
        ),
    ],
    ids=["progressed", "stopped-for-ppe"],
)
def test_oral_only_chemotherapy_after_capecitabine_is_not_preferred_in_a_crisis(
    course: dict[str, Any],
) -> None:
    """The recheck's 7300j, 7300k (MAJOR): in a crisis with infusions declined, after
    progression on capecitabine (or its stop for hand-foot syndrome), chemotherapy 'by its oral
    agents only' was preferred and capecitabine named nowhere: as with a contraindication, at
    best an alternative, and the refusal revisited before choosing. Several reasons are all
    named (the recheck's 7300d)."""
    here = plan(
        {"declines": ["intravenous"]},
        treatments=[PALBOCICLIB, course],
        comorbidities=[SEVERE_RENAL, DPD],
        **CRISIS,
    )
    chemo = option(here, "chemotherapy")
    assert chemo.tier is resistx.Tier.ALTERNATIVE, chemo
    [said] = [r for r in chemo.reasons if r.code == "declined_route_no_standard_agent"]
    assert "capecitabine" in said.text and "DPD" in said.text and "24 mL/min" in said.text
    assert ("progression" in said.text) or ("toxicity" in said.text), said
    [action] = [a for a in here.actions if a.code == "revisit_refusal_in_crisis"]
    assert "DPD" in action.text and "capecitabine" in action.text, action


def test_the_note_on_an_adjuvant_cdk46i_stopped_for_toxicity_does_not_call_it_completed() -> None:
    """The recheck's 7340 (MINOR): 'Relapse within 12 months of completing (neo)adjuvant
    abemaciclib' for a course stopped for diarrhoea."""
    here = resistx.sequence(_adjuvant_abemaciclib_then("toxicity"))
    [note] = [n for n in here.notes if "read as progression on it" in n]
    assert "stopped for toxicity" in note and "completing" not in note, note


def test_a_booster_and_its_protease_inhibitor_on_two_lines_are_one_strong_inhibitor() -> None:
    """The recheck (MINOR): darunavir and ritonavir written on two lines gave two actions."""
    here = plan(biomarkers=ESR1_MUTATED, medications=["darunavir 800 mg daily", "ritonavir 100 mg"])
    assert len([a for a in here.actions if a.code == "cyp3a_change"]) == 1, here.actions


def test_a_lowered_short_course_threshold_that_moves_the_plan_says_so() -> None:
    """The recheck's 7347b (MINOR): with short_cdk46i_months lowered to 4, a 5-month course was
    not short and the note said only that the threshold could be raised."""
    five = dict(PALBOCICLIB, started_on="2024-10-20")
    here = plan({"short_cdk46i_months": 4}, biomarkers=ESR1_MUTATED, treatments=[five])
    [note] = [n for n in here.notes if "short_cdk46i_months" in n]
    assert "lowered" in note and "default 6" in note, note


def test_a_raised_threshold_on_an_ongoing_course_keeps_the_ongoing_wording() -> None:
    """The recheck's 7346a (MINOR): raised above an ongoing course's 11.5 months, the note said
    the course 'ended in progression' and lost the 12-month date."""
    ongoing = {
        "drugs": ["abemaciclib", "anastrozole"],
        "line": 1,
        "started_on": "2025-03-20",
        "stop_reason": "ongoing",
    }
    here = plan({"short_cdk46i_months": 13}, as_of="2026-03-05", treatments=[ongoing])
    [note] = [n for n in here.notes if "short_cdk46i_months" in n]
    assert "ended in progression" not in note and "2026-03-20" in note, note


def test_monaleesa7_s_gain_is_not_cited_for_ribociclib_with_exemestane() -> None:
    """The recheck's 7345a (MINOR): before the menopause ribociclib + exemestane was preferred
    on MONALEESA-7's survival gain, a trial of a nonsteroidal aromatase inhibitor or tamoxifen,
    while its own reason said exemestane comes after them."""
    here = _relapse_on_adjuvant_tamoxifen(
        menopausal_status="premenopausal",
        treatments=[adjuvant(["tamoxifen"], "2019-08-01", "2023-08-01", "completed")],
    )
    exemestane = option(here, "ribociclib+exemestane")
    assert not [r for r in exemestane.reasons if r.code == "monaleesa7_premenopausal"]
    letrozole = option(here, "ribociclib+letrozole")
    assert [r for r in letrozole.reasons if r.code == "monaleesa7_premenopausal"]


def test_a_line_continued_past_a_progression_is_not_said_to_have_none_on_record() -> None:
    """7408b (MINOR): ribociclib + letrozole progressed on 2026-04-20 and restarted the next day
    (oligoprogression treated locally): the action said 'with no progression on record'."""
    first = dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"], started_on="2023-06-01")
    first["ended_on"] = "2026-04-20"
    again = {
        "drugs": ["ribociclib", "letrozole"],
        "line": 1,
        "started_on": "2026-04-21",
        "stop_reason": "ongoing",
    }
    here = plan(as_of="2026-05-20", treatments=[first, again])
    [action] = [a for a in here.actions if a.code == "ongoing_course"]
    assert "since the one of 2026-04-20" in action.text, action


def test_trastuzumab_deruxtecan_s_ecog_2_sentence_reads_as_one_entry() -> None:
    """7402, 7406 (MINOR): at ECOG 2 the reason read 'DESTINY-Breast06 enrolled ECOG 0-1 (2 or
    more endocrine lines, ...)', as if the lines explained the ECOG."""
    here = resistx.sequence(
        patient(
            ecog=2,
            her2="low",
            biomarkers=TISSUE_NEGATIVE_7260,
            treatments=[PALBOCICLIB, dict(FULVESTRANT_AS_LINE_2)],
        ),
        policy="practice-2026",
    )
    said = " ".join(r.text for r in option(here, "trastuzumab-deruxtecan").reasons)
    assert "ECOG 0-1 (2 or more" not in said and "ECOG 0-1, after 2 or more" in said, said


def test_abemaciclib_with_letrozole_after_a_late_relapse_off_tamoxifen_is_not_held_back() -> None:
    """Rule 157 reads endocrine resistance only: relapse years after adjuvant tamoxifen was
    completed is MONARCH-3's population (deleting the rule's condition had failed no test)."""
    here = _relapse_on_adjuvant_tamoxifen(
        treatments=[adjuvant(["tamoxifen"], "2017-08-01", "2022-08-01", "completed")],
    )
    abema = option(here, "abemaciclib+letrozole")
    assert not [r for r in abema.reasons if r.code == "outside_monarch3_entry"], abema.reasons
