"""A fault-injecting HTTP proxy on loopback, in front of the real reference platform.

The network edge is the one place the run fakes anything: the terminal talks to
this proxy as if it were the platform, and the proxy forwards to the real server
unless the current fault says otherwise. Faults are what a hall's network does:

- down:      the connection is cut before any answer (the platform seems gone);
- slow:      the platform answers, but later than the terminal waits (it did commit);
- 5xx:       a gateway error, half before the platform saw the call, half after;
- malformed: the platform's answer arrives mangled (truncated, HTML, empty), or a
             captive portal answers 200 with a web page without asking the platform.

Each request meets the fault with probability `rate`, so some get through.
"""

from __future__ import annotations

import http.client
import random
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("pass", "down", "slow", "5xx", "malformed")
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}
PORTAL = b"<html><body>Please sign in to the hall Wi-Fi</body></html>"


class QuietServer(ThreadingHTTPServer):
    """A terminal killed mid-request resets its connection: expected here, not news."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing; the run's figures count what matters."""


class FaultProxy:
    """Forward to upstream_port on 127.0.0.1, with one fault mode at a time."""

    def __init__(self, upstream_port: int, seed: int = 0, slow_s: float = 1.4) -> None:
        self.upstream_port = upstream_port
        self.mode, self.rate = "pass", 0.0
        self.slow_s = slow_s
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.injected: Counter[str] = Counter()
        self.upstream_status: Counter[int] = Counter()
        self.requests = 0
        self.server = QuietServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, name="fault-proxy",
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def set(self, mode: str, rate: float = 1.0) -> None:
        if mode not in FAULTS:
            raise ValueError(f"proxy fault {mode!r} unknown; known: {', '.join(FAULTS)}")
        with self.lock:
            self.mode, self.rate = mode, rate

    def draw(self) -> tuple[str, float]:
        """The fault this request meets ("pass" when it gets through) and a die roll."""
        with self.lock:
            self.requests += 1
            hit = self.mode != "pass" and self.rng.random() < self.rate
            mode, roll = (self.mode if hit else "pass"), self.rng.random()
            if hit:
                self.injected[mode] += 1
            return mode, roll

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes
                ) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        try:
            conn.request(method, path, body=body or None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            with self.lock:
                self.upstream_status[resp.status] += 1
            kept = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP_HEADERS]
            return resp.status, kept, data
        finally:
            conn.close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                """Quiet: the figures count what matters."""

            def do_GET(self) -> None:
                self._relay()

            def do_POST(self) -> None:
                self._relay()

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                mode, roll = proxy.draw()
                if mode == "down":
                    self.close_connection = True
                    return
                if mode == "5xx" and roll < 0.5:
                    self._send(503, [("Content-Type", "text/plain")], b"Service Unavailable")
                    return
                if mode == "malformed" and roll < 0.25:
                    self._send(200, [("Content-Type", "text/html")], PORTAL)
                    return
                try:
                    status, kept, data = proxy.forward(self.command, self.path, headers, body)
                except OSError:
                    self.close_connection = True        # the platform itself is down
                    return
                if mode == "slow":
                    time.sleep(proxy.slow_s if roll < 0.7 else proxy.slow_s / 5)
                if mode == "5xx":
                    status, kept, data = 502, [("Content-Type", "text/html")], b"Bad Gateway"
                if mode == "malformed":
                    data = (data[: len(data) // 2], b"<html>", b"")[int(roll * 3) % 3]
                self._send(status, kept, data)

            def _send(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
                try:
                    self.send_response(status)
                    for key, value in headers:
                        if key.lower() not in ("server", "date"):
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    self.close_connection = True        # the terminal gave up waiting

        return Handler
