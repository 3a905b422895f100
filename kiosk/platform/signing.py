"""Request signing: HMAC-SHA256 over method, path with query, time, nonce and body hash.

Every terminal has its own key; the platform recomputes the signature and
rejects tampering, replays (nonce seen before) and clocks more than five
minutes off. The canonical string is part of the contract (docs/platform.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from kiosk.platform.errors import PlatformError


def canonical(method: str, path_query: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """The exact bytes both sides sign."""
    digest = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{path_query}\n{timestamp}\n{nonce}\n{digest}".encode()


def signature(key: bytes, method: str, path_query: str, timestamp: str, nonce: str,
              body: bytes) -> str:
    """Hex HMAC-SHA256 of the canonical string."""
    msg = canonical(method, path_query, timestamp, nonce, body)
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def sign_headers(device_id: str, key: bytes, method: str, path_query: str, body: bytes,
                 now: float) -> dict[str, str]:
    """Headers for one request; a fresh nonce each time, so retries are not replays."""
    timestamp = str(int(now))
    nonce = secrets.token_hex(16)
    return {
        "X-Device-Id": device_id,
        "X-Timestamp": timestamp,
        "X-Nonce": nonce,
        "X-Signature": signature(key, method, path_query, timestamp, nonce, body),
    }


def load_key(path: str | Path) -> bytes:
    """The terminal's key as stored by enrolment (one line of text)."""
    try:
        text = Path(path).expanduser().read_text().strip()
    except OSError as exc:
        raise PlatformError(f"platform: cannot read key file {path}: {exc.strerror}") from exc
    if not text:
        raise PlatformError(f"platform: key file {path} is empty")
    return text.encode()
