"""Scenario tests for the findings of the blind reviews from case 2480 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: the everyday patients of a cohort
(2480-2519) and the evidence after the review under practice-2026 (2520-2559)."""

from __future__ import annotations

from typing import Any

import resistx
from tests.helpers import result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal

PAM = ("PIK3CA", "AKT1", "PTEN")


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
        [
            result(g, "not_detected", sample="tissue", tested_on=f"{2024 + len(agents)}-02-10")
            for g in ("ESR1", *PAM)
        ],
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
    # an agonist that has stopped is the known limitation of case 1124, not refused here
    _planned(_on_goserelin("postmenopausal", stop="completed"), "ye2024")


def _drawn_before_the_end(days_before: int) -> dict[str, Any]:
    """Case 2480c: ESR1 Y537S and the PI3K pathway negative on a ctDNA drawn ``days_before``
    the recorded end of palbociclib + letrozole, which ended in progression on 2026-04-01."""
    import datetime as dt  # noqa: PLC0415

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
