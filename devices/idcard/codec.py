"""GA/T 467 SAM frames: build, parse, and cut them out of a noisy byte stream.

Frame: AA AA AA 96 69 | LEN (2, big-endian, counts every byte after it,
checksum included) | body | CHK, where CHK is the XOR of LEN and body. A host
command's body is CMD PARA data; a reader reply's body is SW1 SW2 SW3 data.
Serial lines pick up noise at power-up and when a cable is moved, so the
stream parser never trusts one byte: after garbage or a corrupt frame it
drops a single byte and looks for the next preamble.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Generic, TypeVar

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER = len(PREAMBLE) + 2
MAX_LEN = 4096  # the longest reply (text + photo + fingerprints) is about 2.3 KiB

FIND, SELECT = (0x20, 0x01), (0x20, 0x02)
READ_BASE, READ_ADDRESS, READ_FINGER = (0x30, 0x01), (0x30, 0x03), (0x30, 0x10)
SAM_ID, SAM_STATUS, RESET = (0x12, 0xFF), (0x11, 0xFF), (0x10, 0xFF)
SET_BAUD = 0x60
BAUD_PARA = {115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04}


def checksum(data: bytes) -> int:
    """XOR of every byte: what CHK must equal over LEN and body."""
    return reduce(lambda a, b: a ^ b, data, 0)


def frame(body: bytes) -> bytes:
    """Wrap a body into a complete frame."""
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


@dataclass(frozen=True)
class Command:
    """A host-to-reader request."""

    cmd: int
    para: int
    data: bytes = b""

    def encode(self) -> bytes:
        return frame(bytes([self.cmd, self.para]) + self.data)

    @property
    def code(self) -> tuple[int, int]:
        return (self.cmd, self.para)

    @classmethod
    def from_body(cls, body: bytes) -> Command | None:
        return cls(body[0], body[1], body[2:]) if len(body) >= 2 else None


@dataclass(frozen=True)
class Reply:
    """A reader-to-host answer; sw3 says how it went (see status.py)."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def encode(self) -> bytes:
        return frame(bytes([self.sw1, self.sw2, self.sw3]) + self.data)

    @classmethod
    def from_body(cls, body: bytes) -> Reply | None:
        return cls(body[0], body[1], body[2], body[3:]) if len(body) >= 3 else None


def command(code: tuple[int, int], data: bytes = b"") -> bytes:
    """Bytes of a host command, e.g. command(FIND) == AA AA AA 96 69 00 03 20 01 22."""
    return Command(code[0], code[1], data).encode()


def reply(sw3: int, data: bytes = b"") -> bytes:
    """Bytes of a reader reply with SW1 SW2 = 00 00."""
    return Reply(0, 0, sw3, data).encode()


T = TypeVar("T", Command, Reply)


class StreamParser(Generic[T]):
    """Incremental frame parser: feed any chunks, get whole frames back.

    `corrupt` counts frames that had a preamble and a length but failed
    their checksum, so a caller can tell "line noise" from "no answer".
    """

    def __init__(self, decode: Callable[[bytes], T | None]) -> None:
        self._decode = decode
        self._buf = bytearray()
        self.corrupt = 0
        self.skipped = 0

    def reset(self) -> None:
        """Forget a partial frame (before a new command: a stale half-frame must not eat it)."""
        self.skipped += len(self._buf)
        self._buf.clear()

    def feed(self, data: bytes) -> list[T]:
        """Append bytes; return every complete, valid frame now available."""
        self._buf += data
        frames: list[T] = []
        while (item := self._next()) is not None:
            frames.append(item)
        return frames

    def _drop(self, count: int) -> None:
        self.skipped += count
        del self._buf[:count]

    def _next(self) -> T | None:
        """Cut one frame from the front of the buffer, skipping garbage."""
        while True:
            start = self._buf.find(PREAMBLE)
            if start < 0:
                self._drop(max(0, len(self._buf) - len(PREAMBLE) + 1))
                return None
            self._drop(start)
            if len(self._buf) < HEADER:
                return None
            length = int.from_bytes(self._buf[5:7], "big")
            if not 3 <= length <= MAX_LEN:
                self._drop(1)
                continue
            if len(self._buf) < HEADER + length:
                return None
            item = self._take(length)
            if item is not None:
                return item

    def _take(self, length: int) -> T | None:
        raw = bytes(self._buf[5:HEADER + length])
        if checksum(raw[:-1]) != raw[-1]:
            self.corrupt += 1
            self._drop(1)
            return None
        item = self._decode(raw[2:-1])
        if item is None:
            self._drop(1)
            return None
        del self._buf[:HEADER + length]
        return item


def reply_parser() -> StreamParser[Reply]:
    """A parser for what a reader sends."""
    return StreamParser(Reply.from_body)


def command_parser() -> StreamParser[Command]:
    """A parser for what a host sends (used by the simulator)."""
    return StreamParser(Command.from_body)
