"""Tumour markers and performance status, as both formats code them (LOINC, see ``codes``).

A phenopacket measurement and a FHIR Observation carry the same things: a LOINC test code, a
coded or numeric value and a date. ``read`` takes them in that shape, so both converters read
ER, PR, HER2 and ECOG the same way.
"""

from __future__ import annotations

import attrs

from resistx.interop import codes
from resistx.interop.conversion import Builder


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


def read(b: Builder, test: str, value: Value, date: str | None, path: str) -> bool:
    """Record a marker result; False when ``test`` is not one resistx reads."""
    if test in codes.ER_PERCENT:  # ER as cells per 100 (case 1272)
        _receptor(b, "ER", test, attrs.evolve(value, percent=True), path, date=date)
    elif test in codes.ER or test in codes.PR:
        _receptor(b, "ER" if test in codes.ER else "PR", test, value, path, date=date)
    elif test == codes.HER2_INTERPRETATION:
        _her2_interpretation(b, value, path)
    elif test == codes.HER2_IHC:
        _ihc(b, value, date, path)
    elif test == codes.HER2_ISH:
        _ish(b, value, date, path)
    elif test == codes.ECOG:
        _ecog(b, value, date, path)
    else:
        return False
    return True


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


def _ihc(b: Builder, value: Value, date: str | None, path: str) -> None:
    score = codes.IHC_SCORE.get(value.code or "") or codes.IHC_LABEL.get(
        (value.label or "").strip()
    )
    if score is None:
        b.skip(path, value.code, "HER2 IHC result that is not a score 0, 1+, 2+ or 3+")
        return
    b.ihc.append((score, date, path))


def _ish(b: Builder, value: Value, date: str | None, path: str) -> None:
    positive = value.polarity()
    if positive is None:
        b.skip(path, value.code, "HER2 ISH result neither positive nor negative")
        return
    b.ish.append((positive, date, path))


def pair_her2(b: Builder) -> None:
    """HER2 tests from the IHC scores, each 2+ with the ISH result of its date (or the only ISH
    result). A positive ISH result with no score still makes HER2 positive."""
    paired: set[str] = set()
    for score, date, path in b.ihc:
        test: dict[str, str] = {"score": score}
        if score == "2+":
            ish = [x for x in b.ish if x[1] == date] or (b.ish if len(b.ish) == 1 else [])
            if not ish:
                b.skip(path, codes.HER2_IHC, "IHC 2+ without its ISH result: low or positive?")
                continue
            test["ish"] = "positive" if ish[0][0] else "negative"
            paired.add(ish[0][2])
            b.use(ish[0][2], codes.HER2_ISH, f"HER2 ISH {test['ish']}, with the IHC 2+ of {path}")
        if date:
            test["tested_on"] = date
        b.add("her2_tests", test, path)
        b.use(path, codes.HER2_IHC, f"HER2 IHC {score}: her2_tests")
    for positive, _date, path in b.ish:
        if path in paired:
            continue
        if positive:
            b.her2_interpretation = (True, path)
            b.use(path, codes.HER2_ISH, "HER2 ISH positive: HER2 positive")
        else:
            b.skip(path, codes.HER2_ISH, "HER2 ISH negative without an IHC 2+ score to go with")


def _ecog(b: Builder, value: Value, date: str | None, path: str) -> None:
    score = codes.ECOG_ANSWER.get(value.code or "")
    if score is None and value.number is not None and float(value.number).is_integer():
        score = int(value.number)
    if score is None:
        b.skip(path, value.code, "ECOG result that is not a score 0 to 5")
        return
    b.ecog.append((date or "", score, path))


def latest_ecog(b: Builder) -> None:
    """The latest ECOG result is the patient's (an undated one only when no other is dated)."""
    if not b.ecog:
        return
    _, score, path = max(b.ecog, key=lambda e: e[0])
    b.set("ecog", score, path)
    b.use(path, codes.ECOG, f"ECOG {score}")
    for _date, earlier, other in b.ecog:
        if other != path:
            b.use(other, codes.ECOG, f"ECOG {earlier}, before the latest result ({path})")
