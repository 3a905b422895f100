"""The camera as the screens get it: capture plus ready-configured scanners."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TypeVar

from devices.camera.capture import CaptureService
from devices.camera.face import FaceGuide, FaceRules
from devices.camera.qr import QrScanner
from devices.camera.source import FrameSource
from devices.clock import MonotonicClock

User = TypeVar("User", QrScanner, FaceGuide)


@dataclass(frozen=True)
class CameraOptions:
    """Settings the camera's users share (from the [camera] section)."""

    fps: float = 15.0
    reconnect_max_s: float = 8.0
    qr_repeat_s: float = 3.0
    face: FaceRules = field(default_factory=FaceRules)


class Camera(CaptureService):
    """A CaptureService that also hands out a QR scanner and a face guide.

    A screen calls scanner() or face_guide(), registers an analyser that feeds
    frames to it on the capture thread, and hops results to the UI thread.
    """

    def __init__(self, source: FrameSource, clock: MonotonicClock,
                 options: CameraOptions | None = None, autostart: bool = True) -> None:
        self.options = options or CameraOptions()
        super().__init__(source, clock, fps=self.options.fps,
                         backoff_max_s=self.options.reconnect_max_s, autostart=autostart)
        self._handed_out: weakref.WeakSet[QrScanner | FaceGuide] = weakref.WeakSet()

    def scanner(self) -> QrScanner:
        return self._track(QrScanner(self.clock, self.options.qr_repeat_s))

    def face_guide(self) -> FaceGuide:
        return self._track(FaceGuide(self.clock, self.options.face))

    def _track(self, user: User) -> User:
        self._handed_out.add(user)
        return user

    def stop(self) -> None:
        """Stop capturing and make every scanner and guide forget the visitor (and photo)."""
        super().stop()
        for user in list(self._handed_out):
            user.reset()

    close = stop
