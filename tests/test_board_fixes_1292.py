"""Scenario tests for the findings of the blind reviews from case 1292 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: rechecks of session 45's fixes
(1292-1301), organ function (1302-1306), where the disease is (1307-1311), ordinary cases
(1312-1316) and the newer agents (1317-1321)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, rank, result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

_PAM = ("PIK3CA", "AKT1", "PTEN")


def _germline_brca(tested_on: str, brca2: str = "not_detected") -> list[dict[str, Any]]:
    """A germline panel on blood: BRCA2 as given, BRCA1 and PALB2 not detected."""
    return [
        result("BRCA2", brca2, origin="germline", sample="blood", tested_on=tested_on),
        *(
            result(g, "not_detected", origin="germline", sample="blood", tested_on=tested_on)
            for g in ("BRCA1", "PALB2")
        ),
    ]


def _ac_t(setting: str, start: str, end: str) -> dict[str, Any]:
    """(Neo)adjuvant doxorubicin, cyclophosphamide and paclitaxel, completed."""
    return {
        "drugs": ["doxorubicin", "cyclophosphamide", "paclitaxel"],
        "setting": setting,
        "started_on": start,
        "ended_on": end,
        "stop_reason": "completed",
    }


def _brca2_carrier_after_one_endocrine_line(germline_brca2: bool) -> dict[str, Any]:
    """Case 1316: HER2-low (2+, ISH negative), neoadjuvant AC-T and adjuvant tamoxifen years
    ago, then 11 months of palbociclib + letrozole; ESR1 and the PI3K pathway negative in ctDNA
    now; a germline BRCA2 mutation (or a negative germline test)."""
    return _woman(
        "2026-11-30",
        [
            *_germline_brca("2020-03-20", "mutated" if germline_brca2 else "not_detected"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)),
        ],
        _ac_t("neoadjuvant", "2020-04-01", "2020-09-15"),
        {
            "drugs": ["tamoxifen"],
            "setting": "adjuvant",
            "started_on": "2020-11-01",
            "ended_on": "2025-10-31",
            "stop_reason": "completed",
        },
        _course(["palbociclib", "letrozole"], "2025-12-01", "2026-11-01", "progression", line=1),
        her2="low",
        ecog=0,
    )


def test_a_germline_brca2_puts_trastuzumab_deruxtecan_after_the_parp_inhibitors_not_after_chemotherapy() -> (
    None
):
    """Case 1316 (MAJOR, practice-2026): a germline BRCA2 carrier with HER2-low disease after
    one endocrine line. Rule 58 held trastuzumab deruxtecan back behind the PARP inhibitor as
    'at best a later option', which put it below chemotherapy and both CDK4/6-inhibitor
    switches, though it beat chemotherapy in HER2-low disease (DESTINY-Breast04, -06) and the
    same patient without the mutation has it first. It now comes after the PARP inhibitors,
    before chemotherapy, with the reason unchanged (since session 66 the 11 months on the
    CDK4/6 inhibitor read as endocrine-sensitive, rule 32: the endocrine lines come before it,
    outside DESTINY-Breast06's entry, 7428b)."""
    plan = _planned(_brca2_carrier_after_one_endocrine_line(True), "practice-2026")
    assert {o.regimen.id for o in plan.options[:2]} == {"olaparib", "talazoparib"}
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert "parp_target_before_tdxd" in {r.code for r in tdxd.reasons}
    assert rank(plan, "trastuzumab-deruxtecan") < rank(plan, "chemotherapy")
    assert "endocrine_sensitive_adc_later" in {r.code for r in tdxd.reasons}
    without = _planned(_brca2_carrier_after_one_endocrine_line(False), "practice-2026")
    assert without.options[0].regimen.id == "abemaciclib+fulvestrant"  # rule 32 (7428b)
    assert rank(without, "trastuzumab-deruxtecan") < rank(without, "chemotherapy")


def _pik3ca_on_rifampicin(**kw: Any) -> dict[str, Any]:
    """Case 1294b: HER2-low, PIK3CA H1047R in tissue after 33 months of abemaciclib +
    letrozole, rifampicin for tuberculosis until months from now."""
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-11-03", variant="H1047R"),
            *(result(g, "not_detected", sample="tissue", tested_on="2026-11-03") for g in _PAM[1:]),
            result("ESR1", "not_detected", tested_on="2026-11-03"),
            *_germline_brca("2024-01-20"),
        ],
        _course(["abemaciclib", "letrozole"], "2024-01-15", "2026-10-25", "progression", line=1),
        her2="low",
        **kw,
    )


def test_a_trial_of_ipatasertib_is_not_first_beside_rifampicin() -> None:
    """Case 1294b (MAJOR, both policies): on rifampicin, a strong CYP3A inducer, capivasertib
    and the CDK4/6 inhibitors went later as rule 115 asks, and FINER's trial of ipatasertib, an
    AKT inhibitor that CYP3A4 metabolises, came first with no word of the interaction. It now
    carries the interaction and goes with capivasertib, after every option without one; without
    the rifampicin it keeps its place."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_pik3ca_on_rifampicin(medications=["rifampicin 600 mg daily"]), policy)
        finer = option(plan, "trial:NCT04650581")
        codes = {c.code for c in finer.cautions}
        assert "cyp3a_interaction" in codes, policy
        assert "cyp3a_interaction_later" in {r.code for r in finer.reasons}, policy
        assert rank(plan, "trial:NCT04650581") > rank(plan, "fulvestrant"), policy
        assert plan.options[0].regimen.id != "trial:NCT04650581", policy
    alone = _planned(_pik3ca_on_rifampicin(), "ye2024")
    assert not [c for c in option(alone, "trial:NCT04650581").cautions if "CYP3A" in c.text]


def test_every_trial_option_says_its_entry_may_bar_a_strong_cyp3a_drug() -> None:
    """Case 1294b: a trial's investigational agents have no label; with a strong CYP3A
    inhibitor or inducer on record, each trial option says the trial's exclusions decide."""
    plan = _planned(_pik3ca_on_rifampicin(medications=["rifampicin 600 mg daily"]), "ye2024")
    trials = [o for o in plan.options if o.regimen.id.startswith("trial:")]
    assert trials
    for o in trials:
        assert any("exclusions" in c.text and c.rule == 115 for c in o.cautions), o.regimen.id


def _germline_brca2_with_kidneys(renal: Any) -> dict[str, Any]:
    """Case 1304: a germline BRCA2 carrier, HER2-low, after adjuvant AC-T and 43 months of
    abemaciclib + fulvestrant; ESR1 and the PI3K pathway negative; chronic kidney disease."""
    return _woman(
        "2026-11-30",
        [
            *_germline_brca("2023-02-10", "mutated"),
            *(result(g, "not_detected", tested_on="2026-10-25") for g in ("ESR1", *_PAM)),
        ],
        _ac_t("adjuvant", "2016-03-01", "2016-08-20"),
        _course(["abemaciclib", "fulvestrant"], "2023-03-01", "2026-10-15", "progression", line=1),
        her2="low",
        comorbidities=[renal],
    )


def test_olaparib_is_not_first_at_a_creatinine_clearance_below_30() -> None:
    """Case 1304 (MAJOR, both policies): at a creatinine clearance of 25 mL/min olaparib, whose
    US label has no data at 30 mL/min or below, came first with a caution that its label
    lowers its dose in moderate renal impairment. A recorded clearance below 30 makes olaparib
    a relative contraindication, after talazoparib, whose label gives a lower dose down to
    15 mL/min; below 15 both go later."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(
            _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 25}),
            policy,
        )
        assert plan.options[0].regimen.id == "talazoparib", policy
        olaparib = option(plan, "olaparib")
        assert "renal_label_later" in {r.code for r in olaparib.reasons}, policy
        assert rank(plan, "olaparib") > rank(plan, "chemotherapy"), policy
        talazoparib = option(plan, "talazoparib")
        assert any(c.code == "renal_lower_dose" for c in talazoparib.cautions), policy
    failing = _planned(
        _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 10})
    )
    assert "renal_label_later" in {r.code for r in option(failing, "talazoparib").reasons}
    moderate = _planned(
        _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 45})
    )
    assert moderate.options[0].regimen.id in {"olaparib", "talazoparib"}
    assert "renal_label_later" not in {r.code for r in option(moderate, "olaparib").reasons}


def test_renal_impairment_without_its_clearance_asks_for_it_where_a_parp_inhibitor_is_in_play() -> (
    None
):
    """Case 1304: recorded by name only, renal impairment reads the same at any stage; with a
    PARP inhibitor in play, the plan asks for the creatinine clearance before choosing."""
    plan = _planned(_germline_brca2_with_kidneys("renal_impairment"))
    asked = [a for a in plan.actions if a.code == "measure_creatinine_clearance"]
    assert asked and asked[0].before_choosing
    known = _planned(
        _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 45})
    )
    assert not [a for a in known.actions if a.code == "measure_creatinine_clearance"]


def test_a_creatinine_clearance_is_read_for_renal_impairment_only() -> None:
    """The value belongs to renal impairment, in mL/min below 90; dialysis named as a
    comorbidity points to it."""
    for bad in (
        {"name": "diabetes", "creatinine_clearance": 25},
        {"name": "renal_impairment", "creatinine_clearance": 95},
        {"name": "renal_impairment", "creatinine_clearance": -1},
    ):
        with pytest.raises(resistx.ProfileError, match="creatinine_clearance"):
            resistx.load_profile(_germline_brca2_with_kidneys(bad))
    with pytest.raises(resistx.ProfileError, match="creatinine_clearance"):
        resistx.load_profile(_germline_brca2_with_kidneys("haemodialysis"))


def _oligoprogression(*courses: dict[str, Any], her2: str = "low") -> dict[str, Any]:
    """Case 1311: PIK3CA E545K, ESR1 and the rest of the pathway not detected, after
    palbociclib + letrozole from January 2023."""
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-11-20", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-11-20") for g in ("ESR1", *_PAM[1:])),
        ],
        *courses,
        her2=her2,
    )


def test_the_same_drugs_continued_past_a_progression_under_one_line_number_are_one_line() -> None:
    """Case 1311b (MAJOR, practice-2026): palbociclib + letrozole recorded as progressed on
    2026-11-05 and then continued the next day under the same line number (oligoprogression
    treated locally, the line going on) was read as two endocrine lines: trastuzumab deruxtecan
    'within DESTINY-Breast06's entry' and first, abemaciclib + fulvestrant outside postMONARCH's
    population. The same drugs continued under one line number right after its progression are
    that line continued: the plan is the one of the line ended by its progression."""
    first = _course(["palbociclib", "letrozole"], "2023-01-09", "2026-11-05", "progression", line=1)
    continued = _course(["palbociclib", "letrozole"], "2026-11-06", None, "ongoing", line=1)
    for her2 in ("low", "0"):
        a = _planned(_oligoprogression(first, continued, her2=her2), "practice-2026")
        b = _planned(_oligoprogression(first, her2=her2), "practice-2026")
        assert [(o.regimen.id, o.tier) for o in a.options][:6] == [
            (o.regimen.id, o.tier) for o in b.options
        ][:6], her2
        assert a.options[0].regimen.id == "capivasertib+fulvestrant", her2
        abema = option(a, "abemaciclib+fulvestrant")
        assert "outside_postmonarch_population" not in {r.code for r in abema.reasons}, her2
    # another drug under the same number after the progression is still another line
    switched = _course(["fulvestrant"], "2026-11-06", None, "ongoing", line=1)
    numbered = dict(switched, line=2)
    one, two = (
        _planned(_oligoprogression(first, c), "practice-2026") for c in (switched, numbered)
    )
    assert [(o.regimen.id, o.tier) for o in one.options] == [
        (o.regimen.id, o.tier) for o in two.options
    ]


def _leptomeningeal(sites: list[str], **kw: Any) -> dict[str, Any]:
    """Case 1309: lobular cancer, ECOG 2, ESR1 D538G and PIK3CA E545K in ctDNA after 45
    months of ribociclib + fulvestrant; HER2 0; metastatic ``sites``."""
    return _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-16", variant="D538G"),
            result("PIK3CA", "mutated", tested_on="2026-11-16", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-11-16") for g in _PAM[1:]),
        ],
        _course(["ribociclib", "fulvestrant"], "2022-12-01", "2026-11-10", "progression", line=1),
        her2="0",
        ecog=2,
        metastatic_sites=sites,
        **kw,
    )


def test_leptomeningeal_disease_leaves_nothing_preferred_and_asks_whether_it_is_life_threatening() -> (
    None
):
    """Case 1309 (MAJOR, both policies): symptomatic leptomeningeal disease after a CDK4/6
    inhibitor had elacestrant preferred and chemotherapy sixth: a profile had no field for the
    sites of disease. ``metastatic_sites`` records them; with leptomeningeal disease and no
    visceral crisis recorded nothing is preferred, and the plan asks before choosing whether it
    is the review's 'life-threatening disease' (recorded as a visceral crisis: chemotherapy
    first) and for CNS-directed treatment beside the systemic choice."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_leptomeningeal(["leptomeningeal", "bone"]), policy)
        assert all(o.tier is not resistx.Tier.PREFERRED for o in plan.options), policy
        [asked] = [a for a in plan.actions if a.code == "leptomeningeal_life_threatening"]
        assert asked.before_choosing, policy
        elacestrant = option(plan, "elacestrant")
        assert "leptomeningeal_not_preferred" in {r.code for r in elacestrant.reasons}, policy
        crisis = _planned(_leptomeningeal(["leptomeningeal"], visceral_crisis=True), policy)
        assert crisis.options[0].regimen.id == "chemotherapy", policy
        assert not [a for a in crisis.actions if a.code == "leptomeningeal_life_threatening"]
    bone = _planned(_leptomeningeal(["bone"]))
    assert bone.options[0].tier is resistx.Tier.PREFERRED
    assert not [a for a in bone.actions if a.code.startswith(("leptomeningeal", "brain"))]


def test_brain_metastases_ask_for_local_treatment_and_say_the_ranking_does_not_weigh_them() -> None:
    """Case 1308: new brain metastases beside the systemic choice: the plan says that local
    treatment is weighed first or beside it, and that the ranking does not read how each drug
    acts in the brain."""
    plan = _planned(_leptomeningeal(["brain", "lung"]))
    [said] = [a for a in plan.actions if a.code == "brain_metastases_local_treatment"]
    assert "radiosurgery" in said.text


def test_metastatic_sites_are_a_closed_list_named_once() -> None:
    with pytest.raises(resistx.ProfileError, match="metastatic_sites"):
        resistx.load_profile(_leptomeningeal(["bone", "bone"]))
    with pytest.raises(resistx.ProfileError, match="metastatic_sites"):
        resistx.load_profile(_leptomeningeal(["spleen-ish"]))
    assert resistx.load_profile(_leptomeningeal(["liver", "bone"])).metastatic_sites == (
        resistx.MetastaticSite.LIVER,
        resistx.MetastaticSite.BONE,
    )


def _codes_and_texts(o: resistx.Option) -> list[tuple[str, str]]:
    return [(c.code, c.text) for c in o.cautions] + [(r.code, r.text) for r in o.reasons]


def test_talazoparib_and_sacituzumab_govitecan_say_what_their_labels_say_of_the_cyp3a_drug() -> (
    None
):
    """Cases 1294 and 1294b (MINOR): talazoparib beside itraconazole said the sources give no
    instruction, though its US label lowers its dose with itraconazole and clarithromycin
    (P-gp inhibitors) and needs no change with rifampin; sacituzumab govitecan beside
    rifampicin said the same, though its label advises against a UGT1A1 inducer."""
    brca = _germline_brca2_with_kidneys({"name": "cardiac_disease"})
    brca["comorbidities"] = []
    on_itraconazole = _planned(dict(brca, medications=["itraconazole"]))
    said = _codes_and_texts(option(on_itraconazole, "talazoparib"))
    assert any(code == "cyp3a_interaction" and "lowers its dose" in t for code, t in said)
    assert not [t for code, t in said if code == "cyp3a_interaction_unknown"]
    on_rifampicin = _planned(dict(brca, medications=["rifampicin"]))
    said = _codes_and_texts(option(on_rifampicin, "talazoparib"))
    assert any("no dose change" in t for _code, t in said)
    assert not [
        t for code, t in said if code in {"cyp3a_interaction_unknown", "cyp3a_interaction_later"}
    ]
    sg = _planned(_pik3ca_on_rifampicin(medications=["rifampicin"]))
    said = _codes_and_texts(option(sg, "sacituzumab-govitecan"))
    assert any(code == "cyp3a_interaction_later" and "UGT1A1" in t for code, t in said)
    for inducer in ("carbamazepine", "phenytoin"):  # case 1348 (MAJOR): it led beside them
        sg = _planned(_pik3ca_on_rifampicin(medications=[inducer]))
        said = _codes_and_texts(option(sg, "sacituzumab-govitecan"))
        assert any(code == "cyp3a_interaction_later" and "UGT1A1" in t for code, t in said)
    sg_itraconazole = _planned(_pik3ca_on_rifampicin(medications=["itraconazole"]))
    said = _codes_and_texts(option(sg_itraconazole, "sacituzumab-govitecan"))
    assert any(code == "cyp3a_interaction_unknown" for code, _t in said)


def test_the_tissue_confirmation_does_not_say_the_plan_turns_to_chemotherapy_when_it_does_not() -> (
    None
):
    """Cases 1316, 1297, 1298 (MINOR): the before-choosing tissue biopsy said it confirmed
    'before the plan turns to chemotherapy', where the plan put a PARP inhibitor (a germline
    BRCA2 carrier) or, under practice-2026, an endocrine-based line first. It says it comes
    before choosing a line for lack of a target."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_brca2_carrier_after_one_endocrine_line(True), policy)
        [confirm] = [a for a in plan.actions if a.code == "confirm_tissue"]
        assert "turns to chemotherapy" not in confirm.text, policy
        assert "before choosing a line for no ESR1 or PI3K-pathway target" in confirm.text


def test_the_text_view_prints_the_reason_that_set_an_option_back() -> None:
    """Case 1322 (MAJOR, text and Markdown views): rule 118's relative contraindication to
    olaparib at a creatinine clearance of 25 mL/min showed in the JSON only; the printed entry
    said it comes before chemotherapy and its label lowers its dose. The printed 'why' shows
    the reason of every rule that sets an option back for the patient's state (rules 111,
    114, 115, 118, 121), as it shows a relative contraindication's."""
    from resistx.display._common import why  # noqa: PLC0415

    cases = [
        (
            _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 25}),
            "olaparib",
            "renal_label_later",
        ),
        (
            _pik3ca_on_rifampicin(medications=["rifampicin"]),
            "capivasertib+fulvestrant",
            "cyp3a_interaction_later",
        ),
        (_leptomeningeal(["leptomeningeal"]), "elacestrant", "leptomeningeal_not_preferred"),
        (
            _pik3ca_on_rifampicin(comorbidities=[{"name": "neutropenia", "grade": 3}]),
            "trastuzumab-deruxtecan",
            "cytopenia_myelosuppressive_later",
        ),
        (
            _pik3ca_on_rifampicin(hormone_receptor="low"),
            "capivasertib+fulvestrant",
            "er_low_endocrine_later",
        ),
    ]
    for data, regimen, code in cases:
        o = option(_planned(data), regimen)
        [reason] = [r for r in o.reasons if r.code == code]
        assert reason.text in why(o), (regimen, code)


def test_leptomeningeal_disease_recorded_as_a_crisis_keeps_the_cns_directed_treatment() -> None:
    """Cases 1323b, 1329 (MAJOR, both policies): recording leptomeningeal disease as a visceral
    crisis, as rule 120 asks where it is life-threatening, dropped the action on CNS-directed
    treatment (radiotherapy, intrathecal therapy), in the patients who need it most. It stays,
    beside chemotherapy, which does not wait for it; brain metastases ask for local treatment
    before choosing outside a crisis."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_leptomeningeal(["leptomeningeal"], visceral_crisis=True), policy)
        [cns] = [a for a in plan.actions if a.code == "leptomeningeal_cns_treatment"]
        assert "intrathecal" in cns.text and not cns.before_choosing, policy
    brain = _planned(_leptomeningeal(["brain"]))
    [local] = [a for a in brain.actions if a.code == "brain_metastases_local_treatment"]
    assert local.before_choosing


def test_a_line_continued_twice_past_oligoprogression_is_still_one_line() -> None:
    """Case 1324c (MAJOR, practice-2026): palbociclib + anastrozole continued twice past an
    oligoprogression under one line number (gaps of 14 and 18 days) was read as more than one
    line: trastuzumab deruxtecan 'after the endocrine lines of DESTINY-Breast06's entry',
    abemaciclib + fulvestrant 'another line'. Each continuation continues the line."""
    drugs = ["palbociclib", "anastrozole"]
    courses = (
        _course(drugs, "2022-06-01", "2024-03-10", "progression", line=1),
        _course(drugs, "2024-03-24", "2025-08-01", "progression", line=1),
        _course(drugs, "2025-08-19", "2026-11-01", "progression", line=1),
    )
    a = _planned(_oligoprogression(*courses), "practice-2026")
    once = (courses[0], dict(courses[1], ended_on="2026-11-01"))
    b = _planned(_oligoprogression(*once), "practice-2026")
    assert [(o.regimen.id, o.tier) for o in a.options] == [
        (o.regimen.id, o.tier) for o in b.options
    ]
    abema = option(a, "abemaciclib+fulvestrant")
    assert "outside_postmonarch_population" not in {r.code for r in abema.reasons}


def test_radiotherapy_and_bone_agents_are_not_suggested_as_drugs() -> None:
    """Case 1339 (MAJOR, validate): a radiotherapy course was refused with 'did you mean
    chemotherapy?', which a data manager following it turns into a chemotherapy line never
    given (trastuzumab deruxtecan then led for HER2-low disease). Local treatment is said to be
    no systemic course, to be recorded in other_conditions; a bone-targeted agent, to go in
    medications."""
    base = _pik3ca_on_rifampicin()
    for entry, words in (
        ("radiotherapy", "other_conditions"),
        ("Palliative radiotherapy 20 Gy", "other_conditions"),
        ("SBRT", "other_conditions"),
        ("zoledronic acid", "medications"),
        ("Xgeva", "medications"),
        ("XRT", "other_conditions"),  # case 1343
        ("gamma knife", "other_conditions"),
        ("lumpectomy", "other_conditions"),
        ("ibandronate", "medications"),
    ):
        data = dict(
            base,
            treatments=[
                *base["treatments"],
                _course([entry], "2026-11-02", "2026-11-06", "completed"),
            ],
        )
        with pytest.raises(resistx.ProfileError) as caught:
            resistx.load_profile(data)
        message = str(caught.value)
        assert words in message and "chemotherapy?" not in message, (entry, message)


def _letrozole_with_palbociclib_split(*palbociclib: tuple[str, str, str]) -> dict[str, Any]:
    """Case 1337: letrozole recorded as one course to progression on 2026-10-19, palbociclib
    as several (dose reductions with holds, or a pause), HER2-low, nothing actionable."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-02") for g in ("ESR1", *_PAM)],
        _course(["letrozole"], "2025-10-06", "2026-10-19", "progression", line=1),
        *(_course(["palbociclib"], start, end, stop, line=1) for start, end, stop in palbociclib),
        her2="low",
    )


def test_the_partner_recorded_as_one_course_does_not_cut_the_time_on_a_split_cdk46_inhibitor() -> (
    None
):
    """Cases 1337, 1338 (MAJOR, both policies): letrozole recorded as one course to the
    progression, and palbociclib as three courses around two dose reductions (7-day holds), or
    paused for two months at the patient's wish, was read as 9.2 (or 5.4) months on the CDK4/6
    inhibitor, not 12.4: letrozole's progression, at the end of the line, was read as coming
    before the resumptions. A progression ends the control held only when it comes before the
    course that resumes, and endocrine therapy given through a pause bridges it."""
    reduced = _letrozole_with_palbociclib_split(
        ("2025-10-06", "2026-01-05", "toxicity"),
        ("2026-01-12", "2026-05-04", "toxicity"),
        ("2026-05-11", "2026-10-19", "progression"),
    )
    for data in (
        reduced,
        *(dict(reduced, treatments=[dict(t, line=None) for t in reduced["treatments"]]),),
    ):
        for t in data["treatments"]:
            if t.get("stop_reason") == "toxicity":
                t["toxicity"] = "neutropenia"
            if t.get("line") is None:
                t.pop("line", None)
        months = resistx.load_profile(data).cdk46i_months
        assert months is not None and months > 12, months
    paused = _letrozole_with_palbociclib_split(
        ("2025-10-06", "2026-03-02", "patient_choice"),
        ("2026-05-07", "2026-10-19", "progression"),
    )
    months = resistx.load_profile(paused).cdk46i_months
    assert months is not None and months > 12, months
    together = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-02") for g in ("ESR1", *_PAM)],
        _course(["palbociclib", "letrozole"], "2025-10-06", "2026-10-19", "progression", line=1),
        her2="low",
    )
    a, b = (_planned(d, "practice-2026") for d in (reduced, together))
    assert [(o.regimen.id, o.tier) for o in a.options][:4] == [
        (o.regimen.id, o.tier) for o in b.options
    ][:4]


def test_a_trial_of_agents_the_sources_say_nothing_of_asks_for_its_exclusions_too() -> None:
    """Case 1294b: a trial option whose agents no table names (a CDK2 inhibitor's trial for
    CCNE1 amplification) asks too that its exclusions be checked for a strong CYP3A drug."""
    data = _woman(
        "2026-11-30",
        [
            result("CCNE1", "amplified", sample="tissue", tested_on="2026-11-03"),
            *(result(g, "not_detected", tested_on="2026-11-03") for g in ("ESR1", *_PAM)),
        ],
        _course(["palbociclib", "letrozole"], "2024-01-15", "2026-10-25", "progression", line=1),
        her2="0",
        medications=["carbamazepine"],
    )
    plan = _planned(data)
    trials = [o for o in plan.options if o.regimen.id.startswith("trial:")]
    covered = {"palbociclib", "ribociclib", "abemaciclib", "talazoparib", "ipatasertib"}
    bare = [o for o in trials if not covered & set(o.regimen.drugs)]
    assert bare, [o.regimen.id for o in trials]
    for o in bare:
        assert "cyp3a_trial_entry" in {c.code for c in o.cautions}, o.regimen.id


def test_the_febrile_neutropenia_caution_does_not_say_the_drug_keeps_its_place_beside_a_demotion() -> (
    None
):
    """Case 1295b (MINOR): sacituzumab govitecan stopped for febrile neutropenia, then
    trastuzumab deruxtecan progressed: rule 92 sets it back, and its caution said 'it keeps
    its place'. It says the neutropenia does not move it."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-15") for g in ("ESR1", *_PAM)],
        _course(["palbociclib", "letrozole"], "2024-07-01", "2025-09-10", "progression", line=1),
        _course(["capecitabine"], "2025-09-20", "2026-02-15", "progression", line=2),
        _course(["paclitaxel"], "2026-02-25", "2026-05-20", "progression", line=3),
        _course(
            ["sacituzumab govitecan"],
            "2026-06-01",
            "2026-06-20",
            "toxicity",
            line=4,
            toxicity="febrile neutropenia",
        ),
        _course(["trastuzumab deruxtecan"], "2026-07-01", "2026-11-10", "progression", line=5),
        her2="low",
    )
    sg = option(_planned(data), "sacituzumab-govitecan")
    texts = [c.text for c in sg.cautions if "G-CSF" in c.text]
    assert texts and not any("keeps its place" in t for t in texts)
    assert any("at best an alternative" in t for t in texts)  # case 1790


def test_a_dose_reduction_recorded_as_a_stop_reason_says_how_to_record_it() -> None:
    """Case 1337 (MINOR): 'dose_reduction' as a stop reason was refused with the list of stop
    reasons only; the message now says a reduction is no stop and how to record a hold."""
    data = _letrozole_with_palbociclib_split(("2025-10-06", "2026-10-19", "dose_reduction"))
    with pytest.raises(resistx.ProfileError, match="a dose reduction is no stop"):
        resistx.load_profile(data)


def test_an_end_date_after_the_decision_is_said_to_be_a_planned_end() -> None:
    """Case 1340 (MINOR, validate): an EHR's order end date after the decision date drew
    messages that steered to 'completed' or to moving the decision date; they now say a
    planned end is no end, and to record the course as ongoing."""
    data = _woman(
        "2026-11-30",
        [],
        _course(["ribociclib", "letrozole"], "2025-02-01", "2027-01-26", "ongoing", line=1),
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    assert "planned or order end" in str(caught.value)
    data["treatments"][0]["stop_reason"] = "progression"
    with pytest.raises(resistx.ProfileError, match="record the course as ongoing"):
        resistx.load_profile(data)


def test_a_line_continued_past_oligoprogression_is_measured_from_its_first_course() -> None:
    """Case 1346b (MAJOR, practice-2026): palbociclib + letrozole continued twice past an
    oligoprogression (courses of 9.2, 9.9 and 8.3 months, 28 in the line) was read as 9.9
    months on the CDK4/6 inhibitor: trastuzumab deruxtecan and chemotherapy preferred, where
    the same line recorded as one course has the endocrine-based lines first. A course that
    continues the line past its progression is measured from the line's first course."""
    drugs = ["palbociclib", "letrozole"]
    courses = (
        _course(drugs, "2024-07-01", "2025-04-06", "progression", line=1),
        _course(drugs, "2025-04-14", "2026-01-10", "progression", line=1),
        _course(drugs, "2026-01-18", "2026-09-28", "progression", line=1),
    )
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-10-10") for g in ("ESR1", *_PAM)],
        *courses,
        her2="low",
    )
    months = resistx.load_profile(data).cdk46i_months
    assert months is not None and months > 26, months
    one = dict(data, treatments=[dict(courses[0], ended_on="2026-09-28")])
    a, b = (_planned(d, "practice-2026") for d in (data, one))
    assert [(o.regimen.id, o.tier) for o in a.options][:4] == [
        (o.regimen.id, o.tier) for o in b.options
    ][:4]


def _ribociclib_paused_for_surgery() -> dict[str, Any]:
    """Cases 1342c, 1363: ribociclib paused for surgery (stop reason 'other') from December to
    March while letrozole went on, then resumed to progression; nothing actionable, HER2 0."""
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-10-10") for g in ("ESR1", *_PAM)],
        _course(["letrozole"], "2025-06-02", "2026-11-05", "progression", line=1),
        _course(["ribociclib"], "2025-06-02", "2025-12-01", "other", line=1),
        _course(["ribociclib"], "2026-03-01", "2026-11-05", "progression", line=1),
        her2="0",
    )


def test_a_cdk46_inhibitor_paused_for_another_reason_with_its_partner_going_on_is_one_exposure() -> (
    None
):
    """Case 1342c (MAJOR, practice-2026): ribociclib paused for surgery (stop reason 'other')
    while letrozole went on, then resumed, was read as 8.6 months, not 17.3: a pause with no
    progression continues the control whatever its reason, as one for toxicity does."""
    data = _ribociclib_paused_for_surgery()
    months = resistx.load_profile(data).cdk46i_months
    assert months is not None and months > 17, months


def _nothing_actionable(*courses: dict[str, Any]) -> resistx.Plan:
    """The practice-2026 plan of a woman with HER2 0 disease, ESR1 and the PI3K pathway not
    detected in ctDNA, after ``courses`` (cases 1362, 1382)."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-10-25") for g in ("ESR1", *_PAM)],
        *courses,
        her2="0",
    )
    return _planned(data, "practice-2026")


def test_a_line_resumed_weeks_after_local_treatment_is_still_one_line() -> None:
    """Case 1362c, 1362d (MAJOR, practice-2026): palbociclib + letrozole resumed 42 days after
    a treated oligoprogression (a hold for radiation oesophagitis), under the same line number,
    with or without letrozole recorded alone through the gap, was read as another line:
    chemotherapy preferred and 'within DESTINY-Breast06's entry'. Resumed within 62 days (the
    switch gap of a hold), or with the partner alone given through the gap, the line goes on."""
    drugs = ["palbociclib", "letrozole"]
    first = _course(drugs, "2025-02-03", "2025-08-11", "progression", line=1)
    second = _course(drugs, "2025-08-20", "2026-01-12", "progression", line=1)
    late = _course(drugs, "2026-02-23", "2026-10-26", "progression", line=1)
    bridge = _course(["letrozole"], "2026-01-12", "2026-02-23", "other", line=1)
    soon = dict(late, started_on="2026-02-05")

    control = _nothing_actionable(first, second, soon)
    for courses in ((first, second, late), (first, second, bridge, late)):
        got = _nothing_actionable(*courses)
        assert [(o.regimen.id, o.tier) for o in got.options][:4] == [
            (o.regimen.id, o.tier) for o in control.options
        ][:4], len(courses)


def test_the_menopause_action_does_not_say_fsh_reads_postmenopausal_on_a_gnrh_agonist() -> None:
    """Case 1376c (MINOR, a false statement): with the status unknown and goserelin on record,
    rule 100 said oestradiol and FSH 'read in the postmenopausal range' on it; a GnRH agonist
    suppresses FSH and LH (low, not raised). It says so."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-05") for g in ("ESR1", *_PAM)],
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2024-06-01",
            "2026-10-20",
            "progression",
            line=1,
        ),
        her2="0",
        menopausal_status="unknown",
    )
    plan = _planned(data)
    [asked] = [a for a in plan.actions if a.rule == 100]
    assert "FSH read in the postmenopausal range" not in asked.text
    assert "FSH and LH are suppressed" in asked.text


def test_a_pause_recorded_as_other_is_not_called_the_patients_choice() -> None:
    """Case 1363 (MINOR): a CDK4/6 inhibitor paused for surgery (stop reason 'other') and
    resumed was noted as 'stopped by the patient's choice'; the note gives the reason
    recorded."""
    data = _ribociclib_paused_for_surgery()
    notes = [n for n in _planned(data).notes if "ribociclib stopped" in n]
    assert notes and all("patient's choice" not in n for n in notes), notes
    assert any("(other)" in n for n in notes)


def test_a_pneumonia_that_stopped_a_course_is_an_infection_not_a_pneumonitis() -> None:
    """Case 1363c (MINOR, a safety risk): 'pneumonia' as the toxicity that stopped a course
    drew 'did you mean pneumonitis?', which records an interstitial lung disease and leaves
    trastuzumab deruxtecan out. A pneumonia is read as an infection."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-10-10") for g in ("ESR1", *_PAM)],
        _course(
            ["palbociclib", "letrozole"],
            "2024-06-02",
            "2025-01-10",
            "toxicity",
            line=1,
            toxicity="pneumonia",
        ),
        _course(["palbociclib", "letrozole"], "2025-02-01", "2026-11-05", "progression", line=1),
        her2="low",
    )
    profile = resistx.load_profile(data)
    assert profile.treatments[0].toxicity == "infection"
    plan = _planned(data)
    assert plan.option("trastuzumab-deruxtecan") is not None


def test_a_marrow_crisis_with_grade_4_cytopenia_leaves_chemotherapy_preferred() -> None:
    """Case 1395 (MAJOR, both policies): marrow infiltration with grade 4 thrombocytopenia,
    recorded as a visceral crisis as rule 113 asks, had chemotherapy first but 'at best a later
    option ... once the counts and their cause are known', nothing preferred: the plan told
    the clinician to wait for counts only treatment would bring back. In a crisis rule 111
    does not cap chemotherapy; a caution asks for its dose adjusted to the counts, with
    transfusion support."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM[1:])),
        ],
        _course(["palbociclib", "anastrozole"], "2023-12-01", "2026-10-21", "progression", line=1),
        her2="0",
        ecog=2,
        visceral_crisis=True,
        comorbidities=[{"name": "thrombocytopenia", "grade": 4}],
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        chemo = plan.options[0]
        assert chemo.regimen.id == "chemotherapy" and chemo.tier is resistx.Tier.PREFERRED, policy
        assert "cytopenia_myelosuppressive_later" not in {r.code for r in chemo.reasons}
        assert any(c.code == "cytopenia_crisis_chemotherapy" for c in chemo.cautions), policy


def test_alpelisib_before_the_menopause_does_not_say_its_label_is_for_postmenopausal_women() -> (
    None
):
    """Case 1401 (MAJOR, both policies, a false statement): rule 40 said SOLAR-1 enrolled
    postmenopausal women and men 'and alpelisib's US label says so'; the label was revised in
    January 2024 to adults. The trial's population still holds it back; the label is not
    called on for it."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-11-05", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-05") for g in ("ESR1", *_PAM[1:])),
        ],
        _course(
            ["ribociclib", "letrozole", "goserelin"],
            "2024-10-01",
            "2026-10-20",
            "progression",
            line=1,
        ),
        her2="0",
        menopausal_status="premenopausal",
        ecog=0,
    )
    for policy in ("ye2024", "practice-2026"):
        alpelisib = option(_planned(data, policy), "alpelisib+fulvestrant")
        [said] = [r for r in alpelisib.reasons if r.code == "alpelisib_postmenopausal_trial"]
        assert "label says so" not in said.text and "covers adults" in said.text, policy


def test_trastuzumab_deruxtecan_is_not_first_below_its_labelled_clearance() -> None:
    """Case 1385 (MAJOR, practice-2026): at a creatinine clearance of 25 mL/min trastuzumab
    deruxtecan led a germline BRCA2 carrier's plan while its own caution said its label sets
    no dose below 30 mL/min; rule 118 reads it as it reads olaparib."""
    data = _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 25})
    data["treatments"] = [
        _course(["palbociclib", "letrozole"], "2023-01-10", "2025-06-01", "progression", line=1),
        _course(["fulvestrant"], "2025-06-15", "2026-10-15", "progression", line=2),
    ]
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        assert plan.options[0].regimen.id == "talazoparib", policy
        tdxd = option(plan, "trastuzumab-deruxtecan")
        assert "renal_label_alternative" in {r.code for r in tdxd.reasons}, policy
        assert tdxd.tier is not resistx.Tier.PREFERRED, policy


def test_a_survival_priority_puts_the_option_of_greater_merit_first_against_toxicity() -> None:
    """Case 1391 (MAJOR, ye2024): after three lines with an ESR1 mutation and HER2-low disease,
    a patient who asks for the longest survival had elacestrant first, though trastuzumab
    deruxtecan's merit was higher: the toxicity factor alone decided, at every priority, while
    the plan said 'survival first: toxicity weighs less'. Under the survival priority the
    toxicity weighs half what it did, and the option of greater merit leads."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2024-07-02"),
            *(
                result(g, "not_detected", sample="tissue", tested_on="2024-07-02")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
            result("ESR1", "mutated", tested_on="2026-11-15", variant="Y537S"),
            result("PIK3CA", "mutated", tested_on="2026-11-15", variant="E545K"),
            *_germline_brca("2022-07-01"),
        ],
        _course(["palbociclib", "letrozole"], "2022-06-01", "2024-06-20", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2024-07-10", "2025-05-15", "progression", line=2),
        _course(["capecitabine"], "2025-05-28", "2026-11-05", "progression", line=3),
        her2="low",
    )
    survival = resistx.sequence(data, {"priority": "survival"}, policy="ye2024")
    first, second = survival.options[0], survival.options[1]
    assert first.regimen.id == "trastuzumab-deruxtecan", [
        o.regimen.id for o in survival.options[:3]
    ]
    assert first.scores.merit >= second.scores.merit
    balanced = resistx.sequence(data, policy="ye2024")
    assert balanced.options[0].regimen.id == "elacestrant"


def test_a_line_resumed_after_a_long_gap_with_its_partner_going_on_is_one_line() -> None:
    """Case 1382e (MAJOR, practice-2026): palbociclib + letrozole resumed 81 days after a treated
    oligoprogression, letrozole given through the gap, was read as two lines: chemotherapy
    preferred, abemaciclib + fulvestrant 'another line'. With the endocrine partner recorded
    through the gap the line goes on, however long the gap; with nothing recorded through a
    gap past 62 days, two lines as before."""
    drugs = ["palbociclib", "letrozole"]
    first = _course(drugs, "2023-03-01", "2024-11-04", "progression", line=1)
    later = _course(drugs, "2025-01-24", "2026-10-20", "progression", line=1)
    bridge = _course(["letrozole"], "2024-11-05", "2025-01-24", "other", line=1)
    soon = dict(later, started_on="2024-11-20")

    control = _nothing_actionable(first, soon)
    bridged = _nothing_actionable(first, bridge, later)
    assert [(o.regimen.id, o.tier) for o in bridged.options][:4] == [
        (o.regimen.id, o.tier) for o in control.options
    ][:4]
    gap = _nothing_actionable(first, later)
    assert [o.regimen.id for o in gap.options][:4] != [o.regimen.id for o in control.options][:4]


def test_her2_known_only_from_the_primary_asks_for_it_on_a_current_metastasis() -> None:
    """Case 1409 (MAJOR, practice-2026): HER2 0 only on a 2019 primary, within
    DESTINY-Breast06's entry after two endocrine lines: the only HER2 action asked for a re-read
    of that old sample, and a HER2-low metastasis would have put trastuzumab deruxtecan first.
    The action asks for HER2 to be scored on a current biopsy of a metastasis too; with a
    HER2 test of the metastatic disease on record it does not."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "fulvestrant"], "2021-09-01", "2024-05-10", "progression", line=1),
        _course(["everolimus", "exemestane"], "2024-05-20", "2025-05-20", "progression", line=2),
        her2_tests=[{"score": "0", "sample": "tissue", "tested_on": "2019-04-02"}],
    )
    plan = _planned(data, "practice-2026")
    [asked] = [a for a in plan.actions if a.code == "reread_her2_ultralow"]
    assert "current biopsy of a metastasis" in asked.text and asked.before_choosing
    recent = dict(
        data,
        her2_tests=[
            *data["her2_tests"],
            {"score": "0", "sample": "tissue", "tested_on": "2026-11-12"},
        ],
    )
    [again] = [
        a for a in _planned(recent, "practice-2026").actions if a.code == "reread_her2_ultralow"
    ]
    assert "current biopsy of a metastasis" not in again.text


def test_trastuzumab_deruxtecan_below_its_clearance_is_an_alternative_not_a_last_resort() -> None:
    """Case 1404b (MAJOR, practice-2026): at a creatinine clearance of 27 mL/min after one line of
    paclitaxel, rule 118's relative contraindication put trastuzumab deruxtecan 17th of 18, below
    endocrine monotherapy and trial-only regimens, while datopotamab deruxtecan ranked second.
    Below its labelled clearance it is at best an alternative, after the drug with a labelled
    dose, and above datopotamab deruxtecan."""
    data = _germline_brca2_with_kidneys({"name": "renal_impairment", "creatinine_clearance": 27})
    data["treatments"] = [
        _course(["palbociclib", "letrozole"], "2022-01-10", "2025-06-01", "progression", line=1),
        _course(["paclitaxel"], "2025-06-15", "2026-10-15", "progression", line=2),
    ]
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id == "talazoparib"
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert tdxd.tier is resistx.Tier.ALTERNATIVE
    assert rank(plan, "trastuzumab-deruxtecan") < rank(plan, "datopotamab-deruxtecan")


def test_a_partner_course_ending_the_day_before_the_resumption_still_bridges_the_gap() -> None:
    """Case 1405 (MAJOR, both policies): letrozole recorded through a 12-week hold, ending the
    day before ribociclib + letrozole resumed, was not read as a bridge: two lines, chemotherapy
    preferred. A partner course that ends within a week of the resumption bridges it."""
    drugs = ["ribociclib", "letrozole"]
    first = _course(drugs, "2024-01-08", "2025-06-16", "progression", line=1)
    bridge = _course(["letrozole"], "2025-06-17", "2025-09-07", "other", line=1)
    later = _course(drugs, "2025-09-08", "2026-11-02", "progression", line=1)
    touching = dict(bridge, ended_on="2025-09-08")
    a = _nothing_actionable(first, bridge, later)
    b = _nothing_actionable(first, touching, later)
    assert [(o.regimen.id, o.tier) for o in a.options][:4] == [
        (o.regimen.id, o.tier) for o in b.options
    ][:4]


def test_renal_impairment_without_its_clearance_asks_nothing_where_no_parp_inhibitor_is_in_play() -> (
    None
):
    """Rule 119's other half (case 1304): with no germline or somatic BRCA1/2 or PALB2 finding,
    no PARP inhibitor's dose hangs on the clearance, so the plan does not ask for it."""
    data = _germline_brca2_with_kidneys("renal_impairment")
    data["biomarkers"] = [
        r for r in data["biomarkers"] if r["gene"] not in ("BRCA1", "BRCA2", "PALB2")
    ]
    data["biomarkers"] += _germline_brca("2023-02-10")
    plan = _planned(data)
    assert not [a for a in plan.actions if a.code == "measure_creatinine_clearance"]
