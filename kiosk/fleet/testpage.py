"""Pages printed for technicians: the test page the fleet console asks for, and the
pairing code of a terminal that has no key yet.

The test page:

Everything a technician checks on paper at once: both scripts' fonts, the
widths of the paper, a QR code the camera can read back, and the count of
receipts since the last roll went in.
"""

from __future__ import annotations

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


def build(stamp: Stamp, printed: int, status: str, paper_mm: int = 80) -> Document:
    """The test page (in Chinese: it is read by staff of the hall)."""
    w = ReceiptWriter("testpage", "zh", paper_mm)
    w.heading("title")
    w.field("status", status)
    w.field("printed", str(printed))
    w.note("sample")
    w.text("0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    w.text("—" * (16 if w.narrow else 24))
    w.qr(f"kiosk-test:{stamp.terminal}", "qr")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("testpage")


def pairing_slip(stamp: Stamp, code: str, paper_mm: int = 80) -> Document:
    """The pairing code on paper, for the technician who confirms it on the platform."""
    w = ReceiptWriter("pairing", "zh", paper_mm)
    w.heading("title")
    w.field("code", code)
    w.note("how")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("pairing")
