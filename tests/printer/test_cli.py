"""`kiosk devices print-test`: repeatable bytes, a PNG of the paper, the configured printer."""

from __future__ import annotations

from PIL import Image


def test_two_runs_give_identical_bytes(kiosk_cli, tmp_path) -> None:
    outs = []
    for name in ("a.bin", "b.bin"):
        out = tmp_path / name
        done = kiosk_cli("devices", "print-test", "--template", "registration", "--lang", "bo",
                         "--width", "58", "--out", str(out), "--png", str(tmp_path / "r.png"))
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and b"\x1c&" in outs[0] and b"\x1dv0" in outs[0]
    assert Image.open(tmp_path / "r.png").width == 384 + 32


def test_prints_to_the_simulated_printer_and_shows_the_text(kiosk_cli) -> None:
    done = kiosk_cli("devices", "print-test", "--template", "complaint")
    assert done.returncode == 0, done.stderr
    assert "我们将在5个工作日内答复您。" in done.stdout and "printer ok" in done.stdout


def test_no_printer_is_one_clear_line(kiosk_cli, tmp_path) -> None:
    cfg = tmp_path / "site.toml"
    cfg.write_text('[printer]\ndriver = "none"\n')
    done = kiosk_cli("--config", str(cfg), "devices", "print-test")
    assert done.returncode == 3 and done.stderr.strip().endswith("use --out FILE")
