"""The patient summary of a tumour-board report: what the plan says about the patient, and,
when the profile is given, the facts it was made from (receptors, tests, treatment lines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from resistx.display._common import escape
from resistx.model.enums import Tier
from resistx.model.plan import Plan
from resistx.model.profile import BiomarkerResult, Her2Test, Profile, Treatment


def table(header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table whose cells are already HTML; each cell carries its column name, which the
    phone layout shows beside the value when rows are stacked."""
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td data-label='{escape(h)}'>{c}</td>" for h, c in zip(header, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    extra = f" {cls}" if cls else ""
    return (
        f"<table class='stack{extra}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in pairs)
    return f"<dl class='facts'>{items}</dl>"


def _plan_facts(p: Plan) -> list[tuple[str, str]]:
    preferred = ", ".join(o.regimen.name for o in p.options if o.tier is Tier.PREFERRED)
    if preferred and any(a.code == "ongoing_course" for a in p.actions):  # rule 53 (6826)
        preferred += " (at the progression of the current line, which continues while it works)"
    return [
        ("Patient", p.patient_id or "unnamed"),
        ("Decision date", p.as_of.isoformat() if p.as_of else "unknown"),
        ("Preferred", preferred or "none yet"),
        ("Options ranked", str(len(p.options))),
        ("Left out", str(len(p.excluded))),
        ("Actions", str(len(p.actions))),
    ]


def _her2_test(t: Her2Test) -> str:
    ish = f", ISH {t.ish.value}" if t.ish is not None else ""
    where = ", ".join(
        x
        for x in (
            t.sample.value if t.sample else "",
            t.tested_on.isoformat() if t.tested_on else "",
        )
        if x
    )
    return f"IHC {t.score.value}{ish}" + (f" ({where})" if where else "")


def _profile_facts(profile: Profile) -> list[tuple[str, str]]:
    conditions = [
        c.name.value.replace("_", " ") + (f" (grade {c.grade})" if c.grade is not None else "")
        for c in profile.comorbidities
    ]
    return [
        ("Hormone receptor", profile.hormone_receptor.value),
        ("HER2", profile.her2.value),
        *(("HER2 test", _her2_test(t)) for t in profile.her2_tests),
        ("Sex", profile.sex.value if profile.sex else "not given"),
        ("Menopausal status", profile.menopausal_status.value),
        ("ECOG", "not given" if profile.ecog is None else str(profile.ecog)),
        ("Visceral crisis", "yes" if profile.visceral_crisis else "no"),
        ("Comorbidities", ", ".join(conditions) or "none recorded"),
    ]


def _date(day: dt.date) -> str:
    """A date as HTML that a narrow column does not break at its hyphens."""
    return f"<span class='nowrap'>{day.isoformat()}</span>"


def _biomarker_row(r: BiomarkerResult) -> list[str]:
    status = r.status.value.replace("_", " ") + (f" ({r.variant})" if r.variant else "")
    sample = " / ".join(x.value for x in (r.sample, r.assay) if x is not None)
    return [
        escape(r.gene),
        escape(status),
        escape(r.origin.value),
        escape(sample or "not given"),
        _date(r.tested_on) if r.tested_on else "undated",
    ]


def _treatment_row(t: Treatment) -> list[str]:
    dates = " to ".join(_date(d) for d in (t.started_on, t.ended_on) if d is not None)
    if t.months is not None and not dates:
        dates = escape(f"{t.months:g} months")
    how = t.stop_reason.value.replace("_", " ") if t.stop_reason else "not given"
    if t.toxicity:
        how += f" ({t.toxicity})"
    line = f"{t.setting.value}" + (f", line {t.line}" if t.line is not None else "")
    return [escape(line), escape(" + ".join(t.drugs)), dates or "undated", escape(how)]


def summary(p: Plan, profile: Profile | None) -> str:
    """The summary section: the plan at a glance, then the profile's facts when given."""
    parts = ["<section id='patient'><h2>Patient summary</h2>", _facts(_plan_facts(p))]
    crisis = (profile is not None and profile.visceral_crisis) or any(
        r.code.startswith("visceral_crisis") for o in p.options for r in o.reasons
    )
    if crisis:
        parts.append(
            "<p class='alert'><strong>Visceral crisis recorded.</strong> "
            "The ranking puts chemotherapy first; see the options below.</p>"
        )
    if profile is not None:
        parts += ["<h3>Disease and patient</h3>", _facts(_profile_facts(profile))]
        if profile.biomarkers:
            parts.append("<h3>Test results</h3>")
            parts.append(
                table(
                    ["gene", "result", "origin", "sample / assay", "tested"],
                    (_biomarker_row(r) for r in profile.biomarkers),
                )
            )
        if profile.treatments:
            parts.append("<h3>Treatments</h3>")
            parts.append(
                table(
                    ["setting", "drugs", "dates", "how it ended"],
                    (_treatment_row(t) for t in profile.treatments_in_order),
                )
            )
    if p.not_assessed:
        parts.append("<h3>Recorded but not assessed by resistx</h3>")
        parts.append("<ul>" + "".join(f"<li>{escape(c)}</li>" for c in p.not_assessed) + "</ul>")
    parts.append("</section>")
    return "".join(parts)
