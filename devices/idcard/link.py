"""One request/reply exchange over the serial line, with a deadline.

Deadlines are measured on an injected monotonic clock, and the port is read
in short slices, so tests move the clock instead of waiting for a time-out.
"""

from __future__ import annotations

import contextlib
import termios
from collections.abc import Callable

import serial

from devices.idcard.codec import REPLY_HEAD, Frame, Garbage, StreamParser, build_command
from devices.idcard.errors import ProtocolError, ReaderTimeout, ReaderUnavailable

READ_SLICE_S = 0.01


class SerialLink:
    """A GA/T 467 serial line: open, exchange frames, close."""

    def __init__(self, port: str, baud: int, monotonic: Callable[[], float],
                 reply_timeout_s: float = 1.0) -> None:
        self.port, self.baud = port, baud
        self.monotonic = monotonic
        self.reply_timeout_s = reply_timeout_s
        self._serial: serial.Serial | None = None
        self.garbage_bytes = 0

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def open(self) -> None:
        try:
            self._serial = serial.Serial(self.port, self.baud, timeout=READ_SLICE_S,
                                         write_timeout=1.0)
        except (serial.SerialException, OSError) as exc:
            raise ReaderUnavailable(f"card reader: cannot open {self.port}: {exc}") from exc

    def close(self) -> None:
        if self._serial is not None:
            with contextlib.suppress(serial.SerialException, OSError, termios.error):
                self._serial.close()
            self._serial = None

    def exchange(self, cmd: int, para: int, data: bytes = b"") -> Frame:
        """Send one command and return the reader's reply frame."""
        if self._serial is None:
            self.open()
        try:
            return self._exchange(build_command(cmd, para, data))
        except (serial.SerialException, OSError, termios.error) as exc:
            self.close()
            raise ReaderUnavailable(f"card reader: {self.port} went away: {exc}") from exc

    def _exchange(self, request: bytes) -> Frame:
        port = self._serial
        assert port is not None
        port.reset_input_buffer()          # a late reply to an earlier command is stale
        port.write(request)
        parser, skipped = StreamParser(REPLY_HEAD), []
        deadline = self.monotonic() + self.reply_timeout_s
        while True:
            for item in parser.feed(port.read(max(1, port.in_waiting))):
                if isinstance(item, Frame):
                    return item
                skipped.append(item)
                self.garbage_bytes += item.size
                if item.rejected:
                    raise ProtocolError(f"card reader: reply on {self.port} is not a valid "
                                        f"GA/T 467 reply: {item.reason}")
            if self.monotonic() >= deadline:
                raise _timeout_error(self.port, parser, skipped)


def _timeout_error(port: str, parser: StreamParser, skipped: list[Garbage]) -> Exception:
    if parser.pending():
        return ProtocolError(f"card reader: reply on {port} was cut short "
                             f"({parser.pending()} bytes of a frame)")
    if any(g.reason == "bad checksum" for g in skipped):
        return ProtocolError(f"card reader: reply on {port} had a bad checksum (line noise?)")
    if skipped:
        return ProtocolError(f"card reader: only unreadable bytes on {port} (wrong baud rate?)")
    return ReaderTimeout(f"card reader: no reply on {port} (powered? right port and baud?)")
