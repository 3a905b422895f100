"""Working days: weekends are off unless made up, listed public holidays are off.

A promise like "answered within one working day" is counted on this calendar,
never as a plain day later: a question asked on the Friday before a Monday
holiday is due on Tuesday, and one asked on a make-up Saturday counts that
Saturday as a working day. The terminal keeps an identical copy of
add_working_days (kiosk/workdays.py; central/ imports nothing from kiosk/), and a
test keeps the two the same.

The platform publishes the calendar as the `calendar` collection, one document
a year. 2026 holds the State Council's published arrangement (the dates are
facts; the wording is ours). 2027 is provisional until its arrangement is
published: the statutory holidays only, no make-up workdays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

MAX_DAYS = 3660          # no promise counts further than ten years of days


def add_working_days(start: dt.date, n: int, holidays: set[dt.date],
                     workdays: set[dt.date]) -> dt.date:
    """The n-th working day after start (start itself is not counted; n = 0 gives
    start). Saturday and Sunday are off unless listed in workdays; a listed holiday
    is off whatever the weekday."""
    if n < 0:
        raise ValueError("add_working_days counts forward only")
    day, left = start, n
    for _ in range(MAX_DAYS):
        if left == 0:
            return day
        day += dt.timedelta(days=1)
        off = day in holidays or (day.weekday() >= 5 and day not in workdays)
        if not off:
            left -= 1
    raise ValueError("add_working_days: no working day within ten years")


def _days(first: str, last: str) -> list[str]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


# The State Council's arrangement for 2026 (国办发明电, 4 November 2025): days off in
# a row for each festival, and the weekend days worked to make up for them.
CALENDAR_2026: dict[str, Any] = {
    "id": "CN-2026", "year": 2026, "provisional": False,
    "holidays": [*_days("2026-01-01", "2026-01-03"), *_days("2026-02-15", "2026-02-23"),
                 *_days("2026-04-04", "2026-04-06"), *_days("2026-05-01", "2026-05-05"),
                 *_days("2026-06-19", "2026-06-21"), *_days("2026-09-25", "2026-09-27"),
                 *_days("2026-10-01", "2026-10-07")],
    "workdays": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                 "2026-10-10"],
    "source": "国务院办公厅关于2026年部分节假日安排的通知",
}
# 2027 until its arrangement is published: the statutory days only (New Year's Day,
# Spring Festival eve to the third day, Qingming, 1-2 May, Dragon Boat, Mid-Autumn,
# 1-3 October), so promises are never later than the rules allow.
CALENDAR_2027: dict[str, Any] = {
    "id": "CN-2027", "year": 2027, "provisional": True,
    "holidays": ["2027-01-01", *_days("2027-02-05", "2027-02-08"), "2027-04-05",
                 "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15",
                 *_days("2027-10-01", "2027-10-03")],
    "workdays": [],
    "source": "法定节假日（当年调休安排公布前）",
}
CALENDARS = (CALENDAR_2026, CALENDAR_2027)
# bumped whenever a year is added or changed: the demo seeding publishes it again
CALENDAR_VERSION = "2026-published+2027-provisional"


def calendar_docs() -> list[dict[str, Any]]:
    """The calendar collection as the platform publishes it."""
    return [dict(c) for c in CALENDARS]


def days_of(docs: list[dict[str, Any]]) -> tuple[set[dt.date], set[dt.date]]:
    """(holidays, make-up workdays) of calendar documents; unreadable dates are skipped."""
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    for doc in docs:
        for name, into in (("holidays", holidays), ("workdays", workdays)):
            for value in doc.get(name) or []:
                try:
                    into.add(dt.date.fromisoformat(str(value)))
                except ValueError:
                    continue
    return holidays, workdays
