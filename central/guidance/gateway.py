"""The reminder outbox handed to a city SMS gateway: claim what is due, acknowledge
what was delivered.

Without a gateway the reference platform "sends" a due reminder itself by logging
it (reminders.send_due). Once a gateway is registered (a signed client, enrolled
like a terminal, named in sms_gateways), the sweep leaves due reminders pending
and the gateway pulls them: a claim takes up to `limit` due reminders for a lease,
so two gateway processes never hold the same one; a reminder whose lease ran out
unacknowledged (the gateway died) can be claimed again. The acknowledgement marks
it sent exactly once: repeating it with the same claim answers the same, another
claim's acknowledgement is refused. Each claim carries the phone number, opened
from the appointment's sealed record for the gateway alone; no log line holds it.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from typing import Any

from central.db import iso
from central.errors import ApiError
from central.secretbox import SecretBox


def registered(conn: sqlite3.Connection) -> bool:
    """Whether an SMS gateway has taken the outbox over (the sweep then sends nothing)."""
    return conn.execute("SELECT 1 FROM sms_gateways LIMIT 1").fetchone() is not None


def register(conn: sqlite3.Connection, device_id: str, now: dt.datetime) -> None:
    """Name an enrolled signed client as the SMS gateway (kiosk central's admin step)."""
    conn.execute("INSERT INTO sms_gateways(device_id, added_at) VALUES(?, ?) "
                 "ON CONFLICT(device_id) DO NOTHING", (device_id, iso(now)))


def add(conn: sqlite3.Connection, box: SecretBox, device_id: str, now: dt.datetime) -> str:
    """A new signed client registered as the gateway, in one transaction; its key.

    The gateway gets a client of its own rather than a terminal's: removing it later
    takes its key away without touching any terminal. The key is shown once (only the
    platform keeps it, sealed); AlreadyEnrolled when the id is taken.
    """
    from central.db import write
    from central.devices import create

    with write(conn):
        key = create(conn, box, device_id)
        register(conn, device_id, now)
    return key


def gateways(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(device id, registered at) of every gateway, oldest first."""
    return conn.execute("SELECT device_id, added_at FROM sms_gateways "
                        "ORDER BY added_at, device_id").fetchall()


def remove(conn: sqlite3.Connection, device_id: str) -> bool:
    """Unregister a gateway and drop its signing key, so its credentials stop working
    at once; False when it was not a gateway (a terminal is never dropped here). With
    no gateway left the sweep sends due reminders itself again."""
    from central.db import write

    with write(conn):
        gone = conn.execute("DELETE FROM sms_gateways WHERE device_id = ?", (device_id,))
        if gone.rowcount != 1:
            return False
        conn.execute("DELETE FROM devices WHERE id = ?", (device_id,))
        conn.execute("DELETE FROM notification_claims WHERE device_id = ?", (device_id,))
    return True


def require_gateway(conn: sqlite3.Connection, device_id: str) -> None:
    """403 not_a_gateway for any other signed client (a terminal)."""
    if conn.execute("SELECT 1 FROM sms_gateways WHERE device_id = ?",
                    (device_id,)).fetchone() is None:
        raise ApiError(403, "not_a_gateway", "only the registered SMS gateway may do this")


def claim(conn: sqlite3.Connection, box: SecretBox, device_id: str, now: dt.datetime,
          limit: int, lease_s: int) -> dict[str, Any]:
    """Up to limit due reminders, leased to one new claim until now + lease_s."""
    stamp, until = iso(now), iso(now + dt.timedelta(seconds=lease_s))
    rows = conn.execute(
        "SELECT n.id, n.appointment_id, n.kind, n.due_at, a.data FROM notifications n "
        "JOIN appointments a ON a.id = n.appointment_id "
        "LEFT JOIN notification_claims c ON c.notification_id = n.id "
        "WHERE n.status = 'pending' AND n.due_at <= ? AND (c.until IS NULL OR c.until <= ?) "
        "ORDER BY n.due_at, n.id LIMIT ?", (stamp, stamp, limit)).fetchall()
    token = f"C-{secrets.token_hex(12)}"
    items = []
    for nid, appt, kind, due, sealed in rows:
        taken = conn.execute(
            "INSERT INTO notification_claims(notification_id, claim, device_id, until) "
            "VALUES(?, ?, ?, ?) ON CONFLICT(notification_id) DO UPDATE SET "
            "claim = excluded.claim, device_id = excluded.device_id, until = excluded.until "
            "WHERE notification_claims.until <= ?", (nid, token, device_id, until, stamp))
        if taken.rowcount != 1:
            continue                             # another claim got it first
        phone = box.open(sealed).get("phone") if sealed else None
        items.append({"id": nid, "appointment_id": appt, "kind": kind, "due_at": due,
                      "phone": phone})
    return {"claim": token, "until": until, "items": items}


def ack(conn: sqlite3.Connection, notification_id: str, token: str, now: dt.datetime
        ) -> dict[str, Any]:
    """Mark the reminder sent under this claim; the same answer when repeated."""
    row = conn.execute("SELECT n.status, n.sent_at, c.claim FROM notifications n "
                       "LEFT JOIN notification_claims c ON c.notification_id = n.id "
                       "WHERE n.id = ?", (notification_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_notification", "no such notification")
    status, sent_at, holder = row
    if holder != token:
        raise ApiError(409, "not_your_claim", "this notification is not under that claim")
    if status == "withdrawn":
        raise ApiError(409, "withdrawn", "the booking was cancelled or missed meanwhile")
    if status == "pending":
        sent_at = iso(now)
        conn.execute("UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ? "
                     "AND status = 'pending'", (sent_at, notification_id))
    return {"id": notification_id, "status": "sent", "sent_at": sent_at}
