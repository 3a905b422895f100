"""A GA/T 467 reader on a pseudo-terminal, answering byte for byte.

The driver under test opens the simulator's port exactly as it opens a real
/dev/ttyUSB0: the seam is the serial line, so the codec, the driver thread
and the error handling all run for real. Replies are paced at the baud rate
(10 bits a byte) so timings match a real wire. The port is a stable symlink
that survives unplug()/replug(), as a udev by-id name does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import select
import shutil
import tempfile
import threading
import time
import tty
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from devices.idcard import status
from devices.idcard.codec import (
    COMMAND_HEAD,
    Frame,
    Garbage,
    StreamParser,
    build_frame,
    build_response,
)
from devices.idcard.deck import SAMPLE_PHOTO, card_text, sample

log = logging.getLogger(__name__)
FAULTS = ("none", "no_card", "garbage", "bad_checksum", "truncated", "slow", "sam_failure",
          "short_reply")
BEHAVIOURS = ("not_found_until_lifted", "keeps_finding")


@dataclass
class SimState:
    """What lies on the simulated reader and how the reader misbehaves."""

    card: dict[str, str] | None = None
    already_read: bool = False
    fault: str = "none"
    behaviour: str = "not_found_until_lifted"
    # the last commands asked of the reader (bounded: a soak asks millions)
    requests: deque[tuple[int, int]] = field(default_factory=lambda: deque(maxlen=256))
    held: list[bytes] = field(default_factory=list)


class IdcardSimulator:
    """A simulated reader: place_card(), remove_card(), set_fault(), unplug()."""

    def __init__(self, baud: int = 115200, behaviour: str = "not_found_until_lifted") -> None:
        self.baud = baud
        self.state = SimState(behaviour=behaviour)
        self._lock = threading.Lock()
        self._dir = Path(tempfile.mkdtemp(prefix="idcard-sim-"))
        self.port = str(self._dir / "ttyIDCARD")
        self._master = self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.bytes_exchanged = 0

    # -- lifecycle --------------------------------------------------------
    def start(self) -> IdcardSimulator:
        self._plug()
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self._unplug_fds()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _plug(self) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        link = Path(self.port)
        tmp = link.with_suffix(".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(os.ttyname(self._slave))
        tmp.replace(link)

    def _unplug_fds(self) -> None:
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def unplug(self) -> None:
        """The USB cable is pulled: the port disappears."""
        with self._lock:
            self._unplug_fds()
            Path(self.port).unlink(missing_ok=True)

    def replug(self) -> None:
        """The cable is back: the same port name appears again."""
        with self._lock:
            self._plug()

    # -- the card ---------------------------------------------------------
    def place_card(self, card: str | dict[str, str] = "resident") -> None:
        with self._lock:
            self.state.card = sample(card) if isinstance(card, str) else dict(card)
            self.state.already_read = False

    def remove_card(self) -> None:
        with self._lock:
            self.state.card = None
            self.state.already_read = False

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        with self._lock:
            self.state.fault = fault

    # -- serving ----------------------------------------------------------
    def _serve(self) -> None:
        parser = StreamParser(COMMAND_HEAD)
        while not self._stop.is_set():
            master = self._master
            if master < 0:
                time.sleep(0.01)
                continue
            try:
                ready, _, _ = select.select([master], [], [], 0.02)
                data = os.read(master, 4096) if ready else b""
            except OSError:
                time.sleep(0.01)       # unplugged under our feet
                continue
            for item in parser.feed(data):
                self._answer(item, master)

    def _answer(self, item: Frame | Garbage, master: int) -> None:
        if isinstance(item, Garbage):
            if item.reason == "bad checksum":
                self._send(master, build_response(0x10), 10)
            elif item.rejected:
                self._send(master, build_response(0x11), item.size)
            return
        with self._lock:
            self.state.requests.append(item.command)
            reply = self._reply(item)
        self._send(master, self._fault_bytes(reply), len(item.payload) + 8)

    def _send(self, master: int, reply: bytes, request_size: int) -> None:
        if self.baud:
            time.sleep((request_size + len(reply)) * 10 / self.baud)
        self.bytes_exchanged += request_size + len(reply)
        try:
            if reply:
                os.write(master, reply)
        except OSError:
            log.debug("simulator port gone while replying")

    def _fault_bytes(self, reply: bytes) -> bytes:
        fault = self.state.fault
        if fault == "garbage":
            return b"\x13\x37\xaa\xaa\x00\xff" + reply
        if fault == "bad_checksum":
            return reply[:-1] + bytes([reply[-1] ^ 0x5A])
        if fault == "truncated":
            return reply[: max(8, len(reply) // 2)]
        if fault == "short_reply":                # length and checksum right, no SW3
            return build_frame(reply[7:9])
        if fault == "slow":
            self.state.held.append(reply)       # answered late: after the next request
            return self.state.held.pop(0) if len(self.state.held) > 1 else b""
        return reply

    def _reply(self, frame: Frame) -> bytes:
        s = self.state
        if s.fault == "sam_failure":
            return build_response(0x60)
        handler = _HANDLERS.get(frame.command)
        return handler(s) if handler else build_response(0x21)


def _find(s: SimState) -> bytes:
    visible = s.card is not None and s.fault != "no_card" and (
        not s.already_read or s.behaviour == "keeps_finding")
    return build_response(status.CARD_FOUND, b"\x00" * 4) if visible \
        else build_response(status.NO_CARD)


def _select(s: SimState) -> bytes:
    if s.card is None or s.fault == "no_card":
        return build_response(status.SELECT_FAILED)
    chip = hashlib.sha256(s.card.get("number", "").encode()).digest()[:8]   # the chip's serial
    return build_response(status.OK, chip)


def _read(s: SimState, fingerprint: bool = False) -> bytes:
    if s.card is None:
        return build_response(0x41)
    s.already_read = True
    text, photo = card_text(s.card), SAMPLE_PHOTO
    lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if fingerprint:
        return build_response(status.OK, lengths + (0).to_bytes(2, "big") + text + photo)
    return build_response(status.OK, lengths + text + photo)


_HANDLERS = {
    (0x20, 0x01): _find,
    (0x20, 0x02): _select,
    (0x30, 0x01): _read,
    (0x30, 0x10): lambda s: _read(s, fingerprint=True),
    (0x30, 0x03): lambda s: build_response(status.NO_CONTENT),
    (0x12, 0xFF): lambda s: build_response(status.OK, b"\x05\x00\x01\x00" + b"\x00" * 12),
    (0x11, 0xFF): lambda s: build_response(status.OK),
    (0x10, 0xFF): lambda s: build_response(status.OK),
    **{(0x60, p): (lambda s: build_response(status.OK)) for p in range(5)},
}
