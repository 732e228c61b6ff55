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

_PROTO_PATH = re.compile(r' at "?Phenopacket\.?([\w.\[\]]*)"?')


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
    None where it is not installed."""
    schema = _module("phenopackets")
    json_format = _module("google.protobuf.json_format")
    if schema is None or json_format is None:
        return None
    try:
        json_format.Parse(json.dumps(doc), schema.Phenopacket())
    except json_format.ParseError as e:
        message = str(e)
        found = _PROTO_PATH.search(message)
        path = _camel_path(found[1]) if found else "$"
        problem = f"not a valid phenopacket (schema v2): {_show.text(message)}"
        raise ProfileError([(path, problem)]) from None
    return f"phenopackets {_version('phenopackets')}"


def check_fhir_bundle(doc: Mapping[str, Any]) -> str | None:
    """Validate ``doc`` as a FHIR R4B Bundle; the package name and version, or None where
    ``fhir.resources`` is not installed."""
    bundle = _module("fhir.resources.R4B.bundle")
    pydantic = _module("pydantic")
    if bundle is None or pydantic is None:
        return None
    try:
        bundle.Bundle.model_validate(dict(doc))
    except pydantic.ValidationError as e:
        problems = [
            (_loc_path(error["loc"]), f"not valid FHIR R4B: {_show.text(error['msg'])}")
            for error in e.errors()
        ]
        raise ProfileError(problems) from None
    return f"fhir.resources {_version('fhir.resources')} (R4B)"


def _loc_path(loc: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - installed without metadata
        return "(version unknown)"
