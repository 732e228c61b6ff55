"""The review's rules, one unit each, in the order a plan lists their reasons."""

from __future__ import annotations

from resistx.sequencing.rule import Rule
from resistx.sequencing.rules import (
    actions,
    balance,
    cdk46i,
    efficacy,
    endocrine,
    her2,
    history,
    molecular,
    parp,
    pathway,
    patient,
    progression,
    records,
    results,
    status,
    targets,
)

#: every rule of the ye2024 policy; a factor's reasons follow this order
RULES: tuple[Rule, ...] = (
    # factor 1: molecular
    targets.nothing_actionable,
    targets.rb1_loss,
    molecular.esr1_oral_serd,
    molecular.esr1_aromatase_inhibitor,
    pathway.pi3k_pathway,
    targets.her2_low,
    targets.chemotherapy_after_tdxd,
    molecular.parp_inhibitor,
    parp.parp_before_chemotherapy,
    parp.tbcrc048_before_chemotherapy,
    targets.mechanism_trial,
    targets.cdk46i_resistance_markers,
    molecular.no_biomarker,
    # factor 2: efficacy
    efficacy.comparative_efficacy,
    actions.investigational,
    # factor 3: history
    history.visceral_crisis,
    endocrine.endocrine_resistance,
    history.negative_trial,
    progression.progressed_on,
    endocrine.short_cdk46i,
    history.adc_lines,
    cdk46i.cdk46i_switch,
    cdk46i.cdk46i_toxicity,
    cdk46i.other_toxicity,
    history.abemaciclib_alone,
    endocrine.cdk46i_first,
    status.performance_status,
    status.trial_after_cdk46i,
    status.nothing_against,
    # factor 4: balance
    balance.comorbidities,
    patient.ovarian_suppression,
    patient.ribociclib_monitoring,
    patient.parp_blood_counts,
    patient.abemaciclib_label,
    patient.glucose_before_starting,
    balance.toxicity_and_cost,
    # plan-level
    actions.her2_discordant,
    records.adjuvant_relapse,
    records.progression_undocumented,
    records.ongoing_course,
    records.severe_hepatic_impairment,
    records.aromatase_inhibitor_unsuppressed,
    results.conflicts,
    actions.retest,
    results.esr1_ctdna,
    her2.ask_her2_test,
    her2.confirm_her2_zero,
    actions.ask_hrd_tests,
    actions.genetic_counselling,
    records.stopping_toxicity,
    results.review_classification,
)
