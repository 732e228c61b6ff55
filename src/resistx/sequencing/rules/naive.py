"""Disease with no endocrine therapy on record, in any setting: the trials of the regimens
studied after it do not reach it (rules 69, 70); disease not resistant to a CDK4/6 inhibitor:
chemotherapy and ADCs after the endocrine-based options (rule 73)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, Precedence, left_out, rule
from resistx.sequencing.rules.first_line import not_resistant

H = Factor.HISTORY

#: the PI3K, AKT and mTOR inhibitors' trials, each enrolled after endocrine therapy (rule 69)
PATHWAY_TRIALS = ("CAPItello-291", "BYLieve", "BOLERO-2", "SOLAR-1")


# rule 69: no endocrine therapy on record: a PI3K, AKT or mTOR inhibitor comes after it
@rule(
    69,
    "No endocrine therapy on record: a PI3K, AKT or mTOR inhibitor comes after it",
    H,
    condition="No aromatase inhibitor, SERD or SERM on record in any setting (case 443); or "
    "endocrine therapy on record, but no progression on it for metastatic disease and no "
    "relapse on or within 12 months of (neo)adjuvant endocrine therapy (case 782).",
    effect="Endocrine therapy with a PI3K, AKT or mTOR inhibitor and no CDK4/6 inhibitor is at "
    "best a later option: CAPItello-291 and BYLieve enrolled progression on an aromatase "
    "inhibitor (review Table 2), BOLERO-2 progression on a nonsteroidal one (the review's text), "
    "SOLAR-1 relapse or progression on or after one (its report; the review's table does not "
    "say).",
    codes=("pathway_before_endocrine_therapy", "pathway_before_endocrine_resistance"),
    trials=PATHWAY_TRIALS,
    regimens=kinds.has_pathway_inhibitor_without_cdk46i,
)
def pathway_after_endocrine_therapy(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not i.no_endocrine_therapy:
        if not i.endocrine_resistant:
            yield _before_resistance()
        return
    yield Effect(
        code="pathway_before_endocrine_therapy",
        ceiling=2,
        text="No endocrine therapy on record, in any setting: the trials of the PI3K, AKT and "
        "mTOR inhibitors enrolled after it (CAPItello-291 and BYLieve after progression on an "
        "aromatase inhibitor, BOLERO-2 on a nonsteroidal one, SOLAR-1 on or after one: André et "
        "al., N Engl J Med 2019, which the review does not quote), so their results do not reach "
        "disease not yet treated with endocrine therapy: at best a later option.",
        trials=PATHWAY_TRIALS,
    )


def _before_resistance() -> Effect:
    """Endocrine therapy on record, but no progression on it for metastatic disease and no
    relapse on or within 12 months of (neo)adjuvant endocrine therapy (case 782)."""
    return Effect(
        code="pathway_before_endocrine_resistance",
        ceiling=2,
        text="No progression on endocrine therapy for metastatic disease, and no relapse on or "
        "within 12 months of (neo)adjuvant endocrine therapy: the trials of the PI3K, AKT and "
        "mTOR inhibitors enrolled endocrine-resistant disease (CAPItello-291 and BYLieve after "
        "progression on an aromatase inhibitor, BOLERO-2 on a nonsteroidal one, SOLAR-1 on or "
        "within 12 months of one: André et al., N Engl J Med 2019, which the review does not "
        "quote), as capivasertib's US label asks (not in the review): at best a later option.",
        trials=PATHWAY_TRIALS,
    )


#: whom each oral SERD trial enrolled, as resistx's sources say (rule 70); a trial not listed
#: here is described by its population in the evidence
ORAL_SERD_ENTRY = {
    "EMERALD": "progression on a CDK4/6 inhibitor, the review says",
    "SERENA-2": "recurrence or progression on at least one endocrine line (Oliveira et al., "
    "Lancet Oncol 2024; not in the review)",
    "AMEERA-3": "1-2 endocrine lines before",
    "acelERA": "1-2 systemic lines before; whether one had to be endocrine, neither source says",
    "EMBER-3": "recurrence or progression on or after an aromatase inhibitor",
    "VERITAC-2": "progression on a CDK4/6 inhibitor with endocrine therapy",
    "evERA": "progression after a CDK4/6 inhibitor",
}


def oral_serd_regimen(spec: RegimenSpec) -> bool:
    """A regimen of the table with an oral SERD (a listed trial has its own entry criteria)."""
    return kinds.is_oral_serd(spec) and not kinds.is_trial(spec)


# rule 70: no endocrine therapy on record: an oral SERD is outside its trial's population
@rule(
    70,
    "No endocrine therapy on record: an oral SERD is outside its trial's population",
    H,
    condition="No aromatase inhibitor, SERD or SERM on record in any setting (case 475).",
    effect="Each regimen of the table with an oral SERD is left out (out of population): its "
    "trial enrolled previously treated disease (EMERALD after a CDK4/6 inhibitor, the review; "
    "the others as the evidence describes them). Not once an endocrine therapy is on record.",
    codes=(ExclusionCode.OUT_OF_POPULATION.value,),
    regimens=oral_serd_regimen,
)
def oral_serd_after_endocrine_therapy(
    i: HistoryInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if not i.no_endocrine_therapy:
        return
    entry = "; ".join(
        f"{t}: {ORAL_SERD_ENTRY.get(t) or ctx.evidence.trial(t).population}"
        for t in spec.key_trials
    )
    yield left_out(
        ExclusionCode.OUT_OF_POPULATION,
        text=f"No endocrine therapy on record, in any setting: {spec.name} was studied in "
        f"previously treated disease ({entry}), so its results do not reach disease not yet "
        "treated with endocrine therapy. This rule no longer applies once an endocrine therapy "
        "(an adjuvant one, say) is on record; its trial's entry is then read as for any patient.",
        trials=spec.key_trials,
    )


# rule 73: no CDK4/6-inhibitor resistance, no crisis: chemotherapy and ADCs after
@rule(
    73,
    "No CDK4/6-inhibitor resistance and no crisis: chemotherapy and ADCs after",
    H,
    condition="As rule 19 (no CDK4/6 inhibitor on record, or none stopped for progression), no "
    "visceral crisis and no chemotherapy for metastatic disease (cases 497, 492); not for "
    "chemotherapy where two courses of an oestrogen-receptor degrader failed, the latest under "
    "6 months (rule 93's condition: endocrine resistance, whatever became of the CDK4/6 "
    "inhibitor; 10145): the ADCs keep their cap.",
    effect="Chemotherapy steps back after the endocrine-based options, endocrine therapy alone "
    "included, and is at best a later option; an ADC is at best an alternative, after the "
    "CDK4/6-inhibitor regimens that keep the review's preference (preferred ones; 10200): the "
    "review finds a CDK4/6 inhibitor with endocrine therapy the "
    "preferred option without visceral crisis or life-threatening disease. In a visceral "
    "crisis with no CDK4/6 inhibitor on record, and no endocrine therapy or none the disease "
    "resisted, the crisis's chemotherapy comes first and an ADC after the CDK4/6-inhibitor "
    "regimens, at best a later option: DESTINY-Breast04 enrolled endocrine-refractory disease "
    "(cases 2400, 2407). In ER-low disease its reasons give rule 114's order, the cytotoxic "
    "options before the endocrine ones (9673).",
    codes=(
        "chemotherapy_after_endocrine_therapy",
        "adc_after_cdk46i_endocrine",
        "adc_after_first_line_in_crisis",
    ),
    references=(30, 31, 32),
    regimens=kinds.is_cytotoxic,
)
def chemotherapy_after_endocrine(
    i: HistoryInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if i.cdk46i_resistant or i.chemo_lines or not kinds.is_cytotoxic(spec):
        return
    if i.degraders_failed and kinds.is_chemotherapy(spec):  # rule 93's floor speaks (10145)
        return
    if i.visceral_crisis:
        if first_line_after_crisis(i) and not kinds.is_chemotherapy(spec):
            yield _adc_after_first_line(i, ctx)
        return
    said = (
        f"{not_resistant(i)}, and no visceral crisis on record: the review finds a CDK4/6 "
        "inhibitor with endocrine therapy the preferred option without visceral crisis or "
        "life-threatening disease"
    )
    if kinds.is_chemotherapy(spec):
        yield Effect(
            code="chemotherapy_after_endocrine_therapy",
            delta=ctx.weights.chemotherapy_before_resistance,
            ceiling=2,
            text=f"{said}; "
            + (
                "chemotherapy " + _ER_LOW.format("a later option")
                if i.er_low
                else "resistx puts chemotherapy " + _AFTER_ENDOCRINE
            ),
            references=(30, 31, 32),
        )
    else:
        yield Effect(
            code="adc_after_cdk46i_endocrine",
            ceiling=1,
            text=f"{said}: "
            + (
                "an ADC " + _ER_LOW.format("an alternative")
                if i.er_low
                # the cap orders it after the preferred ones only (10200: later ones below it)
                else "an ADC is at best an alternative, after the CDK4/6-inhibitor regimens that "
                "keep that preference."
            ),
            references=(30, 31, 32),
        )


_AFTER_ENDOCRINE = (
    "after the endocrine-based options (the review does not weigh it against endocrine therapy "
    "alone)."
)
#: in ER-low disease rule 114 orders the cytotoxic options first (9673)
_ER_LOW = (
    "is at best {}; in ER-low disease it comes before the endocrine options, which rule 114 "
    "places after chemotherapy and the antibody-drug conjugates."
)


def _adc_after_first_line(i: HistoryInputs, ctx: Context) -> Effect:
    """Rule 73 in a visceral crisis before any endocrine therapy or CDK4/6 inhibitor, or after
    endocrine therapy the disease did not resist (cases 2400, 2407): the crisis's chemotherapy
    first (rule 7), then the first-line standard, then an ADC."""
    why = (
        "No endocrine therapy and no CDK4/6 inhibitor on record"
        if i.no_endocrine_therapy
        else "No CDK4/6 inhibitor on record, and no progression on endocrine therapy nor relapse "
        "within 12 months of it"
    )
    return Effect(
        code="adc_after_first_line_in_crisis",
        delta=ctx.weights.chemotherapy_before_resistance,
        ceiling=2,
        demote=Precedence.NOT_A_CRISIS_OPTION,  # not the crisis's alternative: its line did
        # not open it (rule 7)
        text=f"{why}: after the crisis's "
        "chemotherapy, a CDK4/6 inhibitor with endocrine therapy is the review's first-line "
        "standard, and DESTINY-Breast04 enrolled endocrine-refractory disease: an ADC comes "
        "after those regimens, at best a later option.",
        references=(30, 31, 32),
    )


def first_line_after_crisis(i: HistoryInputs) -> bool:
    """In a visceral crisis, no CDK4/6 inhibitor on record and no endocrine therapy the disease
    resisted: after chemotherapy the first-line standard, then the ADCs (rule 73; rule 7's
    reason says so: cases 2400, 2407, 2465)."""
    return (
        i.visceral_crisis
        and not i.had_cdk46i
        and not i.chemo_lines
        and (i.no_endocrine_therapy or not i.endocrine_resistant)
    )
