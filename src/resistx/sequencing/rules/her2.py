"""Plan-level rules on the HER2 result: test it where it is unknown (rule 25; under practice-2026
rule 66, an IHC 0 read for ultralow), confirm an IHC 0
once chemotherapy has opened trastuzumab deruxtecan (rule 55), where a HER2-low reading would
put it first, and, under practice-2026, ask whether a HER2 0 before chemotherapy is ultralow
(rule 34). Rule 42 (ERBB2 against HER2, ``actions``) is their neighbour."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Her2Status, IshResult
from resistx.sequencing.adjuvant import db04_chemotherapy_lines, endocrine_sensitivity
from resistx.sequencing.ai_resistance import endocrine_progressed
from resistx.sequencing.exhausted import targets_left
from resistx.sequencing.facts import PAM_GENES, Facts
from resistx.sequencing.hrd import (
    germline_brca_open,
    parp_declined,
    parp_findings,
    platinum_resistant,
)
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.chemotherapy_lines import CHEMOTHERAPY_LINES_ENROLLED
from resistx.sequencing.rules.figures import approved_as, approved_later, figures
from resistx.sequencing.rules.her2_request import (
    before_metastases,
    db06_missed,
    deruxtecan_progressed,
    her2_request,
    payload_said,
)
from resistx.sequencing.rules.hrd_tests import parp_closed_for
from resistx.sequencing.rules.lung_rechallenge import TDXD
from resistx.sequencing.rules.routes import declined_by
from resistx.sequencing.rules.timing import least_toxic_first
from resistx.sequencing.toxicity import lung_disease
from resistx.vocab.comorbidities import Comorbidity

#: the IHC 0 readings (HER2-ultralow is an IHC 0 with faint staining), as a plan says them
_SAID = {Her2Status.ZERO: "HER2 0", Her2Status.ULTRALOW: "HER2-ultralow"}
_IHC_ZERO = frozenset(_SAID)
#: what rule 55 asks of the IHC 0: an ultralow score is not to be confirmed as 0 (case 1436)
_CONFIRM = {
    Her2Status.ZERO: "confirm the IHC 0",
    Her2Status.ULTRALOW: "ask whether the IHC could read HER2-low on review",
}


# rule 25: hER2 unknown: test it
@rule(
    25,
    "HER2 unknown: test it",
    None,
    condition="HER2 status unknown.",
    effect="An action to test HER2 by IHC (ISH if IHC 2+), or to wait for the ISH of an IHC 2+ "
    "where it is pending (case 1721): a HER2-positive result puts the disease outside the "
    "review, and HER2-low opens trastuzumab deruxtecan.",
    codes=("test_her2",),
    trials=("DESTINY-Breast04",),
)
def ask_her2_test(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 is Her2Status.UNKNOWN:
        yield PlanEffect(
            code="test_her2",
            genes=("ERBB2",),
            first=True,
            text=f"{her2_request(facts)}: HER2-positive disease is outside the review and has "
            "treatments of its own; HER2-low disease opens trastuzumab deruxtecan "
            "(DESTINY-Breast04).",
        )


# rule 66: hER2 unknown: test it, ultralow included (practice-2026, in place of rule 25)
@rule(
    66,
    "HER2 unknown: test it, and read an IHC 0 for ultralow",
    None,
    condition="HER2 status unknown (practice-2026, in place of rule 25).",
    effect="An action to test HER2 by IHC (ISH if IHC 2+), an IHC 0 read for HER2-ultralow: a "
    "HER2-positive result puts the disease outside the review; HER2-low or ultralow opens "
    "trastuzumab deruxtecan (its approval after an endocrine line, DESTINY-Breast06, before "
    "chemotherapy; DESTINY-Breast04 after it).",
    codes=("test_her2_ultralow",),
    trials=("DESTINY-Breast06", "DESTINY-Breast04"),
)
def ask_her2_test_ultralow(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 is not Her2Status.UNKNOWN:
        return
    approved = approved_as(ctx, "trastuzumab-deruxtecan", facts.profile.decision_date)
    # an IHC 2+ awaiting its ISH is positive or low, never ultralow (case 2869)
    pending = any(t.ish is IshResult.PENDING for t in facts.profile.her2_tests)
    yield PlanEffect(
        code="test_her2_ultralow",
        genes=("ERBB2",),
        first=True,
        text=f"{her2_request(facts, ultralow=True)}: HER2-positive disease is outside the review "
        "and has treatments of its own; "
        + ("an ISH-negative 2+, HER2-low disease," if pending else "HER2-low or ultralow disease")
        + " opens trastuzumab deruxtecan, "
        f"whose approval{approved} covers it after progression on 1 or more endocrine "
        "therapies for metastatic disease (DESTINY-Breast06, before chemotherapy; "
        "DESTINY-Breast04 enrolled HER2-low disease after 1-2 chemotherapy lines).",
    )


#: the most chemotherapy lines for metastatic disease DESTINY-Breast04 enrolled after
_DB04_LINES = CHEMOTHERAPY_LINES_ENROLLED["DESTINY-Breast04"][1]


# rule 55: HER2 0 after chemotherapy: confirm it
@rule(
    55,
    "HER2 0 after chemotherapy: confirm it",
    None,
    condition="HER2 0 or ultralow (an IHC 0), a chemotherapy line for metastatic disease (or an early relapse after "
    "(neo)adjuvant chemotherapy, as DESTINY-Breast04 counted it), trastuzumab deruxtecan "
    "not progressed on, and no interstitial lung disease on record (which leaves it out "
    "whatever the reading).",
    effect="An action, before choosing, to confirm the IHC 0 (on the latest sample, or a new "
    "biopsy): a HER2-low reading would put the patient in DESTINY-Breast04's population, where "
    "trastuzumab deruxtecan did better than chemotherapy after 1-2 lines (after more cytotoxic "
    "lines, an ADC's among them, it says the trial enrolled fewer). In a visceral crisis it "
    "comes after choosing: chemotherapy comes first whatever the reading (case 895).",
    codes=("confirm_her2_zero",),
    trials=("DESTINY-Breast04",),
    references=(62,),
)
def confirm_her2_zero(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    lines = db04_chemotherapy_lines(facts)
    if facts.her2 not in _IHC_ZERO or not lines or lung_disease(facts):
        return
    if TDXD in facts.progressed_drugs:
        return
    # the trial's figures are a function of the evidence alone: worked out once per policy
    found = ctx.call(figures, "DESTINY-Breast04", "trastuzumab-deruxtecan", "ITT")
    crisis = facts.profile.visceral_crisis
    within = facts.cytotoxic_lines <= _DB04_LINES  # an ADC's payload is cytotoxic too (case 895)
    yield PlanEffect(
        code="confirm_her2_zero",
        genes=("ERBB2",),
        first=not crisis,  # in a crisis chemotherapy comes first whatever the reading (rule 7)
        text=f"{_SAID[facts.her2]} after chemotherapy: {_CONFIRM[facts.her2]} (on the latest "
        "sample, or a new biopsy). A HER2-low reading (IHC 1+, or 2+ with ISH negative) would "
        + (
            "put the patient in DESTINY-Breast04's population, where"
            if within
            else "open trastuzumab deruxtecan, though this patient has had more cytotoxic "
            "lines than DESTINY-Breast04 enrolled after; there"
        )
        + " trastuzumab deruxtecan did better than chemotherapy after 1-2 lines"
        + (f" ({found})" if found else "")
        + (
            ". In the visceral crisis chemotherapy comes first whatever the reading (rule 7): "
            "for the line after it."
            if crisis
            else "."
        )
        + before_metastases(facts),
    )


# rule 34: hER2 0 before chemotherapy: is it ultralow?
@rule(
    34,
    "HER2 0 before chemotherapy: ask whether it is ultralow",
    None,
    condition="HER2 0 and no chemotherapy for metastatic disease (a HER2-ultralow reading would "
    "open trastuzumab deruxtecan: DESTINY-Breast06, FDA 27 Jan 2025), and no interstitial lung "
    "disease on record (which leaves it out whatever the reading).",
    effect="An action, before choosing, to ask the pathologist whether the IHC 0 shows faint "
    "membrane staining (HER2-ultralow); with chronic lung disease on record it says the drug "
    "would be at best a later option (rule 12) and does not come before choosing; in a visceral "
    "crisis it comes after choosing, for the line after chemotherapy (rule 7; case 1003). Nor "
    "does it come before choosing where a targeted endocrine line, or a germline BRCA1/2 "
    "mutation's PARP inhibitor, outside DESTINY-Breast06's entry comes first (rule 58; cases "
    "7780, 7870) or another endocrine line does for endocrine-sensitive disease (rule 32; "
    "8967), or where the patient declines the drug's route or "
    "kind, which it then says: the reading matters only if that changes (cases 7802, 7789); "
    "nor after progression on an ADC with its deruxtecan payload, which it names: rule 11 "
    "makes trastuzumab deruxtecan a later option at best whatever the reading (9597).",
    codes=("reread_her2_ultralow",),
    trials=("DESTINY-Breast06",),
)
def her2_zero_reread(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 is not Her2Status.ZERO or db04_chemotherapy_lines(facts) or lung_disease(facts):
        return
    approved = approved_as(ctx, "trastuzumab-deruxtecan", facts.profile.decision_date)
    payload = deruxtecan_progressed(facts)  # rule 11 holds it back whatever the reading
    entry = (
        "within DESTINY-Breast06's entry"
        if facts.destiny_breast06_entry and not payload
        else f"outside DESTINY-Breast06's entry ({db06_missed(facts, payload)}), within the "
        "approval"
        if endocrine_progressed(facts)
        else "not yet covered: the approval asks for progression on an endocrine therapy for "
        "metastatic disease"
    )
    lungs = any(c.name is Comorbidity.CHRONIC_LUNG_DISEASE for c in facts.profile.comorbidities)
    crisis = facts.profile.visceral_crisis  # chemotherapy first whatever the reading (case 1003)
    # an approval after the plan's date changes nothing chosen on it (case 2831, rule 46)
    later = approved_later(ctx, "trastuzumab-deruxtecan", facts.profile.decision_date)
    # outside DESTINY-Breast06's entry, something else comes first whatever the reading: a
    # target's drug, a PARP inhibitor, or for endocrine-sensitive disease another endocrine
    # line (rule 32, the policy that dates the ultralow approval; 8967)
    held = not facts.destiny_breast06_entry and (
        targets_left(facts) or _parp_open(facts) or _sensitive_without_target(facts)
    )
    tdxd = ctx.regimens.get("trastuzumab-deruxtecan")  # declined: left out whatever the reading
    declined = declined_by(facts.preferences, tdxd) if tdxd else ""  # (cases 7802, 7789)
    yield PlanEffect(
        code="reread_her2_ultralow",
        genes=("ERBB2",),
        # else not yet an option, at best an alternative (rule 73) or, with chronic lung disease,
        # a later one (rule 12): no change to what is first
        first=endocrine_progressed(facts)
        and bool(facts.cdk46i_resistant)
        and not (lungs or crisis or later or held or declined or payload)
        and not least_toxic_first(facts),  # at ECOG 3-4 the least toxic first (case 515)
        text="HER2 0: ask the pathologist whether the IHC shows any faint membrane staining "
        f"(HER2-ultralow). Trastuzumab deruxtecan's approval{approved} covers HER2-ultralow "
        "disease after progression on 1 or more endocrine therapies for metastatic disease "
        f"(DESTINY-Breast06, which enrolled before chemotherapy); this patient is {entry}."
        + before_metastases(facts)
        + payload_said(payload)
        + _LUNGS * lungs
        + _CRISIS * crisis
        + _DECLINED.format(declined) * bool(declined),
    )


def _sensitive_without_target(facts: Facts) -> bool:
    """Endocrine-sensitive disease with no ESR1 or PI3K-pathway finding: rule 32 steps the ADCs
    back behind another endocrine line whatever the HER2 reading (8967; with a finding whose
    drug is declined it is silent: 7859)."""
    found = any(facts.found(g) for g in ("ESR1", *PAM_GENES))
    return facts.post_cdk46i and endocrine_sensitivity(facts) != "" and not found


def _parp_open(facts: Facts) -> bool:
    """A germline BRCA1/2 mutation whose PARP inhibitor comes before trastuzumab deruxtecan
    outside DESTINY-Breast06's entry (rule 58), the PARP inhibitors not declined (7870)."""
    closed = parp_closed_for(facts) or platinum_resistant(facts) or parp_declined(facts)
    return bool(germline_brca_open(parp_findings(facts), closed))


#: what rule 34's question adds where the patient declines what gives the drug (7802, 7789)
_DECLINED = " The patient declines {} (the preferences): the reading matters only if that changes."
_CRISIS = (
    " In the visceral crisis chemotherapy comes first whatever the reading (rule 7): for the "
    "line after it."
)


# rule 79: hER2 0 after chemotherapy: is it ultralow? (practice-2026)
@rule(
    79,
    "HER2 0 after chemotherapy: ask whether it is ultralow",
    None,
    condition="HER2 0, a chemotherapy line for metastatic disease, progression on an endocrine "
    "therapy for metastatic disease, trastuzumab deruxtecan not progressed on, no interstitial "
    "lung disease on record, and the policy's table dating its approval for HER2-ultralow "
    "disease by the plan's date (practice-2026: FDA 27 Jan 2025).",
    effect="An action to ask the pathologist whether the IHC 0 shows faint membrane staining: "
    "the approval covers HER2-ultralow disease after endocrine therapy with no limit on "
    "chemotherapy, though DESTINY-Breast06 enrolled before chemotherapy (rule 73 then makes "
    "it at best an alternative, so the question does not come before choosing; case 551).",
    codes=("reread_her2_ultralow_after_chemotherapy",),
    trials=("DESTINY-Breast06",),
)
def her2_zero_after_chemotherapy(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    spec = ctx.regimens.get("trastuzumab-deruxtecan")
    if spec is None or spec.regulatory.date is None:
        return
    if approved_later(ctx, spec.id, facts.profile.decision_date):
        return
    approved = approved_as(ctx, spec.id, facts.profile.decision_date)
    if (
        facts.her2 is not Her2Status.ZERO
        or not db04_chemotherapy_lines(facts)
        or lung_disease(facts)
    ):
        return
    if TDXD in facts.progressed_drugs or not endocrine_progressed(facts):
        return
    yield PlanEffect(
        code="reread_her2_ultralow_after_chemotherapy",
        genes=("ERBB2",),
        text="HER2 0 after chemotherapy: ask the pathologist whether the IHC shows any faint "
        f"membrane staining (HER2-ultralow). Trastuzumab deruxtecan's approval{approved} covers "
        "HER2-ultralow disease after progression on 1 or more endocrine therapies for metastatic "
        "disease, with no limit on chemotherapy, though DESTINY-Breast06 enrolled before any: "
        "an ultralow reading would make it at best an alternative.",
    )


#: what rule 34's question adds with chronic lung disease on record (recheck of case 510)
_LUNGS = (
    " With chronic lung disease on record, its interstitial lung disease risk makes it at best a "
    "later option (rule 12)."
)
