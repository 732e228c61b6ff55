"""The standalone tumour-board report (``plan.to_html(full=True)``, ``resistx report``): one
HTML document with everything inline (styles and the forest plot); no script, no font, image
or stylesheet fetched from anywhere, so it opens offline and prints as it shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from resistx.display._common import (
    ALSO_TO_DO,
    BEFORE_CHOOSING,
    escape,
    split_actions,
    studies,
    why_besides_evidence,
)
from resistx.display.report_patient import summary, table
from resistx.display.report_style import CSS
from resistx.display.svg_forest import cited_rows, figure, without_ratios
from resistx.evidence._base import EvidenceBase
from resistx.model.enums import Factor
from resistx.model.plan import Action, Caution, Exclusion, Option, Plan, Reason
from resistx.model.profile import Preferences, Profile
from resistx.vocab import regimens


def _cite(rule: int | None, trials: tuple[str, ...], references: tuple[int, ...] = ()) -> str:
    """Where a sentence comes from: its rule, the trials and the review's references."""
    bits = [f"rule {rule}"] if rule is not None else []
    if trials:
        bits.append(studies(trials))
    if references:
        bits.append("review refs " + ", ".join(map(str, references)))
    return f" <span class='cite'>({escape('; '.join(bits))})</span>" if bits else ""


def _rules(rules: tuple[int, ...]) -> str:
    if not rules:
        return ""
    word = "rule" if len(rules) == 1 else "rules"
    return f" <span class='cite'>({word} {escape(', '.join(map(str, rules)))})</span>"


def _reason(r: Reason) -> str:
    return (
        f"<li><span class='factor'>{escape(r.factor.value)}</span> {escape(r.text)}"
        f"{_cite(r.rule, r.trials, r.references)}</li>"
    )


def _caution(c: Caution) -> str:
    return f"<li>{escape(c.text)}{_cite(c.rule, c.trials, c.references)}</li>"


def _headline(label: str, reason: Reason | None) -> str:
    if reason is None:
        return ""
    return (
        f"<p><span class='label'>{label}:</span> {escape(reason.text)}"
        f"{_cite(reason.rule, reason.trials, reason.references)}</p>"
    )


def _option(o: Option) -> str:
    """One option: its why and its evidence with their sources, its cautions, then the other
    reasons weighed (each reason shown once)."""
    tier = o.tier.value
    why = why_besides_evidence(o)
    why_reason = next((r for r in o.reasons if why and r.text == why), None)
    evidence = next((r for r in o.reasons if r.factor is Factor.EFFICACY), None)
    rest = [r for r in o.reasons if r is not why_reason and r is not evidence]
    parts = [
        f"<article class='option tier-{escape(tier)}' id='option-{o.rank}'>",
        f"<h3><span class='rank'>{o.rank}.</span> {escape(o.regimen.name)} "
        f"<span class='tier'>{escape(tier)}</span></h3>",
    ]
    if o.waits_on:
        parts.append(f"<p><span class='label'>Waits on:</span> {escape(', '.join(o.waits_on))}</p>")
    parts += [_headline("Why", why_reason), _headline("Evidence", evidence)]
    if o.cautions:
        items = "".join(_caution(c) for c in o.cautions)
        parts.append(f"<p class='label'>Cautions</p><ul class='cautions'>{items}</ul>")
    if rest:
        items = "".join(_reason(r) for r in rest)
        parts.append(f"<p class='label'>Also weighed</p><ul class='reasons'>{items}</ul>")
    parts.append("</article>")
    return "".join(parts)


def _options(p: Plan) -> str:
    if not p.options:
        return "<section id='options'><h2>Ranked options</h2><p>No option.</p></section>"
    body = "".join(_option(o) for o in p.options)
    return f"<section id='options'><h2>Ranked options</h2>{body}</section>"


def _action(a: Action) -> str:
    genes = f" <span class='cite'>(genes: {escape(', '.join(a.genes))})</span>" if a.genes else ""
    return f"<li>{escape(a.text)}{genes}{_cite(a.rule, ())}</li>"


def _actions(actions: tuple[Action, ...], first: bool) -> str:
    if not actions:
        return ""
    title, section = (BEFORE_CHOOSING, "actions") if first else (ALSO_TO_DO, "more-actions")
    lead = (
        "<p class='alert'>A test below could change what is preferred: do it first.</p>"
        if first
        else ""
    )
    items = "".join(_action(a) for a in actions)
    return f"<section id='{section}'><h2>{title}</h2>{lead}<ul>{items}</ul></section>"


def _exclusion_row(e: Exclusion) -> list[str]:
    why = "<br>".join(escape(r.text) + _cite(r.rule, r.trials, r.references) for r in e.reasons)
    return [escape(e.regimen.name), escape(", ".join(c.value for c in e.codes)), why]


def _excluded(p: Plan) -> str:
    if not p.excluded:
        return ""
    rows = table(["regimen", "codes", "why"], (_exclusion_row(e) for e in p.excluded))
    return f"<section id='excluded'><h2>Left out</h2>{rows}</section>"


def _regimen_name(regimen_id: str) -> str:
    """A regimen's name for its id (the id itself where the vocabulary lacks it)."""
    known = regimens.ALL_BY_ID.get(regimen_id)
    return known.name if known is not None else regimen_id


def _since_review(p: Plan) -> str:
    if not p.since_review:
        return ""
    first = p.since_review[0]
    rows = table(
        ["change", "regimen", "what", "behind it"],
        (
            [
                escape(s.change.value.replace("_", " ")),
                escape(_regimen_name(s.regimen)),
                escape(s.text),
                escape("; ".join(x for x in (studies(s.trials), ", ".join(s.approvals)) if x))
                + _rules(s.rules),
            ]
            for s in p.since_review
        ),
    )
    head = (
        f"<p>Where the {escape(first.policy)} policy (evidence {escape(first.evidence_version)}) "
        "plans differently for this patient.</p>"
    )
    how = f"<p>The newer plan: {escape(first.how)}.</p>"
    return f"<section id='since-review'><h2>Since the review</h2>{head}{rows}{how}</section>"


def _forest(p: Plan, evidence: EvidenceBase) -> str:
    rows = cited_rows(p, evidence)
    title = f"Hazard ratios of the trials this plan cites (evidence {evidence.version})"
    parts = [f"<section id='forest'><h2>{escape(title)}</h2>"]
    if rows:
        parts.append(
            "<p class='cite'>Each row is a hazard ratio with its 95% CI, grouped by trial; "
            "green where the whole interval lies below 1.</p>"
            f"<div class='forest-box'>{figure(rows, title)}</div>"
        )
    else:
        parts.append("<p>No trial the plan cites reports a hazard ratio.</p>")
    no_ratio, unknown = without_ratios(p, evidence)
    if no_ratio:
        parts.append(f"<p>Cited without a hazard ratio: {escape(studies(tuple(no_ratio)))}.</p>")
    if unknown:
        parts.append(
            f"<p>Cited but not in evidence {escape(evidence.version)}: "
            f"{escape(studies(tuple(unknown)))}.</p>"
        )
    parts.append("</section>")
    return "".join(parts)


def _notes(p: Plan) -> str:
    if not p.notes:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in p.notes)
    return f"<section id='notes'><h2>Notes</h2><ul>{items}</ul></section>"


def _footer(p: Plan) -> str:
    policy = p.policy
    return (
        "<footer><p>"
        f"Policy <strong>{escape(policy.name)}</strong> version {escape(policy.version)}"
        f"{': ' + escape(policy.description) if policy.description else ''}<br>"
        f"Evidence version <strong>{escape(p.evidence_version)}</strong>; "
        f"resistx {escape(p.library_version)}</p>"
        f"<p class='disclaimer'>{escape(p.disclaimer)}</p></footer>"
    )


def document(
    p: Plan,
    *,
    evidence: EvidenceBase | None = None,
    profile: Profile | Mapping[str, Any] | None = None,
    preferences: Preferences | Mapping[str, Any] | None = None,
) -> str:
    """The whole report as one HTML document.

    ``evidence`` is where the forest plot reads the hazard ratios (default: the bundled
    evidence of the plan's ``evidence_version``); ``profile``, when given, adds the patient's
    receptors, test results and treatment lines to the summary. It must be the profile the
    plan was made from, with its ``preferences``: one that gives another plan is refused."""
    if evidence is None:
        from resistx.evidence._pack import evidence_for  # noqa: PLC0415 - loaded when drawn

        evidence = evidence_for(p.evidence_version)
    elif evidence.version != p.evidence_version:
        msg = f"the plan reads evidence {p.evidence_version}, not {evidence.version}"
        raise ValueError(msg)
    if profile is not None:
        if not isinstance(profile, Profile):  # a mapping, as sequence() takes (7171)
            from resistx.io.profile import load_profile  # noqa: PLC0415

            profile = load_profile(profile)
        _made_from(p, profile, (preferences, evidence))
    who = p.patient_id or "an unnamed patient"
    date = p.as_of.isoformat() if p.as_of else "unknown"
    before, after = split_actions(p)
    body = [
        f"<header><h1>Tumour board report: {escape(who)}</h1>",
        f"<p class='meta'>Decision date {escape(date)} · policy {escape(p.policy.name)} "
        f"version {escape(p.policy.version)} · evidence {escape(p.evidence_version)} · "
        f"resistx {escape(p.library_version)}</p>",
        f"<p class='disclaimer'>{escape(p.disclaimer)}</p></header><main>",
        summary(p, profile),
        _actions(before, first=True),
        _options(p),
        _forest(p, evidence),
        _excluded(p),
        _actions(after, first=False),
        _since_review(p),
        _notes(p),
        f"</main>{_footer(p)}",
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>resistx report: {escape(who)} ({escape(date)})</title>"
        f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _made_from(
    p: Plan,
    profile: Profile,
    read_with: tuple[Preferences | Mapping[str, Any] | None, EvidenceBase],
) -> None:
    """Refuse a profile the plan was not made from (7113: a profile edited after its plan, a
    visceral crisis added, was shown beside the plan made before): the same patient, and the
    same plan again, every reason and caution, with (the preferences, the evidence the report
    reads) under the registered policy of the plan's name."""
    preferences, evidence = read_with
    if profile.patient_id != p.patient_id:
        msg = (
            f"the profile is for patient {profile.patient_id!r}, the plan for {p.patient_id!r}: "
            "pass the profile the plan was made from"
        )
        raise ValueError(msg)
    from resistx.sequencing.engine import sequence  # noqa: PLC0415 - the display sits above it
    from resistx.sequencing.policy import get  # noqa: PLC0415

    try:
        policy = get(p.policy.name)
    except KeyError:
        msg = (
            f"the plan's policy {p.policy.name!r} is not registered, so the profile cannot be "
            "checked against the plan: register it (resistx.sequencing.policy.register), or "
            "leave the profile out"
        )
        raise ValueError(msg) from None
    again = sequence(profile, preferences, evidence=evidence, policy=policy, since_review=False)
    if attrs.evolve(again, since_review=p.since_review) != p:  # every reason and caution (7164)
        msg = (
            "the profile, with the preferences given, gives another plan than this one: pass "
            "the profile the plan was made from, unchanged, and its preferences"
            + ("" if preferences is not None else " (none were given)")
        )
        raise ValueError(msg)
