"""Session 66: the reviews of cases 7410 onwards (biomarker timing and thresholds, the
practice-2026 policy, comorbidities and preferences)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import PALBOCICLIB, TISSUE_PATHWAY_NEGATIVE, patient, rank

PRACTICE = "practice-2026"


def _after_palbociclib(ended_on: str, **kw: Any) -> dict[str, Any]:
    """Nothing actionable on tissue, after first-line palbociclib + letrozole from 2025-03-10."""
    course = dict(PALBOCICLIB, started_on="2025-03-10", ended_on=ended_on)
    return patient(treatments=[course], biomarkers=TISSUE_PATHWAY_NEGATIVE, **kw)


def _top(p: resistx.Plan) -> str:
    return p.options[0].regimen.id


def test_eleven_months_on_a_first_line_cdk46i_with_nothing_actionable_is_endocrine_sensitive() -> (
    None
):
    """7428b (MAJOR, raised before as 772, 870, 5824): at 11.7 months chemotherapy was
    preferred under practice-2026 and abemaciclib + fulvestrant came first at 12.1. Progression
    after 6 months of endocrine therapy for advanced disease is secondary, not primary,
    resistance (ESO-ESMO ABC 5), and postMONARCH's population set no minimum (update-2026.md
    section 1): another endocrine-based line comes before chemotherapy from the plan's
    short-course threshold on, not from 12 months."""
    p = resistx.sequence(_after_palbociclib("2026-02-01"), policy=PRACTICE)
    assert _top(p) == "abemaciclib+fulvestrant"
    assert rank(p, "abemaciclib+fulvestrant") < rank(p, "chemotherapy")
    first = p.options[0]
    assert any(r.code == "endocrine_sensitive_endocrine_first" for r in first.reasons)
    assert "course of 6 months or more" in " ".join(r.text for r in first.reasons)


def test_under_six_months_on_the_cdk46i_chemotherapy_stays_first() -> None:
    """A short course (under short_cdk46i_months, 6 by default) is early endocrine
    resistance: the review's chemotherapy comes first, postMONARCH's switch beside it."""
    p = resistx.sequence(_after_palbociclib("2025-08-20"), policy=PRACTICE)
    assert _top(p) == "chemotherapy"


@pytest.mark.parametrize(
    ("short", "top"), [(9.0, "chemotherapy"), (6.0, "abemaciclib+fulvestrant")]
)
def test_the_sensitivity_threshold_follows_short_cdk46i_months(short: float, top: str) -> None:
    """At 7.7 months, a short-course threshold raised to 9 leaves the course short."""
    p = resistx.sequence(
        _after_palbociclib("2025-11-01"), {"short_cdk46i_months": short}, policy=PRACTICE
    )
    assert _top(p) == top


def test_a_threshold_lowered_below_six_months_does_not_make_a_short_course_sensitive() -> None:
    """7530 (MAJOR, the recheck): with short_cdk46i_months at 4, five months on the CDK4/6
    inhibitor read as endocrine-sensitive, and trastuzumab deruxtecan, within DESTINY-Breast06's
    entry (progression within 6 months), stepped back behind the endocrine lines, its reasons
    saying both. Progression within 6 months of first-line endocrine therapy is primary
    resistance (ESO-ESMO ABC 5), whatever the plan's short-course threshold."""
    p = resistx.sequence(
        _after_palbociclib("2025-08-10", her2="low"), {"short_cdk46i_months": 4}, policy=PRACTICE
    )
    assert _top(p) == "trastuzumab-deruxtecan"
    said = [r.code for o in p.options for r in o.reasons]
    assert "endocrine_sensitive_endocrine_first" not in said


def test_the_sensitive_reading_says_it_is_secondary_resistance_read_as_responsive() -> None:
    """The recheck (MINOR): the reason called the disease endocrine-sensitive while defining it
    as secondary resistance, named the setting, and left out postMONARCH's larger benefit after
    12 months or more."""
    p = resistx.sequence(_after_palbociclib("2026-02-01"), policy=PRACTICE)
    [said] = [r for r in p.options[0].reasons if r.code == "endocrine_sensitive_endocrine_first"]
    assert "short_cdk46i_months" not in said.text
    assert "6 months or more" in said.text and "12 months or more" in said.text
