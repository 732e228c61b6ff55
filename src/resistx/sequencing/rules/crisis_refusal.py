"""Rule 156: a visceral crisis whose treatment the patient's refusals leave out (cases 7290r,
7291): chemotherapy declined, or left by mouth only with capecitabine held back, and the
ADCs that could stand in for it declined too."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import RegimenKind, Route
from resistx.model.profile import Preferences
from resistx.sequencing.capecitabine import held_back
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule


def _without_chemotherapy(prefs: Preferences, held: str) -> str:
    """How the refusals leave no standard chemotherapy, as the action says it, or ""."""
    declined = set(prefs.declines)
    if RegimenKind.CHEMOTHERAPY in prefs.declines_kinds:
        return "the patient declines chemotherapy"
    if {Route.INTRAVENOUS, Route.ORAL} <= declined:
        return "the patient declines treatment by vein and by mouth"
    if Route.INTRAVENOUS in declined and held:
        return f"the patient declines treatment by vein, and capecitabine is held back by {held}"
    return ""


def _adcs_out(prefs: Preferences) -> bool:
    """The ADCs, each given by vein, are declined by kind or by route."""
    return RegimenKind.ADC in prefs.declines_kinds or Route.INTRAVENOUS in prefs.declines


# rule 156: a visceral crisis whose treatment the refusals leave out
@rule(
    156,
    "A visceral crisis whose treatment the refusals leave out: revisit them before choosing",
    None,
    condition="A visceral crisis on record; the preferences leave no standard chemotherapy "
    "(chemotherapy declined; every route of it declined; or infusions declined where "
    "capecitabine is held back on record, rule 110); and the ADCs, which a crisis's line opens "
    "after chemotherapy (rule 7), declined too, by kind or by route (cases 7290r, 7291).",
    effect="An action before choosing: none of the options left is a crisis's treatment "
    "(rule 7: chemotherapy, as practice guidelines give it); revisit the refusal with the "
    "patient in the light of the crisis, record the informed decision, and offer supportive "
    "and palliative care beside what is chosen. With the ADCs open, rule 149 asks first.",
    codes=("revisit_refusal_in_crisis",),
)
def revisit_refusal_in_crisis(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    prefs = facts.preferences
    if not facts.profile.visceral_crisis or not _adcs_out(prefs):
        return
    how = _without_chemotherapy(prefs, held_back(facts))
    if how:
        yield PlanEffect(
            code="revisit_refusal_in_crisis",
            first=True,
            text=f"Visceral crisis: {how}, and the antibody-drug conjugates are declined too, "
            "so none of the options left is a crisis's treatment (rule 7: chemotherapy, as "
            "practice guidelines give it): revisit the refusal with the patient in the light "
            "of the crisis, record the informed decision, and offer supportive and palliative "
            "care beside what is chosen.",
        )
