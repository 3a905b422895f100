"""The outbox's SQLite file: pending submissions, set-aside ones, and counters.

WAL with synchronous=FULL makes a committed enqueue survive a power cut;
secure_delete=ON overwrites delivered rows instead of leaving them in free
pages. Personal fields arrive here already sealed (see crypto.py).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

PENDING = {"seq": int, "key": str, "kind": str, "path": str, "payload": str,
           "sealed": bytes, "created_at": float, "attempts": int, "last_error": str}
DEAD = {**PENDING, "failed_at": float, "status": int, "code": str, "reason": str}


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


def connect(path: Path) -> sqlite3.Connection:
    """Open the database with the durability settings the outbox relies on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA secure_delete=ON")
    return conn


class OutboxStore:
    """Thread-safe access to the outbox tables (one connection, one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = connect(self.path)
        self._lock = threading.Lock()
        db = sqlite_utils.Database(self._conn)
        db["pending"].create(PENDING, pk="seq", not_null={"key", "kind", "path"},
                             if_not_exists=True)
        db["pending"].create_index(["key"], unique=True, if_not_exists=True)
        db["dead"].create(DEAD, pk="seq", if_not_exists=True)
        db["meta"].create({"name": str, "value": int}, pk="name", if_not_exists=True)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def add(self, key: str, kind: str, path: str, payload: str, sealed: bytes | None,
            created_at: float) -> None:
        """Insert and commit (fsynced) before returning."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO pending(key, kind, path, payload, sealed, created_at, attempts) "
                "VALUES (?, ?, ?, ?, ?, ?, 0)", (key, kind, path, payload, sealed, created_at))

    def head(self) -> Row | None:
        """The oldest pending submission."""
        with self._lock:
            cur = self._conn.execute(f"SELECT {', '.join(PENDING)} FROM pending "
                                     "ORDER BY seq LIMIT 1")
            found = cur.fetchone()
        return Row(*found) if found else None

    def delete(self, key: str) -> None:
        """Forget a delivered submission."""
        with self._lock:
            self._conn.execute("DELETE FROM pending WHERE key = ?", (key,))
            self._bump("delivered", 1)

    def attempted(self, key: str, error: str) -> None:
        """Count a failed attempt (for technicians)."""
        with self._lock:
            self._conn.execute("UPDATE pending SET attempts = attempts + 1, last_error = ? "
                               "WHERE key = ?", (error, key))

    def set_aside(self, row: Row, failed_at: float, status: int, code: str,
                  reason: str) -> None:
        """Move a refused submission to the dead-letter table, atomically."""
        cols = ", ".join(PENDING)
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute(
                f"INSERT INTO dead({cols}, failed_at, status, code, reason) "
                f"SELECT {cols}, ?, ?, ?, ? FROM pending WHERE key = ?",
                (failed_at, status, code, reason, row.key))
            self._conn.execute("DELETE FROM pending WHERE key = ?", (row.key,))
            self._conn.execute("COMMIT")

    def purge_before(self, cutoff: float) -> int:
        """Delete pending and set-aside rows created before cutoff; count them."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            n = self._conn.execute("DELETE FROM pending WHERE created_at < ?",
                                   (cutoff,)).rowcount
            n += self._conn.execute("DELETE FROM dead WHERE created_at < ?",
                                    (cutoff,)).rowcount
            self._bump("purged", n)
            self._conn.execute("COMMIT")
        return n

    def _bump(self, name: str, n: int) -> None:
        self._conn.execute("INSERT INTO meta(name, value) VALUES (?, ?) ON CONFLICT(name) "
                           "DO UPDATE SET value = value + excluded.value", (name, n))

    def counts(self) -> dict[str, int]:
        """Pending, set aside, delivered and purged so far."""
        with self._lock:
            meta = dict(self._conn.execute("SELECT name, value FROM meta").fetchall())
            pending = self._conn.execute("SELECT count(*) FROM pending").fetchone()[0]
            dead = self._conn.execute("SELECT count(*) FROM dead").fetchone()[0]
        return {"pending": pending, "set_aside": dead, "delivered": meta.get("delivered", 0),
                "purged": meta.get("purged", 0)}

    def dead_letters(self) -> list[dict[str, Any]]:
        """Set-aside submissions without their personal fields."""
        with self._lock:
            cur = self._conn.execute("SELECT key, kind, path, created_at, failed_at, status, "
                                     "code, reason FROM dead ORDER BY seq")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
