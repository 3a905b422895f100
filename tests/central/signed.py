"""A minimal signing HTTP client written from the contract text (independent of both sides)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Any

import requests


class SignedApi:
    """Signed calls to /api/v1 as one terminal; every knob of the signature can be bent."""

    def __init__(self, url: str, device: str, key: str) -> None:
        self.url, self.device, self.key = url, device, key
        self.http = requests.Session()

    def headers(self, method: str, path_query: str, body: bytes, *, ts: float | None = None,
                nonce: str | None = None, key: str | None = None) -> dict[str, str]:
        stamp = str(int(time.time() if ts is None else ts))
        nonce = nonce or secrets.token_hex(16)
        msg = "\n".join([method, path_query, stamp, nonce, hashlib.sha256(body).hexdigest()])
        sig = hmac.new((key or self.key).encode(), msg.encode(), hashlib.sha256).hexdigest()
        return {"X-Device-Id": self.device, "X-Timestamp": stamp, "X-Nonce": nonce,
                "X-Signature": sig}

    def call(self, method: str, path: str, doc: Any = None, *, idem: str | None = None,
             **bend: Any) -> requests.Response:
        """path is relative to /api/v1 and may carry a query string."""
        full = "/api/v1" + path
        body = b"" if doc is None else json.dumps(doc, ensure_ascii=False).encode()
        headers = self.headers(method, full, body, **bend)
        if doc is not None:
            headers["Content-Type"] = "application/json"
        if idem:
            headers["Idempotency-Key"] = idem
        return self.http.request(method, self.url + full, data=body or None, headers=headers,
                                 timeout=10)

    def get(self, path: str, **bend: Any) -> requests.Response:
        return self.call("GET", path, **bend)

    def post(self, path: str, doc: Any, idem: str | None = None, **bend: Any
             ) -> requests.Response:
        return self.call("POST", path, doc, idem=idem, **bend)
