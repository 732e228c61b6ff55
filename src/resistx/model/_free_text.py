"""Facts the rules read from fields of their own, written only as free text in
``other_conditions``: each is refused with the field that reads it (session 56's adversarial
review, cases 3388c-3414: elacestrant preferred beside 'visceral crisis', capivasertib beside
'WHO PS 3', ribociclib beside 'QTc 510 ms', the PARP inhibitors beside dialysis, trastuzumab
deruxtecan beside 'LVEF 35%' or an allergy to it, itraconazole's interaction lost). A text
that agrees with the field, or says the fact is not the patient's now, passes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from resistx.model.enums import DrugClass
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.comorbidities import KIDNEY_FAILURE, Comorbidity, clauses_of, denied_at
from resistx.vocab.interactions import folded, taken_now_text
from resistx.vocab.medication_names import READ_NAMES, generic

#: the first ECOG grade of each Karnofsky score, from the lowest score up (Oken et al. 1982's
#: correspondence, as the ECOG-ACRIN scale page gives it: 100 is 0, 80-90 is 1, 60-70 is 2,
#: 40-50 is 3, 10-30 is 4)
_KARNOFSKY = ((40, 4), (60, 3), (80, 2), (100, 1))
_ECOG = re.compile(
    r"\b(?:ecog(?:\s*ps)?|who\s*(?:ps|performance\s*status)|performance\s*status|ps)"
    r"\s*(?:score|grade|of|is)?\s*[:=]?\s*([0-4])\b"
)
_KPS = re.compile(r"\b(?:kps|karnofsky)(?:\s*(?:score|ps|performance\s*status))?\W{0,3}(\d{2,3})")
_BEDBOUND = re.compile(r"\bbed\s*(?:bound|ridden)\b|\bconfined to (?:a )?bed\b")
_QTC = re.compile(r"\bqtc[fb]?\b\D{0,12}(\d{3})\b")
_LVEF = re.compile(r"\b(?:lvef|ef|ejection fraction)\b\D{0,10}(\d{1,2}(?:\.\d)?)\s*%")
#: ribociclib's label: started only at a QTcF below 450 ms
_QTC_LIMIT = 450
#: an LVEF below it is read (rule 126: the labels' thresholds lie at or below it)
_LVEF_NORMAL = 50
#: a performance status of the past ('ECOG 3 at diagnosis 2021, now 1')
_PAST = frozenset({"previously", "prior", "was", "before", "diagnosis", "history", "then"})
_ALLERGY = frozenset({"allergy", "allergic", "anaphylaxis", "anaphylactic", "hypersensitivity"})
#: the classes of a drug the plan ranks (an allergy to one is its course's toxicity)
_RANKED = frozenset(DrugClass) - {DrugClass.UNCLASSIFIED, DrugClass.OTHER_ENDOCRINE}


def fields_named(text: str, inst: Any) -> Iterator[str]:
    """What a free-text condition says that a field of the profile (``inst``) reads and does
    not hold, each as how to record it."""
    clauses = clauses_of(text)
    for check in _CHECKS:
        said = check(text, clauses, inst)
        if said:
            yield said


def _stated(clauses: list[list[str]], *phrase: str) -> bool:
    """Some clause names ``phrase`` (its words in a row) and does not deny it."""
    n = len(phrase)
    return any(
        tuple(words[at : at + n]) == phrase and not denied_at(words, at)
        for words in clauses
        for at in range(len(words) - n + 1)
    )


def _visceral_crisis(_text: str, clauses: list[list[str]], inst: Any) -> str:
    if getattr(inst, "visceral_crisis", None) is True or not _stated(clauses, "visceral", "crisis"):
        return ""
    return (
        'names a visceral crisis, which rule 7 reads from "visceral_crisis": record it there '
        "(true), and keep the detail here"
    )


def _performance_status(text: str, clauses: list[list[str]], inst: Any) -> str:
    ecog = getattr(inst, "ecog", None)
    said = _ecog_said(folded(text), clauses)
    if said is None or said[0] == ecog or (said[0] >= 3 and ecog is not None and ecog >= 3):
        return ""
    return (
        f'names {said[1]}, which the rules read from "ecog" (recorded: {ecog}): record it there '
        "(a Karnofsky score as its ECOG grade), and keep the detail here"
    )


def _ecog_said(text: str, clauses: list[list[str]]) -> tuple[int, str] | None:
    """The ECOG grade a text states now (a Karnofsky score as its grade; bed-bound as 3 or 4),
    and how it says it; None where it states none, or one of the past."""
    if _of_the_past(clauses, _PAST):
        return None
    if found := _ECOG.search(text):
        return int(found.group(1)), f"performance status {found.group(1)}"
    if (found := _KPS.search(text)) and 10 <= (kps := int(found.group(1))) <= 100:
        grade = next((g for limit, g in _KARNOFSKY if kps < limit), 0)
        return grade, f"a Karnofsky score of {kps} (ECOG {grade})"
    if _BEDBOUND.search(text):
        return 3, "a patient in bed (ECOG 3 or 4)"
    return None


#: words that put a drug of a free text in the past ('..., resolved after stopping')
_OVER = _PAST | {"resolved", "stopped", "stopping", "discontinued", "ceased", "ended", "off"}


def _of_the_past(clauses: list[list[str]], words: frozenset[str] = _OVER) -> bool:
    """Some clause holds a word of the past (``words``) or a year."""
    return any(words & set(c) or any(re.fullmatch(r"(19|20)\d\d", w) for w in c) for c in clauses)


def _comorbidity_names(inst: Any) -> set[Comorbidity]:
    return {c.name for c in getattr(inst, "comorbidities", ()) or ()}


def _qtc(text: str, _clauses: list[list[str]], inst: Any) -> str:
    found = _QTC.search(folded(text))
    if found is None or int(found.group(1)) < _QTC_LIMIT:
        return ""
    if Comorbidity.QTC_PROLONGED in _comorbidity_names(inst):
        return ""
    return (
        f"names a QTc of {found.group(1)} ms (ribociclib's label starts it below 450 ms), which "
        'the rules read from the comorbidity {"name": "qtc_prolonged"}: record it there'
    )


def _lvef(text: str, _clauses: list[list[str]], inst: Any) -> str:
    found = _LVEF.search(folded(text))
    conditions = getattr(inst, "comorbidities", ()) or ()
    recorded = any(getattr(c, "lvef", None) is not None for c in conditions)
    if found is None or float(found.group(1)) >= _LVEF_NORMAL or recorded:
        return ""
    value = f"{float(found.group(1)):g}"
    return (
        f'names an LVEF of {value}%, which rules 12 and 126 read from {{"name": '
        f'"cardiac_disease", "lvef": {value}}}: record it there'
    )


def _kidney_failure(_text: str, clauses: list[list[str]], inst: Any) -> str:
    if Comorbidity.RENAL_IMPAIRMENT in _comorbidity_names(inst) or not any(
        _stated(clauses, w) for w in KIDNEY_FAILURE
    ):
        return ""
    return (
        'names kidney failure, which rule 118 reads from {"name": "renal_impairment", '
        '"creatinine_clearance": <mL/min>} (on dialysis, below 15): record it there'
    )


def _medications(text: str, clauses: list[list[str]], _inst: Any) -> str:
    if any(_ALLERGY & set(c) for c in clauses) or _of_the_past(clauses):
        return ""  # an allergy to a drug is not the drug taken, nor is a past course
    taken = re.findall(r"[a-z']+", folded(taken_now_text(text)))
    words = f" {' '.join(taken)} "
    # not the short forms ("rif" is also the right iliac fossa): a name of six letters or more
    named = sorted({generic(n) for n in READ_NAMES if len(n) >= 6 and f" {n} " in words})
    if not named:
        return ""
    return (
        f"names {', '.join(named)}, which the rules read among the medications (rules 115, "
        '132, 142): record it under "medications"'
    )


def _allergy(text: str, clauses: list[list[str]], _inst: Any) -> str:
    if not any(_ALLERGY & set(c) for c in clauses):
        return ""
    ranked = [d for d in drug_vocab.named_in(text) if drug_vocab.drug_class(d) in _RANKED]
    if not ranked:
        return ""
    return (
        f"names an allergy or a reaction to {', '.join(ranked)}, a drug the plan ranks: record "
        'it on the course it was given in ("stop_reason": "toxicity", "toxicity": '
        '"hypersensitivity reaction" or "infusion-related reaction"), which rule 61 reads'
    )


_Check = Callable[[str, list[list[str]], Any], str]
_CHECKS: tuple[_Check, ...] = (
    _visceral_crisis,
    _performance_status,
    _qtc,
    _lvef,
    _kidney_failure,
    _medications,
    _allergy,
)
