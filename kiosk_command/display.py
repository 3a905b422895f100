"""A private virtual X display for headless runs (shots, smoke tests, scripts).

Kivy needs an OpenGL window; on a machine without a screen we start our own
Xvfb and point DISPLAY at it, so `kiosk shot` works from any shell or CI job.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

from kiosk.errors import KioskError


class DisplayError(KioskError):
    """No display and no Xvfb to make one."""

    exit_code = 4


@contextlib.contextmanager
def virtual_display(width: int = 1080, height: int = 1920) -> Iterator[str]:
    """Run the body with DISPLAY set to a fresh Xvfb server; stop it afterwards."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise DisplayError("display: Xvfb is not installed (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-nolisten", "unix", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        number = _read_display_number(read_fd)
        old = os.environ.get("DISPLAY")
        os.environ["DISPLAY"] = f":{number}"
        try:
            yield os.environ["DISPLAY"]
        finally:
            _restore("DISPLAY", old)
    finally:
        os.close(read_fd)
        proc.terminate()
        proc.wait(timeout=10)


def _read_display_number(fd: int) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 16)
        if not chunk:
            raise DisplayError("display: Xvfb exited before it was ready")
        data += chunk
    return data.decode().strip()


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


@contextlib.contextmanager
def headless_if_needed(force: bool, width: int = 1080, height: int = 1920) -> Iterator[None]:
    """A virtual display when forced or when there is no DISPLAY; else the real one."""
    if force or not os.environ.get("DISPLAY"):
        with virtual_display(width, height):
            yield
    else:
        yield
