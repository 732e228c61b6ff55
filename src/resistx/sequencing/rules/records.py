"""Plan-level rules on the treatment record itself: what it says that cannot be so (rule 47)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import TreatmentSetting
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule


# rule 47: an adjuvant course ended in relapse, and more adjuvant therapy after it
@rule(
    47,
    "An adjuvant course ended in relapse, followed by more adjuvant therapy: confirm",
    None,
    condition="An adjuvant course recorded as ended in progression, and a later adjuvant course "
    "after it (a relapse ends adjuvant therapy: one of the two records is wrong; progression "
    "during neoadjuvant therapy may be followed by adjuvant therapy, and is not asked about).",
    effect="An action, before every other, to confirm how the first course ended: a CDK4/6 "
    "inhibitor in it counts as resistance (rules 8, 11, 19) only if the disease relapsed on it.",
    codes=("confirm_adjuvant_relapse",),
)
def adjuvant_relapse(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    early = [t for t in facts.in_order if t.setting is TreatmentSetting.ADJUVANT]
    for n, course in enumerate(early):
        after = next((t for t in early[n + 1 :] if t.started_on != course.started_on), None)
        if course.progressed and after is not None:
            yield PlanEffect(
                code="confirm_adjuvant_relapse",
                first=True,
                text=f"Confirm how adjuvant {' + '.join(course.drugs)} ended: the record says it "
                f"ended in relapse, yet adjuvant {' + '.join(after.drugs)} followed "
                "it, as after a completed course. A CDK4/6 inhibitor the disease relapsed on "
                "counts as resistance; one completed does not.",
            )
            return
