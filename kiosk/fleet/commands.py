"""The commands a terminal takes from the fleet: an allow-list with typed arguments.

Anything else is refused with its reason, before anything runs. Each command also
says whether it would disturb a visitor (those wait for the session to end) and
whether its result waits for the app to act (a restart answers before it goes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from kiosk.errors import KioskError

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class CommandRefused(KioskError):
    """A command the terminal does not run: unknown, malformed or with bad arguments.

    command_id is set when the command had a usable id, so the refusal can be
    reported against it."""

    def __init__(self, reason: str, command_id: str = "") -> None:
        super().__init__(reason)
        self.command_id = command_id


class CommandFailed(KioskError):
    """A command ran and did not do what it was asked (the message says why)."""


@dataclass(frozen=True)
class Command:
    """One command as the platform listed it, its arguments checked; deadline is on
    the terminal's steady clock (monotonic seconds)."""

    id: str
    kind: str
    args: Mapping[str, object]
    expires_at: dt.datetime
    deadline: float
    spec: Spec


Check = Callable[[Mapping[str, object]], dict[str, object]]


@dataclass(frozen=True)
class Spec:
    """How a kind of command is checked and when it may run."""

    kind: str
    check: Check = field(default=lambda args: _no_args(args))
    disturbs: bool = False          # waits until no visitor is being served


def _no_args(args: Mapping[str, object]) -> dict[str, object]:
    if args:
        raise CommandRefused(f"takes no arguments, got {', '.join(sorted(args))}")
    return {}


def _only(args: Mapping[str, object], names: set[str]) -> None:
    extra = set(args) - names
    if extra:
        raise CommandRefused(f"unknown arguments: {', '.join(sorted(extra))}")


def _text(args: Mapping[str, object], name: str, limit: int, default: str = "") -> str:
    value = args.get(name, default)
    if not isinstance(value, str) or len(value) > limit or any(c in value for c in "\x00\r"):
        raise CommandRefused(f"{name} must be text of at most {limit} characters")
    return value.strip()


def _int(args: Mapping[str, object], name: str, low: int, high: int, default: int) -> int:
    value = args.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CommandRefused(f"{name} must be a whole number from {low} to {high}")
    return value


def _out_of_service(args: Mapping[str, object]) -> dict[str, object]:
    _only(args, {"message"})
    return {"message": _text(args, "message", 200)}


def _upload_logs(args: Mapping[str, object]) -> dict[str, object]:
    _only(args, {"lines"})
    return {"lines": _int(args, "lines", 1, 2000, 500)}


def _log_level(args: Mapping[str, object]) -> dict[str, object]:
    _only(args, {"logger", "level", "minutes"})
    logger = _text(args, "logger", 80)
    if not logger or not all(part.isidentifier() for part in logger.split(".")):
        raise CommandRefused("logger must be a module name such as kiosk.platform")
    level = args.get("level")
    if level not in LOG_LEVELS:
        raise CommandRefused(f"level must be one of {', '.join(LOG_LEVELS)}")
    return {"logger": logger, "level": level, "minutes": _int(args, "minutes", 1, 240, 30)}


_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_-]{0,59}$")   # kiosk-update's rule
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _update(args: Mapping[str, object]) -> dict[str, object]:
    """A release to install: its name, where its archive is, and the archive's digest
    (the download is trusted for nothing but bytes; the signed command pins them)."""
    _only(args, {"version", "url", "sha256"})
    version, url = _text(args, "version", 60), _text(args, "url", 500)
    sha256 = _text(args, "sha256", 64).lower()
    if not _VERSION.match(version):
        raise CommandRefused("version must be a release name such as 0.2.0")
    if not url.startswith(("http://", "https://")):
        raise CommandRefused("url must be an http or https address")
    if not _SHA256.match(sha256):
        raise CommandRefused("sha256 must be 64 hexadecimal digits")
    return {"version": version, "url": url, "sha256": sha256}


SPECS: dict[str, Spec] = {s.kind: s for s in (
    Spec("restart", disturbs=True),
    Spec("reload_config", disturbs=True),
    Spec("print_test_page", disturbs=True),
    Spec("out_of_service", _out_of_service, disturbs=True),
    Spec("in_service"),
    Spec("screenshot", disturbs=True),      # never of a visitor's screen
    Spec("upload_logs", _upload_logs),
    Spec("sync_catalog"),
    Spec("log_level", _log_level),
    Spec("cancel_print"),
    Spec("update", _update, disturbs=True),   # the app restarts into the new release
    Spec("reboot", disturbs=True),
)}

Outcome = Literal["done", "failed", "refused", "expired"]


def parse(item: Mapping[str, object], listed_at: float, steady_now: float) -> Command:
    """A listed command, checked against the allow-list; CommandRefused says why not.

    listed_at is the platform's time when it listed the command (or the terminal's,
    when the platform did not say): the command lives expires_at - listed_at more
    seconds from steady_now."""
    command_id = item.get("id")
    if not isinstance(command_id, str) or not command_id or len(command_id) > 64 \
            or not all(c.isascii() and (c.isalnum() or c == "-") for c in command_id):
        raise CommandRefused("a command without a usable id")
    kind, args = item.get("kind"), item.get("args", {})
    spec = SPECS.get(kind) if isinstance(kind, str) else None
    try:
        if spec is None:
            raise CommandRefused(f"{kind!r} is not a command this terminal runs")
        if not isinstance(args, Mapping):
            raise CommandRefused("arguments must be an object")
        checked = spec.check(args)
        expires = _moment(item.get("expires_at"))
    except CommandRefused as exc:
        raise CommandRefused(str(exc), command_id) from None
    deadline = steady_now + (expires.timestamp() - listed_at)
    return Command(command_id, spec.kind, checked, expires, deadline, spec)


def _moment(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise CommandRefused("a command without an expiry is not run")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CommandRefused("its expiry is not a date and time") from None
    if moment.tzinfo is None:
        raise CommandRefused("its expiry has no time zone")
    return moment
