"""Filing a complaint, suggestion or praise (or reporting a posting), and the slip.

What happened is chosen from common reasons or typed on the pinyin keyboard; a
phone is asked for so the visitor can look it up, or they choose to stay
anonymous and are told plainly that nobody can then reply to them. The flow
stores it in the outbox before the screen moves on; the next screen shows the
tracking number and the promised date at once, says honestly whether it reached
the platform or is saved to be sent, prints the slip, and shows the number as a
QR code when there is no paper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kivy.properties import BooleanProperty, OptionProperty, StringProperty

from kiosk.flows.complaints import filing
from kiosk.flows.complaints.flow import ComplaintsFlow, Delivery, PrintOutcome
from screens.base import KioskScreen
from screens.complaints.hooks import offer_rating
from screens.complaints.parts import choices
from screens.qr import QrImage  # noqa: F401 - the slip's QR fallback (kv rule)
from screens.slips import SlipScreen


class ComplaintsScreen(KioskScreen):
    """The flow's start: file, look up, rate a desk's service; the other channels."""

    flow: ComplaintsFlow

    def file(self, kind: str) -> None:
        self.flow.start(kind)
        self.shell.go("complaint_file")


class ComplaintFileScreen(KioskScreen):
    """Kind, what about, what happened, when, phone or anonymous, send."""

    flow: ComplaintsFlow
    about_line = StringProperty("")
    message = StringProperty("")
    posting = BooleanProperty(False)
    anonymous = BooleanProperty(False)

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.message = ""
        self.refresh()
        self.ids.scroll.scroll_y = 1

    def refresh(self) -> None:
        app, flow, visit = self.shell, self.flow, self.flow.visit
        self.posting = visit.about == "posting"
        self.anonymous = visit.anonymous
        self.about_line = (app.tr("fb.file.about_posting", app.lang, title=visit.about_title)
                           if self.posting else "")

        def redraw(act: Any) -> Any:
            return lambda code: (act(code), self.refresh())

        tr = app.tr
        self._put("kinds", [] if self.posting else [choices(
            app, "fb.kind", filing.KINDS, lambda c: tr(f"fb.kind.{c}", app.lang),
            lambda c: visit.kind == c, redraw(flow.choose_kind), cols=3)])
        self._put("abouts", [] if self.posting else [choices(
            app, "fb.about", filing.ABOUTS, lambda c: tr(f"fb.about.{c}", app.lang),
            lambda c: visit.about == c, redraw(flow.choose_about), cols=1 if app.elder else 3)])
        self._put("reasons", [choices(
            app, "fb.reason", flow.reasons(), lambda c: tr(f"fb.reason.{c}", app.lang),
            lambda c: c in visit.reasons, redraw(flow.toggle_reason))])
        self._put("whens", [choices(
            app, "fb.when", filing.WHEN, lambda c: tr(f"fb.when.{c}", app.lang),
            lambda c: visit.when == c, redraw(flow.choose_when), cols=1 if app.elder else 3)])

    def _put(self, box_id: str, widgets: list[Any]) -> None:
        box = self.ids[box_id]
        box.clear_widgets()
        for w in widgets:
            box.add_widget(w)

    def toggle_anonymous(self) -> None:
        self.flow.set_anonymous(not self.flow.visit.anonymous)
        anonymous = self.flow.visit.anonymous
        if anonymous:
            self.ids.phone.forget()
        # said plainly, right above "send": nobody can reply to an anonymous one
        self.message = self.shell.tr("fb.file.anonymous_note", self.shell.lang) if anonymous \
            else ""
        self.refresh()

    def send(self) -> None:
        refused = self.flow.file(self.ids.text.text, self.ids.phone.text, self.shell.tr,
                                 self.shell.screen("complaint_filed").delivered)
        if refused is not None:
            self.message = self.shell.say(refused)
            return
        self.ids.text.forget()
        self.ids.phone.forget()
        self.shell.go("complaint_filed")

    def reset(self) -> None:
        super().reset()
        self.about_line = self.message = ""
        self.posting = self.anonymous = False


class ComplaintFiledScreen(SlipScreen):
    """The number and the promise at once; sent or saved; the slip or its QR code."""

    flow: ComplaintsFlow
    state = OptionProperty("sending", options=["sending", "sent", "queued", "refused"])
    number = StringProperty("")
    promise = StringProperty("")
    follow = StringProperty("")
    texts = "fb"

    def delivered(self, state: Delivery) -> None:
        self.state = state
        self.show()

    def show(self) -> None:
        filed = self.flow.visit.filed
        if filed is None:
            return
        self.state = filed.state
        self.number = filed.tracking_number
        self.promise = self.shell.say(self.flow.filed_message())
        self.follow = self.shell.say(self.flow.follow_up())
        self.paper_or_code()

    def start_print(self, done: Callable[[PrintOutcome], None]) -> None:
        self.flow.print_slip(self.shell.lang, self.shell.tr, done)

    def finish(self) -> None:
        filed = self.flow.visit.filed
        if not offer_rating(self.shell, "complaint", filed.tracking_number if filed else ""):
            self.shell.go("home")

    def reset(self) -> None:
        super().reset()
        self.state = "sending"
        self.number = self.promise = self.follow = self.print_message = self.qr = ""
