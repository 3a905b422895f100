"""Asking a question about a policy, and reading its answer later.

The question is typed (pinyin keyboard) or chosen from common ones, a phone is
optional. The flow stores it in the outbox before the screen moves on; the
screen then shows the tracking number and the promised date at once (a slip
to print), and says honestly whether it already reached the platform or will
be sent when the link is back. The answer is read with the tracking number and
the phone (or the code the slip carries when no phone was given).
"""

from __future__ import annotations

from typing import Any

from kivy.properties import OptionProperty, StringProperty

from kiosk.flows.policies.flow import Answer, Delivery, PoliciesFlow, PrintOutcome
from screens.base import KioskScreen
from screens.widgets import KButton


class PolicyAskScreen(KioskScreen):
    """Common questions, the question, an optional phone, send."""

    flow: PoliciesFlow
    about = StringProperty("")
    message = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.message = ""
        self.refresh()

    def refresh(self) -> None:
        app, flow = self.shell, self.flow
        title = str(flow.policy.get("title", ""))
        self.about = app.tr("pol.ask.about", app.lang, title=title) if title else ""
        box = self.ids.common
        box.clear_widgets()
        for i, text in enumerate(flow.common_questions()):
            words = app.say(text)
            button = KButton(tid=f"pol.ask.common{i}", raw=words)
            button.bind(on_action=lambda _w, t=words: self.choose(t))
            box.add_widget(button)

    def choose(self, text: str) -> None:
        """A common question fills the question field (the visitor may still change it)."""
        field = self.ids.question
        field.forget()
        field.text = text

    def send(self) -> None:
        refused = self.flow.ask(self.ids.question.text, self.ids.phone.text.strip(),
                                self.shell.screen("policy_asked").delivered)
        if refused is not None:
            self.message = self.shell.say(refused)
            return
        self.ids.question.forget()
        self.ids.phone.forget()
        self.shell.go("policy_asked")

    def reset(self) -> None:
        super().reset()
        self.about = self.message = ""


class PolicyAskedScreen(KioskScreen):
    """The tracking number and the promised date at once; sent or saved; the slip."""

    flow: PoliciesFlow
    state = OptionProperty("sending", options=["sending", "sent", "queued", "refused"])
    number = StringProperty("")
    promise = StringProperty("")
    code = StringProperty("")
    code_note = StringProperty("")
    print_message = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.show)

    def on_pre_enter(self, *_: Any) -> None:
        self.print_message = ""
        self.show()
        self.ids.scroll.scroll_y = 1

    def delivered(self, state: Delivery) -> None:
        self.state = state
        self.show()

    def show(self) -> None:
        app, asked = self.shell, self.flow.visit.asked
        if asked is None:
            return
        self.state = asked.state
        self.number = asked.tracking_number
        self.promise = app.say(self.flow.asked_message())
        self.code = asked.code
        self.code_note = app.tr("pol.asked.code" if asked.code else "pol.asked.phone",
                                app.lang)

    def print_slip(self) -> None:
        self.print_message = self.shell.tr("pol.print.printing", self.shell.lang)
        self.flow.print_question(self.shell.lang, self._printed)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.print_message = self.shell.say(outcome.message)

    def reset(self) -> None:
        super().reset()
        self.state = "sending"
        self.number = self.promise = self.code = self.code_note = self.print_message = ""


class PolicyLookupScreen(KioskScreen):
    """Tracking number and phone (or slip code): the answer, or when it is due."""

    flow: PoliciesFlow
    state = OptionProperty("ask", options=["ask", "looking", "shown"])
    result = StringProperty("")
    number = StringProperty("")
    answer = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self._redraw)

    def _redraw(self) -> None:
        if self.flow.visit.answer is not None:
            self.show(self.flow.visit.answer)

    def on_pre_enter(self, *_: Any) -> None:
        if self.state == "shown" and self.flow.visit.answer is None:
            self.again()

    def look_up(self) -> None:
        self.number = self.answer = ""
        refused = self.flow.look_up(self.ids.number.text, self.ids.secret.text, self.show)
        if refused is not None:
            self.result = self.shell.say(refused)
            return
        self.state, self.result = "looking", self.shell.tr("pol.lookup.looking",
                                                           self.shell.lang)

    def show(self, found: Answer) -> None:
        self.state, self.result = "shown", self.shell.say(found.words)
        self.number, self.answer = found.number, found.answer

    def again(self) -> None:
        self.flow.visit.answer = None
        self.ids.number.forget()
        self.ids.secret.forget()
        self.state, self.result, self.number, self.answer = "ask", "", "", ""

    def reset(self) -> None:
        super().reset()
        self.state, self.result, self.number, self.answer = "ask", "", "", ""
