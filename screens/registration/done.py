"""Review every answer, submit, and the honest outcome with the slip.

The review shows each answer with "change", what is still missing and, in one
go, every document to bring (一次性告知). After submitting, the screen says
"registered" only when the platform has it, and "saved on this terminal, will
be sent" when the link is down; the slip prints either way, or a QR code
stands in for it when the printer cannot print.
"""

from __future__ import annotations

from typing import Any

from kivy.factory import Factory
from kivy.properties import BooleanProperty, ListProperty, OptionProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.flows.registration.flow import RegistrationFlow
from screens.base import KioskScreen
from screens.widgets import KLabel


def QuietButton(**kwargs: object) -> KLabel:    # noqa: N802 - the kv class's name
    """The outlined secondary button of the widget rules (a kv-only class)."""
    return Factory.QuietButton(**kwargs)


class RegReviewScreen(KioskScreen):
    """Every answer on one screen, each with its "change"."""

    flow: RegistrationFlow
    missing = StringProperty("")
    documents = ListProperty([])

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.redraw)

    def on_pre_enter(self, *_: Any) -> None:
        self.redraw()
        self.ids.scroll.scroll_y = 1

    def redraw(self) -> None:
        app = self.shell
        box = self.ids.rows
        box.clear_widgets()
        for i, (label, value, screen) in enumerate(self.flow.review_rows()):
            box.add_widget(self._row(i, app.tr(label), app.say(value) or
                                     app.tr("reg.ui.not_given"), screen))
        missing = self.flow.missing()
        self.missing = (app.tr("reg.ui.missing", items="、".join(app.tr(k) for k in missing))
                        if missing else "")
        self.documents = [app.say(t) for t in self.flow.documents_to_bring()]
        docs = self.ids.documents
        docs.clear_widgets()
        for i, text in enumerate(self.documents):
            docs.add_widget(_line(text, f"reg.review.doc{i}"))

    def _row(self, i: int, label: str, value: str, screen: str) -> BoxLayout:
        """One answer: its name and value on the left, "change" on the right."""
        app = self.shell
        words = BoxLayout(orientation="vertical", size_hint_y=None)
        words.bind(minimum_height=words.setter("height"))
        words.add_widget(_line(label, f"reg.review.l{i}", muted=True))
        words.add_widget(_line(value, f"reg.review.v{i}"))
        row = BoxLayout(size_hint_y=None, spacing=app.theme.gap)
        row.add_widget(words)
        if not screen:                   # read from the card: nothing to change here
            words.bind(height=row.setter("height"))
            return row
        change = QuietButton(tid=f"reg.review.change{i}", raw=app.tr("reg.ui.change"),
                             size_hint_x=0.28 if not app.elder else 0.36)
        change.bind(on_action=lambda _w: app.go(screen))
        words.bind(height=lambda _w, h: setattr(row, "height", max(h, change.height)))
        change.bind(height=lambda _w, h: setattr(row, "height", max(words.height, h)))
        row.add_widget(change)
        return row

    def reset(self) -> None:
        """Every answer shown (masked name and number, key groups) goes with the visit."""
        super().reset()
        self.missing, self.documents = "", []
        self.ids.rows.clear_widgets()
        self.ids.documents.clear_widgets()

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
    message = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        self.printed = ""
        self._refresh()

    def _refresh(self) -> None:
        visit = self.flow.visit
        self.reference = visit.reference
        self.can_print = self.flow.can_print()
        self.qr = "" if self.can_print else self.flow.qr_text()
        self.unemployed = self.flow.can_apply_unemployment()
        self.message = (self.shell.tr("reg.ui.sending") if self.state == "sending"
                        else self.shell.say(self.flow.done_message()))

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
        self.message = ""
