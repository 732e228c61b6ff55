"""``calendar_months`` counts durations without building dates; these tests hold it to the
count made with the dates themselves (whole months to the same day, the last of a shorter
month, then the days left over)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from resistx.model.profile import DAYS_PER_MONTH, calendar_months


def _plus_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    first = dt.date(day.year + year, month + 1, 1)
    following = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first.replace(day=min(day.day, (following - first).days))


def _by_dates(start: dt.date, end: dt.date) -> float:
    if end <= start:
        return 0.0
    whole = (end.year - start.year) * 12 + end.month - start.month
    anchor = _plus_months(start, whole)
    if anchor > end:
        whole -= 1
        anchor = _plus_months(start, whole)
    return whole + (end - anchor).days / DAYS_PER_MONTH


_DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2110, 12, 31))


@given(_DATES, _DATES)
def test_calendar_months_equals_the_count_made_with_dates(start: dt.date, end: dt.date) -> None:
    assert calendar_months(start, end) == _by_dates(start, end)


@given(_DATES, st.integers(min_value=0, max_value=60))
def test_calendar_months_near_month_ends(start: dt.date, months: int) -> None:
    """The month ends, where the anchor is clipped, drawn on purpose."""
    end = _plus_months(start, months)
    for days in (-3, -2, -1, 0, 1, 2, 3):
        later = end + dt.timedelta(days=days)
        assert calendar_months(start, later) == _by_dates(start, later)


def test_the_last_of_a_shorter_month_counts_a_whole_month() -> None:
    assert calendar_months(dt.date(2024, 1, 31), dt.date(2024, 2, 29)) == 1.0
    assert calendar_months(dt.date(2023, 1, 31), dt.date(2023, 2, 28)) == 1.0
    assert calendar_months(dt.date(2100, 1, 29), dt.date(2100, 2, 28)) == 1.0  # no 29th
    assert calendar_months(dt.date(2023, 10, 20), dt.date(2024, 4, 20)) == 6.0
    assert calendar_months(dt.date(2024, 3, 1), dt.date(2024, 2, 1)) == 0.0
