"""The reference platform as a child process on a free loopback port.

The demo, scripts and tests run the real server (real HTTP, real SQLite),
not a stand-in; kill() is a power cut for the platform, down()/up() take it
away and bring it back on the same port and database. With a PostgreSQL server
named (the `server` argument, or DATABASE_ENV for a whole test run) each platform
gets a new database of its own on it, and can run several server processes.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import KioskError

if TYPE_CHECKING:
    from central.db import Store

START_TIMEOUT_S = 30.0
# postgresql://… of a server on which every platform started here gets its own database
DATABASE_ENV = "KIOSK_PLATFORM_POSTGRES"


class PlatformStartError(KioskError):
    """The reference platform did not come up; its log says why."""


def free_port() -> int:
    """A currently free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PlatformProcess:
    """Start, stop, kill and restart `kiosk central serve`."""

    def __init__(self, workdir: Path, port: int | None = None, demo_data: bool = True,
                 device_id: str = "demo-001", extra_args: Sequence[str] = (),
                 server: str | None = None, workers: int = 1,
                 database: str | None = None) -> None:
        """extra_args go to `kiosk central serve`, e.g. ("--max-skew", "86400000");
        server is a PostgreSQL server's address (default: DATABASE_ENV, else SQLite);
        database an existing one on it to share with another platform process."""
        self.workdir = Path(workdir)
        self.port = port or free_port()
        self.demo_data = demo_data
        self.device_id = device_id
        self.db_path = self.workdir / "central.sqlite3"
        self.key_file = self.workdir / f"{device_id}.key"
        self.log_path = self.workdir / "central.log"
        self.extra_args = list(extra_args)
        self.proc: subprocess.Popen[bytes] | None = None
        # "" asks for SQLite whatever the environment says
        self.server = (os.environ.get(DATABASE_ENV) if server is None else server) or None
        self.workers = workers
        # the tools a test runs beside it find the same secret through this variable
        self.secret_path = Path(os.environ.get("KIOSK_CENTRAL_SECRET")
                                or self.workdir / "central.secret")
        self._database = database

    @property
    def store(self) -> str | Path:
        """What `--db` names: the SQLite file, or this platform's PostgreSQL database."""
        if self.server is None:
            return self.db_path
        if self._database is None:
            self._database = create_database(self.server)
        return self._database

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "kiosk_command.main", "central", "serve",
               "--host", "127.0.0.1", "--port", str(self.port), "--db", str(self.store),
               "--enroll", self.device_id, "--key-file", str(self.key_file)]
        if self.server is not None:
            cmd += ["--secret", str(self.secret_path), "--workers", str(self.workers)]
        return cmd + (["--demo-data"] if self.demo_data else []) + self.extra_args

    def start(self) -> PlatformProcess:
        """Start the server and wait until it answers /api/v1/health."""
        self.spawn()
        self.wait_ready()
        return self

    def spawn(self) -> None:
        """Start the server without waiting: the caller does its own start meanwhile
        and calls wait_ready() before the first request (or the key file)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(self.command(), stdout=log, stderr=log,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()

    def wait_ready(self) -> None:
        """Wait until the spawned server answers its health check."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                break
            if self.healthy():
                return
            time.sleep(0.05)
        tail = self.log_path.read_text(errors="replace")[-2000:]
        self.stop()
        raise PlatformStartError(f"platform: did not start on {self.url}; log:\n{tail}")

    def healthy(self) -> bool:
        """True when the server answers its health check."""
        try:
            with urllib.request.urlopen(f"{self.url}/api/v1/health", timeout=1) as resp:
                return resp.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        """Stop the server gracefully (SIGTERM)."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """Kill the server at once (SIGKILL): a power cut for the platform."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: int) -> None:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = None
            return
        os.killpg(self.proc.pid, sig)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def down(self) -> None:
        """Take the platform away (the kiosk sees connection refused)."""
        self.stop()

    def up(self) -> None:
        """Bring it back on the same port and database."""
        self.start()

    def __enter__(self) -> PlatformProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @contextmanager
    def database(self) -> Iterator[Store]:
        """The platform's store itself, for scripted checks a visitor's screens cannot
        show (what was stored, and how often) on either store."""
        from central.db import connect

        conn = connect(self.store, pool_size=1)
        try:
            yield conn
        finally:
            conn.close()


def create_database(server: str) -> str:
    """A new, empty database on the PostgreSQL server; its address."""
    import secrets

    import psycopg

    name = f"central_{secrets.token_hex(6)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}".encode())
    base, _, _ = server.rpartition("/")
    return f"{base}/{name}"
