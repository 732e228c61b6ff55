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
from resistx.model._free_text import _part_of_now, conditions
from resistx.vocab.comorbidities import Comorbidity, denied_at

#: a bilirubin's names, and the transaminases' (English, French, German, Spanish, Italian)
_BILIRUBIN = r"(?:t\.?\s*)?bili(?:rubine?|rrubina)?"
#: (not GOT or GPT alone, which English writes as words: 'got 50 Gy')
_TRANSAMINASE = r"alt|ast|sgpt|sgot|alat|asat"
#: a value after a test's name: times the upper limit of normal, or with its unit
_VALUE = re.compile(
    rf"\b(?P<name>{_BILIRUBIN}|{_TRANSAMINASE})\b\W{{0,12}}?(?<![\d.,])"
    r"(?P<value>\d{1,4}(?:[.,]\d+)?)(?!\d)\s*"
    r"(?P<unit>[x\u00d7]\s*(?:the\s*)?uln|mg|umol|µmol|micromol|u\s*/\s*l|iu|ui)?"
)
#: words that name a raised test by themselves, and the tests a word beside them says are raised
_RAISED_ALONE = re.compile(r"\bhyperbilirubin[a-z]*|\btransaminitis\b|\bhypertransaminas[a-z]*")
_TESTS = re.compile(
    r"\b(?:lfts?|liver (?:function )?tests?|liver enzymes?|transaminases?|"
    rf"{_BILIRUBIN}|{_TRANSAMINASE})\b"
)
_RAISED = frozenset({"raised", "elevated", "high", "abnormal", "deranged", "increased"})
_RAISED |= {"elevation", "derangement", "rise", "abnormality", "abnormalities"}
#: the upper limits read: bilirubin in mg/dL and umol/L (about 1.2 and 21 in most
#: laboratories), a transaminase in U/L (about 40)
_BILIRUBIN_ABOVE = {"mg": 1.2, "umol": 21.0}
_TRANSAMINASE_ABOVE = 40.0


def liver_tests(text: str, clauses: list[list[str]], inst: Any) -> str:
    """How to record a raised liver test the text names of now, or ""."""
    if conditions(inst, Comorbidity.HEPATIC_IMPAIRMENT) or _sign(text, clauses) in _LIVER:
        return ""  # recorded; or a failing liver, which the crisis check asks about
    part = _part_of_now(text, clauses)
    if part is None or any("gilbert" in w for c in clauses for w in c):
        return ""
    found = _raised_value(part) or _raised_word(clauses)
    if found is None:
        return ""
    return (
        f"names a raised liver test ({found}) with no hepatic_impairment recorded: the drugs' "
        'hepatic cautions and doses read it from {"name": "hepatic_impairment"} (with its '
        '"child_pugh" class where known): record it there, and keep the values here; a '
        "bilirubin that rises may be a visceral crisis (ESO-ESMO ABC 5), which rule 7 reads "
        'from "visceral_crisis"'
    )


def _raised_value(part: str) -> str | None:
    """The first test of ``part`` with a value above its upper limit, as written."""
    for m in _VALUE.finditer(part):
        value, unit = float(m["value"].replace(",", ".")), (m["unit"] or "").replace(" ", "")
        if unit[:1] in ("x", "\u00d7"):  # times the upper limit
            above = value > 1
        elif re.fullmatch(_BILIRUBIN, m["name"]):
            in_mg = unit.startswith("mg") or (not unit and value < 15)
            above = value > _BILIRUBIN_ABOVE["mg" if in_mg else "umol"]
        else:
            above = value > _TRANSAMINASE_ABOVE
        if above:
            return m[0].strip()
    return None


def _raised_word(clauses: list[list[str]]) -> str | None:
    """A clause that says a test is raised ('deranged LFTs', 'grade 2 transaminase elevation',
    'hyperbilirubinaemia'), not denied ('no liver enzyme elevation')."""
    for words in clauses:
        said = " ".join(words)
        alone = _RAISED_ALONE.search(said)
        test = _TESTS.search(said)
        if alone is None and (test is None or not _RAISED & set(words)):
            continue
        at = said[: (alone or test).start()].count(" ")  # type: ignore[union-attr]
        if not denied_at(words, at) and not {"normal", "nil"} & set(words):
            return (alone or test)[0]  # type: ignore[index]
    return None
