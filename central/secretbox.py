"""Personal fields encrypted at rest; visitors found by keyed hashes only.

The key lives in a file next to the database (DB.secret, 0600), never inside
it, so a copied database file alone reveals no names or phone numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any


def id_hash(number: str) -> str:
    """The contract's id_hash: SHA-256 hex of the ID number with an upper-case X."""
    return hashlib.sha256(number.strip().upper().encode()).hexdigest()


def _load_key(path: Path) -> bytes:
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        key = secrets.token_bytes(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return bytes.fromhex(path.read_text().strip())
        with os.fdopen(fd, "w") as fh:
            fh.write(key.hex() + "\n")
        return key


class SecretBox:
    """AES-256-GCM for personal data; HMAC for lookups by phone."""

    def __init__(self, key_file: Path) -> None:
        self.key_file = key_file
        self._key: bytes | None = None
        self._aead: Any = None

    def _ready(self) -> Any:
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._key = _load_key(self.key_file)
            self._aead = AESGCM(self._key)
        return self._aead

    def seal(self, doc: dict[str, Any]) -> bytes:
        nonce = secrets.token_bytes(12)
        plain = json.dumps(doc, ensure_ascii=False).encode()
        return nonce + self._ready().encrypt(nonce, plain, None)

    def open(self, blob: bytes) -> dict[str, Any]:
        return json.loads(self._ready().decrypt(blob[:12], blob[12:], None))

    def pseudonym(self, id_hash_value: str) -> str:
        """What the database stores for a visitor: a keyed hash of the contract's id_hash,
        so a copied database cannot be searched by hashing candidate ID numbers."""
        self._ready()
        msg = b"visitor:" + id_hash_value.encode()
        return hmac.new(self._key or b"", msg, hashlib.sha256).hexdigest()

    def keyed_hash(self, value: str) -> str:
        self._ready()
        normal = "".join(ch for ch in value if ch.isdigit())
        return hmac.new(self._key or b"", normal.encode(), hashlib.sha256).hexdigest()


def key_file_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".secret")
