"""Personal fields and terminal keys encrypted at rest; visitors found by keyed hashes only.

The key lives in a file next to the database (DB.secret, 0600), never inside
it, so a copied database file alone reveals no names, phone numbers or terminal
keys. The file is written whole or not at all (temporary file, fsync, link into
place, fsync of the folder): the rows sealed with it are committed with
synchronous=FULL, and a key that did not survive a power cut as well as they did
would make them unreadable. A missing or damaged key while sealed rows exist is
a start-up error, never a wrong key made up on the spot.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

from central.errors import CentralError

KEY_TEXT = re.compile(r"[0-9a-f]{64}")


class SecretError(CentralError):
    """The platform's secret is missing, damaged or not the one its data was sealed with."""

    exit_code = 3


def id_hash(number: str) -> str:
    """The contract's id_hash: SHA-256 hex of the ID number with an upper-case X."""
    return hashlib.sha256(number.strip().upper().encode()).hexdigest()


def write_private(path: Path, text: str, *, replace: bool = False) -> None:
    """Write a file readable by its owner only (0600), durably and atomically: readers see
    no file or the whole text. Without replace an existing file wins (FileExistsError)."""
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _read_key(path: Path) -> bytes | None:
    """The key in the file; None when there is no file; SecretError when it is damaged."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return None
    if not KEY_TEXT.fullmatch(text):
        raise SecretError(f"central: the secret {path} is empty or damaged")
    return bytes.fromhex(text)


def _new_key(path: Path, replace: bool) -> bytes:
    key = secrets.token_bytes(32)
    try:
        write_private(path, key.hex() + "\n", replace=replace)
    except FileExistsError:              # another process made it first: theirs counts
        return _read_key(path) or key
    return key


def open_box(key_file: Path, sample: bytes | None) -> SecretBox:
    """The box for a database, given one of its sealed values (None when it has none).

    With sealed data the key must be there and open it; without, a missing or damaged
    key (from before keys were written atomically) is replaced by a new one.
    """
    try:
        key = _read_key(key_file)
    except SecretError as exc:
        if sample is not None:
            raise SecretError(f"{exc}; the database has data sealed with it: restore the "
                              "file from a backup") from None
        key = _new_key(key_file, replace=True)
    if key is None:
        if sample is not None:
            raise SecretError(f"central: the secret {key_file} is missing but the database "
                              "has data sealed with it: restore the file from a backup")
        key = _new_key(key_file, replace=False)
    box = SecretBox(key)
    if sample is not None and not box.opens(sample):
        raise SecretError(f"central: the secret {key_file} does not open this database's "
                          "data (a key from another database?)")
    return box


class SecretBox:
    """AES-256-GCM for personal data and terminal keys; HMAC for lookups by phone."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._key = key
        self._aead = AESGCM(key)

    def seal_bytes(self, plain: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._aead.encrypt(nonce, plain, None)

    def open_bytes(self, blob: bytes) -> bytes:
        return self._aead.decrypt(blob[:12], blob[12:], None)

    def opens(self, blob: bytes) -> bool:
        """True when blob was sealed with this key."""
        from cryptography.exceptions import InvalidTag

        try:
            self.open_bytes(blob)
        except InvalidTag:
            return False
        return True

    def seal(self, doc: dict[str, Any]) -> bytes:
        return self.seal_bytes(json.dumps(doc, ensure_ascii=False).encode())

    def open(self, blob: bytes) -> dict[str, Any]:
        return json.loads(self.open_bytes(blob))

    def seal_text(self, text: str) -> bytes:
        return self.seal_bytes(text.encode())

    def open_text(self, blob: bytes) -> str:
        return self.open_bytes(blob).decode()

    def pseudonym(self, id_hash_value: str) -> str:
        """What the database stores for a visitor: a keyed hash of the contract's id_hash,
        so a copied database cannot be searched by hashing candidate ID numbers."""
        msg = b"visitor:" + id_hash_value.encode()
        return hmac.new(self._key, msg, hashlib.sha256).hexdigest()

    def keyed_hash(self, value: str) -> str:
        normal = "".join(ch for ch in value if ch.isdigit())
        return hmac.new(self._key, normal.encode(), hashlib.sha256).hexdigest()


def key_file_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".secret")


# A PostgreSQL database has no folder of its own to keep its secret beside: the secret's
# file is named by `kiosk central serve --secret` or, for every tool, this variable.
SECRET_ENV = "KIOSK_CENTRAL_SECRET"
