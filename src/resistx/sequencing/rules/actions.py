"""Plan-level rules: steps before choosing (retest, HER2, ERBB2 against HER2, the HRD genes,
germline: rules 15, 25, 26, 42); regulatory status (24). Disagreements between results and
variants of uncertain significance are in ``results``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, DrugClass, Factor, Her2Status, Origin
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.build_inputs import by_pcr_only, doubtful, pten_ihc_only
from resistx.sequencing.exhausted import target_left
from resistx.sequencing.facts import HRD_GENES, PAM_GENES, Facts
from resistx.sequencing.hrd import germline_only_brca, hrd_untested, parp_findings, parp_targets
from resistx.sequencing.inputs import EfficacyInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.results import confirm_tissue, ctdna_negative, draw_found_tumour
from resistx.sequencing.rules.timing import before_choosing, for_next_line


def _why_retest(genes: list[str]) -> str:
    """Why a retest is asked, for the genes it asks for only (cases 442, 447)."""
    why = ["ESR1 mutations are acquired under endocrine therapy"] if "ESR1" in genes else []
    if set(genes) & set(PAM_GENES):
        why.append("a PI3K-AKT-mTOR alteration opens a pathway inhibitor")
    return f"{', and '.join(why)}; the results decide the next line."


# rule 15: retest
@rule(
    15,
    "Retest",
    None,
    condition="No ESR1 or PI3K-pathway result, one older than the latest progression, a PCR-only "
    "'not detected', or a PTEN loss by IHC only.",
    effect="An action to retest by ctDNA or rebiopsy (retest; PIK3CA also when another pathway "
    "gene is altered, since alpelisib waits on it), by NGS (retest_ngs), or to confirm by NGS "
    "(confirm_ngs); when the PI3K pathway is negative on ctDNA alone, to confirm on tissue "
    "(confirm_pathway_tissue; with ESR1 too, confirm_tissue, before nothing-actionable moves "
    "the plan to chemotherapy; in a visceral crisis beside chemotherapy, which does not wait "
    "for it): a low-shedding tumour can be missed. When the same draw found a somatic mutation "
    "it held tumour DNA: ESR1 is not asked again, and the pathway's confirmation (not before "
    "choosing) says plasma can still miss what tissue finds, on which the PI3K and AKT "
    "inhibitors wait (cases 477, 481). In a visceral crisis each test is for the next line and "
    "does not come before choosing.",
    codes=("retest", "retest_ngs", "confirm_ngs", "confirm_tissue", "confirm_pathway_tissue"),
    trials=("FAKTION", "CAPItello-291"),
    references=(50,),
)
def retest(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    pathway_found = any(facts.found(g) for g in PAM_GENES)
    # a doubtful call on a known activating variant is rule 45's question, not a new test's
    # ... and an unresolved conflict is rule 21's to resolve, by the other kind of sample
    needs = [
        g
        for g in ("ESR1", *PAM_GENES)
        if facts.needs_retest(g)
        and not doubtful(st := facts.state(g))
        and not (st and st.unresolved)
    ]
    missing = [g for g in needs if g == "ESR1" or not pathway_found]
    if pathway_found and facts.state("PIK3CA") is None:  # alpelisib waits on it all the same
        missing.append("PIK3CA")
    if missing:
        when = (
            f"after the progression of {facts.latest_progression.isoformat()}"
            if facts.latest_progression
            else "at this time point"
        )
        how = "by ctDNA or rebiopsy"
        if any((st := facts.state(g)) and st.uninformative for g in missing):  # shed little DNA
            how = "by rebiopsy (tissue NGS), or ctDNA only with an adequate tumour fraction"
        yield PlanEffect(
            code="retest",
            genes=tuple(missing),
            first=before_choosing(facts, endocrine=True),
            text=f"Test {', '.join(missing)} {when} {how}: {_why_retest(missing)}"
            f"{for_next_line(facts, endocrine=True)}",
        )
    pcr = tuple(g for g in PAM_GENES if (st := facts.state(g)) is not None and by_pcr_only(st))
    pten_only = pten_ihc_only(facts)
    if pcr and (not pathway_found or pten_only):  # an IHC loss settles no NGS question
        yield PlanEffect(
            code="retest_ngs",
            genes=pcr,
            first=before_choosing(facts, endocrine=True),
            text=f"{', '.join(pcr)} 'not detected' by PCR only: retest by NGS; in FAKTION's "
            "expanded NGS analysis more tumours were pathway-altered than by ddPCR."
            f"{for_next_line(facts, endocrine=True)}",
        )
    if not missing and ctdna_negative(facts, PAM_GENES):
        held = draw_found_tumour(facts)  # then ESR1 is no question for tissue (cases 139, 146)
        yield confirm_tissue(
            ctdna_negative(facts, ("ESR1",)) and not held,
            facts.profile.visceral_crisis,
            parp_targets(parp_findings(facts)) if not _after_parp(facts) else (),
            held_tumour=held,
        )
    if pten_only:
        yield PlanEffect(
            code="confirm_ngs",
            genes=("PTEN",),
            first=before_choosing(facts, endocrine=True),
            text="PTEN loss by IHC only: confirm by NGS; CAPItello-291 selected its AKT-pathway "
            f"altered population by NGS.{for_next_line(facts, endocrine=True)}",
        )


# rule 42: an ERBB2 amplification beside a HER2-negative result: retest HER2 first
@rule(
    42,
    "ERBB2 amplified beside a HER2-negative result: retest HER2",
    None,
    condition="An ERBB2 amplification or overexpression on record (tissue or ctDNA) while HER2 "
    "is 0, ultralow or low.",
    effect="An action, before every other, to retest HER2 by IHC and ISH: the disease may be "
    "HER2-positive, which is outside the review (a resistx safeguard; the review does not discuss "
    "ERBB2 on NGS).",
    codes=("retest_her2",),
)
def her2_discordant(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 not in (Her2Status.ZERO, Her2Status.ULTRALOW, Her2Status.LOW):
        return
    st = facts.state("ERBB2")
    if st is None or st.finding is None:
        return
    r = st.finding.result
    if r.status not in (BiomarkerStatus.AMPLIFIED, BiomarkerStatus.OVEREXPRESSED):
        return
    yield PlanEffect(
        code="retest_her2",
        genes=("ERBB2",),
        first=True,
        text=f"Retest HER2 by IHC and ISH before choosing: ERBB2 {r.status.value} "
        f"{st.finding.describe()} disagrees with HER2 {facts.her2.value}. HER2-positive disease is "
        "outside the review and would change every option here.",
    )


# rule 57: a germline BRCA1/2 or PALB2 mutation: genetic counselling
@rule(
    57,
    "A germline BRCA1/2 or PALB2 mutation: genetic counselling",
    None,
    condition="A germline BRCA1, BRCA2 or PALB2 mutation on record.",
    effect="An action, after the options (it changes nothing preferred): offer genetic "
    "counselling and testing of relatives, if not already done; a germline mutation concerns "
    "the family too (not in the review).",
    codes=("genetic_counselling",),
)
def genetic_counselling(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    genes = tuple(
        g
        for g in HRD_GENES
        if (st := facts.state(g))
        and st.finding
        and st.finding.result.origin is Origin.GERMLINE
        and st.finding.result.status is BiomarkerStatus.MUTATED
    )
    if genes:
        yield PlanEffect(
            code="genetic_counselling",
            genes=genes,
            first=False,
            text=f"Germline {' and '.join(genes)} mutation: offer genetic counselling and "
            "testing of relatives, if not already done (a germline mutation concerns the "
            "family too; not in the review).",
        )


# rule 26: homologous-recombination genes: test, and test the germline
@rule(
    26,
    "Homologous-recombination genes: test, and test the germline",
    None,
    condition="BRCA1, BRCA2 or PALB2 untested, or BRCA1/2 tested in the germline only with no "
    "PARP-inhibitor target; or a tumour (somatic) BRCA1/2 or PALB2 finding with no germline "
    "result for that gene.",
    effect="An action to test the untested genes (BRCA1/2 in the tumour where only the "
    "germline was tested), unless the disease progressed on a PARP inhibitor. Germline testing and genetic counselling for a "
    "tumour finding: after a tumour BRCA1/2 mutation the PARP inhibitor does not wait on it; "
    "after a tumour PALB2 finding, or a BRCA1/2 finding that is not a mutation (a loss, an "
    "amplification), no PARP inhibitor is matched and a germline mutation would open one, so "
    "the test comes before choosing; after progression on a PARP inhibitor it opens nothing, and "
    "the family's reason stays. In a visceral crisis the tests are for the next line and do not "
    "come before choosing.",
    codes=("test_hrd_genes", "test_somatic_brca", "test_germline"),
    trials=("TBCRC 048",),
)
def ask_hrd_tests(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    after_parp = _after_parp(facts)
    if not after_parp:  # after progression on a PARP inhibitor no test opens one
        yield from _tests_that_open_parp(facts)
    for gene in HRD_GENES:
        st = facts.state(gene)
        if st is None or st.finding is None or st.finding.result.origin is Origin.GERMLINE:
            continue
        germline_on_record = any(
            r.gene == gene and r.origin is Origin.GERMLINE for r in facts.biomarkers
        )
        if not germline_on_record:
            yield _germline_test(gene, st.finding.result.status, after_parp)


def _tests_that_open_parp(facts: Facts) -> Iterator[PlanEffect]:
    known_germline = [
        g
        for g in HRD_GENES
        if (st := facts.state(g)) and st.finding and st.finding.result.origin is Origin.GERMLINE
    ]
    untested = tuple(g for g in HRD_GENES if facts.state(g) is None)
    if untested:
        also = (
            f" A germline {', '.join(known_germline)} mutation is already known and opens a PARP "
            "inhibitor; this only completes the picture."
            if known_germline
            else ""
        )
        yield PlanEffect(
            code="test_hrd_genes",
            genes=untested,
            first=not known_germline and not target_left(facts) and before_choosing(facts),
            text=f"Test {', '.join(untested)} (germline, and somatic BRCA1/2): a germline BRCA1/2 "
            f"or PALB2 or a somatic BRCA1/2 mutation opens a PARP inhibitor (TBCRC 048).{also}"
            f"{for_next_line(facts)}",
        )
    elif hrd_untested(facts, parp_findings(facts))[1]:
        germline_only = germline_only_brca(facts)
        yield PlanEffect(
            code="test_somatic_brca",
            genes=germline_only,
            first=not target_left(facts) and before_choosing(facts),
            text=f"{', '.join(germline_only)} tested in the germline only: test the tumour "
            "(tissue or ctDNA NGS) for a somatic BRCA1/2 mutation; one would open a PARP "
            f"inhibitor (TBCRC 048).{for_next_line(facts)}",
        )


def _after_parp(facts: Facts) -> bool:
    """The disease progressed on a PARP inhibitor: a BRCA1/2 or PALB2 finding opens none."""
    return DrugClass.PARP_INHIBITOR in facts.progressed_classes


def _germline_test(gene: str, status: BiomarkerStatus, after_parp: bool) -> PlanEffect:
    """The germline test a tumour finding of an HRD gene asks for, worded by what it opens
    (after progression on a PARP inhibitor: nothing, and the family's reason stays)."""
    what = "mutation" if status is BiomarkerStatus.MUTATED else status.value
    if after_parp or (gene != "PALB2" and status is BiomarkerStatus.MUTATED):
        opens = "" if after_parp else "; the PARP-inhibitor option does not wait on it"
        return PlanEffect(
            code="test_germline",
            genes=(gene,),
            text=f"Tumour {gene} {what}: offer germline {gene} testing and genetic "
            f"counselling (a germline mutation concerns the family too){opens}.",
        )
    why = (
        "a somatic PALB2 mutation opens no PARP inhibitor, a germline one does (TBCRC 048)"
        if gene == "PALB2"
        else f"a {gene} {what} is not the mutation the PARP-inhibitor evidence selected, so none "
        "is matched; a germline mutation would open one (TBCRC 048)"
    )
    return PlanEffect(
        code="test_germline",
        genes=(gene,),
        first=True,
        text=f"Tumour {gene} {what}: test germline {gene}, with genetic counselling, before "
        f"choosing: {why}.",
    )


# rule 24: investigational regimens: within a clinical trial
@rule(
    24,
    "Investigational regimens: within a clinical trial",
    Factor.EFFICACY,
    condition="The regimen table marks the regimen investigational in this setting (no approval "
    "the source names: camizestrant, giredestrant, amcenestrant, venetoclax, the ribociclib "
    "triplet, trial enrolment).",
    effect="Tier trial; never ranked above an approved option of the same merit band.",
    codes=("investigational",),
    regimens=kinds.is_investigational,
)
def investigational(_i: EfficacyInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if spec.regulatory.investigational:
        yield Effect(
            code="investigational",
            text=f"Investigational after a CDK4/6 inhibitor ({spec.regulatory.source.rstrip('.')}): "
            "within a clinical trial.",
            trials=spec.key_trials,
        )
