"""Scenario tests for the findings of the blind reviews of cases 642-656 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

from typing import Any

import resistx
from resistx.display._common import why
from tests.helpers import PALBOCICLIB, adjuvant, on_tissue, option, patient, rank, result, tier
from tests.test_plan import check_plan


def _course(line: int, start: str, end: str, *drugs: str) -> dict[str, Any]:
    """A metastatic course of ``drugs`` that progressed."""
    return dict(PALBOCICLIB, drugs=list(drugs), line=line, started_on=start, ended_on=end)


PATHWAY_NEGATIVE = [
    result("PIK3CA", "not_detected"),
    result("AKT1", "not_detected"),
    result("PTEN", "not_detected"),
]


def _after_ribociclib() -> dict[str, Any]:
    """Case 648: 30 months of first-line ribociclib + letrozole, nothing tested yet."""
    return patient(
        schema_version=2,
        as_of="2026-09-01",
        her2="unknown",
        treatments=[_course(1, "2024-02-01", "2026-08-10", "ribociclib", "letrozole")],
    )


def test_palbociclib_with_fulvestrant_after_another_cdk46i_ranks_after_the_options_with_evidence() -> (
    None
):
    """Cases 648 and 651 (MAJOR, both policies): after progression on ribociclib, palbociclib
    with fulvestrant ranked second, right after fulvestrant, although the plan's own reason
    says PACE found it no better than fulvestrant alone; its PACE arm median scored it as
    high as fulvestrant's."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_after_ribociclib(), policy=policy)
        found = option(p, "palbociclib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "pace_after_another_cdk46i"]
        assert said.rule == 8 and "PACE" in said.trials, policy
        assert found.scores.history < 0, policy
        for better in ("fulvestrant", "everolimus+exemestane", "chemotherapy"):
            assert rank(p, better) < rank(p, "palbociclib+fulvestrant"), (policy, better)


def _after_two_degraders(**kw: Any) -> dict[str, Any]:
    """Case 646: abemaciclib + fulvestrant, elacestrant for 4 months, then capecitabine; a
    PTEN loss in tissue and an ESR1 mutation in ctDNA."""
    return patient(
        schema_version=2,
        as_of="2026-06-15",
        her2="ultralow",
        biomarkers=[
            result("PTEN", "loss", sample="tissue", tested_on="2025-03-01", variant="R130*"),
            result("ESR1", "mutated", tested_on="2025-03-05", variant="D538G"),
            result("PIK3CA", "not_detected", sample="tissue", tested_on="2025-03-01"),
            result("AKT1", "not_detected", sample="tissue", tested_on="2025-03-01"),
        ],
        treatments=[
            _course(1, "2023-11-01", "2025-02-20", "abemaciclib", "fulvestrant"),
            _course(2, "2025-03-20", "2025-07-15", "elacestrant"),
            _course(3, "2025-08-01", "2026-06-01", "capecitabine"),
        ],
        **kw,
    )


def test_after_progression_on_fulvestrant_and_an_oral_serd_a_fulvestrant_combination_no_longer_leads() -> (
    None
):
    """Case 646 (MAJOR, both policies): capivasertib + fulvestrant headed the plan on
    CAPItello-291's pathway-altered result after the disease had progressed on fulvestrant and
    then on elacestrant: the oestrogen-receptor degrader it rests on had failed twice."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_after_two_degraders(), policy=policy)
        found = option(p, "capivasertib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "degrader_failed_twice"]
        assert said.rule == 93, policy
        assert "fulvestrant" in said.text and "elacestrant" in said.text, policy
        assert found.tier.value == "later", policy
        assert rank(p, "sacituzumab-govitecan") < rank(p, "capivasertib+fulvestrant"), policy
        assert p.options[0].regimen.id != "capivasertib+fulvestrant", policy
    # one degrader progressed on (no elacestrant line): the combination keeps its place before
    # the ADC
    one = _after_two_degraders()
    one["treatments"] = [one["treatments"][0], dict(one["treatments"][2], line=2)]
    p = resistx.sequence(one)
    assert not [r for r in option(p, "capivasertib+fulvestrant").reasons if r.rule == 93]
    assert tier(p, "capivasertib+fulvestrant") == "alternative"
    assert rank(p, "capivasertib+fulvestrant") < rank(p, "sacituzumab-govitecan")


def _after_cdk46i_and_exemestane() -> dict[str, Any]:
    """Case 656: palbociclib + fulvestrant, then everolimus + exemestane; a new ESR1 Y537S."""
    return patient(
        schema_version=2,
        as_of="2026-09-10",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-08-28", variant="Y537S"),
            *(dict(r, tested_on="2026-08-28") for r in PATHWAY_NEGATIVE),
        ],
        treatments=[
            _course(1, "2023-05-01", "2025-04-01", "palbociclib", "fulvestrant"),
            _course(2, "2025-04-15", "2026-08-20", "everolimus", "exemestane"),
        ],
    )


def test_a_regimen_with_nothing_new_to_the_disease_ranks_after_chemotherapy() -> None:
    """Case 656 (MAJOR, both policies): ribociclib + exemestane ranked third, after the disease
    had progressed on a CDK4/6 inhibitor (palbociclib) and on exemestane: no part of it is new,
    and no trial the sources report gave such a regimen."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_after_cdk46i_and_exemestane(), policy=policy)
        found = option(p, "ribociclib+exemestane")
        [said] = [r for r in found.reasons if r.code == "nothing_new_after_progression"]
        assert said.rule == 11, policy
        assert "palbociclib" in said.text and "exemestane" in said.text, policy
        assert rank(p, "chemotherapy") < rank(p, "ribociclib+exemestane"), policy
        assert tier(p, "ribociclib+exemestane") == "later", policy
    # ribociclib with fulvestrant after palbociclib + letrozole alone: fulvestrant is new, and
    # MAINTAIN's switch stands
    p = resistx.sequence(patient(biomarkers=[result("ESR1", "not_detected"), *PATHWAY_NEGATIVE]))
    assert not [
        r for r in option(p, "ribociclib+fulvestrant").reasons if r.code.startswith("nothing_new")
    ]
    # with no CDK4/6 inhibitor progressed on, one with fulvestrant after fulvestrant alone is new
    naive = patient(treatments=[dict(PALBOCICLIB, drugs=["fulvestrant"])])
    found = option(resistx.sequence(naive), "abemaciclib+fulvestrant")
    assert [r.code for r in found.reasons if r.rule == 11] == ["progressed_on_drug"]


def _after_fulvestrant_and_paclitaxel() -> dict[str, Any]:
    """Case 654: palbociclib + fulvestrant, then paclitaxel; no aromatase inhibitor ever."""
    return patient(
        schema_version=2,
        as_of="2026-06-01",
        her2="low",
        biomarkers=[
            on_tissue(r, tested_on="2025-01-10")
            for r in (result("ESR1", "not_detected"), *PATHWAY_NEGATIVE)
        ],
        treatments=[
            _course(1, "2023-02-01", "2024-12-20", "palbociclib", "fulvestrant"),
            _course(2, "2025-01-20", "2026-05-10", "paclitaxel"),
        ],
    )


def test_imlunestrant_with_abemaciclib_outside_ember3s_population_ranks_after_the_approved_options() -> (
    None
):
    """Case 654 (MAJOR, practice-2026): imlunestrant + abemaciclib ranked above the approved
    oral SERDs on EMBER-3's result, for a patient with no aromatase inhibitor on record and
    fulvestrant and chemotherapy before; the plan said so of imlunestrant alone only."""
    p = resistx.sequence(_after_fulvestrant_and_paclitaxel(), policy="practice-2026")
    found = option(p, "imlunestrant+abemaciclib")
    codes = {r.code for r in found.reasons if r.rule == 35}
    assert codes == {"outside_ember3_population", "ember3_earlier_lines_unknown"}
    # after every approved option (those waiting on a test come after all that do not)
    approved = [o for o in p.options if o.tier.value != "trial" and not o.waits_on]
    assert approved and all(o.rank < found.rank for o in approved)
    # imlunestrant alone keeps its own wording: at best an alternative
    alone = option(p, "imlunestrant")
    assert any("at best an alternative" in r.text for r in alone.reasons if r.rule == 35)


def _three_endocrine_lines() -> dict[str, Any]:
    """Case 667: ribociclib + letrozole, elacestrant for 3 months, everolimus + exemestane for
    4 months; HER2-ultralow, no chemotherapy."""
    return patient(
        schema_version=2,
        as_of="2026-07-20",
        her2="ultralow",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2025-11-01", variant="D538G"),
            *(on_tissue(r, tested_on="2025-10-20") for r in PATHWAY_NEGATIVE),
        ],
        treatments=[
            _course(1, "2023-04-01", "2025-10-01", "ribociclib", "letrozole"),
            _course(2, "2025-11-15", "2026-02-20", "elacestrant"),
            _course(3, "2026-03-01", "2026-07-05", "everolimus", "exemestane"),
        ],
    )


def test_before_any_chemotherapy_sacituzumab_govitecan_within_its_label_comes_after_chemotherapy() -> (
    None
):
    """Case 667 (MAJOR, both policies): with three endocrine lines and no chemotherapy,
    sacituzumab govitecan was an alternative (above chemotherapy under practice-2026): its US
    label covers her, but TROPiCS-02 compared it with chemotherapy only in patients already
    treated with chemotherapy, and the plan's why did not say so."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_three_endocrine_lines(), policy=policy)
        found = option(p, "sacituzumab-govitecan")
        [said] = [r for r in found.reasons if r.code == "sg_within_label"]
        assert "chemotherapy comes first" in said.text, policy
        assert found.tier.value == "later", policy
        assert rank(p, "chemotherapy") < found.rank, policy
        assert said.text in why(found), policy


def _after_inavolisib() -> dict[str, Any]:
    """Case 666: relapse on adjuvant letrozole, then inavolisib + palbociclib + fulvestrant."""
    return patient(
        schema_version=2,
        as_of="2026-09-15",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2024-06-01", variant="H1047R"),
            result("ESR1", "not_detected", tested_on="2026-09-01"),
            result("AKT1", "not_detected", sample="tissue", tested_on="2024-06-01"),
            result("PTEN", "not_detected", sample="tissue", tested_on="2024-06-01"),
        ],
        treatments=[
            dict(adjuvant(["letrozole"], "2022-03-01", "2024-05-01"), stop_reason="progression"),
            _course(1, "2024-06-20", "2026-08-25", "inavolisib", "palbociclib", "fulvestrant"),
        ],
    )


def test_ribociclib_with_exemestane_after_endocrine_progression_is_outside_its_us_label() -> None:
    """Case 666 (MAJOR, practice-2026): after relapse on adjuvant letrozole and progression on
    inavolisib + palbociclib + fulvestrant, ribociclib + exemestane was the only option above
    'later', on MAINTAIN's result; ribociclib's US label gives it with an aromatase inhibitor
    as initial endocrine-based therapy only."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_after_inavolisib(), policy=policy)
        found = option(p, "ribociclib+exemestane")
        [said] = [r for r in found.reasons if r.code == "ribociclib_ai_after_endocrine_therapy"]
        assert said.rule == 94 and "US label" in said.text, policy
        assert found.tier.value == "later", policy
        assert rank(p, "everolimus+exemestane") < found.rank, policy
        assert said.text in why(found), policy
        # TRINITI-1's investigational triplet has no label to be outside of
        triplet = option(p, "ribociclib+everolimus+exemestane")
        assert not [r for r in triplet.reasons if r.rule == 94], policy
    # before any endocrine therapy for metastatic disease it is not said
    first = patient(treatments=[dict(adjuvant(["letrozole"], "2015-01-01", "2020-01-01"))])
    for o in resistx.sequence(first).options:
        assert not [r for r in o.reasons if r.rule == 94], o.regimen.id
    # nor with no CDK4/6 inhibitor yet, after fulvestrant alone (case 673, MAJOR): every CDK4/6
    # inhibitor's label gives it with an aromatase inhibitor as initial therapy, and the three
    # doublets stand together
    naive = patient(treatments=[_course(1, "2025-03-01", "2026-04-15", "fulvestrant")])
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(naive, policy=policy)
        tiers = {tier(p, r) for r in ("ribociclib+letrozole", "palbociclib+letrozole")}
        assert len(tiers) == 1, (policy, tiers)
        assert not [r for r in option(p, "ribociclib+letrozole").reasons if r.rule == 94]


def test_an_esr1_mutation_during_first_line_names_no_review_case_in_the_plan() -> None:
    """Case 671 (MINOR, practice-2026): the SERENA-6 action ended with "(case 559)", a number of
    the project's own review rounds, which means nothing to a clinician."""
    p = resistx.sequence(_during_first_line(), policy="practice-2026")
    [said] = [a for a in p.actions if a.code == "serena6_switch"]
    assert "restage first" in said.text and "case" not in said.text
    check_plan(resistx.load_profile(_during_first_line()), resistx.Preferences(), p)


def test_no_esmo_mcbs_grade_is_computed_from_a_post_hoc_subgroup() -> None:
    """Cases 631, 656, 665, 668 and 671 (MINOR, practice-2026, five reviewers): elacestrant's
    evidence line graded EMERALD's post hoc subgroup (12 months or more on a CDK4/6 inhibitor,
    HR 0.41) on the ESMO-MCBS; the scale grades a trial's primary or pre-specified analyses."""
    data = patient(
        schema_version=2,
        as_of="2026-10-05",
        biomarkers=[result("ESR1", "mutated", tested_on="2026-09-20", variant="E380Q")],
        treatments=[_course(1, "2024-08-01", "2026-09-01", "palbociclib", "letrozole")],
    )
    p = resistx.sequence(data, policy="practice-2026")
    found = option(p, "elacestrant")
    # the evidence line reads EMERALD's primary ESR1-mutated analysis, and grades it
    [line] = [r for r in found.reasons if r.rule == 16]
    assert "HR 0.55" in line.text and "preliminary grade 3" in line.text
    assert "post hoc" not in line.text
    # the subgroup is quoted beside it, as post hoc, with no grade
    [subgroup] = [r for r in found.reasons if "post hoc" in r.text]
    assert subgroup.rule == 28 and "HR 0.41" in subgroup.text
    assert "grade" not in subgroup.text
    assert option(p, "elacestrant").tier.value == "preferred"


def _during_first_line() -> dict[str, Any]:
    """Case 671: 21 months into first-line ribociclib + letrozole, an ESR1 Y537S in ctDNA."""
    return patient(
        schema_version=2,
        as_of="2026-06-01",
        biomarkers=[result("ESR1", "mutated", tested_on="2026-05-15", variant="Y537S")],
        treatments=[
            dict(
                _course(1, "2024-09-01", "2026-06-01", "ribociclib", "letrozole"),
                ended_on=None,
                stop_reason="ongoing",
            )
        ],
    )


def _diabetes_and_pik3ca(hba1c: float, biomarkers: list[dict[str, Any]] | None = None) -> Any:
    """Case 680: PIK3CA H1047R in tissue, diabetes, after 26 months of palbociclib."""
    found = [
        result("PIK3CA", "mutated", sample="tissue", variant="H1047R"),
        result("ESR1", "not_detected"),
        *(on_tissue(r) for r in PATHWAY_NEGATIVE[1:]),
    ]
    return patient(
        schema_version=2,
        comorbidities=[{"name": "diabetes", "hba1c": hba1c}],
        biomarkers=found if biomarkers is None else biomarkers,
    )


def test_an_hba1c_above_capitello291s_limit_with_a_pathway_target_asks_for_glucose_control_before_choosing() -> (
    None
):
    """Case 680 (MAJOR, both policies): with a PIK3CA mutation and an HbA1c of 9.0%,
    capivasertib stood behind every option, chemotherapy included, and nothing said the barrier
    can be lifted: glucose brought into range opens it. The order is kept (rule 78; a recorded
    disagreement, docs/limitations.md); the plan now says what to do first."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_diabetes_and_pik3ca(9.0), policy=policy)
        [said] = [a for a in p.actions if a.code == "glucose_control_opens_pathway_inhibitor"]
        assert said.rule == 95 and said.before_choosing, policy
        assert "diabetes team" in said.text and "PIK3CA" in said.text, policy
        assert "HbA1c of 9.0%" in said.text and "capivasertib" in said.text, policy
    # in range, or with no pathway target, nothing to ask
    for data in (
        _diabetes_and_pik3ca(7.1),
        _diabetes_and_pik3ca(9.0, biomarkers=[result("ESR1", "not_detected"), *PATHWAY_NEGATIVE]),
    ):
        p = resistx.sequence(data)
        assert not [a for a in p.actions if a.code == "glucose_control_opens_pathway_inhibitor"]


def _after_tamoxifen_and_ribociclib() -> dict[str, Any]:
    """Case 684: premenopausal, adjuvant tamoxifen, then ribociclib + fulvestrant + goserelin
    for 7.6 months; no aromatase inhibitor ever."""
    return patient(
        schema_version=2,
        as_of="2026-05-10",
        menopausal_status="premenopausal",
        ecog=0,
        biomarkers=[
            on_tissue(r, tested_on="2026-04-20")
            for r in (result("ESR1", "not_detected"), result("PIK3CA", "not_detected"))
        ],
        treatments=[
            dict(adjuvant(["tamoxifen"], "2019-02-01", "2024-02-01")),
            _course(1, "2025-09-01", "2026-04-20", "ribociclib", "fulvestrant", "goserelin"),
        ],
    )


def test_everolimus_with_exemestane_outside_bolero2s_population_says_so_and_steps_back() -> None:
    """Case 684 (MAJOR, both policies): everolimus + exemestane ranked first, with no reason
    of its own, for a premenopausal woman who never had letrozole or anastrozole: BOLERO-2
    enrolled progression on a non-steroidal aromatase inhibitor (the review), in postmenopausal
    women (everolimus's US label, not in the review)."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_after_tamoxifen_and_ribociclib(), policy=policy)
        found = option(p, "everolimus+exemestane")
        codes = {r.code: r for r in found.reasons}
        label = codes["everolimus_after_nonsteroidal_ai"]
        assert label.rule == 96 and "BOLERO-2" in label.trials, policy
        assert "letrozole or anastrozole" in label.text and label.text in why(found), policy
        assert codes["everolimus_postmenopausal_trial"].rule == 40, policy
        assert rank(p, "chemotherapy") < found.rank, policy
    # with no endocrine therapy at all rule 69 says it, once, for every pathway inhibitor
    untreated = patient(treatments=[dict(_course(1, "2025-01-01", "2026-03-01", "capecitabine"))])
    said = {r.rule for r in option(resistx.sequence(untreated), "everolimus+exemestane").reasons}
    assert 69 in said and 96 not in said
    # after letrozole, postmenopausal: neither is said
    p = resistx.sequence(patient())
    assert not {r.code for r in option(p, "everolimus+exemestane").reasons} & {
        "everolimus_after_nonsteroidal_ai",
        "everolimus_postmenopausal_trial",
    }


def _crisis_after_paclitaxel() -> dict[str, Any]:
    """Case 694: visceral crisis at ECOG 2 after palbociclib + letrozole, everolimus +
    exemestane and paclitaxel; a germline BRCA1 mutation."""
    return patient(
        schema_version=2,
        as_of="2026-09-15",
        ecog=2,
        visceral_crisis=True,
        biomarkers=[
            result("BRCA1", "mutated", sample="blood", origin="germline", tested_on="2026-08-01"),
            result("ESR1", "not_detected", tested_on="2026-08-20"),
            result("PIK3CA", "not_detected", tested_on="2026-08-20"),
        ],
        treatments=[
            _course(1, "2023-01-01", "2024-06-01", "palbociclib", "letrozole"),
            _course(2, "2024-06-20", "2025-03-01", "everolimus", "exemestane"),
            _course(3, "2025-03-20", "2026-09-01", "paclitaxel"),
        ],
    )


def test_in_a_visceral_crisis_the_adcs_come_right_after_chemotherapy() -> None:
    """Case 694 (MAJOR, practice-2026): in a visceral crisis datopotamab deruxtecan ranked
    eighth, after fulvestrant and the CDK4/6-inhibitor options, though its payload is cytotoxic
    and the plan said the crisis does not hold it back: the cytotoxic options answer a crisis,
    and now come before the others (a hard precedence, rule 7)."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_crisis_after_paclitaxel(), policy=policy)
        assert p.options[0].regimen.id == "chemotherapy", policy
        kinds = {o.regimen.id: o.regimen.kind and o.regimen.kind.value for o in p.options}
        adcs = [o for o in p.options if kinds[o.regimen.id] == "adc"]
        # a PARP inhibitor for the germline BRCA1 mutation stands with them: rule 44's option
        # after chemotherapy in a crisis (case 1091)
        others = [
            o
            for o in p.options
            if kinds[o.regimen.id] not in ("adc", "chemotherapy", "parp_inhibitor")
            and not o.waits_on
        ]
        assert adcs and others, policy
        assert max(o.rank for o in adcs) < min(o.rank for o in others), policy
    # an ADC the crisis's chemotherapy line does not open is not lifted: test_board_fixes's
    # case 371 (the PARP inhibitors before sacituzumab govitecan) holds it


def test_palbociclib_carries_its_labels_blood_count_and_lung_caution() -> None:
    """Recheck of case 673 (MAJOR, both policies): palbociclib's regimens carried no caution at
    all while abemaciclib's and ribociclib's carried their labels' monitoring; its US label asks
    for blood counts before starting, at each cycle and on day 15 of the first two, and warns of
    interstitial lung disease (not in the review)."""
    naive = patient(treatments=[_course(1, "2025-03-01", "2026-04-15", "fulvestrant")])
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(naive, policy=policy)
        for regimen in ("palbociclib+letrozole", "palbociclib+fulvestrant"):
            [said] = [c for c in option(p, regimen).cautions if c.rule == 97]
            assert "blood counts" in said.text and "day 15" in said.text, (policy, regimen)
            assert "interstitial lung disease" in said.text, (policy, regimen)
        assert not [c for c in option(p, "chemotherapy").cautions if c.rule == 97], policy


def _child_pugh_c() -> dict[str, Any]:
    """Case 707: Child-Pugh C, ECOG 2, an ESR1 D538G after palbociclib + letrozole."""
    return patient(
        schema_version=2,
        as_of="2026-04-25",
        ecog=2,
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "C"}],
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-04-10", variant="D538G"),
            result("PIK3CA", "not_detected", tested_on="2026-04-10"),
        ],
        treatments=[_course(1, "2023-04-01", "2026-04-01", "palbociclib", "letrozole")],
    )


def test_with_child_pugh_c_elacestrant_whose_label_advises_against_it_ranks_after_the_others() -> (
    None
):
    """Case 707 (MAJOR, both policies): with Child-Pugh C elacestrant ranked first though its
    own caution said its label advises against it in severe hepatic impairment; and under
    practice-2026 imlunestrant had no hepatic caution at all."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_child_pugh_c(), policy=policy)
        found = option(p, "elacestrant")
        [said] = [r for r in found.reasons if r.code == "label_avoids_severe_hepatic_impairment"]
        assert said.rule == 81 and "advises against" in said.text, policy
        assert found.tier.value == "later", policy
        assert rank(p, "fulvestrant") < found.rank, policy
        assert p.options[0].regimen.id != "elacestrant", policy
    p = resistx.sequence(_child_pugh_c(), policy="practice-2026")
    assert any("imlunestrant" in c.text for c in option(p, "imlunestrant").cautions if c.rule == 12)
    # Child-Pugh B: the dose is lowered, and it is not held back
    b = _child_pugh_c()
    b["comorbidities"] = [{"name": "hepatic_impairment", "child_pugh": "B"}]
    assert resistx.sequence(b).options[0].regimen.id == "elacestrant"


def test_before_the_menopause_ribociclib_with_fulvestrant_says_its_label_is_postmenopausal() -> (
    None
):
    """Case 700 (MAJOR, practice-2026): for a premenopausal woman on a GnRH agonist ribociclib +
    fulvestrant ranked first with only the ovarian-suppression caution; its US label gives it
    with fulvestrant to postmenopausal women and men. It is said, and caps it at an alternative
    (as alpelisib, elacestrant and everolimus there); the order within the tier stays a
    recorded disagreement (docs/limitations.md)."""
    data = patient(
        schema_version=2,
        menopausal_status="premenopausal",
        biomarkers=[result("ESR1", "not_detected"), *PATHWAY_NEGATIVE],
        treatments=[
            _course(1, "2023-08-01", "2026-01-30", "palbociclib", "letrozole", "goserelin")
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        found = option(resistx.sequence(data, policy=policy), "ribociclib+fulvestrant")
        [said] = [
            r for r in found.reasons if r.code == "ribociclib_fulvestrant_postmenopausal_label"
        ]
        assert said.rule == 40 and "postmenopausal women and men" in said.text, policy
        assert found.tier.value != "preferred" and said.text in why(found), policy


def test_a_capecitabine_course_stopped_for_hand_foot_syndrome_is_accepted() -> None:
    """Case 718 (found writing the case): a capecitabine course stopped for hand-foot syndrome,
    its commonest reason to stop, was a ProfileError ('not an adverse event resistx knows')."""
    for name in ("hand-foot syndrome", "Hand and foot syndrome", "PPE"):
        stopped = dict(
            _course(2, "2025-04-01", "2025-06-01", "capecitabine"),
            stop_reason="toxicity",
            toxicity=name,
        )
        profile = resistx.load_profile(patient(treatments=[PALBOCICLIB, stopped]))
        assert profile.treatments[1].toxicity == "palmar-plantar erythrodysesthesia", name


def _on_fulvestrant_since(tested_on: str) -> dict[str, Any]:
    """Case 713: fulvestrant ongoing since 2025-03-10 after palbociclib + letrozole; ESR1 and
    PIK3CA negative on ctDNA."""
    return patient(
        schema_version=2,
        as_of="2026-08-01",
        biomarkers=[
            result("ESR1", "not_detected", tested_on=tested_on),
            result("PIK3CA", "not_detected", tested_on=tested_on),
        ],
        treatments=[
            _course(1, "2023-01-01", "2025-02-15", "palbociclib", "letrozole"),
            dict(
                _course(2, "2025-03-10", "2025-03-10", "fulvestrant"),
                ended_on=None,
                stop_reason="ongoing",
            ),
        ],
    )


def test_an_esr1_negative_from_before_the_ongoing_course_asks_for_a_new_test() -> None:
    """Case 713 (MAJOR, both policies): on fulvestrant for 17 months, read as progressed at the
    plan's date (rule 53), the plan called a ctDNA ESR1 negative taken before fulvestrant began
    'a current test' and left the oral SERDs out; ESR1 mutations are acquired under endocrine
    therapy, so a result from before the course whose progression the options answer is not
    current."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(_on_fulvestrant_since("2025-03-01"), policy=policy)
        [retest] = [a for a in p.actions if a.code == "retest"]
        assert "ESR1" in retest.genes and "fulvestrant" in retest.text, policy
        assert "elacestrant" not in {e.regimen.id for e in p.excluded}, policy
        assert "ESR1" in option(p, "elacestrant").waits_on, policy
    # a test taken during the course is current
    p = resistx.sequence(_on_fulvestrant_since("2026-07-20"))
    assert not [a for a in p.actions if a.code == "retest" and "ESR1" in a.genes]


def test_chemotherapy_since_palbociclib_puts_ribociclib_with_fulvestrant_outside_maintain() -> None:
    """Recheck of case 718 (MAJOR, both policies): after palbociclib, then capecitabine (stopped
    for hand-foot syndrome) and paclitaxel for 17 months, ribociclib + fulvestrant ranked first
    on MAINTAIN, which enrolled patients at progression on the CDK4/6 inhibitor; the plans say
    so where an endocrine line came between, and now where chemotherapy did."""
    data = patient(
        schema_version=2,
        as_of="2026-09-12",
        biomarkers=[on_tissue(r, tested_on="2026-09-01") for r in PATHWAY_NEGATIVE]
        + [result("ESR1", "not_detected", tested_on="2026-09-01")],
        treatments=[
            _course(1, "2022-09-01", "2024-12-20", "palbociclib", "letrozole"),
            dict(
                _course(2, "2025-01-15", "2025-04-01", "capecitabine"),
                stop_reason="toxicity",
                toxicity="hand-foot syndrome",
            ),
            _course(2, "2025-04-20", "2026-09-01", "paclitaxel"),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(data, policy=policy)
        found = option(p, "ribociclib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "outside_maintain_population"]
        assert "Chemotherapy, an ADC or a PARP inhibitor since the CDK4/6 inhibitor" in said.text, (
            policy
        )
        assert p.options[0].regimen.id != "ribociclib+fulvestrant", policy
        assert found.tier.value == "later", policy


def test_ribociclib_with_exemestane_after_progression_on_an_aromatase_inhibitor_says_its_label() -> (
    None
):
    """Case 748 (MAJOR, both policies): with no CDK4/6 inhibitor yet, after progression on
    anastrozole for metastatic disease, ribociclib + exemestane ranked seventh with no reason
    of its own, on first-line evidence; the letrozole doublets are left out there (rule 71), and
    ribociclib's US label gives an aromatase-inhibitor partner as initial therapy only."""
    data = patient(
        schema_version=2,
        biomarkers=[result("ESR1", "not_detected"), *PATHWAY_NEGATIVE],
        treatments=[_course(1, "2024-02-01", "2026-03-15", "anastrozole")],
    )
    for policy in ("ye2024", "practice-2026"):
        found = option(resistx.sequence(data, policy=policy), "ribociclib+exemestane")
        [said] = [r for r in found.reasons if r.rule == 94]
        assert "initial endocrine-based therapy" in said.text, policy
        assert found.tier.value == "later" and said.text in why(found), policy


def test_a_long_response_to_the_second_degrader_keeps_a_fulvestrant_combination_open() -> None:
    """Case 745 (MAJOR, both policies): after palbociclib + fulvestrant and then 15 months of
    elacestrant, with a PIK3CA mutation, rule 93 put capivasertib + fulvestrant among the later
    options and nothing was preferred: the degrader had not failed as in case 646 (4 months);
    a response that long is endocrine sensitivity. Rule 93 now needs the latest degrader course
    to have run under 6 months."""
    data = patient(
        schema_version=2,
        as_of="2026-10-01",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-09-15", variant="H1047R"),
            result("ESR1", "mutated", tested_on="2025-06-01", variant="Y537S"),
            result("AKT1", "not_detected", sample="tissue", tested_on="2026-09-15"),
            result("PTEN", "not_detected", sample="tissue", tested_on="2026-09-15"),
        ],
        treatments=[
            _course(1, "2022-10-01", "2025-05-15", "palbociclib", "fulvestrant"),
            _course(2, "2025-06-10", "2026-09-01", "elacestrant"),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(data, policy=policy)
        found = option(p, "capivasertib+fulvestrant")
        assert not [r for r in found.reasons if r.rule == 93], policy
        assert found.tier.value != "later", policy


_NEW_RULE_PROFILES = [
    _after_ribociclib(),
    _after_two_degraders(),
    _after_cdk46i_and_exemestane(),
    _after_fulvestrant_and_paclitaxel(),
    _three_endocrine_lines(),
    _after_inavolisib(),
    _diabetes_and_pik3ca(9.0),
    _after_tamoxifen_and_ribociclib(),
    _crisis_after_paclitaxel(),
    _child_pugh_c(),
    _on_fulvestrant_since("2025-03-01"),
    patient(treatments=[_course(1, "2025-03-01", "2026-04-15", "fulvestrant")]),
]


def test_the_new_rules_texts_hold_only_figures_of_the_evidence_and_name_their_trials() -> None:
    """Every reason the fixes above add passes the checks every generated plan passes."""
    for data in _NEW_RULE_PROFILES:
        profile = resistx.load_profile(data)
        prefs = resistx.Preferences()
        for policy in ("ye2024", "practice-2026"):
            check_plan(profile, prefs, resistx.sequence(profile, prefs, policy=policy))
