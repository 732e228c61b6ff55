"""Fuzz the input boundary: profiles, preferences and evidence files, seeded and repeatable.

python scripts/fuzz.py                      # 10,000 inputs, seed 0
python scripts/fuzz.py --n 100000 --seed 7  # the long run
python scripts/fuzz.py --n 2000 --verbose   # and one example of each escape

The contract under test: bad input raises only ``ProfileError`` or ``OutOfScopeError``
(profiles, preferences) or ``EvidenceError`` (evidence files), with a message free of raw
control characters; a valid profile yields a plan whose ranks run 1..n and which names each
regimen at most once; nothing takes a second (not counting the garbage collector's pauses,
which depend on all the process holds, and are reported apart). Everything else is an
*escape*.

Four generators, mixed by a seeded ``random.Random``: arbitrary JSON; structure-aware
mutations of every ``examples/*.json`` (dropped, duplicated and replaced fields, huge
integers, odd dates, deep nesting, long lists, lone surrogates, control characters, wrong
types), given as a mapping or as JSON text; valid but unusual profiles, sequenced and checked;
and mutations of the bundled evidence file, written to a temporary directory and read with
``EvidenceBase.from_file``. Only the public API is called, so the harness outlives rewrites
of the engine. The tests import this module by path and run a short round
(``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import functools
import gc
import json
import random
import string
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import resistx
from resistx import EvidenceBase
from resistx.model._biomarker_checks import (
    MUTATION_ONLY,
    NOT_A_VARIANT,
    TUMOUR_SUPPRESSORS,
)
from resistx.model.profile import ONE_PER_COURSE, calendar_months
from resistx.vocab import drugs as drug_vocab
from resistx.vocab import genes
from resistx.vocab.variants import foreign_hotspot, past_the_protein, written

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SLOW_SECONDS = 1.0
#: characters a message must never carry raw (a newline separates the problems)
UNSAFE = frozenset(chr(c) for c in (*range(0x20), 0x7F) if chr(c) != "\n")


# -- values that JSON text can carry but a plain Python tree cannot build cheaply ------------


@dataclasses.dataclass(frozen=True)
class Huge:
    """An integer of ``digits`` digits (``str(int)`` refuses more than 4,300)."""

    digits: int
    negative: bool = False

    def text(self) -> str:
        return ("-" if self.negative else "") + "9" * self.digits

    def value(self) -> int:
        return -_nines(self.digits) if self.negative else _nines(self.digits)


@functools.cache
def _nines(digits: int) -> int:
    return int(10**digits) - 1


@dataclasses.dataclass(frozen=True)
class Deep:
    """A list (or an object) nested ``depth`` deep around a zero."""

    depth: int
    kind: str = "list"

    def text(self) -> str:
        if self.kind == "list":
            return "[" * self.depth + "0" + "]" * self.depth
        return '{"a":' * self.depth + "0" + "}" * self.depth

    def value(self) -> object:
        out: object = 0
        for _ in range(self.depth):
            out = [out] if self.kind == "list" else {"a": out}
        return out


@dataclasses.dataclass(frozen=True)
class Dup:
    """An object whose text repeats a key (a mapping keeps the last value)."""

    pairs: tuple[tuple[str, Any], ...]


def encode(value: object) -> str:
    """JSON text for a tree that may hold ``Huge``, ``Deep`` and ``Dup`` values."""
    if isinstance(value, Huge | Deep):
        return value.text()
    if isinstance(value, Dup):
        return "{" + ",".join(f"{json.dumps(k)}:{encode(v)}" for k, v in value.pairs) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return json.dumps(value)


def materialise(value: object) -> object:
    """The plain Python value a tree stands for (what ``json.loads(encode(tree))`` gives)."""
    if isinstance(value, Huge | Deep):
        return value.value()
    if isinstance(value, Dup):
        return {k: materialise(v) for k, v in value.pairs}
    if isinstance(value, dict):
        return {k: materialise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [materialise(v) for v in value]
    return value


# -- generators ------------------------------------------------------------------------------

ODD_STRINGS = (
    "",
    " ",
    "\ud800",
    "ESR1\udfff",
    "\x1b[31mred\x1b[0m",
    "bell\x07",
    "nul\x00",
    "line\nbreak",
    "\u202eevil",
    "x" * 10_000,
    "Ibrance\x1b]0;title\x07",
    "🧬",
    "0",
    "null",
    "positive",
)
ODD_DATES = (
    "9999-12-31",
    "9999-12-20",
    "9999-01-01",
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "2100-12-31",
    "2101-01-01",
    "2026-02-30",
    "2026-13-01",
    "2026-1-1",
    "26-01-01",
    "2026-01-01T00:00:00",
    "+2026-01-01",
    "\uff12\uff10\uff12\uff16-01-01",  # full-width digits,
)


def odd_number(rng: random.Random) -> object:
    return rng.choice(
        [
            Huge(5000),
            Huge(5000, negative=True),
            Huge(400),
            Huge(4301),
            Huge(20),
            10**18,
            2**63,
            -1,
            0,
            1,
            600,
            601,
            1e308,
            -1e308,
            1e-320,
            -0.0,
            float("nan"),
            float("inf"),
            1.5,
            1e12,
        ]
    )


def arbitrary_json(rng: random.Random, depth: int = 0) -> object:
    """Any JSON value, small and mostly shallow."""
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice(
            [
                None,
                True,
                False,
                rng.randint(-(10**30), 10**30),
                rng.randint(-3, 10),
                rng.uniform(-1e6, 1e6),
                odd_number(rng),
                rng.choice(ODD_STRINGS),
                "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 12))),
                rng.choice(ODD_DATES),
            ]
        )
    if roll < 0.7:
        return [arbitrary_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [*PROFILE_KEYS, *TREATMENT_KEYS, *BIOMARKER_KEYS, *ODD_KEYS]
    return {rng.choice(keys): arbitrary_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


PROFILE_KEYS = (
    "schema_version",
    "patient_id",
    "as_of",
    "hormone_receptor",
    "her2",
    "menopausal_status",
    "ecog",
    "visceral_crisis",
    "comorbidities",
    "biomarkers",
    "treatments",
)
TREATMENT_KEYS = ("drugs", "setting", "line", "started_on", "ended_on", "months", "stop_reason")
BIOMARKER_KEYS = ("gene", "status", "origin", "sample", "assay", "tested_on", "variant")
PREFERENCE_KEYS = ("priority", "cost_sensitive", "include_trials", "short_cdk46i_months")
ODD_KEYS = ("", "x", "\ud800", "\x1b[31mkey", "bell\x07", "her2 ", "HER2", "k" * 5000)


def odd_value(rng: random.Random, key: object) -> object:
    """A value that is wrong, or right in an unusual way, for the field ``key``."""
    if isinstance(key, str) and (key.endswith("_on") or key == "as_of") and rng.random() < 0.6:
        return rng.choice(ODD_DATES)
    roll = rng.random()
    if roll < 0.3:
        return odd_number(rng)
    if roll < 0.55:
        return rng.choice(ODD_STRINGS)
    if roll < 0.65:
        return Deep(rng.choice([10_000, 3_000, 200, 50]), rng.choice(["list", "object"]))
    if roll < 0.8:
        return rng.choice([None, True, False, [], {}, [None], {"": None}])
    return arbitrary_json(rng)


def slots(tree: object) -> list[tuple[Any, Any, str]]:
    """Every (container, key, JSON path) below ``tree``, breadth first."""
    out: list[tuple[Any, Any, str]] = []
    todo: list[tuple[object, str]] = [(tree, "$")]
    while todo:
        node, path = todo.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                out.append((node, k, f"{path}.{k}"))
                todo.append((v, f"{path}.{k}"))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out.append((node, i, f"{path}[{i}]"))
                todo.append((v, f"{path}[{i}]"))
    return out


def long_list(rng: random.Random, current: object, limit: int) -> list[Any]:
    n = rng.choice([c for c in (201, 2_001, 10_000, 30_000, 100_000) if c <= limit])
    if isinstance(current, list) and current and rng.random() < 0.5:
        item = current[0]
        return [copy.deepcopy(item) if isinstance(item, dict) else item for _ in range(n)]
    word = rng.choice(["palbocyclib", "zzz", "diabetis", "ESR", "drug"])
    return [f"{word}{i}" for i in range(n)]


def mutate(rng: random.Random, tree: Any, *, list_limit: int = 100_000) -> tuple[Any, str]:
    """One to three structure-aware mutations of ``tree`` (changed in place), and what they were."""
    done: list[str] = []
    for _ in range(rng.randint(1, 3)):
        places = slots(tree)
        if not places or rng.random() < 0.05:
            if isinstance(tree, dict) and tree:
                key = rng.choice(list(tree))
                tree = Dup(((key, odd_value(rng, key)), *tree.items()))
                done.append(f"duplicate key $.{key}")
            continue
        container, key, path = rng.choice(places)
        value = container[key]
        op = rng.random()
        if op < 0.15:
            del container[key]
            done.append(f"drop {path}")
        elif op < 0.25 and isinstance(value, dict) and value:
            k = rng.choice(list(value))
            other = odd_value(rng, k) if rng.random() < 0.5 else copy.deepcopy(value[k])
            container[key] = Dup(((k, value[k]), *value.items(), (k, other)))
            done.append(f"duplicate key {path}.{k}")
        elif op < 0.3 and isinstance(container, list):
            container.insert(key, copy.deepcopy(value))
            done.append(f"duplicate item {path}")
        elif op < 0.42 and isinstance(value, str):
            at = rng.randint(0, len(value))
            bad = rng.choice(["\ud800", "\udc00", "\x1b[2J", "\x07", "\x00", "\u202e", "\x7f"])
            container[key] = value[:at] + bad + value[at:]
            done.append(f"odd characters in {path}")
        elif op < 0.45 and isinstance(container, dict):
            new_key = rng.choice(ODD_KEYS)
            container[new_key] = container.pop(key)
            done.append(f"rename {path} to {new_key!r}")
        elif op < 0.5 and (isinstance(value, list) or rng.random() < 0.1):
            container[key] = long_list(rng, value, list_limit)
            done.append(f"long list at {path} ({len(container[key])} items)")
        else:
            new = odd_value(rng, key)
            container[key] = new
            done.append(f"replace {path} with {describe(new)}")
    return tree, "; ".join(done) or "unchanged"


def stress_dates(rng: random.Random, tree: dict[str, Any]) -> str:
    """A treatment that starts very late or lasts very long, and no ``as_of`` to stop it."""
    treatments = tree.get("treatments")
    if not isinstance(treatments, list) or not treatments:
        treatments = tree["treatments"] = [{"drugs": ["palbociclib"]}]
    t = rng.choice(treatments)
    t["started_on"] = rng.choice(
        ["9999-12-20", "9999-06-01", "2100-12-31", "1900-01-01", "2024-01-01"]
    )
    t.pop("ended_on", None)
    t["months"] = rng.choice([1, 24, 600, 601, 1e6, 1e12, 1e300])
    t["stop_reason"] = rng.choice(["progression", "ongoing"])
    tree.pop("as_of", None)
    return f"treatment from {t['started_on']} for {t['months']} months, no as_of"


def describe(value: object) -> str:
    if isinstance(value, Huge):
        return f"an integer of {value.digits} digits"
    if isinstance(value, Deep):
        return f"a {value.kind} nested {value.depth} deep"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# -- valid but unusual profiles --------------------------------------------------------------

DRUG_NAMES = (
    "palbociclib",
    "Ibrance",
    "ribociclib",
    "Kisqali",
    "abemaciclib",
    "letrozole",
    "anastrozole",
    "exemestane",
    "tamoxifen",
    "fulvestrant",
    "elacestrant",
    "alpelisib",
    "capivasertib",
    "everolimus",
    "olaparib",
    "talazoparib",
    "trastuzumab deruxtecan",
    "sacituzumab govitecan",
    "capecitabine",
    "paclitaxel",
    "eribulin",
    "chemotherapy",
    "goserelin",
)
GENES = ("ESR1", "PIK3CA", "AKT1", "PTEN", "RB1", "CCNE1", "BRCA1", "BRCA2", "PALB2", "ERBB2")
# spellings a valid profile may use (profile schema 2: an unknown gene is an error, and the
# mutations of the examples try those)
GENE_SPELLINGS = (*GENES, "esr1", "her2", "HER2", "TP53", "FGFR1", "CDK2", "rb")
STATUSES = ("mutated", "wild_type", "amplified", "overexpressed", "loss", "not_detected")
STATUSES_ALL = (*STATUSES, "indeterminate")
COMORBIDITY_NAMES = (
    "diabetes",
    "Diabetes mellitus",
    "ILD",
    "interstitial_lung_disease",
    "cardiac_disease",
    "neuropathy",
    "cytopenia",
    "long QT",
    {"name": "neuropathy", "grade": 2},
    {"name": "diabetes", "hba1c": 8.5},
    {"name": "hepatic_impairment", "child_pugh": "B"},
)
FIRST_DAY = dt.date(1900, 1, 1)
FIRST_COURSE_DAY = dt.date(1950, 1, 1)  # a course's dates from then (8651)
LAST_DAY = dt.date(2100, 12, 31)


def a_date(rng: random.Random, low: dt.date, high: dt.date) -> dt.date:
    edge = rng.random()
    if edge < 0.1:
        return low
    if edge < 0.2:
        return high
    return low + dt.timedelta(days=rng.randint(0, (high - low).days))


def _fitting(b: dict[str, Any]) -> dict[str, Any]:
    """A drawn result made one a profile accepts: its status, test, origin and variant fit
    together and its gene (``resistx.model._biomarker_checks``, case 1921)."""
    gene = genes.normalise(b["gene"])
    mutation_only = gene in MUTATION_ONLY
    if b.get("origin") == "germline" and (
        mutation_only or b.get("sample") == "ctdna" or b["status"] in NOT_A_VARIANT
    ):
        del b["origin"]
    if mutation_only and b["status"] in ("loss", "overexpressed"):
        b["status"] = "mutated"
    if gene in TUMOUR_SUPPRESSORS and b["status"] in ("amplified", "overexpressed"):
        b["status"] = "loss"
    fish_copies = b.get("assay") == "fish" and b["status"] == "amplified"
    mutation = mutation_only or b["status"] == "mutated"
    if b.get("assay") in ("ihc", "fish") and mutation and not fish_copies:
        b["assay"] = "ngs"
    if b["status"] in ("wild_type", "not_detected"):
        b.pop("variant", None)
    named = b.get("variant") or ""
    # past the protein (case 2295a), or another gene's hotspot (case 3147)
    if past_the_protein(gene or "", named) or (named and foreign_hotspot(gene or "", named)):
        b["variant"] = "D538G" if gene == "ESR1" else "R88Q"
    # a PIK3CA mutation's variant names a change rule 90 can read (8652)
    if gene == "PIK3CA" and named and written(named) == (None, None):
        b["variant"] = "H1047R"
    return b


def unusual_profile(rng: random.Random) -> dict[str, Any]:
    """A profile that must load: dates 1900-2100 (a course's from 1950) and never after
    ``as_of``, months 0-600."""
    as_of = a_date(rng, FIRST_DAY + dt.timedelta(days=400), LAST_DAY)
    out: dict[str, Any] = {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": rng.choice(["0", "ultralow", "low", "unknown"]),
    }
    if rng.random() < 0.8:
        out["as_of"] = as_of.isoformat()
    if rng.random() < 0.5:
        out["patient_id"] = rng.choice(["p", "ü" * 50, "a b c", "x" * 1000])
    if rng.random() < 0.6:
        out["ecog"] = rng.choice([None, 0, 1, 2, 3, 4])
    if rng.random() < 0.3:
        out["visceral_crisis"] = rng.random() < 0.5
    if rng.random() < 0.4:
        out["menopausal_status"] = rng.choice(["postmenopausal", "premenopausal", "unknown"])
    out["comorbidities"] = [
        rng.choice(COMORBIDITY_NAMES) for _ in range(rng.choice([0, 1, 3, 100]))
    ]
    if rng.random() < 0.2:
        out["other_conditions"] = ["gout", "ü" * 20][: rng.choice([1, 2])]
    out["biomarkers"] = []
    for _ in range(rng.choice([0, 1, 2, 5, 20, 300, 2000])):
        b: dict[str, Any] = {
            "gene": rng.choice(GENE_SPELLINGS),
            "status": rng.choice(STATUSES_ALL),
        }
        for key, choices in (
            ("origin", ["somatic", "germline"]),
            ("sample", ["tissue", "ctdna"]),
            ("assay", ["ngs", "pcr", "ihc", "fish"]),
        ):
            if rng.random() < 0.5:
                b[key] = rng.choice(choices)
        if rng.random() < 0.6:
            b["tested_on"] = a_date(rng, FIRST_DAY, as_of).isoformat()
        if rng.random() < 0.2:
            b["variant"] = rng.choice(["D538G", "", "H1047R", "?" * 300])
        out["biomarkers"].append(_fitting(b))
    out["treatments"] = []
    for _ in range(rng.choice([0, 1, 2, 3, 6, 30, 200])):
        t: dict[str, Any] = {
            "drugs": one_per_class(
                [rng.choice(DRUG_NAMES) for _ in range(rng.choice([1, 1, 2, 3, 8]))]
            )
        }
        if rng.random() < 0.5:
            t["setting"] = rng.choice(["adjuvant", "metastatic"])
        if rng.random() < 0.5:
            t["line"] = rng.choice([1, 2, 3, 10, 20])
        if rng.random() < 0.6 and as_of >= FIRST_COURSE_DAY:
            start = a_date(rng, FIRST_COURSE_DAY, as_of)
            t["started_on"] = start.isoformat()
            if rng.random() < 0.5:
                t["ended_on"] = a_date(rng, start, as_of).isoformat()
        if rng.random() < 0.4 and "ended_on" not in t:  # beside both dates it must agree
            t["months"] = rng.choice([0, 0.0, 1e-9, 3, 5.99, 6, 24.5, 599.9, 600])
        if rng.random() < 0.7:
            t["stop_reason"] = rng.choice(
                ["progression", "toxicity", "patient_choice", "completed", "ongoing"]
            )
            if t["stop_reason"] == "ongoing":
                t.pop("ended_on", None)
        if "as_of" in out and "started_on" in t and "months" in t and "ended_on" not in t:
            _months_to(t, as_of)
        out["treatments"].append(t)
    out["treatments"] = coherent(out["treatments"])
    # a GnRH agonist beside 'postmenopausal' is refused while it can still suppress (2502, 2571)
    suppressed = any("goserelin" in t["drugs"] for t in out["treatments"])
    if suppressed and out.get("menopausal_status") == "postmenopausal":
        out["menopausal_status"] = "premenopausal"
    return out


def one_per_class(drugs: list[str]) -> list[str]:
    """``drugs`` with the second and later drugs of one class (``ONE_PER_COURSE``: the
    profile refuses them) left out."""
    seen: set[str] = set()
    out = []
    for d in drugs:
        found = drug_vocab.lookup(d)
        group = ONE_PER_COURSE.get(found.drug_class) if found is not None else None
        if group is not None and group in seen:
            continue
        seen.add(group or "")
        out.append(d)
    return out


def _months_to(t: dict[str, Any], as_of: dt.date) -> None:
    """A start and months with no end stop by the decision date, and a course going on runs
    to it (case 2285b): its months are the span then."""
    span = calendar_months(dt.date.fromisoformat(t["started_on"]), as_of)
    if t.get("stop_reason") != "ongoing":
        t["months"] = min(t["months"], span)
    elif span <= 600:  # the profile's limit: a longer course going on gives no months
        t["months"] = round(span, 1)
    else:
        del t["months"]


def coherent(treatments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a profile accepts of random courses: one metastatic course going on (the others
    progressed), and dated, numbered metastatic lines numbered in the order they started."""
    _placed_apart(treatments)
    metastatic = [t for t in treatments if t.get("setting", "metastatic") == "metastatic"]
    for t in [t for t in metastatic if t.get("stop_reason") == "ongoing"][1:]:
        t["stop_reason"] = "progression"
    dated = sorted((t for t in metastatic if "line" in t and "started_on" in t), key=_start)
    for t, line in zip(dated, sorted(t["line"] for t in dated), strict=True):
        t["line"] = line
    lines_fit(metastatic)
    # an early course after a metastatic one began is refused (case 1989's variant): undated
    first = min((t["started_on"] for t in metastatic if "started_on" in t), default=None)
    for t in treatments:
        late = first is not None and t.get("started_on", first) > first
        if late and t.get("setting", "metastatic") != "metastatic":
            t.pop("started_on")
            t.pop("ended_on", None)
    return treatments


def lines_fit(metastatic: list[dict[str, Any]]) -> None:
    """A numbered line going on beside a later line has ended (case 3146), and a course
    with no line ended before line 1 began is not read as metastatic (case 3144): the one
    progressed, the other's end left out."""
    for t in [t for t in metastatic if t.get("line") is not None]:
        later = [u for u in metastatic if _later(u, t)]
        if t.get("stop_reason") == "ongoing" and later:
            t["stop_reason"] = "progression"
    numbered = [t for t in metastatic if t.get("line") is not None and t.get("started_on")]
    first = min((t["started_on"] for t in numbered if t["line"] == 1), default=None)
    for t in metastatic:
        if first is not None and t.get("line") is None and t.get("ended_on", "9999") < first:
            del t["ended_on"]


def _later(u: dict[str, Any], t: dict[str, Any]) -> bool:
    """``u`` a later line than ``t``: numbered after it (dated or not: session 57), or of no
    line, progressed and started after it."""
    line = u.get("line")
    if line is not None:
        return bool(line > t["line"])
    started = t.get("started_on")
    return bool(started and u.get("started_on", "") > started) and (
        u.get("stop_reason") == "progression"
    )


def _placed_apart(treatments: list[dict[str, Any]]) -> None:
    """Courses of the same drugs and setting placed apart, as a profile asks (case 987: it
    refuses a course entered twice): the first keeps its dates, given a line where it has
    neither a start date nor a line; each later one loses its dates for a line of its own."""
    groups: dict[tuple[frozenset[str], bool], list[dict[str, Any]]] = {}
    for t in treatments:
        drugs = frozenset(getattr(drug_vocab.lookup(d), "name", d) for d in t["drugs"])
        groups.setdefault((drugs, t.get("setting", "metastatic") == "metastatic"), []).append(t)
    repeated = (g for g in groups.values() if len(g) > 1)
    for n, (k, t) in enumerate((k, t) for g in repeated for k, t in enumerate(g)):
        if k:
            t.pop("started_on", None)
            t.pop("ended_on", None)
        if k or ("started_on" not in t and "line" not in t):
            t["line"] = REPEAT_LINES + n


#: the first line number given to a repeated course (``_placed_apart``)
REPEAT_LINES = 21  # above the lines given at random, at most 200 with the repeats


def _start(t: dict[str, Any]) -> str:
    return str(t["started_on"])


def unusual_preferences(rng: random.Random) -> dict[str, Any] | None:
    if rng.random() < 0.3:
        return None
    return {
        "priority": rng.choice(["survival", "quality_of_life", "balanced"]),
        "cost_sensitive": rng.random() < 0.5,
        "include_trials": rng.random() < 0.5,
        "short_cdk46i_months": rng.choice([0, 0.0, 3, 6.0, 12, 600]),
    }


class InvariantError(AssertionError):
    """A plan that breaks one of the invariants every plan keeps."""


def check_plan(plan: resistx.Plan) -> None:
    ranks = [o.rank for o in plan.options]
    if ranks != list(range(1, len(ranks) + 1)):
        msg = f"ranks are {ranks}, not 1..{len(ranks)}"
        raise InvariantError(msg)
    ids = [o.regimen.id for o in plan.options] + [e.regimen.id for e in plan.excluded]
    if not ids:
        msg = "the plan considers no regimen"
        raise InvariantError(msg)
    if len(ids) != len(set(ids)):
        twice = sorted(i for i, n in Counter(ids).items() if n > 1)
        msg = f"regimens both ranked and excluded, or listed twice: {twice}"
        raise InvariantError(msg)
    if any(not e.reasons for e in plan.excluded):
        msg = "an exclusion without a reason"
        raise InvariantError(msg)


# -- cases -----------------------------------------------------------------------------------

PROFILE_ERRORS: tuple[type[BaseException], ...] = (resistx.ProfileError, resistx.OutOfScopeError)
EVIDENCE_ERRORS: tuple[type[BaseException], ...] = (resistx.EvidenceError,)


@dataclasses.dataclass(frozen=True)
class Case:
    label: str
    run: Callable[[], object]
    allowed: tuple[type[BaseException], ...]


def _load_then_sequence(source: object, preferences: object = None) -> None:
    profile = resistx.load_profile(source)  # type: ignore[arg-type]
    check_plan(resistx.sequence(profile, preferences))  # type: ignore[arg-type]


def _sequence_twice(data: dict[str, Any], preferences: object) -> None:
    plan = resistx.sequence(data, preferences)  # type: ignore[arg-type]
    check_plan(plan)
    if resistx.sequence(copy.deepcopy(data), preferences) != plan:  # type: ignore[arg-type]
        msg = "the same profile gave two different plans"
        raise InvariantError(msg)


class Generator:
    """Makes the cases of one seeded run."""

    def __init__(self, seed: int, workdir: Path) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - fuzz inputs, nothing cryptographic
        self.workdir = workdir
        self.examples = {
            p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(EXAMPLES.glob("[0-9]*.json"))
        }
        text = resources.files("resistx.evidence").joinpath("data", "evidence.json")
        self.evidence = json.loads(text.read_text(encoding="utf-8"))
        self.count = 0

    def __iter__(self) -> Iterator[Case]:
        while True:
            self.count += 1
            roll = self.rng.random()
            if roll < 0.12:
                yield self.arbitrary()
            elif roll < 0.6:
                yield self.profile_mutation()
            elif roll < 0.68:
                yield self.preferences_mutation()
            elif roll < 0.85:
                yield self.unusual()
            elif roll < 0.98:
                yield self.evidence_mutation()
            else:
                yield self.evidence_argument()

    def _as_source(self, tree: object) -> tuple[object, str]:
        if self.rng.random() < 0.5:
            return encode(tree), "text"
        return materialise(tree), "mapping"

    def arbitrary(self) -> Case:
        tree = arbitrary_json(self.rng)
        if self.rng.random() < 0.05:
            tree = Deep(self.rng.choice([10_000, 100_000]), self.rng.choice(["list", "object"]))
        source, form = self._as_source(tree)
        return Case(
            f"arbitrary JSON {describe(tree)} [{form}]",
            functools.partial(_load_then_sequence, source),
            PROFILE_ERRORS,
        )

    def profile_mutation(self) -> Case:
        name = self.rng.choice(list(self.examples))
        tree = copy.deepcopy(self.examples[name])
        if self.rng.random() < 0.05:
            what = stress_dates(self.rng, tree)
        else:
            tree, what = mutate(self.rng, tree)
        source, form = self._as_source(tree)
        if form == "text" and self.rng.random() < 0.05:
            text = str(source)
            at = self.rng.randrange(len(text))
            source = text[:at] + self.rng.choice(["\x00", "}", "\ud800", '"', "\\u"]) + text[at:]
            what += "; garbled text"
        return Case(
            f"mutation of {name}: {what} [{form}]",
            functools.partial(_load_then_sequence, source),
            PROFILE_ERRORS,
        )

    def preferences_mutation(self) -> Case:
        name = self.rng.choice(list(self.examples))
        prefs: dict[str, Any] = {
            "priority": "balanced",
            "cost_sensitive": False,
            "include_trials": True,
            "short_cdk46i_months": 6.0,
        }
        tree, what = mutate(self.rng, prefs, list_limit=10_000)
        return Case(
            f"preferences for {name}: {what}",
            functools.partial(_load_then_sequence, self.examples[name], materialise(tree)),
            PROFILE_ERRORS,
        )

    def unusual(self) -> Case:
        data = unusual_profile(self.rng)
        prefs = unusual_preferences(self.rng)
        summary = (
            f"{len(data['treatments'])} treatments, {len(data['biomarkers'])} biomarkers, "
            f"as_of {data.get('as_of')}"
        )
        return Case(
            f"valid unusual profile: {summary}",
            functools.partial(_sequence_twice, data, prefs),
            (),
        )

    def evidence_mutation(self) -> Case:
        tree, what = mutate(self.rng, copy.deepcopy(self.evidence), list_limit=2_001)
        path = self.workdir / f"evidence-{self.count}.json"
        path.write_text(encode(tree), encoding="utf-8", errors="surrogatepass")
        return Case(
            f"evidence file: {what}",
            functools.partial(_read_evidence, path),
            EVIDENCE_ERRORS,
        )

    def evidence_argument(self) -> Case:
        arg: Any = self.rng.choice(
            [None, 0, 3.5, b"evidence.json", self.workdir, self.workdir / "missing.json", ""]
        )
        allowed = EVIDENCE_ERRORS if isinstance(arg, str | Path) else (*EVIDENCE_ERRORS, TypeError)
        return Case(
            f"EvidenceBase.from_file({arg!r})",
            functools.partial(EvidenceBase.from_file, arg),
            allowed,
        )


def _read_evidence(path: Path) -> None:
    try:
        EvidenceBase.from_file(path)
    finally:
        path.unlink()


# -- running ---------------------------------------------------------------------------------


def message_problem(error: BaseException) -> str | None:
    """What is wrong with the message of an allowed error, or None."""
    text = str(error)
    if not text:
        return "an empty message"
    bad = sorted({repr(c) for c in text if c in UNSAFE})
    if bad:
        return f"raw control characters {', '.join(bad)} in the message"
    problems = getattr(error, "problems", None)
    if problems is not None:
        if not problems:
            return "an error without problems"
        if not all(isinstance(p, str) and p.startswith("$") and m for p, m in problems):
            return "a problem without a JSON path or a message"
    return None


@dataclasses.dataclass
class Summary:
    inputs: int = 0
    escapes: Counter[str] = dataclasses.field(default_factory=Counter)
    examples: dict[str, str] = dataclasses.field(default_factory=dict)
    slowest: float = 0.0
    slowest_label: str = ""
    slow: int = 0
    slow_examples: list[str] = dataclasses.field(default_factory=list)
    #: the longest pause of the garbage collector during one input (not counted as its time)
    collector: float = 0.0
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.escapes and not self.slow

    def line(self, seed: int) -> str:
        escapes = ", ".join(f"{k} {v}" for k, v in sorted(self.escapes.items())) or "none"
        return (
            f"fuzz seed={seed}: {self.inputs:,} inputs, {sum(self.escapes.values()):,} escapes "
            f"({escapes}); slowest {self.slowest:.3f} s; {self.slow:,} slower than "
            f"{SLOW_SECONDS:g} s; longest collector pause {self.collector:.3f} s; "
            f"{self.elapsed:.0f} s in all"
        )


class _CollectorClock:
    """Seconds spent in the cyclic garbage collector: its pauses depend on everything the
    process holds (the evidence memo grows over a long run), not on the input at hand."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started


COLLECTOR = _CollectorClock()
gc.callbacks.append(COLLECTOR)


def run_one(case: Case, summary: Summary) -> None:
    collected = COLLECTOR.seconds
    start = time.perf_counter()
    escape: str | None = None
    detail = ""
    try:
        case.run()
    except case.allowed as e:
        elapsed = time.perf_counter() - start
        problem = message_problem(e)
        if problem is not None:
            escape, detail = "BadMessage", problem
    except (Exception, RecursionError, MemoryError) as e:  # anything else is an escape
        elapsed = time.perf_counter() - start
        escape, detail = type(e).__name__, _short(e)
    else:
        elapsed = time.perf_counter() - start
    pause = COLLECTOR.seconds - collected
    elapsed -= pause  # the time the input took, without the collector's pauses
    summary.collector = max(summary.collector, pause)
    summary.inputs += 1
    if escape is not None:
        summary.escapes[escape] += 1
        summary.examples.setdefault(escape, f"{case.label}\n    -> {detail}")
    if elapsed > summary.slowest:
        summary.slowest, summary.slowest_label = elapsed, case.label
    if elapsed > SLOW_SECONDS:
        summary.slow += 1
        if len(summary.slow_examples) < 10:
            summary.slow_examples.append(
                f"{elapsed:.2f} s (+{pause:.2f} s collector): {case.label}"
            )


def _short(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception as e:  # a message that cannot be built is itself the finding
        text = f"<message raised {type(e).__name__}>"
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= 200 else text[:197] + "..."


def run(n: int, seed: int = 0) -> Summary:
    """Run ``n`` generated inputs from ``seed``; the summary counts escapes and slow inputs."""
    summary = Summary()
    started = time.perf_counter()
    limit = sys.getrecursionlimit()
    with tempfile.TemporaryDirectory(prefix="resistx-fuzz-") as tmp:
        for case in Generator(seed, Path(tmp)):
            if summary.inputs >= n:
                break
            run_one(case, summary)
            sys.setrecursionlimit(limit)
    summary.elapsed = time.perf_counter() - started
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000, help="how many inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument(
        "--verbose", action="store_true", help="print one example of each escape and slow input"
    )
    args = parser.parse_args(argv)
    summary = run(args.n, args.seed)
    if args.verbose:
        for kind, example in sorted(summary.examples.items()):
            print(f"{kind}: {example}")
        for slow in summary.slow_examples:
            print(f"slow: {slow}")
        print(f"slowest: {summary.slowest_label}")
    print(summary.line(args.seed))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
