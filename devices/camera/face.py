"""Guided face photo: find the face, tell the visitor what to do, capture when steady.

The detector is OpenCV's frontal-face Haar cascade from the pinned 4.x wheel
(cv2.data.haarcascades): nothing is downloaded at run time. Guidance is a
message key ("face.closer", ...) that the screen translates and speaks. The
photo is a small JPEG held in memory only; the caller decides where it goes,
and only with the visitor's separate consent.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from devices.camera.errors import CameraError
from devices.clock import MonotonicClock

CASCADE = "haarcascade_frontalface_default.xml"
KEYS = ("face.no_face", "face.one_person", "face.closer", "face.further", "face.centre",
        "face.hold_still", "face.done")
_local = threading.local()   # CascadeClassifier is not safe to share between threads
Box = tuple[int, int, int, int]


def _cascade() -> cv2.CascadeClassifier:
    cascade = getattr(_local, "cascade", None)
    if cascade is None:
        path = Path(cv2.data.haarcascades) / CASCADE
        cascade = cv2.CascadeClassifier(str(path))
        if cascade.empty():
            raise CameraError(f"face model {path} missing: install opencv-python-headless 4.x")
        _local.cascade = cascade
    return cascade


def detect_faces(gray: np.ndarray, min_frac: float = 0.1, work_width: int = 320) -> list[Box]:
    """Faces at least min_frac of the frame width, found on a downscaled copy for speed."""
    scale = min(1.0, work_width / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.equalizeHist(small)
    side = max(20, int(min_frac * small.shape[1]))
    found = _cascade().detectMultiScale(small, scaleFactor=1.1, minNeighbors=6,
                                        minSize=(side, side))
    return [tuple(int(round(v / scale)) for v in f) for f in found]  # type: ignore[misc]


def sharpness(gray: np.ndarray, box: Box) -> float:
    """Variance of the Laplacian over the face, at a fixed size so distance does not matter."""
    x, y, w, h = box
    roi = cv2.resize(gray[y:y + h, x:x + w], (100, 100), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(roi, cv2.CV_64F).var())


@dataclass(frozen=True)
class FaceAdvice:
    """What the screen shows after one frame: a message key, the box, hold progress."""

    key: str
    box: Box | None = None
    progress: float = 0.0
    sharpness: float = 0.0
    photo: bytes | None = None


@dataclass(frozen=True)
class FaceRules:
    """When a face is good enough to capture (shares of the frame size)."""

    min_size: float = 0.22
    max_size: float = 0.65
    centre_tolerance: float = 0.12
    move_tolerance: float = 0.04
    min_sharpness: float = 40.0
    hold_s: float = 1.0
    photo_width: int = 320
    jpeg_quality: int = 85


class FaceGuide:
    """Turns frames into guidance and, once the face is steady, one photo."""

    def __init__(self, clock: MonotonicClock, rules: FaceRules | None = None) -> None:
        self.clock = clock
        self.rules = rules or FaceRules()
        self._since: float | None = None
        self._last: Box | None = None
        self.photo: bytes | None = None

    def reset(self) -> None:
        """Forget the face and the photo (the visitor left or declined)."""
        self._since, self._last, self.photo = None, None, None

    def feed(self, frame: np.ndarray) -> FaceAdvice:
        """Advice for this frame; the advice carrying the photo comes exactly once."""
        if self.photo is not None:
            return FaceAdvice("face.done", progress=1.0)
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        box = _main_face(detect_faces(gray, min_frac=0.08))
        if not isinstance(box, tuple):
            self._since, self._last = None, None
            return FaceAdvice(box)
        key = self._placement(box, gray.shape[1], gray.shape[0])
        sharp = sharpness(gray, box)
        moved = self._moved(box, gray.shape[1])
        self._last = box
        if key is None and (moved or sharp < self.rules.min_sharpness):
            key = "face.hold_still"
        if key is not None:
            self._since = None
            return FaceAdvice(key, box, 0.0, sharp)
        return self._steady(frame, box, sharp)

    def _placement(self, box: Box, width: int, height: int) -> str | None:
        x, y, w, h = box
        if w < self.rules.min_size * width:
            return "face.closer"
        if w > self.rules.max_size * width:
            return "face.further"
        off_x = abs(x + w / 2 - width / 2) / width
        off_y = abs(y + h / 2 - height / 2) / height
        if max(off_x, off_y) > self.rules.centre_tolerance:
            return "face.centre"
        return None

    def _moved(self, box: Box, width: int) -> bool:
        if self._last is None:
            return False
        shift = max(abs(a - b) for a, b in zip(box, self._last, strict=True))
        return shift > self.rules.move_tolerance * width

    def _steady(self, frame: np.ndarray, box: Box, sharp: float) -> FaceAdvice:
        now = self.clock.monotonic()
        if self._since is None:
            self._since = now
        progress = min(1.0, (now - self._since) / max(self.rules.hold_s, 1e-6))
        if progress < 1.0:
            return FaceAdvice("face.hold_still", box, progress, sharp)
        self.photo = portrait_jpeg(frame, box, self.rules.photo_width, self.rules.jpeg_quality)
        return FaceAdvice("face.done", box, 1.0, sharp, self.photo)


def _main_face(faces: list[Box]) -> Box | str:
    """The visitor's face, or a key: nobody, or two people equally close (someone beside).

    A face much smaller than the largest is someone waiting further back.
    """
    if not faces:
        return "face.no_face"
    faces = sorted(faces, key=lambda f: f[2], reverse=True)
    if len(faces) > 1 and faces[1][2] * 1.5 > faces[0][2]:
        return "face.one_person"
    return faces[0]


def portrait_jpeg(frame: np.ndarray, box: Box, width: int, quality: int) -> bytes:
    """A 3:4 head-and-shoulders crop around the face, downscaled, as JPEG bytes."""
    x, y, w, h = box
    crop_w = int(w * 2.0)
    crop_h = int(crop_w * 4 / 3)
    left = max(0, int(x + w / 2 - crop_w / 2))
    top = max(0, int(y + h * 0.45 - crop_h / 2))
    crop = frame[top:top + crop_h, left:left + crop_w]
    scale = min(1.0, width / crop.shape[1])
    small = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise CameraError("cannot encode the photo")
    return data.tobytes()
