"""A terminal with no signing key: out of service with its pairing code on the glass
and on paper, until a technician confirms the code on the platform; then the
platform link and remote management are wired and the terminal serves.

Started by the platform wiring when it finds no key.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.core import KioskCore
from kiosk.fleet.enrolment import Pairing, PairingError
from kiosk.platform.worker import Periodic

log = logging.getLogger(__name__)
POLL_S = 3.0


class _PairingRound:
    def __init__(self, core: KioskCore, pairing: Pairing, wire: Callable[[], None],
                 stack: contextlib.ExitStack) -> None:
        self.core, self.pairing, self.wire, self.stack = core, pairing, wire, stack
        self.asked = self.printed = self.done = False
        self.worker: Periodic | None = None

    def __call__(self) -> None:
        if self.done:
            return
        self._print_once()
        try:
            if not self.asked:
                self.pairing.ask()
                self.asked = True
            key = self.pairing.poll()
        except PairingError as exc:
            log.warning("pairing waits for the platform", extra={"cause": str(exc)})
            return
        self.core.pairing_code = self.pairing.request.shown_code
        if key is None:
            return
        self.pairing.keep(key)
        self.done = True
        self.core.pairing_code = ""
        self.wire()
        self.core.ui.post(self.core.session.back_in_service)

    def _print_once(self) -> None:
        """The code on paper too, once the printer is wired (it may come after us)."""
        printer = self.core.printer
        if self.printed or printer is None:
            return
        from kiosk.fleet.testpage import pairing_slip
        from kiosk.receipts.stamp import Stamp

        k = self.core.settings.kiosk
        stamp = Stamp(k.hall_name, k.terminal_id, self.core.clock.now().strftime(
            "%Y-%m-%d %H:%M"))
        printer.submit(pairing_slip(stamp, self.pairing.request.shown_code,
                                    printer.renderer.profile.paper_mm),
                       f"pairing:{self.pairing.request.request_id}")
        self.printed = True


def start_pairing(core: KioskCore, stack: contextlib.ExitStack,
                  wire: Callable[[], None]) -> None:
    pairing = Pairing(core.settings.platform.url, core.settings.platform.device_id,
                      Path(core.settings.paths.data_dir).expanduser(),
                      core.settings.platform.timeout_s)
    core.pairing_code = pairing.request.shown_code
    core.ui.post(lambda: core.session.out_of_service("pairing"))
    job = _PairingRound(core, pairing, wire, stack)
    worker = Periodic("pairing", job, POLL_S).start()
    stack.callback(worker.stop)
