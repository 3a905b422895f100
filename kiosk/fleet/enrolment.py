"""A terminal without a key, asking to be paired (central/enrolment.py is the other half).

It makes an X25519 key pair, a 128-bit request id and an eight-digit pairing code,
kept in the data folder (0600) so a restart shows the same code until the request
expires. It sends the public key and the code's SHA-256 (never the code), shows and
prints the code, and asks every few seconds whether a technician confirmed it. The
signing key arrives encrypted to its public key; it is written to `platform.key`
(0600) and never shown. The calls are unsigned: there is nothing to sign with yet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

import requests
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk.errors import KioskError
from kiosk.files import write_atomic

log = logging.getLogger(__name__)
PAIRING_FILE = "pairing.json"
KEY_FILE = "platform.key"
INFO = b"employment-kiosk enrolment v1"


class PairingError(KioskError):
    """The platform could not be asked, or its answer could not be used."""


@dataclass(frozen=True)
class Request:
    request_id: str
    code: str                 # eight digits, shown as "1234 5678"
    private_key: bytes

    @property
    def shown_code(self) -> str:
        return f"{self.code[:4]} {self.code[4:]}"

    def public_key(self) -> bytes:
        raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
        return X25519PrivateKey.from_private_bytes(self.private_key).public_key().public_bytes(
            *raw)


def new_request() -> Request:
    raw = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
           serialization.NoEncryption())
    return Request(secrets.token_hex(16), f"{secrets.randbelow(10**8):08d}",
                   X25519PrivateKey.generate().private_bytes(*raw))


def load_or_create(data_dir: Path) -> Request:
    path = Path(data_dir) / PAIRING_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return Request(doc["request_id"], doc["code"], base64.b64decode(doc["private_key"]))
    except (OSError, ValueError, KeyError):
        request = new_request()
        write_atomic(path, json.dumps({"request_id": request.request_id, "code": request.code,
                                       "private_key": base64.b64encode(
                                           request.private_key).decode()}).encode())
        return request


def unwrap(request: Request, epk: bytes, sealed: bytes) -> str:
    """The signing key from the platform's answer; PairingError when it does not open."""
    shared = X25519PrivateKey.from_private_bytes(request.private_key).exchange(
        X25519PublicKey.from_public_bytes(epk))
    aes = AESGCM(HKDF(hashes.SHA256(), 32, None, INFO).derive(shared))
    try:
        key = aes.decrypt(sealed[:12], sealed[12:], request.request_id.encode()).decode()
    except (InvalidTag, ValueError, UnicodeDecodeError):
        raise PairingError("the key from the platform does not open with ours") from None
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise PairingError("the platform's answer is not a signing key")
    return key


class Pairing:
    """Asking, polling, and keeping the key once it comes."""

    def __init__(self, url: str, device_hint: str, data_dir: Path,
                 timeout_s: float = 5.0) -> None:
        self.base = url.rstrip("/") + "/api/v1/enrolment/requests"
        self.device_hint, self.data_dir, self.timeout_s = device_hint, Path(data_dir), timeout_s
        self.request = load_or_create(self.data_dir)
        self.status = "new"

    def _call(self, method: str, url: str, body: dict | None = None) -> dict:
        try:
            answer = requests.request(method, url, json=body, timeout=self.timeout_s)
            doc = answer.json()
        except (requests.RequestException, ValueError) as exc:
            raise PairingError(f"pairing: platform not reachable ({type(exc).__name__})") \
                from None
        if answer.status_code >= 400 or not isinstance(doc, dict):
            raise PairingError(f"pairing: platform answered {answer.status_code}")
        return doc

    def ask(self) -> str:
        self.status = str(self._call("POST", self.base, {
            "request_id": self.request.request_id, "device_hint": self.device_hint,
            "code_sha256": hashlib.sha256(self.request.code.encode()).hexdigest(),
            "public_key": base64.b64encode(self.request.public_key()).decode()})["status"])
        return self.status

    def poll(self) -> str | None:
        """The signing key once a technician confirmed the code; None while waiting.
        An expired or forgotten request starts over with a new code."""
        doc = self._call("GET", f"{self.base}/{self.request.request_id}")
        self.status = str(doc.get("status"))
        if self.status in ("expired", "unknown", "delivered"):
            (self.data_dir / PAIRING_FILE).unlink(missing_ok=True)
            self.request = load_or_create(self.data_dir)
            self.ask()
            return None
        if self.status != "confirmed":
            return None
        try:
            epk = base64.b64decode(str(doc["ephemeral_public_key"]))
            sealed = base64.b64decode(str(doc["sealed_key"]))
        except (KeyError, ValueError):
            raise PairingError("pairing: the answer holds no key") from None
        return unwrap(self.request, epk, sealed)

    def keep(self, key: str) -> Path:
        """Write the key (0600) and forget the request."""
        path = write_atomic(self.data_dir / KEY_FILE, (key + "\n").encode())
        (self.data_dir / PAIRING_FILE).unlink(missing_ok=True)
        log.warning("terminal paired with the platform")
        return path
