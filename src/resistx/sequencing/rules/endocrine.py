"""Factor 3, continued: what the course on the CDK4/6 inhibitor and the endocrine lines after
it say (rules 18, 19, 22; a CDK4/6 inhibitor after one, rules 8 and 23: ``cdk46i``)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import ENDOCRINE_RESISTANCE_LINES
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, left_out, num, rule
from resistx.sequencing.rules.drug_classes import endocrine_cytotoxic_or_trial, endocrine_trial
from resistx.sequencing.rules.first_line import (
    CDK46I_NAIVE_REFERENCES,
    FIRST_LINE_FIGURES,
    FIRST_LINE_REFERENCES,
    FIRST_LINE_TRIALS,
    after_endocrine_line,
    after_other_endocrine,
    ai_end_unknown,
    exemestane_after_ai_resistance,
    fulvestrant_trials,
    not_resistant,
)
from resistx.sequencing.slot_marks import CDK46I_MONTHS, slot
from resistx.sequencing.weights import Weights
from resistx.vocab.drugs import NONSTEROIDAL_AROMATASE_INHIBITORS

H = Factor.HISTORY
_CDK46I_AND_AI = {DrugClass.CDK46_INHIBITOR, DrugClass.AROMATASE_INHIBITOR}


# rule 18: short time on the CDK4/6 inhibitor: chemotherapy and ADCs
@rule(
    18,
    "Short time on the CDK4/6 inhibitor: chemotherapy and ADCs",
    H,
    condition="Less than short_cdk46i_months on the longest CDK4/6-inhibitor course that ended "
    "in progression (a course stopped for toxicity does not measure response). The other half "
    "of the contract's rule 6.",
    effect="Endocrine-based regimens, and trials of an endocrine drug (case 933), lose more "
    "than a biomarker match is worth; chemotherapy and ADCs gain.",
    codes=("short_cdk46i_endocrine_resistance", "short_cdk46i_prefers_chemotherapy_or_adc"),
    regimens=endocrine_cytotoxic_or_trial,
)
def short_cdk46i(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not i.short_cdk46i:
        return
    months = slot(CDK46I_MONTHS)  # each plan writes its patient's months in
    limit = num(i.short_limit)
    if kinds.is_endocrine_based(spec) or endocrine_trial(spec):
        yield Effect(
            code="short_cdk46i_endocrine_resistance",
            delta=ctx.weights.short_endocrine,
            text=f"Only {months} months on the CDK4/6 inhibitor (under {limit}): early "
            "endocrine resistance, so endocrine-based regimens come after chemotherapy and any "
            "ADC open at this line.",  # not one before its trial's lines (10052, 10129; rule 4)
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


def _monaleesa7(delta: float) -> Effect:
    """Before the menopause, first-line ribociclib with an aromatase inhibitor (case 566)."""
    return Effect(
        code="monaleesa7_premenopausal",
        delta=delta,
        text="Before the menopause: the first-line trials the review names enrolled "
        "postmenopausal women; MONALEESA-7, which enrolled pre- and perimenopausal women with "
        "goserelin, gave ribociclib an overall survival gain (Im et al., N Engl J Med 2019; not "
        "in the review): ribociclib comes first among them, with a GnRH agonist.",
        trials=FIRST_LINE_TRIALS,
        references=FIRST_LINE_REFERENCES,
    )


# rule 19: no CDK4/6-inhibitor resistance yet: a CDK4/6 inhibitor with endocrine therapy first
@rule(
    19,
    "No CDK4/6-inhibitor resistance yet: a CDK4/6 inhibitor with endocrine therapy first",
    H,
    condition="No CDK4/6 inhibitor on record, or every course stopped for toxicity, by choice "
    "or as planned (not for progression; a (neo)adjuvant course completed less than 12 months "
    "before a relapse counts as progression on it: resistx's reading, the review is silent).",
    effect="CDK4/6 inhibitor + fulvestrant regimens gain enough to be preferred, and with no "
    "progression on an aromatase inhibitor (nor relapse within 12 months of one: the first-line "
    "trials' entry, case 483) a CDK4/6 inhibitor with one (the review's first-line standard) "
    "gains more and comes first (before the menopause ribociclib first, on MONALEESA-7: case "
    "566), while after aromatase-inhibitor resistance one with exemestane is at best a later "
    "option (no trial gave it then; case 880); endocrine regimens without a CDK4/6 inhibitor step "
    "back and are at best alternatives.",
    codes=(
        "cdk46i_naive_first",
        "cdk46i_ai_first_line",
        "cdk46i_first",
        "monaleesa7_premenopausal",
        "cdk46i_steroidal_ai_after_ai_resistance",
        "cdk46i_ai_end_unknown",
    ),
    trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2", *FIRST_LINE_TRIALS),
    references=CDK46I_NAIVE_REFERENCES,
    regimens=kinds.is_endocrine_based,
)
def cdk46i_first(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.cdk46i_resistant or not kinds.is_endocrine_based(spec):
        return
    why = not_resistant(i)
    w = ctx.weights
    partners = kinds.classes(spec)
    if set(partners) == _CDK46I_AND_AI:  # not with a third drug (TRINITI-1's triplet)
        if after_other_endocrine(i):  # case 492
            fulvestrant = "fulvestrant" in i.progressed_drugs
            yield after_endocrine_line(why, w.cdk46i_naive_first, after_fulvestrant=fulvestrant)
        elif i.ai_end_unknown:  # an adjuvant one with no end date (case 1455)
            yield ai_end_unknown(why, w.cdk46i_naive_first)
        elif not i.ai_resistant:  # none, or one with no relapse within 12 months (case 483)
            steroidal = not cdk46i_with_letrozole(spec)  # those with letrozole come first
            yield Effect(
                code="cdk46i_ai_first_line",
                delta=w.cdk46i_naive_first if steroidal else w.cdk46i_ai_first_line,
                text=f"{why}, and no progression on an aromatase inhibitor (nor relapse within 12 "
                "months of one): a CDK4/6 inhibitor with an aromatase "
                f"inhibitor is the review's first-line standard{FIRST_LINE_FIGURES}. Those trials "
                "gave a nonsteroidal one, letrozole or anastrozole (their primary reports: Finn "
                "et al., N Engl J Med 2016; Hortobagyi et al., N Engl J Med 2016; Goetz et al., "
                "J Clin Oncol 2017; the review does not say which)"
                + (
                    ", as the regimens with letrozole here do: exemestane, a steroidal one, comes "
                    "after them."
                    if steroidal
                    else "."
                ),
                trials=FIRST_LINE_TRIALS,
                references=FIRST_LINE_REFERENCES,
            )
            if i.premenopausal and "ribociclib" in spec.drugs and not steroidal:  # not exemestane
                yield _monaleesa7(w.premenopausal_ribociclib)  # (MONALEESA-7's: the recheck, 7345a)
        elif not cdk46i_with_letrozole(spec):  # rule 71 leaves the letrozole ones out (case 880)
            yield exemestane_after_ai_resistance(why)
    elif kinds.has_cdk46i(spec) and DrugClass.SERD in partners:
        trials = fulvestrant_trials(i, triplet=len(partners) > 2)
        second_line = after_other_endocrine(i) and len(partners) == 2
        yield Effect(
            code="cdk46i_naive_first",
            delta=w.cdk46i_fulvestrant_second_line if second_line else w.cdk46i_naive_first,
            text=f"{why}: a CDK4/6 inhibitor with endocrine therapy is the preferred option "
            f"without visceral crisis; {trials}.",
            trials=("PALOMA-3", "MONALEESA-3", "MONARCH-2"),
            references=CDK46I_NAIVE_REFERENCES,
        )
    elif not kinds.has_cdk46i(spec):
        yield Effect(
            code="cdk46i_first",
            delta=w.cdk46i_first_penalty,
            ceiling=1,  # case 423: never preferred beside the CDK4/6 inhibitor it comes after
            text=f"{why}: a CDK4/6 inhibitor with endocrine therapy comes before endocrine "
            "therapy without it.",
            references=CDK46I_NAIVE_REFERENCES,
        )


def cdk46i_with_letrozole(spec: RegimenSpec) -> bool:
    """A CDK4/6 inhibitor with a nonsteroidal aromatase inhibitor: the first-line trials'."""
    return set(
        kinds.classes(spec)
    ) == _CDK46I_AND_AI and not NONSTEROIDAL_AROMATASE_INHIBITORS.isdisjoint(spec.drugs)


# rule 71: the first-line trials' regimens, for the first-line trials' population
@rule(
    71,
    "A CDK4/6 inhibitor with letrozole: the first-line trials' population only",
    H,
    condition="Progression on a CDK4/6 inhibitor, or resistance to an aromatase inhibitor "
    "(progression on one, or relapse during or within 12 months of a (neo)adjuvant one).",
    effect="A CDK4/6 inhibitor with letrozole (the regimens of PALOMA-2, MONALEESA-2 and "
    "MONARCH-3) is left out (out of population): those trials enrolled advanced disease not yet "
    "treated, a (neo)adjuvant aromatase inhibitor only with relapse more than 12 months after it "
    "(their reports; not in the review). Case 483.",
    codes=(ExclusionCode.OUT_OF_POPULATION.value,),
    trials=FIRST_LINE_TRIALS,
    references=FIRST_LINE_REFERENCES,
    regimens=cdk46i_with_letrozole,
)
def first_line_population(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not (i.cdk46i_resistant or i.ai_resistant):
        return
    what = (
        "Progressed on a CDK4/6 inhibitor"
        if i.cdk46i_resistant
        else "Resistant to an aromatase inhibitor (progression on one, or relapse within 12 "
        "months of one)"
    )
    yield left_out(
        ExclusionCode.OUT_OF_POPULATION,
        text=f"{what}: PALOMA-2, MONALEESA-2 and MONARCH-3 enrolled advanced disease not yet "
        "treated, a (neo)adjuvant aromatase inhibitor only with relapse more than 12 months after "
        "it (their reports; not in the review), so their results do not reach this patient.",
        trials=spec.key_trials,
        references=FIRST_LINE_REFERENCES,
    )


#: rule 16's evidence line for a CDK4/6 inhibitor with endocrine therapy in disease not
#: resistant to one, by the regimen's drug classes: (code, what the review cites, trials, refs)
_NAIVE_EVIDENCE: dict[tuple[DrugClass, ...], tuple[str, str, tuple[str, ...], tuple[int, ...]]] = {
    (DrugClass.CDK46_INHIBITOR, DrugClass.SERD): (
        "cdk46i_naive_fulvestrant_partner",
        "in disease not resistant to a CDK4/6 inhibitor: for fulvestrant with one it cites "
        "MONARCH-2, PALOMA-3 and MONALEESA-3 (refs 9-11, patients who had not had one) without "
        "figures.",
        ("MONARCH-2", "PALOMA-3", "MONALEESA-3"),
        (9, 10, 11),
    ),
    (DrugClass.CDK46_INHIBITOR, DrugClass.AROMATASE_INHIBITOR): (  # case 468
        "cdk46i_naive_ai_partner",
        "itself: it cites the first-line trials of a CDK4/6 inhibitor with an aromatase "
        "inhibitor (PALOMA-2, MONALEESA-2 and MONARCH-3, refs 6-8) as a group, without figures "
        "per trial.",
        FIRST_LINE_TRIALS,
        FIRST_LINE_REFERENCES,
    ),
}


def cdk46i_naive_evidence(spec: RegimenSpec, w: Weights) -> Effect | None:
    """Rule 16's evidence line for a CDK4/6 inhibitor with endocrine therapy in disease not
    resistant to one: the trials the review cites without figures (rule 19 above gives their
    result as the reason for the place)."""
    found = _NAIVE_EVIDENCE.get(kinds.classes(spec))
    if found is None:
        return None
    code, cited, trials, references = found
    return Effect(
        code=code,
        delta=w.no_direct_evidence,
        text=f"The review prints no figures for {spec.name} {cited}",
        trials=trials,
        references=references,
    )


# rule 22: endocrine resistance: chemotherapy and ADCs after two endocrine lines
@rule(
    22,
    "Endocrine resistance: chemotherapy and ADCs after two endocrine lines",
    H,
    condition="Progression on two or more endocrine-based lines that followed the CDK4/6 "
    "inhibitor (its first progression; a line that gives a CDK4/6 inhibitor again is not "
    "counted, as the reason says: 10050), and no further target for an endocrine-based "
    "option (an ESR1 mutation with no oral SERD given, a PI3K-pathway alteration with no "
    "PI3K/AKT inhibitor given).",
    effect="As for a short CDK4/6 inhibitor: chemotherapy and ADCs come first (the review's "
    "Discussion: without a further target, chemotherapy and ADCs).",
    codes=("endocrine_resistance_endocrine", "endocrine_resistance_prefers_chemotherapy_or_adc"),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def endocrine_resistance(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if i.endocrine_lines_after_cdk46i < ENDOCRINE_RESISTANCE_LINES or i.endocrine_targets_left:
        return
    n = i.endocrine_lines_after_cdk46i  # not a line giving a CDK4/6 inhibitor again (10050)
    counted = f"Progressed on {n} endocrine-based lines since the first progression on a CDK4/6 inhibitor (a line giving one again not counted)"
    if found := i.endocrine_targets_found:  # case 2713j: only those found
        targets = f"the target{'s' * (len(found) > 1)} found ({', '.join(found)}) already acted on"
    elif i.targets_untested:
        targets = (
            "no target known (ESR1 or the PI3K pathway with no informative result since the latest "
            "progression:"
            " the tests before choosing may find one)"
        )
    else:
        targets = "no further target"
    if kinds.is_endocrine_based(spec):
        yield Effect(
            code="endocrine_resistance_endocrine",
            delta=ctx.weights.endocrine_resistance_endocrine,
            leads=True,
            text=f"{counted}, with "
            f"{targets}: endocrine resistance, so endocrine-based regimens come after "
            "chemotherapy and ADCs.",
            trials=spec.key_trials,
        )
    elif kinds.is_cytotoxic(spec):
        yield Effect(
            code="endocrine_resistance_prefers_chemotherapy_or_adc",
            delta=ctx.weights.endocrine_resistance_cytotoxic,
            leads=True,
            text=f"{counted}, with {targets}: the review turns to chemotherapy and ADCs.",
            trials=spec.key_trials,
        )
