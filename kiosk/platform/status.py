"""What technicians see about the platform link (service menu, heartbeat, CLI).

The client reports every outcome here, so a terminal whose clock drifted
shows "clock off by N s" instead of failing every call silently.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class LinkState:
    """A snapshot of the link; plain values so it serialises as JSON."""

    reachable: bool | None = None
    last_ok_at: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    auth_problem: str | None = None
    clock_skew_s: float | None = None
    server_time: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class PlatformStatus:
    """Thread-safe holder of the link state, written by the client and the workers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = LinkState()

    def ok(self, at: float) -> None:
        """A call went through: the link and the terminal's identity are fine."""
        with self._lock:
            self._state.reachable = True
            self._state.last_ok_at = at
            self._state.auth_problem = None
            self._state.clock_skew_s = None

    def failed(self, at: float, error: str, reachable: bool) -> None:
        """A call failed; reachable says whether the platform answered at all."""
        with self._lock:
            self._state.reachable = reachable
            self._state.last_error = error
            self._state.last_error_at = at

    def auth(self, at: float, code: str) -> None:
        """The platform refused the terminal's signature."""
        self.failed(at, code, reachable=True)
        with self._lock:
            self._state.auth_problem = code

    def skew(self, at: float, server_time: float, skew_s: float) -> None:
        """The platform says our clock is off by skew_s seconds (ours minus theirs)."""
        self.auth(at, "clock_skew")
        with self._lock:
            self._state.clock_skew_s = skew_s
            self._state.server_time = server_time

    def note(self, key: str, value: Any) -> None:
        """Other facts for technicians (outbox depth, data as of ...)."""
        with self._lock:
            self._state.extra[key] = value

    def snapshot(self) -> dict[str, Any]:
        """A copy of the state as a dict."""
        with self._lock:
            return asdict(self._state)
