"""Session 64: the reviews of cases 7200 onwards (a tumour board on frail patients, heavily
pretreated patients and the ADCs, biomarker timelines, premenopausal women and men)."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from tests.helpers import CAPECITABINE, PALBOCICLIB, option, plan, result

TISSUE_NEGATIVE = [
    result("ESR1", "not_detected"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]


def _after_capecitabine(cdk46i_end: str) -> dict[str, Any]:
    """Palbociclib + letrozole from 2023-01-10 to ``cdk46i_end``, then capecitabine: one
    chemotherapy line for metastatic disease and no ADC."""
    return {
        "biomarkers": TISSUE_NEGATIVE,
        "treatments": [
            dict(PALBOCICLIB, ended_on=cdk46i_end),
            dict(CAPECITABINE, started_on="2025-04-01", ended_on="2025-10-01"),
        ],
    }


@pytest.mark.parametrize("cdk46i_end", ["2023-05-25", "2024-06-01"])
def test_sacituzumab_govitecan_after_one_chemotherapy_line_stays_a_later_option(
    cdk46i_end: str,
) -> None:
    """7218c (MAJOR): after palbociclib for 4.6 months and one line of capecitabine,
    sacituzumab govitecan came second as an alternative: the short course's lift carried it
    past rule 4's loss, though TROPiCS-02 enrolled after 2-4 chemotherapy lines and its US
    label needs 2 further lines after endocrine therapy. Rule 4 says it stays a later option
    before its second line; after a long course it already was."""
    here = plan(**_after_capecitabine(cdk46i_end))
    sg = option(here, "sacituzumab-govitecan")
    assert sg.tier is resistx.Tier.LATER, (sg, here.options)
    assert any(r.code == "adc_before_chemotherapy" and r.rule == 4 for r in sg.reasons)


TDXD_STOPPED_FOR_PNEUMONITIS = {
    "drugs": ["trastuzumab deruxtecan"],
    "line": 2,
    "started_on": "2025-04-01",
    "ended_on": "2025-10-01",
    "stop_reason": "toxicity",
    "toxicity": "pneumonitis",
}


@pytest.mark.parametrize(("grade", "asked"), [(2, False), (3, False), (None, True)])
def test_a_recorded_lung_disease_grade_is_not_asked_for_again(
    grade: int | None, asked: bool
) -> None:
    """7213 (MINOR): trastuzumab deruxtecan stopped for pneumonitis, interstitial lung disease
    of grade 2 recorded: its exclusion said 'record its grade, as a grade 1 puts it back', an
    invitation to regrade; with the grade on record it says the label stops it for good."""
    ild: dict[str, Any] = {"name": "interstitial_lung_disease"}
    if grade is not None:
        ild["grade"] = grade
    here = plan(
        her2="low",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[PALBOCICLIB, TDXD_STOPPED_FOR_PNEUMONITIS],
        comorbidities=[ild],
    )
    left = here.exclusion("trastuzumab-deruxtecan")
    assert left is not None, here.options
    said = " ".join(r.text for r in left.reasons)
    assert "stops it for good" in said
    assert ("record its grade" in said) is asked, said


def test_after_a_grade_1_lung_disease_on_trastuzumab_deruxtecan_its_sister_adc_is_not_left_out() -> (
    None
):
    """7213b (MINOR): trastuzumab deruxtecan, which caused a grade 1 interstitial lung disease,
    came first (its label gives it again once resolved) while datopotamab deruxtecan, of the
    same payload, was left out 'not to be weighed as a new drug': the drug that caused it
    cannot be the safer of the two. The sister ADC takes the grade 1's terms: at best an
    alternative, a chest physician and a CT first."""
    here = resistx.sequence(
        {
            "schema_version": 1,
            "patient_id": "7213b",
            "as_of": "2026-05-01",
            "hormone_receptor": "positive",
            "her2": "low",
            "ecog": 1,
            "biomarkers": TISSUE_NEGATIVE,
            "treatments": [
                PALBOCICLIB,
                dict(CAPECITABINE, started_on="2025-03-25", ended_on="2025-09-01"),
                dict(
                    TDXD_STOPPED_FOR_PNEUMONITIS,
                    line=3,
                    started_on="2025-09-10",
                    ended_on="2026-01-10",
                ),
            ],
            "comorbidities": [{"name": "interstitial_lung_disease", "grade": 1}],
        },
        policy="practice-2026",
    )
    assert option(here, "trastuzumab-deruxtecan").tier is not resistx.Tier.LATER
    dato = option(here, "datopotamab-deruxtecan")
    assert dato.tier is not resistx.Tier.PREFERRED
    assert any(r.code == "lung_disease_grade_1" and r.rule == 12 for r in dato.reasons), dato


def test_an_adjuvant_chemotherapy_counted_as_a_line_is_not_called_one_for_metastatic_disease() -> (
    None
):
    """7218 (MINOR): relapse 5 months after adjuvant docetaxel-cyclophosphamide, no
    chemotherapy since: sacituzumab govitecan's reason said '1 prior chemotherapy or ADC line
    for metastatic disease (one of them (neo)adjuvant chemotherapy ...)', though the one line
    counted is the adjuvant one."""
    here = plan(
        her2="low",
        relapsed_on="2022-11-01",
        biomarkers=TISSUE_NEGATIVE,
        treatments=[
            {
                "drugs": ["docetaxel", "cyclophosphamide"],
                "setting": "adjuvant",
                "started_on": "2022-02-01",
                "ended_on": "2022-06-01",
                "stop_reason": "completed",
            },
            dict(PALBOCICLIB, started_on="2022-11-20"),
        ],
    )
    said = [
        r.text
        for rid in ("sacituzumab-govitecan", "trastuzumab-deruxtecan")
        for r in option(here, rid).reasons
        if r.rule == 4
    ]
    assert said and all("adjuvant chemotherapy with relapse within" in t for t in said), said
    assert not any("for metastatic disease" in t or "one of them" in t for t in said), said


ESR1_ONLY = [
    result("ESR1", "mutated", variant="D538G"),
    *(result(g, "not_detected", sample="tissue") for g in ("PIK3CA", "AKT1", "PTEN")),
]


@pytest.mark.parametrize(
    "entry",
    [
        "Tildiem LA 200 mg daily",
        "Adizem-XL 240 mg",
        "Slozem 240mg",
        "Zemtard 180 XL",
        "Viazem XL 240",
        "Angitil SR 90 mg bd",
        "Dilcardia SR 60",
        "Univer 240 mg",
        "Verapress MR 240 mg",
        "Cordilox 80 mg tds",
    ],
)
def test_a_uk_brand_of_diltiazem_or_verapamil_is_read_as_the_moderate_inhibitor(
    entry: str,
) -> None:
    """v7200_tildiem (MAJOR): 'Tildiem LA 200 mg daily' left elacestrant first and preferred
    with no caution, where 'diltiazem MR 200 mg daily' put it later (rule 153): common UK
    brands of diltiazem and verapamil were not read."""
    here = plan(biomarkers=ESR1_ONLY, medications=[entry])
    elacestrant = option(here, "elacestrant")
    assert elacestrant.tier is resistx.Tier.LATER, (entry, here.options[:3])
    assert any(r.rule == 153 for r in elacestrant.reasons)


def test_a_tumour_palb2_mutation_is_not_called_a_test_without_a_mutation() -> None:
    """7228c (MINOR): tumour tissue with PALB2 Q775*, BRCA1/2 negative, no germline test:
    olaparib's reason said 'BRCA1, BRCA2, PALB2 tested in the tumour only, without a
    mutation', where the actions rightly asked for the germline test of a tumour PALB2
    mutation (only a germline one opens olaparib: TBCRC 048)."""
    tissue = [
        *(result(g, "not_detected", sample="tissue") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")),
        result("PALB2", "mutated", sample="tissue", variant="Q775*"),
        *(result(g, "not_detected", sample="tissue") for g in ("BRCA1", "BRCA2")),
    ]
    olaparib = option(plan(biomarkers=tissue), "olaparib")
    said = " ".join(r.text for r in olaparib.reasons if r.code == "germline_untested")
    assert "BRCA1, BRCA2 tested in the tumour only, without a mutation" in said, said
    assert "tumour PALB2 mutation" in said and "PALB2 tested in the tumour only" not in said
    assert olaparib.waits_on == ("germline BRCA1 and BRCA2 and PALB2",)
