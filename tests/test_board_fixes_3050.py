"""Scenario tests for the findings of session 55's blind reviews (cases 3050 on) and the items
left by earlier rounds that this session took up, each seen failing before its fix, named after
the behaviour a clinician relies on."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_board_fixes_2790 import _on_qt_drugs


@pytest.mark.parametrize(
    "entry",
    [
        "escitalopram switched to sertraline",
        "sertraline stopped, switched to escitalopram",
        "warfarin changed to apixaban",
        "clarithromycin -> amoxicillin",
    ],
)
def test_a_medication_entry_recording_a_change_of_drug_is_refused(entry: str) -> None:
    """Session 54's sweep (3020, left): 'escitalopram switched to sertraline' read escitalopram
    as taken now, a QT drug beside ribociclib; the reverse hid one behind 'stopped'. One entry
    cannot say which drug is taken now: it is refused, naming the entry."""
    message = _refusal(_on_qt_drugs(entry))
    assert f"medications[0] {entry!r}" in message
    assert "one entry per drug taken now" in message


def test_a_change_of_drug_resistx_does_not_read_passes_as_unread() -> None:
    plan = _planned(_on_qt_drugs("sertraline switched to mirtazapine"), "ye2024")
    assert any("sertraline switched to mirtazapine" in n for n in plan.not_assessed)


@pytest.mark.parametrize(
    ("entry", "meant"), [("methadon 40 mg", "methadone"), ("amiodarrone", "amiodarone")]
)
def test_a_misspelt_qt_drug_is_refused_with_the_name_it_likely_meant(
    entry: str, meant: str
) -> None:
    """Session 54 (left): a misspelt QT drug passed unread beside ribociclib."""
    message = _refusal(_on_qt_drugs(entry))
    assert "medications[0]" in message
    assert meant in message


@pytest.mark.parametrize(
    "entry",
    [
        "sertraline 50 mg",
        "ofloxacin eye",
        "quinine 300 mg at night",
        "norfloxacin",
        "promethazine",
        "granisetron",
        "prochlorperazine",
        "amisulpride",
        "ciclosporin",
        "metoclopramide",
        "olanzapine",
        "quetiapine",
        "risperidone",
        "tramadol",
        "loperamide",
        "omeprazole",
    ],
)
def test_common_drugs_near_a_qt_drug_are_not_taken_for_misspellings(entry: str) -> None:
    _planned(_on_qt_drugs(entry), "ye2024")


def test_a_past_endocrine_drug_among_the_medications_not_in_the_treatments_is_refused() -> None:
    """Session 54 (2998g, left): 'tamoxifen stopped 2019' among the medications passed, and the
    plan never read the tamoxifen line: a past cancer treatment belongs in treatments."""
    message = _refusal(_on_qt_drugs("tamoxifen stopped 2019"))
    assert "medications[0] 'tamoxifen stopped 2019'" in message
    assert "treatments" in message


@pytest.mark.parametrize("entry", ["allergic to paclitaxel", "declined capecitabine"])
def test_a_cancer_drug_never_given_among_the_medications_passes(entry: str) -> None:
    _planned(_on_qt_drugs(entry), "ye2024")


def test_a_past_endocrine_drug_among_the_medications_already_in_the_treatments_passes() -> None:
    data = _on_qt_drugs("letrozole stopped 2026")
    _planned(data, "ye2024")


def _viktoria_patient() -> dict[str, Any]:
    """Case 3050: ESR1 Y537S on ctDNA after 26 months of palbociclib + letrozole, PIK3CA,
    AKT1 and PTEN not detected, HER2 0."""
    negatives = [
        result(g, "not_detected", sample="ctdna", tested_on="2025-05-10", tumour_fraction=0.08)
        for g in ("PIK3CA", "AKT1", "PTEN")
    ]
    return _woman(
        "2025-06-01",
        [result("ESR1", "mutated", sample="ctdna", tested_on="2025-05-10"), *negatives],
        _course(["palbociclib", "letrozole"], "2023-03-01", "2025-05-01", "progression", line=1),
        her2="0",
    )


def test_the_gedatolisib_triplet_after_palbociclib_rests_on_viktoria_1_not_on_no_evidence() -> None:
    """Case 3050 (MINOR, practice-2026): the triplet's reason said 'the review has no evidence
    for giving [palbociclib] again' and stepped it back; VIKTORIA-1 gave palbociclib with
    gedatolisib after a CDK4/6 inhibitor (100% of its patients) and is that evidence. The
    history factor no longer holds it below the doublet (the balance still does: its cost)."""
    plan = _planned(_viktoria_patient(), "practice-2026")
    by_id = {o.regimen.id: o for o in plan.options}
    triplet = by_id["gedatolisib+palbociclib+fulvestrant"]
    doublet = by_id["gedatolisib+fulvestrant"]
    texts = " ".join(r.text for r in triplet.reasons)
    assert "no evidence for giving it again" not in texts
    assert "VIKTORIA-1 gave palbociclib after a CDK4/6 inhibitor" in texts
    assert triplet.scores.history == doublet.scores.history
