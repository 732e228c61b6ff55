"""ESMO Magnitude of Clinical Benefit Scale v1.1, preliminary grade for comparative trials.

Form 2b grades a PFS result, Form 2a an OS result, each from the lower limit of the
hazard ratio's 95% CI and the absolute gain in median. Only results whose CI
excludes 1 are graded. Thresholds as published by ESMO (Cherny et al., Ann Oncol
2017;28:2340-66, Forms 2a and 2b); the review itself does not grade.
"""

from __future__ import annotations

from typing import Literal

import attrs

from resistx import _suggest
from resistx.model._show import ratio, ratio_ci
from resistx.model.enums import EndpointKind
from resistx.model.evidence import HazardRatio, Trial

#: (control median ceiling in months or None for above it) -> [(grade, HR-lower max, gain min)]
_Thresholds = tuple[tuple[int, float, float], ...]
_FORM_2B_SHORT: _Thresholds = ((3, 0.65, 1.5), (2, 0.75, 1.0))  # control PFS <= 6 months
_FORM_2B_LONG: _Thresholds = ((3, 0.65, 3.0), (2, 0.75, 1.5))  # control PFS > 6 months
_FORM_2A_SHORT: _Thresholds = ((4, 0.65, 3.0), (3, 0.70, 2.5), (2, 0.75, 1.5))  # OS <= 12
_FORM_2A_LONG: _Thresholds = ((4, 0.70, 5.0), (3, 0.75, 3.0), (2, 0.80, 1.5))  # OS > 12


@attrs.frozen(kw_only=True)
class McbsGrade:
    """A preliminary ESMO-MCBS grade with the inputs it was computed from.

    ``grade`` is None when the result is not gradable; ``reason`` then says why.
    """

    trial: str
    population: str
    endpoint_kind: EndpointKind
    form: Literal["2a", "2b"]
    hr: float | None
    hr_ci_lower: float | None
    experimental_median: float | None
    control_median: float | None
    gain_months: float | None
    grade: int | None
    reason: str

    @property
    def gradable(self) -> bool:
        return self.grade is not None


def _form(kind: EndpointKind) -> Literal["2a", "2b"]:
    if kind is EndpointKind.OS:
        return "2a"
    if kind is EndpointKind.PFS:
        return "2b"
    msg = f"ESMO-MCBS Forms 2a/2b grade OS or PFS, not {kind.value}"
    raise ValueError(msg)


def grade(
    hr: HazardRatio | None,
    experimental_median: float | None,
    control_median: float | None,
    *,
    trial: str = "",
    population: str = "ITT",
    endpoint_kind: EndpointKind = EndpointKind.PFS,
) -> McbsGrade:
    """Grade one comparison: Form 2b for PFS, Form 2a for OS."""
    kind = hr.endpoint_kind if hr is not None else endpoint_kind
    form = _form(kind)
    lower = hr.ci95[0] if hr is not None and hr.ci95 is not None else None
    gain = (
        round(experimental_median - control_median, 6)
        if experimental_median is not None and control_median is not None
        else None
    )

    def result(value: int | None, reason: str) -> McbsGrade:
        return McbsGrade(
            trial=trial,
            population=hr.population if hr is not None else population,
            endpoint_kind=kind,
            form=form,
            hr=hr.value if hr is not None else None,
            hr_ci_lower=lower,
            experimental_median=experimental_median,
            control_median=control_median,
            gain_months=gain,
            grade=value,
            reason=reason,
        )

    if hr is None:
        return result(None, "not gradable: its source reports no hazard ratio")
    if hr.ci95 is None:
        return result(None, "not gradable: its source reports no 95% CI for the hazard ratio")
    if hr.boundary_crossed is False:  # case 2027: EMBER-3's interim overall survival
        return result(None, "not gradable: its significance boundary was not crossed")
    if hr.ci95[1] >= 1.0:
        return result(
            None,
            f"not gradable: the 95% CI {ratio_ci(hr.ci95, '-')} does not exclude 1 on the side of "
            "benefit",
        )
    if subgroup_explored(hr):  # FAKTION's NGS subgroups (case 6100), EMERALD's post hoc ones
        return result(None, "not gradable: an exploratory or post hoc subgroup analysis")
    if gain is None or control_median is None or lower is None:
        return result(None, "not gradable: its source reports no median for both arms")
    if form == "2b":
        table = _FORM_2B_SHORT if control_median <= 6 else _FORM_2B_LONG
        band = "control median <= 6 months" if control_median <= 6 else "control median > 6 months"
    else:
        table = _FORM_2A_SHORT if control_median <= 12 else _FORM_2A_LONG
        band = (
            "control median <= 12 months" if control_median <= 12 else "control median > 12 months"
        )
    for value, max_lower, min_gain in table:
        if lower <= max_lower and gain >= min_gain:
            return result(
                value,
                f"Form {form}, {band}: HR lower limit {ratio(lower)} <= {ratio(max_lower)} "
                f"and gain {gain:g} >= {min_gain:g} months",
            )
    return result(
        1, f"Form {form}, {band}: HR lower limit {ratio(lower)} with gain {gain:g} months"
    )


def subgroup_explored(hr: HazardRatio) -> bool:
    """A hazard ratio of an exploratory or post hoc subgroup analysis, as its source says: the
    ESMO-MCBS grades primary and prespecified analyses only."""
    source = hr.source.casefold()
    return "exploratory" in source or "post hoc" in source


def grade_trial(
    trial: Trial | str,
    population: str = "ITT",
    endpoint_kind: EndpointKind | str = EndpointKind.PFS,
) -> McbsGrade:
    """Grade a trial's hazard ratio for one population (in any case: 'itt', 'esr1-mutated'),
    with the medians of the same arms; a population the trial does not report raises
    ``KeyError`` naming its populations (case 5109: a misspelt one was 'not gradable: its
    source reports no hazard ratio', which was false). ``trial``: a study of the evidence, or
    its name in the default evidence (case 5543: a name raised AttributeError)."""
    if isinstance(trial, str):
        from resistx.evidence._load import bundled  # noqa: PLC0415 - no cycle at import

        trial = bundled().trial(trial)
    populations = {p.casefold(): p for p in _populations(trial)}
    if not populations:  # 7819: "its populations: " and nothing after
        msg = f"{trial.key} reports no population with a figure to grade (no endpoint or ratio)"
        raise KeyError(msg)
    if population.casefold() not in populations:
        near = _suggest.closest(population, sorted(populations.values()), n=5)
        msg = (
            f"{trial.key} reports no population {population!r}; its populations: "
            f"{', '.join(sorted(populations.values()))}"
            + (f" (closest: {', '.join(near)})" if near else "")
        )
        raise KeyError(msg)
    population = populations[population.casefold()]
    endpoint_kind = EndpointKind(endpoint_kind)  # a name ('PFS', 'OS') too (case 5109)
    hr = next(
        (
            h
            for h in trial.hazard_ratios
            if h.population == population and h.endpoint_kind is endpoint_kind
        ),
        None,
    )

    def median(arm: str) -> float | None:
        return next(
            (
                e.value
                for e in trial.endpoints
                if e.kind is endpoint_kind and e.arm == arm and e.population == population
            ),
            None,
        )

    exp = median(hr.experimental) if hr else None
    ctl = median(hr.control) if hr else None
    return grade(hr, exp, ctl, trial=trial.key, population=population, endpoint_kind=endpoint_kind)


def _populations(trial: Trial) -> set[str]:
    """The populations a trial reports an endpoint or a hazard ratio of."""
    return {e.population for e in trial.endpoints} | {h.population for h in trial.hazard_ratios}
