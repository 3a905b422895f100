"""Crafted input gets a 4xx in the contract's error shape, never a 500; a client that hangs
up half-way through its body costs one short log line at most."""

from __future__ import annotations

import json

import pytest

from tests.central.raw import send_and_vanish


def assert_refused(resp, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    doc = resp.json()
    assert doc["error"] == code and isinstance(doc["message"], str)


def post_raw(api, path: str, body: bytes, content_type: str = "application/json", **bend):
    full = "/api/v1" + path
    headers = api.headers("POST", full, body, **bend)
    headers |= {"Content-Type": content_type, "Idempotency-Key": "raw-" + headers["X-Nonce"]}
    return api.http.post(api.url + full, data=body, headers=headers, timeout=30)


def test_non_ascii_signature_of_a_known_terminal(api):
    headers = api.headers("GET", "/api/v1/jobs", b"")
    headers["X-Signature"] = ("ä" * 64).encode()
    resp = api.http.get(api.url + "/api/v1/jobs", headers=headers, timeout=5)
    assert_refused(resp, 401, "bad_signature")


@pytest.mark.parametrize("header", ["X-Nonce", "X-Timestamp", "X-Device-Id"])
def test_oversized_or_odd_auth_headers(api, header):
    for value in ("9" * 5000, "x\tz" * 10, "1_700_000_000"):
        headers = api.headers("GET", "/api/v1/fairs", b"")
        headers[header] = value
        resp = api.http.get(api.url + "/api/v1/fairs", headers=headers, timeout=5)
        assert resp.status_code == 401, (header, value[:20], resp.text)


def test_short_nonce_is_refused(api):
    assert_refused(api.get("/fairs", nonce="abc"), 401, "bad_signature")


@pytest.mark.parametrize("body", [
    b"[" * 100_000,
    b'{"service": "x", "score": 3, "comment": ' + b'{"a":' * 20_000 + b"1" + b"}" * 20_000
    + b"}",
    json.dumps({"app_version": "1", "status": {"s": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]
                                                      ]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}).encode(),
])
def test_deeply_nested_json(api, body):
    path = "/devices/heartbeat" if body.startswith(b'{"app_version"') else "/ratings"
    assert_refused(post_raw(api, path, body), 400, "bad_json")


@pytest.mark.parametrize("body", [
    b'{"service": "x", "score": 1' + b"0" * 5000 + b"}",
    b'{"app_version": "1", "status": {}, "kiosk_time": 1' + b"0" * 5000 + b"}",
    b'{"app_version": "1", "status": {}, "kiosk_time": 1e999}',
    b'{"app_version": "1", "status": {}, "kiosk_time": NaN}',
    b'{"app_version": "1", "status": {"n": -Infinity}}',
])
def test_numbers_out_of_range(api, body):
    path = "/devices/heartbeat" if b"app_version" in body else "/ratings"
    assert_refused(post_raw(api, path, body), 400, "bad_json")


@pytest.mark.parametrize("text", ["\\ud800", "\\udfff x", "a\\udbff"])
def test_lone_surrogates_are_not_text(api, text):
    for path, body in (("/ratings", f'{{"service": "{text}", "score": 3}}'),
                       ("/ratings", f'{{"service": "x", "score": 3, "comment": "{text}"}}'),
                       ("/devices/heartbeat", f'{{"app_version": "1", "status": '
                                              f'{{"{text}": 1}}}}')):
        assert_refused(post_raw(api, path, body.encode()), 400, "bad_json")


def test_surrogate_pair_is_one_character(api):
    body = b'{"service": "\\ud83d\\ude00", "score": 3}'
    assert post_raw(api, "/ratings", body).status_code == 201


@pytest.mark.parametrize("query", [
    "from=9999-12-31", "to=9999-12-31", "from=0001-01-01", "to=0001-01-01",
    "from=0001-01-01T00:00:00%2B09:00", "from=9999-12-31T23:59:59-05:00",
    "from=9999-12-31T23:59:59.999999%2B14:00&to=9999-12-31", "from=2026-13-01",
    "from=%FF%FE", "service_id=%00", "from=2026-11-23&to=0001-01-01",
])
def test_extreme_slot_windows(api, query):
    resp = api.get("/guidance/slots?" + query)
    assert resp.status_code in (200, 400), resp.text
    assert resp.status_code == 200 or resp.json()["error"] == "bad_query"


def test_far_dates_are_refused_with_bad_query(api):
    assert_refused(api.get("/guidance/slots?from=9999-12-31"), 400, "bad_query")


@pytest.mark.parametrize("query", ["limit=1" + "0" * 5000, "limit=-99999999999999999999",
                                   "limit=1e3", "cursor=%FF", "cursor=" + "W1s" * 60])
def test_extreme_page_queries(api, query):
    resp = api.get("/jobs?" + query)
    assert resp.status_code == 400, resp.text
    assert resp.json()["error"] in ("bad_query", "bad_cursor")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_json_routes_refuse_other_content_types(api, content_type):
    body = json.dumps({"service": "综合窗口", "score": 4}).encode()
    assert_refused(post_raw(api, "/ratings", body, content_type), 415,
                   "unsupported_media_type")


def test_json_with_charset_is_json(api):
    body = json.dumps({"service": "综合窗口", "score": 4}).encode()
    resp = post_raw(api, "/ratings", body, "application/json; charset=utf-8")
    assert resp.status_code == 201, resp.text


def test_clients_that_hang_up_mid_body_are_not_a_log_flood(api, platform):
    log = platform.log_path
    start = log.stat().st_size
    body = json.dumps({"service": "综合窗口", "score": 4}).encode()
    for _ in range(20):
        headers = api.headers("POST", "/api/v1/ratings", body)
        headers |= {"Content-Type": "application/json", "Idempotency-Key": headers["X-Nonce"],
                    "Content-Length": str(len(body) + 1000)}
        send_and_vanish(api.url, "/api/v1/ratings", headers, body[:10])
    assert api.get("/fairs?limit=1").status_code == 200     # the server is still serving
    grown = log.read_bytes()[start:]
    assert b"Traceback" not in grown
    assert len(grown) < 20 * 200, grown[:2000]
