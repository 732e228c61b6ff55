"""The plain-text view of a plan, as ``resistx sequence`` prints it."""

from __future__ import annotations

import textwrap

from resistx.display._common import efficacy_text, why
from resistx.model.plan import Plan


def plan(p: Plan, width: int = 100) -> str:
    """The plan as a readable text table: rank, regimen, tier, why, key figures, cautions, actions."""
    date = p.as_of.isoformat() if p.as_of else "unknown"
    out = [
        f"resistx plan for {p.patient_id or 'an unnamed patient'} (decision date {date}; "
        f"evidence {p.evidence_version}; resistx {p.library_version})",
        "",
    ]
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    for o in p.options:
        out.append(f"{o.rank:>3}. {o.regimen.name}  [{o.tier.value}]  (score {o.scores.total:.2f})")
        efficacy = efficacy_text(o)
        if (reason := why(o)) != efficacy:
            out += wrap.wrap("why: " + reason)
        out += wrap.wrap("evidence: " + efficacy)
        for c in o.cautions:
            out += wrap.wrap("caution: " + c.text)
    if p.excluded:
        out += ["", "Left out:"]
        for e in p.excluded:
            codes = ", ".join(c.value for c in e.codes)
            out += wrap.wrap(f"{e.regimen.name} [{codes}]: " + " ".join(r.text for r in e.reasons))
    if p.actions:
        out += ["", "Before choosing:"]
        out += [line for a in p.actions for line in wrap.wrap(f"- {a.text}")]
    if p.notes:
        out += ["", "Notes:"]
        out += [line for n in p.notes for line in wrap.wrap(f"- {n}")]
    out += ["", p.disclaimer]
    return "\n".join(out)
