"""Session 74's fixes: what session 73's review of later lines left (9791, 9792)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx

DATA = Path(__file__).parent / "data" / "board_9800"
_TIER_ORDER = (resistx.Tier.PREFERRED, resistx.Tier.ALTERNATIVE, resistx.Tier.LATER)
_POLICIES = ("ye2024", "practice-2026")
#: endocrine-based options with no target in these patients
_UNTARGETED = ("fulvestrant", "abemaciclib", "everolimus+exemestane", "ribociclib+fulvestrant")


def _profile(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{case}.json").read_text("utf-8"))
    return data


def _tier(option: resistx.Option) -> int:
    return _TIER_ORDER.index(option.tier)


def _esr1_mutated_now(profile: dict[str, Any]) -> dict[str, Any]:
    """The same patient with a current panel that finds an ESR1 mutation."""
    for b in profile["biomarkers"]:
        if b["origin"] == "somatic":
            b["tested_on"] = "2026-05-01"
    [esr1] = [b for b in profile["biomarkers"] if b["gene"] == "ESR1"]
    esr1.update(status="mutated", variant="Y537S")
    return profile


@pytest.mark.parametrize("policy", _POLICIES)
@pytest.mark.parametrize("case", ["9752", "9754", "9756", "9776", "9754 ESR1 mutated"])
def test_after_a_chemotherapy_line_another_agent_is_at_least_an_alternative(
    case: str, policy: str
) -> None:
    """9791, 9792 (MINOR): after progression on chemotherapy for metastatic disease (and an ADC,
    or a PARP inhibitor), chemotherapy was a 'later' option, ranked behind fulvestrant,
    abemaciclib and everolimus, while sacituzumab govitecan and olaparib were 'at best an
    alternative to chemotherapy'. The review finds chemotherapy effective in patients pretreated
    with a CDK4/6 inhibitor, and the ADC trials' chemotherapy arms enrolled after 1-2 and 2-4
    chemotherapy lines: once a chemotherapy line is on record, another agent is at least an
    alternative, ranked above the endocrine-based options that stay later ones. With a current
    ESR1 mutation after two cytotoxic lines (outside EMERALD's population, so elacestrant is an
    alternative), chemotherapy is an alternative too, above fulvestrant alone."""
    name, *variant = case.split(" ", 1)
    profile = _profile(name)
    if variant:
        profile = _esr1_mutated_now(profile)
    plan = resistx.sequence(profile, policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None, [o.regimen.id for o in plan.options]
    assert _tier(chemo) <= 1, (chemo.tier, [r.code for r in chemo.reasons])
    [said] = [r for r in chemo.reasons if r.code == "further_chemotherapy"]
    assert "at least an alternative" in said.text and said.rule == 4, said.text
    for rid in _UNTARGETED:
        other = plan.option(rid)
        if other is not None and other.tier is resistx.Tier.LATER:
            assert other.rank > chemo.rank, (rid, other.rank, chemo.rank)
    # an option said to be 'at best an alternative to chemotherapy' never stands a tier above it
    for o in plan.options:
        if any("alternative to chemotherapy" in r.text for r in o.reasons):
            assert _tier(chemo) <= _tier(o), (o.regimen.id, o.tier, chemo.tier)


def test_at_ecog_3_chemotherapy_after_a_line_stays_behind_endocrine_monotherapy() -> None:
    """Rule 4's floor is not rule 13's exception: at ECOG 3 after a chemotherapy line,
    chemotherapy stays behind endocrine monotherapy, the least toxic first (that a rule's cap
    wins over the floor is 9915's test below)."""
    profile = _profile("9756")
    profile["ecog"] = 3
    plan = resistx.sequence(profile)
    chemo = plan.option("chemotherapy")
    fulvestrant = plan.option("fulvestrant")
    assert chemo is not None and fulvestrant is not None
    assert fulvestrant.rank < chemo.rank, [o.regimen.id for o in plan.options]


def test_no_chemotherapy_line_on_record_leaves_chemotherapy_where_its_merit_puts_it() -> None:
    """Without a chemotherapy line for metastatic disease (the same patient before carboplatin),
    rule 4 says nothing of a further agent and sets no floor."""
    profile = _profile("9776")
    profile["treatments"] = profile["treatments"][:1]
    plan = resistx.sequence(profile)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert not any(r.code == "further_chemotherapy" for r in chemo.reasons)


@pytest.mark.parametrize(
    ("case", "adc", "code"),
    [
        ("9800", "trastuzumab-deruxtecan", "adc_before_chemotherapy"),
        ("9801", "sacituzumab-govitecan", "sg_within_label"),
    ],
)
def test_an_adc_whose_reason_says_chemotherapy_comes_first_ranks_after_it(
    case: str, adc: str, code: str
) -> None:
    """Found while checking 9791's fix over 4,000 generated patients: an ADC before the
    chemotherapy lines its trial required said 'so chemotherapy comes first' (rule 4) and
    ranked above chemotherapy, both later options, on its total (9800: trastuzumab deruxtecan
    at ECOG 2 with neuropathy; 9801: sacituzumab govitecan within its US label with no
    chemotherapy line, in 728 of 8,000 generated plans). What the reason says of the order,
    the order keeps."""
    plan = resistx.sequence(_profile(case), policy="ye2024")
    option, chemo = plan.option(adc), plan.option("chemotherapy")
    assert option is not None and chemo is not None
    [said] = [r for r in option.reasons if r.code == code]
    assert "chemotherapy comes first" in said.text, said.text
    assert option.rank > chemo.rank, [o.regimen.id for o in plan.options]


def test_at_ecog_3_chemotherapy_after_a_line_keeps_no_floor_above_the_matched_option() -> None:
    """9845 (the recheck, MINOR): at ECOG 3 after paclitaxel, with a current AKT1 mutation,
    rule 4's 'at least an alternative' put chemotherapy above capivasertib + fulvestrant, both
    intensive regimens rule 13 places after the least toxic options. At ECOG 3-4 rule 13's
    least toxic first governs: no floor, and the matched combination stays above chemotherapy."""
    plan = resistx.sequence(_profile("9845"))
    chemo, capi = plan.option("chemotherapy"), plan.option("capivasertib+fulvestrant")
    assert chemo is not None and capi is not None
    assert capi.rank < chemo.rank, [o.regimen.id for o in plan.options]
    [said] = [r for r in chemo.reasons if r.code == "further_chemotherapy"]
    assert "at least an alternative" not in said.text, said.text


@pytest.mark.parametrize("policy", _POLICIES)
def test_sacituzumab_govitecan_after_a_deruxtecan_adc_names_no_order_with_chemotherapy(
    policy: str,
) -> None:
    """9883 (the recheck, MINOR): HER2-ultralow at ECOG 2 after trastuzumab deruxtecan and two
    chemotherapy lines: sacituzumab govitecan came first, in chemotherapy's tier, though rule
    92 said it was 'at best an alternative to chemotherapy'. Chemotherapy after those lines is
    an alternative too (rule 4), and the reason says the tier it caps, not an order the plan
    does not keep (ranking it after chemotherapy put capivasertib past its trials' lines
    first in case 892's patient)."""
    plan = resistx.sequence(_profile("9883"), policy=policy)
    sg, chemo = plan.option("sacituzumab-govitecan"), plan.option("chemotherapy")
    assert sg is not None and chemo is not None
    [said] = [r for r in sg.reasons if r.code == "adc_after_topoisomerase_adc"]
    assert said.text.endswith("at best an alternative."), said.text
    assert _tier(chemo) <= _tier(sg) == 1, (chemo.tier, sg.tier)


@pytest.mark.parametrize("policy", _POLICIES)
def test_after_an_adc_line_alone_chemotherapy_is_at_least_an_alternative(policy: str) -> None:
    """Found with 9883's fix (case 621's patient): after a CDK4/6 inhibitor, elacestrant and
    trastuzumab deruxtecan, with no chemotherapy line, chemotherapy was a later option, so
    sacituzumab govitecan, 'at best an alternative to chemotherapy', fell behind it to a later
    option too and everolimus + exemestane came first. An ADC's payload is cytotoxic:
    after an ADC line chemotherapy is at least an alternative, and sacituzumab govitecan an
    alternative after it."""
    plan = resistx.sequence(_profile("9802"), policy=policy)
    chemo, sg = plan.option("chemotherapy"), plan.option("sacituzumab-govitecan")
    assert chemo is not None and sg is not None
    assert chemo.tier is resistx.Tier.ALTERNATIVE and sg.tier is resistx.Tier.ALTERNATIVE
    assert plan.options[0].regimen.id != "everolimus+exemestane"
    [said] = [r for r in chemo.reasons if r.code == "further_chemotherapy"]
    assert "ADC line" in said.text and "at least an alternative" in said.text, said.text


def test_at_ecog_3_an_oral_serd_outside_its_label_comes_after_the_options_within_theirs() -> None:
    """9647 (MINOR, ye2024): at ECOG 3 with ESR1 not detected on a current ctDNA test,
    elacestrant, whose own reason says it is outside its US label (ESR1-mutated disease), came
    second, above the on-label endocrine combinations, as rule 13 put every endocrine
    monotherapy first. The least toxic first is the least toxic given within its label: an oral
    SERD without an ESR1 mutation comes after the endocrine options given within theirs."""
    plan = resistx.sequence(_profile("9647"), policy="ye2024")
    serd = plan.option("elacestrant")
    assert serd is not None
    [said] = [r for r in serd.reasons if r.code == "poor_performance_status_outside_label"]
    assert said.rule == 13 and "outside its label" in said.text, said.text
    above = [o.regimen.id for o in plan.options if o.rank < serd.rank]
    assert "ribociclib+fulvestrant" in above and "abemaciclib+fulvestrant" in above, above
    assert plan.options[0].regimen.id == "fulvestrant"


@pytest.mark.parametrize("policy", _POLICIES)
def test_oral_only_chemotherapy_without_capecitabine_is_a_later_option_outside_a_crisis(
    policy: str,
) -> None:
    """9915 (the recheck, MAJOR): a patient who accepts treatment by mouth only, after
    capecitabine, with a PIK3CA mutation: rule 110 said chemotherapy by mouth only, with
    capecitabine held back, is at best an alternative (only vinorelbine by mouth, where
    licensed), and rule 4's floor made it one and put it first, above everolimus + exemestane.
    Outside a visceral crisis (where rule 7 puts it first) it is at best a later option."""
    profile = _profile("9915")
    prefs = json.loads((DATA / "9915-prefs.json").read_text("utf-8"))
    plan = resistx.sequence(profile, prefs, policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert any(r.code == "declined_route_no_standard_agent" for r in chemo.reasons)
    assert chemo.tier is resistx.Tier.LATER, chemo.tier
    assert plan.options[0].regimen.id != "chemotherapy", [o.regimen.id for o in plan.options]


@pytest.mark.parametrize("case", ["9973", "9962"])
def test_at_ecog_3_an_oral_serd_is_outside_its_label_only_on_a_current_negative_alone(
    case: str,
) -> None:
    """9973 (the final recheck, MINOR): at ECOG 3 elacestrant was said to have 'no ESR1
    mutation on record' and to be outside its label beside a Y537S mutation of 2024 (a current
    ctDNA negative since), and so too where ESR1 was untested (9962): knowing less placed it
    lower than a current negative did. Rule 13's step reads a current negative with no mutation
    on record only."""
    plan = resistx.sequence(_profile(case), policy="ye2024")
    serd = plan.option("elacestrant")
    assert serd is not None
    codes = {r.code for r in serd.reasons}
    assert "poor_performance_status_outside_label" not in codes, codes


def test_oral_only_chemotherapy_without_capecitabine_ranks_after_a_matched_option_by_mouth() -> (
    None
):
    """9959 (the final recheck, MAJOR, ye2024): chemotherapy-naive, a PIK3CA mutation,
    infusions and injections declined, capecitabine held back by DPD deficiency: chemotherapy
    by mouth only (vinorelbine, where licensed) stood first, every option a later one, above
    everolimus + exemestane, the review's regimen for the pathway by mouth. Outside a crisis
    it comes after it (rule 110's balance), and its floor clause says a rule may cap it."""
    profile = _profile("9959")
    prefs = json.loads((DATA / "9959-prefs.json").read_text("utf-8"))
    plan = resistx.sequence(profile, prefs, policy="ye2024")
    chemo, everolimus = plan.option("chemotherapy"), plan.option("everolimus+exemestane")
    assert chemo is not None and everolimus is not None
    assert everolimus.rank < chemo.rank, [o.regimen.id for o in plan.options]
