"""Seats in a slot, counted by the database itself.

Taking a seat is one conditional UPDATE (`booked < capacity` in its WHERE) whose row
count says whether it worked: two processes can never both see the last seat free,
because the check and the increment are one statement that the store applies to the
row under its own lock (SQLite's write lock, PostgreSQL's row lock). No SELECT comes
before it to be raced. A unique partial index on (slot_id, holder) over live bookings
keeps one person from holding two seats of one slot, whatever the route. Every
statement here is plain SQL that PostgreSQL runs as well.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from central.errors import ApiError
from central.guidance.states import LIVE


def slot_row(conn: sqlite3.Connection, slot_id: str) -> dict[str, Any]:
    """The slot, or 404 unknown_slot."""
    row = conn.execute("SELECT id, service_id, counsellor, starts_at, ends_at, capacity, "
                       "booked, kind, room, priority FROM slots WHERE id = ?",
                       (slot_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_slot", "no such slot")
    keys = ("id", "service_id", "counsellor", "starts_at", "ends_at", "capacity",
            "booked", "kind", "room", "priority")
    return dict(zip(keys, row, strict=True))


def holds_seat(conn: sqlite3.Connection, slot_id: str, holder: str | None) -> bool:
    """Whether holder already has a live booking in the slot."""
    if holder is None:
        return False
    marks = ", ".join("?" * len(LIVE))
    row = conn.execute(f"SELECT 1 FROM appointments WHERE slot_id = ? AND holder = ? "
                       f"AND status IN ({marks})", (slot_id, holder, *LIVE)).fetchone()
    return row is not None


def take(conn: sqlite3.Connection, slot_id: str) -> None:
    """Take one seat or refuse with 409 slot_taken (call inside the write transaction
    that also inserts the appointment)."""
    cur = conn.execute("UPDATE slots SET booked = booked + 1 "
                       "WHERE id = ? AND booked < capacity", (slot_id,))
    if cur.rowcount != 1:
        raise ApiError(409, "slot_taken", "this slot is no longer free")


def give_back(conn: sqlite3.Connection, slot_id: str) -> None:
    """Free one seat (a cancellation or the old slot of a move)."""
    conn.execute("UPDATE slots SET booked = booked - 1 WHERE id = ? AND booked > 0",
                 (slot_id,))


def is_duplicate(exc: sqlite3.IntegrityError) -> bool:
    """Whether an insert or update broke the one-live-booking-per-holder index."""
    return "appointments" in str(exc) and "holder" in str(exc)
