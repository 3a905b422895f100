"""Guidance appointments: book a free slot, cancel (frees it), check in on arrival."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import Response

from central.db import iso, utc_now
from central.errors import ApiError
from central.idempotency import submit
from central.routes.common import body, box, new_id, signed_router, visitor
from central.routes.records import appointment

router = signed_router()
AppointmentId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


@router.post("/appointments", status_code=201)
def book(request: Request) -> Response:
    """Take one place in a slot; 409 slot_taken when it is full."""
    doc = body(request, "AppointmentIn")
    sealed = box(request).seal({"name": doc.get("name"), "phone": doc["phone"]})
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        slot = conn.execute("SELECT service_id, booked < capacity FROM slots WHERE id = ?",
                            (doc["slot_id"],)).fetchone()
        if slot is None:
            raise ApiError(404, "unknown_slot", "no such slot")
        if not slot[1]:
            raise ApiError(409, "slot_taken", "this slot is no longer free")
        conn.execute("UPDATE slots SET booked = booked + 1 WHERE id = ?", (doc["slot_id"],))
        now, appt_id = iso(utc_now()), new_id("A")
        conn.execute("INSERT INTO appointments VALUES(?, ?, ?, ?, ?, 'booked', ?, ?, ?)",
                     (appt_id, doc["slot_id"], slot[0], who, sealed, now, now,
                      request.state.device_id))
        return 201, appointment(conn, appt_id) or {}

    return submit(request, handler)


def _set_status(conn: sqlite3.Connection, appt_id: str, status: str) -> dict[str, Any]:
    conn.execute("UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?",
                 (status, iso(utc_now()), appt_id))
    return appointment(conn, appt_id) or {}


@router.post("/appointments/{appointment_id}/cancel")
def cancel(request: Request, appointment_id: AppointmentId) -> Response:
    """Cancel a booked appointment and give its place back."""
    body(request, "CancelIn")

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        current = appointment(conn, appointment_id)
        if current is None:
            raise ApiError(404, "unknown_appointment", "no such appointment")
        if current["status"] != "booked":
            raise ApiError(409, "not_cancellable", f"appointment is {current['status']}")
        conn.execute("UPDATE slots SET booked = max(booked - 1, 0) WHERE id = ?",
                     (current["slot_id"],))
        return 200, _set_status(conn, appointment_id, "cancelled")

    return submit(request, handler)


@router.post("/appointments/checkin")
def checkin(request: Request) -> Response:
    """Mark the visitor arrived: by appointment id, or their next booked appointment."""
    doc = body(request, "CheckInIn")
    who = visitor(request, doc)

    def handler(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        appt_id = doc.get("appointment_id")
        if appt_id is None:
            row = conn.execute(
                "SELECT a.id FROM appointments a JOIN slots s ON s.id = a.slot_id "
                "WHERE a.id_hash = ? AND a.status = 'booked' ORDER BY s.starts_at LIMIT 1",
                (who,)).fetchone()
            appt_id = row[0] if row else None
        current = appointment(conn, appt_id) if appt_id else None
        if current is None:
            raise ApiError(404, "unknown_appointment", "no booked appointment found")
        if current["status"] != "booked":
            raise ApiError(409, "not_checkable", f"appointment is {current['status']}")
        return 200, _set_status(conn, appt_id, "checked_in")

    return submit(request, handler)
