"""The real app stops in order on SIGTERM and SIGINT, tells its service manager, and
still refuses a window manager's close request (the visitor-facing lock-down)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_command.platform_proc import PlatformProcess
from tests.lifecycle.kiosk_proc import FakeServiceManager, KioskRun
from tests.lifecycle.x11close import request_close
from tests.platform.conftest import platform  # noqa: F401 - a fixture, found by name

STOP_BOUND_S = 5.0      # "within a few seconds": the unit's TimeoutStopSec is 15


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[FakeServiceManager]:
    m = FakeServiceManager(tmp_path / "notify.sock")
    yield m
    m.close()


def _outbox_closed(data_dir: Path) -> bool:
    """SQLite removes the write-ahead log when the last connection closes cleanly."""
    outbox = data_dir / "outbox.sqlite3"
    return outbox.exists() and not (data_dir / "outbox.sqlite3-wal").exists()


def test_sigterm_stops_in_order_and_tells_systemd(tmp_path: Path, manager: FakeServiceManager,
                                                  platform: PlatformProcess) -> None:  # noqa: F811
    run = KioskRun(tmp_path, platform, {"NOTIFY_SOCKET": str(manager.path),
                                        "WATCHDOG_USEC": "400000"})
    try:
        ready = manager.wait_for("READY")
        assert ready["MAINPID"] == str(run.proc.pid)
        run.wait_log("kiosk ready")
        for _ in range(3):                      # the main loop keeps pinging
            manager.wait_for("WATCHDOG", timeout=10)
        run.wait_log("catalog synced")          # the link and its outbox are open
        run.wait_log("platform answered")
        # what kiosk-update waits for after switching releases
        manager.wait_for_value("STATUS", "serving; platform answered", timeout=10)
        assert not _outbox_closed(run.data_dir)

        # the lock-down: a window manager's close request is refused, the app stays
        assert request_close(run.proc.pid) >= 1
        run.wait_log("window close request refused", timeout=10)
        assert run.proc.poll() is None

        code, seconds = run.stop(signal.SIGTERM, timeout=STOP_BOUND_S)
        assert code == 0, run.log[-10:]
        print(f"SIGTERM: exit 0 after {seconds:.2f} s")
        assert manager.wait_for("STOPPING", timeout=1)["STOPPING"] == "1"
        stopping = run.wait_log("kiosk stopping", timeout=5)
        assert stopping["reason"] == "signal SIGTERM"
        stopped = run.wait_log("kiosk stopped", timeout=5)
        print(f"in-process stop: {stopped['seconds']} s")
        assert stopped["seconds"] < STOP_BOUND_S
        assert _outbox_closed(run.data_dir)
    finally:
        run.kill()


def test_sigint_stops_in_order(tmp_path: Path, platform: PlatformProcess) -> None:  # noqa: F811
    run = KioskRun(tmp_path, platform)
    try:
        run.wait_log("kiosk ready")
        run.wait_log("catalog synced")
        code, seconds = run.stop(signal.SIGINT, timeout=STOP_BOUND_S)
        assert code == 0, run.log[-10:]
        print(f"SIGINT: exit 0 after {seconds:.2f} s")
        assert run.wait_log("kiosk stopped", timeout=5)["reason"] == "signal SIGINT"
        assert _outbox_closed(run.data_dir)
    finally:
        run.kill()
