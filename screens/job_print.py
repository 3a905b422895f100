"""Printing a job slip: preview first, then the paper, then what happened.

The preview is drawn from the very bytes the printer will get (render, then
decode, see devices/printer/preview.py), on a worker thread so the screen
never stalls. A print that fails says why in plain words and offers the QR
code, so the visitor still leaves with the posting.
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.core.image import Image as CoreImage
from kivy.properties import ObjectProperty, OptionProperty, StringProperty

from kiosk.jobs.slip import print_id, slip_for
from kiosk.receipts.desk import ReceiptLimitReached
from kiosk.receipts.job import build as build_slip
from kiosk.receipts.stamp import Stamp
from screens.base import KioskScreen
from screens.job_detail import current_job

log = logging.getLogger(__name__)
SLIP_LANGUAGES = ("zh", "en", "bo")
POLL_S = 0.2


def slip_document(app: Any, job: dict[str, Any]) -> Any:
    """The slip of a posting, stamped with this hall, terminal and time."""
    k = app.core.settings.kiosk
    stamp = Stamp(k.hall_name, k.terminal_id, app.core.clock.now().strftime("%Y-%m-%d %H:%M"))
    lang = app.lang if app.lang in SLIP_LANGUAGES else "zh"
    return build_slip(slip_for(job), stamp, lang)


def png_bytes(doc: Any, renderer: Any) -> bytes:
    """The preview as PNG bytes (worker thread: no Kivy here)."""
    from devices.printer.preview import preview

    out = io.BytesIO()
    preview(doc, renderer).save(out, format="PNG")
    return out.getvalue()


class JobPrintScreen(KioskScreen):
    """Preview, print, result."""

    state = OptionProperty("preview", options=["preview", "printing", "printed", "failed"])
    message = StringProperty("")
    preview_texture = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: Any) -> None:
        self._doc: Any = None
        self._job: Any = None
        self._poll: Any = None
        super().__init__(**kwargs)

    def on_kv_post(self, base_widget: object) -> None:
        App.get_running_app().bind(lang=lambda *_: self._relanguage())

    def _relanguage(self) -> None:
        """The slip is printed in the visitor's language: a switch redraws the preview."""
        shown = self.manager is not None and self.manager.current == self.name
        if shown and self.state == "preview":
            self.on_pre_enter()

    def on_pre_enter(self, *_: Any) -> None:
        app = App.get_running_app()
        self.state, self.message, self.preview_texture = "preview", "", None
        job = current_job()
        self._doc = slip_document(app, job) if job else None
        if self._doc is not None and app.core.printer is not None:
            threading.Thread(target=self._render, args=(self._doc, app.core.printer.renderer),
                             name="slip-preview", daemon=True).start()

    def _render(self, doc: Any, renderer: Any) -> None:
        try:
            data = png_bytes(doc, renderer)
        except Exception:  # noqa: BLE001 - no preview is no reason to stop printing
            log.exception("slip preview failed")
            return
        Clock.schedule_once(lambda _dt: self._show_preview(doc, data), 0)

    def _show_preview(self, doc: Any, data: bytes) -> None:
        if doc is self._doc:                    # not a preview of a slip since left
            self.preview_texture = CoreImage(io.BytesIO(data), ext="png").texture

    def confirm(self) -> None:
        """Print the slip now."""
        app = App.get_running_app()
        desk = app.core.extras.get("receipts")
        job = current_job()
        if desk is None or self._doc is None or not desk.can_print():
            self._fail(app.tr("jobs.print.unavailable", app.lang, desk=app.staff_desk))
            return
        try:
            self._job = desk.print(self._doc, print_id(app.session, job))
        except ReceiptLimitReached:
            self._fail(app.tr("jobs.print.limit", app.lang, desk=app.staff_desk))
            return
        self.state, self.message = "printing", app.tr("jobs.print.printing", app.lang)
        self._poll = Clock.schedule_interval(lambda _dt: self._check(), POLL_S)

    def _check(self) -> None:
        if self._job is None or not self._job.done():
            return
        self._poll.cancel()
        app = App.get_running_app()
        result = self._job.result()
        if result.state.value == "printed":
            self.state, self.message = "printed", app.tr("jobs.print.done", app.lang)
            return
        log.warning("job slip not printed", extra={"reason": result.after.reason,
                                                   "error": result.error})
        key = f"jobs.print.failed.{result.after.reason}"
        if not app.translator.has(key, "zh"):
            key = "jobs.print.failed"
        self._fail(app.tr(key, app.lang, desk=app.staff_desk))

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
