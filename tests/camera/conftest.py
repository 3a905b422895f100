"""Camera test data: the sample portrait and generated pictures."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from devices.camera import synth
from devices.camera.face_frames import face_frame
from devices.camera.frames import read_image

DATA = Path(__file__).parent / "data"
FACE = DATA / "face-astronaut.jpg"


@pytest.fixture
def face_path() -> Path:
    return FACE


@pytest.fixture
def centred_face():
    """The portrait as a visitor standing square in front of the kiosk."""
    return face_frame(read_image(FACE), synth.WIDTH, synth.HEIGHT, size=0.3)


@pytest.fixture
def wall_path(tmp_path: Path) -> Path:
    """A picture with no face and no code: the empty hall."""
    path = tmp_path / "wall.png"
    frame = synth.background(__import__("numpy").random.default_rng(3))
    cv2.imwrite(str(path), frame.astype("uint8"))
    return path


@pytest.fixture
def qr_path(tmp_path: Path) -> Path:
    path = tmp_path / "ticket.png"
    cv2.imwrite(str(path), synth.qr_frame("EKIOSK:APPT:T-7", synth.QrLook(angle=20, blur=1)))
    return path
