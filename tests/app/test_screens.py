"""Every screen, in 3 languages × 2 modes, rendered by the real app and measured.

One app run per language and mode visits every scene and dumps the visible
widget tree; the rules (sizes, contrast, Tibetan breaks, staff help) are
checked on what was really laid out, not on golden pictures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.rules import violations

SCENES = ["attract", "home", "soon", "timeout", "failsafe", "out_of_service", "tech_exit",
          "fairs", "jobs", "job_groups", "job_filters", "job_detail", "job_print", "job_qr",
          "job_interest", "keyboard", "keypad"]
COMBOS = [(lang, mode) for lang in ("zh", "en", "bo") for mode in ("normal", "elder")]


def render_all(kiosk_cli, workdir: Path, lang: str, mode: str) -> dict[str, dict]:
    steps = []
    for scene in SCENES:
        steps.append({"scene": {"screen": scene, "lang": lang, "elder": mode == "elder"}})
        steps.append({"tree": f"{scene}.json"})
    steps.append({"screenshot": "home-last.png"})
    script = workdir / "screens.json"
    script.write_text(json.dumps({"platform": True, "steps": steps}), encoding="utf-8")
    result = kiosk_cli("script", str(script), "--workdir", str(workdir))
    assert result.returncode == 0, result.stderr[-3000:]
    return {s: json.loads((workdir / f"{s}.json").read_text(encoding="utf-8")) for s in SCENES}


@pytest.mark.parametrize("lang, mode", COMBOS)
def test_screens_meet_size_contrast_and_script_rules(kiosk_cli, tmp_path, lang, mode) -> None:
    trees = render_all(kiosk_cli, tmp_path, lang, mode)
    problems = [line for tree in trees.values() for line in violations(tree)]
    assert problems == []
    for scene, tree in trees.items():
        assert tree["lang"] == lang and tree["elder"] == (mode == "elder"), scene
        tids = {w["tid"] for w in tree["widgets"]}
        if scene not in ("timeout", "tech_exit"):
            assert "footer.help" in tids, f"{scene} shows no staff help"
        clipped = [w["raw"] for w in tree["widgets"] if w.get("clipped")]
        assert clipped == [], scene
    home = {w["tid"] for w in trees["home"]["widgets"]}
    assert {"home.elder", "lang.zh", "lang.en", "lang.bo"} <= home
    assert sum(t.startswith("home.tile.") for t in home) >= 4   # the rest scroll into view
