"""A route of treatment refused in free text (session 66, 7460-7460c: 'declines intravenous
treatment', 'refuses IV chemotherapy', 'wants oral treatment only' passed, and chemotherapy and
both ADCs stayed ranked as if accepted). The plan reads a refused route from the preferences'
``declines``, which the profile does not hold, so the text is refused pointing there."""

from __future__ import annotations

import re
from typing import Any

from resistx.vocab.interactions import folded

#: a refusal, then a route within a few words ('refuses IV chemotherapy')
_REFUSED = re.compile(
    r"\b(?:declines?|declined|refuses?|refused|(?:does|do|did) ?n[o']t want|unwilling to have"
    r"|wants? no)\b\W+(?:\w+\W+){0,2}?"
    r"(?P<route>intravenous|iv|infusions?|drips?|intramuscular|im|injections?)\b"
    r"(?!\W+(?:iron|fluids?|contrast|antibiotics?|zoledron\w*|bisphosphonates?))"
)
#: oral treatment only ('wants oral treatment only', 'tablets only', 'only oral therapy')
_ORAL_ONLY = re.compile(
    r"\b(?:oral|tablets?|pills?)(?: (?:treatment|therapy|drugs?|medications?|options?))? only\b"
    r"|\bonly (?:oral|tablets?|pills?)\b"
)
_ROUTES = {
    "intramuscular": "intramuscular",
    "im": "intramuscular",
    "injection": "intramuscular",
    "injections": "intramuscular",
}


def route_refused(text: str, _clauses: list[list[str]], _inst: Any) -> str:
    """How to record a route the text says the patient refuses, or ""."""
    said = folded(text)
    if _ORAL_ONLY.search(said):
        routes = ["intravenous", "intramuscular"]
    elif found := _REFUSED.search(said):
        routes = [_ROUTES.get(found["route"], "intravenous")]
    else:
        return ""
    listed = ", ".join(f'"{r}"' for r in routes)
    flags = " ".join(f"--declines {r}" for r in routes)
    return (
        f"names a refusal of {' and '.join(routes)} treatment, which the plan reads from the "
        f'preferences\' "declines" ([{listed}]; {flags} on the command line), not from the '
        "profile: record it there"
    )
