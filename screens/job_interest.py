""""I'm interested": the visitor tells the employer, optionally with a phone number.

The submission is stored on the terminal before anything else happens; the
screen then says honestly whether it already reached the platform or will be
sent when the link is back — never "failed, try again", which would make
visitors submit twice.
"""

from __future__ import annotations

from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import OptionProperty, StringProperty

from kiosk.jobs.interest import express_interest
from kiosk.jobs.present import mask_phone, valid_mobile
from screens.base import KioskScreen
from screens.job_detail import current_job


class JobInterestScreen(KioskScreen):
    """Phone (optional), send, and the honest outcome."""

    state = OptionProperty("ask", options=["ask", "sending", "sent", "queued", "refused"])
    message = StringProperty("")
    title = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        self.title = current_job().get("title", "")
        if self.state != "sending":
            self.state, self.message = "ask", ""

    def send(self, with_phone: bool) -> None:
        app = App.get_running_app()
        phone = self.ids.phone.text.strip() if with_phone else ""
        if with_phone and not valid_mobile(phone):
            self.message = app.tr("jobs.interest.bad_phone", app.lang)
            return
        if app.core.platform is None:
            self.state = "refused"
            self.message = app.tr("jobs.interest.unavailable", app.lang, desk=app.staff_desk)
            return
        job_id = current_job().get("id", "")
        self.state, self.message = "sending", app.tr("jobs.interest.sending", app.lang)
        express_interest(app.core.platform, job_id, app.session.data.get("card"), phone,
                         lambda outcome: Clock.schedule_once(
                             lambda _dt: self._done(outcome, phone), 0))
        self.ids.phone.forget()

    def _done(self, outcome: Any, phone: str) -> None:
        app = App.get_running_app()
        if self.state != "sending":
            return                               # the visitor's session ended meanwhile
        shown = mask_phone(phone) if phone else ""
        key = {"sent": "jobs.interest.sent", "queued": "jobs.interest.queued"}.get(
            outcome.state, "jobs.interest.refused")
        if shown:
            key += "_phone"
        self.state = outcome.state if outcome.state in ("sent", "queued") else "refused"
        self.message = app.tr(key, app.lang, phone=shown, desk=app.staff_desk)

    def reset(self) -> None:
        super().reset()
        self.state, self.message, self.title = "ask", "", ""
