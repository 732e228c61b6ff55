"""Session 61: the reviews of cases 5650 onwards (a tumour board's everyday second-line
patients, a cancer centre's later lines and special populations, a real-world-evidence data
scientist's cohort)."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import resistx
from resistx.cli import main
from resistx.cohort import rows_for
from resistx.cohort._concordance import Summary
from resistx.cohort._plot import TOP_RULES, concordance
from resistx.display.report import document as report_html
from resistx.interop import from_fhir, from_phenopacket
from resistx.sequencing.policy import get as get_policy
from resistx.sequencing.rules.figures import POPULATION_WORDS, population_label
from tests.test_board_fixes_2205 import _planned

INTEROP = Path(__file__).parent.parent / "examples" / "interop"


def _her2_low(patient_id: str) -> dict[str, Any]:
    """A postmenopausal woman at ECOG 1 with HER2-low disease, planned on 2026-05-15."""
    return {
        "schema_version": 2,
        "patient_id": patient_id,
        "as_of": "2026-05-15",
        "hormone_receptor": "positive",
        "her2": "low",
        "menopausal_status": "postmenopausal",
        "ecog": 1,
    }


def _esr1_after(second_line: list[str]) -> dict[str, Any]:
    """5701: ribociclib + anastrozole, then a second line to progression; ESR1 D538G in ctDNA."""
    negative = {"status": "not_detected", "sample": "ctdna", "assay": "ngs"}
    return {
        **_her2_low("5701"),
        "biomarkers": [
            {"gene": "ESR1", "status": "mutated", "sample": "ctdna", "assay": "ngs",
             "tested_on": "2026-05-01", "variant": "D538G"},
            *({"gene": g, **negative, "tested_on": "2026-05-01"} for g in ("PIK3CA", "AKT1", "PTEN")),
        ],
        "treatments": [
            {"drugs": ["ribociclib", "anastrozole"], "line": 1, "started_on": "2023-03-01",
             "ended_on": "2024-11-15", "stop_reason": "progression"},
            {"drugs": second_line, "line": 2, "started_on": "2024-12-01",
             "ended_on": "2026-04-10", "stop_reason": "progression"},
        ],
    }  # fmt: skip


def test_an_adc_line_puts_a_patient_outside_veritac2_as_chemotherapy_does() -> None:
    """5701 (MAJOR): after trastuzumab deruxtecan before any chemotherapy, vepdegestrant was
    preferred on VERITAC-2's result, a trial that enrolled no one after chemotherapy for
    advanced disease; after capecitabine it was a later option. An ADC's payload is cytotoxic:
    the ADC line counts as it does for EMERALD, MAINTAIN and TROPiCS-02."""
    for second in (["trastuzumab deruxtecan"], ["capecitabine"]):
        plan = _planned(_esr1_after(second), "practice-2026")
        vep = plan.option("vepdegestrant")
        assert vep is not None
        assert vep.tier is resistx.Tier.LATER, (second, vep.tier)
        said = [r.text for r in vep.reasons if r.code == "outside_veritac2_population"]
        assert said and "VERITAC-2 enrolled no one" in said[0]
    plan = _planned(_esr1_after(["trastuzumab deruxtecan"]), "practice-2026")
    said = [r.text for r in plan.option("vepdegestrant").reasons]  # type: ignore[union-attr]
    assert any("an ADC for metastatic disease, whose payload is cytotoxic" in s for s in said), said
    imlunestrant = plan.option("imlunestrant")
    assert imlunestrant is not None
    assert any(r.code == "ember3_earlier_lines_unknown" for r in imlunestrant.reasons)


def _gbrca2_after(*lines: list[str]) -> dict[str, Any]:
    """5713: germline BRCA2, ribociclib + letrozole, then each of ``lines`` to progression."""
    tested = {"sample": "blood", "origin": "germline", "assay": "ngs", "tested_on": "2022-01-10"}
    later = [
        {
            "drugs": drugs,
            "line": n,
            "started_on": f"{2021 + n}-01-10",
            "ended_on": f"{2021 + n}-12-01",
            "stop_reason": "progression",
        }
        for n, drugs in enumerate(lines, start=2)
    ]
    return {
        **_her2_low("5713"),
        "biomarkers": [
            {"gene": "BRCA2", "status": "mutated", **tested},
            {"gene": "BRCA1", "status": "not_detected", **tested},
            {"gene": "PALB2", "status": "not_detected", **tested},
        ],
        "treatments": [
            {"drugs": ["ribociclib", "letrozole"], "line": 1, "started_on": "2022-01-10",
             "ended_on": "2023-01-01", "stop_reason": "progression"},
            *later,
        ],
    }  # fmt: skip


def test_adc_lines_count_toward_olympiad_s_lines_and_the_plan_says_why() -> None:
    """5713 against 5742 (MINOR): after capecitabine and two ADCs the PARP inhibitors were
    preferred 'before chemotherapy'; after three chemotherapy lines they were alternatives
    with no reason given. Both are past OlympiAD's two regimens, and each plan says so."""
    adcs = (["capecitabine"], ["trastuzumab deruxtecan"], ["sacituzumab govitecan"])
    chemo = (["capecitabine"], ["paclitaxel"], ["eribulin"])
    for lines, adc in (
        (adcs, "3 cytotoxic lines for metastatic disease (of them 2 with an ADC"),
        (chemo, "3 or more"),
    ):
        for policy in ("ye2024", "practice-2026"):
            plan = _planned(_gbrca2_after(*lines), policy)
            for rid in ("olaparib", "talazoparib"):
                option = plan.option(rid)
                assert option is not None, (rid, policy)
                assert option.tier is not resistx.Tier.PREFERRED, (rid, policy, lines)
                said = [r.text for r in option.reasons if r.code == "parp_beyond_olympiad_lines"]
                assert said and "olaparib) enrolled after at most two" in said[0], (rid, policy)
                # 5801: at three lines EMBRACA's entry held; the reason says which limit is read
                assert "EMBRACA (talazoparib) after at most three" in said[0]
                assert "by OlympiAD's limit" in said[0] and "neither trial" not in said[0]
                assert adc in said[0]  # the count is capped at three of a kind
    plan = _planned(_gbrca2_after(["capecitabine"], ["trastuzumab deruxtecan"]), "ye2024")
    option = plan.option("olaparib")
    assert option is not None and option.tier is resistx.Tier.PREFERRED
    assert all(r.code != "parp_beyond_olympiad_lines" for r in option.reasons)


def _her2_positive_on_trastuzumab() -> dict[str, Any]:
    """5786: HER2-positive, with the anti-HER2 treatment a registry records beside it."""
    return {
        "schema_version": 2,
        "patient_id": "5786",
        "as_of": "2026-05-01",
        "hormone_receptor": "positive",
        "her2": "positive",
        "menopausal_status": "postmenopausal",
        "treatments": [
            {"drugs": ["palbociclib", "letrozole"], "line": 1, "started_on": "2024-01-10",
             "ended_on": "2026-04-01", "stop_reason": "progression"},
        ],
        "next_treatment": ["trastuzumab", "pertuzumab"],
    }  # fmt: skip


def test_an_out_of_scope_profile_is_out_of_scope_whatever_else_is_wrong_with_it() -> None:
    """5786 (MAJOR): a HER2-positive patient with trastuzumab as next treatment was an invalid
    profile ('not drugs resistx knows'), never out of scope, so a cohort's count of patients
    out of scope missed nearly every HER2-positive one. Scope is read first; the other
    problems are still named."""
    data = _her2_positive_on_trastuzumab()
    hr_negative = {**data, "her2": "0", "hormone_receptor": "negative", "ecog": "1"}
    for source in (data, json.dumps(data), hr_negative):
        with pytest.raises(resistx.OutOfScopeError) as caught:
            resistx.load_profile(source)
        said = str(caught.value)
        assert said.startswith(("HER2-positive disease is outside", "hormone-receptor-negative"))
        assert "$.next_treatment" in said
    assert "$.ecog" in said
    assert not isinstance(caught.value, resistx.ProfileError)  # what a cohort counts by
    results = list(resistx.sequence_many([data, hr_negative]))
    assert [type(r.error) for r in results] == [resistx.OutOfScopeError] * 2


def _no_target_after_palbociclib(months_on: int = 30, **extra: Any) -> dict[str, Any]:
    """5652: palbociclib + anastrozole to progression; ESR1, PIK3CA, AKT1, PTEN negative."""
    started = f"{2025 - months_on // 12}-03-01"
    return {
        "schema_version": 2,
        "patient_id": "5652",
        "as_of": "2025-04-10",
        "hormone_receptor": "positive",
        "her2": "0",
        "menopausal_status": "postmenopausal",
        "ecog": 0,
        "biomarkers": [
            {"gene": g, "status": "not_detected", "sample": "tissue", "assay": "ngs",
             "tested_on": "2025-03-25"}
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        "treatments": [
            {"drugs": ["palbociclib", "anastrozole"], "line": 1, "started_on": started,
             "ended_on": "2025-03-10", "stop_reason": "progression"},
        ],
        **extra,
    }  # fmt: skip


def test_postmonarch_s_phase_iii_result_comes_before_maintain_s_phase_ii_one() -> None:
    """5652, 5653 (MAJOR; before them 594, 596, 1360): after palbociclib with nothing
    actionable, practice-2026 put ribociclib + fulvestrant (MAINTAIN, phase II, a subgroup's
    hazard ratio) first, above abemaciclib + fulvestrant, which postMONARCH (phase III) found
    better than fulvestrant alone in exactly this population."""
    for months, menopause in (
        (30, "postmenopausal"),
        (18, "postmenopausal"),
        (30, "premenopausal"),
    ):
        data = _no_target_after_palbociclib(months, menopausal_status=menopause)
        plan = _planned(data, "practice-2026")
        ids = [o.regimen.id for o in plan.options]
        abema, ribo = ids.index("abemaciclib+fulvestrant"), ids.index("ribociclib+fulvestrant")
        assert abema < ribo, (months, menopause, ids[:4])
    plan = _planned(_no_target_after_palbociclib(30), "ye2024")  # the review has no postMONARCH
    ids = [o.regimen.id for o in plan.options]
    assert ids.index("ribociclib+fulvestrant") < ids.index("abemaciclib+fulvestrant")


def test_an_unnamed_study_is_named_by_its_reference_wherever_a_clinician_reads_it() -> None:
    """5652, 5653 (MINOR): the printed since-review lines listed 'retrospective-ref33' and
    abemaciclib's evidence line said 'retrospective-ref35 reports it': the evidence's keys, where
    every other line says 'a real-world study ... (ref. 33)'."""
    data = _no_target_after_palbociclib(30)
    plan = resistx.sequence(data)
    shown = [str(plan), plan._repr_markdown_(), plan._repr_html_(), report_html(plan)]
    assert plan.since_review and any(
        k.startswith("retrospective-") for s in plan.since_review for k in s.trials
    )  # the JSON keeps the keys a program looks studies up by
    for view in shown:
        text = re.sub(r'data-trial="[^"]*"', "", view)  # a machine's attribute keeps the key
        assert "retrospective-ref" not in text, text[text.find("retrospective-ref") - 200 :][:300]
        assert "ref. 33" in text
    data["treatments"][0]["drugs"] = ["ribociclib", "anastrozole"]  # 5651: after ribociclib
    abemaciclib = resistx.sequence(data).option("abemaciclib")
    assert abemaciclib is not None
    said = [r.text for r in abemaciclib.reasons if r.code == "no_direct_evidence"]
    assert said and "(ref. 35) reports it for another population" in said[0], said


def test_an_approval_after_the_plan_s_date_is_not_described_as_in_force() -> None:
    """5650, 5651 (MINOR): a plan dated 2025-09-01 said 'Imlunestrant's approval (FDA
    2025-09-25) is for ESR1-mutated disease only', as if it stood that day. The reasons name
    the approval and whom it covers without saying that it stood at the plan's date."""
    data = _no_target_after_palbociclib(30)
    data["as_of"] = "2025-04-10"
    plan = _planned(data, "practice-2026")
    texts = [r.text for e in plan.excluded for r in e.reasons]
    texts += [r.text for o in plan.options for r in o.reasons]
    assert not [t for t in texts if "approval (FDA" in t and ") is for " in t], texts
    said = [t for t in texts if "Imlunestrant's approval (FDA 2025-09-25" in t]
    assert said and "ESR1-mutated disease only" in said[0], said
    plan = _planned(_esr1_after(["capecitabine"]), "practice-2026")
    vep = plan.option("vepdegestrant")
    assert vep is not None
    said = [r.text for r in vep.reasons if r.code == "approved_oral_serd_for_esr1"]
    assert said and said[0].startswith("ESR1 mutation: the population of Vepdegestrant's approval")


def test_the_concordance_plot_says_when_it_shows_only_the_most_frequent_rules() -> None:
    """5750 (MINOR): the CSV had 18 rule rows, the plot 15, and its title did not say so."""
    many = Counter({rule: 30 - rule for rule in range(1, 19)})
    title = concordance(Summary(stated=40, by_rule=many)).axes[1].get_title()
    assert f"the {TOP_RULES} most frequent of 18" in title and "CSV" in title, title
    few = Counter(dict.fromkeys(range(1, 5), 3))
    assert concordance(Summary(stated=4, by_rule=few)).axes[1].get_title() == (
        "Rules behind that place"
    )


def test_a_cohort_row_says_the_decision_date_its_plan_was_made_at() -> None:
    """5781 (MINOR): a plan made at an unknown decision date ('give as_of') looked like any
    other in the rows, and counted in a concordance study as any other: each row carries the
    plan's date, null where the profile gives none."""
    dated = _no_target_after_palbociclib(30)
    undated = {**dated, "patient_id": "5781", "biomarkers": []}
    del undated["as_of"]  # and a course going on: the plan's date is unknown
    undated["treatments"] = [{**dated["treatments"][0], "stop_reason": "ongoing"}]
    del undated["treatments"][0]["ended_on"]
    entries = rows_for([dated, undated])
    assert {r["as_of"] for r in entries[0]["options"]} == {"2025-04-10"}
    assert {r["as_of"] for r in entries[1]["options"]} == {None}


def test_an_error_row_keeps_a_patient_id_given_as_a_number() -> None:
    """5794 (MINOR): a numeric patient id is refused, and its error row's patient_id was null
    though the data give it."""
    data = {**_no_target_after_palbociclib(30), "patient_id": 5794}
    [entry] = rows_for([data])
    assert entry["errors"] and {e["patient_id"] for e in entry["errors"]} == {"5794"}


def test_the_long_response_hedge_is_not_offered_after_an_endocrine_line_that_followed_it() -> None:
    """5657 (MINOR): after 25 months on palbociclib and then everolimus + exemestane, which
    progressed at 6 months, chemotherapy's reason still said 'a clinician may weigh another
    endocrine-based line first': that line has been given, and progressed."""
    data = _no_target_after_palbociclib(30)
    plan = _planned(data, "ye2024")
    hedge = "a clinician may weigh another endocrine-based line first"
    chemo = plan.option("chemotherapy")
    assert chemo is not None and any(hedge in r.text for r in chemo.reasons)
    data["as_of"] = "2025-10-01"
    for g in data["biomarkers"]:
        g["tested_on"] = "2025-09-20"
    data["treatments"].append(
        {"drugs": ["everolimus", "exemestane"], "line": 2, "started_on": "2025-03-20",
         "ended_on": "2025-09-10", "stop_reason": "progression"}
    )  # fmt: skip
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        said = [r.text for o in plan.options for r in o.reasons if hedge in r.text]
        assert not said, (policy, said[:1])


def test_a_misspelt_next_treatment_is_named_the_same_way_in_a_profile_and_in_a_column(
    tmp_path: Path,
) -> None:
    """5783 (MINOR): in the profile, "$.next_treatment: not drugs resistx knows: ['Piqary']";
    from a Parquet next_treatment column, "$.next_treatment[0]: 'Piqary' is not a drug resistx
    knows". Both name each drug the same way, with the nearest spelling."""
    data = {**_no_target_after_palbociclib(30), "next_treatment": ["fulvestrant", "Piqary"]}
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    [(path, message)] = caught.value.problems
    assert path == "$.next_treatment[1]"  # at its index, as the column's (case 6321)
    assert message == "'Piqary' is not a drug resistx knows; did you mean Piqray?"
    pq.write_table(
        pa.table({"profile": [json.dumps(_no_target_after_palbociclib(30))],
                  "next_treatment": [["fulvestrant", "Piqary"]]}),
        tmp_path / "in.parquet",
    )  # fmt: skip
    assert main(["cohort", str(tmp_path / "in.parquet"), "--out", str(tmp_path / "o.jsonl")]) == 2
    [row] = [json.loads(x) for x in (tmp_path / "o.errors.jsonl").read_text("utf-8").splitlines()]
    assert (row["path"], row["message"]) == ("$.next_treatment[1]", message)


def test_evidence_lines_name_populations_in_words_not_the_evidence_s_keys() -> None:
    """5808 (MINOR): evidence lines read 'prior-CDK4/6i: median PFS 3.8 months',
    'concurrently-randomized:', 'pathway-non-altered-NGS:': the evidence's keys. Each such key
    is worded, and each worded key is one the evidence holds (the table cannot go stale)."""
    plan = _planned(_no_target_after_palbociclib(30), "ye2024")
    texts = [r.text for o in plan.options for r in o.reasons]
    assert any("(ref. 47)" in t and "after a CDK4/6 inhibitor: median PFS 3.8" in t for t in texts)
    assert not [t for t in texts if "prior-CDK4/6i" in t]
    trials = [
        t
        for policy in ("ye2024", "practice-2026")
        for t in get_policy(policy).default_evidence().trials
    ]
    pops = {e.population for t in trials for e in t.endpoints}
    pops |= {h.population for t in trials for h in t.hazard_ratios}
    assert set(POPULATION_WORDS) <= pops
    assert all(population_label(p) == p or p in POPULATION_WORDS for p in pops)


def _esr1_bundle(*concepts: dict[str, Any]) -> dict[str, Any]:
    """examples/interop/01 with its two orders (palbociclib, letrozole) coded as given."""
    data: dict[str, Any] = json.loads((INTEROP / "01-esr1-mutated.fhir.json").read_text("utf-8"))
    for entry, concept in zip(data["entry"][9 : 9 + len(concepts)], concepts, strict=True):
        entry["resource"]["medicationCodeableConcept"] = concept
    return data


def test_an_order_coded_outside_rxnorm_is_read_by_its_coding_s_display() -> None:
    """5855, 5856 (MAJOR): palbociclib coded in NCIt under the FHIR system address
    (ncithesaurus-stage), anastrozole by its NDC, each with its display, were 'agent without
    a label: left out': the plan, with no treatment on record, put a CDK4/6 inhibitor first
    after progression on one."""
    ncit = {"system": "http://ncithesaurus-stage.nci.nih.gov", "code": "C49176",
            "display": "Palbociclib"}  # fmt: skip
    ndc = {"system": "http://hl7.org/fhir/sid/ndc", "code": "0078-0249-15",
           "display": "FEMARA 2.5 MG TABLET"}  # fmt: skip
    conversion = from_fhir(_esr1_bundle({"coding": [ncit]}, {"coding": [ndc]}))
    assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]


def test_a_cancer_related_order_whose_drug_cannot_be_read_refuses_the_document() -> None:
    """5855 (MAJOR): an mCODE cancer-related order that names no drug resistx can read (an
    RxNorm product code it does not list, no display) was left out, and the patient planned as
    if never treated with it: a cancer treatment is not dropped in silence."""
    unknown = {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                           "code": "1601380"}]}  # fmt: skip
    letrozole = _esr1_bundle()["entry"][10]["resource"]["medicationCodeableConcept"]
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(_esr1_bundle(unknown, letrozole))
    [(path, message)] = caught.value.problems
    assert path == "$.entry[9].resource.medicationCodeableConcept"
    assert "1601380" in message and "cancer-related" in message


def test_a_her2_ish_result_in_words_is_read_or_refused_never_taken_as_pending() -> None:
    """5853, 5854 (MAJOR): an ISH under its LOINC code valued 'Amplified' (a concept's text) or
    'AMPLIFIED. HER2/CEP17 ratio 2.4' (free text) was 'neither positive nor negative': the IHC
    2+ read as waiting on its ISH, and a cohort planned a HER2-positive patient. 'Amplified'
    and 'Not amplified' are read; any other value under that code stops the conversion (it
    may be what makes the disease HER2-positive)."""
    data: dict[str, Any] = json.loads(
        (INTEROP / "04-her2-low-ihc2-ish-negative.fhir.json").read_text("utf-8")
    )
    ish = data["entry"][4]["resource"]
    ish["valueCodeableConcept"] = {"text": "Amplified"}
    with pytest.raises(resistx.OutOfScopeError):
        from_fhir(data)
    ish["valueCodeableConcept"] = {"text": "Not amplified"}
    assert from_fhir(data).profile.her2 is resistx.Her2Status.LOW
    del ish["valueCodeableConcept"]
    ish["valueString"] = "AMPLIFIED. HER2/CEP17 ratio 2.4, HER2 copy number 6.1"
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(data)
    assert [p for p, _ in caught.value.problems] == ["$.entry[4].resource"]
    assert "HER2-positive" in caught.value.problems[0][1]


def test_a_biosample_of_another_individual_is_refused_not_read_as_the_patient_s() -> None:
    """5869 (MAJOR): a biosample whose individualId named another person carried an ESR1
    mutation, read as the patient's (elacestrant preferred). The FHIR converter refuses a
    resource whose subject is another patient (case 1945); so does this one."""
    packet: dict[str, Any] = json.loads(
        (INTEROP / "01-esr1-mutated.phenopacket.json").read_text("utf-8")
    )
    assert from_phenopacket(packet).profile.biomarkers  # as given: the patient's own samples
    packet["biosamples"][0]["individualId"] = "someone-else"
    with pytest.raises(resistx.ProfileError) as caught:
        from_phenopacket(packet)
    assert caught.value.problems[0][0] == "$.biosamples[0].individualId"
    assert "someone-else" in caught.value.problems[0][1]


@pytest.mark.parametrize(
    ("system", "detected", "not_detected"),
    [
        ("http://snomed.info/sct", "260373001", "260415000"),
        ("http://loinc.org", "LA11882-0", "LA11883-8"),  # 5953 (MINOR)
    ],
)
def test_a_variant_valued_detected_or_not_detected_is_read(
    system: str, detected: str, not_detected: str
) -> None:
    """5868 (MAJOR): genomic variants valued SNOMED CT 260373001 'Detected' and 260415000 'Not
    detected' were 'not read', and the ESR1 mutation with them: chemotherapy came first; so
    were LOINC's LA11882-0 and LA11883-8 (5953)."""
    data = _esr1_bundle()
    data["entry"][7]["resource"]["valueCodeableConcept"] = {
        "coding": [{"system": system, "code": detected, "display": "Detected"}]
    }
    data["entry"][8]["resource"]["valueCodeableConcept"] = {
        "coding": [{"system": system, "code": not_detected, "display": "Not detected"}]
    }
    found = {(r.gene, r.status.value) for r in from_fhir(data).profile.biomarkers}
    assert found == {("ESR1", "mutated"), ("PIK3CA", "not_detected")}, found


def test_a_metastasis_coded_in_icd10_is_a_metastatic_site() -> None:
    """5855 (MINOR): mCODE SecondaryCancerConditions coded ICD-10-CM C78.7 (liver) and C79.51
    (bone) were 'the diagnosis is not a profile field': the liver metastasis was lost, and with
    it the visceral-crisis question a liver metastasis raises."""
    data = _esr1_bundle()
    icd = "http://hl7.org/fhir/sid/icd-10-cm"
    secondary = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition"
    for n, (code, display) in enumerate((("C78.7", "liver"), ("C79.51", "bone"))):
        data["entry"].append(
            {"resource": {"resourceType": "Condition", "id": f"met-{n}",
                          "meta": {"profile": [secondary]},
                          "code": {"coding": [{"system": icd, "code": code, "display": display}]},
                          "subject": {"reference": "Patient/patient-01"}}}
        )  # fmt: skip
    sites = {s.value for s in from_fhir(data).profile.metastatic_sites}
    assert sites == {"liver", "bone"}, sites


def test_an_esr1_mutation_acted_on_is_not_retested_before_the_next_line() -> None:
    """5902-5905 (MAJOR): after progression on elacestrant for an ESR1 Y537S, and later on
    capecitabine, every plan opened with 'Test ESR1 after the progression ...: ESR1 mutations
    are acquired under endocrine therapy; the results decide the next line', beside 'the ESR1
    mutation was acted on'. No ESR1 result can change the choice once an oral SERD has failed
    on the mutation: the retest is not asked (the pathway's may still be)."""
    data = {
        **_her2_low("5903"),
        "as_of": "2026-04-01",
        "biomarkers": [
            {"gene": "ESR1", "status": "mutated", "sample": "ctdna", "assay": "ngs",
             "tested_on": "2025-03-25", "variant": "Y537S"},
            *({"gene": g, "status": "not_detected", "sample": "tissue", "assay": "ngs",
               "tested_on": "2025-03-25"} for g in ("PIK3CA", "AKT1", "PTEN")),
        ],
        "treatments": [
            {"drugs": ["palbociclib", "letrozole"], "line": 1, "started_on": "2023-01-10",
             "ended_on": "2025-03-20", "stop_reason": "progression"},
            {"drugs": ["elacestrant"], "line": 2, "started_on": "2025-04-01",
             "ended_on": "2025-10-01", "stop_reason": "progression"},
            {"drugs": ["capecitabine"], "line": 3, "started_on": "2025-10-15",
             "ended_on": "2026-03-20", "stop_reason": "progression"},
        ],
    }  # fmt: skip
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(data, policy)
        asked = [a for a in plan.actions if "ESR1" in a.genes and a.code == "retest"]
        assert not asked, (policy, asked[0].text)
    data["treatments"] = data["treatments"][:1]  # not yet acted on: the retest stands
    data["as_of"] = "2026-01-10"
    del data["biomarkers"][0]
    plan = _planned(data, "ye2024")
    assert any("ESR1" in a.genes and a.code == "retest" for a in plan.actions)


def test_a_named_supportive_drug_under_the_cancer_related_profile_is_reported_not_refused() -> None:
    """5951 (a regression of the fix for 5855): dexamethasone and denosumab ordered under
    mCODE's cancer-related profile refused the whole bundle; mCODE puts supportive drugs under
    it. A named drug resistx does not read is reported and left out, as before."""
    for name in ("Dexamethasone 4 mg tablet", "Denosumab 120 mg injection"):
        data = _esr1_bundle()
        order = copy.deepcopy(data["entry"][10])
        order["resource"]["id"] = "supportive"
        order["resource"]["medicationCodeableConcept"] = {"text": name}
        data["entry"].append(order)
        conversion = from_fhir(data)
        assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]
        assert any(name in e.text for e in conversion.unmapped), name


def test_a_genomic_result_of_someone_not_in_the_phenopacket_is_refused() -> None:
    """5954 (MAJOR): a genomic interpretation whose subjectOrBiosampleId was neither the
    subject nor one of the biosamples ('pt-5999') was read as the patient's ESR1 mutation."""
    packet: dict[str, Any] = json.loads(
        (INTEROP / "01-esr1-mutated.phenopacket.json").read_text("utf-8")
    )
    gi = packet["interpretations"][0]["diagnosis"]["genomicInterpretations"][0]
    gi["subjectOrBiosampleId"] = "pt-5999"
    with pytest.raises(resistx.ProfileError) as caught:
        from_phenopacket(packet)
    [(path, message)] = caught.value.problems
    assert path.endswith(".subjectOrBiosampleId") and "pt-5999" in message


def _ribociclib_with_fulvestrant_doses(start: str, days: list[str]) -> dict[str, Any]:
    """examples/interop/01 with an active ribociclib order from ``start`` (no end, no
    termination reason, letrozole removed) and a fulvestrant administration on each day."""
    data = _esr1_bundle(
        {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1873983",
                     "display": "ribociclib"}]}
    )  # fmt: skip
    order = data["entry"][9]["resource"]
    order["status"] = "active"
    order["extension"] = order["extension"][:1]  # its intent, no termination reason
    order["dosageInstruction"] = [{"timing": {"repeat": {"boundsPeriod": {"start": start}}}}]
    del data["entry"][10]  # letrozole
    for n, day in enumerate(days):
        data["entry"].append(
            {"resource": {"resourceType": "MedicationAdministration", "id": f"fulv-{n}",
                          "status": "completed",
                          "medicationCodeableConcept": {"coding": [
                              {"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                               "code": "282357", "display": "fulvestrant"}]},
                          "subject": {"reference": "Patient/patient-01"},
                          "effectiveDateTime": day}}
        )  # fmt: skip
    return data


def test_doses_beside_an_order_still_going_on_are_given_with_it() -> None:
    """5960, 5858 (MAJOR): monthly fulvestrant administrations beside a ribociclib order still
    active with no end became a fulvestrant course that 'ended (its stop reason not
    recorded)', and the plan put fulvestrant first, the drug the patient is on. Doses that
    start with an ongoing course and run to within a dosing gap of the record's latest date are
    given with it: one ongoing treatment, an assumption the report states."""
    monthly = [f"{2025 + (4 + n) // 12}-{(4 + n) % 12 + 1:02d}-02" for n in range(11)]
    data = _ribociclib_with_fulvestrant_doses("2025-05-02", monthly)  # to 2026-03-02
    conversion = from_fhir(data)
    courses = [(t.drugs, t.stop_reason) for t in conversion.profile.treatments]
    assert courses == [(("ribociclib", "fulvestrant"), resistx.StopReason.ONGOING)], courses
    assert any("given with ribociclib" in e.text for e in conversion.assumptions)


def test_a_stopped_order_s_planned_end_after_the_record_is_not_its_stop_date() -> None:
    """5964 (MAJOR): an order stopped with its boundsPeriod end left at the planned
    2027-06-01 (EHRs seldom update it) was read as ending then, and the plan's decision date
    became 2027-06-01, nothing said. An end after the document was written (the bundle's
    timestamp) is a planned end: the stop date is left unknown, as the report says. A real
    stop date is kept (6057: the first fix, with no timestamp to go by, lost it)."""
    for status in ("stopped", "completed"):
        data = _esr1_bundle()
        data["timestamp"] = "2026-04-15T09:00:00Z"
        for entry in data["entry"][9:11]:
            order = entry["resource"]
            order["status"] = status
            order["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"] = "2027-06-01"
        conversion = from_fhir(data)
        [course] = conversion.profile.treatments
        assert course.ended_on is None and course.started_on is not None
        # a progression of no known date: the plan's date is unknown (it asks for as_of)
        assert conversion.profile.decision_date is None
        assert any("a planned end" in e.text for e in conversion.assumptions)
    data = _esr1_bundle()  # stopped on 2026-03-20, no timestamp: the date is the stop's
    for entry in data["entry"][9:11]:
        entry["resource"]["status"] = "stopped"
    [course] = from_fhir(data).profile.treatments
    assert course.ended_on is not None and course.ended_on.isoformat() == "2026-03-20"


def test_a_child_pugh_b_note_speaks_of_liver_metastases_only_where_there_are_some() -> None:
    """6024 (MINOR): with bone and nodal metastases only, the Child-Pugh B action said
    'recorded as not from the liver metastases ... should the bilirubin rise with the
    metastases', implying liver metastases she does not have."""
    data = _no_target_after_palbociclib(30)
    data["comorbidities"] = [
        {"name": "hepatic_impairment", "child_pugh": "B", "from_metastases": False}
    ]
    data["metastatic_sites"] = ["bone", "lymph_node"]
    [said] = [a.text for a in _planned(data, "ye2024").actions
              if a.code == "assess_moderate_hepatic_impairment"]  # fmt: skip
    assert "liver metastases" not in said and "with the metastases" not in said, said
    data["metastatic_sites"] = ["bone", "liver"]
    [said] = [a.text for a in _planned(data, "ye2024").actions
              if a.code == "assess_moderate_hepatic_impairment"]  # fmt: skip
    assert "not from the liver metastases" in said


def test_depots_beside_two_orders_going_on_together_are_given_with_them() -> None:
    """6050-a (MAJOR): goserelin depots beside palbociclib and letrozole orders, both active
    since the same day, became a goserelin course that 'ended': the join took one ongoing
    course only. Courses that started together are one treatment; the depots join it."""
    data = _esr1_bundle()
    for entry in data["entry"][9:11]:
        order = entry["resource"]
        order["status"] = "active"
        order["extension"] = order["extension"][:1]
        order["dosageInstruction"] = [
            {"timing": {"repeat": {"boundsPeriod": {"start": "2025-05-02"}}}}
        ]
    for n in range(11):  # goserelin 3.6 mg every 4 weeks or so
        day = f"{2025 + (4 + n) // 12}-{(4 + n) % 12 + 1:02d}-03"
        data["entry"].append(
            {"resource": {"resourceType": "MedicationAdministration", "id": f"gos-{n}",
                          "status": "completed",
                          "medicationCodeableConcept": {"text": "goserelin 3.6 mg implant"},
                          "subject": {"reference": "Patient/patient-01"},
                          "effectiveDateTime": day}}
        )  # fmt: skip
    [course] = from_fhir(data).profile.treatments
    assert set(course.drugs) == {"palbociclib", "letrozole", "goserelin"}, course.drugs
    assert course.stop_reason is resistx.StopReason.ONGOING


def test_a_cdk46_inhibitor_named_by_its_development_code_is_read() -> None:
    """6066, 6067 (MAJOR): 'LEE011 + letrozole' for 29 months, from a trial record, was read as
    no CDK4/6 inhibitor, and a CDK4/6 inhibitor was preferred after progression on one."""
    for code, drug in (("LEE011", "ribociclib"), ("PD-0332991", "palbociclib"),
                       ("LY2835219", "abemaciclib")):  # fmt: skip
        data = _no_target_after_palbociclib(30)
        data["treatments"][0]["drugs"] = [code, "letrozole"]
        assert resistx.load_profile(data).treatments[0].drugs == (drug, "letrozole")


def test_an_ncit_drug_code_under_the_owl_address_without_its_hash_is_read() -> None:
    """6070 (MINOR): NCIt under http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl (no '#',
    as HL7's terminology lists it) was not read as NCIt."""
    owl = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
    palbociclib = {"coding": [{"system": owl, "code": "C49176"}]}
    letrozole = _esr1_bundle()["entry"][10]["resource"]["medicationCodeableConcept"]
    conversion = from_fhir(_esr1_bundle(palbociclib, letrozole))
    assert [t.drugs for t in conversion.profile.treatments] == [("palbociclib", "letrozole")]


def test_sequence_from_a_document_says_how_many_assumptions_its_conversion_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """6050-6071 (M8): `resistx sequence --from fhir` said how many elements were not mapped,
    never that the conversion assumed anything (a drug read by its label, doses given with an
    ongoing order), so a plan could rest on an assumption nobody saw."""
    ndc = {"system": "http://hl7.org/fhir/sid/ndc", "code": "0078-0249-15",
           "display": "FEMARA 2.5 MG TABLET"}  # fmt: skip
    letrozole_by_label = {"coding": [ndc]}
    palbociclib = _esr1_bundle()["entry"][9]["resource"]["medicationCodeableConcept"]
    path = tmp_path / "bundle.fhir.json"
    path.write_text(json.dumps(_esr1_bundle(palbociclib, letrozole_by_label)), encoding="utf-8")
    assert main(["sequence", "--from", "fhir", str(path)]) == 0
    said = capsys.readouterr().err
    assert re.search(r"\d+ elements? not mapped, \d+ assumptions?\b", said), said
    assert f"resistx convert --from fhir {path}" in said


def test_doses_that_stopped_months_before_a_later_ecog_are_not_read_as_going_on() -> None:
    """6050-d (MAJOR): a fulvestrant series whose last dose came months before the record's
    latest ECOG score was joined to an active ribociclib order as going on: the record's
    latest date counted courses and results only. One reading of it (``latest_date``) counts
    ECOG scores too, and the series stays a course of its own."""
    monthly = [f"2025-{n + 1:02d}-02" for n in range(7)]  # to 2025-07-02
    data = _ribociclib_with_fulvestrant_doses("2025-01-02", monthly)
    for entry in data["entry"][7:9]:  # the genomic results before the series ends
        entry["resource"]["effectiveDateTime"] = "2024-12-20"
    assert data["entry"][5]["resource"]["effectiveDateTime"] == "2026-04-10"  # the ECOG score
    courses = {t.drugs for t in from_fhir(data).profile.treatments}
    assert ("ribociclib", "fulvestrant") not in courses, courses
