"""Signs of a possible visceral crisis in free text: lymphangitic spread, hypoxia, jaundice, a
rising bilirubin (the second board, 7059, 7060: elacestrant preferred beside them with no
question). Rule 7 reads a crisis from ``visceral_crisis``, and rule 124 asks whether a failing
liver is one where hepatic impairment and liver metastases are on record; a sign written only
as text reaches neither, so it is refused until the clinician says which it is."""

from __future__ import annotations

from typing import Any

from resistx.vocab.comorbidities import Comorbidity, denied_at

#: words that name a sign alone, and pairs of words in one clause that name one together
_SIGNS = frozenset(
    {"lymphangitic", "lymphangitis", "jaundice", "jaundiced", "icterus", "icteric"}
    | {"hypoxic", "hypoxia", "hypoxaemia", "hypoxemia", "hypoxaemic", "hypoxemic"}
)
_PAIRS: tuple[tuple[str, str], ...] = (("rising", "bilirubin"), ("liver", "failure"))
_PAIRS += (("hepatic", "failure"), ("respiratory", "failure"), ("increasing", "bilirubin"))
_RISING = frozenset({"rising", "increasing", "climbing", "worsening"})
#: words that date a sign to the past ('jaundice from gallstones 2019, resolved')
_OVER = frozenset({"resolved", "previously", "history", "past", "prior", "former", "old"})


def crisis_signs(_text: str, clauses: list[list[str]], inst: Any) -> str:
    """How to record a sign of a possible visceral crisis a free text names, or ""."""
    if getattr(inst, "visceral_crisis", None) is True or _judged(clauses):
        return ""
    found = next((s for c in clauses for s in _named(c)), None)
    everywhere = {w for c in clauses for w in c}
    if found is None and "bilirubin" in everywhere and everywhere & _RISING:
        found = "bilirubin"  # 'bilirubin 60 umol/L (3x ULN), rising over 2 weeks' (7060)
    if found is None:
        return ""
    liver = found in {"jaundice", "jaundiced", "icterus", "icteric", "bilirubin", "liver"}
    if liver and _hepatic_impairment(inst):
        return ""  # rule 124 asks whether the failing liver is a crisis
    where = (
        ', or {"name": "hepatic_impairment"} with liver metastases in "metastatic_sites", '
        "whose question rule 124 asks"
        if liver
        else ""
    )
    return (
        f"names {found!r}, a sign of a possible visceral crisis (ESO-ESMO ABC 5), which rule 7 "
        f'reads from "visceral_crisis": record it there (true) if it is one{where}; if the '
        "board judges it is not, say so here ('no visceral crisis')"
    )


def _named(words: list[str]) -> list[str]:
    if _OVER & set(words):
        return []
    found = [w for at, w in enumerate(words) if w in _SIGNS and not denied_at(words, at)]
    for first, second in _PAIRS:
        if first in words and second in words and not denied_at(words, words.index(first)):
            found.append("bilirubin" if "bilirubin" in (first, second) else first)
    return found


def _judged(clauses: list[list[str]]) -> bool:
    """A clause that says there is no visceral crisis ('no visceral crisis per MDT')."""
    return any(
        words[at : at + 2] == ["visceral", "crisis"] and denied_at(words, at)
        for words in clauses
        for at in range(len(words) - 1)
    )


def _hepatic_impairment(inst: Any) -> bool:
    return any(
        getattr(c, "name", None) is Comorbidity.HEPATIC_IMPAIRMENT
        for c in getattr(inst, "comorbidities", ()) or ()
    )
