"""`kiosk run` — the real app, as the systemd unit starts it — in a child process.

Its JSON log lines are read on a thread into a queue, so a test waits for a named
line (bounded) instead of sleeping; a Unix datagram socket stands in for systemd's
NOTIFY_SOCKET and collects what the app tells its service manager.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kiosk_command.platform_proc import PlatformProcess
from tests.conftest import ROOT

START_S = 60.0          # bound on the first frame (cold caches, a busy machine)


class FakeServiceManager:
    """The notify socket systemd would hold: every datagram the app sends, in order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.messages: list[dict[str, str]] = []

    def wait_for(self, key: str, timeout: float = START_S) -> dict[str, str]:
        """The next message carrying key (messages before it are kept in .messages)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {key} from the app; got {self.messages}")
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(4096).decode()
            except TimeoutError:
                continue
            msg = dict(line.split("=", 1) for line in data.splitlines() if "=" in line)
            self.messages.append(msg)
            if key in msg:
                return msg

    def wait_for_value(self, key: str, value: str, timeout: float = START_S) -> None:
        """Until some message, sent before or from now on, has key=value."""
        while not any(m.get(key) == value for m in self.messages):
            self.wait_for(key, timeout)

    def close(self) -> None:
        self.sock.close()


class KioskRun:
    """One `kiosk run` with the simulated devices, wired to a platform on loopback."""

    def __init__(self, workdir: Path, platform: PlatformProcess | None,
                 extra_env: dict[str, str] | None = None) -> None:
        self.data_dir = workdir / "data"
        env = {**os.environ, "PYTHONPATH": str(ROOT),
               "KIOSK_PATHS__DATA_DIR": _toml(self.data_dir),
               "KIOSK_DISPLAY__FULLSCREEN": "false"}
        if platform is not None:
            env |= {"KIOSK_PLATFORM__URL": _toml(platform.url),
                    "KIOSK_PLATFORM__DEVICE_ID": _toml(platform.device_id),
                    "KIOSK_PLATFORM__KEY_FILE": _toml(platform.key_file)}
        env |= extra_env or {}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk_command.main", "run", "--size", "540x960"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.log: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            try:
                self.lines.put(json.loads(line))
            except ValueError:
                self.lines.put({"msg": line.rstrip()})

    def wait_log(self, msg: str, timeout: float = START_S) -> dict[str, Any]:
        """The first log record with this message (every record read is kept in .log)."""
        for rec in self.log:
            if rec.get("msg") == msg:
                return rec
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                rec = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.log.append(rec)
            if rec.get("msg") == msg:
                return rec
        raise AssertionError(f"no log line {msg!r}; last lines: {self.log[-15:]}")

    def stop(self, sig: signal.Signals, timeout: float) -> tuple[int, float]:
        """Send sig; the exit code and the seconds until the process had ended."""
        start = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        return code, time.monotonic() - start

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def _toml(value: object) -> str:
    return json.dumps(str(value))      # a TOML basic string
