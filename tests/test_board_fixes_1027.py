"""Scenario tests for the findings of the blind reviews from case 1022 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: heavily pretreated patients
(1022-1026, no MAJOR finding) and premenopausal women with records entered the way a busy
clinic enters them (1027-1031)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, result
from tests.test_board_fixes_882 import POLICIES, _actions, _course, _planned
from tests.test_board_fixes_962 import _woman

PAM = ("PIK3CA", "AKT1", "PTEN")


def _pik3ca_in_ctdna(day: str) -> list[dict[str, Any]]:
    """A ctDNA draw on ``day``: PIK3CA H1047R; ESR1, AKT1 and PTEN not detected."""
    return [
        result("PIK3CA", "mutated", tested_on=day, variant="H1047R", sample="ctdna"),
        *(
            result(g, "not_detected", tested_on=day, sample="ctdna")
            for g in ("ESR1", "AKT1", "PTEN")
        ),
    ]


def _pik3ca_in_tissue(esr1_day: str, day: str) -> list[dict[str, Any]]:
    """ESR1 not detected in ctDNA on ``esr1_day``; on ``day`` a tumour PIK3CA H1047R, AKT1 and
    PTEN not detected."""
    return [
        result("ESR1", "not_detected", tested_on=esr1_day, sample="ctdna"),
        result("PIK3CA", "mutated", tested_on=day, variant="H1047R"),
        *(result(g, "not_detected", tested_on=day) for g in ("AKT1", "PTEN")),
    ]


def _as_man(data: dict[str, Any]) -> None:
    """The profile of ``_woman`` as a man's: the menopausal status does not apply."""
    data["sex"] = "male"
    del data["menopausal_status"]


def _letrozole_then_capecitabine(start: str, **kw: Any) -> dict[str, Any]:
    """Palbociclib + letrozole from ``start`` to progression on 2024-07-10, then capecitabine to
    progression; ESR1 and the PI3K pathway not detected after it."""
    return _woman(
        "2026-01-10",
        [result(g, "not_detected", tested_on="2025-12-28") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], start, "2024-07-10", "progression", line=1),
        _course(["capecitabine"], "2024-07-25", "2025-12-20", "progression", line=2),
        **kw,
    )


def _letrozole_unsuppressed(*later: dict[str, Any]) -> dict[str, Any]:
    """Case 1027: 41, premenopausal; palbociclib + letrozole with no GnRH agonist ever given,
    progression at 5.6 months; a ctDNA PIK3CA H1047R (ESR1, AKT1, PTEN not detected)."""
    return _woman(
        "2026-01-12",
        _pik3ca_in_ctdna("2025-12-01"),
        _course(["palbociclib", "letrozole"], "2025-06-02", "2025-11-20", "progression", line=1),
        *later,
        menopausal_status="premenopausal",
        her2="low",
        ecog=0,
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_progression_on_an_aromatase_inhibitor_never_suppressed_is_checked_before_choosing(
    policy: str,
) -> None:
    """Case 1027 (MAJOR, both policies): the options read a progression on letrozole given
    without ovarian suppression as endocrine resistance (chemotherapy, or trastuzumab
    deruxtecan, first), while the question whether she was suppressed came after choosing,
    'none of these changes what is preferred'; with goserelin given and then stopped it came
    before choosing. Where the course without suppression is the latest progression, the
    question comes before choosing and says what the options assume; on an earlier course it
    stays after choosing."""
    plan = _planned(_letrozole_unsuppressed(), policy)
    [ask] = _actions(plan, "confirm_ovarian_suppression")
    assert ask.rule == 63
    assert ask.before_choosing
    assert "before choosing" in ask.text
    assert "read the progression on it as endocrine resistance" in ask.text
    # an earlier course without it, the latest progression under goserelin: after choosing
    later = _course(["fulvestrant", "goserelin"], "2025-12-01", "2026-01-05", "progression", line=2)
    data = dict(_letrozole_unsuppressed(later), as_of="2026-01-20")
    data["treatments"][0] = dict(data["treatments"][0], started_on="2023-02-01")  # not short
    earlier = _planned(data, policy)
    [ask] = _actions(earlier, "confirm_ovarian_suppression")
    assert not ask.before_choosing


def _fulvestrant_after_goserelin_stopped() -> dict[str, Any]:
    """Case 1028: 47, perimenopausal with spotting; ribociclib + letrozole + goserelin, then
    abemaciclib + fulvestrant with goserelin dropped, progression; ctDNA ESR1 Y537S."""
    return _woman(
        "2026-02-10",
        [
            result("ESR1", "mutated", tested_on="2026-01-28", variant="Y537S", sample="ctdna"),
            *(result(g, "not_detected", tested_on="2026-01-28", sample="ctdna") for g in PAM),
        ],
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2023-04-01",
            "2025-03-15",
            "progression",
            line=1,
        ),
        _course(["abemaciclib", "fulvestrant"], "2025-04-01", "2026-01-20", "progression", line=2),
        menopausal_status="perimenopausal",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_fulvestrant_before_the_menopause_without_suppression_is_checked_before_choosing(
    policy: str,
) -> None:
    """Case 1028 (MAJOR, both policies): a perimenopausal woman progressed on fulvestrant
    after goserelin was dropped; the plan left out every fulvestrant regimen as progressed on
    and asked nothing about her ovarian function (the question covered aromatase inhibitors
    only). Fulvestrant needs ovarian suppression before the menopause as an aromatase
    inhibitor does (rule 40): the plan asks, before choosing, and says that on fulvestrant an
    oestradiol immunoassay reads falsely high."""
    plan = _planned(_fulvestrant_after_goserelin_stopped(), policy)
    [ask] = _actions(plan, "confirm_ovarian_suppression")
    assert ask.before_choosing
    assert "fulvestrant" in ask.text and "immunoassay" in ask.text
    # postmenopausal, nothing to ask
    post = dict(_fulvestrant_after_goserelin_stopped(), menopausal_status="postmenopausal")
    assert not _actions(_planned(post, policy), "confirm_ovarian_suppression")


def _goserelin_going_on(**kw: Any) -> dict[str, Any]:
    """Case 1029: 33, sex and menopausal status not entered; Zoladex as a course of its own
    since 2024, going on; palbociclib + anastrozole for two years, progression; ESR1 D538G."""
    data = _woman(
        "2026-03-16",
        [
            result("ESR1", "mutated", tested_on="2026-03-02", variant="D538G"),
            result("PIK3CA", "not_detected", tested_on="2026-03-02"),
        ],
        _course(["Zoladex"], "2024-02-01", None, "ongoing"),
        _course(["palbociclib", "anastrozole"], "2024-02-15", "2026-02-20", "progression", line=1),
        her2="low",
        ecog=0,
        **kw,
    )
    if "menopausal_status" not in kw:
        del data["menopausal_status"], data["sex"]
    return data


@pytest.mark.parametrize("policy", POLICIES)
def test_a_gnrh_agonist_going_on_reads_an_unrecorded_menopausal_status_as_premenopausal(
    policy: str,
) -> None:
    """Case 1029 (MAJOR, both policies; practice-2026's first option wrong): with the status
    not entered the plan read her as postmenopausal, although goserelin was going on: no
    option asked to continue it, elacestrant (EMERALD and its label: postmenopausal) came
    first, there was no pregnancy test, and the action asked for oestradiol and FSH, which a
    GnRH agonist holds in the postmenopausal range. A GnRH agonist going on reads as before
    the menopause, on suppression, until the status is entered, and the action says why the
    laboratory cannot settle it."""
    plan = _planned(_goserelin_going_on(), policy)
    [status] = _actions(plan, "establish_menopausal_status")
    assert "GnRH agonist" in status.text and "postmenopausal meanwhile" not in status.text
    assert _actions(plan, "pregnancy_and_contraception")
    cautions = option(plan, "fulvestrant").cautions
    assert any(c.code == "ovarian_suppression_needed" and "goserelin" in c.text for c in cautions)
    assert "elacestrant_postmenopausal_trial" in {
        r.code for r in option(plan, "elacestrant").reasons
    }
    # the options are those of the same patient entered as a premenopausal woman
    entered = _planned(_goserelin_going_on(menopausal_status="premenopausal"), policy)
    assert [(o.regimen.id, o.tier) for o in plan.options] == [
        (o.regimen.id, o.tier) for o in entered.options
    ]
    # without the GnRH agonist, the status unknown reads as postmenopausal, as before
    data = _goserelin_going_on()
    data["treatments"] = data["treatments"][1:]
    without = _planned(data, policy)
    assert not _actions(without, "pregnancy_and_contraception")


def _transferred_undated() -> dict[str, Any]:
    """Case 1030: 44, premenopausal, transferred with no treatment dates: adjuvant tamoxifen,
    relapse on it; palbociclib + letrozole + leuprorelin, progression. The only results are a
    2019 tissue panel, ESR1 and the PI3K pathway negative."""
    return _woman(
        "2026-04-01",
        [
            result(g, "not_detected", tested_on="2019-05-01", sample="tissue")
            for g in ("ESR1", *PAM)
        ],
        {"drugs": ["tamoxifen"], "setting": "adjuvant", "stop_reason": "progression"},
        {
            "drugs": ["palbociclib", "letrozole", "leuprorelin"],
            "line": 1,
            "stop_reason": "progression",
        },
        menopausal_status="premenopausal",
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_negative_test_is_not_current_when_the_latest_progression_has_no_date(
    policy: str,
) -> None:
    """Case 1030 (MAJOR, both policies; the first option wrong): with no treatment dates, a
    2019 tissue panel was read as current: chemotherapy first 'tested without an actionable
    alteration', the oral SERDs left out on 'ESR1 not mutated on a current test', and no
    retest asked. With the same courses dated, the plan asked for the retest. A test that
    cannot be placed after the latest progression is not current: the retest comes before
    choosing, and no option is left out on it."""
    plan = _planned(_transferred_undated(), policy)
    retests = [a for a in plan.actions if a.code == "retest"]
    assert retests and all(a.before_choosing for a in retests)
    assert {"ESR1", *PAM} <= {g for a in retests for g in a.genes}
    codes = {r.code for o in plan.options for r in o.reasons}
    assert "tested_without_actionable" not in codes
    assert not any("current test" in r.text for e in plan.excluded for r in e.reasons), (
        "an option left out on a test of unknown currency"
    )


def test_a_negative_test_after_a_dated_progression_still_stands() -> None:
    """The other side of case 1030: where the progression is dated and the test after it, the
    negative stands (no retest of ESR1)."""
    data = _transferred_undated()
    data["treatments"][1] = _course(
        ["palbociclib", "letrozole", "leuprorelin"], "2024-01-10", "2026-03-01", "progression"
    )
    data["biomarkers"] = [
        result(g, "not_detected", tested_on="2026-03-10", sample="tissue") for g in ("ESR1", *PAM)
    ]
    plan = _planned(data)
    assert not [a for a in plan.actions if a.code == "retest" and "ESR1" in a.genes]
    assert isinstance(plan, resistx.Plan)


# -- the recheck of these fixes -------------------------------------------------------------


@pytest.mark.parametrize("policy", POLICIES)
def test_an_aromatase_inhibitor_going_on_without_suppression_asks_to_start_it_now(
    policy: str,
) -> None:
    """Recheck R1 (MAJOR, both policies): palbociclib + letrozole going on, stable, with no
    GnRH agonist ever given. The question spoke of 'this progression' where there was none,
    and nothing asked for suppression to be added to the course going on. It now says the
    course goes on and asks to confirm suppression or start it now, before choosing."""
    data = _woman(
        "2026-02-16",
        [result(g, "not_detected", tested_on="2026-02-01") for g in ("ESR1", *PAM)],
        _course(["palbociclib", "letrozole"], "2025-03-01", None, "ongoing", line=1),
        menopausal_status="premenopausal",
    )
    [ask] = _actions(_planned(data, policy), "confirm_ovarian_suppression")
    assert ask.before_choosing
    assert "goes on" in ask.text and "start it now" in ask.text
    assert "progression" not in ask.text


@pytest.mark.parametrize("policy", POLICIES)
def test_a_short_unsuppressed_course_read_as_resistance_is_checked_before_choosing_after_chemotherapy(
    policy: str,
) -> None:
    """Recheck R2 (MAJOR, both policies): 4.3 months of palbociclib + letrozole without
    suppression, then capecitabine; chemotherapy or an ADC came first on 'only 4.3 months on
    the CDK4/6 inhibitor', while the question came after choosing because the latest
    progression was on capecitabine. Where the course is the latest endocrine progression,
    which the options read as resistance, the question comes before choosing."""
    data = _letrozole_then_capecitabine("2024-03-01", menopausal_status="premenopausal")
    [ask] = _actions(_planned(data, policy), "confirm_ovarian_suppression")
    assert ask.before_choosing


@pytest.mark.parametrize("policy", POLICIES)
def test_a_relapse_on_an_adjuvant_aromatase_inhibitor_without_suppression_is_checked_before_choosing(
    policy: str,
) -> None:
    """Recheck R3 (MAJOR, both policies): relapse 5.5 months into adjuvant abemaciclib +
    anastrozole with no suppression, premenopausal; chemotherapy came first on the short
    course and nothing asked about suppression (rule 63 read metastatic courses only). A
    relapse on an adjuvant course without suppression is asked about as a metastatic one is."""
    data = _woman(
        "2026-01-21",
        _pik3ca_in_tissue("2025-11-20", "2025-11-10"),
        _course(
            ["abemaciclib", "anastrozole"],
            "2025-05-01",
            "2025-10-15",
            "progression",
            setting="adjuvant",
        ),
        menopausal_status="premenopausal",
    )
    [ask] = _actions(_planned(data, policy), "confirm_ovarian_suppression")
    assert ask.before_choosing and "anastrozole" in ask.text


@pytest.mark.parametrize("policy", POLICIES)
def test_a_negative_test_is_not_current_when_a_later_line_that_progressed_has_no_date(
    policy: str,
) -> None:
    """Recheck R4 (MAJOR, both policies): the adjuvant relapse dated 2021, a tissue panel a
    month later, then line 1 without dates, ended in progression. The dated relapse made the
    panel current: chemotherapy first 'tested without an actionable alteration', the oral
    SERDs left out. A progression with no date that is not known to come before a dated one
    leaves every test unplaced: the retest comes before choosing."""
    data = _woman(
        "2026-04-01",
        [
            result(g, "not_detected", tested_on="2021-03-20", sample="tissue")
            for g in ("ESR1", *PAM)
        ],
        {
            "drugs": ["tamoxifen"],
            "setting": "adjuvant",
            "started_on": "2017-06-01",
            "ended_on": "2021-02-15",
            "stop_reason": "progression",
        },
        {
            "drugs": ["ribociclib", "letrozole", "goserelin"],
            "line": 1,
            "stop_reason": "progression",
        },
        menopausal_status="premenopausal",
    )
    plan = _planned(data, policy)
    retests = [a for a in plan.actions if a.code == "retest"]
    assert {"ESR1", *PAM} <= {g for a in retests for g in a.genes}
    assert not any("current test" in r.text for e in plan.excluded for r in e.reasons)
    # an undated line 1 before a dated line 2: a test after line 2's progression stands
    known = dict(
        data,
        biomarkers=[
            result(g, "not_detected", tested_on="2026-03-10", sample="tissue")
            for g in ("ESR1", *PAM)
        ],
    )
    known["treatments"] = [
        *data["treatments"],
        _course(["fulvestrant", "goserelin"], "2025-01-10", "2026-03-01", "progression", line=2),
    ]
    assert not [a for a in _planned(known, policy).actions if a.code == "retest"]
    # a dated line 1, then line 2 without dates, ended in progression: the test is unplaced
    after = dict(known)
    after["treatments"] = [
        data["treatments"][0],
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2021-03-01",
            "2025-12-01",
            "progression",
            line=1,
        ),
        {"drugs": ["fulvestrant", "goserelin"], "line": 2, "stop_reason": "progression"},
    ]
    retests = [a for a in _planned(after, policy).actions if a.code == "retest"]
    assert "ESR1" in {g for a in retests for g in a.genes}


@pytest.mark.parametrize("policy", POLICIES)
def test_a_short_unsuppressed_cdk46i_course_read_by_the_short_course_rule_is_checked_before_choosing(
    policy: str,
) -> None:
    """Second recheck N1 (MAJOR, both policies): 4.5 months of palbociclib + letrozole without
    suppression, then 37.5 months of tamoxifen + goserelin. Chemotherapy came first on 'only
    4.5 months on the CDK4/6 inhibitor', the question after choosing, as the latest endocrine
    progression was the suppressed one. Where the short-course rule reads the unsuppressed
    course, the question comes before choosing."""
    data = _woman(
        "2025-12-20",
        _pik3ca_in_tissue("2025-12-01", "2025-12-05"),
        _course(["palbociclib", "letrozole"], "2022-05-01", "2022-09-15", "progression", line=1),
        _course(["tamoxifen", "goserelin"], "2022-10-01", "2025-11-20", "progression", line=2),
        menopausal_status="premenopausal",
        ecog=0,
    )
    [ask] = _actions(_planned(data, policy), "confirm_ovarian_suppression")
    assert ask.before_choosing and "letrozole" in ask.text


def _pik3ca_with_insulin(*, insulin: bool = True, hba1c: float = 9.1) -> dict[str, Any]:
    """Case 1035: 66, ECOG 1; diabetes on insulin (HbA1c 9.1%), kidney impairment, grade 2
    neuropathy; 30 months on ribociclib + letrozole; ctDNA PIK3CA H1047R, ESR1, AKT1 and PTEN
    not detected; HER2 0."""
    return _woman(
        "2026-01-20",
        _pik3ca_in_ctdna("2026-01-05"),
        _course(["ribociclib", "letrozole"], "2023-06-01", "2025-12-15", "progression", line=1),
        comorbidities=[
            {"name": "diabetes", "hba1c": hba1c, "insulin": insulin},
            "renal_impairment",
            {"name": "neuropathy", "grade": 2},
        ],
        her2="0",
    )


def test_a_pathway_alteration_whose_inhibitors_insulin_treated_diabetes_rules_out_is_no_usable_target() -> (
    None
):
    """Case 1035 (MAJOR, ye2024): a PIK3CA mutation is the only target, and insulin-treated
    diabetes leaves alpelisib out (rule 12) and puts capivasertib outside CAPItello-291's
    population (rule 78). No rule then applied, and fulvestrant alone came first as the least
    toxic. A target no drug can act on is no usable target: the review's rule for patients
    without one (rule 6) prefers chemotherapy and ADCs, and says why."""
    plan = _planned(_pik3ca_with_insulin())
    first = plan.options[0]
    assert first.regimen.id == "chemotherapy"
    [why] = [r for r in first.reasons if r.code == "no_actionable_alteration"]
    assert "insulin" in why.text and "PIK3CA" in why.text
    # without insulin, at an HbA1c of 8.0% or more, no usable target until glucose is in range
    # (rule 95; capivasertib waits on it: case 7846); in range, the target stands
    waiting = _planned(_pik3ca_with_insulin(insulin=False))
    [why] = [r for r in waiting.options[0].reasons if r.code == "no_actionable_alteration"]
    assert "until glucose is in range" in why.text
    plain = _planned(_pik3ca_with_insulin(insulin=False, hba1c=7.5))
    assert not [r for o in plain.options for r in o.reasons if r.code == "no_actionable_alteration"]


def _induction_then_maintenance(*, progressed_on_paclitaxel: bool = False) -> dict[str, Any]:
    """Case 1037: de novo liver and bone metastases; 12 weeks of weekly paclitaxel induction,
    then palbociclib + letrozole maintenance for 33 months in the same first line; ctDNA
    without an ESR1 or PI3K-pathway alteration; HER2 0."""
    stop = "progression" if progressed_on_paclitaxel else "completed"
    return _woman(
        "2026-03-10",
        [result(g, "not_detected", tested_on="2026-02-24", sample="ctdna") for g in ("ESR1", *PAM)],
        _course(["paclitaxel"], "2023-01-15", "2023-04-20", stop, line=1),
        _course(["palbociclib", "letrozole"], "2023-05-02", "2026-02-10", "progression", line=1),
        her2="0",
    )


def test_induction_chemotherapy_before_endocrine_maintenance_keeps_the_disease_endocrine_sensitive() -> (
    None
):
    """Case 1037 (MAJOR, practice-2026): paclitaxel induction, then 33 months of palbociclib +
    letrozole in the same line. The induction alone turned off the endocrine-sensitive reading
    (rule 32): datopotamab deruxtecan came first, although TROPION-Breast01 enrolled patients
    for whom endocrine therapy was unsuitable (update-2026.md). Chemotherapy that ended without
    progression before the CDK4/6 inhibitor began, in the same line, is induction: the disease
    stays endocrine-sensitive, an endocrine-based line comes first, and the ADCs step back,
    each saying why; where the disease progressed on the paclitaxel, not so."""
    plan = _planned(_induction_then_maintenance(), "practice-2026")
    first = plan.options[0]
    assert "endocrine_sensitive_endocrine_first" in {r.code for r in first.reasons}
    assert "induction" in next(r.text for r in first.reasons if r.code.startswith("endocrine_"))
    dato = option(plan, "datopotamab-deruxtecan")
    assert "endocrine_sensitive_adc_later" in {r.code for r in dato.reasons}
    assert any("unsuitable" in r.text for r in dato.reasons)
    progressed = _planned(
        _induction_then_maintenance(progressed_on_paclitaxel=True), "practice-2026"
    )
    assert not [
        r for o in progressed.options for r in o.reasons if r.code.startswith("endocrine_sens")
    ]


def test_induction_chemotherapy_recorded_without_line_numbers_is_read_as_induction() -> None:
    """Third recheck F-1 (MAJOR, practice-2026): case 1037 with the line numbers left out (they
    are optional): the paclitaxel and the maintenance read as two lines, and datopotamab
    deruxtecan came first again. Chemotherapy that ended without progression before the first
    CDK4/6-inhibitor course began is induction, numbered or not; one that progressed is not."""
    data = _induction_then_maintenance()
    for t in data["treatments"]:
        del t["line"]
    plan = _planned(data, "practice-2026")
    assert "endocrine_sensitive_endocrine_first" in {r.code for r in plan.options[0].reasons}
    progressed = _induction_then_maintenance(progressed_on_paclitaxel=True)
    for t in progressed["treatments"]:
        del t["line"]
    again = _planned(progressed, "practice-2026")
    assert not [r for o in again.options for r in o.reasons if r.code.startswith("endocrine_sens")]
    # induction, then two endocrine-based lines: another line for metastatic disease
    more = dict(data, as_of="2026-06-10")
    more["biomarkers"] = [dict(r, tested_on="2026-06-02") for r in data["biomarkers"]]
    more["treatments"] = [
        *data["treatments"],
        _course(["fulvestrant"], "2026-02-20", "2026-05-30", "progression"),
    ]
    later = _planned(more, "practice-2026")
    assert not [r for o in later.options for r in o.reasons if r.code.startswith("endocrine_sens")]


@pytest.mark.parametrize("policy", POLICIES)
def test_a_man_whose_short_cdk46i_course_had_no_gnrh_agonist_is_asked_before_choosing(
    policy: str,
) -> None:
    """Third recheck G-1 (MAJOR, both policies): a man, 4.5 months of palbociclib + letrozole
    with no GnRH agonist, then 37.5 months of tamoxifen. Chemotherapy came first on the short
    course while the question came after choosing (asked before only for the latest course).
    Where the short-course rule reads that course, the question comes before choosing."""
    data = _woman(
        "2025-12-20",
        _pik3ca_in_tissue("2025-12-01", "2025-12-05"),
        _course(["palbociclib", "letrozole"], "2022-05-01", "2022-09-15", "progression", line=1),
        _course(["tamoxifen"], "2022-10-01", "2025-11-20", "progression", line=2),
        ecog=0,
    )
    _as_man(data)
    [ask] = _actions(_planned(data, policy), "gnrh_agonist_missing")
    assert ask.before_choosing


@pytest.mark.parametrize("policy", POLICIES)
def test_a_man_whose_relapse_came_on_an_adjuvant_aromatase_inhibitor_without_a_gnrh_agonist_is_asked(
    policy: str,
) -> None:
    """Fourth recheck G-a (MAJOR, both policies): a man relapsed 4 months into adjuvant
    abemaciclib + anastrozole with no GnRH agonist, then had 46 months on tamoxifen; the
    short course put chemotherapy first and nothing asked about the GnRH agonist (the male
    branch read metastatic courses only). A (neo)adjuvant course that ended in relapse is read
    as a woman's is, before choosing where the short-course rule reads it."""
    data = _woman(
        "2026-01-15",
        _pik3ca_in_tissue("2025-12-20", "2025-12-22"),
        _course(
            ["abemaciclib", "anastrozole"],
            "2021-06-01",
            "2021-10-05",
            "progression",
            setting="adjuvant",
        ),
        _course(["tamoxifen"], "2021-10-20", "2025-12-10", "progression", line=1),
        ecog=0,
    )
    _as_man(data)
    [ask] = _actions(_planned(data, policy), "gnrh_agonist_missing")
    assert ask.before_choosing and "anastrozole" in ask.text


def test_the_glucose_action_names_an_akt1_alteration_with_its_article() -> None:
    """The third recheck (MINOR): 'a AKT1 alteration' in the diabetes action; a gene said
    letter by letter takes 'an'."""
    data = _pik3ca_with_insulin()
    data["biomarkers"] = [
        dict(r, status="mutated", variant="E17K") if r["gene"] == "AKT1" else r
        for r in data["biomarkers"]
        if r["gene"] != "PIK3CA"
    ]
    said = [a.text for a in _planned(data).actions if "AKT1 alteration" in a.text]
    assert said and all("an AKT1 alteration" in t for t in said)


def _man_with_germline_brca2(**brca: Any) -> dict[str, Any]:
    """Case 1048: a man, 72, ECOG 1, kidney impairment; a germline BRCA2 c.5946delT; HER2 1+;
    adjuvant tamoxifen 2016-2021, then 8.9 months of ribociclib + letrozole + goserelin; ctDNA
    without an ESR1 or PI3K-pathway alteration."""
    data = _woman(
        "2026-04-20",
        [
            result(
                "BRCA2",
                "mutated",
                tested_on="2025-07-01",
                variant="c.5946delT",
                origin="germline",
                sample="blood",
                **brca,
            ),
            *(
                result(g, "not_detected", tested_on="2026-04-05", sample="ctdna")
                for g in ("ESR1", *PAM)
            ),
        ],
        _course(["tamoxifen"], "2016-03-01", "2021-03-01", "completed", setting="adjuvant"),
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2025-07-01",
            "2026-03-30",
            "progression",
            line=1,
        ),
        her2="low",
        comorbidities=["renal_impairment"],
    )
    _as_man(data)
    return data


def test_a_germline_brca_target_comes_before_trastuzumab_deruxtecan_outside_destiny_breast06() -> (
    None
):
    """Case 1048 (MAJOR, practice-2026): a man with a germline BRCA2 mutation, HER2-low, one
    endocrine line of 8.9 months: trastuzumab deruxtecan came first on its label alone
    (outside DESTINY-Breast06's entry), talazoparib second. Rule 58 steps it back behind an
    open ESR1 or PI3K-pathway target; a germline BRCA1/2 mutation whose PARP inhibitor has not
    been given is the same: the PARP inhibitor first, trastuzumab deruxtecan at best later."""
    plan = _planned(_man_with_germline_brca2(), "practice-2026")
    assert plan.options[0].regimen.id in {"talazoparib", "olaparib"}
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert "parp_target_before_tdxd" in {r.code for r in tdxd.reasons}
    assert rank_of(plan, "trastuzumab-deruxtecan") > rank_of(plan, "talazoparib")
    # after progression on a PARP inhibitor, the target is used up: nothing holds it back
    data = _man_with_germline_brca2()
    data["as_of"] = "2026-10-20"
    data["treatments"].append(
        _course(["olaparib"], "2026-04-25", "2026-10-01", "progression", line=2)
    )
    data["biomarkers"] = [
        dict(r, tested_on="2026-10-05") if r["gene"] != "BRCA2" else r for r in data["biomarkers"]
    ]
    after = _planned(data, "practice-2026")
    assert not [r for o in after.options for r in o.reasons if r.code == "parp_target_before_tdxd"]


def rank_of(plan: resistx.Plan, regimen: str) -> int:
    return next(o.rank for o in plan.options if o.regimen.id == regimen)


def test_fulvestrant_alone_is_said_to_be_postmonarchs_control_arm() -> None:
    """The review of cases 1042-1046 (MINOR, practice-2026): fulvestrant alone, first for
    endocrine-sensitive disease, quoted postMONARCH's hazard ratio as if it were its own; it was
    the trial's control arm, and the reason says so."""
    plan = _planned(_induction_then_maintenance(), "practice-2026")
    [why] = [
        r
        for r in option(plan, "fulvestrant").reasons
        if r.code == "endocrine_sensitive_endocrine_first"
    ]
    assert "control arm" in why.text
    [other] = [
        r
        for r in option(plan, "ribociclib+fulvestrant").reasons
        if r.code == "endocrine_sensitive_endocrine_first"
    ]
    assert "control arm" not in other.text


def test_chemotherapy_with_no_stop_reason_is_not_read_as_induction() -> None:
    """The fourth recheck (MINOR): with no stop reason recorded for the chemotherapy, the plan
    asserted it had ended without progression. How it ended is not known: it is not read as
    induction, and the endocrine-sensitive reading waits on the record."""
    data = _induction_then_maintenance()
    del data["treatments"][0]["stop_reason"]
    plan = _planned(data, "practice-2026")
    assert not [r for o in plan.options for r in o.reasons if r.code.startswith("endocrine_sens")]


@pytest.mark.parametrize("policy", POLICIES)
def test_a_man_whose_latest_endocrine_progression_had_no_gnrh_agonist_is_asked_before_choosing(
    policy: str,
) -> None:
    """Reading the change again: rule 63 asked a woman before choosing where the course without
    suppression was her latest endocrine-based progression (recheck R2), a man only where it
    was his latest progression or a short course. The same course is read as resistance in
    both: a man's question now comes before choosing there too."""
    data = _letrozole_then_capecitabine("2023-03-01")
    _as_man(data)
    [ask] = _actions(_planned(data, policy), "gnrh_agonist_missing")
    assert ask.before_choosing
