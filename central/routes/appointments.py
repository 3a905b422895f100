"""Guidance appointments: book a seat, cancel (frees it), move, check in on arrival.

The routes parse, seal and answer; seats, states, the check-in window and reminders
are central/guidance/. Every guidance call first sweeps (no-shows, due reminders) on
the platform's clock, in its own transaction, so a refusal rolled back later cannot
undo it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import JSONResponse, Response

from central.errors import ApiError
from central.guidance import booking
from central.guidance.sweep import run as sweep
from central.idempotency import submit
from central.routes.common import body, box, db, signed_router, visitor
from central.routes.records import appointment

router = signed_router()
AppointmentId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


def now_of(request: Request) -> dt.datetime:
    """The platform's now (tests move it), after sweeping what it made due."""
    now = request.app.state.clock()
    sweep(db(request), now)
    return now


def _holder(request: Request, doc: dict[str, Any], who: str | None) -> tuple[str, str]:
    """(holder, booker): whose seat this is, as a keyed hash, and what kind of booker."""
    if doc.get("organisation"):
        contact = f"employer:{doc['organisation'].strip()}\n{doc['phone']}"
        return box(request).pseudonym(contact), "employer"
    if who:
        return who, "seeker"
    return box(request).pseudonym(f"phone:{doc['phone']}"), "seeker"


@router.post("/appointments", status_code=201)
def book(request: Request) -> Response:
    """Take one seat in a slot: 409 slot_taken when it is full, already_booked when
    this visitor (or employer contact) holds one there already."""
    doc = body(request, "AppointmentIn")
    personal = {k: doc[k] for k in ("name", "phone", "organisation", "form") if k in doc}
    sealed = box(request).seal(personal)
    who = visitor(request, doc)
    holder, booker = _holder(request, doc, who)
    now = now_of(request)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        new = booking.Booking(slot_id=doc["slot_id"], id_hash=who, holder=holder,
                              booker=booker, sealed=sealed, device=request.state.device_id)
        return 201, booking.book(conn, new, now)

    return submit(request, handler)


@router.get("/appointments/{appointment_id}")
def show(request: Request, appointment_id: AppointmentId) -> Response:
    """One appointment as its ticket's holder may see it (service, time, room, state;
    never the person): what a terminal shows before cancelling by the ticket's code."""
    now_of(request)
    found = appointment(db(request), appointment_id)
    if found is None:
        raise ApiError(404, "unknown_appointment", "no such appointment")
    return JSONResponse(found)


@router.post("/appointments/{appointment_id}/cancel")
def cancel(request: Request, appointment_id: AppointmentId) -> Response:
    """Cancel a booked appointment: its seat is free again, its reminders withdrawn."""
    body(request, "CancelIn")
    now = now_of(request)
    return submit(request, lambda conn: (200, booking.cancel(conn, appointment_id, now)))


@router.post("/appointments/{appointment_id}/move")
def move(request: Request, appointment_id: AppointmentId) -> Response:
    """Move a booked appointment to another slot of its service in one transaction:
    the new seat is taken and the old one freed together, or neither."""
    doc = body(request, "MoveIn")
    now = now_of(request)
    return submit(request, lambda conn: (200, booking.move(conn, appointment_id,
                                                           doc["slot_id"], now)))


@router.post("/appointments/checkin")
def checkin(request: Request) -> Response:
    """Mark the visitor arrived: by the appointment (its ticket's QR code) or by the
    visitor's ID card (their appointment today)."""
    doc = body(request, "CheckInIn")
    who = visitor(request, doc)
    now = now_of(request)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        appt_id = doc.get("appointment_id") or booking.todays(conn, who or "", now)
        if appt_id is None:
            raise ApiError(404, "unknown_appointment", "no appointment found")
        return 200, booking.check_in(conn, appt_id, now)

    return submit(request, handler)
