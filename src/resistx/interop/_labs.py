"""Lab measurements the rules read from a comorbidity's field, given as FHIR Observations
(session 66, 7478: an HbA1c of 9.5%, a QTc of 520 ms, an LVEF of 35% were 'not a test resistx
reads', and the plan went ahead as if none were known). The converter maps no lab value into a
comorbidity (a value alone is no diagnosis, and which comorbidity's field it fills is the
clinician's to say); one beyond the limit the rules act on is refused, saying where it goes, as
the same value written in ``other_conditions`` is. A value in range is reported, not mapped."""

from __future__ import annotations

from typing import NamedTuple


class Lab(NamedTuple):
    what: str  # how the refusal names it
    above: float | None  # a value above this is one the rules act on
    below: float | None  # ... or below this
    goes: str  # where it is recorded


#: by LOINC code: the limits follow the free-text checks (an HbA1c of 6.5% or more, a QTc of
#: 450 ms or more, an LVEF under 50%, a clearance under 90 mL/min, a bilirubin above 1.2 mg/dL)
LABS = {
    **dict.fromkeys(
        ("4548-4", "17856-6", "4549-2"),
        Lab("an HbA1c", 6.49, None, '{"name": "diabetes", "hba1c": <%>}'),
    ),
    "8636-3": Lab("a QTc", 449.9, None, '{"name": "qtc_prolonged"}'),
    **dict.fromkeys(
        ("10230-1", "8806-2", "18043-0"),
        Lab("an LVEF", None, 50, '{"name": "cardiac_disease", "lvef": <%>}'),
    ),
    "2164-2": Lab(
        "a creatinine clearance", None, 90, '{"name": "renal_impairment", "creatinine_clearance"}'
    ),
    "1975-2": Lab("a total bilirubin", 1.2, None, '{"name": "hepatic_impairment"}'),
}


def lab_refusal(code: str | None, number: float | None) -> str:
    """The refusal of a lab value beyond the limit the rules act on, or "" (the limits hold
    for the units LOINC gives these codes; an LVEF given as a fraction is read in percent)."""
    lab = LABS.get(code or "")
    if lab is None or number is None:
        return ""
    value = number * 100 if code in ("10230-1", "8806-2", "18043-0") and number <= 1 else number
    if lab.above is not None and value <= lab.above:
        return ""
    if lab.below is not None and value >= lab.below:
        return ""
    return (
        f"{lab.what} of {value:g} [{code}], which the rules read from a comorbidity, and the "
        f"converter maps no lab value: record it in the converted profile's comorbidities "
        f"as {lab.goes}"
    )
