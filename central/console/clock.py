"""The console's idea of now, injectable so tests move time instead of waiting.

The platform keeps one Clock on app.state.clock; heartbeats seen, sessions, lock-outs
and alerts all read it, so a test that moves it ten minutes on sees a terminal go
offline without sleeping. The terminals' signatures still use the real time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MovableClock:
    """The real time plus an offset a test moves forward (thread-safe)."""

    def __init__(self) -> None:
        self._offset = dt.timedelta()
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        with self._lock:
            return dt.datetime.now(dt.UTC) + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += dt.timedelta(seconds=seconds)


class ClockFrom:
    """A clock that starts at a given moment and runs on in real time: `kiosk central
    serve --now` for a scripted run whose terminal clock is fixed to another day, so
    check-in windows and reminders line up with the slots it books. The signature's
    clock check still uses the real time."""

    def __init__(self, start: dt.datetime) -> None:
        self._start = start if start.tzinfo else start.replace(tzinfo=dt.UTC)
        self._began = time.monotonic()

    def __call__(self) -> dt.datetime:
        return self._start + dt.timedelta(seconds=time.monotonic() - self._began)
