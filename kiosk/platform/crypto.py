"""Encryption of personal fields at rest (AES-256-GCM, key outside the database).

The key lives in its own 0600 file next to the database, never inside it, so
a copied database file alone reveals no ID number, name or phone; the file is
written whole or not at all (kiosk/files.py), since a short key would make
every record sealed with it unreadable. Each value
is bound to its row's idempotency key (associated data): a ciphertext moved to
another row does not decrypt.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.files import PRIVATE_FILE, write_atomic
from kiosk.platform.errors import PlatformError

NONCE_BYTES = 12


class SealError(PlatformError):
    """A sealed value could not be opened (wrong key or tampered data)."""


def load_or_create_key(path: Path) -> bytes:
    """The 32-byte data key in path, created (0600, exclusively) when absent."""
    path = Path(path)
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        return _create_key(path)
    if len(key) != 32:
        raise SealError(f"outbox: key file {path} is damaged ({len(key)} bytes)")
    if path.stat().st_mode & 0o777 != PRIVATE_FILE:
        path.chmod(PRIVATE_FILE)  # a key copied in with a wider mode: ours only again
    return key


def _create_key(path: Path) -> bytes:
    """A new key, published whole (a crash never leaves a short key file) and only
    if no other process published one first: then that one is used."""
    key = secrets.token_bytes(32)
    try:
        write_atomic(path, key, exclusive=True)
    except FileExistsError:
        return load_or_create_key(path)
    return key


class FieldSealer:
    """Seal and open a dict of personal fields."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, fields: dict[str, Any], bound_to: str) -> bytes:
        """Nonce + ciphertext of the fields as JSON."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        plain = json.dumps(fields, ensure_ascii=False).encode()
        return nonce + self._aead.encrypt(nonce, plain, bound_to.encode())

    def open(self, blob: bytes, bound_to: str) -> dict[str, Any]:
        """The fields back, or SealError."""
        try:
            plain = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], bound_to.encode())
        except InvalidTag as exc:
            raise SealError("outbox: a sealed record does not open with this key") from exc
        return json.loads(plain)
