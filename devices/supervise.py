"""Supervision of device worker threads: no exception ends a worker.

Each device runs in cycles on its own thread (a reader poll, a camera frame,
a print job). Errors of the device's own hierarchy are expected and handled
where they arise; anything else is a fault nobody foresaw, and if it reached
the top of the thread the device would be dead until the kiosk restarts. The
supervisor catches it, logs one JSON line with its type and where it
happened (never its message, which may quote card text), counts it, and
names a doubling, bounded back-off. The device reports the fault through its
own status and starts the next cycle afresh once that back-off has passed on
its injected clock, so a fault that recurs every cycle neither spins a core
nor floods the journal.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Fault:
    """An unforeseen error, described without its message (it may carry personal data)."""

    kind: str
    where: str
    stack: str
    retry_in_s: float

    def __str__(self) -> str:
        return f"unexpected {self.kind} at {self.where}"


def _frames(exc: BaseException) -> list[str]:
    return [f"{Path(f.filename).name}:{f.lineno} in {f.name}"
            for f in traceback.extract_tb(exc.__traceback__)]


def describe(exc: BaseException, retry_in_s: float = 0.0) -> Fault:
    """Type and code location of exc: enough for a technician, nothing of the data."""
    frames = _frames(exc)
    return Fault(type(exc).__name__, frames[-1] if frames else "?", " > ".join(frames),
                 retry_in_s)


class Supervisor:
    """Runs one worker cycle at a time and turns an unforeseen error into a Fault."""

    def __init__(self, device: str, logger: logging.Logger, first_s: float = 0.5,
                 max_s: float = 30.0) -> None:
        self.device, self.log = device, logger
        self.first_s, self.max_s = first_s, max(first_s, max_s)
        self.faults = 0
        self._wait = first_s

    def run(self, cycle: Callable[[], T]) -> T | Fault:
        """cycle's result, or the Fault it raised (logged and counted).

        The back-off doubles with each fault until the device says it has
        recovered (a cycle that did its work, not one skipped while waiting).
        """
        try:
            return cycle()
        except Exception as exc:   # the one place a worker catches everything
            return self._fault(exc)

    def recovered(self) -> None:
        """The device worked again: the next fault waits the shortest back-off."""
        self._wait = self.first_s

    def _fault(self, exc: Exception) -> Fault:
        wait = self._wait
        self._wait = min(self._wait * 2, self.max_s)
        self.faults += 1
        fault = describe(exc, wait)
        self.log.error("device worker fault; restarting its cycle",
                       extra={"device": self.device, "cause": str(fault), "stack": fault.stack,
                              "restart_in_s": wait, "faults": self.faults})
        return fault
