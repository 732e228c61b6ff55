"""A second, blind reading of ``update-2026.md``, checked against evidence pack 2026.11.

``tests/data/update_figures.csv`` was written from the update document by a reader who did
not see the pack: one row per figure (medians, rates, hazard ratios, adverse events, and
``OTHER`` for figures the evidence model has no field for), with where it is printed. Every
row must be a figure the pack encodes, or one reading of a discrepancy the pack records; an
``OTHER`` row, and the few rows listed in ``NOTED`` with the reason, must be in the trial's
notes. And the other way round: every figure the pack adds (a new trial's, or an amendment's)
is one the reader found.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

import resistx
from resistx.model import EndpointKind, Trial

TABLE = Path(__file__).parent / "data" / "update_figures.csv"
with TABLE.open(encoding="utf-8", newline="") as _f:
    ROWS = list(csv.DictReader(_f))

PACK = "2026.11"
#: the reader's names for studies the pack records under another key
ALIASES = {
    "PF-07248144 phase 1": "phase1-pf07248144",
    "ELAINE-1": "ELAINE-3",  # ELAINE-3's phase 2 background, in its notes
    "ELAINE-2": "ELAINE-3",
}
#: rows (trial, population prefix) the pack keeps as a note of the trial, not as a figure
NOTED = {
    ("ELAINE-1", "ITT"): "phase 2 background of ELAINE-3; no record of its own (no citation)",
    ("ELAINE-2", "ITT"): "phase 2 background of ELAINE-3 (its PFS printed '~13 mo')",
    ("CAPItello-291", "Chinese extended cohort"): "the document names no endpoint for these "
    "HRs and prints no CIs (the reader took them for PFS)",
}
FIGURE_KINDS = ("PFS", "OS", "ORR", "CBR", "PFS_RATE", "HR_PFS", "HR_OS", "AE_ANY", "AE_G3")


def _pack() -> resistx.EvidenceBase:
    return resistx.evidence(PACK)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


def _numbers(text: str) -> list[float]:
    return [float(t) for t in re.findall(r"\d+(?:\.\d+)?", text)]


def _values(
    trial: Trial, what: str, *, added: bool = False
) -> list[tuple[float, tuple[float, float] | None]]:
    """The trial's figures of a kind; ``added``: only those a pack added (they carry a
    verification level; the review's own figures do not)."""

    def keep(figure: object) -> bool:
        return not added or getattr(figure, "verification", None) is not None

    if what in {k.value for k in EndpointKind}:
        return [(e.value, e.ci95) for e in trial.endpoints if e.kind.value == what and keep(e)]
    if what.startswith("HR_"):
        kind = what.removeprefix("HR_")
        return [
            (h.value, h.ci95)
            for h in trial.hazard_ratios
            if h.endpoint_kind.value == kind and keep(h)
        ]
    if what == "AE_ANY":
        return [
            (a.any_grade_percent, None)
            for a in trial.adverse_events
            if a.any_grade_percent is not None and keep(a)
        ]
    if what == "AE_G3":
        return [
            (a.grade3plus_percent, None)
            for a in trial.adverse_events
            if a.grade3plus_percent is not None and keep(a)
        ]
    return []


def _in_discrepancy(trial: Trial, numbers: list[float]) -> bool:
    """Every given number is in one reading of a discrepancy recorded for the trial."""
    return any(
        all(any(_close(n, x) for x in _numbers(reading)) for n in numbers)
        for d in _pack().discrepancies_for(trial.key)
        for reading in d.readings
    )


def _in_notes(trial: Trial, value: float) -> bool:
    return any(_close(value, x) for note in trial.notes for x in _numbers(note))


def _ci(row: dict[str, str]) -> list[float]:
    return [float(x) for x in (row["ci_low"], row["ci_high"]) if x and x != "NE"]


def _mismatch(row: dict[str, str]) -> str | None:
    eb = _pack()
    key = ALIASES.get(row["trial"], row["trial"])
    if key not in eb:
        return f"no trial {row['trial']}"
    trial = eb.trial(key)
    value = float(row["value"])
    said = f"{row['trial']} {row['what']} {row['population']} {row['arm_hint']} {row['value']}"
    noted = any(t == row["trial"] and row["population"].startswith(p) for t, p in NOTED)
    if row["what"] == "OTHER" or noted:
        return None if _in_notes(trial, value) else f"{said}: not in the trial's notes"
    ci = _ci(row)
    for v, c in _values(trial, row["what"]):
        if _close(v, value) and (not ci or c is None or all(map(_close, c, ci))):
            return None
    if _in_discrepancy(trial, [value, *ci]):
        return None
    return f"{said} ({row['where']})"


def test_the_second_reading_is_substantial() -> None:
    assert len(ROWS) >= 150
    assert {r["what"] for r in ROWS} >= {"PFS", "OS", "HR_PFS", "HR_OS", "AE_G3", "OTHER"}


def test_every_figure_of_the_second_reading_is_in_the_pack() -> None:
    mismatches = [m for m in map(_mismatch, ROWS) if m is not None]
    assert not mismatches, "\n".join(mismatches)


def test_every_figure_the_pack_adds_was_found_by_the_second_reader() -> None:
    read = {(ALIASES.get(r["trial"], r["trial"]), r["what"], float(r["value"])) for r in ROWS}
    unread = [
        f"{trial.key} {what} {value}"
        for trial in _pack().trials
        for what in FIGURE_KINDS
        for value, _ci in _values(trial, what, added=True)
        if (trial.key, what, value) not in read
    ]
    assert not unread, "\n".join(unread)


@pytest.mark.parametrize("trial", sorted({r["trial"] for r in ROWS}))
def test_every_trial_of_the_second_reading_is_in_the_pack(trial: str) -> None:
    assert ALIASES.get(trial, trial) in _pack()


def test_no_unverified_figure_is_encoded() -> None:
    """Figures update-2026.md marks UNVERIFIED or CONFLICT are never encoded: the ultralow
    subgroup of DESTINY-Breast06 (15.1 vs 8.3 months, HR 0.76 or 0.78), INAVO120's updated
    PFS (17.2 months) and evERA's OS are absent."""
    eb = _pack()
    db06 = eb.trial("DESTINY-Breast06")
    assert not [v for v, _ in _values(db06, "PFS") if _close(v, 15.1)]
    assert not [v for v, _ in _values(db06, "HR_PFS") if _close(v, 0.76) or _close(v, 0.78)]
    assert not [v for v, _ in _values(eb.trial("INAVO120"), "PFS") if _close(v, 17.2)]
    assert not _values(eb.trial("evERA"), "OS")
    assert not _values(eb.trial("evERA"), "HR_OS")


def _texts(trial: str) -> str:
    """Everything the pack says of a trial in words: its notes, and each discrepancy's
    readings, choice and reason."""
    eb = _pack()
    said = list(eb.trial(trial).notes)
    for d in eb.discrepancies_for(trial):
        said += [*d.readings, d.chosen, d.why]
    return " ".join(said)


def test_no_unverified_figure_is_quoted_in_the_words_either() -> None:
    """Review of case 2520's round: the unverified figures were kept out of the figures but
    quoted in the notes and discrepancies that ``resistx trial`` prints (DESTINY-Breast06's
    ultralow PFS, INAVO120's updated PFS) and an unverified approval's brand name; a
    recorded conflict names its sources, not the figures the document does not vouch for."""
    assert not [x for x in _numbers(_texts("DESTINY-Breast06")) if _close(x, 15.1)]
    assert not [x for x in _numbers(_texts("INAVO120")) if _close(x, 17.2) or _close(x, 7.3)]
    assert "Revtorpyk" not in _texts("VIKTORIA-1")
    assert "Revtorpyk" not in " ".join(n for a in _pack().approvals for n in a.notes)
