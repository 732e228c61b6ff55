"""Factor 3, continued: what the course on the CDK4/6 inhibitor and the endocrine lines after
it say (rules 8, 18, 19, 22, 23)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import ENDOCRINE_RESISTANCE_LINES
from resistx.sequencing.findings import CDK46I_MONTHS, slot
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, num, rule
from resistx.sequencing.rules.drug_classes import CLASS_TOXICITIES
from resistx.vocab.drugs import drug_class

H = Factor.HISTORY
CDK46I_NAIVE_REFERENCES = (9, 10, 11, 30, 31, 32)


def _cdk46i(spec: RegimenSpec) -> tuple[str, ...]:
    return tuple(d for d in spec.drugs if drug_class(d) is DrugClass.CDK46_INHIBITOR)


# rule 8: cDK4/6 inhibitor after a CDK4/6 inhibitor
@rule(
    8,
    "CDK4/6 inhibitor after a CDK4/6 inhibitor",
    H,
    condition="Progression on palbociclib.",
    effect="Switching to ribociclib with fulvestrant (MAINTAIN's palbociclib-pretreated "
    "result) or to abemaciclib (a retrospective cohort) gains; continuing palbociclib with "
    "fulvestrant is excluded (PACE, negative_trial). After ribociclib or abemaciclib the "
    "evidence for a switch is weaker (efficacy, rule 16). After two or more chemotherapy lines "
    "ribociclib with fulvestrant is outside MAINTAIN's population (at most one): no gain, at "
    "best a later option.",
    codes=("switch_cdk46i_after_palbociclib", "negative_trial", "outside_maintain_population"),
    trials=("MAINTAIN", "PACE", "retrospective-ref35"),
    references=(35, 36, 37),
    regimens=kinds.has_cdk46i,
)
def cdk46i_switch(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if "palbociclib" not in i.cdk46i_resistant or not kinds.has_cdk46i(spec):
        return
    if kinds.is_trial(spec):
        return  # a trial's own eligibility and question, not PACE's or MAINTAIN's
    drugs = _cdk46i(spec)
    if drugs == ("palbociclib",) and DrugClass.SERD in kinds.classes(spec):
        yield Effect(
            code=ExclusionCode.NEGATIVE_TRIAL.value,
            exclude=ExclusionCode.NEGATIVE_TRIAL,
            text="Continuing palbociclib with fulvestrant after palbociclib did not improve PFS "
            "in PACE.",
            trials=("PACE",),
        )
    elif drugs == ("ribociclib",) and DrugClass.SERD in kinds.classes(spec) and i.chemo_lines > 1:
        yield Effect(
            code="outside_maintain_population",
            ceiling=2,
            text=f"{i.chemo_lines} prior chemotherapy lines: MAINTAIN enrolled patients with at "
            "most one, so the review has no evidence for switching to ribociclib with "
            "fulvestrant here.",
            trials=("MAINTAIN",),
        )
    elif drugs == ("ribociclib",) and DrugClass.SERD in kinds.classes(spec):
        yield Effect(
            code="switch_cdk46i_after_palbociclib",
            delta=ctx.weights.switch_after_palbociclib,
            text="After palbociclib, switching to ribociclib with fulvestrant is an option: "
            "MAINTAIN enrolled mostly palbociclib-pretreated patients.",
            trials=("MAINTAIN",),
        )
    elif drugs == ("abemaciclib",) and len(spec.drugs) == 1 and len(i.cdk46i_resistant) == 1:
        yield Effect(
            code="switch_cdk46i_after_palbociclib",
            delta=ctx.weights.abemaciclib_after_palbociclib,
            text="After palbociclib, switching to abemaciclib is an option: a multicentre cohort "
            "reports it after palbociclib, without a randomised comparison.",
            trials=("retrospective-ref35",),
        )


# rule 18: short time on the CDK4/6 inhibitor: chemotherapy and ADCs
@rule(
    18,
    "Short time on the CDK4/6 inhibitor: chemotherapy and ADCs",
    H,
    condition="Less than short_cdk46i_months on the longest CDK4/6-inhibitor course that ended "
    "in progression (a course stopped for toxicity does not measure response). The other half "
    "of the contract's rule 6.",
    effect="Endocrine-based regimens lose more than a biomarker match is worth; chemotherapy "
    "and ADCs gain.",
    codes=("short_cdk46i_endocrine_resistance", "short_cdk46i_prefers_chemotherapy_or_adc"),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def short_cdk46i(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not i.short_cdk46i:
        return
    months = slot(CDK46I_MONTHS)  # each plan writes its patient's months in
    limit = num(i.short_limit)
    if kinds.is_endocrine_based(spec):
        yield Effect(
            code="short_cdk46i_endocrine_resistance",
            delta=ctx.weights.short_endocrine,
            text=f"Only {months} months on the CDK4/6 inhibitor (under {limit}): early "
            "endocrine resistance, so endocrine-based regimens come after chemotherapy and ADCs.",
            trials=spec.key_trials,
        )
    elif kinds.is_cytotoxic(spec):
        yield Effect(
            code="short_cdk46i_prefers_chemotherapy_or_adc",
            delta=ctx.weights.short_cytotoxic,
            text=f"Only {months} months on the CDK4/6 inhibitor (under {limit}): the review "
            "prefers chemotherapy and ADCs.",
            trials=spec.key_trials,
        )


# rule 19: no CDK4/6-inhibitor resistance yet: a CDK4/6 inhibitor with endocrine therapy first
@rule(
    19,
    "No CDK4/6-inhibitor resistance yet: a CDK4/6 inhibitor with endocrine therapy first",
    H,
    condition="No CDK4/6 inhibitor on record, or every course stopped for toxicity, by choice "
    "or as planned (not for progression).",
    effect="CDK4/6 inhibitor + fulvestrant regimens gain enough to be preferred; endocrine "
    "regimens without a CDK4/6 inhibitor step back.",
    codes=("cdk46i_naive_first", "cdk46i_first"),
    trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2"),
    references=CDK46I_NAIVE_REFERENCES,
    regimens=kinds.is_endocrine_based,
)
def cdk46i_first(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.cdk46i_resistant or not kinds.is_endocrine_based(spec):
        return
    why = (
        "No CDK4/6 inhibitor on record"
        if not i.had_cdk46i
        else "The CDK4/6 inhibitor was not stopped for progression, so the disease is not known "
        "to be resistant"
    )
    w = ctx.weights
    if kinds.has_cdk46i(spec) and DrugClass.SERD in kinds.classes(spec):
        trials = (
            "with fulvestrant after an aromatase inhibitor it doubled median PFS"
            if i.had_aromatase_inhibitor
            else "its fulvestrant trials enrolled after an aromatase inhibitor, and no aromatase "
            "inhibitor is on record (its first-line trials paired it with one, a regimen "
            "this table does not hold)"
        )
        yield Effect(
            code="cdk46i_naive_first",
            delta=w.cdk46i_naive_first,
            text=f"{why}: a CDK4/6 inhibitor with endocrine therapy is the preferred option "
            f"without visceral crisis; {trials}.",
            trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2"),
            references=CDK46I_NAIVE_REFERENCES,
        )
    elif not kinds.has_cdk46i(spec):
        yield Effect(
            code="cdk46i_first",
            delta=w.cdk46i_first_penalty,
            text=f"{why}: a CDK4/6 inhibitor with endocrine therapy comes before endocrine "
            "therapy without it; this regimen's evidence is after a CDK4/6 inhibitor.",
            references=CDK46I_NAIVE_REFERENCES,
        )


# rule 22: endocrine resistance: chemotherapy and ADCs after two endocrine lines
@rule(
    22,
    "Endocrine resistance: chemotherapy and ADCs after two endocrine lines",
    H,
    condition="Progression on two or more endocrine-based lines that followed the CDK4/6 "
    "inhibitor, and no further target for an endocrine-based option (an ESR1 mutation with no "
    "oral SERD given, a PI3K-pathway alteration with no PI3K/AKT inhibitor given).",
    effect="As for a short CDK4/6 inhibitor: chemotherapy and ADCs come first (the review's "
    "Discussion: without a further target, chemotherapy and ADCs).",
    codes=("endocrine_resistance_endocrine", "endocrine_resistance_prefers_chemotherapy_or_adc"),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def endocrine_resistance(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.endocrine_lines_after_cdk46i < ENDOCRINE_RESISTANCE_LINES or i.further_endocrine_target:
        return
    n = i.endocrine_lines_after_cdk46i
    if i.had_endocrine_target:
        targets = "the targets found (ESR1, PI3K pathway) already acted on"
    elif i.targets_untested:
        targets = (
            "no target known (ESR1 or the PI3K pathway not tested since the latest progression:"
            " the tests before choosing may find one)"
        )
    else:
        targets = "no further target"
    if kinds.is_endocrine_based(spec):
        yield Effect(
            code="endocrine_resistance_endocrine",
            delta=ctx.weights.endocrine_resistance_endocrine,
            leads=True,
            text=f"Progressed on {n} endocrine-based lines after the CDK4/6 inhibitor, with "
            f"{targets}: endocrine resistance, so endocrine-based regimens come after "
            "chemotherapy and ADCs.",
            trials=spec.key_trials,
        )
    elif kinds.is_cytotoxic(spec):
        yield Effect(
            code="endocrine_resistance_prefers_chemotherapy_or_adc",
            delta=ctx.weights.endocrine_resistance_cytotoxic,
            leads=True,
            text=f"Progressed on {n} endocrine-based lines after the CDK4/6 inhibitor, with "
            f"{targets}: the review turns to chemotherapy and ADCs.",
            trials=spec.key_trials,
        )


# rule 23: a CDK4/6 inhibitor stopped for toxicity is not resistance
@rule(
    23,
    "A CDK4/6 inhibitor stopped for toxicity is not resistance",
    H,
    condition="A CDK4/6-inhibitor course stopped for toxicity, and no progression on that drug; "
    "its cautions, after any CDK4/6-inhibitor course stopped for toxicity.",
    effect="Another CDK4/6 inhibitor gains (switching first); the same drug steps back (at best "
    "an alternative) and carries a caution naming the earlier toxicity (a caution too where "
    "the drug also progressed); another drug whose label warns of the same adverse event "
    "(neutropenia, hepatotoxicity) carries a caution.",
    codes=("switch_cdk46i_after_toxicity", "cdk46i_toxicity_rechallenge", "cdk46i_class_toxicity"),
    regimens=kinds.has_cdk46i,
)
def cdk46i_toxicity(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not (i.cdk46i_toxicity or i.toxicity_events) or not kinds.has_cdk46i(spec):
        return
    drugs = _cdk46i(spec)
    yield from _rechallenge(i, drugs)
    yield from _class_toxicity(i, drugs)  # after any course stopped for toxicity
    if not i.cdk46i_toxicity:
        return
    same = sorted(set(drugs) & i.cdk46i_toxicity)
    earlier = ", ".join(sorted(i.cdk46i_toxicity))
    if same:
        yield Effect(
            code="cdk46i_toxicity_rechallenge",
            delta=ctx.weights.same_drug,
            ceiling=1,  # a switch to another CDK4/6 inhibitor comes first
            text=f"{', '.join(same)} was stopped for toxicity before: another CDK4/6 inhibitor "
            "comes first.",
            trials=spec.key_trials,
        )
    elif not i.cdk46i_resistant & set(drugs):
        yield Effect(
            code="switch_cdk46i_after_toxicity",
            delta=ctx.weights.switch_after_toxicity,
            text=f"{earlier} was stopped for toxicity, not progression: switching to another "
            "CDK4/6 inhibitor keeps the CDK4/6-inhibitor benefit.",
            trials=spec.key_trials,
            references=CDK46I_NAIVE_REFERENCES,
        )


def _rechallenge(i: HistoryInputs, drugs: tuple[str, ...]) -> Iterator[Effect]:
    """One caution for the regimen's CDK4/6 inhibitors that were stopped for toxicity before
    (whether or not they also progressed), naming every adverse event on record for each."""
    stopped = sorted(({d for d, _ in i.toxicity_events} | i.cdk46i_toxicity) & set(drugs))
    if not stopped:
        return
    events = {d: " and ".join(sorted(e for x, e in i.toxicity_events if x == d)) for d in stopped}
    what = "; ".join(f"{d} for {events[d]}" for d in stopped if events[d])
    yield Effect(
        code="cdk46i_toxicity_rechallenge",
        caution=True,
        text=f"{', '.join(stopped)} was stopped for toxicity before"
        + (f" ({what})" if what else "")
        + ": a rechallenge needs the earlier adverse event weighed (dose reduction or "
        "another CDK4/6 inhibitor).",
    )


def _class_toxicity(i: HistoryInputs, drugs: tuple[str, ...]) -> Iterator[Effect]:
    """Another CDK4/6 inhibitor whose label warns of the adverse event that stopped one."""
    for before, event in sorted(i.toxicity_events):
        shared = [d for d in drugs if d != before and d in CLASS_TOXICITIES.get(event, ())]
        if shared:
            yield Effect(
                code="cdk46i_class_toxicity",
                caution=True,
                text=f"{before} was stopped for {event}: {', '.join(shared)} can cause it "
                "too (its label; not in the review); monitor for it.",
            )
