"""What the text, Markdown and HTML views of a plan share: the one-line why of an option."""

from __future__ import annotations

from resistx.model.enums import Factor
from resistx.model.evidence import Trial
from resistx.model.plan import Option

ENDPOINT_HEADER = ["endpoint", "arm", "population", "value", "95% CI", "where"]
HAZARD_HEADER = ["HR", "population", "arms", "value", "95% CI", "p"]


def efficacy_text(option: Option) -> str:
    return next((r.text for r in option.reasons if r.factor is Factor.EFFICACY), "")


def why(option: Option) -> str:
    """The reason that moved the option most: molecular or history, else the efficacy."""
    moved = {Factor.MOLECULAR: option.scores.molecular, Factor.HISTORY: option.scores.history}
    factor = max(moved, key=lambda f: (abs(moved[f]), f is Factor.MOLECULAR))
    if moved[factor] == 0:
        factor = Factor.EFFICACY
    return next(r.text for r in option.reasons if r.factor is factor)


def _ci(ci95: tuple[float, float] | None) -> str:
    return f"{ci95[0]:g}-{ci95[1]:g}" if ci95 else ""


def endpoint_rows(t: Trial) -> list[list[str]]:
    """A trial's endpoints as table rows of plain text (the views escape them)."""
    return [
        [
            e.kind.value + (f" at {e.timepoint_months:g} mo" if e.timepoint_months else ""),
            e.arm,
            e.population,
            f"{e.value:g}",
            _ci(e.ci95),
            e.source,
        ]
        for e in t.endpoints
    ]


def hazard_rows(t: Trial) -> list[list[str]]:
    """A trial's hazard ratios as table rows of plain text."""
    return [
        [
            h.endpoint_kind.value,
            h.population,
            f"{h.experimental} vs {h.control}",
            f"{h.value:g}",
            _ci(h.ci95),
            "" if h.p_value is None else f"{h.p_value:g}",
        ]
        for h in t.hazard_ratios
    ]
