"""The concordance figure (the ``plot`` extra): where the treatments given next stood in the plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resistx._errors import MissingExtraError
from resistx.cohort._concordance import PLACES, Summary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: the rules shown, most frequent first
TOP_RULES = 15


def concordance(summary: Summary) -> Figure:
    """Two bar charts: patients by the place of their next treatment (the part ranked first
    darker), and the rules most often behind that place."""
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - the plot extra
    except ImportError:
        raise MissingExtraError("the concordance plot needs matplotlib", "plot") from None
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    by_place, by_rule = figure.subplots(1, 2)
    places = list(PLACES)
    totals = [summary.by_place[p] for p in places]
    firsts = [summary.first_by_place[p] for p in places]
    by_place.barh(places, totals, color="#9ecae1", label="given next")
    by_place.barh(places, firsts, color="#3182bd", label="ranked first")
    by_place.invert_yaxis()
    by_place.set_xlabel("patients")
    by_place.set_title(f"Next treatment's place ({summary.stated:,} stated)")
    by_place.legend(loc="lower right")
    rules = [r for r, _n in summary.by_rule.most_common(TOP_RULES)]
    by_rule.barh([f"rule {r}" for r in rules], [summary.by_rule[r] for r in rules], color="#9ecae1")
    by_rule.barh(
        [f"rule {r}" for r in rules], [summary.first_by_rule[r] for r in rules], color="#3182bd"
    )
    by_rule.invert_yaxis()
    by_rule.set_xlabel("patients")
    shown = (  # on a line of its own: one line was cut at the figure's edge (case 6319)
        f"\n(the {len(rules)} most frequent of {len(summary.by_rule)}; all in the CSV)"
        if len(rules) < len(summary.by_rule)
        else ""
    )  # case 5750: the rules left off were not said to be
    by_rule.set_title(f"Rules behind that place{shown}")
    return figure
