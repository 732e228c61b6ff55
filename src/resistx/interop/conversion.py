"""A conversion: the resistx profile a source document gives, and a report of how.

The converters collect what they read into a ``Builder``; ``Builder.finish`` writes the profile
in resistx's profile JSON form (schema 2) and loads it with ``resistx.load_profile``, the same
checks a hand-written profile goes through. A problem those checks find is reported at its
path in the source document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

import attrs

from resistx._errors import ProfileError
from resistx.interop import _labs
from resistx.interop._source import Reader
from resistx.io.profile import load_profile
from resistx.model.profile import SCHEMA_VERSION, Profile
from resistx.vocab.interactions import insulin_taken_now

V = TypeVar("V")


@attrs.frozen(kw_only=True)
class ReportEntry:
    """One element of the source: where it is, its code (if it has one), and what was done."""

    path: str
    code: str | None
    text: str


@attrs.frozen(kw_only=True)
class Conversion:
    """A resistx ``Profile`` from a standard document, with everything the conversion did:
    the elements it used, those it could not map (with their paths and codes), and every
    assumption it made. Nothing in the source is dropped without an entry here."""

    source_format: str
    profile: Profile
    used: tuple[ReportEntry, ...]
    unmapped: tuple[ReportEntry, ...]
    assumptions: tuple[ReportEntry, ...]
    #: the official package that validated the document, or None where it is not installed
    validated_with: str | None

    def report(self) -> str:
        """The report as text: validation, then unmapped elements, assumptions and used ones."""
        checked = self.validated_with or "not validated (install resistx[interop])"
        lines = [f"Converted from {self.source_format}; schema check: {checked}"]
        for title, entries in (
            ("Not mapped", self.unmapped),
            ("Assumptions", self.assumptions),
            ("Used", self.used),
        ):
            lines.append(f"{title} ({len(entries)}):")
            lines += [f"  {e.path}{f' [{e.code}]' if e.code else ''}: {e.text}" for e in entries]
        return "\n".join(lines)


#: profile fields in the order a hand-written profile gives them
_ORDER = ("schema_version", "patient_id", "hormone_receptor", "her2", "her2_tests", "sex", "ecog")


class Her2Reading(NamedTuple, Generic[V]):
    """A HER2 IHC score or ISH result as read: its value, date, source path and the reference
    of the specimen it was done on, where the document names one."""

    value: V
    date: str | None
    path: str
    specimen: str | None


#: a pregnancy status older than this before the record's latest date is over (about 43 weeks)
_PREGNANCY_DAYS = 300


class Builder(Reader):
    """What a converter has read so far, each piece with its source path."""

    def __init__(self, source_format: str) -> None:
        super().__init__()
        self.source_format = source_format
        self.fields: dict[str, Any] = {}
        #: (ER or PR, positive / low / negative, (date or "", from a percentage), path)
        self.receptors: list[tuple[str, str, tuple[str, bool], str]] = []
        self.her2_interpretation: tuple[bool, str] | None = None
        #: HER2 IHC scores and ISH results, paired when all are read
        self.ihc: list[Her2Reading[str]] = []
        self.ish: list[Her2Reading[bool]] = []
        #: ECOG results (date or "", score, path): the latest is the patient's
        self.ecog: list[tuple[str, int, str]] = []
        self.lists: dict[str, list[Any]] = {
            "her2_tests": [],
            "comorbidities": [],
            "other_conditions": [],
            "biomarkers": [],
            "treatments": [],
            "medications": [],
            "metastatic_sites": [],
        }
        #: (date, gene, path) of a variant found in ctDNA in a gene resistx does not read: the
        #: draw held tumour DNA (``_informative_draws``)
        self.ctdna_found: list[tuple[str | None, str, str]] = []
        #: (date, path) of each metastasis's onset: the relapse date after (neo)adjuvant
        #: treatment (``_relapse``; case 2366b)
        self.relapse_onsets: list[tuple[str, str]] = []
        #: (label, last end, path, code) of each medication the plan reads whose every dose
        #: period has an end: taken now only if one ends on or after the record's latest date
        #: (``_ending``; the recheck of case 2789: an order running to August was dropped)
        self.ending: list[tuple[str, str, str, str | None]] = []
        #: (date, path, pregnant or not) of each pregnancy status observed (``_pregnant``)
        self.pregnant: list[tuple[str, str, bool]] = []
        #: (date or "", LOINC code, value, unit, path) of each lab the rules read
        #: (``_labs.resolve``)
        self.labs: list[tuple[str, str, float, str, str]] = []
        #: profile path -> the source path it came from
        self.origins: dict[str, str] = {}
        self.used: list[ReportEntry] = []
        self.unmapped: list[ReportEntry] = []
        self.assumptions: list[ReportEntry] = []

    # -- recording -------------------------------------------------------------------------

    def use(self, path: str, code: str | None, text: str) -> None:
        self.used.append(ReportEntry(path=path, code=code, text=text))

    def skip(self, path: str, code: str | None, text: str) -> None:
        self.unmapped.append(ReportEntry(path=path, code=code, text=text))

    def assume(self, path: str, text: str, code: str | None = None) -> None:
        self.assumptions.append(ReportEntry(path=path, code=code, text=text))

    def rest(self, data: Mapping[str, Any], path: str, read: Iterable[str], why: str) -> None:
        """Report every key of ``data`` that was not read, so nothing is dropped silently."""
        for key in data:
            if key not in read:
                self.skip(f"{path}.{key}", None, why)

    def set(self, field: str, value: Any, path: str) -> None:
        self.fields[field] = value
        self.origins[f"$.{field}"] = path

    def add(self, field: str, value: Any, path: str) -> None:
        items = self.lists[field]
        self.origins[f"$.{field}[{len(items)}]"] = path
        items.append(value)

    # -- the profile -----------------------------------------------------------------------

    def _hormone_receptor(self) -> str | None:
        """ER's latest reading (at one date a percentage before a coded result: 'ER low
        positive' is coded positive; case 1257), where results disagree said in the report
        (case 1274); without ER, PR positive; ER-low is low."""
        if not self.receptors:
            self.problem("$", "no ER or PR result: resistx needs the hormone-receptor status")
            return None
        rank = {"negative": 0, "low": 1, "positive": 2}
        er = sorted(
            (when, rank[state], state, path)
            for name, state, when, path in self.receptors
            if name == "ER"
        )
        if er:
            _when, _rank, state, path = er[-1]
            if len({s for *_, s, _ in er}) > 1:
                shown = ", ".join(f"{s} ({w[0] or 'undated'})" for w, _, s, _ in er)
                said = f"ER results disagree ({shown}): the latest date's highest, {state}, is read"
                self.assume(path, said)
                self.add("other_conditions", f"{said} (resistx reads one)", path)
            return state
        pr = any(s == "positive" for name, s, _, _ in self.receptors if name == "PR")
        return "positive" if pr else "negative"

    def _her2(self) -> str | None:
        if self.her2_interpretation is not None and self.her2_interpretation[0]:
            # positive, even beside IHC scores: load_profile checks that her2 and the tests
            # agree, and says so when they do not (a score never overrules it silently)
            return "positive"
        if self.lists["her2_tests"]:
            return None  # load_profile derives it from the tests
        if self.her2_interpretation is None:
            self.assume("$", "no HER2 result: HER2 is unknown (the plan asks for an IHC test)")
            return "unknown"
        positive, path = self.her2_interpretation
        if positive:
            return "positive"
        self.assume(path, "HER2 negative without an IHC score: 0 or low is unknown")
        return "unknown"

    def profile_data(self) -> dict[str, Any]:
        """The profile in resistx's JSON form (schema 2)."""
        self._ending()
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **self.fields}
        data["hormone_receptor"] = self._hormone_receptor()
        her2 = self._her2()
        if her2 is not None:
            data["her2"] = her2
            self.origins["$.her2"] = (
                self.her2_interpretation[1] if self.her2_interpretation else "$"
            )
        self._pregnant()
        data.update({k: v for k, v in self.lists.items() if v})
        self._insulin(data)
        _labs.resolve(self, data)
        self._informative_draws(data)
        self._relapse(data)
        if "menopausal_status" not in data and data.get("sex") != "male":
            self.assume(  # 7235: it changed the first option, and the report never said so
                "$",
                "menopausal status: not in the document, left unknown (the plan asks for it "
                "before choosing; it can change the first option)",
            )
        if self.problems:
            raise ProfileError(self.problems)
        order = {k: i for i, k in enumerate(_ORDER)}
        return dict(sorted(data.items(), key=lambda kv: order.get(kv[0], len(order))))

    def _relapse(self, data: dict[str, Any]) -> None:
        """The earliest onset of a metastasis is the relapse date where (neo)adjuvant treatment
        is on record, an assumption the report states (case 2366b: a relapse 5.5 months after
        neoadjuvant chemotherapy went unread, and DESTINY-Breast04's early relapse with it);
        without one the disease is de novo, and the onset is reported, not read."""
        if not self.relapse_onsets or "relapsed_on" in data:
            return
        date, path = min(self.relapse_onsets)
        early = ("adjuvant", "neoadjuvant")
        if any(t.get("setting") in early for t in data.get("treatments", ())):
            data["relapsed_on"] = date
            self.origins["$.relapsed_on"] = path
            self.assume(
                path,
                f"the earliest metastasis's onset, after (neo)adjuvant treatment: "
                f"relapsed_on {date}",
            )
        else:
            self.skip(
                path,
                None,
                "the onset of metastatic disease with no (neo)adjuvant "
                "treatment on record: de novo disease has no relapse date",
            )

    def latest_date(self, more: Iterable[str | None] = ()) -> str:
        """The record's latest date as far as read (its courses, results, ECOG scores, the
        onsets of its metastases, as_of and the relapse), with ``more`` (courses not yet
        added): the one reading of 'the record's latest date' (6050-d: a series stopped
        months before an ECOG was read as going on)."""
        dated = [
            str(r.get(k))
            for field in ("treatments", "biomarkers", "her2_tests")
            for r in self.lists[field]
            if isinstance(r, dict)
            for k in ("started_on", "ended_on", "tested_on")
            if r.get(k)
        ]
        dated += [str(self.fields[k]) for k in ("as_of", "relapsed_on") if self.fields.get(k)]
        dated += [d for d, _score, _path in self.ecog if d]
        dated += [d for d, _path in self.relapse_onsets]
        dated += [str(d) for d in more if d]
        return max((d[:10] for d in dated), default="")

    def _ending(self) -> None:
        """A medication whose doses end before the record's latest date is not taken now
        (reported); one whose doses end on or after it is (an assumption)."""
        latest = self.latest_date()
        for label, end, path, code in self.ending:
            if latest and end < latest:
                self.skip(
                    path,
                    code,
                    f"{label}: its doses ended {end}, before the record's "
                    f"latest date ({latest}): not taken now",
                )
            else:
                self.add("medications", label, path)
                self.assume(
                    path,
                    f"{label}: its doses end {end}, on or after the record's "
                    "latest date: read as taken now",
                )

    def _pregnant(self) -> None:
        """A pregnancy status observed as pregnant is the comorbidity, once, beside a coded
        pregnancy condition or not (session 65, p-preg-obs: LOINC 82810-3 was not read), an
        assumption the report states: the status of that date read as current."""
        if not self.pregnant:
            return
        date, path, pregnant = max(self.pregnant)  # the latest status (the second recheck)
        if not pregnant:
            return
        latest = self.latest_date()
        if (
            date
            and latest
            and (dt.date.fromisoformat(latest) - dt.date.fromisoformat(date)).days > _PREGNANCY_DAYS
        ):
            self.skip(
                path,
                None,
                f"pregnancy status 'pregnant' of {date}: over {_PREGNANCY_DAYS} "
                f"days before the record's latest date ({latest}), not read as current",
            )
            return
        named = [c if isinstance(c, str) else c.get("name") for c in self.lists["comorbidities"]]
        if "pregnancy" not in named:
            self.add("comorbidities", "pregnancy", path)
        self.assume(path, f"pregnancy status 'pregnant' ({date or 'undated'}): read as current")

    def _insulin(self, data: dict[str, Any]) -> None:
        """Insulin among the medications makes the diabetes on record one that needs insulin
        (rule 78 reads it; case 1259), an assumption the report states."""
        insulin = [m for m in data.get("medications", ()) if insulin_taken_now(m)]  # 2771
        found = [i for i, c in enumerate(data.get("comorbidities", ())) if c == "diabetes"]
        if insulin and found:
            data["comorbidities"][found[0]] = {"name": "diabetes", "insulin": True}
            where = self.origins.get(f"$.comorbidities[{found[0]}]", "$")
            self.assume(where, f"diabetes beside {insulin[0]!r}: read as diabetes needing insulin")

    def _informative_draws(self, data: dict[str, Any]) -> None:
        """A ctDNA draw that found a variant in a gene resistx does not read held tumour DNA:
        its negatives are read as informative (``low_shedding`` false), an assumption the
        report states (case 1948: GATA3 dropped, the plan said the draw found nothing)."""
        for date, gene, path in self.ctdna_found:
            for i, r in enumerate(data.get("biomarkers", ())):
                same = r.get("sample") == "ctdna" and r.get("tested_on") == date
                if same and r.get("status") == "not_detected" and "low_shedding" not in r:
                    r["low_shedding"] = False
                    self.assume(
                        self.origins.get(f"$.biomarkers[{i}]", path),
                        f"the ctDNA draw found {gene} (a gene resistx does not read, {path}): it "
                        "held tumour DNA, so this negative is read as informative "
                        "(low_shedding false)",
                    )

    def finish(self, validated_with: str | None) -> Conversion:
        data = self.profile_data()
        try:
            profile = load_profile(data)
        except ProfileError as e:
            raise ProfileError([(self._source_path(p), m) for p, m in e.problems]) from None
        return Conversion(
            source_format=self.source_format,
            profile=profile,
            used=tuple(dict.fromkeys(self.used)),
            unmapped=tuple(dict.fromkeys(self.unmapped)),
            assumptions=tuple(dict.fromkeys(self.assumptions)),
            validated_with=validated_with,
        )

    def _source_path(self, path: str) -> str:
        """The source path a profile path came from, the profile path beside it."""
        best = max(
            (k for k in self.origins if path == k or path.startswith((k + ".", k + "["))),
            key=len,
            default=None,
        )
        return f"{self.origins[best]} (profile {path})" if best else f"$ (profile {path})"
