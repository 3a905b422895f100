"""Generated camera frames: a QR code on a background, as a visitor holds it up.

A real camera cannot be plugged into CI, so the seam is the frame itself. These
frames reproduce what makes check-in codes hard to read at a kiosk: a ticket
held at an angle or tilted away, a phone screen with glare, a small code far
from the lens, focus blur, sensor noise and washed-out contrast.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

import cv2
import numpy as np
import qrcode

WIDTH, HEIGHT = 640, 480


@dataclass(frozen=True)
class QrLook:
    """How a generated code looks in the frame (all defaults: an easy, square-on code)."""

    size: int = 200          # side of the code in pixels, quiet zone included
    angle: float = 0.0       # in-plane rotation, degrees
    tilt: float = 0.0        # 0..0.4: one edge further from the lens (perspective)
    blur: float = 0.0        # Gaussian sigma in pixels
    noise: float = 0.0       # Gaussian sensor noise, grey levels
    contrast: float = 1.0    # 1 = black on white; 0.3 = washed out
    glare: float = 0.0       # 0..1: strength of a bright spot over the code
    dx: int = 0              # offset of the code's centre from the frame's centre
    dy: int = 0

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def qr_matrix(payload: str) -> np.ndarray:
    """The code's modules as a 0/255 image, one pixel per module, quiet zone included."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    dark = np.array(code.get_matrix(), dtype=bool)
    return np.where(dark, 0, 255).astype(np.uint8)


def background(rng: np.random.Generator, width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """A counter top or a coat: a soft gradient with a few blurred shapes."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 90 + 60 * (xs / width) + 30 * (ys / height) + rng.uniform(-20, 20)
    img = base.astype(np.float32)
    for _ in range(4):
        centre = (int(rng.integers(0, width)), int(rng.integers(0, height)))
        radius = int(rng.integers(20, 120))
        cv2.circle(img, centre, radius, float(rng.uniform(40, 200)), -1)
    return cv2.GaussianBlur(img, (0, 0), 9)


def _destination(look: QrLook, width: int, height: int) -> np.ndarray:
    """Where the code's four corners land: rotated about the centre, one edge shrunk."""
    half = look.size / 2
    shrink = 1.0 - look.tilt
    corners = np.array([[-half, -half * shrink], [half, -half], [half, half],
                        [-half, half * shrink]], dtype=np.float32)
    theta = math.radians(look.angle)
    rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]],
                   dtype=np.float32)
    centre = np.array([width / 2 + look.dx, height / 2 + look.dy], dtype=np.float32)
    return corners @ rot.T + centre


def _glare(img: np.ndarray, look: QrLook, rng: np.random.Generator) -> np.ndarray:
    """A bright spot, as a ceiling light on a phone screen, pushing pixels towards white."""
    h, w = img.shape
    cx = w / 2 + look.dx + rng.uniform(-0.25, 0.25) * look.size
    cy = h / 2 + look.dy + rng.uniform(-0.25, 0.25) * look.size
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    sigma = look.size * 0.22
    spot = np.exp(-((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * sigma * sigma)) * look.glare
    return img + (255 - img) * spot


def qr_frame(payload: str, look: QrLook | None = None, seed: int = 0,
             width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """A BGR frame showing payload's code as look describes."""
    look = look or QrLook()
    rng = np.random.default_rng(seed)
    modules = qr_matrix(payload)
    scale = max(1, math.ceil(look.size / modules.shape[0]) * 2)
    code = cv2.resize(modules, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    side = code.shape[0]
    src = np.array([[0, 0], [side, 0], [side, side], [0, side]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, _destination(look, width, height))
    img = background(rng, width, height)
    warped = cv2.warpPerspective(code.astype(np.float32), matrix, (width, height),
                                 flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones_like(code, dtype=np.float32), matrix, (width, height),
                               flags=cv2.INTER_LINEAR)
    mid = 128.0
    warped = mid + (warped - mid) * look.contrast
    img = img * (1 - mask) + warped * mask
    if look.glare > 0:
        img = _glare(img, look, rng)
    if look.blur > 0:
        img = cv2.GaussianBlur(img, (0, 0), look.blur)
    if look.noise > 0:
        img = img + rng.normal(0, look.noise, img.shape)
    grey = np.clip(img, 0, 255).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


def blank_frame(level: int = 0, width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """A uniform frame: a covered lens (0) or a blank wall."""
    return np.full((height, width, 3), level, dtype=np.uint8)


def checkin_payload(index: int) -> str:
    """A check-in code as the platform prints it on appointment tickets."""
    return f"EKIOSK:APPT:20260302-{index:04d}:{(index * 7919) % 65536:04x}"


def benchmark_set(per_group: int = 25) -> list[tuple[str, str, np.ndarray]]:
    """The generated set the benchmark and tests measure: (group, payload, frame).

    Groups: square-on, rotated 0-45°, tilted, blurred, low contrast, small,
    glare and noise. Deterministic: the same frames on every machine.
    """
    rng = np.random.default_rng(467)
    groups: dict[str, callable] = {
        "plain": lambda i: QrLook(size=int(rng.integers(150, 300))),
        "rotated": lambda i: QrLook(size=200, angle=45 * i / max(1, per_group - 1)),
        "tilted": lambda i: QrLook(size=220, tilt=float(rng.uniform(0.1, 0.3)),
                                   angle=float(rng.uniform(0, 45))),
        "blurred": lambda i: QrLook(size=220, blur=float(rng.uniform(0.8, 2.0))),
        "low_contrast": lambda i: QrLook(size=200, contrast=float(rng.uniform(0.25, 0.4)),
                                         noise=3),
        "small": lambda i: QrLook(size=int(rng.integers(90, 120)),
                                  angle=float(rng.uniform(0, 45))),
        "glare": lambda i: QrLook(size=220, glare=float(rng.uniform(0.4, 0.7))),
        "noise": lambda i: QrLook(size=200, noise=float(rng.uniform(6, 12)), blur=0.6),
    }
    frames: list[tuple[str, str, np.ndarray]] = []
    for g, (name, make) in enumerate(groups.items()):
        for i in range(per_group):
            look = make(i)
            look = replace(look, dx=int(rng.integers(-80, 80)), dy=int(rng.integers(-40, 40)))
            payload = checkin_payload(g * 100 + i)
            frames.append((name, payload, qr_frame(payload, look, seed=g * 1000 + i)))
    return frames
