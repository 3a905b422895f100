"""The technician's way out of the kiosk app: a PIN whose SHA-256 is configured."""

from __future__ import annotations

import hashlib
import hmac


def pin_matches(pin: str, sha256_hex: str) -> bool:
    """Whether pin is the technician PIN (compared in constant time)."""
    digest = hashlib.sha256(pin.encode()).hexdigest()
    return hmac.compare_digest(digest, sha256_hex.lower())
