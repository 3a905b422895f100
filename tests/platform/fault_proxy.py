"""A loopback HTTP relay in front of the reference platform that fails chosen requests.

The network edge, not a stand-in for the platform: every request it does not
fail is passed through byte for byte (signatures and idempotency keys
included) to the real server and its real answer is passed back. Failing one
idempotency key with a 500 is what a platform does when it cannot process one
submission; "garble" passes the request through and then spoils the answer,
so the platform has committed and only a retry with the same key can tell.
"""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class FaultProxy:
    """Relay to target_url on a free loopback port; faults[key] = 500 | 503 | "garble"."""

    def __init__(self, target_url: str) -> None:
        target = urlsplit(target_url)
        self.target = (target.hostname or "127.0.0.1", target.port or 80)
        self.faults: dict[str, int | str] = {}
        self.everything: int | None = None          # fail every request with this status
        self.seen: list[tuple[str, str]] = []       # (idempotency key, what happened)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    def note(self, key: str, what: str) -> None:
        with self._lock:
            self.seen.append((key, what))

    def tries_of(self, key: str) -> list[str]:
        with self._lock:
            return [what for k, what in self.seen if k == key]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._relay()

            def do_POST(self) -> None:  # noqa: N802
                self._relay()

            def log_message(self, *_args: object) -> None:
                pass

            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                key = self.headers.get("Idempotency-Key", "")
                fault = proxy.everything or proxy.faults.get(key)
                if isinstance(fault, int):
                    proxy.note(key, str(fault))
                    return self._answer(fault, {}, b'{"error": "internal", "message": "x"}')
                status, headers, answer = self._forward(body)
                proxy.note(key, "garbled" if fault == "garble" else str(status))
                if fault == "garble":
                    answer = b"<html>upstream said something</html>"
                self._answer(status, headers, answer)

            def _forward(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
                conn = http.client.HTTPConnection(*proxy.target, timeout=30)
                try:
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in HOP_HEADERS}
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    resp = conn.getresponse()
                    return resp.status, dict(resp.getheaders()), resp.read()
                finally:
                    conn.close()

            def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    if name.lower() not in HOP_HEADERS | {"server", "date"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
