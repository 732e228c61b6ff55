"""Rule 12 on an interstitial lung disease that a drug caused: what its exclusion says of giving
it again (case 422), and after a grade 0-1 what its label allows in place of leaving it out
(case 1233); and on a chronic lung disease beside the deruxtecan ADCs, by its severity (case
1831)."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.profile import Condition
from resistx.sequencing.rule import Effect, Precedence
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
        "the review)",
    }
)
#: what a rechallenge note adds while the lung disease's grade is not on record (with a grade of
#: 2 or worse recorded it would invite a regrading: case 7213)
ASK_GRADE = ": record its grade, as a grade 1 puts it back among the options"


def rechallenge_note(condition: Condition, drug: str) -> str | None:
    """``RECHALLENGE_NOTES`` for ``condition`` and ``drug`` (the drug it stopped), asking for
    the grade only where none is recorded."""
    note = RECHALLENGE_NOTES.get((condition.name, drug))
    return None if note is None else note + (ASK_GRADE if condition.grade is None else "")


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


def in_place(condition: Condition, name: str, drug: str, stopped: tuple[str, ...]) -> Effect | None:
    """What rule 12 says in place of leaving ``drug`` out for ``condition``: the label's terms
    after a grade 0-1 it caused (``resumed``), or after a grade 1 of another cause (or of the
    other deruxtecan ADC), a relative contraindication to a deruxtecan ADC (case 2226: DESTINY-Breast04 left out only an
    interstitial lung disease that needed steroids, or one current or suspected; its protocol,
    not in the review); else None (left out)."""
    if (again := resumed(condition, name, drug, stopped)) is not None:
        return again
    if condition.name is not Comorbidity.INTERSTITIAL_LUNG_DISEASE or condition.grade != 1:
        return None
    # datopotamab deruxtecan too (case 2461), and after trastuzumab deruxtecan caused it: its
    # label gives that drug again once resolved, and the sister ADC is no riskier (7213b)
    if drug not in DERUXTECAN:
        return None
    trial = (
        f"DESTINY-Breast04 (trastuzumab deruxtecan's{_SHARED * (drug != TDXD)}) left out an "
        "interstitial lung disease that needed steroids, or one current or suspected (its "
        "protocol; not in the review)"
    )
    if condition.steroids is False and condition.resolved is True:  # case 7888
        return Effect(
            code=f"{condition.name.value}_caution",
            caution=True,
            text=f"{name.capitalize()}, resolved without steroids (as recorded): within the "
            f"entry of {trial}; a baseline CT, and a watch for cough, breathlessness and fever "
            f"at each visit ({drug}'s label).",
            trials=("DESTINY-Breast04",),
        )
    if condition.resolved is False:  # case 7902: its label holds it at grade 1 until resolved
        return Effect(
            code="lung_disease_grade_1",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,  # as it says (7957)
            text=f"{name.capitalize()}, not resolved (as recorded): {trial}, and {drug}'s label "
            "holds it during a grade 1 until it resolves: at best a later option until then.",
            trials=("DESTINY-Breast04",),
        )
    if condition.steroids is True:  # case 7901: outside the trial, not contraindicated
        return Effect(
            code="lung_disease_grade_1",
            ceiling=1,
            text=f"{name.capitalize()}, which needed steroids (as recorded): {trial}, and the "
            f"label of {drug} lists no contraindication: at best an alternative, with a chest "
            "physician and a CT before it is given.",
            trials=("DESTINY-Breast04",),
        )
    return Effect(
        code="lung_disease_grade_1",
        ceiling=1,
        text=f"{name.capitalize()}: {trial}, not a grade 1 that resolved without them, and the "
        f"label of {drug} lists no contraindication: whether it has resolved, without steroids, "
        f'is for a chest physician and a CT before {drug} is given (record "steroids" and '
        '"resolved"); at best an alternative until then.',
        trials=("DESTINY-Breast04",),
    )


#: trastuzumab deruxtecan, as the drug vocabulary names it
TDXD = "trastuzumab deruxtecan"
#: what a grade 1's terms add for datopotamab deruxtecan (the recheck of 7213b)
_SHARED = (
    ", whose payload it shares; TROPION-Breast01's own entry is not in the sources resistx reads"
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
    if condition.resolved is False:  # case 7905d: first, with its own pneumonitis going on
        return Effect(
            code="lung_disease_grade_1",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"{name}, not resolved (as recorded): {allowed}; at best a later option, after "
            "every option without that risk, until it has resolved.",
        )
    if condition.resolved is None:  # case 7905c: preferred, and nothing asked
        return Effect(
            code="lung_disease_grade_1",
            ceiling=1,
            text=f'{name}: {allowed}; whether it has resolved is not recorded ("resolved"): '
            "at best an alternative until it is.",
        )
    code = f"{condition.name.value}_caution"
    return Effect(code=code, caution=True, text=f"{name}: {allowed}.")


#: the ADCs whose trials left out clinically severe pulmonary compromise (DESTINY-Breast04's
#: protocol; not in the review): a chronic lung disease weighs on them by its severity
DERUXTECAN = frozenset({"trastuzumab deruxtecan", "datopotamab deruxtecan"})
#: the code of the reason that holds a deruxtecan ADC back until the severity is known: a placing
#: reason the text and Markdown plans show (case 1842)
LUNG_SEVERITY_UNKNOWN = "lung_disease_severity_unknown"
#: the grade from which a chronic lung disease is severe (GOLD 3-4: on oxygen, say)
SEVERE_LUNG_GRADE = 3


def lung_reserve(condition: Condition, drug: str, trials: tuple[str, ...]) -> Effect | None:
    """A chronic lung disease beside a deruxtecan ADC short of severe: of unknown severity, at
    best an alternative until it is known; mild or moderate, nothing beyond its caution; None
    where rule 12's relative contraindication stands (severe, or another drug)."""
    if condition.name is not Comorbidity.CHRONIC_LUNG_DISEASE or drug not in DERUXTECAN:
        return None
    if condition.grade is not None and condition.grade >= SEVERE_LUNG_GRADE:
        return None
    if condition.grade is not None:
        return Effect(code="chronic_lung_disease_caution", text=_MILD.format(drug), trials=trials)
    return Effect(
        code=LUNG_SEVERITY_UNKNOWN,
        ceiling=1,
        text=f"Chronic lung disease of unknown severity: ask how severe it is (record its "
        f"grade): {drug}'s trials left out clinically severe pulmonary compromise, where it "
        "comes after every option without such a risk; at best an alternative until known.",
        trials=trials,
    )


_MILD = (
    "Chronic lung disease, not severe: {} with its interstitial-lung-disease caution, lung "
    "symptoms watched (its trials left out only clinically severe pulmonary compromise)."
)
