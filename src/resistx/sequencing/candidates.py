"""The regimens considered for a patient: the fixed regimens, and matching trials (rule 9)."""

from __future__ import annotations

import attrs

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import (
    BiomarkerStatus,
    DrugClass,
    RegimenKind,
    RegulatoryStatus,
    Route,
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
        # the routes its drugs are known to be given by (rule 110 leaves out a declined one)
        routes=tuple(r for r in Route if r in {drugs.route_of(d) for d in names}),
        key_trials=(trial.key,),
        cost_level=2.0,
        regulatory=Approval(
            status=RegulatoryStatus.INVESTIGATIONAL,
            source=f"enrolment in {trial.key}, which reports no results in the review",
        ),
    )


@attrs.frozen
class Enrolling:
    """An open, registered trial with no results in the evidence, as matching reads it: the
    biomarkers of its population, the classes of the drugs it tests, and its regimen."""

    trial: Trial
    biomarkers: frozenset[tuple[str, BiomarkerStatus]]
    classes: frozenset[DrugClass]
    spec: RegimenSpec


@attrs.frozen
class TrialIndex:
    """The enrolling trials of one evidence base by key, worked out once per evidence (the
    engine keeps it in the policy's context), and the keys of those in CDK4/6i-pretreated
    patients, in the evidence's order."""

    evidence: EvidenceBase
    enrolling: dict[str, Enrolling]
    after_cdk46i: tuple[str, ...]

    @classmethod
    def of(cls, evidence: EvidenceBase) -> TrialIndex:
        enrolling = {
            t.key: Enrolling(
                trial=t,
                biomarkers=frozenset((b.gene, b.status) for b in t.biomarkers),
                classes=frozenset(
                    drugs.drug_class(d)
                    for a in tested_arms(t)
                    for d in a.drugs
                    if d in drugs.BY_NAME
                ),
                spec=trial_spec(t),
            )
            for t in sorted(evidence.trials, key=lambda t: t.key)
            if t.nct_id is not None and t.status in OPEN and not t.endpoints
        }
        after = tuple(t.key for t in evidence.after_cdk46i() if t.key in enrolling)
        return cls(evidence=evidence, enrolling=enrolling, after_cdk46i=after)


def matching_trials(
    evidence: EvidenceBase | TrialIndex,
    mechanisms: tuple[ResistanceMechanism, ...],
    findings: frozenset[tuple[str, BiomarkerStatus]],
) -> tuple[Trial, ...]:
    """Open, registered trials that the matched mechanisms name or whose tested drugs target
    them, and whose population's biomarkers (if the review gives any) the patient has."""
    return tuple(e.trial for e in _matching(_index(evidence), mechanisms, findings))


def _index(evidence: EvidenceBase | TrialIndex) -> TrialIndex:
    return evidence if isinstance(evidence, TrialIndex) else TrialIndex.of(evidence)


def _matching(
    index: TrialIndex,
    mechanisms: tuple[ResistanceMechanism, ...],
    findings: frozenset[tuple[str, BiomarkerStatus]],
) -> list[Enrolling]:
    classes = {DrugClass(s) for m in mechanisms for s in m.strategies if s in _CLASS_VALUES}
    named = {k for m in mechanisms for k in m.trials}
    found: dict[str, Enrolling] = {}
    ev = index.evidence
    for key in (*index.after_cdk46i, *(ev.trial(k).key for k in sorted(named) if k in ev)):
        e = index.enrolling.get(key)
        if e is None or (e.biomarkers and e.biomarkers.isdisjoint(findings)):
            continue
        if key in named or (classes & e.classes and e.classes <= classes | _PARTNERS):
            found[e.trial.nct_id or ""] = e
    return [found[k] for k in sorted(found)]


# endocrine partners and platinum given with an investigational drug do not make it another strategy
_PARTNERS = {
    DrugClass.SERD,
    DrugClass.AROMATASE_INHIBITOR,
    DrugClass.CHEMOTHERAPY,
    DrugClass.CDK46_INHIBITOR,
}


def considered(
    evidence: EvidenceBase | TrialIndex,
    table: tuple[RegimenSpec, ...],
    mechanisms: tuple[ResistanceMechanism, ...],
    findings: frozenset[tuple[str, BiomarkerStatus]],
    include_trials: bool,
) -> tuple[RegimenSpec, ...]:
    """The policy's regimens, then the matching trials (when wanted)."""
    if not include_trials or not mechanisms:
        return table
    return table + tuple(e.spec for e in _matching(_index(evidence), mechanisms, findings))
