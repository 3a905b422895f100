"""QR decoding on the generated set, and debouncing of repeats."""

from __future__ import annotations

from collections import Counter

import cv2
import numpy as np
import pytest

from devices.camera import synth
from devices.camera.qr import QrDecoder, QrScanner
from kiosk.clock import FakeClock


@pytest.fixture(scope="module")
def generated():
    return synth.benchmark_set(per_group=8)


def test_decode_rate_on_generated_set(generated):
    decoder = QrDecoder()
    misses = Counter()
    for group, payload, frame in generated:
        if decoder.decode(frame) != payload:
            misses[group] += 1
    rate = 1 - sum(misses.values()) / len(generated)
    assert rate >= 0.98, f"decoded {rate:.1%}; misses per group: {dict(misses)}"


def test_set_covers_the_hard_cases(generated):
    groups = Counter(group for group, _, _ in generated)
    assert set(groups) >= {"rotated", "tilted", "blurred", "low_contrast", "small", "glare"}


@pytest.mark.parametrize("angle", [0, 15, 30, 45])
def test_rotations_up_to_45_degrees(angle):
    frame = synth.qr_frame("EKIOSK:APPT:R", synth.QrLook(size=180, angle=angle, blur=0.8))
    assert QrDecoder().decode(frame) == "EKIOSK:APPT:R"


def test_small_low_contrast_code():
    look = synth.QrLook(size=120, contrast=0.35, noise=3, angle=10)
    assert QrDecoder().decode(synth.qr_frame("EKIOSK:APPT:S", look)) == "EKIOSK:APPT:S"


def test_grey_frames_decode_too():
    import cv2

    frame = cv2.cvtColor(synth.qr_frame("GREY"), cv2.COLOR_BGR2GRAY)
    assert QrDecoder().decode(frame) == "GREY"


def test_nothing_in_view_is_none():
    decoder = QrDecoder()
    assert decoder.decode(synth.blank_frame(0)) is None
    assert decoder.decode(synth.blank_frame(200)) is None
    assert decoder.last_method == ""


def test_same_code_reported_once_while_in_view():
    clock = FakeClock()
    scanner = QrScanner(clock, repeat_s=3.0)
    frame = synth.qr_frame("EKIOSK:APPT:A")
    assert scanner.feed(frame) == "EKIOSK:APPT:A"
    for _ in range(5):             # held up for 5 s: still one check-in
        clock.advance(1.0)
        assert scanner.feed(frame) is None


def test_same_code_again_after_leaving_view():
    clock = FakeClock()
    scanner = QrScanner(clock, repeat_s=3.0)
    frame = synth.qr_frame("EKIOSK:APPT:A")
    assert scanner.feed(frame) == "EKIOSK:APPT:A"
    clock.advance(2.9)
    assert scanner.feed(synth.blank_frame(120)) is None
    assert scanner.feed(frame) is None     # within repeat_s of the last sighting
    clock.advance(3.1)
    assert scanner.feed(frame) == "EKIOSK:APPT:A"


def test_a_different_code_is_reported_at_once():
    scanner = QrScanner(FakeClock(), repeat_s=3.0)
    assert scanner.feed(synth.qr_frame("ONE")) == "ONE"
    assert scanner.feed(synth.qr_frame("TWO")) == "TWO"
    scanner.reset()
    assert scanner.feed(synth.qr_frame("TWO")) == "TWO"


@pytest.mark.parametrize("frame", [
    None, np.zeros((0, 0), np.uint8), np.zeros((0, 0, 3), np.uint8),
    np.zeros((0, 640, 3), np.uint8),
    np.zeros((1, 1, 3), np.uint8), np.zeros((480, 640, 2), np.uint8), np.zeros(640, np.uint8),
    np.zeros((2, 48, 64, 3), np.uint8), np.zeros((48, 64, 3), np.float64),
], ids=["none", "0x0", "0x0x3", "0x640x3", "1x1", "two-channel", "1-d", "4-d", "float"])
def test_an_empty_or_odd_frame_holds_nothing(frame) -> None:
    decoder = QrDecoder()
    assert decoder.decode(frame) is None and decoder.last_method == ""
    assert QrScanner(FakeClock(), decoder=decoder).feed(frame) is None


def test_grey_bgra_and_strided_frames_are_decoded() -> None:
    frame = synth.qr_frame("EKIOSK:APPT:ODD")
    decoder = QrDecoder()
    bgra = cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)
    for variant in (frame[:, :, 0], frame[:, :, :1], bgra, frame[:, ::-1][:, ::-1]):
        assert decoder.decode(variant) == "EKIOSK:APPT:ODD"


def test_hall_scenes_without_a_code_are_none_and_cheap() -> None:
    import time

    from devices.camera.scenes import empty_frames

    decoder = QrDecoder()
    spent = []
    for scene, frame in empty_frames(per_scene=3):
        start = time.perf_counter()
        assert decoder.decode(frame) is None, scene
        spent.append(time.perf_counter() - start)
    spent.sort()
    assert spent[len(spent) // 2] < 0.02          # most end at the finder look


def test_a_photographed_guidance_ticket_is_read() -> None:
    from bench.qr_frames import ticket_frames

    decoder = QrDecoder()
    frames = ticket_frames(4)
    assert all(decoder.decode(frame) == payload for _, payload, frame in frames)
    assert all(payload.startswith("EKIOSK:APPT:") for _, payload, _ in frames)


def test_without_zbar_opencv_reads_the_same_codes(generated) -> None:
    decoder = QrDecoder(use_zbar=False)
    assert not decoder.has_zbar
    read = sum(decoder.decode(frame) == payload for _, payload, frame in generated)
    assert read / len(generated) >= 0.98
    assert decoder.decode(synth.blank_frame(120)) is None


def test_zbar_reads_first_when_installed() -> None:
    decoder = QrDecoder()
    assert decoder.has_zbar, "libzbar0 is missing (scripts/bootstrap.sh installs it)"
    assert decoder.decode(synth.qr_frame("EKIOSK:APPT:Z")) == "EKIOSK:APPT:Z"
    assert decoder.last_method.startswith("zbar")
