"""A cheap look for QR finder patterns, so frames without a code cost little.

Most camera frames hold no code. A QR code has three finder patterns: a dark
square ring around a light ring around a dark core. Binarised, that is a
contour with a grandchild whose area is a few times smaller. On a half-size
frame this takes a fraction of a millisecond on most scenes, where running the
full decoders over every pixel costs ten or more; a frame with no such nesting
is not handed to them. Tuned on the generated sets (bench/qr_frames.py): it
passes every code of 100 px and more and most smaller ones, and no hall scene
but the odd poster glyph.
"""

from __future__ import annotations

import cv2
import numpy as np

BLOCK, OFFSET = 11, 6          # adaptive threshold neighbourhood and margin, half-size pixels
MIN_AREA = 12                  # outer area of the smallest finder counted, half-size pixels
RATIO = (2.5, 14.0)            # outer area / core area; 49 / 9 for a square-on finder


def half_size(gray: np.ndarray) -> np.ndarray:
    """The frame at half its size, averaged (which also halves sensor noise)."""
    return cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)


def finder_count(small: np.ndarray, enough: int = 1) -> int:
    """How many finder-like nestings small holds, counting up to enough."""
    binary = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                   cv2.THRESH_BINARY_INV, BLOCK, OFFSET)
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return 0
    child = hierarchy[0][:, 2]
    outer = np.nonzero(child >= 0)[0]
    grandchild = hierarchy[0][child[outer], 2]
    found = 0
    for i, j in zip(outer[grandchild >= 0], grandchild[grandchild >= 0], strict=True):
        area, core = cv2.contourArea(contours[i]), cv2.contourArea(contours[j])
        if area >= MIN_AREA and core > 0 and RATIO[0] < area / core < RATIO[1]:
            found += 1
            if found >= enough:
                break
    return found
