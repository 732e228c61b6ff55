"""Steps before choosing (retest, test HER2) and notes about the profile itself."""

from __future__ import annotations

from resistx import _suggest
from resistx.model.enums import Her2Status, MenopausalStatus
from resistx.model.plan import Action
from resistx.sequencing._facts import Facts
from resistx.vocab import comorbidities, genes


def actions(facts: Facts) -> tuple[Action, ...]:
    out: list[Action] = []
    stale_or_missing = ["ESR1"] if facts.needs_retest("ESR1") else []
    stale_or_missing += facts.pathway_to_test
    if stale_or_missing:
        when = (
            f"after the progression of {facts.latest_progression.isoformat()}"
            if facts.latest_progression
            else "at this time point"
        )
        out.append(
            Action(
                code="retest",
                genes=tuple(stale_or_missing),
                text=f"Test {', '.join(stale_or_missing)} {when} by ctDNA or rebiopsy: ESR1 mutations and "
                "PI3K-AKT-mTOR alterations are acquired under treatment and decide the next line.",
            )
        )
    pcr_only = facts.pam_negative_by_pcr_only
    if pcr_only:
        out.append(
            Action(
                code="retest_ngs",
                genes=pcr_only,
                text=f"{', '.join(pcr_only)} 'not detected' by PCR only: retest by NGS; in FAKTION's "
                "expanded NGS analysis more tumours were pathway-altered than by ddPCR.",
            )
        )
    if facts.profile.her2 is Her2Status.UNKNOWN:
        out.append(
            Action(
                code="test_her2",
                genes=("ERBB2",),
                text="Test HER2 by IHC: HER2-low disease opens trastuzumab deruxtecan (DESTINY-Breast04).",
            )
        )
    untested = tuple(g for g in ("BRCA1", "BRCA2", "PALB2") if g not in facts.results)
    if untested:
        out.append(
            Action(
                code="test_hrd_genes",
                genes=untested,
                text=f"Test {', '.join(untested)} (germline, and somatic BRCA1/2): a germline "
                "BRCA1/2 or PALB2 or a somatic BRCA1/2 mutation opens a PARP inhibitor (TBCRC 048).",
            )
        )
    return tuple(out)


def notes(facts: Facts) -> tuple[str, ...]:
    p = facts.profile
    out: list[str] = []
    for gene in sorted({r.gene for r in p.biomarkers}):
        if gene not in genes.GENES:
            hint = _suggest.did_you_mean(gene, list(genes.GENES))
            out.append(f"{gene}: not a gene resistx uses{hint}")
    for name in sorted(set(p.comorbidities)):
        if comorbidities.known(name) is None:
            hint = _suggest.did_you_mean(name, [c.value for c in comorbidities.Comorbidity])
            out.append(f"{name}: not a comorbidity resistx uses{hint}")
    if not facts.had_cdk46i:
        out.append(
            "No CDK4/6 inhibitor on record: the review's evidence is for patients whose "
            "disease progressed on one."
        )
    elif not p.cdk46i_courses:
        out.append(
            "Every CDK4/6-inhibitor course ended for toxicity, by choice or as planned, so none "
            "measures time to progression: the short-duration rule was not applied."
        )
    elif facts.cdk46i_months is None:
        out.append(
            "Time on the CDK4/6 inhibitor is unknown (no months and no dates): the "
            "short-duration rule was not applied."
        )
    if p.ecog is not None and p.ecog >= 3:
        out.append(
            f"ECOG {p.ecog}: the review does not address performance status 3 or worse; the "
            "least toxic options are ranked first."
        )
        if p.visceral_crisis:
            out.append(
                "Visceral crisis with poor performance status: chemotherapy is ranked first for "
                "the crisis; its intensity needs weighing against the performance status."
            )
    if p.ecog is None:
        out.append("ECOG performance status unknown: intensive regimens were not demoted for it.")
    if p.menopausal_status is MenopausalStatus.PREMENOPAUSAL:
        out.append(
            "Premenopausal: endocrine options assume ovarian function suppression; EMERALD "
            "enrolled postmenopausal patients."
        )
    if p.as_of is None:
        when = facts.profile.decision_date
        out.append(
            f"as_of not given: the decision date is taken as "
            f"{when.isoformat() if when else 'unknown (no dates in the profile)'}."
        )
    if not facts.preferences.include_trials:
        out.append("Trials are not shown (include_trials is false).")
    return tuple(out)
