"""Registration slip: proof that a job-seeker registration was submitted (number masked)."""

from __future__ import annotations

from dataclasses import dataclass

from devices.idcard.masking import mask_name, mask_number
from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class RegistrationSlip:
    """The registration as the slip shows it; name and number are masked when built."""

    reference: str
    name: str
    id_number: str
    registered_at: str
    intent: str


SAMPLE = RegistrationSlip(reference="R-20260302-0042", name="张晓明",
                          id_number="110105199001011234", registered_at="2026-03-02 09:28",
                          intent="仓储物流 / 叉车司机")


def build(reg: RegistrationSlip, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The registration slip; the full ID number never reaches the paper."""
    w = ReceiptWriter("registration", lang, paper_mm)
    w.heading("title")
    w.field("ref", reg.reference)
    w.field("name", mask_name(reg.name))
    w.field("id", mask_number(reg.id_number))
    w.field("time", reg.registered_at)
    w.field("intent", reg.intent)
    w.rule()
    w.note("next")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("registration")
