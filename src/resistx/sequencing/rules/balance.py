"""Factor 4 (review, Discussion): survival benefit against quality of life, financial and other
toxicity. Comorbidities against adverse events (rule 12); toxicity and cost weighed by the
patient's priority (rule 14).

The toxicity and cost levels are resistx's ordinal scales, not figures of the review:
toxicity 1 (endocrine monotherapy) to 4 (a grade >= 3 adverse event in 30% or more); cost 1
(generic) to 3 (antibody-drug conjugate), from the regimen table.
"""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ChildPugh, ExclusionCode, Factor, Priority
from resistx.model.evidence import Trial
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, Precedence, hba1c_percent, left_out, num, rule
from resistx.sequencing.rules import adverse_events as ae
from resistx.sequencing.rules import lung_rechallenge as lungs
from resistx.sequencing.rules.adverse_events import Sourced
from resistx.sequencing.rules.comorbidity_risks import (
    AT_BEST_LATER,
    BEFORE_STARTING,
    COMORBIDITY_RISKS,
    EXCLUSION_NOTES,
    HEPATIC_CLASSES,
    MILD_NEUROPATHY,
    SAME_PAYLOAD_NOTE,
    UNQUANTIFIED_AT_BEST_LATER,
)
from resistx.sequencing.rules.drug_classes import PAYLOAD_GROUPS
from resistx.sequencing.rules.recorded_cautions import UNQUANTIFIED, unquantified
from resistx.sequencing.toxicity import course_said
from resistx.vocab.comorbidities import Comorbidity

C = Comorbidity

B = Factor.BALANCE


# rule 12: comorbidities against adverse events
@rule(
    12,
    "Comorbidities against adverse events",
    B,
    condition="A comorbidity the regimen's adverse events bear on (diabetes, interstitial lung "
    "disease, hypertension, cardiac, hepatic, cytopenia, bowel disease, neuropathy).",
    effect="Diabetes excludes alpelisib (hyperglycaemia) and cautions capivasertib and "
    "everolimus; interstitial lung disease excludes trastuzumab and datopotamab deruxtecan "
    "(trastuzumab deruxtecan after a grade 1 of another cause: at best an alternative, as "
    "DESTINY-Breast04 enrolled one resolved, case 2226), and cautions everolimus (pneumonitis), at best "
    "a later option after every option without such a risk (a hard ordering), as it does "
    "gedatolisib (an mTOR inhibitor too, no pneumonitis figure in the sources; case 764) and "
    "as heart disease or bradycardia does ribociclib (QT prolongation, which its label asks "
    "to avoid), and chronic lung disease (COPD) everolimus and, severe (grade 3-4), the "
    "deruxtecan ADCs (unknown: at best an alternative, case 1831; cautioning abemaciclib); "
    "the others add cautions with the adverse-event figure, or with what a label says where "
    "the review prints none (hepatic impairment: the labels' doses of everolimus, the CDK4/6 "
    "inhibitors, fulvestrant, elacestrant and capivasertib). A neuropathy of grade 1 asks "
    "chemotherapy to grade it before each cycle (neuropathy_monitoring), without moving it.",
    # a caution code for each comorbidity the tables above can caution for, and no other
    codes=(
        *("contraindicated", "relative_contraindication", "neuropathy_monitoring"),
        *(lungs.LUNG_SEVERITY_UNKNOWN, "lung_disease_grade_1"),
        *sorted(
            {
                f"{c.value}_caution"
                for (c, _), (exclude, _) in COMORBIDITY_RISKS.items()
                if not exclude
            }
            | {f"{c.value}_caution" for c, _ in UNQUANTIFIED}
        ),
    ),
    trials=("SOLAR-1", "FAKTION", "BOLERO-2", "DESTINY-Breast04"),
    references=(42, 44, 49, 62),
)
def comorbidities(i: BalanceInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    yield from _mild_neuropathy(i, spec)
    trial = ctx.call(ae.of_regimen, spec)[0]
    for condition in _weighed(i):
        comorbidity = condition.name
        name = ae.shown(comorbidity.value.replace("_", " "))  # 'QTc prolonged' (6108)
        stopped, ended = next(((d, e) for c, d, e in i.from_toxicity if c is comorbidity), ((), 0))
        name += course_said(stopped, bool(ended))
        if condition.grade is not None:
            name += f" grade {condition.grade}"
        if condition.child_pugh is not None:
            name += f" (Child-Pugh {condition.child_pugh.value})"
        if condition.hba1c is not None:
            name += f" (HbA1c {hba1c_percent(condition.hba1c)}%)"
        if condition.insulin:
            name += " (on insulin)"
        for drug in spec.drugs:
            risk, found = _risk_of(condition, drug, spec, ctx)
            if risk is not None and (again := lungs.in_place(condition, name, drug, stopped)):
                yield again  # a grade 0-1 lung disease: its label, or DESTINY-Breast04's entry
            elif risk is not None:
                note = _note(condition, drug, stopped)
                yield _risk(risk, name, comorbidity, note, drug, trial, found, spec.key_trials)
                if (reserve := lungs.lung_reserve(condition, drug, spec.key_trials)) is not None:
                    yield reserve  # case 1831: by the lung disease's severity
                elif (comorbidity, drug) in AT_BEST_LATER:
                    where = f"{risk[1]} in {found[1].key}" if found else risk[1]
                    yield _relative(
                        name, drug, where, (found[1].key,) if found else spec.key_trials
                    )
            note = unquantified(condition, drug, i.comorbidities)  # by the record (6206)
            if note is not None and _concerns(condition.child_pugh, drug):
                yield Effect(
                    code=f"{comorbidity.value}_caution", caution=True, text=f"{name}: {note}."
                )
                if why := UNQUANTIFIED_AT_BEST_LATER.get((comorbidity, drug)):
                    yield _relative(name, drug, why, spec.key_trials)


def _relative(name: str, drug: str, why: str, trials: tuple[str, ...]) -> Effect:
    """A relative contraindication: after every option without such a risk (rule 12)."""
    return Effect(
        code="relative_contraindication",
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"{name.capitalize()}: a relative contraindication to {drug} ({ae.shown(why)}): "
        "at best a later option, after every option without such a risk.",
        trials=trials,
    )


def _mild_neuropathy(i: BalanceInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """A grade 1 neuropathy does not turn chemotherapy away (case 505)."""
    if "chemotherapy" in spec.drugs and any(
        c.name is C.NEUROPATHY and c.grade == 1 for c in i.comorbidities
    ):
        yield Effect(code="neuropathy_monitoring", caution=True, text=MILD_NEUROPATHY)


def _note(condition: Condition, drug: str, stopped: tuple[str, ...]) -> str | None:
    """What an exclusion adds: the label on a rechallenge where the comorbidity stopped this
    drug, the shared payload where it stopped one of its payload, else whose reading it is."""
    again = lungs.rechallenge_note(condition, drug) if drug in stopped else None
    payload = PAYLOAD_GROUPS.get(drug)
    if again is None and payload is not None and payload in map(PAYLOAD_GROUPS.get, stopped):
        again = SAME_PAYLOAD_NOTE
    return again or EXCLUSION_NOTES.get((condition.name, drug))


def _weighed(i: BalanceInputs) -> Iterator[Condition]:
    """The comorbidities rule 12 weighs: all but a neuropathy of grade 0-1 (grade 2 or worse,
    or an unknown grade, cautions; grade 1 asks for watching it: ``_mild_neuropathy``)."""
    for condition in i.comorbidities:
        grade = condition.grade
        if not (condition.name is C.NEUROPATHY and grade is not None and grade < 2):
            yield condition


def _risk_of(
    condition: Condition, drug: str, spec: RegimenSpec, ctx: Context
) -> tuple[tuple[bool, str] | None, Sourced | None]:
    """How the comorbidity bears on the drug (``COMORBIDITY_RISKS``), and the regimen's adverse
    event for it where the evidence has one."""
    risk = COMORBIDITY_RISKS.get((condition.name, drug))
    return risk, (ctx.call(ae.lookup, spec, risk[1]) if risk is not None else None)


def _concerns(child_pugh: ChildPugh | None, drug: str) -> bool:
    """Whether a label's hepatic instruction for ``drug`` concerns the class given (any, when
    no class is given or the label's instruction is not by class)."""
    classes = HEPATIC_CLASSES.get(drug)
    return classes is None or child_pugh is None or child_pugh in classes


def _risk(  # noqa: PLR0917 - one call site, in order
    risk: tuple[bool, str],
    name: str,
    comorbidity: Comorbidity,
    note: str | None,
    drug: str,
    trial: Trial | None,
    found: Sourced | None,
    key_trials: tuple[str, ...],
) -> Effect:
    exclude, term = risk
    event = found[0] if found else None
    figure = (
        f"{ae.shown(event.term)} {ae.describe(event)} {ae.source(found, trial)}"
        if found and event and trial  # a figure is found only where there is an AE trial
        else f"{ae.shown(term)} ({drug}; no figure for it in the evidence of this regimen)"
    )
    cited = (found[1].key,) if found else ()
    if exclude:
        return left_out(
            ExclusionCode.CONTRAINDICATED,
            text=f"{name}: {figure}" + (f"; {note}." if note else "."),
            trials=cited or key_trials,
        )
    return Effect(
        code=f"{comorbidity.value}_caution",
        caution=True,
        text=f"{name}: {figure}; {BEFORE_STARTING.get((comorbidity, drug), 'monitor closely')}.",
        term=event.term if event else None,
        percent=ae.percent(event),
        trials=cited,
    )


def _profile(
    ctx: Context, spec: RegimenSpec
) -> tuple[Trial | None, float, tuple[Sourced, ...], str]:
    """What the evidence says of a regimen's toxicity: its adverse-event trial, resistx's level,
    the events shown as cautions (the two most frequent single events, a figure for all events
    together beside them, never in their place, and the signature risks), and the sentence."""
    trial, events = ae.of_regimen(ctx, spec)
    tox = ae.toxicity_level(spec, events)
    single = [a for a in events if not ae.is_overall(a)]
    graded = sorted(
        (a for a in single if a.grade3plus_percent is not None),
        key=lambda a: (-(a.grade3plus_percent or 0.0), a.term),
    )
    anyg = sorted(
        (a for a in single if a.any_grade_percent is not None),
        key=lambda a: (-(a.any_grade_percent or 0.0), a.term),
    )
    top = tuple(graded[:2] or anyg[:2]) + tuple(a for a in events if ae.is_overall(a))
    signature = tuple(
        found
        for t in spec.signature_risks
        if (found := ctx.call(ae.lookup, spec, t)) is not None and found[0] not in top
    )
    if trial is None:
        return None, tox, (), _BY_CLASS.format(num(tox))
    shown = tuple((a, trial) for a in top) + signature
    if top:
        worst = ", ".join(f"{ae.shown(a.term)} {ae.describe(a)}" for a in top)
        text = f"resistx toxicity level {num(tox)} of 4, from {trial.key}: {worst}."
    else:
        text = _BY_CLASS.format(num(tox))
    return trial, tox, shown, text


_BY_CLASS = (
    "resistx toxicity level {} of 4 by drug class (the review gives no adverse-event table for it)."
)


# rule 14: toxicity and cost, weighed by the patient's priority
@rule(
    14,
    "Toxicity and cost, weighed by the patient's priority",
    B,
    condition="Always; priority quality_of_life, cost_sensitive and ECOG >= 3 weigh more.",
    effect="Each option loses by its toxicity level (from its adverse-event trial) and cost level "
    "(the regimen table's assumption), so among options of similar merit the less toxic or less "
    "costly ranks higher; its most frequent grade >= 3 events and signature risks are cautions.",
    codes=("toxicity_and_cost", "adverse_event"),
)
def toxicity_and_cost(i: BalanceInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    trial, tox, shown, summary = ctx.call(_profile, spec)
    survival, balanced, qol = w.toxicity_by_priority
    weight = {
        Priority.SURVIVAL: survival,
        Priority.BALANCED: balanced,
        Priority.QUALITY_OF_LIFE: qol,
    }[i.priority]
    weight *= w.poor_ps_toxicity_factor if i.poor_performance else 1.0
    cost_weight = w.cost_base + (
        w.cost_quality_of_life if i.priority is Priority.QUALITY_OF_LIFE else 0.0
    )
    cost_weight += w.cost_sensitive if i.cost_sensitive else 0.0
    text = summary
    text += (
        f" resistx cost level {num(spec.cost_level)} of 3 (an assumption, not review data); weighed "
        f"for a {i.priority.value.replace('_', ' ')} priority"
        + (", cost-sensitive." if i.cost_sensitive else ".")
    )
    yield Effect(
        code="toxicity_and_cost",
        delta=w.balance_scale * (weight * tox + cost_weight * spec.cost_level),
        text=text,
        trials=(trial.key,) if trial else spec.key_trials,
    )
    if trial is None:
        return
    # an event a comorbidity's caution (rule 12) already gives, with its figure, is said once
    cited = {
        found[0]
        for condition in _weighed(i)
        for drug in spec.drugs
        if (found := _risk_of(condition, drug, spec, ctx)[1]) is not None
    }
    for n, (a, where) in enumerate(s for s in shown if s[0] not in cited):
        yield Effect(
            code="adverse_event",
            caution=True,
            text=f"{ae.shown(a.term)}: {ae.describe(a)} {ae.source((a, where), trial, first=n == 0)}.",
            term=a.term,
            percent=ae.percent(a),
            trials=(where.key,),
        )
