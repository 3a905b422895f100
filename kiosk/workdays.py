"""Working days on the terminal: the calendar the platform publishes, synced.

The same add_working_days as the platform's (central/workdays.py; a test keeps
the two equal), over the holidays and make-up workdays of the cached `calendar`
collection, so the date a slip promises is the date the platform records.
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
