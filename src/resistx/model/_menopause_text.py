"""Free text that contradicts the recorded menopause (session 67's review of special
populations, and its recheck): 'still menstruating, LMP 2026-04-28' beside "postmenopausal"
passed, and the plan gave elacestrant with no word of ovarian suppression; a bilateral
oophorectomy written only here left the plan asking to continue a GnRH agonist. Each is
refused, pointing to the field the rules read."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from resistx.model import _free_text  # its _of_the_past, read at call time (it imports this)
from resistx.model.enums import DrugClass, MenopausalStatus, Sex
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.interactions import folded

#: one word that says the ovaries still work (English, German, French, Spanish, Italian, Dutch;
#: the clauses are folded to ASCII: 'préménopausée' is 'premenopausee')
_BEFORE_MENOPAUSE = frozenset(
    {"premenopausal", "perimenopausal", "premenopause", "perimenopause", "menstruating"}
    | {"menses", "menstruation", "menstruates", "pramenopausal", "menstruierend", "cycling"}
    | {"premenopausee", "perimenopausee", "premenopausique", "premenopausica"}
    | {"perimenopausica", "premenopausa", "perimenopausa", "premenopausale", "premenopauzaal"}
    | {"perimenopauzaal", "regelblutung"}
)
#: the same in several words ('pre-menopausal', 'not postmenopausal', 'règles régulières')
_BEFORE_MENOPAUSE_PHRASES = (
    ("pre", "menopausal"),
    ("peri", "menopausal"),
    ("pre", "menopause"),
    ("peri", "menopause"),
    ("not", "postmenopausal"),
    ("non", "menopausee"),
    ("having", "periods"),
    ("has", "periods"),
    ("regular", "periods"),
    ("irregular", "periods"),
    ("periods", "continue"),
    ("menstrual", "cycles"),
    ("menstrual", "cycle"),
    ("cycles", "regular"),
    ("regular", "cycles"),
    ("regles", "regulieres"),
    ("menstruacion", "regular"),
    ("mestruazioni", "regolari"),
    ("ovarian", "function", "recovery"),
    ("ovarian", "function", "returned"),
    ("pre", "menopausa"),
    ("ciclo", "mestruale"),
    ("cycles", "menstruels"),
    ("ciclos", "regulares"),
    ("periode", "regelmassig"),
)
#: a last period, dated by the words after it (``_recent``)
_LAST_PERIOD = (
    ("lmp",),
    ("last", "period"),
    ("last", "menstrual", "period"),
    ("letzte", "regel"),
    ("letzte", "periode"),
    ("dernieres", "regles"),
    ("ddr",),
    ("fum",),
    ("ultima", "mestruazione"),
    ("ultima", "regla"),
)
#: a bilateral oophorectomy, or what it amounts to ('BSO', 'RRSO', 'surgical menopause')
_OOPHORECTOMY = frozenset(
    {"oophorectomy", "ovariectomy", "oophorectomie", "ovarektomie", "ovariektomie", "bso"}
    | {"ooforectomia", "ovariectomia", "ovariectomie", "rrso"}
)
_OOPHORECTOMY_PHRASES = (("surgical", "menopause"), ("ovaries", "removed"), ("ovarian", "ablation"))
#: the adnexa removed, an oophorectomy where both sides are ('bilateral adnexectomy')
_ADNEXECTOMY = frozenset({"adnexectomy", "adnexektomie", "annexectomie", "anexectomia"})
_ADNEXECTOMY |= {"annessiectomia"}
_BOTH = frozenset({"bilateral", "beidseits", "beidseitig", "beidseitige", "bilaterale", "both"})
_BOTH |= {"bilat"}
#: words that make it one ovary, or not done
_NOT_BOTH = frozenset({"unilateral", "left", "right", "one", "partial", "cystectomy"})
_NOT_DONE = frozenset({"planned", "plan", "scheduled", "considering", "considered", "consider"})
_NOT_DONE |= {"discussed", "declined", "refused", "awaiting", "proposed", "booked", "offered"}
_NOT_DONE |= {"referred", "referral", "candidate", "recommended", "counselled", "counseled"}
_NOT_DONE |= {"option", "eligible", "wishes", "wants"}
_NO = frozenset({"no", "not", "without", "never", "kein", "keine", "pas", "sans", "sin", "senza"})
#: a clause of the past: a year before the plan's (the plan's own reads 'thisyear'), or a word
#: that ends it ('menses stopped 2015', 'premenopausal at diagnosis', 'before chemo')
_PAST = frozenset({"stopped", "ceased", "ended", "until", "ago", "previously", "prior", "was"})
_PAST |= {"were", "history", "diagnosis", "formerly", "before", "adjuvant"}
#: words of an entry that tells how the menopause came (a history, not a status of now)
_HOW_IT_CAME = frozenset({"amenorrhoea", "amenorrhea", "amenorrhoeic", "amenorrheic"})
_HOW_IT_CAME |= _OOPHORECTOMY
#: a period this recent is a working ovary (12 months without one is the menopause)
_MONTHS = 12
_AGO = re.compile(r"(\d+)\s*(day|week|month|year)s?\s*ago")
_DATE = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})(?:[-/.]\d{1,2})?|(\d{1,2})[-/.]((?:19|20)\d\d)")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def menopause_said(text: str, clauses: list[list[str]], inst: Any) -> str:
    """A status before the menopause beside "postmenopausal", or a bilateral oophorectomy with
    no ``oophorectomy_on`` beside "premenopausal" or "perimenopausal", as how to record it
    ('' where the text says neither)."""
    if getattr(inst, "sex", None) is Sex.MALE:
        return ""
    status = getattr(inst, "menopausal_status", None)
    if status is MenopausalStatus.POSTMENOPAUSAL:
        return _ovaries_work(text, clauses, inst)
    if status not in (MenopausalStatus.PREMENOPAUSAL, MenopausalStatus.PERIMENOPAUSAL):
        return ""  # unknown: rule 63 asks; a converted record cannot set oophorectomy_on
    if getattr(inst, "oophorectomy_on", None) is not None:
        return ""
    said = _oophorectomy(clauses)
    if not said:
        return ""
    return (
        f'names a bilateral oophorectomy ({said!r}), which the plan reads from "oophorectomy_on" '
        "(its date: the surgical menopause, after which no ovarian suppression is asked), and "
        'menopausal_status, "postmenopausal" after it: record them there (a converted record: '
        "on the profile it gives), and keep the detail here"
    )


def _ovaries_work(text: str, clauses: list[list[str]], inst: Any) -> str:
    if _HOW_IT_CAME & {w for c in clauses for w in c}:
        return ""  # 'premenopausal before chemo; amenorrhoeic since 2020'
    said = _last_period(text, inst) or _said_now(clauses) or _agonist_now(clauses)
    if not said:
        return ""
    return (
        f'says the ovaries still work ({said!r}) beside menopausal_status "postmenopausal": '
        "one of the two is miskeyed. A woman still menstruating or perimenopausal, or on a "
        "GnRH agonist, needs ovarian suppression with an aromatase inhibitor, and "
        'elacestrant\'s trial and label are for postmenopausal women: record "premenopausal" '
        '(or "perimenopausal"; a GnRH agonist as a course under treatments), or reword the entry'
    )


def _of_now(clauses: list[list[str]]) -> list[list[str]]:
    """The clauses not of the past (``_free_text._of_the_past``, clause by clause)."""
    return [c for c in clauses if not _free_text._of_the_past([c], _PAST)]


def _said_now(clauses: list[list[str]]) -> str:
    for clause in _of_now(clauses):
        for at, word in enumerate(clause):
            if word in _BEFORE_MENOPAUSE and not _NO & set(clause[:at]):
                return word
            for phrase in _BEFORE_MENOPAUSE_PHRASES:
                if tuple(clause[at : at + len(phrase)]) == phrase and (
                    phrase[0] == "not" or not _NO & set(clause[:at])
                ):
                    return " ".join(phrase)
    return ""


def _last_period(text: str, inst: Any) -> str:
    """A last period within 12 months of the plan's date ('LMP 2026-04-28', 'LMP 6 weeks ago',
    'last period March 2026'); one older, or undated, says nothing of now."""
    words = re.findall(r"[a-z0-9]+", folded(text))
    if not any(
        tuple(words[at : at + len(p)]) == p for p in _LAST_PERIOD for at in range(len(words))
    ):
        return ""
    months = _months_before(text.casefold(), getattr(inst, "as_of", None))
    if months is None or months >= _MONTHS:
        return ""
    return f"a last period {months} months before the plan's date"


def _months_before(text: str, today: dt.date | None) -> int | None:
    """How long before ``today`` a text dates its last period, in whole months, or None."""
    if m := _AGO.search(text):
        n, unit = int(m[1]), m[2]
        return {"day": 0, "week": n // 4, "month": n, "year": 12 * n}[unit]
    if today is None:  # a date with no plan's date to measure from (no clock is read)
        return None
    found = _DATE.search(text)
    year = month = None
    if found:
        year, month = (int(found[1]), int(found[2])) if found[1] else (int(found[4]), int(found[3]))
    else:
        named = re.search(r"\b(" + "|".join(_MONTH_NAMES) + r")[a-z]*\.?\s+((?:19|20)\d\d)", text)
        if named:
            year, month = int(named[2]), _MONTH_NAMES.index(named[1]) + 1
        elif bare := re.search(r"\b((?:19|20)\d\d)\b", text):
            year, month = int(bare[1]), 12  # a year alone: its latest month
    if year is None or month is None or not 1 <= month <= 12:
        return None
    return max(0, (today.year - year) * 12 + today.month - month)


def _agonist_now(clauses: list[list[str]]) -> str:
    """A GnRH agonist taken now ('Zoladex 3.6 mg monthly since 2023'), not one of the past."""
    for clause in _of_now(clauses):
        for drug in drug_vocab.named_in(" ".join(clause)):
            if drug_vocab.drug_class(drug) is DrugClass.OVARIAN_FUNCTION_SUPPRESSION:
                return drug
    return ""


def _oophorectomy(clauses: list[list[str]]) -> str:
    for clause in clauses:
        said = set(clause)
        if said & (_NOT_BOTH | _NOT_DONE):
            continue
        for at, word in enumerate(clause):
            if _NO & set(clause[:at]):
                continue
            if word in _OOPHORECTOMY or (word in _ADNEXECTOMY and said & _BOTH):
                return word
            for phrase in _OOPHORECTOMY_PHRASES:
                if tuple(clause[at : at + len(phrase)]) == phrase:
                    return " ".join(phrase)
    return ""
