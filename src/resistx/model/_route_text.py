"""A route of treatment, a kind of regimen or a blood transfusion refused in free text (session
66, 7460-7460c, 7522: 'declines intravenous treatment', 'wants oral treatment only', 'declines
chemotherapy' passed, and chemotherapy and both ADCs stayed ranked as if accepted). The plan
reads them from the preferences (``declines``, ``declines_kinds``, ``declines_transfusion``),
which the profile does not hold, so the text is refused pointing there."""

from __future__ import annotations

import re
from typing import Any

from resistx.model._free_text import _of_the_past
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.interactions import folded

#: a refusal ('declines', 'won't accept'; session 66's recheck, 7521: 'refuses needles')
_VERBS = (
    r"\b(?:declines?|declined|refuses?|refused|(?:does|do|did) ?n[o']t want|unwilling to have"
    r"|wants? no|won'?t (?:accept|have|take)|will not (?:accept|have|take)|does not accept)\b"
)
#: a kind of regimen, or a blood transfusion, refused (7522: 'declines chemotherapy' left
#: chemotherapy preferred), by the preference that reads it
_KIND_NAMES = (
    r"(?P<kind>chemotherapy|chemo|chimiotherapie|chemotherapie|quimioterapia|chemioterapia|adcs?"
    r"|antibody.drug conjugates?|(?:blood )?transfusions?|blood products?)\b"
)
_KINDS = re.compile(rf"{_VERBS}\W+(?:\w+\W+){{0,2}}?{_KIND_NAMES}")
#: ... the kind first ('chemotherapy: declined', 'Chemotherapie abgelehnt'; the second recheck,
#: 7563), or a refusal in French, Spanish or Italian before it ('refuse la chimiothérapie')
_KIND_FIRST = re.compile(
    rf"{_KIND_NAMES}\W+(?:\w+\W+){{0,1}}?(?:declined|refused|abgelehnt|refusee?|rechazada?"
    r"|rifiutata?)\b"
)
_ABROAD = re.compile(rf"\b(?:refuse|rechaza|rifiuta|lehnt)\W+(?:\w+\W+){{0,2}}?{_KIND_NAMES}")
#: a refusal anywhere in an entry, for a drug named in it ('declines Enhertu': by the drug
#: vocabulary's names and class, not a list of its own)
_ANY_REFUSAL = re.compile(rf"{_VERBS}|\b(?:abgelehnt|refuse|rechaza|rifiuta|lehnt)\b")
#: a refusal, then a route within a few words ('refuses IV chemotherapy')
_REFUSED = re.compile(
    rf"{_VERBS}\W+(?:\w+\W+){{0,2}}?"
    r"(?P<route>intravenous|iv|infusions?|drips?|intramuscular|im|injections?|needles?)\b"
    r"(?!\W+(?:iron|fluids?|contrast|antibiotics?|zoledron\w*|bisphosphonates?))"
)
#: oral treatment only ('wants oral treatment only', 'tablets only', 'only oral therapy')
_ORAL_ONLY = re.compile(
    r"\b(?:oral|tablets?|pills?)(?: (?:treatment|therapy|drugs?|medications?|options?))? only\b"
    r"|\bonly (?:oral|tablets?|pills?)\b"
)
#: words of a refusal that is not the patient's now: of the past, of early disease or another
#: cancer, or taken back ('previously declined chemotherapy, now agrees')
_NOT_NOW = frozenset({"previously", "previous", "prior", "formerly", "adjuvant", "neoadjuvant"})
_NOT_NOW |= {"agrees", "agreed", "willing", "accepts", "accepted", "consents", "consented"}
_NOT_NOW |= {"lymphoma", "leukaemia", "leukemia", "earlier", "before", "history", "hx"}
_ROUTES = {
    "intramuscular": "intramuscular",
    "im": "intramuscular",
    "injection": "intramuscular",
    "injections": "intramuscular",
}


def route_refused(text: str, clauses: list[list[str]], _inst: Any) -> str:
    """How to record a route the text says the patient refuses, or ""."""
    said = folded(text)
    if _of_the_past(clauses, _NOT_NOW):  # a year of the plan's own reads 'thisyear'
        return ""  # of the past, or of another cancer (the second recheck, 7556, 7557)
    if _ORAL_ONLY.search(said):
        routes = ["intravenous", "intramuscular"]
    elif found := _REFUSED.search(said):
        route = found["route"]
        routes = (
            ["intravenous", "intramuscular"]
            if route.startswith("needle")
            else [_ROUTES.get(route, "intravenous")]
        )
    elif kind := _KINDS.search(said) or _KIND_FIRST.search(said) or _ABROAD.search(said):
        return _kind_refused(kind["kind"])
    elif _ANY_REFUSAL.search(said) and _names_an_adc(said):
        return _kind_refused("adc")
    else:
        return ""
    listed = ", ".join(f'"{r}"' for r in routes)
    flags = " ".join(f"--declines {r}" for r in routes)
    return (
        f"names a refusal of {' and '.join(routes)} treatment, which the plan reads from the "
        f'preferences\' "declines" ([{listed}]; {flags} on the command line), not from the '
        "profile: record it there"
    )


def _names_an_adc(said: str) -> bool:
    """The text names an ADC (by the drug vocabulary's names: one chemotherapy drug declined
    is not the kind, whose preference leaves out every chemotherapy)."""
    return any(drug_vocab.drug_class(d).value.startswith("adc") for d in drug_vocab.named_in(said))


def _kind_refused(kind: str) -> str:
    if "transfusion" in kind or "blood" in kind:
        return (
            "names a refusal of blood transfusion, which the plan reads from the preferences' "
            '"declines_transfusion" (true; --declines-transfusion on the command line), not from '
            "the profile: record it there"
        )
    name = "chemotherapy" if kind.startswith(("chemo", "chimio", "quimio", "chemio")) else "adc"
    return (
        f"names a refusal of {'chemotherapy' if name == 'chemotherapy' else 'the ADCs'}, which "
        f'the plan reads from the preferences\' "declines_kinds" (["{name}"]; --declines-kind '
        f"{name} on the command line), not from the profile: record it there"
    )
