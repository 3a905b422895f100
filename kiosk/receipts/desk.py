"""Printing receipts for a visitor, at most kiosk.max_receipts per session.

A public terminal's paper is shared: one visitor printing the whole job list
would leave the next without a receipt. The count resets when the visitor's
session ends; re-submitting the same job id (a retry) does not count again,
and neither does a job that failed before any paper came out.
"""

from __future__ import annotations

import logging
from typing import Any

from devices.printer.document import Document
from kiosk.errors import KioskError

log = logging.getLogger(__name__)


class ReceiptLimitReached(KioskError):
    """The visitor has printed the most receipts one session allows."""


class ReceiptDesk:
    """Hands receipts to the printer service and keeps the per-session count."""

    def __init__(self, printer: Any, max_receipts: int = 5, session: Any = None) -> None:
        self.printer = printer
        self.max_receipts = max_receipts
        self._ids: set[str] = set()
        if session is not None and hasattr(session, "on_end"):
            session.on_end(self.reset)

    @property
    def printed(self) -> int:
        """Receipts counted against this session."""
        return len(self._ids)

    def remaining(self) -> int:
        """How many more receipts this visitor may print."""
        return max(0, self.max_receipts - self.printed)

    def can_print(self) -> bool:
        """True when the limit allows one more and the printer is not known to be down."""
        status = self.printer.status()
        return self.remaining() > 0 and (status.unknown or status.ready)

    def print(self, doc: Document, job_id: str) -> Any:
        """Submit doc under job_id; raises ReceiptLimitReached past the limit."""
        if job_id not in self._ids and self.remaining() <= 0:
            log.info("receipt limit reached", extra={"limit": self.max_receipts})
            raise ReceiptLimitReached(f"receipts: at most {self.max_receipts} per visitor")
        self._ids.add(job_id)
        job = self.printer.submit(doc, job_id)
        job.future.add_done_callback(lambda f: self._settle(job_id, f.result()))
        return job

    def _settle(self, job_id: str, result: Any) -> None:
        if result.state.value == "failed" and result.bytes_sent == 0:
            self._ids.discard(job_id)        # nothing came out: it does not count

    def reset(self) -> None:
        """A new visitor starts with the full allowance."""
        self._ids.clear()
