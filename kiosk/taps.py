"""Double-tap guard: one action per deliberate tap.

Elderly visitors often tap twice, or hold a finger that bounces; a second
"print" or "submit" within a moment of the first is almost never meant.
"""

from __future__ import annotations

from kiosk.clock import Clock


class TapGuard:
    """Lets an action through at most once per window, per action key."""

    def __init__(self, clock: Clock, window_s: float = 0.6) -> None:
        self.clock = clock
        self.window_s = window_s
        self._last: dict[str, float] = {}

    def allow(self, key: str) -> bool:
        """True when key was not allowed within the last window_s seconds."""
        now = self.clock.monotonic()
        last = self._last.get(key)
        if last is not None and now - last < self.window_s:
            return False
        self._last[key] = now
        return True

    def reset(self) -> None:
        """Forget recent taps (at the end of a session)."""
        self._last.clear()
