"""Rule 15's tissue confirmation of a ctDNA negative: what it says a tissue result would
open, and whether it comes before choosing (cases 477, 481, 548, 892, 969)."""

from __future__ import annotations

from resistx.sequencing.facts import PAM_GENES
from resistx.sequencing.rule import PlanEffect


def confirm_tissue(
    with_esr1: bool,
    crisis: bool,
    parp: tuple[str, ...],
    *,
    held_tumour: bool = False,
    fraction: float | None = None,
    no_target: bool = False,
    past_lines: bool = False,
    partner: tuple[str, bool] = ("", False),
    short: bool = False,
    pathway_drug: str = "",
    er_low: bool = False,
) -> PlanEffect:
    """Confirm on tissue a PI3K pathway (and an ESR1) negative on ctDNA only; in a visceral
    crisis beside chemotherapy, which answers the crisis now (rule 7), for the next line.
    ``parp``: the PARP-inhibitor targets on record (``targets.parp_targets``); ``held_tumour``:
    the draw found a somatic mutation, yet plasma can miss what tissue finds (cases 477, 481);
    ``fraction``: the adequate tumour fraction the negatives report (``adequate_fraction``);
    ``no_target``: no endocrine target is left, so the plan turns to chemotherapy for lack of
    one and a tissue alteration would change what is preferred (case 548); ``past_lines``:
    only the pathway is in question, past its inhibitors' trials' chemotherapy lines (rule 104:
    a finding would make them at best an alternative, so the biopsy comes after choosing);
    ``partner``: the drug every PI3K- or AKT-inhibitor regimen gives beside it, which the disease
    progressed on, and whether the options turn to chemotherapy all the same
    (``partner_progressed``): a finding opens them at best as an alternative (rule 109), and
    where chemotherapy comes first anyway the biopsy comes after choosing, unless ESR1 is in
    question too (case 969); ``short``: a short CDK4/6-inhibitor course (rule 18: endocrine
    regimens after chemotherapy and ADCs): for a later line (case 1009), unless only the
    pathway is in question and the partner's or the lines' text says where a finding stands;
    ``pathway_drug``: a PI3K, AKT or mTOR inhibitor progressed on (rule 11; case 1060);
    ``er_low``: ER-low disease (rule 114): for a later line (the recheck of case 1218)."""
    partner_drug, held = partner
    what = "ESR1 and the PI3K pathway are" if with_esr1 else "The PI3K pathway is"
    later = er_low or (short and (with_esr1 or not (past_lines or partner_drug)))
    when = (
        "for the next line; chemotherapy for the visceral crisis does not wait for it"
        if crisis
        else "it for a later line"
        if later
        else "it"
        if (held or pathway_drug) and not with_esr1
        else f"before {_before(with_esr1 or no_target, parp)}"
    )
    would = _would(with_esr1, later, past_lines, partner, (pathway_drug, er_low))
    return PlanEffect(
        code="confirm_tissue" if with_esr1 else "confirm_pathway_tissue",
        genes=("ESR1", *PAM_GENES) if with_esr1 else PAM_GENES,
        first=(with_esr1 or no_target)
        and not (crisis or short or er_low)
        and (with_esr1 or not (past_lines or held or pathway_drug)),
        text=f"{what} negative on ctDNA only: {_draw(held_tumour, fraction)}; a tissue biopsy "
        f"(NGS) confirms {when} (the review: rebiopsy of the tumour is vital)."
        + (
            would
            if (with_esr1 or no_target or past_lines or partner_drug or later or pathway_drug)
            and not crisis
            else ""
        ),
    )


def tissue_for_oral_declined(with_esr1: bool) -> PlanEffect:
    """Rule 15's tissue confirmation where the patient declines oral treatment: what a finding
    would open (an oral SERD, a PI3K or AKT inhibitor) is given by mouth, left out (rule 110),
    so it holds no choice (the recheck of case 1000)."""
    what = "ESR1 and the PI3K pathway are" if with_esr1 else "The PI3K pathway is"
    opens = "an oral SERD or a PI3K or AKT inhibitor" if with_esr1 else "a PI3K or AKT inhibitor"
    return PlanEffect(
        code="confirm_tissue" if with_esr1 else "confirm_pathway_tissue",
        genes=("ESR1", *PAM_GENES) if with_esr1 else PAM_GENES,
        first=False,
        text=f"{what} negative on ctDNA only: a tissue biopsy (NGS) would confirm it. What a "
        f"finding would open, {opens}, is given by mouth, which the patient declines (rule "
        "110): for a later choice, should that change.",
    )


def _would(
    with_esr1: bool,
    later: bool,
    past_lines: bool,
    partner: tuple[str, bool],
    drug_and_er_low: tuple[str, bool],
) -> str:
    """What a tissue result would open (``confirm_tissue``'s arguments; the pathway drug
    progressed on, and ER-low disease)."""
    pathway, er_low = drug_and_er_low
    if er_low:
        return _AFTER_ER_LOW[with_esr1]
    if later:
        return _AFTER_SHORT[with_esr1]
    if past_lines:
        return _PAST_LINES[with_esr1]
    if pathway:
        return _after_pathway(with_esr1, pathway)
    if partner[0]:
        return _after_partner(with_esr1, partner[1], partner[0])
    return _WOULD_OPEN[with_esr1]


#: what a result would open after a short CDK4/6-inhibitor course (rule 18; case 1009)
_AFTER_SHORT = {
    False: " After a short CDK4/6-inhibitor course endocrine-based regimens come after "
    "chemotherapy and ADCs (rule 18): a PI3K-pathway alteration would open a PI3K or AKT "
    "inhibitor with endocrine therapy for a line after them, so the biopsy need not hold the "
    "choice.",
    True: " After a short CDK4/6-inhibitor course endocrine-based regimens come after "
    "chemotherapy and ADCs (rule 18): an ESR1 mutation would open an oral SERD, a PI3K-pathway "
    "alteration a PI3K or AKT inhibitor with endocrine therapy, for a line after them, so the "
    "biopsy need not hold the choice.",
}
#: ... in ER-low disease (rule 114; the recheck of case 1218)
_AFTER_ER_LOW = {
    False: " In ER-low disease endocrine-based regimens come after chemotherapy and the ADCs "
    "(rule 114): a PI3K-pathway alteration would open a PI3K or AKT inhibitor with endocrine "
    "therapy for a line after them, so the biopsy need not hold the choice.",
    True: " In ER-low disease endocrine-based regimens come after chemotherapy and the ADCs "
    "(rule 114): an ESR1 mutation would open an oral SERD, a PI3K-pathway alteration a PI3K or "
    "AKT inhibitor with endocrine therapy, for a line after them, so the biopsy need not hold "
    "the choice.",
}
#: what a pathway result would open past its inhibitors' trials' chemotherapy lines (case 892)
_PAST_LINES = {
    False: " A PI3K-pathway alteration would open a PI3K or AKT inhibitor at best as an "
    "alternative: past the chemotherapy lines their trials enrolled after (rule 104).",
    True: " An ESR1 mutation would open an oral SERD before chemotherapy; a PI3K-pathway "
    "alteration a PI3K or AKT inhibitor at best as an alternative, past the chemotherapy lines "
    "their trials enrolled after (rule 104).",
}


def _after_pathway(with_esr1: bool, drug: str) -> str:
    """What a pathway result would open after progression on ``drug``, a PI3K, AKT or mTOR
    inhibitor: the others step back as of its class (rule 11; case 1060)."""
    pathway = (
        f"a PI3K or AKT inhibitor only stepped back, as of the class of {drug}, on which the "
        "disease progressed (rule 11)"
    )
    if with_esr1:
        return f" An ESR1 mutation would open an oral SERD before chemotherapy; a PI3K-pathway alteration {pathway}."
    return (
        f" A PI3K-pathway alteration would open {pathway}, so the biopsy need not hold the choice."
    )


def _after_partner(with_esr1: bool, held: bool, partner: str) -> str:
    """What a pathway result would open after progression on ``partner``, which every PI3K or
    AKT inhibitor of the policy is given with: at best an alternative (rule 109); where the
    options turn to chemotherapy anyway (``held``), the choice does not wait (case 969)."""
    pathway = (
        f"a PI3K or AKT inhibitor, given with {partner}, on which the disease progressed, at "
        "best as an alternative (rule 109)"
    )
    if with_esr1:
        return f" An ESR1 mutation would open an oral SERD before chemotherapy; a PI3K-pathway alteration {pathway}."
    if held:
        return f" A PI3K-pathway alteration would open {pathway}; chemotherapy comes first here all the same, so the biopsy need not hold the choice."
    return f" A PI3K-pathway alteration would open {pathway}."


#: what a tissue result would change where the plan turns to chemotherapy (recheck of case 548)
_WOULD_OPEN = {
    False: " A PI3K-pathway alteration would put a PI3K or AKT inhibitor with endocrine therapy "
    "before chemotherapy.",
    True: " An ESR1 mutation would open an oral SERD, a PI3K-pathway alteration a PI3K or AKT "
    "inhibitor with endocrine therapy, before chemotherapy.",
}


def _before(no_target: bool, parp: tuple[str, ...]) -> str:
    """What the confirmation comes before: choosing a line for lack of a target (``no_target``:
    chemotherapy under the review, an endocrine-based line or a PARP inhibitor where a rule puts
    one first, cases 1297, 1316), or the PI3K and AKT inhibitors set aside."""
    if not no_target:
        return "the PI3K and AKT inhibitors are set aside"
    without = (
        f"for no ESR1 or PI3K-pathway target, while the {' and '.join(parp)} mutation on record "
        "opens a PARP inhibitor"
        if parp
        else "for nothing actionable"
    )
    return f"choosing a line {without}"


def _draw(held_tumour: bool, fraction: float | None) -> str:
    """What the ctDNA draw showed of itself (``confirm_tissue``'s arguments)."""
    if held_tumour:
        return (
            "the draw held tumour DNA (it found a somatic mutation), yet plasma can miss an "
            "alteration a tissue test finds"
        )
    if fraction is not None:
        return (
            f"the draw held tumour DNA (a tumour fraction of {fraction:.1%}), yet plasma "
            "can miss an alteration a tissue test finds"
        )
    return "a tumour that sheds little DNA can be missed"
