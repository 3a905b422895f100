"""Work handed from device, sender and render threads to the UI thread.

A card read arrives on the reader's thread, a delivery outcome on the
sender's; the session and the screens are not thread-safe. Those threads
post a callable here and the app runs what is pending once per frame, the
one place where threads hop back to the UI. A failing callable is logged
and the next still runs: one bad event must not stall the queue.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class UiQueue:
    """A thread-safe queue of callables, drained on the UI thread."""

    def __init__(self) -> None:
        self._pending: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def post(self, fn: Callable[[], None]) -> None:
        """Run fn on the UI thread soon (callable from any thread)."""
        self._pending.put(fn)

    def call(self, fn: Callable[[], T], timeout_s: float) -> T:
        """Run fn on the UI thread and wait for what it returns (or raises); from
        another thread only. concurrent.futures.TimeoutError when no frame ran it."""
        done: Future[T] = Future()

        def run() -> None:
            try:
                done.set_result(fn())
            except Exception as exc:  # noqa: BLE001 - handed to the waiting thread
                done.set_exception(exc)
        self.post(run)
        return done.result(timeout_s)

    def run_pending(self) -> int:
        """Run what was posted so far (UI thread); returns how many ran."""
        ran = 0
        while True:
            try:
                fn = self._pending.get_nowait()
            except queue.Empty:
                return ran
            ran += 1
            fn()
