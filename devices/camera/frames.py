"""Frames from files: pictures, folders of pictures and videos, for the simulator.

Technicians test a camera problem by replaying what it saw; tests replay
sample photos. Frames are read lazily so a long video is never held whole.
A picture's size is read from its header before it is decoded, and one whose
header claims more than MAX_PIXELS is refused: a few hundred bytes can claim
65535 × 65535 pixels, 12 GB once decoded. In a replay, a picture that cannot
be read is skipped with a logged reason and the replay goes on.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from devices.camera.errors import CameraError

log = logging.getLogger(__name__)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff", ".pgm", ".ppm"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm", ".mjpeg", ".mjpg"}
MAX_PIXELS = 50_000_000    # a 50-megapixel photo (150 MB decoded); camera frames are ≤ 8.3 MP


def picture_size(path: str | Path) -> tuple[int, int]:
    """(width, height) from the picture's header, without decoding its pixels."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")          # PIL's remarks on damaged metadata
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                return img.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise CameraError(f"picture {path} is refused: it claims more than "
                          f"{MAX_PIXELS // 1_000_000} million pixels") from exc
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
        raise CameraError(f"cannot read picture {path}: not a picture, or damaged") from exc


def read_image(path: str | Path) -> np.ndarray:
    """One picture as a BGR frame; a clear error for a missing, unreadable or huge file."""
    width, height = picture_size(path)
    if width * height > MAX_PIXELS:
        raise CameraError(f"picture {path} is refused: {width} × {height} pixels is more than "
                          f"{MAX_PIXELS // 1_000_000} million")
    try:
        frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
    except cv2.error as exc:
        raise CameraError(f"cannot read picture {path}: damaged") from exc
    if frame is None or frame.size == 0:
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


def _pictures(paths: Iterable[Path]) -> Iterator[np.ndarray]:
    for path in paths:
        try:
            frame = read_image(path)
        except CameraError as exc:
            log.warning("picture skipped", extra={"cause": str(exc)})
            continue
        yield frame


def frames_from(path: str | Path) -> Iterator[np.ndarray]:
    """The frames one path stands for: a picture, every picture in a folder, or a video.

    Pictures that cannot be read are skipped (and logged), as is a video that
    cannot be opened.
    """
    p = Path(path)
    if p.is_dir():
        yield from _pictures(c for c in sorted(p.iterdir())
                             if c.suffix.lower() in IMAGE_SUFFIXES)
    elif p.suffix.lower() in VIDEO_SUFFIXES:
        try:
            yield from _video(p)
        except CameraError as exc:
            log.warning("video skipped", extra={"cause": str(exc)})
    else:
        yield from _pictures([p])


def playlist(paths: Iterable[str | Path], repeat: int = 1) -> Iterator[np.ndarray]:
    """Every frame of every path in order, each shown repeat times (a camera's steady view)."""
    for path in paths:
        for frame in frames_from(path):
            for _ in range(max(1, repeat)):
                yield frame
