"""The console's audit log: who did what, when, to which terminal or item, from where.

Every sign-in (and refused one), command, configuration change, enrolment, answer and
account change is a row. Details are short words of the console's own, never a
visitor's data (an answer's text is not copied here).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from central.db import iso, read, write


@dataclass(frozen=True)
class Entry:
    at: str
    user: str | None
    action: str
    target: str | None
    detail: str | None
    source: str | None


def record(conn: sqlite3.Connection, now: dt.datetime, user: str | None, action: str,
           target: str | None = None, detail: str | None = None,
           source: str | None = None) -> None:
    with write(conn):
        conn.execute("INSERT INTO console_audit(at, user, action, target, detail, source) "
                     "VALUES(?, ?, ?, ?, ?, ?)",
                     (iso(now), user, action, target, (detail or "")[:300] or None, source))


def entries(conn: sqlite3.Connection, limit: int = 300, action: str | None = None
            ) -> list[Entry]:
    """The newest entries first."""
    where, args = ("WHERE action = ? ", (action,)) if action else ("", ())
    with read(conn):
        rows = conn.execute("SELECT at, user, action, target, detail, source FROM console_audit "
                            + where + "ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
    return [Entry(*r) for r in rows]
