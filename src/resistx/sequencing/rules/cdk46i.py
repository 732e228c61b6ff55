"""Factor 3, continued: a CDK4/6 inhibitor after one, on progression (rule 8) or after a stop
for toxicity (rule 23)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.maintain import SINCE
from resistx.sequencing.rule import Context, Effect, left_out, rule
from resistx.sequencing.rules.cdk46i_toxicity import class_toxicity, never_again, rechallenge
from resistx.sequencing.rules.class_cautions import class_readings
from resistx.sequencing.rules.first_line import CDK46I_NAIVE_REFERENCES
from resistx.sequencing.rules.rechallenge import (
    DOSE_MANAGED,
    SCAR,
    dose_managed,
    event_before,
    not_stopped,
    scar_left_out,
)
from resistx.vocab.drugs import drug_class

H = Factor.HISTORY


def _cdk46i(spec: RegimenSpec) -> tuple[str, ...]:
    return tuple(d for d in spec.drugs if drug_class(d) is DrugClass.CDK46_INHIBITOR)


# rule 8: cDK4/6 inhibitor after a CDK4/6 inhibitor
@rule(
    8,
    "CDK4/6 inhibitor after a CDK4/6 inhibitor",
    H,
    condition="Progression on palbociclib; on another CDK4/6 inhibitor (palbociclib with "
    "fulvestrant); or on two CDK4/6 inhibitors.",
    effect="Switching to ribociclib with fulvestrant (MAINTAIN's palbociclib-pretreated "
    "result) or to abemaciclib (a retrospective cohort) gains; continuing palbociclib with "
    "fulvestrant is excluded (PACE, negative_trial); after progression on another CDK4/6 "
    "inhibitor it is at best a later option, on PACE's result, after the options with evidence "
    "in that tier (case 648). After ribociclib or abemaciclib "
    "the "
    "evidence for a switch is weaker (efficacy, rule 16). After two or more chemotherapy lines, "
    "or after progression on fulvestrant (MAINTAIN gave those patients exemestane), "
    "ribociclib with fulvestrant is outside MAINTAIN's population: no gain, at "
    "best a later option; so it is after an endocrine line that progressed since the CDK4/6 "
    "inhibitor, or chemotherapy given since it (MAINTAIN enrolled at progression on it; "
    "recheck of case 718); ribociclib with exemestane is then the "
    "switch, and is outside "
    "MAINTAIN's population after progression on exemestane (its patients then had "
    "fulvestrant); where neither partner was given it gains nothing (MAINTAIN encouraged "
    "fulvestrant). After progression on two CDK4/6 inhibitors a third steps back, at "
    "best a later option: the switch evidence is after one.",
    codes=(
        "switch_cdk46i_after_palbociclib",
        "negative_trial",
        "pace_after_another_cdk46i",
        "outside_maintain_population",
        "maintain_fulvestrant_encouraged",
        "third_cdk46i",
    ),
    trials=("MAINTAIN", "PACE", "retrospective-ref35"),
    references=(35, 36, 37),
    regimens=kinds.has_cdk46i,
)
def cdk46i_switch(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.has_cdk46i(spec) or kinds.is_trial(spec):
        return  # a trial's own eligibility and question, not PACE's or MAINTAIN's
    drugs = _cdk46i(spec)
    if len(i.cdk46i_resistant) >= 2 and not set(drugs) <= i.cdk46i_resistant:
        yield Effect(
            code="third_cdk46i",
            delta=ctx.weights.same_class,
            ceiling=2,
            text=f"Progressed on {' and '.join(sorted(i.cdk46i_resistant))}: the review's "
            "evidence for switching CDK4/6 inhibitors (MAINTAIN, a randomised phase II trial, and "
            "a retrospective cohort) is "
            "after one; for a third it has none.",
            trials=("MAINTAIN", "retrospective-ref35"),
        )
        return
    with_fulvestrant = DrugClass.SERD in kinds.classes(spec)
    if drugs == ("palbociclib",) and with_fulvestrant and not i.cdk46i_resistant & {"palbociclib"}:
        yield from _pace_after_another(i, ctx)
    if "palbociclib" not in i.cdk46i_resistant or set(drugs) & (
        i.cdk46i_resistant - {"palbociclib"}
    ):
        return  # its own CDK4/6 inhibitor progressed before: no switch (rule 11 speaks)
    if drugs == ("palbociclib",) and with_fulvestrant:
        yield left_out(
            ExclusionCode.NEGATIVE_TRIAL,
            text="Continuing palbociclib with fulvestrant after palbociclib did not improve PFS "
            "in PACE.",
            trials=("PACE",),
        )
    elif drugs == ("ribociclib",) and with_fulvestrant:
        yield _maintain_switch(i, "fulvestrant", ctx)
    elif set(spec.drugs) == {"ribociclib", "exemestane"}:
        yield _maintain_switch(i, "exemestane", ctx)
    elif drugs == ("abemaciclib",) and len(spec.drugs) == 1:  # palbociclib the only one (above)
        yield Effect(
            code="switch_cdk46i_after_palbociclib",
            delta=ctx.weights.abemaciclib_after_palbociclib,
            text="After palbociclib, switching to abemaciclib is an option: a multicentre cohort "
            "reports it after palbociclib, without a randomised comparison.",
            trials=("retrospective-ref35",),
        )


def _maintain_switch(i: HistoryInputs, partner: str, ctx: Context) -> Effect:
    """Ribociclib with ``partner`` (fulvestrant or exemestane) after palbociclib: MAINTAIN's
    switch, where its population holds: at most one chemotherapy line, and the partner its
    design gave (Kalinsky et al., J Clin Oncol 2023: exemestane after fulvestrant, fulvestrant
    after exemestane, otherwise the investigator's choice with fulvestrant encouraged)."""
    given = "exemestane" if partner == "fulvestrant" else "fulvestrant"
    since = i.endocrine_lines_after_cdk46i
    why = dict(i.outside_maintain).get(partner)
    outside = {
        "lines": f"{_cytotoxic_lines(i)}: MAINTAIN enrolled patients with at most one "
        "chemotherapy line (an ADC's payload is cytotoxic too)",
        "since": f"{since or 'An'} endocrine line{'s' * (since > 1)} {SINCE[bool(since)]} since "
        "the CDK4/6 inhibitor: MAINTAIN enrolled patients at progression on the CDK4/6 inhibitor",
        "chemotherapy_since": "Chemotherapy, an ADC or a PARP inhibitor since the CDK4/6 "
        "inhibitor: MAINTAIN enrolled patients at progression on the CDK4/6 inhibitor",
        "partner": f"Progressed on {partner}: MAINTAIN gave its patients treated with {partner} "
        f"before {given}, not {partner}, with ribociclib (Kalinsky et al., J Clin Oncol 2023; "
        "the review lists fulvestrant or exemestane)",
    }.get(why or "")
    if outside is not None:
        return Effect(
            code="outside_maintain_population",
            ceiling=2,
            text=f"{outside}, so the review has no evidence for switching to ribociclib with "
            f"{partner} here.",
            trials=("MAINTAIN",),
        )
    if partner == "exemestane" and "fulvestrant" not in i.progressed_drugs:
        return Effect(
            code="maintain_fulvestrant_encouraged",
            text="Not treated with fulvestrant or exemestane before: MAINTAIN left the partner "
            "to the investigator and encouraged fulvestrant, which most of its patients received "
            "(Kalinsky et al., J Clin Oncol 2023, not in the review): ribociclib goes with "
            "fulvestrant first.",
            trials=("MAINTAIN",),
        )
    return Effect(
        code="switch_cdk46i_after_palbociclib",
        delta=ctx.weights.switch_after_palbociclib,
        text=f"After palbociclib, switching to ribociclib with {partner} is an option: "
        "MAINTAIN enrolled mostly palbociclib-pretreated patients"
        + (
            ", and gave exemestane to those treated with fulvestrant before."
            if partner == "exemestane"
            else "."
        ),
        trials=("MAINTAIN",),
    )


def _cytotoxic_lines(i: HistoryInputs) -> str:
    """'2 prior chemotherapy lines', or '1 chemotherapy line and 1 ADC line' before this one."""
    if not i.adc_lines:
        return f"{i.chemo_lines} prior chemotherapy lines"
    chemo = f"{i.chemo_lines} chemotherapy line{'s' if i.chemo_lines != 1 else ''}"
    return f"{chemo} and {i.adc_lines} ADC line{'s' if i.adc_lines != 1 else ''} before this one"


def _pace_after_another(i: HistoryInputs, ctx: Context) -> Iterator[Effect]:
    """Palbociclib with fulvestrant after progression on another CDK4/6 inhibitor: PACE, the
    review's only trial of it after one, found no gain (most of its patients had palbociclib)."""
    if not i.cdk46i_resistant:
        return
    yield Effect(
        code="pace_after_another_cdk46i",
        delta=ctx.weights.no_gain_over_backbone,
        ceiling=2,
        text=f"Progressed on {' and '.join(sorted(i.cdk46i_resistant))}: in PACE, after "
        "progression on an aromatase inhibitor with a CDK4/6 inhibitor (most patients on "
        "palbociclib), palbociclib with fulvestrant did not improve PFS over fulvestrant alone, "
        "and the review has no other evidence for it after another CDK4/6 inhibitor.",
        trials=("PACE",),
        references=(37,),
    )


# rule 23: a CDK4/6 inhibitor stopped for toxicity is not resistance
@rule(
    23,
    "A CDK4/6 inhibitor stopped for toxicity is not resistance",
    H,
    condition="A CDK4/6-inhibitor course stopped for toxicity, and no progression on that drug; "
    "its cautions, after any CDK4/6-inhibitor course stopped for toxicity.",
    effect="Another CDK4/6 inhibitor gains (switching first) while no CDK4/6 inhibitor has been "
    "progressed on; the same drug steps back (at best a later option) and carries a caution naming the earlier toxicity (a caution too where "
    "the drug also progressed); another drug whose label warns of the same adverse event "
    "(neutropenia, hepatotoxicity) carries a caution; after pneumonitis or interstitial lung "
    "disease it asks how severe it was, at best an alternative until known (case 535), "
    "with a grade 3 or worse on record the drug that caused it is left out and another comes "
    "after every option without that risk (6230); "
    "after liver toxicity on ribociclib or abemaciclib (labels: stopped for good after a severe "
    "injury, a grade no profile records) it comes after every option without that risk (1073); "
    "after a severe cutaneous adverse reaction on it, it is left out (case 1808), and "
    "ribociclib, whose label warns of one, carries a caution (7921e).",
    codes=("switch_cdk46i_after_toxicity", "cdk46i_toxicity_rechallenge", "cdk46i_class_toxicity"),
    regimens=kinds.has_cdk46i,
)
def cdk46i_toxicity(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not (i.cdk46i_toxicity or i.toxicity_events) or not kinds.has_cdk46i(spec):
        return
    drugs = _cdk46i(spec)
    if (out := never_again(i, drugs, spec.key_trials)) is not None:  # cases 1808, 6230
        yield out
        return
    yield from rechallenge(i, drugs, spec.key_trials)
    yield from class_toxicity(i, drugs, spec.key_trials)  # after any stopped for toxicity
    if not i.cdk46i_toxicity:
        return
    same = sorted(set(drugs) & i.cdk46i_toxicity)
    earlier = ", ".join(sorted(i.cdk46i_toxicity))
    if same:
        yield Effect(
            code="cdk46i_toxicity_rechallenge",
            delta=ctx.weights.same_drug,
            ceiling=2,  # after the switch to another CDK4/6 inhibitor and every other option
            text=f"{', '.join(same)} was stopped for toxicity before: "
            + (
                "at best a later option."  # the other progressed: none comes first (case 1073)
                if i.cdk46i_resistant
                else "another CDK4/6 inhibitor comes first."
            ),
            trials=spec.key_trials,
        )
    elif not i.cdk46i_resistant:  # once one has progressed, the disease is resistant
        yield Effect(
            code="switch_cdk46i_after_toxicity",
            delta=ctx.weights.switch_after_toxicity,
            text=f"{earlier} was stopped for toxicity, not progression: switching to another "
            "CDK4/6 inhibitor keeps the CDK4/6-inhibitor benefit.",
            trials=spec.key_trials,
            references=CDK46I_NAIVE_REFERENCES,
        )


# rule 61: another drug stopped for its toxicity, offered again
@rule(
    61,
    "Another drug stopped for its toxicity, offered again",
    H,
    condition="A course stopped for an adverse event, and a regimen with one of its drugs "
    "other than a CDK4/6 inhibitor (rule 23 covers those).",
    effect="A caution naming the drug and the adverse event; the regimen steps back, at best a "
    "later option (as the same CDK4/6 inhibitor does under rule 23). A PI3K, AKT or mTOR "
    "inhibitor stopped for hyperglycaemia does the same for the PI3K and AKT inhibitors, whose "
    "labels all warn of it (case 935), and gives everolimus a caution (case 1232). An event its "
    "label manages by dose (the neutropenia of sacituzumab govitecan or trastuzumab "
    "deruxtecan) is a caution alone (case 1235); a febrile neutropenia (or on sacituzumab "
    "govitecan an infection), a caution and at best an alternative (cases 1790, 8025). A severe cutaneous adverse reaction (Stevens-Johnson syndrome, toxic "
    "epidermal necrolysis, DRESS, erythema multiforme) leaves the drug out, and on a PI3K or "
    "AKT inhibitor puts the others after every option without that risk (case 1675a), with a "
    "caution; a rash that stopped one cautions the others (cases 1533, 1606).",
    codes=(
        "stopped_for_toxicity_before",
        "same_drug_after_toxicity",
        "pathway_inhibitor_after_hyperglycaemia",
        "pathway_inhibitor_after_skin_reaction",
        "parp_inhibitor_after_cytopenia",
        "contraindicated",
    ),
)
def other_toxicity(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    stops = sorted((d, e) for d, e in i.other_toxicity_stops if d in spec.drugs)
    if not stops:
        yield from class_readings(i, spec, ctx.weights.toxicity_again)
        return
    said = "; ".join(f"{d} for {e}" for d, e in stops)
    arose = not_stopped(stops, i.toxicity_arose)  # cases 7921e, 7922b
    if any(e == SCAR for _d, e in stops):  # case 1533: never given again
        yield scar_left_out(said, spec.key_trials, arose=arose)
        return
    if all(stop in DOSE_MANAGED for stop in stops):  # case 1235
        yield from dose_managed(said, stops, spec, arose=arose)
        return
    yield Effect(
        code="stopped_for_toxicity_before",
        caution=True,
        text=f"{event_before(said, arose)}. Weigh giving it again against that history (dose, "
        "prevention, monitoring).",
    )
    yield Effect(
        code="same_drug_after_toxicity",
        delta=ctx.weights.toxicity_again,
        ceiling=2,
        text=f"{event_before(said, arose)}: giving it again is at best a later option.",
        trials=spec.key_trials,
    )
