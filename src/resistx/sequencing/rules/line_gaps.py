"""Metastatic lines numbered with a gap: nothing preferred until the missing lines are recorded
(rule 140; rule 138 asks for them)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule


# rule 140: lines missing from the record: nothing preferred until they are recorded
@rule(
    140,
    "Metastatic lines missing from the record: nothing preferred until they are recorded",
    Factor.HISTORY,
    condition="Courses for metastatic disease numbered by line, a number below the highest "
    "missing (rule 138 asks for them).",
    effect="Every option is at best an alternative: the lines counted place the options, and a "
    "missing line may hold what places them otherwise (case 2680b: with only line 3 on record "
    "the first-line CDK4/6-inhibitor regimens were preferred, 'no CDK4/6 inhibitor on "
    "record'; 2599c: a capecitabine line 2 makes trastuzumab deruxtecan preferred).",
    codes=("lines_missing_first",),
)
def lines_missing_first(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.lines_missing:
        yield Effect(
            code="lines_missing_first",
            ceiling=1,
            text="Lines for metastatic disease are missing from the record (numbered with a "
            "gap): at best an alternative until they are recorded, as they may hold what "
            "places this option otherwise.",
            trials=spec.key_trials,
        )
