"""The fleet worker: health into every heartbeat, a heartbeat at once when a device
changes, and the fleet's commands run in their time.

It ticks every second on its own thread (Periodic): fetches a new configuration
version when the last heartbeat named one (config.py), compares the devices' states
and whether the terminal serves at all with the last tick (a change wakes the
heartbeat, so a printer out of paper or a terminal out of service is seen on the
console within seconds, not a minute later), fetches commands when the
last heartbeat said some wait, and runs those that waited for a visitor to finish.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.files import private_dir
from kiosk.fleet.commands import CommandFailed
from kiosk.fleet.config import FleetConfig, fetch
from kiosk.fleet.health import Facts, device_health, health
from kiosk.fleet.ledger import CommandLedger
from kiosk.fleet.loglevels import TimedLevels
from kiosk.fleet.runner import CommandRunner, Handler
from kiosk.platform.worker import Periodic
from kiosk.technician import PinGuard

if TYPE_CHECKING:
    from kiosk.core import KioskCore

log = logging.getLogger(__name__)
TICK_S = 1.0


class Fleet:
    """Remote management of one terminal."""

    def __init__(self, core: KioskCore, data_dir: Path, handlers: Mapping[str, Handler],
                 release: str) -> None:
        self.core = core
        self.facts = Facts(release, core.clock.now().timestamp())
        self.ledger = CommandLedger(private_dir(data_dir) / "fleet.sqlite3")
        self.levels = TimedLevels()
        self.config = FleetConfig(core, data_dir, self._beat_now)
        self._config_wait = threading.Event()
        self.runner = CommandRunner(core, self.ledger, handlers)
        self.worker = Periodic("fleet", self.tick, TICK_S)
        self._devices: dict[str, str] | None = None
        self._commands_wait = threading.Event()
        self._round = threading.Lock()        # the worker's and a script's rounds, one at a time

    def start(self) -> Fleet:
        """Put health into the heartbeat, report what a stop interrupted, start ticking."""
        platform = self.core.platform
        if platform is not None:
            platform.health_source = self.health
            platform.heard = self.heard
        self.runner.recover()
        self.worker.start()
        return self

    def stop(self) -> None:
        self.worker.stop()
        self.ledger.close()

    def health(self) -> dict[str, object]:
        """The contract's TerminalHealth, now."""
        report = {**health(self.core, self.facts), "config": self.config.report()}
        pins = getattr(self.core.flows.get("technician"), "pins", None)
        if isinstance(pins, PinGuard):
            facts = pins.facts()
            report["technician"] = {"uses": facts.uses, "wrong_pins": facts.wrong_in_a_row,
                                    "locked_for_s": facts.locked_for_s}
        return report

    def act(self, kind: str, args: dict[str, object]) -> tuple[bool, str]:
        """Run a command's action now for the technician at the glass (not through the
        platform, so not in the ledger): (done, the line for the technician)."""
        handler = self.runner.handlers.get(kind)
        if handler is None:
            return False, "this terminal has no way to do that now"
        try:
            return True, handler(args)
        except CommandFailed as exc:
            return False, str(exc)
        except Exception as exc:  # noqa: BLE001 - the menu must stay usable
            log.exception("technician action raised", extra={"kind": kind})
            return False, f"unexpected {type(exc).__name__}; see the log"

    def _beat_now(self) -> None:
        if self.core.platform is not None:
            self.core.platform.beat.wake()

    def heard(self, answer: dict[str, Any], at: float) -> None:
        """A heartbeat's answer: the clock's skew, and whether commands wait."""
        server = answer.get("server_time")
        if isinstance(server, int | float):
            self.facts = Facts(self.facts.release, self.facts.started_at,
                               round(at - float(server), 1))
        if answer.get("pending_commands"):
            self._commands_wait.set()
            self.worker.wake()
        if self.config.wants(answer.get("config_version")):
            self._config_wait.set()
            self.worker.wake()

    def tick(self) -> None:
        """One round (also called by scripts, which do not wait for the second)."""
        with self._round:
            self._tick()

    def _tick(self) -> None:
        self._watch_devices()
        for name in self.levels.expire(self.core.clock.now().timestamp()):
            log.info("log level put back", extra={"module": name})
        if self._config_wait.is_set():
            self._config_wait.clear()
            got = fetch(self.core)
            if got is not None:
                self.config.offer(*got)
        self.config.apply_when_idle()
        if self._commands_wait.is_set():
            self._commands_wait.clear()
            self.runner.poll()
        self.runner.run_waiting()

    def _watch_devices(self) -> None:
        now = {name: h.state for name, h in device_health(self.core).items()}
        state = self.core.session.state.value       # out of service or failsafe: say so now
        now["service"] = state if state in ("out_of_service", "failsafe") else "serving"
        pins = getattr(self.core.flows.get("technician"), "pins", None)
        if isinstance(pins, PinGuard):     # a sign-in or a wrong PIN is told at once
            facts = pins.facts()
            now["technician"] = f"{facts.uses}/{facts.wrong_in_a_row}"
        changed = self._devices is not None and now != self._devices
        if changed:
            log.info("device state changed", extra={"devices": now})
            if self.core.platform is not None:
                self.core.platform.beat.wake()
        self._devices = now
