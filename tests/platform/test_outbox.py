"""The outbox: durable before "done", in order, exactly once through kills of either side."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from kiosk.flows import outbox_kinds
from kiosk.platform.service import PlatformService
from kiosk_command.platform_proc import free_port
from tests.conftest import ROOT
from tests.platform.conftest import (
    rating,
    ratings_at,
    real_now_clock,
    service_for,
)

DEADLINE_S = 30


def wait_until(predicate, what: str) -> None:
    """Poll for an event the sender thread brings about (not a time-out being tested)."""
    end = time.monotonic() + DEADLINE_S
    while not predicate():
        assert time.monotonic() < end, f"never: {what}"
        time.sleep(0.01)


def test_submit_says_sent_when_the_platform_answers(own_platform, tmp_path: Path) -> None:
    service = service_for(own_platform, tmp_path / "kiosk").start()
    try:
        outcome = service.submit("rating", rating(1), wait_s=10)
    finally:
        service.stop()
    assert outcome.sent and outcome.response is not None
    assert ratings_at(own_platform) == ["m1"]


def test_platform_down_then_up_delivers_everything_once(own_platform, tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_for(own_platform, tmp_path / "kiosk", clock, retry_min_s=60).start()
    try:
        own_platform.down()
        outcomes = [service.submit("rating", rating(n), wait_s=10) for n in range(3)]
        assert [o.state for o in outcomes] == ["queued"] * 3     # told honestly, at once
        assert service.state()["reachable"] is False
        own_platform.up()
        clock.advance(61)
        service.sender.wake()
        wait_until(lambda: service.outbox.counts()["pending"] == 0, "queue drained")
    finally:
        service.stop()
    assert ratings_at(own_platform) == ["m0", "m1", "m2"]


def test_refused_submission_is_set_aside_without_blocking(own_platform, tmp_path: Path) -> None:
    service = service_for(own_platform, tmp_path / "kiosk")
    service.outbox.enqueue("rating", {"service": "kiosk", "score": 99})
    service.outbox.enqueue("rating", rating(7))
    assert service.outbox.drain() == 1
    counts = service.outbox.counts()
    dead = service.outbox.store.dead_letters()
    service.stop()
    assert counts["pending"] == 0 and counts["set_aside"] == 1
    assert dead[0]["status"] == 422 and dead[0]["code"] == "invalid" and dead[0]["reason"]
    assert ratings_at(own_platform) == ["m7"]


def test_rows_past_retention_are_purged_and_counted(tmp_path: Path) -> None:
    from kiosk.platform.client import PlatformClient

    clock = real_now_clock()
    client = PlatformClient(f"http://127.0.0.1:{free_port()}", "t", b"k", clock=clock)
    service = PlatformService(tmp_path, client, clock, kinds=outbox_kinds())
    service.outbox.enqueue("rating", rating(1))
    clock.advance(29 * 86400)
    service.outbox.enqueue("rating", rating(2))
    assert service.outbox.purge() == 0
    clock.advance(2 * 86400)
    assert service.outbox.purge() == 1
    assert service.outbox.counts() | {} == {"pending": 1, "parked": 0, "set_aside": 0,
                                            "delivered": 0, "purged": 1}
    service.stop()


def test_personal_fields_are_encrypted_at_rest(tmp_path: Path) -> None:
    from kiosk.platform.client import PlatformClient

    clock = real_now_clock()
    client = PlatformClient(f"http://127.0.0.1:{free_port()}", "t", b"k", clock=clock)
    service = PlatformService(tmp_path, client, clock, kinds=outbox_kinds())
    personal = {"name": "张三丰", "phone": "13912345678", "id_number": "110105199001011234"}
    service.outbox.enqueue("complaint", {"category": "complaint", "text": "排队太久"}, personal)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("outbox.sqlite3*"))
    assert (tmp_path / "outbox.key").stat().st_mode & 0o777 == 0o600
    for secret in personal.values():
        assert secret.encode() not in raw
    assert "排队太久".encode() in raw                      # only the personal fields are sealed
    row = service.outbox.store.head()
    assert service.outbox.sealer.open(row.sealed, row.key) == personal
    service.stop()


def test_platform_killed_mid_delivery_loses_and_repeats_nothing(own_platform,
                                                                tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_for(own_platform, tmp_path / "kiosk", clock, retry_min_s=60)
    for n in range(40):
        service.outbox.enqueue("rating", rating(n))
    service.start()
    wait_until(lambda: service.outbox.counts()["delivered"] >= 5, "some delivered")
    own_platform.kill()
    own_platform.up()
    clock.advance(61)
    service.sender.wake()
    wait_until(lambda: service.outbox.counts()["pending"] == 0, "queue drained")
    service.stop()
    assert sorted(ratings_at(own_platform)) == sorted(f"m{n}" for n in range(40))


def test_terminal_killed_after_enqueue_loses_and_repeats_nothing(own_platform,
                                                                 tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    told: list[str] = []
    for run in range(3):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.platform.enqueue_child", own_platform.url,
             own_platform.device_id, str(own_platform.key_file), str(data), f"r{run}-", "400"],
            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        told += [child.stdout.readline().strip() for _ in range(random.randint(20, 120))]
        child.kill()                    # SIGKILL somewhere in enqueue or delivery
        child.wait()
    service = service_for(own_platform, data)   # the terminal starts again
    service.outbox.drain()
    service.stop()
    stored = ratings_at(own_platform)
    assert len(stored) == len(set(stored)), "a submission reached the platform twice"
    assert set(told) <= set(stored), "a submission the visitor was told about is lost"
