"""Scenario tests for session 56: the items left by session 55's reviews that this session
took up, and the findings of its blind reviews (cases 3261 on), each seen failing before its
fix, named after the behaviour a clinician relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from tests.helpers import result
from tests.test_board_fixes_882 import PALBO_LETROZOLE, _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_board_fixes_2790 import _on_qt_drugs

EXAMPLES = Path(__file__).parent.parent / "examples"
#: case 3302: a man on Kisqali + letrozole + leuprolide, ESR1 Y537S on ctDNA
COMPARE_TIER = """{"schema_version": 2, "patient_id": "P0018", "as_of": "2026-06-01",
"hormone_receptor": "positive", "sex": "male", "her2": "0", "ecog": 1,
"comorbidities": [{"name": "diabetes", "hba1c": 7.2}],
"biomarkers": [
 {"gene": "ESR1", "status": "mutated", "origin": "somatic", "sample": "ctdna", "assay": "ngs",
  "tested_on": "2026-05-10", "variant": "Y537S", "classification": "pathogenic"},
 {"gene": "PIK3CA", "status": "not_detected", "origin": "somatic", "sample": "ctdna",
  "assay": "ngs", "tested_on": "2026-05-10"},
 {"gene": "AKT1", "status": "not_detected", "origin": "somatic", "sample": "ctdna",
  "assay": "ngs", "tested_on": "2026-05-10"},
 {"gene": "PTEN", "status": "not_detected", "origin": "somatic", "sample": "ctdna",
  "assay": "ngs", "tested_on": "2026-05-10"}],
"treatments": [{"drugs": ["Kisqali", "letrozole", "leuprolide"], "setting": "metastatic",
 "line": 1, "started_on": "2023-03-01", "ended_on": "2026-04-15", "stop_reason": "progression"}]}"""


@pytest.mark.parametrize(
    ("entry", "meant"),
    [
        ("sotolol 80 mg bd", "sotalol"),
        ("donezepil 10 mg nocte", "donepezil"),
        ("haloperidiol 1 mg", "haloperidol"),
        ("ondansteron 8 mg prn", "ondansetron"),
    ],
)
def test_a_qt_drug_misspelt_by_one_letter_or_a_swap_is_refused_with_its_name(
    entry: str, meant: str
) -> None:
    """Session 55's left items: 'sotolol' (one letter from sotalol) and 'donezepil' (two
    letters of donepezil swapped) passed as medications resistx does not read, and ribociclib
    kept its place with no word of the QT interval."""
    message = _refusal(_on_qt_drugs(entry))
    assert "medications[0]" in message
    assert f"did you mean {meant}?" in message


@pytest.mark.parametrize(
    "entry",
    [
        "atenolol 50 mg",
        "bisoprolol 2.5 mg",
        "metoprolol",
        "propranolol 40 mg",
        "labetalol",
        "nebivolol",
        "carvedilol",
        "pindolol",
        "doxepin",
        "donepezil 5 mg",
        "galantamine",
        "rivastigmine patch",
        "memantine",
        "granisetron",
        "palonosetron",
        "dolasetron",
        "tropisetron",
        "aripiprazole",
        "sulfasalazine",
        "mesalazine",
        "cetirizine",
        "loratadine",
        "fluoxetine",
        "paroxetine",
        "vortioxetine",
        "flecainide 50 mg",
        "lamotrigine",
        "levetiracetam",
        "gabapentin",
        "pregabalin",
        "oxycodone",
        "hydromorphone",
        "methylphenidate",
        "metformin",
        "amlodipine",
        "nifedipine",
        "felodipine",
        "diltiazem",
        "verapamil",
        "apixaban",
        "rivaroxaban",
        "edoxaban",
        "dabigatran",
    ],
)
def test_common_drugs_one_letter_from_a_read_name_are_not_taken_for_misspellings(
    entry: str,
) -> None:
    """The wider near-miss reading must not refuse a real drug a letter or two from one
    resistx reads (a refusal of a valid profile is its own error)."""
    plan = _planned(_on_qt_drugs(entry), "ye2024")
    assert plan.options


def _cdk6_amplified() -> dict[str, Any]:
    """Case 3425: 26 months of palbociclib + letrozole, nothing actionable on tissue NGS, and
    CDK6 amplified."""
    tissue = {"sample": "tissue", "tumour_fraction": None}
    return _woman(
        "2026-05-01",
        [
            *(result(g, "not_detected", **tissue) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
            result("CDK6", "amplified", **tissue),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-10", "2026-03-20", "progression", line=1),
        her2="0",
    )


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_cdk46i_resistance_marker_takes_the_switch_to_ribociclib_from_first_place(
    policy: str,
) -> None:
    """Case 3425 (MAJOR): under practice-2026 a CDK6 amplification (the review: a mechanism of
    CDK4/6-inhibitor resistance; continuing is reasonable after palbociclib in hope that such
    mechanisms will tell who benefits) left MAINTAIN's switch to ribociclib first, as without
    it. The recheck (3501, MINOR): a weight on every CDK4/6-inhibitor regimen put postMONARCH's
    control arm, fulvestrant alone, above its experimental arm on a marker the review finds
    validated for no clinical use. The switch steps back; postMONARCH's result stands; every
    CDK4/6-inhibitor regimen says why, with the review's caveat."""
    plan = _planned(_cdk6_amplified(), policy)
    ranks = {o.regimen.id: o.rank for o in plan.options}
    for cdk in ("ribociclib+fulvestrant", "abemaciclib+fulvestrant"):
        option = next(o for o in plan.options if o.regimen.id == cdk)
        [reason] = [r for r in option.reasons if r.code == "cdk46i_resistance_marker_against"]
        assert "none validated for clinical use" in reason.text
    assert ranks["ribociclib+fulvestrant"] > ranks["fulvestrant"], ranks
    assert plan.options[0].regimen.id != "ribociclib+fulvestrant"
    if policy == "practice-2026":
        assert ranks["abemaciclib+fulvestrant"] < ranks["fulvestrant"], ranks


@pytest.mark.parametrize("classification", ["vus", "benign", "likely_benign"])
def test_a_vus_or_benign_variant_points_to_no_mechanism(classification: str) -> None:
    """Case 3421's API check (MAJOR): mechanisms_for read a benign RB1 variant as 'Loss of RB
    function', whose description says the CDK4/6-inhibitor regimens are left out; a plan reads
    it as no finding (profile.md)."""
    profile = _woman(
        "2026-05-01",
        [result("RB1", "mutated", variant="R552Q", classification=classification)],
        PALBO_LETROZOLE,
        her2="0",
    )
    assert resistx.mechanisms_for(profile) == ()
    pathogenic = _woman("2026-05-01", [result("RB1", "loss")], PALBO_LETROZOLE, her2="0")
    assert [m.key for m in resistx.mechanisms_for(pathogenic)] == ["rb-loss"]


def test_a_later_negative_leaves_the_mechanism_of_an_earlier_stable_alteration() -> None:
    """mechanisms_for reads results as a plan does: a PIK3CA mutation on tissue is not erased
    by a later ctDNA 'not detected' (issue 8's first clinical error)."""
    profile = _woman(
        "2026-05-01",
        [
            result(
                "PIK3CA", "mutated", sample="tissue", tumour_fraction=None, tested_on="2024-01-10"
            ),
            result("PIK3CA", "not_detected", tested_on="2026-04-10"),
        ],
        PALBO_LETROZOLE,
        her2="0",
    )
    assert "pam-pathway-activation" in [m.key for m in resistx.mechanisms_for(profile)]


def test_compare_lists_an_option_whose_tier_changes_at_the_same_rank() -> None:
    """Case 3302 (MAJOR): abemaciclib + fulvestrant, rank 4 under both policies, a later option
    under ye2024 and an alternative under practice-2026, was missing from compare's list (the
    plan's since-review section named it)."""
    profile = json.loads(COMPARE_TIER)
    before = resistx.sequence(profile, policy="ye2024", since_review=False)
    after = resistx.sequence(profile, policy="practice-2026", since_review=False)
    tiers = {
        o.regimen.id: (o.rank, o.tier)
        for o in before.options
        if (m := after.option(o.regimen.id)) is not None and m.rank == o.rank and m.tier != o.tier
    }
    assert tiers, "the fixture no longer has a tier change at the same rank"
    listed = {d.regimen for d in resistx.compare(profile, "ye2024", "practice-2026")}
    assert set(tiers) <= listed


def test_a_cdk6_amplification_opens_the_cdk246_trial_the_review_names_only() -> None:
    """Case 3425 (MINOR): CDK6 (or CDK4) amplification opened the CDK2-selective trials
    (NCT04553133, VELA), which the review links to cyclin E and CDK2, not to CDK6 or CDK4; and
    the reason said 'no approved drug targets it' of a kinase the CDK4/6 inhibitors target."""
    plan = _planned(_cdk6_amplified(), "ye2024")
    trials = [o for o in plan.options if o.regimen.id.startswith("trial:")]
    assert [o.regimen.id for o in trials] == ["trial:NCT03519178"]
    [reason] = [r for r in trials[0].reasons if r.code == "mechanism_matches_trial"]
    assert "no approved drug targets it" not in reason.text
    assert "overcome" in reason.text


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_the_text_view_says_every_reason_that_placed_an_option(policy: str) -> None:
    """Case 3292 (MINOR, borderline MAJOR): the text and Markdown views showed the first reason
    of each factor and a list of placing codes; a second history reason (rule 30: TROPION-
    Breast01 enrolled after 1-2 chemotherapy lines) went unshown beside rule 22's, so
    datopotamab deruxtecan read as a plain second choice. Every molecular and history reason
    but the fallbacks' is now part of the why, in every plan of the worked examples."""
    from resistx.display._common import NEUTRAL_RULES, STATE_RULES, why  # noqa: PLC0415

    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name == "preferences.json":
            continue
        plan = resistx.sequence(json.loads(path.read_text()), policy=policy, since_review=False)
        for option in plan.options:
            shown = why(option)
            placing = [
                r
                for r in option.reasons
                if r.factor.value in ("molecular", "history")
                and r.rule not in NEUTRAL_RULES
                and r.rule not in STATE_RULES
            ]
            for r in placing:
                assert r.text in shown, (path.name, option.regimen.id, r.rule, r.code)


def test_a_pack_p_value_printed_below_a_bound_is_shown_so_with_its_analysis() -> None:
    """Case 3365 (MINOR): the pack's 'p < .001' values printed as a blank p (postMONARCH's
    BICR HR, EMBER-3, SERENA-6, INAVO120, DESTINY-Breast06, ...), and postMONARCH's two ITT
    hazard ratios (investigator 0.73, central review 0.55) read alike: the table names each
    one's analysis."""
    from resistx.display._common import HAZARD_HEADER, hazard_rows  # noqa: PLC0415

    trial = resistx.evidence("2026.11").trial("postMONARCH")
    rows = {r[HAZARD_HEADER.index("value")]: r for r in hazard_rows(trial)}
    assert rows["0.55"][HAZARD_HEADER.index("p")] == "<0.001"
    assert "central review" in rows["0.55"][HAZARD_HEADER.index("where")]
    assert "investigator" in rows["0.73"][HAZARD_HEADER.index("where")]
    serena6 = resistx.evidence("2026.11").trial("SERENA-6")
    assert "<0.00001" in {r[HAZARD_HEADER.index("p")] for r in hazard_rows(serena6)}


def test_a_grade_3_4_figure_is_said_as_printed_not_as_grade_3_or_worse() -> None:
    """Case 3366 (MINOR): the review's 'grade 3-4 AEs were hyperglycemia (36.6%)' (an en dash there) (alpelisib)
    and update-2026's 'Grade 3/4' (INAVO120's neutropenia, 80.2%) were said 'grade 3 or worse'
    in plans; each adverse event now carries the grades its figure counts, and a source that
    prints grade 3-4 is recorded so."""
    import re  # noqa: PLC0415

    for eb in (resistx.evidence(), resistx.evidence("2026.11")):
        for trial in eb.trials:
            for a in trial.adverse_events:
                three_four = bool(re.search(r"grade[s]? ?3 ?[/\u2013-] ?4|\b3/4\b", a.source, re.I))
                if a.grade3plus_percent is not None:
                    assert (a.severe_grades == "3-4") is three_four, (trial.key, a.term)
    plan = resistx.sequence(json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text()))
    alpelisib = next(o for o in plan.options if o.regimen.id == "alpelisib+fulvestrant")
    said = " ".join(c.text for c in alpelisib.cautions)
    assert "36.6% grade 3-4" in said
    assert "36.6% grade 3 or worse" not in said


def test_the_evidence_views_say_counts_shares_and_assumptions_as_the_sources_do() -> None:
    """Session 56's blind reading of the figures (MINOR): DESTINY-Breast06's 'grade 5: 3' read
    as 3% (3 patients); EMBER-3's 59.8% after a CDK4/6 inhibitor showed as 60% in the listing
    and without its secondary source in plans; FAKTION's 'none after a CDK4/6 inhibitor' is
    resistx's assumption, shown as fact; MAINTAIN's and PACE's share was blank though all had
    one; and 'resistx trials' took --pack only, where 'sequence' takes --policy."""
    from resistx.cli import main  # noqa: PLC0415
    from resistx.display._common import ADVERSE_HEADER, prior_cdk46i, trial_view  # noqa: PLC0415

    pack = resistx.evidence("2026.11")
    view = trial_view(pack.trial("DESTINY-Breast06"), pack)
    adverse = next(t for t in view.tables if t.header == ADVERSE_HEADER)
    fatal = {r[ADVERSE_HEADER.index("grade 5")] for r in adverse.rows}
    assert "3 patients" in fatal
    assert prior_cdk46i(pack.trial("EMBER-3")) == "59.8%"
    assert prior_cdk46i(pack.trial("MAINTAIN")) == "all"
    assert prior_cdk46i(pack.trial("FAKTION")) == "none (assumed)"
    plan = resistx.sequence(
        json.loads((EXAMPLES / "01-esr1-mutated.json").read_text()), policy="practice-2026"
    )
    said = " ".join(r.text for o in plan.options for r in o.reasons)
    assert "59.8% after a CDK4/6 inhibitor (secondary source)" in said
    plan = resistx.sequence(json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text()))
    said = " ".join(r.text for o in plan.options for r in o.reasons)
    assert "FAKTION (phase II, none after a CDK4/6 inhibitor (assumed" in said
    assert main(["trials", "--policy", "practice-2026", "--drug", "imlunestrant"]) == 0


def test_viktoria1_says_its_pik3ca_mutant_cohort_and_the_cohort_of_its_adverse_events() -> None:
    """Case 3373 (MINOR): for a PIK3CA-mutated patient the gedatolisib doublet's evidence said
    no source reported figures for it (VIKTORIA-1's mutant cohort: 11.3 vs 5.6 months against
    alpelisib, secondary source), its reason gave none, and the hyperglycaemia rates of the
    wild-type cohort were shown as 'in VIKTORIA-1'."""
    plan = resistx.sequence(
        json.loads((EXAMPLES / "02-pik3ca-mutated.json").read_text()), policy="practice-2026"
    )
    doublet = next(o for o in plan.options if o.regimen.id == "gedatolisib+fulvestrant")
    said = " ".join(r.text for r in doublet.reasons)
    assert "median PFS 11.3 vs 5.6 months" in said
    assert "against alpelisib + fulvestrant" in said
    assert "Neither the review nor the evidence after it reports" not in said
    cautions = " ".join(c.text for c in doublet.cautions)
    assert "PIK3CA wild-type cohort" in cautions


def _after_palbociclib_with(*findings: dict[str, Any]) -> dict[str, Any]:
    tissue = {"sample": "tissue", "tumour_fraction": None}
    return _woman(
        "2026-05-01",
        [
            *(result(g, "not_detected", **tissue) for g in ("ESR1", "AKT1", "PTEN")),
            *findings,
        ],
        _course(["palbociclib", "letrozole"], "2024-01-10", "2026-03-20", "progression", line=1),
        her2="0",
    )


@pytest.mark.parametrize(
    ("finding", "said"),
    [
        # the review names PIK3CA and AKT1 mutations, not amplifications (3437, 3438): the
        # plan said the pathway was 'tested without an actionable alteration', naming none
        (result("PIK3CA", "amplified", sample="tissue", tumour_fraction=None), "PIK3CA amplified"),
        # a catalogued mechanism no rule weighs left no trace in the plan (3439)
        (result("PGR", "loss", sample="tissue", tumour_fraction=None), "Loss of ER or PR"),
        # the catalog's CDKN2A mechanism is its gain: a loss is no part of it (3429)
        (result("CDKN2A", "loss", sample="tissue", tumour_fraction=None), "CDKN2A loss"),
    ],
)
def test_a_finding_no_rule_weighs_is_named_in_the_plans_notes(
    finding: dict[str, Any], said: str
) -> None:
    """Case 3421's review of the catalog (MINOR): a PIK3CA amplification, a PGR loss and a
    CDKN2A loss were in no line of the plan, or said 'no mechanism of the catalog names it'
    of a gene the catalog names for its gain."""
    extra = [] if finding["gene"] == "PIK3CA" else [result("PIK3CA", "not_detected")]
    plan = _planned(_after_palbociclib_with(finding, *extra), "ye2024")
    notes = [n for n in plan.notes if said in n]
    assert notes, plan.notes
    assert "not weighed by any rule" in notes[0]
    if finding["gene"] == "CDKN2A":
        assert "names it only for its overexpression (INK4 / p16" in notes[0]


@pytest.mark.parametrize(
    ("gene", "status"), [("RB1", "loss"), ("CCNE1", "amplified"), ("RB1", "mutated")]
)
def test_a_later_ctdna_negative_does_not_erase_a_tissue_finding_at_progression(
    gene: str, status: str
) -> None:
    """Case 3526 (MAJOR): an RB1 loss on tissue NGS at progression, then RB1 'not detected' on
    ctDNA 11 days later with nothing given between, read as 'the later negative stands: RB1
    changes under treatment': ribociclib + fulvestrant first under practice-2026. Plasma misses
    what tissue finds (a copy-number change most): the tissue finding stands, and the plan
    names the disagreement (3527: CCNE1's amplification, its trials and caution, erased)."""
    tissue = {"sample": "tissue", "tumour_fraction": None, "tested_on": "2026-03-30"}
    found = result(gene, status, **tissue) | (
        {"variant": "R552*", "classification": "pathogenic"} if status == "mutated" else {}
    )
    profile = _woman(
        "2026-05-01",
        [
            *(result(g, "not_detected", **tissue) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
            found,
            result(gene, "not_detected", tested_on="2026-04-10"),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-10", "2026-03-25", "progression", line=1),
        her2="0",
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(profile, policy)
        assert plan.options[0].regimen.id != "ribociclib+fulvestrant", policy
        assert any(gene in n and "kept" in n for n in plan.notes), plan.notes
    assert gene in {g for m in resistx.mechanisms_for(profile) for g in m.genes}


def test_a_conflict_kept_for_no_stated_reason_reads_without_empty_brackets() -> None:
    """Case 3526c (MINOR): 'the positive is kept ().' where no reason is given."""
    from resistx.sequencing.findings import Conflict  # noqa: PLC0415
    from resistx.sequencing.rules.results import conflict_text  # noqa: PLC0415

    profile = resistx.load_profile(
        _woman(
            "2026-05-01",
            [result("CCNE1", "amplified", sample="tissue", tumour_fraction=None)],
            PALBO_LETROZOLE,
            her2="0",
        )
    )
    [r] = profile.biomarkers
    negative = resistx.load_profile(
        _woman("2026-05-01", [result("CCNE1", "not_detected")], PALBO_LETROZOLE, her2="0")
    ).biomarkers[0]
    text = conflict_text(
        Conflict(gene="CCNE1", positive=r, negative=negative, kept="positive", why="")
    )
    assert "()" not in text and text.endswith("the positive is kept.")


def test_a_marker_moves_no_ribociclib_regimen_where_there_is_no_switch_after_palbociclib() -> None:
    """Rule 43 takes only MAINTAIN's switch after palbociclib from its place: after
    abemaciclib, ribociclib + fulvestrant beside a CDK6 amplification keeps its score and its
    reason says nothing of a switch."""
    profile = _cdk6_amplified()
    profile["treatments"][0]["drugs"] = ["abemaciclib", "letrozole"]
    plan = _planned(profile, "practice-2026")
    option = next(o for o in plan.options if o.regimen.id == "ribociclib+fulvestrant")
    [reason] = [r for r in option.reasons if r.code == "cdk46i_resistance_marker_against"]
    assert "switch" not in reason.text


def test_every_pack_hazard_ratio_printed_as_p_below_a_bound_carries_it() -> None:
    """Case 3365: each pack hazard ratio whose source prints 'p < X' holds p_value X and
    p_below, as update-2026.md prints it (11 of them were blank)."""
    import re  # noqa: PLC0415

    checked = 0
    for trial in resistx.evidence("2026.11").trials:
        for h in trial.hazard_ratios:
            # not a boundary ('boundary p < 0.0469'), nor where the source names the exact p
            # it records ('p_value 0.0008 as printed in the FDA label summary')
            printed = re.search(r"(?<!boundary )\bp < ?(0?\.\d+)", h.source)
            if printed and "as printed" not in h.source:
                checked += 1
                assert h.p_below, (trial.key, h.population)
                assert h.p_value == float("0" + printed.group(1).lstrip("0")), (trial.key, h)
    assert checked >= 11
