"""Scenario tests for the findings of the blind review of cases 502-506 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

import resistx
from tests.helpers import CAPECITABINE, NEGATIVE, PALBOCICLIB, option, patient, rank, result

CCNE1_AMPLIFIED = result("CCNE1", "amplified")
RB1_LOST = result("RB1", "mutated", variant="R320*")
CDK2_TRIALS = ("trial:NCT03519178", "trial:NCT04553133", "trial:NCT05262400")


def _rb1(*extra: dict[str, object], policy: str = "ye2024") -> resistx.Plan:
    """After palbociclib, nothing actionable, CCNE1 amplified (case 506)."""
    biomarkers = [*NEGATIVE, CCNE1_AMPLIFIED, *extra]
    return resistx.sequence(patient(biomarkers=biomarkers, treatments=[PALBOCICLIB]), policy=policy)


def test_with_rb1_loss_a_cdk2_inhibitor_trial_steps_back_behind_the_approved_options() -> None:
    for policy in ("ye2024", "practice-2026"):
        kept, lost = _rb1(policy=policy), _rb1(RB1_LOST, policy=policy)
        for trial in CDK2_TRIALS:
            assert rank(kept, trial) < rank(kept, "sacituzumab-govitecan"), (policy, trial)
            assert rank(lost, trial) > rank(lost, "sacituzumab-govitecan"), (policy, trial)
            assert rank(lost, trial) > rank(lost, "fulvestrant"), (policy, trial)
            said = [c for c in option(lost, trial).cautions if c.rule == 74]
            assert said and "RB1 loss" in said[0].text, (policy, trial)
            assert not [c for c in option(kept, trial).cautions if c.rule == 74]


def test_with_rb1_loss_a_trial_with_a_cdk46i_arm_is_not_left_out_but_steps_back() -> None:
    """VELA tests BLU-222 alone and with ribociclib: the trial asks its own eligibility."""
    lost = _rb1(RB1_LOST)
    vela = option(lost, "trial:NCT05252416")
    assert [c for c in vela.cautions if c.rule == 74]
    assert vela.rank > rank(lost, "fulvestrant")
    assert lost.exclusion("ribociclib+fulvestrant") is not None


NINE_MONTHS_ABEMACICLIB = dict(
    PALBOCICLIB, drugs=["abemaciclib", "letrozole"], started_on="2025-06-01", ended_on="2026-03-01"
)
ESR1_AND_PIK3CA = [
    result("ESR1", "mutated", variant="Y537S"),
    result("PIK3CA", "mutated", variant="H1047R"),
    result("AKT1", "not_detected"),
    result("PTEN", "not_detected"),
]


def test_under_12_months_on_a_cdk46i_with_pik3ca_too_no_oral_serd_comes_before_capivasertib() -> (
    None
):
    """Case 502: what holds elacestrant back (its benefit lay after 12 months or more on a
    CDK4/6 inhibitor) holds the other oral SERDs back, whose trials report nothing by it."""
    p = resistx.sequence(
        patient(biomarkers=ESR1_AND_PIK3CA, treatments=[NINE_MONTHS_ABEMACICLIB]),
        policy="practice-2026",
    )
    first = rank(p, "capivasertib+fulvestrant")
    for serd in ("elacestrant", "imlunestrant", "vepdegestrant"):
        o = option(p, serd)
        assert o.rank > first, serd
        assert o.tier.value == "alternative", serd
        assert "after the PI3K/AKT-pathway inhibitor" in o.reasons[0].text, serd


def _crisis(ecog: int) -> resistx.Option:
    """Case 504: a visceral crisis after palbociclib, nothing actionable, no chemotherapy."""
    p = resistx.sequence(patient(ecog=ecog, visceral_crisis=True, biomarkers=NEGATIVE))
    assert p.options[0].regimen.id == "chemotherapy"
    return p.options[0]


def test_in_a_visceral_crisis_at_ecog_2_chemotherapy_may_be_a_combination() -> None:
    """Where the disease brought the decline, a fast response is what the crisis asks."""
    (at_2,) = [r.text for r in _crisis(2).reasons if r.rule == 13]
    assert "combination" in at_2
    assert "a single agent, chosen and dosed for the performance status" not in at_2
    (at_3,) = [r.text for r in _crisis(3).reasons if r.rule == 13]
    assert "a single agent" in at_3


def test_without_chemotherapy_for_metastatic_disease_its_evidence_is_second_line_after_a_cdk46i() -> (
    None
):
    """Case 504: TROPiCS-02's control arm had 2-4 chemotherapy lines before; the study of
    second-line therapy after a CDK4/6 inhibitor is this patient's population."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=NEGATIVE), policy=policy)
        evidence = [r for r in option(p, "chemotherapy").reasons if r.rule == 16]
        assert evidence[0].text.startswith("a real-world study of second-line therapy"), policy
        pretreated = resistx.sequence(
            patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]), policy=policy
        )
        evidence = [r for r in option(pretreated, "chemotherapy").reasons if r.rule == 16]
        assert evidence[0].text.startswith("TROPiCS-02"), policy


def _after_capecitabine(policy: str, *comorbidities: object) -> resistx.Plan:
    """Case 505: HER2 0 after palbociclib and capecitabine, nothing actionable."""
    return resistx.sequence(
        patient(
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, CAPECITABINE],
            comorbidities=list(comorbidities),
        ),
        policy=policy,
    )


def test_a_grade_1_neuropathy_cautions_chemotherapy_without_moving_it() -> None:
    for policy in ("ye2024", "practice-2026"):
        none = option(_after_capecitabine(policy), "chemotherapy")
        grade_1 = option(
            _after_capecitabine(policy, {"name": "neuropathy", "grade": 1}), "chemotherapy"
        )
        said = [c.text for c in grade_1.cautions if c.rule == 12]
        assert said and "neuropathy" in said[0] and "grade 1" in said[0], policy
        assert (grade_1.rank, grade_1.scores) == (none.rank, none.scores), policy
        grade_0 = option(
            _after_capecitabine(policy, {"name": "neuropathy", "grade": 0}), "chemotherapy"
        )
        assert not [c for c in grade_0.cautions if c.rule == 12], policy


def test_after_a_chemotherapy_line_datopotamab_deruxtecan_comes_before_the_chemotherapy_it_beat() -> (
    None
):
    """TROPION-Breast01: a longer PFS than chemotherapy of the physician's choice with half its
    grade 3 or worse adverse events, and the same survival (which its reason says)."""
    p = _after_capecitabine("practice-2026")
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.rank < rank(p, "chemotherapy")
    assert "no overall-survival benefit" in " ".join(r.text for r in dato.reasons)
