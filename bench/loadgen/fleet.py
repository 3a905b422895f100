"""The fleet a load run needs: enrolled terminals with their keys, a staff account,
and the check that every submission was stored exactly once.

Terminals are enrolled the way `kiosk central enroll` does it (a fresh key, sealed
in the platform's database) and placed in halls and groups as the console shows
them, written through a second connection to the running platform's database
before the load starts (SQLite WAL lets both in; PostgreSQL is a server). The check
afterwards reads the same store: rows, not the answers, decide whether a submission
was stored once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from central.console import accounts, fleetview
from central.console.demo import GROUPS, HALLS
from central.db import Target, connect, secret_box, write
from central.devices import enroll

STAFF_NAME = "load-staff"
STAFF_PASSWORD = "load bench password 1"


@dataclass(frozen=True)
class Device:
    """One enrolled terminal: its id, its key as the kiosk keeps it, its hall."""

    device_id: str
    key: bytes
    hall: str


def enroll_fleet(db_path: Target, count: int, prefix: str = "L",
                 secret: Path | None = None) -> list[Device]:
    """count terminals L00001…, enrolled and placed, plus the staff account (secret:
    the platform's, needed for a PostgreSQL database)."""
    conn = connect(db_path)
    box = secret_box(conn, db_path, secret)
    devices = []
    try:
        with write(conn):
            for n in range(1, count + 1):
                device_id, hall = f"{prefix}{n:05d}", HALLS[n % len(HALLS)]
                key = enroll(conn, box, device_id)
                fleetview.place(conn, device_id, f"{hall[:2]}-{n:05d}", hall,
                                GROUPS[n % len(GROUPS)])
                devices.append(Device(device_id, key.encode(), hall))
        if not any(name == STAFF_NAME for name, *_ in accounts.users(conn)):
            accounts.add_user(conn, STAFF_NAME, STAFF_PASSWORD, "admin",
                              dt.datetime.now(dt.UTC))
    finally:
        conn.close()
    return devices


@dataclass(frozen=True)
class Stored:
    """What the database holds of the submissions the terminals were answered 201 for."""

    ratings_missing: int
    ratings_doubled: int
    complaints_missing: int
    complaints_doubled: int
    unknown: int          # rows from these terminals that no accepted submission explains

    @property
    def exactly_once(self) -> bool:
        return not (self.ratings_missing or self.ratings_doubled or self.complaints_missing
                    or self.complaints_doubled or self.unknown)


def stored(db_path: Target, ratings: set[str], complaints: set[str],
           prefix: str = "L") -> Stored:
    """Compare accepted ratings (by their ref) and complaints (by tracking number) with
    the rows of the terminals whose ids start with prefix: each must be there, only
    once, and no other row. (A request that timed out on the terminal's side but was
    stored shows as unknown: a run with errors cannot be checked this strictly.)"""
    conn = connect(db_path)
    like = (prefix.replace("%", "") + "%",)
    try:
        refs = Counter(r[0] for r in conn.execute(
            "SELECT json_extract(data, '$.ref') FROM ratings WHERE device_id LIKE ?", like))
        numbers = Counter(r[0] for r in conn.execute(
            "SELECT tracking_number FROM complaints WHERE device_id LIKE ?", like))
    finally:
        conn.close()
    unknown = sum(n for r, n in refs.items() if r not in ratings) + sum(
        n for c, n in numbers.items() if c not in complaints)
    return Stored(sum(1 for r in ratings if refs[r] == 0),
                  sum(1 for r in ratings if refs[r] > 1),
                  sum(1 for c in complaints if numbers[c] == 0),
                  sum(1 for c in complaints if numbers[c] > 1), unknown)
