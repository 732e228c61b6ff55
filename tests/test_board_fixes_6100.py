"""Session 62: the reviews of cases 6100 onwards, and what the left items of session 61 held
(an mCODE history naming a cancer drug resistx did not know)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.cli import main
from resistx.interop import from_fhir, from_phenopacket
from tests.helpers import (
    CAPECITABINE,
    PALBOCICLIB,
    excluded_for,
    exclusion,
    option,
    patient,
    plan,
    result,
    second_line,
)


def test_progression_on_niraparib_leaves_olaparib_out_as_after_another_parp_inhibitor() -> None:
    """6066: a history naming niraparib was refused (or, converted, left the line out): a
    PARP inhibitor given to progression, like talazoparib, leaves olaparib out."""
    gbrca2 = [result("BRCA2", "mutated", origin="germline")]
    p = plan(biomarkers=gbrca2, treatments=[PALBOCICLIB, second_line("niraparib")])
    assert "progressed_on" in excluded_for(p, "olaparib")
    assert any("niraparib" in r.text for r in exclusion(p, "olaparib").reasons)


@pytest.mark.parametrize("drug", ["etoposide", "irinotecan", "Zejula"])
def test_a_cytotoxic_line_of_etoposide_or_irinotecan_counts_as_chemotherapy(drug: str) -> None:
    """6066: oral etoposide and irinotecan are chemotherapy lines like capecitabine (TROPiCS-02's
    'no prior chemotherapy' does not hold after them); Zejula is niraparib's brand."""
    capecitabine = plan(treatments=[PALBOCICLIB, CAPECITABINE])
    other = plan(treatments=[PALBOCICLIB, dict(CAPECITABINE, drugs=[drug])])
    chemo_first = "No prior chemotherapy"
    sg = other.option("sacituzumab-govitecan") or other.exclusion("sacituzumab-govitecan")
    assert sg is not None
    said = " ".join(r.text for r in sg.reasons)
    if drug == "Zejula":  # a PARP inhibitor, not chemotherapy
        assert chemo_first in said
    else:
        assert chemo_first not in said
        assert [o.regimen.id for o in other.options if o.regimen.id != "chemotherapy"][:3] == [
            o.regimen.id for o in capecitabine.options if o.regimen.id != "chemotherapy"
        ][:3]


def test_the_new_drug_names_are_known_to_the_vocabulary() -> None:
    """A profile naming them loads (it was refused: 'not a drug resistx knows')."""
    for name, drug in {
        "Zejula": "niraparib",
        "VP-16": "etoposide",
        "Camptosar": "irinotecan",
    }.items():
        p = resistx.load_profile(patient(treatments=[PALBOCICLIB, second_line(name)]))
        assert p.treatments[1].drugs == (drug,)


def test_an_mcode_order_for_niraparib_is_a_course_of_the_converted_profile() -> None:
    """6066 (left in session 61): a cancer-related order for niraparib was reported by its name
    and left out of the converted profile."""
    from tests.test_board_fixes_5650 import _esr1_bundle  # noqa: PLC0415

    data = _esr1_bundle({"text": "Zejula 100 mg capsule"})
    assert [t.drugs for t in from_fhir(data).profile.treatments] == [("niraparib", "letrozole")]


def test_the_evidence_frames_keep_each_figure_s_verification_and_how_it_is_printed() -> None:
    """6311 (MAJOR): the frames of the 2026.11 pack had no verification column, so a
    secondary-source hazard ratio (evERA's ESR1-mutated 0.38) read as primary; 'p<0.001' read as
    p = 0.001, and a grade 3-4 figure as grade 3 or worse."""
    pack = resistx.evidence("2026.11")
    endpoints = pack.to_frame()
    hrs = [(t.key, h) for t in pack.trials for h in t.hazard_ratios]
    frame_hrs = endpoints[endpoints.kind.str.startswith("HR_")]
    assert _levels(frame_hrs.verification) == [
        h.verification.value if h.verification else None for _k, h in hrs
    ]
    assert list(frame_hrs.p_below) == [h.p_below for _k, h in hrs]
    assert "secondary" in set(frame_hrs.verification)
    review = resistx.evidence().to_frame()  # the review's own figures: no verification level
    assert review.verification.isna().all()
    capitello = review[(review.trial == "CAPItello-291") & review.p_below.astype(bool)]
    assert len(capitello) and set(capitello.p_value) == {0.001}
    events = [(t.key, a) for t in pack.trials for a in t.adverse_events]
    aes = pack.adverse_events_frame()
    assert list(aes.severe_grades) == [a.severe_grades for _k, a in events]
    assert _levels(aes.verification) == [
        a.verification.value if a.verification else None for _k, a in events
    ]
    endpoint_rows = endpoints[~endpoints.kind.str.startswith("HR_")]
    assert _levels(endpoint_rows.verification) == [
        e.verification.value if e.verification else None for t in pack.trials for e in t.endpoints
    ]


def _levels(column: Any) -> list[str | None]:
    """A frame's verification column as values, null as None (pandas may give NaN)."""
    return [v if isinstance(v, str) else None for v in column]


def test_a_cohort_directory_reads_json_files_of_any_case_and_says_what_it_did_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """6310 (MAJOR): a folder of P0000.json, P0001.JSON, sub/P0002.json, P0003.json.bak and
    notes.txt said '1 of 1 patients planned': two profiles left out in silence."""
    folder = tmp_path / "6310"
    (folder / "sub").mkdir(parents=True)
    data = json.dumps(patient())
    for name in ("P0000.json", "P0001.JSON", "sub/P0002.json", "P0003.json.bak"):
        (folder / name).write_text(data, encoding="utf-8")
    (folder / "notes.txt").write_text("to do", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["cohort", str(folder), "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 of 2 patients planned" in said.out
    assert "3 entries of" in said.err and "not read" in said.err, said.err
    for name in ("sub/", "P0003.json.bak", "notes.txt"):
        assert name in said.err


def test_a_cohort_directory_of_profiles_and_a_phenopacket_is_refused_as_mixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """6317 (MINOR): a Phenopacket among profiles was read as a profile ('$.id unknown key')."""
    folder = tmp_path / "6317"
    folder.mkdir()
    for name in ("a.json", "b.json"):
        (folder / name).write_text(json.dumps(patient()), encoding="utf-8")
    pheno = Path(__file__).parent.parent / "examples" / "interop"
    [first] = sorted(pheno.glob("*.phenopacket.json"))[:1]
    (folder / first.name).write_text(first.read_text("utf-8"), encoding="utf-8")
    assert main(["cohort", str(folder), "--out", str(tmp_path / "o.jsonl")]) == 2
    said = capsys.readouterr().err
    assert "2 profiles and 1 Phenopacket" in said, said
    assert not (tmp_path / "o.jsonl").exists()  # refused before a row is planned


def test_a_whole_number_written_as_a_float_is_read_as_the_integer_the_schema_allows() -> None:
    """6309 (MINOR, left in session 61 as 5770): pandas writes an ECOG column with a missing
    value as floats, and 1.0 was refused ('expected an integer'), though the profile's JSON
    Schema, 'integer' under 2020-12, accepts it; 1.5 is still refused."""
    p = resistx.load_profile(patient(ecog=1.0, treatments=[dict(PALBOCICLIB, line=1.0)]))
    assert p.ecog == 1 and type(p.ecog) is int
    assert p.treatments[0].line == 1 and type(p.treatments[0].line) is int
    assert resistx.sequence(patient(ecog=2.0)) == resistx.sequence(patient(ecog=2))
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(ecog=1.5))
    assert list(caught.value.problems) == [("$.ecog", "expected an integer, got a number 1.5")]


@pytest.mark.parametrize(
    "entry", ["trastuzumab 600 mg SC every 3 weeks", "Tukysa 300 mg bd", "Phesgo q3w", "neratinib"]
)
def test_a_her2_directed_drug_taken_now_among_the_medications_is_refused(entry: str) -> None:
    """6221 (MAJOR): trastuzumab, tucatinib, Phesgo or neratinib among the medications passed
    as 'not read', and a HER2-0 plan followed: HER2-directed therapy now says the disease may
    be HER2-positive, outside the review, as a course of it in the treatments says."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(medications=["metformin 500 mg bd", entry]))
    [(path, message)] = caught.value.problems
    assert "medications[1]" in path + message
    assert "HER2-positive disease, outside the review" in message


def test_a_her2_directed_drug_of_the_past_among_the_medications_is_not_refused() -> None:
    """... but one stopped years ago (adjuvant trastuzumab for an earlier HER2-positive
    cancer) stays as an entry not read, as before."""
    p = resistx.load_profile(patient(medications=["trastuzumab, stopped 2015"]))
    assert p.medications == ("trastuzumab, stopped 2015",)


ESR1_MUTATED = [
    result("ESR1", "mutated", variant="D538G"),
    *(result(g, "not_detected") for g in ("PIK3CA", "AKT1", "PTEN")),
]


@pytest.mark.parametrize(
    ("entry", "drug", "what"),
    [
        ("phenobarbital 60 mg nocte", "phenobarbital", "inducer"),
        ("Mysoline 250 mg bd", "primidone", "inducer"),
        ("fosphenytoin", "fosphenytoin", "inducer"),
        ("Orkambi", "lumacaftor", "inducer"),
        ("idelalisib 150 mg bd", "idelalisib", "inhibitor"),
        ("Korlym 300 mg", "mifepristone", "inhibitor"),
        ("Reyataz 300 mg daily", "atazanavir", "inhibitor"),
        ("Viekira Pak", "ritonavir", "inhibitor"),
    ],
)
def test_strong_cyp3a_drugs_of_the_fda_based_tables_are_read_as_carbamazepine_is(
    entry: str, drug: str, what: str
) -> None:
    """6235 (MAJOR): an 84-year-old on phenobarbital had elacestrant preferred with no caution,
    while carbamazepine moved it down with an action first; the entry was said to be 'not read
    by resistx, which reads a strong CYP3A inhibitor or inducer', as if it were not one."""
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    assert read_as(entry) == (f"{drug} as a strong CYP3A {what}",)
    treatments = [PALBOCICLIB, second_line("fulvestrant")]
    here = plan(biomarkers=ESR1_MUTATED, treatments=treatments, medications=[entry])
    # a strong one read before, of the same other labels' roles (UGT1A1 for sacituzumab
    # govitecan: the antiepileptics; P-gp for talazoparib: neither)
    known = {"inducer": "carbamazepine", "inhibitor": "voriconazole"}[what]
    known = "enzalutamide" if drug == "lumacaftor" else known
    there = plan(biomarkers=ESR1_MUTATED, treatments=treatments, medications=[known])
    assert [o.regimen.id for o in here.options] == [o.regimen.id for o in there.options]
    assert [a.code for a in here.actions] == [a.code for a in there.actions]


def test_an_unread_medication_is_not_said_to_be_no_strong_cyp3a_drug() -> None:
    """6235: what the plan says of an entry it does not read claims no more than resistx's
    lists: a moderate inhibitor, or a strong one it does not list, is not screened."""
    from resistx.vocab.interactions import UNREAD  # noqa: PLC0415

    assert "which reads a strong CYP3A" not in UNREAD
    assert "it lists" in UNREAD and "moderate" in UNREAD


def _ild_on_palbociclib(grade: int | None) -> dict[str, Any]:
    """6230: palbociclib stopped for interstitial lung disease, letrozole given on alone to
    progression; ESR1 D538G in ctDNA; the lung disease on record with ``grade``."""
    ild: dict[str, Any] = {"name": "interstitial_lung_disease"}
    if grade is not None:
        ild["grade"] = grade
    return patient(
        comorbidities=[ild],
        biomarkers=ESR1_MUTATED,
        treatments=[
            dict(PALBOCICLIB, ended_on="2025-12-01", stop_reason="toxicity",
                 toxicity="interstitial lung disease"),
            dict(PALBOCICLIB, drugs=["letrozole"], started_on="2025-12-02",
                 ended_on="2026-04-20"),
        ],
    )  # fmt: skip


def test_a_grade_3_lung_disease_that_stopped_palbociclib_leaves_it_out_and_others_after() -> None:
    """6230 (MAJOR): with the interstitial lung disease that stopped palbociclib recorded as
    grade 3, palbociclib + fulvestrant stayed an option (its label stops it for good after a
    severe one), abemaciclib and ribociclib came first 'until its severity is known', and the
    caution asked how severe it was."""
    p = resistx.sequence(_ild_on_palbociclib(3))
    assert "contraindicated" in excluded_for(p, "palbociclib+fulvestrant")
    first = p.options[0].regimen.id
    assert first == "elacestrant", [o.regimen.id for o in p.options]
    abema = p.option("abemaciclib+fulvestrant")
    assert abema is not None and abema.tier.value == "later"
    assert not any("ask how severe" in c.text for c in abema.cautions)
    assert any("grade 3 or worse" in r.text for r in abema.reasons)


def test_a_lung_disease_of_unknown_grade_after_palbociclib_still_asks_how_severe() -> None:
    """... while one of no grade keeps case 535's reading: at best an alternative, asking."""
    p = resistx.sequence(_ild_on_palbociclib(None))
    abema = p.option("abemaciclib+fulvestrant")
    assert abema is not None and abema.tier.value == "alternative"
    assert any("ask how severe" in c.text for c in abema.cautions)
    assert p.option("palbociclib+fulvestrant") is not None


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        ("intersitial lung disease (on home oxygen)", "intersitial", "interstitial"),
        ("pnuemonitis after radiotherapy", "pnuemonitis", "pneumonitis"),
        ("cirhosis, Child-Pugh A", "cirhosis", "cirrhosis"),
    ],
)
def test_a_condition_the_rules_read_misspelt_in_free_text_is_refused(
    text: str, word: str, meant: str
) -> None:
    """6223 (MAJOR): 'intersitial lung disease (on home oxygen)' passed as not assessed and
    trastuzumab deruxtecan came first, while 'interstitial lung disease ...' is refused pointing
    to comorbidities: a misspelt condition the rules read is refused as a misspelt medication
    is (case 1904)."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(other_conditions=[text]))
    said = [m for path, m in caught.value.problems if path == "$.other_conditions[0]"]
    assert any(f"{word!r}" in m and f"{meant!r}" in m for m in said), said


@pytest.mark.parametrize(
    "text", ["hypotension on standing", "pneumonia 2019", "osteoporosis on alendronate",
             "osteoarthritis of both knees", "hypothyroidism on levothyroxine"]
)  # fmt: skip
def test_real_words_near_a_condition_s_name_pass(text: str) -> None:
    assert resistx.load_profile(patient(other_conditions=[text])).other_conditions == (text,)


def test_a_plan_read_back_from_json_with_fields_missing_is_refused_naming_each() -> None:
    """6315 (MINOR): from_json(Plan, ...) loaded a plan whose options' cautions, or whose
    options and exclusions, had been cut away, filling them in empty: a truncated plan file
    came back without its safety cautions and no error. to_json writes every field, so a plan
    read back needs every one."""
    plan = resistx.sequence(patient(biomarkers=ESR1_MUTATED))
    data = json.loads(resistx.to_json(plan))
    assert resistx.from_json(resistx.Plan, json.dumps(data)) == plan  # whole: read back
    del data["excluded"]
    for cut in data["options"][:2]:
        del cut["cautions"]
    del data["options"][0]["reasons"][0]["trials"]
    with pytest.raises(resistx.ConversionError) as caught:
        resistx.from_json(resistx.Plan, json.dumps(data))
    assert sorted(caught.value.problems) == [
        ("$.excluded", "required field missing"),
        ("$.options[0].cautions", "required field missing"),
        ("$.options[0].reasons[0].trials", "required field missing"),
        ("$.options[1].cautions", "required field missing"),
    ]


def test_sequence_many_says_bad_preferences_and_a_mismatched_evidence_at_the_call() -> None:
    """6316 (MINOR): bad preferences were 'invalid profile'; evidence the default policy cannot
    run on passed the call and failed at the first next(), naming resistx's own regimen file."""
    profiles = [patient()]
    with pytest.raises(resistx.ProfileError) as caught:  # still a ProfileError for callers
        resistx.sequence_many(profiles, preferences={"priority": "speed"})
    assert str(caught.value).startswith("invalid preferences")
    assert caught.value.problems[0][0] == "$.preferences.priority"
    with pytest.raises(resistx.EvidenceError) as mismatch:
        resistx.sequence_many(profiles, evidence=resistx.evidence("2026.11"))  # no next()
    said = str(mismatch.value)
    assert "policy 'ye2024' cannot run on evidence 2026.11" in said
    assert "regimens.json" not in said


def test_next_treatment_names_each_unknown_drug_at_its_index() -> None:
    """6321 (MINOR): three misspelt drugs in a JSON profile's next_treatment were one problem
    at $.next_treatment; a Parquet column gave each its own index, as treatments' drugs do."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(
            {**patient(schema_version=2), "next_treatment": ["Orserduu", "fulvestrant", "xyzzy"]}
        )
    paths = [p for p, _m in caught.value.problems]
    assert paths == ["$.next_treatment[0]", "$.next_treatment[2]"]
    assert "'Orserduu' is not a drug resistx knows" in caught.value.problems[0][1]


def test_a_parquet_row_with_an_empty_next_treatment_cell_says_its_profile_s_problems_too(
    tmp_path: Path,
) -> None:
    """6304 (MINOR): a row whose next_treatment cell was an empty list reported that alone; its
    ECOG of 7 went unsaid (the same profile as JSON says both)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    text = json.dumps(patient(patient_id="P0017", ecog=7))
    pq.write_table(
        pa.table({"profile": [text], "next_treatment": pa.array([[]], pa.list_(pa.string()))}),
        tmp_path / "in.parquet",
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert (
        main(["cohort", str(tmp_path / "in.parquet"), "--out", str(out), "--errors", str(errors)])
        == 2  # its one patient refused (8667)
    )
    rows = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert sorted(r["path"] for r in rows) == ["$.ecog", "$.next_treatment"], rows
    assert {r["patient_id"] for r in rows} == {"P0017"}


def test_child_pugh_c_recorded_as_not_from_metastases_is_not_asked_why_the_liver_fails() -> None:
    """6139 (MINOR): Child-Pugh C with "from_metastases": false (alcohol-related cirrhosis)
    still asked to 'establish why the liver is failing (liver metastases ... or liver disease)'."""
    liver = {"name": "hepatic_impairment", "child_pugh": "C", "from_metastases": False}
    p = resistx.sequence(patient(comorbidities=[liver], metastatic_sites=["liver", "bone"]))
    [said] = [a.text for a in p.actions if a.code == "assess_severe_hepatic_impairment"]
    assert "establish why" not in said and "recorded as not from" in said, said
    assert "bilirubin" in said and "systemic therapy fits at all" in said
    unknown = {"name": "hepatic_impairment", "child_pugh": "C"}
    p = resistx.sequence(patient(comorbidities=[unknown], metastatic_sites=["liver"]))
    [said] = [a.text for a in p.actions if a.code == "assess_severe_hepatic_impairment"]
    assert "establish why the liver is failing" in said


def test_an_adverse_event_named_by_an_abbreviation_is_printed_as_the_review_prints_it() -> None:
    """6108, 6122 (MINOR): cautions printed 'ast increased 13.1%'; the review prints 'AST
    increased' (its list of EMERALD's adverse events). The term's data stays as stored."""
    liver = {"name": "hepatic_impairment", "child_pugh": "A"}
    p = resistx.sequence(patient(comorbidities=[liver], biomarkers=ESR1_MUTATED))
    said = [c for c in option(p, "elacestrant").cautions if c.term == "ast increased"]
    assert said and all("AST increased 13.1%" in c.text for c in said), said
    assert not any("ast increased" in c.text for o in p.options for c in o.cautions)


def test_the_concordance_plot_s_titles_fit_inside_the_figure() -> None:
    """6319 (MINOR): the right panel's title broke off at '(the 15 most frequent of 40; all in
    t...', past the figure's edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415

    from resistx.cohort._concordance import Summary  # noqa: PLC0415
    from resistx.cohort._plot import concordance  # noqa: PLC0415

    many = Counter({rule: 60 - rule for rule in range(100, 140)})
    figure = concordance(Summary(stated=400, by_rule=many))
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    edge = figure.bbox
    for axes in figure.axes:
        box = axes.title.get_window_extent(renderer)
        assert edge.x0 <= box.x0 and box.x1 <= edge.x1, (axes.get_title(), box, edge)


def test_an_exploratory_or_post_hoc_subgroup_gets_no_esmo_mcbs_grade() -> None:
    """6100 (MINOR): FAKTION's NGS subgroup, which the review calls 'an exploratory subgroup
    analysis', was graded ESMO-MCBS 3 in capivasertib's reasons and by `resistx trial`; the
    scale grades primary and prespecified analyses (EMERALD's post hoc subgroups likewise)."""
    from resistx.evidence import grade_trial  # noqa: PLC0415

    assert grade_trial("FAKTION", "pathway-altered-NGS").grade is None
    assert "exploratory" in grade_trial("FAKTION", "pathway-altered-NGS").reason
    assert grade_trial("FAKTION", "ITT").grade is not None  # the primary analysis still is
    emerald = resistx.evidence("2026.11").trial("EMERALD")
    assert grade_trial(emerald, "ESR1-mutated, prior CDK4/6i >=12 months").grade is None
    pik3ca = [result("ESR1", "not_detected"), result("PIK3CA", "mutated", variant="H1047R")]
    p = resistx.sequence(patient(biomarkers=pik3ca))
    said = [r.text for r in option(p, "capivasertib+fulvestrant").reasons if "FAKTION" in r.text]
    assert said and all("preliminary grade" not in t for t in said), said
    assert any("(exploratory)" in t and "no ESMO-MCBS grade" in t for t in said), said


def _cautions_of(p: resistx.Plan, regimen_id: str, code: str) -> list[str]:
    return [c.text for c in option(p, regimen_id).cautions if c.code == code]


def test_a_recorded_creatinine_clearance_is_read_in_the_renal_cautions() -> None:
    """6206 (MINOR): at a creatinine clearance of 25 mL/min, chemotherapy's caution said only
    that capecitabine's label 'contraindicates it in severe' renal impairment, and ribociclib's
    asked to 'check creatinine clearance first', though it was recorded."""
    severe = {"name": "renal_impairment", "creatinine_clearance": 25}
    p = resistx.sequence(patient(comorbidities=[severe]))
    [chemo] = _cautions_of(p, "chemotherapy", "renal_impairment_caution")
    assert "below 30 mL/min, as recorded here" in chemo and "another agent" in chemo, chemo
    [ribo] = _cautions_of(p, "ribociclib+fulvestrant", "renal_impairment_caution")
    assert "check creatinine clearance first" not in ribo and "as recorded here" in ribo, ribo
    moderate = {"name": "renal_impairment", "creatinine_clearance": 45}
    p = resistx.sequence(patient(comorbidities=[moderate]))
    [chemo] = _cautions_of(p, "chemotherapy", "renal_impairment_caution")
    assert "lowers its dose" in chemo and "as recorded here" in chemo, chemo
    [ribo] = _cautions_of(p, "ribociclib+fulvestrant", "renal_impairment_caution")
    assert "no lower dose" in ribo, ribo
    unknown = {"name": "renal_impairment"}
    p = resistx.sequence(patient(comorbidities=[unknown]))
    [ribo] = _cautions_of(p, "ribociclib+fulvestrant", "renal_impairment_caution")
    assert "check creatinine clearance first" in ribo


@pytest.mark.parametrize("version", [None, "2026.11"])
def test_a_completed_trial_s_comparator_is_marked_control(version: str | None) -> None:
    """6313 (MINOR): every arm of every completed trial had control False (SOLAR-1's placebo,
    EMERALD's standard of care), though evidence.md says a trial's comparator is marked: an arm
    the trial compares against (a hazard ratio's control, never its experimental arm) is."""
    eb = resistx.evidence(version)
    for t in eb.trials:
        against = {h.control for h in t.hazard_ratios} - {h.experimental for h in t.hazard_ratios}
        if t.hazard_ratios:
            assert {a.label for a in t.arms if a.control} == against & {a.label for a in t.arms}, (
                t.key
            )
    assert [a.control for a in eb.trial("SOLAR-1").arms if a.label == "placebo+fulvestrant"] == [
        True
    ]


def test_by_biomarker_finds_a_trial_whose_whole_population_the_gene_defines() -> None:
    """6314 (MINOR): by_biomarker('HER2') missed DESTINY-Breast04, the review's HER2-low phase
    III trial (its figures are of its whole population, so no population named HER2 held
    them); DESTINY-Breast06 in the pack was found."""
    assert "DESTINY-Breast04" in {t.key for t in resistx.evidence().by_biomarker("HER2")}
    pack = {t.key for t in resistx.evidence("2026.11").by_biomarker("HER2")}
    assert {"DESTINY-Breast04", "DESTINY-Breast06"} <= pack
    assert "EMERALD" not in {t.key for t in resistx.evidence().by_biomarker("HER2")}


def _toxicity_problem(event: str) -> str:
    stop = dict(PALBOCICLIB, stop_reason="toxicity", toxicity=event)
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(treatments=[stop]))
    [(_path, message)] = caught.value.problems
    return message


def test_a_toxicity_written_with_its_grade_says_where_the_grade_goes() -> None:
    """6219 (MINOR): 'pneumonitis grade 1' and 'diarrhoea grade 3' were refused with 'did you
    mean pneumonitis?', as if misspelt: the event is named alone, and a lung disease's grade
    goes on its comorbidity, where rules read it."""
    said = _toxicity_problem("pneumonitis grade 1")
    assert "name the event alone ('pneumonitis')" in said, said
    assert "interstitial_lung_disease" in said and "grade" in said
    said = _toxicity_problem("diarrhoea grade 3")
    assert "name the event alone ('diarrhea')" in said, said


def test_a_misspelt_toxicity_or_comorbidity_is_given_the_name_it_likely_meant() -> None:
    """6219 (MINOR): 'hand foot syndrom' and the comorbidity 'pnuemonitis' drew no suggestion;
    'diabetis' was answered as a statement ('is recorded as ...'), not a correction."""
    assert "did you mean hand foot syndrome" in _toxicity_problem("hand foot syndrom")
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(comorbidities=["pnuemonitis"]))
    assert "did you mean interstitial_lung_disease" in caught.value.problems[0][1]
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(comorbidities=["diabetis"]))
    said = caught.value.problems[0][1]
    assert "is recorded as" not in said and said.startswith("'diabetis': record it as"), said


def test_the_neuropathy_caution_offers_no_capecitabine_beside_a_dpd_deficiency() -> None:
    """6231 (MINOR): beside DPD deficiency, chemotherapy's neuropathy caution recommended
    capecitabine as not neurotoxic while its DPD caution said capecitabine is contraindicated."""
    both = [{"name": "neuropathy", "grade": 2}, "dpd_deficiency"]
    p = resistx.sequence(patient(comorbidities=both))
    [said] = _cautions_of(p, "chemotherapy", "neuropathy_caution")
    assert "held back by the DPD deficiency" in said and "capecitabine and the" not in said, said
    p = resistx.sequence(patient(comorbidities=[{"name": "neuropathy", "grade": 2}]))
    [said] = _cautions_of(p, "chemotherapy", "neuropathy_caution")
    assert "capecitabine and the anthracyclines are not" in said


# -- interop (cases 6500 onwards: a clinical informatics review of EHR exports) ----------------


def _bundle() -> dict[str, Any]:
    from tests.test_board_fixes_5650 import _esr1_bundle  # noqa: PLC0415

    return _esr1_bundle()


def test_a_medication_contained_in_its_statement_is_read() -> None:
    """6515 (MAJOR): palbociclib as a contained Medication ('medicationReference': '#m1') was
    never resolved: the course was dropped with a false reason, and a CDK4/6 inhibitor came
    first for a patient who had progressed on one."""
    data = _bundle()
    order = data["entry"][9]["resource"]
    order["contained"] = [
        {"resourceType": "Medication", "id": "m1", "code": order.pop("medicationCodeableConcept")}
    ]
    order["medicationReference"] = {"reference": "#m1"}
    conversion = from_fhir(data)
    assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]


def test_an_unreadable_contained_medication_is_refused_at_its_reference() -> None:
    """6501: the refusal named medicationCodeableConcept for a medicationReference."""
    data = _bundle()
    order = data["entry"][9]["resource"]
    del order["medicationCodeableConcept"]
    order["medicationReference"] = {"reference": "#gone"}
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert any(p.endswith("medicationReference") for p, _m in caught.value.problems), (
        caught.value.problems
    )


@pytest.mark.parametrize("intent", ["plan", "proposal", "option"])
def test_a_medication_request_only_planned_is_no_course(intent: str) -> None:
    """6503 (MAJOR): a fulvestrant request of intent 'plan' (or proposal, option) was read as an
    ongoing course, and the patient planned as progressing on fulvestrant."""
    data = _bundle()
    planned = json.loads(json.dumps(data["entry"][10]))
    planned["resource"].update(id="fulv-plan", intent=intent, status="active")
    planned["resource"]["medicationCodeableConcept"] = {"text": "fulvestrant 500 mg"}
    data["entry"].append(planned)
    conversion = from_fhir(data)
    assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]
    assert any(f"intent {intent}" in e.text for e in conversion.unmapped), conversion.report()


def test_an_ecog_dated_by_its_period_or_issue_is_weighed_by_that_date() -> None:
    """6508 (MAJOR): an ECOG 3 dated by effectivePeriod (or 'issued' only) was read as older
    than an ECOG 0 of 2024, and the plan put ribociclib + fulvestrant first."""
    for dated in ({"effectivePeriod": {"start": "2026-04-20", "end": "2026-04-20"}},
                  {"issued": "2026-04-20T10:00:00Z"}):  # fmt: skip
        data = _bundle()
        ecog = data["entry"][5]["resource"]
        ecog["effectiveDateTime"] = "2024-06-01"
        later = json.loads(json.dumps(ecog))
        del later["effectiveDateTime"]
        later.update(id="ecog-02", valueInteger=3, **dated)
        data["entry"].append({"resource": later})
        assert from_fhir(data).profile.ecog == 3, dated


def test_an_undated_ecog_beside_a_dated_one_of_another_score_is_refused() -> None:
    """6527: an undated ECOG 3 lost to a dated ECOG 0, and the report said it came before."""
    data = _bundle()
    undated = json.loads(json.dumps(data["entry"][5]["resource"]))
    del undated["effectiveDateTime"]
    undated.update(id="ecog-02", valueInteger=3)
    data["entry"].append({"resource": undated})
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert any("no date" in m for _p, m in caught.value.problems), caught.value.problems


def test_a_metastasis_onset_by_period_is_read_and_one_by_text_or_age_is_said() -> None:
    """6519, 6531 (MAJOR): a metastasis's onsetPeriod, onsetString or onsetAge was ignored with
    no report line; the relapse date came from another site or was left empty."""
    liver = {
        "resourceType": "Condition",
        "id": "liver-met",
        "meta": {
            "profile": [
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition"
            ]
        },
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94381002"}]},
        "subject": {"reference": "Patient/patient-01"},
    }
    data = _bundle()
    data["entry"].append({"resource": {**liver, "onsetPeriod": {"start": "2020-06-01"}}})
    conversion = from_fhir(data)
    assert "liver" in [s.value for s in conversion.profile.metastatic_sites]
    assert any("onsetPeriod" in e.path for e in conversion.used), conversion.report()
    data = _bundle()
    data["entry"].append({"resource": {**liver, "onsetString": "January 2023"}})
    conversion = from_fhir(data)
    assert any("onsetString" in e.path for e in conversion.unmapped), conversion.report()


def _phenopacket() -> dict[str, Any]:
    path = (
        Path(__file__).parent.parent / "examples" / "interop" / "01-esr1-mutated.phenopacket.json"
    )
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def test_a_phenopacket_therapeutic_regimen_is_refused_not_dropped() -> None:
    """6509 (MAJOR): a therapeuticRegimen 'Palbociclib/Letrozole Regimen' that ended in
    progression was skipped ('only drug treatments are part of a resistx profile'), and
    palbociclib + letrozole came first again."""
    data = _phenopacket()
    data["medicalActions"] = [{
        "therapeuticRegimen": {
            "ontologyClass": {"id": "NCIT:C0000", "label": "Palbociclib/Letrozole Regimen"},
            "startTime": {"timestamp": "2024-01-10T00:00:00Z"},
            "endTime": {"timestamp": "2026-03-20T00:00:00Z"},
            "regimenStatus": "DISCONTINUED",
        },
        "treatmentTerminationReason": {"id": "NCIT:C35571", "label": "Progressive Disease"},
    }]  # fmt: skip
    with pytest.raises(resistx.ProfileError) as caught:
        from_phenopacket(data)
    [(path, message)] = [p for p in caught.value.problems if "therapeuticRegimen" in p[0]]
    assert path == "$.medicalActions[0].therapeuticRegimen"
    assert "Palbociclib/Letrozole Regimen" in message and "treatment" in message


def test_a_biosample_diagnostic_marker_of_her2_positive_stops_the_conversion() -> None:
    """6520, 6510 (MAJOR): a biosample's diagnosticMarkers 'HER2/Neu Positive' (NCIT:C68748,
    the GA4GH example) was 'biosample detail not held', and the patient planned as HER2-low."""
    data = _phenopacket()
    data["biosamples"][0]["diagnosticMarkers"] = [
        {"id": "NCIT:C68748", "label": "HER2/Neu Positive"}
    ]
    with pytest.raises((resistx.ProfileError, resistx.OutOfScopeError)) as caught:
        from_phenopacket(data)
    assert "HER2" in str(caught.value) and "diagnosticMarkers" in str(caught.value)


# -- the recheck of 6100-6321 (cases 6400 onwards) ---------------------------------------------


@pytest.mark.parametrize("text", ["on trastuzumab maintenance q3w", "Herceptin SC every 3 weeks"])
def test_a_her2_directed_drug_taken_now_in_other_conditions_is_refused(text: str) -> None:
    """6431, 6432 (MAJOR): 'on trastuzumab maintenance q3w' in other_conditions passed, and
    trastuzumab deruxtecan came first for a patient on HER2-directed therapy."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(other_conditions=[text]))
    assert "HER2-positive disease, outside the review" in str(caught.value)


@pytest.mark.parametrize("entry", ["trastuzamab 600 mg SC", "tucatanib 300 mg bd", "Hercepton"])
def test_a_misspelt_her2_directed_drug_among_the_medications_is_refused(entry: str) -> None:
    """6405, 6407: 'trastuzamab', 'tucatanib', 'Hercepton' passed as not read."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(medications=[entry]))
    assert "did you mean" in str(caught.value)


@pytest.mark.parametrize(
    ("entry", "drug"),
    [("Phenobarb 30 mg nocte", "phenobarbital"), ("fenobarbital", "phenobarbital"),
     ("Primidon 250 mg", "primidone")],
)  # fmt: skip
def test_the_antiepileptic_inducers_are_read_by_their_chart_and_european_names(
    entry: str, drug: str
) -> None:
    """6408 (MAJOR): 'Phenobarb' was not read, and elacestrant came first with no caution;
    'fenobarbital' and the German 'primidon' were refused as misspellings."""
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    assert read_as(entry) == (f"{drug} as a strong CYP3A inducer",)


def test_a_lung_fibrosis_misspelt_in_free_text_is_refused() -> None:
    """6409 (MAJOR, borderline): 'pulmonary fibosis (on home oxygen)' passed, and trastuzumab
    deruxtecan came first."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(other_conditions=["pulmonary fibosis (on home oxygen)"]))
    assert "'fibosis' is one letter from 'fibrosis'" in str(caught.value)


def test_child_pugh_c_from_the_metastases_is_not_asked_its_cause() -> None:
    """6139's variant: with "from_metastases": true the plan still asked why the liver fails."""
    liver = {"name": "hepatic_impairment", "child_pugh": "C", "from_metastases": True}
    p = resistx.sequence(patient(comorbidities=[liver], metastatic_sites=["liver"]))
    [said] = [a.text for a in p.actions if a.code == "assess_severe_hepatic_impairment"]
    assert "establish why" not in said and "from the liver metastases" in said, said
    assert "visceral crisis" in said


def test_a_lung_disease_of_grade_1_or_2_after_palbociclib_is_not_asked_how_severe() -> None:
    """6230's variant: with the lung disease that stopped palbociclib recorded as grade 2, the
    caution still asked how severe it was."""
    p = resistx.sequence(_ild_on_palbociclib(2))
    abema = option(p, "abemaciclib+fulvestrant")
    assert not any("ask how severe" in c.text for c in abema.cautions), abema.cautions
    assert any("grade 2 on record" in c.text for c in abema.cautions)


def test_a_plan_read_back_needs_its_regimens_fields_too() -> None:
    """6315's variant: a plan whose option's regimen had lost its kind loaded with None."""
    data = json.loads(resistx.to_json(resistx.sequence(patient())))
    del data["options"][0]["regimen"]["kind"]
    with pytest.raises(resistx.ConversionError) as caught:
        resistx.from_json(resistx.Plan, json.dumps(data))
    assert caught.value.problems == (("$.options[0].regimen.kind", "required field missing"),)


def test_comorbidity_names_in_cautions_keep_their_capitals() -> None:
    """6108's variant: 'qtc prolonged:', 'dpd deficiency:' began cautions in lower case."""
    p = resistx.sequence(patient(comorbidities=["dpd_deficiency"]))
    said = [c.text for c in option(p, "chemotherapy").cautions]
    assert any(t.startswith("DPD deficiency:") for t in said), said


def _after_the_inavo120_triplet() -> dict[str, Any]:
    """6658: relapse on adjuvant anastrozole, then inavolisib + palbociclib + fulvestrant for
    14 months to progression; PIK3CA H1047R, ESR1 wild-type on tissue after it; HER2 0."""
    tissue = {"sample": "tissue", "tested_on": "2026-02-10"}
    return patient(
        schema_version=2,
        as_of="2026-03-01",
        her2_tests=[{"score": "0", "sample": "tissue", "tested_on": "2026-02-10"}],
        biomarkers=[
            result("PIK3CA", "mutated", variant="H1047R", **tissue),
            result("ESR1", "not_detected", **tissue),
            *(result(g, "not_detected", **tissue) for g in ("AKT1", "PTEN")),
        ],
        treatments=[
            {"drugs": ["anastrozole"], "setting": "adjuvant", "started_on": "2021-06-01",
             "ended_on": "2024-11-01", "stop_reason": "progression"},
            {"drugs": ["inavolisib", "palbociclib", "fulvestrant"], "line": 1,
             "started_on": "2024-11-20", "ended_on": "2026-02-01", "stop_reason": "progression"},
        ],
    )  # fmt: skip


def test_chemotherapy_does_not_step_back_behind_a_target_whose_drugs_have_failed() -> None:
    """6644, 6658 (MAJOR): after the INAVO120 triplet, practice-2026 put chemotherapy behind
    'the drugs for' the PI3K-pathway target (postMONARCH's population), though the patient had
    progressed on a PI3K inhibitor and those drugs ranked below it: nothing was preferred."""
    p = resistx.sequence(_after_the_inavo120_triplet(), policy="practice-2026")
    chemo = option(p, "chemotherapy")
    assert "endocrine_sensitive_chemotherapy_later" not in {r.code for r in chemo.reasons}
    assert not any("postMONARCH" in r.text for r in chemo.reasons)
    # nothing is preferred yet under practice-2026 after a first-line targeted regimen: rule
    # 6 and rule 32 are both silent there (limitations.md, cases 1317 and 6658)


def test_a_her2_ihc_whose_value_is_no_score_is_refused() -> None:
    """6525 (MINOR): an IHC (85319-2) valued only by the text 'Score 3+ (positive)' was
    reported as 'no HER2 result: HER2 is unknown' and the plan went on: it may be the result
    that makes the disease HER2-positive, as an unreadable ISH is refused."""
    data = _bundle()
    ihc = data["entry"][4]["resource"]
    for key in [k for k in ihc if k.startswith("value")]:
        del ihc[key]
    ihc["valueString"] = "Score 3+ (positive)"
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert any("may be the result that makes the disease HER2-positive" in m
               for _p, m in caught.value.problems), caught.value.problems  # fmt: skip


def test_the_plan_frame_says_what_an_option_waits_on() -> None:
    """6318 (MINOR): plan.to_frame() had no column for an option's waits_on: options waiting on
    a tissue test looked like any other."""
    p = resistx.sequence(patient(biomarkers=[result("PIK3CA", "not_detected")]))
    frame = p.to_frame()
    waiting = {o.regimen.id: ", ".join(o.waits_on) for o in p.options}
    assert any(waiting.values()), waiting
    options = frame[~frame["excluded"]]
    assert dict(zip(options["regimen"], options["waits_on"], strict=True)) == waiting


# -- the second recheck (cases 6700 onwards) ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["trastuzumab deruxtecan 2024, progressed", "Enhertu", "on Kadcyla"]
)
def test_a_cancer_treatment_in_other_conditions_is_refused_pointing_to_treatments(
    text: str,
) -> None:
    """6740-6742 (MAJOR): 'trastuzumab deruxtecan 2024, progressed' or 'Enhertu' in
    other_conditions passed, and trastuzumab deruxtecan was preferred again."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(her2="low", other_conditions=[text]))
    assert "record the course under treatments" in str(caught.value), caught.value


def test_t_dm1_is_not_read_as_type_1_diabetes() -> None:
    """6743: 'T-DM1 2019' in other_conditions was refused as insulin-treated diabetes."""
    p = resistx.load_profile(patient(other_conditions=["T-DM1 2019 (HER2-positive primary)"]))
    assert p.other_conditions == ("T-DM1 2019 (HER2-positive primary)",)


@pytest.mark.parametrize(
    "text", ["pulmonry fibrosis", "fibrosis of the lungs", "CPOD, on home oxygen"]
)
def test_lung_disease_written_otherwise_is_refused_pointing_to_comorbidities(text: str) -> None:
    """6744-6746 (MAJOR): these passed, and trastuzumab deruxtecan was preferred."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(patient(other_conditions=[text]))
    assert "comorbidities" in str(caught.value), caught.value


@pytest.mark.parametrize("intent", ["Plan", "planned"])
def test_a_medication_request_intent_outside_fhir_s_codes_is_read_with_care(intent: str) -> None:
    """6705-6709: 'Plan' and 'planned' were read as orders: a code in another case is read as
    FHIR's, one FHIR does not have is refused."""
    data = _bundle()
    planned = json.loads(json.dumps(data["entry"][10]))
    planned["resource"].update(id="fulv-plan", intent=intent, status="active")
    planned["resource"]["medicationCodeableConcept"] = {"text": "fulvestrant 500 mg"}
    data["entry"].append(planned)
    if intent == "Plan":
        courses = [t.drugs for t in from_fhir(data).profile.treatments]
        assert courses == [("palbociclib", "letrozole")]
    else:
        with pytest.raises(resistx.ProfileError) as caught:
            from_fhir(data)
        assert any(p.endswith(".intent") for p, _m in caught.value.problems), caught.value


def test_a_metastasis_onset_period_with_only_its_end_is_reported() -> None:
    """6725: an onsetPeriod with only an end was dropped silently."""
    data = _bundle()
    data["entry"].append({"resource": {
        "resourceType": "Condition", "id": "liver-met",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94381002"}]},
        "subject": {"reference": "Patient/patient-01"},
        "onsetPeriod": {"end": "2020-06-01"},
    }})  # fmt: skip
    conversion = from_fhir(data)
    assert any("onsetPeriod" in e.path for e in conversion.unmapped), conversion.report()


def test_child_pugh_b_from_the_metastases_is_not_asked_its_cause() -> None:
    """6422: Child-Pugh B with "from_metastases": true was asked to establish its cause."""
    liver = {"name": "hepatic_impairment", "child_pugh": "B", "from_metastases": True}
    p = resistx.sequence(patient(comorbidities=[liver], metastatic_sites=["liver"]))
    said = [a.text for a in p.actions if a.code == "assess_moderate_hepatic_impairment"]
    assert said and "establish its cause" not in said[0], said
    assert "from the liver metastases" in said[0]


def test_the_dpd_neuropathy_caution_does_not_send_an_iv_refuser_to_an_anthracycline() -> None:
    """6231's recheck: beside DPD deficiency and a neuropathy the caution suggested an
    anthracycline to a patient who declines intravenous treatment."""
    both = [{"name": "neuropathy", "grade": 2}, "dpd_deficiency"]
    p = resistx.sequence(patient(comorbidities=both))
    [said] = _cautions_of(p, "chemotherapy", "neuropathy_caution")
    assert "given intravenously" in said, said


def test_a_biosample_marker_of_her2_negative_is_reported_not_refused_as_positive() -> None:
    """6720 (MINOR): 'HER2/Neu Negative' was refused as a marker that may make the disease
    HER2-positive: it says negative; without a score, low or 0 cannot be told, and the report
    says so."""
    data = _phenopacket()
    marker = {"id": "NCIT:C68749", "label": "HER2/Neu Negative"}
    data["biosamples"][0]["diagnosticMarkers"] = [marker]
    conversion = from_phenopacket(data)
    assert any("diagnosticMarkers" in e.path and "negative" in e.text for e in conversion.unmapped)
