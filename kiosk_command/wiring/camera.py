"""Wiring the camera: the simulator, a real OpenCV device, or none."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from devices.camera.face import FaceRules
from devices.camera.frames import playlist
from devices.camera.service import Camera, CameraOptions
from devices.camera.simulator import SimulatedCamera
from devices.camera.source import FrameSource, OpenCVSource
from kiosk.core import KioskCore


def options_from(cfg: Any) -> CameraOptions:
    """CameraOptions from the [camera] settings section."""
    rules = FaceRules(min_size=cfg.face_min_size, min_sharpness=cfg.face_min_sharpness,
                      hold_s=cfg.face_hold_s, photo_width=cfg.photo_width)
    return CameraOptions(fps=cfg.fps, reconnect_max_s=cfg.reconnect_max_s,
                         qr_repeat_s=cfg.qr_repeat_s, face=rules)


def source_from(cfg: Any, device: str | None = None,
                sim_files: Sequence[str] | None = None, repeat: int = 1) -> FrameSource | None:
    """The frame source the settings (or a tool's --device / --sim) ask for; None if disabled."""
    if sim_files:
        return SimulatedCamera(cfg.width, cfg.height, playlist(sim_files, repeat))
    if device is not None:
        return OpenCVSource(device, cfg.width, cfg.height, cfg.fps)
    if cfg.driver == "none":
        return None
    if cfg.driver == "sim":
        return SimulatedCamera(cfg.width, cfg.height)
    return OpenCVSource(cfg.device, cfg.width, cfg.height, cfg.fps)


def attach(core: KioskCore, stack: contextlib.ExitStack) -> None:
    """Set core.camera; capture starts when a screen first asks for frames."""
    cfg = core.settings.camera
    source = source_from(cfg)
    if source is None:
        core.camera = None
        return
    if isinstance(source, SimulatedCamera):
        core.simulators.camera = source
    camera = Camera(source, core.clock, options_from(cfg))
    core.camera = camera
    stack.callback(camera.close)
    # The last frame may show the visitor: drop it and release the camera when they go.
    core.session.on_end(camera.stop)
