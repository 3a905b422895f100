"""Cursor paging over catalog changes in (updated_at, id) order.

A page is assembled from the stored JSON documents as text (no decoding and
re-encoding), which keeps a 100,000-posting initial sync cheap for the server.
The cursor is the (updated_at, id) of the last item sent, base64url-encoded;
it stays valid for ever, so a terminal resumes exactly where it stopped.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3

from central.db import read
from central.errors import ApiError

KINDS = ("jobs", "fairs", "policies", "services")


def encode_cursor(updated_at: str, item_id: str) -> str:
    raw = json.dumps([updated_at, item_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """(updated_at, id) after which to continue; ("", "") for the start."""
    if not cursor:
        return "", ""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stamp, item_id = json.loads(raw)
        if isinstance(stamp, str) and isinstance(item_id, str):
            return stamp, item_id
    except (binascii.Error, ValueError, TypeError):
        pass
    raise ApiError(400, "bad_cursor", "cursor was not made by this platform")


def page(conn: sqlite3.Connection, kind: str, cursor: str, limit: int) -> bytes:
    """One page as JSON bytes: {"items": [...], "next_cursor": ..., "has_more": ...}."""
    stamp, item_id = decode_cursor(cursor)
    with read(conn):
        rows = conn.execute(
            "SELECT id, updated_at, doc FROM feed_items WHERE kind = ? "
            "AND (updated_at, id) > (?, ?) ORDER BY updated_at, id LIMIT ?",
            (kind, stamp, item_id, limit + 1)).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = ",".join(f'{doc[:-1]},"updated_at":"{updated}"}}' for _id, updated, doc in rows)
    next_cursor = encode_cursor(rows[-1][1], rows[-1][0]) if rows else cursor
    tail = json.dumps({"next_cursor": next_cursor, "has_more": more})
    return f'{{"items":[{items}],{tail[1:]}'.encode()
