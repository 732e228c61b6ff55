"""Rule 12's cautions with no figure (``UNQUANTIFIED``), by what the profile records beside
them: the label at the creatinine clearance recorded, not a request to check it (case 6206:
at 25 mL/min the cautions asked for the clearance and left capecitabine's contraindication
unapplied); a neuropathy's non-neurotoxic agents without capecitabine where DPD deficiency is
recorded (6231: the two cautions contradicted each other). The US labels; not in the review."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from resistx.model.profile import Condition
from resistx.sequencing.capecitabine import SEVERE_BELOW, US_SINCE_2022
from resistx.sequencing.rules.comorbidity_risks import UNQUANTIFIED
from resistx.vocab.comorbidities import Comorbidity

__all__ = [
    "MODERATE_BELOW",
    "SEVERE_BELOW",
    "UNQUANTIFIED",
    "unquantified",
]

#: ... and below which as moderate (capecitabine's label: 30-50 mL/min)
MODERATE_BELOW = 51.0


#: eribulin's US label: 1.1 mg/m2 (from 1.4) at a creatinine clearance of 15-50 mL/min (8479)
_ERIBULIN = "; eribulin's label lowers its dose to 1.1 mg/m2 at a clearance of 15-50 mL/min"
ERIBULIN_STUDIED_FROM = 15.0


def _capecitabine(clearance: float) -> str:
    eribulin = _ERIBULIN if ERIBULIN_STUDIED_FROM <= clearance < MODERATE_BELOW else ""
    if clearance < SEVERE_BELOW:
        return (
            "capecitabine's EU label contraindicates it at a creatinine clearance below 30 mL/min, "
            f"as recorded here{US_SINCE_2022}: another agent, dosed for renal function{eribulin} "
            "(not in the review)"
        )
    if clearance < MODERATE_BELOW:
        return (
            "capecitabine's label lowers its dose in moderate renal impairment, as recorded "
            f"here, and its EU label contraindicates it in severe{US_SINCE_2022}{eribulin} (not in "
            "the review)"
        )
    return (
        "capecitabine's label needs no lower dose in mild renal impairment, as recorded here, "
        "and lowers it in moderate (not in the review)"
    )


def _ribociclib(clearance: float) -> str:
    if clearance < SEVERE_BELOW:
        return (
            "ribociclib's label lowers its starting dose at a creatinine clearance below 30 "
            "mL/min, as recorded here, and its QT prolongation rises with exposure: an ECG "
            "first (not in the review)"
        )
    return (
        "ribociclib's label needs no lower dose at the clearance recorded here: it lowers its "
        "starting dose in severe renal impairment only (not in the review)"
    )


#: talazoparib's US label (Talzenna prescribing information, Dosage and Administration): 1 mg
#: once daily; 0.75 mg at a creatinine clearance of 30-59 mL/min, 0.5 mg at 15-29 (9648)
TALAZOPARIB_MODERATE_BELOW = 60.0


def _talazoparib(clearance: float) -> str | None:
    """Below 30 mL/min rule 118's caution gives the dose (or its relative contraindication,
    below 15): one caution of the kidneys, not two (9648)."""
    if clearance < SEVERE_BELOW:
        return None
    if clearance < TALAZOPARIB_MODERATE_BELOW:
        return (
            "talazoparib's label lowers its dose to 0.75 mg once daily (from 1 mg) at a "
            "creatinine clearance of 30-59 mL/min, as recorded here (not in the review)"
        )
    return (
        "talazoparib's label needs no lower dose at the clearance recorded here: it lowers it "
        "below 60 mL/min (not in the review)"
    )


_AT_CLEARANCE: MappingProxyType[str, Callable[[float], str | None]] = MappingProxyType(
    {"chemotherapy": _capecitabine, "ribociclib": _ribociclib, "talazoparib": _talazoparib}
)


#: the neuropathy caution where DPD deficiency is on record: capecitabine is no way out (6231)
_NEUROPATHY_WITHOUT_CAPECITABINE = (
    "taxanes, eribulin and vinorelbine can worsen neuropathy, and capecitabine, which is not "
    "neurotoxic, is held back by the DPD deficiency on record: the anthracyclines, given "
    "intravenously, are the agents left that are not neurotoxic; otherwise an agent the "
    "disease has not progressed on, with the neuropathy graded before each cycle"
)


def unquantified(condition: Condition, drug: str, beside: tuple[Condition, ...] = ()) -> str | None:
    """Rule 12's caution for ``drug`` beside ``condition`` with no figure (``UNQUANTIFIED``):
    the label at the creatinine clearance recorded, where it speaks by clearance; a
    neuropathy's without capecitabine beside DPD deficiency (``beside``: the comorbidities)."""
    said = UNQUANTIFIED.get((condition.name, drug))
    if said is None:
        return None
    if condition.name is Comorbidity.NEUROPATHY and drug == "chemotherapy":
        dpd = any(c.name is Comorbidity.DPD_DEFICIENCY for c in beside)
        return _NEUROPATHY_WITHOUT_CAPECITABINE if dpd else said
    clearance = condition.creatinine_clearance
    at = _AT_CLEARANCE.get(drug)
    if condition.name is not Comorbidity.RENAL_IMPAIRMENT or clearance is None or at is None:
        return said
    return at(clearance)
