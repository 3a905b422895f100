"""The link as technicians see it: heartbeat, a skewed clock, and no personal data in logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from kiosk import logs
from tests.platform.conftest import rating, ratings_at, real_now_clock, service_for

PERSON = {"name": "王小明", "phone": "13811112222", "id_number": "510104199203154321"}


def test_heartbeat_reaches_the_platform(platform, tmp_path: Path) -> None:
    service = service_for(platform, tmp_path)
    assert service.heartbeat() is not None
    assert service.state()["reachable"] is True
    service.stop()


def test_skewed_clock_keeps_submissions_and_says_why(own_platform, tmp_path: Path) -> None:
    skewed = service_for(own_platform, tmp_path, real_now_clock(offset_s=-900))
    skewed.outbox.enqueue("rating", rating(1))
    assert skewed.outbox.drain() == 0
    state = skewed.state()
    skewed.stop()
    assert state["auth_problem"] == "clock_skew" and -910 <= state["clock_skew_s"] <= -890
    assert state["outbox"]["pending"] == 1 and state["outbox"]["set_aside"] == 0
    fixed = service_for(own_platform, tmp_path)       # the technician set the clock
    assert fixed.outbox.drain() == 1
    fixed.stop()
    assert ratings_at(own_platform) == ["m1"]


def test_no_personal_data_in_logs(own_platform, tmp_path: Path, capsys) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logs.JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        service = service_for(own_platform, tmp_path / "kiosk").start()
        sent = service.submit("complaint", {"category": "complaint", "text": "窗口排队太久"},
                              {"name": PERSON["name"], "phone": PERSON["phone"]}, wait_s=10)
        refused = service.submit("registration", {"intentions": {}}, PERSON, wait_s=10)
        service.stop()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert sent.sent and refused.state == "refused"
    out = capsys.readouterr()
    seen = out.out + out.err + (own_platform.log_path.read_text())
    assert "submission delivered" in seen and "submission set aside" in seen
    for value in PERSON.values():
        assert value not in seen
    raw = b"".join(p.read_bytes() for p in (tmp_path / "kiosk").glob("outbox.sqlite3*"))
    for value in PERSON.values():
        assert value.encode() not in raw


def test_registration_then_lookup_by_hash(own_platform, tmp_path: Path) -> None:
    from kiosk.platform.identity import id_hash

    service = service_for(own_platform, tmp_path).start()
    number = "11010519900101123x"
    outcome = service.submit("registration", {
        "id_hash": id_hash(number), "intentions": {"districts": ["武侯区"]}},
        {"name": "测试者", "phone": "13800001111"}, wait_s=10)
    found = service.lookup(number)
    slots = service.free_slots()
    service.stop()
    assert outcome.sent and outcome.response["status"] == "registered"
    assert found["registered"] is True
    assert found["registration"]["intentions"] == {"districts": ["武侯区"]}
    assert number.upper() not in json.dumps(found, ensure_ascii=False).upper()
    assert isinstance(slots, list)


def test_submit_in_background_reports_on_a_worker_thread(own_platform, tmp_path: Path) -> None:
    import threading

    service = service_for(own_platform, tmp_path).start()
    got: list = []
    finished = threading.Event()
    key = service.submit_in_background("rating", rating(4), None,
                                       lambda o: (got.append(o), finished.set()))
    counts = service.outbox.counts()                  # stored before the call returned
    assert counts["pending"] + counts["delivered"] == 1
    assert finished.wait(30)
    service.stop()
    assert got[0].key == key and got[0].sent
