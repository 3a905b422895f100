"""Today's appointments as the desk reads them: who is expected in which room and
when, who has arrived and whom a counsellor has seen.

"Today" is the centre's day (China time) on the platform's clock, the same day the
check-in window judges, so the desk and the terminals never disagree about it when
tests or a scripted run move the clock. The person behind a booking shows only
masked (the name's first character, the phone's first three and last four digits)
and only to a role that serves visitors; the ID number is never stored in the clear,
so there is nothing of it to show.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from itertools import groupby

from central.db import read
from central.moments import CHINA, iso
from central.secretbox import SecretBox

ROWS_SQL = (
    "SELECT a.id, s.starts_at, s.ends_at, s.room, s.counsellor, a.status, a.booker, a.data, "
    "a.service_id, f.doc FROM appointments a JOIN slots s ON s.id = a.slot_id "
    "LEFT JOIN feed_items f ON f.kind = 'services' AND f.id = a.service_id "
    "WHERE s.starts_utc >= ? AND s.starts_utc < ? "
    "ORDER BY a.service_id, s.room, s.starts_utc, a.created_at, a.id")


@dataclass(frozen=True)
class DeskRow:
    """One appointment of the day, with nothing about its person but masked words."""

    id: str
    starts_at: str
    ends_at: str
    service: str
    room: str
    counsellor: str
    status: str
    booker: str
    name: str          # masked, or "" when the booking holds none
    phone: str         # masked, or ""
    organisation: str  # an employer's organisation (not a person)

    @property
    def group(self) -> tuple[str, str]:
        return self.service, self.room


def mask_name(name: str | None) -> str:
    """The first character and a star for each of the rest, e.g. 王** ."""
    name = (name or "").strip()
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else name


def mask_phone(phone: str | None) -> str:
    """139****5678: enough for the visitor to recognise, too little to call."""
    return f"{phone[:3]}****{phone[-4:]}" if phone and len(phone) >= 7 else ""


def day_bounds(now: dt.datetime) -> tuple[str, str]:
    """[start, end) of now's China day as the fixed-width UTC text slots are kept in."""
    begin = dt.datetime.combine(now.astimezone(CHINA).date(), dt.time(0), CHINA)
    return iso(begin), iso(begin + dt.timedelta(days=1))


def _personal(box: SecretBox, sealed: object) -> dict[str, str]:
    """The booking's sealed contact, opened; a desk booking holds none."""
    if not isinstance(sealed, bytes) or not sealed:
        return {}
    opened = box.open(sealed)
    return opened if isinstance(opened, dict) else {}


def _row(box: SecretBox, found: tuple, show_person: bool) -> DeskRow:
    appt, starts, ends, room, counsellor, status, booker, sealed, service_id, doc = found
    service = json.loads(doc).get("name", service_id) if doc else service_id
    person = _personal(box, sealed) if show_person else {}
    return DeskRow(appt, starts, ends, service, room, counsellor, status, booker,
                   mask_name(person.get("name")), mask_phone(person.get("phone")),
                   str(person.get("organisation") or ""))


def todays(conn: sqlite3.Connection, box: SecretBox, now: dt.datetime,
           show_person: bool) -> list[DeskRow]:
    """Every appointment whose slot starts on now's China day, by service, room, time."""
    with read(conn):
        rows = conn.execute(ROWS_SQL, day_bounds(now)).fetchall()
    return [_row(box, found, show_person) for found in rows]


def grouped(rows: list[DeskRow]) -> list[tuple[tuple[str, str], list[DeskRow]]]:
    """The rows per (service, room), in the order todays() gave them."""
    return [(key, list(items)) for key, items in groupby(rows, key=lambda r: r.group)]


def clock_time(stamp: str) -> str:
    """HH:MM of a stored start or end, in China time."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(CHINA).strftime("%H:%M")
