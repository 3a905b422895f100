"""What a GA/T 467 reader answers to each command, given the card lying on it.

Pure logic, no I/O: the simulator feeds it commands and puts its replies on
the wire. Kept apart so the reader's behaviour (including the two ways models
treat a card already read) is testable without a terminal.
"""

from __future__ import annotations

import hashlib
import threading

from devices.idcard import codec, payload, status
from devices.idcard.card import Card
from devices.idcard.codec import Command, Reply

SAM_ID = bytes.fromhex("05010000") + bytes(12)


def card_serial(card: Card) -> bytes:
    """The 8-byte chip serial a select returns (stable per card)."""
    return hashlib.sha256(card.number.encode()).digest()[:8]


class ReaderModel:
    """Card state of one reader; thread-safe because tests place cards from other threads."""

    def __init__(self, after_read: str = "no_card") -> None:
        self.after_read = after_read
        self.fault = "none"
        self.baud = 115200
        self._card: Card | None = None
        self._read_done = False
        self._lock = threading.Lock()

    def place(self, card: Card) -> None:
        with self._lock:
            self._card, self._read_done = card, False

    def remove(self) -> None:
        with self._lock:
            self._card, self._read_done = None, False

    @property
    def card(self) -> Card | None:
        return self._card

    def answer(self, cmd: Command) -> Reply:
        """The reply to one command."""
        with self._lock:
            sw3, data = self._dispatch(cmd)
        return Reply(0, 0, sw3, data)

    def _dispatch(self, cmd: Command) -> tuple[int, bytes]:
        if self.fault == "sam_fault":
            return 0x60, b""
        handler = {
            codec.FIND: self._find, codec.SELECT: self._select,
            codec.READ_BASE: self._read, codec.READ_FINGER: self._read_finger,
            codec.READ_ADDRESS: lambda: (status.NO_CONTENT, b""),
            codec.SAM_ID: lambda: (status.OK, SAM_ID), codec.SAM_STATUS: lambda: (status.OK, b""),
            codec.RESET: lambda: (status.OK, b""),
        }.get(cmd.code)
        if handler is not None:
            return handler()
        if cmd.cmd == codec.SET_BAUD and cmd.para in codec.BAUD_PARA.values():
            self.baud = {v: k for k, v in codec.BAUD_PARA.items()}[cmd.para]
            return status.OK, b""
        return 0x21, b""

    def _visible(self) -> bool:
        return self._card is not None and self.fault != "no_card"

    def _find(self) -> tuple[int, bytes]:
        if not self._visible() or (self._read_done and self.after_read == "no_card"):
            return status.NO_CARD, b""
        return status.CARD_FOUND, b"\0\0\0\0"

    def _select(self) -> tuple[int, bytes]:
        if not self._visible():
            return status.SELECT_FAILED, b""
        return status.OK, card_serial(self._card)

    def _read(self, fingerprints: bytes | None = None) -> tuple[int, bytes]:
        if not self._visible():
            return 0x41, b""
        if self.fault == "read_failed":
            return 0x41, b""
        self._read_done = True
        return status.OK, payload.build_base(self._card, fingerprints)

    def _read_finger(self) -> tuple[int, bytes]:
        return self._read(fingerprints=b"")
