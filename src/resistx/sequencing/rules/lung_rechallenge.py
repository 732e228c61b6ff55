"""Rule 12 on an interstitial lung disease that a drug caused: what its exclusion says of giving
it again (case 422), and after a grade 0-1 what its label allows in place of leaving it out
(case 1233)."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.profile import Condition
from resistx.sequencing.rule import Effect
from resistx.vocab.comorbidities import Comorbidity

#: what an exclusion of COMORBIDITY_RISKS says in place of EXCLUSION_NOTES when the
#: comorbidity is an adverse event that stopped this very drug before (case 422)
RECHALLENGE_NOTES: MappingProxyType[tuple[Comorbidity, str], str] = MappingProxyType(
    {
        (
            Comorbidity.INTERSTITIAL_LUNG_DISEASE,
            "trastuzumab deruxtecan",
        ): "its label stops it for good "
        "after interstitial lung disease or pneumonitis of grade 2 or worse, and allows it again "
        "only after a grade 1 that resolved fully (Enhertu US prescribing information; not in "
        "the review): record its grade, as a grade 1 puts it back among the options",
    }
)
#: what a drug's label allows after an interstitial lung disease of grade 0-1 that this drug
#: caused (case 1233): not left out, a caution with the label's terms in place of RECHALLENGE_NOTES
RESUMED_AFTER_GRADE_1: MappingProxyType[str, str] = MappingProxyType(
    {
        "trastuzumab deruxtecan": "its label gives it again only once the lung disease has "
        "resolved to grade 0, at the same dose or one dose level lower by how soon it resolved "
        "(the label's schedule), and stops it for good at grade 2 or worse; a CT and a watch for "
        "cough, dyspnoea or fever throughout (Enhertu US prescribing information; not in the "
        "review)",
    }
)


def resumed(condition: Condition, name: str, drug: str, stopped: tuple[str, ...]) -> Effect | None:
    """The caution in place of the exclusion where ``condition`` is an interstitial lung disease
    of grade 0-1 that ``drug`` caused (it ``stopped`` it) and its label allows it again; else
    None. ``name``: the condition as the plan names it."""
    if condition.grade is None or condition.grade > 1 or drug not in stopped:
        return None
    allowed = RESUMED_AFTER_GRADE_1.get(drug)
    if allowed is None:
        return None
    code = f"{condition.name.value}_caution"
    return Effect(code=code, caution=True, text=f"{name}: {allowed}.")
