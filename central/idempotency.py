"""Exactly-once submissions: (terminal, Idempotency-Key) -> the first answer.

The submission's rows and its stored answer commit in one transaction, so a
kill at any point leaves either both or neither; a repeat is answered from
the record without running the handler again. A refusal (4xx) is recorded
too, so a repeat gets the same refusal rather than a different outcome.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from central.db import iso, lock, utc_now, write
from central.errors import ApiError

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,128}$")
Handler = Callable[[sqlite3.Connection], tuple[int, dict[str, Any]]]


def _json(status: int, body: str, replay: bool) -> Response:
    headers = {"Idempotent-Replay": "true"} if replay else {}
    return Response(body, status_code=status, media_type="application/json",
                    headers=headers)


def submit(request: Request, handler: Handler) -> Response:
    """Run handler once per idempotency key; repeats get the recorded answer."""
    key = request.headers.get("idempotency-key", "")
    if not KEY_PATTERN.match(key):
        raise ApiError(400, "missing_idempotency_key",
                       "Idempotency-Key (1-128 visible ASCII characters) is required")
    device = request.state.device_id
    body = getattr(request.state, "body", b"")
    digest = hashlib.sha256(request.url.path.encode() + b"\n" + body).hexdigest()
    conn = request.app.state.db
    with write(conn):
        lock(conn, f"idempotency\n{device}\n{key}")   # a repeat racing on another process
        row = conn.execute("SELECT request_sha256, status, response FROM idempotency "
                           "WHERE device_id = ? AND key = ?", (device, key)).fetchone()
        if row is not None:
            if row[0] != digest:
                raise ApiError(409, "idempotency_conflict",
                               "this Idempotency-Key was used for a different request")
            return _json(row[1], row[2], replay=True)
        status, answer = _run(conn, handler)
        text = json.dumps(answer, ensure_ascii=False)
        conn.execute("INSERT INTO idempotency VALUES(?, ?, ?, ?, ?, ?)",
                     (device, key, digest, status, text, iso(utc_now())))
    return _json(status, text, replay=False)


def _run(conn: sqlite3.Connection, handler: Handler) -> tuple[int, dict[str, Any]]:
    """The handler's answer; a refusal undoes its partial writes but is still recorded."""
    conn.execute("SAVEPOINT submission")
    try:
        result = handler(conn)
    except ApiError as exc:
        conn.execute("ROLLBACK TO submission")
        conn.execute("RELEASE submission")
        return exc.status, exc.body
    conn.execute("RELEASE submission")
    return result
