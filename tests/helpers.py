"""Small builders for sequencing tests: a patient after palbociclib, and ways to vary her."""

from __future__ import annotations

from typing import Any

import resistx

PALBOCICLIB = {
    "drugs": ["palbociclib", "letrozole"],
    "line": 1,
    "started_on": "2023-01-10",
    "ended_on": "2025-03-20",
    "stop_reason": "progression",
}
CAPECITABINE = {
    "drugs": ["capecitabine"],
    "line": 2,
    "started_on": "2025-04-01",
    "ended_on": "2025-10-01",
    "stop_reason": "progression",
}
FULVESTRANT = {  # a second line, after PALBOCICLIB
    "drugs": ["fulvestrant"],
    "line": 2,
    "started_on": "2025-04-01",
    "ended_on": "2026-03-01",
    "stop_reason": "progression",
}


def adjuvant(drugs: list[str], start: str, end: str, stop: str = "completed") -> dict[str, Any]:
    """A (neo)adjuvant course of ``drugs`` from ``start`` to ``end``."""
    return {
        "drugs": drugs,
        "setting": "adjuvant",
        "started_on": start,
        "ended_on": end,
        "stop_reason": stop,
    }


def stopped_for(event: str, drugs: list[str], start: str, end: str) -> dict[str, Any]:
    """A first-line course of ``drugs`` stopped for the adverse event ``event``."""
    return dict(
        PALBOCICLIB,
        drugs=drugs,
        started_on=start,
        ended_on=end,
        stop_reason="toxicity",
        toxicity=event,
    )


def second_line(*drugs: str) -> dict[str, Any]:
    """A second line of ``drugs`` that progressed, after PALBOCICLIB (FULVESTRANT's dates)."""
    return dict(FULVESTRANT, drugs=list(drugs))


#: three endocrine-based lines, the last a long one: ribociclib + anastrozole, fulvestrant,
#: everolimus + exemestane (case 188)
THREE_ENDOCRINE_LINES = [
    dict(
        PALBOCICLIB,
        drugs=["ribociclib", "anastrozole"],
        started_on="2021-01-01",
        ended_on="2023-02-01",
    ),
    dict(FULVESTRANT, started_on="2023-02-20", ended_on="2023-09-01"),
    dict(
        FULVESTRANT,
        drugs=["everolimus", "exemestane"],
        line=3,
        started_on="2023-09-20",
        ended_on="2025-09-01",
    ),
]


ERIBULIN = {
    "drugs": ["eribulin"],
    "line": 3,
    "started_on": "2025-10-15",
    "ended_on": "2026-03-20",
    "stop_reason": "progression",
}


#: the tumour fraction a ctDNA result of these tests reports: it shows the draw held tumour DNA,
#: so its negatives stand (``reliability.silent_draws``); ``tumour_fraction=None`` leaves it out
CTDNA_TUMOUR_FRACTION = 0.05


def result(gene: str, status: str, **kw: Any) -> dict[str, Any]:
    """A result on ctDNA by NGS, unless ``kw`` says otherwise; a germline one on blood (a ctDNA
    sample cannot tell a germline variant's origin, case 1921)."""
    germline = kw.get("origin") == "germline"
    out: dict[str, Any] = {
        "gene": gene,
        "status": status,
        "sample": "blood" if germline else "ctdna",
        "assay": "ngs",
        "tested_on": "2026-04-10",
    }
    if kw.get("sample", out["sample"]) == "ctdna" and not kw.get("low_shedding"):
        out["tumour_fraction"] = CTDNA_TUMOUR_FRACTION
    out.update(kw)
    if out.get("tumour_fraction", 0) is None:
        del out["tumour_fraction"]
    return out


def refusal(data: dict[str, Any]) -> str:
    """The message ``load_profile`` refuses ``data`` with (it must refuse it)."""
    try:
        resistx.load_profile(data)
    except resistx.ProfileError as e:
        return str(e)
    raise AssertionError(f"accepted: {data}")


def on_tissue(r: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """The result ``r`` on a tissue sample (or ``kw``'s): without a ctDNA draw's own fields
    (tumour fraction, low shedding), which another sample refuses (case 7228g)."""
    kept = {k: v for k, v in r.items() if k not in ("tumour_fraction", "low_shedding")}
    return {**kept, "sample": "tissue", **kw}


NEGATIVE = [
    result("ESR1", "not_detected"),
    result("PIK3CA", "not_detected"),
    result("AKT1", "not_detected"),
    result("PTEN", "not_detected"),
]
#: NEGATIVE with the PI3K pathway's negatives from tissue: on ctDNA alone the PI3K and AKT
#: inhibitors wait on a tissue test instead of being left out (cases 477, 481)
TISSUE_PATHWAY_NEGATIVE = [NEGATIVE[0], *(on_tissue(r) for r in NEGATIVE[1:])]


def patient(**kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": 1,
        "patient_id": "t",
        "as_of": "2026-05-01",
        "hormone_receptor": "positive",
        "her2": "0",
        "ecog": 1,
        "biomarkers": [],
        "treatments": [PALBOCICLIB],
    }
    out.update(kw)
    return out


def plan(preferences: dict[str, Any] | None = None, **kw: Any) -> resistx.Plan:
    return resistx.sequence(patient(**kw), preferences)


def option(p: resistx.Plan, regimen_id: str) -> resistx.Option:
    found = p.option(regimen_id)
    assert found is not None, f"{regimen_id} is not an option: {[e.regimen.id for e in p.excluded]}"
    return found


def exclusion(p: resistx.Plan, regimen_id: str) -> resistx.Exclusion:
    found = p.exclusion(regimen_id)
    assert found is not None, f"{regimen_id} is not excluded"
    return found


def rank(p: resistx.Plan, regimen_id: str) -> int:
    option = p.option(regimen_id)
    assert option is not None, (
        f"{regimen_id} is not an option: {[e.regimen.id for e in p.excluded]}"
    )
    return option.rank


def tier(p: resistx.Plan, regimen_id: str) -> str:
    option = p.option(regimen_id)
    assert option is not None, regimen_id
    return option.tier.value


def excluded_for(p: resistx.Plan, regimen_id: str) -> set[str]:
    e = p.exclusion(regimen_id)
    return set() if e is None else {c.value for c in e.codes}


def unread(p: resistx.Plan) -> tuple[str, ...]:
    """The medications a plan lists as not read at all (a read one is listed with what it was
    read as: 5469, 5487)."""
    from resistx.vocab.interactions import UNREAD  # noqa: PLC0415

    return tuple(n for n in p.not_assessed if n.endswith(f"({UNREAD})"))
