"""A medication entry that misspells a drug resistx reads is refused with the name it likely
meant (case 1904: 'carbamazapine' and 'itraconozole' passed as medications resistx does not
read, and capivasertib was preferred with no interaction caution). Real drugs whose names lie
close to one it reads (azithromycin, oxcarbazepine) are named here so that they pass."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import attrs

from resistx._errors import ItemProblemsError
from resistx._suggest import one_slip
from resistx.model.enums import DrugClass, StopReason
from resistx.vocab import drugs as drug_vocab
from resistx.vocab.drugs import HER2_DIRECTED, HER2_DIRECTED_SAID, her2_directed_in, named_in
from resistx.vocab.interactions import (
    DIABETES_ONLY,
    INSULIN_BRANDS,
    OTHER_ANTICOAGULANTS,
    OTHER_NAMES,
    PROGRESSION,
    QT_PROLONGING,
    STRONG_CYP3A,
    VITAMIN_K_ANTAGONISTS,
    folded,
    taken_now_text,
)
from resistx.vocab.moderate_cyp3a import MODERATE_CYP3A, MODERATE_NAMES

#: the names resistx reads in a medication entry (a misspelt QT drug passed unread beside
#: ribociclib: session 54's left items)
READ_NAMES = tuple(
    sorted(
        {*STRONG_CYP3A, *OTHER_NAMES, *VITAMIN_K_ANTAGONISTS, *OTHER_ANTICOAGULANTS, *QT_PROLONGING}
        | {*MODERATE_CYP3A, *MODERATE_NAMES}  # rule 153 (case 6933)
        | HER2_DIRECTED  # refused when taken now: a misspelt one would pass (case 6405)
        | INSULIN_BRANDS  # read for the diabetes's insulin (rule 78): 'Lantos', 'Humolog' (7268)
        | DIABETES_ONLY  # read for a diabetes not on record (rule 12)
    )
)
#: real drugs near a read name, not read (moderate or weak interactions, other drugs): they
#: are not misspellings of one
NEAR_BUT_OTHER = frozenset(
    {"azithromycin", "roxithromycin", "miconazole", "clotrimazole", "econazole"}
    | {"oxcarbazepine", "rifaximin", "quinine", "armodafinil", "fosaprepitant"}
    | {"pentobarbital", "butabarbital", "prednisone", "prednisolone"}
)
#: the generic name of each read name
_GENERIC: dict[str, str] = {
    **OTHER_NAMES,
    **MODERATE_NAMES,
    **VITAMIN_K_ANTAGONISTS,
    **OTHER_ANTICOAGULANTS,
    **QT_PROLONGING,
}


def generic(name: str) -> str:
    """The generic name of a name resistx reads ('Kaletra': ritonavir)."""
    return _GENERIC.get(name, name)


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
        if not close and len(word) >= _SLIP_FROM:
            close = [n for n in READ_NAMES if one_slip(word, n)][:1]
        if close:  # named by its generic name ('clarithromicin': not the Spanish spelling)
            return word, _GENERIC.get(close[0], close[0])
    return None


#: words this long are also read for one slip of a read name, where difflib's ratio falls
#: short on a short name ('sotolol' for sotalol: 0.857; 'Zofren' for Zofran, 'Celexo' for
#: Celexa: 0.833, session 65's 7268)
_SLIP_FROM = 6


def medications_read(inst: Any, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """The profile's check of its medications: every near miss, every change of drug in one
    entry, every cancer treatment (taken now, or before and not among the treatments)."""
    if not value:  # most profiles: nothing to read
        return
    found = [
        (
            i,
            f"{entry!r}: {miss[0]!r} is not a name resistx knows; did you mean {miss[1]}? "
            "(resistx reads strong and moderate CYP3A inhibitors and inducers, "
            "anticoagulants, drugs known to prolong the QT interval, insulins and drugs used "
            "only for diabetes by their generic or brand names; a misspelt one would be missed)",
        )
        for i, entry in enumerate(value)
        if (miss := near_miss(entry)) is not None
    ]
    if found:
        raise ItemProblemsError("medications", found)
    courses = getattr(inst, "treatments", ()) or ()
    courses_read = [courses_named(entry, courses) for entry in value]  # each entry read once
    taken = {i: now for i, (now, _) in enumerate(courses_read) if now}
    stopped = {i: ended for i, (_, ended) in enumerate(courses_read) if ended}
    # HER2-directed therapy taken now: the disease may be HER2-positive, outside the review
    # (case 6221: trastuzumab and tucatinib passed as not read, and a HER2-0 plan followed)
    her2 = {
        i: named
        for i, entry in enumerate(value)
        if (named := her2_directed_in(taken_now_text(entry)))
    }
    taken |= {i: named for i, named in her2.items() if i not in taken}
    problems = [
        (i, f"{value[i]!r} names {', '.join(her2[i])}: {HER2_DIRECTED_SAID}")
        if i in her2
        else (
            i,
            f"{value[i]!r} names {', '.join(taken[i])}: record it under treatments (its "
            f"drugs, dates, setting and stop reason), where the plan reads it{_ended(taken[i], courses)}",
        )
        if i in taken
        else (
            i,
            f"{value[i]!r} names {', '.join(stopped[i])}, stopped at a progression: record "
            "the course under treatments (its drugs, dates, setting and stop reason), where "
            "the plan reads it",
        )
        for i in sorted(taken.keys() | stopped.keys())  # one message an entry
    ]
    if problems:
        raise ItemProblemsError("medications", problems)


def _ended(drugs: tuple[str, ...], courses: Collection[Any]) -> str:
    """Where the drugs taken now are in a course that has ended: how to say they go on (the
    review of special populations, 7630: a GnRH agonist continued past the progression of its
    line was refused as if it were recorded nowhere)."""
    if not any(d in t.drugs for t in courses for d in drugs):
        return ""
    return (
        ": the course that holds it has ended, so a drug that goes on past it is a course of "
        'its own, "stop_reason": "ongoing", from the date it went on alone'
    )


def courses_named(entry: str, courses: Collection[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cancer treatments a free-text entry names that the treatments (``courses``) do not
    hold: those taken now (beside no course going on with them), and those stopped at a
    progression (beside no course at all): the medications' and other_conditions' check."""
    # the drugs of the courses going on, or with no end (the engine reads the one going on as
    # progressed, rule 53: a course that ended does not say it is taken now)
    going_on = (t for t in courses if t.stop_reason is StopReason.ONGOING or t.ended_on is None)
    taken = treatment_named(entry, {d for t in going_on for d in t.drugs})
    # one stopped at a progression is a course of this cancer, whichever its end: one no
    # course holds was read nowhere (the sweep of session 57, 4000: 'Kisqali 600 mg - stopped
    # 03/2026 at progression' beside palbociclib alone, and ribociclib came first)
    every = {d for t in courses for d in t.drugs}
    progressed = PROGRESSION & set(re.findall(r"[a-z]+", folded(entry)))
    stopped = treatment_named(entry, every, taken_now=False) if progressed else ()
    return taken, stopped


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


def treatment_named(
    entry: str, given: Collection[str] = (), *, taken_now: bool = True
) -> tuple[str, ...]:
    """The cancer treatments (``_TREATMENT_CLASSES``) a medication entry taken now names that
    the treatments (their drugs: ``given``) do not hold: 'goserelin 3.6 mg q28d (continued)'
    beside its course is the same treatment (the recheck of session 55, 3178a). One not taken
    now passes: 'tamoxifen 2008-2013 for chemoprevention' is no course of this cancer (3172k;
    a refusal tried for 2998g sent such entries to treatments, and was taken back). With
    ``taken_now`` false, every cancer treatment it names, taken now or not (a stop at a
    progression: ``medications_read``)."""
    text = taken_now_text(entry) if taken_now else folded(entry)
    return tuple(
        d
        for d in named_in(text)
        if d not in OTHER_USES
        and drug_vocab.drug_class(d) in _TREATMENT_CLASSES
        and d not in given
        and not (d == "chemotherapy" and _supportive(text))
    )


#: chemotherapy named as when another medication is given ('ondansetron 8 mg PRN with
#: chemotherapy', 'olanzapine for chemotherapy nausea'): no course (7590s; a drug named so,
#: 'dexamethasone pre-docetaxel', is one, and the plan needs it among the treatments)
_SUPPORTIVE = re.compile(
    r"\b(?:with|for|during|around|before|after|pre|post)\s+chemo(?:therapy)?\b"
)
#: ... or beside words of supportive care ('olanzapine 5 mg for chemo-induced nausea',
#: 'pegfilgrastim after each chemotherapy cycle': the recheck, 7764)
_SUPPORTIVE_WORDS = frozenset({"nausea", "vomiting", "antiemetic", "premedication", "premed"})
_SUPPORTIVE_WORDS |= {"cycle", "cycles", "induced", "related", "prn", "emesis"}


def _supportive(text: str) -> bool:
    return bool(_SUPPORTIVE.search(text) or _SUPPORTIVE_WORDS & set(re.findall(r"[a-z]+", text)))
