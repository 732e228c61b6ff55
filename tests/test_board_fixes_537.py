"""Scenario tests for the findings of the blind reviews of cases 537-546 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

import resistx
from tests.helpers import PALBOCICLIB, option, patient, rank, result

PIK3CA_ON_CTDNA = [
    result("PIK3CA", "mutated", variant="E545K", tumour_fraction=0.05),
    result("ESR1", "not_detected", tumour_fraction=0.05),
    result("AKT1", "not_detected", tumour_fraction=0.05),
    result("PTEN", "not_detected", tumour_fraction=0.05),
]
IPATASERTIB_TRIALS = ("trial:NCT03959891", "trial:NCT04650581")  # TAKTIC, FINER


def _diabetes(hba1c: float, policy: str) -> resistx.Plan:
    return resistx.sequence(
        patient(
            schema_version=2,
            comorbidities=[{"name": "diabetes", "hba1c": hba1c}],
            biomarkers=PIK3CA_ON_CTDNA,
        ),
        policy=policy,
    )


def test_with_an_hba1c_of_8_or_more_the_akt_inhibitor_trials_come_after_the_options_without_that_risk() -> (
    None
):
    """Case 541 (MAJOR): HbA1c 8.4%: the ipatasertib trials ranked first while capivasertib,
    of the same class, stepped back for the same glucose risk."""
    for policy in ("ye2024", "practice-2026"):
        p = _diabetes(8.4, policy)
        for trial in IPATASERTIB_TRIALS:
            found = option(p, trial)
            [said] = [r for r in found.reasons if r.code == "akt_inhibitor_diabetes_uncontrolled"]
            assert said.rule == 78 and "8.0%" in said.text and "ipatasertib" in said.text, policy
            assert found.rank > rank(p, "fulvestrant"), policy
        # the text view shows why they stepped back
        assert "ipatasertib is an AKT inhibitor" in " ".join(p.to_text(width=10_000).split())
        controlled = _diabetes(7.1, policy)
        for trial in IPATASERTIB_TRIALS:
            assert option(controlled, trial).rank < rank(controlled, "fulvestrant"), policy


def _in_2024(**kw: object) -> dict[str, object]:
    """After palbociclib, PIK3CA mutated, at a date before DESTINY-Breast06's approval."""
    return patient(
        as_of="2024-12-05",
        biomarkers=[dict(r, tested_on="2024-11-20") for r in PIK3CA_ON_CTDNA],
        treatments=[dict(PALBOCICLIB, ended_on="2024-11-10")],
        **kw,
    )


def test_before_destiny_breast06s_approval_trastuzumab_deruxtecan_says_her2_low_opens_it_after_chemotherapy() -> (
    None
):
    """Cases 537 and 540 (MINOR, practice-2026): at a date before DESTINY-Breast06's approval,
    trastuzumab deruxtecan read as a trial only, with no word that its approval of 2022 for
    HER2-low disease (DESTINY-Breast04) covers the patient after a chemotherapy line."""
    p = resistx.sequence(_in_2024(her2="low"), policy="practice-2026")
    [said] = [
        r for r in option(p, "trastuzumab-deruxtecan").reasons if r.code == "not_yet_approved"
    ]
    assert "after a chemotherapy line" in said.text and "DESTINY-Breast04" in said.text
    ultralow = resistx.sequence(_in_2024(her2="ultralow"), policy="practice-2026")
    [said] = [
        r
        for r in option(ultralow, "trastuzumab-deruxtecan").reasons
        if r.code == "not_yet_approved"
    ]
    assert "chemotherapy line" not in said.text


def _ctdna_draw(*extra: dict[str, object], **kw: object) -> list[dict[str, object]]:
    """One ctDNA draw after the progression: ESR1 and the PI3K pathway not detected."""
    genes = ("ESR1", "PIK3CA", "AKT1", "PTEN")
    return [
        result(g, "not_detected", **kw) for g in genes if g not in {e["gene"] for e in extra}
    ] + [*extra]


def test_a_ctdna_draw_that_detected_nothing_and_reports_no_tumour_fraction_is_no_negative() -> None:
    """Case 534 (MAJOR, left PARTLY fixed in session 32): a ctDNA panel with nothing detected in
    any gene and no tumour fraction shows no tumour DNA, so its negatives may be false (ESMO's
    ctDNA recommendations, Pascual et al., Ann Oncol 2022: reflex tissue testing after a
    non-informative ctDNA result). The ESR1 drugs were left out as 'ESR1 not mutated'."""
    p = resistx.sequence(
        patient(biomarkers=_ctdna_draw(tumour_fraction=None)), policy="practice-2026"
    )
    assert p.option("elacestrant") is not None  # not left out on a negative that proves nothing
    assert any("shows no tumour DNA" in n for n in p.notes)
    [test] = [a for a in p.actions if "ESR1" in a.genes and a.code == "retest"]
    assert "tissue" in test.text
    # tumour DNA shown by a reported tumour fraction, or by a variant found in the same draw:
    # the negatives stand
    for shown in (
        _ctdna_draw(tumour_fraction=0.05),
        _ctdna_draw(
            result("PIK3CA", "mutated", variant="H1047R", tumour_fraction=None),
            tumour_fraction=None,
        ),
    ):
        plan = resistx.sequence(patient(biomarkers=shown), policy="practice-2026")
        assert plan.option("elacestrant") is None, shown
        assert not any("shows no tumour DNA" in n for n in plan.notes), shown
