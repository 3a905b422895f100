"""Appointment ticket: the booked session, what to bring, how to cancel, and the QR
code (the appointment's opaque id, never the person) that checks the visitor in."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document, Heading
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter


@dataclass(frozen=True)
class AppointmentTicket:
    """A booked slot; checkin is the payload the kiosk camera accepts."""

    ticket: str
    service: str
    counsellor: str
    time: str
    place: str
    checkin: str
    bring: tuple[str, ...] = ()


SAMPLE = AppointmentTicket(ticket="T-0307-015", service="职业指导（一对一）",
                           counsellor="李老师", time="2026-03-07 14:30-15:00",
                           place="二楼职业指导室3号", checkin="EKIOSK:APPT:T-0307-015",
                           bring=("本人身份证", "简历（如有）"))


def build(appt: AppointmentTicket, stamp: Stamp, lang: str = "zh",
          paper_mm: int = 80) -> Document:
    """The appointment ticket."""
    w = ReceiptWriter("appointment", lang, paper_mm)
    w.heading("title")
    w.field("ticket", appt.ticket)
    w.field("service", appt.service)
    w.field("counsellor", appt.counsellor)
    w.field("time", appt.time)
    w.field("place", appt.place)
    if appt.bring:
        w.field("bring", "、".join(appt.bring))
    w.qr(appt.checkin, "checkin")
    w.note("early")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("appointment")


@dataclass(frozen=True)
class QueueSlip:
    """A check-in's place in the room's queue; no name, no appointment code."""

    number: str
    room: str
    service: str
    time: str


def build_queue(slip: QueueSlip, stamp: Stamp, lang: str = "zh",
                paper_mm: int = 80) -> Document:
    """The queue slip a check-in prints: the number large, where to wait, for what."""
    w = ReceiptWriter("queue", lang, paper_mm)
    w.heading("title")
    w.note("number", bold=True)
    w.blocks.append(Heading(slip.number, size=2))
    w.field("room", slip.room)
    if slip.service:
        w.field("service", slip.service)
    if slip.time:
        w.field("time", slip.time)
    w.note("wait")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("queue")
