"""`kiosk devices scan-qr` and `capture-face`: output and exit codes."""

from __future__ import annotations

import cv2
import numpy as np

from kiosk_command.main import main


def test_scan_qr_prints_the_payload(qr_path, wall_path, capsys):
    assert main(["devices", "scan-qr", "--sim", str(wall_path), str(qr_path)]) == 0
    assert capsys.readouterr().out.strip() == "EKIOSK:APPT:T-7"


def test_scan_qr_times_out_with_exit_2(wall_path, capsys):
    assert main(["devices", "scan-qr", "--sim", str(wall_path), "--timeout", "5"]) == 2
    assert "no QR code" in capsys.readouterr().err


def test_scan_qr_without_camera_exits_3(tmp_path, capsys):
    code = main(["devices", "scan-qr", "--device", str(tmp_path / "video9"), "--timeout", "1"])
    assert code == 3
    assert "cannot open camera" in capsys.readouterr().err


def test_scan_qr_with_camera_disabled_exits_3(tmp_path, capsys):
    site = tmp_path / "site.toml"
    site.write_text('[camera]\ndriver = "none"\n')
    assert main(["--config", str(site), "devices", "scan-qr"]) == 3
    assert "disabled" in capsys.readouterr().err


def test_capture_face_saves_a_jpeg(tmp_path, centred_face, capsys):
    picture = tmp_path / "visitor.png"
    cv2.imwrite(str(picture), centred_face)
    out = tmp_path / "photo.jpg"
    assert main(["devices", "capture-face", "--sim", str(picture), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "face.hold_still" and lines[1] == "face.done"
    photo = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert photo.shape[1] == 320


def test_capture_face_without_a_face_exits_2(tmp_path, wall_path, capsys):
    out = tmp_path / "photo.jpg"
    assert main(["devices", "capture-face", "--sim", str(wall_path), "--out", str(out)]) == 2
    assert capsys.readouterr().out.splitlines() == ["face.no_face"]
    assert not out.exists()
