"""Arrival: self check-in with the ticket's code or the ID card, and the queue slip.

The platform judges the window (too early, too late, another day); the terminal says
what to do next in each case. A check-in by card sends the card's keyed hash, never
its number, and the platform finds that person's appointment today. A check-in the
platform accepted prints a queue slip once, with the place in the room's queue; when
the printer cannot, the number is on the glass to remember.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kiosk.flows.base import VisitorFlow, slip_language
from kiosk.flows.guidance import booking
from kiosk.flows.guidance.receipt import QueueSlip, build_queue
from kiosk.flows.guidance.visit import GuidanceVisit, Queued, appointment_of
from kiosk.i18n import Text
from kiosk.platform.identity import id_hash
from kiosk.receipts.handing import PrintOutcome, hand_over

log = logging.getLogger(__name__)
CHECKIN_CODES = ("too_early", "too_late", "wrong_day", "already_checked_in", "cancelled",
                 "no_show", "already_served", "unknown_appointment")
CARD_REF = "card:"           # a check-in reference that is the card's hash, not a ticket


def queued_of(doc: dict[str, Any]) -> Queued:
    """The platform's checked-in Appointment as the queue slip prints it."""
    return Queued(str(doc.get("queue") or ""), str(doc.get("room") or ""),
                  str(doc.get("service_name") or ""), booking.moment(doc.get("starts_at")))


class Arrival(VisitorFlow[GuidanceVisit]):
    """The check-in steps of the guidance flow."""

    def start_scan(self, done: Callable[[], None]) -> bool:
        """Look for a ticket's code with the camera to check in; done() on the UI thread
        once one was seen and the platform answered. False when there is no camera."""
        visit = self.visit
        found = self.watch_for_ticket(
            lambda ref, v, w: self.check_in(ref, done, v, w),
            lambda v, w: self._seen_other(v, w, done))
        if not found:
            visit.checkin_state = "refused"
            visit.checkin = ("gd.checkin.no_camera", {"desk": self.staff_desk})
            return False
        visit.checkin_state, visit.checkin = "looking", None
        return True

    def watch_for_ticket(self, found: Callable[[str, GuidanceVisit, int], None],
                         other: Callable[[GuidanceVisit, int], None]) -> bool:
        """Feed camera frames to the QR scanner until a ticket's code is seen: found(ref,
        visit, wipes) then runs on a worker thread, off the camera's own (which keeps
        capturing); any other code calls other(visit, wipes) on the UI thread. False
        when there is no camera."""
        camera = self.core.camera
        if camera is None:
            return False
        scanner = camera.scanner()
        visit, wipes = self.visit, self._wipes

        def analyse(frame: Any, _seq: int) -> None:
            payload = scanner.feed(frame)
            if payload is None:
                return
            ref = appointment_of(payload)
            if ref is None:
                self.ui.post(lambda: other(visit, wipes))
                return
            camera.remove_analyser(analyse)
            threading.Thread(target=found, args=(ref, visit, wipes), name="guidance-ticket",
                             daemon=True).start()
        self.stop_scan()
        self._analyser = analyse
        camera.add_analyser(analyse)
        camera.start()
        return True

    def stop_scan(self) -> None:
        camera, analyse = self.core.camera, getattr(self, "_analyser", None)
        if camera is not None and analyse is not None:
            camera.remove_analyser(analyse)
        self._analyser = None

    def _seen_other(self, visit: GuidanceVisit, wipes: int, done: Callable[[], None]) -> None:
        if self._still(visit, wipes) and visit.checkin_state == "looking":
            visit.checkin = ("gd.checkin.not_ticket", {})
            done()

    def check_in(self, ref: str, done: Callable[[], None], visit: GuidanceVisit | None = None,
                 wipes: int | None = None) -> None:
        """Tell the platform the visitor is here (on a worker thread); done() on the UI
        thread with the answer."""
        visit = visit or self.visit
        wipes = self._wipes if wipes is None else wipes
        platform = self.platform
        state, words = "refused", ("gd.checkin.unreachable", {"desk": self.staff_desk})
        queued: Queued | None = None
        try:
            if platform is not None:
                state, words, queued = self._check_in(platform, ref)
        except Exception:  # noqa: BLE001 - the visitor is told to go to the desk
            log.exception("guidance: check-in failed")

        def on_ui() -> None:
            if self._still(visit, wipes):
                visit.checkin_state, visit.checkin = state, words
                if queued is not None:
                    visit.queue, visit.queue_print = queued, None
                done()
        self.ui.post(on_ui)

    def _check_in(self, platform: Any, ref: str) -> tuple[str, Text, Queued | None]:
        from kiosk.platform.errors import PlatformError, Refused

        desk = self.staff_desk
        by_card = ref.startswith(CARD_REF)
        payload, personal = ({}, {"id_hash": ref[len(CARD_REF):]}) if by_card else (
            {"appointment_id": ref}, None)
        try:
            outcome = platform.submit_now("checkin", payload, personal, keep_when_away=False)
        except Refused as exc:
            code = exc.code if exc.code in CHECKIN_CODES else "other"
            if by_card and code == "unknown_appointment":
                code = "card_none"
            log.info("guidance: check-in refused", extra={"code": exc.code, "card": by_card})
            return "refused", (f"gd.checkin.{code}", {"desk": desk}), None
        except PlatformError as exc:
            log.info("guidance: check-in unreachable", extra={"error": type(exc).__name__})
            return "refused", ("gd.checkin.unreachable", {"desk": desk}), None
        doc = outcome.response if isinstance(outcome.response, dict) else {}
        queued = queued_of(doc)
        return "done", ("gd.checkin.done", {"room": queued.room, "queue": queued.number}), queued

    def check_in_card(self, done: Callable[[], None]) -> bool:
        """Check in the card on the reader (worker thread), once per card laid down and
        never while another check-in is under way; done() on the UI thread."""
        visit, card = self.visit, self.session.visit.card
        if card is None or visit.checkin_state in ("checking", "done"):
            return False
        if visit.card_checked == card.number:
            return False
        visit.card_checked, visit.checkin_state = card.number, "checking"
        self.stop_scan()
        ref = CARD_REF + id_hash(card.number)
        threading.Thread(target=self.check_in, args=(ref, done, visit, self._wipes),
                         name="guidance-checkin", daemon=True).start()
        return True

    def print_queue(self, lang: str, done: Callable[[], None]) -> None:
        """Print this check-in's queue slip, once; done() on the UI thread with
        visit.queue_print saying how it went."""
        visit, wipes = self.visit, self._wipes
        queued = visit.queue
        if queued is None or visit.queue_print is not None:
            return
        visit.queue_print = ("gd.queue.printing", {})
        when = f"{queued.starts:%Y-%m-%d %H:%M}" if queued.starts else ""
        doc = build_queue(QueueSlip(queued.number, queued.room, queued.service, when),
                          self._stamp(), slip_language(lang))

        def printed(outcome: PrintOutcome) -> None:
            if self._still(visit, wipes):
                visit.queue_print = ("gd.queue.done", {}) if outcome.printed else (
                    "gd.queue.not_printed", {"queue": queued.number, "room": queued.room})
                done()
        hand_over(self.desk, self.ui, doc, f"queue-{queued.room}-{queued.number}",
                  "gd.queue", self.staff_desk, printed)
