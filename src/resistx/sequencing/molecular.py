"""Factor 1: the molecular aberrations present at this time point (review, Discussion).

ESR1 -> oral SERD; PIK3CA -> alpelisib or capivasertib; AKT1 / PTEN -> capivasertib;
HER2-low -> trastuzumab deruxtecan; germline BRCA1/2 or PALB2, somatic BRCA1/2 -> PARP
inhibitors; RB1 loss against CDK4/6 inhibitors; mechanism matches -> trials. A result
that predates the latest progression counts half, and asks for a retest.
"""

from __future__ import annotations

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import ExclusionCode, Factor, Her2Status
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.regimen import Regimen
from resistx.sequencing import _kinds
from resistx.sequencing._assessment import Assessment, exclusion, reason
from resistx.sequencing._facts import Facts, Finding
from resistx.sequencing._sources import GERMLINE_BRCA_REFERENCES, key_trials
from resistx.vocab import regimens

F = Factor.MOLECULAR
MATCH = 3.0  # a biomarker the regimen's trials selected for
PARTIAL = 1.0  # a pathway alteration the regimen acts on without a selecting trial
AGAINST = -1.5  # a tested biomarker that predicts less benefit
NO_ACTIONABLE = 4.0  # rule 6: nothing to target, so chemotherapy comes out preferred ...
NO_ACTIONABLE_ENDOCRINE = -2.0  # ... and endocrine-based regimens step back
HER2_PENDING = -2.0  # trastuzumab deruxtecan while HER2 is untested
TRIAL_NO_APPROVED = 3.0  # a trial for a mechanism no approved drug targets
TRIAL_APPROVED_EXISTS = 1.5  # a trial for a mechanism approved drugs already target


def _weight(finding: Finding) -> float:
    return 0.5 if finding.stale else 1.0


def _when(finding: Finding) -> str:
    r = finding.result
    how = ", ".join(x for x in (r.sample and r.sample.value, r.assay and r.assay.value) if x)
    date = r.tested_on.isoformat() if r.tested_on else "undated"
    stale = (
        "; it predates the latest progression, so it counts half until retested"
        if finding.stale
        else ""
    )
    return f"({date}{', ' + how if how else ''}{stale})"


def signature(facts: Facts, mechanisms: tuple[ResistanceMechanism, ...]) -> tuple[object, ...]:
    """Everything this factor reads about the patient (the memo key, with the regimen id)."""
    return (
        facts.profile.her2,
        facts.tested_without_actionable,
        facts.rb1_loss,
        facts.esr1,
        facts.negative("ESR1") is not None,
        facts.pik3ca,
        facts.akt_pathway,
        facts.pam_negative_by_ngs,
        facts.parp_findings,
        tuple(m.key for m in mechanisms),
    )


def table(
    facts: Facts, evidence: EvidenceBase, mechanisms: tuple[ResistanceMechanism, ...]
) -> dict[str, Assessment]:
    """The memo of this factor's assessments for patients with this signature, by regimen id."""
    return evidence.memoised(("molecular", signature(facts, mechanisms)), dict)


def assess(
    facts: Facts,
    regimen: Regimen,
    evidence: EvidenceBase,
    mechanisms: tuple[ResistanceMechanism, ...] = (),
    memo: dict[str, Assessment] | None = None,
) -> Assessment:
    """``memo`` is ``table(facts, evidence, mechanisms)``, looked up once per plan by the caller."""
    if memo is None:
        memo = table(facts, evidence, mechanisms)
    found = memo.get(regimen.id)
    if found is None:
        found = memo[regimen.id] = _assess_with_rule_6(facts, regimen, evidence, mechanisms)
    return found


def _assess_with_rule_6(
    facts: Facts,
    regimen: Regimen,
    evidence: EvidenceBase,
    mechanisms: tuple[ResistanceMechanism, ...],
) -> Assessment:
    found = _assess(facts, regimen, evidence, mechanisms)
    if found.exclusions or regimen.is_trial or not facts.tested_without_actionable:
        return found
    # rule 6: with nothing actionable, chemotherapy and ADCs come forward, endocrine steps back
    if _kinds.is_chemotherapy(regimen) or _kinds.is_adc(regimen):
        delta, code, text = (
            NO_ACTIONABLE,
            "no_actionable_alteration",
            "ESR1 and the PI3K pathway tested without an actionable alteration: the review "
            "prefers chemotherapy and ADCs.",
        )
    elif _kinds.is_endocrine_based(regimen):
        delta, code, text = (
            NO_ACTIONABLE_ENDOCRINE,
            "no_actionable_alteration_endocrine",
            "ESR1 and the PI3K pathway tested without an actionable alteration: the review prefers "
            "chemotherapy and ADCs over endocrine-based regimens.",
        )
    else:
        return found
    extra = reason(F, code, text, evidence, key_trials(regimen.id))
    # rule 6 moves the option most, so its reason leads
    return Assessment(score=found.score + delta, reasons=(extra, *found.reasons))


def _assess(
    facts: Facts,
    regimen: Regimen,
    evidence: EvidenceBase,
    mechanisms: tuple[ResistanceMechanism, ...],
) -> Assessment:
    rid = regimen.id
    if regimen.is_trial:
        return _trial(regimen, evidence, mechanisms)
    trials = key_trials(rid)

    def says(
        score: float,
        code: str,
        text: str,
        cited: tuple[str, ...] = trials,
        references: tuple[int, ...] = (),
    ) -> Assessment:
        found = reason(F, code, text, evidence, cited, references=references)
        return Assessment(score=score, reasons=(found,))

    def leave_out(code: ExclusionCode, text: str, cited: tuple[str, ...] = trials) -> Assessment:
        return Assessment(exclusions=(exclusion(code, F, text, evidence, cited),))

    if _kinds.has_cdk46i(regimen) and (rb := facts.rb1_loss) is not None:
        return leave_out(
            ExclusionCode.BIOMARKER_ABSENT,
            f"RB1 loss {_when(rb)}: CDK4/6 inhibitors act through RB, so a CDK4/6-inhibitor "
            "regimen is left out (review, Resistance Mechanisms).",
        )

    if rid in ("elacestrant", "camizestrant", "amcenestrant", "giredestrant"):
        if (f := facts.esr1) is not None:
            return says(
                MATCH * _weight(f),
                "esr1_mutation_matches_oral_serd",
                f"ESR1 mutation {_when(f)}: oral SERDs overcome ESR1-mutant resistance; "
                "the review prefers them for ESR1-mutated disease.",
            )
        if facts.negative("ESR1") is not None:
            return says(
                AGAINST,
                "esr1_not_mutated",
                "ESR1 not mutated: the ESR1-mutant subgroup drew the greater benefit from oral "
                "SERDs, so an oral SERD is not preferred.",
                (*trials, "acelERA"),
            )
        return says(
            0.0,
            "esr1_untested",
            "ESR1 status unknown: a current ESR1 result decides whether an oral SERD is preferred.",
        )

    if rid == "alpelisib+fulvestrant":
        if (f := facts.pik3ca) is not None:
            return says(
                MATCH * _weight(f),
                "pik3ca_mutation_matches_alpelisib",
                f"PIK3CA mutation {_when(f)}: alpelisib is for PIK3CA-mutated tumours "
                "(SOLAR-1, BYLieve).",
            )
        return leave_out(
            ExclusionCode.BIOMARKER_ABSENT,
            "No PIK3CA mutation on record: alpelisib is for PIK3CA-mutated tumours only "
            "(SOLAR-1 showed no significant benefit without the mutation).",
            ("SOLAR-1",),
        )

    if rid == "capivasertib+fulvestrant":
        if (f := facts.akt_pathway) is not None:
            return says(
                MATCH * _weight(f),
                "akt_pathway_alteration_matches_capivasertib",
                f"{f.gene} {f.result.status.value} {_when(f)}: an AKT-pathway alteration "
                "(PIK3CA, AKT1, PTEN), the population of CAPItello-291's greatest benefit.",
            )
        if facts.pam_negative_by_ngs:
            return says(
                0.0,
                "pathway_not_altered_by_ngs",
                "No PI3K/AKT/PTEN alteration by NGS: the efficacy is FAKTION's expanded "
                "non-altered subgroup's, which showed no significant benefit.",
                ("FAKTION",),
            )
        return says(
            0.5,
            "akt_pathway_unknown_or_absent",
            "No AKT-pathway alteration on record: CAPItello-291 also improved PFS in its overall "
            "population, less than in the altered subgroup.",
        )

    if rid in ("everolimus+exemestane", "ribociclib+everolimus+exemestane"):
        return _everolimus(facts, regimen, evidence, trials)

    if rid in ("olaparib", "talazoparib"):
        found = facts.parp_findings
        if not found:
            return leave_out(
                ExclusionCode.BIOMARKER_ABSENT,
                "No germline BRCA1/2 or PALB2 and no somatic BRCA1/2 mutation on record: a PARP "
                "inhibitor needs one (TBCRC 048).",
            )
        best = max(found, key=lambda f: (_weight(f), f.gene))
        genes = ", ".join(f"{f.result.origin.value} {f.gene}" for f in found)
        germline_brca = any(
            f.gene != "PALB2" and f.result.origin.value == "germline" for f in found
        )
        if rid == "talazoparib" and not germline_brca:
            return says(
                MATCH * _weight(best) / 2,
                "hrd_mutation_matches_parp_inhibitor_class",
                f"{genes} mutation {_when(best)}: TBCRC 048 tested olaparib; talazoparib is "
                "another PARP inhibitor, supported here by class only.",
            )
        if germline_brca:
            return says(
                MATCH * _weight(best),
                "hrd_mutation_matches_parp_inhibitor",
                f"{genes} mutation {_when(best)}: the review reports olaparib and "
                "talazoparib approved for metastatic triple-negative breast cancer with "
                "germline BRCA mutations, in patients without a prior CDK4/6 inhibitor; "
                "their use here extends that.",
                (),
                GERMLINE_BRCA_REFERENCES,
            )
        return says(
            MATCH * _weight(best),
            "hrd_mutation_matches_parp_inhibitor",
            f"{genes} mutation {_when(best)}: TBCRC 048 saw responses with germline PALB2 and "
            "somatic BRCA1/2 mutations, also after a CDK4/6 inhibitor.",
        )

    if rid == "trastuzumab-deruxtecan":
        her2 = facts.profile.her2
        if her2 is Her2Status.LOW:
            return says(
                MATCH,
                "her2_low_matches_trastuzumab_deruxtecan",
                "HER2-low: the population of DESTINY-Breast04.",
            )
        if her2 is Her2Status.UNKNOWN:
            return says(
                HER2_PENDING,
                "her2_status_unknown",
                "HER2 status unknown: trastuzumab deruxtecan is for HER2-low disease "
                "(DESTINY-Breast04); it waits on an IHC test.",
            )
        return leave_out(
            ExclusionCode.OUT_OF_POPULATION,
            f"HER2 {her2.value}: DESTINY-Breast04 enrolled HER2-low disease only.",
        )

    if _kinds.is_chemotherapy(regimen) or _kinds.is_adc(regimen):
        return says(0.0, "no_biomarker_required", f"{regimen.name} needs no biomarker.")
    return says(0.0, "no_matching_biomarker", f"No biomarker on record selects {regimen.name}.")


def _everolimus(
    facts: Facts, regimen: Regimen, evidence: EvidenceBase, trials: tuple[str, ...]
) -> Assessment:
    score = 0.0
    out = []
    if (f := facts.akt_pathway) is not None:
        score += PARTIAL * _weight(f)
        out.append(
            reason(
                F,
                "pam_alteration_matches_mtor_inhibitor",
                f"{f.gene} {f.result.status.value} {_when(f)}: the review lists "
                "everolimus-based regimens for PI3K-AKT-mTOR pathway alterations, after "
                "PI3K and AKT inhibitors.",
                evidence,
                trials,
            )
        )
    if regimen.id == "ribociclib+everolimus+exemestane" and (facts.pik3ca or facts.esr1):
        score -= 0.5
        out.append(
            reason(
                F,
                "triniti_biomarker_worse",
                "PIK3CA or ESR1 mutation: TRINITI-1's biomarker analysis found worse "
                "outcomes on the triplet with either mutation.",
                evidence,
                ("TRINITI-1",),
            )
        )
    if not out:
        out.append(
            reason(
                F,
                "no_matching_biomarker",
                f"No PI3K-pathway alteration on record selects {regimen.name}.",
                evidence,
                trials,
            )
        )
    return Assessment(score=score, reasons=tuple(out))


def _trial(
    regimen: Regimen, evidence: EvidenceBase, mechanisms: tuple[ResistanceMechanism, ...]
) -> Assessment:
    trial = evidence.trial(regimen.trial_id or regimen.id)
    matched = [m for m in mechanisms if trial.key in m.trials or _targets(m, regimen)]
    approved = any(s in regimens.BY_ID for m in matched for s in m.strategies)
    names = "; ".join(f"{m.name} ({', '.join(m.genes)})" for m in matched)
    if approved:
        text = (
            f"{names}: {trial.key} tests {', '.join(regimen.drugs)} against it; approved "
            "drugs for it come first."
        )
    else:
        text = (
            f"{names}: no approved drug targets it; {trial.key} tests {', '.join(regimen.drugs)}."
        )
    return Assessment(
        score=TRIAL_APPROVED_EXISTS if approved else TRIAL_NO_APPROVED,
        reasons=(reason(F, "mechanism_matches_trial", text, evidence, (trial.key,)),),
    )


def _targets(mechanism: ResistanceMechanism, regimen: Regimen) -> bool:
    return any(c.value in mechanism.strategies for c in regimen.drug_classes)
