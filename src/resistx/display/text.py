"""Plain-text views, as the command line prints them (``plan.to_text()``, ``trial.to_text()``)."""

from __future__ import annotations

import textwrap

from resistx.display._common import (
    ALSO_TO_DO,
    BEFORE_CHOOSING,
    NOT_ASSESSED,
    Table,
    efficacy_text,
    one_line,
    printable,
    rules_of,
    split_actions,
    studies,
    trial_view,
    why_besides_evidence,
)
from resistx.evidence._base import EvidenceBase
from resistx.model.evidence import Trial
from resistx.model.plan import Action, Option, Plan


def _wrapper(width: int) -> textwrap.TextWrapper:
    return textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")


def option(o: Option, width: int = 100) -> list[str]:
    """An option as a few lines: rank, name, tier (and the tests it waits on), then why,
    evidence, cautions. The scores order the options and are resistx's own scale, so the text
    does not print them (``--json`` and ``plan.options[i].scores`` have them)."""
    wrap = _wrapper(width)
    waits = f"  (waits on {', '.join(o.waits_on)})" if o.waits_on else ""
    title = f"{o.rank:>3}. {o.regimen.name}  [{o.tier.value}]{waits}"
    out = textwrap.wrap(title, width, subsequent_indent="      ", drop_whitespace=False)
    out += wrap.wrap("why: " + why_besides_evidence(o))
    out += wrap.wrap("evidence: " + efficacy_text(o))
    for c in o.cautions:
        out += wrap.wrap("caution: " + c.text)
    return out


def plan(p: Plan, width: int = 100) -> str:
    """The plan as readable text: rank, regimen, tier, why, key figures, cautions, actions."""
    date = p.as_of.isoformat() if p.as_of else "unknown"
    who = one_line(p.patient_id) if p.patient_id else "an unnamed patient"
    header = (
        f"resistx plan for {who} (decision date {date}; policy {p.policy.name}; "
        f"evidence {p.evidence_version}; resistx {p.library_version})"
    )
    # 8350: within the width too, an identifier never broken
    out = textwrap.wrap(
        header, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )
    wrap = _wrapper(width)
    before, after = split_actions(p)

    def block(title: str, actions: tuple[Action, ...]) -> list[str]:
        lines = [line for a in actions for line in wrap.wrap(f"- {a.text}")]
        return ["", f"{title}:", *lines] if actions else []

    if p.not_assessed:
        out += ["", f"{NOT_ASSESSED}:"]
        out += [line for c in p.not_assessed for line in wrap.wrap(f"- {printable(c)}")]
    out += block(BEFORE_CHOOSING, before)
    out.append("")
    for o in p.options:
        out += option(o, width)
    if p.excluded:
        out += ["", "Left out:"]
        for e in p.excluded:
            codes = ", ".join(c.value for c in e.codes)
            out += wrap.wrap(f"{e.regimen.name} [{codes}]: " + " ".join(r.text for r in e.reasons))
    out += block(ALSO_TO_DO, after)
    if p.notes:
        out += ["", "Notes:"]
        out += [line for n in p.notes for line in wrap.wrap(f"- {printable(n)}")]
    if p.since_review:
        out += ["", "Since the review:"]
        for s in p.since_review:
            lists = (rules_of(s.rules), studies(s.trials), ", ".join(s.approvals))
            behind = "; ".join(x for x in lists if x)
            out += wrap.wrap(f"- {s.text} ({behind})" if behind else f"- {s.text}")
        out += wrap.wrap(f"The newer plan: {p.since_review[0].how}.")
    out += ["", *textwrap.wrap(p.disclaimer, width)]
    return "\n".join(out)


def _table(table: Table, width: int = 100) -> list[str]:
    """Aligned columns, the last one wrapped beside them; one record per row when even the
    other columns would not leave it room."""
    widths = [
        max(len(row[i]) for row in (table.header, *table.rows))
        for i in range(len(table.header) - 1)
    ]
    offset = 2 + sum(w + 2 for w in widths)
    out = ["", f"{table.title}:"]
    longest = max(len(row[-1]) for row in (table.header, *table.rows))
    if offset + longest <= width or width - offset >= 20:
        wrap = textwrap.TextWrapper(
            width=max(width - offset, longest if offset + longest <= width else 0)
        )
        for cells in (table.header, *table.rows):
            head = "  " + "".join(c.ljust(w + 2) for c, w in zip(cells, widths, strict=False))
            last = wrap.wrap(cells[-1]) or [""]
            out.append((head + last[0]).rstrip())
            out += [" " * offset + more for more in last[1:]]
        return out
    wrap = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="      ")
    for row in table.rows:
        out.append(f"  - {row[0]}")
        for name, value in zip(table.header[1:], row[1:], strict=True):
            out += wrap.wrap(f"{name}: {value}")
    return out


def trial(t: Trial, eb: EvidenceBase | None = None) -> str:
    """Every figure of a study, its adverse events, ESMO-MCBS grades, contradictions, notes."""
    view = trial_view(t, eb)
    out = [f"{view.key} ({view.facts})"]
    if view.population:
        out.append(view.population)
    for table in view.tables:
        out += _table(table)
    if view.notes:
        out += ["", "Notes:"] + [f"- {n}" for n in view.notes]
    return "\n".join(out)


def evidence(eb: EvidenceBase) -> str:
    """The evidence base in one line."""
    return (
        f"resistx evidence {eb.version}: {len(eb.trials)} studies, "
        f"{len(eb.discrepancies)} recorded discrepancies"
    )
