"""Rule 157: abemaciclib with an aromatase inhibitor after endocrine resistance to another
endocrine drug (case 7272: relapse on adjuvant tamoxifen, abemaciclib + letrozole preferred as
the first-line standard). MONARCH-3 enrolled relapse more than 12 months after any
(neo)adjuvant endocrine therapy, and no endocrine therapy for advanced disease; MONALEESA-2
allowed a relapse within 12 months of tamoxifen (the trials' reports, compared in Table 1 of
a 2023 review in Ther Adv Med Oncol, PMC9969464; not in the review). Resistance to an
aromatase inhibitor or a CDK4/6 inhibitor leaves all three first-line regimens out (rule 71)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.endocrine import cdk46i_with_letrozole


def _abemaciclib_with_ai(spec: RegimenSpec) -> bool:
    """Abemaciclib with a nonsteroidal aromatase inhibitor (MONARCH-3's regimen)."""
    return cdk46i_with_letrozole(spec) and "abemaciclib" in spec.drugs


# rule 157: abemaciclib + an aromatase inhibitor outside MONARCH-3's entry
@rule(
    157,
    "Abemaciclib with an aromatase inhibitor after resistance to other endocrine therapy: "
    "outside MONARCH-3",
    Factor.HISTORY,
    condition="Endocrine resistance (relapse on or within 12 months of (neo)adjuvant endocrine "
    "therapy, or progression on endocrine therapy for advanced disease) that is neither to an "
    "aromatase inhibitor nor to a CDK4/6 inhibitor (those leave the first-line regimens out, "
    "rule 71): tamoxifen, say; the regimen is abemaciclib with a nonsteroidal aromatase "
    "inhibitor (case 7272).",
    effect="At best an alternative, the reason naming MONARCH-3's entry (relapse more than 12 "
    "months after any (neo)adjuvant endocrine therapy; the trial's report, not in the review); "
    "ribociclib with letrozole, whose MONALEESA-2 allowed relapse within 12 months of "
    "tamoxifen, is not held back.",
    codes=("outside_monarch3_entry",),
    trials=("MONARCH-3",),
    regimens=_abemaciclib_with_ai,
)
def outside_monarch3_entry(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.endocrine_resistant and not (i.ai_resistant or i.cdk46i_resistant):
        yield Effect(
            code="outside_monarch3_entry",
            ceiling=1,
            text="Endocrine resistance to a drug other than an aromatase inhibitor (relapse on "
            "or within 12 months of it, or progression on it): MONARCH-3 enrolled relapse more than 12 months after "
            "any (neo)adjuvant endocrine therapy (its report; not in the review), so its result "
            "may not hold here: at best an alternative (MONALEESA-2, ribociclib's, allowed a "
            "relapse within 12 months of tamoxifen).",
            trials=spec.key_trials,
        )
