"""The practice-2026 rules (28-36), one scenario each, named after the behaviour; and what the
same patient gets under the default policy (``since_review``)."""

from __future__ import annotations

from typing import Any

import attrs

import resistx
from resistx.model import Change, Tier
from resistx.sequencing.policies import PRACTICE_2026, YE2024
from resistx.sequencing.since import differences
from tests.helpers import (
    CAPECITABINE,
    FULVESTRANT,
    NEGATIVE,
    PALBOCICLIB,
    TISSUE_PATHWAY_NEGATIVE,
    exclusion,
    on_tissue,
    option,
    patient,
    rank,
    result,
)

PRACTICE = "practice-2026"
APPROVED_SERDS = {"elacestrant", "imlunestrant", "vepdegestrant"}
EARLY_PALBOCICLIB = dict(PALBOCICLIB, started_on="2022-01-10", ended_on="2024-05-01")
#: under short_cdk46i_months (6): not endocrine-sensitive (9 months, until session 66 read from
#: 12 months on: case 7428b)
SHORT_PALBOCICLIB = dict(PALBOCICLIB, started_on="2024-10-20", ended_on="2025-03-20")  # 5 months

#: ESR1 and the PI3K pathway not detected on tissue (a ctDNA negative alone waits on tissue)
TISSUE_NEGATIVE = [on_tissue(r) for r in NEGATIVE]


def practice(**kw: Any) -> resistx.Plan:
    return resistx.sequence(patient(**kw), policy=PRACTICE)


def review(**kw: Any) -> resistx.Plan:
    return resistx.sequence(patient(**kw))


def reason(o: resistx.Option | resistx.Exclusion, code: str) -> resistx.Reason:
    found = next((r for r in o.reasons if r.code == code), None)
    assert found is not None, [r.code for r in o.reasons]
    return found


# -- rule 28 ----------------------------------------------------------------------------------


def test_esr1_mutated_gets_the_three_approved_oral_serds_preferred_with_their_trials() -> None:
    p = practice(biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "not_detected")])
    preferred = {o.regimen.id for o in p.options if o.tier is Tier.PREFERRED}
    assert preferred >= APPROVED_SERDS
    assert {o.regimen.id for o in p.options[:3]} == APPROVED_SERDS
    for rid, trial in [
        ("elacestrant", "EMERALD"),
        ("imlunestrant", "EMBER-3"),
        ("vepdegestrant", "VERITAC-2"),
    ]:
        r = reason(option(p, rid), "approved_oral_serd_for_esr1")
        assert r.rule == 28
        assert r.trials == (trial,)
    assert "HR 0.62" in reason(option(p, "imlunestrant"), "approved_oral_serd_for_esr1").text
    assert "HR 0.58" in reason(option(p, "vepdegestrant"), "approved_oral_serd_for_esr1").text
    # camizestrant has no approval: not preferred, labelled trial
    assert option(p, "camizestrant").tier is Tier.TRIAL


def test_emerald_post_hoc_subgroup_speaks_where_the_cdk46i_course_was_long() -> None:
    biomarkers = [result("ESR1", "mutated"), result("PIK3CA", "not_detected")]
    long = option(practice(biomarkers=biomarkers), "elacestrant")  # 26 months on palbociclib
    short = option(practice(biomarkers=biomarkers, treatments=[SHORT_PALBOCICLIB]), "elacestrant")
    said = reason(long, "approved_oral_serd_for_esr1").text
    assert "8.6 vs 1.9 months, HR 0.41" in said
    # the short course is told the subgroup's figure as one it is not in (case 194)
    assert "(post hoc): 8.6" not in reason(short, "approved_oral_serd_for_esr1").text
    assert "this patient is not in it" in reason(short, "approved_oral_serd_for_esr1").text
    # the efficacy factor reads EMERALD's primary ESR1-mutated analysis for both (an ESMO-MCBS
    # grade is never computed from a post hoc subgroup: cases 631-671); the subgroup is rule
    # 28's, above
    for found in (long, short):
        [line] = [r for r in found.reasons if r.rule == 16]
        assert "HR 0.55" in line.text and "HR 0.41" not in line.text
    assert long.scores.efficacy == short.scores.efficacy


def test_without_an_esr1_mutation_no_oral_serd_is_preferred() -> None:
    p = practice(biomarkers=NEGATIVE)
    assert not {o.regimen.id for o in p.options if o.tier is Tier.PREFERRED} & APPROVED_SERDS


# -- rules 29 and 30 --------------------------------------------------------------------------


def test_her2_ultralow_after_chemotherapy_is_not_called_destiny_breast06s_population() -> None:
    """DESTINY-Breast06 enrolled no one with chemotherapy for metastatic disease, and
    DESTINY-Breast04 HER2-low disease only: after chemotherapy, HER2-ultralow disease is in
    neither trial, and the plan must say so, not offer trastuzumab deruxtecan as a match or
    prefer it (found by a blind oncologist review). Its approval covers her (case 403): at best
    an alternative."""
    p = practice(her2="ultralow", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB, CAPECITABINE])
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier is not Tier.PREFERRED
    codes = {r.code for r in tdxd.reasons}
    assert "her2_low_or_ultralow_matches_trastuzumab_deruxtecan" not in codes
    gap = reason(tdxd, "her2_ultralow_after_chemotherapy")
    assert gap.rule == 29 and "DESTINY-Breast06" in gap.text and "DESTINY-Breast04" in gap.text
    low = practice(her2="low", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB, CAPECITABINE])
    matched = reason(
        option(low, "trastuzumab-deruxtecan"), "her2_low_or_ultralow_matches_trastuzumab_deruxtecan"
    )
    assert matched.rule == 29


def test_her2_ultralow_chemotherapy_naive_gets_trastuzumab_deruxtecan_before_chemotherapy() -> None:
    kw: dict[str, Any] = {
        "her2": "ultralow",
        "biomarkers": NEGATIVE,
        "treatments": [SHORT_PALBOCICLIB],
    }
    p = practice(**kw)
    ranks = {o.regimen.id: o.rank for o in p.options}
    assert ranks["trastuzumab-deruxtecan"] < ranks["chemotherapy"]
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier is Tier.PREFERRED
    assert reason(tdxd, "her2_low_or_ultralow_matches_trastuzumab_deruxtecan").rule == 29
    before = reason(tdxd, "endocrine_therapy_opens_trastuzumab_deruxtecan")
    assert before.rule == 30
    assert before.trials == ("DESTINY-Breast06",)
    # the default policy leaves it out, and says what changed since the review
    default = review(**kw)
    assert exclusion(default, "trastuzumab-deruxtecan").regimen.id == "trastuzumab-deruxtecan"
    top = next(s for s in default.since_review if s.change is Change.TOP_OPTION)
    assert top.regimen == "trastuzumab-deruxtecan"
    assert (
        "Trastuzumab deruxtecan comes first, preferred there (left out here), before Chemotherapy"
        in top.text
    )
    assert "DESTINY-Breast06" in top.trials
    assert top.approvals == ("Trastuzumab deruxtecan: FDA 2025-01-27",)


def test_her2_zero_still_excludes_trastuzumab_deruxtecan() -> None:
    p = practice(her2="0", biomarkers=NEGATIVE)
    assert reason(exclusion(p, "trastuzumab-deruxtecan"), "out_of_population").rule == 29


def test_datopotamab_deruxtecan_after_chemotherapy_is_preferred_and_says_no_os_benefit() -> None:
    p = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.tier is Tier.PREFERRED  # case 505: before the chemotherapy it beat
    said = reason(dato, "prior_chemotherapy_opens_datopotamab_deruxtecan")
    assert "no overall-survival benefit" in said.text
    assert "HR 1.01" in said.text
    assert said.trials == ("TROPION-Breast01",)


def test_datopotamab_deruxtecan_waits_for_chemotherapy() -> None:
    p = practice(biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    dato = option(p, "datopotamab-deruxtecan")
    assert dato.tier is not Tier.PREFERRED
    assert reason(dato, "adc_before_chemotherapy").rule == 30


# -- rule 31 ----------------------------------------------------------------------------------

ADJUVANT_RELAPSE = {  # no CDK4/6 inhibitor: INAVO120 enrolled no one after one
    "drugs": ["letrozole"],
    "setting": "adjuvant",
    "started_on": "2024-01-10",
    "ended_on": "2026-03-20",
    "stop_reason": "progression",
}


def test_pik3ca_mutated_relapse_on_adjuvant_endocrine_therapy_gets_the_inavolisib_triplet() -> None:
    p = practice(
        biomarkers=[result("PIK3CA", "mutated"), result("ESR1", "not_detected")],
        treatments=[ADJUVANT_RELAPSE],
    )
    triplet = option(p, "inavolisib+palbociclib+fulvestrant")
    assert triplet.rank == 1
    said = reason(triplet, "inavo120_population")
    assert said.rule == 31
    assert "HR 0.67" in said.text  # the overall-survival benefit
    assert said.trials == ("INAVO120",)


def test_inavo120_counts_relapse_within_12_months_of_completed_adjuvant_endocrine_therapy() -> None:
    def relapse_after(letrozole_end: str) -> resistx.Plan:
        letrozole = {
            "drugs": ["letrozole"],
            "setting": "adjuvant",
            "started_on": "2020-01-10",
            "ended_on": letrozole_end,
            "stop_reason": "completed",
        }
        # a later (neo)adjuvant course that ended in relapse dates the relapse
        capecitabine = {
            "drugs": ["capecitabine"],
            "setting": "adjuvant",
            "started_on": "2025-11-01",
            "ended_on": "2026-03-01",
            "stop_reason": "progression",
        }
        return practice(
            biomarkers=[result("PIK3CA", "mutated")], treatments=[letrozole, capecitabine]
        )

    soon = relapse_after("2025-10-01")  # 5 months before the relapse
    late = relapse_after("2024-01-01")  # 26 months before it
    assert (
        reason(option(soon, "inavolisib+palbociclib+fulvestrant"), "inavo120_population").rule == 31
    )
    late_triplet = exclusion(late, "inavolisib+palbociclib+fulvestrant")
    assert reason(late_triplet, "out_of_population").rule == 31


def test_a_relapse_on_an_adjuvant_cdk46i_is_not_inavo120s_population() -> None:
    """INAVO120 enrolled no one after a CDK4/6 inhibitor: a relapse on adjuvant abemaciclib
    (monarchE's setting) is resistance to one, and the triplet would give another at once."""
    on_abemaciclib = dict(ADJUVANT_RELAPSE, drugs=["abemaciclib", "anastrozole"])
    p = practice(
        biomarkers=[result("PIK3CA", "mutated"), result("ESR1", "not_detected")],
        treatments=[on_abemaciclib],
    )
    left_out = reason(exclusion(p, "inavolisib+palbociclib+fulvestrant"), "out_of_population")
    assert left_out.rule == 31
    assert "CDK4/6 inhibitor" in left_out.text
    assert p.options[0].regimen.id in {"capivasertib+fulvestrant", "alpelisib+fulvestrant"}


def test_the_inavolisib_triplet_is_not_for_disease_after_a_metastatic_cdk46i() -> None:
    p = practice(biomarkers=[result("PIK3CA", "mutated")])
    assert (
        reason(exclusion(p, "inavolisib+palbociclib+fulvestrant"), "out_of_population").rule == 31
    )
    # PIK3CA not detected on tissue (on ctDNA only it waits on tissue: case 1501)
    q = practice(biomarkers=TISSUE_NEGATIVE, treatments=[ADJUVANT_RELAPSE])
    assert reason(exclusion(q, "inavolisib+palbociclib+fulvestrant"), "biomarker_absent").rule == 31
    r = practice(biomarkers=NEGATIVE, treatments=[ADJUVANT_RELAPSE])
    assert option(r, "inavolisib+palbociclib+fulvestrant").waits_on == ("PIK3CA on tissue",)


# -- rule 32 ----------------------------------------------------------------------------------


def test_endocrine_sensitive_disease_without_a_target_gets_an_endocrine_line_before_chemotherapy() -> (
    None
):
    p = practice(biomarkers=NEGATIVE)  # 26 months on palbociclib, no visceral crisis
    ranks = {o.regimen.id: o.rank for o in p.options}
    for rid in ("abemaciclib+fulvestrant", "fulvestrant", "everolimus+exemestane"):
        assert ranks[rid] < ranks["chemotherapy"], rid
        assert reason(option(p, rid), "endocrine_sensitive_endocrine_first").rule == 32
    said = reason(option(p, "abemaciclib+fulvestrant"), "endocrine_sensitive_endocrine_first")
    assert "HR 0.73" in said.text
    # the review's Discussion sends the same patient to chemotherapy first (rule 6)
    default = review(biomarkers=NEGATIVE)
    assert default.options[0].regimen.id == "chemotherapy"
    assert any(s.change is Change.TOP_OPTION and 32 in s.rules for s in default.since_review)


def test_a_short_cdk46i_course_or_a_visceral_crisis_keeps_chemotherapy_first() -> None:
    short = practice(biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    crisis = practice(biomarkers=NEGATIVE, visceral_crisis=True)
    for p in (short, crisis):
        assert p.options[0].regimen.id == "chemotherapy"
        assert not any(
            r.code == "endocrine_sensitive_endocrine_first" for o in p.options for r in o.reasons
        )


def test_postmonarchs_regimen_comes_before_fulvestrant_alone_in_its_population() -> None:
    """postMONARCH's result is abemaciclib + fulvestrant against fulvestrant alone (HR 0.73):
    the combination, not fulvestrant alone, leads the endocrine lines."""
    p = practice(biomarkers=NEGATIVE)
    assert rank(p, "abemaciclib+fulvestrant") < rank(p, "fulvestrant")


def test_after_a_second_endocrine_line_rule_32_is_silent() -> None:
    """postMONARCH enrolled patients with no other therapy for advanced disease after the
    CDK4/6 inhibitor: after a second endocrine line the endocrine-first reading does not apply,
    and chemotherapy comes before the endocrine lines (rule 6, as under the review). (An RB1
    loss leaves out the CDK4/6 inhibitors only: test_board_fixes, case 262.)"""
    second_line = practice(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, FULVESTRANT])
    for p in (second_line,):
        assert not any(
            r.code == "endocrine_sensitive_endocrine_first" for o in p.options for r in o.reasons
        )
        endocrine = [
            o.rank for o in p.options if o.regimen.id in ("everolimus+exemestane", "fulvestrant")
        ]
        assert rank(p, "chemotherapy") < min(endocrine)


# -- rule 33 and investigational regimens -----------------------------------------------------


def test_investigational_phase_3_regimens_appear_as_trial_with_their_figures() -> None:
    # PIK3CA negative on tissue: on ctDNA alone gedatolisib waits on tissue (case 4628a)
    pik3ca = result("PIK3CA", "not_detected", sample="tissue")
    p = practice(biomarkers=[result("ESR1", "mutated"), pik3ca])
    for rid, trial in [
        ("giredestrant+everolimus", "evERA"),
        ("gedatolisib+palbociclib+fulvestrant", "VIKTORIA-1"),
        ("imlunestrant+abemaciclib", "EMBER-3"),
    ]:
        o = option(p, rid)
        assert o.tier is Tier.TRIAL, rid
        efficacy = [r for r in o.reasons if r.rule == 16]
        assert any("HR " in r.text and trial in r.trials for r in efficacy), (rid, efficacy)
    wild = reason(
        option(p, "gedatolisib+palbociclib+fulvestrant"), "pik3ca_wild_type_matches_gedatolisib"
    )
    assert wild.rule == 33
    assert "HR 0.24" in wild.text


def test_a_pik3ca_mutation_shows_viktoria1s_secondary_figures_for_gedatolisib_without_a_match() -> (
    None
):
    """The mutant cohort's figures are in the pack at the secondary level: the reason shows
    them and says why they score nothing (it once said the pack held none)."""
    p = practice(biomarkers=[result("PIK3CA", "mutated")])
    o = option(p, "gedatolisib+palbociclib+fulvestrant")
    said = reason(o, "gedatolisib_pik3ca_mutant_unconfirmed")
    assert said.rule == 33
    assert "HR 0.5" in said.text and "secondary" in said.text
    assert "encodes no figure" not in said.text
    assert not any(r.code == "pik3ca_wild_type_matches_gedatolisib" for r in o.reasons)


def test_the_review_policy_is_the_default_and_knows_no_later_regimen() -> None:
    p = review(biomarkers=[result("ESR1", "mutated")])
    assert p.policy.name == "ye2024"
    assert p.evidence_version == resistx.evidence().version
    assert p.option("imlunestrant") is None
    assert {s.policy for s in p.since_review} == {PRACTICE}
    assert practice(biomarkers=[result("ESR1", "mutated")]).since_review == ()


def test_compare_returns_the_differences_with_ranks() -> None:
    data = patient(her2="ultralow", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    diffs = resistx.compare(data, "ye2024", PRACTICE)
    assert diffs == resistx.compare(data)  # the default policy and the one that updates it
    top = diffs[0]
    assert (top.change, top.regimen, top.rank_after) == (
        Change.TOP_OPTION,
        "trastuzumab-deruxtecan",
        1,
    )
    added = {d.regimen for d in diffs if d.change is Change.ADDED}
    assert "datopotamab-deruxtecan" in added
    moved = [d for d in diffs if d.change is Change.MOVED]
    assert all(d.rank_before != d.rank_after for d in moved)
    assert resistx.compare(data, PRACTICE, PRACTICE) == ()


def test_differences_name_a_regimen_the_newer_plan_leaves_out() -> None:
    """A regimen preferred first here and excluded under the other policy: a new top option,
    the preferred set shrinks, and an exclusion (each a since-review change)."""
    before = review(biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "not_detected")])
    first = before.options[0]
    rest = tuple(attrs.evolve(o, rank=n) for n, o in enumerate(before.options[1:], start=1))
    gone = resistx.Exclusion(regimen=first.regimen, reasons=first.reasons[:1])
    after = attrs.evolve(before, options=rest, excluded=(*before.excluded, gone))
    changes = {(d.change, d.regimen) for d in differences(before, after)}
    assert (Change.EXCLUDED, first.regimen.id) in changes
    assert (Change.PREFERRED_REMOVED, first.regimen.id) in changes
    assert (Change.TOP_OPTION, rest[0].regimen.id) in changes
    assert (Change.REMOVED, first.regimen.id) not in changes  # excluded, not just gone
    back = {(d.change, d.regimen) for d in differences(after, before)}
    assert (Change.NO_LONGER_EXCLUDED, first.regimen.id) in back


def test_every_code_of_the_practice_rules_shows_in_some_plan() -> None:
    """Each code a practice rule declares is said, under that rule, by some scenario."""
    esr1 = [result("ESR1", "mutated"), result("PIK3CA", "not_detected")]
    plans = [
        practice(biomarkers=esr1),
        practice(biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")]),
        practice(her2="ultralow", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB]),
        practice(
            her2="ultralow", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB, CAPECITABINE]
        ),
        practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]),
        practice(  # rule 32 with liver metastases (8571)
            her2="low",
            metastatic_sites=["liver"],
            biomarkers=TISSUE_PATHWAY_NEGATIVE,
            treatments=[PALBOCICLIB],
        ),
        practice(  # datopotamab deruxtecan past TROPION-Breast01's lines (case 2545)
            her2="0",
            biomarkers=NEGATIVE,
            treatments=[
                dict(PALBOCICLIB, started_on="2022-01-10", ended_on="2023-01-20"),
                dict(CAPECITABINE, started_on="2023-02-01", ended_on="2024-01-20"),
                dict(CAPECITABINE, drugs=["paclitaxel"], line=3),
                dict(
                    CAPECITABINE,
                    drugs=["eribulin"],
                    line=4,
                    started_on="2025-10-15",
                    ended_on="2026-03-20",
                ),
            ],
        ),
        practice(her2="unknown", biomarkers=NEGATIVE),
        practice(biomarkers=NEGATIVE),
        practice(
            biomarkers=[result("PIK3CA", "mutated"), result("ESR1", "not_detected")],
            treatments=[ADJUVANT_RELAPSE],
        ),
        practice(biomarkers=[result("PIK3CA", "mutated")]),
        practice(biomarkers=[result("PIK3CA", "mutated")], treatments=[]),
        practice(  # INAVO120's population unknown: adjuvant letrozole with no dates (1457)
            biomarkers=[result("PIK3CA", "mutated")],
            treatments=[
                {"drugs": ["letrozole"], "setting": "adjuvant", "stop_reason": "completed"}
            ],
        ),
        practice(  # INAVO120's population with diabetes (rule 86)
            schema_version=2,
            comorbidities=["diabetes"],
            biomarkers=[result("PIK3CA", "mutated")],
            treatments=[ADJUVANT_RELAPSE],
        ),
        practice(biomarkers=NEGATIVE, treatments=[ADJUVANT_RELAPSE]),
        practice(biomarkers=TISSUE_NEGATIVE, treatments=[ADJUVANT_RELAPSE]),
        practice(treatments=[ADJUVANT_RELAPSE]),
        practice(  # no aromatase inhibitor on record: outside EMBER-3
            biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
            treatments=[dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"])],
        ),
        practice(
            biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
            treatments=[PALBOCICLIB, FULVESTRANT],
        ),
        practice(
            biomarkers=[dict(r, tested_on="2024-05-15") for r in NEGATIVE],
            as_of="2024-06-01",
            treatments=[EARLY_PALBOCICLIB],
        ),
        practice(  # an ESR1 mutation during first-line AI + CDK4/6 inhibitor (rule 54)
            biomarkers=[result("ESR1", "mutated")],
            treatments=[dict(PALBOCICLIB, ended_on=None, stop_reason="ongoing")],
        ),
        practice(  # no ESR1 result during first-line AI + CDK4/6 inhibitor (rule 54)
            treatments=[dict(PALBOCICLIB, ended_on=None, stop_reason="ongoing")],
        ),
        practice(  # datopotamab deruxtecan after sacituzumab govitecan stopped (8209)
            her2="0",
            biomarkers=NEGATIVE,
            treatments=[
                PALBOCICLIB,
                CAPECITABINE,
                dict(
                    CAPECITABINE,
                    drugs=["sacituzumab govitecan"],
                    line=3,
                    stop_reason="toxicity",
                    toxicity="diarrhoea",
                ),
            ],
        ),
        practice(  # an ESR1 mutation during first-line fulvestrant + CDK4/6 i: outside (8269)
            biomarkers=[result("ESR1", "mutated")],
            treatments=[
                dict(
                    PALBOCICLIB,
                    drugs=["palbociclib", "fulvestrant"],
                    ended_on=None,
                    stop_reason="ongoing",
                )
            ],
        ),
        practice(  # ESR1 mutated after two chemotherapy lines: outside EMERALD (rule 35)
            biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
            treatments=[PALBOCICLIB, CAPECITABINE, dict(CAPECITABINE, drugs=["eribulin"], line=3)],
        ),
        practice(  # ESR1 and PIK3CA mutated after 7 months on a CDK4/6 inhibitor (rule 28)
            biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]],
            treatments=[dict(PALBOCICLIB, started_on="2024-08-20", ended_on="2025-03-20")],
        ),
        practice(  # ... and after progression on fulvestrant (rule 28; case 841)
            biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]],
            treatments=[
                dict(
                    PALBOCICLIB,
                    drugs=["palbociclib", "fulvestrant"],
                    started_on="2024-08-20",
                    ended_on="2025-03-20",
                )
            ],
        ),
        practice(  # HER2-low, PIK3CA mutated, one endocrine line: outside DB06 (rule 58)
            her2="low",
            biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[::2]],
        ),
        practice(  # HER2-low, a germline BRCA2 mutation, one endocrine line (rule 58)
            her2="low",
            biomarkers=[
                *NEGATIVE,
                result("BRCA2", "mutated", origin="germline", sample="blood"),
            ],
        ),
        practice(  # ESR1 tested on tissue only (rule 64)
            biomarkers=[on_tissue(r) for r in NEGATIVE],
        ),
        practice(  # the pathway negative by an assay not on record (rule 38; case 1257)
            biomarkers=[
                {k: v for k, v in r.items() if k != "assay"}
                for r in [*NEGATIVE, result("TP53", "mutated")]
            ],
        ),
        practice(  # HER2-ultralow, one endocrine line of 11 months, untested (rule 58)
            her2="ultralow",
            treatments=[dict(PALBOCICLIB, started_on="2024-04-20", ended_on="2025-03-20")],
        ),
        practice(  # HER2-low, two endocrine lines, no chemotherapy: DB06's entry (rule 68)
            her2="low",
            biomarkers=NEGATIVE,
            treatments=[PALBOCICLIB, FULVESTRANT],
        ),
    ]
    reasons = [r for p in plans for o in p.options for r in o.reasons]
    reasons += [r for p in plans for e in p.excluded for r in e.reasons]
    said = {(r.rule, r.code) for r in reasons} | {
        (c.rule, c.code)
        for p in plans
        for o in p.options
        for c in o.cautions  # rule 76's label
    }
    said |= {(a.rule, a.code) for p in plans for a in p.actions}
    # a note is text that names its rule: a note rule's code shows where its note does
    said |= {
        (u.number, c)
        for u in PRACTICE_2026.rules
        if u.plan is not None
        for p in plans
        if any(n.endswith(f"(rule {u.number})") for n in p.notes)
        for c in u.codes
    }
    review = {u.number for u in YE2024.rules}
    for unit in PRACTICE_2026.rules:
        if unit.number not in review:  # the practice units (28 to 39, 46)
            missing = {c for c in unit.codes if (unit.number, c) not in said}
            assert not missing, (unit.number, missing)


def test_a_regimen_left_out_here_is_said_to_be_left_out_in_every_since_review_entry() -> None:
    """HER2-ultralow, no chemotherapy: the default plan leaves trastuzumab deruxtecan out, and
    practice-2026 prefers it. Each since-review entry about it must say 'left out here', never
    'not an option here' (which reads as if it had not been considered)."""
    p = review(her2="ultralow", biomarkers=NEGATIVE, treatments=[SHORT_PALBOCICLIB])
    entries = [s for s in p.since_review if s.regimen == "trastuzumab-deruxtecan"]
    assert entries
    assert all("not an option here" not in s.text for s in entries)
    assert all("left out here" in s.text for s in entries)


def test_interstitial_lung_disease_leaves_datopotamab_deruxtecan_out_as_it_does_trastuzumab_deruxtecan() -> (
    None
):
    """The same deruxtecan payload, and ILD/pneumonitis is a boxed warning of its label: with
    ILD on record neither ADC is offered; without it, datopotamab deruxtecan is."""
    kw: dict[str, Any] = {
        "her2": "low",
        "biomarkers": NEGATIVE,
        "treatments": [PALBOCICLIB, CAPECITABINE],
        "comorbidities": ["interstitial_lung_disease"],
    }
    p = practice(**kw)
    for rid in ("datopotamab-deruxtecan", "trastuzumab-deruxtecan"):
        said = reason(exclusion(p, rid), "contraindicated")
        assert said.rule == 12 and "interstitial lung disease" in said.text
    without = practice(**{**kw, "comorbidities": []})
    assert without.option("datopotamab-deruxtecan") is not None  # offered without ILD


def test_a_trials_control_arm_does_not_select_it_a_kat6_trial_is_not_an_everolimus_regimen() -> (
    None
):
    """NCT07062965 tests a KAT6 inhibitor with fulvestrant against everolimus with endocrine
    therapy: PTEN loss (what everolimus acts on) does not make it her trial, and where the
    trial is listed its drugs are the tested arm's."""
    p = practice(biomarkers=[result("PTEN", "loss"), *NEGATIVE[:3]])
    assert p.option("trial:NCT07062965") is None
    assert all("NCT07062965" not in e.regimen.id for e in p.excluded)
    from resistx.sequencing.candidates import trial_spec  # noqa: PLC0415

    spec = trial_spec(PRACTICE_2026.default_evidence().trial("NCT07062965"))
    assert "everolimus" not in spec.drugs and "everolimus" not in spec.name


def test_imlunestrant_and_vepdegestrant_are_for_esr1_mutated_disease_only() -> None:
    """Both approvals are for ESR1-mutated disease (update-2026: EMBER-3 HR 1.00 with ESR1 not
    detected; VERITAC-2 not significant in all patients): ESR1 not mutated on a current test
    leaves them out; ESR1 unknown keeps them waiting on the test."""
    wild_type = practice(biomarkers=NEGATIVE)
    for rid, said in (("imlunestrant", "HR 1"), ("vepdegestrant", "HR 0.83")):
        why = reason(exclusion(wild_type, rid), "biomarker_absent")
        assert why.rule == 28 and said in why.text and "ESR1-mutated" in why.text
    unknown = practice(biomarkers=NEGATIVE[1:])  # ESR1 untested
    for rid in ("imlunestrant", "vepdegestrant"):
        waiting = option(unknown, rid)
        assert waiting.waits_on == ("ESR1",)
        assert reason(waiting, "esr1_test_pending").rule == 28
    # a negative from before the latest progression is no current result: they wait
    stale = practice(
        biomarkers=[result("ESR1", "not_detected", tested_on="2023-01-10"), *NEGATIVE[1:]]
    )
    assert option(stale, "imlunestrant").waits_on == ("ESR1",)
    # elacestrant too, on the guideline (its approval in the pack names no population)
    guideline = reason(exclusion(wild_type, "elacestrant"), "biomarker_absent")
    assert guideline.rule == 28 and "ASCO" in guideline.text and "HR" not in guideline.text
    assert option(unknown, "elacestrant").waits_on == ("ESR1",)
    # the review's policy keeps its reading: elacestrant stays an option, marked down
    assert review(biomarkers=NEGATIVE).option("elacestrant") is not None


def test_trastuzumab_deruxtecan_after_one_long_endocrine_line_cites_its_approval_not_db06s_population() -> (
    None
):
    """DESTINY-Breast06 enrolled after 2 or more endocrine lines, or progression within 6 months
    on first-line endocrine therapy with a CDK4/6 inhibitor; its approval covers 1 or more
    lines. After one line of 26 months the reason says so, and calls her neither."""
    one_line = reason(
        option(practice(her2="low", biomarkers=NEGATIVE), "trastuzumab-deruxtecan"),
        "endocrine_therapy_opens_trastuzumab_deruxtecan",
    )
    assert "FDA 2025-01-27" in one_line.text and "enrolled after 2 or more" in one_line.text
    short_first_line = dict(SHORT_PALBOCICLIB, started_on="2024-10-10")  # about 5 months
    in_trial = reason(
        option(
            practice(her2="low", biomarkers=NEGATIVE, treatments=[short_first_line]),
            "trastuzumab-deruxtecan",
        ),
        "endocrine_therapy_opens_trastuzumab_deruxtecan",
    )
    assert "DESTINY-Breast06's population" in in_trial.text
    assert "enrolled after 2 or more" not in in_trial.text


def test_her2_zero_before_chemotherapy_asks_whether_the_ihc_0_is_ultralow() -> None:
    """Trastuzumab deruxtecan is approved for HER2-ultralow disease after endocrine therapy
    (update-2026.md: FDA 27 Jan 2025; DESTINY-Breast06): a HER2 0 reported before that reading
    existed may be ultralow. After chemotherapy for metastatic disease no trial covers
    ultralow, and the action is not asked; the review's policy never asks it."""
    zero = practice(her2="0", biomarkers=NEGATIVE)
    [ask] = [a for a in zero.actions if a.code == "reread_her2_ultralow"]
    assert ask.rule == 34 and "ultralow" in ask.text and "2025-01-27" in ask.text
    after_chemo = practice(her2="0", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE])
    assert not any(a.code == "reread_her2_ultralow" for a in after_chemo.actions)
    assert not any(a.code == "reread_her2_ultralow" for a in practice(her2="low").actions)
    assert not any(a.code == "reread_her2_ultralow" for a in review(her2="0").actions)


def test_vepdegestrant_after_fulvestrant_or_chemotherapy_is_outside_veritac2s_population() -> None:
    """VERITAC-2 enrolled no one who had had fulvestrant or chemotherapy for advanced disease
    (update-2026.md section 3): after either, vepdegestrant is at best a later option and
    says why; elacestrant stays preferred, and imlunestrant, whose trial's limits on either the
    sources do not give, says so and is an alternative (case 446)."""
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    plain = practice(biomarkers=esr1)
    assert option(plain, "vepdegestrant").tier is Tier.PREFERRED
    for later in (FULVESTRANT, CAPECITABINE):
        p = practice(biomarkers=esr1, treatments=[PALBOCICLIB, later])
        vep = option(p, "vepdegestrant")
        assert vep.tier is Tier.LATER
        said = reason(vep, "outside_veritac2_population")
        assert said.rule == 35 and said.trials == ("VERITAC-2",)
        assert option(p, "elacestrant").tier is Tier.PREFERRED
        iml = option(p, "imlunestrant")
        assert iml.tier is Tier.ALTERNATIVE
        assert reason(iml, "ember3_earlier_lines_unknown").rule == 35


def test_trastuzumab_deruxtecan_before_chemotherapy_is_evidenced_by_destiny_breast06_alone() -> (
    None
):
    """DESTINY-Breast04 enrolled after 1-2 chemotherapy lines: before any, its larger effect
    is not the patient's evidence, and DESTINY-Breast06's is; after chemotherapy both speak."""
    naive = option(practice(her2="low", biomarkers=NEGATIVE), "trastuzumab-deruxtecan")
    cited = {t for r in naive.reasons if r.code == "randomised_benefit" for t in r.trials}
    assert cited == {"DESTINY-Breast06"}
    after = option(
        practice(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]),
        "trastuzumab-deruxtecan",
    )
    cited = {t for r in after.reasons if r.code == "randomised_benefit" for t in r.trials}
    assert "DESTINY-Breast04" in cited


def test_a_plan_dated_before_an_approval_says_which_of_its_regimens_came_later() -> None:
    """A practice-2026 plan keeps the patient's decision date but ranks the 2026 table: a plan
    dated 2024 names the approvals after its date (with the date), one dated after every
    approval names none, and the review's policy never does."""
    then = [dict(r, tested_on="2024-05-15") for r in NEGATIVE]
    early = practice(biomarkers=then, as_of="2024-06-01", treatments=[EARLY_PALBOCICLIB])
    [said] = [n for n in early.notes if "after this plan's date" in n]
    assert "imlunestrant (FDA 2025-09-25: " in said and "(rule 36)" in said
    assert "elacestrant" not in said  # its approval in the pack has no date
    late = practice(biomarkers=NEGATIVE)  # decision date 2026-05-01, after every approval
    assert not any("after this plan's date" in n for n in late.notes)
    same = review(biomarkers=then, as_of="2024-06-01", treatments=[EARLY_PALBOCICLIB])
    assert not any("after this plan's date" in n for n in same.notes)
