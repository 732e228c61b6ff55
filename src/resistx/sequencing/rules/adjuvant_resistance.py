"""Primary endocrine resistance on adjuvant therapy with a CDK4/6 inhibitor (rule 87): with
nothing given for metastatic disease yet, read as after a short CDK4/6-inhibitor course; and
the two dates the 12-month window after (neo)adjuvant endocrine therapy is read between, asked
where the record leaves it in doubt: the course's end (rule 123) and the relapse's (rule
125)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.ai_resistance import (
    adjuvant_relapse_undated,
    ai_end_undated,
    read_to_the_decision,
)
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.drug_classes import endocrine_trial
from resistx.sequencing.rules.first_line import FIRST_LINE_TRIALS

H = Factor.HISTORY


def _concerns(spec: RegimenSpec) -> bool:
    """Endocrine-based regimens and trials, chemotherapy and ADCs."""
    return kinds.is_endocrine_or_cytotoxic(spec) or endocrine_trial(spec)


# rule 87: relapse within 2 years of adjuvant endocrine therapy with a CDK4/6 inhibitor
@rule(
    87,
    "Primary endocrine resistance on adjuvant therapy with a CDK4/6 inhibitor",
    H,
    condition="No CDK4/6 inhibitor nor endocrine therapy given for metastatic disease (which "
    "measure the sensitivity themselves: case 2072b; chemotherapy or an ADC since keeps the "
    "reading: case 2020), and a (neo)adjuvant course with a "
    "CDK4/6 inhibitor that ended in relapse within 2 years of the start of adjuvant endocrine "
    "therapy (primary endocrine resistance, ESO-ESMO's ABC 5 consensus; not in the review).",
    effect="As a short CDK4/6-inhibitor course (rule 18), which the adjuvant course does not "
    "measure (its months are no first-line response): endocrine-based regimens lose more "
    "than a biomarker match is worth (enrolment in an endocrine-based trial too; cases 882, "
    "891); chemotherapy gains, and so does an ADC whose trial's line is met (a (neo)adjuvant "
    "chemotherapy with an early relapse; cases 606, 833).",
    codes=("adjuvant_primary_resistance",),
    regimens=_concerns,
)
def adjuvant_primary_resistance(
    i: HistoryInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if not i.adjuvant_primary_resistance or i.short_cdk46i:
        return  # rule 18 speaks for a short course
    endocrine = kinds.is_endocrine_based(spec) or endocrine_trial(spec)
    if not endocrine and not kinds.is_cytotoxic(spec):
        return
    if kinds.is_adc(spec) and not _adc_open(i, spec):
        return  # its trial's line waits on chemotherapy: no step before the endocrine options
    w = ctx.weights
    yield Effect(
        code="adjuvant_primary_resistance",
        delta=w.short_endocrine if endocrine else w.short_cytotoxic,
        text="Relapse within the first two years of adjuvant endocrine therapy with a CDK4/6 "
        "inhibitor: primary endocrine resistance (ESO-ESMO's fifth advanced breast cancer "
        "consensus, Cardoso et al., Ann Oncol 2020; not in the review), on the combination a "
        "first line would give: as after a short CDK4/6-inhibitor course, "
        + (
            "endocrine-based regimens come after chemotherapy."
            if endocrine
            else "the review prefers chemotherapy and ADCs."
        ),
        trials=spec.key_trials,
    )


def _adc_open(i: HistoryInputs, spec: RegimenSpec) -> bool:
    """Whether an ADC's trial line is met: a chemotherapy or ADC line for metastatic disease,
    or (neo)adjuvant chemotherapy with an early relapse (DESTINY-Breast04 within 6 months,
    TROPION-Breast01 within 12); TROPiCS-02 enrolled after 2-4 lines (case 833)."""
    if kinds.is_sacituzumab_govitecan(spec):
        return i.sg_lines >= 2
    return i.tdxd_lines >= 1 if kinds.is_tdxd(spec) else i.sg_lines >= 1


# rule 123: a (neo)adjuvant aromatase inhibitor with no end date: record it
@rule(
    123,
    "A (neo)adjuvant aromatase inhibitor with no end date: record it",
    None,
    condition="No CDK4/6-inhibitor resistance, nothing else showing aromatase-inhibitor "
    "resistance, and a (neo)adjuvant course with an aromatase inhibitor, not ended in "
    "progression, with no end date; or, with a PIK3CA mutation and the inavolisib triplet in "
    "the policy's table, nothing yet for metastatic disease and a (neo)adjuvant endocrine "
    "course with no end date (INAVO120's population turns on it: case 1457).",
    effect="An action, before choosing outside a visceral crisis, to record when the course "
    "ended (ended_on): a relapse on it or within 12 months of its end is aromatase-inhibitor "
    "resistance, outside the first-line trials of a CDK4/6 inhibitor with one (rule 19 keeps "
    "those at best alternatives until then) and, with an adjuvant CDK4/6 inhibitor, read as "
    "progression on it (case 1455).",
    codes=("date_adjuvant_endocrine",),
    trials=FIRST_LINE_TRIALS,
)
def date_adjuvant_endocrine(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    ai = () if facts.cdk46i_resistant else ai_end_undated(facts)
    # INAVO120's population turns on the same date (case 1457), where its triplet is a regimen
    endocrine = adjuvant_relapse_undated(facts) if _inavo120(facts, ctx) else ()
    courses = (*ai, *(t for t in endocrine if t not in ai))
    if not courses:
        return
    # in an order of their own, not the input's (two undated courses: found by hypothesis)
    named = " and ".join(sorted(" + ".join(t.drugs) for t in courses))
    said = []
    if ai:
        cdk46i = any(DrugClass.CDK46_INHIBITOR in t.drug_classes for t in courses)
        said.append(_AI_RESISTANCE + _UNTIL_DATED + _CDK46I_RELAPSE * cdk46i)
    if endocrine:
        said.append(_INAVO120_RELAPSE)
    why = "; ".join(said)
    yield PlanEffect(
        code="date_adjuvant_endocrine",
        first=not facts.profile.visceral_crisis,
        text=f"(Neo)adjuvant {named}: no end date on record: record when each ended "
        f"(ended_on). {why[0].upper()}{why[1:]}.",
    )


#: the inavolisib triplet's id in a policy's table (rule 31's regimen)
INAVO120_TRIPLET = "inavolisib+palbociclib+fulvestrant"


def _inavo120(facts: Facts, ctx: Context) -> bool:
    """INAVO120's population turns on the window (cases 1457, 1577d): a PIK3CA mutation, with
    the triplet in the policy's table."""
    return INAVO120_TRIPLET in ctx.regimens and facts.found("PIK3CA", BiomarkerStatus.MUTATED)


#: what rules 123 and 125 say the dates decide
_AI_RESISTANCE = (
    "a relapse on an aromatase inhibitor or within 12 months of its end is aromatase-inhibitor "
    "resistance, which the first-line trials of a CDK4/6 inhibitor with one did not enrol"
)
_UNTIL_DATED = " (until the date is recorded those combinations are at best alternatives)"
_CDK46I_RELAPSE = (
    ", and one within 12 months of the end of the adjuvant CDK4/6 inhibitor is read as "
    "progression on it"
)
_INAVO120_RELAPSE = (
    "a relapse during adjuvant endocrine therapy or within 12 months of its end, with this "
    "PIK3CA mutation, is INAVO120's population (inavolisib + palbociclib + fulvestrant waits on "
    "the date)"
)


# rule 125: the date of relapse not recorded where the window after adjuvant therapy turns on it
@rule(
    125,
    "The date of relapse not recorded where the window after adjuvant endocrine therapy "
    "turns on it",
    None,
    condition="No relapse date on record (relapsed_on, a course for metastatic disease begun, "
    "a progression) after a (neo)adjuvant course with an aromatase inhibitor, or, with a "
    "PIK3CA mutation and the inavolisib triplet in the policy's table, any (neo)adjuvant "
    "endocrine course, not ended in relapse, whose end is on record; and the decision date more "
    "than 12 months after that end, within 12 more (the window is read to the decision date, "
    "which may fall after it when the relapse did not: cases 1553, 1567).",
    effect="An action, before choosing outside a visceral crisis, to record the date the "
    "relapse was diagnosed (relapsed_on): a relapse within 12 months of an aromatase "
    "inhibitor's end is aromatase-inhibitor resistance, outside the first-line trials of a "
    "CDK4/6 inhibitor with one, and within 12 months of any adjuvant endocrine therapy, with a "
    "PIK3CA mutation, INAVO120's population (its triplet waits on the date: rule 31). A "
    "decision later than that is taken as no doubt.",
    codes=("date_relapse",),
    trials=("INAVO120",),
)
def date_relapse(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    inavo120 = _inavo120(facts, ctx)
    courses = [
        t
        for t in facts.in_order
        if (inavo120 or DrugClass.AROMATASE_INHIBITOR in t.drug_classes)
        and read_to_the_decision(facts, t)
    ]
    if not courses:
        return
    named = " and ".join(
        f"{' + '.join(t.drugs)} (ended {t.end_date.isoformat()})" for t in courses if t.end_date
    )
    said = [_AI_RESISTANCE] * any(DrugClass.AROMATASE_INHIBITOR in t.drug_classes for t in courses)
    said += [_INAVO120_RELAPSE] * inavo120
    yield PlanEffect(
        code="date_relapse",
        first=not facts.profile.visceral_crisis,
        text=f"The date of the relapse is not recorded: the 12-month window after (neo)adjuvant "
        f"{named} is measured to the decision date, which falls after it, so the relapse is "
        "read as after the window. Record the date the relapse was diagnosed (relapsed_on): "
        f"{'; '.join(said)}.",
    )
