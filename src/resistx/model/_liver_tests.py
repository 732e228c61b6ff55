"""A raised liver test written only as free text, with no hepatic impairment recorded (session
66, 7457b-7457j: 'bilirubin 2.4 x ULN', 'ALT 250 U/L', 'deranged LFTs' passed, and elacestrant
came first with no hepatic caution and no question before choosing). The drugs' hepatic
cautions and doses, and rule 124's question, read hepatic impairment from its comorbidity, so
the text is refused pointing there. A normal value, one of the past, a denial or Gilbert's
syndrome (a raised unconjugated bilirubin with a normal liver) passes."""

from __future__ import annotations

import re
from typing import Any

from resistx.model._crisis_signs import _LIVER, _sign
from resistx.model._free_text import _of_the_past, _this_year, conditions
from resistx.vocab.comorbidities import Comorbidity, affirmed, denied_at
from resistx.vocab.interactions import folded

#: a bilirubin's names, and the transaminases' (English, French, German, Spanish, Italian,
#: Portuguese: 'TGP', 'TGO'; not GOT alone, which English writes as a word: 'got 50 Gy')
_BILIRUBIN = r"(?:t\.?\s*)?bili(?:rubine?|rrubina)?"
_TRANSAMINASE = r"alt|ast|sgpt|sgot|alat|asat|gpt|tgp|tgo"
#: a value after a test's name (a few words may stand between: 'ALT of 250', 'Bilirubin
#: gesamt 3,1'): times the upper limit of normal, or with its unit
_VALUE = re.compile(
    rf"\b(?P<name>{_BILIRUBIN}|{_TRANSAMINASE})\b"
    r"(?:\W+(?:of|gesamt|total|totale|level|levels|is|at|serum))*\W{0,12}?(?<![\d.,])"
    r"(?P<value>\d{1,4}(?:[.,]\d+)?)(?!\d)\s*"
    r"(?P<unit>(?:(?:[x\u00d7]|times|-?fold)\s*)?(?:the\s*)?(?:uln|lsn|upper limit(?: of normal)?)"
    r"|(?:[x\u00d7]|times|-?fold)\s*(?:the\s*)?normal"
    r"|mg|umol|\u03bcmol|mcmol|micromol|u\s*/\s*l|iu|ui)?"
)
#: words that name a raised test by themselves, in the languages above
_RAISED_ALONE = re.compile(
    r"\b(?:hyper|iper|hiper)bilirr?ubin[a-z]*|\btransaminitis\b|\b(?:hyper|iper|hiper)transaminas[a-z]*"
)
_TESTS = re.compile(
    r"\b(?:lfts?|liver (?:function )?tests?|liver enzymes?|transaminases?|transaminasen"
    rf"|transaminasi|leberwerte?|{_BILIRUBIN}|{_TRANSAMINASE})\b"
)
_RAISED = frozenset({"raised", "elevated", "high", "abnormal", "deranged", "increased"})
_RAISED |= {"elevation", "derangement", "rise", "abnormality", "abnormalities", "increase"}
_RAISED |= {"elevees", "elevee", "eleves", "erhohte", "erhoht", "erhohten", "elevate"}
_RAISED |= {"elevati", "elevadas", "elevados", "aumentadas", "aumentate", "alterate"}
#: a count of times the upper limit written as a word ('three times ULN')
_COUNTS = {
    w: str(n)
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1
    )
}
_COUNTED = re.compile(rf"\b({'|'.join(_COUNTS)})\b(?=\s*(?:times|-?fold|x\b))")
#: 'twice' the upper limit (the second recheck, 7554)
_TWICE = re.compile(r"\btwice\b(?=\s*(?:the\s*)?(?:uln|upper|normal))")
#: the upper limits read: bilirubin in mg/dL and umol/L (about 1.2 and 21 in most
#: laboratories), a transaminase in U/L (about 40)
_BILIRUBIN_ABOVE = {"mg": 1.2, "umol": 21.0}
_TRANSAMINASE_ABOVE = 40.0
#: a bilirubin given with no unit under this is in mg/dL (a raised one in umol/L is above 21)
_BARE_MG_BELOW = 3.0
#: where an entry's clauses part: as ``CLAUSES``, but no comma between digits ('1,8 mg/dl':
#: the second recheck, 7551, read 1)
_PARTS = re.compile(r"(?<!\d),|,(?!\d)|[;()\[\]]|\s[-\u2013\u2014]\s|\.(?=\s+[a-z])")
#: words that date a clause's value to the past ('ALT was 250', 'previous transaminitis')
_PAST_WORDS = frozenset({"was", "were", "previous", "previously", "prior", "history", "hx"})
_PAST_WORDS |= {"resolved", "recovered", "normalised", "normalized", "ago", "past", "old"}


def liver_tests(text: str, clauses: list[list[str]], inst: Any) -> str:
    """How to record a raised liver test the text names of now, or "": each clause of now on
    its own ('normal bilirubin, ALT 250': the recheck, 7512), a clause of 'now' with the test
    named before it ('ALT 30, now 250'); Gilbert's syndrome explains a bilirubin, no
    transaminase."""
    if conditions(inst, Comorbidity.HEPATIC_IMPAIRMENT) or _sign(text, clauses) in _LIVER:
        return ""  # recorded; or a failing liver, which the crisis check asks about
    said = _TWICE.sub("2 x", _COUNTED.sub(lambda m: _COUNTS[m[1]], folded(text)))
    gilbert = "gilbert" in said
    own = _OWN_LIMIT.search(said)  # the laboratory's own limit ('ALT 41 U/L (ULN 45)': 7553)
    limit = float(own[1].replace(",", ".")) if own else _TRANSAMINASE_ABOVE
    year = getattr(getattr(inst, "as_of", None), "year", None) or 10_000
    for part, words in _clauses_of_now(said):
        if _of_the_past([_this_year(words, year)], _PAST_WORDS):
            continue  # of the past ('ALT 250 U/L in 2023'); a year of the plan's own is now
        found = _raised_value(part, gilbert=gilbert, limit=limit) or _raised_word(
            words, gilbert=gilbert
        )
        if found is not None:
            return (
                f"names a raised liver test ({found}) with no hepatic_impairment recorded: the "
                'drugs\' hepatic cautions and doses read it from {"name": "hepatic_impairment"} '
                '(with its "child_pugh" class where known): record it there, and keep the values '
                "here; a bilirubin that rises may be a visceral crisis (ESO-ESMO ABC 5), which "
                'rule 7 reads from "visceral_crisis"'
            )
    return ""


def _clauses_of_now(said: str) -> list[tuple[str, list[str]]]:
    """The clauses of an entry with their words, a clause of 'now' with the test named before
    it ('ALT 30, now 250'), and from the last clause of 'now' on where one is ('ALT 200 (2024),
    now 30': the second recheck, 7552)."""
    found: list[tuple[str, list[str], str]] = []  # (clause, words, the test it names)
    last = ""
    for clause in _PARTS.split(said):
        words = affirmed(re.findall(r"[a-z0-9']+", clause))
        if not words:
            continue
        named = _VALUE.search(clause) or _TESTS.search(clause)
        if named is None and words[0] == "now" and last:
            # it supersedes the earlier values of its test, not another test's
            found = [f for f in found if f[2] != last]
            found.append((f"{last} {clause.replace('now', '', 1)}", words, last))
            continue
        if named is not None:
            last = named[0].split()[0]
        found.append((clause, words, last if named is not None else ""))
    return [(clause, words) for clause, words, _test in found]


#: a laboratory's own upper limit written beside a value ('(ULN 45)', '(ref 7-56)')
_OWN_LIMIT = re.compile(
    r"\b(?:uln|upper limit(?: of normal)?|ref(?:erence)?(?: range)?|normal range|nr)\W{0,4}"
    r"(?:\d+(?:[.,]\d+)?\s*-\s*)?(\d+(?:[.,]\d+)?)(?!\s*[x\u00d7])"
)


def _raised_value(part: str, *, gilbert: bool, limit: float) -> str | None:
    """The first test of ``part`` with a value above its upper limit (``limit`` for a
    transaminase), as written; not a bound ('ALT < 3 x ULN': 7514c)."""
    for m in _VALUE.finditer(part):
        value, unit = float(m["value"].replace(",", ".")), (m["unit"] or "").replace(" ", "")
        bilirubin = bool(re.fullmatch(_BILIRUBIN, m["name"]))
        between = part[m.end("name") : m.start("value")]
        if (bilirubin and gilbert) or re.search(r"<|\bbelow\b|\bunder\b|less than", between):
            continue
        if unit.startswith(("x", "\u00d7", "times", "fold", "-fold", "uln", "lsn", "the", "upper")):
            above = value > 1
        elif bilirubin:  # with no unit, 3 or more is in umol/L (7550: 'bilirubin 10')
            in_mg = unit.startswith("mg") or (not unit and value < _BARE_MG_BELOW)
            above = value > _BILIRUBIN_ABOVE["mg" if in_mg else "umol"]
        else:
            above = value > limit
        if above:
            return m[0].strip()
    return None


def _raised_word(words: list[str], *, gilbert: bool) -> str | None:
    """A clause that says a test is raised ('deranged LFTs', 'grade 2 transaminase elevation',
    'hyperbilirubinaemia'), not denied ('no liver enzyme elevation')."""
    said = " ".join(words)
    test = _TESTS.search(said) if _RAISED & set(words) else None
    found = _RAISED_ALONE.search(said) or test
    if found is None:
        return None
    if gilbert and "bili" in found[0]:
        return None
    at = said[: found.start()].count(" ")
    if denied_at(words, at) or {"normal", "nil"} & set(words):
        return None
    return found[0]
