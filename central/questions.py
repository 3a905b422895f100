"""Policy questions (政策咨询): asked at a terminal, answered by staff within a working day.

The terminal makes the tracking number itself (it prints the slip even while the
platform is away) and sends the question through its outbox, so it arrives once.
The platform counts the promised answer date on its working-day calendar from
the day the visitor asked, and staff answer with `kiosk central questions answer`.

What the visitor wrote and their phone are sealed. The lookup needs the tracking
number and the phone given (or, without a phone, the code printed on the slip);
only a keyed hash of that is kept, and a wrong number and a wrong phone get the
same answer.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from central.db import iso, read, utc_now, write
from central.errors import CentralError
from central.secretbox import SecretBox
from central.workdays import CALENDARS, add_working_days, days_of

CHINA = dt.timezone(dt.timedelta(hours=8))
ANSWER_WITHIN = 1            # working days (the service standard's "within one working day")
MAX_ANSWER = 2000
STATUS_SQL = ("SELECT tracking_number, status, asked_at, answer_by, answered_at, answer, "
              "policy_id FROM policy_questions ")


class QuestionError(CentralError):
    """A staff tool refused: no such question, or an answer it cannot take."""

    exit_code = 2


@dataclass(frozen=True)
class Question:
    """One question as staff see it (sealed fields opened)."""

    tracking_number: str
    status: str
    asked_at: str
    answer_by: str
    policy_id: str | None
    text: str
    phone: str | None
    answer: str | None


def answer_by(asked_at: dt.datetime) -> dt.date:
    """The promised date: one working day after the day asked (China time)."""
    holidays, workdays = days_of(list(CALENDARS))
    return add_working_days(asked_at.astimezone(CHINA).date(), ANSWER_WITHIN, holidays,
                            workdays)


def status_doc(row: tuple[Any, ...]) -> dict[str, Any]:
    """The contract's QuestionStatus."""
    number, status, asked, due, answered, answer, policy = row
    return {"tracking_number": number, "status": status, "asked_at": asked,
            "answer_by": due, "answered_at": answered, "answer": answer,
            "policy_id": policy}


def record(conn: sqlite3.Connection, box: SecretBox, doc: dict[str, Any], who: str | None,
           device: str) -> dict[str, Any] | None:
    """Store a new question (inside write()); None when the tracking number is taken."""
    number = doc["tracking_number"]
    if conn.execute("SELECT 1 FROM policy_questions WHERE tracking_number = ?",
                    (number,)).fetchone():
        return None
    asked = dt.datetime.fromisoformat(doc["asked_at"].replace("Z", "+00:00"))
    if asked.tzinfo is None:
        asked = asked.replace(tzinfo=CHINA)
    secret = doc.get("phone") or doc.get("code") or ""
    sealed = box.seal({"question": doc["question"], "phone": doc.get("phone")})
    now = iso(utc_now())
    conn.execute("INSERT INTO policy_questions(tracking_number, secret_hash, id_hash, "
                 "policy_id, lang, data, status, asked_at, answer_by, created_at, updated_at, "
                 "device_id) VALUES(?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)",
                 (number, box.keyed_hash(normal_secret(secret)), who, doc.get("policy_id"),
                  doc.get("lang", "zh"), sealed, asked.isoformat(),
                  answer_by(asked).isoformat(), now, now, device))
    row = conn.execute(STATUS_SQL + "WHERE tracking_number = ?", (number,)).fetchone()
    return status_doc(row)


def normal_secret(value: str) -> str:
    """A phone as typed or read out: digits only (and a leading +)."""
    value = value.strip()
    return ("+" if value.startswith("+") else "") + "".join(c for c in value if c.isdigit())


def status(conn: sqlite3.Connection, box: SecretBox, number: str,
           secret: str) -> dict[str, Any] | None:
    """The question with this number whose phone (or slip code) is secret."""
    with read(conn):
        row = conn.execute(STATUS_SQL + "WHERE tracking_number = ? AND secret_hash = ?",
                           (number, box.keyed_hash(normal_secret(secret)))).fetchone()
    return status_doc(row) if row else None


def questions(conn: sqlite3.Connection, box: SecretBox, only: str | None = None
              ) -> list[Question]:
    """Every question (or those with one status), the soonest due first."""
    sql = ("SELECT tracking_number, status, asked_at, answer_by, policy_id, data, answer "
           "FROM policy_questions ")
    args: tuple[str, ...] = ()
    if only:
        sql += "WHERE status = ? "
        args = (only,)
    with read(conn):
        rows = conn.execute(sql + "ORDER BY answer_by, asked_at", args).fetchall()
    out = []
    for number, state, asked, due, policy, data, answer in rows:
        opened = box.open(data)
        out.append(Question(number, state, asked, due, policy, opened.get("question", ""),
                            opened.get("phone"), answer))
    return out


def answer(conn: sqlite3.Connection, number: str, text: str) -> str:
    """Record staff's answer to a question; returns the status it had."""
    text = text.strip()
    if not text or len(text) > MAX_ANSWER:
        raise QuestionError(f"an answer is 1 to {MAX_ANSWER} characters")
    with write(conn):
        row = conn.execute("SELECT status FROM policy_questions WHERE tracking_number = ?",
                           (number,)).fetchone()
        if row is None:
            raise QuestionError(f"no policy question {number}")
        now = iso(utc_now())
        conn.execute("UPDATE policy_questions SET status = 'answered', answer = ?, "
                     "answered_at = ?, updated_at = ? WHERE tracking_number = ?",
                     (text, now, now, number))
    return row[0]
