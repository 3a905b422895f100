"""When a visitor may check in: the day of the appointment, from a little before it
starts until a grace period after; after the grace period the seat counts as a no-show.

All times are judged on the platform's clock (app.state.clock), which tests move instead
of waiting, and the day is the centre's local day (China time), not UTC's.
"""

from __future__ import annotations

import datetime as dt

from central.errors import ApiError
from central.moments import CHINA, iso

EARLY = dt.timedelta(minutes=30)       # check-in opens this long before the start
GRACE = dt.timedelta(minutes=15)       # and stays open this long after it


def moment(text: str) -> dt.datetime:
    """An ISO date-time as stored (with an offset, or UTC's Z)."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def grace_end(starts_at: str) -> str:
    """The UTC moment (iso()) after which a booking not checked in is a no-show."""
    return iso(moment(starts_at) + GRACE)


def check(now: dt.datetime, starts_at: str) -> None:
    """Refuse a check-in outside the window: wrong_day, too_early or too_late (409),
    each with the times a terminal needs to say what to do instead."""
    start = moment(starts_at)
    opens, closes = start - EARLY, start + GRACE
    times = {"starts_at": starts_at, "opens_at": iso(opens), "closes_at": iso(closes)}
    if now > closes:
        raise ApiError(409, "too_late", "the check-in for this appointment has closed",
                       **times)
    if now.astimezone(CHINA).date() != start.astimezone(CHINA).date():
        raise ApiError(409, "wrong_day", "this appointment is on another day", **times)
    if now < opens:
        raise ApiError(409, "too_early", "check-in opens 30 minutes before the start",
                       **times)
