"""What holds capecitabine, the review's chemotherapy by mouth, back for a patient: a creatinine
clearance below 30 mL/min or DPD deficiency (their labels: contraindicated), progression on it,
or its stop for toxicity (rules 110 and 156: where infusions are declined, it is all chemotherapy
by mouth that the review's agents leave; cases 7290r, 7290d, and the recheck's 7300j, 7300k)."""

from __future__ import annotations

from resistx.model.enums import StopReason
from resistx.model.profile import Condition
from resistx.sequencing.facts import Facts
from resistx.vocab.comorbidities import Comorbidity

#: the creatinine clearance (mL/min) below which the labels read renal impairment as severe
#: (capecitabine's EU label contraindicates it)
SEVERE_BELOW = 30.0
#: what follows "its EU label contraindicates it" in severe renal impairment (10068): the US
#: label's revision of December 2022 lists severe hypersensitivity as its only contraindication
#: (DailyMed); the EU label's section 4.3 still lists a clearance below 30 mL/min
US_SINCE_2022 = " (its US label no longer does, since December 2022)"


def held_back_by(comorbidities: tuple[Condition, ...]) -> list[str]:
    """The contraindications on record, as a plan names them."""
    found = []
    for c in comorbidities:
        clearance = c.creatinine_clearance
        if c.name is Comorbidity.DPD_DEFICIENCY:
            found.append("the DPD deficiency on record (its label; not in the review)")
        elif (
            c.name is Comorbidity.RENAL_IMPAIRMENT
            and clearance is not None
            and clearance < SEVERE_BELOW
        ):
            found.append(
                f"the creatinine clearance of {clearance:g} mL/min on record (its EU label; not "
                "in the review)"
            )
    return sorted(found)


def held_back(facts: Facts) -> str:
    """Everything that holds capecitabine back, joined ('' for nothing): its contraindications,
    a progression on it, its stop for toxicity."""
    found = held_back_by(facts.profile.comorbidities)
    given = [t for t in facts.in_order if "capecitabine" in t.drugs]
    if "capecitabine" in facts.progressed_drugs:
        found.append("progression on it")
    elif any(t.stop_reason is StopReason.TOXICITY for t in given):
        found.append("its stop for toxicity")
    return " and ".join(found)
