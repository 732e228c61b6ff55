"""Rule 30's gates: datopotamab deruxtecan by TROPION-Breast01's chemotherapy lines, and an
ADC before the lines its trial enrolled after (``practice_adc.later_adcs``)."""

from __future__ import annotations

from resistx.model.enums import EndpointKind
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect
from resistx.sequencing.rules.chemotherapy_lines import CHEMOTHERAPY_LINES_ENROLLED
from resistx.sequencing.rules.crisis_adcs import not_a_crisis_alternative
from resistx.sequencing.rules.figures import figures
from resistx.sequencing.rules.history import crisis_demotion, gate

OS = EndpointKind.OS


def datopotamab_deruxtecan(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Effect:
    """Rule 30 for datopotamab deruxtecan: after 1-2 chemotherapy lines (TROPION-Breast01) an
    option on its merit; before any, gated as rule 4 gates an ADC. Either way its reason
    says the trial brought no overall-survival benefit."""
    trial = "TROPION-Breast01"
    os_ = figures(ctx, trial, spec.id, "ITT", OS)
    no_os = f"; no overall-survival benefit ({os_})" if os_ else "; no overall-survival benefit"
    if not_a_crisis_alternative(i, spec):
        # with no survival benefit it is not the alternative to a crisis's chemotherapy
        return gated(
            trial,
            "1-2 chemotherapy lines for advanced disease",
            ctx.weights.adc_gated,
            i,
            no_os,
            crisis_alternative=False,
        )
    pfs = figures(ctx, trial, spec.id, "ITT")
    said = f": {pfs}" if pfs else ""
    need, most = CHEMOTHERAPY_LINES_ENROLLED[trial]
    # an ADC line counts among the lines past its trial's, its payload cytotoxic (8026: after
    # sacituzumab govitecan stopped for toxicity it came first as 'after 2 chemotherapy lines')
    if i.chemo_lines + i.adc_lines > most:  # case 2545
        return Effect(
            code="datopotamab_deruxtecan_past_its_lines",
            delta=ctx.weights.datodxd_opened,
            ceiling=1,
            text=f"{_lines(i)}: {trial} enrolled after {need}-{most} lines, "
            f"so this patient is outside it{said}{no_os}; sacituzumab govitecan's trial "
            "(TROPiCS-02) enrolled after more lines and brought an overall-survival gain: at "
            "best an alternative.",
            trials=(trial, "TROPiCS-02"),
        )
    within = f"{_lines(i)}: {trial} enrolled after {need}-{most} lines{said}{no_os}"
    events = sorted(e for d, e in i.other_toxicity_stops if d == "sacituzumab govitecan")
    if ended := (f"stopped for {' and '.join(events)}" if events else i.trop2_adc_ended):
        return Effect(  # 8209, 8372: first and preferred after it, on the trial's figures alone
            code="datopotamab_deruxtecan_after_trop2_adc",
            delta=ctx.weights.datodxd_opened,
            ceiling=1,
            text=f"{within}; after sacituzumab govitecan, another TROP2 ADC ({ended}), "
            "whether its result reaches this patient is not in the sources: at best an "
            "alternative.",
            trials=(trial,),
        )
    return Effect(
        code="prior_chemotherapy_opens_datopotamab_deruxtecan",
        delta=ctx.weights.datodxd_opened,
        text=f"{within}.",
        trials=(trial,),
    )


def _lines(i: HistoryInputs) -> str:
    """'3 prior chemotherapy lines', or '2 prior chemotherapy lines and 1 ADC line'."""
    chemo = f"{i.chemo_lines} prior chemotherapy line{'s' if i.chemo_lines != 1 else ''}"
    adc = f" and {i.adc_lines} ADC line{'s' if i.adc_lines != 1 else ''}" if i.adc_lines else ""
    return chemo + adc


def gated(
    trial: str,
    after: str,
    loss: float,
    i: HistoryInputs,
    also: str = "",
    *,
    crisis_alternative: bool = True,
) -> Effect:
    # before any of the lines its trial required (rule 4)
    delta, ceiling = gate(i, 0, loss, crisis_alternative=crisis_alternative)
    return Effect(
        code="adc_before_chemotherapy",
        delta=delta,
        ceiling=ceiling,
        demote=crisis_demotion(i, ceiling),
        text=f"{trial} enrolled after {after}, which this patient has not had{also}."
        + (_NOT_THE_CRISIS_ALTERNATIVE if i.visceral_crisis and not crisis_alternative else ""),
        trials=(trial,),
    )


#: where an ADC the crisis's chemotherapy line would open is still not its alternative (9680:
#: the options that are not cytotoxic say the ADCs that line opens come before them)
_NOT_THE_CRISIS_ALTERNATIVE = (
    " In the visceral crisis it is not the alternative to chemotherapy, having brought no "
    "overall-survival benefit: it ranks with the options that are not cytotoxic."
)
