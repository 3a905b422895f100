"""The platform's complaints and ratings over signed HTTP, and the staff functions
and commands on top of them: the terminal's number kept (a taken one replaced),
the due date five working days on, anonymous ones handled but never looked up,
received → in progress → answered → closed with a history, overdue said, lookups
throttled with a clear 429, ratings aggregated per service, terminal and day."""

from __future__ import annotations

import datetime as dt
import json
import secrets

import pytest

from central import complaints
from central.db import connect, secret_box
from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.conftest import run_kiosk
from tests.stores import stored_bytes

PHONE = "13800138000"


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


@pytest.fixture
def api(platform: PlatformProcess) -> SignedApi:
    return SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())


def key() -> str:
    return secrets.token_hex(8)


def number(day: str = "20260306") -> str:
    return f"TS{day}-{secrets.randbelow(900000) + 100000}"


def complaint(**extra: object) -> dict[str, object]:
    return {"category": "complaint", "text": "等候时间太长\n三号窗口排队一个小时", "phone": PHONE,
            "tracking_number": number(), "filed_at": "2026-03-06T16:20:00+08:00",
            "about": "desk", "about_ref": "3", "reasons": ["waiting"], "lang": "zh", **extra}


def test_a_complaint_keeps_the_terminals_number_and_is_due_five_working_days_on(
        api: SignedApi, platform: PlatformProcess) -> None:
    doc = complaint()
    filed = api.post("/complaints", doc, idem=(k := key()))
    assert filed.status_code == 201, filed.text
    ack = filed.json()
    assert ack["tracking_number"] == doc["tracking_number"]
    assert ack["due_by"] == "2026-03-13"            # Friday → Friday, the weekend skipped
    assert ack["status"] == "received" and ack["department"] == complaints.DEFAULT_DEPARTMENT
    again = api.post("/complaints", doc, idem=k)    # the outbox retrying: recorded once
    assert again.json()["tracking_number"] == doc["tracking_number"]
    conn = connect(platform.store)
    assert conn.execute("SELECT count(*) FROM complaints WHERE tracking_number = ?",
                        (doc["tracking_number"],)).fetchone()[0] == 1
    taken = api.post("/complaints", {**complaint(), "tracking_number": doc["tracking_number"]},
                     idem=key()).json()
    assert taken["tracking_number"] != doc["tracking_number"]
    assert taken["tracking_number"].startswith("TS20260306-")
    raw = stored_bytes(platform)
    assert PHONE.encode() not in raw and "三号窗口排队".encode() not in raw


def test_staff_move_it_along_and_the_visitor_reads_each_step(
        api: SignedApi, platform: PlatformProcess) -> None:
    doc = complaint()
    api.post("/complaints", doc, idem=key())
    n = doc["tracking_number"]
    conn = connect(platform.store)
    box = secret_box(conn, platform.store, platform.secret_path if platform.server else None)
    queued = {c.tracking_number: c for c in complaints.queue(conn, box)}
    assert queued[n].text.startswith("等候时间太长") and queued[n].phone == PHONE
    assert queued[n].overdue                     # March 2026 is long past on a real clock
    seen = api.post("/complaints/status", {"tracking_number": n, "phone": PHONE}).json()
    assert seen["overdue"] is True and seen["status"] == "received"
    assert complaints.take(conn, n, "窗口服务科") == "received"
    answer = run_kiosk("central", "complaint", "reply", "--db", str(platform.store), n,
                       "已增开窗口。")
    assert answer.returncode == 0 and "received" not in answer.stdout
    seen = api.post("/complaints/status", {"tracking_number": n, "phone": PHONE}).json()
    assert seen["status"] == "answered" and seen["reply"] == "已增开窗口。"
    assert seen["department"] == "窗口服务科" and seen["overdue"] is False
    assert [h["status"] for h in seen["history"]] == ["received", "in_progress", "answered"]
    with pytest.raises(complaints.ComplaintError):
        complaints.take(conn, n, "")
    assert complaints.close(conn, n) == "answered"
    with pytest.raises(complaints.ComplaintError):
        complaints.close(conn, n)
    other = complaint()                          # one still open, whichever tests ran before
    api.post("/complaints", other, idem=key())
    listing = run_kiosk("central", "complaint", "list", "--db", str(platform.store))
    assert listing.returncode == 0 and n not in listing.stdout      # closed ones leave
    assert other["tracking_number"] in listing.stdout
    assert "138****8000" in listing.stdout and PHONE not in listing.stdout
    shown = run_kiosk("central", "complaint", "show", "--db", str(platform.store), n)
    assert "closed" in shown.stdout and "窗口服务科" in shown.stdout
    missing = run_kiosk("central", "complaint", "close", "--db", str(platform.store),
                        "TS20260306-000000")
    assert missing.returncode == 2 and "no complaint" in missing.stderr


def test_an_anonymous_suggestion_is_handled_but_never_looked_up(api: SignedApi) -> None:
    doc = complaint(category="suggestion", about="terminal")
    doc.pop("phone")
    ack = api.post("/complaints", doc, idem=key()).json()
    assert ack["department"] == "信息中心"
    for phone in (PHONE, "0"):
        wrong = api.post("/complaints/status", {"tracking_number": ack["tracking_number"],
                                                "phone": phone + "0000"})
        assert wrong.status_code == 404


def test_lookups_are_throttled_per_terminal_and_per_number(api: SignedApi) -> None:
    doc = complaint()
    api.post("/complaints", doc, idem=key())
    answers = [api.post("/complaints/status", {"tracking_number": doc["tracking_number"],
                                               "phone": f"1390000{n:04d}"}) for n in range(8)]
    codes = [a.status_code for a in answers]
    limit = complaints.Throttle(None).per_number
    assert codes[:limit] == [404] * limit
    assert codes[-1] == 429
    assert answers[-1].json()["error"] == "too_many_lookups"
    assert int(answers[-1].headers["Retry-After"]) >= 1


def test_the_throttle_windows_slide_on_their_clock(tmp_path) -> None:
    now = [1e9]
    t = complaints.Throttle(connect(tmp_path / "c.sqlite3"), per_terminal=3, per_number=2,
                            window_s=60, clock=lambda: now[0])
    assert [t.wait_s("k1", "A") for _ in range(3)][:2] == [0, 0]
    assert t.wait_s("k1", "A") > 0               # the number's window is full
    assert t.wait_s("k1", "B") == 0              # the terminal's third
    assert t.wait_s("k1", "C") > 0               # the terminal's window is full
    now[0] += 61
    assert t.wait_s("k1", "A") == 0


def test_ratings_are_aggregated_per_service_terminal_and_day(
        api: SignedApi, platform: PlatformProcess) -> None:
    for score, reasons in ((5, None), (2, ["attitude", "speed"]), (1, ["attitude"])):
        body = {"service": "jobs_print", "score": score, "ref": "J0001", "lang": "zh"}
        if reasons:
            body["reasons"] = reasons
        assert api.post("/ratings", body, idem=key()).status_code == 201
    api.post("/ratings", {"service": "desk", "score": 4, "desk": "3", "ref": "guidance"},
             idem=key())
    bad = api.post("/ratings", {"service": "desk", "score": 4, "reasons": ["rude"]}, idem=key())
    assert bad.status_code == 422
    conn = connect(platform.store)
    per = {row["service"]: row for row in complaints.rating_summary(conn, "service")}
    assert per["jobs_print"]["count"] == 3 and per["jobs_print"]["mean"] == 2.67
    assert per["jobs_print"]["reasons"] == {"attitude": 2, "speed": 1}
    assert per["jobs_print"]["scores"]["1"] == 1
    terminals = complaints.rating_summary(conn, "terminal")
    assert [t["terminal"] for t in terminals] == [platform.device_id]
    days = complaints.rating_summary(conn, "day")
    assert days[-1]["day"] == dt.datetime.now(dt.UTC).date().isoformat()
    shown = run_kiosk("central", "ratings", "--db", str(platform.store), "--json")
    assert shown.returncode == 0
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert {r["service"] for r in rows} >= {"jobs_print", "desk"}
