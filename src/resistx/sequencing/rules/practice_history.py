"""The practice-2026 rules on the patient's history and dates (35, 36): a newer trial's
population that the treatment history puts a patient outside of, and the approvals that came
after a plan's decision date."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule

H = Factor.HISTORY


# rule 35: vePDEGESTRANT after fulvestrant or chemotherapy: outside VERITAC-2
@rule(
    35,
    "Vepdegestrant after fulvestrant or chemotherapy: outside VERITAC-2",
    H,
    condition="Fulvestrant progressed on, or chemotherapy, for metastatic disease (VERITAC-2 "
    "enrolled neither: update-2026.md section 3).",
    effect="Vepdegestrant is at best an alternative, and its reason says why.",
    codes=("outside_veritac2_population",),
    trials=("VERITAC-2",),
    regimens=kinds.is_vepdegestrant,
)
def veritac2_population(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not kinds.is_vepdegestrant(spec):
        return
    had = [
        what
        for what, given in (
            ("fulvestrant", "fulvestrant" in i.progressed_drugs),
            ("chemotherapy for metastatic disease", i.chemo_lines > 0),
        )
        if given
    ]
    if had:
        yield Effect(
            code="outside_veritac2_population",
            ceiling=1,
            text=f"After {' and '.join(had)}: VERITAC-2 enrolled no one who had had fulvestrant "
            "or chemotherapy for advanced disease, so its result may not hold here; at best an "
            "alternative.",
            trials=("VERITAC-2",),
        )


# rule 36: approvals after the plan's decision date
@rule(
    36,
    "Approvals after the plan's decision date",
    None,
    condition="A regimen of the policy's table approved (with a date in the evidence pack) after "
    "the plan's decision date.",
    effect="A note names each such regimen and its approval: the plan ranks today's table at "
    "the patient's date, so a clinician reading an older decision sees what was not yet "
    "available then.",
    codes=("approved_after_decision_date",),
)
def approved_later(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    when = facts.decision_date
    if when is None:
        return
    later = [named for date, named in ctx.call(_dated_approvals) if date > when.isoformat()]
    if later:
        yield PlanEffect(
            code="approved_after_decision_date",
            note=True,
            text=f"Approved after this plan's date ({when.isoformat()}): {', '.join(later)}.",
        )


def _dated_approvals(ctx: Context) -> tuple[tuple[str, str], ...]:
    """(date, 'name (authority date)') of each regimen of the table whose approval the pack
    dates, by date: once per (policy, evidence), not once per plan."""
    return tuple(
        sorted(
            (a.date, f"{spec.name.lower()} ({' '.join(x for x in (a.authority, a.date) if x)})")
            for spec in ctx.regimens.values()
            if (a := spec.regulatory).date is not None
        )
    )
