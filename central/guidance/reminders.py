"""The reminder outbox: what the platform has promised to tell a visitor, and when.

Booking records the reminders in `notifications` in the same transaction as the
seat, so a booking never exists without them (nor they without it): the day
before, two hours before, and for a group session a materials notice two working
days before (C 7.1.2). Cancelling withdraws those not yet sent; moving reschedules
them. The reference platform "sends" a due reminder by writing one log line and
marking it sent; a city SMS gateway takes over by reading the same table (or the
contract's description of it) and marking what it sent. A line never holds the
phone number or the name: the gateway opens the appointment's sealed record itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import sqlite3
from typing import Any

from central.db import CHINA, iso
from central.guidance.window import moment
from central.workdays import CALENDARS, days_of

log = logging.getLogger("central.notifications")
KINDS = ("day_before", "two_hours", "materials")
MATERIALS_AT = dt.time(9, 0)          # the materials notice goes out at 09:00 local time


def working_days_before(day: dt.date, n: int) -> dt.date:
    """The n-th working day before day on the published calendar (central/workdays.py)."""
    holidays, workdays = days_of(list(CALENDARS))
    left = n
    while left:
        day -= dt.timedelta(days=1)
        if day not in holidays and (day.weekday() < 5 or day in workdays):
            left -= 1
    return day


def due_times(starts_at: str, kind: str, now: dt.datetime) -> dict[str, str]:
    """kind of reminder → when it is due (UTC iso) for a session of this slot kind.
    A reminder whose time has passed at booking is left out, except the materials
    notice: someone booking a group session late still needs its materials, at once."""
    start = moment(starts_at)
    wanted = {"day_before": start - dt.timedelta(days=1),
              "two_hours": start - dt.timedelta(hours=2)}
    due = {name: iso(at) for name, at in wanted.items() if at > now}
    if kind == "group":
        day = working_days_before(start.astimezone(CHINA).date(), 2)
        at = dt.datetime.combine(day, MATERIALS_AT, CHINA)
        due["materials"] = iso(max(at, now))
    return due


def schedule(conn: sqlite3.Connection, appointment_id: str, slot: dict[str, Any],
             now: dt.datetime) -> None:
    """Record (or, after a move, re-time) the appointment's reminders; kinds that no
    longer apply are withdrawn."""
    due = due_times(slot["starts_at"], slot["kind"], now)
    stamp = iso(now)
    for kind, at in due.items():
        conn.execute(
            "INSERT INTO notifications(id, appointment_id, kind, due_at, status, created_at)"
            " VALUES(?, ?, ?, ?, 'pending', ?) ON CONFLICT(appointment_id, kind) DO UPDATE "
            "SET due_at = excluded.due_at, status = 'pending', sent_at = NULL",
            (f"N-{secrets.token_hex(8)}", appointment_id, kind, at, stamp))
    gone = [k for k in KINDS if k not in due]
    if gone:
        marks = ", ".join("?" * len(gone))
        conn.execute(f"UPDATE notifications SET status = 'withdrawn' WHERE appointment_id = ?"
                     f" AND status = 'pending' AND kind IN ({marks})", (appointment_id, *gone))


def withdraw(conn: sqlite3.Connection, appointment_id: str) -> int:
    """Withdraw the reminders not yet sent (a cancelled booking); how many."""
    return conn.execute("UPDATE notifications SET status = 'withdrawn' "
                        "WHERE appointment_id = ? AND status = 'pending'",
                        (appointment_id,)).rowcount


def send_due(conn: sqlite3.Connection, now: dt.datetime) -> list[dict[str, str]]:
    """Send (log) every pending reminder that is due and mark it sent, in due order;
    nothing once an SMS gateway has taken the outbox over (it claims them itself)."""
    from central.guidance.gateway import registered

    if registered(conn):
        return []
    stamp = iso(now)
    rows = conn.execute("SELECT id, appointment_id, kind, due_at FROM notifications "
                        "WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id",
                        (stamp,)).fetchall()
    sent = []
    for nid, appt, kind, due in rows:
        conn.execute("UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ? "
                     "AND status = 'pending'", (stamp, nid))
        line = {"event": "notification_sent", "id": nid, "appointment_id": appt,
                "kind": kind, "due_at": due, "sent_at": stamp, "channel": "sms"}
        log.info(json.dumps(line))
        sent.append(line)
    return sent


def of_appointment(conn: sqlite3.Connection, appointment_id: str) -> list[dict[str, Any]]:
    """The appointment's reminders as the contract shows them, in due order."""
    rows = conn.execute("SELECT kind, due_at, status FROM notifications "
                        "WHERE appointment_id = ? ORDER BY due_at, kind",
                        (appointment_id,)).fetchall()
    return [{"kind": k, "due_at": d, "status": s} for k, d, s in rows]
