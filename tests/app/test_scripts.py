"""Scripted visitor sessions through `kiosk script`, as a technician runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.mark.parametrize("name", sorted(p.name for p in SCRIPTS.glob("*.json")))
def test_script_passes(kiosk_cli, tmp_path, name: str) -> None:
    result = kiosk_cli("script", str(SCRIPTS / name), "--workdir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "steps passed" in result.stdout


def test_a_failing_step_is_named(kiosk_cli, tmp_path) -> None:
    script = tmp_path / "bad.json"
    script.write_text(json.dumps({"platform": False, "steps": [
        {"tap": "attract.start"}, {"see": "这段文字不存在", "timeout": 1}]}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path))
    assert result.returncode == 1
    assert "step 2 (see: '这段文字不存在') failed: timed out waiting" in result.stderr


def test_double_tap_acts_once(kiosk_cli, tmp_path) -> None:
    script = tmp_path / "double.json"
    script.write_text(json.dumps({"platform": False, "steps": [
        {"tap": "attract.start"}, {"wait_screen": "home"},
        {"tap": "home.elder"}, {"tap": "home.elder"},       # second tap within the guard
        {"see": "标准版"}, {"advance": 1}, {"tap": "home.elder"}, {"see": "长辈版"}]}),
        encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
