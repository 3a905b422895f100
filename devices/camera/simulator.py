"""A camera that shows what tests, scripts and technicians put in front of it.

It is a FrameSource like the real camera: the capture worker, QR scanner and
face guide run unchanged on its frames. Fault modes reproduce the field
failures: no camera at start-up, a covered lens (black frames) and a cable
pulled mid-stream (frames stop, the device is gone until plugged back in).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import numpy as np

from devices.camera import synth
from devices.camera.errors import CameraUnavailable, EndOfStream
from devices.camera.frames import read_image

Fault = Literal["none", "no_camera", "black", "disconnect"]
FAULTS: tuple[str, ...] = ("none", "no_camera", "black", "disconnect")


class SimulatedCamera:
    """A FrameSource showing a scene (or a playlist) with optional faults."""

    paced = False

    def __init__(self, width: int = synth.WIDTH, height: int = synth.HEIGHT,
                 frames: Iterator[np.ndarray] | None = None) -> None:
        self.name = "sim"
        self.width, self.height = width, height
        self._lock = threading.Lock()
        self._scene = self._idle()
        self._playlist = frames
        self._fault: Fault = "none"
        self._frames_left = 0
        self._open = False
        self.frames_served = 0
        self.open_attempts = 0

    def _idle(self) -> np.ndarray:
        """The empty counter in front of the kiosk."""
        grey = synth.background(np.random.default_rng(0), self.width, self.height)
        return np.repeat(grey.astype(np.uint8)[:, :, None], 3, axis=2)

    # What is in front of the lens.
    def show(self, frame: np.ndarray) -> None:
        """Show this frame from now on (until something else is shown)."""
        with self._lock:
            self._scene = frame

    def show_qr(self, payload: str, look: synth.QrLook | None = None, seed: int = 0) -> None:
        """A visitor holds up a check-in code."""
        self.show(synth.qr_frame(payload, look, seed, self.width, self.height))

    def show_image(self, path: str | Path) -> None:
        """A picture file fills the view (a ticket photo, a face photo)."""
        self.show(read_image(path))

    def show_face(self, path: str | Path, size: float = 0.3, dx: int = 0, dy: int = 0) -> None:
        """A face photo placed as a visitor would stand: face size as a share of the width."""
        from devices.camera.face_frames import face_frame

        self.show(face_frame(read_image(path), self.width, self.height, size, dx, dy))

    def clear(self) -> None:
        """Nobody in front of the camera."""
        self.show(self._idle())

    def set_fault(self, mode: str, after: int = 0) -> None:
        """Inject a fault; for "disconnect", after that many more frames. "none" plugs back in."""
        if mode not in FAULTS:
            raise ValueError(f"unknown camera fault {mode!r}; known: {', '.join(FAULTS)}")
        with self._lock:
            self._fault = mode  # type: ignore[assignment]
            self._frames_left = after

    @property
    def fault(self) -> str:
        return self._fault

    # FrameSource.
    def open(self) -> None:
        with self._lock:
            self.open_attempts += 1
            if self._fault in ("no_camera", "disconnect"):
                self._open = False
                raise CameraUnavailable("no camera found (simulated)")
            self._open = True

    def read(self) -> np.ndarray | None:
        with self._lock:
            if not self._open or self._fault == "no_camera":
                self._open = False
                return None
            if self._fault == "disconnect":
                if self._frames_left <= 0:
                    self._open = False
                    return None
                self._frames_left -= 1
            frame = self._next()
            self.frames_served += 1
            if self._fault == "black":
                return np.zeros_like(frame)
            return frame

    def _next(self) -> np.ndarray:
        if self._playlist is None:
            return self._scene
        try:
            return next(self._playlist)
        except StopIteration:
            raise EndOfStream("no more simulated frames") from None

    def close(self) -> None:
        with self._lock:
            self._open = False
