"""Every command this terminal has started, on disk, so none runs twice.

A command's id is written (and synced) before it runs: a terminal killed during a
restart command, or one whose result was lost on the way, sees the id again on
the next heartbeat and does not run it a second time. How it ended is written
before the result is handed to the outbox, and marked reported after: one that was
started and never finished is reported as interrupted after the restart, and one
whose result had not reached the outbox is reported again.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from kiosk.files import private_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS commands (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, started_at REAL NOT NULL,
    outcome TEXT, output TEXT, finished_at REAL, reported INTEGER NOT NULL DEFAULT 0
);
"""
KEEP_S = 90 * 86400.0        # ids older than the longest expiry are of no more use


class CommandLedger:
    """The started commands and how each ended."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(private_file(path), check_same_thread=False,
                                     isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(SCHEMA)
        self._lock = threading.Lock()

    def begin(self, command_id: str, kind: str, at: float) -> bool:
        """Record the command as started; False when it was started before."""
        with self._lock:
            cur = self._conn.execute("INSERT OR IGNORE INTO commands(id, kind, started_at) "
                                     "VALUES(?, ?, ?)", (command_id, kind, at))
            return cur.rowcount == 1

    def finish(self, command_id: str, outcome: str, output: str, at: float) -> None:
        with self._lock:
            self._conn.execute("UPDATE commands SET outcome = ?, output = ?, finished_at = ? "
                               "WHERE id = ?", (outcome, output, at, command_id))

    def reported(self, command_id: str) -> None:
        """The result is in the outbox (which delivers it once)."""
        with self._lock:
            self._conn.execute("UPDATE commands SET reported = 1 WHERE id = ?", (command_id,))

    def known(self, command_id: str) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM commands WHERE id = ?",
                                      (command_id,)).fetchone() is not None

    def unreported(self) -> list[tuple[str, str, str | None, str | None]]:
        """(id, kind, outcome, output) of commands whose result is not in the outbox;
        outcome None: the app stopped while the command ran."""
        with self._lock:
            return self._conn.execute("SELECT id, kind, outcome, output FROM commands "
                                      "WHERE reported = 0 ORDER BY started_at").fetchall()

    def forget_before(self, at: float) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM commands WHERE started_at < ?", (at - KEEP_S,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
