"""Rule 45: a variant of uncertain significance (or a benign one) in a gene that selects a drug
asks, before choosing, whether it has been reclassified."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.sequencing.facts import Facts
from resistx.sequencing.findings import GeneState
from resistx.sequencing.rule import Context, PlanEffect, rule

#: the genes whose pathogenic variants select a regimen, and what they select
SELECTS = {
    "ESR1": "an oral SERD",
    "PIK3CA": "alpelisib or capivasertib",
    "AKT1": "capivasertib",
    "PTEN": "capivasertib",
    "BRCA1": "a PARP inhibitor",
    "BRCA2": "a PARP inhibitor",
    "PALB2": "a PARP inhibitor",
}


def asks_classification(state: GeneState) -> bool:
    """A gene that selects a regimen, with no pathogenic finding and a VUS or benign variant."""
    return state.gene in SELECTS and state.finding is None and bool(state.not_actionable)


# rule 45: a VUS in a gene that selects a drug: ask for its classification
@rule(
    45,
    "A VUS in a gene that selects a drug: ask for its classification",
    None,
    condition="A variant classified as of uncertain significance or (likely) benign, and no "
    "pathogenic finding, in ESR1, PIK3CA, AKT1, PTEN, BRCA1, BRCA2 or PALB2.",
    effect="An action, before choosing, to ask the laboratory or a molecular tumour board "
    "whether the variant has been reclassified (its test counts as finding nothing actionable "
    "until then).",
    codes=("review_variant_classification",),
)
def review_classification(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    for state in facts.genes.values():
        if not asks_classification(state):
            continue
        r = state.not_actionable[-1]
        what = r.classification.value if r.classification else "not pathogenic"
        variant = f" {r.variant}" if r.variant else ""
        yield PlanEffect(
            code="review_variant_classification",
            genes=(state.gene,),
            first=True,
            text=f"{state.gene}{variant} is classified {what}: not a match, and its test counts "
            "as finding nothing actionable. Ask the laboratory or a molecular tumour board "
            f"whether it has been reclassified: a (likely) pathogenic call would open "
            f"{SELECTS[state.gene]}.",
        )
