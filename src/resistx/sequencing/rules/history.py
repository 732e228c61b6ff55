"""Factor 3 (review, Discussion): treatment history, duration of response and physical status.

Chemotherapy lines gating the ADCs (rule 4), visceral crisis (rule 7), negative trials
(rule 10), what the disease progressed on (rule 11); primary endocrine resistance on adjuvant
therapy with a CDK4/6 inhibitor (rule 87) is in ``adjuvant_resistance.py``, performance
status in ``status.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, Precedence, left_out, rule
from resistx.sequencing.rules.chemotherapy_lines import CHEMOTHERAPY_LINES_ENROLLED, further_agent
from resistx.sequencing.rules.crisis_adcs import NOT_THE_ALTERNATIVE, not_a_crisis_alternative
from resistx.sequencing.rules.line_counts import counted_lines, own_course
from resistx.sequencing.rules.naive import first_line_after_crisis
from resistx.sequencing.rules.parp import OLYMPIAD_CHEMOTHERAPY_LINES
from resistx.sequencing.weights import Weights

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
    "match is worth and is at best a later option, whatever else lifts it (a short CDK4/6-"
    "inhibitor course: case 7218c), so chemotherapy comes first, and the order keeps it after "
    "chemotherapy (9800, 9801), or its reason says the patient declines chemotherapy (9914); "
    "in a visceral crisis, where chemotherapy comes first by rule 7 and will be one line, an "
    "ADC that one line opens (trastuzumab deruxtecan) loses nothing "
    "here and is the alternative to it; sacituzumab govitecan before its second line stays a "
    "later option, unless its US label covers the patient (an endocrine-based line and 2 or "
    "more further lines for metastatic disease): then at best an alternative (case 621). "
    "Sacituzumab govitecan's own earlier course, ended short of progression, is not one of "
    "its lines (8770: it counted toward TROPiCS-02's and made it preferred). Chemotherapy "
    "after a chemotherapy or ADC line for metastatic disease (an ADC's payload is cytotoxic; "
    "9802): another agent can follow, at least an alternative whatever its scores (the review: "
    "chemotherapy is effective in patients pretreated with a CDK4/6 inhibitor; the ADC trials' "
    "chemotherapy arms enrolled after 1-2 and 2-4 lines), under any rule's cap (9915: by mouth "
    "only), and not at ECOG 3-4, where rule 13's least toxic options come first (9845). It was "
    "a later option behind fulvestrant alone, while the ADCs and olaparib were 'at best an "
    "alternative to chemotherapy' (9791, 9792).",
    codes=(
        "prior_chemotherapy_opens_trastuzumab_deruxtecan",
        "prior_chemotherapy_opens_sacituzumab_govitecan",
        "adc_before_chemotherapy",
        "further_chemotherapy",
        "sg_within_label",
    ),
    trials=("DESTINY-Breast04", "TROPiCS-02"),
    references=(60, 62),
    regimens=kinds.is_cytotoxic,
)
def adc_lines(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if kinds.is_adc(spec) and "trastuzumab deruxtecan" in spec.drugs:
        lines, early, trial, code, gain, window = (
            i.tdxd_lines,
            i.early_relapse_tdxd,
            "DESTINY-Breast04",
            "prior_chemotherapy_opens_trastuzumab_deruxtecan",
            w.tdxd_opened,
            "6",
        )
        unit = "chemotherapy"
    elif kinds.is_adc(spec) and "sacituzumab govitecan" in spec.drugs:
        lines, early, trial, code, gain, window = (
            i.sg_lines,
            i.early_relapse_sg,
            "TROPiCS-02",
            "prior_chemotherapy_opens_sacituzumab_govitecan",
            w.sg_opened,
            "12",
        )
        # an ADC's line counts here (sg_lines): its payload is cytotoxic
        unit = "chemotherapy or ADC"
    else:
        if kinds.is_chemotherapy(spec) and (i.chemo_lines or i.adc_lines):
            yield further_agent(i, spec)
        return
    need, most = CHEMOTHERAPY_LINES_ENROLLED[trial]
    enrolled = f"{need}-{most} lines"  # the trial's range, from its numbers
    counted = counted_lines(i, trial, lines, window) if early else own_course(i, trial)
    if lines < need and i.sg_label and trial == "TROPiCS-02":
        prior = f"{lines} prior {unit} line{'s' if lines != 1 else ''}{counted}"
        yield _sg_within_label(prior, enrolled, lines, i.chemotherapy_declined)
    elif lines >= need:
        beyond = "" if lines <= most else ", fewer than this"
        yield Effect(
            code=code,
            delta=gain,
            text=f"{lines} prior {unit} line{'s' if lines > 1 else ''}{counted}; "
            f"{trial} enrolled after {enrolled}{beyond}.",
            trials=(trial,),
        )
    else:
        yield _before_lines(i, lines, f"{unit} line", counted, (trial, enrolled, need), w)


#: what comes of an ADC's place before its trial's chemotherapy lines, by whether the patient
#: declines chemotherapy (9914: 'so chemotherapy comes first' named an option left out)
_FIRST = {
    False: ", so chemotherapy comes first",
    True: "; chemotherapy is declined (the preferences), so this ADC is weighed before those lines",
}


def _sg_within_label(prior: str, enrolled: str, lines: int, declined: bool) -> Effect:
    """Sacituzumab govitecan before TROPiCS-02's chemotherapy lines, within its US label
    (endocrine-based therapy and 2 or more further lines for metastatic disease; case 621): at
    best an alternative; before any chemotherapy, a later option after it (case 667)."""
    label = (
        f"{prior}: TROPiCS-02 enrolled after {enrolled}, but its US label covers this patient "
        "(endocrine-based therapy and 2 or more further systemic therapies for metastatic "
        "disease; not in the review)"
    )
    if not lines:
        return Effect(
            code="sg_within_label",
            ceiling=2,
            after="" if declined else "chemotherapy",  # as it says (9801)
            text=f"{label}. TROPiCS-02 compared it with chemotherapy only in patients already "
            f"treated with chemotherapy{_FIRST[declined]}: at best a later option.",
            trials=("TROPiCS-02",),
        )
    return Effect(
        code="sg_within_label",
        ceiling=1,
        text=f"{label}: at best an alternative.",  # chemotherapy may rank below it (9792)
        trials=("TROPiCS-02",),
    )


def gate(
    i: HistoryInputs, lines: int, loss: float, need: int = 1, *, crisis_alternative: bool = True
) -> tuple[float, int]:
    """What an ADC before the ``need`` chemotherapy lines its trial required loses, and the best
    tier it keeps: a later option (the review's Discussion: ADCs after one or two lines of
    chemotherapy; sacituzumab govitecan after one line too, TROPiCS-02 having enrolled after
    2-4: case 7218c, where a short CDK4/6-inhibitor course's lift made it an alternative). In a
    visceral crisis chemotherapy comes first by rule 7 and will be one line: an ADC that line
    opens is the alternative to it (no loss: the crisis orders it already); one that needs
    more, or that is not to be the crisis's alternative (``crisis_alternative``: no survival
    benefit), stays a later option."""
    if i.visceral_crisis:
        return 0.0, 1 if crisis_alternative and lines + 1 >= need else 2
    return loss, 2


def crisis_demotion(i: HistoryInputs, ceiling: int) -> Precedence | None:
    """In a visceral crisis, an ADC the crisis's chemotherapy line does not open (``gate``'s
    later option) is not one of its options either (case 694; case 371: after the PARP
    inhibitors)."""
    return Precedence.NOT_A_CRISIS_OPTION if i.visceral_crisis and ceiling == 2 else None


def _before_lines(  # noqa: PLR0917 - one call site, in order
    i: HistoryInputs, lines: int, line: str, counted: str, trial: tuple[str, str, int], w: Weights
) -> Effect:
    """An ADC before the chemotherapy lines its trial required (``trial``: its key, its range
    of lines and the least of them)."""
    key, enrolled, need = trial
    delta, ceiling = gate(i, lines, w.adc_gated, need)
    return Effect(
        code="adc_before_chemotherapy",
        delta=delta,
        ceiling=ceiling,
        demote=crisis_demotion(i, ceiling),
        after="" if i.chemotherapy_declined else "chemotherapy",  # as it says (9800)
        text=f"{_lines(lines).capitalize()} prior {line}{'' if lines == 1 else 's'}"
        f"{counted or ' for metastatic disease'}: {key} enrolled after {enrolled}"
        f"{_FIRST[i.chemotherapy_declined]}.",
        trials=(key,),
    )


# rule 7: visceral crisis: chemotherapy first
@rule(
    7,
    "Visceral crisis: chemotherapy first",
    H,
    condition="visceral_crisis is true.",
    effect="Hard precedence: chemotherapy ranks before every other option, then the ADCs (a "
    "cytotoxic payload) that its line opens before the options that are not cytotoxic (case "
    "694), beside them a PARP inhibitor rule 44 places first for a germline BRCA1/2 mutation "
    "(its option after chemotherapy: case 1091); the others also "
    "lose merit, and only an ADC may still be preferred or an alternative. Datopotamab "
    "deruxtecan before any chemotherapy line is not the crisis's alternative (rule 30: no "
    "overall-survival benefit), and its reason says so (9703).",
    codes=(
        "visceral_crisis_chemotherapy_first",
        "visceral_crisis_not_first",
        "visceral_crisis_not_cytotoxic",
    ),
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
            text="Visceral crisis: chemotherapy comes first (rule 7), as practice guidelines "
            "give it, not the review's words; the review gives a CDK4/6 inhibitor plus "
            "endocrine therapy for disease without visceral crisis.",
            references=VISCERAL_CRISIS_REFERENCES,
        )
    else:
        yield Effect(
            code="visceral_crisis_not_first",
            delta=ctx.weights.visceral_crisis_others,
            demote=Precedence.VISCERAL_CRISIS,
            ceiling=0 if kinds.is_adc(spec) else 2,  # only cytotoxics answer a crisis
            text=(
                NOT_THE_ALTERNATIVE
                if not_a_crisis_alternative(i, spec)
                else "Visceral crisis: chemotherapy is ranked first; an ADC's payload is "
                "cytotoxic, so the crisis holds it back no further: it may still be preferred or "
                "an alternative, after chemotherapy."  # no lines named: none may (case 858)
                if kinds.is_adc(spec)
                else "Visceral crisis: chemotherapy comes first, this after it."
            ),
            references=VISCERAL_CRISIS_REFERENCES,
        )
    if not kinds.is_adc(spec) and not kinds.is_chemotherapy(spec) and not _parp_next(i, spec):
        yield Effect(  # case 694
            code="visceral_crisis_not_cytotoxic",
            demote=Precedence.NOT_A_CRISIS_OPTION,
            text=_NOT_CYTOTOXIC_FIRST_LINE
            if first_line_after_crisis(i)
            else "Not cytotoxic: in a visceral crisis the ADCs that chemotherapy's line opens as "
            "its alternative, whose payload is cytotoxic, come before it, after chemotherapy.",
            references=VISCERAL_CRISIS_REFERENCES,
        )


#: rule 7's reason where rule 73 puts the ADCs after the first-line standard (case 2465)
_NOT_CYTOTOXIC_FIRST_LINE = (
    "Not cytotoxic: in a visceral crisis it comes after chemotherapy; with no CDK4/6 inhibitor "
    "on record and no endocrine therapy the disease resisted, the ADCs come after the "
    "CDK4/6-inhibitor regimens (rule 73)."
)


def _parp_next(i: HistoryInputs, spec: RegimenSpec) -> bool:
    """A PARP inhibitor for a germline BRCA1/2 mutation rule 44 places first, after progression
    on a CDK4/6 inhibitor and within OlympiAD's lines: in a crisis the option after chemotherapy,
    as rule 44 says, before the ADCs its line opens (case 1091)."""
    return (
        kinds.is_parp_inhibitor(spec)
        and bool(i.parp_targets and i.cdk46i_resistant)
        and i.chemo_lines <= OLYMPIAD_CHEMOTHERAPY_LINES
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
        yield left_out(
            ExclusionCode.NEGATIVE_TRIAL,
            text=f"{spec.negative_trial} showed no significant benefit after a CDK4/6 inhibitor; "
            "outside a trial it is left out.",
            trials=(spec.negative_trial,),
        )
