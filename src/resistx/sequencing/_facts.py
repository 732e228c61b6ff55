"""What the factors read about the patient, derived once per call from the profile."""

from __future__ import annotations

import datetime as dt

import attrs

from resistx.model.enums import (
    Assay,
    BiomarkerStatus,
    DrugClass,
    Her2Status,
    Origin,
    Priority,
)
from resistx.model.profile import BiomarkerResult, Preferences, Profile, Treatment, result_order
from resistx.sequencing._once import once
from resistx.vocab.comorbidities import Comorbidity, known
from resistx.vocab.drugs import drug_class

S = BiomarkerStatus
POSITIVE = (S.MUTATED, S.AMPLIFIED, S.OVEREXPRESSED, S.LOSS)
NEGATIVE = (S.WILD_TYPE, S.NOT_DETECTED)
PAM_GENES = ("PIK3CA", "AKT1", "PTEN")


@attrs.frozen(kw_only=True)
class Finding:
    """A positive biomarker finding, with whether it predates the latest progression."""

    result: BiomarkerResult
    stale: bool

    @property
    def gene(self) -> str:
        return self.result.gene


#: genes whose positive somatic result can change under treatment, so an old one counts half;
#: a PI3K-pathway mutation found on archival tissue stays actionable (negatives age for all)
AGEING_POSITIVES = frozenset({"ESR1"})


def _stale(result: BiomarkerResult, progression: dt.date | None) -> bool:
    """A somatic result taken before the latest progression may no longer hold, if it is a
    negative (or an ESR1 mutation); a germline result always holds."""
    if result.origin is Origin.GERMLINE or progression is None:
        return False
    if result.status in POSITIVE and result.gene not in AGEING_POSITIVES:
        return False
    return result.tested_on is None or result.tested_on < progression


@attrs.frozen(kw_only=True, slots=False)  # a __dict__, where ``once`` stores each fact
class Facts:
    profile: Profile
    preferences: Preferences
    results: dict[str, BiomarkerResult]
    germline: dict[str, BiomarkerResult]  # the latest germline result per gene
    latest_progression: dt.date | None
    chemo_lines: int
    cdk46i_months: float | None
    had_cdk46i: bool
    prior_cdk46i_drugs: frozenset[str]
    comorbidities: frozenset[Comorbidity]
    progressed: tuple[
        Treatment, ...
    ]  # metastatic treatments that ended in progression, newest first

    @classmethod
    def of(cls, profile: Profile, preferences: Preferences) -> Facts:
        # the CDK4/6 inhibitors the disease became resistant to (not those stopped for toxicity)
        prior = frozenset(
            d
            for t in profile.cdk46i_courses
            for d in t.drugs
            if drug_class(d) is DrugClass.CDK46_INHIBITOR
        )
        germline = {
            r.gene: r
            for r in sorted(
                (r for r in profile.biomarkers if r.origin is Origin.GERMLINE), key=result_order
            )
        }
        return cls(
            profile=profile,
            preferences=preferences,
            results=profile.latest_results,
            germline=germline,
            latest_progression=profile.latest_progression,
            chemo_lines=profile.metastatic_chemotherapy_lines,
            cdk46i_months=profile.cdk46i_months,
            had_cdk46i=profile.had_cdk46i,
            prior_cdk46i_drugs=prior,
            comorbidities=frozenset(c for c in map(known, profile.comorbidities) if c),
            progressed=tuple(t for t in reversed(profile.metastatic_treatments) if t.progressed),
        )

    @once
    def progressed_drugs(self) -> frozenset[str]:
        return self.profile.progressed_on_drugs

    def progressed_on(self, drugs: tuple[str, ...]) -> Treatment | None:
        """The newest metastatic treatment that contained every drug given and ended in progression."""
        wanted = set(drugs)
        return next((t for t in self.progressed if wanted <= set(t.drugs)), None)

    # -- biomarkers -------------------------------------------------------------------------

    def finding(
        self, gene: str, *statuses: BiomarkerStatus, origin: Origin | None = None
    ) -> Finding | None:
        r = self.results.get(gene)
        if r is None or r.status not in (statuses or POSITIVE):
            return None
        if origin is not None and r.origin is not origin:
            return None
        return Finding(result=r, stale=_stale(r, self.latest_progression))

    def negative(self, gene: str) -> BiomarkerResult | None:
        r = self.results.get(gene)
        return r if r is not None and r.status in NEGATIVE else None

    def needs_retest(self, gene: str) -> bool:
        r = self.results.get(gene)
        return r is None or r.status is S.INDETERMINATE or _stale(r, self.latest_progression)

    @once
    def findings(self) -> frozenset[tuple[str, BiomarkerStatus]]:
        """(gene, status) of every latest result that found something."""
        return frozenset((r.gene, r.status) for r in self.results.values() if r.status in POSITIVE)

    @once
    def pathway_to_test(self) -> tuple[str, ...]:
        """PI3K-pathway genes without a current result, unless a current alteration is known."""
        if self.akt_pathway is not None:
            return ()
        return tuple(g for g in PAM_GENES if self.needs_retest(g))

    @once
    def pathway_needs_retest(self) -> bool:
        return bool(self.pathway_to_test)

    @once
    def esr1(self) -> Finding | None:
        return self.finding("ESR1", S.MUTATED)

    @once
    def pik3ca(self) -> Finding | None:
        return self.finding("PIK3CA", S.MUTATED)  # an amplification is not what SOLAR-1 selected

    @once
    def akt_pathway(self) -> Finding | None:
        """PIK3CA or AKT1 mutation or PTEN loss (CAPItello-291's AKT-pathway-altered)."""
        return (
            self.pik3ca
            or self.finding("AKT1", S.MUTATED)
            or self.finding("PTEN", S.LOSS, S.MUTATED)
        )

    @once
    def pam_tested_negative(self) -> bool:
        """PIK3CA, AKT1 and PTEN each tested negative, and no alteration found."""
        return self.akt_pathway is None and all(self.negative(g) is not None for g in PAM_GENES)

    @once
    def pam_negative_by_ngs(self) -> bool:
        """As above, each by NGS and current (FAKTION's expanded non-altered subgroup)."""
        return (
            self.pam_tested_negative
            and not self.pathway_needs_retest
            and all((r := self.negative(g)) is not None and r.assay is Assay.NGS for g in PAM_GENES)
        )

    @once
    def pam_negative_by_pcr_only(self) -> tuple[str, ...]:
        """PI3K-pathway genes whose latest 'not detected' came from PCR alone (rule 15)."""
        return tuple(
            g for g in PAM_GENES if (r := self.negative(g)) is not None and r.assay is Assay.PCR
        )

    @once
    def her2_low(self) -> bool:
        return self.profile.her2 is Her2Status.LOW

    @once
    def rb1_loss(self) -> Finding | None:
        return self.finding("RB1", S.LOSS, S.MUTATED)

    @once
    def parp_findings(self) -> tuple[Finding, ...]:
        """Germline BRCA1/2 or PALB2, or somatic BRCA1/2 (TBCRC 048): what opens a PARP
        inhibitor. A germline mutation holds whatever a later tumour test says."""
        found: list[Finding] = []
        for gene in ("BRCA1", "BRCA2", "PALB2"):
            germline = self.germline.get(gene)
            if germline is not None and germline.status is S.MUTATED:
                found.append(Finding(result=germline, stale=False))
            elif gene != "PALB2" and (somatic := self.finding(gene, S.MUTATED)) is not None:
                found.append(somatic)
        return tuple(found)

    @once
    def actionable(self) -> bool:
        """A mutation or alteration the review ties to a targeted option (ESR1, the PI3K-AKT
        pathway, homologous-recombination genes). HER2-low acts through trastuzumab
        deruxtecan's own rule, not here."""
        return bool(self.esr1 or self.akt_pathway or self.parp_findings)

    @once
    def tested_without_actionable(self) -> bool:
        """ESR1 and the PI3K pathway were tested, and nothing actionable was found (rule 6)."""
        return (
            not self.actionable
            and self.negative("ESR1") is not None
            and not self.needs_retest("ESR1")
            and self.pam_tested_negative
            and not self.pathway_needs_retest
            and not self.pam_negative_by_pcr_only
        )

    # -- history and state ---------------------------------------------------------------------

    @once
    def short_cdk46i(self) -> bool:
        months = self.cdk46i_months
        return months is not None and months < self.preferences.short_cdk46i_months

    @once
    def poor_performance(self) -> bool:
        return self.profile.ecog is not None and self.profile.ecog >= 3

    @once
    def toxicity_weight(self) -> float:
        base = {Priority.SURVIVAL: 0.5, Priority.BALANCED: 1.0, Priority.QUALITY_OF_LIFE: 2.0}[
            self.preferences.priority
        ]
        return base * (3.0 if self.poor_performance else 1.0)

    @once
    def cost_weight(self) -> float:
        weight = 0.25
        if self.preferences.priority is Priority.QUALITY_OF_LIFE:
            weight += 0.5  # the review's factor 4 weighs financial toxicity with quality of life
        if self.preferences.cost_sensitive:
            weight += 1.0
        return weight
