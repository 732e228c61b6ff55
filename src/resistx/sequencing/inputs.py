"""Per-factor Inputs: everything a factor's rules read about the patient, and nothing more.

Each Inputs is frozen and hashable, built once per profile from the ``Facts`` (``build_inputs``).
It is the memo key of its factor (with the policy, the evidence version and the regimen id),
so a rule cannot read a fact the key does not hold: it is given the Inputs, not the facts.
"""

from __future__ import annotations

from typing import Literal

import attrs

from resistx.model.enums import Her2Status, Origin, Priority, RegimenKind, Route
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import Condition
from resistx.sequencing.findings import Finding
from resistx.vocab.comorbidities import Comorbidity

#: why the disease is endocrine-sensitive (rule 32): ``MolecularInputs.endocrine_sensitive``
Sensitivity = Literal["", "metastatic", "induction", "toxicity", "adjuvant"]


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class MolecularInputs:
    her2: Her2Status
    esr1: Finding | None
    esr1_negative: bool
    esr1_negative_current: bool = False  # ... and since the latest progression (rules 1, 28)
    #: the ESR1 test found only a variant not counted as a mutation (a VUS): how rules 1 and 28
    #: word the absence (set only where no mutation counts: the memo key stays small)
    esr1_vus: bool = False
    #: ... and that negative is from tissue only (``build_inputs.esr1_tissue_only``): rule 28's
    #: exclusion says a ctDNA test is asked (rule 64)
    esr1_tissue_only: bool = False
    #: no ESR1 mutation kept, but one found on an earlier test that a later one missed
    #: (``GeneState.past_positive``): rule 60 reads it, as a mutation current or not
    esr1_before: bool = False
    pik3ca: Finding | None
    pik3ca_pcr_only: bool
    #: PIK3CA with no result since the latest progression (none, stale or indeterminate)
    pik3ca_untested: bool = False
    #: ... because its latest call is VUS or benign on a known activating variant (rule 45)
    pik3ca_doubtful: bool = False
    #: the PIK3CA mutation's protein change, when not one of therascreen's 11 (rule 90)
    pik3ca_outside_therascreen: str = ""
    akt_pathway: Finding | None  # PIK3CA or AKT1 mutation, PTEN loss (CAPItello-291)
    #: the only alteration is a PTEN loss by IHC only or on ctDNA only (``pten_unconfirmed``)
    akt_pathway_unconfirmed: str
    pam_negative: bool  # PIK3CA, AKT1 and PTEN each tested negative since the latest progression
    pam_negative_by_ngs: bool  # ... each by NGS
    pam_pcr_only: tuple[str, ...]
    #: PIK3CA, AKT1, PTEN each not detected, each negative standing from ctDNA (477, 481): plasma
    #: can miss what tissue finds, so the PI3K and AKT inhibitors wait on tissue; or, beside a
    #: pathway finding, PIK3CA's own negative from ctDNA (alpelisib waits, case 534)
    pam_ctdna_only: bool = False
    after_pi3k_or_akt: bool  # progressed on a PI3K or AKT inhibitor
    after_oral_serd: bool = False  # ... on an oral SERD: an ESR1 mutation acted on (rule 158)
    after_fulvestrant: bool = False  # progressed on it: the PI3K/AKT inhibitors' partner (841)
    #: postMONARCH's population (``postmonarch.in_population``): rule 6 reads it where the
    #: evidence holds postMONARCH (case 870); the efficacy Inputs take it from here
    postmonarch_population: str = ""  # its entry: "advanced", "adjuvant" or "" (case 2235b)
    #: the PARP inhibitors given for early disease ((neo)adjuvant, as in OlympiA), and whether
    #: relapse came on one or within 12 months of its end (``hrd.adjuvant_parp``; rule 102)
    adjuvant_parp: tuple[tuple[str, ...], bool] | None = None
    #: progression on platinum for metastatic disease, or relapse within 12 months of
    #: (neo)adjuvant platinum (``hrd.platinum_resistant``; rule 105)
    platinum_resistant: bool = False
    parp: tuple[Finding, ...]
    #: BRCA1/2 mutations of ``parp`` found in the tumour with no germline result for the gene:
    #: germline or somatic, unknown which (``hrd.origin_unknown``; rules 5 and 49, case 490)
    brca_origin_unknown: tuple[str, ...] = ()
    parp_contraindicated: bool = False  # an MDS (rule 112, 1193a), or declined (7933)
    #: no PARP finding: BRCA1/2, PALB2 never tested, and somatic BRCA1/2 (``hrd.hrd_untested``)
    hrd_untested: tuple[str, ...] = ()
    #: no PARP finding, each gene tested, BRCA1 or BRCA2 only in the germline (TBCRC 048)
    somatic_brca_untested: bool = False
    #: no PARP finding, each gene tested, these with no germline result; a tumour PALB2
    #: mutation of "unknown" origin, "somatic", or "" (``hrd.germline_tests``)
    germline_untested: tuple[str, ...] = ()
    palb2_in_tumour: str = ""
    rb1_loss: Finding | None
    #: the review's 'definite mutations or alterations': ESR1 and the PI3K pathway only
    tested_without_actionable: bool
    #: the targets found ("ESR1", "PI3K pathway") each acted on, the other clear (rule 6)
    targets_acted_on: tuple[str, ...] = ()
    esr1_arose_on: str = ""  # the oral SERD whose progression an ESR1 mutation arose on (8146)
    #: no target usable (rule 6; ``exhausted.pathway_drugs``): "insulin", "glucose", "lines"
    #: (the pathway's drugs held back, ESR1 clear), "declined", or ESR1's reason and the
    #: pathway's ("declined+glucose", case 8081); else ""
    pathway_unusable: str = ""
    #: a PI3K/AKT-pathway inhibitor held back whatever the finding: diabetes needing insulin
    #: (rules 12 and 78) or ECOG 3-4 (rule 13): no oral SERD waits behind one (case 1208)
    pathway_held_back: bool = False
    pathway_waits_on_glucose: bool = False  # an HbA1c of 8.0% or more (rule 78; 9712)
    pathway_declined: bool = False  # the patient declines its drugs' kind of regimen (9711)
    endocrine_partners_declined: bool = False  # beside ESR1 (``declines``; rule 32)
    post_cdk46i: bool  # progressed on a CDK4/6 inhibitor (rule 6 is about that setting)
    #: after progression on first-line palbociclib, MAINTAIN's partner for ribociclib
    #: (``maintain.first_line_palbociclib_switch``; rule 6), else ""
    maintain_switch: str = ""
    mechanisms: tuple[ResistanceMechanism, ...]
    # read by the practice-2026 rules only (rules 31-33)
    pik3ca_negative: bool = False  # PIK3CA tested, current, not mutated
    long_cdk46i: bool = False  # >= 12 months on a CDK4/6 inhibitor
    endocrine_line_since_long: bool = False  # ... and an endocrine line progressed since (5657)
    #: under short_cdk46i_months on it: endocrine-based regimens after chemotherapy (rule 18),
    #: so a PI3K-pathway target is no open one beside olaparib (rule 49; case 1008)
    short_cdk46i: bool = False
    #: a CDK4/6-inhibitor course of known length, the longest under 12 months (rule 28)
    cdk46i_under_12_months: bool = False
    #: postMONARCH's population without crisis (rule 32; ``adjuvant.endocrine_sensitivity``):
    #: a first line not short, no line after it, or relapse on an adjuvant CDK4/6 inhibitor
    endocrine_sensitive: Sensitivity = ""
    liver_or_lung: bool = False  # metastases there, where rule 32 reads it (8571)
    #: ER-low disease, 1-10% of cells (rule 114; case 1218): rule 32 reads no sensitivity in it
    er_low: bool = False
    untreated: bool = False  # no treatment on record in any setting (rules 31, 39)
    #: no early adjuvant relapse known, but a date not recorded could make one: "end date" (an
    #: undated (neo)adjuvant endocrine course, case 1457) or "relapse date" (case 1577d); ""
    #: (``ai_resistance.adjuvant_relapse_unknown``; rule 31 waits)
    early_adjuvant_relapse_unknown: str = ""
    early_adjuvant_relapse: bool = False  # relapse on or within 12 months of adjuvant ET, no
    # therapy for metastatic disease, no relapse on an adjuvant CDK4/6i (INAVO120's population)
    #: chemotherapy lines for metastatic disease (DESTINY-Breast06: none; OlympiAD: up to 2),
    chemotherapy_lines: int = 0  # at most ``build_inputs.CHEMOTHERAPY_LINES_CAP``
    adc_lines: int = 0  # ... and of an ADC (cytotoxic payload: OlympiAD's count, rule 44)
    #: (neo)adjuvant chemotherapy with relapse within 6 months of its end, which
    #: DESTINY-Breast04 counted as a line (rules 65, 72; case 993)
    db04_early_relapse: bool = False
    chemotherapy_ever: bool = False  # in any setting: olaparib's label asks for it (rule 44)
    visceral_crisis: bool = False  # rule 44 gives way to rule 7
    after_parp: bool = False  # progressed on a PARP inhibitor (rule 44)
    #: interstitial lung disease (on record, or one that stopped a course), progression on
    #: trastuzumab deruxtecan, or intravenous treatment declined (rule 110; case 1000):
    #: chemotherapy is not its beaten control arm here (rule 65)
    tdxd_ruled_out: bool = False
    #: 2 or more endocrine lines, or a first-line CDK4/6-inhibitor course under 6 months
    #: (DESTINY-Breast06's entry but for its ECOG, rule 68; ``Facts.destiny_breast06_lines``)
    destiny_breast06_lines: bool = False
    #: progressed on endocrine therapy for metastatic disease: what trastuzumab deruxtecan's
    #: HER2-ultralow approval asks for (rule 29; case 894); filled for HER2-ultralow disease
    #: after chemotherapy only, where rule 29 reads it
    endocrine_progressed: bool = False
    #: regimens approved after the plan's date, set before chemotherapy in HER2-low/-ultralow
    not_yet_approved: frozenset[str] = frozenset()  # disease only (rule 68; ``Patient``)

    @property
    def parp_closed(self) -> bool:
        """No PARP inhibitor for a target: progression on one, on a platinum (rule 105), or a
        myelodysplastic syndrome (rule 112)."""
        return self.after_parp or self.platinum_resistant or self.parp_contraindicated


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class EfficacyInputs:
    esr1: bool
    pik3ca: bool
    akt_pathway: bool
    pam_negative_by_ngs: bool
    her2_low: bool
    cdk46i_resistant: frozenset[str]
    parp_origins: frozenset[tuple[str, Origin]]
    #: a PARP inhibitor waits on a test (BRCA1/2 or PALB2 untested, or BRCA1/2 germline only)
    parp_pending: bool = False
    #: chemotherapy for metastatic disease, or (neo)adjuvant with relapse within 6 months (as
    #: DESTINY-Breast04 counted it): its population speaks only then (practice-2026)
    prior_chemotherapy: bool = False
    #: the policy's regimens first approved after the plan's date (rule 46; ``Patient.inputs``)
    not_yet_approved: frozenset[str] = frozenset()
    #: the partners (fulvestrant, exemestane) with which ribociclib is outside MAINTAIN's
    #: population (``maintain.outside_for``): its figures do not speak there
    outside_maintain: frozenset[str] = frozenset()
    #: progression on a CDK4/6 inhibitor given with an aromatase inhibitor (or as (neo)adjuvant
    #: therapy) and no other line for metastatic disease (``postmonarch.in_population``):
    #: postMONARCH's figures speak only then
    postmonarch_population: str = ""  # its entry: "advanced", "adjuvant" or "" (case 2235b)
    #: a CDK4/6 inhibitor ever given: the populations of ref 47 and BOLERO-2 (cases 1157, 1171)
    had_cdk46i: bool = True
    after_tdxd: bool = False  # progression on trastuzumab deruxtecan (DESTINY-Breast04: 7990)


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class HistoryInputs:
    visceral_crisis: bool
    #: under the limit on the CDK4/6 inhibitor; how many months is a slot (``CDK46I_MONTHS``)
    short_cdk46i: bool
    short_limit: float
    #: relapse within 2 years of adjuvant endocrine therapy with a CDK4/6 inhibitor, no CDK4/6
    #: inhibitor for metastatic disease since (``adjuvant.primary_resistance``; rule 87)
    adjuvant_primary_resistance: bool = False
    chemo_lines: int
    chemotherapy_declined: bool = False  # by its kind: an ADC's lines then say so (9914)
    tdxd_lines: int  # with (neo)adjuvant chemotherapy and relapse within 6 months
    sg_lines: int  # ... within 12 months, and ADC lines, not its own (8770)
    adc_lines: int = 0  # metastatic lines of an ADC without chemotherapy
    #: an endocrine-based line and 2 or more further lines: sacituzumab govitecan's label (621)
    sg_label: bool = False
    early_relapse_tdxd: bool
    early_relapse_sg: bool
    ecog: int | None
    #: a pre- or perimenopausal woman: MONALEESA-7 puts first-line ribociclib first (case 566)
    premenopausal: bool = False
    cdk46i_resistant: frozenset[str]
    cdk46i_toxicity: frozenset[str]  # CDK4/6 inhibitors stopped for toxicity
    toxicity_events: frozenset[tuple[str, str]]  # (drug, adverse event) where the profile says
    toxicity_arose: frozenset[tuple[str, str]] = frozenset()  # of them, on no course it stopped
    lung_stop_grade: int | None = None  # the ILD's grade on record, a lung event stopped a CDK4/6i
    #: (drug, adverse event) for the other drugs (not CDK4/6 inhibitors) a course stopped for
    other_toxicity_stops: frozenset[tuple[str, str]] = frozenset()
    trop2_adc_ended: str = ""  # ``course_readings.trop2_adc_ended`` (rule 30; 8372)
    had_cdk46i: bool
    #: a CDK4/6-inhibitor course for metastatic disease that progressed (or is read as such,
    #: rule 53): FINER enrolled after one as first line, not after an adjuvant one (rule 101)
    metastatic_cdk46i_progressed: bool = False
    #: the metastatic courses that progressed and contain every drug of a regimen of the table
    #: (each course's drugs sorted): what rule 11 excludes on; other courses cannot exclude
    progressed: frozenset[tuple[str, ...]]
    #: drugs progressed on that a rule can act on: not chemotherapy, aromatase inhibitors,
    #: tamoxifen or ovarian suppression (partners no rule repeats or demotes for)
    progressed_drugs: frozenset[str]
    #: (partner, why): ribociclib with it outside MAINTAIN's population (rule 8's reason)
    outside_maintain: tuple[tuple[str, str], ...] = ()
    lines_missing: bool = False  # metastatic line numbers with a gap (rules 138, 140)
    endocrine_lines_after_cdk46i: int
    #: the ESR1 and PI3K-pathway genes with a finding whose drugs she has not progressed on
    endocrine_targets_left: tuple[str, ...]
    endocrine_targets_found: tuple[str, ...]  # "ESR1", "PI3K pathway" found (rule 22)
    esr1_outside_label: bool = False  # ESR1 not mutated on a current test (rules 13 and 75)
    #: progressed on endocrine therapy for metastatic disease (``ai_resistance``; rule 30:
    #: trastuzumab deruxtecan's approval asks for it, case 497; rule 19: the first-line trials
    #: enrolled no one treated for advanced disease, case 492)
    endocrine_progressed: bool = False
    destiny_breast06_lines: bool = False  # 2+ endocrine lines, or a CDK4/6i course < 6 months
    her2_ultralow: bool = False  # rule 30 quotes DESTINY-Breast06's pooled figure (10002)
    #: postMONARCH's population (``postmonarch.in_population``; rule 37)
    postmonarch_population: str = ""  # its entry: "advanced", "adjuvant" or "" (case 2235b)
    #: a metastatic line whose every course stopped for toxicity, set aside by postMONARCH's
    #: population and rule 32 (case 1152; rule 37 says so): filled only within that population
    line_stopped_for_toxicity: bool = False
    #: the aromatase inhibitors given in any setting (EMBER-3's population, rule 35; BOLERO-2's
    #: non-steroidal one, rule 96)
    aromatase_inhibitors_given: frozenset[str] = frozenset()
    #: courses with a degrader progressed on, two or more, the latest under 6 months, whatever
    #: the policy's table holds (``course_readings.degraders_failed``; rules 93, 73); else ()
    degraders_failed: tuple[str, ...] = ()
    #: progressed on one, or relapsed during or within 12 months of a (neo)adjuvant one
    #: (``ai_resistance``; rule 19: the first-line trials enrolled no such patient; case 483)
    ai_resistant: bool = False
    #: not known to be: a (neo)adjuvant one with no end date (``ai_resistance.ai_end_undated``;
    #: rule 19 keeps the first-line combinations from preferred, case 1455)
    ai_end_unknown: bool = False
    #: no aromatase inhibitor, SERD or SERM on record in any setting: the PI3K, AKT and mTOR
    #: inhibitors' trials enrolled after endocrine therapy (rule 69)
    no_endocrine_therapy: bool = False
    er_low: bool = False  # rule 114 puts the cytotoxic options first: rule 73 says so (9673)
    #: progression on endocrine therapy for metastatic disease, or relapse on or within 12
    #: months of (neo)adjuvant endocrine therapy (``ai_resistance.endocrine_resistant``): what
    #: the same trials enrolled (rule 69; case 782)
    endocrine_resistant: bool = False
    #: no ESR1 or PI3K-pathway finding, and ESR1 or the pathway untested since the latest
    #: progression: no target is known, not none there (rules 22 and 58)
    targets_untested: bool = False
    #: germline BRCA1/2 mutations whose PARP inhibitor has not been given (no progression on
    #: one, no platinum resistance): a target before trastuzumab deruxtecan (rule 58; case 1048)
    parp_targets: tuple[str, ...] = ()
    #: the ongoing course the options read as progressed (its drugs sorted; rule 53), or ()
    current: tuple[str, ...] = ()
    #: the regimens whose first approval the policy dates after the plan's date (rule 13
    #: ranks them as investigational at ECOG 3-4, as rule 46 tiers them; case 901)
    not_yet_approved: frozenset[str] = frozenset()
    progressed_aromatase_inhibitors: frozenset[str] = frozenset()  # rule 11's (none used up)
    cdk46i_stop_unknown: tuple[str, bool] = ("", False)  # its drugs, a line since (rule 146)


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key: hashed once
class BalanceInputs:
    comorbidities: tuple[Condition, ...]  # sorted by name, with their values
    #: (comorbidity, drugs) for each comorbidity an adverse event that stopped a course makes
    from_toxicity: tuple[tuple[Comorbidity, tuple[str, ...], bool], ...] = ()  # drugs; stopped
    #: an aromatase inhibitor or fulvestrant needs ovarian suppression (pre/perimenopausal)
    needs_ovarian_suppression: bool
    male: bool  # an aromatase inhibitor needs a GnRH agonist
    suppression_on_record: str = ""  # the GnRH agonist of the latest course, or "" (rule 40)
    priority: Priority
    cost_sensitive: bool
    poor_performance: bool
    declines: frozenset[Route] = frozenset()  # routes the patient declines (rule 110)
    declines_kinds: frozenset[RegimenKind] = frozenset()  # kinds declined (rule 128)
    accepts_kinds: frozenset[RegimenKind] = frozenset()  # kinds accepted beside them (rule 148)
    declines_transfusion: bool = False  # rules 111, 131
    strong_cyp3a: tuple[tuple[str, str], ...] = ()  # (medication, its role) each (rule 115)
    moderate_cyp3a: tuple[tuple[str, str], ...] = ()  # ... of the moderate ones (rule 153)
    qt_prolonging: tuple[str, ...] = ()  # drugs known to prolong the QT interval (rule 142)
    vitamin_k_antagonist: str = ""  # one on record, by generic name (rule 132)
    other_anticoagulant: str = ""  # a direct oral one or a heparin, by generic name (rule 136)
    leptomeningeal_not_crisis: bool = False  # on record, with no visceral crisis (rule 121)
    liver_dysfunction: bool = False  # rule 129: liver metastases, hepatic impairment, no crisis
    visceral_crisis: bool = False  # on record: rule 111 does not cap chemotherapy
    capecitabine_held_back: str = ""  # what holds it back, or "" (``capecitabine``; rule 110)
