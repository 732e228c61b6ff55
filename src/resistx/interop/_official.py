"""Validation by the official packages of each format, when the interop extra is installed.

The converters read plain JSON, so they work without these packages. Where they are installed,
the document is first checked against the published schema: the GA4GH ``phenopackets``
package (protobuf's JSON parser refuses unknown fields, wrong types and unknown enum values),
and ``fhir.resources`` (the FHIR R4B models, pydantic). Their findings become ``ProfileError``
problems at paths in the source document. Imported at call time: ``import resistx`` never
imports them.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType
from typing import Any

from resistx._errors import ProfileError
from resistx.model import _show


@functools.cache  # a missing extra is looked for once per process, not per document
def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _camel_path(dotted: str) -> str:
    return "$" + "".join(f".{part}" for part in dotted.split(".") if part)


def check_phenopacket(doc: Mapping[str, Any]) -> str | None:
    """Parse ``doc`` with the official Phenopacket v2 schema; the package name and version, or
    None where it is not installed. Protobuf's parser stops at the first problem: an unknown
    field is cut from a copy and the copy parsed again, so every unknown field is named."""
    schema = _module("phenopackets")
    json_format = _module("google.protobuf.json_format")
    if schema is None or json_format is None:
        return None
    problems: list[tuple[str, str]] = []
    current = json.loads(json.dumps(doc))  # a copy to cut unknown fields from
    for _ in range(_MAX_PROBLEMS):
        try:
            json_format.Parse(json.dumps(current), schema.Phenopacket())
            break
        except json_format.ParseError as e:
            path, problem, cut = _proto_problem(str(e))
            problems.append((path, problem))
            if cut is None or not _cut(current, *cut):
                break
    if problems:
        raise ProfileError(problems)
    return f"phenopackets {_version('phenopackets')}"


_MAX_PROBLEMS = 50
_UNKNOWN_FIELD = re.compile(
    r'has no field named "([^"]+)" at "Phenopacket\.?([\w.\[\]]*)"'
    r'(?:.*?Available Fields\(except extensions\): "\[(.*?)\]")?',
    re.S,
)
_FAILED_FIELD = re.compile(r"Failed to parse (\w+) field: ")
_AT = re.compile(r' at "?Phenopacket\.?([\w.\[\]]*)"?')


def _proto_problem(message: str) -> tuple[str, str, tuple[str, str] | None]:
    """The path and problem of one protobuf ``ParseError``, and for an unknown field or a wrong
    value whose place protobuf names where it is (the message's path, the field) so that it
    can be cut."""
    unknown = _UNKNOWN_FIELD.search(message)
    if unknown:
        field, at, listed = unknown[1], unknown[2], unknown[3] or ""
        expected = ", ".join(name.strip(" '") for name in listed.split(",") if name.strip())
        problem = "unknown field (phenopacket schema v2)" + (
            f"; expected one of: {expected}" if expected else ""
        )
        return f"{_camel_path(at)}.{field}", problem, (at, field)
    # a wrong value: where protobuf says where, that path; else the fields it was parsing
    # (without list indices)
    rest = _FAILED_FIELD.sub("", message).split("\n")[0]
    at = _AT.search(rest)
    cut = None
    if at:
        path, rest = _camel_path(at[1]), rest[: at.start()]
        parent, _dot, field = at[1].rstrip(".").rpartition(".")
        if field.isidentifier():  # set aside, so the next parse names the next problem (9159)
            cut = (parent, field)
    else:
        path = "$" + "".join(f".{f}" for f in _FAILED_FIELD.findall(message))
    # the schema's own words, whole (8661: cut at the length of a user's text)
    said = _show.text(rest.strip().rstrip("."), limit=_SAID_CHARS)
    form = _TIMESTAMP_FORM if path.endswith(".timestamp") else ""
    return path, f"not valid (phenopacket schema v2): {said}{form}", cut


_SAID_CHARS = 400
_TIMESTAMP_FORM = "; a timestamp is RFC 3339 with its time zone: 2024-05-01T00:00:00Z"


def _cut(doc: Any, at: str, field: str) -> bool:
    """Remove ``field`` from the object at the protobuf path ``at`` ("a.b[0]"); whether it was
    there to remove."""
    node = doc
    for part in filter(None, re.split(r"\.|(\[\d+\])", at)):
        index = part[1:-1] if part.startswith("[") else None
        if index is not None and isinstance(node, list) and int(index) < len(node):
            node = node[int(index)]
        elif index is None and isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    if isinstance(node, dict) and field in node:
        del node[field]
        return True
    return False


def check_fhir_bundle(doc: Mapping[str, Any]) -> str | None:
    """Validate ``doc`` as a FHIR R4B Bundle; the package name and version, or None where
    ``fhir.resources`` is not installed."""
    bundle = _module("fhir.resources.R4B.bundle")
    pydantic = _module("pydantic")
    if bundle is None or pydantic is None:
        return None
    unknown = _unknown_resource_types(doc, _module("fhir.resources.R4B"))
    if unknown:  # the models raise a bare KeyError or TypeError on these
        raise ProfileError(unknown)
    try:
        bundle.Bundle.model_validate(dict(doc))
    except pydantic.ValidationError as e:
        problems = [
            (_loc_path(error["loc"]), f"not valid FHIR R4B: {_show.text(error['msg'])}")
            for error in e.errors()
        ]
        raise ProfileError(problems) from None
    return f"fhir.resources {_version('fhir.resources')} (R4B)"


def _unknown_resource_types(
    doc: Mapping[str, Any], r4b: ModuleType | None
) -> list[tuple[str, str]]:
    """Each entry's ``resource.resourceType`` that is not the name of an R4B resource."""
    entries = doc.get("entry")
    problems = []
    for n, entry in enumerate(entries if isinstance(entries, list) else ()):
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if not isinstance(resource, Mapping):
            continue  # the models say what is wrong with it
        kind = resource.get("resourceType")
        path = f"$.entry[{n}].resource.resourceType"
        if not isinstance(kind, str):
            problems.append((path, "required: the name of a FHIR R4B resource type"))
            continue
        try:
            if r4b is not None:
                r4b.get_fhir_model_class(kind)
        except (KeyError, ValueError):
            problems.append((path, f"not a FHIR R4B resource type: {_show.text(kind)}"))
    return problems


def _loc_path(loc: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - installed without metadata
        return "(version unknown)"
