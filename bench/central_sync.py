"""Catalog sync from the reference platform over loopback, against a textbook endpoint.

Ours: `kiosk central serve` (keyset cursor, stored JSON spliced into the page,
every request signed and its nonce committed). Peer: OFFSET paging that decodes
each document and lets FastAPI serialise it (bench/central_peer.py), unsigned,
served by uvicorn in this process. Both read the same 100,000-posting database.
Measured: a full initial sync (all pages, JSON decoded by the client) and an
incremental sync of 1,000 changed postings (ours only: the peer cannot tell).
Run: python -m bench.central_sync [--jobs 100000] [--limit 1000]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
from pathlib import Path

import requests

from central.db import connect
from central.demo.seed import seed_jobs, touch
from kiosk_command.platform_proc import PlatformProcess, free_port
from tests.central.signed import SignedApi


def ours_sync(api: SignedApi, cursor: str, limit: int) -> tuple[int, str, float]:
    """(items, cursor, seconds) for a sync from cursor to the end."""
    started, count = time.perf_counter(), 0
    while True:
        doc = api.get(f"/jobs?cursor={cursor}&limit={limit}").json()
        count += len(doc["items"])
        cursor = doc["next_cursor"]
        if not doc["has_more"]:
            return count, cursor, time.perf_counter() - started


def peer_sync(url: str, limit: int) -> tuple[int, float]:
    started, count, offset, http = time.perf_counter(), 0, 0, requests.Session()
    while True:
        doc = http.get(f"{url}/jobs", params={"offset": offset, "limit": limit},
                       timeout=60).json()
        count += len(doc["items"])
        offset = doc["next_offset"]
        if not doc["has_more"]:
            return count, time.perf_counter() - started


def start_peer(db_path: Path) -> str:
    import uvicorn

    from bench.central_peer import peer_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(peer_app(db_path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="central-bench-"))
    try:
        db = work / "central.sqlite3"
        t0 = time.perf_counter()
        seed_jobs(connect(db), args.jobs)
        print(f"seeded {args.jobs} postings in {time.perf_counter() - t0:.1f} s")
        with PlatformProcess(work, demo_data=False) as platform:
            api = SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())
            n_ours, cursor, t_ours = ours_sync(api, "", args.limit)
            n_peer, t_peer = peer_sync(start_peer(db), args.limit)
            touch(connect(db), 1000)
            n_inc, _, t_inc = ours_sync(api, cursor, args.limit)
        print(f"{'':34}{'ours':>10}{'peer':>10}{'ours/peer':>11}")
        print(f"{'initial sync, items':34}{n_ours:>10}{n_peer:>10}")
        print(f"{'initial sync, s':34}{t_ours:>10.2f}{t_peer:>10.2f}{t_ours / t_peer:>11.2f}")
        print(f"{'incremental 1,000 changes, items':34}{n_inc:>10}{'-':>10}")
        print(f"{'incremental 1,000 changes, s':34}{t_inc:>10.3f}{'-':>10}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
