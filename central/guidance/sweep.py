"""The guidance sweep: bookings past their grace period become no-shows, due reminders
go out. It runs at the start of every guidance call (so the answer a terminal gets is
already swept, on the platform's injectable clock, with no timer to wait for); a quiet
check keeps it to two indexed reads when there is nothing to do.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from central.db import iso, read, write
from central.guidance import gateway, reminders


def _due(conn: sqlite3.Connection, stamp: str) -> bool:
    with read(conn):
        late = conn.execute("SELECT 1 FROM appointments WHERE status = 'booked' "
                            "AND no_show_at < ? LIMIT 1", (stamp,)).fetchone()
        due = not gateway.registered(conn) and conn.execute(
            "SELECT 1 FROM notifications WHERE status = 'pending' AND due_at <= ? LIMIT 1",
            (stamp,)).fetchone()
    return bool(late or due)


def sweep(conn: sqlite3.Connection, now: dt.datetime) -> tuple[int, int]:
    """(no-shows marked, reminders sent) as of now, in one write transaction."""
    stamp = iso(now)
    with write(conn):
        cur = conn.execute("SELECT id FROM appointments WHERE status = 'booked' "
                           "AND no_show_at < ?", (stamp,))
        late = [row[0] for row in cur.fetchall()]
        for appt in late:
            conn.execute("UPDATE appointments SET status = 'no_show', updated_at = ? "
                         "WHERE id = ? AND status = 'booked'", (stamp, appt))
            reminders.withdraw(conn, appt)
        sent = reminders.send_due(conn, now)
    return len(late), len(sent)


def run(conn: sqlite3.Connection, now: dt.datetime) -> tuple[int, int]:
    """sweep() when something is due, else (0, 0) after one cheap read."""
    return sweep(conn, now) if _due(conn, iso(now)) else (0, 0)
