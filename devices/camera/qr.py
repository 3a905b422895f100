"""Check-in QR codes: decode a frame, and do not report the same code twice in a row.

The order is what bench/camera_qr.py measured to be cheapest at the same rate:
1. the finder-pattern look (devices/camera/finder.py) on the half-size frame:
   a frame without anything like a finder ends here, so the frames with no
   code, which are most of them, cost a fraction of a millisecond;
2. zbar on that half-size frame (when libzbar is installed): reads nearly
   every code of ordinary size in about a millisecond;
3. zbar on the full frame, for codes too small for the half size;
4. OpenCV, for what zbar missed.
Without libzbar (logged once) steps 2 and 3 are left out and the kiosk reads
codes with OpenCV alone, as before.

Of OpenCV's detectors, on the generated set, the ArUco-based
detector (cv2.QRCodeDetectorAruco) finds more codes than the classic
cv2.QRCodeDetector and is faster on the median frame, so it goes first. The
few it misses (mostly small, rotated codes; a few tilted or noisy ones) are
tried again with the classic detector, then once more on a 2× upscaled frame,
so a hard frame costs more but an easy one does not.

Whatever it is handed, the decoder answers a payload or None: an empty or
missing frame, a frame too small for the smallest code, or one that is not an
8-bit picture holds nothing it can read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import cv2
import numpy as np

from devices.camera.finder import finder_count, half_size
from devices.camera.zbar import ZbarReader, open_reader
from devices.clock import MonotonicClock

Attempt = Callable[[np.ndarray], str]
MIN_SIDE = 21                   # a version-1 code is 21 modules across, one pixel each
_TO_GRAY = {1: None, 3: cv2.COLOR_BGR2GRAY, 4: cv2.COLOR_BGRA2GRAY}


def gray_of(frame: object) -> np.ndarray | None:
    """The frame as one contiguous 8-bit channel, or None when it cannot hold a code."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.ndim not in (2, 3):
        return None
    if min(frame.shape[:2]) < MIN_SIDE or (frame.ndim == 3 and frame.shape[2] not in _TO_GRAY):
        return None
    frame = np.ascontiguousarray(frame)
    if frame.ndim == 3:
        code = _TO_GRAY[frame.shape[2]]
        frame = frame[:, :, 0].copy() if code is None else cv2.cvtColor(frame, code)
    return frame


class QrDecoder:
    """Frame in, payload out (or None). Keeps its detectors; one per thread.

    use_zbar: None asks for zbar when it is installed; False reads with OpenCV
    alone (the benchmark's comparison, and a kiosk without libzbar).
    """

    def __init__(self, use_zbar: bool | None = None) -> None:
        self._aruco = cv2.QRCodeDetectorAruco()
        self._classic = cv2.QRCodeDetector()
        self._zbar: ZbarReader | None = open_reader() if use_zbar is not False else None
        self.last_method = ""

    @property
    def has_zbar(self) -> bool:
        return self._zbar is not None

    def _attempts(self) -> list[tuple[str, Attempt]]:
        def upscaled(gray: np.ndarray) -> str:
            big = cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
            return self._aruco.detectAndDecode(big)[0]

        return [
            ("aruco", lambda gray: self._aruco.detectAndDecode(gray)[0]),
            ("classic", lambda gray: self._classic.detectAndDecode(gray)[0]),
            ("aruco_2x", upscaled),
        ]

    def decode(self, frame: np.ndarray | None) -> str | None:
        """The payload of the code in frame, trying the cheap way first; None: nothing found."""
        self.last_method = ""
        gray = gray_of(frame)
        if gray is None:
            return None
        small = half_size(gray) if min(gray.shape) >= 2 * MIN_SIDE else gray
        if not finder_count(small):
            return None
        if self._zbar is not None and (text := self._zbar.read(small)):
            return self._found("zbar_half", text)
        if self._zbar is not None and small is not gray and (text := self._zbar.read(gray)):
            return self._found("zbar", text)
        for name, attempt in self._attempts():
            try:
                text = attempt(gray)
            except cv2.error:
                text = ""
            if text:
                return self._found(name, text)
        return None

    def _found(self, method: str, text: str) -> str:
        self.last_method = method
        return text


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

    def feed(self, frame: np.ndarray | None) -> str | None:
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
