"""Errors of the platform link, one hierarchy under KioskError.

The outbox decides what to do with a failed delivery from the class alone:
Unreachable and auth/clock problems are transient (keep the row, retry later);
ServerFailed is transient too, but counts against that one submission (the
platform keeps failing it: after a few tries it is parked so the rest go on);
Refused is permanent (set the row aside for technicians, move on).
"""

from __future__ import annotations

from kiosk.errors import KioskError


class PlatformError(KioskError):
    """Base of every failure talking to the employment platform."""

    exit_code = 4


class Unreachable(PlatformError):
    """No answer, a connection error or a time-out: an outage, try again later."""


class Unavailable(Unreachable):
    """A 502, 503 or 504: the platform, or the gateway in front of it, is down or
    overloaded. An outage like no answer at all, not a fault of this request."""

    def __init__(self, status: int) -> None:
        super().__init__(f"platform unavailable ({status})")
        self.status = status


class ServerFailed(Unreachable):
    """The platform answered but failed this request (another 5xx, or an answer that
    is not what the contract says): maybe this request, maybe a passing fault."""

    def __init__(self, message: str, status: int = 500) -> None:
        super().__init__(message)
        self.status = status


class MalformedAnswer(ServerFailed):
    """An answer whose body we cannot read (not JSON, wrong shape), or a refusal
    without the contract's error body."""

    def __init__(self, status: int, what: str) -> None:
        super().__init__(f"platform answer unreadable ({status}): {what}", status)


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


class BadFilter(PlatformError):
    """A catalog search was asked with a value no posting can have (NaN days, a pay
    beyond any integer SQLite stores, a negative limit): told at once, never run."""

    exit_code = 2
