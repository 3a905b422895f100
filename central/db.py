"""The reference platform's SQLite database (WAL: acknowledged writes survive a kill).

One connection is shared by the server's worker threads; every write runs
inside `write(conn)` which holds one lock and one IMMEDIATE transaction, so a
submission and its idempotency record commit together or not at all, and
catalog change stamps only ever grow.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from central.errors import CentralError
from central.schema import SCHEMA

# Bumped whenever SCHEMA changes in a way CREATE ... IF NOT EXISTS cannot apply.
SCHEMA_VERSION = 1
_LOCKS: dict[int, threading.RLock] = {}


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create) the database with the settings the server relies on."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    _check_version(conn, path)
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    _LOCKS[id(conn)] = threading.RLock()
    return conn


def schema_version(path: Path) -> int | None:
    """The schema version of an existing database file; None when there is none yet."""
    if not Path(path).exists():
        return None
    conn = sqlite3.connect(path)
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return conn.execute("PRAGMA user_version").fetchone()[0] if tables else None
    finally:
        conn.close()


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if tables and version != SCHEMA_VERSION:
        conn.close()
        raise CentralError(f"central: {path} has schema version {version}, this platform "
                           f"needs {SCHEMA_VERSION}; move it aside (demo data is recreated)")


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One serialised write transaction: committed on success, rolled back on error."""
    lock = _LOCKS.setdefault(id(conn), threading.RLock())
    with lock:
        if conn.in_transaction:          # nested: the outer block commits
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def read(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A consistent read under the same lock (the connection is shared)."""
    lock = _LOCKS.setdefault(id(conn), threading.RLock())
    with lock:
        yield conn


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


CHINA = dt.timezone(dt.timedelta(hours=8))


def business_day(offset_days: int = 0) -> dt.date:
    """Today in China, moved by offset_days when the demo data is dated to another day
    (a scripted run whose clock is fixed sees postings open as on that day)."""
    return utc_now().astimezone(CHINA).date() + dt.timedelta(days=offset_days)


def iso(moment: dt.datetime) -> str:
    """Fixed-width UTC ISO 8601 with microseconds: sorts as text in time order."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def next_stamp(conn: sqlite3.Connection) -> str:
    """A change stamp later than every stamp handed out before (call inside write())."""
    now = iso(utc_now())
    last = get_meta(conn, "last_stamp")
    if last and last >= now:
        moment = dt.datetime.strptime(last, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        now = iso(moment + dt.timedelta(microseconds=1))
    set_meta(conn, "last_stamp", now)
    return now


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
