"""resistx.sequence_many, the cohort rows and concordance: one Result per input, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

import resistx
from resistx.cohort import NOT_IN_PLAN, Result, place, regimen_for, rows_for, summarise
from tests.cohort_data import ROOT, profiles

ESR1 = json.loads((ROOT / "examples" / "01-esr1-mutated.json").read_text(encoding="utf-8"))
OUT_OF_SCOPE = {**ESR1, "patient_id": "her2-positive", "her2": "positive"}
BROKEN = {**ESR1, "patient_id": "broken", "ecog": 7, "treatments": [{"drugs": ["palbocicilb"]}]}


def test_one_result_per_input_in_order_and_bad_ones_do_not_stop_it() -> None:
    inputs: list[Any] = [ESR1, BROKEN, json.dumps(ESR1), OUT_OF_SCOPE, resistx.load_profile(ESR1)]
    results = list(resistx.sequence_many(inputs))
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert [r.patient_id for r in results] == [
        "esr1-mutated",
        "broken",
        "esr1-mutated",
        "her2-positive",
        "esr1-mutated",
    ]
    expected = resistx.sequence(ESR1)
    assert results[0].plan == expected and results[2].plan == expected
    paths = [path for path, _message in results[1].problems]
    assert "$.ecog" in paths and "$.treatments[0].drugs[0]" in paths
    assert isinstance(results[3].error, resistx.OutOfScopeError)
    assert results[3].problems == (("$", str(results[3].error)),)


def test_it_is_lazy() -> None:
    def endless() -> Iterator[dict[str, Any]]:
        yield ESR1
        raise AssertionError("read past what was asked for")

    first = next(resistx.sequence_many(endless()))
    assert first.ok


def test_preferences_and_policy_apply_to_all_and_are_checked_at_the_call() -> None:
    with pytest.raises(resistx.ConversionError, match="priority"):
        resistx.sequence_many([ESR1], {"priority": "cheapest"})
    with pytest.raises(KeyError, match="ye2042"):
        resistx.sequence_many([ESR1], policy="ye2042")
    [result] = resistx.sequence_many([ESR1], {"include_trials": False}, policy="practice-2026")
    assert result.plan == resistx.sequence(ESR1, {"include_trials": False}, policy="practice-2026")


def test_a_result_holds_a_plan_or_an_error() -> None:
    plan = resistx.sequence(ESR1)
    with pytest.raises(ValueError, match="either a plan or an error"):
        Result(index=0, patient_id=None)
    with pytest.raises(ValueError, match="either a plan or an error"):
        Result(index=0, patient_id=None, plan=plan, error=resistx.ProfileError([("$", "x")]))


def test_sequence_many_is_exported_without_slowing_import_resistx() -> None:
    assert "sequence_many" in resistx.__all__ and resistx.sequence_many is not None
    code = "import sys, resistx; print(sorted(m for m in sys.modules if m.startswith(('resistx.cohort', 'pyarrow', 'dask', 'tqdm'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# -- next_treatment and concordance ------------------------------------------------------------


@pytest.mark.parametrize(
    ("drugs", "regimen"),
    [
        (["Piqray", "Faslodex"], "alpelisib+fulvestrant"),
        (["fulvestrant", "capivasertib"], "capivasertib+fulvestrant"),
        (["Orserdu"], "elacestrant"),
        (["capecitabine"], "chemotherapy"),
        (["paclitaxel", "carboplatin"], "chemotherapy"),
        (["Enhertu"], "trastuzumab-deruxtecan"),
        (["tamoxifen"], "tamoxifen"),
        (["letrozole", "Nolvadex"], "letrozole+tamoxifen"),
    ],
)
def test_the_next_treatment_is_named_as_the_engine_names_regimens(
    drugs: list[str], regimen: str
) -> None:
    assert regimen_for(drugs) == regimen


def test_next_treatment_is_a_schema_2_field_checked_like_drugs() -> None:
    profile = resistx.load_profile({**ESR1, "next_treatment": ["Orserdu"]})
    assert profile.next_treatment == ("Orserdu",)
    assert resistx.sequence(profile) == resistx.sequence(ESR1)  # sequencing does not read it
    for bad, path in (
        ([], "$.next_treatment"),
        (["orserdux"], "$.next_treatment[0]"),  # at its index (case 6321)
        ("elacestrant", "$.next_treatment"),
        ([3], "$.next_treatment[0]"),
    ):
        with pytest.raises(resistx.ProfileError) as caught:
            resistx.load_profile({**ESR1, "next_treatment": bad})
        assert [p for p, _m in caught.value.problems] == [path]
    schema = resistx.json_schema("profile")
    jsonschema.validate({**ESR1, "next_treatment": ["elacestrant"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**ESR1, "next_treatment": []}, schema)


def test_place_gives_rank_and_tier_left_out_or_not_in_plan() -> None:
    plan = resistx.sequence(ESR1)
    top = plan.options[0]
    first = place(plan, top.regimen.id)
    assert (first.rank, first.place) == (1, top.tier.value)
    assert set(first.rules) == {r.rule for r in top.reasons if r.rule is not None}
    excluded = plan.excluded[0]
    left = place(plan, excluded.regimen.id)
    assert (left.rank, left.place) == (None, "left out")
    assert set(left.rules) == {r.rule for r in excluded.reasons if r.rule is not None}
    assert place(plan, "tamoxifen").place == NOT_IN_PLAN


def test_rows_carry_each_option_and_where_the_next_treatment_ranked() -> None:
    plan = resistx.sequence(ESR1)
    second = plan.options[1]
    given = {**ESR1, "next_treatment": list(second.regimen.drugs)}
    [entry] = rows_for([given], start=41)
    assert entry["index"] == 41 and entry["planned"] and entry["errors"] == []
    rows = entry["options"]
    assert [r["regimen"] for r in rows] == [o.regimen.id for o in plan.options]
    assert [r["rank"] for r in rows] == [o.rank for o in plan.options]
    assert [r["total"] for r in rows] == [o.scores.total for o in plan.options]
    assert rows[1]["tier"] == second.tier.value and rows[1]["efficacy"] == second.scores.efficacy
    assert rows[1]["rules"] == sorted({r.rule for r in second.reasons if r.rule is not None})
    assert rows[1]["codes"] == list(dict.fromkeys(r.code for r in second.reasons))
    assert {(r["next_treatment"], r["next_rank"], r["next_place"]) for r in rows} == {
        (second.regimen.id, 2, second.tier.value)
    }


def test_the_summary_counts_by_tier_and_by_rule() -> None:
    cohort = profiles(300)
    entries = rows_for(cohort)
    summary = summarise(entries)
    planned = [e for e in entries if e["planned"]]
    stated = [e for e in planned if e["next"] is not None]
    assert summary.planned == len(planned) < len(entries)  # the generator breaks a few
    assert (
        summary.stated
        == len(stated)
        == sum(
            1
            for d in cohort
            if "next_treatment" in d
            and d["her2"] != "positive"
            and d["treatments"][0]["drugs"] != ["palbocicilb-typo"]
        )
    )
    rows = {(r["by"], r["value"]): r for r in summary.rows()}
    assert sum(r["patients"] for (by, _v), r in rows.items() if by == "tier") == summary.stated
    first = sum(1 for e in stated if e["next"].rank == 1)
    assert rows[("all", "next treatment stated")]["ranked_first"] == first
    assert (
        rows[("tier", NOT_IN_PLAN)]["patients"]
        == sum(1 for e in stated if e["next"].place == NOT_IN_PLAN)
        > 0
    )
    for (by, rule), row in rows.items():
        if by == "rule":
            assert row["patients"] == sum(1 for e in stated if rule in e["next"].rules)
    assert sum(1 for by, _v in rows if by == "rule") > 3


def test_summaries_of_parts_add_up_to_the_whole() -> None:
    entries = rows_for(profiles(120))
    whole = summarise(entries).rows()
    parts = summarise(entries[:50])
    parts.merge(summarise(entries[50:]))
    assert parts.rows() == whole


def test_blank_lines_of_a_partition_are_no_input_and_take_no_index() -> None:
    """As in a JSON Lines file: a Dask partition of text lines may hold blank ones."""
    one, two = (json.dumps(p) for p in profiles(2))
    entries = rows_for([one, "", "   \n", two], start=10)
    assert len(entries) == 2
    assert all(e["planned"] for e in entries)
    assert [e["options"][0]["index"] for e in entries] == [10, 11]


def test_the_rows_of_a_cohort_are_those_of_each_patients_whole_plan() -> None:
    """The rows read the engine's ranking without building each plan around it: every row
    and every placement is what the patient's own plan (``sequence``) says."""
    cohort = profiles(400, seed=11)
    for e in rows_for(cohort):
        data = cohort[e["index"]]
        try:
            plan = resistx.sequence(data, since_review=False)
        except (resistx.ProfileError, resistx.OutOfScopeError):
            assert not e["planned"] and e["errors"]
            continue
        expected = [
            (
                o.rank,
                o.regimen.id,
                o.tier.value,
                (o.scores.molecular, o.scores.efficacy, o.scores.history, o.scores.balance),
                o.scores.total,
                sorted({r.rule for r in o.reasons if r.rule is not None}),
                list(dict.fromkeys(r.code for r in o.reasons)),
            )
            for o in plan.options
        ]
        assert [
            (
                r["rank"],
                r["regimen"],
                r["tier"],
                (r["molecular"], r["efficacy"], r["history"], r["balance"]),
                r["total"],
                r["rules"],
                r["codes"],
            )
            for r in e["options"]
        ] == expected
        given = data.get("next_treatment")
        assert e["next"] == (place(plan, regimen_for(given)) if given else None)


def test_a_planned_chunk_leaves_nothing_behind_once_the_memo_is_frozen() -> None:
    """A worker freezes the engine's memo out of the collector's walks after each chunk; a
    chunk still held in a reference cycle at that moment (an error's traceback reaches the
    frame that lists the chunk) would stay in memory for good, chunk after chunk."""
    import gc  # noqa: PLC0415

    from resistx.cohort import _run  # noqa: PLC0415
    from resistx.cohort._readers import Record  # noqa: PLC0415
    from resistx.cohort._rows import Judged, Settings  # noqa: PLC0415

    cohort = profiles(4, seed=5)
    cohort[1]["treatments"][0]["drugs"] = ["palbocicilb"]  # an input error
    cohort[2]["her2"] = "positive"  # out of scope
    records = [Record(index=i, where=f"item {i}", source=p) for i, p in enumerate(cohort)]
    gc.collect()
    try:
        for kinds in (("parquet", "jsonl"), ("jsonl", "jsonl")):
            packed = _run.plan_packed(records, Settings(), kinds)
            assert packed.patients == 4 and packed.error_rows == 2
    finally:
        gc.unfreeze()
    left = [o for o in gc.get_objects() if isinstance(o, Judged)]
    gc.collect()
    assert left == []


def test_overlapping_planners_give_the_process_its_own_collector_thresholds_back() -> None:
    """Dask runs tasks in threads of one worker process and gc thresholds are process-wide: when
    two tasks overlap and the first ends first, the process must still get its thresholds back
    once the last one ends (each restoring what it saw left the cohort's thresholds behind)."""
    import gc  # noqa: PLC0415

    from resistx.cohort._rows import COLLECTION_THRESHOLDS, fewer_collections  # noqa: PLC0415

    before = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    try:
        first, second = fewer_collections(), fewer_collections()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert gc.get_threshold() == COLLECTION_THRESHOLDS  # the second is still planning
        second.__exit__(None, None, None)
        assert gc.get_threshold() == (1234, 5, 6)
    finally:
        gc.set_threshold(*before)
