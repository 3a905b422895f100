"""A periodic worker thread (catalog sync, heartbeat) that tests drive by hand.

It waits on an event rather than sleeping, so wake() runs it at once and
stop() ends it without waiting out the interval.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Periodic:
    """Run job() now and then every interval_s seconds until stopped."""

    def __init__(self, name: str, job: Callable[[], object], interval_s: float) -> None:
        self.name = name
        self.job = job
        self.interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Periodic:
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.job()
            except Exception:  # noqa: BLE001 - a failed round must not end the worker
                log.exception("periodic job failed", extra={"worker": self.name})
            self._wake.wait(self.interval_s)
