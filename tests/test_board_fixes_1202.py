"""Scenario tests for the findings of the blind reviews from case 1202 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: a recheck of session 44's fixes
(1202-1206), frail and older patients (1207-1211), fast progression (1212-1216), special
populations (1217-1221), many lines (1222-1226), molecular records as a clinic keeps them
(1227-1231), what the last drugs did (1232-1236) and adverse-event figures (1237-1241)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, result, unread
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

_PAM = ("PIK3CA", "AKT1", "PTEN")


def _esr1_and_pik3ca_after_ten_months(**kw: Any) -> dict[str, Any]:
    """Case 1208's variant: ESR1 Y537S in ctDNA and PIK3CA H1047R in tissue after ten months
    of ribociclib + letrozole; HER2 0."""
    return _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-03", variant="Y537S"),
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R", sample="tissue"),
            *(result(g, "not_detected", tested_on="2026-11-10", sample="tissue") for g in _PAM[1:]),
        ],
        _course(["ribociclib", "letrozole"], "2026-01-01", "2026-10-15", "progression", line=1),
        her2="0",
        **kw,
    )


_AFTER_THE_PATHWAY = "pathway_inhibitor_first_under_12_months"


@pytest.mark.parametrize(
    ("why", "kw"),
    [
        ("insulin", {"comorbidities": [{"name": "diabetes", "insulin": True}]}),
        ("ecog 3", {"ecog": 3}),
    ],
)
def test_an_oral_serd_is_not_put_after_a_pathway_inhibitor_the_plan_holds_back(
    why: str, kw: dict[str, Any]
) -> None:
    """Case 1208 (MAJOR, practice-2026): ESR1 and PIK3CA mutations under 12 months on a CDK4/6
    inhibitor, with diabetes needing insulin (capivasertib outside CAPItello-291, alpelisib
    left out) or at ECOG 3 (the pathway inhibitor after the least toxic options): every oral
    SERD said 'at best an alternative, after the PI3K/AKT-pathway inhibitor', which the same
    plan ranked far below, and nothing was preferred. Where the pathway inhibitor is held
    back, the oral SERD is not put after it; without that, it still is."""
    plan = _planned(_esr1_and_pik3ca_after_ten_months(**kw), "practice-2026")
    elacestrant = option(plan, "elacestrant")
    assert _AFTER_THE_PATHWAY not in {r.code for r in elacestrant.reasons}, why
    assert plan.options[0].regimen.id in {"elacestrant", "imlunestrant", "vepdegestrant"}
    if why == "insulin":
        assert plan.options[0].tier is resistx.Tier.PREFERRED
    usable = _planned(_esr1_and_pik3ca_after_ten_months(), "practice-2026")
    assert _AFTER_THE_PATHWAY in {r.code for r in option(usable, "elacestrant").reasons}


def _germline_brca2_with(comorbidities: list[Any]) -> dict[str, Any]:
    """Case 1204: germline BRCA2 (blood), BRCA1 and PALB2 never tested, the pathway and ESR1
    negative on tissue, after 32 months of ribociclib + letrozole."""
    return _woman(
        "2026-11-30",
        [
            result("BRCA2", "mutated", origin="germline", sample="blood", tested_on="2016-05-02"),
            *(
                result(g, "not_detected", tested_on="2026-11-16", sample="tissue")
                for g in ("ESR1", *_PAM)
            ),
        ],
        _course(["ribociclib", "letrozole"], "2023-11-01", "2026-11-01", "progression", line=1),
        her2="low",
        comorbidities=comorbidities,
    )


def test_with_a_myelodysplastic_syndrome_no_test_is_said_to_open_a_parp_inhibitor() -> None:
    """Case 1204 (MAJOR, both policies): a germline BRCA2 carrier with therapy-related MDS had
    the PARP inhibitors left out (rule 112), and an action still said 'Test BRCA1, PALB2 ...
    opens a PARP inhibitor. A germline BRCA2 mutation is already known and opens a PARP
    inhibitor', before choosing under practice-2026. With MDS no test opens one: the action
    is not asked for that (as after progression on a PARP inhibitor); genetic counselling
    for the family stays."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_germline_brca2_with(["myelodysplastic_syndrome"]), policy)
        assert all(e.regimen.id not in {o.regimen.id for o in plan.options} for e in plan.excluded)
        assert not [a for a in plan.actions if "opens a PARP inhibitor" in a.text], policy
        assert "genetic_counselling" in {a.code for a in plan.actions}
        without = _planned(_germline_brca2_with([]), policy)
        assert [a for a in without.actions if a.code == "test_hrd_genes"]


def test_a_severe_cytopenia_asks_its_cause_before_choosing_and_what_marrow_infiltration_means() -> (
    None
):
    """Case 1203b (MAJOR, both policies): grade 4 thrombocytopenia from diffuse marrow
    infiltration, ESR1-mutated disease after 4.9 months of palbociclib + letrozole: rule 111
    put chemotherapy after elacestrant and fulvestrant, whose own reasons said chemotherapy
    comes first, and nothing asked the cause of the low counts. A grade 3-4 cytopenia asks,
    before choosing, for its cause (a blood film; the marrow where infiltration is suspected),
    and says that a marrow failing from the cancer is organ dysfunction to be recorded as a
    visceral crisis, which puts chemotherapy first (rule 7). Once a crisis is recorded the
    question is not asked again."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-10", variant="D538G"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM),
        ],
        _course(["palbociclib", "letrozole"], "2026-05-01", "2026-09-28", "progression", line=1),
        her2="low",
        comorbidities=[{"name": "thrombocytopenia", "grade": 4}],
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        [ask] = [a for a in plan.actions if a.code == "cytopenia_cause"]
        assert ask.before_choosing and ask.rule == 113
        assert "marrow" in ask.text and "visceral_crisis" in ask.text
        crisis = _planned({**data, "visceral_crisis": True}, policy)
        assert crisis.options[0].regimen.id == "chemotherapy"
        assert "cytopenia_cause" not in {a.code for a in crisis.actions}
    data["comorbidities"] = [{"name": "thrombocytopenia", "grade": 2}]
    assert "cytopenia_cause" not in {a.code for a in _planned(data).actions}


@pytest.mark.parametrize("stop", ["patient_choice", "toxicity"])
def test_a_course_stopped_without_progression_is_not_to_be_given_a_later_progression(
    stop: str,
) -> None:
    """Case 1221 (MAJOR, both policies): ribociclib + letrozole + goserelin stopped by choice in
    deep response to become pregnant, progression 16 months later off treatment. The action
    said 'restage and record whether the disease has progressed ... change if it did': the
    only place to record it was the course's stop reason, which read the disease as resistant
    to ribociclib and put chemotherapy first. The action says a progression after the course
    ended is not progression on it, and is not to be recorded as its stop reason. After a
    stop for toxicity (cases 1233, 1235), stable disease also asks whether to give the drug
    again once the event has resolved."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole", "goserelin"], "2023-06-01", "2024-10-01", stop, line=1),
        menopausal_status="premenopausal",
        her2="0",
    )
    if stop == "toxicity":
        data["treatments"][0]["toxicity"] = "neutropenia"
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        [ask] = [a for a in plan.actions if a.code == "document_progression"]
        assert ask.before_choosing
        assert "one found after control off treatment is not" in ask.text
        assert "not to be recorded as the course's stop reason" in ask.text
        assert ("once the adverse event has resolved" in ask.text) is (stop == "toxicity")


def _relapse_after_adjuvant_abemaciclib(comorbidities: list[Any]) -> dict[str, Any]:
    """Case 1238: adjuvant abemaciclib + letrozole completed, relapse on letrozole 31 months
    later; PIK3CA H1047R on tissue, ESR1 not detected, HER2 2+ with a negative ISH."""
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-10-20", variant="H1047R", sample="tissue"),
            *(result(g, "not_detected", tested_on="2026-10-20") for g in ("ESR1", *_PAM[1:])),
        ],
        _course(["abemaciclib", "letrozole"], "2022-03-01", "2024-03-01", "completed"),
        _course(["letrozole"], "2024-03-01", "2026-10-10", "progression"),
        her2="low",
        comorbidities=comorbidities,
    )


def test_with_inflammatory_bowel_disease_abemaciclib_comes_after_the_other_cdk46_inhibitors() -> (
    None
):
    """Case 1238 (MAJOR, both policies): with ulcerative colitis on record, abemaciclib +
    fulvestrant led the plan 'preferred', its caution saying abemaciclib commonly causes
    diarrhoea, ahead of palbociclib and ribociclib + fulvestrant of the same scores, by the
    regimen ids' order alone. Diarrhoea is abemaciclib's most common adverse reaction (its
    label): with inflammatory bowel disease it is a relative contraindication, after every
    option without such a risk; without the colitis it leads as before."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_relapse_after_adjuvant_abemaciclib(["ulcerative colitis"]), policy)
        abemaciclib = option(plan, "abemaciclib+fulvestrant")
        assert "relative_contraindication" in {r.code for r in abemaciclib.reasons}
        assert abemaciclib.rank > option(plan, "palbociclib+fulvestrant").rank
        assert abemaciclib.rank > option(plan, "ribociclib+fulvestrant").rank
        usual = _planned(_relapse_after_adjuvant_abemaciclib([]), policy)
        assert usual.options[0].regimen.id == "abemaciclib+fulvestrant", policy


def _tdxd_paused_for_ild(grade: int | None) -> dict[str, Any]:
    """Case 1233: ribociclib + anastrozole, capecitabine, then trastuzumab deruxtecan with a
    partial response, stopped for interstitial lung disease (``grade``); HER2 1+."""
    ild: dict[str, Any] = {"name": "interstitial_lung_disease"}
    if grade is not None:
        ild["grade"] = grade
    if grade == 1:  # it resolved, which the label asks before giving it again (7905c)
        ild["resolved"] = True
    tdxd = _course(["trastuzumab deruxtecan"], "2026-01-05", "2026-10-20", "toxicity", line=3)
    tdxd["toxicity"] = "interstitial lung disease"
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-10-25") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "anastrozole"], "2023-02-01", "2024-12-15", "progression", line=1),
        _course(["capecitabine"], "2025-01-10", "2025-12-20", "progression", line=2),
        tdxd,
        her2="low",
        comorbidities=[ild],
    )


def test_trastuzumab_deruxtecan_stopped_for_a_grade_1_ild_can_be_given_again_as_its_label_allows() -> (
    None
):
    """Case 1233 (MAJOR, both policies): trastuzumab deruxtecan, working, paused for a grade 1
    (radiological only) ILD that resolved on steroids in 23 days, was left out as
    contraindicated, though the exclusion itself said the label allows it again after a grade
    1 that resolved fully; the grade could not be recorded. An ILD takes its CTCAE grade: at
    grade 1 the drug it stopped stays an option with the label's terms, and (its recheck,
    1246) rule 61 does not put it later, the label resuming it: a working drug leads again; at
    grade 2 or an unknown grade it is left out, and the exclusion says what a recorded grade 1
    would change."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_tdxd_paused_for_ild(1), policy)
        tdxd = option(plan, "trastuzumab-deruxtecan")
        assert "same_drug_after_toxicity" not in {r.code for r in tdxd.reasons}
        assert tdxd.rank == 1 and tdxd.tier is resistx.Tier.PREFERRED, policy
        [caution] = [c for c in tdxd.cautions if c.code == "interstitial_lung_disease_caution"]
        assert "grade 0" in caution.text and "one dose level lower" in caution.text
        if policy == "practice-2026":  # its sister ADC is no riskier: the grade 1's terms (7213b)
            dato = option(plan, "datopotamab-deruxtecan")
            assert dato.tier is not resistx.Tier.PREFERRED
            assert "lung_disease_grade_1" in {r.code for r in dato.reasons}
        for grade in (2, None):
            left = _planned(_tdxd_paused_for_ild(grade), policy)
            assert left.option("trastuzumab-deruxtecan") is None
            if grade is None:
                why = left.exclusion("trastuzumab-deruxtecan")
                assert why is not None
                assert any("record its grade" in r.text for r in why.reasons)


def _er_low(receptor: str) -> dict[str, Any]:
    """Case 1218: ER 2% on a new liver biopsy (``receptor``), PR 0, HER2 0, new liver
    metastases after 14.5 months of first-line ribociclib + letrozole, ESR1 and the PI3K
    pathway not detected on ctDNA."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-05") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2025-08-01", "2026-10-15", "progression", line=1),
        her2="0",
        hormone_receptor=receptor,
    )


def test_er_low_disease_puts_chemotherapy_and_the_adcs_before_every_endocrine_option() -> None:
    """Case 1218 (MAJOR, practice-2026): an ER-low tumour (1-10% of cells) could only be recorded
    as positive, and rule 32 put abemaciclib + fulvestrant first as endocrine-sensitive disease
    and chemotherapy later. ER-low disease is hormone_receptor 'low': its endocrine benefit is
    unproven and it behaves close to ER-negative disease (ASCO/CAP 2020), so every option with an
    endocrine drug comes after chemotherapy and the ADCs, saying why, and rule 32 is silent."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_er_low("low"), policy)
        first = plan.options[0]
        assert first.regimen.id in {"chemotherapy", "sacituzumab-govitecan"}, policy
        codes = {o.regimen.id: {r.code for r in o.reasons} for o in plan.options}
        endocrine = [o for o in plan.options if "er_low_endocrine_later" in codes[o.regimen.id]]
        assert endocrine and option(plan, "fulvestrant") in endocrine
        assert all(o.tier is not resistx.Tier.PREFERRED for o in endocrine)
        assert not [c for cs in codes.values() for c in cs if c.startswith("endocrine_sensitive")]
    usual = _planned(_er_low("positive"), "practice-2026")
    assert usual.options[0].regimen.id != "chemotherapy"
    for word in ("ER-low", "er_low"):
        [(path, message)] = _refused(_er_low(word))
        assert path == "$.hormone_receptor" and "hormone_receptor low" in message


def _refused(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return list(caught.value.problems)


def test_everolimus_after_alpelisib_stopped_for_hyperglycaemia_carries_that_history() -> None:
    """Case 1232 (MINOR, both policies): alpelisib + fulvestrant stopped for hyperglycaemia
    needing insulin; every PI3K and AKT inhibitor named that history, but the everolimus
    regimens only said to check glucose. Everolimus's label warns of hyperglycaemia too: its
    regimens name the earlier stop in a caution (without stepping back: no trial or label
    puts it later for that)."""
    alpelisib = _course(["alpelisib", "fulvestrant"], "2024-10-01", "2024-11-12", "toxicity")
    alpelisib["toxicity"] = "hyperglycemia"
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R"),
            result("ESR1", "mutated", tested_on="2026-11-10", variant="D538G"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM[1:]),
        ],
        _course(["palbociclib", "letrozole"], "2022-04-01", "2024-09-15", "progression"),
        alpelisib,
        _course(["fulvestrant"], "2024-11-12", "2026-11-01", "progression"),
        her2="0",
    )
    for policy in ("ye2024", "practice-2026"):
        everolimus = option(_planned(data, policy), "everolimus+exemestane")
        [said] = [
            c for c in everolimus.cautions if c.code == "pathway_inhibitor_after_hyperglycaemia"
        ]
        assert "alpelisib" in said.text and "everolimus" in said.text
        codes = {r.code for r in everolimus.reasons}
        assert "pathway_inhibitor_after_hyperglycaemia" not in codes


def test_elacestrants_pik3ca_figure_is_said_to_be_of_its_12_month_subgroup() -> None:
    """Case 1223 (MINOR, practice-2026): 'Its PIK3CA-mutated patients, as this patient is:
    median PFS 5.5 vs 1.9 months' read as EMERALD's PIK3CA-mutated patients; the figure is of
    the ESR1-mutated patients with 12 months or more on a CDK4/6 inhibitor only
    (update-2026.md section 11), and the reason says so."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S"),
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM[1:]),
        ],
        _course(["ribociclib", "anastrozole"], "2023-06-01", "2026-10-20", "progression"),
        her2="0",
    )
    elacestrant = option(_planned(data, "practice-2026"), "elacestrant")
    [why] = [r.text for r in elacestrant.reasons if r.code == "approved_oral_serd_for_esr1"]
    assert "Within that subgroup, its PIK3CA-mutated patients, as this patient is" in why


def _on_a_cyp3a_drug(medications: list[str]) -> dict[str, Any]:
    """Case 1210: 81 years old, nothing actionable, HER2 0, germline BRCA negative, after 38
    months of palbociclib + letrozole; ``medications`` as the clinic lists them."""
    germline = {"origin": "germline", "sample": "blood", "tested_on": "2024-02-01"}
    return _woman(
        "2026-11-30",
        [
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)),
            *(result(g, "not_detected", **germline) for g in ("BRCA1", "BRCA2", "PALB2")),
        ],
        _course(["palbociclib", "letrozole"], "2023-08-01", "2026-10-20", "progression"),
        her2="0",
        medications=medications,
    )


def test_a_strong_cyp3a_inhibitor_on_record_puts_the_drugs_it_interacts_with_later() -> None:
    """Case 1210 (MAJOR, both policies): a patient on itraconazole that cannot stop had
    ribociclib + fulvestrant and abemaciclib + fulvestrant first, whose labels advise against a
    strong CYP3A inhibitor; no field could say she takes it. A profile lists its medications:
    a strong CYP3A inhibitor or inducer among them makes each drug whose label advises against
    it a relative contraindication, with a caution naming both; fulvestrant, free of it, leads.
    A medication resistx does not read is repeated under 'not assessed', never dropped."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_on_a_cyp3a_drug(["itraconazole 200 mg twice daily", "amlodipine"]), policy)
        ribociclib = option(plan, "ribociclib+fulvestrant")
        assert "cyp3a_interaction_later" in {r.code for r in ribociclib.reasons}
        [said] = [c for c in ribociclib.cautions if c.code == "cyp3a_interaction"]
        assert "Itraconazole" in said.text and "ribociclib" in said.text
        assert ribociclib.rank > option(plan, "fulvestrant").rank
        assert any("amlodipine" in n for n in plan.not_assessed)
        assert not [n for n in unread(plan) if "itraconazole" in n]
        without = _planned(_on_a_cyp3a_drug([]), policy)
        assert "cyp3a_interaction_later" not in {r.code for o in without.options for r in o.reasons}
    rifampicin = _planned(_on_a_cyp3a_drug(["Rifampicin"]))
    assert "cyp3a_interaction_later" in {
        r.code for r in option(rifampicin, "abemaciclib+fulvestrant").reasons
    }


def _er_low_with(*found: dict[str, Any], her2: str = "0") -> dict[str, Any]:
    """Case 1247b/c: ER-low, after 24 months of ribociclib + letrozole, with ``found``; the
    rest of ESR1 and the PI3K pathway not detected on ctDNA (8% tumour fraction)."""
    genes = {r["gene"] for r in found}
    rest = [
        result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM) if g not in genes
    ]
    return _woman(
        "2026-11-30",
        [*found, *rest],
        _course(["ribociclib", "letrozole"], "2024-10-01", "2026-10-15", "progression", line=1),
        her2=her2,
        hormone_receptor="low",
    )


def test_er_low_disease_with_an_esr1_or_pathway_finding_prefers_chemotherapy_or_an_adc() -> None:
    """Recheck of case 1218 (1247b, 1247c; MAJOR, both policies): with ER-low disease and an ESR1
    or PIK3CA mutation, every option was 'later' (chemotherapy first, 'No rule moved it'), and
    trastuzumab deruxtecan said the targeted endocrine line 'comes first' though rule 114 put it
    sixth. Chemotherapy and the ADCs lead ER-low disease whatever target is found: the first
    option is preferred, and no reason puts an endocrine line before trastuzumab deruxtecan."""
    esr1 = result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S")
    pik3ca = result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R")
    for found, her2 in (((esr1, pik3ca), "0"), ((pik3ca,), "low")):
        for policy in ("ye2024", "practice-2026"):
            plan = _planned(_er_low_with(*found, her2=her2), policy)
            first = plan.options[0]
            assert first.tier is resistx.Tier.PREFERRED, (policy, her2)
            assert first.regimen.id in {"chemotherapy", "trastuzumab-deruxtecan"}
            codes = {r.code for o in plan.options for r in o.reasons}
            assert "endocrine_target_before_tdxd" not in codes


def test_er_low_disease_asks_no_test_of_endocrine_targets_before_choosing() -> None:
    """Recheck of case 1218 (1247, 1248; MAJOR, both policies): with ER-low disease and ESR1 and
    the pathway negative on ctDNA only, a tissue biopsy was asked 'before the plan turns to
    chemotherapy' because 'an ESR1 mutation would open an oral SERD ... before chemotherapy':
    false, rule 114 puts those after chemotherapy. The confirmation is for a later line."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_er_low("low"), policy)
        [tissue] = [a for a in plan.actions if a.code == "confirm_tissue"]
        assert not tissue.before_choosing and "ER-low" in tissue.text
        assert "before chemotherapy" not in tissue.text


def test_with_mds_the_tissue_confirmation_says_no_parp_inhibitor_is_opened() -> None:
    """Recheck of case 1204 (1243; MAJOR, both policies): with MDS on record and the pathway
    negative on ctDNA only, rule 15's action said 'the germline BRCA2 mutation on record opens a
    PARP inhibitor', the PARP inhibitors being left out (rule 112)."""
    data = _germline_brca2_with(["myelodysplastic_syndrome"])
    for r in data["biomarkers"][1:]:
        r.update(sample="ctdna", tumour_fraction=0.09)
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        assert [a for a in plan.actions if a.code == "confirm_tissue"]
        assert not [a for a in plan.actions if "opens a PARP inhibitor" in a.text], policy


@pytest.mark.parametrize(
    "name", ["UC", "ulcerative colitis in remission", "Crohn's disease (quiescent)"]
)
def test_a_comorbidity_named_with_a_qualifier_is_met_with_the_name_to_record(name: str) -> None:
    """The recheck of case 1238 (1250d, MAJOR): 'UC' and 'ulcerative colitis in remission'
    were refused with 'free text goes in other_conditions', and following that advice lost rule
    12's abemaciclib step. A name that holds a comorbidity resistx reads is met with it."""
    data = _relapse_after_adjuvant_abemaciclib([name])
    [(path, message)] = _refused(data)
    assert path == "$.comorbidities[0]"
    assert "did you mean inflammatory_bowel_disease" in message


def test_a_pathway_negative_of_unknown_assay_does_not_make_capivasertib_preferred() -> None:
    """Case 1257's variant (MAJOR, practice-2026): ESR1 and the PI3K pathway negative on ctDNA
    with no assay on record (as mCODE without a method, or any phenopacket, converts them), a
    somatic TP53 mutation in the same draw, after 12 months of ribociclib: capivasertib +
    fulvestrant was first and preferred, its reason 'no AKT-pathway alteration on record'.
    ASCO recommends it for altered tumours, found by NGS: with the assay unknown, it waits on
    an NGS result of the pathway, as after a PCR negative."""
    negatives = [
        {k: v for k, v in result(g, "not_detected", tested_on="2026-11-10").items() if k != "assay"}
        for g in ("ESR1", *_PAM)
    ]
    tp53 = result("TP53", "mutated", tested_on="2026-11-10", variant="R248Q")
    data = _woman(
        "2026-11-30",
        [*negatives, tp53],
        _course(["ribociclib", "letrozole"], "2025-10-20", "2026-10-28", "progression"),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    capivasertib = option(plan, "capivasertib+fulvestrant")
    assert capivasertib.waits_on and capivasertib.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id != "capivasertib+fulvestrant"


def test_an_esr1_test_after_years_on_an_aromatase_inhibitor_comes_before_choosing() -> None:
    """Case 1245 (MAJOR, both policies): ribociclib + letrozole stopped by choice after 38
    months, the only ESR1 result a tissue negative from before any aromatase inhibitor. The
    ctDNA ESR1 test was 'Also to do' ('with no progression on a CDK4/6 inhibitor on record, a
    CDK4/6 inhibitor with endocrine therapy comes first'), yet an ESR1 mutation would move the
    CDK4/6 inhibitor from letrozole to fulvestrant. After an aromatase inhibitor the test comes
    before choosing (since case 1442 as a retest: a negative taken before 38 months of
    letrozole is not current)."""
    tissue = {"sample": "tissue", "tested_on": "2023-02-01"}
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", **tissue) for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2023-03-01", "2026-05-01", "patient_choice", line=1),
        her2="0",
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        [esr1] = [a for a in plan.actions if "ESR1" in a.genes]
        assert esr1.code in {"esr1_ctdna", "retest"} and esr1.before_choosing, policy
        assert "comes first" not in esr1.text


def test_after_a_grade_2_ild_the_first_action_does_not_ask_to_give_trastuzumab_deruxtecan_again() -> (
    None
):
    """Case 1263b (MAJOR, both policies): trastuzumab deruxtecan stopped for a grade 2
    pneumonitis, rightly left out ('its label stops it for good'), while rule 50's first action
    asked 'whether to give it again once the adverse event has resolved'. After an ILD that is
    not a recorded grade 0-1 the action says the label stops it for good."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_tdxd_paused_for_ild(2), policy)
        [ask] = [a for a in plan.actions if a.code == "document_progression"]
        assert "give it again" not in ask.text and "stops it for good" in ask.text
        resumed = _planned(_tdxd_paused_for_ild(1), policy)
        [ask] = [a for a in resumed.actions if a.code == "document_progression"]
        assert "give it again once the adverse event has resolved" in ask.text


def test_uc_within_a_longer_name_is_met_with_inflammatory_bowel_disease() -> None:
    """Case 1266 (MINOR): 'UC in remission' got no suggestion where 'UC' alone did."""
    [(_path, message)] = _refused(_relapse_after_adjuvant_abemaciclib(["UC in remission"]))
    assert "did you mean inflammatory_bowel_disease" in message


@pytest.mark.parametrize(
    "entry", ["Sporanox 200mg BD", "Klacid 500 mg bd", "Rifadin", "Tegretol", "St Johns wort"]
)
def test_a_brand_name_of_a_strong_cyp3a_drug_is_read(entry: str) -> None:
    """Case 1267 (MAJOR): 'Sporanox 200mg BD' (itraconazole), Klacid, Rifadin, Tegretol and
    'St Johns wort' were repeated as medications resistx does not read, and the plan was that of
    a patient on no interacting drug. Brand names and common spellings are read."""
    plan = _planned(_on_a_cyp3a_drug([entry]))
    later = {r.code for o in plan.options for r in o.reasons}
    assert "cyp3a_interaction_later" in later, entry
    assert not [n for n in unread(plan) if entry in n]


@pytest.mark.parametrize(
    "entry",
    [
        "no clarithromycin (allergy)",
        "clarithromycin 500 mg bd (stopped 2026-11-20)",
        "previously on itraconazole, stopped 2025",
    ],
)
def test_a_medication_said_not_to_be_taken_is_not_read_as_current(entry: str) -> None:
    """Case 1268 (MAJOR): 'no clarithromycin (allergy)', '... (stopped ...)' and 'previously
    on itraconazole' were read as a strong CYP3A inhibitor taken now, and the plan said so.
    An entry that says the drug is not taken now is repeated as not read, never weighed."""
    plan = _planned(_on_a_cyp3a_drug([entry]))
    assert "cyp3a_interaction_later" not in {r.code for o in plan.options for r in o.reasons}
    assert any(entry in n for n in plan.not_assessed)


def test_a_strong_cyp3a_drug_asks_before_choosing_whether_it_can_be_changed() -> None:
    """Cases 1268 and 1270 (MAJOR): a week of clarithromycin, or St John's wort, put
    capivasertib + fulvestrant below chemotherapy, and nothing asked whether the interacting
    drug could be stopped or changed, on which rule 115's order rests. An action asks it before
    choosing. The newer drugs whose interactions the sources do not give say so (case 1270:
    vepdegestrant and imlunestrant led in silence beside elacestrant's caution)."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_on_a_cyp3a_drug(["clarithromycin 500 mg twice daily for 7 days"]), policy)
        [ask] = [a for a in plan.actions if a.code == "cyp3a_change"]
        assert ask.before_choosing and "Clarithromycin" in ask.text
    practice = _planned(_on_a_cyp3a_drug(["St John's wort"]), "practice-2026")
    newer = [
        o
        for o in practice.options
        if {"camizestrant", "inavolisib", "gedatolisib", "sacituzumab govitecan"}
        & set(o.regimen.drugs)
    ]
    assert newer
    for o in newer:
        assert [c for c in o.cautions if c.code == "cyp3a_interaction_unknown"], o.regimen.id
    # abemaciclib's label lowers its dose with a strong inhibitor other than ketoconazole
    itraconazole = _planned(_on_a_cyp3a_drug(["itraconazole"]), "practice-2026")
    abemaciclib = option(itraconazole, "abemaciclib+fulvestrant")
    assert "cyp3a_interaction_later" not in {r.code for r in abemaciclib.reasons}
    assert [c for c in abemaciclib.cautions if c.code == "cyp3a_interaction"]


@pytest.mark.parametrize("said", ["not amplified", "non-amplified", "Not Amplified", "amplified"])
def test_an_ish_written_as_amplification_is_met_with_its_value(said: str) -> None:
    """Case 1281 (MINOR): an ISH written 'not amplified' got only the allowed values, no hint."""
    data = _relapse_after_adjuvant_abemaciclib([])
    del data["her2"]
    data["her2_tests"] = [
        {"score": "2+", "ish": said, "sample": "tissue", "tested_on": "2026-10-20"}
    ]
    problems = dict(_refused(data))
    meant = "positive" if said == "amplified" else "negative"
    assert f"did you mean {meant}?" in problems["$.her2_tests[0].ish"]


@pytest.mark.parametrize(
    "entry",
    [
        "Paxlovid - declined by patient",
        "Paxlovid refused",
        "rifampicin - course completed 2026-08-15",
        "ketoconazole 2% shampoo twice weekly",
        "ketoconazole cream topically",
    ],
)
def test_a_declined_completed_or_topical_entry_is_not_read_as_a_systemic_drug_taken_now(
    entry: str,
) -> None:
    """The medications' second recheck (1285, 1286; MAJOR): a declined, refused or completed
    drug was read as taken now, and ketoconazole shampoo as the systemic strong inhibitor,
    putting capivasertib below chemotherapy. Such an entry is repeated, never weighed."""
    plan = _planned(_on_a_cyp3a_drug([entry]))
    assert "cyp3a_interaction_later" not in {r.code for o in plan.options for r in o.reasons}
    assert any(entry in n for n in plan.not_assessed)


def test_er_low_beside_signs_of_oestrogen_dependence_asks_to_reassess_er_before_choosing() -> None:
    """The rechecks of case 1218 (1247b, 1287, 1289; MAJOR in part): ER-low disease with an
    ESR1 mutation acquired under an aromatase inhibitor, or after 12 months or more on a CDK4/6
    inhibitor, went down the ER-low path without a word of what contradicts it. An action asks,
    before choosing, to re-assess ER on a current biopsy: an ER-positive result puts the
    endocrine options back (rule 114 reads the profile's ER)."""
    esr1 = result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S")
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_er_low_with(esr1), policy)
        [ask] = [a for a in plan.actions if a.code == "reassess_er"]
        assert ask.before_choosing and "ESR1" in ask.text and ask.rule == 117
    short = _er_low_with(esr1)
    short["treatments"][0]["started_on"] = "2026-05-01"
    short["biomarkers"][0]["status"] = "not_detected"
    del short["biomarkers"][0]["variant"]  # a negative names none (case 1921)
    assert "reassess_er" not in {a.code for a in _planned(short).actions}
    assert "reassess_er" not in {a.code for a in _planned(_er_low("positive")).actions}


def test_sacituzumab_govitecan_after_one_febrile_neutropenia_is_not_put_later() -> None:
    """Case 1235 (MAJOR, both policies): sacituzumab govitecan stopped after one febrile
    neutropenia, with stable disease, was 'at best a later option' by rule 61, and under
    practice-2026 datopotamab deruxtecan (no survival benefit) led. Its label's path after a
    first febrile neutropenia is a reduced dose with G-CSF: the drug keeps its place, with a
    caution saying so."""
    sg = _course(["sacituzumab govitecan"], "2026-09-01", "2026-09-22", "toxicity", line=4)
    sg["toxicity"] = "febrile neutropenia"
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-06-10") for g in ("ESR1", *_PAM)],
        _course(["palbociclib", "anastrozole"], "2022-01-01", "2024-01-10", "progression", line=1),
        _course(["capecitabine"], "2024-02-01", "2025-03-01", "progression", line=2),
        _course(["paclitaxel"], "2025-03-15", "2026-08-20", "progression", line=3),
        sg,
        her2="0",
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        option_ = option(plan, "sacituzumab-govitecan")
        # first all the same, datopotamab deruxtecan after it; since case 1790 an alternative,
        # not preferred, after a febrile neutropenia (weighed against that history)
        assert option_.rank == 1 and option_.tier is resistx.Tier.ALTERNATIVE, policy
        [said] = [c for c in option_.cautions if c.code == "stopped_for_toxicity_before"]
        assert "G-CSF" in said.text and "reduces the dose" in said.text
