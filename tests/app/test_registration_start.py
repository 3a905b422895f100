"""The registration tile for a visitor whose card is already on the reader.

Their card is asked about as the start screen comes up, not at its first poll for a
card laid down later (a quarter of a second on): the first frame says the terminal is
checking, and never asks them to lay down the card they laid down.
"""

from __future__ import annotations

import json


def test_a_card_on_the_reader_is_looked_up_as_the_start_screen_comes_up(kiosk_cli,
                                                                          tmp_path) -> None:
    script = tmp_path / "start.json"
    script.write_text(json.dumps({"steps": [
        {"place_card": "resident"}, {"wait_screen": "home"},
        {"tap": "home.tile.registration"},
        {"tree": "start.json"},                  # two frames after the tap
        {"wait_screen": "reg_consent"}]}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    tree = json.loads((tmp_path / "start.json").read_text(encoding="utf-8"))
    if tree["screen"] == "reg_consent":          # the platform had answered already
        return
    assert tree["screen"] == "reg_start"
    said = [w["text"] for w in tree["widgets"] if w["tid"] == "reg.start.card"]
    assert said == ["正在查询您是否已经登记……"], said
