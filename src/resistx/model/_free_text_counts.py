"""Blood counts stated in free text with no cytopenia recorded, or one of a lower grade (8490:
'ANC 0.6 x10^9/L, platelets 38' passed, and trastuzumab deruxtecan was preferred with no
caution, where a cytopenia of grade 3 recorded moves every option that lowers counts down:
rules 111 and 113; 8799a).
A count low enough for CTCAE grade 2 or worse is refused with the grade to record; grade 1
starts at each laboratory's own lower limit, which the text does not give."""

from __future__ import annotations

import re
from typing import Any

from resistx.model._free_text import _part_of_now, conditions
from resistx.vocab.comorbidities import Comorbidity

#: an HbA1c's names, removed first: 'glycated haemoglobin' is no haemoglobin count
_HBA1C = re.compile(r"glyc\w*\s+ha?emoglobin|\bhg?ba1c\b|\ba1c\b")
_NUMBER = (  # not a year ('low platelets 2019' was a count of 2: 9560)
    r"\W{0,3}(?:count\W{0,3})?(?:of\s+)?(?!(?:19|20)\d\d\b)"
    r"(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)\s*([^\d,;]{0,12})"
)
_NAMES = {
    "neutrophil count": r"\b(?:anc|absolute neutrophils?|neutrophils?|neuts?|neutrophiles?)\b",
    "platelet count": r"\b(?:platelets?|plts?|thrombocytes?|thrombozyten|plaquettes)\b",
    "haemoglobin": r"\b(?:hb|hgb|haemoglobin|hemoglobin|hamoglobin)\b",
}
_COUNTS = {what: re.compile(name + _NUMBER) for what, name in _NAMES.items()}


def _per_litre(what: str, value: float, unit: str) -> tuple[float, str]:
    """The value in x10^9/L for a count (per microlitre where it is in thousands), in g/dL for
    haemoglobin (g/L where it is over 25, mmol/L where it says so)."""
    if what == "haemoglobin":
        if "mmol" in unit:
            return value * 1.611, "g/dL"
        return (value / 10 if value > 25 else value), "g/dL"
    if value >= 1000 or (what == "neutrophil count" and value >= 100):  # per microlitre
        return value / 1000, "x10^9/L"
    return value, "x10^9/L"


#: CTCAE v5's grade by value, worst first: (grade, below this)
_GRADES = {
    "neutrophil count": ((4, 0.5), (3, 1.0), (2, 1.5)),
    "platelet count": ((4, 25.0), (3, 50.0), (2, 75.0)),
    "haemoglobin": ((3, 8.0), (2, 10.0)),
}


def low_counts(text: str, clauses: list[list[str]], inst: Any) -> str:
    """How to record the counts of grade 2 or worse the text gives for now, where no cytopenia
    is recorded, or one of a lower grade (8799a); "" otherwise."""
    recorded = conditions(inst, Comorbidity.CYTOPENIA)
    graded = [c.grade for c in recorded if c.grade is not None]
    if recorded and not graded:
        return ""  # its grade not given: rule 111 asks for it
    part = _part_of_now(text, clauses)
    if part is None:  # of the past ('..., resolved', 'in 2019')
        return ""
    part = _HBA1C.sub(" ", part)
    found: list[tuple[int, str]] = []
    for what, pattern in _COUNTS.items():
        match = pattern.search(part)
        if match is None:
            continue
        raw = float(
            match[1].replace(",", "")
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", match[1])
            else match[1].replace(",", ".")
        )
        value, unit = _per_litre(what, raw, match[2])
        grade = next((g for g, below in _GRADES[what] if value < below), 0)
        if grade:
            found.append((grade, f"a {what} of {round(value, 1):g} {unit} (CTCAE grade {grade})"))
    worst = max((g for g, _ in found), default=0)
    if not found or (graded and worst <= max(graded)):
        return ""
    held = f"a cytopenia of grade {max(graded)} recorded" if graded else "no cytopenia recorded"
    return (
        f"names {' and '.join(said for _, said in found)} with {held}, which rules 111 and 113 "
        "read from the cytopenia's grade, its worst count's: record it under comorbidities as "
        f'{{"name": "cytopenia", "grade": {worst}}}'
    )
