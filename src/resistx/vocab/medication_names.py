"""A medication entry that misspells a drug resistx reads is refused with the name it likely
meant (case 1904: 'carbamazapine' and 'itraconozole' passed as medications resistx does not
read, and capivasertib was preferred with no interaction caution). Real drugs whose names lie
close to one it reads (azithromycin, oxcarbazepine) are named here so that they pass."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import attrs

from resistx.model.enums import DrugClass
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.drugs import named_in
from resistx.vocab.interactions import (
    NOT_TAKEN,
    OTHER_NAMES,
    QT_PROLONGING,
    STRONG_CYP3A,
    VITAMIN_K_ANTAGONISTS,
    folded,
    is_insulin,
)

#: the names resistx reads in a medication entry (a misspelt QT drug passed unread beside
#: ribociclib: session 54's left items)
READ_NAMES = tuple(sorted({*STRONG_CYP3A, *OTHER_NAMES, *VITAMIN_K_ANTAGONISTS, *QT_PROLONGING}))
#: real drugs near a read name, not read (moderate or weak interactions, other drugs): they
#: are not misspellings of one
NEAR_BUT_OTHER = frozenset(
    {"azithromycin", "erythromycin", "roxithromycin", "fluconazole", "isavuconazole"}
    | {"miconazole", "clotrimazole", "econazole", "oxcarbazepine", "eslicarbazepine"}
    | {"fosphenytoin", "rifabutin", "rifapentine", "rifaximin", "lopinavir", "darunavir"}
    | {"atazanavir", "quinine"}
)
#: the generic name of each read name
_GENERIC: dict[str, str] = {**OTHER_NAMES, **VITAMIN_K_ANTAGONISTS, **QT_PROLONGING}
#: how close a word must be to a read name to be taken for a misspelling of it
CUTOFF = 0.86
_SHORTEST = 6  # shorter words ('mg', 'daily') are never read as a drug's name


def near_miss(entry: str) -> tuple[str, str] | None:
    """(the word, the read name it likely meant) where a word of ``entry`` is close to a name
    resistx reads but is not one, and the entry names no read drug; else None."""
    words = re.findall(r"[a-z']+", folded(entry))
    if any(w in READ_NAMES for w in words):
        return None
    for word in words:
        if len(word) < _SHORTEST or word in NEAR_BUT_OTHER:
            continue
        import difflib  # noqa: PLC0415 - only a medication entry needs it, not import time

        close: list[str] = difflib.get_close_matches(word, READ_NAMES, n=1, cutoff=CUTOFF)
        if close:  # named by its generic name ('clarithromicin': not the Spanish spelling)
            return word, _GENERIC.get(close[0], close[0])
    return None


def medications_read(inst: Any, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """The profile's check of its medications: every near miss, every change of drug in one
    entry, every cancer treatment (taken now, or before and not among the treatments)."""
    found = [
        f"medications[{i}] {entry!r}: {miss[0]!r} is not a name resistx knows; did you mean "
        f"{miss[1]}?"
        for i, entry in enumerate(value)
        if (miss := near_miss(entry)) is not None
    ]
    if found:
        msg = "; ".join(found) + (
            " (resistx reads strong CYP3A inhibitors and inducers, vitamin K antagonists and "
            "drugs known to prolong the QT interval by their generic or brand names; a "
            "misspelt one would be missed)"
        )
        raise ValueError(msg)
    problems = [
        f"medications[{i}] {entry!r} records a change of drug, and resistx reads one of them: "
        "list only what is taken now, one entry per drug taken now"
        for i, entry in enumerate(value)
        if changed_drug(entry)
    ]
    given = {d for t in getattr(inst, "treatments", ()) for d in t.drugs}
    problems += [
        f"medications[{i}] {entry!r} names {', '.join(named)}: record it under treatments "
        "(its drugs, dates, setting and stop reason), where the plan reads it"
        for i, entry in enumerate(value)
        if (named := treatment_named(entry, given))
    ]
    if problems:
        raise ValueError("; ".join(problems))


#: words and marks that record one drug changed for another in one entry ('escitalopram
#: switched to sertraline': session 54's sweep, 3020, read escitalopram as taken now)
_CHANGE_WORDS = frozenset({"switched", "switch", "switching", "replaced", "replacing", "instead"})
_CHANGE_MARKS = re.compile(r"->|\u2192|=>|\bchanged (?:to|from)\b")


def changed_drug(entry: str) -> bool:
    """An entry that records a change of drug and names one resistx reads (taken now or not:
    which of the two is taken now, one entry cannot say)."""
    text = folded(entry)
    words = set(re.findall(r"[a-z']+", text))
    # 'itraconazole stopped, now rifampicin' (case 3150): the word that says one is stopped
    # would hide the one taken now, where resistx reads it ('insulin stopped, now metformin'
    # says what it means)
    now = re.split(r"\b(?:now|currently)\b", text, maxsplit=1)
    if words & NOT_TAKEN and len(now) == 2 and _names_read(now[1]):
        return True
    if not (words & _CHANGE_WORDS or _CHANGE_MARKS.search(text)):
        return False
    return _names_read(text)


def _names_read(text: str) -> bool:
    return bool(set(re.findall(r"[a-z']+", text)) & _READ_WORDS) or is_insulin(text)


#: the one-word names resistx reads (an entry's words are matched against them)
_READ_WORDS = frozenset(n for n in READ_NAMES if " " not in n)


#: the classes of a treatment the plan reads from the treatment history (a GnRH agonist's
#: suppression, an endocrine line, a targeted drug, an ADC, chemotherapy): among the
#: medications it would be missed (the recheck of session 54: goserelin there passed beside
#: 'postmenopausal'); not the drugs with common uses outside cancer (``OTHER_USES``)
_TREATMENT_CLASSES = frozenset(DrugClass) - {
    DrugClass.OTHER_ENDOCRINE,
    DrugClass.UNCLASSIFIED,
    DrugClass.IMMUNE_CHECKPOINT_INHIBITOR,
}
#: methotrexate (arthritis), cyclophosphamide (autoimmune disease), estradiol (hormone
#: therapy), bevacizumab (eye injections)
OTHER_USES = frozenset({"methotrexate", "cyclophosphamide", "estradiol", "bevacizumab"})


#: the words of ``NOT_TAKEN`` that say the drug was taken before
_TAKEN_BEFORE = frozenset(
    {"stopped", "previously", "previous", "formerly", "former", "past", "discontinued"}
    | {"ceased", "completed", "finished", "held", "intolerant"}
)


def treatment_named(entry: str, given: Collection[str] = ()) -> tuple[str, ...]:
    """The cancer treatments (``_TREATMENT_CLASSES``) a medication entry names: taken now, or
    not taken now and not among ``given`` (the treatments' drugs): 'tamoxifen stopped 2019'
    with no tamoxifen line left that line unread (2998g)."""
    words = set(re.findall(r"[a-z']+", folded(entry)))
    if NOT_TAKEN & words and not _TAKEN_BEFORE & words:  # 'allergic to', 'declined': not given
        return ()
    past = bool(NOT_TAKEN & words)
    return tuple(
        d
        for d in named_in(entry)
        if d not in OTHER_USES
        and drug_vocab.drug_class(d) in _TREATMENT_CLASSES
        and not (past and d in given)
    )
