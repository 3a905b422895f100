"""Building the KioskCore: the session, every wired capability and the flows."""

from __future__ import annotations

import contextlib
import importlib
import logging
import pkgutil

from devices.errors import DeviceError
from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.core import KioskCore
from kiosk.errors import KioskError
from kiosk.flows import build_flows
from kiosk.session import SessionTimings, VisitorSession

log = logging.getLogger(__name__)


def build_core(settings: Settings, clock: Clock, stack: contextlib.ExitStack,
               wire: bool = True) -> KioskCore:
    """A core with its flows, and every capability wired unless wire is False.

    The flows read the core's slots when they act, so a caller that wants the
    first frame sooner passes wire=False and calls wire_capabilities() after it.
    """
    session = VisitorSession(clock, SessionTimings.from_settings(settings.kiosk),
                             settings.kiosk.language)
    core = KioskCore(settings=settings, clock=clock, session=session)
    core.flows = build_flows(core)
    if wire:
        wire_capabilities(core, stack)
    return core


def wire_capabilities(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Every capability of kiosk_command.wiring; one that fails stays empty.

    A broken printer must not keep visitors from the other services: the
    failure is logged with its cause and the capability's screens say it is
    unavailable.
    """
    import kiosk_command.wiring as wiring

    for info in sorted(pkgutil.iter_modules(wiring.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kiosk_command.wiring.{info.name}")
        try:
            module.attach(core, stack)
        except (KioskError, DeviceError, OSError) as exc:
            log.error("capability unavailable", extra={"capability": info.name,
                                                       "cause": str(exc)})
