"""Incremental sync of the platform's catalogs into the local cache.

Each collection keeps its cursor in sync_state, written in the same
transaction as the page it came with: a sync cut off halfway resumes where it
stopped and never applies a page twice. The cache keeps answering searches
while the platform is away; "data as of" says how fresh it is.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.clock import Clock
from kiosk.platform import search as policy_search
from kiosk.platform.catalog_store import (
    apply_docs,
    apply_jobs,
    open_catalog,
    optimise,
    timestamp,
)
from kiosk.platform.client import PlatformClient
from kiosk.platform.search import JobFilters, SearchResult, Sort, browse_counts, search_jobs

log = logging.getLogger(__name__)
COLLECTIONS = {"jobs": "/jobs", "fairs": "/fairs", "policies": "/policies",
               "services": "/guidance/services"}
COLLECTIONS["calendar"] = "/calendar"   # public holidays and make-up workdays
COLLECTIONS["notices"] = "/notices"     # the public notice of services (kiosk/flows/notice)
OPTIMISE_AFTER = 5000


@dataclass(frozen=True)
class SyncReport:
    """What one sync of one collection changed."""

    collection: str
    changes: int
    pages: int


class Catalog:
    """The cached catalogs: sync from the platform, read for the screens."""

    def __init__(self, path: Path, clock: Clock, page_size: int = 1000) -> None:
        self.path = Path(path)
        self.clock = clock
        self.page_size = page_size
        self.conn = open_catalog(self.path)
        self.reader = open_catalog(self.path)  # searches read beside a running sync (WAL)
        self.lock = threading.Lock()
        self.read_lock = threading.Lock()

    def close(self) -> None:
        self.reader.close()
        self.conn.close()

    def sync(self, client: PlatformClient,
             collections: tuple[str, ...] = tuple(COLLECTIONS)) -> list[SyncReport]:
        """Fetch every change since the stored cursors; raises PlatformError if cut off."""
        return [self._sync_one(client, name) for name in collections]

    def _sync_one(self, client: PlatformClient, name: str) -> SyncReport:
        changes = pages = 0
        for page in client.pages(COLLECTIONS[name], self.cursor(name), self.page_size):
            items = page.get("items", [])
            self._apply(name, items, page.get("next_cursor") or self.cursor(name))
            changes += len(items)
            pages += 1
        if name == "jobs" and changes >= OPTIMISE_AFTER:
            with self.lock:
                optimise(self.conn)
        self._mark_synced(name, changes)
        log.info("catalog synced", extra={"collection": name, "changes": changes})
        return SyncReport(name, changes, pages)

    def _apply(self, name: str, items: list[dict[str, Any]], cursor: str) -> None:
        with self.lock:
            self._transaction(lambda c: (
                apply_jobs(c, items) if name == "jobs" else apply_docs(c, name, items),
                c.execute("INSERT INTO sync_state(collection, cursor) VALUES (?, ?) "
                          "ON CONFLICT(collection) DO UPDATE SET cursor = excluded.cursor",
                          (name, cursor))))

    def _transaction(self, work: Callable[[sqlite3.Connection], object]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            work(self.conn)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _mark_synced(self, name: str, changes: int) -> None:
        with self.lock:
            self.conn.execute(
                "INSERT INTO sync_state(collection, synced_at, changes) VALUES (?, ?, ?) "
                "ON CONFLICT(collection) DO UPDATE SET synced_at = excluded.synced_at, "
                "changes = excluded.changes", (name, self.clock.now().timestamp(), changes))

    def cursor(self, name: str) -> str:
        """The stored cursor of a collection ('' before the first sync)."""
        row = self.conn.execute("SELECT cursor FROM sync_state WHERE collection = ?",
                                (name,)).fetchone()
        return (row[0] or "") if row else ""

    def data_as_of(self, name: str = "jobs") -> float | None:
        """Unix time of the last completed sync of a collection (None: never)."""
        with self.read_lock:
            row = self.reader.execute("SELECT synced_at FROM sync_state WHERE collection = ?",
                                      (name,)).fetchone()
        return row[0] if row else None

    def revision(self, name: str) -> tuple[str, float] | None:
        """The cursor and last sync time of a collection (None: never synced). It moves
        whenever a sync brought a change, even on a clock that stands still, so a reader
        keeping documents in memory knows when to read them again."""
        with self.read_lock:
            row = self.reader.execute("SELECT cursor, synced_at FROM sync_state "
                                      "WHERE collection = ?", (name,)).fetchone()
        return (row[0] or "", row[1]) if row and row[1] is not None else None

    def search(self, text: str, filters: JobFilters | None = None, sort: Sort = "newest",
               limit: int = 20, offset: int = 0) -> SearchResult:
        """Live postings matching text and filters, with "data as of"."""
        now = self.clock.now().timestamp()
        with self.read_lock:
            found = search_jobs(self.reader, text, filters or JobFilters(), now, sort,
                                limit, offset)
        return dataclasses.replace(found, data_as_of=self.data_as_of())

    def counts(self, text: str = "", filters: JobFilters | None = None
               ) -> dict[str, dict[str, int]]:
        """Live postings per occupation group and district (browse screen)."""
        now = self.clock.now().timestamp()
        with self.read_lock:
            return browse_counts(self.reader, text, filters or JobFilters(), now)

    def documents(self, name: str, limit: int = 100) -> list[dict[str, Any]]:
        """Fairs, policies or services, soonest / newest first."""
        order = "sort_ts ASC" if name == "fairs" else "sort_ts DESC"
        with self.read_lock:
            rows = self.reader.execute(f"SELECT body FROM docs WHERE collection = ? "
                                       f"ORDER BY {order}, id LIMIT ?", (name, limit)).fetchall()
        docs = [json.loads(r[0]) for r in rows]
        return [d for d in docs if name != "fairs" or not self._fair_over(d)]

    def _fair_over(self, fair: dict[str, Any]) -> bool:
        """A fair whose end (start + duration) has passed on our clock."""
        start = timestamp(fair.get("starts_at"))
        end = (start or 0) + 60 * float(fair.get("duration_min") or 0)
        return start is not None and end < self.clock.now().timestamp()

    def job(self, job_id: str) -> dict[str, Any] | None:
        """One posting by id (expired or not: a visitor may hold its receipt)."""
        with self.read_lock:
            row = self.reader.execute("SELECT d.body FROM jobs j JOIN job_docs d "
                                      "USING (rowid) WHERE j.id = ?", (job_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def search_policies(self, text: str) -> list[str]:
        """Ids of the cached policies whose title or body matches text (any in force or
        not: the policies flow applies their dates against the clock)."""
        with self.read_lock:
            return policy_search.search_policies(self.reader, text)
