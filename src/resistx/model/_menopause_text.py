"""Free text that contradicts the recorded menopause (session 67's review of special
populations): 'still menstruating, LMP 2026-04-28' beside "postmenopausal" passed, and the
plan gave an aromatase inhibitor's partner and elacestrant with no word of ovarian
suppression; a bilateral oophorectomy written only here left the plan asking to continue a
GnRH agonist. Each is refused, pointing to the field the rules read."""

from __future__ import annotations

import re
from typing import Any

from resistx.model.enums import MenopausalStatus, Sex
from resistx.vocab.comorbidities import denied_at

#: one word that says the ovaries still work (English, German, French, Spanish, Italian; the
#: clauses are folded to ASCII: 'préménopausée' is 'premenopausee')
_BEFORE_MENOPAUSE = frozenset(
    {"premenopausal", "perimenopausal", "premenopause", "perimenopause", "menstruating"}
    | {"menses", "menstruation", "menstruates", "pramenopausal"}
    | {"premenopausee", "perimenopausee", "premenopausique", "premenopausica"}
    | {"perimenopausica", "premenopausa", "perimenopausa"}
)
#: the same in two words ('pre-menopausal', 'not postmenopausal', 'non ménopausée')
_BEFORE_MENOPAUSE_PHRASES = (
    ("pre", "menopausal"),
    ("peri", "menopausal"),
    ("pre", "menopause"),
    ("peri", "menopause"),
    ("not", "postmenopausal"),
    ("non", "menopausee"),
    ("still", "having", "periods"),
    ("regular", "periods"),
)
#: a clause of the past: a year before the plan's (the plan's own year reads 'thisyear'), or a
#: word that ends it ('menses stopped 2015', 'premenopausal at diagnosis in 2019')
_YEAR = re.compile(r"(?:19|20)\d\d")
_PAST = frozenset({"stopped", "ceased", "ended", "until", "ago", "previously", "prior", "was"})
_PAST |= {"were", "history", "diagnosis", "formerly"}
#: a bilateral oophorectomy, or what it amounts to ('BSO', 'surgical menopause')
_OOPHORECTOMY = frozenset(
    {"oophorectomy", "ovariectomy", "oophorectomie", "ovarektomie", "ovariektomie", "bso"}
    | {"ooforectomia", "ovariectomia", "ovariectomie"}
)
_OOPHORECTOMY_PHRASES = (("surgical", "menopause"), ("ovaries", "removed"))
#: words that make it one ovary, or not done
_NOT_BOTH = frozenset({"unilateral", "left", "right", "one", "partial", "cystectomy"})
_NOT_DONE = frozenset({"planned", "plan", "scheduled", "considering", "considered"})
_NOT_DONE |= {"discussed", "declined", "refused", "awaiting", "proposed", "booked", "offered"}


def _found(
    clauses: list[list[str]],
    words: frozenset[str],
    phrases: tuple[tuple[str, ...], ...],
    *,
    lmp: bool = False,
) -> str:
    """What a clause states of ``words`` or ``phrases``, not denied ('no menses': nothing);
    with ``lmp``, a last period of the plan's year too."""
    for clause in clauses:
        for at, word in enumerate(clause):
            if word in words and not denied_at(clause, at):
                return word
            for phrase in phrases:
                if tuple(clause[at : at + len(phrase)]) == phrase and (
                    phrase[0] == "not" or not denied_at(clause, at)
                ):
                    return " ".join(phrase)
        if lmp and "lmp" in clause and "thisyear" in clause:
            return "lmp"
    return ""


def menopause_said(_text: str, clauses: list[list[str]], inst: Any) -> str:
    """A status before the menopause beside "postmenopausal", or a bilateral oophorectomy with
    no ``oophorectomy_on``, as how to record it ('' where the text says neither)."""
    if getattr(inst, "sex", None) is Sex.MALE:
        return ""
    status = getattr(inst, "menopausal_status", None)
    if status is MenopausalStatus.POSTMENOPAUSAL:
        now = [c for c in clauses if not (_PAST & set(c) or any(_YEAR.fullmatch(w) for w in c))]
        said = _found(now, _BEFORE_MENOPAUSE, _BEFORE_MENOPAUSE_PHRASES, lmp=True)
        if said:
            return (
                f"says the ovaries still work ({said!r}) beside menopausal_status "
                '"postmenopausal": one of the two is miskeyed. A woman still menstruating or '
                "perimenopausal needs ovarian suppression with an aromatase inhibitor, and "
                'elacestrant\'s trial and label are for postmenopausal women: record "premenopausal" '
                'or "perimenopausal" there, or reword the entry'
            )
        return ""
    if getattr(inst, "oophorectomy_on", None) is not None:
        return ""
    done = [c for c in clauses if not (_NOT_BOTH | _NOT_DONE) & set(c)]
    said = _found(done, _OOPHORECTOMY, _OOPHORECTOMY_PHRASES)
    if not said:
        return ""
    return (
        f'names a bilateral oophorectomy ({said!r}), which the plan reads from "oophorectomy_on" '
        "(its date: the surgical menopause, after which no ovarian suppression is asked): "
        "record it there, and keep the detail here"
    )
