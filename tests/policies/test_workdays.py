"""The working-day calendar: weekends, public holidays, make-up workdays, year end,
on the platform's published 2026 dates; and the two copies stay the same."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

import central.workdays as platform_days
import kiosk.workdays as kiosk_days

D = dt.date
HOLIDAYS, WORKDAYS = platform_days.days_of(platform_days.calendar_docs())


def next_working(day: D, n: int = 1) -> D:
    return kiosk_days.add_working_days(day, n, HOLIDAYS, WORKDAYS)


@pytest.mark.parametrize(("asked", "due"), [
    (D(2026, 3, 2), D(2026, 3, 3)),      # Monday -> Tuesday
    (D(2026, 3, 6), D(2026, 3, 9)),      # Friday -> over the weekend to Monday
    (D(2026, 3, 7), D(2026, 3, 9)),      # asked on a Saturday -> Monday
    (D(2026, 3, 8), D(2026, 3, 9)),      # asked on a Sunday -> Monday
])
def test_weekends_are_off(asked: D, due: D) -> None:
    assert next_working(asked) == due


@pytest.mark.parametrize(("asked", "due"), [
    (D(2026, 4, 3), D(2026, 4, 7)),      # Friday before Qingming (Sat-Mon off) -> Tuesday
    (D(2026, 4, 30), D(2026, 5, 6)),     # before Labour Day (1-5 May) -> Wednesday
    (D(2026, 6, 18), D(2026, 6, 22)),    # Thursday before Dragon Boat (Fri-Sun) -> Monday
    (D(2026, 9, 30), D(2026, 10, 8)),    # before National Day (1-7 Oct) -> Thursday
    (D(2026, 2, 16), D(2026, 2, 24)),    # during the Spring Festival -> the day after it
])
def test_public_holidays_are_off(asked: D, due: D) -> None:
    assert next_working(asked) == due


@pytest.mark.parametrize(("asked", "due"), [
    (D(2026, 9, 18), D(2026, 9, 20)),    # Friday -> the make-up Sunday is a working day
    (D(2026, 2, 13), D(2026, 2, 14)),    # Friday -> the make-up Saturday before Spring Festival
    (D(2026, 10, 9), D(2026, 10, 10)),   # Friday -> the make-up Saturday after National Day
    (D(2026, 1, 3), D(2026, 1, 4)),      # the last day of New Year -> the make-up Sunday
])
def test_make_up_workdays_count(asked: D, due: D) -> None:
    assert next_working(asked) == due


def test_year_end_runs_into_the_next_years_calendar() -> None:
    # Thursday 31 December 2026; 1 January 2027 (a Friday) is New Year's Day
    assert next_working(D(2026, 12, 31)) == D(2027, 1, 4)
    assert next_working(D(2026, 12, 30), 2) == D(2027, 1, 4)


def test_without_a_calendar_only_weekends_are_off() -> None:
    assert kiosk_days.add_working_days(D(2026, 4, 3), 1, set(), set()) == D(2026, 4, 6)


def test_counting_more_days_and_none() -> None:
    assert next_working(D(2026, 4, 3), 0) == D(2026, 4, 3)
    assert next_working(D(2026, 4, 3), 3) == D(2026, 4, 9)
    with pytest.raises(ValueError):
        next_working(D(2026, 4, 3), -1)


def test_every_day_off_is_refused_not_looped_for_ever() -> None:
    start = D(2026, 1, 1)
    everything = {start + dt.timedelta(days=i) for i in range(4000)}
    with pytest.raises(ValueError):
        kiosk_days.add_working_days(start, 1, everything, set())


def test_the_two_copies_are_the_same() -> None:
    for name in ("add_working_days", "days_of"):
        assert inspect.getsource(getattr(kiosk_days, name)) == \
            inspect.getsource(getattr(platform_days, name)), name
    assert kiosk_days.MAX_DAYS == platform_days.MAX_DAYS


def test_the_published_2026_calendar() -> None:
    days = {d for d in HOLIDAYS if d.year == 2026}
    assert len(days) == 33                      # 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert all(d.weekday() >= 5 for d in WORKDAYS)
    assert not HOLIDAYS & WORKDAYS
