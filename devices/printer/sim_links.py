"""Links to the simulated printer: TCP on 127.0.0.1 (like port 9100), a pty, a file.

Each link moves real bytes, so the same python-escpos connection classes the
kiosk uses for real printers (Network, Serial, File) are exercised in tests.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import tty
from pathlib import Path

from devices.printer.simulator import PrinterSimulator


class TcpLink:
    """A raw TCP printer port (JetDirect style) on 127.0.0.1."""

    def __init__(self, sim: PrinterSimulator, port: int = 0) -> None:
        self.sim = sim
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="printer-sim-tcp", daemon=True)

    def start(self) -> TcpLink:
        self._thread.start()
        return self

    def _serve(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._client, args=(conn,), daemon=True).start()

    def _client(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                reply = self.sim.feed(data)
                if reply:
                    conn.sendall(reply)

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(timeout=2)


class PtyLink:
    """A pseudo-terminal standing in for the printer's serial port."""

    def __init__(self, sim: PrinterSimulator) -> None:
        self.sim = sim
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="printer-sim-pty", daemon=True)

    def start(self) -> PtyLink:
        self._thread.start()
        return self

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(self._master, 65536)
            except OSError:
                return
            reply = self.sim.feed(data)
            if reply:
                os.write(self._master, reply)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class FileLink:
    """A file the kiosk prints into (one-way: no status); poll() feeds new bytes."""

    def __init__(self, sim: PrinterSimulator, path: Path) -> None:
        self.sim = sim
        self.path = Path(path)
        self._offset = 0

    def poll(self) -> int:
        """Feed what was appended since the last poll; returns the byte count."""
        if not self.path.exists():
            return 0
        with self.path.open("rb") as fh:
            fh.seek(self._offset)
            data = fh.read()
        self._offset += len(data)
        self.sim.feed(data)
        return len(data)

    def close(self) -> None:
        """Nothing to release."""
