"""Scenario tests for the findings of the blind reviews from case 2480 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: the everyday patients of a cohort
(2480-2519), the evidence after the review under practice-2026 (2520-2559), then a recheck
(2560-2589), real-world records and the converters (2590-2629) and the ADCs (2630-2669)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import resistx
from resistx.interop import from_fhir, from_phenopacket
from tests.helpers import result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_1865 import _phenopacket
from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_interop_edges import bundle

PAM = ("PIK3CA", "AKT1", "PTEN")


def _on_tissue(tested_on: str) -> list[dict[str, Any]]:
    """ESR1 and the PI3K pathway not detected on a tissue NGS test of ``tested_on``."""
    return [result(g, "not_detected", sample="tissue", tested_on=tested_on) for g in ("ESR1", *PAM)]


def _after_chemotherapy_lines(lines: int) -> dict[str, Any]:
    """Case 2545: HER2 0, no target on tissue, palbociclib + letrozole and then ``lines`` lines
    of single-agent chemotherapy, each to progression."""
    agents = ["capecitabine", "paclitaxel", "eribulin", "vinorelbine"][:lines]
    courses = [
        _course(["palbociclib", "letrozole"], "2021-06-01", "2023-02-01", "progression", line=1)
    ]
    for n, agent in enumerate(agents):
        courses.append(
            _course([agent], f"{2023 + n}-02-10", f"{2024 + n}-01-20", "progression", line=n + 2)
        )
    return _woman(
        f"{2024 + len(agents)}-03-01",
        _on_tissue(f"{2024 + len(agents)}-02-10"),
        *courses,
        her2="0",
    )


def test_datopotamab_deruxtecan_past_tropion_breast01s_lines_is_no_preferred_option() -> None:
    """Case 2545 (MAJOR): after three or four chemotherapy lines, more than TROPION-Breast01
    enrolled after (1-2) and with no overall-survival benefit, practice-2026 made datopotamab
    deruxtecan preferred beside sacituzumab govitecan (TROPiCS-02: 2-4 lines, a survival
    gain). It is at best an alternative there, after sacituzumab govitecan; within its lines it
    stays preferred."""
    for lines in (3, 4):
        plan = _planned(_after_chemotherapy_lines(lines), "practice-2026")
        dato = plan.option("datopotamab-deruxtecan")
        sg = plan.option("sacituzumab-govitecan")
        assert dato is not None and sg is not None
        assert dato.tier is resistx.Tier.ALTERNATIVE, lines  # as its reason says
        assert sg.rank < dato.rank
        said = " ".join(r.text for r in dato.reasons)
        assert "outside" in said and "TROPiCS-02" in said
    within = _planned(_after_chemotherapy_lines(2), "practice-2026")
    dato = within.option("datopotamab-deruxtecan")
    assert dato is not None
    assert dato.tier is resistx.Tier.PREFERRED


def _on_goserelin(status: str, stop: str = "ongoing") -> dict[str, Any]:
    """Case 2502: ESR1 Y537S after palbociclib + letrozole, with goserelin recorded as a course
    of its own from the same day, and ``status`` recorded."""
    goserelin = _course(["goserelin"], "2024-01-15", None, stop)
    if stop != "ongoing":
        goserelin["ended_on"] = "2026-04-01"
    return _woman(
        "2026-05-01",
        [
            result("ESR1", "mutated", sample="ctdna", tested_on="2026-04-10", variant="Y537S"),
            *(result(g, "not_detected", sample="ctdna", tested_on="2026-04-10") for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-15", "2026-04-01", "progression", line=1),
        goserelin,
        menopausal_status=status,
    )


def test_a_gnrh_agonist_going_on_beside_a_postmenopausal_status_is_refused() -> None:
    """Case 2502 (MAJOR): goserelin going on beside 'postmenopausal' was read as
    postmenopausal, silently: no 'continue goserelin' caution, and elacestrant first where the
    same woman recorded as premenopausal had other options first. On a GnRH agonist the
    menopause cannot be established; the profile is refused, naming the course, and the same
    woman recorded as premenopausal or unknown is planned, on suppression."""
    said = _refusal(_on_goserelin("postmenopausal"))
    assert "menopausal_status" in said and "treatments[1]" in said and "goserelin" in said
    for status in ("premenopausal", "unknown"):
        plan = _planned(_on_goserelin(status), "ye2024")
        assert any("goserelin" in c.text for o in plan.options for c in o.cautions), status


def test_a_gnrh_agonist_with_the_latest_line_or_stopped_weeks_ago_is_no_menopause_either() -> None:
    """Case 2570c and 2571 (MAJOR, the recheck): goserelin given with the line that has just
    progressed, or as its own course stopped six weeks before the plan, beside
    'postmenopausal', was accepted: elacestrant first, no 'continue goserelin', where the
    same record with 'unknown' reads her as premenopausal on suppression. A depot suppresses
    for up to 12 weeks: within ``GNRH_SUPPRESSION_DAYS`` of its end the menopause cannot be
    shown either. An agonist stopped long before, with other lines since, stays the known
    limitation of case 1124."""
    from resistx.model.profile import GNRH_SUPPRESSION_DAYS  # noqa: PLC0415

    biomarkers = [result("ESR1", "mutated", sample="ctdna", tested_on="2026-04-10")]
    with_the_line = _woman(
        "2026-05-01",
        biomarkers,
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2023-05-01",
            "2026-04-01",
            "progression",
            line=1,
        ),
    )
    assert "goserelin" in _refusal(with_the_line)
    stopped = _on_goserelin("postmenopausal", stop="completed")  # ended 2026-04-01
    stopped["treatments"][1]["ended_on"] = "2026-03-20"
    assert "treatments[1]" in _refusal(stopped)
    long_ago = dict(stopped, as_of="2026-09-01")  # months after the depot wore off
    long_ago["biomarkers"] = [dict(b, tested_on="2026-08-20") for b in stopped["biomarkers"]]
    long_ago["treatments"] = [
        *stopped["treatments"],
        _course(["capecitabine"], "2026-04-10", "2026-08-15", "progression", line=2),
    ]
    assert (dt.date(2026, 9, 1) - dt.date(2026, 3, 20)).days > GNRH_SUPPRESSION_DAYS
    _planned(long_ago, "ye2024")


def _drawn_before_the_end(days_before: int) -> dict[str, Any]:
    """Case 2480c: ESR1 Y537S and the PI3K pathway negative on a ctDNA drawn ``days_before``
    the recorded end of palbociclib + letrozole, which ended in progression on 2026-04-01."""
    drawn = (dt.date(2026, 4, 1) - dt.timedelta(days=days_before)).isoformat()
    return _woman(
        "2026-05-01",
        [
            result("ESR1", "mutated", sample="ctdna", tested_on=drawn, variant="Y537S"),
            *(result(g, "not_detected", sample="ctdna", tested_on=drawn) for g in PAM),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-15", "2026-04-01", "progression", line=1),
    )


def test_a_ctdna_drawn_at_the_progression_visit_days_before_the_recorded_end_is_current() -> None:
    """Case 2480c (MINOR, everyday records): a ctDNA drawn 5 days before the recorded end of
    the line that progressed was read as older than the progression: a retest before choosing,
    and the ESR1 mutation 'may no longer hold'. A draw within the progression's work-up
    (``PROGRESSION_VISIT_DAYS`` before the recorded end) is current; the retest still asks
    after the progression's own date, and a draw months before it stays stale."""
    from resistx.sequencing.reliability import PROGRESSION_VISIT_DAYS  # noqa: PLC0415

    plan = _planned(_drawn_before_the_end(5), "ye2024")
    assert not [a for a in plan.actions if a.code == "retest"]
    elacestrant = plan.option("elacestrant")
    assert elacestrant is not None
    assert not any("predates" in r.text for r in elacestrant.reasons)
    for days in (PROGRESSION_VISIT_DAYS + 1, 90):
        stale = _planned(_drawn_before_the_end(days), "ye2024")
        retest = [a for a in stale.actions if a.code == "retest"]
        assert retest and "after the progression of 2026-04-01" in retest[0].text, days


def test_trastuzumab_deruxtecan_is_not_said_within_its_approval_before_a_metastatic_endocrine_line() -> (
    None
):
    """Case 2652b (MAJOR, practice-2026): HER2-ultralow disease relapsing on adjuvant
    abemaciclib + anastrozole, liver metastases, nothing yet for metastatic disease: the
    reason said trastuzumab deruxtecan, 'within its approval', may weigh before another
    endocrine line; its approvals ask for endocrine therapy (DESTINY-Breast06) or
    chemotherapy (DESTINY-Breast04) for metastatic disease first. After a metastatic endocrine
    line the sentence stands."""
    relapse = _woman(
        "2026-05-01",
        _on_tissue("2026-04-10"),
        {
            "drugs": ["abemaciclib", "anastrozole"],
            "setting": "adjuvant",
            "started_on": "2024-03-01",
            "ended_on": "2026-03-15",
            "stop_reason": "progression",
        },
        relapsed_on="2026-03-15",
        her2="ultralow",
        metastatic_sites=["bone", "liver"],
    )
    plan = _planned(relapse, "practice-2026")
    tdxd = plan.option("trastuzumab-deruxtecan")
    said = " ".join(r.text for r in tdxd.reasons) if tdxd else ""
    assert tdxd is not None and "within its approval" not in said
    assert "does not yet cover" in said and "once its approval covers her" in said


def test_sacituzumab_govitecan_with_no_labelled_dose_in_child_pugh_b_is_at_best_an_alternative() -> (
    None
):
    """Case 2643a (MAJOR): in moderate hepatic impairment (Child-Pugh B, not from metastases)
    after two chemotherapy lines, sacituzumab govitecan came first and preferred while its own
    caution said its label gives no starting dose there. It is at best an alternative, after
    chemotherapy, which can be dosed for the liver; with mild impairment it stays preferred."""
    for child_pugh, moved in (("B", True), ("A", False)):
        data = _woman(
            "2026-05-01",
            _on_tissue("2026-04-10"),
            _course(
                ["palbociclib", "letrozole"], "2023-01-10", "2025-03-20", "progression", line=1
            ),
            _course(["capecitabine"], "2025-04-01", "2025-10-20", "progression", line=2),
            _course(["paclitaxel"], "2025-11-01", "2026-04-05", "progression", line=3),
            her2="0",
            comorbidities=[
                {"name": "hepatic_impairment", "child_pugh": child_pugh, "from_metastases": False}
            ],
        )
        for policy in ("ye2024", "practice-2026"):
            plan = _planned(data, policy)
            sg, chemo = plan.option("sacituzumab-govitecan"), plan.option("chemotherapy")
            assert sg is not None and chemo is not None
            if moved:  # and below chemotherapy whatever its tier (case 2677c)
                assert sg.tier is resistx.Tier.LATER, policy
                assert chemo.rank < sg.rank, policy
                assert any("starting dose" in r.text for r in sg.reasons), policy
            else:
                assert sg.tier is resistx.Tier.PREFERRED, policy


def _labelled(text: str) -> dict[str, Any]:
    """Interop example 01 with palbociclib's order named by ``text`` alone (no code)."""
    data = bundle()
    data["entry"][9]["resource"]["medicationCodeableConcept"] = {"text": text}
    return data


def test_a_drug_label_with_its_form_and_strength_or_salt_is_read_not_left_out() -> None:
    """Case 2610 (MAJOR): 'Palbociclib Tablet 125 mg' (and 'IBRANCE (palbociclib) 125 mg
    capsule', 'Ribociclib succinate') was left out as no drug resistx knows: the plan read
    'no CDK4/6 inhibitor on record' and offered palbociclib again, preferred. A label that
    names one drug among its words is read as it, and the report says so."""
    for text, drug in (
        ("Palbociclib Tablet 125 mg", "palbociclib"),
        ("IBRANCE (palbociclib) 125 mg capsule", "palbociclib"),
        ("RIBOCICLIB SUCCINATE 200 MG TAB", "ribociclib"),
    ):
        conversion = from_fhir(_labelled(text))
        drugs = {d for t in conversion.profile.treatments for d in t.drugs}
        assert drug in drugs, text
        assert any(text in a.text for a in conversion.assumptions), text


def test_a_drug_label_naming_two_drugs_is_refused_not_read_as_its_first() -> None:
    """Case 2609 (MAJOR): 'letrozole 2.5mg + ribociclib 600mg' was read as letrozole alone,
    as an assumption, and the plan read no CDK4/6 inhibitor; a co-pack named by its brands
    was left out. A label that names two drugs is refused, naming both: each is an agent of
    its own."""
    for text in ("letrozole 2.5mg + ribociclib 600mg", "Kisqali Femara Co-Pack"):
        with pytest.raises(resistx.ProfileError) as caught:
            from_fhir(_labelled(text))
        said = str(caught.value)
        assert "ribociclib" in said and "letrozole" in said, said


def test_metastatic_lines_numbered_with_a_gap_ask_for_the_missing_line_before_choosing() -> None:
    """Case 2599c (MAJOR): HER2-low, ribociclib + letrozole as line 1 and everolimus +
    exemestane as line 3, no line 2: read silently as a complete history (no chemotherapy
    line: chemotherapy preferred, trastuzumab deruxtecan later), where a capecitabine line 2
    makes trastuzumab deruxtecan preferred. The plan asks, before choosing, for the missing
    line; numbered without a gap, it does not."""

    def lines(third: int) -> dict[str, Any]:
        return _woman(
            "2026-04-01",
            _on_tissue("2026-03-10"),
            _course(["ribociclib", "letrozole"], "2023-01-10", "2024-09-15", "progression", line=1),
            _course(
                ["everolimus", "exemestane"], "2025-06-01", "2026-02-20", "progression", line=third
            ),
            her2="low",
        )

    plan = _planned(lines(3), "ye2024")
    asked = [a for a in plan.actions if a.code == "record_missing_lines"]
    assert asked and asked[0].before_choosing and "Line 2 " in asked[0].text
    assert not [a for a in _planned(lines(2), "ye2024").actions if a.code == "record_missing_lines"]


def _her2_low_after_two_chemotherapy_lines(*comorbidities: Any) -> dict[str, Any]:
    """Case 2651: HER2-low (IHC 1+ on a metastasis) after palbociclib + letrozole, capecitabine
    and paclitaxel, no target on tissue."""
    return _woman(
        "2026-05-01",
        _on_tissue("2026-04-10"),
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-03-20", "progression", line=1),
        _course(["capecitabine"], "2025-04-01", "2025-10-20", "progression", line=2),
        _course(["paclitaxel"], "2025-11-01", "2026-04-05", "progression", line=3),
        her2="low",
        comorbidities=list(comorbidities),
    )


def test_an_ungraded_lung_disease_that_leaves_tdxd_out_asks_its_grade_before_choosing() -> None:
    """Case 2651 (MAJOR): a radiation pneumonitis recorded without its grade left trastuzumab
    deruxtecan out, the standard after chemotherapy in HER2-low disease, and nothing asked for
    the grade, where a grade 1 that resolved without steroids makes it an alternative. It
    stays out (a current fibrosis is recorded the same way), and the plan asks for the grade
    before choosing; with the grade given, it does not ask."""
    plan = _planned(_her2_low_after_two_chemotherapy_lines("radiation pneumonitis"), "ye2024")
    assert plan.option("trastuzumab-deruxtecan") is None
    asked = [a for a in plan.actions if a.code == "grade_lung_disease"]
    assert asked and asked[0].before_choosing and "steroids" in asked[0].text
    graded = {"name": "interstitial_lung_disease", "grade": 1}
    again = _planned(_her2_low_after_two_chemotherapy_lines(graded), "ye2024")
    assert not [a for a in again.actions if a.code == "grade_lung_disease"]
    assert again.option("trastuzumab-deruxtecan") is not None


def _before_capecitabine(**first: Any) -> dict[str, Any]:
    """Case 2593: palbociclib + letrozole from 2025-09-01, progressed, its end not recorded;
    capecitabine from 2026-01-05 to its progression on 2026-03-28; a ctDNA on 2026-04-02 with
    ESR1 and the PI3K pathway not detected; no line numbers."""
    return _woman(
        "2026-04-20",
        [
            result(g, "not_detected", sample="ctdna", tested_on="2026-04-02", tumour_fraction=0.05)
            for g in ("ESR1", *PAM)
        ],
        {
            "drugs": ["palbociclib", "letrozole"],
            "setting": "metastatic",
            "started_on": "2025-09-01",
            "stop_reason": "progression",
            **first,
        },
        _course(["capecitabine"], "2026-01-05", "2026-03-28", "progression"),
    )


def test_a_progression_undated_but_placed_before_a_later_line_by_its_start_leaves_tests_current() -> (
    None
):
    """Case 2593 (MAJOR): palbociclib + letrozole ended in progression with no end date, but
    started before capecitabine, whose progression is dated: its progression came before
    capecitabine began, yet the tests after capecitabine's progression were set aside as
    unplaced, a retest asked and nothing preferred (with line numbers, 2593c, they were read).
    A course that started before a later one whose progression is dated is placed before it."""
    plan = _planned(_before_capecitabine(), "ye2024")
    assert not [a for a in plan.actions if a.code == "retest"]
    assert plan.options[0].tier is resistx.Tier.PREFERRED
    numbered = _before_capecitabine(line=1)
    numbered["treatments"][1]["line"] = 2
    assert [o.regimen.id for o in plan.options] == [
        o.regimen.id for o in _planned(numbered, "ye2024").options
    ]


def test_endocrine_resistance_names_only_the_targets_found() -> None:
    """Case 2713j (MAJOR in part): PIK3CA H1047R found, ESR1 not, after palbociclib +
    letrozole, everolimus + exemestane and tamoxifen: rule 22's reason said 'the targets found
    (ESR1, PI3K pathway) already acted on', naming an ESR1 mutation never found. It names the
    targets found. (That everolimus uses up the pathway's target is case 512's reading, kept:
    CAPItello-291 and SOLAR-1 left out prior mTOR inhibitors.)"""
    data = _woman(
        "2026-05-01",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-04-10", variant="H1047R"),
            *(
                result(g, "not_detected", sample="tissue", tested_on="2026-04-10")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2022-01-10", "2024-01-20", "progression", line=1),
        _course(["everolimus", "exemestane"], "2024-02-01", "2025-01-20", "progression", line=2),
        _course(["tamoxifen"], "2025-02-01", "2026-03-20", "progression", line=3),
    )
    plan = _planned(data, "ye2024")
    said = [
        r.text for o in plan.options for r in o.reasons if r.code.startswith("endocrine_resistance")
    ]
    assert said and all("ESR1" not in t for t in said)
    assert any("(PI3K pathway)" in t for t in said)


def test_lada_and_mody_are_diabetes_and_diabetes_insipidus_is_not() -> None:
    """Case 2739o (MAJOR): 'LADA' and 'MODY' were refused towards other_conditions, where the
    diabetes rules do not read them (alpelisib and capivasertib preferred on insulin); they
    are diabetes mellitus, refused with the record that its rules read. 'Diabetes insipidus'
    (2739n) and a past gestational diabetes were hinted as diabetes, which leaves alpelisib
    out: they are not."""
    for name in ("LADA", "MODY", "LADA on basal insulin"):
        said = _refusal(_her2_low_after_two_chemotherapy_lines(name))
        assert '{"name": "diabetes"' in said, name
    for name in ("diabetes insipidus", "gestational diabetes (1998)"):
        said = _refusal(_her2_low_after_two_chemotherapy_lines(name))
        assert '{"name": "diabetes"' not in said and "did you mean" not in said, name  # 2769


def test_a_label_with_a_drug_the_converter_cannot_read_beside_one_it_can_is_refused() -> None:
    """Cases 2683a, 2682b (MAJOR, the recheck): 'palbo + letrozole' was read as letrozole
    alone (the abbreviation unread), and 'Palbociclib-ratiopharm 125 mg' or
    'palbociclib-letrozole' left out: the plan read no CDK4/6 inhibitor. A drug joined to a
    maker's name by a hyphen is read; a label of several agents with one unread is refused,
    naming it."""
    for text, drug in (
        ("Palbociclib-ratiopharm 125 mg Hartkapseln", "palbociclib"),
        ("Tamoxifen-Citrat", "tamoxifen"),
        ("letrozole 2.5mg PO daily with food", "letrozole"),  # a sig, no agent (2762)
        ("Palbociclib 125 mg (3 weeks on, 1 week off)", "palbociclib"),
    ):
        drugs = {d for t in from_fhir(_labelled(text)).profile.treatments for d in t.drugs}
        assert drug in drugs, text
    for text, unread in (
        ("palbo + letrozole", "palbo"),
        ("letrozole (with palbo)", "palbo"),
        ("palbociclib-letrozole", None),
    ):
        with pytest.raises(resistx.ProfileError) as caught:
            from_fhir(_labelled(text))
        said = str(caught.value)
        assert "letrozole" in said and (unread is None or repr(unread) in said), said


def test_an_unknown_status_weeks_after_a_gnrh_agonist_reads_as_before_the_menopause() -> None:
    """Case 2676c (borderline MAJOR, the recheck): goserelin ended with line 1 on 2026-04-01,
    paclitaxel since, status unknown, the plan on 2026-06-01: read as postmenopausal,
    elacestrant first, the question of status silent on the agonist. Within
    ``GNRH_SUPPRESSION_DAYS`` of its end the menopause cannot be shown: read as before it,
    and the question says why."""
    data = _woman(
        "2026-06-01",
        [result("ESR1", "mutated", sample="ctdna", tested_on="2026-05-20")],
        _course(
            ["palbociclib", "letrozole", "goserelin"],
            "2024-01-10",
            "2026-04-01",
            "progression",
            line=1,
        ),
        _course(["paclitaxel"], "2026-04-15", "2026-05-25", "progression", line=2),
        menopausal_status="unknown",
    )
    plan = _planned(data, "ye2024")
    asked = next(a for a in plan.actions if a.code == "establish_menopausal_status")
    assert "goserelin" in asked.text and "premenopausal" in asked.text
    elacestrant = plan.option("elacestrant")
    assert elacestrant is not None and elacestrant.tier is not resistx.Tier.PREFERRED


def _undated_goserelin(status: str, later: dict[str, Any]) -> dict[str, Any]:
    """Cases 2676b, 2745: palbociclib + letrozole + goserelin as line 1 for 30 months with no
    dates, then ``later``, ESR1 mutated, the plan on 2026-06-01, ``status`` recorded."""
    return _woman(
        "2026-06-01",
        [result("ESR1", "mutated", sample="ctdna", tested_on="2026-05-20")],
        {
            "drugs": ["palbociclib", "letrozole", "goserelin"],
            "setting": "metastatic",
            "months": 30,
            "line": 1,
            "stop_reason": "progression",
        },
        later,
        menopausal_status=status,
    )


def test_postmenopausal_beside_an_agonist_whose_end_no_date_places_is_refused() -> None:
    """Case 2676b (MAJOR, the recheck): palbociclib + letrozole + goserelin for 30 months with
    no dates, then paclitaxel from 2026-04-15, 'postmenopausal' on 2026-06-01: accepted,
    elacestrant first, where the same history with its dates was refused. An agonist's course
    with no end date is placed only by a later course that started more than
    ``GNRH_SUPPRESSION_DAYS`` before the plan."""

    def history(paclitaxel_from: str) -> dict[str, Any]:
        later = _course(["paclitaxel"], paclitaxel_from, None, "ongoing", line=2)
        return _undated_goserelin("postmenopausal", later)

    said = _refusal(history("2026-04-15"))
    assert "goserelin" in said and "end" in said
    _planned(history("2025-12-01"), "ye2024")  # paclitaxel over 84 days ago places it


def test_with_earlier_lines_missing_nothing_is_preferred_until_they_are_recorded() -> None:
    """Case 2680b (MAJOR, the recheck): only line 3 (capecitabine) on record: the plan asked
    for lines 1 and 2 but meanwhile made the first-line CDK4/6-inhibitor regimens preferred
    ('no CDK4/6 inhibitor on record'), though a third line has almost surely followed one.
    Until the missing lines are recorded nothing is preferred; numbered from 1, as before."""

    def lines(first: int) -> dict[str, Any]:
        return _woman(
            "2026-05-01",
            _on_tissue("2026-04-10"),
            _course(["capecitabine"], "2025-10-01", "2026-04-01", "progression", line=first),
            her2="0",
        )

    gap = _planned(lines(3), "ye2024")
    assert [a for a in gap.actions if a.code == "record_missing_lines"]
    assert all(o.tier is not resistx.Tier.PREFERRED for o in gap.options)
    assert any(o.tier is resistx.Tier.PREFERRED for o in _planned(lines(1), "ye2024").options)


def test_an_unknown_status_beside_an_undated_agonist_reads_as_before_the_menopause() -> None:
    """Case 2745 (MAJOR, the last recheck): goserelin in line 1 for 30 months with no dates,
    paclitaxel from 2026-04-01, status unknown: read as postmenopausal, elacestrant first,
    where 'postmenopausal' for the same record is refused. And case 2742c: a course after the
    agonist that lasted over ``GNRH_SUPPRESSION_DAYS`` places it earlier, dates or not."""

    undated = _undated_goserelin
    paclitaxel = _course(["paclitaxel"], "2026-04-01", None, "ongoing", line=2)
    plan = _planned(undated("unknown", paclitaxel), "ye2024")
    asked = next(a for a in plan.actions if a.code == "establish_menopausal_status")
    assert "goserelin" in asked.text and "premenopausal" in asked.text
    long_line = {"drugs": ["capecitabine"], "setting": "metastatic", "months": 39, "line": 2}
    _planned(undated("postmenopausal", dict(long_line, stop_reason="progression")), "ye2024")


def test_an_abbreviated_or_her2_directed_agent_is_refused_not_left_out() -> None:
    """Case 2764 (MAJOR, the last recheck): 'Palbo 125 mg' was left out as no drug resistx
    knows (the plan read no CDK4/6 inhibitor), and 'Herceptin 440 mg' dropped, where a profile
    refuses both. A word that begins a drug's name is refused with that name; a HER2-directed
    drug with the profile's message. A supportive drug stays left out and reported."""
    for text, said in (("Palbo 125 mg", "palbociclib"), ("Herceptin 440 mg", "HER2")):
        with pytest.raises(resistx.ProfileError) as caught:
            from_fhir(_labelled(text))
        assert said in str(caught.value), text
    converted = from_fhir(_labelled("ondansetron 8 mg"))
    assert any("ondansetron" in e.text for e in converted.unmapped)


def test_a_converted_diabetes_the_codes_do_not_list_is_read_as_diabetes_not_free_text() -> None:
    """Case 2768 (MAJOR, the last recheck): a FHIR Condition of latent autoimmune diabetes
    (SNOMED 426875007), MODY, or the text 'Type 1 diabetes mellitus' went to other_conditions,
    and capivasertib and alpelisib were preferred, the diabetes rules unread. A condition
    named as diabetes mellitus is read as diabetes (type 1 as needing insulin), an
    assumption the report lists; diabetes insipidus stays free text."""
    data = bundle("03-pik3ca-esr1-diabetes")
    condition = data["entry"][1]["resource"]
    for text, insulin in (
        ("Latent autoimmune diabetes mellitus in adult", False),
        ("Type 1 diabetes mellitus", True),
        ("Diabetes insipidus", None),
    ):
        condition["code"] = {"text": text}
        converted = from_fhir(data)
        diabetes = [c for c in converted.profile.comorbidities if c.name.value == "diabetes"]
        if insulin is None:
            assert not diabetes and text in converted.profile.other_conditions, text
        else:
            assert diabetes and bool(diabetes[0].insulin) is insulin, text
            assert any(text in a.text for a in converted.assumptions), text


def test_insulin_by_its_brand_makes_the_converted_diabetes_one_that_needs_insulin() -> None:
    """Case 2771 (MAJOR, the final review): a MedicationStatement of 'Lantus' (or Humalog,
    Tresiba, ...) left the diabetes without insulin and capivasertib preferred, where
    'insulin glargine' made it a later option. Insulin is read by its brands too."""
    from resistx.vocab.interactions import is_insulin  # noqa: PLC0415

    for name in ("Lantus SoloStar 100 units/mL", "Humalog", "Tresiba", "INS GLARG", "insulin"):
        assert is_insulin(name), name
    for name in ("metformin", "letrozole", "Linsulin-free"):
        assert not is_insulin(name), name


def test_a_phenopacket_medication_whose_doses_ended_is_not_read_as_taken_now() -> None:
    """Case 2789 (MAJOR, the final review): rifampicin given in 2014 (its dose interval
    ended) was read as taken now: elacestrant a relative contraindication, nothing preferred.
    A medication whose every dose interval has ended is not taken now: reported, not read."""
    data = _phenopacket("03-pik3ca-esr1-diabetes")
    data.setdefault("medicalActions", []).append(
        {
            "treatment": {
                "agent": {"id": "DrugBank:DB01045", "label": "Rifampicin"},
                "doseIntervals": [
                    {"interval": {"start": "2014-01-01T00:00:00Z", "end": "2014-07-01T00:00:00Z"}}
                ],
            }
        }
    )
    converted = from_phenopacket(data)
    assert "Rifampicin" not in converted.profile.medications
    assert any("Rifampicin" in e.text for e in converted.unmapped)


def test_without_as_of_the_agonist_is_measured_to_the_plans_own_date() -> None:
    """Reading the change again: the refusal of 'postmenopausal' measured an ended agonist's
    84 days to ``as_of`` only, while the plan's reading of 'unknown' measured them to the
    decision date (``as_of``, else the profile's latest date). With no ``as_of``, goserelin
    ended 2026-04-01 and a test on 2026-04-10 (9 days on) was accepted as postmenopausal,
    where 'unknown' read her as before the menopause. Both measure to the decision date."""
    data = _on_goserelin("postmenopausal", stop="completed")  # ended 2026-04-01
    del data["as_of"]
    assert "9 days before the plan's date" in _refusal(data)
