"""Plan-level rules about the results themselves: results that disagree (rule 21), and a
variant of uncertain significance (or a benign one) in a gene that selects a drug, which asks
before choosing whether it has been reclassified (rule 45); and what a ctDNA negative shows,
for rule 15's tissue confirmation (a draw that found a somatic mutation held tumour DNA)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resistx.model.enums import BiomarkerStatus, Origin, Sample
from resistx.model.profile import BiomarkerResult
from resistx.sequencing import germline
from resistx.sequencing.blood_variants import germline_clear, not_tumour_proof
from resistx.sequencing.build_inputs import from_ctdna
from resistx.sequencing.facts import PAM_GENES, Facts
from resistx.sequencing.findings import Conflict, GeneState
from resistx.sequencing.pten_ihc import OUTDONE
from resistx.sequencing.reliability import LOW_TUMOUR_FRACTION, listed
from resistx.sequencing.rule import Context, PlanEffect, rule


def label(r: BiomarkerResult) -> str:
    """A result as a conflict names it: status, date, sample and assay."""
    where = ", ".join(x for x in (r.sample and r.sample.value, r.assay and r.assay.value) if x)
    when = r.tested_on.isoformat() if r.tested_on else "undated"
    return f"{r.status.value} ({when}{', ' + where if where else ''})"


# rule 21: results that disagree are reconciled, and said
@rule(
    21,
    "Results that disagree are reconciled, and said",
    None,
    condition="A positive and a negative result for the same gene.",
    effect="Germline results are permanent; PIK3CA, AKT1, PTEN, BRCA1/2 and PALB2 alterations "
    "are stable, so a later negative does not erase them (and an earlier one missed them: case "
    "1066); an ESR1 mutation after the latest "
    "progression is current; an earlier ESR1 mutation against later ctDNA negatives only: "
    "neither stands, and ESR1 counts as untested (case 458). A note names both results; where "
    "the negative was kept, or neither, an action asks for a retest that could resolve it; "
    "two germline tests that disagree, for the genetics service to resolve (case 1924); a "
    "germline pathogenic PTEN or RB1 variant beside the tumour's sequencing negative for the "
    "gene, for the laboratory (tumour sequencing shows a constitutional variant unless it "
    "subtracts the germline; session 57).",
    codes=(
        "result_conflict",
        "resolve_conflict",
        "resolve_germline_conflict",
        "resolve_germline_tumour",
    ),  # a note naming both results; an action
)
def conflicts(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    for gene, state in facts.genes.items():
        if _germline_vus_since(state):  # case 2078b: written in another notation, or none
            yield PlanEffect(
                code="resolve_germline_conflict",
                genes=(gene,),
                first=True,
                text=f"{gene}: a later germline report calls a {gene} variant of uncertain "
                "significance (or benign): if it is the variant kept here, reclassified, it no "
                "longer opens what it opens; ask the genetics service before choosing.",
            )
        for c in state.conflicts:
            yield PlanEffect(
                code="result_conflict", note=True, genes=(gene,), text=conflict_text(c)
            )
            # a retest could bring back what the negative hides; not the NGS that outdoes an
            # IHC (case 2840: the NGS is the test CAPItello-291 selected by)
            if c.kept != "positive" and c.why != OUTDONE:
                yield PlanEffect(
                    code="resolve_conflict", genes=(gene,), first=True, text=_resolve(c)
                )
            elif c.positive.origin is c.negative.origin is Origin.GERMLINE:  # case 1924
                yield PlanEffect(
                    code="resolve_germline_conflict",
                    genes=(gene,),
                    first=True,
                    text=(
                        f"{gene}: two germline tests disagree, and a germline test does not "
                        "miss a constitutional variant: ask the genetics service or the "
                        "laboratory whether the variant was reclassified (or a sample mixed "
                        f"up) before choosing what the {gene} variant opens."
                    ),
                )
    yield from _germline_beside_negative(facts)


#: what follows from a tumour negative a germline variant disputes, by gene
_DECIDES = {
    "PTEN": "capivasertib's place waits on the answer (rule 2)",
    "RB1": "meanwhile the tumour's negative is read for the CDK4/6 inhibitors",
}


def _germline_beside_negative(facts: Facts) -> Iterator[PlanEffect]:
    for r, negative in germline.beside_negative(facts):
        yield PlanEffect(
            code="resolve_germline_tumour",
            genes=(r.gene,),
            first=True,
            text=f"{r.gene}: a germline pathogenic variant ({label(r)}) and the tumour's "
            f"{label(negative)} disagree: tumour sequencing shows a constitutional variant "
            "unless the assay subtracts the germline (tumour-normal); ask the laboratory "
            f"before choosing: {_DECIDES[r.gene]}.",
        )


def _germline_vus_since(state: GeneState) -> bool:
    """A germline finding kept, and a germline result of the gene not actionable (a VUS or a
    benign call) dated after it."""
    kept = state.finding.result if state.finding is not None else None
    if kept is None or kept.origin is not Origin.GERMLINE or kept.tested_on is None:
        return False
    return any(
        r.origin is Origin.GERMLINE and r.tested_on is not None and r.tested_on > kept.tested_on
        for r in state.not_actionable
    )


def conflict_text(c: Conflict) -> str:
    kept = "neither is kept" if c.kept == "neither" else f"the {c.kept} is kept"
    why = c.why
    if c.kept == "neither" and (fraction := adequate_fraction((c.negative,))) is not None:
        # the draw held tumour DNA: not a tumour that sheds little (case 860's recheck)
        why = (
            f"a ctDNA negative at a tumour fraction of {fraction:.1%} can still miss a subclone "
            f"after the {c.gene} mutation; until a tissue retest, {c.gene} counts as untested"
        )
    why = f" ({why})" if why else ""  # case 3526c: 'the positive is kept ().'
    return f"{c.gene}: {label(c.positive)} and {label(c.negative)} disagree; {kept}{why}."


def _resolve(c: Conflict) -> str:
    """The retest that could resolve a kept negative: the other kind of sample than its own
    (a tissue biopsy can miss a subclonal mutation that ctDNA finds, and ctDNA a tumour that
    sheds little)."""
    fraction = adequate_fraction((c.negative,))
    if fraction is not None:  # case 860: the draw held tumour DNA; plasma can still miss it
        test = (
            f"a tissue NGS test (the ctDNA draw held tumour DNA, a tumour fraction of "
            f"{fraction:.1%}, yet plasma can miss a subclone)"
        )
    elif c.negative.sample is Sample.CTDNA:
        test = "a tissue NGS test (or ctDNA with a known tumour fraction)"
    else:
        test = "ctDNA NGS now (one biopsy can miss a subclonal mutation), or another biopsy"
    return f"{c.gene}: results disagree; {test} would resolve it."


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


def classified(r: BiomarkerResult) -> str:
    """'PIK3CA R88Q is classified vus': how a plan names a variant that is not pathogenic."""
    what = r.classification.value if r.classification else "not pathogenic"
    variant = f" {r.variant}" if r.variant else ""
    return f"{r.gene}{variant} is classified {what}"


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
    "until then). A call on a known activating variant (``reliability.HOTSPOTS``: therascreen "
    "PIK3CA's mutations) that no later result settles is doubtful: the action says where the "
    "variant is listed, and the drugs it selects wait on the answer (rule 2).",
    codes=("review_variant_classification",),
)
def review_classification(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    for state in facts.genes.values():
        if not asks_classification(state):
            continue
        r = state.doubtful or state.not_actionable[-1]
        where = listed(r) if state.doubtful else None
        counts = (
            f"not a match, though {r.variant} is {where}: the call is doubtful, and "
            f"{SELECTS[state.gene]} waits on it"
            if where
            else "not a match, and its test counts as finding nothing actionable"
        )
        yield PlanEffect(
            code="review_variant_classification",
            genes=(state.gene,),
            first=True,
            text=f"{classified(r)}: {counts}. Ask the laboratory or a molecular tumour board "
            f"whether it has been reclassified: a (likely) pathogenic call would open "
            f"{SELECTS[state.gene]}.",
        )


# -- ctDNA negatives, for rule 15 (actions): confirm on tissue, unless the draw held tumour DNA


def ctdna_negative(facts: Facts, genes: tuple[str, ...]) -> bool:
    """Each gene tested, nothing found, and the negative that stands from ctDNA."""
    states = [facts.genes.get(g) for g in genes]
    return all(st is not None and st.finding is None and from_ctdna(st) for st in states)


def draw_found_tumour(facts: Facts) -> bool:
    """The ctDNA draw that gave the PI3K pathway's negatives (one date) found a somatic mutation:
    it held tumour DNA, so its negatives are not a low-shedding tumour's."""
    dates = {st.negative.tested_on for g in PAM_GENES if (st := facts.genes.get(g)) and st.negative}
    if len(dates) != 1 or None in dates:
        return False
    (drawn,) = dates
    clear = germline_clear(facts.profile.biomarkers)
    return any(
        r.sample is Sample.CTDNA
        and r.tested_on == drawn
        and r.status is BiomarkerStatus.MUTATED
        and r.origin is not Origin.GERMLINE
        and r.actionable
        and not not_tumour_proof(r, clear)  # of blood cells or inherited (8143b)
        for r in facts.profile.biomarkers
    )


def adequate_fraction(negatives: Iterable[BiomarkerResult | None]) -> float | None:
    """The lowest tumour fraction of ctDNA negatives that each report one at or above
    ``LOW_TUMOUR_FRACTION`` (their draws held tumour DNA: case 860), else None."""
    found = [r.tumour_fraction for r in negatives if r is not None and r.sample is Sample.CTDNA]
    if not found or any(f is None or f < LOW_TUMOUR_FRACTION for f in found):
        return None
    return min(f for f in found if f is not None)
