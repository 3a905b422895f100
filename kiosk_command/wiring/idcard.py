"""The ID-card reader: the real serial port, or the simulator on a pseudo-terminal."""

from __future__ import annotations

import contextlib

from kiosk.core import KioskCore


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
        core.simulators["idcard"] = sim
        port = sim.port
    reader = IdcardReader(port, cfg.baud, monotonic=core.clock.monotonic)
    core.reader = reader
    core.session.add_holder("card", reader.card_present)
    reader.start()
    stack.callback(reader.close)
