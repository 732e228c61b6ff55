"""Signs of a possible visceral crisis in free text: lymphangitic spread, hypoxia or a low
saturation, jaundice, a rising bilirubin, liver or respiratory failure, and a crisis said to be
possible (the second board, 7059, 7060: elacestrant preferred beside them with no question;
the recheck, 7151-7159). Rule 7 reads a crisis from ``visceral_crisis``, and rule 124 asks
whether a failing liver is one where hepatic impairment and liver metastases are on record; a
sign written only as text reaches neither, so it is refused until the clinician says which it
is, or writes that there is no visceral crisis."""

from __future__ import annotations

import itertools
import re
from typing import Any

from resistx.vocab.comorbidities import Comorbidity, denied_at

#: a word that names a sign alone ('lymphangitis' only beside 'carcinomatosa': an infection of
#: a leg is none, 7161), by the phrase the refusal quotes
_WORDS = {
    "lymphangitic": "lymphangitic spread",
    "jaundice": "jaundice",
    "jaundiced": "jaundice",
    "icterus": "jaundice",
    "icteric": "jaundice",
    "ictere": "jaundice",
    "ikterus": "jaundice",
    "ictericia": "jaundice",
    "ittero": "jaundice",
    "leberversagen": "liver failure",
    "ateminsuffizienz": "respiratory failure",
    # session 65, 7400s: a malignant effusion's, and in German, French, Spanish and Italian
    **dict.fromkeys(
        ("tamponade", "perikardtamponade", "herzbeuteltamponade", "tamponnade", "taponamiento"),
        "cardiac tamponade",
    ),
    "tamponamento": "cardiac tamponade",
    "desaturating": "desaturation",
    "desaturation": "desaturation",
    **dict.fromkeys(
        ("hypoxic", "hypoxia", "hypoxaemia", "hypoxemia", "hypoxaemic", "hypoxemic"), "hypoxia"
    ),
}
#: words that name a sign together in one entry, and the phrase the refusal quotes
_PAIRS = {
    ("liver", "failure"): "liver failure",
    ("hepatic", "failure"): "liver failure",
    ("hepatic", "insufficiency"): "liver failure",
    ("insuffisance", "hepatique"): "liver failure",
    ("insuficiencia", "hepatica"): "liver failure",
    ("insufficienza", "epatica"): "liver failure",
    ("respiratory", "failure"): "respiratory failure",
    ("insuffisance", "respiratoire"): "respiratory failure",
    ("insuficiencia", "respiratoria"): "respiratory failure",
    ("insufficienza", "respiratoria"): "respiratory failure",
    ("supplemental", "oxygen"): "supplemental oxygen",
    ("rising", "lfts"): "rising liver tests",
}
#: lymphangitis written with the carcinomatosis it is (in four languages)
_LYMPHANGITIS = frozenset({"lymphangitis", "lymphangite", "lymphangiosis", "linfangitis"})
_LYMPHANGITIS |= {"linfangite"}
#: a bilirubin, however written, and the words that say it climbs
_BILIRUBIN = frozenset({"bilirubin", "bili", "tbili", "bilirubine", "bilirrubina"})
_RISING = frozenset({"rising", "increasing", "climbing", "worsening", "doubled", "doubling"})
_RISING |= {"up", "trending", "rises", "rose"}
#: the phrases of a failing liver, which hepatic impairment on record hands to rule 124
_LIVER = frozenset({"jaundice", "rising bilirubin", "liver failure", "rising liver tests"})
#: words that date a sign to the past, or give it another cause than the cancer
_OVER = frozenset({"resolved", "previously", "previous", "history", "hx", "past", "prior"})
_OVER |= {"former", "old", "neonatal", "resolving", "improving", "chronic", "gilbert", "gilberts"}
#: a saturation below this (%) on room air is hypoxaemia (the ranges clinics act on)
_LOW_SATURATION = 92
_SATURATION = re.compile(r"\b(?:spo2|sao2|sats?|saturation|o2 sats?)\D{0,12}?(\d{2})\s*%")
#: words that make 'visceral crisis' a question, not a denial ('possible', 'not ruled out')
_UNSURE = frozenset({"possible", "possibly", "query", "suspected", "suspect", "suspicion"})
_UNSURE |= {"ruled", "excluded", "exclude", "yet", "impending", "likely", "unlikely", "r"}
_UNSURE |= {"probable", "potential", "threatened", "threatening", "evolving", "early"}


def crisis_signs(text: str, clauses: list[list[str]], inst: Any) -> str:
    """How to record a sign of a possible visceral crisis a free text names, or ""."""
    if getattr(inst, "visceral_crisis", None) is True:
        return _failing_liver_in_crisis(text, clauses, inst)
    if _no_crisis(clauses):
        return ""
    found = _unsure_crisis(clauses) or _sign(text, clauses)
    if found is None or (found in _LIVER and _hepatic_impairment(inst)):
        return ""  # with hepatic impairment on record rule 124 asks whether it is a crisis
    where = (
        ', or {"name": "hepatic_impairment"} with liver metastases in "metastatic_sites", '
        "whose question rule 124 asks"
        if found in _LIVER
        else ""
    )
    return (
        f"names {found!r}, a sign of a possible visceral crisis (ESO-ESMO ABC 5), which rule 7 "
        f'reads from "visceral_crisis": record it there (true) if it is one{where}; if the '
        "board judges it is not, say so here ('no visceral crisis')"
    )


def _failing_liver_in_crisis(text: str, clauses: list[list[str]], inst: Any) -> str:
    """A failing liver a free text names beside a crisis on record, with no hepatic impairment
    recorded (session 65, 7290: 'bilirubin 2.1 x ULN and rising' passed, and no option's
    hepatic caution was said): the labels' cautions read it from the comorbidity."""
    found = _sign(text, clauses)
    if found not in _LIVER or _hepatic_impairment(inst):
        return ""
    return (
        f"names {found!r} beside the visceral crisis on record: the drugs' hepatic cautions "
        'read a failing liver from {"name": "hepatic_impairment"} (with its "child_pugh" class '
        "where known): record it there"
    )


#: words that keep a sign open, a question and no denial ('possible tamponade')
_OPEN = frozenset({"possible", "possibly", "query", "suspected", "suspect", "suspicion"})
_OPEN |= {"probable", "potential", "impending", "likely", "threatened", "threatening", "evolving"}


def _open(words: list[str]) -> bool:
    """A sign said to be possible or suspected, or not excluded ('cardiac tamponade not
    excluded': the second recheck), is one to ask about; one ruled out, excluded or unlikely
    is denied (reading the change again: ``_UNSURE``, a crisis's question words, had let
    'tamponade ruled out' through as open)."""
    said = set(words)
    if {"no", "without", "nil", "unlikely"} & said:
        return False
    return bool(_OPEN & said) or ("not" in said and bool({"excluded", "ruled"} & said))


def _sign(text: str, clauses: list[list[str]]) -> str | None:
    """The first sign an entry names: in a clause, else across its clauses."""
    return next((s for c in clauses for s in _named(c)), None) or _entry_signs(text, clauses)


def _named(words: list[str]) -> list[str]:
    if _OVER & set(words):
        return []
    found = [
        _WORDS[w]
        for at, w in enumerate(words)
        if w in _WORDS and (_open(words) or not (denied_at(words, at) or "unlikely" in words))
    ]
    found += [
        said
        for (first, second), said in _PAIRS.items()
        if first in words and second in words and not denied_at(words, words.index(first))
    ]
    if _LYMPHANGITIS & set(words) and any(w.startswith("carcinomat") for w in words):
        found.append("lymphangitic spread")
    return found


def _entry_signs(text: str, clauses: list[list[str]]) -> str | None:
    """Signs read across the clauses of one entry: a bilirubin and a word that it climbs
    ('bilirubin 68 umol/L, up from 30'), a low saturation ('SpO2 88% on RA')."""
    everywhere = {w for c in clauses for w in c}
    if everywhere & _OVER:
        return None
    if everywhere & _BILIRUBIN and everywhere & _RISING:
        return "rising bilirubin"
    if "lymph" in everywhere and any(w.startswith("carcinomat") for w in everywhere):
        return "lymphangitic spread"  # 'lymph. carcinomatosis', split at its full stop
    low = [int(m[1]) for m in _SATURATION.finditer(text.casefold())]
    return "low oxygen saturation" if any(v < _LOW_SATURATION for v in low) else None


def _crisis_at(words: list[str]) -> list[int]:
    return [at for at in range(len(words) - 1) if words[at : at + 2] == ["visceral", "crisis"]]


def _unsure_crisis(clauses: list[list[str]]) -> str | None:
    """A crisis said to be possible, suspected or not ruled out: the question to decide."""
    for words in clauses:
        at = _crisis_at(words)
        if at and _UNSURE & set(words) and not _said_absent(words[at[0] + 2 :]):
            return "possible visceral crisis"
    return None


def _no_crisis(clauses: list[list[str]]) -> bool:
    """A clause that says there is no visceral crisis ('no visceral crisis per MDT'), not one
    that leaves it open ('visceral crisis not ruled out', 'possible visceral crisis')."""
    return any(
        denied_at(words, at) and not _UNSURE & set(words)
        for words in clauses
        for at in _crisis_at(words)
    )


def _said_absent(after: list[str]) -> bool:
    """Words after a crisis that say it is not there, whatever its question word before
    ('Impending visceral crisis not present': 7590s, refused as a possible one); the entry's
    signs are read all the same ('..., hypoxia on 2L O2': the recheck, 7766)."""
    pairs = set(itertools.pairwise(after))
    return bool({("not", "present"), ("not", "seen")} & pairs or {"absent"} & set(after))


def _hepatic_impairment(inst: Any) -> bool:
    return any(
        getattr(c, "name", None) is Comorbidity.HEPATIC_IMPAIRMENT
        for c in getattr(inst, "comorbidities", ()) or ()
    )
