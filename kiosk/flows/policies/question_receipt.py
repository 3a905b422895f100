"""The policy question slip: tracking number, the promised answer date, how to read it."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class QuestionSlip:
    """What the slip shows; the phone only masked, the code only when there is no phone."""

    tracking_number: str
    asked_at: str            # "2026-04-03 16:20"
    answer_by: str           # "2026-04-07"
    question: str
    policy_title: str
    phone_masked: str        # "" without a phone
    code: str                # "" with a phone


SAMPLE = QuestionSlip(
    tracking_number="ZX20260403-482913", asked_at="2026-04-03 16:20", answer_by="2026-04-07",
    question="灵活就业以后，社保补贴每个月什么时候发？", policy_title="社会保险补贴申领办法",
    phone_masked="138****8000", code="")


def build(slip: QuestionSlip, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The question slip."""
    w = ReceiptWriter("policy_question", lang, paper_mm)
    w.heading("title")
    w.field("number", slip.tracking_number)
    w.field("asked", slip.asked_at)
    w.field("promised", slip.answer_by)
    if slip.policy_title:
        w.field("policy", slip.policy_title)
    w.section("question", slip.question)
    w.rule()
    if slip.code:
        w.field("code", slip.code)
        w.note("how_code", bold=True)
    else:
        w.field("phone", slip.phone_masked)
        w.note("how_phone", bold=True)
    w.note("working_day")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("policy_question")
