"""Rule 28's reason for an oral SERD under 12 months on a CDK4/6 inhibitor, with an
AKT-pathway alteration too: where it stands beside the PI3K/AKT-pathway inhibitor."""

from __future__ import annotations

from resistx.sequencing.rule import Effect

_WHERE = "Under 12 months on a CDK4/6 inhibitor, with an AKT-pathway alteration too"
#: after a short course, rule 18 holds both back as later options and the plan orders them by
#: score: the reason claims no order it does not keep (9580)
_SHORT = (
    "with early endocrine resistance too (rule 18), a later option, as the PI3K/AKT-pathway "
    "inhibitor is, with no order between them."
)


def beside_a_pathway_target(
    trial: str, by_duration: bool, *, after_fulvestrant: bool, short: bool
) -> Effect:
    """Under 12 months on a CDK4/6 inhibitor, with an AKT-pathway alteration too: where the
    trial's benefit lay after 12 months or more (EMERALD), the pathway inhibitor, whose
    pathway-altered result (CAPItello-291) does not rest on that, comes first; an oral SERD
    whose trial reports nothing by that time steps back as far, on EMERALD's (case 502).
    After progression on fulvestrant the pathway inhibitor, given with it, is at best an
    alternative too (the history factor says so): the reason claims no order (case 841).
    ``short``: a CDK4/6-inhibitor course short enough for rule 18, which makes the pathway
    inhibitor a later option: so is the SERD, at best (9580)."""
    placed = (
        "while CAPItello-291's pathway-altered result is not a subgroup by time on the CDK4/6 "
        "inhibitor: "
        + (
            _SHORT
            if short
            else "this is at best an alternative, after the PI3K/AKT-pathway inhibitor."
        )
    )
    ceiling = 2 if short else 1
    follows = "" if short else "pi3k_or_akt_inhibitor"  # the order the reason states
    if after_fulvestrant:
        # one text for both kinds of trial: the figures of EMERALD's subgroup are elacestrant's
        return Effect(
            code="under_12_months_after_fulvestrant",
            ceiling=ceiling,
            leads=True,
            text=f"{_WHERE}: EMERALD (elacestrant's trial) found the ESR1-mutant benefit of an "
            "oral SERD largest after 12 months or more on a CDK4/6 inhibitor, which this patient "
            "is not in: "
            + (
                "with early endocrine resistance too (rule 18), a later option"
                if short
                else "this is at best an alternative"
            )
            + ", as is the PI3K/AKT-pathway inhibitor, whose fulvestrant partner the disease has "
            "progressed on.",
            trials=tuple(dict.fromkeys((trial, "EMERALD", "CAPItello-291"))),
        )
    if by_duration:
        return Effect(
            code="pathway_inhibitor_first_under_12_months",
            ceiling=ceiling,
            after=follows,
            leads=True,
            text=f"{_WHERE}: {trial}'s ESR1-mutant benefit was largest in the post hoc subgroup "
            f"with 12 months or more, which this patient is not in, {placed}",
            trials=(trial, "CAPItello-291"),
        )
    return Effect(
        code="no_result_by_cdk46i_time",
        ceiling=ceiling,
        after=follows,
        leads=True,
        text=f"{_WHERE}: {trial} reports no result by time on the CDK4/6 inhibitor, and the oral "
        "SERD trial that does (EMERALD, elacestrant's) found its ESR1-mutant benefit largest "
        f"after 12 months or more, {placed}",
        trials=(trial, "EMERALD", "CAPItello-291"),
    )
