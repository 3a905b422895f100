"""The ID-card reader: the real serial port, or the simulator on a pseudo-terminal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from devices.clock import RealClock
from devices.idcard.card import Card
from devices.idcard.driver import CardRead, CardRemoved, Event
from kiosk.clock import CHINA
from kiosk.core import KioskCore


def card_events(core: KioskCore) -> Callable[[Event], None]:
    """The reader's event handler: a card read goes to the session's sign-in rule and
    a lifted card to the session too, on the UI thread and in the order the reader
    saw them (the reader calls this on its own thread)."""
    def on_event(event: Event) -> None:
        if isinstance(event, CardRead):
            card = event.card
            core.ui.post(lambda: _card_read(core, card))
        elif isinstance(event, CardRemoved):
            core.ui.post(core.session.card_removed)
    return on_event


def _card_read(core: KioskCore, card: Card) -> None:
    """A visitor signing in, or the technician's test read while the menu is open."""
    if core.card_test is not None:
        core.card_test(card)
        return
    core.session.card_read(card, core.clock.now().astimezone(CHINA).date())


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Start the reader driver (and the simulator when configured) and wire the session."""
    from devices.idcard.driver import IdcardReader

    cfg = core.settings.idcard
    if cfg.driver == "none":
        return
    port = cfg.port
    if cfg.driver == "sim":
        from devices.idcard.simulator import IdcardSimulator

        sim = IdcardSimulator(baud=cfg.baud).start()
        stack.callback(sim.close)
        core.simulators.idcard = sim
        port = sim.port
    # the reader's deadlines time the serial wire, which runs in real time even when a
    # script drives the visitor's clock (core.clock) ahead by minutes in one step
    reader = IdcardReader(port, cfg.baud, on_event=card_events(core), clock=RealClock())
    core.reader = reader
    core.session.add_holder("card", reader.card_present)
    reader.start()
    stack.callback(reader.close)
