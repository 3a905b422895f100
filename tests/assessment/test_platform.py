"""Keeping the result against the reference platform on 127.0.0.1: sent when it is up,
saved sealed and delivered once when it was down, and a contract that takes scores and
a code, never answers or anything free-form."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.flows.assessment.payload import platform_result
from kiosk.flows.assessment.scoring import score
from kiosk.platform.errors import Refused
from kiosk.platform.identity import id_hash
from kiosk_command.platform_proc import PlatformProcess
from tests.assessment.answers import PROFILE, by_type
from tests.assessment.conftest import answer_all, lay_card, make_flow, wait_ui
from tests.platform.conftest import client_for, real_now_clock, service_for
from tests.registration.conftest import NUMBER
from tests.stores import database


def assessments_at(platform: PlatformProcess) -> list[tuple[str | None, bytes]]:
    with database(platform) as conn:
        return [(r[0], bytes(r[1])) for r in
                conn.execute("SELECT id_hash, data FROM assessments").fetchall()]


def kept_flow(service):
    flow = make_flow(clock=real_now_clock(), service=service)
    flow.session.touch()
    lay_card(flow)
    answer_all(flow, PROFILE)
    return flow


def test_with_the_platform_up_the_result_is_kept(own_platform, tmp_path: Path) -> None:
    service = service_for(own_platform, tmp_path / "kiosk", submit_wait_s=10).start()
    try:
        flow = kept_flow(service)
        got: list[str] = []
        assert flow.save(got.append) is True
        assert flow.save(got.append) is False           # a second tap keeps nothing more
        wait_ui(flow, lambda: bool(got))
        assert got == ["sent"] and flow.save_text() == ("as.save.sent", {"desk": "1"})
        rows = assessments_at(own_platform)
        assert len(rows) == 1 and rows[0][0] is not None
        assert b"SCE" not in rows[0][1]                  # sealed at rest
    finally:
        service.stop()


def test_with_the_platform_down_it_is_saved_sealed_and_delivered_once_later(
        own_platform, tmp_path: Path) -> None:
    data = tmp_path / "kiosk"
    service = service_for(own_platform, data, submit_wait_s=2, retry_min_s=0.2,
                          retry_max_s=0.5).start()
    try:
        own_platform.down()
        flow = kept_flow(service)
        got: list[str] = []
        flow.save(got.append)
        wait_ui(flow, lambda: bool(got))
        assert got == ["queued"] and flow.save_state() == "queued"
        raw = b"".join(p.read_bytes() for p in data.glob("outbox.sqlite3*"))
        for secret in ("SCE", id_hash(NUMBER), NUMBER, '"like"'):
            assert secret.encode() not in raw, secret
        own_platform.up()
        service.sender.wake()
        deadline = time.monotonic() + 30
        while service.outbox.counts()["pending"] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert service.outbox.counts()["pending"] == 0
        service.sender.wake()
        time.sleep(0.3)
        assert len(assessments_at(own_platform)) == 1          # once, never again
    finally:
        service.stop()


def test_nothing_is_sent_unless_the_visitor_asks(own_platform, tmp_path: Path) -> None:
    service = service_for(own_platform, tmp_path / "kiosk").start()
    try:
        flow = kept_flow(service)
        flow.report("zh")
        flow.qr_text("zh")
        flow.session.end("done")
        assert sum(service.outbox.counts().values()) == 0
        assert assessments_at(own_platform) == []
    finally:
        service.stop()


@pytest.mark.parametrize("result", [
    {"marker": "free-form"},
    {"instrument": "x", "code": "SCE", "shape": "clear",
     "scores": {t: {"like": 1, "can": 1} for t in "RIASEC"}, "answers": {"like.r1": 3}},
    {"instrument": "x", "code": "SXE", "shape": "clear",
     "scores": {t: {"like": 1, "can": 1} for t in "RIASEC"}},
    {"instrument": "x", "code": "SCE", "shape": "clear",
     "scores": {t: {"like": 1, "can": 1} for t in "RIASE"}},
])
def test_the_contract_refuses_anything_but_scores_and_a_code(platform, result) -> None:
    client = client_for(platform)
    with pytest.raises(Refused):
        client.post("/assessments", {"kind": "interest", "result": result},
                    idempotency_key="a" * 32, attempts=1)


def test_the_contract_takes_what_the_flow_sends(platform) -> None:
    client = client_for(platform)
    answer = client.post("/assessments", {"kind": "interest", "id_hash": id_hash(NUMBER),
                                          "result": platform_result(score(by_type(PROFILE)))},
                         idempotency_key="b" * 32, attempts=1)
    assert answer["id"]
