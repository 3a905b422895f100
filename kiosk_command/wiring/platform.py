"""The platform link: signed client, offline outbox and catalog cache as core.platform."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.core import KioskCore


def build_service(settings: Settings, clock: Clock):  # noqa: ANN201 - PlatformService
    """A PlatformService from settings, threads not started (the CLI uses it too)."""
    from kiosk.flows import outbox_kinds
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.errors import PlatformError
    from kiosk.platform.service import Options, PlatformService
    from kiosk.platform.signing import load_key

    cfg = settings.platform
    if not cfg.key_file:
        raise PlatformError("platform: platform.key_file is not set (enrol the terminal first)")
    client = PlatformClient(cfg.url, cfg.device_id, load_key(cfg.key_file), clock=clock,
                            timeout_s=cfg.timeout_s)
    return PlatformService(Path(settings.paths.data_dir).expanduser(), client, clock,
                           Options.from_section(cfg, app_version=_version()),
                           outbox_kinds())


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("employment-kiosk")
    except PackageNotFoundError:
        return "0"


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Start the outbox sender and the periodic catalog sync; stop them with the stack."""
    service = build_service(core.settings, core.clock)
    core.platform = service.start()
    stack.callback(service.stop)
