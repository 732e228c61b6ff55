"""Factor 4, the patient's own weighing: a route of administration she or he declines (rule
110; case 1000), a kind of treatment (rule 128; case 1696), and a refusal of chemotherapy that
may cover the ADCs (rules 148 and 149; case 3727)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resistx.model.enums import ExclusionCode, Factor, RegimenKind, Route
from resistx.model.profile import Preferences
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.declines import kinds_given
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, left_out, rule

B = Factor.BALANCE
#: how a regimen is given, by route
_GIVEN = {
    Route.ORAL: "by mouth",
    Route.INTRAMUSCULAR: "by intramuscular injection",
    Route.INTRAVENOUS: "intravenously",
}


def _routes_known(spec: RegimenSpec) -> bool:
    """A route of the regimen is known (the table's, or for a trial its drugs')."""
    return bool(spec.routes)


# rule 110: a route the patient declines
@rule(
    110,
    "A route of administration the patient declines: left out",
    B,
    condition="The preferences name a route the patient declines (declines: intravenous, "
    "intramuscular or oral), and the regimen is given by it: a combination by any of its "
    "parts' routes; chemotherapy, whose agents are given by vein or by mouth, only when every "
    "route of them is declined (case 1000).",
    effect="Left out (declined), the reason naming the route and how the regimen is given, so "
    "that the choice can be revisited with the patient; chemotherapy with agents left by "
    "another route: said, and ranked as before, except chemotherapy by mouth only where "
    "capecitabine, the review's agent by mouth, is held back on record (a creatinine clearance "
    "below 30 mL/min, DPD deficiency: their labels; a progression on it, its stop for toxicity: "
    "the recheck's 7300j, 7300k): at best an alternative in a visceral crisis (rule 7), else "
    "a later option after those by mouth, its reason saying so (cases 7290r, 7290d, 9915, "
    "9959). The review's fourth factor weighs the burden of treatment and the patient's "
    "wishes; a refused route is the plainest case of them. A trial option's routes are those "
    "its drugs are known to be given by (their class: case 1181); a route unknown: not judged.",
    codes=("declined", "declined_route_other_agents", "declined_route_no_standard_agent"),
    regimens=_routes_known,
)
def declined_route(i: BalanceInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    declined = [r.value for r in spec.routes if r in i.declines]
    if not declined:
        return
    refused = f"The patient declines {' and '.join(declined)} treatment (the preferences)"
    left = [r.value for r in spec.routes if r not in i.declines]
    if kinds.is_chemotherapy(spec) and left:
        held = i.capecitabine_held_back if left == ["oral"] else ""
        if held:  # 7290r, 7290d: the agent by mouth is held back too
            crisis = i.visceral_crisis  # rule 7 puts it first: the crisis's alternative at best
            yield Effect(
                code="declined_route_no_standard_agent",
                ceiling=1 if crisis else 2,  # no lift by rule 4's floor either (9915)
                delta=0.0 if crisis else ctx.weights.no_standard_agent,  # 9959
                text=f"{refused}: chemotherapy by mouth only, and capecitabine, the review's "
                f"main agent by mouth, is held back by {held}: of the review's other agents "
                "only vinorelbine has a form by mouth, where licensed; at best "
                f"{'an alternative' if crisis else 'a later option'} until the refusal is "
                "revisited with the patient.",
                trials=spec.key_trials,
            )
            return
        yield Effect(
            code="declined_route_other_agents",
            text=f"{refused}: chemotherapy by its {' and '.join(left)} agents only.",
            trials=spec.key_trials,
        )
        return
    *first, last = [_GIVEN[r] for r in spec.routes]
    given = f"{', '.join(first)} and {last}" if first else last
    yield left_out(
        ExclusionCode.DECLINED,
        f"{refused}: {spec.name} is given {given}; left out, to be revisited with the patient "
        "if that changes.",
    )


#: how rule 128 names a kind of regimen the patient declines
KIND_NAMES = {
    RegimenKind.ENDOCRINE_MONOTHERAPY: "endocrine monotherapy",
    RegimenKind.ENDOCRINE_COMBINATION: "endocrine combinations",
    RegimenKind.TARGETED_ENDOCRINE: "targeted drugs with endocrine therapy",
    RegimenKind.CDK46I_BASED: "CDK4/6 inhibitors",
    RegimenKind.PARP_INHIBITOR: "PARP inhibitors",
    RegimenKind.CHEMOTHERAPY: "chemotherapy",
    RegimenKind.ADC: "antibody-drug conjugates",
    RegimenKind.TRIAL: "clinical trials",
}


def declined_kinds(kinds_declined: Iterable[RegimenKind]) -> str:
    """The kinds declined, named in the order of ``KIND_NAMES``: 'chemotherapy and
    antibody-drug conjugates'."""
    named = [name for k, name in KIND_NAMES.items() if k in kinds_declined]
    return f"{', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else "".join(named)


# rule 128: a kind of treatment the patient declines
@rule(
    128,
    "A kind of treatment the patient declines: left out",
    B,
    condition="The preferences name a kind of regimen the patient declines (declines_kinds: "
    "chemotherapy, adc, and the table's other kinds), after an informed discussion, and the "
    "regimen is of that kind (case 1696), or its drugs give it (a trial's, 7936; a targeted drug "
    "with endocrine therapy beside a CDK4/6 inhibitor, 8050).",
    effect="Left out (declined), the reason naming what is declined, so that the choice can be "
    "revisited with the patient; what is left is ranked as the evidence stands for it, and a "
    "note says the refusal, not the evidence, left it first. The review's fourth factor weighs "
    "quality of life and the patient's wishes; the clinician records the refusal, the plan does "
    "not argue it.",
    codes=("declined",),
)
def declined_kind(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if declined := [k for k in kinds_given(spec) if k in i.declines_kinds]:  # a trial's (7936)
        yield left_out(
            ExclusionCode.DECLINED,
            f"The patient declines {declined_kinds(declined)} (the preferences): "
            f"{spec.name} is left out, to be revisited with the patient if that changes.",
        )


def declined_by(prefs: Preferences, spec: RegimenSpec) -> str:
    """What the patient declines that leaves ``spec`` out (route or kind), or "" (nothing)."""
    routes = [r.value for r in spec.routes if r in prefs.declines]
    if routes:
        return f"{' and '.join(routes)} treatment"
    return declined_kinds((spec.kind,)) if spec.kind in prefs.declines_kinds else ""


def _adc(spec: RegimenSpec) -> bool:
    """An antibody-drug conjugate: rule 148 concerns it."""
    return spec.kind is RegimenKind.ADC


def _refusal_unclear(declined: Iterable[RegimenKind], accepted: Iterable[RegimenKind]) -> bool:
    """Chemotherapy declined, and the ADCs neither declined nor said to be accepted."""
    declined = set(declined)
    return RegimenKind.CHEMOTHERAPY in declined and RegimenKind.ADC not in {*declined, *accepted}


# rule 148: a refusal of chemotherapy that may cover the ADCs
@rule(
    148,
    "A refusal of chemotherapy that may cover the ADCs: they come after the options accepted",
    B,
    condition="The preferences decline chemotherapy and neither decline nor accept the "
    "antibody-drug conjugates (declines_kinds, accepts_kinds), and the regimen is an ADC (case "
    "3727: sacituzumab govitecan came first for a patient who declines chemotherapy).",
    effect="A reason: an ADC is an antibody bound to a cytotoxic drug, its payload (the review, "
    "ADCs section), so whether the refusal covers it is the patient's to say; until asked "
    "(rule 149), it comes after the options of its tier the patient accepts, whatever the "
    "scores, its tier unchanged (the orderings before the tiers still apply); in a visceral "
    "crisis it keeps its place (the recheck, 4225c). Declining 'adc' too leaves it out (rule "
    "128); accepting it (accepts_kinds) ranks it as the evidence stands for it.",
    codes=("adc_refusal_unclear",),
    regimens=_adc,
)
def adc_refusal_unclear(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not _refusal_unclear(i.declines_kinds, i.accepts_kinds):
        return
    said = (
        f"The patient declines chemotherapy, and {spec.name} carries a cytotoxic drug as its "
        "payload (the review): ask whether the refusal covers it"
    )
    crisis = i.visceral_crisis  # the recheck, 4225c: in a crisis, what answers it keeps its place
    yield Effect(
        code="adc_refusal_unclear",
        text=f"{said}; in a visceral crisis it keeps its place, before the options that do not "
        "answer a crisis."
        if crisis
        else f"{said}; until then, within its tier, it comes after the options the patient "
        "accepts (the orderings before the tiers, such as a poor performance status's, still "
        "apply).",
        demote=None if crisis else Precedence.REFUSAL_UNCLEAR,
        references=(52,),  # the review's source for the ADCs' cytotoxic payload
    )


# rule 149: ask whether a refusal of chemotherapy covers the ADCs
@rule(
    149,
    "A refusal of chemotherapy that may cover the ADCs: ask before choosing",
    None,
    condition="The preferences decline chemotherapy and neither decline nor accept the "
    "antibody-drug conjugates (declines_kinds, accepts_kinds; case 3727), nor intravenous "
    "treatment, which leaves them out (4222r); and the plan ranks an ADC (not where each is "
    "left out for another reason: session 57).",
    effect="An action before choosing: ask the patient whether the refusal of chemotherapy "
    "covers the ADCs, whose payloads are cytotoxic drugs (the review). A refusal that covers "
    "them is recorded by declining 'adc' too, an answer that accepts them by accepts_kinds "
    "['adc']; until then rule 148 keeps them after the options of their tier the patient "
    "accepts.",
    codes=("ask_adc_refusal",),
)
def ask_adc_refusal(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    prefs = facts.preferences
    if _refusal_unclear(prefs.declines_kinds, prefs.accepts_kinds) and (
        Route.INTRAVENOUS not in prefs.declines
    ):
        yield PlanEffect(
            code="ask_adc_refusal",
            first=True,
            text="The patient declines chemotherapy: ask whether that covers the antibody-drug "
            "conjugates, each an antibody bound to a cytotoxic drug (the review); until asked, "
            "each comes after the options of its tier the patient accepts (declining 'adc' too "
            "leaves them out; accepts_kinds ['adc'] ranks them as the evidence stands).",
            kinds=frozenset({RegimenKind.ADC}),
        )


def declined_notes(prefs: Preferences) -> list[str]:
    """The plan's notes on what the patient declines (rules 110, 128)."""
    out = []
    if prefs.declines:
        routes = " or ".join(r.value for r in prefs.declines)
        out.append(
            f"Preferences: the patient declines {routes} treatment; a regimen given so is left "
            "out, and chemotherapy keeps its agents given otherwise (rule 110). The options left "
            "keep the tiers the evidence gives them beside what is declined: where a declined "
            "option would have come first, the refusal, not the evidence, put them first."
        )
    if prefs.accepts_kinds:
        out.append(
            f"Preferences: the patient accepts {declined_kinds(prefs.accepts_kinds)} "
            "(accepts_kinds), asked whether the refusal of chemotherapy covers them: that "
            "refusal does not set them after the options accepted, and nothing is asked (rules "
            "148, 149)."
        )
    if prefs.declines_transfusion:
        out.append(
            "Preferences: the patient declines blood transfusion; the options that can cause "
            "anaemia are cautioned (rule 131), their order unchanged."
        )
    if prefs.declines_kinds:
        out.append(
            f"Preferences: the patient declines {declined_kinds(prefs.declines_kinds)}; a "
            "regimen of those kinds is left out (rule 128). The options left are ranked as the "
            "evidence stands for them, and their tiers say how they stand beside what is "
            "declined: where a declined option would have come first, the refusal, not the "
            "evidence, put them first."
        )
    return out


#: the kinds of regimen whose drugs can cause anaemia (their labels): rule 131
_ANAEMIA = frozenset(
    {
        RegimenKind.CHEMOTHERAPY,
        RegimenKind.ADC,
        RegimenKind.PARP_INHIBITOR,
        RegimenKind.CDK46I_BASED,
    }
)


def _anaemia(spec: RegimenSpec) -> bool:
    """A regimen that can cause anaemia: of those kinds, or with everolimus (BOLERO-2's grade
    3-4 anaemia; its label's myelosuppression: case 1783)."""
    return spec.kind in _ANAEMIA or kinds.has_everolimus(spec)


# rule 131: the patient declines blood transfusion
@rule(
    131,
    "Blood transfusion declined: the options that can cause anaemia cautioned",
    B,
    condition="The preferences say the patient declines blood transfusion "
    "(declines_transfusion; case 1776: a Jehovah's Witness), and the regimen is chemotherapy, "
    "an ADC, a PARP inhibitor, CDK4/6-inhibitor-based or with everolimus (case 1783).",
    effect="A caution: the regimen can cause anaemia (its label; not in the review), to be "
    "planned for without transfusion, with a haematology view before starting; in a crisis "
    "chemotherapy's caution says it is given without transfusion (rule 111). The order is not "
    "changed: the sources give no comparison of the options' anaemia for such a patient.",
    codes=("transfusion_declined",),
    regimens=_anaemia,
)
def transfusion_declined(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.declines_transfusion and _anaemia(spec):
        yield Effect(
            code="transfusion_declined",
            caution=True,
            text=f"The patient declines blood transfusion (the preferences): {spec.name} can "
            "cause anaemia (its label; not in the review): plan for it without transfusion "
            "(iron, an erythropoiesis-stimulating agent where suitable, counts watched), with "
            "a haematology view before starting.",
        )
