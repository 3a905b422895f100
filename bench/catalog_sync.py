"""Catalog sync into the kiosk's cache, bigram index included, against FTS5 trigram.

Ours: Catalog.sync() from the reference platform over loopback (signed calls,
1,000 postings a page), writing the jobs table, the bigram and character
indexes, and merging the index at the end. Peer: the same pages written to a
table with SQLite's built-in trigram index (FTS5 tokenize='trigram'), which
is the textbook choice but cannot match two-character words. Then 1,000
changes on the platform (every tenth a withdrawal) and an incremental sync.
Run: python -m bench.catalog_sync [--jobs 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.platform.catalog import Catalog
from kiosk.platform.client import PlatformClient
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess

TRIGRAM = """CREATE VIRTUAL TABLE jobs USING fts5(id UNINDEXED, title, company, duties,
requirements, body UNINDEXED, tokenize='trigram')"""


def kiosk(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kiosk_command.main", *args], check=True)


def peer_sync(client: PlatformClient, path: Path) -> tuple[int, float]:
    """All pages into an FTS5 trigram table (one transaction per page)."""
    import json

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(TRIGRAM)
    started, count = time.perf_counter(), 0
    for page in client.pages("/jobs", "", 1000):
        items = [i for i in page["items"] if not i.get("deleted")]
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?)", [
            (i["id"], i["title"], i["company"], i["duties"], i["requirements"],
             json.dumps(i, ensure_ascii=False)) for i in items])
        conn.execute("COMMIT")
        count += len(page["items"])
    conn.execute("INSERT INTO jobs(jobs) VALUES ('optimize')")
    return count, time.perf_counter() - started


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="catalog-bench-"))
    try:
        kiosk("central", "seed", "--db", str(work / "central.sqlite3"), "--jobs", str(args.jobs))
        with PlatformProcess(work, demo_data=False) as platform:
            client = PlatformClient(platform.url, platform.device_id,
                                    load_key(platform.key_file), clock=SystemClock(),
                                    timeout_s=60)
            catalog = Catalog(work / "catalog.sqlite3", SystemClock())
            t0 = time.perf_counter()
            n_ours = catalog.sync(client, ("jobs",))[0].changes
            t_ours = time.perf_counter() - t0
            n_peer, t_peer = peer_sync(client, work / "trigram.sqlite3")
            kiosk("central", "seed", "--db", str(platform.db_path), "--touch", "1000")
            t0 = time.perf_counter()
            n_inc = catalog.sync(client, ("jobs",))[0].changes
            t_inc = time.perf_counter() - t0
        print(f"{'':34} {'ours (bigram)':>14} {'FTS5 trigram':>14} {'ratio':>7}")
        print(f"{'initial sync, postings':34} {n_ours:>14,} {n_peer:>14,}")
        print(f"{'initial sync incl. index, s':34} {t_ours:>14.2f} {t_peer:>14.2f} "
              f"{t_ours / t_peer:>7.2f}")
        print(f"{'cache file, MB':34} {size_mb(work / 'catalog.sqlite3'):>14.1f} "
              f"{size_mb(work / 'trigram.sqlite3'):>14.1f}")
        print(f"{'incremental sync of changes':34} {n_inc:>14,}")
        print(f"{'incremental sync, s':34} {t_inc:>14.3f}")
        print(f"targets: initial <= 30 s: {'met' if t_ours <= 30 else 'MISSED'}; "
              f"incremental 1,000 <= 1 s: {'met' if t_inc <= 1 else 'MISSED'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
