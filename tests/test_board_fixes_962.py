"""Scenario tests for the findings of the blind reviews from case 962 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: comorbidities (962-966),
biomarkers retested over time (967-971), and women before the menopause and men (972-976)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, patient, result
from tests.test_board_fixes_882 import POLICIES, _actions, _course, _planned

PAM = ("PIK3CA", "AKT1", "PTEN")


def _woman(
    as_of: str, biomarkers: list[dict[str, Any]], *treatments: dict[str, Any], **kw: Any
) -> dict[str, Any]:
    """A postmenopausal woman (``menopausal_status`` in ``kw`` otherwise), schema 2."""
    kw.setdefault("ecog", 1)
    kw.setdefault("menopausal_status", "postmenopausal")
    return patient(
        schema_version=2,
        as_of=as_of,
        sex="female",
        biomarkers=biomarkers,
        treatments=list(treatments),
        **kw,
    )


def _esr1_cleared(later: dict[str, Any]) -> dict[str, Any]:
    """Case 967: ESR1 Y537S in ctDNA at the progression on palbociclib + letrozole, then
    fulvestrant for 17 months, and at that progression ``later`` for ESR1."""
    return _woman(
        "2026-01-12",
        [
            result("ESR1", "mutated", tested_on="2024-05-28", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2024-05-28") for g in PAM),
            later,
            *(result(g, "not_detected", tested_on="2025-12-08") for g in PAM),
            result("TP53", "mutated", tested_on="2025-12-08", variant="R273H"),
        ],
        _course(["palbociclib", "letrozole"], "2021-10-01", "2024-05-20", "progression"),
        _course(["fulvestrant"], "2024-06-15", "2025-12-01", "progression"),
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("sample", ["ctdna", "tissue"])
def test_an_esr1_mutation_a_later_test_missed_still_steps_back_the_aromatase_inhibitor_regimens(
    policy: str, sample: str
) -> None:
    """Case 967 (MAJOR, both policies): an ESR1 Y537S acquired under letrozole, then not
    detected after fulvestrant: everolimus + exemestane ranked first with 'no rule moved it',
    as if the tumour had never shown a mutation that makes an aromatase inhibitor useless.
    Rule 60 reads an ESR1 mutation current or not."""
    later = result("ESR1", "not_detected", tested_on="2025-12-08", sample=sample)
    plan = _planned(_esr1_cleared(later), policy)
    everolimus = option(plan, "everolimus+exemestane")
    [reason] = [r for r in everolimus.reasons if r.code == "esr1_mutation_aromatase_inhibitor"]
    assert reason.rule == 60
    assert "2024-05-28" in reason.text, reason.text  # the plan names the test it reads
    assert everolimus.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id != "everolimus+exemestane", policy


def _after_fulvestrant() -> dict[str, Any]:
    """Case 969: progression on ribociclib + fulvestrant; ESR1 and the PI3K pathway negative
    on a ctDNA draw that found a TP53 mutation (it held tumour DNA)."""
    return _woman(
        "2026-03-02",
        [
            *(result(g, "not_detected", tested_on="2026-02-16") for g in ("ESR1", *PAM)),
            result("TP53", "mutated", tested_on="2026-02-16", variant="R175H"),
        ],
        _course(["palbociclib", "letrozole"], "2022-05-02", "2024-09-30", "progression"),
        _course(["ribociclib", "fulvestrant"], "2024-10-14", "2026-02-10", "progression"),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_tissue_check_of_the_pathway_after_fulvestrant_does_not_hold_the_choice(
    policy: str,
) -> None:
    """Case 969 (MAJOR, both policies): after progression on fulvestrant, a tissue biopsy to
    confirm a ctDNA pathway negative came before choosing, saying a PI3K-pathway alteration
    would put a PI3K or AKT inhibitor before chemotherapy; every such regimen of the policy
    gives it with fulvestrant, on which the disease progressed, and with a PIK3CA mutation
    added none of them moves up: the biopsy would delay treatment for nothing."""
    plan = _planned(_after_fulvestrant(), policy)
    [action] = _actions(plan, "confirm_pathway_tissue")
    assert not action.before_choosing, action.text
    assert "before chemotherapy" not in action.text
    assert "fulvestrant" in action.text
    # before any fulvestrant the same negatives hold the choice, as they did
    earlier = _after_fulvestrant()
    earlier["treatments"] = earlier["treatments"][:1]
    earlier["treatments"][0]["ended_on"] = "2026-02-10"
    [before] = _actions(_planned(earlier, policy), "confirm_pathway_tissue")
    assert before.before_choosing


def _man(*treatments: dict[str, Any]) -> dict[str, Any]:
    """Case 974: a man after a short first line of abemaciclib + letrozole."""
    return patient(
        schema_version=2,
        as_of="2026-03-02",
        ecog=1,
        sex="male",
        biomarkers=[
            result("AKT1", "mutated", tested_on="2026-02-16", variant="E17K"),
            *(result(g, "not_detected", tested_on="2026-02-16") for g in ("ESR1", "PIK3CA")),
        ],
        treatments=list(treatments),
    )


ABEMACICLIB_LETROZOLE = _course(
    ["abemaciclib", "letrozole"], "2025-09-01", "2026-02-05", "progression"
)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_man_whose_aromatase_inhibitor_had_no_gnrh_agonist_is_asked_before_choosing(
    policy: str,
) -> None:
    """Case 974 (MAJOR, both policies): a man progressed at 5 months on abemaciclib +
    letrozole with no GnRH agonist; the plan read it as primary endocrine resistance and
    preferred chemotherapy, and nothing asked about the agonist that rule 40 says a man's
    aromatase inhibitor needs."""
    plan = _planned(_man(ABEMACICLIB_LETROZOLE), policy)
    [action] = _actions(plan, "gnrh_agonist_missing")
    assert action.before_choosing and action.rule == 63
    assert "letrozole" in action.text and "oestradiol" in action.text
    # with leuprorelin in the course, or beside it, nothing to ask
    with_gnrh = dict(ABEMACICLIB_LETROZOLE, drugs=["abemaciclib", "letrozole", "leuprorelin"])
    assert not _actions(_planned(_man(with_gnrh), policy), "gnrh_agonist_missing")
    beside = _course(["leuprorelin"], "2025-09-01", None, "ongoing")
    assert not _actions(
        _planned(_man(ABEMACICLIB_LETROZOLE, beside), policy), "gnrh_agonist_missing"
    )


def test_the_ovarian_escape_question_says_what_the_options_assume() -> None:
    """Case 972 (MAJOR, ye2024): goserelin stopped eight months before the progression on
    ribociclib + letrozole; the plan asked to check oestradiol before choosing, yet ranked as
    if the answer changed nothing. The action says the options read the progression as
    endocrine resistance, and what an oestradiol in the premenopausal range would open."""
    goserelin = _course(["goserelin"], "2023-03-06", "2025-05-15", "patient_choice")
    ribociclib = _course(["ribociclib", "letrozole"], "2023-03-06", "2026-01-26", "progression")
    data = _woman(
        "2026-02-16",
        [result(g, "not_detected", tested_on="2026-02-02") for g in ("ESR1", *PAM)],
        ribociclib,
        goserelin,
        ecog=0,
        menopausal_status="perimenopausal",
    )
    for policy in POLICIES:
        [action] = _actions(_planned(data, policy), "ovarian_suppression_stopped")
        assert "premenopausal range" in action.text, action.text
        assert "ribociclib + letrozole" in action.text.split("premenopausal range")[1]
