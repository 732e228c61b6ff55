"""Session 69's fixes: the findings left by session 68's reviews and this session's own
(cases 7990 on), each a behaviour a user relies on."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from resistx.model.enums import HormoneReceptor
from tests.helpers import NEGATIVE, TISSUE_PATHWAY_NEGATIVE, patient, result


def _akt1_with_diabetes(medications: list[str], **diabetes: object) -> dict[str, object]:
    """7783: AKT1 mutated, HER2 0, one first line of palbociclib + letrozole to progression,
    diabetes with an HbA1c of 7.1% and no record of whether it needs insulin."""
    return patient(
        her2="0",
        comorbidities=[{"name": "diabetes", "hba1c": 7.1, **diabetes}],
        medications=medications,
        biomarkers=[result("AKT1", "mutated"), *(r for r in NEGATIVE if r["gene"] != "AKT1")],
    )


def _insulin_question(p: resistx.Plan) -> resistx.Action | None:
    return next((a for a in p.actions if a.code == "diabetes_insulin_unknown"), None)


def test_a_medication_list_naming_no_insulin_leaves_the_insulin_question_after_choosing() -> None:
    """7783 (MINOR): with metformin and ramipril on record (an insulin taken now would have to
    be recorded with the diabetes), the question whether the diabetes needs insulin came
    before choosing; it now comes after, saying the list names none. With no medication list
    it stays before choosing."""
    listed = resistx.sequence(_akt1_with_diabetes(["metformin 1 g twice daily", "ramipril"]))
    a = _insulin_question(listed)
    assert a is not None
    assert not a.before_choosing
    assert "medication list names no insulin" in a.text
    unlisted = _insulin_question(resistx.sequence(_akt1_with_diabetes([])))
    assert unlisted is not None
    assert unlisted.before_choosing


def test_the_insulin_question_is_not_asked_where_the_pathway_drugs_are_declined() -> None:
    """As the HbA1c question (7938): with drugs by mouth declined, the answer opens nothing."""
    p = resistx.sequence(_akt1_with_diabetes([]), {"declines": ["oral"]})
    assert _insulin_question(p) is None


def test_a_pathway_drug_held_back_for_glucose_is_not_given_the_reason_for_a_line_without_it() -> (
    None
):
    """7912 (MINOR, practice-2026): capivasertib, waiting on glucose control, carried rule
    32's reason for an endocrine-based line with 'no usable target now' beside it, citing
    postMONARCH's abemaciclib + fulvestrant, and under ye2024 rule 6's 'no PI3K-pathway drug
    this patient can take now'; those reasons are for the lines that go without the target.
    Its own reasons say why it waits."""
    from tests.test_board_fixes_7779 import _endocrine_sensitive_pik3ca  # noqa: PLC0415

    for policy in (None, "practice-2026"):
        p = resistx.sequence(_endocrine_sensitive_pik3ca(hba1c=9.0), policy=policy)
        capi = p.option("capivasertib+fulvestrant")
        assert capi is not None
        assert capi.waits_on
        codes = {r.code for r in capi.reasons}
        assert not codes & {
            "endocrine_sensitive_endocrine_first",
            "no_actionable_alteration_endocrine",
        }
        fulv = p.option("fulvestrant")
        assert fulv is not None
        assert {r.code for r in fulv.reasons} & {
            "endocrine_sensitive_endocrine_first",
            "no_actionable_alteration_endocrine",
        }


def test_ribociclib_after_a_severe_cutaneous_reaction_on_palbociclib_carries_its_labels_warning() -> (
    None
):
    """7921e (MINOR): after a Stevens-Johnson syndrome on palbociclib, ribociclib + fulvestrant
    had no caution, where a neutropenia on ribociclib gives abemaciclib one; ribociclib's label
    warns of severe cutaneous adverse reactions."""
    from tests.test_board_fixes_7779 import _first_line  # noqa: PLC0415

    course = _first_line("palbociclib", "2024-01-10", "2026-03-20")
    course["toxicity"] = "Stevens-Johnson syndrome"
    p = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[course]), policy="practice-2026")
    ribo = p.option("ribociclib+fulvestrant")
    assert ribo is not None
    said = [c.text for c in ribo.cautions if c.code == "cdk46i_class_toxicity"]
    assert said, [c.code for c in ribo.cautions]
    assert "severe cutaneous adverse reaction arose on palbociclib" in said[0]
    assert "ribociclib can cause it too" in said[0]


def _course(
    line: int, drugs: list[str], start: str, end: str, stop: str = "progression"
) -> dict[str, object]:
    return {"drugs": drugs, "line": line, "started_on": start, "ended_on": end, "stop_reason": stop}


def _after_two_chemotherapy_lines(*last: dict[str, object]) -> dict[str, object]:
    """8026: HER2 0, nothing actionable, palbociclib + letrozole, capecitabine, paclitaxel, then
    ``last``."""
    return patient(
        biomarkers=NEGATIVE,
        as_of="2026-05-15",
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2021-03-01", "2023-05-10"),
            _course(2, ["capecitabine"], "2023-05-25", "2024-08-01"),
            _course(3, ["paclitaxel"], "2024-08-15", "2025-09-01"),
            *last,
        ],
    )


def test_an_adc_line_stopped_for_toxicity_counts_among_datopotamab_deruxtecans_lines() -> None:
    """8026, 8005 (MAJOR, practice-2026): after two chemotherapy lines and sacituzumab
    govitecan stopped for febrile neutropenia, datopotamab deruxtecan came first and preferred
    as 'after 2 prior chemotherapy lines', within TROPION-Breast01's 1-2, while sacituzumab
    govitecan's own row counted 3 cytotoxic lines. The ADC line counts: past its trial's lines,
    at best an alternative, behind chemotherapy."""
    sg = {
        "drugs": ["sacituzumab govitecan"],
        "line": 4,
        "started_on": "2025-09-15",
        "ended_on": "2026-04-10",
        "stop_reason": "toxicity",
        "toxicity": "febrile neutropenia",
    }
    p = resistx.sequence(_after_two_chemotherapy_lines(sg), policy="practice-2026")
    dato = p.option("datopotamab-deruxtecan")
    assert dato is not None
    assert dato.tier.value == "alternative"
    past = [r for r in dato.reasons if r.code == "datopotamab_deruxtecan_past_its_lines"]
    assert past
    assert "1 ADC line" in past[0].text
    assert p.options[0].regimen.id == "chemotherapy"
    two = resistx.sequence(_after_two_chemotherapy_lines(), policy="practice-2026")
    assert two.option("datopotamab-deruxtecan").tier.value == "preferred"  # type: ignore[union-attr]


def _her2_low_after_tdxd_stopped_for(event: str) -> dict[str, object]:
    """8025: HER2-low, nothing actionable, palbociclib + letrozole, capecitabine, then
    trastuzumab deruxtecan stopped for ``event`` with no progression."""
    tdxd = _course(3, ["trastuzumab deruxtecan"], "2024-08-15", "2026-04-10", "toxicity")
    return patient(
        her2="low",
        biomarkers=NEGATIVE,
        as_of="2026-05-15",
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2021-03-01", "2023-05-10"),
            _course(2, ["capecitabine"], "2023-05-25", "2024-08-01"),
            {**tdxd, "toxicity": event},
        ],
    )


def test_tdxd_after_a_febrile_neutropenia_on_it_is_dose_managed_as_sacituzumab_govitecan_is() -> (
    None
):
    """8025, 8021 (MAJOR): after trastuzumab deruxtecan stopped for febrile neutropenia, it
    was at best a later option, while its label holds it and reduces the dose by one level
    (as sacituzumab govitecan's does, which stays at best an alternative: case 1790); and
    chemotherapy stayed 'at best an alternative to it'. Now an alternative with the label's
    caution; after an event its label does not manage by dose it is later, and nothing is held
    back for it."""
    for policy in (None, "practice-2026"):
        fn = resistx.sequence(
            _her2_low_after_tdxd_stopped_for("febrile neutropenia"), policy=policy
        )
        tdxd = fn.option("trastuzumab-deruxtecan")
        assert tdxd is not None
        assert tdxd.tier.value == "alternative", tdxd.tier
        assert any("reduce" in c.text and "one dose level" in c.text for c in tdxd.cautions)
        other = resistx.sequence(_her2_low_after_tdxd_stopped_for("fatigue"), policy=policy)
        assert other.option("trastuzumab-deruxtecan").tier.value == "later"  # type: ignore[union-attr]
        chemo = other.option("chemotherapy")
        assert chemo is not None
        assert "chemotherapy_after_tdxd" not in {r.code for r in chemo.reasons}


def _built(**kw: object) -> resistx.Profile:
    return resistx.Profile(
        schema_version=1,
        hormone_receptor=HormoneReceptor.POSITIVE,
        her2=resistx.Her2Status.LOW,
        **kw,  # type: ignore[arg-type]
    )


def _paths(caught: pytest.ExceptionInfo[resistx.ProfileError]) -> set[str]:
    return {path for path, _message in caught.value.problems}


def test_one_name_given_as_text_for_a_list_is_refused_not_read_letter_by_letter() -> None:
    """8090 (MAJOR): ``Profile(medications='itraconazole')`` in code became the letters
    i, t, r, ... and the strong CYP3A inhibitor went unread: elacestrant came first where the
    list form puts it after every option without that risk. A text where a list belongs is
    refused at its path, as in JSON."""
    for field in ("medications", "other_conditions", "metastatic_sites"):
        with pytest.raises(resistx.ProfileError) as caught:
            _built(**{field: "itraconazole"})
        assert f"$.{field}" in _paths(caught), caught.value.problems
        assert "list" in str(caught.value)


def test_a_wrong_python_type_in_a_model_built_in_code_is_named_at_its_path() -> None:
    """8092 (MINOR): ``Profile(ecog='1')`` raised a bare TypeError from a comparison, naming no
    field; a date as text likewise."""
    with pytest.raises(resistx.ProfileError) as caught:
        _built(ecog="1")
    assert "$.ecog" in _paths(caught)
    with pytest.raises(resistx.ProfileError) as caught:
        _built(as_of="2026-05-01")
    assert "$.as_of" in _paths(caught), caught.value.problems


@pytest.mark.parametrize(
    ("diabetes", "held"),
    [
        ({"hba1c": 8.0, "insulin": False}, "HbA1c of 8.0% or more"),
        ({"hba1c": 7.0, "insulin": True}, "diabetes needing insulin"),
    ],
)
def test_a_declined_target_beside_one_held_back_for_diabetes_leaves_no_usable_target(
    diabetes: dict[str, object], held: str
) -> None:
    """8081 (MAJOR, ye2024), 7937: ESR1 and PIK3CA mutated, the oral SERDs declined (endocrine
    monotherapy), the PI3K and AKT inhibitors held back by the diabetes: nothing was preferred,
    ribociclib + fulvestrant first and chemotherapy second with 'no rule moved it'. Each target
    is unusable for its own reason: rule 6 puts chemotherapy first and says both."""
    profile = patient(
        her2="0",
        comorbidities=[{"name": "diabetes", **diabetes}],
        biomarkers=[
            result("ESR1", "mutated"),
            result("PIK3CA", "mutated"),
            *(r for r in NEGATIVE if r["gene"] in {"AKT1", "PTEN"}),
        ],
    )
    p = resistx.sequence(profile, {"declines_kinds": ["endocrine_monotherapy"]})
    assert p.options[0].regimen.id == "chemotherapy", [o.regimen.id for o in p.options]
    assert p.options[0].tier.value == "preferred"
    why = next(r for r in p.options[0].reasons if r.code == "no_actionable_alteration")
    assert "declines the drugs for its ESR1 finding" in why.text
    assert held in why.text


def test_capecitabine_held_back_by_progression_on_it_does_not_cite_its_label() -> None:
    """7995 (MINOR): with infusions declined, 'capecitabine ... is held back by progression on
    it (its label; not in the review)': the label says nothing of a progression; it speaks for
    a contraindication only."""
    profile = _after_two_chemotherapy_lines()
    p = resistx.sequence(profile, {"declines": ["intravenous", "intramuscular"]})
    chemo = p.option("chemotherapy")
    assert chemo is not None
    said = next(r.text for r in chemo.reasons if r.code == "declined_route_no_standard_agent")
    assert "held back by progression on it" in said
    assert "progression on it (its label" not in said
    assert "its label; not in the review): of the" not in said


def test_datopotamab_deruxtecans_lines_name_an_adc_line_given_before() -> None:
    """7990, 8004 (MINOR, practice-2026): after capecitabine and trastuzumab deruxtecan, its
    reason read '1 prior chemotherapy line: TROPION-Breast01 enrolled after 1-2 lines',
    leaving the deruxtecan ADC line out of the count it quotes."""
    tdxd = _course(3, ["trastuzumab deruxtecan"], "2024-08-15", "2026-04-10")
    profile = _her2_low_after_tdxd_stopped_for("fatigue")
    profile["treatments"] = [*profile["treatments"][:2], tdxd]  # type: ignore[index]
    p = resistx.sequence(profile, policy="practice-2026")
    dato = p.option("datopotamab-deruxtecan")
    assert dato is not None
    said = next(r.text for r in dato.reasons if r.code.endswith("datopotamab_deruxtecan"))
    assert said.startswith("1 prior chemotherapy line and 1 ADC line:"), said


def test_an_hba1c_at_the_limit_is_printed_with_its_decimal() -> None:
    """8040 (MINOR): an HbA1c of 8.0 printed as '8%' beside 'HbA1c below 8.0%'."""
    from tests.test_board_fixes_7779 import _pik3ca_with_diabetes  # noqa: PLC0415

    p = resistx.sequence(_pik3ca_with_diabetes(hba1c=8.0))
    text = " ".join(
        [a.text for a in p.actions]
        + [c.text for o in p.options for c in o.cautions]
        + [r.text for o in p.options for r in o.reasons]
    )
    assert "HbA1c of 8.0%" in text
    assert "HbA1c of 8%" not in text
    assert "HbA1c 8%" not in text


def _referral(p: resistx.Plan) -> resistx.Action:
    return next(a for a in p.actions if a.code == "glucose_control_opens_pathway_inhibitor")


def test_the_diabetes_referral_comes_after_choosing_where_glucose_control_opens_nothing_now() -> (
    None
):
    """8050, 8053, 8049 (MINOR): 'refer to the diabetes team now' came before choosing, saying
    capivasertib could be weighed again, where the patient declines every PI3K and AKT
    inhibitor or a visceral crisis puts chemotherapy first whatever the glucose."""
    from tests.test_board_fixes_7779 import _pik3ca_with_diabetes  # noqa: PLC0415

    assert _referral(resistx.sequence(_pik3ca_with_diabetes(hba1c=8.6))).before_choosing
    declined = _referral(resistx.sequence(_pik3ca_with_diabetes(hba1c=8.6), {"declines": ["oral"]}))
    assert not declined.before_choosing
    assert "declines" in declined.text
    crisis = {**_pik3ca_with_diabetes(hba1c=8.6), "visceral_crisis": True}
    assert not _referral(resistx.sequence(crisis)).before_choosing


def test_a_tissue_confirmation_does_not_say_a_declined_parp_inhibitor_is_opened() -> None:
    """8051 (MINOR): with the PARP inhibitors declined, the tissue confirmation before choosing
    said 'while the germline BRCA2 mutation on record opens a PARP inhibitor'."""
    results = [
        result("ESR1", "not_detected"),
        result("PIK3CA", "not_detected"),
        result("AKT1", "not_detected"),
        result("PTEN", "not_detected"),
        result("BRCA2", "mutated", origin="germline"),
    ]
    kept = resistx.sequence(patient(biomarkers=results))
    declined = resistx.sequence(patient(biomarkers=results), {"declines_kinds": ["parp_inhibitor"]})
    said = [a.text for a in kept.actions if a.code == "confirm_tissue"]
    assert said
    assert "opens a PARP inhibitor" in said[0]
    assert not any(a.code == "confirm_tissue" and "PARP" in a.text for a in declined.actions)
    for a in declined.actions:  # a test that would open one says it is declined, after choosing
        if "opens a PARP inhibitor" in a.text:
            assert "declines the PARP inhibitors" in a.text
            assert not a.before_choosing


def test_a_triplet_with_a_targeted_drug_is_left_out_with_targeted_endocrine_declined() -> None:
    """8050 (MINOR): with targeted + endocrine declined, TAKTIC (ipatasertib, palbociclib,
    fulvestrant) was left out, but ribociclib + everolimus + exemestane (and under
    practice-2026 the gedatolisib and inavolisib triplets) stayed, each a targeted drug with
    endocrine therapy beside a CDK4/6 inhibitor."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(
            patient(biomarkers=NEGATIVE), {"declines_kinds": ["targeted+endocrine"]}, policy=policy
        )
        gone = p.exclusion("ribociclib+everolimus+exemestane")
        assert gone is not None
        assert any(r.code == "declined" for r in gone.reasons)
        assert p.option("abemaciclib+fulvestrant") is not None  # CDK4/6i-based alone stays


def test_the_models_a_profile_holds_are_public_and_since_review_takes_a_bool_only() -> None:
    """8093, 8099 (MINOR): Condition and Her2Test, which a profile's fields hold, and their
    enums were not exported; ``sequence(..., since_review='no')`` ran as true."""
    from resistx.model.profile import Condition, Her2Test  # noqa: PLC0415

    assert resistx.Condition is Condition
    assert resistx.Her2Test is Her2Test
    for name in ("Comorbidity", "Sex", "ChildPugh", "Her2Score", "IshResult"):
        assert name in resistx.__all__
    with pytest.raises(TypeError, match="since_review"):
        resistx.sequence(patient(), since_review="no")  # type: ignore[arg-type]


def test_a_brca_test_for_a_declined_parp_inhibitor_comes_after_choosing_and_says_why() -> None:
    """8051's recheck: with nothing actionable and BRCA untested, the test that could open a
    PARP inhibitor comes before choosing; with the PARP inhibitors declined it opens nothing now,
    so it comes after, saying so (as with drugs by mouth declined: case 1000)."""
    plain = resistx.sequence(patient(biomarkers=TISSUE_PATHWAY_NEGATIVE))
    [asked] = [a for a in plain.actions if a.code == "test_hrd_genes"]
    assert asked.before_choosing
    # under practice-2026 nothing is preferred here, which brings tests forward (8215)
    for policy in (None, "practice-2026"):
        declined = resistx.sequence(
            patient(biomarkers=TISSUE_PATHWAY_NEGATIVE),
            {"declines_kinds": ["parp_inhibitor"]},
            policy=policy,
        )
        [later] = [a for a in declined.actions if a.code == "test_hrd_genes"]
        assert not later.before_choosing, policy
        assert "declines the PARP inhibitors" in later.text


def _plasma_negatives_beside(gene: str, variant: str) -> list[dict[str, object]]:
    """8143b: ESR1 and the pathway not detected on ctDNA, no tumour fraction reported, and one
    variant of ``gene`` found in the same draw."""
    negatives = [{k: v for k, v in r.items() if k != "tumour_fraction"} for r in NEGATIVE]
    found = {**result(gene, "mutated", variant=variant)}
    found.pop("tumour_fraction", None)
    return [*negatives, found]


def test_a_variant_of_clonal_haematopoiesis_or_inheritance_does_not_show_tumour_dna() -> None:
    """8143b, 8143d, 8152e (MAJOR, ye2024): a TP53 R175H, a CHEK2 1100delC or a BRCA2 founder
    frameshift (no germline result on record) in a draw with no tumour fraction was read as
    'the draw held tumour DNA (it found a somatic mutation)': its ESR1 and pathway negatives
    counted, and chemotherapy came first for nothing actionable. Each may come from blood
    cells or the germline (ESMO's ctDNA recommendations): the draw is read as showing no
    tumour DNA, as with nothing found, and a retest comes before choosing."""
    for gene, variant in (
        ("TP53", "R175H"),
        ("CHEK2", "T367fs"),
        ("BRCA2", "S1982fs"),
        ("DNMT3A", "R882H"),
    ):
        p = resistx.sequence(patient(biomarkers=_plasma_negatives_beside(gene, variant)))
        codes = {r.code for o in p.options for r in o.reasons}
        assert "no_actionable_alteration" not in codes, gene
        assert any(a.before_choosing and "ESR1" in a.genes for a in p.actions), gene
    # a variant of a gene neither of blood cells nor inherited still shows the tumour's DNA
    shown = resistx.sequence(patient(biomarkers=_plasma_negatives_beside("GATA3", "D336fs")))
    assert "no_actionable_alteration" in {r.code for o in shown.options for r in o.reasons}


def test_an_esr1_mutation_that_arose_on_an_oral_serd_is_not_said_to_have_been_acted_on() -> None:
    """8146 (MAJOR, a wrong reason): ESR1 not detected before imlunestrant, then Y537S at its
    progression: every reason said 'the ESR1 mutation was acted on (progression on an oral
    oestrogen-receptor degrader)', as if the drug had been given for it. It arose on it."""
    profile = patient(
        biomarkers=[
            *(result(r["gene"], "not_detected", tested_on="2024-03-20") for r in NEGATIVE),
            result("ESR1", "mutated", variant="Y537S"),
            *NEGATIVE[1:],
        ],
        treatments=[
            _course(1, ["ribociclib", "letrozole"], "2022-02-01", "2024-03-10"),
            _course(2, ["imlunestrant"], "2024-04-01", "2026-04-01"),
        ],
    )
    for policy in (None, "practice-2026"):
        p = resistx.sequence(profile, policy=policy)
        text = " ".join(r.text for o in p.options for r in o.reasons)
        assert "the ESR1 mutation was acted on" not in text, policy
        assert "the ESR1 mutation arose on imlunestrant" in text, policy


def test_a_stale_esr1_finding_acted_on_does_not_ask_a_retest_the_actions_do_not_list() -> None:
    """8157 (MINOR): after progression on elacestrant given for a D538G found in 2024, the
    other SERDs' reasons said 'may no longer hold: retest', while the actions retested the
    pathway only (an ESR1 result cannot change the choice after an oral SERD)."""
    profile = patient(
        as_of="2026-04-20",
        biomarkers=[
            result("ESR1", "mutated", variant="D538G", tested_on="2024-03-05"),
            *(result(r["gene"], "not_detected", tested_on="2024-03-05") for r in NEGATIVE[1:]),
        ],
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2021-09-01", "2024-02-25"),
            _course(2, ["elacestrant"], "2024-03-20", "2026-03-30"),
        ],
    )
    p = resistx.sequence(profile, policy="practice-2026")
    retested = {g for a in p.actions if a.code == "retest" for g in a.genes}
    assert "ESR1" not in retested
    text = " ".join(r.text for o in p.options for r in o.reasons)
    assert "may no longer hold" in text
    assert "retest (until then" not in text


def test_a_document_converted_from_the_other_format_says_which_format_it_looks_like() -> None:
    """8098 (MINOR): a FHIR bundle read as a phenopacket listed its keys as unknown fields, and
    a phenopacket read as FHIR said only "expected 'Bundle', got None"."""
    from resistx import interop  # noqa: PLC0415

    bundle = {"resourceType": "Bundle", "type": "collection", "entry": []}
    with pytest.raises(resistx.ProfileError, match="--from fhir"):
        interop.from_phenopacket(bundle)
    packet = {"id": "p1", "subject": {"id": "s1"}, "metaData": {}}
    with pytest.raises(resistx.ProfileError, match="--from phenopacket"):
        interop.from_fhir(packet)


def test_a_missing_value_and_an_abbreviated_sex_get_hints() -> None:
    """8100 (MINOR): an ECOG of NaN (a data frame's missing value) said only 'expected an
    integer, got a number nan'; 'F' for sex got no hint."""
    base = {"schema_version": 1, "hormone_receptor": "positive", "her2": "0"}
    with pytest.raises(resistx.ProfileError, match="null"):
        resistx.load_profile({**base, "ecog": float("nan")})
    with pytest.raises(resistx.ProfileError, match="did you mean female"):
        resistx.load_profile({**base, "sex": "F"})


def test_after_progression_on_tdxd_chemotherapys_evidence_is_not_destiny_breast04s_control_arm() -> (
    None
):
    """7990, 7995, 8004 (MINOR): after progression on trastuzumab deruxtecan, chemotherapy's
    evidence read 'DESTINY-Breast04 ... median PFS 5.4 months on TPC; it was the control arm,
    and trastuzumab deruxtecan did better': a comparison that no longer applies."""
    tdxd = _course(3, ["trastuzumab deruxtecan"], "2024-08-15", "2026-04-10")
    profile = _her2_low_after_tdxd_stopped_for("fatigue")
    profile["treatments"] = [*profile["treatments"][:2], tdxd]  # type: ignore[index]
    for policy in (None, "practice-2026"):
        chemo = resistx.sequence(profile, policy=policy).option("chemotherapy")
        assert chemo is not None
        text = " ".join(r.text for r in chemo.reasons)
        assert "trastuzumab deruxtecan did better" not in text, policy
        assert "TROPiCS-02" in text, policy
    before = resistx.sequence(_her2_low_after_tdxd_stopped_for("febrile neutropenia"))
    said = " ".join(r.text for r in before.option("chemotherapy").reasons)  # type: ignore[union-attr]
    assert "trastuzumab deruxtecan did better" in said  # not progressed on it: it still speaks


def _first_line_ongoing(drugs: list[str], start: str) -> dict[str, object]:
    """8241, 8269: a first line going on, an ESR1 mutation found by ctDNA during it."""
    return patient(
        schema_version=2,
        biomarkers=[result("ESR1", "mutated", variant="D538G"), *NEGATIVE[1:]],
        treatments=[{"drugs": drugs, "line": 1, "started_on": start, "stop_reason": "ongoing"}],
    )


def test_an_esr1_mutation_during_a_first_line_outside_serena6_is_said_not_to_be_progression() -> (
    None
):
    """8241, 8269 (MINOR, practice-2026): an ESR1 mutation found by ctDNA 4 months into
    letrozole + ribociclib, or during fulvestrant + palbociclib, with no progression: the plan
    said nothing of it, and ranked the options for progression. SERENA-6 enrolled after 6
    months or more on an aromatase inhibitor with a CDK4/6 inhibitor: its switch is not shown
    there, and a mutation without progression on imaging is not progression."""
    for drugs, start, why in (
        (["ribociclib", "letrozole"], "2026-01-05", "6 months or more"),
        (["palbociclib", "fulvestrant"], "2025-06-01", "an aromatase inhibitor"),
    ):
        p = resistx.sequence(_first_line_ongoing(drugs, start), policy="practice-2026")
        [said] = [a for a in p.actions if a.code == "serena6_outside"]
        assert said.before_choosing
        assert why in said.text
        assert "not progression" in said.text
    within = resistx.sequence(
        _first_line_ongoing(["ribociclib", "letrozole"], "2025-06-01"), policy="practice-2026"
    )
    assert [a.code for a in within.actions if a.code.startswith("serena6")] == ["serena6_switch"]


@pytest.mark.parametrize(
    "entry",
    [
        "Huminsulin Basal 20 IE zur Nacht",
        "Liprolog 6 units with meals",
        "Berlinsulin H",
        "Kirsty 4 units",
        "Truvelog",
        "Optisulin 18 units",
        "Glaritus 10 units",
        "Basalog 16 units",
        "Wosulin-R",
    ],
)
def test_an_insulin_by_a_brand_a_clinic_writes_is_read_as_insulin(entry: str) -> None:
    """8232 (MAJOR): these passed unread beside diabetes recorded without insulin, and the plan
    said 'the medication list names no insulin taken now'; an insulin taken now beside diabetes
    without "insulin": true is refused, as 27 other brands are."""
    profile = patient(comorbidities=[{"name": "diabetes", "hba1c": 7.9}], medications=[entry])
    with pytest.raises(resistx.ProfileError, match="insulin"):
        resistx.load_profile(profile)


def test_a_low_tumour_fraction_on_a_blood_cell_variant_does_not_make_its_draw_count() -> None:
    """8227 (MAJOR): TP53 R175H with a tumour fraction of 0.3% on its row only, beside ESR1 and
    pathway negatives of the same draw: the draw was read as holding tumour DNA, chemotherapy
    came first for nothing actionable. A fraction under 1% shows no tumour DNA worth reading
    a negative by (as on the negatives' own rows)."""
    rows = _plasma_negatives_beside("TP53", "R175H")
    rows[-1]["tumour_fraction"] = 0.003
    p = resistx.sequence(patient(biomarkers=rows))
    assert "no_actionable_alteration" not in {r.code for o in p.options for r in o.reasons}
    rows[-1]["tumour_fraction"] = 0.06  # an adequate fraction shows the tumour's DNA was there
    shown = resistx.sequence(patient(biomarkers=rows))
    assert "no_actionable_alteration" in {r.code for o in shown.options for r in o.reasons}


def test_tdxd_stopped_for_thrombocytopenia_is_dose_managed_as_for_neutropenia() -> None:
    """8204 (MAJOR): trastuzumab deruxtecan stopped for thrombocytopenia was at best later,
    chemotherapy and sacituzumab govitecan preferred above it, where the same stop for
    neutropenia left it first: its label holds it and reduces the dose after a grade 4 one."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(_her2_low_after_tdxd_stopped_for("thrombocytopenia"), policy=policy)
        tdxd = p.option("trastuzumab-deruxtecan")
        assert tdxd is not None
        assert tdxd.tier.value != "later", policy
        assert any("thrombocytopenia" in c.text and "dose" in c.text for c in tdxd.cautions)


def test_datopotamab_deruxtecan_after_sacituzumab_govitecan_stopped_for_toxicity() -> None:
    """8209 (MAJOR, practice-2026): after one chemotherapy line and sacituzumab govitecan (a
    TROP2 ADC) stopped for diarrhoea, datopotamab deruxtecan came first and preferred on
    TROPION-Breast01's figures, which the sources do not say reach a patient after another
    TROP2 ADC: at best an alternative, saying so. Sacituzumab govitecan's own diarrhoea is
    managed by dose (its label): a caution, at best an alternative, not later."""
    sg = _course(3, ["sacituzumab govitecan"], "2025-09-15", "2026-04-10", "toxicity")
    profile = patient(
        biomarkers=NEGATIVE,
        as_of="2026-05-15",
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2021-03-01", "2023-05-10"),
            _course(2, ["capecitabine"], "2023-05-25", "2025-09-01"),
            {**sg, "toxicity": "diarrhoea"},
        ],
    )
    p = resistx.sequence(profile, policy="practice-2026")
    dato = p.option("datopotamab-deruxtecan")
    assert dato is not None
    assert dato.tier.value != "preferred"
    assert any("TROP2" in r.text and "sacituzumab govitecan" in r.text for r in dato.reasons)
    again = p.option("sacituzumab-govitecan")
    assert again is not None
    assert again.tier.value == "alternative"


def test_a_restage_after_a_severe_skin_reaction_names_the_drug_not_given_again() -> None:
    """8210 (MINOR): after a Stevens-Johnson syndrome stopped palbociclib + letrozole, the
    restage action read 'resume endocrine therapy without , which is not given again'."""
    course = _course(1, ["palbociclib", "letrozole"], "2024-01-10", "2024-06-10", "toxicity")
    p = resistx.sequence(
        patient(
            treatments=[{**course, "toxicity": "Stevens-Johnson syndrome"}], biomarkers=NEGATIVE
        )
    )
    [restage] = [a for a in p.actions if a.code == "document_progression"]
    assert "without palbociclib, which is not given again" in restage.text
    assert "without ," not in restage.text


def test_dress_syndrome_is_read_as_a_severe_cutaneous_reaction() -> None:
    """The recheck (MINOR): 'DRESS syndrome' was refused with 'did you mean hand foot
    syndrome?', a hint that would lose the reaction if followed."""
    course = _course(1, ["palbociclib", "letrozole"], "2024-01-10", "2024-06-10", "toxicity")
    p = resistx.sequence(patient(treatments=[{**course, "toxicity": "DRESS syndrome"}]))
    assert p.exclusion("palbociclib+fulvestrant") is not None


def test_a_germline_negative_does_not_disagree_with_a_tumour_variant_of_its_gene() -> None:
    """8220, 8221 (MINOR): a germline TP53 wild type after a plasma TP53 R175H was read as a
    later negative that stands ('TP53 changes under treatment'), with a 'results disagree'
    action before choosing: a germline test says nothing of the tumour's own variants."""
    rows = _plasma_negatives_beside("TP53", "R175H")
    rows.append(result("TP53", "wild_type", origin="germline", tested_on="2026-04-12"))
    p = resistx.sequence(patient(biomarkers=rows))
    assert not [a for a in p.actions if a.code == "resolve_conflict"]
    assert not [n for n in p.notes if n.startswith("TP53:") and "disagree" in n]


def test_the_referral_says_the_medication_list_names_no_insulin() -> None:
    """8194 (MINOR): at an HbA1c of 8.0 with a metformin-only list, the referral asked to record
    insulin without saying the list names none (as the insulin question does: 7783)."""
    from tests.test_board_fixes_7779 import _pik3ca_with_diabetes  # noqa: PLC0415

    listed = {**_pik3ca_with_diabetes(hba1c=8.0), "medications": ["metformin 1 g twice daily"]}
    said = _referral(resistx.sequence(listed)).text
    assert "medication list names no insulin" in said


def test_a_datetime_or_a_set_in_a_model_built_in_code_is_named_at_its_path() -> None:
    """The recheck (MINOR): a datetime.datetime (or a pandas Timestamp) for a date raised a bare
    TypeError; a set or a dict for the medications was accepted silently."""
    import datetime as dt  # noqa: PLC0415

    with pytest.raises(resistx.ProfileError) as caught:
        _built(as_of=dt.datetime(2026, 5, 1, 9, 30))
    assert "$.as_of" in _paths(caught)
    assert ".date()" in str(caught.value)
    for value in ({"itraconazole"}, {"itraconazole": "200 mg"}):
        with pytest.raises(resistx.ProfileError) as caught:
            _built(medications=value)
        assert "$.medications" in _paths(caught)


def test_sacituzumab_govitecan_after_febrile_neutropenia_on_tdxd_carries_a_caution() -> None:
    """8202, 8206 (MINOR): after trastuzumab deruxtecan stopped for febrile neutropenia,
    sacituzumab govitecan came first with no word of that episode, though its payload is a
    topoisomerase-I inhibitor too and its own label's boxed warning is neutropenia."""
    p = resistx.sequence(_her2_low_after_tdxd_stopped_for("febrile neutropenia"))
    sg = p.option("sacituzumab-govitecan")
    assert sg is not None
    said = [c.text for c in sg.cautions if c.code == "neutropenia_on_topoisomerase_adc"]
    assert said
    assert "trastuzumab deruxtecan" in said[0]
    assert "G-CSF" in said[0]
    other = resistx.sequence(_her2_low_after_tdxd_stopped_for("fatigue"))
    sg_other = other.option("sacituzumab-govitecan")
    assert sg_other is not None
    assert not [c for c in sg_other.cautions if c.code == "neutropenia_on_topoisomerase_adc"]


def test_a_liver_toxicity_reason_is_a_whole_sentence() -> None:
    """8292, 8313 (MINOR): rule 23's reason after ribociclib stopped for liver toxicity ended
    mid-sentence: '... stopped for liver toxicity, whose grade a profile does '."""
    course = _course(1, ["ribociclib", "letrozole"], "2024-01-10", "2024-06-10", "toxicity")
    p = resistx.sequence(patient(treatments=[{**course, "toxicity": "hepatotoxicity"}]))
    texts = [
        r.text for o in p.options for r in o.reasons if r.code == "cdk46i_toxicity_rechallenge"
    ]
    assert texts
    assert all(t.endswith(".") for t in texts), texts


def _brca2_carrier_after_olaparib_stopped_for(event: str) -> dict[str, object]:
    """8304: a germline BRCA2 carrier, olaparib stopped for ``event`` without progression."""
    olaparib = _course(2, ["olaparib"], "2025-01-10", "2025-06-01", "toxicity")
    return patient(
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")],
        treatments=[
            _course(1, ["palbociclib", "letrozole"], "2022-01-10", "2024-12-20"),
            {**olaparib, "toxicity": event},
        ],
    )


def test_after_anaemia_on_olaparib_the_parp_inhibitors_say_so() -> None:
    """8304, 8322 (MAJOR): after olaparib stopped for anaemia, talazoparib came first and
    preferred with no word of it, olaparib later; olaparib's label manages anaemia by dose and
    both labels warn of myelosuppression. Olaparib is dose-managed (a caution, its place kept)
    and talazoparib carries a caution naming the anaemia."""
    p = resistx.sequence(_brca2_carrier_after_olaparib_stopped_for("anaemia"))
    olaparib, talazoparib = p.option("olaparib"), p.option("talazoparib")
    assert olaparib is not None and talazoparib is not None
    assert olaparib.tier.value != "later"
    assert any("anemia" in c.text and "dose" in c.text for c in olaparib.cautions)
    assert any("anemia" in c.text and "olaparib" in c.text for c in talazoparib.cautions)


def test_chemotherapy_names_an_agent_stopped_for_its_toxicity() -> None:
    """8305 (MINOR): after capecitabine stopped for hand-foot syndrome, the chemotherapy option
    had no caution, where the profile docs say the event is named."""
    cape = _course(2, ["capecitabine"], "2025-01-10", "2025-06-01", "toxicity")
    p = resistx.sequence(
        patient(
            biomarkers=NEGATIVE,
            treatments=[
                _course(1, ["palbociclib", "letrozole"], "2022-01-10", "2024-12-20"),
                {**cape, "toxicity": "hand-foot syndrome"},
            ],
        )
    )
    chemo = p.option("chemotherapy")
    assert chemo is not None
    assert any("capecitabine for palmar-plantar" in c.text for c in chemo.cautions)


def test_tdxd_stopped_for_nausea_comes_back_with_antiemetic_prophylaxis() -> None:
    """8310 (MAJOR): trastuzumab deruxtecan stopped at 7 weeks for nausea was at best later,
    datopotamab deruxtecan (the same payload, as emetogenic) above it. Nausea is managed by
    antiemetic prophylaxis: at best an alternative, with that caution."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(_her2_low_after_tdxd_stopped_for("nausea"), policy=policy)
        tdxd = p.option("trastuzumab-deruxtecan")
        assert tdxd is not None
        assert tdxd.tier.value == "alternative", policy
        assert any("antiemetic" in c.text for c in tdxd.cautions)


def test_an_enum_value_as_text_in_code_is_read_as_the_member_or_refused_at_its_path() -> None:
    """8340, 8345 (MAJOR): ``Profile(hormone_receptor="low")`` and ``Treatment(stop_reason=
    "progression")`` built with the text kept it: er_low, the lines and the progressions read
    from it were wrong (False, 0, none), and a misspelt one passed until ``sequence``."""
    as_text: dict[str, Any] = {"setting": "metastatic", "stop_reason": "progression"}
    course = resistx.Treatment(drugs=("ribociclib", "letrozole"), line=1, **as_text)
    assert course.stop_reason is resistx.StopReason.PROGRESSION
    p = resistx.Profile(schema_version=1, hormone_receptor="low", her2="0", treatments=(course,))  # type: ignore[arg-type]
    assert p.hormone_receptor is HormoneReceptor.LOW
    assert p.er_low
    assert p.metastatic_treatments == (course,)
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.Treatment(drugs=("letrozole",), stop_reason="progresion")  # type: ignore[arg-type]
    assert "$.stop_reason" in _paths(caught)


def test_a_list_or_a_numpy_number_in_code_is_stored_as_a_model_holds_it() -> None:
    """8344, 8341 (MAJOR): a list passed in was kept by reference (appending to it later left
    the plan and its profile disagreeing, and the profile unhashable); numpy.float64 months
    raised 'the truth value of an empty array is ambiguous'."""
    np = pytest.importorskip("numpy")
    meds = ["metformin"]
    p = _built(medications=meds)
    meds.append("itraconazole 200 mg daily")
    assert p.medications == ("metformin",)
    hash(p)
    course = resistx.Treatment(drugs=("letrozole",), months=np.float64(3.0))
    assert course.months == 3.0
    assert type(course.months) is float


def test_a_her2_test_built_in_code_names_its_problems_at_their_paths() -> None:
    """8342 (MAJOR): ``Her2Test(sample="tissue")`` raised AttributeError; a datetime for its
    date a bare TypeError."""
    import datetime as dt  # noqa: PLC0415

    t = resistx.Her2Test(score="1+", sample="tissue")  # type: ignore[arg-type]
    assert t.sample is resistx.Sample.TISSUE
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.Her2Test(score=resistx.Her2Score.ONE, tested_on=dt.datetime(2026, 1, 1, 8, 0))
    assert "$.tested_on" in _paths(caught)


@pytest.mark.parametrize(
    ("first", "second"),
    [({"insulin": True}, {"insulin": False}), ({"hba1c": 6.0}, {"hba1c": 9.5})],
)
def test_diabetes_recorded_twice_with_different_values_is_refused(
    first: dict[str, object], second: dict[str, object]
) -> None:
    """8343 (MAJOR): diabetes recorded with insulin true and false, or with HbA1c 6.0 and 9.5,
    passed, the plan reading the worse without a word; what contradicts itself is an error."""
    data = patient(comorbidities=[{"name": "diabetes", **first}, {"name": "diabetes", **second}])
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    assert any(path.startswith("$.comorbidities") for path, _m in caught.value.problems)


def test_a_wrong_type_for_the_evidence_argument_names_it() -> None:
    """8347 (MINOR): ``sequence(evidence=2026.11)`` raised 'argument of type float is not
    iterable', ``evidence={}`` an AttributeError, where a wrong ``policy`` is named."""
    wrongs: tuple[object, ...] = (2026.11, {})
    for wrong in wrongs:
        with pytest.raises(TypeError, match="evidence must be"):
            resistx.sequence(patient(), evidence=wrong)  # type: ignore[arg-type]


def test_sequence_of_a_fhir_bundle_points_to_convert(tmp_path: Any) -> None:
    """8349 (MINOR): ``resistx sequence BUNDLE`` listed the bundle's keys as unknown and never
    said that ``resistx convert --from fhir`` reads it."""
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": []}))
    run = subprocess.run(
        [sys.executable, "-m", "resistx", "sequence", str(bundle)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "convert --from fhir" in run.stderr


def test_the_schema_says_a_course_names_at_least_one_drug() -> None:
    """8352 (MINOR): ``drugs: []`` passed the published schema, and load_profile refused it."""
    drugs = resistx.json_schema("profile")["$defs"]["Treatment"]["properties"]["drugs"]
    assert drugs["minItems"] == 1


def test_a_plan_whose_ranks_contradict_each_other_is_refused_when_read() -> None:
    """8348 (MINOR): ``from_dict(Plan, ...)`` read a plan with its options reversed (ranks 15,
    14, ...) or two at rank 1, where plan.md promises ranks 1, 2, 3 ... without gaps."""
    data = resistx.to_dict(resistx.sequence(patient()))
    data["options"] = list(reversed(data["options"]))
    with pytest.raises(resistx.ResistxError, match="rank"):
        resistx.from_dict(resistx.Plan, data)


def test_a_kind_as_a_clinic_abbreviates_it_gets_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    """8349 (MINOR): ``--declines-kind chemo`` got no 'did you mean', which cli.md promises;
    in JSON preferences 'chemo' for a kind gets none either."""
    from resistx import cli  # noqa: PLC0415

    with pytest.raises(SystemExit):
        cli.main(["sequence", "examples/01-esr1-mutated.json", "--declines-kind", "chemo"])
    assert "did you mean chemotherapy?" in capsys.readouterr().err
    from resistx.io.profile import load_preferences  # noqa: PLC0415

    with pytest.raises(resistx.PreferencesError, match="did you mean chemotherapy"):
        load_preferences({"declines_kinds": ["chemo"]})


def test_the_views_refuse_arguments_of_the_wrong_type() -> None:
    """8350 (MINOR): ``to_text(width="80")`` raised a bare TypeError deep in the wrapping;
    ``to_html(full="yes")`` was read as true."""
    p = resistx.sequence(patient())
    with pytest.raises(TypeError, match="width"):
        p.to_text(width="80")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="full"):
        p.to_html(full="yes")  # type: ignore[arg-type]
