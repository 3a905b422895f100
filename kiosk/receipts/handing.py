"""Handing a flow's slip to the receipt desk and telling its screen how it went.

Every flow that prints says the same four things: it cannot print now (no printer,
the allowance spent, the printer known to be down), the visitor has printed the
most one visit allows, it printed, or it failed (go to the staff desk). Each says
them in its own catalog's words, under `<words>.unavailable|limit|done|failed`.
The outcome reaches the screen on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.i18n import Text
from kiosk.receipts.desk import ReceiptLimitReached

if TYPE_CHECKING:
    from devices.printer.document import Document
    from devices.printer.service import JobResult
    from kiosk.handoff import UiQueue
    from kiosk.receipts.desk import ReceiptDesk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    """How a slip's print ended: printed, or failed with the words to show."""

    printed: bool
    message: Text


def hand_over(desk: ReceiptDesk | None, ui: UiQueue, doc: Document | None, print_id: str,
              words: str, staff_desk: str, done: Callable[[PrintOutcome], None]) -> None:
    """Print doc under print_id; done(outcome) runs on the UI thread when it is out, or
    at once with the reason when it cannot be printed."""
    if desk is None or doc is None or not desk.can_print():
        ui.post(lambda: done(PrintOutcome(False, (f"{words}.unavailable", {}))))
        return
    try:
        job = desk.print(doc, print_id)
    except ReceiptLimitReached:
        ui.post(lambda: done(PrintOutcome(False, (f"{words}.limit", {}))))
        return

    def finished(future: Future[JobResult]) -> None:
        outcome = _outcome(future, words, staff_desk)
        ui.post(lambda: done(outcome))
    job.future.add_done_callback(finished)


def _outcome(future: Future[JobResult], words: str, staff_desk: str) -> PrintOutcome:
    failed = PrintOutcome(False, (f"{words}.failed", {"desk": staff_desk}))
    try:
        result = future.result()
    except Exception:  # noqa: BLE001 - a printer that broke is a slip not printed
        log.exception("print job failed", extra={"slip": words})
        return failed
    if result.state.value == "printed":
        return PrintOutcome(True, (f"{words}.done", {}))
    log.warning("slip not printed", extra={"slip": words, "reason": result.after.reason})
    return failed
