"""Signing: the same bytes as the platform's check, and every 401 mapped to its error."""

from __future__ import annotations

import json

import pytest
import requests

from central.auth import sign as server_sign
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import AuthRejected, ClockSkew, Refused, Unreachable
from kiosk.platform.responses import raise_for
from kiosk.platform.signing import sign_headers, signature
from kiosk_command.platform_proc import free_port
from tests.platform.conftest import client_for, real_now_clock


@pytest.mark.parametrize("method,path,body", [
    ("GET", "/api/v1/jobs?cursor=&limit=500", b""),
    ("POST", "/api/v1/ratings", json.dumps({"comment": "很好"}, ensure_ascii=False).encode()),
])
def test_signature_matches_the_platform(method: str, path: str, body: bytes) -> None:
    key = "ab" * 32
    assert signature(key.encode(), method, path, "1795000000", "n1", body) == \
        server_sign(key, method, path, "1795000000", "n1", body)


def test_signed_calls_go_through_and_report_ok(platform) -> None:
    client = client_for(platform)
    page = client.get("/jobs", {"cursor": "", "limit": 3})
    assert len(page["items"]) == 3 and page["has_more"] is True
    assert client.status.snapshot()["reachable"] is True


def test_unknown_terminal(platform) -> None:
    client = PlatformClient(platform.url, "nobody", b"00" * 32, clock=real_now_clock())
    with pytest.raises(AuthRejected) as err:
        client.get("/jobs")
    assert err.value.code == "unknown_device"
    assert client.status.snapshot()["auth_problem"] == "unknown_device"


def test_wrong_key_is_a_bad_signature(platform) -> None:
    client = PlatformClient(platform.url, platform.device_id, b"11" * 32,
                            clock=real_now_clock())
    with pytest.raises(AuthRejected) as err:
        client.get("/fairs")
    assert err.value.code == "bad_signature" and not isinstance(err.value, ClockSkew)


def test_clock_skew_is_reported_with_the_servers_time(platform) -> None:
    client = client_for(platform, real_now_clock(offset_s=600))
    with pytest.raises(ClockSkew) as err:
        client.get("/policies")
    assert 590 <= err.value.skew_s <= 610
    snap = client.status.snapshot()
    assert snap["auth_problem"] == "clock_skew" and 590 <= snap["clock_skew_s"] <= 610
    assert abs(snap["server_time"] - (real_now_clock().now().timestamp())) < 30


def test_a_replayed_request_is_refused(platform) -> None:
    path = "/api/v1/fairs"
    now = real_now_clock().now().timestamp()
    from kiosk.platform.signing import load_key

    headers = sign_headers(platform.device_id, load_key(platform.key_file), "GET", path, b"",
                           now)
    assert requests.get(platform.url + path, headers=headers, timeout=5).status_code == 200
    again = requests.get(platform.url + path, headers=headers, timeout=5)
    with pytest.raises(AuthRejected) as err:
        raise_for(again, now)
    assert err.value.code == "replayed_nonce"


def test_tampered_body_is_a_bad_signature(platform) -> None:
    from kiosk.platform.signing import load_key

    path = "/api/v1/ratings"
    body = b'{"service": "kiosk", "score": 5}'
    now = real_now_clock().now().timestamp()
    headers = sign_headers(platform.device_id, load_key(platform.key_file), "POST", path, body,
                           now)
    headers |= {"Idempotency-Key": "t1", "Content-Type": "application/json"}
    resp = requests.post(platform.url + path, data=body.replace(b"5", b"1"), headers=headers,
                         timeout=5)
    with pytest.raises(AuthRejected) as err:
        raise_for(resp, now)
    assert err.value.code == "bad_signature"


def test_invalid_submission_is_refused_with_its_reason(platform) -> None:
    with pytest.raises(Refused) as err:
        client_for(platform).post("/ratings", {"score": 9}, idempotency_key="bad-1")
    assert err.value.status == 422 and err.value.code == "invalid"


def test_nobody_listening_is_unreachable() -> None:
    slept: list[float] = []
    client = PlatformClient(f"http://127.0.0.1:{free_port()}", "x", b"k",
                            clock=real_now_clock(), attempts=3, sleep=slept.append)
    with pytest.raises(Unreachable):
        client.get("/jobs")
    assert slept == [0.25, 0.5]            # GET: retried with back-off
    with pytest.raises(Unreachable):
        client.post("/ratings", {})        # POST without a key: never repeated
    assert slept == [0.25, 0.5]
    assert client.status.snapshot()["reachable"] is False


def test_a_refusal_mangled_on_the_way_is_asked_again_not_set_aside() -> None:
    """A 4xx whose body is not the contract's error shape (a proxy cut it, or something
    that is not the platform answered) says no reason: it is an unreadable answer, so
    the outbox asks again with the same key and learns the platform's real refusal."""
    import requests

    from kiosk.platform.errors import MalformedAnswer, Refused

    def answer(status: int, body: bytes) -> requests.Response:
        resp = requests.Response()
        resp.status_code, resp._content = status, body
        return resp

    with pytest.raises(MalformedAnswer):
        raise_for(answer(409, b'{"err\x00'), 0.0)
    with pytest.raises(Refused) as refused:
        raise_for(answer(409, b'{"error": "slot_taken", "message": "gone"}'), 0.0)
    assert refused.value.code == "slot_taken"
