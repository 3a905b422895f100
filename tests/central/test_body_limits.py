"""Request bodies are limited before they are read, and unsigned ones are not read at all.

The server's memory is read from /proc (VmHWM, its peak since start): a refused request
must not leave it holding what the client sent.
"""

from __future__ import annotations

import base64
import concurrent.futures
import time

from tests.central.raw import memory_kb, stream

HUGE = 800 * 1024 * 1024              # what the client claims
STREAMED = 96 * 1024 * 1024           # at most what it sends before giving up
BOUND_KB = 40 * 1024                  # what a refusal may add to the server's peak memory


def signed_looking(device: str) -> dict[str, str]:
    """The headers of a terminal that exists, with a signature nobody checked yet."""
    return {"X-Device-Id": device, "X-Timestamp": str(int(time.time())),
            "X-Nonce": "ab" * 16, "X-Signature": "0" * 64, "Content-Type": "application/json",
            "Idempotency-Key": "k-1"}


def growth_kb(platform, before: dict[str, int]) -> int:
    return memory_kb(platform.proc.pid)["VmHWM"] - before["VmHWM"]


def test_unsigned_huge_bodies_are_refused_unread(platform):
    before = memory_kb(platform.proc.pid)
    claims = {"Content-Length": str(HUGE), "Content-Type": "application/json"}
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: stream(platform.url, "/api/v1/ratings", claims,
                                                 STREAMED), range(4)))
    grown = growth_kb(platform, before)
    print(f"\n4 unsigned {HUGE >> 20} MB POSTs: peak memory +{grown} kB, "
          f"RSS {memory_kb(platform.proc.pid)['VmRSS']} kB")
    assert all(a is not None for a in answers), "the server read the unsigned bodies"
    assert {(a.status, a.doc["error"]) for a in answers} == {(401, "bad_signature")}
    assert max(a.sent for a in answers) == 0
    assert grown < BOUND_KB


def test_unknown_terminal_is_refused_before_its_body(platform):
    headers = signed_looking("nobody-999") | {"Content-Length": str(HUGE)}
    answer = stream(platform.url, "/api/v1/ratings", headers, STREAMED)
    assert answer is not None and answer.sent == 0
    assert (answer.status, answer.doc["error"]) == (401, "unknown_device")


def test_declared_length_over_the_limit_is_413_unread(platform):
    before = memory_kb(platform.proc.pid)
    headers = signed_looking(platform.device_id) | {"Content-Length": str(HUGE)}
    for path, limit in (("/api/v1/ratings", 256 << 10), ("/api/v1/fleet/screenshots", 8 << 20),
                        ("/api/v1/fleet/commands/K-1/result", 256 << 10)):
        answer = stream(platform.url, path, headers, STREAMED)
        assert answer is not None and answer.sent == 0
        assert (answer.status, answer.doc["error"]) == (413, "body_too_large")
        assert answer.doc["limit_bytes"] == limit
    assert growth_kb(platform, before) < BOUND_KB


def test_chunked_body_is_cut_at_the_limit(platform):
    before = memory_kb(platform.proc.pid)
    headers = signed_looking(platform.device_id) | {"Transfer-Encoding": "chunked"}
    answer = stream(platform.url, "/api/v1/ratings", headers, STREAMED, chunked=True)
    grown = growth_kb(platform, before)
    print(f"\nchunked POST of up to {STREAMED >> 20} MB: cut after {answer and answer.sent} "
          f"bytes sent, peak memory +{grown} kB")
    assert answer is not None, "the server read the whole chunked body"
    assert (answer.status, answer.doc["error"]) == (413, "body_too_large")
    assert answer.sent < 8 * 1024 * 1024     # cut early (what the kernel buffers aside)
    assert grown < BOUND_KB


def test_largest_screenshot_the_contract_allows_is_accepted(api):
    png = base64.b64encode(b"\x89PNG" + b"\0" * 5_999_000).decode()
    assert len(png) <= 8_000_000
    resp = api.post("/fleet/screenshots", {"taken_at": "2026-11-23T10:00:00+08:00",
                                           "png_base64": png}, idem="shot-big-1")
    assert resp.status_code == 201, resp.text


def test_a_body_that_stops_coming_is_408_and_frees_its_place(tmp_path_factory):
    """A client that sends its headers and part of a body, then nothing, is answered
    408 body_timeout once the body time-out passes (0.3 s here, 15 s by default), and
    the two places for large uploads are not held by such clients."""
    from kiosk_command.platform_proc import PlatformProcess
    from tests.central.raw import _answered, _read, connect, head

    with PlatformProcess(tmp_path_factory.mktemp("slow"),
                         extra_args=("--body-timeout", "0.3")) as platform:
        socks = []
        try:
            for path in ("/api/v1/fleet/screenshots",) * 3 + ("/api/v1/ratings",):
                sock = connect(platform.url)
                headers = signed_looking(platform.device_id) | {"Content-Length": "1000"}
                sock.sendall(head("POST", path, headers) + b'{"sco')
                socks.append(sock)
            answers = [_read(s, 5) if _answered(s, 10) else None for s in socks]
        finally:
            for sock in socks:
                sock.close()
    assert all(a is not None for a in answers), "a trickled body held its request open"
    assert {(a.status, a.doc["error"]) for a in answers} == {(408, "body_timeout")}
