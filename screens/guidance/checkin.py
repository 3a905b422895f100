"""Self check-in: the ticket's QR code held up to the camera; "checked in, please
wait at room X", or what to do when it is too early, too late or another day."""

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

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.show)

    def on_enter(self, *_: Any) -> None:
        if self.flow.visit.checkin is None:       # a result stays until "scan again"
            self.scan()
        else:
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

    def reset(self) -> None:
        super().reset()
        self.state, self.result = "looking", ""
