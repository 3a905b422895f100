"""A module's log level raised (or lowered) for a while, then put back.

A technician chasing a fault wants DEBUG from one module for half an hour, not a
terminal that logs at DEBUG until someone remembers to undo it.
"""

from __future__ import annotations

import logging
import threading


class TimedLevels:
    """Temporary log levels, each put back at its time (checked by the fleet's tick)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until: dict[str, tuple[float, int]] = {}   # logger -> (until, level before)

    def set(self, name: str, level: str, until: float) -> str:
        logger = logging.getLogger(name)
        with self._lock:
            before = self._until.get(name, (0.0, logger.level))[1]
            self._until[name] = (until, before)
        logger.setLevel(level)
        return f"{name} logs at {level} until {until:.0f}"

    def expire(self, now: float) -> list[str]:
        """Put back every level whose time is up; the names put back."""
        with self._lock:
            due = [(n, before) for n, (until, before) in self._until.items() if until <= now]
            for name, _ in due:
                del self._until[name]
        for name, before in due:
            logging.getLogger(name).setLevel(before)
        return [name for name, _ in due]
