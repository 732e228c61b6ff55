"""Scenario tests for session 56: the items left by session 55's reviews that this session
took up, and the findings of its blind reviews (cases 3261 on), each seen failing before its
fix, named after the behaviour a clinician relies on."""

from __future__ import annotations

import pytest

from tests.test_board_fixes_2205 import _planned, _refusal
from tests.test_board_fixes_2790 import _on_qt_drugs


@pytest.mark.parametrize(
    ("entry", "meant"),
    [
        ("sotolol 80 mg bd", "sotalol"),
        ("donezepil 10 mg nocte", "donepezil"),
        ("haloperidiol 1 mg", "haloperidol"),
        ("ondansteron 8 mg prn", "ondansetron"),
    ],
)
def test_a_qt_drug_misspelt_by_one_letter_or_a_swap_is_refused_with_its_name(
    entry: str, meant: str
) -> None:
    """Session 55's left items: 'sotolol' (one letter from sotalol) and 'donezepil' (two
    letters of donepezil swapped) passed as medications resistx does not read, and ribociclib
    kept its place with no word of the QT interval."""
    message = _refusal(_on_qt_drugs(entry))
    assert "medications[0]" in message
    assert f"did you mean {meant}?" in message


@pytest.mark.parametrize(
    "entry",
    [
        "atenolol 50 mg",
        "bisoprolol 2.5 mg",
        "metoprolol",
        "propranolol 40 mg",
        "labetalol",
        "nebivolol",
        "carvedilol",
        "pindolol",
        "doxepin",
        "donepezil 5 mg",
        "galantamine",
        "rivastigmine patch",
        "memantine",
        "granisetron",
        "palonosetron",
        "dolasetron",
        "tropisetron",
        "aripiprazole",
        "sulfasalazine",
        "mesalazine",
        "cetirizine",
        "loratadine",
        "fluoxetine",
        "paroxetine",
        "vortioxetine",
        "flecainide 50 mg",
        "lamotrigine",
        "levetiracetam",
        "gabapentin",
        "pregabalin",
        "oxycodone",
        "hydromorphone",
        "methylphenidate",
        "metformin",
        "amlodipine",
        "nifedipine",
        "felodipine",
        "diltiazem",
        "verapamil",
        "apixaban",
        "rivaroxaban",
        "edoxaban",
        "dabigatran",
    ],
)
def test_common_drugs_one_letter_from_a_read_name_are_not_taken_for_misspellings(
    entry: str,
) -> None:
    """The wider near-miss reading must not refuse a real drug a letter or two from one
    resistx reads (a refusal of a valid profile is its own error)."""
    plan = _planned(_on_qt_drugs(entry), "ye2024")
    assert plan.options
