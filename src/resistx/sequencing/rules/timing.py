"""When a test asked for comes: before choosing, or for the next line (rules 15, 26)."""

from __future__ import annotations

from resistx.model.enums import RegimenKind, Route, StopReason
from resistx.sequencing.exhausted import POOR_ECOG
from resistx.sequencing.facts import Facts


def before_choosing(
    facts: Facts, *, endocrine: bool = False, oral: bool = False, parp: bool = False
) -> bool:
    """A test comes before choosing, except in a visceral crisis (chemotherapy answers it now,
    rule 7), for a test that opens endocrine-based options (``endocrine``), before any
    endocrine therapy (case 475: they come after it, rules 69, 70), or, for one whose result
    can only open drugs given by mouth (``oral``: a tissue confirmation of a ctDNA negative, a
    BRCA test), where the patient declines oral treatment (rule 110: they are left out; the
    recheck of case 1000), or for one that opens a PARP inhibitor (``parp``) where the patient
    declines them (8051) or is at ECOG 3 or more, where rule 13 puts the least toxic options
    first and a BRCA mutation left fulvestrant first (8962). A first test of ESR1 and the pathway, or an NGS retest of a PCR
    negative or of a PTEN loss by IHC, is no such test: a negative turns the plan to
    chemotherapy or endocrine therapy (rules 6, 32; the second and third rechecks)."""
    return (
        not facts.profile.visceral_crisis
        and not (endocrine and (facts.endocrine_naive or er_low_first(facts)))
        and not (oral and oral_declined(facts))
        and not (parp and (parp_kind_declined(facts) or least_toxic_first(facts)))
    )


def least_toxic_first(facts: Facts) -> bool:
    """ECOG 3 or more: rule 13 puts the least toxic options first."""
    return (facts.profile.ecog or 0) >= POOR_ECOG


def not_at_progression(facts: Facts) -> bool:
    """A course for metastatic disease going on, not read as progressed (rule 53: one going on
    through a CDK4/6 inhibitor's hold), and no progression on record: the next step does not
    turn on the PI3K pathway, tested at a progression (case 1653); an ESR1 result can move the
    partner from an aromatase inhibitor (case 1245). With nothing going on, the choice is made
    now, at a progression off treatment as like as not (case 1701)."""
    going_on = any(t.stop_reason is StopReason.ONGOING for t in facts.metastatic)
    return going_on and not facts.progressed and facts.current is None


def cytotoxics_declined(facts: Facts) -> bool:
    """The patient declines chemotherapy (rules 110, 128), and the ADCs with it or, not asked
    about them, has them after the options she or he accepts (rule 148): nothing is left
    before endocrine-based regimens of what rules 18 and 114 put there, so a test that opens
    one holds the choice again (cases 1782, 3727)."""
    kinds, routes = facts.preferences.declines_kinds, facts.preferences.declines
    return RegimenKind.CHEMOTHERAPY in kinds or {Route.ORAL, Route.INTRAVENOUS} <= set(routes)


def er_low_first(facts: Facts) -> bool:
    """ER-low disease, whose endocrine-based regimens come after chemotherapy and the ADCs
    (rule 114), unless the patient declines both."""
    return facts.profile.er_low and not cytotoxics_declined(facts)


def oral_declined(facts: Facts) -> bool:
    return Route.ORAL in facts.preferences.declines


def for_next_line(
    facts: Facts, *, endocrine: bool = False, oral: bool = False, parp: bool = False
) -> str:
    """What a test's text adds where it does not come before choosing."""
    if facts.profile.visceral_crisis:
        return " For the next line: chemotherapy for the visceral crisis does not wait for it."
    if endocrine and facts.endocrine_naive:
        return " No endocrine therapy is on record: the next line is the one after it."
    if endocrine and er_low_first(facts):
        return (
            " In ER-low disease what it opens comes after chemotherapy and the ADCs (rule 114): "
            "for a later line."
        )
    if oral and oral_declined(facts):
        return ORAL_DECLINED
    if parp and parp_kind_declined(facts):
        return PARP_DECLINED
    if parp and least_toxic_first(facts):
        return least_toxic_later(facts, "a PARP inhibitor")
    return ""


def least_toxic_later(facts: Facts, opened: str) -> str:
    """What a test's text adds at ECOG 3-4, where what it opens comes after the least toxic
    options (rule 13; 8962, 9275)."""
    return (
        f" At ECOG {facts.profile.ecog} the least toxic options come first (rule 13): {opened} "
        "it opens is for a later choice, should the patient's condition improve."
    )


def parp_kind_declined(facts: Facts) -> bool:
    return RegimenKind.PARP_INHIBITOR in facts.preferences.declines_kinds


#: what a test that opens a PARP inhibitor adds where the patient declines them (8051)
PARP_DECLINED = (
    " The patient declines the PARP inhibitors (the preferences): for a later choice, should "
    "that change."
)


#: what a test that opens drugs given by mouth adds where the patient declines them (rule 110)
ORAL_DECLINED = (
    " The patient declines oral treatment, and what it would open is given by mouth (rule 110): "
    "for a later choice, should that change."
)
