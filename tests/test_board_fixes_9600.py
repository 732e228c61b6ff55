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


def _dato_dxd_line(profile: dict[str, Any]) -> dict[str, Any]:
    """9580's patient with a line of datopotamab deruxtecan after her CDK4/6 inhibitor."""
    profile["treatments"].append(
        {
            "drugs": ["datopotamab deruxtecan"],
            "setting": "metastatic",
            "line": 2,
            "started_on": "2026-04-01",
            "ended_on": "2026-06-20",
            "stop_reason": "progression",
        }
    )
    profile["as_of"] = "2026-07-01"
    return profile


def _ultralow_question(plan: resistx.Plan) -> resistx.Action:
    [ask] = [a for a in plan.actions if a.code == "reread_her2_ultralow"]
    return ask


@pytest.mark.parametrize("case", ["9597", "9580"])
def test_the_ultralow_question_after_a_deruxtecan_adc_is_not_asked_before_choosing(
    case: str,
) -> None:
    """9597 (MINOR): HER2 0, palbociclib + letrozole, then datopotamab deruxtecan, progressed.
    Rule 34 asked, before choosing (9580's patient with that line: in the default plan's
    since-review section too), whether the IHC is ultralow, 'within the approval', with no
    word of the payload: an ultralow reading would make trastuzumab deruxtecan, of the same
    deruxtecan payload, a later option at best (rule 11), which changes nothing chosen. The
    question is asked after choosing and names the ADC progressed on."""
    profile = _profile(case) if case == "9597" else _dato_dxd_line(_profile(case))
    ask = _ultralow_question(resistx.sequence(profile, policy="practice-2026"))
    assert not ask.before_choosing, ask.text
    assert "datopotamab deruxtecan" in ask.text and "rule 11" in ask.text, ask.text
    default = resistx.sequence(profile)
    assert not [e for e in default.since_review if "HER2-ultralow" in e.text], case
    # what the question says is what an ultralow reading would do
    profile["her2"] = "ultralow"
    tdxd = resistx.sequence(profile, policy="practice-2026").option("trastuzumab-deruxtecan")
    assert tdxd is not None and tdxd.tier is resistx.Tier.LATER, tdxd


def test_the_ultralow_question_before_any_adc_is_still_asked_before_choosing() -> None:
    """9580's patient as she is, no ADC given: an ultralow reading would open trastuzumab
    deruxtecan within DESTINY-Breast06's entry, so the question comes before choosing."""
    ask = _ultralow_question(resistx.sequence(_profile("9580"), policy="practice-2026"))
    assert ask.before_choosing and "deruxtecan payload" not in ask.text, ask.text


def _rank(plan: resistx.Plan, regimen: str) -> int:
    option = plan.option(regimen)
    assert option is not None, regimen
    return option.rank


@pytest.mark.parametrize("case", ["9650", "9651", "9655"])
def test_an_oral_serd_said_to_follow_the_pathway_inhibitor_ranks_after_it_when_both_are_later(
    case: str,
) -> None:
    """9650, 9651 (ER-low, rule 114) and 9655 (a visceral crisis, rule 7), all MINOR: ESR1 and
    a PI3K-pathway alteration, 8.6 months on the CDK4/6 inhibitor. Each oral SERD said 'at best
    an alternative, after the PI3K/AKT-pathway inhibitor', which rule 28 kept through the tiers
    alone: where another rule made all of them later options, the scores put the three SERDs
    above capivasertib + fulvestrant. The order its reason states is now part of the order."""
    plan = resistx.sequence(_profile(case), policy="practice-2026")
    inhibitor = _rank(plan, "capivasertib+fulvestrant")
    for rid in _SERDS:
        option = plan.option(rid)
        assert option is not None, rid
        said = [r.text for r in option.reasons if r.code in _BESIDE_THE_PATHWAY]
        assert said and "after the PI3K/AKT-pathway inhibitor" in said[0], (case, rid)
        assert option.rank > inhibitor, (case, rid, option.rank, inhibitor)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_chemotherapy_said_to_follow_olaparib_ranks_after_it(policy: str) -> None:
    """9674 (MINOR): ER-low, germline PALB2 and a PIK3CA mutation, 20 months on the CDK4/6
    inhibitor. Chemotherapy came first with rule 49's reason 'olaparib comes first, this after
    it', and olaparib second with 'it comes before chemotherapy': both alternatives, chemotherapy
    the higher score. Chemotherapy now ranks after olaparib, as both reasons say."""
    plan = resistx.sequence(_profile("9674"), policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert "tbcrc048_olaparib_before_chemotherapy" in {r.code for r in chemo.reasons}
    assert chemo.rank > _rank(plan, "olaparib"), [(o.rank, o.regimen.id) for o in plan.options]


def test_datopotamab_deruxtecan_in_a_crisis_says_why_it_is_not_among_the_adcs_placed_first() -> (
    None
):
    """9680 (MINOR): a visceral crisis, HER2-low, no chemotherapy line yet. Each option that is
    not cytotoxic says 'the ADCs that chemotherapy's line opens ... come before it', yet
    datopotamab deruxtecan, whose trial enrolled after 1-2 chemotherapy lines, ranked below
    nine of them, its reason silent on why. By design it is not the crisis's alternative to
    chemotherapy (TROPION-Breast01 brought no overall-survival benefit): its reason says so."""
    plan = resistx.sequence(_profile("9680"), policy="practice-2026")
    option = plan.option("datopotamab-deruxtecan")
    assert option is not None
    [text] = [r.text for r in option.reasons if r.code == "adc_before_chemotherapy"]
    assert "visceral crisis" in text and "not the alternative to chemotherapy" in text, text
    assert "not cytotoxic" in text, text


def test_olaparib_whose_label_asks_for_prior_chemotherapy_does_not_say_it_comes_before_it() -> None:
    """9675 (MINOR): germline BRCA2, no chemotherapy ever. Olaparib ranks after chemotherapy
    (its US label asks for prior chemotherapy: at best an alternative), rightly, yet its rule-44
    reason ended 'it comes before chemotherapy'. It now says what comes before chemotherapy
    (talazoparib, within its label) and that olaparib's label places it after."""
    plan = resistx.sequence(_profile("9675"))
    option = plan.option("olaparib")
    assert option is not None
    [text] = [r.text for r in option.reasons if r.code == "germline_brca_parp_before_chemotherapy"]
    assert "it comes before chemotherapy" not in text, text
    assert "talazoparib" in text and "label" in text, text
    assert option.rank > _rank(plan, "chemotherapy")
    talazoparib = plan.option("talazoparib")
    assert talazoparib is not None
    [said] = [
        r.text for r in talazoparib.reasons if r.code == "germline_brca_parp_before_chemotherapy"
    ]
    assert said.endswith("it comes before chemotherapy."), said


@pytest.mark.parametrize("case", ["9669", "9677"])
def test_after_fulvestrant_rule_32_claims_no_endocrine_line_first_that_the_plan_lacks(
    case: str,
) -> None:
    """9669, 9677 (MINOR): endocrine-sensitive disease with no target after abemaciclib +
    fulvestrant, HER2-low or -ultralow (practice-2026). Trastuzumab deruxtecan and
    chemotherapy ranked first and second, each saying 'an endocrine-based line comes first'
    (rule 32) and quoting postMONARCH's abemaciclib + fulvestrant, which she has progressed on;
    the endocrine lines left were later options by their labels (rules 94, 96). Moving them
    behind such a line (session 73's first fix) put trastuzumab deruxtecan below chemotherapy
    elsewhere (9725); the plan keeps its order and the reasons no longer claim one it lacks."""
    plan = resistx.sequence(_profile(case), policy="practice-2026")
    for o in plan.options:
        for r in o.reasons:
            if r.code in {
                "endocrine_sensitive_adc_later",
                "endocrine_sensitive_chemotherapy_later",
            }:
                assert "comes first" not in r.text and "comes before" not in r.text, r.text
                assert "fulvestrant" in r.text and "no order" in r.text, r.text
                assert "postMONARCH:" not in r.text and "6.0 vs 5.3" not in r.text, r.text


@pytest.mark.parametrize("case", ["9678", "9725"])
def test_trastuzumab_deruxtecan_waiting_for_the_endocrine_tests_is_not_said_to_be_behind_a_line(
    case: str,
) -> None:
    """9678 (MINOR): germline BRCA2, ESR1 or the pathway untested (practice-2026): trastuzumab
    deruxtecan said 'whatever they find, an endocrine-based line comes first ... so it steps
    back behind it until the results are read', ranked above every endocrine line (the
    target's wait on the tests). 9725 (MINOR, the recheck): moved behind an off-label
    everolimus + exemestane, it fell below chemotherapy, against rule 58's 'not below
    chemotherapy' and DESTINY-Breast06. It steps back as a later option, behind nothing it
    names, and stays above chemotherapy."""
    plan = resistx.sequence(_profile(case), policy="practice-2026")
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    [text] = [r.text for r in tdxd.reasons if r.code == "endocrine_sensitive_adc_later"]
    assert "behind it" not in text and "later option" in text, text
    assert tdxd.rank < _rank(plan, "chemotherapy"), [(o.rank, o.regimen.id) for o in plan.options]


def test_an_oral_serd_while_glucose_holds_the_pathway_inhibitor_back_is_not_said_to_follow_it() -> (
    None
):
    """9712 (MINOR): ESR1 and PIK3CA, an HbA1c of 8.5%, under 12 months on the CDK4/6
    inhibitor (practice-2026): the oral SERDs ranked first saying 'after the PI3K/AKT-pathway
    inhibitor', which waits on glucose control far below. The order is right (a SERD now, the
    inhibitor once glucose is in range); rule 28's reason no longer says otherwise."""
    plan = resistx.sequence(_profile("9712"), policy="practice-2026")
    for rid in _SERDS:
        option = plan.option(rid)
        assert option is not None, rid
        assert not [r for r in option.reasons if r.code in _BESIDE_THE_PATHWAY], rid


def test_datopotamab_deruxtecans_crisis_reason_does_not_say_it_may_be_preferred() -> None:
    """9703 (MINOR, the recheck of 9680): in a visceral crisis datopotamab deruxtecan, no
    chemotherapy line yet, ranks with the options that are not cytotoxic, yet rule 7's reason
    said 'it may still be preferred or an alternative, after chemotherapy'; the options that
    are not cytotoxic said the ADCs the chemotherapy line opens come before them."""
    plan = resistx.sequence(_profile("9703"), policy="practice-2026")
    dato = plan.option("datopotamab-deruxtecan")
    assert dato is not None
    [crisis] = [r.text for r in dato.reasons if r.code == "visceral_crisis_not_first"]
    assert "may still be preferred" not in crisis and "rule 30" in crisis, crisis
    for o in plan.options:
        for r in o.reasons:
            if r.code == "visceral_crisis_not_cytotoxic" and o.rank < dato.rank:
                assert "as its alternative" in r.text, r.text


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_in_er_low_disease_chemotherapy_does_not_say_it_comes_after_the_endocrine_options(
    policy: str,
) -> None:
    """9673 (MINOR): ER-low, relapse two years after adjuvant ribociclib + letrozole, no CDK4/6
    inhibitor stopped for progression. Chemotherapy ranked first with rule 114's 'chemotherapy
    and the antibody-drug conjugates come before the endocrine options' and rule 73's 'resistx
    puts chemotherapy after the endocrine-based options'; the ADCs said 'an ADC comes after
    those regimens'. Rule 114's order holds, and rule 73's reasons say so."""
    plan = resistx.sequence(_profile("9673"), policy=policy)
    for rid in ("chemotherapy", "sacituzumab-govitecan"):
        option = plan.option(rid)
        assert option is not None, rid
        said = [r.text for r in option.reasons if r.rule == 73]
        assert said, rid
        assert all("rule 114" in t and "after those regimens" not in t for t in said), said
        assert all("puts chemotherapy after" not in t for t in said), said
        endocrine = [
            o.rank
            for o in plan.options
            if o.regimen.kind is not None
            and o.regimen.kind.value.startswith(("endocrine", "cdk4/6i", "targeted"))
        ]
        assert option.rank < min(endocrine), (rid, option.rank, endocrine)


def _kidneys(profile: dict[str, Any], clearance: float) -> dict[str, Any]:
    profile["comorbidities"] = [
        c
        if not (isinstance(c, dict) and c.get("name") == "renal_impairment")
        else {**c, "creatinine_clearance": clearance}
        for c in profile["comorbidities"]
    ]
    return profile


@pytest.mark.parametrize(
    ("clearance", "dose"),
    [(25, "0.5 mg once daily"), (30.5, "0.75 mg once daily"), (45, "0.75 mg"), (75, None)],
)
def test_talazoparib_at_a_recorded_clearance_has_one_renal_caution_with_its_labels_dose(
    clearance: float, dose: str | None
) -> None:
    """9648 (MINOR): germline BRCA2, creatinine clearance 25 mL/min. Talazoparib, preferred,
    carried two renal cautions saying the same thing ('its label lowers its dose in moderate
    and severe renal impairment', and 'gives a lower dose down to 15 mL/min'), and neither
    gave the dose. One caution now speaks of the kidneys, with the US label's dose at the
    clearance recorded (Talzenna US prescribing information: 0.75 mg once daily at 30-59
    mL/min, 0.5 mg at 15-29, from 1 mg)."""
    profile = _kidneys(_profile("9606"), clearance)
    for policy in ("ye2024", "practice-2026"):
        option = resistx.sequence(profile, policy=policy).option("talazoparib")
        assert option is not None
        renal = [c.text for c in option.cautions if "renal" in c.text or "clearance" in c.text]
        assert len(renal) == 1, renal
        if dose is None:
            assert "mg" not in renal[0], renal
        else:
            assert dose in renal[0], renal


def test_a_plan_with_nothing_preferred_and_nothing_to_ask_says_why() -> None:
    """9646 (MINOR): postMONARCH's population, every test back (practice-2026): the first four
    options are alternatives and nothing is preferred, with no action before choosing and no
    word of why. Whether abemaciclib + fulvestrant should be preferred there is a question of
    weight clinicians differ on (9443); the plan now says what 'nothing preferred' means."""
    plan = resistx.sequence(_profile("9639"), policy="practice-2026")
    assert plan.options and all(o.tier is not resistx.Tier.PREFERRED for o in plan.options)
    assert not any(a.before_choosing for a in plan.actions)
    [said] = [n for n in plan.notes if n.startswith("Nothing is preferred")]
    assert "alternative" in said and "clinician" in said, said
    # a plan with a preferred option, or with a test to ask first, says nothing of it
    for other in (resistx.sequence(_profile("9580")), resistx.sequence(_profile("9639"))):
        assert not [n for n in other.notes if n.startswith("Nothing is preferred")]


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_an_esr1_negative_made_stale_by_an_endocrine_course_since_says_so(policy: str) -> None:
    """9790 (MINOR): ESR1 not detected on 2025-12-01, 11 days after the latest progression;
    alpelisib + fulvestrant was then given and stopped for toxicity. The plan asked to test
    ESR1 'after the progression of 2025-11-20' and elacestrant's reason called the test 'from
    before the latest progression', which a clinician reading the dates takes for a misread:
    what makes it stale is the endocrine course given since the test."""
    plan = resistx.sequence(_profile("9751"), policy=policy)
    [ask] = [a for a in plan.actions if a.code == "retest" and a.genes == ("ESR1",)]
    assert "after the progression of 2025-11-20" not in ask.text, ask.text
    assert "alpelisib + fulvestrant" in ask.text and "2025-12-01" in ask.text, ask.text
    elacestrant = plan.option("elacestrant")
    if elacestrant is not None:  # ye2024; practice-2026 leaves it out for want of a mutation
        [said] = [r.text for r in elacestrant.reasons if r.code == "esr1_negative_stale"]
        assert "endocrine course" in said, said


def test_sacituzumab_govitecan_within_its_label_is_not_said_an_alternative_to_a_lower_option() -> (
    None
):
    """9792 (MINOR): germline BRCA2, olaparib and carboplatin progressed. Sacituzumab govitecan
    came first, 'at best an alternative to chemotherapy', with chemotherapy fifth, a later
    option: the reason named as its reference an option the plan puts below it. It says what
    caps it (its trial's lines, its label) without naming chemotherapy as that reference."""
    plan = resistx.sequence(_profile("9756"))
    sg = plan.option("sacituzumab-govitecan")
    assert sg is not None
    [said] = [r.text for r in sg.reasons if r.code == "sg_within_label"]
    assert "alternative to chemotherapy" not in said and "at best an alternative" in said, said


def test_an_oral_serd_is_not_held_behind_a_pathway_inhibitor_the_patient_declines() -> None:
    """9711 (the recheck): ESR1 and a pathway alteration under 12 months on the CDK4/6
    inhibitor, the patient declining targeted + endocrine regimens (practice-2026). The pathway
    inhibitors were left out, yet each oral SERD stayed 'at best an alternative, after the
    PI3K/AKT-pathway inhibitor', so nothing was preferred for want of an option she declines.
    Rule 28 holds a SERD behind the inhibitor only where the inhibitor can be given."""
    prefs = json.loads((DATA / "9711.prefs.json").read_text("utf-8"))
    plan = resistx.sequence(_profile("9711"), prefs, policy="practice-2026")
    for rid in _SERDS:
        option = plan.option(rid)
        assert option is not None, rid
        assert not [r for r in option.reasons if r.code in _BESIDE_THE_PATHWAY], rid
    assert plan.options[0].regimen.id in _SERDS
    assert plan.options[0].tier is resistx.Tier.PREFERRED, plan.options[0]
