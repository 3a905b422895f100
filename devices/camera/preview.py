"""The preview picture for the screen: small, mirrored, ready for a texture upload.

The UI thread only copies these bytes into a texture (Kivy: colorfmt "bgr");
the resize happens here, off the UI thread when called from an analyser.
A mirrored preview is what people expect when they look at themselves.
"""

from __future__ import annotations

import cv2
import numpy as np


def preview(frame: np.ndarray, max_width: int = 480, mirror: bool = True,
            flip_vertical: bool = True) -> tuple[bytes, tuple[int, int]]:
    """BGR bytes and (width, height); flipped vertically for bottom-up GL textures."""
    scale = min(1.0, max_width / frame.shape[1])
    small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if mirror and flip_vertical:
        small = cv2.flip(small, -1)
    elif mirror:
        small = cv2.flip(small, 1)
    elif flip_vertical:
        small = cv2.flip(small, 0)
    return np.ascontiguousarray(small).tobytes(), (small.shape[1], small.shape[0])
