"""One posting: every field the service standard lists, and three ways to take it home.

Print a slip (after a preview made by the printer's own renderer, so the
picture is the paper), scan a QR code with a phone, or tell the employer "I'm
interested". When the printer cannot print, the visitor learns it before
pressing print and is offered the QR code instead.
"""

from __future__ import annotations

from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import BooleanProperty, DictProperty, ListProperty, StringProperty

from kiosk.jobs.present import date_text, type_key, validity_text
from kiosk.jobs.query import EDUCATION_KEYS
from screens.base import KioskScreen
from screens.jobs import translate


def current_job() -> dict[str, Any]:
    """The posting the visitor opened (held in the session, so it goes with it)."""
    return App.get_running_app().session.data.get("job") or {}


def printer_ready(app: Any) -> bool:
    """Whether a slip can be printed now (limit not reached, printer not known down)."""
    desk = app.core.extras.get("receipts")
    return desk is not None and desk.can_print()


class JobDetailScreen(KioskScreen):
    """The posting's fields, and print / phone / interest buttons."""

    job = DictProperty({})
    rows = ListProperty([])
    title = StringProperty("")
    company = StringProperty("")
    pay = StringProperty("")
    can_print = BooleanProperty(True)

    def show(self, job: dict[str, Any]) -> None:
        """Open a posting (from the list or a recommendation)."""
        App.get_running_app().session.data["job"] = job
        self.job = job

    def on_pre_enter(self, *_: Any) -> None:
        app = App.get_running_app()
        self.job = current_job()
        self.title, self.company, self.pay = (self.job.get(k, "") for k in
                                              ("title", "company", "pay_text"))
        self.can_print = printer_ready(app)
        self.rows = self._rows(app)
        self.ids.scroll.scroll_y = 1

    def on_enter(self, *_: Any) -> None:
        # the printer can run out of paper (or be fixed) while the visitor reads
        self._watch = Clock.schedule_interval(lambda _dt: self._check_printer(), 1.0)

    def on_leave(self, *_: Any) -> None:
        if getattr(self, "_watch", None) is not None:
            self._watch.cancel()

    def _check_printer(self) -> None:
        ready = printer_ready(App.get_running_app())
        if ready != self.can_print:
            self.can_print = ready

    def _rows(self, app: Any) -> list[tuple[str, str]]:
        """(label, value) pairs in the order of DB11 5.3.2.3 b, then dates."""
        job = self.job
        if not job:
            return []
        edu = job.get("education", "")
        values = [
            ("jobs.f.headcount", app.tr("jobs.people", app.lang, n=job.get("headcount", 1))),
            ("jobs.f.type", app.tr(type_key(job), app.lang)),
            ("jobs.f.education", app.tr(f"jobs.edu.{EDUCATION_KEYS[edu]}", app.lang)
             if edu in EDUCATION_KEYS else edu),
            ("jobs.f.duties", job.get("duties", "")),
            ("jobs.f.requirements", job.get("requirements", "")),
            ("jobs.f.pay", job.get("pay_text", "")),
            ("jobs.f.benefits", job.get("benefits", "")),
            ("jobs.f.contact", job.get("contact_name", "")),
            ("jobs.f.phone", job.get("contact_phone", "")),
            ("jobs.f.email", job.get("contact_email", "")),
            ("jobs.f.address", " ".join(p for p in (job.get("district"), job.get("address"))
                                        if p)),
            ("jobs.f.posted", translate(app, date_text(job.get("posted_at")))),
            ("jobs.f.valid", translate(app, validity_text(job))),
        ]
        return [(app.tr(k, app.lang), v) for k, v in values if v]

    def on_rows(self, *_: Any) -> None:
        """One label and one value per field; values wrap, long duties included."""
        box = self.ids.fields
        box.clear_widgets()
        for i, (label, value) in enumerate(self.rows):
            box.add_widget(_text(label, "small", bold=True, muted=True, tid=f"jobs.detail.l{i}"))
            box.add_widget(_text(value, "body", tid=f"jobs.detail.v{i}"))

    def take_home(self, how: str) -> None:
        """print / qr / interest: the three buttons."""
        app = App.get_running_app()
        if how == "print" and not printer_ready(app):
            app.screen("job_qr").notice = app.tr("jobs.print.unavailable", app.lang,
                                                 desk=app.staff_desk)
            app.go("job_qr")
            return
        app.go({"print": "job_print", "qr": "job_qr", "interest": "job_interest"}[how])

    def reset(self) -> None:
        super().reset()
        self.job = {}
        self.rows = []
        self.title = self.company = self.pay = ""


def _text(raw: str, role: str, bold: bool = False, muted: bool = False, tid: str = "") -> Any:
    from screens.widgets import KLabel

    app = App.get_running_app()
    label = KLabel(raw=raw, role=role, bold=bold, tid=tid, size_hint_y=None,
                   color=app.theme.palette.muted if muted else app.theme.palette.text)
    label.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
    return label


class JobQrScreen(KioskScreen):
    """A large QR code of the posting, for the visitor's phone."""

    url = StringProperty("")
    title = StringProperty("")
    notice = StringProperty("")

    def on_pre_enter(self, *_: Any) -> None:
        job = current_job()
        self.url, self.title = job.get("url", ""), job.get("title", "")

    def on_leave(self, *_: Any) -> None:
        self.notice = ""

    def reset(self) -> None:
        super().reset()
        self.url = self.title = self.notice = ""
