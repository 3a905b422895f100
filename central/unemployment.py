"""Unemployment-registration applications (失业登记): records of their own, decided by staff.

A terminal records the application (POST /seekers/unemployment); staff move it
through its statuses (`kiosk central unemployment set-status`); the visitor sees
where it stands on their page (seekers/lookup). What the visitor said (last
employer, leaving date, reason, insurance) is sealed; the status is not, so
staff can list the applications waiting for them without opening any.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from central.db import iso, utc_now, write
from central.errors import CentralError
from central.secretbox import SecretBox

STATUSES = ("received", "under_review", "approved", "rejected", "needs_documents")


class UnknownApplication(CentralError):
    """No application has that id."""

    exit_code = 2


@dataclass(frozen=True)
class Application:
    """One application as staff see it (sealed fields opened)."""

    id: str
    status: str
    created_at: str
    updated_at: str
    registration_id: str | None     # the applicant's job-seeker registration, if any
    details: dict[str, Any]


def record(conn: sqlite3.Connection, application_id: str, who: str, sealed: bytes,
           device: str) -> dict[str, Any]:
    """Store a new application (inside write()); the contract's UnemploymentAck."""
    now = iso(utc_now())
    conn.execute("INSERT INTO unemployment_applications VALUES(?, ?, ?, 'received', ?, ?, ?)",
                 (application_id, who, sealed, now, now, device))
    return {"application_id": application_id, "status": "received", "created_at": now}


def of_visitor(conn: sqlite3.Connection, who: str) -> list[dict[str, Any]]:
    """A visitor's applications, oldest first, as the contract's UnemploymentSummary."""
    rows = conn.execute("SELECT id, status, created_at, updated_at FROM "
                        "unemployment_applications WHERE id_hash = ? ORDER BY created_at, id",
                        (who,)).fetchall()
    return [{"application_id": i, "status": s, "created_at": c, "updated_at": u}
            for i, s, c, u in rows]


def applications(conn: sqlite3.Connection, box: SecretBox, status: str | None = None
                 ) -> list[Application]:
    """Every application (or those with one status), oldest first."""
    sql = ("SELECT a.id, a.status, a.created_at, a.updated_at, s.registration_id, a.data "
           "FROM unemployment_applications a LEFT JOIN seekers s ON s.id_hash = a.id_hash ")
    args: tuple[str, ...] = ()
    if status:
        sql += "WHERE a.status = ? "
        args = (status,)
    rows = conn.execute(sql + "ORDER BY a.created_at, a.id", args).fetchall()
    return [Application(i, s, c, u, r, box.open(d)) for i, s, c, u, r, d in rows]


def set_status(conn: sqlite3.Connection, application_id: str, status: str) -> str:
    """Move an application to status; returns the status it had."""
    if status not in STATUSES:
        raise CentralError(f"status must be one of {', '.join(STATUSES)}")
    with write(conn):
        row = conn.execute("SELECT status FROM unemployment_applications WHERE id = ?",
                           (application_id,)).fetchone()
        if row is None:
            raise UnknownApplication(f"no unemployment application {application_id}")
        conn.execute("UPDATE unemployment_applications SET status = ?, updated_at = ? "
                     "WHERE id = ?", (status, iso(utc_now()), application_id))
    return row[0]
