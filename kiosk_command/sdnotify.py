"""systemd's notify protocol: READY, WATCHDOG and STOPPING datagrams to $NOTIFY_SOCKET.

The unit runs the kiosk with Type=notify and WatchdogSec, so systemd counts the
terminal as started only once its first frame is on the glass, and restarts it when
the UI's main loop stops pinging. The protocol is one datagram of KEY=VALUE lines to
a Unix socket (a path, or an abstract name written with a leading "@"); the standard
library is enough, and without NOTIFY_SOCKET (a demo, a test) every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Sends state changes to the service manager that started this process, if any."""

    def __init__(self, environ: Mapping[str, str] | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        env = os.environ if environ is None else environ
        self.address = _address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog_s = _watchdog_s(env)
        self._monotonic = monotonic
        self._last_ping = float("-inf")
        self._sock: socket.socket | None = None

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def ready(self, status: str = "") -> None:
        """The terminal shows its first screen (systemd: the start has finished)."""
        self._send("READY=1", f"MAINPID={os.getpid()}", *_status(status))

    def stopping(self, status: str = "") -> None:
        """An orderly stop has begun (systemd: do not count it as a failure)."""
        self._send("STOPPING=1", *_status(status))

    def status(self, text: str) -> None:
        self._send(*_status(text))

    def watchdog(self) -> None:
        """Ping, at most four times per watchdog interval (the main loop calls it often)."""
        if self.watchdog_s is None:
            return
        now = self._monotonic()
        if now - self._last_ping < self.watchdog_s / 4:
            return
        self._last_ping = now
        self._send("WATCHDOG=1")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _send(self, *lines: str) -> None:
        if self.address is None:
            return
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto("\n".join(lines).encode(), self.address)
        except OSError as exc:       # a notification lost must never stop the terminal
            log.warning("service manager notification failed",
                        extra={"what": lines[0].split("=")[0], "cause": str(exc)})


def _address(raw: str) -> str | bytes | None:
    if not raw:
        return None
    if raw.startswith("@"):               # abstract namespace
        return b"\0" + raw[1:].encode()
    return raw if raw.startswith("/") else None


def _watchdog_s(env: Mapping[str, str]) -> float | None:
    """The watchdog interval systemd asked for, if it is meant for this process."""
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and pid != str(os.getpid()):
        return None
    return int(usec) / 1e6


def _status(text: str) -> tuple[str, ...]:
    return (f"STATUS={text}",) if text else ()
