"""The guidance flow as the screens use it: triage, book, the ticket, check-in.

Every rule runs without a display. A booking is sent at once so that a seat taken
meanwhile is told while the visitor is still at the glass, with the next free
slot offered; when the platform cannot be reached it is kept in the outbox under
the same idempotency key and the visitor is told honestly "saved, will be sent".
The ticket's QR code carries the appointment's opaque id, never the person.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.flows.base import slip_language
from kiosk.flows.guidance import booking, topics
from kiosk.flows.guidance.booking import Form, Service, Slot
from kiosk.flows.guidance.cancelling import Cancelling
from kiosk.flows.guidance.receipt import AppointmentTicket
from kiosk.flows.guidance.receipt import build as build_ticket
from kiosk.flows.guidance.visit import (
    Booked,
    GuidanceVisit,
    Lost,
    appointment_of,
    booked_of,
    slot_payload,
    ticket_payload,
)
from kiosk.i18n import Text
from kiosk.platform.identity import id_hash
from kiosk.receipts.handing import PrintOutcome, hand_over

if TYPE_CHECKING:
    from devices.printer.document import Document

log = logging.getLogger(__name__)
__all__ = ["Booked", "GuidanceFlow", "GuidanceVisit", "Lost", "PrintOutcome", "appointment_of",
           "booked_of", "ticket_payload"]


class GuidanceFlow(Cancelling):
    """One terminal's career guidance, over the visitor session's visit."""

    visit_type = GuidanceVisit

    # -- triage ------------------------------------------------------------------------
    def choose_audience(self, audience: str) -> None:
        topics.topics_of(audience)
        if audience != self.visit.audience:          # the other side's form starts afresh
            self.visit.form = Form()
        self.visit.audience, self.visit.topic = audience, ""

    def topics(self) -> tuple[str, ...]:
        return topics.topics_of(self.visit.audience)

    def choose_topic(self, code: str) -> None:
        if code not in topics.TOPICS:
            raise ValueError(f"guidance: no topic {code!r}")
        self.visit.topic = "" if self.visit.topic == code else code
        self.visit.form.topic = self.visit.topic

    def ask_about(self, code: str) -> None:
        """Open triage on a job seeker's topic chosen elsewhere (the assessment report's
        "book a counsellor"), never toggling it off as a second tap would."""
        self.choose_audience("seeker")
        if self.visit.topic != code:
            self.choose_topic(code)

    def offers_here(self) -> tuple[str, ...]:
        """The terminal's own services for the chosen topic (screen names)."""
        topic = topics.TOPICS.get(self.visit.topic)
        return topic.here if topic else ()

    # -- services and slots ------------------------------------------------------------
    def services(self) -> list[Service]:
        """The catalog's services for this visitor, the topic's kind first."""
        platform = self.platform
        docs = platform.catalog.documents("services", 100) if platform is not None else []
        found = booking.services(list(docs), self.visit.audience)
        topic = topics.TOPICS.get(self.visit.topic)
        return sorted(found, key=lambda s: 0 if topic and s.kind == topic.kind else 1)

    def service(self) -> Service | None:
        return next((s for s in self.services() if s.id == self.visit.service_id), None)

    def choose_service(self, service_id: str, done: Callable[[], None]) -> None:
        """Ask the platform for the service's free slots (worker thread); done() on the
        UI thread."""
        visit = self.visit
        visit.service_id, visit.slot_id, visit.taken, visit.message = service_id, "", "", None
        self._load_slots(done)

    def clear_service(self) -> None:
        """Back to the list of services (nothing chosen)."""
        visit = self.visit
        visit.service_id, visit.slot_id, visit.taken, visit.message = "", "", "", None
        visit.slots, visit.slots_state = [], "idle"

    def _load_slots(self, done: Callable[[], None]) -> None:
        from kiosk.platform.errors import PlatformError

        visit, wipes, platform = self.visit, self._wipes, self.platform
        visit.slots_state = "loading"
        if platform is None:
            visit.slots_state = "unreachable"
            self.ui.post(done)
            return
        service_id = visit.service_id

        def run() -> None:
            try:
                docs = platform.free_slots(service_id)
                slots = [s for s in map(booking.slot_of, docs) if s is not None]
                state = "shown"
            except PlatformError as exc:
                log.info("guidance: no slots", extra={"error": type(exc).__name__})
                slots, state = [], "unreachable"

            def on_ui() -> None:
                if self._still(visit, wipes) and visit.service_id == service_id:
                    visit.slots, visit.slots_state = slots, state
                    if visit.taken and not visit.slot_id:
                        visit.slot_id = self._next_free()
                    done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-slots", daemon=True).start()

    def days(self) -> list[tuple[dt.date, list[Slot]]]:
        return booking.by_day(self.visit.slots, self.visit.taken)

    def _next_free(self) -> str:
        days = self.days()
        return days[0][1][0].id if days else ""

    def choose_slot(self, slot_id: str) -> None:
        self.visit.slot_id, self.visit.message = slot_id, None

    def slot(self) -> Slot | None:
        return next((s for s in self.visit.slots if s.id == self.visit.slot_id), None)

    # -- the registration form ---------------------------------------------------------
    def choose(self, name: str, code: str) -> None:
        """One of the form's single choices (a second tap takes it back)."""
        if code not in self.form_choices(name) or name == "difficulty":
            raise ValueError(f"guidance: no {name} {code!r}")
        form = self.visit.form
        setattr(form, name, "" if getattr(form, name) == code else code)

    def toggle_difficulty(self, code: str) -> None:
        if code not in self.form_choices("difficulty"):
            raise ValueError(f"guidance: no difficulty {code!r}")
        self.visit.form.difficulty.symmetric_difference_update({code})

    def card_name(self) -> str:
        """The card's holder, masked, or "" before a card is read."""
        return self.session.visit.masked_name()

    def needs_card(self) -> bool:
        """A job seeker books with the ID card; an employer's representative with the
        organisation, a name and a phone instead."""
        return self.visit.audience != "employer"

    def form_choices(self, name: str) -> tuple[str, ...]:
        """The codes a group of the form offers this visitor (empty: not asked)."""
        employer = not self.needs_card()
        if name == "topic":
            return self.topics()
        if employer:
            return booking.EMPLOYER_CHOICES.get(name, ())
        return booking.SEEKER_CHOICES[name]

    def check(self, phone: str, organisation: str = "", name: str = "") -> Text | None:
        """Why the booking cannot be sent as it is (None: it can)."""
        if self.slot() is None:
            return "gd.form.need_slot", {}
        if self.needs_card() and self.session.visit.card is None:
            return "gd.form.need_card", {}
        if not self.needs_card() and not (organisation.strip() and name.strip()):
            return "gd.form.need_employer", {}
        if not booking.valid_mobile(phone):
            return "gd.form.need_phone", {}
        if self.platform is None:
            return "gd.form.unavailable", {"desk": self.staff_desk}
        return None

    def book(self, phone: str, note: str, done: Callable[[], None], organisation: str = "",
             name: str = "") -> Text | None:
        """Send the booking (worker thread); done() on the UI thread once the platform
        answered or it is saved. Returns the words to show instead when it cannot go.
        An employer's representative gives organisation and name instead of a card."""
        phone = "".join(c for c in phone if c.isdigit())
        problem = self.check(phone, organisation, name)
        if problem is not None:
            return problem
        visit, wipes, platform = self.visit, self._wipes, self.platform
        if visit.state == "sending":
            return None                                 # a second tap sends nothing
        card = self.session.visit.card
        slot_id = visit.slot_id
        slot = self.slot()
        payload = slot_payload(slot) if slot else {"slot_id": slot_id}
        if self.needs_card():
            who: dict[str, Any] = {"id_hash": id_hash(card.number) if card else ""}
            form = visit.form.payload(note)
        else:
            who = {"organisation": organisation.strip()[:booking.MAX_ORG],
                   "name": name.strip()[:booking.MAX_NAME]}
            form = {**visit.form.payload(note), "situation": "employer"}
        personal = {**who, "phone": phone, "form": form}
        visit.state, visit.message = "sending", None

        def run() -> None:
            try:
                state, message, booked = self._send(platform, payload, personal)
            except Exception:  # noqa: BLE001 - the visitor is told, never left waiting
                log.exception("guidance: booking failed")
                state, message, booked = "idle", ("gd.form.unavailable",
                                                  {"desk": self.staff_desk}), None

            def on_ui() -> None:
                if not self._still(visit, wipes):
                    return
                visit.state, visit.message, visit.booked = state, message, booked
                visit.mine_state = "idle"               # my appointments: look again
                if state == "idle":                     # refused: choose again
                    visit.taken, visit.slot_id = slot_id, ""
                    self._load_slots(done)
                    return
                done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-book", daemon=True).start()
        return None

    def _send(self, platform: Any, payload: dict[str, Any],
              personal: dict[str, Any]) -> tuple[str, Text | None, Booked | None]:
        from kiosk.platform.errors import PlatformError, Refused

        try:
            outcome = platform.submit_now("appointment", payload, personal)
        except Refused as exc:
            code = exc.code if exc.code in booking.REFUSALS else "other"
            log.info("guidance: booking refused", extra={"code": exc.code})
            return "idle", (f"gd.refused.{code}", {"desk": self.staff_desk}), None
        except PlatformError as exc:       # e.g. the outbox could not store it
            log.warning("guidance: booking not stored", extra={"error": type(exc).__name__})
            return "idle", ("gd.form.unavailable", {"desk": self.staff_desk}), None
        if outcome.state == "queued":
            return "queued", ("gd.ticket.queued", {}), None
        booked = booked_of(outcome.response) if isinstance(outcome.response, dict) else None
        if booked is None:
            return "queued", ("gd.ticket.queued", {}), None
        return "sent", ("gd.ticket.sent", {}), booked

    # -- moving to another time ---------------------------------------------------------
    def start_move(self, appointment_id: str, done: Callable[[], None]) -> bool:
        """Choose another time for one of the card holder's appointments: its service's
        free slots are fetched (worker thread), its own left out; done() on the UI
        thread."""
        booked = next((b for b in self.visit.mine if b.id == appointment_id), None)
        if booked is None or not booked.service_id:
            return False
        self.choose_service(booked.service_id, done)
        self.visit.moving, self.visit.taken = booked, booked.slot_id
        return True

    def stop_move(self) -> None:
        self.visit.moving = None
        self.clear_service()

    def move(self, done: Callable[[], None]) -> None:
        """Move the appointment to the chosen slot now (worker thread): the platform takes
        the new seat and frees the old one together. It is never saved for later: a
        move only means something while the visitor is here. done() on the UI thread."""
        visit, wipes, platform, moving = self.visit, self._wipes, self.platform, self.visit.moving
        slot_id = visit.slot_id
        if platform is None or moving is None or not slot_id or visit.state == "sending":
            return
        visit.state, visit.message = "sending", None

        def run() -> None:
            booked, words = self._move(platform, moving.id, slot_id)

            def on_ui() -> None:
                if not self._still(visit, wipes):
                    return
                visit.message = words
                if booked is None:
                    visit.state = "idle"
                    if words and words[0] == "gd.refused.slot_taken":
                        visit.taken, visit.slot_id = slot_id, ""
                        self._load_slots(done)
                        return
                else:
                    visit.state, visit.booked, visit.moving = "sent", booked, None
                    visit.mine = [booked if b.id == booked.id else b for b in visit.mine]
                done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-move", daemon=True).start()

    def _move(self, platform: Any, appointment_id: str,
              slot_id: str) -> tuple[Booked | None, Text]:
        from kiosk.platform.errors import PlatformError, Refused

        desk = self.staff_desk
        try:
            outcome = platform.submit_now("appointment_move", {
                "appointment_id": appointment_id, "slot_id": slot_id}, keep_when_away=False)
        except Refused as exc:
            log.info("guidance: move refused", extra={"code": exc.code})
            code = exc.code if exc.code in booking.REFUSALS else "other"
            return None, (f"gd.refused.{code}", {"desk": desk})
        except PlatformError as exc:
            log.info("guidance: move not sent", extra={"error": type(exc).__name__})
            return None, ("gd.move.unreachable", {"desk": desk})
        doc = outcome.response if isinstance(outcome.response, dict) else {}
        booked = booked_of(doc)
        return (booked, ("gd.ticket.moved", {})) if booked else (
            None, ("gd.move.unreachable", {"desk": desk}))

    # -- the ticket --------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.desk is not None and self.desk.can_print()

    def ticket(self, lang: str) -> Document | None:
        booked = self.visit.booked
        if booked is None:
            return None
        when = (f"{booked.starts:%Y-%m-%d} {booked.starts:%H:%M}-{booked.ends:%H:%M}")
        place = " ".join(p for p in (booked.location, booked.room) if p)
        appt = AppointmentTicket(booked.id[:8].upper(), booked.service, booked.counsellor,
                                 when, place, ticket_payload(booked.id), booked.bring)
        return build_ticket(appt, self._stamp(), slip_language(lang))

    def print_ticket(self, lang: str, done: Callable[[PrintOutcome], None]) -> None:
        booked = self.visit.booked
        hand_over(self.desk, self.ui, self.ticket(lang),
                  f"appointment-{booked.id if booked else ''}", "gd.print", self.staff_desk,
                  done)

    def qr_text(self) -> str:
        booked = self.visit.booked
        return ticket_payload(booked.id) if booked else ""

    # -- my appointments: look up by the card, cancel -----------------------------------
    def load_mine(self, done: Callable[[], None]) -> Text | None:
        """The card holder's booked appointments (worker thread); done() on the UI
        thread. Returns the words to show at once when there is no card or link."""
        from kiosk.platform.errors import PlatformError

        card, platform = self.session.visit.card, self.platform
        if card is None:
            return "gd.mine.need_card", {}
        if platform is None:
            return "gd.mine.unreachable", {"desk": self.staff_desk}
        visit, wipes, number = self.visit, self._wipes, card.number
        visit.mine_state, visit.mine_message = "loading", None

        def run() -> None:
            try:
                answer = platform.lookup(number)
                items = answer.get("appointments") if isinstance(answer, dict) else None
                mine = [b for b in (booked_of(i) for i in items or []
                                    if isinstance(i, dict) and i.get("status") == "booked")
                        if b is not None]
                state = "shown"
                lost = self._lost(platform, number)
            except PlatformError as exc:
                log.info("guidance: no lookup", extra={"error": type(exc).__name__})
                mine, state, lost = [], "unreachable", None

            def on_ui() -> None:
                if self._still(visit, wipes):
                    visit.mine, visit.mine_state, visit.lost = mine, state, lost
                    if state == "unreachable":
                        visit.mine_message = ("gd.mine.unreachable", {"desk": self.staff_desk})
                    done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-mine", daemon=True).start()
        return None

    def _lost(self, platform: Any, number: str) -> Lost | None:
        """The card holder's latest booking the outbox set aside as refused (the seat
        had gone by the time it was sent), with the next free slot of its service."""
        found = platform.outbox.set_aside_for("appointment", "id_hash", id_hash(number))
        if not found:
            return None
        for older in found[:-1]:                   # only the latest is offered again
            platform.outbox.told(older.key)
        refused = found[-1]
        log.info("guidance: a saved booking was refused", extra={"code": refused.code})
        p = refused.payload
        service_id = str(p.get("service_id") or "")
        slots = [s for s in map(booking.slot_of, platform.free_slots(service_id))
                 if s is not None] if service_id else []
        days = booking.by_day(slots, str(p.get("slot_id") or ""))
        docs = list(platform.catalog.documents("services", 100))
        names = {s.id: s.name for a in topics.AUDIENCES for s in booking.services(docs, a)}
        return Lost(refused.key, names.get(service_id, ""), booking.moment(p.get("starts_at")),
                    booking.moment(p.get("ends_at")), p, refused.personal,
                    days[0][1][0] if days else None)

    def rebook(self, done: Callable[[], None]) -> None:
        """Book the slot offered instead of a refused saved booking, with the same
        phone and form (worker thread); done() on the UI thread."""
        visit, wipes, platform, lost = self.visit, self._wipes, self.platform, self.visit.lost
        if platform is None or lost is None or lost.offer is None:
            return
        payload = slot_payload(lost.offer)

        def run() -> None:
            state, message, booked = self._send(platform, payload, lost.personal)
            if state != "idle":
                platform.outbox.told(lost.key)

            def on_ui() -> None:
                if not self._still(visit, wipes):
                    return
                if state == "idle":
                    visit.mine_message = ("gd.mine.not_rebooked", {"desk": self.staff_desk})
                else:
                    visit.lost = None
                    visit.booked, visit.state = booked, state
                    if booked is not None:
                        visit.mine = [*visit.mine, booked]
                    visit.mine_message = (("gd.mine.rebooked", {}) if state == "sent"
                                          else ("gd.ticket.queued", {}))
                done()
            self.ui.post(on_ui)
        threading.Thread(target=run, name="guidance-rebook", daemon=True).start()

    def forget_lost(self) -> None:
        """The visitor read that the saved booking was refused and does not want the
        offer: it is not shown again."""
        lost, platform = self.visit.lost, self.platform
        if lost is not None and platform is not None:
            platform.outbox.told(lost.key)
        self.visit.lost = None
