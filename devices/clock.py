"""The one thing a device needs from a clock: monotonic seconds for its deadlines.

devices/ does not import kiosk/, so the protocol lives here and kiosk.clock.Clock
extends it: the terminal's SystemClock and the tests' FakeClock satisfy both,
and every device is handed the one clock of the terminal.
"""

from __future__ import annotations

import time
from typing import Protocol


class MonotonicClock(Protocol):
    """Seconds that only move forward (deadlines, back-offs, time-outs)."""

    def monotonic(self) -> float: ...


class RealClock:
    """Monotonic seconds from the operating system."""

    def monotonic(self) -> float:
        return time.monotonic()
