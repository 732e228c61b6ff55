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


def _pik3ca_on_rifampicin(**kw: Any) -> dict[str, Any]:
    """Case 1294b: HER2-low, PIK3CA H1047R in tissue after 33 months of abemaciclib +
    letrozole, rifampicin for tuberculosis until months from now."""
    return _woman(
        "2026-11-30",
        [
            result("PIK3CA", "mutated", sample="tissue", tested_on="2026-11-03", variant="H1047R"),
            *(result(g, "not_detected", sample="tissue", tested_on="2026-11-03") for g in _PAM[1:]),
            result("ESR1", "not_detected", tested_on="2026-11-03"),
            *(
                result(g, "not_detected", origin="germline", sample="blood", tested_on="2024-01-20")
                for g in ("BRCA1", "BRCA2", "PALB2")
            ),
        ],
        _course(["abemaciclib", "letrozole"], "2024-01-15", "2026-10-25", "progression", line=1),
        her2="low",
        **kw,
    )


def test_a_trial_of_ipatasertib_is_not_first_beside_rifampicin() -> None:
    """Case 1294b (MAJOR, both policies): on rifampicin, a strong CYP3A inducer, capivasertib
    and the CDK4/6 inhibitors went later as rule 115 asks, and FINER's trial of ipatasertib, an
    AKT inhibitor that CYP3A4 metabolises, came first with no word of the interaction. It now
    carries the interaction and goes with capivasertib, after every option without one; without
    the rifampicin it keeps its place."""
    for policy in ("ye2024", "practice-2026"):
        plan = _planned(_pik3ca_on_rifampicin(medications=["rifampicin 600 mg daily"]), policy)
        finer = option(plan, "trial:NCT04650581")
        codes = {c.code for c in finer.cautions}
        assert "cyp3a_interaction" in codes, policy
        assert "cyp3a_interaction_later" in {r.code for r in finer.reasons}, policy
        assert rank(plan, "trial:NCT04650581") > rank(plan, "fulvestrant"), policy
        assert plan.options[0].regimen.id != "trial:NCT04650581", policy
    alone = _planned(_pik3ca_on_rifampicin(), "ye2024")
    assert not [c for c in option(alone, "trial:NCT04650581").cautions if "CYP3A" in c.text]


def test_every_trial_option_says_its_entry_may_bar_a_strong_cyp3a_drug() -> None:
    """Case 1294b: a trial's investigational agents have no label; with a strong CYP3A
    inhibitor or inducer on record, each trial option says the trial's exclusions decide."""
    plan = _planned(_pik3ca_on_rifampicin(medications=["rifampicin 600 mg daily"]), "ye2024")
    trials = [o for o in plan.options if o.regimen.id.startswith("trial:")]
    assert trials
    for o in trials:
        assert any("exclusions" in c.text and c.rule == 115 for c in o.cautions), o.regimen.id
