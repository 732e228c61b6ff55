"""Rule 95: glucose above CAPItello-291's HbA1c limit beside a PI3K-pathway target, the action
that says so before choosing (and what it asks where the record does not say: insulin, the
HbA1c); rule 78 (``glucose``) holds the inhibitors back."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.sequencing import kinds
from resistx.sequencing.exhausted import CAPITELLO_HBA1C_LIMIT, POOR_ECOG, declined_targets
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, gene_article, hba1c_percent, rule
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class


# rule 95: glucose above CAPItello-291's limit with a PI3K-pathway target: glucose first
@rule(
    95,
    "Glucose above CAPItello-291's limit with a PI3K-pathway target: glucose control first",
    None,
    condition="Diabetes with an HbA1c of 8.0% or more, and a PIK3CA, AKT1 or PTEN alteration "
    "found.",
    effect="An action before choosing (after, in a visceral crisis or where the patient "
    "declines these drugs, for the safety of what comes next: 8049, 8050): refer to the "
    "diabetes team now; glucose brought into "
    "range opens the PI3K and AKT inhibitors that rule 78 holds back (case 680); after "
    "progression on one, the referral is for the safety of what comes next, and says so (case "
    "781). Where the diabetes needs insulin (none given yet), glucose in range opens nothing, "
    "since CAPItello-291 excluded it at any HbA1c: an action after choosing, a referral for the "
    "safety of what comes next with targets that avoid hypoglycaemia (case 998); where the "
    "profile does not say whether it needs insulin, the action asks (its recheck). With an HbA1c below the limit (or none) and no record of whether the diabetes needs "
    "insulin, with no progression on a PI3K or AKT inhibitor: an action before choosing to "
    "record it, since rule 78 holds them back for insulin (the recheck of case 962), after "
    "choosing where a medication list on record names no insulin (7783); with no "
    "HbA1c on record and no insulin recorded, likewise to record the HbA1c, at whose limit "
    "they wait on glucose control (case 7919), unless their drugs are declined (7938), and "
    "after choosing in a visceral crisis (7939).",
    codes=(
        "glucose_control_opens_pathway_inhibitor",
        "glucose_safety_on_insulin",
        "diabetes_insulin_unknown",
        "diabetes_hba1c_unknown",
    ),
    trials=("CAPItello-291",),
)
def glucose_control_first(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    hba1c = max(
        (c.hba1c or 0.0 for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES),
        default=0.0,
    )
    targets = [g for g in _PATHWAY if (st := facts.genes.get(g)) and st.finding is not None]
    if targets and hba1c < CAPITELLO_HBA1C_LIMIT:
        yield from _insulin_unknown(facts, targets)
        yield from _hba1c_unknown(facts, targets)
    if hba1c < CAPITELLO_HBA1C_LIMIT or not targets:
        return
    first = f"Diabetes with an HbA1c of {hba1c_percent(hba1c)}% and {_named(targets)} alteration: "
    said = _after_inhibitor(facts)
    insulin = any(c.insulin for c in facts.profile.comorbidities)
    if said is None and insulin:  # glucose in range opens nothing: CAPItello-291 (case 998)
        yield PlanEffect(code="glucose_safety_on_insulin", first=False, text=first + _ON_INSULIN)
        return
    unknown = any(
        c.insulin is None for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES
    )
    # glucose in range opens nothing now where their drugs are declined, or in a crisis (whose
    # chemotherapy comes first whatever it: 8049, 8050)
    declined = said is None and "PIK3CA" in declined_targets(facts.preferences)
    record = _LISTED if facts.profile.medications else _RECORD_INSULIN  # 8194
    crisis = said is None and facts.profile.visceral_crisis
    yield PlanEffect(
        code="glucose_control_opens_pathway_inhibitor",
        # at ECOG 3-4 rule 13 orders the options whatever the glucose (7051)
        first=(facts.profile.ecog or 0) < POOR_ECOG and not (declined or crisis),
        text=first + (_DECLINED if declined else said or _OPENS + record * unknown),
    )


#: rule 95 where the patient declines the PI3K and AKT inhibitors (8050)
_DECLINED = (
    "refer to the diabetes team; the patient declines the PI3K and AKT inhibitors (the "
    "preferences), so glucose control is for the safety of what comes next (everolimus raises "
    "glucose too), not to open them."
)


#: rule 95 where no PI3K or AKT inhibitor was given: glucose in range opens them again
_OPENS = (
    "refer to the diabetes team now. CAPItello-291 enrolled an HbA1c below 8.0% and no "
    "diabetes needing insulin (its report; not in the review): once glucose is in range "
    "without insulin, capivasertib (and the other PI3K and AKT inhibitors held back for "
    "glucose) can be weighed again for this target."
)
#: ... where the profile does not say whether the diabetes needs insulin (the recheck of 998)
_RECORD_INSULIN = (
    ' Record whether it needs insulin now ("insulin": true or false): with insulin they are '
    "at best a later option whatever the HbA1c (rule 78)."
)
#: ... where a medication list is on record, which names no insulin taken now (8194)
_LISTED = (
    ' The medication list names no insulin taken now: record "insulin": false to confirm it; '
    "with insulin they are at best a later option whatever the HbA1c (rule 78)."
)
#: ... and where the diabetes needs insulin, which the trial excluded at any HbA1c (case 998)
_ON_INSULIN = (
    "the diabetes needs insulin, which CAPItello-291 excluded whatever the HbA1c (its report; "
    "not in the review): bringing glucose into range does not open capivasertib or the other "
    "PI3K and AKT inhibitors here (rule 78). Refer to the diabetes team for the safety of what "
    "comes next (everolimus raises glucose too), with glucose targets set for the patient that "
    "avoid hypoglycaemia."
)


def _hba1c_unknown(facts: Facts, targets: list[str]) -> Iterator[PlanEffect]:
    """Rule 95's question where diabetes is on record without an HbA1c and not on insulin (at
    CAPItello-291's limit the PI3K and AKT inhibitors wait on glucose control; case 7919)."""
    diabetes = [c for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES]
    if not diabetes or any(c.hba1c is not None or c.insulin for c in diabetes):
        return
    if facts.progressed_classes & kinds.PI3K_OR_AKT or "PIK3CA" in declined_targets(
        facts.preferences
    ):
        return  # nothing to open, their drugs declined (7938)
    yield PlanEffect(
        code="diabetes_hba1c_unknown",
        # a crisis puts chemotherapy first whatever the answer (7939)
        first=(facts.profile.ecog or 0) < POOR_ECOG and not facts.profile.visceral_crisis,
        text=f'Diabetes and {_named(targets)} alteration: record the HbA1c ("hba1c", percent). '
        "CAPItello-291 enrolled an HbA1c below 8.0% (its report; not in the review): at 8.0% or "
        "more capivasertib and the other PI3K and AKT inhibitors wait on glucose control "
        "(rule 78).",
    )


def _insulin_unknown(facts: Facts, targets: list[str]) -> Iterator[PlanEffect]:
    """Rule 95's question where diabetes is on record without whether it needs insulin."""
    diabetes = [c for c in facts.profile.comorbidities if c.name is Comorbidity.DIABETES]
    if not diabetes or any(c.insulin is not None for c in diabetes):
        return
    if facts.progressed_classes & kinds.PI3K_OR_AKT or "PIK3CA" in declined_targets(
        facts.preferences
    ):
        return  # nothing to open, their drugs declined (as the HbA1c's, 7938)
    # an insulin taken now is refused beside diabetes without "insulin": true (the profile's
    # check), so a medication list on record names none: a question for after choosing (7783)
    listed = bool(facts.profile.medications)
    yield PlanEffect(
        code="diabetes_insulin_unknown",
        first=not listed,
        text=f"Diabetes and {_named(targets)} alteration: record whether the diabetes "
        + (
            "needs insulin (the medication list names no insulin taken now). "
            if listed
            else "needs insulin. "
        )
        + "CAPItello-291 excluded diabetes needing insulin (its report; not in the "
        'review): with "insulin": true the PI3K and AKT inhibitors are at best a later option '
        "(rule 78)"
        + (
            '; with "insulin": false the plan stands.'
            if any(c.hba1c is not None for c in diabetes)
            else ". Record the HbA1c too: CAPItello-291 excluded an HbA1c of 8.0% or more as well "
            "(rule 78 reads it)."
        ),
    )


def _after_inhibitor(facts: Facts) -> str | None:
    """What the referral is for: a PI3K or AKT inhibitor given now (its glucose checks while it
    continues) or progressed on (the safety of what comes next; case 781 and its recheck), or
    None: none yet (the caller says what glucose in range opens)."""
    current = facts.current.drugs if facts.current else ()
    now = [d for d in current if drug_class(d) in kinds.PI3K_OR_AKT]
    before = sorted(d for d in facts.progressed_drugs if drug_class(d) in kinds.PI3K_OR_AKT)
    if now:
        return (
            f"refer to the diabetes team now, and check glucose on {' and '.join(now)} while it "
            "continues: its US label holds, lowers or stops it by the severity of "
            "hyperglycaemia (not in the review). The options below are for its progression; "
            "everolimus raises glucose too."
        )
    if before:
        return (
            f"refer to the diabetes team now; the disease has progressed on "
            f"{' and '.join(before)}, so glucose control is for the safety of what comes next "
            "(everolimus raises glucose too), not to reopen it."
        )
    return None


_PATHWAY = ("PIK3CA", "AKT1", "PTEN")


def _named(genes: list[str]) -> str:
    """'a PIK3CA', 'an AKT1', 'a PIK3CA and AKT1'."""
    return f"{gene_article(genes[0])} {' and '.join(genes)}"
