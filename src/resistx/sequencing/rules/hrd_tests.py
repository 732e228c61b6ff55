"""Plan-level rule 26: the homologous-recombination genes' tests (the tumour, the germline),
and how a plan names the PARP-inhibitor targets on record."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, DrugClass, Origin, Sex
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.exhausted import target_left
from resistx.sequencing.facts import HRD_GENES, Facts
from resistx.sequencing.hrd import (
    germline_brca,
    germline_on_record,
    germline_only_brca,
    germline_untested,
    hrd_untested,
    of_unknown_origin,
    origin_unknown,
    parp_contraindicated,
    parp_findings,
    parp_targets,
    platinum_resistant,
    untested,
)
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.timing import before_choosing, for_next_line


# rule 26: homologous-recombination genes: test, and test the germline
@rule(
    26,
    "Homologous-recombination genes: test, and test the germline",
    None,
    condition="BRCA1, BRCA2 or PALB2 untested, tested in the tumour only (no germline result), "
    "or BRCA1/2 tested in the germline only, with no PARP-inhibitor target; or a tumour (somatic) BRCA1/2 or PALB2 finding with no germline "
    "result for that gene.",
    effect="An action to test the untested genes (BRCA1/2 in the tumour where only the "
    "germline was tested; the germline where only the tumour was, case 510), unless the "
    "disease progressed on a PARP inhibitor or a myelodysplastic syndrome leaves them out "
    "(rule 112; case 1204); where the patient declines them, or at ECOG 3 or more (rule 13 "
    "puts the least toxic options first; 8962), after choosing (8051). Germline "
    "testing "
    "and genetic counselling for a tumour finding: after a tumour BRCA1/2 mutation olaparib "
    "does not wait on it (talazoparib does where no germline BRCA1/2 mutation is known: rule "
    "5), and with no chemotherapy on record its test comes before choosing, as olaparib's US "
    "label asks for prior chemotherapy and talazoparib's does not (case 575); "
    "after a tumour PALB2 finding, or a BRCA1/2 finding that is not a mutation (a loss, an "
    "amplification), no PARP inhibitor is matched and a germline mutation would open one, so "
    "the test comes before choosing; after progression on a PARP inhibitor, or with a "
    "myelodysplastic syndrome, it opens nothing, and "
    "the family's reason stays. In a visceral crisis the tests are for the next line and do not "
    "come before choosing.",
    codes=("test_hrd_genes", "test_somatic_brca", "test_germline"),
    trials=("TBCRC 048",),
)
def ask_hrd_tests(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    progressed = parp_closed_for(facts)
    if not progressed:  # no test opens a PARP inhibitor then
        yield from _tests_that_open_parp(facts)
    germline_known = any(map(germline_brca, parp_findings(facts)))
    # olaparib's US label asks for prior chemotherapy, talazoparib's does not: without any, the
    # germline result decides which PARP inhibitor is within its label (case 575)
    no_chemotherapy = not any(DrugClass.CHEMOTHERAPY in t.drug_classes for t in facts.in_order)
    for gene in HRD_GENES:
        status = _tumour_finding(facts, gene)
        if status is not None and not germline_on_record(facts, gene):
            decides = (
                no_chemotherapy
                and not germline_known
                and before_choosing(facts, oral=True, parp=True)
            )
            yield _germline_test(gene, status, progressed, germline_known, decides=decides)


#: what rule 26's test of untested genes adds after platinum (the recheck of case 1009)
_AFTER_PLATINUM = (
    ", though after progression on platinum at best as an alternative (rule 105): for a "
    "later choice, and for the family (a germline mutation concerns relatives too)."
)


#: what a PARP-inhibitor test opens, for its timing (``timing``)
_PARP = {"oral": True, "parp": True}


def _tests_that_open_parp(facts: Facts) -> Iterator[PlanEffect]:
    # what they open is a PARP inhibitor, taken by mouth (rule 110; declined: 8051)
    now, later = before_choosing(facts, **_PARP), for_next_line(facts, **_PARP)
    known_germline = [
        g
        for g in HRD_GENES
        if (st := facts.genes.get(g)) and st.finding and st.finding.result.origin is Origin.GERMLINE
    ]
    # an indeterminate result, or a negative from too little tumour DNA, is no test (case 1454)
    open_ = tuple(g for g in HRD_GENES if untested(facts, g))
    platinum = platinum_resistant(facts)  # rule 105: PARP inhibitors outside their trials
    if open_:
        opens = (  # case 1009
            "; after progression on platinum a PARP inhibitor is at best an alternative (rule 105)"
            if platinum
            else " and opens a PARP inhibitor"
        )
        also = (
            f" A germline {', '.join(known_germline)} mutation is already known{opens}; this "
            "only completes the picture."
            if known_germline
            else ""
        )
        yield PlanEffect(
            code="test_hrd_genes",
            genes=open_,
            first=not (known_germline or platinum) and not target_left(facts) and now,
            text=f"Test {', '.join(open_)} (germline, and somatic BRCA1/2): a germline BRCA1/2 "
            f"or PALB2 or a somatic BRCA1/2 mutation opens a PARP inhibitor (TBCRC 048)"
            + (_AFTER_PLATINUM if platinum and not known_germline else ".")
            + f"{also}"
            f"{_EVERY_MAN * (facts.profile.sex is Sex.MALE)}{later}",
        )
    elif germline := tuple(
        g
        for g in germline_untested(facts, parp_findings(facts))
        if _tumour_finding(facts, g) is None
    ):
        genes = ", ".join(germline)
        yield PlanEffect(
            code="test_germline",
            genes=germline,
            first=not (target_left(facts) or platinum) and now,
            text=f"{genes} tested in the tumour only: offer germline {genes} testing, with "
            "genetic counselling (the ASCO-SSO guideline of 2024 recommends germline BRCA1/2 "
            "testing where a PARP inhibitor could be given; not in the review): a germline "
            "BRCA1/2 or PALB2 mutation opens a PARP inhibitor"
            + (_AFTER_PLATINUM if platinum else ".")
            + later,
        )
    elif hrd_untested(facts, parp_findings(facts))[1]:
        germline_only = germline_only_brca(facts)
        yield PlanEffect(
            code="test_somatic_brca",
            genes=germline_only,
            first=not target_left(facts) and now,
            text=f"{', '.join(germline_only)} tested in the germline only: test the tumour "
            "(tissue or ctDNA NGS) for a somatic BRCA1/2 mutation; one would open a PARP "
            f"inhibitor (TBCRC 048).{later}",
        )


def talazoparib_waits_on_germline(
    i: MolecularInputs, described: str, delta: float, spec: RegimenSpec
) -> Effect:
    """A tumour BRCA1/2 mutation of unknown origin (case 490): talazoparib's trial selected
    germline mutations, so its place waits on the germline test that says which."""
    genes = " and ".join(i.brca_origin_unknown)
    return Effect(
        code="brca_origin_unknown",
        delta=delta,
        text=f"tumour {genes} mutation {described}, {of_unknown_origin(i.brca_origin_unknown)}: "
        "talazoparib's evidence is for germline BRCA1/2 mutations (EMBRACA, "
        "not named in the review; its ref 75), and TBCRC 048's somatic responses were to "
        "olaparib; its place waits on the germline test. If germline, it is within its US "
        "label, which does not ask for prior chemotherapy.",
        waits_on=f"germline {genes}",
        trials=spec.key_trials,
    )


def waits_on_germline(
    genes: tuple[str, ...], spec: RegimenSpec, *, palb2_in_tumour: bool = False
) -> Effect:
    """Rule 5 with BRCA1/2 and PALB2 tested in the tumour only, without a mutation (case 510),
    or a tumour PALB2 mutation (7228c): a PARP inhibitor waits on the germline test that
    ``ask_hrd_tests`` offers."""
    negative = [g for g in genes if not (palb2_in_tumour and g == "PALB2")]
    tested = (
        f"{', '.join(negative)} tested in the tumour only, without a mutation" if negative else ""
    )
    if palb2_in_tumour:  # TBCRC 048's PALB2 responses were to germline mutations (the review)
        tested += f"{', and ' if negative else ''}a tumour PALB2 mutation of unknown origin"
    return Effect(
        code="germline_untested",
        text=f"{tested}: a tumour test is "
        "no germline test (it can miss a germline rearrangement, and some plasma assays leave "
        "germline variants out), and a germline BRCA1/2 mutation opens olaparib and "
        "talazoparib (the trials of review refs 74-75), a germline PALB2 one olaparib (TBCRC "
        "048); its place waits on the germline test.",
        waits_on=f"germline {' and '.join(genes)}",
        trials=spec.key_trials,
    )


#: germline testing in a man, whatever the plan (case 517)
_EVERY_MAN = (
    " Germline testing is recommended for every man with breast cancer, whatever the treatment "
    "(NCCN's genetic/familial high-risk guideline; not in the review): it concerns his "
    "relatives too."
)


def _tumour_finding(facts: Facts, gene: str) -> BiomarkerStatus | None:
    """The status of a tumour (not germline) finding of ``gene``, whose germline test
    ``_germline_test`` asks for; None without one."""
    st = facts.genes.get(gene)
    if st is None or st.finding is None or st.finding.result.origin is Origin.GERMLINE:
        return None
    return st.finding.result.status


def parp_named(facts: Facts) -> tuple[str, ...]:
    parp = parp_findings(facts)
    return parp_targets(parp, unknown=origin_unknown(facts, parp))


def parp_closed_for(facts: Facts) -> bool:
    """No finding opens a PARP inhibitor: the disease progressed on one, or a myelodysplastic
    syndrome leaves them out (rule 112; cases 1204, 1243)."""
    return after_parp(facts) or parp_contraindicated(facts)


def after_parp(facts: Facts) -> bool:
    """The disease progressed on a PARP inhibitor: a BRCA1/2 or PALB2 finding opens none."""
    return DrugClass.PARP_INHIBITOR in facts.progressed_classes


def _germline_test(
    gene: str,
    status: BiomarkerStatus,
    after_parp: bool,
    germline_brca_known: bool,
    *,
    decides: bool = False,
) -> PlanEffect:
    """The germline test a tumour finding of an HRD gene asks for, worded by what it opens
    (after progression on a PARP inhibitor: nothing, and the family's reason stays);
    ``decides``: with no chemotherapy on record, a BRCA1/2 mutation's germline result decides
    which PARP inhibitor is within its label, so the test comes before choosing (case 575)."""
    what = "mutation" if status is BiomarkerStatus.MUTATED else status.value
    if after_parp or (gene != "PALB2" and status is BiomarkerStatus.MUTATED):
        opens = (
            ""
            if after_parp
            else "; olaparib does not wait on it"
            + (
                ", talazoparib (whose trial selected germline mutations) does"
                if gene != "PALB2" and not germline_brca_known
                else ""
            )
        )
        return PlanEffect(
            code="test_germline",
            genes=(gene,),
            first=decides and not after_parp,
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
