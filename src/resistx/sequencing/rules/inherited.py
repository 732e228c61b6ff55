"""Rule 150: a plasma variant of PTEN or RB1 at the allele fraction of an inherited one, with
no germline result of the gene: offer germline testing (case 4606a: PTEN p.Arg130Ter at a VAF
of 50% in a draw of 5% tumour fraction, Cowden syndrome's variant, with no referral). Rule 57:
a germline BRCA1/2 or PALB2 mutation: genetic counselling."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model._biomarker_checks import TUMOUR_SUPPRESSORS
from resistx.model.enums import BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.facts import HRD_GENES, Facts
from resistx.sequencing.findings import Conflict
from resistx.sequencing.germline import read_and_aside
from resistx.sequencing.reliability import germline_like
from resistx.sequencing.rule import Context, PlanEffect, rule


# rule 150: a plasma PTEN or RB1 variant at a germline allele fraction: test the germline
@rule(
    150,
    "A plasma PTEN or RB1 variant at a germline allele fraction: offer germline testing",
    None,
    condition="A ctDNA PTEN or RB1 mutation whose report gives an allele fraction of 40 to 60% "
    "(a heterozygous inherited variant's), and no germline result of the gene on record.",
    effect="An action, after the options for PTEN (the plan reads it as the tumour's until a "
    "germline result says otherwise), before choosing for RB1 (not read as the tumour's RB1 "
    "loss until then: one copy is not the loss of RB): offer germline testing with genetic "
    "counselling, as a "
    "PTEN variant may be Cowden syndrome's and an RB1 one hereditary retinoblastoma's (not in "
    "the review; case 4606a).",
    codes=("test_germline_plasma_variant",),
)
def germline_plasma_variant(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    # germline PTEN and RB1 results, and an unsettled plasma RB1 variant, are set aside from
    # the facts' results (``germline``): read them all; a failed germline test is no result
    read = read_and_aside(facts)[0]
    tested = {
        r.gene
        for r in read
        if r.origin is Origin.GERMLINE and r.status is not BiomarkerStatus.INDETERMINATE
    }
    found: dict[str, BiomarkerResult] = {}  # the first of each gene
    for r in read:
        if (
            r.gene in TUMOUR_SUPPRESSORS
            and r.sample is Sample.CTDNA
            and r.gene not in tested
            and r.status in (BiomarkerStatus.MUTATED, BiomarkerStatus.LOSS)  # 'loss': 4822m
            and germline_like(r)
        ):
            found.setdefault(r.gene, r)
    for r in found.values():
        rb1 = r.gene == "RB1"  # one copy is not the loss of RB: it decides the CDK4/6 inhibitors
        yield PlanEffect(
            code="test_germline_plasma_variant",
            genes=(r.gene,),
            first=rb1,
            text=f"{r.gene} {r.variant} on ctDNA, at the allele fraction of an inherited variant: "
            f"offer germline {r.gene} testing with genetic counselling (a PTEN variant may be "
            "Cowden syndrome's, an RB1 one hereditary retinoblastoma's; not in the review); "
            + (
                "until then it is not read as the tumour's RB1 loss, and a germline negative "
                "would make it the tumour's, which leaves the CDK4/6 inhibitors out."
                if rb1
                else "until then the plan reads it as the tumour's."
            ),
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
        if (st := facts.genes.get(g))
        and st.finding
        and st.finding.result.origin is Origin.GERMLINE
        and st.finding.result.status is BiomarkerStatus.MUTATED
    )
    if not genes:
        return
    # two germline tests that disagree (rule 21, case 1924): settled first (case 2830c)
    doubted = [g for g in genes if any(_germline_pair(c) for c in facts.genes[g].conflicts)]
    said = (
        f"once the germline {' and '.join(doubted)} tests that disagree are settled (rule 21), "
        if doubted
        else ""
    )
    yield PlanEffect(
        code="genetic_counselling",
        genes=genes,
        first=False,
        text=f"Germline {' and '.join(genes)} mutation: {said}offer genetic "
        "counselling and testing of relatives, if not already done (a germline mutation "
        "concerns the family too; not in the review).",
    )


def _germline_pair(c: Conflict) -> bool:
    """A conflict of two germline results."""
    return c.positive.origin is c.negative.origin is Origin.GERMLINE
