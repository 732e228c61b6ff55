"""Figures (the optional extra ``resistx[plot]``): a forest plot and a plan chart.

Each function returns a ``matplotlib.figure.Figure`` built without pyplot's global state,
so it works headless and in notebooks alike. matplotlib is imported when a figure is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resistx._errors import MissingExtraError
from resistx.evidence._base import EvidenceBase
from resistx.evidence._load import bundled
from resistx.model._show import ratio, ratio_ci
from resistx.model.enums import DrugClass, Factor
from resistx.model.plan import Plan
from resistx.vocab import regimens

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_ENDOCRINE_PARTNERS = {DrugClass.SERD, DrugClass.AROMATASE_INHIBITOR}
_CLASS_LABEL = {
    DrugClass.ORAL_SERD: "Oral SERD",
    DrugClass.PI3K_INHIBITOR: "PI3K inhibitor",
    DrugClass.AKT_INHIBITOR: "AKT inhibitor",
    DrugClass.MTOR_INHIBITOR: "mTOR inhibitor",
    DrugClass.CDK46_INHIBITOR: "CDK4/6 inhibitor continued",
    DrugClass.ADC_HER2: "ADC (HER2)",
    DrugClass.ADC_TROP2: "ADC (Trop-2)",
    DrugClass.BCL2_INHIBITOR: "BCL2 inhibitor",
    DrugClass.PARP_INHIBITOR: "PARP inhibitor",
}
_FACTOR_COLOUR = {
    Factor.MOLECULAR: "#1b9e77",
    Factor.EFFICACY: "#7570b3",
    Factor.HISTORY: "#d95f02",
    Factor.BALANCE: "#e7298a",
}


def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError("plots need matplotlib", "plot") from None
    return Figure(figsize=(width, height), layout="constrained")


def _drug_class(regimen_id: str | None) -> DrugClass | None:
    if regimen_id is None or regimen_id not in regimens.ALL_BY_ID:
        return None
    drug_classes = regimens.ALL_BY_ID[regimen_id].drug_classes
    classes = [c for c in drug_classes if c not in _ENDOCRINE_PARTNERS]
    return classes[0] if classes else None


def forest_rows(evidence: EvidenceBase | None = None) -> list[dict[str, Any]]:
    """The hazard ratios after a CDK4/6 inhibitor that a forest plot shows, grouped by drug class.

    A treatment comparison only (not a regimen in two kinds of patients), with a 95% CI.
    """
    eb = evidence or bundled()
    rows = []
    for t in eb.after_cdk46i():
        for h in t.hazard_ratios:
            exp, ctl = t.arm(h.experimental).regimen, t.arm(h.control).regimen
            group = _drug_class(exp)
            if h.ci95 is None or group is None or exp == ctl:
                continue
            rows.append(
                {
                    "group": _CLASS_LABEL.get(group, group.value),
                    "trial": t.key,
                    "population": h.population,
                    "endpoint": h.endpoint_kind.value,
                    "hr": h.value,
                    "low": h.ci95[0],
                    "high": h.ci95[1],
                    "significant": h.significant,
                }
            )
    return sorted(rows, key=lambda r: (r["group"], r["trial"], r["endpoint"], r["population"]))


def forest(evidence: EvidenceBase | None = None) -> Figure:
    """Forest plot of the hazard ratios after a CDK4/6 inhibitor: log scale, 95% CI bars,
    grouped by drug class, each row labelled with trial, endpoint and population."""
    rows = forest_rows(evidence)
    lines: list[tuple[str, dict[str, Any] | None]] = []
    for row in rows:
        if not lines or lines[-1][0] != row["group"]:  # rows come sorted by group
            lines.append((row["group"], None))
        lines.append((row["group"], row))
    fig = _figure(9.0, 0.32 * len(lines) + 1.4)
    ax = fig.add_subplot()
    labels = []
    for y, (group, row) in enumerate(reversed(lines)):
        if row is None:
            labels.append(group)
            continue
        colour = "#1b7837" if row["high"] < 1 and row["significant"] is not False else "#555555"
        ax.errorbar(
            row["hr"],
            y,
            xerr=[[row["hr"] - row["low"]], [row["high"] - row["hr"]]],
            fmt="s",
            color=colour,
            ecolor=colour,
            capsize=3,
            markersize=5,
        )
        labels.append(
            f"   {row['trial']} ({row['endpoint']}, {row['population']})  "
            f"{ratio(row['hr'])} [{ratio_ci((row['low'], row['high']), '-')}]"
        )
    ax.axvline(1.0, color="black", linewidth=0.8, linestyle="--")
    ax.set_xscale("log")
    low = min((r["low"] for r in rows), default=0.2) * 0.8
    high = max((r["high"] for r in rows), default=2.0) * 1.25
    ax.set_xlim(low, high)
    ticks = [t for t in (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0) if low <= t <= high]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for tick, (_, row) in zip(ax.get_yticklabels(), reversed(lines), strict=True):
        if row is None:
            tick.set_fontweight("bold")
    ax.set_xlabel("Hazard ratio (95% CI), log scale; < 1 favours the experimental arm")
    ax.set_title("After a CDK4/6 inhibitor: hazard ratios reported in Ye et al. 2024", fontsize=10)
    ax.grid(axis="x", which="both", alpha=0.3)
    return fig


def plan(p: Plan) -> Figure:
    """The ranked options with their four factor scores, best at the top."""
    options = p.options
    fig = _figure(9.0, 0.38 * len(options) + 1.4)
    ax = fig.add_subplot()
    right, left = 1.0, -1.0
    for y, o in enumerate(reversed(options)):
        pos, neg = 0.0, 0.0
        for factor in Factor:
            value = getattr(o.scores, factor.value)
            start = pos if value >= 0 else neg
            ax.barh(
                y,
                value,
                left=start,
                color=_FACTOR_COLOUR[factor],
                label=factor.value if y == 0 else None,
                height=0.6,
            )
            if value >= 0:
                pos += value
            else:
                neg += value
        ax.plot(o.scores.total, y, marker="|", color="black", markersize=14)
        right, left = max(right, pos), min(left, neg)
    ax.set_xlim(left * 1.08, right * 1.08)
    ax.set_yticks(
        range(len(options)),
        [f"{o.rank}. {o.regimen.name} [{o.tier.value}]" for o in reversed(options)],
        fontsize=8,
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Factor scores (bars) and total (|)")
    who = p.patient_id or "an unnamed patient"
    ax.set_title(f"resistx plan for {who} ({p.policy.name})", fontsize=10)  # 9306
    ax.legend(loc="lower right", fontsize=8)
    return fig
