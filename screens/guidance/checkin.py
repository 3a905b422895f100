"""Self check-in: the ticket's QR code held up to the camera or the ID card laid on
the reader; "checked in, please wait at room X" and a queue slip, or what to do when
it is too early, too late or another day."""

from __future__ import annotations

from typing import Any

from kivy.properties import StringProperty

from kiosk.flows.guidance.flow import GuidanceFlow
from screens.base import KioskScreen


class GuidanceCheckinScreen(KioskScreen):
    """The camera looks while this screen is shown, and stops when it is left."""

    flow: GuidanceFlow
    state = StringProperty("looking")
    result = StringProperty("")
    slip = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.show)
        self.poll_while_shown(self._card_laid_down, 0.5)

    def on_enter(self, *_: Any) -> None:
        if self.flow.visit.checkin is None:       # a result stays until "scan again"
            self.scan()
            self._card_laid_down()
        else:
            self.show()

    def _card_laid_down(self) -> None:
        if self.flow.check_in_card(self.show):
            self.show()

    def on_leave(self, *_: Any) -> None:
        self.flow.stop_scan()

    def scan(self) -> None:
        self.flow.stop_scan()
        self.flow.start_scan(self.show)
        self.show()

    def show(self) -> None:
        visit = self.flow.visit
        self.state = visit.checkin_state
        self.result = self.shell.say(visit.checkin) if visit.checkin else ""
        if visit.checkin_state == "done" and visit.queue_print is None:
            self.flow.print_queue(self.shell.lang, self.show)
        self.slip = self.shell.say(visit.queue_print) if visit.queue_print else ""

    def reset(self) -> None:
        super().reset()
        self.state, self.result, self.slip = "looking", "", ""
