"""Trastuzumab emtansine on record: given for HER2-positive disease only, it says a sample was
HER2-positive once (rule 133; case 1944)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule

#: drugs given for HER2-positive disease only (their labels); the other HER2-directed drugs are
#: refused by the profile (``vocab.drugs.NOT_DRUGS``)
HER2_POSITIVE_ONLY = ("trastuzumab emtansine",)


# rule 133: a drug for HER2-positive disease on record: confirm HER2
@rule(
    133,
    "A drug for HER2-positive disease on record: confirm the HER2 status",
    None,
    condition="Trastuzumab emtansine among the treatments (its label: HER2-positive disease).",
    effect="An action before choosing (in a visceral crisis too, case 1966: a HER2-positive "
    "crisis adds anti-HER2 therapy to the chemotherapy): the disease was read as "
    "HER2-positive when it was given; confirm the current HER2 status (IHC, ISH if 2+, "
    "ASCO/CAP), since a HER2-positive sample is outside this plan and anti-HER2 therapy is to "
    "be considered (ESMO; not in the review). Case 1944: T-DM1 in a HER2-low profile passed "
    "with nothing said.",
    codes=("confirm_her2_after_her2_therapy",),
)
def confirm_her2(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    given = [d for d in HER2_POSITIVE_ONLY if any(d in t.drugs for t in facts.profile.treatments)]
    if not given:
        return
    crisis = facts.profile.visceral_crisis
    yield PlanEffect(
        code="confirm_her2_after_her2_therapy",
        first=True,  # in a crisis too: a HER2-positive one adds anti-HER2 therapy (case 1966)
        text=f"{given[0].capitalize()} is on record, a drug given for HER2-positive disease "
        "only (its label): confirm the current HER2 status by IHC (ISH if 2+) on a recent "
        "sample, a metastasis where one can be biopsied (ASCO/CAP). Where any sample is "
        "HER2-positive, anti-HER2 therapy is to be considered (ESMO's advanced breast cancer "
        "guidelines; not in the review), and this plan, for HER2-negative disease, does not "
        "apply."
        + (
            " In the visceral crisis, urgently, beside the chemotherapy it needs: a HER2-positive "
            "crisis is treated with chemotherapy and anti-HER2 therapy (ESMO)."
            if crisis
            else ""
        ),
    )
