"""The reader driver: one thread owns the port and turns polls into events.

Events go to a callback on the driver thread (the screens hop to their own
thread). The driver knows whether a card still lies on the reader, so the
session can ask a visitor to take it and never sign in the next visitor with
it; it copes with readers that answer "no card" to a card already read until
it is lifted, and with readers that keep finding it; it reopens the port
after an unplug and reports its state for remote management. A fault nobody
foresaw does not end the thread: the supervisor logs it, the state becomes
FAULT with its cause, and the next cycle starts on a freshly opened port after
a bounded back-off.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from devices.clock import MonotonicClock, RealClock
from devices.idcard import status
from devices.idcard.card import Card, parse_card
from devices.idcard.errors import (
    CardDataError,
    IdcardError,
    ReaderStatusError,
    ReaderUnavailable,
    SamError,
)
from devices.idcard.link import SerialLink
from devices.supervise import Fault, Supervisor

log = logging.getLogger(__name__)


class ReaderState(enum.Enum):
    OK = "ok"
    NO_READER = "no_reader"
    SAM_ERROR = "sam_error"
    FAULT = "fault"


@dataclass(frozen=True)
class CardRead:
    card: Card


@dataclass(frozen=True)
class CardRemoved:
    pass


@dataclass(frozen=True)
class ReaderStatus:
    """What remote management shows for the reader."""

    state: ReaderState
    detail: str
    port: str
    cards_read: int
    card_present: bool


Event = CardRead | CardRemoved | ReaderStatus


class IdcardReader:
    """Polls a GA/T 467 reader on its own thread."""

    def __init__(self, port: str, baud: int = 115200,
                 on_event: Callable[[Event], None] | None = None,
                 clock: MonotonicClock | None = None,
                 poll_s: float = 0.01, reply_timeout_s: float = 1.0,
                 reopen_s: float = 2.0, fault_backoff_max_s: float = 30.0) -> None:
        monotonic = (clock or RealClock()).monotonic
        self.link = SerialLink(port, baud, monotonic, reply_timeout_s)
        self.on_event = on_event or (lambda _e: None)
        self.monotonic, self.poll_s, self.reopen_s = monotonic, poll_s, reopen_s
        self._present = False
        self._chip = b""
        self._state, self._detail = ReaderState.OK, ""
        self._cards_read = 0
        self._next_open = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.supervisor = Supervisor("idcard", log, first_s=min(0.5, reopen_s),
                                     max_s=fault_backoff_max_s)

    # -- public -----------------------------------------------------------
    def start(self) -> IdcardReader:
        self._thread = threading.Thread(target=self._run, name="idcard-reader", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self.link.close()

    def card_present(self) -> bool:
        """True while the last card read still lies on the reader."""
        return self._present

    def status(self) -> ReaderStatus:
        return ReaderStatus(self._state, self._detail, self.link.port, self._cards_read,
                            self._present)

    def poll_once(self) -> Event | None:
        """One poll cycle; the event it produced, if any (the CLI uses it directly)."""
        if not self._present:
            return self._look_for_card()
        return self._check_still_there()

    # -- the thread -------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            outcome = self.supervisor.run(self._cycle)
            if isinstance(outcome, Fault):
                self._restart(outcome)
            self._stop.wait(self.poll_s)

    def _restart(self, fault: Fault) -> None:
        """After an unforeseen fault: report it; begin again on a fresh port after the back-off."""
        self.link.close()            # the line may be mid-frame
        self._next_open = self.monotonic() + fault.retry_in_s
        self._set_state(ReaderState.FAULT, str(fault))

    def _cycle(self) -> None:
        if not self.link.is_open and self.monotonic() < self._next_open:
            return
        try:
            event = self.poll_once()
        except ReaderUnavailable as exc:
            self._next_open = self.monotonic() + self.reopen_s
            self._set_state(ReaderState.NO_READER, str(exc))
            return
        except SamError as exc:
            self._set_state(ReaderState.SAM_ERROR, str(exc))
            return
        except IdcardError as exc:
            self._set_state(ReaderState.FAULT, str(exc))
            return
        self.supervisor.recovered()
        self._set_state(ReaderState.OK, "")
        if event is not None:
            self._emit(event)

    def _set_state(self, state: ReaderState, detail: str) -> None:
        if (state, detail) == (self._state, self._detail):
            return
        self._state, self._detail = state, detail
        if state is ReaderState.OK:
            log.info("card reader ready", extra={"port": self.link.port})
        else:
            log.warning("card reader problem", extra={"state": state.value, "cause": detail})
        self._emit(self.status())

    def _emit(self, event: Event) -> None:
        try:
            self.on_event(event)
        except Exception:
            log.exception("card reader event handler failed")

    # -- protocol ---------------------------------------------------------
    def _look_for_card(self) -> Event | None:
        found = self.link.exchange(0x20, 0x01)
        if found.sw3 == status.NO_CARD:
            return None
        _expect(found.sw3, status.CARD_FOUND)
        selected = self.link.exchange(0x20, 0x02)
        if selected.sw3 == status.SELECT_FAILED:
            return None                           # lifted between find and select
        _expect(selected.sw3, status.OK)
        card = self._read_base()
        self._chip = selected.data
        self._present = True
        self._cards_read += 1
        log.info("card read", extra={"card_type": card.card_type})
        return CardRead(card)

    def _read_base(self) -> Card:
        reply = self.link.exchange(0x30, 0x01)
        _expect(reply.sw3, status.OK)
        data = reply.data
        text_len, photo_len = int.from_bytes(data[:2], "big"), int.from_bytes(data[2:4], "big")
        if len(data) < 4 + text_len + photo_len:
            raise CardDataError("card reader: card data shorter than its stated lengths")
        return parse_card(data[4:4 + text_len], data[4 + text_len:4 + text_len + photo_len])

    def _check_still_there(self) -> Event | None:
        found = self.link.exchange(0x20, 0x01).sw3
        if found not in (status.CARD_FOUND, status.NO_CARD):
            raise status.error_for(found)
        # readers either keep finding a card or answer "no card" once it is read:
        # selecting it tells which chip lies there, so a swapped card is noticed too
        selected = self.link.exchange(0x20, 0x02)
        if selected.sw3 == status.OK and selected.data == self._chip:
            return None
        if selected.sw3 not in (status.OK, status.SELECT_FAILED):
            raise status.error_for(selected.sw3)
        self._present = False
        log.info("card removed")
        return CardRemoved()


def _expect(sw3: int, wanted: int) -> None:
    if sw3 != wanted:
        raise status.error_for(sw3)


__all__ = ["CardRead", "CardRemoved", "IdcardReader", "ReaderState", "ReaderStatus",
           "ReaderStatusError"]
