"""The platform link: signed client, offline outbox and catalog cache as core.platform."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.core import KioskCore
from kiosk_command.release import release


def build_service(settings: Settings, clock: Clock):  # noqa: ANN201 - PlatformService
    """A PlatformService from settings, threads not started (the CLI uses it too)."""
    from kiosk.flows import outbox_kinds
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.errors import PlatformError
    from kiosk.platform.service import Options, PlatformService
    from kiosk.platform.signing import load_key

    cfg = settings.platform
    key_file = key_path(settings)
    if key_file is None:
        raise PlatformError("platform: no signing key (platform.key_file is not set and the "
                            "terminal has not been paired)")
    client = PlatformClient(cfg.url, cfg.device_id, load_key(key_file), clock=clock,
                            timeout_s=cfg.timeout_s)
    return PlatformService(Path(settings.paths.data_dir).expanduser(), client, clock,
                           Options.from_section(cfg, app_version=release()),
                           outbox_kinds())


def key_path(settings: Settings) -> Path | None:
    """The configured key file, else the key pairing left in the data folder."""
    from kiosk.fleet.enrolment import KEY_FILE

    if settings.platform.key_file:
        return Path(settings.platform.key_file).expanduser()
    paired = Path(settings.paths.data_dir).expanduser() / KEY_FILE
    return paired if paired.exists() else None


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Start the outbox sender and the periodic catalog sync; stop them with the stack.
    A terminal without a key asks to be paired first when platform.pairing says so
    (kiosk_command/pairing.py) and is wired once the key has come."""
    if key_path(core.settings) is None and core.settings.platform.pairing:
        from kiosk_command.pairing import start_pairing

        start_pairing(core, stack, lambda: _wire_paired(core, stack))
        return
    _wire(core, stack)


def _wire_paired(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Once paired: the link, and remote management (wired before the key came)."""
    from kiosk_command.wiring import remote

    _wire(core, stack)
    remote.attach(core, stack)


def _wire(core: KioskCore, stack: contextlib.ExitStack) -> None:
    service = build_service(core.settings, core.clock)
    core.platform = service.start()
    stack.callback(service.stop)
