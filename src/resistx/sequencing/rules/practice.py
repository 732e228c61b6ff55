"""The practice-2026 rules (28-36, 68; rule 32 is in ``sensitive``): where the evidence after the review (the ``2026.11`` pack,
from ``update-2026.md``) or the guidelines differ from the review. Each unit names its trials;
every figure in its text is read from the evidence it is given, never written here.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from resistx.model.enums import EndpointKind, ExclusionCode, Factor, Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule
from resistx.sequencing.rules.db04 import db04_population, tdxd_stands_before
from resistx.sequencing.rules.figures import approval, figures, medians
from resistx.sequencing.rules.molecular import esr1_absent, weight
from resistx.sequencing.rules.serd_timing import beside_a_pathway_target

M = Factor.MOLECULAR
H = Factor.HISTORY
PFS = EndpointKind.PFS
OS = EndpointKind.OS
ESR1_LONG = "ESR1-mutated, prior CDK4/6i >=12 months"  # EMERALD's post hoc subgroup (2026.11 pack)
ESR1_LONG_PIK3CA = f"{ESR1_LONG}, PIK3CA-mutated"  # its PIK3CA-mutated patients (medians only)


# -- molecular ---------------------------------------------------------------------------------


# rule 28: eSR1-mutated: the approved oral SERDs preferred
@rule(
    28,
    "ESR1-mutated: the approved oral SERDs preferred",
    M,
    condition="A current ESR1 mutation (as rule 1), and an oral SERD approved for ESR1-mutated "
    "disease after endocrine therapy (elacestrant, imlunestrant, vepdegestrant).",
    effect="Beyond rule 1's match, each approved oral SERD gains enough to be preferred; its "
    "reason gives its trial's ESR1-mutated result and approval. After a CDK4/6 inhibitor of "
    "12 months or more, elacestrant's reason gives EMERALD's post hoc subgroup (the efficacy "
    "factor scores it), and with a PIK3CA mutation too that subgroup's PIK3CA-mutated medians; "
    "under 12 months on one (a known length), it says the patient is not in it, and with an "
    "AKT-pathway alteration too (no progression on a PI3K/AKT inhibitor) each of the three is "
    "at best an alternative after the pathway inhibitor, and ranked after it whatever the tiers "
    "(9650; not where the inhibitor waits on glucose control, 9712, or is declined, 9711) (imlunestrant and vepdegestrant on "
    "EMERALD's subgroup: their trials report nothing by that time, and their reasons say so); "
    "after progression on fulvestrant, the pathway inhibitors' partner, at best an alternative "
    "beside it, without an order between them (case 841); after a CDK4/6-inhibitor course "
    "short enough for rule 18, which holds the pathway inhibitor back as a later option, a "
    "later option at best too, the reason claiming no order between them (9580). "
    "Without a mutation, the three are left out when ESR1 is not mutated "
    "on a current test (biomarker_absent: imlunestrant and vepdegestrant are approved for "
    "ESR1-mutated disease only, and ASCO recommends elacestrant for it), and otherwise wait on "
    "the ESR1 test.",
    codes=(
        "approved_oral_serd_for_esr1",
        "pathway_inhibitor_first_under_12_months",
        "no_result_by_cdk46i_time",
        "under_12_months_after_fulvestrant",
        "biomarker_absent",
        "esr1_test_pending",
    ),
    trials=("EMERALD", "EMBER-3", "VERITAC-2"),
    regimens=kinds.is_approved_oral_serd,
)
def approved_oral_serds(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.is_approved_oral_serd(spec):
        return
    if (f := i.esr1) is None:
        if spec.id in ESR1_MUTATED_ONLY:
            yield _without_esr1_mutation(i, spec, ctx)
        return
    trial = spec.key_trials[0]
    found = figures(ctx, trial, spec.id, "ESR1-mutated")
    result = f"{trial}, ESR1-mutated: {found}" if found else trial
    # a dated approval may come after the plan's date (rule 46): say whom it covers, not that
    # the drug is approved, nor that the approval stands (case 5650)
    approved = (
        f"the population of {spec.name}'s approval ({approval(spec)})"
        if spec.regulatory.date
        else f"{spec.name} is approved for ESR1-mutated disease"
        + (" in postmenopausal women and men (its US label)" if spec.id == "elacestrant" else "")
    )
    text = f"ESR1 mutation: {approved}; {result}."
    trials: tuple[str, ...] = (trial,)
    long = figures(ctx, trial, spec.id, ESR1_LONG)
    if long and i.long_cdk46i:
        text += f" After 12 months or more on a CDK4/6 inhibitor: {long}."
        if i.pik3ca is not None and (co := medians(ctx, trial, spec.id, ESR1_LONG_PIK3CA)):
            text += (
                " Within that subgroup, its PIK3CA-mutated patients, as this patient is: "
                f"{co} (no hazard ratio)."
            )
    elif long and i.cdk46i_under_12_months:
        text += (
            " Its larger benefit was in the post hoc subgroup with 12 months or more on a "
            f"CDK4/6 inhibitor ({long}); under 12 months on one, this patient is not in it."
        )
    yield Effect(
        code="approved_oral_serd_for_esr1",
        delta=ctx.weights.approved_oral_serd * weight(f, ctx),
        text=text,
        trials=trials,
    )
    if (
        i.cdk46i_under_12_months
        and i.akt_pathway is not None
        # the inhibitor held back, waiting on glucose control (9712) or declined (9711): the
        # SERD is not after it
        and not (
            i.after_pi3k_or_akt
            or i.pathway_held_back
            or i.pathway_waits_on_glucose
            or i.pathway_declined
        )
    ):
        yield beside_a_pathway_target(
            trial, bool(long), after_fulvestrant=i.after_fulvestrant, short=i.short_cdk46i
        )


#: the oral SERDs this policy gives for ESR1-mutated disease only, and why: their approvals
#: (update-2026.md: imlunestrant's, with EMBER-3's HR 1.00 where ESR1 was not detected;
#: vepdegestrant's, with VERITAC-2 not significant in all patients), or the guideline where
#: the pack names no approved population (elacestrant: ASCO, update-2026.md section 14)
ESR1_MUTATED_ONLY: MappingProxyType[str, str | None] = MappingProxyType(
    {
        "imlunestrant": None,
        "vepdegestrant": None,
        "elacestrant": "ASCO's guideline recommends it for ESR1-mutated tumours",
    }
)


def _without_esr1_mutation(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Effect:
    trial = spec.key_trials[0]
    guideline = ESR1_MUTATED_ONLY[spec.id]
    basis = (
        f"{spec.name}: {guideline}"
        if guideline
        else f"{spec.name}'s approval ({approval(spec)}) names ESR1-mutated disease only"
    )
    if not i.esr1_negative_current:
        return Effect(
            code="esr1_test_pending",
            text=f"No current ESR1 result: {basis}; its place waits on a current ESR1 result.",
            waits_on="ESR1",
            trials=(trial,),
        )
    found = figures(ctx, trial, spec.id, "ESR1-not-detected")
    itt = figures(ctx, trial, spec.id, "ITT")
    said = f"ESR1 not detected: {found}" if found else f"all patients: {itt}" if itt else ""
    if i.esr1_vus:  # a variant was found: EMBER-3's not-detected subgroup is not this patient's
        said = f"all patients: {itt}" if itt else ""
    return left_out(
        ExclusionCode.BIOMARKER_ABSENT,
        text=f"{esr1_absent(i)} on a current test: {basis}"
        + (f"; {trial}, {said}" if said and not guideline else "")
        + ("; on tissue only: a ctDNA test is asked too (rule 64)." if i.esr1_tissue_only else "."),
        trials=(trial,),
    )


# rule 68: hER2-low or ultralow in DESTINY-Breast06's entry: chemotherapy after trastuzumab
# deruxtecan (practice-2026, beside rule 65)
@rule(
    68,
    "HER2-low or ultralow in DESTINY-Breast06's entry: chemotherapy after trastuzumab deruxtecan",
    M,
    condition="HER2-low or -ultralow, no chemotherapy for metastatic disease, the lines of "
    "DESTINY-Breast06's entry (2 or more endocrine lines, or progression within 6 months on "
    "first-line endocrine therapy with a CDK4/6 inhibitor; at ECOG 2 too, since both its arms "
    "enrolled ECOG 0-1: the recheck of case 980), no interstitial lung disease, no "
    "progression on trastuzumab deruxtecan, no LVEF under 50% on record (rule 126; case "
    "3724), no visceral crisis, and trastuzumab deruxtecan "
    "approved for the patient at the plan's date (before it, rule 46 ranks it within a trial "
    "only, and chemotherapy is not held back for it: case 2273).",
    effect="Chemotherapy, the arm trastuzumab deruxtecan did better than in DESTINY-Breast06 "
    "(update-2026.md section 6), is at best an alternative, as in DESTINY-Breast04's "
    "population (rule 65).",
    codes=("chemotherapy_after_tdxd_db06",),
    trials=("DESTINY-Breast06",),
    regimens=kinds.is_chemotherapy,
)
def chemotherapy_after_tdxd_db06(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if not (
        i.her2 in (Her2Status.LOW, Her2Status.ULTRALOW)
        and not i.chemotherapy_lines
        and i.destiny_breast06_lines  # at ECOG 2 too: both arms enrolled ECOG 0-1
        and tdxd_stands_before(i, spec)
        and not _tdxd_not_yet_approved(i, ctx)
    ):
        return
    yield Effect(
        code="chemotherapy_after_tdxd_db06",
        ceiling=1,
        text=f"HER2-{i.her2.value} before any chemotherapy for metastatic disease, after the "
        "endocrine lines of "
        "DESTINY-Breast06's entry, where trastuzumab deruxtecan did better than chemotherapy of the physician's choice: "
        "chemotherapy is at best an alternative to it.",
        trials=("DESTINY-Breast06",),
    )


def _tdxd_not_yet_approved(i: MolecularInputs, ctx: Context) -> bool:
    """Trastuzumab deruxtecan's approval for this patient came after the plan's date: the
    policy dates it later (``not_yet_approved``) and its earlier approval, for HER2-low
    disease after chemotherapy (DESTINY-Breast04, which counted a relapse within 6 months of
    (neo)adjuvant chemotherapy), does not cover the patient (rule 46's reading)."""
    later = any(
        kinds.is_tdxd(spec) for rid in i.not_yet_approved if (spec := ctx.regimens.get(rid))
    )
    return later and not (i.her2 is Her2Status.LOW and i.db04_early_relapse)


# rule 145: hER2-low in DESTINY-Breast04's population: datopotamab deruxtecan after
# trastuzumab deruxtecan (practice-2026, beside rule 65)
@rule(
    145,
    "HER2-low in DESTINY-Breast04's population: datopotamab deruxtecan after trastuzumab "
    "deruxtecan",
    M,
    condition="HER2-low in DESTINY-Breast04's population (rule 65: 1-2 chemotherapy lines, "
    "trastuzumab deruxtecan not ruled out (lung disease, an LVEF under 50%) nor progressed on, "
    "no visceral crisis).",
    effect="Datopotamab deruxtecan is at best an alternative to trastuzumab deruxtecan: "
    "TROPION-Breast01 found no overall-survival benefit over chemotherapy (update-2026.md "
    "section 7), where DESTINY-Breast04 found one for trastuzumab deruxtecan (Modi et al., N "
    "Engl J Med 2022; not in the review) (case 2900: both were preferred).",
    codes=("datopotamab_after_tdxd",),
    trials=("TROPION-Breast01", "DESTINY-Breast04"),
    regimens=kinds.has_datopotamab_deruxtecan,
)
def datopotamab_after_tdxd(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.her2 is not Her2Status.LOW or not db04_population(i) or i.visceral_crisis:
        return
    yield Effect(
        code="datopotamab_after_tdxd",
        ceiling=1,
        text="HER2-low after one or two chemotherapy lines, DESTINY-Breast04's population: "
        "trastuzumab deruxtecan, the standard of care there (the review), which also improved "
        "overall survival (Modi et al., N Engl J Med 2022; not in the review), comes first; "
        "TROPION-Breast01 found no overall-survival benefit for datopotamab deruxtecan over "
        "chemotherapy: at best an alternative to it.",
        trials=("TROPION-Breast01", "DESTINY-Breast04"),
    )
