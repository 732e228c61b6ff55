"""Scenario tests for the findings of the blind reviews of cases 537-546 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

import resistx
from tests.helpers import CAPECITABINE, ERIBULIN, PALBOCICLIB, option, patient, rank, result

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
            [said] = [
                r for r in found.reasons if r.code == "pi3k_akt_inhibitor_diabetes_uncontrolled"
            ]
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


ELACESTRANT_AFTER = {
    "drugs": ["elacestrant"],
    "line": 2,
    "started_on": "2025-04-01",
    "ended_on": "2026-03-20",
    "stop_reason": "progression",
}


def _pathway_negative_on_ctdna(esr1_acted_on: bool) -> resistx.Plan:
    """ESR1 mutated and the PI3K pathway not detected in the same ctDNA draw (it held tumour
    DNA), after palbociclib (and, with ``esr1_acted_on``, elacestrant)."""
    return resistx.sequence(
        patient(
            biomarkers=[
                result("ESR1", "mutated", variant="Y537S"),
                *(result(g, "not_detected") for g in ("PIK3CA", "AKT1", "PTEN")),
            ],
            treatments=[PALBOCICLIB, ELACESTRANT_AFTER] if esr1_acted_on else [PALBOCICLIB],
        )
    )


def test_with_no_target_left_a_pathway_negative_on_ctdna_is_confirmed_on_tissue_before_chemotherapy() -> (
    None
):
    """Case 548 (MAJOR, ye2024): after elacestrant, with the PI3K pathway negative on ctDNA only,
    chemotherapy was preferred for lack of a target while the tissue test that could find one
    was listed as changing nothing."""
    p = _pathway_negative_on_ctdna(esr1_acted_on=True)
    assert p.options[0].regimen.id == "chemotherapy"
    [confirm] = [a for a in p.actions if a.code == "confirm_pathway_tissue"]
    assert confirm.before_choosing and "inhibitor with endocrine therapy before chemotherapy" in (
        confirm.text
    )
    # an ESR1 mutation not yet acted on keeps an endocrine target: the tissue test can wait
    [later] = [
        a
        for a in _pathway_negative_on_ctdna(esr1_acted_on=False).actions
        if a.code == "confirm_pathway_tissue"
    ]
    assert not later.before_choosing


def test_at_ecog_2_abemaciclib_with_fulvestrant_is_outside_postmonarchs_population() -> None:
    """Case 541's recheck (MAJOR, practice-2026): at ECOG 2 abemaciclib + fulvestrant was
    preferred as 'postMONARCH's population', a trial that enrolled ECOG 0-1 only."""
    for ecog, code in ((2, "outside_postmonarch_population"), (1, "postmonarch_population")):
        p = resistx.sequence(patient(biomarkers=PIK3CA_ON_CTDNA, ecog=ecog), policy="practice-2026")
        found = option(p, "abemaciclib+fulvestrant")
        [said] = [r for r in found.reasons if r.rule == 37]
        assert said.code == code, ecog
        if ecog == 2:
            assert "ECOG 0-1" in said.text and found.tier.value == "later"


def test_with_an_hba1c_of_8_or_more_gedatolisib_waits_on_glucose_as_the_akt_inhibitors_do() -> None:
    """Case 541's recheck (MAJOR, practice-2026): gedatolisib, a PI3K/mTOR inhibitor, ranked
    above capivasertib with only 'monitor closely' at an HbA1c of 8.4%; everolimus did not
    ask for glucose control before starting, as its label does."""
    p = _diabetes(8.4, "practice-2026")
    geda = [o for o in p.options if "gedatolisib" in o.regimen.drugs]
    assert geda
    for found in geda:
        [said] = [r for r in found.reasons if r.rule == 78]
        assert "gedatolisib is a PI3K inhibitor" in said.text and "8.0%" in said.text
        assert found.rank > rank(p, "fulvestrant")
    evero = option(p, "everolimus+exemestane")
    assert any("before starting" in c.text for c in evero.cautions if c.term == "hyperglycemia")


def test_a_renal_impairment_cautions_ribociclib_and_abemaciclib_from_their_labels() -> None:
    """Cases 549 (MAJOR, both policies) and 541's recheck: with renal impairment on record the
    ribociclib regimens carried no renal caution (its label lowers the starting dose in severe
    renal impairment), nor abemaciclib (creatinine, and dehydration from its diarrhoea)."""
    p = resistx.sequence(patient(biomarkers=PIK3CA_ON_CTDNA, comorbidities=["renal_impairment"]))
    for regimen in ("ribociclib+fulvestrant", "ribociclib+exemestane"):
        texts = [c.text for c in option(p, regimen).cautions]
        assert any("severe renal impairment" in t for t in texts), regimen
    texts = [c.text for c in option(p, "abemaciclib+fulvestrant").cautions]
    assert any("creatinine" in t and "fluids" in t for t in texts)


def test_under_practice_2026_a_her2_0_after_chemotherapy_asks_whether_it_is_ultralow() -> None:
    """Case 551 (MAJOR, practice-2026): HER2 0 after chemotherapy: trastuzumab deruxtecan's
    approval of 2025 covers HER2-ultralow disease after endocrine therapy with no limit on
    chemotherapy, and the plan asked only whether the IHC 0 was HER2-low."""
    profile = patient(biomarkers=PIK3CA_ON_CTDNA, treatments=[PALBOCICLIB, CAPECITABINE])
    p = resistx.sequence(profile, policy="practice-2026")
    [asked] = [a for a in p.actions if a.code == "reread_her2_ultralow_after_chemotherapy"]
    assert asked.rule == 79 and "ultralow" in asked.text and "2025-01-27" in asked.text
    reviewed = resistx.sequence(profile, policy="ye2024")  # the review knows no ultralow approval
    assert not [a for a in reviewed.actions if "ultralow" in a.code]
    # the approval asks for progression on endocrine therapy for metastatic disease
    chemotherapy_only = patient(
        biomarkers=PIK3CA_ON_CTDNA,
        treatments=[
            dict(PALBOCICLIB, setting="adjuvant", stop_reason="completed", line=None),
            CAPECITABINE,
        ],
    )
    plan = resistx.sequence(chemotherapy_only, policy="practice-2026")
    assert [a for a in plan.actions if a.code == "confirm_her2_zero"]
    assert not [a for a in plan.actions if a.code == "reread_her2_ultralow_after_chemotherapy"]


def test_every_everolimus_regimen_advises_a_steroid_mouthwash_and_its_labels_warnings() -> None:
    """Cases 542-544 and 547 (MINOR): giredestrant + everolimus carried none of everolimus's
    cautions, and no regimen advised the dexamethasone mouthwash that evERA recommended."""
    p = resistx.sequence(patient(biomarkers=PIK3CA_ON_CTDNA), policy="practice-2026")
    regimens = [o for o in p.options if "everolimus" in o.regimen.drugs]
    assert {"everolimus+exemestane", "giredestrant+everolimus"} <= {o.regimen.id for o in regimens}
    for found in regimens:
        [said] = [c for c in found.cautions if c.code == "everolimus_label"]
        assert said.rule == 80 and "dexamethasone mouthwash" in said.text, found.regimen.id


def _child_pugh(grade: str, policy: str = "ye2024") -> resistx.Plan:
    """HER2-low after palbociclib and capecitabine (trastuzumab deruxtecan's population)."""
    return resistx.sequence(
        patient(
            schema_version=2,
            her2="low",
            comorbidities=[{"name": "hepatic_impairment", "child_pugh": grade}],
            biomarkers=PIK3CA_ON_CTDNA,
            treatments=[PALBOCICLIB, CAPECITABINE],
        ),
        policy=policy,
    )


def test_with_child_pugh_c_nothing_is_preferred_before_the_liver_is_assessed() -> None:
    """Case 560 (MAJOR, both): Child-Pugh C at ECOG 2: trastuzumab deruxtecan was preferred with
    only an ALT caution, though its label sets no dose in severe hepatic impairment; the plan
    itself asked whether systemic therapy fits at all."""
    for policy in ("ye2024", "practice-2026"):
        p = _child_pugh("C", policy)
        assert not [o for o in p.options if o.tier.value == "preferred"], policy
        tdxd = option(p, "trastuzumab-deruxtecan")
        assert any("3 times the upper limit" in c.text for c in tdxd.cautions), policy
        assert [r for r in tdxd.reasons if r.code == "severe_hepatic_impairment_first"], policy
    assert [o for o in _child_pugh("A").options if o.tier.value == "preferred"]
    dato = option(_child_pugh("C", "practice-2026"), "datopotamab-deruxtecan")
    assert any("hepatic impairment" in c.text for c in dato.cautions)


def test_before_the_menopause_the_plan_asks_for_a_pregnancy_test_and_contraception() -> None:
    """Case 561 (MAJOR, both; MINOR in cases 514, 524, 550): a premenopausal woman wishing to
    preserve fertility: no pregnancy test or contraception advice, though every drug ranked
    carries an embryo-fetal toxicity warning and a GnRH agonist is no contraception."""
    for status, asked in (
        ("premenopausal", True),
        ("perimenopausal", True),
        ("postmenopausal", False),
    ):
        p = resistx.sequence(
            patient(
                schema_version=2, sex="female", menopausal_status=status, biomarkers=PIK3CA_ON_CTDNA
            )
        )
        found = [a for a in p.actions if a.code == "pregnancy_and_contraception"]
        assert bool(found) is asked, status
        if found:
            assert "pregnancy test" in found[0].text and "not contraception" in found[0].text
            assert not found[0].before_choosing


def test_the_serena6_switch_asks_to_restage_before_switching() -> None:
    """Case 559 (MAJOR, practice-2026): an ESR1 mutation in ctDNA during ongoing first-line
    palbociclib + letrozole: SERENA-6's switch holds only without progression on imaging, and
    the plan did not ask for restaging."""
    p = resistx.sequence(
        patient(
            as_of="2026-06-01",
            biomarkers=[result("ESR1", "mutated", variant="D538G", tested_on="2026-05-20")],
            treatments=[
                {
                    "drugs": ["palbociclib", "letrozole"],
                    "line": 1,
                    "started_on": "2024-01-10",
                    "stop_reason": "ongoing",
                }
            ],
        ),
        policy="practice-2026",
    )
    [switch] = [a for a in p.actions if a.rule == 54]
    assert "restage" in switch.text and switch.before_choosing


def test_after_a_parp_inhibitor_line_the_disease_is_outside_postmonarchs_population() -> None:
    """Case 557 (MAJOR, practice-2026): after palbociclib and then olaparib, rule 32 read the
    disease as postMONARCH's population (it counted only endocrine and chemotherapy lines) and
    lifted fulvestrant alone, postMONARCH's weaker arm, above abemaciclib + fulvestrant."""
    olaparib = {
        "drugs": ["olaparib"],
        "line": 2,
        "started_on": "2025-04-01",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    p = resistx.sequence(
        patient(
            her2="low",
            biomarkers=[
                *_ctdna_draw(),
                result("BRCA2", "mutated", sample="blood", origin="germline"),
            ],
            treatments=[PALBOCICLIB, olaparib],
            as_of="2026-04-20",
        ),
        policy="practice-2026",
    )
    said = {r.code for o in p.options for r in o.reasons}
    assert "endocrine_sensitive_endocrine_first" not in said
    assert option(p, "fulvestrant").tier.value != "alternative"


def test_trastuzumab_deruxtecan_carries_its_labels_lung_stopping_rule_and_lvef_checks() -> None:
    """Recheck of cases 557 and 560 (MAJOR, borderline; MINOR in cases 524, 527, 531, 543):
    the top-ranked trastuzumab deruxtecan gave DESTINY-Breast04's rates without its label's
    interstitial lung disease stopping rule or the LVEF checks before and during treatment."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(
            patient(her2="low", biomarkers=PIK3CA_ON_CTDNA, treatments=[PALBOCICLIB, CAPECITABINE]),
            policy=policy,
        )
        [said] = [c for c in option(p, "trastuzumab-deruxtecan").cautions if c.code == "tdxd_label"]
        assert said.rule == 83 and "grade 2 or worse" in said.text and "LVEF" in said.text, policy


def test_an_esr1_negative_from_before_the_latest_line_is_retested_with_the_pathway() -> None:
    """Cases 551 and 563 (MAJOR, both; MINOR in 555 and 560): ESR1 not detected in ctDNA at
    progression on the CDK4/6 inhibitor, then capecitabine and eribulin: two lines later the
    plan still read that negative as current and left the approved oral SERDs out. A negative
    taken during the course that has just progressed, with no endocrine therapy since, stays
    current (case 422); an older one is asked again, and the ESR1 drugs wait on it."""
    treated = [PALBOCICLIB, CAPECITABINE, ERIBULIN]
    older = [result("ESR1", "not_detected", tested_on="2025-03-25"), *_ctdna_draw()[1:]]
    p = resistx.sequence(patient(biomarkers=older, treatments=treated), policy="practice-2026")
    assert any("ESR1" in a.genes for a in p.actions if a.code == "retest"), p.actions
    assert "ESR1" in option(p, "elacestrant").waits_on


def test_before_the_menopause_first_line_ribociclib_comes_first_on_monaleesa7() -> None:
    """Case 566 (MAJOR, both): premenopausal, no CDK4/6 inhibitor yet: the CDK4/6 inhibitors
    with letrozole came in alphabetical order on trials of postmenopausal women only; MONALEESA-7,
    the first-line trial before the menopause, gave ribociclib with goserelin an overall
    survival gain."""
    for status in ("premenopausal", "postmenopausal"):
        p = resistx.sequence(
            patient(
                schema_version=2,
                sex="female",
                menopausal_status=status,
                biomarkers=PIK3CA_ON_CTDNA[1:],
                treatments=[],
            )
        )
        first = p.options[0]
        if status == "premenopausal":
            assert first.regimen.id == "ribociclib+letrozole", [o.regimen.id for o in p.options]
            assert any("MONALEESA-7" in r.text for r in first.reasons)
        else:
            assert not any("MONALEESA-7" in r.text for o in p.options for r in o.reasons)


def test_sacituzumab_govitecan_carries_its_boxed_warnings_actions() -> None:
    """Recheck of case 563 (MAJOR): sacituzumab govitecan, the one preferred option, gave its
    trial's neutropenia and diarrhoea rates without the actions of its label's boxed warning."""
    p = resistx.sequence(
        patient(biomarkers=PIK3CA_ON_CTDNA, treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN])
    )
    [said] = [c for c in option(p, "sacituzumab-govitecan").cautions if c.code == "sg_label"]
    assert said.rule == 84 and "boxed warning" in said.text and "UGT1A1" in said.text


def test_the_text_view_says_why_first_line_ribociclib_comes_first_before_the_menopause() -> None:
    """Recheck of case 566 (PARTLY): ribociclib came first, but the text view did not show the
    MONALEESA-7 reason that put it there."""
    p = resistx.sequence(
        patient(schema_version=2, sex="female", menopausal_status="premenopausal", treatments=[])
    )
    assert "MONALEESA-7" in " ".join(p.to_text(width=10_000).split())


def test_with_no_chemotherapy_a_tumour_brca1_mutations_germline_test_comes_before_choosing() -> (
    None
):
    """Case 575 (MINOR, both): a tumour BRCA1 mutation with no germline result and no
    chemotherapy on record: olaparib's US label asks for prior chemotherapy and talazoparib's
    does not, so the germline result decides which PARP inhibitor is within its label; the test
    was listed as changing nothing."""
    brca1 = [*_ctdna_draw(), result("BRCA1", "mutated", sample="tissue", variant="c.5266dupC")]
    for treatments, first in (([PALBOCICLIB], True), ([PALBOCICLIB, CAPECITABINE], False)):
        p = resistx.sequence(patient(biomarkers=brca1, treatments=treatments))
        [test] = [a for a in p.actions if a.code == "test_germline" and a.genes == ("BRCA1",)]
        assert test.before_choosing is first, treatments


def test_a_third_cdk46i_reason_calls_maintain_a_randomised_trial() -> None:
    """Case 576 (MINOR, ye2024): after palbociclib and abemaciclib, the reason read 'MAINTAIN,
    a retrospective cohort'; MAINTAIN is a randomised phase II trial, the cohort another study."""
    abemaciclib = {
        "drugs": ["abemaciclib"],
        "line": 2,
        "started_on": "2025-04-01",
        "ended_on": "2026-03-01",
        "stop_reason": "progression",
    }
    p = resistx.sequence(patient(biomarkers=PIK3CA_ON_CTDNA, treatments=[PALBOCICLIB, abemaciclib]))
    [said] = [r for r in option(p, "ribociclib+fulvestrant").reasons if r.code == "third_cdk46i"]
    assert "MAINTAIN, a randomised phase II trial, and a retrospective cohort" in said.text
