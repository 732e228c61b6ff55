"""Markdown views: compact tables for notebooks (``_repr_markdown_``) and ``--markdown``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resistx.display._common import (
    ALSO_TO_DO,
    BEFORE_CHOOSING,
    NOT_ASSESSED,
    efficacy_text,
    printable,
    prior_cdk46i,
    split_actions,
    studies,
    trial_view,
    why_besides_evidence,
)
from resistx.evidence._base import EvidenceBase
from resistx.model.evidence import Trial
from resistx.model.plan import Action, Option, Plan


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell, and inert where Markdown passes HTML through
    (a patient id or a free-text condition that holds a tag is shown, never run)."""
    shown = str(text).replace("&", "&amp;").replace("<", "&lt;")
    shown = shown.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    # no link, image, emphasis or code span of a profile's text (7111: '[x](javascript:...)'
    # and '![](https://...)' came out live)
    shown = _INLINE.sub(r"\\\g<0>", shown.strip())
    # nor a heading, a quote, a list or a fence where it opens a line (7169)
    shown = _BLOCK.sub(r"\g<1>\\\g<2>", shown)
    # its control and direction characters as escapes, as the command line prints them (5106)
    return printable(shown)


#: the characters that open Markdown's inline links, images, emphasis and code spans
_INLINE = re.compile(r"[\[\]*_`~]")
#: ... and what opens a block where it begins a line: '#', '>', '+', '-', '1.' or '1)'
_BLOCK = re.compile(r"^(\d*)(>|(?:[#+\-]|(?<=\d)[.)])(?=\s|$))")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def option_rows(options: tuple[Option, ...]) -> list[list[object]]:
    return [
        [
            o.rank,
            o.regimen.name,
            o.tier.value,
            f"{o.scores.total:.2f}",
            why_besides_evidence(o),
            efficacy_text(o),
            "; ".join(c.text for c in o.cautions),
        ]
        for o in options
    ]


def plan(p: Plan) -> str:
    head = f"**resistx plan** for {cell(p.patient_id or 'an unnamed patient')}"
    date = p.as_of.isoformat() if p.as_of else "unknown"
    lines = [
        f"{head} (decision date {date}, policy {cell(p.policy.name)}, "
        f"evidence {p.evidence_version})"
    ]
    before, after = split_actions(p)

    def block(title: str, actions: tuple[Action, ...]) -> list[str]:
        return ["", f"**{title}**", "", *(f"- {cell(a.text)}" for a in actions)] if actions else []

    if p.not_assessed:
        lines += ["", f"**{NOT_ASSESSED}**", "", *(f"- {cell(c)}" for c in p.not_assessed)]
    lines += block(BEFORE_CHOOSING, before)
    lines.append("")
    lines += _table(
        ["#", "regimen", "tier", "score", "why", "evidence", "cautions"], option_rows(p.options)
    )
    if p.excluded:
        lines += ["", "**Left out**", ""]
        lines += _table(
            ["regimen", "codes", "why"],
            [
                [
                    e.regimen.name,
                    ", ".join(c.value for c in e.codes),
                    " ".join(r.text for r in e.reasons),
                ]
                for e in p.excluded
            ],
        )
    lines += block(ALSO_TO_DO, after)
    if p.notes:
        lines += ["", "**Notes**", ""] + [f"- {cell(n)}" for n in p.notes]
    if p.since_review:
        lines += ["", "**Since the review**", ""]
        lines += _table(
            ["change", "regimen", "what", "rules", "trials", "approvals"],
            [
                [
                    s.change.value,
                    s.regimen,
                    s.text,
                    ", ".join(map(str, s.rules)),
                    studies(s.trials),
                    ", ".join(s.approvals),
                ]
                for s in p.since_review
            ],
        )
        lines += ["", cell(f"The newer plan: {p.since_review[0].how}.")]
    lines += ["", f"*{p.disclaimer}*"]
    return "\n".join(lines)


def option(o: Option) -> str:
    lines = [
        f"**{o.rank}. {cell(o.regimen.name)}** ({o.tier.value}, score {o.scores.total:.2f})",
        "",
    ]
    lines += _table(
        ["factor", "score", "reason", "trials"],
        [
            [
                r.factor.value,
                f"{getattr(o.scores, r.factor.value):.2f}",
                r.text,
                studies(r.trials),
            ]
            for r in o.reasons
        ],
    )
    lines += [f"- caution: {cell(c.text)}" for c in o.cautions]
    return "\n".join(lines)


def trial(t: Trial, eb: EvidenceBase | None = None) -> str:
    """Every figure of a study, its adverse events, ESMO-MCBS grades, contradictions, notes."""
    view = trial_view(t, eb)
    lines = [f"**{cell(view.key)}** ({cell(view.facts)})", ""]
    if view.population:
        lines += [cell(view.population), ""]
    for table in view.tables:
        lines += [f"*{table.title}*", ""]
        lines += _table(table.header, table.rows)
        lines.append("")
    if view.notes:
        lines += [f"- note: {cell(n)}" for n in view.notes]
    return "\n".join(lines).rstrip("\n")


def evidence(eb: EvidenceBase) -> str:
    lines = [
        f"**resistx evidence {eb.version}**: {len(eb.trials)} studies, "
        f"{len(eb.discrepancies)} recorded discrepancies",
        "",
    ]
    lines += _table(
        ["study", "phase", "n", "prior CDK4/6i", "status", "regimens"],
        [
            [
                t.key,
                t.phase,
                "" if t.size is None else t.size,
                prior_cdk46i(t),
                t.status.value,
                ", ".join(t.regimens),
            ]
            for t in eb.trials
        ],
    )
    return "\n".join(lines)
