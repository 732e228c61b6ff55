"""``practice-2026``: the review's system where the evidence after it (the ``2026.11`` pack,
``update-2026.md``) or the guidelines do not differ, and a rule unit (28-36) where they do.

It reuses the ye2024 units and replaces only those that differ: rule 3 (HER2-low) by rule 29
(HER2-low or ultralow); rule 4 keeps sacituzumab govitecan and chemotherapy, rule 30 takes the
other two ADCs; rule 2 keeps the PI3K/AKT/mTOR inhibitors the review discusses, rules 31 and
33 take inavolisib and gedatolisib, and rule 38 leaves capivasertib out without an alteration; rule 6 is silent for endocrine-sensitive disease, which
rule 32 speaks for; rule 28 adds the approved oral SERDs' preference to rule 1; rule 8 (PACE:
no palbociclib again after palbociclib) leaves out the gedatolisib and inavolisib triplets,
which their trials gave with palbociclib.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from resistx.evidence._base import EvidenceBase
from resistx.evidence._pack import pack
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import endocrine_first, kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.policy import Policy, register
from resistx.sequencing.rule import Context, Effect, Rule
from resistx.sequencing.rules import (
    RULES,
    cdk46i,
    db04,
    glucose,
    her2,
    history,
    label_cautions,
    molecular,
    pathway,
    practice,
    practice_adc,
    practice_history,
    practice_pathway,
    practice_switch,
    practice_tdxd,
    progression,
    records,
    regulatory,
    sensitive,
    serena6,
    targets,
)
from resistx.sequencing.weights import DEFAULT

PACK = "2026.11"


def _evidence() -> EvidenceBase:
    return pack(PACK)


def _not_when_sensitive(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    """Rule 6, silent for endocrine-sensitive disease (rule 32 speaks for it); abemaciclib +
    fulvestrant in postMONARCH's population beside chemotherapy (case 870)."""
    rule_6 = targets.nothing_actionable.assess
    if rule_6 is None or (
        i.endocrine_sensitive and not endocrine_first.only_monotherapy_for_esr1(i)
    ):
        return
    if practice_switch.postmonarch_switch(i, spec):
        yield practice_switch.beside_chemotherapy(i)
    else:
        yield from rule_6(i, spec, ctx)


_NOTHING_ACTIONABLE = attrs.evolve(
    targets.nothing_actionable,
    assess=_not_when_sensitive,
    condition=targets.nothing_actionable.condition
    + " Under practice-2026 not for endocrine-sensitive disease (a CDK4/6-inhibitor course not "
    "short, short_cdk46i_months or more, or a relapse on or after an adjuvant one 24 months or more into adjuvant "
    "endocrine therapy; no visceral crisis): rule 32 speaks for it; and abemaciclib + "
    "fulvestrant in postMONARCH's population is at best an alternative beside chemotherapy, as "
    "MAINTAIN's switch is (case 870). Where rule 32 is silent for an ESR1 mutation left to "
    "endocrine therapy alone (8355), rule 6 speaks.",
    trials=(*targets.nothing_actionable.trials, "postMONARCH"),
)
_PI3K_PATHWAY = attrs.evolve(pathway.pi3k_pathway, regimens=kinds.acts_on_pi3k_pathway_as_reviewed)
_ADC_LINES = attrs.evolve(history.adc_lines, regimens=kinds.is_adc_or_chemotherapy_but_tdxd)
_CDK46I_SWITCH = attrs.evolve(cdk46i.cdk46i_switch, regimens=kinds.has_cdk46i_without_later_pi3k)

_REPLACED: dict[int, tuple[Rule, ...]] = {
    1: (molecular.esr1_oral_serd, practice.approved_oral_serds),
    2: (
        _PI3K_PATHWAY,
        practice_pathway.inavolisib_triplet,
        practice_pathway.gedatolisib,
        practice_pathway.capivasertib_altered_only,
    ),
    3: (practice_adc.her2_low_or_ultralow,),
    4: (_ADC_LINES, practice_adc.later_adcs, practice_tdxd.target_before_tdxd),
    6: (_NOTHING_ACTIONABLE, sensitive.endocrine_sensitive),
    8: (_CDK46I_SWITCH, practice_history.postmonarch_population),
    11: (progression.progressed_on, practice_history.outside_trial_population),
    24: (regulatory.investigational, practice_history.not_yet_approved),
    53: (records.ongoing_course, serena6.serena6_switch),
    65: (
        db04.chemotherapy_after_tdxd,
        practice.chemotherapy_after_tdxd_db06,
        practice.datopotamab_after_tdxd,
    ),
    59: (label_cautions.abemaciclib_label, label_cautions.datopotamab_deruxtecan_label),
    55: (her2.confirm_her2_zero, her2.her2_zero_after_chemotherapy),
    78: (glucose.glucose_inhibitor_diabetes, glucose.inavolisib_diabetes),
    77: (),  # capivasertib without an alteration: rule 38 speaks under this policy
    25: (
        her2.ask_her2_test_ultralow,
        her2.her2_zero_reread,
        practice_pathway.ask_adjuvant_history,
        practice_history.approved_later,
    ),
}

#: the ye2024 rules in their order, each replaced where the newer evidence differs
RULES_2026: tuple[Rule, ...] = tuple(
    r for unit in RULES for r in _REPLACED.get(unit.number, (unit,))
)

POLICY = Policy(
    name="practice-2026",
    version="1",
    description="The review's system updated where the evidence after it (evidence pack "
    f"{PACK}, from update-2026.md: approvals and phase 3 results 2024-2026) or the guidelines "
    "differ; each difference is a rule unit numbered from 28.",
    rules=RULES_2026,
    weights=DEFAULT,
    default_evidence=_evidence,
    table_package="resistx.evidence",
    table_path=("data", "packs", f"{PACK}-regimens.json"),
    disclaimer="Decision support for clinicians, not a substitute for their judgment: resistx "
    "ranks options from one 2024 review (Ye et al., doi 10.2147/BCTT.S438366) and evidence "
    f"pack {PACK} after it (trials and approvals to 2026, each figure with its verification "
    "level: primary or secondary source).",
)
register(POLICY)
