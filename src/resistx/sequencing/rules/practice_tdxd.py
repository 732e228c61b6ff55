"""The practice-2026 rule 58: outside DESTINY-Breast06's entry, an endocrine-based line (one a
finding targets, or one the pending tests may select) before trastuzumab deruxtecan."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, gene_article, rule
from resistx.sequencing.rules.practice_adc import opened_by_endocrine_lines

H = Factor.HISTORY


#: why rule 58 holds trastuzumab deruxtecan back: the trial's entry and its comparator
_OUTSIDE_DB06 = (
    "This patient is outside DESTINY-Breast06's entry (2 or more endocrine lines, or "
    "progression within 6 months on first-line endocrine therapy with a CDK4/6 inhibitor), "
    "which compared trastuzumab deruxtecan with chemotherapy, not with"
)


# rule 58: a targeted endocrine line before trastuzumab deruxtecan outside DESTINY-Breast06
@rule(
    58,
    "A targeted endocrine line before trastuzumab deruxtecan outside DESTINY-Breast06's entry",
    H,
    condition="Trastuzumab deruxtecan opened by endocrine therapy alone (rule 30: no "
    "chemotherapy line) outside DESTINY-Breast06's entry (one endocrine line for metastatic "
    "disease, a line stopped for toxicity alone not counted: case 1075, and a CDK4/6-inhibitor "
    "course of 6 months or more), with an ESR1 or PI3K-pathway "
    "finding whose drugs the disease has not progressed on and can be given now (not the PI3K "
    "pathway's with diabetes needing insulin, case 1054, or with an HbA1c of 8.0% or more, "
    "case 7792), no visceral crisis, and no short "
    "CDK4/6-inhibitor course (rule 18 puts no endocrine line first: case 933, outside the entry "
    "by ECOG).",
    effect="Trastuzumab deruxtecan steps back and is at best a later option (cases 353, 461): "
    "the targeted endocrine line comes first. DESTINY-Breast06 compared it with chemotherapy, "
    "not with a targeted endocrine line, and enrolled such a patient only after a second "
    "endocrine line. With no target known and ESR1 or the PI3K pathway untested since the "
    "latest progression, it is at best an alternative until the tests are back (case 513). A "
    "germline BRCA1/2 mutation whose PARP inhibitor has not been given (no progression on one, "
    "no platinum resistance) holds it back behind the PARP inhibitor (case 1048), as an "
    "alternative: not below chemotherapy, which it beat in HER2-low disease (case 1316), "
    "whatever the tiers (9725).",
    codes=("endocrine_target_before_tdxd", "endocrine_line_before_tdxd", "parp_target_before_tdxd"),
    trials=("DESTINY-Breast06", "postMONARCH"),
    regimens=kinds.is_tdxd,
)
def target_before_tdxd(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if (
        not kinds.is_tdxd(spec)
        or not opened_by_endocrine_lines(i)
        or i.destiny_breast06_lines  # outside it by its ECOG alone: rule 98 says so (9059b)
        or i.visceral_crisis
        or i.short_cdk46i  # rule 18: no endocrine line first (case 933, outside it by ECOG)
    ):
        return
    if i.parp_targets and not i.endocrine_targets_left:
        yield _parp_first(i, ctx)
        return
    if not i.endocrine_targets_left:
        if i.targets_untested:
            yield _endocrine_line_first(ctx)
        return
    yield Effect(
        code="endocrine_target_before_tdxd",
        # a found target holds it back at least as far as a pending test does (below): else,
        # among 'later' options (ECOG 3), a new finding would lift it (Hypothesis, session 36)
        delta=ctx.weights.tdxd_before_tests,
        ceiling=2,  # the targeted line first, as the reason says (case 461)
        text=f"{gene_article(i.endocrine_targets_left[0]).capitalize()} "
        f"{' and '.join(i.endocrine_targets_left)} "
        "finding whose targeted drugs have not "
        "been given: that endocrine-based line comes first, and trastuzumab deruxtecan is at "
        f"best a later option. {_OUTSIDE_DB06} a targeted endocrine line.",
        trials=("DESTINY-Breast06",),
    )


def _endocrine_line_first(ctx: Context) -> Effect:
    """Rule 58 with no target known and ESR1 or the PI3K pathway untested since the latest
    progression (case 513): at best an alternative until the tests are back."""
    return Effect(
        code="endocrine_line_before_tdxd",
        delta=ctx.weights.tdxd_before_tests,
        ceiling=1,
        text="Outside DESTINY-Breast06's entry (2 or more endocrine lines, or progression within "
        "6 months on first-line endocrine therapy with a CDK4/6 inhibitor), with ESR1 or the PI3K "
        "pathway with no informative result since the latest progression: trastuzumab "
        "deruxtecan is at best an "
        "alternative until the tests are back, as an endocrine-based line (one they select, or "
        "abemaciclib with fulvestrant where postMONARCH enrolled the patient) may come first.",
        trials=("DESTINY-Breast06", "postMONARCH"),
    )


def _parp_first(i: HistoryInputs, ctx: Context) -> Effect:
    """A germline BRCA1/2 mutation whose PARP inhibitor has not been given (case 1048)."""
    return Effect(
        code="parp_target_before_tdxd",
        delta=ctx.weights.tdxd_before_tests,
        # an alternative, after the preferred PARP inhibitor and not below the chemotherapy it
        # beat in HER2-low disease (DESTINY-Breast04, -06; case 1316): kept by the order where
        # another rule makes both later options (9725)
        ceiling=1,
        before="chemotherapy",
        text=f"Germline {' and '.join(i.parp_targets)} mutation: a PARP inhibitor comes first "
        "(its own reason gives its evidence in germline carriers), and trastuzumab deruxtecan is "
        f"at best an alternative after it. {_OUTSIDE_DB06} a PARP inhibitor.",
        trials=("DESTINY-Breast06",),
    )
