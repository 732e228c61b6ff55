"""The practice-2026 rules on the PI3K-pathway drugs (31, 33, 38, 39): inavolisib's triplet for
INAVO120's population (and the question its population turns on), gedatolisib for VIKTORIA-1's
PIK3CA wild-type cohort, capivasertib for altered tumours only (ASCO)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, EndpointKind, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.findings import Finding
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, left_out, rule
from resistx.sequencing.rules.adjuvant_resistance import INAVO120_TRIPLET
from resistx.sequencing.rules.figures import approved_as, figures, medians
from resistx.sequencing.rules.molecular import weight

M = Factor.MOLECULAR
OS = EndpointKind.OS
PIK3CA_MUTATED = (BiomarkerStatus.MUTATED,)


# rule 31: PIK3CA-mutated relapse on adjuvant endocrine therapy: inavolisib triplet
@rule(
    31,
    "PIK3CA-mutated relapse on adjuvant endocrine therapy: inavolisib+palbociclib+fulvestrant",
    M,
    condition="A PIK3CA mutation, relapse during or within 12 months of (neo)adjuvant "
    "endocrine therapy, no therapy for metastatic disease, and no relapse on a (neo)adjuvant "
    "CDK4/6 inhibitor (INAVO120's population).",
    effect="Inavolisib+palbociclib+fulvestrant scores a match and more (INAVO120's overall "
    "survival benefit); outside that population it is left out (out_of_population, whatever "
    "PIK3CA shows); within it, PIK3CA untested or negative by PCR only, it waits on an NGS "
    "test, and with no PIK3CA mutation it is left out (biomarker_absent); with a PIK3CA "
    "mutation and the relapse's interval unknown (an undated (neo)adjuvant endocrine course, "
    "nothing else placing it), it waits on that date (case 1457).",
    codes=(
        "inavo120_population",
        "out_of_population",
        "inavo120_pik3ca_untested",
        "biomarker_absent",
        "inavo120_relapse_undated",
    ),
    trials=("INAVO120",),
    regimens=kinds.has_later_pi3k_inhibitor,
)
def inavolisib_triplet(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if "inavolisib" not in spec.drugs:
        return
    trial = "INAVO120"
    # the population first: after a CDK4/6 inhibitor no PIK3CA result would open the triplet
    if not (i.early_adjuvant_relapse or i.early_adjuvant_relapse_unknown):
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text="INAVO120 enrolled relapse during or within 12 months of adjuvant endocrine "
            "therapy, before any therapy for metastatic disease and not during or within 12 "
            "months of an adjuvant CDK4/6 inhibitor; "
            + (
                "no (neo)adjuvant therapy is on record (see the actions)."
                if i.untreated and i.pik3ca is not None
                else "not this patient."
            ),
            trials=(trial,),
        )
    elif i.pik3ca is None and (i.pik3ca_untested or i.pik3ca_pcr_only or i.pam_ctdna_only):
        yield _pik3ca_wait(i)
    elif (f := i.pik3ca) is None:
        yield left_out(
            ExclusionCode.BIOMARKER_ABSENT,
            text="No PIK3CA mutation on record: INAVO120 enrolled PIK3CA-mutated disease only.",
            trials=(trial,),
        )
    else:
        pfs = figures(ctx, trial, spec.id, "ITT")
        os_ = figures(ctx, trial, spec.id, "ITT", OS)
        said = "; ".join(x for x in (pfs, os_) if x)
        if i.early_adjuvant_relapse_unknown:  # cases 1457, 1577d
            yield _relapse_undated(f, said, i.early_adjuvant_relapse_unknown)
            return
        yield Effect(
            code="inavo120_population",
            delta=(ctx.weights.match + ctx.weights.inavolisib_population) * weight(f, ctx),
            leads=True,
            text=f"PIK3CA mutation {f.describe()}, relapse on or soon after adjuvant endocrine "
            f"therapy: INAVO120's population ({said}).",
            trials=(trial,),
        )


#: the date not recorded that leaves INAVO120's population unknown, as rule 31 names it (case
#: 1577d: the end date was named where the relapse date was missing)
_MISSING = {"end date": "end date", "relapse date": "date of relapse"}


def _pik3ca_wait(i: MolecularInputs) -> Effect:
    """Rule 31 where PIK3CA is untested, negative by PCR or on ctDNA only (case 1501), or
    doubtful: the triplet waits on the test."""
    tissue = i.pam_ctdna_only and not (i.pik3ca_untested or i.pik3ca_pcr_only)
    said = (
        "'not detected' by PCR only"
        if i.pik3ca_pcr_only
        else "'not detected' on ctDNA only, which can miss what tissue finds"
        if tissue
        else "reported as not pathogenic on a known activating variant"
        if i.pik3ca_doubtful
        else "not tested"
    )
    population = (
        "INAVO120's population"
        if i.early_adjuvant_relapse
        else "INAVO120's population if the relapse came within 12 months of (neo)adjuvant "
        f"endocrine therapy (its {_MISSING[i.early_adjuvant_relapse_unknown]} not on record)"
    )
    test = (
        "its classification" if i.pik3ca_doubtful else "a tissue test" if tissue else "an NGS test"
    )
    return Effect(
        code="inavo120_pik3ca_untested",
        text=f"{population}, PIK3CA {said}: the triplet is for PIK3CA-mutated disease; its "
        f"place waits on {test}.",
        waits_on="PIK3CA classification"
        if i.pik3ca_doubtful
        else "PIK3CA on tissue"
        if tissue
        else "PIK3CA by NGS",
        trials=("INAVO120",),
    )


def _relapse_undated(f: Finding, said: str, missing: str) -> Effect:
    """Rule 31 where a date not recorded leaves INAVO120's population unknown: the end of a
    (neo)adjuvant endocrine course (case 1457) or the relapse's (case 1577d); the triplet waits
    on it."""
    if missing == "relapse date":
        return Effect(
            code="inavo120_relapse_undated",
            text=f"PIK3CA mutation {f.describe()}, and the date of relapse not recorded, this "
            "decision coming over a year after (neo)adjuvant endocrine therapy ended: INAVO120's "
            f"population if the relapse came within 12 months of its end ({said}); its place "
            "waits on that date (rule 125).",
            waits_on="the date of relapse",
            trials=("INAVO120",),
        )
    return Effect(
        code="inavo120_relapse_undated",
        text=f"PIK3CA mutation {f.describe()}, and (neo)adjuvant endocrine therapy with no end "
        "date: INAVO120's population if the relapse came during it or within 12 months of its "
        f"end ({said}); its place waits on that date (rule 123).",
        waits_on="the end date of (neo)adjuvant endocrine therapy",
        trials=("INAVO120",),
    )


# rule 39: PIK3CA-mutated, nothing on record: ask about adjuvant endocrine therapy
@rule(
    39,
    "PIK3CA-mutated with no treatment on record: ask about adjuvant endocrine therapy",
    None,
    condition="A current PIK3CA mutation and no treatment on record in any setting "
    "(INAVO120's population turns on (neo)adjuvant endocrine therapy and when relapse came).",
    effect="An action, before choosing, to record any (neo)adjuvant endocrine therapy and the "
    "date of relapse.",
    codes=("ask_adjuvant_endocrine_history",),
    trials=("INAVO120",),
)
def ask_adjuvant_history(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    if facts.profile.treatments or not facts.found("PIK3CA", *PIK3CA_MUTATED):
        return
    approved = approved_as(ctx, INAVO120_TRIPLET, facts.profile.decision_date)
    yield PlanEffect(
        code="ask_adjuvant_endocrine_history",
        genes=("PIK3CA",),
        first=True,
        text="No treatment on record: was (neo)adjuvant endocrine therapy given, and when did "
        "the disease relapse? Relapse during it or within 12 months of its end, with this "
        "PIK3CA mutation, is INAVO120's population: inavolisib + palbociclib + fulvestrant"
        f"{approved}.",
    )


# rule 33: gedatolisib: PIK3CA wild-type (VIKTORIA-1)
@rule(
    33,
    "Gedatolisib: PIK3CA wild-type (VIKTORIA-1)",
    M,
    condition="PIK3CA tested and not mutated (VIKTORIA-1's reported cohort); the PIK3CA-mutant "
    "cohort's result is in secondary reports only.",
    effect="Gedatolisib regimens score a match for PIK3CA wild-type disease (investigational: "
    "tier trial, rule 24); with a PIK3CA mutation a neutral reason says the evidence is "
    "secondary only; with no current PIK3CA result they wait on the test (case 526), and with "
    "a PIK3CA negative on ctDNA alone on tissue, as alpelisib does (case 4628a).",
    codes=(
        "pik3ca_wild_type_matches_gedatolisib",
        "gedatolisib_pik3ca_mutant_unconfirmed",
        "gedatolisib_pik3ca_untested",
        "gedatolisib_pik3ca_ctdna_only",
    ),
    trials=("VIKTORIA-1",),
    regimens=kinds.has_later_pi3k_inhibitor,
)
def gedatolisib(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if "gedatolisib" not in spec.drugs:
        return
    trial = "VIKTORIA-1"
    if i.pik3ca_negative and i.pam_ctdna_only:  # case 4628a: as alpelisib's row reads it
        yield Effect(
            code="gedatolisib_pik3ca_ctdna_only",
            text="PIK3CA not detected on ctDNA alone: plasma can miss a mutation a tissue test "
            "finds, and how VIKTORIA-1 assigned its PIK3CA cohorts is not in the update pack; "
            "the tissue result decides which cohort speaks for this patient.",
            waits_on="PIK3CA on tissue",
            trials=(trial,),
        )
    elif i.pik3ca_negative:
        found = figures(ctx, trial, spec.id, "PIK3CA-wild-type")
        yield Effect(
            code="pik3ca_wild_type_matches_gedatolisib",
            delta=ctx.weights.match,
            text="PIK3CA not mutated: VIKTORIA-1's PIK3CA wild-type cohort"
            + (f" ({found})." if found else "."),
            trials=(trial,),
        )
    elif i.pik3ca is not None:
        # the doublet has medians only there, against alpelisib (case 3373)
        found = figures(ctx, trial, spec.id, "PIK3CA-mutated") or medians(
            ctx, trial, spec.id, "PIK3CA-mutated", against="alpelisib+fulvestrant"
        )
        yield Effect(
            code="gedatolisib_pik3ca_mutant_unconfirmed",
            text="PIK3CA mutation: VIKTORIA-1's PIK3CA-mutant cohort, against alpelisib + "
            "fulvestrant, is reported in secondary sources only"
            + (f": {found}" if found else "")
            + "; no match is scored on it.",
            trials=(trial,),
        )
    else:  # no current result: the cohort that speaks is not known (case 526)
        yield Effect(
            code="gedatolisib_pik3ca_untested",
            text="PIK3CA with no informative result since the latest progression: VIKTORIA-1 "
            "enrolled its cohorts by PIK3CA status, and its PIK3CA wild-type result is the one "
            "quoted; its place waits on the test.",
            waits_on="PIK3CA",
            trials=(trial,),
        )


# rule 38: capivasertib for PI3K-pathway-altered disease (ASCO)
@rule(
    38,
    "Capivasertib for PI3K-pathway-altered disease",
    M,
    condition="PIK3CA, AKT1 and PTEN each tested by NGS without an alteration since the latest "
    "progression (ASCO's guideline recommends capivasertib for PIK3CA-, AKT1- or PTEN-altered "
    "tumours: update-2026.md section 14).",
    effect="Capivasertib + fulvestrant is left out (biomarker_absent), as alpelisib is without "
    "a PIK3CA mutation. The review's policy keeps it, on CAPItello-291's overall population, as "
    "a later option (rule 2); a missing or PCR-only test still makes it wait (rule 2), and a "
    "negative on ctDNA alone makes it wait on tissue (its companion test; cases 477, 481), and "
    "one by an assay not on record as NGS waits on NGS (case 1257).",
    codes=("biomarker_absent", "pathway_ctdna_only", "pathway_assay_unknown"),
    trials=("CAPItello-291", "FAKTION"),
    regimens=kinds.acts_on_pi3k_pathway_as_reviewed,
)
def capivasertib_altered_only(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not kinds.has_capivasertib(spec):
        return
    if i.pam_negative_by_ngs and i.pam_ctdna_only:  # cases 477, 481
        yield Effect(
            code="pathway_ctdna_only",
            text="PIK3CA, AKT1 and PTEN not altered by NGS on ctDNA alone: plasma can miss what a "
            "tissue test finds, and capivasertib's companion test is a tissue test (FoundationOne "
            "CDx; not in the review); a tissue result decides whether ASCO's recommendation for "
            "PIK3CA-, AKT1- or PTEN-altered tumours applies.",
            waits_on="PI3K pathway on tissue",
            trials=("CAPItello-291",),
        )
    elif i.pam_negative and not (i.pam_negative_by_ngs or i.pam_pcr_only):  # case 1257
        yield Effect(
            code="pathway_assay_unknown",
            text="PIK3CA, AKT1 and PTEN negative by an assay not on record as NGS: ASCO's "
            "recommendation for PIK3CA-, AKT1- or PTEN-altered tumours rests on NGS, as "
            "CAPItello-291's selection did (of tumour tissue); capivasertib's place waits on an "
            "NGS result, on tissue where these negatives are on ctDNA alone.",
            # on ctDNA alone the tissue test the action asks settles it (the recheck, 1265)
            waits_on="PI3K pathway on tissue" if i.pam_ctdna_only else "PI3K pathway by NGS",
            trials=("CAPItello-291",),
        )
    elif i.pam_negative_by_ngs:
        yield left_out(
            ExclusionCode.BIOMARKER_ABSENT,
            text="No pathogenic PIK3CA, AKT1 or PTEN alteration by NGS on a current test: ASCO's "
            "guideline recommends capivasertib for tumours with one (CAPItello-291's altered "
            "population, its US approval's), and FAKTION's non-altered subgroup drew no "
            "significant benefit.",
            trials=("CAPItello-291", "FAKTION"),
        )
