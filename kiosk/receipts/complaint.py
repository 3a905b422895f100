"""Complaint receipt: the tracking number and the promise of an answer in 5 working days."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter, Texts

ANSWER_WORKING_DAYS = 5

TEXTS: Texts = {
    "zh": {"title": "投诉受理回执", "tracking": "受理编号：", "category": "类别：",
           "submitted": "提交时间：", "promise": "我们将在{days}个工作日内答复您。",
           "follow": "凭受理编号可在本机查询办理进度，或拨打12333咨询。"},
    "en": {"title": "Complaint receipt", "tracking": "Tracking no.: ", "category": "Category: ",
           "submitted": "Submitted: ", "promise": "We will answer you within {days} working days.",
           "follow": "Use the tracking number at this kiosk to follow its progress, "
                     "or call 12333."},
    "bo": {"title": "ཞུ་གཏུགས་དང་ལེན་འཛིན་ཤོག", "tracking": "རྗེས་འདེད་ཨང་།", "category": "རིགས།",
           "submitted": "ཕུལ་བའི་དུས་ཚོད།", "promise": "ང་ཚོས་ལས་ཉིན་ ༥ ནང་ལན་འདེབས་ངེས།",
           "follow": "རྗེས་འདེད་ཨང་བཀོལ་ནས་འཕྲུལ་ཆས་འདིར་འཕེལ་རིམ་འཚོལ་ཆོག ཡང་ན་ ༡༢༣༣༣ ལ་"
                     "ཁ་པར་གཏོང་རོགས།"},
}


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
    w = ReceiptWriter(TEXTS, lang, paper_mm)
    w.heading("title")
    w.field("tracking", c.tracking)
    w.field("category", c.category)
    w.field("submitted", c.submitted_at)
    w.rule()
    w.note("promise", bold=True, days=ANSWER_WORKING_DAYS)
    w.note("follow")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("complaint")
