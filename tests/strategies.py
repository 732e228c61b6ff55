"""The one home of hypothesis strategies for resistx's domain objects."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import resistx
from resistx.model._biomarker_checks import (
    MUTATION_ONLY,
    NOT_A_VARIANT,
    TUMOUR_SUPPRESSORS,
)
from resistx.model.enums import Priority
from resistx.model.profile import DAYS_PER_MONTH
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.variants import foreign_hotspot, past_the_protein

GENES = (
    "ESR1",
    "PIK3CA",
    "AKT1",
    "PTEN",
    "RB1",
    "CCNE1",
    "BRCA1",
    "BRCA2",
    "PALB2",
    "CDK2",
    "FGFR1",
    "AURKA",
    "TP53",
    "CDK6",
    "ERBB2",
)
POSITIVE_STATUS = {
    "ESR1": "mutated",
    "PIK3CA": "mutated",
    "AKT1": "mutated",
    "PTEN": "loss",
    "RB1": "loss",
    "CCNE1": "amplified",
    "BRCA1": "mutated",
    "BRCA2": "mutated",
    "PALB2": "mutated",
    "CDK2": "overexpressed",
    "FGFR1": "amplified",
    "AURKA": "amplified",
    "CDK6": "amplified",
}
STATUSES = (
    "mutated",
    "wild_type",
    "amplified",
    "overexpressed",
    "loss",
    "not_detected",
    "indeterminate",
)
COMORBIDITIES = (
    "diabetes",
    "interstitial_lung_disease",
    "uncontrolled_hypertension",
    "cardiac_disease",
    "hepatic_impairment",
    "neuropathy",
    "cytopenia",
)
REGIMEN_DRUGS = (
    ("palbociclib", "letrozole"),
    ("ribociclib", "letrozole"),
    ("abemaciclib", "anastrozole"),
    ("palbociclib", "fulvestrant"),
    ("Ibrance", "Femara"),
    ("Kisqali", "Faslodex"),
    ("fulvestrant",),
    ("capecitabine",),
    ("paclitaxel",),
    ("chemotherapy",),
    ("eribulin",),
    ("elacestrant",),
    ("alpelisib", "fulvestrant"),
    ("everolimus", "exemestane"),
    ("trastuzumab deruxtecan",),
    ("olaparib",),
    ("Xeloda",),
)
BASE = dt.date(2020, 1, 1)

dates = st.integers(min_value=0, max_value=2400).map(lambda d: BASE + dt.timedelta(days=d))


def iso(d: dt.date) -> str:
    return d.isoformat()


@st.composite
def biomarker_dicts(
    draw: st.DrawFn, gene: str | None = None, status: str | None = None
) -> dict[str, Any]:
    g = gene or draw(st.sampled_from(GENES))
    out: dict[str, Any] = {"gene": g, "status": status or draw(st.sampled_from(STATUSES))}
    if draw(st.booleans()):
        out["origin"] = draw(st.sampled_from(("somatic", "germline")))
    if draw(st.booleans()):
        out["sample"] = draw(st.sampled_from(("tissue", "ctdna")))
    if draw(st.booleans()):
        out["assay"] = draw(st.sampled_from(("ngs", "pcr", "ihc", "fish")))
    if draw(st.booleans()):
        out["tested_on"] = iso(draw(dates))
    if draw(st.integers(0, 3)) == 0:  # a named variant and its classification (rule 45, hotspots)
        out["variant"] = draw(st.sampled_from(VARIANTS))
        if draw(st.booleans()):
            out["classification"] = draw(st.sampled_from(("pathogenic", "vus", "likely_benign")))
    if draw(st.integers(0, 3)) == 0:  # what a ctDNA result can say of its own reliability
        if draw(st.booleans()):
            out["tumour_fraction"] = draw(st.sampled_from((0.005, 0.2)))
        else:
            out["low_shedding"] = draw(st.booleans())
    return fitting(out)


def fitting(r: dict[str, Any]) -> dict[str, Any]:
    """A drawn result made one a profile accepts (``resistx.model._biomarker_checks``, case
    1921): no germline result of a mutation-only gene or on ctDNA, no mutation by IHC or FISH,
    no variant named by a negative, no germline loss or amplification."""
    gene, status = r["gene"], r["status"]
    germline = r.get("origin") == "germline"
    if germline and (
        gene in MUTATION_ONLY or r.get("sample") == "ctdna" or status in NOT_A_VARIANT
    ):
        del r["origin"]
    if gene in MUTATION_ONLY and status in ("loss", "overexpressed"):
        r["status"] = "mutated"
    if gene in TUMOUR_SUPPRESSORS and status in ("amplified", "overexpressed"):  # case 2118
        r["status"] = "loss"
    fish_copies = r.get("assay") == "fish" and r["status"] == "amplified"
    mutation = gene in MUTATION_ONLY or r["status"] == "mutated"
    if r.get("assay") in ("ihc", "fish") and mutation and not fish_copies:
        r["assay"] = "ngs"
    if r["status"] in ("wild_type", "not_detected"):
        r.pop("variant", None)
        r.pop("classification", None)
    if r.get("sample", "ctdna") != "ctdna" or r.get("origin") == "germline":  # case 7228g
        r.pop("tumour_fraction", None)
        r.pop("low_shedding", None)
    named = r.get("variant") or ""
    # past the protein (case 2295a), or another gene's hotspot (case 3147)
    if past_the_protein(gene, named) or (named and foreign_hotspot(gene, named)):
        r["variant"] = "R88Q"
    return r


#: variants a result may name: known activating ones (``resistx.sequencing.reliability``), in
#: both notations, and others
VARIANTS = ("H1047R", "p.His1047Arg", "E545K", "D538G", "Y537S", "R88Q", "L536H")


@st.composite
def treatment_dicts(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {"drugs": list(draw(st.sampled_from(REGIMEN_DRUGS)))}
    if draw(st.booleans()):
        out["setting"] = draw(st.sampled_from(("adjuvant", "metastatic", "metastatic")))
    if draw(st.booleans()):
        out["line"] = draw(st.integers(min_value=1, max_value=6))
    if draw(st.booleans()):
        start = draw(dates)
        out["started_on"] = iso(start)
        if draw(st.booleans()):
            out["ended_on"] = iso(start + dt.timedelta(days=draw(st.integers(0, 900))))
    elif draw(st.booleans()):
        out["months"] = draw(st.floats(min_value=0, max_value=60, allow_nan=False))
    if draw(st.booleans()):
        out["stop_reason"] = draw(
            st.sampled_from(("progression", "progression", "toxicity", "ongoing"))
        )
        if out["stop_reason"] == "ongoing":  # a course going on has no end (a profile error)
            out.pop("ended_on", None)
        if out["stop_reason"] == "toxicity" and draw(st.booleans()):  # rules 12 and 23 read it
            out["toxicity"] = draw(st.sampled_from(TOXICITIES))
    return out


def consistent(courses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Random courses made what a profile accepts: one metastatic line going on at a time, the
    last (the others progressed), and the numbered, dated metastatic lines numbered in the order they
    started."""
    out = [dict(c) for c in courses]
    metastatic = [c for c in out if c.get("setting", "metastatic") == "metastatic"]
    going = [c for c in metastatic if c.get("stop_reason") == "ongoing"]
    for c in going[1:]:
        c["stop_reason"] = "progression"
    dated = sorted(
        (c for c in metastatic if "line" in c and "started_on" in c), key=lambda c: c["started_on"]
    )
    for c, line in zip(dated, sorted(c["line"] for c in dated), strict=True):
        c["line"] = line
    # the line going on is the last line (an earlier one going on is over: session 57)
    top = max((c["line"] for c in metastatic if "line" in c), default=0)
    latest = max((c["started_on"] for c in metastatic if "started_on" in c), default=None)
    for c in going[:1]:
        if c.get("line", top) < top:
            c["stop_reason"] = "progression"
        # ... and began last (one going on before a later start is refused: hypothesis found
        # a line 1 going on beside a course begun the day after it)
        if latest is not None and c.get("started_on", latest) < latest:
            c["stop_reason"] = "progression"
    # no early course after a metastatic one began (a profile refuses it: case 1989's variant)
    first = min((c["started_on"] for c in metastatic if "started_on" in c), default=None)
    out = [
        c
        for c in out
        if first is None
        or c.get("setting", "metastatic") == "metastatic"
        or c.get("started_on", first) <= first
    ]
    return _without_copies(out)


def _canonical(name: str) -> str:
    found = drug_vocab.lookup(name)
    return found.name if found is not None else name


def _without_copies(courses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Leave out what a profile refuses as a course entered twice (case 987): a course of the
    same drugs and setting as one kept, given over the same time, or metastatic with either of
    the two holding neither a start date nor a line."""
    kept: list[dict[str, Any]] = []
    for c in courses:
        if not any(_copies(k, c) for k in kept):
            kept.append(c)
    return kept


def _copies(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def key(c: dict[str, Any]) -> tuple[frozenset[str], bool]:
        drugs = frozenset(_canonical(d) for d in c["drugs"])  # Ibrance is palbociclib
        return drugs, c.get("setting", "metastatic") == "metastatic"

    if key(a) != key(b):
        return False
    if "started_on" in a and "started_on" in b:
        return True  # dated courses of the same drugs: kept apart here, whatever the overlap
    return key(a)[1] and any("started_on" not in c and "line" not in c for c in (a, b))


#: adverse events a course may have been stopped for: a CDK4/6-inhibitor class toxicity, a
#: lung one (an ILD history for rule 12), and another
TOXICITIES = ("neutropenia", "interstitial lung disease", "pneumonitis", "diarrhea")


FIRST_LINES = REGIMEN_DRUGS[:4]
LATER_LINES = (
    ("fulvestrant",),
    ("everolimus", "exemestane"),
    ("elacestrant",),
    ("capivasertib", "fulvestrant"),
    ("capecitabine",),
    ("trastuzumab deruxtecan",),
)


@st.composite
def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The shape of most patients the rules are about: a first line with a CDK4/6 inhibitor
    that progressed, then up to three later lines in order, each to progression (the later-line
    rules, 4, 11 and 22, read such histories; random courses seldom make one)."""
    lines = [draw(st.sampled_from(FIRST_LINES))]
    lines += draw(st.lists(st.sampled_from(LATER_LINES), max_size=3))
    day = BASE + dt.timedelta(days=draw(st.integers(0, 1200)))
    out = []
    for n, drugs in enumerate(lines, start=1):
        end = day + dt.timedelta(days=30 * draw(st.integers(2, 20)))
        out.append(
            {
                "drugs": list(drugs),
                "line": n,
                "started_on": iso(day),
                "ended_on": iso(end),
                "stop_reason": "progression",
            }
        )
        day = end + dt.timedelta(days=14)
    return out


@st.composite
def profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """JSON-like profiles that load: HR-positive, HER2 not positive."""
    out: dict[str, Any] = {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": draw(st.sampled_from(("0", "ultralow", "low", "unknown"))),
    }
    if draw(st.booleans()):
        out["as_of"] = iso(BASE + dt.timedelta(days=4000))  # after every generated date
    if draw(st.booleans()):
        out["ecog"] = draw(st.one_of(st.none(), st.integers(0, 4)))
    if draw(st.booleans()):
        out["visceral_crisis"] = draw(st.booleans())
    if draw(st.booleans()):
        out["menopausal_status"] = draw(
            st.sampled_from(("postmenopausal", "premenopausal", "unknown"))
        )
    out["comorbidities"] = draw(st.lists(st.sampled_from(COMORBIDITIES), unique=True, max_size=3))
    out["biomarkers"] = draw(st.lists(biomarker_dicts(), max_size=5))
    out["treatments"] = lines_fit(
        draw(st.one_of(st.lists(treatment_dicts(), max_size=4).map(consistent), histories()))
    )
    if draw(st.integers(0, 3)) == 0:  # the date of relapse (case 1553), before any first line
        out["relapsed_on"] = iso(
            _first_metastatic(out["treatments"]) - dt.timedelta(days=draw(st.integers(0, 800)))
        )
    return relapse_fitting(out)


@cache
def fuzz_script() -> Any:
    """``scripts/fuzz.py``, loaded once: its generators and the fits they share with these."""
    path = Path(__file__).parent.parent / "scripts" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("resistx_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def lines_fit(treatments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``fuzz.lines_fit`` on copies: what a profile accepts of numbered lines."""
    copies = [dict(t) for t in treatments]
    fuzz_script().lines_fit([t for t in copies if t.get("setting", "metastatic") == "metastatic"])
    return copies


def relapse_fitting(out: dict[str, Any]) -> dict[str, Any]:
    """``out`` without its relapse date where an early course starts after it, ended in
    progression well before it (case 2021's variant), ends well after it (case 2423) or is
    recorded as going on (case 2470h): a profile refuses each."""
    relapse = out.get("relapsed_on")
    if relapse is None:
        return out
    day = dt.date.fromisoformat(relapse)
    for t in out.get("treatments", ()):
        if t.get("setting", "metastatic") == "metastatic":
            continue
        start = dt.date.fromisoformat(t["started_on"]) if t.get("started_on") else None
        end = _end(t, start)
        progressed = t.get("stop_reason") == "progression"
        late = end is not None and (end - day).days > 92  # given on after it (case 2423)
        going_on = end is None and t.get("stop_reason") == "ongoing"  # case 2470h
        if (
            (start and start > day)
            or (progressed and end and (day - end).days > 92)
            or late
            or going_on
        ):
            del out["relapsed_on"]
            break
    return out


def _end(t: dict[str, Any], start: dt.date | None) -> dt.date | None:
    if t.get("ended_on"):
        return dt.date.fromisoformat(t["ended_on"])
    if start is not None and t.get("months") is not None:
        return start + dt.timedelta(days=round(t["months"] * DAYS_PER_MONTH))
    return None


def _first_metastatic(treatments: list[dict[str, Any]]) -> dt.date:
    """The start of the first course for metastatic disease, or a date after the adjuvant ones."""
    starts = [
        dt.date.fromisoformat(t["started_on"])
        for t in treatments
        if t.get("setting", "metastatic") == "metastatic" and t.get("started_on")
    ]
    return min(starts, default=BASE + dt.timedelta(days=3000))


profiles = profile_dicts().map(resistx.load_profile)

preferences = st.builds(
    resistx.Preferences,
    priority=st.sampled_from(list(Priority)),
    cost_sensitive=st.booleans(),
    include_trials=st.booleans(),
    short_cdk46i_months=st.sampled_from((3.0, 6.0, 12.0)),
)

trials = st.sampled_from(resistx.evidence().trials)
mechanisms = st.sampled_from(resistx.mechanisms())
discrepancies = st.sampled_from(resistx.evidence().discrepancies)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def mutated_profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """Valid profiles with one field replaced by arbitrary JSON-like data."""
    base = draw(profile_dicts())
    key = draw(st.sampled_from([*base, "unexpected"]))
    base[key] = draw(json_values)
    return base


def from_schema(
    schema: dict[str, Any], node: dict[str, Any] | None = None
) -> st.SearchStrategy[Any]:
    """Documents valid under resistx's own JSON Schemas (the subset of keywords they use)."""
    node = schema if node is None else node
    if "$ref" in node:
        return st.deferred(
            lambda: from_schema(schema, schema["$defs"][node["$ref"].split("/")[-1]])
        )
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if node.get("type") == "object" and "anyOf" in node:  # one of several sets of required keys
        variants = [
            {
                **{k: v for k, v in node.items() if k != "anyOf"},
                "required": [*node.get("required", ()), *alt["required"]],
            }
            for alt in node["anyOf"]
        ]
        return st.one_of([from_schema(schema, n) for n in variants])
    if "anyOf" in node:
        return st.one_of([from_schema(schema, n) for n in node["anyOf"]])
    kind = node.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(node.get("minimum", -(2**31)), node.get("maximum", 2**31))
    if kind == "number":
        if "exclusiveMaximum" in node:
            top = node["exclusiveMaximum"]
            return st.floats(node.get("minimum", -1e9), top, exclude_max=True, allow_nan=False)
        return st.floats(node.get("minimum", -1e9), node.get("maximum", 1e9), allow_nan=False)
    if kind == "string":
        if node.get("format") == "date":
            return st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(iso)
        text = st.text(min_size=node.get("minLength", 0), max_size=12)
        return text.filter(str.strip) if node.get("pattern") == r"\S" else text
    if kind == "array":
        if "prefixItems" in node:
            return st.tuples(*(from_schema(schema, n) for n in node["prefixItems"])).map(list)
        return st.lists(
            from_schema(schema, node["items"]),
            max_size=min(3, node.get("maxItems", 3)),
            unique=bool(node.get("uniqueItems")),
        )
    if kind == "object":
        required = set(node.get("required", ()))
        props = node["properties"]
        return st.fixed_dictionaries(
            {k: from_schema(schema, v) for k, v in props.items() if k in required},
            optional={k: from_schema(schema, v) for k, v in props.items() if k not in required},
        )
    msg = f"schema node not covered: {node}"
    raise AssertionError(msg)


@st.composite
def profile_and_new_finding(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A profile, and a positive result for a gene it has no result for."""
    data = draw(profile_dicts())
    present = {b["gene"] for b in data["biomarkers"]}
    gene = draw(st.sampled_from(sorted(set(POSITIVE_STATUS) - present)))
    return data, draw(biomarker_dicts(gene, POSITIVE_STATUS[gene]))


@st.composite
def neighbour_profiles(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A profile and variants of it that each differ in one place (one biomarker, one value of
    one result, one treatment, one field): patients whose facts share all but a few values, so that a memo key
    missing a fact makes two of them collide."""
    base = draw(profile_dicts())
    out = [base]
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        other = draw(profile_dicts())
        variant = dict(base)
        where = draw(st.sampled_from(("biomarkers", "treatments", "field", "one result")))
        if where == "one result" and base["biomarkers"]:  # one value of one result changed
            at = draw(st.integers(0, len(base["biomarkers"]) - 1))
            was = base["biomarkers"][at]
            fresh = draw(biomarker_dicts(was["gene"], was["status"]))
            key = draw(st.sampled_from(sorted(set(was) | set(fresh))))
            changed = {k: v for k, v in was.items() if k != key} | (
                {key: fresh[key]} if key in fresh else {}
            )
            variant["biomarkers"] = [
                *base["biomarkers"][:at],
                fitting(changed),  # one value changed may no longer fit the others (case 1921)
                *base["biomarkers"][at + 1 :],
            ]
        elif where in ("biomarkers", "treatments"):
            kept = list(base[where])
            drop: bool = draw(st.booleans())
            if kept and drop:
                kept.pop(draw(st.integers(0, len(kept) - 1)))
            if where == "biomarkers":
                variant[where] = [*kept, draw(biomarker_dicts())]
            else:
                variant[where] = lines_fit(consistent([*kept, draw(treatment_dicts())]))
        else:
            key = draw(st.sampled_from(sorted(set(other) - {"schema_version", "hormone_receptor"})))
            variant[key] = other[key]
        if "relapsed_on" in variant:  # never after the variant's first line (a ProfileError)
            first = iso(_first_metastatic(variant["treatments"]))
            variant["relapsed_on"] = min(variant["relapsed_on"], first)
        out.append(relapse_fitting(variant))
    unique = {json.dumps(p, sort_keys=True): p for p in out}
    return list(unique.values())
