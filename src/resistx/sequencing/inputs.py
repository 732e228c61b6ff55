"""Per-factor Inputs: everything a factor's rules read about the patient, and nothing more.

Each Inputs is frozen and hashable, built once per profile from the ``Facts``. It is the memo
key of its factor (with the policy, the evidence version and the regimen id), so a rule
cannot read a fact that the key does not hold: the rule is given the Inputs, not the facts.
"""

from __future__ import annotations

import attrs

from resistx.model.enums import (
    Assay,
    BiomarkerStatus,
    DrugClass,
    Her2Status,
    MenopausalStatus,
    Origin,
    Priority,
    Sex,
)
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import Condition
from resistx.sequencing.coverage import Coverage
from resistx.sequencing.facts import (
    EARLY_RELAPSE_SG,
    EARLY_RELAPSE_TDXD,
    HRD_GENES,
    PAM_GENES,
    Facts,
)
from resistx.sequencing.findings import Finding, GeneState, by_pcr_only, keyed
from resistx.vocab.drugs import drug_class

S = BiomarkerStatus


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class MolecularInputs:
    her2: Her2Status
    esr1: Finding | None
    esr1_negative: bool
    esr1_negative_current: bool = False  # ... and since the latest progression (rules 1, 28)
    pik3ca: Finding | None
    pik3ca_pcr_only: bool
    #: PIK3CA with no result since the latest progression (none, stale or indeterminate)
    pik3ca_untested: bool = False
    akt_pathway: Finding | None  # PIK3CA or AKT1 mutation, PTEN loss (CAPItello-291)
    akt_pathway_ihc_only: bool  # the only alteration is a PTEN loss by IHC
    pam_negative: bool  # PIK3CA, AKT1 and PTEN each tested negative since the latest progression
    pam_negative_by_ngs: bool  # ... each by NGS
    pam_pcr_only: tuple[str, ...]
    after_pi3k_or_akt: bool  # progressed on a PI3K or AKT inhibitor
    parp: tuple[Finding, ...]
    hrd_untested: bool = False  # no PARP finding, and BRCA1, BRCA2 or PALB2 never tested
    rb1_loss: Finding | None
    tested_without_actionable: bool
    post_cdk46i: bool  # progressed on a CDK4/6 inhibitor (rule 6 is about that setting)
    mechanisms: tuple[ResistanceMechanism, ...]
    # read by the practice-2026 rules only (rules 31-33)
    pik3ca_negative: bool = False  # PIK3CA tested, current, not mutated
    long_cdk46i: bool = False  # >= 12 months on a CDK4/6 inhibitor
    #: >= 12 months on a CDK4/6 inhibitor, no visceral crisis, no chemotherapy and no endocrine
    #: line after it for metastatic disease, no RB1 loss (postMONARCH's population, rule 32)
    endocrine_sensitive: bool = False
    early_adjuvant_relapse: bool = False  # relapse on or within 12 months of adjuvant ET, no
    # therapy for metastatic disease, no relapse on an adjuvant CDK4/6i (INAVO120's population)
    #: chemotherapy given for metastatic disease (DESTINY-Breast06 enrolled no one with it)
    metastatic_chemotherapy: bool = False


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class EfficacyInputs:
    esr1: bool
    pik3ca: bool
    akt_pathway: bool
    pam_negative_by_ngs: bool
    her2_low: bool
    cdk46i_resistant: frozenset[str]
    parp_origins: frozenset[tuple[str, Origin]]
    long_cdk46i: bool = False  # >= 12 months on a CDK4/6 inhibitor (EMERALD's post hoc subgroup)


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class HistoryInputs:
    visceral_crisis: bool
    #: under the limit on the CDK4/6 inhibitor; how many months is a slot (``CDK46I_MONTHS``)
    short_cdk46i: bool
    short_limit: float
    chemo_lines: int
    tdxd_lines: int  # with (neo)adjuvant chemotherapy and relapse within 6 months
    sg_lines: int  # ... within 12 months
    early_relapse_tdxd: bool
    early_relapse_sg: bool
    ecog: int | None
    cdk46i_resistant: frozenset[str]
    cdk46i_toxicity: frozenset[str]  # CDK4/6 inhibitors stopped for toxicity
    toxicity_events: frozenset[tuple[str, str]]  # (drug, adverse event) where the profile says
    had_cdk46i: bool
    #: the metastatic courses that progressed and contain every drug of a regimen of the table
    #: (each course's drugs sorted): what rule 11 excludes on; other courses cannot exclude
    progressed: frozenset[tuple[str, ...]]
    #: drugs progressed on that a rule can act on: not chemotherapy, aromatase inhibitors,
    #: tamoxifen or ovarian suppression (partners no rule repeats or demotes for)
    progressed_drugs: frozenset[str]
    endocrine_lines_after_cdk46i: int
    further_endocrine_target: bool  # an ESR1 or PI3K-pathway finding not yet acted on
    had_endocrine_target: bool  # an ESR1 or PI3K-pathway finding, acted on or not
    metastatic_endocrine_lines: int = 0  # endocrine-based lines for metastatic disease (rule 30)
    destiny_breast06_entry: bool = False  # 2+ endocrine lines, or a CDK4/6i course < 6 months


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class BalanceInputs:
    comorbidities: tuple[Condition, ...]  # sorted by name, with their values
    #: an aromatase inhibitor or fulvestrant needs ovarian suppression (pre/perimenopausal)
    needs_ovarian_suppression: bool
    male: bool  # an aromatase inhibitor needs a GnRH agonist
    priority: Priority
    cost_sensitive: bool
    poor_performance: bool


def _finding(st: GeneState | None, *statuses: BiomarkerStatus) -> Finding | None:
    """A gene's finding as a memo key holds it (``keyed``: no date, sample or variant)."""
    if st is None or st.finding is None:
        return None
    return keyed(st.finding) if not statuses or st.finding.result.status in statuses else None


def _pam_negative(facts: Facts, states: list[GeneState | None], *, ngs: bool) -> bool:
    """Each PI3K-pathway gene (``states``, in ``PAM_GENES`` order) tested negative and current;
    by NGS if ``ngs``."""
    for gene, st in zip(PAM_GENES, states, strict=True):
        if st is None or st.negative is None or facts.needs_retest(gene):
            return False
        if ngs and st.negative.assay is not Assay.NGS:
            return False
    return True


def molecular(facts: Facts, mechanisms: tuple[ResistanceMechanism, ...]) -> MolecularInputs:
    state = facts.genes.get
    pam = [state(g) for g in PAM_GENES]
    esr1_state = state("ESR1")
    esr1 = _finding(esr1_state, S.MUTATED)
    pik3ca = _finding(pam[0], S.MUTATED)  # an amplification is not what SOLAR-1 selected
    akt1 = _finding(pam[1], S.MUTATED)
    pten = _finding(pam[2], S.LOSS, S.MUTATED)
    akt_pathway = pik3ca or akt1 or pten
    parp = _parp(facts)
    pcr_only = tuple(g for g, st in zip(PAM_GENES, pam, strict=True) if st and by_pcr_only(st))
    esr1_negative = esr1_state is not None and esr1_state.negative is not None
    pam_negative = _pam_negative(facts, pam, ngs=False)
    rb1_loss = _finding(state("RB1"), S.LOSS, S.MUTATED)
    actionable = bool(esr1 or akt_pathway or parp)
    return MolecularInputs(
        her2=facts.her2,
        esr1=esr1,
        esr1_negative=esr1_negative,
        esr1_negative_current=esr1_negative and not facts.needs_retest("ESR1"),
        pik3ca=pik3ca,
        pik3ca_pcr_only="PIK3CA" in pcr_only,
        pik3ca_untested=pik3ca is None
        and facts.needs_retest("PIK3CA")
        and not (pam[0] is not None and pam[0].not_actionable),
        akt_pathway=akt_pathway,
        akt_pathway_ihc_only=pik3ca is None
        and akt1 is None
        and pten is not None
        and pten.result.assay is Assay.IHC,
        pam_negative=pam_negative,
        pam_negative_by_ngs=pam_negative and _pam_negative(facts, pam, ngs=True),
        pam_pcr_only=pcr_only,
        after_pi3k_or_akt=any(
            drug_class(d) in (DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR)
            for d in facts.progressed_drugs
        ),
        parp=parp,
        hrd_untested=not parp and any(state(g) is None for g in HRD_GENES),
        rb1_loss=rb1_loss,
        tested_without_actionable=not actionable
        and esr1_negative
        and not facts.needs_retest("ESR1")
        and pam_negative
        and not pcr_only,
        post_cdk46i=facts.post_cdk46i,
        mechanisms=mechanisms,
        pik3ca_negative=pik3ca is None
        and pam[0] is not None
        and pam[0].negative is not None
        and not facts.needs_retest("PIK3CA"),
        long_cdk46i=facts.long_cdk46i,
        endocrine_sensitive=facts.long_cdk46i
        and not facts.profile.visceral_crisis
        and not facts.chemo_lines
        and facts.metastatic_endocrine_lines <= 1
        and rb1_loss is None,
        early_adjuvant_relapse=facts.early_adjuvant_endocrine_relapse,
        metastatic_chemotherapy=bool(facts.chemo_lines),
    )


def _parp(facts: Facts) -> tuple[Finding, ...]:
    """Germline BRCA1/2 or PALB2, or somatic BRCA1/2 (TBCRC 048): what opens a PARP inhibitor."""
    found = []
    for gene in HRD_GENES:
        f = _finding(facts.genes.get(gene), S.MUTATED)
        if f is None:
            continue
        if f.result.origin is Origin.GERMLINE or gene != "PALB2":
            found.append(f)
    return tuple(found)


def efficacy(m: MolecularInputs, facts: Facts) -> EfficacyInputs:
    return EfficacyInputs(
        esr1=m.esr1 is not None,
        pik3ca=m.pik3ca is not None,
        akt_pathway=m.akt_pathway is not None,
        pam_negative_by_ngs=m.pam_negative_by_ngs,
        her2_low=m.her2 is Her2Status.LOW,
        cdk46i_resistant=facts.cdk46i_resistant,
        parp_origins=frozenset((f.gene, f.result.origin) for f in m.parp),
        long_cdk46i=facts.long_cdk46i,
    )


_NOT_ACTED_ON = frozenset(
    {
        DrugClass.CHEMOTHERAPY,
        DrugClass.AROMATASE_INHIBITOR,
        DrugClass.SERM,
        DrugClass.OVARIAN_FUNCTION_SUPPRESSION,
    }
)


def progressed(facts: Facts, covers: Coverage) -> frozenset[tuple[str, ...]]:
    """The metastatic courses that progressed and hold a regimen of the policy (drugs sorted):
    the one field of ``HistoryInputs`` that depends on the policy."""
    return frozenset(tuple(sorted(t.drugs)) for t in facts.progressed if covers(t.drugs))


def history(facts: Facts, m: MolecularInputs, covers: Coverage) -> HistoryInputs:
    """``covers``: whether a course holds the drugs of one of the policy's regimens."""
    given = {drug_class(d) for d in facts.progressed_drugs}
    further = (m.esr1 is not None and DrugClass.ORAL_SERD not in given) or (
        m.akt_pathway is not None and not m.after_pi3k_or_akt
    )
    tdxd_early = facts.early_relapse_chemo(EARLY_RELAPSE_TDXD)
    sg_early = facts.early_relapse_chemo(EARLY_RELAPSE_SG)
    toxicity = frozenset(d for course in facts.cdk46i_toxicity for d in course)
    return HistoryInputs(
        visceral_crisis=facts.profile.visceral_crisis,
        short_cdk46i=facts.short_cdk46i,
        short_limit=facts.preferences.short_cdk46i_months,
        chemo_lines=facts.chemo_lines,
        tdxd_lines=facts.chemo_lines + tdxd_early,
        sg_lines=facts.chemo_lines + sg_early,
        early_relapse_tdxd=bool(tdxd_early),
        early_relapse_sg=bool(sg_early),
        ecog=facts.profile.ecog,
        cdk46i_resistant=facts.cdk46i_resistant,
        cdk46i_toxicity=toxicity - facts.cdk46i_resistant,
        toxicity_events=frozenset(
            (d, t.toxicity)
            for t in facts.in_order
            if t.toxicity is not None
            for d in t.drugs
            if drug_class(d) is DrugClass.CDK46_INHIBITOR
        ),
        had_cdk46i=facts.had_cdk46i,
        progressed=progressed(facts, covers),
        progressed_drugs=frozenset(
            d for d in facts.progressed_drugs if drug_class(d) not in _NOT_ACTED_ON
        ),
        endocrine_lines_after_cdk46i=facts.endocrine_lines_after_cdk46i,
        further_endocrine_target=further,
        had_endocrine_target=m.esr1 is not None or m.akt_pathway is not None,
        metastatic_endocrine_lines=facts.metastatic_endocrine_lines,
        destiny_breast06_entry=facts.destiny_breast06_entry,
    )


def balance(facts: Facts) -> BalanceInputs:
    ecog = facts.profile.ecog
    p = facts.profile
    return BalanceInputs(
        comorbidities=tuple(sorted(p.comorbidities, key=lambda c: c.name)),
        needs_ovarian_suppression=p.sex is not Sex.MALE
        and p.menopausal_status
        in (MenopausalStatus.PREMENOPAUSAL, MenopausalStatus.PERIMENOPAUSAL),
        male=p.sex is Sex.MALE,
        priority=facts.preferences.priority,
        cost_sensitive=facts.preferences.cost_sensitive,
        poor_performance=ecog is not None and ecog >= 3,
    )
