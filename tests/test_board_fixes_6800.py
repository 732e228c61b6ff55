"""Session 63: the reviews of cases 6800 onwards (a tumour board, the 2024-2026 evidence, an
oncology pharmacist, a real-world-evidence data scientist)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import resistx
from tests.helpers import PALBOCICLIB, option, patient, plan, rank, refusal, result, unread

ESR1_PIK3CA = [
    result("ESR1", "mutated", variant="D538G"),
    result("PIK3CA", "mutated", variant="H1047R", sample="tissue"),
    *(result(g, "not_detected", sample="tissue") for g in ("AKT1", "PTEN")),
]
TISSUE_NEGATIVE = [
    result("ESR1", "not_detected"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]
ESR1_ONLY = [
    result("ESR1", "mutated", variant="D538G"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]


def _said(o: resistx.Option) -> str:
    return " ".join([r.text for r in o.reasons] + [c.text for c in o.cautions])


@pytest.mark.parametrize("entry", ["diltiazem 120 mg", "Diflucan 200 mg daily", "verapamil"])
def test_a_moderate_cyp3a_inhibitor_puts_elacestrant_after_the_options_without_it(
    entry: str,
) -> None:
    """6933 (MAJOR): on fluconazole, diltiazem and verapamil elacestrant came first, preferred,
    with no caution; its US label advises against a moderate CYP3A4 inhibitor as against a
    strong one (which puts it later, rule 115)."""
    alone = plan(biomarkers=ESR1_ONLY)
    here = plan(biomarkers=ESR1_ONLY, medications=[entry])
    assert alone.options[0].regimen.id == "elacestrant"
    elacestrant = option(here, "elacestrant")
    assert elacestrant.rank > 1 and elacestrant.tier.value == "later"
    said = _said(elacestrant)
    assert "a moderate CYP3A inhibitor" in said and "advises against" in said
    assert any(r.rule == 153 for r in elacestrant.reasons)
    # and the plan asks whether it can be changed, before choosing
    change = [a for a in here.actions if a.rule == 154]
    assert change and change[0].before_choosing, here.actions


def test_a_moderate_inhibitor_lowers_capivasertib_s_dose_and_keeps_its_place() -> None:
    """6933: capivasertib's label lowers its dose beside a moderate CYP3A inhibitor (it does not
    advise against the pair): a caution, the option where it was."""
    alone = plan(biomarkers=ESR1_PIK3CA)
    here = plan(biomarkers=ESR1_PIK3CA, medications=["diltiazem 120 mg"])
    capi = option(here, "capivasertib+fulvestrant")
    assert capi.tier == option(alone, "capivasertib+fulvestrant").tier
    assert "capivasertib's US label lowers its dose" in _said(capi)
    assert not any(r.rule == 153 for r in capi.reasons)


def test_a_moderate_inducer_puts_elacestrant_later_and_its_effect_takes_weeks_to_wear_off() -> None:
    """The moderate inducers (modafinil, efavirenz, bosentan...): elacestrant's, olaparib's and
    abemaciclib's labels advise against them."""
    here = plan(biomarkers=ESR1_ONLY, medications=["Provigil 200 mg mane"])
    elacestrant = option(here, "elacestrant")
    assert elacestrant.tier.value == "later"
    assert "a moderate CYP3A inducer" in _said(elacestrant)
    change = next(a for a in here.actions if a.rule == 154)
    assert "weeks" in change.text


def test_a_newer_oral_serd_goes_no_higher_than_elacestrant_beside_a_moderate_inhibitor() -> None:
    """As beside a strong one (5439): missing label data is not rewarded."""
    here = resistx.sequence(
        patient(biomarkers=ESR1_ONLY, medications=["diltiazem"]), policy="practice-2026"
    )
    checked = 0
    for rid in ("vepdegestrant", "imlunestrant"):
        found = here.option(rid)
        assert found is not None, rid
        if found.tier.value != "trial":
            assert found.tier.value == "later", (rid, found.tier)
            assert any(r.code == "moderate_cyp3a_unknown_later" for r in found.reasons)
            checked += 1
    assert checked, "no newer oral SERD was approved at the plan's date: the test reads nothing"


@pytest.mark.parametrize(
    ("entry", "read"),
    [
        ("diltiazem 120 mg", "diltiazem as a moderate CYP3A inhibitor"),
        ("Cardizem CD 180 mg", "diltiazem as a moderate CYP3A inhibitor"),
        ("ciclosporin 100 mg bd", "cyclosporine as a moderate CYP3A inhibitor"),
        ("Sustiva 600 mg", "efavirenz as a moderate CYP3A inducer"),
        ("bosentan 62.5 mg", "bosentan as a moderate CYP3A inducer"),
        (
            "fluconazole 200 mg",
            "fluconazole as a moderate CYP3A inhibitor and a drug known to prolong the QT interval",
        ),
    ],
)
def test_the_moderate_cyp3a_drugs_are_read_by_their_names_and_brands(entry: str, read: str) -> None:
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    assert read_as(entry) == (read,)


def test_a_stopped_moderate_inhibitor_is_not_read() -> None:
    here = plan(biomarkers=ESR1_ONLY, medications=["diltiazem stopped 2025"])
    assert here.options[0].regimen.id == "elacestrant"
    assert not [a for a in here.actions if a.rule == 154]


def test_a_moderate_inhibitor_is_no_longer_said_to_be_unread() -> None:
    here = plan(biomarkers=ESR1_ONLY, medications=["verapamil 80 mg"])
    assert unread(here) == ()


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("ESR1", "ESR1-DAB2 fusion (exons 1-6)"),
        ("ESR1", "ESR1::CCDC170"),
        ("ESR1", "rearrangement"),
        ("ESR1", "exon 6 duplication"),
        ("AKT1", "AKT1 fusion"),
        ("PIK3CA", "PIK3CA-X translocation"),
    ],
)
def test_an_esr1_fusion_recorded_as_mutated_is_refused_not_read_as_an_esr1_mutation(
    gene: str, variant: str
) -> None:
    """6834 (MAJOR): an ESR1 fusion keyed as 'mutated' put elacestrant first as for an ESR1
    mutation; the oral SERDs' evidence (EMERALD, EMBER-3, VERITAC-2) is for ESR1 mutations of
    the ligand-binding domain, which a fusion that loses it is not. Likewise a PIK3CA or AKT1
    fusion read as CAPItello-291's alteration."""
    bad = patient(biomarkers=[result(gene, "mutated", variant=variant)])
    said = refusal(bad)
    assert "$.biomarkers[0].variant" in said and "fusion" in said


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("ESR1", "c.1610_1611dupAT"),
        ("ESR1", "D538G"),
        ("PIK3CA", "E545K"),
        ("BRCA2", "exon 3 duplication"),
        ("PTEN", "exon 5 deletion"),
    ],
)
def test_a_small_duplication_or_a_brca_rearrangement_still_reads(gene: str, variant: str) -> None:
    kw = {"origin": "germline"} if gene == "BRCA2" else {}
    resistx.load_profile(patient(biomarkers=[result(gene, "mutated", variant=variant, **kw)]))


def test_emerald_s_whole_population_duration_subgroup_is_not_graded() -> None:
    """Reviewer b (MINOR): the all-patients >=12-month subgroup (HR 0.61, Menarini's SABCS 2022
    release) got grade 3 while the pack's own note says every duration subgroup is post hoc, and
    the ESR1-mutated one of the same analysis was not graded."""
    from resistx.evidence.mcbs import grade_trial  # noqa: PLC0415

    emerald = resistx.evidence("2026.11").trial("EMERALD")
    for population in (
        "all patients, prior CDK4/6i >=12 months",
        "ESR1-mutated, prior CDK4/6i >=12 months",
    ):
        found = grade_trial(emerald, population)
        assert found.grade is None and "post hoc" in found.reason, found


def test_a_trial_of_a_pack_asked_of_the_review_points_to_its_pack(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Reviewer b (MINOR): 'resistx trial postMONARCH' suggested MONARCH-3, MONARCH-2 and
    MONARCH-1, not the pack that holds it."""
    from resistx.cli import main  # noqa: PLC0415

    assert main(["trial", "postMONARCH"]) != 0
    said = capsys.readouterr().err
    assert "--pack 2026.11" in said and "postMONARCH" in said


def test_gedatolisib_s_doublet_figure_says_it_was_outside_the_hierarchical_testing() -> None:
    """6850, 6862 (MINOR): the doublet's 11.3 vs 5.6 months was quoted with no word that
    VIKTORIA-1 did not test it in its hierarchy (update-2026.md section 9)."""
    from resistx.model.enums import Verification  # noqa: PLC0415
    from resistx.sequencing.rules.figures import provenance  # noqa: PLC0415

    doublet = next(
        e
        for e in resistx.evidence("2026.11").trial("VIKTORIA-1").endpoints
        if e.arm == "gedatolisib+fulvestrant" and e.population == "PIK3CA-mutated"
    )
    assert doublet.verification is Verification.SECONDARY
    assert provenance(doublet) == " (outside the hierarchical testing; secondary source)"


def test_capivasertib_left_out_without_an_alteration_cites_capitello_291_beside_faktion() -> None:
    """Reviewer b (MINOR, 15 of 25 cases): the since-review entry said 'rule 38; FAKTION', a
    2020 phase II trial, for a change that rests on CAPItello-291 and ASCO's guideline."""
    tissue_negative = [
        result("ESR1", "not_detected"),
        *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
    ]
    default = plan(biomarkers=tissue_negative)
    entry = next(e for e in default.since_review if e.regimen == "capivasertib+fulvestrant")
    assert entry.trials[:2] == ("CAPItello-291", "FAKTION"), entry


@pytest.mark.parametrize("case", ["6866", "6868"])
def test_a_since_review_entry_says_when_the_newer_plan_holds_the_option_within_a_trial_only(
    case: str,
) -> None:
    """6866, 6868 (MINOR): at a decision date before an approval the since-review section called
    trastuzumab deruxtecan 'an option (rank 8)', and said of vepdegestrant that an ESR1 result
    'would place it', while the newer plan held both within a trial only."""
    from pathlib import Path  # noqa: PLC0415

    here = resistx.sequence(Path(__file__).parent / "data" / "session63" / f"{case}.json")
    newer = resistx.sequence(
        Path(__file__).parent / "data" / "session63" / f"{case}.json", policy="practice-2026"
    )
    trial_only = {o.regimen.id for o in newer.options if o.tier.value == "trial"}
    named = [e for e in here.since_review if e.regimen in trial_only]
    assert named
    for e in named:
        assert "within a trial only" in e.text, e.text


_AFTER_CAPECITABINE = [
    PALBOCICLIB,
    {
        "drugs": ["capecitabine"],
        "setting": "metastatic",
        "line": 2,
        "started_on": "2025-04-01",
        "ended_on": "2026-03-20",
        "stop_reason": "progression",
    },
]


@pytest.mark.parametrize(
    "condition",
    [
        {"name": "chronic_lung_disease", "grade": 3},
        {"name": "renal_impairment", "creatinine_clearance": 22},
    ],
)
def test_chemotherapy_is_not_held_behind_trastuzumab_deruxtecan_that_a_rule_holds_back(
    condition: dict[str, object],
) -> None:
    """6910, 6949 (MINOR): with severe chronic lung disease (a relative contraindication to
    trastuzumab deruxtecan) or a creatinine clearance below its labelled doses ('a drug with a
    labelled dose first'), chemotherapy stayed 'at best an alternative' to it (rule 65), and
    below 30 mL/min trastuzumab deruxtecan even came first."""
    p = plan(
        her2="low",
        comorbidities=[condition],
        treatments=_AFTER_CAPECITABINE,
        biomarkers=TISSUE_NEGATIVE,
    )
    assert p.options[0].regimen.id == "chemotherapy", [o.regimen.id for o in p.options]
    assert p.options[0].tier.value == "preferred"
    assert rank(p, "trastuzumab-deruxtecan") > 1


@pytest.mark.parametrize(
    ("entry", "drug"),
    [
        ("clarithromycin stopped 2025", "clarithromycin"),
        ("no longer on citalopram", "citalopram"),
        ("Sporanox 200 mg stopped 2024", "itraconazole"),
    ],
)
def test_a_read_drug_not_taken_now_is_listed_as_such_not_as_a_drug_resistx_does_not_read(
    entry: str, drug: str
) -> None:
    """6944 (MINOR): 'clarithromycin stopped 2025' was listed as 'not read by resistx, which
    reads only the strong CYP3A inhibitors ... it lists', as if clarithromycin were not one."""
    p = plan(biomarkers=ESR1_ONLY, medications=[entry])
    (listed,) = p.not_assessed
    assert unread(p) == ()
    assert listed.startswith(f"{entry} (read as not taken now: {drug}")


def test_st_john_s_wort_and_a_qt_risk_are_written_as_a_clinician_writes_them() -> None:
    """6931, 6915 (MINOR): 'St john's wort on record', 'a relative contraindication to
    ribociclib (qt prolongation)'."""
    p = plan(biomarkers=ESR1_ONLY, medications=["St John's wort"])
    said = " ".join([c.text for o in p.options for c in o.cautions] + [a.text for a in p.actions])
    assert "St John's wort on record" in said and "St john's" not in said
    q = plan(biomarkers=ESR1_ONLY, comorbidities=[{"name": "bradycardia"}], treatments=[])
    texts = " ".join(r.text for o in q.options for r in o.reasons)
    assert "(QT prolongation)" in texts and "qt prolongation" not in texts


def test_a_misspelt_comorbidity_with_its_value_gets_one_message_not_a_second_about_the_value() -> (
    None
):
    """6904b (MINOR): {"name": "diabetis", "hba1c": 7} got the name's message and a spurious
    'hba1c is read for diabetes only'."""
    bad = patient(comorbidities=[{"name": "diabetis", "hba1c": 7}])
    said = refusal(bad)
    assert "diabetes" in said and "hba1c is read for" not in said, said


@pytest.mark.parametrize(
    ("said", "meant"), [("IV", "intravenous"), ("PO", "oral"), ("IM", "intramuscular")]
)
def test_a_declined_route_written_as_its_abbreviation_is_refused_with_the_route_it_means(
    said: str, meant: str
) -> None:
    """6938 (MINOR): 'IV' listed the allowed routes with no 'did you mean intravenous?'."""
    with pytest.raises(resistx.PreferencesError) as caught:
        resistx.sequence(patient(), {"declines": [said]})
    assert f"did you mean {meant}?" in str(caught.value)


def test_ribociclib_left_out_for_a_prolonged_qtc_says_what_its_label_says() -> None:
    """6911 (MINOR): 'QTc prolonged: QT prolongation (ribociclib; no figure for it ...)' gave
    no label basis, beside the full wording of trastuzumab deruxtecan's exclusion."""
    p = plan(biomarkers=ESR1_ONLY, comorbidities=[{"name": "qtc_prolonged"}], treatments=[])
    left = [e for e in p.excluded if "ribociclib" in e.regimen.id]
    assert left
    for e in left:
        assert any("US label advises against ribociclib" in r.text for r in e.reasons), e


def test_bevacizumab_beside_paclitaxel_given_next_is_the_chemotherapy_option() -> None:
    """Reviewer d (QUESTION, 40 of 957 patients 'not in plan'): a history reads bevacizumab
    beside paclitaxel as a chemotherapy line; a next treatment of the same drugs was
    'bevacizumab+paclitaxel', not in the plan."""
    from resistx.cohort import regimen_for  # noqa: PLC0415

    assert regimen_for(["bevacizumab", "paclitaxel"]) == "chemotherapy"
    assert regimen_for(["Avastin", "Taxol"]) == "chemotherapy"
    assert regimen_for(["bevacizumab"]) == "bevacizumab"


def test_rows_for_reads_a_first_line_past_its_byte_order_mark() -> None:
    """6970 (MINOR): the CLI planned a JSON Lines file beginning with a byte-order mark, while
    ``rows_for`` (the function a Dask task runs) said its first line was no JSON object."""
    import json  # noqa: PLC0415

    from resistx.cohort import rows_for  # noqa: PLC0415

    line = json.dumps(patient(biomarkers=ESR1_ONLY))
    (entry,) = rows_for(["\ufeff" + line])
    assert entry["planned"] and not entry["errors"], entry


def test_a_pandas_index_column_is_refused_with_how_to_write_the_file_without_it(
    tmp_path: Path,
) -> None:
    """6981 (MINOR): a filtered frame written with ``to_parquet`` keeps '__index_level_0__',
    refused as 'no field of a profile' with no word of ``index=False``."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"schema_version": [1], "her2": ["0"], "__index_level_0__": [7]})
    path = tmp_path / "cohort.parquet"
    pq.write_table(table, path)
    from resistx.cohort._readers import check_parquet  # noqa: PLC0415

    with pytest.raises(resistx.ResistxError) as caught:
        check_parquet(path)
    assert "index=False" in str(caught.value)


def test_a_profile_column_stored_as_binary_utf8_is_read(tmp_path: Path) -> None:
    """6993b (MINOR): a 'profile' column stored as Parquet binary (Hive, Impala) failed every
    row with 'not JSON text'."""
    import json  # noqa: PLC0415

    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    text = json.dumps(patient(biomarkers=ESR1_ONLY)).encode()
    path = tmp_path / "cohort.parquet"
    pq.write_table(pa.table({"profile": pa.array([text, b"\xff"], pa.binary())}), path)
    from resistx.cohort._readers import read_parquet  # noqa: PLC0415

    first, second = read_parquet(path)
    assert not first.problems and first.source is not None
    assert second.problems and "UTF-8" in second.problems[0][1]


def test_the_report_s_summary_says_the_preferred_option_is_for_the_current_line_s_progression() -> (
    None
):
    """6826 (MINOR): first-line palbociclib + letrozole going on, stable, an ESR1 mutation new
    in ctDNA: the report's summary read 'Preferred: Elacestrant', which a board could take for a
    switch now that no source supports."""
    from resistx.display.report_patient import _plan_facts  # noqa: PLC0415

    ongoing = dict(PALBOCICLIB, stop_reason="ongoing")
    del ongoing["ended_on"]
    p = plan(biomarkers=ESR1_ONLY, treatments=[ongoing])
    assert any(a.code == "ongoing_course" for a in p.actions)
    said = dict(_plan_facts(p))["Preferred"]
    assert said.startswith("Elacestrant") and "progression" in said and "continues" in said


def test_her2_positive_by_an_earlier_test_names_the_tests_that_disagree() -> None:
    """6835 (MINOR): a HER2 3+ primary of 2016 beside an IHC 1+ metastasis of 2025 stopped with
    a bare 'HER2-positive disease is outside the review'; the board could not tell discordance
    from a keying error."""
    p = patient(
        her2_tests=[
            {"score": "3+", "sample": "tissue", "tested_on": "2016-02-01", "site": "primary"},
            {"score": "1+", "sample": "tissue", "tested_on": "2025-08-01", "site": "metastasis"},
        ],
        schema_version=2,
    )
    del p["her2"]
    with pytest.raises(resistx.OutOfScopeError) as caught:
        resistx.sequence(p)
    said = str(caught.value)
    assert "IHC 3+" in said and "2016-02-01" in said and "IHC 1+" in said and "2025-08-01" in said


# -- the recheck (7000-7049) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("ESR1", "ESR1-CCDC170"),
        ("ESR1", "ESR1/YAP1"),
        ("ESR1", "ESR1\u2013YAP1"),
        ("ESR1", "ESR1>YAP1"),
        ("ESR1", "ESR1 exon 6-7 tandem duplication"),
        ("ESR1", "ex3del"),
        ("ESR1", "exon 3 loss"),
        ("ESR1", "del exons 4-7"),
        ("ESR1", "ESR1 e3-e6 dup"),
        ("ESR1", "ESR1 ex6_ex7dup"),
        ("ESR1", "c.(1014+1_1015-1)_(1236+1_1237-1)dup"),
        ("ESR1", "ESR1 inv(6)"),
        ("ESR1", "t(6;11)(q25;q22)"),
        ("ESR1", "structural variant"),
        ("ESR1", "ESR1 SV"),
        ("ESR1", "ESR1 breakpoint in intron 6"),
        ("ESR1", "ESR1 fusi\u00f3n con YAP1"),
        ("ESR1", "ESR1 copy number gain"),
        ("PIK3CA", "PIK3CA-TBL1XR1"),
        ("AKT1", "AKT1-ATP1A1"),
        ("AKT1", "AKT1 duplication exon 3"),
    ],
)
def test_a_fusion_or_copy_change_however_written_is_refused(gene: str, variant: str) -> None:
    """7024-7032 (MAJOR): gene-partner notation, exon-level changes written otherwise,
    inversions, translocations, 'structural variant' and a copy-number gain passed as
    mutations."""
    bad = patient(biomarkers=[result(gene, "mutated", variant=variant)])
    assert "$.biomarkers[0].variant" in refusal(bad)


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("ESR1", "exon 8 del (p.V534_P535del)"),
        ("ESR1", "exon 8 deletion p.L536_D538del"),
        ("PIK3CA", "exon 9 deletion c.1624_1626del p.E542del"),
        ("ESR1", "D538G (no fusion detected)"),
        ("ESR1", "fusion-negative D538G"),
        ("PIK3CA", "H1047R, no fusions detected"),
        ("AKT1", "E17K, exon 3 duplication not seen"),
        ("ESR1", "ESR1-D538G"),
        ("ESR1", "Y537S (LBD)"),
    ],
)
def test_a_named_mutation_beside_exon_words_or_a_denied_fusion_still_reads(
    gene: str, variant: str
) -> None:
    """7026, 7030 (MINOR): small in-frame deletions and texts that deny a fusion were refused
    with advice that would drop a real mutation."""
    resistx.load_profile(patient(biomarkers=[result(gene, "mutated", variant=variant)]))


@pytest.mark.parametrize("entry", ["Fluconazol 200 mg", "ciprofloxacine 500 mg", "eritromicina"])
def test_a_spelling_of_a_moderate_inhibitor_keeps_its_qt_reading(entry: str) -> None:
    """7004-7006, 7022 (MAJOR): 'Fluconazol' was read as a moderate CYP3A inhibitor only, and
    ribociclib kept its place with no QT caution."""
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    (said,) = read_as(entry)
    assert "a moderate CYP3A inhibitor and a drug known to prolong the QT interval" in said


def test_datopotamab_deruxtecan_is_held_back_below_30_ml_min_as_trastuzumab_deruxtecan() -> None:
    """7046 (MAJOR): under practice-2026 datopotamab deruxtecan came first at a clearance of 20
    mL/min, where trastuzumab deruxtecan, of the same payload, was held back."""
    p = resistx.sequence(
        patient(
            her2="low",
            comorbidities=[{"name": "renal_impairment", "creatinine_clearance": 20}],
            treatments=_AFTER_CAPECITABINE,
            biomarkers=TISSUE_NEGATIVE,
        ),
        policy="practice-2026",
    )
    assert p.options[0].regimen.id == "chemotherapy", [o.regimen.id for o in p.options]
    dato = p.option("datopotamab-deruxtecan")
    assert dato is None or any("30 mL/min" in r.text for r in dato.reasons)


def test_capivasertib_beside_a_moderate_inducer_is_cautioned() -> None:
    """7002, 7010 (MAJOR): capivasertib preferred beside efavirenz with nothing said."""
    p = plan(biomarkers=ESR1_PIK3CA, medications=["efavirenz 600 mg"])
    capi = option(p, "capivasertib+fulvestrant")
    assert "Efavirenz on record, a moderate CYP3A inducer: capivasertib" in _said(capi)


@pytest.mark.parametrize("entry", ["verapamil 80 mg tds", "amiodarone 200 mg"])
def test_talazoparib_beside_a_p_gp_inhibitor_its_label_names_is_cautioned(entry: str) -> None:
    """7020, 7021 (MAJOR, borderline): talazoparib's US label lowers its dose beside
    amiodarone, carvedilol, clarithromycin, itraconazole and verapamil (P-gp inhibitors)."""
    gbrca2 = [result("BRCA2", "mutated", origin="germline"), *TISSUE_NEGATIVE]
    p = plan(biomarkers=gbrca2, medications=[entry])
    assert "talazoparib's US label lowers its dose" in _said(option(p, "talazoparib"))


@pytest.mark.parametrize(
    "entry",
    [
        "warfarin held for procedure, restart tomorrow",
        "Cardizem held during admission, to restart",
        "diltiazem temporarily held",
        "diltiazem - not taking (ran out), to restart",
    ],
)
def test_a_drug_held_for_now_is_read_as_taken(entry: str) -> None:
    """7047, 7048 (MAJOR, borderline): a drug held for a procedure or an admission and to be
    restarted will be taken through the months of the next line."""
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    assert read_as(entry), entry


def test_conivaptan_is_read_as_a_strong_inhibitor_where_the_lists_differ() -> None:
    """7033 (QUESTION): capivasertib's product information names conivaptan among the strong
    inhibitors; the cautious reading, as for the strong ones where the tables differ."""
    from resistx.vocab.interactions import read_as  # noqa: PLC0415

    assert read_as("conivaptan 20 mg IV") == ("conivaptan as a strong CYP3A inhibitor",)


@pytest.mark.parametrize("entry", ["armodafinil 150 mg", "fosaprepitant 150 mg IV"])
def test_a_real_drug_near_a_read_one_is_not_refused_as_its_misspelling(entry: str) -> None:
    """7007, 7008 (MINOR): 'armodafinil' and 'fosaprepitant' were refused as misspelt
    modafinil and aprepitant."""
    resistx.load_profile(patient(medications=[entry]))


def test_a_stopped_read_drug_beside_a_taken_one_is_listed_too() -> None:
    """7045 (MINOR): 'diltiazem stopped 2025; verapamil 80 mg tds' listed verapamil alone."""
    p = plan(biomarkers=ESR1_ONLY, medications=["diltiazem stopped 2025; verapamil 80 mg tds"])
    (listed,) = p.not_assessed
    assert "verapamil as a moderate CYP3A inhibitor" in listed
    assert "read as not taken now: diltiazem;" in listed  # verapamil is taken


def test_a_qt_drug_that_is_no_p_gp_inhibitor_gives_talazoparib_no_p_gp_caution() -> None:
    gbrca2 = [result("BRCA2", "mutated", origin="germline"), *TISSUE_NEGATIVE]
    p = plan(biomarkers=gbrca2, medications=["citalopram 20 mg"])
    assert "P-gp" not in _said(option(p, "talazoparib"))


# -- the second board (7050-7089) --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lymphangitic carcinomatosis on CT, breathless on minimal exertion, SpO2 91% on air",
        "jaundice",
        "rapidly rising bilirubin",
        "bilirubin 60 umol/L (3x ULN), rising over 2 weeks",
        "lymphangitis carcinomatosa, hypoxic",
    ],
)
def test_signs_of_a_visceral_crisis_in_free_text_are_refused_until_it_is_decided(
    text: str,
) -> None:
    """7059, 7060 (MAJOR): lymphangitic spread with hypoxia, or a rising bilirubin from liver
    metastases, written in other_conditions left elacestrant preferred with no question."""
    bad = patient(biomarkers=ESR1_ONLY, other_conditions=[text], metastatic_sites=["liver", "lung"])
    said = refusal(bad)
    assert "other_conditions[0]" in said and "visceral_crisis" in said


@pytest.mark.parametrize(
    ("text", "extra"),
    [
        ("lymphangitic carcinomatosis on CT, no visceral crisis per MDT", {}),
        ("jaundice from gallstones 2019, resolved", {}),
        ("lymphangitic spread", {"visceral_crisis": True}),
        (
            "rising bilirubin",
            {"comorbidities": [{"name": "hepatic_impairment", "child_pugh": "B"}]},
        ),
    ],
)
def test_a_sign_judged_or_recorded_where_rule_7_or_124_reads_it_passes(
    text: str, extra: dict[str, object]
) -> None:
    resistx.load_profile(
        patient(
            biomarkers=ESR1_ONLY,
            other_conditions=[text],
            metastatic_sites=["liver", "lung"],
            **extra,
        )
    )


def test_the_glucose_referral_is_not_before_choosing_at_ecog_3() -> None:
    """7051 (MINOR): at ECOG 3 rule 13 puts capivasertib after endocrine monotherapy whatever
    the glucose: the referral cannot change the first option, and is no step before choosing."""
    kw: dict[str, Any] = {
        "biomarkers": ESR1_PIK3CA,
        "comorbidities": [{"name": "diabetes", "hba1c": 8.5, "insulin": False}],
    }
    fit, frail = plan(ecog=1, **kw), plan(ecog=3, **kw)
    code = "glucose_control_opens_pathway_inhibitor"
    assert next(a for a in fit.actions if a.code == code).before_choosing
    assert not next(a for a in frail.actions if a.code == code).before_choosing


# -- the UI developer's review (7100-7149) --------------------------------------------------------


def test_the_report_refuses_a_profile_that_gives_another_plan() -> None:
    """7113 (MAJOR): a profile edited after its plan was made (a visceral crisis, ECOG 2) was
    accepted, and the report said 'Preferred: Elacestrant' beside 'Visceral crisis recorded'."""
    made = patient(biomarkers=ESR1_ONLY)
    p = resistx.sequence(made)
    p.to_html(full=True, profile=resistx.load_profile(made))  # its own profile: fine
    edited = resistx.load_profile({**made, "visceral_crisis": True, "ecog": 2})
    with pytest.raises(ValueError, match="another plan"):
        p.to_html(full=True, profile=edited)
    later = resistx.load_profile({**made, "as_of": "2026-06-01"})
    with pytest.raises(ValueError, match="another plan"):
        p.to_html(full=True, profile=later)


def test_the_report_reads_the_preferences_the_plan_was_made_with() -> None:
    made = patient(biomarkers=ESR1_ONLY)
    prefs = {"declines": ["oral"]}
    p = resistx.sequence(made, prefs)
    with pytest.raises(ValueError, match="preferences"):
        p.to_html(full=True, profile=resistx.load_profile(made))
    p.to_html(full=True, profile=resistx.load_profile(made), preferences=prefs)


def test_markdown_output_makes_no_link_image_or_emphasis_of_a_profile_s_text() -> None:
    """7111 (MAJOR): a patient id '[open chart](javascript:...)' came out as a live link, and an
    image in other_conditions or a variant as a live image fetched by any renderer."""
    p = plan(
        patient_id="MRN 4471 [open chart](javascript:alert(1))",
        biomarkers=[
            result("ESR1", "mutated", variant="D538G ![](https://tracker.example/p.gif)"),
            *TISSUE_NEGATIVE[1:],
        ],
        other_conditions=["**use fulvestrant** `x` _y_"],
    )
    md = p.to_markdown()
    assert "[open chart](" not in md and "![](" not in md and "**use fulvestrant**" not in md
    assert "\\[open chart\\]" in md and "\\*\\*use fulvestrant\\*\\*" in md


def test_the_plan_schema_requires_every_field_from_json_reads() -> None:
    """7114 (a documented contract): a plan cut to the schema's required fields passed it, and
    from_json refused it for 27 missing fields (options, waits_on, before_choosing...)."""
    import json  # noqa: PLC0415

    jsonschema = pytest.importorskip("jsonschema")
    schema = resistx.json_schema("plan")
    p = plan(biomarkers=ESR1_ONLY)
    data = json.loads(resistx.to_json(p))
    jsonschema.validate(data, schema)
    for field in ("options", "since_review", "actions"):
        cut = {k: v for k, v in data.items() if k != field}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(cut, schema)
    option = schema["$defs"]["Option"]
    assert {"waits_on", "cautions"} <= set(option["required"])
    assert "before_choosing" in schema["$defs"]["Action"]["required"]


def test_an_unknown_evidence_version_is_a_resistx_error_a_ui_can_catch() -> None:
    """UI review (MINOR): resistx.evidence('2099.1') raised a bare KeyError, outside the
    documented base of every error resistx raises on purpose."""
    with pytest.raises(resistx.ResistxError, match=r"2026\.11") as caught:
        resistx.evidence("2099.1")
    assert isinstance(caught.value, KeyError)  # as before, for callers that caught it


# -- the second recheck (7150-7171) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "possible visceral crisis",
        "query visceral crisis",
        "suspected visceral crisis",
        "visceral crisis not ruled out",
        "jaundiced, possible visceral crisis",
        "bilirubin 4.2 and climbing, visceral crisis not ruled out",
        "lymph. carcinomatosis",
        "bili 4.2 rising",
        "bilirubin 68 umol/L, up from 30",
        "bilirubin doubled in 2 weeks",
        "SpO2 88% on RA",
        "O2 sats 88%",
        "requiring supplemental oxygen",
        "desaturating on exertion",
        "hepatic insufficiency",
        "rapidly rising LFTs",
        "lymphangite carcinomateuse",
        "Lymphangiosis carcinomatosa",
        "ict\u00e8re",
        "Ikterus",
        "insuffisance h\u00e9patique",
        "Leberversagen",
        "insuficiencia respiratoria",
    ],
)
def test_a_suspected_crisis_and_more_wordings_of_its_signs_are_refused(text: str) -> None:
    """7151-7159 (MAJOR): 'possible', 'query', 'suspected' and 'not ruled out' read as a
    denial and let the sign beside them pass; abbreviations, saturations, oxygen and the
    signs in French, German, Spanish and Italian passed."""
    bad = patient(biomarkers=ESR1_ONLY, other_conditions=[text], metastatic_sites=["liver", "lung"])
    with pytest.raises(resistx.ProfileError):
        resistx.load_profile(bad)


@pytest.mark.parametrize(
    "text",
    [
        "neonatal jaundice",
        "previous jaundice",
        "lymphangitis right leg, treated with flucloxacillin",
        "chronic respiratory failure from kyphoscoliosis",
        "SpO2 98% on air",
        "Gilbert's syndrome, bilirubin raised",
        "no visceral crisis per MDT, lymphangitic spread on CT",
    ],
)
def test_a_history_another_cause_or_a_denial_of_a_crisis_still_passes(text: str) -> None:
    resistx.load_profile(
        patient(biomarkers=ESR1_ONLY, other_conditions=[text], metastatic_sites=["liver", "lung"])
    )


def test_the_refusal_quotes_the_phrase_that_names_the_sign() -> None:
    bad = patient(other_conditions=["impending liver failure"], metastatic_sites=["liver"])
    with pytest.raises(resistx.ProfileError, match="'liver failure'"):
        resistx.load_profile(bad)


def test_the_report_refuses_an_edit_that_leaves_the_ranking_the_same() -> None:
    """7164-7167 (MAJOR): an anticoagulant or a neuropathy added kept the ranks and tiers, and
    the report showed the old plan's cautions beside the new profile."""
    made = patient(biomarkers=ESR1_ONLY)
    p = resistx.sequence(made)
    edited = resistx.load_profile({**made, "medications": ["apixaban 5 mg bd"]})
    with pytest.raises(ValueError, match="another plan"):
        p.to_html(full=True, profile=edited)
    p.to_html(full=True, profile=made)  # a mapping is loaded (7171)


def test_markdown_makes_no_heading_quote_list_or_code_block_of_a_profile_s_text() -> None:
    """7169 (MINOR): '# BIG HEADING', '> quoted', '1. ordered', '- dash', an indented line and
    '~~~' at the start of an entry became structure in the 'not assessed' list."""
    texts = ["# BIG HEADING", "> quoted", "1. ordered", "+ plus", "    indented", "~~strike~~"]
    md = plan(biomarkers=ESR1_ONLY, medications=texts).to_markdown()
    for t in ("- # BIG", "- > quoted", "- 1. ordered", "- + plus", "-     indented", "~~strike"):
        assert t not in md, t


def test_a_chronic_lung_disease_without_its_grade_is_asked_before_choosing() -> None:
    """7039 (MINOR): HER2-low after one chemotherapy line, 'COPD' without a grade: trastuzumab
    deruxtecan and chemotherapy both alternatives, and the grade asked only inside the ADC's
    reason, not before choosing."""
    p = plan(
        her2="low",
        comorbidities=[{"name": "chronic_lung_disease"}],
        treatments=_AFTER_CAPECITABINE,
        biomarkers=TISSUE_NEGATIVE,
    )
    ask = [a for a in p.actions if a.code == "grade_chronic_lung_disease"]
    assert ask and ask[0].before_choosing and ask[0].rule == 155
    graded = plan(
        her2="low",
        comorbidities=[{"name": "chronic_lung_disease", "grade": 2}],
        treatments=_AFTER_CAPECITABINE,
        biomarkers=TISSUE_NEGATIVE,
    )
    assert not [a for a in graded.actions if a.code == "grade_chronic_lung_disease"]


def test_the_report_checks_the_profile_against_the_evidence_it_is_given() -> None:
    """The review of the change: the profile check re-planned on the bundled evidence of the
    plan's version, not on the evidence passed to the report, so a plan made on evidence of
    one's own (the documented `to_html(full=True, evidence=eb)`) was refused with its own
    profile."""
    import attrs  # noqa: PLC0415

    made = patient(biomarkers=ESR1_ONLY)
    bundled = resistx.evidence()
    emerald = bundled.trial("EMERALD")
    endpoints = tuple(
        attrs.evolve(e, value=e.value + 0.1) if e.arm == "elacestrant" else e
        for e in emerald.endpoints
    )
    trials = tuple(
        attrs.evolve(t, endpoints=endpoints) if t is emerald else t for t in bundled.trials
    )
    own = attrs.evolve(bundled, trials=trials)  # the same version, a figure of one's own
    p = resistx.sequence(made, evidence=own)
    assert p != resistx.sequence(made)
    p.to_html(full=True, evidence=own, profile=made)


def test_the_report_says_why_a_plan_of_an_unregistered_policy_cannot_be_checked() -> None:
    import attrs  # noqa: PLC0415

    from resistx.sequencing.policy import get  # noqa: PLC0415

    mine = attrs.evolve(get("ye2024"), name="ye2024-mine", updated_by=None)
    made = patient(biomarkers=ESR1_ONLY)
    p = resistx.sequence(made, policy=mine)
    with pytest.raises(ValueError, match="ye2024-mine"):
        p.to_html(full=True, profile=made)
