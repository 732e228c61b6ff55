"""A chunk's option rows column by column: what a Parquet row group holds, built from the
rankings directly (a dict per row and then a list per column cost about as much as ranking the
patient had: 56 against 51 us a profile in a cohort worker, measured)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

from resistx.cohort._rows import (
    HEAD_COLUMNS,
    OPTION_COLUMNS,
    PART_COLUMNS,
    TAIL_COLUMNS,
    Judged,
    Ranking,
    head_values,
    option_parts,
    tail_values,
)


def option_columns(chunk: Sequence[Judged]) -> tuple[dict[str, list[Any]], int]:
    """The chunk's option rows as one list per column of ``OPTION_COLUMNS`` (the rows of
    ``entry``, in order), and how many rows."""
    columns: dict[str, list[Any]] = {name: [] for name, _kind in OPTION_COLUMNS}
    parts = [columns[name] for name in PART_COLUMNS]
    repeated = [columns[name] for name in (*HEAD_COLUMNS, *TAIL_COLUMNS)]  # one value a patient
    rows = 0
    for j in chunk:
        planned = j.outcome
        if not isinstance(planned, Ranking):
            continue
        found = option_parts(planned)  # one row of null options where the plan has none
        n = len(found)
        rows += n
        shared = (*head_values(planned), *tail_values(j.next))
        for column, value in zip(repeated, shared, strict=True):
            column.extend(repeat(value, n))
        for column, values in zip(parts, zip(*found, strict=True), strict=True):
            column.extend(values)
    return columns, rows
