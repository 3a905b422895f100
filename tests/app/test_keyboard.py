"""The on-screen keyboard in the real app: pinyin, the phone pad, loading, session end.

Each test is a `kiosk script` run: fields are made by the keyfield step, keys are
tapped through the window like a finger. Sizes and contrast of the keyboard in every
language and mode are checked by test_screens through the keyboard and keypad scenes.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.ime import ImeEngine
from kiosk.session import SessionTimings, VisitorSession

START = [{"tap": "attract.start"}, {"wait_screen": "home"}, {"ime": "ready", "timeout": 90}]


def run_script(kiosk_cli, workdir: Path, steps: list[dict]) -> None:
    script = workdir / "keyboard.json"
    script.write_text(json.dumps({"platform": False, "steps": steps}, ensure_ascii=False),
                      encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(workdir))
    assert result.returncode == 0, result.stderr[-3000:]


def test_pinyin_words_backspace_clear_and_done(kiosk_cli, tmp_path) -> None:
    run_script(kiosk_cli, tmp_path, START + [
        {"keyfield": {"name": "q", "title": "kb.demo_title", "hint": "kb.demo_hint",
                      "on_screen": True}},
        {"tap": "script.q"},                            # a tap on the field opens the keyboard
        {"see": "搜索岗位"},                             # the echo line names the field
        {"keys": "fuwuyuan"},
        {"see": "服务员"},
        {"expect_field": {"name": "q", "text": "", "composing": "fuwuyuan",
                          "preview": "服务员", "keyboard": "open"}},
        {"pick": 0},
        {"expect_field": {"name": "q", "text": "服务员", "composing": "", "preview": "服务员"}},
        {"keys": "fwy"},                                # initials only
        {"pick": 0},
        {"expect_field": {"name": "q", "text": "服务员服务员"}},
        {"keys": "sj<"},                                # backspace takes a composed letter
        {"expect_field": {"name": "q", "text": "服务员服务员", "composing": "s"}},
        {"keys": "<<"},                                 # then characters of the text
        {"expect_field": {"name": "q", "text": "服务员服务", "composing": ""}},
        {"tap": "kb.clear"},
        {"expect_field": {"name": "q", "text": "", "composing": ""}},
        {"keys": "java"},                               # Done keeps letters as typed
        {"tap": "kb.done"},
        {"expect_field": {"name": "q", "text": "java", "composing": "", "submitted": ["java"],
                          "keyboard": "closed"}},
        {"tap": "script.q"},                            # opens again, the text kept
        {"expect_field": {"name": "q", "text": "java", "keyboard": "open"}},
        {"keys": "<<<<"},
        *[step for _ in range(12) for step in ({"keys": "fwy"}, {"pick": 0})],
        {"keys": "xiaoshig"},
        {"tree": "long.json"},
    ])
    tree = json.loads((tmp_path / "long.json").read_text(encoding="utf-8"))
    assert [w["raw"] for w in tree["widgets"] if w.get("clipped")] == []
    texts = [w.get("raw", "") for w in tree["widgets"] if w["type"] == "KLabel"]
    assert any(t.startswith("…") and t.endswith("服务员") for t in texts)   # the end shows
    assert "xiaoshig" in texts


def test_phone_pad_repeats_digits_and_stops_at_max_length(kiosk_cli, tmp_path) -> None:
    run_script(kiosk_cli, tmp_path, START + [
        {"keyfield": {"name": "p", "layout": "digits", "max_length": 11,
                      "title": "kb.phone_title"}},
        {"see": "手机号码"},
        {"keys": "13800138000"},                        # repeated digits at a typing pace
        {"keys": "9"},                                  # one too many
        {"expect_field": {"name": "p", "text": "13800138000", "composing": ""}},
        {"keys": "<<"},
        {"tap": "kb.key.5"}, {"tap": "kb.key.5"},       # a bounce: the same instant, once
        {"expect_field": {"name": "p", "text": "1380013805", "keyboard": "open"}},
        {"advance": 0.3}, {"tap": "kb.key.5"},          # a deliberate repeat goes in
        {"expect_field": {"name": "p", "text": "13800138055"}},
        {"tap": "kb.done"},
        {"expect_field": {"name": "p", "submitted": ["13800138055"], "keyboard": "closed"}},
    ])


def test_letters_go_in_as_typed_until_the_dictionary_is_loaded(kiosk_cli, tmp_path) -> None:
    run_script(kiosk_cli, tmp_path, START + [
        {"keyfield": {"name": "n"}},
        {"ime": "off"},                                 # as while it is still loading
        {"keys": "ab"},
        {"see": "中文输入正在准备"},
        {"expect_field": {"name": "n", "text": "ab", "composing": ""}},
        {"ime": "on"},
        {"gone": "中文输入正在准备", "timeout": 5},
        {"see": "输入拼音，点选词语"},
        {"keys": "fwy"},
        {"expect_field": {"name": "n", "text": "ab", "composing": "fwy",
                          "preview": "ab服务员"}},
    ])


def test_session_end_wipes_every_field_and_closes_the_keyboard(kiosk_cli, tmp_path) -> None:
    run_script(kiosk_cli, tmp_path, START + [
        {"keyfield": {"name": "a", "on_screen": True}},   # a field of the home screen
        {"tap": "script.a"},
        {"keys": "fwy"}, {"pick": 0}, {"tap": "kb.done"},
        {"expect_field": {"name": "a", "text": "服务员", "keyboard": "closed"}},
        {"keyfield": {"name": "b", "title": "kb.demo_title"}},    # now the keyboard edits b
        {"keys": "xiaoshigong"}, {"pick": 0}, {"keys": "fuwu"},
        {"expect_field": {"name": "b", "text": "小时工", "composing": "fuwu",
                          "keyboard": "open"}},
        {"advance": 61},
        {"see": "您还在吗？"},
        {"advance": 26},
        {"wait_screen": "attract"},
        {"expect_state": "idle"},
        {"expect_field": {"name": "a", "text": "", "composing": "", "preview": ""}},
        {"expect_field": {"name": "b", "text": "", "composing": "", "preview": "",
                          "keyboard": "closed"}},
        {"not_see": "小时工"},
        {"not_see": "服务员"},
    ])


def test_wiring_loads_the_engine_in_the_background() -> None:
    from kiosk_command.wiring import ime

    ImeEngine.load()                                    # built once (kiosk setup does this)
    settings = load_settings(None, overrides={})
    clock = FakeClock()
    core = KioskCore(settings=settings, clock=clock,
                     session=VisitorSession(clock, SessionTimings.from_settings(settings.kiosk),
                                            "zh"))
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        ime.attach(core, stack)
        returned = time.perf_counter() - started
        loader = core.ime
        engine = loader.wait(60)
    assert loader.thread.daemon and not loader.failed
    assert engine is core.ime.engine
    assert returned < loader.seconds                    # attach did not wait for the load
    assert engine.lookup("fuwuyuan", 3)[0].text == "服务员"
