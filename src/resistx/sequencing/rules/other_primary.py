"""Another primary cancer on record (a HER2 test of ``site: other_primary``): which cancer has
spread is for a biopsy of a metastasis to tell (rule 130; case 1770b)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import SampleSite
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule


# rule 130: another primary cancer, no metastasis scored: biopsy one for ER, PR and HER2
@rule(
    130,
    "Another primary cancer on record: biopsy a metastasis for ER, PR and HER2",
    None,
    condition="A HER2 result of another primary cancer (an earlier or contralateral one: site "
    "other_primary), and no HER2 result of a metastasis.",
    effect="An action before choosing (but in a visceral crisis): biopsy a metastasis for ER, "
    "PR and HER2, to tell which cancer has spread; the other cancer's HER2 is named (case "
    "1770b: a HER2 3+ contralateral cancer, and chemotherapy preferred with nothing asked). "
    "ESMO's advanced breast cancer guidelines advise a biopsy of a metastasis (not in the "
    "review).",
    codes=("biopsy_other_primary",),
)
def biopsy_other_primary(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    tests = facts.profile.her2_tests
    other = [t for t in tests if t.site is SampleSite.OTHER_PRIMARY]
    if not other or any(t.site is SampleSite.METASTASIS for t in tests):
        return
    scores = ", ".join(dict.fromkeys(f"HER2 {t.score.value}" for t in other))
    crisis = facts.profile.visceral_crisis
    yield PlanEffect(
        code="biopsy_other_primary",
        first=not crisis,
        text=f"Another primary cancer is on record ({scores} there), and no metastasis of this "
        "one has been scored: biopsy a metastasis for ER, PR and HER2 (ISH if IHC 2+) to tell "
        "which cancer has spread; a HER2-positive or ER-negative metastasis is outside this plan "
        "(ESMO's advanced breast cancer guidelines; not in the review)."
        + (" In the visceral crisis, beside the chemotherapy it needs." if crisis else ""),
    )
