"""The signed HTTP client for the employment platform (requests, one session).

Every call has a time-out and is signed afresh (new nonce), so a retry is not
a replay. Only safe calls are retried: GETs, and POSTs that carry an
Idempotency-Key, which the platform answers from its record on a repeat.
Certificate verification is left on; there is no switch to turn it off.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import requests

from kiosk.clock import Clock
from kiosk.platform.errors import (
    AuthRejected,
    ClockSkew,
    PlatformError,
    ServerFailed,
    Unreachable,
)
from kiosk.platform.responses import page, parse
from kiosk.platform.signing import sign_headers
from kiosk.platform.status import PlatformStatus

log = logging.getLogger(__name__)
PREFIX = "/api/v1"


class PlatformClient:
    """Talk to the platform as one enrolled terminal."""

    def __init__(self, base_url: str, device_id: str, key: bytes, *, clock: Clock,
                 timeout_s: float = 5.0, status: PlatformStatus | None = None,
                 attempts: int = 3, backoff_s: float = 0.25,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._key = key
        self.clock = clock
        self.timeout_s = timeout_s
        self.status = status or PlatformStatus()
        self.attempts = attempts
        self.backoff_s = backoff_s
        self._sleep = sleep
        self._http = requests.Session()

    def close(self) -> None:
        """Close the pooled connections."""
        self._http.close()

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """A signed GET (retried on transient failures)."""
        return self.request("GET", path, params=params)

    def post(self, path: str, body: Any = None, idempotency_key: str | None = None,
             attempts: int | None = None) -> Any:
        """A signed POST; retried only when it carries an idempotency key."""
        return self.request("POST", path, body=body, idempotency_key=idempotency_key,
                            attempts=attempts)

    def health(self) -> Any:
        """The platform's unsigned health check (signed anyway; it is harmless)."""
        return self.get("/health")

    def pages(self, path: str, cursor: str = "", limit: int = 500
              ) -> Iterator[dict[str, Any]]:
        """Pages of a cursor-paged collection until has_more is false."""
        while True:
            found = page(self.get(path, {"cursor": cursor, "limit": limit}))
            yield found
            cursor = found.get("next_cursor") or cursor
            if not found.get("has_more"):
                return

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                body: Any = None, idempotency_key: str | None = None,
                attempts: int | None = None) -> Any:
        """Send one call, with retries and backoff where it is safe to repeat."""
        safe = method.upper() == "GET" or idempotency_key is not None
        tries = max(1, attempts or self.attempts) if safe else 1
        for attempt in range(tries):
            try:
                return self._once(method, path, params, body, idempotency_key)
            except Unreachable:
                if attempt + 1 >= tries:
                    raise
                self._sleep(self.backoff_s * (2 ** attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, method: str, path: str, params: dict[str, Any] | None, body: Any,
              idempotency_key: str | None) -> Any:
        path_query = PREFIX + path + (f"?{urlencode(params)}" if params else "")
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        now = self.clock.now().timestamp()
        headers = sign_headers(self.device_id, self._key, method, path_query, data, now)
        if body is not None:
            headers["Content-Type"] = "application/json"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            resp = self._http.request(method, self.base_url + path_query, data=data or None,
                                      headers=headers, timeout=self.timeout_s)
        except requests.RequestException as exc:
            self.status.failed(now, type(exc).__name__, reachable=False)
            raise Unreachable(f"platform unreachable: {type(exc).__name__}") from exc
        return self._answer(resp, method, path, now)

    def _answer(self, resp: requests.Response, method: str, path: str, now: float) -> Any:
        try:
            answer = parse(resp, now)
        except PlatformError as exc:
            log.warning("platform call failed", extra={"method": method, "path": path,
                                                       "status": resp.status_code,
                                                       "error": type(exc).__name__})
            self._report(exc, now)
            raise
        self.status.ok(now)
        return answer

    def _report(self, exc: PlatformError, now: float) -> None:
        if isinstance(exc, ClockSkew):
            self.status.skew(now, exc.server_time, exc.skew_s)
        elif isinstance(exc, AuthRejected):
            self.status.auth(now, exc.code)
        else:
            reachable = isinstance(exc, ServerFailed) or not isinstance(exc, Unreachable)
            self.status.failed(now, str(exc), reachable=reachable)
