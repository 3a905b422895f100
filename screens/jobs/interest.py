""""I'm interested": the visitor tells the employer, optionally with a phone number.

The flow stores the submission before anything else happens; the screen then
says honestly whether it already reached the platform or will be sent when
the link is back — never "failed, try again", which would make visitors
submit twice.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import OptionProperty, StringProperty

from kiosk.flows.jobs.flow import InterestState, JobsFlow
from kiosk.i18n import Text
from screens.base import KioskScreen


class JobInterestScreen(KioskScreen):
    """Phone (optional), send, and the honest outcome."""

    flow: JobsFlow
    state = OptionProperty("ask", options=["ask", "sending", "sent", "queued", "refused"])
    message = StringProperty("")
    title = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        self.title = self.flow.job.get("title", "")
        if self.state != "sending":
            self.state, self.message = "ask", ""

    def send(self, with_phone: bool) -> None:
        phone = self.ids.phone.text.strip() if with_phone else None
        refused = self.flow.send_interest(phone, self._done)
        if refused is not None:
            if refused[0] == "jobs.interest.unavailable":
                self.state = "refused"
            self.message = self.shell.say(refused)
            return
        self.state, self.message = "sending", self.shell.tr("jobs.interest.sending")
        self.ids.phone.forget()

    def _done(self, state: InterestState, message: Text) -> None:
        if self.state != "sending":
            return                               # the visitor's session ended meanwhile
        self.state = state
        self.message = self.shell.say(message)

    def reset(self) -> None:
        super().reset()
        self.state, self.message, self.title = "ask", "", ""
