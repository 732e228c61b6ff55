"""Every weight and threshold of the ranking, in one place.

Hard orderings (excluded, visceral crisis, ECOG >= 3, waiting on a test, investigational)
are not weights: they are parts of the sort key (``ranking.py``). What is left is additive,
and the orders it must give are the scenario tests' (``tests/test_board_fixes*.py``).
"""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Weights:
    # -- tiers: the clinical merit (molecular + efficacy + history) of an option
    preferred_from: float = 4.5
    alternative_from: float = 2.0

    # -- molecular (rules 1, 2, 3, 5, 6, 9)
    match: float = 3.0  # a biomarker the regimen's trials selected for
    partial: float = 1.0  # a pathway alteration the regimen acts on without a selecting trial
    against: float = -1.5  # a tested biomarker that predicts less benefit
    stale_factor: float = 0.5  # a finding from before the latest progression
    capivasertib_unselected: float = 0.5  # CAPItello-291's overall population
    triniti_worse: float = -0.5
    no_actionable: float = 4.0  # rule 6: chemotherapy and ADCs come forward ...
    no_actionable_endocrine: float = -2.0  # ... and endocrine-based regimens step back
    her2_pending: float = -2.0  # trastuzumab deruxtecan while HER2 is untested
    trial_no_approved: float = 3.0  # a trial for a mechanism no approved drug targets
    trial_approved_exists: float = 1.5
    rb1_loss_cell_cycle_trial: float = -6.0  # rule 74: past rule 9's gain, behind approved options
    everolimus_later: float = -2.0  # rule 2: after PI3K/AKT inhibitors where those are indicated
    parp_before_chemotherapy: float = 1.0  # rules 44 and 49, beyond the match

    # -- efficacy (rule 16)
    no_direct_evidence: float = 0.25
    germline_brca: float = 1.0
    significant_no_grade: float = 1.5
    not_significant: float = 0.5
    median_divisor: float = 3.0
    median_cap: float = 2.5

    # -- history (rules 4, 6, 7, 8, 11, 13, 22, 23)
    visceral_crisis_chemo: float = 6.0
    visceral_crisis_others: float = -3.0
    short_endocrine: float = -5.0  # outweighs a biomarker match
    short_cytotoxic: float = 4.0
    endocrine_resistance_endocrine: float = -5.0  # rule 22, as a short CDK4/6 inhibitor
    endocrine_resistance_cytotoxic: float = 4.0
    adc_gated: float = -5.5  # before the chemotherapy lines its trial required
    tdxd_opened: float = 1.0
    sg_opened: float = 2.5
    same_drug: float = -1.5
    #: rule 8: palbociclib + fulvestrant after another CDK4/6 inhibitor, which PACE found no
    #: better than fulvestrant alone: after the options with evidence in its tier (case 648)
    no_gain_over_backbone: float = -1.5
    same_class: float = -3.0  # rule 11: progression on the class takes it out of preferred
    outside_label: float = -3.0  # rule 62: a regimen given outside its label steps back as far
    cross_resistant: float = -4.0  # rule 11: ... and further with no trial there (an ADC after its
    # target or payload, a PI3K/AKT inhibitor or an oral SERD after one), past rule 6's gain
    switch_after_palbociclib: float = 1.0
    abemaciclib_after_palbociclib: float = 0.5
    switch_after_toxicity: float = 1.5  # rule 23: another CDK4/6 inhibitor after toxicity
    #: rule 61: a drug stopped for an adverse event, or a PI3K or AKT inhibitor after another
    #: stopped for hyperglycaemia: a match no longer lifts it above the options without that
    #: history (case 935)
    toxicity_again: float = -3.0
    poor_ps_intensive: float = -4.0
    poor_ps_combination: float = -1.5
    reduced_ps_intensive: float = -0.5
    cdk46i_naive_first: float = 4.5
    #: rule 19: with no aromatase inhibitor on record, a CDK4/6 inhibitor with one (the review's
    #: first-line standard) before the CDK4/6-inhibitor + fulvestrant regimens (case 468)
    cdk46i_ai_first_line: float = 5.0
    #: rule 19: before the menopause, ribociclib first among them (MONALEESA-7, case 566)
    premenopausal_ribociclib: float = 0.5
    #: rule 19: after progression on endocrine therapy for metastatic disease (no aromatase
    #: inhibitor), the fulvestrant regimens, whose trials enrolled such patients, first (case 492)
    cdk46i_fulvestrant_second_line: float = 5.0
    cdk46i_first_penalty: float = -2.0
    #: rule 73: chemotherapy with no CDK4/6-inhibitor resistance and no crisis, after
    #: endocrine therapy alone (which rule 19 steps back by cdk46i_first_penalty; case 497)
    chemotherapy_before_resistance: float = -4.0

    # -- practice-2026 only (rules 28-36); the review's policy never reads them
    approved_oral_serd: float = 1.0  # rule 28: an approved oral SERD for ESR1-mutated disease
    tdxd_chemo_naive: float = 1.5  # rule 30: DESTINY-Breast06, before chemotherapy
    datodxd_opened: float = 0.5  # rule 30: TROPION-Breast01 after 1-2 chemotherapy lines
    inavolisib_population: float = 2.0  # rule 31: INAVO120's population, beyond the match
    endocrine_sensitive_endocrine: float = 2.0  # rule 32: another endocrine-based line ...
    endocrine_sensitive_cytotoxic: float = -1.0  # ... before chemotherapy
    #: rule 58: after the endocrine lines the tests may pick, or a found target selects
    tdxd_before_tests: float = -4.5
    #: rule 37: abemaciclib+fulvestrant in postMONARCH's population: past rule 8's switch to
    #: ribociclib after palbociclib, whose MAINTAIN (phase II, a subgroup's significant HR)
    #: scores 0.275 more efficacy than postMONARCH's grade 1 (cases 594, 5652); under 1.5, where
    #: its merit would reach 'preferred' beside a CDK4/6-inhibitor resistance mechanism (CCNE1)
    postmonarch_regimen: float = 1.4
    #: rule 104: past the chemotherapy lines a PI3K or AKT inhibitor's trials enrolled after, its
    #: biomarker match speaks for no one this far (it cancels the match)
    past_trial_lines: float = -3.0

    # -- balance (rules 12, 14)
    #: survival, balanced, QoL: under survival the toxicity weighs a quarter of what it does
    #: balanced, so the option of greater merit leads (case 1391: it decided against it)
    toxicity_by_priority: tuple[float, float, float] = (0.25, 1.0, 2.0)
    poor_ps_toxicity_factor: float = 3.0
    cost_base: float = 0.25
    cost_quality_of_life: float = 0.5
    cost_sensitive: float = 1.0
    balance_scale: float = -0.5
    #: rule 110: chemotherapy by mouth only, capecitabine held back, outside a visceral crisis
    #: (only vinorelbine has a form by mouth, where licensed): after the options by mouth (9959)
    no_standard_agent: float = -1.5


DEFAULT = Weights()
