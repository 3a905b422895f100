"""A version 4 database (no slot kinds, no holders, no reminders) opened by this
platform: its slots become one-to-one sessions with a UTC start, its bookings keep
their visitor as holder with a grace end, and a visitor who had booked one slot twice
keeps the first as the seat the new rule protects."""

from __future__ import annotations

import sqlite3

import pytest

from central.db import connect, schema_revision
from central.demo.seed import seed_demo
from central.guidance.window import grace_end
from central.migrations import HEAD

pytestmark = pytest.mark.sqlite_only   # SQLite's own file, versions and migrations


def _as_version_4(path, slot: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM appointments WHERE booker = 'desk'")   # none in version 4
        for index in ("appointments_one_per_holder", "appointments_no_show", "slots_by_start"):
            conn.execute(f"DROP INDEX {index}")
        for column in ("kind", "room", "priority", "starts_utc"):
            conn.execute(f"ALTER TABLE slots DROP COLUMN {column}")
        for column in ("holder", "booker", "no_show_at"):
            conn.execute(f"ALTER TABLE appointments DROP COLUMN {column}")
        conn.execute("DROP TABLE notifications")
        for n in (1, 2):        # version 4 let one visitor book the same slot twice
            conn.execute("INSERT INTO appointments(id, slot_id, service_id, id_hash, data, "
                         "status, created_at, updated_at, device_id) VALUES(?, ?, 'G001', "
                         "'v', '', 'booked', '', '', 'T')", (f"A-{n}", slot))
        conn.execute("PRAGMA user_version=4")
        conn.execute("DROP TABLE alembic_version")     # files had none before revisions


def test_version_4_bookings_are_kept_and_guarded(tmp_path) -> None:
    path = tmp_path / "central.sqlite3"
    conn = connect(path)
    seed_demo(conn)
    slot, start = conn.execute("SELECT id, starts_at FROM slots ORDER BY id LIMIT 1").fetchone()
    conn.close()
    _as_version_4(path, slot)
    assert schema_revision(path) == "version 4"
    conn = connect(path)
    assert schema_revision(path) == HEAD
    rows = conn.execute("SELECT id, holder, no_show_at FROM appointments ORDER BY id").fetchall()
    assert rows == [("A-1", "v", grace_end(start)), ("A-2", None, grace_end(start))]
    kind, utc = conn.execute("SELECT kind, starts_utc FROM slots WHERE id = ?",
                             (slot,)).fetchone()
    assert kind == "one_to_one" and utc.endswith("Z")
    assert conn.execute("SELECT count(*) FROM notifications").fetchone()[0] == 0
    conn.close()
