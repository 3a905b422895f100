"""Loading demo data into the database: fast bulk inserts, skipped when already there.

Postings pass the same discrimination check as any import. Benchmarks use
seed_jobs() for large catalogs, touch() for a burst of changes and
seed_seekers() for a platform holding many registered visitors.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections.abc import Iterable
from typing import Any

from central.db import business_day, get_meta, iso, next_stamp, set_meta, utc_now, write
from central.demo import staff
from central.demo.fairs import make_fairs
from central.demo.guidance import DESK_ROWS_SQL, desk_appointments, make_services, make_slots
from central.demo.jobs import job_id, make_jobs
from central.demo.notice import make_notices
from central.demo.policies import make_policies
from central.demo.seekers import make_seekers
from central.screening import discriminatory
from central.secretbox import SecretBox
from central.workdays import CALENDAR_VERSION, calendar_docs

SEED = 6
DEMO_VERSION = "3"   # 2: guidance kinds, rooms, group sessions, assessments;
                     # 3: seats taken at the desk are appointment rows


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def put_items(conn: sqlite3.Connection, kind: str, docs: Iterable[dict[str, Any]],
              stamp: str) -> int:
    """Insert or replace catalog items (inside write()); returns how many."""
    rows = [(kind, d["id"], stamp, 0, dumps(d)) for d in docs]
    conn.executemany("INSERT INTO feed_items(kind, id, updated_at, deleted, doc) "
                     "VALUES(?, ?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET "
                     "updated_at = excluded.updated_at, deleted = excluded.deleted, "
                     "doc = excluded.doc", rows)
    return len(rows)


def tombstone(conn: sqlite3.Connection, kind: str, ids: Iterable[str], stamp: str) -> None:
    """Mark items removed; terminals learn it from the next sync."""
    conn.executemany("UPDATE feed_items SET deleted = 1, updated_at = ?, doc = ? "
                     "WHERE kind = ? AND id = ?",
                     [(stamp, _gone(i), kind, i) for i in ids])


def _gone(item_id: str) -> str:
    """A tombstone's document: the id and that it is gone."""
    return json.dumps({"id": item_id, "deleted": True}, separators=(",", ":"))


def clean_jobs(jobs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The postings that pass the discrimination check."""
    return [job for job in jobs if not discriminatory(job)]


def seed_jobs(conn: sqlite3.Connection, count: int, today: dt.date | None = None,
              seed: int = SEED, first: int = 1) -> int:
    """Add count generated postings numbered from first."""
    today = today or business_day()
    jobs = clean_jobs(make_jobs(count, seed + first, today, first))
    with write(conn):
        return put_items(conn, "jobs", jobs, next_stamp(conn))


def seed_demo(conn: sqlite3.Connection, today: dt.date | None = None, jobs: int = 2000,
              seed: int = SEED) -> bool:
    """Load the demo data set once; False when the database already has it."""
    seed_calendar(conn)
    if get_meta(conn, "demo_data") == DEMO_VERSION:
        return False
    today = today or business_day()
    with write(conn):
        stamp = next_stamp(conn)
        put_items(conn, "jobs", clean_jobs(make_jobs(jobs, seed, today)), stamp)
        put_items(conn, "fairs", make_fairs(24, seed, today), stamp)
        put_items(conn, "policies", make_policies(seed, today), stamp)
        put_items(conn, "services", make_services(), stamp)
        put_items(conn, "notices", make_notices(), stamp)
        slots = make_slots(seed, today)
        conn.executemany("INSERT INTO slots(id, service_id, counsellor, "
                         "starts_at, ends_at, capacity, booked, kind, room, priority, "
                         "starts_utc) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT DO NOTHING", slots)
        conn.executemany(DESK_ROWS_SQL, desk_appointments(slots, seed, iso(utc_now())))
        stamp = next_stamp(conn)
        tombstone(conn, "jobs", [job_id(n) for n in range(13, jobs, 400)], stamp)
        tombstone(conn, "fairs", ["F00024"], stamp)
        set_meta(conn, "demo_data", DEMO_VERSION)
    return True


def touch(conn: sqlite3.Connection, count: int, seed: int = SEED) -> int:
    """Change count random live postings (pay, headcount; every 10th withdrawn)."""
    rng = random.Random(seed * 7919 + count)
    with write(conn):
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM feed_items WHERE kind = 'jobs' AND deleted = 0")]
        chosen = rng.sample(ids, k=min(count, len(ids)))
        stamp = next_stamp(conn)
        gone = chosen[::10]
        tombstone(conn, "jobs", gone, stamp)
        rows = conn.execute(
            f"SELECT doc FROM feed_items WHERE kind = 'jobs' AND id IN "
            f"({','.join('?' * len(chosen))})", chosen).fetchall() if chosen else []
        docs = [json.loads(r[0]) for r in rows]
        changed = [_bump(doc, rng) for doc in docs if not doc.get("deleted")]
        put_items(conn, "jobs", changed, stamp)
    return len(chosen)


def _bump(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    doc["headcount"] = rng.randint(1, 20)
    doc["pay_max"] = int(doc["pay_max"]) + 100 * rng.randint(1, 5)
    doc["pay_text"] = doc["pay_text"].split("-")[0] + f"-{doc['pay_max']}元/月" \
        if doc["employment_type"] == "full_time" else doc["pay_text"]
    return doc


def seed_seekers(conn: sqlite3.Connection, box: SecretBox, count: int) -> range:
    """Register count generated seekers after those seeded before (sealed, with a
    specialist for key-group members) in one transaction; returns their numbers
    (central/demo/seekers.py id_number(n) gives each one's ID number)."""
    first = int(get_meta(conn, "seeded_seekers") or 0)
    now = iso(utc_now())
    rows = [(box.pseudonym(who), box.seal(doc), f"R-seed{first + i:07d}", now, now, "seed",
             staff.choose(who).id if doc.get("key_groups") else None)
            for i, (who, doc) in enumerate(make_seekers(count, first))]
    with write(conn):
        conn.executemany("INSERT INTO seekers(id_hash, data, registration_id, "
                         "registered_at, updated_at, device_id, specialist_id) "
                         "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)
        set_meta(conn, "seeded_seekers", str(first + count))
    return range(first, first + count)


def seed_calendar(conn: sqlite3.Connection) -> bool:
    """Publish the working-day calendar (central/workdays.py) when this database holds
    an older version or none, also on a database seeded before the calendar existed;
    terminals pick the change up with their next sync."""
    if get_meta(conn, "calendar") == CALENDAR_VERSION:
        return False
    with write(conn):
        put_items(conn, "calendar", calendar_docs(), next_stamp(conn))
        set_meta(conn, "calendar", CALENDAR_VERSION)
    return True
