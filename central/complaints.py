"""Complaints, suggestions and praise (投诉与建议), and the satisfaction ratings.

A visitor files at a terminal; the terminal makes the tracking number itself
(`TSyyyymmdd-NNNNNN`, the day filed in China time) so the slip is printed at
once whether or not the platform answers, and sends the complaint through its
outbox with an idempotency key, so it is recorded exactly once however late
it arrives. Should another complaint already hold the number (one chance in
900,000 per day and pair), the platform gives this one a fresh number and
answers with it; the terminal shows the platform's number once it hears it.

The platform promises the outcome five working days after the day filed
(central/workdays.py), gives every complaint a handling department, a due date,
a status history and staff's reply, and staff move it along:
received → in_progress (taken by a department) → answered (the reply) → closed.
A complaint past its due date and not yet answered is overdue, and says so.

What the visitor wrote and their phone are sealed; the lookup compares a keyed
hash of the phone given, and a wrong number and a wrong phone get the same
answer. An anonymous complaint keeps no phone and cannot be looked up.
Lookups are throttled per terminal and per tracking number (`Throttle`).

These functions are the seam for every staff tool: the `kiosk central
complaint` and `kiosk central ratings` commands today, the console's pages next.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from central.db import Store, iso, lock, read, utc_now, write
from central.errors import CentralError
from central.secretbox import SecretBox
from central.workdays import CALENDARS, add_working_days, days_of

CHINA = dt.timezone(dt.timedelta(hours=8))
ANSWER_WITHIN = 5            # working days (the service standard's five working days)
MAX_REPLY = 2000
STATES = ("received", "in_progress", "answered", "closed")
KINDS = ("complaint", "suggestion", "praise", "report")
DEFAULT_DEPARTMENT = "综合服务科"
NUMBER_PREFIX = "TS"


class ComplaintError(CentralError):
    """A staff tool refused: no such complaint, or a step it cannot take."""

    exit_code = 2


@dataclass(frozen=True)
class Complaint:
    """One complaint as staff see it (sealed fields opened, phone given or not)."""

    tracking_number: str
    kind: str
    status: str
    filed_at: str
    due_by: str | None
    department: str | None
    about: str | None
    about_ref: str | None
    text: str
    phone: str | None
    reply: str | None
    overdue: bool
    history: list[dict[str, Any]] = field(default_factory=list)


def due_by(filed_at: dt.datetime) -> dt.date:
    """The promised date: five working days after the day filed (China time)."""
    holidays, workdays = days_of(list(CALENDARS))
    return add_working_days(filed_at.astimezone(CHINA).date(), ANSWER_WITHIN, holidays,
                            workdays)


def today() -> dt.date:
    return utc_now().astimezone(CHINA).date()


def is_overdue(status: str, due: str | None, on: dt.date) -> bool:
    """Not answered by the end of its due date."""
    if status in ("answered", "closed") or not due:
        return False
    return on > dt.date.fromisoformat(due[:10])


def new_number(conn: sqlite3.Connection, day: dt.date) -> str:
    """A free number a visitor can read out on the phone, e.g. TS20261123-482913."""
    while True:
        number = f"{NUMBER_PREFIX}{day:%Y%m%d}-{secrets.randbelow(900000) + 100000}"
        if not _exists(conn, number):
            return number


def _exists(conn: sqlite3.Connection, number: str) -> bool:
    return conn.execute("SELECT 1 FROM complaints WHERE tracking_number = ?",
                        (number,)).fetchone() is not None


def _event(conn: sqlite3.Connection, number: str, status: str, department: str | None,
           note: str = "") -> None:
    conn.execute("INSERT INTO complaint_events(tracking_number, at, status, department, "
                 "note) VALUES(?, ?, ?, ?, ?)",
                 (number, iso(utc_now()), status, department, note))


def record(conn: sqlite3.Connection, box: SecretBox, doc: dict[str, Any], who: str | None,
           device: str) -> dict[str, Any]:
    """Store a new complaint (inside write()) and answer with its status."""
    filed = _moment(doc.get("filed_at")) or utc_now()
    number = str(doc.get("tracking_number") or "")
    if not number or _exists(conn, number):
        number = new_number(conn, filed.astimezone(CHINA).date())
    phone = doc.get("phone")
    sealed = box.seal({k: doc.get(k) for k in ("text", "phone", "name", "reasons",
                                                "happened_on")})
    phone_hash = box.keyed_hash(normal_phone(phone)) if phone else ""
    now = iso(utc_now())
    conn.execute("INSERT INTO complaints VALUES(?, ?, ?, ?, ?, ?, 'received', NULL, ?, ?, ?)",
                 (f"C-{secrets.token_hex(6)}", number, phone_hash, who, doc["category"],
                  sealed, now, now, device))
    department = _department_for(doc)
    conn.execute("INSERT INTO complaint_handling(tracking_number, filed_at, due_by, "
                 "department, about, about_ref, lang) VALUES(?, ?, ?, ?, ?, ?, ?)",
                 (number, filed.isoformat(), due_by(filed).isoformat(), department,
                  doc.get("about"), doc.get("about_ref"), doc.get("lang", "zh")))
    _event(conn, number, "received", department)
    return _status_of(conn, number)


def _department_for(doc: dict[str, Any]) -> str:
    """Who handles it first: postings go to the jobs desk, the terminal to its
    technicians, the rest to general services (staff may hand it on with take)."""
    return {"posting": "职业介绍科", "terminal": "信息中心"}.get(str(doc.get("about")),
                                                               DEFAULT_DEPARTMENT)


def _moment(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)


def normal_phone(value: str) -> str:
    """A phone as typed or read out: digits only (and a leading +)."""
    value = value.strip()
    return ("+" if value.startswith("+") else "") + "".join(c for c in value if c.isdigit())


STATUS_SQL = ("SELECT c.tracking_number, c.category, c.status, c.created_at, c.updated_at, "
              "c.reply, h.due_by, h.department, h.about FROM complaints c "
              "LEFT JOIN complaint_handling h ON h.tracking_number = c.tracking_number ")


def _status_doc(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    number, kind, state, filed, updated, reply, due, department, about = row
    doc: dict[str, Any] = {"tracking_number": number, "category": kind, "status": state,
                           "filed_at": filed, "updated_at": updated, "reply": reply,
                           "due_by": due, "department": department,
                           "overdue": is_overdue(state, due, today()),
                           "history": history(conn, number)}
    if about:
        doc["about"] = about
    return doc


def _status_of(conn: sqlite3.Connection, number: str) -> dict[str, Any]:
    row = conn.execute(STATUS_SQL + "WHERE c.tracking_number = ?", (number,)).fetchone()
    return _status_doc(conn, row)


def history(conn: sqlite3.Connection, number: str) -> list[dict[str, Any]]:
    """The complaint's steps, oldest first (what staff did, when, which department)."""
    rows = conn.execute("SELECT at, status, department FROM complaint_events "
                        "WHERE tracking_number = ? ORDER BY id", (number,)).fetchall()
    return [{"at": at, "status": state, "department": dep} for at, state, dep in rows]


def status(conn: sqlite3.Connection, box: SecretBox, number: str,
           phone: str) -> dict[str, Any] | None:
    """The complaint with this number whose phone is phone (None for any mismatch,
    and for an anonymous complaint, which has no phone to match)."""
    digest = box.keyed_hash(normal_phone(phone))
    with read(conn):
        row = conn.execute(STATUS_SQL + "WHERE c.tracking_number = ? AND c.phone_hash = ? "
                           "AND c.phone_hash != ''", (number, digest)).fetchone()
        return _status_doc(conn, row) if row else None


def of_visitor(conn: sqlite3.Connection, who: str) -> list[dict[str, Any]]:
    """A card holder's complaints, for "my page" (inside a read)."""
    rows = conn.execute(STATUS_SQL + "WHERE c.id_hash = ? ORDER BY c.created_at",
                        (who,)).fetchall()
    return [_status_doc(conn, row) for row in rows]


# -- staff ----------------------------------------------------------------------------
def queue(conn: sqlite3.Connection, box: SecretBox, only: str | None = None,
          include_closed: bool = False) -> list[Complaint]:
    """The complaints to handle, the soonest due first (overdue ones at the top)."""
    sql = ("SELECT c.tracking_number, c.category, c.status, c.created_at, h.due_by, "
           "h.department, h.about, h.about_ref, c.data, c.reply FROM complaints c "
           "LEFT JOIN complaint_handling h ON h.tracking_number = c.tracking_number ")
    where, args = [], []
    if only:
        where.append("c.status = ?")
        args.append(only)
    elif not include_closed:
        where.append("c.status != 'closed'")
    if where:
        sql += "WHERE " + " AND ".join(where) + " "
    on = today()
    with read(conn):
        rows = conn.execute(sql + "ORDER BY h.due_by, c.created_at", args).fetchall()
        out = []
        for number, kind, state, filed, due, dep, about, ref, data, reply in rows:
            opened = box.open(data)
            out.append(Complaint(number, kind, state, filed, due, dep, about, ref,
                                 str(opened.get("text") or ""), opened.get("phone"), reply,
                                 is_overdue(state, due, on), history(conn, number)))
    return out


def show(conn: sqlite3.Connection, box: SecretBox, number: str) -> Complaint:
    for item in queue(conn, box, include_closed=True):
        if item.tracking_number == number:
            return item
    raise ComplaintError(f"no complaint {number}")


def _move(conn: sqlite3.Connection, number: str, allowed: tuple[str, ...], to: str,
          department: str | None = None, reply: str | None = None) -> str:
    with write(conn):
        row = conn.execute("SELECT c.status, h.department FROM complaints c LEFT JOIN "
                           "complaint_handling h ON h.tracking_number = c.tracking_number "
                           "WHERE c.tracking_number = ?", (number,)).fetchone()
        if row is None:
            raise ComplaintError(f"no complaint {number}")
        before, dep = row
        if before not in allowed:
            raise ComplaintError(f"{number} is {before}; it cannot become {to}")
        now = iso(utc_now())
        if reply is None:
            conn.execute("UPDATE complaints SET status = ?, updated_at = ? "
                         "WHERE tracking_number = ?", (to, now, number))
        else:
            conn.execute("UPDATE complaints SET status = ?, reply = ?, updated_at = ? "
                         "WHERE tracking_number = ?", (to, reply, now, number))
        if department:
            conn.execute("INSERT INTO complaint_handling(tracking_number, department) "
                         "VALUES(?, ?) ON CONFLICT(tracking_number) DO UPDATE SET "
                         "department = excluded.department", (number, department))
            dep = department
        _event(conn, number, to, dep)
    return before


def take(conn: sqlite3.Connection, number: str, department: str) -> str:
    """A department takes the complaint on (or it is handed on to another);
    returns the status it had."""
    department = department.strip()
    if not department or len(department) > 60:
        raise ComplaintError("a department is 1 to 60 characters")
    return _move(conn, number, ("received", "in_progress"), "in_progress", department)


def reply(conn: sqlite3.Connection, number: str, text: str) -> str:
    """Staff's answer; the visitor reads it by number and phone."""
    text = text.strip()
    if not text or len(text) > MAX_REPLY:
        raise ComplaintError(f"a reply is 1 to {MAX_REPLY} characters")
    return _move(conn, number, ("received", "in_progress", "answered"), "answered",
                 reply=text)


def close(conn: sqlite3.Connection, number: str) -> str:
    """Close an answered complaint (the visitor was told; nothing more to do)."""
    return _move(conn, number, ("answered",), "closed")


# -- lookups throttled -------------------------------------------------------------------
class Throttle:
    """Sliding windows of lookups per terminal and per tracking number: guessing
    numbers or phones from one terminal, or one number from many, soon gets 429.

    The windows are rows of the database (lookup_windows), not process memory, so
    every server process in front of one database counts the same lookups; the clock
    is wall time in milliseconds for the same reason."""

    def __init__(self, conn: Store, per_terminal: int = 20, per_number: int = 5,
                 window_s: float = 60.0, clock: Callable[[], float] = time.time) -> None:
        self.conn = conn
        self.per_terminal, self.per_number, self.window_s = per_terminal, per_number, window_s
        self.clock = clock

    def wait_s(self, terminal: str, number: str) -> float:
        """0 when this lookup may go ahead (and count it); else seconds until it may."""
        now, span = round(self.clock() * 1000), round(self.window_s * 1000)
        keys = (f"t:{terminal}", f"n:{number}")
        with write(self.conn) as conn:
            for key in keys:            # one decision at a time per terminal and number
                lock(conn, f"lookup\n{key}")
            conn.execute("DELETE FROM lookup_windows WHERE at_ms <= ?", (now - span,))
            seen = {key: (n, first) for key, n, first in conn.execute(
                "SELECT key, count(*), min(at_ms) FROM lookup_windows WHERE key IN (?, ?) "
                "GROUP BY key", keys)}
            waits = [(seen[key][1] + span - now) / 1000
                     for key, limit in zip(keys, (self.per_terminal, self.per_number),
                                           strict=True)
                     if key in seen and seen[key][0] >= limit]
            if waits:
                return max(max(waits), 0.001)
            conn.executemany("INSERT INTO lookup_windows VALUES(?, ?)",
                             [(key, now) for key in keys])
        return 0.0


# -- ratings ------------------------------------------------------------------------------
GROUPINGS = {"service": "json_extract(data, '$.service')", "terminal": "device_id",
             "day": "substr(created_at, 1, 10)"}


def rating_summary(conn: sqlite3.Connection, by: str = "service",
                   since: str | None = None) -> list[dict[str, Any]]:
    """Ratings grouped by service, terminal or (UTC) day: how many, the mean score,
    how many of each score, and the reasons the unhappy ones gave."""
    if by not in GROUPINGS:
        raise ComplaintError(f"ratings group by one of {', '.join(GROUPINGS)}")
    sql = f"SELECT {GROUPINGS[by]}, device_id, data FROM ratings "
    args: tuple[str, ...] = ()
    if since:
        sql += "WHERE created_at >= ? "
        args = (since,)
    groups: dict[str, dict[str, Any]] = {}
    with read(conn):
        rows = conn.execute(sql, args).fetchall()
    for key, _device, data in rows:
        doc = json.loads(data)
        score = int(doc.get("score", 0))
        g = groups.setdefault(str(key), {by: str(key), "count": 0, "total": 0,
                                         "scores": {str(s): 0 for s in range(1, 6)},
                                         "reasons": {}})
        g["count"] += 1
        g["total"] += score
        g["scores"][str(score)] = g["scores"].get(str(score), 0) + 1
        for reason in doc.get("reasons") or []:
            g["reasons"][reason] = g["reasons"].get(reason, 0) + 1
    out = []
    for key in sorted(groups):
        g = groups[key]
        g["mean"] = round(g.pop("total") / g["count"], 2)
        out.append(g)
    return out
