"""A submission the platform keeps failing is parked; the queue behind it goes on.

The reference platform runs for real behind a loopback relay (fault_proxy.py)
that fails one idempotency key the way a platform fails a request it cannot
process. Nothing of the terminal is stubbed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from pathlib import Path

import pytest

from central.db import business_day
from kiosk.clock import FakeClock
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.identity import id_hash
from kiosk.platform.outbox_store import OutboxStore
from kiosk.platform.service import Options, PlatformService
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess
from tests.platform.conftest import rating, ratings_at, real_now_clock
from tests.platform.fault_proxy import FaultProxy
from tests.stores import database

PERSON = {"name": "李四海", "phone": "13700001111"}
PARK_RETRY_S = 120.0  # the platform allows 300 s of clock skew: stay within it


@pytest.fixture
def relay(own_platform: PlatformProcess):
    with FaultProxy(own_platform.url) as proxy:
        yield proxy


def service_via(url: str, proc: PlatformProcess, data_dir: Path, clock: FakeClock,
                **options: float) -> PlatformService:
    client = PlatformClient(url, proc.device_id, load_key(proc.key_file), clock=clock,
                            timeout_s=5, attempts=1)
    opts = {"park_after": 3, "park_retry_s": PARK_RETRY_S, **options}
    return PlatformService(data_dir, client, clock, Options(**opts), outbox_kinds())


def stored_keys(proc: PlatformProcess) -> list[str]:
    """Idempotency keys the platform recorded (one per submission it processed)."""
    with database(proc) as conn:
        return [k for (k,) in conn.execute("SELECT key FROM idempotency")]


def test_failing_head_is_parked_and_the_rest_are_delivered(own_platform, relay,
                                                           tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_via(relay.url, own_platform, tmp_path / "kiosk", clock)
    bad = service.outbox.enqueue("complaint", {"category": "complaint", "text": "太慢"}, PERSON)
    relay.faults[bad] = 500
    for n in range(3):
        service.outbox.enqueue("rating", rating(n))
    for _ in range(3):                       # the platform fails the head three times
        service.outbox.drain()
    state = service.state()
    assert ratings_at(own_platform) == ["m0", "m1", "m2"]
    assert state["outbox"]["pending"] == 1 and state["outbox"]["parked"] == 1
    [parked] = state["parked"]
    assert parked["kind"] == "complaint" and parked["tries"] == 3
    assert "500" in parked["reason"] and parked["age_s"] >= 0
    assert parked["retry_in_s"] == PARK_RETRY_S
    shown = json.dumps(state, ensure_ascii=False)
    assert all(v not in shown for v in PERSON.values()) and "太慢" not in shown

    service.outbox.drain()                   # not due yet: not tried again
    assert relay.tries_of(bad) == ["500"] * 3
    del relay.faults[bad]                    # the platform recovers
    clock.advance(PARK_RETRY_S + 1)
    assert service.outbox.drain() == 1
    assert relay.tries_of(bad) == ["500"] * 3 + ["201"]   # the same key every time
    assert service.outbox.counts()["pending"] == 0
    service.stop()
    assert stored_keys(own_platform).count(bad) == 1


def test_sender_thread_goes_on_past_a_failing_submission(own_platform, relay,
                                                         tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_via(relay.url, own_platform, tmp_path / "kiosk", clock,
                          retry_min_s=1, retry_max_s=1)
    bad = service.outbox.enqueue("rating", rating(99))
    relay.faults[bad] = 500
    keys = [service.outbox.enqueue("rating", rating(n)) for n in range(5)]
    service.start()
    try:
        wait_for(lambda: len(ratings_at(own_platform)) == 5, clock, service)
        assert service.outbox.counts()["parked"] == 1
        relay.faults.clear()
        wait_for(lambda: service.outbox.counts()["pending"] == 0, clock, service,
                 step_s=PARK_RETRY_S / 4)
    finally:
        service.stop()
    assert sorted(ratings_at(own_platform)) == sorted(["m99"] + [f"m{n}" for n in range(5)])
    assert set(keys) | {bad} == set(stored_keys(own_platform))


def wait_for(predicate, clock: FakeClock, service: PlatformService, step_s: float = 1.0
             ) -> None:
    """Move the injected clock and wake the sender until the predicate holds (the
    sender's back-off runs on the fake clock)."""
    end = time.monotonic() + 30
    while not predicate():
        assert time.monotonic() < end, "the sender never got there"
        clock.advance(step_s)
        service.sender.wake()
        time.sleep(0.02)


def before_first_slots() -> str:
    """08:50 China time on the first weekday after today: the demo's first slots begin
    at 09:00 that day, and check-in opens half an hour before a slot."""
    day = business_day() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    china = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.combine(day, dt.time(8, 50), china).isoformat()


def test_order_group_waits_behind_its_parked_head(own_platform, relay,
                                                  tmp_path: Path) -> None:
    """A check-in must not overtake the booking it checks in; a rating may."""
    own_platform.stop()
    # the platform's clock just before the first demo slots, so the check-in is on time
    store = own_platform.store        # the same data (on PostgreSQL: the same database)
    with PlatformProcess(own_platform.workdir, port=own_platform.port, demo_data=True,
                         extra_args=("--now", before_first_slots()),
                         database=store if isinstance(store, str) else None):
        clock = real_now_clock()
        service = service_via(relay.url, own_platform, tmp_path / "kiosk", clock)
        slot = service.free_slots()[0]["id"]
        who = id_hash("110105199001011234")
        booking = service.outbox.enqueue("appointment", {"slot_id": slot, "id_hash": who},
                                         PERSON)
        relay.faults[booking] = 500
        checkin = service.outbox.enqueue("checkin", {"id_hash": who})
        service.outbox.enqueue("rating", rating(5))
        for _ in range(4):
            service.outbox.drain()
        assert service.outbox.counts()["parked"] == 1
        assert relay.tries_of(checkin) == []            # held behind its booking
        assert "m5" in ratings_at(own_platform)         # the rest went on
        relay.faults.clear()
        clock.advance(PARK_RETRY_S + 1)
        assert service.outbox.drain() == 2
        counts = service.outbox.counts()
        service.stop()
    assert counts["pending"] == 0 and counts["set_aside"] == 0
    assert relay.tries_of(checkin) == ["200"]           # checked in: the booking came first


def test_outages_do_not_count_against_a_submission(own_platform, relay,
                                                   tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_via(relay.url, own_platform, tmp_path / "kiosk", clock)
    key = service.outbox.enqueue("rating", rating(1))
    relay.everything = 503                   # a gateway in front of a platform that is down
    for _ in range(5):
        service.outbox.drain()
    relay.everything = None
    own_platform.down()                      # no answer at all
    for _ in range(5):
        service.outbox.drain()
    assert service.outbox.counts()["parked"] == 0
    own_platform.up()
    assert service.outbox.drain() == 1
    service.stop()
    assert relay.tries_of(key) == ["503"] * 5 + ["201"]


def test_unreadable_answer_is_retried_with_the_same_key_and_counted_once(
        own_platform, relay, tmp_path: Path) -> None:
    clock = real_now_clock()
    service = service_via(relay.url, own_platform, tmp_path / "kiosk", clock)
    key = service.outbox.enqueue("rating", rating(3))
    relay.faults[key] = "garble"             # the platform commits, the answer is spoilt
    for _ in range(3):
        service.outbox.drain()
    assert service.outbox.counts()["parked"] == 1
    assert "unreadable" in service.state()["parked"][0]["reason"]
    relay.faults.clear()
    assert service.outbox.retry_parked() == 1      # `kiosk outbox send` does this first
    assert service.outbox.drain() == 1
    service.stop()
    assert ratings_at(own_platform) == ["m3"]      # processed once, answered from record


def test_cancel_reaches_the_platform_without_its_path_in_the_body(platform,
                                                                  tmp_path: Path) -> None:
    """appointment_id names the path; the contract's CancelIn has no such field."""
    service = service_via(platform.url, platform, tmp_path / "kiosk", real_now_clock()).start()
    try:
        slot = service.free_slots()[0]["id"]
        booked = service.submit("appointment", {"slot_id": slot}, PERSON, wait_s=10)
        cancelled = service.submit("appointment_cancel",
                                   {"appointment_id": booked.response["id"],
                                    "reason": "改期"}, wait_s=10)
    finally:
        service.stop()
    assert booked.sent and cancelled.sent, cancelled.reason
    assert cancelled.response["status"] == "cancelled"


def test_an_outbox_file_from_before_parking_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE pending (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT "
        "NULL, path TEXT NOT NULL, payload TEXT, sealed BLOB, created_at FLOAT, attempts "
        "INTEGER, last_error TEXT);"
        "CREATE TABLE dead (seq INTEGER PRIMARY KEY, key TEXT, kind TEXT, path TEXT, payload "
        "TEXT, sealed BLOB, created_at FLOAT, attempts INTEGER, last_error TEXT, failed_at "
        "FLOAT, status INTEGER, code TEXT, reason TEXT);"
        "INSERT INTO pending VALUES (1, 'k1', 'rating', '/ratings', '{}', NULL, 1.0, 2, 'x');")
    conn.commit()
    conn.close()
    store = OutboxStore(path)
    row = store.next_due(2.0)
    assert row is not None and row.key == "k1" and row.attempts == 2
    assert store.attempted("k1", "ServerFailed", counted=True) == 1
    store.set_aside(row, 3.0, 422, "invalid", "no")
    assert store.counts()["set_aside"] == 1
    store.close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_every_platform_setting_reaches_the_service() -> None:
    from kiosk.config.schema import PlatformSection

    section = PlatformSection(park_after=7, park_retry_s=900.0, retry_min_s=3.0)
    options = Options.from_section(section, "9.9")
    assert (options.park_after, options.park_retry_s, options.retry_min_s,
            options.app_version) == (7, 900.0, 3.0, "9.9")


def test_cli_status_shows_parked_and_send_retries_them(own_platform, relay, tmp_path: Path,
                                                       capsys) -> None:
    from kiosk_command.main import main

    data = tmp_path / "data"
    service = service_via(relay.url, own_platform, data, real_now_clock(), park_after=1)
    bad = service.outbox.enqueue("complaint", {"category": "complaint", "text": "太慢"}, PERSON)
    relay.faults[bad] = 500
    service.outbox.drain()
    service.stop()
    site = tmp_path / "site.toml"
    site.write_text(f'[paths]\ndata_dir = "{data}"\n[platform]\nurl = "{relay.url}"\n'
                    f'key_file = "{own_platform.key_file}"\n'
                    f'device_id = "{own_platform.device_id}"\n', encoding="utf-8")
    assert main(["--config", str(site), "outbox", "status"]) == 0
    out = capsys.readouterr().out
    [parked] = json.loads(out)["parked"]
    assert parked["kind"] == "complaint" and parked["tries"] == 1 and "500" in parked["reason"]
    assert all(v not in out for v in PERSON.values())
    assert main(["--config", str(site), "outbox", "send"]) == 4      # still failing
    relay.faults.clear()
    assert main(["--config", str(site), "outbox", "send"]) == 0      # parked, tried at once
    assert "sent 1; pending 0 (parked 0)" in capsys.readouterr().out
    assert stored_keys(own_platform).count(bad) == 1
