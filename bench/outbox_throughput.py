"""Outbox throughput: enqueue-to-delivered for N submissions, against bare signed POSTs.

Ours: PlatformService.outbox.enqueue() (fsynced SQLite row, personal fields
sealed) for every submission, then the sender thread delivers them in order
and deletes each on acknowledgement. Peer: the same signed POSTs sent straight
from a loop with no outbox (no durability: a kill or an outage loses them).
The difference is what "nothing lost" costs per submission.
Run: python -m bench.outbox_throughput [--count 500]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.service import PlatformService
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess

PERSONAL = {"name": "测试", "phone": "13900000000"}


def body(n: int) -> dict[str, object]:
    return {"category": "suggestion", "text": f"建议 {n}"}


def ours(service: PlatformService, count: int) -> tuple[float, float]:
    """(seconds to enqueue all, seconds until all delivered)."""
    done = threading.Event()
    t0 = time.perf_counter()
    for n in range(count):
        service.outbox.enqueue("complaint", body(n), PERSONAL)
    t_enqueue = time.perf_counter() - t0
    service.sender.wake()
    while service.outbox.counts()["pending"]:
        done.wait(0.005)
    return t_enqueue, time.perf_counter() - t0


def peer(client: PlatformClient, count: int) -> float:
    t0 = time.perf_counter()
    for n in range(count):
        client.post("/complaints", body(n) | PERSONAL, idempotency_key=uuid.uuid4().hex)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="outbox-bench-"))
    try:
        with PlatformProcess(work / "central", demo_data=False) as platform:
            clock = SystemClock()

            def client() -> PlatformClient:
                return PlatformClient(platform.url, platform.device_id,
                                      load_key(platform.key_file), clock=clock)
            service = PlatformService(work / "kiosk", client(), clock,
                                      kinds=outbox_kinds()).start()
            t_enq, t_ours = ours(service, args.count)
            service.stop()
            t_peer = peer(client(), args.count)
        n = args.count
        print(f"{n} complaints (personal fields sealed)   ours (outbox)   bare POSTs   ratio")
        print(f"{'enqueue, per submission (ms)':40} {t_enq / n * 1000:>13.2f}")
        print(f"{'enqueue to delivered, per second':40} {n / t_ours:>13.0f} {n / t_peer:>12.0f} "
              f"{t_ours / t_peer:>7.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
