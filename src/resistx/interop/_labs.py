"""Lab measurements the rules read from a comorbidity's field, given as FHIR Observations or
phenopacket measurements (session 66, 7478: an HbA1c of 9.5%, a QTc of 520 ms, an LVEF of 35%
were 'not a test resistx reads', and the plan went ahead as if none were known). Read once the
whole document is: an HbA1c beside a diabetes on record is that diabetes' ``hba1c`` (the
latest; the recheck, 7529: any diabetic bundle with an HbA1c had stopped converting); a value
beside the comorbidity it concerns is reported; one beyond the limit the rules act on with no
such comorbidity is refused, saying where it goes, as the same value in ``other_conditions``
is (a value alone is no diagnosis); one in range is reported."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from resistx.vocab.comorbidities import hba1c_percent

if TYPE_CHECKING:
    from resistx.interop.conversion import Builder


class Lab(NamedTuple):
    what: str  # how a refusal names it
    comorbidity: str  # the comorbidity it concerns
    above: float | None  # a value above this is one the rules act on
    below: float | None  # ... or below this
    goes: str  # how the refusal says to record it


_HBA1C = Lab("an HbA1c", "diabetes", 6.49, None, '{"name": "diabetes", "hba1c": <%>}')
_QTC = Lab("a QTc", "qtc_prolonged", 449.9, None, '{"name": "qtc_prolonged"}')
_LVEF = Lab("an LVEF", "cardiac_disease", None, 50, '{"name": "cardiac_disease", "lvef": <%>}')
#: a kidney function under 60 mL/min, where the first labelled dose changes (talazoparib's;
#: the second recheck, 7568: an eGFR of 85, usual at this age, stopped a document)
_CLEARANCE = Lab(
    "a kidney function",
    "renal_impairment",
    None,
    60,
    '{"name": "renal_impairment", "creatinine_clearance": <mL/min, Cockcroft-Gault>}',
)
_LIVER = '{"name": "hepatic_impairment"} (with its "child_pugh" class)'
#: by LOINC code: the limits follow the free-text checks (an HbA1c of 6.5% or more, a QTc of
#: 450 ms or more, an LVEF under 50%, a clearance or eGFR under 60 mL/min, a bilirubin above
#: 1.2 mg/dL or 21 umol/L, an ALT or AST above 40 U/L)
LABS = {
    **dict.fromkeys(("4548-4", "17856-6", "4549-2", "59261-8"), _HBA1C),
    **dict.fromkeys(("8636-3", "8634-8"), _QTC),
    **dict.fromkeys(("10230-1", "8806-2", "18043-0"), _LVEF),
    **dict.fromkeys(("2164-2", "33914-3", "48642-3", "48643-1", "62238-1", "98979-8"), _CLEARANCE),
    "1975-2": Lab("a total bilirubin", "hepatic_impairment", 1.2, None, _LIVER),
    "14631-6": Lab("a total bilirubin", "hepatic_impairment", 21.0, None, _LIVER),
    **dict.fromkeys(
        ("1742-6", "1920-8"), Lab("a transaminase", "hepatic_impairment", 40.0, None, _LIVER)
    ),
}
_IFCC = "59261-8"  # an HbA1c in mmol/mol
_UMOL_PER_MG = 17.1  # bilirubin


def value_of(code: str, number: float, unit: str = "") -> float:
    """The value in the unit the limits hold: an HbA1c in %, a QTc in ms, an LVEF in %, a
    bilirubin under 1975-2 in mg/dL (one given in umol/L converted: the second recheck, 7564)."""
    if code == "1975-2" and re.search(r"mol", unit, re.IGNORECASE):
        return round(number / _UMOL_PER_MG, 2)
    if code == _IFCC:
        return round(hba1c_percent(number), 1)
    if LABS[code] is _QTC and number < 1:  # seconds
        return number * 1000
    if LABS[code] is _LVEF and number <= 1:  # a fraction
        return number * 100
    return number


def beyond(code: str, value: float) -> bool:
    lab = LABS[code]
    return (lab.above is not None and value > lab.above) or (
        lab.below is not None and value < lab.below
    )


def resolve(b: Builder, data: dict[str, Any]) -> None:
    """Each lab read (``Builder.labs``), against the comorbidities the document gives."""
    named = [c if isinstance(c, str) else c.get("name") for c in data.get("comorbidities", ())]
    latest_hba1c: tuple[str, float, str, str] | None = None
    ordered = sorted(b.labs, key=lambda lab: lab[0])
    # the latest value of each kind is the patient's now (7566: an ALT of 2023 refused beside
    # a normal one of 2026)
    latest = {LABS[code].what: path for _d, code, _n, _u, path in ordered}
    for date, code, number, unit, path in ordered:
        lab, value = LABS[code], value_of(code, number, unit)
        if lab is _HBA1C and "diabetes" in named:
            latest_hba1c = (date, value, path, code)
        elif lab.comorbidity in named or not beyond(code, value) or latest[lab.what] != path:
            b.skip(path, code, f"{lab.what} of {value:g}: reported, not read")
        else:
            b.problem(
                path,
                f"{lab.what} of {value:g} [{code}] with no {lab.comorbidity} in the document, "
                "which the rules read from the comorbidity: give the condition in the document "
                f"(a Condition), or record it in the profile as {lab.goes}",
            )
    if latest_hba1c is not None:
        _date, value, path, code = latest_hba1c
        at = named.index("diabetes")
        found = data["comorbidities"][at]
        entry = {"name": "diabetes"} if isinstance(found, str) else dict(found)
        entry.setdefault("hba1c", value)
        data["comorbidities"][at] = entry
        b.use(path, code, f"HbA1c {value:g}%: the diabetes' hba1c, the latest")
