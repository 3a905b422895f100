"""Enrolling a new terminal by a pairing code, without anyone typing its key.

A terminal without a key makes an X25519 key pair and a pairing code, and asks to
be enrolled (unsigned: it has nothing to sign with), sending its public key and
the SHA-256 of the code; it shows and prints the code. A technician reads the code
off the glass and confirms it here (`kiosk central pair CODE`): the platform
creates the terminal's signing key, keeps it sealed like every other, and leaves it
for the terminal encrypted to that public key (X25519, HKDF-SHA256, AES-GCM with the
request's id as associated data). The terminal fetches it once by its request's
secret id; the platform then forgets the encrypted copy. The key never appears on a
screen, on paper or in a log, and it is only useful to the holder of the private key.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import sqlite3
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from central.db import iso, read, utc_now, write
from central.devices import enroll
from central.errors import CentralError
from central.secretbox import SecretBox

REQUEST_LIFE_S = 3600.0
MOST_PENDING = 200           # unsigned requests waiting at once; more are refused
INFO = b"employment-kiosk enrolment v1"


class PairingRefused(CentralError):
    """No waiting request has that code (mistyped, expired or already used)."""

    exit_code = 2


def code_hash(code: str) -> str:
    return hashlib.sha256(code.replace(" ", "").encode()).hexdigest()


def wrap_key(key: str, terminal_public: bytes, request_id: str) -> tuple[bytes, bytes]:
    """(ephemeral public key, nonce + ciphertext) of key for the terminal's public key."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(terminal_public))
    aes = AESGCM(HKDF(hashes.SHA256(), 32, None, INFO).derive(shared))
    nonce = os.urandom(12)
    sealed = nonce + aes.encrypt(nonce, key.encode(), request_id.encode())
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    return ephemeral.public_key().public_bytes(*raw), sealed


@dataclass(frozen=True)
class Waiting:
    request_id: str
    device_hint: str
    created_at: str


def ask(conn: sqlite3.Connection, request_id: str, device_hint: str, hashed_code: str,
        public_key: bytes) -> str:
    """Record a terminal's request (again is fine: the same id keeps its first record);
    returns its status."""
    now = utc_now()
    with write(conn):
        conn.execute("DELETE FROM enrolment_requests WHERE expires_at < ? AND status != "
                     "'confirmed'", (iso(now),))
        row = conn.execute("SELECT status FROM enrolment_requests WHERE id = ?",
                           (request_id,)).fetchone()
        if row:
            return row[0]
        waiting = conn.execute("SELECT count(*) FROM enrolment_requests WHERE status = "
                               "'pending'").fetchone()[0]
        if waiting >= MOST_PENDING:
            raise CentralError("too many terminals are waiting to be paired")
        conn.execute("INSERT INTO enrolment_requests(id, device_hint, code_hash, public_key, "
                     "created_at, expires_at, status) VALUES(?, ?, ?, ?, ?, ?, 'pending')",
                     (request_id, device_hint, hashed_code, public_key, iso(now),
                      iso(now + dt.timedelta(seconds=REQUEST_LIFE_S))))
    return "pending"


def pending(conn: sqlite3.Connection) -> list[Waiting]:
    with read(conn):
        rows = conn.execute("SELECT id, device_hint, created_at FROM enrolment_requests "
                            "WHERE status = 'pending' AND expires_at >= ? ORDER BY created_at",
                            (iso(utc_now()),)).fetchall()
    return [Waiting(r[0][:6] + "…", r[1], r[2]) for r in rows]


def pair(conn: sqlite3.Connection, box: SecretBox, code: str, device_id: str | None) -> str:
    """The technician confirms a code: the terminal's key is made and left for it,
    encrypted. Returns the terminal's id."""
    with write(conn):
        row = conn.execute("SELECT id, device_hint, public_key FROM enrolment_requests WHERE "
                           "code_hash = ? AND status = 'pending' AND expires_at >= ?",
                           (code_hash(code), iso(utc_now()))).fetchone()
        if row is None:
            raise PairingRefused("no terminal is waiting with that code (mistyped, "
                                 "expired or already paired)")
        request_id, hint, public = row
        device = device_id or hint
        key = enroll(conn, box, device)
        epk, sealed = wrap_key(key, bytes(public), request_id)
        conn.execute("UPDATE enrolment_requests SET status = 'confirmed', device_id = ?, "
                     "epk = ?, sealed = ? WHERE id = ?", (device, epk, sealed, request_id))
    return device


def collect(conn: sqlite3.Connection, request_id: str) -> dict[str, object]:
    """What a terminal polling its request learns; a confirmed key is handed out once."""
    with write(conn):
        row = conn.execute("SELECT status, device_id, epk, sealed, expires_at FROM "
                           "enrolment_requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            return {"status": "unknown"}
        status, device, epk, sealed, expires = row
        if status == "pending" and expires < iso(utc_now()):
            return {"status": "expired"}
        if status != "confirmed":
            return {"status": status}
        conn.execute("UPDATE enrolment_requests SET status = 'delivered', epk = NULL, "
                     "sealed = NULL WHERE id = ?", (request_id,))
    return {"status": "confirmed", "device_id": device,
            "ephemeral_public_key": base64.b64encode(epk).decode(),
            "sealed_key": base64.b64encode(sealed).decode()}
