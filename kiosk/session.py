"""The visitor session: who is at the terminal, and when they have gone.

A public terminal must forget each visitor completely: an idle visitor's
identity and half-filled forms must never greet the next person. The session
is a small state machine driven by tick() with an injected clock, so tests and
scripts advance time instead of sleeping, and the screens only draw what it
says.

    IDLE --touch/card--> ACTIVE --idle timeout--> WARNING --countdown--> IDLE
                           ^------ continue (touch) ----'
    any --fail(exc)--> FAILSAFE --failsafe_return_s--> IDLE
    any --out_of_service()--> OUT_OF_SERVICE --back_in_service()--> IDLE
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kiosk.clock import Clock
from kiosk.visit import Visit

if TYPE_CHECKING:
    from devices.idcard.card import Card

log = logging.getLogger(__name__)


class SessionState(enum.Enum):
    """Where the terminal is with its current visitor."""

    IDLE = "idle"
    ACTIVE = "active"
    WARNING = "warning"
    FAILSAFE = "failsafe"
    OUT_OF_SERVICE = "out_of_service"


class CardOutcome(enum.Enum):
    """What a card laid on the reader did to the session."""

    LEFTOVER = "leftover"      # the last visitor's card, still on the reader: ignored
    BUSY = "busy"              # failsafe or out of service: nobody signs in now
    SIGNED_IN = "signed_in"    # a new visit for the card's owner (or the touch's visitor)
    SAME = "same"              # the card already signed in, laid again
    SWAPPED = "swapped"        # another person's card: the last visit ended first
    EXPIRED = "expired"        # signed in, but the card is past its validity


class TimingsSection(Protocol):
    """The [kiosk] settings the session reads."""

    idle_timeout_s: float
    elder_idle_timeout_s: float
    warning_s: float
    failsafe_return_s: float


@dataclass(frozen=True)
class SessionTimings:
    """Time-outs in seconds (from the [kiosk] configuration section)."""

    idle_s: float = 60.0
    elder_idle_s: float = 120.0
    warning_s: float = 25.0
    failsafe_return_s: float = 15.0

    @classmethod
    def from_settings(cls, kiosk_section: TimingsSection) -> SessionTimings:
        """Timings from a KioskSection."""
        return cls(kiosk_section.idle_timeout_s, kiosk_section.elder_idle_timeout_s,
                   kiosk_section.warning_s, kiosk_section.failsafe_return_s)


Listener = Callable[["VisitorSession"], None]


class VisitorSession:
    """State, preferences and in-memory data of the visitor at the terminal."""

    def __init__(self, clock: Clock, timings: SessionTimings | None = None,
                 default_language: str = "zh") -> None:
        self.clock = clock
        self.timings = timings or SessionTimings()
        self.default_language = default_language
        self.state = SessionState.IDLE
        self.visit = Visit(language=default_language)
        self.end_reason = ""
        self.failure = ""
        self.service_message = ""     # a technician's words on the out-of-service notice
        self._since = clock.monotonic()
        self._last_touch = self._since
        self._listeners: list[Listener] = []
        self._end_hooks: list[Callable[[], None]] = []
        self._holders: dict[str, Callable[[], bool]] = {}
        self._leftovers: set[str] = set()

    # -- wiring ---------------------------------------------------------
    def on_change(self, fn: Listener) -> None:
        """Call fn(session) after every state change (on the thread that caused it)."""
        self._listeners.append(fn)

    def on_end(self, fn: Callable[[], None]) -> None:
        """Call fn() whenever a visitor's session ends, so its owner drops their data."""
        self._end_hooks.append(fn)

    def add_holder(self, name: str, holds: Callable[[], bool]) -> None:
        """Register a device that may still hold a visitor's item (card, receipt)."""
        self._holders[name] = holds

    # -- the visitor's preferences (they live in the visit) ---------------
    @property
    def language(self) -> str:
        return self.visit.language

    @language.setter
    def language(self, value: str) -> None:
        self.visit.language = value

    @property
    def elder(self) -> bool:
        return self.visit.elder

    @elder.setter
    def elder(self, value: bool) -> None:
        self.visit.elder = value

    # -- visitor actions --------------------------------------------------
    def touch(self) -> None:
        """Any interaction: starts a session from idle, continues one from the warning."""
        self._last_touch = self.clock.monotonic()
        if self.state is SessionState.IDLE or self.state is SessionState.WARNING:
            self._enter(SessionState.ACTIVE)

    def set_language(self, language: str) -> None:
        """Switch the visitor's language for this session only."""
        self.language = language
        self.touch()
        self._notify()

    def set_elder(self, elder: bool) -> None:
        """Switch 长辈版 (larger text, longer time-outs) for this session only."""
        self.elder = elder
        self.touch()
        self._notify()

    def end(self, reason: str = "done") -> None:
        """End the visitor's session now and forget them."""
        if self.state in (SessionState.ACTIVE, SessionState.WARNING):
            self._wipe(reason)
            self._enter(SessionState.IDLE)

    def card_read(self, card: Card, today: dt.date) -> CardOutcome:
        """A card was laid on the reader: sign its owner in, or say why not.

        The last visitor's card left on the reader never signs anyone in; a
        different person's card ends the visit under way first, so two people's
        data never mix; an expired card signs in flagged, and the flows decide
        what it may still be used for.
        """
        if self.is_leftover("card"):
            return CardOutcome.LEFTOVER
        if self.state not in (SessionState.IDLE, SessionState.ACTIVE, SessionState.WARNING):
            return CardOutcome.BUSY
        previous = self.visit.card
        outcome = CardOutcome.SIGNED_IN
        if previous is not None and previous.number != card.number:
            self.end("another card")
            outcome = CardOutcome.SWAPPED
        elif previous is not None:
            outcome = CardOutcome.SAME
        self.touch()
        self.visit.card = card
        self.visit.card_expired = card.validation(today).expired
        if self.visit.card_expired:
            outcome = CardOutcome.EXPIRED
        self._notify()
        return outcome

    # -- failures ---------------------------------------------------------
    def fail(self, exc: BaseException) -> None:
        """An unhandled error in a flow: log its cause, forget the visitor, show failsafe."""
        log.error("flow failed; showing the failsafe screen",
                  exc_info=(type(exc), exc, exc.__traceback__))
        self.failure = type(exc).__name__
        self._wipe("failure")
        self._enter(SessionState.FAILSAFE)

    def recover(self) -> None:
        """Leave the failsafe screen early (the visitor tapped "back to start")."""
        if self.state is SessionState.FAILSAFE:
            self.failure = ""
            self._enter(SessionState.IDLE)

    def out_of_service(self, reason: str, message: str = "") -> None:
        """Take the terminal out of service (technician or a fatal device fault);
        message is a technician's words for visitors, shown on the notice."""
        log.warning("terminal out of service", extra={"reason": reason})
        self._wipe("out_of_service")
        self.failure, self.service_message = reason, message
        self._enter(SessionState.OUT_OF_SERVICE)

    def back_in_service(self) -> None:
        """Return to the attract screen after out-of-service."""
        if self.state is SessionState.OUT_OF_SERVICE:
            self.failure = self.service_message = ""
            self._enter(SessionState.IDLE)

    # -- time -------------------------------------------------------------
    @property
    def idle_limit(self) -> float:
        """Seconds without a touch before the warning (longer in 长辈版)."""
        return self.timings.elder_idle_s if self.elder else self.timings.idle_s

    def seconds_left(self) -> float:
        """Countdown shown on the warning; 0 outside it."""
        if self.state is not SessionState.WARNING:
            return 0.0
        return max(0.0, self.timings.warning_s - (self.clock.monotonic() - self._since))

    def seconds_to_end(self) -> float | None:
        """Seconds until the session ends by itself if nobody touches the glass (the
        frame's "time left"); None outside a session."""
        if self.state is SessionState.ACTIVE:
            idle = self.clock.monotonic() - self._last_touch
            return max(0.0, self.idle_limit - idle) + self.timings.warning_s
        if self.state is SessionState.WARNING:
            return self.seconds_left()
        return None

    def seconds_in_state(self) -> float:
        """Seconds since the current state was entered."""
        return self.clock.monotonic() - self._since

    def tick(self) -> None:
        """Advance time-outs; called a few times a second by the UI, or by tests."""
        now = self.clock.monotonic()
        if self.state is SessionState.ACTIVE and now - self._last_touch >= self.idle_limit:
            self._enter(SessionState.WARNING)
        elif self.state is SessionState.WARNING and self.seconds_left() <= 0:
            self._wipe("timeout")
            self._enter(SessionState.IDLE)
        elif (self.state is SessionState.FAILSAFE
              and now - self._since >= self.timings.failsafe_return_s):
            self.failure = ""
            self._enter(SessionState.IDLE)
        self._leftovers = {n for n in self._leftovers if self._holds(n)}

    def card_removed(self) -> None:
        """The reader says the card was lifted: a card left by the last visitor is taken.

        Said at once, in the order the reader saw it, so a card lifted and laid
        down again before the next tick signs its owner in instead of being taken
        for the one left behind.
        """
        if "card" in self._leftovers:
            self._leftovers.discard("card")
            self._notify()

    # -- leftovers --------------------------------------------------------
    def items_to_take(self) -> list[str]:
        """Devices still holding the previous visitor's things ("card", "receipt")."""
        return sorted(self._leftovers)

    def is_leftover(self, name: str) -> bool:
        """True while a device still holds the previous visitor's item.

        A card left on the reader must not sign the next visitor in as its owner.
        """
        return name in self._leftovers

    # -- internals --------------------------------------------------------
    def _holds(self, name: str) -> bool:
        try:
            return bool(self._holders[name]())
        except Exception:  # a faulty device must not break the session
            log.exception("holder check failed", extra={"holder": name})
            return False

    def _wipe(self, reason: str) -> None:
        self.end_reason = reason
        self._leftovers = {n for n in self._holders if self._holds(n)}
        self.visit = Visit(language=self.default_language)
        for hook in self._end_hooks:
            try:
                hook()
            except Exception:
                log.exception("session end hook failed")
        log.info("session ended", extra={"reason": reason, "leftovers": sorted(self._leftovers)})

    def _enter(self, state: SessionState) -> None:
        self.state = state
        self._since = self.clock.monotonic()
        if state is SessionState.ACTIVE:
            self._last_touch = self._since
        self._notify()

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn(self)
