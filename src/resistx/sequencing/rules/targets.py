"""Factor 1, continued: HER2-low (rules 3 and 65), nothing actionable (rule 6), RB1 loss (rule
27) and mechanisms without an approved drug (rule 9)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resistx.model.enums import (
    DrugClass,
    ExclusionCode,
    Factor,
    Her2Status,
    MechanismCategory,
    Origin,
)
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.findings import Finding
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule

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
            "(DESTINY-Breast04); it waits on an IHC test.",
            waits_on="HER2 IHC",
            trials=spec.key_trials,
        )
    else:
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"HER2 {i.her2.value}: DESTINY-Breast04 enrolled HER2-low disease only.",
            trials=spec.key_trials,
        )


#: DESTINY-Breast04 enrolled after 1-2 chemotherapy lines for metastatic disease (rule 4)
DB04_CHEMOTHERAPY_LINES = (1, 2)


# rule 65: hER2-low in DESTINY-Breast04's population: chemotherapy after trastuzumab deruxtecan
@rule(
    65,
    "HER2-low in DESTINY-Breast04's population: chemotherapy after trastuzumab deruxtecan",
    M,
    condition="HER2-low after 1-2 chemotherapy lines for metastatic disease (DESTINY-Breast04's "
    "population), no interstitial lung disease on record or from a course it stopped, no "
    "progression on trastuzumab deruxtecan, no visceral crisis.",
    effect="Chemotherapy, the arm trastuzumab deruxtecan did better than in DESTINY-Breast04, "
    "is at best an alternative (as to a PARP inhibitor for germline BRCA1/2: rule 44); in a "
    "visceral crisis chemotherapy comes first (rule 7).",
    codes=("chemotherapy_after_tdxd",),
    trials=("DESTINY-Breast04",),
    references=(62,),
    regimens=kinds.is_chemotherapy,
)
def chemotherapy_after_tdxd(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if (
        i.her2 is not Her2Status.LOW
        or i.chemotherapy_lines not in DB04_CHEMOTHERAPY_LINES
        or not tdxd_stands_before(i, spec)
    ):
        return
    yield Effect(
        code="chemotherapy_after_tdxd",
        ceiling=1,
        text="HER2-low after one or two chemotherapy lines: DESTINY-Breast04's population, "
        "where trastuzumab deruxtecan did better than chemotherapy of the physician's choice: "
        "chemotherapy is at best an alternative to it.",
        trials=("DESTINY-Breast04",),
        references=(62,),
    )


def tdxd_stands_before(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """``spec`` is chemotherapy, and trastuzumab deruxtecan is not ruled out (lung disease,
    progression on it) nor second to it in a visceral crisis (rule 7): rules 65 and 68."""
    return kinds.is_chemotherapy(spec) and not i.tdxd_ruled_out and not i.visceral_crisis


# rule 6: nothing actionable: chemotherapy and ADCs
@rule(
    6,
    "Nothing actionable: chemotherapy and ADCs",
    M,
    condition="After progression on a CDK4/6 inhibitor, ESR1 and the PI3K pathway tested "
    "(current, not PCR only) without an actionable alteration (HER2-low does not count here); "
    "or each target found already acted on, with progression (an ESR1 mutation on an oral "
    "SERD, a PI3K-pathway alteration on a PI3K or AKT inhibitor), the other tested without one. "
    "The short-CDK4/6-inhibitor half of this rule is in the history factor.",
    effect="Chemotherapy and ADCs gain; endocrine-based regimens lose, except everolimus-based "
    "ones after a PI3K or AKT inhibitor given for a pathway alteration (the review lists them "
    "after those). Its reason leads. A "
    "germline PALB2 or somatic BRCA1/2 mutation on record is named in chemotherapy's reason "
    "(not the ADCs'): "
    "olaparib follows from it (TBCRC 048), beside chemotherapy.",
    codes=("no_actionable_alteration", "no_actionable_alteration_endocrine"),
    trials=("TBCRC 048",),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def nothing_actionable(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    acted = i.targets_acted_on
    if not ((i.tested_without_actionable or acted) and i.post_cdk46i) or kinds.is_trial(spec):
        return
    found = _nothing_left(acted)
    if kinds.is_cytotoxic(spec):
        others = (
            parp_targets(i.parp, tbcrc048=True)
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
            text=f"{found}: the review prefers chemotherapy and ADCs.{beside}",
            trials=(*spec.key_trials, "TBCRC 048") if others else spec.key_trials,
        )
    elif kinds.is_endocrine_based(spec) and not (
        "PI3K pathway" in acted and DrugClass.MTOR_INHIBITOR in kinds.classes(spec)
    ):
        yield Effect(
            code="no_actionable_alteration_endocrine",
            delta=ctx.weights.no_actionable_endocrine,
            leads=True,
            text=f"{found}: the review prefers chemotherapy and ADCs over endocrine-based "
            "regimens.",
            trials=spec.key_trials,
        )


def _nothing_left(acted: tuple[str, ...]) -> str:
    """How rule 6's reason says that no definite target remains."""
    if not acted:
        return "ESR1 and the PI3K pathway tested without an actionable alteration"
    if len(acted) == 2:
        return (
            "No definite target left: the ESR1 mutation and the PI3K-pathway alteration were "
            "acted on (progression on an oral SERD, and on a PI3K or AKT inhibitor)"
        )
    if acted == ("ESR1",):
        return (
            "No definite target left: the ESR1 mutation was acted on (progression on an oral "
            "SERD) and the PI3K pathway tested without an alteration"
        )
    return (
        "No definite target left: the PI3K-pathway alteration was acted on (progression on a "
        "PI3K or AKT inhibitor) and ESR1 tested without a mutation"
    )


def germline_brca(f: Finding) -> bool:
    """A germline BRCA1/2 mutation: OlympiAD's and EMBRACA's (rules 5 and 44), not TBCRC 048's."""
    return f.gene != "PALB2" and f.result.origin is Origin.GERMLINE


def parp_targets(parp: Iterable[Finding], *, tbcrc048: bool = False) -> tuple[str, ...]:
    """The PARP-inhibitor targets on record as a text names them ("germline PALB2"); with
    ``tbcrc048`` only those TBCRC 048 studied (germline PALB2, somatic BRCA1/2)."""
    return tuple(
        f"{f.result.origin.value} {f.gene}" for f in parp if not (tbcrc048 and germline_brca(f))
    )


# rule 27: rB1 loss: no CDK4/6 inhibitor
@rule(
    27,
    "RB1 loss: no CDK4/6 inhibitor",
    M,
    condition="RB1 loss or a pathogenic RB1 mutation.",
    effect="Every CDK4/6-inhibitor regimen is excluded (biomarker_absent).",
    codes=("biomarker_absent",),
    references=(13,),
    regimens=kinds.has_cdk46i,
)
def rb1_loss(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if kinds.has_cdk46i(spec) and (rb := i.rb1_loss) is not None:
        yield left_out(
            ExclusionCode.BIOMARKER_ABSENT,
            text=f"RB1 loss {rb.describe()}: CDK4/6 inhibitors act through RB, so a "
            "CDK4/6-inhibitor regimen is left out (review, Resistance Mechanisms).",
            trials=spec.key_trials,
            references=(13,),
        )


# rule 9: mechanisms without an approved drug: trials
@rule(
    9,
    "Mechanisms without an approved drug: trials",
    M,
    condition="A result points to a mechanism (CCNE1 amplification, CDK2 overexpression, AURKA "
    "amplification, ...) that open trials in the evidence target.",
    effect="Each matching open trial whose population's biomarkers the patient has becomes a "
    "trial:<NCT id> option (when include_trials), scored higher when no approved drug targets "
    "the mechanism.",
    codes=("mechanism_matches_trial",),
    trials=("VELA", "NCT04553133", "NCT05262400", "NCT03519178", "NCT03955939"),
    regimens=kinds.is_trial,
)
def mechanism_trial(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.is_trial(spec):
        return
    key = spec.key_trials[0]
    matched = [m for m in i.mechanisms if key in m.trials or _targets(m, spec)]
    approved = any(s in ctx.regimens for m in matched for s in m.strategies)
    names = "; ".join(f"{m.name} ({', '.join(m.genes)})" for m in matched)
    drugs = ", ".join(spec.drugs) or "an investigational agent"
    if approved:
        text = f"{names}: {key} tests {drugs} against it; approved drugs for it come first."
    else:
        text = f"{names}: no approved drug targets it; {key} tests {drugs}."
    w = ctx.weights
    yield Effect(
        code="mechanism_matches_trial",
        delta=w.trial_approved_exists if approved else w.trial_no_approved,
        text=text,
        trials=(key,),
    )


def _targets(mechanism: ResistanceMechanism, spec: RegimenSpec) -> bool:
    return any(c.value in mechanism.strategies for c in kinds.classes(spec))


#: mechanism categories with a target of their own (rules 1 and 2), not a caution here
_TARGETED = frozenset({MechanismCategory.PAM_PATHWAY, MechanismCategory.ER_SIGNALING})


# rule 43: cDK4/6-inhibitor resistance markers caution another CDK4/6 inhibitor
@rule(
    43,
    "CDK4/6-inhibitor resistance markers caution another CDK4/6 inhibitor",
    M,
    condition="A result points to a mechanism of CDK4/6-inhibitor resistance other than RB1 loss "
    "(which leaves these regimens out: rule 8) and the ESR1 and PI3K-pathway mechanisms (rules "
    "1 and 2): CCNE1 amplification, FGFR1 amplification, CDK6 or AURKA amplification, ...",
    effect="Each CDK4/6-inhibitor regimen carries a caution naming the mechanism: another CDK4/6 "
    "inhibitor may not overcome it (the review, Resistance Mechanisms).",
    codes=("cdk46i_resistance_marker",),
    regimens=kinds.has_cdk46i,
)
def cdk46i_resistance_markers(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    found = [m for m in i.mechanisms if m.category not in _TARGETED]
    if not found or kinds.is_trial(spec):
        return  # a trial may target the mechanism itself (VELA: a CDK2 inhibitor)
    names = "; ".join(f"{m.name} ({', '.join(m.genes)})" for m in found)
    yield Effect(
        code="cdk46i_resistance_marker",
        caution=True,
        text=f"{names}: associated with CDK4/6-inhibitor resistance (the review, Resistance "
        "Mechanisms); another CDK4/6 inhibitor may not overcome it.",
        references=tuple(sorted({n for m in found for n in m.references})),
    )
