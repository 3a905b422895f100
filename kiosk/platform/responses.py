"""Turning an HTTP answer into a result or the matching PlatformError.

The contract: errors are JSON {"error": code, "message": ...}; 401 codes are
bad_signature, replayed_nonce, unknown_device and clock_skew (which carries
"server_time" so the terminal can report how far off its clock is).
"""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

import requests

from kiosk.platform.errors import AuthRejected, ClockSkew, Refused, ServerFailed


def error_doc(resp: requests.Response) -> dict[str, Any]:
    """The JSON error body, or a stand-in when the answer is not JSON."""
    try:
        doc = resp.json()
    except ValueError:
        doc = None
    if isinstance(doc, dict) and isinstance(doc.get("error"), str):
        return doc
    if isinstance(doc, dict) and isinstance(doc.get("detail"), dict):
        return doc["detail"]
    return {"error": f"http_{resp.status_code}", "message": resp.text[:200]}


def to_epoch(value: Any) -> float | None:
    """Server time as unix seconds, whether sent as a number or ISO 8601."""
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.timestamp()
    return None


def http_date(value: str | None) -> float | None:
    """An HTTP Date header as unix seconds."""
    try:
        return email.utils.parsedate_to_datetime(value).timestamp() if value else None
    except (TypeError, ValueError):
        return None


def raise_for(resp: requests.Response, sent_at: float) -> None:
    """Raise the PlatformError an unsuccessful answer stands for."""
    code = resp.status_code
    if code < 400:
        return
    if code >= 500:
        raise ServerFailed(f"platform error {code}")
    doc = error_doc(resp)
    err, msg = str(doc.get("error")), str(doc.get("message", ""))
    if code == 401 and err == "clock_skew":
        server_time = to_epoch(doc.get("server_time"))
        if server_time is None:
            server_time = http_date(resp.headers.get("Date")) or sent_at
        raise ClockSkew(server_time, round(sent_at - server_time, 1), msg)
    if code in (401, 403):
        raise AuthRejected(err, msg)
    raise Refused(code, err, msg)
