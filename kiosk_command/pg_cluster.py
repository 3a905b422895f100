"""A throwaway PostgreSQL cluster on a free 127.0.0.1 port, for tests and benchmarks.

Debian's postgresql package provides initdb and pg_ctl; they refuse to run as root, and
CI runs as root, so as root the cluster belongs to the postgres user (`runuser -u
postgres`) in a temporary folder handed to it; as anyone else it is simply that user's.
The server listens on loopback only, its socket in the same temporary folder, with trust
authentication (nothing outside this machine can reach it and it is gone afterwards).
Use `PostgresCluster` as a context manager (tests/pg.py has the `pg` fixture).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kiosk_command.platform_proc import free_port


def bin_dir() -> Path:
    """The newest installed PostgreSQL's programs (/usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql; "
                           "scripts/bootstrap.sh installs it)")
    return Path(found[-1]).parent


class PostgresCluster:
    """initdb, start, stop and remove one cluster; url is the superuser's DSN."""

    def __init__(self, settings: Mapping[str, str] | None = None) -> None:
        """settings go to the server as -c name=value (e.g. {"fsync": "off"})."""
        self.settings = dict(settings or {})
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="pg-cluster-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self._as_root = os.geteuid() == 0

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(bin_dir() / args[0]), *args[1:]]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)

    def start(self) -> PostgresCluster:
        if self._as_root:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        try:
            self._pg_ctl_start()
        except subprocess.CalledProcessError as exc:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            self.remove()
            raise RuntimeError(f"PostgreSQL did not start: {exc.stderr}\n{tail}") from None
        return self

    def start_again(self) -> None:
        """Start a stopped cluster on the same port and data (a database server that
        comes back after an outage)."""
        self._pg_ctl_start()

    def _pg_ctl_start(self) -> None:
        options = [f"-c listen_addresses=127.0.0.1 -c port={self.port}",
                   f"-c unix_socket_directories={self.root}",
                   *(f"-c {k}={v}" for k, v in self.settings.items())]
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", " ".join(options), "start")

    def stop(self) -> None:
        """Stop the server (fast: open sessions are ended) if it runs."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def postmaster_pid(self) -> int | None:
        """The server's main process (its workers are its children), while it runs."""
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.remove()
