"""Generated camera frames without a code, and paper photographed by the camera.

Most frames the check-in camera sees hold no code at all: the hall behind the
visitor, a face leaning in, a hand reaching for the screen, a coat, a poster.
The decoder spends most of its time on those, so the benchmark and the tests
need them as much as frames with a code. The second half of this module turns a
flat picture of printed paper (a ticket off the printer simulator) into what
the lens sees when a visitor holds it up: tilted in perspective, on a paper
texture, lit unevenly, a little out of focus, with sensor noise.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np

from devices.camera.synth import HEIGHT, WIDTH, background

Scene = Callable[[np.random.Generator], np.ndarray]


def _noisy(img: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return img + rng.normal(0, sigma, img.shape)


def dark_hall(rng: np.random.Generator) -> np.ndarray:
    """A dim hall at high sensor gain: mostly noise over a soft background."""
    img = background(rng) * float(rng.uniform(0.3, 0.6))
    return _noisy(img, rng, float(rng.uniform(8, 16)))


def face(rng: np.random.Generator) -> np.ndarray:
    """A visitor leaning towards the lens: head, hair, eyes, mouth, a collar."""
    img = background(rng)
    cx, cy = int(rng.integers(220, 420)), int(rng.integers(180, 300))
    w, h = int(rng.integers(90, 150)), int(rng.integers(120, 190))
    cv2.ellipse(img, (cx, cy + h), (w * 2, h), 0, 180, 360, float(rng.uniform(20, 90)), -1)
    cv2.ellipse(img, (cx, cy - h // 5), (w + 12, h + 10), 0, 0, 360,
                float(rng.uniform(15, 50)), -1)
    cv2.ellipse(img, (cx, cy), (w, h), 0, 0, 360, float(rng.uniform(140, 200)), -1)
    for side in (-1, 1):
        eye = (cx + side * w // 2 - side * 8, cy - h // 6)
        cv2.ellipse(img, eye, (w // 6, w // 12), 0, 0, 360, 230.0, -1)
        cv2.circle(img, eye, w // 14, 30.0, -1)
        cv2.line(img, (eye[0] - w // 5, eye[1] - w // 5), (eye[0] + w // 5, eye[1] - w // 4),
                 40.0, 5)
    cv2.ellipse(img, (cx, cy + h // 2), (w // 3, w // 10), 0, 0, 180, 90.0, 4)
    return _noisy(cv2.GaussianBlur(img, (0, 0), 1.2), rng, 4)


def hand(rng: np.random.Generator) -> np.ndarray:
    """A hand reaching in from the bottom: palm, five fingers, knuckle creases."""
    img = background(rng)
    tone = float(rng.uniform(130, 200))
    cx, cy = int(rng.integers(200, 440)), int(rng.integers(300, 420))
    angle = float(rng.uniform(-30, 30))
    cv2.ellipse(img, (cx, cy), (90, 110), angle, 0, 360, tone, -1)
    for i in range(5):
        a = math.radians(angle - 90 + (i - 2) * 22 + (40 if i == 0 else 0))
        length = 150 if i in (2, 3) else 120
        tip = (int(cx + length * 1.4 * math.cos(a)), int(cy + length * 1.4 * math.sin(a)))
        cv2.line(img, (cx, cy), tip, tone, 34)
        cv2.circle(img, tip, 17, tone, -1)
    for _ in range(6):
        x, y = int(cx + rng.integers(-60, 60)), int(cy + rng.integers(-60, 40))
        cv2.line(img, (x - 25, y), (x + 25, y + int(rng.integers(-8, 8))), tone - 50, 2)
    return _noisy(cv2.GaussianBlur(img, (0, 0), 1.5), rng, 4)


def fabric(rng: np.random.Generator) -> np.ndarray:
    """A checked coat right in front of the lens: crossing stripes and weave."""
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    period = float(rng.uniform(18, 48))
    theta = float(rng.uniform(0, math.pi))
    u = xs * math.cos(theta) + ys * math.sin(theta)
    v = -xs * math.sin(theta) + ys * math.cos(theta)
    stripes = (np.sin(u * 2 * math.pi / period) > 0.3) * 70 + (
        np.sin(v * 2 * math.pi / period) > 0.3) * 70
    weave = np.sin(u * 2.1) * np.sin(v * 2.1) * 18
    return _noisy(60 + stripes + weave, rng, 5)


def tiles(rng: np.random.Generator) -> np.ndarray:
    """Floor or wall tiles in perspective: a grid of dark joints on light squares."""
    tile = np.full((600, 800), float(rng.uniform(170, 220)), np.float32)
    step = int(rng.integers(40, 80))
    for x in range(0, 800, step):
        cv2.line(tile, (x, 0), (x, 600), 60.0, 3)
    for y in range(0, 600, step):
        cv2.line(tile, (0, y), (800, y), 60.0, 3)
    src = np.float32([[0, 0], [800, 0], [800, 600], [0, 600]])
    squeeze = float(rng.uniform(100, 250))
    dst = np.float32([[squeeze, 0], [WIDTH - squeeze, 0], [WIDTH, HEIGHT], [0, HEIGHT]])
    img = cv2.warpPerspective(tile, cv2.getPerspectiveTransform(src, dst), (WIDTH, HEIGHT),
                              borderValue=120.0)
    return _noisy(cv2.GaussianBlur(img, (0, 0), 0.8), rng, 4)


def poster(rng: np.random.Generator) -> np.ndarray:
    """A notice board behind the visitor: lines of printed text, boxes and a logo."""
    img = background(rng)
    x0, y0 = int(rng.integers(40, 200)), int(rng.integers(20, 120))
    cv2.rectangle(img, (x0, y0), (x0 + 360, y0 + 320), 235.0, -1)
    font = cv2.FONT_HERSHEY_SIMPLEX
    for row in range(9):
        words = "".join(rng.choice(list("ABCDEGHKMNOPQRSW@#8 "), 18))
        cv2.putText(img, words, (x0 + 12, y0 + 34 + row * 32), font, 0.7, 30.0, 2)
    cv2.rectangle(img, (x0 + 250, y0 + 240), (x0 + 340, y0 + 310), 40.0, 4)
    cv2.circle(img, (x0 + 295, y0 + 275), 22, 40.0, 5)
    return _noisy(cv2.GaussianBlur(img, (0, 0), 1.0), rng, 5)


def empty_wall(rng: np.random.Generator) -> np.ndarray:
    """A plain wall or a covered lens: hardly anything but noise."""
    return _noisy(np.full((HEIGHT, WIDTH), float(rng.uniform(0, 230)), np.float32), rng, 3)


SCENES: dict[str, Scene] = {"dark_hall": dark_hall, "face": face, "hand": hand,
                            "fabric": fabric, "tiles": tiles, "poster": poster,
                            "wall": empty_wall}


def empty_frames(per_scene: int = 5, seed: int = 911) -> list[tuple[str, np.ndarray]]:
    """(scene, BGR frame) for every scene kind, deterministic on every machine."""
    rng = np.random.default_rng(seed)
    out: list[tuple[str, np.ndarray]] = []
    for name, make in SCENES.items():
        for _ in range(per_scene):
            grey = np.clip(make(rng), 0, 255).astype(np.uint8)
            out.append((name, cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)))
    return out


def paper_texture(shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Thermal paper seen close up: slight fibres and blotches, multiplied onto the print."""
    h, w = shape
    fibres = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 1.5)
    blotches = cv2.resize(rng.normal(0, 1, (h // 40 + 2, w // 40 + 2)).astype(np.float32),
                          (w, h), interpolation=cv2.INTER_CUBIC)
    return 1.0 + 0.03 * fibres / max(float(fibres.std()), 1e-6) + 0.02 * blotches


def photograph(paper: np.ndarray, rng: np.random.Generator, qr_side: float,
               qr_box: tuple[int, int, int, int]) -> np.ndarray:
    """The printed paper (grey, white = 255) as the camera sees it held up.

    qr_box (x, y, w, h) is where the code sits on the paper; the paper is scaled
    so the code is about qr_side pixels across and placed so the code is in
    view, then tilted in perspective, rotated, lit by a gradient, blurred and
    given sensor noise over a hall background.
    """
    h, w = paper.shape
    textured = paper.astype(np.float32) * paper_texture((h, w), rng) * 0.93
    scale = qr_side / qr_box[2]
    qx, qy = qr_box[0] + qr_box[2] / 2, qr_box[1] + qr_box[3] / 2
    centre = np.array([WIDTH / 2 + rng.uniform(-90, 90), HEIGHT / 2 + rng.uniform(-50, 50)])
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    flat = (corners - [qx, qy]) * scale
    theta = math.radians(float(rng.uniform(-35, 35)))
    rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
    placed = flat @ rot.T + centre
    tilt = float(rng.uniform(0.05, 0.25))                # the top edge further from the lens
    top = placed[:2].mean(axis=0)
    placed[:2] = top + (placed[:2] - top) * (1 - tilt)
    placed[:2] += (centre - top) * tilt * 0.3
    matrix = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    img = background(rng)
    warped = cv2.warpPerspective(textured, matrix, (WIDTH, HEIGHT), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (WIDTH, HEIGHT),
                               flags=cv2.INTER_LINEAR)
    img = img * (1 - mask) + warped * mask
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    a = float(rng.uniform(0, 2 * math.pi))
    ramp = (xs * math.cos(a) + ys * math.sin(a)) / math.hypot(WIDTH, HEIGHT)
    img = img * (0.65 + float(rng.uniform(0.2, 0.45)) * (ramp - ramp.min()))
    img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.5, 1.4)))
    img = _noisy(img, rng, float(rng.uniform(2, 6)))
    grey = np.clip(img, 0, 255).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
