"""Frames from files: pictures, folders of pictures and videos, for the simulator.

Technicians test a camera problem by replaying what it saw; tests replay
sample photos. Frames are read lazily so a long video is never held whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import cv2
import numpy as np

from devices.camera.errors import CameraError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff", ".pgm", ".ppm"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm", ".mjpeg", ".mjpg"}


def read_image(path: str | Path) -> np.ndarray:
    """One picture as a BGR frame; a clear error for a missing or unreadable file."""
    frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if frame is None:
        raise CameraError(f"cannot read picture {path}")
    return frame


def _video(path: Path) -> Iterator[np.ndarray]:
    cap = cv2.VideoCapture(str(path))
    if not cap.isOpened():
        raise CameraError(f"cannot read video {path}")
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                return
            yield frame
    finally:
        cap.release()


def frames_from(path: str | Path) -> Iterator[np.ndarray]:
    """The frames one path stands for: a picture, every picture in a folder, or a video."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.iterdir()):
            if child.suffix.lower() in IMAGE_SUFFIXES:
                yield read_image(child)
    elif p.suffix.lower() in VIDEO_SUFFIXES:
        yield from _video(p)
    else:
        yield read_image(p)


def playlist(paths: Iterable[str | Path], repeat: int = 1) -> Iterator[np.ndarray]:
    """Every frame of every path in order, each shown repeat times (a camera's steady view)."""
    for path in paths:
        for frame in frames_from(path):
            for _ in range(max(1, repeat)):
                yield frame
