"""Booking, cancelling, moving and checking in: each one transaction of seat counts,
the appointment row and its reminders (the caller's, central/idempotency.submit, which
also records the answer). A refusal raises ApiError and the caller rolls back all of it.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from central.db import CHINA, iso
from central.errors import ApiError
from central.guidance import reminders, seats, window
from central.guidance.states import next_state
from central.routes.records import appointment

PRIORITY_OPENS = dt.timedelta(days=1)   # a key-group slot still free a day ahead is open


@dataclass(frozen=True)
class Booking:
    """A booking as the route parsed it (personal fields already sealed)."""

    slot_id: str
    id_hash: str | None       # the visitor's pseudonym, when they used an ID card
    holder: str               # keyed hash of whoever holds the seat
    booker: str               # seeker or employer
    sealed: bytes
    device: str


def _record(conn: sqlite3.Connection, appt_id: str) -> dict[str, Any]:
    found = appointment(conn, appt_id)
    if found is None:
        raise ApiError(404, "unknown_appointment", "no such appointment")
    return found


def _key_group(conn: sqlite3.Connection, who: str | None) -> bool:
    """A registered visitor with a key group has a specialist (central/demo/staff.py)."""
    if who is None:
        return False
    row = conn.execute("SELECT specialist_id FROM seekers WHERE id_hash = ?", (who,)).fetchone()
    return bool(row and row[0])


def _bookable(conn: sqlite3.Connection, slot: dict[str, Any], who: str | None,
              now: dt.datetime) -> None:
    start = window.moment(slot["starts_at"])
    if start <= now:
        raise ApiError(409, "slot_past", "this slot has already begun")
    opens = start - PRIORITY_OPENS
    if slot["priority"] == "key_groups" and now < opens and not _key_group(conn, who):
        raise ApiError(409, "priority_slot", "this slot is held for key groups until a "
                       "day before", open_to_all_at=iso(opens))


def book(conn: sqlite3.Connection, new: Booking, now: dt.datetime) -> dict[str, Any]:
    """The new appointment; 404 unknown_slot, 409 slot_past, priority_slot,
    already_booked, slot_taken."""
    slot = seats.slot_row(conn, new.slot_id)
    _bookable(conn, slot, new.id_hash, now)
    if seats.holds_seat(conn, new.slot_id, new.holder):
        raise ApiError(409, "already_booked", "you already have a place in this slot")
    seats.take(conn, new.slot_id)
    appt_id, stamp = f"A-{secrets.token_hex(8)}", iso(now)
    try:
        conn.execute(
            "INSERT INTO appointments(id, slot_id, service_id, id_hash, data, status, "
            "created_at, updated_at, device_id, holder, booker, no_show_at) "
            "VALUES(?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?)",
            (appt_id, slot["id"], slot["service_id"], new.id_hash, new.sealed, stamp, stamp,
             new.device, new.holder, new.booker, window.grace_end(slot["starts_at"])))
    except sqlite3.IntegrityError as exc:       # the index, should a pre-check be raced
        if seats.is_duplicate(exc):
            raise ApiError(409, "already_booked", "you already have a place in this slot") \
                from None
        raise
    reminders.schedule(conn, appt_id, slot, now)
    return _record(conn, appt_id)


def _step(conn: sqlite3.Connection, appt_id: str, action: str
          ) -> tuple[dict[str, Any], str]:
    """(current record, state it moves to) after the state machine agreed."""
    current = _record(conn, appt_id)
    return current, next_state(action, current["status"])


def _set(conn: sqlite3.Connection, appt_id: str, old: str, new: str, now: dt.datetime
         ) -> None:
    cur = conn.execute("UPDATE appointments SET status = ?, updated_at = ? "
                       "WHERE id = ? AND status = ?", (new, iso(now), appt_id, old))
    if cur.rowcount != 1:                       # another process moved it first
        raise ApiError(409, "changed", "the appointment changed meanwhile; look again")


def cancel(conn: sqlite3.Connection, appt_id: str, now: dt.datetime) -> dict[str, Any]:
    current, target = _step(conn, appt_id, "cancel")
    _set(conn, appt_id, current["status"], target, now)
    seats.give_back(conn, current["slot_id"])
    reminders.withdraw(conn, appt_id)
    return _record(conn, appt_id)


def move(conn: sqlite3.Connection, appt_id: str, slot_id: str, now: dt.datetime
         ) -> dict[str, Any]:
    """The same appointment in another slot of its service; the old seat is freed."""
    current, _ = _step(conn, appt_id, "move")
    slot = seats.slot_row(conn, slot_id)
    if slot["id"] == current["slot_id"]:
        raise ApiError(409, "same_slot", "the appointment is already in this slot")
    if slot["service_id"] != current["service_id"]:
        raise ApiError(409, "other_service", "an appointment moves within its service")
    who = conn.execute("SELECT id_hash FROM appointments WHERE id = ?",
                       (appt_id,)).fetchone()[0]
    _bookable(conn, slot, who, now)
    seats.take(conn, slot_id)
    try:
        conn.execute("UPDATE appointments SET slot_id = ?, no_show_at = ?, updated_at = ? "
                     "WHERE id = ? AND status = 'booked'",
                     (slot_id, window.grace_end(slot["starts_at"]), iso(now), appt_id))
    except sqlite3.IntegrityError as exc:
        if seats.is_duplicate(exc):
            raise ApiError(409, "already_booked", "you already have a place in that slot") \
                from None
        raise
    seats.give_back(conn, current["slot_id"])
    reminders.schedule(conn, appt_id, slot, now)
    return _record(conn, appt_id)


def check_in(conn: sqlite3.Connection, appt_id: str, now: dt.datetime) -> dict[str, Any]:
    """Arrived: 409 too_early, too_late, wrong_day, already_checked_in, cancelled, …"""
    current, target = _step(conn, appt_id, "check_in")
    window.check(now, current["starts_at"])
    _set(conn, appt_id, current["status"], target, now)
    return {**_record(conn, appt_id), "queue": _queue_number(conn, current, now)}


def _queue_number(conn: sqlite3.Connection, current: dict[str, Any], now: dt.datetime
                  ) -> int:
    """Where the visitor stands among today's arrivals for the same room (this one
    included): the number a queue slip prints."""
    day = now.astimezone(CHINA).date()
    begin = dt.datetime.combine(day, dt.time(0), CHINA)
    rows = conn.execute(
        "SELECT count(*) FROM appointments a JOIN slots s ON s.id = a.slot_id "
        "WHERE s.room = ? AND s.starts_utc >= ? AND s.starts_utc < ? "
        "AND a.status IN ('checked_in', 'served')",
        (current["room"], iso(begin), iso(begin + dt.timedelta(days=1)))).fetchone()
    return int(rows[0])


def serve(conn: sqlite3.Connection, appt_id: str, now: dt.datetime) -> dict[str, Any]:
    """Staff have served a checked-in visitor (the guidance record is theirs to write)."""
    current, target = _step(conn, appt_id, "serve")
    _set(conn, appt_id, current["status"], target, now)
    return _record(conn, appt_id)


def todays(conn: sqlite3.Connection, who: str, now: dt.datetime) -> str | None:
    """The appointment a card check-in means: today's whose window is open, else today's
    first, else the next one booked (whose check-in then says wrong_day)."""
    rows = conn.execute(
        "SELECT a.id, a.status, s.starts_at FROM appointments a JOIN slots s "
        "ON s.id = a.slot_id WHERE a.id_hash = ? AND a.status IN "
        "('booked', 'checked_in', 'no_show') ORDER BY s.starts_utc, a.id", (who,)).fetchall()
    today = now.astimezone(CHINA).date()
    on_day = [r for r in rows if window.moment(r[2]).astimezone(CHINA).date() == today]
    for appt, status, start in on_day:
        begins = window.moment(start)
        if status == "booked" and begins - window.EARLY <= now <= begins + window.GRACE:
            return appt
    booked_today = [r for r in on_day if r[1] == "booked" and window.moment(r[2]) > now]
    if booked_today or on_day:
        return (booked_today or on_day)[0][0]
    later = [r for r in rows if r[1] == "booked" and window.moment(r[2]) > now]
    return later[0][0] if later else None
