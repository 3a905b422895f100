"""Where frames come from: a real camera through OpenCV, or the simulator.

The capture worker only knows this narrow interface, so a USB camera, a video
file and a generated picture are interchangeable behind it.
"""

from __future__ import annotations

from typing import Protocol

import cv2
import numpy as np

from devices.camera.errors import CameraUnavailable


class FrameSource(Protocol):
    """A camera as the capture worker sees it.

    open() raises CameraUnavailable; read() returns a BGR frame, or None when
    the device stopped delivering (unplugged), or raises EndOfStream for a
    finite source. paced is True when read() itself waits for the next frame
    (a real camera), False when the worker must wait 1/fps between reads.
    """

    name: str
    paced: bool

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


def device_spec(device: str) -> int | str:
    """A configured device as OpenCV wants it: "0" is an index, anything else a path."""
    text = str(device).strip()
    return int(text) if text.isascii() and text.isdigit() else text


class OpenCVSource:
    """A V4L2/UVC camera (or a stream URL/path) read with cv2.VideoCapture."""

    paced = True

    def __init__(self, device: str, width: int = 640, height: int = 480, fps: int = 15) -> None:
        self.name = f"opencv:{device}"
        self._spec = device_spec(device)
        self._size = (width, height)
        self._fps = fps
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        """Open the device and ask for the configured resolution and frame rate."""
        self.close()
        # OpenCV prints a warning per backend tried; our error below says it once, clearly.
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        cap = cv2.VideoCapture(self._spec)
        if not cap.isOpened():
            cap.release()
            raise CameraUnavailable(f"cannot open camera {self._spec!r}: check the cable "
                                    "and that no other program holds it")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self._size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self._size[1])
        cap.set(cv2.CAP_PROP_FPS, self._fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)   # the newest frame, not a backlog
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        return frame if ok and frame is not None else None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
