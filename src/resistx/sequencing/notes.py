"""Notes about the profile itself: what the plan could not weigh, and how it read the input."""

from __future__ import annotations

from resistx import _suggest
from resistx.model.enums import MenopausalStatus
from resistx.sequencing.facts import Facts
from resistx.vocab import comorbidities, genes


def notes(facts: Facts) -> list[str]:
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
    for state in facts.genes.values():
        for r in state.not_actionable:
            what = r.classification.value if r.classification else "not pathogenic"
            variant = f" {r.variant}" if r.variant else ""
            out.append(f"{r.gene}{variant} is classified {what}: not a match for any option.")
    if not facts.had_cdk46i:
        out.append(
            "No CDK4/6 inhibitor on record: the review's evidence is for patients whose disease "
            "progressed on one."
        )
    elif not facts.cdk46i_courses:
        out.append(
            "Every CDK4/6-inhibitor course ended for toxicity, by choice or as planned, so none "
            "measures time to progression: the short-duration rule was not applied."
        )
    elif facts.cdk46i_months is None:
        out.append(
            "Time on the CDK4/6 inhibitor is unknown (no months and no dates): the short-duration "
            "rule was not applied."
        )
    if p.ecog is not None and p.ecog >= 3:
        out.append(
            f"ECOG {p.ecog}: the review does not address performance status 3 or worse; the least "
            "toxic options are ranked first."
        )
        if p.visceral_crisis:
            out.append(
                "Visceral crisis with poor performance status: chemotherapy is ranked first for the "
                "crisis; its intensity needs weighing against the performance status."
            )
    if p.ecog is None:
        out.append("ECOG performance status unknown: intensive regimens were not demoted for it.")
    if p.menopausal_status is MenopausalStatus.PREMENOPAUSAL:
        out.append(
            "Premenopausal: endocrine options assume ovarian function suppression; EMERALD "
            "enrolled postmenopausal patients."
        )
    if p.as_of is None:
        when = facts.decision_date
        out.append(
            "as_of not given: the decision date is taken as "
            f"{when.isoformat() if when else 'unknown (no dates in the profile)'}."
        )
    if not facts.preferences.include_trials:
        out.append("Trials are not shown (include_trials is false).")
    return out
