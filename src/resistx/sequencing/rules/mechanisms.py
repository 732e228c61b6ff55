"""Factor 1, continued: mechanisms of CDK4/6-inhibitor resistance without an approved drug:
the trials that target them (rule 9), the caution on another CDK4/6 inhibitor (rule 43), on
MAINTAIN's switch with an ESR1 mutation (rule 85) and on a cell-cycle trial for a tumour
without RB (rule 74)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor, MechanismCategory
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule

M = Factor.MOLECULAR


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
        text = f"{names}: no approved drug is known to overcome it; {key} tests {drugs}."
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
TARGETED = frozenset({MechanismCategory.PAM_PATHWAY, MechanismCategory.ER_SIGNALING})


def no_cdk46i_mechanism(i: MolecularInputs) -> bool:
    """No CDK4/6-inhibitor resistance mechanism on record (the review: such mechanisms may tell
    who would benefit from continuing a CDK4/6 inhibitor): rule 6's switches."""
    return all(m.category in TARGETED for m in i.mechanisms)


def nothing_left_after_cdk46i(i: MolecularInputs) -> bool:
    """Rule 6's case: after a CDK4/6 inhibitor, nothing actionable tested, each target found
    already acted on, or the one found without a drug the patient can take (case 1035)."""
    return (
        bool(i.tested_without_actionable or i.targets_acted_on or i.pathway_unusable)
        and i.post_cdk46i
    )


# rule 43: cDK4/6-inhibitor resistance markers caution another CDK4/6 inhibitor
@rule(
    43,
    "CDK4/6-inhibitor resistance markers caution another CDK4/6 inhibitor",
    M,
    condition="A result points to a mechanism of CDK4/6-inhibitor resistance other than RB1 loss "
    "(which leaves these regimens out: rule 8) and the ESR1 and PI3K-pathway mechanisms (rules "
    "1 and 2): CCNE1 amplification, FGFR1 amplification, CDK6 or AURKA amplification, ...",
    effect="Each CDK4/6-inhibitor regimen carries a caution naming the mechanism (another CDK4/6 "
    "inhibitor may not overcome it) and a reason that says so in its why, with the review's "
    "own caveat: such markers are studied mainly in vitro and preclinically, none validated for "
    "clinical use; so the marker does not reorder the trials' evidence (postMONARCH's result "
    "stands: session 56's second review, 3501), except MAINTAIN's switch after palbociclib, "
    "which the review finds reasonable in hope that the mechanisms of resistance will tell who "
    "benefits: with one on record it loses that place (case 3425: under practice-2026 it came "
    "first beside a CDK6 amplification, as without it).",
    codes=("cdk46i_resistance_marker", "cdk46i_resistance_marker_against"),
    regimens=kinds.has_cdk46i,
)
def cdk46i_resistance_markers(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    found = [m for m in i.mechanisms if m.category not in TARGETED]
    if not found or kinds.is_trial(spec):
        return  # a trial may target the mechanism itself (VELA: a CDK2 inhibitor)
    names = "; ".join(f"{m.name} ({', '.join(m.genes)})" for m in found)
    refs = tuple(sorted({n for m in found for n in m.references}))
    switch = bool(i.maintain_switch) and is_maintain_regimen(spec)
    yield Effect(
        code="cdk46i_resistance_marker_against",
        delta=-ctx.weights.switch_after_palbociclib if switch else 0.0,
        text=f"{names}: a mechanism of CDK4/6-inhibitor resistance in the review, which finds "
        "such markers studied mainly in vitro and preclinically and none validated for clinical "
        "use: a caution, not an exclusion"
        + (
            "; the switch to ribociclib, which the review finds reasonable after palbociclib in "
            "hope that such mechanisms will tell who benefits, loses its place before the "
            "regimens with a randomised result."
            if switch
            else "."
        ),
        references=refs,
    )
    yield Effect(
        code="cdk46i_resistance_marker",
        caution=True,
        text=f"{names}: associated with CDK4/6-inhibitor resistance (the review, Resistance "
        "Mechanisms); another CDK4/6 inhibitor may not overcome it.",
        references=refs,
    )


#: MAINTAIN's regimens: ribociclib with the endocrine partner switched to
MAINTAIN_REGIMENS = frozenset({frozenset({"ribociclib", p}) for p in ("fulvestrant", "exemestane")})


def is_maintain_regimen(spec: RegimenSpec) -> bool:
    """Ribociclib with fulvestrant or exemestane, not a trial: MAINTAIN's switch."""
    return frozenset(spec.drugs) in MAINTAIN_REGIMENS and not kinds.is_trial(spec)


# rule 85: an ESR1 mutation: MAINTAIN's switch at best a later option (cases 587, 590)
@rule(
    85,
    "An ESR1 mutation: ribociclib after a CDK4/6 inhibitor at best a later option",
    M,
    condition="After progression on a CDK4/6 inhibitor, an ESR1 mutation on record, and "
    "ribociclib with fulvestrant or exemestane (MAINTAIN's switch).",
    effect="At best a later option, whatever rule 8 gives the switch: MAINTAIN's exploratory "
    "analysis of baseline ctDNA found ribociclib's benefit in ESR1 wild-type tumours and none in "
    "ESR1-mutated ones (Kalinsky et al., J Clin Oncol 2023; not in the review).",
    codes=("maintain_esr1_mutated",),
    trials=("MAINTAIN",),
    references=(36,),
    regimens=is_maintain_regimen,
)
def maintain_esr1_mutated(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.esr1 is None or not i.post_cdk46i or not is_maintain_regimen(spec):
        return
    yield Effect(
        code="maintain_esr1_mutated",
        ceiling=2,
        text=f"ESR1 mutation {i.esr1.describe()}: MAINTAIN's exploratory analysis of baseline "
        "ctDNA found ribociclib's benefit in ESR1 wild-type tumours and none in ESR1-mutated "
        "ones (Kalinsky et al., J Clin Oncol 2023; not in the review): at best a later option.",
        trials=("MAINTAIN",),
        references=(36,),
    )


#: the drug classes that act on the cyclin-CDK-Rb cascade: a trial of one asks for RB
RB_DEPENDENT = frozenset({DrugClass.CDK2_INHIBITOR, DrugClass.CDK46_INHIBITOR})


def is_rb_dependent_trial(spec: RegimenSpec) -> bool:
    """A trial that tests a CDK2 or CDK4/6 inhibitor (in any arm)."""
    return kinds.is_trial(spec) and not RB_DEPENDENT.isdisjoint(kinds.classes(spec))


# rule 74: rB1 loss: a trial of a cell-cycle inhibitor steps back
@rule(
    74,
    "RB1 loss: a trial of a CDK2 or CDK4/6 inhibitor steps back",
    M,
    condition="RB1 loss or a pathogenic RB1 mutation, and a trial whose tested drugs include a "
    "CDK2 or CDK4/6 inhibitor (a CDK2, CDK2/4/6 or CDK4 inhibitor study).",
    effect="The trial is not left out (its own eligibility decides, and rule 27 speaks for "
    "approved regimens only) but steps back behind the approved options, and carries a caution: "
    "these inhibitors act on the cyclin E-CDK2-Rb and cyclin D-CDK4/6-Rb cascades (the review, "
    "CDK2 Inhibitor and Resistance Mechanisms), whose end an RB1-lost tumour lacks.",
    codes=("rb1_loss_cell_cycle_trial",),
    references=(13,),
    regimens=is_rb_dependent_trial,
)
def rb1_loss_cell_cycle_trial(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if (rb := i.rb1_loss) is None or not is_rb_dependent_trial(spec):
        return
    key = spec.key_trials[0]
    yield Effect(
        code="rb1_loss_cell_cycle_trial",
        delta=ctx.weights.rb1_loss_cell_cycle_trial,
        leads=True,
        text=f"RB1 loss {rb.describe()}: {key} tests a CDK2 or CDK4/6 inhibitor, which acts on "
        "the cyclin-CDK-Rb cascade (the review, CDK2 Inhibitor): a tumour without RB may not "
        "respond, so the trial steps back behind the approved options.",
        references=(13,),
    )
    yield Effect(
        code="rb1_loss_cell_cycle_trial",
        caution=True,
        text=f"RB1 loss: ask the investigators of {key} whether RB1-lost tumours are eligible.",
    )
