"""Scenario tests for the findings of the blind reviews from case 1782 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: rechecks of session 49's fixes
(1782-1791), the evidence after the review (1792-1796), an ordinary clinic (1797-1801) and
records from other systems (1802-1806)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import resistx
from resistx.display import markdown, text
from resistx.interop import from_fhir
from resistx.io.profile import load_preferences
from resistx.sequencing.policy import get
from tests.helpers import result, unread
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_interop_edges import bundle
from tests.test_plan import check_plan

POLICIES = ("ye2024", "practice-2026")
_CYTOTOXICS_DECLINED = {"declines_kinds": ["chemotherapy", "adc"]}


def _planned(data: dict[str, Any], policy: str, prefs: dict[str, Any]) -> resistx.Plan:
    plan = resistx.sequence(data, prefs, policy=policy)
    check_plan(resistx.load_profile(data), load_preferences(prefs), plan)
    return plan


def _short_then_fulvestrant(*biomarkers: dict[str, Any]) -> dict[str, Any]:
    """Case 1782: 5 months of palbociclib + letrozole, then 3.5 months of fulvestrant, each
    ended by progression; ESR1 and the PI3K pathway not detected on ctDNA (7% tumour
    fraction), germline BRCA1/2 and PALB2 negative, HER2 1+ on a metastasis."""
    ctdna = [
        result(g, "not_detected", tested_on="2026-11-10", sample="ctdna", tumour_fraction=0.07)
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
    ]
    germline = [
        result(g, "not_detected", origin="germline", sample="blood", tested_on="2026-02-01")
        for g in ("BRCA1", "BRCA2", "PALB2")
    ]
    data = _woman(
        "2026-12-03",
        [*ctdna, *germline, *biomarkers],
        _course(["palbociclib", "letrozole"], "2026-02-10", "2026-07-08", "progression", line=1),
        _course(["fulvestrant"], "2026-07-20", "2026-11-02", "progression", line=2),
        her2_tests=[
            {"score": "1+", "sample": "tissue", "tested_on": "2026-01-20", "site": "metastasis"}
        ],
        metastatic_sites=["bone", "liver", "lymph_node"],
    )
    del data["her2"]  # the tests say it
    return data


@pytest.mark.parametrize("policy", POLICIES)
def test_with_chemotherapy_and_adcs_declined_a_tissue_biopsy_after_a_short_course_holds_the_choice(
    policy: str,
) -> None:
    """Case 1782 (MAJOR, borderline): after a short CDK4/6-inhibitor course rule 18 puts
    chemotherapy and the ADCs first, so a tissue confirmation of a ctDNA negative was 'for a
    later line' and 'need not hold the choice'; with both declined the next line is
    endocrine-based, and a PI3K-pathway finding on tissue changes it (capivasertib first)."""
    plan = _planned(_short_then_fulvestrant(), policy, _CYTOTOXICS_DECLINED)
    tissue = next(a for a in plan.actions if a.code == "confirm_tissue")
    assert tissue.before_choosing
    assert "need not hold the choice" not in tissue.text
    assert "for a later line" not in tissue.text
    # what the biopsy would change, as the reviewer found it
    found = result("PIK3CA", "mutated", tested_on="2026-11-25", sample="tissue", variant="H1047R")
    changed = _planned(_short_then_fulvestrant(found), policy, _CYTOTOXICS_DECLINED)
    assert changed.options[0].regimen.id == "capivasertib+fulvestrant"
    # chemotherapy declined alone, the patient not asked about the ADCs: they come after the
    # options she accepts of their tier (rule 148, case 3727), so the biopsy holds the choice
    alone = _planned(_short_then_fulvestrant(), policy, {"declines_kinds": ["chemotherapy"]})
    assert next(a for a in alone.actions if a.code == "confirm_tissue").before_choosing


def _sjs_on_alpelisib(stop: str) -> dict[str, Any]:
    """Case 1789: 30 months of palbociclib + letrozole, then alpelisib + fulvestrant stopped
    after three weeks for a Stevens-Johnson syndrome (``stop``: toxicity, or progression where
    the restaging found it), PIK3CA H1047R on ctDNA, HER2 0."""
    ctdna = [
        result("PIK3CA", "mutated", tested_on="2026-09-10", sample="ctdna", variant="H1047R"),
        *(
            result(g, "not_detected", tested_on="2026-09-10", sample="ctdna", tumour_fraction=0.06)
            for g in ("ESR1", "AKT1", "PTEN")
        ),
    ]
    return _woman(
        "2026-12-03",
        ctdna,
        _course(["palbociclib", "letrozole"], "2024-03-20", "2026-09-01", "progression", line=1),
        _course(
            ["alpelisib", "fulvestrant"],
            "2026-09-22",
            "2026-10-14",
            stop,
            line=2,
            toxicity="Stevens-Johnson syndrome",
        ),
        metastatic_sites=["bone", "lung"],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_after_a_stevens_johnson_syndrome_the_plan_does_not_ask_whether_to_give_the_drug_again(
    policy: str,
) -> None:
    """Case 1789 (MAJOR): alpelisib stopped for a Stevens-Johnson syndrome, and the plan's first
    action said that with stable disease 'the question is rather whether to give it again once
    the adverse event has resolved'; a drug that caused a severe cutaneous adverse reaction is
    stopped for good (its label), and the question is what to give without it."""
    plan = _planned(_sjs_on_alpelisib("toxicity"), policy, {})
    ask = next(a for a in plan.actions if a.code == "document_progression")
    assert "whether to give it again" not in ask.text
    assert "without alpelisib" in ask.text
    assert "not given again" in ask.text


@pytest.mark.parametrize("policy", POLICIES)
def test_a_severe_skin_reaction_stays_on_record_when_the_course_also_progressed(
    policy: str,
) -> None:
    """Case 1789 (MAJOR): following the plan's advice to record the progression found at the
    first restaging as the stop reason was refused with the toxicity kept, and without it the
    Stevens-Johnson syndrome vanished (capivasertib lost its skin-reaction caution). A course
    that progressed can name the adverse event it also caused, which the rules read."""
    plan = _planned(_sjs_on_alpelisib("progression"), policy, {})
    excluded = {e.regimen.id: e for e in plan.excluded}
    assert any("severe cutaneous" in r.text for r in excluded["alpelisib+fulvestrant"].reasons)
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is not None
    assert any("severe cutaneous" in c.text for c in capivasertib.cautions)
    ask = next((a for a in plan.actions if a.code == "document_progression"), None)
    assert ask is None  # the progression is on record


def _sepsis_on_sacituzumab(event: str) -> dict[str, Any]:
    """Case 1790: ribociclib + letrozole, everolimus + exemestane, capecitabine, then
    sacituzumab govitecan stopped for ``event`` (a neutropenic sepsis in intensive care), then
    eribulin to progression; ESR1 Y537S on ctDNA, HER2 0 twice."""
    return _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", sample="ctdna", variant="Y537S"),
            *(
                result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
            *(
                result(g, "wild_type", origin="germline", sample="blood", tested_on="2024-04-01")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ],
        _course(["ribociclib", "letrozole"], "2022-01-20", "2024-02-15", "progression", line=1),
        _course(["everolimus", "exemestane"], "2024-03-01", "2024-09-10", "progression", line=2),
        _course(["capecitabine"], "2024-09-25", "2025-07-01", "progression", line=3),
        _course(
            ["sacituzumab govitecan"],
            "2025-07-15",
            "2026-01-20",
            "toxicity",
            line=4,
            toxicity=event,
        ),
        _course(["eribulin"], "2026-02-20", "2026-11-05", "progression", line=5),
        metastatic_sites=["bone", "liver", "lymph_node"],
    )


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("event", ["neutropenic sepsis", "sepsis", "febrile neutropenia"])
def test_sacituzumab_that_caused_a_neutropenic_sepsis_is_not_preferred_again(
    policy: str, event: str
) -> None:
    """Case 1790 (MAJOR, borderline): sacituzumab govitecan stopped for a neutropenic sepsis
    (four days in intensive care) came first again, 'preferred', under practice-2026, its
    caution saying the event 'does not move its place'. Its label gives it again at a reduced
    dose with G-CSF, so it stays an option, but not a preferred one: the clinician weighs it
    against the options without that history (elacestrant for the ESR1 mutation)."""
    plan = _planned(_sepsis_on_sacituzumab(event), policy, {})
    sg = plan.option("sacituzumab-govitecan")
    assert sg is not None
    assert sg.tier is not resistx.Tier.PREFERRED
    assert plan.options[0].regimen.id != "sacituzumab-govitecan"
    assert not any("does not move" in c.text for c in sg.cautions)
    # and (MINOR, 1809) its reason's first words read as English
    assert not any(r.text.startswith("Stopped before for sacituzumab") for r in sg.reasons)


def test_an_uncomplicated_neutropenia_on_sacituzumab_still_does_not_move_it() -> None:
    """Case 1235 stands: a neutropenia its label manages by dose is a caution alone."""
    plan = _planned(_sepsis_on_sacituzumab("neutropenia"), "practice-2026", {})
    sg = plan.option("sacituzumab-govitecan")
    assert sg is not None and sg.tier is resistx.Tier.PREFERRED


def _two_reflex_pairs(*, specimen: bool) -> dict[str, Any]:
    """Case 1803's variant: a FHIR Bundle with a 2019 IHC 2+ and its reflex ISH (negative) a
    week later, and a 2023 liver IHC 2+ and its FISH (negative) a week later (with
    ``specimen``, both of 2023 naming the same Specimen, the FISH reported ten weeks later)."""
    data = bundle("04-her2-low-ihc2-ish-negative")
    ihc, ish = data["entry"][3], data["entry"][4]
    entries = []
    for k, (day_ihc, day_ish) in enumerate(
        (("2019-03-01", "2019-03-08"), ("2023-04-21", "2023-04-28"))
    ):
        pair = copy.deepcopy([ihc, ish])
        for entry, day, what in zip(pair, (day_ihc, day_ish), ("ihc", "ish"), strict=True):
            entry["resource"]["id"] = f"her2-{what}-{k}"
            entry["fullUrl"] = f"urn:uuid:her2-{what}-{k}"
            entry["resource"]["effectiveDateTime"] = day
            if specimen and k == 1:  # its ISH reported late: the specimen alone pairs them
                entry["resource"]["specimen"] = {"reference": "Specimen/liver-04"}
                if what == "ish":
                    entry["resource"]["effectiveDateTime"] = "2023-06-30"
        entries += pair
    if specimen:
        entries.append(
            {
                "fullUrl": "urn:uuid:liver-04",
                "resource": {
                    "resourceType": "Specimen",
                    "id": "liver-04",
                    "type": {
                        "coding": [
                            {
                                "system": "http://snomed.info/sct",
                                "code": "119376003",
                                "display": "Tissue specimen",
                            }
                        ]
                    },
                },
            }
        )
    data["entry"][3:5] = entries
    return data


@pytest.mark.parametrize("specimen", [False, True])
def test_a_fhir_ihc_2_plus_is_paired_with_its_reflex_ish_of_a_week_later(specimen: bool) -> None:
    """Case 1803 (MAJOR): an IHC 2+ was paired with an ISH of its own date only (or the only
    ISH), so two IHC 2+ results, each with its reflex FISH a week later, left HER2 unknown and
    trastuzumab deruxtecan waiting on a new IHC, 13th. An ISH of the IHC's specimen, or else
    the first one within weeks after it, is its ISH, and the pairing is said."""
    conversion = from_fhir(_two_reflex_pairs(specimen=specimen))
    tests = conversion.profile.her2_tests
    assert [(t.score.value, t.ish and t.ish.value, str(t.tested_on)) for t in tests] == [
        ("2+", "negative", "2019-03-01"),
        ("2+", "negative", "2023-04-21"),
    ]
    said = " ".join(e.text for e in conversion.assumptions)
    assert "2019-03-08" in said  # the pairing by date is an assumption the report names
    plan = resistx.sequence(conversion.profile, policy="ye2024")
    assert plan.options[0].regimen.id == "trastuzumab-deruxtecan"


def test_a_her2_ihc_under_its_older_loinc_code_is_read() -> None:
    """Case 1803 (with the finding above): a HER2 IHC coded 18474-7 (HER2 Ag by immune stain,
    an older code laboratories still send) was 'not a test resistx reads', and HER2 unknown."""
    data = bundle("04-her2-low-ihc2-ish-negative")
    data["entry"][3]["resource"]["code"]["coding"][0]["code"] = "18474-7"
    tests = from_fhir(data).profile.her2_tests
    assert [(t.score.value, t.ish and t.ish.value) for t in tests] == [("2+", "negative")]


@pytest.mark.parametrize(
    ("name", "said", "not_said"),
    [
        ("mild cognitive impairment", "other_conditions", "hepatic_impairment"),
        ("dementia", "other_conditions", "did you mean"),
        ("kidney disease", "did you mean renal_impairment", "cardiac_disease"),
        ("brain metastases", 'metastatic_sites "brain"', "did you mean"),
        ("liver mets", 'metastatic_sites "liver"', "hepatic_impairment"),
    ],
)
def test_a_comorbidity_hint_never_names_the_wrong_organ(
    name: str, said: str, not_said: str
) -> None:
    """Case 1797 (MINOR): 'mild cognitive impairment' was refused with 'did you mean
    hepatic_impairment?', 'kidney disease' with 'cardiac_disease?', and 'brain metastases'
    only pointed to free text, where rule 120 does not read it: a clinic taking the hint would
    have recorded the wrong organ, or lost the brain."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(_woman("2026-12-03", [], comorbidities=[name]))
    assert said in str(caught.value)
    assert not_said not in str(caught.value)


@pytest.mark.parametrize("policy", POLICIES)
def test_after_capivasertib_an_option_waiting_on_pik3ca_has_its_retest_asked(policy: str) -> None:
    """Case 1791 (MINOR): after progression on capivasertib (for an AKT1 E17K found beside a
    PIK3CA negative on ctDNA before it), alpelisib + fulvestrant 'waits on PIK3CA' and no
    action asked for PIK3CA: the negative predates the progression. It is retested, on the
    panel of the ESR1 retest that comes before choosing."""
    ctdna = [
        result("AKT1", "mutated", tested_on="2025-04-20", sample="ctdna", variant="E17K"),
        *(
            result(g, "not_detected", tested_on="2025-04-20", sample="ctdna", tumour_fraction=0.05)
            for g in ("ESR1", "PIK3CA", "PTEN")
        ),
    ]
    data = _woman(
        "2026-12-03",
        ctdna,
        _course(["palbociclib", "letrozole"], "2023-12-01", "2025-04-10", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2025-05-01", "2026-11-02", "progression", line=2),
    )
    plan = _planned(data, policy, {})
    alpelisib = plan.option("alpelisib+fulvestrant")
    assert alpelisib is not None and alpelisib.waits_on == ("PIK3CA by NGS",)
    [asked] = [a for a in plan.actions if "PIK3CA" in a.genes and a.code == "retest"]
    # on the panel of the ESR1 retest that comes before choosing (case 1786)
    assert asked.before_choosing and "ESR1" in asked.genes


def _after_everolimus(*found: dict[str, Any]) -> dict[str, Any]:
    """Case 1786: 34 months of ribociclib + letrozole, then 19.5 months of everolimus +
    exemestane, progressed; ESR1 and the PI3K pathway not detected on ctDNA before the
    everolimus line, HER2 0; ``found``: a result of today."""
    before = {"sample": "ctdna", "tested_on": "2025-03-20", "tumour_fraction": 0.04}
    return _woman(
        "2026-12-03",
        [
            *(result(g, "not_detected", **before) for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
            *found,
        ],
        _course(["ribociclib", "letrozole"], "2022-05-02", "2025-03-10", "progression", line=1),
        _course(["everolimus", "exemestane"], "2025-04-01", "2026-11-15", "progression", line=2),
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_pathway_retest_that_can_change_the_first_option_is_not_said_to_leave_it(
    policy: str,
) -> None:
    """Case 1786 (MINOR, a false statement): after everolimus the pathway's retest was 'also to
    do (none of these changes the first option)', 'the result does not hold the choice'; a PTEN
    mutation found puts capivasertib first. Beside the ESR1 retest that comes before choosing,
    the pathway's genes are asked on the same panel."""
    plan = _planned(_after_everolimus(), policy, {})
    [asked] = [a for a in plan.actions if a.code == "retest" and "PTEN" in a.genes]
    assert asked.before_choosing and "ESR1" in asked.genes
    assert "does not hold the choice" not in asked.text
    pten = result("PTEN", "mutated", tested_on="2026-11-25", sample="ctdna", variant="R130*")
    changed = _planned(_after_everolimus(pten), policy, {})
    assert changed.options[0].regimen.id == "capivasertib+fulvestrant"


@pytest.mark.parametrize("policy", POLICIES)
def test_with_transfusion_declined_everolimus_is_cautioned_for_anaemia(policy: str) -> None:
    """Case 1783 (MINOR): rule 131's transfusion caution left out everolimus + exemestane,
    whose own caution quotes BOLERO-2's grade 3 anaemia and which rule 111 counts among the
    drugs that lower blood counts."""
    plan = _planned(_short_then_fulvestrant(), policy, {"declines_transfusion": True})
    everolimus = plan.option("everolimus+exemestane")
    assert everolimus is not None
    assert any(c.code == "transfusion_declined" for c in everolimus.cautions)


def _child_pugh_b(from_metastases: bool | None) -> dict[str, Any]:
    """Case 1784: liver and bone metastases, Child-Pugh B7 of uncertain cause (steatotic liver
    disease, past alcohol) or, with ``from_metastases`` false, of liver disease; 33 months of
    abemaciclib + letrozole, ESR1 D538G on ctDNA, HER2 1+ on the liver biopsy."""
    liver: dict[str, Any] = {"name": "hepatic_impairment", "child_pugh": "B"}
    if from_metastases is not None:
        liver["from_metastases"] = from_metastases
    data = _woman(
        "2026-12-03",
        [
            result("ESR1", "mutated", tested_on="2026-11-20", sample="ctdna", variant="D538G"),
            *(
                result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["abemaciclib", "letrozole"], "2023-11-01", "2026-08-20", "progression", line=1),
        comorbidities=[liver],
        metastatic_sites=["liver", "bone"],
        her2_tests=[{"score": "1+", "tested_on": "2026-09-01", "site": "metastasis"}],
    )
    del data["her2"]
    return data


def test_the_default_policy_does_not_name_a_rule_it_does_not_have() -> None:
    """Case 1784 (MINOR): the ye2024 plan's first action said the disease 'is not read as
    endocrine-sensitive ... (rule 32)', a rule of practice-2026 only."""
    plan = _planned(_child_pugh_b(None), "ye2024", {})
    said = " ".join(a.text for a in plan.actions)
    assert "rule 32" not in said
    assert 32 not in {r.number for r in get("ye2024").rules}


@pytest.mark.parametrize("policy", POLICIES)
def test_a_child_pugh_b_recorded_as_not_from_the_metastases_is_no_question_before_choosing(
    policy: str,
) -> None:
    """Case 1784b (MINOR): with "from_metastases": false recorded, the plan still asked before
    choosing to establish the Child-Pugh B's cause, where docs/profile.md says the question
    goes: a dose reminder remains, after choosing."""
    asked = _planned(_child_pugh_b(None), policy, {})
    [before] = [a for a in asked.actions if a.code == "assess_moderate_hepatic_impairment"]
    assert before.before_choosing
    plan = _planned(_child_pugh_b(False), policy, {})
    [reminder] = [a for a in plan.actions if a.code == "assess_moderate_hepatic_impairment"]
    assert not reminder.before_choosing and "lower dose" in reminder.text


@pytest.mark.parametrize("policy", POLICIES)
def test_finer_is_not_offered_after_progression_on_fulvestrant(policy: str) -> None:
    """Case 1785 (MINOR): after 32 months of palbociclib + fulvestrant, enrolment in FINER
    (ipatasertib + fulvestrant against fulvestrant, the review's Table 2) was offered fourth,
    above chemotherapy: its control arm is the drug the disease progressed on."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-20", sample="ctdna", variant="H1047R"),
            *(
                result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(["palbociclib", "fulvestrant"], "2024-03-01", "2026-11-01", "progression", line=1),
    )
    plan = _planned(data, policy, {})
    finer = [e for e in plan.excluded if "FINER" in e.regimen.name]
    assert finer and "fulvestrant" in finer[0].reasons[0].text
    assert not [o for o in plan.options if "FINER" in o.regimen.name]


@pytest.mark.parametrize("policy", POLICIES)
def test_warfarin_beside_chemotherapy_gets_capecitabines_inr_caution(policy: str) -> None:
    """Case 1799 (MINOR, a missing caution beside a preferred option): warfarin was listed as
    'not read by resistx as a strong CYP3A drug taken now', which reads as if interactions were
    screened, while chemotherapy (capecitabine most likely) was preferred: capecitabine raises
    a coumarin's INR (its label's warning of bleeding)."""
    data = _woman(
        "2026-12-03",
        [
            *(
                result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
                for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
            ),
        ],
        _course(["ribociclib", "letrozole"], "2023-01-10", "2024-03-01", "progression", line=1),
        _course(["fulvestrant"], "2024-03-10", "2026-11-01", "progression", line=2),
        medications=["warfarin 3 mg daily (INR 2-3)", "bisoprolol 2.5 mg"],
    )
    plan = _planned(data, policy, {})
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    assert any("INR" in c.text and "capecitabine" in c.text for c in chemo.cautions)
    assert not any("strong CYP3A drug taken now" in n for n in plan.not_assessed)
    assert not any("warfarin" in n for n in unread(plan))


def test_a_fhir_ish_of_another_specimen_is_never_an_ihc_2_plus_s_own() -> None:
    """Case 1812f (MAJOR): the primary's ISH (its own specimen, 2019) was paired with a node's
    IHC 2+ of 2026 whose ISH was not done (the 'only ISH' fallback), inventing a result. An ISH
    of another named specimen, or years away, is not its own; the IHC 2+ is read with its ISH
    pending (wait before choosing), as a clinic writes it."""
    data = _two_reflex_pairs(specimen=True)
    # the 2019 pair: an IHC 1+ now; the 2023 IHC 2+ keeps its specimen, its ISH is gone
    data["entry"][3]["resource"]["valueCodeableConcept"]["coding"][0]["code"] = "LA11841-6"
    # its display with it (a code its display contradicts is refused since session 66: 7481)
    data["entry"][3]["resource"]["valueCodeableConcept"]["coding"][0]["display"] = "1+"
    del data["entry"][6]
    conversion = from_fhir(data)
    tests = conversion.profile.her2_tests
    assert [(t.score.value, t.ish and t.ish.value) for t in tests] == [
        ("1+", None),
        ("2+", "pending"),
    ]
    assert any("pending" in e.text for e in conversion.assumptions)


def test_a_fhir_ihc_2_plus_with_no_ish_is_read_as_pending_not_dropped() -> None:
    """Case 1812c (MAJOR): an IHC 2+ whose ISH was ordered but has no result (status
    registered) was left unmapped, and HER2-low read from an older sample put trastuzumab
    deruxtecan first; the IHC 2+ is read with its ISH pending."""
    data = bundle("04-her2-low-ihc2-ish-negative")
    data["entry"][4]["resource"]["status"] = "registered"
    tests = from_fhir(data).profile.her2_tests
    assert [(t.score.value, t.ish and t.ish.value) for t in tests] == [("2+", "pending")]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("event", ["Stevens-Johnson syndrome", "toxic epidermal necrolysis"])
def test_a_cdk46_inhibitor_that_caused_a_stevens_johnson_syndrome_is_not_offered_again(
    policy: str, event: str
) -> None:
    """Case 1808 (MAJOR): ribociclib stopped for a Stevens-Johnson syndrome, then palbociclib
    to progression: ribociclib + fulvestrant was ranked above chemotherapy, 'a rechallenge
    needs the earlier adverse event weighed (dose reduction or another CDK4/6 inhibitor)'. Its
    label stops it for good after a severe cutaneous adverse reaction: it is left out."""
    data = _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-20", sample="ctdna", variant="H1047R"),
            *(
                result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
                for g in ("ESR1", "AKT1", "PTEN")
            ),
        ],
        _course(
            ["ribociclib", "letrozole"],
            "2024-01-10",
            "2024-02-20",
            "toxicity",
            line=1,
            toxicity=event,
        ),
        _course(["palbociclib", "letrozole"], "2024-03-10", "2026-11-01", "progression", line=1),
    )
    plan = _planned(data, policy, {})
    assert not [o for o in plan.options if "ribociclib" in o.regimen.drugs]
    excluded = [e for e in plan.excluded if "ribociclib" in e.regimen.drugs]
    assert excluded and all(any("not given again" in r.text for r in e.reasons) for e in excluded)
    # and (MINOR, 1840b) the label quoted is ribociclib's alone, whose label says so
    assert all("ribociclib's label" in r.text for e in excluded for r in e.reasons if r.rule == 23)


@pytest.mark.parametrize(
    ("name", "said", "not_said"),
    [
        ("leptomeningeal disease", 'metastatic_sites "leptomeningeal"', "chronic_lung_disease"),
        ("leptomeningeal carcinomatosis", 'metastatic_sites "leptomeningeal"', "did you mean"),
        ("meningeal carcinomatosis", 'metastatic_sites "leptomeningeal"', "did you mean"),
        ("LMD", 'metastatic_sites "leptomeningeal"', "did you mean"),
        ("CrCl 25", '"creatinine_clearance": 25', "did you mean"),
        ("creatinine clearance 25", '"creatinine_clearance": 25', "did you mean"),
        ("eGFR 12", '"creatinine_clearance": <Cockcroft-Gault', '"creatinine_clearance": 12'),
        ("impaired renal function", "renal_impairment", "did you mean neuropathy"),
        ("nephropathy", "renal_impairment", "neuropathy?"),
        ("diabetic nephropathy", "renal_impairment", "did you mean neuropathy"),
        ("LVEF 35%", '"lvef": 35', "did you mean"),
        ("HFrEF, LVEF 35%", '"lvef": 35', "did you mean"),
        ("reduced ejection fraction", '"lvef"', "did you mean"),
        ("Child-Pugh B", '"child_pugh": "B"', "did you mean"),
    ],
)
def test_a_comorbidity_written_with_its_value_gets_the_field_that_reads_it(
    name: str, said: str, not_said: str
) -> None:
    """Case 1811 (three MAJOR): 'leptomeningeal disease' got 'did you mean
    chronic_lung_disease?', a creatinine clearance, an LVEF or a Child-Pugh class written as a
    comorbidity went to free text only, and 'nephropathy' got 'did you mean neuropathy?':
    followed, each hint lost the rule that reads the value (rules 120-121, 118, 126) or
    recorded a disease she did not have. The hint names the field and its value."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(_woman("2026-12-03", [], comorbidities=[name]))
    assert said in str(caught.value)
    assert not_said not in str(caught.value)


def _fifth_line_pik3ca() -> dict[str, Any]:
    """Case 1818: palbociclib + letrozole, then trastuzumab deruxtecan, sacituzumab govitecan
    and capecitabine, each to progression; liver, pleural and bone disease; PIK3CA E545K on
    ctDNA, ESR1, AKT1 and PTEN not detected; HER2-low; germline BRCA1/2 and PALB2 negative."""
    ctdna = {"sample": "ctdna", "tested_on": "2026-11-20", "tumour_fraction": 0.12}
    return _woman(
        "2026-12-03",
        [
            result("PIK3CA", "mutated", variant="E545K", **ctdna),
            *(result(g, "not_detected", **ctdna) for g in ("ESR1", "AKT1", "PTEN")),
            *(
                result(g, "not_detected", origin="germline", sample="blood", tested_on="2021-03-10")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ],
        _course(["palbociclib", "letrozole"], "2021-07-29", "2023-04-10", "progression", line=1),
        _course(["trastuzumab deruxtecan"], "2023-04-26", "2024-06-05", "progression", line=2),
        _course(["sacituzumab govitecan"], "2024-06-20", "2025-02-12", "progression", line=3),
        _course(["capecitabine"], "2025-02-26", "2026-11-10", "progression", line=4),
        her2="low",
        metastatic_sites=["liver", "bone", "pleura"],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_a_pathway_finding_past_its_trials_lines_does_not_put_fulvestrant_above_chemotherapy(
    policy: str,
) -> None:
    """Case 1818 (MAJOR): at a fifth line, after both ADCs and capecitabine, a PIK3CA mutation
    whose drugs the plan itself caps (past the chemotherapy lines their trials enrolled after,
    rule 104) turned off rule 6's 'nothing actionable': chemotherapy came fifth, 'later', below
    fulvestrant alone ('no rule moved it'). Such a finding is no usable target: chemotherapy
    comes before endocrine monotherapy."""
    plan = _planned(_fifth_line_pik3ca(), policy, {})
    names = [o.regimen.id for o in plan.options]
    assert names.index("chemotherapy") < names.index("fulvestrant")
    assert plan.option("chemotherapy").tier is not resistx.Tier.LATER  # type: ignore[union-attr]


def _her2_low_copd(copd: dict[str, Any] | str) -> dict[str, Any]:
    """Case 1831: HER2-low (2+, ISH negative), after palbociclib + letrozole, everolimus +
    exemestane and capecitabine, nothing actionable on ctDNA; COPD as ``copd``."""
    return _woman(
        "2026-12-03",
        [
            result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "letrozole"], "2022-01-10", "2023-08-01", "progression", line=1),
        _course(["everolimus", "exemestane"], "2023-08-10", "2024-06-01", "progression", line=2),
        _course(["capecitabine"], "2024-06-10", "2026-11-01", "progression", line=3),
        her2="low",
        comorbidities=[copd],
    )


@pytest.mark.parametrize("policy", POLICIES)
def test_copd_of_unknown_severity_does_not_put_trastuzumab_deruxtecan_after_endocrine_monotherapy(
    policy: str,
) -> None:
    """Case 1831 (MAJOR): 'COPD' put trastuzumab deruxtecan, standard after one chemotherapy
    line for HER2-low disease (DESTINY-Breast04), 14th, after fulvestrant alone: a relative
    contraindication. DESTINY-Breast04 left out clinically severe pulmonary compromise: COPD of
    unknown severity makes it at best an alternative until the severity is known; a severe one
    (grade 3-4, on oxygen) is the relative contraindication it was; a mild one a caution."""
    unknown = _planned(_her2_low_copd("COPD"), policy, {})
    names = [o.regimen.id for o in unknown.options]
    tdxd = unknown.option("trastuzumab-deruxtecan")
    assert tdxd is not None and tdxd.tier is not resistx.Tier.LATER
    assert names.index("trastuzumab-deruxtecan") < names.index("fulvestrant")
    assert any("how severe" in r.text for r in tdxd.reasons)
    severe = _planned(_her2_low_copd({"name": "chronic_lung_disease", "grade": 3}), policy, {})
    late = severe.option("trastuzumab-deruxtecan")
    assert late is not None and any(r.code == "relative_contraindication" for r in late.reasons)
    mild = _planned(_her2_low_copd({"name": "chronic_lung_disease", "grade": 1}), policy, {})
    assert mild.options[0].regimen.id == "trastuzumab-deruxtecan"


def test_in_a_marrow_crisis_without_transfusion_chemotherapy_is_a_single_agent() -> None:
    """Case 1814b (MAJOR, borderline): a marrow crisis (grade 3 anaemia and thrombocytopenia)
    in a patient who declines transfusion: chemotherapy's reason allowed 'a combination ... for
    a quick response', whose deeper nadirs need the transfusion she declines, and its caution
    named anaemia only. The crisis caution says a single agent dosed to the counts, and names
    the bleeding risk of low platelets."""
    data = _woman(
        "2026-12-03",
        [
            result(g, "not_detected", tested_on="2026-11-20", sample="ctdna")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "letrozole"], "2023-05-01", "2026-10-20", "progression", line=1),
        visceral_crisis=True,
        ecog=2,
        comorbidities=[{"name": "cytopenia", "grade": 3}],
        metastatic_sites=["bone"],
    )
    plan = _planned(data, "ye2024", {"declines_transfusion": True})
    chemo = plan.option("chemotherapy")
    assert chemo is not None
    said = " ".join(c.text for c in chemo.cautions)
    assert "single agent" in said and "not a combination" in said
    assert "bleeding" in said


def test_with_no_as_of_the_decision_date_is_the_latest_date_a_her2_test_included() -> None:
    """Case 1812 (MINOR): with no as_of the decision date was the latest biomarker, relapse or
    treatment date, while a HER2 test dated later was on record (an as_of before it is refused:
    'the decision date comes last')."""
    data = _woman(
        "2026-12-03",
        [result("ESR1", "not_detected", tested_on="2026-11-02")],
        _course(["palbociclib", "letrozole"], "2024-01-10", "2026-10-20", "progression", line=1),
        her2_tests=[{"score": "1+", "tested_on": "2026-11-05", "site": "metastasis"}],
    )
    del data["as_of"], data["her2"]
    assert str(resistx.load_profile(data).decision_date) == "2026-11-05"


@pytest.mark.parametrize("written", ["1+", "2+", "IHC 1+"])
def test_an_ihc_score_written_as_her2_says_where_it_goes(written: str) -> None:
    """Case 1839 (MINOR): her2 '1+', what a clinic writes, got only the list of categories."""
    data = _woman("2026-12-03", [], her2=written)
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    assert "her2_tests" in str(caught.value) and 'her2 "low"' in str(caught.value)


def test_an_exclusion_names_each_of_its_codes_once() -> None:
    """Case 1825 (MINOR): 'Giredestrant + everolimus [out_of_population, out_of_population]'."""
    exclusion = resistx.Exclusion(
        regimen=resistx.sequence(_short_then_fulvestrant()).options[0].regimen,
        reasons=tuple(
            resistx.Reason(
                factor=resistx.Factor.HISTORY,
                code="out_of_population",
                text=text,
                trials=("EMERALD",),
                rule=rule,
            )
            for rule, text in ((52, "One."), (101, "Two."))
        ),
    )
    assert exclusion.codes == (resistx.ExclusionCode.OUT_OF_POPULATION,)


def test_with_a_visceral_crisis_recorded_the_ungraded_liver_question_does_not_ask_it_again() -> (
    None
):
    """Case 1829 (MINOR): a visceral crisis from liver metastases recorded, chemotherapy first,
    and the hepatic impairment's action still said a rising bilirubin 'can amount to a visceral
    crisis, which puts chemotherapy first'. It asks for the grade only."""
    data = _woman(
        "2026-12-03",
        [
            result(g, "not_detected", tested_on="2026-11-20", sample="tissue")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["abemaciclib", "anastrozole"], "2025-06-01", "2026-11-15", "progression", line=1),
        visceral_crisis=True,
        ecog=2,
        comorbidities=["hepatic_impairment"],
        metastatic_sites=["liver"],
    )
    plan = _planned(data, "ye2024", {})
    [ask] = [a for a in plan.actions if a.code == "grade_hepatic_impairment"]
    assert "can amount to a visceral crisis" not in ask.text
    del data["visceral_crisis"]
    plain = _planned(data, "ye2024", {})
    [ask] = [a for a in plain.actions if a.code == "grade_hepatic_impairment"]
    assert "can amount to a visceral crisis" in ask.text


def test_at_ecog_3_with_no_endocrine_monotherapy_left_the_first_reason_names_supportive_care() -> (
    None
):
    """Case 1862 (MAJOR, practice-2026): at ECOG 3, after palbociclib + anastrozole and then
    fulvestrant, ESR1 wild type, abemaciclib alone came first with the reason 'more toxic than
    endocrine monotherapy, which comes first', where no endocrine monotherapy was left, and
    best supportive care, said only beside endocrine monotherapy, was said nowhere."""
    data = _woman(
        "2026-12-03",
        [
            result(g, "not_detected", tested_on="2026-11-20", sample="ctdna", tumour_fraction=0.03)
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        _course(["palbociclib", "anastrozole"], "2021-06-01", "2024-01-10", "progression", line=1),
        _course(["fulvestrant"], "2024-01-20", "2025-09-10", "progression", line=2),
        ecog=3,
        her2="low",
    )
    plan = _planned(data, "practice-2026", {})
    first = plan.options[0]
    said = " ".join(r.text for r in first.reasons)
    assert "which comes first" not in said
    assert "best supportive care" in said


@pytest.mark.parametrize("policy", POLICIES)
def test_past_the_trials_lines_the_matched_akt_inhibitor_stays_an_alternative_above_fulvestrant(
    policy: str,
) -> None:
    """Case 1843b (MAJOR, borderline, from this session's 1818 fix): an AKT1 E17K after
    ribociclib + letrozole, paclitaxel, capecitabine and sacituzumab govitecan: rule 6 now
    reads the finding as no usable target, and its step back of endocrine-based regimens put
    capivasertib + fulvestrant 'later', below fulvestrant alone, while its own reason says 'at
    best an alternative'. The matched inhibitor keeps rule 104's cap, not rule 6's step."""
    ctdna = {"sample": "ctdna", "tested_on": "2026-11-20", "tumour_fraction": 0.1}
    data = _woman(
        "2026-12-03",
        [
            result("AKT1", "mutated", variant="E17K", **ctdna),
            *(result(g, "not_detected", **ctdna) for g in ("ESR1", "PIK3CA", "PTEN")),
        ],
        _course(["ribociclib", "letrozole"], "2021-03-01", "2023-07-01", "progression", line=1),
        _course(["paclitaxel"], "2023-07-15", "2024-03-01", "progression", line=2),
        _course(["capecitabine"], "2024-03-15", "2025-08-01", "progression", line=3),
        _course(["sacituzumab govitecan"], "2025-08-15", "2026-11-10", "progression", line=4),
    )
    plan = _planned(data, policy, {})
    names = [o.regimen.id for o in plan.options]
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is not None and capivasertib.tier is resistx.Tier.ALTERNATIVE
    assert names.index("capivasertib+fulvestrant") < names.index("fulvestrant")
    assert names[0] == "chemotherapy"


def test_the_printed_plan_says_why_copd_of_unknown_severity_holds_trastuzumab_deruxtecan_back() -> (
    None
):
    """Case 1842 (MAJOR, borderline): the reason that holds trastuzumab deruxtecan back for a
    COPD of unknown severity (and asks its grade) was in the JSON only: the text and Markdown
    plans showed the standard of care demoted for no stated reason."""
    plan = _planned(_her2_low_copd("COPD"), "ye2024", {})
    for printed in (text.plan(plan), markdown.plan(plan)):
        assert "Chronic lung disease of unknown severity" in printed


def test_with_no_as_of_a_course_going_on_is_not_read_as_begun_on_the_decision_date() -> None:
    """Case 1849g (MAJOR): no as_of, ribociclib + letrozole going on since 2025-01-10, tests of
    2024-12-20: the decision date was the course's start, 'Only 0.0 months on the CDK4/6
    inhibitor', and chemotherapy came first. Its time runs to a date the profile does not
    give: the decision date is unknown, and the plan says so."""
    data = _woman(
        "2026-12-03",
        [result(g, "not_detected", tested_on="2024-12-20") for g in ("ESR1", "PIK3CA")],
        _course(["ribociclib", "letrozole"], "2025-01-10", None, "ongoing", line=1),
    )
    del data["as_of"]
    plan = resistx.sequence(data)
    assert plan.as_of is None
    assert not any("0.0 months" in r.text for o in plan.options for r in o.reasons)
    assert any("give as_of" in n for n in plan.notes)


def test_with_no_as_of_an_end_from_its_start_and_months_counts_for_the_decision_date() -> None:
    """Case 1849 (MAJOR): no as_of; elacestrant from 2025-06-20 for 17 months to progression:
    the decision date was its start, 17 months before the progression the plan itself read,
    and under practice-2026 drugs approved since were 'not yet approved'."""
    data = _woman(
        "2026-12-03",
        [result("ESR1", "mutated", tested_on="2025-05-25", variant="Y537S")],
        _course(["ribociclib", "letrozole"], "2023-01-10", "2025-05-20", "progression", line=1),
        {
            "drugs": ["elacestrant"],
            "setting": "metastatic",
            "line": 2,
            "started_on": "2025-06-20",
            "months": 17,
            "stop_reason": "progression",
        },
    )
    del data["as_of"]
    profile = resistx.load_profile(data)
    assert profile.decision_date is not None and profile.decision_date.isoformat() > "2026-11"


@pytest.mark.parametrize(
    ("written", "drug"),
    [
        ("goserelin acetate", "goserelin"),
        ("Triptorelin pamoate", "triptorelin"),
        ("leuprorelin acetate", "leuprolide"),
    ],
)
def test_a_drug_named_with_its_salt_is_read_as_the_drug(written: str, drug: str) -> None:
    """Case 1859 (MINOR): an EHR writes 'goserelin acetate'; it was refused."""
    data = _woman(
        "2026-12-03",
        [],
        _course(
            ["palbociclib", "letrozole", written], "2024-01-10", "2026-11-01", "progression", line=1
        ),
        menopausal_status="premenopausal",
    )
    assert drug in resistx.load_profile(data).treatments[0].drugs


def test_a_man_is_told_about_contraception_for_a_partner_who_could_become_pregnant() -> None:
    """Case 1857 (MINOR): the contraception action was for women before the menopause only;
    several options' labels ask a man with a partner who could become pregnant for
    contraception during treatment and for months after it."""
    data = _woman(
        "2026-12-03",
        [result("ESR1", "mutated", tested_on="2026-11-20", sample="ctdna", variant="Y537S")],
        _course(
            ["palbociclib", "letrozole", "leuprorelin"],
            "2023-01-10",
            "2026-11-01",
            "progression",
            line=1,
        ),
    )
    data["sex"] = "male"
    del data["menopausal_status"]
    plan = _planned(data, "ye2024", {})
    [said] = [a for a in plan.actions if a.code == "pregnancy_and_contraception"]
    assert "partner" in said.text and not said.before_choosing


def test_with_no_as_of_an_earlier_undated_progression_leaves_the_decision_date_known() -> None:
    """Reading the change again (case 1849g's fix): the decision date was unknown wherever any
    course ended by a progression of no known date; only the latest course's length runs to
    the decision date, so an earlier one leaves it the profile's latest date."""
    data = _woman(
        "2026-12-03",
        [result("ESR1", "not_detected", tested_on="2026-11-20")],
        _course(["palbociclib", "letrozole"], "2023-01-10", None, "progression", line=1),
        _course(["fulvestrant"], "2025-02-01", "2026-11-10", "progression", line=2),
    )
    del data["as_of"]
    assert str(resistx.load_profile(data).decision_date) == "2026-11-20"
