"""The platform's calendar collection and policy questions, over signed HTTP:
documented answers, 4xx in the contract's error shape, never a 500; and the
staff command that answers a question."""

from __future__ import annotations

import secrets

import pytest

from kiosk_command.platform_proc import PlatformProcess
from tests.central.signed import SignedApi
from tests.conftest import run_kiosk


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


@pytest.fixture
def api(platform: PlatformProcess) -> SignedApi:
    return SignedApi(platform.url, platform.device_id, platform.key_file.read_text().strip())


def number() -> str:
    return f"ZX20260403-{secrets.randbelow(900000) + 100000}"


def question(**extra: object) -> dict[str, object]:
    return {"tracking_number": number(), "question": "灵活就业人员社保补贴怎么申请？",
            "policy_id": "P0003", "asked_at": "2026-04-03T16:20:00+08:00", "lang": "zh",
            "phone": "13800138000", **extra}


def is_error(response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    doc = response.json()
    assert set(doc) >= {"error", "message"}
    if code:
        assert doc["error"] == code


def test_the_calendar_syncs_like_the_other_collections(api: SignedApi) -> None:
    page = api.get("/calendar").json()
    years = {item["year"]: item for item in page["items"]}
    assert {2026, 2027} <= set(years)
    assert "2026-04-06" in years[2026]["holidays"]
    assert "2026-09-20" in years[2026]["workdays"]
    assert years[2027]["provisional"] is True
    again = api.get(f"/calendar?cursor={page['next_cursor']}").json()
    assert again["items"] == [] and again["has_more"] is False


def test_policies_carry_their_plain_summary(api: SignedApi) -> None:
    items = api.get("/policies").json()["items"]
    assert len(items) == 24
    for item in items:
        assert item["topic"] in {"employment", "business", "training", "insurance", "groups",
                                 "rights"}
        assert all(item[k] for k in ("audience", "benefit", "materials", "apply_at"))
    by_id = {i["id"]: i for i in items}
    assert by_id["P0009"]["replaced_by"] == "P0024"
    assert by_id["P0024"]["valid_from"] > by_id["P0009"]["valid_until"]


def test_a_question_is_due_one_working_day_later_and_recorded_once(api: SignedApi) -> None:
    doc = question()
    first = api.post("/policy-questions", doc, idem="q-once-1")
    assert first.status_code == 201, first.text
    ack = first.json()
    assert ack["status"] == "received" and ack["answer_by"] == "2026-04-07"  # over Qingming
    again = api.post("/policy-questions", doc, idem="q-once-1")
    assert again.status_code == 201 and again.headers.get("Idempotent-Replay") == "true"
    assert again.json() == ack
    other = api.post("/policy-questions", doc, idem="q-once-2")      # same number, new key
    is_error(other, 409, "tracking_taken")


def test_the_answer_is_read_with_number_and_phone_only(api: SignedApi, platform) -> None:
    doc = question()
    assert api.post("/policy-questions", doc, idem=secrets.token_hex(8)).status_code == 201
    ask = {"tracking_number": doc["tracking_number"], "secret": "138 0013 8000"}
    seen = api.post("/policy-questions/status", ask)
    assert seen.status_code == 200 and seen.json()["status"] == "received"
    assert seen.json()["answer"] is None
    is_error(api.post("/policy-questions/status", {**ask, "secret": "13900139000"}), 404,
             "not_found")
    is_error(api.post("/policy-questions/status", {**ask, "tracking_number": number()}), 404,
             "not_found")
    listed = run_kiosk("central", "questions", "list", "--db", str(platform.store))
    assert doc["tracking_number"] in listed.stdout and "138****8000" in listed.stdout
    assert "13800138000" not in listed.stdout
    done = run_kiosk("central", "questions", "answer", "--db", str(platform.store),
                     str(doc["tracking_number"]), "可以，带身份证到社区窗口办理。")
    assert done.returncode == 0, done.stderr
    answered = api.post("/policy-questions/status", ask).json()
    assert answered["status"] == "answered" and answered["answer"].startswith("可以")
    missing = run_kiosk("central", "questions", "answer", "--db", str(platform.store),
                        "ZX20260403-000000", "x")
    assert missing.returncode == 2 and "no policy question" in missing.stderr


def test_without_a_phone_the_slip_code_reads_it(api: SignedApi) -> None:
    doc = question(code="482913")
    del doc["phone"]
    assert api.post("/policy-questions", doc, idem=secrets.token_hex(8)).status_code == 201
    seen = api.post("/policy-questions/status",
                    {"tracking_number": doc["tracking_number"], "secret": "482913"})
    assert seen.status_code == 200


@pytest.mark.parametrize("bad", [
    {"question": ""}, {"question": "x" * 501}, {"tracking_number": "TS1"},
    {"asked_at": "yesterday"}, {"lang": "fr"}, {"phone": "abc"}, {"code": "12"},
    {"unknown": 1},
])
def test_bad_questions_are_refused_in_the_error_shape(api: SignedApi, bad) -> None:
    is_error(api.post("/policy-questions", question(**bad), idem=secrets.token_hex(8)), 422)


def test_a_question_needs_a_phone_or_a_code(api: SignedApi) -> None:
    doc = question()
    del doc["phone"]
    is_error(api.post("/policy-questions", doc, idem=secrets.token_hex(8)), 422)


def test_other_refusals(api: SignedApi) -> None:
    is_error(api.post("/policy-questions", question()), 400, "missing_idempotency_key")
    is_error(api.post("/policy-questions/status", {"tracking_number": "x"}), 422)
    is_error(api.get("/calendar?cursor=nonsense"), 400, "bad_cursor")
    is_error(api.get("/calendar?limit=0"), 400)


def test_a_database_seeded_before_the_calendar_gets_it_once(tmp_path) -> None:
    from central.db import connect, set_meta, write
    from central.demo.seed import DEMO_VERSION, seed_calendar, seed_demo
    from tests.stores import new_target

    conn = connect(new_target(tmp_path))
    with write(conn):
        set_meta(conn, "demo_data", DEMO_VERSION)    # demo data of before the calendar
    assert seed_demo(conn) is False
    years = conn.execute("SELECT count(*) FROM feed_items WHERE kind = 'calendar'").fetchone()
    assert years[0] == 2
    assert seed_calendar(conn) is False
