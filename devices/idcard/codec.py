"""GA/T 467 frames: building them and finding them in a byte stream.

    host -> reader: AA AA AA 96 69 | LEN(2) | CMD PARA | data | CHK
    reader -> host: AA AA AA 96 69 | LEN(2) | SW1 SW2 SW3 | data | CHK

LEN counts every byte after it, checksum included; CHK is the XOR of the
bytes from LEN up to the last data byte. The parser is incremental and
resynchronises on the next preamble after garbage or a bad checksum, so one
burst of line noise costs one poll, not the connection. A checked frame too
short for its head (CMD PARA one way, SW1 SW2 SW3 the other) means nothing in
the protocol: the parser hands it back as rejected, never as a Frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from devices.idcard.errors import ProtocolError

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
MAX_LEN = 4096            # a base-plus-fingerprint read is ~2.3 KB; more is garbage
COMMAND_HEAD = 2          # CMD PARA
REPLY_HEAD = 3            # SW1 SW2 SW3


def checksum(body: bytes) -> int:
    """XOR of body (LEN bytes through the last data byte)."""
    return reduce(lambda a, b: a ^ b, body, 0)


def build_frame(payload: bytes) -> bytes:
    """Preamble, length, payload and checksum around any payload (even a meaningless one)."""
    body = (len(payload) + 1).to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([checksum(body)])


def _frame(head: bytes, data: bytes) -> bytes:
    return build_frame(head + data)


def build_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A host-to-reader frame, e.g. find card = AA AA AA 96 69 00 03 20 01 22."""
    return _frame(bytes([cmd, para]), data)


def build_response(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reader-to-host frame (the simulator speaks these)."""
    return _frame(bytes([sw1, sw2, sw3]), data)


@dataclass(frozen=True)
class Frame:
    """One checked frame: payload is everything between LEN and CHK."""

    payload: bytes

    @property
    def sw3(self) -> int:
        if len(self.payload) < REPLY_HEAD:
            raise ProtocolError(f"card reader: a {len(self.payload)}-byte reply has no status word")
        return self.payload[2]

    @property
    def data(self) -> bytes:
        return self.payload[3:]

    @property
    def command(self) -> tuple[int, int]:
        if len(self.payload) < COMMAND_HEAD:
            raise ProtocolError(f"card reader: a {len(self.payload)}-byte command has no code")
        return self.payload[0], self.payload[1]


@dataclass(frozen=True)
class Garbage:
    """Bytes skipped while resynchronising, and why.

    rejected: a whole frame with a right checksum that the protocol cannot
    mean; the reader did answer, so waiting longer for a reply is pointless.
    """

    size: int
    reason: str
    rejected: bool = False


class StreamParser:
    """Feed bytes as they arrive; get back complete frames and skipped garbage.

    head is the shortest payload a frame may have: REPLY_HEAD for what a
    reader sends, COMMAND_HEAD for what a host sends.
    """

    def __init__(self, head: int = REPLY_HEAD) -> None:
        self.head = head
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Frame | Garbage]:
        self._buf += data
        out: list[Frame | Garbage] = []
        while (item := self._next()) is not None:
            out.append(item)
        return out

    def pending(self) -> int:
        """Bytes held waiting for the rest of a frame."""
        return len(self._buf)

    def _skip(self, size: int, reason: str) -> Garbage:
        del self._buf[:size]
        return Garbage(size, reason)

    def _next(self) -> Frame | Garbage | None:
        start = self._buf.find(PREAMBLE)
        if start < 0:
            keep = _partial_preamble(self._buf)
            return self._skip(len(self._buf) - keep, "no preamble") if len(self._buf) > keep \
                else None
        if start > 0:
            return self._skip(start, "bytes before preamble")
        if len(self._buf) < 7:
            return None
        length = int.from_bytes(self._buf[5:7], "big")
        if length < 3 or length > MAX_LEN:
            return self._skip(1, f"impossible length {length}")
        end = 7 + length
        if len(self._buf) < end:
            return None
        body = bytes(self._buf[5:end - 1])
        if checksum(body) != self._buf[end - 1]:
            return self._skip(1, "bad checksum")
        if len(body) - 2 < self.head:
            item = self._skip(end, f"frame too short for its head ({len(body) - 2} bytes)")
            return Garbage(item.size, item.reason, rejected=True)
        del self._buf[:end]
        return Frame(body[2:])


def _partial_preamble(buf: bytearray) -> int:
    """How many trailing bytes could be the start of a preamble."""
    for keep in range(min(len(buf), len(PREAMBLE) - 1), 0, -1):
        if buf.endswith(PREAMBLE[:keep]):
            return keep
    return 0
