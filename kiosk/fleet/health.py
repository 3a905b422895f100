"""The terminal's health as the contract's `TerminalHealth`: words a technician reads.

Every part is read when asked, from the core's slots (a device that was never
wired is `absent`, not an error), so a heartbeat says what is true now.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kiosk.core import KioskCore

DeviceState = Literal["ok", "absent", "unknown", "no_reader", "sam_fault", "fault",
                      "paper_near_end", "paper_out", "cover_open", "offline", "lost",
                      "reconnecting"]


@dataclass(frozen=True)
class DeviceHealth:
    """One device's state in the contract's words, and a technician's detail."""

    state: DeviceState
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"state": self.state, "detail": self.detail[:200]} if self.detail \
            else {"state": self.state}


ABSENT = DeviceHealth("absent")
_READER = {"ok": "ok", "no_reader": "no_reader", "sam_error": "sam_fault", "fault": "fault"}
_PRINTER = {"ok": "ok", "unknown": "unknown", "paper_out": "paper_out",
            "cover_open": "cover_open", "error": "fault", "offline": "offline",
            "paper_near_end": "paper_near_end"}


def reader_health(core: KioskCore) -> DeviceHealth:
    if core.reader is None:
        return ABSENT
    status = core.reader.status()
    state: DeviceState = _READER.get(status.state.value, "fault")  # type: ignore[assignment]
    return DeviceHealth(state, f"{status.port}; {status.cards_read} cards read")


def printer_health(core: KioskCore) -> DeviceHealth:
    if core.printer is None:
        return ABSENT
    reason = core.printer.status().reason
    state: DeviceState = _PRINTER.get(reason, "fault")  # type: ignore[assignment]
    return DeviceHealth(state)


def camera_health(core: KioskCore) -> DeviceHealth:
    """A camera that is stopped because no screen needs it is fine; one that keeps
    reconnecting after frames came is lost."""
    if core.camera is None:
        return ABSENT
    status = core.camera.status()
    if status.state.value == "reconnecting":
        lost: DeviceState = "lost" if status.frames or status.reconnects > 1 else "reconnecting"
        return DeviceHealth(lost, status.last_error or "")
    return DeviceHealth("ok", "lens covered or dark" if status.dark else "")


def device_health(core: KioskCore) -> dict[str, DeviceHealth]:
    """Every device's health, by the contract's device names."""
    return {"reader": reader_health(core), "printer": printer_health(core),
            "camera": camera_health(core), "audio": ABSENT}


@dataclass(frozen=True)
class Facts:
    """What health needs besides the core: the release, when the app started, the
    last clock skew the heartbeat measured."""

    release: str
    started_at: float
    clock_skew_s: float | None = None


def health(core: KioskCore, facts: Facts) -> dict[str, object]:
    """The contract's TerminalHealth for this moment (without config: the Fleet adds it)."""
    now = core.clock.now().timestamp()
    report: dict[str, object] = {
        "release": facts.release[:60], "uptime_s": round(max(0.0, now - facts.started_at), 1),
        "session": core.session.state.value,
        "devices": {name: h.to_json() for name, h in device_health(core).items()},
        "clock_skew_s": facts.clock_skew_s, "disk_free_mb": _disk_free_mb(core),
        "memory_mb": _memory_mb(), "outbox": {"pending": 0, "parked": 0, "set_aside": 0},
        "catalog": {}, "reachable": None}
    if core.platform is not None:
        report.update(core.platform.link_health())
    if core.session.state.value == "out_of_service" and core.session.failure:
        report["out_of_service_message"] = core.session.failure[:200]
    if core.printer is not None:
        report["receipts_since_paper_change"] = core.printer.printed_since_paper_change
    update = last_update(Path(core.settings.paths.data_dir).expanduser())
    if update is not None:
        report["update"] = update
    return report


UPDATE_RESULTS = ("switched", "rolled_back", "failed")


def last_update(data_dir: Path) -> dict[str, str] | None:
    """The last release switch kiosk-update recorded (deploy/bin/kiosk-update writes
    update.json in the data folder), in the contract's shape; None without one or when
    the file is not what the updater writes."""
    try:
        doc = json.loads((data_dir / "update.json").read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("result") not in UPDATE_RESULTS:
        return None
    limits = {"from_release": 60, "to_release": 60, "reason": 200, "at": 20}
    return {"result": doc["result"],
            **{k: str(doc.get(k, ""))[:n] for k, n in limits.items() if doc.get(k)}}


def _disk_free_mb(core: KioskCore) -> float:
    folder = Path(core.settings.paths.data_dir).expanduser()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return round(shutil.disk_usage(folder).free / 2**20, 1)


def _memory_mb() -> float:
    """Resident memory now (from /proc where there is one, else the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
