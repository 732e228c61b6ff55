"""Scenario tests for the findings of the blind reviews of cases 487-501 and their rechecks
(each seen failing before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

import resistx
from resistx.model import Tier
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    NEGATIVE,
    PALBOCICLIB,
    exclusion,
    on_tissue,
    option,
    patient,
    plan,
    rank,
    result,
    stopped_for,
)

TUMOUR_BRCA1 = [
    result("BRCA1", "mutated", sample="tissue", variant="c.68_69delAG"),
    result("BRCA2", "wild_type", sample="tissue"),
    result("PALB2", "wild_type", sample="tissue"),
]


def _why(o: resistx.Option) -> str:
    return " ".join(r.text for r in o.reasons)


def test_a_tumour_brca1_mutation_with_no_germline_result_is_of_unknown_origin() -> None:
    """Case 490: a tumour test cannot tell a germline mutation from a somatic one. With no
    germline BRCA1 result on record the plan does not call the mutation somatic nor olaparib
    outside its label; it says what the germline test decides, and talazoparib, whose
    trial (EMBRACA) selected germline mutations, waits on that test."""
    p = plan(biomarkers=[*NEGATIVE, *TUMOUR_BRCA1])
    olaparib = option(p, "olaparib")
    assert olaparib.tier is Tier.PREFERRED and not olaparib.waits_on
    text = _why(olaparib)
    assert "somatic BRCA1 mutation" not in text
    assert "tumour BRCA1 mutation" in text and "origin unknown" in text
    # no chemotherapy on record: the label's prior chemotherapy is said too (case 614)
    assert "if germline" in text and "US label" in text and "prior chemotherapy" in text
    talazoparib = option(p, "talazoparib")
    assert talazoparib.waits_on == ("germline BRCA1",)
    assert "germline" in _why(talazoparib) and "EMBRACA" in _why(talazoparib)
    # the recheck: olaparib's US label asks for prior chemotherapy; with none on record,
    # talazoparib (whose label does not) is the PARP inhibitor within its label if germline;
    # this patient had no chemotherapy
    assert "prior chemotherapy" in text and "none is on record" in text
    assert "does not ask for prior chemotherapy" in _why(talazoparib)
    treated = plan(biomarkers=[*NEGATIVE, *TUMOUR_BRCA1], treatments=[PALBOCICLIB, CAPECITABINE])
    assert "none is on record" not in _why(option(treated, "olaparib"))
    assert any(a.code == "test_germline" and a.genes == ("BRCA1",) for a in p.actions)


def test_a_tumour_brca1_mutation_with_a_germline_negative_is_somatic() -> None:
    """With germline BRCA1 tested negative, the tumour's mutation is somatic: olaparib is given
    outside its US label (TBCRC 048) and talazoparib waits on nothing."""
    germline = result("BRCA1", "not_detected", sample="blood", origin="germline")
    p = plan(biomarkers=[*NEGATIVE, *TUMOUR_BRCA1, germline])
    text = _why(option(p, "olaparib"))
    assert "somatic BRCA1 mutation" in text and "outside its label" in text
    assert "origin unknown" not in text
    assert not option(p, "talazoparib").waits_on


def test_with_her2_unknown_after_chemotherapy_a_trop2_adc_says_the_her2_test_can_put_tdxd_first() -> (
    None
):
    """Case 489: HER2 never tested after two chemotherapy lines. Sacituzumab govitecan stays
    first and trastuzumab deruxtecan waits on the IHC (issue 8's hard precedence), but the
    ADC's leading reason says that HER2-low would put trastuzumab deruxtecan before it
    (DESTINY-Breast04's population), so the choice between them reads as the test's; with
    HER2 0 on record it says nothing of the kind."""
    for policy in ("ye2024", "practice-2026"):
        unknown = _two_lines("unknown", policy)
        sg = option(unknown, "sacituzumab-govitecan")
        # first, and at best an alternative until the test is read, as chemotherapy, the
        # control arm (case 2162, a change of reading: it was preferred)
        assert sg.rank == 1 and sg.tier is Tier.ALTERNATIVE, policy
        assert option(unknown, "chemotherapy").tier is Tier.ALTERNATIVE, policy
        lead = sg.reasons[0]
        assert lead.code == "her2_test_decides_tdxd_first" and lead.rule == 72, policy
        assert "HER2-low" in lead.text and "DESTINY-Breast04" in lead.text
        assert "this one's does not" not in lead.text  # recheck: its place depends on it too
        tdxd = option(unknown, "trastuzumab-deruxtecan")
        assert tdxd.waits_on == ("HER2 IHC",)
        assert "HER2-low would put it in DESTINY-Breast04's population" in _why(tdxd), policy
        zero = option(_two_lines("0", policy), "sacituzumab-govitecan")
        assert "her2_test_decides_tdxd_first" not in {r.code for r in zero.reasons}
        # before any chemotherapy line trastuzumab deruxtecan is outside DESTINY-Breast04
        first = resistx.sequence(patient(her2="unknown", biomarkers=NEGATIVE), policy=policy)
        sg = option(first, "sacituzumab-govitecan")
        assert "her2_test_decides_tdxd_first" not in {r.code for r in sg.reasons}


def _two_lines(her2: str, policy: str) -> resistx.Plan:
    """After palbociclib, capecitabine and eribulin, nothing actionable."""
    treatments = [PALBOCICLIB, CAPECITABINE, ERIBULIN]
    return resistx.sequence(
        patient(her2=her2, biomarkers=NEGATIVE, treatments=treatments), policy=policy
    )


LONG_ABEMACICLIB = dict(
    PALBOCICLIB, drugs=["abemaciclib", "letrozole"], started_on="2023-08-01", ended_on="2026-08-01"
)
TISSUE_NEGATIVE = [on_tissue(r, tested_on="2026-10-05") for r in NEGATIVE]


def test_under_ye2024_chemotherapy_first_after_a_long_response_says_what_the_review_leaves_open() -> (
    None
):
    """Case 491 (ye2024): 36 months on abemaciclib + letrozole, ESR1 and the PI3K pathway
    negative, ECOG 2. The review's Discussion puts chemotherapy and ADCs first without a
    definite target, and resistx keeps its order; but the review also names the duration of
    response among its sequencing factors without saying how it weighs, and the reason now
    says so (on chemotherapy and on fulvestrant). At ECOG 2 without a crisis, chemotherapy's
    reason asks for a single agent."""
    p = resistx.sequence(
        patient(
            her2="0",
            ecog=2,
            as_of="2026-11-15",
            biomarkers=TISSUE_NEGATIVE,
            treatments=[LONG_ABEMACICLIB],
        )
    )
    chemo = option(p, "chemotherapy")
    assert chemo.rank == 1
    for rid in ("chemotherapy", "fulvestrant"):
        [lead] = [r for r in option(p, rid).reasons if r.rule == 6]
        assert "duration of treatment response" in lead.text and "leaves open" in lead.text, rid
    [ecog] = [r for r in chemo.reasons if r.rule == 13]
    assert "single agent" in ecog.text
    short = dict(LONG_ABEMACICLIB, started_on="2026-01-01")  # 7 months
    q = resistx.sequence(
        patient(her2="0", as_of="2026-11-15", biomarkers=TISSUE_NEGATIVE, treatments=[short])
    )
    [lead] = [r for r in option(q, "chemotherapy").reasons if r.rule == 6]
    assert "leaves open" not in lead.text


def test_an_investigational_regimen_whose_trial_enrolled_after_a_cdk46i_is_left_out_without_one() -> (
    None
):
    """Case 487 (MINOR, practice-2026): a premenopausal patient with no CDK4/6 inhibitor on
    record was offered, within a trial, VIKTORIA-1's and evERA's regimens, whose trials
    enrolled after one only. An investigational regimen is given within its trial, so rule 52
    leaves it out there as it does a trial's enrolment; EMBER-3's combination (a mixed
    population) stays."""
    naive = resistx.sequence(
        patient(biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, drugs=["tamoxifen"])]),
        policy="practice-2026",
    )
    for rid in ("gedatolisib+palbociclib+fulvestrant", "giredestrant+everolimus"):
        [reason] = exclusion(naive, rid).reasons
        assert reason.rule == 52 and reason.code == "out_of_population", rid
    assert option(naive, "imlunestrant+abemaciclib").tier is Tier.TRIAL
    after = resistx.sequence(patient(biomarkers=NEGATIVE), policy="practice-2026")
    assert option(after, "gedatolisib+palbociclib+fulvestrant").tier is Tier.TRIAL


def test_chemotherapys_figures_from_a_pretreated_control_arm_say_so_for_a_chemotherapy_naive_patient() -> (
    None
):
    """Cases 487, 490, 491 (MINOR, the reviewer's X2): with no chemotherapy for metastatic
    disease, chemotherapy's evidence line quoted TROPiCS-02's control arm (patients after 2-4
    chemotherapy lines) as if it were hers. The figures stay (the review has no better one for
    her) and the line says whose they are; after chemotherapy it says nothing more."""
    naive = option(plan(biomarkers=NEGATIVE), "chemotherapy")
    [line] = [
        r for r in naive.reasons if r.factor.value == "efficacy" and r.text.startswith("TROPiCS-02")
    ]
    assert "treated with chemotherapy before" in line.text and "2-4" in line.text
    treated = option(
        plan(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE]), "chemotherapy"
    )
    assert not any("treated with chemotherapy before" in r.text for r in treated.reasons)


def test_after_a_cdk46i_with_fulvestrant_another_cdk46i_with_fulvestrant_is_left_out() -> None:
    """Case 495 (MAJOR, both policies): after progression on abemaciclib + fulvestrant,
    palbociclib + fulvestrant and ribociclib + fulvestrant ranked 4th and 5th, though both of
    their parts had failed (fulvestrant alone was left out). A CDK4/6 inhibitor with the
    partner a CDK4/6 inhibitor progressed with is left out (rule 11, progressed on); a switch
    with another partner (ribociclib + exemestane, MAINTAIN's) stays."""
    course = dict(PALBOCICLIB, drugs=["abemaciclib", "fulvestrant"])
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[course]), policy=policy)
        for rid in ("palbociclib+fulvestrant", "ribociclib+fulvestrant"):
            [reason] = exclusion(p, rid).reasons
            assert reason.rule == 11 and reason.code == "progressed_on", (policy, rid)
            assert "abemaciclib + fulvestrant" in reason.text
        assert p.option("ribociclib+exemestane") is not None, policy
    # after a CDK4/6 inhibitor with letrozole, the fulvestrant doublets stay
    q = plan(biomarkers=NEGATIVE)
    assert q.option("ribociclib+fulvestrant") is not None


def test_after_endocrine_progression_for_metastatic_disease_no_first_line_trial_is_claimed() -> (
    None
):
    """Case 492 (MINOR, both policies): after first-line tamoxifen for metastatic disease
    (no aromatase inhibitor, no CDK4/6 inhibitor), the CDK4/6 inhibitor + letrozole regimens
    came first as 'the review's first-line standard', whose trials enrolled no one treated for
    advanced disease. They no longer gain that standing: a CDK4/6 inhibitor with endocrine
    therapy stays preferred, with either partner, each reason saying whose trials it rests on."""
    tamoxifen = dict(PALBOCICLIB, drugs=["tamoxifen"])
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[tamoxifen]), policy=policy)
        said = {r.code for o in p.options for r in o.reasons}
        assert "cdk46i_ai_first_line" not in said, policy
        letrozole = option(p, "palbociclib+letrozole")
        fulvestrant = option(p, "palbociclib+fulvestrant")
        assert letrozole.tier is fulvestrant.tier is Tier.PREFERRED, policy
        assert "enrolled no one treated for advanced disease" in _why(letrozole), policy
        # the recheck (MAJOR): MONARCH-2 and MONALEESA-3 enrolled after first-line endocrine
        # therapy of any kind, so the fulvestrant regimens are hers and come first
        assert "MONARCH-2" in _why(fulvestrant) and "MONALEESA-3" in _why(fulvestrant)
        cdk = ("abemaciclib", "palbociclib", "ribociclib")
        with_fulvestrant = [rank(p, f"{d}+fulvestrant") for d in cdk]
        with_ai = [rank(p, f"{d}+letrozole") for d in cdk] + [rank(p, "ribociclib+exemestane")]
        assert max(with_fulvestrant) < min(with_ai), policy
    # adjuvant tamoxifen only: the first-line trials' population, as before
    adjuvant = dict(tamoxifen, setting="adjuvant", line=None)
    q = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[adjuvant]))
    assert "cdk46i_ai_first_line" in {r.code for r in option(q, "palbociclib+letrozole").reasons}


STOPPED_FOR_DIARRHOEA = stopped_for(
    "diarrhea", ["abemaciclib", "fulvestrant"], "2026-02-15", "2026-10-15"
)


def test_trastuzumab_deruxtecans_approval_asks_for_progression_on_endocrine_therapy() -> None:
    """Case 497 (MAJOR, practice-2026): after abemaciclib + fulvestrant stopped for diarrhoea,
    with no progression, the plan said a HER2-ultralow reading would put trastuzumab
    deruxtecan 'within the approval'; its US indication asks for progression on one or more
    endocrine therapies for metastatic disease. The endocrine line that opens it is one that
    progressed."""
    kw = {"as_of": "2026-11-15", "biomarkers": NEGATIVE, "treatments": [STOPPED_FOR_DIARRHOEA]}
    p = resistx.sequence(patient(her2="0", **kw), policy="practice-2026")
    [ask] = [a for a in p.actions if a.code == "reread_her2_ultralow"]
    assert "within the approval" not in ask.text and not ask.before_choosing
    assert "progression on" in ask.text
    # the recheck: the exclusion (and the default plan's since-review line) said an ultralow
    # reading 'would open it', with no word of the progression its approval asks for
    [left] = exclusion(p, "trastuzumab-deruxtecan").reasons
    assert "has progressed on an endocrine therapy" in left.text
    default = resistx.sequence(patient(her2="0", **kw))
    assert any("has progressed on an endocrine therapy" in e.text for e in default.since_review)
    ultralow = resistx.sequence(patient(her2="ultralow", **kw), policy="practice-2026")
    tdxd = option(ultralow, "trastuzumab-deruxtecan")
    assert "endocrine_therapy_opens_trastuzumab_deruxtecan" not in {r.code for r in tdxd.reasons}
    assert tdxd.tier is Tier.LATER
    progressed = {k: v for k, v in STOPPED_FOR_DIARRHOEA.items() if k != "toxicity"}
    progressed["stop_reason"] = "progression"
    q = resistx.sequence(
        patient(her2="ultralow", **dict(kw, treatments=[progressed])), policy="practice-2026"
    )
    opened = {r.code for r in option(q, "trastuzumab-deruxtecan").reasons}
    assert "endocrine_therapy_opens_trastuzumab_deruxtecan" in opened


def test_without_resistance_or_a_crisis_chemotherapy_comes_after_endocrine_therapy() -> None:
    """Case 497 (MAJOR, both policies): with the CDK4/6 inhibitor stopped for toxicity and no
    progression, chemotherapy ranked above fulvestrant and every endocrine-only option. Without
    CDK4/6-inhibitor resistance, a visceral crisis or chemotherapy for metastatic disease, the
    review prefers endocrine-based therapy: chemotherapy comes after it (rule 73)."""
    kw = {"as_of": "2026-11-15", "biomarkers": NEGATIVE, "treatments": [STOPPED_FOR_DIARRHOEA]}
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(patient(**kw), policy=policy)
        chemo = option(p, "chemotherapy")
        assert chemo.rank > rank(p, "fulvestrant"), policy
        assert any(r.rule == 73 for r in chemo.reasons), policy
        crisis = resistx.sequence(patient(visceral_crisis=True, **kw), policy=policy)
        assert rank(crisis, "chemotherapy") == 1, policy
        # in a crisis rule 73 does not speak: its reason says there is none
        assert not any(r.rule == 73 for r in option(crisis, "chemotherapy").reasons), policy


def test_without_cdk46i_resistance_an_adc_comes_after_the_cdk46i_regimens() -> None:
    """Case 492's second recheck (MINOR, MAJOR if so ranked): after first-line tamoxifen for
    metastatic disease with no CDK4/6 inhibitor, a HER2-low (or ultralow) reading put
    trastuzumab deruxtecan first under practice-2026, above the CDK4/6 inhibitor + fulvestrant
    regimens, whose trials enrolled her. Without CDK4/6-inhibitor resistance or a crisis an ADC
    is at best an alternative after them (rule 73), and the ultralow question does not come
    before choosing."""
    tamoxifen = dict(PALBOCICLIB, drugs=["tamoxifen"])
    for her2 in ("low", "ultralow"):
        p = resistx.sequence(
            patient(her2=her2, biomarkers=NEGATIVE, treatments=[tamoxifen]),
            policy="practice-2026",
        )
        tdxd = option(p, "trastuzumab-deruxtecan")
        assert tdxd.tier is Tier.ALTERNATIVE, her2
        assert tdxd.rank > max(
            rank(p, f"{d}+fulvestrant") for d in ("abemaciclib", "palbociclib", "ribociclib")
        )
        assert any(r.rule == 73 for r in tdxd.reasons), her2
    zero = resistx.sequence(
        patient(her2="0", biomarkers=NEGATIVE, treatments=[tamoxifen]), policy="practice-2026"
    )
    [ask] = [a for a in zero.actions if a.code == "reread_her2_ultralow"]
    assert not ask.before_choosing
