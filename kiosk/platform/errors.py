"""Errors of the platform link, one hierarchy under KioskError.

The outbox decides what to do with a failed delivery from the class alone:
Unreachable and auth/clock problems are transient (keep the row, retry later),
Refused is permanent (set the row aside for technicians, move on).
"""

from __future__ import annotations

from kiosk.errors import KioskError


class PlatformError(KioskError):
    """Base of every failure talking to the employment platform."""

    exit_code = 4


class Unreachable(PlatformError):
    """No answer, a connection error, a time-out or a 5xx: try again later."""


class ServerFailed(Unreachable):
    """The platform answered with a 5xx: it is there but cannot serve us now."""


class AuthRejected(PlatformError):
    """The platform refused our signature (bad key, replay or unknown terminal)."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(f"platform rejected the terminal: {code} {message}".strip())
        self.code = code


class ClockSkew(AuthRejected):
    """Our clock is too far from the platform's; technicians must fix the time."""

    def __init__(self, server_time: float, skew_s: float, message: str = "") -> None:
        super().__init__("clock_skew", message)
        self.server_time = server_time
        self.skew_s = skew_s


class Refused(PlatformError):
    """The platform permanently refused this request (a 4xx with a reason)."""

    def __init__(self, status: int, code: str, reason: str = "") -> None:
        super().__init__(f"platform refused ({status} {code}): {reason}".strip())
        self.status = status
        self.code = code
        self.reason = reason
