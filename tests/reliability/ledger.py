"""Counting at the platform: was every submission the terminal held delivered exactly once?

By key: the platform's idempotency table holds one answer per (terminal, key).
By content: each submission carries a marker (a rating's comment, a complaint's
text, an assessment's result, the visitor's pseudonym for interests and bookings);
a marker stored twice is a duplicate even if the keys differ. The platform's
sealed fields are opened with its own key file, read next to its database
(on PostgreSQL: the platform's secret file).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from central.db import Store, connect
from central.secretbox import SecretBox, _read_key, key_file_for
from kiosk_command.platform_proc import PlatformProcess

MARK = re.compile(r"rel-[0-9a-z-]+")


@dataclass
class Ledger:
    """What the platform holds for one terminal."""

    answers: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    markers: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)

    def duplicated(self) -> list[str]:
        return sorted(m for m, n in self.markers.items() if n > 1)


def read_ledger(platform: PlatformProcess, device_id: str) -> Ledger:
    """Read the platform's store while it may still be running (WAL readers are fine)."""
    target = platform.store
    secret = key_file_for(target) if isinstance(target, Path) else platform.secret_path
    box = SecretBox(_read_key(secret) or b"")      # a reader never makes a key
    conn = (sqlite3.connect(f"file:{target}?mode=ro", uri=True) if isinstance(target, Path)
            else connect(target, pool_size=1))
    try:
        ledger = Ledger()
        for key, status, text in conn.execute(
                "SELECT key, status, response FROM idempotency WHERE device_id = ?",
                (device_id,)):
            ledger.answers[key] = (status, json.loads(text))
        _count(conn, box, ledger, device_id)
        return ledger
    finally:
        conn.close()


def _count(conn: Store, box: SecretBox, ledger: Ledger, device: str) -> None:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return conn.execute(sql, (device,)).fetchall()

    for (data,) in rows("SELECT data FROM ratings WHERE device_id = ?"):
        _mark(ledger, "ratings", json.loads(data).get("comment", ""))
    for (data,) in rows("SELECT data FROM complaints WHERE device_id = ?"):
        _mark(ledger, "complaints", box.open(data).get("text", ""))
    for (data,) in rows("SELECT data FROM assessments WHERE device_id = ?"):
        _mark(ledger, "assessments", json.dumps(box.open(data).get("result", {})))
    for (who,) in rows("SELECT id_hash FROM interests WHERE device_id = ?"):
        _mark(ledger, "interests", f"interest:{who}")
    for (who,) in rows("SELECT id_hash FROM appointments WHERE device_id = ?"):
        _mark(ledger, "appointments", f"booking:{who}")
    ledger.rows["seekers"] = conn.execute("SELECT count(*) FROM seekers WHERE device_id = ?",
                                          (device,)).fetchone()[0]


def _mark(ledger: Ledger, table: str, text: str) -> None:
    ledger.rows[table] += 1
    found = MARK.search(text) if not text.startswith(("interest:", "booking:")) else None
    ledger.markers[found.group(0) if found else text] += 1
