"""The one thing the camera needs from a clock (devices/ does not import kiosk/).

kiosk.clock.SystemClock and FakeClock both satisfy it, so the terminal and
the tests inject theirs.
"""

from __future__ import annotations

import time
from typing import Protocol


class MonotonicClock(Protocol):
    def monotonic(self) -> float: ...


class RealClock:
    """Monotonic seconds from the operating system."""

    def monotonic(self) -> float:
        return time.monotonic()
