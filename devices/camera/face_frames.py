"""Generated face frames: a sample portrait placed as a visitor stands at the kiosk."""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera.face import detect_faces


def face_frame(image: np.ndarray, width: int, height: int, size: float = 0.3,
               dx: int = 0, dy: int = 0) -> np.ndarray:
    """The portrait scaled so its face spans size × the frame width, centred plus (dx, dy).

    A picture with no face is simply fitted into the frame, so a negative
    sample stays negative.
    """
    faces = detect_faces(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), min_frac=0.05)
    if len(faces):
        x, y, w, h = max(faces, key=lambda f: f[2] * f[3])
        scale = size * width / w
        cx, cy = x + w / 2, y + h / 2
    else:
        scale = min(width / image.shape[1], height / image.shape[0])
        cx, cy = image.shape[1] / 2, image.shape[0] / 2
    tx = width / 2 + dx - scale * cx
    ty = height / 2 + dy - scale * cy
    matrix = np.float32([[scale, 0, tx], [0, scale, ty]])
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)
