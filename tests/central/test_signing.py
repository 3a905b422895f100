"""Signed requests: accepted when right, each kind of wrong refused with its own code."""

from __future__ import annotations

import time


def test_health_is_unsigned(api):
    resp = api.http.get(api.url + "/api/v1/health", timeout=5)
    assert resp.status_code == 200 and resp.json()["status"] == "ok"


def test_good_signature_accepted_with_query_string(api):
    resp = api.get("/jobs?cursor=&limit=3")
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["items"]) == 3


def test_tampered_body_is_bad_signature(api):
    body = b'{"app_version":"1","status":{}}'
    headers = api.headers("POST", "/api/v1/devices/heartbeat", body)
    headers["Content-Type"] = "application/json"
    resp = api.http.post(api.url + "/api/v1/devices/heartbeat", headers=headers,
                         data=body.replace(b'"1"', b'"2"'), timeout=5)
    assert resp.status_code == 401 and resp.json()["error"] == "bad_signature"


def test_tampered_query_and_wrong_key_are_bad_signature(api):
    headers = api.headers("GET", "/api/v1/jobs?limit=3", b"")
    resp = api.http.get(api.url + "/api/v1/jobs?limit=4", headers=headers, timeout=5)
    assert resp.json()["error"] == "bad_signature"
    resp = api.get("/jobs", key="0" * 64)
    assert resp.status_code == 401 and resp.json()["error"] == "bad_signature"


def test_missing_headers_are_bad_signature(api):
    resp = api.http.get(api.url + "/api/v1/jobs", timeout=5)
    assert resp.status_code == 401 and resp.json()["error"] == "bad_signature"


def test_unknown_device(api):
    api.device = "nobody-999"
    resp = api.get("/jobs")
    assert resp.status_code == 401 and resp.json()["error"] == "unknown_device"


def test_replayed_nonce(api):
    assert api.get("/fairs", nonce="ab" * 16).status_code == 200
    resp = api.get("/fairs", nonce="ab" * 16)
    assert resp.status_code == 401 and resp.json()["error"] == "replayed_nonce"


def test_clock_skew_carries_server_time(api):
    for offset in (-301 - 5, 400, 86400 * 200):
        before = time.time()
        resp = api.get("/policies", ts=before + offset)
        doc = resp.json()
        assert resp.status_code == 401 and doc["error"] == "clock_skew"
        assert before - 1 <= doc["server_time"] <= time.time() + 1
        assert abs(doc["skew_s"] - offset) < 5
    assert api.get("/policies", ts=time.time() - 250).status_code == 200


def test_signature_is_checked_before_the_clock(api):
    resp = api.get("/policies", ts=time.time() + 1000, key="1" * 64)
    assert resp.json()["error"] == "bad_signature"
