"""Registration slip: proof of a job-seeker registration, what comes next and what to bring.

Name and number are masked when the slip is built; the slip says honestly
whether the platform has the registration or the terminal is still holding
it, lists everything to bring in one go (一次性告知), names the employment
service specialist when one is assigned, and carries a QR code to the
visitor's own record when the terminal knows where that is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from devices.idcard.masking import mask_name, mask_number
from devices.printer.document import Document
from kiosk.flows.registration.mypage import Specialist
from kiosk.i18n import Text, listing, raw
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter

SlipState = Literal["registered", "updated", "queued"]


@dataclass(frozen=True)
class RegistrationSlip:
    """The registration as the slip shows it (full name and number: masked when built)."""

    reference: str                 # "" while the registration waits on this terminal
    name: str
    id_number: str
    registered_at: str
    intentions: Text
    documents: tuple[Text, ...]
    state: SlipState = "registered"
    specialist: Specialist | None = None
    record_url: str = ""
    desk: str = "1"


SAMPLE = RegistrationSlip(
    reference="R-20260302-0042", name="张晓明", id_number="110105199001011234",
    registered_at="2026-03-02 09:28",
    intentions=listing([
        listing([("reg.occupations.仓储物流", {}), ("reg.occupations.交通运输", {})]),
        listing([raw("新都区"), raw("金牛区")]), ("reg.pay_from", {"n": 5000}),
        ("reg.work_types.full_time", {})], style="clauses"),
    documents=(("reg.bring.id_card", {}), ("reg.bring.employment_card", {}),
               ("reg.bring.leaving_proof", {})),
    specialist=Specialist("李老师", "3", "028-6120 3345"),
    record_url="https://jobs.example.cn/my/R-20260302-0042")


def build(reg: RegistrationSlip, stamp: Stamp, lang: str = "zh", paper_mm: int = 80) -> Document:
    """The registration slip; the full ID number never reaches the paper."""
    w = ReceiptWriter("registration", lang, paper_mm)
    w.heading("title")
    w.field("ref", reg.reference or w.t("ref_pending"))
    w.field("name", mask_name(reg.name))
    w.field("id", mask_number(reg.id_number))
    w.field("time", reg.registered_at)
    w.note(f"state.{reg.state}", bold=True)
    w.rule()
    w.note("intent", bold=True)
    w.phrase(reg.intentions)
    w.rule()
    w.note("next", bold=True)
    w.note("next.sms")
    if reg.specialist is not None:
        w.note("next.specialist")
    else:
        w.note("next.desk", desk=reg.desk)
    w.note("next.update")
    w.rule()
    w.note("bring", bold=True, desk=reg.desk)
    for document in reg.documents:
        w.phrase(document, prefix="· ")
    if reg.specialist is not None:
        w.rule()
        w.note("specialist", bold=True)
        w.field("specialist_name", reg.specialist.name)
        if reg.specialist.desk:
            w.field("specialist_desk", reg.specialist.desk)
        if reg.specialist.phone:
            w.field("specialist_phone", reg.specialist.phone)
    if reg.record_url:
        w.qr(reg.record_url, "scan")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("registration")
