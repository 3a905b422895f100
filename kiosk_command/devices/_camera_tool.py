"""What the camera tools share: --device / --sim / --timeout and the frame loop.

With --sim the run is in simulated time: every frame advances a fake clock by
one frame period, so a replayed picture is judged exactly as the live camera
would see it held steady, and a time-out needs no real waiting.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from devices.camera.errors import CameraUnavailable
from devices.camera.status import CameraState
from devices.errors import DeviceError
from kiosk.clock import Clock, FakeClock, SystemClock
from kiosk_command.common import settings_from

if TYPE_CHECKING:
    import numpy as np


def add_source_args(parser: argparse.ArgumentParser, timeout_s: float) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--device", help="camera index or path (default: from settings)")
    group.add_argument("--sim", nargs="+", metavar="FILE",
                       help="pictures, folders or videos to replay instead of a camera")
    parser.add_argument("--timeout", type=float, default=timeout_s, metavar="S",
                        help=f"give up after S seconds (default {timeout_s:g})")


class CameraRun:
    """A camera opened for one tool run, with the clock its time-out is measured on."""

    def __init__(self, args: argparse.Namespace, repeat: int = 1) -> None:
        # imported here: OpenCV, numpy and the simulator's picture makers take a
        # good part of a second, and every `kiosk` command builds this module's parser
        from devices.camera.capture import CaptureService
        from devices.camera.simulator import SimulatedCamera
        from kiosk_command.wiring.camera import source_from

        cfg = settings_from(args).camera
        source = source_from(cfg, args.device, args.sim, repeat)
        if source is None:
            raise CameraUnavailable('camera disabled in settings ([camera] driver = "none")')
        self.simulated = isinstance(source, SimulatedCamera)
        self.clock: Clock = FakeClock() if self.simulated else SystemClock()
        self.period = 1.0 / cfg.fps
        self.capture = CaptureService(source, self.clock, fps=cfg.fps, autostart=False)
        self.timeout_s = args.timeout

    def frames(self) -> Iterator[np.ndarray]:
        """Frames until the time-out or the end of a replayed file list."""
        deadline = self.clock.monotonic() + self.timeout_s
        try:
            while self.clock.monotonic() < deadline:
                got = self.capture.step()
                status = self.capture.status()
                if status.state is CameraState.ENDED:
                    return
                if status.frames == 0 and status.state is CameraState.RECONNECTING:
                    raise CameraUnavailable(status.last_error or "camera cannot be opened")
                self._wait()
                if got:
                    yield self.capture.latest()[0]
        finally:
            self.capture.stop()

    def _wait(self) -> None:
        if isinstance(self.clock, FakeClock):
            self.clock.advance(self.period)
        elif not self.capture.source.paced:
            time.sleep(self.period)


def run_tool(body: Callable[[], int]) -> int:
    """Run a tool body; a camera failure is one stderr line and its exit code."""
    try:
        return body()
    except DeviceError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_code
