"""Each factor's Inputs built from the patient's facts, once per profile (``Patient.of``); the
Inputs themselves, and why they are the memo keys, are in ``inputs``."""

from __future__ import annotations

from typing import TypedDict

from resistx.model.enums import Assay, BiomarkerStatus, DrugClass, Her2Status, RegimenKind, Sample
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import BiomarkerResult, cdk46i_drugs
from resistx.sequencing import adjuvant, germline, maintain, postmonarch
from resistx.sequencing.acquired import esr1_arose_on
from resistx.sequencing.ai_resistance import (
    adjuvant_relapse_unknown,
    ai_end_undated,
    aromatase_inhibitor_resistant,
    aromatase_inhibitors_given,
    endocrine_progressed,
    endocrine_resistant,
    ultralow_endocrine_progressed,
)
from resistx.sequencing.course_readings import (
    cdk46i_months,
    degraders_failed,
    first_line,
    other_courses_stopped,
    record_gaps,
    targets_read,
)
from resistx.sequencing.coverage import Coverage, unapproved_for
from resistx.sequencing.exhausted import (
    acted_on,
    endocrine_lines_after_cdk46i,
    pathway_drugs,
    progressed_on_targets,
    progressed_regimens,
    stale_negative,
    targets_left,
)
from resistx.sequencing.facts import EARLY_RELAPSE_SG, EARLY_RELAPSE_TDXD, PAM_GENES, Facts
from resistx.sequencing.findings import DEFINITE_TARGETS, Finding, GeneState
from resistx.sequencing.hrd import (
    adjuvant_parp,
    germline_brca_open,
    germline_tests,
    hrd_untested,
    origin_unknown,
    parp_closed_by,
    parp_findings,
)
from resistx.sequencing.inputs import EfficacyInputs, HistoryInputs, MolecularInputs
from resistx.sequencing.keyed import keyed
from resistx.sequencing.pten_ihc import akt_pathway_unconfirmed
from resistx.sequencing.reliability import esr1_tissue_only
from resistx.sequencing.suppression import needs_ovarian_suppression
from resistx.sequencing.therascreen import outside_therascreen
from resistx.sequencing.toxicity import cdk46i_stops, tdxd_ruled_out
from resistx.vocab.drugs import drug_class

S = BiomarkerStatus
#: the molecular Inputs hold the chemotherapy lines up to this count: its rules tell no more
#: apart (rule 44: up to 2, OlympiAD's limit; rule 30: whether any); more would part the key
CHEMOTHERAPY_LINES_CAP = 3


def _finding(st: GeneState | None, *statuses: BiomarkerStatus) -> Finding | None:
    """A gene's finding as a memo key holds it (``keyed``: no date, sample or variant)."""
    if st is None or st.finding is None:
        return None
    return keyed(st.finding) if not statuses or st.finding.result.status in statuses else None


def doubtful(st: GeneState | None) -> bool:
    """A doubtful call on a known activating variant that no later result settles
    (``GeneState.doubtful``): rule 45 asks the laboratory; its drugs wait on the answer."""
    return st is not None and st.doubtful is not None


def _pam_negative(facts: Facts, states: list[GeneState | None], *, ngs: bool) -> bool:
    """Each PI3K-pathway gene (``states``) negative and current; by NGS if ``ngs``."""
    for gene, st in zip(PAM_GENES, states, strict=True):
        negative = _current_negative(facts, gene, st)
        disputed = gene == "PTEN" and germline.pten_disputed(facts)  # case 4572a
        if negative is None or disputed or (ngs and negative.assay is not Assay.NGS):
            return False
    return True


def from_ctdna(st: GeneState | None) -> bool:
    """The gene's standing negative is from ctDNA (cases 477, 481; ``results.ctdna_negative``)."""
    return st is not None and st.negative is not None and st.negative.sample is Sample.CTDNA


def _pam_ctdna_only(
    pik3ca: Finding | None, pam_negative: bool, pam: list[GeneState | None]
) -> bool:
    """The pathway's negatives stand on ctDNA alone (cases 477, 481), or PIK3CA was tested on
    ctDNA only, whatever the others' tissue tests (the recheck of session 54, 2915k3: a tissue
    PTEN negative closed PIK3CA's plasma one; 3000e: not AKT1's alone); or, where the pathway
    is not all negative, PIK3CA's own negative does (case 534): alpelisib waits on tissue."""
    if pam_negative:
        return all(map(from_ctdna, pam)) or _plasma_only(pam[0])
    return pik3ca is None and from_ctdna(pam[0])


def _plasma_only(st: GeneState | None) -> bool:
    """The gene tested on ctDNA only: its negative from ctDNA, no tissue call on record (a VUS
    on tissue is a tissue test: case 155)."""
    tissue = st is not None and any(r.sample is not Sample.CTDNA for r in st.not_actionable)
    return from_ctdna(st) and not tissue


def by_pcr_only(state: GeneState) -> bool:
    """A negative that stands on PCR alone (rule 15: retest by NGS)."""
    return state.negative is not None and state.negative.assay is Assay.PCR


def _current_negative(facts: Facts, gene: str, st: GeneState | None) -> BiomarkerResult | None:
    """The negative that stands for ``gene``, if it is current (since the latest progression)."""
    if st is None or st.negative is None or facts.needs_retest(gene):
        return None
    return st.negative


#: ``maintain.outside_for(facts)``, worked out once per patient and passed to the builders
Outside = tuple[tuple[str, str], ...]
Mechanisms = tuple[ResistanceMechanism, ...]


def _pam_findings(pam: list[GeneState | None]) -> tuple[Finding | None, Finding | None]:
    """PIK3CA's finding, and the first of PIK3CA's, AKT1's and PTEN's (``PAM_GENES``): the
    pathway's, from their states."""
    found = [_finding(st, *DEFINITE_TARGETS[g]) for g, st in zip(PAM_GENES, pam, strict=True)]
    return found[0], next((f for f in found if f is not None), None)


class CytotoxicLines(TypedDict):
    chemotherapy_lines: int
    adc_lines: int


def _cytotoxic_lines(facts: Facts) -> CytotoxicLines:
    """The chemotherapy lines and the ADC lines for metastatic disease, each capped."""
    return CytotoxicLines(
        chemotherapy_lines=min(facts.chemo_lines, CHEMOTHERAPY_LINES_CAP),
        adc_lines=min(facts.cytotoxic_lines - facts.chemo_lines, CHEMOTHERAPY_LINES_CAP),
    )


def molecular(facts: Facts, mechanisms: Mechanisms, outside: Outside) -> MolecularInputs:
    pam, esr1_state = [facts.genes.get(g) for g in PAM_GENES], facts.genes.get("ESR1")
    esr1 = _finding(esr1_state, *DEFINITE_TARGETS["ESR1"])
    pik3ca, akt_pathway = _pam_findings(pam)
    pcr_only = tuple(g for g, st in zip(PAM_GENES, pam, strict=True) if st and by_pcr_only(st))
    esr1_negative = esr1_state is not None and esr1_state.negative is not None
    pam_negative = _pam_negative(facts, pam, ngs=False)
    esr1_clear = esr1_negative and not facts.needs_retest("ESR1")
    pam_clear = (pam_negative and not pcr_only) or all(stale_negative(facts, g) for g in PAM_GENES)
    untested, somatic_untested = hrd_untested(facts, parp := parp_findings(facts))
    return MolecularInputs(
        her2=facts.her2,
        esr1=esr1,
        esr1_negative=esr1_negative,
        esr1_negative_current=_current_negative(facts, "ESR1", esr1_state) is not None,
        esr1_vus=esr1 is None and esr1_state is not None and bool(esr1_state.not_actionable),
        esr1_tissue_only=esr1_tissue_only(facts),
        esr1_before=esr1_state is not None and esr1_state.past_positive is not None,
        pik3ca=pik3ca,
        pik3ca_pcr_only="PIK3CA" in pcr_only,
        pik3ca_untested=pik3ca is None and facts.needs_retest("PIK3CA"),
        pik3ca_doubtful=doubtful(pam[0]),
        pik3ca_outside_therascreen=outside_therascreen(pam[0]),
        akt_pathway=akt_pathway,
        akt_pathway_unconfirmed=akt_pathway_unconfirmed(facts),
        pam_negative=pam_negative,
        pam_negative_by_ngs=pam_negative and _pam_negative(facts, pam, ngs=True),
        pam_pcr_only=pcr_only,
        pam_ctdna_only=_pam_ctdna_only(pik3ca, pam_negative, pam),
        **progressed_on_targets(facts),
        postmonarch_population=postmonarch.entry(facts),
        adjuvant_parp=adjuvant_parp(facts),
        **parp_closed_by(facts),
        parp=parp,
        brca_origin_unknown=origin_unknown(facts, parp),
        hrd_untested=untested,
        somatic_brca_untested=somatic_untested,
        **germline_tests(facts, parp, untested),
        rb1_loss=_finding(facts.genes.get("RB1"), S.LOSS, S.MUTATED),
        tested_without_actionable=(esr1 or akt_pathway) is None and esr1_clear and pam_clear,
        targets_acted_on=(acted := acted_on(facts, (esr1, esr1_clear), (akt_pathway, pam_clear))),
        esr1_arose_on=esr1_arose_on(facts) if "ESR1" in acted else "",
        **pathway_drugs(facts, (esr1, esr1_clear), (akt_pathway, pam_clear)),
        post_cdk46i=facts.post_cdk46i,
        maintain_switch=maintain.first_line_palbociclib_switch(facts, outside),
        mechanisms=mechanisms,
        pik3ca_negative=pik3ca is None and _current_negative(facts, "PIK3CA", pam[0]) is not None,
        **cdk46i_months(facts),
        **adjuvant.endocrine_reading(facts),
        **first_line(facts),
        early_adjuvant_relapse_unknown=adjuvant_relapse_unknown(facts),  # 1457, 1577d
        **_cytotoxic_lines(facts),
        db04_early_relapse=bool(facts.early_relapse_chemo(EARLY_RELAPSE_TDXD)),
        chemotherapy_ever=any(DrugClass.CHEMOTHERAPY in t.drug_classes for t in facts.in_order),
        visceral_crisis=facts.profile.visceral_crisis,
        after_parp=DrugClass.PARP_INHIBITOR in facts.progressed_classes,
        tdxd_ruled_out=tdxd_ruled_out(facts),
        destiny_breast06_lines=facts.destiny_breast06_lines,
        endocrine_progressed=ultralow_endocrine_progressed(facts),
    )


def efficacy(m: MolecularInputs, facts: Facts, maintain_outside: Outside) -> EfficacyInputs:
    """``maintain_outside``: ``maintain.outside_for(facts)``, worked out once per patient."""
    return EfficacyInputs(
        outside_maintain=frozenset(partner for partner, _why in maintain_outside),
        esr1=m.esr1 is not None,
        pik3ca=m.pik3ca is not None,
        akt_pathway=m.akt_pathway is not None,
        pam_negative_by_ngs=m.pam_negative_by_ngs,
        her2_low=m.her2 is Her2Status.LOW,
        cdk46i_resistant=facts.cdk46i_resistant,
        parp_origins=frozenset((f.gene, f.result.origin) for f in m.parp),
        parp_pending=bool(m.hrd_untested or m.somatic_brca_untested or m.germline_untested),
        prior_chemotherapy=facts.chemo_lines > 0 or m.db04_early_relapse,
        postmonarch_population=m.postmonarch_population,
        had_cdk46i=facts.had_cdk46i,
        after_tdxd="trastuzumab deruxtecan" in facts.progressed_drugs,
    )


_NOT_ACTED_ON = frozenset({DrugClass.CHEMOTHERAPY, DrugClass.SERM, DrugClass.AROMATASE_INHIBITOR})
_NOT_ACTED_ON |= {DrugClass.OVARIAN_FUNCTION_SUPPRESSION, DrugClass.OTHER_ENDOCRINE}


def progressed(facts: Facts, covers: Coverage) -> frozenset[tuple[str, ...]]:
    """The regimens progressed on (``progressed_regimens``) that are the policy's: the one
    field of ``HistoryInputs`` that depends on the policy."""
    return frozenset(drugs for drugs in progressed_regimens(facts) if covers(drugs))


def history(
    facts: Facts,
    inputs: tuple[MolecularInputs, EfficacyInputs],
    covers: Coverage,
    maintain_outside: Outside,
) -> HistoryInputs:
    """``covers``: whether a course holds a regimen's drugs; ``maintain_outside``: worked out
    once per patient; the molecular and efficacy Inputs lend what they already hold."""
    (m, e), sg_early = inputs, facts.early_relapse_chemo(EARLY_RELAPSE_SG)
    tdxd_early = int(m.db04_early_relapse)  # worked out once, for the molecular Inputs
    toxicity = frozenset(d for course in facts.cdk46i_toxicity for d in course)
    return HistoryInputs(
        visceral_crisis=facts.profile.visceral_crisis,
        short_cdk46i=facts.short_cdk46i,
        short_limit=facts.preferences.short_cdk46i_months,
        adjuvant_primary_resistance=adjuvant.primary_resistance(facts),
        chemo_lines=facts.chemo_lines,
        chemotherapy_declined=RegimenKind.CHEMOTHERAPY in facts.preferences.declines_kinds,
        tdxd_lines=facts.chemo_lines + tdxd_early,
        adc_lines=facts.cytotoxic_lines - facts.chemo_lines,
        sg_label=facts.metastatic_endocrine_lines >= 1 and len(facts.metastatic_lines) >= 3,
        early_relapse_tdxd=bool(tdxd_early),
        early_relapse_sg=bool(sg_early),
        ecog=facts.profile.ecog,
        premenopausal=needs_ovarian_suppression(facts.profile),
        cdk46i_resistant=facts.cdk46i_resistant,
        cdk46i_toxicity=toxicity - facts.cdk46i_resistant,
        **cdk46i_stops(facts),
        **other_courses_stopped(facts, sg_early),
        had_cdk46i=facts.had_cdk46i,
        metastatic_cdk46i_progressed=bool(cdk46i_drugs(facts.progressed)),
        progressed=progressed(facts, covers),
        progressed_drugs=frozenset(
            d for d in facts.progressed_drugs if drug_class(d) not in _NOT_ACTED_ON
        ),
        progressed_aromatase_inhibitors=frozenset(
            d for d in facts.progressed_drugs if drug_class(d) is DrugClass.AROMATASE_INHIBITOR
        ),
        outside_maintain=maintain_outside,
        **record_gaps(facts),
        endocrine_lines_after_cdk46i=endocrine_lines_after_cdk46i(facts),
        endocrine_targets_left=targets_left(facts),
        **targets_read(m),
        endocrine_progressed=endocrine_progressed(facts),
        destiny_breast06_lines=facts.destiny_breast06_lines,
        her2_ultralow=m.her2 is Her2Status.ULTRALOW,
        postmonarch_population=e.postmonarch_population,
        line_stopped_for_toxicity=bool(e.postmonarch_population) and postmonarch.set_aside(facts),
        aromatase_inhibitors_given=aromatase_inhibitors_given(facts),
        degraders_failed=degraders_failed(facts),
        ai_resistant=aromatase_inhibitor_resistant(facts),
        ai_end_unknown=bool(ai_end_undated(facts)),
        no_endocrine_therapy=facts.endocrine_naive,
        er_low=m.er_low,
        endocrine_resistant=endocrine_resistant(facts),
        parp_targets=germline_brca_open(m.parp, m.parp_closed),
        current=tuple(sorted(facts.current.drugs)) if facts.current else (),
        not_yet_approved=unapproved_for(facts, covers),
    )
