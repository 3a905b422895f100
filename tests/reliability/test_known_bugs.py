"""The product bugs the fault run found, each reproduced in a few lines and fixed:

a second dead letter after the queue emptied jammed the outbox (reused row
number, transaction left open); a cancel carried its path field in the body;
a non-JSON or empty 2xx answer escaped as something other than PlatformError.
"""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.flows import outbox_kinds
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformError
from kiosk.platform.outbox_store import OutboxStore
from kiosk.platform.service import PlatformService
from kiosk.platform.signing import load_key
from kiosk_command.platform_proc import PlatformProcess
from tests.reliability.proxy import FaultProxy
from tests.stores import database


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory):
    with PlatformProcess(tmp_path_factory.mktemp("central")) as proc:
        yield proc


def _service(url: str, proc: PlatformProcess, data: Path) -> PlatformService:
    clock = FakeClock(dt.datetime.now(dt.UTC).astimezone())
    client = PlatformClient(url, proc.device_id, load_key(proc.key_file), clock=clock,
                            timeout_s=5, attempts=1)
    return PlatformService(data, client, clock, kinds=outbox_kinds())


def test_a_second_set_aside_after_the_queue_emptied(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    for key in ("first", "second"):
        store.add(key, "rating", "/ratings", "{}", None, 0.0)
        store.set_aside(store.head(), 1.0, 422, "invalid", "refused")
    assert store.counts()["set_aside"] == 2
    store.close()


def test_a_cancel_reaches_the_platform(platform: PlatformProcess, tmp_path: Path) -> None:
    service = _service(platform.url, platform, tmp_path)
    slot = service.free_slots()[0]["id"]
    service.outbox.enqueue("appointment", {"slot_id": slot, "phone": "13800138000"})
    assert service.outbox.drain() == 1
    service.outbox.enqueue("appointment_cancel", {"appointment_id": _last_booking(platform)})
    service.outbox.drain()
    dead = service.outbox.store.dead_letters()
    service.stop()
    assert dead == []


def _last_booking(proc: PlatformProcess) -> str:
    with database(proc) as conn:
        return conn.execute("SELECT id FROM appointments ORDER BY created_at DESC "
                            "LIMIT 1").fetchone()[0]


def test_a_mangled_answer_is_a_platform_error(platform: PlatformProcess, tmp_path: Path) -> None:
    proxy = FaultProxy(platform.port, seed=3).start()
    proxy.set("malformed", 1.0)
    service = _service(proxy.url, platform, tmp_path)
    try:
        with pytest.raises(PlatformError):
            service.client.get("/guidance/slots")
    finally:
        service.stop()
        proxy.close()


def test_an_empty_answer_is_a_platform_error(platform: PlatformProcess, tmp_path: Path) -> None:
    server = _empty_answers()
    service = _service(f"http://127.0.0.1:{server.server_address[1]}", platform, tmp_path)
    try:
        with pytest.raises(PlatformError):
            service.free_slots()
    finally:
        service.stop()
        server.shutdown()
        server.server_close()


def _empty_answers() -> ThreadingHTTPServer:
    """A middlebox on loopback that answers every call 200 with no body."""

    class Empty(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Empty)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
