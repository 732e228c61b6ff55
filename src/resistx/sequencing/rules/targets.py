"""Factor 1, continued: HER2-low (rule 3; DESTINY-Breast04's population, rules 65 and 72, is in
``db04``), nothing actionable (rule 6) and RB1 loss (rule 27); mechanisms without an approved
drug are in ``mechanisms``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import (
    DrugClass,
    ExclusionCode,
    Factor,
    Her2Status,
)
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.exhausted import declined_targets_said
from resistx.sequencing.hrd import parp_targets
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule
from resistx.sequencing.rules.db04 import tdxd_first_if_low
from resistx.sequencing.rules.mechanisms import no_cdk46i_mechanism, nothing_left_after_cdk46i
from resistx.sequencing.unusable import mixed_said, pathway_held_back, pathway_said

M = Factor.MOLECULAR


# rule 3: hER2-low: trastuzumab deruxtecan
@rule(
    3,
    "HER2-low: trastuzumab deruxtecan",
    M,
    condition="HER2-low (its chemotherapy-line condition is in the history factor).",
    effect="Trastuzumab deruxtecan scores a match; HER2 0 or ultralow excludes it "
    "(out_of_population); HER2 unknown: it waits on an IHC test, below every option that "
    "does not wait.",
    codes=("her2_low_matches_trastuzumab_deruxtecan", "out_of_population", "her2_status_unknown"),
    trials=("DESTINY-Breast04",),
    references=(62,),
    regimens=kinds.is_tdxd,
)
def her2_low(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not (kinds.is_adc(spec) and "trastuzumab deruxtecan" in spec.drugs):
        return
    if i.her2 is Her2Status.LOW:
        yield Effect(
            code="her2_low_matches_trastuzumab_deruxtecan",
            delta=ctx.weights.match,
            text="HER2-low: the population of DESTINY-Breast04.",
            trials=spec.key_trials,
        )
    elif i.her2 is Her2Status.UNKNOWN:
        yield Effect(
            code="her2_status_unknown",
            delta=ctx.weights.her2_pending,
            text="HER2 status unknown: trastuzumab deruxtecan is for HER2-low disease "
            f"(DESTINY-Breast04); it waits on an IHC test.{tdxd_first_if_low(i)}",
            waits_on="HER2 IHC",
            trials=spec.key_trials,
        )
    else:
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"HER2 {i.her2.value}: DESTINY-Breast04 enrolled HER2-low disease only.",
            trials=spec.key_trials,
        )


# rule 6: nothing actionable: chemotherapy and ADCs
@rule(
    6,
    "Nothing actionable: chemotherapy and ADCs",
    M,
    condition="After progression on a CDK4/6 inhibitor, ESR1 and the PI3K pathway tested "
    "(current; the pathway not by PCR only, whose panels miss AKT1 and PTEN: an ESR1 PCR "
    "negative counts, 8148) without an actionable alteration (HER2-low does not count here); "
    "or each target found already acted on, with progression (an ESR1 mutation on an oral "
    "SERD, a PI3K-pathway alteration on a PI3K or AKT inhibitor), the other tested without one; "
    "or the pathway the only target with no drug for it (diabetes needing insulin, case 1035; "
    "an HbA1c of 8.0% or more, until glucose is in range, case 7846; every target found one "
    "whose drugs the patient declines, the other gene clear, case 7917; each target found "
    "unusable for its own reason, declined, acted on or held back, case 8081; "
    "past its inhibitors' trials' cytotoxic lines, rule 104, case 1818, whose own inhibitors "
    "keep rule 104's cap without this step: case 1843b). "
    "The short-CDK4/6-inhibitor half of this rule is in the history factor.",
    effect="Chemotherapy and ADCs gain; endocrine-based regimens lose, except everolimus-based "
    "ones after a PI3K or AKT inhibitor given for a pathway alteration (the review lists them "
    "after those), and the PI3K and AKT inhibitors held back for the pathway's finding (past "
    "their trials' lines, above the HbA1c limit or on insulin: their own reasons say why; case "
    "7912). Its reason leads. A "
    "germline PALB2 or somatic BRCA1/2 mutation on record is named in chemotherapy's reason "
    "(not the ADCs'): "
    "olaparib follows from it (TBCRC 048), beside chemotherapy. After first-line palbociclib, "
    "a ribociclib regimen loses nothing and is at best an alternative (the review finds "
    "continuing a CDK4/6 inhibitor reasonable then, especially; MAINTAIN; case 445).",
    codes=(
        "no_actionable_alteration",
        "no_actionable_alteration_endocrine",
        "no_actionable_alteration_cdk46i_switch",
    ),
    trials=("TBCRC 048", "MAINTAIN"),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def nothing_actionable(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    acted = i.targets_acted_on
    if not nothing_left_after_cdk46i(i) or kinds.is_trial(spec):
        return
    found = (
        _unusable(i) if i.pathway_unusable and not acted else nothing_left(acted, i.esr1_arose_on)
    )
    if kinds.is_cytotoxic(spec):
        others = (
            parp_targets(i.parp, tbcrc048=True, unknown=i.brca_origin_unknown)
            if kinds.is_chemotherapy(spec) and not i.after_parp
            else ()
        )
        beside = (
            f" A {' and a '.join(others)} mutation is on record: olaparib is the option beside "
            "it (TBCRC 048, phase II, without a comparison with chemotherapy)."
            if others
            else ""
        )
        yield Effect(
            code="no_actionable_alteration",
            delta=ctx.weights.no_actionable,
            leads=True,
            text=f"{found}: the review prefers chemotherapy and ADCs.{_long_response(i)}{beside}",
            trials=(*spec.key_trials, "TBCRC 048") if others else spec.key_trials,
        )
    elif _maintain_switch(i, spec):
        yield Effect(
            code="no_actionable_alteration_cdk46i_switch",
            ceiling=1,
            text=f"{found}: the review prefers chemotherapy and ADCs, yet finds continuing a "
            "CDK4/6 inhibitor at progression reasonable, especially after first-line palbociclib "
            "(MAINTAIN switched to ribociclib; a recorded discrepancy): at best an alternative "
            "beside them.",
            trials=("MAINTAIN",),
            references=(36,),
        )
    elif kinds.is_endocrine_based(spec) and not (
        ("PI3K pathway" in acted and DrugClass.MTOR_INHIBITOR in kinds.classes(spec))
        # the finding's own inhibitors, held back, say why themselves: past its trials' lines
        # rule 104's cap (case 1843b), above the HbA1c limit or on insulin rule 78's (7912)
        or (pathway_held_back(i.pathway_unusable) and kinds.has_pi3k_or_akt_inhibitor(spec))
    ):
        yield Effect(
            code="no_actionable_alteration_endocrine",
            delta=ctx.weights.no_actionable_endocrine,
            leads=True,
            text=f"{found}: the review prefers chemotherapy and ADCs over endocrine-based "
            f"regimens.{_long_response(i)}",
            trials=spec.key_trials,
        )


def _unusable(i: MolecularInputs) -> str:
    """Rule 6's reason where the one target found has no drug the patient can take (case 1035)."""
    f = i.akt_pathway
    said = "" if f is None else f"{f.gene} {f.result.status.value} {f.describe()}: "
    if i.pathway_unusable == "lines":  # case 1818
        return (
            f"{said}past the cytotoxic lines the PI3K, AKT and mTOR inhibitors' trials enrolled "
            "after, their drugs at best an alternative (as their own reasons say), "
            "and ESR1 tested without a mutation: no target their results reach"
        )
    if "+" in i.pathway_unusable:  # case 8081
        said = mixed_said(i)
        return f"{said[:1].upper()}{said[1:]}"
    if i.pathway_unusable == "declined":  # case 7917
        said = declined_targets_said(i)
        return f"{said[:1].upper()}{said[1:]}: no usable target"
    now = " now" if i.pathway_unusable == "glucose" else ""  # case 7846
    return (
        f"{said}no PI3K-pathway drug this patient can take{now} "
        f"({pathway_said(i, i.pathway_unusable)}, as their own reasons say), and ESR1 tested "
        f"without a mutation: no usable target{now}"
    )


def _long_response(i: MolecularInputs) -> str:
    """What the review leaves open after a long CDK4/6-inhibitor course and no chemotherapy
    for metastatic disease since (case 491), nor an endocrine line that progressed (5657)."""
    if not i.long_cdk46i or i.endocrine_line_since_long or i.visceral_crisis:
        return ""
    if i.targets_acted_on or i.chemotherapy_lines:
        return ""
    return (
        " The review leaves open how a long response to the CDK4/6 inhibitor (12 months or "
        "more here) weighs against this, though it lists the duration of treatment response "
        "among its sequencing factors: a clinician may weigh another endocrine-based line first."
    )


def _maintain_switch(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """MAINTAIN's switch after first-line palbociclib, with no CDK4/6-inhibitor resistance
    mechanism on record (the review: such mechanisms may tell who would benefit from it)."""
    return (
        bool(i.maintain_switch)
        and set(spec.drugs) == {"ribociclib", i.maintain_switch}
        and no_cdk46i_mechanism(i)
    )


def nothing_left(acted: tuple[str, ...], arose_on: str = "") -> str:
    """How rule 6's reason says that no definite target remains (``arose_on``: the oral SERD an
    ESR1 mutation arose on, 8146)."""
    if not acted:
        return "ESR1 and the PI3K pathway tested without an actionable alteration"
    esr1 = (
        f"the ESR1 mutation arose on {arose_on}, an oral oestrogen-receptor degrader (ESR1 not "
        "detected before it), which progressed"
        if arose_on
        else "the ESR1 mutation was acted on (progression on an oral oestrogen-receptor degrader)"
    )
    if len(acted) == 2 and not arose_on:
        return (
            "No definite target left: the ESR1 mutation and the PI3K-pathway alteration were "
            "acted on (progression on an oral oestrogen-receptor degrader, and on a PI3K or AKT "
            "inhibitor)"
        )
    if len(acted) == 2:
        return (
            f"No definite target left: {esr1}, and the PI3K-pathway alteration was acted on "
            "(progression on a PI3K or AKT inhibitor)"
        )
    if acted == ("ESR1",):
        return f"No definite target left: {esr1}, and the PI3K pathway tested without an alteration"
    return (
        "No definite target left: the PI3K-pathway alteration was acted on (progression on a "
        "PI3K or AKT inhibitor) and ESR1 tested without a mutation"
    )


# rule 27: rB1 loss: no CDK4/6 inhibitor
@rule(
    27,
    "RB1 loss: no CDK4/6 inhibitor",
    M,
    condition="RB1 loss or a pathogenic RB1 mutation.",
    effect="Every CDK4/6-inhibitor regimen is excluded (biomarker_absent); a trial with one is "
    "not (its eligibility is its own; rule 74 steps it back).",
    codes=("biomarker_absent",),
    references=(13,),
    regimens=kinds.has_cdk46i,
)
def rb1_loss(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if kinds.has_cdk46i(spec) and not kinds.is_trial(spec) and (rb := i.rb1_loss) is not None:
        yield left_out(
            ExclusionCode.BIOMARKER_ABSENT,
            text=f"RB1 loss {rb.describe()}: CDK4/6 inhibitors act through RB, so a "
            "CDK4/6-inhibitor regimen is left out (review, Resistance Mechanisms).",
            trials=spec.key_trials,
            references=(13,),
        )
