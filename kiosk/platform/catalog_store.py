"""The local catalog: jobs, fairs, policies and guidance services in SQLite.

Jobs get typed columns (filters and sorting run on them) and two contentless
FTS5 indexes fed with our own tokens (tokens.py): job_bi holds the bigrams of
title, company, duties and requirements; job_chars the distinct characters.
The 'ascii' tokenizer just splits on spaces and lower-cases ASCII, because
the tokens are already made. Other collections are kept as JSON documents.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.clock import parse_moment
from kiosk.files import private_file
from kiosk.platform.tokens import index_chars, index_tokens

JOB_FIELDS = ("id", "title", "company", "occupation_group", "district", "pay_min", "pay_max",
              "pay_text", "headcount", "duties", "requirements", "benefits", "education",
              "employment_type", "contact_name", "contact_phone", "contact_email", "address",
              "posted_at", "valid_from", "valid_until", "url", "updated_at")
KEY_FIELDS = ("id", "occupation_group", "district", "employment_type", "education", "pay_min",
              "pay_max", "posted_ts", "valid_from_ts", "valid_until_ts")
TEXT_FIELDS = ("title", "company", "duties", "requirements")
NUMBER_FIELDS = ("pay_min", "pay_max", "headcount")
INT64 = 2**63 - 1
SLOTS = 1 << 20  # rowids per second of posting time: rowid order is posting-time order

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS jobs (
    rowid INTEGER PRIMARY KEY, {", ".join(KEY_FIELDS)}, UNIQUE(id));
CREATE TABLE IF NOT EXISTS job_docs (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_by_pay ON jobs(pay_max, pay_min);
CREATE INDEX IF NOT EXISTS jobs_group ON jobs(occupation_group);
CREATE INDEX IF NOT EXISTS jobs_district ON jobs(district);
CREATE VIRTUAL TABLE IF NOT EXISTS job_bi USING fts5(
    {", ".join(TEXT_FIELDS)}, content='', columnsize=0, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS job_chars USING fts5(
    chars, content='', columnsize=0, detail=none, tokenize='ascii');
CREATE TABLE IF NOT EXISTS docs (
    collection TEXT NOT NULL, id TEXT NOT NULL, updated_at TEXT, sort_ts REAL, body TEXT,
    PRIMARY KEY (collection, id));
CREATE TABLE IF NOT EXISTS sync_state (
    collection TEXT PRIMARY KEY, cursor TEXT, synced_at REAL, changes INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS policy_rows (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,
    title TEXT, body TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS policy_bi USING fts5(
    title, body, content='', columnsize=0, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS policy_chars USING fts5(
    chars, content='', columnsize=0, detail=none, tokenize='ascii');
"""


def timestamp(value: Any, end_of_day: bool = False) -> float | None:
    """ISO 8601 text to unix seconds; a bare date means that day in China."""
    parsed = parse_moment(value)
    if parsed is None:
        return None
    try:
        if len(str(value)) == 10 and end_of_day:
            parsed += dt.timedelta(days=1)
        return parsed.timestamp()
    except OverflowError:                  # a date at the end of the calendar
        return None


def clean_text(text: str) -> str:
    """Text SQLite can store: a lone surrogate (JSON can carry one) becomes '?'."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _number(value: Any) -> int | float | None:
    """A pay or headcount as the columns take it: a finite number SQLite can store."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):
        return value if -INT64 <= value <= INT64 else None
    return value if math.isfinite(value) else None


def clean_job(item: dict[str, Any]) -> dict[str, Any]:
    """A posting with every known field of the type the contract gives it (text or
    number), anything else blanked: one odd field must not stop a sync, nor reach
    a screen as a list where text belongs. Unknown fields are kept as they are."""
    job = dict(item)
    for name in JOB_FIELDS:
        value = job.get(name)
        if name in NUMBER_FIELDS:
            job[name] = _number(value)
        elif value is not None:
            job[name] = clean_text(value) if isinstance(value, str) else None
    return job


def body_json(item: dict[str, Any]) -> str:
    """The stored JSON of a document (text SQLite can store)."""
    return clean_text(json.dumps(item, ensure_ascii=False))


def open_catalog(path: Path) -> sqlite3.Connection:
    """Open (and create) the catalog; it is a cache, so NORMAL sync is enough."""
    conn = sqlite3.connect(private_file(Path(path)), isolation_level=None,
                           check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-32768")  # 32 MiB: the jobs table and hot index pages
    conn.executescript(SCHEMA)
    _index_cached_policies(conn)
    return conn


def job_keys(item: dict[str, Any]) -> tuple[Any, ...]:
    """The filter and sort columns of one job as sent by the platform."""
    return (item["id"], item.get("occupation_group"), item.get("district"),
            item.get("employment_type"), item.get("education"), item.get("pay_min"),
            item.get("pay_max"), timestamp(item.get("posted_at")),
            timestamp(item.get("valid_from")), timestamp(item.get("valid_until"), end_of_day=True))


SORT_KEYS = {"fairs": "starts_at", "policies": "issued_at"}
_INSERT = (f"INSERT INTO jobs(rowid, {', '.join(KEY_FIELDS)}) "
           f"VALUES (?, {', '.join('?' * len(KEY_FIELDS))})")


def _texts(body: dict[str, Any]) -> list[str | None]:
    return [body.get(f) for f in TEXT_FIELDS]


def _fts(conn: sqlite3.Connection, rows: list[tuple[int, dict[str, Any]]],
         delete: bool) -> None:
    """Add rows to both indexes, or (delete) take their current tokens out."""
    cmd_bi = "'delete', " if delete else ""
    head_bi = "job_bi, " if delete else ""
    conn.executemany(f"INSERT INTO job_bi({head_bi}rowid, {', '.join(TEXT_FIELDS)}) "
                     f"VALUES ({cmd_bi}?, ?, ?, ?, ?)",
                     [(r, *map(index_tokens, _texts(b))) for r, b in rows])
    head_ch = "job_chars, " if delete else ""
    conn.executemany(f"INSERT INTO job_chars({head_ch}rowid, chars) VALUES ({cmd_bi}?, ?)",
                     [(r, index_chars(*_texts(b))) for r, b in rows])


def _remove(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Drop the stored versions of these jobs from the tables and both indexes."""
    marks = ", ".join("?" * len(ids))
    old = conn.execute(f"SELECT j.rowid, d.body FROM jobs j JOIN job_docs d USING (rowid) "
                       f"WHERE j.id IN ({marks})", ids).fetchall()
    _fts(conn, [(r, json.loads(b)) for r, b in old], delete=True)
    conn.executemany("DELETE FROM jobs WHERE rowid = ?", [(r,) for r, _ in old])
    conn.executemany("DELETE FROM job_docs WHERE rowid = ?", [(r,) for r, _ in old])


class _Rowids:
    """Rowids that sort like posting time: second * SLOTS + a free slot.

    Feeds often give only a date, so thousands of postings share one second;
    among them the one stored last sorts first.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next: dict[int, int] = {}
        self.taken: set[int] = set()

    @staticmethod
    def base(posted_ts: float | None) -> int:
        return max(0, int(posted_ts or 0)) * SLOTS

    def prefetch(self, stamps: list[float | None]) -> None:
        """Find the next free slot of every second in a page with one query."""
        bases = sorted({self.base(t) for t in stamps} - set(self.next))
        for start in range(0, len(bases), 500):
            chunk = bases[start:start + 500]
            values = ", ".join("(?)" for _ in chunk)
            rows = self.conn.execute(
                f"WITH b(base) AS (VALUES {values}) SELECT base, (SELECT max(rowid) FROM jobs "
                f"WHERE rowid BETWEEN base AND base + {SLOTS - 1}) FROM b", chunk).fetchall()
            self.next.update({b: b if top is None else top + 1 for b, top in rows})

    def take(self, posted_ts: float | None) -> int:
        base = self.base(posted_ts)
        if base not in self.next:
            self.prefetch([posted_ts])
        rowid = self.next[base]
        if rowid >= base + SLOTS:  # a million updates in one second's group: any free rowid
            top = self.conn.execute("SELECT max(rowid) FROM jobs").fetchone()[0] or 0
            rowid = max([top, *self.taken]) + 1
        self.next[base] = rowid + 1
        self.taken.add(rowid)
        return rowid


def apply_jobs(conn: sqlite3.Connection, items: list[dict[str, Any]]) -> None:
    """Upsert jobs and apply tombstones (inside the caller's transaction)."""
    if not items:
        return
    items = list({i["id"]: clean_job(i) for i in items}.values())  # the last word counts
    _remove(conn, [i["id"] for i in items])
    live = [i for i in items if not i.get("deleted")]
    rowids = _Rowids(conn)
    stamps = [timestamp(i.get("posted_at")) for i in live]
    rowids.prefetch(stamps)
    rows = [(rowids.take(t), i) for t, i in zip(stamps, live, strict=True)]
    conn.executemany(_INSERT, [(r, *job_keys(i)) for r, i in rows])
    conn.executemany("INSERT INTO job_docs(rowid, body) VALUES (?, ?)",
                     [(r, body_json(i)) for r, i in rows])
    _fts(conn, rows, delete=False)


def apply_docs(conn: sqlite3.Connection, collection: str, items: list[dict[str, Any]]) -> None:
    """Upsert fairs, policies or services as JSON; tombstones delete."""
    if collection == "policies":
        index_policies(conn, items)
    conn.executemany("DELETE FROM docs WHERE collection = ? AND id = ?",
                     [(collection, i["id"]) for i in items if i.get("deleted")])
    sort_key = SORT_KEYS.get(collection, "updated_at")
    conn.executemany(
        "INSERT OR REPLACE INTO docs(collection, id, updated_at, sort_ts, body) "
        "VALUES (?, ?, ?, ?, ?)",
        [(collection, i["id"], _stamp_text(i.get("updated_at")), timestamp(i.get(sort_key)),
          body_json(i)) for i in items if not i.get("deleted")])


def _stamp_text(value: Any) -> str | None:
    return clean_text(value) if isinstance(value, str) else None


def optimise(conn: sqlite3.Connection) -> None:
    """Merge the index segments after a large sync (queries read fewer b-trees)."""
    conn.execute("INSERT INTO job_bi(job_bi) VALUES ('optimize')")
    conn.execute("INSERT INTO job_chars(job_chars) VALUES ('optimize')")


def index_policies(conn: sqlite3.Connection, items: list[dict[str, Any]]) -> None:
    """Keep the policies' title and body in bigram and character indexes like the jobs'
    (the same tokens, so a policy search reads like a job search): old tokens out,
    the new version's in; a tombstone only takes out."""
    ids = list({str(i["id"]) for i in items})
    for pid in ids:
        old = conn.execute("SELECT rowid, title, body FROM policy_rows WHERE id = ?",
                           (pid,)).fetchone()
        if old is None:
            continue
        rowid, title, body = old
        conn.execute("INSERT INTO policy_bi(policy_bi, rowid, title, body) "
                     "VALUES ('delete', ?, ?, ?)", (rowid, index_tokens(title),
                                                    index_tokens(body)))
        conn.execute("INSERT INTO policy_chars(policy_chars, rowid, chars) "
                     "VALUES ('delete', ?, ?)", (rowid, index_chars(title, body)))
        conn.execute("DELETE FROM policy_rows WHERE rowid = ?", (rowid,))
    latest = {str(i["id"]): i for i in items}
    for pid, item in latest.items():
        if item.get("deleted"):
            continue
        title = clean_text(str(item.get("title") or ""))
        body = clean_text(str(item.get("body") or ""))
        rowid = conn.execute("INSERT INTO policy_rows(id, title, body) VALUES (?, ?, ?)",
                             (pid, title, body)).lastrowid
        conn.execute("INSERT INTO policy_bi(rowid, title, body) VALUES (?, ?, ?)",
                     (rowid, index_tokens(title), index_tokens(body)))
        conn.execute("INSERT INTO policy_chars(rowid, chars) VALUES (?, ?)",
                     (rowid, index_chars(title, body)))


def _index_cached_policies(conn: sqlite3.Connection) -> None:
    """A cache synced before policies had a search index: index what it holds (once;
    later pages keep the index current)."""
    if conn.execute("SELECT 1 FROM policy_rows LIMIT 1").fetchone():
        return
    rows = conn.execute("SELECT body FROM docs WHERE collection = 'policies'").fetchall()
    if rows:
        conn.execute("BEGIN IMMEDIATE")
        try:
            index_policies(conn, [json.loads(r[0]) for r in rows])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

