"""The platform's key for a visitor, kept apart so flows can use it without the HTTP stack."""

from __future__ import annotations

import hashlib


def id_hash(id_number: str) -> str:
    """The platform's visitor key: SHA-256 of the ID number, final x upper-cased."""
    return hashlib.sha256(id_number.strip().upper().encode()).hexdigest()
