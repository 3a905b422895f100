"""What one visitor's guidance holds while they are at the glass, and the ticket's code.

Kept apart from the flow's steps so that booking, the visitor's own page and check-in
share one set of records; the session's end wipes the visit with everything else.
The ticket's QR code carries the appointment's opaque id, never the person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kiosk.flows.guidance import booking
from kiosk.flows.guidance.booking import Form, Slot
from kiosk.i18n import Text

QR_PREFIX = "EKIOSK:APPT:"


@dataclass(frozen=True)
class Booked:
    """An appointment the platform confirmed: what the ticket prints."""

    id: str
    service: str
    counsellor: str
    location: str
    room: str
    starts: dt.datetime
    ends: dt.datetime
    bring: tuple[str, ...] = ()
    service_id: str = ""
    slot_id: str = ""


@dataclass(frozen=True)
class Lost:
    """A booking saved while the platform was away and refused when it was sent (the
    seat had gone): what it was, and the next free slot of its service to offer."""

    key: str
    service: str
    starts: dt.datetime | None
    ends: dt.datetime | None
    payload: dict[str, Any]
    personal: dict[str, Any]
    offer: Slot | None


@dataclass(frozen=True)
class Queued:
    """A check-in the platform accepted: the place in the room's queue a slip prints."""

    number: str
    room: str
    service: str
    starts: dt.datetime | None


@dataclass
class GuidanceVisit:
    """What this visitor chose, booked and checked in."""

    audience: str = "seeker"
    topic: str = ""
    service_id: str = ""
    slots: list[Slot] = field(default_factory=list)
    slots_state: str = "idle"          # idle, loading, shown, unreachable
    slot_id: str = ""
    taken: str = ""                    # a slot the platform said was just taken
    form: Form = field(default_factory=Form)
    state: str = "idle"                # idle, sending, sent, queued
    message: Text | None = None
    booked: Booked | None = None
    checkin: Text | None = None
    checkin_state: str = "idle"        # idle, looking, checking, done, refused
    mine: list[Booked] = field(default_factory=list)
    mine_state: str = "idle"           # idle, loading, shown, unreachable
    mine_message: Text | None = None
    lost: Lost | None = None           # a saved booking refused when sent
    queue: Queued | None = None        # this visit's check-in, for its queue slip
    queue_print: Text | None = None    # what became of the queue slip
    card_checked: str = ""             # the card a check-in was last tried with
    ticket: Booked | None = None       # an appointment found by its ticket's code
    ticket_state: str = "idle"         # idle, looking, found
    moving: Booked | None = None       # an appointment being moved to another time


def slot_payload(slot: Slot) -> dict[str, Any]:
    """A booking's outbox payload: the slot, and (kept on the terminal, never sent) its
    service and times, to tell the visitor if it is refused once sent."""
    return {"slot_id": slot.id, "service_id": slot.service_id,
            "starts_at": slot.starts.isoformat(), "ends_at": slot.ends.isoformat()}


def ticket_payload(appointment_id: str) -> str:
    return QR_PREFIX + appointment_id


def appointment_of(payload: str) -> str | None:
    """The appointment id a ticket's QR carries; None for any other code."""
    if not payload.startswith(QR_PREFIX):
        return None
    ref = payload[len(QR_PREFIX):]
    return ref if ref and len(ref) <= 64 and all(c.isalnum() or c == "-" for c in ref) else None


def booked_of(doc: dict[str, Any]) -> Booked | None:
    """The platform's Appointment as the ticket needs it."""
    slot = booking.slot_of({**doc, "id": doc.get("id"), "free": 1})
    if slot is None:
        return None
    return Booked(str(doc["id"]), str(doc.get("service_name", "")), slot.counsellor,
                  str(doc.get("location", "")), str(doc.get("room", "")), slot.starts,
                  slot.ends, tuple(str(b) for b in doc.get("bring") or ()),
                  str(doc.get("service_id", "")), str(doc.get("slot_id", "")))
