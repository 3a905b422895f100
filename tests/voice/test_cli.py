"""`kiosk voice script` lists what to record; `kiosk voice check` finds what is wrong."""

from __future__ import annotations

import json

from kiosk.speech.pack import write_pack
from tests.voice.helpers import tone


def _script(kiosk_cli, lang: str) -> list[dict]:
    result = kiosk_cli("voice", "script", "--lang", lang, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_script_names_every_declared_prompt(kiosk_cli) -> None:
    rows = _script(kiosk_cli, "bo")
    ids = [r["id"] for r in rows]
    assert {"voice.home", "voice.attract", "voice.reg_review", "voice.hint.end"} <= set(ids)
    assert "voice.job" not in ids and "voice.reg_identity" not in ids   # values: not recordable
    assert all(r["file"] == f"{r['id']}.{r['hash']}.wav" for r in rows)
    zh = {r["id"]: r["text"] for r in _script(kiosk_cli, "zh")}
    assert zh["voice.home"].startswith("请选择")


def test_check_finds_missing_stale_and_wrong_format(kiosk_cli, tmp_path) -> None:
    rows = _script(kiosk_cli, "bo")
    clips = {r["id"]: (r["text"], tone(440, 0.1)) for r in rows}
    first, second, third = (r["id"] for r in rows[:3])
    clips[first] = ("an older text", tone(440, 0.1))
    clips[second] = (clips[second][0], tone(440, 0.1, rate=4000))
    del clips[third]
    pack = write_pack(tmp_path / "bo", "bo", clips)
    result = kiosk_cli("voice", "check", str(pack))
    assert result.returncode == 1
    assert f"stale: {first}" in result.stdout
    assert f"format: {second} (4000 Hz" in result.stdout
    assert f"missing: {third}" in result.stdout
    good = write_pack(tmp_path / "good", "bo", {r["id"]: (r["text"], tone(440, 0.1))
                                               for r in rows})
    ok = kiosk_cli("voice", "check", str(good))
    assert ok.returncode == 0, ok.stdout
    assert kiosk_cli("voice", "check", str(tmp_path)).returncode == 2   # no manifest
