"""Check-in QR codes: decode a frame, and do not report the same code twice in a row.

Measured on the generated set (bench/camera_qr.py), OpenCV's ArUco-based
detector (cv2.QRCodeDetectorAruco) finds more codes than the classic
cv2.QRCodeDetector and is faster on the median frame, so it goes first. The
few it misses (mostly small, rotated codes; a few tilted or noisy ones) are
tried again with the classic detector, then once more on a 2× upscaled frame,
so a hard frame costs more but an easy one does not.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import cv2
import numpy as np

from devices.camera.clock import MonotonicClock

Attempt = Callable[[np.ndarray], str]


class QrDecoder:
    """Frame in, payload out (or None). Keeps its detectors; one per thread."""

    def __init__(self) -> None:
        self._aruco = cv2.QRCodeDetectorAruco()
        self._classic = cv2.QRCodeDetector()
        self.last_method = ""

    def _attempts(self) -> list[tuple[str, Attempt]]:
        def upscaled(gray: np.ndarray) -> str:
            big = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
            return self._aruco.detectAndDecode(big)[0]

        return [
            ("aruco", lambda gray: self._aruco.detectAndDecode(gray)[0]),
            ("classic", lambda gray: self._classic.detectAndDecode(gray)[0]),
            ("aruco_2x", upscaled),
        ]

    def decode(self, frame: np.ndarray) -> str | None:
        """The payload of the code in frame, trying the cheap way first."""
        gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        for name, attempt in self._attempts():
            try:
                text = attempt(gray)
            except cv2.error:
                text = ""
            if text:
                self.last_method = name
                return text
        self.last_method = ""
        return None


class QrScanner:
    """Decodes frames and reports each code once while it stays in view.

    The same payload is reported again only after it has been out of view for
    repeat_s seconds (injected clock), so a visitor holding a ticket up does not
    check in ten times, but can check in again after stepping away.
    """

    def __init__(self, clock: MonotonicClock, repeat_s: float = 3.0,
                 decoder: QrDecoder | None = None) -> None:
        self.clock, self.repeat_s = clock, repeat_s
        self.decoder = decoder or QrDecoder()
        self._lock = threading.Lock()
        self._last: str | None = None
        self._seen_at = 0.0

    def feed(self, frame: np.ndarray) -> str | None:
        """A newly seen payload, or None (no code, or the same code again)."""
        payload = self.decoder.decode(frame)
        if payload is None:
            return None
        now = self.clock.monotonic()
        with self._lock:
            repeat = payload == self._last and now - self._seen_at < self.repeat_s
            self._last, self._seen_at = payload, now
        return None if repeat else payload

    def reset(self) -> None:
        """Forget the last code (a new visitor)."""
        with self._lock:
            self._last = None
