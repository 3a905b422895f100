"""The camera's state as remote management sees it."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass


class CameraState(enum.StrEnum):
    """Where the capture worker is."""

    STOPPED = "stopped"            # not capturing (no screen needs frames)
    RUNNING = "running"            # frames arriving
    RECONNECTING = "reconnecting"  # device missing or lost; retrying with back-off
    ENDED = "ended"                # a finite source (file, video) has played out


@dataclass(frozen=True)
class CameraStatus:
    """A snapshot for the technicians' console and the platform's health report."""

    source: str
    state: CameraState
    frames: int = 0
    reconnects: int = 0
    dark: bool = False              # lens covered or no light: frames are (nearly) black
    last_error: str | None = None
    retry_in_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.state in (CameraState.RUNNING, CameraState.STOPPED) and not self.dark

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["state"] = self.state.value
        data["ok"] = self.ok
        return data
