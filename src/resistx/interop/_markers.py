"""Tumour markers and performance status, as both formats code them (LOINC, see ``codes``).

A phenopacket measurement and a FHIR Observation carry the same things: a LOINC test code, a
coded or numeric value and a date. ``read`` takes them in that shape, so both converters read
ER, PR, HER2 and ECOG the same way.
"""

from __future__ import annotations

import datetime as dt

import attrs

from resistx.interop import codes
from resistx.interop._answers import answer_conflict
from resistx.interop.conversion import Builder, Her2Reading


@attrs.frozen(kw_only=True)
class Value:
    """A result value: an answer code (LOINC LA- code, SNOMED CT code) and its label, or a number."""

    code: str | None = None
    label: str | None = None
    number: float | None = None
    percent: bool = False  # the number is a percentage (UCUM '%'): a share of cells

    def polarity(self) -> bool | None:
        """True for positive or present, False for negative or absent, None if neither."""
        if self.code in codes.POSITIVE:
            return True
        if self.code in codes.NEGATIVE:
            return False
        word = (self.label or "").strip().casefold()
        return {"positive": True, "present": True, "negative": False, "absent": False}.get(word)


def number(value: object) -> float | None:
    """A JSON number as a result value; anything else (text, and ``true``/``false``, which
    Python counts as integers) is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def read(  # noqa: PLR0917 - the two converters' call sites pass them in order
    b: Builder, test: str, value: Value, date: str | None, path: str, specimen: str | None = None
) -> bool:
    """Record a marker result; False when ``test`` is not one resistx reads. ``specimen``: the
    reference of the specimen it was done on, where the document names one (a HER2 ISH goes
    with the IHC 2+ of its specimen). An answer code its display contradicts is refused."""
    if (conflict := answer_conflict(value.code, value.label)) and (
        test in codes.ER_PERCENT
        or test in codes.ER
        or test in codes.PR
        or test in codes.HER2_IHC_CODES
        or test in (codes.HER2_INTERPRETATION, codes.HER2_ISH, codes.ECOG)
    ):
        b.problem(path, conflict)
        return True
    if test in codes.ER_PERCENT:  # ER as cells per 100 (case 1272)
        _receptor(b, "ER", test, attrs.evolve(value, percent=True), path, date=date)
    elif test in codes.ER or test in codes.PR:
        _receptor(b, "ER" if test in codes.ER else "PR", test, value, path, date=date)
    elif test == codes.HER2_INTERPRETATION:
        _her2_interpretation(b, value, path)
    elif test in codes.HER2_IHC_CODES:
        _ihc(b, value, date, path, specimen=specimen)
    elif test == codes.HER2_ISH:
        _ish(b, value, date, path, specimen=specimen)
    elif test == codes.ECOG:
        _ecog(b, value, date, path)
    elif test in codes.PREGNANCY_STATUS:
        _pregnancy_status(b, test, value, date, path)
    else:
        return False
    return True


def _pregnancy_status(b: Builder, test: str, value: Value, date: str | None, path: str) -> None:
    """Pregnant: the comorbidity (``Builder._pregnant``); any other answer records nothing."""
    pregnant = value.code in codes.PREGNANT or (value.label or "").strip().casefold() == "pregnant"
    b.pregnant.append((date or "", path, pregnant))  # the latest stands (``Builder._pregnant``)
    if pregnant:
        b.use(path, test, "pregnancy status pregnant: comorbidity pregnancy, if the latest")
    else:
        b.use(path, test, f"pregnancy status {value.label or value.code}: no pregnancy recorded")


#: ASCO/CAP's ER and PR categories by the share of stained cells (ER 1-10%: ER-low; case 1257)
ER_LOW_MAX_PERCENT = 10.0
RECEPTOR_MIN_PERCENT = 1.0


def _receptor(
    b: Builder, name: str, test: str, value: Value, path: str, *, date: str | None
) -> None:
    if value.number is not None and value.percent:
        pct = value.number
        low = name == "ER" and RECEPTOR_MIN_PERCENT <= pct <= ER_LOW_MAX_PERCENT
        state = "low" if low else "positive" if pct >= RECEPTOR_MIN_PERCENT else "negative"
        b.receptors.append((name, state, (date or "", True), path))
        b.use(path, test, f"{name} {pct:g}% of cells: {state} (ASCO/CAP): hormone_receptor")
        return
    positive = value.polarity()
    if positive is None:
        said = "a number that is not a percentage" if value.number is not None else "result"
        b.skip(path, value.code, f"{name} {said} neither positive nor negative")
        return
    b.receptors.append((name, "positive" if positive else "negative", (date or "", False), path))
    b.use(path, test, f"{name} {'positive' if positive else 'negative'}: hormone_receptor")


def _her2_interpretation(b: Builder, value: Value, path: str) -> None:
    positive = value.polarity()
    if positive is None:
        b.skip(path, value.code, "HER2 interpretation neither positive nor negative")
        return
    b.her2_interpretation = (positive, path)
    b.use(path, codes.HER2_INTERPRETATION, f"HER2 {'positive' if positive else 'negative'}")


def _ihc(b: Builder, value: Value, date: str | None, path: str, *, specimen: str | None) -> None:
    score = codes.IHC_SCORE.get(value.code or "") or codes.IHC_LABEL.get(
        (value.label or "").strip()
    )
    if score is None:  # not left out: it may be what makes the disease HER2-positive (6525)
        said = f" {value.label!r}" if value.label else (f" [{value.code}]" if value.code else "")
        b.problem(
            path,
            f"HER2 IHC result{said} is not a score 0, 1+, 2+ or 3+ as resistx reads it, and may "
            "be the result that makes the disease HER2-positive: give the score as a coded "
            f"answer ({', '.join(codes.IHC_SCORE)}) or as its text ('2+')",
        )
        return
    b.ihc.append(Her2Reading(score, date, path, specimen))


#: an ISH result in words (a concept's text, a laboratory's), as pathology reports write it
_ISH_WORDS = {"amplified": True, "not amplified": False, "non-amplified": False}


def _ish(b: Builder, value: Value, date: str | None, path: str, *, specimen: str | None) -> None:
    positive = value.polarity()
    if positive is None:
        positive = _ISH_WORDS.get((value.label or "").strip().rstrip(".").casefold())
    if positive is None:  # not left out: it may be what makes the disease HER2-positive (5853)
        said = f" {value.label!r}" if value.label else ""
        b.problem(
            path,
            f"HER2 ISH result{said} is neither positive nor negative as resistx reads it, and "
            "may be the result that makes the disease HER2-positive: give it as positive or "
            "negative (amplified or not amplified)",
        )
        return
    b.ish.append(Her2Reading(positive, date, path, specimen))


#: a reflex ISH follows its IHC 2+ by days: the first ISH this many days after it, with no
#: specimen to say otherwise, is read as its own (case 1803)
REFLEX_ISH_DAYS = 42


def _ish_of(
    b: Builder, ihc: Her2Reading[str], taken: set[str]
) -> tuple[Her2Reading[bool] | None, str]:
    """The ISH result of an IHC 2+, and how it was paired where that is an assumption ('' where
    not): the ISH of its specimen, else of its date, else the first within ``REFLEX_ISH_DAYS``
    after it, else the only ISH result where a date is missing to tell; never one of another
    specimen, nor one already paired."""
    specimen = ihc.specimen
    free = [
        x
        for x in b.ish
        if x.path not in taken and not (specimen and x.specimen and x.specimen != specimen)
    ]
    for found in (
        [x for x in free if specimen and x.specimen == specimen],
        [x for x in free if x.date == ihc.date],
    ):
        if found:
            return found[0], ""
    day = _day(ihc.date)
    later = sorted(
        (gap, x.path, x)
        for x in free
        if day is not None
        and (d := _day(x.date)) is not None
        and 0 <= (gap := (d - day).days) <= REFLEX_ISH_DAYS
    )
    if later:
        gap, _path, x = later[0]
        return (
            x,
            f"the HER2 ISH of {x.date}, {gap} days after the IHC 2+ of {ihc.date}, read as its own",
        )
    # the only ISH result, where a date is missing to tell (case 1812f)
    undated = day is None or all(x.date is None for x in free)
    return (free[0], "") if len(b.ish) == 1 and free and undated else (None, "")


#: what the report says of an IHC 2+ with no ISH result of its own
_NO_ISH = (
    "IHC 2+ with no ISH result of its own (none of its specimen or dated with it): read as "
    "ISH pending, HER2 unknown until it is known (low or positive cannot be told)"
)


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def pair_her2(b: Builder) -> None:
    """HER2 tests from the IHC scores, each 2+ with its ISH result (``_ish_of``). A positive
    ISH result with no score still makes HER2 positive."""
    paired: set[str] = set()
    for ihc in b.ihc:
        test: dict[str, str] = {"score": ihc.value}
        if ihc.value == "2+":
            ish, how = _ish_of(b, ihc, paired)
            if ish is None:  # low or positive cannot be told: the plan waits (case 1812c)
                test["ish"] = "pending"
                b.assume(ihc.path, _NO_ISH, codes.HER2_IHC)
            else:
                test["ish"] = "positive" if ish.value else "negative"
                paired.add(ish.path)
                b.use(
                    ish.path,
                    codes.HER2_ISH,
                    f"HER2 ISH {test['ish']}, with the IHC 2+ of {ihc.path}",
                )
                if how:
                    b.assume(ish.path, how, codes.HER2_ISH)
        if ihc.date:
            test["tested_on"] = ihc.date
        b.add("her2_tests", test, ihc.path)
        b.use(ihc.path, codes.HER2_IHC, f"HER2 IHC {ihc.value}: her2_tests")
    for ish in b.ish:
        if ish.path in paired:
            continue
        if ish.value:
            b.her2_interpretation = (True, ish.path)
            b.use(ish.path, codes.HER2_ISH, "HER2 ISH positive: HER2 positive")
        else:
            b.skip(ish.path, codes.HER2_ISH, "HER2 ISH negative without an IHC 2+ score to go with")


def _ecog(b: Builder, value: Value, date: str | None, path: str) -> None:
    score = codes.ECOG_ANSWER.get(value.code or "")
    if score is None and value.number is not None and float(value.number).is_integer():
        score = int(value.number)
    if score is None:  # refused: an earlier score read in its place (case 2361d) is no answer
        shown = next((v for v in (value.code, value.number, value.label) if v is not None), None)
        b.problem(path, f"an ECOG result that is not a score 0 to 5 ({shown!r})")
        return
    b.ecog.append((date or "", score, path))


def latest_ecog(b: Builder) -> None:
    """The latest ECOG result is the patient's (an undated one only when no other is dated)."""
    if not b.ecog:
        return
    date, score, path = max(b.ecog, key=lambda e: e[0])
    # an undated one of another score beside a dated one (case 6527: read as older), or two of
    # one day (case 3105: the first in the bundle was taken): which is now cannot be told
    undated = [e for e in b.ecog if not e[0] and e[1] != score] if date else []
    same_day = [e for e in b.ecog if e[0] == date and e[1] != score]
    if conflicting := undated or same_day:
        others = ", ".join(f"ECOG {s} ({where})" for _d, s, where in conflicting)
        when = f" ({date})" if date else ""
        said = f"{others} with no date" if undated else f"{others} on the same day{when}"
        b.problem(
            path,
            f"ECOG {score}{when if undated else ''} and {said}: which is the patient's now "
            "cannot be told; give one, dated",
        )
        return
    b.set("ecog", score, path)
    b.use(path, codes.ECOG, f"ECOG {score}")
    for _date, earlier, other in b.ecog:
        if other != path:
            b.use(other, codes.ECOG, f"ECOG {earlier}, before the latest result ({path})")
