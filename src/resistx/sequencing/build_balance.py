"""The balance factor's Inputs, built from the patient's facts once per profile
(``Patient.of``): the comorbidities (with those an adverse event that stopped a course makes),
ovarian suppression, the preferences and a poor performance status."""

from __future__ import annotations

from resistx.model.enums import Sex
from resistx.model.profile import Condition
from resistx.sequencing import capecitabine
from resistx.sequencing.adjuvant import liver_dysfunction
from resistx.sequencing.exhausted import POOR_ECOG
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.suppression import needs_ovarian_suppression, suppression_on_record
from resistx.sequencing.toxicity import from_toxicities
from resistx.vocab.interactions import (
    moderate_cyp3a_on_record,
    other_anticoagulant_on_record,
    qt_prolonging_on_record,
    strong_cyp3a_on_record,
    vitamin_k_antagonist_on_record,
)


def balance(facts: Facts) -> BalanceInputs:
    p = facts.profile
    from_toxicity = from_toxicities(facts)
    named = {c.name for c in p.comorbidities}
    added = (Condition(name=c) for c, _, _ in from_toxicity if c not in named)
    return BalanceInputs(
        comorbidities=tuple(sorted((*p.comorbidities, *added), key=lambda c: c.name)),
        from_toxicity=from_toxicity,
        needs_ovarian_suppression=needs_ovarian_suppression(p),
        male=p.sex is Sex.MALE,
        suppression_on_record=suppression_on_record(facts),
        priority=facts.preferences.priority,
        cost_sensitive=facts.preferences.cost_sensitive,
        poor_performance=(p.ecog or 0) >= POOR_ECOG,
        declines=frozenset(facts.preferences.declines),
        declines_kinds=frozenset(facts.preferences.declines_kinds),
        accepts_kinds=frozenset(facts.preferences.accepts_kinds),
        declines_transfusion=facts.preferences.declines_transfusion,
        strong_cyp3a=strong_cyp3a_on_record(p.medications),
        moderate_cyp3a=moderate_cyp3a_on_record(p.medications),
        qt_prolonging=qt_prolonging_on_record(p.medications),
        vitamin_k_antagonist=vitamin_k_antagonist_on_record(p.medications),
        other_anticoagulant=other_anticoagulant_on_record(p.medications),
        leptomeningeal_not_crisis=p.leptomeningeal and not p.visceral_crisis,
        liver_dysfunction=liver_dysfunction(facts),
        visceral_crisis=p.visceral_crisis,
        capecitabine_held_back=capecitabine.held_back(facts),
    )
