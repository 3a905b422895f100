"""ESC/POS bytes -> Paper: a streaming decoder for the commands a receipt printer obeys.

It is fed as bytes arrive (over a pty or a socket), so a command split across
two reads waits for its tail, and DLE EOT status requests are seen at command
boundaries only (never inside picture data), exactly as a printer sees them.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from devices.printer.paper import (
    Paper,
    PaperCut,
    PaperFeed,
    PrintedLine,
    PrintedPicture,
    PrintedQR,
)

ESC, GS, FS, DLE, LF, CR = 0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x0D
_ESC_ONE_ARG = set(b"!-23EGJMVadt")   # ESC x n: commands with one parameter byte
_GS_ONE_ARG = set(b"!BHfhkwL")


class Incomplete(Exception):
    """The buffer ends inside a command; wait for more bytes."""


class EscposDecoder:
    """Feed bytes in; read .paper; on_status(n) is called for each DLE EOT n."""

    def __init__(self, on_status: Callable[[int], None] | None = None) -> None:
        self.paper = Paper()
        self.on_status = on_status
        self.bytes_seen = 0
        self._buf = b""
        self._reset()

    def _reset(self) -> None:
        self._chinese = False
        self._bold = False
        self._size = 1
        self._align = "left"
        self._segments: list[tuple[bool, bytes]] = []
        self._qr_data = b""
        self._qr_module = 3

    def feed(self, data: bytes) -> None:
        """Decode as many whole commands as the bytes so far hold."""
        self.bytes_seen += len(data)
        self._buf += data
        pos = 0
        while pos < len(self._buf):
            try:
                pos = self._step(pos)
            except Incomplete:
                break
        self._buf = self._buf[pos:]

    # -- one command ------------------------------------------------------
    def _need(self, pos: int, n: int) -> bytes:
        if pos + n > len(self._buf):
            raise Incomplete
        return self._buf[pos:pos + n]

    def _step(self, pos: int) -> int:
        b = self._buf[pos]
        if b == ESC:
            return self._esc(pos)
        if b == GS:
            return self._gs(pos)
        if b == FS:
            cmd = self._need(pos, 2)[1]
            self._chinese = {ord("&"): True, ord("."): False}.get(cmd, self._chinese)
            return pos + 2
        if b == DLE:
            n = self._need(pos, 3)[2]
            if self.on_status:
                self.on_status(n)
            return pos + 3
        if b == LF:
            self._end_line()
            return pos + 1
        if b == CR or b < 0x20:
            return pos + 1
        end = pos
        while end < len(self._buf) and self._buf[end] >= 0x20:
            end += 1
        if self._segments and self._segments[-1][0] == self._chinese:
            # a character may have been split across two reads: keep the bytes together
            self._segments[-1] = (self._chinese, self._segments[-1][1] + self._buf[pos:end])
        else:
            self._segments.append((self._chinese, self._buf[pos:end]))
        return end

    def _esc(self, pos: int) -> int:
        cmd = self._need(pos, 2)[1]
        if cmd == ord("@"):
            self._flush()
            self._reset()
            return pos + 2
        if cmd not in _ESC_ONE_ARG:
            return pos + 2
        n = self._need(pos, 3)[2]
        if cmd == ord("a"):
            self._align = {0: "left", 1: "center", 2: "right"}.get(n % 48, "left")
        elif cmd == ord("E"):
            self._bold = bool(n & 1)
        elif cmd == ord("d"):
            self._flush()
            self.paper.items.append(PaperFeed(n))
        return pos + 3

    def _gs(self, pos: int) -> int:
        cmd = self._need(pos, 2)[1]
        if cmd == ord("V"):
            m = self._need(pos, 3)[2]
            self._flush()
            self.paper.items.append(PaperCut(partial=m in (1, 49, 66)))
            return pos + (4 if m in (65, 66) else 3)
        if cmd == ord("v"):
            return self._raster(pos)
        if cmd == ord("("):
            head = self._need(pos, 5)
            length = head[3] + 256 * head[4]
            body = self._need(pos + 5, length)
            if head[2] == ord("k"):
                self._qr_command(body)
            return pos + 5 + length
        if cmd == ord("!"):
            n = self._need(pos, 3)[2]
            self._size = (n & 0x0F) + 1
            return pos + 3
        return pos + (3 if cmd in _GS_ONE_ARG else 2)

    def _raster(self, pos: int) -> int:
        head = self._need(pos, 8)
        xbytes, height = head[4] + 256 * head[5], head[6] + 256 * head[7]
        data = self._need(pos + 8, xbytes * height)
        self._flush()
        img = Image.frombytes("1", (xbytes * 8, height), bytes(b ^ 0xFF for b in data))
        self.paper.items.append(PrintedPicture(img))
        return pos + 8 + xbytes * height

    def _qr_command(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != ord("1"):
            return
        fn = body[1]
        if fn == ord("C") and len(body) > 2:
            self._qr_module = body[2]
        elif fn == ord("P"):
            self._qr_data = body[3:]
        elif fn == ord("Q"):
            self._flush()
            self.paper.items.append(PrintedQR(self._qr_data.decode("utf-8", "replace"),
                                              self._qr_module))

    # -- lines ------------------------------------------------------------
    def _flush(self) -> None:
        if self._segments:
            self._end_line()

    def _end_line(self) -> None:
        text = "".join(seg.decode("gb18030" if cn else "cp437", "replace")
                       for cn, seg in self._segments)
        self._segments = []
        self.paper.items.append(PrintedLine(text, self._bold, self._size, self._align))


def decode(data: bytes) -> Paper:
    """Decode a whole stream at once."""
    decoder = EscposDecoder()
    decoder.feed(data)
    decoder._flush()
    return decoder.paper
