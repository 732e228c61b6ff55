"""An answer code whose display says another answer (session 66, 7481: a HER2 IHC score 0 code
displayed '3+', an ER positive code displayed 'Negative', an ECOG 0 code displayed '3' were read
by the code alone, with nothing reported). A gene's or a drug's code against its display is
refused already; so now is a result's: the document must say which it is."""

from __future__ import annotations

import re

from resistx.interop import codes

#: a HER2 IHC score written in a display ('3+', 'Score 2+', '0'), and an ECOG grade ('3'); not
#: a digit of a word ('HER2 1+': the recheck, 7525)
_SCORE = re.compile(r"(?<![\w.])([0-3])\s*(\+)?(?![\d.])")
_GRADE = re.compile(r"(?<![\w.])([0-5])(?![\d.])")
#: the polarity a display states, longest words first ('not detected' before 'detected')
_SAID = (
    ("not detected", False),
    ("negative", False),
    ("absent", False),
    ("positive", True),
    ("present", True),
    ("detected", True),
)


def answer_conflict(code: str | None, label: str | None) -> str:
    """How the display ``label`` contradicts the answer ``code``, or ""."""
    if not code or not label:
        return ""
    said = label.casefold()
    if code in codes.IHC_SCORE:
        scores = {f"{m[1]}{'+' if m[1] != '0' else ''}" for m in _SCORE.finditer(said)}
        meant = codes.IHC_SCORE[code]
        return _said(code, f"a HER2 IHC score of {meant}", label) if scores - {meant} else ""
    if code in codes.ECOG_ANSWER:
        grades = {int(m[1]) for m in _GRADE.finditer(said)}
        meant_grade = codes.ECOG_ANSWER[code]
        return _said(code, f"ECOG {meant_grade}", label) if grades - {meant_grade} else ""
    polarity = True if code in codes.POSITIVE else False if code in codes.NEGATIVE else None
    stated = next((p for word, p in _SAID if word in said), None)
    if stated and re.search(r"\b(?:no|not|without|none)\b", said):  # 'No variant detected' (7567)
        stated = False
    if polarity is None or stated is None or stated is polarity:
        return ""
    return _said(code, "positive" if polarity else "negative", label)


def _said(code: str, meant: str, label: str) -> str:
    return (
        f"the answer code {code} means {meant}, and its display says {label!r}: which is it? "
        "Correct the code or the display"
    )
