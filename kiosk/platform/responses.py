"""Turning an HTTP answer into a result or the matching PlatformError.

The contract: errors are JSON {"error": code, "message": ...}; 401 codes are
bad_signature, replayed_nonce, unknown_device and clock_skew (which carries
"server_time" so the terminal can report how far off its clock is). Whatever
the platform (or something pretending to be it) sends, these functions answer
with a value or a PlatformError, never another exception: a broken answer
must not end the sender or the sync thread.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import math
from typing import Any

import requests

from kiosk.platform.errors import (
    AuthRejected,
    ClockSkew,
    MalformedAnswer,
    Refused,
    ServerFailed,
    Unavailable,
)

log = logging.getLogger(__name__)
MESSAGE_CHARS = 200
OUTAGE = (502, 503, 504)


def decode(resp: requests.Response) -> Any:
    """The JSON body (None when empty); MalformedAnswer when it is not JSON."""
    if not resp.content:
        return None
    try:
        return json.loads(resp.content)
    except (ValueError, RecursionError) as exc:  # bad bytes, bad JSON, absurd nesting
        raise MalformedAnswer(resp.status_code, f"not JSON ({type(exc).__name__})") from None


def error_doc(resp: requests.Response) -> dict[str, Any]:
    """The JSON error body, or a stand-in when the answer is not JSON."""
    try:
        doc = decode(resp)
    except MalformedAnswer:
        doc = None
    if isinstance(doc, dict) and isinstance(doc.get("error"), str):
        return doc
    if isinstance(doc, dict) and isinstance(doc.get("detail"), dict) \
            and isinstance(doc["detail"].get("error"), str):
        return doc["detail"]
    return {"error": f"http_{resp.status_code}",
            "message": resp.content[:MESSAGE_CHARS].decode("utf-8", "replace")}


def to_epoch(value: Any) -> float | None:
    """Server time as unix seconds, whether sent as a number or ISO 8601; None when it
    is neither or not a finite moment."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            seconds = float(value)
        except OverflowError:
            return None
        return seconds if math.isfinite(seconds) else None
    if isinstance(value, str):
        return _text_epoch(value)
    return None


def _text_epoch(value: str) -> float | None:
    try:
        return to_epoch(float(value))
    except ValueError:
        pass
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.timestamp()
    except (ValueError, OverflowError):
        return None


def http_date(value: str | None) -> float | None:
    """An HTTP Date header as unix seconds."""
    try:
        return email.utils.parsedate_to_datetime(value).timestamp() if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def raise_for(resp: requests.Response, sent_at: float) -> None:
    """Raise the PlatformError an unsuccessful answer stands for."""
    code = resp.status_code
    if code < 400:
        return
    if code in OUTAGE:
        raise Unavailable(code)
    if code >= 500:
        raise ServerFailed(f"platform error {code}", code)
    doc = error_doc(resp)
    err, msg = str(doc.get("error")), _text(doc.get("message"))
    if code == 401 and err == "clock_skew":
        server_time = to_epoch(doc.get("server_time"))
        if server_time is None:
            server_time = http_date(resp.headers.get("Date")) or sent_at
        raise ClockSkew(server_time, round(sent_at - server_time, 1), msg)
    if code in (401, 403):
        raise AuthRejected(err, msg)
    if err == f"http_{code}":
        # a refusal must say why in the contract's shape; one that does not was
        # mangled on the way (or came from something that is not the platform):
        # asked again with the same key, the platform repeats its real answer
        raise MalformedAnswer(code, "a refusal without the contract's error body")
    raise Refused(code, err, msg)


def parse(resp: requests.Response, sent_at: float) -> Any:
    """The decoded answer of a successful call, or the PlatformError it stands for."""
    raise_for(resp, sent_at)
    return decode(resp)


def page(answer: Any, status: int = 200) -> dict[str, Any]:
    """A cursor page as the contract shapes it: items, next_cursor (text or null) and
    has_more; MalformedAnswer otherwise. Items that are not objects with a text id
    are left out (and counted in the log)."""
    if not isinstance(answer, dict):
        raise MalformedAnswer(status, "a page is not an object")
    items = answer.get("items", [])
    if not isinstance(items, list):
        raise MalformedAnswer(status, "page items are not a list")
    if not _storable(answer.get("next_cursor") or ""):
        raise MalformedAnswer(status, "next_cursor is not text")
    if not isinstance(answer.get("has_more", False), bool):
        raise MalformedAnswer(status, "has_more is not true or false")
    kept = [i for i in items if _item(i)]
    if len(kept) < len(items):  # nothing to key them by: the rest of the page still counts
        log.warning("page items without an id skipped", extra={"count": len(items) - len(kept)})
    return {**answer, "items": kept}


def _text(value: Any) -> str:
    """A message field as short text (anything else is dropped, not printed)."""
    return value[:MESSAGE_CHARS] if isinstance(value, str) else ""


def _item(item: Any) -> bool:
    """An object with an id that is non-empty text SQLite can store."""
    key = item.get("id") if isinstance(item, dict) else None
    return bool(key) and _storable(key)


def _storable(value: Any) -> bool:
    """Text SQLite can store (JSON can carry a lone surrogate, UTF-8 cannot)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
