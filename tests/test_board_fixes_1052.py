"""Scenario tests for the findings of the blind reviews from case 1052 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: frail patients with comorbidities
(1052-1056), late lines (1057-1061) and co-mutations (1062-1066)."""

from __future__ import annotations

from typing import Any

import resistx
from tests.helpers import option, result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman


def _pik3ca_ribociclib_9_months(*, insulin: bool, pik3ca: bool = True) -> dict[str, Any]:
    """Case 1054: 70, diabetes (HbA1c 8.6%), kidney impairment; ribociclib + fulvestrant as
    first line for 9 months to progression; a tumour PIK3CA H1047R (AKT1, PTEN not detected),
    ESR1 not detected in ctDNA; HER2-low; no chemotherapy for metastatic disease."""
    status = "mutated" if pik3ca else "not_detected"
    return _woman(
        "2026-11-30",
        [
            result(
                "PIK3CA",
                status,
                tested_on="2026-11-04",
                **({"variant": "H1047R"} if pik3ca else {}),
            ),
            *(result(g, "not_detected", tested_on="2026-11-04") for g in ("AKT1", "PTEN")),
            result("ESR1", "not_detected", tested_on="2026-11-10", sample="ctdna"),
        ],
        _course(["ribociclib", "fulvestrant"], "2026-01-15", "2026-10-22", "progression", line=1),
        comorbidities=[{"name": "diabetes", "hba1c": 8.6, "insulin": insulin}, "renal_impairment"],
        her2="low",
    )


def test_a_pathway_mutation_insulin_treated_diabetes_leaves_untreatable_does_not_hold_back_trastuzumab_deruxtecan() -> (
    None
):
    """Case 1054 (MAJOR, practice-2026): rule 58 held trastuzumab deruxtecan behind 'that
    endocrine-based line' for a PIK3CA mutation whose drugs the same plan rules out (alpelisib
    for insulin-treated diabetes, capivasertib outside CAPItello-291): chemotherapy came first,
    where without the mutation trastuzumab deruxtecan leads. A target no drug can act on holds
    nothing back."""
    plan = _planned(_pik3ca_ribociclib_9_months(insulin=True), "practice-2026")
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert not [r for r in tdxd.reasons if r.code == "endocrine_target_before_tdxd"]
    wild = _planned(_pik3ca_ribociclib_9_months(insulin=True, pik3ca=False), "practice-2026")
    assert (tdxd.rank, tdxd.tier) == (
        option(wild, "trastuzumab-deruxtecan").rank,
        option(wild, "trastuzumab-deruxtecan").tier,
    )
    # a PIK3CA mutation whose drugs can be given still puts its targeted line first
    usable = _planned(_pik3ca_ribociclib_9_months(insulin=False), "practice-2026")
    held = option(usable, "trastuzumab-deruxtecan")
    assert [r for r in held.reasons if r.code == "endocrine_target_before_tdxd"]
