"""A factor's column: its results for the regimens a patient's plan considers, each looked up
in the store of (factor, regimen) by the Inputs fields its rules read (``tracked``), and run
only on a miss (the engine's ``_rank`` asks for the column)."""

from __future__ import annotations

from typing import Any

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.assess import FactorResult, assess
from resistx.sequencing.memo import Memo
from resistx.sequencing.rule import Context, Effect, Rule
from resistx.sequencing.tracked import MISSING, Recorder, Shapes
from resistx.sequencing.units import Units

#: a factor, a regimen's record, the factor's rule units that concern it, the store of its
#: results and each unit's store of its effects (``result_of``)
Stores = tuple[Factor, RegimenSpec, tuple[Rule, ...], Shapes, tuple[Shapes, ...]]


def stores_of(memo: Memo[Any], units: Units, f: Factor, spec: RegimenSpec) -> Stores:
    """The stores of (factor, regimen), shared by every column that holds the regimen."""
    concerned = units.concerned(f, spec)
    shapes, by_rule = memo.lasting.get_or(
        ("unit", f, spec.id), lambda: (Shapes(), tuple(Shapes() for _ in concerned))
    )
    return f, spec, concerned, shapes, by_rule


def result_of(memo: Memo[Any], ctx: Context, outer: Recorder, stores: Stores) -> FactorResult:
    """A factor's result for one regimen, its reads passed to the column's recorder: stored by
    the fields its rules read, and each rule's effects by the fields that rule read
    (``Shapes.within``). Equal results from other Inputs are one object (interned): the engine's
    keys hold results, which hash and compare by identity (a result forgotten here is only a
    later miss)."""
    f, spec, concerned, shapes, by_rule = stores
    found: FactorResult = shapes.walk(outer)
    if found is not MISSING:  # most calls: the closures below are built on a miss only
        return found

    def run(recorder: Recorder) -> FactorResult:
        def effects(k: int, r: Rule) -> tuple[Effect, ...]:
            found: tuple[Effect, ...] = by_rule[k].within(
                recorder,
                lambda rec: tuple(r.assess(rec, spec, ctx)),  # type: ignore[misc]
            )
            return found

        fresh = assess(f, concerned, effects, ctx)
        interned: FactorResult = memo.lasting.get_or(("result", fresh.value()), lambda: fresh)
        return interned

    return shapes.run_into(outer, run)  # type: ignore[no-any-return]
