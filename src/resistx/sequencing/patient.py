"""What the plans of one patient under two policies share, built once per profile: the facts,
the mechanisms, the descriptions of the findings, and the Inputs no policy changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from resistx.mechanisms._catalog import mechanisms_of
from resistx.model.enums import DrugClass, Factor, Her2Status, StopReason
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import (
    HOLD_CLASSES,
    MAX_MONTHS,
    NOT_RESISTANCE,
    Preferences,
    Profile,
    Treatment,
    by_line,
    combined,
    latest_course,
)
from resistx.sequencing import build_inputs as build
from resistx.sequencing import maintain
from resistx.sequencing.build_balance import balance
from resistx.sequencing.coverage import Coverage, unapproved_for
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs, EfficacyInputs, HistoryInputs, MolecularInputs
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.once import remembered
from resistx.vocab.drugs import drug_class


@attrs.frozen
class Patient:
    """What two policies' plans for one patient share: the facts, the mechanisms and the
    Inputs that do not depend on the policy (the history's reads the policy's regimens). The
    descriptions that fill a plan's slots are the plan's to make (``slots.descriptions``): a
    ranking alone (a cohort's rows) has no use for them."""

    facts: Facts
    mechanisms: tuple[ResistanceMechanism, ...]
    findings: frozenset[tuple[str, Any]]
    molecular: MolecularInputs
    efficacy: EfficacyInputs
    balance: BalanceInputs
    #: where ribociclib is outside MAINTAIN's population (``maintain.outside_for``):
    #: read by the efficacy and the history Inputs, worked out once
    maintain_outside: tuple[tuple[str, str], ...]
    #: the history Inputs by the drug sets they were built for (two policies, one patient)
    _history: dict[Coverage, HistoryInputs] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    #: the efficacy Inputs by the same (rule 46 reads the policy's dated approvals)
    _efficacy: dict[Coverage, EfficacyInputs] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    #: the molecular Inputs by the same (rule 68 reads them too)
    _molecular: dict[Coverage, MolecularInputs] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    @classmethod
    def of(cls, p: Profile, prefs: Preferences) -> Patient:
        facts = for_progression(p, prefs)
        findings = findings_of(facts)
        mechanisms = mechanisms_of(findings)
        maintain_outside = maintain.outside_for(facts)
        molecular = build.molecular(facts, mechanisms, maintain_outside)
        return cls(
            facts,
            mechanisms,
            findings,
            molecular,
            build.efficacy(molecular, facts, maintain_outside),
            balance(facts),
            maintain_outside,
        )

    def inputs(self, covers: Coverage) -> dict[Factor, object]:
        """One frozen Inputs per factor: all its rules can read, and its memo key.
        ``covers``: the policy's regimens (``Coverage``: what a course can exclude)."""
        return {
            Factor.MOLECULAR: self._molecular.get(covers) or self._molecular_for(covers),
            Factor.EFFICACY: self._efficacy.get(covers) or self._efficacy_for(covers),
            Factor.HISTORY: self._history.get(covers) or self._history_for(covers),
            Factor.BALANCE: self.balance,
        }

    def _molecular_for(self, covers: Coverage) -> MolecularInputs:
        """The molecular Inputs under a policy: for HER2-low or -ultralow disease before any
        chemotherapy line, with the regimens approved after the plan's date (rule 68: no
        chemotherapy held back for a drug not yet approved for the patient; case 2273)."""
        m = self.molecular
        db06 = m.her2 in (Her2Status.LOW, Her2Status.ULTRALOW) and not m.chemotherapy_lines
        later = covers.unapproved(self.facts.decision_date) if db06 else frozenset()
        found = attrs.evolve(m, not_yet_approved=later) if later else m
        self._molecular[covers] = found
        return found

    def _efficacy_for(self, covers: Coverage) -> EfficacyInputs:
        """The efficacy Inputs under a policy: with the regimens whose dated approval came after
        the plan's date (rule 46)."""
        later = covers.unapproved(self.facts.decision_date)
        found = attrs.evolve(self.efficacy, not_yet_approved=later) if later else self.efficacy
        self._efficacy[covers] = found
        return found

    def _history_for(self, covers: Coverage) -> HistoryInputs:
        """The history Inputs under another policy differ at most in ``progressed`` and
        ``not_yet_approved``."""
        known = next(iter(self._history.values()), None)
        if known is None:
            found = build.history(
                self.facts, (self.molecular, self.efficacy), covers, self.maintain_outside
            )
        else:
            courses = build.progressed(self.facts, covers)
            later = unapproved_for(self.facts, covers)
            found = (
                known
                if courses == known.progressed and later == known.not_yet_approved
                else attrs.evolve(known, progressed=courses, not_yet_approved=later)
            )
        self._history[covers] = found
        return found


@remembered  # asked several times in one plan
def findings_of(facts: Facts) -> frozenset[tuple[str, Any]]:
    """Each gene with a finding, and its status: what the mechanisms are read from
    (``mechanisms_of``)."""
    return frozenset(
        (g, st.finding.result.status) for g, st in facts.genes.items() if st.finding is not None
    )


def for_progression(p: Profile, prefs: Preferences) -> Facts:
    """The facts the options read: an ongoing latest course for metastatic disease counts as
    progressed at the plan's date (rule 53): its length runs to that date, and no test is read
    as older than its progression (``Facts.latest_progression``); not one going on through a
    CDK4/6 inhibitor's hold (``through_a_hold``)."""
    latest = latest_course(p.treatments_in_order)
    if latest is None or not latest.metastatic or latest.stop_reason is not StopReason.ONGOING:
        return Facts(profile=p, preferences=prefs)
    if through_a_hold(p, latest):  # case 1647: not at a progression
        return Facts(profile=p, preferences=prefs)
    # it, and the courses going on beside it in its line (case 1704: two ongoing rows)
    treatments = tuple(
        _progressed_now(t, p.decision_date) if t is latest or _beside(t, latest) else t
        for t in p.treatments
    )
    return Facts(profile=attrs.evolve(p, treatments=treatments), preferences=prefs, current=latest)


def _progressed_now(t: Treatment, today: dt.date | None) -> Treatment:
    """An ongoing course read as progressed at the plan's date: its length runs to that date
    (at most the profile's limit: a course of valid dates can be longer, and no rule tells the
    two apart)."""
    span = t.duration_months(today)
    months = None if span is None else min(span, MAX_MONTHS)
    return attrs.evolve(t, stop_reason=StopReason.PROGRESSION, ended_on=None, months=months)


def _beside(t: Treatment, latest: Treatment) -> bool:
    """``t`` goes on beside ``latest`` in its line: ongoing for metastatic disease, no GnRH
    agonist alone, and of its line number or one combination with it."""
    if t.stop_reason is not StopReason.ONGOING or not t.metastatic or t.suppression_only:
        return False
    return (t.line is not None and t.line == latest.line) or combined(t, latest)


def through_a_hold(p: Profile, latest: Treatment | None) -> bool:
    """``latest``, the latest course (``latest_course``), is endocrine therapy going on for
    metastatic disease through a hold of the CDK4/6 inhibitor of its line, stopped for toxicity
    or by choice (or of a PI3K or AKT inhibitor: case 1744), with no progression in that
    line: the decision is what to give with it now,
    not after its progression (case 1647: letrozole read as progressed left the
    aromatase-inhibitor doublets out as 'resistant'; the notes say it goes on, 1653)."""
    return bool(held_beside(p, latest))


#: the targeted drugs whose stop for toxicity or by choice leaves the endocrine partner going
#: on, not at a progression, another of the class to be given with it (cases 1647, 1744); not
#: an mTOR inhibitor, the only one of its class (case 1768d: rule 53 reads the partner)
_HELD = HOLD_CLASSES - {DrugClass.MTOR_INHIBITOR}


def held_beside(p: Profile, latest: Treatment | None) -> tuple[str, ...]:
    """The targeted drugs (``_HELD``) stopped in ``latest``'s line, which ``through_a_hold``
    goes on through ((), if it does not)."""
    if latest is None or latest.stop_reason is not StopReason.ONGOING or not latest.metastatic:
        return ()
    classes = latest.drug_classes
    if classes & _HELD or not classes & ENDOCRINE_DRUGS:
        return ()
    line = next((ln for ln in by_line(p.metastatic_treatments) if latest in ln), ())
    held = [t for t in line if t.drug_classes & _HELD]
    stopped = bool(held) and all(t.stop_reason in NOT_RESISTANCE for t in held)
    if not stopped or any(t.progressed for t in line):
        return ()
    return tuple(dict.fromkeys(d for t in held for d in t.drugs if drug_class(d) in _HELD))
