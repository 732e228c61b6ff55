"""``sequence(profile)``: profile in, factors read evidence, plan out. A pure function."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from resistx._version import version
from resistx.evidence._base import EvidenceBase
from resistx.evidence._load import bundled
from resistx.io.profile import ProfileSource, load_preferences, load_profile
from resistx.mechanisms._catalog import matching_mechanisms
from resistx.model.plan import Plan
from resistx.model.profile import Preferences, Profile
from resistx.sequencing import balance, efficacy, history, molecular
from resistx.sequencing._facts import Facts
from resistx.sequencing.actions import actions, notes
from resistx.sequencing.candidates import considered
from resistx.sequencing.ranking import Assessed, combine

DISCLAIMER = (
    "Decision support for clinicians, not a substitute for their judgment: resistx ranks "
    "options from one 2024 review (Ye et al., doi 10.2147/BCTT.S438366)."
)


def sequence(
    profile: ProfileSource,
    preferences: Preferences | Mapping[str, Any] | None = None,
    *,
    evidence: EvidenceBase | None = None,
) -> Plan:
    """A ranked, explained plan for one patient. Same input, same output, always."""
    p: Profile = load_profile(profile)  # checks the scope too
    prefs = load_preferences(preferences)
    eb = evidence if evidence is not None else bundled()
    facts = Facts.of(p, prefs)
    matched = matching_mechanisms(facts.results)
    molecular_memo = molecular.table(facts, eb, matched)
    history_memo = history.table(facts, eb)
    assessed = [
        Assessed(
            regimen=regimen,
            molecular=molecular.assess(facts, regimen, eb, matched, molecular_memo),
            efficacy=efficacy.assess(facts, regimen, eb),
            history=history.assess(facts, regimen, eb, history_memo),
            balance=balance.assess(facts, regimen, eb),
        )
        for regimen in considered(eb, matched, facts.findings, prefs.include_trials)
    ]
    options, excluded = combine(assessed)
    return Plan(
        patient_id=p.patient_id,
        as_of=p.decision_date,
        options=options,
        excluded=excluded,
        actions=actions(facts),
        notes=notes(facts),
        evidence_version=eb.version,
        library_version=version(),
        disclaimer=DISCLAIMER,
    )
