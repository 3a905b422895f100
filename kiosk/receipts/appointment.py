"""Appointment ticket: a counselling slot and the QR that checks the visitor in."""

from __future__ import annotations

from dataclasses import dataclass

from devices.printer.document import Document
from kiosk.receipts.stamp import Stamp
from kiosk.receipts.writer import ReceiptWriter, Texts

TEXTS: Texts = {
    "zh": {"title": "预约凭证", "ticket": "预约号：", "service": "服务项目：",
           "counsellor": "指导老师：", "time": "预约时间：", "place": "地点：",
           "checkin": "到场后请在本机扫描二维码签到",
           "early": "请提前10分钟到达；如需取消，请提前一天致电服务窗口。"},
    "en": {"title": "Appointment ticket", "ticket": "Ticket no.: ", "service": "Service: ",
           "counsellor": "Counsellor: ", "time": "Time: ", "place": "Place: ",
           "checkin": "On arrival, scan this code at the kiosk to check in",
           "early": "Please arrive 10 minutes early; to cancel, call the service desk "
                    "a day ahead."},
    "bo": {"title": "དུས་འཁེལ་འཛིན་ཤོག", "ticket": "དུས་འཁེལ་ཨང་།",
           "service": "ཞབས་ཞུའི་རྣམ་གྲངས།", "counsellor": "ལམ་སྟོན་པ།", "time": "དུས་ཚོད།",
           "place": "ས་གནས།",
           "checkin": "འབྱོར་རྗེས་འཕྲུལ་ཆས་འདིར་ཨང་རྟགས་བཤར་ནས་མིང་རྟགས་འགོད་རོགས།",
           "early": "སྐར་མ་ ༡༠ སྔོན་ལ་འབྱོར་རོགས། དུས་འཁེལ་མེད་པར་གཏོང་ན་ཉིན་གཅིག་སྔོན་ལ་"
                    "ཁ་པར་གཏོང་རོགས།"},
}


@dataclass(frozen=True)
class AppointmentTicket:
    """A booked slot; checkin is the payload the kiosk camera accepts."""

    ticket: str
    service: str
    counsellor: str
    time: str
    place: str
    checkin: str


SAMPLE = AppointmentTicket(ticket="T-0307-015", service="职业指导（一对一）",
                           counsellor="李老师", time="2026-03-07 14:30-15:00",
                           place="二楼职业指导室3号", checkin="EKIOSK:APPT:T-0307-015")


def build(appt: AppointmentTicket, stamp: Stamp, lang: str = "zh",
          paper_mm: int = 80) -> Document:
    """The appointment ticket."""
    w = ReceiptWriter(TEXTS, lang, paper_mm)
    w.heading("title")
    w.field("ticket", appt.ticket)
    w.field("service", appt.service)
    w.field("counsellor", appt.counsellor)
    w.field("time", appt.time)
    w.field("place", appt.place)
    w.qr(appt.checkin, "checkin")
    w.note("early")
    w.footer(stamp.hall, stamp.terminal, stamp.printed_at)
    return w.document("appointment")
