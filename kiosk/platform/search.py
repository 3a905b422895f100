"""Keyword search over the cached postings, with filters, sorting and browse counts.

The keyword part runs on the bigram / character indexes (tokens.py) and drives
the query (CROSS JOIN keeps SQLite from scanning jobs first); filters run on
the narrow jobs table. Rowids sort like posting time, so "newest first" is
the index's own order and stops after one page. Expiry is applied here, at
query time, against the terminal's clock: a posting disappears the moment it
runs out, even while the platform is unreachable and nothing is synced.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal

from kiosk.platform.catalog_store import SLOTS
from kiosk.platform.errors import BadFilter
from kiosk.platform.tokens import parse_query

DAY_S = 86400.0
Sort = Literal["newest", "pay"]
COUNT_CAP = 1000
MANY = 15000
ORDER = {"pay": "j.pay_max DESC, j.pay_min DESC, j.rowid DESC"}
# the widest values a filter may take: beyond them no posting matches anyway, and
# SQLite stores no integer past 2**63 - 1 (nor does a rowid range of NaN days exist)
MAX_PAY = 10**9
MAX_DAYS = 36500
MAX_LIMIT = 10_000
MAX_OFFSET = 10**9
TEXT_FILTERS = ("occupation_group", "district", "employment_type", "education")


def check_number(name: str, value: Any, highest: float, whole: bool = False) -> None:
    """BadFilter unless value is a finite number from 0 to highest (an int if whole)."""
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise BadFilter(f"search: {name} must be a number, not {value!r}")
    if not (math.isfinite(value) and 0 <= value <= highest):
        raise BadFilter(f"search: {name} = {value!r} is out of range; allowed: 0 to {highest}")


def check_text(name: str, value: Any) -> None:
    """BadFilter unless value is text SQLite can store (no lone surrogates)."""
    if not isinstance(value, str):
        raise BadFilter(f"search: {name} must be text, not {value!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadFilter(f"search: {name} is not valid text") from None


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

    def __post_init__(self) -> None:
        """Refuse values no search can honour, here where every search starts."""
        for name in TEXT_FILTERS:
            if getattr(self, name) is not None:
                check_text(name, getattr(self, name))
        for name in ("pay_at_least", "pay_at_most"):
            if getattr(self, name) is not None:
                check_number(name, getattr(self, name), MAX_PAY)
        if self.posted_within_days is not None:
            check_number("posted_within_days", self.posted_within_days, MAX_DAYS)


@dataclass(frozen=True)
class SearchResult:
    """One page of postings, the number found, and how fresh the cache is."""

    items: list[dict[str, Any]]
    total: int
    total_capped: bool = False
    data_as_of: float | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """The keyword matches (FTS table, expression) and the column filters of one search."""

    matches: list[tuple[str, str]]
    clauses: list[str]
    params: list[Any]
    since_rowid: int | None

    def fts_driven(self) -> tuple[str, list[Any]]:
        """FROM/WHERE walking the first index's matches: best when they are few,
        or for newest-first, which is the index's own order."""
        table, expr = self.matches[0]
        where = [f"{table} MATCH ?", *self._within(self.matches[1:]), *self.clauses]
        params: list[Any] = [expr, *(e for _t, e in self.matches[1:]), *self.params]
        if self.since_rowid is not None:
            where.append("f.rowid >= ?")
            params.append(self.since_rowid)
        return (f"FROM {table} f CROSS JOIN jobs j ON j.rowid = f.rowid "
                f"WHERE {' AND '.join(where)}", params)

    def jobs_driven(self, by_pay: bool = False) -> tuple[str, list[Any]]:
        """FROM/WHERE walking jobs (in the pay index's order when by_pay) and checking
        each row against the matches: best when there are many and the order is
        not the index's own, since the walk stops after one page."""
        where = [*self.clauses, *self._within(self.matches)]
        params = [*self.params, *(e for _t, e in self.matches)]
        if self.since_rowid is not None:
            where.append("j.rowid >= ?")
            params.append(self.since_rowid)
        source = "jobs j INDEXED BY jobs_by_pay" if by_pay else "jobs j"
        return f"FROM {source} WHERE {' AND '.join(where)}", params

    @staticmethod
    def _within(matches: list[tuple[str, str]]) -> list[str]:
        """Membership in an index's matches, built once per query (a per-row probe
        re-runs the full-text query for every row and costs far more)."""
        return [f"j.rowid IN (SELECT rowid FROM {t} WHERE {t} MATCH ?)" for t, _e in matches]


def plan(text: str, filters: JobFilters, now: float) -> Plan:
    """Parse the query and turn the filters into clauses over jobs AS j."""
    check_text("text", text)
    query = parse_query(text)
    matches = [(t, e) for t, e in (("job_bi", query.bigram_expr),
                                   ("job_chars", query.char_expr)) if e]
    clauses = ["(j.valid_until_ts IS NULL OR j.valid_until_ts > ?)",
               "(j.valid_from_ts IS NULL OR j.valid_from_ts <= ?)"]
    params: list[Any] = [now, now]
    _filters(filters, now, clauses, params)
    since = None
    if filters.posted_within_days is not None:  # rowids sort like posting time
        since = max(0, int(now - filters.posted_within_days * DAY_S)) * SLOTS
    return Plan(matches, clauses, params, since)


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
                count_cap: int = COUNT_CAP, many: int = MANY) -> SearchResult:
    """Matching live postings, newest (or best paid) first, and how many there are.

    Counting stops at count_cap ("1000+"): the screen needs no exact figure
    beyond that, and a one-character query can match most of the catalog.
    """
    check_number("limit", limit, MAX_LIMIT, whole=True)
    check_number("offset", offset, MAX_OFFSET, whole=True)
    p = plan(text, filters, now)
    body, params = p.fts_driven() if p.matches else p.jobs_driven()
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {body} LIMIT ?)",
                         (*params, count_cap + 1)).fetchone()[0]
    capped = total > count_cap
    if sort == "newest" and p.matches and p.matches[0][0] == "job_bi":
        rowids = _title_first(conn, p, limit, offset)
        return SearchResult(documents(conn, rowids), min(total, count_cap), capped)
    by_index = bool(p.matches) and not (sort == "pay" and capped and p.since_rowid is None
                                        and _many(conn, p, many))
    if not by_index:   # many matches: walk the pay index, stop after a page
        body, params = p.jobs_driven(by_pay=sort == "pay")
    order = ORDER["pay"] if sort == "pay" else "f.rowid DESC" if by_index else "j.rowid DESC"
    rowids = [r for (r,) in conn.execute(
        f"SELECT j.rowid {body} ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset))]
    return SearchResult(documents(conn, rowids), min(total, count_cap), capped)


def _title_first(conn: sqlite3.Connection, p: Plan, limit: int, offset: int) -> list[int]:
    """A page of the matches, those with the words in their title first, each part
    newest first: a visitor who types 保安 wants guard jobs before cleaning jobs whose
    duties mention the guards. Each part walks the index in its own order and stops
    after the page, so the order costs two short walks instead of a sort of all."""
    table, expr = p.matches[0]
    in_title = f"title : ({expr})"
    titled = dataclasses.replace(p, matches=[(table, in_title), *p.matches[1:]])
    body, params = titled.fts_driven()
    page = f"SELECT j.rowid {body} ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
    first = [r for (r,) in conn.execute(page, (*params, limit, offset))]
    if len(first) == limit:
        return first
    seen = conn.execute(f"SELECT count(*) FROM (SELECT 1 {body} LIMIT ?)",
                        (*params, offset + limit)).fetchone()[0]
    rest = dataclasses.replace(p, clauses=[
        *p.clauses, f"j.rowid NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"],
        params=[*p.params, in_title])
    body, params = rest.fts_driven()
    more = conn.execute(f"SELECT j.rowid {body} ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
                        (*params, limit - len(first), max(0, offset - seen)))
    return first + [r for (r,) in more]


def _many(conn: sqlite3.Connection, p: Plan, many: int) -> bool:
    """Whether the first index matches so many postings that sorting them all by pay
    costs more than walking the pay index (the best paid often lack the word)."""
    table, expr = p.matches[0]
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)"
    return conn.execute(sql, (expr, many)).fetchone()[0] >= many


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
    p = plan(text, filters, now)
    body, params = p.fts_driven() if p.matches else p.jobs_driven()
    out: dict[str, dict[str, int]] = {}
    for column in ("occupation_group", "district"):
        rows = conn.execute(f"SELECT j.{column}, count(*) {body} GROUP BY j.{column} "
                            f"ORDER BY count(*) DESC", params).fetchall()
        out[column] = {str(k): n for k, n in rows}
    return out


def search_policies(conn: sqlite3.Connection, text: str, limit: int = 200) -> list[str]:
    """Ids of the cached policies whose title or body holds every part of text, the
    same parse and indexes as a job search (bigram phrases, single characters)."""
    check_text("text", text)
    query = parse_query(text)
    if query.empty:
        return []
    where, params = [], []
    if query.bigram_expr:
        where.append("r.rowid IN (SELECT rowid FROM policy_bi WHERE policy_bi MATCH ?)")
        params.append(query.bigram_expr)
    if query.char_expr:
        where.append("r.rowid IN (SELECT rowid FROM policy_chars WHERE policy_chars MATCH ?)")
        params.append(query.char_expr)
    rows = conn.execute(f"SELECT r.id FROM policy_rows r WHERE {' AND '.join(where)} "
                        f"ORDER BY r.rowid LIMIT ?", (*params, limit)).fetchall()
    return [r[0] for r in rows]

