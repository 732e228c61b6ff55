"""Scenario tests for the findings of the blind reviews from case 1052 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: frail patients with comorbidities
(1052-1056), late lines (1057-1061) and co-mutations (1062-1066)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import resistx
from tests.helpers import option, result
from tests.test_board_fixes_882 import POLICIES, _course, _planned
from tests.test_board_fixes_962 import _woman


def _pik3ca(found: bool, day: str, **kw: str) -> dict[str, Any]:
    """A PIK3CA result on ``day``: H1047R, or not detected."""
    if found:
        return result("PIK3CA", "mutated", tested_on=day, variant="H1047R", **kw)
    return result("PIK3CA", "not_detected", tested_on=day, **kw)


def _pik3ca_ribociclib_9_months(
    *, insulin: bool, pik3ca: bool = True, hba1c: float = 8.6
) -> dict[str, Any]:
    """Case 1054: 70, diabetes (HbA1c 8.6%), kidney impairment; ribociclib + fulvestrant as
    first line for 9 months to progression; a tumour PIK3CA H1047R (AKT1, PTEN not detected),
    ESR1 not detected in ctDNA; HER2-low; no chemotherapy for metastatic disease."""
    return _woman(
        "2026-11-30",
        [
            _pik3ca(pik3ca, "2026-11-04"),
            *(result(g, "not_detected", tested_on="2026-11-04") for g in ("AKT1", "PTEN")),
            result("ESR1", "not_detected", tested_on="2026-11-10", sample="ctdna"),
        ],
        _course(["ribociclib", "fulvestrant"], "2026-01-15", "2026-10-22", "progression", line=1),
        comorbidities=[
            {"name": "diabetes", "hba1c": hba1c, "insulin": insulin},
            "renal_impairment",
        ],
        her2="low",
    )


def test_a_pathway_mutation_insulin_treated_diabetes_leaves_untreatable_does_not_hold_back_trastuzumab_deruxtecan() -> (
    None
):
    """Case 1054 (MAJOR, practice-2026): rule 58 held trastuzumab deruxtecan behind 'that
    endocrine-based line' for a PIK3CA mutation whose drugs the same plan rules out (alpelisib
    for insulin-treated diabetes, capivasertib outside CAPItello-291): chemotherapy came first,
    where without the mutation trastuzumab deruxtecan leads. A target no drug can act on holds
    nothing back."""
    plan = _planned(_pik3ca_ribociclib_9_months(insulin=True), "practice-2026")
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert not [r for r in tdxd.reasons if r.code == "endocrine_target_before_tdxd"]
    wild = _planned(_pik3ca_ribociclib_9_months(insulin=True, pik3ca=False), "practice-2026")
    assert (tdxd.rank, tdxd.tier) == (
        option(wild, "trastuzumab-deruxtecan").rank,
        option(wild, "trastuzumab-deruxtecan").tier,
    )
    # a PIK3CA mutation whose drugs can be given still puts its targeted line first (glucose in
    # range: above 8.0% the line waits on glucose control and holds nothing back, case 7792)
    usable = _planned(_pik3ca_ribociclib_9_months(insulin=False, hba1c=7.6), "practice-2026")
    held = option(usable, "trastuzumab-deruxtecan")
    assert [r for r in held.reasons if r.code == "endocrine_target_before_tdxd"]


_TISSUE = {"sample": "tissue", "assay": "ngs"}


def test_a_tissue_pten_loss_after_a_ctdna_negative_names_both_results() -> None:
    """Case 1066 (MINOR, both policies): a ctDNA 'not detected' on 8 November and a tissue PTEN
    homozygous deletion on 10 November disagree, and the plan named no disagreement (rule 21
    named a negative only when it came after the positive). PTEN alterations are stable: the
    earlier plasma negative missed the loss (plasma reads deletions poorly), and the note says
    which result is kept. An ESR1 mutation after an earlier negative is acquired, not a
    disagreement."""
    data = _woman(
        "2026-11-30",
        [
            result("PTEN", "not_detected", tested_on="2026-11-08", sample="ctdna"),
            result("ESR1", "not_detected", tested_on="2026-11-08", sample="ctdna"),
            result(
                "PTEN", "loss", tested_on="2026-11-10", variant="homozygous deletion", **_TISSUE
            ),
            result("ESR1", "mutated", tested_on="2026-11-10", variant="D538G", **_TISSUE),
            *(
                result(g, "not_detected", tested_on="2026-11-10", **_TISSUE)
                for g in ("PIK3CA", "AKT1")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2022-05-15", "2026-10-28", "progression", line=1),
        her2="0",
    )
    plan = _planned(data)
    [note] = [n for n in plan.notes if n.startswith("PTEN:")]
    assert "2026-11-08, ctdna" in note and "2026-11-10, tissue" in note
    assert "the positive is kept" in note
    assert not [n for n in plan.notes if n.startswith("ESR1:")]


@pytest.mark.parametrize(
    "key",
    [
        "allele_fraction",
        "variant_allele_fraction",
        "vaf",
        "VAF",
        # the recheck (case 1081): names in common use that got through, the first with the
        # very hint the fix meant to stop
        "variant_fraction",
        "variant_allele_frequency",
        "allele_frequency",
        "mutant_allele_fraction",
    ],
)
def test_a_variant_allele_fraction_is_refused_without_pointing_to_the_tumour_fraction(
    key: str,
) -> None:
    """The co-mutation review (MINOR): an ESR1 variant allele fraction, routine on a ctDNA
    report, was refused with 'did you mean tumour_fraction?'. They are different numbers: a
    user who followed the hint and wrote a VAF of 0.006 would make that draw's negatives
    non-informative under the 1% rule. The error says what is not recorded and why."""
    data = _woman(
        "2026-11-30",
        [result("ESR1", "mutated", tested_on="2026-11-08", sample="ctdna", **{key: 0.006})],
        _course(["palbociclib", "letrozole"], "2022-05-15", "2026-10-28", "progression", line=1),
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    message = dict(caught.value.problems)[f"$.biomarkers[0].{key}"]
    assert "did you mean" not in message
    assert "variant allele fraction is not recorded" in message
    assert "not the tumour fraction" in message


def test_ribociclibs_caution_names_the_electrolytes_and_other_qt_prolonging_drugs() -> None:
    """Case 1052's variant (MINOR, practice-2026): ribociclib + fulvestrant first for a woman on
    citalopram, its one QT caution asking only for an ECG. Its label also asks for potassium
    and magnesium before starting and warns against other drugs that prolong the QT interval,
    which a profile records only as free text."""
    data = _woman(
        "2026-11-30",
        [
            result(g, "not_detected", tested_on="2026-11-10")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "letrozole"], "2024-01-15", "2025-08-20", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    [qt] = [
        c
        for c in option(plan, "ribociclib+fulvestrant").cautions
        if c.code == "ribociclib_qt_liver"
    ]
    assert "potassium and magnesium" in qt.text
    assert "other drugs that prolong the QT interval" in qt.text


def test_an_esr1_mutation_during_first_line_with_a_pik3ca_co_mutation_quotes_serena6s_subgroup() -> (
    None
):
    """Case 1063 (MINOR, practice-2026): the SERENA-6 action quoted the whole trial's result for
    a tumour with a PIK3CA co-mutation, whose subgroup the evidence pack holds (update-2026.md
    section 4, a secondary source): a board weighing the switch needs it."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2024-02-15", variant="E545K", **_TISSUE),
            *(
                result(g, "not_detected", tested_on="2024-02-15", **_TISSUE)
                for g in ("ESR1", "AKT1", "PTEN")
            ),
            result("ESR1", "mutated", tested_on="2026-10-20", variant="D538G", sample="ctdna"),
        ],
        _course(["palbociclib", "anastrozole"], "2024-03-01", None, "ongoing", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    [switch] = [a for a in plan.actions if a.code == "serena6_switch"]
    assert "HR 0.44" in switch.text  # the whole trial's
    assert "with a PIK3CA co-mutation" in switch.text and "HR 0.41" in switch.text
    assert "secondary source" in switch.text
    # the recheck (case 1079): the subgroup comes from the updated analysis, beside which the
    # whole trial's updated figures stand
    assert "updated analysis" in switch.text and "HR 0.45" in switch.text


def _after_everolimus() -> dict[str, Any]:
    """Case 1060: palbociclib + anastrozole for 40 months, elacestrant for 14, everolimus +
    exemestane for 13, each to progression; ctDNA ESR1 D538G, the PI3K pathway not detected
    (ctDNA only); HER2-ultralow; no chemotherapy."""
    day = "2026-11-04"
    return _woman(
        "2026-11-30",
        [
            result(
                "ESR1",
                "mutated",
                tested_on=day,
                variant="D538G",
                sample="ctdna",
                tumour_fraction=0.06,
            ),
            *(
                result(g, "not_detected", tested_on=day, sample="ctdna", tumour_fraction=0.06)
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "anastrozole"], "2021-02-10", "2024-06-05", "progression", line=1),
        _course(["elacestrant"], "2024-07-01", "2025-09-10", "progression", line=2),
        _course(["everolimus", "exemestane"], "2025-10-01", "2026-10-28", "progression", line=3),
        her2="ultralow",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_after_progression_on_everolimus_the_pathways_tissue_check_does_not_hold_the_choice(
    policy: str,
) -> None:
    """Case 1060 (MINOR, both policies): after progression on everolimus, the tissue check of a
    ctDNA-only pathway negative came before choosing, saying a PI3K-pathway alteration 'would
    put a PI3K or AKT inhibitor with endocrine therapy before chemotherapy'; with one recorded,
    capivasertib stayed a later option, stepped back as of everolimus's class (rule 11). The
    check is for a later choice, and says why."""
    plan = _planned(_after_everolimus(), policy)
    [check] = [a for a in plan.actions if a.code == "confirm_pathway_tissue"]
    assert not check.before_choosing
    assert "everolimus" in check.text
    assert "before chemotherapy" not in check.text


def _pik3ca_palbociclib_19_months(*, pik3ca: bool = True) -> dict[str, Any]:
    """The recheck's case 1077: palbociclib + letrozole for 19 months to progression, the one
    metastatic line; a tumour PIK3CA H1047R (ESR1, AKT1, PTEN not detected); diabetes on
    insulin; HER2-low; no chemotherapy."""
    day = "2026-11-04"
    return _woman(
        "2026-11-30",
        [
            _pik3ca(pik3ca, day, **_TISSUE),
            *(
                result(g, "not_detected", tested_on=day, **_TISSUE)
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2025-03-10", "2026-10-15", "progression", line=1),
        comorbidities=[{"name": "diabetes", "hba1c": 7.4, "insulin": True}],
        her2="low",
    )


def test_a_pathway_mutation_no_drug_can_act_on_keeps_endocrine_sensitive_disease_on_an_endocrine_line() -> (
    None
):
    """The recheck's case 1077 (MAJOR, practice-2026): after 19 months of palbociclib +
    letrozole, with a PIK3CA mutation whose drugs insulin-treated diabetes rules out, rule 32
    (endocrine-sensitive disease with no target: an endocrine-based line first, trastuzumab
    deruxtecan a later option) stayed silent because the mutation counted as a target, and
    trastuzumab deruxtecan came first, outside DESTINY-Breast06's entry. Without the mutation
    the same patient gets an endocrine-based line first: the unusable mutation must not change
    that."""
    plan = _planned(_pik3ca_palbociclib_19_months(), "practice-2026")
    wild = _planned(_pik3ca_palbociclib_19_months(pik3ca=False), "practice-2026")
    assert plan.options[0].regimen.id == wild.options[0].regimen.id != "trastuzumab-deruxtecan"
    tdxd = option(plan, "trastuzumab-deruxtecan")
    [why] = [r for r in tdxd.reasons if r.code == "endocrine_sensitive_adc_later"]
    assert "insulin" in why.text


def _induction_then_ribociclib(her2: str) -> dict[str, Any]:
    """Case 1071: de novo liver metastases; paclitaxel induction for 5 months, completed, then
    ribociclib + letrozole maintenance in the same first line for 15 months to progression;
    ctDNA without an ESR1 or PI3K-pathway alteration (a tumour fraction of 7%)."""
    day = "2026-11-06"
    return _woman(
        "2026-11-30",
        [
            result(g, "not_detected", tested_on=day, sample="ctdna", tumour_fraction=0.07)
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["paclitaxel"], "2025-02-03", "2025-07-14", "completed", line=1),
        _course(["ribociclib", "letrozole"], "2025-07-21", "2026-10-30", "progression", line=1),
        her2=her2,
    )


def test_her2_low_disease_after_induction_chemotherapy_keeps_trastuzumab_deruxtecan_in_destiny_breast04s_place() -> (
    None
):
    """Case 1071 (MAJOR, practice-2026): HER2-low disease after paclitaxel induction and 15
    months of ribociclib + letrozole. Rule 32's endocrine-sensitive reading (induction
    included, case 1037) put trastuzumab deruxtecan behind fulvestrant alone as 'outside
    DESTINY-Breast06's entry'; but chemotherapy for metastatic disease makes her HER2-low
    disease DESTINY-Breast04's population, where it beat chemotherapy, within its label. For
    HER2-0 disease (no DESTINY-Breast04) the endocrine-based line still comes first."""
    plan = _planned(_induction_then_ribociclib("low"), "practice-2026")
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert not [r for r in tdxd.reasons if r.code == "endocrine_sensitive_adc_later"]
    assert tdxd.rank < option(plan, "fulvestrant").rank
    # and the endocrine-based lines say postMONARCH enrolled no one after chemotherapy
    first = option(plan, "abemaciclib+fulvestrant")
    [why] = [r for r in first.reasons if r.code == "endocrine_sensitive_endocrine_first"]
    assert "no other therapy for advanced disease" in why.text
    zero = _planned(_induction_then_ribociclib("0"), "practice-2026")
    assert zero.options[0].regimen.id != "chemotherapy"
    assert [r for r in zero.options[0].reasons if r.code == "endocrine_sensitive_endocrine_first"]


def _elacestrant_stopped_for_nausea(*, stop: str = "toxicity") -> dict[str, Any]:
    """Case 1075: palbociclib + letrozole for 39 months to progression; ctDNA ESR1 D538G (the
    PI3K pathway not detected); then elacestrant, stopped after 6 weeks for nausea without
    progression; HER2-ultralow; no chemotherapy."""
    day = "2026-05-20"
    course = _course(["elacestrant"], "2026-06-01", "2026-07-10", stop, line=2)
    if stop == "toxicity":
        course["toxicity"] = "nausea"
    return _woman(
        "2026-07-24",
        [
            result("ESR1", "mutated", tested_on=day, variant="D538G", sample="ctdna"),
            *(
                result(g, "not_detected", tested_on=day, sample="ctdna")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2023-02-01", "2026-05-12", "progression", line=1),
        course,
        her2="ultralow",
    )


def test_an_endocrine_course_stopped_for_toxicity_is_no_line_of_destiny_breast06s_entry() -> None:
    """Case 1075 (MAJOR, practice-2026): elacestrant stopped after six weeks for nausea, with
    no progression, counted as the second endocrine line of DESTINY-Breast06's entry ('2 or
    more endocrine lines'), and trastuzumab deruxtecan came before the oral SERDs untried for
    an ESR1 mutation. A course stopped for toxicity shows no endocrine resistance: she is
    outside the entry, and the targeted endocrine line comes first (rule 58). One that
    progressed is a line of the entry."""
    plan = _planned(_elacestrant_stopped_for_nausea(), "practice-2026")
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert [r for r in tdxd.reasons if r.code == "endocrine_target_before_tdxd"]
    assert plan.options[0].regimen.id != "trastuzumab-deruxtecan"
    progressed = _planned(_elacestrant_stopped_for_nausea(stop="progression"), "practice-2026")
    held = option(progressed, "trastuzumab-deruxtecan")
    assert not [r for r in held.reasons if r.code == "endocrine_target_before_tdxd"]


def _ribociclib_stopped_for(toxicity: str) -> dict[str, Any]:
    """Case 1073: ribociclib + letrozole stopped at 11 weeks for ``toxicity``, then palbociclib
    + letrozole for 21 months to progression; ctDNA PIK3CA H1047R (ESR1, AKT1, PTEN not
    detected); HER2-low."""
    day = "2026-11-08"
    stopped = _course(["ribociclib", "letrozole"], "2024-10-01", "2024-12-20", "toxicity", line=1)
    stopped["toxicity"] = toxicity
    return _woman(
        "2026-11-30",
        [
            _pik3ca(True, day, sample="ctdna"),
            *(
                result(g, "not_detected", tested_on=day, sample="ctdna")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        stopped,
        _course(["palbociclib", "letrozole"], "2025-01-15", "2026-10-25", "progression", line=1),
        her2="low",
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("toxicity", ["hepatotoxicity", "hepatitis", "transaminitis"])
def test_ribociclib_stopped_for_liver_injury_comes_after_every_option_without_that_risk(
    policy: str, toxicity: str
) -> None:
    """Case 1073 (MAJOR, both policies): ribociclib stopped for hepatitis (a Hy's-law injury,
    which its label stops for good) was offered again above chemotherapy, its caution
    suggesting a dose reduction; and 'hepatitis' or 'transaminitis' were refused as unknown.
    A profile records no grade, so the plan cannot tell a mild rise from one the label stops
    for good: the rechallenge comes after every option without the risk, and asks first."""
    plan = _planned(_ribociclib_stopped_for(toxicity), policy)
    again = option(plan, "ribociclib+fulvestrant")
    assert again.rank > option(plan, "chemotherapy").rank
    [caution] = [c for c in again.cautions if c.code == "cdk46i_toxicity_rechallenge"]
    assert "dose reduction or another" not in caution.text
    assert "bilirubin" in caution.text


@pytest.mark.parametrize("policy", POLICIES)
def test_a_cdk46i_stopped_for_toxicity_does_not_say_another_comes_first_once_one_has_progressed(
    policy: str,
) -> None:
    """Cases 1073 and 1074 (MINOR): 'ribociclib was stopped for toxicity before: another CDK4/6
    inhibitor comes first', where the other had progressed and ranked below it."""
    plan = _planned(_ribociclib_stopped_for("nausea"), policy)
    reasons = [r.text for r in option(plan, "ribociclib+fulvestrant").reasons]
    assert not [t for t in reasons if "another CDK4/6 inhibitor comes first" in t]


def _crisis_after_paclitaxel() -> dict[str, Any]:
    """Case 1091's variant: 44, premenopausal on goserelin, ECOG 2, a liver visceral crisis;
    germline BRCA2 c.5946delT; ctDNA ESR1 Y537N (the PI3K pathway not detected); HER2 0;
    ribociclib + letrozole for 22 months, then paclitaxel for the crisis, to progression."""
    day = "2026-11-15"
    return _woman(
        "2026-11-30",
        [
            result("BRCA2", "mutated", tested_on="2024-10-01", origin="germline", sample="blood"),
            result("ESR1", "mutated", tested_on=day, variant="Y537N", sample="ctdna"),
            *(
                result(g, "not_detected", tested_on=day, sample="ctdna")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["goserelin"], "2024-09-20", None, "ongoing", line=1),
        _course(["ribociclib", "letrozole"], "2024-10-01", "2026-07-20", "progression", line=1),
        _course(["paclitaxel"], "2026-07-28", "2026-11-10", "progression", line=2),
        menopausal_status="premenopausal",
        ecog=2,
        visceral_crisis=True,
        her2="0",
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_in_a_crisis_a_trop2_adc_comes_after_the_parp_inhibitor_its_reason_names(
    policy: str,
) -> None:
    """Case 1091's variant (MAJOR, both policies): a visceral crisis goes on after paclitaxel,
    with a germline BRCA2 mutation. Sacituzumab govitecan (and, under practice-2026,
    datopotamab deruxtecan) ranked second, above both PARP inhibitors, while their own reason
    said they come 'after the PARP inhibitor, also after the crisis's chemotherapy' (rule 44):
    the crisis's ordering of the ADCs its chemotherapy line opens (case 694) overrode it.
    Chemotherapy still comes first."""
    plan = _planned(_crisis_after_paclitaxel(), policy)
    assert plan.options[0].regimen.id == "chemotherapy"
    parp = min(option(plan, r).rank for r in ("olaparib", "talazoparib"))
    stepped_back = [
        o
        for o in (plan.option(r) for r in ("sacituzumab-govitecan", "datopotamab-deruxtecan"))
        if o is not None and [r for r in o.reasons if r.rule == 44]
    ]
    assert stepped_back  # sacituzumab govitecan under both policies: the check is not empty
    for adc in stepped_back:
        assert adc.rank > parp, adc.regimen.id


def _with_comorbidity(name: object) -> dict[str, Any]:
    """Palbociclib + letrozole for 20 months to progression; ctDNA PIK3CA H1047R; HER2-low."""
    return _woman(
        "2026-11-30",
        [_pik3ca(True, "2026-11-10", sample="ctdna")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
        comorbidities=[name],
        her2="low",
    )


def _problem(data: dict[str, Any]) -> str:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return " ".join(message for _path, message in caught.value.problems)


@pytest.mark.parametrize("name", ["T2DM on insulin", "DM2 (insulin)", "diabetes (insulin)"])
def test_diabetes_on_insulin_in_a_clinics_words_is_never_sent_to_free_text(name: str) -> None:
    """Case 1096 (MAJOR): 'T2DM on insulin' was refused with 'free text resistx does not
    assess goes in other_conditions'; a user who followed it dropped the diabetes, and alpelisib
    ranked second with no glucose caution. Any diabetes named with insulin is told how to record
    it, with the insulin its rules read."""
    said = _problem(_with_comorbidity(name))
    assert '"insulin": true' in said
    assert "other_conditions" not in said


@pytest.mark.parametrize("name", ["T2DM on metformin", "non-insulin-dependent diabetes"])
def test_diabetes_without_insulin_in_a_clinics_words_is_told_how_to_record_it(name: str) -> None:
    said = _problem(_with_comorbidity(name))
    assert '"name": "diabetes"' in said
    assert "other_conditions" not in said


@pytest.mark.parametrize(
    "name", ["pulmonary fibrosis", "lung fibrosis", "radiation pneumonitis", "IPF"]
)
def test_pulmonary_fibrosis_is_read_as_interstitial_lung_disease(name: str) -> None:
    """Case 1094 (MAJOR, practice-2026): 'pulmonary fibrosis' was refused as free text; entered
    there, trastuzumab deruxtecan came first with its generic caution, where interstitial lung
    disease leaves it out. Pulmonary fibrosis is an interstitial lung disease."""
    plan = _planned(_with_comorbidity(name), "practice-2026")
    assert plan.exclusion("trastuzumab-deruxtecan") is not None


@pytest.mark.parametrize("name", ["Crohn's disease", "ulcerative colitis", "IBD"])
def test_the_inflammatory_bowel_diseases_are_read_by_their_names(name: str) -> None:
    """Case 1096 (MINOR): "Crohn's disease" got 'did you mean chronic_lung_disease'."""
    profile = resistx.load_profile(_with_comorbidity(name))
    assert [c.name.value for c in profile.comorbidities] == ["inflammatory_bowel_disease"]


@pytest.mark.parametrize("gene", ["ESR1", "PIK3CA", "AKT1"])
def test_a_tumour_gene_on_a_blood_sample_is_refused_as_no_germline_test(gene: str) -> None:
    """Case 1092 (MAJOR): a Guardant liquid biopsy entered as 'blood' was read as a germline
    test, and the plan said 'ESR1 mutation (germline, blood)'; 'plasma' was refused with no
    pointer to 'ctdna'. ESR1, PIK3CA and AKT1 have no germline test here: a blood sample for
    them is refused, pointing to ctdna."""
    data = _woman(
        "2026-11-30",
        [result(gene, "mutated", tested_on="2026-11-10", sample="blood")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
    )
    assert "ctdna" in _problem(data)
    data["biomarkers"][0]["sample"] = "plasma"
    assert "ctdna" in _problem(data)


def test_a_status_written_detected_is_pointed_to_mutated_not_to_not_detected() -> None:
    """Case 1092 (MAJOR): 'detected', as a ctDNA report prints it, got 'did you mean
    not_detected?': following it turned an ESR1 mutation into a negative."""
    data = _woman(
        "2026-11-30",
        [result("ESR1", "detected", tested_on="2026-11-10", sample="ctdna")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
    )
    said = _problem(data)
    assert "did you mean not_detected" not in said
    assert "mutated" in said


@pytest.mark.parametrize("gene", ["BRCA2", "PALB2", "PTEN"])
@pytest.mark.parametrize("as_text", [False, True])
def test_a_somatic_result_on_a_blood_sample_is_refused_not_read_as_germline(
    gene: str, as_text: bool
) -> None:
    """The third recheck (case 1099, MAJOR): a Guardant BRCA2 E1953* entered with origin
    'somatic' and sample 'blood' was read as germline without a word, and talazoparib became
    preferred on a 'germline BRCA2 mutation'. Blood and saliva are germline tests: an explicit
    somatic origin on one is refused, pointing to ctdna."""
    data = _woman(
        "2026-11-30",
        [result(gene, "mutated", tested_on="2026-11-10", sample="blood", origin="somatic")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(json.dumps(data) if as_text else data)
    [(path, message)] = caught.value.problems
    assert path == "$.biomarkers[0].sample"
    assert "ctdna" in message
    # a germline test on blood stands
    data["biomarkers"][0]["origin"] = "germline"
    assert resistx.load_profile(data).biomarkers[0].origin.value == "germline"


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("liver disease", "hepatic_impairment"),
        ("atrial fibrillation", "cardiac_disease"),
        ("CKD stage 3", "renal_impairment"),
    ],
)
def test_a_comorbidity_in_everyday_words_is_pointed_to_the_name_that_reads_it(
    name: str, meant: str
) -> None:
    """The third recheck (case 1100, MINOR): 'liver disease' got 'did you mean cardiac_disease?'
    (which would hold ribociclib back), 'cirrhosis' and 'atrial fibrillation' no pointer (since
    session 66 a cirrhosis is read as hepatic impairment, whose Child-Pugh class the plan asks
    for: 7472)."""
    said = _problem(_with_comorbidity(name))
    assert meant in said
    assert "did you mean cardiac_disease" not in said or meant == "cardiac_disease"


@pytest.mark.parametrize(
    ("field", "value", "meant"),
    [("status", "negative", "not_detected"), ("assay", "Guardant360", "ngs")],
)
def test_a_reports_words_for_a_result_are_pointed_to_the_value(
    field: str, value: str, meant: str
) -> None:
    """The third recheck (case 1099, MINOR): 'negative' and a test's brand name got no pointer."""
    data = _woman(
        "2026-11-30",
        [result("ESR1", "not_detected", tested_on="2026-11-10", sample="ctdna")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
    )
    data["biomarkers"][0][field] = value
    # 'negative' now says what it means for a mutation test and for an IHC (case 2118)
    assert f"did you mean {meant}" in _problem(data) or f"is {meant}" in _problem(data)


@pytest.mark.parametrize("status", ["premenopausal", "perimenopausal", "postmenopausal"])
def test_a_man_with_a_menopausal_status_is_refused_not_read_one_way(status: str) -> None:
    """Case 1103's variant (MINOR): sex 'male' with menopausal_status 'premenopausal' loaded,
    and the plan read the patient as a man without a word; had the sex been miskeyed, a
    premenopausal woman would have lost her ovarian-suppression cautions. A contradiction is an
    error at its path (docs/profile.md)."""
    data = _woman(
        "2026-11-30",
        [result("ESR1", "mutated", tested_on="2026-11-10", sample="ctdna")],
        _course(["palbociclib", "letrozole"], "2025-03-01", "2026-11-01", "progression", line=1),
        menopausal_status=status,
    )
    data["sex"] = "male"
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.menopausal_status" and "male" in message
    data["menopausal_status"] = "unknown"
    assert resistx.load_profile(data).sex is not None


def test_progression_on_a_cdk46i_with_an_oral_serd_is_outside_postmonarchs_population() -> None:
    """Case 1114 (MINOR, bordering on MAJOR, practice-2026): palbociclib + anastrozole, then,
    on an ESR1 mutation without progression, camizestrant + palbociclib in the same first line,
    to progression. postMONARCH enrolled progression on a CDK4/6 inhibitor with an aromatase
    inhibitor (update-2026.md section 1); this progression was with an oral SERD, yet
    abemaciclib + fulvestrant was an alternative on postMONARCH's result."""
    day = "2026-11-05"
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on=day, variant="Y537N", sample="ctdna"),
            *(
                result(g, "not_detected", tested_on=day, sample="ctdna")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "anastrozole"], "2023-06-01", "2025-04-20", "other", line=1),
        _course(["palbociclib", "camizestrant"], "2025-04-21", "2026-10-25", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    codes = {r.code for r in option(plan, "abemaciclib+fulvestrant").reasons}
    assert "postmonarch_population" not in codes


def test_a_sample_that_is_no_string_beside_a_somatic_origin_is_reported_not_raised() -> None:
    """The fuzzer's find, after the germline samples became one set: a list as a somatic
    result's sample was hashed by the blood-sample check and escaped as a TypeError; it is a
    ProfileError at the sample's path."""
    data = _woman("2026-11-30", [result("BRCA2", "mutated", origin="somatic", sample="blood")])
    data["biomarkers"][0]["sample"] = ["blood"]
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    assert [path for path, _ in caught.value.problems] == ["$.biomarkers[0].sample"]
