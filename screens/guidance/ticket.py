"""The ticket: the booked session at once, printed on the slip (date, time, place,
counsellor, what to bring, how to cancel, the check-in QR code), or the code on the
glass when there is no paper. A booking saved while the platform is away says so."""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.properties import BooleanProperty, StringProperty

from kiosk.flows.guidance.booking import time_values
from kiosk.flows.guidance.flow import GuidanceFlow, PrintOutcome
from kiosk.i18n import Text
from screens.base import KioskScreen
from screens.qr import QrImage  # noqa: F401 - the ticket's QR fallback (kv rule)


class GuidanceTicketScreen(KioskScreen):
    """What was booked, sent or saved; print the ticket or show its code."""

    flow: GuidanceFlow
    state = StringProperty("sent")
    headline = StringProperty("")
    details = StringProperty("")
    print_message = StringProperty("")
    qr = StringProperty("")
    can_print = BooleanProperty(True)

    def on_kv_post(self, base_widget: object) -> None:
        self._said: Text | None = None
        self.redraw_on_switch(self.show)
        self.poll_while_shown(self._check_printer, 1.0)

    def _check_printer(self) -> None:
        ready = self.flow.can_print()
        if ready != self.can_print:
            self.can_print = ready

    def on_pre_enter(self, *_: Any) -> None:
        self.print_message = self.qr = ""
        self._said = None
        self.show()
        self.ids.scroll.scroll_y = 1

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
        self.can_print = self.flow.can_print()
        if not self.can_print and not self.qr:
            self.show_qr(("gd.print.unavailable", {}))
        elif self._said is not None:
            self._say(self._said)

    def _say(self, text: Text) -> None:
        self._said = text
        self.print_message = self.shell.say(text)

    def print_ticket(self) -> None:
        if self.flow.visit.booked is None:
            return
        if not self.flow.can_print():
            self.show_qr(("gd.print.unavailable", {}))
            return
        self._say(("gd.print.printing", {}))
        self.flow.print_ticket(self.shell.lang, self._printed)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self._say(outcome.message)
        else:
            self.show_qr(outcome.message)

    def show_qr(self, why: Text | None = None) -> None:
        """No paper: the check-in code on the glass, to photograph with a phone."""
        self.qr = self.flow.qr_text()
        self._say(why or ("gd.print.qr", {}))
        Clock.schedule_once(lambda _dt: self.ids.scroll.scroll_to(self.ids.qr, animate=False))

    def reset(self) -> None:
        super().reset()
        self.headline = self.details = self.print_message = self.qr = ""
