"""Self-contained HTML views for notebooks (``_repr_html_``): tables, escaped text, no scripts."""

from __future__ import annotations

from collections.abc import Iterable

from resistx.display._common import (
    ALSO_TO_DO,
    BEFORE_CHOOSING,
    NOT_ASSESSED,
    efficacy_text,
    escape,
    prior_cdk46i,
    split_actions,
    studies,
    trial_view,
    why_besides_evidence,
)
from resistx.evidence._base import EvidenceBase
from resistx.model.evidence import Trial
from resistx.model.plan import Action, Option, Plan

_STYLE = "border-collapse:collapse;text-align:left;vertical-align:top"
_TIER_COLOUR = {
    "preferred": "#1b7837",
    "alternative": "#5a6f9a",
    "later": "#777",
    "trial": "#8c510a",
}


def _row(cells: Iterable[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag} style='padding:2px 6px'>{c}</{tag}>" for c in cells) + "</tr>"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    body = "".join(_row(r) for r in rows)
    return f"<table style='{_STYLE}'><thead>{_row(map(escape, header), 'th')}</thead><tbody>{body}</tbody></table>"


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _option_cells(o: Option) -> list[str]:
    colour = _TIER_COLOUR[o.tier.value]
    reasons = "".join(
        f"<div><b>{escape(r.factor.value)}</b>: {escape(r.text)} <i>({escape(studies(r.trials))})</i></div>"
        for r in o.reasons
    )
    return [
        str(o.rank),
        f"<b>{escape(o.regimen.name)}</b>",
        f"<span style='color:{colour}'>{escape(o.tier.value)}</span>",
        f"{o.scores.total:.2f}",
        f"{escape(why_besides_evidence(o))}<details><summary>all reasons</summary>{reasons}</details>",
        escape(efficacy_text(o)),
        "<br>".join(escape(c.text) for c in o.cautions),
    ]


def plan(p: Plan) -> str:
    date = p.as_of.isoformat() if p.as_of else "unknown"
    parts = [
        f"<div><p><b>resistx plan</b> for {escape(p.patient_id or 'an unnamed patient')} "
        f"(decision date {date}, policy {escape(p.policy.name)}, "
        f"evidence {escape(p.evidence_version)})</p>",
    ]
    before, after = split_actions(p)

    def block(title: str, actions: tuple[Action, ...]) -> list[str]:
        return [f"<p><b>{title}</b></p>", _list(a.text for a in actions)] if actions else []

    if p.not_assessed:
        parts += [f"<p><b>{escape(NOT_ASSESSED)}</b></p>", _list(p.not_assessed)]
    parts += block(BEFORE_CHOOSING, before)
    parts.append(
        _table(
            ["#", "regimen", "tier", "score", "why", "evidence", "cautions"],
            (_option_cells(o) for o in p.options),
        )
    )
    if p.excluded:
        parts.append("<p><b>Left out</b></p>")
        parts.append(
            _table(
                ["regimen", "codes", "why"],
                (
                    [
                        escape(e.regimen.name),
                        escape(", ".join(c.value for c in e.codes)),
                        escape(" ".join(r.text for r in e.reasons)),
                    ]
                    for e in p.excluded
                ),
            )
        )
    parts += block(ALSO_TO_DO, after)
    if p.notes:
        parts += ["<p><b>Notes</b></p>", _list(p.notes)]
    if p.since_review:
        parts.append("<p><b>Since the review</b></p>")
        parts.append(
            _table(
                ["change", "regimen", "what", "rules", "trials", "approvals"],
                (
                    [
                        escape(s.change.value),
                        escape(s.regimen),
                        escape(s.text),
                        escape(", ".join(map(str, s.rules))),
                        escape(studies(s.trials)),
                        escape(", ".join(s.approvals)),
                    ]
                    for s in p.since_review
                ),
            )
        )
        parts.append(f"<p>{escape('The newer plan: ' + p.since_review[0].how)}.</p>")
    parts.append(f"<p><i>{escape(p.disclaimer)}</i></p></div>")
    return "".join(parts)


def option(o: Option) -> str:
    return _table(
        ["#", "regimen", "tier", "score", "why", "evidence", "cautions"], [_option_cells(o)]
    )


def trial(t: Trial, eb: EvidenceBase | None = None) -> str:
    """Every figure of a study, its adverse events, ESMO-MCBS grades, contradictions, notes."""
    view = trial_view(t, eb)
    parts = [f"<div><p><b>{escape(view.key)}</b> ({escape(view.facts)})"]
    parts.append(f"<br>{escape(view.population)}</p>" if view.population else "</p>")
    for table in view.tables:
        parts += [
            f"<p><b>{escape(table.title)}</b></p>",
            _table(table.header, ([escape(c) for c in row] for row in table.rows)),
        ]
    if view.notes:
        parts.append(_list(f"note: {n}" for n in view.notes))
    parts.append("</div>")
    return "".join(parts)


def evidence(eb: EvidenceBase) -> str:
    rows = (
        [
            escape(t.key),
            escape(t.phase),
            "" if t.size is None else str(t.size),
            prior_cdk46i(t),
            escape(t.status.value),
            escape(", ".join(t.regimens)),
        ]
        for t in eb.trials
    )
    head = (
        f"<p><b>resistx evidence {escape(eb.version)}</b>: {len(eb.trials)} studies, "
        f"{len(eb.discrepancies)} recorded discrepancies</p>"
    )
    return f"<div>{head}{_table(['study', 'phase', 'n', 'prior CDK4/6i', 'status', 'regimens'], rows)}</div>"
