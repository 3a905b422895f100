"""The complaint slip: number, when, what was filed (masked), the promised date, the
channels, and how to look it up; without a phone it says there is no follow-up."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter

ANSWER_WORKING_DAYS = 5


@dataclass(frozen=True)
class ComplaintReceipt:
    """A filed complaint as the slip shows it: the kind and topic in the slip's
    language, the visitor's words cut short, the phone masked."""

    tracking: str
    category: str
    submitted_at: str
    answer_by: str = ""              # "2026-03-13"
    about: str = ""
    summary: str = ""                # the first words of what was written
    phone_masked: str = ""           # "" when anonymous
    queued: bool = False             # not yet confirmed by the platform


SAMPLE = ComplaintReceipt(tracking="TS20260306-482913", category="投诉",
                          submitted_at="2026-03-06 16:20", answer_by="2026-03-13",
                          about="窗口服务", summary="三号窗口排队一个小时，无人叫号……",
                          phone_masked="138****8000")

SUMMARY_CHARS = 40


def summary(text: str) -> str:
    """What was written, cut to the first words (the full text stays sealed)."""
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "……"


def build(c: ComplaintReceipt, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The complaint slip."""
    w = ReceiptWriter("complaint", lang, paper_mm)
    w.heading("title")
    w.field("tracking", c.tracking)
    w.field("category", c.category)
    if c.about:
        w.field("about", c.about)
    w.field("submitted", c.submitted_at)
    if c.summary:
        w.section("what", c.summary)
    w.rule()
    if c.answer_by:
        w.field("answer_by", c.answer_by)
    w.note("promise", bold=True, days=ANSWER_WORKING_DAYS)
    if c.queued:
        w.note("queued")
    if c.phone_masked:
        w.field("phone", c.phone_masked)
        w.note("follow")
    else:
        w.note("anonymous", bold=True)
    w.note("channels")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("complaint")
