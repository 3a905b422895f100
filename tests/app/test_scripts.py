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


def _run(kiosk_cli, tmp_path, doc: dict):
    script = tmp_path / "case.json"
    script.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return kiosk_cli("script", str(script), "--workdir", str(tmp_path))


def test_what_an_overlay_covers_is_neither_seen_nor_tapped(kiosk_cli, tmp_path) -> None:
    result = _run(kiosk_cli, tmp_path, {"platform": False, "steps": [
        {"tap": "attract.start"}, {"wait_screen": "home"}, {"see": "请选择您要办理的服务"},
        {"advance": 61}, {"see": "您还在吗？"},
        {"not_see": "请选择您要办理的服务", "timeout": 2},   # dimmed under the warning
        {"tap": "home.elder"}]})
    assert result.returncode == 1, result.stderr[-3000:]
    assert ("step 7 (tap: 'home.elder') failed: cannot tap 'home.elder' on screen 'home': "
            "an overlay covers it") in result.stderr


def test_text_scrolled_out_of_its_list_is_not_seen(kiosk_cli, tmp_path) -> None:
    result = _run(kiosk_cli, tmp_path, {"steps": [
        {"scene": {"screen": "fairs", "lang": "zh"}},
        {"see": "直播带岗", "timeout": 1}]})            # the live-stream fairs are further down
    assert result.returncode == 1, result.stderr[-3000:]
    assert "step 2 (see: '直播带岗') failed: timed out waiting" in result.stderr


def test_an_unexpected_failsafe_fails_the_run(tmp_path) -> None:
    from kiosk.clock import FakeClock
    from kiosk.session import VisitorSession
    from kiosk_command.script.context import ScriptContext, ScriptFailure
    from kiosk_command.script.runner import Runner

    clock = FakeClock()
    session = VisitorSession(clock)
    ctx = ScriptContext(workdir=tmp_path, clock=clock)
    runner = Runner(ctx, [], {})
    session.on_change(runner._on_session)
    ctx.failsafe_armed = True                       # as raise_error does
    session.touch()
    session.fail(RuntimeError("meant"))
    assert runner._unexpected == "" and not ctx.failsafe_armed
    session.recover()
    session.touch()
    session.fail(KeyError("a flow's bug"))
    with pytest.raises(ScriptFailure, match=r"fell into the failsafe \(KeyError"):
        runner._advance()
