"""Session 73's fixes: what session 72's recheck of the since-review section left (9580) and
this session's reviews (cases 9600 on)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx

DATA = Path(__file__).parent / "data" / "board_9600"
_PATHWAY_INHIBITORS = ("capivasertib+fulvestrant", "alpelisib+fulvestrant")
_SERDS = ("elacestrant", "imlunestrant", "vepdegestrant")
_BESIDE_THE_PATHWAY = {"pathway_inhibitor_first_under_12_months", "no_result_by_cdk46i_time"}


def _profile(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{case}.json").read_text("utf-8"))
    return data


def _with_cdk46i_months(profile: dict[str, Any], ended_on: str) -> dict[str, Any]:
    profile["treatments"][0]["ended_on"] = ended_on
    return profile


_TIER_ORDER = (resistx.Tier.PREFERRED, resistx.Tier.ALTERNATIVE, resistx.Tier.LATER)


@pytest.mark.parametrize(
    ("ended_on", "months"), [("2026-03-20", "5.6"), ("2026-06-25", "under 12, not short")]
)
def test_an_oral_serd_said_to_follow_the_pathway_inhibitor_never_stands_above_it(
    ended_on: str, months: str
) -> None:
    """9580 (MINOR): ESR1 and PIK3CA mutated, 5.6 months on palbociclib. Rule 28 said each
    approved oral SERD is 'at best an alternative, after the PI3K/AKT-pathway inhibitor', and
    lifted elacestrant and vepdegestrant to alternatives, while rule 18 (early endocrine
    resistance) held capivasertib + fulvestrant back as a later option, six ranks below them.
    What rule 28's reason says of the order, the plan keeps: an oral SERD's tier is never
    better than the best pathway inhibitor's, and where its reason puts it after that
    inhibitor, it ranks after it."""
    profile = _with_cdk46i_months(_profile("9580"), ended_on)
    profile["as_of"] = "2026-07-01"
    plan = resistx.sequence(profile, policy="practice-2026")
    inhibitors = [o for rid in _PATHWAY_INHIBITORS if (o := plan.option(rid)) is not None]
    best = min(inhibitors, key=lambda o: o.rank)
    for rid in _SERDS:
        serd = plan.option(rid)
        assert serd is not None, rid
        texts = [r.text for r in serd.reasons if r.code in _BESIDE_THE_PATHWAY]
        assert texts, (months, rid)
        assert _TIER_ORDER.index(serd.tier) >= _TIER_ORDER.index(best.tier), (months, rid)
        if any("after the PI3K/AKT-pathway inhibitor" in t for t in texts):
            assert serd.rank > best.rank, (months, rid, serd.rank, best.rank)
