"""Checking a terminal's signature, its clock and that the nonce is fresh.

Order of checks: headers present, terminal known, signature right, clock
within the window, nonce unused. A clock rejection is only given to a
correctly signed request and carries the server's time so the terminal can
report its skew; nonces are remembered for twice the window, so a replay
within the window is caught and an older one fails the clock check.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from fastapi import Request

from central.db import read, write
from central.errors import ApiError

MAX_SKEW_S = 300
HEADERS = ("x-device-id", "x-timestamp", "x-nonce", "x-signature")


def canonical(method: str, path_query: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """The bytes both sides sign (see the contract's description)."""
    digest = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{path_query}\n{timestamp}\n{nonce}\n{digest}".encode()


def sign(key: str, method: str, path_query: str, timestamp: str, nonce: str,
         body: bytes) -> str:
    """Hex HMAC-SHA256 keyed with the key's text."""
    msg = canonical(method, path_query, timestamp, nonce, body)
    return hmac.new(key.encode(), msg, hashlib.sha256).hexdigest()


def path_query(request: Request) -> str:
    """Path and query exactly as the terminal sent them."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string", b"")
    return (raw + (b"?" + query if query else b"")).decode("latin-1")


def _unauthorized(code: str, message: str, **extra: object) -> ApiError:
    return ApiError(401, code, message, **extra)


async def signed_device(request: Request) -> str:
    """The terminal behind a correctly signed, fresh request (else 401 with the reason)."""
    if getattr(request.state, "device_id", None):
        return request.state.device_id
    body = await request.body()
    device, stamp, nonce, signature = (request.headers.get(h, "") for h in HEADERS)
    if not (device and stamp and nonce and signature):
        raise _unauthorized("bad_signature", "X-Device-Id, X-Timestamp, X-Nonce and "
                                             "X-Signature are required")
    conn = request.app.state.db
    with read(conn):
        row = conn.execute("SELECT key FROM devices WHERE id = ?", (device,)).fetchone()
    if row is None:
        raise _unauthorized("unknown_device", "this terminal is not enrolled")
    expected = sign(row[0], request.method, path_query(request), stamp, nonce, body)
    if not hmac.compare_digest(expected, signature.lower()):
        raise _unauthorized("bad_signature", "signature does not match")
    _check_clock(request, stamp)
    _use_nonce(request, device, nonce)
    request.state.device_id = device
    request.state.body = body
    return device


def _check_clock(request: Request, stamp: str) -> None:
    now = time.time()
    try:
        sent = int(stamp)
    except ValueError:
        raise _unauthorized("bad_signature", "X-Timestamp is not unix seconds") from None
    limit = getattr(request.app.state, "max_skew_s", MAX_SKEW_S)
    if abs(sent - now) > limit:
        raise _unauthorized("clock_skew", f"terminal clock is more than {limit} s off",
                            server_time=round(now, 3), skew_s=round(sent - now, 1))


def _use_nonce(request: Request, device: str, nonce: str) -> None:
    conn = request.app.state.db
    now = int(time.time())
    keep_s = 2 * getattr(request.app.state, "max_skew_s", MAX_SKEW_S)
    with write(conn):
        seen = conn.execute("SELECT 1 FROM nonces WHERE device_id = ? AND nonce = ?",
                            (device, nonce)).fetchone()
        if seen is None:
            conn.execute("INSERT INTO nonces VALUES(?, ?, ?)", (device, nonce, now))
            if secrets.randbelow(500) == 0:      # now and then, forget expired nonces
                conn.execute("DELETE FROM nonces WHERE seen_at < ?", (now - keep_s,))
    if seen is not None:
        raise _unauthorized("replayed_nonce", "this nonce was used before")
