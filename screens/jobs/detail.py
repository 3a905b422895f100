"""One posting: every field the service standard lists, and three ways to take it home.

Print a slip (after a preview made by the printer's own renderer, so the
picture is the paper), scan a QR code with a phone, or tell the employer "I'm
interested". When the printer cannot print, the visitor learns it before
pressing print and is offered the QR code instead.
"""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, DictProperty, ListProperty, StringProperty

from kiosk.flows.jobs.flow import JobsFlow
from screens.base import KioskScreen
from screens.widgets import KLabel


class JobDetailScreen(KioskScreen):
    """The posting's fields, and print / phone / interest buttons."""

    flow: JobsFlow
    job = DictProperty({})
    rows = ListProperty([])
    title = StringProperty("")
    company = StringProperty("")
    pay = StringProperty("")
    can_print = BooleanProperty(True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # the printer can run out of paper (or be fixed) while the visitor reads
        self.poll_while_shown(self._check_printer, 1.0)
        self.redraw_on_switch(self._fill)

    def on_pre_enter(self, *_: Any) -> None:
        self._fill()
        self.ids.scroll.scroll_y = 1

    def _fill(self) -> None:
        """The open posting's fields, labelled in the visitor's language."""
        self.job = self.flow.job
        self.title, self.company, self.pay = (self.job.get(k, "") for k in
                                              ("title", "company", "pay_text"))
        self.can_print = self.flow.can_print()
        self.rows = [(self.shell.tr(label), self.shell.say(value))
                     for label, value in self.flow.detail_rows()]

    def _check_printer(self) -> None:
        ready = self.flow.can_print()
        if ready != self.can_print:
            self.can_print = ready

    def on_rows(self, *_: Any) -> None:
        """One label and one value per field; values wrap, long duties included."""
        box = self.ids.fields
        box.clear_widgets()
        for i, (label, value) in enumerate(self.rows):
            box.add_widget(self._text(label, "small", bold=True, muted=True,
                                      tid=f"jobs.detail.l{i}"))
            box.add_widget(self._text(value, "body", tid=f"jobs.detail.v{i}"))

    def take_home(self, how: str) -> None:
        """print / qr / interest: the three buttons."""
        if how == "print" and not self.flow.can_print():
            self.shell.screen("job_qr").notice = self.shell.say(("jobs.print.unavailable", {}))
            self.shell.go("job_qr")
            return
        self.shell.go({"print": "job_print", "qr": "job_qr", "interest": "job_interest"}[how])

    def reset(self) -> None:
        super().reset()
        self.job = {}
        self.rows = []
        self.title = self.company = self.pay = ""

    def _text(self, raw: str, role: str, bold: bool = False, muted: bool = False,
              tid: str = "") -> KLabel:
        palette = self.shell.theme.palette
        label = KLabel(raw=raw, role=role, bold=bold, tid=tid, size_hint_y=None,
                       color=palette.muted if muted else palette.text)
        label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
        return label


class JobQrScreen(KioskScreen):
    """A large QR code of the posting, for the visitor's phone."""

    flow: JobsFlow
    url = StringProperty("")
    title = StringProperty("")
    notice = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        job = self.flow.job
        self.url, self.title = job.get("url", ""), job.get("title", "")

    def on_leave(self, *_: Any) -> None:
        self.notice = ""

    def reset(self) -> None:
        super().reset()
        self.url = self.title = self.notice = ""
