"""One pass over the profile: reconciled findings per gene, the treatment history, the state,
derived once per call; the per-factor ``Inputs`` (``inputs.py``) are built from them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import attrs

from resistx.model.enums import BiomarkerStatus, DrugClass, Her2Status, StopReason
from resistx.model.profile import (
    UNEXPLAINED_STOPS,
    BiomarkerResult,
    Preferences,
    Profile,
    Treatment,
    at_most_months,
    by_line,
    calendar_months,
    cdk46i_drugs,
    chemotherapy_lines,
    cytotoxic,
    drugs_of,
    exposure_months,
    latest_progression,
    sensitivity_courses,
)
from resistx.sequencing import germline, reliability
from resistx.sequencing.findings import GeneState, reconcile
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.once import once, remembered_each
from resistx.sequencing.reliability import esr1_before, esr1_stands, silent_draws
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class

PAM_GENES = ("PIK3CA", "AKT1", "PTEN")
HRD_GENES = ("BRCA1", "BRCA2", "PALB2")
#: (neo)adjuvant chemotherapy is a line with relapse this soon (DESTINY-Breast04; TROPiCS-02)
EARLY_RELAPSE_TDXD = 6.0
EARLY_RELAPSE_SG = 12.0
#: a CDK4/6-inhibitor course this long marks endocrine-sensitive disease (EMERALD's post hoc
#: subgroup; practice-2026), relapse this soon after adjuvant ET resistance (INAVO120)
LONG_CDK46I_MONTHS = 12.0
#: endocrine-based lines after the CDK4/6 inhibitor that make endocrine resistance (rule 22)
ENDOCRINE_RESISTANCE_LINES = 2
#: relapse this soon after (neo)adjuvant ET is endocrine resistance (INAVO120), after a
#: (neo)adjuvant course completed or ended unexplained (``_ENDED``) progression on it (2923c);
#: after a CDK4/6 inhibitor stopped for toxicity or by choice too (7275v1: 3 weeks after 11)
ADJUVANT_RELAPSE_MONTHS = 12.0
_ENDED = frozenset({StopReason.COMPLETED, *UNEXPLAINED_STOPS})
#: DESTINY-Breast06 enrolled after 2 or more endocrine lines, or after progression within this
#: many months on first-line endocrine therapy with a CDK4/6 inhibitor (update-2026.md)
DB06_SHORT_FIRST_LINE_MONTHS = 6.0


@attrs.define(kw_only=True, slots=False)  # a __dict__ for cached_property
class Facts:
    """What the engine knows about the patient at the decision date."""

    profile: Profile
    preferences: Preferences
    current: Treatment | None = None  # an ongoing latest course as recorded (rule 53)

    @once
    def progressed_on(self) -> dt.date | None:  # what a retest is asked after: the latest
        # progression, or the ongoing course's start (rule 53; case 713)
        now = self.current.started_on if self.current else None
        then = latest_progression(self.profile.treatments, but=self.current)
        return max((d for d in (then, now) if d is not None), default=None)

    @once
    def results_from(self) -> dt.date | None:  # a result before it predates what progressed
        return reliability.work_up_start(self.progressed_on, self.profile.treatments, self.current)

    @once
    def biomarkers(self) -> tuple[BiomarkerResult, ...]:
        """The results as read (``as_read``: blood or saliva is germline), but those set aside."""
        read, aside = germline.read_and_aside(self)
        return tuple(r for r in read if r not in set(aside)) if aside else read

    @once
    def genes(self) -> dict[str, GeneState]:
        by_gene: defaultdict[str, list[BiomarkerResult]] = defaultdict(list)
        for r in self.biomarkers:
            by_gene[r.gene].append(r)
        day, silent = self.results_from, silent_draws(self.biomarkers)
        return {g: reconcile(g, rs, day, silent) for g, rs in sorted(by_gene.items())}

    def found(self, gene: str, *statuses: BiomarkerStatus) -> bool:
        st = self.genes.get(gene)
        finding = None if st is None else st.finding
        return finding is not None and (not statuses or finding.result.status in statuses)

    def needs_retest(self, gene: str) -> bool:
        """No result, an indeterminate one, or a negative or ESR1 finding from before the latest
        progression (an ESR1 negative, cases 422, 551, 563: see ``esr1_stands``)."""
        st = self.genes.get(gene)
        if st is None or st.indeterminate or st.finding is not None:
            return st is None or st.indeterminate or bool(st.finding and st.finding.stale)
        if st.negative is None or self.unplaced:
            return True
        progression, tested = self.results_from, st.negative.tested_on
        if progression is None or (tested is not None and tested >= progression):
            latest = reliability.course_for_esr1(self)  # case 1442
            return gene == "ESR1" and esr1_before(latest, tested, self.decision_date)
        then = self.progressed_on or progression  # the progression, not its work-up
        return tested is None or gene != "ESR1" or not esr1_stands(self.in_order, tested, then)

    @once
    def unplaced(self) -> tuple[Treatment, ...]:  # progressions no test can be shown to follow
        return reliability.progression_unplaced(self.progressed)  # (case 1030; rule 122)

    # -- history: the profile's derived views, computed once each from one sorted history --

    @once
    def in_order(self) -> tuple[Treatment, ...]:
        return self.profile.treatments_in_order

    @once
    def decision_date(self) -> dt.date | None:
        return self.profile.decision_date

    @once
    def cdk46i_courses(self) -> tuple[Treatment, ...]:
        """Courses with a CDK4/6 inhibitor that measure sensitivity (``Profile.cdk46i_courses``)."""
        return sensitivity_courses(self.in_order)

    @once
    def metastatic(self) -> tuple[Treatment, ...]:
        return tuple(t for t in self.in_order if t.metastatic and not t.suppression_only)

    @once
    def progressed(self) -> tuple[Treatment, ...]:
        """Metastatic treatments that ended in progression, newest first."""
        return tuple(t for t in reversed(self.metastatic) if t.progressed)

    @once
    def progressed_drugs(self) -> frozenset[str]:  # and a PARP inhibitor relapsed on (case 915)
        drugs = {d for t in self.progressed for d in t.drugs} | self.adjuvant_cdk46i_relapse
        return frozenset(drugs | drugs_of(self.adjuvant_relapsed_on, DrugClass.PARP_INHIBITOR))

    @once
    def progressed_classes(self) -> frozenset[DrugClass]:
        return frozenset(drug_class(d) for d in self.progressed_drugs)

    @once
    def endocrine_naive(self) -> bool:  # no AI, SERD or SERM in any setting (rules 69, 70, 15)
        return not any(t.drug_classes & ENDOCRINE_DRUGS for t in self.profile.treatments)

    @once
    def adjuvant_cdk46i_relapse(self) -> frozenset[str]:  # progressed on, or read so
        return cdk46i_drugs(self.adjuvant_relapsed_on)

    @once
    def adjuvant_relapsed_on(self) -> tuple[Treatment, ...]:
        """(Neo)adjuvant courses ended in relapse or within 12 months of it (321, 915)."""
        return tuple(t for t in self.profile.treatments if not t.metastatic and self._soon(t))

    def _soon(self, t: Treatment) -> bool:  # a CDK4/6 inhibitor however it stopped (7275v1)
        ended = t.stop_reason in _ENDED or DrugClass.CDK46_INHIBITOR in t.drug_classes
        return t.progressed or (ended and self.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS))

    @once
    def cdk46i_resistant(self) -> frozenset[str]:
        """CDK4/6 inhibitors progressed on (not stopped for toxicity), (neo)adjuvant ones too."""
        return cdk46i_drugs(self.cdk46i_courses) | self.adjuvant_cdk46i_relapse

    @once
    def cdk46i_toxicity(self) -> tuple[tuple[str, ...], ...]:
        """CDK4/6-inhibitor courses stopped for toxicity: (drug, ...) per course."""
        return tuple(
            tuple(d for d in t.drugs if drug_class(d) is DrugClass.CDK46_INHIBITOR)
            for t in self.in_order
            if t.stop_reason is StopReason.TOXICITY and DrugClass.CDK46_INHIBITOR in t.drug_classes
        )

    @once
    def post_cdk46i(self) -> bool:
        """The disease progressed on a CDK4/6 inhibitor (not 'unknown': case 2907)."""
        return bool(self.cdk46i_resistant)

    @once
    def had_cdk46i(self) -> bool:
        return self.profile.had_cdk46i

    @once
    def cdk46i_months(self) -> float | None:
        """The longest time on a CDK4/6 inhibitor: the courses that measure it (case 940)."""
        return exposure_months(self.cdk46i_courses, self.in_order, self.decision_date)

    @once
    def cdk46i_months_at_most(self) -> float | None:  # no end on record: from the start (1542)
        courses, ordered = self.cdk46i_courses, self.in_order  # the next line bounds it (2906b)
        return at_most_months(courses, self.decision_date, self.cdk46i_months, ordered)

    @property
    def short_cdk46i(self) -> bool:
        months = self.cdk46i_months_at_most
        return months is not None and months < self.preferences.short_cdk46i_months

    @once
    def metastatic_cdk46i_months(self) -> float | None:
        """As ``cdk46i_months``, for metastatic disease: a (neo)adjuvant course that relapsed
        measures no sensitivity, however long (case 459)."""
        metastatic = tuple(t for t in self.cdk46i_courses if t.metastatic)
        return exposure_months(metastatic, self.in_order, self.decision_date)

    @once
    def long_cdk46i(self) -> bool:
        months = self.metastatic_cdk46i_months
        return months is not None and months >= LONG_CDK46I_MONTHS

    @property
    def destiny_breast06_entry(self) -> bool:
        """``destiny_breast06_lines`` at ECOG 0-1 or unknown (its report: case 510)."""
        return (self.profile.ecog or 0) <= 1 and self.destiny_breast06_lines

    @once
    def destiny_breast06_lines(self) -> bool:
        """2 or more endocrine lines for metastatic disease that progressed (not one stopped for
        toxicity, 1075, or ended otherwise with no progression on record, 1473), or a CDK4/6i
        course under 6 months: DESTINY-Breast06's entry but its ECOG (case 980)."""
        months = self.cdk46i_months_at_most
        lines = sum(
            any(t.drug_classes & ENDOCRINE_DRUGS for t in line) and any(t.progressed for t in line)
            for line in self.metastatic_lines
        )
        return lines >= 2 or (months is not None and months < DB06_SHORT_FIRST_LINE_MONTHS)

    @once
    def metastatic_lines(self) -> tuple[tuple[Treatment, ...], ...]:
        return by_line(self.metastatic)

    @once
    def metastatic_endocrine_lines(self) -> int:
        """Metastatic lines with endocrine therapy (an AI, a SERD or SERM), whatever the partner."""
        return sum(
            any(t.drug_classes & ENDOCRINE_DRUGS for t in line) for line in self.metastatic_lines
        )

    @once
    def early_adjuvant_endocrine_relapse(self) -> bool:
        """No therapy for metastatic disease, no relapse on a (neo)adjuvant CDK4/6 inhibitor,
        and relapse during (neo)adjuvant endocrine therapy or within 12 months of its end
        (INAVO120's population, which enrolled no one after a CDK4/6 inhibitor)."""
        if self.metastatic or self.adjuvant_cdk46i_relapse:
            return False
        return any(
            not t.metastatic
            and t.drug_classes & ENDOCRINE_DRUGS
            and self.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS)
            for t in self.profile.treatments
        )

    def relapse_after(self, end: dt.date) -> dt.date | None:
        """The first relapse on record on or after ``end``, else ``as_of`` (the disease had
        relapsed by then: within any window it falls in; without it, nothing bounds it)."""
        return next((d for d in self.relapses if d >= end), self.profile.as_of)

    @once
    def chemo_lines(self) -> int:
        return chemotherapy_lines(self.metastatic_lines)

    @once
    def cytotoxic_lines(self) -> int:
        """Metastatic lines of chemotherapy or of an ADC (a cytotoxic payload)."""
        return sum(any(map(cytotoxic, line)) for line in self.metastatic_lines)

    @once
    def relapses(self) -> tuple[dt.date, ...]:
        """When the disease recurred or progressed: relapsed_on, metastatic starts, progressions."""
        dates = {t.started_on for t in self.metastatic} | {self.profile.relapsed_on}
        dates |= {e for t in self.profile.treatments if t.progressed and (e := t.end_date)}
        return tuple(sorted(d for d in dates if d is not None))

    @remembered_each  # asked by several Inputs and rules
    def early_relapse_chemo(self, within_months: float) -> int:
        """(Neo)adjuvant chemotherapy followed by relapse within ``within_months`` of its end:
        counted as one line by DESTINY-Breast04 (6 months) and TROPiCS-02 (12 months)."""
        given = (t for t in self.profile.treatments if DrugClass.CHEMOTHERAPY in t.drug_classes)
        return int(any(self.relapsed_within(t, within_months) for t in given if not t.metastatic))

    def relapsed_within(self, t: Treatment, months: float) -> bool:
        """A relapse within ``months`` of the end of ``t`` (``relapse_after``)."""
        if t.progressed and not t.metastatic:  # its own relapse, dated or not (case 1737b)
            return True
        if (end := t.end_date) is None or (relapse := self.relapse_after(end)) is None:
            return False
        return calendar_months(end, relapse) <= months  # within 6 months: 6 too (case 2184)

    # -- state -----------------------------------------------------------------------------

    @once
    def comorbidities(self) -> frozenset[Comorbidity]:
        return frozenset(c.name for c in self.profile.comorbidities)

    @property
    def her2(self) -> Her2Status:
        return self.profile.her2
