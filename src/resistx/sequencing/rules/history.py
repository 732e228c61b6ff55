"""Factor 3 (review, Discussion): treatment history, duration of response and physical status.

Chemotherapy lines gating the ADCs (rule 4), visceral crisis (rule 7), negative trials
(rule 10), what the disease progressed on (rule 11); performance status is in ``status.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, Precedence, rule
from resistx.sequencing.rules.drug_classes import (
    cross_resistant,
    placed_after,
    related_by_class,
    same_class_drugs,
)
from resistx.sequencing.weights import Weights
from resistx.vocab.drugs import drug_class

H = Factor.HISTORY
VISCERAL_CRISIS_REFERENCES = (30, 31, 32)
#: drugs whose repetition after progression is a step back, not a demotion out of preferred
_SOFT_AGAIN = frozenset({DrugClass.SERD, DrugClass.CDK46_INHIBITOR})


def _lines(n: int) -> str:
    return "no" if n == 0 else f"{n}"


# rule 4: aDCs follow the chemotherapy lines their trials required
@rule(
    4,
    "ADCs follow the chemotherapy lines their trials required",
    H,
    condition="Prior chemotherapy lines for metastatic disease (for sacituzumab govitecan, ADC "
    "lines too: their payload is cytotoxic); (neo)adjuvant chemotherapy "
    "counts as one when relapse came within 6 months of it (DESTINY-Breast04) or 12 months "
    "(TROPiCS-02).",
    effect="Trastuzumab deruxtecan after 1 line and sacituzumab govitecan after 2 gain (the "
    "latter enough to be preferred); before those lines an ADC loses more than a biomarker "
    "match is worth and is at best an alternative, and before any line at best a later option, "
    "so chemotherapy comes first; in a visceral crisis, where chemotherapy comes first by rule "
    "7, the ADC loses nothing here and is the alternative to it.",
    codes=(
        "prior_chemotherapy_opens_trastuzumab_deruxtecan",
        "prior_chemotherapy_opens_sacituzumab_govitecan",
        "adc_before_chemotherapy",
        "further_chemotherapy",
    ),
    trials=("DESTINY-Breast04", "TROPiCS-02"),
    references=(60, 62),
    regimens=kinds.is_cytotoxic,
)
def adc_lines(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if kinds.is_adc(spec) and "trastuzumab deruxtecan" in spec.drugs:
        need, lines, early, trial, code, gain, window = (
            1,
            i.tdxd_lines,
            i.early_relapse_tdxd,
            "DESTINY-Breast04",
            "prior_chemotherapy_opens_trastuzumab_deruxtecan",
            w.tdxd_opened,
            "6",
        )
        most, unit = 2, "chemotherapy"
    elif kinds.is_adc(spec) and "sacituzumab govitecan" in spec.drugs:
        need, lines, early, trial, code, gain, window = (
            2,
            i.sg_lines,
            i.early_relapse_sg,
            "TROPiCS-02",
            "prior_chemotherapy_opens_sacituzumab_govitecan",
            w.sg_opened,
            "12",
        )
        # an ADC's line counts here (sg_lines): its payload is cytotoxic
        most, unit = 4, "chemotherapy or ADC"
    else:
        if kinds.is_chemotherapy(spec) and i.chemo_lines:
            adc = i.adc_lines
            also = f" (and {adc} ADC line{'s' if adc > 1 else ''})" if adc else ""
            yield Effect(
                code="further_chemotherapy",
                text=f"Prior chemotherapy for metastatic disease: {i.chemo_lines} "
                f"line{'s' if i.chemo_lines > 1 else ''}{also}; another agent can follow.",
                trials=spec.key_trials,
            )
        return
    enrolled = f"{need}-{most} lines"  # the trial's range, from its numbers
    counted = (
        f" (one of them (neo)adjuvant chemotherapy with relapse within {window} months, which "
        f"{trial} counted)"
        if early
        else ""
    )
    if lines >= need:
        beyond = "" if lines <= most else ", fewer than this"
        yield Effect(
            code=code,
            delta=gain,
            text=f"{lines} prior {unit} line{'s' if lines > 1 else ''}{counted}; "
            f"{trial} enrolled after {enrolled}{beyond}.",
            trials=(trial,),
        )
    else:
        yield _before_lines(i, lines, f"{unit} line", counted, (trial, enrolled), w)


def gate(i: HistoryInputs, lines: int, loss: float) -> tuple[float, int]:
    """What an ADC before the chemotherapy lines its trial required loses, and the best tier it
    keeps: never preferred; before any line at all a later option (the review's Discussion:
    ADCs after one or two lines of chemotherapy), except in a visceral crisis, where
    chemotherapy comes first by rule 7 and the ADC is the alternative to it (no loss: the
    crisis orders it already)."""
    if i.visceral_crisis:
        return 0.0, 1
    return loss, 1 if lines else 2


def _before_lines(  # noqa: PLR0917 - one call site, in order
    i: HistoryInputs, lines: int, line: str, counted: str, trial: tuple[str, str], w: Weights
) -> Effect:
    """An ADC before the chemotherapy lines its trial required (``trial``: its key and lines)."""
    key, enrolled = trial
    delta, ceiling = gate(i, lines, w.adc_gated)
    return Effect(
        code="adc_before_chemotherapy",
        delta=delta,
        ceiling=ceiling,
        text=f"{_lines(lines).capitalize()} prior {line}{'' if lines == 1 else 's'} "
        f"for metastatic disease{counted}: {key} enrolled after {enrolled}, so "
        "chemotherapy comes first.",
        trials=(key,),
    )


# rule 7: visceral crisis: chemotherapy first
@rule(
    7,
    "Visceral crisis: chemotherapy first",
    H,
    condition="visceral_crisis is true.",
    effect="Hard precedence: chemotherapy ranks before every other option; the others also "
    "lose merit, and only an ADC may still be preferred or an alternative.",
    codes=("visceral_crisis_chemotherapy_first", "visceral_crisis_not_first"),
    references=VISCERAL_CRISIS_REFERENCES,
)
def visceral_crisis(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not i.visceral_crisis:
        return
    if kinds.is_chemotherapy(spec):
        yield Effect(
            code="visceral_crisis_chemotherapy_first",
            delta=ctx.weights.visceral_crisis_chemo,
            leads=True,
            text="Visceral crisis: chemotherapy comes first; CDK4/6 inhibitor plus endocrine "
            "therapy is for disease without visceral crisis.",
            references=VISCERAL_CRISIS_REFERENCES,
        )
    else:
        yield Effect(
            code="visceral_crisis_not_first",
            delta=ctx.weights.visceral_crisis_others,
            demote=Precedence.VISCERAL_CRISIS,
            ceiling=0 if kinds.is_adc(spec) else 2,  # only cytotoxics answer a crisis
            text="Visceral crisis: chemotherapy comes first, this after it.",
            references=VISCERAL_CRISIS_REFERENCES,
        )


# rule 10: negative trials
@rule(
    10,
    "Negative trials",
    H,
    condition="The regimen's record names a negative trial (VERONICA, AMEERA-3, acelERA).",
    effect="Excluded outside a trial (negative_trial).",
    codes=("negative_trial",),
    trials=("VERONICA", "AMEERA-3", "acelERA"),
    references=(67, 68, 84),
    regimens=kinds.has_negative_trial,
)
def negative_trial(_i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if spec.negative_trial is not None:
        yield Effect(
            code=ExclusionCode.NEGATIVE_TRIAL.value,
            exclude=ExclusionCode.NEGATIVE_TRIAL,
            text=f"{spec.negative_trial} showed no significant benefit after a CDK4/6 inhibitor; "
            "outside a trial it is left out.",
            trials=(spec.negative_trial,),
        )


# rule 11: progressed on it, on its drug, or on its class
@rule(
    11,
    "Progressed on it, on its drug, or on its class",
    H,
    condition="A metastatic treatment (or a (neo)adjuvant CDK4/6 inhibitor) that ended in "
    "progression.",
    effect="Every drug of the regimen progressed on together: excluded (progressed_on); "
    "chemotherapy as a class is not. A drug of it in another regimen: demoted. Another "
    "drug of its class (oral SERD, fulvestrant, PI3K-AKT-mTOR, PARP, a TROP2 antibody-drug "
    "conjugate, or one with the deruxtecan payload; fulvestrant alone after an oral SERD too): "
    "demoted out of the preferred tier; an ADC, a PI3K or AKT inhibitor, an oral SERD or a PARP "
    "inhibitor after one, with no trial there: at best a later option, and demoted further, "
    "after the options not progressed on even where rule 6 prefers chemotherapy and ADCs. Everolimus after PI3K or AKT inhibitors only is the later "
    "line the review gives it: at best a later option, with no class penalty.",
    codes=(
        "progressed_on",
        "progressed_on_drug",
        "same_class_after_progression",
        "everolimus_after_pi3k_or_akt",
    ),
    regimens=kinds.is_not_chemotherapy,
)
def progressed_on(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if kinds.is_chemotherapy(spec):
        return
    wanted = set(spec.drugs)
    trial = kinds.is_trial(spec)  # a trial steps back for its class, and is never excluded
    courses = sorted(c for c in i.progressed if wanted <= set(c))
    course = None if trial or not courses else courses[0]
    if course is not None:
        yield Effect(
            code=ExclusionCode.PROGRESSED_ON.value,
            exclude=ExclusionCode.PROGRESSED_ON,
            text=f"Progressed on {' + '.join(course)} for metastatic disease.",
            trials=spec.key_trials,
        )
        return
    yield from _again(i, spec, ctx.weights, trial=trial)


def _again(i: HistoryInputs, spec: RegimenSpec, w: Weights, *, trial: bool) -> Iterator[Effect]:
    """Rule 11 for a regimen not progressed on as a whole: a drug of it (not for a trial), or
    of its class, was."""
    cdk = kinds.has_cdk46i(spec)
    again = [
        d
        for d in spec.drugs
        if d in i.progressed_drugs
        and drug_class(d) is not DrugClass.AROMATASE_INHIBITOR
        and not trial
    ]
    defining = [d for d in again if drug_class(d) not in _SOFT_AGAIN]
    groups, same_class = same_class_drugs(i, spec)
    if same_class and not defining and placed_after(spec, same_class):
        yield Effect(
            code="everolimus_after_pi3k_or_akt",
            ceiling=2,
            text=f"Progressed on {', '.join(same_class)} (a PI3K or AKT inhibitor): the review "
            "places everolimus-based regimens in a later line, after the PI3K and AKT "
            "inhibitors.",
            trials=spec.key_trials,
        )
        same_class = []  # said: a partner given again still speaks below
    if defining or same_class:
        # the drug that defines the regimen, or another of its class: out of the preferred tier
        what = (
            f"{', '.join(defining)} before (in another regimen)"
            if defining
            else related_by_class(spec, same_class, groups)
        )
        capped = not defining and cross_resistant(spec, same_class)
        yield Effect(
            code="progressed_on_drug" if defining else "same_class_after_progression",
            delta=w.same_class + (w.cross_resistant if capped else 0.0),
            ceiling=2 if capped else 0,
            text=f"Progressed on {what}; the review has no evidence for it after that.",
            trials=spec.key_trials,
        )
    elif again:
        # a partner (fulvestrant) or the CDK4/6 inhibitor again: a step back (MAINTAIN's
        ribociclib = cdk and "ribociclib" in again  # subgroup: where ribociclib comes again)
        yield Effect(
            code="progressed_on_drug",
            delta=w.same_drug,
            text=f"Progressed on {', '.join(again)} before (in another regimen); the review "
            "has no evidence for giving it again"
            + (
                " (MAINTAIN's ribociclib-after-ribociclib subgroup was inconclusive)."
                if ribociclib
                else "."
            ),
            trials=("MAINTAIN", "PACE") if ribociclib else spec.key_trials,
        )
