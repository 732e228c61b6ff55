"""Factor 1, the PI3K-AKT-mTOR pathway (rule 2): PIK3CA, AKT1, PTEN -> alpelisib and
capivasertib, everolimus after them; and what each waits on while the pathway's test is
missing or stands on PCR or IHC alone."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.germline import DISPUTED
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule
from resistx.sequencing.rules.molecular import weight
from resistx.vocab.drugs import drug_class

M = Factor.MOLECULAR


# rule 2: pI3K-AKT pathway: alpelisib, capivasertib; everolimus after them
@rule(
    2,
    "PI3K-AKT pathway: alpelisib, capivasertib; everolimus after them",
    M,
    condition="A PIK3CA mutation; an AKT1 mutation or PTEN loss; or the pathway's test status.",
    effect="PIK3CA: alpelisib+fulvestrant and capivasertib+fulvestrant score a match; AKT1/PTEN: "
    "capivasertib only. No PIK3CA mutation: alpelisib is excluded (biomarker_absent), unless "
    "PIK3CA is 'not detected' by PCR only or untested since the latest progression: then it "
    "waits on NGS; or the pathway is negative on ctDNA alone: then it waits on tissue (its "
    "label). PTEN loss by IHC "
    "alone (or a PTEN loss on ctDNA alone: capivasertib waits on tissue), a pathway negative by PCR alone, or a pathway not all tested since the latest "
    "progression: capivasertib waits on NGS (CAPItello-291 and FAKTION's expanded analysis "
    "used NGS; only FAKTION's altered subgroup drew a significant benefit). Everolimus regimens score a partial match, and "
    "everolimus+exemestane steps back only where a PI3K/AKT inhibitor is indicated. A germline "
    "PTEN variant beside the tumour's sequencing negative for PTEN: capivasertib waits on the "
    "laboratory's answer (rule 21 asks; case 4572a).",
    codes=(
        "pik3ca_mutation_matches_alpelisib",
        "biomarker_absent",
        "pik3ca_test_pending",
        "pik3ca_untested",
        "pik3ca_ctdna_only",
        "akt_pathway_alteration_matches_capivasertib",
        "pathway_not_altered_by_ngs",
        "akt_pathway_test_pending",
        "akt_pathway_unknown_or_absent",
        "pathway_confirm_by_ngs",
        "pam_alteration_matches_mtor_inhibitor",
        "triniti_biomarker_worse",
        "everolimus_later_line",
        "pten_germline_disputed",
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
        elif i.pik3ca_pcr_only or i.pik3ca_untested:
            why, decides, waits = (
                ("'not detected' by PCR only", "an NGS test", "PIK3CA by NGS")
                if i.pik3ca_pcr_only
                else ("reported as not pathogenic on a known activating variant (see 'Before "
                      "choosing')", "its classification", "PIK3CA classification")
                if i.pik3ca_doubtful
                else ("with no informative result since the latest progression", "an NGS test",
                      "PIK3CA by NGS")
            )  # fmt: skip
            yield Effect(
                code="pik3ca_test_pending" if i.pik3ca_pcr_only else "pik3ca_untested",
                text=f"PIK3CA {why}: {decides} decides whether alpelisib applies (it is for "
                "PIK3CA-mutated tumours only, SOLAR-1).",
                waits_on=waits,
                trials=("SOLAR-1",),
            )
        elif i.pam_ctdna_only:  # cases 477, 481
            yield Effect(
                code="pik3ca_ctdna_only",
                text="PIK3CA not detected on ctDNA alone: plasma can miss a mutation a tissue "
                "test finds, and alpelisib's US label asks for tumour tissue when plasma finds "
                "none (not in the review); the tissue result decides whether alpelisib applies "
                "(it is for PIK3CA-mutated tumours only, SOLAR-1).",
                waits_on="PIK3CA on tissue",
                trials=("SOLAR-1",),
            )
        else:
            yield left_out(
                ExclusionCode.BIOMARKER_ABSENT,
                text="No PIK3CA mutation on record: alpelisib is for PIK3CA-mutated tumours only "
                "(SOLAR-1 showed no significant benefit without the mutation).",
                trials=("SOLAR-1",),
            )
    elif kinds.has_class(spec, DrugClass.AKT_INHIBITOR):
        yield from _capivasertib(i, spec, ctx)
    elif kinds.has_class(spec, DrugClass.MTOR_INHIBITOR):
        yield from _everolimus(i, spec, ctx)


_PATHWAY_UNTESTED = (
    "No current negative result for each of PIK3CA, AKT1 and PTEN: in FAKTION's expanded NGS "
    "analysis only the pathway-altered subgroup drew a significant benefit, and the review asks "
    "for genomic profiling to find it; capivasertib's place waits on the test."
)
#: how an unconfirmed PTEN loss is confirmed (``pten_unconfirmed``)
_CONFIRM = {
    "by IHC only": "confirm by NGS before choosing.",
    "on ctDNA only": "a copy-number loss is the call plasma makes least reliably, so confirm it "
    "on a tissue biopsy (NGS) before choosing.",
}
_DOUBTFUL_PIK3CA = (
    "PIK3CA reported as not pathogenic on a known activating variant (see 'Before choosing'): "
    "its classification decides whether capivasertib's pathway-altered result applies."
)


#: a germline PTEN variant beside the tumour's sequencing negative (``germline.DISPUTED``)
_PTEN_DISPUTED = Effect(
    code="pten_germline_disputed",
    text="PTEN: a germline pathogenic variant and the tumour's sequencing negative disagree "
    "(see 'Before choosing'): tumour NGS, as CAPItello-291 selected by, shows a constitutional "
    "variant unless it subtracts the germline; capivasertib's place waits on the laboratory's "
    "answer.",
    waits_on="PTEN: the laboratory's answer",
    trials=("CAPItello-291",),
)


def _capivasertib(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if (f := i.akt_pathway) is not None:
        agent = next(d for d in spec.drugs if drug_class(d) is DrugClass.AKT_INHIBITOR)
        population = (
            "the alteration CAPItello-291 selected, though the disease has since progressed on "
            "a PI3K or AKT inhibitor"
            if i.after_pi3k_or_akt  # not the trial's best population any more (rule 11 speaks)
            else "the population of CAPItello-291's greatest benefit"
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
        if how := i.akt_pathway_unconfirmed:
            yield Effect(
                code="pathway_confirm_by_ngs",
                text=f"PTEN loss {how}: CAPItello-291 selected its altered population by NGS of "
                "tumour tissue; " + _CONFIRM[how],
                waits_on="PTEN by NGS" if how == "by IHC only" else "PTEN on tissue",
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
    elif i.akt_pathway_unconfirmed == DISPUTED:  # case 4572a
        yield _PTEN_DISPUTED
    elif not i.pam_negative:
        yield Effect(
            code="akt_pathway_test_pending",
            text=_DOUBTFUL_PIK3CA if i.pik3ca_doubtful else _PATHWAY_UNTESTED,
            waits_on="PIK3CA classification" if i.pik3ca_doubtful else "PI3K pathway by NGS",
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
            and not i.akt_pathway_unconfirmed  # capivasertib waits: not indicated yet
        ):
            yield Effect(
                code="everolimus_later_line",
                delta=w.everolimus_later,
                text="The review places everolimus after the PI3K and AKT inhibitors for this "
                "alteration (about 4 months' median PFS after a CDK4/6 inhibitor), whether or "
                "not they suit this patient (their own rows say).",
                trials=("retrospective-ref46", "retrospective-ref47"),
            )
    if kinds.has_cdk46i(spec) and (i.pik3ca or i.esr1):
        yield Effect(
            code="triniti_biomarker_worse",
            delta=w.triniti_worse,
            text="PIK3CA or ESR1 mutation: in TRINITI-1's exploratory biomarker analysis, median "
            "PFS on the triplet trended shorter with either mutation than without, and the review "
            "reads a possibly worse survival.",
            trials=("TRINITI-1",),
        )


# rule 90: a PIK3CA mutation outside alpelisib's companion test: at best an alternative
@rule(
    90,
    "A PIK3CA mutation outside alpelisib's companion test: at best an alternative",
    M,
    condition="A PIK3CA mutation named as one residue changed that is not one of the 11 of "
    "therascreen PIK3CA (C420R, E542K, E545A/D/G/K, Q546E/R, H1047L/R/Y), and alpelisib.",
    effect="At best an alternative, and its reason says why: SOLAR-1 enrolled, and alpelisib "
    "was approved, on those 11 mutations (the companion diagnostic; not in the review); "
    "capivasertib's match stands (case 622).",
    codes=("pik3ca_variant_outside_therascreen",),
    trials=("SOLAR-1",),
    regimens=kinds.has_alpelisib,
)
def pik3ca_variant_outside_therascreen(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    change = i.pik3ca_outside_therascreen
    if not change or i.pik3ca is None or not kinds.has_alpelisib(spec):
        return
    yield Effect(
        code="pik3ca_variant_outside_therascreen",
        ceiling=1,
        text=f"PIK3CA {change}: not one of the 11 mutations of therascreen PIK3CA, the companion "
        "diagnostic on which SOLAR-1 enrolled and alpelisib was approved (not in the review): "
        "outside the mutations its evidence rests on, at best an alternative.",
        trials=("SOLAR-1",),
    )
