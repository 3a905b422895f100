"""Review every answer, submit, and the honest outcome with the slip.

The review shows each answer with "change", what is still missing and, in one
go, every document to bring (一次性告知). After submitting, the screen says
"registered" only when the platform has it, and "saved on this terminal, will
be sent" when the link is down; the slip prints either way, or a QR code
stands in for it when the printer cannot print.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty

from kiosk.flows.registration.flow import RegistrationFlow
from screens.base import KioskScreen
from screens.widgets import KButton, KLabel


class RegReviewScreen(KioskScreen):
    """Every answer on one screen, each with its "change"."""

    flow: RegistrationFlow
    missing = StringProperty("")
    documents = ListProperty([])

    def on_kv_post(self, base_widget: object) -> None:
        self.shell.bind(lang=lambda *_: self._redraw_if_shown(),
                        theme=lambda *_: self._redraw_if_shown())

    def _redraw_if_shown(self) -> None:
        if self.shown:
            self.redraw()

    def on_pre_enter(self, *_: Any) -> None:
        self.redraw()
        self.ids.scroll.scroll_y = 1

    def redraw(self) -> None:
        app = self.shell
        box = self.ids.rows
        box.clear_widgets()
        for i, (label, value, screen) in enumerate(self.flow.review_rows()):
            box.add_widget(_line(app.tr(label), f"reg.review.l{i}", muted=True))
            row_text = app.say(value) or app.tr("reg.ui.not_given")
            box.add_widget(_line(row_text, f"reg.review.v{i}"))
            change = KButton(tid=f"reg.review.change{i}", raw=app.tr("reg.ui.change"),
                             size_hint_y=None)
            change.bind(on_action=lambda _w, s=screen: app.go(s))
            box.add_widget(change)
        missing = self.flow.missing()
        self.missing = (app.tr("reg.ui.missing", items="、".join(app.tr(k) for k in missing))
                        if missing else "")
        self.documents = [app.say(t) for t in self.flow.documents_to_bring()]
        docs = self.ids.documents
        docs.clear_widgets()
        for i, text in enumerate(self.documents):
            docs.add_widget(_line(text, f"reg.review.doc{i}"))

    def submit(self) -> None:
        if self.flow.missing():
            return
        done = self.shell.screen("reg_done")
        assert isinstance(done, RegDoneScreen)
        done.state = "sending"
        self.flow.submit(done.delivered)
        self.shell.go("reg_done")


def _line(text: str, tid: str, muted: bool = False) -> KLabel:
    label = KLabel(raw=text, size_hint_y=None, tid=tid, role="small" if muted else "body",
                   bold=muted)
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


class RegDoneScreen(KioskScreen):
    """Registered / saved, the reference, the slip or its QR code, what comes next."""

    flow: RegistrationFlow
    state = OptionProperty("sending", options=["sending", "sent", "queued", "refused"])
    reference = StringProperty("")
    printed = StringProperty("")
    can_print = BooleanProperty(True)
    qr = StringProperty("")
    unemployed = BooleanProperty(False)

    def on_pre_enter(self, *_: Any) -> None:
        self.printed = ""
        self._refresh()

    def _refresh(self) -> None:
        visit = self.flow.visit
        self.reference = visit.reference
        self.can_print = self.flow.can_print()
        self.qr = "" if self.can_print else self.flow.qr_text()
        self.unemployed = visit.about.status == "unemployed"

    def delivered(self, state: str) -> None:
        """The flow's answer: sent, queued (stored, sent later) or refused."""
        if self.state != "sending":
            return                               # the visit ended meanwhile
        self.state = state
        self._refresh()

    def print_slip(self) -> None:
        self.printed = self.shell.tr("reg.ui.printing")
        self.flow.print_slip(self.shell.lang, self._printed)

    def _printed(self, outcome: Any) -> None:
        self.printed = self.shell.say(outcome.message)
        if not outcome.printed:
            self.can_print = False
            self.qr = self.flow.qr_text()

    def reset(self) -> None:
        super().reset()
        self.state, self.reference, self.printed, self.qr = "sending", "", "", ""
