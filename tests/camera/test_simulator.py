"""The simulator's sources: pictures, folders, videos, generated frames."""

from __future__ import annotations

import json
import struct
import zlib

import cv2
import pytest
from PIL import Image

from devices.camera import synth
from devices.camera.errors import CameraError, CameraUnavailable, EndOfStream
from devices.camera.frames import playlist, read_image
from devices.camera.qr import QrDecoder
from devices.camera.simulator import SimulatedCamera
from kiosk_command.main import main


def _video(path, payloads):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15,
                             (synth.WIDTH, synth.HEIGHT))
    assert writer.isOpened()
    for payload in payloads:
        for _ in range(3):
            writer.write(synth.qr_frame(payload) if payload else synth.blank_frame(90))
    writer.release()


def test_video_frames_are_replayed_in_order(tmp_path):
    path = tmp_path / "counter.avi"
    _video(path, [None, "EKIOSK:APPT:V1", "EKIOSK:APPT:V2"])
    frames = list(playlist([path]))
    assert len(frames) == 9
    decoder = QrDecoder()
    assert [decoder.decode(f) for f in frames[::3]] == [None, "EKIOSK:APPT:V1", "EKIOSK:APPT:V2"]


def test_folder_is_read_in_name_order(tmp_path):
    for name, payload in (("b.png", "SECOND"), ("a.png", "FIRST")):
        cv2.imwrite(str(tmp_path / name), synth.qr_frame(payload))
    (tmp_path / "notes.txt").write_text("not a picture")
    decoder = QrDecoder()
    assert [decoder.decode(f) for f in playlist([tmp_path], repeat=2)] == [
        "FIRST", "FIRST", "SECOND", "SECOND"]


def test_video_through_the_cli(tmp_path, capsys):
    path = tmp_path / "ticket.avi"
    _video(path, [None, None, "EKIOSK:APPT:CLI"])
    assert main(["devices", "scan-qr", "--sim", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "EKIOSK:APPT:CLI"


def _bomb(path):
    """A valid PNG of a few bytes whose header claims 65535 × 65535 pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 65535, 65535, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    return path


def test_unreadable_picture_is_a_clear_error(tmp_path):
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png")
    with pytest.raises(CameraError, match="cannot read picture"):
        read_image(bad)


def test_a_huge_picture_is_refused_before_decoding(tmp_path):
    with pytest.raises(CameraError, match="refused: it claims more than 50 million pixels"):
        read_image(_bomb(tmp_path / "bomb.png"))
    big = tmp_path / "big.png"
    Image.new("1", (10_000, 6_000)).save(big)         # 60 MP: under PIL's own alarm
    with pytest.raises(CameraError, match="10000 × 6000 pixels is more than 50 million"):
        read_image(big)


def test_a_replay_skips_what_it_cannot_read_and_goes_on(tmp_path, qr_path, capsys):
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png")
    bomb = _bomb(tmp_path / "bomb.png")
    assert main(["devices", "scan-qr", "--sim", str(bad), str(bomb), str(qr_path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "EKIOSK:APPT:T-7"
    skipped = [json.loads(line) for line in err.splitlines() if "skipped" in line]
    assert [s["msg"] for s in skipped] == ["picture skipped", "picture skipped"]
    assert "cannot read picture" in skipped[0]["cause"] and "refused" in skipped[1]["cause"]


def test_a_replay_of_only_unreadable_pictures_finds_nothing(tmp_path, capsys):
    bomb = _bomb(tmp_path / "bomb.png")
    assert main(["devices", "scan-qr", "--sim", str(bomb), str(tmp_path / "gone.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("picture skipped") == 2
    assert err.splitlines()[-1] == "kiosk: no QR code decoded in the pictures"


def test_fault_modes():
    sim = SimulatedCamera()
    sim.set_fault("no_camera")
    with pytest.raises(CameraUnavailable):
        sim.open()
    sim.set_fault("none")
    sim.open()
    sim.set_fault("black")
    assert sim.read().max() == 0
    sim.set_fault("disconnect", after=1)
    assert sim.read() is not None and sim.read() is None
    with pytest.raises(CameraUnavailable):
        sim.open()
    with pytest.raises(ValueError):
        sim.set_fault("fire")


def test_playlist_end_is_end_of_stream():
    sim = SimulatedCamera(frames=iter([synth.blank_frame()]))
    sim.open()
    assert sim.read() is not None
    with pytest.raises(EndOfStream):
        sim.read()


def test_opencv_source_reads_a_recording_like_a_camera(tmp_path):
    """The real driver on a recorded stream: frames, then 'unplugged' when it ends."""
    from devices.camera.capture import CaptureService
    from devices.camera.source import OpenCVSource
    from devices.camera.status import CameraState
    from kiosk.clock import FakeClock

    path = tmp_path / "recording.avi"
    _video(path, ["EKIOSK:APPT:REC"])
    capture = CaptureService(OpenCVSource(str(path)), FakeClock(), autostart=False)
    assert all(capture.step() for _ in range(3))
    assert QrDecoder().decode(capture.latest()[0]) == "EKIOSK:APPT:REC"
    assert not capture.step()
    assert capture.status().state is CameraState.RECONNECTING
    capture.stop()
