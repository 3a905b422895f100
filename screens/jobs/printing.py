"""Printing a job slip: preview first, then the paper, then what happened.

The preview is drawn from the very bytes the printer will get (render, then
decode), made by the flow off the UI thread so the screen never stalls. A
print that fails says why in plain words and offers the QR code, so the
visitor still leaves with the posting.
"""

from __future__ import annotations

import io
from typing import Any

from kivy.clock import Clock
from kivy.core.image import Image as CoreImage
from kivy.properties import ObjectProperty, OptionProperty, StringProperty

from devices.printer.document import Document
from devices.printer.service import PrintJob
from kiosk.flows.jobs.flow import JobsFlow
from screens.base import KioskScreen
from screens.complaints.hooks import offer_rating

POLL_S = 0.2


class JobPrintScreen(KioskScreen):
    """Preview, print, result."""

    flow: JobsFlow
    state = OptionProperty("preview", options=["preview", "printing", "printed", "failed"])
    message = StringProperty("")
    preview_texture = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: Any) -> None:
        self._doc: Document | None = None
        self._job: PrintJob | None = None
        self._poll: Any = None
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: object) -> None:
        self.shell.bind(lang=lambda *_: self._relanguage())

    def _relanguage(self) -> None:
        """The slip is printed in the visitor's language: a switch redraws the preview."""
        if self.shown and self.state == "preview":
            self.on_pre_enter()

    def on_pre_enter(self, *_: Any) -> None:
        self.state, self.message, self.preview_texture = "preview", "", None
        self._doc = doc = self.flow.slip(self.shell.lang)
        if doc is not None:
            self.flow.render_preview(doc, lambda data: self._show_preview(doc, data))

    def _show_preview(self, doc: Document, data: bytes) -> None:
        if doc is self._doc:                    # not a preview of a slip since left
            self.preview_texture = CoreImage(io.BytesIO(data), ext="png").texture

    def confirm(self) -> None:
        """Print the slip now."""
        started = self.flow.print_slip(self._doc)
        if isinstance(started, tuple):
            self._fail(self.shell.say(started))
            return
        self._job = started
        self.state, self.message = "printing", self.shell.tr("jobs.print.printing")
        self._poll = Clock.schedule_interval(lambda _dt: self._check(), POLL_S)

    def _check(self) -> None:
        if self._job is None:
            return
        outcome = self.flow.print_outcome(self._job, self.shell.has_text)
        if outcome is None:
            return
        self._poll.cancel()
        if outcome.printed:
            self.state, self.message = "printed", self.shell.say(outcome.message)
            offer_rating(self.shell, "jobs_print", str(self.flow.job.get("id", "")),
                         "job_detail", outcome.message)
        else:
            self._fail(self.shell.say(outcome.message))

    def _fail(self, message: str) -> None:
        self.state, self.message = "failed", message

    def on_leave(self, *_: Any) -> None:
        if self._poll is not None:
            self._poll.cancel()
        self._doc = None

    def reset(self) -> None:
        super().reset()
        self.state, self.message, self.preview_texture = "preview", "", None
        self._job = None
