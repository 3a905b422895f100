"""The technician's way into the terminal's menu: a PIN whose SHA-256 is configured,
and a lock that grows with every wrong guess.

A public terminal's PIN pad can be tried by anyone standing at it. Three wrong
PINs lock the pad for 30 seconds, and every further wrong one doubles the lock
(up to an hour); the right one opens the menu and clears the count. Every
attempt is logged (never the digits) and counted in the health the fleet sees.
Time is the injected clock's, so the lock is tested without waiting.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
from dataclasses import dataclass
from typing import Literal

from kiosk.clock import Clock

log = logging.getLogger(__name__)
FREE_TRIES = 3
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 3600.0
Attempt = Literal["ok", "wrong", "locked"]


def pin_matches(pin: str, sha256_hex: str) -> bool:
    """Whether pin is the technician PIN (compared in constant time)."""
    digest = hashlib.sha256(pin.encode()).hexdigest()
    return hmac.compare_digest(digest, sha256_hex.lower())


@dataclass(frozen=True)
class PinFacts:
    """What the fleet is told about the PIN pad."""

    uses: int
    wrong_in_a_row: int
    locked_for_s: float
    last_use_at: float | None


class PinGuard:
    """Checks PINs and keeps the lock."""

    def __init__(self, clock: Clock, sha256_hex: str) -> None:
        self.clock, self.sha256_hex = clock, sha256_hex
        self._lock = threading.Lock()
        self._wrong = 0
        self._until = 0.0            # monotonic
        self._uses = 0
        self._last_use: float | None = None

    def locked_for(self) -> float:
        """Seconds until the pad takes a PIN again (0: it does now)."""
        return max(0.0, self._until - self.clock.monotonic())

    def attempt(self, pin: str) -> Attempt:
        """One PIN typed on the pad."""
        with self._lock:
            if self.locked_for() > 0:
                log.warning("technician PIN while locked", extra={"locked_for_s": round(
                    self.locked_for())})
                return "locked"
            if pin_matches(pin, self.sha256_hex):
                self._wrong, self._uses = 0, self._uses + 1
                self._last_use = self.clock.now().timestamp()
                log.warning("technician signed in on the glass")
                return "ok"
            self._wrong += 1
            if self._wrong >= FREE_TRIES:
                lock = min(LONGEST_LOCK_S, FIRST_LOCK_S * 2 ** (self._wrong - FREE_TRIES))
                self._until = self.clock.monotonic() + lock
            log.warning("wrong technician PIN", extra={"wrong_in_a_row": self._wrong,
                                                        "locked_for_s": round(self.locked_for())})
            return "wrong"

    def facts(self) -> PinFacts:
        with self._lock:
            return PinFacts(self._uses, self._wrong, round(self.locked_for(), 1),
                            self._last_use)
