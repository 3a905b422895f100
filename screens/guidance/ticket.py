"""The ticket: the booked session at once, printed on the slip (date, time, place,
counsellor, what to bring, how to cancel, the check-in QR code), or the code on the
glass when there is no paper. A booking saved while the platform is away says so."""

from __future__ import annotations

from collections.abc import Callable

from kivy.properties import StringProperty

from kiosk.flows.guidance.booking import time_values
from kiosk.flows.guidance.flow import GuidanceFlow, PrintOutcome
from screens.qr import QrImage  # noqa: F401 - the ticket's QR fallback (kv rule)
from screens.slips import SlipScreen


class GuidanceTicketScreen(SlipScreen):
    """What was booked, sent or saved; print the ticket or show its code."""

    flow: GuidanceFlow
    state = StringProperty("sent")
    headline = StringProperty("")
    details = StringProperty("")
    texts = "gd"

    def show(self) -> None:
        app, visit = self.shell, self.flow.visit
        self.state = visit.state
        self.headline = app.say(visit.message) if visit.message else ""
        booked = visit.booked
        if booked is None:
            self.details = ""
            return
        lines = [app.tr("gd.ticket.when", app.lang, **time_values(booked.starts, booked.ends)),
                 app.tr("gd.ticket.where", app.lang, place=f"{booked.location} {booked.room}"),
                 app.tr("gd.ticket.who", app.lang, service=booked.service,
                        counsellor=booked.counsellor)]
        if booked.bring:
            lines.append(app.tr("gd.ticket.bring", app.lang, items="、".join(booked.bring)))
        lines.append(app.tr("gd.ticket.cancel", app.lang, desk=self.flow.staff_desk))
        self.details = "\n".join(lines)
        self.paper_or_code()

    def print_ticket(self) -> None:
        if self.flow.visit.booked is not None:
            self.print_slip()

    def start_print(self, done: Callable[[PrintOutcome], None]) -> None:
        self.flow.print_ticket(self.shell.lang, done)

    def reset(self) -> None:
        super().reset()
        self.headline = self.details = self.print_message = self.qr = ""
