"""Scenario tests for the findings of the blind reviews from case 832 on (each seen failing
before its fix), named after the behaviour a clinician relies on."""

from __future__ import annotations

from typing import Any

import resistx
from tests.helpers import PALBOCICLIB, adjuvant, option, patient, rank, result, tier
from tests.test_plan import check_plan

FINER = "trial:NCT04650581"


def _planned(data: dict[str, Any], policy: str = "ye2024") -> resistx.Plan:
    """The plan, checked as every plan is (``test_plan.check_plan``)."""
    plan = resistx.sequence(data, policy=policy)
    check_plan(resistx.load_profile(data), resistx.Preferences(), plan)
    return plan


def _woman(as_of: str, menopausal_status: str = "postmenopausal", **kw: Any) -> dict[str, Any]:
    """A schema-2 profile of a woman at ECOG 0."""
    return patient(
        schema_version=2,
        as_of=as_of,
        ecog=0,
        sex="female",
        menopausal_status=menopausal_status,
        **kw,
    )


def _pik3ca(*treatments: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """A premenopausal woman with a PIK3CA H1047R mutation in tissue (case 833)."""
    return _woman(
        "2026-04-02",
        "premenopausal",
        biomarkers=[
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-03-20", variant="H1047R"),
            result("ESR1", "not_detected", tested_on="2026-03-22"),
            result("AKT1", "not_detected", sample="tissue", tested_on="2026-03-20"),
            result("PTEN", "not_detected", sample="tissue", tested_on="2026-03-20"),
        ],
        treatments=list(treatments),
        **kw,
    )


def test_finer_is_not_offered_after_an_adjuvant_cdk46_inhibitor_alone() -> None:
    """Case 833 (MAJOR, both policies): after relapse on adjuvant abemaciclib + tamoxifen, with
    nothing given for metastatic disease, FINER was offered third, though it enrolled patients
    whose first-line therapy for metastatic disease was a CDK4/6 inhibitor (the review)."""
    relapsed = adjuvant(["abemaciclib", "tamoxifen"], "2024-07-01", "2026-03-01", "progression")
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_pik3ca(relapsed), policy)
        assert not [o for o in p.options if o.regimen.id == FINER], policy
        [left] = [e for e in p.excluded if e.regimen.id == FINER]
        [said] = [r for r in left.reasons if r.rule == 101]
        assert said.code == "out_of_population", policy
        assert "metastatic" in said.text and "first-line" in said.text, policy
        # with a metastatic line since, the reason is still the adjuvant CDK4/6 inhibitor
        capecitabine = dict(
            PALBOCICLIB, drugs=["capecitabine"], started_on="2026-03-10", ended_on="2026-03-30"
        )
        later = _planned(_pik3ca(relapsed, capecitabine), policy)
        [left] = [e for e in later.excluded if e.regimen.id == FINER]
        assert any(r.rule == 101 and "adjuvant one only" in r.text for r in left.reasons), policy
        # after a first-line CDK4/6 inhibitor for metastatic disease it stays on offer
        first_line = dict(
            PALBOCICLIB,
            drugs=["palbociclib", "letrozole", "goserelin"],
            started_on="2024-07-01",
            ended_on="2026-03-01",
        )
        after = _planned(_pik3ca(first_line), policy)
        assert [o for o in after.options if o.regimen.id == FINER], policy


def _akt1_esr1_after_fulvestrant() -> dict[str, Any]:
    """Case 841: AKT1 E17K and ESR1 E380Q after 8 months of first-line abemaciclib +
    fulvestrant (no aromatase inhibitor on record), HbA1c 6.0%."""
    return _woman(
        "2026-01-20",
        comorbidities=[{"name": "diabetes", "hba1c": 6.0}],
        biomarkers=[
            result("AKT1", "mutated", sample="tissue", tested_on="2026-01-05", variant="E17K"),
            result("ESR1", "mutated", tested_on="2026-01-08", variant="E380Q"),
            result("PIK3CA", "not_detected", sample="tissue", tested_on="2026-01-05"),
            result("PTEN", "not_detected", sample="tissue", tested_on="2026-01-05"),
        ],
        treatments=[
            dict(
                PALBOCICLIB,
                drugs=["abemaciclib", "fulvestrant"],
                started_on="2025-04-15",
                ended_on="2025-12-20",
            )
        ],
    )


def test_an_oral_serd_is_not_said_to_follow_a_pathway_inhibitor_ranked_below_it() -> None:
    """Case 841 (MAJOR, practice-2026): elacestrant and imlunestrant, ranked first and second,
    each said 'at best an alternative, after the PI3K/AKT-pathway inhibitor', while capivasertib
    + fulvestrant stood third: after progression on fulvestrant, its partner, it is no more
    than an alternative itself. The oral SERDs stay alternatives, and say why without
    claiming an order the plan does not show."""
    p = _planned(_akt1_esr1_after_fulvestrant(), "practice-2026")
    capivasertib = rank(p, "capivasertib+fulvestrant")
    assert rank(p, "elacestrant") < capivasertib  # the order the reasons must not contradict
    for serd in ("elacestrant", "imlunestrant"):
        found = option(p, serd)
        assert tier(p, serd) == "alternative", serd
        [said] = [r for r in found.reasons if r.rule == 28 and "Under 12 months" in r.text]
        if rank(p, serd) < capivasertib:
            assert "after the PI3K/AKT-pathway inhibitor" not in said.text, serd
            assert "fulvestrant" in said.text, serd
    # without fulvestrant on record the pathway inhibitor comes first, as the reason says
    data = _akt1_esr1_after_fulvestrant()
    data["treatments"][0]["drugs"] = ["abemaciclib", "letrozole"]
    before = _planned(data, "practice-2026")
    assert rank(before, "capivasertib+fulvestrant") < rank(before, "elacestrant")
    [said] = [
        r for r in option(before, "elacestrant").reasons if r.rule == 28 and "Under 12" in r.text
    ]
    assert "after the PI3K/AKT-pathway inhibitor" in said.text


def _brca1_after_adjuvant_olaparib(olaparib_end: str = "2022-11-01") -> dict[str, Any]:
    """Case 846: germline BRCA1; neoadjuvant EC-paclitaxel, a year of adjuvant olaparib
    (OlympiA), relapse on adjuvant letrozole in December 2024, then 10 months of first-line
    palbociclib + letrozole."""
    return _woman(
        "2025-11-10",
        biomarkers=[
            result("BRCA1", "mutated", sample="blood", origin="germline", tested_on="2021-02-01"),
            result("ESR1", "not_detected", tested_on="2025-10-25"),
            result("PIK3CA", "not_detected", tested_on="2025-10-25"),
            result("AKT1", "not_detected", tested_on="2025-10-25"),
            result("PTEN", "not_detected", tested_on="2025-10-25"),
        ],
        treatments=[
            dict(
                adjuvant(
                    ["epirubicin", "cyclophosphamide", "paclitaxel"], "2021-03-01", "2021-09-01"
                ),
                setting="neoadjuvant",
            ),
            adjuvant(["olaparib"], "2021-11-01", olaparib_end),
            adjuvant(["letrozole"], "2021-11-01", "2024-12-01", "progression"),
            dict(PALBOCICLIB, started_on="2024-12-20", ended_on="2025-10-15"),
        ],
    )


def test_a_parp_inhibitor_given_for_early_disease_is_not_preferred_as_if_never_given() -> None:
    """Case 846 (MAJOR, both policies): after a year of adjuvant olaparib, olaparib and
    talazoparib were preferred before chemotherapy as if no PARP inhibitor had been given (a
    TROP2 ADC's reason even said 'a PARP inhibitor not yet given'), though OlympiAD and EMBRACA
    reported before adjuvant olaparib existed. Now each PARP inhibitor is at best an
    alternative and says why, and chemotherapy is not put after it."""
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_brca1_after_adjuvant_olaparib(), policy)
        for drug in ("olaparib", "talazoparib"):
            assert tier(p, drug) in ("alternative", "later"), (policy, drug)
            [said] = [r for r in option(p, drug).reasons if r.rule == 102]
            assert "olaparib" in said.text and "OlympiA" in said.text, (policy, drug)
            assert "at best an alternative" in said.text, (policy, drug)
        chemotherapy = option(p, "chemotherapy")
        # under practice-2026 ten months on palbociclib read as endocrine-sensitive (rule 32,
        # session 66: 7428b), whose endocrine lines come before chemotherapy
        assert tier(p, "chemotherapy") == ("preferred" if policy == "ye2024" else "later"), policy
        assert not [
            r for r in chemotherapy.reasons if r.code == "parp_inhibitor_before_chemotherapy"
        ]
        texts = [r.text for o in p.options for r in o.reasons]
        assert not [t for t in texts if "not yet given" in t], policy
    # relapse within 12 months of completing it: read as progression on it since the recheck
    # of case 921's round (as after an adjuvant CDK4/6 inhibitor): both are left out
    soon = _planned(_brca1_after_adjuvant_olaparib("2024-06-01"))
    assert {"olaparib", "talazoparib"} <= {e.regimen.id for e in soon.excluded}
    # stopped early (for toxicity) and relapse within 12 months of its end: at best later
    stopped = _brca1_after_adjuvant_olaparib("2024-06-01")
    stopped["treatments"][1]["stop_reason"] = "toxicity"
    stopped_plan = _planned(stopped)
    assert tier(stopped_plan, "olaparib") == "later"
    [said] = [r for r in option(stopped_plan, "olaparib").reasons if r.rule == 102]
    assert "within 12 months" in said.text
    # a germline PALB2 (TBCRC 048, rule 49): chemotherapy is not put after olaparib either
    palb2 = _brca1_after_adjuvant_olaparib()
    palb2["biomarkers"][0]["gene"] = "PALB2"
    chemotherapy = option(_planned(palb2), "chemotherapy")
    assert not [r for r in chemotherapy.reasons if r.rule == 49]
    # without it, the PARP inhibitors lead as before (rule 44)
    data = _brca1_after_adjuvant_olaparib()
    del data["treatments"][1]
    before = _planned(data)
    assert tier(before, "olaparib") == "preferred"
    assert rank(before, "olaparib") < rank(before, "chemotherapy")


def test_after_adjuvant_primary_resistance_adcs_awaiting_chemotherapy_do_not_precede_capivasertib() -> (
    None
):
    """Case 833's recheck (MAJOR, both policies): after relapse on adjuvant abemaciclib, with
    nothing given for metastatic disease, sacituzumab govitecan and datopotamab deruxtecan,
    which each wait for chemotherapy lines, ranked above capivasertib + fulvestrant, whose
    reason said endocrine-based regimens 'come after chemotherapy and ADCs'. Chemotherapy still
    comes first; an ADC not yet open gains nothing from the primary resistance."""
    relapsed = adjuvant(["abemaciclib", "tamoxifen"], "2024-07-01", "2026-03-01", "progression")
    for policy in ("ye2024", "practice-2026"):
        p = _planned(_pik3ca(relapsed), policy)
        assert rank(p, "chemotherapy") == 1, policy
        capivasertib = rank(p, "capivasertib+fulvestrant")
        for adc in ("sacituzumab-govitecan", "datopotamab-deruxtecan"):
            if any(o.regimen.id == adc for o in p.options):
                assert rank(p, adc) > capivasertib, (policy, adc)
        [said] = [
            r
            for r in option(p, "capivasertib+fulvestrant").reasons
            if r.code == "adjuvant_primary_resistance"
        ]
        assert "and ADCs" not in said.text, policy


def _frail_after_palbociclib(ecog: int) -> dict[str, Any]:
    """Case 849: 84 years old, bone-only disease, nothing actionable, after 28 months of
    palbociclib + letrozole."""
    negative = [result(g, "not_detected", tested_on="2026-05-15") for g in ("ESR1", "PIK3CA")]
    return dict(
        _woman("2026-05-30", biomarkers=negative),
        ecog=ecog,
        treatments=[dict(PALBOCICLIB, started_on="2024-01-10", ended_on="2026-05-05")],
    )


def test_outside_maintains_ecog_entry_ribociclib_after_a_cdk46_inhibitor_is_at_best_later() -> None:
    """Case 849 (MAJOR, practice-2026): at ECOG 3 ribociclib + fulvestrant was one of two
    alternatives on MAINTAIN, which enrolled ECOG 0-1 (its registry entry), while abemaciclib
    + fulvestrant stepped back for postMONARCH's same entry. Now both are at best later
    options outside their trials' entry, and say why."""
    for policy in ("ye2024", "practice-2026"):
        for ecog in (2, 3):
            p = _planned(_frail_after_palbociclib(ecog), policy)
            assert tier(p, "ribociclib+fulvestrant") == "later", (policy, ecog)
            [said] = [r for r in option(p, "ribociclib+fulvestrant").reasons if r.rule == 103]
            assert "MAINTAIN" in said.trials and "ECOG 0-1" in said.text, (policy, ecog)
        fit = _planned(_frail_after_palbociclib(1), policy)
        assert tier(fit, "ribociclib+fulvestrant") == "alternative", policy


def test_a_fulvestrant_combination_after_an_oral_serd_says_what_its_partner_shares() -> None:
    """Case 853 (MAJOR, both policies): after progression on elacestrant, capivasertib +
    fulvestrant and alpelisib + fulvestrant were preferred with nothing said of it, while
    fulvestrant alone stepped back for the same reason (both degrade the estrogen receptor).
    They stay on offer, matched to the PIK3CA mutation, and say so."""
    data = _woman(
        "2026-09-15",
        biomarkers=[
            result("ESR1", "mutated", tested_on="2025-12-20", variant="D538G"),
            result("PIK3CA", "mutated", tested_on="2026-09-01", variant="H1047R"),
            result("AKT1", "not_detected", tested_on="2026-09-01"),
            result("PTEN", "not_detected", tested_on="2026-09-01"),
        ],
        treatments=[
            dict(
                PALBOCICLIB,
                drugs=["ribociclib", "letrozole"],
                started_on="2023-10-01",
                ended_on="2025-12-10",
            ),
            dict(
                PALBOCICLIB,
                drugs=["elacestrant"],
                line=2,
                started_on="2026-01-05",
                ended_on="2026-09-01",
            ),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        for regimen in ("capivasertib+fulvestrant", "alpelisib+fulvestrant"):
            [said] = [
                r
                for r in option(p, regimen).reasons
                if r.code == "fulvestrant_partner_after_oral_serd"
            ]
            assert "elacestrant" in said.text and "degrade" in said.text, (policy, regimen)


def test_an_option_no_rule_moved_says_what_places_it() -> None:
    """Cases 841 and 853's rechecks (MINOR): chemotherapy stood 'later' with only its evidence
    line, no 'why'. Every option's text says why it stands where it does."""
    data = _akt1_esr1_after_fulvestrant()
    for policy in ("practice-2026", "ye2024"):
        p = _planned(data, policy)
        shown = resistx.sequence(data, policy=policy).to_text()
        assert shown.count("      why: ") == len(p.options), policy
    # under practice-2026 rule 32 moves every option since session 66 (8 months on the
    # CDK4/6 inhibitor read as endocrine-sensitive: 7428b)
    assert "No rule moved it for this patient" in shown


def test_a_ctdna_negative_with_a_reported_tumour_fraction_is_not_called_a_tumour_that_sheds_little() -> (
    None
):
    """Case 860 (MAJOR, both policies; as case 791's recorded MINOR): a tissue ESR1 Y537S from
    before the first line, then ctDNA negatives at a tumour fraction of 6%: the plan said a
    tumour that sheds little DNA could be missed and asked for 'ctDNA with a known tumour
    fraction', which the draw already had. It now names the fraction and asks for tissue."""
    ctdna = {"sample": "ctdna", "tested_on": "2026-01-05", "tumour_fraction": 0.06}
    data = _woman(
        "2026-01-15",
        biomarkers=[
            result("ESR1", "mutated", sample="tissue", tested_on="2023-06-01", variant="Y537S"),
            *(result(g, "not_detected", **ctdna) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
        ],
        treatments=[
            dict(
                PALBOCICLIB,
                drugs=["palbociclib", "fulvestrant"],
                started_on="2023-08-01",
                ended_on="2025-12-10",
            )
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        texts = [a.text for a in p.actions]
        assert not [t for t in (*texts, *p.notes) if "sheds little" in t], policy
        assert not [t for t in texts if "ctDNA with a known tumour fraction" in t], policy
        [resolve] = [a.text for a in p.actions if a.code == "resolve_conflict"]
        assert "tissue NGS" in resolve and "6.0%" in resolve, policy
        [confirm] = [
            a.text for a in p.actions if a.code in ("confirm_tissue", "confirm_pathway_tissue")
        ]
        assert "6.0%" in confirm, policy


def test_in_a_visceral_crisis_an_adc_is_not_said_to_wait_on_lines_it_does_not_need() -> None:
    """Case 858 (MAJOR for its reviewer, practice-2026): in a visceral crisis, HER2-low, with
    no chemotherapy yet, trastuzumab deruxtecan's reason said 'the prior lines its trial
    required still do' hold it back, though its approval after endocrine therapy
    (DESTINY-Breast06) asks for none. Chemotherapy stays first in a crisis (rule 7; a recorded
    disagreement); the reason no longer names lines."""
    data = dict(
        _woman(
            "2026-08-30",
            her2="low",
            visceral_crisis=True,
            biomarkers=[result("ESR1", "mutated", tested_on="2026-08-20", variant="D538G")],
            treatments=[dict(PALBOCICLIB, drugs=["ribociclib", "letrozole"])],
        ),
        ecog=2,
    )
    p = _planned(data, "practice-2026")
    assert rank(p, "chemotherapy") == 1
    assert tier(p, "trastuzumab-deruxtecan") in ("preferred", "alternative")
    [said] = [
        r
        for r in option(p, "trastuzumab-deruxtecan").reasons
        if r.code == "visceral_crisis_not_first"
    ]
    assert "lines" not in said.text


def test_ribociclib_stopped_for_qt_prolongation_comes_after_the_other_cdk46_inhibitors() -> None:
    """Case 865 (MAJOR, ye2024): after ribociclib was stopped for QT prolongation, then
    palbociclib + letrozole progressed, ribociclib + fulvestrant ranked above both abemaciclib
    regimens, though its reason said another CDK4/6 inhibitor comes first, and ribociclib's
    label says to avoid it where QTc prolongation is a significant risk. It now goes after
    every option without such a risk (a relative contraindication), and says why; it stays a
    later option, as case 328 asked, not left out: the label resumes it at a lower dose after a
    prolongation that resolves."""
    data = _woman(
        "2026-09-28",
        biomarkers=[result(g, "not_detected", tested_on="2026-09-10") for g in ("ESR1", "PIK3CA")],
        treatments=[
            dict(
                PALBOCICLIB,
                drugs=["ribociclib", "letrozole"],
                started_on="2024-11-01",
                ended_on="2025-01-05",
                stop_reason="toxicity",
                toxicity="qt prolongation",
            ),
            dict(PALBOCICLIB, started_on="2025-01-20", ended_on="2026-08-25"),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        assert rank(p, "abemaciclib+fulvestrant") < rank(p, "ribociclib+fulvestrant"), policy
        assert tier(p, "ribociclib+fulvestrant") == "later", policy
        said = " ".join(r.text for r in option(p, "ribociclib+fulvestrant").reasons)
        assert "QT prolongation" in said and "ECG" in said, policy


def test_in_postmonarchs_population_abemaciclib_fulvestrant_stands_beside_chemotherapy() -> None:
    """Case 870 (MAJOR, practice-2026): nothing actionable after 11 months of first-line
    palbociclib + letrozole: abemaciclib + fulvestrant, in postMONARCH's population (phase
    III), stood 'later' below ribociclib + fulvestrant (MAINTAIN, phase II, an alternative by
    rule 6's switch) and below two ADCs outside their trials' lines. Under practice-2026 rule 6
    treats it as it treats MAINTAIN's switch: at best an alternative beside chemotherapy."""
    negative = [
        result(g, "not_detected", sample="tissue", tested_on="2026-03-20")
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    data = _woman(
        "2026-04-04",
        biomarkers=negative,
        treatments=[dict(PALBOCICLIB, started_on="2025-04-01", ended_on="2026-03-05")],
    )
    p = _planned(data, "practice-2026")
    # since session 66 eleven months read as endocrine-sensitive: rule 32 puts it first (7428b)
    assert p.options[0].regimen.id == "abemaciclib+fulvestrant"
    for adc in ("sacituzumab-govitecan", "datopotamab-deruxtecan"):
        assert rank(p, "abemaciclib+fulvestrant") < rank(p, adc), adc
    [said] = [r for r in option(p, "abemaciclib+fulvestrant").reasons if r.rule == 32]
    assert "postMONARCH" in said.trials
    # under 6 months (a short course) it stands beside chemotherapy, as MAINTAIN's switch
    short = dict(
        data, treatments=[dict(PALBOCICLIB, started_on="2025-10-10", ended_on="2026-03-05")]
    )
    assert rank(_planned(short, "practice-2026"), "chemotherapy") == 1
    # outside postMONARCH's population (another line since, capecitabine), as before
    capecitabine = dict(
        PALBOCICLIB, drugs=["capecitabine"], line=2, started_on="2026-03-10", ended_on="2026-03-30"
    )
    retested = [dict(b, tested_on="2026-04-01") for b in negative]
    beyond = _planned(
        dict(data, biomarkers=retested, treatments=[*data["treatments"], capecitabine]),
        "practice-2026",
    )
    [said] = [r for r in option(beyond, "abemaciclib+fulvestrant").reasons if r.rule == 6]
    assert said.code == "no_actionable_alteration_endocrine"
    # the review alone has no postMONARCH: under ye2024 rule 6 weighs it as any endocrine line
    review = _planned(data, "ye2024")
    [said] = [r for r in option(review, "abemaciclib+fulvestrant").reasons if r.rule == 6]
    assert said.code == "no_actionable_alteration_endocrine"


def test_after_relapse_on_an_adjuvant_aromatase_inhibitor_a_cdk46_inhibitor_with_exemestane_says_it_has_no_trial() -> (
    None
):
    """Case 880 (MAJOR, both policies): adjuvant ribociclib + letrozole completed, relapse on
    adjuvant letrozole 30 months later, nothing for metastatic disease: the letrozole
    combinations were left out (the first-line trials enrolled no aromatase-inhibitor-resistant
    disease), but ribociclib + exemestane stood with 'no rule moved it', citing those trials.
    It is now at best a later option, saying that no trial gave it then."""
    data = _woman(
        "2026-08-08",
        biomarkers=[
            result(g, "not_detected", sample="tissue", tested_on="2026-07-20")
            for g in ("ESR1", "PIK3CA")
        ],
        treatments=[
            adjuvant(["ribociclib", "letrozole"], "2021-01-10", "2024-01-10"),
            adjuvant(["letrozole"], "2024-01-10", "2026-07-01", "progression"),
        ],
    )
    for policy in ("ye2024", "practice-2026"):
        p = _planned(data, policy)
        assert tier(p, "ribociclib+exemestane") == "later", policy
        [said] = [r for r in option(p, "ribociclib+exemestane").reasons if r.rule == 19]
        assert said.code == "cdk46i_steroidal_ai_after_ai_resistance", policy
        assert rank(p, "ribociclib+exemestane") > rank(p, "ribociclib+fulvestrant"), policy
