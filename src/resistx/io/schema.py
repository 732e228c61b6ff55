"""JSON Schema (2020-12) for the profile and the plan, generated from the models.

Field types, enums, required fields and ``additionalProperties: false`` come from the attrs
classes and their type hints, so the schema cannot drift from what ``load_profile`` and
``to_dict`` accept and produce. Value checks that live in validators (ECOG 0-4, dates in
order, known drug names) are described in ``description`` where JSON Schema cannot say them.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Literal

import attrs

from resistx.model import profile as profile_model
from resistx.model._validators import identifier, non_empty, not_blank
from resistx.model.plan import Plan
from resistx.model.profile import Profile
from resistx.vocab.comorbidities import NORMAL_CLEARANCE

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_NOTES: dict[tuple[str, str], str] = {
    ("Profile", "ecog"): "ECOG performance status 0-4; null when unknown.",
    ("Profile", "as_of"): "Date of the decision; when absent, the latest date in the profile.",
    ("Profile", "relapsed_on"): "Date the metastatic relapse was diagnosed, after treatment for "
    "early disease: the windows after (neo)adjuvant therapy are measured to it, else to the "
    "decision date; no course for metastatic disease starts before it.",
    ("Profile", "comorbidities"): "A closed vocabulary (diabetes, interstitial_lung_disease, "
    "qtc_prolonged, neuropathy, hepatic_impairment, cardiac_disease, ..., or an alias such as "
    "'ILD'), each a name or an object with its value (neuropathy grade, Child-Pugh class, HbA1c); "
    "an unknown name is an error: free text goes in other_conditions.",
    ("Profile", "schema_version"): "2 (the current schema); 1 still loads, migrated.",
    ("Profile", "her2"): "Required unless her2_tests give it (then derived, and must agree).",
    ("Profile", "other_conditions"): "Free text resistx does not assess; the plan repeats it.",
    ("Profile", "medications"): "The medications the patient takes, as the clinic writes them; "
    "strong CYP3A inhibitors and inducers, anticoagulants, drugs known to prolong the QT "
    "interval and insulin are read; each entry is repeated as not assessed, with what it was "
    "read as.",
    ("Profile", "next_treatment"): "The drugs given after this decision, when known (generic or "
    "brand names, as in a treatment's drugs); cohort concordance reads it, sequencing does not.",
    ("Treatment", "toxicity"): "With stop_reason toxicity (or progression after it): the adverse "
    "event (any case).",
    (
        "Treatment",
        "drugs",
    ): "Generic or brand names, any case (Ibrance, Kisqali, ...), or 'chemotherapy'.",
    ("Treatment", "ended_on"): "Not before started_on.",
    ("BiomarkerResult", "gene"): "HGNC symbol or an alias the review uses (p16, HER2, ...).",
    ("Her2Test", "sample"): "tissue: HER2 is scored on tumour tissue (another sample is an error).",
}
_MINIMUM: dict[tuple[str, str], float] = {
    ("BiomarkerResult", "tumour_fraction"): 0,
    ("Condition", "grade"): 0,
    ("Condition", "hba1c"): 3,
    ("Condition", "creatinine_clearance"): 0,
    ("Condition", "lvef"): 5,
    ("Profile", "ecog"): 0,
    ("Treatment", "line"): 1,
    ("Treatment", "months"): 0,
}
#: an upper bound the value must stay below (renal impairment's clearance)
_BELOW: dict[tuple[str, str], float] = {
    ("Condition", "creatinine_clearance"): NORMAL_CLEARANCE,
}
#: lists that name each item once
_UNIQUE_ITEMS = {("Profile", "metastatic_sites")}
_MAXIMUM: dict[tuple[str, str], float] = {
    ("Treatment", "line"): profile_model.MAX_TREATMENTS,
    ("BiomarkerResult", "tumour_fraction"): 1,
    ("Condition", "grade"): 4,
    ("Condition", "hba1c"): 20,
    ("Condition", "lvef"): 90,
    ("Profile", "ecog"): 4,
    ("Treatment", "months"): profile_model.MAX_MONTHS,
}
_MAX_ITEMS: dict[tuple[str, str], int] = {
    ("Profile", "treatments"): profile_model.MAX_TREATMENTS,
    ("Profile", "biomarkers"): profile_model.MAX_BIOMARKERS,
    ("Profile", "comorbidities"): profile_model.MAX_COMORBIDITIES,
    # the loader's limits of the free-text lists (case 5112: the schema did not say them)
    ("Profile", "other_conditions"): profile_model.MAX_OTHER_CONDITIONS,
    ("Profile", "medications"): profile_model.MAX_OTHER_CONDITIONS,
    ("Treatment", "drugs"): profile_model.MAX_DRUGS,
}
#: lists that hold one item at least, as the loader checks (8352)
_MIN_ITEMS: dict[tuple[str, str], int] = {("Treatment", "drugs"): 1}
_DATE_RANGE = (
    f"A date from {profile_model.FIRST_DATE.isoformat()} to {profile_model.LAST_DATE.isoformat()}"
)
_CONST: dict[tuple[str, str], int] = {}
_ENUM: dict[tuple[str, str], list[int]] = {("Profile", "schema_version"): [1, 2]}
_NON_EMPTY_ITEMS = {
    ("Treatment", "drugs"),
    ("Profile", "medications"),
    ("Profile", "other_conditions"),
}
#: fields the converter reads more loosely than their model type says
_LOOSE: dict[tuple[str, str], dict[str, Any]] = {
    # a name (an alias is accepted) or an object with the name and its value
    ("Profile", "comorbidities"): {
        "type": "array",
        "items": {
            "anyOf": [
                {"type": "string", "minLength": 1, "pattern": r"\S"},
                {"$ref": "#/$defs/Condition"},
            ]
        },
    },
    ("Condition", "name"): {"type": "string", "minLength": 1, "pattern": r"\S"},
    ("BiomarkerResult", "gene"): {"type": "string", "minLength": 1, "pattern": r"\S"},
    ("Treatment", "toxicity"): {"anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}]},
    ("Profile", "next_treatment"): {
        "anyOf": [
            {
                "type": "array",
                "items": {"type": "string", "minLength": 1, "pattern": r"\S"},
                "minItems": 1,
                "maxItems": profile_model.MAX_DRUGS,
            },
            {"type": "null"},
        ]
    },
}


_PROFILE_PARTS = (profile_model.Treatment, profile_model.BiomarkerResult)


class _Builder:
    def __init__(self, *, every_field: bool = False) -> None:
        self.defs: dict[str, Any] = {}
        #: every field required: a plan, which to_json writes whole and from_json reads only
        #: whole (7114: a plan of the required fields alone passed the schema)
        self.every_field = every_field

    def of(self, t: Any) -> dict[str, Any]:
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            parts = [self.of(a) for a in typing.get_args(t) if a is not type(None)]
            inner = parts[0] if len(parts) == 1 else {"anyOf": parts}
            return {"anyOf": [inner, {"type": "null"}]}
        if origin is tuple:
            args = typing.get_args(t)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.of(a) for a in args],
                "minItems": len(args),
                "maxItems": len(args),
                "items": False,
            }
        if origin is frozenset:
            return {"type": "array", "items": self.of(typing.get_args(t)[0]), "uniqueItems": True}
        if origin is Literal:
            return {"enum": list(typing.get_args(t))}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"type": "string", "enum": [m.value for m in t]}
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is float:
            return {"type": "number"}
        if t is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if isinstance(t, type) and attrs.has(t):
            return self.ref(t)
        msg = f"no JSON Schema for {t!r}"
        raise TypeError(msg)

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required = []
        for f in attrs.fields(cls):
            if not f.init:
                continue
            key = (cls.__name__, f.name)
            prop = self.of(hints[f.name])
            if key in _LOOSE:
                if key == ("Profile", "comorbidities"):
                    self.ref(profile_model.Condition)
                prop = dict(_LOOSE[key])
            if key in _ENUM:
                prop = {"type": "integer", "enum": _ENUM[key]}
            if key in _NOTES:
                prop["description"] = _NOTES[key]
            if key in _UNIQUE_ITEMS:
                prop["uniqueItems"] = True
            for table, word in (
                (_MINIMUM, "minimum"),
                (_MAXIMUM, "maximum"),
                (_BELOW, "exclusiveMaximum"),
                (_CONST, "const"),
            ):
                if key in table:
                    _constrain(prop, word, table[key])
            if f.validator is non_empty:
                prop.update(minLength=1, pattern=r"\S")
            pattern = next((pat for v, pat in _OPTIONAL_TEXT if f.validator is v), None)
            if pattern is not None:  # optional text: its string form
                text = next(p for p in prop["anyOf"] if p.get("type") == "string")
                text.update(minLength=1, pattern=pattern)
            if key in _NON_EMPTY_ITEMS:
                prop["items"].update(minLength=1, pattern=r"\S")
            if key in _MAX_ITEMS:
                prop["maxItems"] = _MAX_ITEMS[key]
            if key in _MIN_ITEMS:
                prop["minItems"] = _MIN_ITEMS[key]
            if cls in (Profile, *_PROFILE_PARTS) and hints[f.name] in (dt.date, dt.date | None):
                note = prop.get("description")
                prop["description"] = f"{note} {_DATE_RANGE}." if note else f"{_DATE_RANGE}."
            if f.default is attrs.NOTHING or self.every_field:
                required.append(f.name)
            props[f.name] = prop
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if required:
            out["required"] = required
        if cls.__doc__:
            out["description"] = " ".join(cls.__doc__.split())
        return out


#: optional text's pattern by its validator: not blank (8670); an id, nothing blank around it
#: either (9163)
_OPTIONAL_TEXT: tuple[tuple[object, str], ...] = (
    (not_blank, r"\S"),
    (identifier, r"^\S(?:.*\S)?$"),
)


def _constrain(prop: dict[str, Any], word: str, value: float) -> None:
    """Put a numeric constraint on the non-null branch of a property."""
    if "anyOf" in prop:
        _constrain(prop["anyOf"][0], word, value)
    else:
        prop[word] = value


def json_schema(which: Literal["profile", "plan"]) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a profile or a plan as resistx reads and writes them."""
    roots: dict[str, type] = {"profile": Profile, "plan": Plan}
    if which not in roots:
        msg = f"json_schema takes 'profile' or 'plan', not {which!r}"
        raise ValueError(msg)
    builder = _Builder(every_field=which == "plan")
    root = builder.object(roots[which])
    if which == "profile":  # her2 may be left to the her2_tests that give it
        root["required"] = [r for r in root["required"] if r != "her2"]
        root["anyOf"] = [  # 8352: an empty list gives no HER2
            {"required": ["her2"]},
            {"required": ["her2_tests"], "properties": {"her2_tests": {"minItems": 1}}},
        ]
    return {
        "$schema": DIALECT,
        "$id": f"https://resistx.invalid/schema/{which}.json",
        "title": f"resistx {which}",
        **root,
        "$defs": builder.defs,
    }
