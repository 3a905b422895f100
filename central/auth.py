"""Checking a terminal's signature, its clock and that the nonce is fresh.

Order of checks: headers present and in their forms, terminal known (these two
before the body is read), signature right, clock within the window, nonce
unused. A clock rejection is only given to a correctly signed request and
carries the server's time so the terminal can report its skew; nonces are
remembered for twice the window, so a replay within the window is caught and
an older one fails the clock check.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass

from fastapi import Request

from central.db import read, write
from central.errors import ApiError
from central.secretbox import SecretBox

MAX_SKEW_S = 300
HEADERS = ("x-device-id", "x-timestamp", "x-nonce", "x-signature")
# The forms the contract gives the four headers; fullmatch, so no trailing newline slips in.
FORMS = (re.compile(r"[\x21-\x7e]{1,64}"), re.compile(r"[0-9]{1,12}"),
         re.compile(r"[\x21-\x7e]{16,128}"), re.compile(r"[0-9a-fA-F]{64}"))


@dataclass(frozen=True)
class Claim:
    """What a request's headers say about who sent it, in the forms the contract allows."""

    device: str
    stamp: str
    nonce: str
    signature: str


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


def claim_of(headers: Mapping[str, str]) -> Claim:
    """The signing headers, each in its form (else 401 bad_signature): checked before a
    body is read, so a stranger's request costs no more than its headers."""
    values = [headers.get(name, "") for name in HEADERS]
    if not all(values):
        raise _unauthorized("bad_signature", "X-Device-Id, X-Timestamp, X-Nonce and "
                                             "X-Signature are required")
    for name, form, value in zip(HEADERS, FORMS, values, strict=True):
        if not form.fullmatch(value):
            raise _unauthorized("bad_signature", f"{name} is not in its form (see the "
                                                 "contract)")
    return Claim(*values)


def device_key(conn: sqlite3.Connection, box: SecretBox, device: str) -> str:
    """The signing key of an enrolled terminal (401 unknown_device otherwise)."""
    with read(conn):
        row = conn.execute("SELECT key FROM devices WHERE id = ?", (device,)).fetchone()
    if row is None:
        raise _unauthorized("unknown_device", "this terminal is not enrolled")
    return box.open_text(row[0])


async def signed_device(request: Request) -> str:
    """The terminal behind a correctly signed, fresh request (else 401 with the reason).

    The guard (central/guard.py) has already checked the claim and found the key before
    reading the body; here the body is known and the signature, clock and nonce are checked.
    """
    if getattr(request.state, "device_id", None):
        return request.state.device_id
    claim = claim_of(request.headers)
    key = getattr(request.state, "device_key", None) or device_key(
        request.app.state.db, request.app.state.box, claim.device)
    body = await request.body()
    expected = sign(key, request.method, path_query(request), claim.stamp, claim.nonce, body)
    if not hmac.compare_digest(expected, claim.signature.lower()):
        raise _unauthorized("bad_signature", "signature does not match")
    _check_clock(request, claim.stamp)
    _use_nonce(request, claim.device, claim.nonce)
    request.state.device_id = claim.device
    request.state.body = body
    return claim.device


def _check_clock(request: Request, stamp: str) -> None:
    now = time.time()
    sent = int(stamp)                    # its form is 1-12 digits (claim_of)
    limit = getattr(request.app.state, "max_skew_s", MAX_SKEW_S)
    if abs(sent - now) > limit:
        raise _unauthorized("clock_skew", f"terminal clock is more than {limit} s off",
                            server_time=round(now, 3), skew_s=round(sent - now, 1))


def _use_nonce(request: Request, device: str, nonce: str) -> None:
    conn = request.app.state.db
    now = int(time.time())
    keep_s = 2 * getattr(request.app.state, "max_skew_s", MAX_SKEW_S)
    with write(conn):
        # one statement decides, so two server processes cannot both take the nonce
        fresh = conn.execute("INSERT INTO nonces VALUES(?, ?, ?) ON CONFLICT DO NOTHING",
                             (device, nonce, now)).rowcount == 1
        if fresh and secrets.randbelow(500) == 0:      # now and then, forget expired nonces
            conn.execute("DELETE FROM nonces WHERE seen_at < ?", (now - keep_s,))
    if not fresh:
        raise _unauthorized("replayed_nonce", "this nonce was used before")
