"""Where a drug's label is narrower than the review's reading: factor 1 (rules 75, 77) and
factor 3 (rules 62, 94, 96, 99). The labels are not in the review; each reason says so."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.course_readings import esr1_not_mutated_now
from resistx.sequencing.inputs import HistoryInputs, MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.molecular import esr1_absent
from resistx.vocab.drugs import NONSTEROIDAL_AROMATASE_INHIBITORS

M = Factor.MOLECULAR
H = Factor.HISTORY


def _outside_label(ctx: Context, code: str, why: str, trials: tuple[str, ...]) -> Effect:
    """A regimen given outside its label here: at best a later option, stepping back as rule
    62's abemaciclib alone does (rules 75 and 77)."""
    return Effect(
        code=code,
        delta=ctx.weights.outside_label,
        ceiling=2,
        text=f"{why}: outside its label here, at best a later option.",
        trials=trials,
    )


def is_elacestrant_alone(spec: RegimenSpec) -> bool:
    """Elacestrant given alone."""
    return spec.drugs == ("elacestrant",)


# rule 75: elacestrant without an ESR1 mutation: outside its label
@rule(
    75,
    "Elacestrant without an ESR1 mutation: outside its label",
    M,
    condition="Elacestrant alone, and ESR1 not mutated on a test since the latest progression.",
    effect="At best a later option, and it steps back as rule 62's abemaciclib does: its US "
    "label (2023, before the review; not in the review) is for ESR1-mutated disease only, and "
    "EMERALD's overall result includes the ESR1-mutated patients, who drew the greater benefit "
    "(the review), so the plan does not offer it as if that result were this patient's.",
    codes=("elacestrant_label_esr1_mutated",),
    trials=("EMERALD",),
    regimens=is_elacestrant_alone,
)
def elacestrant_label(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not is_elacestrant_alone(spec) or not esr1_not_mutated_now(i):
        return
    yield _outside_label(
        ctx,
        "elacestrant_label_esr1_mutated",
        f"{esr1_absent(i)} on a current test: elacestrant's US label is for ESR1-mutated disease "
        "only (not in the review), and EMERALD's overall result includes the ESR1-mutated "
        "patients, who drew the greater benefit",
        ("EMERALD",),
    )


# rule 77: capivasertib without a pathway alteration: outside its label (ye2024; practice-2026's
# rule 38 leaves it out there)
@rule(
    77,
    "Capivasertib without a pathway alteration: outside its label",
    M,
    condition="Capivasertib, and PIK3CA, AKT1 and PTEN not altered by NGS on a current test.",
    effect="On ctDNA alone it waits on a tissue test (plasma can miss what tissue finds; its "
    "companion test is a tissue test), as alpelisib does; otherwise at best a later option, "
    "stepping back as rule 62's abemaciclib does: its US label (2023, before the review; not in "
    "the review) is for PIK3CA-, AKT1- or PTEN-altered tumours, and FAKTION's non-altered "
    "subgroup drew no significant benefit.",
    codes=("capivasertib_pathway_ctdna_only", "capivasertib_label_altered"),
    trials=("CAPItello-291", "FAKTION"),
    regimens=kinds.has_capivasertib,
)
def capivasertib_label(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.has_capivasertib(spec) or not i.pam_negative_by_ngs or i.akt_pathway is not None:
        return
    label = "its US label is for PIK3CA-, AKT1- or PTEN-altered tumours (not in the review)"
    if i.pam_ctdna_only:
        yield Effect(
            code="capivasertib_pathway_ctdna_only",
            text="PIK3CA, AKT1 and PTEN not altered by NGS on ctDNA alone: plasma can miss what a "
            f"tissue test finds, and {label}, found by a tissue test (FoundationOne CDx, its "
            "companion test); its place waits on a tissue result.",
            waits_on="PI3K pathway on tissue",
            trials=("CAPItello-291",),
        )
        return
    yield _outside_label(
        ctx,
        "capivasertib_label_altered",
        f"No PIK3CA, AKT1 or PTEN alteration by NGS on a current test: {label}, and FAKTION's "
        "non-altered subgroup drew no significant benefit",
        ("CAPItello-291", "FAKTION"),
    )


# rule 62: abemaciclib alone before any chemotherapy line: outside its label
@rule(
    62,
    "Abemaciclib alone before chemotherapy: outside its label",
    H,
    condition="Abemaciclib alone (no endocrine partner) and no chemotherapy line for metastatic "
    "disease.",
    effect="At best a later option, and it steps back: its US label gives abemaciclib alone "
    "after endocrine therapy and chemotherapy for metastatic disease (MONARCH-1's population; "
    "not in the review), so before any chemotherapy line it is given outside its label.",
    codes=("abemaciclib_alone_before_chemotherapy",),
    trials=("MONARCH-1",),
    regimens=kinds.has_abemaciclib,
)
def abemaciclib_alone(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if spec.drugs != ("abemaciclib",) or i.chemo_lines:
        return
    yield Effect(
        code="abemaciclib_alone_before_chemotherapy",
        delta=ctx.weights.outside_label,
        ceiling=2,
        text="No chemotherapy line for metastatic disease: abemaciclib's US label gives it alone "
        "after endocrine therapy and chemotherapy (MONARCH-1's population; not in the review), "
        "so here it is given outside its label: at best a later option.",
        trials=("MONARCH-1",),
    )


def is_ribociclib_with_an_aromatase_inhibitor(spec: RegimenSpec) -> bool:
    """Ribociclib with an aromatase inhibitor, approved (MAINTAIN's exemestane partner; not
    TRINITI-1's investigational triplet)."""
    return (
        "ribociclib" in spec.drugs
        and DrugClass.AROMATASE_INHIBITOR in kinds.classes(spec)
        and not kinds.is_investigational(spec)
    )


# rule 94: ribociclib with an aromatase inhibitor after endocrine therapy for metastatic disease
@rule(
    94,
    "Ribociclib with an aromatase inhibitor after endocrine therapy: outside its label",
    H,
    condition="Ribociclib with an aromatase inhibitor, after progression on endocrine therapy "
    "for metastatic disease and on a CDK4/6 inhibitor (MAINTAIN's switch) or an aromatase "
    "inhibitor (case 748; case 673: after other endocrine therapy alone the doublets stand "
    "together).",
    effect="At best a later option, stepping back as rule 62's abemaciclib does: ribociclib's US "
    "label gives it with an aromatase inhibitor as initial endocrine-based therapy, and with "
    "fulvestrant after progression on endocrine therapy (not in the review), so MAINTAIN's "
    "exemestane partner is given outside it (case 666). After relapse on (or within 12 months "
    "of) an adjuvant aromatase inhibitor and a CDK4/6 inhibitor, nothing yet for metastatic "
    "disease: at best a later option too (no trial gave it there; case 1021).",
    codes=("ribociclib_ai_after_endocrine_therapy", "ribociclib_ai_after_adjuvant_relapse"),
    trials=("MAINTAIN",),
    regimens=is_ribociclib_with_an_aromatase_inhibitor,
)
def ribociclib_ai_label(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    # after a CDK4/6 inhibitor, or an aromatase inhibitor (whose letrozole doublets rule 71
    # leaves out: case 748); not after other endocrine therapy alone, where every CDK4/6
    # inhibitor's label gives it with an aromatase inhibitor as initial therapy alike (case 673)
    after = i.cdk46i_resistant or i.ai_resistant
    if not is_ribociclib_with_an_aromatase_inhibitor(spec):
        return
    if not i.endocrine_progressed and i.ai_resistant and i.cdk46i_resistant:  # case 1021
        yield _after_adjuvant_relapse(ctx, spec)
    if not (i.endocrine_progressed and after):
        return
    label = (
        "Progressed on endocrine therapy for metastatic disease: ribociclib's US label gives it "
        "with an aromatase inhibitor as initial endocrine-based therapy only, and with "
        "fulvestrant after progression on endocrine therapy (not in the review)"
    )
    why = (
        "; MAINTAIN gave it with exemestane to patients treated with fulvestrant before, and most "
        "of its patients received fulvestrant (Kalinsky et al., J Clin Oncol 2023; not in the "
        "review), so its result says little of the exemestane partner"
        if i.cdk46i_resistant
        else "; the first-line trials of a CDK4/6 inhibitor with an aromatase inhibitor enrolled "
        "no one whose disease had progressed on one (rule 71)"
    )
    yield _outside_label(
        ctx, "ribociclib_ai_after_endocrine_therapy", label + why, spec.key_trials or ("MAINTAIN",)
    )


def _after_adjuvant_relapse(ctx: Context, spec: RegimenSpec) -> Effect:
    """Rule 94 after relapse on (or within 12 months of) an adjuvant aromatase inhibitor and a
    CDK4/6 inhibitor, nothing yet for metastatic disease (case 1021)."""
    return Effect(
        code="ribociclib_ai_after_adjuvant_relapse",
        delta=ctx.weights.outside_label,
        ceiling=2,
        text="Relapse on (or within 12 months of) an adjuvant aromatase inhibitor, after a "
        "CDK4/6 inhibitor: the trials of a CDK4/6 inhibitor with an aromatase inhibitor "
        "enrolled no one whose disease had relapsed so (rule 71), and MAINTAIN gave ribociclib "
        "with exemestane only after fulvestrant (Kalinsky et al., J Clin Oncol 2023; not in the "
        "review): at best a later option.",
        trials=spec.key_trials or ("MAINTAIN",),
    )


def is_everolimus_with_exemestane(spec: RegimenSpec) -> bool:
    """BOLERO-2's regimen, approved (not TRINITI-1's investigational triplet)."""
    return set(spec.drugs) == {"everolimus", "exemestane"} and not kinds.is_investigational(spec)


# rule 96: everolimus + exemestane with no non-steroidal aromatase inhibitor on record
@rule(
    96,
    "Everolimus + exemestane without a non-steroidal aromatase inhibitor before: outside its label",
    H,
    condition="Everolimus + exemestane, no letrozole or anastrozole on record in any setting, and "
    "some endocrine therapy (with none at all, rule 69 says it).",
    effect="At best a later option, stepping back as rule 62's abemaciclib does: BOLERO-2 "
    "enrolled progression on a non-steroidal aromatase inhibitor (the review), and everolimus's "
    "US label is after letrozole or anastrozole failed (not in the review; case 684).",
    codes=("everolimus_after_nonsteroidal_ai",),
    trials=("BOLERO-2",),
    regimens=is_everolimus_with_exemestane,
)
def everolimus_label(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    # with no endocrine therapy on record at all rule 69 says it, for every pathway inhibitor
    if (
        not is_everolimus_with_exemestane(spec)
        or i.no_endocrine_therapy
        or i.aromatase_inhibitors_given & NONSTEROIDAL_AROMATASE_INHIBITORS
    ):
        return
    yield _outside_label(
        ctx,
        "everolimus_after_nonsteroidal_ai",
        "No letrozole or anastrozole on record: BOLERO-2 enrolled progression on a "
        "non-steroidal aromatase inhibitor (the review), and everolimus's US label is after "
        "letrozole or anastrozole failed (not in the review)",
        ("BOLERO-2",),
    )


#: the fulvestrant pairings whose US labels are after progression on endocrine therapy, and
#: the trial each label rests on (ribociclib's covers initial therapy too: MONALEESA-3)
FULVESTRANT_AFTER_ENDOCRINE = {"palbociclib": "PALOMA-3", "abemaciclib": "MONARCH-2"}


def is_fulvestrant_pairing_after_endocrine(spec: RegimenSpec) -> bool:
    """Palbociclib or abemaciclib with fulvestrant alone, approved."""
    return (
        len(spec.drugs) == 2
        and "fulvestrant" in spec.drugs
        and any(d in FULVESTRANT_AFTER_ENDOCRINE for d in spec.drugs)
        and not kinds.is_investigational(spec)
    )


# rule 99: palbociclib or abemaciclib with fulvestrant before any endocrine therapy
@rule(
    99,
    "Palbociclib or abemaciclib with fulvestrant before any endocrine therapy: outside its label",
    H,
    condition="Palbociclib or abemaciclib with fulvestrant, and no endocrine therapy on record in "
    "any setting.",
    effect="At best a later option, stepping back as rule 62's abemaciclib does: their US labels "
    "give the fulvestrant pairing after progression on endocrine therapy (PALOMA-3, MONARCH-2; "
    "not in the review), while ribociclib's gives it as initial endocrine-based therapy too "
    "(MONALEESA-3), and each gives the aromatase-inhibitor pairing first-line (case 771).",
    codes=("fulvestrant_pairing_label",),
    trials=("PALOMA-3", "MONARCH-2"),
    regimens=is_fulvestrant_pairing_after_endocrine,
)
def fulvestrant_pairing_label(
    i: HistoryInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if not i.no_endocrine_therapy or not is_fulvestrant_pairing_after_endocrine(spec):
        return
    drug = next(d for d in spec.drugs if d in FULVESTRANT_AFTER_ENDOCRINE)
    trial = FULVESTRANT_AFTER_ENDOCRINE[drug]
    yield _outside_label(
        ctx,
        "fulvestrant_pairing_label",
        f"No endocrine therapy on record: {drug}'s US label gives it with fulvestrant after "
        f"progression on endocrine therapy ({trial}'s population; not in the review), and with "
        "an aromatase inhibitor as initial therapy; ribociclib's gives the fulvestrant pairing "
        "as initial therapy too (MONALEESA-3)",
        (trial,),
    )
