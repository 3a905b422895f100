"""The last good configuration from the fleet, kept in the terminal's data folder.

Written whole (temp file, fsync, rename) once it has validated, read at start-up:
a terminal that restarts while the platform is away runs on what the fleet last
gave it, and a bad version never reaches the disk.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.files import write_atomic

log = logging.getLogger(__name__)
FLEET_FILE = "fleet-config.json"


@dataclass(frozen=True)
class HeldConfig:
    """A version of the fleet's settings (section -> {key: value})."""

    version: int
    settings: dict[str, Any] = field(default_factory=dict)


def read_fleet_file(data_dir: Path) -> HeldConfig | None:
    """The kept version, or None (none yet, or unreadable: logged, then ignored)."""
    path = Path(data_dir) / FLEET_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("the fleet's configuration file is unreadable; ignored",
                    extra={"cause": type(exc).__name__})
        return None
    version, settings = doc.get("version"), doc.get("settings")
    if not isinstance(version, int) or not isinstance(settings, dict):
        log.warning("the fleet's configuration file has no version or settings; ignored")
        return None
    return HeldConfig(version, settings)


def write_fleet_file(data_dir: Path, held: HeldConfig) -> None:
    doc = {"version": held.version, "settings": held.settings}
    write_atomic(Path(data_dir) / FLEET_FILE,
                 json.dumps(doc, ensure_ascii=False, sort_keys=True).encode())
