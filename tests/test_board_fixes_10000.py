"""Session 75's fixes: what session 74's reviews left (9914, 9881)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx

DATA = Path(__file__).parent / "data" / "board_10000"
_POLICIES = ("ye2024", "practice-2026")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    return data


def _texts(option: resistx.Option) -> str:
    return " ".join(r.text for r in option.reasons)


@pytest.mark.parametrize(
    ("adc", "lines"),
    [
        ("sacituzumab-govitecan", "1"),
        ("sacituzumab-govitecan", "0"),
        ("sacituzumab-govitecan", "0, within its label"),
        ("trastuzumab-deruxtecan", "0"),
    ],
)
def test_an_adc_before_its_lines_does_not_say_chemotherapy_comes_first_when_it_is_declined(
    adc: str, lines: str
) -> None:
    """9914 (MINOR): with chemotherapy declined and the ADCs accepted, sacituzumab govitecan
    before TROPiCS-02's chemotherapy lines said 'so chemotherapy comes first', an option the
    patient will not have. It says chemotherapy is declined; the same patient who accepts
    chemotherapy still reads that chemotherapy comes first. Trastuzumab deruxtecan before
    DESTINY-Breast04's line (HER2-low, no chemotherapy line) says the same, and so does
    sacituzumab govitecan within its US label before any chemotherapy line (rule 4's
    ``sg_within_label``)."""
    profile = _load("9914")
    if adc == "trastuzumab-deruxtecan":
        profile["her2"] = "low"
    if lines != "1":
        profile["treatments"] = profile["treatments"][:1]
    if lines == "0, within its label":  # an endocrine-based line and two more
        first = profile["treatments"][0]
        profile["treatments"] += [
            {
                **first,
                "drugs": ["fulvestrant"],
                "line": 2,
                "started_on": "2025-04-20",
                "ended_on": "2025-08-20",
            },
            {
                **first,
                "drugs": ["everolimus", "exemestane"],
                "line": 3,
                "started_on": "2025-09-01",
                "ended_on": "2026-03-25",
            },
        ]
    declined = resistx.sequence(profile, _load("9914-prefs"))
    accepted = resistx.sequence(profile)
    said = declined.option(adc)
    assert said is not None, [o.regimen.id for o in declined.options]
    code = "sg_within_label" if "label" in lines else "adc_before_chemotherapy"
    assert code in [r.code for r in said.reasons], [r.code for r in said.reasons]
    assert "comes first" not in _texts(said), _texts(said)
    assert "chemotherapy is declined" in _texts(said), _texts(said)
    other = accepted.option(adc)
    assert other is not None
    assert "chemotherapy comes first" in _texts(other), _texts(other)
    assert "declined" not in _texts(other), _texts(other)


def _tier(option: resistx.Option) -> int:
    return (resistx.Tier.PREFERRED, resistx.Tier.ALTERNATIVE, resistx.Tier.LATER).index(option.tier)


@pytest.mark.parametrize("policy", _POLICIES)
def test_after_a_degrader_failed_twice_chemotherapy_is_at_least_an_alternative(
    policy: str,
) -> None:
    """9881 (MINOR): after abemaciclib + fulvestrant and fulvestrant alone (5 months), with ESR1
    and PIK3CA mutations and no chemotherapy line, every option with a degrader was a later one
    (rule 93: the degrader failed twice, the options that do not rest on it come first), yet
    chemotherapy, which nothing capped, was a later option too, below elacestrant, and nothing
    was above 'later' under ye2024. Chemotherapy does not rest on the degrader: it is at least
    an alternative, above the options rule 93 caps, and its reason names rule 93."""
    plan = resistx.sequence(_load("9881"), policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert _tier(chemo) <= 1, (chemo.tier, [r.code for r in chemo.reasons])
    assert any(r.rule == 93 for r in chemo.reasons), [(r.rule, r.code) for r in chemo.reasons]
    for o in plan.options:
        if any(r.code == "degrader_failed_twice" for r in o.reasons):
            assert o.rank > chemo.rank, (o.regimen.id, o.rank, chemo.rank)


@pytest.mark.parametrize(
    "change", ["a long second fulvestrant course", "ECOG 3", "one degrader course"]
)
def test_chemotherapy_keeps_its_tier_where_no_degrader_failed_twice(change: str) -> None:
    """9881's floor reads rule 93's own condition: not after a long response to the second
    degrader (endocrine sensitivity, case 745), nor after one degrader course; and not at ECOG
    3-4, where rule 13 puts the least toxic options first (as rule 4's floor, 9845)."""
    profile = _load("9881")
    if change == "a long second fulvestrant course":
        profile["treatments"][1]["started_on"] = "2025-06-02"
        profile["treatments"][0]["ended_on"] = "2025-05-20"
    elif change == "ECOG 3":
        profile["ecog"] = 3
    else:
        profile["treatments"][0]["drugs"] = ["abemaciclib", "letrozole"]
    plan = resistx.sequence(profile, policy="ye2024")
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert not any(r.rule == 93 for r in chemo.reasons), [r.code for r in chemo.reasons]
