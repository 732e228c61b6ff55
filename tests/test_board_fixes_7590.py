"""Session 67: the reviews of cases 7590 onwards (heavily pretreated disease, special
populations, a notebook user's API, a blind reading of the evidence)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.sequencing import kinds
from tests.helpers import CAPECITABINE, ERIBULIN, FULVESTRANT, PALBOCICLIB, patient, rank, result

#: ESR1 and the pathway tested on tissue before the first line's progression: stale now
_STALE = [
    result(g, "not_detected", sample="tissue", tested_on="2023-01-05", tumour_fraction=None)
    for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
]


def _after_two_chemotherapy_lines(**kw: Any) -> dict[str, Any]:
    return patient(treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN], **kw)


def test_with_tests_pending_after_two_chemotherapy_lines_endocrine_monotherapy_is_not_first() -> (
    None
):
    """7603 (MAJOR; 7591, 7597, 7612, 7590 alike): after ribociclib, capecitabine and eribulin,
    with ESR1 and the pathway not tested since the progression, fulvestrant ranked first
    ('No rule moved it'), chemotherapy second. No answer of the tests puts it first: an ESR1
    mutation opens an oral SERD, a pathway alteration its inhibitor, nothing actionable
    chemotherapy and the ADCs (the review's Discussion)."""
    for biomarkers in ([], _STALE):
        for policy in (None, "practice-2026"):
            p = resistx.sequence(
                _after_two_chemotherapy_lines(biomarkers=biomarkers), policy=policy
            )
            first = p.options[0].regimen
            assert not kinds.is_endocrine_based(first), (policy, biomarkers, first.id)
            assert rank(p, "chemotherapy") < rank(p, "fulvestrant"), (policy, biomarkers)
            fulvestrant = next(o for o in p.options if o.regimen.id == "fulvestrant")
            assert fulvestrant.reasons[0].rule == 158


def test_with_an_esr1_mutation_on_record_the_pending_tests_leave_the_order_alone() -> None:
    """Rule 158 is for no target known: beside an ESR1 mutation on record it does not speak
    (rule 159 places elacestrant past EMERALD's lines)."""
    esr1 = result("ESR1", "mutated", tested_on="2026-04-01")
    p = resistx.sequence(_after_two_chemotherapy_lines(biomarkers=[esr1]))
    assert rank(p, "elacestrant") < rank(p, "fulvestrant")
    assert not any(r.rule == 158 for o in p.options for r in o.reasons)


def test_after_one_chemotherapy_line_the_pending_tests_leave_the_order_alone() -> None:
    p = resistx.sequence(patient(treatments=[PALBOCICLIB, CAPECITABINE], biomarkers=[]))
    assert not any(r.rule == 158 for o in p.options for r in o.reasons)


def test_a_failed_cohort_result_written_by_to_json_reads_back() -> None:
    """7670 (MAJOR): `from_json(Result, to_json(result))` raised cattrs'
    StructureHandlerNotFoundError for a profile that had failed; saved results did not reload
    once any patient had errored. Each error reads back as its kind, with its problems."""
    bad = [
        {"schema_version": 2, "patient_id": "a", "hormone_receptor": "negative", "her2": "0"},
        {**patient(ecog=7), "patient_id": "b"},
    ]
    results = list(resistx.sequence_many(bad))
    kinds_back = []
    for r in results:
        text = resistx.to_json(r)
        back = resistx.from_json(resistx.Result, text)
        assert resistx.to_json(back) == text
        assert back.problems == r.problems
        kinds_back.append(type(back.error))
    assert kinds_back == [resistx.OutOfScopeError, resistx.ProfileError]


def test_an_error_of_no_known_kind_is_refused_with_its_path() -> None:
    text = (
        '{"error": {"kind": "odd", "problems": []}, "index": 0, "patient_id": null, "plan": null}'
    )
    with pytest.raises(resistx.ConversionError) as caught:
        resistx.from_json(resistx.Result, text)
    assert [p for p, _ in caught.value.problems] == ["$.error.kind"]


@pytest.mark.parametrize("field", ["arms", "endpoints", "hazard_ratios", "adverse_events"])
def test_an_evidence_file_without_a_trials_list_of_figures_is_refused(
    field: str, tmp_path: Path
) -> None:
    """7671 (MAJOR): a file written by to_json(eb) with EMERALD's hazard_ratios deleted loaded,
    its hazard ratios empty, and elacestrant fell from preferred for an ESR1-mutated patient
    with no word. A trial's lists are given even where empty."""
    data = json.loads(resistx.to_json(resistx.evidence()))
    at = next(i for i, t in enumerate(data["trials"]) if t["key"] == "EMERALD")
    del data["trials"][at][field]
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(data))
    with pytest.raises(resistx.EvidenceError) as caught:
        resistx.EvidenceBase.from_file(path)
    assert caught.value.problems == (
        (f"$.trials[{at}].{field} (trial 'EMERALD')", "required field missing"),
    )


def test_the_evidence_to_json_writes_reads_back_equal() -> None:
    for eb in (resistx.evidence(), resistx.evidence("2026.11")):
        assert resistx.from_json(resistx.EvidenceBase, resistx.to_json(eb)) == eb


def _postmenopausal(text: str, **kw: Any) -> dict[str, Any]:
    return patient(sex="female", menopausal_status="postmenopausal", other_conditions=[text], **kw)


@pytest.mark.parametrize(
    "text",
    [
        "still menstruating, LMP 2026-04-28",
        "perimenopausal",
        "pre-menopausal woman, 41",
        "not postmenopausal (oestradiol 450 pmol/L)",
        "prämenopausal",
        "préménopausée",
        "regular menses, age 38",
    ],
)
def test_free_text_that_the_ovaries_still_work_beside_postmenopausal_is_refused(text: str) -> None:
    """7659a-f, 7658f (MAJOR): beside "postmenopausal" and ribociclib + letrozole with no GnRH
    agonist, 'still menstruating, LMP 2026-04-28' passed and elacestrant was preferred with no
    word of ovarian suppression: an aromatase inhibitor does not work in a menstruating woman
    without it, and elacestrant's trial and label are for postmenopausal women."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(_postmenopausal(text))
    [(path, message)] = caught.value.problems
    assert path == "$.other_conditions[0]"
    assert "menopausal_status" in message and "premenopausal" in message


@pytest.mark.parametrize(
    "text",
    [
        "no menses since 2019",
        "postmenopausal since 2018",
        "LMP 2012",
        "menopausal symptoms (hot flushes) on letrozole",
        "amenorrhoea after chemotherapy",
        "menses stopped 2015",
    ],
)
def test_free_text_of_a_past_menopause_beside_postmenopausal_passes(text: str) -> None:
    resistx.load_profile(_postmenopausal(text))


def test_a_bilateral_oophorectomy_in_free_text_points_to_oophorectomy_on() -> None:
    """7651 (MINOR): beside "premenopausal", 'bilateral salpingo-oophorectomy 2026-05-12
    (surgical menopause)' passed, every caution said to continue goserelin and elacestrant
    stayed at best an alternative; with oophorectomy_on recorded it is preferred."""
    data = patient(
        sex="female",
        menopausal_status="premenopausal",
        other_conditions=["bilateral salpingo-oophorectomy 2026-03-12 (surgical menopause)"],
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.other_conditions[0]" and "oophorectomy_on" in message
    for text in ("left oophorectomy 2010 for a cyst", "BSO planned after the next scan"):
        resistx.load_profile({**data, "other_conditions": [text]})
    resistx.load_profile(
        {**data, "menopausal_status": "postmenopausal", "oophorectomy_on": "2026-03-12"}
    )


@pytest.mark.parametrize(
    "text",
    [
        "Neutropenic fever on eribulin 2025",
        "Thrombocytopenic purpura 2010",
        "Impending visceral crisis not present",
    ],
)
def test_other_conditions_a_clinic_writes_are_not_refused(text: str) -> None:
    """7590s F1, F2 (false refusals): an adjective was read as a misspelt condition
    ('neutropenic' one letter from 'neutropenia'), an impending crisis said not present as a
    possible one. ('ILD screening CT: no pneumonitis' is still refused: read as the ILD it
    names, as an ILD found on screening must be; docs/limitations.md.)"""
    resistx.load_profile(patient(other_conditions=[text]))


def test_an_antiemetic_given_with_chemotherapy_is_no_course_of_chemotherapy() -> None:
    """7590s F2: 'ondansetron 8 mg PRN with chemotherapy' was refused as naming chemotherapy
    taken now; a drug named so ('dexamethasone pre-docetaxel') still is one."""
    resistx.load_profile(patient(medications=["ondansetron 8 mg PRN with chemotherapy"]))
    with pytest.raises(resistx.ProfileError, match="names docetaxel"):
        resistx.load_profile(patient(medications=["dexamethasone pre-docetaxel"]))


@pytest.mark.parametrize(
    ("name", "offered"),
    [("MK-2870", None), ("mitomycin", None), ("ADC", None), ("sacitizumab", "sacituzumab govitecan"),
     ("palbocilcib", "palbociclib"), ("trastuzumab deruxtecn", "trastuzumab deruxtecan")],
)  # fmt: skip
def test_an_unknown_drug_is_offered_only_a_spelling_it_could_be_a_slip_of(
    name: str, offered: str | None
) -> None:
    """7590s F3: 'MK-2870' (sacituzumab tirumotecan) drew 'did you mean MK-4827?', niraparib,
    and the case that followed the hint lost both PARP inhibitors; 'mitomycin' drew
    Adriamycin, 'sacitizumab' bevacizumab first, 'trastuzumab deruxtecn' patritumab
    deruxtecan."""
    course = {**PALBOCICLIB, "drugs": [name]}
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(treatments=[PALBOCICLIB, {**course, "line": 2}]))
    [(_path, message)] = caught.value.problems
    if offered is None:
        assert "did you mean" not in message, message
    else:
        assert f"did you mean {offered}" in message, message
    for other in ("MK-4827", "Adriamycin", "bevacizumab", "patritumab"):
        assert other not in message


def test_under_the_review_too_elacestrant_past_emeralds_chemotherapy_lines_is_not_preferred() -> (
    None
):
    """7616 (F5): after three cytotoxic lines elacestrant was preferred first under the default
    policy, with no word that EMERALD enrolled after at most one chemotherapy line; the
    default policy already caps the PI3K, AKT and mTOR inhibitors past their trials' lines
    (rule 104), and practice-2026 capped elacestrant (rule 35, now rule 159 in both)."""
    esr1 = result("ESR1", "mutated", tested_on="2026-04-01")
    for policy in (None, "practice-2026"):
        p = resistx.sequence(_after_two_chemotherapy_lines(biomarkers=[esr1]), policy=policy)
        elacestrant = next(o for o in p.options if o.regimen.id == "elacestrant")
        assert elacestrant.tier is not resistx.Tier.PREFERRED, policy
        said = [r for r in elacestrant.reasons if r.code == "outside_emerald_population"]
        assert [r.rule for r in said] == [159], policy
    one = resistx.sequence(patient(treatments=[PALBOCICLIB, CAPECITABINE], biomarkers=[esr1]))
    assert one.options[0].regimen.id == "elacestrant"


@pytest.mark.parametrize(
    "text",
    [
        "ILD screening CT showed ILD",
        "ILD screening: positive",
        "interstitial lung disease on screening CT",
        "diabetes screening: T2DM diagnosed 2026",
        "Impending visceral crisis not present - hypoxia on 2L O2",
        "impending visceral crisis not present, bilirubin rising",
    ],
)
def test_a_condition_found_on_screening_or_a_sign_beside_a_denied_crisis_is_still_refused(
    text: str,
) -> None:
    """The recheck (7765h, 7766, 7767: MAJOR, regressions of this session's fixes): an ILD
    found on screening passed, and trastuzumab deruxtecan was preferred; a crisis sign beside
    'impending visceral crisis not present' passed."""
    with pytest.raises(resistx.ProfileError):
        resistx.load_profile(patient(other_conditions=[text]))


def test_with_each_target_found_already_acted_on_and_a_test_pending_endocrine_steps_back() -> None:
    """The recheck (7753a, MAJOR): an ESR1 mutation progressed on elacestrant, three cytotoxic
    lines, the pathway never tested: abemaciclib ranked first, where a negative pathway puts
    chemotherapy first (rule 6: each target found acted on) and an alteration its inhibitor."""
    esr1 = result("ESR1", "mutated", tested_on="2024-01-05")
    elacestrant = {**FULVESTRANT, "drugs": ["elacestrant"], "line": 2, "ended_on": "2025-04-01"}
    later = [
        {**CAPECITABINE, "line": 3, "started_on": "2025-04-10", "ended_on": "2025-09-01"},
        {**ERIBULIN, "line": 4, "started_on": "2025-09-10", "ended_on": "2026-03-20"},
    ]
    p = resistx.sequence(patient(biomarkers=[esr1], treatments=[PALBOCICLIB, elacestrant, *later]))
    assert not kinds.is_endocrine_based(p.options[0].regimen), p.options[0].regimen.id
    assert rank(p, "chemotherapy") < rank(p, "abemaciclib")


@pytest.mark.parametrize(
    "text",
    [
        "last period March 2026, cycles regular",
        "last menstrual period 2 weeks ago",
        "LMP 3 months ago",
        "LMP 2025-11-15",
        "periods continue",
        "irregular periods",
        "menstrual cycles ongoing",
        "still cycling",
        "letzte Regel 04/2026",
        "dernières règles 04/2026",
        "règles régulières",
        "menstruación regular",
        "premenopausale",
        "premenopauzaal",
        "ovarian function recovery on AI",
        "Zoladex 3.6 mg monthly since 2023",
    ],
)
def test_more_wordings_that_the_ovaries_work_beside_postmenopausal_are_refused(text: str) -> None:
    """The recheck (7757a and others, MAJOR): these passed beside "postmenopausal", and
    elacestrant was preferred with no word of ovarian suppression (a GnRH agonist taken now
    too: 7761g)."""
    with pytest.raises(resistx.ProfileError):
        resistx.load_profile(_postmenopausal(text, as_of="2026-05-01"))


@pytest.mark.parametrize(
    "text",
    [
        "LMP 2019",
        "last period 2018",
        "LMP 2 years ago",
        "premenopausal before chemo; amenorrhoeic since 2020",
        "Zoladex 2019-2021 with exemestane (adjuvant)",
    ],
)
def test_a_menopause_of_the_past_beside_postmenopausal_passes(text: str) -> None:
    resistx.load_profile(_postmenopausal(text, as_of="2026-05-01"))


@pytest.mark.parametrize(
    "text",
    [
        "RRSO 2022",
        "risk-reducing salpingo-oophorectomy 2022",
        "risk-reducing BSO",
        "hysterectomy and bilateral adnexectomy 2018",
        "Adnexektomie beidseits 2020",
        "annexectomie bilatérale 2020",
        "anexectomía bilateral 2020",
        "annessiectomia bilaterale 2020",
    ],
)
def test_more_wordings_of_a_bilateral_oophorectomy_point_to_oophorectomy_on(text: str) -> None:
    """The recheck (7758, 7760a, MAJOR): a germline BRCA2 carrier's 'risk-reducing
    salpingo-oophorectomy 2022' passed beside "premenopausal", and every endocrine option
    asked for a GnRH agonist."""
    data = patient(sex="female", menopausal_status="premenopausal", other_conditions=[text])
    with pytest.raises(resistx.ProfileError, match="oophorectomy_on"):
        resistx.load_profile(data)


@pytest.mark.parametrize(
    "text", ["referred for BSO", "candidate for bilateral oophorectomy", "hysterectomy 2015"]
)
def test_an_oophorectomy_not_done_passes(text: str) -> None:
    data = patient(sex="female", menopausal_status="premenopausal", other_conditions=[text])
    resistx.load_profile(data)


@pytest.mark.parametrize(
    "entry",
    [
        "ondansetron PRN with chemo",
        "ondansetron 8mg PRN (chemo-related nausea)",
        "chemotherapy nausea: ondansetron 4 mg PRN",
        "pegfilgrastim after each chemotherapy cycle",
        "olanzapine 5 mg for chemo-induced nausea",
    ],
)
def test_supportive_care_given_with_chemotherapy_is_no_course(entry: str) -> None:
    """The recheck (7764, false refusals): the fix had covered one wording only."""
    resistx.load_profile(patient(medications=[entry]))


def test_chemotherapy_induced_amenorrhoea_is_no_reaction_to_record() -> None:
    """The recheck (7755_15): read as a reaction to chemotherapy, to record as a toxicity."""
    resistx.load_profile(_postmenopausal("chemotherapy-induced amenorrhoea"))


@pytest.mark.parametrize(
    ("name", "offered"),
    [("paclitaxel weekly", "paclitaxel"), ("letrozole 2.5 mg", "letrozole"),
     ("capecitabine (Xeloda)", "capecitabine"), ("oral vinorelbine", "vinorelbine")],
)  # fmt: skip
def test_a_known_name_with_its_dose_or_brand_keeps_its_hint(name: str, offered: str) -> None:
    """The recheck (7768): these lost the hint the build before gave."""
    course = {**PALBOCICLIB, "drugs": [name], "line": 2}
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(treatments=[PALBOCICLIB, course]))
    [(_path, message)] = caught.value.problems
    assert f"did you mean {offered}" in message, message


def test_a_value_of_another_librarys_type_is_named_with_how_to_pass_it() -> None:
    """7677: a notebook's df.to_dict("records") gives numpy and pandas values; they were
    refused as 'got int64 a int64', 'got Timestamp a Timestamp'."""

    class int64:  # noqa: N801 - as numpy's scalar: a type of its own, no int
        __module__ = "numpy"

        def __repr__(self) -> str:
            return "np.int64(1)"

    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(ecog=int64()))
    [(path, message)] = caught.value.problems
    assert path == "$.ecog"
    assert "got a numpy.int64 (np.int64(1))" in message, message
    assert "convert it to a plain JSON value" in message


def test_a_policy_given_another_policys_evidence_names_the_policy_it_is_for() -> None:
    """7676: 'leave evidence out, or give one that holds its trials' where the pack holds every
    trial of the review; the evidence is practice-2026's."""
    with pytest.raises(resistx.EvidenceError, match="run policy 'practice-2026'"):
        resistx.sequence(patient(), evidence="2026.11")


def test_a_gnrh_agonist_going_on_past_its_lines_progression_is_said_how_to_record() -> None:
    """7630, 7632, 7647 (MINOR): leuprolide continued past the progression of its line, listed
    among the medications, was refused as if no course held it; the message says a drug going
    on past its course is a course of its own, and that course passes."""
    course = {**PALBOCICLIB, "drugs": ["palbociclib", "letrozole", "leuprolide"]}
    data = patient(
        sex="female",
        menopausal_status="premenopausal",
        treatments=[course],
        medications=["leuprolide 22.5 mg every 3 months (continued)"],
    )
    with pytest.raises(resistx.ProfileError, match='a course of its own, "stop_reason": "ongoing"'):
        resistx.load_profile(data)
    alone = {"drugs": ["leuprolide"], "started_on": "2025-03-20", "stop_reason": "ongoing"}
    resistx.load_profile({**data, "treatments": [course, alone]})


def test_an_entry_that_tells_how_the_menopause_came_passes_beside_postmenopausal() -> None:
    """The recheck (7775c): 'premenopausal; BSO 2024-05-01' beside the recorded oophorectomy
    was refused as a status of now; the entry tells how the menopause came."""
    resistx.load_profile(
        _postmenopausal("premenopausal; BSO 2024-05-01", oophorectomy_on="2024-05-01")
    )
