"""Job slip: the posting a visitor wants to apply for, with a QR to the posting."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class JobSlip:
    """What the slip shows of a posting."""

    posting_id: str
    title: str
    company: str
    headcount: int
    pay: str
    duties: str
    requirements: str
    address: str
    contact: str
    url: str


SAMPLE = JobSlip(
    posting_id="J-2026-00417", title="仓库管理员", company="示范物流有限公司", headcount=3,
    pay="¥4500-6000/月，五险一金", duties="负责仓库货物的收发、盘点与整理，按时录入出入库记录。",
    requirements="初中及以上学历，能适应倒班；持叉车证者优先。",
    address="示范市高新区物流园8号库", contact="王先生 0891-6812345",
    url="https://jobs.example.cn/p/J-2026-00417")


def build(job: JobSlip, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The job slip."""
    w = ReceiptWriter("job", lang, paper_mm)
    w.heading("title")
    w.text(job.title, bold=True, align="center")
    w.field("company", job.company)
    w.field("headcount", w.t("people", n=job.headcount))
    w.field("pay", job.pay)
    w.section("duties", job.duties)
    w.section("requirements", job.requirements)
    w.field("address", job.address)
    w.field("contact", job.contact)
    w.qr(job.url, "scan")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("job")
