"""Factor 1 (review, Discussion): the molecular aberrations present at this time point.

ESR1 -> oral SERD (rule 1); PIK3CA, AKT1, PTEN -> alpelisib, capivasertib, everolimus later
(rule 2); germline BRCA1/2 or PALB2, somatic BRCA1/2 -> PARP inhibitors (rule 5). A finding
from before the latest progression counts half (stale_factor).
"""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor, Origin
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.findings import Finding
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.vocab.drugs import drug_class

M = Factor.MOLECULAR


def weight(f: Finding, ctx: Context) -> float:
    return ctx.weights.stale_factor if f.stale else 1.0


# rule 1: eSR1 mutation: oral SERD
@rule(
    1,
    "ESR1 mutation: oral SERD",
    M,
    condition="A current ESR1 mutation (a ctDNA positive after the latest progression stands "
    "against a negative tissue test of the same time).",
    effect="Oral SERDs score a biomarker match (half if the mutation predates the latest "
    "progression); ESR1 tested and not mutated: they score against.",
    codes=("esr1_mutation_matches_oral_serd", "esr1_not_mutated", "esr1_untested"),
    trials=("EMERALD", "SERENA-2"),
    references=(65, 66, 68),
    regimens=kinds.is_oral_serd,
)
def esr1_oral_serd(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.has_class(spec, DrugClass.ORAL_SERD):
        return
    if (f := i.esr1) is not None:
        yield Effect(
            code="esr1_mutation_matches_oral_serd",
            delta=ctx.weights.match * weight(f, ctx),
            text=f"ESR1 mutation {f.describe()}: oral SERDs overcome ESR1-mutant resistance; "
            "the review prefers them for ESR1-mutated disease.",
            trials=spec.key_trials,
        )
    elif i.esr1_negative:
        yield Effect(
            code="esr1_not_mutated",
            delta=ctx.weights.against,
            text="ESR1 not mutated: the ESR1-mutant subgroup drew the greater benefit from oral "
            "SERDs, so an oral SERD is not preferred.",
            trials=(*spec.key_trials, "acelERA"),
        )
    else:
        yield Effect(
            code="esr1_untested",
            text="ESR1 status unknown: a current ESR1 result decides whether an oral SERD is "
            "preferred.",
            trials=spec.key_trials,
        )


# rule 2: pI3K-AKT pathway: alpelisib, capivasertib; everolimus after them
@rule(
    2,
    "PI3K-AKT pathway: alpelisib, capivasertib; everolimus after them",
    M,
    condition="A PIK3CA mutation; an AKT1 mutation or PTEN loss; or the pathway's test status.",
    effect="PIK3CA: alpelisib+fulvestrant and capivasertib+fulvestrant score a match; AKT1/PTEN: "
    "capivasertib only. No PIK3CA mutation: alpelisib is excluded (biomarker_absent), unless "
    "PIK3CA is 'not detected' by PCR only: then it waits on NGS. PTEN loss by IHC "
    "alone, or a pathway negative by PCR alone: capivasertib waits on NGS (CAPItello-291 and "
    "FAKTION's expanded analysis used NGS). Everolimus regimens score a partial match, and "
    "everolimus+exemestane steps back only where a PI3K/AKT inhibitor is indicated.",
    codes=(
        "pik3ca_mutation_matches_alpelisib",
        "biomarker_absent",
        "pik3ca_test_pending",
        "akt_pathway_alteration_matches_capivasertib",
        "pathway_not_altered_by_ngs",
        "akt_pathway_unknown_or_absent",
        "pathway_confirm_by_ngs",
        "pam_alteration_matches_mtor_inhibitor",
        "triniti_biomarker_worse",
        "everolimus_later_line",
    ),
    trials=("SOLAR-1", "BYLieve", "CAPItello-291", "FAKTION", "retrospective-ref47", "TRINITI-1"),
    references=(42, 43, 47, 49, 50, 51),
    regimens=kinds.acts_on_pi3k_pathway,
)
def pi3k_pathway(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if kinds.has_class(spec, DrugClass.PI3K_INHIBITOR):
        if (f := i.pik3ca) is not None:
            yield Effect(
                code="pik3ca_mutation_matches_alpelisib",
                delta=w.match * weight(f, ctx),
                text=f"PIK3CA mutation {f.describe()}: alpelisib is for PIK3CA-mutated tumours "
                "(SOLAR-1, BYLieve).",
                trials=spec.key_trials,
            )
        elif i.pik3ca_pcr_only:
            yield Effect(
                code="pik3ca_test_pending",
                text="PIK3CA 'not detected' by PCR only: an NGS test decides whether alpelisib "
                "applies (it is for PIK3CA-mutated tumours only, SOLAR-1).",
                waits_on="PIK3CA by NGS",
                trials=("SOLAR-1",),
            )
        else:
            yield Effect(
                code=ExclusionCode.BIOMARKER_ABSENT.value,
                exclude=ExclusionCode.BIOMARKER_ABSENT,
                text="No PIK3CA mutation on record: alpelisib is for PIK3CA-mutated tumours only "
                "(SOLAR-1 showed no significant benefit without the mutation).",
                trials=("SOLAR-1",),
            )
    elif kinds.has_class(spec, DrugClass.AKT_INHIBITOR):
        yield from _capivasertib(i, spec, ctx)
    elif kinds.has_class(spec, DrugClass.MTOR_INHIBITOR):
        yield from _everolimus(i, spec, ctx)


def _capivasertib(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if (f := i.akt_pathway) is not None:
        agent = next(d for d in spec.drugs if drug_class(d) is DrugClass.AKT_INHIBITOR)
        population = (
            "the population of CAPItello-291's greatest benefit"
            if agent == "capivasertib"  # another AKT inhibitor (a trial's): the class evidence
            else f"which {agent} targets; the review's AKT-inhibitor evidence is capivasertib's, "
            "greatest in this population (CAPItello-291)"
        )
        yield Effect(
            code="akt_pathway_alteration_matches_capivasertib",
            delta=w.match * weight(f, ctx),
            text=f"{f.gene} {f.result.status.value} {f.describe()}: an AKT-pathway alteration "
            f"(PIK3CA, AKT1, PTEN), {population}.",
            trials=spec.key_trials,
        )
        if i.akt_pathway_ihc_only:
            yield Effect(
                code="pathway_confirm_by_ngs",
                text="PTEN loss by IHC only: CAPItello-291 selected its altered population by "
                "NGS; confirm by NGS before choosing.",
                waits_on="PTEN by NGS",
                trials=("CAPItello-291",),
            )
    elif i.pam_negative_by_ngs:
        yield Effect(
            code="pathway_not_altered_by_ngs",
            text="No PI3K/AKT/PTEN alteration by NGS: the efficacy is FAKTION's expanded "
            "non-altered subgroup's, which showed no significant benefit.",
            trials=("FAKTION",),
        )
    elif i.pam_pcr_only:
        yield Effect(
            code="pathway_confirm_by_ngs",
            text=f"{', '.join(i.pam_pcr_only)} 'not detected' by PCR only: in FAKTION's expanded "
            "NGS analysis more tumours were pathway-altered; capivasertib's place waits on NGS.",
            waits_on="PI3K pathway by NGS",
            trials=("FAKTION",),
        )
    else:
        yield Effect(
            code="akt_pathway_unknown_or_absent",
            delta=w.capivasertib_unselected,
            text="No AKT-pathway alteration on record: CAPItello-291 also improved PFS in its "
            "overall population, less than in the altered subgroup.",
            trials=spec.key_trials,
        )


def _everolimus(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if (f := i.akt_pathway) is not None:
        yield Effect(
            code="pam_alteration_matches_mtor_inhibitor",
            delta=w.partial * weight(f, ctx),
            text=f"{f.gene} {f.result.status.value} {f.describe()}: the review lists "
            "everolimus-based regimens for PI3K-AKT-mTOR pathway alterations, after PI3K and AKT "
            "inhibitors.",
            trials=spec.key_trials,
        )
        if (
            kinds.is_endocrine_based(spec)
            and not kinds.has_cdk46i(spec)
            and not i.after_pi3k_or_akt
        ):
            yield Effect(
                code="everolimus_later_line",
                delta=w.everolimus_later,
                text="A PI3K or AKT inhibitor is indicated for this alteration: the review "
                "places everolimus after them (about 4 months' median PFS after a CDK4/6 "
                "inhibitor).",
                trials=("retrospective-ref46", "retrospective-ref47"),
            )
    if kinds.has_cdk46i(spec) and (i.pik3ca or i.esr1):
        yield Effect(
            code="triniti_biomarker_worse",
            delta=w.triniti_worse,
            text="PIK3CA or ESR1 mutation: TRINITI-1's biomarker analysis found worse outcomes "
            "on the triplet with either mutation.",
            trials=("TRINITI-1",),
        )


# rule 5: homologous-recombination genes: PARP inhibitor
@rule(
    5,
    "Homologous-recombination genes: PARP inhibitor",
    M,
    condition="Germline BRCA1/2 or PALB2, or a somatic BRCA1/2 mutation (pathogenic).",
    effect="Olaparib scores a match (talazoparib by class, and fully for germline BRCA1/2, for "
    "which both are approved on trials the review cites without figures: OlympiAD and EMBRACA, "
    "HER2-negative disease); otherwise both are excluded (biomarker_absent).",
    codes=(
        "hrd_mutation_matches_parp_inhibitor",
        "hrd_mutation_matches_parp_inhibitor_class",
        "germline_brca_matches_parp_inhibitor",
        "biomarker_absent",
    ),
    trials=("TBCRC 048",),
    references=(74, 75, 76),
    regimens=kinds.is_parp_inhibitor,
)
def parp_inhibitor(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if spec.kind.value != "parp_inhibitor":
        return
    if not i.parp:
        yield Effect(
            code=ExclusionCode.BIOMARKER_ABSENT.value,
            exclude=ExclusionCode.BIOMARKER_ABSENT,
            text="No germline BRCA1/2 or PALB2 and no somatic BRCA1/2 mutation on record: a PARP "
            "inhibitor needs one (TBCRC 048).",
            trials=spec.key_trials,
        )
        return
    best = max(i.parp, key=lambda f: (weight(f, ctx), f.gene))
    genes = ", ".join(f"{f.result.origin.value} {f.gene}" for f in i.parp)
    germline_brca = any(f.gene != "PALB2" and f.result.origin is Origin.GERMLINE for f in i.parp)
    match = ctx.weights.match * weight(best, ctx)
    if germline_brca:
        yield Effect(
            code="germline_brca_matches_parp_inhibitor",
            delta=match,
            text=f"{genes} mutation {best.describe()}: olaparib and talazoparib are approved for "
            "germline BRCA-mutated HER2-negative metastatic breast cancer, hormone-receptor-"
            "positive included (the trials of review refs 74-75, in patients without a prior "
            "CDK4/6 inhibitor); their use here extends that.",
            references=spec.references,
        )
    elif spec.id == "talazoparib":
        yield Effect(
            code="hrd_mutation_matches_parp_inhibitor_class",
            delta=match / 2,
            text=f"{genes} mutation {best.describe()}: TBCRC 048 tested olaparib; talazoparib is "
            "another PARP inhibitor, supported here by class only.",
            trials=spec.key_trials,
        )
    else:
        yield Effect(
            code="hrd_mutation_matches_parp_inhibitor",
            delta=match,
            text=f"{genes} mutation {best.describe()}: TBCRC 048 saw responses with germline "
            "PALB2 and somatic BRCA1/2 mutations, also after a CDK4/6 inhibitor.",
            trials=spec.key_trials,
        )


# rule 17: no biomarker selects it
@rule(
    17,
    "No biomarker selects it",
    M,
    condition="No other molecular rule speaks for the regimen.",
    effect="A neutral reason: the regimen needs no biomarker, or none on record selects it.",
    codes=("no_biomarker_required", "no_matching_biomarker"),
    fallback=True,
)
def no_biomarker(_i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if kinds.is_cytotoxic(spec):
        yield Effect(
            code="no_biomarker_required",
            text=f"{spec.name} needs no biomarker.",
            trials=spec.key_trials,
        )
    else:
        yield Effect(
            code="no_matching_biomarker",
            text=f"No biomarker on record selects {spec.name}.",
            trials=spec.key_trials,
        )
