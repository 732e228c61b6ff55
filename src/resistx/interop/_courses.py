"""Treatment courses, as both formats give them: one agent per record, grouped into lines.

A phenopacket ``medicalAction`` and a FHIR MedicationRequest or MedicationAdministration each
name one agent; a resistx treatment names the drugs given together. Records of one start date,
end date, setting and stop reason are one treatment (a combination such as palbociclib with
letrozole); the report says so. No line number is invented: neither format states one.
"""

from __future__ import annotations

import datetime as dt

import attrs

from resistx.interop import codes, drugs
from resistx.interop.conversion import Builder
from resistx.vocab.drugs import named_in
from resistx.vocab.interactions import is_insulin, read_as


@attrs.define(kw_only=True)
class Course:
    """One agent's course, read from one record of the source."""

    path: str
    drug: str
    started_on: str | None = None
    ended_on: str | None = None
    setting: str | None = None
    stop_reason: str | None = None
    #: one administration of one day (a dose): ``doses_joined`` makes a course of several
    dose: bool = False

    def key(self) -> tuple[str, str, str, str] | None:
        """What records of one treatment share; None when a date is missing (not grouped)."""
        if self.started_on is None:
            return None
        return (self.started_on, self.ended_on or "", self.setting or "", self.stop_reason or "")


def intent(b: Builder, code: str | None, label: str | None, path: str) -> str | None:
    """The resistx setting a treatment intent gives, or None (reported) where it gives none."""
    setting = codes.INTENT.get(code or "")
    how = ""
    if setting is None:
        word = (label or "").casefold()
        setting = next((s for w, s in codes.INTENT_WORDS if w in word), None)
        how = f"intent {label!r} read by its label: "
    if setting is None:  # never read as metastatic treatment for want of an intent (case 1261)
        b.problem(
            path,
            f"treatment intent {label or code!r} says neither adjuvant, neoadjuvant nor "
            "palliative (curative intent is one of the first two): send adjuvant (SNOMED CT "
            "373846009) or neoadjuvant (373847000) intent, or palliative (363676003) for "
            "metastatic disease",
        )
    elif setting == "metastatic":
        b.assume(path, how + "palliative, so treatment for metastatic disease", code)
    elif how:
        b.assume(path, how + setting, code)
    else:
        b.use(path, code, f"setting {setting}")
    return setting


def stop_reason(b: Builder, code: str | None, label: str | None, path: str) -> str | None:
    """The resistx stop reason a termination reason or a response gives, or None (reported)."""
    reason = codes.TERMINATION.get(code or "") or codes.NCIT_STOP.get(code or "")
    if reason is None and code not in codes.NCIT_RESPONSE_NOT_STOP:
        word = (label or "").casefold()
        reason = next((r for w, r in codes.STOP_WORDS if w in word), None)
        if reason is not None:
            b.assume(path, f"{label!r} read by its label as {reason}", code)
    if reason is None:
        b.skip(path, code, f"{label or 'this code'}: not a reason resistx reads for stopping")
    else:
        b.use(path, code, f"stop_reason {reason}")
    return reason


def add_treatments(b: Builder, courses: list[Course]) -> None:
    """Group the courses into resistx treatments, in the order they were read."""
    groups: dict[object, list[Course]] = {}
    for i, course in enumerate(courses):
        groups.setdefault(course.key() or i, []).append(course)
    groups = _unstated_joined(groups)
    for group in groups.values():
        first = group[0]
        treatment: dict[str, object] = {"drugs": list(dict.fromkeys(c.drug for c in group))}
        for field in ("setting", "started_on", "ended_on", "stop_reason"):
            if getattr(first, field) is not None:
                treatment[field] = getattr(first, field)
        paths = ", ".join(c.path for c in group)
        if len(group) > 1:
            b.assume(paths, f"given together (same dates): one treatment of {treatment['drugs']}")
        if first.setting is None:
            b.assume(paths, "no treatment intent: read as treatment for metastatic disease")
        if first.stop_reason is None and first.ended_on is not None:
            b.assume(paths, "ended without a stated reason: the stop reason is left unknown")
        b.add("treatments", treatment, paths)


#: doses of one drug further apart than this are two courses (a restart), not one
DOSE_GAP_DAYS = 90


def doses_joined(b: Builder, courses: list[Course], written: str | None = None) -> list[Course]:
    """Administrations of one drug a dose at a time (an injection of fulvestrant a month, each
    a MedicationAdministration of one day) are one course, from the first dose to the last, as
    the report says (case 2377: a dose with a start only was refused; as periods of one day, 27
    courses were read, 'progressed on fulvestrant before, in another regimen')."""
    doses: dict[tuple[str, str], list[Course]] = {}
    for c in courses:
        if c.dose and c.started_on is not None:
            doses.setdefault((c.drug, c.setting or ""), []).append(c)
    planned_ends(b, courses, written)
    out = [c for c in courses if not (c.dose and c.started_on is not None)]
    latest = b.latest_date([written, *(d for c in courses for d in (c.started_on, c.ended_on))])
    for (drug, _setting), group in doses.items():
        group.sort(key=lambda c: str(c.started_on))
        runs: list[list[Course]] = [[group[0]]]
        for c in group[1:]:
            last = runs[-1][-1]
            gap = dt.date.fromisoformat(str(c.started_on)) - dt.date.fromisoformat(
                str(last.ended_on or last.started_on)
            )
            if gap.days <= DOSE_GAP_DAYS:
                runs[-1].append(c)
            else:
                runs.append([c])
        joined = [_one_course(b, drug, run) for run in runs]
        for c in joined:
            others = [o for o in out if o.drug != drug]
            out.append(_with_ongoing(b, c, others, latest) or _given_with(b, c, others))
    return out


def _with_ongoing(b: Builder, doses: Course, others: list[Course], latest: str) -> Course | None:
    """The doses as given with the one course of another drug still going on, where they start
    with it and the last of them is within a dosing gap (``DOSE_GAP_DAYS``) of the record's
    ``latest`` date (5960: monthly fulvestrant beside an active ribociclib order ended at its
    last dose, and the plan put fulvestrant first); else None."""
    if doses.stop_reason is not None or not (doses.started_on and doses.ended_on and latest):
        return None
    fits = [
        o
        for o in others
        if o.stop_reason == "ongoing"
        and o.ended_on is None
        and o.started_on
        and _days(o.started_on, doses.started_on) <= WITH_DAYS
        and 0 <= _days_after(doses.ended_on, latest) <= DOSE_GAP_DAYS
    ]
    if len({o.started_on for o in fits}) != 1:  # one treatment: its drugs started together
        return None
    o = fits[0]
    b.assume(
        doses.path,
        f"{doses.drug}'s doses given with {o.drug}, which goes on (the last dose {doses.ended_on}, "
        f"within {DOSE_GAP_DAYS} days of the record's latest date): one ongoing treatment",
    )
    return attrs.evolve(
        doses, started_on=o.started_on, ended_on=None, setting=doses.setting or o.setting,
        stop_reason="ongoing",
    )  # fmt: skip


def _days(a: str, c: str) -> int:
    return abs(_days_after(a, c))


def _days_after(a: str, c: str) -> int:
    """Days from ``a`` to ``c`` (negative where ``c`` comes first)."""
    return (dt.date.fromisoformat(str(c)[:10]) - dt.date.fromisoformat(str(a)[:10])).days


def planned_ends(b: Builder, courses: list[Course], written: str | None) -> None:
    """An end after the document was written (the bundle's ``timestamp``) is the end a course
    was planned for, which EHRs seldom update when it stops: when it stopped is not recorded
    (case 5964: read as its stop, the plan's date became 2027). Without a timestamp no date
    tells a planned end from a real one (6057: the order's own start stood in, and a real
    stop date was lost), and ends are read as given."""
    for c in courses:
        if written and c.ended_on and str(c.ended_on)[:10] > written:
            b.assume(
                c.path,
                f"{c.drug}: its end ({c.ended_on}) is after the document was written ({written}): "
                "a planned end, not when it stopped, which is not recorded",
            )
            c.ended_on = None


#: doses run through another drug's course (a partner's injections): they start within this
#: many days of its start and end within twice this of its end (case 2424)
WITH_DAYS = 31


def _given_with(b: Builder, doses: Course, others: list[Course]) -> Course:
    """The doses as given with the one course of another drug whose dates they run through:
    its dates, setting and stop reason (case 2424: fulvestrant's injections beside
    palbociclib's request that progressed lost that progression), an assumption."""
    if not (doses.started_on and doses.ended_on):
        return doses
    fits = [
        o
        for o in others
        if o.started_on
        and o.ended_on
        and not o.dose
        and _days(o.started_on, doses.started_on) <= WITH_DAYS
        and _days(o.ended_on, doses.ended_on) <= 2 * WITH_DAYS
        and (doses.stop_reason in (None, o.stop_reason))
    ]
    if len(fits) != 1:
        return doses
    o = fits[0]
    b.assume(doses.path, f"{doses.drug}'s doses given with {o.drug} (its dates): one treatment")
    return attrs.evolve(
        doses,
        started_on=o.started_on,
        ended_on=o.ended_on,
        setting=doses.setting or o.setting,
        stop_reason=o.stop_reason,
    )


def _one_course(b: Builder, drug: str, run: list[Course]) -> Course:
    first, last = run[0], run[-1]
    if len(run) == 1:
        return first
    paths = ", ".join(c.path for c in run)
    end = last.ended_on or last.started_on
    b.assume(
        paths, f"{len(run)} administrations of {drug} from {first.started_on} to {end}: one course"
    )
    return Course(
        path=paths,
        drug=drug,
        started_on=first.started_on,
        ended_on=end,
        setting=first.setting,
        stop_reason=next((c.stop_reason for c in reversed(run) if c.stop_reason), None),
    )


def _unstated_joined(groups: dict[object, list[Course]]) -> dict[object, list[Course]]:
    """A course of the same dates as another, with no stop reason or setting of its own where
    the other states one, joins it (case 2360b: letrozole recorded as a MedicationStatement
    beside palbociclib's request, which says it progressed in metastatic disease); where more
    than one group could take it, it stays on its own."""
    out: dict[object, list[Course]] = {}
    for key, group in groups.items():
        target = key
        if isinstance(key, tuple) and not (key[2] and key[3]):
            fits = [
                k
                for k in groups
                if isinstance(k, tuple)
                and k != key
                and k[:2] == key[:2]
                and all(mine in ("", theirs) for mine, theirs in zip(key[2:], k[2:], strict=True))
            ]
            target = fits[0] if len(fits) == 1 else key
        out.setdefault(target, []).extend(group)
    return out


def read_as_medication(label: str) -> bool:
    """A medication the plan reads, not a course: whatever a profile's medications are read as
    (``read_as``: a strong or moderate CYP3A inhibitor or inducer, rules 115 and 153; an
    anticoagulant, rules 132 and 136; a drug known to prolong the QT interval, rule 142), or an
    insulin (the diabetes's, rule 78). One list for both (7233: apixaban and enoxaparin as
    orders were left out, which as a statement were read)."""
    return bool(read_as(label)) or is_insulin(label)


def agent(
    b: Builder, coded: list[str], label: str | None, path: str, *, cancer: bool = False
) -> str | None:
    """The resistx drug of an agent: by a code resistx lists (an RxNorm RXCUI, an NCIt or
    DrugBank CURIE), else by its label (reported). ``cancer``: the record says it is a cancer
    treatment (mCODE's cancer-related medication): one resistx cannot read is a problem, not
    left out (case 5855: the plan read the patient as never treated with it)."""
    for code in coded:
        name = drugs.by_code(code)
        if name is None:
            continue
        labelled = named_in(label) if label else ()
        if labelled and name not in labelled:  # the review of real records, 3106
            b.problem(
                path,
                f"agent code {code} is {name}, its label {label!r} names "
                f"{', '.join(labelled)}: which drug was given?",
            )
            return None
        b.use(path, code, f"agent {name}")
        return name
    named = named_in(label) if label else ()
    shown = ", ".join(coded) or None
    if label and (unread := drugs.unread_agents(label)):  # case 2683a: 'palbo + letrozole'
        b.problem(
            path,
            f"agent {label!r} names {', '.join(named)} beside "
            f"{', '.join(map(repr, unread))}, which is no drug resistx reads: give each drug "
            "as an agent (a medication) of its own, by its full name",
        )
        return None
    if len(named) > 1:  # case 2609: not the first of them alone
        b.problem(
            path,
            f"agent {label!r} names {len(named)} drugs ({', '.join(named)}): give each as an "
            "agent (a medication) of its own",
        )
        return None
    # by its whole label, or the one drug its words name (case 2610: 'Palbociclib Tablet 125 mg')
    name = (drugs.by_label(label) if label else None) or next(iter(named), None)
    if name is not None:
        b.assume(path, f"agent {label!r} read by its label as {name}", shown)
        return name
    if label and read_as_medication(label):
        # not a course: a medication rule 115 or 132, or the diabetes's insulin, reads (case
        # 1276; a vitamin K antagonist ordered: session 54)
        b.add("medications", label, path)
        b.use(path, shown, f"agent {label!r}, not a cancer treatment: medications")
        return None
    if label and (said := drugs.not_a_course(label)):  # case 2764: 'Herceptin 440 mg'
        b.problem(path, f"agent {label!r}: {said}")
        return None
    if label and (meant := drugs.near(label) or drugs.abbreviates(label)) is not None:
        # a misspelt course (case 1945), or an abbreviated one, Palbo for palbociclib (2764)
        b.problem(path, f"agent {label!r} is not a drug resistx knows; did you mean {meant}?")
        return None
    if cancer and not label:  # a named one is reported below (supportive drugs: 5951)
        b.problem(
            path,
            f"agent without a name{f' (code {shown})' if shown else ''}: a cancer-related "
            "medication whose drug resistx cannot tell; give the drug's RxNorm code or its "
            "name (text)",
        )
        return None
    if not label and shown:  # 7528: an interacting drug by its code alone went unread
        b.problem(
            path,
            f"agent coded {shown} with no name (display or text): resistx reads a "
            "medication's interactions by its name; give it",
        )
        return None
    b.skip(path, shown, f"agent {label or 'without a label'}: not a drug resistx knows; left out")
    return None
