"""The sender thread: delivers the outbox in order, backing off while the platform is away.

Time comes from the injected clock, so tests move the clock and call wake()
instead of waiting out a back-off. Visitors waiting on submit() are told the
truth as soon as the first attempt settles: "sent", or "saved, will be sent".
A parked submission does not back off the queue: the next one goes at once,
and the sender wakes by itself when the earliest parked one is due again.
"""

from __future__ import annotations

import logging
import threading

from kiosk.platform.outbox import Outbox, Outcome

log = logging.getLogger(__name__)


class Waiters:
    """Submissions someone is waiting on, keyed by idempotency key."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, tuple[threading.Event, list[Outcome]]] = {}

    def register(self, key: str) -> threading.Event:
        event = threading.Event()
        with self._lock:
            self._events[key] = (event, [])
        return event

    def settle(self, outcome: Outcome, everyone: bool = False) -> None:
        """Tell the waiter of outcome.key; with everyone, tell all (the link is down)."""
        with self._lock:
            keys = list(self._events) if everyone else [outcome.key]
            for key in keys:
                if key in self._events:
                    event, box = self._events[key]
                    box.append(outcome if key == outcome.key else Outcome(key, "queued"))
                    event.set()

    def take(self, key: str) -> Outcome | None:
        with self._lock:
            _event, box = self._events.pop(key, (None, []))
        return box[0] if box else None


class Sender:
    """One daemon thread running the outbox head by head."""

    def __init__(self, outbox: Outbox, backoff_min_s: float = 2.0, backoff_max_s: float = 300.0,
                 purge_every_s: float = 3600.0) -> None:
        self.outbox = outbox
        self.clock = outbox.clock
        self.waiters = Waiters()
        self.backoff_min_s = backoff_min_s
        self.backoff_max_s = backoff_max_s
        self.purge_every_s = purge_every_s
        self.failures = 0
        self._next_try = 0.0
        self._next_purge = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.lock = threading.Lock()

    def start(self) -> Sender:
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Try now, whatever the back-off says (new submission, clock moved, link back)."""
        self._next_try = 0.0
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                delay = self.step()
            except Exception:  # noqa: BLE001 - the sender must outlive any one bad row
                log.exception("outbox sender step failed")
                delay = self.backoff_min_s
            if delay is None or delay > 0:
                self._wake.wait(delay)

    def step(self) -> float | None:
        """One unit of work; seconds to wait after it (0: go on, None: idle)."""
        now = self.clock.monotonic()
        if now >= self._next_purge:
            self.outbox.purge()
            self._next_purge = now + self.purge_every_s
        if now < self._next_try:
            return self._next_try - now
        with self.lock:
            outcome = self.outbox.deliver_head()
        if outcome is None:
            return self._idle(now)
        if outcome.blocks:
            self.failures += 1
            wait = min(self.backoff_max_s, self.backoff_min_s * 2 ** (self.failures - 1))
            self._next_try = now + wait
            self.waiters.settle(outcome, everyone=True)
            return wait
        self.failures = 0
        self.waiters.settle(outcome)
        return 0.0

    def _idle(self, now: float) -> float:
        """Nothing due: sleep until the next purge or the earliest parked retry."""
        wait = min(self.purge_every_s, self._next_purge - now)
        parked_in = self.outbox.next_parked_in()
        return wait if parked_in is None else min(wait, parked_in)
