"""Session 75's fixes: what session 74's reviews left (9914, 9881), and what session 75's
blind reviews found (10000-10150)."""

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


def _tier(option: resistx.Option) -> int:
    return (resistx.Tier.PREFERRED, resistx.Tier.ALTERNATIVE, resistx.Tier.LATER).index(option.tier)


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


@pytest.mark.parametrize("sites", [["liver", "bone"], ["lung", "bone"], ["bone"]])
def test_in_her2_ultralow_disease_the_adc_reason_reads_the_liver_and_lung_sites_on_record(
    sites: list[str],
) -> None:
    """10000 (MINOR, practice-2026): in HER2-ultralow endocrine-sensitive disease,
    trastuzumab deruxtecan's rule 32 reason said it steps back 'with liver or lung metastases
    (none on record here) too' whatever the sites recorded: liver metastases on record read
    as none. It says what the profile records; its place is unchanged (the ultralow subgroup
    has no figure of its own), and HER2-low disease with liver metastases still keeps it
    where it is (8571)."""
    profile = _load("10027")
    profile["metastatic_sites"] = sites
    plan = resistx.sequence(profile, policy="practice-2026")
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    [said] = [r.text for r in tdxd.reasons if r.code == "endocrine_sensitive_adc_later"]
    visceral = bool({"liver", "lung"} & set(sites))
    assert ("(none on record here)" in said) is not visceral, said
    assert ("(on record here)" in said) is visceral, said
    bone_only = resistx.sequence({**profile, "metastatic_sites": ["bone"]}, policy="practice-2026")
    assert [o.regimen.id for o in plan.options] == [o.regimen.id for o in bone_only.options]
    [test] = profile["her2_tests"]
    low_test = {**test, "score": "1+"}
    low = resistx.sequence({**profile, "her2_tests": [low_test]}, policy="practice-2026")
    low_tdxd = low.option("trastuzumab-deruxtecan")
    assert low_tdxd is not None
    codes = [r.code for r in low_tdxd.reasons]
    assert ("endocrine_sensitive_visceral_adc" in codes) is visceral, codes


@pytest.mark.parametrize(("score", "population"), [("1+", "HER2-low"), ("ultralow", "pooled")])
def test_trastuzumab_deruxtecan_reason_quotes_destiny_breast06_for_the_patients_her2_reading(
    score: str, population: str
) -> None:
    """10002 (MINOR, practice-2026): for HER2-low disease within DESTINY-Breast06's entry,
    rule 30's reason quoted the pooled HER2-low and -ultralow figure (HR 0.64) while the
    evidence line gave the HER2-low primary endpoint's (HR 0.62, update-2026 section 6). The
    reason quotes the population the patient's reading falls in: HER2-low its own, HER2-ultralow
    the pooled one (the pack holds no figure of the ultralow subgroup's own)."""
    profile = _load("10006")
    [test] = profile["her2_tests"]
    profile["her2_tests"] = [{**test, "score": score}]
    plan = resistx.sequence(profile, policy="practice-2026")
    tdxd = plan.option("trastuzumab-deruxtecan")
    assert tdxd is not None
    [said] = [
        r.text for r in tdxd.reasons if r.code == "endocrine_therapy_opens_trastuzumab_deruxtecan"
    ]
    if population == "HER2-low":
        assert "HR 0.62 (95% CI 0.52" in said and "0.64" not in said, said
        assert "ultralow" not in said, said
    else:
        assert "HER2-low and -ultralow together" in said and "HR 0.64" in said, said


_GATES = ("adc_before_chemotherapy", "sg_within_label")


def test_after_a_short_cdk46i_course_endocrine_options_name_only_the_adcs_open_at_this_line() -> (
    None
):
    """10052 (MINOR, practice-2026): after 3 months of abemaciclib + anastrozole, ESR1-mutated
    and HER2-low, elacestrant and vepdegestrant (alternatives) said 'endocrine-based regimens
    come after chemotherapy and ADCs', while sacituzumab govitecan and datopotamab deruxtecan,
    before their trials' chemotherapy lines, were later options below them. The reason names
    the ADCs open at this line, and every ADC below an option that says so is one its trial's
    lines hold back."""
    plan = resistx.sequence(_load("10052"), policy="practice-2026")
    saying = [
        o
        for o in plan.options
        if any(r.code == "short_cdk46i_endocrine_resistance" for r in o.reasons)
    ]
    assert saying
    for o in saying:
        [said] = [r.text for r in o.reasons if r.code == "short_cdk46i_endocrine_resistance"]
        assert "after chemotherapy and any ADC open at this line" in said, said
        chemo = plan.option("chemotherapy")
        assert chemo is not None and chemo.rank < o.rank
        for below in plan.options[o.rank :]:
            if below.regimen.kind is resistx.RegimenKind.ADC:
                codes = [r.code for r in below.reasons]
                assert any(c in _GATES for c in codes), (below.regimen.id, codes)


@pytest.mark.parametrize("policy", _POLICIES)
def test_rule_22_says_its_count_leaves_out_the_lines_that_gave_a_cdk46i_again(
    policy: str,
) -> None:
    """10050 (MINOR): after ribociclib + letrozole, elacestrant, ribociclib + fulvestrant and
    fulvestrant, each progressed, every option said 'Progressed on 2 endocrine-based lines
    after the CDK4/6 inhibitor', where the chart shows three: rule 22 counts the lines without
    a CDK4/6 inhibitor since the first progression on one, and its reason now says so."""
    plan = resistx.sequence(_load("10050"), policy=policy)
    said = [
        r.text
        for o in plan.options
        for r in o.reasons
        if r.code.startswith("endocrine_resistance_")
    ]
    assert said
    for text in said:
        assert text.startswith(
            "Progressed on 2 endocrine-based lines since the first progression on a CDK4/6 "
            "inhibitor (a line giving one again not counted)"
        ), text


@pytest.mark.parametrize("clearance", [25, 40])
def test_capecitabines_renal_caution_names_which_label_contraindicates_it(clearance: int) -> None:
    """10068 (QUESTION, the drug-safety pass): chemotherapy's caution said 'capecitabine's label
    contraindicates it at a creatinine clearance below 30 mL/min' without naming the label. The
    EU label does (its summary of product characteristics, section 4.3); the US label's December 2022
    revision lists severe hypersensitivity as its only contraindication (DailyMed). The caution
    names each; capecitabine is still held back below 30 mL/min, as the EU label asks."""
    profile = _load("9914")
    profile["comorbidities"] = [{"name": "renal_impairment", "creatinine_clearance": clearance}]
    plan = resistx.sequence(profile)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    [said] = [c.text for c in chemo.cautions if "capecitabine" in c.text]
    assert "EU label contraindicates it" in said, said
    assert "US label" in said and "December 2022" in said, said


@pytest.mark.parametrize("policy", _POLICIES)
def test_after_two_degraders_failed_a_toxicity_stop_does_not_keep_chemotherapy_later(
    policy: str,
) -> None:
    """10145 (the recheck, MINOR): palbociclib + letrozole stopped for toxicity, then fulvestrant
    and elacestrant each progressed within 6 months, ESR1 and PIK3CA mutated: rule 73 ('not
    known to be resistant') kept chemotherapy a later option at #11, below ten endocrine options
    each capped as later, and its reason said both 'not known to be resistant' and 'failed
    twice'. Two degrader courses that failed are endocrine resistance: rule 73 steps aside, and
    rule 93's floor makes chemotherapy at least an alternative."""
    plan = resistx.sequence(_load("10145"), policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    codes = [r.code for r in chemo.reasons]
    assert _tier(chemo) <= 1, (chemo.tier, codes)
    assert "chemotherapy_after_endocrine_therapy" not in codes, codes
    assert "chemotherapy_after_degraders" in codes, codes


def test_rule_93_says_two_degrader_courses_failed_not_the_degrader_a_regimen_rests_on() -> None:
    """10100 (the recheck, MINOR): after fulvestrant and then elacestrant, each progressed,
    vepdegestrant, never given, read 'the oestrogen-receptor degrader it rests on has failed
    twice', and chemotherapy 'the oestrogen-receptor degrader has failed twice'. Two courses of
    a degrader failed, not one drug twice: the reasons say so."""
    plan = resistx.sequence(_load("10100"), policy="practice-2026")
    said = [
        r.text
        for o in plan.options
        for r in o.reasons
        if r.code in ("degrader_failed_twice", "chemotherapy_after_degraders")
    ]
    assert said
    for text in said:
        assert "two courses of an oestrogen-receptor degrader have failed" in text, text
        assert "degrader it rests on has failed" not in text, text
        assert "the oestrogen-receptor degrader has failed" not in text, text


def test_after_two_degraders_failed_a_cdk46i_naive_patient_keeps_the_adcs_after_cdk46i_regimens() -> (
    None
):
    """10145's fix reaches chemotherapy only: with no CDK4/6 inhibitor on record, after
    fulvestrant and elacestrant progressed (the latest at 5.8 months), the CDK4/6-inhibitor
    regimens stay preferred (the review: the preferred option without visceral crisis) and
    trastuzumab deruxtecan an alternative after them (rule 73), while chemotherapy, a later
    option before, is now an alternative (rule 93)."""
    plan = resistx.sequence(_load("10150"), policy="practice-2026")
    tdxd, chemo = plan.option("trastuzumab-deruxtecan"), plan.option("chemotherapy")
    assert tdxd is not None and chemo is not None
    assert tdxd.tier is resistx.Tier.ALTERNATIVE, [r.code for r in tdxd.reasons]
    assert "adc_after_cdk46i_endocrine" in [r.code for r in tdxd.reasons]
    assert plan.options[0].regimen.kind is resistx.RegimenKind.CDK46I_BASED
    assert chemo.tier is resistx.Tier.ALTERNATIVE
    assert "chemotherapy_after_degraders" in [r.code for r in chemo.reasons]


@pytest.mark.parametrize("policy", _POLICIES)
@pytest.mark.parametrize("case", ["10201", "10208", "10209"])
def test_a_degrader_course_outside_the_policys_table_counts_toward_rule_93(
    case: str, policy: str
) -> None:
    """10201 (the final recheck, MAJOR, ye2024): after fulvestrant and then imlunestrant (or
    vepdegestrant), each progressed, the latest within 3 months, rule 93 was silent under
    ye2024, whose table holds neither drug: it read only the courses of its own regimens.
    Abemaciclib + fulvestrant came first as an alternative and chemotherapy was a later option
    at #11-13. What the patient was given is history, whatever the policy's table holds: rule
    93 counts the course, the fulvestrant regimens are later options at best and chemotherapy
    at least an alternative, under both policies."""
    plan = resistx.sequence(_load(case), policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert _tier(chemo) <= 1, (chemo.tier, [r.code for r in chemo.reasons])
    assert "chemotherapy_after_degraders" in [r.code for r in chemo.reasons]
    for o in plan.options:
        if "fulvestrant" in o.regimen.drugs:
            codes = [r.code for r in o.reasons]
            assert "degrader_failed_twice" in codes, (o.regimen.id, codes)
            assert o.tier in (resistx.Tier.LATER, resistx.Tier.TRIAL), (o.regimen.id, o.tier)


@pytest.mark.parametrize("policy", _POLICIES)
@pytest.mark.parametrize("case", ["10200", "10145", "10140", "10147", "10150"])
def test_an_adc_says_it_comes_after_only_the_cdk46i_regimens_it_ranks_below(
    case: str, policy: str
) -> None:
    """10200 (the final recheck, MINOR): with no CDK4/6-inhibitor resistance and two failed
    degrader courses, chemotherapy rose to an alternative (rule 93) and sacituzumab govitecan,
    held after it, rose too, above CDK4/6-inhibitor regimens that are later options, while its
    rule 73 reason said 'an ADC comes after those regimens'. Rule 73 caps the ADC as an
    alternative: it comes after the CDK4/6-inhibitor regimens that keep the review's preference
    (preferred ones), and its reason says that, not more (10150: trastuzumab deruxtecan, an
    alternative, ranked above later CDK4/6-inhibitor regimens before this session too)."""
    plan = resistx.sequence(_load(case), policy=policy)
    assert any(r.code == "adc_after_cdk46i_endocrine" for o in plan.options for r in o.reasons)
    for o in plan.options:
        said = [r.text for r in o.reasons if r.code == "adc_after_cdk46i_endocrine"]
        if not said:
            continue
        assert "comes after those regimens" not in said[0], said[0]
        assert "after the CDK4/6-inhibitor regimens that keep that preference" in said[0], said[0]
        preferred_below = [
            p.regimen.id
            for p in plan.options[o.rank :]
            if p.regimen.kind is resistx.RegimenKind.CDK46I_BASED
            and p.tier is resistx.Tier.PREFERRED
        ]
        assert not preferred_below, (o.regimen.id, preferred_below)


@pytest.mark.parametrize("policy", _POLICIES)
def test_a_relapse_during_adjuvant_fulvestrant_counts_as_a_failed_degrader_course(
    policy: str,
) -> None:
    """10271 (the last recheck, MAJOR): relapse during adjuvant fulvestrant, then ribociclib +
    letrozole stopped for neutropenia, then elacestrant failing at 3 months: rule 93 read only
    courses for metastatic disease, so abemaciclib + fulvestrant and palbociclib + fulvestrant
    were preferred and chemotherapy was a later option, while the same course recorded for
    metastatic disease gave chemotherapy as an alternative. A relapse during a degrader given
    as (neo)adjuvant therapy is that degrader's failure: rule 93 counts it and names it."""
    plan = resistx.sequence(_load("10271"), policy=policy)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    [said] = [r.text for r in chemo.reasons if r.code == "chemotherapy_after_degraders"]
    assert said.startswith("Progressed on (neo)adjuvant fulvestrant and on elacestrant"), said
    assert _tier(chemo) <= 1
    for o in plan.options:
        if "fulvestrant" in o.regimen.drugs:
            assert o.tier is not resistx.Tier.PREFERRED, o.regimen.id
            assert "degrader_failed_twice" in [r.code for r in o.reasons], o.regimen.id


@pytest.mark.parametrize(
    ("case", "start"),
    [
        ("10250", "Progressed on fulvestrant and on elacestrant, the latest"),
        ("10265", "Progressed on "),
    ],
)
def test_rule_93_names_the_degrader_courses_in_time_order(case: str, start: str) -> None:
    """10250 (the last recheck, MINOR): rule 93 named the courses alphabetically ('Progressed on
    elacestrant and on fulvestrant, the latest within 6 months' after fulvestrant for 8 months
    and then elacestrant for 3), so 'the latest' pointed at the wrong course; with three it
    read 'on camizestrant, elacestrant and on fulvestrant'. It names them in time order, each
    with 'on'."""
    plan = resistx.sequence(_load(case))
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    [said] = [r.text for r in chemo.reasons if r.code == "chemotherapy_after_degraders"]
    assert said.startswith(start), said
    named = said.split(", the latest")[0].removeprefix("Progressed on ")
    assert all(
        part.startswith("on ") for part in named.replace(" and on ", ", on ").split(", ")[1:]
    ), said


def test_the_same_degrader_regimen_failing_twice_counts_as_two_courses() -> None:
    """Found with 10271's fix: rule 93 counted the degrader regimens progressed on as a set, so
    fulvestrant given twice, each course progressed (the second within 6 months), counted once
    and rule 93 was silent, though its condition is two courses. Each course counts, and the
    reason says the second is the same drug again."""
    profile = _load("10250")
    profile["treatments"][2]["drugs"] = ["fulvestrant"]
    plan = resistx.sequence(profile)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    [said] = [r.text for r in chemo.reasons if r.code == "chemotherapy_after_degraders"]
    assert said.startswith("Progressed on fulvestrant and on fulvestrant again, the latest"), said


def test_a_degrader_line_continued_past_progression_is_one_course() -> None:
    """10303 (the last recheck, MAJOR): ribociclib + fulvestrant continued past an
    oligoprogression, the same drugs restarted in the same line, counted as two failed degrader
    courses once each course counted: chemotherapy came first and elacestrant fell to a later
    option in ESR1-mutated, bone-only disease, where the same disease recorded as one course
    had elacestrant preferred. One line's course is one, however many rows record it."""
    plan = resistx.sequence(_load("10303"))
    for o in plan.options:
        codes = [r.code for r in o.reasons]
        assert "degrader_failed_twice" not in codes, (o.regimen.id, codes)
        assert "chemotherapy_after_degraders" not in codes, (o.regimen.id, codes)


_RULE_93 = ("degrader_failed_twice", "chemotherapy_after_degraders")


@pytest.mark.parametrize("policy", _POLICIES)
@pytest.mark.parametrize("case", ["10362", "10364", "10350"])
def test_rule_93_measures_the_latest_degrader_line_whole(case: str, policy: str) -> None:
    """10350, 10354 (the last recheck, MAJOR): rule 93's 'the latest within 6 months' read the
    last row of the latest degrader line: a line continued past an oligoprogression (9 months,
    then 3 on the same drugs) or resumed after a stop for toxicity (6 months, then 2) read as
    failing within 6 months, and chemotherapy replaced a preferred elacestrant. The line is
    measured whole (its degrader courses' months together), as a line is one course."""
    plan = resistx.sequence(_load(case), policy=policy)
    for o in plan.options:
        codes = [r.code for r in o.reasons]
        assert not set(_RULE_93) & set(codes), (o.regimen.id, codes)


def test_a_continued_degrader_line_short_in_all_still_counts_for_rule_93() -> None:
    """The same continued line, 2 months and then 2 more on the same drugs, is short whole:
    rule 93 still speaks."""
    profile = _load("10350")
    first, second = profile["treatments"][1], profile["treatments"][2]
    first.update(started_on="2025-11-20", ended_on="2026-01-20")
    second.update(started_on="2026-01-30", ended_on="2026-04-01")
    plan = resistx.sequence(profile)
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert "chemotherapy_after_degraders" in [r.code for r in chemo.reasons]
