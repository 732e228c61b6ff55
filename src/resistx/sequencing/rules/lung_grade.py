"""An interstitial lung disease on record without its grade, or a mild one without its course,
where the deruxtecan ADCs are the patient's options: ask before choosing (rules 139, 160); a
chronic lung disease without its grade (rule 155)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Her2Status
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.lung_rechallenge import DERUXTECAN
from resistx.sequencing.rules.routes import declined_by
from resistx.sequencing.toxicity import course_said, from_toxicities
from resistx.vocab.comorbidities import Comorbidity

_ILD = Comorbidity.INTERSTITIAL_LUNG_DISEASE
_CHRONIC = Comorbidity.CHRONIC_LUNG_DISEASE


# rule 139: an ungraded interstitial lung disease beside HER2-low disease: ask its grade
@rule(
    139,
    "An interstitial lung disease without its grade, in HER2-low or -ultralow disease: ask it",
    None,
    condition="HER2-low or -ultralow disease, and an interstitial lung disease or pneumonitis on "
    "record (or one that stopped a course) with no grade, not one a deruxtecan ADC caused "
    "(rule 12's note on giving it again speaks for that).",
    effect="An action before choosing to record its grade, whether it needed steroids and "
    "whether it has resolved: trastuzumab deruxtecan is left out for it (rule 12), and a grade "
    "1 that resolved without them leaves it within DESTINY-Breast04's entry, which left out "
    "only one that needed steroids, or one current or suspected (case 2651: a radiation pneumonitis, ungraded, left "
    "the standard after chemotherapy out and nothing asked).",
    codes=("grade_lung_disease",),
    trials=("DESTINY-Breast04",),
)
def ask_lung_disease_grade(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 not in (Her2Status.LOW, Her2Status.ULTRALOW):
        return
    recorded = [c for c in facts.profile.comorbidities if c.name is _ILD]
    stopped, ended = next(((d, e) for c, d, e in from_toxicities(facts) if c is _ILD), ((), False))
    if any(c.grade is not None for c in recorded) or not (recorded or stopped):
        return
    if any(d in DERUXTECAN for d in stopped):  # rule 12's rechallenge note (case 422)
        return
    caused = course_said(stopped, ended)
    yield PlanEffect(
        code="grade_lung_disease",
        first=True,
        text=f"Interstitial lung disease{caused} on record without its grade: record its grade, "
        'whether it needed steroids ("steroids") and whether it has resolved ("resolved"). '
        "Trastuzumab deruxtecan is left out for it (rule 12); "
        "DESTINY-Breast04 left out an interstitial lung disease that needed steroids, or one "
        "current or suspected (its protocol; not in the review), not a grade 1 that resolved "
        "without them.",
    )


# rule 160: a grade 1 interstitial lung disease beside HER2-low disease: ask its course
@rule(
    160,
    "A grade 1 interstitial lung disease, in HER2-low disease: ask its course",
    None,
    condition="HER2-low disease (any HER2-negative one where the policy has datopotamab "
    "deruxtecan: case 7904), and an interstitial lung disease or pneumonitis on record of "
    "grade 1 without whether it needed steroids or whether it has resolved (neither recorded "
    "as deciding alone: steroids, or not resolved; 7911), the deruxtecan ADCs not both "
    "declined (7958), one a deruxtecan ADC caused too, "
    "whose label gives it again once resolved (7905c).",
    effect="An action before choosing to record both (`steroids`, `resolved`): until then the "
    "deruxtecan ADCs are at best alternatives (rule 12), and one resolved without steroids "
    "leaves them within DESTINY-Breast04's entry, with a caution (case 7888: the question sat "
    "in a reason only, with no field for its answer).",
    codes=("lung_disease_course",),
    trials=("DESTINY-Breast04",),
)
def ask_lung_disease_course(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    # datopotamab deruxtecan where the policy has it: for HER2 0 too (case 7904)
    dato = "datopotamab-deruxtecan" in ctx.regimens
    if facts.her2 is not Her2Status.LOW and not dato:  # ultralow: the newer policy's (7911)
        return
    adcs = [
        s
        for r in ("trastuzumab-deruxtecan", "datopotamab-deruxtecan")
        if (s := ctx.regimens.get(r))
    ]
    if all(declined_by(facts.preferences, s) for s in adcs):  # nothing to open (7958)
        return
    mild = [
        c
        for c in facts.profile.comorbidities
        if c.name is _ILD and c.grade is not None and c.grade <= 1
    ]
    # steroids, or not resolved, decides alone (7911); after a deruxtecan ADC caused it, its
    # label reads the resolution alone (7905c)
    caused = any(d in DERUXTECAN for _, drugs, _ in from_toxicities(facts) for d in drugs)
    if not any(
        ((c.steroids is None and not caused) or c.resolved is None)
        and not (c.steroids or c.resolved is False)
        for c in mild
    ):
        return
    yield PlanEffect(
        code="lung_disease_course",
        first=True,
        text="Interstitial lung disease of grade 1 on record: record whether it needed "
        'steroids ("steroids": true or false) and whether it has resolved ("resolved"). '
        "DESTINY-Breast04 left out one that needed steroids, or one current or suspected (its "
        "protocol; not in the review): resolved without steroids, the deruxtecan ADCs are "
        "within its entry; until then they are at best alternatives, with a chest physician and "
        "a CT.",
    )


# rule 155: an ungraded chronic lung disease beside a deruxtecan ADC: ask its grade
@rule(
    155,
    "A chronic lung disease without its grade, beside a deruxtecan ADC: ask it",
    None,
    condition="A chronic lung disease (COPD, emphysema) on record with no grade, and a "
    "deruxtecan ADC among the options ranked.",
    effect="An action before choosing to record its grade (GOLD 1-4): until it is known, "
    "trastuzumab and datopotamab deruxtecan are at best alternatives (rule 12: their trials "
    "left out clinically severe pulmonary compromise), and a severe one puts them after every "
    "option without that risk, where nothing is held back for them (case 7039: the grade was "
    "asked only inside the ADC's reason).",
    codes=("grade_chronic_lung_disease",),
)
def ask_chronic_lung_disease_grade(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    lungs = [c for c in facts.profile.comorbidities if c.name is _CHRONIC]
    if not lungs or any(c.grade is not None for c in lungs):
        return
    yield PlanEffect(
        code="grade_chronic_lung_disease",
        first=not facts.profile.visceral_crisis,
        regimens=frozenset(
            rid for rid, spec in ctx.regimens.items() if DERUXTECAN & set(spec.drugs)
        ),
        text="Chronic lung disease on record without its grade: record its grade (GOLD 1 to "
        "4; grade 3-4 is severe, on oxygen say). The deruxtecan ADCs are at best alternatives "
        "until it is known, and a severe one puts them after every option without that risk "
        "(rule 12; their trials left out clinically severe pulmonary compromise; not in the "
        "review).",
    )
