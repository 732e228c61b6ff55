"""Session 62: the reviews of cases 6100 onwards, and what the left items of session 61 held
(an mCODE history naming a cancer drug resistx did not know)."""

from __future__ import annotations

import pytest

import resistx
from resistx.interop import from_fhir
from tests.helpers import (
    CAPECITABINE,
    PALBOCICLIB,
    excluded_for,
    exclusion,
    patient,
    plan,
    result,
    second_line,
)


def test_progression_on_niraparib_leaves_olaparib_out_as_after_another_parp_inhibitor() -> None:
    """6066: a history naming niraparib was refused (or, converted, left the line out): a
    PARP inhibitor given to progression, like talazoparib, leaves olaparib out."""
    gbrca2 = [result("BRCA2", "mutated", origin="germline")]
    p = plan(biomarkers=gbrca2, treatments=[PALBOCICLIB, second_line("niraparib")])
    assert "progressed_on" in excluded_for(p, "olaparib")
    assert any("niraparib" in r.text for r in exclusion(p, "olaparib").reasons)


@pytest.mark.parametrize("drug", ["etoposide", "irinotecan", "Zejula"])
def test_a_cytotoxic_line_of_etoposide_or_irinotecan_counts_as_chemotherapy(drug: str) -> None:
    """6066: oral etoposide and irinotecan are chemotherapy lines like capecitabine (TROPiCS-02's
    'no prior chemotherapy' does not hold after them); Zejula is niraparib's brand."""
    capecitabine = plan(treatments=[PALBOCICLIB, CAPECITABINE])
    other = plan(treatments=[PALBOCICLIB, dict(CAPECITABINE, drugs=[drug])])
    chemo_first = "No prior chemotherapy"
    sg = other.option("sacituzumab-govitecan") or other.exclusion("sacituzumab-govitecan")
    assert sg is not None
    said = " ".join(r.text for r in sg.reasons)
    if drug == "Zejula":  # a PARP inhibitor, not chemotherapy
        assert chemo_first in said
    else:
        assert chemo_first not in said
        assert [o.regimen.id for o in other.options if o.regimen.id != "chemotherapy"][:3] == [
            o.regimen.id for o in capecitabine.options if o.regimen.id != "chemotherapy"
        ][:3]


def test_the_new_drug_names_are_known_to_the_vocabulary() -> None:
    """A profile naming them loads (it was refused: 'not a drug resistx knows')."""
    for name, drug in {
        "Zejula": "niraparib",
        "VP-16": "etoposide",
        "Camptosar": "irinotecan",
    }.items():
        p = resistx.load_profile(patient(treatments=[PALBOCICLIB, second_line(name)]))
        assert p.treatments[1].drugs == (drug,)


def test_an_mcode_order_for_niraparib_is_a_course_of_the_converted_profile() -> None:
    """6066 (left in session 61): a cancer-related order for niraparib was reported by its name
    and left out of the converted profile."""
    from tests.test_board_fixes_5650 import _esr1_bundle  # noqa: PLC0415

    data = _esr1_bundle({"text": "Zejula 100 mg capsule"})
    assert [t.drugs for t in from_fhir(data).profile.treatments] == [("niraparib", "letrozole")]
