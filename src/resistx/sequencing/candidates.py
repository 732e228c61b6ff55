"""The regimens considered for a patient: the fixed regimens, and matching trials (rule 9)."""

from __future__ import annotations

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import (
    BiomarkerStatus,
    DrugClass,
    RegimenKind,
    RegulatoryStatus,
    TrialStatus,
)
from resistx.model.evidence import Arm, Trial
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.regimen import TRIAL_PREFIX, Approval, RegimenSpec
from resistx.vocab import drugs

OPEN = (TrialStatus.ONGOING, TrialStatus.UNKNOWN)
_CLASS_VALUES = frozenset(c.value for c in DrugClass)


def tested_arms(trial: Trial) -> tuple[Arm, ...]:
    """The arms a trial tests: all but its control arms (all, if every arm is marked one)."""
    return tuple(a for a in trial.arms if not a.control) or trial.arms


def trial_spec(trial: Trial) -> RegimenSpec:
    """A ``trial:<NCT id>`` regimen for enrolment in a study, named by the arms it tests."""
    tested = tested_arms(trial)
    names = tuple(sorted({d for arm in tested for d in arm.drugs if d in drugs.BY_NAME}))
    shown = sorted({d for arm in tested for d in arm.drugs})
    return RegimenSpec(
        id=f"{TRIAL_PREFIX}{trial.nct_id}",
        name=f"Trial {trial.key}: {', '.join(shown) or 'investigational agent'}",
        drugs=names,
        kind=RegimenKind.TRIAL,
        routes=(),
        key_trials=(trial.key,),
        cost_level=2.0,
        regulatory=Approval(
            status=RegulatoryStatus.INVESTIGATIONAL,
            source=f"enrolment in {trial.key}, which reports no results in the review",
        ),
    )


def matching_trials(
    evidence: EvidenceBase,
    mechanisms: tuple[ResistanceMechanism, ...],
    findings: frozenset[tuple[str, BiomarkerStatus]],
) -> tuple[Trial, ...]:
    """Open, registered trials that the matched mechanisms name or whose tested drugs target
    them, and whose population's biomarkers (if the review gives any) the patient has."""
    classes = {DrugClass(s) for m in mechanisms for s in m.strategies if s in _CLASS_VALUES}
    named = {k for m in mechanisms for k in m.trials}
    found: dict[str, Trial] = {}
    for t in evidence.after_cdk46i() + tuple(
        evidence.trial(k) for k in sorted(named) if k in evidence
    ):
        if t.nct_id is None or t.status not in OPEN or t.endpoints:
            continue
        if t.biomarkers and not any((b.gene, b.status) in findings for b in t.biomarkers):
            continue
        arm_classes = {
            drugs.drug_class(d) for a in tested_arms(t) for d in a.drugs if d in drugs.BY_NAME
        }
        if t.key in named or (classes & arm_classes and arm_classes <= classes | _PARTNERS):
            found[t.nct_id] = t
    return tuple(found[k] for k in sorted(found))


# endocrine partners and platinum given with an investigational drug do not make it another strategy
_PARTNERS = {
    DrugClass.SERD,
    DrugClass.AROMATASE_INHIBITOR,
    DrugClass.CHEMOTHERAPY,
    DrugClass.CDK46_INHIBITOR,
}


def considered(
    evidence: EvidenceBase,
    table: tuple[RegimenSpec, ...],
    mechanisms: tuple[ResistanceMechanism, ...],
    findings: frozenset[tuple[str, BiomarkerStatus]],
    include_trials: bool,
) -> tuple[RegimenSpec, ...]:
    """The policy's regimens, then the matching trials (when wanted)."""
    if not include_trials or not mechanisms:
        return table
    return table + tuple(trial_spec(t) for t in matching_trials(evidence, mechanisms, findings))
