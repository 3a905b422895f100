"""The notify protocol against a socket standing in for systemd."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from kiosk_command.sdnotify import Notifier


class Steps:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _recv_all(sock: socket.socket) -> list[str]:
    sock.setblocking(False)
    got = []
    while True:
        try:
            got.append(sock.recv(4096).decode())
        except BlockingIOError:
            return got


def test_ready_watchdog_stopping_on_a_path_socket(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(tmp_path / "n.sock"))
    clock = Steps()
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "n.sock"), "WATCHDOG_USEC": "2000000"},
                 monotonic=clock)
    assert n.enabled and n.watchdog_s == 2.0
    n.ready("serving")
    n.watchdog()
    clock.now = 0.2
    n.watchdog()                    # too soon: a quarter of the interval has not passed
    clock.now = 0.6
    n.watchdog()
    n.stopping("stopping on SIGTERM")
    n.close()
    assert _recv_all(sock) == [f"READY=1\nMAINPID={os.getpid()}\nSTATUS=serving",
                               "WATCHDOG=1", "WATCHDOG=1",
                               "STOPPING=1\nSTATUS=stopping on SIGTERM"]


def test_abstract_socket_and_another_process_watchdog() -> None:
    name = f"kiosk-test-{os.getpid()}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    n = Notifier({"NOTIFY_SOCKET": "@" + name, "WATCHDOG_USEC": "1000000",
                  "WATCHDOG_PID": str(os.getpid() + 1)})
    assert n.watchdog_s is None     # the watchdog was meant for another process
    n.watchdog()
    n.ready()
    assert _recv_all(sock) == [f"READY=1\nMAINPID={os.getpid()}"]


def test_without_a_service_manager_nothing_is_sent(tmp_path: Path) -> None:
    n = Notifier({})
    assert not n.enabled
    n.ready()
    n.watchdog()
    n.stopping()                    # no socket, no error


def test_a_vanished_socket_is_logged_not_raised(tmp_path: Path) -> None:
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone.sock")})
    n.ready()                       # the manager went away: the terminal goes on
