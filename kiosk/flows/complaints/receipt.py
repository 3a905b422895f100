"""Complaint receipt: the tracking number and the promise of an answer in 5 working days."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter

ANSWER_WORKING_DAYS = 5


@dataclass(frozen=True)
class ComplaintReceipt:
    """A filed complaint as the receipt shows it (no content, no personal data)."""

    tracking: str
    category: str
    submitted_at: str


SAMPLE = ComplaintReceipt(tracking="C-20260302-0007", category="服务态度",
                          submitted_at="2026-03-02 09:26")


def build(c: ComplaintReceipt, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The complaint receipt."""
    w = ReceiptWriter("complaint", lang, paper_mm)
    w.heading("title")
    w.field("tracking", c.tracking)
    w.field("category", c.category)
    w.field("submitted", c.submitted_at)
    w.rule()
    w.note("promise", bold=True, days=ANSWER_WORKING_DAYS)
    w.note("follow")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("complaint")
