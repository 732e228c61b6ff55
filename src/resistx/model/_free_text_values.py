"""Values and sites the rules read from fields of their own, stated otherwise in free text: an
HbA1c, a creatinine clearance or a neuropathy's grade other than the one recorded (or none
recorded), and brain or leptomeningeal metastases not among ``metastatic_sites`` (the free-text
review of session 57, 3900-3903: capivasertib preferred on a recorded HbA1c of 7.0 beside
'HbA1c 9.2%', olaparib beside 'creatinine clearance 22 mL/min', elacestrant beside
leptomeningeal disease). Each is refused with the field that reads it, as ``_free_text`` does
for the facts it checks; a text that agrees with the field, or says it is over, passes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from resistx.model._free_text import PERCENT, _part_of_now, clauses_read, conditions, own_clause
from resistx.model._free_text_counts import low_counts
from resistx.model._liver_tests import liver_tests
from resistx.model._route_text import route_refused
from resistx.model.enums import MetastaticSite
from resistx.vocab.comorbidities import (
    DIABETIC_HBA1C,
    NORMAL_CLEARANCE,
    Comorbidity,
    denied_at,
    hba1c_percent,
    sites_named,
)
from resistx.vocab.interactions import folded

#: an HbA1c by its names, in English, French, German, Spanish and Italian (the recheck, 5068:
#: 'hémoglobine glyquée 8,4 %' and 'Glykohämoglobin 7,3 %' passed)
_HBA1C_NAME = re.compile(
    r"\bhg?b\s*a1c|\ba1c|glyc(?:at|osylat)ed ha?emoglobin|glycoha?emoglobin|hemoglobine glyquee"
    r"|glykoha?moglobin|glykiert\w* ha?moglobin|hemoglobina glic(?:osil)?ada|emoglobina glicata"
)
#: a value after it, with its unit where one is given ('9.2%', '60 mmol/mol', '8.4'), or a
#: bound ('< 6.5%'), which gives no value
_HBA1C_VALUE = re.compile(
    r"(<|\bbelow\b|\bunder\b)?\s*(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)(?!\d)\s*(%|mmol\s*/\s*mol)?"
)
#: an upper bound gives no value ('HbA1c < 6.5%'); a lower one is one ('HbA1c > 6.5%': 5164)
_HBA1C_BOUND = re.compile(rf"(?:{_HBA1C_NAME.pattern})\W*(?:<|below|under)\s*\d")
#: an HbA1c in percent ('HbA1c 9.2%', 'A1c 9,2 %'), by the same names: the last value after
#: its name
_HBA1C = re.compile(rf"(?:{_HBA1C_NAME.pattern})\D{{0,12}}?(\d{{1,2}}(?:[.,]\d)?)\s*%")
#: a date, read as its year (case 5162: 'HbA1c (2026-04-01): 7.2%' was read as 20.6%)
_DATE = re.compile(
    r"\b((?:19|20)\d\d)-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]((?:19|20)\d\d)\b"
    r"|\b\d{1,2}/((?:19|20)\d\d)\b"
)
#: a year between a value's name and the value ('CrCl (2026): 25') is skipped
_GAP = r"(?:\D|(?:19|20)\d\d(?!\d)){0,16}?"
#: a creatinine clearance in mL/min ('creatinine clearance 22 mL/min', 'CrCl 22')
_CLEARANCE = re.compile(
    r"(?:creat(?:inine)? clearance|\bcr\s*cl\b|\bclcr|cockcroft[\s-]*gault"
    r"|kreatinin[\s-]*clearance|clairance (?:de la )?creatinine"
    r"|clearance della creatinina|aclaramiento de (?:la )?creatinina|creatinineklaring"
    r"|\bclearance\b|\bklaring\b)"  # alone, as Italian and Dutch letters write it (5262)
    rf"{_GAP}(?<!\d)(\d{{1,3}}(?:[.,]\d+)?)(?!\d)"
)
_ML_PER_MINUTE = re.compile(r"(\d{1,3}(?:[.,]\d)?)\s*ml\b(?!\s*/\s*s\b)")
_PER_SECOND = re.compile(r"ml\s*/\s*s(?:ec)?\b")
#: a CTCAE grade beside a neuropathy ('neuropathy grade 3', 'G3 neuropathy', 'grade 2 PN')
#: ... also 'Grad 2', 'grado 3', 'gr. 2', 'CTCAE 2' (the second recheck of session 57, 4413-4416)
_GRADE = re.compile(r"\b(?:grade|grad|grado|gr|ctcae)\s*([0-4])\b|\bg([0-4])\b")
_RANGE = re.compile(r"\b(?:grade|grad|grado|gr|g)\s*([0-4])\s*(?:to\s*)?([0-4])\b")  # 'grade 1 2'
#: the sites rules 120 and 121 read (where the free text names their metastases, in a clause
#: that does not deny them: 'no brain metastases on MRI' passes)
_SITES_READ = (MetastaticSite.BRAIN, MetastaticSite.LEPTOMENINGEAL)


def values_named(text: str, inst: Any) -> Iterator[str]:
    """What a free-text condition states of a value or site the rules read, where the field
    does not hold it, each as how to record it."""
    text = _DATE.sub(lambda m: next(y for y in m.groups() if y), text)
    read = clauses_read(text, inst)
    if read is None or read[1]:  # a family history; '..., resolved', 'ruled out'
        return
    clauses = read[0]
    for check in _CHECKS:
        if said := check(text, clauses, inst):
            yield said


def _latest(
    pattern: re.Pattern[str],
    text: str,
    clauses: list[list[str]],
    unit: re.Pattern[str] | None = None,
) -> float | None:
    """The value of now the text gives for ``pattern``: in a clause that says 'now' (or after
    an arrow), its first value with ``unit``; else the last with the unit after the name ('rose
    from 7.1% to 8.3%': 8.3, the second recheck of session 57, 4406), or the last
    ``pattern`` finds; None where the text speaks of the past (``_part_of_now``)."""
    part = _part_of_now(text, clauses)
    if part is None:
        return None
    name = pattern.search(part)
    if unit is None:
        found = pattern.findall(part)[-1:]
    elif name is None or part != folded(text):  # a clause of now
        found = unit.findall(part)[:1]
    else:
        found = unit.findall(own_clause(part[name.start() :]))[-1:] or pattern.findall(part)[-1:]
    values = [v if isinstance(v, str) else next(x for x in v if x) for v in found]
    return float(values[-1].replace(",", ".")) if values else None


#: per value: the comorbidity and field that hold it, the tolerance of an agreement, how the
#: text names it ({} its value), and which rules read it
_VALUES: dict[str, tuple[Comorbidity, str, float, str, str]] = {
    "hba1c": (
        Comorbidity.DIABETES,
        "hba1c",
        0.05,
        "an HbA1c of {}%",
        "the PI3K and AKT inhibitors' rules read from the diabetes' \"hba1c\"",
    ),
    "clearance": (
        Comorbidity.RENAL_IMPAIRMENT,
        "creatinine_clearance",
        1.0,
        "a creatinine clearance of {} mL/min",
        'rule 118 reads from renal impairment\'s "creatinine_clearance"',
    ),
    "grade": (
        Comorbidity.NEUROPATHY,
        "grade",
        0.0,
        "a neuropathy of grade {}",
        'rule 12 reads from the neuropathy\'s "grade"',
    ),
}


#: per value: where it shows the condition with none recorded (case 4870v: 'HbA1c 9.1%' with
#: no diabetes recorded left the PI3K and AKT inhibitors preferred; 4877w: 'CrCl 25 ml/min'
#: with no renal impairment left talazoparib first with no dose caution)
_SHOWS_IT: dict[str, Callable[[float], bool]] = {
    "hba1c": lambda value: value >= DIABETIC_HBA1C,
    "clearance": lambda value: value < NORMAL_CLEARANCE,
}


def _against(kind: str, value: float | None, inst: Any) -> str:
    """How to record ``value`` where its comorbidity (``_VALUES[kind]``) holds another, or
    none, or is not recorded while the value shows it (``_SHOWS_IT``); "" where it agrees, or
    the text gives no value, or the value shows no such condition."""
    name, field, tolerance, what, reads = _VALUES[kind]
    known, values = _recorded(kind, inst)
    shows = _SHOWS_IT.get(kind)
    if value is not None and not known and shows is not None and shows(value):
        return (
            f"names {what.format(f'{value:g}')} with no {name.value} recorded, which "
            f'{reads}: record it under comorbidities as {{"name": "{name.value}", '
            f'"{field}": {value:g}}}'
        )
    if value is None or not known or any(abs(value - v) <= tolerance for v in values):
        return ""
    held = f" (recorded: {', '.join(f'{v:g}' for v in values)})" if values else ""
    return (
        f"names {what.format(f'{value:g}')}{held}, which {reads}: record the latest there "
        f'("{field}": {value:g})'
    )


def _recorded(kind: str, inst: Any) -> tuple[bool, list[float]]:
    """Whether the comorbidity of ``kind`` (``_VALUES``) is recorded, and its values there."""
    name, field = _VALUES[kind][:2]
    found = conditions(inst, name)
    return bool(found), [getattr(c, field) for c in found if getattr(c, field) is not None]


def _hba1c(text: str, clauses: list[list[str]], inst: Any) -> str:
    said = folded(text)
    if _HBA1C_BOUND.search(said):  # 'HbA1c < 6.5%': a bound, no value
        return ""
    if _HBA1C.search(said):  # in percent, as before (the latest of several: 4406)
        return _against("hba1c", _latest(_HBA1C, said, clauses, PERCENT), inst)
    part = _part_of_now(text, clauses)
    name = _HBA1C_NAME.search(part or "")
    if part is None or name is None:
        return ""
    # in mmol/mol, or with no unit (the recheck, 5028, 5068e: 'HbA1c 60 mmol/mol', 'A1c 8.4'):
    # the first value after its name; a bound gives none
    found = _HBA1C_VALUE.search(part, name.end())
    if found is None or found[1] or not found[2]:
        return ""
    value = float(found[2].replace(",", "."))
    if (found[3] or "").startswith("mmol") or (not found[3] and value > 20):  # IFCC's unit
        value = round(hba1c_percent(value), 1)
    return _against("hba1c", value, inst)


def _clearance(text: str, clauses: list[list[str]], inst: Any) -> str:
    said = folded(text)
    if not _CLEARANCE.search(said):
        return _egfr(said, clauses, inst) or _creatinine(said, clauses, inst)
    if _PER_SECOND.search(said):  # in mL/s (SI units): in mL/min, the field's (5068: 0.75 mL/s)
        value = _latest(_CLEARANCE, said, clauses)
        return _against("clearance", None if value is None else round(value * 60), inst)
    return _against("clearance", _latest(_CLEARANCE, said, clauses, _ML_PER_MINUTE), inst)


#: an eGFR ('eGFR 25 mL/min/1.73 m²', 'GFR 40', French 'DFG 45', Spanish 'TFG 45'), or a bound
#: ('eGFR > 60'), which gives no value
_EGFR = re.compile(
    r"(?:\begfr|\bgfr|\bdfg|\btfg|\bmdrd|debit de filtration glomerulaire"
    r"|filtracion glomerular|filtrato glomerulare)"
    r"(?:\W|[a-z]|(?:19|20)\d\d(?!\d)){0,16}?(<|>|below|under|above)?\s*"
    r"(?<!\d)(\d{1,3}(?:[.,]\d)?)(?!\d)"
)


#: an eGFR is refused below this (mL/min/1.73 m2): where the first labelled dose changes
#: (talazoparib's, under 60), as a converted document reads it (``interop._labs``); from 90
#: until session 66 (7572a: an eGFR of 72, usual at this age, was refused)
EGFR_READ_BELOW = 60.0
#: a value in a clause of now that does not name it again ('..., now 25')
_BARE_VALUE = re.compile(r"(<|>)?\s*(?<!\d)(\d{1,3}(?:[.,]\d)?)(?!\d)")


def _egfr(said: str, clauses: list[list[str]], inst: Any) -> str:
    """An eGFR under 60 with no renal impairment recorded (5030: 'eGFR 25' left olaparib an
    alternative with no renal caution): rule 118 reads the creatinine clearance the labels dose
    by, which an eGFR is not, so only its absence is said."""
    part = _part_of_now(said, clauses)  # 'eGFR 95 in 2020, now 25': 25 (5161)
    if part is None or not _EGFR.search(said) or _recorded("clearance", inst)[0]:
        return ""
    found = _EGFR.search(part) or _BARE_VALUE.search(part)  # a clause of now: 'now 25'
    if found is None or found[1]:  # a bound ('eGFR > 60') gives no value
        return ""
    value = float(found[2].replace(",", "."))
    if value >= EGFR_READ_BELOW:
        return ""
    return (
        f"names an eGFR of {value:g} with no renal_impairment recorded, which rule 118 reads "
        'from renal impairment\'s "creatinine_clearance" (Cockcroft-Gault, as the labels dose '
        'by): record it under comorbidities as {"name": "renal_impairment", '
        '"creatinine_clearance": <mL/min>}'
    )


#: a serum creatinine by its names ('serum creatinine 2.3 mg/dL', 'Krea 2,3 mg/dl', 'SCr 180'),
#: not a clearance (read above), and its value with its unit where one is given
_CREATININE = re.compile(
    r"(?:\bs?creat(?:inine?)?\b|\bkrea(?:tinin)?\b|\bcreatinina\b|\bscr\b)"
    rf"{_GAP}(?<![\d.,])(\d{{1,4}}(?:[.,]\d+)?)(?!\d)\s*(mg|umol|µmol|micromol)?"
    # 'Cr' alone only with its unit ('Cr 2.1 mg/dl'; not a complete response, 'CR 2019')
    r"|\bcr\W{0,3}(\d{1,4}(?:[.,]\d+)?)\s*(mg|umol|µmol|micromol)"
)
#: words of another creatinine than the serum's, or of a kidney function measured otherwise
#: (the recheck: 'urine creatinine', 'creatine kinase' misspelt, 'eGFR by cystatin C')
_NOT_SERUM = re.compile(
    r"\b(?:urine|urinary|kinase|ck|cystatin|ratio|albumin|protein|microalbuminuria|albuminuria"
    r"|proteinuria)\b"
)
#: a value after a creatinine's name that is one: with a creatinine's unit, or after an arrow or
#: 'to' ('0.9 -> 1.6 mg/dL', '1.9 mg/dL (04/2026)': the latest may be the raised one; not an
#: age or another test's value, 'CRP 45 mg/L')
_CREATININE_VALUES = re.compile(
    r"(?<![\d.,])(\d{1,4}(?:[.,]\d+)?)\s*(?:mg\s*/\s*dl|umol|µmol|micromol)"
    r"|(?:->|→|\bto\b)\s*(\d{1,4}(?:[.,]\d+)?)(?![\d.,])"
)
#: the upper limits of a serum creatinine the check reads as raised, in mg/dL, a woman's and
#: a man's (about 1.1 and 1.3 in most laboratories; 97 and 115 umol/L), and the factor
_CREATININE_ABOVE = {False: 1.1, True: 1.3}
_UMOL_PER_MG = 88.4


def _creatinine(said: str, clauses: list[list[str]], inst: Any) -> str:
    """A raised serum creatinine with no renal impairment recorded (session 65, 7262b: 2.3
    mg/dL at 78 years and 52 kg, a clearance near 16 mL/min, passed as free text while an eGFR
    is refused): rule 118 reads the Cockcroft-Gault clearance the labels dose by."""
    if _part_of_now(said, clauses) is None:  # of the past
        return ""
    found = _CREATININE.search(said)
    if found is None or _NOT_SERUM.search(said) or conditions(inst, Comorbidity.RENAL_IMPAIRMENT):
        return ""
    number, given = (found[1], found[2]) if found[1] else (found[3], found[4])
    # the highest value from the name on, not a year ('0.9 -> 1.6 mg/dL', '1.9 mg/dL (04/2026)')
    after = [
        float((a or b).replace(",", "."))
        for a, b in _CREATININE_VALUES.findall(said[found.start() :])
    ]
    value = max([float(number.replace(",", ".")), *after])
    in_mg = (given or "").startswith("mg") or (not given and value < 20)
    male = str(getattr(inst, "sex", "")) == "male"
    if (value if in_mg else value / _UMOL_PER_MG) <= _CREATININE_ABOVE[male]:
        return ""
    unit = "mg/dL" if in_mg else "umol/L"
    return (
        f"names a serum creatinine of {value:g} {unit}, above the normal range, with no "
        "renal_impairment recorded: rule 118 reads the creatinine clearance the labels dose by "
        "(Cockcroft-Gault, from the creatinine, age and weight): record it under comorbidities "
        'as {"name": "renal_impairment", "creatinine_clearance": <mL/min>}'
    )


def _neuropathy_word(word: str) -> bool:
    """'neuropathy', 'Neuropathie', 'neuropatía', 'polyneuropathy', 'CIPN', 'PNP', 'PN'."""
    return word.startswith(("neuropat", "polyneuropat")) or word in {"cipn", "pnp", "pn"}


def _neuropathy(_text: str, clauses: list[list[str]], inst: Any) -> str:
    """The grade the text gives from its neuropathy on (not a condition's before it)."""
    at = next((k for k, c in enumerate(clauses) if any(map(_neuropathy_word, c))), None)
    own = " , ".join(" ".join(c) for c in clauses[at:]) if at is not None else ""
    if not own:
        return ""
    if span := _RANGE.search(own):  # 'grade 1-2': a grade of it recorded passes (4416j)
        low, high = sorted(map(int, span.groups()))
        grades = _recorded("grade", inst)[1]
        if not grades or any(low <= g <= high for g in grades):
            return ""
        return _against("grade", float(high), inst)
    return _against("grade", _latest(_GRADE, own, clauses[at:]), inst)


def _sites(_text: str, clauses: list[list[str]], inst: Any) -> str:
    recorded = set(getattr(inst, "metastatic_sites", ()) or ())
    named = {
        MetastaticSite(site)
        for words in clauses
        for at, site in sites_named(words)
        if not denied_at(words, at)
    }
    missing = [site for site in _SITES_READ if site in named and site not in recorded]
    if not missing:
        return ""
    said = " and ".join(f'"{site.value}"' for site in missing)
    return (
        f"names metastases at {said}, which rules 120 and 121 read from "
        f'"metastatic_sites": record {"them" if len(missing) > 1 else "it"} there'
    )


_Check = Callable[[str, list[list[str]], Any], str]
_CHECKS: tuple[_Check, ...] = (
    _hba1c,
    _clearance,
    _neuropathy,
    _sites,
    liver_tests,
    route_refused,
    low_counts,
)
