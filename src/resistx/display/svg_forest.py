"""A forest plot of the hazard ratios a plan cites, as inline SVG written here (no matplotlib).

One panel per cited trial (in the order the plan first cites it), one row per hazard ratio:
its endpoint, population and arms on a line of text, then the point and its 95% CI on a log
scale. The numbers are also data attributes of each row, so a reader (or a test) can check
them without reading pixels.
"""

from __future__ import annotations

import math
import textwrap
from html import escape

import attrs

from resistx.display._common import studies
from resistx.evidence._base import EvidenceBase
from resistx.model._show import ratio, ratio_ci
from resistx.model.plan import Plan

WIDTH = 400  # user units: 13-unit type reads at about body size on a phone and a desktop
_LEFT, _VALUE_WIDTH = 8, 118  # the bars run from _LEFT to WIDTH - _VALUE_WIDTH
_LINE = 16  # height of a line of text
_BAR = 20  # height of the line a bar is drawn on
_CHARS = 46  # a label line wraps after this many characters (13-unit type)
_FAVOURS = "#1b7837"  # the whole CI below 1
_NEUTRAL = "#555555"


@attrs.frozen(kw_only=True)
class ForestRow:
    """One hazard ratio of a cited trial."""

    trial: str
    cited_for: str  # which options (by rank) or left-out regimens cite the trial
    endpoint: str
    population: str
    arms: str
    hr: float
    low: float | None
    high: float | None
    #: not a benefit where its significance boundary was not crossed (case 2027)
    significant: bool | None = None


def _citers(plan: Plan) -> dict[str, list[str]]:
    """Trial key -> who cites it, in the plan's order: options by rank, then left-out ones."""
    cited: dict[str, list[str]] = {}
    for o in plan.options:
        for key in dict.fromkeys(t for r in o.reasons for t in r.trials):
            cited.setdefault(key, []).append(f"#{o.rank} {o.regimen.name}")
    for e in plan.excluded:
        for key in dict.fromkeys(t for r in e.reasons for t in r.trials):
            cited.setdefault(key, []).append(f"left out: {e.regimen.name}")
    return cited


def cited_rows(plan: Plan, evidence: EvidenceBase) -> tuple[ForestRow, ...]:
    """Every hazard ratio of every trial the plan's reasons cite that ``evidence`` holds."""
    rows: list[ForestRow] = []
    for key, citers in _citers(plan).items():
        if key not in evidence:
            continue  # a reason may name a study only a newer evidence pack holds
        trial = evidence.trial(key)
        rows.extend(
            ForestRow(
                trial=trial.key,
                cited_for=", ".join(citers),
                endpoint=h.endpoint_kind.value,
                population=h.population,
                arms=f"{h.experimental} vs {h.control}",
                hr=h.value,
                low=h.ci95[0] if h.ci95 else None,
                high=h.ci95[1] if h.ci95 else None,
                significant=h.significant,
            )
            for h in trial.hazard_ratios
        )
    return tuple(rows)


def without_ratios(plan: Plan, evidence: EvidenceBase) -> tuple[list[str], list[str]]:
    """The cited trials the plot has no row for: those ``evidence`` holds without a hazard
    ratio, and those it does not hold at all (each list in citation order)."""
    no_ratio, unknown = [], []
    for key in _citers(plan):
        if key not in evidence:
            unknown.append(key)
        elif not evidence.trial(key).hazard_ratios:
            no_ratio.append(evidence.trial(key).key)
    return no_ratio, unknown


def _value_text(row: ForestRow) -> str:
    if row.low is None or row.high is None:
        return f"{ratio(row.hr)} (no CI)"
    return f"{ratio(row.hr)} ({ratio_ci((row.low, row.high))})"


def _scale(rows: tuple[ForestRow, ...]) -> tuple[float, float]:
    """The log-scale range the bars need, 1 always inside it."""
    lows = [r.low if r.low is not None else r.hr for r in rows]
    highs = [r.high if r.high is not None else r.hr for r in rows]
    return min([*lows, 1.0]) * 0.85, max([*highs, 1.0]) * 1.15


def _x(value: float, lo: float, hi: float) -> float:
    span = WIDTH - _VALUE_WIDTH - 2 * _LEFT
    return _LEFT + span * (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))


def _text(x: float, y: float, lines: list[str], cls: str) -> str:
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else _LINE}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}">{spans}</text>'


def _bar(row: ForestRow, y: float, lo: float, hi: float) -> str:
    """The point and CI of one hazard ratio, centred on ``y``."""
    favours = row.high is not None and row.high < 1 and row.significant is not False
    colour = _FAVOURS if favours else _NEUTRAL
    parts = []
    if row.low is not None and row.high is not None:
        x1, x2 = _x(row.low, lo, hi), _x(row.high, lo, hi)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        parts += [
            f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x:.1f}" y2="{y + 4:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
            for x in (x1, x2)
        ]
    cx = _x(row.hr, lo, hi)
    parts.append(f'<rect x="{cx - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>')
    value = f'<text class="v" x="{WIDTH - _LEFT}" y="{y + 4:.1f}" text-anchor="end">'
    parts.append(value + f"{escape(_value_text(row))}</text>")
    return "".join(parts)


def _row(row: ForestRow, top: float, lo: float, hi: float) -> tuple[str, float]:
    """One hazard ratio's group element and the height it takes."""
    label = textwrap.wrap(f"{row.endpoint}, {row.population}: {row.arms}", _CHARS)
    data = (
        f'data-trial="{escape(row.trial)}" data-endpoint="{escape(row.endpoint)}" '
        f'data-population="{escape(row.population)}" data-hr="{row.hr:g}" '
        f'data-low="{"" if row.low is None else f"{row.low:g}"}" '
        f'data-high="{"" if row.high is None else f"{row.high:g}"}"'
    )
    text = _text(_LEFT + 10, top + 12, label, "l")
    bar_y = top + _LINE * len(label) + _BAR / 2
    height = _LINE * len(label) + _BAR + 4
    return f'<g class="hr" {data}>{text}{_bar(row, bar_y, lo, hi)}</g>', height


_TICKS = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0)


def _grid(height: float, lo: float, hi: float) -> str:
    """Faint lines at the ticks and the dashed line of no difference, the panel's full height
    (drawn first: the labels' white halo keeps them readable across it)."""
    parts = [
        f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height:.1f}" stroke="#e4e4e4"/>'
        for x in (_x(t, lo, hi) for t in _TICKS if lo <= t <= hi and t != 1.0)
    ]
    one = _x(1.0, lo, hi)
    parts.append(
        f'<line x1="{one:.1f}" y1="0" x2="{one:.1f}" y2="{height:.1f}" '
        'stroke="#000" stroke-dasharray="4 3"/>'
    )
    return "".join(parts)


def _axis(lo: float, hi: float, caption: bool) -> str:
    """A panel of tick labels (and, at the foot, what the scale means)."""
    right = WIDTH - _VALUE_WIDTH - _LEFT
    parts = [f'<line x1="{_LEFT}" y1="4" x2="{right}" y2="4" stroke="#000"/>']
    for tick in _TICKS:
        if lo <= tick <= hi:
            x = _x(tick, lo, hi)
            parts.append(
                f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="9" stroke="#000"/>'
                f'<text class="t" x="{x:.1f}" y="22" text-anchor="middle">{tick:g}</text>'
            )
    parts.append(f'<text class="t" x="{WIDTH - _LEFT}" y="22" text-anchor="end">HR (95% CI)</text>')
    height = 28
    if caption:
        text = "hazard ratio, log scale; below 1 favours the first-named arm"
        parts.append(_text(_LEFT, 40, [text], "t"))
        height = 46
    return (
        f'<svg class="axis" viewBox="0 0 {WIDTH} {height}" aria-hidden="true">'
        f"{''.join(parts)}</svg>"
    )


def _panel(group: list[ForestRow], lo: float, hi: float) -> str:
    """One trial's rows as an ``<svg>`` of their own, on the scale shared by all panels."""
    first = group[0]
    name = studies((first.trial,))
    head = textwrap.wrap(f"{name} (cited for {first.cited_for})", _CHARS)
    body = [_text(_LEFT, 16, head, "g")]
    y = 4.0 + _LINE * len(head) + 4
    for row in group:
        element, height = _row(row, y, lo, hi)
        body.append(element)
        y += height
    return (
        f'<svg class="trial" viewBox="0 0 {WIDTH} {y:.0f}" role="img" '
        f'aria-label="{escape(name)}">{_grid(y, lo, hi)}{"".join(body)}</svg>'
    )


def figure(rows: tuple[ForestRow, ...], title: str) -> str:
    """The forest plot of ``rows``: one ``<svg>`` panel per trial on one shared log scale,
    with the scale above and below, so a printed page breaks between trials, never through
    one. ``title`` labels the whole figure for screen readers."""
    lo, hi = _scale(rows)
    groups: list[list[ForestRow]] = []
    for row in rows:  # rows come grouped by trial
        if not groups or groups[-1][0].trial != row.trial:
            groups.append([])
        groups[-1].append(row)
    panels = "".join(_panel(g, lo, hi) for g in groups)
    return (
        f'<div class="forest" role="group" aria-label="{escape(title)}">'
        f"{_axis(lo, hi, caption=False)}{panels}{_axis(lo, hi, caption=True)}</div>"
    )
