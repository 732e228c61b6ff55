"""Scenario tests for the findings of the blind reviews from case 1532 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: rechecks of session 47's fixes
(1532-1536), ordinary cases (1537-1541), records as a clinic keeps them (1542-1546),
comorbidities and frailty (1547-1551) and the evidence after the review (1552-1556)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import resistx
from resistx.display import text as display_text
from tests.helpers import result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

POLICIES = ("ye2024", "practice-2026")
_NEGATIVE = [
    result(g, "not_detected", tested_on="2026-11-20", sample="ctdna", tumour_fraction=0.07)
    for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
]


def _names(plan: resistx.Plan) -> list[str]:
    return [o.regimen.id for o in plan.options]


def _with_mds(*comorbidities: Any) -> dict[str, Any]:
    """Case 1549: a germline BRCA1 carrier with therapy-related MDS, after 41 months of
    palbociclib + letrozole, nothing actionable in ctDNA, HER2 0."""
    return _woman(
        "2026-12-03",
        [*_NEGATIVE, result("BRCA1", "mutated", origin="germline", tested_on="2015-03-01")],
        _course(["palbociclib", "letrozole"], "2023-05-01", "2026-10-20", "progression", line=1),
        her2="0",
        comorbidities=["myelodysplastic_syndrome", *comorbidities],
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("cytopenia", [(), ({"name": "cytopenia", "grade": 2},)])
def test_a_myelodysplastic_syndrome_puts_the_options_that_lower_blood_counts_after_the_others(
    policy: str, cytopenia: tuple[Any, ...]
) -> None:
    """Case 1549 (MAJOR): with therapy-related MDS on record, chemotherapy was preferred first
    and sacituzumab govitecan third, ahead of fulvestrant, the MDS read only to leave out the
    PARP inhibitors. A failing, pre-leukaemic marrow puts every option that lowers blood counts
    after those without that risk, as a grade 3 cytopenia does, and asks a haematologist."""
    plan = _planned(_with_mds(*cytopenia), policy)
    names = _names(plan)
    first_myelosuppressive = min(
        names.index(r) for r in names if r == "chemotherapy" or "ciclib" in r or "tecan" in r
    )
    assert names.index("fulvestrant") < first_myelosuppressive
    chemo = next(o for o in plan.options if o.regimen.id == "chemotherapy")
    assert any("myelodysplastic syndrome" in r.text for r in chemo.reasons)
    assert chemo.tier is not resistx.Tier.PREFERRED
    action = next(a for a in plan.actions if a.code == "myelodysplasia_haematology")
    assert action.before_choosing


def _progressed_undated(started_on: str, *biomarkers: dict[str, Any]) -> dict[str, Any]:
    """Case 1542: first-line ribociclib + letrozole begun on ``started_on``, a CT last week
    showing progression, the course recorded as ended by progression with no end date."""
    course = _course(["ribociclib", "letrozole"], started_on, None, "progression", line=1)
    return _woman("2026-12-03", [*(biomarkers or _NEGATIVE)], course, her2="low")


@pytest.mark.parametrize("policy", POLICIES)
def test_a_progression_with_no_end_date_within_months_of_the_start_is_a_short_course(
    policy: str,
) -> None:
    """Case 1542 (MAJOR): a CDK4/6 inhibitor begun 4.5 months before the decision date,
    recorded as ended by progression with no end date, was read as of unknown length and an
    endocrine line came first; the course cannot have run longer than the span from its
    start to the decision date, so it is short (rule 18), as the same course ongoing is."""
    plan = _planned(_progressed_undated("2026-07-20"), policy)
    codes = {r.code for o in plan.options for r in o.reasons}
    assert {
        "short_cdk46i_endocrine_resistance",
        "short_cdk46i_prefers_chemotherapy_or_adc",
    } <= codes
    first = plan.options[0].regimen.id
    assert first in {"chemotherapy", "trastuzumab-deruxtecan"}
    assert not any("no months and no dates" in n for n in plan.notes)
    said = [r.text for r in plan.options[0].reasons]
    assert any(t.startswith("Only at most 4.4 months on the CDK4/6 inhibitor") for t in said)


def test_a_long_start_with_no_end_date_says_the_end_date_is_missing_not_the_dates() -> None:
    """Case 1542: begun 31 months ago with no end date, the course may have run any time up to
    that; the note said 'no months and no dates', false with the start on record."""
    plan = _planned(_progressed_undated("2024-05-06"))
    note = next(n for n in plan.notes if "Time on the CDK4/6 inhibitor is unknown" in n)
    assert "begun on 2024-05-06" in note
    assert "no months and no dates" not in note


def test_a_cdk46i_never_given_is_not_said_to_have_progressed() -> None:
    """Cases 1539 and 1555 (MINOR): after palbociclib + anastrozole and capivasertib +
    fulvestrant, abemaciclib + fulvestrant's reason said 'every part of it has progressed',
    false of abemaciclib, never given: its class has."""
    data = _woman(
        "2026-12-03",
        [result("PIK3CA", "mutated", tested_on="2026-11-20"), *_NEGATIVE[:1]],
        _course(["palbociclib", "anastrozole"], "2022-06-01", "2024-09-01", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2024-09-20", "2026-11-10", "progression", line=2),
        her2="0",
    )
    plan = _planned(data)
    option = next(o for o in plan.options if o.regimen.id == "abemaciclib+fulvestrant")
    text = next(r.text for r in option.reasons if r.code == "nothing_new_after_progression")
    assert "every part of it has progressed" not in text
    assert "that drug itself was not given" in text


def _relapse_after_letrozole(**kw: Any) -> dict[str, Any]:
    """Case 1553: adjuvant letrozole completed on 2025-11-25, a relapse found on CT on
    2026-10-28 (11 months on), a tissue PIK3CA E545K, nothing yet for metastatic disease,
    the board on 2026-12-03 (12.3 months after letrozole ended)."""
    letrozole = {
        "drugs": ["letrozole"],
        "setting": "adjuvant",
        "started_on": "2020-11-25",
        "ended_on": "2025-11-25",
        "stop_reason": "completed",
    }
    found = result("PIK3CA", "mutated", tested_on="2026-11-05", sample="tissue", variant="E545K")
    negative = [result(g, "not_detected", tested_on="2026-11-05") for g in ("ESR1", "AKT1", "PTEN")]
    return _woman("2026-12-03", [found, *negative], letrozole, her2="low", **kw)


def test_a_relapse_within_12_months_of_adjuvant_letrozole_is_measured_to_its_own_date() -> None:
    """Case 1553 (MAJOR): with no field for the date of relapse, a relapse 11 months after
    adjuvant letrozole ended, seen at a board a month later, was measured to the decision date
    (12.3 months): letrozole came first with abemaciclib, and the inavolisib triplet, with
    INAVO120's survival benefit, was left out. ``relapsed_on`` records it."""
    plan = _planned(_relapse_after_letrozole(relapsed_on="2026-10-28"), "practice-2026")
    assert plan.options[0].regimen.id == "inavolisib+palbociclib+fulvestrant"
    assert "inavolisib+palbociclib+fulvestrant" not in {e.regimen.id for e in plan.excluded}
    later = _planned(_relapse_after_letrozole(relapsed_on="2026-11-30"), "practice-2026")
    assert "inavolisib+palbociclib+fulvestrant" in {e.regimen.id for e in later.excluded}


def test_a_relapse_date_after_a_metastatic_course_began_is_refused() -> None:
    """``relapsed_on`` after a course for metastatic disease began contradicts the record."""
    data = _relapse_after_letrozole(relapsed_on="2026-11-20")
    data["treatments"].append(
        _course(["palbociclib", "letrozole"], "2026-11-10", None, "ongoing", line=1)
    )
    with pytest.raises(resistx.ProfileError, match=r"relapsed_on 2026-11-20 is after"):
        resistx.load_profile(data)


def _goserelin_stopped(status: str) -> dict[str, Any]:
    """Case 1573: a 38-year-old on goserelin (a course of its own) with ribociclib + letrozole
    in the first line; goserelin stopped at her request 4.5 months before the progression;
    nothing actionable; menopausal status ``status``."""
    return _woman(
        "2026-12-03",
        [*_NEGATIVE, result("BRCA1", "not_detected", origin="germline", tested_on="2024-01-10")],
        _course(["goserelin"], "2024-02-01", "2026-06-15", "patient_choice", line=1),
        _course(["ribociclib", "letrozole"], "2024-02-01", "2026-10-28", "progression", line=1),
        her2="0",
        menopausal_status=status,
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_gnrh_agonist_stopped_before_the_latest_course_ended_reads_an_unknown_status_as_premenopausal(
    policy: str,
) -> None:
    """Case 1573 (MAJOR): goserelin stopped before letrozole did, menopausal status unknown:
    the plan read her as postmenopausal, so no aromatase-inhibitor or fulvestrant option said
    it needs ovarian suppression and the ovarian-escape question was not asked, as it is with
    'premenopausal' recorded. A GnRH agonist given with the latest course is given to suppress
    working ovaries: the status still unknown, she is read as before the menopause."""
    plan = _planned(_goserelin_stopped("unknown"), policy)
    codes = {a.code for a in plan.actions if a.before_choosing}
    assert {"ovarian_suppression_stopped", "establish_menopausal_status"} <= codes
    fulvestrant = next(o for o in plan.options if o.regimen.id == "fulvestrant")
    assert "ovarian_suppression_needed" in {c.code for c in fulvestrant.cautions}
    status = next(a for a in plan.actions if a.code == "establish_menopausal_status")
    assert "reads the patient as premenopausal" in status.text
    assert "stopped" in status.text
    assert not any("read as postmenopausal" in n for n in plan.notes)
    assert any("a GnRH agonist stopped before the latest course ended" in n for n in plan.notes)


def _capivasertib_stopped_for(event: str) -> dict[str, Any]:
    """Case 1533: relapse on adjuvant letrozole, ribociclib + fulvestrant for 27 months,
    elacestrant to progression, then capivasertib + fulvestrant stopped after 6 weeks for
    ``event``; PIK3CA H1047R and ESR1 Y537S; HER2-low."""
    return _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-20", variant="H1047R"),
            result("ESR1", "mutated", tested_on="2026-11-20", variant="Y537S"),
        ],
        _course(["ribociclib", "fulvestrant"], "2022-01-10", "2024-04-20", "progression", line=1),
        _course(["elacestrant"], "2024-05-01", "2026-09-20", "progression", line=2),
        _course(
            ["capivasertib", "fulvestrant"],
            "2026-10-01",
            "2026-11-12",
            "toxicity",
            line=3,
            toxicity=event,
        ),
        her2="low",
    )


@pytest.mark.parametrize(
    "event", ["Stevens-Johnson syndrome", "DRESS", "toxic epidermal necrolysis"]
)
def test_a_severe_cutaneous_reaction_on_capivasertib_is_recorded_and_steps_alpelisib_back(
    event: str,
) -> None:
    """Case 1533 (MAJOR): a severe cutaneous adverse reaction on capivasertib could not be
    recorded ('not an adverse event resistx knows'); recorded as a rash, alpelisib + fulvestrant
    came first with no word of it. Now taken, it leaves capivasertib out (its label stops it for
    good) and puts alpelisib, whose label warns of the same reactions, after the options
    without that risk, with a caution naming the reaction."""
    plan = _planned(_capivasertib_stopped_for(event))
    assert "capivasertib+fulvestrant" in {e.regimen.id for e in plan.excluded}
    alpelisib = next(o for o in plan.options if o.regimen.id == "alpelisib+fulvestrant")
    assert alpelisib.tier is resistx.Tier.LATER
    assert plan.options[0].regimen.id != "alpelisib+fulvestrant"
    assert any("severe cutaneous adverse reaction" in c.text for c in alpelisib.cautions)


def test_a_grade_3_rash_on_capivasertib_is_recorded_and_cautions_alpelisib() -> None:
    """Case 1533: 'grade 3 rash' was refused; it is a severe rash, which cautions the other
    PI3K/AKT inhibitor (not a step back: the labels manage a rash by holding the dose)."""
    plan = _planned(_capivasertib_stopped_for("grade 3 rash"))
    alpelisib = next(o for o in plan.options if o.regimen.id == "alpelisib+fulvestrant")
    assert any("severe rash" in c.text for c in alpelisib.cautions)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_relapse_date_left_out_where_the_window_after_an_adjuvant_ai_turns_on_it_is_asked(
    policy: str,
) -> None:
    """Cases 1553 and 1567 (MAJOR): adjuvant letrozole ended 12.3 months before the board and
    the relapse date not recorded: the window was measured to the decision date, silently, and
    the plan said 'nor relapse within 12 months of one'. The plan now asks for the date before
    choosing; once recorded, the question goes."""
    plan = _planned(_relapse_after_letrozole(), policy)
    action = next(a for a in plan.actions if a.code == "date_relapse")
    assert action.before_choosing
    assert "relapsed_on" in action.text and "2025-11-25" in action.text
    dated = _planned(_relapse_after_letrozole(relapsed_on="2026-10-28"), policy)
    assert "date_relapse" not in {a.code for a in dated.actions}


@pytest.mark.parametrize("as_of", ["2026-09-25", "2028-03-01"])
def test_a_relapse_within_the_window_by_the_decision_or_years_after_it_asks_no_date(
    as_of: str,
) -> None:
    """The other sides: a board 10 months after letrozole ended has the relapse within the
    window whatever its date, and one more than 24 months after asks nothing (a relapse is
    decided on within months, not years)."""
    data = _relapse_after_letrozole()
    data["as_of"] = as_of
    data["biomarkers"] = [dict(r, tested_on="2026-09-20") for r in data["biomarkers"]]
    plan = _planned(data)
    assert "date_relapse" not in {a.code for a in plan.actions}


def test_prostap_is_read_as_leuprorelin() -> None:
    """Case 1574 (MINOR): 'Prostap', the common UK brand of leuprorelin, was refused."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(
            ["Prostap", "palbociclib", "anastrozole"], "2025-01-10", "2026-11-01", "progression"
        ),
        menopausal_status="premenopausal",  # on it (case 2570c: not 'postmenopausal')
    )
    treatment = resistx.load_profile(data).treatments[0]
    assert "leuprolide" in treatment.drugs


def _capecitabine_in_cycles(*ends: str) -> dict[str, Any]:
    """Case 1588: de novo disease, palbociclib + letrozole for 49 months, then capecitabine as
    an EHR export gives it: each cycle a course of its own, no line numbers, each 'completed'
    but the last, which ended in progression; HER2-low."""
    cycles = []
    for k, end in enumerate(ends):
        start = (dt.date.fromisoformat(end) - dt.timedelta(days=14)).isoformat()
        stop = "progression" if k == len(ends) - 1 else "completed"
        cycles.append(
            {"drugs": ["capecitabine"], "started_on": start, "ended_on": end, "stop_reason": stop}
        )
    return _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["palbociclib", "letrozole"], "2021-05-01", "2025-06-01", "progression"),
        *cycles,
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_chemotherapy_cycles_recorded_as_courses_are_one_line(policy: str) -> None:
    """Case 1588 (MAJOR): eight capecitabine cycles exported as eight unnumbered courses were
    counted as eight chemotherapy lines, making sacituzumab govitecan (TROPiCS-02: after 2-4
    lines) preferred after one. The same drugs resumed within 62 days of a course that did not
    end in progression continue its line, as a CDK4/6 inhibitor's hold does."""
    ends = ["2025-06-29", "2025-07-20", "2025-08-10", "2025-09-07", "2025-09-28"]
    plan = _planned(_capecitabine_in_cycles(*ends), policy)
    sg = next(o for o in plan.options if o.regimen.id == "sacituzumab-govitecan")
    assert sg.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert not any("5 prior chemotherapy" in r.text for o in plan.options for r in o.reasons)


def test_a_myelodysplastic_syndrome_in_a_visceral_crisis_does_not_set_the_conjugates_back() -> None:
    """Case 1578b (MAJOR): with MDS and a visceral crisis, trastuzumab deruxtecan fell from
    second to seventh, behind endocrine monotherapy, while chemotherapy, which lowers counts
    more, was exempt. The crisis's cytotoxic options are not set back for the MDS; the
    haematologist's view comes beside the urgent treatment, not before it."""
    data = _with_mds()
    data.update(her2="low", visceral_crisis=True)
    plan = _planned(data)
    names = _names(plan)
    assert names[0] == "chemotherapy"
    assert names.index("trastuzumab-deruxtecan") < names.index("fulvestrant")
    action = next(a for a in plan.actions if a.code == "myelodysplasia_haematology")
    assert not action.before_choosing and "never delaying it" in action.text


def test_the_text_plan_shows_why_a_myelodysplastic_syndrome_set_an_option_back() -> None:
    """Case 1578a (MINOR): rule 111's reason was in the JSON only; the text said of
    chemotherapy 'No rule moved it for this patient'."""
    text = display_text.plan(_planned(_with_mds()), width=1000)
    assert "a marrow at risk" in text


def _tamoxifen_then_relapse(**kw: Any) -> dict[str, Any]:
    """Case 1577d: adjuvant tamoxifen ended 2025-11-20, a relapse about 11 months later, a
    PIK3CA H1047R, nothing yet for metastatic disease, the board on 2026-12-03."""
    tamoxifen = {
        "drugs": ["tamoxifen"],
        "setting": "adjuvant",
        "started_on": "2020-11-20",
        "ended_on": "2025-11-20",
        "stop_reason": "completed",
    }
    found = result("PIK3CA", "mutated", tested_on="2026-11-05", sample="tissue", variant="H1047R")
    return _woman("2026-12-03", [found, *_NEGATIVE[:1]], tamoxifen, her2="0", **kw)


def test_inavo120s_triplet_waits_on_a_relapse_date_not_recorded() -> None:
    """Case 1577d (MAJOR): with the relapse date not recorded and the board 12.4 months after
    tamoxifen ended, practice-2026 left the inavolisib triplet out, 'not this patient': the
    record could not tell. It now waits on the date of relapse (rule 125 asks for it)."""
    plan = _planned(_tamoxifen_then_relapse(), "practice-2026")
    triplet = next(o for o in plan.options if o.regimen.id == "inavolisib+palbociclib+fulvestrant")
    assert triplet.waits_on == ("the date of relapse",)
    assert "date_relapse" in {a.code for a in plan.actions if a.before_choosing}
    dated = _planned(_tamoxifen_then_relapse(relapsed_on="2026-10-25"), "practice-2026")
    assert dated.options[0].regimen.id == "inavolisib+palbociclib+fulvestrant"


def test_a_long_cdk46i_course_with_no_end_date_asks_for_it_before_choosing() -> None:
    """Case 1579c (MAJOR): a CDK4/6 inhibitor begun two years ago, progressed, no end date:
    only a note said the time was unknown, yet the date decides the first option (3 months
    would be primary resistance). The plan now asks for it before choosing."""
    plan = _planned(_progressed_undated("2024-12-01"), "practice-2026")
    action = next(a for a in plan.actions if a.code == "date_cdk46i_progression")
    assert action.before_choosing and "DESTINY-Breast06" in action.text
    short = _planned(_progressed_undated("2026-08-01"), "practice-2026")
    assert "date_cdk46i_progression" not in {a.code for a in short.actions}


def _heart_failure(*cardiac: Any) -> dict[str, Any]:
    """Case 1618: 79, ischaemic heart failure (NYHA II), HER2-low, palbociclib + letrozole for
    27 months then capecitabine for 20, nothing actionable, germline negative."""
    germline = [
        result(g, "not_detected", origin="germline", tested_on="2024-03-01")
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    return _woman(
        "2026-12-03",
        [*_NEGATIVE, *germline],
        _course(["palbociclib", "letrozole"], "2022-05-01", "2024-08-01", "progression", line=1),
        _course(["capecitabine"], "2024-08-20", "2026-11-10", "progression", line=2),
        her2="low",
        comorbidities=list(cardiac),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_heart_failure_with_a_reduced_lvef_sets_trastuzumab_deruxtecan_back(policy: str) -> None:
    """Case 1618 (MAJOR): heart failure with an LVEF of 40% put trastuzumab deruxtecan first and
    preferred with a rate-only caution; its label was not studied below an LVEF of 50% and
    stops it for good in symptomatic heart failure. An LVEF can now be recorded; under 50% the
    drug is a relative contraindication, and with cardiac disease and no LVEF it is at best an
    alternative while the plan asks for one."""
    low = _planned(_heart_failure({"name": "cardiac_disease", "lvef": 40}), policy)
    tdxd = next(o for o in low.options if o.regimen.id == "trastuzumab-deruxtecan")
    assert tdxd.tier is resistx.Tier.LATER and low.options[0].regimen.id != tdxd.regimen.id
    assert any("LVEF of 40%" in r.text for r in tdxd.reasons)
    # a relative contraindication: after every option that neither waits on a test nor is one
    # (ribociclib's, rule 12's for cardiac disease)
    names = _names(low)
    clear = [
        o.regimen.id
        for o in low.options
        if not o.waits_on and not o.regimen.id.startswith(("ribociclib", "trastuzumab"))
    ]
    assert names.index(tdxd.regimen.id) > max(names.index(n) for n in clear)
    unknown = _planned(_heart_failure("heart failure"), policy)
    tdxd = next(o for o in unknown.options if o.regimen.id == "trastuzumab-deruxtecan")
    assert tdxd.tier is not resistx.Tier.PREFERRED
    action = next(a for a in unknown.actions if a.code == "measure_lvef")
    assert action.before_choosing
    kept = _planned(_heart_failure({"name": "cardiac_disease", "lvef": 55}), policy)
    assert kept.options[0].regimen.id == "trastuzumab-deruxtecan"
    assert "measure_lvef" not in {a.code for a in kept.actions}


@pytest.mark.parametrize(
    "event",
    ["rash", "maculopapular rash", "grade 3 maculopapular rash", "rash, grade 2", "CTCAE G3 rash"],
)
def test_a_rash_that_stopped_capivasertib_cautions_alpelisib_however_it_is_written(
    event: str,
) -> None:
    """Case 1606 (MINOR, borderline): 'grade 3 maculopapular rash' was refused, and a rash
    recorded without its grade, as clinics write it, gave the other inhibitor no word of it."""
    plan = _planned(_capivasertib_stopped_for(event))
    alpelisib = next(o for o in plan.options if o.regimen.id == "alpelisib+fulvestrant")
    assert any("capivasertib before for a" in c.text for c in alpelisib.cautions)


def test_an_invalid_her2_test_is_the_only_problem_reported_not_a_missing_her2() -> None:
    """Cases 1583, 1616, 1636 (MINOR): a HER2 test with an invalid site or score also reported
    '$.her2: required field missing', a knock-on of the test's own error."""
    data = _woman("2026-12-03", _NEGATIVE)
    del data["her2"]
    data["her2_tests"] = [{"score": "1+", "sample": "tissue", "site": "bone"}]
    with pytest.raises(resistx.ProfileError) as raised:
        resistx.load_profile(data)
    message = str(raised.value)
    assert "her2_tests[0].site" in message
    assert "$.her2:" not in message


@pytest.mark.parametrize("written", ["HFmrEF", "HFrEF", "CHF", "cardiomyopathy"])
def test_a_cardiology_letters_words_for_heart_failure_are_cardiac_disease(written: str) -> None:
    """Case 1639 (MAJOR): 'HFmrEF' and the like were sent to other_conditions, where nothing
    reads them, and trastuzumab deruxtecan came first; they are cardiac disease, and with the
    LVEF the text plan says why the drug is set back (rule 126's reason was in the JSON only)."""
    plan = _planned(_heart_failure({"name": written, "lvef": 45}), "practice-2026")
    tdxd = next(o for o in plan.options if o.regimen.id == "trastuzumab-deruxtecan")
    assert tdxd.tier is resistx.Tier.LATER
    assert "Cardiac disease with an LVEF of 45%" in display_text.plan(plan, width=1000)


def test_a_month_only_date_is_refused_with_what_to_do() -> None:
    """Case 1638 (MAJOR, in part): 'relapsed_on': '2025-06' was refused with 'expected a date
    as YYYY-MM-DD' only, though the day can decide a 12-month window; the refusal now says so."""
    data = _relapse_after_letrozole(relapsed_on="2026-10")
    with pytest.raises(resistx.ProfileError, match="the month '2026-10' only: give the day"):
        resistx.load_profile(data)


def _letrozole_through_a_hold(
    tests: list[dict[str, Any]], start: str, stop: str, toxicity: str
) -> dict[str, Any]:
    """Ribociclib + letrozole, ribociclib stopped for ``toxicity`` and letrozole going on alone
    (recorded as profile.md asks for a partner through a hold), a germline BRCA1 negative."""
    germline = result("BRCA1", "not_detected", origin="germline", tested_on="2026-06-01")
    return _woman(
        "2026-12-03",
        [*tests, germline],
        _course(["ribociclib"], start, stop, "toxicity", line=1, toxicity=toxicity),
        _course(["letrozole"], start, None, "ongoing", line=1),
        her2="0",
    )


def test_letrozole_going_on_through_a_cdk46i_stopped_for_toxicity_is_not_read_as_progressed() -> (
    None
):
    """Case 1647 (MAJOR): ribociclib + letrozole, ribociclib stopped after 6 weeks for QT
    prolongation, letrozole going on alone with no progression (recorded as profile.md asks for
    a partner through a hold): the ongoing letrozole was read as progressed, the aromatase
    inhibitor doublets left out as 'resistant', and the plan told the clinician to go on with
    letrozole alone. No progression is on record: another CDK4/6 inhibitor with the letrozole
    comes first now."""
    data = _letrozole_through_a_hold(_NEGATIVE, "2026-07-06", "2026-08-17", "qt prolongation")
    plan = _planned(data)
    assert plan.options[0].regimen.id in {"abemaciclib+letrozole", "palbociclib+letrozole"}
    assert "abemaciclib+letrozole" not in {e.regimen.id for e in plan.excluded}
    # the plan says the letrozole goes on (case 1653)
    assert any(n.startswith("letrozole goes on through the hold of ribociclib") for n in plan.notes)


def test_the_same_chemotherapy_resumed_after_a_long_hold_for_toxicity_is_one_line() -> None:
    """Case 1629d/f (MAJOR): capecitabine held 70 days for hand-foot syndrome, then resumed,
    was counted as a second chemotherapy line (62 days is the cycles' gap); a hold for toxicity
    continues the line however long it is, with no progression between."""
    cycles = _capecitabine_in_cycles("2025-07-01", "2025-10-01")
    first = cycles["treatments"][1]
    first.update(stop_reason="toxicity", toxicity="palmar-plantar erythrodysesthesia")
    second = cycles["treatments"][2]
    second.update(started_on="2025-12-10", ended_on="2026-06-01")
    plan = _planned(cycles)
    assert any("1 prior chemotherapy line" in r.text for o in plan.options for r in o.reasons)
    assert not any("2 prior chemotherapy" in r.text for o in plan.options for r in o.reasons)


def test_sacituzumab_govitecans_neutropenia_caution_does_not_say_after_a_first() -> None:
    """Case 1651 (MAJOR): two febrile neutropenias on sacituzumab govitecan, the plan kept it
    first saying the label gives it again 'after a first' one; the record does not count them,
    and the caution now says the label's steps and asks for the count."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["palbociclib", "letrozole"], "2021-01-10", "2023-06-01", "progression", line=1),
        _course(["capecitabine"], "2023-06-20", "2024-06-01", "progression", line=2),
        _course(["paclitaxel"], "2024-06-20", "2025-09-01", "progression", line=3),
        _course(
            ["sacituzumab govitecan"],
            "2025-09-20",
            "2025-10-20",
            "toxicity",
            line=4,
            toxicity="febrile neutropenia",
        ),
        her2="0",
    )
    sg = next(o for o in _planned(data).options if o.regimen.id == "sacituzumab-govitecan")
    said = " ".join(c.text for c in sg.cautions)
    assert "after a first" not in said and "count the occurrences" in said


def test_rule_32_does_not_give_postmonarchs_result_as_this_patients_after_fulvestrant() -> None:
    """Cases 1524 and 1658 (MINOR here): after ribociclib + fulvestrant, rule 32's reasons
    quoted postMONARCH (a CDK4/6 inhibitor with an aromatase inhibitor) as if she were in its
    population; the reason now says its result is extended to her, not shown."""
    data = _woman(
        "2026-12-03",
        [*_NEGATIVE, result("BRCA1", "not_detected", origin="germline", tested_on="2025-01-01")],
        {
            "drugs": ["anastrozole"],
            "setting": "adjuvant",
            "started_on": "2020-01-01",
            "ended_on": "2025-01-01",
            "stop_reason": "progression",
        },
        _course(["ribociclib", "fulvestrant"], "2025-01-20", "2026-11-01", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    texts = [r.text for o in plan.options for r in o.reasons if r.rule == 32]
    # chemotherapy's and the ADCs' reasons after fulvestrant give no postMONARCH result at all,
    # claiming no order beside the endocrine lines left (9669)
    assert texts and all(
        "outside its population" in t or ("no order" in t and "6.0 vs 5.3" not in t) for t in texts
    )


def test_heart_failure_named_twice_reads_the_recorded_lvef() -> None:
    """Case 1652d (MAJOR): 'HFrEF' and cardiac_disease with an LVEF of 38% were both accepted
    and only the first read: the plan said the LVEF was not on record and put trastuzumab
    deruxtecan first. The entry with the lowest LVEF recorded is read."""
    both = _heart_failure("HFrEF", {"name": "cardiac_disease", "lvef": 38})
    plan = _planned(both, "practice-2026")
    # under 40%, its label stops it for good: left out (case 4592a)
    (tdxd,) = [e for e in plan.excluded if e.regimen.id == "trastuzumab-deruxtecan"]
    assert any(r.rule == 126 and "38%" in r.text for r in tdxd.reasons)
    assert "measure_lvef" not in {a.code for a in plan.actions}


def test_a_her2_test_dated_after_the_decision_is_refused() -> None:
    """Case 1656e (MINOR): a HER2 test dated after as_of was accepted, as no other date is."""
    data = _woman("2026-12-03", _NEGATIVE)
    data["her2_tests"] = [{"score": "1+", "sample": "tissue", "tested_on": "2027-02-01"}]
    del data["her2"]
    with pytest.raises(resistx.ProfileError, match=r"her2_tests\[0\].tested_on 2027-02-01"):
        resistx.load_profile(data)


def test_the_triplet_waiting_on_pik3ca_names_the_date_that_is_missing() -> None:
    """Reading the change again (1577d): with PIK3CA not tested and the relapse date not
    recorded, the triplet's wait said '(no end date on record)', though the adjuvant course's
    end was on record and the relapse's date was what was missing."""
    data = _tamoxifen_then_relapse()
    data["biomarkers"] = _NEGATIVE[:1]  # ESR1 only: PIK3CA untested
    plan = _planned(data, "practice-2026")
    triplet = next(o for o in plan.options if o.regimen.id == "inavolisib+palbociclib+fulvestrant")
    said = " ".join(r.text for r in triplet.reasons if r.code == "inavo120_pik3ca_untested")
    assert "its date of relapse not on record" in said
    assert "end date" not in said


@pytest.mark.parametrize("policy", POLICIES)
def test_with_no_progression_on_record_the_pathway_tests_wait_for_the_next_progression(
    policy: str,
) -> None:
    """Case 1653 (MAJOR in part): ribociclib stopped for hepatotoxicity, letrozole going on
    alone, no progression, no ESR1 or pathway result: the plan asked for ESR1 and the PI3K
    pathway 'at this time point', before choosing. The next step (another CDK4/6 inhibitor)
    does not turn on the pathway, tested at a progression; an ESR1 mutation can move the
    partner from letrozole to fulvestrant, so ESR1 stays before choosing (case 1245)."""
    data = _letrozole_through_a_hold([], "2025-09-01", "2026-01-20", "hepatotoxicity")
    plan = _planned(data, policy)
    tests = {a.genes: a for a in plan.actions if a.code == "retest"}
    assert set(tests) == {("ESR1",), ("PIK3CA", "AKT1", "PTEN")}
    assert tests["ESR1",].before_choosing
    pathway = tests["PIK3CA", "AKT1", "PTEN"]
    assert not pathway.before_choosing
    assert "at the next progression" in pathway.text
    assert plan.options[0].regimen.id in {"abemaciclib+letrozole", "palbociclib+letrozole"}


def _short_first_line() -> dict[str, Any]:
    """Case 1696: palbociclib + letrozole progressed at 6 months, nothing actionable in ctDNA,
    germline BRCA1/2 and PALB2 negative, HER2 0."""
    germline = [
        result(g, "not_detected", origin="germline", sample="blood", tested_on="2026-05-20")
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    return _woman(
        "2026-12-03",
        [*_NEGATIVE, *germline],
        _course(["palbociclib", "letrozole"], "2026-05-15", "2026-11-10", "progression", line=1),
        her2="0",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_patient_who_declines_chemotherapy_and_the_conjugates_is_not_offered_them_first(
    policy: str,
) -> None:
    """Case 1696 (MAJOR): a patient who declines chemotherapy, the ADCs included, after an
    informed discussion could not say so (``declines`` took routes only): chemotherapy was
    preferred first and the ADCs followed. The kinds of treatment she declines
    (``declines_kinds``) are left out, each saying why, and a note says the refusal, not the
    evidence, put what is left first."""
    prefs = {"declines_kinds": ["chemotherapy", "adc"]}
    plan = resistx.sequence(_short_first_line(), prefs, policy=policy)
    kinds = {o.regimen.kind for o in plan.options}
    assert not kinds & {resistx.RegimenKind.CHEMOTHERAPY, resistx.RegimenKind.ADC}
    left_out = {e.regimen.id: e for e in plan.excluded}
    chemo = left_out["chemotherapy"]
    assert chemo.codes == (resistx.ExclusionCode.DECLINED,)
    assert chemo.reasons[0].rule == 128 and "declines chemotherapy" in chemo.reasons[0].text
    assert "sacituzumab-govitecan" in left_out
    assert any("declines chemotherapy and antibody-drug conjugates" in n for n in plan.notes)
    # a route declined is rule 110's, not rule 128's
    routes_only = resistx.sequence(_short_first_line(), {"declines": ["intravenous"]})
    said = [r.rule for e in routes_only.excluded for r in e.reasons if r.code == "declined"]
    assert said and set(said) == {110}


def test_a_kind_declined_twice_or_unknown_is_refused_naming_where() -> None:
    with pytest.raises(resistx.ProfileError, match=r"declines_kinds"):
        resistx.sequence(_short_first_line(), {"declines_kinds": ["adc", "adc"]})
    with pytest.raises(resistx.ProfileError, match=r"\$\.preferences\.declines_kinds\[0\]"):
        resistx.sequence(_short_first_line(), {"declines_kinds": ["chemo"]})


@pytest.mark.parametrize("policy", POLICIES)
def test_after_a_severe_cutaneous_reaction_another_pathway_inhibitor_comes_after_the_options_without_it(
    policy: str,
) -> None:
    """Case 1675a (MAJOR): after Stevens-Johnson syndrome on capivasertib, alpelisib's reason
    said 'at best a later option, after every option without that risk', yet it ranked above
    options without that risk. The step back is a precedence now, as a relative
    contraindication's is: every option without a skin-reaction warning comes first."""
    plan = _planned(_capivasertib_stopped_for("Stevens-Johnson syndrome"), policy)
    names = _names(plan)
    alpelisib = names.index("alpelisib+fulvestrant")
    for other in ("everolimus+exemestane", "chemotherapy", "sacituzumab-govitecan"):
        assert names.index(other) < alpelisib, (other, names)


@pytest.mark.parametrize("policy", POLICIES)
def test_capecitabine_resumed_after_holds_for_toxicity_is_one_line_even_when_each_course_is_numbered(
    policy: str,
) -> None:
    """Case 1676e (MAJOR): capecitabine held twice for hand-foot syndrome, the export numbering
    each course as a line (2, 3, 4): three chemotherapy lines were counted where there was one,
    and sacituzumab govitecan came first for HER2-0 disease (TROPiCS-02: after 2-4 lines). The
    same drugs resumed after a stop for toxicity, with no progression between, continue the
    line whatever number the export gave; a note says how the numbers were read."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["ribociclib", "letrozole"], "2023-05-15", "2025-05-20", "progression", line=1),
        _course(
            ["capecitabine"],
            "2025-06-02",
            "2025-09-08",
            "toxicity",
            line=2,
            toxicity="hand-foot syndrome",
        ),
        _course(
            ["capecitabine"],
            "2025-10-13",
            "2026-01-19",
            "toxicity",
            line=3,
            toxicity="hand-foot syndrome",
        ),
        _course(["capecitabine"], "2026-02-16", "2026-11-10", "progression", line=4),
        her2="0",
    )
    plan = _planned(data, policy)
    sg = next(o for o in plan.options if o.regimen.id == "sacituzumab-govitecan")
    assert sg.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id != "sacituzumab-govitecan"
    assert not any("3 prior chemotherapy" in r.text for o in plan.options for r in o.reasons)
    assert any(n.startswith("capecitabine courses numbered 2, 3 and 4") for n in plan.notes)


def _refused(data: dict[str, Any]) -> str:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return str(caught.value)


def test_a_clinics_words_for_a_sample_and_a_pathogenic_variant_get_what_to_write() -> None:
    """Cases 1678, 1681 (MINOR): 'archival tissue' and a germline report's 'pathogenic' were
    refused with no hint."""
    archival = _woman("2026-12-03", [result("PIK3CA", "mutated", sample="archival tissue")])
    assert "did you mean tissue?" in _refused(archival)
    pathogenic = _woman("2026-12-03", [result("BRCA2", "pathogenic", origin="germline")])
    assert "status mutated with classification pathogenic" in _refused(pathogenic)


def test_an_hba1c_in_mmol_per_mol_is_refused_with_its_percentage() -> None:
    """Cases 1680, 1691 (MINOR): an HbA1c in mmol/mol (IFCC), as UK and EU laboratories report
    it, was refused without the conversion."""
    data = _woman("2026-12-03", _NEGATIVE, comorbidities=[{"name": "diabetes", "hba1c": 57}])
    said = _refused(data)
    assert "hba1c is a percentage from 3 to 20, got 57" in said
    assert "mmol/mol" in said and "7.4%" in said


def test_bronchiectasis_is_chronic_lung_disease() -> None:
    """Case 1691b (MINOR): bronchiectasis was refused; it limits pulmonary reserve as COPD
    does."""
    data = _woman("2026-12-03", _NEGATIVE, comorbidities=["bronchiectasis"])
    assert [c.name.value for c in resistx.load_profile(data).comorbidities] == [
        "chronic_lung_disease"
    ]


def test_a_relapse_years_into_adjuvant_therapy_is_called_secondary_resistance_not_sensitivity() -> (
    None
):
    """Case 1672e (MINOR): a relapse on adjuvant letrozole 31 months in, after adjuvant
    abemaciclib, was called 'endocrine-sensitive disease' with no word that ESO-ESMO's fifth
    consensus calls it secondary endocrine resistance; rule 32 reads it as postMONARCH's
    adjuvant population, and says so."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-10-08"),
            *(
                result(g, "not_detected", sample="tissue", tested_on="2026-10-08")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(
            ["abemaciclib", "letrozole"],
            "2024-03-01",
            "2026-03-01",
            "completed",
            setting="adjuvant",
        ),
        _course(["letrozole"], "2026-03-02", "2026-10-01", "progression", setting="adjuvant"),
        relapsed_on="2026-10-01",
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    said = [r.text for o in plan.options for r in o.reasons if r.rule == 32]
    # and not 'endocrine-sensitive' without saying what it is (case 4629a, session 58)
    assert said and all("is secondary resistance by ESO-ESMO" in t for t in said)
    assert all("not primary endocrine resistance" in t for t in said)


def test_talazoparibs_reason_does_not_say_olaparib_waits_where_olaparib_is_left_out() -> None:
    """Case 1674 (MINOR): with BRCA1/2 tested in the germline only and a myelodysplastic
    syndrome leaving olaparib out, talazoparib's exclusion said olaparib 'waits on the tumour
    test'."""
    germline = [
        result(g, "not_detected", origin="germline", sample="blood", tested_on="2026-05-20")
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    data = _woman(
        "2026-12-03",
        [*_NEGATIVE, *germline],
        _course(["ribociclib", "letrozole"], "2023-05-01", "2026-10-20", "progression", line=1),
        her2="0",
        comorbidities=["myelodysplastic_syndrome"],
    )
    plan = _planned(data)
    left_out = {e.regimen.id: e for e in plan.excluded}
    assert "olaparib" in left_out
    said = " ".join(r.text for r in left_out["talazoparib"].reasons)
    assert "waits on the tumour test" not in said


def _ish_pending(*earlier: dict[str, Any]) -> dict[str, Any]:
    """Case 1721: a liver biopsy of 18 November 2026 scored HER2 IHC 2+, its ISH pending;
    ribociclib + letrozole progressed after 30 months; ESR1 D538G in ctDNA."""
    data = _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", variant="D538G"),
            *(r for r in _NEGATIVE if r["gene"] != "ESR1"),
        ],
        _course(["ribociclib", "letrozole"], "2023-05-01", "2026-11-10", "progression", line=1),
    )
    del data["her2"]
    pending = {"score": "2+", "ish": "pending", "sample": "tissue", "tested_on": "2026-11-18"}
    data["her2_tests"] = [*earlier, pending]
    return data


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("earlier", [(), ({"score": "1+", "tested_on": "2024-03-01"},)])
def test_an_ihc_2_plus_with_its_ish_pending_is_recorded_and_the_plan_waits_for_the_ish(
    policy: str, earlier: tuple[dict[str, Any], ...]
) -> None:
    """Case 1721 (MAJOR): an IHC 2+ with its ISH pending could not be recorded; kept beside an
    earlier 1+, the plan read HER2-low and asked for nothing, though the ISH could make the
    disease HER2-positive. A pending ISH is taken: HER2 is unknown until it is reported, and the
    plan asks for it before choosing, saying what it waits on."""
    profile = resistx.load_profile(_ish_pending(*earlier))
    assert profile.her2 is resistx.Her2Status.UNKNOWN
    plan = _planned(_ish_pending(*earlier), policy)
    [her2] = [a for a in plan.actions if "ERBB2" in a.genes]
    assert her2.before_choosing
    assert her2.text.startswith("IHC 2+ with its ISH pending: wait for the ISH before choosing")


def test_an_ish_pending_beside_a_her2_low_stated_is_refused() -> None:
    data = _ish_pending()
    data["her2"] = "low"
    with pytest.raises(resistx.ProfileError, match="her2_tests say 'unknown'"):
        resistx.load_profile(data)


def test_with_every_course_stopped_without_progression_the_pathway_tests_are_asked_now() -> None:
    """Case 1701 (MINOR, from the 1653 fix): palbociclib + anastrozole stopped by choice after 3
    years, the disease now progressing off treatment: the pathway's tests were put off to 'the
    next progression'. Only a course going on through a hold puts them off; with nothing going
    on, the choice is made now and the tests are for it."""
    data = _woman(
        "2026-12-03",
        [result("BRCA1", "not_detected", origin="germline", tested_on="2026-06-01")],
        _course(
            ["palbociclib", "anastrozole"], "2021-06-01", "2024-07-15", "patient_choice", line=1
        ),
        her2="0",
    )
    plan = _planned(data)
    [retest] = [a for a in plan.actions if a.code == "retest"]
    assert "PIK3CA" in retest.genes and "at the next progression" not in retest.text


@pytest.mark.parametrize("policy", POLICIES)
def test_a_combination_exported_as_two_rows_that_progressed_is_left_out_as_progressed_on(
    policy: str,
) -> None:
    """Case 1702 (MAJOR): fulvestrant and capivasertib exported as two rows of line 2, both
    ending in progression: the plan said they were read as one combination, yet offered
    capivasertib + fulvestrant again as 'progressed on capivasertib before (in another
    regimen)', second. Parts of one combination that progressed together are that regimen
    progressed on."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-20", variant="H1047R"),
            result("ESR1", "mutated", tested_on="2026-11-20", variant="D538G"),
        ],
        _course(["palbociclib", "letrozole"], "2023-03-06", "2025-02-10", "progression", line=1),
        _course(["fulvestrant"], "2025-03-03", "2026-11-05", "progression", line=2),
        _course(["capivasertib"], "2025-03-03", "2026-11-05", "progression", line=2),
        her2="0",
    )
    plan = _planned(data, policy)
    left_out = {e.regimen.id: e for e in plan.excluded}
    assert resistx.ExclusionCode.PROGRESSED_ON in left_out["capivasertib+fulvestrant"].codes


def test_a_combination_read_from_three_rows_is_said_once() -> None:
    """Case 1703 (MINOR): exemestane beside everolimus held once for stomatitis (two rows): the
    plan said both 'everolimus and exemestane' and 'exemestane and everolimus are read as one
    combination'; and everolimus + exemestane, progressed on, is left out as such."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["palbociclib", "letrozole"], "2022-03-06", "2024-05-10", "progression", line=1),
        _course(
            ["everolimus"], "2024-06-03", "2024-08-01", "toxicity", line=2, toxicity="stomatitis"
        ),
        _course(["exemestane"], "2024-06-03", "2025-05-05", "progression", line=2),
        _course(["everolimus"], "2024-08-20", "2025-05-05", "progression", line=2),
        her2="0",
    )
    plan = _planned(data)
    said = [n for n in plan.notes if "read as one combination" in n]
    assert len(said) == 1 and said[0].startswith("everolimus and exemestane")
    left_out = {e.regimen.id: e for e in plan.excluded}
    assert resistx.ExclusionCode.PROGRESSED_ON in left_out["everolimus+exemestane"].codes


def _anastrozole_undated(*line_2: dict[str, Any], start: str = "2022-04-20") -> dict[str, Any]:
    """Case 1704: anastrozole (line 1, progression, no end date) beside palbociclib begun 12
    days on (line 1, progressed on 2024-01-15); then ``line_2``; ESR1 Y537S, HER2 low."""
    return _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", variant="Y537S"),
            *(r for r in _NEGATIVE if r["gene"] != "ESR1"),
        ],
        _course(["anastrozole"], start, None, "progression", line=1),
        _course(["palbociclib"], "2022-05-02", "2024-01-15", "progression", line=1),
        *line_2,
        her2="low",
    )


@pytest.mark.parametrize("anastrozole_from", ["2022-04-20", "2022-03-20"])
def test_a_partner_with_no_end_date_beside_a_dated_progression_is_not_another_line(
    anastrozole_from: str,
) -> None:
    """Case 1704 (MAJOR): anastrozole recorded with its progression but no end date, beside
    palbociclib begun 12 days later under the same line number, was read as a line of its own:
    sacituzumab govitecan's reason said its label covered 'endocrine-based therapy and 2 or more
    further systemic therapies' after two lines; begun 6 weeks before palbociclib (case 1726,
    a funding delay), the same. A course of one number with no end date, begun before the other
    ended, is part of its combination, not a second progression."""
    plan = _planned(
        _anastrozole_undated(
            _course(
                ["fulvestrant", "abemaciclib"], "2024-02-01", "2026-11-10", "progression", line=2
            ),
            start=anastrozole_from,
        )
    )
    assert not any(n.startswith("A line number given to courses on both sides") for n in plan.notes)
    sg = next(o for o in plan.options if o.regimen.id == "sacituzumab-govitecan")
    assert not any("its US label covers this patient" in r.text for r in sg.reasons)


@pytest.mark.parametrize("policy", POLICIES)
def test_an_ongoing_partner_of_the_ongoing_line_is_read_as_progressed_with_it(policy: str) -> None:
    """Case 1704 (MAJOR): fulvestrant and abemaciclib exported as ongoing rows of line 2: only
    abemaciclib, the latest, was read as progressed at the plan's date (rule 53), so fulvestrant
    and abemaciclib + fulvestrant were offered again and the degraders preferred with no word
    of prior fulvestrant. The ongoing courses of that line are read as progressed together."""
    plan = _planned(
        _anastrozole_undated(
            _course(["fulvestrant"], "2024-02-01", None, "ongoing", line=2),
            _course(
                ["abemaciclib"],
                "2024-02-15",
                "2024-04-01",
                "toxicity",
                line=2,
                toxicity="diarrhoea",
            ),
            _course(["abemaciclib"], "2024-04-08", None, "ongoing", line=2),
        ),
        policy,
    )
    left_out = {e.regimen.id: e for e in plan.excluded}
    for regimen in ("fulvestrant", "abemaciclib+fulvestrant"):
        assert resistx.ExclusionCode.PROGRESSED_ON in left_out[regimen].codes, regimen


def _liver_failing(ecog: int) -> dict[str, Any]:
    """Case 1713: liver metastases, hepatic impairment (Child-Pugh B) of no recorded cause, no
    visceral crisis recorded, ESR1 Y537S after palbociclib + fulvestrant."""
    return _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", variant="Y537S"),
            *(r for r in _NEGATIVE if r["gene"] != "ESR1"),
        ],
        _course(["palbociclib", "fulvestrant"], "2024-01-10", "2026-11-01", "progression", line=1),
        her2="0",
        ecog=ecog,
        metastatic_sites=["liver", "bone"],
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("ecog", [1, 3])
def test_liver_metastases_with_hepatic_impairment_leave_nothing_preferred_until_rule_124_is_answered(
    policy: str, ecog: int
) -> None:
    """Case 1713 (MAJOR): with liver metastases and hepatic impairment of unknown cause, rule
    124 asked whether this was a visceral crisis and said 'an endocrine-based line is not put
    before the treatments that shrink tumours', while elacestrant was preferred first (at ECOG 3
    as the least toxic option). Whether the liver is failing from the cancer decides the order:
    nothing is preferred until it is answered, as with leptomeningeal disease (rule 121), and
    the action says no more than the plan does."""
    plan = _planned(_liver_failing(ecog), policy)
    assert all(o.tier is not resistx.Tier.PREFERRED for o in plan.options)
    [liver] = [a for a in plan.actions if a.code == "liver_organ_dysfunction"]
    assert "is not put before the treatments that shrink tumours" not in liver.text
    assert "nothing is preferred" in liver.text
    assert "postMONARCH" not in liver.text  # a CDK4/6 inhibitor given with fulvestrant


def test_letrozole_going_on_under_a_new_line_number_after_ribociclib_stopped_for_toxicity() -> None:
    """Cases 1653c, 1700d (MAJOR): ribociclib + letrozole stopped for hepatotoxicity, letrozole
    going on alone from the next day, exported as line 2: read as a second line and as
    progressed, the aromatase-inhibitor doublets were left out as 'resistant' though nothing
    had progressed. The partner going on after a CDK4/6 inhibitor stopped without progression
    is its line, whatever number the export gave: the plan is the one of line 1 through a hold."""
    data = _woman(
        "2026-12-03",
        [*_NEGATIVE, result("BRCA1", "not_detected", origin="germline", tested_on="2026-06-01")],
        _course(
            ["ribociclib", "letrozole"],
            "2025-09-01",
            "2026-01-20",
            "toxicity",
            line=1,
            toxicity="hepatotoxicity",
        ),
        _course(["letrozole"], "2026-01-20", None, "ongoing", line=2),
        her2="0",
    )
    plan = _planned(data)
    assert plan.options[0].regimen.id in {"abemaciclib+letrozole", "palbociclib+letrozole"}
    assert "abemaciclib+letrozole" not in {e.regimen.id for e in plan.excluded}
    assert any(n.startswith("letrozole goes on through the hold of ribociclib") for n in plan.notes)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Adverse event", "did you mean toxicity?"),
        ("AE", "did you mean toxicity?"),
        ("PD", "did you mean progression?"),
        ("relapse", "did you mean progression?"),
        ("Patient preference", "did you mean patient_choice?"),
        ("Discontinued", "did you mean unknown?"),
        ("Dose modification", "a dose reduction is no stop"),
    ],
)
def test_an_ehr_exports_stop_reasons_get_what_to_write(written: str, meant: str) -> None:
    """Case 1706 (MINOR): 'Adverse event', 'AE', 'PD', 'Patient preference', 'Discontinued' and
    'Dose modification' got only the list of allowed values."""
    data = _woman("2026-12-03", _NEGATIVE)
    data["treatments"] = [
        {
            "drugs": ["palbociclib", "letrozole"],
            "started_on": "2024-01-01",
            "ended_on": "2026-10-01",
            "stop_reason": written,
        }
    ]
    assert meant in _refused(data)


@pytest.mark.parametrize("policy", POLICIES)
def test_after_everolimus_a_stale_pathway_negative_does_not_hold_chemotherapy_back(
    policy: str,
) -> None:
    """Case 1736 (MAJOR): after ribociclib + letrozole, everolimus + exemestane, capecitabine
    and sacituzumab govitecan, AKT1 and PTEN last tested before the latest progression: the plan
    asked for them before choosing and put fulvestrant alone first ('no rule moved it'), though
    after progression on an mTOR inhibitor a pathway finding opens a PI3K or AKT inhibitor only
    stepped back (rule 11). Such a negative still reads the pathway as without a target, and
    the retest is for a later line."""
    tissue = {"sample": "tissue", "tested_on": "2025-12-01"}
    ctdna = {"sample": "ctdna", "tested_on": "2026-11-20", "tumour_fraction": 0.09}
    data = _woman(
        "2026-12-03",
        [
            *(result(g, "not_detected", **tissue) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
            *(result(g, "not_detected", **ctdna) for g in ("ESR1", "PIK3CA")),
            result("BRCA1", "not_detected", origin="germline", tested_on="2024-06-01"),
        ],
        _course(["ribociclib", "letrozole"], "2021-01-10", "2024-05-10", "progression", line=1),
        _course(["everolimus", "exemestane"], "2024-05-20", "2025-03-20", "progression", line=2),
        _course(["capecitabine"], "2025-04-01", "2025-11-15", "progression", line=3),
        _course(["sacituzumab govitecan"], "2025-12-10", "2026-11-10", "progression", line=4),
        her2="0",
    )
    plan = _planned(data, policy)
    assert plan.options[0].regimen.id == "chemotherapy", _names(plan)
    retests = [a for a in plan.actions if a.code == "retest" and "AKT1" in a.genes]
    assert all(not a.before_choosing for a in retests)


@pytest.mark.parametrize("numbered", [True, False])
def test_fulvestrant_going_on_after_alpelisib_stopped_for_toxicity_is_not_read_as_progressed(
    numbered: bool,
) -> None:
    """Case 1744 (MAJOR): alpelisib + fulvestrant, alpelisib stopped after 4 weeks for grade 3
    hyperglycaemia, fulvestrant going on alone with stable disease: the fulvestrant was read as
    progressed, and capivasertib said 'progressed on fulvestrant before'. As for a CDK4/6
    inhibitor's hold (case 1647), a partner going on through the stop of a PI3K, AKT or mTOR
    inhibitor is not at a progression."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-08-25", variant="H1047R"),
            *(r for r in _NEGATIVE if r["gene"] != "PIK3CA"),
        ],
        _course(["palbociclib", "letrozole"], "2023-02-01", "2026-08-20", "progression", line=1),
        _course(
            ["alpelisib", "fulvestrant"],
            "2026-09-05",
            "2026-10-02",
            "toxicity",
            line=2,
            toxicity="hyperglycaemia",
        ),
        _course(["fulvestrant"], "2026-10-02", None, "ongoing", line=2),
        her2="low",
    )
    if not numbered:
        data["treatments"] = [
            {k: v for k, v in t.items() if k != "line"} for t in data["treatments"]
        ]
    plan = _planned(data)
    assert "fulvestrant" not in {e.regimen.id for e in plan.excluded}
    capivasertib = next(o for o in plan.options if o.regimen.id == "capivasertib+fulvestrant")
    assert not any("Progressed on fulvestrant" in r.text for r in capivasertib.reasons)
    assert any(
        n.startswith("fulvestrant goes on through the hold of alpelisib") for n in plan.notes
    )


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("neutropenic sepsis", "febrile neutropenia"),
        ("neutropenic fever", "febrile neutropenia"),
        ("FN", "febrile neutropenia"),
        ("febrile neutropaenia", "febrile neutropenia"),
        ("neutropaenia", "neutropenia"),
        ("prolonged QTc", "qt prolongation"),
    ],
)
def test_a_clinic_letters_words_for_neutropenic_sepsis_and_a_long_qt_are_read(
    written: str, read: str
) -> None:
    """Cases 1743, 1745: 'neutropenic sepsis' was refused (and 'sepsis' read as an infection,
    which stepped sacituzumab govitecan back where its label manages the event by dose);
    British spellings and 'prolonged QTc' were refused."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(
            ["sacituzumab govitecan"], "2026-09-01", "2026-09-20", "toxicity", toxicity=written
        ),
    )
    assert resistx.load_profile(data).treatments[0].toxicity == read


@pytest.mark.parametrize("policy", POLICIES)
def test_an_adjuvant_aromatase_inhibitor_ended_in_relapse_is_relapse_on_it_charted_by_months(
    policy: str,
) -> None:
    """Case 1737b (MAJOR): adjuvant anastrozole charted as 64 months ending in progression, no
    dates, relapsed_on recorded: the plan read no relapse on an aromatase inhibitor (its window
    measured from an end date it did not have), put abemaciclib + letrozole first and left the
    inavolisib triplet out. A (neo)adjuvant course that ended in relapse is relapse on it,
    dated or not."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-10-20"),
            *(
                result(g, "not_detected", sample="tissue", tested_on="2026-10-20")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        {
            "drugs": ["anastrozole"],
            "setting": "adjuvant",
            "months": 64,
            "stop_reason": "progression",
        },
        relapsed_on="2026-10-14",
        her2="0",
    )
    plan = _planned(data, policy)
    assert plan.options[0].regimen.id != "abemaciclib+letrozole"
    assert "abemaciclib+letrozole" in {e.regimen.id for e in plan.excluded}


@pytest.mark.parametrize("written", ["CDK4/6 inhibitor", "dalpiciclib"])
def test_a_cdk46_inhibitor_unnamed_or_dalpiciclib_is_read_as_one(written: str) -> None:
    """Case 1765 (MAJOR): a CDK4/6 inhibitor given abroad in a trial, its name not disclosed,
    and dalpiciclib (approved in China) were refused; left out, the patient read as never
    having had one, and a CDK4/6 inhibitor with endocrine therapy came back as an alternative.
    Both are CDK4/6 inhibitors: the class is read, no drug of it is named that was not given."""
    data = _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", variant="Y537S"),
            *(r for r in _NEGATIVE if r["gene"] != "ESR1"),
        ],
        _course([written, "letrozole"], "2023-01-10", "2024-11-10", "progression", line=1),
        _course(["fulvestrant"], "2024-11-20", "2025-04-20", "progression", line=2),
        her2="low",
    )
    plan = _planned(data)
    said = [r.text for o in plan.options for r in o.reasons]
    assert not any("No CDK4/6 inhibitor on record" in t for t in said)
    assert not any("Progressed on palbociclib" in t for t in said)


def _her2_from(*tests: dict[str, Any]) -> dict[str, Any]:
    data = _woman("2026-12-03", _NEGATIVE)
    del data["her2"]
    data["her2_tests"] = list(tests)
    return data


def test_a_her2_test_of_another_primary_cancer_is_not_read_for_this_one() -> None:
    """Case 1764 (MAJOR): a woman with a 2010 left cancer (HER2 2+, ISH negative) and a 2020
    right cancer whose primary and metastasis scored HER2 0 was read as HER2-low from the other
    cancer, and trastuzumab deruxtecan came first. A test can name its sample's site as
    another primary cancer (other_primary): it is not read for this one."""
    other = {"score": "2+", "ish": "negative", "site": "other_primary", "tested_on": "2010-05-01"}
    both = _her2_from(
        other,
        {"score": "0", "site": "primary", "tested_on": "2020-03-01"},
        {"score": "0", "site": "metastasis", "tested_on": "2023-06-01"},
    )
    assert resistx.load_profile(both).her2 is resistx.Her2Status.ZERO
    only = resistx.load_profile(_her2_from(other))
    assert only.her2 is resistx.Her2Status.UNKNOWN
    [her2] = [a for a in _planned(_her2_from(other)).actions if "ERBB2" in a.genes]
    assert her2.text.startswith("HER2 is known only from another primary cancer")


def test_after_everolimus_a_stale_esr1_negative_is_still_retested_before_choosing() -> None:
    """Case 1747b (MAJOR, from this session's 1736 fix): after everolimus + exemestane and
    capecitabine, ESR1 negative from before the everolimus line: its retest was put after
    choosing with rule 11's sentence on the pathway, though an ESR1 mutation would put an oral
    SERD first. Rule 11 speaks of the pathway's genes only."""
    old = {"sample": "ctdna", "tested_on": "2023-03-01", "tumour_fraction": 0.08}
    data = _woman(
        "2026-12-03",
        [
            *(result(g, "not_detected", **old) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
            result("BRCA1", "not_detected", origin="germline", tested_on="2023-03-01"),
        ],
        _course(["palbociclib", "anastrozole"], "2020-11-01", "2023-02-20", "progression", line=1),
        _course(["everolimus", "exemestane"], "2023-03-10", "2024-06-10", "progression", line=2),
        _course(["capecitabine"], "2024-06-20", "2026-11-10", "progression", line=3),
        her2="0",
    )
    plan = _planned(data)
    [esr1] = [a for a in plan.actions if a.code == "retest" and "ESR1" in a.genes]
    assert esr1.before_choosing and "rule 11" not in esr1.text


def test_sepsis_on_sacituzumab_govitecan_is_a_caution_not_a_step_back() -> None:
    """Case 1750a-s (MAJOR): 'sepsis' on sacituzumab govitecan, read as an infection, set the
    responding drug back ('at best a later option'); its label manages neutropenic infection
    by holding and reducing the dose, with growth factor. A caution that asks whether it was
    neutropenic, not a step back."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["palbociclib", "letrozole"], "2021-01-10", "2023-05-10", "progression", line=1),
        _course(["capecitabine"], "2023-05-20", "2024-07-10", "progression", line=2),
        _course(["paclitaxel"], "2024-07-20", "2025-09-10", "progression", line=3),
        _course(
            ["sacituzumab govitecan"],
            "2025-09-20",
            "2026-11-10",
            "toxicity",
            line=4,
            toxicity="sepsis",
        ),
        her2="0",
    )
    plan = _planned(data)
    sg = next(o for o in plan.options if o.regimen.id == "sacituzumab-govitecan")
    assert not any("at best a later option" in r.text for r in sg.reasons if r.rule == 61)
    assert any("febrile neutropenia" in c.text for c in sg.cautions)


def test_a_cdk46i_switch_is_outside_maintain_while_a_line_since_it_goes_on() -> None:
    """Case 1748c (MAJOR): palbociclib + anastrozole progressed, then alpelisib + fulvestrant,
    alpelisib stopped for hyperglycaemia and fulvestrant going on for 9 months with no
    progression: ribociclib + fulvestrant came first as MAINTAIN's switch, adding a CDK4/6
    inhibitor to endocrine therapy that controls the disease. MAINTAIN enrolled at progression
    on the CDK4/6 inhibitor: a line going on since it puts the patient outside."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-01-20", variant="H1047R"),
            *(r for r in _NEGATIVE if r["gene"] != "PIK3CA"),
        ],
        _course(["palbociclib", "anastrozole"], "2023-01-10", "2026-01-10", "progression", line=1),
        _course(
            ["alpelisib", "fulvestrant"],
            "2026-01-25",
            "2026-03-01",
            "toxicity",
            line=2,
            toxicity="hyperglycaemia",
        ),
        _course(["fulvestrant"], "2026-03-01", None, "ongoing", line=2),
        her2="0",
    )
    plan = _planned(data)
    ribociclib = next(o for o in plan.options if o.regimen.id == "ribociclib+fulvestrant")
    assert ribociclib.tier is not resistx.Tier.PREFERRED and plan.options[0] is not ribociclib
    assert any(r.code == "outside_maintain_population" for r in ribociclib.reasons)


def test_exemestane_going_on_after_everolimus_stopped_continues_while_it_controls_the_disease() -> (
    None
):
    """Case 1768d (MAJOR, from this session's 1744 fix): everolimus stopped for pneumonitis,
    exemestane going on and stable: the note said the options were 'for what to give with it
    now (another drug of the class with it)', though no other mTOR inhibitor is in the tables,
    and rule 53's 'it continues while it controls the disease' was gone. A partner through an
    mTOR inhibitor's stop is read as rule 53 reads an ongoing course."""
    data = _woman(
        "2026-12-03",
        _NEGATIVE,
        _course(["palbociclib", "letrozole"], "2022-01-10", "2025-12-10", "progression", line=1),
        _course(
            ["everolimus", "exemestane"],
            "2026-01-05",
            "2026-03-20",
            "toxicity",
            line=2,
            toxicity="pneumonitis",
        ),
        _course(["exemestane"], "2026-03-20", None, "ongoing", line=2),
        her2="0",
    )
    plan = _planned(data)
    assert not any("goes on through the hold of everolimus" in n for n in plan.notes)
    assert any("continues while it controls the disease" in a.text for a in plan.actions)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_her2_positive_other_primary_asks_for_a_biopsy_of_a_metastasis_before_choosing(
    policy: str,
) -> None:
    """Case 1770b (MAJOR, ye2024): a 2012 contralateral HER2 3+ cancer recorded as another
    primary, this cancer's HER2 0 from its 2018 primary only, new liver lesions never biopsied:
    chemotherapy was preferred and nothing asked which cancer had spread. Another primary
    cancer on record and no metastasis of this one scored: a biopsy of a metastasis for ER, PR
    and HER2 comes before choosing."""
    data = _her2_from(
        {"score": "3+", "site": "other_primary", "tested_on": "2012-05-01"},
        {"score": "0", "site": "primary", "tested_on": "2018-03-01"},
    )
    data["treatments"] = [
        _course(["palbociclib", "fulvestrant"], "2023-01-10", "2026-11-01", "progression", line=1)
    ]
    plan = _planned(data, policy)
    [biopsy] = [a for a in plan.actions if a.code == "biopsy_other_primary"]
    assert biopsy.before_choosing and "HER2 3+" in biopsy.text


def test_a_patient_who_declines_blood_transfusion_is_told_what_each_anaemia_risk_means() -> None:
    """Case 1776 (MAJOR, borderline): a Jehovah's Witness who declines any transfusion could
    not say so; the PARP inhibitors carried no word of anaemia beside the refusal, and in a
    marrow crisis chemotherapy's caution said 'transfusion support'. The preference
    declines_transfusion (rule 131) cautions every option that can cause anaemia and the
    crisis's chemotherapy says it is without transfusion."""
    germline = [result("BRCA2", "mutated", origin="germline", tested_on="2025-01-10")]
    data = _woman(
        "2026-12-03",
        [*_NEGATIVE, *germline],
        _course(["palbociclib", "letrozole"], "2023-05-01", "2026-10-20", "progression", line=1),
        her2="low",
    )
    plan = resistx.sequence(data, {"declines_transfusion": True})
    for regimen in ("talazoparib", "olaparib", "chemotherapy", "trastuzumab-deruxtecan"):
        option = next(o for o in plan.options if o.regimen.id == regimen)
        assert any(c.rule == 131 for c in option.cautions), regimen
    assert any("declines blood transfusion" in n for n in plan.notes)
    data["visceral_crisis"] = True
    data["comorbidities"] = [{"name": "anaemia", "grade": 3}]
    crisis = resistx.sequence(data, {"declines_transfusion": True})
    chemo = next(o for o in crisis.options if o.regimen.id == "chemotherapy")
    said = " ".join(c.text for c in chemo.cautions)
    assert "transfusion support" not in said and "without transfusion" in said
