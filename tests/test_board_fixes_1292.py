"""Scenario tests for the findings of the blind reviews from case 1292 on (each seen failing
before its fix), named after the behaviour a clinician relies on. The reviewers, briefed as
breast oncologists, designed their own patients on a theme: rechecks of session 45's fixes
(1292-1301), organ function (1302-1306), where the disease is (1307-1311), ordinary cases
(1312-1316) and the newer agents (1317-1321)."""

from __future__ import annotations

from typing import Any

import resistx
from tests.helpers import option, rank, result
from tests.test_board_fixes_882 import _course, _planned
from tests.test_board_fixes_962 import _woman

_PAM = ("PIK3CA", "AKT1", "PTEN")


def _brca2_carrier_after_one_endocrine_line(germline_brca2: bool) -> dict[str, Any]:
    """Case 1316: HER2-low (2+, ISH negative), neoadjuvant AC-T and adjuvant tamoxifen years
    ago, then 11 months of palbociclib + letrozole; ESR1 and the PI3K pathway negative in ctDNA
    now; a germline BRCA2 mutation (or a negative germline test)."""
    return _woman(
        "2026-11-30",
        [
            result(
                "BRCA2",
                "mutated" if germline_brca2 else "not_detected",
                origin="germline",
                sample="blood",
                tested_on="2020-03-20",
            ),
            *(
                result(g, "not_detected", origin="germline", sample="blood", tested_on="2020-03-20")
                for g in ("BRCA1", "PALB2")
            ),
            *(result(g, "not_detected", tested_on="2026-11-10") for g in ("ESR1", *_PAM)),
        ],
        {
            "drugs": ["doxorubicin", "cyclophosphamide", "paclitaxel"],
            "setting": "neoadjuvant",
            "started_on": "2020-04-01",
            "ended_on": "2020-09-15",
            "stop_reason": "completed",
        },
        {
            "drugs": ["tamoxifen"],
            "setting": "adjuvant",
            "started_on": "2020-11-01",
            "ended_on": "2025-10-31",
            "stop_reason": "completed",
        },
        _course(["palbociclib", "letrozole"], "2025-12-01", "2026-11-01", "progression", line=1),
        her2="low",
        ecog=0,
    )


def test_a_germline_brca2_puts_trastuzumab_deruxtecan_after_the_parp_inhibitors_not_after_chemotherapy() -> None:
    """Case 1316 (MAJOR, practice-2026): a germline BRCA2 carrier with HER2-low disease after
    one endocrine line. Rule 58 held trastuzumab deruxtecan back behind the PARP inhibitor as
    'at best a later option', which put it below chemotherapy and both CDK4/6-inhibitor
    switches, though it beat chemotherapy in HER2-low disease (DESTINY-Breast04, -06) and the
    same patient without the mutation has it first. It now comes right after the PARP
    inhibitors, before chemotherapy, with the reason unchanged."""
    plan = _planned(_brca2_carrier_after_one_endocrine_line(True), "practice-2026")
    assert {o.regimen.id for o in plan.options[:2]} == {"olaparib", "talazoparib"}
    tdxd = option(plan, "trastuzumab-deruxtecan")
    assert "parp_target_before_tdxd" in {r.code for r in tdxd.reasons}
    assert rank(plan, "trastuzumab-deruxtecan") == 3
    assert rank(plan, "trastuzumab-deruxtecan") < rank(plan, "chemotherapy")
    assert tdxd.tier is resistx.Tier.ALTERNATIVE
    without = _planned(_brca2_carrier_after_one_endocrine_line(False), "practice-2026")
    assert without.options[0].regimen.id == "trastuzumab-deruxtecan"
