"""失业登记: the conditions in plain words, the last job, and the application.

The kiosk records the application; staff check it and the platform decides.
The screen never says the application is approved, only that it was received
(or saved on the terminal) and what staff will check.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty

from kiosk.flows.registration import options
from kiosk.flows.registration.flow import RegistrationFlow
from screens.base import KioskScreen
from screens.registration.form import choices, heading


class RegUnemploymentScreen(KioskScreen):
    """Conditions, last employer, leaving date, reason, insured; then the outcome."""

    flow: RegistrationFlow
    state = OptionProperty("ask", options=["ask", "sending", "sent", "queued", "refused"])
    problem = StringProperty("")
    conditions = ListProperty([])
    reason = StringProperty("")
    insured = BooleanProperty(True)
    printed = StringProperty("")
    message = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.redraw)

    def on_pre_enter(self, *_: Any) -> None:
        if self.state != "sending":
            self.state, self.problem, self.printed = "ask", "", ""
        self.redraw()

    def redraw(self) -> None:
        app = self.shell
        self.conditions = [app.say(t) for t in self.flow.unemployment_conditions()]
        box = self.ids.choices
        box.clear_widgets()
        box.add_widget(heading(app, app.tr("reg.ui.reason"), "reg.unemp.reason"))
        box.add_widget(choices(app, "reg.unemp.reason", options.REASONS,
                               lambda c: app.say(options.label("reasons", c)),
                               lambda c: self.reason == c, self._pick_reason))
        box.add_widget(heading(app, app.tr("reg.ui.insured"), "reg.unemp.insured"))
        box.add_widget(choices(app, "reg.unemp.insured", ("yes", "no"),
                               lambda c: app.tr(f"reg.ui.{c}"),
                               lambda c: self.insured == (c == "yes"), self._pick_insured))

    def _pick_reason(self, code: str) -> None:
        self.reason, self.problem = code, ""
        self.redraw()

    def _pick_insured(self, code: str) -> None:
        self.insured = code == "yes"
        self.redraw()

    def apply(self) -> None:
        problem = self.flow.apply_unemployment(self.ids.employer.text.strip(),
                                               self.ids.left_on.text.strip(), self.reason,
                                               self.insured, self._done)
        if problem is not None:
            self.problem = self.shell.say(problem)
            return
        self.problem, self.state = "", "sending"
        self.message = self.shell.tr("reg.ui.unemp_sending")

    def _done(self, state: str) -> None:
        if self.state == "sending":
            self.state = state
            self.message = self.shell.say(self.flow.unemployment_message())

    def print_slip(self) -> None:
        self.printed = self.shell.tr("reg.ui.printing")
        self.flow.print_unemployment_slip(self.shell.lang, self._printed)

    def _printed(self, outcome: Any) -> None:
        self.printed = self.shell.say(outcome.message)

    def reset(self) -> None:
        super().reset()
        self.state, self.problem, self.reason, self.printed = "ask", "", "", ""
        self.insured, self.message = True, ""
