"""Injected time: the real clock for the terminal, a fake one for tests and scripts.

Nothing in the core calls time.time() or sleeps for a time-out; it asks its
Clock, so a test advances time instead of waiting for it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds for deadlines, wall time for what people read."""

    def monotonic(self) -> float: ...

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
        tz = dt.timezone(dt.timedelta(hours=8))
        self._wall = start or dt.datetime(2026, 3, 2, 9, 30, tzinfo=tz)

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
