"""Injected time: the real clock for the terminal, a fake one for tests and scripts.

Nothing in the core calls time.time() or sleeps for a time-out; it asks its
Clock, so a test advances time instead of waiting for it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Protocol

from devices.clock import MonotonicClock

# China keeps one time zone and no daylight saving: what visitors read is in it
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


class Clock(MonotonicClock, Protocol):
    """Monotonic seconds for deadlines (as devices take them), wall time for what
    people read."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC).astimezone()


class FakeClock:
    """A clock that only moves when told to (thread-safe)."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._mono = 1000.0
        self._wall = start or dt.datetime(2026, 3, 2, 9, 30, tzinfo=CHINA)

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def now(self) -> dt.datetime:
        with self._lock:
            return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward."""
        with self._lock:
            self._mono += seconds
            self._wall += dt.timedelta(seconds=seconds)


def parse_moment(value: object) -> dt.datetime | None:
    """ISO 8601 text from the platform as an aware time; None when it is not one.

    The contract's times carry their offset; one without (a bare date, or an
    older record) is read as China time, where every hall is.
    """
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=CHINA)
