"""The platform served from a thread of this process on a free loopback port.

The console's browser tests, its benchmark and `kiosk central console-shot` run the
real application over real HTTP this way, so they can hand it a clock they move.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any


class ThreadServer:
    """uvicorn in a daemon thread; stop() ends it."""

    def __init__(self, app: Any, port: int | None = None) -> None:
        import uvicorn

        if port is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
        self.port = port
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning", access_log=False,
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, name="platform", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the platform did not start in its thread")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def __enter__(self) -> ThreadServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
