"""A visitor's records as the contract shows them (shared by lookup and the submissions)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

APPOINTMENT_SQL = (
    "SELECT a.id, a.slot_id, a.service_id, s.counsellor, s.starts_at, s.ends_at, a.status, "
    "f.doc, s.kind, s.room, a.booker FROM appointments a JOIN slots s ON s.id = a.slot_id "
    "LEFT JOIN feed_items f ON f.kind = 'services' AND f.id = a.service_id ")


def _appointment(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    """One appointment with its place (the service's location, the slot's room) and the
    reminders the platform holds for it; the id is what the ticket's QR code carries."""
    from central.guidance.reminders import of_appointment

    service = json.loads(row[7]) if row[7] else {}
    return {"id": row[0], "slot_id": row[1], "service_id": row[2],
            "service_name": service.get("name", ""), "counsellor": row[3],
            "location": service.get("location", ""), "starts_at": row[4], "ends_at": row[5],
            "status": row[6], "kind": row[8], "room": row[9], "booker": row[10],
            "bring": service.get("bring", []), "reminders": of_appointment(conn, row[0])}


def appointment(conn: sqlite3.Connection, appointment_id: str) -> dict[str, Any] | None:
    row = conn.execute(APPOINTMENT_SQL + "WHERE a.id = ?", (appointment_id,)).fetchone()
    return _appointment(conn, row) if row else None


def appointments_of(conn: sqlite3.Connection, who: str) -> list[dict[str, Any]]:
    rows = conn.execute(APPOINTMENT_SQL + "WHERE a.id_hash = ? ORDER BY s.starts_utc",
                        (who,)).fetchall()
    return [_appointment(conn, row) for row in rows]


def complaints_of(conn: sqlite3.Connection, who: str) -> list[dict[str, Any]]:
    """The card holder's complaints with their due date, department and history."""
    from central.complaints import of_visitor

    return of_visitor(conn, who)


def interests_of(conn: sqlite3.Connection, who: str) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT id, job_id, created_at FROM interests WHERE id_hash = ? "
                        "ORDER BY created_at", (who,)).fetchall()
    return [{"id": i, "job_id": j, "status": "received", "created_at": c} for i, j, c in rows]
