"""The fleet's update and reboot reach the box's updater as checked request files."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.fleet.commands import SPECS, CommandRefused
from kiosk.fleet.requests import RequestError, request_update, write_request

ARCHIVE = b"release archive bytes " * 1000


@pytest.fixture
def files(tmp_path: Path) -> Iterator[str]:
    """A file server on loopback holding one archive; its base URL."""
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "r.tar").write_bytes(ARCHIVE)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_checked_archive_becomes_an_update_request(tmp_path: Path, files: str) -> None:
    data = tmp_path / "data"
    digest = hashlib.sha256(ARCHIVE).hexdigest()
    req = request_update(data, "http://127.0.0.1:8780", "0.2.0", f"{files}/r.tar", digest)
    assert json.loads(req.read_text()) == {"version": "0.2.0", "archive": "release-0.2.0.tar",
                                           "sha256": digest}
    assert (data / "requests" / "release-0.2.0.tar").read_bytes() == ARCHIVE
    assert (data / "requests").stat().st_mode & 0o777 == 0o700


def test_a_wrong_digest_or_another_host_writes_nothing(tmp_path: Path, files: str) -> None:
    data = tmp_path / "data"
    with pytest.raises(RequestError, match="SHA-256"):
        request_update(data, "http://127.0.0.1:8780", "0.2.0", f"{files}/r.tar", "0" * 64)
    with pytest.raises(RequestError, match="platform's host"):
        request_update(data, "http://localhost:8780", "0.2.0", f"{files}/r.tar",
                       hashlib.sha256(ARCHIVE).hexdigest())
    with pytest.raises(RequestError, match="HTTP 404"):
        request_update(data, "http://127.0.0.1:8780", "0.2.0", f"{files}/none.tar", "0" * 64)
    assert sorted(p.name for p in (data / "requests").iterdir()) == []


def test_reboot_request_and_the_commands_arguments(tmp_path: Path) -> None:
    assert write_request(tmp_path, "reboot", {"asked": "fleet"}).name == "reboot.json"
    check = SPECS["update"].check
    ok = check({"version": "0.2.0", "url": "https://p.example/r.tar", "sha256": "A" * 64})
    assert ok["sha256"] == "a" * 64
    for bad in ({"version": "../x", "url": "https://p/r", "sha256": "a" * 64},
                {"version": "0.2.0", "url": "file:///etc/passwd", "sha256": "a" * 64},
                {"version": "0.2.0", "url": "https://p/r", "sha256": "xyz"},
                {"version": "0.2.0", "url": "https://p/r", "sha256": "a" * 64, "extra": 1}):
        with pytest.raises(CommandRefused):
            check(bad)
    assert SPECS["update"].disturbs and SPECS["reboot"].disturbs
