"""The platform link: signed client, offline outbox and catalog cache as core.platform."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.core import KioskCore


def build_service(settings: Settings, clock: Clock):  # noqa: ANN201 - PlatformService
    """A PlatformService from settings, threads not started (the CLI uses it too)."""
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.errors import PlatformError
    from kiosk.platform.service import Options, PlatformService
    from kiosk.platform.signing import load_key

    cfg = settings.platform
    if not cfg.key_file:
        raise PlatformError("platform: platform.key_file is not set (enrol the terminal first)")
    client = PlatformClient(cfg.url, cfg.device_id, load_key(cfg.key_file), clock=clock,
                            timeout_s=cfg.timeout_s)
    options = Options(retention_days=cfg.retention_days, submit_wait_s=cfg.submit_wait_s,
                      retry_min_s=cfg.retry_min_s, retry_max_s=cfg.retry_max_s,
                      sync_interval_s=cfg.sync_interval_s, heartbeat_s=cfg.heartbeat_s,
                      app_version=_version())
    return PlatformService(Path(settings.paths.data_dir).expanduser(), client, clock, options)


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
