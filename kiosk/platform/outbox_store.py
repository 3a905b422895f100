"""The outbox's SQLite file: pending submissions, set-aside ones, and counters.

WAL with synchronous=FULL makes a committed enqueue survive a power cut;
secure_delete=ON overwrites delivered rows instead of leaving them in free
pages. Personal fields arrive here already sealed (see crypto.py). The file
is created 0600 (files.private_file) before SQLite opens it, so its -wal and
-shm companions get the same mode.

A pending row may be parked (parked_until set): the platform kept failing
it, so it waits for a later retry while the rows behind it go on, except
those of its own order group (grp), which must not overtake it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.files import private_file

PENDING = {"seq": int, "key": str, "kind": str, "path": str, "payload": str,
           "sealed": bytes, "created_at": float, "attempts": int, "last_error": str,
           "grp": str, "failures": int, "parked_until": float, "park_reason": str}
DEAD = {**PENDING, "failed_at": float, "status": int, "code": str, "reason": str}
_COLS = ", ".join(PENDING)
_DEAD_COLS = ", ".join(c for c in PENDING if c != "seq")
# the first due row that no earlier row of its order group is waiting ahead of
_NEXT_DUE = (f"SELECT {_COLS} FROM pending p "
             "WHERE (p.parked_until IS NULL OR p.parked_until <= ?) "
             "AND NOT EXISTS (SELECT 1 FROM pending q WHERE q.grp = p.grp AND q.seq < p.seq) "
             "ORDER BY p.seq LIMIT 1")


@dataclass(frozen=True)
class Row:
    """One pending submission as stored."""

    seq: int
    key: str
    kind: str
    path: str
    payload: str
    sealed: bytes | None
    created_at: float
    attempts: int = 0
    last_error: str | None = None
    grp: str | None = None
    failures: int | None = 0
    parked_until: float | None = None
    park_reason: str | None = None


def connect(path: Path) -> sqlite3.Connection:
    """Open the database with the durability settings the outbox relies on."""
    private_file(path)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA secure_delete=ON")
    return conn


def _create(conn: sqlite3.Connection) -> None:
    """Create the tables, or add the columns a file from an older version lacks."""
    db = sqlite_utils.Database(conn)
    for name, columns in (("pending", PENDING), ("dead", DEAD)):
        table = db[name]
        if table.exists():
            have = table.columns_dict
            for col, typ in columns.items():
                if col not in have:
                    table.add_column(col, typ)
        else:
            table.create(columns, pk="seq", not_null={"key", "kind", "path"}
                         if name == "pending" else None)
    db["pending"].create_index(["key"], unique=True, if_not_exists=True)
    db["pending"].create_index(["grp", "seq"], if_not_exists=True)
    db["meta"].create({"name": str, "value": int}, pk="name", if_not_exists=True)


class OutboxStore:
    """Thread-safe access to the outbox tables (one connection, one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = connect(self.path)
        self._lock = threading.Lock()
        _create(self._conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def add(self, key: str, kind: str, path: str, payload: str, sealed: bytes | None,
            created_at: float, grp: str | None = None) -> None:
        """Insert and commit (fsynced) before returning."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO pending(key, kind, path, payload, sealed, created_at, attempts, "
                "grp, failures) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0)",
                (key, kind, path, payload, sealed, created_at, grp))

    def head(self) -> Row | None:
        """The oldest pending submission."""
        return self._one(f"SELECT {_COLS} FROM pending ORDER BY seq LIMIT 1", ())

    def next_due(self, now: float) -> Row | None:
        """The submission to try next: the oldest one not parked (or whose retry time
        has come) with no earlier row of its order group still pending."""
        return self._one(_NEXT_DUE, (now,))

    def _one(self, sql: str, params: tuple[Any, ...]) -> Row | None:
        with self._lock:
            found = self._conn.execute(sql, params).fetchone()
        return Row(*found) if found else None

    def delete(self, key: str) -> None:
        """Forget a delivered submission."""
        with self._lock:
            self._conn.execute("DELETE FROM pending WHERE key = ?", (key,))
            self._bump("delivered", 1)

    def attempted(self, key: str, error: str, counted: bool) -> int:
        """Count a failed attempt (for technicians); counted ones are failures of this
        submission rather than of the link. Returns its counted failures so far."""
        with self._lock:
            self._conn.execute(
                "UPDATE pending SET attempts = attempts + 1, last_error = ?, "
                "failures = coalesce(failures, 0) + ? WHERE key = ?", (error, int(counted), key))
            row = self._conn.execute("SELECT failures FROM pending WHERE key = ?",
                                     (key,)).fetchone()
        return row[0] if row else 0

    def park(self, key: str, until: float, reason: str) -> None:
        """Set a submission to one side until the given time."""
        with self._lock:
            self._conn.execute("UPDATE pending SET parked_until = ?, park_reason = ? "
                               "WHERE key = ?", (until, reason, key))

    def release_parked(self, now: float) -> int:
        """Make every parked submission due now (a technician's "send now")."""
        with self._lock:
            return self._conn.execute("UPDATE pending SET parked_until = ? "
                                      "WHERE parked_until > ?", (now, now)).rowcount

    def next_parked_at(self) -> float | None:
        """When the earliest parked submission is due again (None: none parked)."""
        with self._lock:
            return self._conn.execute("SELECT min(parked_until) FROM pending").fetchone()[0]

    def set_aside(self, row: Row, failed_at: float, status: int, code: str,
                  reason: str) -> None:
        """Move a refused submission to the dead-letter table, atomically."""
        with self._transaction():
            # the dead letter gets a number of its own: a pending row's number is
            # reused once the queue has emptied, and must not collide with an older one
            self._conn.execute(
                f"INSERT INTO dead({_DEAD_COLS}, failed_at, status, code, reason) "
                f"SELECT {_DEAD_COLS}, ?, ?, ?, ? FROM pending WHERE key = ?",
                (failed_at, status, code, reason, row.key))
            self._conn.execute("DELETE FROM pending WHERE key = ?", (row.key,))

    def purge_before(self, cutoff: float) -> int:
        """Delete pending and set-aside rows created before cutoff; count them."""
        with self._transaction():
            n = self._conn.execute("DELETE FROM pending WHERE created_at < ?",
                                   (cutoff,)).rowcount
            n += self._conn.execute("DELETE FROM dead WHERE created_at < ?",
                                    (cutoff,)).rowcount
            self._bump("purged", n)
        return n

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction under the lock, rolled back if anything in it fails:
        a transaction left open would keep every later write from committing."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _bump(self, name: str, n: int) -> None:
        self._conn.execute("INSERT INTO meta(name, value) VALUES (?, ?) ON CONFLICT(name) "
                           "DO UPDATE SET value = value + excluded.value", (name, n))

    def counts(self) -> dict[str, int]:
        """Pending (parked ones included), parked, set aside, delivered and purged."""
        with self._lock:
            meta = dict(self._conn.execute("SELECT name, value FROM meta").fetchall())
            pending, parked = self._conn.execute(
                "SELECT count(*), count(parked_until) FROM pending").fetchone()
            dead = self._conn.execute("SELECT count(*) FROM dead").fetchone()[0]
        return {"pending": pending, "parked": parked, "set_aside": dead,
                "delivered": meta.get("delivered", 0), "purged": meta.get("purged", 0)}

    def oldest_pending(self) -> float | None:
        """When the oldest undelivered submission was made (None: nothing waits)."""
        with self._lock:
            return self._conn.execute("SELECT min(created_at) FROM pending").fetchone()[0]

    def dead_of_kind(self, kind: str) -> list[dict[str, Any]]:
        """Set-aside submissions of a kind that still hold personal fields."""
        with self._lock:
            cur = self._conn.execute("SELECT key, payload, sealed, code FROM dead WHERE kind = ? "
                                     "AND sealed IS NOT NULL ORDER BY seq", (kind,))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def forget_sealed(self, key: str) -> None:
        """Drop a set-aside submission's sealed personal fields."""
        with self._transaction():
            self._conn.execute("UPDATE dead SET sealed = NULL WHERE key = ?", (key,))

    def dead_letters(self) -> list[dict[str, Any]]:
        """Set-aside submissions without their personal fields."""
        return self._rows("SELECT key, kind, path, created_at, failed_at, status, code, "
                          "reason FROM dead ORDER BY seq")

    def parked(self) -> list[dict[str, Any]]:
        """Parked submissions without their payload or personal fields."""
        return self._rows("SELECT key, kind, created_at, attempts, failures, park_reason, "
                          "parked_until FROM pending WHERE parked_until IS NOT NULL "
                          "ORDER BY seq")

    def _rows(self, sql: str) -> list[dict[str, Any]]:
        with self._lock:
            cur = self._conn.execute(sql)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
