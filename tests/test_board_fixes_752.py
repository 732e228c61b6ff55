"""Scenario tests for the findings of the blind reviews of cases 752-771 (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

from typing import Any

import resistx
from resistx.display._common import why
from tests.helpers import PALBOCICLIB, option, patient, rank, result, tier
from tests.test_plan import check_plan


def _planned(data: dict[str, Any], policy: str = "ye2024") -> resistx.Plan:
    """The plan, checked as every plan is (``test_plan.check_plan``)."""
    plan = resistx.sequence(data, policy=policy)
    check_plan(resistx.load_profile(data), resistx.Preferences(), plan)
    return plan


def _course(line: int, start: str, end: str, *drugs: str, **kw: Any) -> dict[str, Any]:
    """A metastatic course of ``drugs`` that progressed."""
    return dict(PALBOCICLIB, drugs=list(drugs), line=line, started_on=start, ended_on=end, **kw)


def _frail_pik3ca_esr1(ecog: int) -> dict[str, Any]:
    """Case 756: 82 years old, renal impairment, diabetes with an HbA1c of 7.2%, PIK3CA and
    ESR1 mutations in ctDNA after 30 months of first-line ribociclib + letrozole."""
    return patient(
        schema_version=2,
        as_of="2026-10-01",
        ecog=ecog,
        menopausal_status="postmenopausal",
        comorbidities=["renal_impairment", {"name": "diabetes", "hba1c": 7.2}],
        biomarkers=[
            result("PIK3CA", "mutated", tested_on="2026-09-15", variant="E545K"),
            result("ESR1", "mutated", tested_on="2026-09-15", variant="D538G"),
            result("AKT1", "not_detected", tested_on="2026-09-15"),
            result("PTEN", "not_detected", tested_on="2026-09-15"),
        ],
        treatments=[_course(1, "2024-03-01", "2026-09-05", "ribociclib", "letrozole")],
    )


def test_at_ecog_2_capivasertib_is_at_best_an_alternative_outside_capitello_291s_entry() -> None:
    """Case 756 (MAJOR, both policies): at ECOG 2 capivasertib + fulvestrant was preferred
    beside elacestrant, though CAPItello-291 enrolled ECOG 0-1 (one patient of 708 had ECOG 2),
    while abemaciclib + fulvestrant stepped back for postMONARCH's ECOG 0-1 entry."""
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_frail_pik3ca_esr1(2), policy)
        found = option(p, "capivasertib+fulvestrant")
        [said] = [r for r in found.reasons if r.code == "outside_trial_performance_status"]
        assert said.rule == 98 and "CAPItello-291" in said.trials, policy
        assert "ECOG 0-1" in said.text and "ECOG 2" in said.text, policy
        assert tier(p, "capivasertib+fulvestrant") == "alternative", policy
        assert tier(p, "elacestrant") == "preferred", policy
        assert rank(p, "elacestrant") < rank(p, "capivasertib+fulvestrant"), policy
        # within the trial's entry it leads as before
        fit = resistx.sequence(_frail_pik3ca_esr1(1), policy=policy)
        assert tier(fit, "capivasertib+fulvestrant") == "preferred", policy
        assert not any(
            r.code == "outside_trial_performance_status"
            for r in option(fit, "capivasertib+fulvestrant").reasons
        ), policy


def test_at_ecog_2_alpelisib_keeps_its_place_within_bylieves_entry() -> None:
    """Case 774's reviewer: alpelisib's evidence after a CDK4/6 inhibitor is BYLieve, which
    enrolled ECOG 2 or less (SOLAR-1 enrolled ECOG 0-1): rule 98 does not step it back."""
    p = _planned(
        patient(
            schema_version=2,
            as_of="2026-10-01",
            ecog=2,
            menopausal_status="postmenopausal",
            biomarkers=[
                result("PIK3CA", "mutated", sample="tissue", tested_on="2026-09-15"),
                result("ESR1", "not_detected", tested_on="2026-09-15"),
            ],
            treatments=[_course(1, "2024-03-01", "2026-09-05", "palbociclib", "letrozole")],
        )
    )
    assert not any(
        r.code == "outside_trial_performance_status"
        for r in option(p, "alpelisib+fulvestrant").reasons
    )
    assert any(
        r.code == "outside_trial_performance_status"
        for r in option(p, "capivasertib+fulvestrant").reasons
    )


def _lung_disease_after_everolimus_pneumonitis() -> dict[str, Any]:
    """Case 764: HER2-low, interstitial lung disease; everolimus + exemestane stopped for
    pneumonitis after palbociclib + anastrozole; then capecitabine and eribulin."""
    return patient(
        schema_version=2,
        as_of="2026-10-12",
        her2="low",
        menopausal_status="postmenopausal",
        comorbidities=["interstitial_lung_disease"],
        biomarkers=[
            result(g, "not_detected", tested_on="2026-09-30")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        treatments=[
            _course(1, "2021-05-01", "2023-11-01", "palbociclib", "anastrozole"),
            _course(
                2,
                "2023-11-20",
                "2024-02-01",
                "everolimus",
                "exemestane",
                stop_reason="toxicity",
                toxicity="pneumonitis",
            ),
            _course(3, "2024-02-20", "2025-03-01", "capecitabine"),
            _course(4, "2025-03-20", "2026-09-20", "eribulin"),
        ],
    )


def test_with_lung_disease_gedatolisib_steps_back_beside_everolimus_as_an_mtor_inhibitor() -> None:
    """Case 764 (MAJOR, practice-2026): with interstitial lung disease that began as
    pneumonitis on everolimus, gedatolisib (which blocks mTOR too) ranked above the everolimus
    regimens with no lung caution at all."""
    p = _planned(_lung_disease_after_everolimus_pneumonitis(), "practice-2026")
    for regimen in ("gedatolisib+fulvestrant", "gedatolisib+palbociclib+fulvestrant"):
        found = option(p, regimen)
        assert any("mTOR" in c.text and c.rule == 12 for c in found.cautions), regimen
        [said] = [r for r in found.reasons if r.code == "relative_contraindication"]
        assert said.rule == 12 and "gedatolisib" in said.text, regimen
        assert rank(p, regimen) > rank(p, "everolimus+exemestane") or any(
            r.code == "relative_contraindication"
            for r in option(p, "everolimus+exemestane").reasons
        ), regimen
        for without_risk in ("sacituzumab-govitecan", "chemotherapy", "fulvestrant"):
            if without_risk in {o.regimen.id for o in p.options}:
                assert rank(p, without_risk) < rank(p, regimen), (regimen, without_risk)


def _long_response_nothing_actionable() -> dict[str, Any]:
    """Case 769: 25 months of first-line palbociclib + letrozole, ESR1 and the PI3K pathway
    negative in ctDNA, no chemotherapy yet."""
    return patient(
        schema_version=2,
        as_of="2026-05-30",
        menopausal_status="postmenopausal",
        biomarkers=[
            result(g, "not_detected", tested_on="2026-05-15")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        treatments=[_course(1, "2024-04-01", "2026-05-01", "palbociclib", "letrozole")],
    )


def test_before_any_endocrine_therapy_palbociclib_or_abemaciclib_with_fulvestrant_is_outside_its_label() -> (
    None
):
    """Case 771 (MAJOR, both policies): with nothing given yet, abemaciclib and palbociclib
    with fulvestrant were preferred first-line, though their US labels give the fulvestrant
    pairing after progression on endocrine therapy; ribociclib's covers it as initial
    endocrine-based therapy (MONALEESA-3)."""
    untreated = patient(
        schema_version=2,
        as_of="2026-02-02",
        ecog=0,
        menopausal_status="postmenopausal",
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", tested_on="2026-01-20")],
        treatments=[],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(untreated, policy)
        for regimen in ("abemaciclib+fulvestrant", "palbociclib+fulvestrant"):
            [said] = [
                r for r in option(p, regimen).reasons if r.code == "fulvestrant_pairing_label"
            ]
            assert said.rule == 99 and "progression" in said.text, (policy, regimen)
            assert tier(p, regimen) == "later", (policy, regimen)
        assert tier(p, "ribociclib+fulvestrant") == "preferred", policy
        assert tier(p, "palbociclib+letrozole") == "preferred", policy
    # after endocrine therapy the pairing is within the labels, as before
    p = _planned(_long_response_nothing_actionable())
    assert not any(
        r.code == "fulvestrant_pairing_label" for r in option(p, "abemaciclib+fulvestrant").reasons
    )


def _relapse_on_adjuvant_letrozole_after_abemaciclib(start: str, cdk_end: str) -> dict[str, Any]:
    """Case 780: adjuvant abemaciclib and letrozole from ``start``, abemaciclib completed on
    ``cdk_end``, relapse on letrozole on 2026-04-20; nothing for metastatic disease yet,
    nothing actionable."""
    return patient(
        schema_version=2,
        as_of="2026-05-18",
        ecog=0,
        menopausal_status="postmenopausal",
        biomarkers=[
            result("ESR1", "not_detected", tested_on="2026-05-02"),
            *(
                result(g, "not_detected", sample="tissue", tested_on="2026-04-28")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        treatments=[
            dict(
                PALBOCICLIB,
                drugs=["abemaciclib"],
                setting="adjuvant",
                line=None,
                started_on=start,
                ended_on=cdk_end,
                stop_reason="completed",
            ),
            dict(
                PALBOCICLIB,
                drugs=["letrozole"],
                setting="adjuvant",
                line=None,
                started_on=start,
                ended_on="2026-04-20",
                stop_reason="progression",
            ),
        ],
    )


def test_relapse_years_into_adjuvant_endocrine_therapy_after_a_cdk46i_is_endocrine_sensitive() -> (
    None
):
    """Case 780 (MAJOR, practice-2026): relapse on adjuvant letrozole 35 months into it, 11
    months after two years of adjuvant abemaciclib, ECOG 0, nothing actionable: chemotherapy
    was the only preferred option and every endocrine-based regimen 'later', though this is
    not primary resistance and postMONARCH enrolled recurrence on or after adjuvant CDK4/6
    inhibitor therapy. Rule 32 now reads it: an endocrine-based line before chemotherapy.
    Relapse within the first two years of adjuvant therapy stays primary resistance (case
    459)."""
    p = _planned(
        _relapse_on_adjuvant_letrozole_after_abemaciclib("2023-06-01", "2025-06-01"),
        "practice-2026",
    )
    first = p.options[0]
    # as for a long first-line response (case 766): endocrine lines lead, chemotherapy after
    assert first.regimen.id != "chemotherapy" and first.tier.value in ("preferred", "alternative")
    said = [r for r in first.reasons if r.code == "endocrine_sensitive_endocrine_first"]
    assert said and said[0].rule == 32 and "adjuvant" in said[0].text
    assert rank(p, "fulvestrant") < rank(p, "chemotherapy")
    early = _planned(
        _relapse_on_adjuvant_letrozole_after_abemaciclib("2024-09-01", "2026-03-01"),
        "practice-2026",
    )  # 19.6 months into adjuvant endocrine therapy: primary resistance
    assert early.options[0].regimen.id == "chemotherapy"
    assert not any(
        r.code.startswith("endocrine_sensitive") for o in early.options for r in o.reasons
    )


def _on_capivasertib(*, ongoing: bool) -> dict[str, Any]:
    """Case 781: palbociclib + letrozole, then capivasertib + fulvestrant (progressed on, or
    still given), a PTEN loss in tissue and an HbA1c of 8.2%."""
    capivasertib = _course(2, "2025-05-20", "2026-10-20", "capivasertib", "fulvestrant")
    if ongoing:
        capivasertib = dict(capivasertib, ended_on=None, stop_reason="ongoing")
    return patient(
        schema_version=2,
        as_of="2026-11-20",
        menopausal_status="postmenopausal",
        comorbidities=[{"name": "diabetes", "hba1c": 8.2}],
        biomarkers=[
            result("PTEN", "loss", sample="tissue", tested_on="2025-04-01"),
            result("PIK3CA", "not_detected", sample="tissue", tested_on="2025-04-01"),
            result("AKT1", "not_detected", sample="tissue", tested_on="2025-04-01"),
            result("ESR1", "not_detected", tested_on="2026-11-01"),
        ],
        treatments=[
            _course(1, "2023-03-01", "2025-04-20", "palbociclib", "letrozole"),
            capivasertib,
        ],
    )


def _glucose_action(p: resistx.Plan) -> resistx.Action:
    [action] = [a for a in p.actions if a.code == "glucose_control_opens_pathway_inhibitor"]
    return action


def test_after_progression_on_capivasertib_the_glucose_action_does_not_offer_it_again() -> None:
    """Case 781 (MINOR, both policies): on capivasertib with an HbA1c of 8.2%, the plan asked
    for the diabetes team so that capivasertib 'can be weighed again', though it leaves
    capivasertib out as progressed on; and its text named 'rule 78'."""
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_on_capivasertib(ongoing=False), policy)
        action = _glucose_action(p)
        assert "diabetes team" in action.text, policy
        assert "weighed again" not in action.text and "capivasertib" in action.text, policy
        assert not any("rule 78" in a.text for a in p.actions), policy


def test_on_capivasertib_now_the_glucose_action_asks_for_its_glucose_checks_while_it_continues() -> (
    None
):
    """Recheck of case 781 (MAJOR, both policies): capivasertib ongoing with an HbA1c of 8.2%:
    the plan keeps the current treatment until progression, yet the glucose action said the
    disease had progressed on it and gave glucose control only for what comes next, leaving
    no glucose check on the drug she is taking."""
    for policy in ("ye2024", "practice-2026"):
        action = _glucose_action(_planned(_on_capivasertib(ongoing=True), policy))
        assert "while it continues" in action.text and "label" in action.text, policy
        assert "has progressed on" not in action.text, policy


def _late_relapse(treatments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Case 782: relapse four years after five years of adjuvant anastrozole, no CDK4/6
    inhibitor ever, a PIK3CA mutation in tissue (or the ``treatments`` given)."""
    return patient(
        schema_version=2,
        as_of="2026-03-10",
        ecog=0,
        menopausal_status="postmenopausal",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-02-20", variant="E545K"),
            result("ESR1", "not_detected", tested_on="2026-02-25"),
        ],
        treatments=treatments
        or [
            dict(
                PALBOCICLIB,
                drugs=["anastrozole"],
                setting="adjuvant",
                line=None,
                started_on="2017-01-10",
                ended_on="2022-01-10",
                stop_reason="completed",
            )
        ],
    )


def test_endocrine_sensitive_relapse_leaves_the_pathway_inhibitors_outside_their_trials() -> None:
    """Case 782 (MAJOR, both policies): relapse four years after adjuvant anastrozole, with no
    CDK4/6 inhibitor ever: capivasertib and alpelisib with fulvestrant were alternatives,
    though CAPItello-291, SOLAR-1 and capivasertib's US label need progression on endocrine
    therapy for advanced disease or relapse on or within 12 months of adjuvant therapy (the
    plan left inavolisib out for the same reason)."""
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_late_relapse(), policy)
        for regimen in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
            found = option(p, regimen)
            [said] = [r for r in found.reasons if r.code == "pathway_before_endocrine_resistance"]
            assert said.rule == 69 and "12 months" in said.text, (policy, regimen)
            assert said.text in why(found), (policy, regimen)  # the recheck: the plan's text
            assert tier(p, regimen) == "later", (policy, regimen)
        assert tier(p, "palbociclib+letrozole") == "preferred", policy
    # progression on an aromatase inhibitor for advanced disease is within them (case 748)
    resistant = _late_relapse(treatments=[_course(1, "2024-02-01", "2026-02-15", "anastrozole")])
    p = _planned(resistant)
    assert not any(
        r.code == "pathway_before_endocrine_resistance"
        for r in option(p, "capivasertib+fulvestrant").reasons
    )


def test_a_woman_of_unknown_menopausal_status_is_asked_for_it_before_choosing() -> None:
    """Case 809 (MAJOR, both policies): 49 years old, menopausal status unknown, ESR1 mutated
    after ribociclib + letrozole without ovarian suppression: elacestrant (postmenopausal
    women and men) was preferred, the status read as postmenopausal in a note only."""
    data = patient(
        schema_version=2,
        as_of="2026-03-03",
        sex="female",
        menopausal_status="unknown",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2026-02-20", variant="Y537S"),
            *(
                result(g, "not_detected", tested_on="2026-02-20")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        treatments=[_course(1, "2024-06-01", "2026-02-05", "ribociclib", "letrozole")],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        [ask] = [a for a in p.actions if a.code == "establish_menopausal_status"]
        assert ask.before_choosing and ask.rule == 100, policy
        assert "oestradiol" in ask.text and "elacestrant" in ask.text, policy
        # the recheck: the oral SERDs too, and letrozole given without suppression
        assert "oral SERD" in ask.text and "given before without it" in ask.text, policy
        known = _planned(dict(data, menopausal_status="postmenopausal"), policy)
        assert not any(a.code == "establish_menopausal_status" for a in known.actions), policy
    # sex not given either: said (case 817), with the other labels that depend on it
    unknown = _planned({k: v for k, v in data.items() if k != "sex"})
    [ask] = [a for a in unknown.actions if a.code == "establish_menopausal_status"]
    assert ask.text.startswith("Sex and menopausal status not given") and "alpelisib" in ask.text
    # in a visceral crisis chemotherapy comes first whatever it is: beside it (case 273)
    crisis = _planned(dict(data, visceral_crisis=True))
    [ask] = [a for a in crisis.actions if a.code == "establish_menopausal_status"]
    assert not ask.before_choosing


def test_camizestrants_adverse_events_say_the_review_gives_no_dose() -> None:
    """Six reviewers (cases 762-811): camizestrant's bradycardia and photopsia rates sat beside
    its 75 mg efficacy figure, and they read them as another dose's; the review's Table 4 gives
    them without a dose, and the caution now says so."""
    p = _planned(_long_response_nothing_actionable())
    cautions = [c for c in option(p, "camizestrant").cautions if c.code == "adverse_event"]
    assert cautions and "without a dose" in cautions[0].text


def test_a_trial_of_second_line_after_a_cdk46i_is_left_out_after_a_further_line() -> None:
    """Cases 760, 814 and 826 (MINOR, several reviewers): FINER, which the review lists for
    PIK3CA-mutated disease after first-line CDK4/6-inhibitor therapy, was offered after a
    further endocrine line (elacestrant; everolimus + exemestane). At first progression on
    the CDK4/6 inhibitor it stays."""
    data = patient(
        schema_version=2,
        as_of="2026-09-01",
        menopausal_status="postmenopausal",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2025-11-20"),
            result("ESR1", "mutated", tested_on="2025-11-20"),
        ],
        treatments=[
            _course(1, "2023-01-20", "2025-11-10", "palbociclib", "letrozole"),
            _course(2, "2025-12-01", "2026-08-20", "elacestrant"),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        [out] = [e for e in p.excluded if "FINER" in e.regimen.name]
        assert any(r.rule == 101 and "after first-line" in r.text for r in out.reasons), policy
        first = _planned(dict(data, treatments=data["treatments"][:1]), policy)
        assert any("FINER" in o.regimen.name for o in first.options), policy
