"""Reading and layering the TOML files and environment into Settings."""

from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config.fields import check_value
from kiosk.config.schema import Settings
from kiosk.errors import ConfigError

log = logging.getLogger(__name__)
ENV_PREFIX = "KIOSK_"
SYSTEM_FILE = Path("/etc/kiosk/kiosk.toml")


def default_file() -> Path:
    """config/default.toml of this source tree (or the installed share copy)."""
    here = Path(__file__).resolve().parents[2] / "config" / "default.toml"
    return here


def read_toml(path: Path) -> dict[str, Any]:
    """Parse one TOML file; a syntax error names the file and line."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config: {path} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"config: cannot read {path}: {exc.strerror}") from exc


def layer(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Merge over into base key by key (tables merge, values replace)."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = layer(out[key], value)
        else:
            out[key] = value
    return out


def env_layer(environ: Mapping[str, str]) -> dict[str, Any]:
    """KIOSK_<SECTION>__<KEY>=value pairs as a nested table; values parse as TOML."""
    tree: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        tree.setdefault(section, {})[key] = _parse_env_value(raw)
    return tree


def _parse_env_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def build(tree: Mapping[str, Any]) -> Settings:
    """Validate a merged table into Settings; unknown keys are errors too."""
    hints = typing.get_type_hints(Settings)
    sections: dict[str, Any] = {}
    for name, value in tree.items():
        if name not in hints:
            raise ConfigError(
                f"config: unknown section [{name}]; allowed: {', '.join(sorted(hints))}")
        if not isinstance(value, dict):
            raise ConfigError(f"config: {name} must be a table, got {value!r}")
        sections[name] = _build_section(name, hints[name], value)
    return Settings(**sections)


def _build_section(name: str, cls: type, values: Mapping[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            raise ConfigError(
                f"config: unknown key {name}.{key}; allowed: {', '.join(sorted(fields))}")
        kwargs[key] = check_value(f"{name}.{key}", value, hints[key], fields[key].metadata)
    return cls(**kwargs)


@dataclass(frozen=True)
class Layers:
    """The configuration a terminal was started with, in two parts around the fleet's:
    base (default.toml and the site file) is overridden by the fleet's settings, and
    local (the environment and the caller's overrides) overrides both, so a
    technician on site, a demo or a script has the last word."""

    base: dict[str, Any]
    local: dict[str, Any]

    def settings(self, fleet: Mapping[str, Any] | None = None) -> Settings:
        """Validated Settings with the fleet's layer (ConfigError names what is wrong)."""
        built = build(layer(layer(self.base, fleet or {}), self.local))
        object.__setattr__(built, "_layers", self)      # not a field: see layers_of()
        return built


def layers_of(settings: Settings) -> Layers | None:
    """The layers a Settings was built from (None when built by hand)."""
    return getattr(settings, "_layers", None)


def load_layers(config_file: str | Path | None = None,
                environ: Mapping[str, str] | None = None,
                overrides: Mapping[str, Any] | None = None) -> Layers:
    """default.toml and the site file; the environment and overrides."""
    tree = read_toml(default_file())
    site = Path(config_file) if config_file else (SYSTEM_FILE if SYSTEM_FILE.exists() else None)
    if site is not None:
        tree = layer(tree, read_toml(site))
    local = layer(env_layer(os.environ if environ is None else environ), overrides or {})
    return Layers(tree, local)


def load_settings(config_file: str | Path | None = None,
                  environ: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None, fleet: bool = False) -> Settings:
    """Load default.toml, the site file and the environment, in that order.

    overrides (section -> {key: value}) come last: the demo and scripts use
    them to point the terminal at their own platform and simulators. fleet: a
    running terminal also lays the last good configuration from the fleet
    (kept in its data folder) between the site file and the environment; one
    that no longer validates is left out, with a warning.
    """
    layers = load_layers(config_file, environ, overrides)
    plain = layers.settings()
    if not fleet:
        return plain
    from kiosk.config.fleetfile import read_fleet_file

    held = read_fleet_file(Path(plain.paths.data_dir).expanduser())
    if held is None:
        return plain
    try:
        return layers.settings(held.settings)
    except ConfigError as exc:
        log.warning("the fleet's configuration on disk no longer validates; left out",
                    extra={"version": held.version, "cause": str(exc)})
        return plain
