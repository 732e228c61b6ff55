"""The engine's structure: rule units, their codes, the memo, the policy, the weights."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import resistx
from resistx.model._biomarker_checks import GERMLINE_SAMPLES, MUTATION_ONLY
from resistx.model.enums import (
    Assay,
    BiomarkerStatus,
    Classification,
    Factor,
    Her2Status,
    Origin,
    Sample,
)
from resistx.sequencing import engine, findings
from resistx.sequencing.memo import Memo
from resistx.sequencing.patient import Patient
from resistx.sequencing.plan_level import TESTS_WHEN_NOTHING_PREFERRED
from resistx.sequencing.policies import YE2024
from resistx.sequencing.policy import get as get_policy
from resistx.sequencing.rule import Rule
from resistx.sequencing.rules import RULES
from resistx.sequencing.weights import DEFAULT as W
from tests import strategies
from tests.helpers import (
    CAPECITABINE,
    ERIBULIN,
    FULVESTRANT,
    NEGATIVE,
    PALBOCICLIB,
    THREE_ENDOCRINE_LINES,
    adjuvant,
    on_tissue,
    patient,
    result,
    second_line,
)

ROOT = Path(__file__).parent.parent
BY_NUMBER: dict[int, Rule] = {r.number: r for r in RULES}

#: adjuvant letrozole with abemaciclib, completed, with no dates (rules 19 and 123; case 1455)
ADJUVANT_AI_UNDATED = {
    "drugs": ["abemaciclib", "letrozole"],
    "setting": "adjuvant",
    "stop_reason": "completed",
}

#: adjuvant letrozole completed 12.3 months before a board of 2026-12-03 (rule 125; case 1553)
ADJUVANT_LETROZOLE_ENDED = {
    "drugs": ["letrozole"],
    "setting": "adjuvant",
    "started_on": "2020-11-25",
    "ended_on": "2025-11-25",
    "stop_reason": "completed",
}


#: one scenario per rule unit: profiles in which the rule speaks
def _her2_low_third_line(adc: str, **course: str) -> dict[str, Any]:
    """HER2-low, palbociclib, capecitabine, then ``adc`` (to progression unless ``course`` says)."""
    third = dict(CAPECITABINE, drugs=[adc], line=3, started_on="2025-10-15", ended_on="2026-03-01")
    return patient(
        her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, third | course]
    )


SCENARIOS: list[dict[str, Any]] = [
    patient(biomarkers=NEGATIVE),
    patient(ecog=2, biomarkers=[result("ESR1", "mutated")]),  # rule 162: EMERALD's ECOG entry
    patient(ecog=3, biomarkers=NEGATIVE),  # rule 13: an oral SERD outside its label (9647)
    patient(biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")]),
    patient(biomarkers=[result("AKT1", "mutated"), result("RB1", "loss")]),
    patient(biomarkers=NEGATIVE, comorbidities=["COPD"]),  # rule 12: chronic lung disease
    patient(biomarkers=NEGATIVE, comorbidities=["dpd_deficiency"]),  # rule 12 (5493)
    # rule 111: a grade 3 cytopenia puts the CDK4/6 and PARP inhibitors after the others
    patient(biomarkers=NEGATIVE, comorbidities=[{"name": "neutropenia", "grade": 3}]),
    # rule 111 in a visceral crisis: chemotherapy first, its dose adjusted (case 1395)
    patient(
        biomarkers=NEGATIVE,
        comorbidities=[{"name": "thrombocytopenia", "grade": 4}],
        visceral_crisis=True,
    ),
    # rule 112: a myelodysplastic syndrome leaves the PARP inhibitors out (and rules 111, 113:
    # the options that lower blood counts after the others, a haematologist's view; case 1549)
    patient(biomarkers=NEGATIVE, comorbidities=["MDS"]),
    # rule 61: capivasertib stopped for a Stevens-Johnson syndrome: left out, and alpelisib
    # after the others (case 1533)
    patient(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]],
        treatments=[
            PALBOCICLIB,
            {
                "drugs": ["capivasertib", "fulvestrant"],
                "months": 2,
                "line": 2,
                "stop_reason": "toxicity",
                "toxicity": "Stevens-Johnson syndrome",
            },
        ],
    ),
    # rule 114: ER-low disease puts the endocrine options after chemotherapy and the ADCs
    patient(biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]], hormone_receptor="low"),
    # rule 115: a strong CYP3A inhibitor on record puts the drugs it interacts with later
    patient(biomarkers=NEGATIVE, medications=["itraconazole"]),
    # rules 153, 154: a moderate CYP3A inhibitor or inducer on record: elacestrant later and an
    # action to change it; capivasertib's lower dose; a trial's exclusions (case 6933)
    patient(biomarkers=NEGATIVE, medications=["diltiazem 120 mg"]),
    patient(
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]],
        medications=["diltiazem 120 mg"],
    ),
    patient(biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]], medications=["modafinil"]),
    patient(
        biomarkers=[result("BRCA2", "mutated", origin="germline"), *NEGATIVE],
        medications=["verapamil 80 mg"],
    ),
    # rule 155: a chronic lung disease without its grade beside a deruxtecan ADC (case 7039)
    patient(biomarkers=NEGATIVE, her2="low", comorbidities=[{"name": "chronic_lung_disease"}]),
    # rule 132: a vitamin K antagonist on record: capecitabine's INR caution on chemotherapy
    patient(biomarkers=NEGATIVE, medications=["warfarin 3 mg daily"]),
    # rule 118: trastuzumab deruxtecan below its labelled clearance, an alternative (1404b)
    patient(
        biomarkers=NEGATIVE,
        her2="low",
        comorbidities=[{"name": "renal_impairment", "creatinine_clearance": 25}],
    ),
    # rules 120, 121: leptomeningeal disease (nothing preferred, is it life-threatening?) and
    # brain metastases (local treatment) on record (cases 1308, 1309)
    patient(biomarkers=NEGATIVE, metastatic_sites=["leptomeningeal", "brain"]),
    patient(biomarkers=NEGATIVE, metastatic_sites=["leptomeningeal"], visceral_crisis=True),
    # rule 130: another primary cancer's HER2 on record, no metastasis scored (case 1770b)
    patient(
        schema_version=2,
        biomarkers=NEGATIVE,
        her2_tests=[
            {"score": "3+", "site": "other_primary", "tested_on": "2012-05-01"},
            {"score": "0", "site": "primary", "tested_on": "2018-03-01"},
        ],
    ),
    # rule 124: liver metastases with hepatic impairment, no crisis (case 1481)
    patient(
        biomarkers=NEGATIVE,
        metastatic_sites=["liver"],
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "A"}],
    ),
    # rules 118, 119: a germline BRCA1 carrier's creatinine clearance sets the PARP
    # inhibitors' places (case 1304), and one not recorded is asked for
    *(
        patient(
            biomarkers=[*NEGATIVE, result("BRCA1", "mutated", origin="germline")],
            comorbidities=[renal],
        )
        for renal in (
            {"name": "renal_impairment", "creatinine_clearance": 25},
            {"name": "renal_impairment", "creatinine_clearance": 10},
            "renal_impairment",
        )
    ),
    # rule 122: a progression given in months only leaves the tests unplaced: date it (1428b);
    # rule 50: and a latest course that ended, its stop reason unknown (case 1429)
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            {
                "drugs": ["palbociclib", "letrozole"],
                "months": 20,
                "line": 1,
                "stop_reason": "progression",
            }
        ],
    ),
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            PALBOCICLIB,
            {"drugs": ["fulvestrant"], "months": 9, "line": 2, "stop_reason": "unknown"},
        ],
    ),
    # rules 126, 127: cardiac disease and trastuzumab deruxtecan, by the LVEF (case 1618)
    *(
        patient(
            biomarkers=NEGATIVE, her2="low", comorbidities=[{"name": "cardiac_disease", "lvef": f}]
        )
        for f in (35, 40, 48)  # its label's bands: stopped, later, an alternative (4592a, 4610a)
    ),
    patient(biomarkers=NEGATIVE, her2="low", comorbidities=["heart failure"]),
    # rule 125: adjuvant letrozole ended 12.3 months before the board, no relapse date (1553)
    patient(
        as_of="2026-12-03",
        biomarkers=NEGATIVE,
        treatments=[
            ADJUVANT_LETROZOLE_ENDED,
        ],
    ),
    # rule 122: a CDK4/6-inhibitor course begun 2 years ago, progressed, no end date (1579c)
    patient(
        as_of="2026-12-03",
        biomarkers=NEGATIVE,
        treatments=[
            {
                "drugs": ["palbociclib", "letrozole"],
                "line": 1,
                "started_on": "2024-12-01",
                "stop_reason": "progression",
            }
        ],
    ),
    # rules 19 and 123: an adjuvant aromatase inhibitor with no end date (case 1455)
    patient(biomarkers=NEGATIVE, treatments=[ADJUVANT_AI_UNDATED]),
    # rules 31 and 123: ... and with a PIK3CA mutation, INAVO120's population unknown (1457)
    patient(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]],
        treatments=[dict(ADJUVANT_AI_UNDATED, drugs=["letrozole"])],
    ),
    # rule 115: and FINER's trial of ipatasertib, which CYP3A4 metabolises (case 1294b)
    patient(biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0]], medications=["rifampicin"]),
    # rule 101: FINER (after first-line CDK4/6-inhibitor therapy) after a further line
    patient(
        biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0]],
        treatments=[PALBOCICLIB, FULVESTRANT],
    ),
    # rule 19: relapse on an adjuvant aromatase inhibitor, no CDK4/6-inhibitor resistance:
    # a CDK4/6 inhibitor with exemestane has no trial then (case 880)
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            adjuvant(["ribociclib", "letrozole"], "2021-01-10", "2024-01-10"),
            adjuvant(["letrozole"], "2024-01-10", "2026-04-01", "progression"),
        ],
    ),
    # rule 11: a fulvestrant combination after an oral SERD progressed on (case 853)
    patient(
        biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0]],
        treatments=[PALBOCICLIB, dict(FULVESTRANT, drugs=["elacestrant"])],
    ),
    # rule 103: ribociclib after palbociclib at ECOG 2, outside MAINTAIN's entry (case 849)
    patient(biomarkers=NEGATIVE, ecog=2),
    # rule 102: germline BRCA2 after a year of adjuvant olaparib (OlympiA; case 846), relapse
    # more than 12 months after it (sooner is progression on it)
    patient(
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")],
        treatments=[adjuvant(["olaparib"], "2020-01-10", "2021-01-10"), PALBOCICLIB],
    ),
    # rule 61: capivasertib after alpelisib stopped for hyperglycaemia (case 935)
    patient(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]],
        treatments=[
            PALBOCICLIB,
            dict(FULVESTRANT, drugs=["alpelisib", "fulvestrant"], stop_reason="toxicity")
            | {"toxicity": "hyperglycaemia"},
        ],
    ),
    # rule 19 before the menopause, no treatment yet: MONALEESA-7's ribociclib first (case 566)
    patient(schema_version=2, sex="female", menopausal_status="premenopausal", treatments=[]),
    patient(  # rule 78: capivasertib and the ipatasertib trials with an HbA1c of 8.0% or more
        schema_version=2,
        biomarkers=[result("PIK3CA", "mutated"), NEGATIVE[0], *NEGATIVE[2:]],
        comorbidities=[{"name": "diabetes", "hba1c": 8.4}],
    ),
    patient(  # rule 5: BRCA1/2 and PALB2 tested in the tumour only (germline_untested)
        biomarkers=[*NEGATIVE, *(result(g, "not_detected") for g in ("BRCA1", "BRCA2", "PALB2"))],
    ),
    patient(  # rule 74 (a CDK2-inhibitor trial with RB1 lost), rule 12's grade 1 neuropathy
        biomarkers=[*NEGATIVE, result("RB1", "loss"), result("CCNE1", "amplified")],
        comorbidities=[{"name": "neuropathy", "grade": 1}],
    ),
    patient(biomarkers=[result("PTEN", "loss", assay="ihc")], her2="unknown", ecog=3),
    patient(biomarkers=NEGATIVE, visceral_crisis=True, ecog=3),  # rule 13 in a crisis
    # rule 12 beside a grade 1 interstitial lung disease of no drug's (case 2226)
    patient(
        biomarkers=NEGATIVE,
        her2="low",
        comorbidities=[{"name": "interstitial_lung_disease", "grade": 1}],
    ),
    # rule 73 in a crisis before any endocrine therapy (case 2400)
    patient(biomarkers=NEGATIVE, visceral_crisis=True, her2="low", treatments=[]),
    patient(  # rule 13 at ECOG 3 after early resistance: the combinations with chemotherapy
        biomarkers=NEGATIVE, ecog=3, treatments=[dict(PALBOCICLIB, ended_on="2023-05-10")]
    ),
    patient(
        biomarkers=[result(g, "not_detected", assay="pcr") for g in ("PIK3CA", "AKT1", "PTEN")],
        her2="low",
        visceral_crisis=True,
        comorbidities=["diabetes", "interstitial_lung_disease", "neuropathy", "cytopenia"],
        treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
    ),
    patient(biomarkers=[*NEGATIVE, result("BRCA2", "mutated")], ecog=2, her2="ultralow"),
    patient(biomarkers=NEGATIVE, her2="0", treatments=[PALBOCICLIB, CAPECITABINE]),  # rule 55
    patient(biomarkers=NEGATIVE, her2="low", treatments=[PALBOCICLIB, CAPECITABINE]),  # rule 65
    patient(biomarkers=NEGATIVE, her2="unknown", treatments=[PALBOCICLIB, CAPECITABINE]),  # 72
    # rule 138: lines 1 and 3 on record, no line 2: record it before choosing (case 2599c)
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, dict(CAPECITABINE, line=3)]),
    # rule 30 under practice-2026: datopotamab deruxtecan past TROPION-Breast01's 1-2
    # chemotherapy lines, at best an alternative (case 2545)
    patient(
        biomarkers=NEGATIVE,
        her2="0",
        treatments=[
            dict(PALBOCICLIB, started_on="2022-01-10", ended_on="2023-01-20"),
            dict(CAPECITABINE, started_on="2023-02-01", ended_on="2024-01-20"),
            dict(CAPECITABINE, drugs=["paclitaxel"], line=3),
            dict(ERIBULIN, line=4),
        ],
    ),
    patient(biomarkers=[*NEGATIVE[:3], result("PTEN", "not_detected", assay="ihc")]),
    patient(biomarkers=[*NEGATIVE, result("BRCA1", "mutated", origin="germline")]),
    patient(  # BRCA1/2 and PALB2 tested in the germline only: the PARP inhibitors wait
        biomarkers=[
            *NEGATIVE,
            *(
                result(g, "not_detected", sample="blood", origin="germline")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ]
    ),
    patient(  # ... and BRCA1/2 in the tumour too: they are left out
        biomarkers=[
            *NEGATIVE,
            *(
                result(g, "not_detected", sample="blood", origin="germline")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
            *(result(g, "not_detected", sample="tissue") for g in ("BRCA1", "BRCA2")),
        ]
    ),
    patient(biomarkers=[result("CCNE1", "amplified")]),
    patient(schema_version=2, sex="male", biomarkers=NEGATIVE),
    patient(schema_version=2, menopausal_status="premenopausal", comorbidities=["long QT"]),
    patient(
        biomarkers=[
            result("ESR1", "mutated", tested_on="2024-01-01"),
            result("ESR1", "not_detected", tested_on="2026-04-10"),
        ]
    ),
    patient(treatments=[], biomarkers=[]),
    patient(
        schema_version=2,
        treatments=[
            dict(PALBOCICLIB, ended_on="2023-03-01", stop_reason="toxicity", toxicity="neutropenia")
        ],
        biomarkers=[
            result("PIK3CA", "mutated", tested_on="2021-01-01"),
            result("PIK3CA", "not_detected"),
        ],
    ),
    patient(
        treatments=[
            dict(PALBOCICLIB, ended_on="2023-04-01"),
            {
                "drugs": ["fulvestrant"],
                "started_on": "2023-05-01",
                "ended_on": "2024-01-01",
                "stop_reason": "progression",
            },
            {
                "drugs": ["everolimus", "exemestane"],
                "started_on": "2024-02-01",
                "ended_on": "2024-09-01",
                "stop_reason": "progression",
            },
            {
                "drugs": ["alpelisib", "fulvestrant"],
                "started_on": "2024-10-01",
                "ended_on": "2025-03-01",
                "stop_reason": "progression",
            },
        ],
        biomarkers=[result("ESR1", "not_detected")],
    ),
    patient(
        treatments=[
            {
                "drugs": ["doxorubicin"],
                "setting": "adjuvant",
                "started_on": "2021-01-01",
                "ended_on": "2021-06-01",
                "stop_reason": "completed",
            },
            dict(PALBOCICLIB, started_on="2021-09-01", ended_on="2022-01-01"),
        ],
        her2="low",
    ),
    # an ERBB2 amplification beside HER2 0 (rule 42), a tumour PALB2 and a BRCA2 loss (rule 26)
    patient(
        biomarkers=[
            *NEGATIVE,
            result("ERBB2", "amplified", sample="tissue"),
            result("PALB2", "mutated", sample="tissue"),
            result("BRCA2", "loss", sample="tissue"),
        ]
    ),
    # the PI3K pathway negative on a ctDNA draw that found nothing, ESR1 mutated on another
    # (rule 15's confirm_pathway_tissue)
    patient(biomarkers=[result("ESR1", "mutated", tested_on="2026-02-01"), *NEGATIVE[1:]]),
    # everolimus after an AKT inhibitor: the later line the review gives it (rule 11)
    patient(
        biomarkers=[result("PTEN", "loss")],
        treatments=[PALBOCICLIB, dict(FULVESTRANT, drugs=["capivasertib", "fulvestrant"])],
    ),
    # adjuvant abemaciclib recorded as ended in relapse, adjuvant letrozole after it (rule 47)
    patient(
        treatments=[
            dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"], setting="adjuvant"),
            dict(FULVESTRANT, drugs=["letrozole"], setting="adjuvant"),
        ]
    ),
    # palbociclib stopped for an adverse event the record does not name (rule 48), with
    # cytopenia on record (rule 12's caution for the CDK4/6 inhibitors)
    patient(
        schema_version=2,
        comorbidities=["cytopenia"],
        treatments=[
            dict(PALBOCICLIB, ended_on="2023-03-01", stop_reason="toxicity"),
            dict(FULVESTRANT, drugs=["letrozole"], started_on="2023-03-10"),
        ],
    ),
    # severe hepatic impairment (rule 51)
    patient(schema_version=2, comorbidities=[{"name": "hepatic_impairment", "child_pugh": "C"}]),
    # progression on palbociclib, then on ribociclib: a third CDK4/6 inhibitor (rule 8)
    patient(treatments=[PALBOCICLIB, dict(FULVESTRANT, drugs=["ribociclib", "fulvestrant"])]),
    # a germline BRCA2 mutation after progression on olaparib (rule 5: no second PARP inhibitor)
    patient(
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")],
        treatments=[PALBOCICLIB, dict(FULVESTRANT, drugs=["olaparib"])],
    ),
    # a germline BRCA2 mutation after capecitabine, eribulin and an ADC: past OlympiAD's lines,
    # which the PARP inhibitors' reasons say (rule 44; case 5742)
    patient(
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")],
        treatments=[
            PALBOCICLIB,
            CAPECITABINE,
            ERIBULIN,
            dict(ERIBULIN, drugs=["sacituzumab govitecan"], line=4, started_on="2026-03-25")
            | {"ended_on": "2026-05-01"},
        ],
    ),
    # first-line abemaciclib + letrozole ongoing, an ESR1 mutation on ctDNA (rules 53, 54), and
    # fulvestrant + palbociclib ongoing: outside SERENA-6 (rule 54, 8269)
    *(
        patient(
            biomarkers=[result("ESR1", "mutated")],
            treatments=[{"drugs": drugs, "started_on": start, "stop_reason": "ongoing"}],
        )
        for drugs, start in (
            (["abemaciclib", "letrozole"], "2024-05-01"),
            (["palbociclib", "fulvestrant"], "2025-06-01"),
        )
    ),
    # HER2-low, trastuzumab deruxtecan stopped for febrile neutropenia (rules 61, 161)
    _her2_low_third_line(
        "trastuzumab deruxtecan", stop_reason="toxicity", toxicity="febrile neutropenia"
    ),
    # a germline BRCA2 carrier, olaparib stopped for anaemia: talazoparib's caution (rule 61)
    patient(
        biomarkers=[*NEGATIVE, result("BRCA2", "mutated", origin="germline")],
        treatments=[
            PALBOCICLIB,
            dict(CAPECITABINE, drugs=["olaparib"], stop_reason="toxicity", toxicity="anaemia"),
        ],
    ),
    # Child-Pugh B, no crisis: is it one? (rule 51)
    patient(
        schema_version=2,
        biomarkers=NEGATIVE,
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "B"}],
    ),
    # no CDK4/6 inhibitor, PIK3CA mutated: FINER enrolled after one (rule 52)
    patient(
        biomarkers=[result("PIK3CA", "mutated")],
        treatments=[
            {
                "drugs": ["tamoxifen"],
                "setting": "adjuvant",
                "started_on": "2024-03-01",
                "ended_on": "2026-03-01",
                "stop_reason": "progression",
            }
        ],
    ),
    # the comorbidity cautions no scenario above shows (rule 12)
    patient(
        schema_version=2,
        her2="low",
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")],
        comorbidities=[
            "uncontrolled_hypertension",
            "cardiac_disease",
            "hepatic_impairment",
            "bradycardia",
            "inflammatory_bowel_disease",
            "renal_impairment",
        ],
    ),
    patient(  # rule 64: ESR1 tested on tissue only
        biomarkers=[on_tissue(r) for r in NEGATIVE],
    ),
    patient(  # rule 61: everolimus stopped for stomatitis, offered again
        biomarkers=NEGATIVE,
        treatments=[
            PALBOCICLIB,
            dict(
                second_line("everolimus", "exemestane"),
                stop_reason="toxicity",
                toxicity="stomatitis",
            ),
        ],
    ),
    patient(  # rule 93: fulvestrant's regimens after fulvestrant and elacestrant progressed on;
        # rule 11: ribociclib + exemestane after palbociclib and exemestane (nothing new)
        treatments=[
            PALBOCICLIB,
            second_line("fulvestrant"),
            dict(
                second_line("elacestrant"),
                line=3,
                started_on="2026-03-10",
                ended_on="2026-04-20",
            ),
            dict(
                second_line("exemestane"),
                line=4,
                started_on="2026-04-21",
                ended_on="2026-04-30",
            ),
        ],
    ),
    patient(  # rule 92: sacituzumab govitecan after trastuzumab deruxtecan
        her2="low",
        treatments=[PALBOCICLIB, second_line("trastuzumab deruxtecan")],
    ),
    patient(  # rule 151: trastuzumab deruxtecan after sacituzumab govitecan (case 4974)
        her2="low",
        treatments=[PALBOCICLIB, second_line("sacituzumab govitecan")],
    ),
    patient(  # rule 91: cytopenia after a PARP inhibitor
        schema_version=2,
        comorbidities=["cytopenia"],
        treatments=[PALBOCICLIB, second_line("olaparib")],
    ),
    patient(  # rule 90: a PIK3CA mutation outside alpelisib's companion test
        biomarkers=[result("PIK3CA", "mutated", sample="tissue", variant="N345K")],
    ),
    patient(  # rule 4: sacituzumab govitecan within its label, before TROPiCS-02's lines
        her2="low",
        treatments=[
            PALBOCICLIB,
            second_line("elacestrant"),
            dict(
                second_line("trastuzumab deruxtecan"),
                line=3,
                started_on="2026-03-10",
                ended_on="2026-04-20",
            ),
        ],
    ),
    patient(  # rule 63: goserelin, a course of its own, stopped before letrozole did
        schema_version=2,
        sex="female",
        menopausal_status="premenopausal",
        treatments=[
            {
                "drugs": ["goserelin"],
                "started_on": "2024-01-10",
                "ended_on": "2025-01-10",
                "stop_reason": "patient_choice",
            },
            PALBOCICLIB,
        ],
    ),
    patient(  # rule 104: capivasertib after two chemotherapy lines
        biomarkers=[result("AKT1", "mutated")],
        treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
    ),
    patient(  # rule 105: a germline BRCA1 carrier after progression on carboplatin
        biomarkers=[result("BRCA1", "mutated", origin="germline", sample="blood")],
        treatments=[PALBOCICLIB, dict(CAPECITABINE, drugs=["carboplatin", "gemcitabine"])],
    ),
    patient(  # rule 87: relapse during adjuvant abemaciclib + letrozole, 18 months in
        as_of="2026-10-15",
        treatments=[
            dict(
                adjuvant(["abemaciclib", "letrozole"], "2025-03-01", "2026-09-01"),
                stop_reason="progression",
            )
        ],
    ),
    patient(  # rule 95: insulin-treated diabetes above CAPItello-291's limit (case 998)
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]],
        comorbidities=[{"name": "diabetes", "hba1c": 9.0, "insulin": True}],
    ),
    patient(biomarkers=NEGATIVE, comorbidities=["hepatic_impairment"]),  # rule 51: no class
    patient(  # rule 94: relapse on adjuvant anastrozole after adjuvant abemaciclib (case 1021)
        biomarkers=NEGATIVE,
        treatments=[
            adjuvant(["abemaciclib", "anastrozole"], "2023-05-01", "2025-04-30"),
            dict(adjuvant(["anastrozole"], "2025-05-01", "2025-11-20"), stop_reason="progression"),
        ],
    ),
    patient(  # rule 49: a somatic BRCA2 mutation beside a PIK3CA mutation (case 1008)
        biomarkers=[
            result("BRCA2", "mutated", origin="somatic", sample="tissue"),
            result("PIK3CA", "mutated"),
            *(
                result(g, "wild_type", origin="germline", sample="blood")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ]
    ),
    patient(  # rule 133: trastuzumab emtansine on record, a drug for HER2-positive disease
        biomarkers=NEGATIVE,
        treatments=[dict(CAPECITABINE, drugs=["trastuzumab emtansine"]), PALBOCICLIB],
    ),
    patient(  # rules 134 and 135: a pregnancy on record (case 1877)
        biomarkers=NEGATIVE,
        menopausal_status="premenopausal",
        comorbidities=["pregnancy"],
    ),
    # rule 144: Child-Pugh C: endocrine monotherapy first (case 2811)
    patient(biomarkers=NEGATIVE, comorbidities=[{"name": "hepatic_impairment", "child_pugh": "C"}]),
    # rules 142 and 143: a drug known to prolong the QT interval on record (case 2799)
    patient(biomarkers=NEGATIVE, medications=["methadone 40 mg daily"]),
    patient(  # rule 143's review beside a prolonged QTc (5495), and rule 152 (eribulin)
        biomarkers=NEGATIVE, medications=["sotalol 80 mg"], comorbidities=["qtc_prolonged"]
    ),
    patient(  # rule 141: an earlier CDK4/6-inhibitor course ended, why not recorded (2907d)
        biomarkers=NEGATIVE,
        treatments=[dict(PALBOCICLIB, stop_reason="unknown"), CAPECITABINE],
    ),
    patient(  # rule 147: a CDK4/6 inhibitor recorded by its class alone (case 3140)
        biomarkers=NEGATIVE,
        treatments=[dict(PALBOCICLIB, drugs=["CDK4/6 inhibitor", "letrozole"])],
    ),
    patient(  # rule 21: two germline tests that disagree (case 1924)
        biomarkers=[
            *NEGATIVE,
            result("BRCA2", "mutated", origin="germline", tested_on="2021-03-01"),
            result("BRCA2", "not_detected", origin="germline", tested_on="2025-11-01"),
        ]
    ),
    patient(  # rule 150: a plasma PTEN variant at a germline allele fraction (case 4606a)
        biomarkers=[*NEGATIVE[:3], result("PTEN", "mutated", variant="p.Arg130Ter VAF 50%")]
    ),
    patient(  # rule 157: relapse on adjuvant tamoxifen, abemaciclib + letrozole (7272)
        biomarkers=NEGATIVE,
        treatments=[adjuvant(["tamoxifen"], "2023-08-01", "2025-12-10", "progression")],
    ),
    patient(  # rule 21: a germline PTEN variant beside the tumour's PTEN negative (session 57)
        biomarkers=[
            *NEGATIVE,
            result("PTEN", "not_detected", sample="tissue"),
            result("PTEN", "mutated", origin="germline", classification="pathogenic"),
        ]
    ),
    # rule 158: tests pending after two chemotherapy lines (case 7603)
    patient(biomarkers=[], treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN]),
    # rule 159: elacestrant past EMERALD's chemotherapy lines (case 7616)
    patient(
        biomarkers=[result("ESR1", "mutated", tested_on="2026-04-01")],
        treatments=[PALBOCICLIB, CAPECITABINE, ERIBULIN],
    ),
    # rule 160: a grade 1 lung disease beside HER2-low disease, its course unknown (7888)
    patient(
        her2="low",
        biomarkers=NEGATIVE,
        comorbidities=[{"name": "interstitial_lung_disease", "grade": 1}],
        treatments=[PALBOCICLIB, CAPECITABINE],
    ),
]
#: scenarios whose rules read the preferences: (profile, preferences)
PREFERRING: list[tuple[dict[str, Any], dict[str, Any]]] = [
    (patient(biomarkers=NEGATIVE), {"declines": ["intravenous"]}),  # rule 110 (case 1000)
    (patient(biomarkers=NEGATIVE), {"declines_kinds": ["chemotherapy"]}),  # rule 128 (1696)
    (patient(biomarkers=NEGATIVE), {"declines_transfusion": True}),  # rule 131 (case 1776)
    (  # rules 110 (capecitabine held back) and 156: a crisis, infusions declined (7290r)
        patient(
            biomarkers=NEGATIVE,
            visceral_crisis=True,
            comorbidities=[{"name": "renal_impairment", "creatinine_clearance": 24}],
        ),
        {"declines": ["intravenous"]},
    ),
]


def _golden(path: Path) -> resistx.Plan:
    data = json.loads(path.read_text())
    data.setdefault("library_version", resistx.__version__)
    return resistx.from_dict(resistx.Plan, data)


def _plans() -> list[resistx.Plan]:
    return [resistx.sequence(s) for s in SCENARIOS] + [
        resistx.sequence(s, prefs) for s, prefs in PREFERRING
    ]


def _said(p: resistx.Plan) -> list[tuple[int | None, str]]:
    out: list[tuple[int | None, str]] = []
    for o in p.options:
        out += [(r.rule, r.code) for r in o.reasons] + [(c.rule, c.code) for c in o.cautions]
    out += [(r.rule, r.code) for e in p.excluded for r in e.reasons]
    out += [(a.rule, a.code) for a in p.actions]
    return out


def test_every_code_in_a_plan_is_one_its_rule_declares() -> None:
    for p in _plans():
        for number, code in _said(p):
            assert number in BY_NUMBER, (number, code)
            assert code in BY_NUMBER[number].codes, (number, code)


def _plan_level() -> list[tuple[Rule, Any, resistx.Plan]]:
    """Each plan-level rule's effects over every scenario, with the scenario's plan (the facts
    as the engine reads them: an ongoing course as progressed, rule 53)."""
    from resistx.io.profile import load_preferences  # noqa: PLC0415
    from resistx.sequencing.patient import for_progression  # noqa: PLC0415

    ctx, _memo = engine.memo_for(YE2024, YE2024.default_evidence())
    found = []
    for data, prefs in (*((s, None) for s in SCENARIOS), *PREFERRING):
        facts = for_progression(resistx.load_profile(data), load_preferences(prefs))
        plan = resistx.sequence(data, prefs)
        for r in RULES:
            found += [(r, e, plan) for e in (r.plan(facts, ctx) if r.plan is not None else ())]
    return found


def test_an_action_the_engine_puts_first_is_marked_before_choosing_in_the_plan() -> None:
    """The views put an action before the options on the plan's own mark
    (``Action.before_choosing``), which is the rule's ``first``: no list kept beside the rules
    can drift from them (a hand-kept one did, and a HER2-ultralow question and a VUS
    classification that could change what is preferred went after the options)."""
    found = 0
    for r, e, plan in _plan_level():
        kinds, ids = {o.regimen.kind for o in plan.options}, {o.regimen.id for o in plan.options}
        if e.note or (e.kinds and not e.kinds & kinds) or (e.regimens and not e.regimens & ids):
            continue  # a note, or about options the plan does not hold: not said
        [action] = [a for a in plan.actions if a.code == e.code and a.text == e.text]
        # or, with nothing preferred, a test that could still make an option so (5238)
        promoted = not any(o.tier is resistx.Tier.PREFERRED for o in plan.options) and (
            e.code in TESTS_WHEN_NOTHING_PREFERRED
        )
        if e.first or not promoted:  # a promoted one may stay after for a later line
            assert action.before_choosing is e.first, (r.number, e.code)
        found += e.first
    assert found


def test_every_plan_level_effect_is_a_code_its_rule_declares_and_a_note_names_its_rule() -> None:
    """Actions carry their rule and code in the plan; a note is text, so the rule's number is
    written into it. Both are checked at the rule units, over every scenario."""
    spoke = set()
    for r, e, plan in _plan_level():
        assert e.code in r.codes, (r.number, e.code)
        spoke.add(r.number)
        if e.note:
            assert f"{e.text} (rule {r.number})" in plan.notes
    assert 21 in spoke


def test_every_rule_speaks_in_its_scenarios_and_every_code_is_emitted() -> None:
    emitted: dict[int, set[str]] = {}
    plans = _plans() + [_golden(p) for p in (ROOT / "examples" / "expected").glob("*.json")]
    for p in plans:
        for number, code in _said(p):
            assert number is not None
            emitted.setdefault(number, set()).add(code)
    for r, e, _plan in _plan_level():  # notes are text in a plan: their codes come from here
        emitted.setdefault(r.number, set()).add(e.code)
    assert sorted(emitted) == sorted(BY_NUMBER)
    # a rule both policies run may have a code only the newer regimens call for (rule 1's
    # oral SERD with a CDK4/6 inhibitor): the same scenarios under practice-2026 say it
    for p in (resistx.sequence(s, policy="practice-2026") for s in SCENARIOS):
        for number, code in _said(p):
            if number in emitted:
                emitted[number].add(code)
    optional = {"randomised_harm"}  # no treatment comparison in the review shows significant harm
    for number, rule in BY_NUMBER.items():
        missing = set(rule.codes) - emitted[number] - optional
        assert not missing, (number, missing)


def test_every_reason_caution_exclusion_and_action_of_every_golden_plan_names_its_rule() -> None:
    for path in (ROOT / "examples" / "expected").glob("*.json"):
        plan = _golden(path)
        assert all(number is not None for number, _ in _said(plan)), path.name
        assert plan.policy.name == "ye2024"


def test_the_rule_numbers_are_unique_and_each_rule_sits_in_one_factor_or_the_plan() -> None:
    assert len(BY_NUMBER) == len(RULES)
    for r in RULES:
        assert (r.assess is None) != (r.plan is None), r.number
        assert (r.factor is None) == (r.plan is not None)


def test_every_factor_has_a_fallback_so_each_option_has_a_reason_per_factor() -> None:
    for p in _plans():
        for o in p.options:
            assert {r.factor for r in o.reasons} == set(Factor), o.regimen.id


# -- the memo -------------------------------------------------------------------------------


#: two patients after three endocrine lines, one with ESR1 and the PI3K pathway untested, one
#: tested negative since the progression: only ``HistoryInputs.targets_untested`` tells them
#: apart (rule 22's wording), and random neighbours seldom reach the pair
_UNTESTED_AND_TESTED = [
    patient(as_of="2025-10-01", treatments=THREE_ENDOCRINE_LINES),
    patient(
        as_of="2025-10-01",
        treatments=THREE_ENDOCRINE_LINES,
        biomarkers=[dict(r, tested_on="2025-09-10") for r in NEGATIVE],
    ),
]


#: two patients with an ESR1 mutation, one 8 months on palbociclib, one with the course's
#: length unknown: only ``MolecularInputs.cdk46i_under_12_months`` tells them apart (rule 28's
#: sentence under practice-2026)
_SHORT_AND_UNKNOWN = [
    patient(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
        treatments=[dict(PALBOCICLIB, started_on="2024-07-01", ended_on="2025-03-01")],
    ),
    patient(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
        treatments=[{k: v for k, v in PALBOCICLIB.items() if k not in ("started_on", "ended_on")}],
    ),
]


#: a PIK3CA mutation beside diabetes at an HbA1c of 9.0% and of 7.0%: the molecular Inputs'
#: ``pathway_unusable`` ("glucose") tells them apart (case 7846)
_GLUCOSE_HIGH_AND_LOW = [
    patient(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]],
        comorbidities=[{"name": "diabetes", "hba1c": hba1c, "insulin": False}],
    )
    for hba1c in (9.0, 7.0)
]


#: HER2-low after capecitabine, then progression on trastuzumab deruxtecan or on sacituzumab
#: govitecan: the efficacy Inputs' ``after_tdxd`` tells them apart (7990: DESTINY-Breast04's
#: control arm no longer chemotherapy's evidence)
_AFTER_TDXD_AND_SG = [
    _her2_low_third_line(adc) for adc in ("trastuzumab deruxtecan", "sacituzumab govitecan")
]

#: an ESR1 mutation after imlunestrant, with and without an ESR1 negative from its work-up: the
#: molecular Inputs' ``esr1_arose_on`` tells them apart (8146)
_ESR1_AROSE_AND_ACTED = [
    patient(
        biomarkers=[
            *extra,
            result("ESR1", "mutated", tested_on="2026-04-10"),
            *(
                result(g, "not_detected", tested_on="2026-04-10")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        treatments=[
            PALBOCICLIB,
            dict(
                CAPECITABINE, drugs=["imlunestrant"], started_on="2025-04-01", ended_on="2026-03-30"
            ),
        ],
    )
    for extra in ([result("ESR1", "not_detected", tested_on="2025-03-20")], [])
]


#: ESR1 found only as a variant of uncertain significance, and ESR1 not detected: the same
#: absence for the ranking, worded apart (MolecularInputs.esr1_vus)
_VUS_AND_NEGATIVE = [
    patient(
        biomarkers=[
            result("ESR1", "mutated", variant="E380Q", classification="vus"),
            *NEGATIVE[1:],
        ],
        treatments=[PALBOCICLIB],
    ),
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB]),
]


#: adjuvant letrozole or tamoxifen, long completed, then palbociclib + fulvestrant: their
#: history Inputs differ only in ``aromatase_inhibitors_given`` (rule 96: everolimus +
#: exemestane after no non-steroidal one; rule 35: EMBER-3's population)
_AI_AND_NONE = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            adjuvant([drug], "2014-01-01", "2019-01-01"),
            dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"]),
        ],
    )
    for drug in ("letrozole", "tamoxifen")
]


#: palbociclib + fulvestrant, then elacestrant for 4 or for 15 months: their history Inputs
#: differ in ``degraders_failed`` (rule 93: a second degrader that failed quickly)
_SHORT_AND_LONG_DEGRADER = [
    patient(
        as_of="2026-06-01",
        biomarkers=[result("PIK3CA", "mutated", sample="tissue"), *NEGATIVE[:1]],
        treatments=[
            dict(PALBOCICLIB, drugs=["palbociclib", "fulvestrant"]),
            dict(second_line("elacestrant"), started_on=start, ended_on="2026-05-01"),
        ],
    )
    for start in ("2026-01-01", "2025-04-01")
]

#: second-line elacestrant ongoing, and the same course ended in progression at the plan's
#: date: the options read both as progressed (rule 53); only ``HistoryInputs.current`` tells
#: them apart (rule 11's words for the current treatment)
_ELACESTRANT = {"drugs": ["elacestrant"], "line": 2, "started_on": "2025-04-01"}
_ONGOING_AND_ENDED = [
    patient(treatments=[PALBOCICLIB, dict(_ELACESTRANT, stop_reason="ongoing")]),
    patient(
        treatments=[
            PALBOCICLIB,
            dict(_ELACESTRANT, stop_reason="progression", ended_on="2026-05-01"),
        ]
    ),
]


#: germline BRCA2 with and without adjuvant chemotherapy long before: only
#: ``MolecularInputs.chemotherapy_ever`` tells them apart (olaparib's label, rule 44)
_BRCA2 = [*NEGATIVE, result("BRCA2", "mutated", origin="germline", sample="blood")]
_CHEMOTHERAPY_AND_NONE = [
    patient(biomarkers=_BRCA2),
    patient(
        biomarkers=_BRCA2,
        treatments=[
            adjuvant(["doxorubicin", "cyclophosphamide"], "2015-01-01", "2015-04-01"),
            PALBOCICLIB,
        ],
    ),
]


#: ESR1 mutated, the pathway negative, second-line elacestrant or fulvestrant: only
#: ``MolecularInputs.targets_acted_on`` tells their molecular factor apart (rule 6: after the
#: oral SERD no definite target remains)
_ESR1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
_SERD_AND_FULVESTRANT = [
    patient(as_of="2026-06-01", biomarkers=_ESR1, treatments=[PALBOCICLIB, second_line(drug)])
    for drug in ("elacestrant", "fulvestrant")
]


#: after capivasertib and everolimus (two endocrine lines after the CDK4/6 inhibitor), PIK3CA
#: mutated, ESR1 not mutated or mutated: their history Inputs differ only in
#: ``HistoryInputs.endocrine_targets_left`` (rule 22: an oral SERD is still to come for one)
_LATER_LINES = [
    PALBOCICLIB,
    second_line("capivasertib", "fulvestrant"),
    dict(
        second_line("everolimus", "exemestane"),
        line=3,
        started_on="2026-03-10",
        ended_on="2026-04-20",
    ),
]
_ACTED_AND_LEFT = [
    patient(
        biomarkers=[result("PIK3CA", "mutated"), result("ESR1", status)],
        treatments=_LATER_LINES,
    )
    for status in ("not_detected", "mutated")
]


#: palbociclib with exemestane or with anastrozole (both aromatase inhibitors, neither in
#: ``progressed_drugs`` nor a course holding a regimen of the table): their history Inputs
#: differ only in ``HistoryInputs.outside_maintain`` (rule 8: MAINTAIN's partner)
_EXEMESTANE_AND_ANASTROZOLE = [
    patient(treatments=[dict(PALBOCICLIB, drugs=["palbociclib", partner])])
    for partner in ("exemestane", "anastrozole")
]


#: premenopausal, the first line with goserelin or without: their balance Inputs differ only in
#: ``BalanceInputs.suppression_on_record`` (rule 40: continue it)
_GOSERELIN_AND_NONE = [
    patient(menopausal_status="premenopausal", treatments=[dict(PALBOCICLIB, drugs=drugs)])
    for drugs in (["palbociclib", "letrozole", "goserelin"], ["palbociclib", "letrozole"])
]


#: palbociclib with fulvestrant or with tamoxifen: their efficacy Inputs differ only in
#: ``EfficacyInputs.outside_maintain`` (MAINTAIN's figures for ribociclib + fulvestrant; with
#: letrozole, postMONARCH's population would part them too)
_FULVESTRANT_AND_TAMOXIFEN = [
    patient(treatments=[dict(PALBOCICLIB, drugs=["palbociclib", partner])])
    for partner in ("fulvestrant", "tamoxifen")
]


#: a second line of everolimus + exemestane stopped for stomatitis or for rash: their history
#: Inputs differ only in ``HistoryInputs.other_toxicity_stops`` (rule 61 names the event)
_STOMATITIS_AND_RASH = [
    patient(
        treatments=[
            PALBOCICLIB,
            dict(second_line("everolimus", "exemestane"), stop_reason="toxicity", toxicity=event),
        ]
    )
    for event in ("stomatitis", "rash")
]

#: postMONARCH's population (``EfficacyInputs`` and ``HistoryInputs.postmonarch_population``):
#: palbociclib with letrozole (its figures score abemaciclib + fulvestrant under practice-2026,
#: rule 37 gains) or with tamoxifen (not), after an adjuvant aromatase inhibitor either way, so
#: that the history Inputs differ in that field alone
_LETROZOLE_AND_TAMOXIFEN = [
    patient(
        treatments=[
            adjuvant(["letrozole"], "2015-01-01", "2020-01-01"),
            dict(PALBOCICLIB, drugs=["palbociclib", partner]),
        ]
    )
    for partner in ("letrozole", "tamoxifen")
]

#: MolecularInputs.esr1_tissue_only: the ESR1 negative from tissue or from ctDNA (the oral
#: SERDs' exclusion under practice-2026 says a ctDNA test is asked, rule 64)
_TISSUE_AND_CTDNA = [
    patient(
        biomarkers=[on_tissue(NEGATIVE[0]) if sample == "tissue" else NEGATIVE[0], *NEGATIVE[1:]]
    )
    for sample in ("tissue", "ctdna")
]

#: HistoryInputs.ai_resistant: adjuvant anastrozole ending 10 or 14 months before first-line
#: tamoxifen (no CDK4/6 inhibitor: rule 19 reads it; case 483)
_ANASTROZOLE_10_AND_14_MONTHS = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            adjuvant(["anastrozole"], "2018-01-01", end),
            dict(PALBOCICLIB, drugs=["tamoxifen"], started_on="2024-03-01"),
        ],
    )
    for end in ("2023-05-01", "2023-01-01")
]

#: HistoryInputs.ai_end_unknown: adjuvant letrozole with abemaciclib, relapse now, recorded
#: with no dates or dated years before (rules 19 and 123; case 1455)
_ADJUVANT_AI_UNDATED_AND_DATED = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[
            ADJUVANT_AI_UNDATED,
            adjuvant(["abemaciclib", "letrozole"], "2019-01-10", "2021-01-10"),
        ][k : k + 1],
    )
    for k in (0, 1)
]


#: MolecularInputs.early_adjuvant_relapse_unknown: a PIK3CA mutation after adjuvant letrozole,
#: nothing yet for metastatic disease, undated or dated years before (rule 31; case 1457)
_PIK3CA_AFTER_ADJUVANT_UNDATED_AND_DATED = [
    dict(p, biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]])
    for p in _ADJUVANT_AI_UNDATED_AND_DATED
]


#: HistoryInputs.endocrine_progressed: tamoxifen for metastatic disease, stopped for progression
#: or for another reason (rule 19: the first-line trials enrolled no one treated for advanced
#: disease; case 492); nothing else in any Inputs tells the two apart
_TAMOXIFEN_PROGRESSED_AND_STOPPED = [
    patient(
        biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, drugs=["tamoxifen"], stop_reason=stop)]
    )
    for stop in ("progression", "other")
]


#: MolecularInputs.brca_origin_unknown: a tumour BRCA1 mutation with a germline BRCA1 negative
#: on record or none (talazoparib waits on the germline test, and olaparib's reason says so)
_BRCA1_SOMATIC_AND_UNKNOWN = [
    patient(
        biomarkers=[
            *NEGATIVE,
            result("BRCA1", "mutated", sample="tissue"),
            *germline,
        ]
    )
    for germline in ([result("BRCA1", "not_detected", sample="blood", origin="germline")], [])
]


#: MolecularInputs.pam_ctdna_only: ESR1 mutated with the PI3K pathway not detected, the pathway
#: negatives from ctDNA or from tissue (alpelisib waits on tissue, or is left out)
_PATHWAY_PLASMA_AND_TISSUE = [
    patient(
        biomarkers=[
            result("ESR1", "mutated", variant="Y537S"),
            *(r if sample == "ctdna" else on_tissue(r) for r in NEGATIVE[1:]),
        ]
    )
    for sample in ("ctdna", "tissue")
]


#: MolecularInputs.akt_pathway_unconfirmed: a PTEN loss on ctDNA only (capivasertib waits on
#: tissue, case 509) or on tissue
_PTEN_PLASMA_AND_TISSUE = [
    patient(biomarkers=[result("PTEN", "loss", sample=sample), *NEGATIVE[:3]])
    for sample in ("ctdna", "tissue")
]


#: MolecularInputs.germline_untested: BRCA1/2 not detected in plasma and in the germline,
#: PALB2 in plasma only or in the germline too (the PARP inhibitors wait on the germline
#: PALB2 test, case 510)
_HRD = [
    result(g, "not_detected", **kw)
    for g in ("BRCA1", "BRCA2")
    for kw in ({}, {"origin": "germline", "sample": "blood"})
]
_HRD_PLASMA_AND_GERMLINE = [
    patient(biomarkers=[*NEGATIVE, *_HRD, *palb2])
    for palb2 in (
        [result("PALB2", "not_detected")],
        [
            result("PALB2", "not_detected"),
            result("PALB2", "not_detected", origin="germline", sample="blood"),
        ],
    )
]


#: HistoryInputs.targets_untested: HER2-ultralow after one endocrine line of 11 months, ESR1
#: and the PI3K pathway untested or tested (rule 58 caps trastuzumab deruxtecan, case 513)
_UNTESTED_AND_TESTED_ULTRALOW = [
    patient(
        her2="ultralow",
        biomarkers=biomarkers,
        treatments=[dict(PALBOCICLIB, started_on="2024-04-20", ended_on="2025-03-20")],
    )
    for biomarkers in ([], NEGATIVE)
]


#: MolecularInputs.platinum_resistant: a germline BRCA1 carrier after carboplatin or after
#: paclitaxel, each with gemcitabine (rule 105, case 907)
_PLATINUM_AND_TAXANE = [
    patient(
        biomarkers=[result("BRCA1", "mutated", origin="germline", sample="blood")],
        treatments=[PALBOCICLIB, dict(CAPECITABINE, drugs=[drug, "gemcitabine"])],
    )
    for drug in ("carboplatin", "paclitaxel")
]


#: HistoryInputs.not_yet_approved: ECOG 3 a day either side of vepdegestrant's approval
#: (rule 13, case 901)
_ECOG_3_ACROSS_AN_APPROVAL = [
    patient(schema_version=2, ecog=3, as_of=day) for day in ("2026-04-30", "2026-05-02")
]


#: MolecularInputs.endocrine_progressed: HER2-ultralow after capecitabine, then tamoxifen that
#: progressed or was stopped (rule 29, case 894)
_ULTRALOW_ENDOCRINE_PROGRESSED_AND_STOPPED = [
    patient(
        her2="ultralow",
        as_of="2026-05-01",
        treatments=[
            dict(CAPECITABINE, line=1, started_on="2024-04-01"),
            dict(
                CAPECITABINE,
                drugs=["tamoxifen"],
                line=2,
                started_on="2025-04-02",
                ended_on="2025-08-01",
                stop_reason=stop,
            ),
        ],
    )
    for stop in ("progression", "patient_choice")
]


#: MolecularInputs.postmonarch_population: under 12 months of palbociclib with letrozole
#: (postMONARCH's population) or with tamoxifen, nothing actionable (rule 6 under
#: practice-2026, case 870)
_LETROZOLE_AND_TAMOXIFEN_PARTNER = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[dict(PALBOCICLIB, drugs=["palbociclib", partner], started_on="2024-07-01")],
    )
    for partner in ("letrozole", "tamoxifen")
]


#: HistoryInputs.parp_targets: HER2-low after one endocrine line, a germline BRCA2 or PALB2
#: mutation (the PARP inhibitor before trastuzumab deruxtecan for BRCA1/2 only: rule 58, case
#: 1048; the parts of both plans the other Inputs hold are the same)
_GERMLINE_BRCA2_AND_PALB2 = [
    patient(
        her2="low",
        biomarkers=[*NEGATIVE, result(gene, "mutated", origin="germline", sample="blood")],
        treatments=[PALBOCICLIB],
    )
    for gene in ("BRCA2", "PALB2")
]


#: EfficacyInputs.had_cdk46i: letrozole to progression with no CDK4/6 inhibitor ever, or after
#: palbociclib stopped for toxicity (everolimus's evidence: ref 47's arm and BOLERO-2 for the
#: first only; cases 1157, 1171)
_NO_CDK46I_AND_STOPPED_FOR_TOXICITY = [
    patient(biomarkers=NEGATIVE, treatments=[*before, dict(PALBOCICLIB, drugs=["letrozole"])])
    for before in (
        [],
        [dict(PALBOCICLIB, started_on="2022-06-01", ended_on="2022-12-20", stop_reason="toxicity")],
    )
]


#: MolecularInputs.pathway_unusable: a PIK3CA mutation the only target, with diabetes needing
#: insulin or not (no usable target, rule 6; case 1035)
_PIK3CA_WITH_INSULIN_AND_WITHOUT = [
    patient(
        schema_version=2,
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]],
        treatments=[PALBOCICLIB],
        comorbidities=[{"name": "diabetes", "insulin": insulin}],
    )
    for insulin in (True, False)
]


#: HistoryInputs.cdk46i_stop_unknown: the CDK4/6-inhibitor course ended for a reason not
#: recorded, or by the patient's choice; nothing else in the Inputs differs (rule 146; 2923b)
_UNEXPLAINED_AND_BY_CHOICE = [
    patient(biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, stop_reason=stop)])
    for stop in ("unknown", "patient_choice")
]


#: HistoryInputs.lines_missing: capecitabine numbered line 2, or line 3 with no line 2 on
#: record; nothing else in the Inputs differs (rule 140; case 2680b)
_LINES_IN_ORDER_AND_WITH_A_GAP = [
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB, dict(CAPECITABINE, line=line)])
    for line in (2, 3)
]


#: HistoryInputs.endocrine_targets_found: after elacestrant and alpelisib + fulvestrant, ESR1
#: and PIK3CA found, or PIK3CA alone; the history Inputs differ in nothing else (rule 22's
#: reason names the targets found; case 2713j)
_TWO_TARGETS_AND_ONE_ACTED_ON = [
    patient(
        biomarkers=[
            result("ESR1", esr1),
            result("PIK3CA", "mutated"),
            *[r for r in NEGATIVE if r["gene"] in ("AKT1", "PTEN")],
        ],
        treatments=[
            PALBOCICLIB,
            {
                "drugs": ["elacestrant"],
                "line": 2,
                "started_on": "2025-04-01",
                "ended_on": "2025-09-01",
                "stop_reason": "progression",
            },
            {
                "drugs": ["alpelisib", "fulvestrant"],
                "line": 3,
                "started_on": "2025-09-10",
                "ended_on": "2026-03-01",
                "stop_reason": "progression",
            },
        ],
    )
    for esr1 in ("mutated", "not_detected")
]


#: BalanceInputs.qt_prolonging: methadone, known to prolong the QT interval, or sertraline,
#: not read; nothing else in the Inputs differs (rule 142; case 2799)
_QT_DRUG_AND_ANOTHER = [
    patient(biomarkers=NEGATIVE, medications=[medication])
    for medication in ("methadone 40 mg daily", "sertraline 50 mg")
]


#: HistoryInputs.premenopausal: no treatment yet, before or after the menopause (MONALEESA-7
#: puts first-line ribociclib first before it, case 566)
_PREMENOPAUSAL_AND_POST = [
    patient(schema_version=2, sex="female", menopausal_status=status, treatments=[])
    for status in ("premenopausal", "postmenopausal")
]


#: MolecularInputs.tdxd_ruled_out: HER2-low after one chemotherapy line, with interstitial lung
#: disease or without (chemotherapy at best an alternative to trastuzumab deruxtecan, rule 65)
_LUNGS_AND_NONE = [
    patient(
        her2="low",
        comorbidities=comorbidities,
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB, CAPECITABINE],
    )
    for comorbidities in (["interstitial_lung_disease"], [])
]


#: HistoryInputs.progressed_aromatase_inhibitors: after abemaciclib + letrozole, anastrozole
#: or exemestane alone progressed on (ribociclib + exemestane names exemestane, rule 11)
_ANASTROZOLE_AND_EXEMESTANE = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[dict(PALBOCICLIB, drugs=["abemaciclib", "letrozole"]), second_line(ai)],
    )
    for ai in ("anastrozole", "exemestane")
]


#: MolecularInputs.destiny_breast06_entry: HER2-low, first-line palbociclib + letrozole for
#: 5 or 7 months (within DESTINY-Breast06's entry or not; rule 68 under practice-2026)
_FIVE_AND_SEVEN_MONTHS = [
    patient(her2="low", biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, started_on=start)])
    for start in ("2024-10-10", "2024-08-10")
]


#: MolecularInputs.maintain_switch: first-line palbociclib with letrozole or with fulvestrant,
#: nothing actionable (MAINTAIN's partner, fulvestrant or exemestane, is rule 6's exception)
_LETROZOLE_AND_FULVESTRANT_FIRST = [
    patient(biomarkers=NEGATIVE, treatments=[dict(PALBOCICLIB, drugs=["palbociclib", partner])])
    for partner in ("letrozole", "fulvestrant")
]

#: HistoryInputs.no_endocrine_therapy: adjuvant chemotherapy, with adjuvant tamoxifen or
#: without, a PIK3CA mutation (capivasertib at best a later option without it, rule 69)
_TAMOXIFEN_AND_NONE = [
    patient(
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[2:]],
        treatments=[
            adjuvant(["doxorubicin", "cyclophosphamide"], "2015-01-10", "2015-04-10"),
            *tamoxifen,
        ],
    )
    for tamoxifen in ([adjuvant(["tamoxifen"], "2015-05-10", "2020-05-10")], [])
]


#: MolecularInputs.pathway_held_back: ESR1 and PIK3CA mutations after 10 months of palbociclib,
#: at ECOG 1 or 3 (no oral SERD put after a pathway inhibitor held back: case 1208; ECOG is no
#: other field of the molecular Inputs)
_ESR1_PIK3CA_AT_ECOG_1_AND_3 = [
    patient(
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated"), *NEGATIVE[2:]],
        treatments=[dict(PALBOCICLIB, started_on="2024-05-20")],
        ecog=ecog,
    )
    for ecog in (1, 3)
]


#: BalanceInputs.strong_cyp3a: after palbociclib, nothing actionable, on itraconazole or not
#: (the drugs whose labels advise against it later, rule 115; case 1210)
_ITRACONAZOLE_AND_NONE = [
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB], medications=medications)
    for medications in (["itraconazole"], [])
]


#: BalanceInputs.moderate_cyp3a: an ESR1 mutation after palbociclib, on diltiazem or not
#: (elacestrant later beside it, rule 153; case 6933)
_DILTIAZEM_AND_NONE = [
    patient(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
        treatments=[PALBOCICLIB],
        medications=medications,
    )
    for medications in (["diltiazem"], [])
]


#: BalanceInputs.vitamin_k_antagonist: after palbociclib, nothing actionable, on warfarin or not
#: (capecitabine's INR caution on chemotherapy, rule 132; case 1799)
_WARFARIN_AND_NONE = [
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB], medications=medications)
    for medications in (["warfarin"], [])
]


#: BalanceInputs.leptomeningeal_not_crisis: after palbociclib, nothing actionable, with
#: leptomeningeal disease or bone metastases (nothing preferred then, rule 121; case 1309)
_LEPTOMENINGEAL_AND_BONE = [
    patient(biomarkers=NEGATIVE, treatments=[PALBOCICLIB], metastatic_sites=[site])
    for site in ("leptomeningeal", "bone")
]


#: BalanceInputs.liver_dysfunction: after palbociclib, nothing actionable, hepatic impairment
#: of no recorded cause beside liver or bone metastases (rule 129; case 1713): the two differ in
#: the balance Inputs by that field alone
_LIVER_FAILING_AND_CIRRHOSIS = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB],
        metastatic_sites=[site],
        comorbidities=[{"name": "hepatic_impairment", "child_pugh": "A"}],
    )
    for site in ("liver", "bone")
]


#: BalanceInputs.visceral_crisis: after palbociclib, nothing actionable, a grade 4 cytopenia
#: with a visceral crisis or without (rule 111 does not cap chemotherapy in one; case 1395)
_GRADE_4_CRISIS_AND_NONE = [
    patient(
        biomarkers=NEGATIVE,
        treatments=[PALBOCICLIB],
        comorbidities=[{"name": "thrombocytopenia", "grade": 4}],
        visceral_crisis=crisis,
    )
    for crisis in (True, False)
]


#: MolecularInputs.er_low: an ESR1 mutation after 7 months of palbociclib (no endocrine
#: sensitivity to tell them apart), ER positive or ER-low (rule 114; case 1218)
_ER_POSITIVE_AND_LOW = [
    patient(
        biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
        treatments=[dict(PALBOCICLIB, started_on="2024-08-10")],
        hormone_receptor=receptor,
    )
    for receptor in ("positive", "low")
]


#: a relapse 11 months after adjuvant letrozole, its date recorded or not, a board 12.3 months
#: after letrozole ended (case 1553: INAVO120's population turns on it)
_RELAPSE_DATED_AND_NOT = [
    patient(
        as_of="2026-12-03",
        biomarkers=[result("PIK3CA", "mutated"), *NEGATIVE[:1]],
        treatments=[
            ADJUVANT_LETROZOLE_ENDED,
        ],
        **dated,
    )
    for dated in ({"relapsed_on": "2026-10-28"}, {})
]


#: cardiac disease with a reduced LVEF and a preserved one (rule 126; case 1618)
_LVEF_40_AND_55 = [
    patient(biomarkers=NEGATIVE, her2="low", comorbidities=[{"name": "cardiac_disease", "lvef": f}])
    for f in (40, 55)
]


@given(strategies.neighbour_profiles(), st.randoms(use_true_random=False))
@example(_RELAPSE_DATED_AND_NOT, random.Random(0))
@example(_LVEF_40_AND_55, random.Random(0))
@example(_LEPTOMENINGEAL_AND_BONE, random.Random(0))
@example(_LIVER_FAILING_AND_CIRRHOSIS, random.Random(0))
@example(_GRADE_4_CRISIS_AND_NONE, random.Random(0))
@example(_ER_POSITIVE_AND_LOW, random.Random(0))
@example(_ITRACONAZOLE_AND_NONE, random.Random(0))
@example(_WARFARIN_AND_NONE, random.Random(0))
@example(_DILTIAZEM_AND_NONE, random.Random(0))
@example(_ESR1_PIK3CA_AT_ECOG_1_AND_3, random.Random(0))
@example(_PTEN_PLASMA_AND_TISSUE, random.Random(0))
@example(_UNTESTED_AND_TESTED_ULTRALOW, random.Random(0))
@example(_PREMENOPAUSAL_AND_POST, random.Random(0))
@example(_HRD_PLASMA_AND_GERMLINE, random.Random(0))
@example(_LETROZOLE_AND_FULVESTRANT_FIRST, random.Random(0))
@example(_TAMOXIFEN_AND_NONE, random.Random(0))
@example(_FIVE_AND_SEVEN_MONTHS, random.Random(0))
@example(_ANASTROZOLE_AND_EXEMESTANE, random.Random(0))
@example(_LUNGS_AND_NONE, random.Random(0))
@example(_TISSUE_AND_CTDNA, random.Random(0))
@example(_PATHWAY_PLASMA_AND_TISSUE, random.Random(0))
@example(_BRCA1_SOMATIC_AND_UNKNOWN, random.Random(0))
@example(_TAMOXIFEN_PROGRESSED_AND_STOPPED, random.Random(0))
@example(_ANASTROZOLE_10_AND_14_MONTHS, random.Random(0))
@example(_ADJUVANT_AI_UNDATED_AND_DATED, random.Random(0))
@example(_PIK3CA_AFTER_ADJUVANT_UNDATED_AND_DATED, random.Random(0))
@example(_LETROZOLE_AND_TAMOXIFEN, random.Random(0))
@example(_STOMATITIS_AND_RASH, random.Random(0))
@example(_FULVESTRANT_AND_TAMOXIFEN, random.Random(0))
@example(_GOSERELIN_AND_NONE, random.Random(0))
@example(_EXEMESTANE_AND_ANASTROZOLE, random.Random(0))
@example(_ACTED_AND_LEFT, random.Random(0))
@example(_SERD_AND_FULVESTRANT, random.Random(0))
@example(_CHEMOTHERAPY_AND_NONE, random.Random(0))
@example(_ONGOING_AND_ENDED, random.Random(0))
@example(_VUS_AND_NEGATIVE, random.Random(0))
@example(_AI_AND_NONE, random.Random(0))
@example(_SHORT_AND_LONG_DEGRADER, random.Random(0))
@example(_UNTESTED_AND_TESTED, random.Random(0))
@example(_SHORT_AND_UNKNOWN, random.Random(0))
@example(_PLATINUM_AND_TAXANE, random.Random(0))
@example(_ECOG_3_ACROSS_AN_APPROVAL, random.Random(0))
@example(_ULTRALOW_ENDOCRINE_PROGRESSED_AND_STOPPED, random.Random(0))
@example(_LETROZOLE_AND_TAMOXIFEN_PARTNER, random.Random(0))
@example(_GERMLINE_BRCA2_AND_PALB2, random.Random(0))
@example(_NO_CDK46I_AND_STOPPED_FOR_TOXICITY, random.Random(0))
@example(_PIK3CA_WITH_INSULIN_AND_WITHOUT, random.Random(0))
@example(_UNEXPLAINED_AND_BY_CHOICE, random.Random(0))
@example(_LINES_IN_ORDER_AND_WITH_A_GAP, random.Random(0))
@example(_TWO_TARGETS_AND_ONE_ACTED_ON, random.Random(0))
@example(_QT_DRUG_AND_ANOTHER, random.Random(0))
@example(_GLUCOSE_HIGH_AND_LOW, random.Random(0))
@example(_AFTER_TDXD_AND_SG, random.Random(0))
@example(_ESR1_AROSE_AND_ACTED, random.Random(0))
def test_a_warm_cache_gives_every_patient_the_plan_a_fresh_process_gives(
    profiles: list[dict[str, Any]], rnd: random.Random
) -> None:
    """Order independence: each plan from a shared warm memo, over a shuffled list of distinct
    patients, equals the plan from an empty memo, under the default policy and under
    practice-2026 (whose reasons the default plan's since-review section does not show). A
    field left out of any Inputs key fails it."""

    def plans(data: dict[str, Any]) -> tuple[dict[str, Any], ...]:
        return tuple(
            resistx.to_dict(resistx.sequence(data, policy=p)) for p in (None, "practice-2026")
        )

    fresh = []
    for data in profiles:
        engine._MEMOS.clear()
        fresh.append(plans(data))
    order = list(range(len(profiles)))
    rnd.shuffle(order)
    for _ in range(2):  # the second pass meets only warm entries
        for n in order:
            assert plans(profiles[n]) == fresh[n]


def test_patients_who_differ_only_in_a_results_date_and_variant_each_see_their_own() -> None:
    """The memo keys a finding without its date, sample and variant (one assessment serves
    both patients), and each plan fills in its own patient's description of the result."""
    engine._MEMOS.clear()
    first = patient(
        biomarkers=[result("ESR1", "mutated", tested_on="2026-04-20", variant="p.Y537S")]
    )
    second = patient(biomarkers=[result("ESR1", "mutated", tested_on="2026-03-02")])
    a, b = resistx.sequence(first), resistx.sequence(second)
    _ctx, memo = engine.memo_for(YE2024, YE2024.default_evidence())
    entries = len(memo)
    engine._MEMOS.clear()
    assert resistx.sequence(second) == b  # the same plan from an empty memo
    texts_a = [r.text for o in a.options for r in o.reasons]
    texts_b = [r.text for o in b.options for r in o.reasons]
    assert any("2026-04-20" in t and "p.Y537S" in t for t in texts_a)
    assert any("2026-03-02" in t for t in texts_b)
    assert not any("2026-04-20" in t or "p.Y537S" in t for t in texts_b)
    assert not any("\ue000" in t for t in texts_a + texts_b)
    # the second patient added nothing: its factor tables, rows and ranked result were shared
    assert entries == len(_memo_after(first))


def test_patients_with_a_short_cdk46i_course_of_different_lengths_each_see_their_own() -> None:
    """Rule 18 reads only that the course was short; the months are the patient's own, written
    into the shared assessment by each plan."""

    def short(ended_on: str) -> dict[str, Any]:
        course = {**PALBOCICLIB, "started_on": "2025-01-10", "ended_on": ended_on}
        return patient(treatments=[course])

    four, five = short("2025-05-12"), short("2025-06-15")
    engine._MEMOS.clear()
    a, b = resistx.sequence(four), resistx.sequence(five)
    entries = len(engine.memo_for(YE2024, YE2024.default_evidence())[1])
    said_a = [r.text for o in a.options for r in o.reasons if r.rule == 18]
    said_b = [r.text for o in b.options for r in o.reasons if r.rule == 18]
    # calendar months, printed to the tenth below (cases 2096, 2165)
    assert said_a and all("Only 4.0 months" in t for t in said_a)
    assert said_b and all("Only 5.1 months" in t for t in said_b)
    assert entries == len(_memo_after(four))  # the second patient shared every entry
    assert resistx.sequence(five) == b  # and gets the plan an empty memo gives


def _memo_after(data: dict[str, Any]) -> Memo[Any]:
    engine._MEMOS.clear()
    resistx.sequence(data)
    return engine.memo_for(YE2024, YE2024.default_evidence())[1]


def test_an_assessment_is_shared_by_inputs_that_agree_in_every_field_its_rules_read() -> None:
    """The tracked store: a rule that reads ``esr1`` and, only when it is set, ``her2``.
    Inputs that differ only in fields it did not read share its result; a difference in a
    field it read (``her2`` once ``esr1`` is set) runs it again."""
    from resistx.sequencing.assess import FactorResult  # noqa: PLC0415
    from resistx.sequencing.tracked import Shapes  # noqa: PLC0415

    @attrs.frozen
    class Inputs:
        esr1: bool
        her2: str
        ecog: int

    runs: list[Inputs] = []

    def run(i: Any) -> FactorResult:
        runs.append(i)
        score = 1.0 if i.esr1 and i.her2 == "low" else 0.5 if i.esr1 else 0.0
        return FactorResult(score=score)

    shapes = Shapes()
    assert shapes.assess(Inputs(False, "0", 1), run).score == 0.0
    assert shapes.assess(Inputs(False, "low", 3), run).score == 0.0  # her2, ecog not read
    assert len(runs) == 1
    assert shapes.assess(Inputs(True, "0", 1), run).score == 0.5
    assert shapes.assess(Inputs(True, "low", 1), run).score == 1.0  # her2 read now
    assert shapes.assess(Inputs(True, "low", 0), run).score == 1.0  # ecog never read
    assert len(runs) == 3


def test_a_rule_met_before_gives_its_stored_effects_and_its_reads_to_the_factor() -> None:
    """``Shapes.within``: a rule stored under the fields it read does not run again for Inputs
    that agree in them, and the factor's recorder sees its reads, in the order it makes them,
    on a hit as on a run (the factor's own store keys on them)."""
    from resistx.sequencing.tracked import Recorder, Shapes  # noqa: PLC0415

    @attrs.frozen
    class Inputs:
        esr1: bool
        her2: str
        ecog: int

    runs: list[object] = []

    def rule(i: Any) -> tuple[str, ...]:
        runs.append(i)
        return ("match",) if i.ecog < 2 and i.esr1 else ()

    shapes = Shapes()
    first = Recorder(Inputs(True, "0", 1))
    assert shapes.within(first, rule) == ("match",)
    assert list(first.read.items()) == [("ecog", 1), ("esr1", True)]
    again = Recorder(Inputs(True, "low", 1))  # her2 not read: the stored effects
    again.read["her2"] = "low"  # read by an earlier rule of the factor: kept first
    assert shapes.within(again, rule) == ("match",)
    assert len(runs) == 1
    assert list(again.read.items()) == [("her2", "low"), ("ecog", 1), ("esr1", True)]
    other = Recorder(Inputs(True, "0", 3))  # a field it read differs: it runs
    assert shapes.within(other, rule) == ()
    assert len(runs) == 2
    assert list(other.read.items()) == [("ecog", 3)]  # esr1 was never read


def test_a_tracked_store_past_its_limit_starts_over_and_still_answers_right(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The tree of fields read is bounded: past ``LIMIT`` results it starts over; a later
    lookup runs the rule again and gives what it gave before, for both branches of a read
    that depends on the one before it."""
    from resistx.sequencing import tracked  # noqa: PLC0415
    from resistx.sequencing.assess import FactorResult  # noqa: PLC0415

    monkeypatch.setattr(tracked, "LIMIT", 3)

    @attrs.frozen
    class Inputs:
        esr1: bool
        ecog: int

    runs: list[Inputs] = []

    def run(i: Any) -> FactorResult:
        runs.append(i)
        return FactorResult(score=float(i.ecog) if i.esr1 else -1.0)

    shapes = tracked.Shapes()
    for ecog in (0, 1, 2):
        assert shapes.assess(Inputs(True, ecog), run).score == float(ecog)
    assert shapes.assess(Inputs(False, 4), run).score == -1.0  # over the limit: started over
    assert shapes.assess(Inputs(False, 2), run).score == -1.0  # ecog not read: stored
    assert len(runs) == 4
    assert shapes.assess(Inputs(True, 1), run).score == 1.0  # forgotten: runs again
    assert len(runs) == 5


def test_the_memo_is_bounded() -> None:
    from resistx.sequencing.memo import Memo  # noqa: PLC0415

    lru: Memo[int] = Memo(limit=3)
    for k in range(10):
        lru.get_or(k, lambda k=k: k)  # type: ignore[misc]
    assert len(lru) == 3
    assert lru.get_or(9, lambda: -1) == 9 and lru.get_or(0, lambda: -1) == -1


# -- the policy -------------------------------------------------------------------------------


def test_every_plan_names_its_policy() -> None:
    p = resistx.sequence(SCENARIOS[0])
    assert (p.policy.name, p.policy.version) == (YE2024.name, YE2024.version)
    assert resistx.sequence(SCENARIOS[0], policy="ye2024") == p
    with pytest.raises(KeyError, match="no policy 'nope'"):
        resistx.sequence(SCENARIOS[0], policy="nope")


def test_a_second_policy_is_added_without_editing_the_engine() -> None:
    """A policy with other weights and without rule 6 is a value, not an engine change."""
    rules = tuple(r for r in RULES if r.number != 6)
    other = attrs.evolve(YE2024, name="test-no-rule-6", rules=rules)
    p = resistx.sequence(SCENARIOS[0], policy=other)
    assert p.policy.name == "test-no-rule-6"
    assert not any(r.rule == 6 for o in p.options for r in o.reasons)
    assert any(r.rule == 6 for o in resistx.sequence(SCENARIOS[0]).options for r in o.reasons)


def test_a_regimen_table_naming_an_unknown_trial_is_an_evidence_error() -> None:
    from resistx.evidence._regimens import parse  # noqa: PLC0415

    data = json.loads(
        (ROOT / "src" / "resistx" / "evidence" / "data" / "regimens.json").read_text()
    )
    data["regimens"][2]["ae_trial"] = "NO-SUCH-TRIAL"
    data["regimens"][4]["cost_level"] = "cheap"
    with pytest.raises(resistx.EvidenceError) as e:
        parse(data, "regimens.json", resistx.evidence())
    paths = [p for p, _ in e.value.problems]
    assert any("regimens[4].cost_level" in p and "fulvestrant" in p for p in paths)
    data["regimens"][4]["cost_level"] = 1.0
    with pytest.raises(resistx.EvidenceError) as e:
        parse(data, "regimens.json", resistx.evidence())
    assert any("regimens[2].ae_trial" in p and "amcenestrant" in p for p, _ in e.value.problems)


def test_an_efficacy_source_borrowing_an_arm_no_trial_arm_holds_is_an_evidence_error() -> None:
    """``arm_of`` reads another regimen's arm of the study (MAINTAIN's one arm gave ribociclib
    with fulvestrant or exemestane): it must name a regimen one of that study's arms is linked
    to, and the error names the record and the field."""
    from resistx.evidence._regimens import parse  # noqa: PLC0415

    data = json.loads(
        (ROOT / "src" / "resistx" / "evidence" / "data" / "regimens.json").read_text()
    )
    [i] = [i for i, r in enumerate(data["regimens"]) if r["id"] == "ribociclib+exemestane"]
    parse(data, "regimens.json", resistx.evidence())  # as shipped: no error
    data["regimens"][i]["efficacy"][0]["arm_of"] = "palbociclib+fulvestrant"
    with pytest.raises(resistx.EvidenceError) as e:
        parse(data, "regimens.json", resistx.evidence())
    [(path, message)] = e.value.problems
    assert path == f"$.regimens[{i}].efficacy[0].arm_of (regimen 'ribociclib+exemestane')"
    assert message == "no arm of MAINTAIN is linked to 'palbociclib+fulvestrant'"


def test_an_unknown_trial_name_raises_instead_of_being_dropped() -> None:
    with pytest.raises(KeyError, match="no trial"):
        resistx.evidence().trial("NO-SUCH-TRIAL")
    assert not hasattr(resistx.evidence(), "memoised")
    assert not hasattr(resistx.evidence(), "refs")


def test_the_regimen_table_holds_every_contract_regimen_with_its_regulatory_status() -> None:
    from resistx.vocab import regimens  # noqa: PLC0415

    table = YE2024.regimens(resistx.evidence())
    assert set(table) == set(regimens.BY_ID)
    investigational = {r for r, s in table.items() if s.regulatory.investigational}
    assert {
        "camizestrant",
        "giredestrant",
        "amcenestrant",
        "venetoclax+fulvestrant",
    } <= investigational
    assert "elacestrant" not in investigational


# -- the weights: the inequalities the ranking relies on -----------------------------------------


def test_a_same_class_progression_outweighs_a_biomarker_match() -> None:
    assert W.match + W.same_class < W.preferred_from - W.alternative_from


def test_cross_resistance_outweighs_the_review_s_chemotherapy_and_adc_gain() -> None:
    """An ADC after progression on its target or payload (rule 11) comes after an endocrine
    option never given, even where nothing is actionable (rule 6): its gain there is less than
    what it loses."""
    adc = W.no_actionable + W.same_class + W.cross_resistant
    assert adc < W.no_actionable_endocrine


def test_the_molecular_inputs_hold_every_chemotherapy_line_count_rule_44_tells_apart() -> None:
    from resistx.sequencing.build_inputs import CHEMOTHERAPY_LINES_CAP  # noqa: PLC0415
    from resistx.sequencing.rules.parp import OLYMPIAD_CHEMOTHERAPY_LINES  # noqa: PLC0415

    assert CHEMOTHERAPY_LINES_CAP > OLYMPIAD_CHEMOTHERAPY_LINES


def test_the_first_line_standard_outweighs_a_cdk46i_with_fulvestrant_and_is_preferred() -> None:
    """Rule 19 with no aromatase inhibitor on record (case 468): a CDK4/6 inhibitor with one
    gains more than one with fulvestrant, and enough to be preferred on its own."""
    assert W.cdk46i_ai_first_line > W.cdk46i_naive_first
    assert W.cdk46i_ai_first_line >= W.preferred_from


def test_a_short_cdk46i_outweighs_a_biomarker_match() -> None:
    assert W.match + W.short_endocrine < 0 < W.short_cytotoxic


def test_an_adc_before_its_chemotherapy_lines_loses_more_than_a_match_gains() -> None:
    assert W.match + W.adc_gated < 0


def test_past_its_trials_chemotherapy_lines_a_pathway_match_counts_for_nothing() -> None:
    """Rule 104 (case 892): the step back cancels the match, no more."""
    assert W.match + W.past_trial_lines == 0


def test_a_stale_finding_counts_less_than_a_current_one() -> None:
    assert 0 < W.stale_factor < 1


def test_visceral_crisis_lifts_chemotherapy_to_preferred_on_its_own() -> None:
    assert W.visceral_crisis_chemo >= W.preferred_from


def test_a_policy_changed_in_code_but_keeping_its_name_gets_its_own_memo() -> None:
    """The memo is keyed by the policy itself, not by its name: the rules and weights are what
    the cached assessments read."""
    data = SCENARIOS[0]
    resistx.sequence(data)  # warm the default policy's memo
    strict = attrs.evolve(YE2024, weights=attrs.evolve(YE2024.weights, no_actionable=0.0))
    chemo = resistx.sequence(data, policy=strict).option("chemotherapy")
    assert chemo is not None
    default = resistx.sequence(data).option("chemotherapy")
    assert default is not None and chemo.scores.molecular < default.scores.molecular


def test_the_regimen_table_names_each_contract_regimen_as_the_vocabulary_does() -> None:
    """The table and ``resistx.vocab.regimens`` (the contract's fixed ids) say the same drugs
    and names, so the table cannot drift from the ids the plans and the evidence use."""
    from resistx.vocab import regimens  # noqa: PLC0415

    table = YE2024.regimens(resistx.evidence())
    for rid, fixed in regimens.BY_ID.items():
        assert (table[rid].name, table[rid].drugs) == (fixed.name, fixed.drugs), rid


def test_the_engine_stays_in_small_modules_and_short_functions() -> None:
    """Issue 8: no module of ``sequencing/`` over 300 lines, no function over 60."""
    import ast  # noqa: PLC0415

    import resistx.sequencing  # noqa: PLC0415

    root = Path(resistx.sequencing.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 300, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno + 1 <= 60, (path.name, node.name)


def test_a_plan_without_since_review_is_the_default_plan_without_that_section() -> None:
    """``since_review=False`` (a cohort's option rows) changes nothing but the section."""
    data = patient(her2="ultralow", biomarkers=[result("ESR1", "mutated")])
    full = resistx.sequence(data)
    assert full.since_review  # this patient's plan differs under practice-2026
    assert resistx.sequence(data, since_review=False) == attrs.evolve(full, since_review=())


@pytest.mark.parametrize(
    ("comorbidity", "regimen"),
    [
        ("uncontrolled_hypertension", "capivasertib+fulvestrant"),
        ("cardiac_disease", "ribociclib+fulvestrant"),
        ("hepatic_impairment", "elacestrant"),
        ("bradycardia", "camizestrant"),
        ("inflammatory_bowel_disease", "sacituzumab-govitecan"),
    ],
)
def test_a_comorbidity_cautions_the_regimen_whose_adverse_events_bear_on_it(
    comorbidity: str, regimen: str
) -> None:
    """Rule 12's cautions the other scenarios do not show, each on one regimen it names."""
    data = patient(
        schema_version=2,
        her2="low",
        biomarkers=[result("ESR1", "mutated"), result("PIK3CA", "mutated")],
        comorbidities=[comorbidity],
    )
    found = resistx.sequence(data).option(regimen)
    assert found is not None
    rules = [c.rule for c in found.cautions if c.code == f"{comorbidity}_caution"]
    assert rules and set(rules) == {12}  # elacestrant: its AE figure, and its label's dose


def test_a_note_about_what_a_rule_did_names_that_rule_and_only_rules_that_exist() -> None:
    """Notes are text: a note saying how a rule was applied (or not) carries its number."""
    poor = resistx.sequence(patient(ecog=3, visceral_crisis=True))
    assert any("ranked first (rule 13)" in n for n in poor.notes)
    assert any("crisis (rule 7)" in n for n in poor.notes)
    unknown = resistx.sequence(patient(ecog=None))  # an action says it now (rule 107)
    assert any("(rule 13)" in a.text for a in unknown.actions if a.rule == 107)
    for p in _plans():
        for note in p.notes:
            for number in re.findall(r"\(rule (\d+)\)", note):
                assert int(number) in BY_NUMBER, note


def _accepted(**fields: Any) -> resistx.BiomarkerResult | None:
    """The result of these fields, or None where a profile refuses them (case 1921: a status,
    test, origin and variant that do not fit together or the gene)."""
    try:
        return resistx.BiomarkerResult(**fields)
    except ValueError:
        return None


def _one_result(gene: str) -> st.SearchStrategy[resistx.BiomarkerResult]:
    """A result for ``gene`` with any sample it may have (a blood or saliva sample is refused
    for ESR1, PIK3CA and AKT1, which have no germline test: case 1092), of the combinations a
    profile accepts."""
    samples = [s for s in Sample if gene not in MUTATION_ONLY or s not in GERMLINE_SAMPLES]
    return st.builds(
        _accepted,
        gene=st.just(gene),
        status=st.sampled_from(BiomarkerStatus),
        origin=st.sampled_from(Origin),
        sample=st.none() | st.sampled_from(samples),
        assay=st.none() | st.sampled_from(Assay),
        tested_on=st.none() | strategies.dates,
        tumour_fraction=st.none() | st.sampled_from((0.001, 0.2)),
        low_shedding=st.none() | st.booleans(),
        classification=st.none() | st.sampled_from(Classification),
    ).filter(lambda r: r is not None)  # type: ignore[return-value]


@given(
    st.sampled_from(("ESR1", "PIK3CA", "BRCA2", "RB1")).flatmap(_one_result),
    st.none() | strategies.dates,
)
def test_a_gene_with_one_result_reads_as_the_general_reconciliation_reads_it(
    r: resistx.BiomarkerResult, progression: dt.date | None
) -> None:
    assert findings._one(r.gene, r, progression) == findings._reconciled(r.gene, [r], progression)


IMLUNESTRANT_PROGRESSED = patient(
    treatments=[
        PALBOCICLIB,
        {"drugs": ["imlunestrant"], "line": 2, "months": 4, "stop_reason": "progression"},
    ]
)


@given(strategies.profile_dicts())
@example(IMLUNESTRANT_PROGRESSED)
def test_the_history_inputs_a_patient_shares_between_policies_are_those_each_policy_builds(
    data: dict[str, Any],
) -> None:
    """The default plan ranks the patient under two policies; the second policy's history
    Inputs are derived from the first's (only ``progressed`` reads the policy's regimens: a
    course of imlunestrant holds a practice-2026 regimen and no ye2024 one)."""
    from resistx.sequencing import build_inputs as build  # noqa: PLC0415
    from resistx.sequencing import maintain  # noqa: PLC0415
    from resistx.sequencing.patient import Patient  # noqa: PLC0415
    from resistx.sequencing.policy import get  # noqa: PLC0415

    try:
        profile = resistx.load_profile(data)
    except (resistx.ProfileError, resistx.OutOfScopeError):
        return
    patient = Patient.of(profile, resistx.Preferences())
    for name in ("ye2024", "practice-2026"):
        policy = get(name)
        ctx, _memo = engine.memo_for(policy, policy.default_evidence())
        covers = ctx.call(engine._coverage)
        outside = maintain.outside_for(patient.facts)
        efficacy = build.efficacy(patient.molecular, patient.facts, outside)
        fresh = build.history(patient.facts, (patient.molecular, efficacy), covers, outside)
        assert patient.inputs(covers)[Factor.HISTORY] == fresh


@pytest.mark.parametrize("shared", ["ye2024", "practice-2026"])
def test_a_patient_ranked_like_another_under_one_policy_gets_her_own_since_review(
    monkeypatch: pytest.MonkeyPatch, shared: str
) -> None:
    """The since-review section is worked out per pair of rankings (this policy's and the
    newer one's): two patients ranked alike under one of the two policies and differently
    under the other each get the differences of their own pair."""
    first, second = SCENARIOS[0], patient(biomarkers=[result("PIK3CA", "mutated")])
    real = engine._ranked
    policy = get_policy(shared)
    fresh = attrs.evolve(YE2024.default_evidence())
    evidence = fresh if shared == "ye2024" else policy.default_evidence()
    of_first = real(
        Patient.of(resistx.load_profile(first), resistx.Preferences()), policy, evidence
    )

    def ranked(patient_: Any, pol: Any, eb: Any) -> Any:
        found = real(patient_, pol, eb)
        return of_first if pol.name == shared else found  # every patient ranked as the first

    monkeypatch.setattr(engine, "_ranked", ranked)
    warm = (resistx.sequence(first, evidence=fresh), resistx.sequence(second, evidence=fresh))
    engine._MEMOS.clear()
    alone = resistx.sequence(second, evidence=attrs.evolve(fresh))
    assert warm[0].since_review != warm[1].since_review
    assert warm[1].since_review == alone.since_review


def test_results_that_differ_in_any_field_are_interned_apart() -> None:
    """Results are interned by ``value()``, and keys compare them by identity: every field
    is part of the value."""
    from resistx.model.plan import Caution, Reason  # noqa: PLC0415
    from resistx.sequencing.assess import FactorResult  # noqa: PLC0415
    from resistx.sequencing.rule import Precedence  # noqa: PLC0415

    reason = Reason(factor=Factor.EFFICACY, code="c", text="t", trials=(), references=())
    caution = Caution(code="c", text="t", trials=(), references=())
    changed: dict[str, Any] = {
        "score": 1.0,
        "reasons": (reason,),
        "exclusions": (reason,),
        "cautions": (caution,),
        "demotions": frozenset({next(iter(Precedence))}),
        "waits_on": ("HER2 IHC",),
        "ceiling": 1,
        "at_least": 1,
        "investigational": True,
        "after": ("olaparib",),
        "before": ("chemotherapy",),
    }
    assert set(changed) == {a.name for a in attrs.fields(FactorResult)}
    base = FactorResult()
    for name, value in changed.items():
        assert attrs.evolve(base, **{name: value}).value() != base.value(), name


def test_a_row_shared_by_patients_gives_each_the_tier_asked_for() -> None:
    """A row's options are kept by (rank, tier): the same regimen at the same rank can be
    preferred in one plan and an alternative in another."""
    from resistx.model.enums import Tier  # noqa: PLC0415
    from resistx.sequencing.assess import FactorResult  # noqa: PLC0415
    from resistx.sequencing.ranking import Assessed, Row  # noqa: PLC0415

    spec = YE2024.table(YE2024.default_evidence()).regimens[0]
    row = Row.of(Assessed.of(spec, (FactorResult(),) * 4), W)
    assert row.option(1, Tier.PREFERRED).tier is Tier.PREFERRED
    assert row.option(1, Tier.ALTERNATIVE).tier is Tier.ALTERNATIVE
    assert row.option(2, Tier.PREFERRED).rank == 2


def test_the_ranking_alone_checks_a_profile_built_in_code_as_sequence_does() -> None:
    """``engine.ranking`` (what a cohort's rows read) takes the same checks as ``sequence``: a
    HER2-positive profile built in code is out of scope, and a checked one ranks as its plan."""
    loaded = resistx.load_profile(patient(biomarkers=NEGATIVE))
    positive = attrs.evolve(loaded, her2=Her2Status.POSITIVE)
    prefs = resistx.Preferences()
    with pytest.raises(resistx.OutOfScopeError):
        engine.ranking(positive, prefs)
    with pytest.raises(resistx.OutOfScopeError):
        resistx.sequence(positive, prefs)
    ranked = engine.ranking(loaded, prefs)
    assert [o.regimen.id for o in ranked.options] == [
        o.regimen.id for o in resistx.sequence(loaded, prefs).options
    ]


def test_the_history_inputs_part_patients_by_date_only_where_rule_13_reads_it() -> None:
    """``HistoryInputs.not_yet_approved`` (rule 13, case 901) is filled at ECOG 3-4 only:
    elsewhere two plans a day apart across a dated approval share their history Inputs (and
    the memo's entries), at ECOG 3 they do not."""
    practice = get_policy("practice-2026")
    covers = engine.memo_for(practice, practice.default_evidence())[0].call(engine._coverage)
    for ecog, same in ((1, True), (3, False)):
        found = [
            Patient.of(
                resistx.load_profile(patient(schema_version=2, ecog=ecog, as_of=day)),
                resistx.Preferences(),
            ).inputs(covers)[Factor.HISTORY]
            for day in ("2026-04-30", "2026-05-02")  # vepdegestrant: FDA 2026-05-01
        ]
        assert (found[0] == found[1]) is same, ecog


def test_the_molecular_inputs_read_endocrine_progression_only_for_her2_ultralow() -> None:
    """``MolecularInputs.endocrine_progressed`` (rule 29, case 894) is filled for HER2-ultralow
    disease after chemotherapy only: a HER2-0 patient after fulvestrant and one after
    capecitabine alone, the same otherwise, share it."""
    capecitabine = dict(CAPECITABINE, line=1, started_on="2024-04-01")
    fulvestrant = dict(PALBOCICLIB, drugs=["fulvestrant"], line=1, ended_on="2024-03-25")
    for her2, same in (("0", True), ("ultralow", False)):
        found = {
            Patient.of(
                resistx.load_profile(patient(her2=her2, treatments=courses)),
                resistx.Preferences(),
            ).molecular.endocrine_progressed
            for courses in ([capecitabine], [fulvestrant, dict(capecitabine, line=2)])
        }
        assert (len(found) == 1) is same, her2
