"""Rule 64: an ESR1 negative on tissue only (or of a sample no one recorded) asks for ctDNA,
as ASCO's 2023 ESR1 update advises."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass
from resistx.sequencing.facts import Facts
from resistx.sequencing.reliability import esr1_tissue_only
from resistx.sequencing.rule import Context, PlanEffect, rule

_ASK = (
    "{} test it in ctDNA too, as ASCO's 2023 ESR1 update advises (ctDNA preferred; one biopsy "
    "can miss a subclonal mutation; not in the review, which asks for a rebiopsy); a mutation "
    "would open an oral SERD."
)
_TISSUE = "ESR1 tested on tissue only:"
#: a negative of no recorded sample is not called tissue (case 4925: a FHIR specimen not read
#: left it unknown, and the plan said 'tissue only')
_NO_SAMPLE = (
    "ESR1's negative names no sample (a ctDNA draw that found nothing and gives no tumour "
    "fraction may be non-informative: record its sample and tumour fraction); if it was tissue,"
)


def _ai_since_esr1_test(facts: Facts) -> bool:
    """An aromatase inhibitor given after the ESR1 negative that stands (or with it undated)."""
    st = facts.genes.get("ESR1")
    tested = st.negative.tested_on if st is not None and st.negative is not None else None
    return any(
        DrugClass.AROMATASE_INHIBITOR in t.drug_classes
        and (tested is None or (end := t.end_date) is None or end > tested)
        for t in facts.in_order
    )


# rule 64: an ESR1 negative on tissue only: a ctDNA test (ASCO 2023)
@rule(
    64,
    "ESR1 negative on tissue only: test ctDNA",
    None,
    condition="No ESR1 mutation on record, the ESR1 negative that stands from a tissue sample "
    "(not ctDNA) and current (since the latest progression: else rule 15 asks a retest), and "
    "no progression on an oral SERD.",
    effect="An action, before choosing (in a visceral crisis for the next line; with no "
    "progression on a CDK4/6 inhibitor for a later line, case 914, unless an aromatase "
    "inhibitor was given since the test, case 1245): test ESR1 in "
    "ctDNA; ASCO's 2023 ESR1 rapid update tests it at each progression with ctDNA preferred "
    "(update-2026.md section 14): one biopsy can miss a subclonal mutation, and a mutation "
    "opens an oral SERD (rules 1 and 28). The review asks for a rebiopsy and says nothing of "
    "the sample: both policies ask, saying the advice is not the review's.",
    codes=("esr1_ctdna",),
)
def esr1_ctdna(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if not esr1_tissue_only(facts):
        return
    crisis = facts.profile.visceral_crisis
    st = facts.genes.get("ESR1")
    # before any CDK4/6 inhibitor progressed on, its combinations come first: the result is
    # for a later line (case 914), unless an aromatase inhibitor was given since the tissue
    # test: a mutation would move the CDK4/6 inhibitor to fulvestrant (case 1245)
    later = not crisis and not facts.post_cdk46i and not _ai_since_esr1_test(facts)
    yield PlanEffect(
        code="esr1_ctdna",
        genes=("ESR1",),
        first=not crisis and not later,
        text=_ASK.format(
            _NO_SAMPLE
            if st is not None and st.negative is not None and st.negative.sample is None
            else _TISSUE
        )
        + (
            " For the next line: chemotherapy for the visceral crisis does not wait for it."
            if crisis
            else " For a later line: with no progression on a CDK4/6 inhibitor on record, a "
            "CDK4/6 inhibitor with endocrine therapy comes first."
            if later
            else ""
        ),
    )
