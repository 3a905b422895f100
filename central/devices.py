"""Terminals known to the platform and their signing keys (kept sealed in the database)."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from central.errors import CentralError
from central.secretbox import KEY_TEXT, SecretBox, write_private


def enroll(conn: sqlite3.Connection, box: SecretBox, device_id: str,
           key: str | None = None) -> str:
    """Create (or re-key) a terminal; return its key."""
    key = key or secrets.token_hex(32)
    conn.execute("INSERT INTO devices(id, key) VALUES(?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET key = excluded.key",
                 (device_id, box.seal_text(key)))
    return key


class AlreadyEnrolled(CentralError):
    """enroll was asked to create a terminal that exists (use --rekey to replace its key)."""

    exit_code = 2


def create(conn: sqlite3.Connection, box: SecretBox, device_id: str) -> str:
    """Create a new terminal and return its key (shown once; only the server keeps it)."""
    key = secrets.token_hex(32)
    try:
        conn.execute("INSERT INTO devices(id, key) VALUES(?, ?)",
                     (device_id, box.seal_text(key)))
    except sqlite3.IntegrityError:
        raise AlreadyEnrolled(f"terminal {device_id} is already enrolled "
                              "(--rekey replaces its key)") from None
    return key


def ensure_with_key_file(conn: sqlite3.Connection, box: SecretBox, device_id: str,
                         key_file: Path) -> str:
    """Enrol device_id with the key in key_file, creating the file (0600) if absent or
    replacing it when it holds no key (a file cut short by a power cut)."""
    text = key_file.read_text(encoding="ascii", errors="replace").strip() \
        if key_file.exists() else ""
    if KEY_TEXT.fullmatch(text):
        return enroll(conn, box, device_id, text)
    key = enroll(conn, box, device_id)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    write_private(key_file, key + "\n", replace=True)
    return key
