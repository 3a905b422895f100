"""Keyword search over the cached postings, with filters, sorting and browse counts.

The keyword part runs on the bigram / character indexes (tokens.py) and drives
the query (CROSS JOIN keeps SQLite from scanning jobs first); filters run on
the narrow jobs table. Rowids sort like posting time, so "newest first" is
the index's own order and stops after one page. Expiry is applied here, at
query time, against the terminal's clock: a posting disappears the moment it
runs out, even while the platform is unreachable and nothing is synced.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal

from kiosk.platform.tokens import parse_query

DAY_S = 86400.0
Sort = Literal["newest", "pay"]
COUNT_CAP = 1000
ORDER = {"newest": "f.rowid DESC", "pay": "j.pay_max DESC, j.pay_min DESC, j.rowid DESC"}


@dataclass(frozen=True)
class JobFilters:
    """What a visitor narrowed the list to; None means any."""

    occupation_group: str | None = None
    district: str | None = None
    pay_at_least: int | None = None
    pay_at_most: int | None = None
    employment_type: str | None = None
    education: str | None = None
    posted_within_days: float | None = None


@dataclass(frozen=True)
class SearchResult:
    """One page of postings, the number found, and how fresh the cache is."""

    items: list[dict[str, Any]]
    total: int
    total_capped: bool = False
    data_as_of: float | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def plan(text: str, filters: JobFilters, now: float) -> tuple[str, list[Any]]:
    """FROM ... WHERE ... (jobs as j) and its parameters."""
    query = parse_query(text)
    source, params, clauses = "jobs j", [], []
    if query.bigram_expr:
        source = "job_bi f CROSS JOIN jobs j ON j.rowid = f.rowid"
        clauses.append("job_bi MATCH ?")
        params.append(query.bigram_expr)
    if query.char_expr and not query.bigram_expr:
        source = "job_chars f CROSS JOIN jobs j ON j.rowid = f.rowid"
        clauses.append("job_chars MATCH ?")
        params.append(query.char_expr)
    elif query.char_expr:
        clauses.append("j.rowid IN (SELECT rowid FROM job_chars WHERE job_chars MATCH ?)")
        params.append(query.char_expr)
    clauses += ["(j.valid_until_ts IS NULL OR j.valid_until_ts > ?)",
                "(j.valid_from_ts IS NULL OR j.valid_from_ts <= ?)"]
    params += [now, now]
    _filters(filters, now, clauses, params)
    return f"FROM {source} WHERE {' AND '.join(clauses)}", params


def _filters(filters: JobFilters, now: float, clauses: list[str], params: list[Any]) -> None:
    for column in ("occupation_group", "district", "employment_type", "education"):
        value = getattr(filters, column)
        if value:
            clauses.append(f"j.{column} = ?")
            params.append(value)
    if filters.pay_at_least is not None:
        clauses.append("j.pay_max >= ?")
        params.append(filters.pay_at_least)
    if filters.pay_at_most is not None:
        clauses.append("j.pay_min <= ?")
        params.append(filters.pay_at_most)
    if filters.posted_within_days is not None:
        clauses.append("j.posted_ts >= ?")
        params.append(now - filters.posted_within_days * DAY_S)


def search_jobs(conn: sqlite3.Connection, text: str, filters: JobFilters, now: float,
                sort: Sort = "newest", limit: int = 20, offset: int = 0,
                count_cap: int = COUNT_CAP) -> SearchResult:
    """Matching live postings, newest (or best paid) first, and how many there are.

    Counting stops at count_cap ("1000+"): the screen needs no exact figure
    beyond that, and a one-character query can match most of the catalog.
    """
    body, params = plan(text, filters, now)
    keyword = not parse_query(text).empty
    order = "j.rowid DESC" if sort == "newest" and not keyword else ORDER[sort]
    rowids = [r for (r,) in conn.execute(
        f"SELECT j.rowid {body} ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset))]
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {body} LIMIT ?)",
                         (*params, count_cap + 1)).fetchone()[0]
    capped = total > count_cap
    return SearchResult(documents(conn, rowids), min(total, count_cap), capped)


def documents(conn: sqlite3.Connection, rowids: list[int]) -> list[dict[str, Any]]:
    """The full postings for these rowids, in the same order."""
    if not rowids:
        return []
    marks = ", ".join("?" * len(rowids))
    found = dict(conn.execute(f"SELECT rowid, body FROM job_docs WHERE rowid IN ({marks})",
                              rowids).fetchall())
    return [json.loads(found[r]) for r in rowids if r in found]


def browse_counts(conn: sqlite3.Connection, text: str, filters: JobFilters,
                  now: float) -> dict[str, dict[str, int]]:
    """Live postings per occupation group and per district, for the browse screen."""
    body, params = plan(text, filters, now)
    out: dict[str, dict[str, int]] = {}
    for column in ("occupation_group", "district"):
        rows = conn.execute(f"SELECT j.{column}, count(*) {body} GROUP BY j.{column} "
                            f"ORDER BY count(*) DESC", params).fetchall()
        out[column] = {str(k): n for k, n in rows}
    return out
