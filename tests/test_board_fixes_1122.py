"""Scenario tests for the findings of the blind reviews from case 1122 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: premenopausal women (1122-1126),
after ADCs (1127-1131), a CDK4/6 inhibitor again (1132-1136), newer agents (1137-1141),
records as an EHR exports them (1142-1146) and a recheck of session 43's fixes (1147-1151)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import option, result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

_PAM = ("PIK3CA", "AKT1", "PTEN")


def _sensitive_then_everolimus(stop: str) -> dict[str, Any]:
    """Case 1149: 43 months of ribociclib + letrozole to progression, then everolimus +
    exemestane stopped after three weeks (``stop``); HER2-ultralow, ESR1 and the PI3K pathway
    not detected, germline BRCA1/2 and PALB2 negative, ECOG 0."""
    germline = {"origin": "germline", "sample": "blood", "tested_on": "2023-03-15"}
    return _woman(
        "2026-11-30",
        [
            result("ESR1", "not_detected", tested_on="2026-10-08"),
            *(result(g, "not_detected", tested_on="2026-10-09", sample="tissue") for g in _PAM),
            *(result(g, "not_detected", **germline) for g in ("BRCA1", "BRCA2", "PALB2")),
        ],
        _course(["ribociclib", "letrozole"], "2023-03-01", "2026-10-02", "progression", line=1),
        _course(["everolimus", "exemestane"], "2026-10-14", "2026-11-04", stop, line=2),
        ecog=0,
        her2="ultralow",
    )


def test_a_line_stopped_for_toxicity_after_three_weeks_keeps_endocrine_sensitive_disease_endocrine_first() -> (
    None
):
    """Case 1149 (MAJOR, practice-2026): after 43 months on ribociclib + letrozole, three weeks
    of everolimus + exemestane stopped for stomatitis counted as 'another line' for rule 32, so
    trastuzumab deruxtecan and chemotherapy came first and every endocrine option was later. A
    line stopped for toxicity without progression is not endocrine resistance (as rule 58 reads
    it since case 1075): an endocrine-based line still comes first, postMONARCH's result
    extended, not shown. A second line that progressed is another line."""
    plan = _planned(_sensitive_then_everolimus("toxicity"), "practice-2026")
    first = plan.options[0]
    assert "endocrine_sensitive_endocrine_first" in {r.code for r in first.reasons}
    chemo = option(plan, "chemotherapy")
    assert "endocrine_sensitive_chemotherapy_later" in {r.code for r in chemo.reasons}
    assert chemo.rank > first.rank
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert tdxd.tier is not resistx.Tier.PREFERRED
    lead = next(r for r in first.reasons if r.code == "endocrine_sensitive_endocrine_first")
    assert "stopped for toxicity" in lead.text
    assert "extended here, not shown" in lead.text
    progressed = _planned(_sensitive_then_everolimus("progression"), "practice-2026")
    assert not [
        r for o in progressed.options for r in o.reasons if r.code.startswith("endocrine_sensitive")
    ]


def test_a_course_with_a_start_date_and_no_end_or_stop_reason_is_refused_not_read_as_ended() -> (
    None
):
    """Case 1144 (MAJOR, both policies): fulvestrant exported as a start date alone (no end,
    no months, no stop reason) loaded without a word, and the plan ranked fulvestrant first,
    'No rule moved it', read as a course that ended in no progression after 13 months on it.
    Whether it goes on or how it ended decides the plan (ongoing: restage, read as progressed):
    the profile must say, at the course's path."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-18") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2022-10-03", "2025-10-20", "progression", line=1),
        {"drugs": ["fulvestrant"], "line": 2, "started_on": "2025-11-03"},
        her2="0",
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.treatments"
    assert "treatments[1]" in message and "ongoing" in message and "ended" in message
    data["treatments"][1]["stop_reason"] = "ongoing"
    plan = _planned(data, "practice-2026")
    assert plan.options[0].regimen.id != "fulvestrant"
    # an end date, or months, says it ended (how: not given), as before
    data["treatments"][1].update(stop_reason=None, ended_on="2026-11-01")
    del data["treatments"][1]["stop_reason"]
    assert resistx.load_profile(data).treatments[1].ended_on is not None


def _refused(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    return list(caught.value.problems)


def _minimal(**kw: Any) -> dict[str, Any]:
    return _woman(
        "2026-11-30",
        [result("ESR1", "mutated", tested_on="2026-11-10")],
        _course(["palbociclib", "letrozole"], "2024-03-01", "2026-11-01", "progression", line=1),
        **kw,
    )


@pytest.mark.parametrize(
    ("label", "drug"),
    [
        ("fam-trastuzumab deruxtecan-nxki", "trastuzumab deruxtecan"),
        ("sacituzumab govitecan-hziy", "sacituzumab govitecan"),
        ("datopotamab deruxtecan-dlnk", "datopotamab deruxtecan"),
        ("ado-trastuzumab emtansine", "trastuzumab emtansine"),
    ],
)
def test_an_adcs_us_name_with_its_suffix_is_the_drug(label: str, drug: str) -> None:
    """Case 1127's validation (MINOR): the names US labels and some records print, with the
    FDA's four-letter suffix, were refused ('did you mean ...'): they are the drug."""
    data = _minimal()
    data["treatments"].append(_course([label], "2026-11-05", "2026-11-20", "toxicity", line=2))
    assert resistx.load_profile(data).treatments[1].drugs == (drug,)


@pytest.mark.parametrize("name", ["bilateral oophorectomy", "oophorectomy", "ovarian ablation"])
def test_a_surgical_ovarian_ablation_recorded_as_a_treatment_says_how_to_record_it(
    name: str,
) -> None:
    """Case 1124's validation (MINOR): 'ovarian ablation' was met with 'did you mean
    Paraplatin?'. A surgery is not a drug: the message says to record the surgical menopause as
    menopausal_status postmenopausal, and suggests no drug."""
    data = _minimal(menopausal_status="premenopausal")
    data["treatments"].append({"drugs": [name], "setting": "metastatic", "line": 1})
    [(path, message)] = _refused(data)
    assert path == "$.treatments[1].drugs[0]"
    assert "postmenopausal" in message and "did you mean" not in message


@pytest.mark.parametrize(
    ("where", "value", "said"),
    [
        ("menopausal_status", "surgical menopause", "postmenopausal"),
        ("her2", "negative", "her2_tests"),
        ("hormone_receptor", "ER-low", "1-10%"),
    ],
)
def test_a_clinics_word_for_a_status_is_met_with_what_to_write(
    where: str, value: str, said: str
) -> None:
    """Cases 1124, 1142 and 1143 (MINOR): 'surgical menopause' got 'did you mean
    perimenopausal?' (it is postmenopausal); HER2 'negative' and ER-low named only the allowed
    values. HER2-negative covers IHC 0, 1+ and 2+ with a negative ISH: the message says to
    record the score (a HER2-low tumour is lost as 0)."""
    data = _minimal(**{where: value})
    [(path, message)] = _refused(data)
    assert path == f"$.{where}"
    assert said in message and "perimenopausal?" not in message


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [("sample", "bone", "indeterminate"), ("status", "vus", "classification")],
)
def test_a_bone_sample_or_a_vus_status_is_met_with_what_to_write(
    field: str, value: str, said: str
) -> None:
    """Cases 1146 and 1142's notes (MINOR): sample 'bone' and status 'vus' named only the
    allowed values: a decalcified bone core is tissue (indeterminate where the laboratory
    doubts it), and a VUS is a mutation with classification vus."""
    data = _minimal()
    data["biomarkers"][0][field] = value
    [(path, message)] = _refused(data)
    assert path == f"$.biomarkers[0].{field}"
    assert said in message


def test_a_parp_inhibitor_waits_on_the_genes_still_untested_not_on_a_negative_germline_brca() -> (
    None
):
    """Cases 1123 and 1139 (MINOR, both policies): with germline BRCA1/2 negative on record and
    PALB2 never tested, olaparib and talazoparib read 'BRCA1, BRCA2 or PALB2 not tested' and
    talazoparib 'a germline BRCA1/2 mutation opens talazoparib': the germline BRCA1/2 test is
    done. The wait names what is untested: PALB2, and the tumour's somatic BRCA1/2."""
    germline = {"origin": "germline", "sample": "blood", "tested_on": "2016-05-02"}
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "not_detected", tested_on="2026-11-10"),
            result("PIK3CA", "mutated", tested_on="2026-11-10", variant="H1047R"),
            *(result(g, "not_detected", **germline) for g in ("BRCA1", "BRCA2")),
        ],
        _course(["ribociclib", "letrozole"], "2023-09-01", "2026-11-01", "progression", line=1),
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        olaparib, talazoparib = option(plan, "olaparib"), option(plan, "talazoparib")
        assert olaparib.waits_on == ("PALB2 and somatic BRCA1/2",)
        [why] = [r.text for r in olaparib.reasons if r.code == "hrd_untested"]
        assert why.startswith("PALB2 not tested, and BRCA1/2 tested in the germline only")
        [why] = [r.text for r in talazoparib.reasons if r.code == "hrd_untested"]
        assert "BRCA1/2 mutation opens talazoparib" not in why
        assert "PALB2" in why and "class only" in why
    del data["biomarkers"][2:]  # nothing of the three tested: the wait as before
    plan = _planned(data)
    assert option(plan, "olaparib").waits_on == ("BRCA1/2 and PALB2",)


def test_vepdegestrant_and_imlunestrant_are_not_said_to_be_what_the_review_prefers() -> None:
    """Case 1137 (MINOR, practice-2026): vepdegestrant's reason read 'oral SERDs overcome
    ESR1-mutant resistance; the review prefers them for ESR1-mutated disease'. It is a PROTAC
    oestrogen-receptor degrader, and neither it nor imlunestrant is in the review: each reason
    names its own trial. The review's oral SERDs keep the review's words."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM),
        ],
        _course(["palbociclib", "letrozole"], "2024-09-01", "2026-11-01", "progression", line=1),
    )
    plan = _planned(data, "practice-2026")

    def match(rid: str) -> str:
        [text] = [
            r.text for r in option(plan, rid).reasons if r.code == "esr1_mutation_matches_oral_serd"
        ]
        return text

    assert "PROTAC" in match("vepdegestrant") and "VERITAC-2" in match("vepdegestrant")
    assert "the review prefers them" not in match("vepdegestrant")
    assert "EMBER-3" in match("imlunestrant") and "not in the review" in match("imlunestrant")
    assert match("elacestrant").endswith("the review prefers them for ESR1-mutated disease.")


def test_an_adverse_events_caution_gives_the_comparator_arms_rate_where_the_trial_prints_it() -> (
    None
):
    """Case 1138 (MINOR, practice-2026): inavolisib's caution 'neutropenia: 80.2% grade 3 or
    worse (secondary source) in INAVO120' read as inavolisib's own toxicity; the placebo +
    palbociclib + fulvestrant arm had 78.4% (update-2026.md section 5), and the events
    inavolisib adds are others. Where the trial prints the comparator's rate for the term, the
    caution gives it beside."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-06", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-06") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        {
            "drugs": ["letrozole"],
            "setting": "adjuvant",
            "started_on": "2023-02-15",
            "ended_on": "2026-10-20",
            "stop_reason": "progression",
        },
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    triplet = option(plan, "inavolisib+palbociclib+fulvestrant")
    [neutropenia] = [c.text for c in triplet.cautions if c.text.startswith("neutropenia")]
    assert "80.2%" in neutropenia and "78.4%" in neutropenia
    assert "placebo + palbociclib + fulvestrant" in neutropenia


def test_a_latest_course_without_endocrine_therapy_stopped_for_toxicity_is_not_said_to_raise_resuming_endocrine_therapy() -> (
    None
):
    """Case 1128 (MINOR, both policies): trastuzumab deruxtecan stopped for pneumonitis after
    progression on capivasertib + fulvestrant; rule 50's action ended 'with stable disease the
    question is rather whether to resume endocrine therapy', and no endocrine therapy was
    stopped. For a course without an endocrine drug it names a break with restaging or the next
    line; an endocrine course keeps its words."""
    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2024-09-10", variant="E545K"),
            result("ESR1", "not_detected", tested_on="2024-09-10"),
        ],
        _course(["ribociclib", "letrozole"], "2021-05-01", "2024-08-20", "progression", line=1),
        _course(["capivasertib", "fulvestrant"], "2024-09-15", "2025-11-20", "progression", line=2),
        _course(
            ["trastuzumab deruxtecan"],
            "2025-12-01",
            "2026-06-01",
            "toxicity",
            line=3,
            toxicity="pneumonitis",
        ),
        her2="low",
    )
    plan = _planned(data)
    [act] = [a.text for a in plan.actions if a.code == "document_progression"]
    assert "resume endocrine therapy" not in act
    assert "treatment break" in act
    data["treatments"][2].update(drugs=["fulvestrant"], toxicity="injection-site reaction")
    data["treatments"][2].pop("toxicity")
    [act] = [a.text for a in _planned(data).actions if a.code == "document_progression"]
    assert "resume endocrine therapy" in act


def test_ribociclib_after_abemaciclib_stopped_for_hepatotoxicity_says_how_its_label_monitors_the_liver() -> (
    None
):
    """Case 1150 (MINOR, both policies): ribociclib's caution after abemaciclib stopped for a
    grade 3 ALT rise ended 'monitor for it'. Its US label gives the schedule: liver tests
    before starting, every two weeks for the first two cycles, then at the start of each of
    the next four cycles."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(
            ["abemaciclib", "letrozole"],
            "2024-06-01",
            "2024-08-15",
            "toxicity",
            line=1,
            toxicity="hepatotoxicity",
        ),
        _course(["letrozole"], "2024-08-16", "2026-11-05", "progression", line=1),
        her2="0",
    )
    plan = _planned(data)
    [said] = [
        c.text
        for c in option(plan, "ribociclib+fulvestrant").cautions
        if c.text.startswith("abemaciclib was stopped for hepatotoxicity")
    ]
    assert "every two weeks for the first two cycles" in said
    assert "monitor for it" not in said


def test_an_unknown_menopausal_status_asks_for_a_pregnancy_test_until_it_is_established() -> None:
    """Case 1126 (MINOR, both policies): a 50-year-old woman with no periods since adjuvant
    chemotherapy and no FSH or oestradiol on record: the plan asked to establish her status,
    and no pregnancy test. Until the menopause is established she may be of reproductive
    potential (ovarian function returns after chemotherapy-induced amenorrhoea, on an
    aromatase inhibitor too): the labels ask for the pregnancy status first."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["ribociclib", "letrozole"], "2023-12-01", "2026-10-30", "progression", line=1),
        menopausal_status="unknown",
        her2="0",
    )
    [said] = [a.text for a in _planned(data).actions if a.code == "establish_menopausal_status"]
    assert "pregnancy test" in said


def _palbociclib_then_capecitabine(*, dated: bool) -> dict[str, Any]:
    """Case 1145: palbociclib + letrozole (line 1, 30 months) then capecitabine (line 2, 7
    months), both ended in progression, given with dates or in months only; HER2 1+."""
    courses = [
        _course(["palbociclib", "letrozole"], "2021-12-01", "2024-06-01", "progression", line=1),
        _course(["capecitabine"], "2024-06-20", "2025-01-20", "progression", line=2),
    ]
    if not dated:
        for c, months in zip(courses, (30, 7), strict=True):
            del c["started_on"], c["ended_on"]
            c["months"] = months
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-04") for g in ("ESR1", *_PAM)],
        *courses,
        her2="low",
    )


def test_chemotherapy_after_the_cdk46i_leaves_maintains_population_whether_or_not_lines_are_dated() -> (
    None
):
    """Case 1145 (MINOR, both policies): with the same two lines given in months only, rule
    8's reason said 'MAINTAIN enrolled mostly palbociclib-pretreated patients' and ranked
    ribociclib + fulvestrant second; with dates it was a later option ('Chemotherapy since the
    CDK4/6 inhibitor'). The line numbers give the order: the check holds either way."""
    for policy in ("ye2024", "practice-2026"):
        dated = option(
            _planned(_palbociclib_then_capecitabine(dated=True), policy), "ribociclib+fulvestrant"
        )
        undated = option(
            _planned(_palbociclib_then_capecitabine(dated=False), policy), "ribociclib+fulvestrant"
        )
        # (the undated results read as older than the undated progressions: another reason,
        # a known limitation of months-only records)
        assert undated.tier == dated.tier
        for o in (dated, undated):
            assert "outside_maintain_population" in {r.code for r in o.reasons}


def test_a_line_stopped_for_toxicity_keeps_postmonarchs_population_for_abemaciclib_fulvestrant() -> (
    None
):
    """The recheck of case 1149 (case 1152, MAJOR, practice-2026): with the toxicity-stopped
    line set aside for rule 32, abemaciclib + fulvestrant still read 'Another line for advanced
    disease ... at best a later option', so fulvestrant alone (postMONARCH's control arm) ranked
    above the regimen that beat it while every other reason cited postMONARCH. The population
    sets the same line aside: abemaciclib + fulvestrant ranks above fulvestrant alone, as
    without the line."""
    plan = _planned(_sensitive_then_everolimus("toxicity"), "practice-2026")
    combination, alone = option(plan, "abemaciclib+fulvestrant"), option(plan, "fulvestrant")
    assert combination.rank < alone.rank
    assert combination.tier is not resistx.Tier.LATER
    assert "postMONARCH" in {t for r in combination.reasons for t in r.trials}
    [said] = [r.text for r in combination.reasons if r.code == "postmonarch_population"]
    assert "one stopped for toxicity" in said and "extended here, not shown" in said


def test_a_grade_3_cytopenia_puts_the_cdk46_and_parp_inhibitors_after_every_option_without_it() -> (
    None
):
    """Case 1159 (MAJOR, both policies): a woman whose myelodysplasia keeps her neutrophils
    at grade 3 could not say so ('grade is read for neuropathy only'), and with 'cytopenia' on
    record abemaciclib + fulvestrant and palbociclib + fulvestrant stayed preferred. The CDK4/6
    inhibitors' labels do not start them at such counts, nor the PARP inhibitors' until they
    recover: at grade 3 or worse both come after every option without the risk; at grade 2,
    or with no grade, the cautions stand as before."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["anastrozole"], "2023-01-10", "2026-10-20", "progression", line=1),
        her2="0",
        comorbidities=[{"name": "neutropenia", "grade": 3}],
    )
    plan = _planned(data)
    first = plan.options[0]
    assert not any("palbociclib" in first.regimen.id or "ciclib" in d for d in first.regimen.drugs)
    cdk = option(plan, "abemaciclib+fulvestrant")
    assert cdk.tier is resistx.Tier.LATER
    [said] = [r.text for r in cdk.reasons if r.code == "cytopenia_myelosuppressive_later"]
    assert "grade 3" in said
    # never given one: later is not a later line (the recheck, case 1192b)
    assert "added once the counts allow" in said
    data["comorbidities"] = [{"name": "cytopenia", "grade": 2}]
    assert option(_planned(data), "abemaciclib+fulvestrant").tier is resistx.Tier.PREFERRED


def _no_cdk46i(*courses: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Cases 1157 and 1158: no CDK4/6 inhibitor ever; ESR1 and the pathway not detected."""
    kw.setdefault("her2", "0")
    return _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        *courses,
        **kw,
    )


def test_a_patient_never_given_a_cdk46i_is_not_told_the_reviews_evidence_is_all_after_one() -> None:
    """Case 1157 (MINOR, both policies): 'No CDK4/6 inhibitor on record: the review's evidence
    is for patients whose disease progressed on one' is untrue: BOLERO-2 enrolled none, SOLAR-1
    few, and the fulvestrant doublets' trials none (the review says so). The note and the
    neutral reason say the trials' own populations are in each option's evidence."""
    plan = _planned(_no_cdk46i(_course(["letrozole"], "2023-01-10", "2026-10-20", "progression")))
    said = [n for n in plan.notes if n.startswith("No CDK4/6 inhibitor on record")]
    said += [r.text for o in plan.options for r in o.reasons if r.code == "no_cdk46i_on_record"]
    assert said
    assert not [t for t in said if "evidence is for patients" in t]
    assert all("evidence" in t for t in said)


def test_after_progression_on_fulvestrant_the_ai_doublets_do_not_say_the_fulvestrant_ones_come_first() -> (
    None
):
    """Case 1158 (MINOR, both policies): after first-line fulvestrant alone, each aromatase-
    inhibitor doublet said 'the fulvestrant regimens, two of whose trials enrolled such patients
    (MONARCH-2, MONALEESA-3), come first', where the plan rightly put them after (progression
    on fulvestrant). Their trials enrolled no one after fulvestrant: the reason says so there."""
    data = _no_cdk46i(_course(["fulvestrant"], "2023-01-10", "2026-10-20", "progression"))
    plan = _planned(data)
    doublet = option(plan, "abemaciclib+letrozole")
    [said] = [r.text for r in doublet.reasons if r.code == "cdk46i_naive_first"]
    assert "come first" not in said or "fulvestrant regimens" not in said.split("come first")[0]
    assert "after fulvestrant" in said
    assert doublet.rank < option(plan, "abemaciclib+fulvestrant").rank


def test_vepdegestrant_after_an_oral_serd_names_the_degraders_not_a_serd_class() -> None:
    """Case 1166 (MINOR, practice-2026): vepdegestrant after progression on elacestrant read
    'Progressed on elacestrant, of the same class (oral SERD)', beside its own reason saying it
    is not a SERD: the class is the oral oestrogen-receptor degraders."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-10-20", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-10-20") for g in _PAM),
        ],
        _course(["palbociclib", "letrozole"], "2021-10-01", "2024-07-01", "progression", line=1),
        _course(["elacestrant"], "2024-07-15", "2026-10-10", "progression", line=2),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    texts = " ".join(r.text for r in option(plan, "vepdegestrant").reasons)
    assert "(oral SERD)" not in texts and "oral oestrogen-receptor degrader" in texts


def test_the_ctcae_name_of_an_alt_rise_is_an_adverse_event_resistx_knows() -> None:
    """Case 1171's validation (MINOR): 'alanine aminotransferase increased' (CTCAE v5) and
    'ALT elevation' were refused; they are the ALT rise 'ALT increased' names."""
    for name in ("alanine aminotransferase increased", "ALT elevation"):
        data = _no_cdk46i(
            _course(
                ["ribociclib", "letrozole"],
                "2024-01-10",
                "2024-03-01",
                "toxicity",
                line=1,
                toxicity=name,
            ),
            _course(["letrozole"], "2024-03-02", "2026-10-20", "progression", line=1),
        )
        assert resistx.load_profile(data).treatments[0].toxicity == "increased alt"


def test_talazoparib_does_not_wait_on_a_somatic_brca_test_that_cannot_open_it() -> None:
    """The recheck of case 1123 (case 1154, MINOR): talazoparib waited on 'PALB2 and somatic
    BRCA1/2' while its reason named germline PALB2 only: a somatic BRCA1/2 mutation opens
    olaparib (TBCRC 048), not talazoparib (EMBRACA, its label: germline)."""
    germline = {"origin": "germline", "sample": "blood", "tested_on": "2019-05-02"}
    data = _no_cdk46i(
        _course(["abemaciclib", "fulvestrant"], "2024-09-01", "2026-10-20", "progression"),
    )
    data["biomarkers"] += [result(g, "not_detected", **germline) for g in ("BRCA1", "BRCA2")]
    plan = _planned(data)
    assert option(plan, "talazoparib").waits_on == ("PALB2",)
    assert option(plan, "olaparib").waits_on == ("PALB2 and somatic BRCA1/2",)


def test_a_comparator_arms_rate_from_a_secondary_source_says_so() -> None:
    """The recheck of case 1138 (case 1155, MINOR): EMBER-3's caution tagged only its first
    figure '(secondary source)'; the comparator arms' rates come from the same source."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-10", variant="Y537S"),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in _PAM),
        ],
        _course(["ribociclib", "letrozole"], "2023-09-01", "2026-11-01", "progression", line=1),
        her2="0",
    )
    plan = _planned(data, "practice-2026")
    [said] = [
        c.text for c in option(plan, "imlunestrant").cautions if c.text.startswith("any adverse")
    ]
    assert said.count("secondary source") == 3


def test_everolimus_for_a_patient_never_given_a_cdk46i_quotes_the_evidence_of_her_population() -> (
    None
):
    """Cases 1157 and 1171 (MINOR, both policies): after first-line letrozole alone, with no
    CDK4/6 inhibitor ever, everolimus + exemestane quoted only ref 47's 'prior-CDK4/6i: median
    PFS 3.8 months'. The review gives her population's figures: BOLERO-2 (none had a CDK4/6
    inhibitor; 10.6 vs 4.1 months) and ref 47's arm without one (5.4 months). After progression
    on a CDK4/6 inhibitor the evidence is as before."""
    plan = _planned(_no_cdk46i(_course(["letrozole"], "2022-01-10", "2026-10-20", "progression")))
    texts = [r.text for r in option(plan, "everolimus+exemestane").reasons if r.rule == 16]
    assert any("BOLERO-2" in t and "10.6" in t for t in texts)
    assert any("5.4" in t for t in texts) and not any("3.8" in t for t in texts)
    after = _planned(
        _no_cdk46i(_course(["palbociclib", "letrozole"], "2022-01-10", "2026-10-20", "progression"))
    )
    texts = [r.text for r in option(after, "everolimus+exemestane").reasons if r.rule == 16]
    assert any("3.8" in t for t in texts) and not any("BOLERO-2" in t for t in texts)


def test_a_trial_whose_drugs_are_taken_by_mouth_is_left_out_when_the_patient_declines_oral_treatment() -> (
    None
):
    """Case 1181 (MAJOR, both policies): a patient declining oral treatment was offered the
    TAKTIC and FINER trials first (ipatasertib and palbociclib by mouth), beside the note that
    a regimen given so is left out: rule 110 judged only regimens whose routes the table gives,
    and a trial's come from its drugs. A trial with a drug given by a declined route is left
    out as declined."""
    data = _woman(
        "2026-11-30",
        [
            result("ESR1", "mutated", tested_on="2026-11-05", variant="Y537S"),
            result("PIK3CA", "mutated", tested_on="2026-11-05", variant="H1047R"),
            *(result(g, "not_detected", tested_on="2026-11-05") for g in ("AKT1", "PTEN")),
        ],
        _course(["palbociclib", "letrozole"], "2023-12-01", "2026-10-20", "progression", line=1),
        her2="low",
    )
    for declined in ("oral", "intramuscular"):
        plan = resistx.sequence(data, {"declines": [declined]})
        trials = [o for o in plan.options if o.regimen.id.startswith("trial:")]
        assert not trials, [o.regimen.id for o in trials]
        left = [e for e in plan.excluded if e.regimen.id.startswith("trial:")]
        assert left and all(resistx.ExclusionCode.DECLINED in e.codes for e in left)
    assert [o for o in resistx.sequence(data).options if o.regimen.id.startswith("trial:")]


def test_a_grade_3_cytopenia_puts_every_marrow_suppressing_option_after_those_without_that_risk() -> (
    None
):
    """The recheck of case 1159 (case 1173, MAJOR, both policies): with grade 3 anaemia in a
    germline BRCA2 carrier, rule 111 put the PARP inhibitors ninth, behind chemotherapy and the
    ADCs, which suppress the marrow as much and whose own reasons said the PARP inhibitor comes
    first. Every option that lowers blood counts (chemotherapy, the ADCs, everolimus, the
    CDK4/6 and PARP inhibitors) comes after those that do not; among them the PARP inhibitors
    still come before chemotherapy."""
    data = _woman(
        "2026-11-30",
        [
            result("BRCA2", "mutated", origin="germline", sample="blood", tested_on="2020-03-01"),
            *(
                result(g, "not_detected", tested_on="2026-11-10", sample="tissue")
                for g in ("ESR1", *_PAM)
            ),
        ],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2026-10-20", "progression", line=1),
        her2="low",
    )
    without = _planned(data)
    data["comorbidities"] = [{"name": "anaemia", "grade": 3}]
    plan = _planned(data)
    marrow = {
        "chemotherapy",
        "trastuzumab-deruxtecan",
        "sacituzumab-govitecan",
        "olaparib",
        "talazoparib",
        "everolimus+exemestane",
    }
    ranks = {o.regimen.id: o.rank for o in plan.options}
    spared = [r for r in ranks if r not in marrow and "ciclib" not in r]
    assert max(ranks[r] for r in spared) < min(ranks[r] for r in marrow if r in ranks)
    # among them the PARP inhibitors still lead, as without the anaemia (rule 12's anaemia
    # figures may order the two: talazoparib's is the higher)
    assert without.options[0].regimen.id in {"olaparib", "talazoparib"}
    assert max(ranks["olaparib"], ranks["talazoparib"]) < ranks["chemotherapy"]


@pytest.mark.parametrize("name", ["therapy-related MDS", "t-MDS", "AML", "acute myeloid leukaemia"])
def test_a_myelodysplastic_syndrome_on_record_leaves_the_parp_inhibitors_out(name: str) -> None:
    """The recheck of case 1123 (case 1176, MAJOR, both policies): therapy-related MDS could
    not be recorded ('did you mean cytopenia'), and with a somatic BRCA2 mutation olaparib came
    first. The PARP inhibitors' labels warn of MDS and acute myeloid leukaemia and stop them
    once either is confirmed: with it on record they are left out, the reason saying why. The
    recheck (case 1193c): 't-MDS' and a past AML were refused too."""
    data = _woman(
        "2026-11-30",
        [
            result("BRCA2", "mutated", tested_on="2026-11-10", sample="tissue"),
            *(
                result(g, "not_detected", tested_on="2026-11-10", sample="tissue")
                for g in ("ESR1", *_PAM)
            ),
            *(
                result(g, "not_detected", origin="germline", sample="blood", tested_on="2021-02-01")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ],
        _course(["ribociclib", "fulvestrant"], "2023-03-01", "2026-10-20", "progression", line=1),
        comorbidities=[name],
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        left = {e.regimen.id: e for e in plan.excluded}
        for rid in ("olaparib", "talazoparib"):
            assert resistx.ExclusionCode.CONTRAINDICATED in left[rid].codes
            assert any("myelodysplastic" in r.text for r in left[rid].reasons)


def test_two_metastatic_courses_with_neither_date_nor_line_are_refused_not_ordered_by_chance() -> (
    None
):
    """The recheck of case 1145 (case 1174b, MAJOR, both policies): palbociclib + anastrozole
    and capecitabine, each in months only and with no line number, loaded silently, and
    ribociclib + fulvestrant came first on MAINTAIN, whose population the chemotherapy between
    leaves; in either listing order. Without dates or lines nothing orders two courses: the
    profile must give one or the other (schema 2)."""
    data = _palbociclib_then_capecitabine(dated=False)
    for c in data["treatments"]:
        del c["line"]
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.treatments"
    assert "treatments[0]" in message and "treatments[1]" in message and "line" in message
    data["treatments"][0]["line"], data["treatments"][1]["line"] = 1, 2
    assert resistx.load_profile(data).treatments[1].line == 2


@pytest.mark.parametrize(
    ("given", "regimen"),
    [
        (["fulvestrant", "goserelin"], "fulvestrant"),
        (["ribociclib", "fulvestrant", "Zoladex"], "ribociclib+fulvestrant"),
        (["capecitabine", "goserelin"], "chemotherapy"),
        (["Enhertu", "leuprorelin"], "trastuzumab-deruxtecan"),
        (["goserelin"], "goserelin"),
    ],
)
def test_a_gnrh_agonist_given_beside_a_regimen_does_not_make_it_another_regimen(
    given: list[str], regimen: str
) -> None:
    """Case 1187 (MAJOR, concordance): every next treatment stated with a GnRH agonist
    (fulvestrant + goserelin for a premenopausal woman) was 'not in plan', where the plan's
    fulvestrant option says to continue goserelin with it: ovarian suppression goes with the
    endocrine options, and the concordance of every premenopausal woman and every man on one
    was lost. The agonist is set aside when the regimen is named (not when it is all there is)."""
    from resistx.cohort import regimen_for  # noqa: PLC0415

    assert regimen_for(given) == regimen


def test_enrolment_in_a_trial_the_plan_offers_is_placed_at_that_trial() -> None:
    """Case 1189's variant (MINOR, concordance): fulvestrant + ipatasertib given next was 'not
    in plan', where the plan ranked the FINER trial (fulvestrant, ipatasertib) fourth."""
    from resistx.cohort import place, regimen_for  # noqa: PLC0415

    data = _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", tested_on="2026-11-05", variant="E545K"),
            *(result(g, "not_detected", tested_on="2026-11-05") for g in ("ESR1", "AKT1", "PTEN")),
        ],
        _course(["palbociclib", "anastrozole"], "2023-04-01", "2026-10-20", "progression", line=1),
    )
    plan = _planned(data)
    finer = next(o for o in plan.options if o.regimen.id == "trial:NCT04650581")
    placed = place(plan, regimen_for(["fulvestrant", "ipatasertib"]))
    assert (placed.rank, placed.place) == (finer.rank, finer.tier.value)


def test_a_json_error_message_does_not_say_at_twice() -> None:
    """The cohort review (MINOR): a line cut short read 'Invalid control character at at line
    1, column 121' and 'Unterminated string starting at at line 1, column 97': the decoder's
    own message ends in 'at'."""
    for text in ('{"schema_version": 2, "patient_id": "a\nb"}', '{"schema_version": 2, "x": "ab'):
        with pytest.raises(resistx.ProfileError) as caught:
            resistx.load_profile(text)
        assert " at at " not in str(caught.value), str(caught.value)


def test_trastuzumab_deruxtecan_held_back_for_endocrine_sensitive_disease_says_the_sites_of_metastasis_are_not_read() -> (
    None
):
    """Case 1200 (MAJOR, practice-2026, recorded as a limitation): HER2-low disease with liver
    metastases after 14 months of abemaciclib + letrozole; rule 32 put fulvestrant alone first
    and trastuzumab deruxtecan later, as it would for bone-only disease: a profile has no field
    for visceral metastases short of a crisis. Until it does, the reason that holds trastuzumab
    deruxtecan back says so, and that postMONARCH's benefit was larger without visceral
    metastases, so a clinician weighing liver or lung disease sees what the order does not.
    Since session 70 (8571) rule 32 reads liver or lung metastases on record (they let
    trastuzumab deruxtecan within its approval lead); this bone-only record's reason says so."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        _course(["abemaciclib", "letrozole"], "2025-09-01", "2026-11-01", "progression", line=1),
        her2="low",
    )
    plan = _planned(data, "practice-2026")
    [said] = [
        r.text
        for r in option(plan, "trastuzumab-deruxtecan").reasons
        if r.code == "endocrine_sensitive_adc_later"
    ]
    assert "liver or lung metastases (none on record here)" in said and "visceral" in said


def test_an_adjuvant_course_with_a_start_date_alone_is_refused_too() -> None:
    """The recheck of case 1144 (case 1196c, MAJOR, both policies): adjuvant abemaciclib +
    anastrozole given as a start date alone loaded and was read as a relapse on the CDK4/6
    inhibitor (chemotherapy first); recorded as completed, abemaciclib + fulvestrant led. How
    it ended decides the plan, in the adjuvant setting as in the metastatic one."""
    data = _woman(
        "2026-11-30",
        [result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)],
        {
            "drugs": ["abemaciclib", "anastrozole"],
            "setting": "adjuvant",
            "started_on": "2022-03-01",
        },
    )
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.treatments" and "treatments[0]" in message


def test_with_a_myelodysplastic_syndrome_no_option_says_a_parp_inhibitor_comes_first() -> None:
    """The recheck of case 1176 (case 1193a, MAJOR, ye2024): with a germline PALB2 mutation and
    therapy-related MDS, the PARP inhibitors were left out (rule 112), yet chemotherapy's only
    reason, and sacituzumab govitecan's, said 'olaparib comes first, this after it', and held
    chemotherapy at an alternative. A PARP inhibitor the plan leaves out is first for nothing."""
    data = _woman(
        "2026-11-30",
        [
            result("PALB2", "mutated", origin="germline", sample="blood", tested_on="2020-03-01"),
            *(
                result(g, "not_detected", origin="germline", sample="blood", tested_on="2020-03-01")
                for g in ("BRCA1", "BRCA2")
            ),
            *(
                result(g, "not_detected", tested_on="2026-11-10", sample="tissue")
                for g in ("ESR1", *_PAM)
            ),
        ],
        _course(["ribociclib", "letrozole"], "2023-03-01", "2026-10-20", "progression", line=1),
        comorbidities=["MDS"],
    )
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        said = [r.text for o in plan.options for r in o.reasons]
        assert not [t for t in said if "olaparib comes first" in t], policy
