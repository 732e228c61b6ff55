"""The clinical rules the ranking respects (CONTRACT section 5), as data.

Each rule names its condition, its effect, the factor that carries it, the reason or
exclusion codes a plan shows when it applies, and the trials and review references
behind it. The documentation page "How the ranking works" is generated from this list,
and the tests check that every code listed here is one the engine emits.
"""

from __future__ import annotations

import attrs

from resistx.model.enums import Factor


@attrs.frozen(kw_only=True)
class Rule:
    number: int
    name: str
    condition: str
    effect: str
    factor: Factor
    codes: tuple[str, ...]
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()


M, H, B = Factor.MOLECULAR, Factor.HISTORY, Factor.BALANCE

RULES: tuple[Rule, ...] = (
    Rule(
        number=1,
        name="ESR1 mutation: oral SERD",
        factor=M,
        condition="The latest ESR1 result is a mutation.",
        effect="Elacestrant and camizestrant score a biomarker match (half if the result predates "
        "the latest progression); with ESR1 tested and not mutated they score against.",
        codes=("esr1_mutation_matches_oral_serd", "esr1_not_mutated", "esr1_untested"),
        trials=("EMERALD", "SERENA-2"),
        references=(65, 66, 68),
    ),
    Rule(
        number=2,
        name="PI3K-AKT pathway: alpelisib, capivasertib; everolimus later",
        factor=M,
        condition="A PIK3CA mutation; an AKT1 mutation or PTEN loss.",
        effect="PIK3CA: alpelisib+fulvestrant and capivasertib+fulvestrant score a match; AKT1/PTEN: "
        "capivasertib only. Without a PIK3CA mutation alpelisib is excluded (biomarker_absent). "
        "With no alteration by NGS, capivasertib's efficacy is FAKTION's non-altered subgroup's. "
        "Everolimus regimens score a partial match, and everolimus+exemestane steps back to a "
        "later line (median PFS about 4 months after a CDK4/6 inhibitor).",
        codes=(
            "pik3ca_mutation_matches_alpelisib",
            "akt_pathway_alteration_matches_capivasertib",
            "pam_alteration_matches_mtor_inhibitor",
            "biomarker_absent",
            "pathway_not_altered_by_ngs",
            "everolimus_later_line",
        ),
        trials=("SOLAR-1", "BYLieve", "CAPItello-291", "FAKTION", "retrospective-ref47"),
        references=(42, 43, 47, 49, 50, 51),
    ),
    Rule(
        number=3,
        name="HER2-low: trastuzumab deruxtecan",
        factor=M,
        condition="HER2-low, with at least one prior chemotherapy line for metastatic disease.",
        effect="Trastuzumab deruxtecan scores a match and, after chemotherapy, a history bonus; "
        "HER2 0 or ultralow excludes it (out_of_population); HER2 unknown keeps it waiting "
        "(scored down) and asks for an IHC test.",
        codes=(
            "her2_low_matches_trastuzumab_deruxtecan",
            "prior_chemotherapy_opens_trastuzumab_deruxtecan",
            "out_of_population",
            "her2_status_unknown",
            "test_her2",
        ),
        trials=("DESTINY-Breast04",),
        references=(62,),
    ),
    Rule(
        number=4,
        name="Two chemotherapy lines: sacituzumab govitecan",
        factor=H,
        condition="Two or more prior chemotherapy lines for metastatic disease.",
        effect="Sacituzumab govitecan gains enough to be preferred. Before the lines its trial "
        "required, an ADC loses more than a biomarker match is worth, so chemotherapy comes "
        "first (ADCs follow one or two lines of chemotherapy).",
        codes=("prior_chemotherapy_opens_sacituzumab_govitecan", "adc_before_chemotherapy"),
        trials=("TROPiCS-02", "DESTINY-Breast04"),
        references=(60, 62),
    ),
    Rule(
        number=5,
        name="Homologous-recombination genes: PARP inhibitor",
        factor=M,
        condition="Germline BRCA1/2 or PALB2, or somatic BRCA1/2 mutation.",
        effect="Olaparib scores a match (talazoparib by class, and fully for germline BRCA1/2, for "
        "which both are approved on trials the review cites without figures); otherwise both are "
        "excluded (biomarker_absent), and untested genes get a test action.",
        codes=(
            "hrd_mutation_matches_parp_inhibitor",
            "hrd_mutation_matches_parp_inhibitor_class",
            "approved_for_germline_brca",
            "test_hrd_genes",
        ),
        trials=("TBCRC 048",),
        references=(74, 75, 76),
    ),
    Rule(
        number=6,
        name="Nothing actionable, or a short CDK4/6 inhibitor: chemotherapy and ADCs",
        factor=H,
        condition="ESR1 and the PI3K pathway tested (current, not PCR-only) without an actionable "
        "alteration (HER2-low does not count here); or less than short_cdk46i_months on the last "
        "CDK4/6 inhibitor that ended in progression (a course stopped for toxicity does not "
        "measure response).",
        effect="Chemotherapy and ADCs gain; endocrine-based regimens (CDK4/6 inhibitors included) "
        "lose, by more than a biomarker match is worth when the time on the CDK4/6 inhibitor "
        "was short.",
        codes=(
            "no_actionable_alteration",
            "no_actionable_alteration_endocrine",
            "short_cdk46i_prefers_chemotherapy_or_adc",
            "short_cdk46i_endocrine_resistance",
        ),
    ),
    Rule(
        number=7,
        name="Visceral crisis: chemotherapy first",
        factor=H,
        condition="visceral_crisis is true.",
        effect="Chemotherapy gains the most of any rule; everything else loses.",
        codes=("visceral_crisis_chemotherapy_first", "visceral_crisis_not_first"),
        references=(30, 31, 32),
    ),
    Rule(
        number=8,
        name="CDK4/6 inhibitor after a CDK4/6 inhibitor",
        factor=H,
        condition="Progression on palbociclib; or RB1 loss.",
        effect="Ribociclib+fulvestrant (MAINTAIN) and abemaciclib gain after palbociclib; "
        "continuing palbociclib+fulvestrant after palbociclib is excluded (PACE, negative_trial); "
        "RB1 loss excludes every CDK4/6-inhibitor regimen (biomarker_absent).",
        codes=("switch_cdk46i_after_palbociclib", "negative_trial", "biomarker_absent"),
        trials=("MAINTAIN", "PACE", "retrospective-ref35"),
        references=(13, 35, 36, 37),
    ),
    Rule(
        number=9,
        name="Mechanisms without an approved drug: trials",
        factor=M,
        condition="A result points to a mechanism (CCNE1 amplification, CDK2 overexpression, AURKA "
        "amplification, ...) that open trials in the evidence target.",
        effect="Each matching open trial whose population's biomarkers the patient has becomes a "
        "trial:<NCT id> option (when include_trials), scored higher when no approved drug "
        "targets the mechanism; it takes the place its merit gives it.",
        codes=("mechanism_matches_trial", "no_results_yet"),
        trials=("VELA", "NCT04553133", "NCT05262400", "NCT03519178", "NCT03955939"),
    ),
    Rule(
        number=10,
        name="Negative trials",
        factor=H,
        condition="Always.",
        effect="Venetoclax+fulvestrant (VERONICA), amcenestrant (AMEERA-3) and giredestrant "
        "(acelERA) are excluded outside a trial (negative_trial).",
        codes=("negative_trial",),
        trials=("VERONICA", "AMEERA-3", "acelERA"),
        references=(67, 68, 84),
    ),
    Rule(
        number=11,
        name="Progressed on it",
        factor=H,
        condition="A metastatic-setting treatment that contained every drug of a regimen ended in "
        "progression.",
        effect="The regimen is excluded (progressed_on); chemotherapy as a class is not. "
        "Progression on a drug of the regimen in another combination, or on another drug of its "
        "pathway (PI3K-AKT-mTOR, oral SERD, PARP), demotes it.",
        codes=("progressed_on", "progressed_on_drug", "same_pathway_after_progression"),
    ),
    Rule(
        number=12,
        name="Comorbidities against adverse events",
        factor=B,
        condition="Diabetes; interstitial lung disease; and other listed comorbidities.",
        effect="Diabetes excludes alpelisib (hyperglycaemia) and cautions capivasertib and "
        "everolimus; interstitial lung disease excludes trastuzumab deruxtecan and cautions "
        "everolimus (pneumonitis); other comorbidities add cautions with the adverse-event figure. "
        "Each option also shows its most frequent grade >= 3 events and its signature risk.",
        codes=(
            "contraindicated",
            "diabetes_caution",
            "interstitial_lung_disease_caution",
            "adverse_event",
        ),
        trials=("SOLAR-1", "FAKTION", "BOLERO-2", "DESTINY-Breast04"),
        references=(42, 44, 49, 62),
    ),
    Rule(
        number=13,
        name="Poor performance status",
        factor=H,
        condition="ECOG 3 or 4 (ECOG 2: a smaller step).",
        effect="Intensive regimens (chemotherapy, ADCs, PI3K/AKT/mTOR combinations) lose most, "
        "other combinations less, endocrine monotherapy nothing; toxicity weighs three times "
        "as much.",
        codes=(
            "poor_performance_status_intensive",
            "poor_performance_status_more_toxic",
            "reduced_performance_status_intensive",
        ),
    ),
    Rule(
        number=14,
        name="Quality of life and cost",
        factor=B,
        condition="priority quality_of_life, or cost_sensitive.",
        effect="Toxicity and financial burden weigh more, so among options of similar efficacy the "
        "less toxic or less costly ranks higher, and ADCs fall further behind chemotherapy "
        "unless a biomarker or line of treatment calls for them.",
        codes=("toxicity_and_cost",),
    ),
    Rule(
        number=15,
        name="Retest",
        factor=M,
        condition="No ESR1 or PI3K-pathway result, one older than the latest progression, or a "
        "PCR-only 'not detected'.",
        effect="An action to retest by ctDNA or rebiopsy (retest), or by NGS (retest_ngs); stale "
        "somatic results count half.",
        codes=("retest", "retest_ngs"),
        trials=("FAKTION",),
        references=(50,),
    ),
)
