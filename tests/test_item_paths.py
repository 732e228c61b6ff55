"""Input problems placed where they are: each free-text entry or medication at its own item
(session 66's left item; cases from 7590)."""

from __future__ import annotations

import attrs
import pytest

import resistx
from resistx.interop import from_fhir
from tests.helpers import patient
from tests.test_interop_7260 import _bundle_with


def test_each_free_text_problem_is_placed_at_its_own_item() -> None:
    """Session 66's left item: two free-text problems were one message at `$.other_conditions`
    (and three misspelt medications one at `$.medications`); each is placed at its item, so a
    form can mark the entry that needs changing."""
    data = {
        **patient(),
        "other_conditions": ["hypertension", "ALT 250 U/L", "declines chemotherapy"],
        "medications": ["amlodipine", "Faslodex", "tamoxifen 20 mg"],
    }
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.load_profile(data)
    paths = [path for path, _ in caught.value.problems]
    assert paths == ["$.other_conditions[1]", "$.other_conditions[2]", "$.medications[1]",
                     "$.medications[2]"]  # fmt: skip
    said = dict(caught.value.problems)
    assert "raised liver test" in said["$.other_conditions[1]"]
    assert "declines_kinds" in said["$.other_conditions[2]"]
    assert said["$.medications[2]"].startswith("'tamoxifen 20 mg' names tamoxifen")


def test_a_profile_built_directly_still_names_each_item_in_its_error() -> None:
    """``Profile(...)`` itself raises a ``ProfileError`` (a ValueError) naming each item at its
    path (7673: every problem, as for JSON)."""
    with pytest.raises(ValueError, match=r"\$\.medications\[0\]: 'Faslodex' names fulvestrant"):
        attrs.evolve(resistx.load_profile(patient()), medications=("Faslodex",))


def test_a_converted_medication_problem_names_the_resource_it_came_from() -> None:
    """Placed at its item, a converted record's problem is traced to its own resource (it was
    traced to the list, which no resource holds)."""

    def taken(rid: str, name: str) -> dict[str, object]:
        concept = {"coding": [{"display": name}]}
        return {"resourceType": "MedicationStatement", "id": rid, "status": "active",
                "medicationCodeableConcept": concept}  # fmt: skip

    bundle = _bundle_with(taken("a", "amlodipine 5 mg"), taken("b", "Lantus 20 units"))
    with pytest.raises(resistx.ProfileError) as caught:
        from_fhir(bundle)
    [(path, message)] = caught.value.problems
    where = next(i for i, e in enumerate(bundle["entry"]) if e["resource"].get("id") == "b")
    assert path == f"$.entry[{where}].resource (profile $.medications[1])"
    assert message.startswith("'Lantus 20 units' is an insulin taken now")
