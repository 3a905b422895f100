"""Search p95 over 100,000 cached postings: bigram index (ours) against a LIKE scan.

Both answer the same question on the same synced catalog: live postings whose
title, company, duties or requirements contain every query word, with the
same filters, newest (those with the words in the title first) or best paid
first, one page of 20 plus the count (up to
1,000). The peer is a plain table with the same columns scanned with LIKE
'%word%' (what a first version would do). Queries: one character, two
characters (most job words) and three or more, each with several filters.
Run: python -m bench.catalog_search [--jobs 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.platform.catalog import Catalog
from kiosk.platform.client import PlatformClient
from kiosk.platform.search import JobFilters, search_jobs
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess

QUERIES = {"1 char": ["车", "厨", "护", "电"],
           "2 chars": ["司机", "保安", "会计", "电工", "护工", "厨师"],
           "3+ chars": ["收银员", "叉车司机", "仓库管理员", "营业员", "保洁员"]}
FILTERS = [JobFilters(), JobFilters(district="武侯区"),
           JobFilters(employment_type="full_time", pay_at_least=6000),
           JobFilters(posted_within_days=14, education="不限")]
PLAIN = """CREATE TABLE plain AS SELECT j.rowid AS rid, j.*,
 json_extract(d.body, '$.title') AS title, json_extract(d.body, '$.company') AS company,
 json_extract(d.body, '$.duties') AS duties,
 json_extract(d.body, '$.requirements') AS requirements FROM jobs j JOIN job_docs d USING (rowid)"""


def like_search(conn: sqlite3.Connection, text: str, f: JobFilters, now: float, sort: str
                ) -> tuple[list[int], int]:
    """The peer: same result, found by scanning every row with LIKE."""
    clauses = ["(valid_until_ts IS NULL OR valid_until_ts > ?)",
               "(valid_from_ts IS NULL OR valid_from_ts <= ?)"]
    params: list[object] = [now, now]
    for word in text.split():
        clauses.append("(title LIKE ? OR company LIKE ? OR duties LIKE ? OR requirements LIKE ?)")
        params += [f"%{word}%"] * 4
    for col in ("district", "employment_type", "education"):
        if getattr(f, col):
            clauses.append(f"{col} = ?")
            params.append(getattr(f, col))
    if f.pay_at_least is not None:
        clauses.append("pay_max >= ?")
        params.append(f.pay_at_least)
    if f.posted_within_days is not None:
        clauses.append("posted_ts >= ?")
        params.append(now - f.posted_within_days * 86400)
    where = " AND ".join(clauses)
    order = "posted_ts DESC" if sort == "newest" else "pay_max DESC, pay_min DESC"
    words = [w for w in text.split() if len(w) > 1]
    if sort == "newest" and words:      # the same order as ours: the words in the title first
        order = f"({' AND '.join(['title LIKE ?'] * len(words))}) DESC, {order}"
    ranks = [f"%{w}%" for w in words] if sort == "newest" else []
    ids = [r for (r,) in conn.execute(f"SELECT rid FROM plain WHERE {where} ORDER BY {order} "
                                      f"LIMIT 20", [*params, *ranks])]
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM plain WHERE {where} LIMIT 1001)",
                         params).fetchone()[0]
    return ids, total


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def build(work: Path, jobs: int) -> Catalog:
    subprocess.run([sys.executable, "-m", "kiosk_command.main", "central", "seed", "--db",
                    str(work / "central.sqlite3"), "--jobs", str(jobs)], check=True)
    catalog = Catalog(work / "catalog.sqlite3", SystemClock())
    with PlatformProcess(work, demo_data=False) as platform:
        client = PlatformClient(platform.url, platform.device_id, load_key(platform.key_file),
                                clock=SystemClock(), timeout_s=60)
        catalog.sync(client, ("jobs",))
    catalog.conn.execute(PLAIN)
    return catalog


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="best of N per query")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        catalog = build(work, args.jobs)
        conn, now = catalog.reader, time.time()
        print(f"{'query length':10} {'n':>4} {'ours p50':>9} {'ours p95':>9} {'LIKE p50':>9} "
              f"{'LIKE p95':>9} {'p95 ratio':>9}   (ms; 20 a page + count to 1,000)")
        for group, words in QUERIES.items():
            ours, peer = [], []
            for word in words:
                for f in FILTERS:
                    for sort in ("newest", "pay"):
                        got = search_jobs(conn, word, f, now, sort)
                        ids, total = like_search(conn, word, f, now, sort)
                        assert got.total == min(total, 1000), (word, f, got.total, total)
                        ours.append(timed(lambda w=word, f=f, s=sort:
                                          search_jobs(conn, w, f, now, s), args.repeat))
                        peer.append(timed(lambda w=word, f=f, s=sort:
                                          like_search(conn, w, f, now, s), args.repeat))
            p95 = [statistics.quantiles(x, n=20)[-1] for x in (ours, peer)]
            print(f"{group:10} {len(ours):>4} {statistics.median(ours):>9.2f} {p95[0]:>9.2f} "
                  f"{statistics.median(peer):>9.2f} {p95[1]:>9.2f} {p95[1] / p95[0]:>8.1f}x")
        catalog.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
