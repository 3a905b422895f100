"""Guidance booking under load: the reference platform against a textbook handler.

Ours: `kiosk central serve` (every request signed, its nonce committed, personal
fields sealed, the seat taken by one conditional UPDATE in the same transaction as
the appointment, its reminders and the idempotency record). Peer: the textbook way,
a plain `http.server` + sqlite3 handler (one connection per thread, autocommit) that
checks `booked < capacity` with a SELECT, then UPDATEs and INSERTs — what a booking
endpoint looks like before anyone thinks of the race. Both run over loopback.

Measured, side by side in one run:
1. the last-seat race: one slot with one seat, TERMINALS processes book it at once;
   how many got a 201, how many a refusal, and the slot's count against its rows;
2. booking latency: TERMINALS processes book BOOKINGS seats spread over SLOTS slots;
   p50/p95/max of each answer and the throughput.
Run: python -m bench.guidance_booking [--slots 1000] [--terminals 50] [--bookings 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing as mp
import random
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests

from central.db import connect, iso, write
from kiosk_command.platform_proc import PlatformProcess, free_port
from tests.central.signed import SignedApi

CHINA = dt.timezone(dt.timedelta(hours=8))


def make_slots(conn: sqlite3.Connection, count: int, capacity: int) -> list[str]:
    """count slots of capacity seats from tomorrow on, plus the race slot of one seat."""
    base = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(9), CHINA)
    rows = []
    for n in range(count):
        start = base + dt.timedelta(minutes=30 * n)
        rows.append((f"B{n:05d}", "G001", "王老师", start.isoformat(),
                     (start + dt.timedelta(minutes=30)).isoformat(), capacity, 0, iso(start)))
    rows.append(("RACE", "G001", "王老师", base.isoformat(),
                 (base + dt.timedelta(minutes=30)).isoformat(), 1, 0, iso(base)))
    with write(conn):
        conn.executemany("INSERT INTO slots(id, service_id, counsellor, starts_at, ends_at, "
                         "capacity, booked, starts_utc) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return [r[0] for r in rows[:-1]]


class PeerHandler(BaseHTTPRequestHandler):
    """POST /appointments the textbook way: check, then update, in autocommit."""

    db_path = ""
    local = threading.local()
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: Any) -> None:
        pass

    def _conn(self) -> sqlite3.Connection:
        if not hasattr(self.local, "conn"):
            self.local.conn = sqlite3.connect(self.db_path, isolation_level=None,
                                              timeout=5)
        return self.local.conn

    def _answer(self, status: int, doc: dict[str, Any]) -> None:
        data = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        doc = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        conn = self._conn()
        try:
            row = conn.execute("SELECT service_id, booked < capacity FROM slots WHERE id = ?",
                               (doc["slot_id"],)).fetchone()
            if row is None:
                return self._answer(404, {"error": "unknown_slot"})
            if not row[1]:
                return self._answer(409, {"error": "slot_taken"})
            now, appt = iso(dt.datetime.now(dt.UTC)), f"A-{uuid.uuid4().hex[:16]}"
            conn.execute("UPDATE slots SET booked = booked + 1 WHERE id = ?", (doc["slot_id"],))
            conn.execute("INSERT INTO appointments(id, slot_id, service_id, id_hash, data, "
                         "status, created_at, updated_at, device_id) VALUES(?, ?, ?, ?, ?, "
                         "'booked', ?, ?, 'peer')", (appt, doc["slot_id"], row[0],
                                                     doc.get("id_hash"), b"", now, now))
            conn.execute("INSERT INTO idempotency VALUES('peer', ?, '', 201, '{}', ?)",
                         (self.headers.get("Idempotency-Key"), now))
            return self._answer(201, {"id": appt})
        except sqlite3.Error as exc:
            return self._answer(500, {"error": "internal", "message": type(exc).__name__})


def start_peer(db_path: Path) -> str:
    PeerHandler.db_path = str(db_path)
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), PeerHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def person(n: int) -> str:
    return hashlib.sha256(f"bench-{n}".encode()).hexdigest()


def _terminal(target: dict[str, Any], jobs: list[str], first: int, start: Any,
              out: Any) -> None:
    """One terminal process: book each slot in jobs, report (status, code, seconds)."""
    if target["key"]:
        api = SignedApi(target["url"], target["device"], target["key"])
        api.get("/guidance/services?limit=1")           # connection open before the gun
        post = api.post
    else:
        http = requests.Session()

        def post(path: str, doc: dict[str, Any], idem: str) -> requests.Response:
            return http.post(target["url"] + "/api/v1" + path, json=doc, timeout=30,
                             headers={"Idempotency-Key": idem})
    start.wait()
    results = []
    for n, slot in enumerate(jobs):
        doc = {"slot_id": slot, "phone": "13800138000", "id_hash": person(first + n)}
        began = time.perf_counter()
        answer = post("/appointments", doc, idem=str(uuid.uuid4()))
        took = time.perf_counter() - began
        code = answer.json().get("error") if answer.status_code >= 400 else None
        results.append((answer.status_code, code, took))
    out.put(results)


def run_terminals(target: dict[str, Any], jobs: list[list[str]]) -> tuple[list[tuple], float]:
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_terminal, args=(target, each, 100_000 * (i + 1), start, out))
             for i, each in enumerate(jobs)]
    for proc in procs:
        proc.start()
    time.sleep(1.0)                        # every terminal connected before the gun
    began = time.perf_counter()
    start.set()
    results = [r for _ in procs for r in out.get(timeout=300)]
    wall = time.perf_counter() - began
    for proc in procs:
        proc.join(10)
    return results, wall


def seats(db_path: Path, slot: str) -> tuple[int, int, int]:
    with sqlite3.connect(db_path) as conn:
        cap, booked = conn.execute("SELECT capacity, booked FROM slots WHERE id = ?",
                                   (slot,)).fetchone()
        rows = conn.execute("SELECT count(*) FROM appointments WHERE slot_id = ?",
                            (slot,)).fetchone()[0]
    return cap, booked, rows


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def outcome(results: list[tuple]) -> str:
    counts: dict[str, int] = {}
    for status, code, _took in results:
        name = f"{status}" + (f" {code}" if code else "")
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n}× {k}" for k, n in sorted(counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slots", type=int, default=1000)
    parser.add_argument("--capacity", type=int, default=3)
    parser.add_argument("--terminals", type=int, default=50)
    parser.add_argument("--bookings", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-guidance-"))
    try:
        ours = PlatformProcess(work / "ours", demo_data=False).start()
        conn = connect(ours.db_path)
        slot_ids = make_slots(conn, args.slots, args.capacity)
        conn.close()
        peer_db = work / "peer" / "central.sqlite3"
        conn = connect(peer_db)
        make_slots(conn, args.slots, args.capacity)
        conn.close()
        targets = {"ours": {"url": ours.url, "device": ours.device_id,
                            "key": ours.key_file.read_text().strip(), "db": ours.db_path},
                   "peer": {"url": start_peer(peer_db), "device": "", "key": "",
                            "db": peer_db}}
        rng = random.Random(16)
        per = args.bookings // args.terminals
        jobs = [[rng.choice(slot_ids) for _ in range(per)] for _ in range(args.terminals)]
        report: dict[str, dict[str, Any]] = {}
        for name, target in targets.items():
            race, _ = run_terminals(target, [["RACE"]] * args.terminals)
            cap, booked, rows = seats(target["db"], "RACE")
            load, wall = run_terminals(target, jobs)
            took = [t for _s, _c, t in load]
            report[name] = {"race": outcome(race), "race_seats": (cap, booked, rows),
                            "p50": pct(took, 0.5) * 1000, "p95": pct(took, 0.95) * 1000,
                            "max": max(took) * 1000, "rate": len(load) / wall,
                            "load": outcome(load)}
        ours.stop()
        print(f"{args.slots} slots of {args.capacity} seats, {args.terminals} terminal "
              f"processes, {per * args.terminals} bookings")
        for name, r in report.items():
            cap, booked, rows = r["race_seats"]
            print(f"{name}: last seat: {r['race']}; slot capacity {cap}, count {booked}, "
                  f"rows {rows}")
            print(f"{name}: booking p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, max "
                  f"{r['max']:.1f} ms, {r['rate']:.0f}/s; answers: {r['load']}")
        a, b = report["ours"], report["peer"]
        print(f"ratio ours/peer: p50 {a['p50'] / b['p50']:.2f}, p95 {a['p95'] / b['p95']:.2f}"
              f", throughput {a['rate'] / b['rate']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
