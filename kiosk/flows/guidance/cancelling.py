"""Cancelling: from the visitor's own page after a card read, or by the ticket's code.

Whoever holds the ticket may cancel it, as at a service desk: the code names the
appointment, never the person, so the terminal asks the platform what it is (service,
time, room, state) and shows that before the visitor confirms. A cancel the platform
cannot take now is kept in the outbox and sent when the link is back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kiosk.flows.guidance.arrival import Arrival
from kiosk.flows.guidance.visit import Booked, GuidanceVisit, booked_of
from kiosk.i18n import Text

log = logging.getLogger(__name__)


class Cancelling(Arrival):
    """The cancelling steps of the guidance flow."""

    def scan_ticket(self, done: Callable[[], None]) -> bool:
        """Look for a ticket's code to cancel by; done() on the UI thread once it was
        seen and looked up. False (and the words why) when there is no camera."""
        visit = self.visit
        visit.ticket, visit.mine_message = None, None
        if not self.watch_for_ticket(lambda ref, v, w: self._look_up(ref, done, v, w),
                                     lambda v, w: self._not_a_ticket(v, w, done)):
            visit.ticket_state = "idle"
            visit.mine_message = ("gd.checkin.no_camera", {"desk": self.staff_desk})
            return False
        visit.ticket_state = "looking"
        return True

    def _not_a_ticket(self, visit: GuidanceVisit, wipes: int, done: Callable[[], None]) -> None:
        if self._still(visit, wipes) and visit.ticket_state == "looking":
            visit.mine_message = ("gd.checkin.not_ticket", {})
            done()

    def _look_up(self, ref: str, done: Callable[[], None], visit: GuidanceVisit,
                 wipes: int) -> None:
        """The appointment a ticket names (worker thread): shown when it can still be
        cancelled, else what it stands at and where to ask."""
        from kiosk.platform.errors import PlatformError, Refused

        platform, desk = self.platform, self.staff_desk
        found: Booked | None = None
        words: Text = ("gd.mine.unreachable", {"desk": desk})
        try:
            if platform is not None:
                doc = platform.appointment(ref)
                found = booked_of(doc) if doc.get("status") == "booked" else None
                words = ("gd.mine.ticket_found", {}) if found else (
                    "gd.mine.ticket_not_booked", {"desk": desk})
        except Refused as exc:
            log.info("guidance: ticket not found", extra={"code": exc.code})
            words = ("gd.checkin.unknown_appointment", {"desk": desk})
        except PlatformError as exc:
            log.info("guidance: no ticket lookup", extra={"error": type(exc).__name__})
        except Exception:  # noqa: BLE001 - the visitor is told to go to the desk
            log.exception("guidance: ticket lookup failed")

        def on_ui() -> None:
            if self._still(visit, wipes):
                visit.ticket, visit.mine_message = found, words
                visit.ticket_state = "found" if found else "idle"
                done()
        self.ui.post(on_ui)

    def cancel(self, appointment_id: str, done: Callable[[], None]) -> None:
        """Cancel one of the card holder's appointments (worker thread): the seat is
        free again at once, or the cancel is saved and sent when the link is back."""
        visit, wipes, platform = self.visit, self._wipes, self.platform
        held = {b.id for b in visit.mine} | ({visit.ticket.id} if visit.ticket else set())
        if platform is None or appointment_id not in held:
            return

        def run() -> None:
            message = self._cancel(platform, appointment_id)

            def on_ui() -> None:
                if self._still(visit, wipes):
                    visit.mine = [b for b in visit.mine if b.id != appointment_id]
                    if visit.ticket is not None and visit.ticket.id == appointment_id:
                        visit.ticket, visit.ticket_state = None, "idle"
                    visit.mine_message = message
                    done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-cancel", daemon=True).start()

    def _cancel(self, platform: Any, appointment_id: str) -> Text:
        from kiosk.platform.errors import PlatformError, Refused

        try:
            outcome = platform.submit_now("appointment_cancel",
                                          {"appointment_id": appointment_id}, None)
        except Refused as exc:
            log.info("guidance: cancel refused", extra={"code": exc.code})
            return "gd.mine.not_cancelled", {"desk": self.staff_desk}
        except PlatformError as exc:
            log.warning("guidance: cancel not stored", extra={"error": type(exc).__name__})
            return "gd.mine.not_cancelled", {"desk": self.staff_desk}
        return ("gd.mine.cancel_queued", {}) if outcome.state == "queued" else (
            "gd.mine.cancelled", {})
