"""Configuration from the fleet, on the terminal: validated with its own schema,
kept when good, applied in its time, refused with a reason when not.

A new version is offered when a heartbeat's answer names a higher one. It is laid
over the configuration the terminal started with (kiosk.config.Layers) and
validated whole; a version that does not validate, or that touches what only the
terminal's own files may say (where its data lives, which platform it talks to and
as whom), is refused, the reason goes into the next heartbeat, and the terminal
runs on. A good one is written to disk (the last good, read at the next start),
then what can change while running (texts such as the hall's name and the staff
desk, time-outs, languages, log levels, the receipt allowance) is applied at the
next moment nobody is served; the rest waits for a restart and the heartbeat says
which keys do.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config.fleetfile import HeldConfig, read_fleet_file, write_fleet_file
from kiosk.config.loader import build, layer, layers_of
from kiosk.config.schema import Settings
from kiosk.errors import ConfigError, KioskError

if TYPE_CHECKING:
    from kiosk.core import KioskCore

log = logging.getLogger(__name__)
# what the fleet may not change: the terminal's own files say these
LOCAL_ONLY = {"paths": None, "platform": {"url", "device_id", "key_file"}}
LIVE = {"kiosk": {"hall_name", "staff_desk", "idle_timeout_s", "elder_idle_timeout_s",
                  "warning_s", "failsafe_return_s", "languages", "language", "max_receipts"},
        "logging": {"level", "modules"}}


class ConfigRefused(KioskError):
    """A configuration version the terminal will not run (the message says why)."""


def check(current: Settings, fleet: object) -> Settings:
    """The Settings this version would give; ConfigRefused when it may not be run."""
    if not isinstance(fleet, dict) or not all(isinstance(v, dict) for v in fleet.values()):
        raise ConfigRefused("settings must be tables of keys")
    for section, keys in LOCAL_ONLY.items():
        touched = set(fleet.get(section, {})) if keys is None else keys & set(
            fleet.get(section, {}))
        if touched:
            raise ConfigRefused(f"only the terminal's own files set {section}."
                                f"{', '.join(sorted(touched))}")
    layers = layers_of(current)
    try:
        if layers is not None:
            return layers.settings(fleet)
        return build(layer(dataclasses.asdict(current), fleet))
    except ConfigError as exc:
        raise ConfigRefused(str(exc).removeprefix("config: ")) from None


def differences(old: Settings, new: Settings) -> tuple[set[str], set[str]]:
    """(live, at restart): "section.key" names whose values differ."""
    live, later = set(), set()
    for section in dataclasses.fields(Settings):
        a, b = getattr(old, section.name), getattr(new, section.name)
        for key in dataclasses.fields(a):
            if getattr(a, key.name) != getattr(b, key.name):
                (live if key.name in LIVE.get(section.name, set()) else later).add(
                    f"{section.name}.{key.name}")
    return live, later


def with_live(old: Settings, new: Settings) -> Settings:
    """old with the live keys of new: the rest keeps what the running parts use."""
    sections = {}
    for name, keys in LIVE.items():
        section = getattr(new, name)
        sections[name] = dataclasses.replace(getattr(old, name),
                                             **{k: getattr(section, k) for k in keys})
    updated = dataclasses.replace(old, **sections)
    layers = layers_of(old)
    if layers is not None:
        object.__setattr__(updated, "_layers", layers)
    return updated


class FleetConfig:
    """The fleet's configuration on this terminal: the version run, the one refused."""

    def __init__(self, core: KioskCore, data_dir: Path,
                 on_change: Callable[[], None] = lambda: None) -> None:
        self.core, self.data_dir, self.on_change = core, Path(data_dir), on_change
        held = read_fleet_file(self.data_dir)
        self.version = held.version if held else 0
        self.refused: tuple[int, str] | None = None
        self.pending_restart: list[str] = []
        self._waiting: Settings | None = None
        self._lock = threading.Lock()

    def wants(self, version: object) -> bool:
        """Whether a heartbeat's config_version is worth fetching."""
        return isinstance(version, int) and version > self.version and not (
            self.refused and self.refused[0] == version)

    def offer(self, version: int, settings: object) -> None:
        """A version fetched from the platform: refuse it, or keep it and apply it."""
        if not self.wants(version):
            return
        try:
            new = check(self.core.settings, settings)
        except ConfigRefused as exc:
            self.refused = (version, str(exc))
            log.warning("fleet configuration refused", extra={"version": version,
                                                              "cause": str(exc)})
            self.on_change()
            return
        assert isinstance(settings, dict)
        write_fleet_file(self.data_dir, HeldConfig(version, settings))
        with self._lock:
            self.version, self.refused, self._waiting = version, None, new
        log.info("fleet configuration kept", extra={"version": version})
        self.apply_when_idle()

    def apply_when_idle(self) -> None:
        """Apply what can change live, once nobody is being served."""
        with self._lock:
            new = self._waiting
            if new is None or self.core.session.state.value in ("active", "warning"):
                return
            self._waiting = None
        live, later = differences(self.core.settings, new)
        self.pending_restart = sorted(later)
        if live:
            self.core.ui.call(lambda: self._apply(new), 10.0)
        log.info("fleet configuration applied", extra={
            "version": self.version, "live": sorted(live), "at_restart": self.pending_restart})
        self.on_change()

    def _apply(self, new: Settings) -> None:
        """On the UI thread: the core's settings, the session's time-outs, log levels,
        and whoever listens (the app shell's hall name, desk and languages)."""
        from kiosk.session import SessionTimings

        core = self.core
        core.settings = with_live(core.settings, new)
        core.session.timings = SessionTimings.from_settings(core.settings.kiosk)
        logging.getLogger().setLevel(core.settings.logging.level)
        for name, level in core.settings.logging.modules.items():
            logging.getLogger(name).setLevel(level)
        for listener in list(core.settings_listeners):
            listener(core.settings)

    def report(self) -> dict[str, Any]:
        """The contract's TerminalHealth.config."""
        out: dict[str, Any] = {"version": self.version, "pending_restart": self.pending_restart}
        if self.refused:
            out["refused_version"], out["refused_reason"] = self.refused[0], self.refused[1][:300]
        return out


def fetch(core: KioskCore) -> tuple[int, Mapping[str, Any]] | None:
    """GET /fleet/config: (version, settings), or None when it could not be had."""
    from kiosk.platform.errors import PlatformError

    if core.platform is None:
        return None
    try:
        answer = core.platform.client.get("/fleet/config")
    except PlatformError as exc:
        log.warning("fleet configuration unavailable", extra={"error": type(exc).__name__})
        return None
    version = answer.get("version") if isinstance(answer, dict) else None
    if not isinstance(version, int):
        return None
    return version, answer.get("settings")
