"""Guided face capture on sample images: guidance keys, auto-capture, never without a face."""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera import synth
from devices.camera.face import KEYS, FaceGuide, FaceRules
from devices.camera.face_frames import face_frame
from devices.camera.frames import read_image
from kiosk.clock import FakeClock

PERIOD = 1 / 15


def _run(guide: FaceGuide, clock: FakeClock, frame: np.ndarray, frames: int) -> list:
    advice = []
    for _ in range(frames):
        advice.append(guide.feed(frame))
        clock.advance(PERIOD)
    return advice


def test_centred_face_is_captured_after_holding_still(centred_face):
    clock = FakeClock()
    guide = FaceGuide(clock, FaceRules(hold_s=1.0, photo_width=240))
    advice = _run(guide, clock, centred_face, 20)
    keys = [a.key for a in advice]
    assert keys[0] == "face.hold_still"
    done = [a for a in advice if a.photo is not None]
    assert len(done) == 1, keys
    first_done = keys.index("face.done")
    assert 14 <= first_done <= 17          # about one second at 15 frames/s
    photo = cv2.imdecode(np.frombuffer(done[0].photo, np.uint8), cv2.IMREAD_COLOR)
    assert photo is not None and photo.shape[1] == 240
    assert photo.shape[0] > photo.shape[1]  # portrait


def test_guidance_says_what_to_do(face_path):
    image = read_image(face_path)
    w, h = synth.WIDTH, synth.HEIGHT
    cases = {
        "face.closer": face_frame(image, w, h, size=0.15),
        "face.centre": face_frame(image, w, h, size=0.3, dx=170),
        "face.no_face": synth.blank_frame(128),
    }
    for key, frame in cases.items():
        advice = FaceGuide(FakeClock()).feed(frame)
        assert advice.key == key
        assert advice.key in KEYS


def test_moving_or_blurred_face_restarts_the_hold(centred_face, face_path):
    clock = FakeClock()
    guide = FaceGuide(clock, FaceRules(hold_s=1.0))
    _run(guide, clock, centred_face, 10)
    blurred = cv2.GaussianBlur(centred_face, (0, 0), 6)
    assert guide.feed(blurred).key == "face.hold_still"
    moved = face_frame(read_image(face_path), synth.WIDTH, synth.HEIGHT, size=0.3, dx=50)
    assert guide.feed(moved).progress == 0.0
    advice = _run(guide, clock, moved, 10)
    assert all(a.photo is None for a in advice)   # the hold started again


def test_image_without_a_face_never_captures(wall_path, qr_path):
    clock = FakeClock()
    guide = FaceGuide(clock, FaceRules(hold_s=0.2))
    for path in (wall_path, qr_path):
        advice = _run(guide, clock, read_image(path), 40)
        assert {a.key for a in advice} == {"face.no_face"}
        assert guide.photo is None


def test_photo_is_given_once_and_forgotten_on_reset(centred_face):
    clock = FakeClock()
    guide = FaceGuide(clock, FaceRules(hold_s=0.2))
    photos = [a.photo for a in _run(guide, clock, centred_face, 10) if a.photo]
    assert len(photos) == 1 and photos[0][:2] == b"\xff\xd8"   # a JPEG
    guide.reset()
    assert guide.photo is None
    assert guide.feed(centred_face).key == "face.hold_still"
