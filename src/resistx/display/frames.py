"""pandas data frames of plans and evidence (the optional extra ``resistx[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resistx._errors import MissingExtraError
from resistx.evidence._base import EvidenceBase
from resistx.model.evidence import AdverseEvent, Endpoint, HazardRatio
from resistx.model.plan import Plan, Reason, rule_numbers

if TYPE_CHECKING:
    import pandas as pd


def _frame(rows: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    try:
        import pandas  # noqa: PLC0415 - an optional extra, imported only when a frame is asked for
    except ImportError:
        raise MissingExtraError("data frames need pandas", "pandas") from None
    return pandas.DataFrame(rows, columns=columns)


PLAN_COLUMNS = [
    "patient_id",
    "as_of",
    "rank",
    "regimen",
    "name",
    "tier",
    "excluded",
    "waits_on",
    "codes",
    "rules",
    "molecular",
    "efficacy",
    "history",
    "balance",
    "total",
    "reasons",
    "trials",
    "cautions",
]


def _rules(reasons: tuple[Reason, ...]) -> str:
    return ", ".join(map(str, rule_numbers(reasons)))


def _trials(reasons: tuple[Reason, ...]) -> str:
    return ", ".join(dict.fromkeys(t for r in reasons for t in r.trials))


def plan_frame(plan: Plan) -> pd.DataFrame:
    """One row per option (rank, tier, the tests it waits on, its reasons' codes and rules,
    each once, the four factor scores, total, reasons, cautions), then one per excluded regimen
    (``rank`` and scores null, ``codes`` the exclusion's codes); every row carries the plan's
    ``patient_id`` and ``as_of`` so that frames of many plans concatenate."""
    who = {"patient_id": plan.patient_id, "as_of": plan.as_of}
    rows: list[dict[str, Any]] = [
        {
            **who,
            "rank": o.rank,
            "regimen": o.regimen.id,
            "name": o.regimen.name,
            "tier": o.tier.value,
            "excluded": False,
            "waits_on": ", ".join(o.waits_on),  # the tests it waits on (6318)
            "codes": ", ".join(dict.fromkeys(r.code for r in o.reasons)),  # as a cohort's rows
            "rules": _rules(o.reasons),  # ... and the rules behind them (9485)
            "molecular": o.scores.molecular,
            "efficacy": o.scores.efficacy,
            "history": o.scores.history,
            "balance": o.scores.balance,
            "total": o.scores.total,
            "reasons": " | ".join(r.text for r in o.reasons),
            "trials": _trials(o.reasons),
            "cautions": " | ".join(c.text for c in o.cautions),
        }
        for o in plan.options
    ]
    rows += [
        {
            **who,
            "rank": None,
            "regimen": e.regimen.id,
            "name": e.regimen.name,
            "tier": None,
            "excluded": True,
            "waits_on": "",
            "codes": ", ".join(c.value for c in e.codes),
            "rules": _rules(e.reasons),
            "reasons": " | ".join(r.text for r in e.reasons),
            "trials": _trials(e.reasons),
            "cautions": "",
        }
        for e in plan.excluded
    ]
    frame = _frame(rows, PLAN_COLUMNS)
    frame["rank"] = frame["rank"].astype("Int64")  # null for an excluded regimen
    return frame


def _verification(figure: Endpoint | HazardRatio | AdverseEvent) -> str | None:
    """'primary' or 'secondary' for a figure an evidence pack adds; null for the review's own."""
    return figure.verification.value if figure.verification else None


def endpoints_frame(eb: EvidenceBase) -> pd.DataFrame:
    """One row per endpoint and per hazard ratio: trial, arm, population, value, CI, p-value
    (``p_below``: printed as below it, 'p<0.001'), source, and the verification level of a
    figure a pack adds (6311: a secondary-source figure read as primary)."""
    rows = [
        {
            "trial": t.key,
            "kind": e.kind.value,
            "arm": e.arm,
            "population": e.population,
            "value": e.value,
            "ci_low": e.ci95[0] if e.ci95 else None,
            "ci_high": e.ci95[1] if e.ci95 else None,
            "timepoint_months": e.timepoint_months,
            "p_value": None,
            "p_below": False,
            "source": e.source,
            "references": ", ".join(map(str, e.references or t.references)),
            "verification": _verification(e),
        }
        for t in eb.trials
        for e in t.endpoints
    ]
    rows += [
        {
            "trial": t.key,
            "kind": f"HR_{h.endpoint_kind.value}",
            "arm": f"{h.experimental} vs {h.control}",
            "population": h.population,
            "value": h.value,
            "ci_low": h.ci95[0] if h.ci95 else None,
            "ci_high": h.ci95[1] if h.ci95 else None,
            "timepoint_months": None,
            "p_value": h.p_value,
            "p_below": h.p_below,
            "source": h.source,
            "references": ", ".join(map(str, h.references or t.references)),
            "verification": _verification(h),
        }
        for t in eb.trials
        for h in t.hazard_ratios
    ]
    return _frame(rows)


def adverse_events_frame(eb: EvidenceBase) -> pd.DataFrame:
    """One row per adverse event: trial, arm, regimen, term, any grade %, the severe grades'
    % (``severe_grades``: '3 or worse', or '3-4' where the source prints grade 3-4), deaths
    (grade 5: patients and %), source, and a pack figure's verification level."""
    rows = [
        {
            "trial": t.key,
            "arm": a.arm,
            "regimen": t.arm(a.arm).regimen,
            "term": a.term,
            "any_grade_percent": a.any_grade_percent,
            "grade3plus_percent": a.grade3plus_percent,
            "severe_grades": a.severe_grades,
            "fatal_patients": a.fatal_patients,
            "fatal_percent": a.fatal_percent,
            "source": a.source,
            "verification": _verification(a),
        }
        for t in eb.trials
        for a in t.adverse_events
    ]
    return _frame(rows)
