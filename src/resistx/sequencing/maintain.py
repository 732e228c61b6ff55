"""MAINTAIN's population (Kalinsky et al., J Clin Oncol 2023; the review's ref. 36): who its
result speaks for, read by rule 8 (its reason) and by the efficacy factor (its figures).

MAINTAIN enrolled patients at progression on endocrine therapy with a CDK4/6 inhibitor (no
line since it, endocrine or cytotoxic), with at most one chemotherapy line for metastatic
disease, and switched the endocrine partner:
fulvestrant, or exemestane for patients treated with fulvestrant before (fulvestrant for those
treated with exemestane). resistx counts an ADC line with the chemotherapy lines (its payload
is cytotoxic) and reads 'treated with' as progressed on.
"""

from __future__ import annotations

from resistx.model.enums import DrugClass, StopReason
from resistx.model.profile import cytotoxic
from resistx.sequencing.exhausted import (
    after,
    endocrine_lines_after_cdk46i,
    first_cdk46i_progression,
)
from resistx.sequencing.facts import Facts

PARTNERS = ("fulvestrant", "exemestane")
#: how rule 8 says a line since the CDK4/6 inhibitor stands, by whether it progressed
SINCE = {True: "progressed", False: "going on"}


def outside(
    partner: str,
    *,
    cytotoxic_lines: int,
    lines_since: int,
    progressed_on: frozenset[str],
    cytotoxic_since: bool = False,
    going_on: bool = False,
) -> str | None:
    """Why ribociclib with ``partner`` is outside MAINTAIN's population, or None: 'lines' (more
    than one chemotherapy or ADC line), 'since' (an endocrine line progressed since the CDK4/6
    inhibitor), 'chemotherapy_since' (a chemotherapy or ADC course since it; recheck of case
    718) or 'partner' (progression on that partner; ``progressed_on`` holds the partners
    progressed on)."""
    if cytotoxic_lines > 1:
        return "lines"
    if lines_since or going_on:  # progressed since, or going on since (case 1748c)
        return "since"
    if cytotoxic_since:
        return "chemotherapy_since"
    if partner in progressed_on:
        return "partner"
    return None


def first_line_palbociclib_switch(facts: Facts, outside_for: tuple[tuple[str, str], ...]) -> str:
    """After progression on palbociclib given in the first line for metastatic disease (where
    the review finds continuing a CDK4/6 inhibitor reasonable, 'especially': rule 6), the
    partner MAINTAIN gave ribociclib (fulvestrant, or exemestane after fulvestrant), where the
    patient is within its population; else "". ``outside_for``: the partners outside it, with
    why (``maintain.outside_for``, worked out once per patient)."""
    lines = facts.metastatic_lines
    if "palbociclib" not in facts.cdk46i_resistant or not lines:
        return ""
    first = {d for t in lines[0] for d in t.drugs}
    if "palbociclib" not in first:
        return ""
    partner = "exemestane" if "fulvestrant" in first else "fulvestrant"
    return "" if partner in dict(outside_for) else partner


def outside_for(facts: Facts) -> tuple[tuple[str, str], ...]:
    """(partner, why) for each partner with which ribociclib is outside MAINTAIN's population
    (``outside``), read by rule 8's reason and, as partners, by the efficacy factor's
    selectors. Empty where MAINTAIN's figures do not speak anyway (no progression on
    palbociclib or ribociclib), so the keys part no more patients than the rules do."""
    if not facts.cdk46i_resistant & {"palbociclib", "ribociclib"}:
        return ()
    progressed_on = facts.progressed_drugs.intersection(PARTNERS)
    lines_since = endocrine_lines_after_cdk46i(facts)
    cytotoxic_since = _cytotoxic_since(facts)  # once, not once per partner
    going_on = _going_on_since(facts)
    found = (
        (
            partner,
            outside(
                partner,
                cytotoxic_lines=facts.cytotoxic_lines,
                lines_since=lines_since,
                progressed_on=progressed_on,
                cytotoxic_since=cytotoxic_since,
                going_on=going_on,
            ),
        )
        for partner in PARTNERS
    )
    return tuple((partner, why) for partner, why in found if why is not None)


def _cytotoxic_since(facts: Facts) -> bool:
    """A chemotherapy, ADC or PARP-inhibitor course for metastatic disease started after the
    first CDK4/6-inhibitor course that progressed: MAINTAIN enrolled at progression on that
    course (case 1991: an olaparib line between them was not counted)."""
    first = first_cdk46i_progression(facts)
    return first is not None and any(
        after(facts, first, t) and (cytotoxic(t) or _PARP in t.drug_classes)
        for t in facts.metastatic
    )


_PARP = DrugClass.PARP_INHIBITOR


def _going_on_since(facts: Facts) -> bool:
    """A course for metastatic disease going on, not read as progressed (through a hold: rule
    53), begun after the first CDK4/6-inhibitor course that progressed (case 1748c)."""
    first = first_cdk46i_progression(facts)
    return first is not None and any(
        t.stop_reason is StopReason.ONGOING and after(facts, first, t) for t in facts.metastatic
    )
