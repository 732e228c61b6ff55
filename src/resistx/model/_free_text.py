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

from resistx.model import _menopause_text  # it reads _of_the_past here: both at call time
from resistx.model._crisis_signs import crisis_signs
from resistx.model.enums import DrugClass, StopReason
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.comorbidities import (
    CLAUSES,
    KIDNEY_FAILURE,
    SENTENCES,
    TAKING,
    Comorbidity,
    affirmed,
    denied_at,
    live_clauses,
    said_over,
)
from resistx.vocab.interactions import (
    diabetes_drug_taken_now,
    folded,
    insulin_taken_now,
    taken_now_text,
)
from resistx.vocab.medication_names import READ_NAMES, courses_named, generic

#: the ECOG grades a Karnofsky score (to its ten below) may stand for: the two scales have no
#: one mapping (the recheck of session 56, 3475: KPS 90 beside ECOG 0 was refused), so a
#: score is read as each grade the common tables give it (Oken et al. 1982; Ma et al. 2010)
_KARNOFSKY = {
    100: {0},
    90: {0, 1},
    80: {1},
    70: {1, 2},
    60: {2},
    50: {2, 3},
    40: {3},
    30: {3, 4},
    20: {4},
    10: {4},
}
_ECOG = re.compile(
    r"\b(?:ecog(?:\s*ps)?|(?:who|oms|zubrod)(?!\s*grade)(?:\s*(?:ps|performance\s*status))?|p\.?\s*s\.?"
    r"|performance\s*status)\s*(?:score|grade|of|is)?\s*[:=]?\s*([0-4])(?:\s*[-/]\s*([0-4]))?\b"
)
_KPS = re.compile(
    r"\b(?:kps|karnofsky)(?:[\s-]*(?:index|score|ps|performance\s*status))?\W{0,3}(\d{2,3})"
    r"(?:\s*[-/]\s*(\d{2,3}))?"
)
_BEDBOUND = re.compile(
    r"\bbed[\s-]*(?:bound|ridden)\b|\bconfined to (?:a )?bed\b|\bbettlagerig|\balitee\b"
    r"|\bgrabataire\b"
)
#: a QTc's value in ms, or in seconds ('QTc 510ms', 'QTcF=480ms', 'QTc 0.51 s')
_BOUND = re.compile(r"(?:<|>|below|under|above|less than|more than)\s*\d{3}")
#: ... in seconds with a decimal comma too ('QTc 0,48 s': the third recheck, 7589z21)
_QTC_VALUE = re.compile(r"(\d{3})\s*(?:ms|msec)?\b|\b(0[.,]\d{2,3})\s*s\b")
#: an LVEF however written ('LVEF35%', 'LVEF 30-35%', 'LVEF 0.35', 'FEVG 35 %', 'fracción de
#: eyección 35%', '35 per cent': the recheck, 3471): the first value after its name
_LVEF = re.compile(
    r"(?:\blvef|\bfevg|\bfevi|\bef\b|ejection fraction|fraccion de eyeccion)\D{0,10}?"
    r"(\d{1,2}(?:\.\d+)?)(?!\d)"  # not a year's first digits ('reduced EF in 2019': 9510)
)
#: a percentage ('35%', '9,2 %', '35 per cent'): an LVEF's, an HbA1c's (``_free_text_values``)
PERCENT = re.compile(r"(\d{1,2}(?:[.,]\d+)?)\s*(?:%|per\s*cent)")
_CHILD_PUGH = re.compile(
    r"(?:child[\s-]*(?:turcotte[\s-]*)?pugh\W*(?:class\W*)?|\bchild\W+|\bcp-)([abc])(?:\d{1,2})?\b"
)
#: ribociclib's label: started only at a QTcF below 450 ms
_QTC_LIMIT = 450
#: a QTc by name, abbreviated or written out ('QT interval corrected 495 msec': case 4594d)
_QTC_NAME = re.compile(
    r"qtc[fb]?(?![a-z])|\bqt\s+(?:interval\s+)?corr(?:ected)?\b\.?|\bcorrected\s+qt\b"
)
#: an LVEF below it is read (rule 126: the labels' thresholds lie at or below it)
_LVEF_NORMAL = 50
#: a performance status of the past ('ECOG 3 at diagnosis 2021, now 1')
_PAST = frozenset({"previously", "prior", "was", "before", "diagnosis", "history", "then"})
_PAST |= {"presentation"}
#: a visceral crisis in a clinic's words ('visc. crisis') and in four languages (3462)
_VISCERAL_CRISIS = (
    ("visceral", "crisis"),
    ("visc", "crisis"),
    ("crise", "viscerale"),
    ("viszerale", "krise"),
    ("crisis", "visceral"),
    ("crisi", "viscerale"),
)
#: kidney failure in other words and languages (3466: 'kidney failure', the doc's own words)
_KIDNEY_FAILURE_PHRASES = (
    ("kidney", "failure"),
    ("renal", "failure"),
    ("end", "stage", "renal"),
    ("end", "stage", "kidney"),
    ("irc", "terminale"),
)
_ALLERGY = frozenset({"allergy", "allergic", "anaphylaxis", "anaphylactic", "hypersensitivity"})
_ALLERGY |= {"allergie", "allergique", "allergisch", "alergia", "allergia", "anaphylaxie"}
#: ... and the reactions a course is stopped for (the recheck, 3468: 'infusion reaction to
#: T-DXd', 'elacestrant - rash grade 3', 'T-DXd pneumonitis grade 2')
#: words of a reaction to a drug ('Hives with ciprofloxacin', 'Ondansetron caused QT
#: prolongation', 'Sensitive to Zofran'), and a drug written before its side effect
#: ('Azithromycin - diarrhoea'; not 'nausea - ondansetron prn', the drug for a symptom)
_SIDE_EFFECT = frozenset({"caused", "causes", "sensitive", "sensitivity", "intolerant", "hives"})
_SIDE_EFFECT |= {"intolerance", "avoid", "urticaria", "side", "reaction", "rash"}
_DRUG_THEN_SYMPTOM = re.compile(
    r"^\W*[a-z]+\W*[-:\u2013]\s*(?:diarrh|constipat|headache|nause|vomit|palpitat|dizz|rash)"
)
#: a reaction the course went on through ('completed with premedication')
_MANAGED = frozenset({"completed", "continued", "premedication", "premedicated", "tolerated"})
_MANAGED |= {"rechallenged", "desensitisation", "desensitization"}
# ... or managed and given on ('managed with dexamethasone mouthwash', 'dose reduced': 3813b)
_MANAGED |= {"managed", "reduced", "reduction"}
_MANAGED |= {"risk", "concerned", "counselled", "counseled", "discussed"}  # talk of a risk
_SEVERE = frozenset({"sjs", "dress", "stevens", "anaphylaxis", "anaphylactic", "anaphylaxie"})
_SEVERE |= {"dka", "ketoacidosis"}  # 'Alpelisib-induced hyperglycaemia 2025, grade 4 DKA' (5385)
_REACTION = _ALLERGY | {"reaction", "reactions", "rash", "sjs", "dress", "pneumonitis"}
_REACTION |= {"stomatitis", "mucositis"}  # 'Everolimus - stomatitis G3' (3701-214)
_REACTION |= {"induced", "hyperglycaemia", "hyperglycemia", "dka", "ketoacidosis"}  # 5385
#: the classes of a drug the plan ranks (an allergy to one is its course's toxicity)
_RANKED = frozenset(DrugClass) - {DrugClass.UNCLASSIFIED, DrugClass.OTHER_ENDOCRINE}


def fields_named(text: str, inst: Any) -> Iterator[str]:
    """What a free-text condition says that a field of the profile (``inst``) reads and does
    not hold, each as how to record it."""
    read = clauses_read(text, inst)
    if read is None:  # a family history, or an entry that denies all it lists
        return
    # a clause that says it is over ('... - ruled out at MDT', 3701-004); not a lasting
    # reaction to a drug ('T-DXd pneumonitis grade 2 2025, resolved': its label's stop)
    clauses, over = read
    for check in _CHECKS:
        if over and check is not _allergy:
            continue
        said = check(text, clauses, inst)
        if said:
            yield said


def clauses_read(text: str, inst: Any) -> tuple[list[list[str]], bool] | None:
    """The clauses of a free text that may state a fact of now (``live_clauses``), a year of
    the plan's own read as no year of the past ('QTc 510 ms on ECG 2026-04-20'), and whether
    one says the entry's fact is over (``said_over``); None where none may."""
    clauses = live_clauses(text)
    if not clauses:
        return None
    year = getattr(getattr(inst, "as_of", None), "year", None)
    now = [_this_year(c, year if year is not None else 10_000) for c in clauses]
    return now, said_over(clauses)


def conditions(inst: Any, name: Comorbidity) -> list[Any]:
    """The profile's (``inst``) comorbidities of ``name``."""
    return [c for c in getattr(inst, "comorbidities", ()) or () if c.name is name]


#: 'since' in English, German, Dutch, Italian, French and Spanish ('Dialyse seit 2024': 5396)
_SINCE = frozenset({"since", "started", "from", "seit", "sinds", "dal", "depuis", "desde"})


def _this_year(words: list[str], year: int) -> list[str]:
    """A year of the plan's own, or one a fact has gone on since ('since 2019', 'started
    2021': the second recheck, 3553), is no year of the past."""
    return [
        "thisyear"
        if re.fullmatch(r"(19|20)\d\d", w) and (int(w) >= year or (k and words[k - 1] in _SINCE))
        else w
        for k, w in enumerate(words)
    ]


def _stated(clauses: list[list[str]], *phrase: str) -> bool:
    """Some clause names ``phrase`` (its words in a row) and does not deny it."""
    n = len(phrase)
    return any(
        tuple(words[at : at + n]) == phrase and not denied_at(words, at)
        for words in clauses
        for at in range(len(words) - n + 1)
    )


def _visceral_crisis(_text: str, clauses: list[list[str]], inst: Any) -> str:
    if getattr(inst, "visceral_crisis", None) is True or _of_the_past(clauses):
        return ""  # 'Visceral crisis 2024, resolved on paclitaxel' (3474)
    if not any(_stated(clauses, *phrase) for phrase in _VISCERAL_CRISIS):
        return ""
    return (
        'names a visceral crisis, which rule 7 reads from "visceral_crisis": record it there '
        "(true), and keep the detail here"
    )


def _performance_status(text: str, clauses: list[list[str]], inst: Any) -> str:
    ecog = getattr(inst, "ecog", None)
    said = _ecog_said(folded(text), clauses)
    if said is None or ecog in said[0]:
        return ""
    recorded = "not recorded" if ecog is None else f"recorded: {ecog}"  # not Python's None
    return (
        f'names {said[1]}, which the rules read from "ecog" ({recorded}): record it there, '
        "and keep the detail here"
    )


def _ecog_said(text: str, clauses: list[list[str]]) -> tuple[set[int], str] | None:
    """The ECOG grades a text states now (a range, 'ECOG 0-1'; a Karnofsky score as each grade
    it may stand for; bed-bound as 3 or 4), and how it says it; None where it states none, or
    one of the past."""
    part = _part_of_now(text, clauses, years=True)  # a grade of a past year: 'ECOG 2 (2024)'
    if part is None:
        return None
    if part != text:  # only the clause of now speaks ('bed-bound 2021, now mobile')
        said = re.findall(r"\b([0-4])\b", part)  # the last: 'improved from 1 to 0' (3701)
        if said and re.search(r"\b(?:ecog|ps|performance\s*status|who|oms|zubrod)\b", text):
            return {int(said[-1])}, f"performance status {said[-1]} now"
        text = part
    if found := _ECOG.search(text):
        low, high = int(found.group(1)), int(found.group(2) or found.group(1))
        shown = f"{low}-{high}" if high != low else str(low)
        return set(range(low, high + 1)), f"performance status {shown}"
    if found := _KPS.search(text):
        scores = [int(g) for g in found.groups() if g]
        if all(10 <= k <= 100 for k in scores):
            grades = set().union(*(_KARNOFSKY[k // 10 * 10] for k in scores))
            shown = "-".join(map(str, scores))
            return (
                grades,
                f"a Karnofsky score of {shown} (ECOG {'/'.join(map(str, sorted(grades)))})",
            )
    bed = _BEDBOUND.search(text)
    denied = bed is not None and (
        re.search(r"\b(?:not|no|never)\W+$", text[: bed.start()]) or re.search(r"\?\s*no\b", text)
    )
    if bed is not None and not denied:  # not 'Not bed-bound', 'Bedbound? No - walks'
        return {3, 4}, "a patient in bed (ECOG 3 or 4)"
    return None


#: words that put a drug of a free text in the past ('..., resolved after stopping')
_OVER = _PAST | {"resolved", "stopped", "stopping", "discontinued", "ceased", "ended", "off"}
_OVER |= {"managed"}  # 'Nausea with capecitabine, managed with ondansetron' (3688)


def _of_the_past(
    clauses: list[list[str]], words: frozenset[str] = _OVER, *, years: bool = True
) -> bool:
    """Some clause holds a word of the past (``words``) or (with ``years``) a past year ('not
    resolved' is none: ``affirmed``, the recheck of session 66, 7513)."""
    return any(
        words & set(c) or (years and any(re.fullmatch(r"(19|20)\d\d", w) for w in c))
        for c in map(affirmed, clauses)
    )


#: words that date a value to the past ('QTc 470 ms 2024, resolved', 'LVEF 45% ... recovered')
_BEFORE_NOW = _PAST | {"resolved", "recovered", "normal", "stopped", "ago"}
_NOW_WORDS = frozenset({"now", "currently", "current", "today", "improved", "worsened"})
# ... in French, German, Italian and Spanish (3857b: 'ECOG 1 actuellement')
_NOW_WORDS |= {"actuellement", "actuel", "actuelle", "maintenant", "aktuell", "derzeit"}
_NOW_WORDS |= {"jetzt", "attualmente", "attuale", "actualmente", "ahora"}


def _part_of_now(text: str, clauses: list[list[str]], *, years: bool = False) -> str | None:
    """The part of a text that gives a value of now: the clause that says 'now' where one does
    ('QTc 430 ms in 2025, now 480 ms'); else the whole text, unless it speaks of the past (a
    year, 'resolved', 'was', a month): then None (the sweep of session 56, 3689: 'QTc 470 ms
    2024, resolved' and 'LVEF 45% 2019, 60% 2021' were read as values of now)."""
    parts = CLAUSES.split(_ARROW.sub(" now ", folded(text)))
    now = [p for p in parts if _NOW_WORDS & set(re.findall(r"[a-z]+", p))]
    if now:  # what follows the word where a value does ('ECOG 1 -> 3'), else what precedes it
        words = re.search(rf"\b(?:{'|'.join(_NOW_WORDS)})\b", now[-1])
        after = now[-1][words.end() :] if words else now[-1]
        return after if re.search(r"\d", after) else now[-1]
    # a dated value is the latest known, unless the text says it is over ('QTc 470 ms (2025)'
    # stands; 'QTc 470 ms 2024, resolved' does not: the second recheck, 3556)
    return None if _of_the_past(clauses, _BEFORE_NOW, years=years) else folded(text)


_ARROW = re.compile(r"->|=>|\u2192")


#: where another test's clause begins: a comma, semicolon or slash before a word ('HbA1c 7.2%,
#: Ki-67 5%'); not one before a number (a series of one test: 'LVEF 45% 2019, 60% 2021'), nor a
#: unit's slash ('mL/min')
_NEXT_TEST = re.compile(r"[,;]\s*(?=[a-z])|\s/\s*(?=[a-z])|/(?=\s*(?!min|mol|dl|l\b|s\b)[a-z]{2,})")


def own_clause(text: str) -> str:
    """``text``, from a test's name on, up to where another test's clause begins (the third
    recheck of session 66, 7589: the readers took the last percentage of the whole entry, an
    HbA1c of 8.1% followed by 'Ki-67 5%' passed, a normal lab line was read as an HbA1c of 60%)."""
    found = _NEXT_TEST.search(text)
    return text[: found.start()] if found else text


def _comorbidity_names(inst: Any) -> set[Comorbidity]:
    return {c.name for c in getattr(inst, "comorbidities", ()) or ()}


def _latest_qtc(text: str, clauses: list[list[str]]) -> int | None:
    """The latest QTc a text gives ('was 470 ms, now 430 ms': 430; the recheck, 3474)."""
    at = _QTC_NAME.search(folded(text))
    part = _part_of_now(text, clauses)
    if at is None or part is None:
        return None
    after = part[at.end() :] if part == folded(text) else part
    values = _qtc_values(_BOUND.sub(" ", after))  # 'QTc <450 ms' is a bound (3541-3559)
    return values[-1] if values else None


def _qtc_values(text: str) -> list[int]:
    """The QTc values a text gives, in ms (one in seconds converted; 300 to 800 ms)."""
    values = [
        int(ms) if ms else round(float(sec.replace(",", ".")) * 1000)
        for ms, sec in _QTC_VALUE.findall(text)
    ]
    return [v for v in values if 300 <= v <= 800]


#: a long QT that is a syndrome, not an episode: congenital or inherited, its type or gene, or
#: a defibrillator (the recheck of session 57, 4250: 'long QT syndrome; QTc 440 ms on nadolol')
_CONGENITAL = re.compile(
    r"syndrome|congenital|inherited|hereditary|familial|\blqts|\blqt\s*[1-9]|kcnq1|kcnh2|scn5a"
    r"|\bicd\b|\btype\s*[1-9i]"
)


def qtc_normal_now(text: str) -> bool:
    """The latest QTc a text gives is below ribociclib's limit: a long QT it names, not a
    syndrome, is of the past ('Long QT on ECG 2024 ...; citalopram stopped, QTc 425 ms on
    repeat ECG': 3869)."""
    text = _BOUND.sub(" ", folded(text))
    if _CONGENITAL.search(text):  # a syndrome does not end with a normal QTc (4250)
        return False
    at = _QTC_NAME.search(text)
    if at is None or any(_NOW_WORDS & set(c) for c in live_clauses(text)):
        return False  # a clause of now is read by the field checks ('..., now long QT')
    values = _qtc_values(text[at.end() :])
    return bool(values) and values[-1] < _QTC_LIMIT


def _qtc(text: str, clauses: list[list[str]], inst: Any) -> str:
    latest = _latest_qtc(text, clauses)
    if latest is None or latest < _QTC_LIMIT:
        return ""
    if Comorbidity.QTC_PROLONGED in _comorbidity_names(inst):
        return ""
    return (
        f"names a QTc of {latest} ms (ribociclib's label starts it below 450 ms), which "
        'the rules read from the comorbidity {"name": "qtc_prolonged"}: record it there'
    )


def _lvef(text: str, clauses: list[list[str]], inst: Any) -> str:
    found = _LVEF.search(folded(text))
    part = _part_of_now(text, clauses)
    recorded = [c.lvef for c in conditions(inst, Comorbidity.CARDIAC_DISEASE) if c.lvef is not None]
    if found is None or part is None or any(v < _LVEF_NORMAL for v in recorded):
        return ""
    # the value of now: in the clause that says 'now', else the last given ('LVEF 45% 2019,
    # 60% 2021': 60), else the first after the LVEF's name
    own = own_clause(part[found.start() :]) if part == folded(text) else part
    given = PERCENT.findall(re.sub(r"(\d{1,2})\s*-\s*\d{1,2}(?=\s*%)", r"\1", own))  # 35-40%: 35
    number = float((given[-1] if given else found.group(1)).replace(",", "."))
    number = number * 100 if number < 1 else number  # a fraction: 0.35
    if not 5 <= number < _LVEF_NORMAL:  # no LVEF is below 5%
        return ""
    value = f"{number:g}"
    # beside a normal one recorded: which is the latest? (the review of session 57, 3885)
    held = f" (recorded: {', '.join(f'{v:g}' for v in recorded)}%)" if recorded else ""
    return (
        f'names an LVEF of {value}%{held}, which rules 12 and 126 read from {{"name": '
        f'"cardiac_disease", "lvef": {value}}}: record the latest there'
    )


def _kidney_failure(_text: str, clauses: list[list[str]], inst: Any) -> str:
    if Comorbidity.RENAL_IMPAIRMENT in _comorbidity_names(inst) or _of_the_past(
        clauses, _OVER | {"temporary", "recovered"}
    ):
        return ""  # 'AKI 2024 requiring temporary dialysis, recovered' (3474)
    if not any(_stated(clauses, w) for w in KIDNEY_FAILURE) and not any(
        _stated(clauses, *phrase) for phrase in _KIDNEY_FAILURE_PHRASES
    ):
        return ""
    return (
        'names kidney failure, which rule 118 reads from {"name": "renal_impairment", '
        '"creatinine_clearance": <mL/min>} (on dialysis, below 15): record it there'
    )


def _medications(text: str, clauses: list[list[str]], inst: Any) -> str:
    if any(_ALLERGY & set(c) for c in clauses):
        return ""  # an allergy to a drug is not the drug taken
    # a sentence's negation reaches its own sentence only ('No allergies. On rifampicin.': 5180)
    now = " , ".join(taken_now_text(sentence) for sentence in SENTENCES.split(text))
    taken = re.findall(r"[a-z']+", folded(now))
    words = f" {' '.join(taken)} "
    if any(_SIDE_EFFECT & set(c) for c in clauses) or _DRUG_THEN_SYMPTOM.search(folded(text)):
        return ""  # a reaction to the drug, not the drug taken ('Hives with ciprofloxacin')
    # not the short forms ("rif" is also the right iliac fossa): a name of six letters or more;
    # nor a past course, by its own clause (5033: 'TB 2025, on rifampicin' is taken now)
    found = [n for n in READ_NAMES if len(n) >= 6 and f" {n} " in words]
    named = sorted({generic(n) for n in found if not _past_course(clauses, n)})
    # not one the medications hold already (4886: 'rifampicin course' beside 'Rifampicin
    # 600 mg od' was refused, asking to record it there)
    held = _recorded_medications(inst)
    named = [n for n in named if n not in held]
    if not named:
        return ""
    return (
        f"names {', '.join(named)}, which the rules read among the medications (rules 115, "
        '132, 136, 142, 153): record it under "medications"'
    )


def _past_course(clauses: list[list[str]], name: str) -> bool:
    """The clauses naming a drug speak of a past course, not of the drug taken now: a past word
    or a completed course around its name ('treated with', 'took', 'for 6 months', 'during',
    'warfarin-induced'), a year after it ('rifampicin 2019', '(2019)', 'in 2016'), or one
    before it in the same clause or the one before ('PE in 2016 - warfarin'), unless its
    clause says it is taken now: a word of taking right before it ('DVT 2024 on apixaban':
    5066), a word after it that it goes on ('since March 2025', '2019 - present': 5165, 5263),
    a switch or restart to it ('switched to phenytoin 2025', 'restarted 03/2026': 5273)."""
    if any(set(c) & _RESTART for c in clauses):
        return False
    for k, c in enumerate(clauses):
        said = f" {' '.join(c)} "
        if f" {name} " not in said:
            continue
        before, _, rest = said.partition(f" {name} ")
        words, after = before.split(), rest.split()
        for nxt in clauses[k + 1 :]:  # a bracketed date of its own: '(2019)', '(2019 - present)'
            if not all(_YEAR.fullmatch(w) or w in _OVER | _GOES_ON for w in nxt):
                break
            after += nxt
        if words and words[-1] == "from":  # 'changed from warfarin to ...': the old one
            return True
        if _GOES_ON & set(after) or _SWITCHED & set(words):
            continue
        dated = bool(after) and bool(_YEAR.fullmatch(after[0]))  # 'on ondansetron 2024'
        if TAKING & set(words[-2:]) and not _OVER & set(after) and not dated:  # 'on (a) X'
            continue
        # the clause before speaks for a bracketed one ('Latent TB treated 2019 (rifampicin)');
        # a year before the name is the condition's ('aspergillosis 2025: voriconazole')
        # an event it caused joins its name ('warfarin-induced'), not another word
        # ('tinzaparin for cancer-associated VTE': 5389)
        context = {*(clauses[k - 1] if k else []), *words, *after} - _CAUSED
        if (
            (_OVER | _COURSE_DONE) & context
            or _CAUSED & set(after[:1])
            or any(_YEAR.fullmatch(w) for w in after)
            or _DURATION.search(" ".join(after))
        ):
            return True
    return False


#: words of a course given and over ('treated with', 'completed 6 months of', 'during')
_COURSE_DONE = frozenset({"treated", "took", "used", "completed", "received", "given", "had"})
_COURSE_DONE |= {"during"}
_CAUSED = frozenset({"induced", "associated", "related"})
#: what a drug induces that is no reaction to it (the recheck of session 67, 7755_15)
_NO_REACTION = frozenset({"amenorrhoea", "amenorrhea", "menopause", "amenorrhoeic"})
#: a course's length ('for 6 months'): one given, not one going on
_DURATION = re.compile(r"\bfor \d+ (?:days?|weeks?|months?|years?)\b")
#: words before a drug that say it is the one taken now ('switched to', 'changed to')
_SWITCHED = frozenset({"switched", "changed", "converted", "restarted", "resumed"})
#: words anywhere that say a stopped drug was given again
_RESTART = frozenset({"restarted", "resumed", "recommenced", "reintroduced"})


_YEAR = re.compile(r"(?:19|20)\d\d")
#: words after a drug's name that say its course goes on
_GOES_ON = frozenset({"since", "ongoing", "present", "now", "current", "currently"})
_GOES_ON |= {"continuing", "continues", "continued", "started", "starting"}


def _recorded_medications(inst: Any) -> set[str]:
    """The generic names of the read drugs the profile's medications name."""
    found: set[str] = set()
    for entry in getattr(inst, "medications", ()) or ():
        words = " " + " ".join(re.findall(r"[a-z']+", folded(entry))) + " "
        found |= {generic(n) for n in READ_NAMES if f" {n} " in words}
    return found


def _allergy(text: str, clauses: list[list[str]], inst: Any) -> str:
    if not any(_REACTION & set(c) for c in clauses) or any(_MANAGED & set(c) for c in clauses):
        return ""  # a reaction the course went on through is no stop (3689i2), nor a risk
    if any(_NO_REACTION & set(c) for c in clauses):
        return ""  # 'chemotherapy-induced amenorrhoea': the menopause, no drug's toxicity
    lasting = any((_ALLERGY | _SEVERE | {"pneumonitis"}) & set(c) for c in clauses)
    if not lasting and _of_the_past(clauses, _BEFORE_NOW | {"settled"}):
        return ""  # a rash of 2023 (the second recheck, 3541-3559); an allergy lasts
    stopped = {  # or a course that caused it and progressed ("toxicity" beside it: 3906b)
        d
        for t in getattr(inst, "treatments", ()) or ()
        if t.stop_reason is StopReason.TOXICITY or t.toxicity is not None
        for d in t.drugs
    }
    ranked = [
        d
        for d in drug_vocab.named_in(text)
        if drug_vocab.drug_class(d) in _RANKED and d not in stopped  # recorded as asked
    ]
    if not ranked:
        return ""
    return (
        f"names an allergy or a reaction to {', '.join(ranked)}, a drug the plan ranks: record "
        'it on the course it was given in ("stop_reason": "toxicity", "toxicity": the '
        'reaction\'s term, e.g. "hypersensitivity reaction", "infusion-related reaction", "rash" '
        'or "pneumonitis"), which rule 61 reads'
    )


_NOT_INSULIN = re.compile(
    r"gestation|pregnan|insulin[\s-]*like|non[\s-]*insulin|\bgdm\b|\bnever\b|\boff insulin"
)


def _diabetes_treated(text: str, _clauses: list[list[str]], inst: Any) -> str:
    """Insulin or a drug used only for diabetes, with no diabetes recorded (3467: 'on
    insulin' left capivasertib preferred)."""
    if _NOT_INSULIN.search(folded(text)):
        return ""  # 'Gestational diabetes 2010 (insulin-treated)', 'insulin-like growth factor'
    diabetes = conditions(inst, Comorbidity.DIABETES)
    if diabetes:  # recorded without insulin beside insulin taken now (3910: capivasertib)
        if any(c.insulin for c in diabetes) or not insulin_taken_now(text):
            return ""
        return (
            "names insulin taken now, while the diabetes is recorded without it: set its "
            '"insulin": true, which rule 78 reads (the PI3K and AKT inhibitors wait on it)'
        )
    if insulin_taken_now(text):
        return 'names insulin: record the diabetes under comorbidities as {"name": "diabetes", "insulin": true}'
    if diabetes_drug_taken_now(text):
        return (
            "names a drug used only for diabetes: record the diabetes under comorbidities as "
            '{"name": "diabetes"}, with its "hba1c"'
        )
    return ""


def _child_pugh(text: str, clauses: list[list[str]], inst: Any) -> str:
    """A Child-Pugh class of now the hepatic impairment does not record: none recorded, or
    another ('Child-Pugh B' beside class A: the review of session 57, 3897)."""
    part = _part_of_now(text, clauses)
    classes = _CHILD_PUGH.findall(part or "")
    hepatic = conditions(inst, Comorbidity.HEPATIC_IMPAIRMENT)
    recorded = {c.child_pugh.value.upper() for c in hepatic if c.child_pugh is not None}
    if not classes or (hepatic and not recorded) or classes[-1].upper() in recorded:
        return ""  # a class the text says of now: the last it gives ('B in 2024, now A': A)
    grade = classes[-1].upper()
    held = f" (recorded: {', '.join(sorted(recorded))})" if recorded else ""
    return (
        f'names a Child-Pugh class {grade}{held}, which the labels dose by from {{"name": '
        f'"hepatic_impairment", "child_pugh": "{grade}"}}: record the latest there'
    )


def _crisis_signs(text: str, clauses: list[list[str]], inst: Any) -> str:
    """A sign of a possible visceral crisis, not of the past (``_crisis_signs``; 7059)."""
    return "" if _of_the_past(clauses) else crisis_signs(text, clauses, inst)


def _menopause(text: str, clauses: list[list[str]], inst: Any) -> str:
    return _menopause_text.menopause_said(text, clauses, inst)


_Check = Callable[[str, list[list[str]], Any], str]
_CHECKS: tuple[_Check, ...] = (
    _visceral_crisis,
    _crisis_signs,
    _performance_status,
    _qtc,
    _lvef,
    _kidney_failure,
    _medications,
    _allergy,
    _diabetes_treated,
    _child_pugh,
    _menopause,
)


#: the classes a free-text history may name for another cancer, a chemoprevention or an
#: earlier breast cancer's adjuvant course: other_conditions passes them ('Hodgkin lymphoma
#: 1998, ABVD chemotherapy'); the targeted drugs and ADCs are of this cancer's lines
_ALSO_ELSEWHERE = frozenset(
    {
        DrugClass.CHEMOTHERAPY,
        DrugClass.AROMATASE_INHIBITOR,
        DrugClass.SERM,
        DrugClass.OVARIAN_FUNCTION_SUPPRESSION,
    }
)


#: the words an entry that states a treatment taken now may hold besides the drug's name
_TAKING = frozenset({"on", "currently", "now", "taking", "ongoing", "continuing", "maintenance"})
_TAKING |= {"mg", "kg", "iv", "sc", "po", "daily", "weekly", "every", "weeks", "q3w", "q4w"}


def metastatic_drugs(text: str, inst: Any) -> tuple[str, ...]:
    """The targeted drugs and ADCs a free text names that no course holds: stopped at a
    progression ('trastuzumab deruxtecan 2024, progressed'), or taken now where the entry says
    nothing else ('Enhertu', 'on Kadcyla'): a note about one ('tolerated palbociclib well',
    'concerned about pneumonitis with T-DXd') passes (``courses_named``; case 6740)."""
    taken, stopped = courses_named(text, getattr(inst, "treatments", ()) or ())
    names = {w for d in taken for w in _name_words(d)}
    words = re.findall(r"[a-z0-9]+", text.casefold())
    only = all(w in names or w in _TAKING or w.isdigit() for w in words)
    if any(_YEAR.fullmatch(w) for w in words) or not only:  # 'T-DM1 2019': of the past
        taken = ()
    return tuple(
        d
        for d in dict.fromkeys((*taken, *stopped))
        if drug_vocab.drug_class(d) not in _ALSO_ELSEWHERE
    )


def _name_words(drug: str) -> set[str]:
    """The words of a drug's names ('trastuzumab', 'deruxtecan', 'enhertu', 't', 'dxd')."""
    found = drug_vocab.BY_NAME[drug]
    names = (found.name, *found.synonyms)
    return {w for n in names for w in re.findall(r"[a-z0-9]+", n.casefold())}
