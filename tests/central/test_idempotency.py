"""Submissions are processed exactly once per Idempotency-Key."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.stores import count


def rating(score: int = 5) -> dict:
    return {"service": "职业指导", "score": score, "comment": "很好"}


def test_same_key_twice_gives_one_row_and_the_same_answer(api, platform):
    before = count(platform, "ratings")
    key = str(uuid.uuid4())
    first = api.post("/ratings", rating(), idem=key)
    again = api.post("/ratings", rating(), idem=key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("Idempotent-Replay") == "true"
    assert count(platform, "ratings") == before + 1


def test_concurrent_repeats_are_processed_once(api, platform):
    before = count(platform, "ratings")
    key = str(uuid.uuid4())
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: api.post("/ratings", rating(4), idem=key), range(8)))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert count(platform, "ratings") == before + 1


def test_same_key_other_body_is_a_conflict(api):
    key = str(uuid.uuid4())
    assert api.post("/ratings", rating(5), idem=key).status_code == 201
    resp = api.post("/ratings", rating(1), idem=key)
    assert resp.status_code == 409 and resp.json()["error"] == "idempotency_conflict"


def test_key_is_required_on_submissions(api):
    resp = api.post("/ratings", rating())
    assert resp.status_code == 400 and resp.json()["error"] == "missing_idempotency_key"


def test_a_refusal_is_recorded_and_repeated(api):
    key = str(uuid.uuid4())
    doc = {"slot_id": "no-such-slot", "phone": "13800000000"}
    first = api.post("/appointments", doc, idem=key)
    assert first.status_code == 404 and first.json()["error"] == "unknown_slot"
    assert api.post("/appointments", doc, idem=key).json() == first.json()


def test_invalid_body_is_422_with_details(api):
    resp = api.post("/ratings", {"service": "x", "score": 9}, idem=str(uuid.uuid4()))
    assert resp.status_code == 422 and resp.json()["error"] == "invalid"
    assert resp.json()["details"][0]["path"] == "/score"
